// Where a page spends its frames (default: 500-node gossip at 2x): records a Chromium
// trace while the page plays and prints, for the renderer's main thread, the distribution of task
// durations and the heaviest event names inside the slowest tasks.
// Usage: node tests/e2e/trace-frames.mjs [seconds] [page and query, e.g. "paxos?preset=duel&speed=10"]
import { serve, launch } from './harness.mjs';

const secs = Number(process.argv[2] || 5);
const pct = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.round((s.length - 1) * q))] : 0;
};

const server = await serve();
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(`${server.url}#/${process.argv[3] || "gossip?nodes=500&speed=2"}`);
  await page.waitForSelector('main');
  await page.waitForTimeout(1000);
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'toplevel'],
  });
  await page.waitForTimeout(secs * 1000);
  const buf = await browser.stopTracing();
  const events = JSON.parse(buf.toString()).traceEvents;
  const names = new Map();
  for (const e of events) {
    if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  }
  const main = [...names].find(([, n]) => n === 'CrRendererMain')?.[0];
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X');
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
  const durs = tasks.map((t) => t.dur / 1000);
  console.log(`trace.main_tasks: ${tasks.length}`);
  console.log(`trace.main_task_median_ms: ${pct(durs, 0.5).toFixed(2)}`);
  console.log(`trace.main_task_p95_ms: ${pct(durs, 0.95).toFixed(2)}`);
  console.log(`trace.main_task_max_ms: ${Math.max(0, ...durs).toFixed(2)}`);
  const busy = durs.reduce((a, b) => a + b, 0);
  console.log(`trace.main_busy_fraction: ${(busy / (secs * 1000)).toFixed(3)}`);
  // Inside the slowest 5% of tasks: which events take the time (self-inclusive totals).
  const cut = pct(durs, 0.95);
  const slow = tasks.filter((t) => t.dur / 1000 >= cut);
  const total = new Map();
  for (const t of slow) {
    for (const e of onMain) {
      if (e === t || e.ts < t.ts || e.ts + e.dur > t.ts + t.dur) continue;
      total.set(e.name, (total.get(e.name) || 0) + e.dur / 1000 / slow.length);
    }
  }
  const top = [...total].sort((a, b) => b[1] - a[1]).slice(0, 15);
  for (const [n, ms] of top) console.log(`trace.slow_task.${n.replace(/\s+/g, '_')}_ms: ${ms.toFixed(2)}`);
  // Same for a typical task.
  const frames = onMain.filter((e) => e.name === 'ProxyMain::BeginMainFrame');
  console.log(`trace.frames: ${frames.length}`);
  const fd = frames.map((f) => f.dur / 1000);
  console.log(`trace.frame_main_median_ms: ${pct(fd, 0.5).toFixed(2)}`);
  console.log(`trace.frame_main_p95_ms: ${pct(fd, 0.95).toFixed(2)}`);
  const mid = frames;
  const tot2 = new Map();
  for (const t of mid) {
    for (const e of onMain) {
      if (e === t || e.ts < t.ts || e.ts + e.dur > t.ts + t.dur) continue;
      tot2.set(e.name, (tot2.get(e.name) || 0) + e.dur / 1000 / mid.length);
    }
  }
  for (const [n, ms] of [...tot2].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`trace.frame_avg.${n.replace(/\s+/g, '_')}_ms: ${ms.toFixed(2)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
