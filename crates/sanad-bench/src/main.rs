//! `sanad-bench`: loads a million requests with their histories into a backend, then measures
//! what desks feel. Run in release (figures from a debug build mean nothing):
//!
//!   cargo run --release -p sanad-bench -- sqlite:///tmp/bench.db [REQUESTS]
//!   cargo run --release -p sanad-bench -- postgres://user@host/db [REQUESTS]
//!
//! The database must be new (or empty). It prints its figures; it asserts nothing about time.
//!
//! Reliability (README, Reliability):
//!
//! What a user sees, beside the engine's own rate, in one run (issue 13; the last line is JSON):
//!
//!   sanad-bench figures DATABASE_URL [--requests N] [--desks D] [--seconds S]
//!
//! The portal under load (issue 14): a real `sanad-portal` on loopback, agencies and lookups:
//!
//!   sanad-bench portal DATABASE_URL [--requests N] [--clients C] [--seconds S]
//!
//!   sanad-bench desks DATABASE_URL [--desks 50] [--minutes 10]   fifty desks at once, then checks
//!   sanad-bench writer DATABASE_URL [--setup]                     the crash test's writer

mod engine;
mod figures;
mod load;
mod measure;
mod portal;

use std::time::Instant;

use sanad_core::model::Action;
use sanad_service::{NewDocument, NewOrganization, NewUser, Service};

const PASSWORD: &str = "bench-password-1";

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    if let Ok(filter) = std::env::var("SANAD_BENCH_LOG") {
        tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
            .with_writer(std::io::stderr)
            .init();
    }
    if let Err(e) = run().await {
        eprintln!("sanad-bench: {e}");
        std::process::exit(1);
    }
}

async fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("desks") => desks(&args[1..]).await,
        Some("figures") => figures::run(figures::parse(&args[1..])?).await,
        Some("portal") => portal::run(portal::parse(&args[1..])?).await,
        Some("writer") => {
            let url = args
                .get(1)
                .ok_or("usage: sanad-bench writer DATABASE_URL [--setup]")?;
            let setup = args.get(2).is_some_and(|a| a == "--setup");
            sanad_bench::writer::run(url, setup).await
        }
        _ => million(args.into_iter()).await,
    }
}

/// `desks URL [--desks N] [--minutes M]`: exits non-zero when any check fails.
async fn desks(args: &[String]) -> Result<(), String> {
    const USAGE: &str = "usage: sanad-bench desks DATABASE_URL [--desks N] [--minutes M]";
    let url = args.first().ok_or(USAGE)?;
    let (mut desks, mut minutes) = (50usize, 10f64);
    let mut rest = args[1..].iter();
    while let Some(flag) = rest.next() {
        let value = rest.next().ok_or(USAGE)?;
        match flag.as_str() {
            "--desks" => desks = value.parse().map_err(|_| USAGE)?,
            "--minutes" => minutes = value.parse().map_err(|_| USAGE)?,
            _ => return Err(USAGE.into()),
        }
    }
    if !(minutes > 0.0 && minutes < 24.0 * 60.0) {
        return Err(USAGE.into());
    }
    let duration = std::time::Duration::from_secs_f64(minutes * 60.0);
    let outcome = sanad_bench::desks::run(url, desks, duration).await?;
    if !outcome.passed() {
        return Err("checks FAILED: see above".into());
    }
    println!("checks passed");
    Ok(())
}

/// The million-request benchmark.
async fn million(mut args: impl Iterator<Item = String>) -> Result<(), String> {
    let url = args
        .next()
        .ok_or("usage: sanad-bench DATABASE_URL [REQUESTS]")?;
    let total: usize = match args.next() {
        Some(n) => n.parse().map_err(|_| "REQUESTS must be a number")?,
        None => 1_000_000,
    };
    let svc = Service::connect(&url).await.map_err(|e| e.to_string())?;
    println!("backend: {}  requests: {total}", svc.backend_name());

    let fresh = svc
        .init_admin("admin", "Bench admin", PASSWORD)
        .await
        .map_err(|e| e.to_string())?;
    if fresh == sanad_service::InitOutcome::AlreadyInitialized {
        // A database loaded by an earlier run: measure the reads again only.
        let clerk = svc
            .login("clerk", PASSWORD)
            .await
            .map_err(|e| e.to_string())?;
        let reviewer = svc
            .login("reviewer", PASSWORD)
            .await
            .map_err(|e| e.to_string())?;
        let director = svc
            .login("director", PASSWORD)
            .await
            .map_err(|e| e.to_string())?;
        let codes = load::sample_codes(svc.store()).await?;
        measure::reads(&svc, &clerk, &reviewer, &director, &codes).await?;
        svc.close().await;
        return Ok(());
    }
    let admin = svc
        .login("admin", PASSWORD)
        .await
        .map_err(|e| e.to_string())?;
    for (name, role) in [
        ("clerk", "clerk"),
        ("reviewer", "reviewer"),
        ("director", "director"),
    ] {
        svc.add_user(
            &admin,
            NewUser {
                username: name.into(),
                display_name: name.into(),
                role: role.into(),
                password: PASSWORD.into(),
            },
        )
        .await
        .map_err(|e| e.to_string())?;
    }
    let clerk = svc
        .login("clerk", PASSWORD)
        .await
        .map_err(|e| e.to_string())?;
    let reviewer = svc
        .login("reviewer", PASSWORD)
        .await
        .map_err(|e| e.to_string())?;
    let director = svc
        .login("director", PASSWORD)
        .await
        .map_err(|e| e.to_string())?;
    let mut orgs = Vec::new();
    for i in 0..50 {
        let org = svc
            .add_organization(
                &admin,
                NewOrganization {
                    name: format!("{} {}", load::ORG_NAMES[i % load::ORG_NAMES.len()], i),
                    kind: "agency".into(),
                    national_id: None,
                },
            )
            .await
            .map_err(|e| e.to_string())?;
        orgs.push(org.id);
    }
    let mut docs = Vec::new();
    for i in 0..1000 {
        let doc = svc
            .add_document(
                &admin,
                NewDocument {
                    registry_number: format!("R-{i:05}"),
                    title: format!("سند مالکیت پلاک {i} بخش {}", i % 12),
                    ..Default::default()
                },
            )
            .await
            .map_err(|e| e.to_string())?;
        docs.push(doc.id);
    }

    // 1. Bulk load.
    let started = Instant::now();
    let loaded = load::bulk_load(svc.store(), clerk.user_id(), &orgs, &docs, total).await?;
    let secs = started.elapsed().as_secs_f64();
    println!(
        "bulk load: {total} requests, {} transitions in {secs:.1} s = {:.0} requests/s",
        loaded.transitions,
        total as f64 / secs
    );

    // 2. Register and approve, each step its own transaction, through the service API.
    let rounds = 500;
    let mut register = Vec::new();
    let mut steps = Vec::new();
    let started = Instant::now();
    for i in 0..rounds {
        let new = load::new_request(&orgs, &docs, i);
        let t = Instant::now();
        let r = svc
            .register_request(&clerk, new)
            .await
            .map_err(|e| e.to_string())?;
        register.push(t.elapsed());
        let code = r.tracking_code.as_str().to_owned();
        for (who, action) in [
            (&reviewer, Action::StartReview),
            (&reviewer, Action::Forward),
            (&director, Action::Approve),
        ] {
            let t = Instant::now();
            svc.act(who, &code, action, None, None)
                .await
                .map_err(|e| e.to_string())?;
            steps.push(t.elapsed());
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "register+approve: {rounds} requests in {secs:.1} s = {:.1} requests/s (4 transactions each)",
        rounds as f64 / secs
    );
    measure::report("  register_request", &mut register);
    measure::report("  act (review/forward/approve)", &mut steps);

    // 3. Reads at scale.
    measure::reads(&svc, &clerk, &reviewer, &director, &loaded.sample_codes).await?;
    svc.close().await;
    Ok(())
}
