//! The simulation engine: virtual time, an event queue, a network model with faults,
//! seeded randomness and a trace. Pure Rust: no web crates, no wall clock, no global RNG.
//!
//! A run is a pure function of `(seed, config, action log)`: the [`world::World`] applies
//! every user action at a virtual time, so the same inputs always give the same trace.

pub mod chaos;
pub mod clock;
pub mod hash;
pub mod invariant;
pub mod network;
pub mod node;
pub mod recent_log;
pub mod rng;
pub mod shared_log;
pub mod shared_map;
pub mod time;
pub mod trace;
pub mod world;

pub use chaos::{heal_everything, Chaos};
pub use clock::{ClockSpec, LocalClock};
pub use invariant::{Detail, Monitor, NoMonitor, Violation};
pub use network::{DropReason, LinkState, NetConfig};
pub use node::{Ctx, Effect, NodeId, Protocol};
pub use recent_log::RecentLog;
pub use rng::SimRng;
pub use shared_log::SharedLog;
pub use shared_map::SharedMap;
pub use time::{SimTime, MS, SEC};
pub use trace::{Aside, TraceEvent, TraceKind};
pub use world::{Action, PauseSpan, World, WorldConfig};
