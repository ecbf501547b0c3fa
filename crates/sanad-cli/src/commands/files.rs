//! `sanad doc attach|files`, `sanad request attach|files`, `sanad file save` and
//! `sanad setting scan-limit`: the scans and letters the office keeps. The file is read here and
//! handed over as bytes; what it is, and whether it may be kept, the service decides.

use sanad_i18n::Localizer;
use sanad_service::{Actor, IncomingFile, KeptFile, Service};

use crate::args::{Cli, DocCommand, FileCommand, RequestCommand};
use crate::output::print_json;
use crate::CliError;

/// `doc attach` and `doc files`.
pub async fn doc(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    actor: &Actor,
    command: &DocCommand,
) -> Result<(), CliError> {
    match command {
        DocCommand::Attach {
            document_id,
            file,
            title,
        } => {
            let incoming = read_file(file, title.clone())?;
            print_json(&service.attach_scan(actor, document_id, incoming).await?)
        }
        DocCommand::Files { document_id } => {
            let files = service.document_scans(actor, document_id).await?;
            print_files(cli, l10n, &files)
        }
        _ => Ok(()),
    }
}

/// `request attach` and `request files`.
pub async fn request(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    actor: &Actor,
    command: &RequestCommand,
) -> Result<(), CliError> {
    match command {
        RequestCommand::Attach {
            code,
            file,
            purpose,
            title,
        } => {
            let incoming = read_file(file, title.clone())?;
            print_json(
                &service
                    .attach_request_file(actor, code, purpose, incoming)
                    .await?,
            )
        }
        RequestCommand::Files { code } => {
            let files = service.request_files(actor, code).await?;
            print_files(cli, l10n, &files)
        }
        _ => Ok(()),
    }
}

/// `file save FILE_ID --out PATH`.
pub async fn file(
    l10n: &Localizer,
    service: &Service,
    actor: &Actor,
    command: &FileCommand,
) -> Result<(), CliError> {
    match command {
        FileCommand::Save { file_id, out } => {
            let (_, bytes) = service.kept_file(actor, file_id).await?;
            std::fs::write(out, bytes).map_err(|_| CliError::Usage {
                message_id: "cli-file-unwritable",
                args: vec![("path", out.clone())],
            })?;
            println!(
                "{}",
                l10n.format("cli-file-saved", &[("path", out.clone())])
            );
            Ok(())
        }
    }
}

/// `setting scan-limit MB`.
pub async fn scan_limit(
    l10n: &Localizer,
    service: &Service,
    actor: &Actor,
    megabytes: &str,
) -> Result<(), CliError> {
    let bytes = service.set_scan_limit(actor, megabytes).await?;
    let mb = (bytes / (1024 * 1024)).to_string();
    println!(
        "{}",
        l10n.format("cli-scan-limit-set", &[("megabytes", mb)])
    );
    Ok(())
}

fn read_file(path: &str, title: Option<String>) -> Result<IncomingFile, CliError> {
    let bytes = std::fs::read(path).map_err(|_| CliError::Usage {
        message_id: "cli-file-unreadable",
        args: vec![("path", path.to_owned())],
    })?;
    let original_name = std::path::Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    Ok(IncomingFile {
        bytes,
        original_name,
        title,
    })
}

fn print_files(cli: &Cli, l10n: &Localizer, files: &[KeptFile]) -> Result<(), CliError> {
    if cli.json {
        return print_json(&files);
    }
    if files.is_empty() {
        println!("{}", l10n.text("cli-files-none"));
    }
    for f in files {
        let at = chrono::DateTime::parse_from_rfc3339(&f.added_at)
            .map(|t| sanad_core::jalali::format_datetime_tehran(t.with_timezone(&chrono::Utc)))
            .unwrap_or_else(|_| f.added_at.clone());
        let title = match (&f.purpose, f.title.is_empty()) {
            (Some(p), true) => l10n.text(&format!("file-purpose-{}", p.as_str())),
            _ => f.title.clone(),
        };
        println!(
            "{}",
            l10n.format(
                "cli-file-line",
                &[
                    ("number", f.number.to_string()),
                    ("title", title),
                    ("kind", f.kind.to_uppercase()),
                    ("pages", f.pages.to_string()),
                    ("size", f.size_bytes.to_string()),
                    ("added_at", at),
                    ("added_by", f.added_by_name.clone()),
                    (
                        "current",
                        if f.current && f.purpose.is_none() {
                            "yes"
                        } else {
                            "no"
                        }
                        .to_owned()
                    ),
                ]
            )
        );
        println!(
            "{}",
            l10n.format("cli-file-digest", &[("sha256", f.sha256.clone())])
        );
    }
    Ok(())
}
