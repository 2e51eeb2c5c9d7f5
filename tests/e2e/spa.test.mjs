// End to end: a single-page app that inserts and removes its widget 100
// times (as a React, Vue or Turbo page re-rendering does). The page's
// observer mounts each one and takes each down; afterwards the JS heap,
// the DOM, the listeners and the wasm memory are where they were, within
// 10 %, no popstate listener is left on window, and no timer of a removed
// widget is still pending (so none can fire).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openPage } from './harness.mjs';

let server, browser;
serverAndBrowser(['--root', 'dist', '--fixtures', 'tests'], (s, b) => { server = s; browser = b; });

/** Run `n` insert → first story on screen → remove cycles in the page. */
function cycles(page, n) {
  return page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) {
      const el = document.createElement('div');
      el.setAttribute('data-dateline', '');
      el.dataset.src = '/fixtures/fixtures/article.json';
      el.innerHTML = '<a href="https://news.example.com/">Fallback</a>';
      // The rail (a second document) is in too before the element goes.
      const shown = new Promise((resolve) => el.addEventListener('dateline:ready', resolve, { once: true }));
      document.getElementById('app').append(el);
      await shown;
      await new Promise((r) => requestAnimationFrame(r));
      el.remove();
      await new Promise((r) => setTimeout(r));
      // api.html records every event; that record is the page's, not ours.
      window.__events.length = 0;
    }
  }, n);
}

async function measure(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
  const wasm = await page.evaluate(async () => (await (await import(`/pkg/dateline-${window.Dateline.version}.js`)).default()).memory.buffer.byteLength);
  const timers = await page.evaluate(() => [...window.__timers.values()].filter((ms) => ms >= 1000).length);
  return { heap, nodes, jsEventListeners, wasm, popstate: listeners.filter((l) => l.type === 'popstate').length, timers };
}

test('100 insert/remove cycles leave the heap, the DOM, listeners and wasm memory flat, with no timer of a removed widget left', async (t) => {
  const { page, problems } = await openPage(browser, server.url + 'fixtures/e2e/pages/api.html');
  // Pending timers (id → delay): a removed widget's clock would show here.
  await page.evaluate(() => {
    window.__timers = new Map();
    const [set, clear] = [window.setTimeout, window.clearTimeout];
    window.setTimeout = function (fn, ms, ...args) {
      const id = set.call(window, (...a) => {
        window.__timers.delete(id);
        typeof fn === 'function' && fn(...a);
      }, ms, ...args);
      window.__timers.set(id, ms || 0);
      return id;
    };
    window.clearTimeout = function (id) {
      window.__timers.delete(id);
      return clear.call(window, id);
    };
  });
  await page.evaluate(() => window.Dateline.ready);
  const cdp = await page.context().newCDPSession(page);

  // While a widget is on the page its clock is armed and its popstate
  // listener is there: the measures below can see both.
  await page.evaluate(async () => {
    const el = document.createElement('div');
    el.id = 'probe';
    el.setAttribute('data-dateline', '');
    el.dataset.src = '/fixtures/fixtures/article.json';
    const shown = new Promise((resolve) => el.addEventListener('dateline:ready', resolve, { once: true }));
    document.getElementById('app').append(el);
    await shown;
  });
  const live = await measure(page, cdp);
  assert.ok(live.timers >= 1 && live.popstate === 1, JSON.stringify(live));
  await page.evaluate(() => document.getElementById('probe').remove());

  await cycles(page, 20); // warm-up: caches, the arena, JIT
  const before = await measure(page, cdp);
  await cycles(page, 100);
  const after = await measure(page, cdp);
  const report = JSON.stringify({ before, after });
  t.diagnostic(report);
  for (const k of ['heap', 'nodes', 'jsEventListeners', 'wasm']) {
    assert.ok(after[k] <= before[k] * 1.1, `${k} grew more than 10 %: ${report}`);
  }
  assert.equal(after.popstate, 0, report);
  assert.equal(after.timers, 0, report);
  assert.deepEqual(problems, []);
  await page.close();
});
