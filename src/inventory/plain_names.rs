//! Server names of an export are text meg prints to a terminal (`meg inventory`, `meg diff`)
//! and writes into scripts, runbooks and `.meg/waves.json`: a name holding a control character
//! (an escape sequence that retitles the terminal or rewrites what is shown, a line break that
//! starts a line of its own) is refused where it was read. Not here: which characters a VM
//! name may hold (`enrol::server_vms` checks the name derived from it).

use crate::error::Diagnostic;
use crate::inventory::server::Server;

/// One error per server whose name holds a control character, located at its row.
pub(crate) fn control_characters(servers: &[Server]) -> Vec<Diagnostic> {
    servers
        .iter()
        .filter(|s| s.name.chars().any(char::is_control))
        .map(|s| {
            Diagnostic::at(
                s.origin.clone(),
                format!(
                    "server name \"{}\" holds a control character",
                    s.name.chars().take(80).collect::<String>().escape_debug()
                ),
            )
            .hint("correct the name in the export: a server name is printable text")
        })
        .collect()
}
