//! The token's text and envelope: `SD1:` + Base45 of a tagged COSE_Sign1, EdDSA, the key id in
//! the protected header, no external data. Signing and checking.

use coset::{
    iana, CborSerializable, CoseSign1, CoseSign1Builder, HeaderBuilder, TaggedCborSerializable,
};

use crate::claims::Claims;
use crate::keyset::{KeySet, PublishedKey};
use crate::signing::{check, KeyPair};
use crate::NotAToken;

/// The versioned text prefix: a reader that sees another version knows it cannot read it.
pub const PREFIX: &str = "SD1:";

/// Why a token is not authentic (exit 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The text after the prefix is not Base45 of a COSE_Sign1 with readable claims: damaged
    /// or altered.
    Malformed,
    /// Signed with a key that is not in the key set.
    UnknownKey { kid: String },
    /// The signature does not match the claims: altered or forged.
    BadSignature,
    /// The key was revoked from a date on or before the token's signing time.
    Revoked { kid: String },
    /// Signed outside the key's validity (before it was made, or after it was rotated out).
    OutsideValidity { kid: String },
}

impl Refusal {
    pub fn as_str(&self) -> &'static str {
        match self {
            Refusal::Malformed => "malformed",
            Refusal::UnknownKey { .. } => "unknown_key",
            Refusal::BadSignature => "bad_signature",
            Refusal::Revoked { .. } => "revoked",
            Refusal::OutsideValidity { .. } => "outside_validity",
        }
    }
}

/// What checking a token found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Authentic {
        claims: Claims,
        kid: String,
    },
    /// Not authentic; the claims as read, when they could be read (never to be trusted).
    NotAuthentic {
        refusal: Refusal,
        claims: Option<Claims>,
    },
}

impl Verdict {
    pub fn is_authentic(&self) -> bool {
        matches!(self, Verdict::Authentic { .. })
    }
}

/// Signs `claims` with `key`: the token's text.
pub fn issue(claims: &Claims, key: &KeyPair) -> String {
    let protected = HeaderBuilder::new()
        .algorithm(iana::Algorithm::EdDSA)
        .key_id(hex::decode(key.kid()).unwrap_or_default())
        .build();
    let sign1 = CoseSign1Builder::new()
        .protected(protected)
        .payload(claims.to_cbor())
        .create_signature(b"", |message| key.sign(message).to_vec())
        .build();
    // A structure we built ourselves always serializes.
    let bytes = sign1.to_tagged_vec().unwrap_or_default();
    format!("{PREFIX}{}", base45::encode(bytes))
}

/// The token's envelope, unverified: `Err` when the text is no token at all, `Ok(None)` when it
/// has the prefix but cannot be read (damaged or altered).
pub fn read(text: &str) -> Result<Option<(CoseSign1, String, Claims)>, NotAToken> {
    let text = text.trim();
    let Some(body) = text
        .get(..PREFIX.len())
        .filter(|p| p.eq_ignore_ascii_case(PREFIX))
        .map(|_| &text[PREFIX.len()..])
    else {
        return Err(NotAToken::NoPrefix);
    };
    let Ok(bytes) = base45::decode(body) else {
        return Ok(None);
    };
    let sign1 = match CoseSign1::from_tagged_slice(&bytes) {
        Ok(s) => s,
        // An untagged envelope is accepted too (RFC 9052 leaves the tag to the application).
        Err(_) => match CoseSign1::from_slice(&bytes) {
            Ok(s) => s,
            Err(_) => return Ok(None),
        },
    };
    if sign1.protected.header.alg
        != Some(coset::RegisteredLabelWithPrivate::Assigned(
            iana::Algorithm::EdDSA,
        ))
    {
        return Ok(None);
    }
    let kid = hex::encode(&sign1.protected.header.key_id);
    let Some(claims) = sign1.payload.as_deref().and_then(Claims::from_cbor) else {
        return Ok(None);
    };
    Ok(Some((sign1, kid, claims)))
}

/// Checks a token against a key set: the key known, the signature good, the signing time within
/// the key's validity and before its revocation.
pub fn verify(text: &str, keys: &KeySet) -> Result<Verdict, NotAToken> {
    let Some((sign1, kid, claims)) = read(text)? else {
        return Ok(Verdict::NotAuthentic {
            refusal: Refusal::Malformed,
            claims: None,
        });
    };
    let refuse = |refusal| {
        Ok(Verdict::NotAuthentic {
            refusal,
            claims: Some(claims.clone()),
        })
    };
    let Some((key, public)) = keys
        .find(&kid)
        .and_then(|k: &PublishedKey| Some((k, k.public()?)))
    else {
        return refuse(Refusal::UnknownKey { kid });
    };
    let signed = sign1
        .verify_signature(b"", |signature, message| {
            check(&public, message, signature).then_some(()).ok_or(())
        })
        .is_ok();
    if !signed {
        return refuse(Refusal::BadSignature);
    }
    if key
        .revoked_from
        .is_some_and(|r| claims.issued_at >= r.timestamp())
    {
        return refuse(Refusal::Revoked { kid });
    }
    if !key.covers(claims.issued_at) {
        return refuse(Refusal::OutsideValidity { kid });
    }
    Ok(Verdict::Authentic { claims, kid })
}
