//! The request's life as a table of transitions (ARCHITECTURE.md, "Glossary"). The service
//! asks [`next_status`] before every change; nothing else decides who may move a request where.

use crate::model::{Action, DispatchMode, OrgKind, Role, Status};
use crate::{Error, Result};

/// What the workflow needs to know about a request to decide a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestFacts {
    pub status: Status,
    pub dispatch_mode: DispatchMode,
    /// The destination is a third party (not the requesting agency): the ministry must approve.
    pub needs_ministry: bool,
}

/// A step the workflow allows: the state it leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transition {
    pub action: Action,
    pub from: Status,
    pub to: Status,
}

/// The roles that may take `action` at all, whatever the state.
pub fn roles_for(action: Action) -> &'static [Role] {
    use Action::*;
    match action {
        StartReview | Forward => &[Role::Reviewer],
        SendBack => &[Role::Reviewer, Role::Director],
        Approve => &[Role::Director, Role::Ministry],
        Reject => &[Role::Director, Role::Ministry],
        // The agency corrects and resubmits its own request on the portal, as a clerk does at
        // the desk for a paper one.
        Resubmit => &[Role::Clerk, Role::Agency],
        Dispatch | ConfirmDelivery | ReceiveBack | Close | Cancel => &[Role::Clerk],
    }
}

/// Decides whether `role` may take `action` on a request described by `facts`, and where it leads.
/// Role errors come before state errors, so a user is never told about a state they may not act on.
pub fn next_status(role: Role, action: Action, facts: RequestFacts) -> Result<Transition> {
    use Status::*;
    if !roles_for(action).contains(&role) {
        return Err(Error::not_permitted("error-role-may-not-act"));
    }
    let from = facts.status;
    let original = facts.dispatch_mode == DispatchMode::Original;
    let to = match (action, role, from) {
        (Action::StartReview, _, Submitted) => Some(UnderReview),
        (Action::SendBack, Role::Reviewer, UnderReview) => Some(Correction),
        (Action::SendBack, Role::Director, AwaitingDirector) => Some(Correction),
        (Action::Resubmit, _, Correction) => Some(Submitted),
        (Action::Forward, _, UnderReview) => Some(AwaitingDirector),
        (Action::Approve, Role::Director, AwaitingDirector) => Some(if facts.needs_ministry {
            AwaitingMinistry
        } else {
            Approved
        }),
        (Action::Approve, Role::Ministry, AwaitingMinistry) => Some(Approved),
        (Action::Reject, Role::Director, AwaitingDirector) => Some(Rejected),
        (Action::Reject, Role::Ministry, AwaitingMinistry) => Some(Rejected),
        (Action::Dispatch, _, Approved) => Some(Dispatched),
        (Action::ConfirmDelivery, _, Dispatched) => Some(Delivered),
        (Action::ReceiveBack, _, Delivered) if original => Some(ReturnedToRepository),
        (Action::Close, _, Delivered) if !original => Some(Closed),
        (Action::Close, _, ReturnedToRepository) => Some(Closed),
        (
            Action::Cancel,
            _,
            Submitted | UnderReview | Correction | AwaitingDirector | AwaitingMinistry | Approved,
        ) => Some(Cancelled),
        _ => None,
    };
    match to {
        Some(to) => Ok(Transition { action, from, to }),
        None => Err(Error::NotPermitted {
            message_id: "error-action-not-allowed-in-state",
            args: [
                ("action".to_owned(), action.as_str().to_owned()),
                ("status".to_owned(), from.as_str().to_owned()),
            ]
            .into_iter()
            .collect(),
        }),
    }
}

/// The one step a request takes by itself: the destination's first download of its certified
/// electronic copy (`Service::download_ecopy`) confirms the delivery, `dispatched` → `delivered`.
/// Only an electronic copy, and only from `dispatched`; anything else is the same refusal a
/// desk gets for a step its state does not allow.
pub fn delivered_by_download(facts: RequestFacts) -> Result<Transition> {
    use Status::*;
    if facts.dispatch_mode == DispatchMode::ElectronicCopy && facts.status == Dispatched {
        return Ok(Transition {
            action: Action::ConfirmDelivery,
            from: Dispatched,
            to: Delivered,
        });
    }
    Err(Error::NotPermitted {
        message_id: "error-action-not-allowed-in-state",
        args: [
            (
                "action".to_owned(),
                Action::ConfirmDelivery.as_str().to_owned(),
            ),
            ("status".to_owned(), facts.status.as_str().to_owned()),
        ]
        .into_iter()
        .collect(),
    })
}

/// The states in which a dispatched request is the destination's to see (its "received"
/// list and page on the portal): from dispatch on. (A cancelled request never left.)
pub const RECEIVED_STATES: &[Status] = &[
    Status::Dispatched,
    Status::Delivered,
    Status::ReturnedToRepository,
    Status::Closed,
];

/// The states whose requests wait on `role`: what that role's queue shows.
pub fn queue_states(role: Role) -> &'static [Status] {
    use Status::*;
    match role {
        Role::Clerk => &[
            Correction,
            Approved,
            Dispatched,
            Delivered,
            ReturnedToRepository,
        ],
        Role::Reviewer => &[Submitted, UnderReview],
        Role::Director => &[AwaitingDirector],
        Role::Ministry => &[AwaitingMinistry],
        // What waits on an agency: its own requests sent back (on the portal, not a desk queue).
        Role::Agency => &[Correction],
        Role::Auditor | Role::Admin => &[],
    }
}

/// The kinds of organization that may ask for a document: executive agencies (a ministry or a
/// third party is a destination, never the requester).
pub const REQUESTING_KINDS: &[OrgKind] = &[OrgKind::Agency];

/// States in which a request's slip may be issued: from approval on (it travels with the
/// dispatched document) while the request lives on; never before approval, nor for a rejected
/// or cancelled request.
pub const SLIP_STATES: &[Status] = &[
    Status::Approved,
    Status::Dispatched,
    Status::Delivered,
    Status::ReturnedToRepository,
    Status::Closed,
];

/// One step a user may take now, as a front end offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct AvailableAction {
    pub action: Action,
    /// The step asks for a reason (send back, reject, cancel).
    pub needs_note: bool,
}

/// [`available_actions`] with whether each needs a note.
pub fn offered_actions(role: Role, facts: RequestFacts) -> Vec<AvailableAction> {
    available_actions(role, facts)
        .into_iter()
        .map(|action| AvailableAction {
            action,
            needs_note: action.requires_note(),
        })
        .collect()
}

/// The actions `role` could take on a request now (for the UI's buttons).
pub fn available_actions(role: Role, facts: RequestFacts) -> Vec<Action> {
    Action::ALL
        .iter()
        .copied()
        .filter(|a| next_status(role, *a, facts).is_ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_dispatched_electronic_copy_is_delivered_by_its_download() {
        let ok = delivered_by_download(facts(
            Status::Dispatched,
            DispatchMode::ElectronicCopy,
            false,
        ))
        .expect("delivered");
        assert_eq!((ok.from, ok.to), (Status::Dispatched, Status::Delivered));
        for (status, mode) in [
            (Status::Approved, DispatchMode::ElectronicCopy),
            (Status::Delivered, DispatchMode::ElectronicCopy),
            (Status::Dispatched, DispatchMode::Original),
            (Status::Dispatched, DispatchMode::CertifiedPaperCopy),
        ] {
            assert!(delivered_by_download(facts(status, mode, false)).is_err());
        }
    }

    fn facts(status: Status, mode: DispatchMode, needs_ministry: bool) -> RequestFacts {
        RequestFacts {
            status,
            dispatch_mode: mode,
            needs_ministry,
        }
    }

    #[test]
    fn director_approval_goes_to_ministry_only_for_third_parties() {
        let own = facts(
            Status::AwaitingDirector,
            DispatchMode::ElectronicCopy,
            false,
        );
        let third = facts(Status::AwaitingDirector, DispatchMode::ElectronicCopy, true);
        assert_eq!(
            next_status(Role::Director, Action::Approve, own).map(|t| t.to),
            Ok(Status::Approved)
        );
        assert_eq!(
            next_status(Role::Director, Action::Approve, third).map(|t| t.to),
            Ok(Status::AwaitingMinistry)
        );
    }

    #[test]
    fn admin_and_auditor_act_on_nothing() {
        for status in Status::ALL {
            for mode in DispatchMode::ALL {
                for needs in [false, true] {
                    let f = facts(*status, *mode, needs);
                    assert!(available_actions(Role::Admin, f).is_empty());
                    assert!(available_actions(Role::Auditor, f).is_empty());
                }
            }
        }
    }

    #[test]
    fn terminal_states_take_no_action() {
        for status in Status::ALL.iter().filter(|s| s.is_terminal()) {
            for role in Role::ALL {
                let f = facts(*status, DispatchMode::Original, true);
                assert!(available_actions(*role, f).is_empty(), "{status} {role}");
            }
        }
    }

    #[test]
    fn originals_return_to_the_repository_before_closing() {
        let delivered_original = facts(Status::Delivered, DispatchMode::Original, false);
        assert_eq!(
            available_actions(Role::Clerk, delivered_original),
            vec![Action::ReceiveBack]
        );
        let delivered_copy = facts(Status::Delivered, DispatchMode::ElectronicCopy, false);
        assert_eq!(
            available_actions(Role::Clerk, delivered_copy),
            vec![Action::Close]
        );
    }

    #[test]
    fn cancel_only_before_dispatch() {
        for status in Status::ALL {
            let allowed = next_status(
                Role::Clerk,
                Action::Cancel,
                facts(*status, DispatchMode::ElectronicCopy, false),
            )
            .is_ok();
            let before_dispatch = matches!(
                status,
                Status::Submitted
                    | Status::UnderReview
                    | Status::Correction
                    | Status::AwaitingDirector
                    | Status::AwaitingMinistry
                    | Status::Approved
            );
            assert_eq!(allowed, before_dispatch, "{status}");
        }
    }

    #[test]
    fn every_state_a_role_can_act_on_is_in_its_queue() {
        for role in Role::ALL {
            for status in Status::ALL {
                for mode in DispatchMode::ALL {
                    for needs in [false, true] {
                        let acts = available_actions(*role, facts(*status, *mode, needs));
                        // Cancel is possible from many states but only the clerk's own states queue.
                        let non_cancel = acts.iter().any(|a| *a != Action::Cancel);
                        if non_cancel {
                            assert!(queue_states(*role).contains(status), "{role} {status}");
                        }
                    }
                }
            }
        }
    }
}
