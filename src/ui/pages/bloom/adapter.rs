//! How the bloom page's run looks: one engine node holds the filter; inserts, queries,
//! measurements and the cache-penetration run are its commands. The body draws the node
//! itself, handed over (and cached per version) as the page's data.

use std::sync::{Arc, Mutex};

use super::texts;
use crate::protocols::bloom::play::{BloomCmd, BloomNode, BloomNote};
use crate::sim::{NodeId, World};
use crate::ui::core::i18n::{CmdText, Lang};
use crate::ui::core::runner::{world_config, Adapter, Sim};
use crate::ui::core::scenario::Scenario;
use crate::ui::core::text::{tr, Text};
use crate::ui::core::view::{MsgStyle, NodeVis, PageData, Shape, StatusVis};

#[derive(Clone)]
pub struct BloomAdapter {
    names: Vec<String>,
    cache: Arc<Mutex<Option<(u64, PageData)>>>,
}

pub fn build(sc: &Scenario) -> Sim<BloomAdapter> {
    let node = BloomNode::new(
        sc.param(&super::BITS) as usize,
        sc.param(&super::HASHES) as usize,
    );
    Sim::new(
        World::new(world_config(sc), vec![node]),
        BloomAdapter {
            names: vec![texts::FILTER.en.to_string()],
            cache: Arc::default(),
        },
    )
}

const STYLE: MsgStyle = MsgStyle {
    class: "msg",
    badge: "",
    key: Text::Page(&texts::FILTER),
};

impl Adapter for BloomAdapter {
    type P = BloomNode;

    fn names(&self) -> &[String] {
        &self.names
    }

    fn node(&self, w: &World<BloomNode>, id: NodeId, lang: Lang) -> NodeVis {
        NodeVis::plain(
            id,
            &self.names[id],
            "filter",
            Shape::Square,
            format!(
                "{} {}",
                tr(lang, Text::Page(&texts::ITEMS)),
                w.node(id).filter().n()
            ),
        )
    }

    fn msg_style(&self, _: &()) -> MsgStyle {
        STYLE
    }

    fn msg_detail(&self, _: &()) -> String {
        String::new()
    }

    fn narrate(&self, lang: Lang, note: &BloomNote) -> String {
        texts::narrate(lang, note)
    }

    fn cmd_text(&self, cmd: &BloomCmd) -> CmdText {
        CmdText::Named(Text::Page(match cmd {
            BloomCmd::Insert(_) => &texts::INSERT,
            BloomCmd::Query(_) => &texts::QUERY,
            BloomCmd::InsertRandom => &texts::INSERT_RANDOM,
            BloomCmd::Measure => &texts::MEASURE_FP,
            BloomCmd::Penetrate => &texts::SEND_REQUESTS,
        }))
    }

    fn command(&mut self, _: &World<BloomNode>, _: NodeId, id: &str) -> Option<BloomCmd> {
        match id {
            "insert-random" => Some(BloomCmd::InsertRandom),
            "measure" => Some(BloomCmd::Measure),
            "penetrate" => Some(BloomCmd::Penetrate),
            _ => None,
        }
    }

    fn input(&mut self, _: &World<BloomNode>, _: NodeId, id: &str, text: &str) -> Option<BloomCmd> {
        match id {
            "insert" => Some(BloomCmd::Insert(text.to_string())),
            "query" => Some(BloomCmd::Query(text.to_string())),
            _ => None,
        }
    }

    fn target(&self, _: NodeId) -> NodeId {
        0
    }

    fn status(&self, w: &World<BloomNode>, lang: Lang) -> Vec<StatusVis> {
        vec![StatusVis {
            key: "items",
            label: tr(lang, Text::Page(&texts::ITEMS)).into(),
            value: w.node(0).filter().n().to_string(),
            alarm: false,
        }]
    }

    fn data(&self, w: &World<BloomNode>) -> Option<PageData> {
        let node = w.node(0);
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        match cache.as_ref() {
            Some((v, data)) if *v == node.version() => Some(data.clone()),
            _ => {
                let data = PageData(Arc::new(node.clone()));
                *cache = Some((node.version(), data.clone()));
                Some(data)
            }
        }
    }
}
