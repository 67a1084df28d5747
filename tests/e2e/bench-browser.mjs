// Browser figures for the benchmark command: prints `key: value` lines.
// Usage: node tests/e2e/bench-browser.mjs   (needs dist/ built and Debian chromium)
import { serve, launch } from './harness.mjs';

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
} finally {
  await browser.close();
  await server.close();
}
