//! `meg inventory` over synthetic exports of every format meg reads: header variants, custom
//! columns, units, several disks, bad rows, unknown files and workbooks. Every file is written
//! by the test itself; nothing here is a real customer's export.

mod common;

use common::Meg;
use common::inventory::{json, server, tiers};

/// The import CSV as teams fill it in, with a custom column in the middle and the
/// `*Server Name` variant.
const IMPORT: &str = "\
*Server Name,IP addresses,*Cores,Owner,*Memory (In MB),*OS name,OS version,Boot type,Environment,Disk 1 size (In GB),Disk 1 read ops (operations per second),Disk 1 write ops (operations per second),Disk 2 size (In GB),Disk 3 size (In GB)
WEB01.contoso.local,10.1.0.4;10.1.0.5,4,alice,16384,Microsoft Windows Server 2019 Datacenter,10.0,UEFI,prod,128,100,50,129,
db01,\"10.1.1.4, 10.1.1.5\",8,bob,65536,Red Hat Enterprise Linux 8,,BIOS,dev,64,,,4096,4097
";

#[test]
fn reads_an_azure_migrate_import_csv_and_sizes_each_server() {
    let meg = Meg::new();
    meg.write("servers.csv", IMPORT);
    let v = json(&meg, &["inventory", "servers.csv", "--json"]);
    let web = server(&v, "WEB01.contoso.local");
    assert_eq!(web["vmName"], "web01");
    assert_eq!(web["environment"], "prod");
    assert_eq!(web["size"], "Standard_D4s_v5");
    assert_eq!(web["sizeSource"], "asOnPremises");
    assert_eq!(web["origin"], "servers.csv:2");
    // Production disks are Premium SSD, each the smallest tier at least its size.
    assert_eq!(tiers(web), ["P10:128:true", "P15:129:false"]);
    assert_eq!(web["disks"][0]["sku"], "Premium_LRS");
    let db = server(&v, "db01");
    assert_eq!(
        db["size"], "Standard_E8s_v5",
        "8 GiB per core: memory-optimised first"
    );
    // Elsewhere Standard SSD: 4096 GiB is E50, one GiB more E60.
    assert_eq!(
        tiers(db),
        ["E6:64:true", "E50:4096:false", "E60:4097:false"]
    );
    assert_eq!(db["disks"][1]["sku"], "StandardSSD_LRS");
    let waves: Vec<&str> = v["waves"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["environment"].as_str().unwrap())
        .collect();
    assert_eq!(waves, ["dev", "prod"], "dev moves before prod");
}

#[test]
fn header_spellings_line_breaks_and_column_order_do_not_matter() {
    let meg = Meg::new();
    // Lower case, no star, a line break inside a quoted header, `Memory(MB)`, columns shuffled,
    // `;` as the separator (a German Excel), and a custom column first.
    meg.write(
        "servers.csv",
        "Cost centre;\"OS\r\nname\";memory(mb);server name;CORES;\"Disk  1 size\n(in GB)\"\n\
         CC1;Ubuntu 22.04;8192;app02;2;40\n",
    );
    let v = json(&meg, &["inventory", "servers.csv", "--json"]);
    let app = server(&v, "app02");
    assert_eq!(app["size"], "Standard_D2s_v5");
    assert_eq!(app["os"], "linux");
    assert_eq!(tiers(app), ["E6:40:true"]);
}

#[test]
fn a_bad_value_names_the_file_row_and_column_and_writes_nothing() {
    let meg = Meg::new();
    meg.write(
        "servers.csv",
        "*Server name,*Cores,*Memory (In MB),*OS name,Boot type\n\
         ok01,2,4096,Windows Server 2022,BIOS\n\
         bad01,two,4096,Windows Server 2022,BIOS\n\
         bad02,2,4096,Windows Server 2022,floppy\n\
         bad03,2,,Windows Server 2022,UEFI\n",
    );
    let run = meg
        .run(&[
            "inventory",
            "servers.csv",
            "--export",
            "azure-migrate-import",
            "out.csv",
        ])
        .bad_input();
    let err = run.stderr();
    assert!(
        err.contains("servers.csv:3: column '*Cores': 'two' is not a number"),
        "{err}"
    );
    assert!(
        err.contains("servers.csv:4: column 'Boot type': 'floppy' is not a boot type"),
        "{err}"
    );
    assert!(
        err.contains("servers.csv:5: column '*Memory (In MB)': is empty"),
        "{err}"
    );
    assert!(
        !meg.path("out.csv").exists(),
        "nothing is written on bad input"
    );
}

#[test]
fn an_unknown_file_lists_the_formats_meg_reads_and_the_headers_it_found() {
    let meg = Meg::new();
    meg.write("people.csv", "Name,Phone,Team\nann,123,ops\n");
    let err = meg.run(&["inventory", "people.csv"]).bad_input().stderr();
    assert!(
        err.contains("people.csv: not an inventory meg knows"),
        "{err}"
    );
    assert!(err.contains("headers found: Name, Phone, Team"), "{err}");
    for format in [
        "Azure Migrate import CSV",
        "RVTools vInfo",
        "All_Assessed_Machines",
    ] {
        assert!(err.contains(format), "{format} missing from: {err}");
    }
}

/// An RVTools vInfo tab with a template, an SRM placeholder, a powered-off VM and custom
/// attributes between the standard columns; `provisioned` names the disk column's header.
fn vinfo(provisioned: &str, size: &str) -> String {
    format!(
        "VM,Powerstate,Template,SRM Placeholder,Environment,CPUs,Memory,NICs,Disks,Primary IP Address,Network #1,{provisioned},Firmware,OS according to the configuration file,OS according to the VMware Tools,Application,VM UUID\n\
         app01,poweredOn,False,False,prod,4,16384,1,1,10.20.1.10,VLAN110-App,{size},efi,Microsoft Windows Server 2019 (64-bit),Microsoft Windows Server 2019 (64-bit),erp,4210-aaaa\n\
         tmpl01,poweredOff,True,False,prod,2,4096,1,1,,VLAN110-App,{size},bios,Ubuntu Linux (64-bit),,,4210-bbbb\n\
         srm01,poweredOff,False,True,prod,2,4096,1,1,,VLAN110-App,{size},bios,Ubuntu Linux (64-bit),,,4210-cccc\n\
         old01,poweredOff,False,False,prod,2,4096,1,1,,VLAN110-App,{size},bios,Ubuntu Linux (64-bit),,,4210-dddd\n"
    )
}

#[test]
fn rvtools_drops_templates_placeholders_and_powered_off_vms() {
    let meg = Meg::new();
    meg.write("RVTools_tabvInfo.csv", &vinfo("Provisioned MiB", "131072"));
    let v = json(&meg, &["inventory", "RVTools_tabvInfo.csv", "--json"]);
    let names: Vec<&str> = v["servers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["app01"]);
    let warnings = v["warnings"].to_string();
    for w in [
        "1 templates dropped",
        "1 SRM placeholders dropped",
        "1 powered-off VMs dropped",
    ] {
        assert!(warnings.contains(w), "{w}: {warnings}");
    }
    let app = server(&v, "app01");
    assert_eq!(app["machineId"], "4210-aaaa");
    // Without vDisk, one OS disk of the provisioned size: 131072 MiB is 128 GiB.
    assert_eq!(tiers(app), ["P10:128:true"]);
}

#[test]
fn megabytes_and_mebibytes_columns_read_by_their_unit() {
    // RVTools wrote `Provisioned MB` before 4.x and `Provisioned MiB` after, with the same
    // numbers (vCenter counts in MiB); a `GB` column is read in GiB.
    for (header, value) in [("Provisioned MB", "131073"), ("Provisioned MiB", "131073")] {
        let meg = Meg::new();
        meg.write("RVTools_tabvInfo.csv", &vinfo(header, value));
        let v = json(&meg, &["inventory", "RVTools_tabvInfo.csv", "--json"]);
        assert_eq!(tiers(server(&v, "app01")), ["P15:129:true"], "{header}");
    }
    let meg = Meg::new();
    meg.write(
        "servers.csv",
        "*Server name,*Cores,*Memory (In GB),*OS name\nbig01,4,32,Windows Server 2022\n",
    );
    let v = json(&meg, &["inventory", "servers.csv", "--json"]);
    assert_eq!(server(&v, "big01")["memoryMiB"], 32768);
    assert_eq!(server(&v, "big01")["size"], "Standard_E4s_v5");
}

#[test]
fn rvtools_joins_vdisk_and_vnetwork_by_vm() {
    let meg = Meg::new();
    meg.write("RVTools_tabvInfo.csv", &vinfo("Provisioned MiB", "999999"));
    meg.write(
        "RVTools_tabvDisk.csv",
        "VM,Disk,Capacity MiB,Thin,Controller,Unit #\n\
         app01,Hard disk 2,1048576,True,SCSI controller 0,1\n\
         app01,Hard disk 1,61440,True,SCSI controller 0,0\n\
         app01,Hard disk 10,2048,True,SCSI controller 1,0\n",
    );
    meg.write(
        "RVTools_tabvNetwork.csv",
        "VM,NIC label,Adapter,Network,Switch,Connected,Mac Address,IPv4 Address\n\
         app01,Network adapter 1,VMXNET3,VLAN120-Db,dvs01,True,00:50:56:aa,10.20.2.10\n",
    );
    let v = json(
        &meg,
        &[
            "inventory",
            "RVTools_tabvInfo.csv",
            "RVTools_tabvDisk.csv",
            "RVTools_tabvNetwork.csv",
            "--json",
        ],
    );
    let app = server(&v, "app01");
    // Hard disk 1 is the OS disk, whatever the row order; then 2, then 10.
    assert_eq!(tiers(app), ["P6:60:true", "P30:1024:false", "P1:2:false"]);
}

#[test]
fn an_assessment_recommendation_wins_and_is_said_so() {
    let meg = Meg::new();
    meg.write("servers.csv", IMPORT);
    meg.write(
        "All_Assessed_Machines.csv",
        "Machine,VM host,Azure VM readiness,Recommended size,Operating system,Boot type,Cores,Memory(MB),Storage(GB),IP address,Group name\n\
         web01.contoso.local,esx01,Ready,Standard_D8s_v5,Windows Server 2019,UEFI,4,16384,257,10.1.0.4,web\n",
    );
    meg.write(
        "All_Assessed_Disks.csv",
        "Machine,Disk name,Recommended disk size SKU,Recommended disk type,Source disk size(GB),Target disk size(GB)\n\
         web01.contoso.local,scsi0:0,StandardSSD_E10,Standard SSD,128,128\n\
         web01.contoso.local,scsi0:1,Premium_P20,Premium SSD,129,512\n",
    );
    let v = json(
        &meg,
        &[
            "inventory",
            "servers.csv",
            "All_Assessed_Machines.csv",
            "All_Assessed_Disks.csv",
            "--json",
        ],
    );
    let web = server(&v, "WEB01.contoso.local");
    assert_eq!(web["size"], "Standard_D8s_v5");
    assert_eq!(web["sizeSource"], "assessment");
    assert!(
        web["reason"]
            .as_str()
            .unwrap()
            .contains("All_Assessed_Machines.csv:2")
    );
    assert_eq!(tiers(web), ["E10:128:true", "P20:129:false"]);
    // The other server keeps meg's own sizing.
    assert_eq!(server(&v, "db01")["sizeSource"], "asOnPremises");
}

#[test]
fn the_newer_assessment_sheet_lists_disks_in_the_row() {
    let meg = Meg::new();
    meg.write(
        "VM_IaaS_Server_Rehost_Perf.csv",
        "Machine Name,Environment,Azure VM Readiness,Recommended VM Size,Operating System,Boot Type,Cores,Memory (in MB),Storage (in GB),Disk Names,Recommended Disk SKUs,Group Name,Machine ID\n\
         fs01,prod,Ready,Standard_E4s_v5,Ubuntu 20.04,BIOS,2,8192,300,disk0;disk1,Premium_P15;Standard_S30,files,/subscriptions/x/machines/fs01\n",
    );
    let v = json(
        &meg,
        &["inventory", "VM_IaaS_Server_Rehost_Perf.csv", "--json"],
    );
    let fs = server(&v, "fs01");
    assert_eq!(fs["size"], "Standard_E4s_v5");
    assert_eq!(fs["machineId"], "/subscriptions/x/machines/fs01");
    // One disk from Storage (in GB); its SKU from the row's first recommendation.
    assert_eq!(tiers(fs), ["P20:300:true"]);
}

#[test]
fn exports_an_import_csv_that_reads_back_the_same() {
    let meg = Meg::new();
    meg.write("RVTools_tabvInfo.csv", &vinfo("Provisioned MiB", "131072"));
    meg.run(&[
        "inventory",
        "RVTools_tabvInfo.csv",
        "--export",
        "azure-migrate-import",
        "import.csv",
    ])
    .ok();
    let csv = meg.read("import.csv");
    assert!(
        csv.starts_with("*Server name,IP addresses,*Cores,*Memory (In MB),*OS name"),
        "{csv}"
    );
    let back = json(&meg, &["inventory", "import.csv", "--json"]);
    let app = server(&back, "app01");
    assert_eq!(app["size"], "Standard_D4s_v5");
    assert_eq!(app["memoryMiB"], 16384);
    assert_eq!(
        tiers(app),
        ["E10:128:true"],
        "the environment column is not in the import format"
    );
    assert!(
        meg.run(&[
            "inventory",
            "RVTools_tabvInfo.csv",
            "--export",
            "csv",
            "x.csv"
        ])
        .bad_input()
        .stderr()
        .contains("azure-migrate-import")
    );
}

/// A minimal XLSX workbook with inline-string cells (what calamine reads like Excel's own).
fn xlsx(sheets: &[(&str, &[&[&str]])]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    let mut put = |name: &str, text: String| {
        zip.start_file(name, opts).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    };
    let overrides: String = (1..=sheets.len())
        .map(|i| format!("<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"))
        .collect();
    put(
        "[Content_Types].xml",
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>{overrides}</Types>"
        ),
    );
    put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>".into());
    let list: String = sheets
        .iter()
        .enumerate()
        .map(|(i, (n, _))| {
            format!(
                "<sheet name=\"{n}\" sheetId=\"{}\" r:id=\"rId{}\"/>",
                i + 1,
                i + 1
            )
        })
        .collect();
    put(
        "xl/workbook.xml",
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>{list}</sheets></workbook>"
        ),
    );
    let rels: String = (1..=sheets.len())
        .map(|i| format!("<Relationship Id=\"rId{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>"))
        .collect();
    put(
        "xl/_rels/workbook.xml.rels",
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rels}</Relationships>"
        ),
    );
    for (i, (_, rows)) in sheets.iter().enumerate() {
        let body: String = rows
            .iter()
            .enumerate()
            .map(|(r, cells)| {
                let cells: String = cells
                    .iter()
                    .enumerate()
                    .map(|(c, v)| {
                        let col = (b'A' + c as u8) as char;
                        if !v.is_empty() && v.chars().all(|ch| ch.is_ascii_digit()) {
                            format!("<c r=\"{col}{}\"><v>{v}</v></c>", r + 1)
                        } else {
                            format!(
                                "<c r=\"{col}{}\" t=\"inlineStr\"><is><t>{v}</t></is></c>",
                                r + 1
                            )
                        }
                    })
                    .collect();
                format!("<row r=\"{}\">{cells}</row>", r + 1)
            })
            .collect();
        put(
            &format!("xl/worksheets/sheet{}.xml", i + 1),
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{body}</sheetData></worksheet>"
            ),
        );
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn reads_an_rvtools_workbook_with_its_sheets() {
    let meg = Meg::new();
    let book = xlsx(&[
        ("vHost", &[&["Host", "Datacenter"], &["esx01", "dc1"]]),
        (
            "vInfo",
            &[
                &[
                    "VM",
                    "Powerstate",
                    "Template",
                    "CPUs",
                    "Memory",
                    "Network #1",
                    "Provisioned MiB",
                    "OS according to the VMware Tools",
                ],
                &[
                    "sql01",
                    "poweredOn",
                    "False",
                    "8",
                    "65536",
                    "VLAN120-Db",
                    "999",
                    "Microsoft Windows Server 2022 (64-bit)",
                ],
            ],
        ),
        (
            "vDisk",
            &[
                &["VM", "Disk", "Capacity MiB"],
                &["sql01", "Hard disk 1", "131072"],
                &["sql01", "Hard disk 2", "4194305"],
            ],
        ),
    ]);
    std::fs::write(meg.path("RVTools_export.xlsx"), book).unwrap();
    let v = json(&meg, &["inventory", "RVTools_export.xlsx", "--json"]);
    let sql = server(&v, "sql01");
    assert_eq!(sql["size"], "Standard_E8s_v5");
    assert_eq!(tiers(sql), ["E10:128:true", "E60:4097:false"]);

    // A bad cell in a workbook names the sheet and the row.
    let bad = xlsx(&[(
        "vInfo",
        &[
            &["VM", "Powerstate", "CPUs", "Memory"],
            &["sql01", "poweredOn", "many", "65536"],
        ],
    )]);
    std::fs::write(meg.path("bad.xlsx"), bad).unwrap();
    let err = meg.run(&["inventory", "bad.xlsx"]).bad_input().stderr();
    assert!(
        err.contains("bad.xlsx [vInfo]:2: column 'CPUs': 'many' is not a number"),
        "{err}"
    );
}

#[test]
fn one_server_twice_is_an_error_naming_both_rows() {
    let meg = Meg::new();
    meg.write(
        "servers.csv",
        "*Server name,*Cores,*Memory (In MB),*OS name\nweb01,2,4096,Linux\nWEB01,2,4096,Linux\n",
    );
    let err = meg.run(&["inventory", "servers.csv"]).bad_input().stderr();
    assert!(
        err.contains("servers.csv:3: server 'WEB01' is also at servers.csv:2"),
        "{err}"
    );
}

/// A rehost landing zone with one spoke per environment and an inventory.
fn landing_zone(inventory: &str) -> String {
    format!(
        "name: northwind
strategy: rehost
location: westeurope
migration:
  inventory:
{inventory}
environments:
  dev:
    network:
      hub:
        addressSpace: 10.80.0.0/22
      spokes:
        - name: orders
          addressSpace: 10.81.0.0/24
    migration:
      enabled: true
  prod:
    network:
      hub:
        addressSpace: 10.90.0.0/22
      spokes:
        - name: orders
          addressSpace: 10.91.0.0/24
    migration:
      enabled: true
"
    )
}

const PLACED: &str = "    files: [exports/servers.csv]
    placement:
      - cidr: 10.1.0.0/16
        spoke: orders
        subnet: workload
";

#[test]
fn every_server_is_placed_or_the_error_lists_unplaced_networks_and_servers() {
    let meg = Meg::new();
    meg.write(
        "exports/servers.csv",
        "*Server name,IP addresses,*Cores,*Memory (In MB),*OS name,Environment,Network\n\
         web01,10.1.0.4,2,4096,Ubuntu,prod,\n\
         web02,10.9.0.4,2,4096,Ubuntu,prod,VLAN300-Web\n\
         web03,10.9.0.5,2,4096,Ubuntu,dev,VLAN300-Web\n\
         web04,,2,4096,Ubuntu,dev,\n",
    );
    meg.write("lz.yaml", &landing_zone(PLACED));
    for cmd in [
        &["inventory", "lz.yaml"][..],
        &["render", "lz.yaml", "-o", "out"],
    ] {
        let err = meg.run(cmd).bad_input().stderr();
        assert!(err.contains("3 servers match no placement rule"), "{err}");
        assert!(
            err.contains(
                "network VLAN300-Web: web02 (exports/servers.csv:3), web03 (exports/servers.csv:4)"
            ),
            "{err}"
        );
        assert!(
            err.contains("network no network in the export: web04 (exports/servers.csv:5)"),
            "{err}"
        );
    }
    assert!(
        !meg.path("out/README.md").exists() && !meg.path("out/terraform").exists(),
        "nothing is written"
    );
}

#[test]
fn inventory_servers_render_as_replicated_servers_of_their_wave_and_the_lock_records_the_files() {
    let meg = Meg::new();
    meg.write(
        "exports/servers.csv",
        "*Server name,IP addresses,*Cores,*Memory (In MB),*OS name,Environment,Disk 1 size (In GB),Disk 2 size (In GB)\n\
         WEB01.corp.local,10.1.0.4,4,16384,Windows Server 2019,prod,127,129\n\
         dev01,10.1.1.4,8,65536,Ubuntu 22.04,dev,40,200\n",
    );
    meg.write("lz.yaml", &landing_zone(PLACED));
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    // Azure Migrate replicates them in their wave (tests/waves_roots.rs): the wave root holds
    // each server's target, and the environment's root creates no VM for them.
    let prod = meg.read("out/terraform/waves/prod-wave-1/wave.tfvars");
    assert!(prod.contains("\"web01\" = {"), "{prod}");
    assert!(
        prod.contains("size                 = \"Standard_D4s_v5\""),
        "{prod}"
    );
    // Production: Premium SSD for both disks.
    assert!(
        prod.contains("disk_types           = [\"Premium_LRS\", \"Premium_LRS\"]"),
        "{prod}"
    );
    let dev = meg.read("out/bicep/waves/dev-wave-1/main.bicepparam");
    assert!(dev.contains("size: 'Standard_E8s_v5'"), "{dev}");
    assert!(dev.contains("'StandardSSD_LRS'"), "{dev}");
    let main = meg.read("out/terraform/main.rehost.tf");
    assert!(!main.contains("module \"virtual_machine\""), "{main}");
    let readme = meg.read("out/README.md");
    assert!(readme.contains("## Migrated servers"), "{readme}");
    assert!(readme.contains("| prod | `web01` | WEB01.corp.local (exports/servers.csv:2) | `orders` / `workload` | `Standard_D4s_v5` |"), "{readme}");
    let lock = meg.read("out/.meg/lock.json");
    assert!(lock.contains("\"name\": \"servers.csv\""), "{lock}");

    // The inventory changes: the render sees it (the lock's record of the file changes too).
    meg.write(
        "exports/servers.csv",
        "*Server name,IP addresses,*Cores,*Memory (In MB),*OS name,Environment\nWEB01,10.1.0.4,8,32768,Windows Server 2019,prod\n",
    );
    meg.run(&["render", "lz.yaml", "-o", "out"]).ok();
    assert!(
        meg.read("out/terraform/waves/prod-wave-1/wave.tfvars")
            .contains("Standard_D8s_v5")
    );
    assert_ne!(meg.read("out/.meg/lock.json"), lock);
}

#[test]
fn a_hand_written_vm_size_is_checked_against_the_size_table() {
    let meg = Meg::new();
    let lz = |size: &str| {
        format!(
            "name: northwind
strategy: rehost
location: westeurope
environments:
  prod:
    network:
      hub:
        addressSpace: 10.90.0.0/22
      spokes:
        - name: orders
          addressSpace: 10.91.0.0/24
    migration:
      enabled: true
      virtualMachines:
        app01:
          spoke: orders
          subnet: workload
          os: linux
          size: {size}
"
        )
    };
    // A typo, and Azure's size in another case (Azure answers with its own spelling, so every
    // plan would show a change): both refused where they are written, with the size meant.
    for wrong in ["Standard_D4s_v5x", "Standard_D4S_V5"] {
        meg.write("lz.yaml", &lz(wrong));
        let err = meg.run(&["validate", "lz.yaml"]).bad_input().stderr();
        assert!(err.contains("lz.yaml:19:"), "{err}");
        assert!(
            err.contains(&format!("'{wrong}' is not an Azure VM size meg knows")),
            "{err}"
        );
        assert!(err.contains("did you mean 'Standard_D4s_v5'?"), "{err}");
    }
    meg.write("lz.yaml", &lz("Standard_D4s_v5"));
    meg.run(&["validate", "lz.yaml"]).ok();
}

#[test]
fn environments_come_from_the_column_a_map_patterns_or_the_default() {
    let meg = Meg::new();
    meg.write(
        "exports/servers.csv",
        "*Server name,IP addresses,*Cores,*Memory (In MB),*OS name,Environment\n\
         a01,10.1.0.4,2,4096,Ubuntu,Production\n\
         dev-b01,10.1.0.5,2,4096,Ubuntu,\n\
         c01,10.1.0.6,2,4096,Ubuntu,\n\
         d01,10.1.0.7,2,4096,Ubuntu,Staging\n",
    );
    meg.write(
        "lz.yaml",
        &landing_zone(&format!(
            "{PLACED}    environments:\n      map: {{production: prod}}\n      names: [{{pattern: \"dev-*\", environment: dev}}]\n      default: prod\n"
        )),
    );
    let err = meg.run(&["inventory", "lz.yaml"]).bad_input().stderr();
    assert!(
        err.contains("exports/servers.csv:5: server 'd01' is in environment 'Staging'"),
        "{err}"
    );
    meg.write(
        "exports/servers.csv",
        "*Server name,IP addresses,*Cores,*Memory (In MB),*OS name,Environment\n\
         a01,10.1.0.4,2,4096,Ubuntu,Production\n\
         dev-b01,10.1.0.5,2,4096,Ubuntu,\n\
         c01,10.1.0.6,2,4096,Ubuntu,\n",
    );
    let v = json(&meg, &["inventory", "lz.yaml", "--json"]);
    let env = |n: &str| server(&v, n)["environment"].as_str().unwrap().to_string();
    assert_eq!(
        [env("a01"), env("dev-b01"), env("c01")],
        ["prod", "dev", "prod"]
    );
    assert_eq!(server(&v, "a01")["spoke"], "orders");
    assert_eq!(server(&v, "a01")["subnet"], "workload");
}

#[test]
fn sizing_settings_are_checked_and_applied() {
    let meg = Meg::new();
    meg.write(
        "exports/servers.csv",
        "*Server name,IP addresses,*Cores,*Memory (In MB),*OS name,Environment,Disk 1 size (In GB)\n\
         a01,10.1.0.4,4,16384,Ubuntu,prod,100\n",
    );
    meg.write(
        "lz.yaml",
        &landing_zone(&format!(
            "{PLACED}    sizing:\n      series: [Dasv5]\n      comfortFactor: 1.5\n      diskStorage: {{prod: StandardSSD_LRS}}\n"
        )),
    );
    let v = json(&meg, &["inventory", "lz.yaml", "--json"]);
    let a = server(&v, "a01");
    assert_eq!(a["size"], "Standard_D8as_v5");
    assert_eq!(tiers(a), ["E10:100:true"]);
    meg.write(
        "lz.yaml",
        &landing_zone(&format!("{PLACED}    sizing:\n      series: [Dsv55]\n")),
    );
    let err = meg.run(&["inventory", "lz.yaml"]).bad_input().stderr();
    assert!(
        err.contains("'Dsv55' is not a VM series meg knows"),
        "{err}"
    );
    assert!(err.contains("did you mean 'Dsv5'?"), "{err}");
}

#[test]
fn a_server_name_too_long_for_a_computer_name_is_an_error_at_its_row() {
    let meg = Meg::new();
    meg.write(
        "exports/servers.csv",
        "*Server name,IP addresses,*Cores,*Memory (In MB),*OS name\n\
         ok01,10.1.0.4,2,4096,Ubuntu\n\
         app-server-number-0001.corp,10.1.0.5,2,4096,Windows Server 2022\n",
    );
    meg.write(
        "lz.yaml",
        &landing_zone(&format!("{PLACED}    environments: {{default: prod}}\n")),
    );
    // meg inventory shows the plan; render refuses the name at its row.
    meg.run(&["inventory", "lz.yaml"]).ok();
    let err = meg
        .run(&["render", "lz.yaml", "-o", "out"])
        .bad_input()
        .stderr();
    assert!(
        err.contains("exports/servers.csv:3: server 'app-server-number-0001.corp' would be VM 'app-server-number-0001'"),
        "{err}"
    );
}

#[test]
fn a_misspelt_inventory_key_is_an_error_for_inventory_as_for_render() {
    let meg = Meg::new();
    meg.write(
        "exports/servers.csv",
        "*Server name,IP addresses,*Cores,*Memory (In MB),*OS name\nok01,10.1.0.4,2,4096,Ubuntu\n",
    );
    meg.write(
        "lz.yaml",
        &landing_zone("    files: [exports/servers.csv]\n    placment:\n      - {cidr: 10.1.0.0/16, spoke: orders, subnet: workload}\n"),
    );
    for cmd in [&["inventory", "lz.yaml"][..], &["validate", "lz.yaml"]] {
        let err = meg.run(cmd).bad_input().stderr();
        assert!(err.contains("placment"), "{err}");
        assert!(err.contains("lz.yaml:"), "{err}");
    }
}
