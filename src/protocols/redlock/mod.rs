//! # Redlock against a consensus-backed lock
//!
//! The course notes' question about distributed locks (分布式锁): is a lock held on a
//! majority of independent servers as safe as one kept by consensus? Two services on the
//! same five servers, the same clients and the same shared counter:
//!
//! - **Redlock** (antirez, *Distributed locks with Redis*, "The Redlock algorithm"): each
//!   server is an independent Redis instance that knows nothing of the others and
//!   expires a key by its own clock (`SET key value NX PX ttl`). A client asks every
//!   server, counts the yeses, and holds the lock if a majority said yes and the time it
//!   took is less than the lock's validity: validity = TTL − elapsed − drift allowance
//!   (the reference implementation's TTL·1 % + 2 ms). It releases by deleting its own
//!   value everywhere. The algorithm **assumes that the servers' clocks run at about the
//!   same rate** — the drift allowance is all it budgets for. A clock that jumps forward
//!   on one server expires the key there early; with a network that cuts each client off
//!   from two servers, the second client gets its majority from the jumped server and the
//!   two it reaches (Kleppmann, *How to do distributed locking*, 2016): two clients hold the
//!   lock within its validity at once. And Redlock's values are random: the storage has
//!   no number to fence a paused holder with.
//! - **A consensus-backed lock** (the ZooKeeper / etcd shape, Chubby's sequencer): the lock
//!   is a replicated state machine; a grant, a release and an expiry are entries of one
//!   log, applied only once a majority has them. The expiry is decided by one clock only,
//!   the leader's, and recorded; a follower's clock decides nothing. The grant's log index
//!   (ZooKeeper's zxid) grows with every grant: a **fencing token** (栅栏令牌) the storage
//!   checks. The leader is fixed here (S1): the Raft page shows how one is elected.

pub mod client;
pub mod consensus;
pub mod instance;
pub mod invariants;
pub mod msg;
pub mod node;
pub mod presets;
pub mod storage;

pub use invariants::{RedlockMonitor, MUTUAL_EXCLUSION, NO_LOST_UPDATE};
pub use msg::{Op, RedlockCmd, RedlockMsg, RedlockNote, RedlockTimer, Token};
pub use node::{Mode, RedlockConfig, RedlockNode, Role};
pub use presets::RedlockPreset;
