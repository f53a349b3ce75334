//! `meg validate`: resolve and render in memory, write nothing.

use serde_json::{Value, json};

use crate::error::{EXIT_OK, Error, Result};
use crate::request::Inputs;
use crate::session::Session;

use super::console::Output;

pub(super) fn run(session: &Session, input: &Inputs, json: bool, out: &Output) -> Result<i32> {
    match session.render(input) {
        Ok(r) => {
            let envs: Vec<&str> = r.lz.environments.iter().map(|e| e.name.as_str()).collect();
            if json {
                let v = json!({"valid": true, "name": r.lz.name, "strategy": r.lz.strategy, "environments": envs, "files": r.files.len()});
                println!("{}", serde_json::to_string_pretty(&v).expect("json"));
            } else {
                out.say(format!(
                    "ok: {} ({}, environments: {}) renders {} files",
                    r.lz.name,
                    r.lz.strategy,
                    envs.join(", "),
                    r.files.len()
                ));
            }
            Ok(EXIT_OK)
        }
        Err(e @ Error::Input(_)) if json => {
            let mut v = super::json_errors::errors_json(&e);
            v["valid"] = Value::Bool(false);
            println!("{}", serde_json::to_string_pretty(&v).expect("json"));
            Ok(e.exit_code())
        }
        Err(e) => Err(e),
    }
}
