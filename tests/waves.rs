//! Migration waves through the real binary: `meg inventory` derives them from a dependency
//! export, takes a wave column and `migration.waves` as given, shows why each server is where
//! it is, and refuses bad declarations at their line with nothing written. Every file is
//! written by the test itself.

mod common;

use common::Meg;
use serde_json::Value;

const SERVERS: &str = "\
*Server name,IP addresses,*Cores,*Memory (In MB),*OS name,Environment
web01,10.1.0.11,2,4096,Ubuntu,prod
web02,10.1.0.12,2,4096,Ubuntu,prod
app01,10.1.0.21,2,4096,Ubuntu,prod
db01,10.1.0.31,2,4096,Ubuntu,prod
devapp01,10.1.1.21,2,4096,Ubuntu,dev
";

/// Azure Migrate's agentless dependency export, a connection repeated per time slot, one
/// machine that is not in the inventory, and one end known only by its address.
const DEPENDENCIES: &str = "\
Time slot,Source server name,Source IP,Source application,Source process,Destination server name,Destination IP,Destination application,Destination process,Destination port
09:00,web01,10.1.0.11,IIS,w3wp,web02,10.1.0.12,IIS,w3wp,6379
09:00,web02,10.1.0.12,IIS,w3wp,web01,10.1.0.11,IIS,w3wp,6379
09:00,web01,10.1.0.11,IIS,w3wp,app01,10.1.0.21,API,java,8443
10:00,web01,10.1.0.11,IIS,w3wp,app01,10.1.0.21,API,java,8443
09:00,,10.1.0.21,API,java,db01,10.1.0.31,SQL Server,sqlservr,1433
09:00,app01,10.1.0.21,API,java,dc01,10.9.0.10,Active Directory,lsass,389
";

fn landing_zone(migration: &str) -> String {
    format!(
        "name: northwind
strategy: rehost
location: westeurope
migration:
  inventory:
    files: [servers.csv, deps.csv]
    placement:
      - cidr: 10.1.0.0/16
        spoke: orders
        subnet: workload
{migration}environments:
  dev:
    network:
      hub:
        addressSpace: 10.80.0.0/22
      spokes:
        - name: orders
          addressSpace: 10.81.0.0/24
    migration:
      enabled: true
  prod:
    network:
      hub:
        addressSpace: 10.90.0.0/22
      spokes:
        - name: orders
          addressSpace: 10.91.0.0/24
    migration:
      enabled: true
"
    )
}

/// The 1-based line of the first line of `text` that contains `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle} not in {text}"))
        + 1
}

fn json(meg: &Meg, args: &[&str]) -> Value {
    serde_json::from_str(&meg.run(args).ok().stdout()).expect("meg inventory --json prints JSON")
}

fn waves(v: &Value) -> Vec<(String, Vec<String>)> {
    v["waves"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["name"].as_str().unwrap().to_string(),
                w["servers"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect()
}

fn owned(list: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
    list.iter()
        .map(|(w, s)| (w.to_string(), s.iter().map(|x| x.to_string()).collect()))
        .collect()
}

fn server<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["servers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no server {name} in {v:#}"))
}

#[test]
fn a_dependency_export_is_recognised_and_derives_the_waves() {
    let meg = Meg::new();
    meg.write("servers.csv", SERVERS);
    meg.write("deps.csv", DEPENDENCIES);
    meg.write("lz.yaml", &landing_zone("  waveSize: 2\n"));
    let v = json(&meg, &["inventory", "lz.yaml", "--json"]);
    assert_eq!(
        waves(&v),
        owned(&[
            ("dev-wave-1", &["devapp01"]),
            ("prod-wave-1", &["db01", "app01"]),
            ("prod-wave-2", &["web01", "web02"]),
        ]),
        "dev first; what is depended on first; the pair that calls each other together"
    );
    let first = &v["waves"][1];
    assert_eq!(first["order"], 2);
    assert_eq!(first["size"], 2);
    assert_eq!(first["environment"], "prod");
    assert_eq!(first["sources"], serde_json::json!(["dependency"]));
    let web = server(&v, "web01");
    assert_eq!(web["wave"], "prod-wave-2");
    assert_eq!(web["waveReason"]["source"], "dependency");
    assert_eq!(
        web["waveReason"]["detail"],
        "moves with web02 (they call each other); after app01, which it depends on"
    );
    let warnings = v["warnings"].to_string();
    assert!(
        warnings.contains("dc01 (10.9.0.10, Active Directory) port 389 used by app01 (deps.csv:7)"),
        "{warnings}"
    );

    let text = meg.run(&["inventory", "lz.yaml"]).ok().stdout();
    assert!(text.contains("waves, in the order they run:"), "{text}");
    assert!(
        text.contains("  3. prod-wave-2  prod  2 servers (dependency)  web01, web02"),
        "{text}"
    );
    assert!(
        text.contains("    wave by dependency: after db01, which it depends on"),
        "{text}"
    );
}

#[test]
fn a_wave_column_and_declared_waves_win_over_dependencies() {
    let meg = Meg::new();
    meg.write(
        "servers.csv",
        &SERVERS
            .replace("Environment\n", "Environment,Wave Number\n")
            .replace("Ubuntu,prod\n", "Ubuntu,prod,\n")
            .replace(
                "db01,10.1.0.31,2,4096,Ubuntu,prod,",
                "db01,10.1.0.31,2,4096,Ubuntu,prod,Wave 10",
            )
            .replace(
                "app01,10.1.0.21,2,4096,Ubuntu,prod,",
                "app01,10.1.0.21,2,4096,Ubuntu,prod,2",
            )
            .replace(
                "devapp01,10.1.1.21,2,4096,Ubuntu,dev\n",
                "devapp01,10.1.1.21,2,4096,Ubuntu,dev,\n",
            ),
    );
    meg.write("deps.csv", DEPENDENCIES);
    let lz = landing_zone("  waves:\n    - name: pilot\n      servers: [\"web*\"]\n");
    meg.write("lz.yaml", &lz);
    let v = json(&meg, &["inventory", "lz.yaml", "--json"]);
    assert_eq!(
        waves(&v),
        owned(&[
            ("dev-wave-1", &["devapp01"]),
            ("pilot", &["web01", "web02"]),
            ("prod-wave-2", &["app01"]),
            ("prod-wave-10", &["db01"]),
        ]),
        "declared first, then the column's waves by number"
    );
    assert_eq!(server(&v, "web02")["waveReason"]["source"], "declared");
    let line = line_of(&lz, "\"web*\"");
    assert!(
        server(&v, "web02")["waveReason"]["detail"]
            .as_str()
            .unwrap()
            .contains(&format!("lz.yaml:{line}:")),
        "{v:#}"
    );
    assert_eq!(server(&v, "db01")["waveReason"]["source"], "column");
    // The explicit waves contradict the dependencies: each is named, both servers in it.
    let warnings = v["warnings"].to_string();
    assert!(
        warnings.contains("'web01' (wave 'pilot', declared) depends on 'app01', which moves later (wave 'prod-wave-2', column)"),
        "{warnings}"
    );
    assert!(
        warnings.contains("'app01' (wave 'prod-wave-2', column) depends on 'db01', which moves later (wave 'prod-wave-10', column)"),
        "{warnings}"
    );
}

#[test]
fn a_server_named_twice_in_migration_waves_is_an_error_at_its_line_and_nothing_is_written() {
    let meg = Meg::new();
    meg.write("servers.csv", SERVERS);
    meg.write("deps.csv", DEPENDENCIES);
    let lz = landing_zone(
        "  waves:\n    - name: pilot\n      servers: [web01, app01]\n    - name: second\n      servers:\n        - db01\n        - WEB01\n",
    );
    meg.write("lz.yaml", &lz);
    for cmd in [
        &["inventory", "lz.yaml"][..],
        &["render", "lz.yaml", "-o", "out"],
    ] {
        let err = meg.run(cmd).bad_input().stderr();
        // Each item of a list of names is located where it is written.
        let line = lz.lines().position(|l| l == "        - WEB01").unwrap() + 1;
        assert!(
            err.contains(&format!(
                "lz.yaml:{line}:11: migration.waves[1].servers[1]: "
            )),
            "the second naming, at its own line {line}: {err}"
        );
        assert!(
            err.contains("server 'WEB01' is named twice in migration.waves: here in wave 'second', and in wave 'pilot' at lz.yaml:"),
            "{err}"
        );
    }
    assert!(!meg.path("out").exists(), "nothing is written");
}

#[test]
fn a_wave_name_that_is_not_lower_case_letters_digits_and_hyphens_is_an_error_at_its_line() {
    let meg = Meg::new();
    meg.write("servers.csv", SERVERS);
    meg.write("deps.csv", DEPENDENCIES);
    let lz = landing_zone("  waves:\n    - name: Pilot_1\n      servers: [web01]\n");
    meg.write("lz.yaml", &lz);
    for cmd in [
        &["inventory", "lz.yaml"][..],
        &["render", "lz.yaml", "-o", "out"],
    ] {
        let err = meg.run(cmd).bad_input().stderr();
        let line = line_of(&lz, "Pilot_1");
        assert!(err.contains(&format!("lz.yaml:{line}:")), "{err}");
        assert!(err.contains("migration.waves[0].name"), "{err}");
    }
    assert!(!meg.path("out").exists(), "nothing is written");
}

#[test]
fn a_declared_server_no_inventory_lists_is_an_error_with_a_suggestion() {
    let meg = Meg::new();
    meg.write("servers.csv", SERVERS);
    meg.write("deps.csv", DEPENDENCIES);
    let lz = landing_zone("  waves:\n    - name: pilot\n      servers: [web1]\n");
    meg.write("lz.yaml", &lz);
    let err = meg.run(&["inventory", "lz.yaml"]).bad_input().stderr();
    let line = line_of(&lz, "[web1]");
    assert!(err.contains(&format!("lz.yaml:{line}:")), "{err}");
    assert!(
        err.contains("wave 'pilot' names server 'web1', which no inventory file lists"),
        "{err}"
    );
    assert!(err.contains("did you mean 'web01'?"), "{err}");
}

#[test]
fn waves_belong_at_the_top_level_and_need_an_inventory() {
    let meg = Meg::new();
    meg.write("servers.csv", SERVERS);
    meg.write("deps.csv", DEPENDENCIES);
    let lz = landing_zone("").replace(
        "    migration:\n      enabled: true\n  prod:",
        "    migration:\n      enabled: true\n      waveSize: 5\n  prod:",
    );
    meg.write("lz.yaml", &lz);
    let err = meg.run(&["inventory", "lz.yaml"]).bad_input().stderr();
    assert!(
        err.contains(&format!("lz.yaml:{}:", line_of(&lz, "waveSize"))),
        "{err}"
    );
    assert!(err.contains("belong at the top level"), "{err}");
}

#[test]
fn a_dependency_export_with_unknown_columns_or_a_bad_port_is_refused_where_it_is() {
    let meg = Meg::new();
    meg.write("servers.csv", SERVERS);
    meg.write("deps.csv", "Source,Target,Port\nweb01,app01,8443\n");
    meg.write("lz.yaml", &landing_zone(""));
    let err = meg.run(&["inventory", "lz.yaml"]).bad_input().stderr();
    assert!(
        err.contains("deps.csv: not an inventory meg knows"),
        "{err}"
    );
    assert!(err.contains("headers found: Source, Target, Port"), "{err}");
    assert!(err.contains("Azure Migrate dependency analysis"), "{err}");

    meg.write(
        "deps.csv",
        &format!(
            "{DEPENDENCIES}11:00,web01,10.1.0.11,IIS,w3wp,app01,10.1.0.21,API,java,https\n11:00,,,,,app01,10.1.0.21,API,java,443\n"
        ),
    );
    let run = meg.run(&["render", "lz.yaml", "-o", "out"]).bad_input();
    let err = run.stderr();
    assert!(
        err.contains("deps.csv:8: column 'Destination port': 'https' is not a port"),
        "{err}"
    );
    assert!(
        err.contains(
            "deps.csv:9: column 'Source server name': is empty, and so is the address beside it"
        ),
        "{err}"
    );
    assert!(!meg.path("out").exists(), "nothing is written");
}

#[test]
fn an_assessment_group_is_a_wave_of_its_own() {
    let meg = Meg::new();
    meg.write("servers.csv", SERVERS);
    meg.write("deps.csv", DEPENDENCIES);
    meg.write(
        "assessment.csv",
        "Machine,Recommended size,Cores,Memory(MB),Group name\ndb01,Standard_E4s_v5,2,4096,Orders DB\n",
    );
    meg.write(
        "lz.yaml",
        &landing_zone("").replace("deps.csv]", "deps.csv, assessment.csv]"),
    );
    let v = json(&meg, &["inventory", "lz.yaml", "--json"]);
    assert_eq!(
        waves(&v),
        owned(&[
            ("dev-wave-1", &["devapp01"]),
            ("prod-orders-db", &["db01"]),
            ("prod-wave-1", &["app01", "web01", "web02"]),
        ])
    );
    assert_eq!(
        server(&v, "db01")["waveReason"]["detail"],
        "assessment group 'Orders DB' (assessment.csv:2)"
    );
}

#[test]
fn without_a_wave_size_a_wave_holds_what_azure_migrate_replicates_at_once() {
    // 650 prod servers, no dependency export, no waveSize: the default (300, Azure Migrate's
    // simultaneous replications per vCenter Server with one appliance) splits them.
    let mut csv =
        String::from("*Server name,IP addresses,*Cores,*Memory (In MB),*OS name,Environment\n");
    for i in 0..650 {
        csv.push_str(&format!(
            "srv{i:04},10.1.{}.{},2,4096,Ubuntu,prod\n",
            i / 200,
            i % 200 + 1
        ));
    }
    let meg = Meg::new();
    meg.write("servers.csv", &csv);
    meg.write(
        "lz.yaml",
        &landing_zone("").replace("files: [servers.csv, deps.csv]", "files: [servers.csv]"),
    );
    let v = json(&meg, &["inventory", "lz.yaml", "--json"]);
    let sizes: Vec<usize> = waves(&v).iter().map(|(_, s)| s.len()).collect();
    assert_eq!(sizes.iter().sum::<usize>(), 650, "{sizes:?}");
    assert!(sizes.iter().all(|&n| n <= 300), "{sizes:?}");
    assert_eq!(sizes.len(), 3, "{sizes:?}");
    // A size above what even a scale-out appliance replicates at once is warned about.
    meg.write(
        "lz.yaml",
        &landing_zone("  waveSize: 650\n")
            .replace("files: [servers.csv, deps.csv]", "files: [servers.csv]"),
    );
    let run = meg.run(&["inventory", "lz.yaml", "--json"]).ok();
    let v: Value = serde_json::from_str(&run.stdout()).unwrap();
    assert_eq!(waves(&v).len(), 1);
    let said = format!("{}{}", run.stderr(), v["warnings"]);
    assert!(
        said.contains("migration.waveSize is 650") && said.contains("500"),
        "{said}"
    );
}

#[test]
fn servers_that_are_not_vmware_vms_are_named_with_the_path_that_migrates_them() {
    let meg = Meg::new();
    meg.write(
        "servers.csv",
        "*Server name,IP addresses,*Cores,*Memory (In MB),*OS name,Environment,Server type,Hypervisor\n\
         web01,10.1.0.11,2,4096,Ubuntu,prod,Virtual,VMware\n\
         hv01,10.1.0.12,2,4096,Ubuntu,prod,Virtual,Hyper-V\n\
         metal01,10.1.0.13,2,4096,Ubuntu,prod,Physical,\n\
         plain01,10.1.0.14,2,4096,Ubuntu,prod,,\n",
    );
    meg.write(
        "lz.yaml",
        &landing_zone("").replace("files: [servers.csv, deps.csv]", "files: [servers.csv]"),
    );
    let v = json(&meg, &["inventory", "lz.yaml", "--json"]);
    let warnings: Vec<String> = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap().to_string())
        .collect();
    let about = |name: &str| {
        warnings
            .iter()
            .find(|w| w.contains(&format!("'{name}' is ")))
            .cloned()
    };
    let hv = about("hv01").unwrap_or_else(|| panic!("{warnings:#?}"));
    assert!(
        hv.contains("servers.csv:3")
            && hv.contains("a Hyper-V VM")
            && hv.contains("wave 'prod-wave-1' replicates with agentless VMware migration only")
            && hv.contains("tutorial-migrate-hyper-v"),
        "{hv}"
    );
    let metal = about("metal01").unwrap_or_else(|| panic!("{warnings:#?}"));
    assert!(
        metal.contains("a physical server") && metal.contains("Mobility service"),
        "{metal}"
    );
    // VMware VMs, and servers the export says nothing about, are the wave roots' own.
    assert!(
        about("web01").is_none() && about("plain01").is_none(),
        "{warnings:#?}"
    );
}

#[test]
fn a_hyper_v_vm_is_left_out_of_the_vmware_root_and_listed_in_its_runbook() {
    let meg = Meg::new();
    meg.write(
        "servers.csv",
        "*Server name,IP addresses,*Cores,*Memory (In MB),*OS name,Environment,Server type,Hypervisor\n\
         web01,10.1.0.11,2,4096,Ubuntu,prod,Virtual,VMware\n\
         hv01,10.1.0.12,2,4096,Ubuntu,prod,Virtual,Hyper-V\n",
    );
    meg.write(
        "lz.yaml",
        &landing_zone("").replace("files: [servers.csv, deps.csv]", "files: [servers.csv]"),
    );
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    let params = meg.read("out/bicep/waves/prod-wave-1/main.bicepparam");
    assert!(
        params.contains("'web01'") && !params.contains("hv01"),
        "{params}"
    );
    let tfvars = meg.read("out/terraform/waves/prod-wave-1/wave.tfvars");
    assert!(!tfvars.contains("hv01"), "{tfvars}");
    let script = meg.read("out/waves/wave.sh");
    assert!(
        script.contains("web01|web01") && !script.contains("hv01|hv01"),
        "{script}"
    );
    let book = meg.read("out/waves/prod-wave-1/RUNBOOK.md");
    assert!(
        book.contains("### Servers this wave moves by another path")
            && book.contains(
                "**hv01** (`hv01`, servers.csv:3) is a Hyper-V VM: Hyper-V VMs migrate with"
            )
            && book.contains("by hand, by its own path (above): the cutover step does not take it"),
        "{book}"
    );
    // Nor does the environment create it from an image: Azure Migrate's cutover does.
    let env = meg.read("out/bicep/environments/prod.bicepparam");
    assert!(!env.contains("hv01"), "{env}");
}
