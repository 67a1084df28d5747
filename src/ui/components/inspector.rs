//! Details of the selected node or link, and the actions a student can take on it: kill,
//! restart, isolate, and the protocol's own commands.

use leptos::prelude::*;

use super::Tr;
use crate::ui::core::action::UiAction;
use crate::ui::core::i18n::{t, Key};
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
    let node = Memo::new(move |_| {
        ctl.view.with(|v| {
            v.nodes.get(id).map(|n| {
                (
                    n.name.clone(),
                    n.label.clone(),
                    n.crashed,
                    n.details.clone(),
                    n.commands.clone(),
                )
            })
        })
    });
    let crashed = move || node.with(|n| n.as_ref().is_none_or(|n| n.2));
    let details = move || {
        node.get().map(|(name, label, _, rows, _)| {
            view! {
                <h3 data-testid="inspector-title">{format!("{name} — {label}")}</h3>
                <dl>{rows.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}</dl>
            }
        })
    };
    let commands = move || {
        node.get().map(|(_, _, _, _, cmds)| {
            cmds.into_iter()
                .map(|c| {
                    let cid = c.id;
                    view! {
                        <button data-testid=format!("action-{cid}") disabled=!c.enabled
                            on:click=move |_| ctl.act(UiAction::Command(id, cid))>{c.label}</button>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="node-details">
            {details}
            <h4><Tr k=Key::NodeActions/></h4>
            <div class="actions">
                {move || if crashed() {
                    view! { <button data-testid="action-restart" on:click=move |_| ctl.act(UiAction::Restart(id))>"↻ "<Tr k=Key::Restart/></button> }.into_any()
                } else {
                    view! { <button class="danger" data-testid="action-kill" on:click=move |_| ctl.act(UiAction::Crash(id))>"✕ "<Tr k=Key::Kill/></button> }.into_any()
                }}
                {commands}
                <button data-testid="action-isolate" on:click=move |_| ctl.isolate(id)><Tr k=Key::Isolate/></button>
            </div>
        </div>
    }
}

#[component]
fn LinkDetails(a: usize, b: usize) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let cut = Memo::new(move |_| ctl.view.with(|v| v.cut.contains(&(a, b))));
    let names = move || {
        ctl.view.with(|v| {
            format!(
                "{}–{}",
                v.nodes.get(a).map_or("", |n| &n.name),
                v.nodes.get(b).map_or("", |n| &n.name)
            )
        })
    };
    view! {
        <div class="link-details">
            <h3>{names}</h3>
            <p>{move || t(ctl.lang.get(), if cut.get() { Key::LinkCut } else { Key::LinkUp })}</p>
            <div class="actions">
                <button data-testid="action-link-toggle" on:click=move |_| ctl.toggle_link(a, b)>
                    {move || t(ctl.lang.get(), if cut.get() { Key::Heal } else { Key::Cut })}
                </button>
            </div>
        </div>
    }
}
