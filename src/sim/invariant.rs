//! Named safety invariants, checked after every step of the world.

use super::node::{NodeId, Protocol};
use super::time::SimTime;

/// A broken rule: which one, which nodes, when, and a sentence of detail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// The rule's name as the paper gives it, e.g. "Election Safety".
    pub rule: &'static str,
    /// The nodes involved.
    pub nodes: Vec<NodeId>,
    /// When it was detected.
    pub at: SimTime,
    /// What exactly is wrong, as data the page renders in the reader's language.
    pub detail: Detail,
}

/// What exactly is wrong, as data: one of the rule's sentences, written in English with
/// `{0}`, `{1}`, … where its values go, and those values (node names, numbers, versions,
/// IDs: the same in every language). The sentence is also its key: a page gives each of
/// its protocol's sentences a template in every language it speaks (`tests/pages.rs`
/// checks that none is missing), so the banner says what broke in the reader's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detail {
    pub sentence: &'static str,
    pub values: Vec<String>,
}

impl Detail {
    pub fn new(sentence: &'static str, values: Vec<String>) -> Detail {
        Detail { sentence, values }
    }

    /// `template` (this sentence in some language) with the values put in their places.
    pub fn fill(&self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after.find('}').and_then(|close| {
                let i: usize = after[..close].parse().ok()?;
                Some((close, self.values.get(i)?))
            }) {
                Some((close, value)) => {
                    out.push_str(value);
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// The sentence in English.
    pub fn english(&self) -> String {
        self.fill(self.sentence)
    }
}

#[cfg(test)]
mod tests {
    use super::Detail;

    #[test]
    fn fill_puts_each_value_in_its_place_and_leaves_other_braces() {
        let d = Detail::new(
            "{0} and {1} lead term {2}",
            vec!["S1".into(), "S2".into(), "3".into()],
        );
        assert_eq!(d.english(), "S1 and S2 lead term 3");
        assert_eq!(
            d.fill("{1} 和 {0} 都是任期 {2} 的领导者"),
            "S2 和 S1 都是任期 3 的领导者"
        );
        assert_eq!(d.fill("{x} {9} {"), "{x} {9} {");
    }
}

/// A checker that watches the nodes after every step. It may keep history ("ghost
/// state"), e.g. which leader was seen for each term.
pub trait Monitor<P: Protocol> {
    /// Look at the nodes (and which are up) at `now`; report what is broken.
    fn check(&mut self, now: SimTime, nodes: &[&P], alive: &[bool], out: &mut Vec<Violation>);
}

/// A monitor that checks nothing.
#[derive(Clone, Debug, Default)]
pub struct NoMonitor;

impl<P: Protocol> Monitor<P> for NoMonitor {
    fn check(&mut self, _: SimTime, _: &[&P], _: &[bool], _: &mut Vec<Violation>) {}
}
