//! Scripted Raft scenarios, each named after what the paper says should happen.

mod common;

use common::*;
use ds_playground::protocols::raft::{Entry, RaftCmd, RaftConfig, RaftNode, Role};
use ds_playground::sim::{Action, DropReason, TraceKind, World, WorldConfig, MS, SEC};

fn log_of(terms: &[u64]) -> Vec<Entry> {
    terms
        .iter()
        .enumerate()
        .map(|(i, &term)| Entry {
            term,
            cmd: 100 + i as u64,
        })
        .collect()
}

fn world_with(seed: u64, nodes: Vec<RaftNode>) -> World<RaftNode> {
    World::new(
        WorldConfig {
            seed,
            trace_capacity: 10_000,
            ..WorldConfig::default()
        },
        nodes,
    )
}

fn traced(seed: u64, n: usize) -> World<RaftNode> {
    world_with(
        seed,
        (0..n)
            .map(|_| RaftNode::new(RaftConfig::default()))
            .collect(),
    )
}

fn wait_for_leader(w: &mut World<RaftNode>, limit: u64) -> usize {
    let end = w.now() + limit;
    while w.now() < end {
        if let Some(l) = leader(w) {
            return l;
        }
        let t = w.now() + MS;
        w.run_until(t);
    }
    panic!("no leader by {}", w.now());
}

#[test]
fn when_the_leader_crashes_a_new_leader_is_elected_in_a_higher_term() {
    for seed in 0..100 {
        let mut w = raft_world(seed, 5);
        let old = wait_for_leader(&mut w, 3 * SEC);
        let old_term = w.node(old).term();
        w.apply(Action::Crash(old));
        let new = wait_for_leader(&mut w, 3 * SEC);
        assert_ne!(new, old, "seed {seed}");
        assert!(w.node(new).term() > old_term, "seed {seed}");
        assert!(w.violations().is_empty());
    }
}

#[test]
fn an_isolated_node_never_leads_the_majority() {
    for seed in 0..100 {
        let mut w = raft_world(seed, 5);
        let l = wait_for_leader(&mut w, 3 * SEC);
        let lonely = (l + 1) % 5;
        for other in 0..5 {
            w.apply(Action::Cut(lonely, other));
        }
        let term_before = w.node(lonely).term();
        let end = w.now() + 3 * SEC;
        while w.now() < end {
            let t = w.now() + 10 * MS;
            w.run_until(t);
            assert_ne!(
                w.node(lonely).role(),
                Role::Leader,
                "seed {seed}: a node alone cannot win a majority"
            );
            assert_eq!(
                leader(&w),
                Some(l),
                "seed {seed}: the majority keeps its leader"
            );
        }
        // It keeps timing out and bumping its term in vain.
        assert!(w.node(lonely).term() > term_before + 3, "seed {seed}");
    }
}

#[test]
fn a_follower_redirects_a_client_request_and_it_commits_on_all_nodes() {
    let mut w = traced(3, 5);
    let l = wait_for_leader(&mut w, 3 * SEC);
    // Until the first AppendEntries arrives a follower does not know the new leader.
    w.run_until(w.now() + 100 * MS);
    let follower = (l + 2) % 5;
    w.apply(Action::Command(follower, RaftCmd::ClientRequest(42)));
    w.run_until(w.now() + 500 * MS);
    for i in 0..5 {
        assert_eq!(
            w.node(i).log(),
            &[Entry {
                term: w.node(l).term(),
                cmd: 42
            }],
            "S{}",
            i + 1
        );
        assert_eq!(w.node(i).commit_index(), 1, "S{}", i + 1);
    }
    let redirected = w.trace().recent().any(|e| matches!(e.kind, TraceKind::Sent { from, to, msg: ds_playground::protocols::raft::RaftMsg::Redirect { cmd: 42 }, .. } if from == follower && to == l));
    assert!(redirected);
}

#[test]
fn figure_7_divergent_followers_are_repaired_by_the_new_leader() {
    // The leader for term 8 and followers (a)–(f) of the paper's Figure 7.
    let leader_log = [1, 1, 1, 4, 4, 5, 5, 6, 6, 6];
    let followers: [&[u64]; 6] = [
        &[1, 1, 1, 4, 4, 5, 5, 6, 6],
        &[1, 1, 1, 4],
        &[1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6],
        &[1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7],
        &[1, 1, 1, 4, 4, 4, 4],
        &[1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3],
    ];
    let cfg = RaftConfig::default();
    let mut nodes = vec![RaftNode::with_state(
        cfg.clone(),
        7,
        None,
        log_of(&leader_log),
    )];
    for f in followers {
        let term = *f.last().unwrap();
        // Entries that agree with the leader's log must hold the same commands.
        let mut log = log_of(f);
        for (i, e) in log.iter_mut().enumerate() {
            if leader_log.get(i) != Some(&e.term) {
                e.cmd = 900 + i as u64;
            }
        }
        nodes.push(RaftNode::with_state(cfg.clone(), term, None, log));
    }
    let mut w = world_with(1, nodes);
    w.apply(Action::Command(0, RaftCmd::ForceTimeout));
    w.run_until(100 * MS);
    assert_eq!(w.node(0).role(), Role::Leader);
    assert_eq!(w.node(0).term(), 8);
    w.apply(Action::Command(0, RaftCmd::ClientRequest(7)));
    w.run_until(2 * SEC);
    let expected = w.node(0).log().to_vec();
    assert_eq!(expected.len(), 11);
    for i in 1..7 {
        assert_eq!(
            w.node(i).log(),
            &expected[..],
            "follower {} was not repaired",
            i
        );
        assert_eq!(w.node(i).commit_index(), 11);
    }
    let backoffs = w
        .trace()
        .recent()
        .filter(|e| {
            matches!(
                e.kind,
                TraceKind::Note {
                    note: ds_playground::protocols::raft::RaftNote::BackedOff { .. },
                    ..
                }
            )
        })
        .count();
    assert!(backoffs >= 6, "nextIndex backed off only {backoffs} times");
    assert!(w.violations().is_empty(), "{:?}", w.violations());
}

#[test]
fn figure_8_an_old_term_entry_is_not_committed_by_counting_replicas() {
    // S1 holds an entry from term 2 that it replicates to a majority in term 4: §5.4.2
    // forbids committing it until an entry of term 4 is replicated too.
    let cfg = RaftConfig::default();
    let nodes = vec![
        RaftNode::with_state(cfg.clone(), 3, None, log_of(&[1, 2])),
        RaftNode::with_state(cfg.clone(), 3, None, log_of(&[1, 2])),
        RaftNode::with_state(cfg.clone(), 3, None, log_of(&[1])),
        RaftNode::with_state(cfg.clone(), 3, None, log_of(&[1])),
        RaftNode::with_state(cfg.clone(), 3, None, log_of(&[])),
    ];
    let mut w = world_with(2, nodes);
    w.apply(Action::Command(0, RaftCmd::ForceTimeout));
    w.run_until(SEC);
    assert_eq!(w.node(0).role(), Role::Leader);
    assert_eq!(w.node(0).term(), 4);
    for i in 0..5 {
        assert_eq!(w.node(i).log().len(), 2, "S{} has the old entry", i + 1);
        assert_eq!(
            w.node(i).commit_index(),
            0,
            "S{} must not commit a term-2 entry by counting",
            i + 1
        );
    }
    w.apply(Action::Command(0, RaftCmd::ClientRequest(5)));
    w.run_until(2 * SEC);
    for i in 0..5 {
        assert_eq!(
            w.node(i).commit_index(),
            3,
            "S{}: the term-4 entry commits both",
            i + 1
        );
    }
}

#[test]
fn term_vote_and_log_survive_a_crash_but_commit_index_does_not() {
    let mut w = raft_world(5, 3);
    let l = wait_for_leader(&mut w, 3 * SEC);
    w.apply(Action::Command(l, RaftCmd::ClientRequest(9)));
    w.run_until(w.now() + 300 * MS);
    let f = (l + 1) % 3;
    let (term, vote, log) = (
        w.node(f).term(),
        w.node(f).voted_for(),
        w.node(f).log().to_vec(),
    );
    assert_eq!(w.node(f).commit_index(), 1);
    w.apply(Action::Crash(f));
    assert_eq!(w.node(f).term(), term);
    assert_eq!(w.node(f).voted_for(), vote);
    assert_eq!(w.node(f).log(), &log[..]);
    assert_eq!(w.node(f).commit_index(), 0, "commitIndex is volatile");
    w.apply(Action::Restart(f));
    w.run_until(w.now() + 300 * MS);
    assert_eq!(
        w.node(f).commit_index(),
        1,
        "relearned from the leader's heartbeat"
    );
}

#[test]
fn a_message_on_a_link_cut_mid_flight_is_dropped_on_arrival() {
    let mut w = traced(8, 3);
    let l = wait_for_leader(&mut w, 3 * SEC);
    w.run_until(w.now() + 60 * MS);
    let m = w
        .network()
        .in_flight()
        .next()
        .expect("heartbeats fly")
        .clone();
    w.apply(Action::Cut(m.from, m.to));
    w.run_until(m.arrive_at);
    let dropped = w.trace().recent().any(|e| matches!(e.kind, TraceKind::Dropped { id, reason: DropReason::LinkCut, .. } if id == m.id));
    assert!(
        dropped,
        "message {} (leader S{}) should hit the cut",
        m.id,
        l + 1
    );
    // A user can drop one message by hand.
    while w.network().in_flight_count() == 0 {
        assert!(w.step(), "the leader keeps sending heartbeats");
    }
    let m2 = w.network().in_flight().next().unwrap().id;
    w.apply(Action::DropMsg(m2));
    assert!(w.network().get(m2).is_none());
    assert!(w.trace().recent().any(
        |e| matches!(e.kind, TraceKind::Dropped { id, reason: DropReason::ByUser, .. } if id == m2)
    ));
}

#[test]
fn a_crash_keeps_exactly_the_persistent_state_of_figure_2() {
    use ds_playground::protocols::raft::Volatile;
    // Elect a leader, replicate a command, then crash the leader.
    let mut w = raft_world(4, 3);
    w.run_until(2 * SEC);
    let l = leader(&w).expect("a leader within 2 s");
    w.apply(Action::Command(l, RaftCmd::ClientRequest(7)));
    w.run_until(3 * SEC);
    let before = w.node(l).clone();
    assert_ne!(
        *before.volatile(),
        Volatile::default(),
        "a leader has volatile state"
    );
    w.apply(Action::Crash(l));
    // Term, vote and log survive as they were; every volatile field is back to its start.
    assert_eq!(w.node(l).hard_state(), before.hard_state());
    assert!(before.hard_state().log.iter().any(|e| e.cmd == 7));
    assert_eq!(*w.node(l).volatile(), Volatile::default());
}

/// Issue 12: the Raft page's presets show their lesson on every seed.
mod presets {
    use ds_playground::sim::{MS, SEC};
    use ds_playground::ui::core::i18n::Lang;
    use ds_playground::ui::core::runner::PageSim;
    use ds_playground::ui::core::scenario::Scenario;
    use ds_playground::ui::core::view::SimView;
    use ds_playground::ui::registry;

    fn run(slug: &'static str, seed: u64) -> Box<dyn PageSim> {
        let page = registry::pages()
            .into_iter()
            .find(|p| p.slug() == "raft")
            .unwrap();
        let mut sc = Scenario {
            preset: Some(slug),
            seed,
            ..Scenario::new(page)
        };
        sc.apply_preset_settings();
        // Through its link, as a teacher would share it.
        let (sc, notices) = Scenario::from_location("", &sc.to_hash());
        assert!(notices.is_empty(), "{notices:?}");
        registry::build(&sc)
    }

    /// Each server's log as "T<term>:<cmd>" and its commit index.
    fn logs(v: &SimView) -> Vec<(Vec<String>, u64)> {
        v.nodes
            .iter()
            .map(|n| {
                let cells = n.strip.cells.iter();
                (
                    cells.map(|c| format!("{}:{}", c.main, c.value)).collect(),
                    n.strip.done,
                )
            })
            .collect()
    }

    fn said(v: &SimView) -> String {
        v.lines
            .iter()
            .map(|l| l.text.clone())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn split_vote_leaves_term_one_without_a_leader_and_a_later_term_elects_one() {
        for seed in 0..200 {
            let mut sim = run("split-vote", seed);
            sim.run_until(2 * SEC);
            let v = sim.view(Lang::En, MS);
            let text = said(&v);
            assert!(
                !text.contains("won the election for term 1 "),
                "seed {seed}"
            );
            assert_eq!(text.matches("started an election for term 1").count(), 4);
            assert!(v.nodes.iter().any(|n| n.role == "leader"), "seed {seed}");
            assert!(v.violations.is_empty());
        }
    }

    #[test]
    fn a_leader_cut_off_from_the_majority_cannot_commit_and_steps_down_on_return() {
        for seed in 0..200 {
            let mut sim = run("partitioned-leader", seed);
            // During the partition S1 still leads term 1 and holds request 2, uncommitted.
            sim.run_until(1_100 * MS);
            let v = sim.view(Lang::En, MS);
            assert_eq!(v.nodes[0].role, "leader", "seed {seed}");
            assert_eq!(v.nodes[0].term, Some(1));
            assert_eq!(logs(&v)[0], (vec!["T1:1".into(), "T1:2".into()], 1));
            // Healed at 1.6 s: S1 hears term 2 and says so.
            sim.run_until(1_700 * MS);
            let v = sim.view(Lang::En, MS);
            assert_ne!(v.nodes[0].role, "leader");
            assert!(said(&v).contains("stepped down from leader to follower"));
            sim.run_until(3 * SEC);
            let v = sim.view(Lang::En, MS);
            let all = logs(&v);
            assert!(all.iter().all(|l| l == &all[0]), "seed {seed}: {all:?}");
            assert_eq!(
                all[0],
                (vec!["T1:1".into(), "T2:3".into()], 2),
                "seed {seed}"
            );
            assert!(v.violations.is_empty());
        }
    }

    #[test]
    fn log_repair_fills_the_missing_entries_and_overwrites_the_extra_ones() {
        for seed in 0..200 {
            let mut sim = run("log-repair", seed);
            sim.run_until(1_650 * MS);
            let before = logs(&sim.view(Lang::En, MS));
            // S1 and S2 hold extra entries of term 1 that the others never had.
            assert_eq!(before[0].0.len(), 6, "seed {seed}: {before:?}");
            assert_eq!(before[0].0[4], "T1:5");
            sim.run_until(3 * SEC);
            let v = sim.view(Lang::En, MS);
            let all = logs(&v);
            assert!(all.iter().all(|l| l == &all[0]), "seed {seed}: {all:?}");
            let cmds: Vec<&str> = all[0]
                .0
                .iter()
                .map(|c| c.split(':').nth(1).unwrap())
                .collect();
            assert_eq!(cmds, ["1", "2", "3", "4", "7", "8"], "seed {seed}");
            assert_eq!(all[0].1, 6);
            assert!(v.violations.is_empty());
        }
    }

    #[test]
    fn figure_8_an_old_term_entry_on_a_majority_is_not_committed_and_is_overwritten() {
        for seed in 0..200 {
            let mut sim = run("commit-rule", seed);
            // (c) S1 leads term 3 and its entry 1 of term 1 is on S1–S4: not committed.
            sim.run_until(470 * MS);
            let v = sim.view(Lang::En, MS);
            assert_eq!((v.nodes[0].role, v.nodes[0].term), ("leader", Some(3)));
            let all = logs(&v);
            for l in &all[..4] {
                assert_eq!(l, &(vec!["T1:1".to_string()], 0), "seed {seed}: {all:?}");
            }
            // (d, e) S5 wins term 4, overwrites entry 1, and commits with an entry of term 4.
            sim.run_until(2 * SEC);
            let v = sim.view(Lang::En, MS);
            assert_eq!((v.nodes[4].role, v.nodes[4].term), ("leader", Some(4)));
            for l in &logs(&v)[1..] {
                assert_eq!(l, &(vec!["T2:2".to_string(), "T4:3".to_string()], 2));
            }
            assert!(v.violations.is_empty());
        }
    }
}
