// Gossip, hash ring and bloom filter pages in Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, launch, open, shot, until, virtualMs, virtualAfter } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function load(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${server.url}${url}`);
  return { page, errors, context };
}

test('a 500-node gossip run reaches 100 % and the status compares it with theory', async () => {
  const { page, errors, context } = await load('#/gossip?nodes=500&speed=10');
  await page.waitForSelector('[data-testid="crowd"]');
  await until(page, () => document.querySelector('[data-testid="crowd"]').dataset.infected === '500', null, 30000);
  assert.match(await page.locator('[data-testid="status-infected"] b').innerText(), /^500 \/ 500$/);
  // The run's rounds beside the finite-n model's mean ± standard deviation: one run lies
  // within four standard deviations (the seeds' spread at n = 500 is 0.53 rounds).
  const full = await page.locator('[data-testid="status-full-spread"] b').innerText();
  const [, rounds, mean, sd] = full.match(/^(\d+) \(theory (\d+\.\d) ± (\d+\.\d)\)$/) || [];
  assert.ok(rounds, full);
  assert.ok(Math.abs(Number(rounds) - Number(mean)) <= 4 * Number(sd), full);
  assert.ok(Number(mean) > 7 && Number(mean) < 10 && Number(sd) < 1, `push-pull, n = 500: ${full}`);
  assert.equal(await page.locator('[data-testid="spread-chart"]').count(), 1);
  assert.equal(await page.locator('[data-testid="theory-curve"]').count(), 1);
  // The whole disk is drawn, centred, inside the canvas (none of it clipped at an edge).
  const ink = await page.evaluate(() => {
    const c = document.querySelector('[data-testid="crowd"]');
    const copy = document.createElement('canvas');
    copy.width = c.width; copy.height = c.height;
    const g = copy.getContext('2d');
    g.drawImage(c, 0, 0);
    const { data } = g.getImageData(0, 0, c.width, c.height);
    let n = 0, sx = 0, sy = 0, minX = c.width, maxX = 0, minY = c.height, maxY = 0;
    for (let y = 0; y < c.height; y++) for (let x = 0; x < c.width; x++) {
      const i = 4 * (y * c.width + x);
      if (data[i + 3] < 16 || (data[i] > 240 && data[i + 1] > 240 && data[i + 2] > 240)) continue;
      n++; sx += x; sy += y;
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
    return { w: c.width, h: c.height, n, cx: sx / n, cy: sy / n, minX, maxX, minY, maxY };
  });
  assert.ok(ink.n > ink.w * ink.h * 0.2, `the disk covers the canvas: ${JSON.stringify(ink)}`);
  assert.ok(Math.abs(ink.cx - ink.w / 2) < ink.w * 0.03 && Math.abs(ink.cy - ink.h / 2) < ink.h * 0.03, `centred: ${JSON.stringify(ink)}`);
  assert.ok(ink.minX > 2 && ink.minY > 2 && ink.maxX < ink.w - 3 && ink.maxY < ink.h - 3, `not clipped: ${JSON.stringify(ink)}`);
  await shot(page, 'gossip-500-done');
  assert.deepEqual(errors, []);
  await context.close();
});

test('gossip: rumour mongering leaves residue; a rumour starts where the student clicks', async () => {
  const { page, errors, context } = await load('#/gossip?preset=mongering&nodes=200&speed=10');
  // Once the rumour has died, the residue beside Demers's s = e^(−(k+1)(1−s)) for k = 1
  // (20.3 % of 200 ≈ 41); runs at n = 200 spread 7.5 nodes around it, so one run lies
  // within 30.
  await until(page, () => /^\d+ \(/.test(document.querySelector('[data-testid="status-residue"] b')?.textContent || ''), null, 30000);
  const residue = await page.locator('[data-testid="status-residue"] b').innerText();
  const [, left, pct, expected] = residue.match(/^(\d+) \(theory s = e\^\(−\(k\+1\)\(1−s\)\) = (\d+\.\d) % ≈ (\d+)\)$/) || [];
  assert.ok(left, residue);
  assert.equal(pct, '20.3');
  assert.equal(expected, '41');
  assert.ok(Number(left) > 0 && Math.abs(Number(left) - 41) <= 30, residue);
  // The dashed theory curve flattens at the residue instead of climbing to every node.
  const top = await page.evaluate(() => {
    const d = document.querySelector('[data-testid="theory-curve"]').getAttribute('d');
    return Math.min(...[...d.matchAll(/,(-?[\d.]+)/g)].map((m) => Number(m[1])));
  });
  const full = await page.evaluate(() => {
    const d = document.querySelector('[data-testid="spread-chart"] line').getAttribute('y1');
    return Number(d);
  });
  assert.ok(top > 16 + (full - 16) * 0.15, `the curve stops short of the top: y ${top} (axis from 16 to ${full})`);
  // Free play: nothing spreads until a node is clicked and told to start.
  await page.goto(`${server.url}#/gossip?preset=free&nodes=50&speed=10`);
  await page.waitForSelector('[data-testid="crowd"]');
  // Five rounds of virtual time pass, and no one has heard anything.
  await virtualAfter(page, await virtualMs(page), 500);
  assert.equal(await page.getAttribute('[data-testid="crowd"]', 'data-infected'), '0');
  const box = await page.locator('[data-testid="crowd"]').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.click('[data-testid="action-infect"]');
  await until(page, () => document.querySelector('[data-testid="crowd"]').dataset.infected === '50', null, 30000);
  assert.deepEqual(errors, []);
  await context.close();
});

test('hash ring: adding a node by click shows the moved-key count beside 1/N and mod N', async () => {
  const { page, errors, context } = await load('#/ring?nodes=5&keys=10000');
  await page.waitForSelector('[data-testid="ring-canvas"]');
  // Before any change the panel says what to do; after one it shows the counts instead.
  assert.equal(await page.locator('[data-testid="ring-change-hint"]').count(), 1);
  await page.click('[data-testid="ring-add"]');
  assert.equal(await page.locator('[data-testid="ring-change-hint"]').count(), 0);
  const moved = Number(await page.locator('[data-testid="ring-moved"]').innerText());
  const modN = Number(await page.locator('[data-testid="ring-modn-moved"]').innerText());
  assert.ok(moved > 1000 && moved < 2500, `about 1/6 of 10,000 keys: ${moved}`);
  assert.ok(modN > 7000, `mod N moves most keys: ${modN}`);
  await shot(page, 'ring-after-join');
  // Removing a node moves only its keys.
  await page.click('[data-testid="ring-node-2"]');
  assert.ok(Number(await page.locator('[data-testid="ring-moved"]').innerText()) < 3000);
  assert.match(await page.locator('[data-testid="ring-pref"]').innerText(), /^N\d+ → N\d+ → N\d+$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('hash ring: a join and a leave travel in the link, and the scrubber undoes them', async () => {
  const { page, errors, context } = await load('#/ring?nodes=5&keys=10000');
  await page.waitForSelector('[data-testid="ring-canvas"]');
  await page.waitForTimeout(300);
  await page.click('[data-testid="ring-add"]');
  await until(page, () => document.querySelector('[data-testid="ring-node-5"]'));
  await page.waitForTimeout(300);
  await page.click('[data-testid="ring-node-1"]');
  await until(page, () => !document.querySelector('[data-testid="ring-node-1"]'));
  const moved = await page.locator('[data-testid="ring-moved"]').innerText();
  // The address bar carries both changes (rewritten at most every 250 ms after actions);
  // a fresh page from it shows the same ring.
  await until(page, () => /act=\d+x1join,\d+x2leave/.test(location.hash));
  const link = page.url();
  assert.match(link, /act=\d+x1join,\d+x2leave/);
  const b = await load(link.slice(link.indexOf('#')));
  // The new page replays the actions as its clock reaches their times.
  await until(b.page, () => document.querySelector('[data-testid="ring-node-5"]')
    && !document.querySelector('[data-testid="ring-node-1"]'));
  assert.equal(await b.page.locator('[data-testid="ring-moved"]').innerText(), moved);
  await b.context.close();
  // Back to the start on the timeline: N1 is back, N5 gone, nothing moved yet.
  await page.locator('[data-testid="scrubber"]').fill('0');
  await until(page, () => document.querySelector('[data-testid="ring-node-1"]')
    && !document.querySelector('[data-testid="ring-node-5"]'));
  assert.equal(await page.locator('[data-testid="ring-change-hint"]').count(), 1);
  await shot(page, 'ring-rewound');
  assert.deepEqual(errors, []);
  await context.close();
});

test('bloom filter: a query shows one of the three outcomes, and the filter stops cache penetration', async () => {
  const { page, errors, context } = await load('#/bloom?m=64&k=2');
  await page.fill('[data-testid="bloom-word"]', 'alice');
  await page.click('[data-testid="bloom-insert"]');
  await page.click('[data-testid="bloom-query"]');
  assert.equal(await page.getAttribute('[data-testid="bloom-outcome"]', 'data-outcome'), 'true-hit');
  await page.fill('[data-testid="bloom-word"]', 'mallory');
  await page.click('[data-testid="bloom-query"]');
  assert.equal(await page.getAttribute('[data-testid="bloom-outcome"]', 'data-outcome'), 'definite-miss');
  // Fill a small filter until some absent word is a false positive.
  for (let i = 0; i < 3; i++) await page.click('[data-testid="bloom-insert-random"]');
  let fp = false;
  for (let i = 0; i < 200 && !fp; i++) {
    await page.fill('[data-testid="bloom-word"]', `probe-${i}`);
    await page.click('[data-testid="bloom-query"]');
    fp = (await page.getAttribute('[data-testid="bloom-outcome"]', 'data-outcome')) === 'false-positive';
  }
  assert.ok(fp, 'a crowded 64-bit filter gives a false positive');
  await shot(page, 'bloom-false-positive');
  await page.click('[data-testid="bloom-penetration"]');
  assert.equal(await page.locator('[data-testid="bloom-db-without"]').innerText(), '1000');
  await page.goto(`${server.url}#/bloom?m=4096&k=5`);
  // A new hash loads the new filter a moment later: wait for it (empty) before using it,
  // or the clicks land on the crowded 64-bit one.
  await until(page, () => document.querySelector('[data-testid="bloom-n"]')?.textContent === '0');
  await page.click('[data-testid="bloom-insert-random"]');
  await page.click('[data-testid="bloom-penetration"]');
  // 20 items in 4,096 bits with k = 5: each absent key passes with (1 − e^(−100/4096))^5
  // ≈ 8e-9, so the 1,000 probes reach the database with probability under 1e-5.
  assert.equal(await page.locator('[data-testid="bloom-db-with"]').innerText(), '0');
  assert.deepEqual(errors, []);
  await context.close();
});

test('bloom filter: inserts and queries travel in the link, and the scrubber undoes them', async () => {
  const { page, errors, context } = await load('#/bloom?m=128&k=3');
  await page.fill('[data-testid="bloom-word"]', 'New York, NY');
  await page.click('[data-testid="bloom-insert"]');
  await page.waitForTimeout(200);
  await page.click('[data-testid="bloom-insert-random"]');
  await page.click('[data-testid="bloom-query"]');
  assert.equal(await page.getAttribute('[data-testid="bloom-outcome"]', 'data-outcome'), 'true-hit');
  assert.equal(await page.innerText('[data-testid="bloom-n"]'), '21', page.url());
  await until(page, () => /act=\d+x1insert:New~20York~2C~20NY,\d+x1insert-random,\d+x1query:/.test(location.hash));
  const ones = await page.getAttribute('[data-testid="bloom-grid"]', 'data-ones');
  const link = page.url();
  assert.match(link, /act=\d+x1insert:New~20York~2C~20NY,\d+x1insert-random,\d+x1query:/);
  const b = await load(link.slice(link.indexOf('#')));
  // The new page replays the actions as its clock reaches their times.
  await until(b.page, () => document.querySelector('[data-testid="bloom-outcome"]')?.dataset.outcome === 'true-hit');
  assert.equal(await b.page.innerText('[data-testid="bloom-n"]'), '21');
  assert.equal(await b.page.getAttribute('[data-testid="bloom-grid"]', 'data-ones'), ones);
  assert.match(await b.page.innerText('[data-testid="bloom-outcome"]'), /New York, NY/);
  await b.context.close();
  // Back to the start: the filter is empty again.
  await page.locator('[data-testid="scrubber"]').fill('0');
  await until(page, () => document.querySelector('[data-testid="bloom-n"]')?.innerText === '0');
  assert.equal(await page.getAttribute('[data-testid="bloom-grid"]', 'data-ones'), '0');
  assert.deepEqual(errors, []);
  await context.close();
});

test('sweep experiments run on the gossip, bloom and ring pages and plot measured beside theory', async () => {
  // Trials per point, and how far each point's mean may be from theory: four standard
  // errors from the point's own trials plus the model's known gap (gossip: 0.1 round, see
  // src/lab/sweep.rs; bloom: 0.002, the formula against k distinct cells at m = 1024).
  for (const [url, trials, points, lines, gap] of [['#/bloom', 5, 8, 2, 0.002], ['#/gossip?nodes=50&speed=1', 12, 6, 2, 0.1], ['#/ring', 2, 9, 1, null]]) {
    const total = trials * points;
    const { page, errors, context } = await load(url);
    await page.click('[data-testid="experiments"] summary');
    await page.fill('[data-testid="exp-trials"]', String(trials));
    await page.locator('[data-testid="exp-trials"]').dispatchEvent('change');
    await page.click('[data-testid="exp-run"]');
    await until(page, (total) => document.querySelector('[data-testid="exp-count"]').textContent === `${total} / ${total}`, total, 60000);
    assert.equal(await page.locator('[data-testid="exp-plot"] polyline').count(), lines, url);
    // The CSV holds one row per trial: x, trial number, measured value, theory.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="exp-csv"]')]);
    const rows = fs.readFileSync(await csv.path(), 'utf8').trim().split('\n');
    assert.equal(rows[0], 'x,trial,value,theory');
    assert.equal(rows.length, total + 1, url);
    const byX = new Map();
    for (const r of rows.slice(1)) {
      const [x, , value, theory] = r.split(',');
      assert.ok(Number.isFinite(Number(value)), `${url}: ${r}`);
      if (!byX.has(x)) byX.set(x, { values: [], theory });
      byX.get(x).values.push(Number(value));
    }
    assert.equal(byX.size, points, url);
    for (const [x, { values, theory }] of byX) {
      if (gap === null) { assert.equal(theory, '', `${url}: the ring's spread has no theory line`); continue; }
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
      const tolerance = 4 * sd / Math.sqrt(values.length) + gap;
      assert.ok(Math.abs(mean - Number(theory)) <= tolerance, `${url} at x = ${x}: measured ${mean}, theory ${theory} (± ${tolerance})`);
    }
    if (url === '#/bloom') await shot(page, 'bloom-sweep');
    assert.deepEqual(errors, [], url);
    await context.close();
  }
});

test('a small gossip cluster is drawn with links, and cutting a link by click isolates the way', async () => {
  const { page, errors, context } = await load('#/gossip?preset=free&nodes=12&speed=10');
  await page.waitForSelector('[data-testid="cluster"]');
  assert.equal(await page.locator('[data-testid="crowd"]').count(), 0);
  for (let other = 2; other <= 12; other++) await page.locator(`[data-testid="link-1-${other}"]`).dispatchEvent('click');
  assert.equal(await page.locator('[data-testid^="link-1-"][data-state="cut"]').count(), 11);
  await page.click('[data-testid="node-2"]');
  await page.click('[data-testid="action-infect"]');
  await until(page, () => document.querySelector('[data-testid="status-infected"] b').textContent === '11 / 12', null, 30000);
  // Twenty more rounds of virtual time, and N1 still has not heard.
  await virtualAfter(page, await virtualMs(page), 2000);
  assert.equal(await page.locator('[data-testid="status-infected"] b').innerText(), '11 / 12', 'N1 is cut off from everyone');
  assert.equal(await page.getAttribute('[data-testid="node-1"]', 'data-role'), 'susceptible');
  assert.equal(await page.locator('[data-testid="spread-chart"]').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('gossip: the node count is a number box (8–500), and a typed count restarts the run with it', async () => {
  const { page, errors, context } = await load('#/gossip?nodes=50&speed=2');
  await page.waitForSelector('[data-testid="nodes"]');
  assert.equal(await page.evaluate(() => document.querySelector('[data-testid="nodes"]').tagName), 'INPUT');
  assert.equal(await page.getAttribute('[data-testid="nodes"]', 'max'), '500');
  await page.fill('[data-testid="nodes"]', '120');
  await page.locator('[data-testid="nodes"]').dispatchEvent('change');
  await until(page, () => /[?&]nodes=120(&|$)/.test(location.hash));
  await until(page, () => /\/ 120$/.test(document.querySelector('[data-testid="status-infected"] b')?.textContent || ''));
  // Out of range: clamped, with a notice.
  await page.fill('[data-testid="nodes"]', '9000');
  await page.locator('[data-testid="nodes"]').dispatchEvent('change');
  await until(page, () => /[?&]nodes=500(&|$)/.test(location.hash));
  await page.waitForSelector('[data-testid="notices"]');
  assert.deepEqual(errors, []);
  await context.close();
});
