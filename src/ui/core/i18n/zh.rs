//! 中文字符串（术语依照课程笔记的术语表）。

use super::{CmdText, EngineEvent, Key, Lang, Names};
use crate::sim::DropReason;
use crate::ui::core::notice::Notice;

pub fn text(key: Key) -> &'static str {
    match key {
        Key::PauseButtonMs => "暂停按钮：停顿时长（毫秒）",
        Key::ClockButtonsMs => "时钟按钮：跳变幅度（毫秒）",
        Key::ConsistencyTitle => "本次运行的一致性",
        Key::ConsistencyAbout => "客户端的操作（调用、返回、值）构成一段历史；检查器判断它满足哪种一致性模型——线性一致性用 Wing & Gong 搜索，顺序一致性与因果一致性各有搜索——以及违反了哪些会话保证，并给出证据操作。",
        Key::CheckRun => "检查当前历史",
        Key::ModelLinearizable => "线性一致性（强一致性）",
        Key::ModelSequential => "顺序一致性",
        Key::ModelCausal => "因果一致性",
        Key::ModelEventual => "至多最终一致性",
        Key::SessionRyw => "读写一致性（读己之写）",
        Key::SessionMr => "单调读",
        Key::SessionMw => "单调写",
        Key::SessionWfr => "写跟随读",
        Key::Holds => "满足",
        Key::Broken => "违反",
        Key::Undecided => "在检查器的预算内未能判定",
        Key::StrongestModel => "满足的最强模型",
        Key::HistoryTooLong => "这段历史超过了本页检查的上限（最多 400 个操作）：请降低负载速率，或在运行早些时候检查。",
        Key::NoOpsYet => "还没有操作：先让客户端读写。",
        Key::WhyRyw => "没有读到自己的写入",
        Key::WhyMr => "后一次读到了更旧的写入",
        Key::WhyMw => "看到某个客户端的写入顺序颠倒了",
        Key::WhyWfr => "基于读到的值所做的写入，反而先于该值被看到",
        Key::NoLinearOrder => "找不到同时符合真实时间先后与寄存器语义的操作顺序",
        Key::SaveScenario => "保存场景文件",
        Key::OpenScenario => "打开场景文件",
        Key::Home => "首页",
        Key::HomeIntro => "从课程笔记中选一个机制。每个页面都在虚拟时钟上运行真实的状态机：让节点宕机、切断链路、丢弃消息、回退时间，并把这次运行原样分享为链接。",
        Key::ComingSoon => "即将推出",
        Key::AppTitle => "分布式系统演练场",
        Key::AppTagline => "在虚拟时钟上运行真实的协议状态机。动手制造故障，观察协议如何应对。",
        Key::LangToggle => "English",
        Key::Play => "播放",
        Key::Pause => "暂停",
        Key::Step => "单步",
        Key::Reset => "重置",
        Key::Speed => "速度",
        Key::SpeedHint => "1× = 每秒推进 50 毫秒模拟时间",
        Key::RandomSeed => "换一个随机种子",
        Key::Seed => "随机种子",
        Key::Nodes => "节点数",
        Key::LatencyMin => "网络延迟下限（毫秒）",
        Key::LatencyMax => "网络延迟上限（毫秒）",
        Key::Loss => "消息丢失率（%）",
        Key::Duplicate => "消息重复率（%）",
        Key::DuplicateCopy => "网络产生的重复消息",
        Key::HealAll => "恢复所有链路",
        Key::SplitCluster => "网络分区：少数派 | 多数派",
        Key::Isolate => "隔离（切断它的所有链路）",
        Key::VirtualTime => "虚拟时间",
        Key::Settings => "设置",
        Key::Crashed => "宕机",
        Key::Kill => "使其宕机",
        Key::Paused => "暂停中",
        Key::PauseNode => "暂停",
        Key::ClockJump => "时钟",
        Key::LocalClock => "本地时钟",
        Key::TrueTime => "真实时间",
        Key::Restart => "重启",
        Key::Cut => "切断",
        Key::Heal => "恢复",
        Key::LinkUp => "链路正常",
        Key::LinkCut => "链路已切断",
        Key::Inspector => "详情",
        Key::InspectorHint => "点击节点可使其宕机、重启或发送请求；点击链路可切断或恢复；点击飞行中的消息（或时空图中的箭头）可查看其内容并将其丢弃。",
        Key::NodeActions => "节点操作",
        Key::EventLog => "事件日志",
        Key::EventLogEmpty => "还没有发生任何事件。请按“播放”。",
        Key::Legend => "图例",
        Key::ClickToDrop => "点击查看消息内容（并可丢弃）",
        Key::ClickToToggleLink => "点击切断或恢复这条链路",
        Key::ViolationTitle => "不变式被违反",
        Key::NoticeTitle => "链接中的部分设置未被采用",
        Key::Dismiss => "关闭",
        Key::PageFetching => "正在加载本页……",
        Key::PageFetchFailed => "本页未能下载（网络连接可能中断）。你的场景仍保存在地址栏中。",
        Key::TryAgain => "重试",
        Key::PanicMessage => "模拟器内部出错。请刷新页面；你的场景保存在地址栏中。",
        Key::KeyboardHint => "快捷键：空格 播放/暂停 · → 单步 · ← 后退 · 1–9 选择节点",
        Key::Presets => "预设场景",
        Key::FreePlay => "自由操作",
        Key::PresetHappy => "正常流程",
        Key::Timeline => "时间轴",
        Key::TimelineHint => "向回拖动可查看之前任意时刻；按“播放”从那里继续。在过去进行操作会开启新的未来。",
        Key::Share => "分享",
        Key::CopyLink => "复制链接（从头播放）",
        Key::CopyLinkNow => "复制此刻的链接",
        Key::More => "展开 ▾",
        Key::Less => "收起 ▴",
        Key::CopyEmbed => "复制嵌入代码",
        Key::Copied => "已复制——也可以手动选择下面的文字",
        Key::SpaceTime => "时空图",
        Key::SpaceTimeHint => "每个节点一条竖线，时间向下流动；每个箭头是一条消息（✕：被丢弃）。悬停可在集群图中找到它。滚动（或 ▲ ▼）可回看整个运行过程；+ 和 − 缩放。",
        Key::MsLeft => "毫秒后触发",
        Key::MsgTitle => "消息",
        Key::MsgSent => "发送时间",
        Key::MsgArrives => "预计到达",
        Key::MsgArrived => "送达时间",
        Key::MsgDropped => "丢弃时间",
        Key::MsgDoomed => "所在链路已切断：消息将在断点处丢失",
        Key::MsgFlying => "传输中",
        Key::MsgCarries => "内容",
        Key::MsgDrop => "✕ 丢弃这条消息",
        Key::MsgNotKept => "这条消息早于页面保留的轨迹。",
        Key::StEarlier => "更早（向上滚动）",
        Key::StLater => "更晚（向下滚动）",
        Key::StZoomIn => "放大（显示更短的时间）",
        Key::StZoomOut => "缩小（显示更长的时间）",
        Key::StFollow => "跟随运行",
        Key::StPinned => "正在查看较早的时刻",
        Key::Experiments => "实验",
        Key::ExperimentsAbout => "Raft 论文图 16（§9.3），按论文的设置：五个节点的日志各不相同（三个节点有完整日志，两个在后面带有旧任期的条目，因此这两个不可能当选），心跳间隔为最小选举超时的一半，领导者在心跳间隔内的随机时刻宕机。测量集群没有领导者的时间。上图：选举超时的随机性逐渐增加；下图：按比例缩放最小超时。论文自己的数字列在我们的结果旁边；我们的网络单程延迟为 5–10 毫秒。",
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
        Key::Fig16Randomness => "上图：超时的随机性",
        Key::Fig16MinTimeout => "下图：最小超时",
        Key::Mean => "平均值",
        Key::Slowest => "最慢",
        Key::PaperSays => "论文",
        Key::NoLeaderInCap => "10 秒内没有领导者",
        Key::Tours => "引导教程",
        Key::TourContinue => "继续",
        Key::TourExit => "退出教程",
        Key::TourWaiting => "请在集群图中完成这一步操作。",
        Key::TourDone => "教程结束。继续动手试试吧！",
        Key::TourPlaying => "继续运行到下一步……",
        Key::TourWaitingState => "仍在运行：下一步要等集群进入它所描述的状态。",
        Key::Theory => "理论",
        Key::Measured => "实测",
        Key::Round => "周期",
        Key::InfectedOverTime => "每个周期的感染节点数",
        Key::SweepGossip => "传遍所有节点所需的周期数与节点数 N 的关系（推拉、扇出 1）：多次运行的平均值与平均场理论预测对比。",
        Key::SweepBloom => "误判率与元素个数 n 的关系（m = 1024 位，k = 5）：实测值与 (1 − e^(−kn/m))^k 对比。",
        Key::SweepRing => "负载倾斜（每个节点键数的最大值 / 平均值）与每个节点的虚拟节点数的关系（10 个节点，10000 个键）：虚拟节点越多，数据倾斜越小。",
        Key::Status => "状态",
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

/// A command a user gave, told beside the node's name (so never naming it again).
fn command(c: CmdText) -> String {
    match c {
        CmdText::ClientRequest(cmd) => format!("客户端向它发送命令 {cmd}"),
        CmdText::ForceTimeout => "你触发了它的选举超时".into(),
        CmdText::Propose => "你让它发起提案".into(),
        CmdText::Begin => "你在此开始了事务".into(),
        CmdText::SetVoteNo(true) => "你让它投反对票".into(),
        CmdText::SetVoteNo(false) => "你让它投同意票".into(),
        CmdText::Named(t) => format!("你向它发出了命令“{}”", t.get(Lang::Zh)),
    }
}

/// A command the preset's script gave (never "you").
fn scripted_command(c: CmdText) -> String {
    match c {
        CmdText::ClientRequest(cmd) => format!("客户端向它发送命令 {cmd}"),
        CmdText::ForceTimeout => "场景触发了它的选举超时".into(),
        CmdText::Propose => "场景让它发起提案".into(),
        CmdText::Begin => "场景在此开始了事务".into(),
        CmdText::SetVoteNo(true) => "场景让它投反对票".into(),
        CmdText::SetVoteNo(false) => "场景让它投同意票".into(),
        CmdText::Named(t) => format!("场景向它发出了命令“{}”", t.get(Lang::Zh)),
    }
}

pub fn engine_event(e: &EngineEvent, names: Names) -> String {
    let s = |id: &usize| names[*id].clone();
    match e {
        EngineEvent::Crashed(_) => "宕机".into(),
        EngineEvent::Restarted(_) => "重启".into(),
        EngineEvent::Paused(_, span) => format!(
            "暂停 {} ms（如 GC 停顿：期间不处理任何事件，状态全部保留）",
            span / crate::sim::MS
        ),
        EngineEvent::Resumed(_) => "恢复运行：如同什么时间都没有流逝".into(),
        EngineEvent::ClockJumped(_, d) => format!(
            "时钟{} {} ms",
            if *d >= 0 {
                "向前跳变"
            } else {
                "向后回拨"
            },
            d.unsigned_abs() / crate::sim::MS
        ),
        EngineEvent::LinkCut(a, b) => format!("链路 {}–{} 被切断", s(a), s(b)),
        EngineEvent::LinkHealed(a, b) => format!("链路 {}–{} 已恢复", s(a), s(b)),
        EngineEvent::Dropped {
            what,
            from,
            to,
            reason: r,
        } => format!(
            "{} {}→{} {}",
            what.get(Lang::Zh),
            s(from),
            s(to),
            reason(*r)
        ),
        EngineEvent::Command(_, c, false) => command(*c),
        EngineEvent::Command(_, c, true) => scripted_command(*c),
        EngineEvent::Violation(k) => format!("不变式被违反：{}", k.get(Lang::Zh)),
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
        Notice::LinkVersion { found, newer: true } => format!("此链接由更新版本的应用生成（格式 {found}），运行结果可能与生成链接时不同。"),
        Notice::More { count } => super::more_notices(Lang::Zh, *count),
        Notice::StoppedShort { target, at } => format!("此链接在 {target} 打开，但在这些设置下运行到那里太久：已停在 {at}。按播放可从这里继续。"),
        Notice::LinkVersion { found, newer: false } => format!("此链接来自旧版本的应用（格式 {found}），本版本的随机抽取方式已改变，运行结果可能与生成链接时不同。"),
        Notice::UnknownPage { page } => format!("没有名为 “{page}” 的页面，已显示 Raft。"),
    }
}
