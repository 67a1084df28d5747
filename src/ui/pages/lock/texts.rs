//! The lock page's own words, in English and Chinese (the course notes' terms, see
//! shared/GLOSSARY.md: 分布式锁, 加锁, 释放锁, 过期时间, 续约, 看门狗, 停顿, 栅栏令牌).

use crate::protocols::lock::LockNote;
use crate::ui::core::i18n::Lang;
#[allow(unused_imports)]
use crate::ui::core::text::{tx, Tx};

/// The narration of one of the protocol's notes, in `lang`.
pub fn narrate(lang: Lang, note: &LockNote) -> String {
    let ms = |t: u64| t / crate::sim::MS;
    match (lang, *note) {
        (Lang::En, LockNote::Acquiring) => "asks the lock service for the lock".into(),
        (Lang::Zh, LockNote::Acquiring) => "向锁服务请求加锁".into(),
        (Lang::En, LockNote::BusyWithJob) => "is still busy with its last job".into(),
        (Lang::Zh, LockNote::BusyWithJob) => "上一个任务还没有完成".into(),
        (Lang::En, LockNote::Waiting) => "the lock is held by another: will ask again".into(),
        (Lang::Zh, LockNote::Waiting) => "锁被其他客户端持有：稍后重试".into(),
        (Lang::En, LockNote::Holding { token, ttl }) => format!("holds the lock, fencing token {token}, for {} ms by its own clock: reads the counter", ms(ttl)),
        (Lang::Zh, LockNote::Holding { token, ttl }) => format!("加锁成功，栅栏令牌 {token}，按自己的时钟有效 {} ms：读取计数器", ms(ttl)),
        (Lang::En, LockNote::Working { value, work }) => format!("read {value}; works on it for {} ms before writing {}", ms(work), value + 1),
        (Lang::Zh, LockNote::Working { value, work }) => format!("读到 {value}；处理 {} ms 后写入 {}", ms(work), value + 1),
        (Lang::En, LockNote::Writing { value, token, believes: true }) => format!("writes {value} with token {token}"),
        (Lang::Zh, LockNote::Writing { value, token, believes: true }) => format!("用令牌 {token} 写入 {value}"),
        (Lang::En, LockNote::Writing { value, token, believes: false }) => format!("writes {value} with token {token} — its lease ran out meanwhile, but nothing told it so"),
        (Lang::Zh, LockNote::Writing { value, token, believes: false }) => format!("用令牌 {token} 写入 {value}——其间租约已过期，但它并不知道"),
        (Lang::En, LockNote::WriteDone { value }) => format!("the storage took {value}: releases the lock"),
        (Lang::Zh, LockNote::WriteDone { value }) => format!("存储接受了 {value}：释放锁"),
        (Lang::En, LockNote::WriteRefused { token, seen }) => format!("the storage refused token {token} (it has seen {seen}): the job is given up"),
        (Lang::Zh, LockNote::WriteRefused { token, seen }) => format!("存储拒绝了令牌 {token}（已见过 {seen}）：放弃本次任务"),
        (Lang::En, LockNote::Renewed { token }) => format!("watchdog: lock {token} renewed"),
        (Lang::Zh, LockNote::Renewed { token }) => format!("看门狗：锁 {token} 续约成功"),
        (Lang::En, LockNote::LostLock { token }) => format!("the lock service says lock {token} expired"),
        (Lang::Zh, LockNote::LostLock { token }) => format!("锁服务告知锁 {token} 已过期"),
        (Lang::En, LockNote::Granted { token }) => format!("grants the lock, fencing token {token}"),
        (Lang::Zh, LockNote::Granted { token }) => format!("授予锁，栅栏令牌 {token}"),
        (Lang::En, LockNote::Refused { holder }) => format!("refuses: lock {holder} has not expired"),
        (Lang::Zh, LockNote::Refused { holder }) => format!("拒绝：锁 {holder} 尚未过期"),
        (Lang::En, LockNote::Expired { token }) => format!("lock {token} expired by its clock: free for the next client"),
        (Lang::Zh, LockNote::Expired { token }) => format!("按它的时钟锁 {token} 已过期：可以交给下一个客户端"),
        (Lang::En, LockNote::Released { token }) => format!("lock {token} released"),
        (Lang::Zh, LockNote::Released { token }) => format!("锁 {token} 已释放"),
        (Lang::En, LockNote::Extended { token }) => format!("renews lock {token}"),
        (Lang::Zh, LockNote::Extended { token }) => format!("为锁 {token} 续约"),
        (Lang::En, LockNote::Accepted { value, token, older: false }) => format!("stores {value} (token {token})"),
        (Lang::Zh, LockNote::Accepted { value, token, older: false }) => format!("保存 {value}（令牌 {token}）"),
        (Lang::En, LockNote::Accepted { value, token, older: true }) => format!("stores {value} with the OLD token {token}: a newer holder's work is overwritten"),
        (Lang::Zh, LockNote::Accepted { value, token, older: true }) => format!("用旧令牌 {token} 保存了 {value}：新持有者的结果被覆盖"),
        (Lang::En, LockNote::Fenced { token, seen }) => format!("refuses token {token}: it has seen {seen} (fencing)"),
        (Lang::Zh, LockNote::Fenced { token, seen }) => format!("拒绝令牌 {token}：已见过 {seen}（栅栏）"),
    }
}

pub const TITLE: Tx = tx("Locks & fencing", "分布式锁与栅栏");
pub const NAV_TITLE: Tx = tx("Locks", "分布式锁");
pub const BLURB: Tx = tx(
    "A lock with an expiry, a watchdog that renews it, a GC pause longer than the expiry — and the fencing tokens that make the paused holder harmless.",
    "带过期时间的分布式锁、续约的看门狗、比过期时间更长的 GC 停顿——以及让停顿的持有者无害的栅栏令牌。",
);
pub const INTRO: Tx = tx(
    "C1 and C2 each increment a counter on the storage DB, which is only safe one at a time, so each first takes the lock from L. A lock expires after its TTL on L's clock, so a dead holder cannot block everyone; a watchdog renews it while the work goes on. Pause a client (select it, then “Pause”) for longer than the TTL in the middle of its work: its lock expires, the other client takes it — and the paused one wakes up still believing it holds the lock, and writes. Every grant carries a fencing token that grows; with fencing the storage refuses a token older than one it has seen.",
    "C1、C2 都要给存储节点 DB 上的计数器加一，同一时刻只能有一个客户端做，所以先向锁服务 L 加锁。锁在 L 的时钟上过了过期时间（TTL）就失效，持有者宕机也不会让所有人永远等下去；工作期间看门狗不断续约。在客户端工作到一半时让它暂停（选中它，点“暂停”）超过 TTL：它的锁过期，另一个客户端拿到锁——而暂停的那个醒来后仍以为自己持有锁，照样写入。每次加锁都带一个递增的栅栏令牌；开启栅栏后，存储拒绝比已见过的更旧的令牌。",
);
pub const CLIENTS: Tx = tx("Clients", "客户端数");
pub const STRIPS: Tx = tx(
    "Grants (token → client), each client's jobs, and the writes the storage received",
    "锁的授予记录（令牌 → 客户端）、各客户端的任务、存储收到的写入",
);
pub const TTL: Tx = tx("Lock expiry, TTL (ms)", "锁过期时间 TTL（毫秒）");
pub const WORK: Tx = tx(
    "Work between read and write (ms)",
    "读与写之间的处理时间（毫秒）",
);
pub const WATCHDOG: Tx = tx(
    "Watchdog renews the lock every TTL/3",
    "看门狗每 TTL/3 续约一次",
);
pub const FENCING: Tx = tx(
    "Fencing tokens checked by the storage (off: break it)",
    "存储检查栅栏令牌（关闭即破坏它）",
);
pub const DRIFT: Tx = tx("Lock service's clock drift", "锁服务的时钟漂移");
pub const DRIFT_0: Tx = tx("none", "无");
pub const DRIFT_FAST: Tx = tx(
    "+30 % (fast: locks expire early)",
    "+30%（偏快：锁提前过期）",
);
pub const DRIFT_SLOW: Tx = tx(
    "−30 % (slow: locks last longer)",
    "−30%（偏慢：锁更晚过期）",
);
pub const RATE: Tx = tx(
    "Workload: jobs per second per client (0: by click)",
    "负载：每个客户端每秒任务数（0 为手动）",
);

pub const PRESET_PAUSED: Tx = tx(
    "Paused holder, no fencing: an update is lost",
    "持有者停顿、无栅栏：丢失一次更新",
);
pub const ABOUT_PAUSED: Tx = tx(
    "TTL 300 ms, fencing off. C1 takes the lock (token 1), reads 0 and is paused for 500 ms in the middle of its work — its watchdog with it. At 410 ms the lock expires on L's clock; C2, which has been waiting, takes it (token 2), reads 0, writes 1 and releases. At 650 ms C1 wakes, still believing it holds the lock, and writes 1 with token 1: the storage accepts it. Two increments acknowledged, the counter says 1 — and the monitor names the broken rule.",
    "TTL 300 ms，关闭栅栏。C1 加锁（令牌 1），读到 0，处理到一半时暂停 500 ms——看门狗也一起停了。410 ms 时锁在 L 的时钟上过期；一直在等的 C2 拿到锁（令牌 2），读到 0，写入 1 并释放。650 ms 时 C1 醒来，仍以为自己持有锁，用令牌 1 写入 1：存储照单全收。两次加一都确认成功，计数器却是 1——监视器指出被破坏的规则。",
);
pub const PRESET_FENCED: Tx = tx(
    "Paused holder, with fencing tokens",
    "持有者停顿、开启栅栏令牌",
);
pub const ABOUT_FENCED: Tx = tx(
    "The same pause with fencing on. The storage has seen token 2 (C2's read and write), so when C1 wakes and writes with token 1 it is refused, and C1 gives its job up. The two critical sections still overlapped — a lock with an expiry cannot prevent that — but fencing made the overlap harmless: the counter is right.",
    "同样的停顿，开启栅栏。存储已经见过令牌 2（C2 的读和写），C1 醒来用令牌 1 写入时被拒绝，C1 放弃本次任务。两个临界区依然重叠——带过期时间的锁无法避免——但栅栏让重叠变得无害：计数器是对的。",
);
pub const PRESET_WATCHDOG: Tx = tx("The watchdog keeps a long job's lock", "看门狗为长任务续约");
pub const ABOUT_WATCHDOG: Tx = tx(
    "TTL 300 ms, work 600 ms: the job outlives the lock. C1's watchdog renews it every 100 ms, so L never lets it expire and C2 waits its turn; both increments count. Untick the watchdog and run it again: the lock expires under C1's work, C2 takes it, and fencing has to refuse C1's write.",
    "TTL 300 ms，处理 600 ms：任务比锁活得更久。C1 的看门狗每 100 ms 续约一次，L 不会让锁过期，C2 排队等待；两次加一都生效。取消看门狗再运行一次：锁在 C1 工作时过期，C2 拿到锁，只能靠栅栏拒绝 C1 的写入。",
);

pub const TOUR_TITLE: Tx = tx("Tour: the paused lock holder", "导览：停顿的锁持有者");
pub const TOUR1: Tx = tx("C1 holds the lock (token 1) and is working on the counter. Watch it freeze: a GC pause of 500 ms, longer than the 300 ms TTL.", "C1 持有锁（令牌 1），正在处理计数器。注意它将被冻结：一次 500 ms 的 GC 停顿，比 300 ms 的 TTL 更长。");
pub const TOUR2: Tx = tx("The lock expired on L's clock and C2 took it with token 2. C1 is still paused — it knows nothing of this.", "锁在 L 的时钟上过期，C2 以令牌 2 拿到了锁。C1 仍在停顿中——对此一无所知。");
pub const TOUR3: Tx = tx("C1 woke and wrote with token 1, over C2's result: one increment is lost (red). Turn on fencing in the settings, or open the fencing preset, and watch the storage refuse it.", "C1 醒来后用令牌 1 写入，覆盖了 C2 的结果：丢失一次更新（红色）。在设置里打开栅栏，或打开栅栏预设，看存储如何拒绝它。");

pub const SERVICE: Tx = tx("lock service", "锁服务");
pub const STORAGE: Tx = tx("storage", "存储");
pub const CLIENT: Tx = tx("client", "客户端");
pub const FREE: Tx = tx("free", "空闲");
pub const HELD_BY: Tx = tx("held by", "持有者");
pub const LEFT_ITS_CLOCK: Tx = tx("ms left by its clock", "ms（按它的时钟）");
pub const LEASE_LEFT: Tx = tx("lease left (own clock)", "租约剩余（自己的时钟）");
pub const EXPIRED_OWN: Tx = tx("expired by its own clock", "按自己的时钟已过期");
pub const COUNTER: Tx = tx("counter", "计数器");
pub const HIGHEST_TOKEN: Tx = tx("highest token seen", "见过的最大令牌");
pub const SEEN_SHORT: Tx = tx("seen", "已见");
pub const TOKEN: Tx = tx("Fencing token", "栅栏令牌");
pub const JOBS: Tx = tx("Jobs", "任务数");
pub const JOB: Tx = tx("Take the lock and add one", "加锁并加一");
pub const IDLE: Tx = tx("idle", "空闲");
pub const ACQUIRING: Tx = tx("acquiring the lock", "正在加锁");
pub const READING: Tx = tx("holds the lock: reading", "持有锁：读取中");
pub const WORKING: Tx = tx("holds the lock: working", "持有锁：处理中");
pub const WRITING: Tx = tx("writing", "写入中");
pub const WRITTEN: Tx = tx("written", "已写入");
pub const REFUSED: Tx = tx("refused (fenced)", "被拒绝（栅栏）");
pub const ABANDONED: Tx = tx("given up", "已放弃");
pub const OLD_TOKEN: Tx = tx("older token accepted", "接受了旧令牌");
pub const HOLDS: Tx = tx("holds", "持有");

pub const STATUS_LOCK: Tx = tx("Lock", "锁");
pub const STATUS_FENCING: Tx = tx("Fencing", "栅栏");
pub const STATUS_OVERLAP: Tx = tx("Critical sections overlapped", "临界区重叠");
pub const STATUS_LOST: Tx = tx(
    "Increments acknowledged / counter / lost",
    "确认的加一次数 / 计数器 / 丢失",
);
pub const STATUS_REFUSED: Tx = tx("Writes refused by fencing", "被栅栏拒绝的写入");
pub const ON: Tx = tx("on", "开启");
pub const OFF: Tx = tx("off (break it)", "关闭（破坏它）");

pub const RULE_FENCED: Tx = tx(
    "Storage never accepts an older fencing token",
    "存储不接受更旧的栅栏令牌",
);

pub const MSG_ACQUIRE: Tx = tx("acquire", "加锁请求");
pub const MSG_GRANTED: Tx = tx("granted (token)", "加锁成功（令牌）");
pub const MSG_BUSY: Tx = tx("busy", "锁被占用");
pub const MSG_RENEW: Tx = tx("renew (watchdog)", "续约（看门狗）");
pub const MSG_RENEWED: Tx = tx("renewed", "续约成功");
pub const MSG_EXPIRED: Tx = tx("expired", "已过期");
pub const MSG_RELEASE: Tx = tx("release", "释放锁");
pub const MSG_READ: Tx = tx("read", "读取");
pub const MSG_VALUE: Tx = tx("value", "读取结果");
pub const MSG_WRITE: Tx = tx("write (with token)", "写入（带令牌）");
pub const MSG_OK: Tx = tx("write ok", "写入成功");
pub const MSG_FENCED: Tx = tx("refused (fencing)", "拒绝（栅栏）");

pub const T_RETRY: Tx = tx("Ask again", "重试加锁");
pub const T_RENEW: Tx = tx("Watchdog renewal", "看门狗续约");
pub const T_WORK: Tx = tx("Work done", "处理完成");
pub const T_WORKLOAD: Tx = tx("Next job", "下一个任务");
pub const T_EXPIRE: Tx = tx("Lock expires", "锁过期");

/// The home page's card: a padlock, a clock, and a token.
pub const PICTURE: &str = r##"<svg viewBox="0 0 120 80"><rect x="22" y="34" width="34" height="28" rx="4" fill="#fde68a" stroke="#b45309"/><path d="M29 34v-8a10 10 0 0 1 20 0v8" fill="none" stroke="#b45309" stroke-width="4"/><circle cx="84" cy="34" r="16" fill="#e0f2fe" stroke="#0369a1"/><path d="M84 24v10l7 5" stroke="#0369a1" stroke-width="3" fill="none"/><rect x="70" y="56" width="30" height="14" rx="3" fill="#dcfce7" stroke="#16a34a"/><text x="85" y="67" font-size="10" text-anchor="middle" fill="#166534">#2</text></svg>"##;

/// What the monitor says broke, in both languages (the English is the protocol's own
/// sentence, so the two cannot drift apart).
pub const DETAILS: &[Tx] = {
    use crate::protocols::lock::invariants as inv;
    &[tx(
        inv::OLDER_TOKEN_ACCEPTED,
        "{0} 已见过栅栏令牌 {3}，却接受了 {1} 携带令牌 {2} 的写入",
    )]
};
