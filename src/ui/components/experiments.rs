//! The experiments panel: many seeded trials in the browser, a slice per animation frame
//! (progress bar, cancel), the distribution plotted like the paper's figure, and exports
//! (CSV, SVG, PNG; the current run's trace as JSON).

use leptos::prelude::*;

use crate::decimal::{Fixed as F, Num};
use wasm_bindgen::prelude::*;

use super::Tr;
use crate::lab::raft_election::{Claim, ElectionExperiment, PaperFigure, CAP};
use crate::lab::{cdf, quantile, Incremental};
use crate::sim::MS;
use crate::ui::clock::now_ms;
use crate::ui::core::i18n::{t, Key, Lang};
use crate::ui::state::Ctl;

const COLOURS: [&str; 6] = [
    "#dc2626", "#ea580c", "#ca8a04", "#16a34a", "#2563eb", "#7c3aed",
];
const PW: f64 = 620.0;
const PH: f64 = 280.0;
/// The plot's right edge; the legend sits to its right, never over a curve.
const PLOT_RIGHT: f64 = PW - 130.0;

/// Offer `data` (already a data URL) as a file download.
pub(crate) fn download(name: &str, data_url: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(a) = doc.create_element("a") else {
        return;
    };
    let a: web_sys::HtmlAnchorElement = a.unchecked_into();
    a.set_href(data_url);
    a.set_download(name);
    a.click();
}

pub(crate) fn text_url(mime: &str, text: &str) -> String {
    format!(
        "data:{mime};charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(text))
    )
}

/// Render the SVG on a canvas and download it as PNG.
pub(super) fn download_png(name: &'static str, svg: String) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Ok(img), Ok(canvas)) = (
        web_sys::HtmlImageElement::new(),
        doc.create_element("canvas"),
    ) else {
        return;
    };
    let canvas: web_sys::HtmlCanvasElement = canvas.unchecked_into();
    canvas.set_width(PW as u32 * 2);
    canvas.set_height(PH as u32 * 2);
    let img2 = img.clone();
    let onload = Closure::<dyn FnMut()>::new(move || {
        if let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        {
            ctx.set_fill_style_str("#ffffff");
            ctx.fill_rect(0.0, 0.0, PW * 2.0, PH * 2.0);
            let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(
                &img2,
                0.0,
                0.0,
                PW * 2.0,
                PH * 2.0,
            );
            if let Ok(url) = canvas.to_data_url() {
                download(name, &url);
            }
        }
    });
    img.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    img.set_src(&text_url("image/svg+xml", &svg));
}

/// x position of `ms` on a log axis from 10 ms to 10 s.
fn x_of(ms: f64) -> f64 {
    let l = ms.clamp(10.0, 10_000.0).log10();
    50.0 + (l - 1.0) / 3.0 * (PLOT_RIGHT - 50.0)
}

/// The paper's numbers for one setting, in words.
fn claims_text(lang: Lang, claims: &[Claim]) -> String {
    let ms = |v: f64| format!("{} ms", F(v, 0));
    claims
        .iter()
        .map(|c| match *c {
            Claim::Over(v) => format!("> {} s", F(v / 1000.0, 0)),
            Claim::Median(v) => format!("{} {}", t(lang, Key::Median), ms(v)),
            Claim::Mean(v) => format!("{} {}", t(lang, Key::Mean), ms(v)),
            Claim::Worst(v) => format!("{} {}", t(lang, Key::Slowest), ms(v)),
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

fn y_of(frac: f64) -> f64 {
    PH - 40.0 - frac * (PH - 70.0)
}

/// The plot as an SVG string (also what the export writes).
fn plot_svg(exp: &ElectionExperiment, axis: &str) -> String {
    let (pw, ph) = (Num(PW), Num(PH));
    let mut s = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {pw} {ph}" width="{pw}" height="{ph}" font-family="sans-serif" font-size="11">"#
    );
    s.push_str(&format!(
        r##"<rect width="{pw}" height="{ph}" fill="#fff"/>"##
    ));
    for ms in [10.0, 30.0, 100.0, 300.0, 1_000.0, 3_000.0, 10_000.0] {
        let (x, ms) = (F(x_of(ms), 1), Num(ms));
        s.push_str(&format!(r##"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="#e2e8f0"/><text x="{x}" y="{}" text-anchor="middle" fill="#475569">{ms}</text>"##, F(y_of(0.0), 1), F(y_of(1.0), 1), F(y_of(0.0) + 14.0, 1)));
    }
    for f in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let y = y_of(f);
        s.push_str(&format!(r##"<line x1="50" y1="{}" x2="{}" y2="{}" stroke="#e2e8f0"/><text x="44" y="{}" text-anchor="end" fill="#475569">{}%</text>"##, F(y, 1), Num(PLOT_RIGHT), F(y, 1), F(y + 4.0, 1), (f * 100.0) as u32));
    }
    s.push_str(&format!(
        r##"<text x="{}" y="{}" text-anchor="middle" fill="#0f172a">{axis}</text>"##,
        Num((50.0 + PLOT_RIGHT) / 2.0),
        Num(PH - 8.0)
    ));
    for (r, values) in exp.results.iter().enumerate() {
        if values.is_empty() {
            continue;
        }
        let colour = COLOURS[r % COLOURS.len()];
        let mut pts = format!("{},{}", F(x_of(10.0), 1), F(y_of(0.0), 1));
        for (ms, f) in cdf(values) {
            pts.push_str(&format!(" {},{}", F(x_of(ms), 1), F(y_of(f), 1)));
        }
        s.push_str(&format!(
            r#"<polyline fill="none" stroke="{colour}" stroke-width="2" points="{pts}"/>"#
        ));
        let (lo, hi) = exp.ranges[r];
        s.push_str(&format!(
            r#"<text x="{}" y="{}" fill="{colour}">{lo}–{hi} ms</text>"#,
            Num(PLOT_RIGHT + 12.0),
            Num(40.0 + r as f64 * 16.0)
        ));
    }
    s.push_str("</svg>");
    s
}

/// Run an experiment a slice per animation frame (about 12 ms of work each) until it is
/// finished or `running` is switched off, reporting progress.
pub(crate) fn run_in_slices<E: Incremental + Send + Sync + 'static>(
    exp: StoredValue<Option<E>>,
    running: RwSignal<bool>,
    progress: RwSignal<(usize, usize)>,
    version: RwSignal<u64>,
) {
    request_animation_frame(move || {
        // Off, or the page is gone (its signals disposed: the reader navigated away while
        // the experiment ran): the slices stop with it.
        if running.try_get_untracked() != Some(true) {
            return;
        }
        let start = now_ms();
        let mut finished = false;
        exp.update_value(|e| {
            if let Some(e) = e {
                while now_ms() - start < 12.0 && e.run_some(1) > 0 {}
                progress.set((e.done(), e.total()));
                finished = e.finished();
            }
        });
        version.update(|v| *v += 1);
        if finished {
            running.set(false);
        } else {
            run_in_slices(exp, running, progress, version);
        }
    });
}

/// Trials per point, Run, Cancel and the progress bar.
#[component]
pub(crate) fn RunControls(
    trials: RwSignal<usize>,
    running: RwSignal<bool>,
    progress: RwSignal<(usize, usize)>,
    run: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="exp-controls">
            <label class="field"><span><Tr k=Key::Trials/></span>
                <input type="number" data-testid="exp-trials" min="1" max="100000" prop:value=move || trials.get().to_string()
                    on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<usize>() {
                            trials.set(v.clamp(1, 100_000));
                        }
                    }/>
            </label>
            <button class="primary" data-testid="exp-run" disabled=move || running.get() on:click=move |_| run.run(())><Tr k=Key::Run/></button>
            <button data-testid="exp-cancel" disabled=move || !running.get() on:click=move |_| running.set(false)><Tr k=Key::Cancel/></button>
            // Nothing before the first run (no "0 / 1").
            <progress data-testid="exp-progress" class:hidden=move || progress.get().1 == 0
                max=move || progress.get().1.max(1) value=move || progress.get().0></progress>
            <span data-testid="exp-count">{move || match progress.get() {
                (_, 0) => String::new(),
                (done, total) => format!("{done} / {total}"),
            }}</span>
        </div>
    }
}

#[component]
pub fn ExperimentsPanel() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    // One experiment per panel of the figure, kept while the other is shown.
    let top = StoredValue::new(None::<ElectionExperiment>);
    let bottom = StoredValue::new(None::<ElectionExperiment>);
    let figure = RwSignal::new(PaperFigure::Randomness);
    let exp = move || match figure.get() {
        PaperFigure::Randomness => top,
        PaperFigure::MinTimeout => bottom,
    };
    let trials = RwSignal::new(500usize);
    let running = RwSignal::new(false);
    let progress = RwSignal::new((0usize, 0usize));
    let version = RwSignal::new(0u64);

    let run = move |_: ()| {
        let seed = ctl.scenario.with_untracked(|s| s.seed);
        let e = ElectionExperiment::new(
            figure.get_untracked(),
            trials.get_untracked().clamp(1, 100_000),
            (5, 10),
            seed,
        );
        progress.set((0, e.total()));
        let store = exp();
        store.set_value(Some(e));
        running.set(true);
        run_in_slices(store, running, progress, version);
    };
    let svg = move || {
        version.get();
        let axis = t(ctl.lang.get(), Key::LeaderlessMs);
        exp().with_value(|e| e.as_ref().map(|e| plot_svg(e, axis)))
    };
    let cap_ms = (CAP / MS) as f64;
    let summary = move || {
        version.get();
        let lang = ctl.lang.get();
        exp().with_value(|e| {
            e.as_ref().map(|e| {
                let cell = |v: &[f64], f: &dyn Fn(&[f64]) -> f64| {
                    if v.is_empty() { "–".to_string() } else { format!("{} ms", F(f(v), 0)) }
                };
                view! {
                    <table class="exp-table" data-testid="exp-table">
                        <tr><th>{t(lang, Key::TimeoutRange)}</th><th>{t(lang, Key::Median)}</th><th>{t(lang, Key::Mean)}</th><th>{t(lang, Key::P95)}</th><th>{t(lang, Key::Slowest)}</th><th>{t(lang, Key::NoLeaderInCap)}</th><th>"n"</th><th>{t(lang, Key::PaperSays)}</th></tr>
                        {e.ranges.iter().zip(&e.results).map(|(&(lo, hi), v)| {
                            let capped = v.iter().filter(|x| **x >= cap_ms).count();
                            // A run capped at 10 s is not a 10 s election: it never ended.
                            let done: Vec<f64> = v.iter().copied().filter(|x| *x < cap_ms).collect();
                            view! {
                                <tr data-range=format!("{lo}-{hi}")>
                                    <td>{format!("{lo}–{hi} ms")}</td>
                                    <td>{if capped * 2 > v.len() { format!("> {} s", Num(cap_ms / 1000.0)) } else { cell(v, &|v| quantile(v, 0.5)) }}</td>
                                    <td>{cell(&done, &|v| v.iter().sum::<f64>() / v.len() as f64)}</td>
                                    <td>{cell(&done, &|v| quantile(v, 0.95))}</td>
                                    <td>{cell(&done, &|v| quantile(v, 1.0))}</td>
                                    <td data-testid="exp-capped">{capped}</td>
                                    <td>{v.len()}</td>
                                    <td class="paper" data-testid="exp-paper">{claims_text(lang, &e.figure.claims((lo, hi)))}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </table>
                }
            })
        })
    };
    let has_results = move || {
        version.get();
        exp().with_value(|e| e.as_ref().is_some_and(|e| e.done() > 0))
    };
    let file = move || match figure.get() {
        PaperFigure::Randomness => "raft-figure-16-top",
        PaperFigure::MinTimeout => "raft-figure-16-bottom",
    };
    let panel_button = move |which: PaperFigure, key: Key, id: &'static str| {
        view! {
            <button data-testid=id class:active=move || figure.get() == which
                disabled=move || running.get()
                on:click=move |_| { figure.set(which); version.update(|v| *v += 1); }>
                {move || t(ctl.lang.get(), key)}
            </button>
        }
    };
    view! {
        <details class="experiments" data-testid="experiments">
            <summary><Tr k=Key::Experiments/></summary>
            <p class="hint"><Tr k=Key::ExperimentsAbout/></p>
            <div class="exp-panels">
                {panel_button(PaperFigure::Randomness, Key::Fig16Randomness, "exp-panel-top")}
                {panel_button(PaperFigure::MinTimeout, Key::Fig16MinTimeout, "exp-panel-bottom")}
            </div>
            <RunControls trials running progress run=Callback::new(run)/>
            <div class="exp-plot" data-testid="exp-plot" inner_html=move || svg().unwrap_or_default()></div>
            {summary}
            <div class="actions">
                <button data-testid="exp-csv" disabled=move || !has_results()
                    on:click=move |_| {
                        exp().with_value(|e| {
                            if let Some(e) = e {
                                download(&format!("{}.csv", file()), &text_url("text/csv", &e.csv()));
                            }
                        })
                    }><Tr k=Key::ExportCsv/></button>
                <button data-testid="exp-svg" disabled=move || !has_results()
                    on:click=move |_| {
                        if let Some(s) = svg() {
                            download(&format!("{}.svg", file()), &text_url("image/svg+xml", &s));
                        }
                    }><Tr k=Key::ExportSvg/></button>
                <button data-testid="exp-png" disabled=move || !has_results()
                    on:click=move |_| {
                        if let Some(s) = svg() {
                            download_png(file(), s);
                        }
                    }><Tr k=Key::ExportPng/></button>
                <button data-testid="export-trace"
                    on:click=move |_| download("trace.json", &text_url("application/json", &ctl.trace_json()))><Tr k=Key::ExportTrace/></button>
            </div>
        </details>
    }
}
