//! Failure-detector page messages, timers, commands and narration.

use crate::sim::NodeId;

/// The two detectors the monitor runs side by side on the same heartbeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Detector {
    /// Suspect when no heartbeat came for a fixed time.
    Timeout = 0,
    /// Suspect when φ (from the inter-arrival history) passes the threshold.
    Phi = 1,
}

impl Detector {
    pub const BOTH: [Detector; 2] = [Detector::Timeout, Detector::Phi];
    pub fn index(self) -> usize {
        self as usize
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum FdMsg {
    /// Process → monitor: "I am alive". `incarnation` grows with every restart (kept on
    /// disk), `seq` with every heartbeat of one incarnation.
    Heartbeat { incarnation: u64, seq: u64 },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FdTimer {
    /// Process: time for the next heartbeat.
    Beat,
    /// Monitor: the fixed timeout for this process ran out.
    Timeout(NodeId),
    /// Monitor: φ for this process reaches the threshold now.
    Phi(NodeId),
}

/// The page has no commands: its perturbations are the engine's (crash, pause, loss,
/// latency).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FdCmd {}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum FdNote {
    /// A detector began to suspect `process`, `elapsed_ms` after its last heartbeat
    /// (`phi_tenths`: φ at that moment ×10, for the φ detector).
    Suspected {
        process: NodeId,
        by: Detector,
        elapsed_ms: u64,
        phi_tenths: u64,
    },
    /// A heartbeat came from a suspected process: the suspicion was wrong (or the process
    /// came back), `late_ms` after the last one.
    Trusted {
        process: NodeId,
        by: Detector,
        late_ms: u64,
    },
    /// A heartbeat from a new incarnation: the process restarted; its history is dropped.
    Restarted { process: NodeId, incarnation: u64 },
    /// A process (re)started and sends its first heartbeat.
    Started { incarnation: u64 },
}
