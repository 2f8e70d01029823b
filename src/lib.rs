pub mod cli;
pub mod client;
pub mod demo;
pub mod desk;
pub mod domain;
pub mod protocol;
pub mod server;
pub mod store;
