//! Virtual time. The engine counts microseconds in a `u64`; nothing here reads a clock.

/// A point in virtual time, in microseconds since the start of the run.
pub type SimTime = u64;

/// One virtual millisecond.
pub const MS: SimTime = 1_000;
/// One virtual second.
pub const SEC: SimTime = 1_000_000;

/// Formats a virtual time as seconds with millisecond precision, e.g. `1.234 s`.
pub fn fmt_secs(t: SimTime) -> String {
    format!("{}.{:03} s", t / SEC, (t % SEC) / MS)
}
