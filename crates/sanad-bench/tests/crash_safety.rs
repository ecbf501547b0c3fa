//! Crash safety of the embedded database: a writer process (desks registering and moving
//! requests concurrently) is killed with SIGKILL at random moments; after each kill the file is
//! reopened and every write the writer acknowledged must be there, nothing half-applied, the
//! file intact and the audit chain unbroken. `SANAD_CRASH_ROUNDS` rounds (default 5; the long
//! run, `scripts/reliability.sh --long`, does 100).
#![cfg(unix)]

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use rand::Rng;
use sanad_bench::integrity::{self, Ack};
use sanad_service::Service;

const WRITER: &str = env!("CARGO_BIN_EXE_sanad-bench");

fn rounds() -> usize {
    std::env::var("SANAD_CRASH_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(5)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_writes_survive_sigkill() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("crash.db").display());
    let setup = Command::new(WRITER)
        .args(["writer", &url, "--setup"])
        .status()
        .expect("run the writer's setup");
    assert!(setup.success(), "writer setup failed");

    let mut acks = HashSet::new();
    let mut rng = rand::thread_rng();
    for round in 1..=rounds() {
        let mut child = Command::new(WRITER)
            .args(["writer", &url])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the writer");
        let stdout = child.stdout.take().expect("writer stdout");
        // Read acknowledgements as they come: a line is printed only after its commit.
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .collect::<Vec<String>>()
        });
        // Past the start-up (sign-ins) now and then, so kills land in writes as well as before them.
        let delay = Duration::from_millis(rng.gen_range(300..2500));
        std::thread::sleep(delay);
        let still_running = child.try_wait().expect("writer status").is_none();
        child.kill().expect("SIGKILL the writer");
        let status = child.wait().expect("reap the writer");
        let lines = reader.join().expect("ack reader");
        if !still_running {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                use std::io::Read;
                let _ = e.read_to_string(&mut err);
            }
            panic!("round {round}: the writer stopped by itself ({status}): {err}");
        }
        let before = acks.len();
        acks.extend(lines.iter().filter_map(|l| Ack::parse(l)));

        let svc = Service::connect(&url).await.expect("reopen after the kill");
        let findings = integrity::check(&svc, &acks).await.expect("checks");
        svc.close().await;
        println!(
            "round {round}: killed after {delay:?}, {} new acks ({} in all), {} requests, {} transitions",
            acks.len() - before,
            acks.len(),
            findings.requests,
            findings.transitions
        );
        assert!(findings.clean(), "round {round}: {findings:?}");
    }
    assert!(!acks.is_empty(), "the writer never acknowledged a write");
}
