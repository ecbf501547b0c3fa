//! What a token says: the CBOR map signed inside the envelope. Integer keys and integer codes keep
//! it small enough for a QR on the 80 mm roll; `docs/formats.md`, "The token", lists them.

use ciborium::value::{Integer, Value};
use sanad_core::model::DispatchMode;

/// How many bytes of a SHA-256 a token keeps. 16 bytes (128 bits) leave a forger 2^128 work to
/// find a second file with the same short digest, which is what a forged copy needs (the files
/// were made and signed by the office, not chosen by the forger); a birthday collision (2^64)
/// would need the office to sign one of a forger's two prepared files. Each full digest costs 16
/// more bytes per document in the QR, and 20 documents would no longer fit the roll.
pub const DIGEST_BYTES: usize = 16;

/// What the token was printed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A dispatch slip (رسید ارسال).
    Slip,
    /// A certified electronic copy (رونوشت الکترونیکی گواهی‌شده).
    Copy,
}

impl TokenKind {
    fn code(self) -> u64 {
        match self {
            TokenKind::Slip => 1,
            TokenKind::Copy => 2,
        }
    }
    fn from_code(code: u64) -> Option<TokenKind> {
        match code {
            1 => Some(TokenKind::Slip),
            2 => Some(TokenKind::Copy),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Slip => "slip",
            TokenKind::Copy => "copy",
        }
    }
}

/// The destination organization: its identifier in the register (a UUID, carried as 16 bytes),
/// or, for an identifier that is not a UUID, its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    Id(uuid::Uuid),
    Text(String),
}

impl Destination {
    pub fn of(id: &str) -> Destination {
        match uuid::Uuid::parse_str(id) {
            Ok(u) => Destination::Id(u),
            Err(_) => Destination::Text(id.to_owned()),
        }
    }
}

impl std::fmt::Display for Destination {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Destination::Id(u) => write!(f, "{u}"),
            Destination::Text(t) => f.write_str(t),
        }
    }
}

/// Everything a token binds. No personal data: no applicant, no national code, no names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claims {
    pub kind: TokenKind,
    /// 12 ASCII digits.
    pub tracking_code: String,
    /// The destination organization; `None` when the request names none (the requester itself).
    pub destination: Option<Destination>,
    pub dispatch_mode: DispatchMode,
    /// Unix seconds; `None` on a slip printed before dispatch.
    pub dispatched_at: Option<i64>,
    /// Unix seconds: when the token was signed (revocation and validity are judged on it).
    pub issued_at: i64,
    /// The slip's copy number (1 the original, 2 and up المثنی); `None` on a copy.
    pub copy: Option<u32>,
    /// One per document of the request, in order: the first [`DIGEST_BYTES`] of its current scan's
    /// SHA-256, or empty when it has no scan.
    pub documents: Vec<Vec<u8>>,
    /// On a certified copy: for the certification page and then each document's scan, how many
    /// pages it has and the short digest of those pages (`docs/formats.md`, "Page digests").
    pub pages: Vec<(u32, [u8; DIGEST_BYTES])>,
}

fn mode_code(mode: DispatchMode) -> u64 {
    match mode {
        DispatchMode::Original => 1,
        DispatchMode::CertifiedPaperCopy => 2,
        DispatchMode::ElectronicCopy => 3,
    }
}

fn mode_of(code: u64) -> Option<DispatchMode> {
    match code {
        1 => Some(DispatchMode::Original),
        2 => Some(DispatchMode::CertifiedPaperCopy),
        3 => Some(DispatchMode::ElectronicCopy),
        _ => None,
    }
}

fn int(n: i64) -> Value {
    Value::Integer(Integer::from(n))
}

fn uint(n: u64) -> Value {
    Value::Integer(Integer::from(n))
}

impl Claims {
    /// The claims as CBOR: a map with keys 1–9 in ascending order (absent keys left out).
    pub fn to_cbor(&self) -> Vec<u8> {
        let mut map = vec![
            (uint(1), Value::Text(self.tracking_code.clone())),
            (uint(2), uint(self.kind.code())),
        ];
        if let Some(d) = &self.destination {
            let value = match d {
                Destination::Id(u) => Value::Bytes(u.as_bytes().to_vec()),
                Destination::Text(t) => Value::Text(t.clone()),
            };
            map.push((uint(3), value));
        }
        map.push((uint(4), uint(mode_code(self.dispatch_mode))));
        if let Some(at) = self.dispatched_at {
            map.push((uint(5), int(at)));
        }
        map.push((uint(6), int(self.issued_at)));
        if let Some(copy) = self.copy {
            map.push((uint(7), uint(u64::from(copy))));
        }
        map.push((
            uint(8),
            Value::Array(
                self.documents
                    .iter()
                    .map(|d| Value::Bytes(d.clone()))
                    .collect(),
            ),
        ));
        if !self.pages.is_empty() {
            map.push((
                uint(9),
                Value::Array(
                    self.pages
                        .iter()
                        .map(|(n, d)| {
                            Value::Array(vec![uint(u64::from(*n)), Value::Bytes(d.to_vec())])
                        })
                        .collect(),
                ),
            ));
        }
        let mut out = Vec::new();
        // Writing to a Vec cannot fail.
        let _ = ciborium::ser::into_writer(&Value::Map(map), &mut out);
        out
    }

    /// The claims read back from CBOR; `None` for anything that is not a well-formed claims map.
    pub fn from_cbor(bytes: &[u8]) -> Option<Claims> {
        let value: Value = ciborium::de::from_reader(bytes).ok()?;
        let map = value.into_map().ok()?;
        let get = |k: u64| {
            map.iter()
                .find(|(key, _)| key.as_integer() == Some(Integer::from(k)))
                .map(|(_, v)| v)
        };
        let as_u64 = |v: &Value| v.as_integer().and_then(|i| u64::try_from(i).ok());
        let as_i64 = |v: &Value| v.as_integer().and_then(|i| i64::try_from(i).ok());
        let tracking_code = get(1)?.as_text()?.to_owned();
        let kind = TokenKind::from_code(as_u64(get(2)?)?)?;
        let destination = match get(3) {
            None => None,
            Some(Value::Bytes(b)) => Some(Destination::Id(uuid::Uuid::from_slice(b).ok()?)),
            Some(Value::Text(t)) => Some(Destination::Text(t.clone())),
            Some(_) => return None,
        };
        let dispatch_mode = mode_of(as_u64(get(4)?)?)?;
        let dispatched_at = match get(5) {
            None => None,
            Some(v) => Some(as_i64(v)?),
        };
        let issued_at = as_i64(get(6)?)?;
        let copy = match get(7) {
            None => None,
            Some(v) => Some(u32::try_from(as_u64(v)?).ok()?),
        };
        let documents = get(8)?
            .as_array()?
            .iter()
            .map(|d| d.as_bytes().cloned())
            .collect::<Option<Vec<_>>>()?;
        let pages = match get(9) {
            None => Vec::new(),
            Some(v) => v
                .as_array()?
                .iter()
                .map(|group| {
                    let pair = group.as_array()?;
                    let [n, d] = pair.as_slice() else {
                        return None;
                    };
                    let n = u32::try_from(as_u64(n)?).ok()?;
                    let d: [u8; DIGEST_BYTES] = d.as_bytes()?.as_slice().try_into().ok()?;
                    Some((n, d))
                })
                .collect::<Option<Vec<_>>>()?,
        };
        Some(Claims {
            kind,
            tracking_code,
            destination,
            dispatch_mode,
            dispatched_at,
            issued_at,
            copy,
            documents,
            pages,
        })
    }
}
