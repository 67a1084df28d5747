// The Redlock page in Debian's Chromium: Kleppmann's clock jump gives two clients the lock
// (the status names the broken assumption, the monitor the broken rule); on the consensus
// lock the paused holder's old token is refused (Chinese, phone); switching the service on
// a running page keeps the scenario.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, shot, until } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const status = (page, key) => page.evaluate((key) => document.querySelector(`[data-testid="status-${key}"] b`)?.textContent, key);
/** The values of node `n`'s strip cells, plus " red" for a red one. */
const cells = (page, n) => page.evaluate((n) => [...document.querySelectorAll(`[data-testid="log-${n}"] .entry`)].map((e) => e.dataset.value + (e.classList.contains('op-lost') ? ' red' : '')), n);

test('redlock, clock jump: S3 forgets C1\'s key, C2 gets S3–S5, both hold the lock — assumption and rule named, one increment lost', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/redlock?preset=redlock-jump&speed=2`);
  await until(page, () => document.querySelector('[data-testid="violation"]'), null, 30000);
  assert.match(await page.locator('[data-testid="violation"]').innerText(), /Two clients never hold the lock within its validity at once.*C1, C2 hold the lock at once/);
  // S3 (node 3) runs 600 ms ahead: the status says the assumption is broken.
  assert.match(await status(page, 'assumes'), /S3 \+600 ms/);
  assert.ok(await page.evaluate(() => document.querySelector('[data-testid="status-assumes"]').classList.contains('alarm')));
  // Both clients (nodes 6, 7) hold the lock, drawn red; S1, S2 keep C1's key, S3–S5 C2's.
  assert.match(await status(page, 'holders'), /C1, C2/);
  assert.ok(await page.evaluate(() => ['node-6', 'node-7'].every((n) => document.querySelector(`[data-testid="${n}"]`).classList.contains('tone-red'))));
  assert.deepEqual(await page.evaluate(() => [1, 2, 3, 4, 5].map((n) => document.querySelector(`[data-testid="node-${n}"]`).dataset.state)), ['held', 'held', 'held', 'held', 'held']);
  await shot(page, 'redlock-jump-two-holders');
  await until(page, () => document.querySelector('[data-testid="status-lost"] b')?.textContent === '2 / 1 / 1', null, 30000);
  // C2's write of 1 came after C1's 1: it undid an acknowledged increment (red, ⚠).
  assert.deepEqual(await cells(page, 8), ['C1:1✓', 'C2:1⚠ red']);
  assert.match(await status(page, 'overlap'), /^1 \(C1, C2\)/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('redlock, consensus lock: the paused holder\'s token 1 is refused after C2 got token 3 (Chinese, phone)', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/redlock?preset=consensus-pause&speed=4&lang=zh`, { viewport: { width: 390, height: 844 }, touch: true });
  await until(page, () => (document.querySelector('[data-testid="log-8"]')?.textContent ?? '').includes('✗'), null, 30000);
  assert.deepEqual(await cells(page, 8), ['C2:1✓', 'C1:1✗ red']);
  // The leader's log: grant C1, expiry of 1, grant C2.
  assert.deepEqual((await cells(page, 1)).slice(0, 3), ['1:→C1', '2:×#1', '3:→C2']);
  await until(page, () => document.querySelector('[data-testid="status-lost"] b')?.textContent === '1 / 1 / 0');
  assert.equal(await page.locator('[data-testid="violation"]').count(), 0);
  await until(page, () => /拒绝令牌 1：已见过 3（栅栏）/.test(document.querySelector('[data-testid="event-log"]')?.textContent ?? ''));
  await shot(page, 'redlock-consensus-fenced-phone-zh');
  assert.deepEqual(errors, []);
  await context.close();
});

test('redlock, a student jumps S3\'s clock on the safe preset: with the cuts, C2 now gets its majority — and the link carries the jump', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/redlock?preset=redlock-cuts&speed=1`);
  // Once C1 holds S1–S3 (and before C2 asks at 250 ms), pause, step S3's clock 600 ms
  // forward by hand, play on.
  await until(page, () => document.querySelector('[data-testid="node-6"]')?.dataset.state === 'working', null, 20000);
  await page.click('[data-testid="btn-play"]');
  await page.click('[data-testid="node-3"]');
  await page.click('[data-testid="action-clock-forward"]');
  await until(page, () => /j3:600/.test(location.hash), null, 10000);
  await page.click('[data-testid="btn-play"]');
  await until(page, () => document.querySelector('[data-testid="violation"]'), null, 30000);
  assert.match(await status(page, 'assumes'), /S3 \+600 ms/);
  assert.deepEqual(errors, []);
  await context.close();
});
