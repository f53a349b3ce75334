//! Where the platform root's files go: the same target templates as an environment's root,
//! rendered with the platform hubs as the landing zone (`model::platform`), under
//! `bicep/platform/` and `terraform/platform/`, one parameter file per hub beside the root.
//!
//! The platform root is self-contained (its own `modules/`): offline tools and pipelines copy a
//! root alone. Not here: what a hub deploys, which the model decides through `deploy`.

/// The output path of a target template in the platform root, or `None` for a template the
/// platform root has no use for (governance, the migration waves' roots, the shared
/// `bicepconfig.json`, which Bicep finds in a parent folder). `{env}` stays in the path, for the hub's name.
pub(crate) fn platform_path(target_path: &str) -> Option<String> {
    let (target, rest) = target_path.split_once('/')?;
    if rest.starts_with("governance/") || rest.starts_with("waves/") || rest == "bicepconfig.json" {
        return None;
    }
    // Per-environment parameter files sit beside the platform root's main file, one per hub.
    let rest = rest.strip_prefix("environments/").unwrap_or(rest);
    Some(format!("{target}/platform/{rest}"))
}

#[cfg(test)]
mod tests {
    use super::platform_path;

    #[test]
    fn parameter_files_sit_beside_the_platform_root() {
        assert_eq!(
            platform_path("bicep/environments/{env}.bicepparam").as_deref(),
            Some("bicep/platform/{env}.bicepparam")
        );
        assert_eq!(
            platform_path("terraform/environments/{env}.tfvars").as_deref(),
            Some("terraform/platform/{env}.tfvars")
        );
        assert_eq!(
            platform_path("terraform/modules/firewall/main.tf").as_deref(),
            Some("terraform/platform/modules/firewall/main.tf")
        );
    }

    #[test]
    fn governance_and_the_shared_bicep_config_stay_out() {
        assert_eq!(platform_path("bicep/governance/main.bicep"), None);
        assert_eq!(platform_path("terraform/governance/main.tf"), None);
        assert_eq!(platform_path("bicep/bicepconfig.json"), None);
        assert_eq!(platform_path("bicep/waves/{wave}/main.bicep"), None);
        assert_eq!(platform_path("terraform/waves/{wave}/main.tf"), None);
    }
}
