//! Telling an open desk that the data changed, so its lists refresh by themselves. Every write
//! moves the audit head in its own transaction, so the head's sequence number is the one signal
//! for every kind of change, from this desk, another desk or the command line.
//!
//! PostgreSQL notifies listeners from a trigger on the head (`LISTEN sanad_changes`). SQLite has
//! no way to tell another process, so the desk reads the head's one row twice a second.
//!
//! Public functions: `Service::watch_changes`, `ChangeFeed::next`. Their SQL:
//! `store/ops/audit.rs`, `store/ops/changes.rs`.

use std::time::Duration;

use sanad_core::Result;
use sqlx::postgres::PgListener;

use crate::store::Store;
use crate::{Actor, Service};

const CHANNEL: &str = "sanad_changes";
const SQLITE_POLL: Duration = Duration::from_millis(500);
/// How long to wait before listening again after the server went away.
const RECONNECT_PAUSE: Duration = Duration::from_secs(2);

/// What the feed tells a desk.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DeskSignal {
    /// Something was committed; the audit sequence number it reached.
    Changed { seq: i64 },
    /// The database cannot be reached: the desk says so until it is back.
    Lost,
    /// Reachable again (anything may have changed meanwhile).
    Restored { seq: i64 },
    /// The embedded database's file is not usable where it was opened (deleted, moved, replaced,
    /// read-only): nothing can be saved until it is back. The error's Fluent id and the path.
    #[serde(rename_all = "camelCase")]
    FileProblem { message_id: String, path: String },
}

/// A stream of "something changed" signals.
pub struct ChangeFeed {
    store: Store,
    listener: Option<PgListener>,
    last_seq: Option<i64>,
    /// The last signal was [`DeskSignal::Lost`] or [`DeskSignal::FileProblem`].
    lost: bool,
    /// The file problem last told, so it is told once.
    file_problem: Option<&'static str>,
}

impl Service {
    /// Starts watching for changes committed anywhere in this database, for a signed-in desk.
    pub async fn watch_changes(&self, actor: &Actor) -> Result<ChangeFeed> {
        self.authorize(actor, crate::service::ANY_ROLE).await?;
        let mut feed = ChangeFeed {
            store: self.store.clone(),
            listener: None,
            last_seq: None,
            lost: false,
            file_problem: None,
        };
        match &self.store {
            Store::Postgres(_) => feed.listen().await?,
            Store::Sqlite(_) => feed.last_seq = Some(feed.head_seq().await?),
        }
        Ok(feed)
    }
}

impl ChangeFeed {
    async fn listen(&mut self) -> Result<()> {
        if let Store::Postgres(pool) = &self.store {
            self.listener = Some(crate::store::postgres::listen(pool, CHANNEL).await?);
        }
        Ok(())
    }

    async fn head_seq(&self) -> Result<i64> {
        crate::store::on_store!(&self.store, ops, pool => Ok(ops::audit_head(pool).await?.seq))
    }

    /// Waits for the next change, loss or return of the database.
    pub async fn next(&mut self) -> DeskSignal {
        if matches!(self.store, Store::Sqlite(_)) {
            loop {
                tokio::time::sleep(SQLITE_POLL).await;
                match crate::database_file::check_store(&self.store) {
                    Err(e @ sanad_core::Error::DatabaseFile { .. }) => {
                        let message_id = e.message_id();
                        if self.file_problem != Some(message_id) {
                            self.lost = true;
                            self.file_problem = Some(message_id);
                            let path = e.args().remove("path").unwrap_or_default();
                            return DeskSignal::FileProblem {
                                message_id: message_id.to_owned(),
                                path,
                            };
                        }
                        continue;
                    }
                    _ => self.file_problem = None,
                }
                match self.head_seq().await {
                    Err(_) if !self.lost => return self.lose(),
                    Err(_) => {}
                    Ok(seq) if self.lost => return self.restore(seq),
                    Ok(seq) if self.last_seq != Some(seq) => {
                        self.last_seq = Some(seq);
                        return DeskSignal::Changed { seq };
                    }
                    Ok(_) => {}
                }
            }
        }
        loop {
            let Some(listener) = self.listener.as_mut() else {
                tokio::time::sleep(RECONNECT_PAUSE).await;
                if self.listen().await.is_ok() {
                    if let Ok(seq) = self.head_seq().await {
                        return self.restore(seq);
                    }
                }
                if !self.lost {
                    return self.lose();
                }
                continue;
            };
            match listener.try_recv().await {
                Ok(Some(notification)) => {
                    if let Ok(seq) = notification.payload().parse::<i64>() {
                        return DeskSignal::Changed { seq };
                    }
                }
                // The connection was lost (`None`) or failed: listen again on a new one.
                Ok(None) | Err(_) => self.listener = None,
            }
        }
    }

    fn lose(&mut self) -> DeskSignal {
        self.lost = true;
        DeskSignal::Lost
    }

    fn restore(&mut self, seq: i64) -> DeskSignal {
        self.lost = false;
        self.last_seq = Some(seq);
        DeskSignal::Restored { seq }
    }
}
