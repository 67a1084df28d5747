//! The CAP page's own words, in English and Chinese (the course notes' terms, see
//! shared/GLOSSARY.md: CAP 定理, BASE 理论, 网络分区, 一致性, 可用性, 最终一致性).

use crate::protocols::cap::CapNote;
use crate::ui::core::i18n::Lang;
#[allow(unused_imports)]
use crate::ui::core::text::{tx, Tx};

/// The narration of one of the protocol's notes, in `lang`.
pub fn narrate(lang: Lang, note: &CapNote) -> String {
    match (lang, *note) {
        (Lang::En, CapNote::Invoked { write: Some(v) }) => format!("writes {v}"),
        (Lang::Zh, CapNote::Invoked { write: Some(v) }) => format!("写入 {v}"),
        (Lang::En, CapNote::Invoked { write: None }) => "reads the register".into(),
        (Lang::Zh, CapNote::Invoked { write: None }) => "读取寄存器".into(),
        (Lang::En, CapNote::WriteDone { value }) => format!("its write of {value} was accepted"),
        (Lang::Zh, CapNote::WriteDone { value }) => format!("写入 {value} 被接受"),
        (Lang::En, CapNote::ReadDone { value, siblings }) if siblings > 1 => {
            format!("read {siblings} siblings (concurrent writes); takes {value}")
        }
        (Lang::Zh, CapNote::ReadDone { value, siblings }) if siblings > 1 => {
            format!("读到 {siblings} 个并发写入的兄弟版本（siblings），取 {value}")
        }
        (Lang::En, CapNote::ReadDone { value, .. }) => format!("read {value}"),
        (Lang::Zh, CapNote::ReadDone { value, .. }) => format!("读到 {value}"),
        (Lang::En, CapNote::Refused { write: Some(v) }) => {
            format!("its write of {v} was refused or never answered: unavailable")
        }
        (Lang::Zh, CapNote::Refused { write: Some(v) }) => {
            format!("写入 {v} 被拒绝或无应答：不可用")
        }
        (Lang::En, CapNote::Refused { write: None }) => {
            "its read was refused or never answered: unavailable".into()
        }
        (Lang::Zh, CapNote::Refused { write: None }) => "读取被拒绝或无应答：不可用".into(),
        (Lang::En, CapNote::Quorum { have, need }) => {
            format!("{have} of the {need} needed servers answered: a majority")
        }
        (Lang::Zh, CapNote::Quorum { have, need }) => {
            format!("{have} 个节点已应答（需要 {need} 个）：达到多数派")
        }
        (Lang::En, CapNote::NoQuorum { have, need }) => {
            format!("only {have} of the {need} needed servers answered in time: refuses (CP)")
        }
        (Lang::Zh, CapNote::NoQuorum { have, need }) => {
            format!("规定时间内只有 {have} 个节点应答（需要 {need} 个）：拒绝请求（CP）")
        }
        (Lang::En, CapNote::Local { value: Some(v) }) => {
            format!("accepted {v} on its own copy at once")
        }
        (Lang::Zh, CapNote::Local { value: Some(v) }) => format!("立即在本地副本上接受 {v}"),
        (Lang::En, CapNote::Local { value: None }) => "answered from its own copy at once".into(),
        (Lang::Zh, CapNote::Local { value: None }) => "立即用本地副本应答".into(),
        (Lang::En, CapNote::Stored { value }) => format!("stored {value}"),
        (Lang::Zh, CapNote::Stored { value }) => format!("保存 {value}"),
        (Lang::En, CapNote::Overwritten { lost, by }) => {
            format!("last writer wins: {by} replaces the concurrent {lost}, which is lost")
        }
        (Lang::Zh, CapNote::Overwritten { lost, by }) => {
            format!("最后写入者胜（LWW）：{by} 覆盖了并发写入的 {lost}，{lost} 丢失")
        }
        (Lang::En, CapNote::Siblings { count }) => {
            format!("keeps {count} concurrent writes side by side (siblings)")
        }
        (Lang::Zh, CapNote::Siblings { count }) => {
            format!("并列保留 {count} 个并发写入（siblings）")
        }
        (Lang::En, CapNote::Merged { count }) => {
            format!("the write merged {count} siblings into one")
        }
        (Lang::Zh, CapNote::Merged { count }) => format!("这次写入把 {count} 个兄弟版本合并为一个"),
        (Lang::En, CapNote::Busy) => "is still waiting for its last operation".into(),
        (Lang::Zh, CapNote::Busy) => "上一个操作还在等待应答".into(),
    }
}

pub const TITLE: Tx = tx("CAP", "CAP 定理");
pub const BLURB: Tx = tx(
    "A partition forces the choice: CP refuses on the minority side, AP answers everywhere and the copies diverge — last writer wins or siblings, then converge once healed (BASE: basically available, eventually consistent); and PACELC's latency without one.",
    "网络分区迫使系统做出选择：CP 在少数派一侧拒绝服务，AP 两侧都响应而副本分叉——最后写入者胜或保留兄弟版本，恢复后再收敛（BASE 理论：基本可用、最终一致）；没有分区时还有 PACELC 的延迟权衡。",
);
pub const INTRO: Tx = tx(
    "A register on three servers; C1 talks to S1, C2 to S3, the two ends. Partition the network and the servers must choose (the CAP theorem). CP: every operation needs a majority, so the minority side refuses — consistent, not available there. AP: every server answers from its own copy, so both sides stay available and the copies diverge; when they meet again, the last writer wins (the other write is lost) or both are kept as siblings (BASE: eventually consistent). The status counts, per side, what was answered and what was stale.",
    "一个寄存器保存在 3 个节点上；C1 连接 S1，C2 连接 S3，分处两端。网络分区后系统必须选择（CAP 定理）。CP：每个操作都需要多数派，少数派一侧拒绝请求——保证一致性，牺牲那一侧的可用性。AP：每个节点都用本地副本立即应答，两侧都可用而副本分叉；恢复连通后，要么最后写入者胜（另一个写入丢失），要么把两者作为兄弟版本保留（BASE：最终一致性）。状态栏按两侧分别统计应答率与读到旧值的次数。",
);
pub const SERVERS: Tx = tx("Servers", "节点数");
pub const STRIPS: Tx = tx(
    "Each server's copy (value · stamp; several: siblings) and the clients' operations",
    "各节点的副本（值 · 时间戳；多个为兄弟版本）与客户端操作",
);
pub const MODE: Tx = tx("When the network splits", "网络分区时");
pub const MODE_CP: Tx = tx(
    "CP: consistency (majority or refuse)",
    "CP：一致性（多数派，否则拒绝）",
);
pub const MODE_AP: Tx = tx(
    "AP: availability (answer locally)",
    "AP：可用性（本地立即应答）",
);
pub const MERGE: Tx = tx("AP: when copies meet", "AP：副本重新连通时");
pub const MERGE_LWW: Tx = tx("last writer wins", "最后写入者胜（LWW）");
pub const MERGE_SIBLINGS: Tx = tx("keep siblings", "保留兄弟版本（siblings）");
pub const RATE: Tx = tx(
    "Workload: operations per second per client (0: by click)",
    "负载：每个客户端每秒操作数（0 为手动）",
);
pub const BREAK: Tx = tx(
    "Break it (CP): a server without a majority answers anyway",
    "破坏它（CP）：没有多数派的节点也照常应答",
);

pub const PRESET_CP: Tx = tx("CP: the minority refuses", "CP：少数派拒绝服务");
pub const ABOUT_CP: Tx = tx(
    "CP mode. At 300 ms the network splits: S1, S2 with C1; S3 with C2. C1's side has a majority and goes on; C2's write and read reach S3, which cannot gather two answers and refuses: availability on that side drops to zero, and no one reads anything stale. After healing C2 reads C1's write.",
    "CP 模式。300 ms 时网络分区：S1、S2 与 C1 一侧，S3 与 C2 一侧。C1 一侧有多数派，照常服务；C2 的读写到达 S3，它凑不齐 2 个应答只能拒绝：这一侧的可用性降为零，但没有人读到旧值。分区恢复后 C2 读到了 C1 的写入。",
);
pub const PRESET_LWW: Tx = tx("AP: diverge, last writer wins", "AP：分叉，最后写入者胜");
pub const ABOUT_LWW: Tx = tx(
    "AP mode, last writer wins. The same split: both sides accept writes (C2 writes 12, then C1 writes 21) and each side reads its own value — the copies diverge, and C2's read is stale. After healing anti-entropy spreads the later write, 21, everywhere: C2's acknowledged write 12 is lost, counted in red.",
    "AP 模式，最后写入者胜。同样的分区：两侧都接受写入（C2 写 12，随后 C1 写 21），各自读到自己这侧的值——副本分叉，C2 读到的是旧值。恢复后反熵把较晚的写入 21 同步到所有节点：C2 已被确认的写入 12 丢失，标红计数。",
);
pub const PRESET_SIBLINGS: Tx = tx("AP: diverge, keep siblings", "AP：分叉，保留兄弟版本");
pub const ABOUT_SIBLINGS: Tx = tx(
    "AP mode with siblings. The same split and writes; after healing the servers keep both 12 and 21 — neither saw the other — and C2's read returns both. C2's next write merges them, and the copies agree again with nothing lost.",
    "AP 模式，保留兄弟版本。同样的分区与写入；恢复后节点同时保留 12 和 21——两者互不知晓——C2 读到两个值。C2 的下一次写入将它们合并，各副本重新一致，没有写入丢失。",
);
pub const PRESET_PACELC: Tx = tx(
    "PACELC: no partition, still a price",
    "PACELC：没有分区也有代价",
);
pub const ABOUT_PACELC: Tx = tx(
    "No partition at all, CP mode: every operation waits for a majority, 120 ms where AP answers in 40 ms (client to server and back). PACELC: if Partitioned, Availability or Consistency; Else, Latency or Consistency. Switch the mode to AP in the settings and compare the mean response time.",
    "完全没有网络分区，CP 模式：每个操作都要等多数派应答，需要 120 ms，而 AP 只需 40 ms（客户端到节点一个来回）。PACELC：发生分区（P）时在可用性（A）与一致性（C）间选择；否则（E）在延迟（L）与一致性（C）间选择。在设置中切换到 AP，比较平均响应时间。",
);

pub const TOUR_TITLE: Tx = tx(
    "Tour: CP or AP under a partition",
    "导览：分区时选 CP 还是 AP",
);
pub const TOUR1: Tx = tx(
    "The network is about to split: S1, S2 with C1; S3 with C2. Watch the minority side.",
    "网络即将分区：S1、S2 与 C1 一侧，S3 与 C2 一侧。注意少数派一侧。",
);
pub const TOUR2: Tx = tx("S3 asked the others, heard from no one, and refused C2's write: CP chose consistency over availability there.", "S3 询问了其他节点，没有收到任何应答，于是拒绝了 C2 的写入：CP 在这一侧选择了一致性而放弃可用性。");
pub const TOUR3: Tx = tx("Healed: C2 reads C1's write. Now pick the AP presets and watch the same split keep both sides answering — and what it costs.", "已恢复：C2 读到了 C1 的写入。现在试试 AP 的预设场景，看同样的分区下两侧都能应答——以及代价。");

pub const CLIENT: Tx = tx("client", "客户端");
pub const WAITING: Tx = tx("waiting", "等待应答");
pub const IDLE: Tx = tx("idle", "空闲");
pub const WRITE: Tx = tx("Write", "写入");
pub const READ: Tx = tx("Read", "读取");
pub const REFUSED: Tx = tx("refused", "被拒绝");
pub const STALE: Tx = tx("stale", "旧值");
pub const LOST: Tx = tx("lost", "丢失");
pub const NEWEST: Tx = tx("newest write", "最新写入");
pub const OLDER: Tx = tx("older write", "较旧写入");
pub const SIBLINGS: Tx = tx("siblings", "兄弟版本");
pub const SERVER: Tx = tx("server", "节点");
pub const TALKS_TO: Tx = tx("Talks to", "连接节点");
pub const COORDINATING: Tx = tx("Majority answers", "多数派应答");
pub const VALUE: Tx = tx("Value", "值");
pub const STAMP: Tx = tx("Stamp", "时间戳");

pub const STATUS_MODE: Tx = tx("Choice", "选择");
pub const SHORT_CP: Tx = tx("CP: majority or refuse", "CP：多数派，否则拒绝");
pub const SHORT_AP: Tx = tx("AP: answer locally", "AP：本地应答");
pub const STATUS_SIDE: Tx = tx("side", "一侧");
pub const ANSWERED: Tx = tx("answered", "已应答");
pub const MEAN: Tx = tx("mean", "平均");
pub const STATUS_LOST: Tx = tx("Lost writes", "丢失的写入");
pub const STATUS_PACELC: Tx = tx("PACELC", "PACELC 权衡");
pub const PACELC_CP: Tx = tx("else: pays latency", "否则：以延迟换一致性");
pub const PACELC_AP: Tx = tx("else: pays consistency", "否则：以一致性换低延迟");

pub const RULE_CP: Tx = tx(
    "CP: a write is accepted only with a majority",
    "CP：只有多数派才能接受写入",
);

pub const MSG_WRITE: Tx = tx("write", "写入");
pub const MSG_READ: Tx = tx("read", "读取");
pub const MSG_OK: Tx = tx("accepted", "已接受");
pub const MSG_VALUE: Tx = tx("value", "读取结果");
pub const MSG_REFUSED: Tx = tx("refused", "拒绝");
pub const MSG_QUERY: Tx = tx("ask newest", "询问最新值");
pub const MSG_QUERY_REPLY: Tx = tx("newest", "最新值回复");
pub const MSG_STORE: Tx = tx("store / anti-entropy", "保存 / 反熵同步");
pub const MSG_STORE_ACK: Tx = tx("stored", "已保存");

pub const T_CLIENT: Tx = tx("Answer due", "等待应答超时");
pub const T_QUORUM: Tx = tx("Majority due", "等待多数派超时");
pub const T_SYNC: Tx = tx("Anti-entropy", "反熵同步");
pub const T_WORKLOAD: Tx = tx("Next operation", "下一个操作");
pub const SPAN_W: Tx = tx("W", "写");
pub const SPAN_R: Tx = tx("R", "读");

/// The home page's card: two groups of servers split by a dashed line.
pub const PICTURE: &str = r##"<svg viewBox="0 0 120 80"><line x1="74" y1="4" x2="74" y2="76" stroke="#dc2626" stroke-width="2" stroke-dasharray="5 4"/><g fill="#16a34a"><circle cx="22" cy="22" r="8"/><circle cx="46" cy="40" r="8"/><circle cx="22" cy="58" r="8"/></g><g fill="#f59e0b"><circle cx="98" cy="26" r="8"/><circle cx="98" cy="54" r="8"/></g></svg>"##;

/// What the monitor says broke, in both languages (the English is the protocol's own
/// sentence, so the two cannot drift apart).
pub const DETAILS: &[Tx] = {
    use crate::protocols::cap::invariants as inv;
    &[tx(
        inv::ACKED_ON_MINORITY,
        "{0} 被告知写入 {1} 成功，但 {3} 台服务器中只有 {2} 台保存了它：另一侧也能接受写入",
    )]
};
