//! The README's table of migrated servers, whose rows meg writes in Rust rather than through
//! the template (`src/render/readme/migrated.rs`): each cell is escaped as the template escapes
//! a value, so an inventory's text cannot break the table or start Markdown of its own.

mod common;

use common::Meg;

#[test]
fn each_migrated_server_is_one_escaped_row_of_the_readme_table() {
    let meg = Meg::new();
    // A server name with a table separator, emphasis and a link: inventory text, not Markdown.
    meg.write(
        "exports/servers.csv",
        "*Server name,IP addresses,*Cores,*Memory (In MB),*OS name,Environment\n\
         \"WEB|01*[x]\",10.1.0.4,4,16384,Windows Server 2019,prod\n\
         dev01,10.1.1.4,8,65536,Ubuntu 22.04,dev\n",
    );
    meg.write(
        "lz.yaml",
        "name: northwind
strategy: rehost
location: westeurope
migration:
  inventory:
    files: [exports/servers.csv]
    placement:
      - {cidr: 10.1.0.0/16, spoke: orders, subnet: workload}
environments:
  dev:
    network:
      hub: {addressSpace: 10.80.0.0/22}
      spokes: [{name: orders, addressSpace: 10.81.0.0/24}]
    migration: {enabled: true}
  prod:
    network:
      hub: {addressSpace: 10.90.0.0/22}
      spokes: [{name: orders, addressSpace: 10.91.0.0/24}]
    migration: {enabled: true}
",
    );
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    let readme = meg.read("out/README.md");
    let rows: Vec<&str> = readme
        .lines()
        .skip_while(|l| !l.starts_with("| Environment | VM | Server (inventory row)"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .collect();
    // Environments in order, each environment's VMs by name; one row per server.
    assert_eq!(rows.len(), 2, "{readme}");
    assert!(
        rows[0].starts_with("| dev | `dev01` | dev01 (exports/servers.csv:3) | `orders` / `workload` | `Standard_E8s_v5` | "),
        "{}",
        rows[0]
    );
    // The name's `|`, `*`, `[` and `]` are escaped: the row keeps its seven cells.
    assert!(
        rows[1].contains(r"| WEB\|01\*\[x\] (exports/servers.csv:2) |"),
        "{}",
        rows[1]
    );
    let separators = rows[1].replace(r"\|", "").matches('|').count();
    assert_eq!(separators, 7, "{}", rows[1]);
}
