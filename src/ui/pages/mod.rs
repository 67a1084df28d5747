//! The page layout every protocol shares.

pub mod protocol;
