// The Raft page in Debian's Chromium, driven as a student would: clicks, keys, links.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, shot, until, nodes, frames, virtualMs, virtualAfter, arrows } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const FAST = 'speed=10';
const leaderOf = async (page) => (await nodes(page)).find((n) => n.role === 'leader');
const waitLeader = (page, minTerm = 0) => until(page, (minTerm) => {
  const l = [...document.querySelectorAll('[data-testid^="node-"]')].find((e) => e.dataset.role === 'leader');
  return l && Number(l.dataset.term) > minTerm ? { id: l.dataset.testid, term: Number(l.dataset.term) } : null;
}, minTerm);

test('the page loads without errors and a leader is elected', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/raft?seed=3&nodes=5&${FAST}`);
  assert.equal((await nodes(page)).length, 5);
  assert.equal(await page.locator('[data-testid^="link-"]').count(), 10);
  const leader = await waitLeader(page);
  // Its heartbeats bring every other node to follower in the leader's term.
  await until(page, ({ id, term }) => [...document.querySelectorAll('[data-testid^="node-"]')]
    .filter((e) => e.dataset.testid !== id)
    .every((e) => e.dataset.role === 'follower' && Number(e.dataset.term) === term), leader);
  const all = await nodes(page);
  assert.equal(all.filter((n) => n.role === 'leader').length, 1, JSON.stringify(all));
  await shot(page, 'raft-leader-elected');
  assert.deepEqual(errors, []);
  await context.close();
});

test('killing the leader by clicking it leads to a new leader in a higher term', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/raft?seed=11&nodes=5&${FAST}`);
  const old = await waitLeader(page);
  await page.click(`[data-testid="${old.id}"]`);
  await page.click('[data-testid="action-kill"]');
  assert.equal(await page.getAttribute(`[data-testid="${old.id}"]`, 'data-role'), 'crashed');
  const fresh = await waitLeader(page, old.term);
  assert.notEqual(fresh.id, old.id);
  assert.ok(fresh.term > old.term);
  await shot(page, 'raft-new-leader-after-kill');
  // Restart the old leader: it rejoins as a follower of the new term.
  await page.click(`[data-testid="${old.id}"]`);
  await page.click('[data-testid="action-restart"]');
  await until(page, (id) => {
    const e = document.querySelector(`[data-testid="${id}"]`);
    return e.dataset.role === 'follower' && Number(e.dataset.term) >= 2;
  }, old.id);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a leader paused (a GC pause) from the inspector: the others elect another; it wakes still "leader", then steps down', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/raft?seed=11&nodes=5&speed=2`);
  const old = await waitLeader(page);
  await page.click(`[data-testid="${old.id}"]`);
  await page.click('[data-testid="action-pause"]');
  assert.match(await page.getAttribute(`[data-testid="${old.id}"]`, 'data-state') ?? '', /paused/);
  const fresh = await waitLeader(page, old.term);
  assert.notEqual(fresh.id, old.id);
  // Not a crash: it wakes with its state, hears the higher term and follows.
  await until(page, ({ id, term }) => {
    const e = document.querySelector(`[data-testid="${id}"]`);
    return e.dataset.role === 'follower' && Number(e.dataset.term) >= term;
  }, { id: old.id, term: fresh.term }, 30000);
  assert.equal((await nodes(page)).filter((n) => n.role === 'leader').length, 1);
  assert.equal(await page.locator('[data-testid="violation"]').count(), 0);
  await until(page, () => /act=\d+z\d:300/.test(location.hash));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a node whose links are all cut never becomes leader of the majority', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/raft?seed=5&nodes=5&${FAST}`);
  const leader = await waitLeader(page);
  const lonely = leader.id === 'node-3' ? 4 : 3;
  for (let other = 1; other <= 5; other++) {
    if (other === lonely) continue;
    const [a, b] = [Math.min(other, lonely), Math.max(other, lonely)];
    // dispatchEvent: a flying message may sit on the link's midpoint.
    await page.locator(`[data-testid="link-${a}-${b}"]`).dispatchEvent('click');
    assert.equal(await page.getAttribute(`[data-testid="link-${a}-${b}"]`, 'data-state'), 'cut');
  }
  const termBefore = Number(await page.getAttribute(`[data-testid="node-${lonely}"]`, 'data-term'));
  // Let several election timeouts pass: 12 steps of 250 ms of virtual time.
  for (let i = 0; i < 12; i++) {
    await virtualAfter(page, await virtualMs(page), 250);
    const ns = await nodes(page);
    assert.notEqual(ns[lonely - 1].role, 'leader', 'the isolated node must not lead');
    assert.ok(ns.some((n, i) => i !== lonely - 1 && n.role === 'leader'), 'the majority keeps a leader');
  }
  const termAfter = Number(await page.getAttribute(`[data-testid="node-${lonely}"]`, 'data-term'));
  assert.ok(termAfter > termBefore, `the isolated node keeps timing out (${termBefore} → ${termAfter})`);
  await shot(page, 'raft-isolated-node');
  // Heal everything: the cluster converges on one leader again.
  await page.click('[data-testid="btn-heal-all"]');
  assert.equal(await page.locator('[data-testid^="link-"][data-state="cut"]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a client request sent to a follower commits on every live node', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/raft?seed=8&nodes=5&${FAST}`);
  const leader = await waitLeader(page);
  // The followers have heard from the leader: all in its term.
  await until(page, ({ id, term }) => [...document.querySelectorAll('[data-testid^="node-"]')]
    .filter((e) => e.dataset.testid !== id)
    .every((e) => e.dataset.role === 'follower' && Number(e.dataset.term) === term), leader);
  const n = leader.id === 'node-1' ? 2 : 1;
  // One node is down: the request must still commit on the four live ones.
  const down = leader.id === 'node-5' ? 4 : 5;
  await page.click(`[data-testid="node-${down}"]`);
  await page.click('[data-testid="action-kill"]');
  await page.click(`[data-testid="node-${n}"]`);
  await page.click('[data-testid="action-request"]');
  await until(page, (down) => [...document.querySelectorAll('[data-testid^="log-"]')]
    .filter((_, i) => i + 1 !== down)
    .every((s) => s.querySelector('[data-value="1"][data-done="true"]')), down);
  const crashedLog = await page.getAttribute(`[data-testid="log-${down}"]`, 'data-len');
  assert.equal(crashedLog, '0', 'the crashed node got nothing');
  // (the log is rewritten a few times a second while the clock runs)
  await until(page, () => /redirected command 1/.test(document.querySelector('[data-testid="event-log"]').innerText));
  await shot(page, 'raft-request-committed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a malformed link shows readable notices and falls back', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/raft?seed=abc&nodes=100&emin=5&wat=1`);
  const text = await page.locator('[data-testid="notices"]').innerText();
  assert.match(text, /seed=abc/);
  assert.match(text, /nodes=100.*9/);
  assert.match(text, /wat/);
  assert.equal((await nodes(page)).length, 9);
  await shot(page, 'raft-bad-url');
  await page.click('[data-testid="notices-dismiss"]');
  assert.equal(await page.locator('[data-testid="notices"]').count(), 0);
  // The address bar now holds the corrected scenario.
  assert.match(page.url(), /seed=1&nodes=9/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Chinese interface from the link, switchable to English', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/raft?seed=3&lang=zh&${FAST}`);
  await waitLeader(page);
  const terms = ['分布式系统演练场', '领导者', '跟随者', '事件日志', '任期'];
  await until(page, (terms) => terms.every((t) => document.body.innerText.includes(t)), terms);
  await shot(page, 'raft-zh');
  await page.click('[data-testid="lang-toggle"]');
  const en = await page.locator('body').innerText();
  assert.ok(en.includes('Event log') || en.includes('EVENT LOG'));
  assert.match(page.url(), /lang=en/);
  // A link followed within the page (hash navigation) that names a language switches to it.
  await page.goto(`${server.url}#/gossip?nodes=16&lang=zh`);
  await until(page, () => document.querySelector('h1').textContent.includes('分布式系统演练场'));
  assert.match(page.url(), /lang=zh/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the browser language picks the default interface language', async () => {
  const { page, context } = await open(browser, `${server.url}#/raft`, { locale: 'zh-CN' });
  assert.match(await page.locator('h1').innerText(), /分布式系统演练场/);
  await context.close();
});

test('pause, step and the keyboard drive the virtual clock', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/raft?seed=2`);
  await page.click('[data-testid="btn-play"]');
  assert.equal(await page.getAttribute('[data-testid="btn-play"]', 'data-playing'), 'false');
  const t0 = await page.locator('[data-testid="clock"]').textContent();
  await frames(page, 20);
  assert.equal(await page.locator('[data-testid="clock"]').textContent(), t0, 'paused means paused: 20 frames, no time');
  await page.click('[data-testid="btn-step"]');
  await page.keyboard.press('ArrowRight');
  const t1 = await page.locator('[data-testid="clock"]').textContent();
  assert.notEqual(t1, t0, 'each step processes the next event');
  await page.keyboard.press(' ');
  assert.equal(await page.getAttribute('[data-testid="btn-play"]', 'data-playing'), 'true');
  await page.keyboard.press('3');
  assert.match(await page.locator('[data-testid="inspector-title"]').innerText(), /^S3/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('clicking a message in flight shows what it carries, and its drop button drops it', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/raft?seed=4&${FAST}`);
  await waitLeader(page);
  await page.click('[data-testid="btn-play"]'); // pause so the target holds still
  // Step until an AppendEntries (a heartbeat) is in flight.
  const ae = '[data-testid^="msg-"][data-kind="msg-hb"], [data-testid^="msg-"][data-kind="msg-ae"]';
  for (let i = 0; i < 80 && (await page.locator(ae).count()) === 0; i++) {
    await page.click('[data-testid="btn-step"]');
  }
  // The last message in the layer is painted on top of any it overlaps.
  const msg = page.locator(ae).last();
  const id = await msg.getAttribute('data-testid');
  await msg.click();
  assert.equal(await page.locator(`[data-testid="${id}"]`).count(), 1, 'a click alone drops nothing');
  const fields = await page.locator('[data-testid="msg-fields"]').innerText();
  for (const name of ['term', 'prevLogIndex', 'prevLogTerm', 'entries[]', 'leaderCommit']) {
    assert.ok(fields.includes(name), `the inspector names ${name}: ${fields}`);
  }
  assert.match(await page.locator('[data-testid="inspector-title"]').innerText(), /S\d → S\d/);
  // Stepping keeps it on show while it flies.
  await page.click('[data-testid="btn-step"]');
  assert.equal(await page.locator('[data-testid="msg-details"]').count(), 1);
  await shot(page, 'raft-message-contents');
  if (await page.locator(`[data-testid="${id}"]`).count()) {
    await page.click('[data-testid="action-drop"]');
    assert.equal(await page.locator(`[data-testid="${id}"]`).count(), 0);
    await until(page, () => document.querySelector('[data-testid="event-log"]').innerText.includes('dropped by you'));
    assert.equal(await page.locator('[data-testid^="drop-"]').count(), 1, 'a cross marks where it died');
    assert.match(await page.getAttribute('[data-testid="msg-state"]', 'data-state'), /^dropped/, 'the inspector says it was dropped');
    assert.ok(await page.locator('[data-testid="action-drop"]').isDisabled());
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('an arrow in the space-time diagram shows its message when clicked, and so does Paxos', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/paxos?preset=happy&speed=10`);
  await until(page, () => JSON.parse(window.wasmBindings.space_time_arrows()).filter((a) => a.end === 'delivered' && a.class === 'msg-px-prepare').length >= 3);
  await page.click('[data-testid="btn-play"]');
  // A click near the middle of the first prepare's arrow (the pointer picks the nearest).
  await page.evaluate(() => document.querySelector('[data-testid="space-time"]').scrollIntoView({ block: 'center' }));
  const drawn = await arrows(page);
  const prepare = drawn.find((a) => a.class === 'msg-px-prepare' && a.end === 'delivered');
  assert.ok(prepare, `a delivered prepare among ${JSON.stringify(drawn.map((a) => [a.class, a.end]))}`);
  const at = prepare.at(0.5);
  await page.mouse.click(at.x, at.y);
  const fields = await page.locator('[data-testid="msg-fields"]').innerText();
  assert.match(fields, /n \(proposal number\)\s+\(1, P1\)/);
  assert.equal(await page.getAttribute('[data-testid="msg-state"]', 'data-state').then((s) => s.replace(/\(.*/, '')), 'delivered');
  assert.ok(await page.locator('[data-testid="action-drop"]').isDisabled(), 'a delivered message cannot be dropped');
  assert.deepEqual(errors, []);
  await context.close();
});

test('changing the node count from the settings restarts with that many nodes', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/raft?seed=3&${FAST}`);
  await page.selectOption('[data-testid="nodes"]', '7');
  assert.equal((await nodes(page)).length, 7);
  assert.equal(await page.locator('[data-testid^="link-"]').count(), 21);
  assert.match(page.url(), /nodes=7/);
  await page.fill('[data-testid="param-emin"]', '999999');
  await page.locator('[data-testid="param-emin"]').dispatchEvent('change');
  assert.match(await page.locator('[data-testid="notices"]').innerText(), /10000/);
  assert.equal(await page.inputValue('[data-testid="param-emin"]'), '10000');
  assert.equal(await page.inputValue('[data-testid="param-emax"]'), '10000', 'the range stays ordered');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the network can duplicate messages: the setting, the link, the copies in flight', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/raft?seed=3&nodes=5&dup=50&${FAST}`);
  assert.equal(await page.inputValue('[data-testid="dup"]'), '50');
  const leader = await waitLeader(page);
  // Half the messages arrive twice: the network's copies fly beside the originals,
  // drawn with a dashed ring.
  await until(page, () => document.querySelectorAll('.msg.copy').length >= 1);
  assert.match(await page.locator('[data-testid="legend-copy"]').innerText(), /duplicate the network made/);
  await shot(page, 'raft-duplicates-50');
  assert.ok((await nodes(page)).some((n) => n.role === 'leader'), JSON.stringify(leader));
  // An out-of-range rate is clamped with a notice, and 0 leaves the link.
  await page.fill('[data-testid="dup"]', '95');
  await page.locator('[data-testid="dup"]').dispatchEvent('change');
  assert.match(await page.locator('[data-testid="notices"]').innerText(), /90/);
  assert.equal(await page.inputValue('[data-testid="dup"]'), '90');
  assert.match(page.url(), /dup=90/);
  await page.fill('[data-testid="dup"]', '0');
  await page.locator('[data-testid="dup"]').dispatchEvent('change');
  await until(page, () => !location.hash.includes('dup='));
  assert.equal(await page.locator('[data-testid="legend-copy"]').count(), 0, 'no copies, no key');
  assert.deepEqual(errors, []);
  await context.close();
});

test('query-string parameters work too, and a partition keeps the majority working', async () => {
  const { page, errors, context } = await open(browser, `${server.url}?seed=6&nodes=5&speed=10#/raft`);
  assert.equal((await nodes(page)).length, 5);
  await waitLeader(page);
  await page.click('[data-testid="btn-partition"]');
  // S1,S2 | S3,S4,S5: 6 links cross the cut.
  assert.equal(await page.locator('[data-testid^="link-"][data-state="cut"]').count(), 6);
  await until(page, () => {
    const ns = [...document.querySelectorAll('[data-testid^="node-"]')];
    const majority = ns.slice(2).filter((e) => e.dataset.role === 'leader');
    const minority = ns.slice(0, 2).filter((e) => e.dataset.role === 'leader');
    const top = Math.max(...ns.map((e) => Number(e.dataset.term)));
    return majority.length === 1 && Number(majority[0].dataset.term) === Math.max(...ns.slice(2).map((e) => Number(e.dataset.term)))
      && (minority.length === 0 || Number(minority[0].dataset.term) < top);
  });
  await shot(page, 'raft-partition');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the random seed button draws a new seed and restarts the run with it', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/raft?seed=1`);
  const seeds = [];
  for (let i = 0; i < 3; i++) {
    await page.click('[data-testid="btn-random-seed"]');
    const seed = Number(await page.inputValue('[data-testid="param-seed"], [data-testid="seed"]'));
    await until(page, (s) => location.hash.includes(`seed=${s}&`), seed);
    seeds.push(seed);
  }
  assert.ok(seeds.every((s) => Number.isInteger(s) && s >= 0 && s < 1e6), seeds.join());
  assert.ok(new Set(seeds).size >= 2, `fresh seeds: ${seeds.join()}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('hostile links: a far-future time is clamped and a flood of bad actions is summarised', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/raft?v=2&t=1000000000000000&act=${',z'.repeat(2000)}`);
  await page.waitForSelector('[data-testid="notices"]');
  // Ten notices listed, the rest counted; the clock opened at the ten-minute limit.
  assert.equal(await page.locator('[data-testid="notices"] li').count(), 11);
  assert.match(await page.innerText('[data-testid="notices-more"]'), /1991 more/);
  assert.match(await page.innerText('[data-testid="notices"]'), /t=1000000000000000/);
  assert.match(await page.locator('[data-testid="clock"]').textContent(), /600\.\d{3} s/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a far start time runs in slices: progress shows and the page keeps drawing frames', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    window.__frames = [];
    const tick = (t) => { window.__frames.push(t); requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  // Gossip with 500 nodes: the slowest page to run, ten virtual minutes.
  await page.goto(`${server.url}#/gossip?nodes=500&t=600000`);
  await page.waitForSelector('[data-testid="catching-up"]');
  await until(page, () => Number(document.querySelector('[data-testid="catching-up"] progress')?.value ?? 100) > 0);
  // From here (the page loaded and built), frames while it catches up.
  await page.evaluate(() => { window.__frames.length = 0; });
  await shot(page, 'catching-up-1280');
  assert.match(await page.innerText('[data-testid="catching-up"]'), /600\.000 s/);
  await page.waitForFunction(() => !document.querySelector('[data-testid="catching-up"]'), undefined, { timeout: 60000 });
  assert.match(await page.locator('[data-testid="clock"]').textContent(), /600\.\d{3} s/);
  // The frames kept coming while it ran: no gap longer than a few slices.
  // (Screenshots and the final view also take frames; the slices themselves take 12 ms.)
  const gaps = await page.evaluate(() => window.__frames.slice(1).map((t, i) => t - window.__frames[i]));
  assert.ok(gaps.length > 10, `${gaps.length} frames`);
  assert.ok(Math.max(...gaps) < 250, `longest frame gap ${Math.max(...gaps).toFixed(0)} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link too far for its settings stops short, says where, and keeps the page usable', async () => {
  // Gossip at its heaviest (500 nodes every 20 ms to 10 others, anti-entropy, 1 ms links):
  // about half a million events per virtual second, so ten virtual minutes would take
  // minutes; the catch-up spends its budget and stops (issue 29), in Chinese here.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const t0 = Date.now();
  await page.goto(`${server.url}#/gossip?lang=zh&nodes=500&period=20&ae=1&fanout=10&lmin=1&lmax=1&t=600000`);
  await page.waitForSelector('[data-testid="notices"]', { timeout: 40000 });
  const took = (Date.now() - t0) / 1000;
  const text = await page.innerText('[data-testid="notices"]');
  assert.match(text, /600\.000 s/, text);
  assert.match(text, /已停在/, text);
  assert.equal(await page.locator('[data-testid="catching-up"]').count(), 0);
  // It stopped where the notice says, short of the link's moment, and waits for play.
  const clock = await page.locator('[data-testid="clock"]').textContent();
  const at = Number(clock.match(/([\d.]+) s/)[1]);
  assert.ok(at > 0 && at < 600, clock);
  assert.ok(text.includes(`${at.toFixed(3)} s`), `${text} / ${clock}`);
  await shot(page, 'catch-up-stopped-short-zh');
  // Play goes on from there.
  await page.keyboard.press('Space');
  await until(page, (at) => Number(document.querySelector('[data-testid="clock"]').textContent.match(/([\d.]+) s/)[1]) > at, at);
  console.log(`stopped short at ${at} s after ${took.toFixed(1)} s of wall time`);
  assert.ok(took < 30, `${took} s`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a session longer than a link holds: the link keeps what fits, opens at its last exact moment, and says so', async () => {
  // 12,000 actions (a heal-all every 5 ms) are more than a link's 100,000 characters.
  const act = Array.from({ length: 12000 }, (_, i) => `${(i + 1) * 5000}H`).join(',');
  const { page, errors, context } = await open(browser, `${server.url}#/raft?v=2&seed=3&autoplay=0&act=${act}`);
  await page.waitForSelector('[data-testid="link-cut"]');
  const text = await page.innerText('[data-testid="link-cut"]');
  const m = text.match(/first (\d+) of 12000 actions and opens at (\d+\.\d{3}) s/);
  assert.ok(m, text);
  const hash = await page.evaluate(() => location.hash);
  assert.ok(hash.length < 101000, `${hash.length} characters`);
  assert.equal((hash.match(/act=([^&]*)/)[1].match(/H/g) || []).length, Number(m[1]));
  assert.match(hash, new RegExp(`t=${Math.round(Number(m[2]) * 1000)}`));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the page states Raft\'s timing requirement with the current numbers, and warns when it breaks', async () => {
  const ok = await open(browser, `${server.url}#/raft?seed=3`, { viewport: { width: 1280, height: 800 } });
  const good = ok.page.locator('[data-testid="status-timing"]');
  assert.match(await good.innerText(), /80 ms ≪ election timeout 150–300 ms ✓/);
  assert.equal(await good.evaluate((e) => e.classList.contains('alarm')), false);
  await shot(ok.page, 'raft-timing-1280');
  await ok.context.close();
  const bad = await open(browser, `${server.url}#/raft?seed=3&emin=60&emax=300&hb=30&lang=zh`);
  const warn = bad.page.locator('[data-testid="status-timing"]');
  assert.match(await warn.innerText(), /⚠ 选举超时 60 ms 小于一次投票的往返时间（80 ms）/);
  assert.equal(await warn.evaluate((e) => e.classList.contains('alarm')), true);
  assert.deepEqual([...ok.errors, ...bad.errors], []);
  await bad.context.close();
});

test('a second click on a cut link heals it even where drop marks sit on it', async () => {
  const { page, errors, context } = await open(browser, `${server.url}#/raft?seed=3&${FAST}`);
  const leader = await waitLeader(page);
  const l = Number(leader.id.slice(5));
  const o = l === 1 ? 2 : 1;
  const id = `link-${Math.min(l, o)}-${Math.max(l, o)}`;
  await page.locator(`[data-testid="${id}"]`).dispatchEvent('click');
  assert.equal(await page.getAttribute(`[data-testid="${id}"]`, 'data-state'), 'cut');
  // Heartbeats hit the cut: a drop mark sits on the link's middle. Pause there, with no
  // message waiting at that point (a click on a message drops it, by design).
  const spot = (id) => {
    const line = document.querySelector(`[data-testid="${id}"] .link-line`).getBoundingClientRect();
    const [x, y] = [line.left + line.width / 2, line.top + line.height / 2];
    const onIt = (el) => { const r = el.getBoundingClientRect(); return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom; };
    const mark = [...document.querySelectorAll('[data-testid^="drop-"]')].some(onIt);
    const msg = [...document.querySelectorAll('.msg')].some(onIt);
    return mark && !msg ? { x, y } : null;
  };
  let at = null;
  for (let i = 0; i < 20 && !at; i++) {
    await until(page, spot, id);
    await page.click('[data-testid="btn-play"]');
    at = await page.evaluate(spot, id);
    if (!at) await page.click('[data-testid="btn-play"]');
  }
  assert.ok(at, 'a paused moment with a drop mark on the cut link');
  await page.mouse.click(at.x, at.y);
  await until(page, (id) => document.querySelector(`[data-testid="${id}"]`).dataset.state === 'up', id);
  assert.deepEqual(errors, []);
  await context.close();
});
