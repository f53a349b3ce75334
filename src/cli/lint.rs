//! `meg lint`: the catalog's WAF/CAF rules on the resolved landing zone.

use crate::error::{EXIT_OK, Result};
use crate::request::Inputs;
use crate::session::Session;

use super::console::Output;

pub(super) fn run(session: &Session, input: &Inputs, json: bool, out: &Output) -> Result<i32> {
    let (values, lz) = session.resolve(input)?;
    let rules = crate::model::lint::rules(&session.catalog)?;
    let report = crate::model::lint::lint(&lz, &rules, &values.merged)?;
    let errors = report
        .findings
        .iter()
        .filter(|f| f.severity == crate::model::lint::Severity::Error)
        .count();
    if json {
        println!("{}", serde_json::to_string_pretty(&report).expect("json"));
    } else {
        if out.verbose && !out.quiet {
            for line in super::decisions::lines(&lz, None) {
                println!("{line}");
            }
            let ids: Vec<&str> = rules.iter().map(|r| r.id.as_str()).collect();
            println!("rules checked: {}", ids.join(", "));
        }
        let mut pillar = "";
        for f in &report.findings {
            if f.pillar != pillar {
                pillar = &f.pillar;
                println!("\n{pillar}");
            }
            let sev = format!("{:?}", f.severity).to_lowercase();
            let what = if f.subjects.is_empty() {
                String::new()
            } else {
                format!(" ({})", f.subjects.join(", "))
            };
            let whose = match &f.hub {
                Some(hub) => format!("hub {hub}"),
                None => f.environment.clone(),
            };
            println!("  {sev:7} {} [{whose}] not met: {}{what}", f.rule, f.title);
            if let Some(key) = super::lint_key::line(&values, f) {
                println!("          key: {key}");
            }
            println!("          fix: {}", f.hint);
        }
        out.say(format!(
            "\n{} rule(s), {} check(s) passed, {} finding(s), {} error(s)",
            report.rules,
            report.passed,
            report.findings.len(),
            errors
        ));
    }
    Ok(if errors > 0 {
        crate::error::EXIT_DIFFERENCES
    } else {
        EXIT_OK
    })
}
