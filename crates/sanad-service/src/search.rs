//! Finding requests: a role's queue (what waits on it, by deadline) and search with filters.
//! Both page with keyset cursors, so page 100 costs what page 1 does.
//!
//! Public functions: `Service::queue`, `Service::search`. Their SQL: `store/ops/queue.rs`.

use sanad_core::jalali::JalaliDate;
use sanad_core::model::{DispatchMode, Priority, Status};
use sanad_core::workflow::queue_states;
use sanad_core::{normalize, Error, Result, TrackingCode};

use crate::clock::micros;
use crate::models::{Page, PageRequest, Queue, RequestSummary, SearchQuery, StatusCount};
use crate::requests::rfc3339;
use crate::store::{on_store, QueueFilter, RequestSummaryRow, SearchFilter};
use crate::{Actor, Service};

const DEFAULT_LIMIT: i64 = 50;
const MAX_LIMIT: i64 = 500;
const DAY_MICROS: i64 = 24 * 3_600 * 1_000_000;

impl Service {
    /// What the actor's role can act on, soonest deadline first, with counts per state and the
    /// number overdue. Administrators and auditors have empty queues. Someone acting for
    /// another under a delegation in force also sees the delegated role's queue, each of those
    /// rows marked with whom they act for.
    pub async fn queue(&self, actor: &Actor, page: PageRequest) -> Result<Queue> {
        self.authorize(actor, crate::service::ANY_ROLE).await?;
        let limit = check_limit(page.limit)?;
        let own = queue_states(actor.role);
        let mut statuses: Vec<String> = own.iter().map(|s| s.as_str().to_owned()).collect();
        // The states only a delegation brings, and the person away whose queue they are.
        let mut acting: Vec<(String, String)> = Vec::new();
        for grant in self.grants(actor).await? {
            for s in queue_states(grant.role) {
                let s = s.as_str().to_owned();
                if !statuses.contains(&s) {
                    statuses.push(s.clone());
                    acting.push((s, grant.for_name.clone()));
                }
            }
        }
        let after = page.cursor.as_deref().map(parse_cursor).transpose()?;
        let filter = QueueFilter {
            statuses: statuses.clone(),
            after,
            limit: limit + 1,
        };
        let now = self.now_micros();
        let (rows, counts, overdue) = on_store!(&self.store, ops, pool => (
            ops::queue(pool, &filter).await?,
            ops::count_by_status(pool, &statuses).await?,
            ops::count_overdue(pool, &statuses, now).await?,
        ));
        let (items, next) = paginate(rows, limit, |r| {
            format!("{}:{}", r.deadline_at.unwrap_or(i64::MAX), r.id)
        });
        let mut counts = counts
            .into_iter()
            .map(|(s, count)| {
                Ok(StatusCount {
                    status: Status::parse("status", &s)?,
                    count,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        counts.sort_by_key(|c| c.status);
        let mark = |mut s: RequestSummary| {
            s.acting_for = acting
                .iter()
                .find(|(status, _)| status == s.status.as_str())
                .map(|(_, name)| name.clone());
            s
        };
        Ok(Queue {
            items: items
                .into_iter()
                .map(|r| summary(r, now).map(mark))
                .collect::<Result<_>>()?,
            next,
            counts,
            overdue,
        })
    }

    /// Requests matching every given filter, newest first.
    pub async fn search(&self, actor: &Actor, q: SearchQuery) -> Result<Page<RequestSummary>> {
        self.authorize(actor, crate::requests::READERS).await?;
        let limit = check_limit(q.limit)?;
        let tracking_code = non_empty(q.code.as_deref())
            .map(TrackingCode::parse)
            .transpose()?
            .map(|c| c.as_str().to_owned());
        let statuses = match non_empty(q.status.as_deref()) {
            Some(s) => vec![Status::parse("status", s)?.as_str().to_owned()],
            None => Vec::new(),
        };
        let from = non_empty(q.from.as_deref())
            .map(|d| JalaliDate::parse("from", d))
            .transpose()?;
        let to = non_empty(q.to.as_deref())
            .map(|d| JalaliDate::parse("to", d))
            .transpose()?;
        if let (Some(from), Some(to)) = (from, to) {
            if to < from {
                return Err(Error::invalid("to", "error-date-range-reversed"));
            }
        }
        let filter = SearchFilter {
            tracking_code,
            org_id: match non_empty(q.org.as_deref()) {
                Some(org) => Some(
                    crate::requests::record_id(org)
                        .ok_or_else(|| Error::invalid("org", "error-not-found-organization"))?
                        .to_owned(),
                ),
                None => None,
            },
            letter_number_key: non_empty(q.letter.as_deref())
                .map(|l| normalize::identifier(&normalize::text(l)).to_lowercase()),
            statuses,
            created_from: from.map(|d| micros(d.tehran_midnight_utc())),
            created_before: to.map(|d| micros(d.tehran_midnight_utc()) + DAY_MICROS),
            text_key: non_empty(q.text.as_deref())
                .map(search_text)
                .transpose()?
                .filter(|k| !k.is_empty()),
            before: q.cursor.as_deref().map(parse_cursor).transpose()?,
            limit: limit + 1,
        };
        let rows = on_store!(&self.store, ops, pool => ops::search(pool, &filter).await)?;
        let now = self.now_micros();
        let (items, next) = paginate(rows, limit, |r| format!("{}:{}", r.created_at, r.id));
        Ok(Page {
            items: items
                .into_iter()
                .map(|r| summary(r, now))
                .collect::<Result<_>>()?,
            next,
        })
    }
}

/// Longest search text, in characters: longer is no search a person types, and SQLite refuses
/// very long LIKE patterns.
const MAX_SEARCH_TEXT: usize = 200;

fn search_text(text: &str) -> Result<String> {
    let key = normalize::search_key(text);
    if key.chars().count() > MAX_SEARCH_TEXT {
        return Err(Error::invalid_with(
            "text",
            "error-too-long",
            &[("max", MAX_SEARCH_TEXT.to_string())],
        ));
    }
    Ok(key)
}

fn non_empty(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

pub(crate) fn check_limit(limit: Option<i64>) -> Result<i64> {
    let limit = limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(Error::invalid("limit", "error-limit-range"));
    }
    Ok(limit)
}

/// Cursors are `<number>:<uuid>`: the sort key and id of the last row of the previous page.
fn parse_cursor(cursor: &str) -> Result<(i64, String)> {
    let invalid = || Error::invalid("cursor", "error-cursor-invalid");
    let (key, id) = cursor.split_once(':').ok_or_else(invalid)?;
    let key = key.parse::<i64>().map_err(|_| invalid())?;
    let id = uuid::Uuid::parse_str(id).map_err(|_| invalid())?;
    Ok((key, id.to_string()))
}

/// Splits off the extra row fetched to know whether another page exists.
fn paginate(
    mut rows: Vec<RequestSummaryRow>,
    limit: i64,
    cursor_of: impl Fn(&RequestSummaryRow) -> String,
) -> (Vec<RequestSummaryRow>, Option<String>) {
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    if rows.len() > limit {
        rows.truncate(limit);
        let next = rows.last().map(cursor_of);
        (rows, next)
    } else {
        (rows, None)
    }
}

pub(crate) fn summary(r: RequestSummaryRow, now: i64) -> Result<RequestSummary> {
    let tracking_code = TrackingCode::parse(&r.tracking_code)?;
    Ok(RequestSummary {
        tracking_code_grouped: tracking_code.grouped(),
        tracking_code,
        status: Status::parse("status", &r.status)?,
        version: r.version,
        priority: Priority::parse("priority", &r.priority)?,
        dispatch_mode: DispatchMode::parse("dispatch_mode", &r.dispatch_mode)?,
        requesting_org_id: r.requesting_org_id,
        requesting_org_name: r.requesting_org_name,
        applicant_name: r.applicant_name,
        letter_number: r.letter_number,
        created_at: rfc3339(r.created_at),
        status_since: rfc3339(r.status_since),
        deadline_at: r.deadline_at.map(rfc3339),
        overdue: r.deadline_at.is_some_and(|d| d < now),
        id: r.id,
        acting_for: None,
        channel: r.channel,
        portal_account: r.portal_account,
    })
}
