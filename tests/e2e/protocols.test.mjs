// Paxos, 2PC and 3PC pages in Debian's Chromium: presets play to their end states, and a
// student's click changes the outcome the way the narration says.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, shot, until, nodes, frames } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const statusIs = (page, key, re) => until(page, ([key, src]) => {
  const el = document.querySelector(`[data-testid="status-${key}"] b`);
  return el && new RegExp(src).test(el.textContent) ? el.textContent : null;
}, [key, re.source], 30000);

// The event log is rewritten a few times a second while the clock runs: wait for a line.
const logHas = (page, text, atLeast = 1) => until(page, ([text, atLeast]) =>
  [...document.querySelectorAll('[data-testid="event-log"] li')].filter((li) => li.innerText.includes(text)).length >= atLeast,
[text, atLeast]);

const clickNode = async (page, n) => page.click(`[data-testid="node-${n}"]`);

test('every page is reachable from the navigation and loads without errors', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/raft?speed=10`);
  for (const [slug, role] of [['paxos', 'proposer'], ['2pc', 'coordinator'], ['3pc', 'coordinator'], ['raft', 'follower']]) {
    await page.click(`[data-testid="nav-${slug}"]`);
    await until(page, (slug) => document.querySelector(`[data-testid="page-${slug}"]`), slug);
    assert.match(page.url(), new RegExp(`#/${slug}\\?`));
    await until(page, (role) => document.querySelector(`[data-testid="node-1"]`)?.dataset.role === role
      || document.querySelector(`[data-testid="node-1"]`)?.dataset.role === 'candidate'
      || document.querySelector(`[data-testid="node-1"]`)?.dataset.role === 'leader', role);
  }
  // On a phone-sized screen every page fits its width (the header wraps; nothing scrolls
  // sideways).
  await page.setViewportSize({ width: 400, height: 900 });
  // Every page of the registry, as the navigation lists them.
  const slugs = await page.$$eval('[data-testid^="nav-"] a, a[data-testid^="nav-"]', (as) => as
    .map((a) => a.dataset.testid.slice(4)).filter((s) => s !== 'home' && s !== 'home-title'));
  assert.ok(slugs.length >= 7, slugs.join());
  for (const slug of slugs) {
    await page.click(`[data-testid="nav-${slug}"]`);
    await until(page, (slug) => document.querySelector(`[data-testid="page-${slug}"]`), slug);
    await frames(page, 3);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 400, `${slug} is ${width} px wide at 400`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('Paxos happy path: the learner learns X', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/paxos?speed=10`);
  await statusIs(page, 'chosen', /^X @ 1\.P1$/);
  assert.equal(await page.getAttribute('[data-testid="node-5"]', 'data-role'), 'learner');
  assert.equal(await page.getAttribute('[data-testid="node-5"]', 'data-state'), 'learned');
  await shot(page, 'paxos-happy');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Paxos dueling proposers livelock, and randomized back-off ends it', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/paxos?preset=duel&speed=10`);
  assert.match(await page.locator('[data-testid="preset-about"]').innerText(), /climb forever/);
  await statusIs(page, 'round', /^(1[0-9]|[2-9][0-9]|\d{3,})$/); // ten rounds and more
  assert.equal(await page.locator('[data-testid="status-chosen"] b').innerText(), 'none yet');
  await logHas(page, 'refused accept');
  await shot(page, 'paxos-duel-livelock');
  await page.check('[data-testid="param-backoff"]');
  await page.click('[data-testid="btn-reset"]');
  await statusIs(page, 'chosen', /^[XY] @ /);
  assert.match(page.url(), /backoff=1/);
  await shot(page, 'paxos-duel-backoff');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Paxos: killing a majority of acceptors by click means no value is chosen', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/paxos?preset=free&proposers=1&nodes=3&speed=10`);
  for (const n of [2, 3]) { // A1, A2 of three acceptors
    await clickNode(page, n);
    await page.click('[data-testid="action-kill"]');
  }
  await clickNode(page, 1);
  await page.click('[data-testid="action-propose"]');
  await until(page, () => [...document.querySelectorAll('[data-testid="event-log"] li')].some((li) => li.innerText.includes('timed out')));
  assert.equal(await page.locator('[data-testid="status-chosen"] b').innerText(), 'none yet');
  // Restart one: a majority again, and the proposer's retry gets X chosen.
  await clickNode(page, 2);
  await page.click('[data-testid="action-restart"]');
  await statusIs(page, 'chosen', /^X @ /);
  assert.deepEqual(errors, []);
  await context.close();
});

test('2PC: a coordinator crash blocks every yes voter until it recovers', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/2pc?preset=coordinator-crash&speed=10`);
  await until(page, () => document.querySelector('[data-testid="node-1"]').dataset.role === 'crashed');
  // Three yes voters blocked, and the time they have been blocked keeps growing.
  const blocked = await statusIs(page, 'blocked', /^3 · \d+ ms$/);
  const since = Number(blocked.match(/(\d+) ms/)[1]);
  await until(page, (since) => {
    const m = (document.querySelector('[data-testid="status-blocked"] b')?.textContent || '').match(/^3 · (\d+) ms$/);
    return m && Number(m[1]) > since;
  }, since);
  for (const n of [2, 3, 4]) {
    assert.equal(await page.getAttribute(`[data-testid="node-${n}"]`, 'data-state'), 'prepared');
  }
  await until(page, () => /blocked [5-9]\d\d ms|blocked \d{4,} ms/.test(document.querySelector('[data-testid="node-2"]').textContent));
  await shot(page, 'twopc-blocked');
  await statusIs(page, 'outcomes', /^P1 ✓ · P2 ✓ · P3 ✓$/);
  await logHas(page, 'found commit in its log');
  assert.deepEqual(errors, []);
  await context.close();
});

test('2PC: a participant voting no (set by click) aborts everyone', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/2pc?preset=free&speed=10`);
  await clickNode(page, 3);
  await page.click('[data-testid="action-vote-no"]');
  await clickNode(page, 1);
  await page.click('[data-testid="action-begin"]');
  await statusIs(page, 'outcomes', /^P1 ✗ · P2 ✗ · P3 ✗$/);
  assert.equal(await page.locator('[data-testid="status-decision"] b').innerText(), 'abort');
  assert.deepEqual(errors, []);
  await context.close();
});

test('2PC: killing a participant by click before prepare makes the coordinator time out and abort', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/2pc?preset=free&speed=10`);
  await clickNode(page, 3);
  await page.click('[data-testid="action-kill"]');
  await clickNode(page, 1);
  await page.click('[data-testid="action-begin"]');
  await statusIs(page, 'outcomes', /^P1 ✗ · P2 … · P3 ✗$/);
  await logHas(page, 'vote timeout');
  assert.deepEqual(errors, []);
  await context.close();
});

test('3PC: a coordinator crash after PreCommit blocks nobody', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/3pc?preset=coordinator-crash&speed=10`);
  await statusIs(page, 'outcomes', /^P1 ✓ · P2 ✓ · P3 ✓ · P4 ✓$/);
  assert.equal(await page.getAttribute('[data-testid="node-1"]', 'data-role'), 'crashed');
  assert.equal(await page.locator('[data-testid="violation"]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('3PC: a partition after PreCommit splits the decision and the monitor says so', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/3pc?preset=partition&speed=10`);
  await statusIs(page, 'outcomes', /^P1 ✓ · P2 ✓ · P3 ✗ · P4 ✗$/);
  const banner = await page.locator('[data-testid="violation"]').innerText();
  assert.match(banner, /Atomicity/);
  assert.match(banner, /P1 committed while P3, P4 aborted/);
  await logHas(page, 'commits on its own', 2);
  await shot(page, 'threepc-partition');
  assert.deepEqual(errors, []);
  await context.close();
});

test('3PC: the termination protocol toggle mends a coordinator dying mid-PreCommit, and the status states the synchrony bound', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/3pc?preset=crash-mid-precommit&speed=10`);
  await statusIs(page, 'outcomes', /^P1 ✗ · P2 ✓ · P3 ✓ · P4 ✓$/);
  assert.match(await page.locator('[data-testid="violation"]').innerText(), /Atomicity/);
  assert.match(await page.locator('[data-testid="status-synchrony"] b').innerText(), /^participant timeout 400 > 200 \+ \(30 − 30\) = 200 ms ✓$/);
  // The student turns the termination protocol on: the same crash, and P1 asks first.
  await page.selectOption('[data-testid="param-term"]', '1');
  await until(page, () => /[?&]term=1(&|$)/.test(location.hash));
  await statusIs(page, 'outcomes', /^P1 ✓ · P2 ✓ · P3 ✓ · P4 ✓$/);
  assert.equal(await page.locator('[data-testid="violation"]').count(), 0);
  await logHas(page, 'termination protocol: someone is pre-committed', 1);
  await shot(page, 'threepc-termination');
  // A network slower than the timeouts: the bound is broken, and the status says so.
  await page.goto(`${server.url}#/3pc?preset=slow-network&speed=10`);
  await until(page, () => document.querySelector('[data-testid="status-synchrony"]')?.classList.contains('alarm'));
  assert.match(await page.locator('[data-testid="status-synchrony"] b').innerText(), /= 590 ms ✗$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Chinese pages use the course terms', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/2pc?preset=coordinator-crash&speed=10&lang=zh`);
  await until(page, () => document.querySelector('[data-testid="node-1"]').dataset.role === 'crashed');
  const terms = ['协调者', '参与者', '阻塞', '预设场景'];
  await until(page, (terms) => terms.every((t) => document.body.innerText.includes(t)), terms);
  await shot(page, 'twopc-zh');
  await page.click('[data-testid="nav-paxos"]');
  await until(page, () => document.body.innerText.includes('提议者') && document.body.innerText.includes('接受者'));
  assert.deepEqual(errors, []);
  await context.close();
});
