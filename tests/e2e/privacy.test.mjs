// Privacy, asserted by watching everything (docs/SECURITY.md, "Privacy"):
// every request the page makes (with its Cookie and Referer headers) and
// every storage API, wrapped before any page script runs. The page has a
// cookie, and a referrer policy of its own that would give its full URL,
// query included, to everyone.
//  - the widget's requests (the loader's early fetch and the widget's own)
//    carry no cookie (credentials: "omit");
//  - another origin learns the page's origin only, never its path or query
//    (referrerPolicy: "strict-origin-when-cross-origin", whatever the page's);
//  - images send no Referer at all (referrerpolicy="no-referrer"), and
//    below the lead image they are lazy;
//  - no cookie, localStorage, sessionStorage, IndexedDB or Cache API is
//    read or written;
//  - no request goes to a host the page or the data does not name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, waitInShadow, waitHeadline, control } from './harness.mjs';
import { record } from './summary.mjs';

let server, browser;
serverAndBrowser(['--root', 'dist', '--fixtures', 'tests'], (s, b) => { server = s; browser = b; });

const W = '[data-dateline]';
const SECRET = 'dateline-test-secret';

/** Runs in the page before any of its scripts: count every touch of a
 *  storage API in window.__storage. */
function wrapStorage() {
  const touched = (window.__storage = []);
  const note = (what) => touched.push(what);
  for (const name of ['localStorage', 'sessionStorage', 'indexedDB', 'caches', 'cookieStore']) {
    const d = Object.getOwnPropertyDescriptor(Window.prototype, name) || Object.getOwnPropertyDescriptor(window, name);
    if (d && d.get) Object.defineProperty(window, name, { configurable: true, get() { note(name); return d.get.call(this); } });
  }
  for (const [proto, names] of [[Storage.prototype, ['getItem', 'setItem', 'removeItem', 'clear', 'key']],
    [IDBFactory.prototype, ['open', 'deleteDatabase', 'databases']],
    [StorageManager.prototype, ['persist', 'estimate', 'getDirectory']]]) {
    for (const m of names) {
      const f = proto[m];
      if (typeof f === 'function') proto[m] = function (...a) { note(m); return f.apply(this, a); };
    }
  }
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true,
    get() { note('cookie read'); return cookie.get.call(this); },
    set(v) { note('cookie write'); cookie.set.call(this, v); },
  });
}

/** Open the privacy page on `src` with a cookie for the page's host, and
 *  record every request with all its headers. */
async function open(src) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const url = new URL(server.url);
  await context.addCookies([{ name: 'session', value: SECRET, domain: url.hostname, path: '/' }]);
  await context.addInitScript(wrapStorage);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const requests = [];
  page.on('request', (r) => requests.push(r.allHeaders().then((headers) => ({ url: r.url(), type: r.resourceType(), headers }))));
  const pageUrl = `${server.url}fixtures/e2e/pages/privacy.html?src=${encodeURIComponent(src)}&reader=42#comments`;
  await page.goto(pageUrl);
  return { context, page, problems, pageUrl, requests: () => Promise.all(requests) };
}

/** Scroll through the widget, so its lazy images load. */
async function scrollThrough(page) {
  for (let y = 0; y < 5000; y += 600) {
    await page.evaluate((to) => scrollTo(0, to), y);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
}

/** Hosts (scheme://host:port) the data names: the widget's source and every
 *  URL inside the shadow root (src and href). */
function namedOrigins(page, src) {
  return page.evaluate((src) => {
    const root = document.querySelector('[data-dateline]').shadowRoot;
    const urls = [src, ...[...root.querySelectorAll('[src], [href], [data-src]')].flatMap((e) => [e.src, e.href, e.dataset.src ? new URL(e.dataset.src, src).href : null])];
    return [...new Set(urls.filter(Boolean).map((u) => new URL(u, location.href).origin))];
  }, src);
}

function check(all, pageUrl, named) {
  const page = new URL(pageUrl);
  const foreign = all.filter((r) => /^https?:/.test(r.url) && new URL(r.url).origin !== page.origin && !named.includes(new URL(r.url).origin));
  const cookies = all.filter((r) => r.type === 'fetch' && 'cookie' in r.headers);
  const images = all.filter((r) => r.type === 'image');
  return { foreign, cookies, images };
}

test('same origin: the widget\'s requests carry no cookie, images no Referer, and nothing touches storage', async () => {
  const src = '/demo/articles/diplomatic-tour.json';
  const { context, page, problems, pageUrl, requests } = await open(src);
  await waitInShadow(page, W, '[part~="recent-item"]');
  // An in-place navigation: a request made by the widget itself, not the loader.
  await page.locator(W).locator('[part~="also-read-card"][data-src*="delegation-briefing"]').first().click();
  await waitHeadline(page, /Cross-Party Delegation Briefs Envoys/);
  await scrollThrough(page);
  const named = await namedOrigins(page, new URL(src, pageUrl).href);
  const all = await requests();
  const { foreign, cookies, images } = check(all, pageUrl, named);

  const docs = all.filter((r) => r.type === 'fetch');
  assert.ok(docs.some((r) => /diplomatic-tour\.json/.test(r.url)) && docs.some((r) => /delegation-briefing\.json/.test(r.url)) && docs.some((r) => /recent\.json/.test(r.url)), 'the loader\'s and the widget\'s document requests were seen');
  // The page's own requests do carry its cookie (so its absence below means something).
  assert.match(all.find((r) => r.type === 'document').headers.cookie, new RegExp(SECRET));
  assert.deepEqual(cookies.map((r) => r.url), [], 'no document request carries the page\'s cookie');
  assert.ok(images.length >= 2, `images were requested (${images.length})`);
  assert.deepEqual(images.filter((r) => 'referer' in r.headers).map((r) => r.url), [], 'no image request carries a Referer');
  const lazy = await page.evaluate(() => [...document.querySelector('[data-dateline]').shadowRoot.querySelectorAll('img')].map((i) => [i.getAttribute('loading'), i.getAttribute('referrerpolicy'), !!i.closest('[part~="image"]')]));
  assert.deepEqual(lazy.filter(([loading, policy, lead]) => policy !== 'no-referrer' || (loading !== 'lazy' && !lead)), [], 'every image is no-referrer, and lazy unless it is the lead image');

  const storage = await page.evaluate(() => window.__storage.slice());
  record('privacy', { storage: storage.length, foreign: foreign.length });
  assert.deepEqual(storage, [], 'no storage API was touched');
  assert.deepEqual(foreign.map((r) => r.url), [], 'no request to a host the data does not name');
  // The wrappers do count (so the empty list above means something).
  assert.deepEqual(await page.evaluate(() => { void localStorage.length; return window.__storage; }), ['localStorage']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('another origin learns the page\'s origin only, never its path or query, despite the page\'s unsafe-url policy', async () => {
  // 127.0.0.1 and localhost are two origins on the one test server.
  const src = 'http://localhost:{port}/demo/articles/diplomatic-tour.json';
  await control(server, '/__test/reset');
  const { context, page, problems, pageUrl, requests } = await open(src);
  await waitInShadow(page, W, '[part~="recent-item"]');
  await page.locator(W).locator('[part~="also-read-card"][data-src*="delegation-briefing"]').first().click();
  await waitHeadline(page, /Cross-Party Delegation Briefs Envoys/);
  await scrollThrough(page);
  const abs = src.replace('{port}', new URL(pageUrl).port);
  const named = await namedOrigins(page, abs);
  const all = await requests();
  const { foreign, images } = check(all, pageUrl, named);
  const other = all.filter((r) => r.type === 'fetch' && new URL(r.url).hostname === 'localhost');
  assert.ok(other.length >= 3, `the widget's documents came from the other origin (${other.length})`);
  const origin = new URL(pageUrl).origin + '/';
  assert.deepEqual(other.filter((r) => r.headers.referer !== origin).map((r) => [r.url, r.headers.referer]), [], `each carries Referer: ${origin} only`);
  assert.ok(images.length >= 2);
  assert.deepEqual(images.filter((r) => 'referer' in r.headers).map((r) => r.url), []);
  // Simple requests (an Accept header CORS safelists): no preflight, which
  // many static hosts refuse.
  const log = await (await fetch(server.url + '__test/requests')).json();
  assert.deepEqual(log.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`), []);
  const storage = await page.evaluate(() => window.__storage.slice());
  record('privacy', { storage: storage.length, foreign: foreign.length });
  assert.deepEqual(storage, []);
  assert.deepEqual(foreign.map((r) => r.url), []);
  assert.deepEqual(problems, []);
  await context.close();
});
