//! The layout rules of `terraform fmt` that matter for generated code: indentation by bracket
//! depth (two spaces) and alignment of `=` across consecutive single-line attributes.
//!
//! This is not a parser and not a full formatter: templates are written in canonical style
//! (spacing inside expressions), and this pass fixes what templating disturbs. CI runs the
//! real `terraform fmt -check` over every rendered example to keep it honest.

/// Re-indents and aligns HCL text the way `terraform fmt` would.
pub fn format(src: &str) -> String {
    let mut lines: Vec<Line> = Vec::new();
    // terraform fmt indents one level per line that opens brackets, however many it opens
    // (`type = list(object({` indents its body once); a stack holds each such line's count.
    let mut open: Vec<i32> = Vec::new();
    for raw in src.lines() {
        let text = raw.trim();
        let scan = scan(text);
        close(&mut open, scan.leading_closers);
        let indent = open.len();
        let rest = scan.net + scan.leading_closers;
        if rest > 0 {
            open.push(rest);
        } else {
            close(&mut open, -rest);
        }
        lines.push(Line {
            indent,
            text,
            eq: scan.assign_at,
        });
    }
    // Align `=` over chains of consecutive lines that each hold a whole `key = value`.
    let mut out = String::with_capacity(src.len() + 64);
    let mut i = 0;
    while i < lines.len() {
        if lines[i].eq.is_none() {
            lines[i].write(&mut out, None);
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && lines[i].eq.is_some() {
            i += 1;
        }
        let width = lines[start..i]
            .iter()
            .map(|l| l.indent * 2 + l.key().chars().count())
            .max()
            .unwrap_or(0);
        for l in &lines[start..i] {
            l.write(&mut out, Some(width));
        }
    }
    out
}

/// Closes `n` brackets against the stack of lines that opened them.
fn close(open: &mut Vec<i32>, mut n: i32) {
    while n > 0 {
        let Some(top) = open.last_mut() else { return };
        if n >= *top {
            n -= *top;
            open.pop();
        } else {
            *top -= n;
            n = 0;
        }
    }
}

struct Line<'a> {
    indent: usize,
    text: &'a str,
    eq: Option<usize>,
}

impl Line<'_> {
    fn key(&self) -> &str {
        self.text[..self.eq.expect("assign lines only")].trim_end()
    }

    /// Appends the line, indented, with its `=` at column `width` when it is in a chain.
    fn write(&self, out: &mut String, width: Option<usize>) {
        if self.text.is_empty() {
            out.push('\n');
            return;
        }
        for _ in 0..self.indent {
            out.push_str("  ");
        }
        match (width, self.eq) {
            (Some(w), Some(eq)) => {
                let key = self.key();
                out.push_str(key);
                let pad = w - self.indent * 2 - key.chars().count();
                out.extend(std::iter::repeat_n(' ', pad));
                out.push_str(" = ");
                out.push_str(self.text[eq + 1..].trim_start());
            }
            _ => out.push_str(self.text),
        }
        out.push('\n');
    }
}

struct Scan {
    net: i32,
    leading_closers: i32,
    assign_at: Option<usize>,
}

/// Bracket balance outside strings and comments, and the position of an attribute's `=` when
/// the rest of the line is a whole expression.
fn scan(text: &str) -> Scan {
    let bytes = text.as_bytes();
    let mut net = 0;
    let mut leading_closers = 0;
    let mut seen_other = false;
    let mut in_string = false;
    let mut interp = 0;
    let mut eq = None;
    let mut after_eq = 0;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if in_string {
            match c {
                b'\\' => i += 1,
                b'"' if interp == 0 => in_string = false,
                b'$' | b'%' if bytes.get(i + 1) == Some(&b'{') => {
                    interp += 1;
                    i += 1;
                }
                b'}' if interp > 0 => interp -= 1,
                _ => {}
            }
            i += 1;
            continue;
        }
        match c {
            b'#' => break,
            b'/' if bytes.get(i + 1) == Some(&b'/') => break,
            b'"' => in_string = true,
            b'{' | b'[' | b'(' => {
                net += 1;
                after_eq += 1;
            }
            b'}' | b']' | b')' => {
                net -= 1;
                after_eq -= 1;
                if !seen_other {
                    leading_closers += 1;
                }
            }
            b'=' => {
                let prev = if i > 0 { bytes[i - 1] } else { b' ' };
                let next = bytes.get(i + 1).copied().unwrap_or(b' ');
                let is_assign =
                    !matches!(prev, b'=' | b'!' | b'<' | b'>') && !matches!(next, b'=' | b'>');
                if is_assign && eq.is_none() && net == 0 && i > 0 {
                    eq = Some(i);
                    after_eq = 0;
                }
            }
            _ => {}
        }
        if !c.is_ascii_whitespace() && !matches!(c, b'}' | b']' | b')') {
            seen_other = true;
        }
        i += 1;
    }
    Scan {
        net,
        leading_closers,
        assign_at: eq.filter(|_| after_eq == 0),
    }
}

#[cfg(test)]
mod tests {
    use super::format;

    #[test]
    fn aligns_consecutive_attributes_only() {
        let src = "resource \"a\" \"b\" {\nname = \"x\"\nresource_group_name = \"y\"\n\ntags = {\nk = 1\nlonger = 2\n}\n}\n";
        let want = "resource \"a\" \"b\" {\n  name                = \"x\"\n  resource_group_name = \"y\"\n\n  tags = {\n    k      = 1\n    longer = 2\n  }\n}\n";
        assert_eq!(format(src), want);
    }

    #[test]
    fn ignores_brackets_and_equals_in_strings_and_conditions() {
        let src = "x = \"{[\"\ny = var.a == 1 ? \"=\" : \"}\"\n";
        assert_eq!(format(src), "x = \"{[\"\ny = var.a == 1 ? \"=\" : \"}\"\n");
    }

    #[test]
    fn one_level_per_opening_line() {
        let src = "type = list(object({\nname = string\n}))\nx = concat(a, [\n{\nk = 1\n},\n])\n";
        let want = "type = list(object({\n  name = string\n}))\nx = concat(a, [\n  {\n    k = 1\n  },\n])\n";
        assert_eq!(format(src), want);
    }

    #[test]
    fn multi_line_values_break_the_chain() {
        let src = "a = 1\nbbbb = [\n1,\n]\nc = 2\n";
        assert_eq!(format(src), "a = 1\nbbbb = [\n  1,\n]\nc = 2\n");
    }
}
