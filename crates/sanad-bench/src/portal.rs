//! `sanad-bench portal URL [--requests N] [--clients C] [--seconds S]`: the portal under load
//! (issue 14). A real `sanad-portal` process (the binary beside this one) serves the database on
//! loopback; C clients, each on its own keep-alive connection and bound to one of the office's
//! agencies, send for S seconds a mix of the public lookup (`POST /api/v1/track` with a code and
//! its PIN), the agency's request page (`GET /requests/{code}` with its officer's session) and the
//! API's list (`GET /api/v1/requests` with its token). It prints throughput and p50/p99 per route,
//! the load average, and beside them the anchors: the same use cases called in this process
//! without HTTP, one at a time. Goal: the lookup and the request page p99 ≤ 20 ms. The last line
//! is one JSON object.
//!
//! It opens the database as a desk does (`Service::open`), and on a new one loads N requests
//! (`load::bulk_load`, as the other benches) before it starts the portal.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use sanad_core::model::Role;
use sanad_service::{NewAgencyUser, Service};
use serde_json::json;

use sanad_bench::latency::report as line;
use sanad_bench::office::{self, PASSWORD};
use sanad_bench::text;

pub struct Options {
    pub url: String,
    pub requests: usize,
    pub clients: usize,
    pub seconds: u64,
}

pub fn parse(args: &[String]) -> Result<Options, String> {
    const USAGE: &str =
        "usage: sanad-bench portal DATABASE_URL [--requests N] [--clients C] [--seconds S]";
    let url = args.first().ok_or(USAGE)?.clone();
    let mut o = Options {
        url,
        requests: 1_000_000,
        clients: 16,
        seconds: 20,
    };
    let mut rest = args[1..].iter();
    while let Some(flag) = rest.next() {
        let value = rest.next().ok_or(USAGE)?;
        let n: u64 = value.parse().map_err(|_| USAGE)?;
        match flag.as_str() {
            "--requests" => o.requests = n as usize,
            "--clients" if n >= 1 => o.clients = n as usize,
            "--seconds" if n >= 1 => o.seconds = n,
            _ => return Err(USAGE.into()),
        }
    }
    Ok(o)
}

/// What one agency's clients send: its officer's session cookie, its token, its requests' codes.
#[derive(Clone)]
struct Agency {
    cookie: String,
    token: String,
    codes: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Route {
    Lookup,
    Page,
    ApiList,
}

const ROUTES: [Route; 3] = [Route::Lookup, Route::Page, Route::ApiList];

impl Route {
    fn name(self) -> &'static str {
        match self {
            Route::Lookup => "lookup (POST /api/v1/track)",
            Route::Page => "request page (GET /requests/{code})",
            Route::ApiList => "API list (GET /api/v1/requests)",
        }
    }
}

pub async fn run(o: Options) -> Result<(), String> {
    let svc = Service::open(&o.url).await.map_err(text)?;
    let backend = svc.backend_name();
    let staffing = [(Role::Clerk, 1), (Role::Reviewer, 1), (Role::Director, 1)];
    let catalog = match office::populate(&svc, &staffing).await {
        Ok(catalog) => {
            let clerk = office::sign_in(&svc, Role::Clerk, 0).await?;
            let started = Instant::now();
            let loaded = crate::load::bulk_load(
                svc.store(),
                clerk.user_id(),
                &catalog.agencies,
                &catalog.docs,
                o.requests,
            )
            .await?;
            println!(
                "loaded {} requests ({} steps) in {:.1} s",
                o.requests,
                loaded.transitions,
                started.elapsed().as_secs_f64()
            );
            catalog
        }
        Err(_) => office::catalog(&svc).await?,
    };
    let requests = crate::load::count_requests(svc.store()).await?;
    println!(
        "backend: {backend}  requests: {requests}  clients: {}",
        o.clients
    );
    let admin = svc.login("admin", PASSWORD).await.map_err(text)?;
    let clerk = office::sign_in(&svc, Role::Clerk, 0).await?;
    // The load is not the rate limit's test: let every call through it.
    svc.set_api_rate_limit(&admin, 100_000, 60)
        .await
        .map_err(text)?;

    // Requests with a follow-up PIN, for the lookup (bulk-loaded rows have none).
    let mut tracked = Vec::new();
    for i in 0..200 {
        let r = svc
            .register_request(&clerk, office::request(&catalog, i, None))
            .await
            .map_err(text)?;
        tracked.push((
            r.tracking_code.as_str().to_owned(),
            r.tracking_pin.unwrap_or_default(),
        ));
    }
    // Every agency: an officer signed in (a session the portal reads from the database) and a
    // token, and a sample of its own requests.
    let mut agencies = Vec::new();
    for (n, org) in catalog.agencies.iter().enumerate() {
        let username = format!("bench-officer-{n}");
        let _ = svc
            .add_agency_user(
                &admin,
                NewAgencyUser {
                    username: username.clone(),
                    display_name: format!("کارشناس {n}"),
                    organization_id: org.clone(),
                    password: PASSWORD.into(),
                },
            )
            .await;
        let session = svc
            .open_portal_session(&username, PASSWORD)
            .await
            .map_err(text)?;
        let codes = svc
            .agency_requests(&session.actor, 200)
            .await
            .map_err(text)?
            .requests
            .into_iter()
            .map(|r| r.tracking_code)
            .collect::<Vec<_>>();
        let token = svc
            .issue_portal_token(&admin, org, &format!("bench {n}"))
            .await
            .map_err(text)?
            .token;
        agencies.push((
            session.actor.clone(),
            Agency {
                cookie: format!("sanad_session={}", session.token),
                token,
                codes,
            },
        ));
    }

    // The anchors: the use cases themselves, one at a time, in this process.
    let mut anchor_lookup = Vec::new();
    let mut anchor_page = Vec::new();
    for i in 0..300 {
        let (code, pin) = &tracked[i % tracked.len()];
        let t = Instant::now();
        svc.public_track(code, pin, "127.0.0.9", sanad_i18n::Lang::Fa)
            .await
            .map_err(text)?;
        anchor_lookup.push(t.elapsed());
        let (actor, agency) = &agencies[i % agencies.len()];
        let code = &agency.codes[i % agency.codes.len().max(1)];
        let t = Instant::now();
        svc.agency_request(actor, code).await.map_err(text)?;
        anchor_page.push(t.elapsed());
    }
    let anchor_lookup = line("anchor: Service::public_track", &mut anchor_lookup);
    let anchor_page = line("anchor: Service::agency_request", &mut anchor_page);

    // The portal, on loopback.
    let addr = free_port()?;
    let binary = std::env::current_exe()
        .map_err(|e| e.to_string())?
        .with_file_name("sanad-portal");
    let mut portal = tokio::process::Command::new(&binary)
        .args(["--db", &o.url, "--listen", &addr.to_string()])
        .env("RUST_LOG", "warn")
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| format!("{}: {e}", binary.display()))?;
    wait_ready(addr).await?;

    let load_before = load_average();
    let deadline = Instant::now() + Duration::from_secs(o.seconds);
    let tracked = std::sync::Arc::new(tracked);
    let mut clients = Vec::new();
    for c in 0..o.clients {
        let agency = agencies[c % agencies.len()].1.clone();
        let tracked = tracked.clone();
        clients.push(tokio::spawn(async move {
            client(addr, c, agency, tracked, deadline).await
        }));
    }
    let mut samples: [Vec<Duration>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    let mut failures = 0usize;
    for handle in clients {
        let (mine, failed) = handle.await.map_err(|e| e.to_string())??;
        for (all, some) in samples.iter_mut().zip(mine) {
            all.extend(some);
        }
        failures += failed;
    }
    let load_after = load_average();
    let _ = portal.kill().await;
    svc.close().await;

    let mut figures = serde_json::Map::new();
    for (route, times) in ROUTES.iter().zip(samples.iter_mut()) {
        let per_second = times.len() as f64 / o.seconds as f64;
        let (p50, p99) = line(route.name(), times);
        println!("  {:.0} per second", per_second);
        figures.insert(
            format!("{route:?}"),
            json!({ "n": times.len(), "per_second": per_second, "p50_ms": p50, "p99_ms": p99 }),
        );
    }
    println!("failed calls: {failures}");
    println!("load average: before {load_before}, after {load_after}");
    let goal = |route: Route| {
        figures[&format!("{route:?}")]["p99_ms"]
            .as_f64()
            .is_some_and(|p| p <= 20.0)
    };
    println!(
        "goal (lookup and request page p99 <= 20 ms): {}",
        if goal(Route::Lookup) && goal(Route::Page) {
            "met"
        } else {
            "NOT met"
        }
    );
    let out = json!({
        "bench": "portal",
        "backend": backend,
        "requests": requests,
        "clients": o.clients,
        "seconds": o.seconds,
        "routes": figures,
        "failed": failures,
        "anchor_lookup_ms": { "p50": anchor_lookup.0, "p99": anchor_lookup.1 },
        "anchor_page_ms": { "p50": anchor_page.0, "p99": anchor_page.1 },
        "load_average_before": load_before,
        "load_average_after": load_after,
    });
    println!("{out}");
    Ok(())
}

/// One client: its own keep-alive connection, the three routes in turn until `deadline`.
async fn client(
    addr: SocketAddr,
    n: usize,
    agency: Agency,
    tracked: std::sync::Arc<Vec<(String, String)>>,
    deadline: Instant,
) -> Result<([Vec<Duration>; 3], usize), String> {
    let mut sender = connect(addr).await?;
    let mut samples: [Vec<Duration>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    let mut failed = 0;
    let mut i = n;
    while Instant::now() < deadline {
        let route = ROUTES[i % ROUTES.len()];
        let request = match route {
            Route::Lookup => {
                let (code, pin) = &tracked[i % tracked.len()];
                hyper::Request::post("/api/v1/track")
                    .header("host", "portal")
                    .header("content-type", "application/json")
                    .body(Full::new(Bytes::from(
                        json!({ "code": code, "pin": pin }).to_string(),
                    )))
            }
            Route::Page => {
                let code = agency.codes.get(i % agency.codes.len().max(1)).cloned();
                hyper::Request::get(format!("/requests/{}", code.unwrap_or_default()))
                    .header("host", "portal")
                    .header("cookie", &agency.cookie)
                    .body(Full::new(Bytes::new()))
            }
            Route::ApiList => hyper::Request::get("/api/v1/requests?per_page=20")
                .header("host", "portal")
                .header("authorization", format!("Bearer {}", agency.token))
                .body(Full::new(Bytes::new())),
        }
        .map_err(|e| e.to_string())?;
        let t = Instant::now();
        let response = match sender.send_request(request).await {
            Ok(r) => r,
            Err(_) => {
                // The connection went: a new one, and the call counts as failed.
                failed += 1;
                sender = connect(addr).await?;
                continue;
            }
        };
        let ok = response.status().is_success();
        let _ = response.into_body().collect().await;
        samples[ROUTES.iter().position(|r| *r == route).unwrap_or(0)].push(t.elapsed());
        if !ok {
            failed += 1;
        }
        i += 1;
    }
    Ok((samples, failed))
}

type Sender = hyper::client::conn::http1::SendRequest<Full<Bytes>>;

async fn connect(addr: SocketAddr) -> Result<Sender, String> {
    let stream = tokio::net::TcpStream::connect(addr)
        .await
        .map_err(|e| e.to_string())?;
    stream.set_nodelay(true).map_err(|e| e.to_string())?;
    let (sender, connection) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
            .await
            .map_err(|e| e.to_string())?;
    tokio::spawn(connection);
    Ok(sender)
}

fn free_port() -> Result<SocketAddr, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    listener.local_addr().map_err(|e| e.to_string())
}

/// Waits until the portal answers its OpenAPI document (it opens the database first).
async fn wait_ready(addr: SocketAddr) -> Result<(), String> {
    for _ in 0..300 {
        if let Ok(mut sender) = connect(addr).await {
            let request = hyper::Request::get("/api/v1/openapi.json")
                .header("host", "portal")
                .body(Full::new(Bytes::new()))
                .map_err(|e| e.to_string())?;
            if sender
                .send_request(request)
                .await
                .is_ok_and(|r| r.status().is_success())
            {
                return Ok(());
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err("the portal did not start".into())
}

/// The 1-minute load average (Linux), or "?".
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".into())
}
