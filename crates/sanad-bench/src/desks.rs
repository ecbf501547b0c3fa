//! Fifty desks on one database: clerks registering and finishing requests, reviewers, directors
//! and the ministry acting on whatever their queues show first — so desks collide on the same
//! requests on purpose — and now and then sending a write twice, as a desk does when an answer is
//! lost. Afterwards: nothing duplicated, nothing applied twice, nothing acknowledged lost.

use std::collections::{BTreeMap, HashSet};
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sanad_core::model::{Action, DispatchMode, Role, Status};
use sanad_service::{Actor, Error, PageRequest, RequestSummary, Service};

use crate::integrity::{self, Ack, Findings};
use crate::office::{self, Catalog};
use crate::text;

/// How often a desk sends a successful write again, as if its answer had been lost.
const RESEND_PERCENT: u32 = 3;
/// Desks pick among the first few queue items, so neighbours collide.
const PICK_AMONG: usize = 3;

/// Desks per role for `desks` in all: 40 % clerks, 28 % reviewers, 20 % directors, the rest
/// ministry, at least one of each.
pub fn staffing(desks: usize) -> Vec<(Role, usize)> {
    let clerks = (desks * 40 / 100).max(1);
    let reviewers = (desks * 28 / 100).max(1);
    let directors = (desks * 20 / 100).max(1);
    let ministry = desks.saturating_sub(clerks + reviewers + directors).max(1);
    vec![
        (Role::Clerk, clerks),
        (Role::Reviewer, reviewers),
        (Role::Director, directors),
        (Role::Ministry, ministry),
    ]
}

/// One desk's tally.
#[derive(Default)]
struct Tally {
    /// Latencies per operation name, every attempt.
    latencies: BTreeMap<String, Vec<Duration>>,
    ok: BTreeMap<String, u64>,
    conflicts: u64,
    connection_lost: u64,
    /// Repeated writes that were answered with the original result.
    resends_answered: u64,
    /// Repeated writes that were answered with anything else (must stay 0).
    resends_wrong: u64,
    errors: Vec<String>,
    acks: Vec<Ack>,
}

impl Tally {
    fn time(&mut self, op: &str, started: Instant) {
        self.latencies
            .entry(op.to_owned())
            .or_default()
            .push(started.elapsed());
    }
    fn succeeded(&mut self, op: &str) {
        *self.ok.entry(op.to_owned()).or_default() += 1;
    }
    fn failed(&mut self, e: Error) {
        match e {
            Error::Conflict { .. } | Error::NotPermitted { .. } => self.conflicts += 1,
            Error::ConnectionLost { .. } => self.connection_lost += 1,
            other => self.errors.push(other.to_string()),
        }
    }
    fn merge(&mut self, other: Tally) {
        for (op, mut l) in other.latencies {
            self.latencies.entry(op).or_default().append(&mut l);
        }
        for (op, n) in other.ok {
            *self.ok.entry(op).or_default() += n;
        }
        self.conflicts += other.conflicts;
        self.connection_lost += other.connection_lost;
        self.resends_answered += other.resends_answered;
        self.resends_wrong += other.resends_wrong;
        self.errors.extend(other.errors);
        self.acks.extend(other.acks);
    }
}

/// The outcome of a run.
pub struct Outcome {
    pub findings: Findings,
    pub resends_wrong: u64,
    pub errors: usize,
}

impl Outcome {
    pub fn passed(&self) -> bool {
        self.findings.clean() && self.resends_wrong == 0 && self.errors == 0
    }
}

/// Runs `desks` desks against the new database at `url` for `duration`, prints the figures and
/// the checks.
pub async fn run(url: &str, desks: usize, duration: Duration) -> Result<Outcome, String> {
    let svc = Service::connect(url).await.map_err(text)?;
    let staff = staffing(desks);
    let catalog = office::populate(&svc, &staff)
        .await
        .map_err(|e| format!("setting up the office: {e}"))?;
    println!(
        "backend: {}  desks: {}  minutes: {:.1}",
        svc.backend_name(),
        staff.iter().map(|(_, n)| n).sum::<usize>(),
        duration.as_secs_f64() / 60.0
    );
    // Every desk open and signed in first, so all start working together.
    let mut opened = Vec::new();
    for (role, count) in staff {
        for n in 0..count {
            // Each desk is its own app: its own connection pool.
            let desk = Service::connect(url)
                .await
                .map_err(|e| format!("desk {role} {n} connecting: {e}"))?;
            let actor = office::sign_in(&desk, role, n)
                .await
                .map_err(|e| format!("desk {role} {n} signing in: {e}"))?;
            opened.push((desk, actor, (role as u64) << 32 | n as u64));
        }
    }
    let started = Instant::now();
    let until = started + duration;
    let mut tasks = Vec::new();
    for (desk, actor, seed) in opened {
        let catalog = catalog.clone();
        tasks.push(tokio::spawn(async move {
            let tally = work(&desk, &actor, &catalog, until, seed).await;
            desk.close().await;
            tally
        }));
    }
    let mut total = Tally::default();
    for task in tasks {
        total.merge(task.await.map_err(|e| e.to_string())?);
    }
    let secs = started.elapsed().as_secs_f64();
    report(&total, secs);
    let acks: HashSet<Ack> = total.acks.iter().cloned().collect();
    let findings = integrity::check(&svc, &acks)
        .await
        .map_err(|e| format!("checking: {e}"))?;
    println!("checks: {findings:?}");
    svc.close().await;
    Ok(Outcome {
        findings,
        resends_wrong: total.resends_wrong,
        errors: total.errors.len(),
    })
}

fn report(t: &Tally, secs: f64) {
    let writes: u64 =
        t.ok.iter()
            .filter(|(op, _)| op.as_str() != "queue")
            .map(|(_, n)| n)
            .sum();
    println!(
        "{writes} writes in {secs:.0} s = {:.1} writes/s; conflicts {}; connection lost {}; \
         resends answered with the original {} (wrong {}); other errors {}",
        writes as f64 / secs,
        t.conflicts,
        t.connection_lost,
        t.resends_answered,
        t.resends_wrong,
        t.errors.len()
    );
    for e in t.errors.iter().take(5) {
        println!("  error: {e}");
    }
    for (op, samples) in &t.latencies {
        let mut samples = samples.clone();
        let ok = t.ok.get(op).copied().unwrap_or(0);
        crate::latency::report(
            &format!("  {op:<18} ok={ok:<7} {:>7.1}/s", ok as f64 / secs),
            &mut samples,
        );
    }
}

async fn work(svc: &Service, actor: &Actor, catalog: &Catalog, until: Instant, seed: u64) -> Tally {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut tally = Tally::default();
    let mut serial = 0usize;
    while Instant::now() < until {
        if actor.role() == Role::Clerk && rng.gen_range(0..100) < 30 {
            serial += 1;
            register(svc, actor, catalog, &mut rng, serial, &mut tally).await;
            continue;
        }
        let t = Instant::now();
        let queue = svc.queue(actor, PageRequest::default()).await;
        tally.time("queue", t);
        let items = match queue {
            Ok(q) => {
                tally.succeeded("queue");
                q.items
            }
            Err(e) => {
                tally.failed(e);
                continue;
            }
        };
        let candidates: Vec<&RequestSummary> = items.iter().take(PICK_AMONG).collect();
        let Some(item) = candidates.get(rng.gen_range(0..candidates.len().max(1))) else {
            tokio::time::sleep(Duration::from_millis(20)).await;
            continue;
        };
        let Some((action, note)) = choose(actor.role(), item, &mut rng) else {
            continue;
        };
        act(svc, actor, item, action, note, &mut rng, &mut tally).await;
    }
    tally
}

async fn register(
    svc: &Service,
    actor: &Actor,
    catalog: &Catalog,
    rng: &mut StdRng,
    serial: usize,
    tally: &mut Tally,
) {
    let key = format!("{}-{serial}", actor.user_id());
    let i = rng.gen_range(0..1_000_000);
    let t = Instant::now();
    let result = svc
        .register_request(actor, office::request(catalog, i, Some(key.clone())))
        .await;
    tally.time("register", t);
    let view = match result {
        Ok(v) => v,
        Err(e) => return tally.failed(e),
    };
    tally.succeeded("register");
    let code = view.tracking_code.as_str().to_owned();
    tally.acks.push(Ack {
        code: code.clone(),
        seq: 1,
        action: "register".into(),
    });
    if rng.gen_range(0..100) < RESEND_PERCENT {
        let again = svc
            .register_request(actor, office::request(catalog, i, Some(key)))
            .await;
        match again {
            Ok(v) if v.tracking_code.as_str() == code => tally.resends_answered += 1,
            _ => tally.resends_wrong += 1,
        }
    }
}

async fn act(
    svc: &Service,
    actor: &Actor,
    item: &RequestSummary,
    action: Action,
    note: Option<&str>,
    rng: &mut StdRng,
    tally: &mut Tally,
) {
    let op = format!("act:{}", action.as_str());
    let code = item.tracking_code.as_str();
    let t = Instant::now();
    let result = svc.act(actor, code, action, note, Some(item.version)).await;
    tally.time(&op, t);
    let view = match result {
        Ok(v) => v,
        Err(e) => return tally.failed(e),
    };
    tally.succeeded(&op);
    tally.acks.push(Ack {
        code: code.to_owned(),
        seq: item.version + 1,
        action: action.as_str().into(),
    });
    if rng.gen_range(0..100) < RESEND_PERCENT {
        // The same step again, with the same expected version: answered, not applied twice.
        match svc.act(actor, code, action, note, Some(item.version)).await {
            Ok(again) if again.history.len() >= view.history.len() => tally.resends_answered += 1,
            _ => tally.resends_wrong += 1,
        }
    }
}

/// What this role does with a request in this state: mostly the happy path, sometimes not.
fn choose(
    role: Role,
    item: &RequestSummary,
    rng: &mut StdRng,
) -> Option<(Action, Option<&'static str>)> {
    let roll = rng.gen_range(0..100);
    let reason = Some("مدارک ناقص است");
    Some(match (role, item.status) {
        (Role::Reviewer, Status::Submitted) => (Action::StartReview, None),
        (Role::Reviewer, Status::UnderReview) if roll < 15 => (Action::SendBack, reason),
        (Role::Reviewer, Status::UnderReview) => (Action::Forward, None),
        (Role::Director, Status::AwaitingDirector) if roll < 5 => (Action::Reject, reason),
        (Role::Director, Status::AwaitingDirector) if roll < 15 => (Action::SendBack, reason),
        (Role::Director, Status::AwaitingDirector) => (Action::Approve, None),
        (Role::Ministry, Status::AwaitingMinistry) if roll < 10 => (Action::Reject, reason),
        (Role::Ministry, Status::AwaitingMinistry) => (Action::Approve, None),
        (Role::Clerk, Status::Correction) if roll < 10 => (Action::Cancel, reason),
        (Role::Clerk, Status::Correction) => (Action::Resubmit, None),
        (Role::Clerk, Status::Approved) => (Action::Dispatch, None),
        (Role::Clerk, Status::Dispatched) => (Action::ConfirmDelivery, None),
        (Role::Clerk, Status::Delivered) if item.dispatch_mode == DispatchMode::Original => {
            (Action::ReceiveBack, None)
        }
        (Role::Clerk, Status::Delivered | Status::ReturnedToRepository) => (Action::Close, None),
        _ => return None,
    })
}
