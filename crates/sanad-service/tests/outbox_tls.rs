//! The office's mail server over TLS with an account: STARTTLS on a submission port and TLS from
//! the first byte (port 465 style), the account's password read from the real OS keychain. A
//! wrong password fails the attempt and keeps the message, and so does a server whose certificate
//! is not trusted; the right password to the right server sends it, encrypted and signed in. Its own test binary: it points OpenSSL at the test server's certificate
//! (`SSL_CERT_FILE`) before anything opens a TLS connection.

mod common;
mod smtp_sink;

use std::path::Path;
use std::process::Command;

use common::{saturday_morning, Backend, Office, TestClock};
use sanad_core::model::Action;
use sanad_service::{DeliveryState, MailSettings, MailTls};
use smtp_sink::{free_port, unisolated, Sink};

const ACCOUNT: &str = "desk-mailer";
const MAIL_PASSWORD: &str = "smtp-secret-7";

/// A self-signed certificate for `localhost`, the name the desk connects to.
fn certificate(dir: &Path, name: &str) -> (String, String) {
    let cert = dir.join(format!("{name}.crt"));
    let key = dir.join(format!("{name}.key"));
    let status = Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        ])
        .args([
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost",
        ])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .stderr(std::process::Stdio::null())
        .status()
        .expect("run openssl");
    assert!(status.success(), "openssl made no certificate");
    (cert.display().to_string(), key.display().to_string())
}

fn settings(port: u16, tls: MailTls) -> MailSettings {
    MailSettings {
        host: "localhost".into(),
        port,
        tls,
        username: Some(ACCOUNT.into()),
        from: "desk@sanad.invalid".into(),
    }
}

#[tokio::test]
async fn mail_goes_over_tls_signed_in_with_the_keychain_password() {
    let dir = tempfile::tempdir().expect("dir");
    let (cert, key) = certificate(dir.path(), "smtp");
    let (stranger_cert, stranger_key) = certificate(dir.path(), "stranger");
    // Trust the test server's certificate (OpenSSL reads this when the connector is built).
    std::env::set_var("SSL_CERT_FILE", &cert);

    let clock = TestClock::at(saturday_morning());
    let o = Office::with(Backend::Sqlite, Some(clock.clone())).await;
    o.ready_for_ecopy().await;
    let starttls_port = free_port();
    let sink = Sink::start_with(
        starttls_port,
        &["--starttls", &cert, &key, "--login", ACCOUNT, MAIL_PASSWORD],
    );
    o.svc
        .set_mail_settings(&o.admin, settings(starttls_port, MailTls::Starttls))
        .await
        .expect("settings");
    o.svc
        .save_smtp_password(&o.admin, "not-the-password")
        .await
        .expect("keep a password");

    let r = o.register_for("ali@example.ir").await;
    let r = o.step(&o.reviewer, &r, Action::StartReview, None).await;
    let r = o.step(&o.reviewer, &r, Action::Forward, None).await;
    let r = o.step(&o.director, &r, Action::Approve, None).await;

    // The server refuses the account: nothing arrives, the message waits for the next attempt.
    let report = o.svc.deliver_outbox().await.expect("deliver");
    // Two: the registration's e-mail and the approval's.
    assert_eq!((report.sent, report.failed, report.waiting), (0, 2, 2));
    assert!(sink.messages().is_empty());
    let n = &o
        .svc
        .request_notifications(&o.clerk, r.tracking_code.as_str())
        .await
        .expect("list")[1];
    assert_eq!((n.state, n.attempts), (DeliveryState::Pending, 1));

    // The administrator corrects the password (to the keychain); after the back-off it goes.
    o.svc
        .save_smtp_password(&o.admin, MAIL_PASSWORD)
        .await
        .expect("keep the password");
    clock.advance_minutes(2);
    let report = o.svc.deliver_outbox().await.expect("deliver");
    assert_eq!((report.sent, report.failed, report.waiting), (2, 0, 0));
    let mut got = sink.wait_for(2);
    assert_eq!(got.len(), 2, "{got:?}");
    got.remove(0);
    assert_eq!(got[0]["tls"], true, "sent after STARTTLS");
    assert_eq!(got[0]["login"], ACCOUNT);
    assert_eq!(got[0]["to"], "ali@example.ir");
    assert!(
        unisolated(got[0]["subject"].as_str().unwrap_or_default()).contains("تأیید شد"),
        "{got:?}"
    );

    // The same account on a server that speaks TLS from the first byte. First a server whose
    // certificate nobody trusts (someone in the middle): it gets nothing, not even the password.
    let tls_port = free_port();
    let stranger = Sink::start_with(
        tls_port,
        &[
            "--tls",
            &stranger_cert,
            &stranger_key,
            "--login",
            ACCOUNT,
            MAIL_PASSWORD,
        ],
    );
    o.svc
        .set_mail_settings(&o.admin, settings(tls_port, MailTls::Tls))
        .await
        .expect("settings");
    o.svc
        .save_smtp_password(&o.admin, MAIL_PASSWORD)
        .await
        .expect("keep the password for this server");
    let r = o.step(&o.clerk, &r, Action::Dispatch, None).await;
    let report = o.svc.deliver_outbox().await.expect("deliver");
    assert_eq!((report.sent, report.failed, report.waiting), (0, 1, 1));
    assert!(stranger.messages().is_empty());
    drop(stranger);
    // The real server on that port: after the back-off the message goes.
    let tls_sink = Sink::start_with(
        tls_port,
        &["--tls", &cert, &key, "--login", ACCOUNT, MAIL_PASSWORD],
    );
    clock.advance_minutes(2);
    let report = o.svc.deliver_outbox().await.expect("deliver");
    assert_eq!((report.sent, report.failed), (1, 0));
    let got = tls_sink.wait_for(1);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        (&got[0]["tls"], &got[0]["login"]),
        (&true.into(), &ACCOUNT.into())
    );
    assert!(
        unisolated(got[0]["subject"].as_str().unwrap_or_default()).contains("ارسال شد"),
        "{got:?}"
    );
    let notes = o
        .svc
        .request_notifications(&o.clerk, r.tracking_code.as_str())
        .await
        .expect("list");
    assert!(
        notes.iter().all(|n| n.state == DeliveryState::Sent),
        "{notes:?}"
    );
}
