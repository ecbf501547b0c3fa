//! Slips to render in tests: long Persian titles, Latin letters in letter numbers, mixed digits.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use sanad_core::slip_print::SlipPrint;

/// A dispatched request for an original deed, approved by the director and the ministry, on
/// its `copy`th print.
pub fn sample_slip(copy: i64) -> SlipPrint {
    let value = serde_json::json!({
        "request": {
            "id": "0193a7c2-0000-7000-8000-000000000001",
            "tracking_code": "358122904418",
            "tracking_code_grouped": "3581-2290-4418",
            "status": "dispatched",
            "version": 7,
            "requesting_org": {"id": "o1", "name": "اداره کل راه و شهرسازی استان", "kind": "agency", "national_id": null},
            "destination_org": {"id": "o2", "name": "شعبهٔ ۱۲ دادگاه عمومی حقوقی شهرستان", "kind": "third_party", "national_id": null},
            "needs_ministry": true,
            "documents": [
                {"id": "d1", "registry_number": "1400-27", "title": "سند مالکیت شش‌دانگ یک قطعه زمین به مساحت ۲۵۰ متر مربع به پلاک ثبتی ۱۲/۳ فرعی از ۴۵ اصلی بخش ۲ واقع در بلوار آزادی", "property_plate": "12/3", "location": null, "in_repository": false},
                {"id": "d2", "registry_number": "A-5501", "title": "صورت‌مجلس تفکیکی", "property_plate": null, "location": null, "in_repository": false}
            ],
            "dispatch_mode": "original",
            "return_due": "1404/10/30",
            "applicant": {"name": "سیدمحمدرضا حسینی‌نژاد اصفهانی", "national_code": "0499370899", "mobile": "09121234567"},
            "letter": {"number": "123/A/45", "date": "1404/08/01"},
            "purpose": "تنظیم قرارداد",
            "priority": "normal",
            "created_at": "2025-11-20T06:30:00Z",
            "deadline_at": null,
            "overdue": false,
            "available_actions": [],
            "history": []
        },
        "copy": copy,
        "paper": "a5",
        "issued_at": "2025-11-26T07:05:00Z",
        "issued_at_jalali": "1404/09/05 10:35",
        "clerk": "مریم کاظمی",
        "approvals": [
            {"name": "علی محمدی", "role": "director", "at_jalali": "1404/08/20 09:12"},
            {"name": "زهرا احمدی", "role": "ministry", "at_jalali": "1404/08/25 13:40"}
        ],
        "office": {"directorate_name": "اداره کل امور اقتصادی و دارایی استان اصفهان"}
    });
    serde_json::from_value(value).expect("sample slip")
}

/// A small round emblem as a PNG with transparency, standing in for an office logo.
pub fn emblem_png() -> Vec<u8> {
    let size = 96u32;
    let mut pixels = Vec::with_capacity((size * size * 4) as usize);
    let centre = size as f32 / 2.0;
    for y in 0..size {
        for x in 0..size {
            let d = ((x as f32 - centre).powi(2) + (y as f32 - centre).powi(2)).sqrt();
            let (grey, alpha) = match d {
                d if d < 20.0 => (40, 255),
                d if d < 30.0 => (255, 0),
                d if d < 44.0 => (90, 255),
                _ => (255, 0),
            };
            pixels.extend_from_slice(&[grey, grey, grey, alpha]);
        }
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, size, size);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().expect("png header");
        writer.write_image_data(&pixels).expect("png data");
    }
    out
}

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference")
}

/// Runs a tool and returns its stdout; the message names the package that provides it.
pub fn run(tool: &str, args: &[&str], package: &str) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} ({package}) could not run: {e}"));
    assert!(
        out.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What a scanner reads off `image` (zbarimg): `TYPE:DATA` per code found, sorted.
pub fn scanned_codes(image: &Path) -> Vec<String> {
    let path = image.to_str().expect("path");
    let out = run("zbarimg", &["--quiet", path], "zbar-tools");
    let mut found: Vec<String> = out.lines().map(|l| l.trim().to_owned()).collect();
    found.sort_unstable();
    found
}

/// Rasterizes the first page of `pdf` to a PNG at `dpi`; returns the PNG's path.
pub fn rasterize(pdf: &[u8], dir: &Path, name: &str, dpi: &str) -> std::path::PathBuf {
    let pdf_path = dir.join(format!("{name}.pdf"));
    std::fs::write(&pdf_path, pdf).expect("write pdf");
    let stem = dir.join(name);
    run(
        "pdftoppm",
        &[
            "-r",
            dpi,
            "-png",
            "-singlefile",
            "-f",
            "1",
            "-l",
            "1",
            pdf_path.to_str().expect("path"),
            stem.to_str().expect("path"),
        ],
        "poppler-utils",
    );
    dir.join(format!("{name}.png"))
}

/// Width, height and 8-bit grey levels of a PNG written by pdftoppm (grey or RGB).
pub fn grey_pixels(path: &Path) -> (u32, u32, Vec<u8>) {
    let file = std::fs::File::open(path).expect("open png");
    let mut reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .expect("png header");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("png data");
    buf.truncate(info.buffer_size());
    let grey = match info.color_type {
        png::ColorType::Grayscale => buf,
        png::ColorType::Rgb => buf
            .chunks_exact(3)
            .map(|p| ((u16::from(p[0]) + u16::from(p[1]) + u16::from(p[2])) / 3) as u8)
            .collect(),
        other => panic!("{}: unexpected {other:?}", path.display()),
    };
    (info.width, info.height, grey)
}
