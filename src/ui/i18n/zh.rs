//! 中文字符串（术语依照课程笔记的术语表）。

use super::{node_name as s, EngineEvent, Key};
use crate::protocols::raft::RaftNote;
use crate::sim::DropReason;
use crate::ui::scenario::Notice;

pub fn text(key: Key) -> &'static str {
    match key {
        Key::AppTitle => "分布式系统演练场",
        Key::AppTagline => "在虚拟时钟上运行真实的协议状态机。动手制造故障，观察协议如何应对。",
        Key::LangToggle => "English",
        Key::NavRaft => "Raft",
        Key::Play => "播放",
        Key::Pause => "暂停",
        Key::Step => "单步",
        Key::Reset => "重置",
        Key::Speed => "速度",
        Key::SpeedHint => "1× = 每秒推进 50 毫秒模拟时间",
        Key::RandomSeed => "换一个随机种子",
        Key::Seed => "随机种子",
        Key::Nodes => "节点数",
        Key::ElectionMin => "选举超时下限（毫秒）",
        Key::ElectionMax => "选举超时上限（毫秒）",
        Key::Heartbeat => "心跳间隔（毫秒）",
        Key::LatencyMin => "网络延迟下限（毫秒）",
        Key::LatencyMax => "网络延迟上限（毫秒）",
        Key::Loss => "消息丢失率（%）",
        Key::Apply => "应用并重新开始",
        Key::HealAll => "恢复所有链路",
        Key::SplitCluster => "网络分区：少数派 | 多数派",
        Key::Isolate => "隔离（切断它的所有链路）",
        Key::VirtualTime => "虚拟时间",
        Key::Settings => "设置",
        Key::Follower => "跟随者",
        Key::Candidate => "候选者",
        Key::Leader => "领导者",
        Key::Crashed => "宕机",
        Key::Term => "任期",
        Key::VotedFor => "投票给",
        Key::CommitIndex => "提交索引",
        Key::Log => "日志",
        Key::NextIndex => "nextIndex（下一索引）",
        Key::MatchIndex => "matchIndex（匹配索引）",
        Key::Nobody => "无",
        Key::Kill => "使其宕机",
        Key::Restart => "重启",
        Key::ForceTimeout => "立即选举超时",
        Key::ClientRequest => "发送客户端请求",
        Key::Cut => "切断",
        Key::Heal => "恢复",
        Key::LinkUp => "链路正常",
        Key::LinkCut => "链路已切断",
        Key::Inspector => "详情",
        Key::InspectorHint => "点击节点可使其宕机、重启或发送请求；点击链路可切断或恢复；点击飞行中的消息可将其丢弃。",
        Key::NodeActions => "节点操作",
        Key::LinkActions => "链路",
        Key::EventLog => "事件日志",
        Key::EventLogEmpty => "还没有发生任何事件。请按“播放”。",
        Key::Logs => "日志（索引 · 任期 · 命令）",
        Key::Committed => "已提交",
        Key::Legend => "图例",
        Key::MsgRequestVote => "请求投票 RequestVote",
        Key::MsgVoteGranted => "同意投票",
        Key::MsgVoteRefused => "拒绝投票",
        Key::MsgAppendEntries => "追加条目 AppendEntries",
        Key::MsgHeartbeat => "心跳",
        Key::MsgAppendOk => "追加成功",
        Key::MsgAppendFail => "追加被拒绝",
        Key::MsgRedirect => "转发的请求",
        Key::ClickToDrop => "点击丢弃这条消息",
        Key::ClickToToggleLink => "点击切断或恢复这条链路",
        Key::ViolationTitle => "不变式被违反",
        Key::RuleElectionSafety => "选举安全性（Election Safety）",
        Key::RuleLogMatching => "日志匹配（Log Matching）",
        Key::RuleLeaderCompleteness => "领导者完整性（Leader Completeness）",
        Key::RuleStateMachineSafety => "状态机安全性（State Machine Safety）",
        Key::NoticeTitle => "链接中的部分设置未被采用",
        Key::Dismiss => "关闭",
        Key::PanicMessage => "模拟器内部出错。请刷新页面；你的场景保存在地址栏中。",
        Key::KeyboardHint => "快捷键：空格 播放/暂停 · → 单步 · 1–9 选择节点",
        Key::Ms => "ms",
    }
}

pub fn raft_note(note: &RaftNote) -> String {
    match *note {
        RaftNote::StartedElection { term } => format!("选举超时：成为候选者，发起任期 {term} 的选举"),
        RaftNote::BecameLeader { term, votes } => format!("获得 {votes} 票（过半），成为任期 {term} 的领导者"),
        RaftNote::SteppedDown { term, from } => format!("从 {} 处看到更高的任期 {term}，退回跟随者", s(from)),
        RaftNote::GrantedVote { term, to } => format!("在任期 {term} 投票给 {}", s(to)),
        RaftNote::RefusedVoteLog { term, to } => format!("在任期 {term} 拒绝投票给 {}：候选者的日志不够新", s(to)),
        RaftNote::RefusedVoteAlreadyVoted { term, to, voted_for } => {
            format!("在任期 {term} 拒绝投票给 {}：本任期已投票给 {}", s(to), s(voted_for))
        }
        RaftNote::RejectedAppend { prev_log_index } => format!("拒绝 AppendEntries：索引 {prev_log_index} 处没有匹配的日志条目"),
        RaftNote::TruncatedLog { from_index } => format!("删除从索引 {from_index} 开始的冲突日志条目"),
        RaftNote::AppendedEntries { count, last_index } => format!("追加了 {count} 个日志条目，日志末尾索引为 {last_index}"),
        RaftNote::BackedOff { follower, next_index } => format!("{} 拒绝了追加：回退 nextIndex 到 {next_index} 重试", s(follower)),
        RaftNote::Committed { index } => format!("提交索引推进到 {index}"),
        RaftNote::AcceptedRequest { cmd, index } => format!("接受客户端命令 {cmd}，写入索引 {index}"),
        RaftNote::RedirectedRequest { cmd, leader } => format!("不是领导者：把命令 {cmd} 转发给 {}", s(leader)),
        RaftNote::RejectedRequest { cmd } => format!("不知道谁是领导者：命令 {cmd} 被拒绝，客户端需要重试"),
        RaftNote::Booted { term, log_len } => format!("以跟随者身份启动，任期 {term}，日志有 {log_len} 个条目"),
    }
}

fn reason(r: DropReason) -> &'static str {
    match r {
        DropReason::Lost => "在网络中丢失",
        DropReason::LinkCut => "撞上了被切断的链路",
        DropReason::NodeDown => "到达了宕机的节点",
        DropReason::ByUser => "被你丢弃",
    }
}

pub fn engine_event(e: &EngineEvent) -> String {
    match e {
        EngineEvent::Crashed(n) => format!("{} 宕机", s(*n)),
        EngineEvent::Restarted(n) => format!("{} 重启", s(*n)),
        EngineEvent::LinkCut(a, b) => format!("链路 {}–{} 被切断", s(*a), s(*b)),
        EngineEvent::LinkHealed(a, b) => format!("链路 {}–{} 已恢复", s(*a), s(*b)),
        EngineEvent::Dropped { what, from, to, reason: r } => format!("{} {}→{} {}", text(*what), s(*from), s(*to), reason(*r)),
        EngineEvent::ClientRequest { node, cmd } => format!("客户端向 {} 发送命令 {cmd}", s(*node)),
        EngineEvent::ForcedTimeout(n) => format!("你触发了 {} 的选举超时", s(*n)),
        EngineEvent::Violation(k) => format!("不变式被违反：{}", text(*k)),
    }
}

pub fn notice(n: &Notice) -> String {
    match n {
        Notice::Malformed { field, value } => format!("“{field}={value}” 不是有效的值，已使用默认值。"),
        Notice::Clamped { field, value, to } => format!("“{field}={value}” 超出范围，已调整为 {to}。"),
        Notice::UnknownField { field } => format!("“{field}” 不是本页面认识的设置，已忽略。"),
        Notice::UnknownPage { page } => format!("没有名为 “{page}” 的页面，已显示 Raft。"),
    }
}
