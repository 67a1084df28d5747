//! The snowflake page's own words, in English and Chinese (the course notes' terms, see
//! shared/GLOSSARY.md: 雪花算法, 机器 ID, 序列号, 全局唯一 ID, 时钟回拨).

use crate::protocols::snowflake::SnowNote;
use crate::ui::core::i18n::Lang;
#[allow(unused_imports)]
use crate::ui::core::text::{tx, Tx};

/// The narration of one of the protocol's notes, in `lang`.
pub fn narrate(lang: Lang, note: &SnowNote, names: &[String]) -> String {
    let s = |id: usize| names.get(id).cloned().unwrap_or_default();
    match (lang, *note) {
        (Lang::En, SnowNote::Issued { id }) => format!("issues {id}"),
        (Lang::Zh, SnowNote::Issued { id }) => format!("生成 {id}"),
        (Lang::En, SnowNote::Backwards { now_ms, last_ms }) => format!("its clock reads {now_ms} ms, before the last timestamp it used, {last_ms}: the clock moved backwards"),
        (Lang::Zh, SnowNote::Backwards { now_ms, last_ms }) => format!("时钟读数 {now_ms} ms，早于上次使用的时间戳 {last_ms}：发生了时钟回拨"),
        (Lang::En, SnowNote::Waiting { last_ms }) => format!("waits until its clock passes {last_ms} ms"),
        (Lang::Zh, SnowNote::Waiting { last_ms }) => format!("等待时钟越过 {last_ms} ms"),
        (Lang::En, SnowNote::Refusing { behind_ms }) => format!("refuses: its clock is {behind_ms} ms behind"),
        (Lang::Zh, SnowNote::Refusing { behind_ms }) => format!("拒绝生成：时钟落后 {behind_ms} ms"),
        (Lang::En, SnowNote::Logical { last_ms }) => format!("keeps the timestamp {last_ms} and counts on in the sequence (logical clock)"),
        (Lang::Zh, SnowNote::Logical { last_ms }) => format!("沿用时间戳 {last_ms}，序列号继续递增（逻辑时钟）"),
        (Lang::En, SnowNote::Duplicate { id, first }) => format!("received {id} — a DUPLICATE, {} issued it before", s(first)),
        (Lang::Zh, SnowNote::Duplicate { id, first }) => format!("收到 {id}——重复 ID，{} 之前已生成过", s(first)),
    }
}

pub const TITLE: Tx = tx("Snowflake IDs", "雪花算法 ID");
pub const NAV_TITLE: Tx = tx("IDs", "唯一 ID");
pub const BLURB: Tx = tx(
    "Globally unique IDs from timestamp | worker id | sequence — until a clock moves backwards or two generators share a worker id.",
    "由时间戳 | 机器 ID | 序列号组成的全局唯一 ID——直到时钟回拨，或两个生成器用了同一个机器 ID。",
);
pub const INTRO: Tx = tx(
    "The app asks every generator G1, G2 ... for an ID every 50 ms. A snowflake ID is the generator's clock in milliseconds, its worker id and a sequence number within the millisecond (shown ms.worker.seq), so one generator's IDs grow with its clock and no two generators' IDs meet. Select a generator and step its clock back: it now reads milliseconds it has already used. What it does then is the strategy: wait, refuse, keep a logical clock — or ignore it and issue the same IDs again.",
    "应用每 50 ms 向每个生成器 G1、G2……请求一个 ID。雪花 ID 由生成器时钟的毫秒数、机器 ID 和同一毫秒内的序列号组成（显示为 毫秒.机器.序列），所以同一生成器的 ID 随时钟递增，不同生成器的 ID 互不相同。选中一个生成器并把它的时钟回拨：它会读到已经用过的毫秒。接下来怎么做取决于策略：等待、拒绝、使用逻辑时钟——或者无视它，再次生成相同的 ID。",
);
pub const GENERATORS: Tx = tx("Generators", "生成器数");
pub const STRIPS: Tx = tx(
    "IDs each generator issued (ms.worker.seq), newest last",
    "各生成器生成的 ID（毫秒.机器.序列），最新的在后",
);
pub const STRATEGY: Tx = tx("When the clock moves backwards", "时钟回拨时");
pub const S_WAIT: Tx = tx("wait until it catches up", "等待追上");
pub const S_REFUSE: Tx = tx("refuse (an error)", "拒绝（报错）");
pub const S_LOGICAL: Tx = tx(
    "logical clock (keep the last timestamp)",
    "逻辑时钟（沿用上次时间戳）",
);
pub const S_IGNORE: Tx = tx("ignore it (break it)", "无视（破坏它）");
pub const SAME_WORKER: Tx = tx(
    "G2 is given G1's worker id (break it)",
    "G2 与 G1 使用同一个机器 ID（破坏它）",
);
pub const PERIOD: Tx = tx(
    "The app asks every … ms (0: by click)",
    "应用每隔多少毫秒请求一次（0 为手动）",
);

pub const PRESET_IGNORE: Tx = tx(
    "Clock back, ignored: duplicate IDs",
    "时钟回拨、无视：重复 ID",
);
pub const ABOUT_IGNORE: Tx = tx(
    "At 515 ms G1's clock is stepped back 100 ms (an NTP correction), just after it stamped 510. Its next requests read 460 and 510 — milliseconds it has already used — and it issues 460.1.0 and 510.1.0 again: duplicates, caught by the app and the monitor.",
    "515 ms 时 G1 的时钟被回拨 100 ms（一次 NTP 校正），它刚刚用过 510。接下来的请求读到 460 和 510——都是用过的毫秒——它再次生成 460.1.0 和 510.1.0：重复 ID，应用和监视器都发现了。",
);
pub const PRESET_WAIT: Tx = tx("Clock back: wait", "时钟回拨：等待");
pub const ABOUT_WAIT: Tx = tx(
    "The same step back, strategy “wait”: G1 holds the request until its clock passes 510 ms again — about 50 ms late — then carries on. Unique and increasing, at the price of latency.",
    "同样的回拨，策略“等待”：G1 把请求压住，直到时钟再次越过 510 ms——大约晚了 50 ms——然后继续。保证唯一且递增，代价是延迟。",
);
pub const PRESET_REFUSE: Tx = tx("Clock back: refuse", "时钟回拨：拒绝");
pub const ABOUT_REFUSE: Tx = tx(
    "The same step back, strategy “refuse”: the request that reads 460 gets an error (red); at 510 — its last millisecond again — G1 simply counts on (510.1.1). Unique, at the price of availability.",
    "同样的回拨，策略“拒绝”：读到 460 的请求得到一个错误（红色）；读到 510——又是上次的毫秒——G1 直接递增序列号（510.1.1）。保证唯一，代价是可用性。",
);
pub const PRESET_LOGICAL: Tx = tx("Clock back: logical clock", "时钟回拨：逻辑时钟");
pub const ABOUT_LOGICAL: Tx = tx(
    "The same step back, strategy “logical clock”: G1 keeps stamping its last timestamp and counts on in the sequence (510.1.1, 510.1.2) until its clock catches up. Unique, increasing and on time — but the timestamp is no longer the wall clock.",
    "同样的回拨，策略“逻辑时钟”：G1 沿用上次的时间戳、序列号继续递增（510.1.1、510.1.2），直到时钟追上。唯一、递增、及时——但时间戳不再是真实时间。",
);
pub const PRESET_SAME: Tx = tx("Two generators, one worker id", "两个生成器，同一个机器 ID");
pub const ABOUT_SAME: Tx = tx(
    "G2 was configured with G1's worker id. The app asks both at the same moment; their clocks agree, so both issue 60.1.0 in the first round: a duplicate at once, with no clock trouble at all.",
    "G2 被误配置成 G1 的机器 ID。应用同时向两者请求；它们的时钟一致，于是第一轮就都生成了 60.1.0：立刻出现重复 ID，与时钟毫无关系。",
);

pub const TOUR_TITLE: Tx = tx("Tour: a clock moves backwards", "导览：时钟回拨");
pub const TOUR1: Tx = tx("Every 50 ms the app asks G1–G3 for an ID; each is its clock's millisecond, its worker id and a sequence. G1's clock is about to be stepped back 100 ms.", "应用每 50 ms 向 G1–G3 请求 ID；每个 ID 由时钟的毫秒、机器 ID 和序列号组成。G1 的时钟即将被回拨 100 ms。");
pub const TOUR2: Tx = tx("G1's clock now reads milliseconds it has already used, and it ignores that: the IDs it issues now were issued before (red).", "G1 的时钟现在读到已经用过的毫秒，而它无视了这一点：现在生成的 ID 之前都生成过（红色）。");
pub const TOUR3: Tx = tx("Try the other strategies from the presets: wait (late), refuse (errors), logical clock (on time, unique).", "从预设里试试其他策略：等待（变慢）、拒绝（报错）、逻辑时钟（及时且唯一）。");

pub const APP: Tx = tx("app", "应用");
pub const STAMP_CLOCK: Tx = tx("its clock", "本机时钟");
pub const STAMP_AFTER_WAIT: Tx = tx(
    "its clock, after waiting to pass its last timestamp",
    "本机时钟（等它越过上次的时间戳之后）",
);
pub const STAMP_LOGICAL: Tx = tx(
    "its last timestamp (a logical clock; its clock is behind)",
    "上次的时间戳（逻辑时钟；本机时钟落后）",
);
pub const STAMP_BACKWARDS: Tx = tx(
    "its clock, although it went back",
    "本机时钟（尽管它已回拨）",
);
pub const GENERATOR: Tx = tx("generator", "生成器");
pub const WORKER: Tx = tx("worker id", "机器 ID");
pub const CLOCK_SHORT: Tx = tx("clock", "时钟");
pub const LAST_SHORT: Tx = tx("last", "上次");
pub const LAST_MS: Tx = tx("last timestamp", "上次时间戳");
pub const CLOCK_BEHIND: Tx = tx("clock behind its last timestamp", "时钟落后于上次时间戳");
pub const WAITING: Tx = tx("waiting for its clock", "等待时钟");
pub const OK: Tx = tx("clock ahead", "时钟正常");
pub const ASK: Tx = tx("Ask every generator now", "立即向所有生成器请求");
pub const DUPLICATE: Tx = tx("duplicate", "重复");
pub const REFUSED: Tx = tx("refused", "拒绝");

pub const STATUS_IDS: Tx = tx("IDs received", "收到的 ID");
pub const STATUS_DUPS: Tx = tx("Duplicates", "重复 ID");
pub const STATUS_REFUSED: Tx = tx("Refused", "被拒绝");
pub const STATUS_LATENCY: Tx = tx("Slowest answer", "最慢应答");

pub const RULE_UNIQUE: Tx = tx(
    "IDs unique and increasing per generator",
    "ID 全局唯一且每个生成器内递增",
);

pub const MSG_NEXT: Tx = tx("ID request", "ID 请求");
pub const MSG_ISSUED: Tx = tx("ID (its clock)", "ID（按时钟）");
pub const MSG_AFTER_WAIT: Tx = tx("ID after waiting for the clock", "等待时钟后的 ID");
pub const MSG_LOGICAL: Tx = tx("ID on the logical clock", "按逻辑时钟的 ID");
pub const MSG_BACKWARDS: Tx = tx("ID stamped by a clock gone back", "回拨时钟生成的 ID");
pub const MSG_REFUSED: Tx = tx("refused", "拒绝");

pub const T_ROUND: Tx = tx("Next round of requests", "下一轮请求");
pub const T_CAUGHT_UP: Tx = tx("Clock catches up", "时钟追上");

/// The home page's card: a snowflake beside three ID fields.
pub const PICTURE: &str = r##"<svg viewBox="0 0 120 80"><g stroke="#0369a1" stroke-width="3" stroke-linecap="round"><path d="M30 18v44M11 29l38 22M11 51l38-22"/></g><rect x="62" y="24" width="22" height="14" fill="#e0f2fe" stroke="#0369a1"/><rect x="84" y="24" width="14" height="14" fill="#fde68a" stroke="#b45309"/><rect x="98" y="24" width="12" height="14" fill="#dcfce7" stroke="#16a34a"/><rect x="62" y="44" width="22" height="14" fill="#fecaca" stroke="#dc2626"/><rect x="84" y="44" width="14" height="14" fill="#fde68a" stroke="#b45309"/><rect x="98" y="44" width="12" height="14" fill="#dcfce7" stroke="#16a34a"/></svg>"##;

/// What the monitor says broke, in both languages (the English is the protocol's own
/// sentence, so the two cannot drift apart).
pub const DETAILS: &[Tx] = {
    use crate::protocols::snowflake::invariants as inv;
    &[
        tx(inv::ID_WENT_BACK, "{0} 在 {2} 之后发出了 {1}"),
        tx(inv::ID_REISSUED, "{0} 发出了 {1}，而 {2} 之前已经发出过它"),
    ]
};
