// One server in its spoke: a private address only, every disk encrypted with the rehost's
// customer-managed key, the Azure Monitor agent sending to the workspace, and patches from
// Update Manager in the environment's window.
targetScope = 'resourceGroup'

// { name, spoke, resourceGroupName, virtualNetworkName, subnetName, os (windows|linux), size,
// zone?, osDiskSizeGb?, osDiskStorage, networkInterfaceName, osDiskName,
// dataDisks: [{ name, lun, sizeGb, storage }],
// image: { publisher, offer, sku, version },
// diskNames: [OS disk, data disks...], recoveryNetworkId?: the spoke's recovery network when
// Site Recovery protects the server }
@description('The virtual machine, as meg describes it.')
param vm object

@description('Azure region.')
param location string

@description('Tags.')
param tags object

@description('Resource ID of the disk encryption set every disk uses.')
param diskEncryptionSetId string

@description('Resource ID of the data collection rule the Azure Monitor agent follows.')
param dataCollectionRuleId string

@description('Resource ID of the Update Manager maintenance configuration.')
param maintenanceConfigurationId string

@description('Local administrator password (Windows); empty for Linux.')
@secure()
param adminPassword string

@description('SSH public key of the administrator (Linux); empty for Windows.')
@secure()
param adminSshPublicKey string

var windows = vm.os == 'windows'
var adminUsername = 'azureadmin'
var zones = empty(vm.?zone ?? '') ? [] : [
  vm.zone
]

resource nic 'Microsoft.Network/networkInterfaces@2024-01-01' = {
  name: vm.networkInterfaceName
  location: location
  tags: tags
  properties: {
    // Lower latency and CPU use for the same size (Performance Efficiency).
    enableAcceleratedNetworking: true
    ipConfigurations: [
      {
        name: 'ipconfig1'
        properties: {
          // A private address only: administrators come through Bastion (Security).
          privateIPAllocationMethod: 'Dynamic'
          subnet: {
            id: resourceId('Microsoft.Network/virtualNetworks/subnets', vm.virtualNetworkName, vm.subnetName)
          }
        }
      }
    ]
  }
}

resource dataDisks 'Microsoft.Compute/disks@2024-03-02' = [
  for disk in vm.dataDisks: {
    name: disk.name
    location: location
    tags: tags
    zones: zones
    sku: {
      name: disk.storage
    }
    properties: {
      creationData: {
        createOption: 'Empty'
      }
      diskSizeGB: disk.sizeGb
      encryption: {
        type: 'EncryptionAtRestWithCustomerKey'
        diskEncryptionSetId: diskEncryptionSetId
      }
      // No disk export or import over the internet (Security).
      networkAccessPolicy: 'DenyAll'
      publicNetworkAccess: 'Disabled'
    }
  }
]

// What Windows and Linux servers share; the OS modules add their own osProfile.
var storageProfile = {
  imageReference: vm.image
  osDisk: {
    name: vm.osDiskName
    createOption: 'FromImage'
    caching: 'ReadWrite'
    diskSizeGB: vm.?osDiskSizeGb
    managedDisk: {
      storageAccountType: vm.osDiskStorage
      diskEncryptionSet: {
        id: diskEncryptionSetId
      }
    }
  }
  dataDisks: [
    for (disk, i) in vm.dataDisks: {
      lun: disk.lun
      name: disk.name
      createOption: 'Attach'
      caching: 'ReadOnly'
      managedDisk: {
        id: dataDisks[i].id
      }
    }
  ]
}

// One module per operating system, so each VM resource reads plainly (no conditional osProfile).
module windowsVm 'virtual-machine-windows.bicep' = if (windows) {
  name: '${deployment().name}-windows'
  params: {
    name: vm.name
    location: location
    tags: tags
    zones: zones
    size: vm.size
    storageProfile: storageProfile
    networkInterfaceId: nic.id
    adminUsername: adminUsername
    adminPassword: adminPassword
  }
}

module linuxVm 'virtual-machine-linux.bicep' = if (!windows) {
  name: '${deployment().name}-linux'
  params: {
    name: vm.name
    location: location
    tags: tags
    zones: zones
    size: vm.size
    storageProfile: storageProfile
    networkInterfaceId: nic.id
    adminUsername: adminUsername
    adminSshPublicKey: adminSshPublicKey
  }
}

// Whichever of the two exists, for the resources that attach to it.
resource virtualMachine 'Microsoft.Compute/virtualMachines@2024-07-01' existing = {
  name: vm.name
}

resource monitorAgent 'Microsoft.Compute/virtualMachines/extensions@2024-07-01' = {
  parent: virtualMachine
  name: windows ? 'AzureMonitorWindowsAgent' : 'AzureMonitorLinuxAgent'
  location: location
  tags: tags
  properties: {
    publisher: 'Microsoft.Azure.Monitor'
    type: windows ? 'AzureMonitorWindowsAgent' : 'AzureMonitorLinuxAgent'
    typeHandlerVersion: '1.0'
    autoUpgradeMinorVersion: true
    enableAutomaticUpgrade: true
  }
  dependsOn: [
    windowsVm
    linuxVm
  ]
}

resource dataCollection 'Microsoft.Insights/dataCollectionRuleAssociations@2023-03-11' = {
  name: 'dcra-servers'
  scope: virtualMachine
  properties: {
    dataCollectionRuleId: dataCollectionRuleId
  }
  dependsOn: [
    monitorAgent
  ]
}

resource maintenance 'Microsoft.Maintenance/configurationAssignments@2023-04-01' = {
  name: 'mca-servers'
  location: location
  scope: virtualMachine
  properties: {
    maintenanceConfigurationId: maintenanceConfigurationId
    resourceId: virtualMachine.id
  }
  dependsOn: [
    windowsVm
    linuxVm
  ]
}

@description('Resource ID of the virtual machine.')
output resourceId string = virtualMachine.id

@description('Name of the virtual machine.')
output name string = virtualMachine.name

// Its managed disks for Site Recovery, as meg lists them (the OS disk, created with the VM
// under the name given, first). A module's outputs wait for all its resources.
var diskIds = [for diskName in vm.diskNames: resourceId('Microsoft.Compute/disks', diskName)]

@description('Resource IDs of its managed disks: the OS disk first, then each data disk.')
output diskIds array = diskIds
