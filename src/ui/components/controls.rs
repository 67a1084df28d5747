//! Playback controls (play, step, reset, speed, faults) and the run's settings.

use leptos::prelude::*;

use crate::decimal::{fixed, Fixed};

use super::Tr;
use crate::ui::core::action::UiAction;
use crate::ui::core::i18n::{t, Key};
use crate::ui::core::notice::Notice;
use crate::ui::core::scenario::{limits, Scenario};
use crate::ui::core::spec::ParamSpec;
use crate::ui::state::Ctl;

#[component]
pub fn Controls() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let play_label = move || {
        t(
            ctl.lang.get(),
            if ctl.playing.get() {
                Key::Pause
            } else {
                Key::Play
            },
        )
    };
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
                    prop:value=move || fixed(speed().log10(), 2)
                    on:input=move |ev| {
                        if let Some(v) = crate::decimal::parse(&event_target_value(&ev)) {
                            let s = (10f64.powf(v.clamp(-1.0, 1.0)) * 100.0).round() / 100.0;
                            ctl.update_scenario(|sc| sc.speed = s);
                        }
                    }/>
                <output data-testid="speed-value">{move || format!("{}×", Fixed(speed(), 1))}</output>
            </label>
            <button data-testid="btn-partition" on:click=move |_| ctl.split_cluster()><Tr k=Key::SplitCluster/></button>
            <button data-testid="btn-heal-all" on:click=move |_| ctl.act(UiAction::HealAll)><Tr k=Key::HealAll/></button>
        </div>
    }
}

/// A number box; what is typed goes through `set` and the scenario's own clamping (with a
/// notice), never straight into the run.
#[component]
fn NumberBox(
    #[prop(into)] label: crate::ui::core::text::Text,
    testid: String,
    get: Signal<u64>,
    set: Callback<u64>,
    range: (u64, u64),
) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let id = testid.clone();
    view! {
        <label class="field">
            <span><Tr k=label/></span>
            <input type="number" data-testid=testid min=range.0 max=range.1
                prop:value=move || get.get().to_string()
                on:change=move |ev| {
                    let raw = event_target_value(&ev);
                    match raw.trim().parse::<u64>() {
                        Ok(v) => set.run(v),
                        Err(_) => {
                            ctl.notices.set(vec![Notice::Malformed { field: id.clone(), value: raw }]);
                            // Put the last good value back in the box.
                            ctl.scenario.update(|_| {});
                        }
                    }
                }/>
        </label>
    }
}

/// A scenario field read and written through plain functions.
fn common(
    ctl: Ctl,
    label: Key,
    testid: &str,
    get: fn(&Scenario) -> u64,
    set: fn(&mut Scenario, u64),
    range: (u64, u64),
) -> impl IntoView {
    let get = Signal::derive(move || ctl.scenario.with(get));
    let set = Callback::new(move |v| ctl.update_scenario(|s| set(s, v)));
    view! { <NumberBox label testid=testid.to_string() get set range/> }
}

/// One of the page's own settings.
fn param_field(ctl: Ctl, p: &'static ParamSpec) -> impl IntoView {
    let key = p.key;
    if !p.choices.is_empty() {
        let value = move || ctl.scenario.with(|s| s.param(p));
        return view! {
            <label class="field">
                <span><Tr k=p.label/></span>
                <select data-testid=format!("param-{key}") prop:value=move || value().to_string()
                    on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<u64>() {
                            ctl.update_scenario(|s| s.set_param(p, v));
                        }
                    }>
                    {p.choices.iter().enumerate().map(|(i, k)| view! {
                        <option value=i.to_string() selected=move || value() == i as u64>{move || k.get(ctl.lang.get())}</option>
                    }).collect_view()}
                </select>
            </label>
        }
        .into_any();
    }
    if p.toggle {
        view! {
            <label class="field toggle">
                <input type="checkbox" data-testid=format!("param-{key}")
                    prop:checked=move || ctl.scenario.with(|s| s.param(p) == 1)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        ctl.update_scenario(|s| s.set_param(p, on as u64));
                    }/>
                <span><Tr k=p.label/></span>
            </label>
        }
        .into_any()
    } else {
        let get = Signal::derive(move || ctl.scenario.with(|s| s.param(p)));
        let set = Callback::new(move |v| ctl.update_scenario(|s| s.set_param(p, v)));
        view! { <NumberBox label=p.label testid=format!("param-{key}") get set range=(p.min, p.max)/> }.into_any()
    }
}

#[component]
pub fn Settings() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    // Fields are rebuilt only when the page changes: rebuilding them on every setting
    // change would remove the input being edited in the middle of its own event.
    let page = Memo::new(move |_| ctl.scenario.with(|s| s.page));
    let spec = move || page.get().spec();
    let nodes = move || ctl.scenario.with(|s| s.nodes);
    // A page with nothing to set (a drawn history) shows no empty panel.
    let empty = move || {
        let s = spec();
        !s.seeded && s.params.is_empty() && s.nodes.0 == s.nodes.1 && !s.network
    };
    view! {
        <details class="settings" open class:hidden=empty>
            <summary><Tr k=Key::Settings/></summary>
            <div class="fields">
                // A page whose runs draw nothing at random has no seed to set.
                {move || spec().seeded.then(|| view! {
                    {common(ctl, Key::Seed, "seed", |s| s.seed, |s, v| s.seed = v, (0, u64::MAX))}
                    <button class="dice" data-testid="btn-random-seed"
                        on:click=move |_| {
                            // A fresh seed from the browser's crypto source, kept short
                            // enough to read out in class.
                            let seed = getrandom::u64().map_or(1, |r| r % 1_000_000);
                            ctl.update_scenario(|s| s.seed = seed);
                        }><Tr k=Key::RandomSeed/></button>
                })}
                // A short range is a list; a long one (gossip's 8–500) a number box.
                {move || {
                    let (lo, hi, _) = spec().nodes;
                    if lo == hi {
                        ().into_any()
                    } else if hi - lo > 20 {
                        let get = Signal::derive(move || nodes() as u64);
                        let set = Callback::new(move |v: u64| ctl.update_scenario(|s| s.nodes = v.min(usize::MAX as u64) as usize));
                        view! { <NumberBox label=spec().nodes_label testid="nodes".to_string() get set range=(lo, hi)/> }.into_any()
                    } else {
                        view! {
                            <label class="field">
                                <span><Tr k=spec().nodes_label/></span>
                                <select data-testid="nodes" prop:value=move || nodes().to_string()
                                    on:change=move |ev| {
                                        if let Ok(v) = event_target_value(&ev).parse::<usize>() {
                                            ctl.update_scenario(|s| s.nodes = v);
                                        }
                                    }>
                                    {(lo..=hi).map(|k| view! {
                                        <option value=k.to_string() selected=move || nodes() as u64 == k>{k.to_string()}</option>
                                    }).collect_view()}
                                </select>
                            </label>
                        }.into_any()
                    }
                }}
                {move || spec().params.iter().map(|p| param_field(ctl, p)).collect_view()}
                <Show when=move || spec().network>
                    {common(ctl, Key::LatencyMin, "latency-min", |s| s.latency_min_ms, |s, v| s.latency_min_ms = v, limits::LATENCY_MS)}
                    {common(ctl, Key::LatencyMax, "latency-max", |s| s.latency_max_ms, |s, v| s.latency_max_ms = v, limits::LATENCY_MS)}
                    {common(ctl, Key::Loss, "loss", |s| s.loss_pct, |s, v| s.loss_pct = v, limits::LOSS_PCT)}
                    {common(ctl, Key::Duplicate, "dup", |s| s.dup_pct, |s, v| s.dup_pct = v, limits::DUP_PCT)}
                </Show>
            </div>
        </details>
    }
}
