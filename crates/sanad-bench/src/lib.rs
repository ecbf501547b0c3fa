//! What the benchmark binary and the reliability tests share: a populated office to work in,
//! the simulated desks, the crash-test writer and the checks that nothing was lost or doubled.

pub mod desks;
pub mod integrity;
pub mod latency;
pub mod office;
pub mod writer;

/// Service errors as text for a tool's report (the detail, not a user message).
pub fn text(e: sanad_service::Error) -> String {
    e.to_string()
}
