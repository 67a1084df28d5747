//! The consistency panel of the replication pages: the run's client history (the page's
//! [`ClientHistory`] data) sent to the checker on request, with each model's verdict and
//! every broken session guarantee's witness in one sentence.

use leptos::prelude::*;

use super::{secs, Tr};
use crate::protocols::consistency::counterexample::minimal_core;
use crate::protocols::consistency::{
    causal, check, sequential, stale_read, Guarantee, History, Model, Op,
    Recorded as ClientHistory, Report, Verdict,
};
use crate::ui::core::i18n::{
    checked_sentence, core_sentence, op_text, stale_sentence, t, undecided_sentence,
    witness_sentence, Key, Lang,
};
use crate::ui::state::Ctl;

pub use crate::protocols::consistency::record::MAX_CHECKED_OPS;

fn verdict_attr(v: &Verdict) -> &'static str {
    match v {
        Verdict::Holds(_) => "yes",
        Verdict::Violated => "no",
        Verdict::Unknown { .. } => "unknown",
    }
}

fn verdict_word(lang: Lang, v: &Verdict) -> &'static str {
    t(
        lang,
        match v {
            Verdict::Holds(_) => Key::Holds,
            Verdict::Violated => Key::Broken,
            Verdict::Unknown { .. } => Key::Undecided,
        },
    )
}

fn model_key(m: Model) -> Key {
    match m {
        Model::Linearizable => Key::ModelLinearizable,
        Model::Sequential => Key::ModelSequential,
        Model::Causal => Key::ModelCausal,
        Model::Eventual => Key::ModelEventual,
    }
}

/// "wrote 12 (0.160 s–0.200 s)" for operation `i`; "(160–200 ms)" with `ms`, for a history
/// drawn on the millisecond axis of the consistency page.
fn describe(lang: Lang, h: &History, i: usize, ms: bool) -> String {
    let o = &h.ops[i];
    let time = |t: crate::sim::SimTime| {
        if ms {
            (t / crate::sim::MS).to_string()
        } else {
            secs(t)
        }
    };
    let end = o.respond.map_or("…".into(), time);
    let span = if ms {
        format!("{}–{end} ms", time(o.invoke))
    } else {
        format!("{}–{end}", time(o.invoke))
    };
    match o.op {
        Op::Write(v) => op_text(lang, true, v, &span),
        Op::Read(v) => op_text(lang, false, v.unwrap_or(0), &span),
    }
}

/// Why the history is not linearizable: a stale read if there is one, else the rule.
fn linear_witness(lang: Lang, ch: &ClientHistory, ms: bool) -> String {
    match stale_read(&ch.history) {
        Some(s) => {
            let who = ch
                .clients
                .get(ch.history.ops[s.read].client)
                .cloned()
                .unwrap_or_default();
            let newer = ch
                .clients
                .get(ch.history.ops[s.newer].client)
                .cloned()
                .unwrap_or_default();
            stale_sentence(
                lang,
                &who,
                &describe(lang, &ch.history, s.read, ms),
                &format!("{newer} {}", describe(lang, &ch.history, s.newer, ms)),
            )
        }
        None => t(lang, Key::NoLinearOrder).to_string(),
    }
}

/// Why the history breaks `check` (sequential or causal consistency): the fewest of its
/// operations that already do, each with its client (none for a history too long to
/// search).
fn core_witness(
    lang: Lang,
    ch: &ClientHistory,
    check: fn(&History) -> Verdict,
    ms: bool,
) -> Option<String> {
    let core = minimal_core(&ch.history, check)?;
    let ops: Vec<String> = core
        .iter()
        .map(|&i| {
            let who = ch
                .clients
                .get(ch.history.ops[i].client)
                .cloned()
                .unwrap_or_default();
            format!("{who} {}", describe(lang, &ch.history, i, ms))
        })
        .collect();
    Some(core_sentence(lang, core.len(), &ops.join(" · ")))
}

/// One row per session guarantee: holds, or broken with its witness.
fn session_rows(
    lang: Lang,
    ch: &ClientHistory,
    rep: &Report,
    ms: bool,
) -> Vec<(&'static str, Key, Option<String>)> {
    Guarantee::ALL
        .iter()
        .map(|g| {
            let (id, key, why) = match g {
                Guarantee::ReadYourWrites => ("ryw", Key::SessionRyw, Key::WhyRyw),
                Guarantee::MonotonicReads => ("mr", Key::SessionMr, Key::WhyMr),
                Guarantee::MonotonicWrites => ("mw", Key::SessionMw, Key::WhyMw),
                Guarantee::WritesFollowReads => ("wfr", Key::SessionWfr, Key::WhyWfr),
            };
            let why = rep.session.iter().find(|v| v.guarantee == *g).map(|v| {
                let who = ch.clients.get(v.client).cloned().unwrap_or_default();
                witness_sentence(
                    lang,
                    &who,
                    &describe(lang, &ch.history, v.first, ms),
                    &describe(lang, &ch.history, v.then, ms),
                    why,
                )
            });
            (id, key, why)
        })
        .collect()
}

#[component]
pub fn ConsistencyPanel(
    /// Check on every change of the history (the consistency-models page's editor)
    /// instead of on request.
    #[prop(optional)]
    auto: bool,
) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    // (when, the history checked, its report): kept until the next check.
    // (… and how long the check took, wall-clock ms.)
    let result = RwSignal::new(None::<(crate::sim::SimTime, ClientHistory, Option<Report>, u64)>);
    // A check belongs to one run: another run (page, seed, preset, setting; not speed or
    // language) may reuse the old operations' keys, so the verdict and the lit witness go.
    let run_key = Memo::new(move |_| ctl.scenario.with(|s| s.world_key()));
    // (`get`, not `track`: a memo is lazy, and tracking alone never computes it, so it
    // would never change.)
    // (An automatic panel checks the new run instead, below.)
    Effect::new(move |_| {
        let _ = run_key.get();
        if !auto {
            result.set(None);
            ctl.witness.set(Vec::new());
        }
    });
    let run = move |_: ()| {
        let (now, ch) = ctl.view.with_untracked(|v| {
            (
                v.now,
                v.data
                    .as_ref()
                    .and_then(|d| d.get::<ClientHistory>().cloned()),
            )
        });
        if let Some(ch) = ch {
            let started = crate::ui::clock::now_ms();
            let rep =
                (ch.history.ops.len() <= MAX_CHECKED_OPS && !ch.cut).then(|| check(&ch.history));
            let took_ms = (crate::ui::clock::now_ms() - started).max(0.0) as u64;
            // The witnesses' operations light up on the space-time diagram.
            let mut witness: Vec<usize> = rep
                .iter()
                .flat_map(|r| &r.session)
                .flat_map(|v| [v.first, v.then])
                .collect();
            if rep
                .as_ref()
                .is_some_and(|r| r.linearizable == Verdict::Violated)
            {
                if let Some(s) = stale_read(&ch.history) {
                    witness.extend([s.read, s.newer]);
                }
            }
            ctl.witness.set(
                witness
                    .into_iter()
                    .filter_map(|i| ch.keys.get(i).copied())
                    .collect(),
            );
            result.set(Some((now, ch, rep, took_ms)));
        }
    };
    if auto {
        // Check every new history (by content: a new history can reuse a freed one's
        // address), and again after a new run's reset.
        let data = Memo::new(move |_| {
            ctl.view.with(|v| {
                v.data
                    .as_ref()
                    .and_then(|d| d.get::<ClientHistory>())
                    .map(|r| r.history.clone())
            })
        });
        Effect::new(move |_| {
            let _ = (data.get(), run_key.get());
            run(());
        });
    }
    let lang = move || ctl.lang.get();
    let body = move || {
        result.with(|r| {
            let (at, ch, rep, took_ms) = r.as_ref()?;
            let lang = lang();
            let Some(rep) = rep else {
                return Some(view! { <p class="hint" data-testid="consistency-too-long"><Tr k=Key::HistoryTooLong/></p> }.into_any());
            };
            if ch.history.ops.is_empty() {
                return Some(view! { <p class="hint"><Tr k=Key::NoOpsYet/></p> }.into_any());
            }
            let strongest = rep.strongest().map_or(t(lang, Key::Undecided), |m| t(lang, model_key(m)));
            let models = [
                ("linearizable", Key::ModelLinearizable, rep.linearizable.clone()),
                ("sequential", Key::ModelSequential, rep.sequential.clone()),
                ("causal", Key::ModelCausal, rep.causal.clone()),
            ];
            Some(view! {
                <p class="checked" data-testid="consistency-strongest"
                    data-model=rep.strongest().map_or("unknown".to_string(), |m| format!("{m:?}").to_lowercase())>
                    <b>{t(lang, Key::StrongestModel)}": "</b>{strongest}
                    <span class="muted" data-testid="consistency-checked">{" · "}{checked_sentence(lang, ch.history.ops.len(), (!auto).then(|| secs(*at)))}</span>
                </p>
                <ul class="verdicts">
                    {models.into_iter().map(|(id, key, v)| {
                        let why = match (id, &v) {
                            ("linearizable", Verdict::Violated) => Some(linear_witness(lang, ch, auto)),
                            ("sequential", Verdict::Violated) => core_witness(lang, ch, sequential, auto),
                            ("causal", Verdict::Violated) => core_witness(lang, ch, causal, auto),
                            (_, Verdict::Unknown { explored, deepest }) => Some(undecided_sentence(
                                lang,
                                *explored,
                                *deepest,
                                ch.history.ops.iter().filter(|o| o.op != Op::Read(None)).count(),
                                *took_ms,
                            )),
                            _ => None,
                        };
                        view! {
                            <li data-testid=format!("model-{id}") data-holds=verdict_attr(&v) class=verdict_attr(&v)>
                                <span class="mark">{if v.holds() { "✓" } else { "✗" }}</span>
                                {t(lang, key)}": "{verdict_word(lang, &v)}
                                {why.map(|w| view! { <div class="witness" data-testid=format!("witness-{id}")>{w}</div> })}
                            </li>
                        }
                    }).collect_view()}
                    {session_rows(lang, ch, rep, auto).into_iter().map(|(id, key, why)| {
                        let holds = why.is_none();
                        view! {
                            <li data-testid=format!("session-{id}") data-holds=if holds { "yes" } else { "no" }
                                class=if holds { "yes" } else { "no" }>
                                <span class="mark">{if holds { "✓" } else { "✗" }}</span>
                                {t(lang, key)}": "{t(lang, if holds { Key::Holds } else { Key::Broken })}
                                {why.map(|w| view! { <div class="witness" data-testid=format!("witness-{id}")>{w}</div> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any())
        })
    };
    view! {
        <section class="consistency" data-testid="consistency">
            <h2><Tr k=Key::ConsistencyTitle/></h2>
            <p class="hint"><Tr k=Key::ConsistencyAbout/></p>
            <button data-testid="check-consistency" class:hidden=auto on:click=move |_| run(())><Tr k=Key::CheckRun/></button>
            {body}
        </section>
    }
}
