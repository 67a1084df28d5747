// Where a page's script time goes: a CPU profile (Chrome DevTools Protocol) while the page
// plays, self time summed per function, top 30 printed.
// Usage: node tests/e2e/profile-frames.mjs [seconds] [page and query]
import { serve, launch } from './harness.mjs';

const secs = Number(process.argv[2] || 5);
const server = await serve();
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(`${server.url}#/${process.argv[3] || 'paxos?nodes=7&speed=10&preset=duel'}`);
  await page.waitForSelector('main');
  await page.waitForTimeout(1000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.waitForTimeout(secs * 1000);
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const name = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`;
    self.set(name, (self.get(name) || 0) + (dt[i] || 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  // Each profile node's caller, for the stack walks below.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const top = Number(process.env.TOP || 40);
  /** Print a map of function name → sampled ms, as ms per second of play, largest first. */
  const perSecond = (m) => {
    for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${(v / secs).toFixed(1).padStart(7)} ms/s  ${k.replace(/::h[0-9a-f]{16}$/, '').slice(0, 200)}`);
    }
  };
  if (process.env.CALLERS) {
    // Who calls a function: for samples under it, the nearest caller whose name matches
    // CALLER_OF (default: this app's code).
    const by = new Map();
    const mine = new RegExp(process.env.CALLER_OF || 'ds_playground');
    profile.samples.forEach((id, i) => {
      let k = id;
      while (k !== undefined && !(byId.get(k).callFrame.functionName || '').includes(process.env.CALLERS)) k = parent.get(k);
      if (k === undefined) return;
      let caller = '(none)';
      for (k = parent.get(k); k !== undefined; k = parent.get(k)) {
        const name = byId.get(k).callFrame.functionName || '';
        if (mine.test(name)) { caller = name; break; }
      }
      by.set(caller, (by.get(caller) || 0) + (dt[i] || 0) / 1000);
    });
    perSecond(by);
  } else if (process.env.INCLUSIVE) {
    // Inclusive time: a sample counts for every distinct function on its stack.
    const incl = new Map();
    profile.samples.forEach((id, i) => {
      const seen = new Set();
      for (let k = id; k !== undefined; k = parent.get(k)) {
        const n = byId.get(k);
        const name = n.callFrame.functionName || '(anon)';
        if ((process.env.INCLUSIVE !== '*' && !name.includes(process.env.INCLUSIVE)) || seen.has(name)) continue;
        seen.add(name);
        incl.set(name, (incl.get(name) || 0) + (dt[i] || 0) / 1000);
      }
    });
    perSecond(incl);
  } else {
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${(v / secs).toFixed(1).padStart(7)} ms/s  ${(100 * v / total).toFixed(1).padStart(5)}%  ${k}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
