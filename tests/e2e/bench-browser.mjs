// Browser figures for the benchmark command: prints `key: value` lines.
// Usage: node tests/e2e/bench-browser.mjs   (needs dist/ built and Debian chromium)
import { serve, launch } from './harness.mjs';

const pct = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.round((s.length - 1) * q))];
};

const server = await serve();
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}#/raft?autoplay=0`);
  await page.waitForFunction(() => window.wasmBindings && window.wasmBindings.bench_elections, null, { timeout: 30000 });
  const elections = await page.evaluate(() => window.wasmBindings.bench_elections(10000));
  console.log(`browser.raft_elections_10k_ms: ${elections.toFixed(0)}`);
  const seek = await page.evaluate(() => window.wasmBindings.bench_seek(10, 40));
  console.log(`browser.seek_worst_ms_10min_run: ${seek.toFixed(1)}`);
  const ring = await page.evaluate(() => window.wasmBindings.bench_ring());
  console.log(`browser.ring_recompute_100k_keys_after_join_ms: ${ring.toFixed(1)}`);

  // 500-node gossip: frame intervals, and main-thread work per frame (from the start of
  // each animation-frame callback to a message posted at its end, which runs after the
  // frame's microtasks, style, layout and paint).
  const g = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await g.addInitScript(() => {
    window.__work = []; window.__ts = [];
    const orig = window.requestAnimationFrame.bind(window);
    const ch = new MessageChannel();
    let start = 0;
    ch.port1.onmessage = () => window.__work.push(performance.now() - start);
    window.requestAnimationFrame = (cb) => orig((ts) => {
      window.__ts.push(ts);
      start = performance.now();
      cb(ts);
      ch.port2.postMessage(0);
    });
  });
  await g.goto(`${server.url}#/gossip?nodes=500&speed=2`);
  await g.waitForSelector('[data-testid="crowd"]');
  await g.waitForTimeout(1000);
  await g.evaluate(() => { window.__work.length = 0; window.__ts.length = 0; });
  await g.waitForTimeout(6000);
  const { work, ts, msgs } = await g.evaluate(() => ({
    work: window.__work, ts: window.__ts, msgs: Number(document.querySelector('[data-testid="crowd"]').dataset.messages),
  }));
  const intervals = ts.slice(1).map((t, i) => t - ts[i]);
  console.log(`browser.gossip500.frames: ${ts.length}`);
  console.log(`browser.gossip500.messages_in_flight_at_end: ${msgs}`);
  console.log(`browser.gossip500.frame_work_median_ms: ${pct(work, 0.5).toFixed(2)}`);
  console.log(`browser.gossip500.frame_work_p95_ms: ${pct(work, 0.95).toFixed(2)}`);
  console.log(`browser.gossip500.frame_interval_median_ms: ${pct(intervals, 0.5).toFixed(2)}`);
  console.log(`browser.gossip500.frame_interval_p95_ms: ${pct(intervals, 0.95).toFixed(2)}`);

  // The ring page with 100,000 keys: the frames of the 2-second animation after a join.
  const r = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await r.addInitScript(() => {
    window.__work = [];
    const orig = window.requestAnimationFrame.bind(window);
    const ch = new MessageChannel();
    let start = 0;
    ch.port1.onmessage = () => window.__work.push(performance.now() - start);
    window.requestAnimationFrame = (cb) => orig((ts) => { start = performance.now(); cb(ts); ch.port2.postMessage(0); });
  });
  await r.goto(`${server.url}#/ring?nodes=19&vnodes=500&keys=100000`);
  await r.waitForSelector('[data-testid="ring-canvas"]');
  await r.waitForTimeout(1500);
  await r.evaluate(() => { window.__work.length = 0; });
  await r.click('[data-testid="ring-add"]');
  await r.waitForTimeout(2000);
  const ringWork = await r.evaluate(() => window.__work);
  console.log(`browser.ring100k.animation_frames: ${ringWork.length}`);
  console.log(`browser.ring100k.animation_frame_work_median_ms: ${pct(ringWork, 0.5).toFixed(2)}`);
  console.log(`browser.ring100k.animation_frame_work_p95_ms: ${pct(ringWork, 0.95).toFixed(2)}`);
} finally {
  await browser.close();
  await server.close();
}
