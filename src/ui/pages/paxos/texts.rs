//! The Paxos page's own words, in English and Chinese (the course notes' terms, see
//! shared/GLOSSARY.md): its narration here, its labels as [`Tx`] constants.

use crate::protocols::paxos::{Ballot, PaxosNote};
use crate::ui::core::i18n::Lang;
#[allow(unused_imports)]
use crate::ui::core::text::{same, tx, Tx};

/// A Paxos value as shown: proposer 1's value is X, then Y, Z.
pub fn val(v: u64) -> String {
    crate::protocols::paxos::msg::value_name(v)
}

/// A ballot as shown: `(round, proposer)`.
pub fn ballot(b: &Ballot, names: &[String]) -> String {
    format!("({}, {})", b.round, names[b.proposer])
}

/// The narration of one of the protocol's notes, in `lang`.
pub fn narrate(lang: Lang, note: &PaxosNote, names: &[String]) -> String {
    match lang {
        Lang::En => en(note, names),
        Lang::Zh => zh(note, names),
    }
}

fn en(note: &PaxosNote, names: &[String]) -> String {
    let s = |id: usize| names[id].clone();
    match *note {
        PaxosNote::SentPrepare { n } => {
            format!("sent prepare {} to every acceptor", ballot(&n, names))
        }
        PaxosNote::Promised { n, to, accepted } => match accepted {
            Some((b, v)) => format!(
                "promised {} to {}, reporting it already accepted {} {}",
                ballot(&n, names),
                s(to),
                val(v),
                ballot(&b, names)
            ),
            None => format!(
                "promised {} to {}: it will ignore lower numbers",
                ballot(&n, names),
                s(to)
            ),
        },
        PaxosNote::RefusedPrepare { n, promised } => format!(
            "refused prepare {}: already promised {}",
            ballot(&n, names),
            ballot(&promised, names)
        ),
        PaxosNote::SentAccept {
            n,
            v,
            adopted: true,
        } => format!(
            "a majority promised {}; adopted the already accepted value {} and sent accept",
            ballot(&n, names),
            val(v)
        ),
        PaxosNote::SentAccept {
            n,
            v,
            adopted: false,
        } => format!(
            "a majority promised {}; sent accept with its own value {}",
            ballot(&n, names),
            val(v)
        ),
        PaxosNote::AcceptedValue { n, v } => format!("accepted {} {}", val(v), ballot(&n, names)),
        PaxosNote::RefusedAccept { n, promised } => format!(
            "refused accept {}: already promised {}",
            ballot(&n, names),
            ballot(&promised, names)
        ),
        PaxosNote::Preempted { n, by } => format!(
            "proposal {} was pre-empted by {}",
            ballot(&n, names),
            ballot(&by, names)
        ),
        PaxosNote::LearnedChosen { v, n } => format!(
            "learned that {} is chosen (accepted by a majority under {})",
            val(v),
            ballot(&n, names)
        ),
        PaxosNote::RetryTimeout { n } => format!("proposal {} timed out", ballot(&n, names)),
        PaxosNote::GaveUp => "is not the distinguished proposer: gave up".into(),
        PaxosNote::ForgotEverything => "restarted and forgot its promise and accepted value".into(),
        PaxosNote::Recovered { promised, accepted } => format!(
            "restarted and read its promise {} and accepted value {} back from disk",
            promised.map_or("–".into(), |b| ballot(&b, names)),
            accepted.map_or("–".into(), |(b, v)| format!(
                "{} {}",
                val(v),
                ballot(&b, names)
            ))
        ),
    }
}

fn zh(note: &PaxosNote, names: &[String]) -> String {
    let s = |id: usize| names[id].clone();
    match *note {
        PaxosNote::SentPrepare { n } => {
            format!("向所有接受者发送准备请求 {}", ballot(&n, names))
        }
        PaxosNote::Promised { n, to, accepted } => match accepted {
            Some((b, v)) => format!(
                "向 {} 承诺 {}，并报告自己已接受过 {} {}",
                s(to),
                ballot(&n, names),
                val(v),
                ballot(&b, names)
            ),
            None => format!(
                "向 {} 承诺 {}：不再理会更小的编号",
                s(to),
                ballot(&n, names)
            ),
        },
        PaxosNote::RefusedPrepare { n, promised } => format!(
            "拒绝准备请求 {}：已承诺 {}",
            ballot(&n, names),
            ballot(&promised, names)
        ),
        PaxosNote::SentAccept {
            n,
            v,
            adopted: true,
        } => format!(
            "多数派承诺了 {}；沿用已被接受的值 {}，发出接受请求",
            ballot(&n, names),
            val(v)
        ),
        PaxosNote::SentAccept {
            n,
            v,
            adopted: false,
        } => format!(
            "多数派承诺了 {}；用自己的值 {} 发出接受请求",
            ballot(&n, names),
            val(v)
        ),
        PaxosNote::AcceptedValue { n, v } => format!("接受了 {} {}", val(v), ballot(&n, names)),
        PaxosNote::RefusedAccept { n, promised } => format!(
            "拒绝接受请求 {}：已承诺 {}",
            ballot(&n, names),
            ballot(&promised, names)
        ),
        PaxosNote::Preempted { n, by } => {
            format!("提案 {} 被 {} 抢占", ballot(&n, names), ballot(&by, names))
        }
        PaxosNote::LearnedChosen { v, n } => format!(
            "得知 {} 已被选定（在 {} 下被多数派接受）",
            val(v),
            ballot(&n, names)
        ),
        PaxosNote::RetryTimeout { n } => format!("提案 {} 超时", ballot(&n, names)),
        PaxosNote::GaveUp => "不是指定的提议者：放弃".into(),
        PaxosNote::ForgotEverything => "重启后忘记了自己的承诺和已接受的值".into(),
        PaxosNote::Recovered { promised, accepted } => format!(
            "重启后从磁盘读回承诺 {} 和已接受的值 {}",
            promised.map_or("–".into(), |b| ballot(&b, names)),
            accepted.map_or("–".into(), |(b, v)| format!(
                "{} {}",
                val(v),
                ballot(&b, names)
            ))
        ),
    }
}

// ----- the page's labels -----

pub const TITLE: Tx = same("Paxos");
pub const INTRO: Tx = tx(
    "Basic Paxos chooses one value. Proposers number their proposals; acceptors promise to ignore lower numbers and report what they accepted; a value accepted by a majority under one number is chosen, forever.",
    "Basic Paxos 就一个值达成一致。提议者为提案编号；接受者承诺不再理会更小的编号，并报告自己接受过的提案；某个编号下被多数派接受的值即被选定，永不改变。",
);
pub const PROPOSERS: Tx = tx("Proposers", "提议者数量");
pub const RETRY_TIMEOUT: Tx = tx("Proposer retry timeout (ms)", "提议者重试超时（毫秒）");
pub const BACKOFF: Tx = tx("Randomized back-off", "随机退避");
pub const DISTINGUISHED: Tx = tx(
    "Distinguished proposer (only P1 retries)",
    "指定唯一提议者（只有 P1 重试）",
);
pub const PERSIST: Tx = tx(
    "Acceptors persist their state (untick to break Paxos)",
    "接受者持久化状态（取消勾选即可“弄坏” Paxos）",
);
pub const STRIPS: Tx = tx(
    "Acceptor state (promised · accepted) and proposers",
    "接受者状态（已承诺 · 已接受）与提议者",
);
pub const PRESET_PROPOSER_DIES: Tx = tx("Proposer dies after phase 1", "提议者在阶段一后宕机");
pub const PRESET_DUEL: Tx = tx("Dueling proposers (livelock)", "两个提议者互相抢占（活锁）");
pub const PRESET_MINORITY_DOWN: Tx = tx("Minority of acceptors down", "少数接受者宕机");
pub const PRESET_ACCEPTOR_RESTARTS: Tx = tx("Acceptor restarts mid-round", "接受者在一轮中途重启");
pub const ABOUT_HAPPY: Tx = tx(
    "One proposer, no faults: prepare → promise → accept → accepted, and the learner learns X.",
    "一个提议者、没有故障：准备 → 承诺 → 接受 → 已接受，学习者学到 X。",
);
pub const ABOUT_PROPOSER_DIES: Tx = tx(
    "P1 dies after its prepares land but before any accept. Nothing was accepted, so when P2 proposes later, its own value Y is chosen.",
    "P1 的准备请求送达后、发出接受请求之前宕机。没有任何值被接受，所以 P2 稍后提议时，选定的是它自己的值 Y。",
);
pub const ABOUT_DUEL: Tx = tx(
    "P2 starts half a retry period after P1. Each prepare lands just before the other's accept, so every accept is refused and the numbers climb forever. Tick “randomized back-off” or “distinguished proposer” and reset to end it.",
    "P2 比 P1 晚半个重试周期开始。每个准备请求都恰好在对方的接受请求之前到达，于是每次接受都被拒绝，提案编号不断攀升——这就是活锁。勾选“随机退避”或“指定唯一提议者”后重置即可结束。",
);
pub const ABOUT_MINORITY_DOWN: Tx = tx(
    "Two of five acceptors are down from the start. Three promises and three accepts are still a majority: X is chosen.",
    "五个接受者中有两个一开始就宕机。三个承诺、三个接受仍是多数派：X 被选定。",
);
pub const ABOUT_ACCEPTOR_RESTARTS: Tx = tx(
    "P1 cannot reach A3, P2 cannot reach A2. A1 and A2 accept X: chosen. A1 restarts, then P2's prepare reaches only A1 and A3. A1 read its promise and accepted X back from disk, so P2 must propose X. Untick “Acceptors persist their state” (the run restarts): A1 forgets, P2 proposes Y, and two values are chosen.",
    "P1 连不到 A3，P2 连不到 A2。A1 和 A2 接受了 X：X 被选定。A1 重启后，P2 的准备请求只到达 A1 和 A3。A1 从磁盘读回了它的承诺和已接受的 X，所以 P2 必须提议 X。取消勾选“接受者持久化状态”（运行将重新开始）：A1 忘记一切，P2 提议 Y，两个值都被选定。",
);
pub const TOUR_PAXOS_TITLE: Tx = tx("Paxos: prepare, promise, accept", "Paxos：准备、承诺、接受");
pub const TOUR_PAXOS1: Tx = tx(
    "P1 will propose X to three acceptors. Phase 1: prepare(1.P1) goes to every acceptor; each promises to ignore lower numbers and reports what it already accepted (nothing yet). Press Continue.",
    "P1 将向三个接受者提议 X。阶段一：准备请求 (1.P1) 发给每个接受者；接受者承诺不再理会更小的编号，并报告自己已接受过的提案（目前没有）。按“继续”。",
);
pub const TOUR_PAXOS2: Tx = tx(
    "A majority promised, so P1 sent accept(1.P1, X). Kill one acceptor before the accepts land: click A1, then Kill. Is X still chosen?",
    "多数派已承诺，于是 P1 发出了接受请求 (1.P1, X)。在接受请求到达之前让一个接受者宕机：点击 A1，再点“使其宕机”。X 还会被选定吗？",
);
pub const TOUR_PAXOS3: Tx = tx(
    "Two of three acceptors accepted X: still a majority, so X is chosen and the learner learned it. A minority of failures cannot stop Paxos. Try the dueling-proposers preset next.",
    "三个接受者中有两个接受了 X：仍是多数派，所以 X 被选定，学习者也学到了它。少数节点故障无法阻止 Paxos。接下来试试“两个提议者互相抢占”预设。",
);
pub const BLURB: Tx = tx(
    "Basic Paxos chooses one value: prepare and promise, accept, livelock between two proposers.",
    "Basic Paxos 选定一个值：准备与承诺、接受，以及两个提议者之间的活锁。",
);

/// The page's small picture on the home page.
pub const PICTURE: &str = r##"<svg viewBox="0 0 120 80"><g stroke="#334155" stroke-width="1.5"><line x1="22" y1="40" x2="72" y2="14"/><line x1="22" y1="40" x2="72" y2="40"/><line x1="22" y1="40" x2="72" y2="66"/></g><polygon points="22,28 34,40 22,52 10,40" fill="#f59e0b"/><g fill="#3b82f6"><circle cx="72" cy="14" r="8"/><circle cx="72" cy="40" r="8"/><circle cx="72" cy="66" r="8"/></g><rect x="96" y="32" width="16" height="16" fill="#7c3aed"/></svg>"##;

// ----- words of this page shown in its drawing, inspector and status -----

pub const ACCEPTORS: Tx = tx("Acceptors", "接受者数量");
pub const PROPOSER: Tx = tx("Proposer", "提议者");
pub const ACCEPTOR: Tx = tx("Acceptor", "接受者");
pub const LEARNER: Tx = tx("Learner", "学习者");
pub const PROMISED: Tx = tx("Promised", "已承诺");
pub const ACCEPTED_PROPOSAL: Tx = tx("Accepted", "已接受");
pub const CHOSEN_VALUE: Tx = tx("Chosen value", "被选定的值");
pub const NONE_YET: Tx = tx("none yet", "尚无");
pub const PHASE_IDLE: Tx = tx("idle", "空闲");
pub const PHASE_PREPARING: Tx = tx("preparing", "准备中");
pub const PHASE_ACCEPTING: Tx = tx("accepting", "请求接受中");
pub const PHASE_CHOSEN: Tx = tx("chosen", "已选定");
pub const PHASE_GAVE_UP: Tx = tx("gave up", "已放弃");
pub const PHASE_PREEMPTED: Tx = tx("preempted by round", "被更高轮次抢占：轮次");
pub const LEGEND_VALUE: Tx = tx("holds value", "持有值");
pub const LEGEND_CHOSEN: Tx = tx("proposer: its value chosen", "提议者：其值已选定");
pub const LEGEND_IDLE: Tx = tx("proposer: idle", "提议者：空闲");
pub const ATTEMPTS: Tx = tx("Attempts", "尝试次数");
pub const PROPOSE: Tx = tx("Propose", "发起提案");
pub const RULE_ONE_VALUE: Tx = tx("Only one value is chosen", "只有一个值被选定");
pub const RULE_LEARN_ONLY_CHOSEN: Tx = tx("Only a chosen value is learned", "只学习被选定的值");
pub const MSG_PREPARE: Tx = tx("prepare", "准备 Prepare");
pub const MSG_PROMISE: Tx = tx("promise", "承诺 Promise");
pub const MSG_NACK: Tx = tx("refused (higher number promised)", "拒绝（已承诺更大编号）");
pub const MSG_ACCEPT: Tx = tx("accept", "接受请求 Accept");
pub const MSG_ACCEPTED: Tx = tx("accepted", "已接受 Accepted");

// What a message carries, in the inspector (Lamport's names: n, v).
pub const F_N: Tx = tx("n (proposal number)", "n（提案编号）");
pub const F_V: Tx = tx("v (value)", "v（提议值）");
pub const F_ACCEPTED: Tx = tx("highest accepted (n, v)", "已接受的最高提案 (n, v)");
pub const F_PROMISED: Tx = tx("promised n", "已承诺的编号");
pub const F_NONE: Tx = tx("none", "无");
pub const RETRY_TIMER: Tx = tx("Retry timer", "重试计时器");

/// What the monitor says broke, in both languages (the English is the protocol's own
/// sentence, so the two cannot drift apart).
pub const DETAILS: &[Tx] = {
    use crate::protocols::paxos::invariants as inv;
    &[
        tx(
            inv::TWO_VALUES_CHOSEN,
            "值 {0} 以提案编号 ({1}, {2}) 被选定，之后值 {3} 又以 ({4}, {5}) 被选定",
        ),
        tx(
            inv::LEARNED_UNCHOSEN,
            "{0} 学到了值 {1}，但没有多数派接受过它",
        ),
    ]
};
