//! How the ring page's run looks: one engine node holds the membership (joins and leaves
//! are its commands); the layout the body draws (owners, moved keys) is derived from it
//! and cached, since 100,000 keys take milliseconds to reassign.

use std::sync::{Arc, Mutex};

use super::texts;
use crate::protocols::hash_ring::membership::{
    LastChange, RingCmd, RingLayout, RingNode, RingNote,
};
use crate::protocols::hash_ring::{key_hash, key_hashes, Ring};
use crate::sim::{Action, NodeId, SimTime, World, MS};
use crate::ui::core::i18n::{CmdText, Lang};
use crate::ui::core::runner::{world_config, Adapter, Sim};
use crate::ui::core::scenario::Scenario;
use crate::ui::core::text::{tr, Text};
use crate::ui::core::view::{MsgStyle, NodeVis, PageData, Shape, StatusVis};

/// The membership a layout was computed for (now, and before the last change).
type LayoutKey = (Vec<u32>, Option<LastChange>);

#[derive(Clone)]
pub struct RingAdapter {
    names: Vec<String>,
    hashes: Arc<Vec<u64>>,
    cache: Arc<Mutex<Option<(LayoutKey, PageData)>>>,
}

/// When a preset's membership change happens (2 s at 1×: time to see the ring before).
pub const CHANGE_AT: SimTime = 100 * MS;

/// A preset's settings: five nodes, 10,000 keys, R = 3, and 100 virtual nodes each (one
/// for "one-vnode").
pub fn preset_settings(sc: &mut Scenario) {
    let Some(preset) = sc.preset else { return };
    sc.nodes = 5;
    sc.set_param(&super::VNODES, if preset == "one-vnode" { 1 } else { 100 });
    sc.set_param(&super::KEYS, 10_000);
    sc.set_param(&super::REPLICAS, 3);
}

pub fn build(sc: &Scenario) -> Sim<RingAdapter> {
    let node = RingNode::new(sc.nodes, sc.param(&super::VNODES) as usize);
    // The presets' one change each: N5 joins, N2 leaves, or key 42's first node leaves.
    let change = match sc.preset {
        Some("one-vnode" | "join") => Some(RingCmd::Join),
        Some("leave") => Some(RingCmd::Leave(2)),
        Some("replicas") => Ring::new(node.members(), node.vnodes())
            .owner(key_hash(super::SHOWN_KEY))
            .map(RingCmd::Leave),
        _ => None,
    };
    let world = World::new(world_config(sc), vec![node]);
    let sim = Sim::new(
        world,
        RingAdapter {
            names: vec![texts::RING.en.to_string()],
            hashes: Arc::new(key_hashes(sc.param(&super::KEYS) as usize)),
            cache: Arc::default(),
        },
    );
    match change {
        Some(cmd) => sim.with_script(vec![(CHANGE_AT, Action::Command(0, cmd))]),
        None => sim,
    }
}

const STYLE: MsgStyle = MsgStyle {
    class: "msg",
    badge: "",
    key: Text::Page(&texts::RING),
};

impl Adapter for RingAdapter {
    type P = RingNode;

    fn names(&self) -> &[String] {
        &self.names
    }

    fn node(&self, w: &World<RingNode>, id: NodeId, lang: Lang) -> NodeVis {
        NodeVis::plain(
            id,
            &self.names[id],
            "ring",
            Shape::Circle,
            format!(
                "{} · {}",
                tr(lang, Text::Page(&texts::PHYSICAL_NODES)),
                w.node(id).members().len()
            ),
        )
    }

    fn msg_style(&self, _: &()) -> MsgStyle {
        STYLE
    }

    fn msg_detail(&self, _: &()) -> String {
        String::new()
    }

    fn narrate(&self, lang: Lang, note: &RingNote) -> String {
        texts::narrate(lang, note)
    }

    fn cmd_text(&self, cmd: &RingCmd) -> CmdText {
        CmdText::Named(Text::Page(match cmd {
            RingCmd::Join => &texts::JOIN,
            RingCmd::Leave(_) => &texts::LEAVE,
        }))
    }

    /// `join` (at any node number) adds the next node; `leave` at node number k removes
    /// `N{k}`.
    fn command(&mut self, _: &World<RingNode>, node: NodeId, id: &str) -> Option<RingCmd> {
        match id {
            "join" => Some(RingCmd::Join),
            "leave" => Some(RingCmd::Leave(node as u32)),
            _ => None,
        }
    }

    fn target(&self, _: NodeId) -> NodeId {
        0
    }

    fn status(&self, w: &World<RingNode>, lang: Lang) -> Vec<StatusVis> {
        vec![StatusVis {
            key: "members",
            label: tr(lang, Text::Page(&texts::PHYSICAL_NODES)).into(),
            value: w.node(0).members().len().to_string(),
            alarm: false,
        }]
    }

    fn data(&self, w: &World<RingNode>) -> Option<PageData> {
        let node = w.node(0);
        let key: LayoutKey = (node.members().to_vec(), node.last().cloned());
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((k, data)) = cache.as_ref() {
            if *k == key {
                return Some(data.clone());
            }
        }
        let data = PageData(Arc::new(RingLayout::of(node, self.hashes.clone())));
        *cache = Some((key, data.clone()));
        Some(data)
    }
}
