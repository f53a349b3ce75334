// Azure Database Migration Service for the Azure SQL migration extension: offline moves of SQL
// Server databases into Azure SQL Database (online is not a supported scenario for that target,
// per the service's scenario status). The self-hosted integration runtime on premises registers
// with one of its authentication keys (az datamigration sql-service list-auth-key) and writes to
// the target servers' private endpoints over the VPN or ExpressRoute. Its ARM API has preview
// versions only.
targetScope = 'resourceGroup'

@description('Name of the migration service.')
param name string

@description('Azure region.')
param location string

@description('Tags.')
param tags object

resource migrationService 'Microsoft.DataMigration/sqlMigrationServices@2023-07-15-preview' = {
  name: name
  location: location
  tags: tags
  properties: {}
}

@description('Resource ID of the migration service.')
output resourceId string = migrationService.id

@description('Name of the migration service.')
output name string = migrationService.name
