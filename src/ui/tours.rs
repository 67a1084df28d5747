//! Guided tours: a scenario plus annotated pause points. Each step plays for `wait_ms` of
//! virtual time, pauses, shows its text, and either waits for the student to press
//! Continue or for a specific action of theirs (kill the leader, restart a node, send a
//! request), which continues the tour.
//!
//! Built-in tours are keyed by slug (`tour=raft-election`); a teacher can write one in the
//! link itself: `tour=300~crash-leader~Kill the leader!|500~~Watch the new election`
//! (steps separated by `|`, each `wait_ms~expectation~text`).

use crate::ui::catalog::Page;
use crate::ui::i18n::Key;
use crate::ui::scenario::Notice;
use crate::ui::view::UiAction;

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

/// A step's words: from the translation tables, or a teacher's own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepText {
    Key(Key),
    Custom(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub wait_ms: u64,
    pub expect: Option<Expect>,
    pub text: StepText,
}

/// A built-in tour: where it runs and its steps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tour {
    pub slug: &'static str,
    pub title: Key,
    /// The scenario it runs on (a hash, without `tour=`).
    pub hash: &'static str,
    pub page: Page,
    pub steps: Vec<Step>,
}

fn step(wait_ms: u64, expect: Option<Expect>, text: Key) -> Step {
    Step {
        wait_ms,
        expect,
        text: StepText::Key(text),
    }
}

/// The tours that ship with the app.
pub fn builtin() -> Vec<Tour> {
    let crash = |r: &str| Some(Expect::Crash(r.into()));
    vec![
        Tour {
            slug: "raft-election",
            title: Key::TourRaftTitle,
            hash: "#/raft?seed=3&nodes=5&tour=raft-election",
            page: Page::Raft,
            steps: vec![
                step(0, None, Key::TourRaft1),
                step(260, crash("leader"), Key::TourRaft2),
                step(450, Some(Expect::Command("request".into())), Key::TourRaft3),
                step(250, None, Key::TourRaft4),
            ],
        },
        Tour {
            slug: "paxos-basics",
            title: Key::TourPaxosTitle,
            hash: "#/paxos?preset=happy&tour=paxos-basics",
            page: Page::Paxos,
            steps: vec![
                step(0, None, Key::TourPaxos1),
                step(165, crash("acceptor"), Key::TourPaxos2),
                step(200, None, Key::TourPaxos3),
            ],
        },
        Tour {
            slug: "2pc-blocking",
            title: Key::TourTpcTitle,
            hash: "#/2pc?preset=free&lmin=30&lmax=30&tour=2pc-blocking",
            page: Page::TwoPc,
            steps: vec![
                step(0, Some(Expect::Command("begin".into())), Key::TourTpc1),
                step(70, crash("coordinator"), Key::TourTpc2),
                step(1_000, Some(Expect::Restart), Key::TourTpc3),
                step(300, None, Key::TourTpc4),
            ],
        },
    ]
}

fn parse_expect(s: &str) -> Option<Option<Expect>> {
    Some(match s {
        "" => None,
        "restart" => Some(Expect::Restart),
        s => match (s.strip_prefix("crash-"), s.strip_prefix("do-")) {
            (Some(role), _) if !role.is_empty() => Some(Expect::Crash(role.into())),
            (_, Some(cmd)) if crate::ui::action_log::COMMANDS.contains(&cmd) => {
                Some(Expect::Command(cmd.into()))
            }
            _ => return None,
        },
    })
}

/// The steps of `tour=`: a built-in slug or a teacher's own steps. Bad steps are skipped
/// with a notice.
pub fn parse(value: &str) -> (Vec<Step>, Vec<Notice>) {
    if let Some(t) = builtin().into_iter().find(|t| t.slug == value) {
        return (t.steps, vec![]);
    }
    let mut steps = Vec::new();
    let mut notices = Vec::new();
    for part in value.split('|').filter(|p| !p.is_empty()) {
        let mut it = part.splitn(3, '~');
        let parsed = match (
            it.next().and_then(|w| w.trim().parse::<u64>().ok()),
            it.next().map(parse_expect),
            it.next(),
        ) {
            (Some(wait_ms), Some(Some(expect)), Some(text)) if !text.trim().is_empty() => {
                Some(Step {
                    wait_ms: wait_ms.min(3_600_000),
                    expect,
                    text: StepText::Custom(text.chars().take(500).collect()),
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

/// Whether `new_actions` (taken since the step began, with the roles nodes had then)
/// satisfy `expect`.
pub fn satisfied(expect: &Expect, roles: &[&str], new_actions: &[UiAction]) -> bool {
    new_actions.iter().any(|a| match (expect, a) {
        (Expect::Crash(role), UiAction::Crash(n)) => {
            role == "any" || roles.get(*n).is_some_and(|r| r == role)
        }
        (Expect::Restart, UiAction::Restart(_)) => true,
        (Expect::Command(id), UiAction::Command(_, c)) => id == c,
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_tours_parse_by_slug_and_their_links_are_clean() {
        for t in builtin() {
            assert_eq!(parse(t.slug).0, t.steps);
            let (sc, notices) = crate::ui::scenario::Scenario::from_location("", t.hash);
            assert!(notices.is_empty(), "{}: {notices:?}", t.slug);
            assert_eq!(sc.page, t.page);
            assert_eq!(sc.tour.as_deref(), Some(t.slug));
        }
    }

    #[test]
    fn a_teachers_tour_reads_from_the_link_and_bad_steps_are_named() {
        let (steps, notices) = parse(
            "300~crash-leader~Kill the leader!|500~~Watch|x~~bad|10~fly~bad|20~do-request~Ask",
        );
        assert_eq!(steps.len(), 3);
        assert_eq!(steps[0].expect, Some(Expect::Crash("leader".into())));
        assert_eq!(steps[2].expect, Some(Expect::Command("request".into())));
        assert_eq!(notices.len(), 2);
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
