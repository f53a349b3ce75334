//! `bastion.fileCopy`, the parameter added as one settings field and the templates: it reaches
//! both targets' parameter files per environment, the module turns it on only where the SKU has
//! file transfer, and the input schema derived from the field refuses what is not a switch.

mod common;

use common::{MINIMAL, Meg};

/// The minimal landing zone with `bastion` settings at the top level (every environment).
fn with_bastion(bastion: &str) -> String {
    MINIMAL.replace(
        "environments:",
        &format!("bastion:\n{bastion}environments:"),
    )
}

#[test]
fn file_copy_reaches_both_targets_and_is_gated_by_the_sku() {
    let meg = Meg::new();
    // dev on Basic, prod on Standard: the module decides, so both carry the user's wish.
    let yaml = with_bastion("  fileCopy: true\n")
        .replace("  prod:\n", "  prod:\n    bastion:\n      sku: Standard\n");
    meg.write("lz.yaml", &yaml);
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    for env in ["dev", "prod"] {
        let tfvars = meg.read(&format!("out/terraform/environments/{env}.tfvars"));
        assert!(tfvars.contains("file_copy   = true"), "{env}:\n{tfvars}");
        let bicepparam = meg.read(&format!("out/bicep/environments/{env}.bicepparam"));
        assert!(
            bicepparam.contains("fileCopy: true"),
            "{env}:\n{bicepparam}"
        );
    }
    let module = meg.read("out/terraform/modules/bastion/main.tf");
    assert!(
        module.contains(r#"file_copy_enabled = var.sku != "Basic" && var.file_copy_enabled"#),
        "{module}"
    );
    let module = meg.read("out/bicep/modules/bastion.bicep");
    assert!(
        module.contains("enableFileCopy: sku != 'Basic' && fileCopy"),
        "{module}"
    );

    // Left out, it is off: the default the settings type declares.
    meg.write("lz.yaml", MINIMAL);
    meg.run(&["render", "lz.yaml", "-o", "off"]).ok();
    let tfvars = meg.read("off/terraform/environments/prod.tfvars");
    assert!(tfvars.contains("file_copy   = false"), "{tfvars}");
}

#[test]
fn the_derived_schema_refuses_a_file_copy_that_is_not_a_switch() {
    let meg = Meg::new();
    meg.write("lz.yaml", &with_bastion("  fileCopy: sometimes\n"));
    let run = meg.run(&["validate", "lz.yaml"]).bad_input();
    let stderr = run.stderr();
    assert!(stderr.contains("bastion.fileCopy"), "{stderr}");
    assert!(stderr.contains("expected true or false"), "{stderr}");

    meg.write("lz.yaml", &with_bastion("  filecopy: true\n"));
    let stderr = meg.run(&["validate", "lz.yaml"]).bad_input().stderr();
    assert!(stderr.contains("unknown key 'filecopy'"), "{stderr}");
    assert!(stderr.contains("did you mean 'fileCopy'?"), "{stderr}");
}
