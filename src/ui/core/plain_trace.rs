//! Trace events with their protocol payload already resolved (message style, narration,
//! mark), so the code that turns a trace into log lines, drop marks, the space-time
//! diagram and the JSON export is written and compiled once, not once per protocol.
//!
//! [`crate::ui::core::runner::Sim`] converts each event with its adapter ([`Detail`] says how much
//! to resolve: words cost, so the per-frame diagram asks for none) and hands an iterator to
//! the functions here.

use crate::sim::{DropReason, NodeId, SimTime};
use crate::ui::core::i18n::{engine_event, CmdText, EngineEvent, Lang};
use crate::ui::core::text::Text;
use crate::ui::core::view::{
    Arrow, ArrowEnd, DropMark, LogLine, Mark, MsgStyle, SpaceTimeVis, CUT_POINT, MAX_LINES,
};

/// At most this many message arrows in the space-time diagram (the newest): a safety
/// net under [`fit_window`].
pub const MAX_ARROWS: usize = 300;
/// [`fit_window`] narrows the diagram above this many arrows...
pub const DENSE_ARROWS: usize = 220;
/// ...and widens it again once the wider span would hold no more than this many.
pub const SPARSE_ARROWS: usize = 120;

/// A quiet run (a preset that is over, a cluster that went silent) widens the diagram past
/// its usual span until it shows at least this many arrows...
pub const QUIET_ARROWS: usize = 12;
/// ...up to this many times the usual span.
pub const QUIET_GROWTH: SimTime = 64;

/// The time span for the space-time diagram: `widest` when traffic allows, halved (down to
/// an eighth) while more than [`DENSE_ARROWS`] messages were sent within it, doubled back
/// when the doubled span would hold at most [`SPARSE_ARROWS`]. The gap between the two
/// keeps it from flickering; it changes rarely, and each change redraws every arrow.
/// When the run goes quiet it keeps widening (up to [`QUIET_GROWTH`] × `widest`) until it
/// shows [`QUIET_ARROWS`] of the last messages, so a finished exchange stays in sight
/// instead of scrolling away; it narrows back once traffic resumes.
/// `sends` are the send times within `QUIET_GROWTH × widest` of `now`, newest first;
/// `current` is the span in use (0 at the start).
pub fn fit_window(
    sends: &mut dyn Iterator<Item = SimTime>,
    now: SimTime,
    widest: SimTime,
    current: SimTime,
) -> SimTime {
    let longest = widest.saturating_mul(QUIET_GROWTH);
    let ages: Vec<SimTime> = sends
        .map(|at| now.saturating_sub(at))
        .take_while(|age| *age <= longest)
        .collect();
    let within = |w: SimTime| ages.iter().take_while(|age| **age <= w).count();
    let narrowest = (widest / 8).max(1);
    let mut w = if current == 0 {
        widest
    } else {
        current.clamp(narrowest, longest)
    };
    // Traffic resumed after a quiet spell, or the last messages are out of reach: back to
    // the usual span.
    if ages.is_empty() {
        w = w.min(widest);
    }
    while w > widest && within(w / 2) >= QUIET_ARROWS {
        w = (w / 2).max(widest);
    }
    while w > narrowest && within(w) > DENSE_ARROWS {
        w = (w / 2).max(narrowest);
    }
    while w < widest && within((w * 2).min(widest)) <= SPARSE_ARROWS {
        w = (w * 2).min(widest);
    }
    let wanted = QUIET_ARROWS.min(ages.len());
    while w >= widest && w < longest && within(w) < wanted {
        w = (w * 2).min(longest);
    }
    w
}

/// When the run has gone quiet since its last burst of activity (a finished preset, a round
/// that is over): the diagram ends a little after that burst instead of at the run's
/// moment, and spans the burst (at least `widest`), so the exchange stays legible instead of
/// shrinking into a sliver at one end as the quiet spell grows. The burst is the newest
/// events with no gap longer than half of `widest` between them (at most [`DENSE_ARROWS`]).
/// `sends` are the times of what the diagram draws (messages, crashes, notes), newest
/// first. `None`: something happened within the last `widest`; the diagram follows the run
/// as usual. (The test depends on the moment alone, so a moment reached by playing, by a
/// seek or from a link draws alike.) Returns (the diagram's end, its span).
pub fn quiet_view(
    sends: &mut dyn Iterator<Item = SimTime>,
    now: SimTime,
    widest: SimTime,
) -> Option<(SimTime, SimTime)> {
    let newest = sends.next()?;
    if now.saturating_sub(newest) <= widest {
        return None;
    }
    let margin = widest / 4;
    let end = newest.saturating_add(margin);
    let mut oldest = newest;
    for at in sends.take(DENSE_ARROWS) {
        if oldest.saturating_sub(at) > widest / 2 {
            break;
        }
        oldest = at;
    }
    let window = (end - oldest + margin).max(widest).min(end);
    Some((end, window.max(1)))
}

/// The time axis of a diagram showing `from..=to`: a round step (1, 2 or 5 × a power of
/// ten microseconds) giving about five ticks, and the ticks' times.
pub fn axis_ticks(from: SimTime, to: SimTime) -> (SimTime, Vec<SimTime>) {
    let span = to.saturating_sub(from).max(1);
    let mut step: SimTime = 1;
    'outer: loop {
        for m in [1, 2, 5] {
            if step.saturating_mul(m).saturating_mul(5) >= span {
                step = step.saturating_mul(m);
                break 'outer;
            }
        }
        step = step.saturating_mul(10);
    }
    let first = from.div_ceil(step) * step;
    let ticks = (0..)
        .map(|k| first + k * step)
        .take_while(|t| *t <= to)
        .collect();
    (step, ticks)
}

/// A tick's label in seconds, with as many decimals as the step needs: `1.25 s`.
pub fn tick_label(t: SimTime, step: SimTime) -> String {
    let decimals = match step {
        s if s >= crate::sim::SEC => 0,
        s if s >= 100 * crate::sim::MS => 1,
        s if s >= 10 * crate::sim::MS => 2,
        _ => 3,
    };
    format!(
        "{} s",
        crate::decimal::fixed(t as f64 / crate::sim::SEC as f64, decimals)
    )
}

/// How much of a protocol payload to put into words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Styles and marks only (drawing).
    Marks,
    /// Narration in a language (the event log).
    Words(Lang),
    /// Narration plus the raw timer and command values (the JSON export).
    Full(Lang),
}

impl Detail {
    pub fn lang(self) -> Option<Lang> {
        match self {
            Detail::Marks => None,
            Detail::Words(l) | Detail::Full(l) => Some(l),
        }
    }
}

/// One trace event, protocol-free.
#[derive(Clone, Debug)]
pub struct PlainEvent {
    pub at: SimTime,
    pub kind: PlainKind,
}

/// What happened, with the protocol's payload resolved (see [`crate::sim::TraceKind`]).
#[derive(Clone, Debug)]
pub enum PlainKind {
    Sent {
        id: u64,
        from: NodeId,
        to: NodeId,
        arrive_at: SimTime,
        style: MsgStyle,
    },
    Delivered {
        id: u64,
        from: NodeId,
        to: NodeId,
    },
    Dropped {
        id: u64,
        from: NodeId,
        to: NodeId,
        reason: DropReason,
        sent_at: SimTime,
        arrive_at: SimTime,
        style: MsgStyle,
    },
    /// `timer` is filled only at [`Detail::Full`].
    TimerFired {
        node: NodeId,
        timer: String,
    },
    /// `text` is filled from [`Detail::Words`] on.
    Note {
        node: NodeId,
        text: String,
        /// A labelled mark in the space-time diagram, and whom it concerns ("voted for S3").
        mark: Option<(Text, Option<NodeId>)>,
    },
    /// `raw` is filled only at [`Detail::Full`].
    Command {
        node: NodeId,
        cmd: CmdText,
        /// Given by the preset's script, not by the user.
        scripted: bool,
        raw: String,
    },
    Crashed {
        node: NodeId,
    },
    Restarted {
        node: NodeId,
    },
    Paused {
        node: NodeId,
        until: SimTime,
    },
    Resumed {
        node: NodeId,
    },
    ClockJumped {
        node: NodeId,
        delta: i64,
    },
    LinkCut {
        a: NodeId,
        b: NodeId,
    },
    LinkHealed {
        a: NodeId,
        b: NodeId,
    },
    Violation {
        rule: &'static str,
        /// The rule's name, as the page tells it.
        name: Text,
    },
}

/// Event-log lines, newest first, from story events given newest first.
pub fn log_lines(
    events: &mut dyn Iterator<Item = (u64, PlainEvent)>,
    lang: Lang,
    names: &[String],
) -> Vec<LogLine> {
    let engine = |e: EngineEvent| engine_event(lang, &e, names);
    let mut lines: Vec<LogLine> = Vec::new();
    // A drop repeats (a heartbeat to a crashed node, every heartbeat): the newest one
    // stands for the others, with their count.
    let mut repeats: Vec<(usize, usize)> = Vec::new();
    for (seq, ev) in events {
        if lines.len() >= MAX_LINES {
            break;
        }
        let mut msg = None;
        let is_drop = matches!(ev.kind, PlainKind::Dropped { .. });
        let (node, text, alarm) = match ev.kind {
            PlainKind::Note { node, text, .. } => (Some(node), text, false),
            PlainKind::Crashed { node } => (Some(node), engine(EngineEvent::Crashed(node)), false),
            PlainKind::Restarted { node } => {
                (Some(node), engine(EngineEvent::Restarted(node)), false)
            }
            PlainKind::Paused { node, until } => (
                Some(node),
                engine(EngineEvent::Paused(node, until.saturating_sub(ev.at))),
                false,
            ),
            PlainKind::Resumed { node } => (Some(node), engine(EngineEvent::Resumed(node)), false),
            PlainKind::ClockJumped { node, delta } => (
                Some(node),
                engine(EngineEvent::ClockJumped(node, delta)),
                false,
            ),
            PlainKind::LinkCut { a, b } => (None, engine(EngineEvent::LinkCut(a, b)), false),
            PlainKind::LinkHealed { a, b } => (None, engine(EngineEvent::LinkHealed(a, b)), false),
            PlainKind::Command {
                node,
                cmd,
                scripted,
                ..
            } => (
                Some(node),
                engine(EngineEvent::Command(node, cmd, scripted)),
                false,
            ),
            PlainKind::Violation { name, .. } => (None, engine(EngineEvent::Violation(name)), true),
            PlainKind::Dropped {
                id,
                from,
                to,
                reason,
                style,
                ..
            } => {
                msg = Some(id);
                (
                    None,
                    engine(EngineEvent::Dropped {
                        what: style.key,
                        from,
                        to,
                        reason,
                    }),
                    false,
                )
            }
            PlainKind::Sent { .. } | PlainKind::Delivered { .. } | PlainKind::TimerFired { .. } => {
                continue
            }
        };
        if is_drop {
            if let Some(r) = repeats.iter_mut().find(|(i, _)| lines[*i].text == text) {
                r.1 += 1;
                continue;
            }
            repeats.push((lines.len(), 1));
        }
        lines.push(LogLine {
            seq,
            msg,
            at: ev.at,
            node,
            who: node.map(|n| names[n].clone()),
            text,
            alarm,
        });
    }
    for (i, count) in repeats {
        if count > 1 {
            lines[i].text = format!("{} (×{count})", lines[i].text);
        }
    }
    lines
}

/// Crosses for messages dropped within the last `linger`, from events newest first.
pub fn drop_marks(
    events: &mut dyn Iterator<Item = PlainEvent>,
    now: SimTime,
    linger: SimTime,
) -> Vec<DropMark> {
    let mut drops = Vec::new();
    for ev in events {
        if now.saturating_sub(ev.at) >= linger {
            break;
        }
        if let PlainKind::Dropped {
            id,
            from,
            to,
            reason,
            sent_at,
            arrive_at,
            ..
        } = ev.kind
        {
            let progress = match reason {
                DropReason::LinkCut => CUT_POINT,
                DropReason::Lost => 0.85,
                DropReason::NodeDown => 0.95,
                DropReason::ByUser => {
                    let span = arrive_at.saturating_sub(sent_at).max(1) as f64;
                    (ev.at.saturating_sub(sent_at) as f64 / span).clamp(0.0, 1.0)
                }
            };
            let age = now.saturating_sub(ev.at) as f64 / linger.max(1) as f64;
            drops.push(DropMark {
                id,
                from,
                to,
                progress,
                age,
            });
        }
    }
    drops
}

/// The space-time diagram of the last `window` before `now`, from events newest first;
/// `alive[n]` says whether node `n` is up now.
pub fn space_time(
    events: &mut dyn Iterator<Item = PlainEvent>,
    lang: Lang,
    window: SimTime,
    now: SimTime,
    alive: &[bool],
    names: &[String],
) -> SpaceTimeVis {
    let from = now.saturating_sub(window);
    let n = alive.len();
    let mut ends: std::collections::BTreeMap<u64, (SimTime, ArrowEnd)> = Default::default();
    let mut arrows = Vec::new();
    let mut marks = Vec::new();
    let mut down = Vec::new();
    let mut up_again: Vec<Option<SimTime>> = vec![None; n];
    let mut saw_crash = vec![false; n];
    for ev in events {
        if ev.at < from {
            break;
        }
        match ev.kind {
            PlainKind::Delivered { id, .. } => {
                ends.insert(id, (ev.at, ArrowEnd::Delivered));
            }
            PlainKind::Dropped { id, .. } => {
                ends.insert(id, (ev.at, ArrowEnd::Dropped));
            }
            PlainKind::Sent {
                id,
                from: a,
                to: b,
                arrive_at,
                style,
            } => {
                let (t1, end, progress) = match ends.get(&id) {
                    Some((t1, end)) => (*t1, *end, 1.0),
                    None => {
                        let span = arrive_at.saturating_sub(ev.at).max(1) as f64;
                        (
                            now,
                            ArrowEnd::Flying,
                            (now.saturating_sub(ev.at) as f64 / span).clamp(0.0, 1.0),
                        )
                    }
                };
                arrows.push(Arrow {
                    id,
                    from: a,
                    to: b,
                    t0: ev.at,
                    t1,
                    progress,
                    end,
                    class: style.class,
                });
            }
            PlainKind::Restarted { node } => up_again[node] = Some(ev.at),
            PlainKind::Crashed { node } => {
                down.push((node, ev.at, up_again[node].take().unwrap_or(now)));
                saw_crash[node] = true;
            }
            PlainKind::Note {
                node,
                mark: Some((k, who)),
                ..
            } => marks.push(Mark {
                node,
                at: ev.at,
                label: match who.and_then(|w| names.get(w)) {
                    Some(name) => format!("{} {name}", k.get(lang)),
                    None => k.get(lang).to_string(),
                },
            }),
            _ => {}
        }
    }
    // Down since before the window, or restarted within it after an older crash.
    for node in 0..n {
        if !saw_crash[node] {
            match (alive[node], up_again[node]) {
                (false, _) => down.push((node, from, now)),
                (true, Some(up)) => down.push((node, from, up)),
                _ => {}
            }
        }
    }
    arrows.sort_by_key(|a| a.id);
    // Dense traffic: the newest arrows only (more is a tangle nobody can read at this
    // size, and each one is drawn every frame).
    if arrows.len() > MAX_ARROWS {
        arrows.drain(..arrows.len() - MAX_ARROWS);
        // The marks go back as far as the arrows do.
        let since = arrows.iter().map(|a| a.t0).min().unwrap_or(from);
        marks.retain(|m: &Mark| m.at >= since);
    }
    SpaceTimeVis {
        from,
        to: now,
        window,
        arrows,
        marks,
        down,
        pinned: false,
        quiet_since: None,
        zoomed: false,
        spans: Vec::new(),
    }
}

/// One event of an exported trace (the "Export this run's trace" file), as JSON objects
/// tagged by `kind`. [`trace_json`] writes them and [`read_trace`] reads them back.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TraceRecord {
    Sent {
        at_us: SimTime,
        id: u64,
        from: String,
        to: String,
        arrive_at_us: SimTime,
        msg: String,
    },
    Delivered {
        at_us: SimTime,
        id: u64,
        from: String,
        to: String,
    },
    Dropped {
        at_us: SimTime,
        id: u64,
        from: String,
        to: String,
        reason: String,
    },
    Timer {
        at_us: SimTime,
        node: String,
        timer: String,
    },
    Note {
        at_us: SimTime,
        node: String,
        text: String,
    },
    Command {
        at_us: SimTime,
        node: String,
        cmd: String,
    },
    Crashed {
        at_us: SimTime,
        node: String,
    },
    Restarted {
        at_us: SimTime,
        node: String,
    },
    Paused {
        at_us: SimTime,
        node: String,
        until_us: SimTime,
    },
    Resumed {
        at_us: SimTime,
        node: String,
    },
    ClockJumped {
        at_us: SimTime,
        node: String,
        delta_us: i64,
    },
    LinkCut {
        at_us: SimTime,
        a: String,
        b: String,
    },
    LinkHealed {
        at_us: SimTime,
        a: String,
        b: String,
    },
    Violation {
        at_us: SimTime,
        rule: String,
    },
}

impl TraceRecord {
    /// `ev` as a record, with node names and message kinds in `lang`.
    pub fn of(ev: PlainEvent, lang: Lang, names: &[String]) -> TraceRecord {
        let at_us = ev.at;
        let name = |n: NodeId| names[n].clone();
        match ev.kind {
            PlainKind::Sent {
                id,
                from,
                to,
                arrive_at,
                style,
            } => TraceRecord::Sent {
                at_us,
                id,
                from: name(from),
                to: name(to),
                arrive_at_us: arrive_at,
                msg: style.key.get(lang).to_string(),
            },
            PlainKind::Delivered { id, from, to } => TraceRecord::Delivered {
                at_us,
                id,
                from: name(from),
                to: name(to),
            },
            PlainKind::Dropped {
                id,
                from,
                to,
                reason,
                ..
            } => TraceRecord::Dropped {
                at_us,
                id,
                from: name(from),
                to: name(to),
                reason: format!("{reason:?}"),
            },
            PlainKind::TimerFired { node, timer } => TraceRecord::Timer {
                at_us,
                node: name(node),
                timer,
            },
            PlainKind::Note { node, text, .. } => TraceRecord::Note {
                at_us,
                node: name(node),
                text,
            },
            PlainKind::Command { node, raw, .. } => TraceRecord::Command {
                at_us,
                node: name(node),
                cmd: raw,
            },
            PlainKind::Crashed { node } => TraceRecord::Crashed {
                at_us,
                node: name(node),
            },
            PlainKind::Restarted { node } => TraceRecord::Restarted {
                at_us,
                node: name(node),
            },
            PlainKind::Paused { node, until } => TraceRecord::Paused {
                at_us,
                node: name(node),
                until_us: until,
            },
            PlainKind::Resumed { node } => TraceRecord::Resumed {
                at_us,
                node: name(node),
            },
            PlainKind::ClockJumped { node, delta } => TraceRecord::ClockJumped {
                at_us,
                node: name(node),
                delta_us: delta,
            },
            PlainKind::LinkCut { a, b } => TraceRecord::LinkCut {
                at_us,
                a: name(a),
                b: name(b),
            },
            PlainKind::LinkHealed { a, b } => TraceRecord::LinkHealed {
                at_us,
                a: name(a),
                b: name(b),
            },
            PlainKind::Violation { rule, .. } => TraceRecord::Violation {
                at_us,
                rule: rule.to_string(),
            },
        }
    }
}

/// The trace as a JSON array of [`TraceRecord`]s, oldest first.
pub fn trace_json(
    events: &mut dyn Iterator<Item = PlainEvent>,
    lang: Lang,
    names: &[String],
) -> String {
    let records: Vec<TraceRecord> = events.map(|ev| TraceRecord::of(ev, lang, names)).collect();
    let mut out = serde_json::to_string_pretty(&records).unwrap_or_else(|_| "[]".into());
    out.push('\n');
    out
}

/// Read back a trace file written by [`trace_json`].
pub fn read_trace(json: &str) -> Result<Vec<TraceRecord>, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quiet_run_keeps_its_last_burst_in_view() {
        const MS: SimTime = 1_000;
        let widest = 600 * MS;
        // A round from 0 to 240 ms (an event every 20 ms), then nothing.
        let burst: Vec<SimTime> = (0..=12).rev().map(|i| i * 20 * MS).collect();
        // Just after it: the diagram follows the run.
        assert_eq!(
            quiet_view(&mut burst.iter().copied(), 300 * MS, widest),
            None
        );
        // Quiet for a whole usual span: it keeps the round in view.
        assert_eq!(
            quiet_view(&mut burst.iter().copied(), 840 * MS, widest),
            None
        );
        assert!(quiet_view(&mut burst.iter().copied(), 841 * MS, widest).is_some());
        // Four seconds later: it ends 150 ms after the last event and spans the round.
        let (end, span) = quiet_view(&mut burst.iter().copied(), 4_000 * MS, widest).unwrap();
        assert_eq!(end, 390 * MS);
        assert_eq!(
            span,
            390 * MS,
            "from the start of the run, at most its length"
        );
        // A burst at 3 s after an older one at 0–240 ms: only the newest burst counts.
        let two: Vec<SimTime> = [3_100, 3_050, 3_000]
            .iter()
            .map(|t| t * MS)
            .chain(burst.clone())
            .collect();
        let (end, span) = quiet_view(&mut two.iter().copied(), 9_000 * MS, widest).unwrap();
        assert_eq!(end, 3_250 * MS);
        assert_eq!(span, widest, "at least the usual span");
        assert!(
            end - span > 240 * MS,
            "the older round is out of the picture"
        );
    }

    /// Sends every `gap` µs up to `now`, newest first.
    fn sends(now: SimTime, gap: SimTime) -> Vec<SimTime> {
        (0..=now / gap).map(|k| now - k * gap).collect()
    }

    #[test]
    fn the_window_narrows_for_dense_traffic_and_widens_again() {
        let widest = 600_000;
        // Sparse: 1 send per 10 ms -> 60 in the widest span: stays wide.
        let w = fit_window(
            &mut sends(5_000_000, 10_000).into_iter(),
            5_000_000,
            widest,
            0,
        );
        assert_eq!(w, widest);
        // Dense: 1 per ms -> 600 in 600 ms: halves until at most 220 (150 ms holds 151).
        let w = fit_window(
            &mut sends(5_000_000, 1_000).into_iter(),
            5_000_000,
            widest,
            widest,
        );
        assert_eq!(w, 150_000);
        // Stays there while traffic stays the same (no flicker).
        let again = fit_window(
            &mut sends(5_000_100, 1_000).into_iter(),
            5_000_100,
            widest,
            w,
        );
        assert_eq!(again, w);
        // Traffic calms down: back to the widest span.
        let w = fit_window(
            &mut sends(9_000_000, 20_000).into_iter(),
            9_000_000,
            widest,
            w,
        );
        assert_eq!(w, widest);
        // Never narrower than an eighth.
        let w = fit_window(
            &mut sends(5_000_000, 10).into_iter(),
            5_000_000,
            widest,
            widest,
        );
        assert_eq!(w, widest / 8);
    }

    #[test]
    fn the_axis_has_about_five_round_ticks() {
        let (step, ticks) = axis_ticks(1_230_000, 1_830_000);
        assert_eq!(step, 200_000);
        assert_eq!(ticks, vec![1_400_000, 1_600_000, 1_800_000]);
        assert_eq!(tick_label(1_400_000, step), "1.4 s");
        let (step, ticks) = axis_ticks(0, 75_000);
        assert_eq!(step, 20_000);
        assert_eq!(ticks, vec![0, 20_000, 40_000, 60_000]);
        assert_eq!(tick_label(40_000, step), "0.04 s");
        let (step, _) = axis_ticks(0, 38_400_000);
        assert_eq!(step, 10_000_000);
        assert_eq!(tick_label(20_000_000, step), "20 s");
    }

    #[test]
    fn a_quiet_run_keeps_its_last_messages_in_sight() {
        let widest = 600_000;
        // Twenty messages in the first 0.25 s, then silence until 5 s: the span doubles
        // until it reaches back to them (0.6 -> 1.2 -> 2.4 -> 4.8 -> 9.6 s).
        let quiet: Vec<SimTime> = (0..20).rev().map(|k| k * 12_500).collect();
        let w = fit_window(&mut quiet.clone().into_iter(), 5_000_000, widest, widest);
        assert_eq!(w, 9_600_000);
        // Never past QUIET_GROWTH spans: 30 s later it still reaches back (38.4 s)...
        let w = fit_window(&mut quiet.clone().into_iter(), 30_000_000, widest, w);
        assert_eq!(w, widest * QUIET_GROWTH);
        // ...an hour later the exchange is out of reach and the span is the usual one.
        let w = fit_window(&mut quiet.into_iter(), 3_600_000_000, widest, w);
        assert_eq!(w, widest);
        // Traffic resumes (one send per 10 ms): back to the usual span.
        let w = fit_window(
            &mut sends(10_000_000, 10_000).into_iter(),
            10_000_000,
            widest,
            w,
        );
        assert_eq!(w, widest);
    }
}
