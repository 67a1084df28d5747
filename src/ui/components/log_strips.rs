//! One strip per node: its log entries (index, term, command), committed ones marked.

use leptos::prelude::*;

use super::Tr;
use crate::protocols::raft::Entry;
use crate::ui::i18n::{node_name, t, Key};
use crate::ui::raft_view::RoleView;
use crate::ui::state::Ctl;

/// How many of the newest entries a strip shows.
const SHOWN: usize = 24;

#[component]
pub fn LogStrips() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let n = Memo::new(move |_| ctl.view.with(|v| v.nodes.len()));
    let rows = move || (0..n.get()).map(|i| (n.get(), i)).collect::<Vec<_>>();
    view! {
        <section class="logs">
            <h2><Tr k=Key::Logs/></h2>
            <div class="strips">
                <For each=rows key=|k| *k children=move |(_, id)| view! { <Strip id/> }/>
            </div>
        </section>
    }
}

#[component]
fn Strip(id: usize) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let data = Memo::new(move |_| {
        ctl.view.with(|v| v.nodes.get(id).map(|nv| (nv.log.clone(), nv.commit_index, nv.role)))
    });
    let commit = move || data.get().map(|d| d.1).unwrap_or(0);
    let len = move || data.get().map(|d| d.0.len()).unwrap_or(0);
    let entries = move || {
        let lang = ctl.lang.get();
        data.get().map(|(log, commit, _)| {
            let skip = log.len().saturating_sub(SHOWN);
            let more = (skip > 0).then(|| view! { <span class="more">{format!("… {skip}")}</span> });
            view! {
                {more}
                {log.iter().enumerate().skip(skip).map(|(i, e)| entry(i as u64 + 1, *e, i as u64 + 1 <= commit, lang)).collect_view()}
            }
        })
    };
    view! {
        <div class="strip" class:crashed=move || data.get().map(|d| d.2 == RoleView::Crashed).unwrap_or(false)
            data-testid=format!("log-{}", id + 1) data-commit=move || commit().to_string() data-len=move || len().to_string()>
            <span class="who">{node_name(id)}</span>
            <div class="entries">{entries}</div>
        </div>
    }
}

fn entry(index: u64, e: Entry, committed: bool, lang: crate::ui::i18n::Lang) -> impl IntoView {
    let title = format!("#{index} · {} {} · cmd {}{}", t(lang, Key::Term), e.term, e.cmd, if committed { format!(" · {}", t(lang, Key::Committed)) } else { String::new() });
    view! {
        <span class=format!("entry t{}", e.term % 8) class:committed=committed data-cmd=e.cmd.to_string() data-committed=committed.to_string() title=title>
            <small>{index}</small>
            <b>{format!("T{}", e.term)}</b>
            <i>{e.cmd}</i>
        </span>
    }
}
