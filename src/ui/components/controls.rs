//! Playback controls (play, step, reset, speed) and the run's settings.

use leptos::prelude::*;

use super::Tr;
use crate::sim::Action;
use crate::ui::i18n::{t, Key};
use crate::ui::scenario::{limits, Scenario};
use crate::ui::state::Ctl;

#[component]
pub fn Controls() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let play_label = move || t(ctl.lang.get(), if ctl.playing.get() { Key::Pause } else { Key::Play });
    let speed = move || ctl.scenario.with(|s| s.speed);
    view! {
        <div class="controls" role="toolbar">
            <button class="primary" data-testid="btn-play" data-playing=move || ctl.playing.get().to_string()
                on:click=move |_| ctl.playing.update(|p| *p = !*p)>
                {move || if ctl.playing.get() { "❚❚ " } else { "▶ " }}{play_label}
            </button>
            <button data-testid="btn-step" on:click=move |_| ctl.step()><Tr k=Key::Step/>" ▸|"</button>
            <button data-testid="btn-reset" on:click=move |_| ctl.reset()>"↺ "<Tr k=Key::Reset/></button>
            <label class="speed" title=move || t(ctl.lang.get(), Key::SpeedHint)>
                <Tr k=Key::Speed/>
                <input type="range" data-testid="speed" min="-1" max="1" step="0.05"
                    prop:value=move || format!("{:.2}", speed().log10())
                    on:input=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                            let s = (10f64.powf(v.clamp(-1.0, 1.0)) * 100.0).round() / 100.0;
                            ctl.update_scenario(|sc| sc.speed = s);
                        }
                    }/>
                <output data-testid="speed-value">{move || format!("{:.1}×", speed())}</output>
            </label>
            <button data-testid="btn-partition" on:click=move |_| ctl.split_cluster()><Tr k=Key::SplitCluster/></button>
            <button data-testid="btn-heal-all" on:click=move |_| ctl.act(Action::HealAll)><Tr k=Key::HealAll/></button>
            <span class="hint"><Tr k=Key::KeyboardHint/></span>
        </div>
    }
}

/// A numeric field bound to one scenario setting; out-of-range input is clamped by the
/// scenario (with a notice), never passed through.
#[component]
fn NumField(
    label: Key,
    testid: &'static str,
    get: fn(&Scenario) -> u64,
    set: fn(&mut Scenario, u64),
    range: (u64, u64),
) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    view! {
        <label class="field">
            <span><Tr k=label/></span>
            <input type="number" data-testid=testid min=range.0 max=range.1
                prop:value=move || ctl.scenario.with(|s| get(s)).to_string()
                on:change=move |ev| {
                    let raw = event_target_value(&ev);
                    match raw.trim().parse::<u64>() {
                        Ok(v) => ctl.update_scenario(|s| set(s, v)),
                        Err(_) => {
                            ctl.notices.set(vec![crate::ui::scenario::Notice::Malformed { field: testid.into(), value: raw }]);
                            // Put the last good value back in the box.
                            ctl.scenario.update(|_| {});
                        }
                    }
                }/>
        </label>
    }
}

#[component]
pub fn Settings() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let nodes = move || ctl.scenario.with(|s| s.nodes);
    view! {
        <details class="settings" open>
            <summary><Tr k=Key::Settings/></summary>
            <div class="fields">
                <NumField label=Key::Seed testid="seed" get=|s| s.seed set=|s, v| s.seed = v range=(0, u64::MAX)/>
                <button class="dice" data-testid="btn-random-seed"
                    on:click=move |_| {
                        let seed = (js_sys::Math::random() * 1_000_000.0) as u64;
                        ctl.update_scenario(|s| s.seed = seed);
                    }><Tr k=Key::RandomSeed/></button>
                <label class="field">
                    <span><Tr k=Key::Nodes/></span>
                    <select data-testid="nodes" prop:value=move || nodes().to_string()
                        on:change=move |ev| {
                            if let Ok(v) = event_target_value(&ev).parse::<usize>() {
                                ctl.update_scenario(|s| s.nodes = v);
                            }
                        }>
                        {(limits::NODES.0..=limits::NODES.1).map(|k| view! {
                            <option value=k.to_string() selected=move || nodes() as u64 == k>{k.to_string()}</option>
                        }).collect_view()}
                    </select>
                </label>
                <NumField label=Key::ElectionMin testid="election-min" get=|s| s.election_min_ms set=|s, v| s.election_min_ms = v range=limits::ELECTION_MS/>
                <NumField label=Key::ElectionMax testid="election-max" get=|s| s.election_max_ms set=|s, v| s.election_max_ms = v range=limits::ELECTION_MS/>
                <NumField label=Key::Heartbeat testid="heartbeat" get=|s| s.heartbeat_ms set=|s, v| s.heartbeat_ms = v range=limits::HEARTBEAT_MS/>
                <NumField label=Key::LatencyMin testid="latency-min" get=|s| s.latency_min_ms set=|s, v| s.latency_min_ms = v range=limits::LATENCY_MS/>
                <NumField label=Key::LatencyMax testid="latency-max" get=|s| s.latency_max_ms set=|s, v| s.latency_max_ms = v range=limits::LATENCY_MS/>
                <NumField label=Key::Loss testid="loss" get=|s| s.loss_pct set=|s, v| s.loss_pct = v range=limits::LOSS_PCT/>
            </div>
        </details>
    }
}
