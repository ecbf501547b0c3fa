//! The life of a complaint, suggestion or comment: registered at a desk, assigned to a member of
//! staff, answered, closed. Like [`crate::workflow`] for requests, the service asks this table
//! before every change.

use crate::model::{ComplaintAction, ComplaintStatus, Role};
use crate::{Error, Result};

/// The roles that register complaints (the desk meets the person).
pub const REGISTERS: &[Role] = &[Role::Clerk];

/// The roles that may be given a complaint to answer: staff who serve clients.
pub const ASSIGNABLE: &[Role] = &[Role::Clerk, Role::Reviewer, Role::Director, Role::Ministry];

/// The roles that may take `action` at all. Answering is also open to whoever the complaint is
/// assigned to; the service checks that.
pub fn roles_for(action: ComplaintAction) -> &'static [Role] {
    match action {
        // The desk routes what it registered; the director may route anything.
        ComplaintAction::Assign | ComplaintAction::Close => &[Role::Clerk, Role::Director],
        ComplaintAction::Answer => ASSIGNABLE,
    }
}

/// Where `action` leads from `from`, or why it may not be taken. `is_assignee` says whether the
/// acting user is the one the complaint is assigned to.
pub fn next_status(
    role: Role,
    action: ComplaintAction,
    from: ComplaintStatus,
    is_assignee: bool,
) -> Result<ComplaintStatus> {
    use ComplaintStatus::*;
    if !roles_for(action).contains(&role) {
        return Err(Error::not_permitted("error-role-may-not-act"));
    }
    // Only the assignee answers, or the director on their behalf.
    if action == ComplaintAction::Answer && !is_assignee && role != Role::Director {
        return Err(Error::not_permitted("error-complaint-not-assignee"));
    }
    let to = match (action, from) {
        (ComplaintAction::Assign, Registered | Assigned) => Some(Assigned),
        (ComplaintAction::Answer, Assigned) => Some(Answered),
        (ComplaintAction::Close, Answered) => Some(Closed),
        _ => None,
    };
    to.ok_or_else(|| Error::NotPermitted {
        message_id: "error-action-not-allowed-in-state",
        args: [
            ("action".to_owned(), action.as_str().to_owned()),
            ("status".to_owned(), from.as_str().to_owned()),
        ]
        .into_iter()
        .collect(),
    })
}

/// What `role` could do now (for the UI's buttons).
pub fn available_actions(
    role: Role,
    from: ComplaintStatus,
    is_assignee: bool,
) -> Vec<ComplaintAction> {
    ComplaintAction::ALL
        .iter()
        .copied()
        .filter(|a| next_status(role, *a, from, is_assignee).is_ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ComplaintAction::*;
    use ComplaintStatus::*;

    #[test]
    fn the_happy_path() {
        assert_eq!(
            next_status(Role::Clerk, Assign, Registered, false),
            Ok(Assigned)
        );
        assert_eq!(
            next_status(Role::Reviewer, Answer, Assigned, true),
            Ok(Answered)
        );
        assert_eq!(next_status(Role::Clerk, Close, Answered, false), Ok(Closed));
    }

    #[test]
    fn only_the_assignee_or_the_director_answers() {
        assert!(next_status(Role::Reviewer, Answer, Assigned, false).is_err());
        assert_eq!(
            next_status(Role::Director, Answer, Assigned, false),
            Ok(Answered)
        );
        assert!(next_status(Role::Auditor, Answer, Assigned, true).is_err());
    }

    #[test]
    fn nothing_moves_a_closed_complaint() {
        for role in Role::ALL {
            assert!(available_actions(*role, Closed, true).is_empty(), "{role}");
        }
    }

    #[test]
    fn unanswered_complaints_cannot_close() {
        assert!(next_status(Role::Clerk, Close, Assigned, false).is_err());
        assert!(next_status(Role::Admin, Assign, Registered, false).is_err());
    }
}
