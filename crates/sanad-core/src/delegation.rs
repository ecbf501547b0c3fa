//! Acting approvers (سرپرست): while someone is away, a delegation recorded from the appointing
//! order lets another person take the steps of one role in their place for a half-open period.
//! The rules here decide which delegations may be recorded, which role a step is taken as, and
//! the separation of duties that holds across delegation (nobody decides twice on one request in
//! two roles; nobody approves as director what they forwarded as reviewer).

use crate::model::{Action, Role};
use crate::{Error, Result};

/// The roles whose steps may be delegated: the deciding ones. A clerk's desk work is shared
/// among clerks already; the administrator and the auditor decide nothing.
pub const DELEGABLE_ROLES: &[Role] = &[Role::Reviewer, Role::Director, Role::Ministry];

/// Steps that decide on a request (as opposed to the registry desk's handling of it): these are
/// the ones the separation of duties counts.
pub const DECISIONS: &[Action] = &[
    Action::StartReview,
    Action::Forward,
    Action::SendBack,
    Action::Approve,
    Action::Reject,
];

/// The steps offered for several requests at once: one decision applied to each.
pub const BULK_ACTIONS: &[Action] = &[
    Action::Approve,
    Action::Forward,
    Action::SendBack,
    Action::Reject,
];

/// A person named in a delegation, as the database holds them now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    pub user_id: String,
    pub role: Role,
    pub active: bool,
}

/// A delegation as the administrator asks for it, its dates already read (UTC microseconds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub away: Party,
    pub delegate: Party,
    pub role: Role,
    pub starts_at: i64,
    pub ends_at: i64,
}

/// Checks a new delegation against everything that can be known without the other delegations:
/// the role, the two people and the period. `away_acts_for_role` is whether the one away holds
/// `role` only through a delegation to them (it is not passed on).
pub fn check(p: &Proposal, away_acts_for_role: bool) -> Result<()> {
    if !DELEGABLE_ROLES.contains(&p.role) {
        return Err(Error::invalid("role", "error-delegation-role"));
    }
    for (field, party) in [("from_user", &p.away), ("to_user", &p.delegate)] {
        if matches!(party.role, Role::Admin | Role::Auditor) {
            return Err(Error::invalid(field, "error-delegation-admin-auditor"));
        }
    }
    if p.away.user_id == p.delegate.user_id {
        return Err(Error::invalid("to_user", "error-delegation-self"));
    }
    if p.away.role != p.role {
        return Err(Error::invalid(
            "from_user",
            if away_acts_for_role {
                "error-delegation-not-passed-on"
            } else {
                "error-delegation-role-not-held"
            },
        ));
    }
    if !p.delegate.active {
        return Err(Error::invalid(
            "to_user",
            "error-delegation-delegate-inactive",
        ));
    }
    if p.ends_at <= p.starts_at {
        return Err(Error::invalid(
            "until",
            "error-delegation-ends-before-start",
        ));
    }
    Ok(())
}

/// Whether the half-open periods `[a0, a1)` and `[b0, b1)` share an instant.
pub fn overlaps(a: (i64, i64), b: (i64, i64)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The period a delegation is in force: from its start until its end or the moment it was
/// ended, whichever is sooner.
pub fn in_force(starts_at: i64, ends_at: i64, ended_at: Option<i64>) -> (i64, i64) {
    (starts_at, ended_at.map_or(ends_at, |e| e.min(ends_at)))
}

/// One earlier step on a request, as the separation of duties reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PastStep<'a> {
    pub user_id: &'a str,
    /// The role the step was taken in (the delegated one, when taken under a delegation).
    pub role: Role,
    pub action: Action,
}

/// Refuses `action` taken as `role` by `user_id` when the same person already decided on this
/// request in another role: the reviewer who forwarded a request may not approve it as acting
/// director, and no one decides twice on one request in two roles.
pub fn separation_of_duties(
    history: &[PastStep<'_>],
    user_id: &str,
    role: Role,
    action: Action,
) -> Result<()> {
    if !DECISIONS.contains(&action) || !DELEGABLE_ROLES.contains(&role) {
        return Ok(());
    }
    let mine: Vec<&PastStep<'_>> = history
        .iter()
        .filter(|s| s.user_id == user_id && DECISIONS.contains(&s.action) && s.role != role)
        .collect();
    // The reviewer's forward is the case the office names; any other earlier decision in
    // another role is the general rule.
    let forwarded = mine.iter().find(|s| s.action == Action::Forward);
    let (first, message_id) = match (forwarded, mine.first()) {
        (Some(s), _) if role == Role::Director => (s, "error-sod-approve-own-forward"),
        (_, Some(s)) => (s, "error-sod-two-roles"),
        (_, None) => return Ok(()),
    };
    Err(Error::NotPermitted {
        message_id,
        args: [("role".to_owned(), first.role.as_str().to_owned())]
            .into_iter()
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn party(id: &str, role: Role) -> Party {
        Party {
            user_id: id.into(),
            role,
            active: true,
        }
    }

    fn proposal(away: Party, delegate: Party, role: Role) -> Proposal {
        Proposal {
            away,
            delegate,
            role,
            starts_at: 10,
            ends_at: 20,
        }
    }

    fn refusal(p: &Proposal) -> &'static str {
        match check(p, false) {
            Err(e) => e.message_id(),
            Ok(()) => "accepted",
        }
    }

    #[test]
    fn refusals_name_their_reason() {
        let dir = party("d", Role::Director);
        let rev = party("r", Role::Reviewer);
        assert_eq!(
            refusal(&proposal(dir.clone(), rev.clone(), Role::Director)),
            "accepted"
        );
        assert_eq!(
            refusal(&proposal(
                dir.clone(),
                party("a", Role::Admin),
                Role::Director
            )),
            "error-delegation-admin-auditor"
        );
        assert_eq!(
            refusal(&proposal(
                party("a", Role::Auditor),
                rev.clone(),
                Role::Director
            )),
            "error-delegation-admin-auditor"
        );
        assert_eq!(
            refusal(&proposal(dir.clone(), dir.clone(), Role::Director)),
            "error-delegation-self"
        );
        assert_eq!(
            refusal(&proposal(rev.clone(), dir.clone(), Role::Director)),
            "error-delegation-role-not-held"
        );
        assert_eq!(
            refusal(&proposal(dir.clone(), rev.clone(), Role::Clerk)),
            "error-delegation-role"
        );
        let inactive = Party {
            active: false,
            ..rev.clone()
        };
        assert_eq!(
            refusal(&proposal(dir.clone(), inactive, Role::Director)),
            "error-delegation-delegate-inactive"
        );
        let reversed = Proposal {
            starts_at: 20,
            ends_at: 20,
            ..proposal(dir.clone(), rev.clone(), Role::Director)
        };
        assert_eq!(refusal(&reversed), "error-delegation-ends-before-start");
        let passed_on = proposal(rev, party("c", Role::Clerk), Role::Director);
        assert_eq!(
            check(&passed_on, true).map_err(|e| e.message_id()),
            Err("error-delegation-not-passed-on")
        );
    }

    #[test]
    fn periods_are_half_open() {
        assert!(!overlaps((10, 20), (20, 30)));
        assert!(overlaps((10, 21), (20, 30)));
        assert_eq!(in_force(10, 20, Some(15)), (10, 15));
        assert_eq!(in_force(10, 20, Some(25)), (10, 20));
    }

    #[test]
    fn a_reviewer_who_forwarded_may_not_approve_as_director() {
        let history = [
            PastStep {
                user_id: "r",
                role: Role::Reviewer,
                action: Action::StartReview,
            },
            PastStep {
                user_id: "r",
                role: Role::Reviewer,
                action: Action::Forward,
            },
        ];
        let refused = separation_of_duties(&history, "r", Role::Director, Action::Approve);
        assert_eq!(
            refused.map_err(|e| e.message_id()),
            Err("error-sod-approve-own-forward")
        );
        // Someone else may; and the same person in the same role again may (after correction).
        assert!(separation_of_duties(&history, "x", Role::Director, Action::Approve).is_ok());
        assert!(separation_of_duties(&history, "r", Role::Reviewer, Action::Forward).is_ok());
        let ministry = separation_of_duties(
            &[PastStep {
                user_id: "d",
                role: Role::Director,
                action: Action::Approve,
            }],
            "d",
            Role::Ministry,
            Action::Approve,
        );
        assert_eq!(
            ministry.map_err(|e| e.message_id()),
            Err("error-sod-two-roles")
        );
    }
}
