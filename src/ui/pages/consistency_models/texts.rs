//! The consistency-models page's own words, in English and Chinese (the course notes'
//! terms, see shared/GLOSSARY.md: 线性一致性, 顺序一致性, 因果一致性, 最终一致性, 读写一致性,
//! 单调读).

use crate::protocols::consistency::play::HistoryNote;
use crate::protocols::consistency::text::TextError;
use crate::ui::core::i18n::Lang;
#[allow(unused_imports)]
use crate::ui::core::text::{tx, Tx};

pub fn narrate(lang: Lang, note: &HistoryNote) -> String {
    match (lang, note) {
        (Lang::En, HistoryNote::Set { ops }) => format!("the history now has {ops} operation(s)"),
        (Lang::Zh, HistoryNote::Set { ops }) => format!("历史现在有 {ops} 个操作"),
        (Lang::En, HistoryNote::Rejected) => {
            "that text is not a history: the last one stays".into()
        }
        (Lang::Zh, HistoryNote::Rejected) => "这段文字不是合法的历史：保留上一个".into(),
    }
}

/// Why a text was refused, naming the operation.
pub fn error(lang: Lang, e: &TextError) -> String {
    match (lang, e) {
        (Lang::En, TextError::Shape(n)) => format!("Operation {n} should read like “A w1 0-10” (client, w or r with a value, from-to in ms; “r?” and “-?” for no answer)."),
        (Lang::Zh, TextError::Shape(n)) => format!("第 {n} 个操作应形如“A w1 0-10”（客户端、w 或 r 加值、起止毫秒；无应答写“r?”和“-?”）。"),
        (Lang::En, TextError::Client(n)) => format!("Operation {n}: the client must be a letter A–F."),
        (Lang::Zh, TextError::Client(n)) => format!("第 {n} 个操作：客户端须为字母 A–F。"),
        (Lang::En, TextError::Interval(n)) => format!("Operation {n}: it must end after it starts, within 10,000 ms."),
        (Lang::Zh, TextError::Interval(n)) => format!("第 {n} 个操作：结束须晚于开始，且不超过 10000 ms。"),
        (Lang::En, TextError::Overlap(n)) => format!("Operation {n} overlaps an earlier operation of the same client (a client does one thing at a time)."),
        (Lang::Zh, TextError::Overlap(n)) => format!("第 {n} 个操作与同一客户端之前的操作重叠（一个客户端同一时间只做一件事）。"),
        (Lang::En, TextError::TooMany) => "At most 24 operations.".into(),
        (Lang::Zh, TextError::TooMany) => "最多 24 个操作。".into(),
    }
}

pub const TITLE: Tx = tx("Consistency models", "一致性模型");
pub const BLURB: Tx = tx(
    "Draw a history of reads and writes by hand and see which model it satisfies — linearizable, sequential, causal, eventual — and which session guarantee it breaks, with the witness.",
    "手绘一段读写历史，看它满足哪种一致性模型——线性一致性、顺序一致性、因果一致性、最终一致性——以及破坏了哪条会话保证，并给出反例。",
);
pub const INTRO: Tx = tx(
    "Each bar is one operation of one client, from its invocation to its response. Drag along a client's lane to draw an operation (the kind and value from the toolbar), click one to select it, or type the history as text. The checker runs on every edit: linearizability keeps real time; sequential consistency keeps only each client's order; causal consistency keeps only what each read could have seen; and the session guarantees (read-your-writes, monotonic reads, monotonic writes, writes-follow-reads) are checked per client.",
    "每一条横条是某个客户端的一个操作，从发起到收到应答。在客户端的泳道上拖动即可画出一个操作（类型和值取自工具栏），点击可选中，也可以直接输入文字形式的历史。每次编辑后立即检查：线性一致性要求符合真实时间顺序；顺序一致性只要求保持每个客户端自己的顺序；因果一致性只要求读到的值在因果上可见；会话保证（读写一致性、单调读、单调写、写跟随读）按客户端检查。",
);
pub const HISTORY: Tx = tx("History", "历史");

pub const P_LIN: Tx = tx("Linearizable", "线性一致");
pub const A_LIN: Tx = tx(
    "A writes 1; after it finished, B reads 1. Every model holds.",
    "A 写入 1；写完之后 B 读到 1。所有模型都满足。",
);
pub const P_STALE: Tx = tx("Sequential, not linearizable", "顺序一致但非线性一致");
pub const A_STALE: Tx = tx("B's read begins after A's write finished, yet returns the old 0. No real-time order allows it — but “B reads, then A writes” is a legal order keeping each client's own order: sequentially consistent.", "B 的读在 A 的写完成之后才开始，却读到旧值 0。没有符合真实时间的顺序能解释它——但“B 先读、A 后写”保持了各客户端自己的顺序且合法：满足顺序一致性。");
pub const P_NEWOLD: Tx = tx("New, then old", "先新后旧");
pub const A_NEWOLD: Tx = tx("During A's long write, B reads the new 1 and then C, later, the old 0. Real time forbids it (once anyone saw 1, later reads must too); without real time it is fine.", "在 A 较长的写入期间，B 读到新值 1，随后 C 却读到旧值 0。真实时间顺序不允许（一旦有人读到 1，之后的读也必须读到）；不考虑真实时间则可以。");
pub const P_CAUSAL: Tx = tx("Causal, not sequential", "因果一致但非顺序一致");
pub const A_CAUSAL: Tx = tx("A writes 1 and B writes 2 at the same time. C sees 1 then 2, D sees 2 then 1. No single order fits both — but the writes are concurrent, so causal consistency lets each reader order them its own way.", "A 写 1、B 写 2 同时发生。C 先看到 1 再看到 2，D 先看到 2 再看到 1。没有一个全局顺序能同时满足二者——但两个写入是并发的，因果一致性允许各读者自行排序。");
pub const P_RYW: Tx = tx("Read-your-writes broken", "破坏读写一致性");
pub const A_RYW: Tx = tx("A writes 1, then reads 0: after a failover to a replica that missed the write, A does not see its own write.", "A 写入 1，随后读到 0：故障切换到一个没收到这次写入的副本后，A 看不到自己的写入。");
pub const P_MR: Tx = tx("Monotonic reads broken", "破坏单调读");
pub const A_MR: Tx = tx(
    "B reads the new 1, then the old 0: its second read went to a replica further behind.",
    "B 先读到新值 1，又读到旧值 0：第二次读落到了一个更落后的副本上。",
);

pub const TOUR_TITLE: Tx = tx(
    "Tour: one stale read, and the models that allow it",
    "导览：一次读到旧值，以及允许它的一致性模型",
);
pub const TOUR1: Tx = tx(
    "Each lane is a client, each bar an operation from its start to its end. A writes 1 and finishes; later B reads and gets the old 0. On the right: linearizability is violated (no order keeps real time), yet the history is sequentially consistent — B's read can be ordered before A's write.",
    "每条泳道是一个客户端，每根横条是一次操作，从开始画到结束。A 写入 1 并完成；之后 B 读取，却得到旧值 0。右侧：违反线性一致性（没有哪种顺序能保持真实时间），但这段历史满足顺序一致性——B 的读可以排在 A 的写之前。",
);
pub const TOUR2: Tx = tx(
    "Make it linearizable: in the text under the drawing, change B's read to “B r1 20-30” and press “Apply the text”.",
    "把它改成线性一致：在图下方的文字里，把 B 的读改成“B r1 20-30”，再点“应用文字”。",
);
pub const TOUR3: Tx = tx(
    "B now reads the value written before its read began: every model holds, linearizability first. Try the “New, then old” preset: a history only real time forbids.",
    "现在 B 读到的是它开始读之前已写入的值：所有模型都满足，线性一致性也不例外。试试“先新后旧”预设：一段只有真实时间才禁止的历史。",
);

pub const KIND: Tx = tx("Draw", "画");
pub const WRITE: Tx = tx("write", "写");
pub const READ: Tx = tx("read", "读");
pub const VALUE: Tx = tx("value", "值");
pub const DELETE: Tx = tx("Delete the selected operation", "删除选中的操作");
pub const CLEAR: Tx = tx("Clear", "清空");
pub const APPLY: Tx = tx("Apply the text", "应用文字");
pub const DRAG_HINT: Tx = tx(
    "Drag along a lane to draw an operation; click one to select it.",
    "在泳道上拖动画出操作；点击操作可选中。",
);
pub const TIME_MS: Tx = tx("time (ms)", "时间（毫秒）");
pub const OPERATIONS: Tx = tx("Operations", "操作数");

/// The home page's card: three lanes with operation bars.
pub const PICTURE: &str = r##"<svg viewBox="0 0 120 80"><g stroke="#cbd5e1" stroke-width="2"><line x1="6" y1="18" x2="114" y2="18"/><line x1="6" y1="40" x2="114" y2="40"/><line x1="6" y1="62" x2="114" y2="62"/></g><rect x="10" y="12" width="40" height="12" rx="3" fill="#a78bfa"/><rect x="60" y="34" width="30" height="12" rx="3" fill="#22d3ee"/><rect x="70" y="56" width="36" height="12" rx="3" fill="#dc2626"/></svg>"##;
