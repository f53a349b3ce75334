//! `firewall.snatPrivateRanges`, a parameter added as one settings field and the templates: the
//! registered ranges an environment's networks use privately reach both targets' parameter files,
//! the firewall policy keeps Azure's IANA private ranges beside them, and the input schema
//! derived from the field refuses what is not an address range.

mod common;

use common::{MINIMAL, Meg};

/// The minimal landing zone with prod's firewall naming `ranges` as its SNAT private ranges.
fn with_ranges(ranges: &str) -> String {
    MINIMAL.replace(
        "  prod:\n",
        &format!("  prod:\n    firewall:\n      snatPrivateRanges: {ranges}\n"),
    )
}

#[test]
fn snat_private_ranges_reach_both_targets_and_keep_the_iana_ranges() {
    let meg = Meg::new();
    meg.write("lz.yaml", &with_ranges("[203.0.113.0/24, 198.51.100.0/24]"));
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();

    let tfvars = meg.read("out/terraform/environments/prod.tfvars");
    assert!(
        tfvars.contains(r#"snat_private_ranges = ["203.0.113.0/24", "198.51.100.0/24"]"#),
        "{tfvars}"
    );
    let bicepparam = meg.read("out/bicep/environments/prod.bicepparam");
    assert!(
        bicepparam
            .contains("snatPrivateRanges: [\n    '203.0.113.0/24'\n    '198.51.100.0/24'\n  ]"),
        "{bicepparam}"
    );
    // dev names none: Azure's default, which the module leaves alone.
    let dev = meg.read("out/terraform/environments/dev.tfvars");
    assert!(dev.contains("snat_private_ranges = []"), "{dev}");

    // The policy's list replaces Azure's default, so the module puts the IANA ranges first.
    let module = meg.read("out/terraform/modules/firewall/main.tf");
    assert!(
        module.contains(r#"iana_private_ranges = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"]"#),
        "{module}"
    );
    assert!(
        module.contains("private_ip_ranges = length(var.snat_private_ranges) > 0 ? concat(local.iana_private_ranges, var.snat_private_ranges) : null"),
        "{module}"
    );
    let module = meg.read("out/bicep/modules/firewall.bicep");
    assert!(
        module.contains("privateRanges: concat(ianaPrivateRanges, snatPrivateRanges)"),
        "{module}"
    );
    let call = meg.read("out/bicep/main.bicep");
    assert!(
        call.contains("snatPrivateRanges: firewall.snatPrivateRanges"),
        "{call}"
    );
}

#[test]
fn the_derived_schema_refuses_a_snat_range_that_is_not_a_cidr_range() {
    let meg = Meg::new();
    meg.write("lz.yaml", &with_ranges("[203.0.113.0]"));
    let before = meg.snapshot(".");
    let stderr = meg
        .run(&["render", "lz.yaml", "-o", "out"])
        .bad_input()
        .stderr();
    assert!(
        stderr.contains("environments.prod.firewall.snatPrivateRanges"),
        "{stderr}"
    );
    assert!(stderr.contains("CIDR"), "{stderr}");
    assert!(
        meg.changed_since(".", &before).is_empty(),
        "nothing written"
    );

    meg.write("lz.yaml", &with_ranges("[203.0.113.0/24, 203.0.113.0/24]"));
    let stderr = meg.run(&["validate", "lz.yaml"]).bad_input().stderr();
    assert!(
        stderr.contains("environments.prod.firewall.snatPrivateRanges"),
        "{stderr}"
    );
}
