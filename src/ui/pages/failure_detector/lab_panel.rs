//! The page's experiment panel: the detection-time / false-suspicion trade-off of both
//! detectors on this page's network, run a slice per frame, drawn as two curves (log
//! scale for the rate), tabled, and exported as CSV.

use leptos::prelude::*;

use super::adapter::config;
use super::texts as tx;
use crate::decimal::{fixed, num, Fixed as F};
use crate::lab::detectors::{Conditions, TradeOff, TIMEOUTS};
use crate::lab::Incremental;
use crate::protocols::failure_detector::Detector;
use crate::ui::components::experiments::{download, run_in_slices, text_url, RunControls};
use crate::ui::components::Tr;
use crate::ui::core::i18n::Key;
use crate::ui::core::text::{tr, Text};
use crate::ui::state::Ctl;

const PW: f64 = 560.0;
const PH: f64 = 260.0;
const L: f64 = 56.0;
const R: f64 = 20.0;
const T: f64 = 14.0;
const B: f64 = 40.0;

/// y of a rate on a log scale (0 at the bottom, then 1 … 100,000 per hour).
fn y_of(rate: f64) -> f64 {
    let top = 5.0;
    let v = (1.0 + rate.max(0.0)).log10().min(top);
    PH - B - (PH - B - T) * v / top
}

fn curve(e: &TradeOff, by: Detector, x_of: &dyn Fn(f64) -> f64) -> Vec<(f64, f64, String)> {
    (0..TIMEOUTS.len())
        .filter_map(|i| {
            let s = e.summary(i, by)?;
            let label = match by {
                Detector::Timeout => format!("{} ms", fixed(e.setting(i, by), 0)),
                Detector::Phi => format!("Φ {}", num(e.setting(i, by))),
            };
            Some((x_of(s.detection_ms?), y_of(s.false_per_hour), label))
        })
        .collect()
}

#[component]
pub fn TradeOffPanel() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let exp = StoredValue::new(None::<TradeOff>);
    let trials = RwSignal::new(10usize);
    let running = RwSignal::new(false);
    let progress = RwSignal::new((0usize, 0usize));
    let version = RwSignal::new(0u64);
    let run = move |_: ()| {
        let (cond, seed) = ctl.scenario.with_untracked(|s| {
            let cfg = config(s);
            (
                Conditions {
                    period: cfg.period,
                    window: cfg.window,
                    net: s.net_config(),
                },
                s.seed,
            )
        });
        let e = TradeOff::new(cond, trials.get_untracked().clamp(1, 100_000), seed);
        progress.set((0, e.total()));
        exp.set_value(Some(e));
        running.set(true);
        run_in_slices(exp, running, progress, version);
    };
    let pt = move |x: &'static crate::ui::core::text::Tx| {
        move || tr(ctl.lang.get(), Text::Page(x)).to_string()
    };
    let plot = move || {
        version.get();
        let lang = ctl.lang.get();
        exp.with_value(|e| {
            let e = e.as_ref().filter(|e| e.done() > 0)?;
            let max = Detector::BOTH
                .iter()
                .flat_map(|by| (0..TIMEOUTS.len()).filter_map(move |i| e.summary(i, *by)?.detection_ms))
                .fold(100.0f64, f64::max);
            let x_max = [250.0, 500.0, 1_000.0, 2_000.0, 5_000.0, 10_000.0, 20_000.0, 60_000.0].into_iter().find(|m| *m >= max).unwrap_or(max);
            let x_of = move |ms: f64| L + (PW - L - R) * (ms / x_max).clamp(0.0, 1.0);
            let xticks = (0..=5).map(|k| {
                let v = x_max * k as f64 / 5.0;
                view! { <text x=num(x_of(v)) y=num(PH - B + 14.0) text-anchor="middle" class="fd-small">{fixed(v, 0)}</text> }
            }).collect_view();
            let yticks = [0.0, 10.0, 100.0, 1_000.0, 10_000.0, 100_000.0].into_iter().map(|r| view! {
                <line x1=num(L) x2=num(PW - R) y1=num(y_of(r)) y2=num(y_of(r)) class="fd-axis"/>
                <text x=num(L - 4.0) y=num(y_of(r) + 3.0) text-anchor="end" class="fd-small">{fixed(r, 0)}</text>
            }).collect_view();
            let curves = Detector::BOTH.map(|by| {
                let pts = curve(e, by, &x_of);
                let n = pts.len();
                let class = match by { Detector::Timeout => "timeout", Detector::Phi => "phi" };
                let d: String = pts.iter().enumerate().map(|(i, (x, y, _))| format!("{}{} {}", if i == 0 { "M" } else { "L" }, F(*x, 1), F(*y, 1))).collect();
                view! {
                    <g data-testid=format!("curve-{class}") data-points=n.to_string()>
                        <path d=d class=format!("fd-curve {class}")/>
                        {pts.into_iter().map(|(x, y, label)| view! {
                            <circle cx=num(x) cy=num(y) r="3.5" class=format!("fd-point {class}")><title>{label.clone()}</title></circle>
                            // Timeout labels above their points, φ's below: the curves meet.
                            <text x=num(x + 5.0) y=num(if by == Detector::Timeout { y - 5.0 } else { y + 13.0 }) class="fd-small">{label}</text>
                        }).collect_view()}
                    </g>
                }
            });
            let [c0, c1] = curves;
            Some(view! {
                <svg class="exp-plot fd-tradeoff" data-testid="tradeoff-plot" viewBox=format!("0 0 {} {}", num(PW), num(PH))>
                    {yticks}
                    {xticks}
                    <text x=num((L + PW - R) / 2.0) y=num(PH - 6.0) text-anchor="middle" class="fd-small">{tr(lang, Text::Page(&tx::LAB_X)).to_string()}</text>
                    <text x="12" y=num((T + PH - B) / 2.0) text-anchor="middle" class="fd-small" transform=format!("rotate(-90 12 {})", num((T + PH - B) / 2.0))>{tr(lang, Text::Page(&tx::LAB_Y)).to_string()}</text>
                    {c0}
                    {c1}
                    <path d=format!("M{} 8h16", num(PW - 190.0)) class="fd-curve timeout"/>
                    <text x=num(PW - 170.0) y="11" class="fd-small">{tx::detector(lang, Detector::Timeout)}</text>
                    <path d=format!("M{} 22h16", num(PW - 190.0)) class="fd-curve phi"/>
                    <text x=num(PW - 170.0) y="25" class="fd-small">{tx::detector(lang, Detector::Phi)}</text>
                </svg>
            })
        })
    };
    let rows = move || {
        version.get();
        let lang = ctl.lang.get();
        exp.with_value(|e| {
            let e = e.as_ref()?;
            Some(Detector::BOTH.into_iter().flat_map(|by| (0..TIMEOUTS.len()).map(move |i| (by, i))).filter_map(|(by, i)| {
                let s = e.summary(i, by)?;
                let setting = match by {
                    Detector::Timeout => format!("{} ms", fixed(e.setting(i, by), 0)),
                    Detector::Phi => format!("Φ = {}", num(e.setting(i, by))),
                };
                Some(view! {
                    <tr data-testid=format!("tradeoff-{}-{i}", if by == Detector::Timeout { "timeout" } else { "phi" })
                        data-detection=s.detection_ms.map(|d| fixed(d, 1)).unwrap_or_default() data-false=fixed(s.false_per_hour, 2)>
                        <td>{format!("{} · {setting}", tx::detector(lang, by))}</td>
                        <td>{s.detection_ms.map_or("–".into(), |d| format!("{} ms", fixed(d, 0)))}</td>
                        <td>{fixed(s.false_per_hour, 1)}</td>
                        <td>{s.missed.to_string()}</td>
                        <td>{e.results[i].len().to_string()}</td>
                    </tr>
                })
            }).collect_view())
        })
    };
    view! {
        <details class="experiments" data-testid="experiments">
            <summary>{pt(&tx::LAB_TITLE)}</summary>
            <p class="hint">{pt(&tx::LAB_ABOUT)}</p>
            <RunControls trials running progress run=Callback::new(run)/>
            {plot}
            <table class="exp-table" data-testid="lab-table">
                <thead><tr>
                    <th>{pt(&tx::LAB_SETTING)}</th><th>{pt(&tx::LAB_DETECTION)}</th><th>{pt(&tx::LAB_FALSE)}</th>
                    <th>{pt(&tx::LAB_MISSED)}</th><th>"n"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <div class="actions">
                <button data-testid="exp-csv" disabled=move || { version.get(); exp.with_value(|e| e.as_ref().is_none_or(|e| e.done() == 0)) }
                    on:click=move |_| {
                        exp.with_value(|e| {
                            if let Some(e) = e {
                                download("failure-detectors-tradeoff.csv", &text_url("text/csv", &e.csv()));
                            }
                        })
                    }><Tr k=Key::ExportCsv/></button>
            </div>
        </details>
    }
}
