//! Re-renders are reproducible: the lock records the inputs, `meg render -o OUT` renders again
//! from them, and a render with fewer inputs cannot silently drop what the others added.

mod common;

use common::Meg;

const BASE: &str = "\
name: fabrikam
strategy: rehost
location: swedencentral
environments:
  prod:
    network:
      hub:
        addressSpace: 10.50.0.0/22
      spokes:
        - name: erp
          addressSpace: 10.51.0.0/24
          subnets:
            - name: app
              addressPrefix: 10.51.0.0/26
";

const SERVERS: &str = "\
environments:
  prod:
    migration:
      virtualMachines:
        app01:
          spoke: erp
          subnet: app
          os: linux
          size: Standard_D2s_v5
";

/// base.yaml -f servers.yaml --pipeline github, rendered into out.
fn rendered_with_servers() -> Meg {
    let meg = Meg::new();
    meg.write("lz/base.yaml", BASE);
    meg.write("lz/servers.yaml", SERVERS);
    meg.run(&[
        "render",
        "lz/base.yaml",
        "-f",
        "lz/servers.yaml",
        "--pipeline",
        "github",
        "-o",
        "out",
    ])
    .ok();
    assert!(meg.path("out/.github/workflows").exists());
    assert!(
        meg.path("out/terraform/modules/virtual-machine/main.tf")
            .exists()
    );
    meg
}

#[test]
fn the_lock_records_the_inputs_relative_to_the_output() {
    let meg = rendered_with_servers();
    let lock: serde_json::Value = serde_json::from_str(&meg.read("out/.meg/lock.json")).unwrap();
    assert_eq!(
        lock["render"],
        serde_json::json!({
            "files": ["../lz/base.yaml", "../lz/servers.yaml"],
            "set": [],
            "pipeline": "github",
            "targets": ["bicep", "terraform"],
            "envs": []
        })
    );
}

#[test]
fn a_render_that_leaves_inputs_out_and_would_remove_files_is_refused() {
    let meg = rendered_with_servers();
    let before = meg.snapshot("out");
    let run = meg
        .run(&["render", "lz/base.yaml", "-o", "out"])
        .bad_input();
    let err = run.stderr();
    for want in [
        "-f lz/servers.yaml (given last time, not now)",
        "--pipeline github (given last time, not now)",
        ".github/workflows/landing-zone.yml",
        "terraform/modules/virtual-machine/main.tf",
        "bicep/modules/virtual-machine.bicep",
        "--prune",
    ] {
        assert!(err.contains(want), "{want} missing:\n{err}");
    }
    assert_eq!(meg.snapshot("out"), before, "nothing was written");

    // --dry-run shows the same, and why.
    let dry = meg
        .run(&["render", "lz/base.yaml", "-o", "out", "--dry-run"])
        .ok();
    assert!(
        dry.stdout().contains(
            "remove  .github/workflows/landing-zone.yml  (the inputs changed: needs --prune)"
        ),
        "{}",
        dry.stdout()
    );

    // With the flag it proceeds.
    meg.run(&["render", "lz/base.yaml", "-o", "out", "--prune"])
        .ok();
    assert!(!meg.path("out/.github/workflows/landing-zone.yml").exists());
    assert!(!meg.path("out/terraform/modules/virtual-machine").exists());
    // And the new inputs are the recorded ones now: rendering them again is quiet.
    meg.run(&["render", "lz/base.yaml", "-o", "out"]).ok();
}

#[test]
fn an_update_that_leaves_inputs_out_is_refused_too() {
    let meg = rendered_with_servers();
    let before = meg.snapshot("out");
    let run = meg
        .run(&["update", "lz/base.yaml", "-o", "out"])
        .bad_input();
    assert!(
        run.stderr().contains("-f lz/servers.yaml"),
        "{}",
        run.stderr()
    );
    assert_eq!(meg.snapshot("out"), before);
    meg.run(&["update", "lz/base.yaml", "-o", "out", "--prune"])
        .ok();
    assert!(!meg.path("out/.github/workflows/landing-zone.yml").exists());
}

#[test]
fn changed_inputs_that_remove_nothing_go_through() {
    let meg = rendered_with_servers();
    meg.run(&[
        "render",
        "lz/base.yaml",
        "-f",
        "lz/servers.yaml",
        "--pipeline",
        "github",
        "--set",
        "monitoring.retentionDays=60",
        "-o",
        "out",
    ])
    .ok();
}

#[test]
fn render_without_a_file_renders_again_from_the_recorded_inputs() {
    let meg = rendered_with_servers();
    // The user edits a value file; a plain `meg render -o out`, from another folder, picks it up.
    meg.write(
        "lz/servers.yaml",
        &SERVERS.replace("Standard_D2s_v5", "Standard_D4s_v5"),
    );
    std::fs::create_dir_all(meg.path("elsewhere")).unwrap();
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_meg"))
        .args(["render", "-o", "../out"])
        .current_dir(meg.path("elsewhere"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        stdout.contains("../lz/base.yaml -f ../lz/servers.yaml --pipeline github"),
        "says what it renders from: {stdout}"
    );
    assert!(meg.path("out/.github/workflows/landing-zone.yml").exists());
    assert!(
        meg.read("out/terraform/environments/prod.tfvars")
            .contains("Standard_D4s_v5")
    );
    // diff and update take the recorded inputs the same way.
    meg.run(&["diff", "-o", "out"]).ok();
    meg.run(&["update", "-o", "out"]).ok();
}

#[test]
fn render_without_a_file_needs_a_record_and_no_other_inputs() {
    let meg = rendered_with_servers();
    let run = meg
        .run(&[
            "render",
            "-o",
            "out",
            "--set",
            "monitoring.retentionDays=60",
        ])
        .bad_input();
    assert!(
        run.stderr().contains("landing-zone file"),
        "{}",
        run.stderr()
    );
    let run = meg.run(&["render", "-o", "nowhere"]).bad_input();
    assert!(
        run.stderr().contains("has not rendered"),
        "{}",
        run.stderr()
    );
    assert!(!meg.path("nowhere").exists());
    let run = meg.run(&["validate"]).bad_input();
    assert!(
        run.stderr().contains("no landing-zone file"),
        "{}",
        run.stderr()
    );
}

/// Rewrites the recorded inputs of out/.meg/lock.json.
fn plant(meg: &Meg, render: serde_json::Value) {
    let mut lock: serde_json::Value =
        serde_json::from_str(&meg.read("out/.meg/lock.json")).unwrap();
    lock["render"] = render;
    meg.write(
        "out/.meg/lock.json",
        &serde_json::to_string_pretty(&lock).unwrap(),
    );
}

#[test]
fn recorded_inputs_are_checked_before_they_are_used() {
    let meg = rendered_with_servers();
    meg.write("secret.txt", "password: hunter2\n");
    let bad = [
        (
            serde_json::json!({"files": ["/etc/passwd"], "targets": ["bicep"]}),
            "not a plain relative path",
        ),
        (
            serde_json::json!({"files": ["../secret.txt"], "targets": ["bicep"]}),
            "not a .yaml file",
        ),
        (
            serde_json::json!({"files": ["../lz/../../x.yaml"], "targets": ["bicep"]}),
            "not a plain relative path",
        ),
        (
            serde_json::json!({"files": ["../lz/base.yaml"], "targets": ["pulumi"]}),
            "unknown target",
        ),
        (
            serde_json::json!({"files": ["../lz/base.yaml"], "targets": ["bicep"], "pipeline": "jenkins"}),
            "unknown pipeline",
        ),
        (
            serde_json::json!({"files": [], "targets": ["bicep"]}),
            "0 value files",
        ),
    ];
    for (record, why) in bad {
        plant(&meg, record.clone());
        let run = meg.run(&["render", "-o", "out"]).bad_input();
        assert!(
            run.stderr().contains(why) && run.stderr().contains("lock.json"),
            "{record}: {}",
            run.stderr()
        );
        assert!(!run.stderr().contains("hunter2"));
    }
    // Wrong types make the lock unreadable: said so, exit 2.
    plant(
        &meg,
        serde_json::json!({"files": "../lz/base.yaml", "targets": ["bicep"]}),
    );
    let run = meg.run(&["render", "-o", "out"]).bad_input();
    assert!(run.stderr().contains("lock.json"), "{}", run.stderr());
}

#[test]
fn an_older_lock_without_the_record_keeps_working() {
    let meg = rendered_with_servers();
    let mut lock: serde_json::Value =
        serde_json::from_str(&meg.read("out/.meg/lock.json")).unwrap();
    lock.as_object_mut().unwrap().remove("render");
    meg.write(
        "out/.meg/lock.json",
        &serde_json::to_string_pretty(&lock).unwrap(),
    );
    // The same inputs render as before.
    meg.run(&[
        "render",
        "lz/base.yaml",
        "-f",
        "lz/servers.yaml",
        "--pipeline",
        "github",
        "-o",
        "out",
    ])
    .ok();
    // Its file names still tell a dropped value file.
    let mut lock2: serde_json::Value =
        serde_json::from_str(&meg.read("out/.meg/lock.json")).unwrap();
    lock2.as_object_mut().unwrap().remove("render");
    meg.write(
        "out/.meg/lock.json",
        &serde_json::to_string_pretty(&lock2).unwrap(),
    );
    let run = meg
        .run(&[
            "render",
            "lz/base.yaml",
            "--pipeline",
            "github",
            "-o",
            "out",
        ])
        .bad_input();
    assert!(
        run.stderr()
            .contains("-f servers.yaml (given last time, not now)"),
        "{}",
        run.stderr()
    );
    // Without a record there is nothing to render again from: said so.
    let run = meg.run(&["render", "-o", "out"]).bad_input();
    assert!(
        run.stderr().contains("does not record the inputs"),
        "{}",
        run.stderr()
    );
}

#[test]
fn another_target_that_would_remove_files_needs_prune_or_force() {
    let meg = Meg::new();
    meg.write("lz.yaml", BASE);
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    let run = meg
        .run(&["render", "lz.yaml", "--target", "terraform", "-o", "out"])
        .bad_input();
    assert!(
        run.stderr()
            .contains("--target: bicep and terraform last time, terraform now"),
        "{}",
        run.stderr()
    );
    assert!(meg.path("out/bicep/main.bicep").exists());
    meg.run(&[
        "render",
        "lz.yaml",
        "--target",
        "terraform",
        "-o",
        "out",
        "--force",
    ])
    .ok();
    assert!(!meg.path("out/bicep").exists());
}
