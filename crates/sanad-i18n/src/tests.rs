use std::collections::BTreeSet;
use std::path::PathBuf;

use fluent_syntax::ast::Entry;

use super::*;

fn i18n_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../i18n")
}

fn ids(lang: Lang) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (file, text) in sources(lang) {
        let resource = fluent_syntax::parser::parse(*text)
            .unwrap_or_else(|(_, errs)| panic!("{}/{file} does not parse: {errs:?}", lang.code()));
        for entry in resource.body {
            if let Entry::Message(m) = entry {
                let id = m.id.name.to_owned();
                assert!(
                    out.insert(id.clone()),
                    "{id} is defined twice in {}",
                    lang.code()
                );
            }
        }
    }
    out
}

#[test]
fn persian_and_english_have_the_same_messages() {
    let fa = ids(Lang::Fa);
    let en = ids(Lang::En);
    let only_fa: Vec<_> = fa.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&fa).collect();
    assert!(only_fa.is_empty(), "missing in English: {only_fa:?}");
    assert!(only_en.is_empty(), "missing in Persian: {only_en:?}");
    assert!(fa.len() > 20, "suspiciously few messages: {}", fa.len());
}

#[test]
fn every_file_on_disk_is_embedded() {
    for lang in Lang::ALL {
        let dir = i18n_dir().join(lang.code());
        let on_disk: BTreeSet<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".ftl"))
            .collect();
        let embedded: BTreeSet<String> = FTL_FILES.iter().map(|s| s.to_string()).collect();
        assert_eq!(on_disk, embedded, "{}", lang.code());
    }
}

/// The literal text of every Persian message (placeholders excluded).
fn persian_literals() -> Vec<(String, String)> {
    use fluent_syntax::ast::PatternElement;
    let mut out = Vec::new();
    for (_, text) in sources(Lang::Fa) {
        let Ok(resource) = fluent_syntax::parser::parse(*text) else {
            continue;
        };
        for entry in resource.body {
            if let Entry::Message(m) = entry {
                let literal: String = m
                    .value
                    .iter()
                    .flat_map(|p| p.elements.iter())
                    .filter_map(|e| match e {
                        PatternElement::TextElement { value } => Some(*value),
                        _ => None,
                    })
                    .collect();
                out.push((m.id.name.to_owned(), literal));
            }
        }
    }
    out
}

/// Command-line tokens are Latin by nature: `--as`, `SANAD_PASSWORD`, `sqlite://`.
fn is_technical_token(token: &str) -> bool {
    token.starts_with("--")
        || token.contains("://")
        || token
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit())
}

#[test]
fn persian_messages_use_persian_digits_and_no_latin_words() {
    for (id, text) in persian_literals() {
        assert!(
            !text.chars().any(|c| c.is_ascii_digit()),
            "{id} has Latin digits: {text}"
        );
        for token in text.split_whitespace() {
            let token = token.trim_matches(|c: char| {
                !c.is_ascii_alphanumeric() && c != '-' && c != '_' && c != ':' && c != '/'
            });
            if token.chars().any(|c| c.is_ascii_alphabetic()) {
                assert!(
                    is_technical_token(token),
                    "{id} has a Latin word «{token}»: {text}"
                );
            }
        }
    }
}

#[test]
fn arguments_are_localized() {
    let fa = Localizer::new(Lang::Fa);
    let text = fa.format(
        "error-action-not-allowed-in-state",
        &[
            ("action", "approve".into()),
            ("status", "under_review".into()),
        ],
    );
    assert!(text.contains(&fa.text("action-approve")), "{text}");
    assert!(text.contains(&fa.text("status-under-review")), "{text}");
    let en = Localizer::new(Lang::En);
    let text = en.format("error-too-long", &[("max", "200".into())]);
    assert!(text.contains("200"), "{text}");
    let text = fa.format("error-too-long", &[("max", "200".into())]);
    assert!(text.contains("۲۰۰"), "{text}");
}

#[test]
fn unknown_ids_are_visible() {
    assert_eq!(Localizer::new(Lang::Fa).text("no-such-id"), "no-such-id");
}

#[test]
fn digits_round_trip() {
    assert_eq!(to_persian_digits("1404/10/30"), "۱۴۰۴/۱۰/۳۰");
    assert_eq!(to_latin_digits("۱۴۰۴/١٠/۳۰"), "1404/10/30");
}

/// Every message id written in the Rust sources (`"error-…"`, `"cli-…"`, `"label-…"`, …) and every
/// field an error can name (`field-…`) exists in both languages.
#[test]
fn every_message_the_code_uses_exists() {
    let crates = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut sources = Vec::new();
    let mut stack = vec![crates];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                && path.to_string_lossy().contains("/src/")
            {
                let text = std::fs::read_to_string(&path).expect("read source");
                // Unit tests use made-up field names; only shipped code counts.
                let shipped = text
                    .split("#[cfg(test)]")
                    .next()
                    .unwrap_or_default()
                    .to_owned();
                sources.push(shipped);
            }
        }
    }
    let prefixes = ["error-", "cli-", "label-", "field-"];
    let mut used = BTreeSet::new();
    let mut fields = BTreeSet::new();
    let field_fns = [
        "invalid(",
        "invalid_with(",
        "national_code(",
        "national_id(",
        "mobile(",
        "required_text(",
        "optional_text(",
        "parse(",
    ];
    for text in &sources {
        for (i, _) in text.match_indices('"') {
            let rest = &text[i + 1..];
            let Some(end) = rest.find('"') else { continue };
            let literal = &rest[..end];
            let is_id = prefixes.iter().any(|p| literal.starts_with(p))
                && literal.len() > 6
                && literal
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if is_id && !literal.ends_with('-') {
                used.insert(literal.to_owned());
            }
            // A field name: the first string argument of a validator or error constructor.
            let before = text[..i].trim_end();
            if field_fns.iter().any(|f| before.ends_with(f))
                && !literal.is_empty()
                && literal
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.')
            {
                fields.insert(format!("field-{}", literal.replace(['.', '_'], "-")));
            }
        }
    }
    assert!(used.len() > 30, "the scan found too few ids: {used:?}");
    assert!(
        fields.contains("field-applicant-national-code"),
        "{fields:?}"
    );
    for lang in Lang::ALL {
        let have = ids(lang);
        let missing: Vec<_> = used
            .iter()
            .chain(fields.iter())
            .filter(|id| !have.contains(*id))
            .collect();
        assert!(
            missing.is_empty(),
            "{}: missing messages {missing:?}",
            lang.code()
        );
    }
}
