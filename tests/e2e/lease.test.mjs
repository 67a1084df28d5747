// The lease page in Debian's Chromium: caches whose clocks run 25 % slow serve a value S
// has overwritten (the rule and the broken bound named); a paused primary answers after
// its lease moved on (two primaries, in Chinese) unless it checks again; a student steps a
// cache's clock back from the inspector and sees the stale read it causes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, shot, until } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const status = (page, key) => page.evaluate((key) => document.querySelector(`[data-testid="status-${key}"] b`)?.textContent, key);

test('leases, caches 25 % slow: C1 answers v1 after S applied v2 — the rule and the broken bound named', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/lease?preset=cache-drift-broken&speed=4`);
  await until(page, () => document.querySelector('[data-testid="status-stale"] b')?.textContent === '1', null, 30000);
  await page.click('[data-testid="btn-play"]');
  assert.match(await page.locator('[data-testid="violation"]').innerText(), /No stale read under a lease.*C1 answered version 1 from its lease after S had applied version 2/s);
  assert.match(await status(page, 'bound'), /≤ 10 % slow · holders 25 % slow ✗/);
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('[data-testid="log-2"] .entry.op-lost')].map((e) => e.dataset.value)), ['v1']);
  await shot(page, 'lease-stale-read');
  assert.deepEqual(errors, []);
  await context.close();
  // Within the bound: the same run is safe.
  const safe = await open(browser, `${server.url}#/lease?preset=cache-drift-within&speed=4`);
  await until(safe.page, () => document.querySelector('[data-testid="node-1"]')?.querySelector('.node-term')?.textContent === 'v2', null, 30000);
  await safe.page.waitForTimeout(500);
  assert.equal(await status(safe.page, 'stale'), '0');
  assert.match(await status(safe.page, 'bound'), /✓/);
  assert.equal(await safe.page.locator('[data-testid="violation"]').count(), 0);
  await safe.context.close();
});

test('leases, a paused primary (Chinese): R1 answers as primary after R2 took over — two primaries named; re-checking stops it', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/lease?preset=leader-pause&speed=4&lang=zh`);
  await until(page, () => document.querySelector('[data-testid="status-usurp"] b')?.textContent === '1', null, 30000);
  await page.click('[data-testid="btn-play"]');
  assert.match(await page.locator('[data-testid="violation"]').innerText(), /同一时刻只有一个主节点/);
  assert.equal(await status(page, 'primary'), 'R2');
  await shot(page, 'lease-two-primaries-zh');
  assert.deepEqual(errors, []);
  await context.close();
  const fixed = await open(browser, `${server.url}#/lease?preset=leader-pause-recheck&speed=4`);
  await until(fixed.page, () => /checks again before answering: the lease has run out/.test(document.querySelector('[data-testid="event-log"]')?.textContent ?? ''), null, 30000);
  await fixed.page.waitForTimeout(300);
  assert.equal(await status(fixed.page, 'usurp'), '0');
  assert.equal(await fixed.page.locator('[data-testid="violation"]').count(), 0);
  await fixed.context.close();
});

test('leases, a student steps C1\'s clock back a second: its lease outlives S\'s, a stale read; the jump is in the link', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/lease?preset=free&writes=700&every=100&speed=4&jumpms=1000&lmin=10&lmax=10`);
  await until(page, () => document.querySelector('[data-testid="node-2"]')?.dataset.state === 'holds', null, 30000);
  await page.click('[data-testid="node-2"]');
  await page.click('[data-testid="action-clock-back"]');
  await until(page, () => /act=\d+j2:-1000/.test(location.hash));
  await until(page, () => Number(document.querySelector('[data-testid="status-stale"] b')?.textContent) >= 1, null, 30000);
  assert.match(await page.locator('[data-testid="violation"]').innerText(), /C1 answered version \d+ from its lease/);
  assert.deepEqual(errors, []);
  await context.close();
});
