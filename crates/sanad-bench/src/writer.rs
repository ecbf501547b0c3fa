//! The crash test's writer: desks registering requests and moving them on, concurrently, until
//! the process is killed. Each write is printed as an `ACK` line, flushed, only after the service
//! returned (the transaction committed), so the killer knows what must survive.

use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use sanad_core::model::{Action, Role};
use sanad_service::{Error, Service};

use crate::integrity::Ack;
use crate::office::{self, Catalog};
use crate::text;

/// Clerks (each registering and walking its own requests to approval) plus one reviewer who
/// competes with them for the same requests from the queue.
const CLERKS: usize = 3;

/// Prints acknowledgements in whole lines, flushed at once.
#[derive(Clone)]
struct AckOut(Arc<Mutex<std::io::Stdout>>);

impl AckOut {
    fn print(&self, ack: &Ack) -> Result<(), String> {
        let out = self.0.lock().map_err(|_| "stdout lock poisoned")?;
        let mut out = out.lock();
        writeln!(out, "{}", ack.line()).map_err(|e| e.to_string())?;
        out.flush().map_err(|e| e.to_string())
    }
}

/// `writer URL --setup` makes the office; `writer URL` writes until killed.
pub async fn run(url: &str, setup: bool) -> Result<(), String> {
    let svc = Service::connect(url).await.map_err(text)?;
    if setup {
        office::populate(
            &svc,
            &[
                (Role::Clerk, CLERKS),
                (Role::Reviewer, 2),
                (Role::Director, 1),
            ],
        )
        .await?;
        return Ok(());
    }
    let catalog = Arc::new(office::catalog(&svc).await?);
    let out = AckOut(Arc::new(Mutex::new(std::io::stdout())));
    let serial = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for n in 0..CLERKS {
        let (svc, catalog, out, serial) =
            (svc.clone(), catalog.clone(), out.clone(), serial.clone());
        tasks.push(tokio::spawn(async move {
            clerk_desk(&svc, n, &catalog, &out, &serial).await
        }));
    }
    let (rsvc, rout) = (svc.clone(), out.clone());
    tasks.push(tokio::spawn(async move {
        competing_reviewer(&rsvc, &rout).await
    }));
    for task in tasks {
        task.await.map_err(|e| e.to_string())??;
    }
    Ok(())
}

/// Registers a request, then takes it through review, forwarding and approval, printing each step.
async fn clerk_desk(
    svc: &Service,
    n: usize,
    catalog: &Catalog,
    out: &AckOut,
    serial: &AtomicUsize,
) -> Result<(), String> {
    let clerk = office::sign_in(svc, Role::Clerk, n).await?;
    let reviewer = office::sign_in(svc, Role::Reviewer, 0).await?;
    let director = office::sign_in(svc, Role::Director, 0).await?;
    // Unique per process (process ids are reused): a repeated key would, rightly, return the
    // request registered under it before.
    let run = uuid::Uuid::now_v7().simple();
    loop {
        let i = serial.fetch_add(1, Ordering::Relaxed);
        let key = format!("crash-{run}-{i}");
        let view = svc
            .register_request(&clerk, office::request(catalog, i, Some(key)))
            .await
            .map_err(text)?;
        let code = view.tracking_code.as_str().to_owned();
        out.print(&Ack {
            code: code.clone(),
            seq: 1,
            action: "register".into(),
        })?;
        // Registration made version 1; the view may already show a later one (the competing
        // reviewer is quick), which is not ours to act from.
        let mut version = 1;
        for (who, action) in [
            (&reviewer, Action::StartReview),
            (&reviewer, Action::Forward),
            (&director, Action::Approve),
        ] {
            match svc.act(who, &code, action, None, Some(version)).await {
                Ok(_) => {
                    version += 1;
                    out.print(&Ack {
                        code: code.clone(),
                        seq: version,
                        action: action.as_str().into(),
                    })?;
                }
                // The competing reviewer got there first: this request is theirs now.
                Err(Error::Conflict { .. }) => break,
                Err(e) => {
                    return Err(format!(
                        "{} on {code} at version {version}: {e}",
                        action.as_str()
                    ))
                }
            }
        }
    }
}

/// Starts reviews of whatever the queue shows first, racing the clerks' own reviewer.
async fn competing_reviewer(svc: &Service, out: &AckOut) -> Result<(), String> {
    let reviewer = office::sign_in(svc, Role::Reviewer, 1).await?;
    loop {
        let queue = svc
            .queue(&reviewer, Default::default())
            .await
            .map_err(text)?;
        let Some(item) = queue.items.iter().find(|i| i.version == 1) else {
            tokio::task::yield_now().await;
            continue;
        };
        let code = item.tracking_code.as_str();
        match svc
            .act(&reviewer, code, Action::StartReview, None, Some(1))
            .await
        {
            Ok(view) => out.print(&Ack {
                code: code.to_owned(),
                seq: view.version,
                action: Action::StartReview.as_str().into(),
            })?,
            Err(Error::Conflict { .. } | Error::NotPermitted { .. }) => {}
            Err(e) => return Err(text(e)),
        }
    }
}
