//! The embedded fonts' names as PDF/A and `pdffonts` expect them: the face's PostScript name with
//! a six-letter subset tag (`ABCDEF+Vazirmatn-Regular`, ISO 32000-1 §9.6.4), identical on the
//! Type 0 font, its descendant and the descriptor. printpdf names a font it did not subset
//! itself after its random resource id (32 letters); we subset ourselves, so we rename.

use lopdf::{Dictionary, Document, Object};
use sha2::Digest;

/// A subset tag: six capitals taken from a digest of what the subset holds, so the same
/// glyphs give the same tag (reproducible files) and different subsets differ.
pub(crate) fn subset_tag(font_name: &str, glyphs: &[u16]) -> String {
    let mut hash = sha2::Sha256::new();
    hash.update(font_name.as_bytes());
    for g in glyphs {
        hash.update(g.to_be_bytes());
    }
    hash.finalize()
        .iter()
        .take(6)
        .map(|b| char::from(b'A' + b % 26))
        .collect()
}

/// Renames every `/BaseFont` and `/FontName` equal to a pair's first member to its second.
pub(crate) fn rename(doc: &mut Document, names: &[(String, String)]) {
    for object in doc.objects.values_mut() {
        rename_in(object, names, 0);
    }
}

fn rename_in(object: &mut Object, names: &[(String, String)], depth: u32) {
    // Font dictionaries nest two levels deep (Type 0 → descendant array → dictionary).
    if depth > 8 {
        return;
    }
    match object {
        Object::Dictionary(dict) => rename_dict(dict, names, depth),
        Object::Stream(stream) => rename_dict(&mut stream.dict, names, depth),
        Object::Array(items) => {
            for item in items {
                rename_in(item, names, depth + 1);
            }
        }
        _ => {}
    }
}

fn rename_dict(dict: &mut Dictionary, names: &[(String, String)], depth: u32) {
    for key in [b"BaseFont".as_slice(), b"FontName".as_slice()] {
        if let Ok(Object::Name(name)) = dict.get_mut(key) {
            if let Some((_, new)) = names
                .iter()
                .find(|(old, _)| old.as_bytes() == name.as_slice())
            {
                *name = new.as_bytes().to_vec();
            }
        }
    }
    for (_, value) in dict.iter_mut() {
        rename_in(value, names, depth + 1);
    }
}
