//! `sanad doc import FILE [--apply]` and `sanad doc attach-folder DIR`: an office's existing
//! register and its folder of scans, brought in. The file is read here; what it holds, what it
//! changes and what is refused, the service decides. Both exit 2 when anything was refused
//! (after listing every refusal), so a script sees it.

use sanad_app::folder::{FolderFile, FolderOutcome};
use sanad_i18n::Localizer;
use sanad_service::{Actor, ImportPlan, Service};

use crate::args::Cli;
use crate::output::print_json;
use crate::CliError;

/// `doc import FILE [--apply]`.
pub async fn import(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    actor: &Actor,
    file: &str,
    apply: bool,
) -> Result<(), CliError> {
    let bytes = std::fs::read(file).map_err(|_| CliError::Usage {
        message_id: "cli-file-unreadable",
        args: vec![("path", file.to_owned())],
    })?;
    let (plan, applied) = if apply {
        let outcome = service.import_documents(actor, &bytes).await?;
        (outcome.plan, outcome.applied)
    } else {
        (service.plan_document_import(actor, &bytes).await?, false)
    };
    if cli.json {
        print_json(&serde_json::json!({ "applied": applied, "plan": plan }))?;
    } else {
        print_plan(l10n, &plan);
        let refused = plan.refused.len().to_string();
        let last = match (apply, applied) {
            (_, true) => l10n.format(
                "import-applied",
                &[
                    ("add", plan.add.to_string()),
                    ("change", plan.change.to_string()),
                ],
            ),
            (true, false) => l10n.format("import-not-applied", &[("refused", refused)]),
            (false, _) => l10n.text("import-dry-run"),
        };
        println!("{last}");
    }
    if plan.refused.is_empty() {
        Ok(())
    } else {
        Err(CliError::Exit(2))
    }
}

fn print_plan(l10n: &Localizer, plan: &ImportPlan) {
    println!(
        "{}",
        l10n.format(
            "import-plan",
            &[
                ("rows", plan.rows.to_string()),
                ("add", plan.add.to_string()),
                ("change", plan.change.to_string()),
                ("unchanged", plan.unchanged.to_string()),
                ("refused", plan.refused.len().to_string()),
            ],
        )
    );
    if !plan.ignored_columns.is_empty() {
        println!(
            "{}",
            l10n.format(
                "import-ignored-columns",
                &[("columns", plan.ignored_columns.join("، "))]
            )
        );
    }
    for c in &plan.changes {
        println!(
            "{}",
            l10n.format(
                "import-change-row",
                &[
                    ("row", c.row.to_string()),
                    ("number", isolated(&c.registry_number)),
                    ("before", c.title_before.clone()),
                    ("after", c.title.clone()),
                ],
            )
        );
    }
    for r in &plan.refused {
        let number = r
            .registry_number
            .as_deref()
            .map(|n| format!(" ({})", isolated(n)))
            .unwrap_or_default();
        println!(
            "{}",
            l10n.format(
                "import-refused-row",
                &[
                    ("row", r.row.to_string()),
                    ("number", number),
                    ("reason", reason(l10n, &r.field, &r.message_id, &r.args)),
                ],
            )
        );
    }
}

/// `doc attach-folder DIR`.
pub async fn attach_folder(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    actor: &Actor,
    dir: &str,
) -> Result<(), CliError> {
    let report = sanad_app::folder::attach_folder(service, actor, std::path::Path::new(dir))
        .await
        .map_err(super::file_error("cli-file-unreadable"))?;
    let count = |o: FolderOutcome| report.iter().filter(|f| f.outcome == o).count();
    let refused = count(FolderOutcome::Refused);
    if cli.json {
        print_json(&report)?;
    } else {
        for f in &report {
            println!("{}", folder_line(l10n, f));
        }
        println!(
            "{}",
            l10n.format(
                "folder-summary",
                &[
                    ("attached", count(FolderOutcome::Attached).to_string()),
                    ("same", count(FolderOutcome::AlreadyCurrent).to_string()),
                    ("refused", refused.to_string()),
                ],
            )
        );
    }
    if refused == 0 {
        Ok(())
    } else {
        Err(CliError::Exit(2))
    }
}

fn folder_line(l10n: &Localizer, f: &FolderFile) -> String {
    let file = isolated(&f.file);
    match f.outcome {
        FolderOutcome::Attached => l10n.format(
            "folder-attached",
            &[("file", file), ("number", isolated(&f.registry_number))],
        ),
        FolderOutcome::AlreadyCurrent => l10n.format("folder-same", &[("file", file)]),
        FolderOutcome::Refused => l10n.format(
            "folder-refused",
            &[
                ("file", file),
                (
                    "reason",
                    reason(
                        l10n,
                        f.field.as_deref().unwrap_or("file"),
                        f.message_id.as_deref().unwrap_or("error-storage"),
                        &f.args,
                    ),
                ),
            ],
        ),
    }
}

/// A refusal in words: the field's name, then what is wrong with it.
fn reason(
    l10n: &Localizer,
    field: &str,
    message_id: &str,
    args: &sanad_core::error::MessageArgs,
) -> String {
    let label = format!("field-{}", field.replace(['.', '_'], "-"));
    let message = l10n.message(message_id, args);
    if l10n.has(&label) {
        format!("{}: {message}", l10n.text(&label))
    } else {
        message
    }
}

/// A registry number or file name inside Persian text: isolated so its parts keep their order.
fn isolated(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}
