//! The Raft page's own words, in English and Chinese (the course notes' terms, see
//! shared/GLOSSARY.md): its narration here, its labels as [`Tx`] constants.

use crate::protocols::raft::{RaftNote, Role};
use crate::ui::core::i18n::Lang;
#[allow(unused_imports)]
use crate::ui::core::text::{same, tx, Tx};

/// The narration of one of the protocol's notes, in `lang`.
pub fn narrate(lang: Lang, note: &RaftNote, names: &[String]) -> String {
    match lang {
        Lang::En => en(note, names),
        Lang::Zh => zh(note, names),
    }
}

fn en(note: &RaftNote, names: &[String]) -> String {
    let s = |id: usize| names[id].clone();
    match *note {
        RaftNote::StartedElection { term } => {
            format!("election timeout: became candidate and started an election for term {term}")
        }
        RaftNote::BecameLeader { term, votes } => {
            format!("won the election for term {term} with {votes} votes and became leader")
        }
        RaftNote::SteppedDown { term, from, was } => match was.0 {
            Role::Follower => format!("saw term {term} from {} and moved to it", s(from)),
            Role::Candidate => format!(
                "saw term {term} from {}: gave up its election and stepped down to follower",
                s(from)
            ),
            Role::Leader => format!(
                "saw term {term} from {}: stepped down from leader to follower",
                s(from)
            ),
        },
        RaftNote::GrantedVote { term, to } => format!("voted for {} in term {term}", s(to)),
        RaftNote::RefusedVoteLog { term, to } => format!(
            "refused {} in term {term}: the candidate's log is behind",
            s(to)
        ),
        RaftNote::RefusedVoteAlreadyVoted {
            term,
            to,
            voted_for,
        } => format!(
            "refused {} in term {term}: already voted for {}",
            s(to),
            s(voted_for)
        ),
        RaftNote::RejectedAppend { prev_log_index } => {
            format!("rejected AppendEntries: no matching entry at index {prev_log_index}")
        }
        RaftNote::TruncatedLog { from_index } => {
            format!("deleted conflicting entries from index {from_index} on")
        }
        RaftNote::AppendedEntries { count, last_index } => {
            let noun = if count == 1 { "entry" } else { "entries" };
            format!("appended {count} {noun}; log now ends at {last_index}")
        }
        RaftNote::BackedOff {
            follower,
            next_index,
        } => format!(
            "{} rejected: retrying from nextIndex {next_index}",
            s(follower)
        ),
        RaftNote::Committed { index } => format!("commit index advanced to {index}"),
        RaftNote::AcceptedRequest { cmd, index } => {
            format!("accepted client command {cmd} at index {index}")
        }
        RaftNote::RedirectedRequest { cmd, leader } => format!(
            "is not the leader: redirected command {cmd} to {}",
            s(leader)
        ),
        RaftNote::RejectedRequest { cmd } => {
            format!("knows no leader: command {cmd} is rejected; the client must retry")
        }
        RaftNote::Booted { term, log_len } => {
            format!("started as follower in term {term} with {log_len} log entries")
        }
    }
}

fn zh(note: &RaftNote, names: &[String]) -> String {
    let s = |id: usize| names[id].clone();
    match *note {
        RaftNote::StartedElection { term } => {
            format!("选举超时：成为候选者，发起任期 {term} 的选举")
        }
        RaftNote::BecameLeader { term, votes } => {
            format!("获得 {votes} 票（过半），成为任期 {term} 的领导者")
        }
        RaftNote::SteppedDown { term, from, was } => match was.0 {
            Role::Follower => format!("从 {} 处看到更高的任期 {term}，更新到该任期", s(from)),
            Role::Candidate => {
                format!(
                    "从 {} 处看到更高的任期 {term}，放弃选举，退回跟随者",
                    s(from)
                )
            }
            Role::Leader => {
                format!("从 {} 处看到更高的任期 {term}，由领导者退回跟随者", s(from))
            }
        },
        RaftNote::GrantedVote { term, to } => format!("在任期 {term} 投票给 {}", s(to)),
        RaftNote::RefusedVoteLog { term, to } => {
            format!("在任期 {term} 拒绝投票给 {}：候选者的日志不够新", s(to))
        }
        RaftNote::RefusedVoteAlreadyVoted {
            term,
            to,
            voted_for,
        } => format!(
            "在任期 {term} 拒绝投票给 {}：本任期已投票给 {}",
            s(to),
            s(voted_for)
        ),
        RaftNote::RejectedAppend { prev_log_index } => {
            format!("拒绝 AppendEntries：索引 {prev_log_index} 处没有匹配的日志条目")
        }
        RaftNote::TruncatedLog { from_index } => {
            format!("删除从索引 {from_index} 开始的冲突日志条目")
        }
        RaftNote::AppendedEntries { count, last_index } => {
            format!("追加了 {count} 个日志条目，日志末尾索引为 {last_index}")
        }
        RaftNote::BackedOff {
            follower,
            next_index,
        } => format!(
            "{} 拒绝了追加：回退 nextIndex 到 {next_index} 重试",
            s(follower)
        ),
        RaftNote::Committed { index } => format!("提交索引推进到 {index}"),
        RaftNote::AcceptedRequest { cmd, index } => {
            format!("接受客户端命令 {cmd}，写入索引 {index}")
        }
        RaftNote::RedirectedRequest { cmd, leader } => {
            format!("不是领导者：把命令 {cmd} 转发给 {}", s(leader))
        }
        RaftNote::RejectedRequest { cmd } => {
            format!("不知道谁是领导者：命令 {cmd} 被拒绝，客户端需要重试")
        }
        RaftNote::Booted { term, log_len } => {
            format!("以跟随者身份启动，任期 {term}，日志有 {log_len} 个条目")
        }
    }
}

// ----- the page's labels -----

pub const TITLE: Tx = same("Raft");
pub const INTRO: Tx = tx(
    "Raft keeps a replicated log consistent: one leader per term, elected by a majority, replicates entries and commits them once a majority stores them.",
    "Raft 维护一致的复制日志：每个任期最多一个领导者，由多数派选出；领导者复制日志条目，过半节点保存后即提交。",
);
pub const ELECTION_MIN: Tx = tx("Election timeout min (ms)", "选举超时下限（毫秒）");
pub const ELECTION_MAX: Tx = tx("Election timeout max (ms)", "选举超时上限（毫秒）");
pub const HEARTBEAT: Tx = tx("Heartbeat (ms)", "心跳间隔（毫秒）");
pub const STRIPS: Tx = tx(
    "Logs (index · term; hover an entry for its command; solid = committed)",
    "日志（索引 · 任期；悬停查看命令；实线框 = 已提交）",
);
pub const PRESET_SPLIT_VOTE: Tx = tx("Split vote", "选票瓜分");
pub const PRESET_PARTITIONED_LEADER: Tx = tx(
    "Leader cut off from the majority",
    "领导者被隔离在少数派一侧",
);
pub const PRESET_LOG_REPAIR: Tx = tx("Log repair (Figure 7)", "日志修复（图 7）");
pub const PRESET_COMMIT_RULE: Tx = tx("Commit rule (Figure 8)", "提交规则（图 8）");
pub const ABOUT_SPLIT_VOTE: Tx = tx(
    "At 100 ms, S1–S4 time out together. Each votes for itself; S5 votes for the first request it gets. Nobody reaches three of five votes: a split vote, so term 1 has no leader. The randomized election timeouts (150–300 ms) make one candidate try again first, and it wins term 2.",
    "100 ms 时 S1–S4 同时超时。它们各自投票给自己；S5 投给最先收到的请求。没有人得到五票中的三票：选票被瓜分，任期 1 没有领导者。随机化的选举超时（150–300 ms）让某个候选者先再次发起选举，并赢得任期 2。",
);
pub const ABOUT_PARTITIONED_LEADER: Tx = tx(
    "S1 leads term 1. At 500 ms a partition leaves it with S2 only. S1 still thinks it leads and accepts request 2, but can never commit it: only two of five store it. On the majority side S3 times out first, wins term 2 with S4 and S5, and commits request 3. When the partition heals at 1.6 s, S1 sees term 2, steps down, and its uncommitted entry is replaced.",
    "S1 是任期 1 的领导者。500 ms 时网络分区让它只剩 S2。S1 仍以为自己是领导者，接受了请求 2，但永远无法提交：五个节点中只有两个存有它。在多数派一侧，S3 最先超时，凭 S4、S5 的选票赢得任期 2，并提交请求 3。1.6 s 分区恢复后，S1 看到任期 2，退回跟随者，它未提交的日志条目被替换。",
);
pub const ABOUT_LOG_REPAIR: Tx = tx(
    "Figure 7's follower logs, made by faults: S5 is down while entries 3–4 commit (it misses them); a partition gives S1 and S2 extra uncommitted entries 5–6 of term 1. S3, leader of term 2, brings S5 up to date, and after the heal it backs nextIndex off until S1's and S2's logs match, then overwrites their extra entries.",
    "用故障造出图 7 中的跟随者日志：条目 3–4 提交时 S5 宕机（缺少它们）；网络分区让 S1 和 S2 多出任期 1 的未提交条目 5–6。任期 2 的领导者 S3 先把 S5 补齐；分区恢复后，它不断回退 nextIndex，直到与 S1、S2 的日志一致，再覆盖它们多出的条目。",
);
pub const ABOUT_COMMIT_RULE: Tx = tx(
    "Figure 8. S1 (term 1) stores entry 1 on S1 and S2; S5 (term 2) stores its own entry 1 alone. S1 returns, wins term 3 and copies its entry 1 to S3 and S4: now a majority holds it, yet S1 does not commit it (commit index stays 0), because a leader commits by counting only entries of its own term. S1 crashes; S5 wins term 4 (its last entry's term, 2, beats 1) and overwrites entry 1 everywhere. Had S1 committed by counting, a committed entry would now be lost.",
    "图 8。S1（任期 1）把条目 1 存到 S1 和 S2；S5（任期 2）只在自己那里存了另一个条目 1。S1 恢复后赢得任期 3，把它的条目 1 复制到 S3 和 S4：此时多数派都有了它，但 S1 并不提交（提交索引仍为 0），因为领导者只能通过计数提交自己任期的条目。S1 宕机；S5 赢得任期 4（它最后一个条目的任期 2 大于 1），并在所有节点上覆盖条目 1。假如 S1 当时靠计数提交了，一个已提交的条目现在就丢了。",
);
pub const TOUR_RAFT_TITLE: Tx = tx("Raft: election and re-election", "Raft：选举与重新选举");
pub const TOUR_RAFT1: Tx = tx(
    "Five servers start as followers. The ring around each is its election timer, randomized between 150 and 300 ms; the first to run out becomes a candidate and asks the others for votes. Press Continue and watch.",
    "五个节点都以跟随者身份启动。每个节点外圈的圆环是它的选举超时计时器，在 150 到 300 毫秒之间随机；最先超时的节点成为候选者，向其他节点请求投票。按“继续”观看。",
);
pub const TOUR_RAFT2: Tx = tx(
    "A candidate won a majority of votes (3 of 5) and became leader; it now sends heartbeats that keep the others from timing out. Kill the leader: click it, then Kill. What will the followers do?",
    "一个候选者获得了多数派（5 票中的 3 票）投票，成为领导者；它现在发送心跳，使其他节点不再超时。让领导者宕机：点击它，再点“使其宕机”。跟随者们会怎么做？",
);
pub const TOUR_RAFT3: Tx = tx(
    "The heartbeats stopped. One follower timed out first, started an election in a higher term and won. Now send a client request to a follower: click it, then Client request.",
    "心跳停止了。某个跟随者最先超时，在更高的任期发起选举并获胜。现在向一个跟随者发送客户端请求：点击它，再点“发送客户端请求”。",
);
pub const TOUR_RAFT4: Tx = tx(
    "The follower redirected the request to the leader, which appended it and replicated it; once a majority stored it, it was committed (solid border in the logs below).",
    "跟随者把请求转发给了领导者，领导者追加并复制了这个日志条目；过半节点保存后即被提交（下方日志中实线边框）。",
);
pub const BLURB: Tx = tx(
    "Leader election and log replication: kill the leader, split the cluster, watch logs repaired.",
    "领导者选举与日志复制：让领导者宕机、制造网络分区，观察日志如何被修复。",
);

/// The page's small picture on the home page.
pub const PICTURE: &str = r##"<svg viewBox="0 0 120 80"><g stroke="#334155" stroke-width="1.5"><line x1="60" y1="40" x2="60" y2="12"/><line x1="60" y1="40" x2="98" y2="30"/><line x1="60" y1="40" x2="84" y2="68"/><line x1="60" y1="40" x2="36" y2="68"/><line x1="60" y1="40" x2="22" y2="30"/></g><polygon points="60,28 70,34 70,46 60,52 50,46 50,34" fill="#16a34a"/><g fill="#3b82f6"><circle cx="60" cy="12" r="7"/><circle cx="98" cy="30" r="7"/><circle cx="84" cy="68" r="7"/><circle cx="36" cy="68" r="7"/><circle cx="22" cy="30" r="7"/></g></svg>"##;

// ----- words of this page shown in its drawing, inspector and status -----

pub const FOLLOWER: Tx = tx("Follower", "跟随者");
pub const CANDIDATE: Tx = tx("Candidate", "候选者");
pub const LEADER: Tx = tx("Leader", "领导者");
pub const TERM: Tx = tx("Term", "任期");
pub const VOTED_FOR: Tx = tx("Voted for", "投票给");
pub const COMMIT_INDEX: Tx = tx("Commit index", "提交索引");
pub const LOG: Tx = tx("Log", "日志");
pub const NEXT_INDEX: Tx = tx("nextIndex", "nextIndex（下一索引）");
pub const MATCH_INDEX: Tx = tx("matchIndex", "matchIndex（匹配索引）");
// The RPC arguments of Figure 2, by the paper's names (the inspector's message detail).
/// The node labels' notations, explained in the legend.
pub const NOTATION: &[(&str, Tx)] = &[
    ("T2", tx("term 2", "任期 2")),
    ("→S3", tx("voted for S3", "投票给 S3")),
    ("1/5", tx("votes / servers", "得票 / 节点数")),
];
pub const F_TERM: Tx = tx("term", "term（任期）");
pub const F_LAST_LOG_INDEX: Tx = tx("lastLogIndex", "lastLogIndex（最后日志索引）");
pub const F_LAST_LOG_TERM: Tx = tx("lastLogTerm", "lastLogTerm（最后日志任期）");
pub const F_VOTE_GRANTED: Tx = tx("voteGranted", "voteGranted（是否投票）");
pub const F_PREV_LOG_INDEX: Tx = tx("prevLogIndex", "prevLogIndex（前一条日志索引）");
pub const F_PREV_LOG_TERM: Tx = tx("prevLogTerm", "prevLogTerm（前一条日志任期）");
pub const F_ENTRIES: Tx = tx("entries[]", "entries[]（日志条目）");
pub const F_LEADER_COMMIT: Tx = tx("leaderCommit", "leaderCommit（领导者提交索引）");
pub const F_SUCCESS: Tx = tx("success", "success（是否成功）");
pub const F_COMMAND: Tx = tx("command", "命令");
pub const F_HEARTBEAT: Tx = tx("none (a heartbeat)", "无（心跳）");
pub const ELECTION_TIMER: Tx = tx("Election timer", "选举计时器");
pub const HEARTBEAT_TIMER: Tx = tx("Heartbeat timer", "心跳计时器");
pub const YES: Tx = tx("yes", "是");
pub const NO: Tx = tx("no", "否");
pub const NEXT_INDEX_SHORT: Tx = same("nextIndex");
pub const MATCH_INDEX_SHORT: Tx = same("matchIndex");
pub const NOBODY: Tx = tx("nobody", "无");
pub const FORCE_TIMEOUT: Tx = tx("Force timeout", "立即选举超时");
pub const CLIENT_REQUEST: Tx = tx("Client request", "发送客户端请求");
pub const COMMITTED: Tx = tx("committed", "已提交");
pub const MSG_REQUEST_VOTE: Tx = tx("RequestVote", "请求投票 RequestVote");
pub const MSG_VOTE_GRANTED: Tx = tx("vote granted", "同意投票");
pub const MSG_VOTE_REFUSED: Tx = tx("vote refused", "拒绝投票");
pub const MSG_APPEND_ENTRIES: Tx = tx("AppendEntries", "追加条目 AppendEntries");
pub const MSG_HEARTBEAT: Tx = tx("heartbeat", "心跳");
pub const MSG_APPEND_OK: Tx = tx("append OK", "追加成功");
pub const MSG_APPEND_FAIL: Tx = tx("append rejected", "追加被拒绝");
pub const MSG_REDIRECT: Tx = tx("redirected request", "转发的请求");
pub const RULE_ELECTION_SAFETY: Tx = tx("Election Safety", "选举安全性（Election Safety）");
pub const RULE_LOG_MATCHING: Tx = tx("Log Matching", "日志匹配（Log Matching）");
pub const RULE_LEADER_COMPLETENESS: Tx =
    tx("Leader Completeness", "领导者完整性（Leader Completeness）");
pub const RULE_STATE_MACHINE_SAFETY: Tx = tx(
    "State Machine Safety",
    "状态机安全性（State Machine Safety）",
);

// ----- Raft's timing requirement (§5.6), shown in the status -----

pub const TIMING: Tx = tx("Timing (§5.6)", "时序要求（§5.6）");
pub const TIMING_OK: Tx = tx(
    "broadcast ≤ {b} ms ≪ election timeout {emin}–{emax} ms ✓",
    "广播时间 ≤ {b} ms ≪ 选举超时 {emin}–{emax} ms ✓",
);
pub const TIMING_TOO_SHORT: Tx = tx(
    "⚠ election timeout {emin} ms < a vote's round trip ({b} ms): leaders may never be elected",
    "⚠ 选举超时 {emin} ms 小于一次投票的往返时间（{b} ms）：可能永远选不出领导者",
);
pub const TIMING_NARROW: Tx = tx(
    "⚠ timeout window {emin}–{emax} ms is narrower than the latency spread ({spread} ms): split votes repeat",
    "⚠ 选举超时区间 {emin}–{emax} ms 比网络延迟的波动（{spread} ms）还窄：会反复瓜分选票",
);

/// What the monitor says broke, in both languages (the English is the protocol's own
/// sentence, so the two cannot drift apart).
pub const DETAILS: &[Tx] = {
    use crate::protocols::raft::invariants as inv;
    &[
        tx(
            inv::LOGS_DIFFER_BELOW_MATCH,
            "S{0} 与 S{1} 在日志条目 {2}（任期 {3}）上一致，却在条目 {4} 处不同",
        ),
        tx(inv::TWO_LEADERS, "S{0} 和 S{1} 同为任期 {2} 的领导者"),
        tx(
            inv::COMMIT_PAST_LOG,
            "S{0} 的提交索引为 {1}，但它的日志只有 {2} 个条目",
        ),
        tx(
            inv::COMMITTED_DIFFER,
            "S{0} 在索引 {2} 处提交了 {1}，另一台服务器在该处提交的是 {3}",
        ),
        tx(
            inv::LEADER_REWROTE_LOG,
            "任期 {1} 的领导者 S{0} 改写了条目 {2} 之前的日志（原有 {3} 个条目，现在 {4} 个）",
        ),
        tx(
            inv::LEADER_LACKS_COMMITTED,
            "任期 {1} 的领导者 S{0} 缺少在任期 {3} 已提交的条目 {2}",
        ),
    ]
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_narration_uses_the_course_terms() {
        let names = vec!["S1".to_string()];
        let zh = narrate(Lang::Zh, &RaftNote::StartedElection { term: 4 }, &names);
        assert!(zh.contains("选举超时") && zh.contains("任期"), "{zh}");
    }
}
