//! The event log: what happened, newest first, in plain teaching language.

use leptos::prelude::*;

use super::{now_ms, secs, Tr};
use crate::ui::core::i18n::{Key, Lang};
use crate::ui::core::view::{LogLine, MAX_LINES};
use crate::ui::state::Ctl;

/// Above this many nodes a page is a crowd (canvas view, short log).
pub const CROWD_NODES: usize = 40;
/// Event-log rows shown for a crowd.
const CROWD_ROWS: usize = 30;
/// From this speed up, a playing log keeps only [`CROWD_ROWS`] rows.
const FAST_SPEED: f64 = 5.0;
/// How often (wall milliseconds) a running clock rewrites the log.
const REFRESH_MS: f64 = 150.0;

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
        let fast = ctl.playing.get() && ctl.scenario.with(|s| s.speed) >= FAST_SPEED;
        if fast || ctl.scenario.with(|s| s.nodes) > CROWD_NODES {
            CROWD_ROWS
        } else {
            MAX_LINES
        }
    };
    // While the clock runs, the log is rewritten at most every REFRESH_MS of wall time:
    // nobody reads lines that change 60 times a second, and at high speed rebuilding and
    // laying out the list every frame cost more than everything else on the page. Paused
    // or stepping, it follows every event.
    let last = StoredValue::new(f64::NEG_INFINITY);
    let lines = Memo::new(move |prev: Option<&Vec<(Lang, LogLine)>>| {
        let lang = ctl.lang.get();
        let rows = rows();
        let playing = ctl.playing.get();
        ctl.view.track();
        if let Some(prev) = prev {
            let same_lang = prev.first().is_none_or(|(l, _)| *l == lang);
            let now = now_ms();
            if playing && same_lang && now - last.get_value() < REFRESH_MS {
                return prev.clone();
            }
        }
        last.set_value(now_ms());
        ctl.view.with(|v| {
            v.lines
                .iter()
                .take(rows)
                .map(|l| (lang, l.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="event-log">
            <h2><Tr k=Key::EventLog/></h2>
            <Show when=move || lines.with(|l| l.is_empty())>
                <p class="hint"><Tr k=Key::EventLogEmpty/></p>
            </Show>
            <ol data-testid="event-log">
                <For each=move || lines.get() key=|(lang, l)| (*lang, l.seq) children=move |(_, line)| view! { <Line line/> }/>
            </ol>
        </section>
    }
}

#[component]
fn Line(line: LogLine) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let LogLine {
        at,
        node,
        who,
        text,
        alarm,
        msg,
        ..
    } = line;
    view! {
        <li class:violation=alarm class:hovered=move || msg.is_some() && ctl.hovered.get() == msg
            on:mouseenter=move |_| if msg.is_some() { ctl.hovered.set(msg) }
            on:mouseleave=move |_| if msg.is_some() { ctl.hovered.set(None) }>
            <time>{secs(at)}</time>
            {who.map(|w| view! { <span class=format!("chip n{}", node.unwrap_or(0) % 9)>{w}</span> })}
            <span class="text">{text}</span>
        </li>
    }
}
