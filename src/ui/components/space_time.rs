//! The space-time (Lamport) diagram beside the cluster: one vertical line per node, time
//! flowing down, an arrow per message from send to receipt (a cross where it was dropped),
//! crash gaps, labelled state changes, a time axis. It follows the run's moment (and so
//! the timeline scrubber); the wheel or the arrow buttons scroll it back through the whole
//! run, the zoom buttons change how much time it shows. Hovering an arrow highlights the
//! message in the cluster and the event log, and the other way round.

use leptos::prelude::*;

use super::hand_kept::{self, svg_element, Attr, Keyed, Root};
use super::Tr;
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
    // The arrows are kept by hand in their own group (one path per arrow, see
    // `hand_kept`): a finished arrow is never touched again, an arrow in flight gets one
    // attribute write per frame, and no reactive node exists per arrow (hundreds of them
    // cost both frame time and wasm size).
    let arrow_layer = NodeRef::<leptos::svg::G>::new();
    let cross_path = NodeRef::<leptos::svg::Path>::new();
    let drawn = StoredValue::new_local(Drawn::default());
    Effect::new(move |_| {
        let (Some(layer), Some(crosses)) = (arrow_layer.get(), cross_path.get()) else {
            return;
        };
        let n = n.get();
        let window = window.get();
        let hovered = ctl.hovered.get();
        ctl.view.with(|v| {
            drawn.update_value(|d| {
                d.sync(&layer, &crosses, &v.space_time.arrows, (n, window), hovered)
            })
        });
    });
    // The marks (state changes), kept by hand like the arrows: a mark sits at its
    // absolute time inside the scrolling group, so a frame only adds the new ones and
    // removes those that left the window.
    let mark_layer = NodeRef::<leptos::svg::G>::new();
    let drawn_marks = StoredValue::new_local(DrawnMarks::default());
    Effect::new(move |_| {
        let Some(layer) = mark_layer.get() else {
            return;
        };
        let (n, window) = (n.get(), window.get());
        ctl.view.with(|v| {
            drawn_marks.update_value(|d| d.sync(&layer, &v.space_time.marks, (n, window)))
        });
    });
    // Client operations: an interval on the client's line from invocation to answer (a
    // few at a time: kept by Leptos, keyed by what they show).
    let spans = Memo::new(move |_| {
        let (n, window) = (n.get(), window.get());
        let witness = ctl.witness.get();
        ctl.view.with(|v| {
            v.space_time
                .spans
                .iter()
                .map(|s| {
                    let end = s.t1.unwrap_or(v.now);
                    (s.clone(), end, n, window, witness.contains(&s.key))
                })
                .collect::<Vec<_>>()
        })
    });
    let span = move |(s, end, n, window, lit): (crate::ui::core::view::OpSpan, SimTime, usize, SimTime, bool)| {
        let k = scale(window);
        let x = lane(s.node, n);
        let (y0, y1) = (s.t0 as f64 * k, end as f64 * k);
        view! {
            <g class=format!("st-op {}{}", s.class, if lit { " witness" } else { "" })
                data-testid=format!("op-{}", s.key)>
                <title>{s.label.clone()}</title>
                <rect x=f1(x - 9.0) y=f1(y0) width="6" height=f1((y1 - y0).max(2.0)) rx="2"/>
                <text class="st-op-label" x=f1(x - 11.0) y=f1(y0 + 8.0)>{s.label}</text>
            </g>
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
    // The pointer picks the arrow nearest it (arrows are thin lines); an event on an
    // arrow itself is the arrow layer's.
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let pick = move |ev: &leptos::ev::MouseEvent| -> Option<u64> {
        let svg = svg_ref.get_untracked()?;
        let r = svg.get_bounding_client_rect();
        let k = (r.width() / W).min(r.height() / H);
        if k <= 0.0 {
            return None;
        }
        let x = (ev.client_x() as f64 - r.left() - (r.width() - W * k) / 2.0) / k;
        let y = (ev.client_y() as f64 - r.top() - (r.height() - H * k) / 2.0) / k;
        if y < TOP - 6.0 {
            return None;
        }
        let shift = ctl.view.with_untracked(|v| {
            TOP - v.space_time.from as f64 * scale(v.space_time.window)
        });
        drawn.with_value(|d| d.nearest((x, y - shift)))
    };
    let on_arrow = |ev: &leptos::ev::MouseEvent| hand_kept::message_of(ev.target()).is_some();
    let on_move = move |ev: leptos::ev::MouseEvent| {
        if !on_arrow(&ev) {
            let id = pick(&ev);
            if ctl.hovered.get_untracked() != id {
                ctl.hovered.set(id);
            }
        }
    };
    let on_leave = move |_| {
        if ctl.hovered.get_untracked().is_some() {
            ctl.hovered.set(None);
        }
    };
    let on_pick = move |ev: leptos::ev::MouseEvent| {
        if !on_arrow(&ev) {
            if let Some(id) = pick(&ev) {
                ctl.selected.set(crate::ui::state::Selection::Msg(id));
            }
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
                node_ref=svg_ref on:mousemove=on_move on:mouseleave=on_leave on:click=on_pick
                data-to-ms=move || ctl.view.with(|v| v.space_time.to / crate::sim::MS)
                data-window-ms=move || ctl.view.with(|v| v.space_time.window / crate::sim::MS)>
                {lanes}
                // A nested viewport clips the scrolling group (a clip path or an arrow
                // marker is an SVG resource: each frame's scroll re-laid out every arrow
                // that used one).
                <svg x="0" y=f1(TOP - 6.0) width=f1(W) height=f1(H - TOP + 6.0)
                    viewBox=format!("0 {} {} {}", f1(TOP - 6.0), f1(W), f1(H - TOP + 6.0))>
                    <g transform=scroll>
                        <For each=move || ticks.get() key=|(at, _, w)| (*at, *w) children=tick/>
                        {downs}
                        <g node_ref=arrow_layer on:click=hand_kept::on_click(ctl)
                            on:mouseover=hand_kept::on_over(ctl) on:mouseout=hand_kept::on_out(ctl)></g>
                        <path class="st-crosses" node_ref=cross_path/>
                        <g node_ref=mark_layer></g>
                        <For each=move || spans.get()
                            key=|(s, end, n, w, lit)| (s.key, *end, *n, *w, *lit, s.class, s.label.clone())
                            children=span/>
                    </g>
                </svg>
            </svg>
        </section>
    }
}

/// An arrowhead at `to` for a line from `from`, as path commands (two strokes, so the
/// line needs no marker).
fn head(from: (f64, f64), to: (f64, f64)) -> String {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let len = (dx * dx + dy * dy).sqrt().max(1e-9);
    let (ux, uy) = (dx / len, dy / len);
    let (back, side) = (6.0, 3.5);
    let (bx, by) = (to.0 - ux * back, to.1 - uy * back);
    format!(
        "M{},{}L{},{}L{},{}",
        F(bx - uy * side, 1),
        F(by + ux * side, 1),
        F(to.0, 1),
        F(to.1, 1),
        F(bx + uy * side, 1),
        F(by - ux * side, 1)
    )
}

/// The arrows drawn in the diagram's arrow group, by message id: one path each (line and
/// head), and one path for every dropped message's cross. Hovering and clicking find the
/// arrow nearest the pointer ([`Drawn::nearest`]), so no invisible hit targets are drawn.
#[derive(Default)]
struct Drawn {
    /// (node count, time span) they were drawn for: a change redraws them all.
    basis: (usize, u64),
    hovered: Option<u64>,
    arrows: Keyed<u64, DrawnArrow>,
    /// The crosses' path data as written.
    crosses: Attr,
}

struct DrawnArrow {
    path: web_sys::Element,
    /// Its segment in the scrolling group's coordinates.
    seg: (f64, f64, f64, f64),
    /// (arrival or now, progress, how it ended) as drawn.
    flight: (u64, f64, ArrowEnd),
    /// The class attribute as written (rewritten only when it changes).
    class: Attr,
}

impl Root for DrawnArrow {
    fn root(&self) -> &web_sys::Element {
        &self.path
    }
}

impl DrawnArrow {
    /// The arrow's path (testid `arrow-ID`, the message's id in `data-msg`).
    /// (`spare`: a hidden one to show `a` instead.)
    fn make(spare: Option<DrawnArrow>, a: &crate::ui::core::view::Arrow) -> Option<DrawnArrow> {
        let d = match spare {
            Some(d) => d,
            None => DrawnArrow {
                path: svg_element("path", "st-arrow")?,
                seg: (0.0, 0.0, 0.0, 0.0),
                flight: (u64::MAX, -1.0, ArrowEnd::Flying),
                class: Attr::default(),
            },
        };
        let _ = d.path.set_attribute("data-testid", &format!("arrow-{}", a.id));
        let _ = d.path.set_attribute("data-msg", &a.id.to_string());
        Some(d)
    }
}

/// Distance from `(x, y)` to the segment `(x0, y0)–(x1, y1)`.
fn to_segment((x, y): (f64, f64), (x0, y0, x1, y1): (f64, f64, f64, f64)) -> f64 {
    let (dx, dy) = (x1 - x0, y1 - y0);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((x - x0) * dx + (y - y0) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (px, py) = (x0 + t * dx - x, y0 + t * dy - y);
    (px * px + py * py).sqrt()
}

/// How near (diagram units) the pointer must be to an arrow to pick it.
const PICK: f64 = 6.0;

impl Drawn {
    /// The arrow nearest `at` (scrolling-group coordinates), if one is within [`PICK`].
    fn nearest(&self, at: (f64, f64)) -> Option<u64> {
        self.arrows
            .iter()
            .map(|(id, d)| (to_segment(at, d.seg), *id))
            .filter(|(dist, _)| *dist <= PICK)
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, id)| id)
    }

    /// Make the group show `arrows` (sorted by id), the `hovered` one highlighted, and
    /// `crosses` mark the dropped ones.
    fn sync(
        &mut self,
        layer: &web_sys::Element,
        crosses: &web_sys::Element,
        arrows: &[crate::ui::core::view::Arrow],
        basis: (usize, u64),
        hovered: Option<u64>,
    ) {
        if self.basis != basis {
            self.arrows.clear();
            self.basis = basis;
        }
        self.arrows
            .retain(|id| arrows.binary_search_by_key(id, |x| x.id).is_ok());
        let (n, window) = basis;
        let scale = scale(window);
        let mut cross_d = String::new();
        for a in arrows {
            let flight = (a.t1, a.progress, a.end);
            let Some((d, fresh)) = self
                .arrows
                .get_or_make(layer, a.id, |spare| DrawnArrow::make(spare, a))
            else {
                continue;
            };
            let (x0, y0) = (lane(a.from, n), a.t0 as f64 * scale);
            let x1 = x0 + (lane(a.to, n) - x0) * a.progress;
            let y1 = a.t1 as f64 * scale;
            if a.end == ArrowEnd::Dropped {
                cross_d += &format!("M{},{}l6,6m0,-6l-6,6", F(x1 - 3.0, 1), F(y1 - 3.0, 1));
            }
            let was_hovered = self.hovered == Some(a.id);
            let is_hovered = hovered == Some(a.id);
            if fresh || d.flight != flight || was_hovered != is_hovered {
                // An arrow in flight only grows its line; a delivered one gets its head.
                d.flight = flight;
                d.seg = (x0, y0, x1, y1);
                let mut path = format!("M{},{}L{},{}", F(x0, 1), F(y0, 1), F(x1, 1), F(y1, 1));
                if a.end == ArrowEnd::Delivered {
                    path += &head((x0, y0), (x1, y1));
                }
                let _ = d.path.set_attribute("d", &path);
                let end = match a.end {
                    ArrowEnd::Delivered => " delivered",
                    ArrowEnd::Dropped => " dropped",
                    ArrowEnd::Flying => "",
                };
                let hover = if is_hovered { " hovered" } else { "" };
                d.class
                    .set(&d.path, "class", format!("st-arrow {}{end}{hover}", a.class));
            }
        }
        self.crosses.set(crosses, "d", cross_d);
        self.hovered = hovered;
    }
}

/// The labelled state changes drawn in the diagram, keyed by (time, node, how many marks
/// that node has at that time before this one).
#[derive(Default)]
struct DrawnMarks {
    basis: (usize, u64),
    marks: Keyed<(SimTime, usize, usize), DrawnMark>,
}

/// One mark: a dot (its label as a tooltip) and the label beside it.
struct DrawnMark {
    group: web_sys::Element,
    dot: web_sys::Element,
    tip: web_sys::Element,
    text: web_sys::Element,
    label: String,
}

impl Root for DrawnMark {
    fn root(&self) -> &web_sys::Element {
        &self.group
    }
}

impl DrawnMark {
    /// (`spare`: a hidden one to show `m` instead.)
    fn make(
        spare: Option<DrawnMark>,
        m: &crate::ui::core::view::Mark,
        (n, window): (usize, u64),
    ) -> Option<DrawnMark> {
        let d = match spare {
            Some(d) => d,
            None => {
                let group = svg_element("g", "")?;
                let dot = svg_element("circle", "st-mark")?;
                let tip = svg_element("title", "")?;
                let text = svg_element("text", "st-label")?;
                let _ = dot.set_attribute("r", "3");
                let _ = dot.append_child(&tip);
                let _ = group.append_child(&dot);
                let _ = group.append_child(&text);
                DrawnMark {
                    group,
                    dot,
                    tip,
                    text,
                    label: String::new(),
                }
            }
        };
        // The last lane's labels go to its left, inside the diagram.
        let last = m.node + 1 == n && n > 1;
        let (x, y) = (lane(m.node, n), m.at as f64 * scale(window));
        let _ = d.dot.set_attribute("cx", &f1(x));
        let _ = d.dot.set_attribute("cy", &f1(y));
        let _ = d
            .text
            .set_attribute("class", if last { "st-label end" } else { "st-label" });
        let _ = d.text.set_attribute("x", &f1(if last { x - 5.0 } else { x + 5.0 }));
        let _ = d.text.set_attribute("y", &f1(y + 3.0));
        Some(d)
    }
}

impl DrawnMarks {
    fn sync(
        &mut self,
        layer: &web_sys::Element,
        marks: &[crate::ui::core::view::Mark],
        basis: (usize, u64),
    ) {
        if self.basis != basis {
            self.marks.clear();
            self.basis = basis;
        }
        let (n, _) = basis;
        // Labels need room between lanes; with many nodes the dot keeps its label as a
        // tooltip.
        let roomy = n <= 1 || lane(1, n) - lane(0, n) >= 45.0;
        let mut sorted: Vec<&crate::ui::core::view::Mark> = marks.iter().collect();
        sorted.sort_by_key(|m| (m.at, m.node));
        let mut keyed: Vec<((SimTime, usize, usize), &crate::ui::core::view::Mark)> =
            Vec::with_capacity(sorted.len());
        for m in sorted {
            let before = match keyed.last() {
                Some(((at, node, k), _)) if (*at, *node) == (m.at, m.node) => k + 1,
                _ => 0,
            };
            keyed.push(((m.at, m.node, before), m));
        }
        self.marks
            .retain(|k| keyed.binary_search_by_key(k, |(k, _)| *k).is_ok());
        for (key, m) in keyed {
            let Some((d, _)) = self.marks.get_or_make(layer, key, |spare| DrawnMark::make(spare, m, basis))
            else {
                continue;
            };
            if d.label != m.label {
                d.tip.set_text_content(Some(&m.label));
                d.text
                    .set_text_content(Some(if roomy { m.label.as_str() } else { "" }));
                d.label = m.label.clone();
            }
        }
    }
}
