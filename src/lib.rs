//! Distributed Systems Playground: protocol state machines on a deterministic virtual
//! clock ([`sim`]), one folder per protocol ([`protocols`]), and the browser UI ([`ui`]).

pub mod decimal;
pub mod lab;
pub mod protocols;
pub mod sim;
pub mod ui;
