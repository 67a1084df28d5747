//! The Raft page: controls, the cluster, the inspector, the logs and the event log.

use leptos::prelude::*;

use crate::ui::components::banners::ViolationBanner;
use crate::ui::components::cluster::Cluster;
use crate::ui::components::controls::{Controls, Settings};
use crate::ui::components::event_log::EventLog;
use crate::ui::components::inspector::Inspector;
use crate::ui::components::keyboard::install_keyboard;
use crate::ui::components::legend::Legend;
use crate::ui::components::log_strips::LogStrips;
use crate::ui::state::Ctl;

#[component]
pub fn RaftPage() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    install_keyboard(ctl);
    view! {
        <main class="page raft" data-testid="page-raft">
            <ViolationBanner/>
            <Controls/>
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
            <LogStrips/>
            <Settings/>
        </main>
    }
}
