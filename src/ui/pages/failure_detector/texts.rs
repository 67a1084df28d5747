//! The failure-detector page's own words, in English and Chinese (the course notes' terms,
//! see shared/GLOSSARY.md: 心跳机制, 故障检测, Phi 累计故障检测, 怀疑级别, 阈值, 超时).

use crate::protocols::failure_detector::{Detector, FdNote};
use crate::ui::core::i18n::Lang;
#[allow(unused_imports)]
use crate::ui::core::text::{tx, Tx};

/// A detector's name.
pub fn detector(lang: Lang, by: Detector) -> &'static str {
    match (lang, by) {
        (Lang::En, Detector::Timeout) => "the fixed timeout",
        (Lang::Zh, Detector::Timeout) => "固定超时",
        (Lang::En, Detector::Phi) => "φ accrual",
        (Lang::Zh, Detector::Phi) => "Phi 累计检测",
    }
}

/// The narration of one of the protocol's notes, in `lang`.
pub fn narrate(lang: Lang, note: &FdNote, names: &[String]) -> String {
    let s = |id: usize| names.get(id).cloned().unwrap_or_default();
    let d = |by| detector(lang, by);
    let phi = |tenths: u64| format!("{}.{}", tenths / 10, tenths % 10);
    match (lang, note) {
        (
            Lang::En,
            FdNote::Suspected {
                process,
                by: Detector::Timeout,
                elapsed_ms,
                ..
            },
        ) => {
            format!(
                "{}: suspects {} — no heartbeat for {elapsed_ms} ms",
                d(Detector::Timeout),
                s(*process)
            )
        }
        (
            Lang::Zh,
            FdNote::Suspected {
                process,
                by: Detector::Timeout,
                elapsed_ms,
                ..
            },
        ) => {
            format!(
                "{}：怀疑 {}——已 {elapsed_ms} ms 没有心跳",
                d(Detector::Timeout),
                s(*process)
            )
        }
        (
            Lang::En,
            FdNote::Suspected {
                process,
                by: Detector::Phi,
                elapsed_ms,
                phi_tenths,
            },
        ) => {
            format!(
                "{}: suspects {} — φ = {} after {elapsed_ms} ms without a heartbeat",
                d(Detector::Phi),
                s(*process),
                phi(*phi_tenths)
            )
        }
        (
            Lang::Zh,
            FdNote::Suspected {
                process,
                by: Detector::Phi,
                elapsed_ms,
                phi_tenths,
            },
        ) => {
            format!(
                "{}：怀疑 {}——{elapsed_ms} ms 无心跳后怀疑级别 φ = {}",
                d(Detector::Phi),
                s(*process),
                phi(*phi_tenths)
            )
        }
        (
            Lang::En,
            FdNote::Trusted {
                process,
                by,
                late_ms,
            },
        ) => {
            format!(
                "{}: a heartbeat from {} ({late_ms} ms after the last) — suspicion withdrawn",
                d(*by),
                s(*process)
            )
        }
        (
            Lang::Zh,
            FdNote::Trusted {
                process,
                by,
                late_ms,
            },
        ) => {
            format!(
                "{}：收到 {} 的心跳（距上次 {late_ms} ms）——撤销怀疑",
                d(*by),
                s(*process)
            )
        }
        (
            Lang::En,
            FdNote::Restarted {
                process,
                incarnation,
            },
        ) => {
            format!(
                "{} restarted (incarnation {incarnation}): its heartbeat history is dropped",
                s(*process)
            )
        }
        (
            Lang::Zh,
            FdNote::Restarted {
                process,
                incarnation,
            },
        ) => {
            format!(
                "{} 重启了（第 {incarnation} 次启动）：丢弃它的心跳历史",
                s(*process)
            )
        }
        (Lang::En, FdNote::Started { incarnation }) => {
            format!("starts sending heartbeats (incarnation {incarnation})")
        }
        (Lang::Zh, FdNote::Started { incarnation }) => {
            format!("开始发送心跳（第 {incarnation} 次启动）")
        }
    }
}

pub const TITLE: Tx = tx("Failure detectors", "故障检测");
pub const NAV_TITLE: Tx = tx("Detectors", "故障检测");
pub const BLURB: Tx = tx(
    "Heartbeats over a jittery, lossy link: a fixed timeout against φ accrual — how fast each detects a crash, how often each suspects a live process.",
    "在抖动、丢包的链路上发送心跳：固定超时与 Phi 累计故障检测对比——各自多快发现宕机，多常误判存活的进程。",
);
pub const INTRO: Tx = tx(
    "Processes P1, P2 … send the monitor M a heartbeat every period. M cannot see a crash; it can only notice that a heartbeat is late — and a late heartbeat may be slow, lost, or from a paused process. Two detectors guess from the same heartbeats: a fixed timeout, and φ accrual, which learns the spread of past intervals and turns the silence into a suspicion level φ (φ = 3: a 0.1 % chance that the heartbeat is still coming). Crash a process, pause it, or raise the latency spread and loss in the settings, and watch the plot.",
    "进程 P1、P2……每个周期向监控者 M 发送一次心跳。M 看不见宕机，只能发现心跳迟到——而迟到的心跳可能只是慢了、丢了，或来自一个停顿的进程。两个检测器根据同样的心跳做判断：固定超时，以及 Phi 累计故障检测——它学习过去心跳间隔的分布，把沉默换算成怀疑级别 φ（φ = 3：心跳仍会到来的概率只有 0.1%）。让进程宕机、停顿，或在设置里加大延迟抖动和丢包，观察下面的曲线。",
);
pub const PROCESSES: Tx = tx("Processes", "进程数");
pub const PERIOD: Tx = tx("Heartbeat every (ms)", "心跳周期（毫秒）");
pub const TIMEOUT: Tx = tx("Fixed timeout (ms)", "固定超时（毫秒）");
pub const THRESHOLD: Tx = tx("φ threshold Φ", "φ 阈值 Φ");
pub const WINDOW: Tx = tx(
    "φ window (intervals remembered)",
    "φ 采样窗口（记住的间隔数）",
);

pub const PRESET_CRASH: Tx = tx("A crash: who notices first", "宕机：谁先发现");
pub const ABOUT_CRASH: Tx = tx(
    "P1 crashes at 3 s, up to a period after its last heartbeat. The fixed timeout suspects it 250 ms after that heartbeat: about 165 ms after the crash (the chip above counts from the crash). φ, having seen only regular 100 ms intervals, finds a silence of ~160 ms already improbable enough (φ = 8): it suspects P1 about 90 ms sooner, some 70 ms after the crash. P2 goes on and is never suspected.",
    "P1 在 3 s 时宕机，距它的最后一次心跳最多一个周期。固定超时在那次心跳 250 ms 后怀疑它：约为宕机后 165 ms（上方指标从宕机时刻算起）。φ 只见过规律的 100 ms 间隔，沉默约 160 ms 就已足够反常（φ = 8）：它早约 90 ms 怀疑 P1，约为宕机后 70 ms。P2 照常运行，从未被怀疑。",
);
pub const PRESET_JITTER: Tx = tx(
    "Jitter rises: the timeout cries wolf",
    "抖动加大：超时频频误判",
);
pub const ABOUT_JITTER: Tx = tx(
    "At 4 s the network turns slow and irregular (10–200 ms). Intervals now reach 290 ms: the 250 ms timeout suspects live processes again and again (false suspicions, counted above). φ is fooled too while its window (100 heartbeats, 10 s) still remembers the calm network; once it has learnt the new spread its threshold moves out of the way: the chip “since φ learnt the new network” shows the timeout still counting and φ at 0.",
    "4 s 时网络变慢且不规律（10–200 ms）。心跳间隔可达 290 ms：250 ms 的固定超时一次又一次地怀疑存活的进程（误判计数见上方）。在 φ 的采样窗口（100 次心跳，10 s）还记着平静网络时，φ 也会误判；学到新的分布后，它的阈值随之后移：指标“φ 学会新网络之后”显示超时仍在增加，而 φ 为 0。",
);
pub const PRESET_PAUSE: Tx = tx("A GC pause: alive but silent", "GC 停顿：活着却沉默");
pub const ABOUT_PAUSE: Tx = tx(
    "At 3 s P1 is paused for 1.5 s (a garbage-collection pause). Both detectors suspect it — wrongly: it wakes and heartbeats on. φ's window now holds a 1.5 s interval, so when P1 really crashes at 9 s φ is much slower to suspect it; the timeout is not.",
    "3 s 时 P1 停顿 1.5 s（一次 GC 停顿）。两个检测器都怀疑了它——误判：它醒来后继续发送心跳。φ 的采样窗口里多了一个 1.5 s 的间隔，所以 9 s 时 P1 真的宕机，φ 发现得慢得多；固定超时则不受影响。",
);
pub const PRESET_LOSSY: Tx = tx("10 % loss", "10% 丢包");
pub const ABOUT_LOSSY: Tx = tx(
    "At 2 s the network starts losing one message in ten. A single lost heartbeat makes a 200 ms gap, two in a row 300 ms: the 250 ms timeout falls for every such pair. φ is fooled too while its window learns; once it has learnt that gaps happen it waits about 300 ms, so only some pairs fool it: fewer false suspicions than the timeout’s (“since φ learnt”), though not none — three in a row fool both.",
    "2 s 起网络每十条消息丢一条。丢一次心跳就有 200 ms 的间隔，连丢两次是 300 ms：250 ms 的固定超时每遇到连丢两次就误判。φ 的采样窗口学习期间也会误判；学到“偶有空档”之后它会等约 300 ms，只有部分连丢两次会骗过它：误判比固定超时少（见“φ 学会新网络之后”），但不是没有——连丢三次两者都会误判。",
);

pub const TOUR_TITLE: Tx = tx("Tour: late, lost or dead?", "导览：迟到、丢失还是宕机？");
pub const TOUR1: Tx = tx("Each tick under a lane is a heartbeat M received; the curve is φ, rising while nothing comes and falling back at each heartbeat. The dashed line is the threshold Φ.", "每条泳道下方的竖线是 M 收到的一次心跳；曲线是 φ，没有心跳时上升，每次心跳到达后回落。虚线是阈值 Φ。");
pub const TOUR2: Tx = tx("The network has just turned irregular. Watch the orange bars (the fixed timeout suspects) multiply — every one a live process suspected.", "网络刚刚变得不规律。看橙色条（固定超时的怀疑）越来越多——每一条都是对存活进程的误判。");
pub const TOUR3: Tx = tx("φ's purple bars stop once its window has learnt the new spread: it adapts; the timeout cannot. The experiment below measures the whole trade-off.", "一旦采样窗口学到了新的分布，φ 的紫色条就不再出现：它会自适应，固定超时不会。下方的实验测量了完整的权衡曲线。");

pub const MONITOR: Tx = tx("monitor", "监控者");
pub const PROCESS: Tx = tx("process", "进程");
pub const TRUSTED: Tx = tx("trusted", "正常");
pub const SUSPECTED_ONE: Tx = tx("suspected by one detector", "被一个检测器怀疑");
pub const SUSPECTED_BOTH: Tx = tx("suspected by both", "被两个检测器怀疑");
pub const WATCHING: Tx = tx("watching", "监控中");
pub const SINCE_LAST: Tx = tx("since last heartbeat", "距上次心跳");
pub const INCARNATION: Tx = tx("incarnation", "启动次数");
pub const SENT: Tx = tx("heartbeats sent", "已发心跳");
pub const MEAN_STD: Tx = tx("interval μ ± σ", "间隔 μ ± σ");

pub const STATUS_SUSPECTS: Tx = tx("Suspected now (timeout | φ)", "当前怀疑（超时 | φ）");
pub const STATUS_DETECT: Tx = tx(
    "Last crash detected after (timeout | φ)",
    "最近一次宕机的检测时间（超时 | φ）",
);
pub const STATUS_FALSE: Tx = tx("False suspicions (timeout | φ)", "误判次数（超时 | φ）");
pub const STATUS_LEARNT: Tx = tx(
    "…since φ learnt the new network (timeout | φ)",
    "……φ 学会新网络之后（超时 | φ）",
);
pub const LEARNING: Tx = tx("φ is learning", "φ 学习中");
pub const STATUS_RATE: Tx = tx("False suspicions per hour", "每小时误判");
pub const NOT_YET: Tx = tx("not yet", "尚未");

pub const RULE_ACCURACY: Tx = tx(
    "Accuracy: no live process is suspected",
    "准确性：不怀疑存活的进程",
);

pub const MSG_BEAT: Tx = tx("heartbeat", "心跳");
pub const MSG_FIRST: Tx = tx(
    "first heartbeat after a (re)start",
    "（重）启动后的第一次心跳",
);

pub const T_BEAT: Tx = tx("Next heartbeat", "下次心跳");
pub const T_TIMEOUT: Tx = tx("Fixed timeout runs out", "固定超时到期");
pub const T_PHI: Tx = tx("φ reaches the threshold", "φ 达到阈值");

pub const NET_LATENCY: Tx = tx("Latency now", "当前延迟");
pub const NET_LOSS: Tx = tx("Loss now", "当前丢包");
pub const NET_HINT: Tx = tx(
    "Changes the network from this moment on (recorded in the link)",
    "从此刻起改变网络（记录在链接中）",
);
pub const PLOT_TITLE: Tx = tx(
    "Heartbeats M received, and φ (on M's clock)",
    "M 收到的心跳与 φ（按 M 的时钟）",
);
pub const PLOT_THRESHOLD: Tx = tx("threshold Φ", "阈值 Φ");
pub const PLOT_TIMEOUT_BAR: Tx = tx("timeout suspects", "超时怀疑");
pub const PLOT_PHI_BAR: Tx = tx("φ suspects", "φ 怀疑");
pub const PLOT_CRASH: Tx = tx("crashed", "宕机");
pub const PLOT_DEADLINE: Tx = tx("timeout deadline", "超时截止");

pub const LAB_TITLE: Tx = tx(
    "Experiment: detection time against false suspicions",
    "实验：检测时间与误判率的权衡",
);
pub const LAB_ABOUT: Tx = tx(
    "Each point runs one process on this page's network (latency, loss) and heartbeat period for 400–500 periods, then crashes it; the first 100 periods are not counted (φ's window fills). The fixed timeout is swept from 1.25 to 10 periods, φ's threshold from 0.5 to 12. Lower left is better: fast detection, few false suspicions.",
    "每个点在本页的网络（延迟、丢包）和心跳周期下运行一个进程 400–500 个周期后让它宕机；前 100 个周期不计（φ 的窗口在填充）。固定超时从 1.25 扫到 10 个周期，φ 阈值从 0.5 扫到 12。越靠左下越好：检测快、误判少。",
);
pub const LAB_SETTING: Tx = tx("Setting", "设置");
pub const LAB_DETECTION: Tx = tx("Mean detection time", "平均检测时间");
pub const LAB_FALSE: Tx = tx("False suspicions / hour", "每小时误判");
pub const LAB_MISSED: Tx = tx("Missed", "漏检");
pub const LAB_X: Tx = tx("detection time (ms)", "检测时间（毫秒）");
pub const LAB_Y: Tx = tx("false suspicions / hour", "每小时误判");

/// The home page's card: a heartbeat trace and a rising φ curve with its threshold.
pub const PICTURE: &str = r##"<svg viewBox="0 0 120 80"><path d="M6 62h18l4-10 4 10h20l4-10 4 10h20l4-10 4 10h26" fill="none" stroke="#2563eb" stroke-width="2.5"/><path d="M8 58 Q30 52 40 40 T62 14" fill="none" stroke="#7c3aed" stroke-width="3"/><path d="M4 24h112" stroke="#dc2626" stroke-width="2" stroke-dasharray="5 4"/><circle cx="96" cy="40" r="9" fill="#fee2e2" stroke="#dc2626" stroke-width="2.5"/><path d="M92 36l8 8M100 36l-8 8" stroke="#dc2626" stroke-width="2.5"/></svg>"##;

/// What the monitor says broke, in both languages (the English is the protocol's own
/// sentence, so the two cannot drift apart).
pub const DETAILS: &[Tx] = {
    use crate::protocols::failure_detector::invariants as inv;
    &[
        tx(
            inv::TIMEOUT_SUSPECTS_LIVE,
            "固定超时检测器怀疑 {0}，而它还活着",
        ),
        tx(inv::PHI_SUSPECTS_LIVE, "φ 检测器怀疑 {0}，而它还活着"),
    ]
};
