// Trunk post-build hook (see Trunk.toml), the second half of tools/bin/wasm-bindgen: puts
// the split chunks and their loader into the dist. The chunks are optimised with wasm-opt
// (release builds, as Trunk does the shell) and packed (one shared pack, one per page);
// each pack is named by its content's hash, and so is the loader `__wasm_split.js`, so a
// browser never pairs a new shell with an old cached chunk. The loader's imports and the
// glue's import of the loader are rewritten to those names (and the glue's integrity hash
// in index.html with them), and index.html starts the linked page's packs early.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import os from 'node:os';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) process.exit(0);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const split = path.join(root, 'target', 'wasm-split');
const release = process.env.TRUNK_PROFILE === 'release';
const NAME = 'ds-playground';
const LOADER = '__wasm_split.js';

const fail = (msg) => { console.error(`split-post-build: ${msg}`); process.exit(1); };
if (!fs.existsSync(path.join(split, LOADER))) {
  fail(`no ${LOADER} in ${split}: wasm-bindgen ran without the split step (put tools/bin first on PATH, as ./dev.sh does)`);
}
const hash = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const sri = (text) => 'sha384-' + crypto.createHash('sha384').update(text).digest('base64');

// The features rustc enables for wasm32-unknown-unknown; chunks carry no features section.
const FEATURES = ['--enable-bulk-memory', '--enable-mutable-globals', '--enable-multivalue',
  '--enable-nontrapping-float-to-int', '--enable-reference-types', '--enable-sign-ext'];

// Old chunks from an earlier build in the same staging dir would linger.
for (const f of fs.readdirSync(dir)) if (/^(pack_|__wasm_split)/.test(f)) fs.rmSync(path.join(dir, f));

/** The module without its custom sections (names, producers): what wasm-opt would strip
 *  from a small chunk, without starting wasm-opt (a node program, ~1 s a start). */
function stripCustom(bytes) {
  const parts = [bytes.subarray(0, 8)];
  let i = 8;
  while (i < bytes.length) {
    const start = i;
    const id = bytes[i++];
    let size = 0, shift = 0, b;
    do { b = bytes[i++]; size |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
    i += size;
    if (id !== 0) parts.push(bytes.subarray(start, i));
  }
  return Buffer.concat(parts);
}

/** Run `jobs` (functions returning promises) `n` at a time. */
async function pool(jobs, n) {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < jobs.length) await jobs[next++]();
  }));
}

const run = (cmd, args) => new Promise((ok, no) => execFile(cmd, args, (e, _out, err) => (e ? no(new Error(`${cmd}: ${err || e.message}`)) : ok())));
const BIG = 4096;
const files = fs.readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== `${NAME}.wasm`).sort();
const optimised = new Map();
await pool(files.map((f) => async () => {
  const src = path.join(split, f);
  const raw = fs.readFileSync(src);
  if (release && raw.length >= BIG) {
    const out = path.join(split, `opt-${f}`);
    await run('wasm-opt', ['-Oz', '--strip-debug', '--strip-producers', ...FEATURES, src, '-o', out]);
    optimised.set(f, fs.readFileSync(out));
  } else {
    optimised.set(f, release ? stripCustom(raw) : raw);
  }
}), Math.max(1, os.cpus().length));

// Pack each split point's modules, so opening a page costs two requests (its pack and, for
// the first page, the shared one), not one per chunk (Raft needed 74). A chunk most pages need (the generic runner's helpers,
// the shared widgets' code only pages reach) goes in one shared pack, fetched with the
// first page; a chunk few pages share is copied into each of their packs (the loader
// still instantiates it once). COMMON: how many pages make a chunk common (measured on 16
// pages: 6 kept the heaviest first load within 10 KB of no shared pack, and the packs'
// total 25 % smaller). The benchmark hooks' split point does not count.
const COMMON = 6;
let loader = fs.readFileSync(path.join(split, LOADER), 'utf8');
const chunkFile = new Map(); // __chunk_N -> chunk_N.wasm
for (const m of loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)) chunkFile.set(m[1], m[2]);
const packs = new Map(); // split name -> [module files]
for (const m of loader.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?\n, \[([^\]]*)\]\)\);/g)) {
  const deps = m[3].split(',').map((d) => d.trim()).filter(Boolean).map((d) => chunkFile.get(d)).filter(Boolean);
  packs.set(m[1], [m[2], ...deps]);
}
if (packs.size === 0) fail('found no split point in the loader');
const used = new Set([...packs.values()].flat());
for (const f of files) if (!used.has(f)) fail(`${f} is in no split point's pack`);

const users = new Map(); // module -> how many pages' packs need it
for (const [name, mods] of packs) if (name !== 'bench') for (const f of mods) users.set(f, (users.get(f) || 0) + 1);
const common = new Set([...users].filter(([, n]) => n >= COMMON).map(([f]) => f));
const groups = new Map([...packs].map(([name, mods]) => [name, mods.filter((f) => !common.has(f))]));
if (common.size) groups.set('common', [...common].sort());

const packOf = {};
let bytes = 0;
for (const [name, mods] of [...groups].sort()) {
  const index = [];
  let offset = 0;
  for (const f of mods) { const len = optimised.get(f).length; index.push([f, offset, len]); offset += len; }
  const head = Buffer.from(JSON.stringify(index));
  const size = Buffer.alloc(4); size.writeUInt32LE(head.length);
  const body = Buffer.concat([size, head, ...mods.map((f) => optimised.get(f))]);
  const named = `pack_${name}-${hash(body)}.wasm`;
  fs.writeFileSync(path.join(dir, named), body);
  packOf[name] = named;
  bytes += body.length;
}

// Every module is fetched from the pack of the split point being loaded: the fetches a
// split's load makes all happen synchronously inside its callee, which __named marks.
loader = loader.replace(/fetch\(new URL\("\.\/([^"]+)", import\.meta\.url\)\)/g, (_, f) => `__part("${f}")`);
loader = loader.replace(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(/g, (_, n) => `export const __wasm_split_load_${n} = __named("${n}", `);
if (loader.includes('fetch(new URL(')) fail('a module fetch was left unrewritten in the loader');
loader += `
// Added by tools/split-post-build.mjs: the packs (one file per split point).
const __packOf = ${JSON.stringify(packOf)};
const __common = new Set(${JSON.stringify([...common].sort())});
const __packs = new Map();
let __current;
function __named(split, callee) {
    return wrapAsyncCb(() => {
        const outer = __current;
        __current = split;
        try { return callee(); } finally { __current = outer; }
    });
}
function __pack(file) {
    let p = __packs.get(file);
    if (p === undefined) {
        // index.html started the linked page's packs beside the shell (see the hook).
        const early = globalThis.__packEarly && globalThis.__packEarly[file];
        if (early) delete globalThis.__packEarly[file];
        p = (early || fetch(new URL("./" + file, import.meta.url))).then(async (r) => {
            if (!r.ok) throw new Error(file + ": " + r.status);
            const buf = await r.arrayBuffer();
            const headLen = new DataView(buf).getUint32(0, true);
            const index = JSON.parse(new TextDecoder().decode(new Uint8Array(buf, 4, headLen)));
            const parts = new Map();
            for (const [name, off, len] of index) parts.set(name, new Uint8Array(buf, 4 + headLen + off, len));
            return parts;
        });
        // A failed fetch is forgotten, so the next attempt tries again.
        p.catch(() => { if (__packs.get(file) === p) __packs.delete(file); });
        __packs.set(file, p);
    }
    return p;
}
function __part(name) {
    const file = __packOf[__common.has(name) ? "common" : __current];
    if (file === undefined) return Promise.reject(new Error("no split point is loading " + name));
    const part = __pack(file).then((parts) => new Response(parts.get(name), { headers: { "content-type": "application/wasm" } }));
    // The loader awaits a split's other modules before this one: if they fail first, this
    // promise's rejection must not surface as an unhandled error (the load reports it).
    part.catch(() => {});
    return part;
}
`;
const chunks = files.length;

// The loader imports the glue (for the shell's exports); the glue imports the loader.
const glue = fs.readdirSync(dir).find((f) => new RegExp(`^${NAME}(-[0-9a-f]+)?\\.js$`).test(f));
if (!glue) fail(`no ${NAME}*.js glue in ${dir}`);
if (!loader.includes(`"./${NAME}.js"`)) fail(`the loader does not import ./${NAME}.js`);
loader = loader.split(`"./${NAME}.js"`).join(`"./${glue}"`);
const loaderName = `__wasm_split-${hash(loader)}.js`;
fs.writeFileSync(path.join(dir, loaderName), loader);

// The page a link names starts downloading its packs at once, beside the shell, rather than
// after the shell has been fetched, compiled and started: a small script in index.html
// reads the address's page (#/<slug>) and fetches them; the loader takes those responses.
// The slugs come from each page's SPEC and the split names from its page_chunk! line. A
// failed early fetch is marked handled here; the loader still meets its rejection.
const early = {};
const pagesDir = path.join(root, 'src', 'ui', 'pages');
for (const folder of fs.readdirSync(pagesDir)) {
  const mod = path.join(pagesDir, folder, 'mod.rs');
  if (!fs.existsSync(mod)) continue;
  const src = fs.readFileSync(mod, 'utf8');
  const spec = src.indexOf('pub static SPEC: PageSpec');
  const slug = spec >= 0 && src.slice(spec).match(/\n    slug: "([^"]+)"/);
  const chunk = src.match(/page_chunk!\((\w+),/);
  if (!slug || !chunk) fail(`${mod}: no SPEC slug or page_chunk! line`);
  if (!packOf[chunk[1]]) fail(`${mod}: split point ${chunk[1]} has no pack`);
  early[slug[1]] = [packOf[chunk[1]], ...(packOf.common ? [packOf.common] : [])];
}
const earlyScript = `<script>(()=>{const p=${JSON.stringify(early)};const m=location.hash.match(/^#\\/([^?/]+)/);const f=m&&p[m[1]];if(!f)return;const e=window.__packEarly={};for(const n of f)(e[n]=fetch(new URL("./"+n,document.baseURI))).catch(()=>{});})();</script>`;

const gluePath = path.join(dir, glue);
const before = fs.readFileSync(gluePath, 'utf8');
// Only the import statements: the imports object keeps the wasm's module name as its key.
const after = before.replace(/from\s*(["'])\.\/__wasm_split\.js\1/g, `from './${loaderName}'`);
if (after === before) fail(`the glue ${glue} does not import ./${LOADER}`);
fs.writeFileSync(gluePath, after);
const html = path.join(dir, 'index.html');
let page = fs.readFileSync(html, 'utf8').split(sri(before)).join(sri(after));
if (!page.includes('<script type="module">')) fail('index.html has no module script to put the early fetch before');
page = page.replace('<script type="module">', `${earlyScript}\n<script type="module">`);
fs.writeFileSync(html, page);
console.log(`split-post-build: ${chunks} modules in ${groups.size} packs (${common.size} common), ${bytes} bytes, loader ${loaderName}`);
