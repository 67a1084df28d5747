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

#[component]
pub fn SpaceTime() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let n = Memo::new(move |_| ctl.view.with(|v| v.nodes.len()));
    let names = Memo::new(move |_| {
        ctl.view
            .with(|v| v.nodes.iter().map(|n| n.name.clone()).collect::<Vec<_>>())
    });
    let y = move |at: u64| {
        ctl.view.with(|v| {
            let st = &v.space_time;
            let span = st.to.saturating_sub(st.from).max(1) as f64;
            TOP + (H - TOP - 6.0) * (at.saturating_sub(st.from) as f64 / span)
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
    let arrows = move || {
        let n = n.get();
        let hovered = ctl.hovered.get();
        ctl.view.with(|v| v.space_time.arrows.clone()).into_iter().map(|a| {
            let (x0, y0) = (lane(a.from, n), y(a.t0));
            let xt = lane(a.to, n);
            let x1 = x0 + (xt - x0) * a.progress;
            let y1 = y(a.t1);
            let id = a.id;
            let cross = (a.end == ArrowEnd::Dropped).then(|| view! {
                <path class="st-cross" d=format!("M{},{} l6,6 m0,-6 l-6,6", F(x1 - 3.0, 1), F(y1 - 3.0, 1))/>
            });
            view! {
                <g class=format!("st-arrow {}", a.class) class:hovered=hovered == Some(id) data-testid=format!("arrow-{id}")
                    on:mouseenter=move |_| ctl.hovered.set(Some(id))
                    on:mouseleave=move |_| ctl.hovered.set(None)>
                    <line x1=f1(x0) y1=f1(y0) x2=f1(x1) y2=f1(y1) marker-end=if a.end == ArrowEnd::Delivered { "url(#st-head)" } else { "" }/>
                    <line class="st-hit" x1=f1(x0) y1=f1(y0) x2=f1(x1) y2=f1(y1)/>
                    {cross}
                </g>
            }
        }).collect_view()
    };
    let marks = move || {
        let n = n.get();
        ctl.view
            .with(|v| v.space_time.marks.clone())
            .into_iter()
            .map(|m| {
                let (x, yy) = (lane(m.node, n), y(m.at));
                view! {
                    <circle class="st-mark" cx=f1(x) cy=f1(yy) r="3"/>
                    <text class="st-label" x=f1(x + 5.0) y=f1(yy + 3.0)>{m.label}</text>
                }
            })
            .collect_view()
    };
    view! {
        <section class="space-time" title=move || t(ctl.lang.get(), Key::SpaceTimeHint)>
            <h2><Tr k=Key::SpaceTime/></h2>
            <svg data-testid="space-time" viewBox=format!("0 0 {} {}", Num(W), Num(H))>
                <defs>
                    <marker id="st-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z" fill="#475569"/>
                    </marker>
                </defs>
                {lanes}
                {downs}
                {arrows}
                {marks}
            </svg>
        </section>
    }
}
