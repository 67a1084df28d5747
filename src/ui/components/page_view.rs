//! A page's view once its code is here: the shared protocol layout, or the frame around a
//! page's own body. Named only by the pages' chunks ([`crate::page_chunk`]), so these
//! widgets are fetched with the first page a reader opens, never with the home page.

use leptos::prelude::*;

use super::protocol_page::ProtocolPage;
use crate::ui::core::page::PageDef;
use crate::ui::state::Ctl;

/// The page `def` draws: its own body in the data pages' frame, or the protocol layout
/// with its drawing and extras.
pub fn page_view(def: &'static dyn PageDef) -> AnyView {
    match def.body() {
        Some(body) => view! { <DataPage>{body}</DataPage> }.into_any(),
        None => view! { <ProtocolPage drawing=def.drawing() extras=def.extras()/> }.into_any(),
    }
}

/// The frame of the pages that draw their own body: introduction, notices, settings.
#[component]
fn DataPage(children: Children) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let slug = move || ctl.scenario.with(|s| s.page.slug());
    // Pages whose changes are actions get the timeline (rewind) and the share panel.
    let acts = move || ctl.scenario.with(|s| !s.spec().commands.is_empty());
    let has_presets = move || ctl.scenario.with(|s| !s.spec().presets.is_empty());
    view! {
        <main class="page" data-testid=move || format!("page-{}", slug())>
            <super::presets::Intro/>
            <super::tour::TourLinks/>
            <super::tour::TourPanel/>
            <Show when=has_presets><super::presets::PresetBar/></Show>
            <Show when=acts><super::timeline::Timeline no_keys=true/></Show>
            {children()}
            <super::controls::Settings/>
            <Show when=acts><super::share::SharePanel/></Show>
        </main>
    }
}
