#!/usr/bin/env python3
"""Fills a wave root's wave.tfvars with well-formed stand-ins for what only Azure Migrate knows (the
replication vault, fabric, container, policy, run-as account, log storage account, each server's
machine ID and disk UUIDs), so that offline-plan plans every migration item of the wave and not
only the empty plan of a wave nobody has filled in yet.

  fill-wave-inputs.py WAVE_TFVARS

The stand-ins are dummies: this is for CI, never for a deployment. It rewrites the file in place.
"""
import re
import zlib
import sys

path = sys.argv[1]
text = open(path).read()
rg = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-migrate-ci"
fills = {
    "vault_id": f"{rg}/providers/Microsoft.RecoveryServices/vaults/migrate-ci-vault",
    "fabric_name": "migrate-ci-fabric",
    "protection_container_name": "migrate-ci-container",
    "replication_policy_name": "migrate-ci-policy",
    "run_as_account_id": f"{rg}/providers/Microsoft.OffAzure/VMwareSites/ci-site/runasaccounts/ci-account",
    "log_storage_account_id": f"{rg}/providers/Microsoft.Storage/storageAccounts/migratelsaci",
}
for key, value in fills.items():
    text, n = re.subn(rf'^{key}(\s*)= ""$', rf'{key}\1= "{value}"', text, flags=re.M)
    if n != 1:
        sys.exit(f"{path}: no empty {key} to fill")

# Each server's disk count from its disk_types, in the servers block.
disks = {}
for name, types in re.findall(r'^  "([^"]+)" = \{\n(?:    .*\n)*?    disk_types\s*= \[([^\]]*)\]', text, flags=re.M):
    disks[name] = len([t for t in types.split(",") if t.strip()])


def source(m):
    name = m.group(1)
    ids = ", ".join(f'"6000c29{i:01d}-{zlib.crc32(name.encode()) % 10**8:08d}-ci"' for i in range(disks.get(name, 1)))
    return (f'  "{name}" = {{\n'
            f'    machine_id = "{rg}/providers/Microsoft.OffAzure/VMwareSites/ci-site/machines/{name}"\n'
            f'    disk_ids   = [{ids}]\n'
            f'  }}')


text, n = re.subn(r'^  "([^"]+)" = \{\n    machine_id = "[^"]*"\n    disk_ids   = \[\]\n  \}', source, text, flags=re.M)
if n == 0:
    sys.exit(f"{path}: no source_machines entry to fill")
open(path, "w").write(text)
print(f"{path}: filled the replication infrastructure and {n} source machines")
