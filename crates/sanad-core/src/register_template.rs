//! The repository's register as an office already keeps it in a spreadsheet, brought in by
//! `sanad doc import`: the template's columns, found by their headers (Persian or English, in any
//! order, spelled with Arabic or Persian letters, with or without the ezafe), and every row
//! checked exactly as `doc add` checks one document ([`document_fields`]).
//!
//! The template (also in the README): «شمارهٔ ثبت» and «عنوان» are required; «پلاک ثبتی»,
//! «محل نگهداری» and «دستگاه مالک» (the owning organization, by its name or national id as the
//! register of organizations holds it) may be there. Other columns are reported as ignored. The first row holds the
//! headers; row numbers count from it as 1, as a spreadsheet shows them; blank rows are skipped.

use std::collections::HashMap;

use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, MessageArgs, Result};
use crate::{normalize, validate};

/// A column of the template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    RegistryNumber,
    Title,
    PropertyPlate,
    Location,
    Owner,
}

impl Column {
    /// The field name errors carry (the same as `doc add`'s).
    pub fn field(self) -> &'static str {
        match self {
            Column::RegistryNumber => "registry_number",
            Column::Title => "title",
            Column::PropertyPlate => "property_plate",
            Column::Location => "location",
            Column::Owner => "organization",
        }
    }

    /// The Persian header the template documents (the Fluent label of the field says the same).
    pub fn header(self) -> &'static str {
        match self {
            Column::RegistryNumber => "شمارهٔ ثبت",
            Column::Title => "عنوان",
            Column::PropertyPlate => "پلاک ثبتی",
            Column::Location => "محل نگهداری",
            Column::Owner => "دستگاه مالک",
        }
    }

    /// Every spelling a header may have, compared after [`header_key`].
    fn spellings(self) -> &'static [&'static str] {
        match self {
            Column::RegistryNumber => &[
                "شماره ثبت",
                "شماره ی ثبت",
                "شماره ثبت سند",
                "ش ثبت",
                "registry number",
                "registry_number",
            ],
            Column::Title => &["عنوان", "عنوان سند", "شرح سند", "title"],
            Column::PropertyPlate => &[
                "پلاک",
                "پلاک ثبتی",
                "property plate",
                "property_plate",
                "plate",
            ],
            Column::Location => &["محل نگهداری", "محل بایگانی", "location"],
            Column::Owner => &[
                "دستگاه مالک",
                "مالک",
                "سازمان مالک",
                "دستگاه",
                "owner",
                "owner organization",
                "organization",
            ],
        }
    }

    pub const ALL: [Column; 5] = [
        Column::RegistryNumber,
        Column::Title,
        Column::PropertyPlate,
        Column::Location,
        Column::Owner,
    ];
}

/// A header as compared: the search key (Arabic ي/ك, digits, ezafe and ZWNJ folded), with
/// underscores, dashes and runs of spaces made one space.
fn header_key(header: &str) -> String {
    normalize::search_key(
        &header
            .replace(['_', '-', '\u{200C}'], " ")
            .replace('ۀ', "ه"),
    )
}

/// One document as a row of the register gives it, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentFields {
    pub registry_number: String,
    pub title: String,
    pub property_plate: Option<String>,
    pub location: Option<String>,
    /// The owning organization as the file names it (its name or national id), when it does;
    /// the service finds it in the register of organizations.
    pub owner: Option<String>,
}

/// The checks of one document, for `doc add` and for every row of an import: a registry number
/// (digits in any script made ASCII) and a title are required; plate and location are short.
pub fn document_fields(
    registry_number: &str,
    title: &str,
    property_plate: Option<&str>,
    location: Option<&str>,
) -> Result<DocumentFields> {
    Ok(DocumentFields {
        registry_number: normalize::digits_to_ascii(&validate::required_text(
            "registry_number",
            registry_number,
            50,
        )?),
        title: validate::required_text("title", title, 300)?,
        property_plate: validate::optional_text("property_plate", property_plate, 100)?,
        location: validate::optional_text("location", location, 100)?,
        owner: None,
    })
}

/// A row of the file that was read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterRow {
    /// The row's number as the spreadsheet shows it (the header row is 1).
    pub row: usize,
    pub fields: DocumentFields,
}

/// A row that will not be brought in, and why (a Fluent message and its arguments).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RowRefusal {
    pub row: usize,
    /// As typed in the file, when the row has one.
    pub registry_number: Option<String>,
    pub field: String,
    pub message_id: String,
    #[ts(type = "Record<string, string>")]
    pub args: MessageArgs,
}

/// A file's rows, read against the template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadRegister {
    pub rows: Vec<RegisterRow>,
    pub refused: Vec<RowRefusal>,
    /// Headers that are not a column of the template, as the file spells them.
    pub ignored_columns: Vec<String>,
}

/// The template's columns a header row names, by position, and the headers it does not use.
fn columns_of(headers: &[String]) -> Result<(HashMap<usize, Column>, Vec<String>)> {
    let mut at: HashMap<usize, Column> = HashMap::new();
    let mut ignored_columns = Vec::new();
    for (i, header) in headers.iter().enumerate() {
        let key = header_key(header);
        if key.is_empty() {
            continue;
        }
        let column = Column::ALL
            .into_iter()
            .find(|c| c.spellings().iter().any(|s| header_key(s) == key));
        match column {
            Some(c) if at.values().any(|&seen| seen == c) => {
                return Err(Error::invalid_with(
                    "file",
                    "error-import-column-twice",
                    &[("column", c.header().to_owned())],
                ));
            }
            Some(c) => {
                at.insert(i, c);
            }
            None => ignored_columns.push(header.trim().to_owned()),
        }
    }
    for required in [Column::RegistryNumber, Column::Title] {
        if !at.values().any(|&c| c == required) {
            return Err(Error::invalid_with(
                "file",
                "error-import-column-missing",
                &[("column", required.header().to_owned())],
            ));
        }
    }
    Ok((at, ignored_columns))
}

/// How far down a sheet its header row is looked for (offices put a title above it).
const HEADER_SEARCH_ROWS: usize = 10;

/// Reads a table against the template. Its header row is the first of its first ten rows that
/// names the required columns (rows above it, a sheet's title, are skipped); `first_row` is the
/// file's number of the table's first row. A file without the required columns, or with a column
/// twice, is refused as a whole; a bad row is listed, never dropped.
pub fn read(table: &[Vec<String>], first_row: usize) -> Result<ReadRegister> {
    if table.is_empty() {
        return Err(Error::invalid("file", "error-import-empty"));
    }
    let mut first_problem = None;
    let mut found = None;
    for (i, headers) in table.iter().enumerate().take(HEADER_SEARCH_ROWS) {
        match columns_of(headers) {
            Ok(columns) => {
                found = Some((i, columns));
                break;
            }
            Err(e) => {
                first_problem.get_or_insert(e);
            }
        }
    }
    let Some((header_index, (at, ignored_columns))) = found else {
        return Err(first_problem.unwrap_or_else(|| Error::invalid("file", "error-import-empty")));
    };
    let header_row = first_row + header_index;
    let body = &table[header_index + 1..];
    let mut rows = Vec::new();
    let mut refused = Vec::new();
    let mut first_row_of: HashMap<String, usize> = HashMap::new();
    for (offset, cells) in body.iter().enumerate() {
        let row = header_row + offset + 1;
        if cells.iter().all(|c| normalize::text(c).is_empty()) {
            continue;
        }
        let cell = |column: Column| {
            at.iter()
                .find(|(_, &c)| c == column)
                .and_then(|(&i, _)| cells.get(i))
                .map(String::as_str)
        };
        let typed_number = cell(Column::RegistryNumber)
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty());
        let refuse = |e: Error, refused: &mut Vec<RowRefusal>| {
            if let Some(problem) = e.field_problems().into_iter().next() {
                refused.push(RowRefusal {
                    row,
                    registry_number: typed_number.clone(),
                    field: problem.field,
                    message_id: problem.message_id.to_owned(),
                    args: problem.args,
                });
            }
        };
        let fields = document_fields(
            cell(Column::RegistryNumber).unwrap_or(""),
            cell(Column::Title).unwrap_or(""),
            cell(Column::PropertyPlate),
            cell(Column::Location),
        )
        .and_then(|fields| {
            Ok(DocumentFields {
                owner: validate::optional_text("organization", cell(Column::Owner), 200)?,
                ..fields
            })
        });
        match fields {
            Err(e) => refuse(e, &mut refused),
            Ok(fields) => {
                if let Some(&first) = first_row_of.get(&fields.registry_number) {
                    refuse(
                        Error::invalid_with(
                            "registry_number",
                            "error-import-repeated",
                            &[("row", first.to_string())],
                        ),
                        &mut refused,
                    );
                } else {
                    first_row_of.insert(fields.registry_number.clone(), row);
                    rows.push(RegisterRow { row, fields });
                }
            }
        }
    }
    Ok(ReadRegister {
        rows,
        refused,
        ignored_columns,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn columns_are_found_by_header_in_any_order_and_spelling() {
        // «شماره‌ی ثبت» (ZWNJ and «ی») is the same column as «شمارهٔ ثبت».
        let other = read(
            &table(&[&["شماره\u{200C}ی ثبت", "عنوان"], &["۷", "سند"]]),
            1,
        )
        .expect("read");
        assert_eq!(other.rows[0].fields.registry_number, "7");
        let read = super::read(
            &table(&[
                &["ملاحظات", "عنوان سند", "شمارهٔ ثبت", "محل نگهداري"],
                &["x", "سند مالکیت", "۱۴۰۰-۱۲", "قفسهٔ ۳"],
            ]),
            1,
        )
        .expect("read");
        assert_eq!(read.ignored_columns, vec!["ملاحظات".to_owned()]);
        assert_eq!(read.rows.len(), 1);
        let f = &read.rows[0].fields;
        assert_eq!(f.registry_number, "1400-12");
        assert_eq!(f.title, "سند مالکیت");
        assert_eq!(f.location.as_deref(), Some("قفسهٔ ۳"));
        assert_eq!(read.rows[0].row, 2);
    }

    #[test]
    fn the_owner_column_is_read_as_typed() {
        let read = read(
            &table(&[
                &["شماره ثبت", "عنوان", "دستگاه مالک"],
                &["1", "سند یک", " اداره کل راه "],
                &["2", "سند دو", ""],
            ]),
            1,
        )
        .expect("read");
        assert_eq!(read.rows[0].fields.owner.as_deref(), Some("اداره کل راه"));
        assert_eq!(read.rows[1].fields.owner, None);
        assert!(read.ignored_columns.is_empty());
    }

    #[test]
    fn every_bad_row_is_listed_with_its_number_and_blank_rows_are_skipped() {
        let read = read(
            &table(&[
                &["شماره ثبت", "عنوان"],
                &["1", "سند یک"],
                &["", "بی شماره"],
                &["", ""],
                &["۱", "تکراری"],
                &["3", ""],
            ]),
            1,
        )
        .expect("read");
        assert_eq!(read.rows.len(), 1);
        let got: Vec<(usize, &str, &str)> = read
            .refused
            .iter()
            .map(|r| (r.row, r.field.as_str(), r.message_id.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (3, "registry_number", "error-required"),
                (5, "registry_number", "error-import-repeated"),
                (6, "title", "error-required"),
            ]
        );
        assert_eq!(
            read.refused[1].args.get("row").map(String::as_str),
            Some("2")
        );
    }

    #[test]
    fn a_file_without_its_columns_or_with_one_twice_is_refused_whole() {
        for t in [
            table(&[]),
            table(&[&["عنوان"], &["x"]]),
            table(&[&["شماره ثبت", "عنوان", "title"], &["1", "a", "b"]]),
        ] {
            assert!(matches!(read(&t, 1), Err(Error::Invalid { field, .. }) if field == "file"));
        }
    }
}
