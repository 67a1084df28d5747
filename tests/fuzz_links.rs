//! Hostile links, in the default test run: 100,000 through the parser and 1,000 through
//! build-and-run. The test profile keeps overflow checks on, so an arithmetic overflow on
//! the way panics here. Whatever a link says, the scenario that comes out is in range, its
//! link reads back to the same run settings, and building and running it never panics.

use ds_playground::sim::{SimRng, MS};
use ds_playground::ui::core::action::UiAction;
use ds_playground::ui::core::action_log::MAX_AT;
use ds_playground::ui::core::i18n::Lang;
use ds_playground::ui::core::scenario::{limits, Scenario, MAX_TOUR};
use ds_playground::ui::registry::{self, build};

const KEYS: &[&str] = &[
    "seed",
    "nodes",
    "speed",
    "lang",
    "embed",
    "lmin",
    "lmax",
    "loss",
    "t",
    "tour",
    "autoplay",
    "controls",
    "preset",
    "act",
    "v",
    "emin",
    "emax",
    "hb",
    "proposers",
    "retry",
    "backoff",
    "distinguished",
    "persist",
    "timeout",
    "ctimeout",
    "ptimeout",
    "mode",
    "fanout",
    "period",
    "stop",
    "stopk",
    "ae",
    "vnodes",
    "keys",
    "replicas",
    "m",
    "k",
    "bogus",
];

fn number(rng: &mut SimRng) -> String {
    match rng.index(8) {
        0 => u64::MAX.to_string(),
        1 => "18446744073709551616".into(),
        2 => format!("-{}", rng.index(100)),
        3 => format!("{}.{}", rng.index(100), rng.index(100)),
        4 => rng.range_inclusive(0, 1 << 62).to_string(),
        5 => "1e9".into(),
        _ => rng.index(2_000).to_string(),
    }
}

fn action(rng: &mut SimRng) -> String {
    let at = match rng.index(4) {
        0 => u64::MAX.to_string(),
        1 => (MAX_AT + 1).to_string(),
        _ => rng.range_inclusive(0, 3_000_000).to_string(),
    };
    let n = rng.index(12);
    let body = match rng.index(11) {
        0 => format!("k{n}"),
        1 => format!("r{n}"),
        2 => format!("c{n}-{}", rng.index(12)),
        3 => format!("h{n}-{}", rng.index(12)),
        4 => format!("p{n}.{}-{}", rng.index(12), rng.index(12)),
        5 => "H".into(),
        6 => format!("d{}", number(rng)),
        7 => format!("x{n}request"),
        8 => format!("x{n}insert:w~2C~ZZ{}", rng.index(9)),
        9 => format!(
            "x{n}{}",
            ["join", "leave", "propose", "begin", "vote-no", "infect"][rng.index(6)]
        ),
        _ => "zz".into(),
    };
    format!("{at}{body}")
}

fn value(rng: &mut SimRng, key: &str) -> String {
    match (key, rng.index(5)) {
        ("act", _) => (0..rng.index(12))
            .map(|_| action(rng))
            .collect::<Vec<_>>()
            .join(","),
        ("tour", 0) => "x".repeat(MAX_TOUR + rng.index(3)),
        ("tour", _) => "100~crash-leader~go%2C%20now|abc~~|50~do-request~ask".into(),
        ("preset", _) => ["happy", "duel", "free", "partition", "nope", ""][rng.index(6)].into(),
        ("lang", _) => ["zh", "en", "fr", "zh-TW", ""][rng.index(5)].into(),
        (_, 0) => "%E4%B8%AD%ZZ%".into(),
        _ => number(rng),
    }
}

fn hostile_link(rng: &mut SimRng) -> String {
    let pages = registry::pages();
    let slug = match rng.index(10) {
        0 => "nowhere".to_string(),
        1 => String::new(),
        _ => pages[rng.index(pages.len())].slug().to_string(),
    };
    let pairs: Vec<String> = (0..rng.index(8))
        .map(|_| {
            let k = KEYS[rng.index(KEYS.len())];
            format!("{k}={}", value(rng, k))
        })
        .collect();
    format!("#/{slug}?{}", pairs.join("&"))
}

/// What every scenario read from any link must satisfy.
fn check(sc: &Scenario, link: &str) {
    let spec = sc.spec();
    let (lo, hi, _) = spec.nodes;
    assert!((lo..=hi).contains(&(sc.nodes as u64)), "{link}");
    assert!(
        sc.latency_min_ms <= sc.latency_max_ms && sc.latency_max_ms <= limits::LATENCY_MS.1,
        "{link}"
    );
    assert!(sc.loss_pct <= limits::LOSS_PCT.1, "{link}");
    assert!(sc.start_ms <= limits::TIME_MS.1, "{link}");
    assert!(
        sc.tour
            .as_ref()
            .is_none_or(|t| t.chars().count() <= MAX_TOUR),
        "{link}"
    );
    for p in spec.params {
        assert!((p.min..=p.max).contains(&sc.param(p)), "{link}: {}", p.key);
    }
    let n = sc.cluster_size();
    assert!(sc.actions.windows(2).all(|w| w[0].0 <= w[1].0), "{link}");
    for (at, a) in &sc.actions {
        assert!(*at <= MAX_AT, "{link}");
        let nodes: Vec<usize> = match a {
            UiAction::Crash(x)
            | UiAction::Restart(x)
            | UiAction::Command(x, _)
            | UiAction::Input(x, _, _) => vec![*x],
            UiAction::Cut(x, y) | UiAction::Heal(x, y) => vec![*x, *y],
            UiAction::Partition(g) => g.iter().flatten().copied().collect(),
            _ => vec![],
        };
        assert!(nodes.iter().all(|x| *x < n), "{link}: {a:?} with {n} nodes");
    }
}

#[test]
fn a_hundred_thousand_hostile_links_parse_into_valid_scenarios() {
    let mut rng = SimRng::new(2026);
    for _ in 0..100_000 {
        let link = hostile_link(&mut rng);
        let (sc, _) = Scenario::from_location("", &link);
        check(&sc, &link);
        // Written back and read again: the same run settings, and nothing to complain of.
        let (again, notices) = Scenario::from_location("", &sc.to_hash());
        assert!(
            notices.is_empty(),
            "{link} -> {}: {notices:?}",
            sc.to_hash()
        );
        assert_eq!(again.world_key(), sc.world_key(), "{link}");
        assert_eq!(again.actions, sc.actions, "{link}");
    }
}

#[test]
fn a_thousand_hostile_links_build_and_run() {
    let mut rng = SimRng::new(7);
    for _ in 0..1_000 {
        let link = hostile_link(&mut rng);
        let (mut sc, _) = Scenario::from_location("", &link);
        // Budget: open at most 3 virtual seconds in (the page's own bound is ten minutes).
        sc.start_ms = sc.start_ms.min(3_000);
        sc.nodes = sc.nodes.min(40);
        let mut sim = build(&sc);
        let t = sim.now() + 500 * MS;
        sim.run_until(t);
        for lang in [Lang::En, Lang::Zh] {
            let v = sim.view(lang, 50 * MS);
            assert_eq!(v.nodes.len(), sim.len(), "{link}");
        }
        sim.seek(sim.now() / 2);
    }
}
