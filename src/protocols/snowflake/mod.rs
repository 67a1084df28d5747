//! # Snowflake IDs and a clock that moves backwards
//!
//! The course notes' globally unique IDs (全局唯一 ID) by the snowflake algorithm (雪花算法,
//! Twitter 2010): an ID is `timestamp (ms) | worker id (机器 ID) | sequence (序列号)`, so
//! IDs from one generator grow with its clock and never repeat while the clock only moves
//! forward and worker ids are distinct. The page breaks both assumptions:
//!
//! - **A clock moving backwards** (时钟回拨, an NTP step): the generator's clock reads a
//!   millisecond it has already used. Strategies: **wait** until the clock passes the
//!   last timestamp used (answers are late), **refuse** (answers are errors), **logical
//!   clock** (keep using the last timestamp and count on in the sequence: unique and
//!   increasing, the timestamp no longer the wall clock), or — "break it" — **ignore** it
//!   and issue the same IDs again.
//! - **Two generators with the same worker id**: both issue the same ID in the same
//!   millisecond.
//!
//! The app node asks every generator for an ID at a fixed period and collects the answers;
//! the monitor checks that IDs are unique and increasing per generator.

pub mod app;
pub mod generator;
pub mod invariants;
pub mod msg;
pub mod node;
pub mod presets;
pub mod seen;

pub use generator::{FIRST_FEW, KEPT};
pub use invariants::{SnowMonitor, UNIQUE_IDS};
pub use msg::{Id, SnowCmd, SnowMsg, SnowNote, SnowTimer, Stamped};
pub use node::{SnowConfig, SnowNode, Strategy};
pub use presets::SnowPreset;
