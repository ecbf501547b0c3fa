//! A slip sent through the same call the app's print action makes reaches a real CUPS queue:
//! the README's test command starts CUPS with a PDF printer (printer-driver-cups-pdf) and names
//! it in SANAD_TEST_PRINTER; the printer writes each job to SANAD_TEST_PRINTER_OUT.

mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use sanad_i18n::{Lang, Localizer};
use sanad_slip::printing::{self, JobOutcome};
use sanad_slip::{render_slip, PaperSize};

fn test_printer() -> (String, PathBuf) {
    let printer = std::env::var("SANAD_TEST_PRINTER").expect(
        "SANAD_TEST_PRINTER is not set: run the tests with the README's test command, which \
         starts CUPS with a PDF printer (scripts/cups-test-printer.sh)",
    );
    let out = std::env::var("SANAD_TEST_PRINTER_OUT").expect("SANAD_TEST_PRINTER_OUT");
    (printer, PathBuf::from(out))
}

/// Waits for the PDF printer's file for job `job` (`…-job_<id>.pdf`).
pub fn wait_for_printed_file(dir: &std::path::Path, job: u64) -> Option<PathBuf> {
    let suffix = format!("-job_{job}.pdf");
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Ok(entries) = std::fs::read_dir(dir) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.ends_with(&suffix) && entry.metadata().is_ok_and(|m| m.len() > 0) {
                    return Some(entry.path());
                }
            }
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    None
}

#[test]
fn a_slip_reaches_the_cups_pdf_printer() {
    let (printer, out_dir) = test_printer();
    assert!(
        printing::list_printers().iter().any(|p| p.name == printer),
        "{printer} is not among the system's printers"
    );
    let pdf = render_slip(
        &common::sample_slip(1),
        &Localizer::new(Lang::Fa),
        PaperSize::A5,
    )
    .expect("render");
    let chosen = printing::choose_printer(None, Some(&printer)).expect("choose");
    assert_eq!(chosen, printer);
    let job = printing::print_pdf(&pdf, &chosen, "slip test").expect("print");
    assert_eq!(
        printing::wait_for_job(&printer, job, Duration::from_secs(30)),
        JobOutcome::Completed
    );
    let printed = wait_for_printed_file(&out_dir, job)
        .unwrap_or_else(|| panic!("job {job} never arrived in {}", out_dir.display()));
    let bytes = std::fs::read(&printed).expect("read printed file");
    assert!(bytes.starts_with(b"%PDF"), "{}", printed.display());
}

#[test]
fn an_unknown_printer_is_refused() {
    let result = printing::print_pdf(b"%PDF-1.7", "no-such-printer-here", "x");
    assert!(
        matches!(result, Err(printing::PrintError::NoSuchPrinter(_))),
        "{result:?}"
    );
}
