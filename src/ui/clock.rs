//! The animation driver: every `requestAnimationFrame`, wall time × speed moves the
//! world's virtual clock forward.

use leptos::prelude::*;

use super::state::Ctl;

/// Start the frame loop for `ctl`; it runs for the page's lifetime.
pub fn start(ctl: Ctl) {
    frame(ctl, now_ms());
}

fn frame(ctl: Ctl, last: f64) {
    request_animation_frame(move || {
        let now = now_ms();
        ctl.advance(now - last);
        frame(ctl, now);
    });
}

/// Wall-clock milliseconds from the page's performance timer (animation and throttling
/// only; the simulation never reads it).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}
