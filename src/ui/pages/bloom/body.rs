//! The bloom-filter page: the bit array as a grid, insert and query words, each query's k
//! positions highlighted with its outcome, the measured false-positive rate beside the
//! formula and the optimal k, and the cache-penetration scenario.

use leptos::prelude::*;

use crate::decimal::{num, Fixed, Num};

use crate::protocols::bloom::play::BloomNode;
use crate::protocols::bloom::{expected_fp_rate, optimal_k, QueryOutcome};
use crate::ui::components::Tr;
use crate::ui::core::action::UiAction;
use crate::ui::core::text::{tr, Text};
use crate::ui::state::Ctl;

#[component]
pub fn BloomPage() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    // The filter comes from the run (the page's adapter), so every insert, query and
    // measurement is an action: in the log, in the link, undone by rewind.
    let data = Memo::new(move |_| ctl.view.with(|v| v.data.clone()));
    let node = move || data.get().and_then(|d| d.get::<BloomNode>().cloned());
    let word = RwSignal::new(String::from("alice"));
    let insert = move |w: String| ctl.act(UiAction::Input(0, "insert", w));
    let query = move |w: String| ctl.act(UiAction::Input(0, "query", w));
    let insert_random = move |_| ctl.act(UiAction::Command(0, "insert-random"));
    let measure = move |_| ctl.act(UiAction::Command(0, "measure"));
    let penetrate = move |_| ctl.act(UiAction::Command(0, "penetrate"));
    let lang = move || ctl.lang.get();
    let grid = move || {
        let node = node()?;
        let hl = node.last().map(|l| l.positions.clone()).unwrap_or_default();
        let f = node.filter();
        Some({
            let m = f.m();
            let cols = if m <= 64 {
                16
            } else if m <= 1024 {
                32
            } else {
                64
            };
            let cell = 600.0 / cols as f64;
            let rows = m.div_ceil(cols);
            view! {
                <svg class="bloom-grid" data-testid="bloom-grid" viewBox=format!("0 0 600 {}", Num(rows as f64 * cell)) data-ones=f.ones().to_string()>
                    {f.bits().iter().enumerate().map(|(i, b)| {
                        let (x, y) = ((i % cols) as f64 * cell, (i / cols) as f64 * cell);
                        let lit = hl.contains(&i);
                        view! {
                            <rect x=num(x + 1.0) y=num(y + 1.0) width=num(cell - 2.0) height=num(cell - 2.0) rx="2"
                                class=if *b { "bit one" } else { "bit zero" } class:lit=lit/>
                        }
                    }).collect_view()}
                </svg>
            }
        })
    };
    let outcome = move || {
        let l = lang();
        node().and_then(|n| n.last().cloned()).map(|op| {
            let (attr, text) = match op.outcome {
                None => (
                    "inserted",
                    format!("{} “{}”", tr(l, Text::Page(&super::texts::INSERT)), op.word),
                ),
                Some(QueryOutcome::DefiniteMiss) => (
                    "definite-miss",
                    tr(l, Text::Page(&super::texts::OUTCOME_MISS)).to_string(),
                ),
                Some(QueryOutcome::TrueHit) => (
                    "true-hit",
                    tr(l, Text::Page(&super::texts::OUTCOME_HIT)).to_string(),
                ),
                Some(QueryOutcome::FalsePositive) => (
                    "false-positive",
                    tr(l, Text::Page(&super::texts::OUTCOME_FP)).to_string(),
                ),
            };
            view! {
                <p class=format!("outcome {attr}") data-testid="bloom-outcome" data-outcome=attr>
                    <b>{format!("“{}” → {:?}", op.word, op.positions)}</b><br/>{text}
                </p>
            }
        })
    };
    let stats = move || {
        let l = lang();
        let node = node()?;
        let measured = node.measured();
        let f = node.filter();
        Some({
            let (m, k, n) = (f.m(), f.k(), f.n());
            let formula = expected_fp_rate(m, k, n);
            view! {
                <dl class="bloom-stats">
                    <dt>{tr(l, Text::Page(&super::texts::ITEMS))}</dt><dd data-testid="bloom-n">{n}</dd>
                    <dt>{tr(l, Text::Page(&super::texts::BITS_SET))}</dt><dd>{format!("{} / {m}", f.ones())}</dd>
                    <dt>{tr(l, Text::Page(&super::texts::MEASURED_FP))}</dt>
                    <dd data-testid="bloom-measured">{measured.map_or("–".to_string(), |(fp, q)| format!("{} % ({fp}/{q})", Fixed(100.0 * fp as f64 / q as f64, 2)))}</dd>
                    <dt>{tr(l, Text::Page(&super::texts::FORMULA_FP))}</dt><dd data-testid="bloom-formula">{format!("{} %", Fixed(100.0 * formula, 2))}</dd>
                    <dt>{tr(l, Text::Page(&super::texts::OPTIMAL_K))}</dt><dd data-testid="bloom-optimal-k">{if n == 0 { "–".to_string() } else { optimal_k(m, n).to_string() }}</dd>
                </dl>
            }
        })
    };
    view! {
        <div class="bloom-page" data-testid="bloom-page">
            <div class="stage">
                <section class="cluster-panel">{grid}</section>
                <aside class="side">
                    <section>
                        <label class="field"><span><Tr k=Text::Page(&super::texts::WORD)/></span>
                            <input type="text" data-testid="bloom-word" prop:value=move || word.get()
                                on:input=move |ev| word.set(event_target_value(&ev))/>
                        </label>
                        <div class="actions">
                            <button class="primary" data-testid="bloom-insert" on:click=move |_| insert(word.get_untracked())><Tr k=Text::Page(&super::texts::INSERT)/></button>
                            <button data-testid="bloom-query" on:click=move |_| query(word.get_untracked())><Tr k=Text::Page(&super::texts::QUERY)/></button>
                            <button data-testid="bloom-insert-random" on:click=insert_random><Tr k=Text::Page(&super::texts::INSERT_RANDOM)/></button>
                            <button data-testid="bloom-measure" on:click=measure><Tr k=Text::Page(&super::texts::MEASURE_FP)/></button>
                        </div>
                        {outcome}
                        {stats}
                    </section>
                    <section>
                        <h2><Tr k=Text::Page(&super::texts::CACHE_PENETRATION)/></h2>
                        <p class="hint"><Tr k=Text::Page(&super::texts::CACHE_PENETRATION_ABOUT)/></p>
                        <button data-testid="bloom-penetration" on:click=penetrate><Tr k=Text::Page(&super::texts::SEND_REQUESTS)/></button>
                        {move || node().and_then(|n| n.penetration()).map(|p| view! {
                            <div class="bars">
                                <div class="bar modn"><span>{tr(lang(), Text::Page(&super::texts::DB_WITHOUT))}" "<b data-testid="bloom-db-without">{p.db_hits_without_filter}</b></span><i style="width:100%"></i></div>
                                <div class="bar"><span>{tr(lang(), Text::Page(&super::texts::DB_WITH))}" "<b data-testid="bloom-db-with">{p.db_hits_with_filter}</b></span>
                                    <i style=format!("width:{}%", Fixed(100.0 * p.db_hits_with_filter as f64 / p.requests.max(1) as f64, 1))></i></div>
                            </div>
                        })}
                    </section>
                </aside>
            </div>
        </div>
    }
}
