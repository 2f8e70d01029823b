//! The dashboard: open, warning and breached tickets per supplier and participant.

pub mod view;
