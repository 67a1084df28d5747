//! The event log: what happened, newest first, in plain teaching language.

use leptos::prelude::*;

use super::{pace, secs, Tr};
use crate::ui::core::i18n::{Key, Lang};
use crate::ui::core::view::{LogLine, MAX_LINES};
use crate::ui::state::Ctl;

/// Above this many nodes a page is a crowd (canvas view, short log).
pub const CROWD_NODES: usize = 40;
/// Event-log rows shown for a crowd, and while the clock plays fast (a few more than the
/// panel shows at once).
const FAST_ROWS: usize = 15;

#[component]
pub fn EventLog() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    // Text is translated in the view model, so rows are keyed by language too.
    // A crowd's narration scrolls by faster than anyone reads: fewer rows are kept there,
    // which also keeps the rows rebuilt per frame (the costliest DOM work of a 500-node
    // run) few.
    // The same holds for any page played fast: at 5× and up, while it plays, the log keeps
    // the last rows only (paused, it shows them all again).
    let rows = move || {
        if pace::fast(ctl) || ctl.scenario.with(|s| s.nodes) > CROWD_NODES {
            FAST_ROWS
        } else {
            MAX_LINES
        }
    };
    // While the clock runs, the log is rewritten at most once per pace period (see
    // `pace`): at high speed rebuilding and laying out the list every frame cost more
    // than everything else on the page. Paused or stepping, it follows every event.
    let paced = pace::paced(ctl, pace::When::Playing, 0.0);
    let lines = Memo::new(move |_| {
        let _ = paced.get();
        let (lang, rows) = (ctl.lang.get_untracked(), untrack(rows));
        ctl.view.with_untracked(|v| {
            v.lines
                .iter()
                .take(rows)
                .map(|l| (lang, l.clone()))
                .collect::<Vec<_>>()
        })
    });
    let count = Memo::new(move |_| lines.with(|l| l.len()));
    view! {
        <section class="event-log">
            <h2><Tr k=Key::EventLog/></h2>
            <Show when=move || lines.with(|l| l.is_empty())>
                <p class="hint"><Tr k=Key::EventLogEmpty/></p>
            </Show>
            // Rows are kept by position and rewritten in place: at 10× a refresh replaces
            // every line, and rewriting thirty rows' text costs the browser far less
            // than making thirty new rows.
            <ol data-testid="event-log">
                <For each=move || 0..count.get() key=|i| *i children=move |i| view! { <Line lines i/> }/>
            </ol>
        </section>
    }
}

/// `f()` read outside any effect (an event handler).
fn untracked<T>(f: impl Fn() -> T) -> T {
    leptos::prelude::untrack(f)
}

/// Row `i` of the log (the newest line is row 0).
#[component]
fn Line(lines: Memo<Vec<(Lang, LogLine)>>, i: usize) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let line = Memo::new(move |_| lines.with(|l| l.get(i).map(|(_, line)| line.clone())));
    let msg = move || line.with(|l| l.as_ref().and_then(|l| l.msg));
    let field = move |f: fn(&LogLine) -> String| {
        move || line.with(|l| l.as_ref().map(f).unwrap_or_default())
    };
    let who = move || {
        line.with(|l| {
            l.as_ref()
                .and_then(|l| Some((l.who.clone()?, l.node.unwrap_or(0))))
        })
    };
    view! {
        <li class:violation=move || line.with(|l| l.as_ref().is_some_and(|l| l.alarm))
            class:hovered=move || msg().is_some() && ctl.hovered.get() == msg()
            on:mouseenter=move |_| if let Some(m) = untracked(msg) { ctl.hovered.set(Some(m)) }
            on:mouseleave=move |_| if untracked(msg).is_some() { ctl.hovered.set(None) }>
            <time>{field(|l| secs(l.at))}</time>
            <span class=move || who().map_or("chip hidden".to_string(), |(_, n)| format!("chip n{}", n % 9))>
                {move || who().map(|(w, _)| w).unwrap_or_default()}
            </span>
            <span class="text">{field(|l| l.text.clone())}</span>
        </li>
    }
}
