//! `sanad-bench figures URL [--requests N] [--desks D] [--seconds S]`: the figures a user would
//! see, in one run, beside the engine's own rate for the same transaction shape (issue 13).
//!
//! It opens the database as a desk does (`Service::open`: an embedded file encrypted with the key
//! in the OS keychain, a server's password from the keychain), loads N requests when it is new,
//! and measures: writes through the service API on one desk and on D desks (register and three
//! steps, each its own transaction); the request page by tracking code; the first queue page with
//! its counts for each role; text search for a common word and for a word of a single request.
//! The engine's figure: plain SQL on the same file with the same key and pragmas (SQLite), or
//! `pgbench` with a custom script on the same server and database (PostgreSQL), each transaction
//! one request-like row and one audit-like row. The last line is one JSON object.

use std::time::{Duration, Instant};

use sanad_core::model::{Action, Role};
use sanad_service::{Actor, PageRequest, SearchQuery, Service};

use sanad_bench::latency::report as line;
use sanad_bench::office::{self, Catalog};
use sanad_bench::text;

/// The word only one request's purpose holds.
const RARE_WORD: &str = "زعفرانیه";
/// A word in about a fifth of the loaded requests.
const COMMON_WORD: &str = "دادگاه";

pub struct Options {
    pub url: String,
    pub requests: usize,
    pub desks: usize,
    pub seconds: u64,
}

pub fn parse(args: &[String]) -> Result<Options, String> {
    const USAGE: &str =
        "usage: sanad-bench figures DATABASE_URL [--requests N] [--desks D] [--seconds S]";
    let url = args.first().ok_or(USAGE)?.clone();
    let mut o = Options {
        url,
        requests: 1_000_000,
        desks: 8,
        seconds: 15,
    };
    let mut rest = args[1..].iter();
    while let Some(flag) = rest.next() {
        let value = rest.next().ok_or(USAGE)?;
        let n: u64 = value.parse().map_err(|_| USAGE)?;
        match flag.as_str() {
            "--requests" => o.requests = n as usize,
            "--desks" if n >= 1 => o.desks = n as usize,
            "--seconds" if n >= 1 => o.seconds = n,
            _ => return Err(USAGE.into()),
        }
    }
    Ok(o)
}

struct Staff {
    clerk: Actor,
    reviewer: Actor,
    director: Actor,
}

async fn staff(svc: &Service, n: usize) -> Result<Staff, String> {
    Ok(Staff {
        clerk: office::sign_in(svc, Role::Clerk, n).await?,
        reviewer: office::sign_in(svc, Role::Reviewer, n).await?,
        director: office::sign_in(svc, Role::Director, n).await?,
    })
}

/// Registers one request and takes it through three steps: four transactions. Answers the
/// registration's own time.
async fn round(svc: &Service, s: &Staff, catalog: &Catalog, i: usize) -> Result<Duration, String> {
    let t = Instant::now();
    let r = svc
        .register_request(&s.clerk, office::request(catalog, i, None))
        .await
        .map_err(text)?;
    let register = t.elapsed();
    let code = r.tracking_code.as_str().to_owned();
    for (who, action) in [
        (&s.reviewer, Action::StartReview),
        (&s.reviewer, Action::Forward),
        (&s.director, Action::Approve),
    ] {
        svc.act(who, &code, action, None, None)
            .await
            .map_err(text)?;
    }
    Ok(register)
}

/// Makes the office and loads the requests into a new database, then measures.
pub async fn run(o: Options) -> Result<(), String> {
    let svc = Service::open(&o.url).await.map_err(text)?;
    let backend = svc.backend_name();
    let encrypted = backend == "sqlite";
    let staffing = [
        (Role::Clerk, o.desks),
        (Role::Reviewer, o.desks),
        (Role::Director, o.desks),
    ];
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
            // What a desk's sealer does in its first hour with an office this old: fold the
            // overdue counters of past days (`ops/deadline_fold.rs`).
            let folded = svc.fold_overdue_counters().await.map_err(text)?;
            println!("folded {folded} past (state, day) counter groups");
            let mut rare = office::request(&catalog, 1, None);
            rare.purpose = format!("ارسال سند به {RARE_WORD} برای استعلام");
            svc.register_request(&clerk, rare).await.map_err(text)?;
            catalog
        }
        Err(_) => office::catalog(&svc).await?,
    };
    measure(&svc, backend, encrypted, &o, &catalog).await
}

async fn measure(
    svc: &Service,
    backend: &str,
    encrypted: bool,
    o: &Options,
    catalog: &Catalog,
) -> Result<(), String> {
    let requests = crate::load::count_requests(svc.store()).await?;
    println!(
        "backend: {backend}  encrypted: {encrypted}  requests: {requests}  desks: {}",
        o.desks
    );
    println!("load average: {}", load_average());

    // The engine's own rate, first, on the same database.
    let engine = crate::engine::rates(svc, &o.url, o.desks, o.seconds).await?;
    println!(
        "engine: one connection {:.0} tx/s, {} connections {:.0} tx/s",
        engine.one, o.desks, engine.many
    );

    // One desk.
    let s = staff(svc, 0).await?;
    let started = Instant::now();
    let mut i = 0;
    while started.elapsed() < Duration::from_secs(o.seconds) {
        round(svc, &s, catalog, i).await?;
        i += 1;
    }
    let one_desk = (i * 4) as f64 / started.elapsed().as_secs_f64();
    println!("one desk: {one_desk:.0} tx/s ({i} requests, 4 transactions each)");

    // D desks, each its own service (its own pool, as separate desk processes have), opened and
    // signed in before the clock starts.
    let mut desks = Vec::new();
    for d in 0..o.desks {
        let desk = Service::open(&o.url).await.map_err(text)?;
        let s = staff(&desk, d).await?;
        desks.push((desk, s));
    }
    let mut tasks = Vec::new();
    let started = Instant::now();
    let until = started + Duration::from_secs(o.seconds);
    for (d, (desk, s)) in desks.into_iter().enumerate() {
        let catalog = catalog.clone();
        tasks.push(tokio::spawn(async move {
            let mut registers = Vec::new();
            let mut i = (d + 1) * 1_000_000;
            while Instant::now() < until {
                registers.push(round(&desk, &s, &catalog, i).await?);
                i += 1;
            }
            desk.close().await;
            Ok::<_, String>(registers)
        }));
    }
    let mut registers = Vec::new();
    for t in tasks {
        registers.extend(t.await.map_err(|e| e.to_string())??);
    }
    let secs = started.elapsed().as_secs_f64();
    let desks_tx = (registers.len() * 4) as f64 / secs;
    println!(
        "{} desks: {desks_tx:.0} tx/s ({} requests)",
        o.desks,
        registers.len()
    );
    let (_, register_p99) = line("  register, under all desks", &mut registers);

    // Reads.
    let codes = crate::load::sample_codes(svc.store()).await?;
    let mut lookups = Vec::new();
    for code in codes.iter().take(2000) {
        let t = Instant::now();
        svc.request_by_code(&s.clerk, code).await.map_err(text)?;
        lookups.push(t.elapsed());
    }
    let (lookup_p50, lookup_p99) = line("request page by tracking code", &mut lookups);
    let mut queue_p99: f64 = 0.0;
    for (name, who) in [
        ("clerk", &s.clerk),
        ("reviewer", &s.reviewer),
        ("director", &s.director),
    ] {
        let mut pages = Vec::new();
        let mut waiting = 0;
        for _ in 0..200 {
            let t = Instant::now();
            let q = svc.queue(who, PageRequest::default()).await.map_err(text)?;
            pages.push(t.elapsed());
            waiting = q.counts.iter().map(|c| c.count).sum::<i64>();
        }
        let (_, p99) = line(
            &format!("first queue page with counts, {name} ({waiting} waiting)"),
            &mut pages,
        );
        queue_p99 = queue_p99.max(p99);
    }
    let search = |word: &'static str| {
        let svc = svc.clone();
        let clerk = s.clerk.clone();
        async move {
            let mut times = Vec::new();
            let mut hits = 0;
            for _ in 0..100 {
                let t = Instant::now();
                let page = svc
                    .search(
                        &clerk,
                        SearchQuery {
                            text: Some(word.to_owned()),
                            ..Default::default()
                        },
                    )
                    .await
                    .map_err(text)?;
                times.push(t.elapsed());
                hits = page.items.len();
            }
            Ok::<_, String>((times, hits))
        }
    };
    let (mut common, common_hits) = search(COMMON_WORD).await?;
    let (_, search_common_p99) = line(
        &format!("search, common word ({common_hits} on the first page)"),
        &mut common,
    );
    let (mut rare, rare_hits) = search(RARE_WORD).await?;
    let (_, search_rare_p99) = line(
        &format!("search, word of one request ({rare_hits} found)"),
        &mut rare,
    );

    let figures = serde_json::json!({
        "backend": backend,
        "requests": requests,
        "encrypted": encrypted,
        "desks": o.desks,
        "one_desk_tx_per_s": one_desk.round(),
        "desks_tx_per_s": desks_tx.round(),
        "engine_one_tx_per_s": engine.one.round(),
        "engine_desks_tx_per_s": engine.many.round(),
        "one_desk_ratio": (one_desk / engine.one * 100.0).round() / 100.0,
        "desks_ratio": (desks_tx / engine.many * 100.0).round() / 100.0,
        "lookup_p50_ms": lookup_p50,
        "lookup_p99_ms": lookup_p99,
        "queue_p99_ms": queue_p99,
        "search_common_p99_ms": search_common_p99,
        "search_rare_p99_ms": search_rare_p99,
        "register_p99_ms_desks": register_p99,
        "load_average": load_average(),
    });
    println!("{figures}");
    Ok(())
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}
