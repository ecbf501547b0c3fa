//! Reports as files: an .xlsx workbook (right-to-left sheet for Persian, headers from Fluent) and
//! CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Persian correctly).

use rust_xlsxwriter::{Format, Workbook};
use sanad_core::{Error, Result};
use sanad_i18n::{Lang, Localizer};

use crate::reports::{Cell, Report};

/// The report as an .xlsx file's bytes.
pub fn report_xlsx(report: &Report, lang: Lang) -> Result<Vec<u8>> {
    let l10n = Localizer::new(lang);
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let failed = |e: rust_xlsxwriter::XlsxError| Error::Storage(format!("xlsx: {e}"));
    sheet
        .set_name(sheet_name(&l10n.text(&report.title)))
        .map_err(failed)?;
    if lang == Lang::Fa {
        sheet.set_right_to_left(true);
    }
    let bold = Format::new().set_bold();
    let headers = headers(report, &l10n);
    for (c, header) in headers.iter().enumerate() {
        let c = u16::try_from(c).map_err(|_| Error::Storage("too many columns".to_owned()))?;
        sheet
            .write_string_with_format(0, c, header, &bold)
            .map_err(failed)?;
        sheet.set_column_width(c, 18).map_err(failed)?;
    }
    for (r, row) in report.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|_| Error::Storage("too many rows".to_owned()))?;
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).map_err(|_| Error::Storage("too many columns".to_owned()))?;
            match cell {
                Cell::Text(t) => sheet.write_string(r, c, as_typed(t)),
                Cell::Term(id) => sheet.write_string(r, c, l10n.text(id)),
                Cell::Int(n) => sheet.write_number(r, c, *n as f64),
                Cell::Number(x) => sheet.write_number(r, c, *x),
            }
            .map_err(failed)?;
        }
    }
    workbook.save_to_buffer().map_err(failed)
}

/// The report as CSV bytes.
pub fn report_csv(report: &Report, lang: Lang) -> Result<Vec<u8>> {
    let l10n = Localizer::new(lang);
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        let failed = |e: csv::Error| Error::Storage(format!("csv: {e}"));
        writer
            .write_record(headers(report, &l10n))
            .map_err(failed)?;
        for row in &report.rows {
            let fields: Vec<String> = row
                .iter()
                .map(|cell| match cell {
                    Cell::Text(t) => as_typed(t),
                    Cell::Term(id) => l10n.text(id),
                    Cell::Int(n) => n.to_string(),
                    Cell::Number(x) => x.to_string(),
                })
                .collect();
            writer.write_record(&fields).map_err(failed)?;
        }
        writer
            .flush()
            .map_err(|e| Error::Storage(format!("csv: {e}")))?;
    }
    Ok(out)
}

/// A value as it was typed, whatever the reader's direction (issue 12, item 5): text that mixes
/// right-to-left letters with digits or Latin (a letter number «۱۲۳/ص/۴۵», «اداره ۲ Tehran») is
/// isolated FSI…PDI, so a spreadsheet's left-to-right cell or a CSV viewer does not reorder its
/// parts; text of one direction is left alone.
fn as_typed(text: &str) -> String {
    let rtl = |c: char| {
        matches!(c, '\u{0590}'..='\u{05FF}' | '\u{0600}'..='\u{065F}' | '\u{066A}'..='\u{06EF}'
            | '\u{06FA}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
    };
    let other = |c: char| c.is_ascii_alphanumeric() || c.is_numeric();
    if text.chars().any(rtl) && text.chars().any(other) {
        format!("\u{2068}{text}\u{2069}")
    } else {
        text.to_owned()
    }
}

fn headers(report: &Report, l10n: &Localizer) -> Vec<String> {
    report.columns.iter().map(|id| l10n.text(id)).collect()
}

/// Excel's sheet names: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(title: &str) -> String {
    title
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::as_typed;

    #[test]
    fn mixed_values_are_isolated_and_plain_ones_left_alone() {
        assert_eq!(as_typed("۱۲۳/ص/۴۵"), "\u{2068}۱۲۳/ص/۴۵\u{2069}");
        assert_eq!(as_typed("اداره ۲ Tehran"), "\u{2068}اداره ۲ Tehran\u{2069}");
        assert_eq!(as_typed("اداره کل راه و شهرسازی"), "اداره کل راه و شهرسازی");
        assert_eq!(as_typed("Road Office 12"), "Road Office 12");
    }
}
