//! The page's plot: one lane per process, on M's clock — heartbeat arrivals as ticks, φ
//! as a sawtooth against the dashed threshold, the spans each detector suspected the
//! process as bars, the fixed timeout's deadline ahead of now, and real crashes as ✕.
//! Each lane is a handful of paths, made once and rewritten every frame.

use leptos::prelude::*;

use super::adapter::{Lane, PlotData};
use super::texts as tx;
use crate::decimal::{fixed, num, Fixed as F};
use crate::protocols::failure_detector::Detector;
use crate::sim::{NetConfig, MS};
use crate::ui::core::action::UiAction;
use crate::ui::core::text::{tr, Text};
use crate::ui::core::view::PageData;
use crate::ui::state::Ctl;

/// The plot's width in its own units: narrower on a phone, so its text stays readable.
fn width() -> f64 {
    if crate::ui::components::viewport().0 < 600.0 {
        360.0
    } else {
        640.0
    }
}
const LANE: f64 = 70.0;
const TOP: f64 = 4.0;
const LEFT: f64 = 30.0;
const RIGHT: f64 = 10.0;

/// Lane geometry: x of a time, the lane's top, and y of a φ value.
struct Geo {
    w: f64,
    from: f64,
    to: f64,
    top: f64,
    phi_max: f64,
}

impl Geo {
    fn x(&self, t: f64) -> f64 {
        LEFT + (self.w - LEFT - RIGHT)
            * ((t - self.from) / (self.to - self.from).max(1.0)).clamp(0.0, 1.0)
    }
    /// φ area: from top + 24 (φ max) to top + LANE − 14 (φ = 0).
    fn y(&self, phi: f64) -> f64 {
        let (hi, lo) = (self.top + 24.0, self.top + LANE - 14.0);
        lo - (lo - hi) * (phi / self.phi_max).clamp(0.0, 1.0)
    }
}

/// One lane as this frame draws it: the paths' data, the label and the figures the
/// browser tests read, all strings, so a lane's elements stay and only what changed is
/// written.
#[derive(Clone, Debug, PartialEq, Default)]
struct LaneDrawing {
    name: String,
    alive: bool,
    label: String,
    arrivals: String,
    phi_now: String,
    timeout_spans: String,
    phi_spans: String,
    crashes: String,
    /// y of the threshold and of the lane's base (φ = 0).
    threshold_y: f64,
    base: f64,
    phi_path: String,
    ticks: String,
    timeout_bars: String,
    phi_bars: String,
    crash_marks: String,
    /// x of the fixed timeout's deadline, when it falls inside the plot.
    deadline: Option<f64>,
    now_x: f64,
}

/// Lane `l` as drawn with geometry `g`, at M's time `now`.
fn lane_drawing(l: &Lane, g: &Geo, threshold: f64, now: f64) -> LaneDrawing {
    let phi_path: String = l
        .phi
        .iter()
        .enumerate()
        .map(|(i, (t, p))| {
            format!(
                "{}{} {}",
                if i == 0 { "M" } else { "L" },
                F(g.x(*t), 1),
                F(g.y(*p), 1)
            )
        })
        .collect();
    let base = g.top + LANE - 14.0;
    let ticks: String = l
        .arrivals
        .iter()
        .map(|t| format!("M{} {}v6", F(g.x(*t), 1), F(base + 1.0, 1)))
        .collect();
    let bars = |by: Detector, y: f64| -> String {
        l.spans
            .iter()
            .filter(|s| s.0 == by)
            .map(|s| {
                format!(
                    "M{} {}H{}",
                    F(g.x(s.1), 1),
                    F(y, 1),
                    F(g.x(s.2).max(g.x(s.1) + 2.0), 1)
                )
            })
            .collect()
    };
    let count = |by: Detector| l.spans.iter().filter(|s| s.0 == by).count().to_string();
    let label = format!(
        "{} · φ {}{}",
        l.name,
        l.phi_now.map_or("–".into(), |p| fixed(p.min(99.9), 1)),
        l.mean_std.map_or(String::new(), |(m, s)| format!(
            " · μ {} ± σ {} ms",
            fixed(m, 0),
            fixed(s, 0)
        ))
    );
    let crash_marks: String = l
        .crashes
        .iter()
        .map(|t| {
            let x = g.x(*t);
            format!(
                "M{} {}l8 8M{} {}l-8 8",
                F(x - 4.0, 1),
                F(base - 4.0, 1),
                F(x + 4.0, 1),
                F(base - 4.0, 1)
            )
        })
        .collect();
    LaneDrawing {
        name: l.name.clone(),
        alive: l.alive,
        label,
        arrivals: l.arrivals.len().to_string(),
        phi_now: l.phi_now.map(|p| fixed(p, 2)).unwrap_or_default(),
        timeout_spans: count(Detector::Timeout),
        phi_spans: count(Detector::Phi),
        crashes: l.crashes.len().to_string(),
        threshold_y: g.y(threshold),
        base,
        phi_path,
        ticks,
        timeout_bars: bars(Detector::Timeout, g.top + 15.0),
        phi_bars: bars(Detector::Phi, g.top + 19.0),
        crash_marks,
        deadline: l.deadline.filter(|d| *d <= g.to).map(|d| g.x(d)),
        now_x: g.x(now),
    }
}

/// Lane `i` of the plot: its elements made once, their attributes following `lanes`.
fn lane_view(
    i: usize,
    top: f64,
    w: f64,
    threshold: f64,
    lanes: Memo<Vec<LaneDrawing>>,
    lang: crate::ui::core::i18n::Lang,
) -> impl IntoView {
    let get = move |f: fn(&LaneDrawing) -> String| {
        move || lanes.with(|ls| ls.get(i).map(f).unwrap_or_default())
    };
    let y =
        move |f: fn(&LaneDrawing) -> f64| move || lanes.with(|ls| num(ls.get(i).map_or(0.0, f)));
    // Hidden while the deadline is past the plot (an empty coordinate is an SVG error).
    let deadline = move || lanes.with(|ls| ls.get(i).and_then(|l| l.deadline));
    let deadline_x = move || num(deadline().unwrap_or(0.0));
    let base = move || lanes.with(|ls| ls.get(i).map_or(0.0, |l| l.base));
    view! {
        <g class="fd-lane" data-testid=get(|l| format!("lane-{}", l.name)) data-arrivals=get(|l| l.arrivals.clone())
            data-phi=get(|l| l.phi_now.clone())
            data-timeout-spans=get(|l| l.timeout_spans.clone()) data-phi-spans=get(|l| l.phi_spans.clone())
            data-crashes=get(|l| l.crashes.clone())>
            <text x=num(LEFT) y=num(top + 11.0) class="fd-label" class:down=move || lanes.with(|ls| ls.get(i).is_some_and(|l| !l.alive))>{get(|l| l.label.clone())}</text>
            <line x1=num(LEFT) x2=num(w - RIGHT) y1=y(|l| l.base) y2=y(|l| l.base) class="fd-axis"/>
            <line x1=num(LEFT) x2=num(w - RIGHT) y1=y(|l| l.threshold_y) y2=y(|l| l.threshold_y) class="fd-threshold"/>
            <text x=num(LEFT - 3.0) y=y(|l| l.threshold_y + 3.0) text-anchor="end" class="fd-small fd-threshold-label">{format!("Φ{}", fixed(threshold, 0))}</text>
            <text x=num(LEFT - 3.0) y=y(|l| l.base + 3.0) text-anchor="end" class="fd-small">"0"</text>
            <path d=get(|l| l.timeout_bars.clone()) class="fd-bar timeout"/>
            <path d=get(|l| l.phi_bars.clone()) class="fd-bar phi"/>
            <path d=get(|l| l.phi_path.clone()) class="fd-phi"/>
            <path d=get(|l| l.ticks.clone()) class="fd-ticks"/>
            <path d=get(|l| l.crash_marks.clone()) class="fd-crash"/>
            <line x1=deadline_x x2=deadline_x
                y1=num(top + 22.0) y2=move || num(base()) class="fd-deadline" class:hidden=move || deadline().is_none()>
                <title>{tr(lang, Text::Page(&tx::PLOT_DEADLINE)).to_string()}</title>
            </line>
            <line x1=get(|l| num(l.now_x)) x2=get(|l| num(l.now_x)) y1=num(top + 13.0) y2=y(|l| l.base + 8.0) class="fd-now"/>
        </g>
    }
}

/// The network as it is now, changeable during the run: each change is an action (in the
/// log, in the link, undone by rewind), so a teacher can raise the jitter mid-lesson.
#[component]
fn NetSliders(latency: (u64, u64), loss_pct: u64, duplicate: f64) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let lang = ctl.lang.get_untracked();
    let t = |x: &'static crate::ui::core::text::Tx| tr(lang, Text::Page(x)).to_string();
    let set = move |max_ms: u64, loss: u64| {
        ctl.act(UiAction::SetNet(NetConfig {
            latency_min: latency.0 * MS,
            latency_max: max_ms.max(latency.0) * MS,
            loss: loss.min(90) as f64 / 100.0,
            duplicate,
        }))
    };
    let number = |ev: &leptos::ev::Event| event_target_value(ev).parse::<u64>().ok();
    view! {
        <div class="fd-net" title=t(&tx::NET_HINT)>
            <label>
                <span>{format!("{} {}–", t(&tx::NET_LATENCY), latency.0)}</span>
                <input type="range" data-testid="net-lmax" min=latency.0.to_string() max="1000" step="5" prop:value=latency.1.to_string()
                    on:change=move |ev| if let Some(v) = number(&ev) { set(v, loss_pct) }/>
                <output>{format!("{} ms", latency.1)}</output>
            </label>
            <label>
                <span>{t(&tx::NET_LOSS)}</span>
                <input type="range" data-testid="net-loss" min="0" max="50" step="1" prop:value=loss_pct.to_string()
                    on:change=move |ev| if let Some(v) = number(&ev) { set(latency.1, v) }/>
                <output>{format!("{loss_pct} %")}</output>
            </label>
        </div>
    }
}

/// What the plot's structure is made from: a change here makes the panel afresh (new
/// lanes, another language, the network changed); anything else only rewrites the lanes'
/// attributes.
#[derive(Clone, Debug, PartialEq)]
struct Shape {
    lanes: usize,
    threshold: f64,
    latency: (u64, u64),
    loss_pct: u64,
    duplicate: f64,
    w: f64,
    lang: crate::ui::core::i18n::Lang,
}

/// The plot's time span (a little of the future: where the timeout would fire if nothing
/// comes) and its geometry for lane `top`.
fn geo(p: &PlotData, w: f64, top: f64) -> Geo {
    let span = (p.to - p.from).max(1.0);
    Geo {
        w,
        from: p.from,
        to: p.to + span / 8.0,
        top,
        phi_max: (p.threshold * 1.6).max(2.0),
    }
}

/// The plot's height for `lanes` lanes.
fn height(lanes: usize) -> f64 {
    TOP + LANE * lanes as f64 + 12.0
}

/// Second marks along the bottom: x and label.
fn marks(p: &PlotData, w: f64) -> Vec<(f64, String)> {
    let axis = geo(p, w, 0.0);
    let span = (p.to - p.from).max(1.0);
    let step = [500.0, 1_000.0, 2_000.0, 5_000.0, 10_000.0]
        .into_iter()
        .find(|s| span / s <= 8.0)
        .unwrap_or(20_000.0);
    let first = (axis.from / step).ceil() as i64;
    let last = (axis.to / step).floor() as i64;
    (first..=last)
        .map(|k| {
            let t = k as f64 * step;
            (
                axis.x(t),
                format!(
                    "{} s",
                    fixed(t / 1000.0, if step < 1_000.0 { 1 } else { 0 })
                ),
            )
        })
        .collect()
}

/// The plot's data in the page's data, read in place.
fn plot(d: &Option<PageData>) -> Option<&PlotData> {
    d.as_ref().and_then(|d| d.get::<PlotData>())
}

/// The plot, under the cluster. Its panel (title, sliders, key, one group per lane) is
/// made when its [`Shape`] changes; a frame rewrites the lanes' paths and figures and the
/// second marks.
#[component]
pub fn PhiPlot() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let data = Memo::new(move |_| ctl.view.with(|v| v.data.clone()));
    // The page's data is shared (an `Arc`): each memo reads the plot's data in place.
    let shape = Memo::new(move |_| {
        let lang = ctl.lang.get();
        data.with(|d| {
            plot(d).map(|p| Shape {
                lanes: p.lanes.len(),
                threshold: p.threshold,
                latency: p.latency,
                loss_pct: p.loss_pct,
                duplicate: p.duplicate,
                w: width(),
                lang,
            })
        })
    });
    let w = move || shape.with(|s| s.as_ref().map_or(0.0, |s| s.w));
    let lanes = Memo::new(move |_| {
        let w = w();
        data.with(|d| {
            plot(d).map_or(Vec::new(), |p| {
                p.lanes
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        lane_drawing(l, &geo(p, w, TOP + LANE * i as f64), p.threshold, p.to)
                    })
                    .collect()
            })
        })
    });
    let second_marks = Memo::new(move |_| {
        let w = w();
        data.with(|d| plot(d).map_or(Vec::new(), |p| marks(p, w)))
    });
    move || {
        let sh = shape.get()?;
        let lang = sh.lang;
        let t = |x: &'static crate::ui::core::text::Tx| tr(lang, Text::Page(x)).to_string();
        let h = height(sh.lanes);
        let key = |svg: &'static str, class: &'static str, text: String| {
            view! {
                <li><svg viewBox="0 0 18 12" class="fd-swatch"><path d=svg class=class/></svg>{text}</li>
            }
        };
        let marks = move || {
            second_marks.get().into_iter().map(|(x, label)| {
                view! { <text x=num(x) y=num(h - 4.0) text-anchor="middle" class="fd-small">{label}</text> }
            }).collect_view()
        };
        Some(view! {
            <section class="page-drawing fd-plot-panel" data-testid="page-drawing">
                <div class="fd-head">
                    <h2>{t(&tx::PLOT_TITLE)}</h2>
                    <NetSliders latency=sh.latency loss_pct=sh.loss_pct duplicate=sh.duplicate/>
                </div>
                <ul class="fd-key">
                    {key("M0 6h18", "fd-phi", "φ".into())}
                    {key("M0 6h18", "fd-threshold", t(&tx::PLOT_THRESHOLD))}
                    {key("M0 6h18", "fd-bar timeout", t(&tx::PLOT_TIMEOUT_BAR))}
                    {key("M0 6h18", "fd-bar phi", t(&tx::PLOT_PHI_BAR))}
                    {key("M9 2v9", "fd-ticks", t(&tx::MSG_BEAT))}
                    {key("M5 2l8 8M13 2l-8 8", "fd-crash", t(&tx::PLOT_CRASH))}
                    {key("M9 1v10", "fd-deadline", t(&tx::PLOT_DEADLINE))}
                </ul>
                <svg class="fd-plot" data-testid="phi-plot" viewBox=format!("0 0 {} {}", num(sh.w), num(h)) data-threshold=fixed(sh.threshold, 0)>
                    {(0..sh.lanes).map(|i| lane_view(i, TOP + LANE * i as f64, sh.w, sh.threshold, lanes, lang)).collect_view()}
                    {marks}
                </svg>
            </section>
        })
    }
}
