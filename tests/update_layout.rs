//! `meg update` across a change of the Terraform layout: a tree written by the meg before the
//! root was split into `main.<part>.tf` files (its templates are vendored in
//! `tests/data/catalog-before-avm`), edited by its user, then updated with today's catalog.

mod common;

use std::path::Path;

use common::{Meg, example};

/// The older catalog as a `--catalog` overlay: its Terraform templates, and every template it did
/// not have yet written empty, so that it renders nothing the older meg did not.
fn older_catalog(meg: &Meg) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let old = root.join("tests/data/catalog-before-avm");
    for entry in walkdir::WalkDir::new(&old) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(&old).unwrap();
            meg.write(
                &format!("old/{}", rel.display()),
                &std::fs::read_to_string(entry.path()).unwrap(),
            );
        }
    }
    for entry in walkdir::WalkDir::new(root.join("templates/terraform")) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(root).unwrap();
        if entry.file_type().is_file() && !old.join(rel).exists() {
            meg.write(&format!("old/{}", rel.display()), "");
        }
    }
}

/// The hybrid example rendered by the older catalog into `out`, and rendered by today's into
/// `fresh` to compare with.
fn rendered_by_the_older_meg() -> Meg {
    let meg = Meg::new();
    older_catalog(&meg);
    meg.write(
        "lz.yaml",
        &std::fs::read_to_string(example("hybrid.yaml")).unwrap(),
    );
    meg.run(&["render", "lz.yaml", "-o", "out", "--catalog", "old"])
        .ok();
    assert!(
        !meg.path("out/terraform/main.firewall.tf").exists(),
        "the older layout has one main.tf"
    );
    meg.run(&["render", "lz.yaml", "-o", "fresh"]).ok();
    meg
}

/// The files under `sub` of `out` whose bytes differ from today's render in `fresh` (or that
/// it does not have), relative to `sub`, in order.
fn differing_from_fresh(meg: &Meg, sub: &str) -> Vec<String> {
    let at = |root: &str| meg.snapshot([root, sub].join("/").trim_end_matches('/'));
    let (out, fresh) = (at("out"), at("fresh"));
    let mut differ: Vec<String> = fresh
        .iter()
        .filter(|(path, bytes)| out.get(*path) != Some(bytes))
        .chain(out.iter().filter(|(path, _)| !fresh.contains_key(*path)))
        .map(|(path, _)| path.display().to_string())
        .collect();
    differ.sort();
    differ.dedup();
    differ
}

/// Replaces the one line holding `needle` in `rel` with `with`.
fn edit_line(meg: &Meg, rel: &str, needle: &str, with: &str) {
    let text = meg.read(rel);
    let lines: Vec<&str> = text.lines().filter(|l| l.contains(needle)).collect();
    assert_eq!(lines.len(), 1, "one line of {rel} holds {needle}");
    meg.write(rel, &text.replacen(lines[0], with, 1));
}

#[test]
fn an_edit_in_a_block_that_moved_to_its_own_file_follows_it() {
    let meg = rendered_by_the_older_meg();
    let main = meg.read("out/terraform/main.tf");
    let firewall_block = &main[main.find("module \"firewall\" {").unwrap()..];
    assert!(firewall_block.contains("names.firewall_public_ip"));
    meg.write(
        "out/terraform/main.tf",
        &format!("# Reviewed by netops, CHG-1234.\n{main}"),
    );
    edit_line(
        &meg,
        "out/terraform/main.tf",
        // Not a line beside `zones` (today's render changes that line: a conflict, rightly).
        "names.firewall_public_ip",
        "  public_ip_name = var.names.firewall_public_ip # netops: reviewed CHG-1234",
    );

    let run = meg.run(&["update", "lz.yaml", "-o", "out"]);
    assert_eq!(run.code(), 0, "{}{}", run.stdout(), run.stderr());
    assert!(
        run.stdout().contains(
            "merged       terraform/main.firewall.tf (carries your edits to terraform/main.tf, split into parts)"
        ),
        "{}",
        run.stdout()
    );

    // The edit inside the firewall block is in the firewall's file, the note stays in main.tf,
    // and nothing else differs from a fresh render.
    let fresh_firewall = meg.read("fresh/terraform/main.firewall.tf");
    let firewall = meg.read("out/terraform/main.firewall.tf");
    assert!(
        firewall
            .contains("public_ip_name = var.names.firewall_public_ip # netops: reviewed CHG-1234"),
        "{firewall}"
    );
    assert_eq!(
        firewall.lines().count(),
        fresh_firewall.lines().count(),
        "the block is not duplicated: {firewall}"
    );
    assert_eq!(
        meg.read("out/terraform/main.tf"),
        format!(
            "# Reviewed by netops, CHG-1234.\n{}",
            meg.read("fresh/terraform/main.tf")
        )
    );
    assert!(
        !meg.read("out/terraform/main.tf")
            .contains("module \"firewall\""),
        "the firewall block left main.tf"
    );
    assert_eq!(
        differing_from_fresh(&meg, "terraform"),
        ["main.firewall.tf", "main.tf"]
    );

    // meg diff sees both edits as the user's, and a second update changes nothing.
    let diff = meg.run(&["diff", "lz.yaml", "-o", "out", "--stat"]);
    assert!(
        diff.stdout()
            .contains("terraform/main.firewall.tf  +1 -1  (edited by you)"),
        "{}",
        diff.stdout()
    );
    let before = meg.snapshot("out");
    meg.run(&["update", "lz.yaml", "-o", "out"]).ok();
    assert!(meg.changed_since("out", &before).is_empty());
}

#[test]
fn an_edit_the_new_render_also_changed_is_a_conflict_in_the_part_it_moved_to() {
    let meg = rendered_by_the_older_meg();
    // The older firewall block read the workspace's `id`; the new one reads `resource_id`.
    let main = meg.read("out/terraform/main.tf");
    let block = &main[main.find("module \"firewall\" {").unwrap()..];
    let block = &block[..block.find("\n}\n").unwrap()];
    let line = block
        .lines()
        .find(|l| {
            l.contains("log_analytics_workspace_id") && l.ends_with("= module.log_analytics.id")
        })
        .expect("the older firewall block reads the workspace id");
    meg.write(
        "out/terraform/main.tf",
        &main.replacen(
            line,
            "  log_analytics_workspace_id = var.central_workspace_id # ours",
            1,
        ),
    );

    let run = meg.run(&["update", "lz.yaml", "-o", "out"]);
    assert_eq!(run.code(), 1, "{}{}", run.stdout(), run.stderr());
    assert!(
        run.stdout().contains(
            "conflict     terraform/main.firewall.tf (1 conflict block(s)) (carries your edits to terraform/main.tf, split into parts)"
        ),
        "{}",
        run.stdout()
    );
    // The conflict sits in the firewall's file, between the user's line and the new one, and
    // main.tf is simply the new render: nothing of the block is left there.
    let firewall = meg.read("out/terraform/main.firewall.tf");
    let ours = firewall
        .find("var.central_workspace_id # ours")
        .expect("ours kept");
    // Today's firewall call hands over the root's diagnostic settings (the AVM interface).
    let theirs = firewall
        .find("local.diagnostic_settings")
        .expect("theirs shown");
    let start = firewall.find("<<<<<<< yours").unwrap();
    let end = firewall.find(">>>>>>> meg").unwrap();
    assert!(start < ours && ours < theirs && theirs < end, "{firewall}");
    assert_eq!(
        meg.read("out/terraform/main.tf"),
        meg.read("fresh/terraform/main.tf")
    );
}

#[test]
fn on_every_example_an_edit_in_each_module_call_follows_it_to_its_new_file() {
    for name in [
        "existing-hub",
        "existing-hub-refactor",
        "hybrid",
        "refactor",
        "rehost",
    ] {
        let meg = Meg::new();
        older_catalog(&meg);
        let lz = format!("{name}.yaml");
        meg.write(&lz, &std::fs::read_to_string(example(&lz)).unwrap());
        meg.run(&[
            "render",
            &lz,
            "-o",
            "out",
            "--catalog",
            "old",
            "--target",
            "terraform",
        ])
        .ok();
        meg.run(&["render", &lz, "-o", "fresh", "--target", "terraform"])
            .ok();
        // A note of the user's inside every module call of the older main.tf.
        let main = meg.read("out/terraform/main.tf");
        let mut edited = String::new();
        let mut calls = Vec::new();
        for line in main.lines() {
            edited.push_str(line);
            edited.push('\n');
            if let Some(call) = line
                .strip_prefix("module \"")
                .and_then(|rest| rest.strip_suffix("\" {"))
            {
                edited.push_str(&format!("  # ours: {call}\n"));
                calls.push(call.to_string());
            }
        }
        assert!(calls.len() >= 5, "{name}: {calls:?}");
        meg.write("out/terraform/main.tf", &edited);

        let run = meg.run(&["update", &lz, "-o", "out"]);
        assert_eq!(run.code(), 0, "{name}: {}{}", run.stdout(), run.stderr());
        // Each note sits under its call, in the file that holds the call now; apart from the
        // notes, the tree is the new render.
        let fresh = meg.snapshot("fresh/terraform");
        let out = meg.snapshot("out/terraform");
        assert_eq!(
            fresh.keys().collect::<Vec<_>>(),
            out.keys().collect::<Vec<_>>(),
            "{name}"
        );
        let mut placed = 0;
        for (path, bytes) in &fresh {
            let new = String::from_utf8(bytes.clone()).unwrap();
            let ours = String::from_utf8(out[path].clone()).unwrap();
            // The root's own files: a module's main.tf has calls of the same names.
            let root = path.parent() == Some(Path::new(""))
                && path
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("main.");
            let mut expected = String::new();
            for line in new.lines() {
                expected.push_str(line);
                expected.push('\n');
                if !root {
                    continue;
                }
                if let Some(call) = line
                    .strip_prefix("module \"")
                    .and_then(|rest| rest.strip_suffix("\" {"))
                    .filter(|call| calls.iter().any(|c| c == call))
                {
                    expected.push_str(&format!("  # ours: {call}\n"));
                    placed += 1;
                }
            }
            assert!(
                ours == expected,
                "{name}: {} is not the new render with the notes:\n{ours}",
                path.display()
            );
        }
        assert_eq!(placed, calls.len(), "{name}: every note is kept once");
    }
}

/// An example rendered into `out` with an older catalog vendored under `tests/data/<catalog>`
/// (the tree a user has), and into `fresh` with today's.
fn rendered_before_and_now(catalog: &str, example_file: &str) -> Meg {
    let meg = Meg::new();
    let old = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(catalog);
    for entry in walkdir::WalkDir::new(&old) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(&old).unwrap();
            meg.write(
                &format!("old/{}", rel.display()),
                &std::fs::read_to_string(entry.path()).unwrap(),
            );
        }
    }
    meg.write(
        "lz.yaml",
        &std::fs::read_to_string(example(example_file)).unwrap(),
    );
    meg.run(&["render", "lz.yaml", "-o", "out", "--catalog", "old"])
        .ok();
    meg.run(&["render", "lz.yaml", "-o", "fresh"]).ok();
    meg
}

/// A tree rendered before the firewall module took the AVM interfaces (`diagnostic_settings`,
/// `lock` instead of `log_analytics_workspace_id`), with the user's edits in the module and in its
/// call: `meg update` carries both edits into the new interface.
#[test]
fn edits_to_a_module_follow_it_across_the_avm_interface_change() {
    let meg = rendered_before_and_now("catalog-before-avm-interfaces", "hybrid.yaml");
    let module = "out/terraform/modules/firewall/main.tf";
    let call = "out/terraform/main.firewall.tf";
    assert!(
        meg.read(call).contains("log_analytics_workspace_id"),
        "the older call passes the workspace: {}",
        meg.read(call)
    );
    // The user's edits: the platform rules' priority in the module, the threat intelligence mode
    // in the call.
    edit_line(
        &meg,
        module,
        "priority = 1000",
        "  priority = 900 # netops: platform rules before the landing zone teams'",
    );
    edit_line(
        &meg,
        call,
        // Not a line beside `zones` (today's render changes that line: a conflict, rightly).
        "names.firewall_public_ip",
        "  public_ip_name = var.names.firewall_public_ip # netops: reviewed CHG-1234",
    );

    let run = meg.run(&["update", "lz.yaml", "-o", "out"]);
    assert_eq!(run.code(), 0, "{}{}", run.stdout(), run.stderr());

    // Both edits are kept, and the files take the new interface around them.
    let module_text = meg.read(module);
    assert!(
        module_text
            .contains("priority = 900 # netops: platform rules before the landing zone teams'"),
        "{module_text}"
    );
    assert!(
        module_text.contains("for_each = var.diagnostic_settings")
            && module_text.contains("resource \"azurerm_management_lock\" \"this\""),
        "{module_text}"
    );
    let variables = meg.read("out/terraform/modules/firewall/variables.tf");
    assert!(variables.contains("variable \"diagnostic_settings\""));
    assert!(!variables.contains("log_analytics_workspace_id"));
    let call_text = meg.read(call);
    assert!(
        call_text
            .contains("public_ip_name = var.names.firewall_public_ip # netops: reviewed CHG-1234"),
        "{call_text}"
    );
    assert!(
        call_text.contains("diagnostic_settings")
            && !call_text.contains("log_analytics_workspace_id"),
        "{call_text}"
    );
    // Apart from the two edited files, the tree is today's render.
    assert_eq!(
        differing_from_fresh(&meg, "terraform"),
        ["main.firewall.tf", "modules/firewall/main.tf"]
    );
}

/// The second step of the AVM interfaces: Front Door's module gives up its
/// `log_analytics_workspace_id` for `diagnostic_settings` and `lock`. A user's edits to the
/// module and to its call stay, and the module's `moved` block keeps the diagnostic setting the
/// older tree created in the state.
#[test]
fn edits_to_the_front_door_module_follow_it_across_the_avm_diagnostics_change() {
    let meg = rendered_before_and_now("catalog-before-avm-diagnostics", "refactor.yaml");
    let module = "out/terraform/modules/front-door/main.tf";
    let call = "out/terraform/main.refactor.tf";
    let front_door_call = |text: &str| {
        let start = text
            .find("module \"front_door\" {")
            .expect("the Front Door call");
        text[start..start + text[start..].find("\n}\n").unwrap()].to_string()
    };
    assert!(
        front_door_call(&meg.read(call)).contains("log_analytics_workspace_id"),
        "the older call passes the workspace"
    );
    // The user's edits: a longer origin timeout in the module, another probe path in the call,
    // in the block whose `=` the new render realigns (`log_analytics_workspace_id` was its
    // longest argument): the render changed only that line's spacing, so the edit merges.
    edit_line(
        &meg,
        module,
        "response_timeout_seconds = 60",
        "  response_timeout_seconds = 120 # web: slow report pages",
    );
    edit_line(
        &meg,
        call,
        "health_probe_path",
        "  health_probe_path = \"/healthz\" # web: the apps' own probe",
    );

    let run = meg.run(&["update", "lz.yaml", "-o", "out"]);
    assert_eq!(run.code(), 0, "{}{}", run.stdout(), run.stderr());

    let module_text = meg.read(module);
    assert!(
        module_text.contains("response_timeout_seconds = 120 # web: slow report pages"),
        "{module_text}"
    );
    assert!(
        module_text.contains("for_each = var.diagnostic_settings")
            && module_text.contains("resource \"azurerm_management_lock\" \"this\"")
            && module_text.contains("from = azurerm_monitor_diagnostic_setting.front_door"),
        "{module_text}"
    );
    let variables = meg.read("out/terraform/modules/front-door/variables.tf");
    assert!(variables.contains("variable \"diagnostic_settings\""));
    assert!(variables.contains("variable \"lock\""));
    assert!(!variables.contains("log_analytics_workspace_id"));
    let call_text = front_door_call(&meg.read(call));
    assert!(
        call_text.contains("health_probe_path = \"/healthz\" # web: the apps' own probe"),
        "{call_text}"
    );
    // The lines the user did not touch take the new alignment.
    assert!(
        call_text.contains("  origins             = local.front_door_origins\n"),
        "{call_text}"
    );
    assert!(
        call_text.contains("diagnostic_settings")
            && call_text.contains("lock")
            && !call_text.contains("log_analytics_workspace_id"),
        "{call_text}"
    );
    // Apart from the two edited files, the tree is today's render.
    assert_eq!(
        differing_from_fresh(&meg, "terraform"),
        ["main.refactor.tf", "modules/front-door/main.tf"]
    );
}

/// A tree rendered before the Bicep modules took AVM's outputs (`resourceId` and `name` instead
/// of `id`) and before the firewall parameter carried its settings (`zoneRedundant` instead of a
/// zone list, and the new `snatPrivateRanges`), edited by its user in an edited Bicep module, its
/// call, and the Terraform firewall module and call: `meg update` keeps every edit and takes the
/// new outputs and arguments around them.
#[test]
fn edits_follow_the_bicep_modules_across_the_avm_outputs_and_the_firewall_settings() {
    let meg = rendered_before_and_now("catalog-before-bicep-outputs", "hybrid.yaml");
    let kv_module = "out/bicep/modules/key-vault.bicep";
    let main_bicep = "out/bicep/main.bicep";
    let fw_module = "out/terraform/modules/firewall/main.tf";
    let fw_call = "out/terraform/main.firewall.tf";
    assert!(meg.read(kv_module).contains("output id string = vault.id"));
    assert!(meg.read(main_bicep).contains("platformKeyVault.outputs.id"));
    assert!(meg.read(fw_call).contains("var.firewall.zones"));

    edit_line(
        &meg,
        kv_module,
        "bypass: 'AzureServices'",
        "      bypass: 'None' // secops: no trusted-services bypass",
    );
    edit_line(
        &meg,
        main_bicep,
        "publicNetworkAccess: keyVault.privateEndpoint",
        "    publicNetworkAccess: 'Disabled' // secops: never public",
    );
    edit_line(
        &meg,
        fw_module,
        "priority = 1000",
        "  priority = 900 # netops: platform rules first",
    );
    edit_line(
        &meg,
        fw_call,
        "names.firewall_public_ip",
        "  public_ip_name = var.names.firewall_public_ip # netops: reviewed CHG-1234",
    );

    let run = meg.run(&["update", "lz.yaml", "-o", "out"]);
    assert_eq!(run.code(), 0, "{}{}", run.stdout(), run.stderr());

    let kv = meg.read(kv_module);
    assert!(
        kv.contains("bypass: 'None' // secops: no trusted-services bypass"),
        "{kv}"
    );
    assert!(
        kv.contains("output resourceId string = vault.id")
            && kv.contains("output name string = vault.name")
            && !kv.contains("output id "),
        "{kv}"
    );
    let main = meg.read(main_bicep);
    assert!(
        main.contains("publicNetworkAccess: 'Disabled' // secops: never public"),
        "{main}"
    );
    assert!(
        main.contains("platformKeyVault.outputs.resourceId") && !main.contains(".outputs.id"),
        "{main}"
    );
    let module = meg.read(fw_module);
    assert!(
        module.contains("priority = 900 # netops: platform rules first")
            && module.contains("private_ip_ranges"),
        "{module}"
    );
    let call = meg.read(fw_call);
    assert!(
        call.contains("public_ip_name = var.names.firewall_public_ip # netops: reviewed CHG-1234")
            && call.contains("var.firewall.zone_redundant ? [\"1\", \"2\", \"3\"] : []")
            && call.contains("= var.firewall.snat_private_ranges"),
        "{call}"
    );
    // Apart from the four edited files, the tree is today's render.
    assert_eq!(
        differing_from_fresh(&meg, ""),
        [
            "bicep/main.bicep",
            "bicep/modules/key-vault.bicep",
            "terraform/main.firewall.tf",
            "terraform/modules/firewall/main.tf"
        ]
    );
}
