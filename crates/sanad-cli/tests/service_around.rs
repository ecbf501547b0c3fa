//! `sanad complaint …`, `sanad track`, `sanad holiday …`, `sanad setting thursday-off` and
//! `sanad overdue` as a desk drives them, with their exit codes and Persian output.

use std::process::{Command, Output};

use serde_json::Value;

const ADMIN_PW: &str = "admin-password-1";
const STAFF_PW: &str = "staff-password-1";

struct Desk {
    url: String,
    _dir: tempfile::TempDir,
}

impl Desk {
    fn new() -> Desk {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("desk.db").display());
        let desk = Desk { url, _dir: dir };
        let out = desk.run(None, ADMIN_PW, &["init", "--admin", "admin"], &[]);
        assert!(out.status.success(), "{}", stderr(&out));
        for (name, role) in [
            ("clerk", "clerk"),
            ("reviewer", "reviewer"),
            ("director", "director"),
        ] {
            let out = desk.run(
                Some("admin"),
                ADMIN_PW,
                &[
                    "user",
                    "add",
                    name,
                    "--role",
                    role,
                    "--name",
                    "کاربر آزمایشی",
                ],
                &[("SANAD_NEW_PASSWORD", STAFF_PW)],
            );
            assert!(out.status.success(), "{}", stderr(&out));
        }
        desk
    }

    fn run(&self, user: Option<&str>, pw: &str, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_sanad"));
        cmd.env("SANAD_DB", &self.url).env("SANAD_PASSWORD", pw);
        if let Some(user) = user {
            cmd.arg("--as").arg(user);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.args(args).output().expect("run sanad")
    }

    fn staff(&self, user: &str, args: &[&str]) -> Output {
        self.run(Some(user), STAFF_PW, args, &[])
    }

    fn json(&self, user: &str, args: &[&str]) -> Value {
        let pw = if user == "admin" { ADMIN_PW } else { STAFF_PW };
        let out = self.run(Some(user), pw, args, &[]);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        serde_json::from_slice(&out.stdout).expect("json")
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_complaint_from_the_desk_to_closed_and_tracked() {
    let desk = Desk::new();
    let created = desk.json(
        "clerk",
        &[
            "complaint",
            "new",
            "--kind",
            "complaint",
            "--name",
            "زهرا كريمي",
            "--mobile",
            "۰۹۱۲۱۲۳۴۵۶۷",
            "--text",
            "پاسخی دریافت نکرده‌ام",
        ],
    );
    assert_eq!(created["status"], "registered");
    let code = created["tracking_code"].as_str().expect("code").to_owned();

    // The caller reads the code out; the clerk types it with dashes in Persian digits.
    let grouped = created["tracking_code_grouped"].as_str().expect("grouped");
    let persian: String = grouped
        .chars()
        .map(|c| {
            c.to_digit(10)
                .and_then(|d| char::from_u32(0x06F0 + d))
                .unwrap_or(c)
        })
        .collect();
    let out = desk.staff("clerk", &["track", &persian]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("در انتظار ارجاع"), "{text}");
    assert!(text.contains("ز*** ک****"), "{text}");
    assert!(
        !text.contains("0912") && !text.contains("۰۹۱۲"),
        "no contact: {text}"
    );

    let out = desk.staff("clerk", &["complaint", "assign", &code, "--to", "reviewer"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("ارجاع‌شده"), "{}", stdout(&out));
    // Not the assignee: 3, in Persian.
    let out = desk.staff("clerk", &["complaint", "answer", &code, "--text", "پاسخ"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("ارجاع شده"), "{}", stderr(&out));
    let answered = desk.json(
        "reviewer",
        &[
            "--json",
            "complaint",
            "answer",
            &code,
            "--text",
            "پیگیری شد",
        ],
    );
    assert_eq!(answered["status"], "answered");
    // A stale version: 4.
    let out = desk.staff(
        "clerk",
        &["complaint", "close", &code, "--expect-version", "2"],
    );
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let closed = desk.json(
        "clerk",
        &[
            "--json",
            "complaint",
            "close",
            &code,
            "--expect-version",
            "3",
        ],
    );
    assert_eq!(closed["status"], "closed");
    assert_eq!(closed["history"].as_array().map(Vec::len), Some(4));

    let tracked = desk.json("reviewer", &["--json", "track", &code]);
    assert_eq!(tracked["kind"], "complaint");
    assert_eq!(tracked["state"], "closed");

    let list = desk.json(
        "clerk",
        &["--json", "complaint", "list", "--status", "closed"],
    );
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    let out = desk.staff("clerk", &["complaint", "list"]);
    assert!(
        stdout(&out).contains("موردی"),
        "no open ones: {}",
        stdout(&out)
    );

    // Invalid input names the field: 2. Unknown code: 5.
    let out = desk.staff(
        "clerk",
        &[
            "complaint",
            "new",
            "--kind",
            "comment",
            "--name",
            "x",
            "--email",
            "x@y",
            "--text",
            "t",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("رایانامه"), "{}", stderr(&out));
    let unknown = sanad_core::TrackingCode::generate_secure();
    let out = desk.staff("clerk", &["track", unknown.as_str()]);
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
}

#[test]
fn holidays_and_thursdays_from_the_command_line() {
    let desk = Desk::new();
    let list = desk.json("clerk", &["--json", "holiday", "list", "--year", "1405"]);
    // 25 shipped, and 1405/01/25 (شهادت امام جعفر صادق) that migration 0014 added.
    assert_eq!(list.as_array().map(Vec::len), Some(26));
    let out = desk.staff("clerk", &["holiday", "list", "--year", "1404"]);
    assert!(
        stdout(&out).contains("۱۴۰۴/۱۰/۱۳ | ولادت امام علی (ع)"),
        "{}",
        stdout(&out)
    );

    let out = desk.staff(
        "clerk",
        &["holiday", "add", "1405/02/10", "--title", "تعطیلی"],
    );
    assert_eq!(
        out.status.code(),
        Some(3),
        "clerks may not: {}",
        stderr(&out)
    );
    let out = desk.run(
        Some("admin"),
        ADMIN_PW,
        &["holiday", "add", "۱۴۰۵/۰۲/۱۰", "--title", "تعطیلی استانی"],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("۱۴۰۵/۰۲/۱۰"), "{}", stdout(&out));
    let list = desk.json("clerk", &["--json", "holiday", "list", "--year", "1405"]);
    assert_eq!(list.as_array().map(Vec::len), Some(27));
    let out = desk.run(
        Some("admin"),
        ADMIN_PW,
        &["holiday", "remove", "1405/02/10"],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = desk.run(
        Some("admin"),
        ADMIN_PW,
        &["holiday", "remove", "1405/02/10"],
        &[],
    );
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    let out = desk.run(
        Some("admin"),
        ADMIN_PW,
        &["holiday", "add", "1404/12/30", "--title", "x"],
        &[],
    );
    assert_eq!(out.status.code(), Some(2), "no such day: {}", stderr(&out));

    let out = desk.run(
        Some("admin"),
        ADMIN_PW,
        &["setting", "thursday-off", "off"],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("روز کاری"), "{}", stdout(&out));

    // Office hours, typed in Persian digits; a closing before the opening names its flag's field.
    let out = desk.run(
        Some("admin"),
        ADMIN_PW,
        &[
            "setting",
            "office-hours",
            "--weekdays",
            "۸:۰۰-۱۵:۰۰",
            "--thursday",
            "08:00-12:00",
        ],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("۰۸:۰۰–۱۵:۰۰"), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("تا تغییر وضعیت بعدی"),
        "{}",
        stdout(&out)
    );
    let out = desk.run(
        Some("admin"),
        ADMIN_PW,
        &["setting", "office-hours", "--weekdays", "15:00-08:00"],
        &[],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("بعد از ساعت شروع"),
        "{}",
        stderr(&out)
    );

    let out = desk.staff("director", &["overdue"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("از مهلت نگذشته"), "{}", stdout(&out));
    let out = desk.staff("clerk", &["overdue"]);
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn results_are_mailed_from_the_command_line() {
    let desk = Desk::new();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("port");
    let inbox = tempfile::tempdir().expect("dir");
    let script = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../scripts/smtp-test-sink.py");
    let mut sink = Command::new("/usr/bin/python3")
        .arg(script)
        .arg(port.to_string())
        .arg(inbox.path())
        .spawn()
        .expect("SMTP sink (python3-aiosmtpd)");
    let started = std::time::Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "sink did not start"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let port_text = port.to_string();
    let out = desk.run(
        Some("admin"),
        ADMIN_PW,
        &[
            "mail",
            "set",
            "--host",
            "127.0.0.1",
            "--port",
            &port_text,
            "--tls",
            "none",
            "--from",
            "desk@sanad.invalid",
        ],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let c = desk.json(
        "clerk",
        &[
            "complaint",
            "new",
            "--kind",
            "comment",
            "--name",
            "مریم احمدی",
            "--email",
            "maryam@example.ir",
            "--text",
            "نظر",
        ],
    );
    let code = c["tracking_code"].as_str().expect("code").to_owned();
    assert!(desk
        .staff("clerk", &["complaint", "assign", &code, "--to", "reviewer"])
        .status
        .success());
    assert!(desk
        .staff(
            "reviewer",
            &["complaint", "answer", &code, "--text", "سپاس از نظر شما"]
        )
        .status
        .success());
    let out = desk.staff("clerk", &["mail", "deliver"]);
    let _ = sink.kill();
    let _ = sink.wait();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("\u{2068}۲\u{2069} پیام فرستاده شد"),
        "{}",
        stdout(&out)
    );
    // First the registration's e-mail, with the PIN `complaint new` printed once.
    let pin = c["tracking_pin"].as_str().expect("pin");
    let got = std::fs::read_to_string(inbox.path().join("1.json")).expect("a message arrived");
    let got: Value = serde_json::from_str(&got).expect("json");
    assert!(got["body"]
        .as_str()
        .unwrap_or_default()
        .contains(&sanad_i18n::to_persian_digits(pin)));
    let got = std::fs::read_to_string(inbox.path().join("2.json")).expect("a message arrived");
    let got: Value = serde_json::from_str(&got).expect("json");
    assert_eq!(got["to"], "maryam@example.ir");
    assert!(got["body"]
        .as_str()
        .unwrap_or_default()
        .contains("سپاس از نظر شما"));
}

#[test]
fn notices_from_the_command_line() {
    let desk = Desk::new();
    let at = |hours: i64| {
        sanad_core::jalali::format_datetime_tehran(
            chrono::Utc::now() + chrono::Duration::hours(hours),
        )
    };
    let (from, to) = (at(-1), at(1));
    let out = desk.run(
        Some("admin"),
        ADMIN_PW,
        &[
            "--json",
            "notice",
            "add",
            "--kind",
            "maintenance",
            "--from",
            &from,
            "--to",
            &to,
            "--text",
            "به‌روزرسانی",
            "--read-only",
        ],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let n: Value = serde_json::from_slice(&out.stdout).expect("json");
    let id = n["id"].as_str().expect("id").to_owned();
    assert_eq!(n["in_progress"], true);

    // Inside the read-only window a clerk's change is refused: 3, in Persian.
    let out = desk.staff(
        "clerk",
        &[
            "complaint",
            "new",
            "--kind",
            "comment",
            "--name",
            "مریم",
            "--mobile",
            "09121234567",
            "--text",
            "نظر",
        ],
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("فقط‌خواندنی"), "{}", stderr(&out));
    let out = desk.staff("clerk", &["notice", "list", "--active"]);
    assert!(stdout(&out).contains("به‌روزرسانی"), "{}", stdout(&out));
    assert!(stdout(&out).contains("فقط‌خواندنی"), "{}", stdout(&out));

    let out = desk.run(Some("admin"), ADMIN_PW, &["notice", "cancel", &id], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = desk.run(Some("admin"), ADMIN_PW, &["notice", "cancel", &id], &[]);
    assert_eq!(out.status.code(), Some(5));
    let out = desk.staff(
        "clerk",
        &[
            "complaint",
            "new",
            "--kind",
            "comment",
            "--name",
            "مریم",
            "--mobile",
            "09121234567",
            "--text",
            "نظر",
        ],
    );
    assert!(
        out.status.success(),
        "writes again after the cancel: {}",
        stderr(&out)
    );
    let out = desk.staff("clerk", &["notice", "list"]);
    assert!(stdout(&out).contains("لغوشده"), "{}", stdout(&out));
}

#[test]
fn reports_from_the_command_line() {
    let desk = Desk::new();
    let c = desk.json(
        "clerk",
        &[
            "complaint",
            "new",
            "--kind",
            "suggestion",
            "--name",
            "مریم احمدی",
            "--mobile",
            "09121234567",
            "--text",
            "پیشنهاد",
        ],
    );
    assert_eq!(c["kind"], "suggestion");
    let out = desk.staff("director", &["report", "complaints"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("شکایت‌ها و پیشنهادها"), "{text}");
    assert!(text.contains("پیشنهاد | ۱ | ۱"), "{text}");
    assert!(
        text.contains("از آغاز تا \u{2068}۱۴"),
        "no period given: {text}"
    );
    let dir = tempfile::tempdir().expect("dir");
    let xlsx = dir.path().join("r.xlsx");
    let csv = dir.path().join("r.csv");
    let (xlsx_s, csv_s) = (xlsx.display().to_string(), csv.display().to_string());
    let out = desk.staff(
        "director",
        &["report", "complaints", "--xlsx", &xlsx_s, "--csv", &csv_s],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::metadata(&xlsx)
        .map(|m| m.len() > 1000)
        .unwrap_or(false));
    // The sheet reads right to left (Persian).
    let rtl = Command::new("/usr/bin/python3")
        .args([
            "-c",
            "import sys, zipfile; x = zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml').decode(); print('rightToLeft=\"1\"' in x)",
            &xlsx_s,
        ])
        .output()
        .expect("python3");
    assert_eq!(
        String::from_utf8_lossy(&rtl.stdout).trim(),
        "True",
        "{}",
        stderr(&rtl)
    );
    let csv_text = std::fs::read_to_string(&csv).expect("csv");
    assert!(csv_text.contains("نوع,تعداد"), "{csv_text}");
    let out = desk.staff("clerk", &["report", "complaints"]);
    assert_eq!(out.status.code(), Some(3));
}
