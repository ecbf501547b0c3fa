//! What the slip says, in the reader's language: every label from i18n/, numbers in Persian
//! digits inside Persian text, the tracking code isolated left to right (or its digit groups
//! come out reversed), the national code masked but for its last four digits.

use sanad_core::slip_print::SlipPrint;
use sanad_i18n::{Lang, Localizer};

use crate::text::BaseDirection;

/// Left-to-right isolate: a code or number inside right-to-left text keeps its own order.
const LRI: char = '\u{2066}';
const PDI: char = '\u{2069}';

/// One labelled entry of the slip's table.
pub(crate) struct Field {
    pub label: String,
    /// One or more values, each starting on its own line.
    pub values: Vec<String>,
}

pub(crate) struct SlipContent {
    pub base: BaseDirection,
    pub directorate: String,
    pub logo_png: Option<Vec<u8>>,
    pub title: String,
    /// The duplicate mark (المثنی) with the copy number, on reprints.
    pub duplicate: Option<String>,
    pub code_label: String,
    /// Grouped 4-4-4 in the language's digits, isolated left to right.
    pub code_text: String,
    /// The 12 ASCII digits the barcode and QR code carry.
    pub code_digits: String,
    /// What the QR code carries: the signed token when the slip has one, else the digits.
    pub qr_text: String,
    pub fields: Vec<Field>,
    pub signatures: Vec<String>,
    pub keep_note: String,
    pub document_title: String,
}

/// `0499370899` → `******0899`, isolated left to right.
pub(crate) fn masked_national_code(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    let keep = chars.len().min(4);
    let hidden = "*".repeat(chars.len() - keep);
    let tail: String = chars[chars.len() - keep..].iter().collect();
    format!("{LRI}{hidden}{tail}{PDI}")
}

impl SlipContent {
    pub fn new(slip: &SlipPrint, l10n: &Localizer) -> SlipContent {
        let r = &slip.request;
        let base = match l10n.lang() {
            Lang::Fa => BaseDirection::Rtl,
            Lang::En => BaseDirection::Ltr,
        };
        let code_text = format!("{LRI}{}{PDI}", l10n.digits(&r.tracking_code_grouped));
        let field = |label: &str, values: Vec<String>| Field {
            label: l10n.text(label),
            values,
        };
        let mut fields = vec![
            field("slip-issued-at", vec![l10n.digits(&slip.issued_at_jalali)]),
            field("slip-requesting-org", vec![r.requesting_org.name.clone()]),
            field(
                "slip-destination",
                vec![match &r.destination_org {
                    Some(o) => o.name.clone(),
                    None => l10n.text("slip-destination-self"),
                }],
            ),
            field(
                "slip-letter",
                vec![l10n.format(
                    "slip-letter-value",
                    &[
                        ("number", r.letter.number.clone()),
                        ("date", r.letter.date.clone()),
                    ],
                )],
            ),
            field(
                "slip-documents",
                r.documents
                    .iter()
                    .map(|d| {
                        l10n.format(
                            "slip-document-line",
                            &[
                                ("registry", d.registry_number.clone()),
                                ("title", d.title.clone()),
                            ],
                        )
                    })
                    .collect(),
            ),
            field(
                "slip-dispatch-mode",
                vec![l10n.text(&format!(
                    "mode-{}",
                    r.dispatch_mode.as_str().replace('_', "-")
                ))],
            ),
        ];
        if let Some(due) = r.return_due {
            fields.push(field(
                "slip-return-due",
                vec![l10n.digits(&due.to_string())],
            ));
        }
        fields.push(field(
            "slip-applicant",
            vec![l10n.format(
                "slip-applicant-value",
                &[
                    ("name", r.applicant.name.clone()),
                    (
                        "national_code",
                        l10n.digits(&masked_national_code(&r.applicant.national_code)),
                    ),
                ],
            )],
        ));
        let approvals = if slip.approvals.is_empty() {
            vec![l10n.text("slip-no-approvals")]
        } else {
            slip.approvals
                .iter()
                .map(|a| match &a.acting_for {
                    // Signed in another's place: the acting title and whom for.
                    Some(away) => l10n.format(
                        "slip-approval-line-acting",
                        &[
                            ("name", a.name.clone()),
                            ("role", a.role.as_str().to_owned()),
                            ("for", away.clone()),
                            ("at", a.at_jalali.clone()),
                        ],
                    ),
                    None => l10n.format(
                        "slip-approval-line",
                        &[
                            ("name", a.name.clone()),
                            ("role", a.role.as_str().to_owned()),
                            ("at", a.at_jalali.clone()),
                        ],
                    ),
                })
                .collect()
        };
        fields.push(field("slip-approvals", approvals));
        fields.push(field("slip-clerk", vec![slip.clerk.clone()]));
        let directorate = if slip.office.directorate_name.trim().is_empty() {
            l10n.text("slip-directorate-default")
        } else {
            slip.office.directorate_name.clone()
        };
        SlipContent {
            base,
            directorate,
            logo_png: slip.office.logo_png.clone(),
            title: l10n.text("slip-title"),
            duplicate: slip
                .is_duplicate()
                .then(|| l10n.format("slip-duplicate", &[("copy", slip.copy.to_string())])),
            code_label: l10n.text("slip-tracking-code"),
            code_text,
            code_digits: r.tracking_code.as_str().to_owned(),
            qr_text: slip
                .token
                .clone()
                .unwrap_or_else(|| r.tracking_code.as_str().to_owned()),
            fields,
            signatures: vec![
                l10n.text("slip-signature-clerk"),
                l10n.text("slip-signature-recipient"),
            ],
            keep_note: l10n.text("slip-keep-code"),
            document_title: l10n.format(
                "slip-document-title",
                &[("code", r.tracking_code_grouped.clone())],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_last_four_digits_show() {
        assert_eq!(
            masked_national_code("0499370899"),
            "\u{2066}******0899\u{2069}"
        );
        assert_eq!(masked_national_code("12"), "\u{2066}12\u{2069}");
    }
}
