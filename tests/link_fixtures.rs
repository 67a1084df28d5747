//! Links shared before the plug-in reshaping (format 0: no `v=`) still replay the same run:
//! each fingerprint below was recorded by the code as it was before that change (the
//! commit before "Pages as plug-ins"), four virtual seconds into the run. Gossip's and
//! Raft's runs changed in format 2 (gossip: synchronous rounds, unbiased peer choice; Raft:
//! one replication stream per follower): their format-0 links open with a notice saying
//! so, and format-2 links recorded then must keep their runs.

use ds_playground::sim::SEC;
use ds_playground::ui::core::notice::Notice;
use ds_playground::ui::core::scenario::{Scenario, LINK_VERSION};
use ds_playground::ui::registry::build;

const FIXTURES: &[(&str, u64)] = &[
    ("#/raft?seed=7&nodes=5&act=400000k1,900000r1,1200000c2-3,1500000x3request,2000000H", 6771267634745240145),
    ("#/raft?seed=3&nodes=7&emin=200&emax=400&hb=60&loss=10&act=300000p1.2-3.4.5.6.7,1800000H,2100000x4request", 15385354404701145035),
    ("#/paxos?preset=duel&backoff=1", 12431860688559427049),
    ("#/paxos?seed=5&nodes=5&preset=free&proposers=3&act=100000x1propose,150000x2propose,400000k4", 8789277389112646717),
    ("#/2pc?preset=coordinator-crash", 12726880737599076746),
    ("#/2pc?seed=9&nodes=4&preset=free&act=50000x3vote-no,100000x1begin", 17106249786719861939),
    ("#/3pc?preset=partition", 12658108603537177880),
    ("#/gossip?seed=11&nodes=60&preset=mongering", 3328074188835901599),
    ("#/gossip?seed=2&nodes=30&mode=1&fanout=2&act=10000x5infect,300000k7", 4770792903188795707),
];

/// Gossip and Raft links of format 2, recorded when that format was made.
const FORMAT_2: &[(&str, u64)] = &[
    (
        "#/gossip?v=2&seed=11&nodes=60&preset=mongering",
        16014057084045200933,
    ),
    (
        "#/gossip?v=2&seed=2&nodes=30&mode=1&fanout=2&act=10000x5infect,300000k7",
        13783147919150302864,
    ),
    (
        "#/gossip?v=2&seed=5&nodes=40&preset=anti-entropy&stop=2&stopk=3",
        2643869593348551443,
    ),
    ("#/raft?v=2&seed=3&nodes=7&emin=200&emax=400&hb=60&loss=10&act=300000p1.2-3.4.5.6.7,1800000H,2100000x4request", 8833462146335736535),
    ("#/raft?v=2&seed=7&nodes=5&act=400000k1,900000r1,1200000c2-3,1500000x3request,1600000x3request,1700000x3request,2000000H", 1792862000816210827),
];

fn run(link: &str) -> (u64, Vec<Notice>) {
    let (sc, notices) = Scenario::from_location("", link);
    let mut sim = build(&sc);
    sim.run_until(4 * SEC);
    (sim.fingerprint(), notices)
}

fn fingerprint(link: &str) -> u64 {
    let (print, notices) = run(link);
    assert!(notices.is_empty(), "{link}: {notices:?}");
    print
}

#[test]
fn links_from_before_the_change_replay_the_same_run() {
    let mut changed = std::collections::BTreeMap::<&str, bool>::new();
    for (link, print) in FIXTURES {
        let (sc, _) = Scenario::from_location("", link);
        assert_eq!(sc.link_version, 0);
        if sc.spec().same_runs_since > 0 {
            // This page's runs changed since: the link says so (and some of them did).
            // (A link without `v=` or actions asks for a lesson, not a run: no notice.)
            let (now, notices) = run(link);
            let expected = if link.contains("act=") {
                vec![Notice::LinkVersion {
                    found: "0".into(),
                    newer: false,
                }]
            } else {
                vec![]
            };
            assert_eq!(notices, expected, "{link}");
            *changed.entry(sc.page.slug()).or_default() |= now != *print;
            continue;
        }
        assert_eq!(fingerprint(link), *print, "{link}");
        // Written again today (with its format version), the link still gives that run.
        let again = sc.to_hash();
        assert!(again.starts_with(&format!("#/{}?v={LINK_VERSION}&", sc.page.slug())));
        assert_eq!(fingerprint(&again), *print, "{again}");
    }
    // A page that says its runs changed has at least one old link whose run did change.
    for (page, any) in changed {
        assert!(
            any,
            "{page}: no old link's run changed, the notice is wrong"
        );
    }
}

#[test]
fn links_of_format_2_replay_the_same_run() {
    for (link, print) in FORMAT_2 {
        assert_eq!(fingerprint(link), *print, "{link}");
        let (sc, _) = Scenario::from_location("", link);
        assert_eq!(fingerprint(&sc.to_hash()), *print, "{link}");
    }
}

#[test]
fn a_link_that_pins_no_run_opens_without_a_notice() {
    for link in [
        "#/gossip",
        "#/gossip?preset=mongering&nodes=200&seed=4",
        "#/raft?seed=3",
    ] {
        let (_, notices) = Scenario::from_location("", link);
        assert!(notices.is_empty(), "{link}: {notices:?}");
    }
    for link in ["#/gossip?v=1&seed=3", "#/raft?seed=3&act=100000k1"] {
        let (_, notices) = Scenario::from_location("", link);
        assert_eq!(notices.len(), 1, "{link} pins a run");
    }
}

#[test]
fn a_link_from_a_newer_format_opens_with_a_notice() {
    let (sc, notices) = Scenario::from_location("", "#/raft?v=99&seed=4");
    assert_eq!(sc.seed, 4, "the rest of the link is still used");
    assert_eq!(
        notices,
        vec![Notice::LinkVersion {
            found: "99".into(),
            newer: true
        }]
    );
    let (_, notices) = Scenario::from_location("", "#/raft?v=x");
    assert_eq!(notices.len(), 1);
}
