//! Importing into a registry that is not empty: errors name lines of the user's own file, a CSV
//! updates only the columns and the table it holds, and spreadsheets are read as Excel saves them.

use crate::common;

use common::small_registry;
use spoc::domain::registry::file::FileErrors;
use spoc::domain::registry::import::{Imported, import_csv, import_toml};
use spoc::domain::registry::text::decode;
use spoc::domain::registry::{Contact, ContactRole, RegistryFile, Supplier};

fn stored() -> RegistryFile {
    let mut f = small_registry().file().clone();
    let iddink = &mut f.supplier[0];
    iddink.aliases = vec!["IDD".into()];
    iddink.email = Some("support@iddink.nl".into());
    iddink.procedure = Some("Bel eerst, mail daarna".into());
    iddink.contacts.push(Contact {
        name: "Teamleider".into(),
        role: ContactRole::Escalation,
        level: Some(1),
        phone: Some("+31 85 000 1012".into()),
        email: None,
    });
    f.supplier.push(Supplier {
        name: "Oud BV".into(),
        aliases: vec![],
        phone: None,
        email: None,
        portal: None,
        hours: None,
        procedure: None,
        contacts: vec![],
    });
    f
}

fn supplier<'a>(i: &'a Imported, name: &str) -> &'a Supplier {
    i.registry.supplier(name).unwrap_or_else(|| panic!("no supplier {name}"))
}

/// Each error's line, and the line's text in the file, in line order.
fn lines<'a>(err: &FileErrors, text: &'a str) -> Vec<(usize, &'a str)> {
    let all: Vec<&str> = text.lines().collect();
    let mut out: Vec<_> =
        err.0.iter().map(|e| (e.line, all.get(e.line.wrapping_sub(1)).copied().unwrap_or("<no line>"))).collect();
    out.sort();
    out
}

#[test]
fn toml_errors_point_into_the_file_even_when_the_registry_is_not_empty() {
    let text = "\n[[supplier]]\nname = \"Kennisnet\"\nhours = \"ofice\"\n\n[[service]]\nname = \"Rooster\"\naliases = [\"Magister 6\"]\n";
    let err = import_toml(&stored(), "add.toml", text, false).unwrap_err();
    assert_eq!(lines(&err, text), [(4, "hours = \"ofice\""), (8, "aliases = [\"Magister 6\"]")], "{err}");
    let dup = err.to_string();
    assert!(dup.contains("service \"Magister\"") && dup.contains("stored registry"), "{dup}");
    assert!(!dup.contains("entry"), "no counting in a registry the user cannot see: {dup}");

    // Two entries of the file itself: the other one is named with its line.
    let text = "[[service]]\nname = \"Rooster\"\n[[service]]\nname = \"Wifi\"\naliases = [\"rooster\"]\n";
    let err = import_toml(&stored(), "two.toml", text, false).unwrap_err();
    assert_eq!(lines(&err, text), [(5, "aliases = [\"rooster\"]")], "{err}");
    assert!(err.to_string().contains("service \"Rooster\" (line 1)"), "{err}");

    // A contract of the file that makes a stored one ambiguous.
    let text = "[[contract]]\nnumber = \"WP-ALL-2\"\nsupplier = \"Iddink\"\nservices = [\"Printen\"]\nparticipants = \"all\"\nvalid_from = 2026-01-01\nwindow = \"24x7\"\nsla = { P1 = { response = \"30m\", resolve = \"4h\" }, P2 = { response = \"1h\", resolve = \"8h\" }, P3 = { response = \"4h\", resolve = \"16h\" }, P4 = { response = \"1bd\", resolve = \"10bd\" } }\n";
    let err = import_toml(&stored(), "c.toml", text, false).unwrap_err();
    assert_eq!(lines(&err, text), [(4, "services = [\"Printen\"]")], "{err}");

    // A stored contract names a service by an alias that the file takes away.
    let text = "[[service]]\nname = \"Magister\"\naliases = [\"Magister 7\"]\n";
    let mut s = stored();
    s.contract[0].services = vec!["Magister 6".into()];
    let err = import_toml(&s, "alias.toml", text, false).unwrap_err();
    assert_eq!(lines(&err, text), [(3, "aliases = [\"Magister 7\"]")], "{err}");
    assert!(err.to_string().contains("ICT-2024-017"), "{err}");
}

/// A name with spaces around it is the name: the entry of that key is updated, not clashed
/// with; a calendar with an error of its own is named once, not again at each entry using it.
#[test]
fn an_error_is_said_once_at_its_own_line() {
    let text = "[[service]]\nname = \"printen \"\naliases = [\" Print\"]\n";
    let imported = import_toml(&stored(), "p.toml", text, false).unwrap();
    let printen = imported.registry.service("Printen").unwrap();
    assert_eq!(printen.name, "Printen", "the stored spelling stays");
    assert_eq!(printen.aliases, ["Print"], "the file's entry replaces the rest");
    let imported =
        import_toml(&stored(), "z.toml", "[[participant]]\ncode = \"zyl \"\nname = \"ZL\"\n", false).unwrap();
    let zyl = imported.registry.participant("ZYL").unwrap();
    assert_eq!((zyl.code.as_str(), zyl.name.as_str()), ("ZYL", "ZL"), "a code keeps its spelling: tickets carry it");
    assert_eq!(imported.registry.file().service.len(), stored().service.len(), "updated, not added");

    let text = "# the office calendar, mended\n[[calendar]]\nname = \"office\"\ntimezone = \"Europe/Amsterdm\"\n";
    let err = import_toml(&stored(), "cal.toml", text, false).unwrap_err();
    assert_eq!(lines(&err, text), [(4, "timezone = \"Europe/Amsterdm\"")], "{err}");
}

/// Lookups ignore accents, so a name that differs from another only in its accents could not
/// be told apart: refused, against the stored registry and within one file.
#[test]
fn names_that_differ_only_in_accents_are_refused() {
    let text = "# a second Iddink?\n[[supplier]]\nname = \"Íddink\"\n";
    let err = import_toml(&stored(), "i.toml", text, false).unwrap_err();
    assert_eq!(lines(&err, text), [(3, "name = \"Íddink\"")], "{err}");
    assert!(err.to_string().contains("\"Iddink\"") && err.to_string().contains("stored registry"), "{err}");
    let err = import_csv(&stored(), "s.csv", "supplier,phone\nÍDDINK,+31 1\n", false).unwrap_err();
    assert_eq!(err.0.iter().map(|e| (e.line, e.field.as_str())).collect::<Vec<_>>(), [(2, "supplier")], "{err}");
    // With other errors in the same file: all of them, in line order.
    let text = "[[service]]\nname = \"Roosters\"\naliases = [\"printen\"]\n\
                [[participant]]\ncode = \"XYZ\"\nname = \"X\"\n[[participant]]\ncode = \"xyz\"\nname = \"Y\"\n\
                [[supplier]]\nname = \"Íddink\"\n";
    let err = import_toml(&stored(), "all.toml", text, false).unwrap_err();
    assert_eq!(err.0.iter().map(|e| e.line).collect::<Vec<_>>(), [3, 8, 11], "{err}");
    let text = "[[service]]\nname = \"Zoëk\"\n[[service]]\nname = \"Zoek\"\n";
    let err = spoc::domain::registry::file::check_toml("z.toml", text).unwrap_err();
    assert_eq!(err.0.iter().map(|e| e.line).collect::<Vec<_>>(), [4], "{err}");
}

#[test]
fn csv_errors_point_at_the_row_they_are_in_whatever_the_line_endings() {
    for eol in ["\n", "\r\n", "\r"] {
        let text = [
            "supplier,phone,hours,contact_name,contact_role,contact_level,contact_email",
            "Kennisnet,+31 85 000 2000,office,Servicedesk,service_desk,,",
            ",,,Teamleider,escalation,,",
            ",,,Jan,other,,jan-at-kennisnet",
            "WPN,,nope,,,,",
        ]
        .join(eol);
        let err = import_csv(&stored(), "k.csv", &text, false).unwrap_err();
        let mut got: Vec<(usize, &str)> = err.0.iter().map(|e| (e.line, e.field.as_str())).collect();
        got.sort();
        assert_eq!(got, [(3, "contact_level"), (4, "contact_email"), (5, "hours")], "{eol:?}: {err}");
        let bad = ["supplier,contact_name,contact_role", "Iddink,X,boss", "Iddink,Y,boss"].join(eol);
        let err = import_csv(&stored(), "b.csv", &bad, false).unwrap_err();
        assert_eq!(err.0.iter().map(|e| e.line).collect::<Vec<_>>(), [2, 3], "{eol:?}: {err}");
    }
    // A quote that is never closed would swallow every row after it: refused, at its line.
    for eol in ["\n", "\r\n"] {
        let text = ["supplier,phone", "Q1,+31 1", "Q2,\"+31 2", "Q3,3", "Q4,4"].join(eol);
        let err = import_csv(&stored(), "unq.csv", &text, false).unwrap_err();
        assert_eq!(err.0.iter().map(|e| e.line).collect::<Vec<_>>(), [3], "{eol:?}: {err}");
        assert!(err.to_string().contains("never closed"), "{err}");
    }
    // An inch mark inside a cell is text, as the csv crate reads it; a doubled quote in a
    // quoted cell is a quote.
    let text = "supplier,phone,procedure\nQ1,5\" screen,\"Say \"\"hi\"\"\nthen wait\"\n";
    let done = import_csv(&stored(), "ok.csv", text, false).unwrap();
    assert_eq!(supplier(&done, "Q1").procedure.as_deref(), Some("Say \"hi\"\nthen wait"));
    // A line break in a cell of one line is refused; the procedure may have several.
    let text = "supplier,phone\nQ1,\"+31 1\n+31 2\"\n";
    let err = import_csv(&stored(), "br.csv", text, false).unwrap_err();
    assert_eq!(lines(&err, text), [(2, "Q1,\"+31 1")], "{err}");
    // An existing supplier's contact: the row that holds it.
    let text = "supplier,contact_name,contact_email\nIddink,Servicedesk,sd@iddink.nl\nIddink,Teamleider,nope\n";
    let err = import_csv(&stored(), "c.csv", text, false).unwrap_err();
    assert_eq!(lines(&err, text), [(3, "Iddink,Teamleider,nope")], "{err}");
}

#[test]
fn a_csv_updates_only_the_columns_it_has() {
    let before = stored();
    let done = import_csv(&before, "phones.csv", "supplier,phone\nIddink,+31 85 999 0000\n", false).unwrap();
    let iddink = supplier(&done, "Iddink");
    let mut expected = before.supplier[0].clone();
    expected.phone = Some("+31 85 999 0000".into());
    assert_eq!(iddink, &expected, "aliases, email, hours, procedure and contacts stay");
    assert_eq!(done.changes, ["supplier Iddink: phone"]);

    // Contacts are matched by name; the columns the file lacks stay.
    let text = "supplier,contact_name,contact_phone\nIddink,Servicedesk,+31 85 000 1111\nIddink,Nieuw,+31 6 1\n";
    let done = import_csv(&before, "c.csv", text, false).unwrap();
    let contacts = &supplier(&done, "Iddink").contacts;
    assert_eq!(contacts.len(), 3, "{contacts:?}");
    assert_eq!((contacts[0].role, contacts[0].phone.as_deref()), (ContactRole::ServiceDesk, Some("+31 85 000 1111")));
    assert_eq!(contacts[1], before.supplier[0].contacts[1]);
    assert_eq!(done.changes, ["supplier Iddink: contacts"]);

    // Participants too: only their locations.
    let done = import_csv(&before, "p.csv", "code,locations\nZYL,Hoofdgebouw;Dependance\n", false).unwrap();
    let zyl = done.registry.participant("ZYL").unwrap();
    assert_eq!((zyl.name.as_str(), zyl.locations.len()), ("Zuyderzee Lyceum", 2));
    assert_eq!(done.changes, ["participant ZYL: locations"]);
    // A key in another case is the same entry, and keeps the stored spelling: no rename.
    let done = import_csv(
        &before,
        "up.csv",
        "supplier,phone,contact_name,contact_phone\nIDDINK,+31 97,SERVICEDESK,+31 1\n",
        false,
    )
    .unwrap();
    assert_eq!(supplier(&done, "Iddink").name, "Iddink");
    assert_eq!(supplier(&done, "Iddink").contacts[0].name, before.supplier[0].contacts[0].name);
    assert_eq!(done.changes, ["supplier Iddink: contacts, phone"]);
    assert_eq!(done.registry.file().contract, before.contract, "contracts untouched");
    let done = import_csv(&before, "p.csv", "code,kind\nzyl,school\n", false).unwrap();
    assert_eq!(done.registry.file().participant.iter().filter(|p| p.code == "ZYL").count(), 1);
    assert!(done.registry.file().participant.iter().all(|p| p.code != "zyl"));
    // A new one still needs a name.
    let err = import_csv(&before, "p.csv", "code,locations\nNEW,Hal\n", false).unwrap_err();
    assert!(err.to_string().contains("p.csv:2: field name"), "{err}");
}

#[test]
fn replace_with_a_csv_replaces_only_its_own_table() {
    let before = stored();
    let text = "supplier,phone\nIddink,+31 1\nWPN,\nNotubiz BV,\n";
    let done = import_csv(&before, "s.csv", text, true).unwrap();
    let after = done.registry.file();
    assert_eq!(
        (&after.settings, &after.calendar, &after.participant, &after.service, &after.contract),
        (&before.settings, &before.calendar, &before.participant, &before.service, &before.contract)
    );
    assert_eq!(after.supplier.len(), 3, "Oud BV is not in the file");
    assert_eq!(supplier(&done, "Iddink").contacts, before.supplier[0].contacts, "columns the file lacks stay");
    assert_eq!(done.changes, ["supplier Iddink: phone", "supplier Oud BV: removed"]);
    let text = "code,name\nZYL,Zuyderzee Lyceum\nOBL,De Linde\nGZW,Gemeente Zuyderwoude\n";
    let done = import_csv(&before, "p.csv", text, true).unwrap();
    assert_eq!(done.registry.file().supplier, before.supplier);
    assert_eq!(done.changes, ["participant OBL: name"]);
}

#[test]
fn spreadsheet_habits_continuation_rows_encodings_and_delimiters() {
    let before = stored();
    // Continuation rows: an empty supplier cell belongs to the supplier above.
    let text = "supplier,phone,contact_name,contact_role,contact_level\nKennisnet,+31 2,Support,service_desk,\n,,Chef,escalation,1\n,,,,\n";
    let done = import_csv(&before, "k.csv", text, false).unwrap();
    assert_eq!(supplier(&done, "Kennisnet").contacts.len(), 2);
    assert_eq!(done.changes, ["supplier Kennisnet: added"]);
    let err = import_csv(&before, "k.csv", "supplier,contact_name\n,Chef\n", false).unwrap_err();
    assert!(err.to_string().contains("k.csv:2: field supplier") && err.to_string().contains("above"), "{err}");

    // `;` and tab as Excel writes them in many locales, lists in quotes.
    for text in [
        "supplier;phone;aliases\r\nKennisnet;+31 2;\"KN;Ken\"\r\n",
        "supplier\tphone\taliases\nKennisnet\t+31 2\tKN;Ken\n",
        "\u{feff}Supplier,Phone,Aliases\nKennisnet,+31 2,KN;Ken\n",
    ] {
        let done = import_csv(&before, "k.csv", text, false).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        let k = supplier(&done, "Kennisnet");
        assert_eq!((k.phone.as_deref(), k.aliases.len()), (Some("+31 2"), 2), "{text:?}");
    }
    let err = import_csv(&before, "k.csv", "supplier;phone\nKennisnet;+31 2;extra\n", false).unwrap_err();
    assert!(err.to_string().contains("k.csv:2:") && err.to_string().contains("3 cells"), "{err}");

    // Windows-1252, as Excel saves "CSV"; UTF-16 as it saves "Unicode text"; UTF-8 stays UTF-8.
    let cp1252 = b"supplier;phone\r\nNo\xebl & \xc7elik;+31 3\r\n";
    assert_eq!(decode("n.csv", cp1252).unwrap(), "supplier;phone\r\nNoël & Çelik;+31 3\r\n");
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend("supplier\tphone\nNoël\t1\n".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(decode("n.csv", &utf16).unwrap(), "supplier\tphone\nNoël\t1\n");
    assert_eq!(decode("n.csv", "Noël €".as_bytes()).unwrap(), "Noël €");
    let text = decode("n.csv", cp1252).unwrap();
    assert!(import_csv(&before, "n.csv", &text, false).unwrap().registry.supplier("noël & çelik").is_some());

    // What cannot be read says why, and where.
    let err = decode("book.csv", b"PK\x03\x04\x14\x00\x06\x00rest").unwrap_err();
    assert!(err.to_string().contains("book.csv:1") && err.to_string().contains("workbook"), "{err}");
    let err = decode("nul.csv", b"supplier\nIddink\nId\x00dink\n").unwrap_err();
    assert!(err.to_string().starts_with("nul.csv:3:"), "{err}");
}
