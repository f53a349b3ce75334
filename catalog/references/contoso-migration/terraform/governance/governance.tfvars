# Tenant-wide governance values, rendered by meg 0.1.0.
#   terraform plan -var-file=governance.tfvars

# The subscription the provider signs in to; nothing is deployed in it.
subscription_id = "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"

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
  connectivity = [
    # platform hub nonprod
    "3f2b9c1e-7a4d-4e8b-9c6f-1d2e3f4a5b6c",
    # platform hub prod
    "8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f",
  ]
  management = [
    # the management subscription
    "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
  ]
  corp = [
    # environment dev
    "0b6e2f4a-1c3d-4e5f-8a9b-2c4d6e8f0a1b",
    # environment prod
    "7d9f1b3c-5e7a-4c2e-9b1d-3f5a7c9e1b2d",
  ]
}
