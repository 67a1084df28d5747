// What a cold first visit costs, page by page: gzip bytes downloaded before the first frame
// (the sum of the responses' encoded lengths, as Chrome's network log counts them), the
// number of requests, and the time to the first frame, on localhost or over an emulated
// 10 Mbit/s link with 40 ms latency. Used by the benchmark (bench-browser.mjs) and by hand:
//   node tests/e2e/first-load.mjs [DIST=other/dist ...]   (a second dist is measured in turn)
import { serve, launch } from './harness.mjs';

/** The first frame a reader sees: a node drawn, a page's own body, or the home page. */
export const FIRST_FRAME = '[data-testid="node-1"], [data-testid="crowd"], [data-testid="ring-canvas"], [data-testid="bloom-page"], [data-testid="history-editor"], [data-testid="home"]';

export const TEN_MBIT = { latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 };

/** Open `url` in a fresh context with the cache off: { ms, bytes, requests } up to the
 *  first frame (`selector` present). */
export async function firstLoad(browser, url, { net, selector = FIRST_FRAME } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (net) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...net });
  let bytes = 0, requests = 0, open = true;
  cdp.on('Network.loadingFinished', (e) => { if (open) { bytes += e.encodedDataLength; requests += 1; } });
  await page.addInitScript((sel) => {
    const look = () => {
      if (document.querySelector(sel)) window.__firstFrame = performance.now();
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }, selector);
  await page.goto(url);
  await page.waitForFunction(() => window.__firstFrame, null, { timeout: 60000, polling: 20 });
  const ms = await page.evaluate(() => window.__firstFrame);
  open = false;
  await context.close();
  return { ms, bytes, requests };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { DIST } = await import('./harness.mjs');
  const pages = (process.env.PAGES || 'raft,paxos,quorum,failure-detector,ring,bloom').split(',');
  const server = await serve();
  const browser = await launch();
  try {
    console.log(`dist: ${DIST}`);
    for (const p of ['', ...pages]) {
      const url = `${server.url}${p ? `#/${p}` : ''}`;
      const a = await firstLoad(browser, url);
      const b = await firstLoad(browser, url, { net: TEN_MBIT });
      console.log(`${p || 'home'}: ${(a.bytes / 1024).toFixed(0)} KB gz in ${a.requests} requests; first frame ${a.ms.toFixed(0)} ms, at 10 Mbit/s ${b.ms.toFixed(0)} ms`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
