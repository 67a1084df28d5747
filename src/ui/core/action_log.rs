//! The user's actions as they travel in a link: `act=120000k1,250000c1-3,300000x2request`.
//!
//! Each entry is the virtual time in microseconds, a letter, and its arguments. Nodes are
//! numbered from 1 as on screen. `k` kill, `r` restart, `c` cut, `h` heal, `p` partition
//! (groups `1.2-3.4.5`), `H` heal all, `d` drop message id, `x` protocol command
//! (`x2request`), `z` pause (`z2:300` ms), `j` clock jump (`j2:-100` ms), `n` the network
//! changed during the run (`n10:200:5`: latency 10–200 ms, 5 % loss). A bad entry is
//! skipped with a notice naming it; the rest still load.

use crate::sim::SimTime;
use crate::ui::core::action::UiAction;
use crate::ui::core::notice::Notice;

/// The `act` value for a log.
pub fn encode(log: &[(SimTime, UiAction)]) -> String {
    let mut out = String::with_capacity(log.len() * 12);
    for (at, a) in log {
        let mark = out.len();
        if !out.is_empty() {
            out.push(',');
        }
        if !entry(&mut out, *at, a) {
            out.truncate(mark);
        }
    }
    out
}

/// Append one action as a link entry to `out`; `false` (and a partial write the caller
/// drops) for what never enters a link.
fn entry(out: &mut String, at: SimTime, a: &UiAction) -> bool {
    use std::fmt::Write;
    // Writing to a String cannot fail.
    let _ = write!(out, "{at}");
    let _ = match a {
        UiAction::Crash(n) => write!(out, "k{}", n + 1),
        UiAction::Restart(n) => write!(out, "r{}", n + 1),
        UiAction::Cut(a, b) => write!(out, "c{}-{}", a + 1, b + 1),
        UiAction::Heal(a, b) => write!(out, "h{}-{}", a + 1, b + 1),
        UiAction::Partition(groups) => {
            out.push('p');
            for (i, g) in groups.iter().enumerate() {
                if i > 0 {
                    out.push('-');
                }
                for (j, n) in g.iter().enumerate() {
                    if j > 0 {
                        out.push('.');
                    }
                    let _ = write!(out, "{}", n + 1);
                }
            }
            Ok(())
        }
        UiAction::HealAll => write!(out, "H"),
        UiAction::Pause(n, span) => write!(out, "z{}:{}", n + 1, span / crate::sim::MS),
        UiAction::ClockJump(n, d) => write!(out, "j{}:{}", n + 1, d / crate::sim::MS as i64),
        UiAction::DropMsg(id) => write!(out, "d{id}"),
        UiAction::Command(n, id) => write!(out, "x{}{id}", n + 1),
        UiAction::Input(n, id, text) => write!(out, "x{}{id}:{}", n + 1, escape(text)),
        // The network changed during the run (a page's live sliders); whole milliseconds
        // and percent, as the settings have them.
        // A fourth field, the duplication rate, only when it is set (links written before
        // duplication existed read the same).
        UiAction::SetNet(n) => write!(
            out,
            "n{}:{}:{}",
            n.latency_min / crate::sim::MS,
            n.latency_max / crate::sim::MS,
            (n.loss * 100.0).round() as u64
        )
        .and_then(|_| match (n.duplicate * 100.0).round() as u64 {
            0 => Ok(()),
            dup => write!(out, ":{dup}"),
        }),
    };
    true
}

/// The most characters a link's action list may hold (about 8,000 actions). A longer
/// session's link carries its actions up to the last one that fits, and the page says so:
/// the address bar stays a size a chat or a course page accepts, and rewriting it stays
/// cheap however long the session.
pub const LINK_BUDGET: usize = 100_000;

/// How many of `log`'s first actions a link carries: those that fit in [`LINK_BUDGET`]
/// characters and happen no later than [`MAX_AT`]. Stops at the first that does not, so the
/// link's run is the session's run up to that action.
pub fn link_prefix(log: &[(SimTime, UiAction)]) -> usize {
    let mut len = 0;
    let mut e = String::new();
    for (i, (at, a)) in log.iter().enumerate() {
        if *at > MAX_AT {
            return i;
        }
        e.clear();
        if entry(&mut e, *at, a) {
            len += e.len() + usize::from(len > 0);
            if len > LINK_BUDGET {
                return i;
            }
        }
    }
    log.len()
}

/// A typed text in a link entry: letters, digits, `-`, `_` and `.` as they are, every
/// other byte as `~XX` (so commas, colons and spaces cannot break the entry).
fn escape(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => out.push(b as char),
            b => out.push_str(&format!("~{b:02X}")),
        }
    }
    out
}

fn unescape(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'~' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// One-way latency a link may set (ms), in its settings or in a network change.
pub const LATENCY_MS: (u64, u64) = (1, 2_000);
/// Message loss a link may set (%).
pub const LOSS_PCT: (u64, u64) = (0, 90);
/// Duplicated messages in percent.
pub const DUP_PCT: (u64, u64) = (0, 90);

/// The longest pause a link entry may carry (ms).
pub const MAX_PAUSE_MS: u64 = 60_000;
/// The largest clock jump a link entry may carry (ms, either way).
pub const MAX_JUMP_MS: u64 = 3_600_000;

/// The longest typed text a link entry may carry (characters; a hand-drawn history of
/// 24 operations fits).
pub const MAX_INPUT: usize = 400;

fn parse_node(s: &str, nodes: usize) -> Option<usize> {
    let n: usize = s.parse().ok()?;
    (1..=nodes).contains(&n).then(|| n - 1)
}

fn parse_pair(s: &str, nodes: usize) -> Option<(usize, usize)> {
    let (a, b) = s.split_once('-')?;
    let (a, b) = (parse_node(a, nodes)?, parse_node(b, nodes)?);
    (a != b).then_some((a, b))
}

/// How far into a run a link may reach (ms): it may open there and carry actions up to
/// there. The page runs to it synchronously on load (about a second for Raft with its live
/// checks); anything later is refused with a notice instead of freezing the page.
pub const MAX_TIME_MS: u64 = 600_000;
/// The latest time an action may carry (µs).
pub const MAX_AT: SimTime = MAX_TIME_MS * crate::sim::MS;

fn parse_entry(e: &str, nodes: usize, commands: &[&'static str]) -> Option<(SimTime, UiAction)> {
    let split = e.find(|c: char| !c.is_ascii_digit())?;
    let (at, rest) = e.split_at(split);
    let at: SimTime = at.parse().ok().filter(|at| *at <= MAX_AT)?;
    let mut chars = rest.chars();
    let code = chars.next()?;
    let args = chars.as_str();
    let action = match code {
        'k' => UiAction::Crash(parse_node(args, nodes)?),
        'r' => UiAction::Restart(parse_node(args, nodes)?),
        'c' => parse_pair(args, nodes).map(|(a, b)| UiAction::Cut(a, b))?,
        'h' => parse_pair(args, nodes).map(|(a, b)| UiAction::Heal(a, b))?,
        'H' if args.is_empty() => UiAction::HealAll,
        'z' => {
            let (n, ms) = args.split_once(':')?;
            let ms: u64 = ms
                .parse()
                .ok()
                .filter(|ms| (1..=MAX_PAUSE_MS).contains(ms))?;
            UiAction::Pause(parse_node(n, nodes)?, ms * crate::sim::MS)
        }
        'j' => {
            let (n, ms) = args.split_once(':')?;
            let ms: i64 = ms
                .parse()
                .ok()
                .filter(|ms: &i64| *ms != 0 && ms.unsigned_abs() <= MAX_JUMP_MS)?;
            UiAction::ClockJump(parse_node(n, nodes)?, ms * crate::sim::MS as i64)
        }
        'd' => UiAction::DropMsg(args.parse().ok()?),
        'n' => {
            // min:max:loss, and the duplication rate when it is set.
            let fields: Vec<&str> = args.split(':').collect();
            if !(3..=4).contains(&fields.len()) {
                return None;
            }
            let num = |i: usize, (lo, hi): (u64, u64)| {
                fields
                    .get(i)
                    .map_or(Some(0), |f| f.parse::<u64>().ok())
                    .filter(|v| (lo..=hi).contains(v))
            };
            let (min, max) = (num(0, LATENCY_MS)?, num(1, LATENCY_MS)?);
            let (loss, dup) = (num(2, LOSS_PCT)?, num(3, DUP_PCT)?);
            if min > max {
                return None;
            }
            UiAction::SetNet(crate::sim::NetConfig {
                latency_min: min * crate::sim::MS,
                latency_max: max * crate::sim::MS,
                loss: loss as f64 / 100.0,
                duplicate: dup as f64 / 100.0,
            })
        }
        'p' => {
            let groups = args
                .split('-')
                .map(|g| {
                    g.split('.')
                        .map(|n| parse_node(n, nodes))
                        .collect::<Option<Vec<_>>>()
                })
                .collect::<Option<Vec<_>>>()?;
            UiAction::Partition(groups)
        }
        'x' => {
            let split = args.find(|c: char| !c.is_ascii_digit())?;
            let (n, rest) = args.split_at(split);
            let (id, text) = match rest.split_once(':') {
                Some((id, text)) => (id, Some(unescape(text)?)),
                None => (rest, None),
            };
            let id = commands.iter().copied().find(|c| *c == id)?;
            let n = parse_node(n, nodes)?;
            match text {
                Some(t) if t.chars().count() <= MAX_INPUT => UiAction::Input(n, id, t),
                Some(_) => return None,
                None => UiAction::Command(n, id),
            }
        }
        _ => return None,
    };
    Some((at, action))
}

/// Read an `act` value for a cluster of `nodes` whose page offers `commands`; entries out
/// of time order are bad too.
pub fn decode(
    s: &str,
    nodes: usize,
    commands: &[&'static str],
) -> (Vec<(SimTime, UiAction)>, Vec<Notice>) {
    let mut log: Vec<(SimTime, UiAction)> = Vec::new();
    let mut notices = Vec::new();
    for e in s.split(',').filter(|e| !e.is_empty()) {
        match parse_entry(e, nodes, commands) {
            Some((at, a)) if log.last().is_none_or(|(prev, _)| *prev <= at) => log.push((at, a)),
            _ => notices.push(Notice::Malformed {
                field: "act".into(),
                value: e.chars().take(40).collect(),
            }),
        }
    }
    (log, notices)
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMMANDS: &[&str] = &["request", "timeout", "vote-no"];

    #[test]
    fn every_action_round_trips() {
        let log = vec![
            (0, UiAction::Crash(0)),
            (5, UiAction::Restart(4)),
            (120_000, UiAction::Cut(1, 3)),
            (120_000, UiAction::Heal(3, 1)),
            (
                130_001,
                UiAction::Partition(vec![vec![0, 1], vec![2, 3, 4]]),
            ),
            (140_000, UiAction::HealAll),
            (150_000, UiAction::DropMsg(57)),
            (160_000, UiAction::Command(2, "request")),
            (170_000, UiAction::Command(0, "vote-no")),
            (180_000, UiAction::Input(0, "request", "a, b:c ~é".into())),
            (190_000, UiAction::Pause(3, 300_000)),
            (200_000, UiAction::ClockJump(1, -100_000)),
            (200_000, UiAction::ClockJump(4, 2_000)),
            (
                210_000,
                UiAction::SetNet(crate::sim::NetConfig {
                    latency_min: 10_000,
                    latency_max: 200_000,
                    loss: 0.05,
                    duplicate: 0.0,
                }),
            ),
        ];
        let s = encode(&log);
        assert_eq!(decode(&s, 5, COMMANDS), (log, vec![]));
    }

    #[test]
    fn bad_entries_are_named_and_the_rest_load() {
        let (log, n) = decode(
            "100k1,zz,200k9,300x1launch,50r1,400c2-2,500H,600z1:0,600z1:99999999,600j2:0,600j9:5,600z1,700n20:10:0,700n0:5:0,700n1:2:91,700n1:2:3:91",
            5,
            COMMANDS,
        );
        assert_eq!(
            log,
            vec![(100, UiAction::Crash(0)), (500, UiAction::HealAll)]
        );
        assert_eq!(n.len(), 14, "{n:?}");
        assert_eq!(
            n[0],
            Notice::Malformed {
                field: "act".into(),
                value: "zz".into()
            }
        );
    }

    #[test]
    fn random_bytes_never_panic() {
        let mut rng = crate::sim::SimRng::new(11);
        let alphabet = b"0123456789kcrhHdpxzj:-.,requstimoapbgnv\xe2\x80";
        for _ in 0..20_000 {
            let len = rng.index(40);
            let bytes: Vec<u8> = (0..len)
                .map(|_| alphabet[rng.index(alphabet.len())])
                .collect();
            let (log, _) = decode(&String::from_utf8_lossy(&bytes), 1 + rng.index(9), COMMANDS);
            assert!(log.windows(2).all(|w| w[0].0 <= w[1].0));
        }
    }

    #[test]
    fn a_link_carries_the_actions_that_fit_and_stops_at_the_first_that_does_not() {
        // An hour with a request every 100 ms: 36,000 actions, far past the budget.
        let log: Vec<(SimTime, UiAction)> = (1..=36_000u64)
            .map(|i| (i * 100_000, UiAction::Command(i as usize % 5, "request")))
            .collect();
        let k = link_prefix(&log);
        assert!(k > 1_000 && k < log.len(), "{k}");
        let carried = encode(&log[..k]);
        assert!(carried.len() <= LINK_BUDGET, "{}", carried.len());
        assert!(
            carried.len() + 20 > LINK_BUDGET,
            "room left for more: {}",
            carried.len()
        );
        // What it carries reads back as the session's first k actions.
        assert_eq!(decode(&carried, 5, COMMANDS), (log[..k].to_vec(), vec![]));
        // A short log goes whole; one past the time bound stops there.
        assert_eq!(link_prefix(&log[..100]), 100);
        let late = vec![
            (1, UiAction::HealAll),
            (MAX_AT + 1, UiAction::HealAll),
            (2, UiAction::HealAll),
        ];
        assert_eq!(link_prefix(&late), 1);
    }
}
