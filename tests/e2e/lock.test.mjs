// The locks & fencing page (the time chapter's first) in Debian's Chromium: the paused
// holder loses an update without fencing and the monitor names the rule; with fencing the
// stale write is refused; a student's own pause and clock jump (the inspector's time
// faults) are applied, drawn, narrated and carried by the link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, shot, until } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const status = (page, key) => page.evaluate((key) => document.querySelector(`[data-testid="status-${key}"] b`)?.textContent, key);
/** The values of node `n`'s strip cells, plus " red" for a red one. */
const cells = (page, n) => page.evaluate((n) => [...document.querySelectorAll(`[data-testid="log-${n}"] .entry`)].map((e) => e.dataset.value + (e.classList.contains('op-lost') ? ' red' : '')), n);

test('lock, paused holder without fencing: C1 wakes after its lock expired and overwrites C2 — one increment lost, the rule named', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/lock?preset=paused-holder&speed=4`);
  // Mid-run: C1 (node 2) is paused while C2 waits for the lock.
  await until(page, () => document.querySelector('[data-testid="node-2"]')?.dataset.state === 'paused', null, 20000);
  await until(page, () => document.querySelector('.st-op.pause-span'));
  await until(page, () => document.querySelector('[data-testid="violation"]'), null, 30000);
  assert.match(await page.locator('[data-testid="violation"]').innerText(), /older fencing token/);
  // C1 is told its write succeeded 10 ms after the storage took it.
  await until(page, () => document.querySelector('[data-testid="status-lost"] b')?.textContent === '2 / 1 / 1');
  assert.match(await status(page, 'overlap'), /^1 \(C1, C2\)/);
  // The storage (node 4) took C2's 1 with token 2, then C1's 1 with the old token 1.
  assert.deepEqual(await cells(page, 4), ['1#2✓', '1#1⚠ red']);
  assert.deepEqual(await cells(page, 1), ['1:C1', '2:C2']);
  await shot(page, 'lock-paused-holder');
  assert.deepEqual(errors, []);
  await context.close();
});

test('lock, paused holder with fencing tokens: the storage refuses token 1, nothing acknowledged is lost (Chinese, phone)', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/lock?preset=paused-holder-fenced&speed=4&lang=zh`, { viewport: { width: 390, height: 844 }, touch: true });
  await until(page, () => (document.querySelector('[data-testid="log-4"]')?.textContent ?? '').includes('✗'), null, 30000);
  assert.deepEqual(await cells(page, 4), ['1#2✓', '1#1✗ red']);
  await until(page, () => document.querySelector('[data-testid="status-lost"] b')?.textContent === '1 / 1 / 0');
  assert.equal(await page.locator('[data-testid="violation"]').count(), 0);
  await until(page, () => /拒绝令牌 1：已见过 2（栅栏）/.test(document.querySelector('[data-testid="event-log"]')?.textContent ?? ''));
  await shot(page, 'lock-fenced-phone-zh');
  assert.deepEqual(errors, []);
  await context.close();
});

test('lock, a student pauses a client and steps the lock service\'s clock: both applied, drawn, narrated, and in the link', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/lock?preset=watchdog&speed=2`);
  await page.click('[data-testid="node-2"]');
  await page.click('[data-testid="action-pause"]');
  await until(page, () => document.querySelector('[data-testid="node-2"]')?.dataset.state === 'paused');
  await until(page, () => /paused for 500 ms/.test(document.querySelector('[data-testid="event-log"]')?.textContent ?? ''));
  await until(page, () => document.querySelector('.st-op.pause-span'));
  // The lock service's clock jumps 100 ms forward: its clock now reads ahead of true time.
  await page.click('[data-testid="node-1"]');
  await page.click('[data-testid="action-clock-forward"]');
  await until(page, () => /Local clock/.test(document.querySelector('[data-testid="inspector"]')?.textContent ?? ''));
  await until(page, () => /clock jumped forward 100 ms/.test(document.querySelector('[data-testid="event-log"]')?.textContent ?? ''));
  await until(page, () => /act=\d+z2:500,\d+j1:100/.test(location.hash), null, 10000);
  assert.deepEqual(errors, []);
  await context.close();
});
