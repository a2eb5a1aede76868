//! End-to-end tests of the `steady` binary: a real server process, real client commands.

mod durability;
mod server;
mod urge_commands;
