//! `cargo run --release --bin sweep [SEEDS] [TARGET…]`: random fault schedules over many
//! seeds (10,000 by default) for every protocol that runs on the engine
//! (`ds_playground::lab::fault_sweep::TARGETS`); `--list` names the targets and their
//! fault models. Prints, per target, how many seeds broke a rule (0 expected for the safe
//! targets; the "break it" targets must be caught on at least 1 % of the seeds), which
//! rules, how many seeds missed the liveness check after healing, and the slowest seed
//! (wall time and engine events). A target is chosen by a prefix of its name or its page.
//! Exits with 1 when a verdict fails.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use ds_playground::lab::fault_sweep::{Target, MIN_CATCH_RATE, TARGETS};

struct Report {
    target: Target,
    seeds: u64,
    broken: u64,
    first_broken: Option<(u64, String)>,
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
        if !trial.rules.is_empty() {
            r.broken += 1;
            if r.first_broken.is_none() {
                r.first_broken = Some((seed, trial.first.clone().unwrap_or_default()));
            }
            for rule in &trial.rules {
                *r.rules.entry(rule).or_default() += 1;
            }
        }
        r.not_live += !trial.live as u64;
    }
    r.total = all.elapsed();
    r
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--list") {
        for t in TARGETS {
            let kind = if t.safe() { "safe" } else { "break it" };
            println!("{}  [{kind}; page #/{}]\n    {}", t.name, t.page, t.faults);
        }
        return;
    }
    let mut args = args.into_iter();
    let seeds: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let wanted: Vec<String> = args.collect();
    let targets: Vec<Target> = TARGETS
        .iter()
        .filter(|t| {
            wanted.is_empty()
                || wanted
                    .iter()
                    .any(|w| t.name.starts_with(w.as_str()) || t.page == w)
        })
        .copied()
        .collect();
    println!("{seeds} seeds per target, {} targets\n", targets.len());
    // One after another, so the wall times are not shared with other threads.
    let mut ok = true;
    for target in targets {
        let r = sweep(target, seeds);
        let expect = if r.target.safe() {
            "0 expected".to_string()
        } else {
            format!("≥ {:.0} % expected", MIN_CATCH_RATE * 100.0)
        };
        let verdict = if r.target.verdict(r.broken, r.seeds) {
            "ok"
        } else {
            ok = false;
            "FAILED"
        };
        println!("{}", r.target.name);
        println!(
            "  seeds with a violation: {} of {} = {:.2} % ({expect}) {verdict}",
            r.broken,
            r.seeds,
            100.0 * r.broken as f64 / r.seeds.max(1) as f64
        );
        if let Some((seed, what)) = &r.first_broken {
            println!("  first: seed {seed}: {what}");
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
