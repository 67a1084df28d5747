//! # Failure detectors: a fixed timeout against φ accrual
//!
//! The course notes' failure detection (故障检测) by heartbeats (心跳): processes send the
//! monitor a heartbeat every period; the monitor cannot tell a crashed process from a slow
//! one, a lost heartbeat or a paused process — it can only guess, by time. Two guesses run
//! side by side on the same heartbeats:
//!
//! - a **fixed timeout** — suspect when nothing came for `timeout`;
//! - the **φ accrual failure detector** (Hayashibara et al., SRDS 2004) — from a window of
//!   past inter-arrival times, the probability that a heartbeat is still coming, on a log
//!   scale (φ); suspect when φ passes a threshold. It adapts to the network it measures.
//!
//! A judge that knows the truth ([`invariants::FdOracle`]) counts false suspicions and
//! times real crashes' detection: the trade-off between detecting fast and suspecting
//! wrongly (Chen, Toueg & Aguilera, 2002), which the lab sweeps ([`crate::lab::detectors`]).

pub mod detector;
pub mod invariants;
pub mod msg;
pub mod node;
pub mod phi;
pub mod presets;
pub mod process;

pub use detector::{Arrival, Monitor, Span, Track};
pub use invariants::{Crash, FdOracle, ACCURACY};
pub use msg::{Detector, FdCmd, FdMsg, FdNote, FdTimer};
pub use node::{FdConfig, FdNode, MONITOR};
pub use presets::FdPreset;
