//! The space-time (Lamport) diagram beside the cluster: one vertical line per node, time
//! flowing down, an arrow per message from send to receipt (a cross where it was dropped),
//! crash gaps, labelled state changes. Hovering an arrow highlights the message in the
//! cluster and the event log, and the other way round.

use leptos::prelude::*;

use crate::decimal::{Fixed as F, Num};

/// A coordinate with one decimal.
fn f1(v: f64) -> String {
    crate::decimal::fixed(v, 1)
}

use super::Tr;
use crate::ui::i18n::{t, Key};
use crate::ui::state::Ctl;
use crate::ui::view::ArrowEnd;

const W: f64 = 340.0;
const H: f64 = 360.0;
const TOP: f64 = 28.0;
const PAD: f64 = 26.0;

fn lane(i: usize, n: usize) -> f64 {
    if n <= 1 {
        W / 2.0
    } else {
        PAD + (W - 2.0 * PAD) * i as f64 / (n - 1) as f64
    }
}

/// Vertical pixels per virtual microsecond, for a diagram showing `window` µs.
fn scale(window: u64) -> f64 {
    (H - TOP - 6.0) / window.max(1) as f64
}

#[component]
pub fn SpaceTime() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let n = Memo::new(move |_| ctl.view.with(|v| v.nodes.len()));
    let names = Memo::new(move |_| {
        ctl.view
            .with(|v| v.nodes.iter().map(|n| n.name.clone()).collect::<Vec<_>>())
    });
    // Everything below is drawn at absolute times (y = time × scale) inside one group
    // that scrolls up as time passes: a frame moves the group and the arrows still in
    // flight, and leaves every finished arrow, mark and label as it is.
    let window = Memo::new(move |_| ctl.view.with(|v| v.space_time.window));
    let y = move |at: u64| at as f64 * scale(window.get());
    let scroll = move || {
        ctl.view.with(|v| {
            let st = &v.space_time;
            format!(
                "translate(0,{})",
                F(TOP - st.from as f64 * scale(st.window), 1)
            )
        })
    };
    let lanes = move || {
        let n = n.get();
        names
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, name)| {
                let x = lane(i, n);
                view! {
                    <line class="st-lane" x1=f1(x) y1=f1(TOP) x2=f1(x) y2=f1(H)/>
                    <text class="st-name" x=f1(x) y="16">{name}</text>
                }
            })
            .collect_view()
    };
    let downs = move || {
        let n = n.get();
        ctl.view
            .with(|v| v.space_time.down.clone())
            .into_iter()
            .map(|(node, a, b)| {
                let x = lane(node, n);
                view! { <line class="st-down" x1=f1(x) y1=f1(y(a)) x2=f1(x) y2=f1(y(b))/> }
            })
            .collect_view()
    };
    // The arrows by id. What changes while a message flies (its end, how far it got)
    // lives in one signal per arrow, set only when it changes: a finished arrow is never
    // touched again, and no arrow subscribes to the whole view (hundreds of subscribers
    // to one signal make every frame quadratic).
    let arrows = Memo::new(move |_| {
        ctl.view.with(|v| {
            v.space_time
                .arrows
                .iter()
                .map(|a| (a.id, a.from, a.to, a.t0, a.class))
                .collect::<Vec<_>>()
        })
    });
    type Flight = (u64, f64, ArrowEnd);
    let flight_of = |a: &crate::ui::view::Arrow| -> Flight { (a.t1, a.progress, a.end) };
    let live = StoredValue::new(std::collections::BTreeMap::<u64, RwSignal<Flight>>::new());
    Effect::new(move |_| {
        ctl.view.with(|v| {
            let arrows = &v.space_time.arrows;
            live.update_value(|m| {
                m.retain(|id, _| arrows.binary_search_by_key(id, |a| a.id).is_ok());
                for a in arrows {
                    if let Some(sig) = m.get(&a.id) {
                        let now = flight_of(a);
                        if sig.try_get_untracked() != Some(now) {
                            sig.try_set(now);
                        }
                    }
                }
            });
        });
    });
    let arrow = move |(id, from, to, t0, class): (u64, usize, usize, u64, &'static str)| {
        let first = ctl.view.with_untracked(|v| {
            v.space_time
                .arrows
                .binary_search_by_key(&id, |a| a.id)
                .ok()
                .map(|i| flight_of(&v.space_time.arrows[i]))
                .unwrap_or((t0, 0.0, ArrowEnd::Flying))
        });
        let flight = RwSignal::new(first);
        live.update_value(|m| {
            m.insert(id, flight);
        });
        let n = n.get_untracked();
        let (x0, x_to) = (lane(from, n), lane(to, n));
        let y0 = y(t0);
        let tip = move || {
            let (t1, progress, _) = flight.get();
            (x0 + (x_to - x0) * progress, y(t1))
        };
        let end = move || Some(flight.get().2);
        let x1 = move || f1(tip().0);
        let y1 = move || f1(tip().1);
        view! {
            <g class=format!("st-arrow {class}") class:hovered=move || ctl.hovered.get() == Some(id)
                data-testid=format!("arrow-{id}")
                on:mouseenter=move |_| ctl.hovered.set(Some(id))
                on:mouseleave=move |_| ctl.hovered.set(None)>
                <line x1=f1(x0) y1=f1(y0) x2=x1 y2=y1
                    marker-end=move || if end() == Some(ArrowEnd::Delivered) { "url(#st-head)" } else { "" }/>
                <line class="st-hit" x1=f1(x0) y1=f1(y0) x2=x1 y2=y1/>
                <Show when=move || end() == Some(ArrowEnd::Dropped)>
                    <path class="st-cross" d=move || {
                        let (x, y) = tip();
                        format!("M{},{} l6,6 m0,-6 l-6,6", F(x - 3.0, 1), F(y - 3.0, 1))
                    }/>
                </Show>
            </g>
        }
    };
    let marks = Memo::new(move |_| ctl.view.with(|v| v.space_time.marks.clone()));
    let mark = move |m: crate::ui::view::Mark| {
        let n = n.get_untracked();
        let (x, yy) = (lane(m.node, n), y(m.at));
        // Labels need room between lanes; with many nodes the dot keeps its label as a
        // tooltip.
        let roomy = n <= 1 || (W - 2.0 * PAD) / (n - 1) as f64 >= 45.0;
        let label = m.label.clone();
        view! {
            <circle class="st-mark" cx=f1(x) cy=f1(yy) r="3"><title>{m.label}</title></circle>
            {roomy.then(|| view! { <text class="st-label" x=f1(x + 5.0) y=f1(yy + 3.0)>{label}</text> })}
        }
    };
    view! {
        <section class="space-time" title=move || t(ctl.lang.get(), Key::SpaceTimeHint)>
            <h2><Tr k=Key::SpaceTime/></h2>
            <svg data-testid="space-time" viewBox=format!("0 0 {} {}", Num(W), Num(H))>
                <defs>
                    <marker id="st-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z" fill="#475569"/>
                    </marker>
                    <clipPath id="st-clip">
                        <rect x="0" y=f1(TOP) width=f1(W) height=f1(H - TOP)/>
                    </clipPath>
                </defs>
                {lanes}
                <g clip-path="url(#st-clip)">
                    // Keyed by the node count and the time span too: a new cluster size or
                    // scale (rare: see fit_window) redraws every arrow and mark.
                    <g transform=scroll>
                        {downs}
                        <For each=move || { window.track(); arrows.get() }
                            key=move |a| (a.0, n.get_untracked(), window.get_untracked()) children=arrow/>
                        <For each=move || { window.track(); marks.get() }
                            key=move |m| (m.node, m.at, m.label.clone(), window.get_untracked()) children=mark/>
                    </g>
                </g>
            </svg>
        </section>
    }
}
