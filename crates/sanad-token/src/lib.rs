//! The directorate's signed tokens (issue 15, items 4 and 5), usable without a database: what a
//! slip's or a certified copy's QR carries, how it is signed and checked, the published key set
//! and the sealed export of a private key. `docs/formats.md` describes every byte, so another
//! office or a court can write its own verifier.
//!
//! A token is `SD1:` followed by Base45 (RFC 9285) of a tagged COSE_Sign1 (RFC 9052) signed with
//! Ed25519 (EdDSA, COSE algorithm -8), the key id in the protected header, over a CBOR map of
//! [`Claims`] with small integer keys. Base45 keeps to the QR code's alphanumeric set, which packs
//! 5.5 bits a character instead of 8 (the European health certificate's choice).

mod claims;
mod envelope;
mod keyset;
mod sealed;
mod signing;

pub use claims::{Claims, Destination, TokenKind, DIGEST_BYTES};
pub use envelope::{issue, read, verify, Refusal, Verdict, PREFIX};
pub use keyset::{KeySet, PublishedKey, KEY_SET_FORMAT};
pub use sealed::{open, seal, SealedKey, EXPORT_FORMAT};
pub use signing::{key_id, KeyPair};

/// Why a text is not a token at all (exit 2), as opposed to a token that is not authentic.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum NotAToken {
    #[error("the text does not start with {PREFIX}")]
    NoPrefix,
}

/// A key file or key set that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("not a Sanad key file: {0}")]
    Format(String),
    #[error("the passphrase does not open this key file")]
    WrongPassphrase,
    #[error("the key file's private and public halves do not match")]
    Mismatch,
}

/// The first [`DIGEST_BYTES`] bytes of SHA-256 of `bytes`.
pub fn short_digest(bytes: &[u8]) -> [u8; DIGEST_BYTES] {
    use sha2::Digest;
    let full = sha2::Sha256::digest(bytes);
    let mut out = [0u8; DIGEST_BYTES];
    out.copy_from_slice(&full[..DIGEST_BYTES]);
    out
}

/// The first [`DIGEST_BYTES`] bytes of a SHA-256 given in hex (as the register records a scan's),
/// or `None` when the text is not one.
pub fn short_of_hex(sha256_hex: &str) -> Option<[u8; DIGEST_BYTES]> {
    let full = hex::decode(sha256_hex.trim()).ok()?;
    let mut out = [0u8; DIGEST_BYTES];
    (full.len() == 32).then(|| {
        out.copy_from_slice(&full[..DIGEST_BYTES]);
        out
    })
}

#[cfg(test)]
mod tests;
