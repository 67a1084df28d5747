//! A history as a line of text, for the consistency-models page's editor and its links:
//! one operation per `;` — client letter, `w<value>` or `r<value>` (`r?`: a read with no
//! answer yet), and its interval in milliseconds, `<invoke>-<respond>` (`<invoke>-?`: no
//! response). `A w1 0-10; B r1 20-30` is "A wrote 1 between 0 and 10 ms, then B read it".

use super::{History, Op, Operation};
use crate::sim::MS;

/// Most operations the editor takes (the checkers decide a few hundred; a hand-drawn
/// history is a lesson, not a load test).
pub const MAX_OPS: usize = 24;
/// Clients `A`..`F`.
pub const MAX_CLIENTS: usize = 6;
/// Latest time (ms) an operation may reach.
pub const MAX_MS: u64 = 10_000;

/// Why a text is not a history (shown to the teacher as is, with the operation's number).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextError {
    /// Operation `n` (1-based) does not read as `<client> <w|r><value> <from>-<to>`.
    Shape(usize),
    /// Operation `n`'s client is not a letter A–F.
    Client(usize),
    /// Operation `n` ends before it starts, or past the limit.
    Interval(usize),
    /// Operation `n` overlaps an earlier one of the same client (a client does one thing
    /// at a time).
    Overlap(usize),
    /// More than [`MAX_OPS`] operations.
    TooMany,
}

fn letter(c: usize) -> char {
    (b'A' + c as u8) as char
}

/// The text of `h` (times in whole milliseconds).
pub fn format(h: &History) -> String {
    h.ops
        .iter()
        .map(|o| {
            let op = match o.op {
                Op::Write(v) => format!("w{v}"),
                Op::Read(Some(v)) => format!("r{v}"),
                Op::Read(None) => "r?".into(),
            };
            let end = o.respond.map_or("?".into(), |r| (r / MS).to_string());
            format!("{} {op} {}-{end}", letter(o.client), o.invoke / MS)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Read a history from its text.
pub fn parse(text: &str) -> Result<History, TextError> {
    let mut ops: Vec<Operation> = Vec::new();
    for (i, part) in text
        .split([';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .enumerate()
    {
        let n = i + 1;
        if n > MAX_OPS {
            return Err(TextError::TooMany);
        }
        let words: Vec<&str> = part.split_whitespace().collect();
        let [who, what, when] = words[..] else {
            return Err(TextError::Shape(n));
        };
        let mut who = who.chars();
        let client = match (who.next(), who.next()) {
            (Some(c @ 'A'..='F'), None) => c as usize - 'A' as usize,
            (Some(c @ 'a'..='f'), None) => c as usize - 'a' as usize,
            _ => return Err(TextError::Client(n)),
        };
        let value = |s: &str| s.parse::<u64>().ok().filter(|v| *v <= 999);
        let op = match what.split_at_checked(1) {
            Some(("w" | "W", v)) => Op::Write(value(v).ok_or(TextError::Shape(n))?),
            Some(("r" | "R", "?")) => Op::Read(None),
            Some(("r" | "R", v)) => Op::Read(Some(value(v).ok_or(TextError::Shape(n))?)),
            _ => return Err(TextError::Shape(n)),
        };
        let (a, b) = when.split_once('-').ok_or(TextError::Shape(n))?;
        let invoke: u64 = a.parse().map_err(|_| TextError::Shape(n))?;
        let respond: Option<u64> = match b {
            "?" => None,
            b => Some(b.parse().map_err(|_| TextError::Shape(n))?),
        };
        if invoke > MAX_MS || respond.is_some_and(|r| r <= invoke || r > MAX_MS) {
            return Err(TextError::Interval(n));
        }
        if op == Op::Read(None) && respond.is_some() {
            return Err(TextError::Shape(n));
        }
        let (invoke, respond) = (invoke * MS, respond.map(|r| r * MS));
        // A client's operations may not overlap (an open one runs forever).
        let overlaps = ops.iter().filter(|o| o.client == client).any(|o| {
            let (s, e) = (o.invoke, o.respond.unwrap_or(u64::MAX));
            invoke < e && respond.unwrap_or(u64::MAX) > s
        });
        if overlaps {
            return Err(TextError::Overlap(n));
        }
        ops.push(Operation {
            client,
            op,
            invoke,
            respond,
        });
    }
    Ok(History { initial: 0, ops })
}

/// The textbook histories the page opens with: (name, text).
pub const TEXTBOOK: [(&str, &str); 6] = [
    // A completed write, then a read that sees it.
    ("linearizable", "A w1 0-10; B r1 20-30"),
    // The read began after the write finished, yet returns the old value: no real-time
    // order allows it, but "read first, then write" is a legal sequential order.
    ("stale-read", "A w1 0-10; B r0 20-30"),
    // During a long write B sees the new value, and C, later, the old one.
    ("new-old", "A w1 0-100; B r1 10-20; C r0 30-40"),
    // Two concurrent writes seen in opposite orders by C and D: causal, not sequential.
    (
        "causal-not-sequential",
        "A w1 0-10; B w2 0-10; C r1 20-30; C r2 40-50; D r2 20-30; D r1 40-50",
    ),
    // A client writes, then (after a failover to a replica that missed it) reads the old
    // value: read-your-writes is broken.
    ("ryw-failover", "A w1 0-10; A r0 20-30"),
    // B reads the new value, then the old one: monotonic reads is broken.
    ("monotonic-reads", "A w1 0-10; B r1 20-30; B r0 40-50"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocols::consistency::{check, Model};

    #[test]
    fn text_round_trips_and_rejects_what_is_not_a_history() {
        for (_, t) in TEXTBOOK {
            let h = parse(t).unwrap();
            assert_eq!(format(&h), t);
            assert_eq!(parse(&format(&h)).unwrap(), h);
        }
        assert_eq!(parse("A w1 0-?; B r? 5-?").unwrap().ops.len(), 2);
        assert_eq!(parse("A x1 0-10"), Err(TextError::Shape(1)));
        assert_eq!(parse("A w1 0-10; G r1 0-5"), Err(TextError::Client(2)));
        assert_eq!(parse("A w1 10-5"), Err(TextError::Interval(1)));
        assert_eq!(parse("A w1 0-10; A r1 5-20"), Err(TextError::Overlap(2)));
        assert_eq!(parse("A w1 0-?; A r1 50-60"), Err(TextError::Overlap(2)));
        assert_eq!(parse("A r? 0-10"), Err(TextError::Shape(1)));
        let many: Vec<String> = (0..30)
            .map(|i| format!("A w1 {}-{}", 2 * i, 2 * i + 1))
            .collect();
        assert_eq!(parse(&many[..24].join(";")).map(|h| h.ops.len()), Ok(24));
        assert_eq!(parse(&many.join(";")).map(|_| ()), Err(TextError::TooMany));
        assert_eq!(parse("").unwrap().ops.len(), 0);
    }

    #[test]
    fn the_textbook_histories_get_the_textbook_answers() {
        let strongest = |name: &str| {
            let t = TEXTBOOK.iter().find(|(n, _)| *n == name).unwrap().1;
            check(&parse(t).unwrap()).strongest()
        };
        assert_eq!(strongest("linearizable"), Some(Model::Linearizable));
        assert_eq!(strongest("stale-read"), Some(Model::Sequential));
        assert_eq!(strongest("new-old"), Some(Model::Sequential));
        assert_eq!(strongest("causal-not-sequential"), Some(Model::Causal));
        let ryw = check(&parse(TEXTBOOK[4].1).unwrap());
        assert!(ryw
            .session
            .iter()
            .any(|v| v.guarantee == crate::protocols::consistency::Guarantee::ReadYourWrites));
        let mr = check(&parse(TEXTBOOK[5].1).unwrap());
        assert!(mr
            .session
            .iter()
            .any(|v| v.guarantee == crate::protocols::consistency::Guarantee::MonotonicReads));
    }
}
