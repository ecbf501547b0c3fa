//! Every string a user reads comes from the Fluent files under `i18n/` (Persian by default,
//! English second). They are embedded at build time so a desk never runs with missing text.

mod digits;
mod sources;

use std::collections::BTreeMap;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

pub use digits::{to_latin_digits, to_persian_digits};
pub use sources::{sources, FTL_FILES};

/// A language the product speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fa,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fa, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fa => "fa",
            Lang::En => "en",
        }
    }

    /// `fa` or `en` (case-insensitive); anything else is `None`.
    pub fn parse(text: &str) -> Option<Lang> {
        match text.trim().to_ascii_lowercase().as_str() {
            "fa" | "fa-ir" | "persian" => Some(Lang::Fa),
            "en" | "en-us" | "english" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Argument names whose values are domain spellings (`approved`, `clerk`, …): they are shown
/// through their own messages (`status-approved`) rather than raw.
const SPELLED_ARGS: &[&str] = &["status", "action", "role", "kind", "mode", "priority"];

/// Formats messages in one language.
pub struct Localizer {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl Localizer {
    /// Builds the bundle from the embedded files. The files are checked by this crate's tests,
    /// so a parse error here means a broken build; such entries are skipped, not fatal.
    pub fn new(lang: Lang) -> Localizer {
        let langid = match lang {
            Lang::Fa => unic_langid::langid!("fa"),
            Lang::En => unic_langid::langid!("en"),
        };
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        for (_, text) in sources(lang) {
            let resource = match FluentResource::try_new((*text).to_owned()) {
                Ok(r) => r,
                Err((r, _)) => r,
            };
            // Duplicate ids across files are caught by the tests; keep the first.
            let _ = bundle.add_resource(resource);
        }
        Localizer { lang, bundle }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The message `id` with `args`. An unknown id comes back as the id itself, so a missing
    /// translation is visible rather than silent.
    pub fn message(&self, id: &str, args: &BTreeMap<String, String>) -> String {
        let Some(msg) = self.bundle.get_message(id) else {
            return id.to_owned();
        };
        let Some(pattern) = msg.value() else {
            return id.to_owned();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let shown = self.argument(name, value);
            fluent_args.set(name.clone(), FluentValue::from(shown));
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// A message without arguments.
    pub fn text(&self, id: &str) -> String {
        self.message(id, &BTreeMap::new())
    }

    /// A message with arguments given inline.
    pub fn format(&self, id: &str, args: &[(&str, String)]) -> String {
        let map = args
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect();
        self.message(id, &map)
    }

    /// Digits as this language writes them in running text.
    pub fn digits(&self, text: &str) -> String {
        match self.lang {
            Lang::Fa => to_persian_digits(text),
            Lang::En => to_latin_digits(text),
        }
    }

    fn argument(&self, name: &str, value: &str) -> String {
        if SPELLED_ARGS.contains(&name) {
            let id = format!("{name}-{}", value.replace('_', "-"));
            if self.has(&id) {
                return self.text(&id);
            }
        }
        // Numbers, dates and codes take the language's digits; names and other text stay as typed.
        if value.chars().any(char::is_alphabetic) {
            value.to_owned()
        } else if self.lang == Lang::Fa {
            // A number's decimal point is the Persian momayyez in Persian text (۳٫۱, not ۳.۱).
            self.digits(&digits::persian_decimal_point(value))
        } else {
            self.digits(value)
        }
    }
}

#[cfg(test)]
mod tests;
