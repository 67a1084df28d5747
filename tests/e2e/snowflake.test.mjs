// The snowflake IDs page in Debian's Chromium: a clock stepped back and ignored issues
// duplicate IDs (the monitor fires); "wait" answers late and unique; a student steps a
// generator's clock back by hand under "refuse" and sees errors, in the link too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, shot, until } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const status = (page, key) => page.evaluate((key) => document.querySelector(`[data-testid="status-${key}"] b`)?.textContent, key);

test('snowflake, clock stepped back and ignored: G1 issues 460.1.0 and 510.1.0 again — duplicates, the rule named', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/snowflake?preset=clock-back-ignore&speed=1`);
  await until(page, () => document.querySelector('[data-testid="status-dups"] b')?.textContent === '2', null, 30000);
  // Pause (at 1× the strips move slowly enough that the click lands before the duplicates
  // scroll out of G1's shown cells on a slow machine).
  await page.click('[data-testid="btn-play"]'); // pause: the strips keep the moment
  await until(page, () => document.querySelector('[data-testid="violation"]'));
  assert.match(await page.locator('[data-testid="violation"]').innerText(), /G1 issued 460\.1\.0, which G1 had issued before/);
  const red = await page.evaluate(() => [...document.querySelectorAll('[data-testid="log-1"] .entry.op-lost')].map((e) => e.dataset.value));
  assert.deepEqual(red, ['460.1.0 ✗', '510.1.0 ✗']);
  // On G1's own strip the IDs its gone-back clock stamped are red too.
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('[data-testid="log-2"] .entry.op-lost')].map((e) => e.dataset.value)), ['460.1.0', '510.1.0']);
  await shot(page, 'snowflake-duplicates');
  assert.deepEqual(errors, []);
  await context.close();
});

test('snowflake, clock stepped back with "wait": unique IDs, one answer ~70 ms late (Chinese)', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/snowflake?preset=clock-back-wait&speed=4&lang=zh`);
  await until(page, () => document.querySelector('[data-testid="status-latency"] b')?.textContent === '71 ms', null, 30000);
  assert.equal(await status(page, 'dups'), '0');
  assert.equal(await page.locator('[data-testid="violation"]').count(), 0);
  await until(page, () => /等待时钟越过 510 ms/.test(document.querySelector('[data-testid="event-log"]')?.textContent ?? ''));
  await shot(page, 'snowflake-wait-zh');
  assert.deepEqual(errors, []);
  await context.close();
});

test('snowflake, a student steps G2\'s clock back under "refuse": errors, no duplicate, and the jump is in the link', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/snowflake?preset=clock-back-refuse&speed=2&jumpms=300`);
  await until(page, () => Number(document.querySelector('[data-testid="status-ids"] b')?.textContent) > 6);
  await page.click('[data-testid="node-3"]');
  await page.click('[data-testid="action-clock-back"]');
  await until(page, () => Number(document.querySelector('[data-testid="status-refused"] b')?.textContent) >= 3, null, 30000);
  assert.equal(await status(page, 'dups'), '0');
  assert.equal(await page.locator('[data-testid="node-3"]').getAttribute('data-state'), 'behind');
  await until(page, () => /act=\d+j3:-300/.test(location.hash));
  assert.deepEqual(errors, []);
  await context.close();
});
