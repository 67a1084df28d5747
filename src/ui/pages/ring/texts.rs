//! The ring page's own words, in English and Chinese (the course notes' terms, see
//! shared/GLOSSARY.md).

use crate::protocols::hash_ring::membership::RingNote;
use crate::ui::core::i18n::Lang;
use crate::ui::core::text::{tx, Tx};

pub const TITLE: Tx = tx("Hash ring", "一致性哈希");
pub const INTRO: Tx = tx(
    "Consistent hashing puts nodes (many virtual points each) and keys on one ring; a key belongs to the next node clockwise. Adding or removing a node moves only about 1/N of the keys — hash mod N moves most of them.",
    "一致性哈希把节点（每个节点有许多虚拟节点）和键放在同一个哈希环上；键属于顺时针方向的下一个节点。增加或删除一个节点只迁移约 1/N 的键——取模 (hash mod N) 则会迁移大部分键。",
);
pub const VIRTUAL_NODES: Tx = tx("Virtual nodes per node", "每个节点的虚拟节点数");
pub const KEYS: Tx = tx("Keys", "键的数量");
pub const REPLICAS: Tx = tx("Replication factor R", "副本数 R");
pub const BLURB: Tx = tx(
    "Consistent hashing: add or remove a node and count the keys that move; data skew without virtual nodes.",
    "一致性哈希：增删节点时统计数据迁移量；没有虚拟节点时的数据倾斜。",
);

/// The page's small picture on the home page.
pub const PICTURE: &str = r##"<svg viewBox="0 0 120 80"><circle cx="60" cy="40" r="30" fill="none" stroke="#cbd5e1" stroke-width="3"/><g stroke-width="4"><line x1="60" y1="6" x2="60" y2="14" stroke="#2563eb"/><line x1="93" y1="30" x2="86" y2="32" stroke="#dc2626"/><line x1="82" y1="66" x2="77" y2="60" stroke="#16a34a"/><line x1="36" y1="66" x2="41" y2="60" stroke="#2563eb"/><line x1="27" y1="30" x2="34" y2="32" stroke="#dc2626"/><line x1="88" y1="52" x2="82" y2="49" stroke="#16a34a"/></g><g fill="#0f172a"><circle cx="74" cy="14" r="2.5"/><circle cx="89" cy="42" r="2.5"/><circle cx="46" cy="67" r="2.5"/><circle cx="32" cy="46" r="2.5"/></g></svg>"##;

// ----- presets and the tour -----

pub const PRESET_ONE_VNODE: Tx = tx("One point per node", "每个节点一个点");
pub const ABOUT_ONE_VNODE: Tx = tx(
    "Without virtual nodes each node is one point on the ring: the arcs, and so the loads, are uneven (max / mean below). Then N5 joins at one point and takes whatever its single arc held — seldom 1/6 of the keys. Compare free play, with 100 points per node.",
    "没有虚拟节点时，每个节点只是环上的一个点：弧长不均，负载也就不均（见下方的 最大 / 平均）。随后 N5 以一个点加入，接管它那一段弧上的所有键——很少恰好是 1/6。对比自由操作中每个节点 100 个点的情形。",
);
pub const PRESET_JOIN: Tx = tx("A node joins", "增加一个节点");
pub const ABOUT_JOIN: Tx = tx(
    "Five nodes of 100 virtual nodes each. N5 joins: it takes 100 small arcs, and about 1/6 of the keys move — all of them to N5. hash mod N would have moved about 5/6.",
    "五个节点，每个 100 个虚拟节点。N5 加入：它接管 100 段小弧，约 1/6 的键发生迁移——全部迁往 N5。取模 (hash mod N) 方式则会迁移约 5/6。",
);
pub const PRESET_LEAVE: Tx = tx("A node leaves", "删除一个节点");
pub const ABOUT_LEAVE: Tx = tx(
    "N2 leaves: only its keys move, each to the next node clockwise, and with virtual nodes they spread over all the others (about 1/5 of the keys). hash mod N would have moved about 4/5.",
    "N2 离开：只有它的键迁移，各自迁往顺时针方向的下一个节点；有了虚拟节点，它们分散到其余所有节点（约 1/5 的键）。取模方式则会迁移约 4/5。",
);
pub const PRESET_REPLICAS: Tx = tx(
    "Replicas: the first node of a key leaves",
    "副本：键的第一个节点离开",
);
pub const ABOUT_REPLICAS: Tx = tx(
    "Key 42 is kept on the first R = 3 distinct nodes clockwise from it (its preference list: the numbered walk on the ring). Its first node leaves: the list shifts by one and takes in the next node, and the key's other two copies stay where they were.",
    "键 42 保存在从它出发顺时针方向的前 R = 3 个不同节点上（它的优先列表：环上带编号的路径）。它的第一个节点离开后，列表顺移一位并纳入下一个节点，键的另外两个副本原地不动。",
);
pub const TOUR_TITLE: Tx = tx(
    "Tour: a key's walk, a join and a leave",
    "导览：键的路径、加入与离开",
);
pub const TOUR1: Tx = tx(
    "The dots are keys, placed on the ring by their hash and coloured by their node. A key belongs to the first node point clockwise from it: the dark walk shows key 42 going to its node (1) and on to the next distinct nodes (2, 3), which keep its replicas. Each node has 100 points, so the colours interleave.",
    "圆点是键，按哈希值放在环上，颜色表示所属节点。键属于它顺时针方向遇到的第一个节点点位：深色路径表示键 42 走到它的节点（1），并继续走到后面不同的节点（2、3），它们保存它的副本。每个节点有 100 个点，所以颜色交错分布。",
);
pub const TOUR2: Tx = tx(
    "Add a node: press “+ Add node” on the right.",
    "增加一个节点：点击右侧的“+ 增加节点”。",
);
pub const TOUR3: Tx = tx(
    "Only the keys on the arcs the new node took moved (they flash): about 1/6 of them, as the count on the right says. The second bar is what hash mod N would have moved: most of the keys.",
    "只有新节点接管的那些弧上的键发生了迁移（正在闪烁）：约 1/6，右侧的计数给出了具体数字。第二根条是取模方式会迁移的数量：大部分键。",
);
pub const TOUR4: Tx = tx(
    "Now remove a node: click its button (N… ✕) on the right.",
    "现在删除一个节点：点击右侧它的按钮（N… ✕）。",
);
pub const TOUR5: Tx = tx(
    "Its keys went each to the next node clockwise — spread over all the others, thanks to the virtual nodes. Open the preset “One point per node” and watch the loads and the moves turn uneven.",
    "它的键各自迁往顺时针方向的下一个节点——得益于虚拟节点，分散到了其余所有节点。打开预设“每个节点一个点”，看负载和迁移如何变得不均。",
);

// ----- words of this page shown in its drawing, inspector and status -----

pub const PHYSICAL_NODES: Tx = tx("Physical nodes", "物理节点数");
/// The heading of the list of nodes (not their number).
pub const PHYSICAL_NODE_LIST: Tx = tx("Physical nodes", "物理节点");
pub const ADD_NODE: Tx = tx("+ Add node", "+ 增加节点");
pub const REMOVE_NODE: Tx = tx("click a node to remove it", "点击节点即可删除");
pub const MOVED_KEYS: Tx = tx("Keys moved", "迁移的键");
pub const RING_CHANGE_HINT: Tx = tx(
    "Add a node or remove one (click its ✕): the keys that move flash on the ring and are counted here, beside what hash mod N would move.",
    "增加一个节点，或点击某节点的 ✕ 移除它：需要迁移的键会在环上闪烁，并在这里计数，旁边是取模 (hash mod N) 会迁移的数量。",
);
pub const EXPECTED_MOVED: Tx = tx("expected ≈ 1/N", "期望 ≈ 1/N");
pub const MOD_N_MOVED: Tx = tx("hash mod N would move", "取模方式会迁移");
pub const LOAD_PER_NODE: Tx = tx("Keys per node", "每个节点的键数");
pub const MEAN_LOAD: Tx = tx("mean", "平均");
pub const MAX_OVER_MEAN: Tx = tx("max / mean", "最大 / 平均");
pub const STD_DEV: Tx = tx("std dev", "标准差");
pub const PREFERENCE_LIST: Tx = tx("Preference list of key", "键的副本列表");
pub const KEY_INDEX: Tx = tx("Key #", "键编号");
pub const AFTER_LEAVE: Tx = tx("if its first node leaves", "如果第一个节点离开");
pub const CONSISTENT_HASHING: Tx = tx("consistent hashing", "一致性哈希");
pub const MOD_N: Tx = tx("hash mod N", "取模 (hash mod N)");
pub const RING: Tx = tx("Ring", "哈希环");
pub const JOIN: Tx = tx("add a node", "增加节点");
pub const LEAVE: Tx = tx("remove a node", "移除节点");

/// The narration of the ring's membership changes, in `lang`.
pub fn narrate(lang: Lang, note: &RingNote) -> String {
    match (lang, *note) {
        (Lang::En, RingNote::Joined { node, members }) => {
            format!("N{node} joined: {members} physical nodes on the ring; the keys in the arcs before its virtual nodes move to it")
        }
        (Lang::En, RingNote::Left { node, members }) => {
            format!("N{node} left: {members} physical nodes remain; its keys move to the next nodes clockwise")
        }
        (Lang::En, RingNote::Refused) => {
            "refused: the ring keeps between 1 and 20 physical nodes".into()
        }
        (Lang::Zh, RingNote::Joined { node, members }) => {
            format!("N{node} 加入：环上共有 {members} 个物理节点；它的虚拟节点之前那段弧上的数据迁移给它")
        }
        (Lang::Zh, RingNote::Left { node, members }) => {
            format!("N{node} 离开：剩下 {members} 个物理节点；它的数据迁移到顺时针的下一个节点")
        }
        (Lang::Zh, RingNote::Refused) => "已拒绝：环上物理节点数须在 1 到 20 之间".into(),
    }
}
