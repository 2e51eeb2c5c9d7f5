#!/usr/bin/env node
// Where the main thread's time goes while a bench page loads (or while the
// widget navigates): a Chromium performance trace, summarised.
//
//   node scripts/trace.mjs [bench/host.html] [--nav N] [--throttle X] [--out FILE]
//
// Serves dist/ and bench/ like scripts/bench.mjs, loads the page cold once
// with tracing on, and prints every main-thread task over 5 ms (start, length,
// and its largest kinds of work: script, style, layout, paint, parse, GC,
// wasm compile) plus the widget's User Timing marks. With --nav N it then
// clicks the first Also Read card N times, tracing only the clicks. --out
// keeps the raw trace for chrome://tracing or the DevTools Performance panel.

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);
const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : def; };
const navs = Number(opt('--nav', 0));
const throttle = Number(opt('--throttle', 1));
const out = opt('--out', null);
// --root DIR: serve another build (e.g. one with wasm names kept, for --profile).
const root = opt('--root', 'dist');
// --profile: also a sampling CPU profile of the load, self time by function.
const profile = args.includes('--profile') ? (args.splice(args.indexOf('--profile'), 1), true) : false;
const pagePath = args[0] || 'bench/host.html';

function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0', '--quiet', '--root', root, '--shift-dates', '--mount', '/bench=bench'],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    child.on('error', reject);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^listening (http:\/\/\S+)$/.exec(line);
      if (m) resolve({ url: m[1], stop: () => child.kill('SIGTERM') });
    });
  });
}

const KINDS = [
  ['script', /^(FunctionCall|EvaluateScript|v8\.callFunction|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks|v8\.run|V8\.Execute|v8\.evaluateModule|FireIdleCallback)$/],
  ['wasm', /wasm|WebAssembly/i],
  ['compile', /^(v8\.compile|v8\.compileModule|CompileScript|v8\.produceModuleCache)$/],
  ['parseHTML', /^ParseHTML$/],
  ['style', /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation)$/],
  ['layout', /^(Layout|UpdateLayerTree|IntersectionObserverController::computeIntersections|ComputeIntersections)$/],
  ['paint', /^(Paint|PaintImage|CompositeLayers|PrePaint|Commit|Layerize|RasterTask|Decode Image|ImageDecodeTask)$/],
  ['gc', /GC|Sweep|Mark/],
];

function summarise(events, t0, tEnd) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const pid = main?.pid, tid = main?.tid;
  const onMain = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= t0 && e.ts <= tEnd);
  // Top-level slices only: those no other slice on the thread contains.
  const sorted = onMain.slice().sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const tasks = [];
  let end = -1;
  for (const e of sorted) if (e.ts >= end) { tasks.push(e); end = e.ts + e.dur; }
  const rows = [];
  for (const t of tasks) {
    if (t.dur < 5000) continue;
    const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur || 0) <= t.ts + t.dur);
    const by = {};
    const names = {};
    for (const e of inside) {
      if (/^(ThreadControllerImpl::RunTask|RunTask|Receive mojo message|BlinkScheduler_PerformMicrotaskCheckpoint|v8\.callFunction)$/.test(e.name)) continue;
      for (const [k, re] of KINDS) if (re.test(e.name)) { by[k] = Math.max(by[k] || 0, 0) + e.dur / 1000; break; }
      names[e.name] = (names[e.name] || 0) + e.dur / 1000;
    }
    const top = Object.entries(names).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, d]) => `${n} ${d.toFixed(1)}`).join(', ');
    rows.push({ start: (t.ts - t0) / 1000, dur: t.dur / 1000, top });
  }
  return rows;
}

const server = await startServer();
// Warm the server's brotli cache, as bench.mjs does.
const VERSION = /^version = "([^"]+)"/m.exec(fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8'))[1];
for (const f of ['dateline.js', `pkg/dateline-${VERSION}.js`, `pkg/dateline-${VERSION}_bg.wasm`]) await (await fetch(server.url + f, { headers: { 'accept-encoding': 'br' } })).arrayBuffer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'] });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.error('console:', m.text()); });
  const cdp = await context.newCDPSession(page);
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const cats = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'blink.user_timing', 'loading', 'toplevel'];
  const url = server.url + pagePath;
  const waitLoaded = () => page.waitForFunction(() => {
    const hosts = [...document.querySelectorAll('[data-dateline]')];
    return hosts.length && hosts.every((h) => h.shadowRoot?.querySelector('[part~="recent-item"]'));
  }, null, { timeout: 30000 });
  if (profile) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start'); }
  if (!navs && !profile) await browser.startTracing(page, { categories: cats });
  await page.goto(url);
  await waitLoaded();
  await page.waitForTimeout(500);
  const marks = await page.evaluate(() => [
    ...performance.getEntriesByType('mark').filter((m) => m.name.startsWith('dateline:')).map((m) => [m.name, m.startTime]),
    ...performance.getEntriesByType('paint').map((m) => [m.name, m.startTime])]);
  if (profile) {
    const { profile: p } = await cdp.send('Profiler.stop');
    const self = new Map();
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const dt = p.timeDeltas;
    p.samples.forEach((id, i) => { const n = byId.get(id); const k = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()})`; self.set(k, (self.get(k) || 0) + (dt[i + 1] || 0) / 1000); });
    const tidy = (n) => n.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '').slice(0, 140);
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(`${v.toFixed(1).padStart(7)} ms  ${tidy(k)}`);
    await browser.close(); server.stop(); process.exit(0);
  }
  if (navs) {
    await browser.startTracing(page, { categories: cats });
    for (let i = 0; i < navs; i++) {
      await page.evaluate(() => {
        const root = document.querySelector('[data-dateline]').shadowRoot;
        performance.mark('trace:click');
        root.querySelector('[part~="also-read-card"][data-src]').click();
      });
      await page.waitForTimeout(300);
    }
  }
  const buf = await browser.stopTracing();
  if (out) fs.writeFileSync(out, buf);
  const events = JSON.parse(buf.toString()).traceEvents;
  const nav = events.find((e) => e.name === 'navigationStart') || events.find((e) => e.name === 'TracingStartedInBrowser');
  const t0 = navs ? Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts)) : nav.ts;
  const rows = summarise(events, t0, Infinity);
  for (const [n, t] of marks) console.log(`mark ${n}: ${t.toFixed(1)} ms`);
  if (navs) {
    const clicks = events.filter((e) => e.name === 'trace:click').map((e) => ((e.ts - t0) / 1000).toFixed(1));
    console.log(`clicks at: ${clicks.join(', ')}`);
  }
  console.log('main-thread tasks over 5 ms (ms since ' + (navs ? 'trace start' : 'navigation start') + '):');
  for (const r of rows) console.log(`${r.start.toFixed(1).padStart(8)} +${r.dur.toFixed(1).padStart(6)}  ${r.top}`);
} finally {
  await browser.close();
  server.stop();
}
