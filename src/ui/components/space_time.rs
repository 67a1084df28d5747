//! The space-time (Lamport) diagram beside the cluster: one vertical line per node, time
//! flowing down, an arrow per message from send to receipt (a cross where it was dropped;
//! one SVG path per message kind), crash gaps, labelled state changes, a time axis. It
//! follows the run's moment (and so the timeline scrubber); the wheel or the arrow
//! buttons scroll it back through the whole run, the zoom buttons change how much time it
//! shows. Hovering an arrow highlights the message in the cluster and the event log, and
//! the other way round.

use leptos::prelude::*;

use super::hand_kept::{self, svg_element, Attr, Keyed, Root};
use super::Tr;
use crate::decimal::{Fixed as F, Num};
use crate::sim::SimTime;
use crate::ui::core::i18n::{st_quiet_since, t, Key};
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

/// Room above the first lane mark (a label's top, an arrow's head) still shown.
const SLACK: f64 = 6.0;
/// The height of the part of the diagram the content scrolls in.
const CLIP_H: f64 = H - TOP + SLACK;
/// The scrolling content's height: three clip heights, so the shown part (one clip
/// height from `base` + up to one) always lies inside it.
const CONTENT_H: f64 = 3.0 * CLIP_H;

/// The content's y (time × scale) at the top of the part the content scrolls in.
fn content_top(st: &crate::ui::core::view::SpaceTimeVis) -> f64 {
    st.from as f64 * scale(st.window) - SLACK
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
    // Marks, labels, spans and the axis are drawn at absolute times (y = time × scale)
    // inside one group that scrolls up as time passes: a frame moves the group and leaves
    // every one of them as it is. The arrows are a layer beneath, redrawn each frame.
    let window = Memo::new(move |_| ctl.view.with(|v| v.space_time.window));
    let y = move |at: u64| at as f64 * scale(window.get());
    // The scrolling content is its own `<svg>` over the diagram, moved by a CSS transform
    // on a composited layer: scrolling repaints nothing (moving an SVG group repainted
    // every arrow and label each frame). Its viewBox holds a few screens of content from
    // `base` on; `base` moves on (one repaint) only when the shown part nears its end.
    let base = Memo::new(move |_| {
        ctl.view
            .with(|v| (content_top(&v.space_time) / CLIP_H).floor() * CLIP_H)
    });
    let scroll_box = move || format!("0 {} {} {}", f1(base.get()), Num(W), Num(CONTENT_H));
    let scroll = move || {
        let base = base.get();
        let shift = base - ctl.view.with(|v| content_top(&v.space_time));
        format!("translateY({}%)", F(shift / CONTENT_H * 100.0, 4))
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
    // The arrows are redrawn each frame as one SVG path per message kind, under the
    // scrolling content: at 10× a busy page adds and finishes several arrows a frame
    // across the whole diagram. An element per arrow cost more style, layout and paint
    // than everything else on the page (Paxos's dueling proposers); a canvas cost as much
    // again in the compositor's commit of its pixels each frame (headless Chromium,
    // software compositing); a handful of paths cost neither. Hovering and clicking pick
    // the arrow nearest the pointer ([`Drawn::nearest`]).
    let arrow_layer = NodeRef::<leptos::svg::Svg>::new();
    let drawn = StoredValue::new_local(Drawn::default());
    Effect::new(move |_| {
        let Some(layer) = arrow_layer.get() else {
            return;
        };
        let n = n.get();
        let hovered = ctl.hovered.get();
        ctl.view
            .with(|v| drawn.update_value(|d| d.draw(&layer, &v.space_time, n, hovered)));
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
    let span = move |(s, end, n, window, lit): (
        crate::ui::core::view::OpSpan,
        SimTime,
        usize,
        SimTime,
        bool,
    )| {
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
    let at_start = move || ctl.view.with(|v| v.space_time.to <= v.space_time.window);
    let following = move || ctl.view.with(|v| !v.space_time.pinned);
    let whole = move || {
        ctl.view.with(|v| {
            v.space_time.window >= v.space_time.to || v.space_time.arrows.len() >= MAX_ARROWS
        })
    };
    let narrowest = move || ctl.view.with(|v| v.space_time.window <= MIN_WINDOW);
    let asked = move || {
        ctl.view
            .with(|v| v.space_time.pinned || v.space_time.zoomed)
    };
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
        let shift = TOP - SLACK - ctl.view.with_untracked(|v| content_top(&v.space_time));
        drawn.with_value(|d| d.nearest((x, y - shift)))
    };
    let on_move = move |ev: leptos::ev::MouseEvent| {
        let id = pick(&ev);
        if ctl.hovered.get_untracked() != id {
            ctl.hovered.set(id);
        }
    };
    let on_leave = move |_| {
        if ctl.hovered.get_untracked().is_some() {
            ctl.hovered.set(None);
        }
    };
    let on_pick = move |ev: leptos::ev::MouseEvent| {
        if let Some(id) = pick(&ev) {
            ev.stop_propagation();
            ctl.selected.set(crate::ui::state::Selection::Msg(id));
        }
    };
    let lang = move || ctl.lang.get();
    // In percent of the square diagram.
    let clip_top = format!("{}%", F((TOP - SLACK) / H * 100.0, 4));
    let clip_height = format!("{}%", F(CLIP_H / H * 100.0, 4));
    view! {
        <section class="space-time" title=move || t(ctl.lang.get(), Key::SpaceTimeHint)>
            <div class="st-head">
                <h2><Tr k=Key::SpaceTime/></h2>
                <span class="st-pinned" class:hidden=following><Tr k=Key::StPinned/></span>
                {move || {
                    let (since, pinned) = ctl.view.with(|v| (v.space_time.quiet_since, v.space_time.pinned));
                    since.filter(|_| !pinned).map(|t| view! {
                        <span class="st-pinned st-quiet" data-testid="st-quiet">
                            {st_quiet_since(lang(), &crate::sim::time::fmt_secs(t))}
                        </span>
                    })
                }}
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
            <div class="st-box" data-testid="space-time" on:wheel=on_wheel
                class:picking=move || ctl.hovered.get().is_some()
                on:mousemove=on_move on:mouseleave=on_leave on:click=on_pick
                data-to-ms=move || ctl.view.with(|v| v.space_time.to / crate::sim::MS)
                data-window-ms=move || ctl.view.with(|v| v.space_time.window / crate::sim::MS)>
            <svg class="st-frame" viewBox=format!("0 0 {} {}", Num(W), Num(H)) node_ref=svg_ref>
                {lanes}
            </svg>
            // The arrows' layer and the clip box over it sit where the content starts
            // (SLACK above the top lane mark) and end at the diagram's foot.
            <svg class="st-arrows" node_ref=arrow_layer data-testid="st-arrows"
                viewBox=format!("0 0 {} {}", Num(W), Num(CLIP_H))
                style:top=clip_top.clone() style:height=clip_height.clone()></svg>
            <div class="st-clip" style:top=clip_top style:height=clip_height>
                <svg class="st-scroll" viewBox=scroll_box style:transform=scroll>
                    <g>
                        <For each=move || ticks.get() key=|(at, _, w)| (*at, *w) children=tick/>
                        {downs}
                        <g node_ref=mark_layer></g>
                        <For each=move || spans.get()
                            key=|(s, end, n, w, lit)| (s.key, *end, *n, *w, *lit, s.class, s.label.clone())
                            children=span/>
                    </g>
                </svg>
            </div>
            </div>
        </section>
    }
}

/// Arrowhead strokes at `to` for a line from `from`: (left barb, tip, right barb).
fn head(from: (f64, f64), to: (f64, f64)) -> [(f64, f64); 3] {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let len = (dx * dx + dy * dy).sqrt().max(1e-9);
    let (ux, uy) = (dx / len, dy / len);
    let (back, side) = (6.0, 3.5);
    let (bx, by) = (to.0 - ux * back, to.1 - uy * back);
    [
        (bx - uy * side, by + ux * side),
        to,
        (bx + uy * side, by - ux * side),
    ]
}

/// One arrow as drawn: the message, its kind's class, how it ended, and its segment in
/// the content's coordinates (y = time × scale).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DrawnArrow {
    pub id: u64,
    pub class: &'static str,
    pub end: ArrowEnd,
    pub seg: (f64, f64, f64, f64),
}

/// The arrows' layer: what was drawn (for picking) and the paths drawing it, each with
/// the `d` it was last given.
#[derive(Default)]
struct Drawn {
    arrows: Vec<DrawnArrow>,
    /// One path per message kind (classes `st-arrow` and the kind's, coloured by the
    /// style sheet's `--mc`), in the order the kinds first appeared.
    paths: Vec<(&'static str, web_sys::Element, Attr)>,
    /// The hovered arrow, thick, over the others, and the class it was last given.
    hot: Option<(web_sys::Element, Attr)>,
    hot_class: Attr,
    /// A cross where each dropped message died.
    crosses: Option<(web_sys::Element, Attr)>,
}

/// Path data for one arrow: its line and, once delivered, its head.
fn trace(out: &mut String, a: &DrawnArrow, top: f64) {
    use std::fmt::Write;
    let (x0, y0, x1, y1) = (a.seg.0, a.seg.1 - top, a.seg.2, a.seg.3 - top);
    let _ = write!(out, "M{},{}L{},{}", F(x0, 1), F(y0, 1), F(x1, 1), F(y1, 1));
    if a.end == ArrowEnd::Delivered {
        let [l, tip, r] = head((x0, y0), (x1, y1));
        let _ = write!(
            out,
            "M{},{}L{},{}L{},{}",
            F(l.0, 1),
            F(l.1, 1),
            F(tip.0, 1),
            F(tip.1, 1),
            F(r.0, 1),
            F(r.1, 1)
        );
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

/// A path kept in `slot`, made (with `class`, at the layer's end) the first time.
fn kept_path<'a>(
    slot: &'a mut Option<(web_sys::Element, Attr)>,
    layer: &web_sys::Element,
    class: &str,
) -> Option<(&'a web_sys::Element, &'a mut Attr)> {
    if slot.is_none() {
        let path = svg_element("path", class)?;
        let _ = layer.append_child(&path);
        *slot = Some((path, Attr::default()));
    }
    slot.as_mut().map(|(p, d)| (&*p, d))
}

impl Drawn {
    /// The arrow nearest `at` (content coordinates), if one is within [`PICK`].
    fn nearest(&self, at: (f64, f64)) -> Option<u64> {
        self.arrows
            .iter()
            .map(|a| (to_segment(at, a.seg), a.id))
            .filter(|(dist, _)| *dist <= PICK)
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, id)| id)
    }

    /// Draw `st`'s arrows (one path per kind, the hovered one thick) and a cross where a
    /// message was dropped, in the layer's coordinates (the content's less its top).
    fn draw(
        &mut self,
        layer: &web_sys::Element,
        st: &crate::ui::core::view::SpaceTimeVis,
        n: usize,
        hovered: Option<u64>,
    ) {
        let scale = scale(st.window);
        let top = content_top(st);
        let arrows: Vec<DrawnArrow> = st
            .arrows
            .iter()
            .map(|a| {
                let (x0, y0) = (lane(a.from, n), a.t0 as f64 * scale);
                let x1 = x0 + (lane(a.to, n) - x0) * a.progress;
                let y1 = a.t1 as f64 * scale;
                DrawnArrow {
                    id: a.id,
                    class: a.class,
                    end: a.end,
                    seg: (x0, y0, x1, y1),
                }
            })
            .collect();
        let mut by_kind: Vec<(&'static str, String)> = self
            .paths
            .iter()
            .map(|(class, _, _)| (*class, String::new()))
            .collect();
        for a in &arrows {
            let i = match by_kind.iter().position(|(c, _)| *c == a.class) {
                Some(i) => i,
                None => {
                    by_kind.push((a.class, String::new()));
                    by_kind.len() - 1
                }
            };
            trace(&mut by_kind[i].1, a, top);
        }
        for (i, (class, d)) in by_kind.into_iter().enumerate() {
            if i == self.paths.len() {
                let Some(path) = svg_element("path", &format!("st-arrow {class}")) else {
                    return;
                };
                // Under the hovered arrow and the crosses, made after the first kinds.
                let above = self.hot.as_ref().map(|(hot, _)| hot.clone().into());
                let _ = layer.insert_before(&path, above.as_ref());
                self.paths.push((class, path, Attr::default()));
            }
            let (_, path, last) = &mut self.paths[i];
            last.set(path, "d", d);
        }
        let lit = hovered.and_then(|h| arrows.iter().find(|a| a.id == h));
        let mut hot = String::new();
        if let Some(a) = lit {
            trace(&mut hot, a, top);
        }
        if let Some((path, last)) = kept_path(&mut self.hot, layer, "st-arrow hot") {
            if let Some(a) = lit {
                self.hot_class
                    .set(path, "class", format!("st-arrow hot {}", a.class));
            }
            last.set(path, "d", hot);
        }
        // Dropped messages: a cross where each died.
        let mut crosses = String::new();
        for a in arrows.iter().filter(|a| a.end == ArrowEnd::Dropped) {
            use std::fmt::Write;
            let (x, y) = (a.seg.2, a.seg.3 - top);
            let _ = write!(
                crosses,
                "M{},{}l6,6M{},{}l-6,6",
                F(x - 3.0, 1),
                F(y - 3.0, 1),
                F(x + 3.0, 1),
                F(y - 3.0, 1)
            );
        }
        if let Some((path, last)) = kept_path(&mut self.crosses, layer, "st-cross") {
            last.set(path, "d", crosses);
        }
        // What is drawn, for tests and tools: how many arrows and which one is lit.
        let _ = layer.set_attribute("data-arrows", &arrows.len().to_string());
        let _ = layer.set_attribute(
            "data-hovered",
            &lit.map(|a| a.id.to_string()).unwrap_or_default(),
        );
        DRAWN.with(|d| {
            let mut d = d.borrow_mut();
            d.0 = top;
            d.1.clone_from(&arrows);
        });
        self.arrows = arrows;
    }
}

thread_local! {
    /// The content's y at the arrow layer's top edge and the arrows last drawn: read by
    /// [`drawn_arrows_json`].
    static DRAWN: std::cell::RefCell<(f64, Vec<DrawnArrow>)> = const { std::cell::RefCell::new((0.0, Vec::new())) };
}

/// The arrows the diagram shows now, as JSON: id, kind's class, how it ended
/// (`flying`, `delivered`, `dropped`) and the segment in fractions of the arrow layer's
/// width and height. Browser tests point at an arrow with it (the layer draws a path per
/// kind, not an element per message).
pub fn drawn_arrows_json() -> String {
    DRAWN.with(|d| {
        let d = d.borrow();
        let top = d.0;
        let items: Vec<String> = d
            .1
            .iter()
            .map(|a| {
                let end = match a.end {
                    ArrowEnd::Flying => "flying",
                    ArrowEnd::Delivered => "delivered",
                    ArrowEnd::Dropped => "dropped",
                };
                let (x0, y0, x1, y1) = (a.seg.0, a.seg.1 - top, a.seg.2, a.seg.3 - top);
                format!(
                    "{{\"id\":{},\"class\":\"{}\",\"end\":\"{end}\",\"x0\":{},\"y0\":{},\"x1\":{},\"y1\":{}}}",
                    a.id,
                    a.class,
                    F(x0 / W, 5),
                    F(y0 / CLIP_H, 5),
                    F(x1 / W, 5),
                    F(y1 / CLIP_H, 5)
                )
            })
            .collect();
        format!("[{}]", items.join(","))
    })
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
        let _ = d
            .text
            .set_attribute("x", &f1(if last { x - 5.0 } else { x + 5.0 }));
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
            let Some((d, _)) = self
                .marks
                .get_or_make(layer, key, |spare| DrawnMark::make(spare, m, basis))
            else {
                continue;
            };
            if d.label != m.label {
                hand_kept::set_text(&d.tip, &m.label);
                hand_kept::set_text(&d.text, if roomy { m.label.as_str() } else { "" });
                d.label = m.label.clone();
            }
        }
        self.marks.hide_spares();
    }
}
