//! The gossip page's own words, in English and Chinese (the course notes' terms, see
//! shared/GLOSSARY.md).

use crate::ui::core::text::{same, tx, Tx};

pub const TITLE: Tx = same("Gossip");
pub const INTRO: Tx = tx(
    "Gossip spreads a rumour like an epidemic: every round each node contacts a few random peers (push, pull or both). Rounds are synchronous: what a node learns in a round it passes on from the next. The theory curve is the finite-n model: with I of n infected and fanout k, a susceptible node escapes a push round with probability (1 − k/(n−1))^I and a pull round with about (1 − I/(n−1))^k; its round count is the mean ± standard deviation over runs — compare it live.",
    "Gossip 协议像传染病一样传播谣言：每个周期，每个节点随机联系几个节点（推、拉或推拉结合）。周期是同步的：节点在某个周期里得知的消息，从下一个周期起才继续传播。理论曲线采用有限 n 模型：n 个节点中已有 I 个被感染、扇出为 k 时，未感染节点在一个推送周期中逃过感染的概率为 (1 − k/(n−1))^I，在一个拉取周期中约为 (1 − I/(n−1))^k；所需周期数给出多次运行的均值 ± 标准差——实时对比。",
);
pub const GOSSIP_MODE: Tx = tx("Mode", "传播方式");
pub const MODE_PUSH: Tx = tx("push", "推 (push)");
pub const MODE_PULL: Tx = tx("pull", "拉 (pull)");
pub const MODE_PUSH_PULL: Tx = tx("push-pull", "推拉 (push-pull)");
pub const FANOUT: Tx = tx("Fanout (peers per round)", "扇出（每周期联系的节点数）");
pub const PERIOD: Tx = tx("Round period (ms)", "周期（毫秒）");
pub const TERMINATION: Tx = tx("Rumour mongering stops", "谣言传播何时停止");
pub const STOP_NEVER: Tx = tx("never", "从不");
pub const STOP_COUNTER: Tx = tx("after k useless contacts", "无效联系 k 次后");
pub const STOP_COIN: Tx = tx(
    "with probability 1/k per useless contact",
    "每次无效联系后以 1/k 概率",
);
pub const STOP_K: Tx = same("k");
pub const ANTI_ENTROPY: Tx = tx(
    "Anti-entropy every … rounds (0: off)",
    "每隔多少个周期做一次反熵（0：关闭）",
);
pub const PRESET_SPREAD: Tx = tx("Push-pull spread", "推拉传播");
pub const PRESET_MONGERING: Tx = tx("Rumour mongering (residue)", "谣言传播（有残留）");
pub const PRESET_ANTI_ENTROPY: Tx = tx("Mongering + anti-entropy", "谣言传播 + 反熵");
pub const PRESET_DEAD_NODES: Tx = tx("20% of nodes dead", "20% 节点宕机");
pub const ABOUT_SPREAD: Tx = tx(
    "One node starts a rumour; with push-pull and fanout 1 it reaches everyone in about log₃ n rounds. Watch the measured curve hug the theory.",
    "一个节点发起谣言；推拉结合、扇出为 1 时，大约 log₃ n 个周期传遍所有节点。观察实测曲线与理论曲线的吻合。",
);
pub const ABOUT_MONGERING: Tx = tx(
    "Push only, and each node stops spreading after its first useless contact. The rumour dies out early and leaves residue: nodes that never hear it.",
    "只推送，且每个节点在第一次无效联系后就停止传播。谣言很早就消亡，留下残留：永远没有听到的节点。",
);
pub const ABOUT_ANTI_ENTROPY: Tx = tx(
    "The same rumour mongering, plus an anti-entropy exchange with one random peer every 5 rounds: slowly, the residue is reached too.",
    "同样的谣言传播，再加上每 5 个周期与一个随机节点做一次反熵同步：残留的节点也会慢慢被感染。",
);
pub const ABOUT_DEAD_NODES: Tx = tx(
    "A fifth of the nodes are dead from the start. Gossip routes around them: every live node still hears the rumour, a little later.",
    "五分之一的节点一开始就宕机。Gossip 会绕开它们：所有存活节点仍然会听到谣言，只是稍晚一些。",
);
pub const BLURB: Tx = tx(
    "Gossip spreads a rumour in O(log N) rounds: push, pull, push-pull, residue and anti-entropy.",
    "Gossip 协议在 O(log N) 个周期内传播消息：推、拉、推拉结合，谣言传播的残留与反熵。",
);

/// The page's small picture on the home page.
pub const PICTURE: &str = r##"<svg viewBox="0 0 120 80"><g fill="#3b82f6"><circle cx="14" cy="14" r="5"/><circle cx="40" cy="60" r="5"/><circle cx="104" cy="66" r="5"/><circle cx="96" cy="12" r="5"/><circle cx="70" cy="70" r="5"/></g><g fill="#dc2626"><circle cx="60" cy="40" r="5"/><circle cx="34" cy="30" r="5"/><circle cx="82" cy="36" r="5"/><circle cx="58" cy="12" r="5"/><circle cx="16" cy="48" r="5"/></g><g stroke="#dc2626" stroke-width="1.2" fill="none"><path d="M60 40 L34 30 M60 40 L82 36 M60 40 L58 12 M34 30 L16 48"/></g></svg>"##;

// ----- words of this page shown in its drawing, inspector and status -----

pub const TOUR_TITLE: Tx = tx(
    "Gossip: an epidemic that leaves some behind",
    "Gossip：一场会落下一些节点的传染",
);
pub const TOUR1: Tx = tx(
    "Nobody knows anything yet. Each round, every node that knows the rumour pushes it to one random peer (fanout 1), and stops spreading after its first useless contact (a peer that already knew). Start a rumour: click any node, then “Start a rumour here”.",
    "现在谁都还不知道。每个周期，每个知道谣言的节点把它推送给一个随机节点（扇出为 1），并在第一次无效联系（对方早已知道）后停止传播。发起谣言：点击任意一个节点，再点“从这里发起谣言”。",
);
pub const TOUR2: Tx = tx(
    "It spreads like an epidemic: each round the count grows by a factor — watch the measured curve beside the theory. Each node stops at its first useless contact, and those come more often as the rumour spreads.",
    "它像传染病一样传播：每个周期感染数成倍增长——对照理论曲线看实测曲线。每个节点在第一次无效联系时停止传播，而谣言传得越广，无效联系就越频繁。",
);
pub const TOUR3: Tx = tx(
    "The rumour died out: every node stopped spreading, yet some never heard it — the residue (red), close to the model's fraction e^(−(k+1)(1−s)). Open “Mongering + anti-entropy”: an exchange with one random peer every few rounds reaches them too, slowly.",
    "谣言消亡了：所有节点都停止了传播，但有些节点从未听到——这就是残留（红色），接近模型给出的比例 e^(−(k+1)(1−s))。打开“谣言传播 + 反熵”：每隔几个周期与一个随机节点同步一次，残留的节点也会慢慢被感染。",
);
pub const INFECTED: Tx = tx("Infected", "已感染");
pub const SUSCEPTIBLE: Tx = tx("Susceptible", "未感染");
pub const STOPPED_SPREADING: Tx = tx("stopped spreading", "已停止传播");
pub const START_RUMOUR: Tx = tx("Start a rumour here", "从这里发起谣言");
pub const FULL_SPREAD: Tx = tx("Rounds until everyone heard", "全部感染所需周期数");
pub const ROUNDS_OVERLAP: Tx = tx("Rounds overlap", "周期重叠");
pub const ROUNDS_OVERLAP_WHY: Tx = tx(
    "a pull's round trip (2 × max latency) is not shorter than a round, so news can take longer than the model's one hop per round",
    "一次拉取的往返时间（2 × 最大延迟）不短于一个周期，消息可能比模型中的“每周期一跳”更慢",
);
pub const RESIDUE: Tx = tx("Residue (never reached)", "残留（从未到达）");
pub const MSG_PUSH: Tx = tx("push", "推送");
pub const MSG_PUSH_ACK: Tx = tx("push reply", "推送回复");
pub const MSG_PULL: Tx = tx("pull request", "拉取请求");
pub const MSG_PULL_REPLY: Tx = tx("pull reply", "拉取回复");
pub const MSG_SYNC: Tx = tx("anti-entropy", "反熵");
