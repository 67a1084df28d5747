//! One strip per node with its protocol state: Raft's log (index, term, command, committed
//! marked), a Paxos acceptor's promise and accepted proposal, a 2PC participant's state.

use leptos::prelude::*;

use super::Tr;
use crate::ui::state::Ctl;

#[component]
pub fn Strips() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    // The nodes that have a row (a page may leave some out), and how many nodes there are.
    let shown = Memo::new(move |_| {
        ctl.view.with(|v| {
            let ids: Vec<usize> = (0..v.nodes.len())
                .filter(|&i| !v.nodes[i].strip.skip)
                .collect();
            (ids, v.nodes.len())
        })
    });
    let page = move || ctl.scenario.with(|s| s.page);
    // Fast play rewrites the strips once per pace period, half a period after the event
    // log (see `pace`).
    let paced = super::pace::paced(ctl, super::pace::When::Fast, 0.5);
    let rows =
        move || shown.with(|(ids, n)| ids.iter().map(|&i| (page(), *n, i)).collect::<Vec<_>>());
    view! {
        <section class="logs">
            <h2>{move || view! { <Tr k=page().spec().strips.unwrap_or(crate::ui::core::i18n::Key::Status.into())/> }}</h2>
            <div class="strips">
                <For each=rows key=|k| *k children=move |(_, _, id)| view! { <Strip id paced/> }/>
            </div>
        </section>
    }
}

#[component]
fn Strip(id: usize, paced: Memo<u64>) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let data = Memo::new(move |_| {
        let _ = paced.get();
        ctl.view.with_untracked(|v| {
            v.nodes
                .get(id)
                .map(|nv| (nv.name.clone(), nv.crashed, nv.strip.clone()))
        })
    });
    let done = move || {
        data.with(|d| d.as_ref().map_or(0, |d| d.2.done))
            .to_string()
    };
    let len = move || data.with(|d| d.as_ref().map_or(0, |d| d.2.len)).to_string();
    let aside = move || data.with(|d| d.as_ref().map(|d| d.2.aside.clone()).unwrap_or_default());
    let cells = move || {
        data.get().map(|(_, _, strip)| {
            let more = (strip.hidden > 0)
                .then(|| view! { <span class="more">{format!("… {}", strip.hidden)}</span> });
            view! {
                {more}
                {strip.cells.into_iter().map(|c| view! {
                    <span class=format!("entry {}", c.class) class:committed=c.done
                        data-value=c.value data-done=c.done.to_string() title=c.title>
                        <small>{c.top}</small>
                        <b>{c.main}</b>
                        <i>{c.sub}</i>
                    </span>
                }).collect_view()}
            }
        })
    };
    view! {
        <div class="strip" class:crashed=move || data.with(|d| d.as_ref().is_some_and(|d| d.1))
            data-testid=format!("log-{}", id + 1) data-commit=done data-len=len>
            <span class="who">{move || data.with(|d| d.as_ref().map(|d| d.0.clone()).unwrap_or_default())}</span>
            <div class="entries">{cells}</div>
            <span class="aside" data-testid=format!("replication-{}", id + 1)>{aside}</span>
        </div>
    }
}
