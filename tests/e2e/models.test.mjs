// The consistency-models page in Debian's Chromium: each textbook history gets its
// textbook verdict; a history drawn by hand (drag along a lane) is checked at once, its
// witness lit; a selected operation is deleted; a text that is not a history is refused
// with the reason; the link carries the drawn history.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, shot, until } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const EDITOR = { wait: '[data-testid="history-drawing"]' };
const strongest = (page) => until(page, () => document.querySelector('[data-testid="consistency-strongest"]')?.dataset.model);
const holds = (page, id) => page.getAttribute(`[data-testid="${id}"]`, 'data-holds');

test('consistency models: every textbook history gets its textbook verdict', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/consistency?preset=linearizable`, EDITOR);
  const expect = {
    linearizable: 'linearizable',
    'stale-read': 'sequential',
    'new-old': 'sequential',
    'causal-not-sequential': 'causal',
  };
  for (const [preset, model] of Object.entries(expect)) {
    await page.click(`[data-testid="preset-${preset}"]`);
    await until(page, (m) => document.querySelector('[data-testid="consistency-strongest"]')?.dataset.model === m, model);
  }
  await page.click('[data-testid="preset-ryw-failover"]');
  await until(page, () => document.querySelector('[data-testid="session-ryw"]')?.dataset.holds === 'no');
  await page.click('[data-testid="preset-monotonic-reads"]');
  await until(page, () => document.querySelector('[data-testid="session-mr"]')?.dataset.holds === 'no');
  assert.match(await page.locator('[data-testid="witness-mr"]').innerText(), /^B read 1 .*then read 0/);
  // The witness's operations are lit on the drawing: both of B's reads.
  await until(page, () => ['hop-1', 'hop-2'].every((id) => document.querySelector(`[data-testid="${id}"]`).classList.contains('witness')));
  await shot(page, 'models-monotonic-reads');
  assert.deepEqual(errors, []);
  await context.close();
});

test('consistency models: draw a stale read by dragging along a lane, see it judged, delete it, share it', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/consistency?preset=linearizable`, EDITOR);
  assert.equal(await strongest(page), 'linearizable');
  // A read of 0 on client C's lane, after A's write finished.
  await page.click('[data-testid="draw-read"]');
  await page.fill('[data-testid="draw-value"]', '0');
  await page.dispatchEvent('[data-testid="draw-value"]', 'change');
  const box = await page.locator('[data-testid="history-drawing"]').boundingBox();
  const at = (msFraction, lane) => {
    // Lanes start 24 units down, 44 apart, in a 960-unit-wide drawing.
    const scale = box.width / 960;
    return { x: box.x + (36 + msFraction * (960 - 48)) * scale, y: box.y + (24 + lane * 44 + 21) * scale };
  };
  const a = at(0.4, 2), b = at(0.6, 2);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
  await until(page, () => /C r0 \d+-\d+/.test(document.querySelector('[data-testid="history-text"]').value));
  await until(page, () => document.querySelector('[data-testid="consistency-strongest"]')?.dataset.model === 'sequential');
  assert.equal(await holds(page, 'model-linearizable'), 'no');
  assert.match(await page.locator('[data-testid="witness-linearizable"]').innerText(), /^C read 0 .*though A wrote 1/);
  await until(page, () => document.querySelectorAll('.h-op.witness').length === 2);
  await shot(page, 'models-drawn-stale-read');
  // The link carries the drawn history.
  const url = await page.evaluate(() => location.href);
  const again = await open(browser, url, EDITOR);
  await until(again.page, () => /C r0/.test(document.querySelector('[data-testid="history-text"]').value));
  assert.equal(await strongest(again.page), 'sequential');
  await again.context.close();
  // Select the drawn read and delete it: linearizable again.
  await page.click('[data-testid="hop-2"]');
  await page.click('[data-testid="delete-op"]');
  await until(page, () => document.querySelector('[data-testid="consistency-strongest"]')?.dataset.model === 'linearizable');
  assert.equal(await page.locator('.h-op').count(), 2);
  assert.deepEqual(errors, []);
  assert.deepEqual(again.errors, []);
  await context.close();
});

test('consistency models: a text that is not a history is refused with the reason, and the history stays', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/consistency?preset=stale-read`, EDITOR);
  await page.fill('[data-testid="history-text"]', 'A w1 0-10; A r1 5-20');
  await page.click('[data-testid="apply-text"]');
  assert.match(await page.locator('[data-testid="history-error"]').innerText(), /Operation 2 overlaps an earlier operation of the same client/);
  assert.equal(await page.locator('.h-op').count(), 2);
  assert.equal(await strongest(page), 'sequential');
  // A good text is taken.
  await page.fill('[data-testid="history-text"]', 'A w5 0-10; B r5 20-30; C w7 40-?');
  await page.click('[data-testid="apply-text"]');
  await until(page, () => document.querySelectorAll('.h-op').length === 3);
  assert.equal(await page.locator('[data-testid="history-error"]').count(), 0);
  await until(page, () => document.querySelector('[data-testid="consistency-strongest"]')?.dataset.model === 'linearizable');
  // On a phone the editor fits the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  const wide = await page.evaluate(() => [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.preset-list')).map((e) => e.className?.baseVal ?? e.className));
  assert.deepEqual(wide, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('consistency models: a violated model names its counterexample, the fewest operations that already break it (Chinese too)', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/consistency?preset=causal-not-sequential`, EDITOR);
  await until(page, () => document.querySelector('[data-testid="consistency-strongest"]')?.dataset.model === 'causal');
  // Sequential fails: C saw 1 then 2, D saw 2 then 1 — all four reads are needed, and the
  // two writes they return; nothing else.
  const seq = await page.locator('[data-testid="witness-sequential"]').innerText();
  assert.match(seq, /^These 6 operations alone already break it: /, seq);
  assert.match(seq, /A wrote 1 \(0–10 ms\)/, 'times in ms, as the drawing\'s axis');
  for (const who of ['A wrote 1', 'B wrote 2', 'C read 1', 'C read 2', 'D read 2', 'D read 1']) assert.ok(seq.includes(who), `${who} in ${seq}`);
  assert.match(await page.innerText('[data-testid="consistency-checked"]'), /checked on 6 operations$/);
  // A causal violation has one too: B saw the new value, then the old one.
  await page.fill('[data-testid="history-text"]', 'A w1 0-10; B r1 20-30; B r0 40-50; C w7 0-5');
  await page.click('[data-testid="apply-text"]');
  await until(page, () => document.querySelector('[data-testid="model-causal"]')?.dataset.holds === 'no');
  const causal = await page.locator('[data-testid="witness-causal"]').innerText();
  assert.match(causal, /^These 3 operations alone already break it: /, causal);
  assert.ok(!causal.includes('C wrote 7'), `the unrelated write is left out: ${causal}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('consistency models on a phone: lanes at least 40 px apart and labels at least 11 px, drawable by touch', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/consistency?preset=stale-read&lang=zh`, { ...EDITOR, viewport: { width: 390, height: 844 }, touch: true });
  const m = await page.evaluate(() => {
    const svg = document.querySelector('[data-testid="history-drawing"]');
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const lanes = [...svg.querySelectorAll('.st-lane')].map((l) => l.getBoundingClientRect().top);
    const font = (sel) => parseFloat(getComputedStyle(svg.querySelector(sel)).fontSize) * scale;
    return { width: svg.getBoundingClientRect().width, gap: lanes[1] - lanes[0], name: font('.st-name'), op: font('.h-op text'), tick: font('.st-tick') };
  });
  assert.ok(m.gap >= 40, `lanes ${m.gap} px apart`);
  for (const k of ['name', 'op', 'tick']) assert.ok(m[k] >= 11, `${k} labels ${m[k]} px`);
  assert.ok(m.width <= 390, `the drawing fits the screen: ${m.width}`);
  // A drawn history has nothing random in it: no seed to set, no keys to play.
  assert.equal(await page.locator('[data-testid="btn-random-seed"]').count(), 0);
  assert.equal(await page.locator('.keys-hint').count(), 0);
  assert.equal(await page.locator('details.settings:visible').count(), 0, 'no empty settings panel');
  // A drag along C's lane by touch draws an operation.
  const before = await page.locator('[data-testid^="hop-"]').count();
  const box = await page.locator('[data-testid="history-drawing"]').boundingBox();
  const laneY = await page.evaluate(() => document.querySelectorAll('.st-lane')[2].getBoundingClientRect().top);
  await page.mouse.move(box.x + box.width * 0.3, laneY - 8);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, laneY - 8, { steps: 5 });
  await page.mouse.up();
  await until(page, (n) => document.querySelectorAll('[data-testid^="hop-"]').length === n + 1, before);
  await shot(page, 'models-phone-zh');
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 390, `page ${wide} px wide`);
  assert.deepEqual(errors, []);
  await context.close();
});
