//! `cargo run --release --bin soak [MINUTES] [--defaults] [--page SLUG]`: each page for an
//! hour of virtual time (or MINUTES) at its heaviest settings within their ranges (most
//! nodes, fastest request rate, shortest periods: [`HEAVIEST`]; `--defaults`: the page's
//! defaults), with a random user action every two virtual seconds (kills, restarts, cuts,
//! heals and the page's own commands), as a long classroom session would. Each page runs in
//! a process of its own, so one page's memory does not weigh on the next one's figures.
//! Prints, per page, the process's resident memory and the time to build one view (median
//! of 50) after the first minute, half-way and at the end (a page whose displays fill up
//! over the first minutes grows early and then stays flat: the half-way ratio tells that
//! from growth without bound), the worst of 20 random seeks afterwards, and how long a link
//! to the run's last moment (`t=`) takes to open (the same run from 0, as the page does) —
//! against issue 29's floors: memory end ÷ first minute ≤ 2×, view time at the end ≤ 2 ms,
//! worst seek ≤ 50 ms, a `t=` link within 20 s. Figures only; nothing is asserted.

use std::time::Instant;

use ds_playground::sim::{SimRng, MS, SEC};
use ds_playground::ui::core::action::UiAction;
use ds_playground::ui::core::i18n::Lang;
use ds_playground::ui::core::runner::{catch_up_step, CatchUpStep, PageSim};
use ds_playground::ui::core::scenario::{Page, Scenario};
use ds_playground::ui::registry;

/// Each page's heaviest settings within their ranges (a link's hash), the load a soak
/// must hold: the most nodes, the fastest client rate, the shortest periods and latencies.
const HEAVIEST: &[(&str, &str)] = &[
    ("raft", "nodes=9&lmin=1&lmax=5"),
    ("paxos", "nodes=7&proposers=3&retry=20&lmin=1&lmax=5"),
    ("2pc", "nodes=6&lmin=1&lmax=5"),
    ("3pc", "nodes=6&lmin=1&lmax=5"),
    ("primary-secondary", "nodes=6&rate=20&lmin=1&lmax=5"),
    ("quorum", "nodes=7&rate=20&lmin=1&lmax=5"),
    ("cap", "nodes=7&rate=20&lmin=1&lmax=5"),
    ("consistency", ""),
    ("gossip", "nodes=500&period=20&ae=1&fanout=10&lmin=1&lmax=1"),
    (
        "failure-detector",
        "nodes=4&period=10&window=1000&lmin=1&lmax=5",
    ),
    ("ring", "nodes=20&vnodes=500&keys=100000"),
    ("bloom", "m=4096&k=16"),
    ("lease", "nodes=5&every=10&writes=10&lmin=1&lmax=5"),
    ("lock", "nodes=4&rate=10&work=1&ttl=30&lmin=1&lmax=5"),
    (
        "redlock",
        "nodes=7&clients=4&rate=10&work=1&ttl=30&lmin=1&lmax=5",
    ),
    ("snowflake", "nodes=8&period=1&lmin=1&lmax=5"),
];

/// Issue 29's floors, printed beside each figure.
const MEMORY_RATIO_FLOOR: f64 = 2.0;
const VIEW_MS_FLOOR: f64 = 2.0;
const SEEK_MS_FLOOR: f64 = 50.0;
const LINK_S_FLOOR: f64 = 20.0;

fn verdict(ok: bool) -> &'static str {
    if ok {
        "ok"
    } else {
        "OVER"
    }
}

/// Resident memory of this process (kB), from /proc (Linux).
fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn median_view_ms(sim: &dyn PageSim) -> f64 {
    let mut t: Vec<f64> = (0..50)
        .map(|_| {
            let s = Instant::now();
            std::hint::black_box(sim.view(Lang::En, 50 * MS));
            s.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    t.sort_by(|a, b| a.total_cmp(b));
    t[t.len() / 2]
}

fn random_action(sim: &dyn PageSim, rng: &mut SimRng, commands: &[&'static str]) -> UiAction {
    let n = sim.len().max(1);
    let a = rng.index(n);
    let b = (a + 1 + rng.index(n.max(2) - 1)) % n;
    match rng.index(6) {
        0 => UiAction::Crash(a),
        1 => UiAction::Restart(a),
        2 if n > 1 => UiAction::Cut(a, b),
        3 if n > 1 => UiAction::Heal(a, b),
        _ if !commands.is_empty() => UiAction::Command(a, commands[rng.index(commands.len())]),
        _ => UiAction::HealAll,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let minutes: u64 = args.iter().find_map(|a| a.parse().ok()).unwrap_or(60);
    let defaults = args.iter().any(|a| a == "--defaults");
    let only = args
        .iter()
        .position(|a| a == "--page")
        .and_then(|i| args.get(i + 1));
    let pages = registry::pages();
    if let Some(slug) = only {
        match pages.iter().find(|p| p.slug() == slug) {
            Some(&page) => soak(page, minutes, defaults),
            None => eprintln!("no page {slug}"),
        }
        return;
    }
    println!(
        "{minutes} virtual minutes per page at its {} settings, an action every 2 s\n",
        if defaults { "default" } else { "heaviest" }
    );
    let me = std::env::current_exe().expect("the soak's own path");
    for page in pages {
        let mut child = std::process::Command::new(&me);
        child.arg(minutes.to_string()).args(["--page", page.slug()]);
        if defaults {
            child.arg("--defaults");
        }
        if let Err(e) = child.status() {
            eprintln!("{}: {e}", page.slug());
        }
    }
}

/// The page's scenario: its defaults, or its heaviest settings.
fn scenario(page: Page, defaults: bool) -> Scenario {
    let heavy = HEAVIEST
        .iter()
        .find(|(slug, _)| *slug == page.slug())
        .map_or("", |h| h.1);
    if defaults || heavy.is_empty() {
        return Scenario::new(page);
    }
    let hash = format!("#/{}?{heavy}", page.slug());
    let (sc, notices) = Scenario::parse(&registry::pages(), "", &hash);
    if !notices.is_empty() {
        eprintln!(
            "{hash}: {} notices (a setting out of range?)",
            notices.len()
        );
    }
    sc
}

fn soak(page: Page, minutes: u64, defaults: bool) {
    let span = minutes * 60 * SEC;
    let sc = scenario(page, defaults);
    {
        let mut sim = registry::build(&sc);
        let mut rng = SimRng::new(7).fork(0x50A4);
        let commands = page.spec().commands;
        let wall = Instant::now();
        let mut t = 0;
        let mut start = None;
        let mut half = None;
        let mut actions = Vec::new();
        let mut series = Vec::new();
        while t < span {
            if t % (span / 10).max(2 * SEC) < 2 * SEC {
                series.push(format!("{:.0}", rss_kb() as f64 / 1024.0));
            }
            if t >= 60 * SEC && start.is_none() {
                start = Some((rss_kb(), median_view_ms(&*sim)));
            }
            if t >= span / 2 && half.is_none() {
                half = Some(median_view_ms(&*sim));
            }
            let a = random_action(&*sim, &mut rng, commands);
            actions.push((t, a.clone()));
            sim.act(a);
            t += 2 * SEC;
            sim.run_until(t);
        }
        let (rss0, view0) = start.unwrap_or((rss_kb(), median_view_ms(&*sim)));
        let run_s = wall.elapsed().as_secs_f64();
        let (rss1, view1) = (rss_kb(), median_view_ms(&*sim));
        let mut worst_seek: f64 = 0.0;
        for _ in 0..20 {
            let to = rng.range_inclusive(0, span);
            let s = Instant::now();
            sim.seek(to);
            worst_seek = worst_seek.max(s.elapsed().as_secs_f64() * 1e3);
        }
        let slug = page.slug();
        let events = sim.events_processed();
        // A link to the last moment: the same settings and actions, run from 0 (the page
        // catches up to `t=` this way, in slices).
        let link = Instant::now();
        let mut again = registry::build_at_zero(&sc);
        again.load_log(actions.clone());
        let reached = loop {
            match catch_up_step(&mut *again, span) {
                CatchUpStep::Going(_) => continue,
                CatchUpStep::Arrived => break "arrived".to_string(),
                CatchUpStep::StoppedShort(at) => {
                    break format!(
                        "stopped short at {} s, its budget of events spent",
                        at / SEC
                    )
                }
            }
        };
        let link_s = link.elapsed().as_secs_f64();
        println!("soak.{slug}.settings: {}", sc.to_hash());
        println!(
            "soak.{slug}.run_wall_s: {run_s:.1} ({events} events, {:.0} events per wall second)",
            events as f64 / run_s.max(1e-9)
        );
        let ratio = rss1 as f64 / rss0.max(1) as f64;
        println!("soak.{slug}.rss_mb_by_tenth: {}", series.join(" "));
        println!(
            "soak.{slug}.rss_mb: {:.1} -> {:.1} ({ratio:.2}x; floor {MEMORY_RATIO_FLOOR}x: {})",
            rss0 as f64 / 1024.0,
            rss1 as f64 / 1024.0,
            verdict(ratio <= MEMORY_RATIO_FLOOR)
        );
        let half = half.unwrap_or(view1);
        println!(
            "soak.{slug}.view_ms: {view0:.3} -> {half:.3} (half-way) -> {view1:.3} ({:.2}x the first minute, {:.2}x half-way; floor {VIEW_MS_FLOOR} ms: {})",
            view1 / view0.max(1e-9),
            view1 / half.max(1e-9),
            verdict(view1 <= VIEW_MS_FLOOR)
        );
        println!(
            "soak.{slug}.worst_seek_ms: {worst_seek:.1} (floor {SEEK_MS_FLOOR}: {})",
            verdict(worst_seek <= SEEK_MS_FLOOR)
        );
        println!(
            "soak.{slug}.link_to_end_s: {link_s:.1}, {reached} (floor {LINK_S_FLOOR} s: {})",
            verdict(link_s <= LINK_S_FLOOR)
        );
        println!("soak.{slug}.checkpoints: {}", sim.checkpoints());
    }
}
