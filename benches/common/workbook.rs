//! A minimal XLSX workbook (Office Open XML: a zip of XML parts), written the way Excel stores
//! cells calamine reads: numbers as `<v>`, text as inline strings. For benchmarks that need a
//! large workbook made the same way on every run; no formatting, one table per sheet.

use std::io::Write;

/// The column letters of a zero-based index: 0 → `A`, 25 → `Z`, 26 → `AA`.
fn column(mut i: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII letters")
}

/// Text as XML character data.
fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A workbook of named sheets, each a table of rows (the first its header row).
pub fn xlsx(sheets: &[(&str, Vec<Vec<String>>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    let mut put = |name: &str, text: &str| {
        zip.start_file(name, opts).expect("a zip entry starts");
        zip.write_all(text.as_bytes())
            .expect("a zip entry is written");
    };
    const SHEET: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    let overrides: String = (1..=sheets.len())
        .map(|i| {
            format!("<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"{SHEET}\"/>")
        })
        .collect();
    put(
        "[Content_Types].xml",
        &format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>{overrides}</Types>"
        ),
    );
    put(
        "_rels/.rels",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
    );
    let list: String = sheets
        .iter()
        .enumerate()
        .map(|(i, (name, _))| {
            format!(
                "<sheet name=\"{}\" sheetId=\"{}\" r:id=\"rId{}\"/>",
                xml(name),
                i + 1,
                i + 1
            )
        })
        .collect();
    put(
        "xl/workbook.xml",
        &format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>{list}</sheets></workbook>"
        ),
    );
    let rels: String = (1..=sheets.len())
        .map(|i| format!("<Relationship Id=\"rId{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>"))
        .collect();
    put(
        "xl/_rels/workbook.xml.rels",
        &format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rels}</Relationships>"
        ),
    );
    for (i, (_, rows)) in sheets.iter().enumerate() {
        let mut body = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>",
        );
        for (r, cells) in rows.iter().enumerate() {
            body.push_str(&format!("<row r=\"{}\">", r + 1));
            for (c, v) in cells.iter().enumerate() {
                let at = format!("{}{}", column(c), r + 1);
                if v.is_empty() {
                    continue;
                }
                if v.chars().all(|ch| ch.is_ascii_digit()) {
                    body.push_str(&format!("<c r=\"{at}\"><v>{v}</v></c>"));
                } else {
                    body.push_str(&format!(
                        "<c r=\"{at}\" t=\"inlineStr\"><is><t>{}</t></is></c>",
                        xml(v)
                    ));
                }
            }
            body.push_str("</row>");
        }
        body.push_str("</sheetData></worksheet>");
        put(&format!("xl/worksheets/sheet{}.xml", i + 1), &body);
    }
    zip.finish().expect("the zip closes").into_inner()
}
