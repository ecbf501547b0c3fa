//! `sanad verify`: is this slip's token, or this certified copy, what the directorate signed?
//! With `--keys FILE` nothing but that file is read (no database, no network); otherwise the
//! key set is this database's. Exit 0 authentic, 1 not, 2 not a token or a copy at all.

use sanad_core::TrackingCode;
use sanad_i18n::Localizer;
use sanad_service::Service;
use sanad_token::{Claims, KeySet, Refusal, TokenKind, Verdict};
use serde_json::json;

use crate::args::{Cli, VerifyArgs};
use crate::CliError;

/// With `--keys`: before any database is opened.
pub fn offline(cli: &Cli, l10n: &Localizer, args: &VerifyArgs, keys: &str) -> Result<(), CliError> {
    let text = std::fs::read_to_string(keys).map_err(|_| CliError::Usage {
        message_id: "cli-file-unreadable",
        args: vec![("path", keys.to_owned())],
    })?;
    let keys = KeySet::from_json(&text).map_err(|_| CliError::Usage {
        message_id: "cli-keys-unusable",
        args: vec![("path", keys.to_owned())],
    })?;
    check(cli, l10n, args, &keys)
}

pub async fn against_database(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    args: &VerifyArgs,
) -> Result<(), CliError> {
    let keys = service.published_keys().await?;
    check(cli, l10n, args, &keys)
}

fn check(cli: &Cli, l10n: &Localizer, args: &VerifyArgs, keys: &KeySet) -> Result<(), CliError> {
    match (&args.token, &args.file) {
        (Some(token), None) => token_verdict(cli, l10n, token, keys),
        (None, Some(file)) => super::ecopy::verify_file(cli, l10n, file, keys),
        _ => Err(CliError::Usage {
            message_id: "cli-verify-what",
            args: vec![],
        }),
    }
}

fn token_verdict(cli: &Cli, l10n: &Localizer, token: &str, keys: &KeySet) -> Result<(), CliError> {
    let Ok(verdict) = sanad_token::verify(token, keys) else {
        if cli.json {
            println!("{}", json!({ "authentic": false, "token": false }));
        } else {
            println!("{}", l10n.text("verify-not-a-token"));
        }
        return Err(CliError::Exit(2));
    };
    report(cli, l10n, &verdict, keys, None);
    if verdict.is_authentic() {
        Ok(())
    } else {
        Err(CliError::Exit(1))
    }
}

/// Prints a verdict; `extra` is what a copy's own checks add (JSON members, Persian lines), and
/// whether the file around a genuine token is what was signed.
pub fn report(
    cli: &Cli,
    l10n: &Localizer,
    verdict: &Verdict,
    keys: &KeySet,
    extra: Option<(serde_json::Value, Vec<String>, bool)>,
) {
    let file_ok = extra.as_ref().is_none_or(|e| e.2);
    let (authentic, refusal, kid, claims) = match verdict {
        Verdict::Authentic { claims, kid } => (true, None, Some(kid.clone()), Some(claims)),
        Verdict::NotAuthentic { refusal, claims } => (false, Some(refusal), None, claims.as_ref()),
    };
    let (extra_json, extra_lines, _) = extra.unwrap_or((json!(null), Vec::new(), true));
    let authentic = authentic && file_ok;
    if cli.json {
        let value = json!({
            "authentic": authentic,
            "token": true,
            "refusal": refusal.map(Refusal::as_str),
            "kid": kid,
            "issuer": keys.issuer,
            "claims": claims.map(claims_json),
            "copy": extra_json,
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        );
        return;
    }
    match (refusal, &kid) {
        (None, Some(_)) if !file_ok => {}
        (None, Some(kid)) => println!(
            "{}",
            l10n.format(
                "verify-authentic",
                &[("issuer", keys.issuer.clone()), ("kid", kid.clone())]
            )
        ),
        (Some(refusal), _) => println!(
            "{}",
            l10n.format(
                "verify-not-authentic",
                &[("reason", refusal_text(l10n, refusal))]
            )
        ),
        (None, None) => {}
    }
    for line in extra_lines {
        println!("{line}");
    }
    if let Some(claims) = claims {
        if !authentic {
            println!("{}", l10n.text("verify-untrusted"));
        }
        for line in claims_lines(l10n, claims) {
            println!("  {line}");
        }
    }
}

fn refusal_text(l10n: &Localizer, refusal: &Refusal) -> String {
    let kid = match refusal {
        Refusal::UnknownKey { kid }
        | Refusal::Revoked { kid }
        | Refusal::OutsideValidity { kid } => kid.clone(),
        _ => String::new(),
    };
    l10n.format(
        &format!("verify-reason-{}", refusal.as_str().replace('_', "-")),
        &[("kid", kid)],
    )
}

fn time_text(l10n: &Localizer, secs: i64) -> String {
    let at = chrono::DateTime::from_timestamp(secs, 0).unwrap_or_default();
    l10n.digits(&sanad_core::jalali::format_datetime_tehran(at))
}

fn claims_lines(l10n: &Localizer, c: &Claims) -> Vec<String> {
    let kind = match c.kind {
        TokenKind::Slip => "verify-kind-slip",
        TokenKind::Copy => "verify-kind-copy",
    };
    let code = TrackingCode::parse(&c.tracking_code)
        .map(|t| t.grouped())
        .unwrap_or_else(|_| c.tracking_code.clone());
    let mode = format!("mode-{}", c.dispatch_mode.as_str().replace('_', "-"));
    let mut lines = vec![
        l10n.format("verify-kind", &[("kind", l10n.text(kind))]),
        l10n.format("verify-code", &[("code", l10n.digits(&code))]),
        l10n.format("verify-mode", &[("mode", l10n.text(&mode))]),
    ];
    if let Some(d) = &c.destination {
        lines.push(l10n.format("verify-destination", &[("id", d.to_string())]));
    }
    lines.push(match c.dispatched_at {
        Some(at) => l10n.format("verify-dispatched", &[("at", time_text(l10n, at))]),
        None => l10n.text("verify-not-dispatched"),
    });
    lines.push(l10n.format("verify-issued", &[("at", time_text(l10n, c.issued_at))]));
    if let Some(copy) = c.copy {
        lines.push(l10n.format("verify-copy", &[("copy", l10n.digits(&copy.to_string()))]));
    }
    for (i, d) in c.documents.iter().enumerate() {
        let n = l10n.digits(&(i + 1).to_string());
        lines.push(if d.is_empty() {
            l10n.format("verify-document-no-scan", &[("n", n)])
        } else {
            l10n.format("verify-document", &[("n", n), ("digest", hex(d))])
        });
    }
    lines
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn claims_json(c: &Claims) -> serde_json::Value {
    json!({
        "kind": c.kind.as_str(),
        "tracking_code": c.tracking_code,
        "destination": c.destination.as_ref().map(ToString::to_string),
        "dispatch_mode": c.dispatch_mode.as_str(),
        "dispatched_at": c.dispatched_at.and_then(|s| chrono::DateTime::from_timestamp(s, 0)).map(|t| t.to_rfc3339()),
        "issued_at": chrono::DateTime::from_timestamp(c.issued_at, 0).map(|t| t.to_rfc3339()),
        "copy": c.copy,
        "documents": c.documents.iter().map(|d| hex(d)).collect::<Vec<_>>(),
        "pages": c.pages.iter().map(|(n, d)| json!({"pages": n, "digest": hex(d)})).collect::<Vec<_>>(),
    })
}
