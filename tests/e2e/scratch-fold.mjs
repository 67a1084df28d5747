import { serve, launch, open } from './harness.mjs';
const srv = await serve(); const browser = await launch();
const size = process.argv[2] || '1280x800'; const [w,h] = size.split('x').map(Number);
const pages = (process.argv[3] || 'raft').split(',');
const lang = process.argv[4] || 'en';
for (const p of pages) {
  const { page, context } = await open(browser, srv.url + `#/${p}${p.includes('?')?'&':'?'}lang=${lang}`, { viewport: { width: w, height: h }, wait: p.startsWith('gossip') ? '[data-testid=crowd]' : p.startsWith('ring') || p.startsWith('bloom') ? 'main' : undefined });
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `screenshots/scratch-fold-${p.replace(/[^a-z0-9]/g,'_')}-${size}-${lang}.png` });
  const info = await page.evaluate(() => { const r = (s) => { const e = document.querySelector(s); if (!e) return null; const b = e.getBoundingClientRect(); return [Math.round(b.top), Math.round(b.bottom), Math.round(b.left), Math.round(b.right)]; };
    return { stage: r('.stage'), cluster: r('.cluster-panel'), logs: r('.logs'), side: r('.side'), st: r('.space-time'), log: r('.event-log'), controls: r('.controls'), status: r('.status'), presets: r('.presets') }; });
  console.log(p, JSON.stringify(info));
  await context.close();
}
await browser.close(); await srv.close();
