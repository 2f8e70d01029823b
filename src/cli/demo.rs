//! `spoc demo`: a fresh data folder with the demo registry and a generated history.

use std::path::{Path, PathBuf};

use super::{CmdResult, Failure, bad, out};
use crate::demo::{self, History, HistoryPlan};
use crate::desk::{Agent, Desk, ImportFormat, TicketQuery};

/// A new folder for the demo when none was named.
pub fn fresh_dir() -> PathBuf {
    let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
    std::env::temp_dir().join(format!("spoc-demo-{stamp}-{}", std::process::id()))
}

pub fn fill(dir: &Path, tickets: usize, seed: u64) -> Result<Desk, Failure> {
    if let Ok(client) = crate::client::Client::connect(dir) {
        return Err(bad(crate::tr!("cli-demo-in-use", folder = dir.display().to_string(), pid = client.server().pid)));
    }
    // Not a folder named by mistake: that is refused before it is made private.
    crate::server::access::check_folder(dir, false).map_err(|e| bad(e.to_string()))?;
    make_private(dir)?;
    let desk = Desk::open(dir)?;
    if !desk.store().is_empty()? {
        return Err(bad(crate::tr!("cli-demo-not-empty", folder = dir.display().to_string())));
    }
    desk.import_registry(&Agent::current(), demo::REGISTRY_NAME, demo::REGISTRY_TOML, ImportFormat::Toml, false)?;
    let reg = desk.registry();
    let plan = HistoryPlan { tickets, now: desk.now(), seed, first_id: 1 };
    let mut batch = Vec::with_capacity(10_000);
    for made in History::new(&reg, plan) {
        batch.push(made);
        if batch.len() == 10_000 {
            desk.store().insert_many(&batch)?;
            batch.clear();
        }
    }
    desk.store().insert_many(&batch)?;
    // Reopen once: sled writes its recovery snapshot when it opens a store, and without one
    // the server's first start would replay the whole load.
    drop(desk);
    Ok(Desk::open(dir)?)
}

/// The demo's folder is private before anything is written to it: 0700, and files made in it
/// by this process readable by its user only.
fn make_private(dir: &Path) -> Result<(), Failure> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    let fail = |e: std::io::Error| {
        Failure::Runtime(crate::tr!(
            "cli-demo-cannot-set-up",
            folder = dir.display().to_string(),
            error = e.to_string()
        ))
    };
    nix::sys::stat::umask(nix::sys::stat::Mode::from_bits_truncate(0o077));
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir).map_err(fail)?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).map_err(fail)
}

pub fn run(dir: &Path, tickets: usize, seed: u64) -> CmdResult {
    let desk = fill(dir, tickets, seed)?;
    let open = desk.list_tickets(&TicketQuery { limit: 10, ..Default::default() })?;
    let reg = desk.registry();
    let counts = crate::tr!(
        "cli-demo-counts",
        participants = reg.participants().len(),
        services = reg.services().len(),
        suppliers = reg.suppliers().len(),
        contracts = reg.contracts().len(),
        tickets = desk.store().ticket_count()
    );
    let mut s = format!(
        "{}\n  {counts}\n\n{}\n",
        crate::tr!("cli-demo-data-in", folder = dir.display().to_string()),
        crate::i18n::t("cli-demo-most-urgent")
    );
    for row in &open.items {
        let left = crate::present::sla_left(row.sla_paused, row.due_level, row.sla_left);
        let supplier = row.supplier.clone().unwrap_or_else(|| crate::i18n::t("unrouted"));
        s.push_str(&format!(
            "  #{:<5} {} {:<20} {:>10}  {:<24} {}\n",
            row.id,
            row.priority,
            crate::present::status_name(row.status),
            left,
            supplier,
            crate::domain::sanitize_line(&row.title)
        ));
    }
    let (try_these, d) = (crate::i18n::t("cli-demo-try"), dir.display());
    s.push_str(&format!(
        "\n{try_these}\n  spoc --data {d} ticket list\n  spoc --data {d} supplier find magi\n  spoc --data {d} report suppliers --from 2026-01-01 --to 2026-12-31\n"
    ));
    out(&s)
}
