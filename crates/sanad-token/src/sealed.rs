//! The export file of a private key (`sanad key export`): JSON whose `sealed` member is the
//! 32-byte Ed25519 seed encrypted with ChaCha20-Poly1305 (RFC 8439) under a key derived from the
//! passphrase with Argon2id (RFC 9106); the key id and public key are the associated data, so a
//! file whose public half was swapped does not open.

use argon2::{Algorithm, Argon2, Params, Version};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use chrono::{DateTime, Utc};
use rand::RngCore;
use serde::{Deserialize, Serialize};

use crate::signing::{key_id, KeyPair};
use crate::KeyError;

/// The `format` member of every export file this version writes.
pub const EXPORT_FORMAT: &str = "sanad-key-export/1";

/// OWASP's 2023 minimum for Argon2id is 19 MiB and 2 passes; a key file is opened once per
/// desk, so it can afford more.
const MEMORY_KIB: u32 = 64 * 1024;
const PASSES: u32 = 3;
const LANES: u32 = 1;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Kdf {
    /// Always `argon2id` (version 0x13).
    pub alg: String,
    pub memory_kib: u32,
    pub passes: u32,
    pub lanes: u32,
    /// 16 random bytes, base64.
    pub salt: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct SealedKey {
    pub format: String,
    pub kid: String,
    /// The public key, base64url without padding (as in the key set).
    pub x: String,
    pub valid_from: DateTime<Utc>,
    pub kdf: Kdf,
    /// Always `chacha20poly1305`.
    pub aead: String,
    /// 12 random bytes, base64.
    pub nonce: String,
    /// The seed's ciphertext and its 16-byte tag, base64.
    pub sealed: String,
}

fn derive(passphrase: &str, salt: &[u8], kdf: &Kdf) -> Result<[u8; 32], KeyError> {
    let params = Params::new(kdf.memory_kib, kdf.passes, kdf.lanes, Some(32))
        .map_err(|e| KeyError::Format(e.to_string()))?;
    let mut out = [0u8; 32];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passphrase.as_bytes(), salt, &mut out)
        .map_err(|e| KeyError::Format(e.to_string()))?;
    Ok(out)
}

fn associated(kid: &str, x: &str) -> Vec<u8> {
    format!("{EXPORT_FORMAT}\n{kid}\n{x}").into_bytes()
}

/// Seals `key` under `passphrase`.
pub fn seal(key: &KeyPair, valid_from: DateTime<Utc>, passphrase: &str) -> SealedKey {
    let mut salt = [0u8; 16];
    let mut nonce = [0u8; 12];
    rand::rngs::OsRng.fill_bytes(&mut salt);
    rand::rngs::OsRng.fill_bytes(&mut nonce);
    let kdf = Kdf {
        alg: "argon2id".to_owned(),
        memory_kib: MEMORY_KIB,
        passes: PASSES,
        lanes: LANES,
        salt: STANDARD.encode(salt),
    };
    let x = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(key.public());
    let kid = key.kid();
    // These parameters are valid constants, so derivation cannot fail.
    let secret = derive(passphrase, &salt, &kdf).unwrap_or_default();
    let cipher = ChaCha20Poly1305::new(Key::from_slice(&secret));
    let sealed = cipher
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: &key.seed(),
                aad: &associated(&kid, &x),
            },
        )
        .unwrap_or_default();
    SealedKey {
        format: EXPORT_FORMAT.to_owned(),
        kid,
        x,
        valid_from,
        kdf,
        aead: "chacha20poly1305".to_owned(),
        nonce: STANDARD.encode(nonce),
        sealed: STANDARD.encode(sealed),
    }
}

/// Opens an export file's text with `passphrase`.
pub fn open(text: &str, passphrase: &str) -> Result<(SealedKey, KeyPair), KeyError> {
    let file: SealedKey =
        serde_json::from_str(text).map_err(|e| KeyError::Format(e.to_string()))?;
    if file.format != EXPORT_FORMAT || file.kdf.alg != "argon2id" || file.aead != "chacha20poly1305"
    {
        return Err(KeyError::Format(file.format));
    }
    // Bounds a hostile file's cost: no more than 1 GiB and 10 passes.
    if file.kdf.memory_kib > 1024 * 1024 || file.kdf.passes > 10 || file.kdf.lanes > 16 {
        return Err(KeyError::Format("argon2 parameters".to_owned()));
    }
    let b64 = |s: &str| {
        STANDARD
            .decode(s.trim())
            .map_err(|e| KeyError::Format(e.to_string()))
    };
    let salt = b64(&file.kdf.salt)?;
    let nonce = b64(&file.nonce)?;
    if nonce.len() != 12 {
        return Err(KeyError::Format("nonce".to_owned()));
    }
    let secret = derive(passphrase, &salt, &file.kdf)?;
    let cipher = ChaCha20Poly1305::new(Key::from_slice(&secret));
    let seed = cipher
        .decrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: &b64(&file.sealed)?,
                aad: &associated(&file.kid, &file.x),
            },
        )
        .map_err(|_| KeyError::WrongPassphrase)?;
    let seed: [u8; 32] = seed
        .as_slice()
        .try_into()
        .map_err(|_| KeyError::Format("seed".to_owned()))?;
    let key = KeyPair::from_seed(&seed);
    let x = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(key.public());
    if x != file.x || key_id(&key.public()) != file.kid {
        return Err(KeyError::Mismatch);
    }
    Ok((file, key))
}
