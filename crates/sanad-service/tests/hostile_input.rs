//! The hostile-input corpus (`tests/hostile/strings.json`) through the service API, on both
//! backends: every string in every field of a request, in a note and in a search. Each is either
//! refused as invalid input naming that field, with a Persian message, or stored and shown back
//! exactly as the documented normalization makes it. Nothing is executed: the tables are still
//! there and still hold what they held.

mod common;

use common::Office;
use sanad_core::jalali::JalaliDate;
use sanad_core::model::Action;
use sanad_core::validate;
use sanad_i18n::{Lang, Localizer};
use sanad_service::{Error, NewRequest, RequestView, SearchQuery};
use serde::Deserialize;

#[derive(Deserialize)]
struct Entry {
    name: String,
    text: Option<String>,
    repeat: Option<String>,
    times: Option<usize>,
}

/// `(name, text)` of every corpus entry.
pub fn corpus() -> Vec<(String, String)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hostile/strings.json");
    let json = std::fs::read_to_string(path).expect("read the corpus");
    let entries: Vec<Entry> = serde_json::from_str(&json).expect("corpus JSON");
    entries
        .into_iter()
        .map(|e| {
            let text = match (e.text, e.repeat, e.times) {
                (Some(t), _, _) => t,
                (None, Some(r), Some(n)) => r.repeat(n),
                _ => panic!("entry {} has neither text nor repeat/times", e.name),
            };
            (e.name, text)
        })
        .collect()
}

/// The field a corpus string goes into, how to put it there, and what the service must store.
struct Field {
    name: &'static str,
    set: fn(&mut NewRequest, &str),
    /// What the value must be shown back as, or the refusal's message id.
    expect: fn(&str) -> Result<String, &'static str>,
    shown: fn(&RequestView) -> String,
}

fn message_of<T>(r: sanad_core::Result<T>) -> Result<T, &'static str> {
    r.map_err(|e| e.message_id())
}

fn fields() -> Vec<Field> {
    vec![
        Field {
            name: "applicant.name",
            set: |r, t| r.applicant.name = t.into(),
            expect: |t| message_of(validate::required_text("applicant.name", t, 100)),
            shown: |v| v.applicant.name.clone(),
        },
        Field {
            name: "letter.number",
            set: |r, t| r.letter.number = t.into(),
            expect: |t| message_of(validate::required_text("letter.number", t, 50)),
            shown: |v| v.letter.number.clone(),
        },
        Field {
            name: "purpose",
            set: |r, t| r.purpose = t.into(),
            expect: |t| message_of(validate::required_text("purpose", t, 1000)),
            shown: |v| v.purpose.clone(),
        },
        Field {
            name: "applicant.national_code",
            set: |r, t| r.applicant.national_code = t.into(),
            expect: |t| message_of(validate::national_code("applicant.national_code", t)),
            shown: |v| v.applicant.national_code.clone(),
        },
        Field {
            name: "applicant.mobile",
            set: |r, t| r.applicant.mobile = t.into(),
            expect: |t| message_of(validate::mobile("applicant.mobile", t)),
            shown: |v| v.applicant.mobile.clone(),
        },
        Field {
            name: "letter.date",
            set: |r, t| r.letter.date = t.into(),
            expect: |t| message_of(JalaliDate::parse("letter.date", t)).map(|d| d.to_string()),
            shown: |v| v.letter.date.clone(),
        },
        Field {
            name: "dispatch_mode",
            set: |r, t| r.dispatch_mode = t.into(),
            expect: |_| Err("error-dispatch-mode-unknown"),
            shown: |v| v.dispatch_mode.as_str().into(),
        },
        Field {
            name: "requesting_org",
            set: |r, t| r.requesting_org = t.into(),
            expect: |_| Err("error-not-found-organization"),
            shown: |v| v.requesting_org.id.clone(),
        },
        Field {
            name: "documents",
            set: |r, t| r.documents = vec![t.into()],
            expect: |_| Err("error-not-found-document"),
            shown: |v| v.documents[0].id.clone(),
        },
    ]
}

/// A refusal as a desk sees it: invalid input on `field`, a Persian message for it.
fn assert_refused(e: &Error, field: &str, message_id: &str, case: &str) {
    let fa = Localizer::new(Lang::Fa);
    match e {
        Error::Invalid { field: f, .. } => assert_eq!(f, field, "{case}"),
        other => panic!("{case}: expected invalid input, got {other:?}"),
    }
    assert_eq!(e.message_id(), message_id, "{case}");
    assert!(fa.has(e.message_id()), "{case}: no Persian message");
    let text = fa.message(e.message_id(), &e.args());
    assert!(
        text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "{case}: message not in Persian: {text}"
    );
}

on_both_backends!(
    hostile_strings_are_refused_or_kept_as_typed,
    |backend| async move {
        let o = Office::new(backend).await;
        let corpus = corpus();
        let mut stored = 0;
        for (name, text) in &corpus {
            for field in fields() {
                let case = format!("{name} in {}", field.name);
                let mut new = o.request();
                (field.set)(&mut new, text);
                let result = o.svc.register_request(&o.clerk, new).await;
                match ((field.expect)(text), result) {
                    (Ok(expected), Ok(view)) => {
                        assert_eq!((field.shown)(&view), expected, "{case}: shown back");
                        let again = o
                            .svc
                            .request_by_code(&o.clerk, view.tracking_code.as_str())
                            .await
                            .expect("read back");
                        assert_eq!((field.shown)(&again), expected, "{case}: read back");
                        stored += 1;
                    }
                    (Err(message_id), Err(e)) => assert_refused(&e, field.name, message_id, &case),
                    (expected, got) => panic!("{case}: expected {expected:?}, got {got:?}"),
                }
            }
            // In a note: refused on `note`, or kept as normalized.
            let base = o
                .svc
                .register_request(&o.clerk, o.request())
                .await
                .expect("plain request");
            let acted = o
                .svc
                .act(
                    &o.reviewer,
                    base.tracking_code.as_str(),
                    Action::StartReview,
                    Some(text),
                    Some(base.version),
                )
                .await;
            match (validate::optional_text("note", Some(text), 1000), acted) {
                (Ok(expected), Ok(view)) => {
                    let last = view.history.last().expect("history");
                    assert_eq!(last.note, expected, "{name} as a note");
                }
                (Err(expected), Err(e)) => assert_refused(
                    &e,
                    "note",
                    expected.message_id(),
                    &format!("{name} as a note"),
                ),
                (expected, got) => panic!("{name} as a note: expected {expected:?}, got {got:?}"),
            }
            // In a search: answered (possibly with nothing) or refused as invalid, never an error.
            let query = SearchQuery {
                text: Some(text.clone()),
                ..Default::default()
            };
            match o.svc.search(&o.clerk, query).await {
                Ok(_) | Err(Error::Invalid { .. }) => {}
                Err(e) => panic!("{name} as a search: {e:?}"),
            }
        }
        assert!(stored > 0, "nothing in the corpus was stored");
        // Nothing was executed: every request is still there and the audit chain holds.
        let all = o
            .svc
            .search(
                &o.clerk,
                SearchQuery {
                    limit: Some(100),
                    ..Default::default()
                },
            )
            .await
            .expect("search all");
        assert!(!all.items.is_empty());
        let report = o.svc.verify_audit(&o.auditor).await.expect("verify");
        assert!(report.intact);
    }
);
