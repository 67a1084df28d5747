//! Details of the selected node, link or message, and the actions a student can take on
//! it: kill, restart, isolate, the protocol's own commands, cut or heal, drop.

use leptos::prelude::*;

use super::{secs, Tr};
use crate::ui::core::action::UiAction;
use crate::ui::core::i18n::{t, Key};
use crate::ui::core::view::MsgState;
use crate::ui::state::{Ctl, Selection};

#[component]
pub fn Inspector() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    // On a phone a selection opens as a sheet at the bottom of the screen, next to what
    // was tapped rather than a long scroll below it; ✕ (or Escape) closes it.
    let chosen = move || ctl.selected.get() != Selection::None;
    // ...and the tapped node is scrolled to the upper part of the screen, above the sheet.
    Effect::new(move |_| {
        if let Selection::Node(id) = ctl.selected.get() {
            raise_above_sheet(&format!("[data-testid=\"node-{}\"]", id + 1));
        }
    });
    view! {
        <section class="inspector" class:sheet=chosen data-testid="inspector">
            <button class="sheet-close" data-testid="sheet-close" class:hidden=move || !chosen()
                aria-label=move || t(ctl.lang.get(), Key::Dismiss)
                on:click=move |_| ctl.selected.set(Selection::None)>"✕"</button>
            <h2><Tr k=Key::Inspector/></h2>
            {move || match ctl.selected.get() {
                Selection::None => view! { <p class="hint"><Tr k=Key::InspectorHint/></p> }.into_any(),
                Selection::Node(id) => view! { <NodeDetails id/> }.into_any(),
                Selection::Link(a, b) => view! { <LinkDetails a b/> }.into_any(),
                Selection::Msg(id) => view! { <MsgDetails id/> }.into_any(),
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
    // Pages of the time chapter: pause the node, step its clock.
    let sizes = move || {
        ctl.scenario
            .with(|s| s.spec().time_faults.then(|| s.time_fault_sizes()))
    };
    let time_faults = move || {
        let (pause, jump) = sizes()?;
        let ms = crate::sim::MS;
        let l = ctl.lang.get();
        Some(view! {
            <button data-testid="action-pause" disabled=crashed
                on:click=move |_| ctl.act(UiAction::Pause(id, pause))>{format!("‖ {} {} ms", t(l, Key::PauseNode), pause / ms)}</button>
            <button data-testid="action-clock-forward" disabled=crashed
                on:click=move |_| ctl.act(UiAction::ClockJump(id, jump))>{format!("{} +{} ms", t(l, Key::ClockJump), jump / ms as i64)}</button>
            <button data-testid="action-clock-back" disabled=crashed
                on:click=move |_| ctl.act(UiAction::ClockJump(id, -jump))>{format!("{} −{} ms", t(l, Key::ClockJump), jump / ms as i64)}</button>
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
                {time_faults}
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

/// A message's contents, field by field (RaftScope's message detail), where it goes and
/// when it arrives; "drop" while it is still in flight. Shown the same while playing,
/// paused or stepping.
#[component]
fn MsgDetails(id: u64) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let info = Memo::new(move |_| {
        ctl.view.track();
        ctl.lang.track();
        ctl.message(id)
    });
    let lang = move || ctl.lang.get();
    let body = move || {
        let Some(m) = info.get() else {
            return view! { <p class="hint"><Tr k=Key::MsgNotKept/></p> }.into_any();
        };
        let l = lang();
        let (when_key, when) = match m.state {
            MsgState::Flying | MsgState::Doomed => (Key::MsgArrives, m.arrive_at),
            MsgState::Delivered(at) => (Key::MsgArrived, at),
            MsgState::Dropped(at) => (Key::MsgDropped, at),
        };
        let flying = matches!(m.state, MsgState::Flying | MsgState::Doomed);
        view! {
            <h3 data-testid="inspector-title">
                <span class=format!("badge {}", m.class)>{m.badge}</span>" "
                {format!("{} {} → {}", m.kind, m.from, m.to)}
            </h3>
            <dl data-testid="msg-fields">
                {m.fields.into_iter().map(|(k, v)| view! { <dt>{k.get(l)}</dt><dd>{v}</dd> }).collect_view()}
                <dt>{t(l, Key::MsgSent)}</dt><dd>{secs(m.sent_at)}</dd>
                <dt>{t(l, when_key)}</dt><dd>{secs(when)}</dd>
            </dl>
            <p class="msg-state" data-testid="msg-state" data-state=format!("{:?}", m.state).to_lowercase()>
                {match m.state {
                    MsgState::Flying => t(l, Key::MsgFlying),
                    MsgState::Doomed => t(l, Key::MsgDoomed),
                    _ => "",
                }}
            </p>
            <div class="actions">
                <button class="danger" data-testid="action-drop" disabled=!flying
                    on:click=move |_| ctl.act(UiAction::DropMsg(id))><Tr k=Key::MsgDrop/></button>
            </div>
        }
        .into_any()
    };
    view! { <div class="msg-details" data-testid="msg-details">{body}</div> }
}

/// On a phone (where the inspector is a bottom sheet), scroll so the element sits in the
/// upper third of the screen, clear of the sheet.
fn raise_above_sheet(selector: &str) {
    let (width, height) = super::viewport();
    let Some(win) = web_sys::window().filter(|_| width <= 600.0) else {
        return;
    };
    let Some(el) = win
        .document()
        .and_then(|d| d.query_selector(selector).ok().flatten())
    else {
        return;
    };
    let r = el.get_bounding_client_rect();
    let target = height * 0.3;
    let centre = r.top() + r.height() / 2.0;
    if (centre - target).abs() > height * 0.1 {
        win.scroll_by_with_x_and_y(0.0, centre - target);
    }
}
