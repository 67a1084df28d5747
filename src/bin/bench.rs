//! Benchmarks: prints one `key: value` line per figure (never a timed assertion).
//!
//! `cargo run --release --bin bench [-- --runs N]`
//!
//! - Raft standard workload: 5 nodes, latency 10–15 ms, election timeout 100–200 ms,
//!   heartbeat 50 ms, one client request to the leader every 100 ms, 600 virtual seconds.
//!   Median over runs of virtual seconds per wall second and events per wall second,
//!   with the live invariant monitor off (engine speed) and on (as the browser runs it).
//! - Release dist size (wasm, js, css; raw and gzip), building it with Trunk if missing.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use ds_playground::protocols::raft::{RaftCmd, RaftConfig, RaftNode, Role};
use ds_playground::sim::{Action, NetConfig, World, WorldConfig, MS, SEC};

struct RunStats {
    wall_s: f64,
    events: u64,
    committed: u64,
    violations: usize,
}

fn raft_standard_workload(seed: u64, check_invariants: bool) -> RunStats {
    let cfg = WorldConfig {
        seed,
        net: NetConfig {
            latency_min: 10 * MS,
            latency_max: 15 * MS,
            loss: 0.0,
            duplicate: 0.0,
        },
        trace_capacity: 0,
        check_invariants,
        clocks: Vec::new(),
    };
    let raft = RaftConfig {
        election_min: 100 * MS,
        election_max: 200 * MS,
        heartbeat: 50 * MS,
        ..RaftConfig::default()
    };
    let mut w = World::new(cfg, (0..5).map(|_| RaftNode::new(raft.clone())).collect());
    let end = 600 * SEC;
    let start = Instant::now();
    let mut cmd = 0;
    while w.now() < end {
        let t = w.now() + 100 * MS;
        w.run_until(t);
        let leader = (0..5)
            .filter(|&i| w.node(i).role() == Role::Leader)
            .max_by_key(|&i| w.node(i).term());
        if let Some(l) = leader {
            cmd += 1;
            w.apply(Action::Command(l, RaftCmd::ClientRequest(cmd)));
        }
    }
    let wall_s = start.elapsed().as_secs_f64();
    let committed = (0..5).map(|i| w.node(i).commit_index()).max().unwrap_or(0);
    RunStats {
        wall_s,
        events: w.events_processed(),
        committed,
        violations: w.violations().len(),
    }
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    xs[xs.len() / 2]
}

fn bench_raft(runs: usize) {
    for (prefix, check) in [("raft", false), ("raft.checked", true)] {
        let stats: Vec<RunStats> = (0..runs as u64)
            .map(|s| raft_standard_workload(s + 1, check))
            .collect();
        let vps = median(stats.iter().map(|s| 600.0 / s.wall_s).collect());
        let eps = median(stats.iter().map(|s| s.events as f64 / s.wall_s).collect());
        println!("{prefix}.virtual_s_per_wall_s: {vps:.0}");
        println!("{prefix}.events_per_s: {eps:.0}");
        println!("{prefix}.events_per_run: {}", stats[0].events);
        println!("{prefix}.entries_committed_per_run: {}", stats[0].committed);
        println!(
            "{prefix}.violations: {}",
            stats.iter().map(|s| s.violations).sum::<usize>()
        );
    }
    println!("raft.runs: {runs}");
}

fn gzip_len(path: &Path) -> Option<u64> {
    let out = Command::new("gzip")
        .args(["-9", "-c"])
        .arg(path)
        .output()
        .ok()?;
    out.status.success().then_some(out.stdout.len() as u64)
}

fn bench_dist() {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    let has_wasm = |d: &Path| {
        std::fs::read_dir(d)
            .map(|r| {
                r.flatten()
                    .any(|e| e.path().extension().is_some_and(|x| x == "wasm"))
            })
            .unwrap_or(false)
    };
    if !has_wasm(&dist) {
        eprintln!("bench: no dist/ yet; building it with `trunk build --release`");
        // As ./dev.sh builds it: tools/bin's wasm-bindgen (the split) and the npm wasm-opt.
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let path = format!(
            "{}:{}:{}",
            root.join("tools/bin").display(),
            root.join("tests/e2e/node_modules/.bin").display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let ok = Command::new("trunk")
            .args(["build", "--release"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("PATH", path)
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        if !ok || !has_wasm(&dist) {
            println!("dist.total_gzip_bytes: unavailable (run the README's build command first)");
            return;
        }
    }
    let (mut total_raw, mut total_gz) = (0, 0);
    for ext in ["wasm", "js", "css"] {
        let (mut raw, mut gz) = (0, 0);
        for e in std::fs::read_dir(&dist).unwrap().flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == ext) {
                raw += p.metadata().map(|m| m.len()).unwrap_or(0);
                gz += gzip_len(&p).unwrap_or(0);
            }
        }
        println!("dist.{ext}_bytes: {raw}");
        println!("dist.{ext}_gzip_bytes: {gz}");
        total_raw += raw;
        total_gz += gz;
    }
    println!("dist.total_bytes: {total_raw}");
    println!("dist.total_gzip_bytes: {total_gz}");
    // The shell every visitor downloads, and each page's pack (its code, fetched when the
    // page opens: see tools/split-post-build.mjs).
    let mut packs: Vec<(String, u64)> = Vec::new();
    for e in std::fs::read_dir(&dist).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let p = e.path();
        if name.starts_with("ds-playground-") && name.ends_with("_bg.wasm") {
            println!("dist.shell_wasm_gzip_bytes: {}", gzip_len(&p).unwrap_or(0));
        } else if let Some(rest) = name.strip_prefix("pack_") {
            let split = rest.rsplit_once('-').map_or(rest, |(s, _)| s).to_string();
            packs.push((split, gzip_len(&p).unwrap_or(0)));
        }
    }
    packs.sort();
    for (split, gz) in &packs {
        println!("dist.pack.{split}_gzip_bytes: {gz}");
    }
    if let Some((split, gz)) = packs.iter().max_by_key(|(_, gz)| *gz) {
        println!("dist.pack_gzip_bytes_max: {gz} ({split})");
    }
}

/// Native throughput of the Figure 16 experiment's trials.
fn bench_lab() {
    let start = Instant::now();
    let n = 10_000;
    let total: f64 = (0..n)
        .map(|i| ds_playground::lab::raft_election::trial(i, (150, 300), (5, 10)))
        .sum();
    let wall = start.elapsed().as_secs_f64();
    println!("lab.raft_elections_10k_native_ms: {:.0}", wall * 1e3);
    println!("lab.raft_mean_leaderless_ms: {:.1}", total / n as f64);
    // Issue 13's quorum experiment: stale reads measured on the engine (2,000 trials per
    // row) beside the WARS model computed for the same settings.
    use ds_playground::lab::quorum_staleness::{Staleness, SETTINGS};
    use ds_playground::lab::Incremental;
    let start = Instant::now();
    let mut e = Staleness::new(2_000, 1);
    while e.run_some(1_000) > 0 {}
    println!(
        "lab.quorum_staleness_16k_trials_ms: {:.0}",
        start.elapsed().as_secs_f64() * 1e3
    );
    for (i, st) in SETTINGS.iter().enumerate() {
        let key = format!(
            "n{}w{}r{}_{}to{}ms",
            st.n,
            st.w,
            st.r,
            st.lo / 1_000,
            st.hi / 1_000
        );
        println!(
            "lab.quorum_stale.{key}.measured: {:.4}",
            e.measured(i).unwrap_or(f64::NAN)
        );
        println!("lab.quorum_stale.{key}.wars_model: {:.4}", st.model());
        println!("lab.quorum_stale.{key}.bound: {:.4}", st.bound());
    }
}

/// Issue 13's checker: a 200-operation register history from 4 clients with overlapping
/// operations (linearizable by construction: each operation takes effect at a random point
/// of its interval), checked for linearizability, sequential and causal consistency and
/// the session guarantees; median of 5.
fn bench_consistency() {
    use ds_playground::protocols::consistency::{
        causal, check, linearizable, sequential, History, Op, Operation,
    };
    let mut rng = ds_playground::sim::SimRng::new(200);
    let mut free_at = [0u64; 4];
    let mut ops: Vec<(u64, Operation)> = Vec::new();
    for k in 0..200u64 {
        let c = rng.index(4);
        let invoke = free_at[c] + rng.range_inclusive(0, 30);
        let respond = invoke + rng.range_inclusive(5, 60);
        free_at[c] = respond + 1;
        let point = rng.range_inclusive(invoke, respond);
        let op = if rng.index(2) == 0 {
            Op::Write(k + 1)
        } else {
            Op::Read(None)
        };
        ops.push((
            point,
            Operation {
                client: c,
                op,
                invoke,
                respond: Some(respond),
            },
        ));
    }
    // Reads return the register's value at their point.
    let mut by_point: Vec<usize> = (0..ops.len()).collect();
    by_point.sort_by_key(|&i| ops[i].0);
    let mut value = 0;
    for i in by_point {
        match ops[i].1.op {
            Op::Write(v) => value = v,
            Op::Read(_) => ops[i].1.op = Op::Read(Some(value)),
        }
    }
    let h = History {
        initial: 0,
        ops: ops.into_iter().map(|(_, o)| o).collect(),
    };
    let time = |f: &dyn Fn() -> bool| {
        let mut ms: Vec<f64> = (0..5)
            .map(|_| {
                let t = Instant::now();
                assert!(f(), "the history is linearizable by construction");
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        ms.sort_by(f64::total_cmp);
        ms[2]
    };
    println!(
        "consistency.linearizable_200_ops_native_ms: {:.2}",
        time(&|| linearizable(&h).holds())
    );
    println!(
        "consistency.sequential_200_ops_native_ms: {:.2}",
        time(&|| sequential(&h).holds())
    );
    println!(
        "consistency.causal_200_ops_native_ms: {:.2}",
        time(&|| causal(&h).holds())
    );
    println!(
        "consistency.all_models_and_session_guarantees_200_ops_native_ms: {:.2}",
        time(&|| check(&h).session.is_empty())
    );
    // The same history with its last read returning a value nobody wrote: the search must
    // rule out every order of the operations before it.
    let mut bad = h.clone();
    if let Some(i) = bad.ops.iter().rposition(|o| matches!(o.op, Op::Read(_))) {
        bad.ops[i].op = Op::Read(Some(u64::MAX));
    }
    let t = Instant::now();
    let verdict = linearizable(&bad);
    println!(
        "consistency.linearizable_200_ops_violated_native_ms: {:.2} ({verdict:?})",
        t.elapsed().as_secs_f64() * 1e3
    );
}

/// Consistent hashing: recompute the owners of 100,000 keys after a join (20 nodes × 100
/// virtual nodes), median of 5.
fn bench_ring() {
    use ds_playground::protocols::hash_ring::Ring;
    let nodes: Vec<u32> = (0..20).collect();
    let times: Vec<f64> = (0..5)
        .map(|_| {
            let mut ring = Ring::new(&nodes, 100);
            let start = Instant::now();
            ring.add(20);
            let owners = ring.assign(100_000);
            assert_eq!(owners.len(), 100_000);
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    println!(
        "ring.recompute_100k_keys_after_join_native_ms: {:.1}",
        median(times)
    );
}

/// Figures measured in Debian's Chromium against dist/ (elections, rewind).
fn bench_browser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = root.join("tests/e2e/bench-browser.mjs");
    let ready = root.join("tests/e2e/node_modules/playwright-core").exists()
        && Path::new("/usr/bin/chromium").exists();
    if !ready {
        println!("browser.raft_elections_10k_ms: unavailable (run ./dev.sh test once to install the browser tools)");
        return;
    }
    match Command::new("node").arg(&script).current_dir(root).output() {
        Ok(out) if out.status.success() => print!("{}", String::from_utf8_lossy(&out.stdout)),
        Ok(out) => println!(
            "browser.raft_elections_10k_ms: failed ({})",
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .last()
                .unwrap_or("")
        ),
        Err(e) => println!("browser.raft_elections_10k_ms: failed ({e})"),
    }
}

/// Issue 11's floor: a follower 1,000 entries behind catches up in ≤ 10 events per entry.
fn bench_catchup() {
    for gap in [100u64, 1_000] {
        match ds_playground::lab::raft_catchup::catch_up(1, gap) {
            Some(c) => {
                println!(
                    "raft.catchup_events_per_entry{}: {:.2}",
                    if gap == 1_000 { "" } else { "_gap100" },
                    c.events as f64 / gap as f64
                );
                if gap == 1_000 {
                    println!("raft.catchup_virtual_ms: {}", c.took / 1_000);
                }
            }
            None => println!("raft.catchup_events_per_entry: did not catch up"),
        }
    }
}

/// The failure detectors' trade-off (`lab::detectors`) on a jittery, lossy network
/// (100 ms heartbeats, 10–150 ms latency, 2 % loss), 40 trials per point: each detector's
/// mean detection time and false suspicions per hour at every setting, and the sweep's time.
fn bench_detectors() {
    use ds_playground::lab::detectors::{Conditions, TradeOff, TIMEOUTS};
    use ds_playground::lab::Incremental;
    use ds_playground::protocols::failure_detector::Detector;
    use ds_playground::sim::{NetConfig, MS};
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
    let mut e = TradeOff::new(cond, 40, 1);
    let start = std::time::Instant::now();
    while e.run_some(1_000) > 0 {}
    println!(
        "detectors.tradeoff_640_trials_native_ms: {:.0}",
        start.elapsed().as_secs_f64() * 1e3
    );
    for by in Detector::BOTH {
        let name = match by {
            Detector::Timeout => "timeout_ms",
            Detector::Phi => "phi",
        };
        for i in 0..TIMEOUTS.len() {
            let s = e.summary(i, by).expect("every point ran");
            println!(
                "detectors.{name}_{}: detection_ms {:.0}, false_per_hour {:.1}, missed {}",
                e.setting(i, by),
                s.detection_ms.unwrap_or(f64::NAN),
                s.false_per_hour,
                s.missed
            );
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let runs = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(5usize)
        .max(1);
    // `--only <part>` runs one part (raft, catchup, lab, ring, consistency, detectors, dist,
    // browser).
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let part = |name: &str| only.as_deref().is_none_or(|o| o == name);
    if part("raft") {
        bench_raft(runs);
    }
    if part("catchup") {
        bench_catchup();
    }
    if part("lab") {
        bench_lab();
    }
    if part("ring") {
        bench_ring();
    }
    if part("consistency") {
        bench_consistency();
    }
    if part("detectors") {
        bench_detectors();
    }
    if part("dist") {
        bench_dist();
    }
    if part("browser") {
        bench_browser();
    }
}
