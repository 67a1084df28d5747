//! A protocol page: intro and presets, controls, the cluster, the inspector, the event log,
//! the per-node state strips and the settings. What differs per protocol comes from the
//! view model; the layout is the same.

use leptos::prelude::*;

use crate::ui::catalog::Kind;
use crate::ui::components::banners::ViolationBanner;
use crate::ui::components::chart::SpreadChart;
use crate::ui::components::cluster::Cluster;
use crate::ui::components::controls::{Controls, Settings};
use crate::ui::components::crowd::Crowd;
use crate::ui::components::event_log::{EventLog, CROWD_NODES};
use crate::ui::components::experiments::ExperimentsPanel;
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
pub fn ProtocolPage() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    install_keyboard(ctl);
    let slug = move || ctl.scenario.with(|s| s.page.slug());
    // `controls=0` (for embeds) keeps only the picture, the status and the narration.
    let controls = move || ctl.scenario.with(|s| s.controls);
    // Large clusters are drawn on a canvas (no clickable links there: "isolate" instead);
    // up to 40 nodes the SVG view is used, links and all.
    let gossip = move || ctl.scenario.with(|s| s.page.spec().kind == Kind::Crowd);
    let crowd = move || gossip() && ctl.scenario.with(|s| s.nodes > CROWD_NODES);
    let small = move || !crowd();
    let diagram = move || ctl.scenario.with(|s| s.nodes) <= 20 && !gossip();
    view! {
        <main class="page" class:bare=move || !controls() data-testid=move || format!("page-{}", slug())>
            <Intro/>
            <TourLinks/>
            <TourPanel/>
            <Show when=controls><PresetBar/></Show>
            <ViolationBanner/>
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
                    <Show when=gossip><SpreadChart/></Show>
                    <Show when=diagram><SpaceTime/></Show>
                    <EventLog/>
                </aside>
            </div>
            <Show when=controls>
                <Show when=move || !gossip()><Strips/></Show>
                <Settings/>
                <SharePanel/>
                <Show when=move || slug() == "raft"><ExperimentsPanel/></Show>
                <Show when=gossip><crate::ui::components::sweep::SweepPanel kind=crate::lab::sweep::SweepKind::GossipRounds/></Show>
            </Show>
        </main>
    }
}
