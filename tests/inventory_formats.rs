//! Inventories as real exports vary: European Excel CSVs (`;`, decimal commas, thousands
//! points), byte-order marks, CRLF, title lines above the header, XLSX cells typed as floats,
//! text, dates and errors, full RVTools workbooks with every tab, header spellings from
//! Microsoft's own instructions, Unicode and Windows-1252 names, and the round trip through
//! `--export azure-migrate-import`. Every file is written by the test; none is a customer's.

mod common;

use common::Meg;
use common::inventory::{json, names, server, tiers};
use serde_json::Value;

/// A landing zone of one environment (prod) that reads `exports/servers.csv` and places
/// 10.1.0.0/16 in its `orders` spoke.
const ONE_ENVIRONMENT: &str = "name: northwind
strategy: rehost
location: westeurope
migration:
  inventory:
    files: [exports/servers.csv]
    placement:
      - {cidr: 10.1.0.0/16, spoke: orders, subnet: workload}
    environments: {default: prod}
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
";

/// A typed XLSX cell, as Excel stores it.
#[derive(Clone)]
enum Cell {
    Text(String),
    Number(f64),
    Bool(bool),
    /// A serial date with a date format.
    Date(f64),
    /// An error value (`#N/A`).
    Error(&'static str),
    Empty,
}
use Cell::{Bool, Date, Empty, Error, Number};

/// A text cell.
fn text(t: &str) -> Cell {
    Cell::Text(t.to_string())
}

fn column_letters(mut c: usize) -> String {
    let mut s = String::new();
    c += 1;
    while c > 0 {
        let r = (c - 1) % 26;
        s.insert(0, (b'A' + r as u8) as char);
        c = (c - 1) / 26;
    }
    s
}

fn escape(t: &str) -> String {
    t.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A workbook of typed cells (style 1 is a date format), read by calamine as Excel's own.
fn xlsx(sheets: &[(&str, Vec<Vec<Cell>>)]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    let mut put = |name: &str, text: String| {
        zip.start_file(name, opts).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    };
    const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const PKG: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
    let overrides: String = (1..=sheets.len())
        .map(|i| format!("<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"))
        .collect();
    put(
        "[Content_Types].xml",
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>{overrides}</Types>"
        ),
    );
    put(
        "_rels/.rels",
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"{PKG}\"><Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
        ),
    );
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
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{MAIN}\" xmlns:r=\"{REL}\"><sheets>{list}</sheets></workbook>"
        ),
    );
    let mut rels: String = (1..=sheets.len())
        .map(|i| format!("<Relationship Id=\"rId{i}\" Type=\"{REL}/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>"))
        .collect();
    rels.push_str(&format!(
        "<Relationship Id=\"rId{}\" Type=\"{REL}/styles\" Target=\"styles.xml\"/>",
        sheets.len() + 1
    ));
    put(
        "xl/_rels/workbook.xml.rels",
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"{PKG}\">{rels}</Relationships>"
        ),
    );
    put(
        "xl/styles.xml",
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"{MAIN}\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>"
        ),
    );
    for (i, (_, rows)) in sheets.iter().enumerate() {
        let mut body = String::new();
        for (r, cells) in rows.iter().enumerate() {
            body.push_str(&format!("<row r=\"{}\">", r + 1));
            for (c, cell) in cells.iter().enumerate() {
                let at = format!("{}{}", column_letters(c), r + 1);
                body.push_str(&match cell {
                    Cell::Text(t) => format!(
                        "<c r=\"{at}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                        escape(t)
                    ),
                    Number(n) => format!("<c r=\"{at}\"><v>{n:?}</v></c>"),
                    Bool(b) => format!("<c r=\"{at}\" t=\"b\"><v>{}</v></c>", u8::from(*b)),
                    Date(d) => format!("<c r=\"{at}\" s=\"1\"><v>{d}</v></c>"),
                    Error(e) => format!("<c r=\"{at}\" t=\"e\"><v>{}</v></c>", escape(e)),
                    Empty => String::new(),
                });
            }
            body.push_str("</row>");
        }
        put(
            &format!("xl/worksheets/sheet{}.xml", i + 1),
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{MAIN}\"><sheetData>{body}</sheetData></worksheet>"
            ),
        );
    }
    zip.finish().unwrap().into_inner()
}

fn texts(cells: &[&str]) -> Vec<Cell> {
    cells.iter().map(|c| text(c)).collect()
}

#[test]
fn a_semicolon_csv_from_a_european_excel_reads_decimal_commas_and_thousands_points() {
    let meg = Meg::new();
    // What a German Excel writes for "CSV (Trennzeichen-getrennt)": `;` between fields,
    // `,` before decimals, `.` between thousands; here with a byte-order mark, CRLF and the
    // empty rows Excel leaves below a table.
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(
        "*Server name;IP addresses;*Cores;*Memory (In MB);*OS name;Disk 1 size (In GB);Disk 2 size (In GB);Disk 3 size (In GB)\r\n\
         web01;10.0.0.4;4;16.384;Windows Server 2019;127,5;1.024;4.096,25\r\n\
         ;;;;;;;\r\n\
         \r\n"
            .as_bytes(),
    );
    std::fs::write(meg.path("servers.csv"), bytes).unwrap();
    let v = json(&meg, &["inventory", "servers.csv", "--json"]);
    let web = server(&v, "web01");
    assert_eq!(web["memoryMiB"], 16384, "16.384 MB is sixteen thousand");
    assert_eq!(web["size"], "Standard_D4s_v5");
    assert_eq!(
        tiers(web),
        ["E10:128:true", "E30:1024:false", "E60:4097:false"]
    );
    assert_eq!(names(&v), ["web01"], "blank rows are not servers");

    // The same numbers in a `,` file read the English way.
    meg.write(
        "us.csv",
        "*Server name,*Cores,*Memory (In MB),*OS name,Disk 1 size (In GB),Disk 2 size (In GB)\n\
         web01,4.0,\"16,384\",Ubuntu,\"1,024.5\",1.5\n",
    );
    let v = json(&meg, &["inventory", "us.csv", "--json"]);
    let web = server(&v, "web01");
    assert_eq!(web["memoryMiB"], 16384);
    assert_eq!(tiers(web), ["E40:1025:true", "E1:2:false"]);
}

#[test]
fn a_value_that_is_not_one_number_is_refused_at_its_row_and_column() {
    let meg = Meg::new();
    meg.write(
        "servers.csv",
        "*Server name;*Cores;*Memory (In MB);*OS name\n\
         web01;4;16.384.5;Ubuntu\n\
         web02;-2;4096;Ubuntu\n\
         web03;4;4096 MB;Ubuntu\n",
    );
    let err = meg.run(&["inventory", "servers.csv"]).bad_input().stderr();
    for line in [
        "servers.csv:2: column '*Memory (In MB)': '16.384.5' is not a number",
        "servers.csv:3: column '*Cores': -2 is below 0",
        "servers.csv:4: column '*Memory (In MB)': '4096 MB' is not a number",
    ] {
        assert!(err.contains(line), "{line}\n{err}");
    }
}

#[test]
fn disk_columns_as_microsoft_documents_them_read_in_gb() {
    // The import instructions add disks as plain `Disk 2 size`; hands also write `Disk1 size`.
    let meg = Meg::new();
    meg.write(
        "servers.csv",
        "*Server name,*Cores,*Memory (In MB),*OS name,Disk1 size,Disk 2 size,Disk 3 Size (in GB),Disk 10 size (In GB)\n\
         web01,2,4096,Ubuntu,30,129,,4097\n",
    );
    let v = json(&meg, &["inventory", "servers.csv", "--json"]);
    assert_eq!(
        tiers(server(&v, "web01")),
        ["E4:30:true", "E15:129:false", "E60:4097:false"],
        "Disk 1 is the OS disk; an empty disk is skipped; Disk 10 sorts after 2"
    );

    // Two spellings of one column: the first in the file counts, every time.
    meg.write(
        "twice.csv",
        "*Server name,*Cores,*Memory (In MB),*OS name,Disk1 size,Disk 1 size (In GB)
         web01,2,4096,Ubuntu,30,500
",
    );
    for _ in 0..8 {
        let v = json(&meg, &["inventory", "twice.csv", "--json"]);
        assert_eq!(tiers(server(&v, "web01")), ["E4:30:true"]);
    }
}

#[test]
fn title_lines_above_the_header_are_skipped_and_rows_keep_their_numbers() {
    let meg = Meg::new();
    meg.write(
        "servers.csv",
        "Server inventory for the Contoso migration\nExported 2026-01-05\n\n\
         *Server name,*Cores,*Memory (In MB),*OS name\nweb01,2,4096,Ubuntu\nweb02,two,4096,Ubuntu\n",
    );
    let err = meg.run(&["inventory", "servers.csv"]).bad_input().stderr();
    assert!(
        err.contains("servers.csv:6: column '*Cores': 'two' is not a number"),
        "{err}"
    );

    // A file no format knows shows its header row, not its title line.
    meg.write(
        "other.csv",
        "Server inventory for the Contoso migration\n\nServer,vCPU,RAM GB\nweb01,2,4\n",
    );
    let err = meg.run(&["inventory", "other.csv"]).bad_input().stderr();
    assert!(
        err.contains("other.csv: not an inventory meg knows; headers found: Server, vCPU, RAM GB"),
        "{err}"
    );
    assert!(
        err.contains("Azure Migrate import CSV (*Server name"),
        "{err}"
    );
}

#[test]
fn a_header_with_no_rows_under_it_is_said() {
    let meg = Meg::new();
    meg.write(
        "servers.csv",
        "*Server name,*Cores,*Memory (In MB),*OS name\r\n,,,\r\n",
    );
    let v = json(&meg, &["inventory", "servers.csv", "--json"]);
    assert_eq!(v["servers"].as_array().unwrap().len(), 0);
    assert!(
        v["warnings"].to_string().contains(
            "servers.csv: a header row of an Azure Migrate import CSV and no rows under it"
        ),
        "{v}"
    );
}

/// RVTools 4.x headers of the tabs that name a VM, as a full export holds them (custom
/// attribute columns `Owner` and `Environment` among them).
fn rvtools_workbook(vms: &[(&str, &str, f64, f64)]) -> Vec<u8> {
    let info_header = [
        "VM",
        "Powerstate",
        "Template",
        "SRM Placeholder",
        "Config status",
        "DNS Name",
        "CPUs",
        "Memory",
        "NICs",
        "Disks",
        "Total disk capacity MiB",
        "Primary IP Address",
        "Network #1",
        "Owner",
        "Provisioned MiB",
        "In Use MiB",
        "Firmware",
        "Environment",
        "Datacenter",
        "Cluster",
        "Host",
        "OS according to the configuration file",
        "OS according to the VMware Tools",
        "VM ID",
        "VM UUID",
    ];
    let mut info = vec![texts(&info_header)];
    let mut cpu = vec![texts(&[
        "VM",
        "Powerstate",
        "Template",
        "SRM Placeholder",
        "CPUs",
        "Sockets",
        "Cores p/s",
        "Max",
    ])];
    let mut memory = vec![texts(&[
        "VM",
        "Powerstate",
        "Template",
        "SRM Placeholder",
        "Size MiB",
        "Consumed",
        "Active",
    ])];
    let mut disk = vec![texts(&[
        "VM",
        "Powerstate",
        "Template",
        "SRM Placeholder",
        "Disk",
        "Disk Key",
        "Disk UUID",
        "Disk Path",
        "Capacity MiB",
        "Raw",
        "Disk Mode",
        "Thin",
        "Controller",
        "Label",
        "SCSI Unit #",
        "Unit #",
    ])];
    let mut partition = vec![texts(&[
        "VM",
        "Powerstate",
        "Template",
        "SRM Placeholder",
        "Disk Key",
        "Disk",
        "Capacity MiB",
        "Consumed MiB",
        "Free MiB",
        "Free %",
    ])];
    let mut network = vec![texts(&[
        "VM",
        "Powerstate",
        "Template",
        "SRM Placeholder",
        "NIC label",
        "Adapter",
        "Network",
        "Switch",
        "Connected",
        "Starts Connected",
        "Mac Address",
        "Type",
        "IPv4 Address",
    ])];
    let mut snapshot = vec![texts(&[
        "VM",
        "Powerstate",
        "Name",
        "Description",
        "Date / time",
        "Filename",
        "Size MiB (vmsn)",
    ])];
    for (i, &(vm, power, cpus, mib)) in vms.iter().enumerate() {
        let ip = format!("10.20.1.{}", i + 10);
        let mut row = texts(&[vm, power]);
        row.extend([
            Bool(false),
            Bool(false),
            text("green"),
            text(vm),
            Number(cpus),
            Number(mib),
        ]);
        row.extend([
            Number(1.0),
            Number(1.0),
            Number(65536.0),
            text(""),
            text("VLAN110-App"),
        ]);
        row.extend([
            text("alice"),
            Number(70000.0),
            Number(30000.0),
            text("efi"),
            text("prod"),
        ]);
        row.extend(texts(&["dc1", "cl1", "esx01", "Ubuntu Linux (64-bit)", ""]));
        row.extend([text("vm-1"), text("4210-aaaa")]);
        row[11] = text(&ip);
        info.push(row);
        cpu.push(vec![
            text(vm),
            text(power),
            Bool(false),
            Bool(false),
            Number(cpus),
            Number(1.0),
            Number(cpus),
            Number(cpus),
        ]);
        memory.push(vec![
            text(vm),
            text(power),
            Bool(false),
            Bool(false),
            Number(mib),
            Number(mib),
            Number(10.0),
        ]);
        disk.push(vec![
            text(vm),
            text(power),
            Bool(false),
            Bool(false),
            text("Hard disk 1"),
            Number(2000.0),
            text("6000c29"),
            text("[ds1] x.vmdk"),
            Number(65536.0),
            Bool(false),
            text("persistent"),
            Bool(true),
            text("SCSI controller 0"),
            text("Hard disk 1"),
            text("SCSI(0:0)"),
            Number(0.0),
        ]);
        for (part, capacity) in [("/", 40000.0), ("/var", 20000.0)] {
            partition.push(vec![
                text(vm),
                text(power),
                Bool(false),
                Bool(false),
                Number(2000.0),
                text(part),
                Number(capacity),
                Number(10000.0),
                Number(capacity - 10000.0),
                Number(50.0),
            ]);
        }
        network.push(vec![
            text(vm),
            text(power),
            Bool(false),
            Bool(false),
            text("Network adapter 1"),
            text("Vmxnet3"),
            text("VLAN120-Db"),
            text("dvs01"),
            Bool(true),
            Bool(true),
            text("00:50:56:aa"),
            text("assigned"),
            text(&ip),
        ]);
        snapshot.push(vec![
            text(vm),
            text(power),
            text("before patch"),
            Empty,
            Date(46000.5),
            text("x.vmsn"),
            Number(12.0),
        ]);
    }
    let host = vec![
        texts(&[
            "Host",
            "Datacenter",
            "Cluster",
            "# CPU",
            "Cores per CPU",
            "# Cores",
            "# Memory",
            "# VMs",
        ]),
        vec![
            text("esx01"),
            text("dc1"),
            text("cl1"),
            Number(2.0),
            Number(16.0),
            Number(32.0),
            Number(524288.0),
            Number(3.0),
        ],
    ];
    let meta = vec![
        texts(&[
            "RVTools major version",
            "RVTools version",
            "xlsx creation datetime",
            "Server",
        ]),
        vec![Number(4.0), text("4.6.1"), Date(46000.0), text("vc01.corp")],
    ];
    xlsx(&[
        ("vInfo", info),
        ("vCPU", cpu),
        ("vMemory", memory),
        ("vDisk", disk),
        ("vPartition", partition),
        ("vNetwork", network),
        ("vSnapshot", snapshot),
        ("vHost", host),
        ("vMetaData", meta),
    ])
}

#[test]
fn a_full_rvtools_workbook_takes_disks_from_vdisk_only_and_drops_cluster_agents() {
    let meg = Meg::new();
    std::fs::write(
        meg.path("RVTools_export_all.xlsx"),
        rvtools_workbook(&[
            ("app01", "poweredOn", 4.0, 16384.0),
            ("vCLS-4e1f5c0a-1b2c-4d3e", "poweredOn", 1.0, 128.0),
            ("vCLS (1)", "poweredOn", 1.0, 128.0),
        ]),
    )
    .unwrap();
    let v = json(&meg, &["inventory", "RVTools_export_all.xlsx", "--json"]);
    assert_eq!(names(&v), ["app01"]);
    let app = server(&v, "app01");
    // vPartition lists the guest's `/` and `/var` with capacities too: they are not disks.
    assert_eq!(tiers(app), ["P6:64:true"], "{app:#}");
    assert_eq!(app["memoryMiB"], 16384);
    assert_eq!(
        app["environment"], "prod",
        "a custom attribute column, by name"
    );
    assert!(
        v["warnings"]
            .to_string()
            .contains("RVTools: 2 vSphere Cluster Services (vCLS) agent VMs dropped"),
        "{}",
        v["warnings"]
    );

    // The same tabs as RVTools' CSV export: vPartition is read for nothing there either.
    let meg = Meg::new();
    meg.write(
        "RVTools_tabvInfo.csv",
        "VM,Powerstate,Template,SRM Placeholder,CPUs,Memory,Provisioned MiB,OS according to the VMware Tools\n\
         app01,poweredOn,False,False,2,8192,100000,Ubuntu Linux (64-bit)\n",
    );
    meg.write(
        "RVTools_tabvDisk.csv",
        "VM,Powerstate,Template,SRM Placeholder,Disk,Disk Key,Capacity MiB,Controller,Unit #\n\
         app01,poweredOn,False,False,Hard disk 1,2000,61440,SCSI controller 0,0\n",
    );
    meg.write(
        "RVTools_tabvPartition.csv",
        "VM,Powerstate,Template,SRM Placeholder,Disk Key,Disk,Capacity MiB,Consumed MiB,Free MiB,Free %\n\
         app01,poweredOn,False,False,2000,C:\\,61000,30000,31000,50\n",
    );
    let v = json(
        &meg,
        &[
            "inventory",
            "RVTools_tabvInfo.csv",
            "RVTools_tabvDisk.csv",
            "RVTools_tabvPartition.csv",
            "--json",
        ],
    );
    assert_eq!(tiers(server(&v, "app01")), ["E6:60:true"]);
}

#[test]
fn workbook_cells_read_as_excel_shows_them_floats_text_dates_and_errors() {
    let meg = Meg::new();
    let header = texts(&[
        "VM",
        "Powerstate",
        "Template",
        "CPUs",
        "Memory",
        "Creation date",
        "Provisioned MiB",
        "OS according to the VMware Tools",
    ]);
    let book = |cpus: Cell| {
        xlsx(&[(
            "vInfo",
            vec![
                texts(&["RVTools export of vc01.corp"]),
                vec![],
                header.clone(),
                vec![
                    text("app01"),
                    text("poweredOn"),
                    Bool(false),
                    Number(4.0),
                    Number(16384.0),
                    Date(45000.25),
                    Number(131072.5),
                    text("Ubuntu Linux (64-bit)"),
                ],
                vec![
                    text("app02"),
                    text("poweredOn"),
                    text("False"),
                    text("4"),
                    text("16,384"),
                    Date(45000.0),
                    text("131072"),
                    text("Ubuntu Linux (64-bit)"),
                ],
                vec![
                    text("app03"),
                    text("poweredOn"),
                    Bool(false),
                    cpus,
                    Number(16384.0),
                    Empty,
                    Number(131072.0),
                    text("Ubuntu Linux (64-bit)"),
                ],
            ],
        )])
    };
    std::fs::write(meg.path("good.xlsx"), book(Number(2.0))).unwrap();
    let v = json(&meg, &["inventory", "good.xlsx", "--json"]);
    assert_eq!(names(&v), ["app01", "app02", "app03"]);
    // 131072.5 MiB is a little over 128 GiB: rounded up, never down.
    assert_eq!(tiers(server(&v, "app01")), ["E15:129:true"]);
    assert_eq!(tiers(server(&v, "app02")), ["E10:128:true"]);
    assert_eq!(server(&v, "app02")["size"], "Standard_D4s_v5");

    std::fs::write(meg.path("bad.xlsx"), book(Error("#N/A"))).unwrap();
    let err = meg.run(&["inventory", "bad.xlsx"]).bad_input().stderr();
    assert!(
        err.contains("bad.xlsx [vInfo]:6: column 'CPUs': '#N/A' is not a number"),
        "the row number counts the title lines, the error reads as Excel shows it: {err}"
    );
}

#[test]
fn names_in_unicode_and_windows_1252_become_ascii_vm_names() {
    let meg = Meg::new();
    // Windows-1252, as Excel on Windows saves "CSV": é is one byte, 0xE9.
    let mut bytes = b"*Server name,*Cores,*Memory (In MB),*OS name\r\n".to_vec();
    bytes.extend_from_slice(
        b"Serveur-\xc9t\xe9.corp,2,4096,Ubuntu\r\nStra\xdfe01,2,4096,Ubuntu\r\n",
    );
    std::fs::write(meg.path("servers.csv"), bytes).unwrap();
    let v = json(&meg, &["inventory", "servers.csv", "--json"]);
    assert_eq!(server(&v, "Serveur-Été.corp")["vmName"], "serveur-ete");
    assert_eq!(server(&v, "Straße01")["vmName"], "strasse01");

    // Two names that fold to one VM name are refused at both rows.
    meg.write(
        "two.csv",
        "*Server name,*Cores,*Memory (In MB),*OS name\nsérveur01,2,4096,Ubuntu\nserveur01,2,4096,Ubuntu\n",
    );
    let err = meg.run(&["inventory", "two.csv"]).bad_input().stderr();
    assert!(
        err.contains("two.csv:3: server 'serveur01' would be VM 'serveur01', as the server at two.csv:2 would"),
        "{err}"
    );
}

#[test]
fn one_server_in_two_formats_is_refused_at_both_rows() {
    let meg = Meg::new();
    meg.write(
        "servers.csv",
        "*Server name,*Cores,*Memory (In MB),*OS name\nWEB01,2,4096,Ubuntu\n",
    );
    meg.write(
        "RVTools_tabvInfo.csv",
        "VM,Powerstate,CPUs,Memory\nweb01,poweredOn,2,4096\n",
    );
    let err = meg
        .run(&["inventory", "servers.csv", "RVTools_tabvInfo.csv"])
        .bad_input()
        .stderr();
    assert!(
        err.contains("RVTools_tabvInfo.csv:2: server 'web01' is also at servers.csv:2"),
        "{err}"
    );
}

#[test]
fn boot_types_as_tools_write_them_and_the_export_reads_back_the_same_servers() {
    let meg = Meg::new();
    meg.write(
        "servers.csv",
        "*Server name,IP addresses,*Cores,*Memory (In MB),*OS name,OS version,OS architecture,Server type,Hypervisor,Firmware type,Disk 1 size (In GB),Disk 1 read ops (operations per second),Disk 1 write ops (operations per second),Disk 1 read throughput (MB per second),Disk 2 size (In GB)\n\
         hv01,\"10.0.0.1, 10.0.0.2\",2,4096,\"Windows Server 2019, Datacenter\",10.0,x64,Virtual,Hyper-V,UEFI (Secure Boot),127,100,50,12.5,1024\n\
         ph01,10.0.0.3,8,65536,Ubuntu 22.04,22.04,x86_64,Physical,,Legacy BIOS,64,,,,\n\
         vm01,10.0.0.4,4,16384,Red Hat Enterprise Linux 9,,,Virtual,VMware,efi,40,,,,\n",
    );
    let before = json(&meg, &["inventory", "servers.csv", "--json"]);
    meg.run(&[
        "inventory",
        "servers.csv",
        "--export",
        "azure-migrate-import",
        "import.csv",
    ])
    .ok();
    let csv = meg.read("import.csv");
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[0].starts_with("*Server name,IP addresses,*Cores,*Memory (In MB),*OS name,OS version,OS architecture,Server type,Hypervisor,Boot type,Number of disks,Disk 1 size (In GB),Disk 1 read throughput (MB per second),Disk 1 read ops (operations per second)"),
        "{csv}"
    );
    assert_eq!(
        lines[1],
        "hv01,10.0.0.1;10.0.0.2,2,4096,\"Windows Server 2019, Datacenter\",10.0,x64,Virtual,Hyper-V,UEFI,2,127,12.5,150,1024,,",
        "{csv}"
    );
    assert!(lines[2].contains(",Physical,,BIOS,"), "{csv}");
    assert!(lines[3].contains(",Virtual,VMware,UEFI,"), "{csv}");

    // Read back: the same servers, sized and warned about the same.
    let after = json(&meg, &["inventory", "import.csv", "--json"]);
    let strip = |v: &Value| -> Vec<Value> {
        v["servers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                let mut s = s.clone();
                s.as_object_mut().unwrap().remove("origin");
                s
            })
            .collect()
    };
    assert_eq!(strip(&before), strip(&after));
    let warnings = |v: &Value, file: &str| v["warnings"].to_string().replace(file, "FILE");
    assert_eq!(
        warnings(&before, "servers.csv"),
        warnings(&after, "import.csv"),
        "Hyper-V and physical servers are still said to need another migration path"
    );
    assert!(warnings(&after, "import.csv").contains("'hv01' is a Hyper-V VM"));

    // A boot type that says neither, or both, is refused where it is.
    meg.write(
        "bad.csv",
        "*Server name,*Cores,*Memory (In MB),*OS name,Boot type\nweb01,2,4096,Ubuntu,BIOS/UEFI\nweb02,2,4096,Ubuntu,floppy\n",
    );
    let err = meg.run(&["inventory", "bad.csv"]).bad_input().stderr();
    assert!(
        err.contains("bad.csv:2: column 'Boot type': 'BIOS/UEFI' is not a boot type"),
        "{err}"
    );
    assert!(
        err.contains("bad.csv:3: column 'Boot type': 'floppy'"),
        "{err}"
    );
}

#[test]
fn an_rvtools_export_round_trips_through_the_import_csv() {
    let meg = Meg::new();
    std::fs::write(
        meg.path("rv.xlsx"),
        rvtools_workbook(&[
            ("app01", "poweredOn", 4.0, 16384.0),
            ("db01", "poweredOn", 8.0, 65536.0),
        ]),
    )
    .unwrap();
    let before = json(&meg, &["inventory", "rv.xlsx", "--json"]);
    meg.run(&[
        "inventory",
        "rv.xlsx",
        "--export",
        "azure-migrate-import",
        "import.csv",
    ])
    .ok();
    let after = json(&meg, &["inventory", "import.csv", "--json"]);
    for name in ["app01", "db01"] {
        let (b, a) = (server(&before, name), server(&after, name));
        for key in ["vmName", "cores", "memoryMiB", "os", "size"] {
            assert_eq!(b[key], a[key], "{name}.{key}");
        }
        // The import format has no environment column: the disks keep their sizes and
        // roles, and the environment's storage type is chosen again.
        let sizes = |s: &Value| -> Vec<String> {
            s["disks"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| format!("{}:{}", d["sizeGiB"], d["isOs"]))
                .collect()
        };
        assert_eq!(sizes(b), sizes(a), "{name}");
    }
}

#[test]
fn two_assessment_sheets_keep_the_first_size_and_premium_ssd_v2_is_followed() {
    let meg = Meg::new();
    let perf = vec![
        texts(&[
            "Machine Name",
            "Azure VM Readiness",
            "Recommended VM Size",
            "Operating System",
            "Boot Type",
            "Cores",
            "Memory (in MB)",
            "Storage (in GB)",
            "Disk Names",
            "Recommended Disk SKUs",
            "Group Name",
        ]),
        vec![
            text("db01"),
            text("Ready"),
            text("Standard_E8s_v5"),
            text("Ubuntu 22.04"),
            text("UEFI"),
            Number(8.0),
            Number(65536.0),
            Number(100.0),
            text("disk0"),
            text("PremiumV2_LRS"),
            text("wave-a"),
        ],
    ];
    let mut as_is = perf.clone();
    as_is[1][2] = text("Standard_E16s_v5");
    std::fs::write(
        meg.path("assessment.xlsx"),
        xlsx(&[
            ("VM_IaaS_Server_Rehost_Perf", perf),
            ("VM_IaaS_Server_Rehost_As-is", as_is),
        ]),
    )
    .unwrap();
    let v = json(&meg, &["inventory", "assessment.xlsx", "--json"]);
    let db = server(&v, "db01");
    assert_eq!(db["size"], "Standard_E8s_v5");
    assert_eq!(db["sizeSource"], "assessment");
    assert!(
        v["warnings"].to_string().contains(
            "assessment.xlsx [VM_IaaS_Server_Rehost_As-is]:2: the assessment recommends Standard_E16s_v5 for 'db01', and assessment.xlsx [VM_IaaS_Server_Rehost_Perf]:2 recommends Standard_E8s_v5: meg keeps Standard_E8s_v5, the first read"
        ),
        "{}",
        v["warnings"]
    );
    // The only disk is the OS disk: Premium SSD v2 never is one, so it is Premium SSD.
    assert_eq!(tiers(db), ["P10:100:true"]);

    // The classic disks sheet recommends Premium SSD v2 for a data disk: it gets it.
    meg.write(
        "All_Assessed_Machines.csv",
        "Machine,Azure VM readiness,Recommended size,Operating system,Cores,Memory(MB)\n\
         db02,Ready,Standard_E8s_v5,Ubuntu 22.04,8,65536\n",
    );
    meg.write(
        "All_Assessed_Disks.csv",
        "Machine,Disk name,Recommended disk size SKU,Recommended disk type,Source disk size(GB),Target disk size(GB)\n\
         db02,scsi0:0,Premium_P10,Premium SSD,64,128\n\
         db02,scsi0:1,PremiumV2_LRS,Premium SSD v2,700,700\n",
    );
    let v = json(
        &meg,
        &[
            "inventory",
            "All_Assessed_Machines.csv",
            "All_Assessed_Disks.csv",
            "--json",
        ],
    );
    assert_eq!(
        tiers(server(&v, "db02")),
        ["P10:64:true", "PremiumV2_LRS:700:false"]
    );
}

#[test]
fn addresses_with_a_prefix_length_are_placed_by_their_address() {
    let meg = Meg::new();
    meg.write(
        "exports/servers.csv",
        "*Server name,IP addresses,*Cores,*Memory (In MB),*OS name\n\
         web01,10.1.0.4/24,2,4096,Ubuntu\n\
         web02,\"fe80::1%eth0, 10.1.0.5/24\",2,4096,Ubuntu\n",
    );
    meg.write("lz.yaml", ONE_ENVIRONMENT);
    let v = json(&meg, &["inventory", "lz.yaml", "--json"]);
    for name in ["web01", "web02"] {
        assert_eq!(server(&v, name)["spoke"], "orders", "{name}");
        assert_eq!(server(&v, name)["subnet"], "workload", "{name}");
    }
}

#[test]
fn a_workbook_under_a_csv_name_and_a_header_pasted_twice_still_read() {
    let meg = Meg::new();
    // Excel saved the workbook, the team kept the old file name.
    std::fs::write(
        meg.path("servers.csv"),
        xlsx(&[(
            "Sheet1",
            vec![
                texts(&["*Server name", "*Cores", "*Memory (In MB)", "*OS name"]),
                vec![text("web01"), Number(2.0), Number(4096.0), text("Ubuntu")],
            ],
        )]),
    )
    .unwrap();
    let v = json(&meg, &["inventory", "servers.csv", "--json"]);
    assert_eq!(names(&v), ["web01"]);

    // Two exports pasted one under the other: the second header is no server.
    meg.write(
        "both.csv",
        "*Server name,*Cores,*Memory (In MB),*OS name\nweb01,2,4096,Ubuntu\n\
         *Server name,*Cores,*Memory (In MB),*OS name\nweb02,2,4096,Ubuntu\n",
    );
    let v = json(&meg, &["inventory", "both.csv", "--json"]);
    assert_eq!(names(&v), ["web01", "web02"]);
    assert_eq!(server(&v, "web02")["origin"], "both.csv:4");
}

#[test]
fn a_cmdb_export_with_ram_in_gb_reads_and_a_memory_in_the_wrong_unit_is_said() {
    let meg = Meg::new();
    meg.write(
        "cmdb.csv",
        "Hostname,vCPU,RAM (GB),Guest OS\napp01,4,32,Windows Server 2022\n",
    );
    let v = json(&meg, &["inventory", "cmdb.csv", "--json"]);
    let app = server(&v, "app01");
    assert_eq!(app["memoryMiB"], 32768);
    assert_eq!(app["size"], "Standard_E4s_v5");

    // `Memory` names no unit and reads MB: 16 is a typing of 16 GB, said, not hidden.
    meg.write(
        "gb.csv",
        "Server name,Cores,Memory,OS name\napp01,4,16,Ubuntu\n",
    );
    let v = json(&meg, &["inventory", "gb.csv", "--json"]);
    assert!(
        v["warnings"].to_string().contains(
            "gb.csv:2: 'app01' has 16 MiB of memory: if the column holds GB, say so in its header (Memory (In GB))"
        ),
        "{}",
        v["warnings"]
    );
}

#[test]
fn an_assessment_size_that_cannot_run_the_server_is_overruled_and_said() {
    let meg = Meg::new();
    meg.write(
        "All_Assessed_Machines.csv",
        "Machine,Azure VM readiness,Recommended size,Operating system,Boot type,Cores,Memory(MB)\n\
         web01,Ready,Standard_D4ps_v5,Windows Server 2022,UEFI,4,16384\n\
         web02,Ready,Standard_D4_v3,Windows Server 2022,UEFI,4,16384\n\
         web03,Ready,Standard_D4s_v5,Windows Server 2022,UEFI,4,16384\n",
    );
    let v = json(&meg, &["inventory", "All_Assessed_Machines.csv", "--json"]);
    for name in ["web01", "web02"] {
        let s = server(&v, name);
        assert_eq!(
            (s["size"].as_str(), s["sizeSource"].as_str()),
            (Some("Standard_D4s_v5"), Some("asOnPremises")),
            "{name}"
        );
    }
    assert_eq!(server(&v, "web03")["sizeSource"], "assessment");
    let warnings = v["warnings"].to_string();
    assert!(
        warnings.contains("All_Assessed_Machines.csv:2: 'web01' is sized Standard_D4s_v5 by meg, not by its assessment")
            && warnings.contains("(the assessment's Standard_D4ps_v5 at All_Assessed_Machines.csv:2 is an Arm64 size for an x64 server)"),
        "{warnings}"
    );
    assert!(
        warnings.contains("is a generation 1 size for a UEFI server"),
        "{warnings}"
    );
}

#[test]
fn a_vdisk_row_without_a_capacity_is_refused_at_its_row() {
    let meg = Meg::new();
    meg.write(
        "RVTools_tabvInfo.csv",
        "VM,Powerstate,CPUs,Memory\napp01,poweredOn,2,4096\n",
    );
    meg.write(
        "RVTools_tabvDisk.csv",
        "VM,Disk,Capacity MiB\napp01,Hard disk 1,61440\napp01,Hard disk 2,\n",
    );
    let err = meg
        .run(&["inventory", "RVTools_tabvInfo.csv", "RVTools_tabvDisk.csv"])
        .bad_input()
        .stderr();
    assert!(
        err.contains("RVTools_tabvDisk.csv:3: column 'Capacity MiB': is empty"),
        "{err}"
    );
}

#[test]
fn the_export_never_replaces_an_inventory_it_reads() {
    let meg = Meg::new();
    let original = "*Server name,IP addresses,*Cores,*Memory (In MB),*OS name,Owner\n\
                    web01,10.1.0.4/24,2,4096,Ubuntu,alice\n";
    meg.write("exports/servers.csv", original);
    meg.write("lz.yaml", ONE_ENVIRONMENT);
    for args in [
        &[
            "inventory",
            "exports/servers.csv",
            "--export",
            "azure-migrate-import",
            "exports/servers.csv",
        ][..],
        &[
            "inventory",
            "lz.yaml",
            "--export",
            "azure-migrate-import",
            "exports/../exports/servers.csv",
        ],
        &[
            "inventory",
            "lz.yaml",
            "--export",
            "azure-migrate-import",
            "lz.yaml",
        ],
    ] {
        let err = meg.run(args).bad_input().stderr();
        assert!(
            err.contains("the export would replace it"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(
        meg.read("exports/servers.csv"),
        original,
        "nothing is written"
    );
    meg.run(&[
        "inventory",
        "lz.yaml",
        "--export",
        "azure-migrate-import",
        "import.csv",
    ])
    .ok();
    assert!(
        meg.read("import.csv")
            .contains("web01,10.1.0.4,2,4096,Ubuntu")
    );
}
