//! The follow-up PIN (رمز پیگیری): 8 random digits given once beside a tracking code, so that
//! whoever holds both can learn where a request or complaint stands without signing in.
//!
//! Stored only as `sha256$SALT$DIGEST` (SHA-256 over a per-row random salt, the code and the PIN),
//! not Argon2id. Why a fast salted hash is the right one here: the PIN opens nothing but the
//! public state of that one record (no name, no contact), and anyone who can read the hash column
//! can read that state directly, so slowing an offline search of the 10^8 PINs protects nothing;
//! what must be slow is guessing online, and that is bounded by the lookup's per-code and
//! per-address limits (`public_track.rs`). A slow hash would instead cost every lookup tens of
//! milliseconds and let a flood of lookups take the portal's CPU. The PIN is random and used
//! nowhere else, so a recovered PIN tells nothing about anything else. The salt keeps equal PINs
//! from looking equal and binds a hash to its code.
//!
//! Public: `new_pin`, `pin_hash`, `pin_matches` (crate).

use rand::Rng;
use sha2::{Digest, Sha256};

/// A fresh PIN from the OS's secure random source: 8 digits, leading zeros kept.
pub(crate) fn new_pin() -> String {
    let n: u32 = rand::rngs::OsRng.gen_range(0..100_000_000);
    format!("{n:08}")
}

/// The stored form of `pin` for tracking code `code` (its 12 ASCII digits).
pub(crate) fn pin_hash(code: &str, pin: &str) -> String {
    let salt: [u8; 16] = rand::rngs::OsRng.gen();
    let salt = hex(&salt);
    format!("sha256${salt}${}", digest(&salt, code, pin))
}

/// Whether `pin` is the one `stored` was made from. Compared in constant time.
pub(crate) fn pin_matches(stored: &str, code: &str, pin: &str) -> bool {
    let mut parts = stored.split('$');
    let (Some("sha256"), Some(salt), Some(expected), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let actual = digest(salt, code, pin);
    actual.len() == expected.len()
        && actual
            .bytes()
            .zip(expected.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

fn digest(salt: &str, code: &str, pin: &str) -> String {
    let mut h = Sha256::new();
    // Fixed-length fields joined by a separator no field holds: no two inputs share bytes.
    h.update(salt.as_bytes());
    h.update(b"\0");
    h.update(code.as_bytes());
    h.update(b"\0");
    h.update(pin.as_bytes());
    hex(&h.finalize())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_matches_its_own_hash_only() {
        let pin = new_pin();
        assert_eq!(pin.len(), 8);
        assert!(pin.bytes().all(|b| b.is_ascii_digit()));
        let stored = pin_hash("358122904417", &pin);
        assert!(pin_matches(&stored, "358122904417", &pin));
        let other = if pin == "00000000" {
            "00000001"
        } else {
            "00000000"
        };
        assert!(!pin_matches(&stored, "358122904417", other));
        assert!(!pin_matches(&stored, "358122904418", &pin));
        assert!(!pin_matches("garbage", "358122904417", &pin));
        // Salted: the same PIN twice is stored twice differently.
        assert_ne!(stored, pin_hash("358122904417", &pin));
    }
}
