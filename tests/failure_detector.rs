//! Failure detectors: φ's formula against a direct computation of the normal tail, each
//! preset's outcome (a crash detected by both, a GC pause suspected by both, rising jitter
//! fooling the fixed timeout far more than φ, loss), restarts, and the trade-off sweep.

use ds_playground::lab::detectors::{Conditions, TradeOff, THRESHOLDS, TIMEOUTS};
use ds_playground::lab::Incremental;
use ds_playground::protocols::failure_detector::phi::{crossing, erfc, phi, Window};
use ds_playground::protocols::failure_detector::presets::CALM;
use ds_playground::protocols::failure_detector::{Detector, FdConfig, FdNode, FdPreset, ACCURACY};
use ds_playground::sim::{Action, NetConfig, World, WorldConfig, MS, SEC};

/// P(X > t) for X ~ N(μ, σ²), integrated directly: Simpson's rule on the density from
/// `t` to μ + 60σ (far past where the tail matters), in many small steps.
fn tail_by_integration(t: f64, mean: f64, std: f64) -> f64 {
    let pdf = |x: f64| {
        (-(x - mean) * (x - mean) / (2.0 * std * std)).exp()
            / (std * (2.0 * std::f64::consts::PI).sqrt())
    };
    let (a, b) = (t, mean + 60.0 * std);
    let n = 200_000;
    let h = (b - a) / n as f64;
    let mut s = pdf(a) + pdf(b);
    for i in 1..n {
        s += pdf(a + i as f64 * h) * if i % 2 == 1 { 4.0 } else { 2.0 };
    }
    s * h / 3.0
}

#[test]
fn phi_is_minus_log10_of_the_normal_tail() {
    for &(mean, std) in &[(100.0, 10.0), (100.0, 35.0), (1000.0, 120.0), (250.0, 1.5)] {
        for k in [-3.0, -1.0, 0.0, 0.5, 1.0, 2.0, 3.0, 4.5, 6.0, 7.5] {
            let t = mean + k * std;
            let direct = -tail_by_integration(t, mean, std).log10();
            let ours = phi(t, mean, std);
            assert!(
                (ours - direct).abs() < 1e-5 * direct.abs().max(1.0),
                "μ {mean} σ {std} t {t}: φ {ours}, integrated {direct}"
            );
        }
        // At the mean a heartbeat is as likely late as early: φ = log10 2.
        assert!((phi(mean, mean, std) - 2f64.log10()).abs() < 1e-6);
        // The crossing is where φ reaches the threshold, and φ grows with time.
        for threshold in [0.5, 1.0, 3.0, 8.0, 16.0] {
            let c = crossing(threshold, mean, std);
            assert!(
                (phi(c, mean, std) - threshold).abs() < 1e-6,
                "Φ {threshold}: φ(crossing) {}",
                phi(c, mean, std)
            );
            assert!(phi(c + 0.01 * std, mean, std) > phi(c - 0.01 * std, mean, std));
        }
    }
    // erfc's known values.
    assert!((erfc(0.0) - 1.0).abs() < 1e-7);
    assert!((erfc(1.0) - 0.157_299_207_050_285_1).abs() < 1e-7);
    assert!((erfc(-1.0) - 1.842_700_792_949_715).abs() < 1e-7);
    assert!((erfc(3.0) / 2.209_049_699_858_544e-5 - 1.0).abs() < 2e-7);
}

#[test]
fn the_window_slides_and_keeps_mean_and_deviation() {
    let mut w = Window::new(50, 0.0);
    let xs: Vec<f64> = (0..500)
        .map(|i| 100.0 + ((i * 37) % 23) as f64 - 11.0)
        .collect();
    for x in &xs {
        w.push(*x);
    }
    let last = &xs[xs.len() - 50..];
    let mean = last.iter().sum::<f64>() / 50.0;
    let std = (last.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / 50.0).sqrt();
    assert_eq!(w.len(), 50);
    assert!((w.mean() - mean).abs() < 1e-9 && (w.std() - std).abs() < 1e-9);
    // σ's floor.
    let mut flat = Window::new(10, 10.0);
    for _ in 0..10 {
        flat.push(100.0);
    }
    assert_eq!(flat.std(), 10.0);
}

fn run(preset: FdPreset, until: u64) -> World<FdNode> {
    let cfg = FdConfig::default();
    let net = NetConfig {
        latency_min: CALM.0,
        latency_max: CALM.1,
        loss: 0.0,
        duplicate: 0.0,
    };
    let mut w = World::new(WorldConfig::batch(7, net, true), FdNode::cluster(&cfg));
    for (at, a) in preset.script() {
        w.schedule(at, a);
    }
    w.run_until(until);
    w
}

#[test]
fn a_crash_is_detected_by_both() {
    let w = run(FdPreset::Crash, 6 * SEC);
    let o = w.monitor();
    assert_eq!(o.crashes().len(), 1);
    let c = &o.crashes()[0];
    assert_eq!((c.process, c.at), (1, 3 * SEC));
    let timeout = c.detected[Detector::Timeout.index()].expect("the timeout detects the crash")
        as f64
        / MS as f64;
    let by_phi = c.detected[Detector::Phi.index()].expect("φ detects the crash") as f64 / MS as f64;
    // The timeout runs from the last heartbeat's arrival, up to a period and a delay
    // before the crash.
    assert!(
        (250.0 - 100.0 - 20.0..=250.0).contains(&timeout),
        "{timeout}"
    );
    // φ: from a steady 100 ms ± ~3 ms history (σ floored at 10 ms), Φ 8 is ~5.6 σ past the mean.
    let m = w.node(0).monitor().unwrap().track(1).unwrap();
    let last = m.last_arrival().unwrap();
    let expect = crossing(8.0, last.mean, last.std);
    assert!((150.0..=170.0).contains(&expect), "{expect}");
    assert!(
        by_phi <= expect && by_phi >= expect - 120.0,
        "{by_phi} vs crossing {expect}"
    );
    // P2 was never suspected: nothing false.
    assert!(o.false_suspicions().is_empty() && w.violations().is_empty());
    assert!(m.suspected(Detector::Timeout) && m.suspected(Detector::Phi));
    assert!(!w.node(0).monitor().unwrap().is_suspected(2, Detector::Phi));
}

#[test]
fn a_gc_pause_is_suspected_by_both_and_slows_phi_afterwards() {
    let w = run(FdPreset::GcPause, 12 * SEC);
    let o = w.monitor();
    for by in Detector::BOTH {
        assert_eq!(
            o.false_count(by),
            1,
            "{by:?}: the paused process, alive, suspected once"
        );
    }
    // The banner gives each detector's verdict: one line per detector fooled.
    assert_eq!(w.violations().len(), 2);
    assert!(w
        .violations()
        .iter()
        .all(|v| v.rule == ACCURACY && v.nodes == [0, 1]));
    // After the pause φ's window holds a 1.5 s interval: its crash at 9 s is detected much
    // later than a calm history would (~160 ms); the timeout is not affected.
    let c = &o.crashes()[0];
    let by_phi = c.detected[Detector::Phi.index()].unwrap() / MS;
    let timeout = c.detected[Detector::Timeout.index()].unwrap() / MS;
    assert!(by_phi > 400, "φ after the pause: {by_phi} ms");
    assert!(timeout <= 250, "{timeout}");
}

#[test]
fn rising_jitter_fools_the_fixed_timeout_far_more_than_phi() {
    let w = run(FdPreset::JitterRises, 60 * SEC);
    let o = w.monitor();
    let after = |by| {
        o.false_suspicions()
            .iter()
            .filter(|f| f.by == by && f.at >= 15 * SEC)
            .count()
    };
    let (timeout, by_phi) = (after(Detector::Timeout), after(Detector::Phi));
    eprintln!("after 15 s: timeout {timeout}, φ {by_phi}");
    assert!(timeout >= 8, "timeout: {timeout}");
    assert!(by_phi * 5 <= timeout, "φ {by_phi} vs timeout {timeout}");
    // None before the network changed.
    assert!(o.false_suspicions().iter().all(|f| f.at >= 4 * SEC));
}

#[test]
fn loss_costs_the_timeout_false_suspicions() {
    let w = run(FdPreset::Lossy, 120 * SEC);
    let o = w.monitor();
    let (t, p) = (
        o.false_count(Detector::Timeout),
        o.false_count(Detector::Phi),
    );
    assert!(t >= 5, "timeout {t}");
    assert!(p < t, "φ {p} vs timeout {t}");
    assert!(o.false_per_hour(Detector::Timeout).unwrap() > 100.0);
}

/// The default detectors on a calm network (no loss), monitors checked.
fn calm_world(seed: u64, cfg: &FdConfig) -> World<FdNode> {
    let net = NetConfig {
        latency_min: CALM.0,
        latency_max: CALM.1,
        loss: 0.0,
        duplicate: 0.0,
    };
    World::new(WorldConfig::batch(seed, net, true), FdNode::cluster(cfg))
}

#[test]
fn a_restarted_process_is_trusted_again_with_a_fresh_history() {
    let cfg = FdConfig::default();
    let mut w = calm_world(2, &cfg);
    w.schedule(2 * SEC, Action::Crash(1));
    w.schedule(5 * SEC, Action::Restart(1));
    w.run_until(7 * SEC);
    let m = w.node(0).monitor().unwrap();
    let t = m.track(1).unwrap();
    assert!(!t.suspected(Detector::Timeout) && !t.suspected(Detector::Phi));
    assert_eq!(t.last_arrival().unwrap().incarnation, 2);
    // The 3 s gap of the crash is not in the window: μ stays near the period.
    assert!(
        (t.window().mean() - 100.0).abs() < 10.0,
        "{}",
        t.window().mean()
    );
    assert!(t.window().samples().all(|x| x < 200.0));
    assert_eq!(w.monitor().crashes()[0].back, Some(5 * SEC));
    assert!(w.monitor().false_suspicions().is_empty());
}

#[test]
fn the_sweep_trades_detection_time_for_false_suspicions() {
    let cond = Conditions {
        period: 100 * MS,
        window: 100,
        net: NetConfig {
            latency_min: 10 * MS,
            latency_max: 150 * MS,
            loss: 0.02,
            duplicate: 0.0,
        },
    };
    let mut e = TradeOff::new(cond, 6, 11);
    while e.run_some(100) > 0 {}
    let last = TIMEOUTS.len() - 1;
    for by in Detector::BOTH {
        let first = e.summary(0, by).unwrap();
        let end = e.summary(last, by).unwrap();
        eprintln!("{by:?}: {:?} … {:?}", first, end);
        // The most eager setting suspects live processes often and detects fast; the most
        // patient one rarely suspects wrongly and detects slowly.
        assert!(
            first.false_per_hour > 10.0 * end.false_per_hour.max(1.0),
            "{by:?}: {first:?} vs {end:?}"
        );
        assert!(first.detection_ms.unwrap() < end.detection_ms.unwrap());
        assert_eq!(end.missed, 0);
    }
    for i in 0..TIMEOUTS.len() {
        for by in Detector::BOTH {
            let s = e.summary(i, by).unwrap();
            eprintln!(
                "{by:?} {} → detect {:?} ms, false {:.0}/h",
                e.setting(i, by),
                s.detection_ms,
                s.false_per_hour
            );
        }
    }
    let csv = e.csv();
    assert_eq!(csv.lines().count(), 1 + 2 * TIMEOUTS.len());
    assert!(csv
        .lines()
        .nth(1 + THRESHOLDS.len())
        .unwrap()
        .starts_with("phi_threshold,0.50,100,10,150,0.020,6,"));
}

#[test]
fn a_restarted_monitor_suspects_a_process_that_died_while_it_was_down() {
    // `#/failure-detector?preset=free&act=2000000k2,3000000k1,3500000r1`: P1 crashes at 2 s,
    // the monitor at 3 s; the monitor restarts at 3.5 s and hears from everyone but P1.
    // Before the fix it waited for a first heartbeat from P1 that never came and trusted a
    // dead process for good (completeness broken).
    let cfg = FdConfig::default();
    let mut w = calm_world(1, &cfg);
    w.schedule(2 * SEC, Action::Crash(1));
    w.schedule(3 * SEC, Action::Crash(0));
    w.schedule(3_500 * MS, Action::Restart(0));
    w.run_until(30 * SEC);
    let m = w.node(0).monitor().unwrap();
    assert!(m.is_suspected(1, Detector::Timeout) && m.is_suspected(1, Detector::Phi));
    for p in 2..w.len() {
        assert!(
            !m.is_suspected(p, Detector::Timeout) && !m.is_suspected(p, Detector::Phi),
            "P{p} is alive"
        );
    }
    // Suspected within a timeout of the restart (the fixed timeout: 3.5 s + its timeout).
    let since = m.track(1).unwrap().since(Detector::Timeout).unwrap();
    assert!(since <= 3_500 * MS + cfg.timeout, "{since}");
}
