//! The lease page's own words, in English and Chinese (the course notes' terms, see
//! shared/GLOSSARY.md: 租约, 续约, 时钟漂移, 停顿, 主节点, 双主).

use crate::protocols::lease::LeaseNote;
use crate::ui::core::i18n::Lang;
#[allow(unused_imports)]
use crate::ui::core::text::{tx, Tx};

/// The narration of one of the protocol's notes, in `lang`.
pub fn narrate(lang: Lang, note: &LeaseNote, names: &[String]) -> String {
    let s = |id: usize| names.get(id).cloned().unwrap_or_default();
    match (lang, *note) {
        (Lang::En, LeaseNote::GotLease { until_ms }) => format!("holds the lease until its clock reads {until_ms} ms"),
        (Lang::Zh, LeaseNote::GotLease { until_ms }) => format!("获得租约，直到自己的时钟读到 {until_ms} ms"),
        (Lang::En, LeaseNote::LeaseOver) => "its lease ran out (by its own clock)".into(),
        (Lang::Zh, LeaseNote::LeaseOver) => "租约到期（按自己的时钟）".into(),
        (Lang::En, LeaseNote::ServedLocal { version, as_primary: false }) => format!("serves a read from its copy under its lease: v{version}"),
        (Lang::Zh, LeaseNote::ServedLocal { version, as_primary: false }) => format!("凭租约用本地副本响应读请求：v{version}"),
        (Lang::En, LeaseNote::ServedLocal { version, as_primary: true }) => format!("answers a read as the primary: v{version}"),
        (Lang::Zh, LeaseNote::ServedLocal { version, as_primary: true }) => format!("以主节点身份响应读请求：v{version}"),
        (Lang::En, LeaseNote::ServedFetched { version }) => format!("no lease: fetched v{version} from S to serve a read"),
        (Lang::Zh, LeaseNote::ServedFetched { version }) => format!("没有租约：向 S 取得 v{version} 来响应读请求"),
        (Lang::En, LeaseNote::Checked { left_ms }) => format!("checks its lease ({left_ms} ms left) and starts working on a read"),
        (Lang::Zh, LeaseNote::Checked { left_ms }) => format!("检查租约（还剩 {left_ms} ms），开始处理读请求"),
        (Lang::En, LeaseNote::Aborted) => "checks again before answering: the lease has run out — no answer".into(),
        (Lang::Zh, LeaseNote::Aborted) => "回复前再次检查：租约已经到期——不回复".into(),
        (Lang::En, LeaseNote::Invalidated { version }) => format!("S asks it to approve write v{version}: approves"),
        (Lang::Zh, LeaseNote::Invalidated { version }) => format!("S 请求它批准写入 v{version}：批准"),
        (Lang::En, LeaseNote::Refused { holder: Some(h) }) => format!("no lease: {} holds it", s(h)),
        (Lang::Zh, LeaseNote::Refused { holder: Some(h) }) => format!("没拿到租约：{} 持有它", s(h)),
        (Lang::En, LeaseNote::Refused { holder: None }) => "no lease: a write is waiting".into(),
        (Lang::Zh, LeaseNote::Refused { holder: None }) => "没拿到租约：有写入在等待".into(),
        (Lang::En, LeaseNote::Granted { to, period_ms }) => format!("grants {} a lease of {period_ms} ms", s(to)),
        (Lang::Zh, LeaseNote::Granted { to, period_ms }) => format!("授予 {} {period_ms} ms 的租约", s(to)),
        (Lang::En, LeaseNote::WriteWaits { version, holders: 0, .. }) => format!("write v{version}: no lease out, applies at once"),
        (Lang::Zh, LeaseNote::WriteWaits { version, holders: 0, .. }) => format!("写入 v{version}：没有未到期的租约，立即生效"),
        (Lang::En, LeaseNote::WriteWaits { version, holders, wait_ms }) => format!("write v{version} waits for {holders} lease(s): their approval, or at most {wait_ms} ms until they expire"),
        (Lang::Zh, LeaseNote::WriteWaits { version, holders, wait_ms }) => format!("写入 v{version} 等待 {holders} 个租约：等它们批准，或最多 {wait_ms} ms 等它们到期"),
        (Lang::En, LeaseNote::Applied { version, value, after_expiry: false }) => format!("applies v{version} = {value} (every lease holder approved)"),
        (Lang::Zh, LeaseNote::Applied { version, value, after_expiry: false }) => format!("写入 v{version} = {value} 生效（所有租约持有者已批准）"),
        (Lang::En, LeaseNote::Applied { version, value, after_expiry: true }) => format!("applies v{version} = {value} (the silent holders' leases have expired on S's clock)"),
        (Lang::Zh, LeaseNote::Applied { version, value, after_expiry: true }) => format!("写入 v{version} = {value} 生效（未回应者的租约按 S 的时钟已到期）"),
        (Lang::En, LeaseNote::Writes { id }) => format!("writes {id}"),
        (Lang::Zh, LeaseNote::Writes { id }) => format!("写入 {id}"),
    }
}

pub const TITLE: Tx = tx("Leases", "租约");
pub const BLURB: Tx = tx(
    "A server lends caches the right to answer without asking — for a while, by their clocks. Clocks that disagree, or a paused primary, break it.",
    "服务器把“无需询问即可回答”的权利借给缓存——只借一段时间，按各自的时钟计算。时钟不一致，或主节点停顿，就会出错。",
);
pub const INTRO: Tx = tx(
    "S holds the value of record; caches C1, C2 … serve reads from their copies while their lease lasts, without asking S. A write must wait until no cache can still be serving the old value: every holder has approved it, or its lease has expired on S's clock. Each cache counts its lease from the moment it asked, less a margin, so it stops first — if its clock keeps time. In leader mode the lease is exclusive: its holder is the primary.",
    "S 保存权威的值；缓存 C1、C2……在租约有效期内用本地副本响应读请求，无需询问 S。写入必须等到没有缓存还可能返回旧值：每个持有者都批准了，或者按 S 的时钟它的租约已经到期。缓存从发出请求的时刻开始计算租约，并减去一段余量，所以会比 S 先到期——前提是它的时钟走得准。在主节点租约模式下，租约是独占的：持有者就是主节点。",
);
pub const HOLDERS: Tx = tx("Caches / replicas", "缓存 / 副本数");
pub const MODE: Tx = tx("Leases for", "租约用途");
pub const MODE_CACHE: Tx = tx("caches (read leases)", "缓存（读租约）");
pub const MODE_LEADER: Tx = tx("a leader (one exclusive lease)", "主节点（独占租约）");
pub const PERIOD: Tx = tx(
    "Lease period (ms, S's clock)",
    "租约时长（毫秒，按 S 的时钟）",
);
pub const MARGIN: Tx = tx("Holder's safety margin (ms)", "持有者的安全余量（毫秒）");
pub const EVERY: Tx = tx(
    "A holder serves a read every (ms)",
    "持有者每隔多少毫秒响应一次读",
);
pub const WORK: Tx = tx(
    "Work between checking the lease and answering (ms)",
    "检查租约到回复之间的处理时间（毫秒）",
);
pub const RECHECK: Tx = tx(
    "Check the lease again before answering",
    "回复前再次检查租约",
);
pub const WRITES: Tx = tx(
    "W writes every … ms (0: by click)",
    "W 每隔多少毫秒写一次（0 为手动）",
);
pub const DRIFT: Tx = tx("Holders' clocks", "持有者的时钟");
pub const DRIFT_NONE: Tx = tx("keep time", "走时准确");
pub const DRIFT_SLOW5: Tx = tx("5 % slow (within the bound)", "慢 5%（在界限内）");
pub const DRIFT_SLOW25: Tx = tx("25 % slow (break it)", "慢 25%（破坏它）");
pub const DRIFT_FAST25: Tx = tx("25 % fast", "快 25%");

pub const PRESET_CUT: Tx = tx("Cut cache: the write waits", "缓存失联：写入等待");
pub const ABOUT_CUT: Tx = tx(
    "W writes at 0.3 s: both caches approve at once. S–C1 is cut at 0.65 s; W writes again at 0.7 s: C1 cannot approve, so S waits until C1's lease expires on S's clock. C1's own lease, counted from when it asked and less the 40 ms margin, ended before that: no stale read.",
    "W 在 0.3 s 写入：两个缓存立即批准。0.65 s 时 S–C1 链路被切断；W 在 0.7 s 再次写入：C1 无法批准，S 只能等到按 S 的时钟 C1 的租约到期。C1 自己的租约从它发出请求时算起，并减去 40 ms 余量，早已到期：没有读到旧值。",
);
pub const PRESET_BROKEN: Tx = tx("Clocks 25 % slow: stale read", "时钟慢 25%：读到旧值");
pub const ABOUT_BROKEN: Tx = tx(
    "The same run with the caches' clocks 25 % slow. The 40 ms margin of a 400 ms lease covers clocks up to 10 % slow: C1's lease now outlasts S's. S applies the write when C1's lease expires on S's clock — and C1, still counting, answers the old value. The monitor names the rule and the broken bound.",
    "同样的过程，但缓存的时钟慢 25%。400 ms 租约的 40 ms 余量只能容忍慢 10% 以内的时钟：C1 的租约比 S 记录的还长。S 按自己的时钟在 C1 的租约到期时使写入生效——而 C1 还在计时，返回了旧值。监视器指出了被违反的规则和被打破的界限。",
);
pub const PRESET_WITHIN: Tx = tx("Clocks 5 % slow: safe", "时钟慢 5%：安全");
pub const ABOUT_WITHIN: Tx = tx(
    "The same run with the caches' clocks 5 % slow: within what the margin covers, C1's lease still ends before S's. Safe.",
    "同样的过程，缓存的时钟慢 5%：在余量可容忍的范围内，C1 的租约仍然先于 S 到期。安全。",
);
pub const PRESET_PAUSE: Tx = tx("Paused primary", "主节点停顿");
pub const ABOUT_PAUSE: Tx = tx(
    "R1 is the primary. At 0.31 s it has checked its lease and is working on a read when a 600 ms pause freezes it. Its lease expires at S; R2 becomes primary and takes W's write. R1 wakes and, its check long done, answers as the primary with the old value: two primaries at once (the double-master window, red on the diagram).",
    "R1 是主节点。0.31 s 时它已检查过租约、正在处理一个读请求，这时一次 600 ms 的停顿冻结了它。它的租约在 S 处到期；R2 成为主节点并接受了 W 的写入。R1 醒来后，由于早已检查过，仍以主节点身份返回旧值：同时出现两个主节点（“双主”窗口，时空图中标红）。",
);
pub const PRESET_RECHECK: Tx = tx("Paused primary, re-checked", "主节点停顿，回复前再检查");
pub const ABOUT_RECHECK: Tx = tx(
    "The same pause, with R1 checking its lease again just before it answers: on its own clock the lease has run out, so it answers nothing. (A clock that runs slow would fool this check too.)",
    "同样的停顿，但 R1 在回复前再次检查租约：按它自己的时钟租约已经到期，于是不回复。（如果时钟走慢，这次检查同样会被骗过。）",
);

pub const TOUR_TITLE: Tx = tx("Tour: a lease and a slow clock", "导览：租约与走慢的时钟");
pub const TOUR1: Tx = tx("Both caches hold leases and answer reads from their copies. W's write has to be approved by both before S applies it.", "两个缓存都持有租约，用本地副本响应读请求。W 的写入必须得到两者批准，S 才会使它生效。");
pub const TOUR2: Tx = tx("S–C1 is cut, and W writes again: S cannot ask C1, so it waits for C1's lease to expire on S's clock.", "S–C1 被切断，W 再次写入：S 无法询问 C1，只能等按 S 的时钟 C1 的租约到期。");
pub const TOUR3: Tx = tx("C1's clock runs 25 % slow: its lease outlasted S's, and it answered the old value after the write. The margin only covers clocks that agree within margin/period.", "C1 的时钟慢 25%：它的租约比 S 记录的更长，写入生效后它还返回了旧值。余量只能容忍误差在 余量/租约时长 以内的时钟。");

pub const SERVER: Tx = tx("lease server", "租约服务器");
pub const CACHE: Tx = tx("cache", "缓存");
pub const REPLICA: Tx = tx("replica", "副本");
pub const WRITER: Tx = tx("writer", "写入者");
pub const HOLDS: Tx = tx("holds a lease", "持有租约");
pub const NO_LEASE: Tx = tx("no lease", "无租约");
pub const WORKING: Tx = tx("checked, working", "已检查，处理中");
pub const LEFT_OWN: Tx = tx("left (own clock)", "剩余（自己的时钟）");
pub const LEASES_AT_S: Tx = tx("leases", "租约");
pub const WAITS_FOR: Tx = tx("write waits for", "写入等待");
pub const PRIMARY: Tx = tx("primary", "主节点");
pub const WRITE: Tx = tx("Write now", "立即写入");
pub const WRITES_DONE: Tx = tx("writes", "写入");
pub const STALE: Tx = tx("stale", "旧值");
pub const FETCHED: Tx = tx("fetched", "取回");
pub const WAITED: Tx = tx("waited", "等待");
pub const LEASE: Tx = tx("lease", "租约");

pub const STATUS_LEASES: Tx = tx("Leases at S", "S 处的租约");
pub const STATUS_WAITS: Tx = tx("Write waits for", "写入等待");
pub const STATUS_STALE: Tx = tx("Stale reads", "读到旧值");
pub const STATUS_BOUND: Tx = tx("Margin covers clocks", "余量容忍的时钟误差");
pub const STATUS_PRIMARY: Tx = tx("Primary (S's view)", "主节点（S 的视角）");
pub const STATUS_BELIEVE: Tx = tx("Believe they are primary", "自认为是主节点");
pub const STATUS_USURP: Tx = tx(
    "Answers as primary without the lease",
    "无租约却以主节点身份回复",
);
pub const SLOW_AT_MOST: Tx = tx("≤ {} % slow", "慢 ≤ {}%");
pub const NOW_SLOW: Tx = tx("holders {} % slow", "持有者慢 {}%");
pub const NOW_FAST: Tx = tx("holders {} % fast", "持有者快 {}%");

pub const RULE_STALE: Tx = tx(
    "No stale read under a lease (a holder's view never overlaps a newer write)",
    "租约下不读旧值（持有者的视图不与更新的写入重叠）",
);
pub const RULE_ONE_PRIMARY: Tx = tx("One primary at a time", "同一时刻只有一个主节点");

pub const MSG_ACQUIRE: Tx = tx("lease request / renewal", "租约请求 / 续约");
pub const MSG_GRANTED: Tx = tx("lease granted (with the value)", "授予租约（附带值）");
pub const MSG_VALUE_ONLY: Tx = tx("the value only (a write waits)", "只返回值（有写入在等待）");
pub const MSG_REFUSED: Tx = tx("refused", "拒绝");
pub const MSG_INVALIDATE: Tx = tx("approve this write?", "请求批准写入");
pub const MSG_ACK: Tx = tx("approved", "已批准");
pub const MSG_WRITE: Tx = tx("write", "写入");
pub const MSG_WRITTEN: Tx = tx("write applied", "写入生效");

pub const T_DUTY: Tx = tx("Next read", "下次读");
pub const T_LEASE_END: Tx = tx("Lease ends (own clock)", "租约到期（自己的时钟）");
pub const T_WORK: Tx = tx("Work done: answer", "处理完成：回复");
pub const T_WRITE_DUE: Tx = tx("Leases expired: apply the write", "租约到期：使写入生效");
pub const T_NEXT_WRITE: Tx = tx("Next write", "下次写入");

pub const STRIPS: Tx = tx(
    "Writes S applied; reads each holder answered (red: stale); W's writes",
    "S 生效的写入；各持有者响应的读（红色为旧值）；W 的写入",
);

/// The home page's card: a server lending a key to two caches, an hourglass beside.
pub const PICTURE: &str = r##"<svg viewBox="0 0 120 80"><rect x="8" y="28" width="26" height="24" rx="3" fill="#3b82f6"/><circle cx="82" cy="18" r="11" fill="#16a34a"/><circle cx="82" cy="62" r="11" fill="#94a3b8"/><path d="M34 36L70 20M34 44L70 60" stroke="#64748b" stroke-width="2.5"/><path d="M100 8h14l-7 10 7 10h-14l7-10z" fill="#fde68a" stroke="#b45309" stroke-width="2"/></svg>"##;

/// What the monitor says broke, in both languages (the English is the protocol's own
/// sentence, so the two cannot drift apart).
pub const DETAILS: &[Tx] = {
    use crate::protocols::lease::invariants as inv;
    &[
        tx(
            inv::TWO_PRIMARIES,
            "{0} 以主节点身份作答，而 S 已把租约给了 {1}",
        ),
        tx(
            inv::STALE_UNDER_LEASE,
            "S 已应用版本 {2} 之后，{0} 仍凭租约返回版本 {1}",
        ),
    ]
};
