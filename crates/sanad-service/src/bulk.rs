//! Decisions on several requests at once: one step (forward, approve, send back, reject with one
//! reason) applied to each selected request, each in its own transaction with its own version
//! check (`Service::act`), so nothing is half-applied to a request and one refusal stops no
//! other. The answer says, request by request, what was applied and what was refused and why.
//!
//! Public functions: `Service::act_many`. Their SQL: that of `Service::act` (`requests.rs`).

use sanad_core::delegation::BULK_ACTIONS;
use sanad_core::error::MessageArgs;
use sanad_core::model::{Action, Status};
use sanad_core::{Error, Result};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Actor, Service};

/// More than this is not a selection from a queue page.
const MAX_ITEMS: usize = 200;

/// One selected request: its tracking code and the version the user saw (none from the command
/// line: the version read when its turn comes is used).
#[derive(Debug, Clone, Deserialize, TS)]
pub struct BulkItem {
    pub code: String,
    #[serde(default)]
    pub expected_version: Option<i64>,
}

/// Why a request of a bulk decision was left as it was.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, TS)]
#[serde(rename_all = "snake_case")]
pub enum RefusalKind {
    /// Another desk changed it after it was selected.
    Conflict,
    /// It is no longer in a state this step applies to.
    StateChanged,
    /// The same person already decided on it in another role.
    SeparationOfDuties,
    /// The person may not take this step on it at all (no role or delegation for it).
    NotPermitted,
    /// The code is not one of a request.
    NotFound,
    /// The code was mistyped.
    Invalid,
    /// The database failed for this one (the rest were still tried).
    Failed,
}

/// What happened to one request of a bulk decision.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct BulkOutcome {
    /// The code as the caller gave it.
    pub code: String,
    pub applied: bool,
    /// After the step, when applied.
    pub status: Option<Status>,
    pub version: Option<i64>,
    pub refusal: Option<RefusalKind>,
    /// The refusal's stable error code (`conflict`, `not_permitted`, …) and Fluent message.
    pub error_code: Option<String>,
    pub message_id: Option<String>,
    #[ts(type = "Record<string, string>")]
    pub args: MessageArgs,
}

/// The answer to a bulk decision, in the order the requests were given.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct BulkResult {
    pub action: Action,
    pub outcomes: Vec<BulkOutcome>,
    pub applied: usize,
    pub refused: usize,
}

impl BulkResult {
    /// The refusal that matters most for a caller's one status (a command's exit code): a
    /// permission before a conflict before anything else.
    pub fn worst(&self) -> Option<RefusalKind> {
        use RefusalKind::*;
        let kinds: Vec<RefusalKind> = self.outcomes.iter().filter_map(|o| o.refusal).collect();
        [
            NotPermitted,
            SeparationOfDuties,
            Conflict,
            StateChanged,
            NotFound,
            Invalid,
            Failed,
        ]
        .into_iter()
        .find(|k| kinds.contains(k))
    }
}

impl Service {
    /// Applies `action` to every request in `items`, each on its own (see the module). Staff
    /// who take steps may call it; each request's step is then checked as a single step is
    /// (role or delegation, state, version, separation of duties). A step that needs a reason
    /// and has none is refused as a whole, before anything is applied.
    pub async fn act_many(
        &self,
        actor: &Actor,
        items: Vec<BulkItem>,
        action: Action,
        note: Option<&str>,
    ) -> Result<BulkResult> {
        self.authorize(actor, sanad_core::access::TAKES_STEPS)
            .await?;
        self.ensure_writable(actor).await?;
        if !BULK_ACTIONS.contains(&action) {
            return Err(Error::invalid("action", "error-bulk-action"));
        }
        if items.is_empty() {
            return Err(Error::invalid("codes", "error-bulk-empty"));
        }
        if items.len() > MAX_ITEMS {
            return Err(Error::invalid_with(
                "codes",
                "error-bulk-too-many",
                &[("max", MAX_ITEMS.to_string())],
            ));
        }
        let note = sanad_core::validate::optional_text("note", note, 1000)?;
        if action.requires_note() && note.is_none() {
            return Err(Error::invalid("note", "error-note-required"));
        }
        let mut outcomes = Vec::with_capacity(items.len());
        for item in items {
            let done = self
                .act(
                    actor,
                    &item.code,
                    action,
                    note.as_deref(),
                    item.expected_version,
                )
                .await;
            outcomes.push(match done {
                Ok(view) => BulkOutcome {
                    code: item.code,
                    applied: true,
                    status: Some(view.status),
                    version: Some(view.version),
                    refusal: None,
                    error_code: None,
                    message_id: None,
                    args: MessageArgs::new(),
                },
                Err(e) => BulkOutcome {
                    code: item.code,
                    applied: false,
                    status: None,
                    version: None,
                    refusal: Some(refusal_kind(&e)),
                    error_code: Some(e.code().to_owned()),
                    message_id: Some(e.message_id().to_owned()),
                    args: e.args(),
                },
            });
        }
        let applied = outcomes.iter().filter(|o| o.applied).count();
        Ok(BulkResult {
            action,
            refused: outcomes.len() - applied,
            applied,
            outcomes,
        })
    }
}

fn refusal_kind(e: &Error) -> RefusalKind {
    match e {
        Error::Conflict { .. } => RefusalKind::Conflict,
        Error::NotPermitted { message_id, .. }
            if *message_id == "error-action-not-allowed-in-state" =>
        {
            RefusalKind::StateChanged
        }
        Error::NotPermitted { message_id, .. } if message_id.starts_with("error-sod-") => {
            RefusalKind::SeparationOfDuties
        }
        Error::NotPermitted { .. } | Error::AuthenticationFailed => RefusalKind::NotPermitted,
        Error::NotFound { .. } => RefusalKind::NotFound,
        Error::Invalid { .. } => RefusalKind::Invalid,
        _ => RefusalKind::Failed,
    }
}
