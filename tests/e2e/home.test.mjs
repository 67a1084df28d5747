// The home page lists the registry's pages by chapter; every card opens its page without
// errors, in both languages and on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, shot, until } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

async function openHome(locale, viewport, extra = {}) {
  const context = await browser.newContext({ locale, viewport, ...extra });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="home"]', { timeout: 20000 });
  return { page, errors, context };
}

test('the home page groups every page by chapter, and each card opens its page', async () => {
  const { page, errors, context } = await openHome('en-US', { width: 1280, height: 800 });
  // The URL is left alone on the home page (no scenario is written into it).
  assert.ok(!page.url().includes('#/raft'), page.url());
  const chapters = await page.$$eval('[data-testid^="chapter-"]', (els) => els.map((e) => e.dataset.testid));
  assert.deepEqual(chapters, ['chapter-consensus', 'chapter-atomiccommit', 'chapter-replication',
    'chapter-membership', 'chapter-partitioning', 'chapter-loadbalancing', 'chapter-datastructures', 'chapter-time']);
  const cards = await page.$$eval('a.card[data-testid^="card-"]', (els) => els.map((e) => ({
    slug: e.dataset.testid.slice(5), text: e.innerText, pictures: e.querySelectorAll('svg').length,
    chapter: e.closest('section').dataset.testid,
  })));
  assert.ok(cards.length >= 7);
  for (const c of cards) {
    assert.equal(c.pictures, 1, `${c.slug} has its picture`);
    assert.ok(c.text.split('\n').filter((l) => l.trim()).length >= 2, `${c.slug}: name and one line`);
  }
  assert.equal(cards.find((c) => c.slug === 'raft').chapter, 'chapter-consensus');
  assert.equal(cards.find((c) => c.slug === '2pc').chapter, 'chapter-atomiccommit');
  // The navigation lists the same pages, in the same chapter groups.
  const nav = await page.$$eval('.nav-group a', (as) => as.map((a) => a.dataset.testid.slice(4)));
  assert.deepEqual(nav, cards.map((c) => c.slug));
  await shot(page, 'home-en-1280');
  // Every card opens its page, which loads without an error; Home goes back.
  for (const { slug } of cards) {
    await page.click(`[data-testid="card-${slug}"]`);
    await until(page, (slug) => document.querySelector(`[data-testid="page-${slug}"]`), slug);
    assert.match(page.url(), new RegExp(`#/${slug}`));
    await page.click('[data-testid="nav-home"]');
    await page.waitForSelector('[data-testid="home"]');
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the home page in Chinese, on a phone: every card translated, nothing wider than the screen', async () => {
  const { page, errors, context } = await openHome('zh-CN', { width: 390, height: 844 },
    { hasTouch: true, isMobile: true });
  const blurbs = await page.$$eval('.card .blurb', (els) => els.map((e) => e.innerText));
  assert.ok(blurbs.length >= 7);
  for (const b of blurbs) assert.match(b, /[\u4e00-\u9fff]/, b);
  assert.match(await page.innerText('[data-testid="chapter-consensus"] h2'), /共识/);
  assert.match(await page.innerText('[data-testid="chapter-replication"]'), /主从复制/);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `home is ${width} px wide at 390`);
  await shot(page, 'home-zh-390');
  // A tap on a card opens the page; the header's navigation still fits.
  await page.tap('[data-testid="card-paxos"]');
  await until(page, () => document.querySelector('[data-testid="page-paxos"]'));
  const w2 = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(w2 <= 390, `paxos is ${w2} px wide at 390`);
  await shot(page, 'paxos-zh-390');
  assert.deepEqual(errors, []);
  await context.close();
});

test('from a card a teacher opens one preset or one tour straight away (every page lists its own)', async () => {
  const { page, errors, context } = await openHome('zh-CN', { width: 1280, height: 800 });
  // Every page with presets or tours lists them all under its card, folded.
  const lists = await page.$$eval('details.card-more', (ds) => ds.map((d) => ({
    id: d.dataset.testid, links: [...d.querySelectorAll('a')].map((a) => a.getAttribute('href')),
  })));
  assert.ok(lists.length >= 16, `${lists.length} cards list their lessons`);
  for (const l of lists) assert.ok(l.links.length >= 1, `${l.id}: ${l.links}`);
  await page.click('[data-testid="card-more-paxos"] summary');
  await shot(page, 'home-zh-lessons-open');
  await page.click('[data-testid="lesson-paxos-duel"]');
  await page.waitForSelector('[data-testid="page-paxos"]');
  await until(page, () => document.querySelector('[data-testid="preset-duel"]')?.classList.contains('active'));
  await page.click('[data-testid="nav-home"]');
  await page.click('[data-testid="card-more-ring"] summary');
  await page.click('[data-testid="lesson-ring-tour-ring-walk"]');
  await page.waitForSelector('[data-testid="tour-panel"]');
  assert.match(page.url(), /#\/ring\?.*tour=ring-walk/);
  assert.deepEqual(errors, []);
  await context.close();
});
