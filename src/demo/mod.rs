//! The demo: a realistic Dutch shared-service registry and a generated ticket history, made
//! by the same domain rules as real tickets (so clocks, breaches and journals are genuine).

mod history;

pub use history::{History, HistoryPlan};

use crate::domain::Registry;

/// The demo registry, also the README's complete example file.
pub const REGISTRY_TOML: &str = include_str!("../../examples/registry.toml");
pub const REGISTRY_NAME: &str = "examples/registry.toml";

/// The agents of the demo servicedesk.
pub const AGENTS: &[&str] = &["anouk", "bram", "chantal", "daan", "eline", "farid"];

pub fn registry() -> Registry {
    crate::domain::registry::file::check_toml(REGISTRY_NAME, REGISTRY_TOML).expect("the demo registry is valid")
}
