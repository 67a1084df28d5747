// Trunk post-build hook (see Trunk.toml): minifies wasm-bindgen's JS glue with terser and
// rewrites its subresource-integrity hash in index.html. Saves ~2 KB gzipped of the
// page's first load. Release builds only; a debug build is left as it is.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir || process.env.TRUNK_PROFILE !== 'release') process.exit(0);
let minify;
try {
  ({ minify } = await import('terser'));
} catch {
  console.error('minify-glue: terser is not installed (npm ci in tests/e2e); the glue stays as it is');
  process.exit(0);
}
const html = path.join(dir, 'index.html');
let page = fs.readFileSync(html, 'utf8');
for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.js'))) {
  const file = path.join(dir, name);
  const src = fs.readFileSync(file, 'utf8');
  const out = await minify(src, { module: true, compress: { passes: 2 }, mangle: true });
  if (!out.code) throw new Error(`minify-glue: terser gave nothing for ${name}`);
  const before = 'sha384-' + crypto.createHash('sha384').update(src).digest('base64');
  const after = 'sha384-' + crypto.createHash('sha384').update(out.code).digest('base64');
  fs.writeFileSync(file, out.code);
  page = page.split(before).join(after);
  console.log(`minify-glue: ${name} ${src.length} -> ${out.code.length} bytes`);
}
fs.writeFileSync(html, page);
