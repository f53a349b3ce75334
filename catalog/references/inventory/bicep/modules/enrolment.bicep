// Enrolment of the servers Azure Migrate brings (README.md, "Enrolment"). Their VMs are created by
// the cutover, after this deployment, so nothing here names a VM: each is enrolled by its resource
// group, its OS and the tags its replication item gave it.
//   - Backup: a DeployIfNotExists policy protects each tagged VM in the vault. Azure's built-in
//     "Configure backup on virtual machines with a given tag" policies (345fa903-145c-4fe1-8bcd-93ec2adccde8;
//     Azure/azure-policy, built-in-policies/policyDefinitions/Backup/VirtualMachineWithTag_DINE.json)
//     only match VMs made from marketplace images (their rules list image publishers and SKUs),
//     which a migrated VM is not: this definition is the same deployment without that filter.
//   - Patching: a dynamic scope assigns the maintenance configuration to every matching VM at each
//     run (learn.microsoft.com/azure/update-manager/dynamic-scope-overview), and the built-in
//     policy "Set prerequisite for Scheduling recurring updates on Azure virtual machines"
//     (9905ca54-1471-49c6-8291-7582c04cd4d4; Azure/azure-policy, built-in-policies/policyDefinitions/
//     Azure Update Manager/AzUpdateMgmtCenter_CustomerManagedSchedules_DINE.json) gives them the
//     patch mode a schedule needs (AutomaticByPlatform with bypassPlatformSafetyChecksOnUserSchedule),
//     which Azure Migrate does not set; it also matches VMs whose OS disk was attached.
targetScope = 'subscription'

@description('Azure region of the vault, the maintenance configuration and the servers.')
param location string

@description('Names: backupPolicyDefinition, backupAssignment, patchPrerequisitesAssignment, patchSchedule.')
param names object

@description('Resource ID of the user-assigned identity both policies deploy with (its roles are in place).')
param identityId string

@description('Resource groups the migrated servers land in.')
param resourceGroups array

@description('OS types of the migrated servers: Linux, Windows.')
param osTypes array

@description('The tag naming the vault a VM is backed up to: { name, value }.')
param backupTag object

@description('The tag naming the patch window a VM is patched in: { name, value }.')
param patchTag object

@description('Resource ID of the daily VM backup policy.')
param backupPolicyId string

@description('Resource ID of the maintenance configuration (the patch window).')
param maintenanceConfigurationId string

@description('Resource ID of the built-in policy that sets the patch prerequisites.')
param patchPrerequisitesPolicyId string

// One rule for both targets: Terraform reads the same file.
var backupPolicy = loadJsonContent('policies/vm-backup-by-tag.json')

resource backupDefinition 'Microsoft.Authorization/policyDefinitions@2024-05-01' = {
  name: names.backupPolicyDefinition
  properties: {
    displayName: 'Configure backup of migrated virtual machines with a given tag'
    description: 'Protects each VM of the given resource groups that carries the tag in the given backup policy of a vault in its region, whether or not it was made from a marketplace image.'
    policyType: 'Custom'
    mode: 'Indexed'
    metadata: {
      category: 'Backup'
      version: '1.0.0'
    }
    parameters: backupPolicy.parameters
    policyRule: backupPolicy.policyRule
  }
}

// A server is protected within minutes of its cutover, and from then on every day (Reliability).
resource backupAssignment 'Microsoft.Authorization/policyAssignments@2024-05-01' = {
  name: names.backupAssignment
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    displayName: 'Back up the migrated servers tagged ${backupTag.name}=${backupTag.value}'
    policyDefinitionId: backupDefinition.id
    parameters: {
      vaultLocation: {
        value: location
      }
      resourceGroups: {
        value: resourceGroups
      }
      inclusionTagName: {
        value: backupTag.name
      }
      inclusionTagValue: {
        value: [
          backupTag.value
        ]
      }
      backupPolicyId: {
        value: backupPolicyId
      }
    }
    nonComplianceMessages: [
      {
        message: 'A migrated server tagged ${backupTag.name}=${backupTag.value} is not backed up yet: start a remediation of ${names.backupAssignment}.'
      }
    ]
  }
}

resource patchPrerequisitesAssignment 'Microsoft.Authorization/policyAssignments@2024-05-01' = {
  name: names.patchPrerequisitesAssignment
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    displayName: 'Let the patch window ${patchTag.value} patch the migrated servers'
    policyDefinitionId: patchPrerequisitesPolicyId
    parameters: {
      resourceGroups: {
        value: resourceGroups
      }
      operatingSystemTypes: {
        value: osTypes
      }
      locations: {
        value: [
          location
        ]
      }
      tagValues: {
        value: [
          {
            key: patchTag.name
            value: patchTag.value
          }
        ]
      }
      tagOperator: {
        value: 'All'
      }
    }
    nonComplianceMessages: [
      {
        message: 'A migrated server tagged ${patchTag.name}=${patchTag.value} lacks the patch mode its schedule needs: start a remediation of ${names.patchPrerequisitesAssignment}.'
      }
    ]
  }
}

// Update Manager resolves the filter at every run: a server cut over later is patched in the next
// window without a new assignment (Operational Excellence).
resource patchSchedule 'Microsoft.Maintenance/configurationAssignments@2023-04-01' = {
  name: names.patchSchedule
  properties: {
    maintenanceConfigurationId: maintenanceConfigurationId
    filter: {
      resourceTypes: [
        'Microsoft.Compute/virtualMachines'
      ]
      resourceGroups: resourceGroups
      osTypes: osTypes
      locations: [
        location
      ]
      tagSettings: {
        tags: {
          '${patchTag.name}': [
            patchTag.value
          ]
        }
        filterOperator: 'All'
      }
    }
  }
}

@description('Resource ID of the backup policy assignment.')
output backupAssignmentId string = backupAssignment.id

@description('Resource ID of the patch prerequisites policy assignment.')
output patchPrerequisitesAssignmentId string = patchPrerequisitesAssignment.id

@description('Resource ID of the dynamic scope of the patch window.')
output patchScheduleId string = patchSchedule.id
