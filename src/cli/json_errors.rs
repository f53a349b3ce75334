//! Errors as JSON, for every command that takes `--json`: `{"errors":[...]}` on standard
//! output, each error with its message, file, line, column, key path and hint, so that a CI
//! job or an editor reads them without parsing text. The exit codes are those of the text
//! form. This module only shapes errors; it decides neither what is wrong nor where.

use serde_json::{Value, json};

use crate::error::{Diagnostic, Error, Place, Position};

/// The JSON form of an error: one entry per diagnostic of an input error, else one entry with
/// the error's text.
pub(crate) fn errors_json(e: &Error) -> Value {
    let errors: Vec<Value> = match e {
        Error::Input(ds) => ds.iter().map(diagnostic).collect(),
        other => {
            let text = other.to_string();
            let text = text.strip_prefix("error: ").unwrap_or(&text);
            vec![json!({
                "message": text,
                "file": Value::Null,
                "line": Value::Null,
                "column": Value::Null,
                "keyPath": Value::Null,
                "hint": Value::Null,
            })]
        }
    };
    json!({ "errors": errors })
}

fn diagnostic(d: &Diagnostic) -> Value {
    let mut v = place(&d.place());
    v["message"] = json!(d.message);
    v["hint"] = json!(d.hint);
    if !d.also.is_empty() {
        v["alsoAt"] = Value::Array(d.also.iter().map(place).collect());
    }
    v
}

/// The location fields of one place: `file`/`line`/`column` when the value was written in a
/// file, `set` when it came from `--set`, and the key path (dotted, with its environment).
fn place(p: &Place) -> Value {
    let (file, line, column, set) = match p.position.as_deref() {
        Some(Position::File { path, line, column }) => {
            (json!(path), json!(line), json!(column), Value::Null)
        }
        Some(Position::Set(arg)) => (Value::Null, Value::Null, Value::Null, json!(arg)),
        None => (Value::Null, Value::Null, Value::Null, Value::Null),
    };
    let mut v = json!({
        "location": p.location,
        "file": file,
        "line": line,
        "column": column,
        "keyPath": p.key.as_ref().map(|k| crate::input::values::key_path(&k.pointer)),
        "pointer": p.key.as_ref().map(|k| k.pointer.clone()),
        "environment": p.key.as_ref().and_then(|k| k.env.clone()),
    });
    if !set.is_null() {
        v["set"] = set;
    }
    v
}
