//! Snowflake IDs: a clock stepped back under each strategy (wait: late, refuse: errors,
//! logical: on; ignore: duplicates caught), two generators with one worker id caught, and
//! drifting, jumping clocks never producing a duplicate under the safe strategies.

use ds_playground::protocols::snowflake::{SnowConfig, SnowNode, SnowPreset, Strategy, UNIQUE_IDS};
use ds_playground::sim::{NetConfig, World, WorldConfig, MS, SEC};

fn preset(p: SnowPreset) -> World<SnowNode> {
    let (strategy, same_worker) = p.settings();
    let cfg = SnowConfig {
        strategy,
        same_worker,
        ..SnowConfig::default()
    };
    let lat = ds_playground::protocols::snowflake::presets::LATENCY;
    let mut w = World::new(
        WorldConfig::batch(
            1,
            NetConfig {
                latency_min: lat,
                latency_max: lat,
                loss: 0.0,
                duplicate: 0.0,
            },
            true,
        ),
        SnowNode::cluster(&cfg),
    );
    for (at, a) in p.script(&cfg) {
        w.schedule(at, a);
    }
    w.run_until(SEC);
    w
}

fn from_g1(w: &World<SnowNode>) -> Vec<ds_playground::protocols::snowflake::app::Got> {
    w.node(0)
        .app()
        .unwrap()
        .got()
        .recent()
        .filter(|g| g.from == 1)
        .copied()
        .collect()
}

#[test]
fn a_clock_stepped_back_under_each_strategy() {
    // Ignore: G1 reissues 460.1.0 and 510.1.0.
    let w = preset(SnowPreset::BackIgnore);
    let dups: Vec<String> = from_g1(&w)
        .iter()
        .filter(|g| g.duplicate_of.is_some())
        .map(|g| g.id.unwrap().to_string())
        .collect();
    assert_eq!(dups, vec!["460.1.0", "510.1.0"]);
    assert_eq!(w.violations().len(), 1);
    assert_eq!(w.violations()[0].rule, UNIQUE_IDS);
    // Wait: no duplicate; the answers during the step are ~100 ms late.
    let w = preset(SnowPreset::BackWait);
    assert!(w.violations().is_empty());
    let g1 = from_g1(&w);
    // The request stamped at local 460 waits until the clock reads 511 (51 ms more).
    assert_eq!(g1.iter().map(|g| g.latency).max(), Some(71 * MS), "{g1:?}");
    // Refuse: errors for about 100 ms, no duplicate.
    let w = preset(SnowPreset::BackRefuse);
    assert!(w.violations().is_empty());
    // Refused at local 460; at 510 (its last millisecond again) it counts on: 510.1.1.
    let g1 = from_g1(&w);
    assert_eq!(g1.iter().filter(|g| g.id.is_none()).count(), 1, "{g1:?}");
    assert!(g1
        .iter()
        .any(|g| g.id.is_some_and(|id| id.to_string() == "510.1.1")));
    // Logical: every answer on time, increasing, stamped 510 while the clock is behind.
    let w = preset(SnowPreset::BackLogical);
    assert!(w.violations().is_empty());
    let g1 = from_g1(&w);
    assert!(g1.iter().all(|g| g.latency == 20 * MS));
    assert!(g1.iter().any(|g| g.id.unwrap().to_string() == "510.1.1"));
}

#[test]
fn two_generators_with_one_worker_id_issue_the_same_ids() {
    let w = preset(SnowPreset::SameWorker);
    let app = w.node(0).app().unwrap();
    let first = app
        .got()
        .recent()
        .find(|g| g.duplicate_of.is_some())
        .expect("a duplicate");
    assert_eq!(first.id.unwrap().to_string(), "60.1.0");
    assert_eq!(w.violations()[0].rule, UNIQUE_IDS);
}

#[test]
fn drifting_jumping_clocks_never_duplicate_under_wait_refuse_or_logical() {
    let mut answers = 0;
    for seed in 1..=20 {
        for strategy in [Strategy::Wait, Strategy::Refuse, Strategy::Logical] {
            // The sweep command's run (src/lab/fault_sweep/time.rs): drifting, offset
            // clocks stepped ±150 ms, loss and duplicated messages.
            let w = ds_playground::lab::fault_sweep::snowflake_run(seed, strategy);
            assert!(
                w.violations().is_empty(),
                "seed {seed} {strategy:?}: {:?}",
                w.violations()
            );
            answers += w.node(0).app().unwrap().got().len();
        }
    }
    assert!(answers > 50_000, "{answers}");
}
