//! Reports for the director and the auditor: requests by state, time spent in each stage
//! (average and 90th percentile), the share of stages finished within target per month and per
//! agency, and complaints by kind. A report is a plain table; report_export.rs writes it as
//! .xlsx or CSV with Persian headers.
//!
//! Public functions: `ReportKind::as_str`, `ReportKind::parse`, `Service::report`. Their SQL:
//! `store/ops/reports.rs`.

use std::collections::BTreeMap;

use sanad_core::jalali::JalaliDate;
use sanad_core::model::{ComplaintKind, ComplaintStatus, DispatchMode, Priority, Role, Status};
use sanad_core::{Error, Result};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::{from_micros, micros};
use crate::deadlines::due_at;
use crate::store::on_store;
use crate::{Actor, Service};

const DAY_MICROS: i64 = 24 * 3_600 * 1_000_000;
const HOUR_MICROS: f64 = 3_600.0 * 1_000_000.0;

/// Which report.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// Requests registered in the period, by their state now.
    StatusCounts,
    /// Hours spent in each state: how many stays, the average and the 90th percentile.
    StageTimes,
    /// Stages finished within their target, per Jalali month and agency.
    OnTime,
    /// Complaints, suggestions and comments by kind and state.
    Complaints,
}

impl ReportKind {
    pub const ALL: [ReportKind; 4] = [
        ReportKind::StatusCounts,
        ReportKind::StageTimes,
        ReportKind::OnTime,
        ReportKind::Complaints,
    ];

    /// `status-counts`, `stage-times`, `on-time`, `complaints`: the command line's spelling and
    /// the suffix of the report's Fluent ids.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::StatusCounts => "status-counts",
            ReportKind::StageTimes => "stage-times",
            ReportKind::OnTime => "on-time",
            ReportKind::Complaints => "complaints",
        }
    }

    pub fn parse(text: &str) -> Result<ReportKind> {
        ReportKind::ALL
            .into_iter()
            .find(|k| k.as_str() == text.trim())
            .ok_or_else(|| Error::invalid("kind", "error-report-kind-unknown"))
    }
}

/// One cell: text as stored, a Fluent term (a state's or kind's name), or a number.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
#[serde(rename_all = "snake_case")]
pub enum Cell {
    Text(String),
    /// A Fluent message id, shown in the reader's language (`status-approved`).
    Term(String),
    Int(i64),
    Number(f64),
}

/// A report as a table: the column headers are Fluent ids (`report-col-…`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
pub struct Report {
    pub kind: ReportKind,
    /// Fluent id of the report's title (`report-title-…`).
    pub title: String,
    /// The period, Jalali, inclusive; no `from` when it covers everything up to `to`.
    pub from: Option<String>,
    pub to: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// The period a report covers (Jalali, inclusive); everything when absent.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct ReportQuery {
    pub from: Option<String>,
    pub to: Option<String>,
}

/// Who reads reports: those who answer for the service, and the auditor.
const READERS: &[Role] = &[Role::Director, Role::Auditor];

impl Service {
    pub async fn report(&self, actor: &Actor, kind: ReportKind, q: ReportQuery) -> Result<Report> {
        self.authorize(actor, READERS).await?;
        let given_from = match q.from.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(d) => Some(JalaliDate::parse("from", d)?),
        };
        // No start given: from before the first request anyone could have registered.
        let from = match given_from {
            Some(d) => d,
            None => JalaliDate::new(1300, 1, 1)
                .ok_or_else(|| Error::invalid("from", "error-jalali-date-invalid"))?,
        };
        let to = match q.to.as_deref().map(str::trim) {
            None | Some("") => JalaliDate::from_utc(self.clock.now()),
            Some(d) => JalaliDate::parse("to", d)?,
        };
        if to < from {
            return Err(Error::invalid("to", "error-date-range-reversed"));
        }
        let start = micros(from.tehran_midnight_utc());
        let before = micros(to.tehran_midnight_utc()) + DAY_MICROS;
        let (columns, rows) = match kind {
            ReportKind::StatusCounts => self.status_counts(start, before).await?,
            ReportKind::StageTimes => self.stage_times(start, before).await?,
            ReportKind::OnTime => self.on_time(start, before).await?,
            ReportKind::Complaints => self.complaint_counts(start, before).await?,
        };
        Ok(Report {
            kind,
            title: format!("report-title-{}", kind.as_str()),
            from: given_from.map(|d| d.to_string()),
            to: to.to_string(),
            columns: columns.iter().map(|c| format!("report-col-{c}")).collect(),
            rows,
        })
    }

    async fn status_counts(&self, start: i64, before: i64) -> Result<(Vec<&str>, Vec<Vec<Cell>>)> {
        let requests =
            on_store!(&self.store, ops, pool => ops::report_requests(pool, start, before).await)?;
        let mut counts: BTreeMap<Status, i64> = BTreeMap::new();
        for r in &requests {
            *counts
                .entry(Status::parse("status", &r.status)?)
                .or_default() += 1;
        }
        let mut rows: Vec<Vec<Cell>> = Status::ALL
            .iter()
            .filter_map(|s| counts.get(s).map(|n| (s, *n)))
            .map(|(s, n)| vec![term("status", s.as_str()), Cell::Int(n)])
            .collect();
        rows.push(vec![
            Cell::Term("report-total".to_owned()),
            Cell::Int(requests.len() as i64),
        ]);
        Ok((vec!["status", "count"], rows))
    }

    async fn stage_times(&self, start: i64, before: i64) -> Result<(Vec<&str>, Vec<Vec<Cell>>)> {
        let mut hours: BTreeMap<Status, Vec<f64>> = BTreeMap::new();
        for stage in self.stages(start, before).await? {
            hours
                .entry(stage.status)
                .or_default()
                .push((stage.left - stage.entered) as f64 / HOUR_MICROS);
        }
        let rows = hours
            .into_iter()
            .map(|(status, mut h)| {
                h.sort_by(f64::total_cmp);
                let mean = h.iter().sum::<f64>() / h.len() as f64;
                vec![
                    term("status", status.as_str()),
                    Cell::Int(h.len() as i64),
                    Cell::Number(round1(mean)),
                    Cell::Number(round1(percentile(&h, 0.9))),
                ]
            })
            .collect();
        Ok((vec!["status", "stays", "average-hours", "p90-hours"], rows))
    }

    async fn on_time(&self, start: i64, before: i64) -> Result<(Vec<&str>, Vec<Vec<Cell>>)> {
        let calendar = self.working_calendar().await?;
        let mut targets = BTreeMap::new();
        for s in Status::ALL {
            targets.insert(*s, self.target_hours_of(*s).await?);
        }
        // (month, agency) → (stages, within target)
        let mut groups: BTreeMap<(String, String), (i64, i64)> = BTreeMap::new();
        for stage in self.stages(start, before).await? {
            let hours = targets.get(&stage.status).copied().flatten();
            let Some(due) = due_at(
                &calendar,
                hours,
                stage.status,
                stage.priority,
                stage.mode,
                stage.return_due,
                stage.entered,
            ) else {
                continue;
            };
            let finished = JalaliDate::from_utc(from_micros(stage.left));
            let month = format!("{:04}/{:02}", finished.year(), finished.month());
            let entry = groups.entry((month, stage.agency.clone())).or_default();
            entry.0 += 1;
            if stage.left <= due {
                entry.1 += 1;
            }
        }
        let rows = groups
            .into_iter()
            .map(|((month, agency), (stages, within))| {
                vec![
                    Cell::Text(month),
                    Cell::Text(agency),
                    Cell::Int(stages),
                    Cell::Int(within),
                    Cell::Number(round1(100.0 * within as f64 / stages as f64)),
                ]
            })
            .collect();
        Ok((
            vec![
                "month",
                "agency",
                "stages",
                "within-target",
                "share-percent",
            ],
            rows,
        ))
    }

    async fn complaint_counts(
        &self,
        start: i64,
        before: i64,
    ) -> Result<(Vec<&str>, Vec<Vec<Cell>>)> {
        let counts =
            on_store!(&self.store, ops, pool => ops::report_complaints(pool, start, before).await)?;
        let mut by_kind: BTreeMap<ComplaintKind, BTreeMap<ComplaintStatus, i64>> = BTreeMap::new();
        for (kind, status, n) in counts {
            let kind = ComplaintKind::parse("kind", &kind)?;
            let status = ComplaintStatus::parse("status", &status)?;
            *by_kind.entry(kind).or_default().entry(status).or_default() += n;
        }
        let rows = by_kind
            .into_iter()
            .map(|(kind, statuses)| {
                let get = |s| Cell::Int(statuses.get(&s).copied().unwrap_or(0));
                let total: i64 = statuses.values().sum();
                vec![
                    term("kind", kind.as_str()),
                    Cell::Int(total),
                    get(ComplaintStatus::Registered),
                    get(ComplaintStatus::Assigned),
                    get(ComplaintStatus::Answered),
                    get(ComplaintStatus::Closed),
                ]
            })
            .collect();
        Ok((
            vec![
                "kind",
                "count",
                "registered",
                "assigned",
                "answered",
                "closed",
            ],
            rows,
        ))
    }

    /// Every finished stay in a state of the requests registered in the period.
    async fn stages(&self, start: i64, before: i64) -> Result<Vec<Stage>> {
        let (requests, steps) = on_store!(&self.store, ops, pool => (
            ops::report_requests(pool, start, before).await?,
            ops::report_steps(pool, start, before).await?,
        ));
        let requests: BTreeMap<String, _> =
            requests.into_iter().map(|r| (r.id.clone(), r)).collect();
        let mut out = Vec::new();
        for pair in steps.windows(2) {
            let [a, b] = pair else { continue };
            if a.request_id != b.request_id {
                continue;
            }
            let Some(r) = requests.get(&a.request_id) else {
                continue;
            };
            out.push(Stage {
                status: Status::parse("status", &a.to_status)?,
                entered: a.at,
                left: b.at,
                agency: r.org_name.clone(),
                priority: Priority::parse("priority", &r.priority)?,
                mode: DispatchMode::parse("dispatch_mode", &r.dispatch_mode)?,
                return_due: r
                    .return_due
                    .as_deref()
                    .map(|d| JalaliDate::parse("return_due", d))
                    .transpose()?,
            });
        }
        Ok(out)
    }
}

/// One finished stay in a state.
struct Stage {
    status: Status,
    entered: i64,
    left: i64,
    agency: String,
    priority: Priority,
    mode: DispatchMode,
    return_due: Option<JalaliDate>,
}

fn term(prefix: &str, spelled: &str) -> Cell {
    Cell::Term(format!("{prefix}-{}", spelled.replace('_', "-")))
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The nearest-rank percentile of sorted values (`q` in 0..=1).
fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentile() {
        let v: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(percentile(&v, 0.9), 9.0);
        assert_eq!(percentile(&v[..1], 0.9), 1.0);
        assert_eq!(percentile(&[], 0.9), 0.0);
    }

    #[test]
    fn kinds_round_trip() {
        for k in ReportKind::ALL {
            assert_eq!(ReportKind::parse(k.as_str()), Ok(k));
        }
        assert!(ReportKind::parse("x").is_err());
    }
}
