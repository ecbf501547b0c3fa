//! `sanad ecopy CODE --out FILE.pdf` and the copy half of `sanad verify FILE.pdf`.

use sanad_i18n::Localizer;
use sanad_service::{Actor, Service};
use sanad_slip::ecopy::{verify_copy, CopyProblem, NotACopy};
use sanad_token::KeySet;
use serde_json::json;

use crate::args::Cli;
use crate::output::print_json;
use crate::CliError;

/// Writes the request's certified copy to `out` (clerk, auditor).
pub async fn save(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    actor: &Actor,
    code: &str,
    out: &str,
) -> Result<(), CliError> {
    let (info, bytes) = service.ecopy_file(actor, code).await?;
    std::fs::write(out, &bytes).map_err(|_| CliError::Usage {
        message_id: "cli-file-unwritable",
        args: vec![("path", out.to_owned())],
    })?;
    if cli.json {
        return print_json(&info);
    }
    println!(
        "{}",
        l10n.format(
            "cli-ecopy-saved",
            &[
                ("code", info.tracking_code.clone()),
                ("path", out.to_owned())
            ]
        )
    );
    Ok(())
}

/// `sanad verify FILE.pdf`: exit 0 authentic, 1 not (or damaged), 2 not a copy at all.
pub fn verify_file(cli: &Cli, l10n: &Localizer, file: &str, keys: &KeySet) -> Result<(), CliError> {
    let bytes = std::fs::read(file).map_err(|_| CliError::Usage {
        message_id: "cli-file-unreadable",
        args: vec![("path", file.to_owned())],
    })?;
    let verdict = match verify_copy(&bytes, keys) {
        Ok(v) => v,
        Err(NotACopy::NotACopy) => {
            say(
                cli,
                l10n,
                "verify-not-a-copy",
                json!({ "authentic": false, "copy": false }),
            );
            return Err(CliError::Exit(2));
        }
        Err(NotACopy::Damaged) => {
            say(
                cli,
                l10n,
                "verify-copy-damaged",
                json!({ "authentic": false, "copy": true, "problem": "damaged" }),
            );
            return Err(CliError::Exit(1));
        }
    };
    let digits = |n: usize| l10n.digits(&n.to_string());
    let (problem, line) = match &verdict.problem {
        None if verdict.token.is_authentic() => (
            None,
            l10n.format("verify-copy-pages-ok", &[("pages", digits(verdict.pages))]),
        ),
        None => (None, String::new()),
        Some(CopyProblem::NotACopyToken) => {
            (Some("not_a_copy_token"), l10n.text("verify-not-a-copy"))
        }
        Some(CopyProblem::QrMismatch) => {
            (Some("qr_mismatch"), l10n.text("verify-copy-qr-mismatch"))
        }
        Some(CopyProblem::PageCount { found, signed }) => (
            Some("page_count"),
            l10n.format(
                "verify-copy-pages-count",
                &[("found", digits(*found)), ("signed", digits(*signed))],
            ),
        ),
        Some(CopyProblem::CertificateAltered) => (
            Some("certificate_altered"),
            l10n.text("verify-copy-certificate-altered"),
        ),
        Some(CopyProblem::ScanAltered { n, from, to }) => (
            Some("scan_altered"),
            l10n.format(
                "verify-copy-scan-altered",
                &[
                    ("n", digits(*n)),
                    ("from", digits(*from)),
                    ("to", digits(*to)),
                ],
            ),
        ),
    };
    let authentic = verdict.is_authentic();
    let file_ok = verdict.problem.is_none();
    let extra = json!({ "pages": verdict.pages, "problem": problem });
    if !file_ok && !cli.json {
        // The token is genuine but the file around it is not what was signed.
        println!(
            "{}",
            l10n.format("verify-not-authentic", &[("reason", line)])
        );
        super::verify::report(
            cli,
            l10n,
            &verdict.token,
            keys,
            Some((extra, Vec::new(), false)),
        );
        return Err(CliError::Exit(1));
    }
    let lines = if line.is_empty() {
        Vec::new()
    } else {
        vec![line]
    };
    super::verify::report(
        cli,
        l10n,
        &verdict.token,
        keys,
        Some((extra, lines, file_ok)),
    );
    if authentic {
        Ok(())
    } else {
        Err(CliError::Exit(1))
    }
}

fn say(cli: &Cli, l10n: &Localizer, id: &str, value: serde_json::Value) {
    if cli.json {
        println!("{value}");
    } else {
        println!("{}", l10n.text(id));
    }
}
