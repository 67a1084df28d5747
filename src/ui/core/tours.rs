//! Guided tours: a scenario plus annotated pause points. Each step plays for `wait_ms` of
//! virtual time, pauses, shows its text, and either waits for the student to press
//! Continue or for a specific action of theirs (kill the leader, restart a node, send a
//! request), which continues the tour.
//!
//! Built-in tours are keyed by slug (`tour=raft-election`); a teacher can write one in the
//! link itself: `tour=300~crash-leader~Kill the leader!|500~~Watch the new election`
//! (steps separated by `|`, each `wait_ms~expectation~text`).

use crate::ui::core::action::UiAction;
use crate::ui::core::notice::Notice;
use crate::ui::core::text::Tx;
use crate::ui::core::view::{NodeVis, SimView};

/// What a step waits for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expect {
    /// The student crashes a node that had this role when the step began (`any` for any).
    Crash(String),
    /// The student restarts a crashed node.
    Restart,
    /// The student gives this protocol command (`request`, `propose`, `begin`, ...).
    Command(String),
}

/// A step's words: the page's own texts, or a teacher's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepText {
    Page(&'static Tx),
    Custom(String),
}

/// A state of the run that a step's text talks about, read from what the page shows.
#[derive(Clone, Debug)]
pub enum Cue {
    /// Some live node has this role (`leader`, `coordinator`, …).
    Role(String),
    /// The page's headline figure with this key is raised (drawn red).
    Alarm(&'static str),
    /// Anything else the page shows, named (for the tests' messages) and read by a function
    /// of the page's view.
    Shown(&'static str, fn(&SimView) -> bool),
}

impl Cue {
    /// Whether the run, as `view` shows it, is in this state.
    pub fn holds(&self, view: &SimView) -> bool {
        match self {
            Cue::Role(r) => view.nodes.iter().any(|n| !n.crashed && n.role == r),
            Cue::Alarm(key) => view.status.iter().any(|s| s.key == *key && s.alarm),
            Cue::Shown(_, f) => f(view),
        }
    }

    /// The cue's name, for messages.
    pub fn name(&self) -> &str {
        match self {
            Cue::Role(r) => r,
            Cue::Alarm(key) | Cue::Shown(key, _) => key,
        }
    }
}

/// The node named `name` on the page (names read the same in every language).
pub fn node<'a>(view: &'a SimView, name: &str) -> Option<&'a NodeVis> {
    view.nodes.iter().find(|n| n.name == name)
}

/// The headline figure `key`'s value ("" when the page shows none).
pub fn figure<'a>(view: &'a SimView, key: &str) -> &'a str {
    view.status
        .iter()
        .find(|s| s.key == key)
        .map_or("", |s| s.value.as_str())
}

/// Whether every node with `role` is in `state`.
pub fn every(view: &SimView, role: &str, state: &str) -> bool {
    view.nodes
        .iter()
        .filter(|n| n.role == role)
        .all(|n| n.state == state)
}

/// Whether node `name` is in `state` (its `data-state`).
pub fn in_state(view: &SimView, name: &str, state: &str) -> bool {
    node(view, name).is_some_and(|n| n.state == state)
}

impl PartialEq for Cue {
    fn eq(&self, other: &Cue) -> bool {
        match (self, other) {
            (Cue::Role(a), Cue::Role(b)) => a == b,
            (Cue::Alarm(a), Cue::Alarm(b)) | (Cue::Shown(a, _), Cue::Shown(b, _)) => a == b,
            _ => false,
        }
    }
}

impl Eq for Cue {}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub wait_ms: u64,
    pub expect: Option<Expect>,
    pub text: StepText,
    /// The state the step's text describes as done ("C2 holds the lock too"): past
    /// `wait_ms` the run plays on until it is on screen, on any seed and at any speed.
    pub when: Option<Cue>,
    /// The event the step's text announces as still to come ("C2 now asks"): the step must
    /// show before it happens. The player cannot wait for that; `tests/pages.rs` plays every
    /// built-in tour on several seeds and speeds and checks it.
    pub before: Option<Cue>,
}

impl Step {
    /// The state the step waits for: its own `when`, or the role it asks the student to
    /// crash ("kill the leader" needs a leader on screen).
    pub fn waits_for(&self) -> Option<Cue> {
        match (&self.when, &self.expect) {
            (Some(c), _) => Some(c.clone()),
            (None, Some(Expect::Crash(r))) if r != "any" => Some(Cue::Role(r.clone())),
            _ => None,
        }
    }

    /// This step, shown only once `cue` holds (see [`Step::when`]).
    pub fn when(self, cue: Cue) -> Step {
        Step {
            when: Some(cue),
            ..self
        }
    }

    /// This step, which must show before `cue` holds (see [`Step::before`]).
    pub fn before(self, cue: Cue) -> Step {
        Step {
            before: Some(cue),
            ..self
        }
    }
}

/// A built-in tour of a page: the scenario it runs on and its steps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tour {
    pub slug: &'static str,
    pub title: &'static Tx,
    /// The scenario it runs on (a hash, with `tour=<slug>`).
    pub hash: &'static str,
    pub steps: Vec<Step>,
}

/// A built-in step: play `wait_ms`, then show `text` and wait for `expect` (or Continue).
pub fn step(wait_ms: u64, expect: Option<Expect>, text: &'static Tx) -> Step {
    Step {
        wait_ms,
        expect,
        text: StepText::Page(text),
        when: None,
        before: None,
    }
}

fn parse_expect(s: &str, commands: &[&str]) -> Option<Option<Expect>> {
    Some(match s {
        "" => None,
        "restart" => Some(Expect::Restart),
        s => match (s.strip_prefix("crash-"), s.strip_prefix("do-")) {
            (Some(role), _) if !role.is_empty() => Some(Expect::Crash(role.into())),
            (_, Some(cmd)) if commands.contains(&cmd) => Some(Expect::Command(cmd.into())),
            _ => return None,
        },
    })
}

/// The steps of `tour=`: one of the page's `builtin` tours by slug, or a teacher's own
/// steps (expecting only the page's `commands`). Bad steps are skipped with a notice.
pub fn parse(value: &str, builtin: &[Tour], commands: &[&str]) -> (Vec<Step>, Vec<Notice>) {
    if let Some(t) = builtin.iter().find(|t| t.slug == value).cloned() {
        return (t.steps, vec![]);
    }
    let mut steps = Vec::new();
    let mut notices = Vec::new();
    for part in value.split('|').filter(|p| !p.is_empty()) {
        let mut it = part.splitn(3, '~');
        let parsed = match (
            it.next().and_then(|w| w.trim().parse::<u64>().ok()),
            it.next().map(|e| parse_expect(e, commands)),
            it.next(),
        ) {
            (Some(wait_ms), Some(Some(expect)), Some(text)) if !text.trim().is_empty() => {
                Some(Step {
                    wait_ms: wait_ms.min(3_600_000),
                    expect,
                    text: StepText::Custom(text.chars().take(500).collect()),
                    when: None,
                    before: None,
                })
            }
            _ => None,
        };
        match parsed {
            Some(s) => steps.push(s),
            None => notices.push(Notice::Malformed {
                field: "tour".into(),
                value: part.chars().take(40).collect(),
            }),
        }
    }
    (steps, notices)
}

/// A teacher's steps written back as `tour=` text (the form [`parse`] reads), so a copied
/// link carries exactly the steps that were used, without the ones skipped.
pub fn encode(steps: &[Step]) -> String {
    steps
        .iter()
        .filter_map(|s| {
            let StepText::Custom(text) = &s.text else {
                return None;
            };
            let expect = match &s.expect {
                None => String::new(),
                Some(Expect::Crash(role)) => format!("crash-{role}"),
                Some(Expect::Restart) => "restart".into(),
                Some(Expect::Command(c)) => format!("do-{c}"),
            };
            Some(format!("{}~{expect}~{text}", s.wait_ms))
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// Whether `new_actions` (taken since the step began, with the roles nodes had then)
/// satisfy `expect`.
pub fn satisfied(expect: &Expect, roles: &[&str], new_actions: &[UiAction]) -> bool {
    new_actions.iter().any(|a| match (expect, a) {
        (Expect::Crash(role), UiAction::Crash(n)) => {
            role == "any" || roles.get(*n).is_some_and(|r| r == role)
        }
        (Expect::Restart, UiAction::Restart(_)) => true,
        (Expect::Command(id), UiAction::Command(_, c) | UiAction::Input(_, c, _)) => id == c,
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_teachers_tour_reads_from_the_link_and_bad_steps_are_named() {
        let (steps, notices) = parse(
            "300~crash-leader~Kill the leader!|500~~Watch|x~~bad|10~fly~bad|20~do-request~Ask",
            &[],
            &["request"],
        );
        assert_eq!(steps.len(), 3);
        assert_eq!(steps[0].expect, Some(Expect::Crash("leader".into())));
        assert_eq!(steps[2].expect, Some(Expect::Command("request".into())));
        assert_eq!(notices.len(), 2);
    }

    #[test]
    fn used_steps_are_written_back_as_they_are_read() {
        let (steps, bad) = parse(
            "300~crash-leader~Kill it, now!|x~~bad|0~restart~Back|20~do-request~Ask|5~~Look",
            &[],
            &["request"],
        );
        assert_eq!((steps.len(), bad.len()), (4, 1));
        let text = encode(&steps);
        assert_eq!(
            text,
            "300~crash-leader~Kill it, now!|0~restart~Back|20~do-request~Ask|5~~Look"
        );
        assert_eq!(parse(&text, &[], &["request"]), (steps, vec![]));
    }

    #[test]
    fn expectations_match_only_the_right_action() {
        let roles = ["follower", "leader", "follower"];
        let crash_leader = Expect::Crash("leader".into());
        assert!(!satisfied(&crash_leader, &roles, &[UiAction::Crash(0)]));
        assert!(satisfied(
            &crash_leader,
            &roles,
            &[UiAction::Crash(0), UiAction::Crash(1)]
        ));
        assert!(satisfied(
            &Expect::Command("begin".into()),
            &roles,
            &[UiAction::Command(0, "begin")]
        ));
        assert!(!satisfied(&Expect::Restart, &roles, &[UiAction::HealAll]));
    }
}
