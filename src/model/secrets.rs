//! Deploy-time secrets that belong to one thing, and the one rule that names them: the
//! pre-shared key of each site-to-site connection (a site of a hub) and the local administrator
//! password of each Windows VM meg creates.
//!
//! One key for every tunnel, or one password for every server, means one leak opens them all
//! (WAF Security: "SE:09 Protect application secrets", and Azure's VPN guidance to use a
//! different pre-shared key per connection). So each connection and each Windows VM has a
//! secret of its own, named after its site or VM:
//!
//! | what                      | Bicep parameter                | Terraform variable               | environment variable / pipeline secret |
//! |---------------------------|--------------------------------|----------------------------------|----------------------------------------|
//! | site `amsterdam-dc`'s key | `vpnSharedKey_amsterdam_dc`    | `vpn_shared_key_amsterdam_dc`    | `VPN_SHARED_KEY_AMSTERDAM_DC`          |
//! | VM `CTSSQL01`'s password  | `vmAdminPassword_ctssql01`     | `vm_admin_password_ctssql01`     | `VM_ADMIN_PASSWORD_CTSSQL01`           |
//!
//! The connection's hub is the secret's scope, not part of its name: each environment (each
//! platform hub) deploys with its own secret store (its GitHub environment, its Azure DevOps
//! variable group, the shell that deploys it), so `VPN_SHARED_KEY_AMSTERDAM_DC` of the `prod` hub
//! and of the `nonprod` hub are two secrets, as the two tunnels are two connections. The code is
//! shared by every environment, so it declares the union; an environment without that site or
//! VM does not ask for it.
//!
//! Site names are `[a-z0-9-]` and VM names `[A-Za-z0-9-]`: with the name lower-cased and `-`
//! turned into `_`, the names are distinct as long as the inputs are (VM names that differ only
//! in case are refused, as Azure treats them as one name). Not here: where the templates use
//! them (`templates/*/_main/`), nor the pipelines' mapping, which reads each parameter's
//! `tf_name`.

use serde::Serialize;

use crate::error::Diagnostic;
use crate::input::settings::Settings;
use crate::input::values::pointer_token;

/// The names one secret goes by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SecretName {
    /// What it belongs to, as the input writes it: the site or the VM (`CTSSQL01`).
    pub of: String,
    /// The Bicep parameter (`vpnSharedKey_amsterdam_dc`).
    pub param: String,
    /// `of` as a Bicep object key: bare where it is an identifier, else quoted (`'amsterdam-dc'`).
    pub bicep_key: String,
    /// The Terraform variable (`vpn_shared_key_amsterdam_dc`).
    pub tf_name: String,
    /// The environment variable a `.bicepparam` file reads, and the pipeline secret
    /// (`VPN_SHARED_KEY_AMSTERDAM_DC`); Terraform reads `TF_VAR_<tf_name>`.
    pub env_var: String,
}

/// The suffix a site or VM name gives its secrets: lower case, `-` as `_`.
fn suffix(of: &str) -> String {
    of.to_ascii_lowercase().replace('-', "_")
}

fn named(param: &str, tf: &str, of: &str) -> SecretName {
    let s = suffix(of);
    let tf_name = format!("{tf}_{s}");
    // Site and VM names hold letters, digits and hyphens only: nothing to escape in quotes.
    let bare = of.starts_with(|c: char| c.is_ascii_alphabetic())
        && of.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    SecretName {
        of: of.to_string(),
        bicep_key: if bare {
            of.to_string()
        } else {
            format!("'{of}'")
        },
        param: format!("{param}_{s}"),
        env_var: tf_name.to_ascii_uppercase(),
        tf_name,
    }
}

/// The pre-shared key of the connection from a hub to on-premises site `site`.
pub fn vpn_shared_key(site: &str) -> SecretName {
    named("vpnSharedKey", "vpn_shared_key", site)
}

/// The local administrator password of Windows VM `vm`.
pub fn vm_admin_password(vm: &str) -> SecretName {
    named("vmAdminPassword", "vm_admin_password", vm)
}

/// The per-item secrets the code declares: the union over the environments (or hubs), each once,
/// in the order first met.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ItemSecrets {
    /// One per on-premises site any environment connects to over site-to-site VPN.
    pub vpn_shared_keys: Vec<SecretName>,
    /// One per Windows VM any environment creates.
    pub vm_admin_passwords: Vec<SecretName>,
}

impl ItemSecrets {
    /// The union over the environments' settings.
    pub(crate) fn of<'a>(environments: impl Iterator<Item = &'a Settings>) -> Self {
        let mut out = ItemSecrets::default();
        let add = |list: &mut Vec<SecretName>, name: SecretName| {
            if !list.iter().any(|n| n.tf_name == name.tf_name) {
                list.push(name);
            }
        };
        for s in environments {
            for site in sites(s) {
                add(&mut out.vpn_shared_keys, vpn_shared_key(site));
            }
            for vm in windows_vms(s) {
                add(&mut out.vm_admin_passwords, vm_admin_password(vm));
            }
        }
        out
    }
}

/// The sites an environment makes site-to-site connections to.
pub(crate) fn sites(s: &Settings) -> impl Iterator<Item = &str> {
    let on = s.vpn_gateway.enabled;
    s.on_premises
        .sites
        .iter()
        .filter(move |_| on)
        .map(|site| site.name.as_str())
}

/// The Windows VMs an environment creates (not those Azure Migrate replicates).
pub(crate) fn windows_vms(s: &Settings) -> impl Iterator<Item = &str> {
    let on = s.migration.enabled;
    s.migration
        .created_vms()
        .filter(move |(_, vm)| on && vm.windows())
        .map(|(name, _)| name.as_str())
}

/// VM names of one environment that would share a secret (and, for Azure, a name): names that
/// differ only in case.
pub(crate) fn check(s: &Settings) -> Vec<Diagnostic> {
    // Keyed by the lower-cased name: a list searched for each VM took seconds at 20,000 servers.
    let mut seen: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    let mut out = Vec::new();
    for name in s.migration.virtual_machines.keys() {
        let folded = name.to_ascii_lowercase();
        match seen.get(&folded) {
            Some(first) => out.push(
                Diagnostic::at_key(
                    format!("/migration/virtualMachines/{}", pointer_token(name)),
                    format!(
                        "virtual machines '{first}' and '{name}' differ only in case: Azure and Windows treat them as one name"
                    ),
                )
                .hint(format!(
                    "rename one of them; each VM's administrator password is {}",
                    vm_admin_password(name).env_var
                )),
            ),
            None => {
                seen.insert(folded, name);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_site_or_vm() {
        let k = vpn_shared_key("amsterdam-dc");
        assert_eq!(k.param, "vpnSharedKey_amsterdam_dc");
        assert_eq!(k.tf_name, "vpn_shared_key_amsterdam_dc");
        assert_eq!(k.env_var, "VPN_SHARED_KEY_AMSTERDAM_DC");
        assert_eq!(k.bicep_key, "'amsterdam-dc'");
        assert_eq!(vpn_shared_key("hq").bicep_key, "hq");
        let p = vm_admin_password("CTSSQL01");
        assert_eq!(p.param, "vmAdminPassword_ctssql01");
        assert_eq!(p.tf_name, "vm_admin_password_ctssql01");
        assert_eq!(p.env_var, "VM_ADMIN_PASSWORD_CTSSQL01");
        assert_eq!(p.of, "CTSSQL01");
    }

    #[test]
    fn distinct_sites_get_distinct_names() {
        // Hyphens stay visible as underscores: `a-b1` and `a-b-1` do not meet.
        assert_ne!(
            vpn_shared_key("a-b1").tf_name,
            vpn_shared_key("a-b-1").tf_name
        );
        assert_ne!(vpn_shared_key("a-b1").param, vpn_shared_key("a-b-1").param);
        assert_ne!(vpn_shared_key("ab").param, vpn_shared_key("a-b").param);
    }
}
