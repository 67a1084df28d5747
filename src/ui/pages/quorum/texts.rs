//! The quorum page's own words, in English and Chinese (the course notes' terms, see
//! shared/GLOSSARY.md: Quorum NWR, 副本数 N, 写票数 W, 读票数 R, 版本号, 读修复).

use crate::protocols::quorum::QNote;
use crate::ui::core::i18n::Lang;
#[allow(unused_imports)]
use crate::ui::core::text::{tx, Tx};

/// The narration of one of the protocol's notes, in `lang`.
pub fn narrate(lang: Lang, note: &QNote, names: &[String]) -> String {
    let s = |id: usize| names.get(id).cloned().unwrap_or_default();
    match (lang, *note) {
        (Lang::En, QNote::WriteStarted { value }) => format!("writes {value}: first asks the replicas for their version"),
        (Lang::Zh, QNote::WriteStarted { value }) => format!("写入 {value}：先向副本询问当前版本号"),
        (Lang::En, QNote::Versioned { version, value }) => format!("R replicas answered: sends {value} as version {version}"),
        (Lang::Zh, QNote::Versioned { version, value }) => format!("R 个副本已回复：以版本号 {version} 发送 {value}"),
        (Lang::En, QNote::WriteDone { value, version }) => format!("W replicas stored {value} ({version}): the write succeeded"),
        (Lang::Zh, QNote::WriteDone { value, version }) => format!("W 个副本已保存 {value}（{version}）：写入成功"),
        (Lang::En, QNote::ReadStarted) => "reads the register".into(),
        (Lang::Zh, QNote::ReadStarted) => "读取寄存器".into(),
        (Lang::En, QNote::ReadDone { value, version, siblings, .. }) if siblings > 1 => {
            format!("read {siblings} concurrent versions (siblings), seen together as {version}; shows {value} first — the client's next write replaces them all")
        }
        (Lang::Zh, QNote::ReadDone { value, version, siblings, .. }) if siblings > 1 => {
            format!("读到 {siblings} 个并发版本（冲突副本），合并为 {version}；先显示 {value}——客户端的下一次写入会把它们全部取代")
        }
        (Lang::En, QNote::ReadDone { value, version, stale, .. }) => {
            if stale > 0 {
                format!("read {value} ({version}), the highest version of its R replies ({stale} held an older one)")
            } else {
                format!("read {value} ({version})")
            }
        }
        (Lang::Zh, QNote::ReadDone { value, version, stale, .. }) => {
            if stale > 0 {
                format!("读到 {value}（{version}），R 个回复中版本号最高的（{stale} 个副本是旧版本）")
            } else {
                format!("读到 {value}（{version}）")
            }
        }
        (Lang::En, QNote::Repairing { count, version }) => format!("read repair: sends {version} to {count} replica(s) that answered with an older one"),
        (Lang::Zh, QNote::Repairing { count, version }) => format!("读修复：把 {version} 发给 {count} 个回复旧版本的副本"),
        (Lang::En, QNote::AskedStandIns { count }) => format!("home replicas silent: asks {count} stand-in(s) (sloppy quorum)"),
        (Lang::Zh, QNote::AskedStandIns { count }) => format!("主副本无应答：改问 {count} 个临时替代节点（宽松 Quorum）"),
        (Lang::En, QNote::Failed { write: Some(v) }) => format!("too few acknowledgements in time: the write of {v} failed (but whoever stored it keeps it)"),
        (Lang::Zh, QNote::Failed { write: Some(v) }) => format!("规定时间内确认数不足：写入 {v} 失败（但已保存它的副本不会回滚）"),
        (Lang::En, QNote::Failed { write: None }) => "too few replies in time: the read failed".into(),
        (Lang::Zh, QNote::Failed { write: None }) => "规定时间内回复数不足：读取失败".into(),
        (Lang::En, QNote::Busy) => "is still waiting for its last operation".into(),
        (Lang::Zh, QNote::Busy) => "上一个操作还在等待应答".into(),
        (Lang::En, QNote::Stored { version, value, hint: None, siblings }) if siblings > 1 => {
            format!("stored {value} ({version}) beside a concurrent write: {siblings} siblings, neither clock has seen the other")
        }
        (Lang::Zh, QNote::Stored { version, value, hint: None, siblings }) if siblings > 1 => {
            format!("保存 {value}（{version}），与并发写入并存：{siblings} 个冲突副本，两个向量时钟互不包含")
        }
        (Lang::En, QNote::Stored { version, value, hint: None, .. }) => format!("stored {value} ({version})"),
        (Lang::Zh, QNote::Stored { version, value, hint: None, .. }) => format!("保存 {value}（{version}）"),
        (Lang::En, QNote::Stored { version, value, hint: Some(h), .. }) => format!("keeps {value} ({version}) for {} with a hint", s(h)),
        (Lang::Zh, QNote::Stored { version, value, hint: Some(h), .. }) => format!("代 {} 暂存 {value}（{version}），附提示（hint）", s(h)),
        (Lang::En, QNote::Older { version, held }) => format!("ignored {version}: it holds {held}, which has seen it"),
        (Lang::Zh, QNote::Older { version, held }) => format!("忽略 {version}：已有包含它的 {held}"),
        (Lang::En, QNote::HandedOff { home, version }) => format!("handed {version} over to {} (hinted handoff)", s(home)),
        (Lang::Zh, QNote::HandedOff { home, version }) => format!("把 {version} 移交给 {}（提示移交）", s(home)),
    }
}

// ----- the page's labels -----

pub const TITLE: Tx = tx("Quorum NWR", "Quorum NWR 机制");
pub const BLURB: Tx = tx(
    "Dynamo-style quorums: N replicas, W to write, R to read, version numbers; stale reads when W + R ≤ N, read repair, sloppy quorum and hinted handoff.",
    "Dynamo 式 Quorum：N 个副本、写 W 个、读 R 个、版本号；W + R ≤ N 时的读到旧值、读修复、宽松 Quorum 与提示移交。",
);
pub const INTRO: Tx = tx(
    "Clients C1 and C2 write and read one key stored on N replicas. A write asks R replicas for their version, goes out as the newest plus one, and succeeds once W replicas stored it; a read takes R replies and returns the highest version. When W + R > N every read quorum meets every write quorum, so a read sees the last acknowledged write; when W + R ≤ N it can miss it — a stale read, marked red. A failed write is not rolled back: whoever stored it keeps it.",
    "客户端 C1、C2 读写保存在 N 个副本上的同一个键。写操作先向 R 个副本询问版本号，以最新版本号加一写出，W 个副本保存后即成功；读操作收齐 R 个回复，返回版本号最高的值。W + R > N 时任意读集合与写集合必有交集，读一定能看到最近一次已确认的写入；W + R ≤ N 时可能看不到——读到旧值，标红显示。写入失败并不会回滚：已经保存它的副本会一直保留。",
);
pub const SERVERS: Tx = tx("Storage servers", "存储节点数");
pub const STRIPS: Tx = tx(
    "What each replica holds (version · value; kept hints) and the clients' operations",
    "各副本保存的内容（版本号 · 值；暂存的提示）与客户端操作",
);
pub const N: Tx = tx("Replicas N", "副本数 N");
pub const W: Tx = tx("Write quorum W", "写票数 W");
pub const R: Tx = tx("Read quorum R", "读票数 R");
pub const REPAIR: Tx = tx("Read repair", "读修复");
pub const REPAIR_OFF: Tx = tx("off", "关闭");
pub const REPAIR_BACKGROUND: Tx = tx("in the background", "后台修复");
pub const REPAIR_BLOCKING: Tx = tx("before answering (W copies)", "返回前修复（写回 W 个）");
pub const SLOPPY: Tx = tx(
    "Sloppy quorum with hinted handoff",
    "宽松 Quorum（Sloppy）与提示移交",
);
pub const RATE: Tx = tx(
    "Workload: operations per second per client (0: by click)",
    "负载：每个客户端每秒操作数（0 为手动）",
);
pub const VERSIONS: Tx = tx("Versions", "版本");
pub const VERSION_NUMBERS: Tx = tx("version numbers", "版本号");
pub const VECTOR_CLOCKS: Tx = tx("vector clocks (siblings)", "向量时钟（保留冲突副本）");
pub const FIRST_REPLY: Tx = tx(
    "Break it: a read returns the first reply, not the highest version",
    "破坏它：读操作返回第一个回复，而不是最高版本",
);

pub const PRESET_STALE: Tx = tx("W + R ≤ N: stale read", "W + R ≤ N：读到旧值");
pub const ABOUT_STALE: Tx = tx(
    "N = 3, W = 1, R = 1. C1's write reaches only S1 (its copies to S2 and S3 are lost) and succeeds, since W = 1. C2's read asks all three, but its request to S1 is lost, and with R = 1 the first answer — S2's old version — is the result: a stale read, with no crash at all.",
    "N = 3，W = 1，R = 1。C1 的写入只到达 S1（发往 S2、S3 的副本丢失），因 W = 1 仍然成功。C2 向三个副本读取，发往 S1 的请求丢失，R = 1 时第一个回复——S2 的旧版本——就是结果：读到旧值，而整个过程没有任何节点宕机。",
);
pub const PRESET_OVERLAP: Tx = tx(
    "W + R > N: the quorums overlap",
    "W + R > N：读写集合有交集",
);
pub const ABOUT_OVERLAP: Tx = tx(
    "N = 3, W = 2, R = 2, read repair on. The same kind of losses: C1's write misses S3, C2's request to S1 is lost. But S2 is in both quorums, so the read sees the write — and read repair sends it to S3, which answered with the old version.",
    "N = 3，W = 2，R = 2，开启读修复。同样的消息丢失：C1 的写入没到 S3，C2 发往 S1 的请求丢失。但 S2 同时在写集合和读集合里，读一定能看到这次写入——读修复随后把新版本发给回复旧版本的 S3。",
);
pub const PRESET_FAILED: Tx = tx(
    "A failed write is seen, then unseen",
    "失败的写入被读到，又消失",
);
pub const ABOUT_FAILED: Tx = tx(
    "N = 3, W = 2, R = 2. C1's write reaches only S1, so it fails — but S1 keeps it, and C2's read (from S1 and S2) returns it: the highest version wins. C2's next read asks S2 and S3 and gets the old value back: one client saw the value go back in time. Read repair “before answering” prevents it: try it in the settings.",
    "N = 3，W = 2，R = 2。C1 的写入只到达 S1，因此失败——但 S1 保留了它，C2 从 S1、S2 读取时返回了它：版本号最高者胜出。C2 下一次从 S2、S3 读取，又读回旧值：同一个客户端看到数据“倒退”。在设置里选择“返回前修复”的读修复可以避免这种情况。",
);
pub const PRESET_CONCURRENT: Tx = tx(
    "Concurrent writers: vector clocks keep siblings",
    "并发写入：向量时钟保留冲突副本",
);
pub const ABOUT_CONCURRENT: Tx = tx(
    "N = 3, W = 2, R = 2, versions are vector clocks ⟨C1's count, C2's count⟩. C1 and C2 write at the same moment: both ask for the version, both see ⟨0,0⟩ and write ⟨1,0⟩ and ⟨0,1⟩. Neither clock has seen the other, so every replica keeps both: siblings (cyan). C1's read returns both; C1's next write has seen both (⟨2,1⟩) and replaces them, and C2 then reads one value. Switch Versions to version numbers and run it again: one acknowledged write silently overwrites the other.",
    "N = 3，W = 2，R = 2，版本用向量时钟 ⟨C1 的计数, C2 的计数⟩。C1 和 C2 同时写入：两者询问版本都看到 ⟨0,0⟩，分别写出 ⟨1,0⟩ 与 ⟨0,1⟩。两个向量时钟互不包含，每个副本都保留两者：冲突副本（青色）。C1 读取时两个值都返回；C1 的下一次写入已看过两者（⟨2,1⟩），把它们取代，C2 随后只读到一个值。把“版本”改成版本号再运行一次：一个已确认的写入被另一个悄悄覆盖。",
);
pub const PRESET_SLOPPY: Tx = tx("Sloppy quorum under a partition", "网络分区下的宽松 Quorum");
pub const ABOUT_SLOPPY: Tx = tx(
    "Five servers, N = 3 (S1–S3 are the key's home), W = 2, R = 2, sloppy quorum on. A partition leaves C1 with S3, S4, S5: S4 and S5 stand in for S1 and S2, keep the write with a hint, and the write succeeds. C2, on the other side, reads S1 and S2 and misses it although W + R > N. After healing, hinted handoff brings the write home and C2's next read sees it.",
    "5 个存储节点，N = 3（S1–S3 是这个键的主副本），W = 2，R = 2，开启宽松 Quorum。网络分区把 C1 与 S3、S4、S5 分在一侧：S4、S5 临时替代 S1、S2，带着提示（hint）暂存写入，写入成功。另一侧的 C2 从 S1、S2 读取，虽然 W + R > N 仍读到旧值。分区恢复后，提示移交把写入送回主副本，C2 再读就能看到。",
);

pub const TOUR_TITLE: Tx = tx("Tour: when W + R ≤ N", "导览：W + R ≤ N 时");
pub const TOUR1: Tx = tx("C1 writes with W = 1: one acknowledgement is enough. Watch its puts to S2 and S3 — they will be lost.", "C1 以 W = 1 写入：一个确认就够了。注意它发往 S2、S3 的消息——它们将会丢失。");
pub const TOUR2: Tx = tx(
    "The write succeeded with S1 alone. Now C2 reads with R = 1, and its request to S1 is lost.",
    "写入仅凭 S1 就成功了。现在 C2 以 R = 1 读取，而它发往 S1 的请求丢失了。",
);
pub const TOUR3: Tx = tx("C2 read the old value: a stale read (red on its strip and the diagram). Raise W or R in the settings until W + R > N and run it again.", "C2 读到了旧值：读到旧值（在它的操作条和时空图上标红）。在设置里调大 W 或 R 直到 W + R > N，再运行一次。");

pub const HOME: Tx = tx("home replica", "主副本");
pub const STAND_IN: Tx = tx("stand-in", "临时替代节点");
pub const NEWEST: Tx = tx("holds the newest version", "持有最新版本");
pub const OLDER: Tx = tx("holds an older version", "持有旧版本");
pub const CLIENT: Tx = tx("client", "客户端");
pub const WAITING: Tx = tx("waiting", "等待应答");
pub const IDLE: Tx = tx("idle", "空闲");
pub const WRITE: Tx = tx("Write", "写入");
pub const READ: Tx = tx("Read", "读取");
pub const STALE: Tx = tx("stale read", "读到旧值");
pub const FAILED: Tx = tx("failed", "失败");
pub const FAILED_SEEN: Tx = tx("returned a failed write", "读到了失败的写入");
pub const VERSION: Tx = tx("Version", "版本号");
pub const SIBLINGS: Tx = tx("siblings", "个冲突副本");
pub const SIBLING: Tx = tx("sibling", "冲突副本");
pub const HOLDS_SIBLINGS: Tx = tx("holds concurrent siblings", "保存并发的冲突副本");
pub const STATUS_SIBLINGS: Tx = tx("replicas with siblings", "有冲突副本的副本");
pub const VALUE: Tx = tx("Value", "值");
pub const HINTS: Tx = tx("Kept for others (hints)", "代为暂存（hint）");
pub const PROGRESS: Tx = tx("Answers", "已收到回复");
pub const OPERATIONS: Tx = tx("Operations", "操作数");

pub const STATUS_NWR: Tx = tx("Quorum", "法定人数（Quorum）");
pub const STATUS_STALE: Tx = tx("Stale reads", "读到旧值");
pub const STATUS_FAILED: Tx = tx("Failed writes / seen later", "失败的写入 / 之后被读到");
pub const STATUS_HINTS: Tx = tx("Hints waiting", "待移交的提示");
pub const STATUS_PROMISE: Tx = tx("fresh reads promised", "保证读到最新");
pub const YES: Tx = tx("yes", "是");
pub const NO: Tx = tx("no", "否");

pub const RULE_NO_STALE: Tx = tx("W + R > N: no stale read", "W + R > N：不会读到旧值");

pub const MSG_QUERY: Tx = tx("version query", "询问版本号");
pub const MSG_QUERY_REPLY: Tx = tx("version reply", "版本号回复");
pub const MSG_PUT: Tx = tx("write (put)", "写入（put）");
pub const MSG_HINTED: Tx = tx("write with a hint (stand-in)", "带提示的写入（替代节点）");
pub const MSG_ACK: Tx = tx("stored", "已保存");
pub const MSG_GET: Tx = tx("read (get)", "读取（get）");
pub const MSG_GET_REPLY: Tx = tx("read reply", "读取回复");
pub const MSG_HANDOFF: Tx = tx("hinted handoff", "提示移交");
pub const MSG_HANDOFF_ACK: Tx = tx("handoff done", "移交完成");

pub const T_TIMEOUT: Tx = tx("Answers due", "等待应答超时");
pub const T_WORKLOAD: Tx = tx("Next operation", "下一个操作");
pub const T_HANDOFF: Tx = tx("Hinted handoff", "提示移交");

pub const SPAN_W: Tx = tx("W", "写");
pub const SPAN_R: Tx = tx("R", "读");

pub const LAB_TITLE: Tx = tx(
    "Experiment: stale reads against N, W, R and latency spread",
    "实验：读到旧值的概率与 N、W、R 及延迟分布",
);
pub const LAB_ABOUT: Tx = tx(
    "Each trial: C1 writes, and C2 reads the moment the write is acknowledged; every message's delay is drawn from the row's range. Measured: the fraction of reads that missed the write. Beside it, what the arithmetic computes for the same settings: PBS's WARS model (Bailis et al., VLDB 2012) with the same delays, and the bound C(N−W, R) / C(N, R) for a write that reached only W replicas.",
    "每次试验：C1 写入，写入确认的瞬间 C2 读取；每条消息的延迟按该行的范围随机抽取。实测值：没读到这次写入的比例。旁边是同样设置下计算出的值：PBS 的 WARS 模型（Bailis 等，VLDB 2012，相同延迟分布），以及写入只到达 W 个副本时的上界 C(N−W, R) / C(N, R)。",
);
pub const LAB_LATENCY: Tx = tx("One-way delay", "单向延迟");
pub const LAB_MEASURED: Tx = tx("Measured", "实测");
pub const LAB_MODEL: Tx = tx("WARS model", "WARS 模型");
pub const LAB_BOUND: Tx = tx("Bound C(N−W,R)/C(N,R)", "上界 C(N−W,R)/C(N,R)");

/// The home page's card: five replicas, a write quorum (green) and a read quorum (blue)
/// that share one replica.
pub const PICTURE: &str = r##"<svg viewBox="0 0 120 80"><ellipse cx="44" cy="40" rx="34" ry="26" fill="#dcfce7" stroke="#16a34a"/><ellipse cx="78" cy="40" rx="34" ry="26" fill="#dbeafe" fill-opacity=".7" stroke="#2563eb"/><g fill="#334155"><circle cx="26" cy="30" r="7"/><circle cx="30" cy="54" r="7"/><circle cx="61" cy="40" r="7" fill="#0f766e"/><circle cx="92" cy="28" r="7"/><circle cx="94" cy="54" r="7"/></g></svg>"##;

/// What the monitor says broke, in both languages (the English is the protocol's own
/// sentence, so the two cannot drift apart).
pub const DETAILS: &[Tx] = {
    use crate::protocols::quorum::invariants as inv;
    &[tx(
        inv::STALE_READ,
        "{0} 读到 {1}（{2}），而 {3} 在这次读开始之前已经确认写入",
    )]
};
