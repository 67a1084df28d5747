//! Mounts the app in the browser; also exports the measuring hooks the benchmark command
//! calls through Chromium (`window.wasmBindings.bench_*`) and one the browser tests read
//! (`space_time_arrows`). The hooks are async: their code (the Raft lab, the ring) is a
//! chunk of its own, fetched on the first call, so no visitor downloads it with the shell.

#[cfg(target_arch = "wasm32")]
mod browser {
    use ds_playground::lab::raft_election::trial;
    use ds_playground::sim::{SimRng, MS, SEC};
    use ds_playground::ui::clock::now_ms;
    use ds_playground::ui::core::scenario::Scenario;
    use ds_playground::ui::registry::build_loaded;
    use wasm_bindgen::prelude::*;

    /// Wall milliseconds for `n` Raft elections (5 nodes, 150–300 ms timeouts).
    #[wasm_bindgen]
    pub async fn bench_elections(n: u32) -> f64 {
        elections(n).await
    }

    #[leptos::wasm_split::wasm_split(bench, wasm_split_path = ::leptos::wasm_split)]
    fn elections(n: u32) -> f64 {
        let start = now_ms();
        let mut sum = 0.0;
        for i in 0..n {
            sum += trial(i as u64, (150, 300), (5, 10));
        }
        assert!(sum > 0.0);
        now_ms() - start
    }

    /// Wall milliseconds to recompute the owners of 100,000 keys after a node joins a ring
    /// of 20 nodes × 100 virtual nodes.
    #[wasm_bindgen]
    pub async fn bench_ring() -> f64 {
        ring().await
    }

    #[leptos::wasm_split::wasm_split(bench, wasm_split_path = ::leptos::wasm_split)]
    fn ring() -> f64 {
        use ds_playground::protocols::hash_ring::Ring;
        let nodes: Vec<u32> = (0..20).collect();
        let mut ring = Ring::new(&nodes, 100);
        let before = ring.assign(100_000);
        let start = now_ms();
        ring.add(20);
        let after = ring.assign(100_000);
        let ms = now_ms() - start;
        assert!(ds_playground::protocols::hash_ring::moved(&before, &after) > 0);
        ms
    }

    /// The arrows the space-time diagram shows now (JSON; see `drawn_arrows_json`): the
    /// browser tests point at one with it, as the arrows are drawn on a canvas.
    #[wasm_bindgen]
    pub fn space_time_arrows() -> String {
        ds_playground::ui::components::space_time::drawn_arrows_json()
    }

    /// Worst wall milliseconds over `probes` jumps to random points of a `minutes`-long
    /// Raft run (default page settings).
    #[wasm_bindgen]
    pub async fn bench_seek(minutes: u32, probes: u32) -> f64 {
        let sc = Scenario::default();
        let Some(mut sim) = build_loaded(&sc).await else {
            return f64::NAN;
        };
        let end = minutes as u64 * 60 * SEC;
        sim.run_until(end);
        let mut rng = SimRng::new(7);
        let mut worst: f64 = 0.0;
        for _ in 0..probes {
            let t = rng.range_inclusive(0, end / MS) * MS;
            let start = now_ms();
            sim.seek(t);
            worst = worst.max(now_ms() - start);
        }
        worst
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    ds_playground::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "This binary is the browser app: build and serve it with `./dev.sh serve` (see README.md)."
    );
}
