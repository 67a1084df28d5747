//! The timeline scrubber: drag back to any earlier virtual time; the run continues from
//! there on play. Built on the simulation's checkpoints and action log.

use leptos::prelude::*;

use super::{secs, Tr};
use crate::sim::MS;
use crate::ui::core::i18n::{t, Key};
use crate::ui::state::Ctl;

#[component]
pub fn Timeline(
    /// The keys' hint (play, step, select a node by number) is left out: a page of its own
    /// body has no nodes to pick and nothing that plays by itself.
    #[prop(optional)]
    no_keys: bool,
) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let now = move || ctl.view.with(|v| v.now);
    let horizon = move || ctl.view.with(|v| v.horizon.max(v.now));
    view! {
        <div class="timeline" title=move || t(ctl.lang.get(), Key::TimelineHint)>
            <span class="label"><Tr k=Key::Timeline/></span>
            <input type="range" data-testid="scrubber" min="0" step="1"
                max=move || (horizon() / MS).to_string()
                prop:max=move || (horizon() / MS).to_string()
                prop:value=move || (now() / MS).to_string()
                on:input=move |ev| {
                    if let Ok(ms) = event_target_value(&ev).parse::<u64>() {
                        ctl.seek(ms * MS);
                    }
                }/>
            <output data-testid="timeline-value">{move || format!("{} / {}", secs(now()), secs(horizon()))}</output>
            {(!no_keys).then(|| view! { <span class="keys-hint"><Tr k=Key::KeyboardHint/></span> })}
        </div>
    }
}
