//! Flags that take one of a few words (`--status`, `--priority`, `--kind`, `--lang`): parsed by the
//! domain's own rules (which also take `in-progress` or `2`), and offered to shell completion.

use std::ffi::OsStr;
use std::marker::PhantomData;
use std::str::FromStr;

use clap::builder::{PossibleValue, TypedValueParser};

/// Parses with `T::from_str`; `names` are what completion offers.
#[derive(Clone)]
pub struct Words<T> {
    names: &'static [&'static str],
    of: PhantomData<fn() -> T>,
}

impl<T> Words<T> {
    pub const fn new(names: &'static [&'static str]) -> Self {
        Words { names, of: PhantomData }
    }
}

impl<T> TypedValueParser for Words<T>
where
    T: FromStr<Err = String> + Clone + Send + Sync + 'static,
{
    type Value = T;

    fn parse_ref(&self, cmd: &clap::Command, arg: Option<&clap::Arg>, value: &OsStr) -> Result<T, clap::Error> {
        let text = value.to_str().ok_or_else(|| clap::Error::new(clap::error::ErrorKind::InvalidUtf8).with_cmd(cmd))?;
        text.parse().map_err(|why: String| {
            let flag = arg.map(|a| format!("{a}: ")).unwrap_or_default();
            clap::Error::raw(clap::error::ErrorKind::InvalidValue, format!("{flag}{why}\n")).with_cmd(cmd)
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.names.iter().map(|n| PossibleValue::new(*n))))
    }
}

pub const STATUSES: Words<crate::domain::Status> =
    Words::new(&["new", "assigned", "in_progress", "waiting_on_supplier", "waiting_on_caller", "resolved", "closed"]);
pub const PRIORITIES: Words<crate::domain::Priority> = Words::new(&["P1", "P2", "P3", "P4"]);
pub const KINDS: Words<crate::domain::TicketKind> = Words::new(&["incident", "request"]);
pub const LANGS: Words<crate::i18n::Lang> = Words::new(&["en", "nl"]);

#[cfg(test)]
mod tests {
    use super::*;

    /// What completion offers is exactly what the domain reads.
    #[test]
    fn the_words_offered_are_the_domains_own() {
        let statuses: Vec<&str> = crate::domain::Status::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(STATUSES.names, statuses.as_slice());
        let priorities: Vec<&str> = crate::domain::Priority::ALL.iter().map(|p| p.as_str()).collect();
        assert_eq!(PRIORITIES.names, priorities.as_slice());
        for name in KINDS.names {
            assert!(name.parse::<crate::domain::TicketKind>().is_ok(), "{name}");
        }
        for name in LANGS.names {
            assert!(name.parse::<crate::i18n::Lang>().is_ok(), "{name}");
        }
    }
}
