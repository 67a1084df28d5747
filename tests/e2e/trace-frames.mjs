// Where a page spends its frames (default: 500-node gossip at 2x): records a Chromium
// trace while the page plays and prints, for the renderer's main thread, the distribution of task
// durations and the heaviest event names inside the slowest tasks.
// Usage: node tests/e2e/trace-frames.mjs [seconds] [page and query, e.g. "paxos?preset=duel&speed=10"]
import { serve, launch, pct } from './harness.mjs';

const secs = Number(process.argv[2] || 5);

const server = await serve();
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  if (process.env.HACK) await page.addInitScript(process.env.HACK);
  await page.goto(`${server.url}#/${process.argv[3] || "gossip?nodes=500&speed=2"}`);
  await page.waitForSelector('main');
  if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
  await page.waitForTimeout(1000);
  await browser.startTracing(page, {
    categories: [...(process.env.INVAL ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : []), 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'toplevel'],
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
  for (const [n, ms] of [...tot2].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP || 25))) {
    console.log(`trace.frame_avg.${n.replace(/\s+/g, '_')}_ms: ${ms.toFixed(2)}`);
  }
  if (process.env.INVAL) {
    // Which elements each frame's style, layout and paint invalidations name, and why.
    const by = new Map();
    for (const e of events) {
      if (!/InvalidationTracking/.test(e.name)) continue;
      const d = e.args.data || {};
      const k = `${e.name} ${d.reason || d.invalidationSet || ''} ${(d.nodeName || '').slice(0, 60)}`;
      by.set(k, (by.get(k) || 0) + 1);
    }
    for (const [k, c] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log((c / frames.length).toFixed(1).padStart(6), k);
  }
  if (process.env.DETAIL) {
    // The style and layout events' own counts: how much of the page each frame redoes.
    for (const name of ['UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint']) {
      const es = onMain.filter((e) => e.name === name && e.dur > 0);
      const sample = es.slice(0, 3).map((e) => JSON.stringify(e.args).slice(0, 400));
      console.log(name, es.length, (es.reduce((a, e) => a + e.dur, 0) / 1000 / frames.length).toFixed(2), 'ms/frame');
      for (const s of sample) console.log('   ', s);
      if (name === 'Paint') {
        const by = new Map();
        for (const e of es) { const k = e.args.data.nodeName; const o = by.get(k) || [0, 0]; by.set(k, [o[0] + 1, o[1] + e.dur / 1000]); }
        for (const [k, [c, ms]] of [...by].sort((a, b) => b[1][1] - a[1][1]).slice(0, 12)) console.log('    paint', (c / frames.length).toFixed(2), 'per frame', (ms / frames.length).toFixed(2), 'ms/frame', k);
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
