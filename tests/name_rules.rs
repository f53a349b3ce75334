//! Names Azure would refuse are refused before anything is written: hand-set overrides and the
//! short names of web apps and databases.

mod common;

use common::{MINIMAL, Meg, example};

/// Renders `text` and expects exit 2 with each of `expected` on standard error, nothing written.
fn refused(case: &str, text: &str, expected: &[&str]) {
    let meg = Meg::new();
    meg.write("lz.yaml", text);
    let run = meg.run(&["render", "lz.yaml", "-o", "out"]).bad_input();
    for want in expected {
        assert!(
            run.stderr().contains(want),
            "{case}: expected {want:?} in:\n{}",
            run.stderr()
        );
    }
    assert!(!meg.path("out").exists(), "{case}: nothing is written");
}

#[test]
fn a_key_vault_override_with_two_hyphens_in_a_row_is_refused() {
    // One environment, so the globally unique name may be set by hand at all.
    let one = MINIMAL.split("  prod:").next().unwrap();
    refused(
        "consecutive hyphens in a Key Vault name",
        &format!("{one}naming:\n  overrides:\n    keyVault: kv-fabrikam--dev\n"),
        &[
            "naming.overrides.keyVault",
            "'kv-fabrikam--dev' is not a valid Microsoft.KeyVault/vaults name",
            "two hyphens in a row",
        ],
    );
    // The same override with one hyphen renders as written.
    let meg = Meg::new();
    meg.write(
        "lz.yaml",
        &format!("{one}naming:\n  overrides:\n    keyVault: kv-fabrikam-dev\n"),
    );
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    assert!(meg.read("out/README.md").contains("`kv-fabrikam-dev`"));
    // Where Azure allows them (a virtual network), two hyphens stay allowed.
    let meg = Meg::new();
    meg.write(
        "lz.yaml",
        &format!("{one}naming:\n  overrides:\n    hubVirtualNetwork: vnet--hub\n"),
    );
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    assert!(meg.read("out/README.md").contains("`vnet--hub`"));
}

#[test]
fn web_app_and_database_names_ending_in_a_hyphen_are_refused_in_plain_words() {
    let refactor = std::fs::read_to_string(example("refactor.yaml")).unwrap();
    for (case, from, to, key) in [
        (
            "web app",
            "webApps: [web, api]",
            "webApps: [web, api-]",
            "paas.applications.shop.webApps[1]: \"api-\"",
        ),
        (
            "database",
            "databases: [catalog, orders]",
            "databases: [catalog, orders-]",
            "paas.applications.shop.databases[1]: \"orders-\"",
        ),
    ] {
        assert!(refactor.contains(from), "{from}");
        refused(
            case,
            &refactor.replacen(from, to, 1),
            &[key, "ending with a letter or digit"],
        );
    }
    // Inner hyphens and one-letter names stay valid.
    let meg = Meg::new();
    meg.write(
        "lz.yaml",
        &refactor
            .replacen("webApps: [web, api]", "webApps: [web-api, a]", 1)
            .replacen(
                "databases: [catalog, orders]",
                "databases: [order-history, x]",
                1,
            ),
    );
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
}
