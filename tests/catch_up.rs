//! Issue 29: a link's catch-up (`t=`) is bounded by the work it costs, not only by virtual
//! time: at the heaviest settings it stops short of a far moment (and the page says so);
//! at ordinary settings it arrives.

use ds_playground::sim::SEC;
use ds_playground::ui::core::runner::{catch_up_step, CatchUpStep, CATCH_UP_MAX_EVENTS};
use ds_playground::ui::core::scenario::Scenario;
use ds_playground::ui::registry;

/// Run the link's catch-up to its end; where it ended and the events it cost.
fn catch_up(hash: &str) -> (CatchUpStep, u64) {
    let (sc, notices) = Scenario::parse(&registry::pages(), "", hash);
    assert!(notices.is_empty(), "{hash}: {notices:?}");
    let mut sim = registry::build_at_zero(&sc);
    let target = sc.start_ms * 1_000;
    loop {
        match catch_up_step(&mut *sim, target) {
            CatchUpStep::Going(_) => continue,
            end => return (end, sim.events_processed()),
        }
    }
}

#[test]
fn a_far_moment_at_the_heaviest_settings_stops_short_within_the_budget() {
    let (end, events) =
        catch_up("#/gossip?nodes=500&period=20&ae=1&fanout=10&lmin=1&lmax=1&t=600000");
    let CatchUpStep::StoppedShort(at) = end else {
        panic!("{end:?}");
    };
    assert!(at > 0 && at < 600 * SEC, "{at}");
    // One step past the budget at most (a step is 100 virtual ms).
    assert!(events >= CATCH_UP_MAX_EVENTS, "{events}");
    assert!(events < CATCH_UP_MAX_EVENTS * 11 / 10, "{events}");
}

#[test]
fn ten_minutes_of_an_ordinary_run_arrive() {
    for hash in [
        "#/raft?t=600000",
        "#/primary-secondary?t=600000",
        "#/snowflake?t=600000",
        "#/gossip?nodes=500&t=600000",
    ] {
        let (end, events) = catch_up(hash);
        assert_eq!(end, CatchUpStep::Arrived, "{hash}: {events} events");
    }
}
