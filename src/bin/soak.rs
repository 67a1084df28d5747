//! `cargo run --release --bin soak [MINUTES]`: each page for an hour of virtual time (or
//! MINUTES) with a random user action every two virtual seconds (kills, restarts, cuts,
//! heals and the page's own commands), as a long classroom session would. Prints, per page,
//! the process's resident memory and the time to build one view (median of 50) after the
//! first minute, half-way and at the end (a page whose displays fill up over the first
//! minutes, such as Raft's log strips up to their cap, grows early and then stays flat:
//! the half-way ratio tells that from growth without bound), and the worst of 20 random
//! seeks afterwards — against
//! issue 11's floors: memory growth ≤ 2×, view time at the end ≤ 1.5× the start, worst
//! seek ≤ 50 ms. Figures only; nothing is asserted.

use std::time::Instant;

use ds_playground::sim::{SimRng, MS, SEC};
use ds_playground::ui::core::action::UiAction;
use ds_playground::ui::core::i18n::Lang;
use ds_playground::ui::core::runner::PageSim;
use ds_playground::ui::core::scenario::Scenario;
use ds_playground::ui::registry;

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
    let minutes: u64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let span = minutes * 60 * SEC;
    println!("{minutes} virtual minutes per page, an action every 2 s\n");
    for page in registry::pages() {
        let sc = Scenario::new(page);
        let mut sim = registry::build(&sc);
        let mut rng = SimRng::new(7).fork(0x50A4);
        let commands = page.spec().commands;
        let wall = Instant::now();
        let mut t = 0;
        let mut start = None;
        let mut half = None;
        while t < span {
            if t >= 60 * SEC && start.is_none() {
                start = Some((rss_kb(), median_view_ms(&*sim)));
            }
            if t >= span / 2 && half.is_none() {
                half = Some(median_view_ms(&*sim));
            }
            let a = random_action(&*sim, &mut rng, commands);
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
        println!("soak.{slug}.run_wall_s: {run_s:.1}");
        println!(
            "soak.{slug}.rss_mb: {:.1} -> {:.1} ({:.2}x)",
            rss0 as f64 / 1024.0,
            rss1 as f64 / 1024.0,
            rss1 as f64 / rss0.max(1) as f64
        );
        let half = half.unwrap_or(view1);
        println!(
            "soak.{slug}.view_ms: {view0:.3} -> {half:.3} (half-way) -> {view1:.3} ({:.2}x the first minute, {:.2}x half-way)",
            view1 / view0.max(1e-9),
            view1 / half.max(1e-9)
        );
        println!("soak.{slug}.worst_seek_ms: {worst_seek:.1}");
        println!("soak.{slug}.checkpoints: {}", sim.checkpoints());
    }
}
