#!/usr/bin/env node
// make bench: what a publisher pays for Dateline, measured.
//
//   node scripts/bench.mjs          (make bench builds dist/ first)
//
// Serves the release dist/ and the pages in bench/ on 127.0.0.1 (scripts/
// serve.mjs, a free port, --shift-dates), drives the system Chromium headless
// with playwright-core, and writes target/bench/report.json (every sample)
// and target/bench/report.md (the tables, also printed at the end).
//
// Figures: bytes (raw, gzip, brotli q11) and the top wasm items (twiggy);
// first article paint against the same article as static HTML; long tasks
// and total blocking time, unthrottled and at 4x CPU throttling; layout
// shift of the host page; in-place navigation, prefetched and fresh; JS heap
// and wasm memory after load and after many navigations; twenty widgets on
// one page against one, and how often the wasm is compiled/instantiated;
// layout shift of a plain publisher page at 360, 768 and 1280 px wide, with
// the snippet as pasted (script tag before and after the element) and with
// the reserve docs/EMBED.md documents.
//
// Every load figure is the median (with min and max) of BENCH_RUNS cold
// loads: each load gets a new browser context (empty HTTP cache, memory
// cache and compiled-code cache; new renderer process), and the server sends
// Cache-Control: no-store. Page kinds are interleaved run by run, so a busy
// moment on a shared machine hits both sides of a ratio alike.
//
// Environment (defaults in brackets):
//   BENCH_RUNS [9]         cold loads per page, for each load figure
//   BENCH_NAVS [50]        in-place navigations per navigation figure
//   BENCH_MEM_NAVS [200]   navigations between the two memory readings
//   BENCH_MEM_RUNS [3]     pages the memory figure is taken on
//   BENCH_THROTTLE [4]     CPU slowdown factor for the throttled runs
//   BENCH_SHIFT_RUNS [3]   cold loads per page and width for the layout
//                          shift by width (4 pages x 3 widths)
//   BENCH_ONLY [all]       while iterating: a comma-separated subset of
//                          paint, throttled, many, nav, memory, shift (the report then
//                          shows only those figures; skipped ones read n/a)
//   CHROMIUM [/usr/bin/chromium]
//
// It is a report, not a test: missed targets are marked FAIL in the tables,
// and the exit status is non-zero only when the bench itself could not run.

import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);
// The tools the Makefile puts on PATH (wasm-opt from npm, wasm-bindgen and
// twiggy from cargo), also when this script is run directly.
process.env.PATH = [path.join(ROOT, 'node_modules/.bin'), path.join(os.homedir(), '.cargo/bin'), process.env.PATH].join(path.delimiter);

const env = (name, def) => {
  const v = process.env[name];
  if (v === undefined || v === '') return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${v}`);
  return n;
};
const CFG = {
  runs: env('BENCH_RUNS', 9),
  navs: env('BENCH_NAVS', 50),
  memNavs: env('BENCH_MEM_NAVS', 200),
  memRuns: env('BENCH_MEM_RUNS', 3),
  throttle: env('BENCH_THROTTLE', 4),
  shiftRuns: env('BENCH_SHIFT_RUNS', 3),
};
const ALL = ['paint', 'throttled', 'many', 'nav', 'memory', 'shift'];
const ONLY = new Set((process.env.BENCH_ONLY || ALL.join(',')).split(',').map((s) => s.trim()));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// As in tests/e2e/harness.mjs; playwright adds --headless.
const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic'];
const VIEWPORT = { width: 1280, height: 800 };
// Layout shift by width: a phone, a tablet, a laptop. At 1280 px the widget
// on the shift pages is wide enough (≥ 60rem) for the rail beside the article.
const SHIFT_VIEWPORTS = [{ width: 360, height: 740 }, { width: 768, height: 1024 }, { width: 1280, height: 800 }];
// The pages (bench/), each with host content below the widget, and the
// target for each (null: reported, no target).
const SHIFT_PAGES = [
  { page: 'snippet.html', label: 'the README snippet as pasted (script tag first)', target: 0.1 },
  { page: 'snippet-after.html', label: 'as pasted, the script tag after the element', target: 0.1 },
  { page: 'reserved.html', label: 'the documented reserve (`[data-dateline] { min-height: 100vh }`)', target: 0.01 },
  { page: 'snippet-async.html', label: 'the snippet with `async` added, no reserve', target: null },
];
const OUT = 'target/bench';
const DIST = 'dist';
// The versioned names scripts/finish-dist.sh gives the module and the wasm.
const VERSION = /^version = "([^"]+)"/m.exec(fs.readFileSync('Cargo.toml', 'utf8'))[1];
const PKG_JS = `pkg/dateline-${VERSION}.js`;
const PKG_WASM = `pkg/dateline-${VERSION}_bg.wasm`;
const TIMEOUT = 30_000; // per page load or navigation wait
const SETTLE_MS = 500; // after a page has fully loaded, for late long tasks and shifts
const KB = 1000; // the budget is in bytes (size-budget.txt); targets use 1 KB = 1,000 bytes

const log = (...a) => console.error('[bench]', ...a);
const t0 = Date.now();

// ---------------------------------------------------------------- statistics

function quantile(sorted, q) {
  // Nearest rank: the smallest sample with at least q of the samples at or below it.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}
/** { median, min, max, p95, n, samples } of a list of numbers. */
function summary(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return { median: median(s), min: s[0], max: s[s.length - 1], p95: quantile(s, 0.95), n: s.length, samples: xs };
}

// ---------------------------------------------------------------- 1. bytes

function brotli(buf) {
  return zlib.brotliCompressSync(buf, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }).length;
}

/** Raw, gzip -9 and brotli q11 bytes of every file the script tag loads. */
function measureBytes() {
  const pkg = fs.readdirSync(path.join(DIST, 'pkg')).filter((f) => /\.(js|wasm|css)$/.test(f)).sort();
  const files = ['dateline.js', ...pkg.map((f) => `pkg/${f}`)];
  const rows = files.map((f) => {
    const buf = fs.readFileSync(path.join(DIST, f));
    return { file: f, raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length, brotli: brotli(buf) };
  });
  const total = { file: 'total', raw: 0, gzip: 0, brotli: 0 };
  for (const r of rows) for (const k of ['raw', 'gzip', 'brotli']) total[k] += r[k];
  return { files: rows, total, css: 'none: style/widget.css is compiled into the wasm' };
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${(r.stderr || '').trim().slice(-800)}`);
  return r.stdout;
}

const TWIGGY_VERSION = '0.8.0';

/** twiggy on PATH, installed with cargo if missing; null if that fails. */
function ensureTwiggy() {
  const works = () => spawnSync('twiggy', ['--version'], { encoding: 'utf8' }).status === 0;
  if (works()) return 'twiggy';
  // 0.8.0 builds with --locked from crates.io alone (checked 2026-11-29).
  log(`twiggy is missing: cargo install twiggy --version ${TWIGGY_VERSION} --locked (once, a few minutes)`);
  const r = spawnSync('cargo', ['install', 'twiggy', '--version', TWIGGY_VERSION, '--locked'], { stdio: 'inherit' });
  if (r.status === 0 && works()) return 'twiggy';
  log('could not install twiggy; using the built-in wasm section reader instead');
  return null;
}

/** The wasm-opt feature flags the release build uses (index.html). */
function wasmOptParams() {
  const m = /data-wasm-opt-params="([^"]*)"/.exec(fs.readFileSync('index.html', 'utf8'));
  return m ? m[1].split(/\s+/).filter(Boolean) : [];
}

/**
 * The top wasm items by shallow size. The shipped wasm has no names, so this
 * rebuilds a names-kept variant from cargo's output the same way Trunk builds
 * the shipped one (wasm-bindgen, then wasm-opt -Oz with the same features),
 * but with -g so wasm-opt keeps the name section.
 */
function wasmTop(n = 15) {
  const input = 'target/wasm32-unknown-unknown/release/dateline.wasm';
  if (!fs.existsSync(input)) return { skipped: `${input} is missing: run make build (make bench does)` };
  const dir = path.join(OUT, 'names');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  run('wasm-bindgen', [input, '--out-dir', dir, '--target', 'web', '--keep-debug']);
  const bg = path.join(dir, 'dateline_bg.wasm');
  const named = path.join(dir, 'dateline_bg.named.wasm');
  const params = wasmOptParams();
  run('wasm-opt', ['-Oz', '-g', ...params, bg, '-o', named]);
  const size = fs.statSync(named).size;
  const shipped = fs.statSync(path.join(DIST, PKG_WASM)).size;
  const method = `wasm-bindgen --target web --keep-debug, then wasm-opt -Oz -g ${params.join(' ')}`;
  // Custom sections (the names themselves, producers) are not shipped: leave them out.
  const isCustom = (name) => /^custom section|"function names" subsection|"local names" subsection|subsection$/.test(name);
  const twiggy = ensureTwiggy();
  let items;
  let tool;
  if (twiggy) {
    const json = JSON.parse(run(twiggy, ['top', '-n', String(n + 20), '-f', 'json', named]));
    items = json.map((e) => ({ name: e.name, bytes: e.shallow_size }));
    tool = run(twiggy, ['--version']).trim();
  } else {
    items = wasmItems(fs.readFileSync(named));
    tool = 'built-in section reader (function bodies, data segments, sections; like twiggy top)';
  }
  const excluded = items.filter((i) => isCustom(i.name));
  // Percentages of what would ship: the variant without its custom sections.
  const custom = wasmItems(fs.readFileSync(named)).filter((i) => i.name.startsWith('custom section')).reduce((a, i) => a + i.bytes, 0);
  const base = size - custom;
  // Rust symbol hashes and crate disambiguators only make the names longer.
  const tidy = (name) => name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');
  const kept = items.filter((i) => !isCustom(i.name)).slice(0, n).map((i) => ({ name: tidy(i.name), bytes: i.bytes, percent: (100 * i.bytes) / base }));
  return { tool, method, file: named, bytes: size, codeAndData: base, shippedBytes: shipped, items: kept, excluded: excluded.map((i) => `${i.name} (${i.bytes} bytes)`) };
}

/**
 * Fallback for twiggy top: shallow sizes of a wasm module's function bodies
 * (named from the name section), data segments and other sections.
 */
function wasmItems(buf) {
  let p = 8; // magic + version
  const u32 = () => {
    let result = 0, shift = 0, b;
    do { b = buf[p++]; result |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
    return result >>> 0;
  };
  const str = () => { const len = u32(); const s = buf.toString('utf8', p, p + len); p += len; return s; };
  let importedFuncs = 0;
  const names = new Map(); // function index -> name
  const dataNames = new Map(); // data segment index -> name
  const items = [];
  while (p < buf.length) {
    const id = buf[p++];
    const size = u32();
    const end = p + size;
    if (id === 2) { // imports: count imported functions, which come first in the index space
      for (let i = 0, c = u32(); i < c; i++) {
        str(); str();
        const kind = buf[p++];
        if (kind === 0) { u32(); importedFuncs++; } else if (kind === 1) { p++; const f = buf[p++]; u32(); if (f & 1) u32(); } else if (kind === 2) { const f = buf[p++]; u32(); if (f & 1) u32(); } else if (kind === 3) { p += 2; } else { u32(); u32(); }
      }
    } else if (id === 10) { // code: one item per function body
      const count = u32();
      for (let i = 0; i < count; i++) {
        const bodyStart = p;
        const len = u32();
        p += len;
        items.push({ index: importedFuncs + i, bytes: p - bodyStart });
      }
    } else if (id === 11) { // data segments
      const count = u32();
      for (let i = 0; i < count; i++) {
        const segStart = p;
        const flags = u32();
        if (flags === 2) u32();
        if (flags !== 1) { while (buf[p] !== 0x0b) p++; p++; } // skip the offset expression (const + end)
        const len = u32();
        p += len;
        items.push({ data: i, bytes: p - segStart });
      }
    } else if (id === 0) {
      const name = str();
      if (name === 'name') {
        while (p < end) {
          const sub = buf[p++];
          const subLen = u32();
          const subEnd = p + subLen;
          if (sub === 1) for (let i = 0, c = u32(); i < c; i++) { const idx = u32(); names.set(idx, str()); }
          if (sub === 9) for (let i = 0, c = u32(); i < c; i++) { const idx = u32(); dataNames.set(idx, str()); }
          p = subEnd;
        }
      }
      items.push({ name: `custom section '${name}'`, bytes: size });
    } else {
      items.push({ name: `section ${id}`, bytes: size });
    }
    p = end;
  }
  for (const it of items) {
    if (it.index !== undefined) it.name = names.get(it.index) ?? `code[${it.index}]`;
    if (it.data !== undefined) it.name = `data segment "${dataNames.get(it.data) ?? it.data}"`;
  }
  return items.sort((a, b) => b.bytes - a.bytes).map(({ name, bytes }) => ({ name, bytes }));
}

// ---------------------------------------------------------------- fixtures

/**
 * Stories for the "fresh" navigation figure: chain-000.json links (first Also
 * Read card) to chain-001.json, and so on, so each click opens a story the
 * page has never fetched. Copies of the demo articles, with their relative
 * asset URLs rewritten for /bench-chain/.
 */
function writeChain(count) {
  const dir = path.join(OUT, 'chain');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const srcDir = 'demo/articles';
  const names = fs.readdirSync(srcDir).filter((f) => f.endsWith('.json')).sort();
  const load = (i) => JSON.parse(fs.readFileSync(path.join(srcDir, names[i % names.length]), 'utf8'));
  const fix = (node) => {
    if (Array.isArray(node)) return node.map(fix);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fix(v)]));
    if (typeof node === 'string') return node.replace(/^\.\.\/(img|feeds|articles)\//, '../demo/$1/');
    return node;
  };
  for (let i = 0; i < count; i++) {
    const a = fix(load(i));
    const next = load(i + 1);
    a.id = `bench-chain-${i}`;
    const card = {
      title: next.title,
      url: `https://frontier-ledger.example/bench/chain-${i + 1}/`,
      src: `chain-${String(i + 1).padStart(3, '0')}.json`,
    };
    const d = a._dateline;
    d.also_read = [card];
    // The first card in document order must be the next story: drop the
    // inline cards and put one at the top of the body.
    d.blocks = [{ type: 'also_read', ...card }, ...d.blocks.filter((b) => b.type !== 'also_read')];
    fs.writeFileSync(path.join(dir, `chain-${String(i).padStart(3, '0')}.json`), JSON.stringify(a));
  }
  return dir;
}

// ---------------------------------------------------------------- server

function startServer(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0', '--quiet', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    const timer = setTimeout(() => { child.kill('SIGTERM'); reject(new Error('server did not start in 10 s')); }, 10_000);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^listening (http:\/\/\S+)$/.exec(line);
      if (m) { clearTimeout(timer); resolve({ url: m[1], stop: () => child.kill('SIGTERM') }); }
    });
  });
}

/**
 * Ask the server once for every file, brotli-encoded, so its compression
 * cache is warm: otherwise the first load would wait ~1 s while the server
 * compresses the wasm at quality 11, which is no part of what we measure.
 */
async function warmServer(base, paths) {
  for (const p of paths) {
    const r = await fetch(base + p, { headers: { 'accept-encoding': 'br' } });
    if (!r.ok) throw new Error(`warm-up: ${p} answered ${r.status}`);
    await r.arrayBuffer();
  }
}

// ---------------------------------------------------------------- in-page probes

/**
 * Runs in every page before any of its scripts (page.addInitScript), the same
 * on widget and static pages:
 * - collects long tasks and layout shifts (PerformanceObserver, buffered);
 * - counts WebAssembly compile/instantiate calls (wrapping the API);
 * - polls for headlines once per animation frame. A headline first seen in a
 *   rAF callback is painted in that frame; a setTimeout(0) queued from that
 *   callback runs after the frame's paint, and its performance.now() is the
 *   "painted" time (ms since navigation start). Shadow DOM hides the widget
 *   from element timing, hence this method for both kinds of page.
 */
function probe() {
  const b = (window.__bench = { longtasks: [], shifts: [], wasm: {}, firstHeadline: null, allHeadlines: null, loaded: null, error: null });
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch { b.error = 'no longtask observer'; }
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) b.shifts.push({ start: e.startTime, value: e.value }); })
      .observe({ type: 'layout-shift', buffered: true });
  } catch { b.error = 'no layout-shift observer'; }

  const W = window.WebAssembly;
  for (const name of ['compile', 'compileStreaming', 'instantiate', 'instantiateStreaming']) {
    const orig = W[name];
    if (typeof orig !== 'function') continue;
    b.wasm[name] = 0;
    W[name] = new Proxy(orig, { apply(t, self, args) { b.wasm[name]++; return Reflect.apply(t, self, args); } });
  }
  for (const name of ['Module', 'Instance']) {
    const orig = W[name];
    b.wasm[`new ${name}`] = 0;
    // A Proxy keeps `instanceof WebAssembly.Module` working.
    W[name] = new Proxy(orig, { construct(t, args, nt) { b.wasm[`new ${name}`]++; return Reflect.construct(t, args, nt); } });
  }

  // The widgets' headlines (in their shadow roots) or the static page's.
  const state = () => {
    const hosts = [...document.querySelectorAll('[data-dateline]')];
    const roots = hosts.map((h) => h.shadowRoot);
    const has = (sel) => roots.filter((r) => r && r.querySelector(sel)).length;
    const stat = document.querySelector('.static-article .headline');
    return {
      hosts: hosts.length,
      headlines: stat ? 1 : has('[part~="headline"]'),
      complete: stat ? 1 : has('[part~="recent-item"]'),
      failed: has('[part~="error"]'),
      want: stat ? 1 : hosts.length,
    };
  };
  const afterPaint = (fn) => setTimeout(() => fn(performance.now()), 0);
  const frame = () => {
    const s = state();
    const parsed = document.readyState !== 'loading';
    if (s.failed) { b.error = `${s.failed} widget(s) show an error`; return; }
    if (b.firstHeadline === null && s.headlines > 0) { b.firstHeadline = -1; afterPaint((t) => { b.firstHeadline = t; }); }
    if (b.allHeadlines === null && parsed && s.want > 0 && s.headlines === s.want) { b.allHeadlines = -1; afterPaint((t) => { b.allHeadlines = t; }); }
    if (parsed && s.want > 0 && s.complete === s.want) { afterPaint((t) => { b.loaded = t; }); return; }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/**
 * In the page: click the first Also Read card of the (first) widget and
 * resolve to the ms from the click dispatch until a setTimeout(0) after the
 * first animation frame in which the headline has changed (the frame that
 * paints the new one). A MutationObserver on the shadow root watches for the
 * change. Rejects after `timeout` ms.
 */
function navigateOnce(timeout) {
  const root = document.querySelector('[data-dateline]').shadowRoot;
  const card = root.querySelector('[part~="also-read-card"][data-src]');
  if (!card) return Promise.reject(new Error('no Also Read card with data-src'));
  // A card's title need not be the story's headline: wait for any change.
  const old = root.querySelector('[part~="headline"]').textContent;
  return new Promise((resolve, reject) => {
    let start;
    let seen = false;
    const check = () => {
      const h = root.querySelector('[part~="headline"]');
      if (seen || !h || !h.textContent || h.textContent === old) return;
      seen = true;
      mo.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
    };
    const mo = new MutationObserver(check);
    mo.observe(root, { subtree: true, childList: true, characterData: true });
    const timer = setTimeout(() => { mo.disconnect(); reject(new Error(`headline still "${old}" after ${timeout} ms`)); }, timeout);
    start = performance.now();
    card.click(); // a plain primary click; the widget opens the story in place
    check();
  });
}

/** The wasm linear memory, reached read-only through the glue module's init
 *  function, which returns the already-initialised exports on a second call. */
async function wasmMemoryBytes() {
  const loader = document.querySelector('script[src$="dateline.js"]');
  const m = await import(new URL(`pkg/dateline-${window.Dateline.version}.js`, loader.src).href);
  const exports = await m.default();
  return exports.memory.buffer.byteLength;
}

// ---------------------------------------------------------------- browser runs

let browser;

/** A fresh context (cold caches) and page with the probe installed. */
async function freshPage({ throttle = 1, viewport = VIEWPORT } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.addInitScript(probe);
  const cdp = await context.newCDPSession(page);
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return { context, page, cdp, problems };
}

/** Load `url` cold, wait until every headline and rail is in, settle, and
 *  return what the probe collected. */
async function loadRun(url, opts = {}) {
  const { context, page, problems } = await freshPage(opts);
  try {
    await page.goto(url, { timeout: TIMEOUT });
    await page.waitForFunction(() => window.__bench.loaded !== null || window.__bench.error, null, { timeout: TIMEOUT });
    await page.waitForTimeout(SETTLE_MS);
    const r = await page.evaluate(() => ({
      ...window.__bench,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      marks: Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('dateline:')).map((m) => [m.name, m.startTime])),
    }));
    if (r.error) throw new Error(`${url}: ${r.error}`);
    if (problems.length) throw new Error(`${url}: ${problems.join('; ')}`);
    const lt = r.longtasks;
    return {
      firstHeadline: r.firstHeadline,
      allHeadlines: r.allHeadlines,
      loaded: r.loaded,
      fcp: r.fcp,
      marks: r.marks,
      longtasks: lt.length,
      longest: lt.reduce((m, e) => Math.max(m, e.duration), 0),
      tbt: lt.reduce((s, e) => s + Math.max(0, e.duration - 50), 0),
      cls: r.shifts.reduce((s, e) => s + e.value, 0),
      wasm: r.wasm,
    };
  } finally {
    await context.close();
  }
}

/** Interleaved cold loads of several pages: { name: [run, ...] }. */
async function loadRuns(label, pages, runs, opts) {
  const out = Object.fromEntries(Object.keys(pages).map((k) => [k, []]));
  // One discarded load of each page first: process start-up and disk caches.
  for (const url of Object.values(pages)) await loadRun(url, opts);
  for (let i = 0; i < runs; i++) {
    for (const [k, url] of Object.entries(pages)) out[k].push(await loadRun(url, opts));
    log(`${label}: run ${i + 1}/${runs}`);
  }
  return out;
}

/** Layout shift of each SHIFT_PAGES page at each SHIFT_VIEWPORTS width:
 *  { page: { width: summary of CLS } }, loads interleaved run by run. */
async function shiftBench(base) {
  const out = {};
  for (const { page } of SHIFT_PAGES) out[page] = Object.fromEntries(SHIFT_VIEWPORTS.map((v) => [v.width, []]));
  for (let i = 0; i < CFG.shiftRuns; i++) {
    for (const viewport of SHIFT_VIEWPORTS) {
      for (const { page } of SHIFT_PAGES) out[page][viewport.width].push((await loadRun(base + 'bench/' + page, { viewport })).cls);
    }
    log(`layout shift by width: run ${i + 1}/${CFG.shiftRuns}`);
  }
  for (const p of Object.values(out)) for (const w of Object.keys(p)) p[w] = summary(p[w]);
  return out;
}

/** `count` in-place navigations, each timed in the page. */
async function navigations(page, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    times.push(await page.evaluate(navigateOnce, TIMEOUT));
    await page.waitForTimeout(30); // let the previous story's follow-up work finish
  }
  return times;
}

async function openLoaded(url) {
  const p = await freshPage();
  await p.page.goto(url, { timeout: TIMEOUT });
  await p.page.waitForFunction(() => window.__bench.loaded !== null || window.__bench.error, null, { timeout: TIMEOUT });
  const err = await p.page.evaluate(() => window.__bench.error);
  if (err) throw new Error(`${url}: ${err}`);
  return p;
}

/** Prefetched: the two demo stories that link to each other are both in the
 *  widget's page-wide cache. Fresh: every click opens a never-fetched story. */
async function navigationBench(base) {
  const result = {};
  {
    const { context, page, problems } = await openLoaded(base + 'bench/host.html');
    try {
      await navigations(page, 2); // A -> B -> A: both now cached
      result.prefetched = summary(await navigations(page, CFG.navs));
      if (problems.length) throw new Error(problems.join('; '));
    } finally { await context.close(); }
  }
  {
    const { context, page, problems } = await openLoaded(base + 'bench/chain.html');
    try {
      result.fresh = summary(await navigations(page, CFG.navs));
      if (problems.length) throw new Error(problems.join('; '));
    } finally { await context.close(); }
  }
  return result;
}

/** JS heap (after a forced GC) and wasm linear memory, after load and after
 *  CFG.memNavs navigations, on CFG.memRuns fresh pages. */
async function memoryBench(base) {
  const runs = [];
  for (let i = 0; i < CFG.memRuns; i++) {
    const { context, page, cdp, problems } = await openLoaded(base + 'bench/host.html');
    try {
      const reading = async () => {
        await page.waitForTimeout(200);
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        return { js: usedSize, wasm: await page.evaluate(wasmMemoryBytes) };
      };
      // A reading halfway too: still growing at the end, or levelled off?
      const half = Math.floor(CFG.memNavs / 2);
      const before = await reading();
      await navigations(page, half);
      const middle = await reading();
      await navigations(page, CFG.memNavs - half);
      const after = await reading();
      if (problems.length) throw new Error(problems.join('; '));
      runs.push({ before, middle, after });
      log(`memory: run ${i + 1}/${CFG.memRuns}`);
    } finally { await context.close(); }
  }
  const growth = (k) => runs.map((r) => (100 * (r.after[k] - r.before[k])) / r.before[k]);
  return {
    half: Math.floor(CFG.memNavs / 2),
    jsBefore: summary(runs.map((r) => r.before.js)),
    jsMiddle: summary(runs.map((r) => r.middle.js)),
    jsAfter: summary(runs.map((r) => r.after.js)),
    jsGrowth: summary(growth('js')),
    wasmBefore: summary(runs.map((r) => r.before.wasm)),
    wasmMiddle: summary(runs.map((r) => r.middle.wasm)),
    wasmAfter: summary(runs.map((r) => r.after.wasm)),
    wasmGrowth: summary(growth('wasm')),
  };
}

// ---------------------------------------------------------------- report

const fmt = {
  ms: (v) => `${v.toFixed(v < 10 ? 1 : 0)} ms`,
  bytes: (v) => v.toLocaleString('en-US'),
  kb: (v) => `${(v / KB).toFixed(1)} KB`,
  mib: (v) => `${(v / 1048576).toFixed(2)} MiB`,
  cls: (v) => v.toFixed(3),
  pct: (v) => `${v >= 0 ? '+' : ''}${v.toFixed(1)} %`,
  n: (v) => String(Number.isInteger(v) ? v : v.toFixed(1)),
  ratio: (v) => `${v.toFixed(2)}×`,
};
const pass = (ok) => (ok ? 'pass' : '**FAIL**');

function buildReport(R) {
  const L = [];
  const row = (...cells) => L.push(`| ${cells.join(' | ')} |`);
  const range = (s, f) => `${f(s.min)} – ${f(s.max)}`;

  L.push('# make bench report', '');
  L.push(`${R.meta.date}; ${R.meta.cpus} cores (${R.meta.cpuModel}), load average ${R.meta.loadavg} at start, ${R.meta.loadavgEnd} at the end (a machine shared with other work makes every figure noisier); ` +
    `${R.meta.chromium} headless; Node ${R.meta.node}. ${R.meta.runs} cold loads per page (median, min – max), ` +
    `${R.meta.navs} navigations per navigation figure, memory on ${R.meta.memRuns} pages × ${R.meta.memNavs} navigations. ` +
    `Total bench time ${R.meta.seconds} s.`, '');

  L.push('## Bytes the script tag loads', '');
  row('file', 'raw', 'gzip -9', 'brotli q11');
  row('---', '---:', '---:', '---:');
  for (const f of R.bytes.files) row(`\`${f.file}\``, fmt.bytes(f.raw), fmt.bytes(f.gzip), fmt.bytes(f.brotli));
  const T = R.bytes.total;
  row('**total**', fmt.bytes(T.raw), fmt.bytes(T.gzip), `**${fmt.bytes(T.brotli)}**`);
  L.push('', `CSS: ${R.bytes.css}. Target ≤ 100 KB brotli (goal 70 KB; 1 KB = 1,000 bytes): ` +
    `${fmt.kb(T.brotli)}, ${pass(T.brotli <= 100 * KB)}${T.brotli <= 70 * KB ? ', goal met' : `, ${fmt.kb(T.brotli - 70 * KB)} over the goal`}.`, '');

  L.push('## Top 15 items in the wasm (shallow size)', '');
  if (R.wasmTop.skipped) {
    L.push(`Skipped: ${R.wasmTop.skipped}`, '');
  } else {
    const W = R.wasmTop;
    L.push(`${W.tool} on a names-kept variant (${W.method}): ${fmt.bytes(W.bytes)} bytes, of which ${fmt.bytes(W.codeAndData)} are code and data ` +
      `(the shipped wasm: ${fmt.bytes(W.shippedBytes)}); percentages are of those ${fmt.bytes(W.codeAndData)}. ` +
      `Left out, as it is not shipped: ${W.excluded.join(', ') || 'nothing'}.`, '');
    row('#', 'item', 'bytes', '%');
    row('---:', '---', '---:', '---:');
    W.items.forEach((it, i) => row(i + 1, `\`${it.name.replace(/\|/g, '\\|').slice(0, 110)}\``, fmt.bytes(it.bytes), it.percent.toFixed(2)));
    L.push('');
  }

  const P = R.paint;
  const Q = R.throttled;
  const med = (runs, k) => summary(runs.map((r) => r[k]));
  const wPaint = med(P.widget, 'firstHeadline');
  const sPaint = med(P.static, 'firstHeadline');
  const wPaintT = med(Q.widget, 'firstHeadline');
  const sPaintT = med(Q.static, 'firstHeadline');
  const longest = med(P.widget, 'longest');
  const longestS = med(P.static, 'longest');
  const count = med(P.widget, 'longtasks');
  const tbt = med(P.widget, 'tbt');
  const tbtS = med(P.static, 'tbt');
  const longestT = med(Q.widget, 'longest');
  const tbtT = med(Q.widget, 'tbt');
  const tbtTS = med(Q.static, 'tbt');
  const cls = med(P.widget, 'cls');
  const clsS = med(P.static, 'cls');
  const N = R.nav;
  const M = R.memory;
  const one = med(R.many.one, 'allHeadlines');
  const many = med(R.many.many, 'allHeadlines');
  const inst = R.many.many.map((r) => Object.values(r.wasm).reduce((a, b) => a + b, 0));
  const instS = summary(inst);
  const x = CFG.throttle;

  L.push('## Load, main thread, layout shift, navigation, memory, many widgets', '');
  row('figure', 'median', 'min – max', 'baseline (median)', 'ratio', 'target', 'result');
  row('---', '---:', '---:', '---:', '---:', '---', '---');
  row('first article paint: headline painted (bench/host.html)', fmt.ms(wPaint.median), range(wPaint, fmt.ms),
    `static HTML: ${fmt.ms(sPaint.median)}`, fmt.ratio(wPaint.median / sPaint.median), '≤ 2× static', pass(wPaint.median <= 2 * sPaint.median));
  row(`first article paint at ${x}× CPU`, fmt.ms(wPaintT.median), range(wPaintT, fmt.ms),
    `static HTML: ${fmt.ms(sPaintT.median)}`, fmt.ratio(wPaintT.median / sPaintT.median), '(no target)', '');
  row('longest task during load, no throttle', fmt.ms(longest.median), range(longest, fmt.ms),
    `static HTML: ${fmt.ms(longestS.median)}`, '', 'none > 50 ms', pass(longest.median <= 50));
  row('long tasks > 50 ms during load, no throttle', fmt.n(count.median), range(count, fmt.n), '', '', '0', pass(count.median === 0));
  row('total blocking time, no throttle', fmt.ms(tbt.median), range(tbt, fmt.ms), `static HTML: ${fmt.ms(tbtS.median)}`, '', '(none > 50 ms)', '');
  row(`longest task during load, ${x}× CPU`, fmt.ms(longestT.median), range(longestT, fmt.ms), '', '', '(no target)', '');
  row(`total blocking time, ${x}× CPU`, fmt.ms(tbtT.median), range(tbtT, fmt.ms), `static HTML: ${fmt.ms(tbtTS.median)}`, '', '≤ 150 ms', pass(tbtT.median <= 150));
  row('layout shift (CLS) of the host page while the widget loads', fmt.cls(cls.median), range(cls, fmt.cls),
    `static HTML: ${fmt.cls(clsS.median)}`, '', '≤ 0.01', pass(cls.median <= 0.01));
  row(`in-place navigation, prefetched (${N.prefetched.n} clicks)`, fmt.ms(N.prefetched.median), range(N.prefetched, fmt.ms), '', '', '≤ 16 ms', pass(N.prefetched.median <= 16));
  row('… prefetched, p95', fmt.ms(N.prefetched.p95), '', '', '', '≤ 50 ms', pass(N.prefetched.p95 <= 50));
  row(`in-place navigation, fresh (${N.fresh.n} clicks, each a new fetch)`, fmt.ms(N.fresh.median), range(N.fresh, fmt.ms), `prefetched: ${fmt.ms(N.prefetched.median)}`,
    fmt.ratio(N.fresh.median / N.prefetched.median), '(no target)', '');
  row('… fresh, p95', fmt.ms(N.fresh.p95), '', '', '', '(no target)', '');
  row(`JS heap after load → ${M.half} → ${CFG.memNavs} navigations`, `${fmt.mib(M.jsBefore.median)} → ${fmt.mib(M.jsMiddle.median)} → ${fmt.mib(M.jsAfter.median)}`,
    range(M.jsAfter, fmt.mib), '', '', '', '');
  row('… JS heap growth', fmt.pct(M.jsGrowth.median), range(M.jsGrowth, fmt.pct), '', '', '< 10 %', pass(M.jsGrowth.median < 10));
  row(`wasm linear memory after load → ${M.half} → ${CFG.memNavs} navigations`, `${fmt.mib(M.wasmBefore.median)} → ${fmt.mib(M.wasmMiddle.median)} → ${fmt.mib(M.wasmAfter.median)}`,
    range(M.wasmAfter, fmt.mib), '', '', '', '');
  row('… wasm memory growth', fmt.pct(M.wasmGrowth.median), range(M.wasmGrowth, fmt.pct), '', '', '< 10 %', pass(M.wasmGrowth.median < 10));
  row('20 widgets: all headlines painted (bench/many.html)', fmt.ms(many.median), range(many, fmt.ms), `one widget: ${fmt.ms(one.median)}`,
    fmt.ratio(many.median / one.median), '≤ 1.5× one', pass(many.median <= 1.5 * one.median));
  row('20 widgets: wasm compilations + instantiations', fmt.n(instS.median), range(instS, fmt.n), '', '', '1', pass(instS.max === 1));
  L.push('');

  L.push('## The widget\'s User Timing marks (ms from navigation start, bench/host.html)', '');
  row('mark', 'median', 'min – max', `median at ${x}× CPU`);
  row('---', '---:', '---:', '---:');
  const names = [...new Set(P.widget.flatMap((r) => Object.keys(r.marks)))].sort((a, b) => P.widget[0].marks[a] - P.widget[0].marks[b]);
  for (const n of names) {
    const s = summary(P.widget.map((r) => r.marks[n]).filter((v) => v !== undefined));
    const st = summary(Q.widget.map((r) => r.marks[n]).filter((v) => v !== undefined));
    row(`\`${n}\``, fmt.ms(s.median), range(s, fmt.ms), fmt.ms(st.median));
  }
  row('headline painted (the rAF probe, for comparison)', fmt.ms(wPaint.median), range(wPaint, fmt.ms), fmt.ms(wPaintT.median));
  const fcpW = med(P.widget, 'fcp');
  const fcpS = med(P.static, 'fcp');
  L.push('', `First contentful paint (Paint Timing, the host page's own text): widget page ${fmt.ms(fcpW.median)}, static page ${fmt.ms(fcpS.median)}.`, '');
  const wc = R.many.many[0].wasm;
  L.push(`WebAssembly calls on the 20-widget page (first run): ${Object.entries(wc).map(([k, v]) => `${k} ${v}`).join(', ')}.`, '');

  L.push('## Layout shift by width (bench/snippet*.html, bench/reserved.html)', '');
  L.push(`CLS of a plain publisher page with host content below the widget, median of ${CFG.shiftRuns} cold loads (min – max) at each viewport width; ` +
    'the widget is 328, 736 and 1120 px wide, the last with the Recent Posts rail beside the article.', '');
  row('page', ...SHIFT_VIEWPORTS.map((v) => `${v.width}×${v.height}`), 'target', 'result');
  row('---', ...SHIFT_VIEWPORTS.map(() => '---:'), '---', '---');
  for (const { page, label, target } of SHIFT_PAGES) {
    const by = R.shift[page];
    const cells = SHIFT_VIEWPORTS.map((v) => `${fmt.cls(by[v.width].median)} (${range(by[v.width], fmt.cls)})`);
    const ok = SHIFT_VIEWPORTS.every((v) => by[v.width].median <= target);
    row(`${label} (\`bench/${page}\`)`, ...cells, target === null ? '(no target)' : `≤ ${target} at every width`, target === null ? '' : pass(ok));
  }
  L.push('');

  L.push('## Method', '');
  L.push(
    '- Cold loads: a new browser context per load (empty HTTP, memory and code caches, a new renderer process); the server sends `Cache-Control: no-store` and had compressed every file once before the first load. Pages are interleaved run by run; one discarded load of each page precedes the runs.',
    '- Headline painted: a `requestAnimationFrame` loop installed before any page script looks for the headline (in the widget\'s shadow root, or `.static-article .headline` on the static page); in the first frame that has it, a `setTimeout(0)` is queued, and its `performance.now()` (ms since navigation start), which runs after that frame\'s paint, is the figure. Element Timing cannot see into shadow DOM.',
    '- Static baseline: bench/static.html, the same host page with the same article (headline, standfirst, lead image, body, Also Read, tags) as HTML, measured the same way.',
    `- Long tasks: a buffered \`longtask\` PerformanceObserver from navigation start until every widget shows its Recent Posts rail, plus ${SETTLE_MS} ms; TBT is the sum of (duration − 50 ms) over those tasks. Throttling: CDP \`Emulation.setCPUThrottlingRate\` ${x}.`,
    '- Layout shift: the sum of `layout-shift` entries without recent input over the same window; host content sits below the widget in a 1280×800 viewport. By width: the same on bench/snippet.html, snippet-after.html, reserved.html and snippet-async.html (a plain page, one column up to 72rem) in 360×740, 768×1024 and 1280×800 viewports.',
    '- Navigation: in the page, `performance.now()` at the click dispatch on the first Also Read card (`card.click()`), until a `setTimeout(0)` after the first animation frame in which a MutationObserver saw the new headline text. Prefetched: the two demo stories that link to each other, both already in the widget\'s page-wide cache. Fresh: a generated chain of stories (target/bench/chain/) where each click opens one never fetched.',
    '- Memory: `HeapProfiler.collectGarbage`, then `Runtime.getHeapUsage` (used JS heap); wasm linear memory is `memory.buffer.byteLength` of the wasm exports, read through the glue module\'s init function (which returns the existing instance; no debug hook). Linear memory never shrinks, so its growth is the high-water mark.',
    '- WebAssembly calls: `WebAssembly.compile`, `compileStreaming`, `instantiate`, `instantiateStreaming`, `new Module` and `new Instance` wrapped before any page script, counted per page.',
  );
  return L.join('\n') + '\n';
}

/** BENCH_ONLY: the medians of what ran, one line each, for iterating. */
function partialReport(R) {
  const L = ['# make bench, partial (BENCH_ONLY)', ''];
  const med = (runs, k) => summary(runs.map((r) => r[k]).filter((v) => v !== undefined && v !== null));
  const line = (label, s, f = fmt.ms) => L.push(`- ${label}: ${f(s.median)} (${f(s.min)} – ${f(s.max)})`);
  for (const [name, P] of [['no throttle', R.paint], [`${CFG.throttle}x CPU`, R.throttled]]) {
    if (!P) continue;
    line(`${name}: headline painted`, med(P.widget, 'firstHeadline'));
    line(`${name}: static painted`, med(P.static, 'firstHeadline'));
    L.push(`- ${name}: ratio ${fmt.ratio(med(P.widget, 'firstHeadline').median / med(P.static, 'firstHeadline').median)}`);
    line(`${name}: longest task`, med(P.widget, 'longest'));
    line(`${name}: long tasks`, med(P.widget, 'longtasks'), fmt.n);
    line(`${name}: TBT`, med(P.widget, 'tbt'));
    line(`${name}: CLS`, med(P.widget, 'cls'), fmt.cls);
    for (const n of Object.keys(P.widget[0].marks)) line(`${name}: ${n}`, summary(P.widget.map((r) => r.marks[n]).filter((v) => v !== undefined)));
  }
  if (R.many) {
    const one = med(R.many.one, 'allHeadlines');
    const many = med(R.many.many, 'allHeadlines');
    line('one widget', one);
    line('20 widgets', many);
    L.push(`- 20 widgets / one: ${fmt.ratio(many.median / one.median)}`);
  }
  if (R.nav) {
    line('nav prefetched', R.nav.prefetched);
    L.push(`- nav prefetched p95: ${fmt.ms(R.nav.prefetched.p95)}`);
    line('nav fresh', R.nav.fresh);
  }
  if (R.shift) {
    for (const { page } of SHIFT_PAGES) {
      L.push(`- CLS ${page}: ${SHIFT_VIEWPORTS.map((v) => `${v.width}px ${fmt.cls(R.shift[page][v.width].median)} (${fmt.cls(R.shift[page][v.width].min)} – ${fmt.cls(R.shift[page][v.width].max)})`).join(', ')}`);
    }
  }
  if (R.memory) {
    const M = R.memory;
    L.push(`- JS heap: ${fmt.mib(M.jsBefore.median)} → ${fmt.mib(M.jsMiddle.median)} → ${fmt.mib(M.jsAfter.median)} (${fmt.pct(M.jsGrowth.median)})`);
    L.push(`- wasm memory: ${fmt.mib(M.wasmBefore.median)} → ${fmt.mib(M.wasmMiddle.median)} → ${fmt.mib(M.wasmAfter.median)} (${fmt.pct(M.wasmGrowth.median)}, runs ${M.wasmGrowth.samples.map(fmt.pct).join(', ')})`);
  }
  return L.join('\n') + '\n';
}

// ---------------------------------------------------------------- main

async function main() {
  for (const f of ['dateline.js', PKG_JS, PKG_WASM]) {
    if (!fs.existsSync(path.join(DIST, f))) throw new Error(`${DIST}/${f} is missing: run make build (make bench does)`);
  }
  fs.mkdirSync(OUT, { recursive: true });
  const R = { config: CFG };
  R.meta = {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model?.trim() ?? 'unknown CPU',
    loadavg: os.loadavg().map((v) => v.toFixed(2)).join(' '),
    node: process.versions.node,
    runs: CFG.runs,
    navs: CFG.navs,
    memRuns: CFG.memRuns,
    memNavs: CFG.memNavs,
  };

  log('bytes');
  R.bytes = measureBytes();
  log('wasm top items (wasm-bindgen, wasm-opt -g, twiggy)');
  try {
    R.wasmTop = wasmTop(15);
  } catch (e) {
    R.wasmTop = { skipped: e.message };
  }

  const chain = writeChain(CFG.navs + 2);
  const server = await startServer(['--root', DIST, '--shift-dates', '--mount', `/bench=bench`, '--mount', `/bench-chain=${chain}`]);
  try {
    const base = server.url;
    const chainFiles = fs.readdirSync(chain).map((f) => `bench-chain/${f}`);
    await warmServer(base, ['dateline.js', PKG_JS, PKG_WASM, 'demo/site.css', 'demo/feeds/recent.json',
      ...fs.readdirSync('demo/articles').map((f) => `demo/articles/${f}`), ...chainFiles,
      ...fs.readdirSync('bench').filter((f) => f.endsWith('.html')).map((f) => `bench/${f}`)]);

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_ARGS });
    R.meta.chromium = `Chromium ${browser.version()}`;
    const host = base + 'bench/host.html';
    const stat = base + 'bench/static.html';

    if (ONLY.has('paint')) {
      log(`first paint, long tasks, layout shift: ${CFG.runs} cold loads each, no throttle`);
      R.paint = await loadRuns('no throttle', { widget: host, static: stat }, CFG.runs, {});
    }
    if (ONLY.has('throttled')) {
      log(`the same at ${CFG.throttle}x CPU throttling`);
      R.throttled = await loadRuns(`${CFG.throttle}x CPU`, { widget: host, static: stat }, CFG.runs, { throttle: CFG.throttle });
    }
    if (ONLY.has('many')) {
      log(`twenty widgets against one: ${CFG.runs} cold loads each`);
      R.many = await loadRuns('many widgets', { one: base + 'bench/one.html', many: base + 'bench/many.html' }, CFG.runs, {});
    }
    if (ONLY.has('nav')) {
      log(`in-place navigation: ${CFG.navs} prefetched, ${CFG.navs} fresh`);
      R.nav = await navigationBench(base);
    }
    if (ONLY.has('memory')) {
      log(`memory: ${CFG.memRuns} pages, ${CFG.memNavs} navigations each`);
      R.memory = await memoryBench(base);
    }
    if (ONLY.has('shift')) {
      log(`layout shift by width: ${SHIFT_PAGES.length} pages x ${SHIFT_VIEWPORTS.length} widths, ${CFG.shiftRuns} cold loads each`);
      R.shift = await shiftBench(base);
    }
  } finally {
    await browser?.close();
    server.stop();
  }

  R.meta.seconds = Math.round((Date.now() - t0) / 1000);
  R.meta.loadavgEnd = os.loadavg().map((v) => v.toFixed(2)).join(' ');
  fs.writeFileSync(path.join(OUT, 'report.json'), JSON.stringify(R, null, 2) + '\n');
  const md = ALL.every((k) => ONLY.has(k)) ? buildReport(R) : partialReport(R);
  fs.writeFileSync(path.join(OUT, 'report.md'), md);
  process.stdout.write('\n' + md);
  log(`wrote ${OUT}/report.json and ${OUT}/report.md in ${R.meta.seconds} s`);
}

main().catch((e) => {
  console.error('[bench] failed:', e?.stack || e);
  process.exitCode = 1;
});
