// Deploys nothing: run one after the other in a loop (@batchSize(1)), empty deployments give a
// newly created management group time to replicate across ARM before a deployment targets it.
targetScope = 'managementGroup'

@description('Which wait of the loop this is, for the deployment history.')
output step string = deployment().name
