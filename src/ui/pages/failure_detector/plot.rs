//! The page's plot: one lane per process, on M's clock — heartbeat arrivals as ticks, φ
//! as a sawtooth against the dashed threshold, the spans each detector suspected the
//! process as bars, the fixed timeout's deadline ahead of now, and real crashes as ✕.
//! Each lane is a handful of paths, rebuilt every frame.

use leptos::prelude::*;

use super::adapter::{Lane, PlotData};
use super::texts as tx;
use crate::decimal::{fixed, num, Fixed as F};
use crate::protocols::failure_detector::Detector;
use crate::ui::core::text::{tr, Text};
use crate::sim::{NetConfig, MS};
use crate::ui::core::action::UiAction;
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
        LEFT + (self.w - LEFT - RIGHT) * ((t - self.from) / (self.to - self.from).max(1.0)).clamp(0.0, 1.0)
    }
    /// φ area: from top + 24 (φ max) to top + LANE − 14 (φ = 0).
    fn y(&self, phi: f64) -> f64 {
        let (hi, lo) = (self.top + 24.0, self.top + LANE - 14.0);
        lo - (lo - hi) * (phi / self.phi_max).clamp(0.0, 1.0)
    }
}

fn lane_view(l: &Lane, g: Geo, threshold: f64, now: f64, lang: crate::ui::core::i18n::Lang) -> impl IntoView {
    let phi_path: String = l.phi.iter().enumerate().map(|(i, (t, p))| format!("{}{} {}", if i == 0 { "M" } else { "L" }, F(g.x(*t), 1), F(g.y(*p), 1))).collect();
    let base = g.top + LANE - 14.0;
    let ticks: String = l.arrivals.iter().map(|t| format!("M{} {}v6", F(g.x(*t), 1), F(base + 1.0, 1))).collect();
    let bars = |by: Detector, y: f64| -> String {
        l.spans.iter().filter(|s| s.0 == by).map(|s| format!("M{} {}H{}", F(g.x(s.1), 1), F(y, 1), F(g.x(s.2).max(g.x(s.1) + 2.0), 1))).collect()
    };
    let count = |by: Detector| l.spans.iter().filter(|s| s.0 == by).count();
    let ty = g.y(threshold);
    let label = format!(
        "{} · φ {}{}",
        l.name,
        l.phi_now.map_or("–".into(), |p| fixed(p.min(99.9), 1)),
        l.mean_std.map_or(String::new(), |(m, s)| format!(" · μ {} ± σ {} ms", fixed(m, 0), fixed(s, 0)))
    );
    let crashes: String = l.crashes.iter().map(|t| {
        let x = g.x(*t);
        format!("M{} {}l8 8M{} {}l-8 8", F(x - 4.0, 1), F(base - 4.0, 1), F(x + 4.0, 1), F(base - 4.0, 1))
    }).collect();
    view! {
        <g class="fd-lane" data-testid=format!("lane-{}", l.name) data-arrivals=l.arrivals.len().to_string()
            data-phi=l.phi_now.map(|p| fixed(p, 2)).unwrap_or_default()
            data-timeout-spans=count(Detector::Timeout).to_string() data-phi-spans=count(Detector::Phi).to_string()
            data-crashes=l.crashes.len().to_string()>
            <text x=num(LEFT) y=num(g.top + 11.0) class="fd-label" class:down=!l.alive>{label}</text>
            <line x1=num(LEFT) x2=num(g.w - RIGHT) y1=num(base) y2=num(base) class="fd-axis"/>
            <line x1=num(LEFT) x2=num(g.w - RIGHT) y1=num(ty) y2=num(ty) class="fd-threshold"/>
            <text x=num(LEFT - 3.0) y=num(ty + 3.0) text-anchor="end" class="fd-small fd-threshold-label">{format!("Φ{}", fixed(threshold, 0))}</text>
            <text x=num(LEFT - 3.0) y=num(base + 3.0) text-anchor="end" class="fd-small">"0"</text>
            <path d=bars(Detector::Timeout, g.top + 15.0) class="fd-bar timeout"/>
            <path d=bars(Detector::Phi, g.top + 19.0) class="fd-bar phi"/>
            <path d=phi_path class="fd-phi"/>
            <path d=ticks class="fd-ticks"/>
            <path d=crashes class="fd-crash"/>
            {l.deadline.filter(|d| *d <= g.to).map(|d| view! {
                <line x1=num(g.x(d)) x2=num(g.x(d)) y1=num(g.top + 22.0) y2=num(base) class="fd-deadline">
                    <title>{tr(lang, Text::Page(&tx::PLOT_DEADLINE)).to_string()}</title>
                </line>
            })}
            <line x1=num(g.x(now)) x2=num(g.x(now)) y1=num(g.top + 13.0) y2=num(base + 8.0) class="fd-now"/>
        </g>
    }
}

/// The network as it is now, changeable during the run: each change is an action (in the
/// log, in the link, undone by rewind), so a teacher can raise the jitter mid-lesson.
#[component]
fn NetSliders(latency: (u64, u64), loss_pct: u64) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let lang = ctl.lang.get_untracked();
    let t = |x: &'static crate::ui::core::text::Tx| tr(lang, Text::Page(x)).to_string();
    let set = move |max_ms: u64, loss: u64| {
        ctl.act(UiAction::SetNet(NetConfig {
            latency_min: latency.0 * MS,
            latency_max: max_ms.max(latency.0) * MS,
            loss: loss.min(90) as f64 / 100.0,
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

/// The plot, under the cluster.
#[component]
pub fn PhiPlot() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let data = Memo::new(move |_| ctl.view.with(|v| v.data.clone()));
    move || {
        let d = data.get()?;
        let p = d.get::<PlotData>()?.clone();
        let lang = ctl.lang.get();
        let t = |x: &'static crate::ui::core::text::Tx| tr(lang, Text::Page(x)).to_string();
        // A little of the future: where the timeout would fire if nothing comes.
        let span = (p.to - p.from).max(1.0);
        let (from, to) = (p.from, p.to + span / 8.0);
        let phi_max = (p.threshold * 1.6).max(2.0);
        let h = TOP + LANE * p.lanes.len() as f64 + 12.0;
        // Second marks along the bottom.
        let step = [500.0, 1_000.0, 2_000.0, 5_000.0, 10_000.0].into_iter().find(|s| span / s <= 8.0).unwrap_or(20_000.0);
        let first = (from / step).ceil() as i64;
        let last = (to / step).floor() as i64;
        let w = width();
        let axis = Geo { w, from, to, top: 0.0, phi_max };
        let marks = (first..=last).map(|k| {
            let t = k as f64 * step;
            view! { <text x=num(axis.x(t)) y=num(h - 4.0) text-anchor="middle" class="fd-small">{format!("{} s", fixed(t / 1000.0, if step < 1_000.0 { 1 } else { 0 }))}</text> }
        }).collect_view();
        let key = |svg: &'static str, class: &'static str, text: String| view! {
            <li><svg viewBox="0 0 18 12" class="fd-swatch"><path d=svg class=class/></svg>{text}</li>
        };
        Some(view! {
            <section class="page-drawing fd-plot-panel" data-testid="page-drawing">
                <div class="fd-head">
                    <h2>{t(&tx::PLOT_TITLE)}</h2>
                    <NetSliders latency=p.latency loss_pct=p.loss_pct/>
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
                <svg class="fd-plot" data-testid="phi-plot" viewBox=format!("0 0 {} {}", num(w), num(h)) data-threshold=fixed(p.threshold, 0)>
                    {p.lanes.iter().enumerate().map(|(i, l)| {
                        lane_view(l, Geo { w, from, to, top: TOP + LANE * i as f64, phi_max }, p.threshold, p.to, lang)
                    }).collect_view()}
                    {marks}
                </svg>
            </section>
        })
    }
}
