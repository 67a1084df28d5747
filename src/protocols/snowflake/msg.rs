//! Snowflake page messages, timers, commands and narration.

/// A snowflake ID's parts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id {
    /// Milliseconds on the generator's clock (the layout's 41 bits).
    pub ms: u64,
    /// The worker id (10 bits).
    pub worker: u64,
    /// The sequence within the millisecond (12 bits).
    pub seq: u64,
}

impl Id {
    /// The 64-bit number: `ms << 22 | worker << 12 | seq`.
    pub fn value(&self) -> u64 {
        (self.ms << 22) | ((self.worker & 0x3FF) << 12) | (self.seq & 0xFFF)
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}.{}", self.ms, self.worker, self.seq)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SnowMsg {
    /// App → generator: an ID, please (`req` ties the answer to the request).
    Next { req: u64 },
    /// Generator → app: the ID, and how its timestamp was made.
    Issued { req: u64, id: Id, how: Stamped },
    /// Generator → app: its clock moved backwards; no ID (strategy "refuse").
    Refused { req: u64, behind_ms: u64 },
}

/// How a generator chose an ID's timestamp.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stamped {
    /// Its clock, moving forward as it should.
    Clock,
    /// Its clock, after holding the request until the clock passed the last timestamp.
    AfterWait,
    /// Its last timestamp, not the clock (which is behind): a logical clock.
    Logical,
    /// Its clock although it went back ("break it"): maybe an ID issued before.
    Backwards,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SnowTimer {
    /// App: the next round of requests.
    Round,
    /// Generator: its clock has (maybe) caught up with the last timestamp used.
    CaughtUp,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SnowCmd {
    /// App: ask every generator once now.
    Ask,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SnowNote {
    /// Generator: issued `id`.
    Issued { id: Id },
    /// Generator: its clock reads `now_ms`, behind the last timestamp used, `last_ms`.
    Backwards { now_ms: u64, last_ms: u64 },
    /// Generator: waits until its clock passes `last_ms`.
    Waiting { last_ms: u64 },
    /// Generator: refuses (its clock is behind by `behind_ms`).
    Refusing { behind_ms: u64 },
    /// Generator: uses its last timestamp instead (logical clock).
    Logical { last_ms: u64 },
    /// App: received an ID that was already issued (by `first`, a node).
    Duplicate { id: Id, first: usize },
}
