// Trunk post-build hook (see Trunk.toml): minifies wasm-bindgen's JS glue with terser and
// the stylesheet (comments and spaces), and rewrites their subresource-integrity hashes in
// index.html. Saves ~3 KB gzipped of the page's first load. Release builds only; a debug
// build is left as it is.
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
const sri = (text) => 'sha384-' + crypto.createHash('sha384').update(text).digest('base64');
/** Comments, then runs of white space, then spaces around punctuation (no strings or
 *  url()s with such characters in our stylesheet). */
const minifyCss = (css) => css
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/\s+/g, ' ')
  .replace(/\s*([{}:;,>])\s*/g, '$1')
  .replace(/;}/g, '}')
  .trim();
for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.js') || f.endsWith('.css'))) {
  const file = path.join(dir, name);
  const src = fs.readFileSync(file, 'utf8');
  const code = name.endsWith('.css')
    ? minifyCss(src)
    : (await minify(src, { module: true, compress: { passes: 3 }, mangle: true })).code;
  if (!code) throw new Error(`minify-glue: nothing left of ${name}`);
  fs.writeFileSync(file, code);
  page = page.split(sri(src)).join(sri(code));
  console.log(`minify-glue: ${name} ${src.length} -> ${code.length} bytes`);
}
fs.writeFileSync(html, page);
