// The replication chapter in Debian's Chromium: each preset plays to the outcome its
// narration promises, a student's clicks (write, kill the primary) do what the protocol
// says, and breaking the rule is caught by the monitor.
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
/** The cells of node `n`'s strip, as text. */
const cells = (page, n) => page.evaluate((n) => [...document.querySelectorAll(`[data-testid="log-${n}"] .entry`)].map((e) => e.dataset.value + (e.classList.contains('op-lost') ? ' lost' : '')), n);

test('primary-secondary, asynchronous: the primary dies with an acknowledged write, and the page counts it lost', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/primary-secondary?preset=async-loss&speed=10`);
  await statusIs(page, 'lost', /^1$/);
  assert.match(await page.getAttribute('[data-testid="status-lost"]', 'class'), /alarm/);
  // C2 (node 5) was told "ok" for 12; its strip marks the write lost, and its read sees 11.
  await until(page, () => /→ 11/.test(document.querySelector('[data-testid="log-5"]').textContent));
  assert.deepEqual(await cells(page, 5), ['12 ✗ lost', '→ 11']);
  // The new primary's log has no 12.
  const primary = (await status(page, 'primary')).split(' ')[0];
  const p = Number(primary.slice(1));
  assert.notEqual(p, 1);
  assert.ok(!(await cells(page, p)).includes('12'), 'the new primary never had 12');
  assert.equal(await page.locator('[data-testid="violation"]').count(), 0, 'asynchronous mode promised nothing');
  await shot(page, 'primary-secondary-async-loss');
  assert.deepEqual(errors, []);
  await context.close();
});

test('primary-secondary, synchronous and semi-synchronous: the same crash loses nothing', async () => {
  for (const preset of ['sync-failover', 'semi-failover']) {
    const { page, errors, context } = await open(browser, `${server.url}#/primary-secondary?preset=${preset}&speed=10`);
    await statusIs(page, 'acked', /^4$/);
    await until(page, () => /→/.test(document.querySelector('[data-testid="log-4"]').textContent) && /→/.test(document.querySelector('[data-testid="log-5"]').textContent));
    assert.equal(await status(page, 'lost'), '0');
    assert.match(await status(page, 'primary'), /^S[23] · e\d+$/);
    assert.match(await status(page, 'mode'), /promises no lost write: yes/);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('primary-secondary: a write and a primary crash by click; the client retries on the new primary', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/primary-secondary?preset=free&speed=10`);
  await page.click('[data-testid="node-4"]');
  await page.click('[data-testid="action-write"]');
  await until(page, () => /11 ✓/.test(document.querySelector('[data-testid="log-4"]').textContent));
  await page.click('[data-testid="node-1"]');
  await page.click('[data-testid="action-kill"]');
  await page.click('[data-testid="node-4"]');
  await page.click('[data-testid="action-write"]');
  // Synchronous mode: S1 is down, so the new primary waits for it... restart it.
  await statusIs(page, 'primary', /^S[23] · e\d+$/);
  await page.click('[data-testid="node-1"]');
  await page.click('[data-testid="action-restart"]');
  await until(page, () => /21 ✓/.test(document.querySelector('[data-testid="log-4"]').textContent));
  assert.equal(await status(page, 'lost'), '0');
  assert.deepEqual(errors, []);
  await context.close();
});

test('primary-secondary: "break it" (ok before the secondaries confirm) loses a write and the monitor says so', async () => {
  const fine = await open(browser, `${server.url}#/primary-secondary?preset=primary-isolated&speed=10`);
  await until(fine.page, () => /12 ✓/.test(document.querySelector('[data-testid="log-5"]').textContent));
  assert.equal(await status(fine.page, 'lost'), '0');
  assert.equal(await fine.page.locator('[data-testid="violation"]').count(), 0);
  await fine.context.close();
  const { page, errors, context } = await open(browser, `${server.url}#/primary-secondary?preset=primary-isolated&ackearly=1&speed=10`);
  await until(page, () => document.querySelector('[data-testid="violation"]'));
  assert.match(await page.locator('[data-testid="violation"]').innerText(), /No acknowledged write is lost/);
  assert.ok(Number(await status(page, 'lost')) >= 1);
  await shot(page, 'primary-secondary-broken');
  assert.deepEqual(errors, []);
  await context.close();
});

test('primary-secondary in Chinese uses the course terms', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/primary-secondary?preset=async-loss&speed=10&lang=zh`);
  const terms = ['主节点', '从节点', '高水位线', '异步复制', '主从复制'];
  await until(page, (terms) => terms.every((t) => document.body.innerText.includes(t)), terms);
  assert.deepEqual(errors, []);
  await context.close();
});

test('primary-secondary: the run goes to the consistency checker, which names the broken guarantee and its witness', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/primary-secondary?preset=async-loss&speed=10`);
  await until(page, () => /→ 11/.test(document.querySelector('[data-testid="log-5"]').textContent));
  await page.click('[data-testid="check-consistency"]');
  await until(page, () => document.querySelector('[data-testid="consistency-strongest"]'));
  // C2 was told its write of 12 succeeded and then read 11. As values alone the history
  // could be sequential (C1's 11 after C2's 12); real time says 11 finished before 12
  // began, so it is not linearizable, and C2 did not read its own write.
  assert.equal(await page.getAttribute('[data-testid="model-linearizable"]', 'data-holds'), 'no');
  assert.equal(await page.getAttribute('[data-testid="session-ryw"]', 'data-holds'), 'no');
  assert.match(await page.locator('[data-testid="witness-ryw"]').innerText(), /^C2 wrote 12 \(.*\), then read 11 \(.*\): it did not see its own write\.$/);
  // Linearizability's witness: a stale read (11 was replaced by 12 before C2's read began).
  assert.match(await page.locator('[data-testid="witness-linearizable"]').innerText(), /^C[12] read 11 \(.*\), though C2 wrote 12 \(.*\), which replaced that value before the read began\.$/);
  assert.equal(await page.getAttribute('[data-testid="consistency-strongest"]', 'data-model'), 'sequential');
  // Each operation is an interval on its client's line in the space-time diagram; the
  // witness's operations light up there.
  assert.ok(await page.locator('.st-op').count() >= 2, 'operations drawn as intervals');
  await until(page, () => document.querySelectorAll('.st-op.witness').length >= 1);
  await page.locator('[data-testid="consistency"]').scrollIntoViewIfNeeded();
  await shot(page, 'primary-secondary-checker');
  await context.close();
  // The synchronous run of the same kind keeps every guarantee.
  const sync = await open(browser, `${server.url}#/primary-secondary?preset=semi-failover&speed=10`);
  await until(sync.page, () => /→/.test(document.querySelector('[data-testid="log-5"]').textContent));
  await sync.page.click('[data-testid="check-consistency"]');
  await until(sync.page, () => document.querySelector('[data-testid="consistency-strongest"]'));
  assert.equal(await sync.page.getAttribute('[data-testid="model-linearizable"]', 'data-holds'), 'yes');
  for (const g of ['ryw', 'mr', 'mw', 'wfr']) {
    assert.equal(await sync.page.getAttribute(`[data-testid="session-${g}"]`, 'data-holds'), 'yes', g);
  }
  assert.deepEqual(errors, []);
  assert.deepEqual(sync.errors, []);
  await sync.context.close();
});
