import { serve, launch, open, until } from './harness.mjs';
const server = await serve(); const browser = await launch();
const { page } = await open(browser, `${server.url}#/raft?seed=1&speed=10`);
const snap = () => page.$$eval('[data-testid^="node-"]', (els) => els.map((e) => `${e.dataset.testid}:${e.dataset.role}:${e.classList.contains('timed')}:${e.querySelector('.ring')?.getAttribute('stroke-dasharray')}`));
for (let i = 0; i < 6; i++) { await page.waitForTimeout(700); console.log((await page.textContent('[data-testid="clock"]')), (await snap()).join(' ')); }
await page.click('[data-testid="btn-play"]');
const t = await page.textContent('[data-testid="clock"]');
console.log('paused', t, (await snap()).join(' '));
await browser.close(); await server.close();
