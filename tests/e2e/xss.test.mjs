// Every XSS vector (DOMPurify's 223 and Dateline's own, tests/fixtures/xss/)
// in every slot that holds text or HTML, end to end: documents built here,
// served by the real test server (/__hostile/), rendered by the release
// build on a page with the strict CSP, in headless Chromium. Nothing may
// execute, nothing may report to the page's CSP, and the shadow DOM may hold
// no handler, no style attribute, no foreign or active element, no URL
// with a refused scheme, and no in-place link to another origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serverAndBrowser, openPage } from './harness.mjs';
import { record } from './summary.mjs';

let server, browser;
serverAndBrowser(['--root', 'dist', '--fixtures', 'tests'], (s, b) => { server = s; browser = b; });

const dompurify = JSON.parse(readFileSync('tests/fixtures/xss/dompurify-expect.json', 'utf8')).map((v) => v.payload);
const own = JSON.parse(readFileSync('tests/fixtures/xss/dateline-vectors.json', 'utf8')).vectors.map((v) => v.payload);
const VECTORS = [...dompurify, ...own];

// The slots each vector is put in (docs/SECURITY.md).
const SLOTS = ['title', 'summary', 'author name', 'tag name', 'Also Read title', 'Also Read url', 'image alt', 'image caption',
  'paragraph html', 'list item', 'content_html', 'WordPress content.rendered', 'card url', 'card src', 'rail item title'];
const BATCH = 32;

async function put(path, body, type = 'application/json; charset=utf-8') {
  const r = await fetch(`${server.url}__hostile/put?path=${encodeURIComponent(path)}&type=${encodeURIComponent(type)}`, { method: 'POST', body });
  assert.equal(r.status, 204);
}

const DATE = '2025-05-18T10:05:00Z';

/** A Dateline article with vector `i` of `batch` in its own slots and every
 *  vector of the batch in the list slots. */
function article(batch, i, b) {
  const v = batch[i];
  const rot = [...batch.slice(i), ...batch.slice(0, i)];
  return {
    id: `x${b}-${i}`, url: 'https://news.example.com/x', title: v.trim() ? v : '(empty)', summary: v, date_published: DATE,
    authors: rot.slice(0, 12).map((name) => ({ name, url: name })),
    _dateline: {
      image: { src: 'https://news.example.com/i.jpg', alt: v, caption: v, credit: v },
      tags: rot.map((name) => ({ name, url: name, src: name })),
      // Titles in the section; URLs in the body's cards (a card whose url
      // and src are both refused is dropped, which is the point).
      also_read: rot.map((t, k) => ({ title: t, url: `https://news.example.com/c${k}`, image: t, summary: t })),
      blocks: [
        ...rot.map((html) => ({ type: 'paragraph', html })),
        { type: 'list', items: rot },
        { type: 'image', src: 'https://news.example.com/j.jpg', alt: v, caption: v },
        ...rot.map((t) => ({ type: 'also_read', title: 'Card', url: t, src: t })),
        { type: 'paragraph', text: v },
      ],
    },
  };
}

/** The documents and the page for one batch; resolves to the page path. */
async function stage(batch, b) {
  const docs = [];
  for (let i = 0; i < batch.length; i++) {
    await put(`x/${b}/a${i}.json`, JSON.stringify(article(batch, i, b)));
    docs.push(`/__hostile/x/${b}/a${i}.json`);
  }
  // A JSON Feed item with the whole batch as its content_html, a WordPress
  // post with it as content.rendered, and a feed whose items (the rail's)
  // are titled with the vectors.
  await put(`x/${b}/item.json`, JSON.stringify({ id: 'i', url: 'https://news.example.com/i', title: 'item', date_published: DATE, content_html: batch.join('\n<p>between</p>\n') }));
  docs.push(`/__hostile/x/${b}/item.json`);
  await put(`x/${b}/wp.json`, JSON.stringify({
    id: 7, date_gmt: '2025-05-18T10:05:00', link: 'https://news.example.com/wp', type: 'post',
    title: { rendered: `WP ${batch.join(' ')}` }, excerpt: { rendered: batch.join(' ') }, content: { rendered: batch.join('\n') },
  }));
  docs.push(`/__hostile/x/${b}/wp.json`);
  await put(`x/${b}/feed.json`, JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1', title: batch[0],
    items: [
      ...batch.map((t, k) => ({ id: `f${k}`, url: `https://news.example.com/r${k}`, title: t.trim() ? t : '(empty)', summary: t, date_published: DATE })),
      ...batch.map((t, k) => ({ id: `g${k}`, url: t, title: 'Rail', date_published: DATE, _dateline: { src: t } })),
    ],
  }));
  const recent = `/__hostile/x/${b}/feed.json`;
  // Eager: the widgets stack far below the fold, where they would start lazily.
  const widgets = docs.map((src, k) => `<div id="w${k}" data-dateline data-loading="eager" data-src="${src}" data-recent="${recent}"></div>`).join('\n');
  await put(`csp/x${b}.html`, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>XSS ${b}</title><link rel="icon" href="data:,"></head><body>
${widgets}
<script src="/dateline.js"></script></body></html>`, 'text/html; charset=utf-8');
  return { path: `__hostile/csp/x${b}.html`, widgets: docs.length };
}

/** Everything wrong in the page's widgets, as readable lines. */
function audit(origin) {
  const bad = [];
  const ALLOWED = /^(https?|mailto):/i;
  const FORBIDDEN = 'script, style, iframe, object, embed, svg, math, form, base, meta, link, input, button, textarea, select, template, noscript, frame, frameset';
  for (const host of document.querySelectorAll('[data-dateline]')) {
    const root = host.shadowRoot;
    if (!root) { bad.push(`${host.id}: no shadow root`); continue; }
    // The widget's own stylesheet is adopted, never an element.
    // The widget's own controls (Share, Retry, Load more) are buttons with a
    // part; content can carry neither (the allow-list drops both).
    for (const e of root.querySelectorAll(FORBIDDEN)) if (!(e.localName === 'button' && /^(share|retry|load-more)$/.test(e.getAttribute('part')))) bad.push(`${host.id}: <${e.localName}>`);
    for (const e of root.querySelectorAll('*')) {
      for (const a of e.getAttributeNames()) {
        if (/^on/i.test(a) || a === 'style') bad.push(`${host.id}: ${e.localName}[${a}]`);
        if (['href', 'src', 'srcset', 'action', 'formaction', 'ping', 'xlink:href', 'data', 'poster', 'background', 'data-src'].includes(a)) {
          const vals = a === 'srcset' ? e.getAttribute(a).split(',').map((s) => s.trim().split(/\s+/)[0]) : [e.getAttribute(a)];
          for (const v of vals) if (!ALLOWED.test(v.trim())) bad.push(`${host.id}: ${e.localName}[${a}=${v.slice(0, 60)}]`);
        }
      }
      if (e.hasAttribute('data-src') && new URL(e.getAttribute('data-src')).origin !== origin) bad.push(`${host.id}: in place on another origin ${e.getAttribute('data-src')}`);
    }
  }
  return bad;
}

test('every vector in every slot: nothing executes, nothing reports to the CSP, nothing dangerous is in the shadow DOM', { timeout: 600_000 }, async () => {
  let executed = 0;
  let pages = 0;
  for (let b = 0; b * BATCH < VECTORS.length; b++) {
    const batch = VECTORS.slice(b * BATCH, (b + 1) * BATCH);
    const { path, widgets } = await stage(batch, b);
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    const cspConsole = [];
    page.on('console', (m) => { if (/Content Security Policy|panicked|RuntimeError|unreachable/.test(m.text()) && !/img-src/.test(m.text())) cspConsole.push(m.text()); });
    await page.addInitScript(() => {
      window.__hits = [];
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.sample}`));
      for (const k of ['alert', 'confirm', 'prompt', 'print']) window[k] = (x) => window.__hits.push(`${k}(${x})`);
      window.__pwned = () => window.__hits.push('__pwned()');
    });
    await page.goto(server.url + path);
    // Every widget shows its story or the listing (or an error part).
    await page.waitForFunction((n) => {
      const hosts = [...document.querySelectorAll('[data-dateline]')];
      return hosts.length === n && hosts.every((h) => h.shadowRoot?.querySelector('[part~="headline"], [part~="error"]'));
    }, widgets, { timeout: 30_000 });
    // Rails load after their article.
    await page.waitForFunction(() => [...document.querySelectorAll('[data-dateline]')].filter((h) => h.shadowRoot.querySelector('[part~="recent-link"]')).length > 0, null, { timeout: 10_000 });
    // Hover every link (handlers, prefetch), then give timers a moment.
    await page.evaluate(() => {
      for (const h of document.querySelectorAll('[data-dateline]')) {
        for (const a of h.shadowRoot.querySelectorAll('a')) {
          a.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
          a.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
        }
      }
    });
    await page.waitForTimeout(300);
    const origin = new URL(server.url).origin;
    const bad = await page.evaluate(audit, origin);
    const hits = await page.evaluate(() => window.__hits);
    // Pictures that content names on other origins are refused by the
    // page's `img-src 'self'`, as the publisher asked; what must not be
    // reported is anything the parse of hostile HTML triggers (handlers,
    // styles, scripts).
    const violations = (await page.evaluate(() => window.__violations)).filter((v) => !v.startsWith('img-src '));
    const errors = await page.evaluate(() => [...document.querySelectorAll('[data-dateline]')].filter((h) => h.shadowRoot.querySelector('[part~="error"]')).map((h) => h.id));
    executed += hits.length;
    pages++;
    await page.close();
    assert.deepEqual(hits, [], `batch ${b}: executed`);
    assert.deepEqual(bad, [], `batch ${b}`);
    assert.deepEqual(violations, [], `batch ${b}: CSP reports`);
    assert.deepEqual(cspConsole, [], `batch ${b}: console`);
    assert.deepEqual(problems, [], `batch ${b}`);
    assert.deepEqual(errors, [], `batch ${b}: every hostile document still renders`);
  }
  record('xss', { vectors: VECTORS.length, slots: SLOTS.length, executed });
  assert.equal(pages, Math.ceil(VECTORS.length / BATCH));
});

test('the CSP watch can see a report: an inline handler parsed on the same page is reported', async () => {
  // The control for the test above: without the widget's pre-parse pass,
  // DOMParser reports handlers to the page's CSP, and the watch sees it.
  await put('csp/control.html', '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><p>control</p></body></html>', 'text/html; charset=utf-8');
  const { page } = await openPage(browser, `${server.url}__hostile/csp/control.html`);
  await page.evaluate(() => new DOMParser().parseFromString('<img src=x onerror=alert(1)><b style="color:red">x</b>', 'text/html'));
  await page.waitForFunction(() => window.__violations.length > 0, null, { timeout: 5_000 });
  assert.match((await page.evaluate(() => window.__violations)).join('\n'), /script-src/);
  await page.close();
});

test('a card and a tag on another origin are ordinary links, and a rail the story names there is not loaded: never in place', async () => {
  const other = server.url.replace('127.0.0.1', 'localhost');
  const foreign = `${other}fixtures/fixtures/other.json`;
  const same = `${server.url}fixtures/fixtures/other.json`;
  await put('x/policy.json', JSON.stringify({
    id: 'p', url: 'https://news.example.com/p', title: 'Policy', date_published: DATE,
    _dateline: {
      also_read: [{ title: 'Foreign with url', url: 'https://news.example.com/f', src: foreign }, { title: 'Foreign only', src: foreign }, { title: 'Same origin', url: 'https://news.example.com/s', src: same }],
      tags: [{ name: 'Foreign tag', src: foreign }],
      recent: `${other}fixtures/fixtures/recent.json`,
      blocks: [{ type: 'paragraph', text: 'Body.' }],
    },
  }));
  await put('csp/policy.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
<div id="w" data-dateline data-src="/__hostile/x/policy.json"></div><script src="/dateline.js"></script></body></html>`, 'text/html; charset=utf-8');
  await fetch(`${server.url}__test/reset`, { method: 'POST' });
  const { page, problems } = await openPage(browser, `${server.url}__hostile/csp/policy.html`);
  await page.waitForFunction(() => document.querySelector('#w')?.shadowRoot?.querySelector('[part~="also-read-card"]'));
  const links = await page.evaluate(() => [...document.querySelector('#w').shadowRoot.querySelectorAll('[part~="also-read-card"], [part~="tag"]')]
    .map((a) => ({ text: a.textContent.trim(), href: a.getAttribute('href'), src: a.getAttribute('data-src'), target: a.getAttribute('target') })));
  const by = (t) => links.find((l) => l.text.startsWith(t));
  assert.deepEqual(by('Foreign with url'), { text: by('Foreign with url').text, href: 'https://news.example.com/f', src: null, target: '_blank' });
  assert.equal(by('Foreign only').href, null, 'a document URL is not a page to open');
  assert.equal(by('Foreign only').src, null);
  assert.equal(by('Foreign tag').src, null);
  assert.equal(by('Same origin').src, same, 'the same origin still opens in place');
  // Hover and click the foreign ones: nothing is fetched, nothing changes.
  await page.evaluate(() => {
    for (const a of document.querySelector('#w').shadowRoot.querySelectorAll('a:not([href])')) {
      a.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
      a.click();
    }
  });
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.querySelector('#w').shadowRoot.querySelector('[part~="headline"]').textContent.trim()), 'Policy');
  assert.ok(!(await page.evaluate(() => location.search)).includes('dl='), 'nothing entered the history parameter');
  const log = await (await fetch(`${server.url}__test/requests`)).json();
  assert.deepEqual(log.filter((r) => r.path.endsWith('/other.json')), [], 'the foreign document was never requested');
  assert.deepEqual(log.filter((r) => r.path.endsWith('/recent.json')), [], 'nor the foreign rail the story names');
  assert.equal(await page.evaluate(() => document.querySelector('#w').shadowRoot.querySelectorAll('[part~="recent-link"]').length), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a feed\'s next page on another origin is no "Load more": a listing follows next_url only on its own origin', async () => {
  const other = server.url.replace('127.0.0.1', 'localhost');
  const item = (n) => ({ id: `n${n}`, url: `https://news.example.com/n${n}`, title: `Story ${n}`, date_published: DATE });
  const feed = (next) => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Latest', items: [item(1), item(2)], next_url: next });
  // The next pages are a fixture feed, whose requests the server logs.
  await put('x/next-foreign.json', feed(`${other}fixtures/fixtures/feeds/news.json`));
  await put('x/next-same.json', feed(`${server.url}fixtures/fixtures/feeds/news.json`));
  await put('csp/next.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
<div id="f" data-dateline data-loading="eager" data-src="/__hostile/x/next-foreign.json"></div>
<div id="s" data-dateline data-loading="eager" data-src="/__hostile/x/next-same.json"></div><script src="/dateline.js"></script></body></html>`, 'text/html; charset=utf-8');
  await fetch(`${server.url}__test/reset`, { method: 'POST' });
  const { page, problems } = await openPage(browser, `${server.url}__hostile/csp/next.html`);
  await page.waitForFunction(() => ['#f', '#s'].every((h) => document.querySelector(h)?.shadowRoot?.querySelectorAll('[part~="listing-item"]').length === 2));
  assert.ok(!(await page.evaluate(() => document.querySelector('#f').shadowRoot.querySelector('[part~="load-more"]'))), 'no Load more for a next page on another origin');
  await page.evaluate(() => document.querySelector('#s').shadowRoot.querySelector('[part~="load-more"]').click());
  await page.waitForFunction(() => document.querySelector('#s').shadowRoot.querySelectorAll('[part~="listing-item"]').length > 2);
  const log = await (await fetch(`${server.url}__test/requests`)).json();
  assert.equal(log.filter((r) => r.path.endsWith('/feeds/news.json')).length, 1, 'only the same-origin next page was requested');
  assert.deepEqual(problems, []);
  await page.close();
});
