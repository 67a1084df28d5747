//! The consistency-models page's run: one engine node holds the edited history (every
//! edit a command); the page's data is that history as the checker's input.

use std::sync::{Arc, Mutex};

use super::texts;
use crate::protocols::consistency::play::{HistoryNode, HistoryNote, SetHistory};
use crate::protocols::consistency::text::{MAX_CLIENTS, TEXTBOOK};
use crate::protocols::consistency::{check, Model, Recorded};
use crate::sim::{Action, NodeId, World};
use crate::ui::core::i18n::{CmdText, Lang};
use crate::ui::core::runner::{world_config, Adapter, Sim};
use crate::ui::core::scenario::Scenario;
use crate::ui::core::text::{tr, Text};
use crate::ui::core::view::{MsgStyle, NodeVis, PageData, Shape, StatusVis};

#[derive(Clone)]
pub struct ModelsAdapter {
    names: Vec<String>,
    /// The last history handed out and the strongest model it satisfies, by its text
    /// (checked once per edit, not per frame).
    cache: Arc<Mutex<Option<Checked>>>,
}

/// A history's text, the checker's input made from it, and its strongest model.
type Checked = (String, PageData, &'static str);

/// The strongest model `h` satisfies, as the history node's `data-state`
/// (`linearizable`, `sequential`, `causal`, `eventual`, or `unknown` past the budget).
fn strongest_attr(h: &crate::protocols::consistency::History) -> &'static str {
    match check(h).strongest() {
        Some(Model::Linearizable) => "linearizable",
        Some(Model::Sequential) => "sequential",
        Some(Model::Causal) => "causal",
        Some(Model::Eventual) => "eventual",
        None => "unknown",
    }
}

/// The preset's textbook history (the first when there is none).
pub fn textbook(sc: &Scenario) -> Option<&'static str> {
    TEXTBOOK
        .iter()
        .find(|(slug, _)| Some(*slug) == sc.preset)
        .map(|(_, t)| *t)
}

pub fn build(sc: &Scenario) -> Sim<ModelsAdapter> {
    let mut world = World::new(world_config(sc), vec![HistoryNode::default()]);
    // The preset's history is where the run starts (edits come after it).
    if let Some(t) = textbook(sc) {
        world.apply(Action::Command(0, SetHistory(t.to_string())));
    }
    Sim::new(
        world,
        ModelsAdapter {
            names: vec![texts::HISTORY.en.to_string()],
            cache: Arc::default(),
        },
    )
}

const STYLE: MsgStyle = MsgStyle {
    class: "msg",
    badge: "",
    key: Text::Page(&texts::HISTORY),
};

/// Client `k`'s letter.
pub fn client_name(k: usize) -> String {
    ((b'A' + k as u8) as char).to_string()
}

impl ModelsAdapter {
    /// The history as the checker's input (clients A–F, operation `i`'s key is `i`) and its
    /// strongest model, from the cache while the history's text is unchanged.
    fn checked(&self, node: &HistoryNode) -> (PageData, &'static str) {
        let text = node.text();
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((t, data, strongest)) = cache.as_ref() {
            if *t == text {
                return (data.clone(), strongest);
            }
        }
        let h = node.history().clone();
        let strongest = strongest_attr(&h);
        let data = PageData(Arc::new(Recorded {
            keys: (0..h.ops.len() as u64).collect(),
            history: h,
            clients: (0..MAX_CLIENTS).map(client_name).collect(),
            cut: false,
        }));
        *cache = Some((text, data.clone(), strongest));
        (data, strongest)
    }
}

impl Adapter for ModelsAdapter {
    type P = HistoryNode;

    fn names(&self) -> &[String] {
        &self.names
    }
    fn node(&self, w: &World<HistoryNode>, id: NodeId, lang: Lang) -> NodeVis {
        let node = w.node(id);
        let (_, state) = self.checked(node);
        NodeVis {
            state,
            ..NodeVis::plain(
                id,
                &self.names[id],
                "history",
                Shape::Square,
                format!(
                    "{} {}",
                    tr(lang, Text::Page(&texts::OPERATIONS)),
                    node.history().ops.len()
                ),
            )
        }
    }
    fn msg_style(&self, _: &()) -> MsgStyle {
        STYLE
    }
    fn msg_detail(&self, _: &()) -> String {
        String::new()
    }
    fn narrate(&self, lang: Lang, note: &HistoryNote) -> String {
        texts::narrate(lang, note)
    }
    fn cmd_text(&self, _: &SetHistory) -> CmdText {
        CmdText::Named(Text::Page(&texts::HISTORY))
    }
    fn command(&mut self, _: &World<HistoryNode>, _: NodeId, _: &str) -> Option<SetHistory> {
        None
    }
    fn input(
        &mut self,
        _: &World<HistoryNode>,
        _: NodeId,
        id: &str,
        text: &str,
    ) -> Option<SetHistory> {
        (id == "set").then(|| SetHistory(text.to_string()))
    }
    fn target(&self, _: NodeId) -> NodeId {
        0
    }
    fn status(&self, w: &World<HistoryNode>, lang: Lang) -> Vec<StatusVis> {
        vec![StatusVis {
            key: "ops",
            label: tr(lang, Text::Page(&texts::OPERATIONS)).into(),
            value: w.node(0).history().ops.len().to_string(),
            alarm: false,
        }]
    }
    /// The history for the checker (see [`ModelsAdapter::checked`]).
    fn data(&self, w: &World<HistoryNode>) -> Option<PageData> {
        Some(self.checked(w.node(0)).0)
    }
}
