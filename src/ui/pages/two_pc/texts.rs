//! The 2PC page's own words, in English and Chinese (the course notes' terms, see
//! shared/GLOSSARY.md): its narration here, its labels as [`Tx`] constants.

use crate::protocols::atomic_commit::Outcome;
use crate::protocols::two_pc::TpcNote;
use crate::ui::core::i18n::Lang;
#[allow(unused_imports)]
use crate::ui::core::text::{same, tx, Tx};

/// A transaction's outcome in words.
pub fn outcome(lang: Lang, o: Outcome) -> &'static str {
    match (lang, o) {
        (Lang::En, Outcome::Commit) => "commit",
        (Lang::En, Outcome::Abort) => "abort",
        (Lang::Zh, Outcome::Commit) => "提交",
        (Lang::Zh, Outcome::Abort) => "中断",
    }
}

/// The narration of one of the protocol's notes, in `lang`.
pub fn narrate(lang: Lang, note: &TpcNote, names: &[String]) -> String {
    match lang {
        Lang::En => en(note, names),
        Lang::Zh => zh(note, names),
    }
}

fn en(note: &TpcNote, names: &[String]) -> String {
    let s = |id: usize| names[id].clone();
    match *note {
        TpcNote::Began => "began the transaction: sent prepare to every participant".into(),
        TpcNote::VotedYes => "voted yes: wrote a prepared record and now holds its locks".into(),
        TpcNote::VotedNo => "voted no and rolled back".into(),
        TpcNote::GotVote { from, yes } => {
            format!("got {} from {}", if yes { "yes" } else { "no" }, s(from))
        }
        TpcNote::VoteTimeout { missing } => {
            format!("vote timeout: {missing} vote(s) missing, deciding abort")
        }
        TpcNote::Decided(o) => format!("decided {}: writing it to the log", outcome_en(o)),
        TpcNote::Logged(o) => format!("the {} decision is on disk", outcome_en(o)),
        TpcNote::SentDecision { to, d } => format!("sent {} to {}", outcome_en(d), s(to)),
        TpcNote::Finished(o) => format!("received {} and released its locks", outcome_en(o)),
        TpcNote::StillBlocked => "still blocked: asked the coordinator for the decision".into(),
        TpcNote::RecoveredDecision(o) => format!(
            "restarted, found {} in its log and re-sends it",
            outcome_en(o)
        ),
        TpcNote::PresumedAbort => "restarted with no decision in its log: presumed abort".into(),
        TpcNote::WillVoteNo(no) => format!("will vote {}", if no { "no" } else { "yes" }),
        TpcNote::AllAcked => "every participant acknowledged: the transaction is over".into(),
    }
}

fn outcome_en(o: Outcome) -> &'static str {
    outcome(Lang::En, o)
}

fn zh(note: &TpcNote, names: &[String]) -> String {
    let s = |id: usize| names[id].clone();
    match *note {
        TpcNote::Began => "开始事务：向所有参与者发送准备请求".into(),
        TpcNote::VotedYes => "投同意：写入准备记录，开始持有锁".into(),
        TpcNote::VotedNo => "投反对并回滚".into(),
        TpcNote::GotVote { from, yes } => format!(
            "收到 {} 的{}",
            s(from),
            if yes { "同意票" } else { "反对票" }
        ),
        TpcNote::VoteTimeout { missing } => {
            format!("等待投票超时：缺少 {missing} 票，决定中断")
        }
        TpcNote::Decided(o) => format!("决定{}：正在写入日志", outcome_zh(o)),
        TpcNote::Logged(o) => format!("“{}”决定已写入磁盘", outcome_zh(o)),
        TpcNote::SentDecision { to, d } => format!("向 {} 发送{}", s(to), outcome_zh(d)),
        TpcNote::Finished(o) => format!("收到{}，释放锁", outcome_zh(o)),
        TpcNote::StillBlocked => "仍被阻塞：再次向协调者询问决定".into(),
        TpcNote::RecoveredDecision(o) => {
            format!("重启后在日志中找到“{}”，重新发送", outcome_zh(o))
        }
        TpcNote::PresumedAbort => "重启后日志中没有决定：推定中断".into(),
        TpcNote::WillVoteNo(no) => format!("将投{}", if no { "反对票" } else { "同意票" }),
        TpcNote::AllAcked => "所有参与者都已确认：事务结束".into(),
    }
}

fn outcome_zh(o: Outcome) -> &'static str {
    outcome(Lang::Zh, o)
}

// ----- the page's labels -----

pub const TITLE: Tx = same("2PC");
pub const INTRO: Tx = tx(
    "Two-phase commit makes every participant commit or every participant abort. A yes vote is a promise that holds locks until the coordinator's decision arrives — which is why a coordinator crash blocks.",
    "两阶段提交让所有参与者要么都提交、要么都回滚。投“同意”是一个承诺：在收到协调者的决定之前一直持有锁——所以协调者宕机会导致同步阻塞。",
);
pub const VOTE_TIMEOUT: Tx = tx(
    "Coordinator vote timeout (ms)",
    "协调者等待投票超时（毫秒）",
);
pub const PRESET_VOTE_NO: Tx = tx("A participant votes no", "有参与者投反对票");
pub const PRESET_PARTICIPANT_DOWN: Tx =
    tx("Participant down during prepare", "准备阶段有参与者宕机");
pub const PRESET_PARTIAL_COMMIT: Tx = tx("Commit reaches only some", "提交只送达部分参与者");
pub const ABOUT_HAPPY: Tx = tx(
    "Everyone votes yes; the coordinator logs commit, then tells each participant in turn.",
    "所有参与者都投同意；协调者把“提交”写入日志，再逐个通知参与者。",
);
pub const ABOUT_VOTE_NO: Tx = tx(
    "P2 votes no: the coordinator decides abort, and every yes voter rolls back.",
    "P2 投反对票：协调者决定中断，所有投了同意的参与者回滚。",
);
pub const ABOUT_PARTICIPANT_DOWN: Tx = tx(
    "P2 is down during the prepare phase. Its vote never comes; the coordinator times out and aborts.",
    "准备阶段 P2 宕机，它的投票永远不会到来；协调者超时后决定中断。",
);
pub const ABOUT_COORDINATOR_CRASH: Tx = tx(
    "The coordinator logs its commit decision, then crashes before sending it. Every yes voter is blocked, holding locks, until the coordinator restarts and recovers the decision from its log.",
    "协调者把提交决定写入日志后、发出之前宕机。所有投了同意的参与者都被阻塞、一直持有锁，直到协调者重启并从日志中恢复决定。",
);
pub const ABOUT_PARTIAL_COMMIT: Tx = tx(
    "The coordinator crashes after sending commit to P1 only. P1 commits; the others stay blocked until it recovers.",
    "协调者只把提交发给了 P1 就宕机。P1 提交了，其他参与者一直阻塞，直到协调者恢复。",
);
pub const TOUR_TPC_TITLE: Tx = tx(
    "2PC: why a coordinator crash blocks",
    "2PC：为什么协调者宕机会导致阻塞",
);
pub const TOUR_TPC1: Tx = tx(
    "A coordinator C and three participants. Start the transaction: click C, then Begin transaction.",
    "一个协调者 C 和三个参与者。开始事务：点击 C，再点“开始事务”。",
);
pub const TOUR_TPC2: Tx = tx(
    "Every participant voted yes: each wrote a prepared record and now holds its locks until the decision comes. The coordinator has just logged commit. Kill the coordinator now: click C, then Kill.",
    "所有参与者都投了同意：各自写下准备记录，在决定到来之前一直持有锁。协调者刚把“提交”写入日志。现在让协调者宕机：点击 C，再点“使其宕机”。",
);
pub const TOUR_TPC3: Tx = tx(
    "The participants are blocked: having voted yes they may not decide alone, so they keep their locks and keep asking — watch the blocked counters grow. Restart the coordinator: click C, then Restart.",
    "参与者被阻塞了：投了同意就不能自行决定，只能持有锁并不断询问——看着“阻塞”计时不断增长。重启协调者：点击 C，再点“重启”。",
);
pub const TOUR_TPC4: Tx = tx(
    "The coordinator found commit in its log and re-sent it; everyone committed and released their locks. Blocking is 2PC’s price — compare the 3PC presets.",
    "协调者在日志中找到了“提交”并重新发送；所有参与者提交并释放了锁。同步阻塞是 2PC 的代价——对比一下 3PC 的预设场景。",
);
pub const BLURB: Tx = tx(
    "Two-phase commit: all or nothing, and why a coordinator crash blocks the yes voters.",
    "两阶段提交：要么全部提交要么全部回滚，以及协调者宕机时投了同意票的参与者为何同步阻塞。",
);

/// The page's small picture on the home page.
pub const PICTURE: &str = r##"<svg viewBox="0 0 120 80"><g stroke="#334155" stroke-width="1.5"><line x1="30" y1="40" x2="92" y2="14"/><line x1="30" y1="40" x2="92" y2="40"/><line x1="30" y1="40" x2="92" y2="66"/></g><polygon points="30,26 42,33 42,47 30,54 18,47 18,33" fill="#7c3aed"/><g fill="#16a34a"><circle cx="92" cy="14" r="8"/><circle cx="92" cy="40" r="8"/></g><circle cx="92" cy="66" r="8" fill="#f59e0b"/></svg>"##;

// ----- words of this page shown in its drawing, inspector and status -----

pub const PARTICIPANTS: Tx = tx("Participants", "参与者数量");
pub const COMMIT_STRIPS: Tx = tx("Transaction state per node", "各节点的事务状态");
pub const PRESET_COORDINATOR_CRASH: Tx = tx("Coordinator crashes", "协调者宕机");
pub const COORDINATOR: Tx = tx("Coordinator", "协调者");
pub const PARTICIPANT: Tx = tx("Participant", "参与者");
pub const BEGIN: Tx = tx("Begin transaction", "开始事务");
pub const VOTE_NO: Tx = tx("Make it vote no", "让它投反对票");
pub const VOTE_YES: Tx = tx("Make it vote yes", "让它投同意票");
pub const WILL_VOTE: Tx = tx("Will vote", "将投");
pub const STATE_INIT: Tx = tx("waiting", "等待中");
pub const STATE_PREPARED: Tx = tx("voted yes · holds locks", "已投同意 · 持有锁");
pub const STATE_COMMITTED: Tx = tx("committed", "已提交");
pub const STATE_ABORTED: Tx = tx("aborted", "已回滚");
pub const BLOCKED: Tx = tx("blocked", "阻塞");
pub const DECISION_LOG: Tx = tx("Decision log", "决定日志");
pub const COORD_IDLE: Tx = tx("idle", "空闲");
pub const COORD_COLLECTING: Tx = tx("collecting votes", "收集投票中");
pub const COORD_FLUSHING: Tx = tx("writing decision to log", "正在把决定写入日志");
pub const COORD_SENDING: Tx = tx("sending decision", "正在发送决定");
pub const COORD_DONE: Tx = tx("done", "已完成");
pub const VOTES: Tx = tx("Votes", "投票");
pub const ACKS: Tx = tx("Acks", "确认");
pub const RULE_ATOMICITY: Tx = tx(
    "Atomicity (all commit or all abort)",
    "原子性（全部提交或全部回滚）",
);
pub const MSG_TPC_PREPARE: Tx = tx("prepare", "准备");
pub const MSG_VOTE_YES: Tx = tx("vote yes", "投同意");
pub const MSG_VOTE_NO: Tx = tx("vote no", "投反对");
pub const MSG_COMMIT: Tx = tx("commit", "提交");
pub const MSG_ABORT: Tx = tx("abort", "中断");
pub const MSG_ACK: Tx = tx("ack", "确认");
pub const MSG_INQUIRY: Tx = tx("decision?", "询问决定");
pub const STATUS_DECISION: Tx = tx("Coordinator's log", "协调者日志");
pub const STATUS_BLOCKED: Tx = tx("Blocked", "阻塞中");
pub const STATUS_OUTCOMES: Tx = tx("Outcomes", "结果");
pub const T_VOTE_TIMEOUT: Tx = tx("Vote timeout", "投票超时");
pub const T_LOG_FLUSH: Tx = tx("Decision record reaching disk", "决定日志落盘");
pub const T_SEND_NEXT: Tx = tx("Next decision message", "发送下一条决定");
pub const T_INQUIRY: Tx = tx("Ask again for the decision", "再次询问决定");

/// What the monitor says broke, in both languages (the English is the protocol's own
/// sentence, so the two cannot drift apart).
pub const DETAILS: &[Tx] = {
    use crate::protocols::atomic_commit as inv;
    &[tx(inv::SPLIT_DECISION, "{0} 提交了，而 {1} 回滚了")]
};
