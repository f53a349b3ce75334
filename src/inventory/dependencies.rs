//! Azure Migrate dependency analysis exports: one row per connection seen between two
//! machines (`Source server name, Source IP, Source application, Source process, Destination
//! server name, Destination IP, Destination application, Destination process, Destination
//! port`, with a leading `Time slot` in the agentless export).
//!
//! The export repeats a connection once per time slot; this reader keeps each connection once
//! (by its two ends and port), in file order. It does not know which machines are servers of
//! the inventory: `waves` matches the ends to servers by name, then by address.

use std::collections::HashSet;

use super::rows::Recognised;
use crate::error::Diagnostic;

/// One end of a connection, as the export names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// The machine's name, when the export knows it.
    pub name: Option<String>,
    /// Its address.
    pub ip: Option<String>,
    /// The application the export saw on it (`SQL Server`), for messages.
    pub application: Option<String>,
}

impl Endpoint {
    /// How messages name it: `sql-old (10.0.0.9, SQL Server)`.
    pub fn label(&self) -> String {
        let mut extra: Vec<&str> = Vec::new();
        if self.name.is_some() {
            extra.extend(self.ip.as_deref());
        }
        extra.extend(self.application.as_deref());
        let main = self
            .name
            .as_deref()
            .or(self.ip.as_deref())
            .unwrap_or("(unnamed)");
        if extra.is_empty() {
            main.to_string()
        } else {
            format!("{main} ({})", extra.join(", "))
        }
    }
}

/// A connection: the source depends on the destination.
#[derive(Debug, Clone)]
pub struct Dependency {
    /// The machine that opens the connection.
    pub source: Endpoint,
    /// The machine it connects to.
    pub destination: Endpoint,
    /// The destination port, when given.
    pub port: Option<u16>,
    /// `file:row` of its first row.
    pub origin: String,
}

/// The connections of every dependency table, each once.
pub(crate) fn read(tables: &[Recognised]) -> Result<Vec<Dependency>, Vec<Diagnostic>> {
    let mut out = Vec::new();
    let mut seen: HashSet<(String, String, Option<u16>)> = HashSet::new();
    let mut problems = Vec::new();
    for r in tables {
        let c = |k| r.columns.find(k);
        let (src_name, src_ip, src_app) = (
            r.col("source server"),
            c("source ip"),
            c("source application"),
        );
        let (dst_name, dst_ip, dst_app) = (
            r.col("destination server"),
            c("destination ip"),
            c("destination application"),
        );
        let port = r.col("destination port");
        for row in r.rows() {
            let end = |name, ip: Option<&_>, app: Option<&_>| Endpoint {
                name: row.text(Some(name)),
                ip: row.text(ip),
                application: row.text(app),
            };
            let source = end(&src_name, src_ip.as_ref(), src_app.as_ref());
            let destination = end(&dst_name, dst_ip.as_ref(), dst_app.as_ref());
            let mut bad = false;
            for (e, col) in [(&source, &src_name), (&destination, &dst_name)] {
                if e.name.is_none() && e.ip.is_none() {
                    problems.push(
                        row.bad(col, "is empty, and so is the address beside it")
                            .hint("every connection names both machines, by name or address; fill it in or remove the row"),
                    );
                    bad = true;
                }
            }
            let port_value = match row.text(Some(&port)) {
                None => None,
                Some(t) => match t.parse::<u16>() {
                    Ok(p) => Some(p),
                    Err(_) => {
                        problems.push(
                            row.bad(&port, format!("'{t}' is not a port"))
                                .hint("a port is a whole number from 0 to 65535"),
                        );
                        bad = true;
                        None
                    }
                },
            };
            if bad {
                continue;
            }
            let key = |e: &Endpoint| {
                e.name
                    .as_deref()
                    .or(e.ip.as_deref())
                    .unwrap_or_default()
                    .to_lowercase()
            };
            if seen.insert((key(&source), key(&destination), port_value)) {
                out.push(Dependency {
                    source,
                    destination,
                    port: port_value,
                    origin: row.origin(),
                });
            }
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}
