//! Experiments for the gossip, ring and bloom pages: a parameter sweep run a slice per
//! frame (progress, cancel), the mean per point beside the theory line, CSV/SVG/PNG export.

use leptos::prelude::*;

use super::experiments::{download, download_png, run_in_slices, text_url, RunControls};
use super::Tr;
use crate::decimal::{fixed, num, Fixed as F, Num};
use crate::lab::sweep::{Sweep, SweepKind};
use crate::lab::Incremental;
use crate::ui::core::i18n::{t, Key};
use crate::ui::state::Ctl;

const PW: f64 = 520.0;
const PH: f64 = 260.0;

fn plot(s: &Sweep, measured: &str, theory: &str) -> String {
    let xs = &s.xs;
    let (x0, x1) = (xs[0], *xs.last().unwrap());
    let fx = |x: f64| {
        let f = if s.kind.log_x() {
            (x.ln() - x0.ln()) / (x1.ln() - x0.ln())
        } else {
            (x - x0) / (x1 - x0)
        };
        50.0 + f * (PW - 70.0)
    };
    let means = s.means();
    let th: Vec<(f64, f64)> = xs
        .iter()
        .filter_map(|x| s.kind.theory(*x).map(|t| (*x, t)))
        .collect();
    let ymax = means
        .iter()
        .chain(&th)
        .map(|p| p.1)
        .fold(0.0f64, f64::max)
        .max(1e-9)
        * 1.1;
    let fy = |y: f64| PH - 40.0 - (y / ymax) * (PH - 70.0);
    let (pw, ph) = (Num(PW), Num(PH));
    let mut out = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {pw} {ph}" width="{pw}" height="{ph}" font-family="sans-serif" font-size="11"><rect width="{pw}" height="{ph}" fill="#fff"/>"##
    );
    for x in xs {
        let label = if *x >= 1.0 && x.fract() == 0.0 {
            num(*x)
        } else {
            fixed(*x, 2)
        };
        out.push_str(&format!(
            r##"<text x="{}" y="{}" text-anchor="middle" fill="#475569">{label}</text>"##,
            F(fx(*x), 1),
            Num(PH - 24.0)
        ));
    }
    for f in [0.0, 0.5, 1.0] {
        let y = ymax / 1.1 * f;
        out.push_str(&format!(r##"<line x1="50" y1="{0}" x2="{1}" y2="{0}" stroke="#e2e8f0"/><text x="44" y="{2}" text-anchor="end" fill="#475569">{3}</text>"##, F(fy(y), 1), Num(PW - 20.0), F(fy(y) + 4.0, 1), if ymax < 1.0 { fixed(y, 3) } else { fixed(y, 1) }));
    }
    let line = |pts: &[(f64, f64)]| {
        pts.iter()
            .map(|(x, y)| format!("{},{}", F(fx(*x), 1), F(fy(*y), 1)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    if !th.is_empty() {
        out.push_str(&format!(r##"<polyline fill="none" stroke="#64748b" stroke-width="2" stroke-dasharray="6 4" points="{}"/>"##, line(&th)));
    }
    out.push_str(&format!(
        r##"<polyline fill="none" stroke="#dc2626" stroke-width="2.5" points="{}"/>"##,
        line(&means)
    ));
    for (x, y) in &means {
        out.push_str(&format!(
            r##"<circle cx="{}" cy="{}" r="3.5" fill="#dc2626"/>"##,
            F(fx(*x), 1),
            F(fy(*y), 1)
        ));
    }
    out.push_str(&format!(
        r##"<text x="60" y="20" fill="#dc2626">{measured}</text>"##
    ));
    if !th.is_empty() {
        out.push_str(&format!(
            r##"<text x="60" y="34" fill="#64748b">- - {theory}</text>"##
        ));
    }
    out.push_str("</svg>");
    out
}

#[component]
pub fn SweepPanel(kind: SweepKind) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let sweep = StoredValue::new(None::<Sweep>);
    let trials = RwSignal::new(20usize);
    let running = RwSignal::new(false);
    let progress = RwSignal::new((0usize, 0usize));
    let version = RwSignal::new(0u64);
    let run = move |_: ()| {
        let seed = ctl.scenario.with_untracked(|s| s.seed);
        let s = Sweep::new(kind, trials.get_untracked().clamp(1, 10_000), seed);
        progress.set((0, s.total()));
        sweep.set_value(Some(s));
        running.set(true);
        run_in_slices(sweep, running, progress, version);
    };
    let about = match kind {
        SweepKind::GossipRounds => Key::SweepGossip,
        SweepKind::BloomFalsePositives => Key::SweepBloom,
        SweepKind::RingSpread => Key::SweepRing,
    };
    let svg = move || {
        version.get();
        let lang = ctl.lang.get();
        sweep.with_value(|s| {
            s.as_ref()
                .filter(|s| s.done() > 0)
                .map(|s| plot(s, t(lang, Key::Measured), t(lang, Key::Theory)))
        })
    };
    let name = match kind {
        SweepKind::GossipRounds => "gossip-rounds-vs-n",
        SweepKind::BloomFalsePositives => "bloom-fp-vs-n",
        SweepKind::RingSpread => "ring-spread-vs-vnodes",
    };
    view! {
        <details class="experiments" data-testid="experiments">
            <summary><Tr k=Key::Experiments/></summary>
            <p class="hint"><Tr k=about/></p>
            <RunControls trials running progress run=Callback::new(run)/>
            <div class="exp-plot" data-testid="exp-plot" inner_html=move || svg().unwrap_or_default()></div>
            <div class="actions">
                <button data-testid="exp-csv" disabled=move || svg().is_none()
                    on:click=move |_| {
                        sweep.with_value(|s| {
                            if let Some(s) = s {
                                download(&format!("{name}.csv"), &text_url("text/csv", &s.csv()));
                            }
                        })
                    }><Tr k=Key::ExportCsv/></button>
                <button data-testid="exp-svg" disabled=move || svg().is_none()
                    on:click=move |_| {
                        if let Some(s) = svg() {
                            download(&format!("{name}.svg"), &text_url("image/svg+xml", &s));
                        }
                    }><Tr k=Key::ExportSvg/></button>
                <button data-testid="exp-png" disabled=move || svg().is_none()
                    on:click=move |_| {
                        if let Some(s) = svg() {
                            download_png(name, s);
                        }
                    }><Tr k=Key::ExportPng/></button>
            </div>
        </details>
    }
}
