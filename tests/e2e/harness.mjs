// Shared helpers for the browser tests: a static file server for dist/ (optionally under a
// sub-path) and Debian's Chromium driven by playwright-core.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
// DIST=/some/dir serves another build (a profiling build with function names, say).
export const DIST = process.env.DIST ? path.resolve(process.env.DIST) : path.resolve(here, '../../dist');
export const SHOTS = path.resolve(here, 'screenshots');
fs.mkdirSync(SHOTS, { recursive: true });

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json',
};

// Text and wasm go out gzipped when the browser accepts it, as static hosts send them.
const COMPRESS = new Set(['.html', '.js', '.wasm', '.css', '.svg', '.json']);
const gzipped = new Map();
function gz(file) {
  const stat = fs.statSync(file);
  const hit = gzipped.get(file);
  if (hit && hit.mtime === stat.mtimeMs) return hit.body;
  const body = zlib.gzipSync(fs.readFileSync(file), { level: 9 });
  gzipped.set(file, { mtime: stat.mtimeMs, body });
  return body;
}

/** Serve DIST under `prefix` (e.g. '/' or '/course/week3/raft/'); extra pages by path. */
export async function serve({ prefix = '/', extra = {} } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (extra[url.pathname]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(extra[url.pathname]);
    }
    if (!url.pathname.startsWith(prefix)) { res.writeHead(404); return res.end('not found'); }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    const file = path.join(DIST, rel);
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); return res.end('not found');
    }
    const type = TYPES[path.extname(file)] || 'application/octet-stream';
    if (COMPRESS.has(path.extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      const body = gz(file);
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': body.length });
      return res.end(body);
    }
    res.writeHead(200, { 'content-type': type });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, url: base + prefix, close: () => new Promise((r) => server.close(r)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page that records every page error and console error, for asserting none happened. */
export async function open(browser, url, { locale = 'en-US', viewport = { width: 1280, height: 1000 }, wait = '[data-testid="cluster"]', touch = false } = {}) {
  const context = await browser.newContext({ locale, viewport, hasTouch: touch, isMobile: touch });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.goto(url);
  await page.waitForSelector(wait, { timeout: 20000 });
  // A link with a start time (`t=`) runs there a slice per frame, with a progress bar.
  await page.waitForFunction(() => !document.querySelector('[data-testid="catching-up"]'), undefined, { timeout: 60000, polling: 50 });
  return { page, errors, context };
}

export async function shot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Poll `fn` in the page until it returns a truthy value. */
export async function until(page, fn, arg, timeout = 20000) {
  const h = await page.waitForFunction(fn, arg, { timeout, polling: 50 });
  return h.jsonValue();
}

/** Roles of all nodes: [{id, role, term}]. */
export async function nodes(page) {
  return page.$$eval('[data-testid^="node-"]', (els) => els.map((e) => ({
    id: e.dataset.testid, role: e.dataset.role, term: Number(e.dataset.term),
  })));
}

/** Wait until the page has drawn `n` more animation frames (rendering settled, or, while
 * paused, `n` chances for the clock to move). */
export async function frames(page, n = 2) {
  await page.evaluate((n) => new Promise((done) => {
    const next = (k) => (k <= 0 ? done() : requestAnimationFrame(() => next(k - 1)));
    next(n);
  }), n);
}

/** The virtual time on the page's clock, in ms. */
export async function virtualMs(page) {
  const text = await page.locator('[data-testid="clock"]').textContent();
  return Math.round(parseFloat(text.match(/(\d+\.\d+) s/)[1]) * 1000);
}

/** Wait until the virtual clock has advanced `ms` beyond `from`. */
export async function virtualAfter(page, from, ms) {
  await until(page, (t) => {
    const m = document.querySelector('[data-testid="clock"]').textContent.match(/(\d+\.\d+) s/);
    return m && parseFloat(m[1]) * 1000 >= t;
  }, from + ms);
}

/** The pages with a cluster, state strips and a space-time diagram, as the app's own
 * navigation lists them (a new page is covered without touching the tests). */
export async function diagramPages(browser, base) {
  const page = await browser.newPage();
  await page.goto(`${base}#/`);
  await page.waitForSelector('.nav-group a');
  const slugs = await page.$$eval('.nav-group a[data-diagram="true"]', (as) => as.map((a) => a.dataset.testid.slice(4)));
  await page.close();
  return slugs;
}

/** The arrows the space-time diagram draws now (a canvas: the app reports what it drew),
 * each with its segment in page coordinates: { id, class, end, x0, y0, x1, y1, at(f) }
 * where at(f) is the point a fraction f along it. */
export async function arrows(page) {
  return page.evaluate(() => {
    const r = document.querySelector('[data-testid="st-arrows"]').getBoundingClientRect();
    return JSON.parse(window.wasmBindings.space_time_arrows()).map((a) => ({
      ...a,
      x0: r.left + a.x0 * r.width, y0: r.top + a.y0 * r.height,
      x1: r.left + a.x1 * r.width, y1: r.top + a.y1 * r.height,
    }));
  }).then((xs) => xs.map((a) => ({ ...a, at: (f) => ({ x: a.x0 + (a.x1 - a.x0) * f, y: a.y0 + (a.y1 - a.y0) * f }) })));
}

/** How many arrows the space-time diagram draws. */
export function arrowCount(page) {
  return page.evaluate(() => Number(document.querySelector('[data-testid="st-arrows"]')?.dataset.arrows || 0));
}

// Frame figures (the bench and the frame tools).
/** The `q` quantile (0 to 1) of `xs`, 0 for none. */
export const pct = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.round((s.length - 1) * q))] : 0;
};

// Main-thread work per frame: from the start of each animation-frame callback to a
// message posted at its end, which runs after the frame's microtasks (Leptos effects),
// style, layout and paint. Also the intervals between frames.
export function recordFrames() {
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
}
