# What the Azure Monitor agent collects from the servers: the performance counters and the
# warning-and-worse events that tell a sick server from a busy one (Operational Excellence).
resource "azurerm_monitor_data_collection_rule" "this" {
  name                = var.name
  resource_group_name = var.resource_group_name
  location            = var.location
  description         = "Performance counters, Windows events and syslog of the rehosted servers."
  tags                = var.tags

  data_sources {
    performance_counter {
      name                          = "perf-windows"
      streams                       = ["Microsoft-Perf"]
      sampling_frequency_in_seconds = 60
      counter_specifiers = [
        "\\Processor Information(_Total)\\% Processor Time",
        "\\Memory\\% Committed Bytes In Use",
        "\\LogicalDisk(*)\\% Free Space",
        "\\Network Interface(*)\\Bytes Total/sec",
      ]
    }

    performance_counter {
      name                          = "perf-linux"
      streams                       = ["Microsoft-Perf"]
      sampling_frequency_in_seconds = 60
      counter_specifiers = [
        "Processor(*)\\% Processor Time",
        "Memory(*)\\% Used Memory",
        "Logical Disk(*)\\% Free Space",
        "Network(*)\\Total Bytes",
      ]
    }

    windows_event_log {
      name    = "events-windows"
      streams = ["Microsoft-Event"]
      # Critical, error and warning events only: informational ones cost more than they tell.
      x_path_queries = [
        "System!*[System[(Level=1 or Level=2 or Level=3)]]",
        "Application!*[System[(Level=1 or Level=2 or Level=3)]]",
      ]
    }

    syslog {
      name           = "syslog-linux"
      streams        = ["Microsoft-Syslog"]
      facility_names = ["auth", "authpriv", "daemon", "kern", "syslog"]
      log_levels     = ["Warning", "Error", "Critical", "Alert", "Emergency"]
    }
  }

  destinations {
    log_analytics {
      name                  = "workspace"
      workspace_resource_id = var.log_analytics_workspace_id
    }
  }

  data_flow {
    streams      = ["Microsoft-Perf", "Microsoft-Event", "Microsoft-Syslog"]
    destinations = ["workspace"]
  }
}
