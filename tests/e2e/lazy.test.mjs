// One page, one download: the home page fetches no page's code, a page fetches its own pack
// (its protocol, adapter and body, split out of the shell by tools/bin/wasm-bindgen), the
// next page fetches only its pack, and a pack that does not arrive is a readable message
// with a button that tries again — the scenario in the address bar is kept meanwhile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, until, shot } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

/** A fresh page that records page errors and the packs it fetches (`pack_<split>`; the
 *  shared pack, `pack_common`, the chunks most pages need, under `common`). */
async function fresh(locale = 'en-US') {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  const packs = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('request', (r) => {
    const m = r.url().match(/\/pack_([a-z_]+)-[0-9a-f]+\.wasm$/);
    if (m) packs.push(m[1]);
  });
  return { page, errors, packs, context };
}

const drawn = (page) => page.waitForSelector('[data-testid="node-1"]', { timeout: 20000 });

test('the home page fetches no page; a page fetches its own pack; the next page only its own', async () => {
  const { page, errors, packs, context } = await fresh();
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="home"]');
  await page.waitForLoadState('networkidle');
  assert.deepEqual(packs, [], 'the home page loads no page code');
  await page.click('[data-testid="card-raft"]');
  await drawn(page);
  assert.deepEqual([...packs].sort(), ['common', 'page_raft']);
  await until(page, () => [...document.querySelectorAll('[data-testid^="node-"]')].some((n) => n.dataset.role === 'leader'));
  await page.click('[data-testid="nav-paxos"]');
  await page.waitForSelector('[data-testid="page-paxos"] [data-testid="node-1"], main[data-testid="page-paxos"]');
  await until(page, () => document.querySelectorAll('[data-testid^="node-"][data-role="proposer"]').length > 0);
  assert.deepEqual([...packs].sort(), ['common', 'page_paxos', 'page_raft'], 'the shared pack is fetched once');
  // Back to Raft: its code is here already, nothing is fetched again.
  await page.goBack();
  await until(page, () => document.querySelectorAll('[data-testid^="node-"][data-role="follower"], [data-testid^="node-"][data-role="leader"], [data-testid^="node-"][data-role="candidate"]').length === 5);
  assert.deepEqual([...packs].sort(), ['common', 'page_paxos', 'page_raft']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link to a page fetches that page only (at once, beside the shell), and replays its actions once the code is here', async () => {
  const { page, errors, packs, context } = await fresh();
  await page.goto(`${server.url}#/2pc?v=2&preset=happy&t=1500&act=300000k2`);
  await drawn(page);
  await until(page, () => !document.querySelector('[data-testid="catching-up"]'));
  // Fetched once each: index.html starts them beside the shell and the loader takes
  // those responses (a second download would show here).
  assert.deepEqual([...packs].sort(), ['common', 'page_two_pc']);
  // The link's kill was replayed, and the address bar still carries it.
  assert.equal(await page.getAttribute('[data-testid="node-2"]', 'data-role'), 'crashed');
  assert.match(page.url(), /act=300000k2/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a pack that does not arrive: a readable message in both languages, the link kept, and Try again works', async () => {
  for (const [locale, words] of [['en-US', /could not be downloaded/], ['zh-CN', /未能下载/]]) {
    const { page, errors, context } = await fresh(locale);
    let fail = true;
    await page.route(/\/pack_page_gossip-[0-9a-f]+\.wasm$/, (route) => (fail ? route.abort('failed') : route.continue()));
    const link = `${server.url}#/gossip?v=2&nodes=12&act=200000x3infect`;
    await page.goto(link);
    await page.waitForSelector('[data-testid="page-fetch-failed"]', { timeout: 20000 });
    assert.match(await page.textContent('[data-testid="page-fetch-failed"]'), words);
    assert.ok(page.url().endsWith('#/gossip?v=2&nodes=12&act=200000x3infect'), `the link is kept: ${page.url()}`);
    assert.equal(await page.$('[data-testid="panic"]'), null, 'no panic');
    await shot(page, `lazy-fetch-failed-${locale}`);
    fail = false;
    await page.click('[data-testid="page-fetch-retry"]');
    await until(page, () => document.querySelectorAll('[data-testid="crowd"], [data-testid="node-12"]').length > 0);
    assert.match(page.url(), /act=200000x3infect/);
    // The only errors are the failed fetch's own console lines, none from the app.
    assert.deepEqual(errors.filter((e) => !/Failed to load resource|pack_page_gossip|net::ERR_FAILED|TypeError: Failed to fetch/.test(e)), []);
    await context.close();
  }
});

test('leaving a page while its code is on its way: the page the reader went to is the one shown', async () => {
  const { page, errors, packs, context } = await fresh();
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/pack_page_bloom-[0-9a-f]+\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(`${server.url}#/bloom`);
  await page.waitForSelector('[data-testid="page-fetching"]');
  await page.evaluate(() => { location.hash = '#/paxos'; });
  await page.waitForSelector('main[data-testid="page-fetching"][data-page="paxos"]');
  // The held pack now arrives (Paxos's load waits for the chunks the two pages share,
  // already on their way in it): Paxos is shown, and the bloom page never takes over.
  const arrived = page.waitForResponse(/\/pack_page_bloom-[0-9a-f]+\.wasm$/);
  release();
  await arrived;
  await until(page, () => document.querySelectorAll('[data-testid^="node-"][data-role="proposer"]').length > 0);
  await page.waitForTimeout(300);
  assert.equal(await page.$('[data-testid="bloom-page"]'), null, 'the bloom page did not take over');
  assert.ok(await page.$('[data-testid="node-1"][data-role="proposer"], [data-testid^="node-"][data-role="proposer"]'));
  assert.ok(page.url().includes('#/paxos'), page.url());
  assert.deepEqual(packs.filter((p) => p !== 'common').sort(), ['page_bloom', 'page_paxos']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('pointing at a page\'s link fetches its code, so opening it needs no download', async () => {
  const { page, errors, packs, context } = await fresh();
  await page.goto(`${server.url}#/raft`);
  await drawn(page);
  await page.hover('[data-testid="nav-gossip"]');
  await until(page, () => performance.getEntriesByType('resource').some((e) => /pack_page_gossip-/.test(e.name) && e.responseEnd > 0));
  const before = packs.length;
  await page.click('[data-testid="nav-gossip"]');
  await page.waitForSelector('main[data-testid="page-gossip"]');
  assert.equal(packs.length, before, 'nothing more was fetched on opening it');
  assert.deepEqual([...packs].sort(), ['common', 'page_gossip', 'page_raft']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('leaving any page mid-animation or mid-experiment: no error, and the next page runs', async () => {
  // Each page's own timers and animation frames must stop with the page: the hash ring's
  // join animation (2 s of frames) and the experiments' slices, one per frame, used to read
  // the page's disposed signals a frame after the reader left ("something went wrong").
  const { page, errors, context } = await fresh();
  await page.goto(server.url + '#/');
  await page.waitForSelector('[data-testid="home"]');
  const slugs = await page.$$eval('[data-testid="home"] a[href^="#/"]', (as) => [...new Set(as.map((a) => a.getAttribute('href').slice(2).split('?')[0]))]);
  assert.ok(slugs.length >= 16, `pages on the home page: ${slugs}`);
  const acted = [];
  for (const slug of slugs) {
    await page.evaluate((s) => { location.hash = `#/${s}?seed=3`; }, slug);
    await page.waitForSelector(`[data-testid="page-${slug}"]`, { timeout: 20000 });
    await page.waitForTimeout(300);
    // What keeps a page busy: the ring's move animation, an experiment's slices, a run.
    if (await page.locator('[data-testid="ring-add"]').count()) {
      await page.click('[data-testid="ring-add"]');
      acted.push(`${slug}: join`);
    }
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    const run = page.locator('[data-testid="exp-run"]:not([disabled])');
    if (await run.count()) {
      await run.first().click();
      acted.push(`${slug}: experiment`);
    }
    await page.waitForTimeout(120);
  }
  await page.evaluate(() => { location.hash = '#/raft?seed=3'; });
  await page.waitForSelector('[data-testid="page-raft"]');
  await page.waitForTimeout(2500);
  assert.ok(acted.some((a) => a.endsWith('join')) && acted.filter((a) => a.endsWith('experiment')).length >= 3, acted.join(', '));
  assert.equal(await page.locator('[data-testid="panic"]').count(), 0, errors.join('\n'));
  assert.deepEqual(errors, []);
  // The page still runs: its virtual clock moves.
  const t0 = await page.textContent('[data-testid="clock"]');
  await page.waitForTimeout(400);
  assert.notEqual(await page.textContent('[data-testid="clock"]'), t0);
  await context.close();
});
