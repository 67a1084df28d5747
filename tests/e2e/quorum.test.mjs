// The Quorum NWR page in Debian's Chromium: each preset plays to the outcome its text
// promises (a stale read with W + R ≤ N, the overlap and read repair, the failed write
// that is seen then unseen, the sloppy quorum's handoff), a student's clicks (write, kill
// servers) do what the quorum rule says, "break it" is caught, the checker names the
// broken guarantee, and the experiment measures stale reads beside the PBS arithmetic.
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
/** The cells of node `n`'s strip: value, plus " red" for a red (stale / failed) one. */
const cells = (page, n) => page.evaluate((n) => [...document.querySelectorAll(`[data-testid="log-${n}"] .entry`)].map((e) => e.dataset.value + (e.classList.contains('op-lost') ? ' red' : '')), n);

test('quorum, W + R ≤ N: two lost messages and C2 reads the old value, marked stale', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/quorum?preset=stale-read&speed=4`);
  await statusIs(page, 'stale', /^1$/);
  assert.match(await page.getAttribute('[data-testid="status-stale"]', 'class'), /alarm/);
  assert.match(await status(page, 'nwr'), /N=3 W=1 R=1 · W\+R>N ✗/);
  // C1 (node 4) wrote 11 with one acknowledgement; C2 (node 5) read 0, in red.
  await until(page, () => /→ 0/.test(document.querySelector('[data-testid="log-5"]').textContent));
  assert.deepEqual(await cells(page, 4), ['11 ✓']);
  assert.deepEqual(await cells(page, 5), ['→ 0 ✗ stale read red']);
  // On the diagram the read's interval is red, too.
  await until(page, () => document.querySelector('.st-op.op-lost'));
  // No rule broken: W + R ≤ N promised nothing.
  assert.equal(await page.locator('[data-testid="violation"]').count(), 0);
  await shot(page, 'quorum-stale-read');
  assert.deepEqual(errors, []);
  await context.close();
});

test('quorum, W + R > N: the overlap sees the write and read repair brings S3 up to date', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/quorum?preset=overlap&speed=4`);
  await until(page, () => (document.querySelector('[data-testid="log-5"]')?.textContent ?? '').includes('→ 11'));
  // S3 (node 3) answered v0 and was repaired to 11 (v1.1).
  await until(page, () => document.querySelector('[data-testid="log-3"] .entry')?.dataset.value === '11');
  assert.equal(await status(page, 'stale'), '0');
  assert.deepEqual(errors, []);
  await context.close();
});

test('quorum: a failed write is read, then unread — and the checker names monotonic reads and linearizability', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/quorum?preset=failed-write-seen&speed=4`);
  await until(page, () => (document.querySelector('[data-testid="log-5"]')?.textContent ?? '').split('→').length === 3, null, 30000);
  assert.deepEqual(await cells(page, 4), ['11 ✗ failed red']);
  assert.deepEqual((await cells(page, 5)).map((c) => c.split(' ').slice(0, 2).join(' ')), ['→ 11', '→ 0']);
  assert.equal(await status(page, 'failed'), '1 / 1');
  await page.click('[data-testid="check-consistency"]');
  await until(page, () => document.querySelector('[data-testid="consistency-strongest"]'));
  assert.equal(await page.getAttribute('[data-testid="model-linearizable"]', 'data-holds'), 'no');
  assert.equal(await page.getAttribute('[data-testid="session-mr"]', 'data-holds'), 'no');
  assert.match(await page.locator('[data-testid="witness-mr"]').innerText(), /C2 read 11 .*then read 0/);
  await page.locator('[data-testid="consistency"]').scrollIntoViewIfNeeded();
  await shot(page, 'quorum-failed-write-checker');
  await context.close();
  // Read repair before answering writes 11 back: the second read sees it, linearizable.
  const abd = await open(browser, `${server.url}#/quorum?preset=failed-write-seen&speed=4&repair=2`);
  await until(abd.page, () => (document.querySelector('[data-testid="log-5"]')?.textContent ?? '').split('→').length === 3, null, 30000);
  assert.deepEqual((await cells(abd.page, 5)).map((c) => c.split(' ').slice(0, 2).join(' ')), ['→ 11', '→ 11']);
  await abd.page.click('[data-testid="check-consistency"]');
  await until(abd.page, () => document.querySelector('[data-testid="consistency-strongest"]'));
  assert.equal(await abd.page.getAttribute('[data-testid="model-linearizable"]', 'data-holds'), 'yes');
  assert.deepEqual(errors, []);
  assert.deepEqual(abd.errors, []);
  await abd.context.close();
});

test('quorum, sloppy: under a partition the write succeeds on stand-ins, C2 reads stale, then hinted handoff repairs S1 and S2', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/quorum?preset=sloppy-partition&speed=4`);
  // The stand-ins S4 and S5 keep hints for S1 and S2.
  await statusIs(page, 'hints', /^2$/);
  await statusIs(page, 'stale', /^1$/);
  assert.match(await status(page, 'nwr'), /W\+R>N ✓ .* fresh reads promised: no/);
  // After healing: the hints are handed over, S1 and S2 hold 11, C2's second read sees it.
  await statusIs(page, 'hints', /^0$/);
  for (const n of [1, 2]) await until(page, (n) => document.querySelector(`[data-testid="log-${n}"] .entry`)?.dataset.value === '11', n);
  await until(page, () => (document.querySelector('[data-testid="log-7"]')?.textContent ?? '').split('→').length === 3, null, 30000);
  assert.deepEqual((await cells(page, 7)).map((c) => c.split(' ').slice(0, 2).join(' ')), ['→ 0', '→ 11']);
  assert.equal(await page.locator('[data-testid="violation"]').count(), 0, 'a sloppy quorum promises nothing');
  assert.deepEqual(errors, []);
  await context.close();
});

test('quorum by click: a write succeeds; with two of three servers down the next one fails; "break it" is caught', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/quorum?preset=free&n=3&w=2&r=2&speed=4`);
  await page.click('[data-testid="node-4"]');
  await page.click('[data-testid="action-write"]');
  await until(page, () => /11 ✓/.test(document.querySelector('[data-testid="log-4"]').textContent));
  for (const n of [2, 3]) {
    await page.click(`[data-testid="node-${n}"]`);
    await page.click('[data-testid="action-kill"]');
  }
  await page.click('[data-testid="node-4"]');
  await page.click('[data-testid="action-write"]');
  await until(page, () => /21 ✗/.test(document.querySelector('[data-testid="log-4"]').textContent));
  assert.match(await status(page, 'failed'), /^1 \//);
  assert.deepEqual(errors, []);
  await context.close();
  // The first reply instead of the highest version: C1's put to S2 is lost and C2's
  // request to S1 is lost, so C2 hears S2's old version first and S3's new one second.
  const act = '100000x4write,150000c4-2,170000h4-2,190000c5-1,200000x5read';
  const base = `${server.url}#/quorum?preset=free&n=3&w=2&r=2&lmin=20&lmax=20&speed=4&act=${act}`;
  const sound = await open(browser, base);
  await until(sound.page, () => /→ 11/.test(document.querySelector('[data-testid="log-5"]').textContent));
  assert.equal(await sound.page.locator('[data-testid="violation"]').count(), 0);
  await sound.context.close();
  const broken = await open(browser, `${base}&firstreply=1`);
  await until(broken.page, () => document.querySelector('[data-testid="violation"]'));
  assert.match(await broken.page.locator('[data-testid="violation"]').innerText(), /W \+ R > N: no stale read/);
  assert.deepEqual(await cells(broken.page, 5), ['→ 0 ✗ stale read red']);
  await shot(broken.page, 'quorum-broken');
  assert.deepEqual(broken.errors, []);
  assert.deepEqual(sound.errors, []);
  await broken.context.close();
});

test('quorum in Chinese uses the course terms', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/quorum?preset=stale-read&speed=4&lang=zh`);
  const terms = ['副本数 N', '写票数 W', '读票数 R', '版本号', '读修复', '读到旧值'];
  await until(page, (terms) => terms.every((t) => document.body.innerText.includes(t) || document.body.innerHTML.includes(t)), terms);
  assert.deepEqual(errors, []);
  await context.close();
});

test('quorum experiment: stale reads measured on the engine beside the WARS model and the bound', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/quorum?autoplay=0`);
  await page.click('[data-testid="experiments"] summary');
  await page.fill('[data-testid="exp-trials"]', '300');
  await page.dispatchEvent('[data-testid="exp-trials"]', 'change');
  await page.click('[data-testid="exp-run"]');
  await until(page, () => document.querySelector('[data-testid="exp-count"]').textContent === '2400 / 2400', null, 60000);
  const row = (i) => page.evaluate((i) => {
    const r = document.querySelector(`[data-testid="lab-row-${i}"]`);
    return { measured: Number(r.dataset.measured), model: Number(r.dataset.model) };
  }, i);
  // Row 1: N=3 W=1 R=1 on 1–100 ms: stale reads happen, near the model's 11 %.
  const r1 = await row(1);
  assert.ok(r1.measured > 0.04 && Math.abs(r1.measured - r1.model) < 0.07, JSON.stringify(r1));
  // Row 0: the same quorums on a narrow 10–15 ms spread: every copy lands first.
  assert.deepEqual(await row(0), { measured: 0, model: 0 });
  // Rows 6 and 7: W + R > N never reads stale.
  for (const i of [6, 7]) assert.equal((await row(i)).measured, 0);
  await page.locator('[data-testid="lab-table"]').scrollIntoViewIfNeeded();
  await shot(page, 'quorum-experiment');
  assert.deepEqual(errors, []);
  await context.close();
});

test('quorum, vector clocks: two concurrent writes become siblings on every replica, a read returns both, the next write merges them', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/quorum?preset=concurrent-writers&speed=4`);
  // Every replica (nodes 1–3) keeps both writes side by side, drawn as siblings.
  await until(page, () => [1, 2, 3].every((n) => document.querySelector(`[data-testid="node-${n}"]`)?.classList.contains('tone-v1')), null, 30000);
  assert.deepEqual((await cells(page, 1)).sort(), ['11', '12']);
  assert.match(await status(page, 'versions'), /vector clocks .*: 3$/);
  // C1 (node 4) read both values: 12 ⟨0,1⟩ shown first, then 11.
  await until(page, () => /→ 12\|11/.test(document.querySelector('[data-testid="log-4"]')?.textContent ?? ''), null, 30000);
  await shot(page, 'quorum-siblings');
  // C1's next write has seen both: one value everywhere, and C2 reads it alone.
  await until(page, () => /→ 31$/.test(document.querySelector('[data-testid="log-5"] .entry:last-child')?.dataset.value ?? ''), null, 30000);
  assert.deepEqual(await cells(page, 1), ['31']);
  assert.match(await status(page, 'versions'), /: 0$/);
  assert.equal(await status(page, 'stale'), '0');
  assert.deepEqual(errors, []);
  await context.close();
});
