//! The directorate's signing key on both backends (issue 15, item 4): made by the administrator,
//! its private half in this desk's keychain and its public half published; slips signed with it;
//! a rotated key's tokens still verify, a revoked key's tokens from its date are refused; an
//! export opens on another desk only with its passphrase.

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::{Backend, Office, TestClock};
use sanad_core::model::Action;
use sanad_service::{Error, Keychain, RequestView, SecretName, SigningKeyState};
use sanad_token::{Refusal, Verdict};

async fn approved(o: &Office) -> RequestView {
    let mut r = o
        .svc
        .register_request(&o.clerk, o.request())
        .await
        .expect("register");
    for (who, action) in [
        (&o.reviewer, Action::StartReview),
        (&o.reviewer, Action::Forward),
        (&o.director, Action::Approve),
    ] {
        r = o.step(who, &r, action, None).await;
    }
    r
}

async fn slip_token(o: &Office, r: &RequestView) -> Option<String> {
    o.svc
        .issue_slip(&o.clerk, r.tracking_code.as_str(), "a5", None)
        .await
        .expect("slip")
        .token
}

on_both_backends!(
    slips_are_signed_rotation_keeps_old_tokens_revocation_refuses,
    |b: Backend| async move {
        let start = Utc.with_ymd_and_hms(2026, 3, 1, 6, 0, 0).unwrap();
        let clock = TestClock::at(start);
        let o = Office::with(b, Some(clock.clone())).await;
        let r = approved(&o).await;
        // No key yet: the slip's QR carries the tracking code alone.
        assert_eq!(slip_token(&o, &r).await, None);
        assert!(o.svc.published_keys().await.expect("keys").keys.is_empty());

        let first = o.svc.init_signing_key(&o.admin).await.expect("init");
        assert!(matches!(
            o.svc.init_signing_key(&o.admin).await,
            Err(Error::Conflict {
                message_id: "error-key-exists"
            })
        ));
        clock.advance_hours(1);
        let old_token = slip_token(&o, &r).await.expect("signed");
        let keys = o.svc.published_keys().await.expect("keys");
        match sanad_token::verify(&old_token, &keys).expect("a token") {
            Verdict::Authentic { claims, kid } => {
                assert_eq!(kid, first);
                assert_eq!(claims.tracking_code, r.tracking_code.as_str());
                assert_eq!(claims.copy, Some(2));
                assert_eq!(claims.dispatched_at, None, "printed before dispatch");
                assert_eq!(claims.documents.len(), 1);
            }
            other => panic!("{other:?}"),
        }

        clock.advance_hours(1);
        let second = o.svc.rotate_signing_key(&o.admin).await.expect("rotate");
        assert_ne!(first, second);
        clock.advance_hours(1);
        let new_token = slip_token(&o, &r).await.expect("signed");
        let keys = o.svc.published_keys().await.expect("keys");
        assert_eq!(keys.keys.len(), 2);
        // The administrator's list says which key signs now and which was rotated out, with
        // Jalali times (the desk's signing keys screen).
        let states = |list: Vec<sanad_service::SigningKeyView>| -> Vec<(String, SigningKeyState)> {
            list.into_iter().map(|k| (k.kid, k.state)).collect()
        };
        let listed = o.svc.signing_keys(&o.admin).await.expect("list");
        assert!(listed.iter().all(|k| k.valid_from_jalali.starts_with("14")));
        assert!(listed
            .iter()
            .any(|k| k.kid == first && k.valid_until_jalali.is_some()));
        let mut now_listed = states(listed);
        now_listed.sort_by(|a, b| a.0.cmp(&b.0));
        let mut expected = vec![
            (first.clone(), SigningKeyState::Rotated),
            (second.clone(), SigningKeyState::Current),
        ];
        expected.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(now_listed, expected);
        assert!(keys.find(&first).and_then(|k| k.valid_until).is_some());
        // The old slip still verifies after the rotation; the new one is signed by the new key.
        assert!(sanad_token::verify(&old_token, &keys)
            .expect("token")
            .is_authentic());
        assert!(matches!(
            sanad_token::verify(&new_token, &keys),
            Ok(Verdict::Authentic { kid, .. }) if kid == second
        ));

        // Revoked from a date after the old slip: still good. From before it: refused.
        let later = (start + Duration::days(1)).to_rfc3339();
        o.svc
            .revoke_signing_key(&o.admin, &first, &later)
            .await
            .expect("revoke");
        let keys = o.svc.published_keys().await.expect("keys");
        assert!(sanad_token::verify(&old_token, &keys)
            .expect("token")
            .is_authentic());
        // A Jalali date in Persian digits: 1404/12/10 is 1 March 2026, before the slip.
        o.svc
            .revoke_signing_key(&o.admin, &first, "۱۴۰۴/۱۲/۱۰")
            .await
            .expect("revoke earlier");
        let keys = o.svc.published_keys().await.expect("keys");
        assert!(matches!(
            sanad_token::verify(&old_token, &keys),
            Ok(Verdict::NotAuthentic {
                refusal: Refusal::Revoked { .. },
                ..
            })
        ));
        assert!(sanad_token::verify(&new_token, &keys)
            .expect("token")
            .is_authentic());
        let listed = o.svc.signing_keys(&o.admin).await.expect("list");
        let revoked = listed.iter().find(|k| k.kid == first).expect("first");
        assert_eq!(revoked.state, SigningKeyState::Revoked);
        assert!(revoked
            .revoked_from_jalali
            .as_deref()
            .is_some_and(|d| d.starts_with("1404/12/10")));
        assert!(matches!(
            o.svc
                .revoke_signing_key(&o.admin, &first, "yesterday")
                .await,
            Err(Error::Invalid {
                message_id: "error-key-date",
                ..
            })
        ));
        assert!(matches!(
            o.svc
                .revoke_signing_key(&o.admin, "00000000deadbeef", &later)
                .await,
            Err(Error::NotFound {
                what: "signing_key"
            })
        ));
        // Every step is in the audit log.
        o.svc.seal_audit().await.expect("seal");
        let actions: Vec<String> = o
            .svc
            .audit_log(&o.auditor, sanad_service::AuditQuery::default())
            .await
            .expect("audit log")
            .into_iter()
            .map(|e| e.action)
            .collect();
        for a in ["key.init", "key.rotate", "key.revoke"] {
            assert!(actions.iter().any(|x| x == a), "{a} in {actions:?}");
        }
    }
);

on_both_backends!(
    an_export_enrolls_a_desk_only_with_its_passphrase,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let r = approved(&o).await;
        let kid = o.svc.init_signing_key(&o.admin).await.expect("init");
        assert!(matches!(
            o.svc.export_signing_key(&o.admin, "short").await,
            Err(Error::Invalid {
                message_id: "error-key-passphrase-short",
                ..
            })
        ));
        let file = o
            .svc
            .export_signing_key(&o.admin, "a long export passphrase")
            .await
            .expect("export");
        assert!(file.contains("sanad-key-export/1") && !file.contains("seed"));
        // Another desk: the keychain has no private half, so its slips are not signed.
        Keychain::delete(&SecretName::SigningKey(kid.clone()))
            .await
            .expect("forget");
        assert_eq!(slip_token(&o, &r).await, None);
        assert!(matches!(
            o.svc
                .import_signing_key(&o.admin, &file, "the wrong passphrase")
                .await,
            Err(Error::Invalid {
                message_id: "error-key-passphrase-wrong",
                ..
            })
        ));
        assert!(matches!(
            o.svc
                .import_signing_key(&o.admin, "{}", "a long export passphrase")
                .await,
            Err(Error::Invalid {
                message_id: "error-key-file",
                ..
            })
        ));
        assert_eq!(
            o.svc
                .import_signing_key(&o.admin, &file, "a long export passphrase")
                .await
                .expect("import"),
            kid
        );
        let token = slip_token(&o, &r).await.expect("signed again");
        let keys = o.svc.published_keys().await.expect("keys");
        assert!(sanad_token::verify(&token, &keys)
            .expect("token")
            .is_authentic());
    }
);
