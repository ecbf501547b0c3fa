//! A real SMTP server on loopback for the outbox tests: scripts/smtp-test-sink.py (Debian's
//! python3-aiosmtpd) as a child process.

#![allow(dead_code)] // each test binary uses its part

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use serde_json::Value;

/// The SMTP sink as a child process, killed when dropped.
pub struct Sink {
    child: Child,
    dir: tempfile::TempDir,
}

impl Sink {
    /// A plain SMTP server on `port`.
    pub fn start(port: u16) -> Sink {
        Sink::start_with(port, &[])
    }

    /// With the script's options (`--starttls CERT KEY`, `--tls CERT KEY`, `--login USER PW`).
    pub fn start_with(port: u16, options: &[&str]) -> Sink {
        let dir = tempfile::tempdir().expect("dir");
        let script =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scripts/smtp-test-sink.py");
        let child = Command::new("/usr/bin/python3")
            .arg(script)
            .arg(port.to_string())
            .arg(dir.path())
            .args(options)
            .spawn()
            .expect("start the SMTP sink (apt-get install python3-aiosmtpd)");
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "SMTP sink did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Sink { child, dir }
    }

    /// The decoded messages received so far, in order.
    pub fn messages(&self) -> Vec<Value> {
        let mut out = Vec::new();
        for n in 1.. {
            let path = self.dir.path().join(format!("{n}.json"));
            let Ok(text) = std::fs::read_to_string(&path) else {
                break;
            };
            out.push(serde_json::from_str(&text).expect("sink json"));
        }
        out
    }

    /// The raw bytes of the `n`th message (from 1), as the server received them.
    pub fn raw(&self, n: usize) -> Vec<u8> {
        std::fs::read(self.dir.path().join(format!("{n}.eml"))).unwrap_or_default()
    }

    /// Waits (a few seconds at most) for `n` messages.
    pub fn wait_for(&self, n: usize) -> Vec<Value> {
        let started = Instant::now();
        loop {
            let got = self.messages();
            if got.len() >= n || started.elapsed() > Duration::from_secs(10) {
                return got;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Text without the bidi isolation marks Fluent puts around arguments.
pub fn unisolated(text: &str) -> String {
    text.chars()
        .filter(|c| !('\u{2066}'..='\u{2069}').contains(c))
        .collect()
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}
