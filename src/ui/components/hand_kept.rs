//! SVG elements kept by hand, for the layers that change every frame (messages in the
//! cluster, marks in the space-time diagram). A reactive component per message costs a
//! template clone, several effects and three listeners, and at 10× most messages live for
//! a frame or two: the busiest pages spent their frames making and dropping them. Here a
//! layer is one `<g>`; its children are made, moved and removed directly, each attribute
//! written only when it changes, and one set of listeners on the layer serves them all
//! (a child carries its message's id in `data-msg`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::state::{Ctl, Selection};

const SVG_NS: Option<&str> = Some("http://www.w3.org/2000/svg");

/// A new SVG element with a class, or `None` where there is no document.
pub fn svg_element(tag: &str, class: &str) -> Option<web_sys::Element> {
    let doc = web_sys::window()?.document()?;
    let e = doc.create_element_ns(SVG_NS, tag).ok()?;
    e.set_attribute("class", class).ok()?;
    Some(e)
}

/// Set an element's text: the text node's value where it has one (replacing the node, as
/// `textContent` does, takes it out of the layout and puts a new one in).
pub fn set_text(e: &web_sys::Element, text: &str) {
    match e.first_child() {
        Some(node)
            if node.node_type() == web_sys::Node::TEXT_NODE && node.next_sibling().is_none() =>
        {
            node.set_node_value(Some(text))
        }
        _ => e.set_text_content(Some(text)),
    }
}

/// The message whose drawing (a child with `data-msg`) an event happened on.
pub fn message_of(target: Option<web_sys::EventTarget>) -> Option<u64> {
    target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("[data-msg]")
        .ok()??
        .get_attribute("data-msg")?
        .parse()
        .ok()
}

/// The layer's shared listeners: hovering a message highlights it everywhere (cluster,
/// diagram, event log), a click opens it in the inspector.
pub fn on_click(ctl: Ctl) -> impl FnMut(leptos::ev::MouseEvent) + 'static {
    move |ev| {
        if let Some(id) = message_of(ev.target()) {
            ev.stop_propagation();
            ctl.selected.set(Selection::Msg(id));
        }
    }
}

/// See [`on_click`]; `mouseover` bubbles from the child to the layer.
pub fn on_over(ctl: Ctl) -> impl FnMut(leptos::ev::MouseEvent) + 'static {
    move |ev| {
        let id = message_of(ev.target());
        if id.is_some() && ctl.hovered.get_untracked() != id {
            ctl.hovered.set(id);
        }
    }
}

/// See [`on_click`]: leaving a message for something that is not the same message.
pub fn on_out(ctl: Ctl) -> impl FnMut(leptos::ev::MouseEvent) + 'static {
    move |ev| {
        let from = message_of(ev.target());
        if from.is_some() && message_of(ev.related_target()) != from {
            ctl.hovered.set(None);
        }
    }
}

/// One attribute of a kept element, written only when its text changes.
#[derive(Default)]
pub struct Attr(String);

impl Attr {
    /// The value as last written.
    pub fn get(&self) -> &str {
        &self.0
    }

    /// Set `name` on `e` to `value` unless it already is.
    pub fn set(&mut self, e: &web_sys::Element, name: &str, value: String) {
        if self.0 != value {
            let _ = e.set_attribute(name, &value);
            self.0 = value;
        }
    }
}

/// Children of a layer by key (sorted), made on first sight and hidden when gone. A
/// hidden child is kept for the next new one (at 10× a busy page replaces most of its
/// messages every frame: rewriting a few attributes costs the browser far less than
/// making and inserting elements).
///
/// A child let go is not hidden at once: a sync that lets children go and makes new ones
/// (most frames at 10×) hands the let-go ones straight to the new keys, and only those
/// left over are hidden, by [`Keyed::hide_spares`] at the sync's end. Hiding and showing
/// again took each recycled child out of the layout and put it back, every frame.
pub struct Keyed<K, T> {
    items: Vec<(K, T)>,
    /// Spares, and whether each is hidden yet.
    spare: Vec<(T, bool)>,
}

impl<K, T> Default for Keyed<K, T> {
    fn default() -> Self {
        Keyed {
            items: Vec::new(),
            spare: Vec::new(),
        }
    }
}

/// What [`Keyed`] keeps per child: its root element (removed with it).
pub trait Root {
    fn root(&self) -> &web_sys::Element;
}

impl<K: Ord + Copy, T: Root> Keyed<K, T> {
    /// Remove every child (and the spares).
    pub fn clear(&mut self) {
        for (_, t) in self.items.drain(..) {
            t.root().remove();
        }
        for (t, _) in self.spare.drain(..) {
            t.root().remove();
        }
    }

    /// Let go of the children whose key `keep` refuses, keeping them as spares (call
    /// [`Keyed::hide_spares`] once the new children are made).
    pub fn retain(&mut self, mut keep: impl FnMut(&K) -> bool) {
        let mut gone = Vec::new();
        let mut i = 0;
        while i < self.items.len() {
            if keep(&self.items[i].0) {
                i += 1;
            } else {
                gone.push(self.items.remove(i).1);
            }
        }
        for t in gone {
            // A spare stands for no message: tests and listeners skip it.
            let root = t.root();
            let _ = root.remove_attribute("data-testid");
            let _ = root.remove_attribute("data-msg");
            self.spare.push((t, false));
        }
    }

    /// Hide the spares no new child took.
    pub fn hide_spares(&mut self) {
        for (t, hidden) in &mut self.spare {
            if !*hidden {
                let _ = t.root().set_attribute("display", "none");
                *hidden = true;
            }
        }
    }

    /// The child for `key` and whether it is new. A new one is `make(spare)`: a hidden
    /// child to set up again if there is one (shown again here), else `None` to build.
    pub fn get_or_make(
        &mut self,
        layer: &web_sys::Element,
        key: K,
        make: impl FnOnce(Option<T>) -> Option<T>,
    ) -> Option<(&mut T, bool)> {
        match self.items.binary_search_by(|(k, _)| k.cmp(&key)) {
            Ok(i) => Some((&mut self.items[i].1, false)),
            Err(i) => {
                let t = match self.spare.pop() {
                    Some((old, hidden)) => {
                        if hidden {
                            let _ = old.root().remove_attribute("display");
                        }
                        make(Some(old))?
                    }
                    None => {
                        let t = make(None)?;
                        let _ = layer.append_child(t.root());
                        t
                    }
                };
                self.items.insert(i, (key, t));
                Some((&mut self.items[i].1, true))
            }
        }
    }

    /// The children shown, by key.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &T)> {
        self.items.iter().map(|(k, t)| (k, t))
    }

    /// How many children there are.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}
