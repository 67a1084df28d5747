//! 中文字符串（术语依照课程笔记的术语表）。

use super::{value_name as val, CmdText, EngineEvent, Key, Names, Narration};
use crate::protocols::atomic_commit::Outcome;
use crate::protocols::paxos::{Ballot, PaxosNote};
use crate::protocols::raft::RaftNote;
use crate::protocols::three_pc::ThreeNote;
use crate::protocols::two_pc::TpcNote;
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
        Key::KeyboardHint => "快捷键：空格 播放/暂停 · → 单步 · ← 后退 · 1–9 选择节点",
        Key::Ms => "ms",
        Key::NavPaxos => "Paxos",
        Key::NavTwoPc => "2PC",
        Key::NavThreePc => "3PC",
        Key::Proposers => "提议者数量",
        Key::RetryTimeout => "提议者重试超时（毫秒）",
        Key::Backoff => "随机退避",
        Key::Distinguished => "指定唯一提议者（只有 P1 重试）",
        Key::Persist => "接受者持久化状态（取消勾选即可“弄坏” Paxos）",
        Key::VoteTimeout => "协调者等待投票超时（毫秒）",
        Key::CoordTimeout => "协调者超时（毫秒）",
        Key::PartTimeout => "参与者超时（毫秒）",
        Key::Acceptors => "接受者数量",
        Key::Participants => "参与者数量",
        Key::PaxosStrips => "接受者状态（已承诺 · 已接受）与提议者",
        Key::CommitStrips => "各节点的事务状态",
        Key::IntroRaft => "Raft 维护一致的复制日志：每个任期最多一个领导者，由多数派选出；领导者复制日志条目，过半节点保存后即提交。",
        Key::IntroPaxos => "Basic Paxos 就一个值达成一致。提议者为提案编号；接受者承诺不再理会更小的编号，并报告自己接受过的提案；某个编号下被多数派接受的值即被选定，永不改变。",
        Key::IntroTwoPc => "两阶段提交让所有参与者要么都提交、要么都回滚。投“同意”是一个承诺：在收到协调者的决定之前一直持有锁——所以协调者宕机会导致同步阻塞。",
        Key::IntroThreePc => "三阶段提交增加了 PreCommit，参与者超时后可以自行完成，不再阻塞。但在网络分区下，同样的规则可能让决定分裂。",
        Key::Presets => "预设场景",
        Key::FreePlay => "自由操作",
        Key::PresetHappy => "正常流程",
        Key::PresetProposerDies => "提议者在阶段一后宕机",
        Key::PresetDuel => "两个提议者互相抢占（活锁）",
        Key::PresetMinorityDown => "少数接受者宕机",
        Key::PresetAcceptorRestarts => "接受者在一轮中途重启",
        Key::PresetVoteNo => "有参与者投反对票",
        Key::PresetParticipantDown => "准备阶段有参与者宕机",
        Key::PresetCoordinatorCrash => "协调者宕机",
        Key::PresetPartialCommit => "提交只送达部分参与者",
        Key::PresetPartition => "PreCommit 之后发生网络分区",
        Key::AboutPaxosHappy => "一个提议者、没有故障：准备 → 承诺 → 接受 → 已接受，学习者学到 X。",
        Key::AboutPaxosProposerDies => "P1 的准备请求送达后、发出接受请求之前宕机。没有任何值被接受，所以 P2 稍后提议时，选定的是它自己的值 Y。",
        Key::AboutPaxosDuel => "P2 比 P1 晚半个重试周期开始。每个准备请求都恰好在对方的接受请求之前到达，于是每次接受都被拒绝，提案编号不断攀升——这就是活锁。勾选“随机退避”或“指定唯一提议者”后重置即可结束。",
        Key::AboutPaxosMinorityDown => "五个接受者中有两个一开始就宕机。三个承诺、三个接受仍是多数派：X 被选定。",
        Key::AboutPaxosAcceptorRestarts => "A1 在一轮中途宕机后重启。它的承诺和已接受的提案保存在磁盘上，所以 P2 提议时必须沿用已被选定的值。",
        Key::AboutTpcHappy => "所有参与者都投同意；协调者把“提交”写入日志，再逐个通知参与者。",
        Key::AboutTpcVoteNo => "P2 投反对票：协调者决定中断，所有投了同意的参与者回滚。",
        Key::AboutTpcParticipantDown => "准备阶段 P2 宕机，它的投票永远不会到来；协调者超时后决定中断。",
        Key::AboutTpcCoordinatorCrash => "协调者把提交决定写入日志后、发出之前宕机。所有投了同意的参与者都被阻塞、一直持有锁，直到协调者重启并从日志中恢复决定。",
        Key::AboutTpcPartialCommit => "协调者只把提交发给了 P1 就宕机。P1 提交了，其他参与者一直阻塞，直到协调者恢复。",
        Key::AboutThreeHappy => "所有参与者都投同意：CanCommit → PreCommit → DoCommit。",
        Key::AboutThreeCoordinatorCrash => "所有参与者都收到 PreCommit 后协调者宕机。没有人被阻塞：各自超时后自行提交。",
        Key::AboutThreePartition => "PreCommit 刚送达，网络分区把 P1–P2 隔离。协调者收不到它们的确认，决定中断，P3–P4 收到中断；P1–P2 已预提交又联系不上任何人，超时后自行提交。原子性被破坏：这正是 3PC 为了不阻塞而承担的风险。",
        Key::Proposer => "提议者",
        Key::Acceptor => "接受者",
        Key::Learner => "学习者",
        Key::Coordinator => "协调者",
        Key::Participant => "参与者",
        Key::Promised => "已承诺",
        Key::AcceptedProposal => "已接受",
        Key::ChosenValue => "被选定的值",
        Key::NoneYet => "尚无",
        Key::PhaseIdle => "空闲",
        Key::PhasePreparing => "准备中",
        Key::PhaseAccepting => "请求接受中",
        Key::PhaseChosen => "已选定",
        Key::PhaseGaveUp => "已放弃",
        Key::Attempts => "尝试次数",
        Key::Propose => "发起提案",
        Key::Begin => "开始事务",
        Key::VoteNo => "让它投反对票",
        Key::VoteYes => "让它投同意票",
        Key::WillVote => "将投",
        Key::StateInit => "等待中",
        Key::StatePrepared => "已投同意 · 持有锁",
        Key::StateUncertain => "已投同意 · 不确定",
        Key::StatePreCommitted => "已预提交",
        Key::StateCommitted => "已提交",
        Key::StateAborted => "已回滚",
        Key::StateRecovering => "恢复中 · 询问协调者",
        Key::Blocked => "阻塞",
        Key::DecisionLog => "决定日志",
        Key::CoordIdle => "空闲",
        Key::CoordCollecting => "收集投票中",
        Key::CoordFlushing => "正在把决定写入日志",
        Key::CoordSending => "正在发送决定",
        Key::CoordDone => "已完成",
        Key::CoordAwaitingAcks => "等待 PreCommit 确认",
        Key::Votes => "投票",
        Key::Acks => "确认",
        Key::RuleOneValue => "只有一个值被选定",
        Key::RuleLearnOnlyChosen => "只学习被选定的值",
        Key::RuleAtomicity => "原子性（全部提交或全部回滚）",
        Key::MsgPrepare => "准备 Prepare",
        Key::MsgPromise => "承诺 Promise",
        Key::MsgNack => "拒绝（已承诺更大编号）",
        Key::MsgAccept => "接受请求 Accept",
        Key::MsgAccepted => "已接受 Accepted",
        Key::MsgTpcPrepare => "准备",
        Key::MsgVoteYes => "投同意",
        Key::MsgVoteNo => "投反对",
        Key::MsgCommit => "提交",
        Key::MsgAbort => "中断",
        Key::MsgAck => "确认",
        Key::MsgInquiry => "询问决定",
        Key::MsgCanCommit => "CanCommit",
        Key::MsgPreCommit => "PreCommit",
        Key::MsgPreAck => "PreCommit 确认",
        Key::MsgDoCommit => "DoCommit",
        Key::MsgDone => "完成",
        Key::StatusChosen => "已选定",
        Key::StatusDecision => "协调者日志",
        Key::StatusBlocked => "阻塞中",
        Key::StatusOutcomes => "结果",
        Key::Timeline => "时间轴",
        Key::TimelineHint => "向回拖动可查看之前任意时刻；按“播放”从那里继续。在过去进行操作会开启新的未来。",
        Key::Share => "分享",
        Key::CopyLink => "复制链接",
        Key::CopyEmbed => "复制嵌入代码",
        Key::Copied => "已复制——也可以手动选择下面的文字",
        Key::SpaceTime => "时空图",
        Key::SpaceTimeHint => "每个节点一条竖线，时间向下流动；每个箭头是一条消息（✕：被丢弃）。悬停可在集群图中找到它。",
        Key::Experiments => "实验",
        Key::ExperimentsAbout => "Raft 论文图 16：五个节点选出领导者后，领导者宕机，测量集群没有领导者的时间——选举超时从 150–150 毫秒（没有随机性）到 150–300 毫秒。每次试验都是在同一个引擎上的完整模拟。",
        Key::Trials => "每个区间的试验次数",
        Key::Run => "运行",
        Key::Cancel => "取消",
        Key::ExportCsv => "导出 CSV",
        Key::ExportSvg => "导出 SVG",
        Key::ExportPng => "导出 PNG",
        Key::ExportTrace => "导出本次运行的轨迹（JSON）",
        Key::Median => "中位数",
        Key::P95 => "95 分位",
        Key::LeaderlessMs => "没有领导者的时间（毫秒，对数坐标）",
        Key::TimeoutRange => "选举超时",
        Key::Progress => "进度",
        Key::Tours => "引导教程",
        Key::TourContinue => "继续",
        Key::TourExit => "退出教程",
        Key::TourWaiting => "请在集群图中完成这一步操作。",
        Key::TourDone => "教程结束。继续动手试试吧！",
        Key::TourRaftTitle => "Raft：选举与重新选举",
        Key::TourRaft1 => "五个节点都以跟随者身份启动。每个节点外圈的圆环是它的选举超时计时器，在 150 到 300 毫秒之间随机；最先超时的节点成为候选者，向其他节点请求投票。按“继续”观看。",
        Key::TourRaft2 => "一个候选者获得了多数派（5 票中的 3 票）投票，成为领导者；它现在发送心跳，使其他节点不再超时。让领导者宕机：点击它，再点“使其宕机”。跟随者们会怎么做？",
        Key::TourRaft3 => "心跳停止了。某个跟随者最先超时，在更高的任期发起选举并获胜。现在向一个跟随者发送客户端请求：点击它，再点“发送客户端请求”。",
        Key::TourRaft4 => "跟随者把请求转发给了领导者，领导者追加并复制了这个日志条目；过半节点保存后即被提交（下方日志中实线边框）。",
        Key::TourPaxosTitle => "Paxos：准备、承诺、接受",
        Key::TourPaxos1 => "P1 将向三个接受者提议 X。阶段一：准备请求 (1.P1) 发给每个接受者；接受者承诺不再理会更小的编号，并报告自己已接受过的提案（目前没有）。按“继续”。",
        Key::TourPaxos2 => "多数派已承诺，于是 P1 发出了接受请求 (1.P1, X)。在接受请求到达之前让一个接受者宕机：点击 A1，再点“使其宕机”。X 还会被选定吗？",
        Key::TourPaxos3 => "三个接受者中有两个接受了 X：仍是多数派，所以 X 被选定，学习者也学到了它。少数节点故障无法阻止 Paxos。接下来试试“两个提议者互相抢占”预设。",
        Key::TourTpcTitle => "2PC：为什么协调者宕机会导致阻塞",
        Key::TourTpc1 => "一个协调者 C 和三个参与者。开始事务：点击 C，再点“开始事务”。",
        Key::TourTpc2 => "所有参与者都投了同意：各自写下准备记录，在决定到来之前一直持有锁。协调者刚把“提交”写入日志。现在让协调者宕机：点击 C，再点“使其宕机”。",
        Key::TourTpc3 => "参与者被阻塞了：投了同意就不能自行决定，只能持有锁并不断询问——看着“阻塞”计时不断增长。重启协调者：点击 C，再点“重启”。",
        Key::TourTpc4 => "协调者在日志中找到了“提交”并重新发送；所有参与者提交并释放了锁。同步阻塞是 2PC 的代价——对比一下 3PC 的预设场景。",
        Key::NavGossip => "Gossip",
        Key::NavRing => "一致性哈希",
        Key::NavBloom => "布隆过滤器",
        Key::IntroGossip => "Gossip 协议像传染病一样传播谣言：每个周期，每个节点随机联系几个节点（推、拉或推拉结合）。感染数量的变化与理论曲线吻合——实时对比。",
        Key::IntroRing => "一致性哈希把节点（每个节点有许多虚拟节点）和键放在同一个哈希环上；键属于顺时针方向的下一个节点。增加或删除一个节点只迁移约 1/N 的键——取模 (hash mod N) 则会迁移大部分键。",
        Key::IntroBloom => "布隆过滤器用 m 位的位数组和 k 个哈希函数回答“一定不存在”或“可能存在”：不会漏报，偶尔误判（假阳性），误判率与公式 (1 − e^(−kn/m))^k 吻合。",
        Key::GossipMode => "传播方式",
        Key::ModePush => "推 (push)",
        Key::ModePull => "拉 (pull)",
        Key::ModePushPull => "推拉 (push-pull)",
        Key::Fanout => "扇出（每周期联系的节点数）",
        Key::Period => "周期（毫秒）",
        Key::Termination => "谣言传播何时停止",
        Key::StopNever => "从不",
        Key::StopCounter => "无效联系 k 次后",
        Key::StopCoin => "每次无效联系后以 1/k 概率",
        Key::StopK => "k",
        Key::AntiEntropy => "每隔多少个周期做一次反熵（0：关闭）",
        Key::VirtualNodes => "每个节点的虚拟节点数",
        Key::Keys => "键的数量",
        Key::Replicas => "副本数 R",
        Key::Bits => "位数组大小 m",
        Key::HashFunctions => "哈希函数个数 k",
        Key::PhysicalNodes => "物理节点数",
        Key::PresetSpread => "推拉传播",
        Key::PresetMongering => "谣言传播（有残留）",
        Key::PresetAntiEntropy => "谣言传播 + 反熵",
        Key::PresetDeadNodes => "20% 节点宕机",
        Key::AboutGossipSpread => "一个节点发起谣言；推拉结合、扇出为 1 时，大约 log₃ n 个周期传遍所有节点。观察实测曲线与理论曲线的吻合。",
        Key::AboutGossipMongering => "只推送，且每个节点在第一次无效联系后就停止传播。谣言很早就消亡，留下残留：永远没有听到的节点。",
        Key::AboutGossipAntiEntropy => "同样的谣言传播，再加上每 5 个周期与一个随机节点做一次反熵同步：残留的节点也会慢慢被感染。",
        Key::AboutGossipDeadNodes => "五分之一的节点一开始就宕机。Gossip 会绕开它们：所有存活节点仍然会听到谣言，只是稍晚一些。",
        Key::Infected => "已感染",
        Key::Susceptible => "未感染",
        Key::StoppedSpreading => "已停止传播",
        Key::StartRumour => "从这里发起谣言",
        Key::FullSpread => "全部感染于第",
        Key::Theory => "理论",
        Key::Measured => "实测",
        Key::Residue => "残留（从未到达）",
        Key::Round => "周期",
        Key::MsgPush => "推送",
        Key::MsgPushAck => "推送回复",
        Key::MsgPull => "拉取请求",
        Key::MsgPullReply => "拉取回复",
        Key::MsgSync => "反熵",
        Key::InfectedOverTime => "每个周期的感染节点数",
        Key::AddNode => "+ 增加节点",
        Key::RemoveNode => "点击节点即可删除",
        Key::MovedKeys => "迁移的键",
        Key::RingChangeHint => "增加一个节点，或点击某节点的 ✕ 移除它：需要迁移的键会在环上闪烁，并在这里计数，旁边是取模 (hash mod N) 会迁移的数量。",
        Key::ExpectedMoved => "期望 ≈ 1/N",
        Key::ModNMoved => "取模方式会迁移",
        Key::LoadPerNode => "每个节点的键数",
        Key::MeanLoad => "平均",
        Key::MaxOverMean => "最大 / 平均",
        Key::StdDev => "标准差",
        Key::PreferenceList => "键的副本列表",
        Key::KeyIndex => "键编号",
        Key::AfterLeave => "如果第一个节点离开",
        Key::ConsistentHashing => "一致性哈希",
        Key::ModN => "取模 (hash mod N)",
        Key::Word => "单词",
        Key::Insert => "插入",
        Key::Query => "查询",
        Key::InsertRandom => "插入 20 个随机单词",
        Key::MeasureFp => "查询 1000 个不存在的单词",
        Key::OutcomeMiss => "一定不存在——有一位是 0，所以从未插入过",
        Key::OutcomeHit => "命中——所有位都是 1，并且确实插入过",
        Key::OutcomeFp => "误判（假阳性）——所有位都是 1，但从未插入过",
        Key::BitsSet => "已置位",
        Key::MeasuredFp => "实测误判率",
        Key::FormulaFp => "公式 (1 − e^(−kn/m))^k",
        Key::OptimalK => "最优 k = (m/n)·ln 2",
        Key::CachePenetration => "缓存穿透",
        Key::CachePenetrationAbout => "攻击者请求根本不存在的键：缓存每次都未命中，每个请求都打到数据库。把这个布隆过滤器放在前面：只有它误判的请求会漏过去。",
        Key::SendRequests => "发送 1000 个不存在的键的请求",
        Key::DbWithout => "没有过滤器时的数据库访问",
        Key::DbWith => "有过滤器时的数据库访问",
        Key::Items => "元素个数 n",
        Key::SweepGossip => "传遍所有节点所需的周期数与节点数 N 的关系（推拉、扇出 1）：多次运行的平均值与平均场理论预测对比。",
        Key::SweepBloom => "误判率与元素个数 n 的关系（m = 1024 位，k = 5）：实测值与 (1 − e^(−kn/m))^k 对比。",
        Key::SweepRing => "负载倾斜（每个节点键数的最大值 / 平均值）与每个节点的虚拟节点数的关系（10 个节点，10000 个键）：虚拟节点越多，数据倾斜越小。",
        Key::Mean => "平均",
        Key::Status => "状态",
    }
}

fn ballot(b: &Ballot, names: Names) -> String {
    format!("({}, {})", b.round, names[b.proposer])
}

fn outcome(o: Outcome) -> &'static str {
    match o {
        Outcome::Commit => "提交",
        Outcome::Abort => "中断",
    }
}

pub fn narrate(n: Narration, names: Names) -> String {
    let s = |id: usize| names[id].clone();
    match n {
        Narration::Raft(note) => match *note {
            RaftNote::StartedElection { term } => {
                format!("选举超时：成为候选者，发起任期 {term} 的选举")
            }
            RaftNote::BecameLeader { term, votes } => {
                format!("获得 {votes} 票（过半），成为任期 {term} 的领导者")
            }
            RaftNote::SteppedDown { term, from } => {
                format!("从 {} 处看到更高的任期 {term}，退回跟随者", s(from))
            }
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
        },
        Narration::Paxos(note) => match *note {
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
        },
        Narration::TwoPc(note) => match *note {
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
            TpcNote::Decided(o) => format!("决定{}：正在写入日志", outcome(o)),
            TpcNote::Logged(o) => format!("“{}”决定已写入磁盘", outcome(o)),
            TpcNote::SentDecision { to, d } => format!("向 {} 发送{}", s(to), outcome(d)),
            TpcNote::Finished(o) => format!("收到{}，释放锁", outcome(o)),
            TpcNote::StillBlocked => "仍被阻塞：再次向协调者询问决定".into(),
            TpcNote::RecoveredDecision(o) => {
                format!("重启后在日志中找到“{}”，重新发送", outcome(o))
            }
            TpcNote::PresumedAbort => "重启后日志中没有决定：推定中断".into(),
            TpcNote::WillVoteNo(no) => format!("将投{}", if no { "反对票" } else { "同意票" }),
            TpcNote::AllAcked => "所有参与者都已确认：事务结束".into(),
        },
        Narration::ThreePc(note) => match *note {
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
            ThreeNote::Recovered(o) => format!("重启后完成事务：{}", outcome(o)),
            ThreeNote::Recovering => {
                "在事务中途重启：可能错过了消息，不能自行决定，改为询问协调者".into()
            }
        },
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

fn command(c: CmdText) -> String {
    match c {
        CmdText::ClientRequest(cmd) => format!("客户端发送命令 {cmd} 给"),
        CmdText::ForceTimeout => "你触发了选举超时：".into(),
        CmdText::Propose => "你让它发起提案：".into(),
        CmdText::Begin => "你开始了事务：".into(),
        CmdText::SetVoteNo(true) => "你设置为投反对票：".into(),
        CmdText::SetVoteNo(false) => "你设置为投同意票：".into(),
    }
}

pub fn engine_event(e: &EngineEvent, names: Names) -> String {
    let s = |id: &usize| names[*id].clone();
    match e {
        EngineEvent::Crashed(n) => format!("{} 宕机", s(n)),
        EngineEvent::Restarted(n) => format!("{} 重启", s(n)),
        EngineEvent::LinkCut(a, b) => format!("链路 {}–{} 被切断", s(a), s(b)),
        EngineEvent::LinkHealed(a, b) => format!("链路 {}–{} 已恢复", s(a), s(b)),
        EngineEvent::Dropped {
            what,
            from,
            to,
            reason: r,
        } => format!("{} {}→{} {}", text(*what), s(from), s(to), reason(*r)),
        EngineEvent::Command(n, c) => format!("{} {}", command(*c), s(n)),
        EngineEvent::Violation(k) => format!("不变式被违反：{}", text(*k)),
    }
}

pub fn notice(n: &Notice) -> String {
    match n {
        Notice::Malformed { field, value } => {
            format!("“{field}={value}” 不是有效的值，已使用默认值。")
        }
        Notice::Clamped { field, value, to } => {
            format!("“{field}={value}” 超出范围，已调整为 {to}。")
        }
        Notice::UnknownField { field } => format!("“{field}” 不是本页面认识的设置，已忽略。"),
        Notice::UnknownPage { page } => format!("没有名为 “{page}” 的页面，已显示 Raft。"),
    }
}
