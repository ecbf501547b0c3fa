//! The published key set: every public key the directorate has signed with, with its validity,
//! as `sanad key public` prints it and the portal serves it at `/.well-known/sanad-keys.json`.
//! Each key is a JSON Web Key (RFC 8037, `kty` OKP, `crv` Ed25519) with three more members.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::signing::key_id;
use crate::KeyError;

/// The `format` member of every key set this version writes.
pub const KEY_SET_FORMAT: &str = "sanad-keys/1";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeySet {
    pub format: String,
    /// The directorate's name as printed on its slips (may be empty).
    #[serde(default)]
    pub issuer: String,
    pub keys: Vec<PublishedKey>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedKey {
    /// 16 hex digits: the first 8 bytes of SHA-256 of the public key.
    pub kid: String,
    pub kty: String,
    pub crv: String,
    /// The 32-byte public key, base64url without padding.
    pub x: String,
    /// Tokens signed before this are refused.
    pub valid_from: DateTime<Utc>,
    /// When the key was rotated out: tokens signed from then on are refused; `null` while current.
    pub valid_until: Option<DateTime<Utc>>,
    /// When the key was declared compromised: tokens signed from then on are refused.
    pub revoked_from: Option<DateTime<Utc>>,
}

impl PublishedKey {
    pub fn new(
        public: &[u8; 32],
        valid_from: DateTime<Utc>,
        valid_until: Option<DateTime<Utc>>,
        revoked_from: Option<DateTime<Utc>>,
    ) -> PublishedKey {
        PublishedKey {
            kid: key_id(public),
            kty: "OKP".to_owned(),
            crv: "Ed25519".to_owned(),
            x: URL_SAFE_NO_PAD.encode(public),
            valid_from,
            valid_until,
            revoked_from,
        }
    }

    /// The public key's 32 bytes, when the entry is an Ed25519 key whose id is its own.
    pub fn public(&self) -> Option<[u8; 32]> {
        if self.kty != "OKP" || self.crv != "Ed25519" {
            return None;
        }
        let bytes = URL_SAFE_NO_PAD.decode(self.x.trim()).ok()?;
        let public: [u8; 32] = bytes.as_slice().try_into().ok()?;
        (key_id(&public) == self.kid.to_ascii_lowercase()).then_some(public)
    }

    /// Whether a token this key signed at `at` (Unix seconds) counts.
    pub fn covers(&self, at: i64) -> bool {
        let from = self.valid_from.timestamp();
        let until = self.valid_until.map_or(i64::MAX, |t| t.timestamp());
        let revoked = self.revoked_from.map_or(i64::MAX, |t| t.timestamp());
        from <= at && at < until && at < revoked
    }
}

impl KeySet {
    pub fn new(issuer: &str, keys: Vec<PublishedKey>) -> KeySet {
        KeySet {
            format: KEY_SET_FORMAT.to_owned(),
            issuer: issuer.to_owned(),
            keys,
        }
    }

    pub fn from_json(text: &str) -> Result<KeySet, KeyError> {
        let set: KeySet =
            serde_json::from_str(text).map_err(|e| KeyError::Format(e.to_string()))?;
        if set.format != KEY_SET_FORMAT {
            return Err(KeyError::Format(format!("format {}", set.format)));
        }
        Ok(set)
    }

    pub fn to_json(&self) -> String {
        // A struct of strings and dates always serializes.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    pub fn find(&self, kid: &str) -> Option<&PublishedKey> {
        self.keys.iter().find(|k| k.kid.eq_ignore_ascii_case(kid))
    }
}
