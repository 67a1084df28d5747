import { serve, launch } from './harness.mjs';
const server = await serve(); const browser = await launch();
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i += 3) {
  const [url, name, lang] = args.slice(i, i + 3);
  const context = await browser.newContext({ locale: lang, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.goto(`${server.url}${url}`);
  await page.waitForTimeout(6000);
  await page.screenshot({ path: `/tmp/${name}.png` });
  await context.close();
}
await browser.close(); process.exit(0);
