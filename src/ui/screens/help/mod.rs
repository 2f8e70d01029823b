//! The help: the keys of the screen below, from the live keymap.

pub mod view;
