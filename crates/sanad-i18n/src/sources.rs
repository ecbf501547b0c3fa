//! The Fluent files, embedded. Adding a file under `i18n/fa` or `i18n/en` means adding it here;
//! a test fails when a file on disk is missing from this list.

use crate::Lang;

/// The file names present in both `i18n/fa/` and `i18n/en/`.
pub const FTL_FILES: &[&str] = &[
    "domain.ftl",
    "errors.ftl",
    "validation.ftl",
    "cli.ftl",
    "slip.ftl",
    "ui.ftl",
    "complaints.ftl",
    "tracking.ftl",
    "calendar.ftl",
    "outbox.ftl",
    "notices.ftl",
    "reports.ftl",
    "reliability.ftl",
    "files.ftl",
    "delegations.ftl",
    "portal.ftl",
    "register.ftl",
    "portal-api.ftl",
    "portal-forms.ftl",
    "ecopy.ftl",
    "delivery.ftl",
];

const FA: &[(&str, &str)] = &[
    ("domain.ftl", include_str!("../../../i18n/fa/domain.ftl")),
    ("errors.ftl", include_str!("../../../i18n/fa/errors.ftl")),
    (
        "validation.ftl",
        include_str!("../../../i18n/fa/validation.ftl"),
    ),
    ("cli.ftl", include_str!("../../../i18n/fa/cli.ftl")),
    ("slip.ftl", include_str!("../../../i18n/fa/slip.ftl")),
    ("ui.ftl", include_str!("../../../i18n/fa/ui.ftl")),
    (
        "complaints.ftl",
        include_str!("../../../i18n/fa/complaints.ftl"),
    ),
    (
        "tracking.ftl",
        include_str!("../../../i18n/fa/tracking.ftl"),
    ),
    (
        "calendar.ftl",
        include_str!("../../../i18n/fa/calendar.ftl"),
    ),
    ("outbox.ftl", include_str!("../../../i18n/fa/outbox.ftl")),
    ("notices.ftl", include_str!("../../../i18n/fa/notices.ftl")),
    ("reports.ftl", include_str!("../../../i18n/fa/reports.ftl")),
    (
        "reliability.ftl",
        include_str!("../../../i18n/fa/reliability.ftl"),
    ),
    ("files.ftl", include_str!("../../../i18n/fa/files.ftl")),
    (
        "delegations.ftl",
        include_str!("../../../i18n/fa/delegations.ftl"),
    ),
    ("portal.ftl", include_str!("../../../i18n/fa/portal.ftl")),
    (
        "register.ftl",
        include_str!("../../../i18n/fa/register.ftl"),
    ),
    (
        "portal-api.ftl",
        include_str!("../../../i18n/fa/portal-api.ftl"),
    ),
    (
        "portal-forms.ftl",
        include_str!("../../../i18n/fa/portal-forms.ftl"),
    ),
    ("ecopy.ftl", include_str!("../../../i18n/fa/ecopy.ftl")),
    (
        "delivery.ftl",
        include_str!("../../../i18n/fa/delivery.ftl"),
    ),
];

const EN: &[(&str, &str)] = &[
    ("domain.ftl", include_str!("../../../i18n/en/domain.ftl")),
    ("errors.ftl", include_str!("../../../i18n/en/errors.ftl")),
    (
        "validation.ftl",
        include_str!("../../../i18n/en/validation.ftl"),
    ),
    ("cli.ftl", include_str!("../../../i18n/en/cli.ftl")),
    ("slip.ftl", include_str!("../../../i18n/en/slip.ftl")),
    ("ui.ftl", include_str!("../../../i18n/en/ui.ftl")),
    (
        "complaints.ftl",
        include_str!("../../../i18n/en/complaints.ftl"),
    ),
    (
        "tracking.ftl",
        include_str!("../../../i18n/en/tracking.ftl"),
    ),
    (
        "calendar.ftl",
        include_str!("../../../i18n/en/calendar.ftl"),
    ),
    ("outbox.ftl", include_str!("../../../i18n/en/outbox.ftl")),
    ("notices.ftl", include_str!("../../../i18n/en/notices.ftl")),
    ("reports.ftl", include_str!("../../../i18n/en/reports.ftl")),
    (
        "reliability.ftl",
        include_str!("../../../i18n/en/reliability.ftl"),
    ),
    ("files.ftl", include_str!("../../../i18n/en/files.ftl")),
    (
        "delegations.ftl",
        include_str!("../../../i18n/en/delegations.ftl"),
    ),
    ("portal.ftl", include_str!("../../../i18n/en/portal.ftl")),
    (
        "register.ftl",
        include_str!("../../../i18n/en/register.ftl"),
    ),
    (
        "portal-api.ftl",
        include_str!("../../../i18n/en/portal-api.ftl"),
    ),
    (
        "portal-forms.ftl",
        include_str!("../../../i18n/en/portal-forms.ftl"),
    ),
    ("ecopy.ftl", include_str!("../../../i18n/en/ecopy.ftl")),
    (
        "delivery.ftl",
        include_str!("../../../i18n/en/delivery.ftl"),
    ),
];

/// `(file name, contents)` of every Fluent file of `lang`.
pub fn sources(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::Fa => FA,
        Lang::En => EN,
    }
}
