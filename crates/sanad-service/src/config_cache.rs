//! Settings, the working calendar's holidays and the notice board, kept in the process: every
//! call of a desk's day needs them (a deadline, the read-only check) and they change a few times
//! a year. Every write to them counts the change in the same transaction (`settings` key
//! `config.version`, `store/ops/settings.rs`), and every call reads that count in the statement
//! that checks the actor (`store/ops/users.rs`, `actor_row`): when it moved, from this desk or
//! any other, the cache is dropped before the call uses it. So a call never sees settings older
//! than its own start, and costs no query for them when nothing changed. Services of one database
//! in one process share one cache.
//!
//! Public functions: none (the service's reads use it). Their SQL: `store/ops/settings.rs`,
//! `store/ops/calendar.rs`, `store/ops/notices.rs`.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use sanad_core::calendar::WorkingCalendar;

use crate::store::NoticeRow;

#[derive(Default)]
struct Cached {
    /// The change count the rest was read at; `None` before the first observation.
    version: Option<Option<String>>,
    settings: Option<Arc<HashMap<String, String>>>,
    calendar: Option<WorkingCalendar>,
    /// Notices not cancelled that had not ended when read (the board is small).
    notices: Option<Arc<Vec<NoticeRow>>>,
}

/// One database's cached settings, shared by the services of this process that open it.
#[derive(Default)]
pub(crate) struct ConfigCache(Mutex<Cached>);

static CACHES: LazyLock<Mutex<HashMap<String, Arc<ConfigCache>>>> = LazyLock::new(Default::default);

/// The cache of the database this process names `key` (`Store::sealer_key`).
pub(crate) fn of(key: String) -> Arc<ConfigCache> {
    // A poisoned map only means a thread panicked while inserting: the map is still sound.
    let mut caches = CACHES.lock().unwrap_or_else(|p| p.into_inner());
    caches.entry(key).or_default().clone()
}

impl ConfigCache {
    fn lock(&self) -> std::sync::MutexGuard<'_, Cached> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The change count a call read with its actor: drops everything read at another count.
    pub(crate) fn observe(&self, version: Option<&str>) {
        let mut c = self.lock();
        let version = Some(version.map(str::to_owned));
        if c.version != version {
            *c = Cached {
                version,
                ..Cached::default()
            };
        }
    }

    /// Whether a call has observed the count since the process started: before that, nothing
    /// cached may be trusted (a call without an actor reads the database).
    fn observed(c: &Cached) -> bool {
        c.version.is_some()
    }

    pub(crate) fn settings(&self) -> Option<Arc<HashMap<String, String>>> {
        let c = self.lock();
        Self::observed(&c).then(|| c.settings.clone()).flatten()
    }

    pub(crate) fn keep_settings(
        &self,
        version: Option<Option<String>>,
        s: Arc<HashMap<String, String>>,
    ) {
        let mut c = self.lock();
        if Self::observed(&c) && c.version == version {
            c.settings = Some(s);
        }
    }

    pub(crate) fn calendar(&self) -> Option<WorkingCalendar> {
        let c = self.lock();
        Self::observed(&c).then(|| c.calendar.clone()).flatten()
    }

    pub(crate) fn keep_calendar(&self, version: Option<Option<String>>, cal: WorkingCalendar) {
        let mut c = self.lock();
        if Self::observed(&c) && c.version == version {
            c.calendar = Some(cal);
        }
    }

    pub(crate) fn notices(&self) -> Option<Arc<Vec<NoticeRow>>> {
        let c = self.lock();
        Self::observed(&c).then(|| c.notices.clone()).flatten()
    }

    pub(crate) fn keep_notices(&self, version: Option<Option<String>>, n: Arc<Vec<NoticeRow>>) {
        let mut c = self.lock();
        if Self::observed(&c) && c.version == version {
            c.notices = Some(n);
        }
    }

    /// The count the cache holds now: a read keeps its result only if the count did not move
    /// while it read.
    pub(crate) fn version(&self) -> Option<Option<String>> {
        self.lock().version.clone()
    }
}
