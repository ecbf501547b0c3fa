//! The directorate's Ed25519 key pair and its key id.

use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use rand::RngCore;
use sha2::Digest;

/// A key id: the first 8 bytes of SHA-256 of the 32-byte public key, written as 16 hex digits.
/// Derived, so a verifier can check that a key set's id belongs to its key.
pub fn key_id(public: &[u8; 32]) -> String {
    hex::encode(&sha2::Sha256::digest(public)[..8])
}

/// A signing key held by a desk: the 32-byte Ed25519 seed (RFC 8032's private key).
pub struct KeyPair {
    signing: SigningKey,
}

impl KeyPair {
    /// A new key from the operating system's random source.
    pub fn generate() -> KeyPair {
        let mut seed = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut seed);
        KeyPair::from_seed(&seed)
    }

    pub fn from_seed(seed: &[u8; 32]) -> KeyPair {
        KeyPair {
            signing: SigningKey::from_bytes(seed),
        }
    }

    /// The seed in hex, as the keychain keeps it.
    pub fn from_hex(text: &str) -> Option<KeyPair> {
        let bytes = hex::decode(text.trim()).ok()?;
        let seed: [u8; 32] = bytes.as_slice().try_into().ok()?;
        Some(KeyPair::from_seed(&seed))
    }

    pub fn seed_hex(&self) -> String {
        hex::encode(self.signing.to_bytes())
    }

    pub fn seed(&self) -> [u8; 32] {
        self.signing.to_bytes()
    }

    pub fn public(&self) -> [u8; 32] {
        self.signing.verifying_key().to_bytes()
    }

    pub fn kid(&self) -> String {
        key_id(&self.public())
    }

    pub(crate) fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.signing.sign(message).to_bytes()
    }
}

/// Checks an Ed25519 signature strictly (no malleable or small-order forms).
pub(crate) fn check(public: &[u8; 32], message: &[u8], signature: &[u8]) -> bool {
    let Ok(key) = VerifyingKey::from_bytes(public) else {
        return false;
    };
    let Ok(signature) = ed25519_dalek::Signature::from_slice(signature) else {
        return false;
    };
    key.verify_strict(message, &signature).is_ok()
}
