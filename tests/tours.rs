//! Every built-in tour, played as a student plays it: on several seeds, at 1× and 10×
//! (a frame's worth of virtual time at a time, through the same player as the browser),
//! pressing Continue or doing what a step asks. A step that describes a state must show
//! with that state on screen, and a step that announces an event must show before it.

use ds_playground::sim::{SimTime, MS, SEC};
use ds_playground::ui::core::action::UiAction;
use ds_playground::ui::core::i18n::Lang;
use ds_playground::ui::core::runner::PageSim;
use ds_playground::ui::core::scenario::{PageSpec, Scenario};
use ds_playground::ui::core::tour_run::TourRun;
use ds_playground::ui::core::tours::{self, Expect, Step};
use ds_playground::ui::core::view::SimView;
use ds_playground::ui::registry::{self, build};

/// Virtual time per frame at 1× (60 frames a second, 50 ms of virtual time a second).
const FRAME_AT_1X: SimTime = 833;
/// How long past its time a step may wait for its state before the tour counts as stuck.
const STUCK: SimTime = 20 * SEC;

/// What the student saw when a step showed.
struct Shown {
    idx: usize,
    at: SimTime,
    view: SimView,
}

/// The tour's link with `seed` in it (replacing the link's own, if any).
fn seeded(hash: &str, seed: u64) -> String {
    let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
    let mut parts: Vec<String> = query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("seed="))
        .map(String::from)
        .collect();
    parts.push(format!("seed={seed}"));
    format!("{path}?{}", parts.join("&"))
}

/// Commands a student gives by typing, and what the tours ask them to type (the bloom
/// page's word boxes, the consistency page's history text).
const TYPED: &[(&str, &str)] = &[
    ("insert", "alice"),
    ("query", "bob"),
    ("set", "A w1 0-10; B r1 20-30"),
];

/// The action a student takes for `expect`, on the run as `view` shows it.
fn answer(expect: &Expect, view: &SimView, commands: &[&'static str]) -> UiAction {
    let live = |role: &str| {
        view.nodes
            .iter()
            .find(|n| !n.crashed && (role == "any" || n.role == role))
            .map(|n| n.id)
    };
    match expect {
        Expect::Crash(role) => UiAction::Crash(live(role).expect("a node to crash")),
        Expect::Restart => UiAction::Restart(
            view.nodes
                .iter()
                .find(|n| n.crashed)
                .expect("a crashed node")
                .id,
        ),
        Expect::Command(id) => {
            // The page's own name for the command (a `&'static str`, as actions carry it).
            let page_cmd = || -> &'static str {
                commands
                    .iter()
                    .find(|c| *c == id)
                    .expect("the page's command")
            };
            if let Some((_, typed)) = TYPED.iter().find(|(c, _)| c == id) {
                return UiAction::Input(0, page_cmd(), (*typed).into());
            }
            if !view.nodes.iter().any(|n| !n.commands.is_empty()) {
                // A page with a body of its own (its buttons are not on the nodes).
                return UiAction::Command(0, page_cmd());
            }
            // Preferably where the tour's text sends it (a follower for Raft's request).
            let offers = |n: &&ds_playground::ui::core::view::NodeVis| {
                n.commands.iter().any(|c| c.id == id && c.enabled)
            };
            let node = view
                .nodes
                .iter()
                .filter(offers)
                .find(|n| n.role == "follower")
                .or_else(|| view.nodes.iter().find(offers))
                .unwrap_or_else(|| panic!("no node offers {id}"));
            let cmd = node.commands.iter().find(|c| c.id == id).unwrap().id;
            UiAction::Command(node.id, cmd)
        }
    }
}

/// Play the tour to its end; the views at which its steps showed.
fn play(spec: &PageSpec, slug: &str, seed: u64, speed: u64, lang: Lang) -> Vec<Shown> {
    let tour = (spec.tours)().into_iter().find(|t| t.slug == slug).unwrap();
    let (sc, notices) = Scenario::from_location("", &seeded(tour.hash, seed));
    assert!(notices.is_empty(), "{}: {notices:?}", tour.hash);
    let (steps, _) = tours::parse(slug, &(spec.tours)(), spec.commands);
    let mut sim: Box<dyn PageSim> = build(&sc);
    let linger = sc.drop_linger();
    let mut run = TourRun::start(steps, sim.now()).unwrap();
    let mut shown = Vec::new();
    while let Some(step) = run.current().cloned() {
        let target = sim.now() + FRAME_AT_1X * speed;
        if run.play(sim.as_mut(), target, lang, linger) {
            let view = sim.view(lang, linger);
            run.show(&view, sim.log().len());
            shown.push(Shown {
                idx: run.idx,
                at: sim.now(),
                view: view.clone(),
            });
            match &step.expect {
                None => {}
                Some(expect) => {
                    sim.act(answer(expect, &view, spec.commands));
                    assert!(
                        run.answered(sim.log()),
                        "{slug}: the answer to step {}",
                        run.idx + 1
                    );
                }
            }
            run.next(sim.now());
        } else {
            assert!(
                sim.now() < run.due + STUCK,
                "{slug} seed {seed} at {speed}×: step {} waits for {:?} past {} ms",
                run.idx + 1,
                step.waits_for().map(|c| c.name().to_string()),
                sim.now() / MS
            );
        }
    }
    shown
}

fn check(step: &Step, shown: &Shown, what: &str) {
    if let Some(cue) = &step.when {
        assert!(
            cue.holds(&shown.view),
            "{what}: step {} showed at {} ms without '{}' on screen",
            shown.idx + 1,
            shown.at / MS,
            cue.name()
        );
    }
    if let Some(cue) = &step.before {
        assert!(
            !cue.holds(&shown.view),
            "{what}: step {} showed at {} ms after '{}' had happened (it announces it)",
            shown.idx + 1,
            shown.at / MS,
            cue.name()
        );
    }
}

#[test]
fn every_tour_shows_each_step_with_what_it_says_on_screen_on_five_seeds_at_1x_and_10x_in_both_languages(
) {
    let mut played = 0;
    for page in registry::pages() {
        let spec = page.spec();
        for tour in (spec.tours)() {
            // A page that opens on its first preset would play that preset's script under
            // the tour's settings: the tour says which run it means.
            assert!(
                !spec.opens_on_preset || spec.presets.is_empty() || tour.hash.contains("preset="),
                "{}: name the preset (or preset=free) in the tour's link",
                tour.hash
            );
            for seed in 1..=5 {
                for (speed, lang) in [(1, Lang::En), (10, Lang::En), (1, Lang::Zh), (10, Lang::Zh)]
                {
                    let what = format!("{} seed {seed} at {speed}× in {lang:?}", tour.slug);
                    let shown = play(spec, tour.slug, seed, speed, lang);
                    assert_eq!(shown.len(), tour.steps.len(), "{what}");
                    for s in &shown {
                        check(&tour.steps[s.idx], s, &what);
                    }
                    played += 1;
                }
            }
        }
    }
    assert!(
        played >= 16 * 20,
        "{played} tours played: every page has one"
    );
}
