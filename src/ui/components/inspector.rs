//! Details of the selected node or link, and the actions a student can take on it.

use leptos::prelude::*;

use super::Tr;
use crate::protocols::raft::RaftCmd;
use crate::sim::Action;
use crate::ui::i18n::{node_name, t, Key};
use crate::ui::raft_view::RoleView;
use crate::ui::state::{Ctl, Selection};

#[component]
pub fn Inspector() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    view! {
        <section class="inspector" data-testid="inspector">
            <h2><Tr k=Key::Inspector/></h2>
            {move || match ctl.selected.get() {
                Selection::None => view! { <p class="hint"><Tr k=Key::InspectorHint/></p> }.into_any(),
                Selection::Node(id) => view! { <NodeDetails id/> }.into_any(),
                Selection::Link(a, b) => view! { <LinkDetails a b/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn NodeDetails(id: usize) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let node = Memo::new(move |_| ctl.view.with(|v| v.nodes.get(id).cloned()));
    let crashed = move || node.get().map(|n| n.role == RoleView::Crashed).unwrap_or(true);
    let field = move |k: Key, value: String| view! { <dt>{move || t(ctl.lang.get(), k)}</dt><dd>{value}</dd> };
    let details = move || {
        let lang = ctl.lang.get();
        node.get().map(|n| {
            let nobody = t(lang, Key::Nobody).to_string();
            let leader_state = (n.role == RoleView::Leader).then(|| {
                let fmt = |xs: &[u64]| xs.iter().enumerate().map(|(i, x)| format!("{}:{x}", node_name(i))).collect::<Vec<_>>().join(" ");
                view! {
                    {field(Key::NextIndex, fmt(&n.next_index))}
                    {field(Key::MatchIndex, fmt(&n.match_index))}
                }
            });
            view! {
                <h3 data-testid="inspector-title">{format!("{} — {}", node_name(n.id), t(lang, n.role.key()))}</h3>
                <dl>
                    {field(Key::Term, n.term.to_string())}
                    {field(Key::VotedFor, n.voted_for.map(node_name).unwrap_or(nobody.clone()))}
                    {field(Key::CommitIndex, n.commit_index.to_string())}
                    {field(Key::Log, n.log.len().to_string())}
                    {field(Key::Leader, n.leader_hint.map(node_name).unwrap_or(nobody))}
                    {leader_state}
                </dl>
            }
        })
    };
    view! {
        <div class="node-details">
            {details}
            <h4><Tr k=Key::NodeActions/></h4>
            <div class="actions">
                {move || if crashed() {
                    view! { <button data-testid="action-restart" on:click=move |_| ctl.act(Action::Restart(id))>"↻ "<Tr k=Key::Restart/></button> }.into_any()
                } else {
                    view! { <button class="danger" data-testid="action-kill" on:click=move |_| ctl.act(Action::Crash(id))>"✕ "<Tr k=Key::Kill/></button> }.into_any()
                }}
                <button data-testid="action-timeout" disabled=crashed
                    on:click=move |_| ctl.act(Action::Command(id, RaftCmd::ForceTimeout))><Tr k=Key::ForceTimeout/></button>
                <button data-testid="action-request" disabled=crashed
                    on:click=move |_| ctl.client_request(id)><Tr k=Key::ClientRequest/></button>
                <button data-testid="action-isolate" on:click=move |_| ctl.isolate(id)><Tr k=Key::Isolate/></button>
            </div>
        </div>
    }
}

#[component]
fn LinkDetails(a: usize, b: usize) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let cut = Memo::new(move |_| ctl.view.with(|v| v.cut.contains(&(a, b))));
    view! {
        <div class="link-details">
            <h3>{format!("{}–{}", node_name(a), node_name(b))}</h3>
            <p>{move || t(ctl.lang.get(), if cut.get() { Key::LinkCut } else { Key::LinkUp })}</p>
            <div class="actions">
                <button data-testid="action-link-toggle" on:click=move |_| ctl.toggle_link(a, b)>
                    {move || t(ctl.lang.get(), if cut.get() { Key::Heal } else { Key::Cut })}
                </button>
            </div>
        </div>
    }
}
