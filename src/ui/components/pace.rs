//! Pacing for the panels that rewrite much text each frame (the event log, the state
//! strips). While the clock plays fast, nobody reads lines that change sixty times a
//! second, and rewriting and laying them out every frame was most of a busy page's frame
//! time (Paxos's dueling proposers at 10×). A paced panel is rewritten once per
//! [`PACE_MS`] of wall time instead, each panel in its own phase of that period, so two
//! panels never rewrite in the same frame. Paused, stepping, or at a slow speed, a panel
//! follows every frame, so a paused moment always shows exactly the run's state.

use leptos::prelude::*;

use crate::ui::clock::now_ms;
use crate::ui::core::i18n::Lang;
use crate::ui::state::Ctl;

/// How often (wall milliseconds) a paced panel is rewritten while the clock runs.
pub const PACE_MS: f64 = 150.0;
/// From this speed up, panels paced only when fast are paced.
pub const FAST_SPEED: f64 = 5.0;

/// When a panel is paced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// Whenever the clock plays.
    Playing,
    /// While the clock plays at [`FAST_SPEED`] or more.
    Fast,
}

/// Whether the clock plays fast (see [`FAST_SPEED`]).
pub fn fast(ctl: Ctl) -> bool {
    ctl.playing.get() && ctl.scenario.with(|s| s.speed) >= FAST_SPEED
}

/// A counter that moves on whenever the panel should be rewritten: every change of the
/// view, language or play state, except that while paced only once per period, in the
/// part of the period `phase` (0 to 1) names. A panel reads the view untracked and
/// tracks this instead.
pub fn paced(ctl: Ctl, when: When, phase: f64) -> Memo<u64> {
    let last = StoredValue::new(None::<(i64, Lang)>);
    Memo::new(move |prev: Option<&u64>| {
        ctl.view.track();
        let lang = ctl.lang.get();
        let paced = match when {
            When::Playing => ctl.playing.get(),
            When::Fast => fast(ctl),
        };
        let slot = ((now_ms() / PACE_MS) + phase).floor() as i64;
        match prev {
            Some(&n) if paced && last.get_value() == Some((slot, lang)) => n,
            _ => {
                last.set_value(Some((slot, lang)));
                prev.map_or(0, |n| n + 1)
            }
        }
    })
}
