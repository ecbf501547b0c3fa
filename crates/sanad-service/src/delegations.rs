//! Delegations (جانشینی): the administrator records, from the appointing order, who acts in whose
//! place for which role's steps over a half-open period of Tehran time; while it is in force the
//! delegate's queue holds the away person's requests and their steps are taken as the delegated
//! role, each recording whom they acted for and under which delegation (`requests.rs`). A
//! delegation ends by itself at its end, or earlier when the administrator ends it.
//!
//! Public functions: `Service::add_delegation`, `Service::delegations`,
//! `Service::end_delegation`. Their SQL: `store/ops/audit.rs`, `store/ops/delegations.rs`,
//! `store/ops/users.rs`.

use chrono::{DateTime, Utc};
use sanad_core::delegation::{self, Party, Proposal};
use sanad_core::jalali::{format_datetime_tehran, JalaliDate};
use sanad_core::model::Role;
use sanad_core::{normalize, validate, Error, Result};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::clock::{from_micros, micros};
use crate::requests::rfc3339;
use crate::store::{on_store, AuditDraft, DelegationRow};
use crate::{Actor, Service};

const LIST_LIMIT: i64 = 500;

/// A delegation as the administrator types it from the order. Dates are Jalali in Tehran time,
/// a day (`1405/01/10`, from its midnight) or a day and time (`1405/01/10 12:00`); the period is
/// half-open: `until` is the first moment it no longer holds (the day the person is back).
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct NewDelegation {
    /// The user name of the person away.
    pub from: String,
    /// The user name of the person acting in their place.
    pub to: String,
    /// `director`, `ministry` or `reviewer`.
    pub role: String,
    pub from_date: String,
    pub until: String,
    /// The appointing order's number.
    pub order: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// A recorded delegation.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct Delegation {
    pub id: String,
    /// The person away: user name and display name.
    pub from_user: String,
    pub from_name: String,
    pub to_user: String,
    pub to_name: String,
    pub role: Role,
    /// RFC 3339, UTC; the period is `[starts_at, ends_at)`.
    pub starts_at: String,
    pub ends_at: String,
    /// Tehran, Jalali: `1405/01/10 00:00`.
    pub starts_jalali: String,
    pub ends_jalali: String,
    pub order_number: String,
    pub note: Option<String>,
    /// When the administrator ended it early, if they did (Tehran, Jalali).
    pub ended_jalali: Option<String>,
    /// In force now.
    pub active: bool,
}

/// A delegation in force for the signed-in person now: a role they may act in, for whom.
#[derive(Debug, Clone)]
pub(crate) struct Grant {
    pub delegation_id: String,
    pub role: Role,
    pub for_user_id: String,
    pub for_name: String,
}

impl Service {
    /// Records a delegation from an appointing order. Administrator only. Refused, with nothing
    /// stored, for a deactivated delegate, the administrator or an auditor on either side,
    /// someone delegating to themselves, a role the one away does not hold themselves (a
    /// delegation is not passed on), a period that ends before it starts, and a period that
    /// overlaps another delegation of the same person and role.
    pub async fn add_delegation(&self, actor: &Actor, new: NewDelegation) -> Result<Delegation> {
        self.authorize(actor, &[Role::Admin]).await?;
        let role = Role::parse("role", new.role.trim())?;
        let away = self.party("from_user", &new.from).await?;
        let delegate = self.party("to_user", &new.to).await?;
        let starts = period_bound("from_date", &new.from_date)?;
        let ends = period_bound("until", &new.until)?;
        let order = validate::required_text("order", &new.order, 100)?;
        let note = validate::optional_text("note", new.note.as_deref(), 1000)?;
        let proposal = Proposal {
            away: Party {
                user_id: away.id.clone(),
                role: Role::parse("role", &away.role)?,
                active: away.active,
            },
            delegate: Party {
                user_id: delegate.id.clone(),
                role: Role::parse("role", &delegate.role)?,
                active: delegate.active,
            },
            role,
            starts_at: micros(starts),
            ends_at: micros(ends),
        };
        let now = self.now_micros();
        let id = uuid::Uuid::now_v7().to_string();
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            let passed_on = ops::acts_for_role(w.tx(), &away.id, role.as_str(), now).await?;
            delegation::check(&proposal, passed_on)?;
            let open = ops::open_delegations_of(w.tx(), &away.id, role.as_str(), now).await?;
            let clash = open.iter().find(|d| {
                delegation::overlaps(
                    delegation::in_force(d.starts_at, d.ends_at, d.ended_at),
                    (proposal.starts_at, proposal.ends_at),
                )
            });
            if let Some(clash) = clash {
                return Err(Error::invalid_with(
                    "from_date",
                    "error-delegation-overlap",
                    &[
                        ("name", clash.to_name.clone()),
                        ("from", format_datetime_tehran(from_micros(clash.starts_at))),
                        ("until", format_datetime_tehran(from_micros(clash.ends_at))),
                    ],
                ));
            }
            ops::insert_delegation(w.tx(), &ops::NewDelegationRow {
                id: &id,
                from_user_id: &away.id,
                to_user_id: &delegate.id,
                role: role.as_str(),
                starts_at: proposal.starts_at,
                ends_at: proposal.ends_at,
                order_number: &order,
                note: note.as_deref(),
                created_by: &actor.user_id,
                created_at: now,
            }).await?;
            w.audit(AuditDraft {
                at: now,
                user_id: Some(actor.user_id.clone()),
                action: "delegation.add".to_owned(),
                entity: "delegation".to_owned(),
                entity_id: Some(id.clone()),
                detail: json!({
                    "from": away.id,
                    "to": delegate.id,
                    "role": role.as_str(),
                    "starts_at": proposal.starts_at,
                    "ends_at": proposal.ends_at,
                    "order": order,
                }),
            }).await?;
            Ok(())
        }).await)?;
        Ok(Delegation {
            id,
            from_user: away.username,
            from_name: away.display_name,
            to_user: delegate.username,
            to_name: delegate.display_name,
            role,
            starts_at: rfc3339(proposal.starts_at),
            ends_at: rfc3339(proposal.ends_at),
            starts_jalali: format_datetime_tehran(starts),
            ends_jalali: format_datetime_tehran(ends),
            order_number: order,
            note,
            ended_jalali: None,
            active: proposal.starts_at <= now && now < proposal.ends_at,
        })
    }

    /// The delegations, newest first; `active_only`: those in force now. Administrator only.
    pub async fn delegations(&self, actor: &Actor, active_only: bool) -> Result<Vec<Delegation>> {
        self.authorize(actor, &[Role::Admin]).await?;
        let now = self.now_micros();
        let rows = on_store!(&self.store, ops, pool =>
            ops::delegations(pool, active_only.then_some(now), LIST_LIMIT).await)?;
        rows.into_iter().map(|r| delegation_view(r, now)).collect()
    }

    /// Ends a delegation now (the person came back early, the order was withdrawn). It stays on
    /// the list, and every step taken under it keeps naming it. Administrator only.
    pub async fn end_delegation(&self, actor: &Actor, id: &str) -> Result<Delegation> {
        self.authorize(actor, &[Role::Admin]).await?;
        let id = crate::requests::record_id(id)
            .ok_or(Error::NotFound { what: "delegation" })?
            .to_owned();
        let now = self.now_micros();
        let row = on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            let Some(row) = ops::delegation_by_id(w.tx(), &id).await? else {
                return Err(Error::NotFound { what: "delegation" });
            };
            if !ops::end_delegation(w.tx(), &id, now, &actor.user_id).await? {
                return Err(Error::invalid("id", "error-delegation-already-ended"));
            }
            w.audit(AuditDraft {
                at: now,
                user_id: Some(actor.user_id.clone()),
                action: "delegation.end".to_owned(),
                entity: "delegation".to_owned(),
                entity_id: Some(id.clone()),
                detail: json!({ "ended_at": now }),
            }).await?;
            Ok(row)
        }).await)?;
        delegation_view(
            DelegationRow {
                ended_at: Some(now),
                ..row
            },
            now,
        )
    }

    /// The delegations in force for `actor` now: the roles they may act in, and for whom.
    pub(crate) async fn grants(&self, actor: &Actor) -> Result<Vec<Grant>> {
        let now = self.now_micros();
        let rows = on_store!(&self.store, ops, pool => ops::delegations_to(pool, &actor.user_id, now).await)?;
        rows.into_iter()
            .map(|r| {
                Ok(Grant {
                    role: Role::parse("role", &r.role)?,
                    delegation_id: r.id,
                    for_user_id: r.from_user_id,
                    for_name: r.from_name,
                })
            })
            .collect()
    }

    /// A person named in a delegation, by user name.
    async fn party(&self, field: &str, username: &str) -> Result<crate::store::UserRow> {
        let key = crate::users::username_key(&normalize::text(username));
        on_store!(&self.store, ops, pool => ops::user_by_key(pool, &key).await)?
            .ok_or_else(|| Error::invalid(field, "error-delegation-user-unknown"))
    }
}

/// A bound of a delegation's period: a Jalali day (from its first moment in Tehran) or a day
/// and a time.
fn period_bound(field: &str, text: &str) -> Result<DateTime<Utc>> {
    let text = normalize::digits_to_ascii(text.trim());
    if text.contains(' ') {
        return crate::notices::parse_tehran_datetime(field, &text);
    }
    Ok(JalaliDate::parse(field, &text)?.tehran_midnight_utc())
}

fn delegation_view(r: DelegationRow, now: i64) -> Result<Delegation> {
    let (from, until) = delegation::in_force(r.starts_at, r.ends_at, r.ended_at);
    Ok(Delegation {
        role: Role::parse("role", &r.role)?,
        starts_at: rfc3339(r.starts_at),
        ends_at: rfc3339(r.ends_at),
        starts_jalali: format_datetime_tehran(from_micros(r.starts_at)),
        ends_jalali: format_datetime_tehran(from_micros(r.ends_at)),
        ended_jalali: r.ended_at.map(|e| format_datetime_tehran(from_micros(e))),
        active: from <= now && now < until,
        id: r.id,
        from_user: r.from_username,
        from_name: r.from_name,
        to_user: r.to_username,
        to_name: r.to_name,
        order_number: r.order_number,
        note: r.note,
    })
}
