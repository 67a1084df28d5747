// The failure-detector page in Debian's Chromium: a crash detected by both detectors (the
// plot marks it, the status times it); a GC pause suspected by both — the accuracy rule
// named, in Chinese; a student's own pause from the inspector, in the link; and the
// trade-off experiment's curves and CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, shot, until } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const status = (page, key) => page.evaluate((key) => document.querySelector(`[data-testid="status-${key}"] b`)?.textContent, key);
const lane = (page, name) => page.evaluate((name) => ({ ...document.querySelector(`[data-testid="lane-${name}"]`)?.dataset }), name);

test('failure detectors, a crash: both detectors suspect P1 (timeout ≤ 250 ms, φ sooner), the plot marks it, P2 stays trusted', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/failure-detector?preset=crash&speed=4`);
  await until(page, () => /P1 \d+ ms \| \d+ ms/.test(document.querySelector('[data-testid="status-detect"] b')?.textContent ?? ''), null, 30000);
  await page.click('[data-testid="btn-play"]');
  const [, timeout, phi] = (await status(page, 'detect')).match(/P1 (\d+) ms \| (\d+) ms/).map(Number);
  assert.ok(timeout > 100 && timeout <= 250, `timeout ${timeout}`);
  assert.ok(phi < timeout, `φ ${phi} before the timeout ${timeout}`);
  assert.equal(await status(page, 'false'), '0 | 0');
  assert.equal(await page.locator('[data-testid="node-2"]').getAttribute('data-role'), 'crashed');
  assert.equal(await page.locator('[data-testid="node-3"]').getAttribute('data-state'), 'trusted');
  const p1 = await lane(page, 'P1');
  assert.equal(p1.crashes, '1');
  assert.equal(p1.timeoutSpans, '1');
  assert.equal(p1.phiSpans, '1');
  assert.ok(Number(p1.phi) > 8, `φ now ${p1.phi}`);
  const p2 = await lane(page, 'P2');
  assert.equal(p2.timeoutSpans, '0');
  assert.ok(Number(p2.arrivals) >= 20, `P2's heartbeats on the plot: ${p2.arrivals}`);
  assert.equal(await page.locator('[data-testid="violation"]').count(), 0);
  await shot(page, 'fd-crash');
  assert.deepEqual(errors, []);
  await context.close();
});

test('failure detectors, a GC pause (Chinese): both suspect a live process — the accuracy rule named — and trust it again', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/failure-detector?preset=gc-pause&speed=4&lang=zh`);
  await until(page, () => document.querySelector('[data-testid="status-false"] b')?.textContent === '1 | 1', null, 30000);
  await until(page, () => document.querySelector('[data-testid="node-2"]')?.dataset.state === 'trusted', null, 30000);
  await page.click('[data-testid="btn-play"]');
  await until(page, () => document.querySelector('[data-testid="violation"]'));
  assert.match(await page.locator('[data-testid="violation"]').innerText(), /准确性：不怀疑存活的进程/);
  assert.match(await page.locator('[data-testid="event-log"]').innerText(), /撤销怀疑/);
  await shot(page, 'fd-gc-pause-zh');
  assert.deepEqual(errors, []);
  await context.close();
});

test('failure detectors, a student pauses P2 from the inspector: suspected while alive, the pause in the link', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/failure-detector?speed=2&pausems=800`);
  await until(page, () => Number(document.querySelector('[data-testid="lane-P2"]')?.dataset.arrivals) >= 10, null, 30000);
  await page.click('[data-testid="node-3"]');
  await page.click('[data-testid="action-pause"]');
  await until(page, () => /act=\d+z3:800/.test(location.hash));
  await until(page, () => document.querySelector('[data-testid="status-false"] b')?.textContent === '1 | 1', null, 30000);
  assert.equal((await lane(page, 'P2')).timeoutSpans, '1');
  assert.equal((await lane(page, 'P1')).timeoutSpans, '0');
  assert.deepEqual(errors, []);
  await context.close();
});

test('failure detectors, the trade-off experiment: two curves of eight points, eager settings suspect wrongly, CSV', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/failure-detector?preset=free&loss=10&lmax=120`);
  await page.click('[data-testid="btn-play"]');
  await page.locator('[data-testid="experiments"] summary').click();
  await page.fill('[data-testid="exp-trials"]', '3');
  await page.locator('[data-testid="exp-trials"]').dispatchEvent('change');
  await page.click('[data-testid="exp-run"]');
  await until(page, () => document.querySelector('[data-testid="exp-count"]')?.textContent === '24 / 24', null, 60000);
  for (const c of ['timeout', 'phi']) {
    assert.equal(await page.locator(`[data-testid="curve-${c}"]`).getAttribute('data-points'), '8');
    const eager = Number(await page.locator(`[data-testid="tradeoff-${c}-0"]`).getAttribute('data-false'));
    const patient = Number(await page.locator(`[data-testid="tradeoff-${c}-7"]`).getAttribute('data-false'));
    assert.ok(eager > patient, `${c}: ${eager} vs ${patient}`);
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="exp-csv"]')]);
  assert.equal(download.suggestedFilename(), 'failure-detectors-tradeoff.csv');
  await page.locator('[data-testid="experiments"]').scrollIntoViewIfNeeded();
  await shot(page, 'fd-tradeoff');
  assert.deepEqual(errors, []);
  await context.close();
});

test('failure detectors, a teacher raises the jitter mid-run with the slider: the timeout starts suspecting live processes; the change is in the link', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/failure-detector?preset=free&speed=10`);
  await until(page, () => Number(document.querySelector('[data-testid="lane-P1"]')?.dataset.arrivals) >= 10, null, 30000);
  assert.equal(await status(page, 'false'), '0 | 0');
  await page.evaluate(() => {
    const s = document.querySelector('[data-testid="net-lmax"]');
    s.value = '200';
    s.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await until(page, () => /act=\d+n10:200:0/.test(location.hash));
  await until(page, () => Number(document.querySelector('[data-testid="status-false"] b')?.textContent.split(' | ')[0]) >= 1, null, 60000);
  assert.equal(await page.locator('[data-testid="net-lmax"]').inputValue(), '200');
  assert.deepEqual(errors, []);
  await context.close();
});
