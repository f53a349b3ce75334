# Tenant-wide governance values, rendered by meg 0.1.0.
#   terraform plan -var-file=governance.tfvars

# The subscription the provider signs in to; nothing is deployed in it.
subscription_id = "3f0c6a1e-52b7-4d8e-9c41-7a2e5b9d0f13"

management_groups = {
  root = {
    id           = "contoso"
    display_name = "Contoso"
  }
  platform = {
    id           = "contoso-platform"
    display_name = "Platform"
  }
  management = {
    id           = "contoso-management"
    display_name = "Management"
  }
  connectivity = {
    id           = "contoso-connectivity"
    display_name = "Connectivity"
  }
  identity = {
    id           = "contoso-identity"
    display_name = "Identity"
  }
  landing_zones = {
    id           = "contoso-landingzones"
    display_name = "Landing zones"
  }
  corp = {
    id           = "contoso-corp"
    display_name = "Corp"
  }
  online = {
    id           = "contoso-online"
    display_name = "Online"
  }
  sandbox = {
    id           = "contoso-sandbox"
    display_name = "Sandbox"
  }
  decommissioned = {
    id           = "contoso-decommissioned"
    display_name = "Decommissioned"
  }
}

policy_assignments = {
  "allowed-locations" = {
    display_name         = "Allowed locations"
    policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/e56962a6-4747-49cd-b67b-bf8b01975c4c"
    parameters = {
      listOfAllowedLocations = {
        value = ["westeurope", "northeurope"]
      }
    }
    enforce = true
  }
  "security-benchmark" = {
    display_name         = "Microsoft cloud security benchmark"
    policy_definition_id = "/providers/Microsoft.Authorization/policySetDefinitions/1f3afdf9-d0c9-4c3d-847f-89da613e70a8"
    parameters           = {}
    enforce              = true
  }
  "require-tag-owner" = {
    display_name         = "Require the owner tag on resource groups"
    policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/96670d01-0a4d-4649-9c89-2d3abc0a5025"
    parameters = {
      tagName = {
        value = "owner"
      }
    }
    enforce = false
  }
  "require-tag-costcenter" = {
    display_name         = "Require the costCenter tag on resource groups"
    policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/96670d01-0a4d-4649-9c89-2d3abc0a5025"
    parameters = {
      tagName = {
        value = "costCenter"
      }
    }
    enforce = false
  }
}

subscription_placements = {
  management = [
    # the management subscription
    "3f0c6a1e-52b7-4d8e-9c41-7a2e5b9d0f13",
  ]
  corp = [
    # environment dev
    "8b2d4f60-1c3e-4a7b-b5d9-0e6f2a8c4d17",
    # environment prod
    "c4e81a27-9f3d-4b6c-8e02-5d7a1b3f9e64",
  ]
}
