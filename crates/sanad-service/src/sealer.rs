//! The audit log's sealer (ARCHITECTURE.md, "The audit log"): writes queue their entries in
//! `audit_pending` and this chains them onto `audit_log` in batches, off the writers' path. Every
//! open service runs one, woken by its own process's writes and otherwise once a second; on
//! PostgreSQL only one desk at a time holds the role (an advisory lock it tries, never waits
//! for), so when a desk goes another's next pass takes over. `Service::close` seals what this
//! process queued before the pool closes, so a command-line run leaves nothing behind.
//!
//! Public functions: `Service::seal_audit`. Their SQL: `store/ops/audit.rs`.

use std::time::Duration;

use sanad_core::Result;

use crate::store::{on_store, Sealed, Store};
use crate::Service;

/// How long the sealer waits with nothing to wake it.
const TICK: Duration = Duration::from_secs(1);
/// After a wake-up, how long it lets other writes join the batch: one seal (one commit, one
/// fsync) per this long at most, not one per write.
const GATHER: Duration = Duration::from_millis(100);
/// How long it waits when another desk is sealing, before it looks again.
const BUSY_PAUSE: Duration = Duration::from_millis(50);
/// How many times `seal_audit` looks again while another desk holds the role.
const BUSY_TRIES: usize = 200;
/// How often the sealer also folds past days of the overdue counters (`ops/deadline_fold.rs`):
/// a day becomes past once a day; the first pass folds what an older office has.
const FOLD_EVERY: Duration = Duration::from_secs(3600);
/// (state, day) groups folded per transaction.
const FOLD_BATCH: i64 = 500;
const DAY_MICROS: i64 = 86_400_000_000;

impl Service {
    /// Chains every entry queued now onto the log, waiting while another desk is sealing.
    /// Answers how many entries this call chained. For tools and tests; desks seal by themselves.
    pub async fn seal_audit(&self) -> Result<usize> {
        seal_all(&self.store).await
    }

    /// Folds the overdue counters of days before yesterday (by this service's clock) into one
    /// row per state and day; answers how many (state, day) groups it folded. For tools and
    /// tests; desks fold by themselves, hourly, beside sealing.
    pub async fn fold_overdue_counters(&self) -> Result<usize> {
        fold_all(&self.store, self.now_micros(), BUSY_TRIES).await
    }
}

/// Folds every past day there is to fold, a batch per transaction, looking again up to
/// `busy_tries` times while another desk holds the sealer's role. Folding keeps every sum
/// whichever days it folds: the clock only decides how many rows are left.
async fn fold_all(store: &Store, now_micros: i64, busy_tries: usize) -> Result<usize> {
    // Before yesterday: no desk, whatever its clock's small error, still sets a deadline there.
    let before_day = now_micros.div_euclid(DAY_MICROS) - 1;
    let mut total = 0;
    let mut busy = 0;
    loop {
        match on_store!(store, ops, pool =>
            ops::fold_past_deadline_days(pool, before_day, FOLD_BATCH).await)?
        {
            Some(n) => {
                total += n;
                if (n as i64) < FOLD_BATCH {
                    return Ok(total);
                }
            }
            None if busy < busy_tries => {
                busy += 1;
                tokio::time::sleep(BUSY_PAUSE).await;
            }
            None => return Ok(total),
        }
    }
}

/// Seals until the queue is empty.
async fn seal_all(store: &Store) -> Result<usize> {
    let mut total = 0;
    let mut busy = 0;
    loop {
        match on_store!(store, ops, pool => ops::seal_batch(pool).await)? {
            Sealed::Entries(0) => return Ok(total),
            Sealed::Entries(n) => total += n,
            Sealed::Busy => {
                busy += 1;
                let pending = on_store!(store, ops, pool => ops::any_pending(pool).await)?;
                if !pending || busy > BUSY_TRIES {
                    return Ok(total);
                }
                tokio::time::sleep(BUSY_PAUSE).await;
            }
        }
    }
}

/// Starts this service's sealer. It ends when the store is closed.
pub(crate) fn start(store: Store) {
    let wake = crate::store::sealer_wake(store.sealer_key());
    tokio::spawn(async move {
        let mut folded_at: Option<std::time::Instant> = None;
        loop {
            let woken = tokio::time::timeout(TICK, wake.notified()).await.is_ok();
            if store.is_closed() {
                return;
            }
            if woken {
                tokio::time::sleep(GATHER).await;
            }
            if let Err(e) = seal_all(&store).await {
                // The next pass tries again; `sanad audit verify` reports a queue left too long.
                tracing::warn!(error = %e, "sealing the audit log failed");
            }
            if folded_at.is_none_or(|at| at.elapsed() >= FOLD_EVERY) {
                folded_at = Some(std::time::Instant::now());
                let now = chrono::Utc::now().timestamp_micros();
                // Another desk sealing now folds in its own pass: this one does not wait.
                if let Err(e) = fold_all(&store, now, 0).await {
                    // Only the overdue count's speed depends on it: the next hour tries again.
                    tracing::warn!(error = %e, "folding the overdue counters failed");
                }
            }
        }
    });
}
