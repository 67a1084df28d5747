//! What the shapes and colours mean.

use leptos::prelude::*;

use super::Tr;
use crate::ui::i18n::{t, Key};
use crate::ui::raft_view::MsgKind;
use crate::ui::state::Ctl;

#[component]
pub fn Legend() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let roles = [("follower", "●", Key::Follower), ("candidate", "◆", Key::Candidate), ("leader", "⬢", Key::Leader), ("crashed", "✕", Key::Crashed)];
    view! {
        <div class="legend" data-testid="legend">
            <strong><Tr k=Key::Legend/></strong>
            <ul class="roles">
                {roles.into_iter().map(|(cls, sym, k)| view! {
                    <li><span class=format!("sym role-{cls}")>{sym}</span>{move || t(ctl.lang.get(), k)}</li>
                }).collect_view()}
            </ul>
            <ul class="kinds">
                {MsgKind::ALL.into_iter().map(|k| view! {
                    <li><span class=format!("badge {}", k.class())>{k.badge()}</span>{move || t(ctl.lang.get(), k.key())}</li>
                }).collect_view()}
            </ul>
        </div>
    }
}
