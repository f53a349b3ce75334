//! Names that become file names in the tree meg writes must be names a Windows checkout can
//! hold: an environment `con` gives `terraform/environments/con.tfvars`, which Windows reserves
//! for a device and Git for Windows refuses to check out. Refused at the name (exit 2), nothing
//! written.

mod common;

use common::{MINIMAL, Meg, example};

#[test]
fn an_environment_named_like_a_windows_device_is_refused_at_its_key() {
    let meg = Meg::new();
    for device in ["con", "nul", "aux", "com1", "lpt9"] {
        meg.write(
            "lz.yaml",
            &MINIMAL.replace("  prod:\n", &format!("  {device}:\n    tier: prod\n")),
        );
        let run = meg.run(&["render", "lz.yaml", "-o", "out"]).bad_input();
        assert!(
            run.stderr().contains(&format!("environments.{device}"))
                && run.stderr().contains("Windows reserves for a device"),
            "{device}: {}",
            run.stderr()
        );
        assert!(!meg.path("out").exists(), "{device}: nothing was written");
    }
}

#[test]
fn a_platform_hub_named_like_a_windows_device_is_refused_at_its_key() {
    let meg = Meg::new();
    let lz = std::fs::read_to_string(example("contoso-migration.yaml")).unwrap();
    assert!(
        lz.contains("nonprod:"),
        "the example declares a hub nonprod"
    );
    meg.write("lz.yaml", &lz.replace("nonprod", "prn"));
    let run = meg.run(&["render", "lz.yaml", "-o", "out"]).bad_input();
    assert!(
        run.stderr().contains("hubs.prn") && run.stderr().contains("Windows reserves"),
        "{}",
        run.stderr()
    );
    assert!(!meg.path("out").exists());
}

#[test]
fn a_wave_named_like_a_windows_device_is_refused_at_its_key() {
    let meg = Meg::new();
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    std::fs::create_dir(meg.path("inventory")).unwrap();
    for f in std::fs::read_dir(examples.join("inventory")).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), meg.path("inventory").join(f.file_name())).unwrap();
    }
    let lz = std::fs::read_to_string(examples.join("inventory.yaml")).unwrap();
    let at = "migration:\n  inventory:\n";
    assert!(lz.contains(at));
    meg.write(
        "lz.yaml",
        &lz.replacen(
            at,
            "migration:\n  waves:\n    - name: aux\n      servers: [NW-WEB01*]\n  inventory:\n",
            1,
        ),
    );
    let run = meg.run(&["render", "lz.yaml", "-o", "out"]).bad_input();
    assert!(
        run.stderr().contains("migration.waves")
            && run.stderr().contains("terraform/waves/aux/")
            && run.stderr().contains("Windows reserves"),
        "{}",
        run.stderr()
    );
    assert!(!meg.path("out").exists());
}
