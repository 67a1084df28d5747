//! Keyboard: Space play/pause, → step one event, ← back 100 ms, 1–9 select a node.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::state::{Ctl, Selection};

pub fn install_keyboard(ctl: Ctl) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"))
            .unwrap_or(false);
        if typing || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        match ev.key().as_str() {
            " " => {
                ev.prevent_default();
                ctl.playing.update(|p| *p = !*p);
            }
            "ArrowRight" => {
                ev.prevent_default();
                ctl.step();
            }
            "ArrowLeft" => {
                ev.prevent_default();
                let now = ctl.view.with_untracked(|v| v.now);
                ctl.seek(now.saturating_sub(100 * crate::sim::MS));
            }
            "Escape" => ctl.selected.set(Selection::None),
            k => {
                if let Ok(d) = k.parse::<usize>() {
                    let n = ctl.view.with_untracked(|v| v.nodes.len());
                    if (1..=n).contains(&d) {
                        ctl.selected.set(Selection::Node(d - 1));
                    }
                }
            }
        }
    });
    on_cleanup(move || handle.remove());
}
