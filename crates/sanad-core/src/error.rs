//! One error type for the whole service API. Each variant has a stable `code` (for programs and
//! the UI), a Fluent message id (for people) and, for validation, the field to mark.

use std::collections::BTreeMap;

use serde::Serialize;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Fluent arguments of an error message, in a stable order.
pub type MessageArgs = BTreeMap<String, String>;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// A field was missing or malformed (the first one a form's check found; `more` holds every
    /// other bad field of the same submit, so a form reports all its problems at once). Nothing
    /// was stored.
    #[error("invalid {field}: {message_id}")]
    Invalid {
        field: String,
        message_id: &'static str,
        args: MessageArgs,
        more: Vec<FieldProblem>,
    },
    /// The acting user's role may not do this, in this state or at all.
    #[error("not permitted: {message_id}")]
    NotPermitted {
        message_id: &'static str,
        args: MessageArgs,
    },
    /// Wrong user name or password, or a deactivated account.
    #[error("authentication failed")]
    AuthenticationFailed,
    /// Someone else changed the record first; nothing was applied.
    #[error("conflict: {message_id}")]
    Conflict { message_id: &'static str },
    /// The thing asked for does not exist (or the user may not know it exists).
    #[error("not found: {what}")]
    NotFound { what: &'static str },
    /// The database could not be reached or failed. The detail is for the log only.
    #[error("storage: {0}")]
    Storage(String),
    /// The connection to the database server broke during the call. With `at_commit` false the
    /// transaction never committed: nothing was saved. With `at_commit` true the commit was sent
    /// and its answer lost: it may have been saved, and a retry (with the same idempotency key or
    /// expected version) tells which, never applying the work twice.
    #[error("connection lost{}", if *at_commit { " at commit" } else { "" })]
    ConnectionLost { at_commit: bool },
    /// The embedded database's file is not usable where it was opened (gone, replaced, read-only,
    /// its disk full), or there is no database at a path given to a command that never creates
    /// one. Nothing was saved, here or anywhere else. `path` is the file, when it is known.
    #[error("database file at {path}: {problem:?}")]
    DatabaseFile {
        problem: DatabaseFileProblem,
        path: String,
    },
}

/// What is wrong with the embedded database's file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatabaseFileProblem {
    /// No database at the path (a mistyped path given to a command that does not create one).
    NoDatabase,
    /// The file the desk opened is no longer at its path: deleted or moved away.
    Missing,
    /// Another file stands at the path now (a copy put back, a different database).
    Replaced,
    /// The file, or the disk it is on, may not be written.
    ReadOnly,
    /// The disk holding the database is full.
    DiskFull,
    /// The disk failed to read or write the file.
    DiskError,
}

impl DatabaseFileProblem {
    pub fn message_id(self) -> &'static str {
        match self {
            DatabaseFileProblem::NoDatabase => "error-database-file-none",
            DatabaseFileProblem::Missing => "error-database-file-missing",
            DatabaseFileProblem::Replaced => "error-database-file-replaced",
            DatabaseFileProblem::ReadOnly => "error-database-file-read-only",
            DatabaseFileProblem::DiskFull => "error-database-disk-full",
            DatabaseFileProblem::DiskError => "error-database-disk-error",
        }
    }
}

/// One bad field of a form: its name, the Fluent id that says what is wrong, and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldProblem {
    pub field: String,
    pub message_id: &'static str,
    pub args: MessageArgs,
}

/// Collects every bad field of a form before refusing it: each check's result goes through
/// [`Problems::check`]; [`Problems::finish`] refuses with the first problem and all the others.
/// An error that is not about a field (the database failing) stops at once.
#[derive(Debug, Default)]
pub struct Problems {
    found: Vec<FieldProblem>,
}

impl Problems {
    /// The value of a check that passed (`Some`), or `None` with its problem kept.
    pub fn check<T>(&mut self, result: Result<T>) -> Result<Option<T>> {
        match result {
            Ok(value) => Ok(Some(value)),
            Err(e) => {
                self.add(e)?;
                Ok(None)
            }
        }
    }

    /// Keeps a field's problem (and the others it carries); any other error is returned.
    pub fn add(&mut self, error: Error) -> Result<()> {
        match error {
            Error::Invalid {
                field,
                message_id,
                args,
                more,
            } => {
                // A field already refused keeps its first message.
                if !self.found.iter().any(|p| p.field == field) {
                    self.found.push(FieldProblem {
                        field,
                        message_id,
                        args,
                    });
                }
                for p in more {
                    if !self.found.iter().any(|f| f.field == p.field) {
                        self.found.push(p);
                    }
                }
                Ok(())
            }
            other => Err(other),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// Whether `field` was refused.
    pub fn has(&self, field: &str) -> bool {
        self.found.iter().any(|p| p.field == field)
    }

    /// `Ok` when every check passed; else the first problem, carrying all the others.
    pub fn finish(self) -> Result<()> {
        let mut found = self.found.into_iter();
        match found.next() {
            None => Ok(()),
            Some(first) => Err(Error::Invalid {
                field: first.field,
                message_id: first.message_id,
                args: first.args,
                more: found.collect(),
            }),
        }
    }
}

impl Error {
    pub fn invalid(field: impl Into<String>, message_id: &'static str) -> Self {
        Error::Invalid {
            field: field.into(),
            message_id,
            args: MessageArgs::new(),
            more: Vec::new(),
        }
    }

    pub fn invalid_with(
        field: impl Into<String>,
        message_id: &'static str,
        args: &[(&str, String)],
    ) -> Self {
        Error::Invalid {
            field: field.into(),
            message_id,
            args: args
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
            more: Vec::new(),
        }
    }

    /// Every bad field this error names, the first first (empty when it names none).
    pub fn field_problems(&self) -> Vec<FieldProblem> {
        match self {
            Error::Invalid {
                field,
                message_id,
                args,
                more,
            } => std::iter::once(FieldProblem {
                field: field.clone(),
                message_id,
                args: args.clone(),
            })
            .chain(more.iter().cloned())
            .collect(),
            _ => Vec::new(),
        }
    }

    pub fn not_permitted(message_id: &'static str) -> Self {
        Error::NotPermitted {
            message_id,
            args: MessageArgs::new(),
        }
    }

    /// Stable machine-readable code; never changes once released.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid { .. } => "invalid_input",
            Error::NotPermitted { .. } => "not_permitted",
            Error::AuthenticationFailed => "authentication_failed",
            Error::Conflict { .. } => "conflict",
            Error::NotFound { .. } => "not_found",
            Error::Storage(_) => "storage",
            Error::ConnectionLost { .. } => "connection_lost",
            Error::DatabaseFile {
                problem: DatabaseFileProblem::NoDatabase,
                ..
            } => "not_found",
            Error::DatabaseFile { .. } => "database_file",
        }
    }

    /// The Fluent message id that tells a person what happened.
    pub fn message_id(&self) -> &'static str {
        match self {
            Error::Invalid { message_id, .. }
            | Error::NotPermitted { message_id, .. }
            | Error::Conflict { message_id } => message_id,
            Error::AuthenticationFailed => "error-authentication-failed",
            Error::NotFound { what } => match *what {
                "request" => "error-not-found-request",
                "user" => "error-not-found-user",
                "organization" => "error-not-found-organization",
                "document" => "error-not-found-document",
                "complaint" => "error-not-found-complaint",
                "holiday" => "error-not-found-holiday",
                "notice" => "error-not-found-notice",
                "delegation" => "error-not-found-delegation",
                "tracking_code" => "error-not-found-tracking-code",
                "file" => "error-not-found-file",
                "portal_token" => "error-not-found-portal-token",
                "signing_key" => "error-not-found-signing-key",
                "ecopy" => "error-not-found-ecopy",
                // The public lookup: an unknown code and a wrong PIN are one answer.
                "tracking_pin" => "error-track-no-match",
                _ => "error-not-found",
            },
            Error::Storage(_) => "error-storage",
            Error::ConnectionLost { at_commit: false } => "error-connection-lost",
            Error::ConnectionLost { at_commit: true } => "error-connection-lost-at-commit",
            Error::DatabaseFile { problem, .. } => problem.message_id(),
        }
    }

    pub fn args(&self) -> MessageArgs {
        match self {
            Error::Invalid { args, .. } | Error::NotPermitted { args, .. } => args.clone(),
            Error::DatabaseFile { path, .. } => {
                MessageArgs::from([("path".to_owned(), path.clone())])
            }
            _ => MessageArgs::new(),
        }
    }

    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }

    /// The shape errors take when they cross to the UI or `--json` output. Storage details
    /// stay out of it: they are logged, never shown.
    pub fn to_payload(&self) -> ErrorPayload {
        ErrorPayload {
            code: self.code(),
            message_id: self.message_id(),
            args: self.args(),
            field: self.field().map(str::to_owned),
            fields: self.field_problems(),
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ErrorPayload {
    pub code: &'static str,
    pub message_id: &'static str,
    pub args: MessageArgs,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Every bad field of a form (the first is `field`), when the error is about fields.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldProblem>,
}
