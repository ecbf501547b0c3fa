use chrono::{TimeZone, Utc};
use sanad_core::model::DispatchMode;

use super::*;

fn claims(issued_at: i64) -> Claims {
    Claims {
        kind: TokenKind::Slip,
        tracking_code: "358122904417".to_owned(),
        destination: Some(Destination::of("0190f5a2-8c3e-7d10-9a4b-2f6e8d1c3b5a")),
        dispatch_mode: DispatchMode::ElectronicCopy,
        dispatched_at: Some(issued_at - 60),
        issued_at,
        copy: Some(1),
        documents: vec![short_digest(b"scan").to_vec()],
        pages: Vec::new(),
    }
}

fn at(s: &str) -> chrono::DateTime<Utc> {
    chrono::DateTime::parse_from_rfc3339(s)
        .expect("date")
        .with_timezone(&Utc)
}

fn set_of(key: &KeyPair, until: Option<&str>, revoked: Option<&str>) -> KeySet {
    KeySet::new(
        "اداره کل",
        vec![PublishedKey::new(
            &key.public(),
            at("2026-01-01T00:00:00Z"),
            until.map(at),
            revoked.map(at),
        )],
    )
}

#[test]
fn a_token_reads_back_what_was_signed_and_is_small() {
    let key = KeyPair::generate();
    let now = Utc
        .with_ymd_and_hms(2026, 6, 1, 8, 0, 0)
        .unwrap()
        .timestamp();
    let token = issue(&claims(now), &key);
    assert!(token.starts_with("SD1:"));
    // The QR's alphanumeric set only, so the QR packs it at 5.5 bits a character.
    assert!(token
        .chars()
        .all(|c| "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".contains(c)));
    assert!(token.len() < 260, "{} characters", token.len());
    let verdict = verify(&token, &set_of(&key, None, None)).expect("a token");
    assert_eq!(
        verdict,
        Verdict::Authentic {
            claims: claims(now),
            kid: key.kid()
        }
    );
}

#[test]
fn one_changed_character_is_refused() {
    let key = KeyPair::generate();
    let now = at("2026-06-01T08:00:00Z").timestamp();
    let token = issue(&claims(now), &key);
    let keys = set_of(&key, None, None);
    for i in PREFIX.len()..token.len() {
        let mut chars: Vec<char> = token.chars().collect();
        chars[i] = if chars[i] == '0' { '1' } else { '0' };
        let altered: String = chars.into_iter().collect();
        let verdict = verify(&altered, &keys).expect("still has the prefix");
        assert!(!verdict.is_authentic(), "character {i} changed: {altered}");
    }
}

#[test]
fn unknown_rotated_and_revoked_keys() {
    let key = KeyPair::generate();
    let signed = at("2026-06-01T08:00:00Z").timestamp();
    let token = issue(&claims(signed), &key);
    // Another key set: unknown.
    let other = KeyPair::generate();
    assert!(matches!(
        verify(&token, &set_of(&other, None, None)),
        Ok(Verdict::NotAuthentic {
            refusal: Refusal::UnknownKey { .. },
            ..
        })
    ));
    // Rotated out after the token was signed: still good.
    assert!(
        verify(&token, &set_of(&key, Some("2026-07-01T00:00:00Z"), None))
            .expect("token")
            .is_authentic()
    );
    // Rotated out before: refused.
    assert!(matches!(
        verify(&token, &set_of(&key, Some("2026-05-01T00:00:00Z"), None)),
        Ok(Verdict::NotAuthentic {
            refusal: Refusal::OutsideValidity { .. },
            ..
        })
    ));
    // Revoked from after the token: good; from before: refused.
    assert!(
        verify(&token, &set_of(&key, None, Some("2026-06-02T00:00:00Z")))
            .expect("token")
            .is_authentic()
    );
    assert!(matches!(
        verify(&token, &set_of(&key, None, Some("2026-06-01T00:00:00Z"))),
        Ok(Verdict::NotAuthentic {
            refusal: Refusal::Revoked { .. },
            ..
        })
    ));
}

#[test]
fn text_without_the_prefix_is_no_token() {
    let keys = set_of(&KeyPair::generate(), None, None);
    assert_eq!(verify("358122904417", &keys), Err(NotAToken::NoPrefix));
    assert_eq!(verify("", &keys), Err(NotAToken::NoPrefix));
    assert!(matches!(
        verify("SD1:not base45 at all!", &keys),
        Ok(Verdict::NotAuthentic {
            refusal: Refusal::Malformed,
            ..
        })
    ));
}

#[test]
fn an_export_opens_with_its_passphrase_only() {
    let key = KeyPair::generate();
    let file = seal(&key, at("2026-01-01T00:00:00Z"), "گذرواژه‌ی بلند");
    let text = serde_json::to_string(&file).expect("json");
    let (opened, back) = open(&text, "گذرواژه‌ی بلند").expect("open");
    assert_eq!(back.seed(), key.seed());
    assert_eq!(opened.kid, key.kid());
    assert!(matches!(
        open(&text, "wrong"),
        Err(KeyError::WrongPassphrase)
    ));
    // Another public key put in: the associated data no longer matches.
    let mut swapped = file.clone();
    swapped.x = set_of(&KeyPair::generate(), None, None).keys[0].x.clone();
    let swapped = serde_json::to_string(&swapped).expect("json");
    assert!(open(&swapped, "گذرواژه‌ی بلند").is_err());
}

#[test]
fn a_key_set_round_trips_and_checks_its_ids() {
    let key = KeyPair::generate();
    let set = set_of(&key, None, None);
    let back = KeySet::from_json(&set.to_json()).expect("parse");
    assert_eq!(back, set);
    assert_eq!(back.keys[0].public(), Some(key.public()));
    let mut wrong = back.clone();
    wrong.keys[0].kid = "0000000000000000".to_owned();
    assert_eq!(wrong.keys[0].public(), None);
}
