#!/usr/bin/env bash
# northwind: the migration waves' operations through Azure Migrate (agentless VMware,
# VMwareCbt), rendered by meg 0.1.0. The wave pipelines run it; so can you, signed in
# with `az login` as the environment's deployment identity (see each wave's RUNBOOK.md).
#
#   bash waves/wave.sh STEP WAVE
#
# STEP: status | check-order | replicated | migrated | wait-replication | test-migrate |
#       cleanup-test | cutover | stop-replication
# WAVE: dev-wave-1, prod-orders-db, prod-wave-1, prod-wave-2
#
# Waves run in this order, one after another: check-order (the pipeline's first job) and
# cutover stop unless every wave before WAVE has cut over. WAVE_ORDER_OVERRIDE="<reason>" lets
# a wave go out of order anyway; the reason and who ran it are logged as a warning.
# replicated and migrated print, as a JSON list of VM names, the servers that already have a
# migration item and those that cut over with replication stopped: the replicate step does not
# send those again (the replication service refuses a second PUT of a protected item).
#
# Every wait gives up after WAVE_WAIT_MINUTES (330 by default: below the 6 hours a hosted
# GitHub or Azure Pipelines job may run) and says which servers are not there yet. Run the
# step again to wait longer: each step skips the servers already done.
#
# REST API (Azure CLI `az rest`, which signs every call in as the current `az` identity):
# - Microsoft.RecoveryServices replicationMigrationItems, api-version 2024-04-01: list by vault,
#   get, testMigrate, testMigrateCleanup, migrate, delete (azure-rest-api-specs,
#   specification/recoveryservicessiterecovery/resource-manager/Microsoft.RecoveryServices/
#   stable/2024-04-01, examples ReplicationMigrationItems_*.json). The Az.Migrate cmdlets
#   Start-AzMigrateTestMigration, Start-AzMigrateTestMigrationCleanup,
#   Start-AzMigrateServerMigration and Remove-AzMigrateServerReplication call these same
#   actions, with the same bodies (Azure/azure-powershell, src/Migrate/Migrate.Autorest/custom/).
# - Microsoft.Migrate migrateProjects/solutions, api-version 2023-01-01: the replication vault
#   is the one the project's Servers-Migration-ServerMigration tool names in
#   details.extendedDetails.vaultId, as Get-AzMigrateServerReplication finds it.
set -euo pipefail

readonly ITEMS_API=2024-04-01
readonly PROJECT_API=2023-01-01
readonly WAIT_MINUTES="${WAVE_WAIT_MINUTES:-330}"
readonly POLL_SECONDS="${WAVE_POLL_SECONDS:-60}"

# Every wave, in the order they run.
readonly WAVES=('dev-wave-1' 'prod-orders-db' 'prod-wave-1' 'prod-wave-2')

usage() {
  sed -n '2,22p' "$0" >&2
  exit 2
}

# A warning the pipeline shows as one.
warn() {
  if [ -n "${GITHUB_ACTIONS:-}" ]; then
    echo "::warning::$*" >&2
  elif [ -n "${TF_BUILD:-}" ]; then
    echo "##vso[task.logissue type=warning]$*" >&2
  else
    echo "warning: $*" >&2
  fi
}

# An error the pipeline shows as one (GitHub Actions, Azure Pipelines), then exit.
fail() {
  if [ -n "${GITHUB_ACTIONS:-}" ]; then
    echo "::error::$*" >&2
  elif [ -n "${TF_BUILD:-}" ]; then
    echo "##vso[task.logissue type=error]$*" >&2
  else
    echo "error: $*" >&2
  fi
  exit 1
}

# The wave's environment, its subscription (empty: the signed-in one), Azure Migrate project
# and servers ("name on premises|VM name"), the servers in cutover order: the VMware VMs its
# replication root replicates (a Hyper-V VM or physical server moves by the path its runbook names).
select_wave() {
  case "$1" in
    'dev-wave-1')
      environment='dev'
      wave_subscription=''
      resource_group='rg-migration-dev-weu-001'
      project='migr-srv-dev-weu-001'
      servers=(
        'nw-devsql01|nw-devsql01'
        'NW-DEVAPP01.northwind.local|nw-devapp01'
      )
      ;;
    'prod-orders-db')
      environment='prod'
      wave_subscription=''
      resource_group='rg-migration-prod-weu-001'
      project='migr-srv-prod-weu-001'
      servers=(
        'nw-sql01|nw-sql01'
      )
      ;;
    'prod-wave-1')
      environment='prod'
      wave_subscription=''
      resource_group='rg-migration-prod-weu-001'
      project='migr-srv-prod-weu-001'
      servers=(
        'nw-files01|nw-files01'
        'NW-APP01.northwind.local|nw-app01'
      )
      ;;
    'prod-wave-2')
      environment='prod'
      wave_subscription=''
      resource_group='rg-migration-prod-weu-001'
      project='migr-srv-prod-weu-001'
      servers=(
        'NW-WEB01.northwind.local|nw-web01'
        'NW-WEB02.northwind.local|nw-web02'
      )
      ;;
    *) fail "'$1' is not a wave of northwind; waves: dev-wave-1, prod-orders-db, prod-wave-1, prod-wave-2" ;;
  esac
}

# The replication vault of the project: Azure Migrate creates it when replication is set up.
vault_id() {
  local id
  id=$(az rest --method get \
    --url "/subscriptions/${wave_subscription:-$subscription}/resourceGroups/$resource_group/providers/Microsoft.Migrate/migrateProjects/$project/solutions/Servers-Migration-ServerMigration?api-version=$PROJECT_API" \
    --query properties.details.extendedDetails.vaultId --output tsv)
  [ -n "$id" ] && [ "$id" != None ] ||
    fail "Azure Migrate project $project (resource group $resource_group) has no replication vault yet: set up replication once (the appliance registered, then Initialize-AzMigrateReplicationInfrastructure or the portal's Replicate) before running a wave"
  echo "$id"
}

# Every migration item of the vault, one JSON object a line, following nextLink.
list_items() {
  local url="$vault/replicationMigrationItems?api-version=$ITEMS_API" page
  while [ -n "$url" ]; do
    page=$(az rest --method get --url "$url" --output json)
    jq -c '.value[]' <<<"$page"
    url=$(jq -r '.nextLink // empty' <<<"$page")
  done
}

# The migration item of a server: its name on premises (the item's machineName) or its VM name
# in Azure (targetVmName); exactly one.
item_of() {
  local source="$1" vm="$2" ids count
  ids=$(jq -r --arg source "$source" --arg vm "$vm" '
    select(((.properties.machineName // "") | ascii_downcase) == ($source | ascii_downcase)
      or (.properties.providerSpecificDetails.targetVmName // "") == $vm) | .id' "$items")
  count=$(grep -c . <<<"$ids" || true)
  [ "$count" = 1 ] || {
    [ "$count" = 0 ] && fail "$source is not replicating in $vault: run the wave's replicate step (its deployment root) first"
    fail "$source matches $count migration items in $vault: remove the stale ones in the portal"
  }
  echo "$ids"
}

# How many arguments (bash's array-length syntax would open a comment in the template of this file).
count() { echo "$#"; }

item() { az rest --method get --url "$1?api-version=$ITEMS_API" --output json; }

# Waits until every server's FIELD (migrationState, testMigrateState) is one of WANTED (a
# regular expression); a state matching FAILED stops the wait.
wait_for() {
  local field="$1" wanted="$2" failed="$3" what="$4" deadline pending state id entry
  deadline=$(($(date +%s) + WAIT_MINUTES * 60))
  while :; do
    pending=()
    for entry in "${servers[@]}"; do
      id=$(item_of "${entry%|*}" "${entry##*|}")
      state=$(item "$id" | jq -r --arg f "$field" '.properties[$f] // "None"')
      if [[ $state =~ ^($failed)$ ]]; then
        fail "${entry%|*}: $field is $state ($what failed); see the job in the Azure Migrate project's Replications view, fix it, and run this step again"
      fi
      [[ $state =~ ^($wanted)$ ]] || pending+=("${entry%|*} ($state)")
    done
    [ "$(count "${pending[@]}")" = 0 ] && { echo "$what: done for every server of $wave"; return; }
    if [ "$(date +%s)" -ge "$deadline" ]; then
      fail "$what: not done after $WAIT_MINUTES minutes for ${pending[*]}; run this step again to go on waiting (WAVE_WAIT_MINUTES sets the limit)"
    fi
    echo "$what: waiting for ${pending[*]}"
    sleep "$POLL_SECONDS"
    items_refresh
  done
}

items_refresh() { list_items > "$items"; }

# The selected wave's servers that have not cut over, one "name (state)" a line. A server has
# cut over when its migration item says so, or when replication was stopped after the cutover:
# no item any more, and its VM is in Azure. Runs in a subshell of its own (select_wave).
not_cut_over() {
  local sub="${wave_subscription:-$subscription}" id list entry state found
  list=$(mktemp)
  id=$(az rest --method get \
    --url "/subscriptions/$sub/resourceGroups/$resource_group/providers/Microsoft.Migrate/migrateProjects/$project/solutions/Servers-Migration-ServerMigration?api-version=$PROJECT_API" \
    --query properties.details.extendedDetails.vaultId --output tsv 2> /dev/null || true)
  if [ -n "$id" ] && [ "$id" != None ]; then
    vault="$id"
    list_items > "$list"
  fi
  for entry in "${servers[@]}"; do
    state=$(jq -r --arg s "${entry%|*}" --arg vm "${entry##*|}" '
      select(((.properties.machineName // "") | ascii_downcase) == ($s | ascii_downcase)
        or (.properties.providerSpecificDetails.targetVmName // "") == $vm)
      | .properties.migrationState' "$list" | head -n 1)
    case "$state" in
      MigrationSucceeded | MigrationCompletedWithInformation) continue ;;
      "")
        found=$(az resource list --subscription "$sub" --name "${entry##*|}" \
          --resource-type Microsoft.Compute/virtualMachines --query 'length(@)' --output tsv 2> /dev/null || true)
        [ "${found:-0}" -gt 0 ] 2> /dev/null && continue
        state="not replicating, and no VM ${entry##*|} in Azure"
        ;;
    esac
    echo "${entry%|*} ($state)"
  done
  rm -f "$list"
}

# Stops unless every wave before THIS, in the order of WAVES, has cut over (or
# WAVE_ORDER_OVERRIDE gives a reason to go on, which is logged).
check_order() {
  local this="$1" w left pending=()
  for w in "${WAVES[@]}"; do
    [ "$w" = "$this" ] && break
    left=$( (select_wave "$w" && not_cut_over) | paste -sd ';' - | sed 's/;/; /g')
    [ -n "$left" ] && pending+=("$w: $left")
  done
  if [ "$(count "${pending[@]}")" = 0 ]; then
    echo "wave order: every wave before $this has cut over"
    return
  fi
  if [ -n "${WAVE_ORDER_OVERRIDE:-}" ]; then
    warn "wave order overridden for $this by $(az account show --query user.name --output tsv 2> /dev/null || echo unknown): ${WAVE_ORDER_OVERRIDE}; not cut over yet: ${pending[*]}"
    return
  fi
  fail "$this runs after the waves before it have cut over; not yet: ${pending[*]}. Finish them first, or set WAVE_ORDER_OVERRIDE to the reason to go on anyway (it is logged)"
}

# The wave's VM names whose migration item exists, or whose cutover is done and replication
# stopped ("migrated"), as a JSON list.
settled() {
  local which="$1" entry state found out=()
  for entry in "${servers[@]}"; do
    state=$(jq -r --arg s "${entry%|*}" --arg vm "${entry##*|}" '
      select(((.properties.machineName // "") | ascii_downcase) == ($s | ascii_downcase)
        or (.properties.providerSpecificDetails.targetVmName // "") == $vm)
      | .properties.migrationState' "$items" | head -n 1)
    if [ "$which" = replicated ]; then
      [ -n "$state" ] && out+=("${entry##*|}")
    elif [ -z "$state" ]; then
      found=$(az resource list --subscription "${wave_subscription:-$subscription}" --name "${entry##*|}" \
        --resource-type Microsoft.Compute/virtualMachines --query 'length(@)' --output tsv 2> /dev/null || true)
      [ "${found:-0}" -gt 0 ] 2> /dev/null && out+=("${entry##*|}")
    fi
  done
  if [ "$(count "${out[@]}")" = 0 ]; then echo '[]'; else printf '%s\n' "${out[@]}" | jq -Rnc '[inputs]'; fi
}

# Runs ACTION (testMigrate, testMigrateCleanup, migrate) on one item with BODY.
act() { az rest --method post --url "$1/$2?api-version=$ITEMS_API" --body "$3" --output none; }

main() {
  [ $# = 2 ] || usage
  step="$1" wave="$2"
  select_wave "$wave"
  subscription=$(az account show --query id --output tsv)
  case "$step" in
    check-order)
      check_order "$wave"
      return
      ;;
    cutover) check_order "$wave" ;;
  esac
  vault=$(vault_id)
  items=$(mktemp)
  trap 'rm -f "$items"' EXIT
  items_refresh
  case "$step" in
    replicated | migrated)
      settled "$step"
      return
      ;;
  esac
  echo "wave $wave ($environment): $(count "${servers[@]}") servers, vault $vault"
  case "$step" in
    status)
      for entry in "${servers[@]}"; do
        item "$(item_of "${entry%|*}" "${entry##*|}")" | jq -r --arg s "${entry%|*}" '
          [$s, .properties.migrationState, .properties.testMigrateState, .properties.health,
           (.properties.providerSpecificDetails.initialSeedingProgressPercentage // "-" | tostring),
           (.properties.providerSpecificDetails.lastRecoveryPointReceived // "-")] | @tsv'
      done
      ;;
    wait-replication)
      # Initial replication ends in Replicating ("Ready to migrate").
      wait_for migrationState 'Replicating' 'EnableMigrationFailed|InitialSeedingFailed' "initial replication"
      ;;
    test-migrate)
      for entry in "${servers[@]}"; do
        id=$(item_of "${entry%|*}" "${entry##*|}")
        json=$(item "$id")
        [ "$(jq -r .properties.testMigrateState <<<"$json")" = TestMigrationSucceeded ] && continue
        jq -e '.properties.allowedOperations | index("TestMigrate")' <<<"$json" > /dev/null ||
          fail "${entry%|*}: test migration is not allowed now (state $(jq -r .properties.migrationState <<<"$json")); wait for the initial replication first"
        network=$(jq -r '.properties.providerSpecificDetails.testNetworkId // empty' <<<"$json")
        point=$(jq -r '.properties.providerSpecificDetails.lastRecoveryPointId // empty' <<<"$json")
        [ -n "$network" ] || fail "${entry%|*}: its migration item names no test network; set one in the wave's deployment root"
        [ -n "$point" ] || fail "${entry%|*}: no recovery point yet; wait for the initial replication"
        act "$id" testMigrate "$(jq -nc --arg n "$network" --arg p "$point" \
          '{properties: {providerSpecificDetails: {instanceType: "VMwareCbt", networkId: $n, recoveryPointId: $p}}}')"
        echo "${entry%|*}: test migration started in $network"
      done
      wait_for testMigrateState 'TestMigrationSucceeded' 'TestMigrationFailed' "test migration"
      ;;
    cleanup-test)
      for entry in "${servers[@]}"; do
        id=$(item_of "${entry%|*}" "${entry##*|}")
        state=$(item "$id" | jq -r '.properties.testMigrateState // "None"')
        [ "$state" = None ] && continue
        act "$id" testMigrateCleanup "$(jq -nc --arg c "$wave accepted: test clean-up by the wave pipeline" '{properties: {comments: $c}}')"
        echo "${entry%|*}: test clean-up started"
      done
      wait_for testMigrateState 'None' '.*CleanupFailed' "test clean-up"
      ;;
    cutover)
      # One server at a time, in cutover order: each starts once the one before it runs in Azure.
      all=("${servers[@]}")
      for entry in "${all[@]}"; do
        id=$(item_of "${entry%|*}" "${entry##*|}")
        state=$(item "$id" | jq -r .properties.migrationState)
        if [[ $state != MigrationSucceeded && $state != MigrationCompletedWithInformation ]]; then
          # performShutdown: the source VM is shut down and its last changes replicated first,
          # so no write is lost (Start-AzMigrateServerMigration -TurnOffSourceServer).
          act "$id" migrate '{"properties": {"providerSpecificDetails": {"instanceType": "VMwareCbt", "performShutdown": "true"}}}'
          echo "${entry%|*}: cutover started (source shut down first)"
        fi
        servers=("$entry")
        wait_for migrationState 'MigrationSucceeded|MigrationCompletedWithInformation' 'MigrationFailed|MigrationPartiallySucceeded' "cutover of ${entry%|*}"
      done
      servers=("${all[@]}")
      ;;
    stop-replication)
      for entry in "${servers[@]}"; do
        id=$(item_of "${entry%|*}" "${entry##*|}")
        state=$(item "$id" | jq -r .properties.migrationState)
        [[ $state == MigrationSucceeded || $state == MigrationCompletedWithInformation ]] ||
          fail "${entry%|*} has not cut over (state $state): replication stops only after a successful cutover"
        # Complete migration: replication stops and Azure Migrate removes its replica disks
        # (Remove-AzMigrateServerReplication).
        az rest --method delete --url "$id?api-version=$ITEMS_API" --output none
        echo "${entry%|*}: replication stopping"
      done
      deadline=$(($(date +%s) + WAIT_MINUTES * 60))
      while :; do
        items_refresh
        left=()
        for entry in "${servers[@]}"; do
          jq -e --arg s "${entry%|*}" --arg vm "${entry##*|}" '
            select(((.properties.machineName // "") | ascii_downcase) == ($s | ascii_downcase)
              or (.properties.providerSpecificDetails.targetVmName // "") == $vm)' "$items" > /dev/null &&
            left+=("${entry%|*}")
        done
        [ "$(count "${left[@]}")" = 0 ] && { echo "replication stopped for every server of $wave"; break; }
        [ "$(date +%s)" -ge "$deadline" ] &&
          fail "replication still not stopped after $WAIT_MINUTES minutes for ${left[*]}; look at the Azure Migrate jobs"
        echo "stopping replication: waiting for ${left[*]}"
        sleep "$POLL_SECONDS"
      done
      ;;
    *) usage ;;
  esac
}

main "$@"
