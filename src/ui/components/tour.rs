//! The guided-tour panel (current step, Continue or "do it", Exit) and the list of the
//! page's tours.

use leptos::prelude::*;

use super::Tr;
use crate::ui::core::i18n::{t, Key};
use crate::ui::core::tours::StepText;
use crate::ui::state::Ctl;

#[component]
pub fn TourPanel() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    move || {
        let lang = ctl.lang.get();
        ctl.tour.get().map(|run| {
            let step = run.steps.get(run.idx).cloned();
            let counter = format!("{} / {}", (run.idx + 1).min(run.steps.len()), run.steps.len());
            // The tour's name: a built-in tour's title, or "Tour" for a teacher's own.
            let title = ctl.scenario.with(|s| {
                let slug = s.tour.clone().unwrap_or_default();
                (s.spec().tours)()
                    .into_iter()
                    .find(|t| t.slug == slug)
                    .map_or_else(|| t(lang, Key::Tours).to_string(), |t| t.title.get(lang).to_string())
            });
            let text_of = move |s: &crate::ui::core::tours::Step| match &s.text {
                StepText::Page(x) => x.get(lang).to_string(),
                StepText::Custom(c) => c.clone(),
            };
            let body = match (&step, run.shown, run.done) {
                (_, _, true) => view! { <p data-testid="tour-text">{t(lang, Key::TourDone)}</p> }.into_any(),
                (Some(s), true, _) => {
                    let text = text_of(s);
                    let waiting = s.expect.is_some();
                    view! {
                        <p data-testid="tour-text">{text}</p>
                        {if waiting {
                            view! { <p class="hint" data-testid="tour-waiting">{t(lang, Key::TourWaiting)}</p> }.into_any()
                        } else {
                            view! { <button class="primary" data-testid="tour-continue" on:click=move |_| ctl.next_step()>{t(lang, Key::TourContinue)}</button> }.into_any()
                        }}
                    }
                    .into_any()
                }
                // Between steps: the last instruction stays, and what the run is doing.
                _ => {
                    let last = run.idx.checked_sub(1).and_then(|i| run.steps.get(i)).map(text_of);
                    let hint = if run.waiting { Key::TourWaitingState } else { Key::TourPlaying };
                    view! {
                        {last.map(|x| view! { <p class="tour-last" data-testid="tour-last">{x}</p> })}
                        <p class="hint" data-testid="tour-text" data-waiting=run.waiting.to_string()>{t(lang, hint)}</p>
                    }
                    .into_any()
                }
            };
            view! {
                <section class="tour" data-testid="tour-panel" data-step=run.idx.to_string() data-shown=run.shown.to_string()>
                    <div class="tour-head">
                        <strong data-testid="tour-title">{title}</strong>
                        <span data-testid="tour-step">{counter}</span>
                        <button data-testid="tour-exit" on:click=move |_| ctl.exit_tour()><Tr k=Key::TourExit/></button>
                    </div>
                    {body}
                </section>
            }
        })
    }
}

/// Links to this page's built-in tours.
#[component]
pub fn TourLinks() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    move || {
        let page = ctl.scenario.with(|s| s.page);
        let lang = ctl.lang.get();
        let tours = (page.spec().tours)();
        let embedded = ctl.scenario.with(|s| s.embed);
        (!tours.is_empty() && !embedded && ctl.tour.with(|t| t.is_none())).then(|| view! {
            <p class="tour-links">
                <span>{t(lang, Key::Tours)}": "</span>
                {tours.into_iter().map(|tour| view! {
                    <a href=format!("{}&lang={}", tour.hash, lang.code()) data-testid=format!("tour-link-{}", tour.slug)>{tour.title.get(lang)}</a>
                }).collect_view()}
            </p>
        })
    }
}
