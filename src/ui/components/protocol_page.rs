//! The shared layout of pages that run on the engine: intro and presets, controls, the
//! cluster with the per-node state strips (or the page's own drawing) under it, beside them the inspector, the
//! space-time diagram and the event log; then the settings, then
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
pub fn ProtocolPage(drawing: Option<AnyView>, extras: Option<AnyView>) -> impl IntoView {
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
    let page = NodeRef::<leptos::html::Main>::new();
    fit_first_screen(page);
    view! {
        <main class="page" node_ref=page class:bare=move || !controls() data-testid=move || format!("page-{}", slug())>
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
                <div class="main-col">
                    <section class="cluster-panel">
                        <Show when=small fallback=|| view! { <Crowd/> }><Cluster/></Show>
                        <Legend/>
                    </section>
                    // The per-node state (Raft's logs) sits under the cluster, on the
                    // first screen with it.
                    <Show when=move || controls() && strips()><Strips/></Show>
                    {drawing}
                </div>
                // The inspector, the page's chart and the narration first (on the first
                // screen beside the cluster); the space-time diagram after them, or in a
                // column of its own on a wide screen.
                <aside class="side">
                    <div class="side-talk">
                        <Show when=controls><Inspector/></Show>
                        <Show when=chart><SpreadChart/></Show>
                        <EventLog/>
                    </div>
                    <Show when=diagram>
                        <div class="side-draw"><SpaceTime/></div>
                    </Show>
                </aside>
            </div>
            <Show when=controls>
                <Settings/>
                <SharePanel/>
                <LinkCutBanner/>
            </Show>
            <div class="extras" class:hidden=move || !controls()>{extras}</div>
        </main>
    }
}

/// How often (ms) the drawing's height is fitted to the first screen.
const FIT_EVERY_MS: u32 = 400;

/// On a wide screen, the cluster drawing takes the height the first screen has left once
/// everything above the stage and the state strips below the drawing have theirs, so the
/// strips (Raft's logs, Paxos's acceptors) are never pushed below the fold; in an embed's
/// frame it takes what is left under the controls. The room is
/// written as `--fold-room` on the page (measured a few times a second: the presets' story,
/// a notice or a growing log change it); narrow screens scroll as they always did.
fn fit_first_screen(page: NodeRef<leptos::html::Main>) {
    let last = StoredValue::new(0.0f64);
    let fit = move || {
        // The first call comes a frame late: the page may be gone by then (disposed).
        let (Some(Some(main)), Some(win)) = (page.try_get_untracked(), web_sys::window()) else {
            return;
        };
        let (width, height) = super::viewport();
        let rect = |sel: &str| {
            main.query_selector(sel)
                .ok()
                .flatten()
                .map(|e| e.get_bounding_client_rect())
        };
        // Embedded, the strips may follow below (the frame shows the picture, the
        // controls and the inspector); on a wide page they stay on the first screen.
        let embed = main.closest(".embed").ok().flatten().is_some();
        let room = match rect(".stage") {
            Some(stage) if width >= 1100.0 || (embed && width >= 700.0) => {
                let top = stage.top() + win.scroll_y().unwrap_or(0.0);
                // Under the drawing: the state strips, or the page's own drawing (a plot).
                let drawing = rect(".main-col > .page-drawing");
                let strips = if embed {
                    0.0
                } else {
                    rect(".main-col > .logs").map_or(0.0, |r| r.height() + 10.0)
                        + drawing.as_ref().map_or(0.0, |r| r.height() + 10.0)
                };
                // A page with its own drawing has few nodes: the cluster can be smaller.
                let floor = if drawing.is_some() {
                    170.0
                } else if embed {
                    200.0
                } else {
                    250.0
                };
                // Panel padding and border, and a margin under the strips.
                (height - top - strips - 34.0).max(floor).round()
            }
            _ => 0.0,
        };
        if last.try_get_value().is_some_and(|was| was != room) {
            last.set_value(room);
            let _ = if room > 0.0 {
                main.set_attribute("style", &format!("--fold-room: {room}px"))
            } else {
                main.remove_attribute("style")
            };
        }
    };
    request_animation_frame(fit);
    let timer = gloo_timers::callback::Interval::new(FIT_EVERY_MS, fit);
    // Dropped (and so stopped) with the page.
    StoredValue::new_local(timer);
}
