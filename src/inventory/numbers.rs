//! Numbers as spreadsheets write them into text: `16384`, `16384.0`, `16,384`, `1.024,5`,
//! `16 384`, `16'384`.
//!
//! Excel saves a CSV file with the separators of the Windows locale: where the list separator
//! is `;` (Germany, France, the Netherlands…) the decimal mark is `,` and `.` or a space groups
//! thousands, so `1.024` is one thousand and twenty-four there and one point zero two four in
//! a `,` file. The table says which convention its file follows; this module only reads one
//! cell. It does not know units (that is `headers::Unit`).

/// The decimal mark a table's numbers use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum DecimalMark {
    /// `1,024.5`: English locales, and every workbook cell that holds a number.
    #[default]
    Point,
    /// `1.024,5`: a CSV file saved with `;` between fields.
    Comma,
}

/// Whether `groups` (the text split at a separator) read as thousands: a first group of one
/// to three digits not starting with 0, then groups of exactly three digits.
fn thousands(groups: &[&str]) -> bool {
    groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && !groups[0].starts_with('0')
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
        && groups[1..].iter().all(|g| g.len() == 3)
}

/// A number of a cell, `None` when the text is not one. Spaces (no-break ones included) and
/// apostrophes group thousands; when both `.` and `,` appear, the last is the decimal mark.
pub(crate) fn parse(text: &str, mark: DecimalMark) -> Option<f64> {
    // Most cells are plain digits: read them without building any text.
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().ok();
    }
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\'' | '\u{2019}'))
        .collect();
    let (sign, digits) = match t.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", t.as_str()),
    };
    let plain = match (digits.rfind('.'), digits.rfind(',')) {
        // Both: the later one is the decimal mark, the other groups thousands.
        (Some(p), Some(c)) => {
            let (group, decimal) = if p > c { (',', '.') } else { ('.', ',') };
            let (int, frac) = digits.rsplit_once(decimal)?;
            if !thousands(&int.split(group).collect::<Vec<_>>()) {
                return None;
            }
            format!("{}.{frac}", int.replace(group, ""))
        }
        (Some(_), None) => {
            let groups: Vec<&str> = digits.split('.').collect();
            // `1.024.000` is grouped anywhere; `1.024` only where `.` is not the decimal mark.
            if thousands(&groups) && (groups.len() > 2 || mark == DecimalMark::Comma) {
                groups.concat()
            } else {
                digits.to_string()
            }
        }
        (None, Some(_)) => {
            let groups: Vec<&str> = digits.split(',').collect();
            if thousands(&groups) && (groups.len() > 2 || mark == DecimalMark::Point) {
                groups.concat()
            } else if groups.len() == 2 {
                digits.replace(',', ".")
            } else {
                return None;
            }
        }
        (None, None) => digits.to_string(),
    };
    format!("{sign}{plain}").parse::<f64>().ok()
}

#[cfg(test)]
mod tests {
    use super::DecimalMark::{Comma, Point};
    use super::parse;

    #[test]
    fn reads_english_numbers() {
        for (text, n) in [
            ("16384", 16384.0),
            ("16384.0", 16384.0),
            ("16,384", 16384.0),
            ("1,024,000.5", 1_024_000.5),
            ("1.024", 1.024),
            ("1,024.5", 1024.5),
            ("2,5", 2.5),
            ("16 384", 16384.0),
            ("16\u{a0}384", 16384.0),
            ("16'384", 16384.0),
            ("1.31072E+05", 131_072.0),
            ("-1", -1.0),
        ] {
            assert_eq!(parse(text, Point), Some(n), "{text}");
        }
    }

    #[test]
    fn reads_numbers_of_a_semicolon_file_with_a_decimal_comma() {
        for (text, n) in [
            ("16384", 16384.0),
            ("16.384", 16384.0),
            ("1.024,5", 1024.5),
            ("12,5", 12.5),
            ("1,024", 1.024),
            ("0,5", 0.5),
            ("12.5", 12.5),
            ("0.500", 0.5),
            ("1.024.000", 1_024_000.0),
            ("16 384,25", 16384.25),
            ("1,31072E+05", 131_072.0),
        ] {
            assert_eq!(parse(text, Comma), Some(n), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_one_number() {
        for text in [
            "lots", "", "4096 MB", "1,2,3", "1.2.3", "12,34.5", "1.2,3,4",
        ] {
            assert_eq!(parse(text, Point), None, "{text}");
            assert_eq!(parse(text, Comma), None, "{text}");
        }
    }
}
