//! The quorum page's experiment panel: the stale-read table (measured on the engine, the
//! WARS model, the closed-form bound) run a slice per frame, with a CSV export.

use leptos::prelude::*;

use super::texts as tx;
use crate::decimal::fixed;
use crate::lab::quorum_staleness::{Staleness, SETTINGS};
use crate::lab::Incremental;
use crate::sim::MS;
use crate::ui::components::experiments::{download, run_in_slices, text_url, RunControls};
use crate::ui::components::Tr;
use crate::ui::core::i18n::Key;
use crate::ui::core::text::{tr, Text};
use crate::ui::state::Ctl;

#[component]
pub fn StalenessPanel() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let exp = StoredValue::new(None::<Staleness>);
    let trials = RwSignal::new(500usize);
    let running = RwSignal::new(false);
    let progress = RwSignal::new((0usize, 0usize));
    let version = RwSignal::new(0u64);
    // The model column: computed once per row, when the panel first runs.
    let model = StoredValue::new(Vec::<f64>::new());
    let run = move |_: ()| {
        if model.with_value(|m| m.is_empty()) {
            model.set_value(SETTINGS.iter().map(|s| s.model()).collect());
        }
        let seed = ctl.scenario.with_untracked(|s| s.seed);
        let e = Staleness::new(trials.get_untracked().clamp(1, 100_000), seed);
        progress.set((0, e.total()));
        exp.set_value(Some(e));
        running.set(true);
        run_in_slices(exp, running, progress, version);
    };
    let pt = move |x: &'static crate::ui::core::text::Tx| {
        move || tr(ctl.lang.get(), Text::Page(x)).to_string()
    };
    let pct = |v: f64| format!("{} %", fixed(v * 100.0, 1));
    let rows = move || {
        version.get();
        let m = model.get_value();
        SETTINGS
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let overlap = s.w + s.r > s.n;
                let measured = exp.with_value(|e| e.as_ref().and_then(|e| e.measured(i).map(|v| (v, e.results[i].len()))));
                view! {
                    <tr data-testid=format!("lab-row-{i}") data-measured=measured.map(|(v, _)| fixed(v, 4)).unwrap_or_default()
                        data-model=m.get(i).map(|v| fixed(*v, 4)).unwrap_or_default()>
                        <td>{format!("N={} W={} R={}", s.n, s.w, s.r)}</td>
                        <td>{format!("{}–{} ms", s.lo / MS, s.hi / MS)}</td>
                        <td class=if overlap { "yes" } else { "no" }>{if overlap { "✓" } else { "✗" }}</td>
                        <td>{measured.map(|(v, k)| format!("{} ({k})", pct(v))).unwrap_or_else(|| "–".into())}</td>
                        <td>{m.get(i).map(|v| pct(*v)).unwrap_or_else(|| "–".into())}</td>
                        <td class="paper">{pct(s.bound())}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <details class="experiments" data-testid="experiments">
            <summary>{pt(&tx::LAB_TITLE)}</summary>
            <p class="hint">{pt(&tx::LAB_ABOUT)}</p>
            <RunControls trials running progress run=Callback::new(run)/>
            <table class="exp-table" data-testid="lab-table">
                <thead><tr>
                    <th>"N · W · R"</th><th>{pt(&tx::LAB_LATENCY)}</th><th>"W+R>N"</th>
                    <th>{pt(&tx::LAB_MEASURED)}</th><th>{pt(&tx::LAB_MODEL)}</th><th>{pt(&tx::LAB_BOUND)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <div class="actions">
                <button data-testid="exp-csv" disabled=move || { version.get(); exp.with_value(|e| e.as_ref().is_none_or(|e| e.done() == 0)) }
                    on:click=move |_| {
                        let m = model.get_value();
                        exp.with_value(|e| {
                            if let Some(e) = e {
                                download("quorum-stale-reads.csv", &text_url("text/csv", &e.csv(&m)));
                            }
                        })
                    }><Tr k=Key::ExportCsv/></button>
            </div>
        </details>
    }
}
