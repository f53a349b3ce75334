//! Writing a value tree as one Bicep or HCL literal into one buffer, straight from whichever
//! tree holds it: the model's `serde_json` values or the `tera` values a template hands to the
//! `bicep_value` / `hcl_value` filters.
//!
//! A parameter can be the 16,000 virtual machines of an inventory: copying it into another
//! tree before writing, or building each nested literal as its own string and copying it into
//! its parent's, costs more than the writing itself. Not the escaping of strings and keys:
//! that is [`super::escape`]'s, and this writes exactly the text its functions always wrote.

use std::borrow::Cow;

use serde_json::Value as Json;

use super::escape::{bicep_string, hcl_string, is_identifier};

/// One node of a value tree, as the writers see it.
pub(crate) enum Node<'a, T> {
    /// `null`, a boolean or a number, already spelt as both languages spell it.
    Plain(String),
    /// A string, to be quoted and escaped.
    Str(&'a str),
    /// A list.
    List(&'a [T]),
    /// A map, in its order.
    Map(Vec<(Cow<'a, str>, &'a T)>),
    /// A node of another kind, as JSON (the same text as a conversion of the whole tree).
    Json(Json),
}

/// A tree the writers can walk without copying it.
pub(crate) trait Tree: Sized {
    /// This node.
    fn node(&self) -> Node<'_, Self>;
    /// Whether it is a list or a map (HCL keeps lists of anything else on one line).
    fn is_container(&self) -> bool;
}

impl Tree for Json {
    fn node(&self) -> Node<'_, Self> {
        match self {
            Json::Null => Node::Plain("null".into()),
            Json::Bool(b) => Node::Plain(b.to_string()),
            Json::Number(n) => Node::Plain(n.to_string()),
            Json::String(s) => Node::Str(s),
            Json::Array(a) => Node::List(a),
            Json::Object(m) => {
                Node::Map(m.iter().map(|(k, v)| (Cow::from(k.as_str()), v)).collect())
            }
        }
    }

    fn is_container(&self) -> bool {
        self.is_array() || self.is_object()
    }
}

impl Tree for tera::Value {
    fn node(&self) -> Node<'_, Self> {
        if let Some(s) = self.as_str() {
            Node::Str(s)
        } else if let Some(a) = self.as_array() {
            Node::List(a)
        } else if let Some(m) = self.as_map() {
            Node::Map(
                m.iter()
                    .map(|(k, v)| {
                        let key = match k.as_str() {
                            Some(s) => Cow::from(s),
                            None => Cow::from(k.to_string()),
                        };
                        (key, v)
                    })
                    .collect(),
            )
        } else {
            // null, booleans, numbers and bytes: the scalar through the same conversion to
            // JSON that the filters always made of the whole value.
            Node::Json(serde_json::to_value(self).unwrap_or(Json::Null))
        }
    }

    fn is_container(&self) -> bool {
        self.is_array() || self.is_map()
    }
}

/// `v` as a Bicep expression, nested lines indented by two spaces from `indent` levels.
pub(crate) fn bicep<T: Tree>(v: &T, indent: usize) -> String {
    let mut out = String::new();
    write_bicep(&mut out, v, indent);
    out
}

/// `v` as an HCL expression, nested lines indented by two spaces from `indent` levels.
pub(crate) fn hcl<T: Tree>(v: &T, indent: usize) -> String {
    let mut out = String::new();
    write_hcl(&mut out, v, indent);
    out
}

fn pad(out: &mut String, levels: usize) {
    for _ in 0..levels {
        out.push_str("  ");
    }
}

fn write_bicep<T: Tree>(out: &mut String, v: &T, indent: usize) {
    match v.node() {
        Node::Plain(text) => out.push_str(&text),
        Node::Str(s) => out.push_str(&bicep_string(s)),
        Node::Json(j) => write_bicep(out, &j, indent),
        Node::List([]) => out.push_str("[]"),
        Node::Map(m) if m.is_empty() => out.push_str("{}"),
        Node::List(a) => {
            out.push_str("[\n");
            for x in a {
                pad(out, indent + 1);
                write_bicep(out, x, indent + 1);
                out.push('\n');
            }
            pad(out, indent);
            out.push(']');
        }
        Node::Map(m) => {
            out.push_str("{\n");
            for (k, x) in m {
                pad(out, indent + 1);
                if is_identifier(&k, false) {
                    out.push_str(&k);
                } else {
                    out.push_str(&bicep_string(&k));
                }
                out.push_str(": ");
                write_bicep(out, x, indent + 1);
                out.push('\n');
            }
            pad(out, indent);
            out.push('}');
        }
    }
}

fn write_hcl<T: Tree>(out: &mut String, v: &T, indent: usize) {
    match v.node() {
        Node::Plain(text) => out.push_str(&text),
        Node::Str(s) => out.push_str(&hcl_string(s)),
        Node::Json(j) => write_hcl(out, &j, indent),
        Node::List([]) => out.push_str("[]"),
        Node::Map(m) if m.is_empty() => out.push_str("{}"),
        Node::List(a) if a.iter().all(|x| !x.is_container()) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_hcl(out, x, indent);
            }
            out.push(']');
        }
        Node::List(a) => {
            out.push_str("[\n");
            for x in a {
                pad(out, indent + 1);
                write_hcl(out, x, indent + 1);
                out.push_str(",\n");
            }
            pad(out, indent);
            out.push(']');
        }
        Node::Map(m) => {
            out.push_str("{\n");
            for (k, x) in m {
                pad(out, indent + 1);
                if is_identifier(&k, true) {
                    out.push_str(&k);
                } else {
                    out.push_str(&hcl_string(&k));
                }
                out.push_str(" = ");
                write_hcl(out, x, indent + 1);
                out.push('\n');
            }
            pad(out, indent);
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Every kind of node, keys that need quoting, and text that needs escaping.
    fn sample() -> Json {
        json!({
            "a": [1, 2.5, -3, true, null, "x'y"],
            "cost-center": {"x": true, "b c": "${x} %{y}", "": []},
            "list": [{"k": 1}, [], {}, ["z"]],
            "empty": {},
            "n": 18446744073709551615u64,
        })
    }

    #[test]
    fn a_tera_value_writes_as_its_json_conversion_does() {
        let json = sample();
        let tera = tera::Value::from_serializable(&json);
        let converted = serde_json::to_value(&tera).unwrap();
        for indent in [0, 2] {
            assert_eq!(bicep(&tera, indent), bicep(&converted, indent));
            assert_eq!(hcl(&tera, indent), hcl(&converted, indent));
        }
    }

    #[test]
    fn nested_literals_indent_and_quote() {
        let v = json!({"a": [1, 2], "cost-center": {"x": true}, "l": [{"b": "q\""}]});
        assert_eq!(
            bicep(&v, 0),
            "{\n  a: [\n    1\n    2\n  ]\n  'cost-center': {\n    x: true\n  }\n  l: [\n    {\n      b: 'q\"'\n    }\n  ]\n}"
        );
        assert_eq!(
            hcl(&v, 1),
            "{\n    a = [1, 2]\n    cost-center = {\n      x = true\n    }\n    l = [\n      {\n        b = \"q\\\"\"\n      },\n    ]\n  }"
        );
    }
}
