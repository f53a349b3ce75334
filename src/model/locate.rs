//! The one place where a diagnostic's key path becomes a position in the inputs.
//!
//! Checks say which value they are about as data ([`crate::error::KeyPath`]: a JSON Pointer,
//! into one environment's settings or into the merged values); they never see the files. Here,
//! where the model holds the [`Values`], each key path is turned into `file:line:column` (or
//! the `--set` argument) through [`Values::origin`], which knows which layer wrote the value,
//! and diagnostics that differ only in place are grouped. This module decides nothing about
//! what is wrong: it only says where.

use crate::error::{Diagnostic, Error, KeyPath, Position, group};
use crate::input::values::{Origin, Values};

/// Locates every diagnostic of an input error and groups the repeated ones; other errors
/// pass through unchanged.
pub(crate) fn locate_error(values: &Values, e: Error) -> Error {
    match e {
        Error::Input(ds) => {
            Error::Input(group(ds.into_iter().map(|d| locate(values, d)).collect()))
        }
        other => other,
    }
}

/// Marks diagnostics of one environment's checks as being about that environment's settings.
pub(crate) fn in_env(env: &str, ds: &mut [Diagnostic]) {
    for d in ds {
        if let Some(k) = d.key.as_deref_mut().filter(|k| k.env.is_none()) {
            k.env = Some(env.to_string());
        }
    }
}

/// Gives a diagnostic with a key path and no location its location and position.
fn locate(values: &Values, mut d: Diagnostic) -> Diagnostic {
    let Some(key) = &d.key else { return d };
    if d.location.is_some() {
        return d;
    }
    let pointer = input_pointer(values, key.env.as_deref(), &key.pointer);
    let at = values.locate(&pointer);
    d.location = Some(match &key.env {
        Some(env) => format!("{at} (environment {env})"),
        None => at,
    });
    d.position = values.origin(&pointer).map(|o| {
        Box::new(match o {
            Origin::File { path, line, column } => Position::File {
                path: path.clone(),
                line: *line,
                column: *column,
            },
            Origin::Set(arg) => Position::Set(arg.clone()),
        })
    });
    d
}

/// The pointer into the merged values where a key of an environment's settings is written:
/// in the environment's own block when it is set there, else where the landing zone sets it
/// for every environment.
pub(crate) fn input_pointer(values: &Values, env: Option<&str>, pointer: &str) -> String {
    let Some(env) = env else {
        return pointer.to_string();
    };
    let env_ptr = format!(
        "/environments/{}{pointer}",
        crate::input::values::pointer_token(env)
    );
    if values.merged.pointer(&env_ptr).is_some() {
        env_ptr
    } else {
        pointer.to_string()
    }
}

/// Where the value at a key path was written (`file:line:column`, or `--set key=value`), or
/// `None` when the inputs do not hold it (a value the model derived, such as a spoke range
/// taken from the pool).
pub(crate) fn written_at(values: &Values, key: &KeyPath) -> Option<String> {
    let pointer = input_pointer(values, key.env.as_deref(), &key.pointer);
    values.merged.pointer(&pointer)?;
    values.origin(&pointer).map(ToString::to_string)
}
