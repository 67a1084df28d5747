//! The Redlock page's own words, in English and Chinese (the course notes' terms, see
//! shared/GLOSSARY.md: 分布式锁, 加锁, 释放锁, 过期时间, 多数派, 时钟漂移, 停顿, 栅栏令牌).

use crate::protocols::redlock::{Op, RedlockNote};
use crate::ui::core::i18n::Lang;
#[allow(unused_imports)]
use crate::ui::core::text::{same, tx, Tx};

/// An operation of the consensus lock's log, for a node name lookup `name`.
pub fn op_text(lang: Lang, op: &Op, name: &dyn Fn(usize) -> String) -> String {
    match (lang, op) {
        (Lang::En, Op::Grant { client }) => format!("grant to {}", name(*client)),
        (Lang::Zh, Op::Grant { client }) => format!("把锁授予 {}", name(*client)),
        (Lang::En, Op::Expire { token }) => format!("lock #{token} expired"),
        (Lang::Zh, Op::Expire { token }) => format!("锁 #{token} 过期"),
        (Lang::En, Op::Release { token }) => format!("lock #{token} released"),
        (Lang::Zh, Op::Release { token }) => format!("锁 #{token} 释放"),
    }
}

/// The narration of one of the protocol's notes, in `lang`.
pub fn narrate(lang: Lang, note: &RedlockNote, name: &dyn Fn(usize) -> String) -> String {
    let ms = |t: u64| t / crate::sim::MS;
    match (lang, *note) {
        (Lang::En, RedlockNote::BusyWithJob) => "is still busy with its last job".into(),
        (Lang::Zh, RedlockNote::BusyWithJob) => "上一个任务还没有完成".into(),
        (Lang::En, RedlockNote::Asking { value, servers }) => format!("notes the time and asks all {servers} instances: SET lock {:04x} NX PX (a random value)", value & 0xffff),
        (Lang::Zh, RedlockNote::Asking { value, servers }) => format!("记下当前时间，向全部 {servers} 个实例发送 SET lock {:04x} NX PX（随机值）", value & 0xffff),
        (Lang::En, RedlockNote::Counted { yes, servers, elapsed, validity, holds: true }) => {
            format!("{yes} of {servers} said yes (a majority) in {} ms: holds the lock for {} ms more (TTL − elapsed − drift allowance)", ms(elapsed), validity / 1000)
        }
        (Lang::Zh, RedlockNote::Counted { yes, servers, elapsed, validity, holds: true }) => {
            format!("{servers} 个中 {yes} 个同意（过半），用时 {} ms：锁还有效 {} ms（TTL − 耗时 − 漂移余量）", ms(elapsed), validity / 1000)
        }
        (Lang::En, RedlockNote::Counted { yes, servers, elapsed, validity, holds: false }) if validity > 0 => {
            format!("only {yes} of {servers} said yes in {} ms, not a majority: deletes its value everywhere and will try again", ms(elapsed))
        }
        (Lang::Zh, RedlockNote::Counted { yes, servers, elapsed, validity, holds: false }) if validity > 0 => {
            format!("{} ms 内 {servers} 个中只有 {yes} 个同意，不过半：到处删除自己的值，稍后重试", ms(elapsed))
        }
        (Lang::En, RedlockNote::Counted { yes, servers, elapsed, .. }) => format!("{yes} of {servers} said yes, but it took {} ms: no validity left; deletes its value everywhere", ms(elapsed)),
        (Lang::Zh, RedlockNote::Counted { yes, servers, elapsed, .. }) => format!("{servers} 个中 {yes} 个同意，但用了 {} ms：有效期已耗尽；到处删除自己的值", ms(elapsed)),
        (Lang::En, RedlockNote::AskingVia { via }) => format!("asks {} for the lock", name(via)),
        (Lang::Zh, RedlockNote::AskingVia { via }) => format!("向 {} 请求加锁", name(via)),
        (Lang::En, RedlockNote::NoAnswer { via }) => format!("no answer from {}: tries the next server", name(via)),
        (Lang::Zh, RedlockNote::NoAnswer { via }) => format!("{} 没有应答：换下一个服务器", name(via)),
        (Lang::En, RedlockNote::Waiting) => "the lock is held: will ask again".into(),
        (Lang::Zh, RedlockNote::Waiting) => "锁被占用：稍后重试".into(),
        (Lang::En, RedlockNote::Holding { token, ttl }) => format!("holds the lock, fencing token {token}, for {} ms by its own clock: reads the counter", ms(ttl)),
        (Lang::Zh, RedlockNote::Holding { token, ttl }) => format!("加锁成功，栅栏令牌 {token}，按自己的时钟有效 {} ms：读取计数器", ms(ttl)),
        (Lang::En, RedlockNote::Working { value, work }) => format!("read {value}; works on it for {} ms before writing {}", ms(work), value + 1),
        (Lang::Zh, RedlockNote::Working { value, work }) => format!("读到 {value}；处理 {} ms 后写入 {}", ms(work), value + 1),
        (Lang::En, RedlockNote::Writing { value, valid: true }) => format!("writes {value}"),
        (Lang::Zh, RedlockNote::Writing { value, valid: true }) => format!("写入 {value}"),
        (Lang::En, RedlockNote::Writing { value, valid: false }) => format!("writes {value} — its lock ran out meanwhile, but nothing told it so"),
        (Lang::Zh, RedlockNote::Writing { value, valid: false }) => format!("写入 {value}——其间锁已过期，但它并不知道"),
        (Lang::En, RedlockNote::WriteDone { value }) => format!("the storage took {value}: releases the lock"),
        (Lang::Zh, RedlockNote::WriteDone { value }) => format!("存储接受了 {value}：释放锁"),
        (Lang::En, RedlockNote::GaveUp) => "the storage did not answer before its lock ran out: gives the job up".into(),
        (Lang::Zh, RedlockNote::GaveUp) => "锁过期前存储没有应答：放弃本次任务".into(),
        (Lang::En, RedlockNote::WriteRefused { token, seen }) => format!("the storage refused token {token} (it has seen {seen}): the job is given up"),
        (Lang::Zh, RedlockNote::WriteRefused { token, seen }) => format!("存储拒绝了令牌 {token}（已见过 {seen}）：放弃本次任务"),
        (Lang::En, RedlockNote::KeySet { client, ttl }) => format!("sets the key for {} for {} ms by its own clock", name(client), ms(ttl)),
        (Lang::Zh, RedlockNote::KeySet { client, ttl }) => format!("为 {} 设置键，按自己的时钟 {} ms 后过期", name(client), ms(ttl)),
        (Lang::En, RedlockNote::KeyHeld { client, left }) => format!("says no: {}'s key has {} ms to go by its clock", name(client), ms(left)),
        (Lang::Zh, RedlockNote::KeyHeld { client, left }) => format!("拒绝：按它的时钟 {} 的键还有 {} ms", name(client), ms(left)),
        (Lang::En, RedlockNote::KeyExpired { client }) => format!("{}'s key has expired by its clock", name(client)),
        (Lang::Zh, RedlockNote::KeyExpired { client }) => format!("按它的时钟 {} 的键已过期", name(client)),
        (Lang::En, RedlockNote::KeyDeleted { client }) => format!("deletes {}'s key", name(client)),
        (Lang::Zh, RedlockNote::KeyDeleted { client }) => format!("删除 {} 的键", name(client)),
        (_, RedlockNote::Appended { index, op }) => match lang {
            Lang::En => format!("appends entry {index} ({}) and sends it to the followers", op_text(lang, &op, name)),
            Lang::Zh => format!("追加日志 {index}（{}），发给跟随者", op_text(lang, &op, name)),
        },
        (_, RedlockNote::Committed { index, op }) => match lang {
            Lang::En => format!("entry {index} is on a majority: applied ({})", op_text(lang, &op, name)),
            Lang::Zh => format!("日志 {index} 已在多数派上：应用（{}）", op_text(lang, &op, name)),
        },
        (Lang::En, RedlockNote::Refused { client }) => format!("{} must wait: the lock is held", name(client)),
        (Lang::Zh, RedlockNote::Refused { client }) => format!("{} 需要等待：锁被占用", name(client)),
        (Lang::En, RedlockNote::Forwarded { client }) => format!("forwards {}'s request to the leader", name(client)),
        (Lang::Zh, RedlockNote::Forwarded { client }) => format!("把 {} 的请求转发给领导者", name(client)),
        (Lang::En, RedlockNote::Accepted { value, token: Some(t), older: false }) => format!("stores {value} (token {t})"),
        (Lang::Zh, RedlockNote::Accepted { value, token: Some(t), older: false }) => format!("保存 {value}（令牌 {t}）"),
        (Lang::En, RedlockNote::Accepted { value, token: Some(t), older: true }) => format!("stores {value} with the OLD token {t}: a newer holder's work is overwritten"),
        (Lang::Zh, RedlockNote::Accepted { value, token: Some(t), older: true }) => format!("用旧令牌 {t} 保存了 {value}：新持有者的结果被覆盖"),
        (Lang::En, RedlockNote::Accepted { value, token: None, .. }) => format!("stores {value} (no token to check)"),
        (Lang::Zh, RedlockNote::Accepted { value, token: None, .. }) => format!("保存 {value}（没有令牌可检查）"),
        (Lang::En, RedlockNote::Fenced { token, seen }) => format!("refuses token {token}: it has seen {seen} (fencing)"),
        (Lang::Zh, RedlockNote::Fenced { token, seen }) => format!("拒绝令牌 {token}：已见过 {seen}（栅栏）"),
    }
}

pub const TITLE: Tx = tx("Redlock vs a consensus lock", "Redlock 与基于共识的锁");
pub const NAV_TITLE: Tx = same("Redlock");
pub const BLURB: Tx = tx(
    "A lock on a majority of five independent servers, and what a clock jump on one of them does; the same five servers running one replicated lock with fencing tokens.",
    "在五个独立服务器的多数派上加锁，以及其中一台时钟跳变的后果；同样五台服务器运行一个带栅栏令牌的复制锁。",
);
pub const INTRO: Tx = tx(
    "Redlock: five independent servers S1–S5 each keep the lock's key and expire it by their own clock. A client asks all five at once and holds the lock if a majority said yes and time is left: validity = TTL − time taken − a drift allowance (TTL·1 % + 2 ms). That allowance is the algorithm's assumption: the servers' clocks run at about the same rate. Jump one server's clock (select it, then the clock buttons) and a second client can get its majority while the first still holds. Switch the mode to the consensus lock: the same servers keep one replicated log; only the leader's clock expires a lock, and each grant's log index is a fencing token the storage checks.",
    "Redlock：五个独立服务器 S1–S5 各自保存锁的键，按自己的时钟让它过期。客户端同时向五台请求，若多数派同意且还有剩余时间就算加锁成功：有效期 = TTL − 耗时 − 时钟漂移余量（TTL·1% + 2 ms）。这个余量就是算法的假设：各服务器的时钟走得差不多快。让一台服务器的时钟跳变（选中它，点时钟按钮），第二个客户端就可能在第一个仍持锁时凑齐多数派。把模式切换为基于共识的锁：同样的服务器维护一份复制日志；只有领导者的时钟能让锁过期，每次授予的日志序号就是存储检查的栅栏令牌。",
);
pub const SERVERS: Tx = tx("Lock servers", "锁服务器数");
pub const STRIPS: Tx = tx(
    "Each server's keys or log, each client's jobs, and the writes the storage received",
    "各服务器的键或日志、各客户端的任务、存储收到的写入",
);
pub const MODE: Tx = tx("Lock service", "锁服务");
pub const MODE_REDLOCK: Tx = tx(
    "Redlock: a majority of independent servers",
    "Redlock：独立服务器的多数派",
);
pub const MODE_REDLOCK_SHORT: Tx = same("Redlock");
pub const MODE_CONSENSUS_SHORT: Tx = tx("consensus + fencing", "共识 + 栅栏令牌");
pub const MODE_CONSENSUS: Tx = tx(
    "Consensus: one replicated lock, fencing tokens",
    "共识：一个复制的锁，栅栏令牌",
);
pub const CLIENTS: Tx = tx("Clients", "客户端数");
pub const TTL: Tx = tx("Lock expiry, TTL (ms)", "锁过期时间 TTL（毫秒）");
pub const WORK: Tx = tx(
    "Work between read and write (ms)",
    "读与写之间的处理时间（毫秒）",
);
pub const TIMEOUT: Tx = tx(
    "Client's wait for answers (ms)",
    "客户端等待应答的时间（毫秒）",
);
pub const FENCING: Tx = tx(
    "Consensus: storage checks fencing tokens (off: break it)",
    "共识模式：存储检查栅栏令牌（关闭即破坏它）",
);
pub const RATE: Tx = tx(
    "Workload: jobs per second per client (0: by click)",
    "负载：每个客户端每秒任务数（0 为手动）",
);

pub const PRESET_JUMP: Tx = tx(
    "Redlock: a clock jump gives two clients the lock",
    "Redlock：时钟跳变让两个客户端同时持锁",
);
pub const ABOUT_JUMP: Tx = tx(
    "Kleppmann's example. The network cuts C1 off from S4, S5 and C2 off from S1, S2. C1 gets S1–S3: 3 of 5, it holds the lock. Then S3's clock jumps 600 ms forward: by S3's clock C1's key has expired. C2 asks and gets S3, S4, S5 — its majority. Both hold the lock within its validity, both read 0 and write 1: one increment lost. Redlock assumed the servers' clocks run at the same rate (it budgets TTL·1 % + 2 ms for their drift); a jump broke that.",
    "Kleppmann 的例子。网络把 C1 和 S4、S5 隔开，把 C2 和 S1、S2 隔开。C1 拿到 S1–S3：5 个中的 3 个，加锁成功。接着 S3 的时钟向前跳了 600 ms：按 S3 的时钟，C1 的键已经过期。C2 请求加锁，拿到 S3、S4、S5——它的多数派。两个客户端都在有效期内持锁，都读到 0、写入 1：丢失一次加一。Redlock 假设各服务器的时钟走得一样快（只为漂移留了 TTL·1% + 2 ms）；时钟跳变打破了这个假设。",
);
pub const PRESET_CUTS: Tx = tx(
    "Redlock: the same cuts, no jump — safe",
    "Redlock：同样的断网、没有跳变——安全",
);
pub const ABOUT_CUTS: Tx = tx(
    "The same cuts, every clock right. C2 reaches S3, S4, S5, but S3 still holds C1's key: 2 of 5, no majority — C2 deletes its value and tries again until C1 releases. The counter ends at 2. A majority of independent servers does tolerate a minority's failure; what it cannot tolerate is a clock that is wrong.",
    "同样的断网，所有时钟都正常。C2 能连到 S3、S4、S5，但 S3 仍保存着 C1 的键：5 个中 2 个，不过半——C2 删除自己的值并重试，直到 C1 释放锁。计数器最终为 2。独立服务器的多数派确实能容忍少数服务器故障；它不能容忍的是时钟出错。",
);
pub const PRESET_PAUSE: Tx = tx(
    "Redlock: a paused holder, nothing to fence with",
    "Redlock：停顿的持有者，没有令牌可用",
);
pub const ABOUT_PAUSE: Tx = tx(
    "No cut, no jump. C1 gets all five, reads 0 and is paused for 1.2 s (a GC pause) in the middle of its work. Its keys expire everywhere; C2 gets the lock, reads 0, writes 1 and releases. C1 wakes, still believing it holds the lock, and writes 1: accepted — Redlock's values are random, the storage has no number to refuse it by. The validity windows never overlapped; the write did.",
    "没有断网，没有跳变。C1 拿到全部五台，读到 0，处理到一半时停顿 1.2 秒（GC 停顿）。它的键在各处过期；C2 加锁成功，读到 0，写入 1 并释放。C1 醒来仍以为自己持有锁，写入 1：被接受——Redlock 的值是随机的，存储没有可据以拒绝的数字。两个有效期从未重叠，写入却重叠了。",
);
pub const PRESET_CJUMP: Tx = tx(
    "Consensus: the same jump changes nothing",
    "共识：同样的跳变什么也没改变",
);
pub const ABOUT_CJUMP: Tx = tx(
    "The cuts and the jump of the first preset, on the consensus lock. C1 asks the leader S1 and gets token 1 once a majority holds the grant. S3's clock jumps: S3 decides nothing, so nothing happens. C2 cannot reach S1 or S2; it tries S3, which forwards to the leader: the lock is held, C2 waits, and gets token 3 after C1's release is committed (entry 2). The counter ends at 2.",
    "第一个预设的断网和跳变，换成基于共识的锁。C1 向领导者 S1 请求，授予记录到达多数派后拿到令牌 1。S3 的时钟跳变：S3 什么也不决定，所以什么也没发生。C2 连不上 S1、S2；它改问 S3，S3 转发给领导者：锁被占用，C2 等待，C1 的释放提交（日志 2）后拿到令牌 3。计数器最终为 2。",
);
pub const PRESET_CPAUSE: Tx = tx(
    "Consensus: the paused holder is fenced",
    "共识：停顿的持有者被栅栏拦下",
);
pub const ABOUT_CPAUSE: Tx = tx(
    "The pause on the consensus lock. C1 holds token 1 and is paused for 1.2 s. On the leader's clock the lock runs out: entry 2 expires it, entry 3 grants it to C2 — token 3, which the storage sees on C2's read. C1 wakes and writes with token 1: refused. The two clients' work still overlapped — no lock with an expiry can prevent that — but the token made it harmless.",
    "停顿发生在基于共识的锁上。C1 持有令牌 1，停顿 1.2 秒。按领导者的时钟锁到期：日志 2 让它过期，日志 3 把锁授予 C2——令牌 3，存储在 C2 读取时见到它。C1 醒来用令牌 1 写入：被拒绝。两个客户端的工作仍然重叠——任何带过期时间的锁都无法避免——但令牌让重叠变得无害。",
);

/// The node labels' notations, explained in the legend.
pub const NOTATION: &[(&str, Tx)] = &[
    ("3/5", tx("yes / instances", "同意数 / 实例数")),
    (
        "→C1 · 259 ms",
        tx(
            "held for C1, time left by its clock",
            "为 C1 持有，按本机时钟的剩余时间",
        ),
    ),
];
pub const TOUR_TITLE: Tx = tx(
    "Tour: one clock jump, two lock holders",
    "导览：一次时钟跳变，两个持锁者",
);
pub const TOUR1: Tx = tx("C1 is cut off from S4 and S5, C2 from S1 and S2. C1 asked all five; S1–S3 said yes: 3 of 5, a majority. C1 holds the lock.", "C1 与 S4、S5 断开，C2 与 S1、S2 断开。C1 向五台都发了请求；S1–S3 同意：5 个中 3 个，过半。C1 持有锁。");
pub const TOUR2: Tx = tx("S3's clock jumped 600 ms forward. By S3's clock, C1's key has expired — although C1's lock is valid for another 250 ms. C2 now asks.", "S3 的时钟向前跳了 600 ms。按 S3 的时钟，C1 的键已经过期——而 C1 的锁还有 250 ms 有效期。现在 C2 发出请求。");
pub const TOUR3: Tx = tx("S3, S4, S5 said yes to C2: its majority. Two clients hold the lock within its validity (red). Redlock assumed the servers' clocks run at the same rate; S3's did not.", "S3、S4、S5 同意了 C2：它的多数派。两个客户端在有效期内同时持锁（红色）。Redlock 假设各服务器的时钟走得一样快；S3 的没有。");
pub const TOUR4: Tx = tx("Both read 0 and wrote 1: two increments acknowledged, the counter says 1. Open “Consensus: the same jump changes nothing” to see a lock whose expiry only the leader's clock decides.", "两者都读到 0、写入 1：确认了两次加一，计数器却是 1。打开“共识：同样的跳变什么也没改变”，看一个只由领导者时钟决定过期的锁。");

pub const INSTANCE: Tx = tx("instance", "实例");
pub const LEADER: Tx = tx("leader", "领导者");
pub const FOLLOWER: Tx = tx("follower", "跟随者");
pub const STORAGE: Tx = tx("storage", "存储");
pub const CLIENT: Tx = tx("client", "客户端");
pub const FREE: Tx = tx("free", "空闲");
pub const KEY_FOR: Tx = tx("key for", "键属于");
pub const LEFT_ITS_CLOCK: Tx = tx("ms left by its clock", "ms（按它的时钟）");
pub const RESTARTING: Tx = tx(
    "restarted: says no for one TTL",
    "刚重启：一个 TTL 内拒绝加锁",
);
pub const LOG: Tx = tx("log", "日志");
pub const COMMITTED: Tx = tx("committed", "已提交");
pub const HOLDER: Tx = tx("holder", "持有者");
pub const VALID_LEFT: Tx = tx("validity left (own clock)", "剩余有效期（自己的时钟）");
pub const EXPIRED_OWN: Tx = tx("expired by its own clock", "按自己的时钟已过期");
pub const YES_FROM: Tx = tx("yes from", "同意的服务器");
pub const ASKS: Tx = tx("asks", "请求");
pub const COUNTER: Tx = tx("counter", "计数器");
pub const HIGHEST_TOKEN: Tx = tx("highest token seen", "见过的最大令牌");
pub const SEEN_SHORT: Tx = tx("seen", "已见");
pub const TOKEN: Tx = tx("Fencing token", "栅栏令牌");
pub const NO_TOKEN: Tx = tx("no token", "无令牌");
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
pub const OVERWROTE: Tx = tx("overwrote an acknowledged increment", "覆盖了已确认的加一");
pub const HOLDS: Tx = tx("holds", "持有");

pub const STATUS_MODE: Tx = tx("Service", "锁服务");
pub const STATUS_HOLDERS: Tx = tx("Holding it (valid)", "有效持锁者");
pub const STATUS_ASSUMES: Tx = tx("Assumption", "前提假设");
pub const ASSUME_CLOCKS: Tx = tx("servers' clocks agree within", "各服务器时钟误差不超过");
pub const ASSUME_BROKEN: Tx = tx("broken: the clock of", "被打破：时钟偏差");
pub const ASSUME_LEADER: Tx = tx(
    "only the leader's clock expires a lock; the storage checks tokens",
    "只有领导者的时钟能让锁过期；存储检查令牌",
);
pub const ASSUME_LEADER_OFF: Tx = tx(
    "only the leader's clock expires a lock; fencing off",
    "只有领导者的时钟能让锁过期；栅栏已关闭",
);
pub const STATUS_OVERLAP: Tx = tx("Validities overlapped", "有效期重叠");
pub const STATUS_LOST: Tx = tx("Acknowledged / counter / lost", "已确认 / 计数器 / 丢失");
pub const STATUS_REFUSED: Tx = tx("Writes refused by fencing", "被栅栏拒绝的写入");
pub const NOBODY: Tx = tx("nobody", "无");

pub const RULE_EXCLUSION: Tx = tx(
    "Two clients never hold the lock within its validity at once",
    "两个客户端不会在有效期内同时持锁",
);
pub const RULE_LOST: Tx = tx(
    "An acknowledged increment is never lost",
    "已确认的加一不会丢失",
);

pub const MSG_SET: Tx = tx("SET NX PX (ask)", "SET NX PX（加锁请求）");
pub const MSG_SET_OK: Tx = tx("yes", "同意");
pub const MSG_SET_BUSY: Tx = tx("no: held", "拒绝：已被占用");
pub const MSG_DEL: Tx = tx("delete my value", "删除自己的值");
pub const MSG_ACQUIRE: Tx = tx("acquire", "加锁请求");
pub const MSG_GRANTED: Tx = tx("granted (token)", "加锁成功（令牌）");
pub const MSG_BUSY: Tx = tx("busy", "锁被占用");
pub const MSG_RELEASE: Tx = tx("release", "释放锁");
pub const MSG_APPEND: Tx = tx("log entry", "日志条目");
pub const MSG_APPEND_OK: Tx = tx("log entry stored", "日志已保存");
pub const MSG_READ: Tx = tx("read", "读取");
pub const MSG_VALUE: Tx = tx("value", "读取结果");
pub const MSG_WRITE: Tx = tx("write", "写入");
pub const MSG_OK: Tx = tx("write ok", "写入成功");
pub const MSG_FENCED: Tx = tx("refused (fencing)", "拒绝（栅栏）");

pub const T_TIMEOUT: Tx = tx("Stop waiting", "停止等待");
pub const T_RETRY: Tx = tx("Try again", "重试加锁");
pub const T_WORK: Tx = tx("Work done", "处理完成");
pub const T_WORKLOAD: Tx = tx("Next job", "下一个任务");
pub const T_TICK: Tx = tx("Leader's tick", "领导者定时检查");

/// The home page's card: five small servers, three of them lit, and a clock.
pub const PICTURE: &str = r##"<svg viewBox="0 0 120 80"><g stroke="#0369a1"><circle cx="16" cy="20" r="9" fill="#bbf7d0"/><circle cx="38" cy="20" r="9" fill="#bbf7d0"/><circle cx="60" cy="20" r="9" fill="#fecaca"/><circle cx="82" cy="20" r="9" fill="#e5e7eb"/><circle cx="104" cy="20" r="9" fill="#e5e7eb"/></g><path d="M60 14v6l4 3" stroke="#b91c1c" stroke-width="2" fill="none"/><rect x="22" y="46" width="28" height="22" rx="4" fill="#fde68a" stroke="#b45309"/><path d="M28 46v-6a8 8 0 0 1 16 0v6" fill="none" stroke="#b45309" stroke-width="3"/><rect x="70" y="46" width="28" height="22" rx="4" fill="#fde68a" stroke="#b45309"/><path d="M76 46v-6a8 8 0 0 1 16 0v6" fill="none" stroke="#b45309" stroke-width="3"/></svg>"##;

/// What the monitor says broke, in both languages (the English is the protocol's own
/// sentence, so the two cannot drift apart).
pub const DETAILS: &[Tx] = {
    use crate::protocols::redlock::invariants as inv;
    &[
        tx(inv::BOTH_HOLD, "{0} 同时持有锁"),
        tx(inv::INCREMENTS_LOST, "已确认 {0} 次加一，计数器却是 {1}"),
    ]
};
