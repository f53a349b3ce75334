//! The rows of the README's table of migrated servers: one per server an inventory brings, each
//! with its environment, VM, inventory row, spoke and subnet, size and why it has that size.
//!
//! Written here rather than by a loop in `_readme-inventory.md.tera`: at Azure Migrate's import
//! limit (20,000 servers) the servers as template maps (`env.migrated`) were 17 MB of a render's
//! 146 MB heap at its peak; the rows as one text are 4 MB. Every cell passes through
//! [`markdown`], the escape function the template's autoescape applies, so the table is what the
//! template printed. Not here: the table's header and the prose around it, which stay in the
//! template.

use std::fmt::Write as _;

use crate::model::LandingZone;
use crate::render::escape::markdown;

/// The rows of every environment, in environment then VM-name order, each after a line break.
pub(crate) fn rows(lz: &LandingZone) -> String {
    let mut out = String::new();
    for env in &lz.environments {
        let environment = markdown(&env.name);
        for m in &env.migrated {
            // `| prod | `vm` | server (file:row) | `spoke` / `subnet` | `size` | reason |`
            let _ = write!(
                out,
                "\n| {environment} | `{}` | {} ({}) | `{}` / `{}` | `{}` | {} |",
                markdown(&m.name),
                markdown(&m.server),
                markdown(&m.origin),
                markdown(&m.spoke),
                markdown(&m.subnet),
                markdown(&m.size),
                markdown(&m.reason),
            );
        }
    }
    out
}
