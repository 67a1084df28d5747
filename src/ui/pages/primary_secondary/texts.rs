//! The primary-secondary page's own words, in English and Chinese (the course notes'
//! terms, see shared/GLOSSARY.md: 主从复制, 同步/半同步/异步复制, 高水位线, 故障切换).

use crate::protocols::primary_secondary::PsNote;
use crate::ui::core::i18n::Lang;
#[allow(unused_imports)]
use crate::ui::core::text::{tx, Tx};

/// The narration of one of the protocol's notes, in `lang`.
pub fn narrate(lang: Lang, note: &PsNote, names: &[String]) -> String {
    match lang {
        Lang::En => en(note, names),
        Lang::Zh => zh(note, names),
    }
}

fn en(note: &PsNote, names: &[String]) -> String {
    let s = |id: usize| names.get(id).cloned().unwrap_or_default();
    match *note {
        PsNote::Appended { value, index } => {
            format!("appended the write of {value} at position {index} of its log")
        }
        PsNote::Acked { value, stored } => {
            format!("told the client its write of {value} succeeded ({stored} replica(s) store it)")
        }
        PsNote::HighWater { index } => {
            format!("high-water mark → {index}: a majority stores the log up to here")
        }
        PsNote::Stored { len } => format!("stored the primary's log up to position {len}"),
        PsNote::Truncated { count, from } => format!(
            "dropped {count} entr{} from position {from}: not in the new primary's log",
            if count == 1 { "y" } else { "ies" }
        ),
        PsNote::Candidate { epoch } => {
            format!("heard nothing from the primary: asks for votes in epoch {epoch}")
        }
        PsNote::Voted { for_, epoch } => format!("voted for {} in epoch {epoch}", s(for_)),
        PsNote::Promoted { epoch, len } => {
            format!("became the primary of epoch {epoch} (its log of {len} is now the truth)")
        }
        PsNote::SteppedDown { epoch } => format!("saw epoch {epoch}: is a secondary again"),
        PsNote::Invoked { write: Some(v) } => format!("writes {v}"),
        PsNote::Invoked { write: None } => "reads the register".into(),
        PsNote::WriteDone { value } => format!("heard “ok” for its write of {value}"),
        PsNote::ReadDone { value } => format!("read {value}"),
        PsNote::Retrying { to } => format!("no answer in time: tries {}", s(to)),
        PsNote::Busy => "is still waiting for its last operation".into(),
    }
}

fn zh(note: &PsNote, names: &[String]) -> String {
    let s = |id: usize| names.get(id).cloned().unwrap_or_default();
    match *note {
        PsNote::Appended { value, index } => format!("把写入 {value} 追加到日志第 {index} 条"),
        PsNote::Acked { value, stored } => {
            format!("告诉客户端写入 {value} 成功（{stored} 个副本已保存）")
        }
        PsNote::HighWater { index } => format!("高水位线 → {index}：多数副本已保存到这里"),
        PsNote::Stored { len } => format!("已保存主节点日志到第 {len} 条"),
        PsNote::Truncated { count, from } => {
            format!("丢弃从第 {from} 条起的 {count} 条日志：新主节点的日志里没有它们")
        }
        PsNote::Candidate { epoch } => {
            format!("收不到主节点的消息：在第 {epoch} 轮（epoch）请求投票")
        }
        PsNote::Voted { for_, epoch } => format!("在第 {epoch} 轮投票给 {}", s(for_)),
        PsNote::Promoted { epoch, len } => {
            format!("成为第 {epoch} 轮的主节点（以它的 {len} 条日志为准）")
        }
        PsNote::SteppedDown { epoch } => format!("看到第 {epoch} 轮：重新成为从节点"),
        PsNote::Invoked { write: Some(v) } => format!("写入 {v}"),
        PsNote::Invoked { write: None } => "读取寄存器".into(),
        PsNote::WriteDone { value } => format!("收到写入 {value} 的“成功”"),
        PsNote::ReadDone { value } => format!("读到 {value}"),
        PsNote::Retrying { to } => format!("超时未收到应答：改向 {} 发送", s(to)),
        PsNote::Busy => "上一个操作还在等待应答".into(),
    }
}

// ----- the page's labels -----

pub const TITLE: Tx = tx("Primary-secondary", "主从复制");
pub const BLURB: Tx = tx(
    "Primary-secondary replication: synchronous, semi-synchronous and asynchronous modes, the high-water mark, and the acknowledged writes a failover loses.",
    "主从复制（Primary-secondary）：同步、半同步与异步复制，高水位线，以及故障切换时丢失的已确认写入。",
);
pub const INTRO: Tx = tx(
    "Clients C1 and C2 write to the primary, which ships its log to the secondaries. The mode decides when a client hears “ok”: synchronous after every secondary stored the write, semi-synchronous after k of them, asynchronous at once. Reads see only up to the high-water mark (what a majority stores). When the primary dies, a secondary with the most up-to-date log wins a vote and takes over; its log is the truth — so an asynchronous primary can take acknowledged writes down with it.",
    "客户端 C1、C2 向主节点写入，主节点把日志复制给从节点。复制模式决定客户端何时收到“成功”：同步复制要等所有从节点保存，半同步等 k 个，异步复制立即返回。读操作只能看到高水位线（多数副本已保存的位置）以内的数据。主节点宕机时，日志最新的从节点赢得投票接任，以它的日志为准——所以异步复制的主节点宕机会带走已经确认过的写入。",
);
pub const REPLICAS: Tx = tx("Secondaries", "从节点数量");
pub const STRIPS: Tx = tx(
    "Logs (solid: within the high-water mark) and the clients' operations",
    "日志（实线框：高水位线以内）与客户端操作",
);
pub const MODE: Tx = tx("Replication mode", "复制模式");
pub const MODE_SYNC: Tx = tx("synchronous (wait for all)", "同步复制（等待全部）");
pub const MODE_SEMI: Tx = tx("semi-synchronous (wait for k)", "半同步（等待 k 个）");
pub const MODE_ASYNC: Tx = tx("asynchronous (ok at once)", "异步复制（立即返回）");
pub const SEMI_K: Tx = tx(
    "Semi-sync: secondaries to wait for (k)",
    "半同步：需等待的从节点数 k",
);
pub const RATE: Tx = tx(
    "Workload: operations per second per client (0: by click)",
    "负载：每个客户端每秒操作数（0 为手动）",
);
pub const ACK_EARLY: Tx = tx(
    "Break it: the primary says “ok” before any secondary confirms",
    "破坏它：主节点在从节点确认前就回复“成功”",
);
pub const PRIMARY: Tx = tx("primary", "主节点");
pub const SECONDARY: Tx = tx("secondary", "从节点");
pub const CANDIDATE: Tx = tx("asking for votes", "请求投票中");
pub const CLIENT: Tx = tx("client", "客户端");
pub const EPOCH: Tx = tx("Epoch", "轮次（epoch）");
pub const LOG_LEN: Tx = tx("Log entries", "日志条数");
pub const HWM: Tx = tx("High-water mark", "高水位线");
pub const PENDING: Tx = tx("Writes waiting for “ok”", "等待确认的写入");
pub const STORES: Tx = tx("stores", "已保存");
pub const WRITE: Tx = tx("Write", "写入");
pub const READ: Tx = tx("Read", "读取");
/// An operation's interval on the space-time diagram: "W 12", "R → 11".
pub const SPAN_W: Tx = tx("W", "写");
pub const SPAN_R: Tx = tx("R", "读");
pub const WAITING: Tx = tx("waiting", "等待应答");
pub const IDLE: Tx = tx("idle", "空闲");
pub const SENDS_TO: Tx = tx("Sends to", "发送目标");
pub const OPERATIONS: Tx = tx("Operations", "操作数");
pub const LOST: Tx = tx("lost", "已丢失");
pub const DROPPED: Tx = tx("dropped entries", "丢弃日志");
pub const STATUS_MODE: Tx = tx("Mode", "复制模式");
pub const STATUS_PRIMARY: Tx = tx("Primary", "主节点");
pub const STATUS_HWM: Tx = tx("High-water mark", "高水位线");
pub const STATUS_ACKED: Tx = tx("Writes acknowledged", "已确认的写入");
pub const STATUS_LOST: Tx = tx("Acknowledged writes lost", "丢失的已确认写入");
pub const STATUS_PROMISE: Tx = tx("promises no lost write", "承诺不丢已确认写入");
pub const YES: Tx = tx("yes", "是");
pub const NO: Tx = tx("no", "否");
pub const NONE_YET: Tx = tx("none (failover under way)", "无（正在故障切换）");
pub const RULE_NO_LOST: Tx = tx("No acknowledged write is lost", "已确认的写入不丢失");
pub const MSG_APPEND: Tx = tx("append entries", "复制日志");
pub const MSG_HEARTBEAT: Tx = tx("heartbeat", "心跳");
pub const MSG_APPEND_OK: Tx = tx("stored", "已保存");
pub const MSG_APPEND_NO: Tx = tx("missing entries", "缺少日志");
pub const MSG_VOTE: Tx = tx("vote request", "请求投票");
pub const MSG_VOTE_YES: Tx = tx("vote granted", "同意投票");
pub const MSG_VOTE_NO: Tx = tx("vote refused", "拒绝投票");
pub const MSG_WRITE: Tx = tx("write", "写请求");
pub const MSG_READ: Tx = tx("read", "读请求");
pub const MSG_WRITE_OK: Tx = tx("write ok", "写成功");
pub const MSG_READ_OK: Tx = tx("read result", "读结果");
pub const MSG_NOT_PRIMARY: Tx = tx("not the primary", "不是主节点");
pub const T_HEARTBEAT: Tx = tx("Next append / heartbeat", "下次复制 / 心跳");
pub const T_FAILOVER: Tx = tx("Failover timeout", "故障切换超时");
pub const T_RETRY: Tx = tx("Retry on another replica", "改向其他副本重试");
pub const T_WORKLOAD: Tx = tx("Next operation", "下一次操作");
pub const PRESET_SYNC: Tx = tx("Sync: primary crashes", "同步复制：主节点宕机");
pub const PRESET_SEMI: Tx = tx("Semi-sync: primary crashes", "半同步：主节点宕机");
pub const PRESET_ASYNC: Tx = tx(
    "Async: an acknowledged write lost",
    "异步复制：已确认写入丢失",
);
pub const PRESET_STALL: Tx = tx("Sync: a secondary down", "同步复制：从节点宕机");
pub const PRESET_ISOLATED: Tx = tx("Primary cut off", "主节点与从节点断开");
pub const ABOUT_SYNC: Tx = tx(
    "C1 and C2 write; the primary S1 crashes before it can confirm C1's second write (21). S2 or S3 wins the vote: every acknowledged write is on it, nothing is lost. But synchronous mode waits for every replica — S1 too — so C1's retried write and C2's new one wait until S1 returns at 1.4 s.",
    "C1、C2 写入；C1 第二次写入（21）的应答还在路上时主节点 S1 宕机。S2 或 S3 赢得投票：所有已确认的写入它都有，没有丢失。但同步复制要等所有副本——包括 S1——所以 C1 重试的写入和 C2 的新写入都要等到 S1 在 1.4 秒重启后才完成。",
);
pub const ABOUT_SEMI: Tx = tx(
    "The same crash with k = 1: a write is acknowledged once one secondary stores it — together with the primary a majority of three, which any new primary's vote must include. Nothing is lost, and writes go on without S1.",
    "同样的宕机，k = 1：一个从节点保存后即确认写入——加上主节点就是三个副本中的多数，新主节点的选票必然包含其中之一。没有写入丢失，而且不等 S1 也能继续写。",
);
pub const ABOUT_ASYNC: Tx = tx(
    "Asynchronous: the primary says “ok” at once and ships its log with the next heartbeat. C2's write of 12 is acknowledged, then S1 crashes before shipping it. The new primary never had 12: C2 heard “ok”, and its read returns 11. The lost-writes counter and C2's strip show it.",
    "异步复制：主节点立即回复“成功”，随下一次心跳才复制日志。C2 写入 12 已被确认，S1 却在复制之前宕机。新主节点从未有过 12：C2 收到过“成功”，读到的却是 11。“丢失的已确认写入”计数与 C2 的操作条会标出它。",
);
pub const ABOUT_STALL: Tx = tx(
    "Synchronous mode waits for every secondary. S3 is down from 0.25 s: C2's write is stored on S1 and S2, but nobody tells C2 “ok” until S3 returns at 1.3 s and catches up. Safety costs availability.",
    "同步复制要等所有从节点。S3 从 0.25 秒起宕机：C2 的写入已存在 S1、S2 上，但直到 S3 在 1.3 秒重启并追上之前，C2 都收不到“成功”。安全的代价是可用性。",
);
pub const ABOUT_ISOLATED: Tx = tx(
    "At 0.25 s S1 is cut off from S2 and S3. C2's write reaches S1, which cannot ship it and so never says “ok”; S2 and S3 elect a new primary and C2's retry succeeds there. When the links heal, S1 drops the entry nobody acknowledged. Tick “Break it” to let S1 say “ok” early: the write is acknowledged, then lost, and the monitor stops the run.",
    "0.25 秒时 S1 与 S2、S3 断开。C2 的写入到达 S1，S1 无法复制，因此不会回复“成功”；S2、S3 选出新主节点，C2 重试后在那里成功。链路恢复后，S1 丢弃那条没人确认过的日志。勾选“破坏它”，让 S1 提前回复“成功”：写入被确认后又丢失，监控会停下运行。",
);
pub const TOUR_TITLE: Tx = tx(
    "Primary-secondary: what asynchronous replication loses",
    "主从复制：异步复制会丢失什么",
);
/// The node labels' notations, explained in the legend.
pub const NOTATION: &[(&str, Tx)] = &[
    ("e3", tx("epoch 3", "第 3 轮（epoch）")),
    ("W12", tx("writing 12, waiting", "写入 12，等待中")),
];
pub const TOUR1: Tx = tx(
    "S1 is the primary, S2 and S3 its secondaries; C1 and C2 are clients. This run is asynchronous: the primary answers “ok” at once and ships its log with each heartbeat. Watch the logs below the drawing.",
    "S1 是主节点，S2、S3 是从节点；C1、C2 是客户端。这次运行是异步复制：主节点立即回复“成功”，每次心跳时才复制日志。注意看图下方的日志。",
);
pub const TOUR2: Tx = tx(
    "C2's write of 12 is in S1's log, and S1 has already answered “ok” (the reply is on its way to C2) — but S2 and S3 do not have it yet. S1 is about to crash.",
    "C2 写入的 12 已在 S1 的日志里，S1 也已回复“成功”（回复正在发往 C2 的路上）——但 S2、S3 还没有它。S1 即将宕机。",
);
pub const TOUR3: Tx = tx(
    "A secondary won the vote and is the new primary. Its log ends at 11: the acknowledged write of 12 is gone — see “Acknowledged writes lost” and C2's strip.",
    "一个从节点赢得投票，成为新的主节点。它的日志止于 11：已确认的写入 12 不见了——看“丢失的已确认写入”和 C2 的操作条。",
);
pub const TOUR4: Tx = tx(
    "C2 reads 11: it does not even see its own write (a read-your-writes violation). Open the “Synchronous” or “Semi-sync” preset: the same crash loses nothing.",
    "C2 读到 11：连自己写入的值都读不到（违反读写一致性）。打开“同步复制”或“半同步”预设：同样的宕机不会丢失任何写入。",
);

/// The page's small picture on the home page: a primary shipping its log to two secondaries.
pub const PICTURE: &str = r##"<svg viewBox="0 0 120 80"><g stroke="#334155" stroke-width="1.5"><line x1="30" y1="40" x2="92" y2="18"/><line x1="30" y1="40" x2="92" y2="62"/></g><polygon points="30,26 42,33 42,47 30,54 18,47 18,33" fill="#16a34a"/><g fill="#2563eb"><circle cx="92" cy="18" r="8"/><circle cx="92" cy="62" r="8"/></g><g fill="#94a3b8"><rect x="4" y="8" width="10" height="10"/><rect x="4" y="62" width="10" height="10"/></g></svg>"##;

/// What the monitor says broke, in both languages (the English is the protocol's own
/// sentence, so the two cannot drift apart).
pub const DETAILS: &[Tx] = {
    use crate::protocols::primary_secondary::invariants as inv;
    &[tx(
        inv::ACKED_WRITE_LOST,
        "{0} 被告知写入 {1} 成功，但纪元 {3} 的主节点 {2} 没有这条写入",
    )]
};
