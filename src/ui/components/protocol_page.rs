//! The shared layout of pages that run on the engine: intro and presets, controls, the
//! cluster, the inspector, the event log, the per-node state strips and the settings, then
//! the page's own extras (its experiments). What differs per protocol comes from the view
//! model and the page's spec; the layout is the same.

use leptos::prelude::*;

use crate::ui::components::banners::{CatchUpBanner, LinkCutBanner, ViolationBanner};
use crate::ui::components::chart::SpreadChart;
use crate::ui::components::cluster::Cluster;
use crate::ui::components::controls::{Controls, Settings};
use crate::ui::components::crowd::Crowd;
use crate::ui::components::event_log::{EventLog, CROWD_NODES};
use crate::ui::components::inspector::Inspector;
use crate::ui::components::keyboard::install_keyboard;
use crate::ui::components::legend::Legend;
use crate::ui::components::presets::{Intro, PresetBar, StatusBar};
use crate::ui::components::share::SharePanel;
use crate::ui::components::space_time::SpaceTime;
use crate::ui::components::strips::Strips;
use crate::ui::components::timeline::Timeline;
use crate::ui::components::tour::{TourLinks, TourPanel};
use crate::ui::state::Ctl;

#[component]
pub fn ProtocolPage(extras: Option<AnyView>) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    install_keyboard(ctl);
    let slug = move || ctl.scenario.with(|s| s.page.slug());
    // `controls=0` (for embeds) keeps only the picture, the status and the narration.
    let controls = move || ctl.scenario.with(|s| s.controls);
    // Large clusters are drawn on a canvas (no clickable links there: "isolate" instead);
    // up to 40 nodes the SVG view is used, links and all.
    let crowd = move || ctl.scenario.with(|s| s.cluster_size() > CROWD_NODES);
    let small = move || !crowd();
    let diagram = move || {
        ctl.scenario
            .with(|s| s.spec().space_time && s.cluster_size() <= 20)
    };
    let chart = move || ctl.view.with(|v| v.chart.is_some());
    let strips = move || ctl.scenario.with(|s| s.spec().strips.is_some());
    view! {
        <main class="page" class:bare=move || !controls() data-testid=move || format!("page-{}", slug())>
            <Intro/>
            <TourLinks/>
            <TourPanel/>
            <Show when=controls><PresetBar/></Show>
            <ViolationBanner/>
            <CatchUpBanner/>
            <Show when=controls>
                <Controls/>
                <Timeline/>
            </Show>
            <StatusBar/>
            <div class="stage">
                <section class="cluster-panel">
                    <Show when=small fallback=|| view! { <Crowd/> }><Cluster/></Show>
                    <Legend/>
                </section>
                <aside class="side">
                    <Show when=controls><Inspector/></Show>
                    <Show when=chart><SpreadChart/></Show>
                    <Show when=diagram><SpaceTime/></Show>
                    <EventLog/>
                </aside>
            </div>
            <Show when=controls>
                <Show when=strips><Strips/></Show>
                <Settings/>
                <SharePanel/>
                <LinkCutBanner/>
            </Show>
            <div class="extras" class:hidden=move || !controls()>{extras}</div>
        </main>
    }
}
