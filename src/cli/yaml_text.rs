//! YAML text for people: the defaults `meg show` prints and the starter file `meg init` writes.

use serde_json::Value;

/// A JSON value as YAML lines (plain scalars quoted where YAML would misread them).
pub fn yaml_lines(v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    emit_yaml(v, 0, &mut out);
    out
}

pub(super) fn emit_yaml(v: &Value, indent: usize, out: &mut Vec<String>) {
    let pad = "  ".repeat(indent);
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match x {
                    Value::Object(inner) if !inner.is_empty() => {
                        out.push(format!("{pad}{}:", yaml_scalar(&Value::String(k.clone()))));
                        emit_yaml(x, indent + 1, out);
                    }
                    Value::Array(items) if !items.is_empty() => {
                        out.push(format!("{pad}{}:", yaml_scalar(&Value::String(k.clone()))));
                        emit_yaml(x, indent + 1, out);
                    }
                    _ => out.push(format!(
                        "{pad}{}: {}",
                        yaml_scalar(&Value::String(k.clone())),
                        yaml_scalar(x)
                    )),
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                match item {
                    Value::Object(m) if !m.is_empty() => {
                        let mut sub = Vec::new();
                        emit_yaml(item, indent + 1, &mut sub);
                        if let Some(first) = sub.first_mut() {
                            *first = format!("{pad}- {}", first.trim_start());
                        }
                        out.extend(sub);
                    }
                    _ => out.push(format!("{pad}- {}", yaml_scalar(item))),
                }
            }
        }
        other => out.push(format!("{pad}{}", yaml_scalar(other))),
    }
}

pub(super) fn yaml_scalar(v: &Value) -> String {
    match v {
        Value::String(s) => {
            let plain = !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
                && !s.starts_with(['-', '.'])
                && s.parse::<f64>().is_err()
                && !matches!(
                    s.to_ascii_lowercase().as_str(),
                    "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n" | "~"
                );
            if plain {
                s.clone()
            } else {
                serde_json::to_string(s).expect("json string")
            }
        }
        Value::Array(a) if a.is_empty() => "[]".into(),
        Value::Object(m) if m.is_empty() => "{}".into(),
        other => other.to_string(),
    }
}
