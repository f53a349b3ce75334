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
