// A Windows server of virtual-machine.bicep: the VM itself, with Update Manager patching.
targetScope = 'resourceGroup'

@description('Virtual machine name, also its computer name.')
param name string

@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('Availability zone, as a one-item list, or none.')
param zones array

@description('VM size.')
param size string

@description('Image, OS disk and data disks, every disk with the disk encryption set.')
param storageProfile object

@description('Resource ID of the network interface.')
param networkInterfaceId string

@description('Local administrator user name.')
param adminUsername string

@description('Local administrator password (Windows asks for 12 to 123 characters).')
@secure()
@minLength(12)
@maxLength(123)
param adminPassword string

resource virtualMachine 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  // checkov:skip=CKV_AZURE_151:Every disk is encrypted at rest with the customer-managed key of the disk encryption set; encryption at host also needs the EncryptionAtHost feature registered on the subscription first.
  // checkov:skip=CKV_AZURE_97:Every disk is encrypted at rest with the customer-managed key of the disk encryption set; encryption at host also needs the EncryptionAtHost feature registered on the subscription first.
  // checkov:skip=CKV_AZURE_50:The only extension is the Azure Monitor agent (in virtual-machine.bicep), which the data collection rule needs.
  // checkov:skip=CKV_AZURE_1:A Windows server: the check asks for Linux SSH keys; administrators sign in through Bastion, and the password comes from a secure parameter.
  // checkov:skip=CKV_AZURE_149:A Windows server: the check asks for Linux SSH keys; administrators sign in through Bastion, and the password comes from a secure parameter.
  // checkov:skip=CKV_AZURE_178:A Windows server: the check asks for Linux SSH keys; administrators sign in through Bastion, and the password comes from a secure parameter.
  name: name
  location: location
  tags: tags
  zones: zones
  // The Azure Monitor agent authenticates with the VM's own identity.
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    hardwareProfile: {
      vmSize: size
    }
    storageProfile: storageProfile
    osProfile: {
      computerName: name
      adminUsername: adminUsername
      adminPassword: adminPassword
      windowsConfiguration: {
        provisionVMAgent: true
        enableAutomaticUpdates: true
        // AutomaticByPlatform with the safety checks bypassed: Update Manager's schedule alone
        // decides when the server patches (Operational Excellence).
        patchSettings: {
          patchMode: 'AutomaticByPlatform'
          assessmentMode: 'AutomaticByPlatform'
          automaticByPlatformSettings: {
            bypassPlatformSafetyChecksOnUserSchedule: true
          }
        }
      }
    }
    networkProfile: {
      networkInterfaces: [
        {
          id: networkInterfaceId
        }
      ]
    }
    // Boot diagnostics in managed storage: a screenshot and serial log with no account to run.
    diagnosticsProfile: {
      bootDiagnostics: {
        enabled: true
      }
    }
  }
}
