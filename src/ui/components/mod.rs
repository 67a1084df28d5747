//! Leptos components. They read the per-frame view and send actions through the
//! controller; no protocol logic lives here.

pub mod banners;
pub mod chart;
pub mod cluster;
pub mod consistency;
pub mod controls;
pub mod crowd;
pub mod event_log;
pub mod experiments;
pub mod hand_kept;
pub mod home;
pub mod inspector;
pub mod keyboard;
pub mod legend;
pub mod pace;
pub mod page_view;
pub mod presets;
pub mod protocol_page;
pub mod share;
pub mod space_time;
pub mod strips;
pub mod sweep;
pub mod timeline;
pub mod tour;

use leptos::prelude::*;

use super::state::Ctl;
use crate::ui::core::text::Text;

/// A fixed string (a common word or the page's own) that follows the language toggle.
#[component]
pub fn Tr(#[prop(into)] k: Text) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    move || k.get(ctl.lang.get())
}

/// The window's inner width and height in CSS pixels (the layout's breakpoints are
/// decided on them, as the style sheet's media queries are).
pub fn viewport() -> (f64, f64) {
    let Some(win) = web_sys::window() else {
        return (0.0, 0.0);
    };
    let px = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    (px(win.inner_width()), px(win.inner_height()))
}

/// Virtual time as seconds with milliseconds: `1.234 s`.
pub fn secs(t: crate::sim::SimTime) -> String {
    crate::sim::time::fmt_secs(t)
}

/// A point at `radius` and `angle` (radians) from `(cx, cy)`. Trigonometry comes from the
/// browser's `Math`: the page is drawn in the browser anyway, and Rust's own sin/cos add
/// about 12 KB to the wasm.
pub fn polar(cx: f64, cy: f64, radius: f64, angle: f64) -> (f64, f64) {
    (
        cx + radius * js_sys::Math::cos(angle),
        cy + radius * js_sys::Math::sin(angle),
    )
}
