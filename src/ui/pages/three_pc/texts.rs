//! The 3PC page's own words, in English and Chinese (the course notes' terms, see
//! shared/GLOSSARY.md): its narration here, its labels as [`Tx`] constants.

use crate::protocols::atomic_commit::Outcome;
use crate::protocols::three_pc::{TerminationRule, ThreeNote};
use crate::ui::core::i18n::Lang;
#[allow(unused_imports)]
use crate::ui::core::text::{same, tx, Tx};

use crate::ui::pages::two_pc::texts::outcome as outcome_in;

/// The narration of one of the protocol's notes, in `lang`.
pub fn narrate(lang: Lang, note: &ThreeNote, names: &[String]) -> String {
    match lang {
        Lang::En => en(note, names),
        Lang::Zh => zh(note, names),
    }
}

fn en(note: &ThreeNote, names: &[String]) -> String {
    let s = |id: usize| names[id].clone();
    match *note {
        ThreeNote::Began => "began: sent CanCommit to every participant".into(),
        ThreeNote::VotedYes => "voted yes (uncertain until PreCommit; a timeout now aborts)".into(),
        ThreeNote::VotedNo => "voted no and aborted".into(),
        ThreeNote::GotVote { from, yes } => format!("got {} from {}", if yes { "yes" } else { "no" }, s(from)),
        ThreeNote::SentPreCommit => "all voted yes: sent PreCommit to everyone".into(),
        ThreeNote::PreCommitted => "pre-committed (a timeout now commits)".into(),
        ThreeNote::GotPreAck { from } => format!("{} acknowledged PreCommit", s(from)),
        ThreeNote::SentDoCommit => "all acknowledged: sent DoCommit".into(),
        ThreeNote::CoordTimeout { waiting_for } => format!("timed out waiting for {waiting_for} participant(s): abort"),
        ThreeNote::SentAbort => "sent abort to everyone".into(),
        ThreeNote::Finished(Outcome::Commit) => "committed".into(),
        ThreeNote::Finished(Outcome::Abort) => "aborted".into(),
        ThreeNote::TimeoutAbort => "timed out before PreCommit: aborts on its own".into(),
        ThreeNote::TimeoutCommit => "timed out after PreCommit: commits on its own".into(),
        ThreeNote::WillVoteNo(no) => format!("will vote {}", if no { "no" } else { "yes" }),
        ThreeNote::Recovered(o) => format!("restarted and finishes the transaction: {}", outcome_en(o)),
        ThreeNote::Recovering => "restarted mid-transaction: may have missed messages, asks the coordinator instead of deciding alone".into(),
        ThreeNote::AskedPeers => "timed out: runs the termination protocol and asks the other participants for their state".into(),
        ThreeNote::AbortedBeforeVoting => "asked for its state before it voted: aborts on its own".into(),
        ThreeNote::Terminated { outcome, rule } => format!(
            "termination protocol: {} → {}",
            match rule {
                TerminationRule::SomeoneAborted => "someone aborted or had not voted",
                TerminationRule::SomeoneCommitted => "someone committed",
                TerminationRule::SomeonePreCommitted => "someone is pre-committed, so all voted yes",
                TerminationRule::AllUncertain => "everyone it heard from is uncertain",
            },
            outcome_en(outcome)
        ),
    }
}

fn outcome_en(o: Outcome) -> &'static str {
    outcome_in(Lang::En, o)
}

fn zh(note: &ThreeNote, names: &[String]) -> String {
    let s = |id: usize| names[id].clone();
    match *note {
        ThreeNote::Began => "开始：向所有参与者发送 CanCommit".into(),
        ThreeNote::VotedYes => {
            "投同意（在收到 PreCommit 之前处于不确定状态；此时超时会中断）".into()
        }
        ThreeNote::VotedNo => "投反对并中断".into(),
        ThreeNote::GotVote { from, yes } => format!(
            "收到 {} 的{}",
            s(from),
            if yes { "同意票" } else { "反对票" }
        ),
        ThreeNote::SentPreCommit => "全部同意：向所有参与者发送 PreCommit".into(),
        ThreeNote::PreCommitted => "已预提交（此时超时会提交）".into(),
        ThreeNote::GotPreAck { from } => format!("{} 确认了 PreCommit", s(from)),
        ThreeNote::SentDoCommit => "全部确认：发送 DoCommit".into(),
        ThreeNote::CoordTimeout { waiting_for } => {
            format!("等待 {waiting_for} 个参与者超时：中断")
        }
        ThreeNote::SentAbort => "向所有参与者发送中断".into(),
        ThreeNote::Finished(Outcome::Commit) => "已提交".into(),
        ThreeNote::Finished(Outcome::Abort) => "已中断".into(),
        ThreeNote::TimeoutAbort => "在 PreCommit 之前超时：自行中断".into(),
        ThreeNote::TimeoutCommit => "在 PreCommit 之后超时：自行提交（超时后默认提交）".into(),
        ThreeNote::WillVoteNo(no) => format!("将投{}", if no { "反对票" } else { "同意票" }),
        ThreeNote::Recovered(o) => format!("重启后完成事务：{}", outcome_zh(o)),
        ThreeNote::Recovering => {
            "在事务中途重启：可能错过了消息，不能自行决定，改为询问协调者".into()
        }
        ThreeNote::AskedPeers => "超时：启动终止协议，询问其他参与者的状态".into(),
        ThreeNote::AbortedBeforeVoting => "尚未投票就被询问状态：自行中断".into(),
        ThreeNote::Terminated { outcome, rule } => format!(
            "终止协议：{} → {}",
            match rule {
                TerminationRule::SomeoneAborted => "有参与者已中断或尚未投票",
                TerminationRule::SomeoneCommitted => "有参与者已提交",
                TerminationRule::SomeonePreCommitted => "有参与者已预提交，说明全部投了同意",
                TerminationRule::AllUncertain => "收到回复的参与者都处于不确定状态",
            },
            outcome_zh(outcome)
        ),
    }
}

fn outcome_zh(o: Outcome) -> &'static str {
    outcome_in(Lang::Zh, o)
}

// ----- the page's labels -----

pub const TITLE: Tx = same("3PC");
pub const INTRO: Tx = tx(
    "Three-phase commit adds PreCommit so participants can finish on a timeout instead of blocking. It assumes a synchronous network: no message is lost, and a participant never times out before the coordinator's decision can reach it (participant timeout > coordinator timeout + latency spread). Break that, or partition the network, and the decision can split. Skeen's termination protocol makes a participant ask the others before deciding — enough for crashes, not for partitions.",
    "三阶段提交增加了 PreCommit，参与者超时后可以自行完成，不再阻塞。它假设网络是同步的：消息不会丢失，并且在协调者的决定送达之前参与者不会超时（参与者超时 > 协调者超时 + 延迟波动）。打破这个假设，或者发生网络分区，决定就可能分裂。Skeen 的终止协议让参与者在决定之前先询问其他参与者——足以应对宕机，却应对不了网络分区。",
);
pub const TOUR_TITLE: Tx = tx(
    "3PC: the same coordinator crash, nobody blocked",
    "3PC：同样的协调者宕机，没有人被阻塞",
);
pub const TOUR1: Tx = tx(
    "A coordinator C and three participants, as in the 2PC tour — but the commit takes three phases: CanCommit (the vote), PreCommit (everyone voted yes) and DoCommit. Start the transaction: click C, then Begin transaction.",
    "一个协调者 C 和三个参与者，和 2PC 的导览一样——但提交分三个阶段：CanCommit（投票）、PreCommit（所有人都投了同意）和 DoCommit。开始事务：点击 C，再点“开始事务”。",
);
pub const TOUR2: Tx = tx(
    "Everyone voted yes and every participant holds PreCommit (violet): each one now knows that all voted yes. Kill the coordinator before it sends DoCommit: click C, then Kill.",
    "所有人都投了同意，每个参与者都收到了 PreCommit（紫色）：它们都知道所有人投了同意。在协调者发出 DoCommit 之前让它宕机：点击 C，再点“使其宕机”。",
);
pub const TOUR3: Tx = tx(
    "Nobody blocked: no DoCommit came, each participant's timeout ran out and, being pre-committed, it committed on its own (in 2PC they would still be waiting with their locks). The price is an assumption: a synchronous network. Open “Partition after PreCommit” and watch the decision split.",
    "没有人被阻塞：DoCommit 没有到来，每个参与者超时后，因为已经预提交，就自行提交了（在 2PC 中它们还会持有锁一直等待）。代价是一个假设：网络是同步的。打开“PreCommit 之后发生网络分区”，看决定如何分裂。",
);
pub const COORD_TIMEOUT: Tx = tx("Coordinator timeout (ms)", "协调者超时（毫秒）");
pub const PART_TIMEOUT: Tx = tx("Participant timeout (ms)", "参与者超时（毫秒）");
pub const PRESET_PARTITION: Tx = tx("Partition after PreCommit", "PreCommit 之后发生网络分区");
pub const ABOUT_HAPPY: Tx = tx(
    "CanCommit → PreCommit → DoCommit with everyone voting yes.",
    "所有参与者都投同意：CanCommit → PreCommit → DoCommit。",
);
pub const ABOUT_COORDINATOR_CRASH: Tx = tx(
    "The coordinator dies after every participant got PreCommit. Nobody blocks: each times out and commits on its own.",
    "所有参与者都收到 PreCommit 后协调者宕机。没有人被阻塞：各自超时后自行提交。",
);
pub const ABOUT_PARTITION: Tx = tx(
    "Right after PreCommit a partition cuts P1–P2 off. The coordinator misses their acks and aborts; P3–P4 receive the abort. P1–P2, pre-committed and alone, time out and commit. Atomicity breaks: this is the risk 3PC trades for not blocking.",
    "PreCommit 刚送达，网络分区把 P1–P2 隔离。协调者收不到它们的确认，决定中断，P3–P4 收到中断；P1–P2 已预提交又联系不上任何人，超时后自行提交。原子性被破坏：这正是 3PC 为了不阻塞而承担的风险。",
);
pub const BLURB: Tx = tx(
    "Three-phase commit: PreCommit ends the blocking, and a partition can split the decision.",
    "三阶段提交：PreCommit（预提交）消除了阻塞，但网络分区会让决定分裂。",
);

/// The page's small picture on the home page.
pub const PICTURE: &str = r##"<svg viewBox="0 0 120 80"><g stroke="#334155" stroke-width="1.5"><line x1="30" y1="36" x2="92" y2="12"/><line x1="30" y1="36" x2="92" y2="36"/><line x1="30" y1="36" x2="92" y2="60"/></g><line x1="62" y1="4" x2="62" y2="68" stroke="#dc2626" stroke-dasharray="4 3" stroke-width="2"/><polygon points="30,22 42,29 42,43 30,50 18,43 18,29" fill="#7c3aed"/><g fill="#16a34a"><circle cx="92" cy="12" r="8"/><circle cx="92" cy="36" r="8"/></g><circle cx="92" cy="60" r="8" fill="#dc2626"/></svg>"##;

// ----- words of this page shown in its drawing, inspector and status -----

pub const STATE_UNCERTAIN: Tx = tx("voted yes · uncertain", "已投同意 · 不确定");
pub const STATE_PRE_COMMITTED: Tx = tx("pre-committed", "已预提交");
pub const STATE_RECOVERING: Tx = tx("recovering · asking the coordinator", "恢复中 · 询问协调者");
pub const COORD_AWAITING_ACKS: Tx = tx("waiting for PreCommit acks", "等待 PreCommit 确认");
pub const MSG_CAN_COMMIT: Tx = same("CanCommit");
pub const MSG_PRE_COMMIT: Tx = same("PreCommit");
pub const MSG_PRE_ACK: Tx = tx("PreCommit ack", "PreCommit 确认");
pub const MSG_DO_COMMIT: Tx = same("DoCommit");
pub const MSG_DONE: Tx = tx("done", "完成");
pub const MSG_STATE_REQ: Tx = tx("state request", "状态询问");
pub const MSG_STATE_REPLY: Tx = tx("state reply", "状态回复");
pub const STATE_ASKING: Tx = tx(
    "asking the others (termination protocol)",
    "询问其他参与者（终止协议）",
);
pub const TERMINATION: Tx = tx("Termination protocol (Skeen)", "终止协议（Skeen）");
pub const TERM_OFF: Tx = tx("off: decide alone on a timeout", "关闭：超时后自行决定");
pub const TERM_ON: Tx = tx("on: ask the others first", "开启：先询问其他参与者");
pub const PART_TIMEOUT_SHORT: Tx = tx("participant timeout", "参与者超时");
pub const SYNCHRONY: Tx = tx("Synchrony assumption", "同步假设");
pub const SYNCHRONY_LOSS: Tx = tx(
    "messages can be lost: 3PC assumes none are",
    "消息可能丢失：3PC 假设消息不会丢失",
);
pub const PRESET_PARTITION_TERMINATION: Tx =
    tx("Partition, termination protocol on", "网络分区 + 终止协议");
pub const PRESET_CRASH_MID_PRECOMMIT: Tx = tx(
    "Coordinator dies mid-PreCommit",
    "协调者在发送 PreCommit 途中宕机",
);
pub const PRESET_SLOW_NETWORK: Tx = tx("Network slower than the timeouts", "网络比超时设置更慢");
pub const ABOUT_PARTITION_TERMINATION: Tx = tx(
    "The same partition with the termination protocol on. P1–P2 time out and ask the others first — but they can only reach each other, both pre-committed, so they commit, while the coordinator's side aborts. Asking does not help across a partition.",
    "同样的网络分区，但开启了终止协议。P1–P2 超时后先询问其他参与者——可它们只能联系到彼此，而彼此都已预提交，于是提交；协调者那一侧却已中断。跨越分区，询问也无济于事。",
);
pub const ABOUT_CRASH_MID_PRECOMMIT: Tx = tx(
    "The coordinator dies while sending PreCommit: everyone but P1 gets it. With the termination protocol off, P1 times out uncertain and aborts while the others commit — atomicity breaks with no partition at all. Turn the termination protocol on: P1 asks first, hears “pre-committed” and commits too.",
    "协调者在发送 PreCommit 途中宕机：除 P1 外都收到了。终止协议关闭时，P1 在不确定状态下超时并中断，其他参与者却提交了——没有任何网络分区，原子性也被破坏。开启终止协议再看：P1 先询问，得知有人“已预提交”，于是也提交。",
);
pub const ABOUT_SLOW_NETWORK: Tx = tx(
    "Latency 10–200 ms, coordinator timeout 400 ms, participant timeout 410 ms: the participant waits longer than the coordinator, but not by the latency spread. P1 dies before acknowledging PreCommit; the coordinator times out and aborts, and before its abort arrives some participant's own timeout commits it (with this seed, and about 7 seeds in 10). One crash, no partition: 3PC is safe only if the participant timeout exceeds the coordinator's plus the latency spread, max − min (see the status).",
    "延迟 10–200 毫秒，协调者超时 400 毫秒，参与者超时 410 毫秒：参与者等得比协调者久，但多出的时间小于延迟的波动范围。P1 在确认 PreCommit 之前宕机；协调者超时后决定中断，而中断消息还在路上时，某个参与者自己的超时已让它提交（本随机种子如此，约 7/10 的种子都会这样）。只有一次宕机、没有分区：只有当参与者超时大于协调者超时加上延迟波动（最大 − 最小）时，3PC 才是安全的（见状态栏）。",
);
pub const T_COORD_TIMEOUT: Tx = tx("Coordinator timeout", "协调者超时");
pub const T_INQUIRY: Tx = tx("Ask again for the outcome", "再次询问结果");
pub const T_PART_TIMEOUT: Tx = tx("Participant timeout", "参与者超时");
pub const T_COLLECT: Tx = tx("Termination protocol: answers due", "终止协议：等待答复");

/// What the monitor says broke, in both languages (the English is the protocol's own
/// sentence, so the two cannot drift apart).
pub const DETAILS: &[Tx] = {
    use crate::protocols::atomic_commit as inv;
    &[tx(inv::SPLIT_DECISION, "{0} 提交了，而 {1} 回滚了")]
};
