//! Inventory files as tables of text: a CSV file is one table, an XLSX workbook one per sheet.
//!
//! This is where bytes become cells and nothing more: which format a table holds, and what its
//! cells mean, is decided by the format readers. Every cell keeps the row number a person sees
//! in a spreadsheet or text editor (1-based, the header row included), for error messages.

use calamine::{Data, Reader};

use super::numbers::DecimalMark;
use crate::error::{Diagnostic, Error, Result};

/// One table: a CSV file or one sheet of a workbook.
///
/// Its cells are kept as one text with the bounds of each: an Azure Migrate dependency export
/// has hundreds of thousands of rows of ten cells, and a string per cell would cost several
/// times the file's size.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    /// How messages name it: `servers.csv`, or `export.xlsx [vInfo]`.
    pub name: String,
    /// The sheet name, for a workbook (RVTools names its sheets vInfo, vDisk, vNetwork).
    pub sheet: Option<String>,
    /// How numbers written as text mark decimals: a `;` CSV file comes from a locale whose
    /// decimal mark is `,`.
    pub decimal_mark: DecimalMark,
    /// Every cell's text (trimmed), one after another.
    text: String,
    /// Where each cell ends in `text`; a cell starts where the one before it ends.
    ends: Vec<usize>,
    /// Every non-empty row, header rows included: its 1-based row number and the index of its
    /// first cell in `ends`.
    rows: Vec<(usize, usize)>,
}

/// One row of a [`Table`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row<'t> {
    /// The row number a person sees (1-based, the header row included).
    pub line: usize,
    text: &'t str,
    /// Where this row's first cell starts in `text`.
    start: usize,
    /// Where each of its cells ends.
    ends: &'t [usize],
}

impl<'t> Row<'t> {
    /// The cell of a column, `None` past the row's last cell.
    pub(crate) fn get(&self, index: usize) -> Option<&'t str> {
        let end = *self.ends.get(index)?;
        let start = if index == 0 {
            self.start
        } else {
            self.ends[index - 1]
        };
        Some(&self.text[start..end])
    }

    /// Its cells, in order.
    pub(crate) fn cells(&self) -> impl Iterator<Item = &'t str> + '_ {
        (0..self.ends.len()).filter_map(|i| self.get(i))
    }
}

impl Table {
    /// An empty table.
    fn new(name: String, sheet: Option<String>) -> Self {
        Table {
            name,
            sheet,
            decimal_mark: DecimalMark::Point,
            text: String::new(),
            ends: Vec::new(),
            rows: Vec::new(),
        }
    }

    /// Adds a row, unless all of its cells are empty (after trimming).
    fn push<'c>(&mut self, line: usize, cells: impl Iterator<Item = &'c str>) {
        let (text_len, first) = (self.text.len(), self.ends.len());
        for cell in cells {
            self.text.push_str(cell.trim());
            self.ends.push(self.text.len());
        }
        if self.text.len() == text_len {
            self.text.truncate(text_len);
            self.ends.truncate(first);
        } else {
            self.rows.push((line, first));
        }
    }

    /// The number of rows.
    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    /// A row by its index (not its row number).
    pub(crate) fn row(&self, index: usize) -> Option<Row<'_>> {
        let &(line, first) = self.rows.get(index)?;
        let last = self.rows.get(index + 1).map_or(self.ends.len(), |r| r.1);
        Some(Row {
            line,
            text: &self.text,
            start: if first == 0 { 0 } else { self.ends[first - 1] },
            ends: &self.ends[first..last],
        })
    }

    /// The rows from an index on.
    pub(crate) fn rows_from(&self, index: usize) -> impl Iterator<Item = Row<'_>> {
        (index..self.len()).filter_map(|i| self.row(i))
    }
}

/// A CSV file's tables (one), or a workbook's (one per sheet), by the file's extension.
pub(crate) fn read(path: &str, bytes: &[u8], shown: &str) -> Result<Vec<Table>> {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    // A workbook saved under another name (`servers.csv` that Excel wrote as .xlsx) is
    // still a workbook: a zip archive (xlsx, xlsm, xlsb, ods) or an OLE file (xls).
    let workbook_bytes =
        bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]);
    match ext.as_str() {
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => read_workbook(bytes, shown),
        _ if workbook_bytes => read_workbook(bytes, shown),
        _ => Ok(vec![read_csv(bytes, shown)]),
    }
}

/// Decodes a CSV file: UTF-8 (with or without a byte-order mark), UTF-16 with its mark (what
/// Excel's "Unicode text" writes), else Windows-1252 (what Excel writes for "CSV" on Windows).
fn decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode_without_bom_handling(&bytes[bom..]).0;
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0,
    }
}

/// The field separator: whichever of `,`, `;` and tab the first line holds most of (outside
/// quotes); exports from a German or French Excel use `;`.
fn separator(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    let mut quoted = false;
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    for c in first.bytes() {
        if c == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(n) = counts.iter_mut().find(|(s, _)| *s == c) {
            n.1 += 1;
        }
    }
    counts
        .iter()
        .max_by_key(|(s, n)| (*n, *s == b','))
        .map(|(s, _)| *s)
        .unwrap_or(b',')
}

/// Reads CSV text into one table; a record the parser cannot read ends the table there is
/// not possible with `flexible`, so every line becomes a row.
pub(crate) fn read_csv(bytes: &[u8], shown: &str) -> Table {
    let text = decode(bytes);
    let delimiter = separator(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    // The parser skips blank lines but counts a record from where the previous one ended:
    // the row number comes from the record's first byte after those line breaks.
    let newlines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
    let line_of = |byte: usize| {
        let start = byte + text[byte.min(text.len())..].len()
            - text[byte.min(text.len())..]
                .trim_start_matches(['\r', '\n'])
                .len();
        newlines.partition_point(|&n| n < start) + 1
    };
    let mut table = Table::new(shown.to_string(), None);
    if delimiter == b';' {
        table.decimal_mark = DecimalMark::Comma;
    }
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(0, |p| line_of(p.byte() as usize));
                table.push(line, record.iter());
            }
            // With `flexible` and text already decoded only an I/O error is left, which an
            // in-memory reader never has.
            Err(_) => break,
        }
    }
    table
}

fn read_workbook(bytes: &[u8], shown: &str) -> Result<Vec<Table>> {
    let unreadable = |why: String| {
        Error::input(
            Diagnostic::at(shown, format!("cannot read this workbook: {why}"))
                .hint("save it again from Excel as .xlsx, or export each sheet as CSV"),
        )
    };
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| unreadable(e.to_string()))?;
    let mut tables = Vec::new();
    for sheet in book.sheet_names().to_vec() {
        let range = book
            .worksheet_range(&sheet)
            .map_err(|e| unreadable(format!("sheet {sheet}: {e}")))?;
        let start = range.start().map_or(0, |(r, _)| r as usize);
        let mut table = Table::new(format!("{shown} [{sheet}]"), Some(sheet));
        for (i, row) in range.rows().enumerate() {
            let cells: Vec<String> = row.iter().map(cell_text).collect();
            table.push(start + i + 1, cells.iter().map(String::as_str));
        }
        tables.push(table);
    }
    Ok(tables)
}

/// A cell as the text a person sees: whole numbers without a decimal point.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "True" } else { "False" }.to_string(),
        Data::DateTime(d) => d.as_f64().to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        // As Excel shows it (`#N/A`, `#DIV/0!`), so a message quotes what the user sees.
        Data::Error(e) => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_separator_outside_quotes() {
        assert_eq!(separator("a;b;c\n1;2;3"), b';');
        assert_eq!(separator("\"a;b\",c,d"), b',');
        assert_eq!(separator("a\tb\tc"), b'\t');
    }

    #[test]
    fn keeps_spreadsheet_row_numbers_and_skips_blank_lines() {
        let t = read_csv(b"\xef\xbb\xbfName,Cores\n\nweb01,4\n,\ndb01,8\n", "x.csv");
        let numbers: Vec<usize> = t.rows_from(0).map(|r| r.line).collect();
        assert_eq!(numbers, vec![1, 3, 5]);
        assert_eq!(
            t.row(0).unwrap().get(0),
            Some("Name"),
            "the byte-order mark is not part of the header"
        );
    }

    #[test]
    fn each_row_keeps_its_own_cells_empty_ones_included() {
        let t = read_csv(b"a, ,c\n\nd,e\n", "x.csv");
        assert_eq!(t.len(), 2);
        let first: Vec<&str> = t.row(0).unwrap().cells().collect();
        assert_eq!(first, vec!["a", "", "c"]);
        let second = t.row(1).unwrap();
        assert_eq!(
            (second.line, second.get(1), second.get(2)),
            (3, Some("e"), None)
        );
        assert!(t.row(2).is_none());
    }

    #[test]
    fn reads_windows_1252_and_utf16() {
        let t = read_csv(b"Name\nserveur-\xe9t\xe9\n", "x.csv");
        assert_eq!(t.row(1).unwrap().get(0), Some("serveur-été"));
        let mut utf16 = vec![0xff, 0xfe];
        for u in "Name\nb\u{e4}r\n".encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        assert_eq!(
            read_csv(&utf16, "x.csv").row(1).unwrap().get(0),
            Some("bär")
        );
    }
}
