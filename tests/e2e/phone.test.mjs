// Issue 12 on a phone: a 390×844 touch screen, each page's main perturbation done by taps.
// A tapped node's actions open in a bottom sheet on screen next to it (not a long scroll
// below), links and buttons are big enough to tap (≥ 24 px), labels are readable (≥ 11 px)
// and nothing is wider than the screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, shot, until, diagramPages } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const PHONE = { viewport: { width: 390, height: 844 }, touch: true };

/** No element wider than the screen; the smallest text drawn in the cluster and strips. */
const sizes = (page) => page.evaluate(() => {
  const wide = [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1
    && !e.closest('.preset-list, .protocols, .entries, .crowd, .ring-canvas') && getComputedStyle(e).position !== 'fixed');
  const text = [...document.querySelectorAll('.node-name, .node-role, .node-term, .st-label, .st-name, .st-tick, .entry small, .entry b, .legend li, .event-log li')]
    .filter((e) => e.getBoundingClientRect().height > 0 && e.textContent.trim())
    .map((e) => {
      // Rendered size: an SVG text's font-size scaled from user units to the screen.
      const scale = e instanceof SVGGraphicsElement ? Math.hypot(e.getScreenCTM().a, e.getScreenCTM().b) : 1;
      return { cls: e.getAttribute('class'), px: parseFloat(getComputedStyle(e).fontSize) * scale };
    });
  const links = [...document.querySelectorAll('.link-hit')].map((e) => {
    const svg = e.closest('svg');
    return parseFloat(getComputedStyle(e).strokeWidth) * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  });
  return { wide: wide.map((e) => e.className.baseVal ?? e.className).slice(0, 5), smallest: text.sort((a, b) => a.px - b.px)[0], link: Math.min(...links) };
});

/** Tap node `n`, expect the sheet on screen with `action`, tap it. */
async function tapAction(page, n, action) {
  await page.tap(`[data-testid="node-${n}"]`);
  const sheet = page.locator('[data-testid="inspector"].sheet');
  await sheet.waitFor();
  const node = await page.locator(`[data-testid="node-${n}"]`).boundingBox();
  const box = await sheet.boundingBox();
  assert.ok(box.y + box.height <= 844 + 1 && box.y > 300, `the sheet sits at the bottom of the screen (${box.y})`);
  assert.ok(node.y >= 0 && node.y + node.height <= box.y, `the tapped node stays in sight above the sheet (${node.y} vs ${box.y})`);
  const button = page.locator(`[data-testid="action-${action}"]`);
  const b = await button.boundingBox();
  assert.ok(b.y >= box.y && b.y + b.height <= 844, 'the action is on screen in the sheet');
  assert.ok(b.height >= 24, 'a big enough tap target');
  await button.tap();
}

/** Open `slug` on the phone in both languages: sizes, the node's action from the sheet,
 * then a link cut by a tap. */
async function phoneRound(slug, node, action, check) {
  for (const lang of ['en', 'zh']) {
    const { page, errors, context } = await open(browser, `${server.url}#/${slug}?seed=3&lang=${lang}`, PHONE);
    const s = await sizes(page);
    assert.deepEqual(s.wide, [], `${slug}: nothing wider than the phone`);
    assert.ok(s.smallest.px >= 11, `${slug} ${lang}: the smallest label is ${s.smallest.px.toFixed(1)} px (${s.smallest.cls})`);
    assert.ok(s.link >= 24, `${slug}: a link's tap target is ${s.link.toFixed(1)} px`);
    await tapAction(page, node, action);
    await check(page);
    if (lang === 'en') await shot(page, `phone-${slug}-sheet`);
    await page.tap('[data-testid="sheet-close"]');
    assert.equal(await page.locator('[data-testid="inspector"].sheet').count(), 0, '✕ closes the sheet');
    // A link between two nodes, tapped beside its line (within the 24 px target); on a
    // page of three nodes (the failure detectors' default), between the last two.
    const pair = (await page.locator('[data-testid="link-3-4"]').count()) ? '3-4' : '2-3';
    const link = page.locator(`[data-testid="link-${pair}"]`);
    await link.scrollIntoViewIfNeeded();
    const hit = await link.locator('.link-hit').boundingBox();
    await page.touchscreen.tap(hit.x + hit.width / 2, hit.y + hit.height / 2 + 8);
    await until(page, (pair) => document.querySelector(`[data-testid="link-${pair}"]`).dataset.state === 'cut', pair);
    assert.deepEqual(errors, []);
    await context.close();
  }
}

/** The node each page's test kills, where it is not node 1 (the tests' earlier choice). */
const SPECIAL = { raft: 2, paxos: 3 };

test('phone, touch: every page with a cluster — tap a node, kill it from the sheet, cut a link by tapping it', async () => {
  const slugs = await diagramPages(browser, server.url);
  assert.ok(slugs.length >= 6, `the navigation lists the cluster pages: ${slugs}`);
  for (const slug of slugs) {
    const node = SPECIAL[slug] ?? 1;
    await phoneRound(slug, node, 'kill', async (page) => until(page, (n) => document.querySelector(`[data-testid="node-${n}"]`).dataset.role === 'crashed', node));
  }
});

test('phone, touch: gossip — tap a node in the crowd and start the rumour from the sheet', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/gossip?preset=free&nodes=50&speed=10`, { ...PHONE, wait: '[data-testid="crowd"]' });
  const box = await page.locator('[data-testid="crowd"]').boundingBox();
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await page.locator('[data-testid="inspector"].sheet').waitFor();
  await page.locator('[data-testid="action-infect"]').tap();
  await until(page, () => Number(document.querySelector('[data-testid="crowd"]').dataset.infected) > 1, null, 30000);
  assert.deepEqual((await sizes(page)).wide, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('phone, touch: hash ring — add a node; bloom filter — insert and query a word', async () => {
  const ring = await open(browser, `${server.url}#/ring`, { ...PHONE, wait: '[data-testid="ring-canvas"]' });
  await ring.page.locator('[data-testid="ring-add"]').tap();
  await until(ring.page, () => document.querySelector('[data-testid="ring-moved"]'));
  assert.deepEqual((await sizes(ring.page)).wide, []);
  assert.deepEqual(ring.errors, []);
  await ring.context.close();
  const bloom = await open(browser, `${server.url}#/bloom?m=64&k=2`, { ...PHONE, wait: '[data-testid="bloom-word"]' });
  await bloom.page.locator('[data-testid="bloom-word"]').fill('alice');
  await bloom.page.locator('[data-testid="bloom-insert"]').tap();
  await bloom.page.locator('[data-testid="bloom-query"]').tap();
  assert.equal(await bloom.page.getAttribute('[data-testid="bloom-outcome"]', 'data-outcome'), 'true-hit');
  assert.deepEqual((await sizes(bloom.page)).wide, []);
  assert.deepEqual(bloom.errors, []);
  await bloom.context.close();
});
