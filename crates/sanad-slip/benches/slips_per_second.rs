//! Slips per second: rendered in-process, next to headless Chromium printing the same slip as
//! HTML to PDF in the same run. Not a test; run it with
//! `cargo bench -p sanad-slip --bench slips_per_second` (Chromium: apt package `chromium`;
//! `SANAD_BENCH_CHROMIUM` names another binary, `SANAD_BENCH_SECONDS` the in-process budget,
//! `SANAD_BENCH_KEEP=DIR` keeps both PDFs for comparison).

#[path = "../tests/common/mod.rs"]
mod common;

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use sanad_core::slip_print::SlipPrint;
use sanad_i18n::{Lang, Localizer};
use sanad_slip::codes::{code128_modules, qr_modules};
use sanad_slip::{render_slip, PaperSize};

fn main() {
    let slip = common::sample_slip(2);
    let l10n = Localizer::new(Lang::Fa);
    let budget = std::env::var("SANAD_BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5.0);

    // Warm up (font parsing happens once per process), then render for the budget.
    let first = render_slip(&slip, &l10n, PaperSize::A5).expect("render");
    let start = Instant::now();
    let mut count = 0u32;
    while start.elapsed() < Duration::from_secs_f64(budget) {
        let pdf = render_slip(&slip, &l10n, PaperSize::A5).expect("render");
        assert!(pdf.starts_with(b"%PDF"));
        count += 1;
    }
    let in_process = f64::from(count) / start.elapsed().as_secs_f64();
    let layout_start = Instant::now();
    for _ in 0..100 {
        sanad_slip::compose_pages(&slip, &l10n, PaperSize::A5).expect("compose");
    }
    let layout_ms = layout_start.elapsed().as_secs_f64() * 10.0;
    println!(
        "in-process: {count} slips in {:.2} s = {in_process:.1} slips/s ({:.2} ms a slip, of \
         which layout {layout_ms:.2} ms; {} bytes)",
        start.elapsed().as_secs_f64(),
        1000.0 / in_process,
        first.len()
    );

    let chromium = std::env::var("SANAD_BENCH_CHROMIUM").unwrap_or_else(|_| "chromium".into());
    match chromium_rate(&chromium, &slip, &l10n) {
        Ok((runs, rate)) => {
            println!(
                "chromium --headless --print-to-pdf: {runs} slips = {rate:.2} slips/s ({:.0} ms a slip)",
                1000.0 / rate
            );
            println!("ratio: in-process is {:.0}× Chromium", in_process / rate);
        }
        Err(e) => println!("chromium: not measured ({e})"),
    }
}

/// Prints the slip's HTML to PDF with a fresh headless Chromium per slip, as a service using a
/// browser for its PDFs would; returns runs and slips per second.
fn chromium_rate(chromium: &str, slip: &SlipPrint, l10n: &Localizer) -> Result<(u32, f64), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let font = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
    let html_path = dir.path().join("slip.html");
    std::fs::write(&html_path, slip_html(slip, l10n, &font)).map_err(|e| e.to_string())?;
    let profile = dir.path().join("profile");
    let print = |out: &Path| -> Result<(), String> {
        let status = Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--no-pdf-header-footer",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(format!("--print-to-pdf={}", out.display()))
            .arg(format!("file://{}", html_path.display()))
            .output()
            .map_err(|e| format!("{chromium}: {e}"))?;
        if !status.status.success() || !out.exists() {
            return Err(String::from_utf8_lossy(&status.stderr).into_owned());
        }
        Ok(())
    };
    print(&dir.path().join("warm-up.pdf"))?;
    let runs = 10;
    let start = Instant::now();
    for i in 0..runs {
        print(&dir.path().join(format!("slip-{i}.pdf")))?;
    }
    let rate = f64::from(runs) / start.elapsed().as_secs_f64();
    // SANAD_BENCH_KEEP=DIR keeps both PDFs, to compare how each renders.
    if let Some(keep) = std::env::var_os("SANAD_BENCH_KEEP") {
        let keep = Path::new(&keep);
        let _ = std::fs::copy(dir.path().join("slip-0.pdf"), keep.join("chromium.pdf"));
        let _ = std::fs::copy(&html_path, keep.join("chromium.html"));
        if let Ok(pdf) = render_slip(slip, l10n, PaperSize::A5) {
            let _ = std::fs::write(keep.join("sanad-slip.pdf"), pdf);
        }
    }
    Ok((runs, rate))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The same slip as an HTML page: the same strings, the same font, the same codes as SVG.
fn slip_html(slip: &SlipPrint, l10n: &Localizer, fonts: &Path) -> String {
    let r = &slip.request;
    let digits = r.tracking_code.as_str();
    let bars = code128_modules(digits).expect("barcode");
    let mut bar_svg = format!(
        "<svg width='40mm' height='12mm' viewBox='0 0 {} 1' preserveAspectRatio='none'>",
        bars.len()
    );
    for (i, dark) in bars.iter().enumerate() {
        if *dark {
            let _ = write!(bar_svg, "<rect x='{i}' y='0' width='1' height='1'/>");
        }
    }
    bar_svg.push_str("</svg>");
    let qr = qr_modules(digits).expect("qr");
    let mut qr_svg = format!(
        "<svg width='22mm' height='22mm' viewBox='-4 -4 {0} {0}'>",
        qr.width + 8
    );
    for (i, dark) in qr.dark.iter().enumerate() {
        if *dark {
            let _ = write!(
                qr_svg,
                "<rect x='{}' y='{}' width='1' height='1'/>",
                i % qr.width,
                i / qr.width
            );
        }
    }
    qr_svg.push_str("</svg>");
    let row = |label: &str, value: String| {
        format!(
            "<tr><th>{}</th><td>{}</td></tr>",
            escape(&l10n.text(label)),
            escape(&value)
        )
    };
    let mut rows = String::new();
    rows += &row("slip-issued-at", l10n.digits(&slip.issued_at_jalali));
    rows += &row("slip-requesting-org", r.requesting_org.name.clone());
    rows += &row(
        "slip-destination",
        r.destination_org
            .as_ref()
            .map(|o| o.name.clone())
            .unwrap_or_default(),
    );
    rows += &row(
        "slip-letter",
        l10n.format(
            "slip-letter-value",
            &[
                ("number", r.letter.number.clone()),
                ("date", r.letter.date.clone()),
            ],
        ),
    );
    for d in &r.documents {
        rows += &row(
            "slip-documents",
            l10n.format(
                "slip-document-line",
                &[
                    ("registry", d.registry_number.clone()),
                    ("title", d.title.clone()),
                ],
            ),
        );
    }
    rows += &row("slip-dispatch-mode", l10n.text("mode-original"));
    rows += &row("slip-applicant", r.applicant.name.clone());
    for a in &slip.approvals {
        rows += &row(
            "slip-approvals",
            l10n.format(
                "slip-approval-line",
                &[
                    ("name", a.name.clone()),
                    ("role", a.role.as_str().to_owned()),
                    ("at", a.at_jalali.clone()),
                ],
            ),
        );
    }
    rows += &row("slip-clerk", slip.clerk.clone());
    format!(
        "<!doctype html><html lang='fa' dir='rtl'><head><meta charset='utf-8'><style>\
         @font-face {{ font-family: V; src: url('file://{fonts}/Vazirmatn-Regular.ttf'); }}\
         @font-face {{ font-family: V; font-weight: bold; src: url('file://{fonts}/Vazirmatn-Bold.ttf'); }}\
         @page {{ size: A5; margin: 10mm; }} body {{ font-family: V; font-size: 9pt; margin: 0; }}\
         h1, h2, .c {{ text-align: center; }} .code {{ font-size: 20pt; font-weight: bold; }}\
         th {{ text-align: right; width: 30mm; vertical-align: top; }} td {{ text-align: right; }}\
         .sig {{ display: flex; gap: 6mm; }} .sig div {{ flex: 1; height: 17mm; border: 0.7pt solid; text-align: center; }}\
         .note {{ border: 0.7pt solid; padding: 2.5mm; text-align: center; font-weight: bold; }}\
         </style></head><body>\
         <h2>{directorate}</h2><h1>{title}</h1><p class='c'>{duplicate}</p>\
         <p class='c'>{code_label}</p><p class='c code'><bdi dir='ltr'>{code}</bdi></p>\
         <p class='c'>{qr_svg} {bar_svg}<br>{digits}</p><table>{rows}</table>\
         <div class='sig'><div>{sig1}</div><div>{sig2}</div></div><p class='note'>{note}</p>\
         </body></html>",
        fonts = fonts.display(),
        directorate = escape(&slip.office.directorate_name),
        title = escape(&l10n.text("slip-title")),
        duplicate = escape(&l10n.format("slip-duplicate", &[("copy", slip.copy.to_string())])),
        code_label = escape(&l10n.text("slip-tracking-code")),
        code = l10n.digits(&r.tracking_code_grouped),
        sig1 = escape(&l10n.text("slip-signature-clerk")),
        sig2 = escape(&l10n.text("slip-signature-recipient")),
        note = escape(&l10n.text("slip-keep-code")),
    )
}
