// The CAP page in Debian's Chromium: the same partition under CP (the minority side
// refuses, counted per side), under AP (both sides answer and diverge; last writer wins
// loses a write, siblings keep both until a write merges them), "break it" caught, and
// the checker on a diverged run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, shot, until } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const status = (page, key) => page.evaluate((key) => document.querySelector(`[data-testid="status-${key}"] b`)?.textContent, key);
const statusIs = (page, key, re) => until(page, ([key, src]) => {
  const el = document.querySelector(`[data-testid="status-${key}"] b`);
  return el && new RegExp(src).test(el.textContent) ? el.textContent : null;
}, [key, re.source], 30000);
const cells = (page, n) => page.evaluate((n) => [...document.querySelectorAll(`[data-testid="log-${n}"] .entry`)].map((e) => e.dataset.value + (e.classList.contains('op-lost') ? ' red' : '')), n);

test('CAP, CP: the minority side refuses (availability 0 there), the majority side goes on, nothing stale', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/cap?preset=cp-partition&speed=4`);
  // C2 (node 5) is with S3: its write and read are refused; after healing it reads 21.
  await until(page, () => (document.querySelector('[data-testid="log-5"]')?.textContent ?? '').includes('→ 21'), null, 30000);
  assert.deepEqual(await cells(page, 5), ['12 ✗ refused red', '✗ refused red', '→ 21']);
  assert.match(await status(page, 'side-b'), /^answered 1\/3 · stale 0/);
  assert.match(await status(page, 'side-a'), /^answered 3\/3 · stale 0 · mean 120 ms/);
  assert.match(await page.getAttribute('[data-testid="status-side-b"]', 'class'), /alarm/);
  assert.equal(await page.locator('[data-testid="violation"]').count(), 0);
  await shot(page, 'cap-cp-partition');
  assert.deepEqual(errors, []);
  await context.close();
  // Broken: the minority answers alone, and the monitor says CP was not kept.
  const broken = await open(browser, `${server.url}#/cap?preset=cp-partition&minority=1&speed=4`);
  await until(broken.page, () => document.querySelector('[data-testid="violation"]'));
  assert.match(await broken.page.locator('[data-testid="violation"]').innerText(), /CP: a write is accepted only with a majority/);
  assert.deepEqual(broken.errors, []);
  await broken.context.close();
});

test('CAP, AP with last writer wins: both sides answer, diverge, and C2\'s acknowledged write is lost on healing', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/cap?preset=ap-lww&speed=4`);
  await statusIs(page, 'lost', /^1$/);
  await until(page, () => (document.querySelector('[data-testid="log-5"]')?.textContent ?? '').split('→').length === 3, null, 30000);
  // C2: wrote 12 (lost), read its own 12 during the split (stale: C1's 21 was acknowledged), then 21.
  assert.deepEqual(await cells(page, 5), ['12 ✗ lost red', '→ 12 ✗ stale red', '→ 21']);
  for (const s of [1, 2, 3]) assert.equal(await page.evaluate((s) => document.querySelector(`[data-testid="log-${s}"] .entry`).dataset.value, s), '21');
  // Both sides stayed available.
  assert.match(await status(page, 'side-a'), /^answered 3\/3/);
  assert.match(await status(page, 'side-b'), /^answered 3\/3 · stale 1 · mean 40 ms/);
  await page.click('[data-testid="check-consistency"]');
  await until(page, () => document.querySelector('[data-testid="consistency-strongest"]'));
  assert.equal(await page.getAttribute('[data-testid="model-linearizable"]', 'data-holds'), 'no');
  assert.equal(await page.locator('[data-testid="violation"]').count(), 0, 'AP promised no such thing');
  await shot(page, 'cap-ap-lww');
  assert.deepEqual(errors, []);
  await context.close();
});

test('CAP, AP with siblings: the copies keep both writes, C2 reads both, its next write merges them', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/cap?preset=ap-siblings&speed=4`);
  await until(page, () => [...document.querySelectorAll('[data-testid="log-5"] .entry')].some((e) => /12\|21|21\|12/.test(e.dataset.value)), null, 30000);
  // Then C2's write of 42 merges them: one value everywhere, nothing lost.
  await until(page, () => [1, 2, 3].every((s) => {
    const es = document.querySelectorAll(`[data-testid="log-${s}"] .entry`);
    return es.length === 1 && es[0].dataset.value === '42';
  }), null, 30000);
  assert.equal(await status(page, 'lost'), '0');
  assert.deepEqual(errors, []);
  await context.close();
});

test('CAP in Chinese uses the course terms', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/cap?preset=ap-lww&speed=4&lang=zh`);
  const terms = ['CAP 定理', '一致性', '可用性', '网络分区', '最终一致性', '最后写入者胜'];
  await until(page, (terms) => terms.every((t) => document.body.innerText.includes(t)), terms);
  assert.deepEqual(errors, []);
  await context.close();
});
