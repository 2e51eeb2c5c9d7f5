// End to end: window.Dateline (docs/API.md, dist/dateline.d.ts) on a page
// that inserts, mounts, navigates and removes widgets the way a
// single-page app does; every event with its detail; calls made before
// the module loaded; lazy start below the fold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serverAndBrowser, openPage, waitHeadline, control } from './harness.mjs';

let server, browser;
serverAndBrowser(['--root', 'dist', '--fixtures', 'tests'], (s, b) => { server = s; browser = b; });

const PAGES = 'fixtures/e2e/pages/';
const requests = async (part) => (await (await fetch(server.url + '__test/requests')).json()).filter((r) => r.path.includes(part));
const headline = (page, id) => page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('[part~="headline"]')?.textContent, id);
/** The recorded events of `type` (api.html records every dateline:* event). */
const events = (page, type) => page.evaluate((t) => window.__events.filter((e) => e.type === t), type);
const waitEvents = (page, type, n) => page.waitForFunction(([t, n]) => window.__events.filter((e) => e.type === t).length >= n, [type, n], { timeout: 10000 });

/** Open api.html with its module loaded; `add` (run in the page) inserts elements. */
async function apiPage() {
  const opened = await openPage(browser, server.url + PAGES + 'api.html');
  await opened.page.evaluate(() => window.Dateline.ready);
  return opened;
}

function insert(page, id, attrs) {
  return page.evaluate(([id, attrs]) => {
    const el = document.createElement('div');
    el.id = id;
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    el.innerHTML = '<a href="https://news.example.com/">Fallback of ' + id + '</a>';
    document.getElementById('app').append(el);
  }, [id, attrs]);
}

test('calls made before the module has loaded are queued in order, not lost', async () => {
  const { page, problems } = await openPage(browser, server.url + PAGES + 'api-early.html');
  assert.equal(await page.evaluate(() => window.__before), true, 'the calls were made before the wasm was ready');
  // mount (options give data-src, heading level and history), then
  // navigate, then a second mount of the same element, which is a no-op.
  assert.deepEqual(await page.evaluate(() => window.__results), [true, true, false]);
  await waitHeadline(page, /Embassy Warns Visitors/, '#early');
  assert.equal(await page.evaluate(() => document.getElementById('early').shadowRoot.querySelector('[part~="headline"]').tagName), 'H3');
  // history: false: the navigation wrote nothing into the address.
  assert.doesNotMatch(page.url(), /dl=/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('mount, navigate, refresh, scan, unmount and version do what docs/API.md says', async () => {
  await control(server, '/__test/reset');
  const { page, problems } = await apiPage();
  // version is the loader's one constant.
  const loader = readFileSync('loader/dateline.js', 'utf8');
  assert.equal(await page.evaluate(() => Dateline.version), /var VERSION = "([^"]+)"/.exec(loader)[1]);
  // Mount with options on an element with no data-dateline at all.
  await insert(page, 'w', {});
  assert.equal(await page.evaluate(() => Dateline.mount(document.getElementById('w'), { src: '/fixtures/fixtures/article.json', loading: 'eager' })), true);
  await waitHeadline(page, /Pakistan Mirrors/, '#w');
  assert.equal(await page.evaluate(() => Dateline.mount(document.getElementById('w'), {})), false, 'mounting twice is a no-op');
  // navigate: another document, a history entry, a navigate event.
  assert.equal(await page.evaluate(() => Dateline.navigate(document.getElementById('w'), '/fixtures/fixtures/other.json')), true);
  await waitHeadline(page, /Embassy Warns/, '#w');
  assert.match(page.url(), /dl=/);
  assert.equal(await page.evaluate(() => Dateline.navigate(document.getElementById('w'), 'javascript:alert(1)')), false);
  assert.equal(await page.evaluate(() => Dateline.navigate(document.body, '/fixtures/fixtures/other.json')), false, 'not a widget');
  // refresh: the document on screen is fetched again, past the cache.
  const before = (await requests('/fixtures/other.json')).length;
  assert.equal(await page.evaluate(() => Dateline.refresh(document.getElementById('w'))), true);
  await page.waitForFunction(() => window.__events.filter((e) => e.type === 'dateline:load').length >= 3);
  assert.equal((await requests('/fixtures/other.json')).length, before + 1);
  // scan(root): elements inside root only, each once. (The page's observer
  // mounts [data-dateline] elements it sees added; these become widgets
  // later, by gaining the attribute, which only a scan sees.)
  const counts = await page.evaluate(async () => {
    const box = document.createElement('section');
    const make = (id, parent) => {
      const el = document.createElement('div');
      el.id = id;
      el.dataset.src = '/fixtures/fixtures/other.json';
      parent.append(el);
      return el;
    };
    document.body.append(box);
    const inside = make('inside', box);
    const outside = make('outside', document.body);
    await new Promise((r) => setTimeout(r));
    inside.setAttribute('data-dateline', '');
    outside.setAttribute('data-dateline', '');
    return [await Dateline.scan(box), await Dateline.scan(box), !!outside.shadowRoot, await Dateline.scan(), await Dateline.scan()];
  });
  assert.deepEqual(counts, [1, 0, false, 1, 0]);
  // unmount: the fallback comes back, and the element can be mounted again.
  assert.equal(await page.evaluate(() => Dateline.unmount(document.getElementById('w'))), true);
  const after = await page.evaluate(() => {
    const w = document.getElementById('w');
    const link = w.querySelector('a');
    return { inShadow: w.shadowRoot.querySelectorAll('*').length, slot: !!w.shadowRoot.querySelector('slot'), visible: link.getBoundingClientRect().height > 0, text: w.innerText.trim() };
  });
  assert.deepEqual(after, { inShadow: 1, slot: true, visible: true, text: 'Fallback of w' });
  assert.equal(await page.evaluate(() => Dateline.unmount(document.getElementById('w'))), false);
  assert.equal(await page.evaluate(() => Dateline.mount(document.getElementById('w'), { src: '/fixtures/fixtures/article.json' })), true);
  // The address still names other.json for this widget (its deep link).
  await waitHeadline(page, /Embassy Warns/, '#w');
  assert.deepEqual(problems, []);
  await page.close();
});

test('every event reaches the page with a JSON-safe detail: ready, navigate for each trigger, error, click-out, load', async () => {
  const { page, problems } = await apiPage();
  await insert(page, 'w', { 'data-dateline': '', 'data-src': '/demo/articles/diplomatic-tour.json' });
  await waitEvents(page, 'dateline:ready', 1);
  const [ready] = await events(page, 'dateline:ready');
  const src = server.url + 'demo/articles/diplomatic-tour.json';
  assert.equal(ready.id, 'w');
  assert.equal(ready.detail.src, src);
  assert.match(ready.detail.title, /\S/);
  const { start, shown, elapsed } = ready.detail.timings;
  assert.ok(start > 0 && shown >= start && elapsed === shown - start, JSON.stringify(ready.detail.timings));
  assert.deepEqual(JSON.parse(ready.json), ready.detail);

  const navigations = [];
  async function follow(selector, trigger) {
    const n = (await events(page, 'dateline:navigate')).length;
    await page.locator(`#w ${selector}`).first().click();
    await waitEvents(page, 'dateline:navigate', n + 1);
    const e = (await events(page, 'dateline:navigate'))[n];
    assert.equal(e.detail.trigger, trigger, selector);
    assert.deepEqual(JSON.parse(e.json), e.detail);
    navigations.push(e.detail);
  }
  await follow('[part~="also-read-card"][data-src]', 'card');
  await follow('[part~="tag"][data-src]', 'tag');
  await follow('[part~="listing-link"][data-src]', 'listing');
  await follow('[part~="recent-link"][data-src]', 'recent');
  // Each starts where the one before it ended.
  assert.equal(navigations[0].from, src);
  for (let i = 1; i < navigations.length; i++) assert.equal(navigations[i].from, navigations[i - 1].to);
  // Back.
  await page.goBack();
  await waitEvents(page, 'dateline:navigate', 5);
  const back = (await events(page, 'dateline:navigate'))[4].detail;
  assert.deepEqual(back, { from: navigations[3].to, to: navigations[3].from, trigger: 'history' });
  // The API.
  await page.evaluate(() => Dateline.navigate(document.getElementById('w'), '/demo/articles/visa-overstay.json'));
  await waitEvents(page, 'dateline:navigate', 6);
  assert.deepEqual((await events(page, 'dateline:navigate'))[5].detail, { from: back.to, to: server.url + 'demo/articles/visa-overstay.json', trigger: 'api' });
  // Every document shown dispatched dateline:load, with its URL.
  const loads = await events(page, 'dateline:load');
  assert.deepEqual(loads.map((e) => e.detail), [src, ...navigations.map((n) => n.to), back.to, server.url + 'demo/articles/visa-overstay.json']);

  // click-out: a card with no in-place source opens the publisher's page.
  await insert(page, 'c', { 'data-dateline': '', 'data-loading': 'eager', 'data-src': '/fixtures/fixtures/article.json' });
  await waitHeadline(page, /Pakistan Mirrors/, '#c');
  await page.route('https://news.example.com/**', (route) => route.fulfill({ body: 'elsewhere' }));
  const popup = page.context().waitForEvent('page');
  await page.locator('#c [part~="also-read-card"]:not([data-src])').first().click();
  await (await popup).close();
  const [out] = await events(page, 'dateline:click-out');
  assert.deepEqual(out.detail, { url: 'https://news.example.com/2025/05/16/plain-link/', from: server.url + 'fixtures/fixtures/article.json' });
  assert.equal(out.id, 'c');
  assert.deepEqual(JSON.parse(out.json), out.detail);

  // error: an HTTP status, and no answer at all (no CORS header).
  await control(server, '/__test/switch?path=/api/gone.json&status=404');
  await insert(page, 'e1', { 'data-dateline': '', 'data-loading': 'eager', 'data-src': '/api/gone.json' });
  await insert(page, 'e2', { 'data-dateline': '', 'data-loading': 'eager', 'data-src': `http://localhost:${new URL(server.url).port}/fixtures/nocors/article.json` });
  await waitEvents(page, 'dateline:error', 2);
  const errors = Object.fromEntries((await events(page, 'dateline:error')).map((e) => [e.id, JSON.parse(e.json)]));
  assert.deepEqual(errors.e1, { kind: 'http', status: 404, url: server.url + 'api/gone.json' });
  assert.deepEqual(errors.e2, { kind: 'cors', status: null, url: `http://localhost:${new URL(server.url).port}/fixtures/nocors/article.json` });
  assert.deepEqual(problems, []);
  await page.close();
});

test('a widget far below the fold fetches nothing until it is scrolled near; eager and above-the-fold ones start at once', async () => {
  await control(server, '/__test/reset');
  const { page, problems } = await openPage(browser, server.url + PAGES + 'lazy.html');
  await waitHeadline(page, /Pakistan Mirrors/, '#top');
  await waitHeadline(page, /Embassy Warns/, '#eager');
  await page.evaluate(() => Dateline.ready);
  const asked = async (which) => (await requests('/fixtures/')).filter((r) => which in r.query).length;
  const fetches = () => page.evaluate(() => window.__fetches.map((f) => [new URL(f.url).search.slice(1), f.wasm]));
  // The top widget's document came from the loader's early fetch (before
  // the wasm was there), once; the eager one was fetched too; the lazy
  // one not at all, and it still shows its own content.
  assert.deepEqual([await asked('top'), await asked('eager'), await asked('below')], [1, 1, 0]);
  assert.deepEqual((await fetches()).filter(([q]) => q === 'top'), [['top', false]]);
  assert.equal(await page.evaluate(() => document.getElementById('below').shadowRoot.querySelector('.dl-host')), null);
  // Scrolled to two viewports above it: still nothing.
  await page.evaluate(() => window.scrollTo(0, document.getElementById('below').offsetTop - 2.5 * innerHeight));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await asked('below'), 0);
  // Within a viewport of it: it starts, before it is on screen.
  await page.evaluate(() => window.scrollTo(0, document.getElementById('below').offsetTop - 1.5 * innerHeight));
  await waitHeadline(page, /Embassy Warns/, '#below');
  assert.equal(await asked('below'), 1);
  assert.ok(await page.evaluate(() => document.getElementById('below').getBoundingClientRect().top > innerHeight), 'it started out of sight');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a lazy widget far below the fold that the address deep-links to a story starts at once: the reader came for that story', async () => {
  await control(server, '/__test/reset');
  const dl = `below:${encodeURIComponent('/fixtures/fixtures/article.json?linked')}`;
  const { page, problems } = await openPage(browser, `${server.url}${PAGES}lazy.html?dl=${dl}`);
  await waitHeadline(page, /Pakistan Mirrors/, '#below');
  assert.ok(await page.evaluate(() => document.getElementById('below').getBoundingClientRect().top > 2 * innerHeight), 'far out of sight, not scrolled to');
  assert.equal((await requests('/fixtures/')).filter((r) => 'linked' in r.query).length, 1);
  assert.deepEqual(problems, []);
  await page.close();
});
