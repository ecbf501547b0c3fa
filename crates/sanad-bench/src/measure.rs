//! Latency figures: p50 and p99 of repeated reads against the loaded database.

use std::time::Instant;

use sanad_service::{Actor, PageRequest, SearchQuery, Service};

pub use sanad_bench::latency::report;

pub async fn reads(
    svc: &Service,
    clerk: &Actor,
    reviewer: &Actor,
    director: &Actor,
    codes: &[String],
) -> Result<(), String> {
    let mut lookups = Vec::new();
    for code in codes.iter().take(2000) {
        let t = Instant::now();
        svc.request_by_code(clerk, code)
            .await
            .map_err(|e| e.to_string())?;
        lookups.push(t.elapsed());
    }
    report("tracking-code lookup (full request page)", &mut lookups);

    for (name, who) in [
        ("reviewer", reviewer),
        ("director", director),
        ("clerk", clerk),
    ] {
        let mut pages = Vec::new();
        let mut size = 0;
        for _ in 0..200 {
            let t = Instant::now();
            let q = svc
                .queue(who, PageRequest::default())
                .await
                .map_err(|e| e.to_string())?;
            pages.push(t.elapsed());
            size = q.counts.iter().map(|c| c.count).sum::<i64>();
        }
        report(
            &format!("first queue page, {name} ({size} waiting)"),
            &mut pages,
        );
    }

    let mut searches = Vec::new();
    let mut hits = 0;
    for word in crate::load::SEARCH_WORDS.iter().cycle().take(40) {
        let t = Instant::now();
        let page = svc
            .search(
                clerk,
                SearchQuery {
                    text: Some((*word).to_owned()),
                    ..Default::default()
                },
            )
            .await
            .map_err(|e| e.to_string())?;
        searches.push(t.elapsed());
        hits += page.items.len();
    }
    report(
        &format!("text search, first page ({hits} hits over 40 queries)"),
        &mut searches,
    );

    let mut filtered = Vec::new();
    for _ in 0..40 {
        let t = Instant::now();
        svc.search(
            clerk,
            SearchQuery {
                status: Some("approved".into()),
                from: Some("1404/01/01".into()),
                to: Some("1404/03/31".into()),
                ..Default::default()
            },
        )
        .await
        .map_err(|e| e.to_string())?;
        filtered.push(t.elapsed());
    }
    report(
        "search by status and Jalali range, first page",
        &mut filtered,
    );
    Ok(())
}
