//! `spoc`: argument parsing and wiring only; the work happens in `spoc::cli` and below.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
use spoc::cli::{self, Failure, report, ticket};

#[derive(Parser)]
#[command(
    name = "spoc",
    version,
    about = "A terminal helpdesk for a central IT servicedesk: who do we call, and by when."
)]
struct Cli {
    /// The data folder (default: the XDG data folder, or `data` in the config file).
    #[arg(long, global = true, env = "SPOC_DATA", value_name = "DIR")]
    data: Option<PathBuf>,
    /// The language of what you read: nl or en (default: `language` in the config file, else
    /// from LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, global = true, value_name = "LANG", value_parser = spoc::cli::values::LANGS, hide_possible_values = true)]
    lang: Option<spoc::i18n::Lang>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// A fresh data folder with the demo registry and a ticket history.
    Demo {
        /// Fill the data folder, print the most urgent tickets and exit, instead of opening the UI.
        #[arg(long)]
        no_ui: bool,
        /// How many tickets of history to generate.
        #[arg(long, default_value_t = 600)]
        tickets: usize,
        /// Seed of the generated history (the same seed gives the same history).
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
    /// Import registry entries from TOML or CSV (all-or-nothing).
    Import {
        /// A registry file: TOML (the whole registry or some entries), or CSV (suppliers with
        /// contacts, participants, or callers: name, phone, email, participant, location,
        /// directory_id).
        file: PathBuf,
        /// Replace the whole registry instead of adding and updating entries.
        #[arg(long)]
        replace: bool,
        /// Print what changed as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write the registry as TOML.
    Export {
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Tickets from scripts.
    #[command(subcommand)]
    Ticket(TicketCommand),
    /// The supplier registry.
    #[command(subcommand)]
    Supplier(SupplierCommand),
    /// Regie reports.
    #[command(subcommand)]
    Report(ReportCommand),
    /// The SLA engine on its own.
    #[command(subcommand)]
    Sla(SlaCommand),
    /// Built-in holiday sets.
    #[command(subcommand)]
    Calendar(CalendarCommand),
    /// The agents a ticket may be assigned to.
    #[command(subcommand)]
    Agent(AgentCommand),
    /// The people who call: on file, found by name, phone or email.
    #[command(subcommand)]
    Caller(CallerCommand),
    /// Callers' personal data (AVG/GDPR): removed after the retention time, given on request.
    #[command(subcommand)]
    Privacy(PrivacyCommand),
    /// Validate the config file, and registry or calendar files if named.
    CheckConfig {
        /// The config file (default: XDG config folder, spoc/config.toml).
        #[arg(long, env = "SPOC_CONFIG")]
        config: Option<PathBuf>,
        /// Registry (TOML or CSV) or calendar files to check as well.
        files: Vec<PathBuf>,
    },
    /// A consistent, portable copy of everything.
    Backup {
        /// Where to write it (a new file, or an earlier backup to replace; not in the data folder).
        file: PathBuf,
    },
    /// Restore a backup (refused for a store that is not empty, unless --force).
    Restore {
        /// A file `spoc backup` wrote.
        file: PathBuf,
        /// Replace the tickets and registry already in the data folder.
        #[arg(long)]
        force: bool,
    },
    /// The server that owns the data folder (clients start it when needed).
    Serve {
        /// Stay in this process and log to stderr (for systemd); otherwise start it in the background.
        #[arg(long)]
        foreground: bool,
        /// Share the servicedesk with this Unix group (default: `group` in the config file).
        #[arg(long, env = "SPOC_GROUP")]
        group: Option<String>,
        /// Leave after this many seconds without clients.
        #[arg(long, value_name = "SECS")]
        idle_exit: Option<u64>,
        /// Started by a client: losing the start race to another server is not an error.
        #[arg(long, hide = true)]
        autostarted: bool,
    },
    /// Which server serves the data folder: pid, uptime, clients, store size.
    Status {
        /// Print it as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print every change as a JSON line as it happens.
    Watch,
    /// Shell completions, on standard output: `spoc completions bash > /etc/bash_completion.d/spoc`.
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The manual page (roff) of spoc or of one of its commands, on standard output:
    /// `spoc man | man -l -`, `spoc man ticket update | man -l -`; or every page into a folder.
    Man {
        /// The command whose page it is, as typed after `spoc` (none: spoc's own page).
        command: Vec<String>,
        /// Writes every page (spoc.1, spoc-ticket.1, spoc-ticket-update.1, ...) into this folder.
        #[arg(long, value_name = "FOLDER", conflicts_with = "command")]
        all: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum TicketCommand {
    /// Log a ticket; routing and SLA deadlines are filled in.
    New(ticket::NewArgs),
    /// Open tickets, most urgent first.
    List(ticket::ListArgs),
    /// Every ticket, open and closed, holding all the words (title, description, journal,
    /// caller, the supplier's reference, solution): more of them in the title first, then newest.
    Search(ticket::SearchArgs),
    /// One ticket with its clocks and journal.
    Show {
        /// The ticket's number.
        id: u64,
        /// Print the ticket as JSON, with RFC 3339 instants.
        #[arg(long)]
        json: bool,
    },
    /// The open major incidents: service, supplier, its reference and the calls linked to it.
    Majors {
        /// Print them as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Change a ticket; all changes apply together or not at all.
    Update {
        /// The ticket's number.
        id: u64,
        #[command(flatten)]
        args: Box<ticket::UpdateArgs>,
    },
}

#[derive(Subcommand)]
enum SupplierCommand {
    /// Who do we call: fuzzy search over suppliers, services, contracts and contacts.
    Find {
        /// A supplier, service, alias, keyword, contract number or contact; a few letters do.
        query: String,
        /// How many hits to show.
        #[arg(long, default_value_t = 5)]
        limit: usize,
        /// Print the hits, with each supplier's card, as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum ReportCommand {
    /// Supplier scorecards (per contract too) for tickets dispatched in a period.
    Suppliers {
        #[command(flatten)]
        period: report::PeriodArgs,
        /// Only this supplier (name or alias).
        #[arg(long)]
        supplier: Option<String>,
    },
    /// The helpdesk agreement per participant, with its top services, for tickets logged in a period.
    Participants {
        #[command(flatten)]
        period: report::PeriodArgs,
        /// Only this participant (short code).
        #[arg(long)]
        participant: Option<String>,
    },
    /// The helpdesk agreement per service, for tickets logged in a period.
    Services {
        #[command(flatten)]
        period: report::PeriodArgs,
        /// Only this service (name or alias).
        #[arg(long)]
        service: Option<String>,
    },
    /// The monthly meeting pack: one self-contained HTML file per supplier (prints on A4).
    Pack {
        /// The supplier (name or alias).
        #[arg(long)]
        supplier: Option<String>,
        /// One pack for every supplier.
        #[arg(long)]
        all: bool,
        /// The month the meeting is about, YYYY-MM; the charts show the twelve months up to it.
        #[arg(long)]
        month: String,
        /// The file to write (with --all: the folder); default pack-SUPPLIER-MONTH.html here.
        #[arg(long, short, value_name = "PATH")]
        output: Option<PathBuf>,
    },
    /// Contracts ending or passing their notice date soon; uncovered services; missing escalation.
    Contracts {
        /// How many days ahead to look.
        #[arg(long, default_value_t = 90)]
        within: u32,
        /// table (to read), csv (for a spreadsheet) or json (for scripts).
        #[arg(long, value_enum, default_value = "table")]
        format: report::Format,
    },
}

#[derive(Subcommand)]
enum SlaCommand {
    /// The deadline of a target: prints an RFC 3339 instant.
    Deadline {
        /// A calendar file (TOML: timezone, [week], [holidays]), a registry file with one
        /// [[calendar]] table, or `24x7` for the built-in round-the-clock calendar (UTC).
        #[arg(long)]
        calendar: PathBuf,
        /// When the clock starts, RFC 3339 (e.g. 2026-03-30T08:00:00+02:00).
        #[arg(long)]
        start: String,
        /// e.g. 90m, 4h, 1h30m, 3bd
        #[arg(long)]
        duration: String,
    },
    /// Business seconds between two instants.
    Between {
        /// A calendar file (TOML: timezone, [week], [holidays]), a registry file with one
        /// [[calendar]] table, or `24x7` for the built-in round-the-clock calendar (UTC).
        #[arg(long)]
        calendar: PathBuf,
        /// The first instant, RFC 3339.
        #[arg(long)]
        from: String,
        /// The last instant, RFC 3339.
        #[arg(long)]
        to: String,
    },
}

#[derive(Subcommand)]
enum AgentCommand {
    /// Prints the known agents' logins, one per line: whoever has used spoc on this folder or
    /// had a ticket, the folder's owner and the members of its group.
    List,
    /// Makes a colleague known before they have used spoc here (recorded in the audit log).
    Add {
        /// Their login on the host.
        login: String,
    },
}

#[derive(Subcommand)]
enum CallerCommand {
    /// Callers on file that fit a name, phone number or email, best first.
    Find {
        /// A name (a few letters do), phone digits however typed, or an email.
        query: String,
        /// Callers of this participant first.
        #[arg(long)]
        participant: Option<String>,
        /// How many to show.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print them as JSON.
        #[arg(long)]
        json: bool,
    },
    /// A caller with their open and recent tickets.
    Show {
        /// The caller's number.
        id: u64,
        /// Print the card as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Puts a caller on file (recorded in the audit log).
    Add(cli::caller::AddArgs),
    /// Changes a caller on file: the fields given (an empty value clears an optional one); audited.
    Edit(cli::caller::EditArgs),
}

#[derive(Subcommand)]
enum PrivacyCommand {
    /// Removes callers' personal data from tickets closed longer ago than the retention time
    /// (`caller_retention_months` in the registry's settings); the server does this daily.
    Purge {
        /// Only say which tickets it would change.
        #[arg(long)]
        dry_run: bool,
        /// Print what it did as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Forgets a caller on request (the right to erasure): their closed tickets lose the personal
    /// data and their record goes; refused while a ticket of theirs is open; audited.
    Forget {
        /// The caller: their number, or a name, phone or email that fits only them.
        #[arg(long)]
        caller: String,
    },
    /// Everything held about one caller, as JSON (an access request); recorded in the audit log.
    Export {
        /// The caller: their number, or a name, phone or email that fits only them.
        #[arg(long)]
        caller: String,
        /// Write to this file (readable by you alone) instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum CalendarCommand {
    /// Prints `YYYY-MM-DD<TAB>name` lines, in date order.
    Holidays {
        /// The built-in holiday set: nl.
        #[arg(long)]
        country: String,
        /// The year, e.g. 2027.
        #[arg(long)]
        year: i32,
    },
}

fn main() -> ExitCode {
    let args = Cli::parse();
    // The language before anything is said; a config file that cannot be read says so later.
    let lang = args.lang.or_else(|| config().ok().and_then(|c| c.language)).unwrap_or_else(spoc::i18n::Lang::from_env);
    spoc::i18n::set(lang);
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("spoc: {}", failure.message());
            ExitCode::from(failure.exit_code() as u8)
        }
    }
}

fn config() -> Result<cli::check_config::Config, Failure> {
    let config = match cli::check_config::config_path() {
        Some(path) => cli::check_config::load(&path)?,
        None => None,
    };
    Ok(config.unwrap_or_default())
}

fn data_dir(given: Option<PathBuf>) -> Result<PathBuf, Failure> {
    if given.is_some() {
        return Ok(cli::data_dir(given.as_deref()));
    }
    Ok(cli::data_dir(config()?.data.as_deref()))
}

fn run(args: Cli) -> Result<(), Failure> {
    let Some(command) = args.command else {
        let looks = config()?.looks();
        return Ok(spoc::ui::run(&data_dir(args.data)?, &looks)?);
    };
    let desk = |data: Option<PathBuf>| -> Result<spoc::client::Client, Failure> {
        Ok(spoc::client::connect_or_start(&data_dir(data)?)?)
    };
    match command {
        Command::Demo { no_ui, tickets, seed } => {
            let dir = match args.data {
                Some(d) => d,
                None => cli::demo::fresh_dir(),
            };
            if no_ui {
                return cli::demo::run(&dir, tickets, seed);
            }
            drop(cli::demo::fill(&dir, tickets, seed)?);
            Ok(spoc::ui::run(&dir, &config()?.looks())?)
        }
        Command::Import { file, replace, json } => cli::registry::import(&desk(args.data)?, &file, replace, json),
        Command::Export { output } => cli::registry::export(&desk(args.data)?, output.as_deref()),
        Command::Ticket(t) => {
            let desk = desk(args.data)?;
            match t {
                TicketCommand::New(a) => ticket::new(&desk, a),
                TicketCommand::List(a) => ticket::list(&desk, a),
                TicketCommand::Search(a) => ticket::search(&desk, a),
                TicketCommand::Show { id, json } => ticket::show(&desk, id, json),
                TicketCommand::Update { id, args } => ticket::update(&desk, id, *args),
                TicketCommand::Majors { json } => ticket::majors(&desk, json),
            }
        }
        Command::Supplier(SupplierCommand::Find { query, limit, json }) => {
            cli::supplier::find(&desk(args.data)?, &query, limit, json)
        }
        Command::Report(r) => {
            let desk = desk(args.data)?;
            match r {
                ReportCommand::Suppliers { period, supplier } => report::suppliers(&desk, period, supplier),
                ReportCommand::Participants { period, participant } => report::participants(&desk, period, participant),
                ReportCommand::Services { period, service } => report::services(&desk, period, service),
                ReportCommand::Contracts { within, format } => report::contracts(&desk, within, format),
                ReportCommand::Pack { supplier, all, month, output } => {
                    report::pack(&desk, report::PackArgs { supplier, all, month, output })
                }
            }
        }
        Command::Sla(SlaCommand::Deadline { calendar, start, duration }) => {
            cli::sla::deadline(&calendar, &start, &duration)
        }
        Command::Sla(SlaCommand::Between { calendar, from, to }) => cli::sla::between(&calendar, &from, &to),
        Command::Calendar(CalendarCommand::Holidays { country, year }) => cli::calendar::holidays(&country, year),
        Command::Agent(AgentCommand::List) => cli::agent::list(&desk(args.data)?),
        Command::Agent(AgentCommand::Add { login }) => cli::agent::add(&desk(args.data)?, login),
        Command::Caller(c) => {
            let desk = desk(args.data)?;
            match c {
                CallerCommand::Find { query, participant, limit, json } => {
                    cli::caller::find(&desk, query, participant, limit, json)
                }
                CallerCommand::Show { id, json } => cli::caller::show(&desk, id, json),
                CallerCommand::Add(a) => cli::caller::add(&desk, a),
                CallerCommand::Edit(a) => cli::caller::edit(&desk, a),
            }
        }
        Command::Privacy(PrivacyCommand::Purge { dry_run, json }) => {
            cli::caller::purge(&desk(args.data)?, dry_run, json)
        }
        Command::Privacy(PrivacyCommand::Forget { caller }) => cli::caller::forget(&desk(args.data)?, &caller),
        Command::Privacy(PrivacyCommand::Export { caller, output }) => {
            cli::caller::export(&desk(args.data)?, &caller, output.as_deref())
        }
        Command::CheckConfig { config, files } => cli::check_config::run(config.as_deref(), &files),
        Command::Backup { file } => {
            let dir = data_dir(args.data)?;
            cli::store::backup(&spoc::client::connect_or_start(&dir)?, &dir, &file)
        }
        Command::Restore { file, force } => cli::store::restore(&desk(args.data)?, &file, force),
        Command::Serve { foreground, group, idle_exit, autostarted } => {
            let group = match group {
                Some(g) => Some(g),
                None => config()?.group,
            };
            let dir = data_dir(args.data)?;
            cli::serve::serve(cli::serve::ServeArgs { dir: &dir, group, foreground, autostarted, idle_exit })
        }
        Command::Status { json } => cli::serve::status(&data_dir(args.data)?, json),
        Command::Watch => cli::serve::watch(&data_dir(args.data)?),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "spoc", &mut std::io::stdout());
            Ok(())
        }
        Command::Man { command, all } => cli::manual::run(Cli::command(), &command, all.as_deref()),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    /// Every flag and argument a person can type says what it is for, and where a flag takes
    /// one of a few values, which.
    #[test]
    fn every_argument_has_help() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            for arg in cmd.get_arguments() {
                let builtin = matches!(arg.get_id().as_str(), "help" | "version");
                if !builtin && !arg.is_hide_set() && arg.get_help().is_none() && arg.get_long_help().is_none() {
                    missing.push(format!("{path} {}", arg.get_id()));
                }
            }
            for sub in cmd.get_subcommands() {
                if sub.get_about().is_none() && sub.get_name() != "help" {
                    missing.push(format!("{path} {} (the command itself)", sub.get_name()));
                }
                walk(sub, &format!("{path} {}", sub.get_name()), missing);
            }
        }
        let mut missing = Vec::new();
        walk(&super::Cli::command(), "spoc", &mut missing);
        assert!(missing.is_empty(), "without help:\n{}", missing.join("\n"));
    }
}
