pub mod cli;
pub mod demo;
pub mod desk;
pub mod domain;
pub mod store;
