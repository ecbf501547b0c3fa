//! p50 and p99 of a set of timings.

use std::time::Duration;

/// Prints them and answers them, in milliseconds.
pub fn report(name: &str, samples: &mut [Duration]) -> (f64, f64) {
    samples.sort();
    let pick = |q: f64| {
        let i = ((samples.len() as f64 - 1.0) * q).round() as usize;
        samples.get(i).copied().unwrap_or_default()
    };
    let (p50, p99) = (
        pick(0.50).as_secs_f64() * 1e3,
        pick(0.99).as_secs_f64() * 1e3,
    );
    println!(
        "{name}: n={} p50={p50:.2} ms p99={p99:.2} ms",
        samples.len()
    );
    (p50, p99)
}
