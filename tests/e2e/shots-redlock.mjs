import { serve, launch, open, shot, until } from './harness.mjs';
const server = await serve(); const browser = await launch();
{
  const { page, context } = await open(browser, `${server.url}#/redlock?preset=consensus-jump&speed=4&lang=zh`, { viewport: { width: 1280, height: 800 } });
  await until(page, () => document.querySelector('[data-testid="status-lost"] b')?.textContent === '2 / 2 / 0', null, 30000);
  await page.click('[data-testid="node-3"]');
  await page.screenshot({ path: 'screenshots/redlock-consensus-jump-zh-1280.png' });
  await context.close();
}
{
  const { page, context } = await open(browser, `${server.url}#/redlock?preset=redlock-pause&speed=4`, { viewport: { width: 1280, height: 800 } });
  await until(page, () => document.querySelector('[data-testid="violation"]'), null, 30000);
  await page.click('[data-testid="node-6"]');
  await page.screenshot({ path: 'screenshots/redlock-pause-1280.png' });
  await context.close();
}
{
  const { page, context } = await open(browser, `${server.url}#/redlock?preset=redlock-jump&tour=redlock-jump&speed=2`, { viewport: { width: 1280, height: 800 } });
  await until(page, () => document.querySelector('[data-testid="violation"]'), null, 30000);
  await page.screenshot({ path: 'screenshots/redlock-tour-1280.png' });
  await context.close();
}
await browser.close(); await server.close();
