// Frame work of one page, quickly: the bench's measure (main-thread work per animation
// frame) over N runs of 4 s, printed as median/p95/frames per run, best p95 first. CSS=
// adds a style sheet (hide a panel to see what it costs), HACK= an init script.
// Usage: node tests/e2e/measure-frames.mjs ["paxos?nodes=7&speed=10&preset=duel"]
import { serve, launch, pct, recordFrames } from './harness.mjs';
const server = await serve(); const browser = await launch();
const url = process.argv[2] || 'paxos?nodes=7&speed=10&preset=duel';
const hack = process.env.HACK || '';
const res = [];
for (let i = 0; i < Number(process.env.N || 3); i++) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.addInitScript(recordFrames);
  if (hack) await page.addInitScript(hack);
  await page.goto(`${server.url}#/${url}`);
  await page.waitForSelector('[data-testid="cluster"]');
  if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
  await page.waitForTimeout(1000);
  await page.evaluate(() => { window.__work.length = 0; });
  await page.waitForTimeout(4000);
  const work = await page.evaluate(() => window.__work);
  res.push([pct(work, 0.5), pct(work, 0.95), work.length]);
  await page.close();
}
res.sort((a, b) => a[1] - b[1]);
console.log(url, 'median/p95/frames per run:', res.map((r) => r.map((x) => x.toFixed(1)).join('/')).join('  '));
await browser.close(); await server.close();
