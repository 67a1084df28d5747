//! The space-time (Lamport) diagram beside the cluster: one vertical line per node, time
//! flowing down, an arrow per message from send to receipt (a cross where it was dropped),
//! crash gaps, labelled state changes, a time axis. It follows the run's moment (and so
//! the timeline scrubber); the wheel or the arrow buttons scroll it back through the whole
//! run, the zoom buttons change how much time it shows. Hovering an arrow highlights the
//! message in the cluster and the event log, and the other way round.

use leptos::prelude::*;

use super::{now_ms, Tr};
use crate::decimal::{Fixed as F, Num};
use crate::ui::core::i18n::{t, Key};
use crate::sim::SimTime;
use crate::ui::core::plain_trace::{axis_ticks, tick_label, MAX_ARROWS};
use crate::ui::core::view::ArrowEnd;
use crate::ui::state::Ctl;

/// A coordinate with one decimal.
fn f1(v: f64) -> String {
    crate::decimal::fixed(v, 1)
}

const W: f64 = 360.0;
const H: f64 = 360.0;
const TOP: f64 = 28.0;
/// Room for the time axis's labels on the left.
const AXIS: f64 = 44.0;
const PAD: f64 = 22.0;

fn lane(i: usize, n: usize) -> f64 {
    let left = AXIS + PAD;
    if n <= 1 {
        (left + W - PAD) / 2.0
    } else {
        left + (W - PAD - left) * i as f64 / (n - 1) as f64
    }
}

/// The narrowest span the zoom goes to.
const MIN_WINDOW: SimTime = 10 * crate::sim::MS;

/// Vertical pixels per virtual microsecond, for a diagram showing `window` µs.
fn scale(window: u64) -> f64 {
    (H - TOP - 6.0) / window.max(1) as f64
}

/// How often (wall milliseconds) a running clock redraws the diagram's marks.
const MARKS_EVERY_MS: f64 = 100.0;

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
    // The arrows are kept by hand in their own group (one SVG group per arrow, made,
    // updated and removed directly): a finished arrow is never touched again, an arrow in
    // flight gets one attribute write per frame, and no reactive node exists per arrow
    // (hundreds of them cost both frame time and wasm size).
    let arrow_layer = NodeRef::<leptos::svg::G>::new();
    let drawn = StoredValue::new_local(Drawn::default());
    Effect::new(move |_| {
        let Some(layer) = arrow_layer.get() else {
            return;
        };
        let n = n.get();
        let window = window.get();
        let hovered = ctl.hovered.get();
        ctl.view.with(|v| {
            drawn.update_value(|d| d.sync(&layer, &v.space_time.arrows, (n, window), hovered, ctl))
        });
    });
    // The marks (state changes), keyed: a mark sits at its absolute time inside the
    // scrolling group, so a frame only adds the new ones and removes those that left the
    // window (rewriting every mark each frame was the busiest pages' largest DOM cost).
    // While the clock runs they follow at most every MARKS_EVERY_MS of wall time (at 10×
    // a busy run adds and drops ten marks a frame); paused or stepping, every event.
    let last = StoredValue::new(f64::NEG_INFINITY);
    let mark_list = Memo::new(
        move |prev: Option<&Vec<(crate::ui::core::view::Mark, usize, u64)>>| {
            let (n, window) = (n.get(), window.get());
            let playing = ctl.playing.get();
            ctl.view.track();
            if let Some(prev) = prev {
                let same = prev
                    .first()
                    .is_none_or(|(_, pn, pw)| (*pn, *pw) == (n, window));
                if playing && same && now_ms() - last.get_value() < MARKS_EVERY_MS {
                    return prev.clone();
                }
            }
            last.set_value(now_ms());
            ctl.view.with(|v| {
                v.space_time
                    .marks
                    .iter()
                    .map(|m| (m.clone(), n, window))
                    .collect::<Vec<_>>()
            })
        },
    );
    let mark = move |(m, n, window): (crate::ui::core::view::Mark, usize, u64)| {
        // Labels need room between lanes; with many nodes the dot keeps its label as a
        // tooltip.
        let roomy = n <= 1 || lane(1, n) - lane(0, n) >= 45.0;
        let (x, yy) = (lane(m.node, n), m.at as f64 * scale(window));
        let label = if roomy {
            m.label.clone()
        } else {
            String::new()
        };
        // The last lane's labels go to its left, inside the diagram.
        let last = m.node + 1 == n && n > 1;
        let lx = if last { x - 5.0 } else { x + 5.0 };
        view! {
            <circle class="st-mark" cx=f1(x) cy=f1(yy) r="3"><title>{m.label}</title></circle>
            <text class="st-label" class:end=last x=f1(lx) y=f1(yy + 3.0)>{label}</text>
        }
    };
    let marks = move || {
        view! {
            <For each=move || mark_list.get()
                key=|(m, n, w)| (m.node, m.at, m.label.clone(), *n, *w)
                children=mark/>
        }
    };
    // The time axis: about five round ticks, keyed by time, inside the scrolling group.
    let ticks = Memo::new(move |_| {
        ctl.view.with(|v| {
            let st = &v.space_time;
            // Over the diagram's whole height (early in a run it reaches past now).
            let from = st.to.saturating_sub(st.window);
            let (step, ticks) = axis_ticks(from, from + st.window);
            ticks
                .into_iter()
                .map(|at| (at, tick_label(at, step), st.window))
                .collect::<Vec<_>>()
        })
    });
    let tick = move |(at, label, window): (SimTime, String, SimTime)| {
        let yy = at as f64 * scale(window);
        view! {
            <line class="st-grid" x1=f1(AXIS) y1=f1(yy) x2=f1(W) y2=f1(yy)/>
            <text class="st-tick" x=f1(AXIS - 4.0) y=f1(yy + 3.0)>{label}</text>
        }
    };
    // Scrolling and zoom move only the diagram, never the run.
    let scroll_by = move |fraction: f64| {
        let (to, window, now) = ctl
            .view
            .with_untracked(|v| (v.space_time.to, v.space_time.window, v.now));
        let end = (to as f64 + window as f64 * fraction).max(window.min(now) as f64) as SimTime;
        ctl.space_time(|a| a.end = (end < now).then_some(end));
    };
    // Zoom keeps the middle of the diagram where it is (the top, when it shows the start).
    let zoom_by = move |factor: f64| {
        let (to, window, now) = ctl
            .view
            .with_untracked(|v| (v.space_time.to, v.space_time.window, v.now));
        let w = ((window as f64 * factor) as SimTime).max(MIN_WINDOW);
        let end = if to <= window {
            w
        } else {
            (to - window / 2).saturating_add(w / 2)
        };
        ctl.space_time(|a| {
            a.window = Some(w);
            a.end = (end < now).then_some(end.max(w.min(now)));
        });
    };
    let at_start = move || {
        ctl.view
            .with(|v| v.space_time.to <= v.space_time.window)
    };
    let following = move || ctl.view.with(|v| !v.space_time.pinned);
    let whole = move || {
        ctl.view.with(|v| {
            v.space_time.window >= v.space_time.to || v.space_time.arrows.len() >= MAX_ARROWS
        })
    };
    let narrowest = move || ctl.view.with(|v| v.space_time.window <= MIN_WINDOW);
    let asked = move || ctl.view.with(|v| v.space_time.pinned || v.space_time.zoomed);
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        ev.prevent_default();
        let dy = ev.delta_y();
        if dy == 0.0 {
            return;
        }
        if ev.ctrl_key() {
            zoom_by(if dy > 0.0 { 2.0 } else { 0.5 });
        } else {
            scroll_by((dy / (H - TOP)).clamp(-0.5, 0.5));
        }
    };
    let lang = move || ctl.lang.get();
    view! {
        <section class="space-time" title=move || t(ctl.lang.get(), Key::SpaceTimeHint)>
            <div class="st-head">
                <h2><Tr k=Key::SpaceTime/></h2>
                <span class="st-pinned" class:hidden=following><Tr k=Key::StPinned/></span>
                <div class="st-tools">
                    <button data-testid="st-earlier" title=move || t(lang(), Key::StEarlier)
                        aria-label=move || t(lang(), Key::StEarlier)
                        disabled=at_start on:click=move |_| scroll_by(-0.5)>"▲"</button>
                    <button data-testid="st-later" title=move || t(lang(), Key::StLater)
                        aria-label=move || t(lang(), Key::StLater)
                        disabled=following on:click=move |_| scroll_by(0.5)>"▼"</button>
                    <button data-testid="st-zoom-in" title=move || t(lang(), Key::StZoomIn)
                        aria-label=move || t(lang(), Key::StZoomIn)
                        disabled=narrowest on:click=move |_| zoom_by(0.5)>"+"</button>
                    <button data-testid="st-zoom-out" title=move || t(lang(), Key::StZoomOut)
                        aria-label=move || t(lang(), Key::StZoomOut)
                        disabled=whole on:click=move |_| zoom_by(2.0)>"−"</button>
                    <button data-testid="st-follow" class="st-follow" class:hidden=move || !asked()
                        on:click=move |_| ctl.space_time(|a| *a = Default::default())>
                        <Tr k=Key::StFollow/>
                    </button>
                </div>
            </div>
            <svg data-testid="space-time" viewBox=format!("0 0 {} {}", Num(W), Num(H)) on:wheel=on_wheel
                data-to-ms=move || ctl.view.with(|v| v.space_time.to / crate::sim::MS)
                data-window-ms=move || ctl.view.with(|v| v.space_time.window / crate::sim::MS)>
                <defs>
                    <marker id="st-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z" fill="#475569"/>
                    </marker>
                    <clipPath id="st-clip">
                        <rect x="0" y=f1(TOP - 6.0) width=f1(W) height=f1(H - TOP + 6.0)/>
                    </clipPath>
                </defs>
                {lanes}
                <g clip-path="url(#st-clip)">
                    <g transform=scroll>
                        <For each=move || ticks.get() key=|(at, _, w)| (*at, *w) children=tick/>
                        {downs}
                        <g node_ref=arrow_layer></g>
                        {marks}
                    </g>
                </g>
            </svg>
        </section>
    }
}

/// The arrows drawn in the diagram's arrow group, by message id.
#[derive(Default)]
struct Drawn {
    /// (node count, time span) they were drawn for: a change redraws them all.
    basis: (usize, u64),
    hovered: Option<u64>,
    /// Sorted by message id.
    arrows: Vec<(u64, DrawnArrow)>,
}

struct DrawnArrow {
    group: web_sys::Element,
    line: web_sys::Element,
    hit: web_sys::Element,
    cross: web_sys::Element,
    /// (arrival or now, progress, how it ended) as drawn.
    flight: (u64, f64, ArrowEnd),
    /// The class attribute as written (rewritten only when it changes).
    class: String,
    _enter: wasm_bindgen::closure::Closure<dyn FnMut()>,
    _leave: wasm_bindgen::closure::Closure<dyn FnMut()>,
    _click: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

const SVG_NS: Option<&str> = Some("http://www.w3.org/2000/svg");

impl Drawn {
    /// Make the group show `arrows` (sorted by id), the `hovered` one highlighted.
    fn sync(
        &mut self,
        layer: &web_sys::Element,
        arrows: &[crate::ui::core::view::Arrow],
        basis: (usize, u64),
        hovered: Option<u64>,
        ctl: Ctl,
    ) {
        use wasm_bindgen::JsCast;
        if self.basis != basis {
            for (_, a) in &self.arrows {
                a.group.remove();
            }
            self.arrows.clear();
            self.basis = basis;
        }
        self.arrows.retain(|(id, a)| {
            let keep = arrows.binary_search_by_key(id, |x| x.id).is_ok();
            if !keep {
                a.group.remove();
            }
            keep
        });
        let (n, window) = basis;
        let scale = scale(window);
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        for a in arrows {
            let flight = (a.t1, a.progress, a.end);
            let slot = self.arrows.binary_search_by_key(&a.id, |(id, _)| *id);
            let fresh = slot.is_err();
            if let Err(at) = slot {
                let make = |tag: &str, class: &str| {
                    let e = doc.create_element_ns(SVG_NS, tag).ok()?;
                    e.set_attribute("class", class).ok()?;
                    Some(e)
                };
                let (Some(group), Some(line), Some(hit), Some(cross)) = (
                    make("g", a.class),
                    make("path", "st-line"),
                    make("path", "st-hit"),
                    make("path", "st-cross"),
                ) else {
                    return;
                };
                let _ = group.set_attribute("data-testid", &format!("arrow-{}", a.id));
                let id = a.id;
                let enter = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
                    ctl.hovered.set(Some(id))
                });
                let leave = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
                    ctl.hovered.set(None)
                });
                let _ = group
                    .add_event_listener_with_callback("mouseenter", enter.as_ref().unchecked_ref());
                let _ = group
                    .add_event_listener_with_callback("mouseleave", leave.as_ref().unchecked_ref());
                // A click shows what the message carried, in the inspector.
                let click = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
                    ctl.selected.set(crate::ui::state::Selection::Msg(id))
                });
                let _ = group
                    .add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
                for part in [&line, &hit, &cross] {
                    let _ = group.append_child(part);
                }
                let _ = layer.append_child(&group);
                self.arrows.insert(
                    at,
                    (
                        a.id,
                        DrawnArrow {
                            group,
                            line,
                            hit,
                            cross,
                            flight: (u64::MAX, -1.0, ArrowEnd::Flying),
                            class: String::new(),
                            _enter: enter,
                            _leave: leave,
                            _click: click,
                        },
                    ),
                );
            }
            let Ok(i) = self.arrows.binary_search_by_key(&a.id, |(id, _)| *id) else {
                continue;
            };
            let d = &mut self.arrows[i].1;
            let was_hovered = self.hovered == Some(a.id);
            let is_hovered = hovered == Some(a.id);
            if fresh || d.flight != flight || was_hovered != is_hovered {
                // An arrow in flight only grows its line; the hover target and the cross
                // follow its end: drawn when it appears and when it lands or is dropped.
                let end_changed = fresh || flight.2 != d.flight.2;
                d.flight = flight;
                let (x0, y0) = (lane(a.from, n), a.t0 as f64 * scale);
                let x1 = x0 + (lane(a.to, n) - x0) * a.progress;
                let y1 = a.t1 as f64 * scale;
                let path = format!("M{},{}L{},{}", F(x0, 1), F(y0, 1), F(x1, 1), F(y1, 1));
                let _ = d.line.set_attribute("d", &path);
                if end_changed {
                    let _ = d.hit.set_attribute("d", &path);
                    if a.end == ArrowEnd::Dropped {
                        let _ = d.cross.set_attribute(
                            "d",
                            &format!("M{},{} l6,6 m0,-6 l-6,6", F(x1 - 3.0, 1), F(y1 - 3.0, 1)),
                        );
                    }
                }
                let end = match a.end {
                    ArrowEnd::Delivered => " delivered",
                    ArrowEnd::Dropped => " dropped",
                    ArrowEnd::Flying => "",
                };
                let hover = if is_hovered { " hovered" } else { "" };
                let class = format!("st-arrow {}{end}{hover}", a.class);
                if class != d.class {
                    let _ = d.group.set_attribute("class", &class);
                    d.class = class;
                }
            }
        }
        self.hovered = hovered;
    }
}
