//! A protocol page: intro and presets, controls, the cluster, the inspector, the event log,
//! the per-node state strips and the settings. What differs per protocol comes from the
//! view model; the layout is the same.

use leptos::prelude::*;

use crate::ui::components::banners::ViolationBanner;
use crate::ui::components::cluster::Cluster;
use crate::ui::components::controls::{Controls, Settings};
use crate::ui::components::event_log::EventLog;
use crate::ui::components::inspector::Inspector;
use crate::ui::components::keyboard::install_keyboard;
use crate::ui::components::legend::Legend;
use crate::ui::components::presets::{Intro, PresetBar, StatusBar};
use crate::ui::components::strips::Strips;
use crate::ui::state::Ctl;

#[component]
pub fn ProtocolPage() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    install_keyboard(ctl);
    let slug = move || ctl.scenario.with(|s| s.page.slug());
    view! {
        <main class="page" data-testid=move || format!("page-{}", slug())>
            <Intro/>
            <PresetBar/>
            <ViolationBanner/>
            <Controls/>
            <StatusBar/>
            <div class="stage">
                <section class="cluster-panel">
                    <Cluster/>
                    <Legend/>
                </section>
                <aside class="side">
                    <Inspector/>
                    <EventLog/>
                </aside>
            </div>
            <Strips/>
            <Settings/>
        </main>
    }
}
