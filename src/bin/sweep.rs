//! `cargo run --release --bin sweep [SEEDS] [TARGET…]`: random fault schedules over many
//! seeds (10,000 by default) for every protocol with a safety monitor. Prints, per target, how many seeds broke a rule (0 expected for the safe
//! targets; the "break it" targets must be caught), which rules, how many seeds missed the
//! liveness check after healing, and the slowest seed (wall time and engine events) with
//! the command that replays it alone.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use ds_playground::lab::fault_sweep::Target;

struct Report {
    target: Target,
    seeds: u64,
    broken: u64,
    first_broken: Option<u64>,
    rules: BTreeMap<&'static str, u64>,
    not_live: u64,
    slowest: (Duration, u64, u64),
    total: Duration,
}

fn sweep(target: Target, seeds: u64) -> Report {
    let mut r = Report {
        target,
        seeds,
        broken: 0,
        first_broken: None,
        rules: BTreeMap::new(),
        not_live: 0,
        slowest: (Duration::ZERO, 0, 0),
        total: Duration::ZERO,
    };
    let all = Instant::now();
    for seed in 0..seeds {
        let t = Instant::now();
        let trial = target.run(seed);
        let took = t.elapsed();
        if took > r.slowest.0 {
            r.slowest = (took, seed, trial.events);
        }
        if !trial.violations.is_empty() {
            r.broken += 1;
            r.first_broken.get_or_insert(seed);
            for v in &trial.violations {
                *r.rules.entry(v.rule).or_default() += 1;
            }
        }
        r.not_live += !trial.live as u64;
    }
    r.total = all.elapsed();
    r
}

fn main() {
    let mut args = std::env::args().skip(1);
    let seeds: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let wanted: Vec<String> = args.collect();
    let targets: Vec<Target> = Target::ALL
        .into_iter()
        .filter(|t| wanted.is_empty() || wanted.iter().any(|w| t.name().starts_with(w.as_str())))
        .collect();
    println!("{seeds} seeds per target\n");
    // One after another, so the wall times are not shared with other threads.
    let reports: Vec<Report> = targets.iter().map(|&t| sweep(t, seeds)).collect();
    let mut ok = true;
    for r in &reports {
        let expect = if r.target.safe() {
            "0 expected"
        } else {
            "must be caught"
        };
        let verdict = match (r.target.safe(), r.broken) {
            (true, 0) | (false, 1..) => "ok",
            _ => {
                ok = false;
                "FAILED"
            }
        };
        println!("{}", r.target.name());
        println!(
            "  seeds with a violation: {} of {} ({expect}) {verdict}",
            r.broken, r.seeds
        );
        if let Some(seed) = r.first_broken {
            println!("  first: seed {seed}");
        }
        if !r.rules.is_empty() {
            println!("  violations reported, by rule:");
        }
        for (rule, n) in &r.rules {
            println!("    {rule}: {n}");
        }
        println!("  not live after healing: {} of {}", r.not_live, r.seeds);
        println!(
            "  slowest seed: {} ({:.2} ms, {} events); all seeds {:.1} s",
            r.slowest.1,
            r.slowest.0.as_secs_f64() * 1e3,
            r.slowest.2,
            r.total.as_secs_f64()
        );
    }
    if !ok {
        std::process::exit(1);
    }
}
