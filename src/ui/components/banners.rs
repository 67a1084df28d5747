//! The invariant-violation banner and the notices about unusable URL settings.

use leptos::prelude::*;

use super::{secs, Tr};
use crate::ui::core::i18n::{catching_up, link_cut, more_notices, notice, Key};
use crate::ui::core::notice::{Notice, MAX_NOTICES};
use crate::ui::state::Ctl;

/// Names the broken rule, the nodes and the time. Shown only when the monitor fired.
#[component]
pub fn ViolationBanner() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let violations = Memo::new(move |_| ctl.view.with(|v| v.violations.clone()));
    move || {
        let vs = violations.get();
        (!vs.is_empty()).then(|| {
            view! {
                <div class="violation" role="alert" data-testid="violation">
                    <strong><Tr k=Key::ViolationTitle/></strong>
                    <ul>
                        {vs.into_iter().map(|v| {
                            view! {
                                <li data-rule=v.rule_id>
                                    <b>{v.rule}</b>
                                    {format!(" — {} @ {} — {}", v.nodes, secs(v.at), v.detail)}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// At most this many notices are listed; the rest are counted ("and 499,990 more").
const SHOWN_NOTICES: usize = MAX_NOTICES;

/// The notices listed (a link's count of the rest, [`Notice::More`], is said apart).
fn listed(ns: &[Notice]) -> impl Iterator<Item = &Notice> {
    ns.iter()
        .filter(|n| !matches!(n, Notice::More { .. }))
        .take(SHOWN_NOTICES)
}

/// How many notices are not listed: past the shown ones, and those a link only counted.
fn unlisted(ns: &[Notice]) -> usize {
    let counted: usize = ns
        .iter()
        .map(|n| match n {
            Notice::More { count } => *count,
            _ => 0,
        })
        .sum();
    let kept = ns
        .iter()
        .filter(|n| !matches!(n, Notice::More { .. }))
        .count();
    kept.saturating_sub(SHOWN_NOTICES) + counted
}

/// What the URL asked for that could not be used as written.
#[component]
pub fn Notices() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    move || {
        let ns = ctl.notices.get();
        (!ns.is_empty()).then(|| {
            let lang = ctl.lang.get();
            view! {
                <div class="notices" role="status" data-testid="notices">
                    <strong><Tr k=Key::NoticeTitle/></strong>
                    <ul>
                        {listed(&ns).map(|n| view! { <li>{notice(lang, n)}</li> }).collect_view()}
                        {(unlisted(&ns) > 0).then(|| view! {
                            <li data-testid="notices-more">{more_notices(lang, unlisted(&ns))}</li>
                        })}
                    </ul>
                    <button data-testid="notices-dismiss" on:click=move |_| ctl.notices.set(Vec::new())><Tr k=Key::Dismiss/></button>
                </div>
            }
        })
    }
}

/// While the run goes to the link's start time: how far it is, as a bar.
#[component]
pub fn CatchUpBanner() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    move || {
        ctl.catching_up.get().map(|c| {
            let lang = ctl.lang.get();
            let permille = c.at.saturating_mul(1000) / c.target.max(1);
            view! {
                <div class="catching-up" role="status" data-testid="catching-up">
                    <span>{catching_up(lang, &secs(c.target))}</span>
                    <progress max="1000" value=permille.to_string()></progress>
                    <span>{format!("{} %", permille / 10)}</span>
                </div>
            }
        })
    }
}

/// Once the session outgrew what a link holds: what the link still carries.
#[component]
pub fn LinkCutBanner() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    move || {
        ctl.link_cut.get().map(|cut| {
            let lang = ctl.lang.get();
            let until = secs(cut.until_ms * crate::sim::MS);
            view! {
                <div class="notices link-cut" role="status" data-testid="link-cut">
                    {link_cut(lang, cut.kept, cut.total, &until)}
                </div>
            }
        })
    }
}
