// The embed-code builder (builder.html), end to end: its preview is a real
// widget that follows the options, the snippet follows them too and is
// what Copy puts on the clipboard, and a source it cannot use is explained
// in words (no CORS header, not a format Dateline reads, a missing field).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { serverAndBrowser, openPage, waitInShadow, waitHeadline } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let server, browser;
serverAndBrowser(['--root', 'dist', '--fixtures', 'tests'], (s, b) => { server = s; browser = b; });

const P = '#preview';
const snippet = (page) => page.locator('#snippet').textContent();
const checkSays = (page, re) => page.waitForFunction((src) => new RegExp(src).test(document.getElementById('check').textContent), re.source);

async function openBuilder() {
  const opened = await openPage(browser, `${server.url}builder.html`);
  await waitHeadline(opened.page, /Pakistan Mirrors/, P);
  await checkSays(opened.page, /Dateline article JSON/);
  return opened;
}

test('the demo home page links to the builder', async () => {
  const { page, problems } = await openPage(browser, server.url);
  await page.getByRole('link', { name: 'Embed-code builder' }).click();
  await page.waitForURL(/builder\.html$/);
  await waitHeadline(page, /Pakistan Mirrors/, P);
  assert.deepEqual(problems, []);
  await page.close();
});

test('changing an option updates the live preview and the snippet', async () => {
  const { page, problems } = await openBuilder();
  const src = `${server.url}demo/articles/diplomatic-tour.json`;
  // The release's immutable loader, pinned by its hash (dist/integrity.json).
  const sri = JSON.parse(readFileSync('dist/integrity.json', 'utf8'));
  const { version } = sri;
  const hash = sri[`dateline-${version}.js`];
  await page.waitForFunction(() => /integrity=/.test(document.getElementById('snippet').textContent));
  assert.equal(await snippet(page), [
    `<script src="${server.url}dateline-${version}.js" integrity="${hash}" crossorigin="anonymous"></script>`,
    `<div id="dateline-story" data-dateline data-src="${src}">`,
    '  <a href="https://frontier-ledger.example/2026/01/13/diplomatic-tour/">Pakistan Mirrors India’s Anti-Terror Outreach, Sends Senior Delegation on a Global Tour</a>',
    '</div>',
  ].join('\n'));
  assert.match(await page.locator('#css').textContent(), /min-height: 100vh;/);

  await page.selectOption('#theme', 'dark');
  await page.waitForFunction((sel) => document.querySelector(sel)?.shadowRoot?.querySelector('.dl-host')?.dataset.theme === 'dark', P);
  assert.match(await snippet(page), /data-theme="dark"/);

  await page.selectOption('#layout', 'compact');
  await waitInShadow(page, P, '[part~="headline"] a');
  assert.match(await snippet(page), /data-theme="dark" data-layout="compact"/);
  assert.match(await page.locator('#css').textContent(), /min-height: 32rem;/, 'the reserve follows the layout');

  await page.fill('#partner', 'Harbour Daily');
  await page.fill('#utm-source', 'harbour');
  await page.selectOption('#links', 'out');
  await page.waitForFunction((sel) => {
    const a = document.querySelector(sel)?.shadowRoot?.querySelector('[part~="attribution"] a');
    return a && a.getAttribute('href').endsWith('?utm_source=harbour');
  }, P);
  assert.match(await snippet(page), /data-layout="compact" data-links="out" data-partner="Harbour Daily" data-utm-source="harbour">/);
  assert.equal(await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('[part~="headline"] a').target, P), '_blank', 'links out in the preview too');

  await page.selectOption('#loading', 'lazy');
  await page.waitForFunction(() => /data-loading="lazy"/.test(document.getElementById('snippet').textContent));

  await page.fill('#accent', '#0b57d0');
  await page.waitForFunction(() => /--dateline-accent: #0b57d0;/.test(document.getElementById('css').textContent));
  assert.equal(await page.evaluate((sel) => document.querySelector(sel).style.getPropertyValue('--dateline-accent'), P), '#0b57d0');

  // The policy names the assets' and the source's origin and the images'.
  const csp = await page.locator('#csp').textContent();
  assert.match(csp, /^Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' http:\/\/127\.0\.0\.1:\d+; img-src 'self'/);

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.click('#copy');
  await page.waitForFunction(() => document.getElementById('copied').textContent === 'Copied.');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await snippet(page));
  assert.deepEqual(problems, []);
  await page.close();
});

test('a source on another origin without a CORS header gets the CORS message', async () => {
  const { page } = await openBuilder();
  const port = new URL(server.url).port;
  await page.fill('#src', `http://localhost:${port}/fixtures/fixtures/nocors/article.json`);
  await page.click('button[type="submit"]');
  await checkSays(page, /sends no CORS header \(Access-Control-Allow-Origin\)/);
  assert.match(await page.locator('#check').textContent(), new RegExp(`http://localhost:${port} answered`));
  // The same document with the header is fine.
  await page.fill('#src', `http://localhost:${port}/fixtures/fixtures/other.json`);
  await page.click('button[type="submit"]');
  await checkSays(page, /Dateline article JSON: the widget shows it as an article/);
  await waitHeadline(page, /Embassy Warns/, P);
  await page.close();
});

test('a document that is not a format Dateline reads, or lacks a required field, is named in words', async () => {
  const { page } = await openBuilder();
  const cases = [
    ['fixtures/fixtures/missing-title.json', /A required field is missing from a JSON Feed item: “title”/],
    ['fixtures/e2e/pages/any.html', /web page \(HTML\), not a format Dateline reads/],
    ['fixtures/fixtures/malformed.json', /neither JSON nor an XML feed: not a format Dateline reads/],
    ['fixtures/fixtures/nothing-here.json', /HTTP 404 \(not found\)/],
    ['fixtures/fixtures/feeds/news.rss', /An RSS feed: the widget shows it as a listing/],
  ];
  for (const [path, re] of cases) {
    await page.fill('#src', server.url + path);
    await page.click('button[type="submit"]');
    await checkSays(page, re);
  }
  await page.close();
});

test('axe finds no WCAG A/AA violation in the builder form, its preview and its code', async () => {
  const { page } = await openBuilder();
  await page.fill('#partner', 'Harbour Daily');
  await waitInShadow(page, P, '[part~="share"]');
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const r = await window.axe.run({ include: [['main.builder']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  });
  assert.deepEqual(found, []);
  await page.close();
});
