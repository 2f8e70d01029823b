//! Every integration test, in one crate (as ripgrep does): one build and one link on a small
//! machine instead of one per file. Each module is a room of the product; `common` holds the
//! builders they share.

mod common;

mod callers;
mod cli;
mod e2e;
mod faults;
mod i18n;
mod import;
mod majors;
mod pack;
mod protocol;
mod registry;
mod replay;
mod report;
mod routing;
mod search;
mod server;
mod sla_calendar;
mod store;
mod ticket_clocks;
mod ui;
