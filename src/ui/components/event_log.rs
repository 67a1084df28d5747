//! The event log: what happened, newest first, in plain teaching language.

use leptos::prelude::*;

use super::{secs, Tr};
use crate::ui::i18n::{engine_event, node_name, raft_note, Key};
use crate::ui::raft_view::{LineItem, LogLine};
use crate::ui::state::Ctl;

#[component]
pub fn EventLog() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let lines = Memo::new(move |_| ctl.view.with(|v| v.lines.clone()));
    view! {
        <section class="event-log">
            <h2><Tr k=Key::EventLog/></h2>
            <Show when=move || lines.with(|l| l.is_empty())>
                <p class="hint"><Tr k=Key::EventLogEmpty/></p>
            </Show>
            <ol data-testid="event-log">
                <For each=move || lines.get() key=|l| l.seq children=move |line| view! { <Line line/> }/>
            </ol>
        </section>
    }
}

#[component]
fn Line(line: LogLine) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let LogLine { at, node, item, .. } = line;
    let violation = matches!(item, LineItem::Engine(crate::ui::i18n::EngineEvent::Violation(_)));
    let text = move || {
        let lang = ctl.lang.get();
        match &item {
            LineItem::Note(n) => raft_note(lang, n),
            LineItem::Engine(e) => engine_event(lang, e),
        }
    };
    view! {
        <li class:violation=violation>
            <time>{secs(at)}</time>
            {node.map(|n| view! { <span class=format!("chip n{}", n % 9)>{node_name(n)}</span> })}
            <span class="text">{text}</span>
        </li>
    }
}
