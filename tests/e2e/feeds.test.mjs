// RSS and Atom feeds, end to end: the browser's DOMParser reads the XML
// (served as application/rss+xml and application/atom+xml by the test
// server), the widget shows a listing or the Recent Posts rail from it, and
// an HTML page where a feed should be gives an error that says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, anyPage, openPage, waitInShadow, shadowText, waitHeadline } from './harness.mjs';

let server, browser;
serverAndBrowser(['--root', 'dist', '--fixtures', 'tests'], (s, b) => { server = s; browser = b; });

const W = '[data-dateline]';
const any = (src, extra) => anyPage(server, src, extra);
const RSS = '/fixtures/fixtures/feeds/news.rss';
const ATOM = '/fixtures/fixtures/feeds/news.atom';

const items = (page, sel) => page.evaluate((s) => [...document.querySelector('[data-dateline]').shadowRoot.querySelectorAll(s)].map((e) => ({
  text: e.textContent.trim(), href: e.getAttribute('href'), src: e.getAttribute('data-src'),
})), sel);

test('the test server sends the feed types', async () => {
  assert.equal((await fetch(server.url + RSS.slice(1))).headers.get('content-type'), 'application/rss+xml');
  assert.equal((await fetch(server.url + ATOM.slice(1))).headers.get('content-type'), 'application/atom+xml');
});

test('an RSS 2.0 feed as data-src renders a listing with the channel title and its stories, titles as text', async () => {
  const { page, problems, consoleErrors } = await openPage(browser, any(RSS));
  await waitHeadline(page, /^Frontier Desk & Wire$/);
  await waitInShadow(page, W, '[part~="listing-link"]');
  const links = await items(page, '[part~="listing-link"]');
  assert.equal(links.length, 3);
  assert.match(links[0].text, /Delegation briefs envoys on water treaty/, 'the entity-encoded <em> is text, not markup');
  assert.equal(new URL(links[0].href).pathname, '/demo/articles/indus-waters.html', 'relative links resolve against the feed');
  assert.match(links[1].text, /Border trade reopens after talks/);
  assert.equal(await page.evaluate(() => document.querySelector('[data-dateline]').shadowRoot.querySelectorAll('[part~="listing"] em, script').length), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(problems, []);
  assert.deepEqual(consoleErrors.filter((e) => !/Failed to load resource/.test(e)), []);
});

test('an Atom feed as data-src renders a listing: xml:base, rel="alternate" links, text titles', async () => {
  const { page, problems } = await openPage(browser, any(ATOM));
  await waitHeadline(page, /^Frontier Atom Desk$/);
  await waitInShadow(page, W, '[part~="listing-link"]');
  const links = await items(page, '[part~="listing-link"]');
  assert.equal(links.length, 2);
  assert.match(links[0].text, /Monsoon arrives early in the south/);
  assert.equal(new URL(links[0].href).pathname, '/demo/articles/monsoon.html', 'the alternate link, against the feed\'s xml:base');
  assert.match(links[1].text, /Markets steady as <rates> hold/, 'a type="text" title keeps its angle brackets as text');
  assert.deepEqual(problems, []);
});

test('an RSS feed as data-recent gives the Recent Posts rail', async () => {
  const { page, problems } = await openPage(browser, any('/fixtures/fixtures/article.json', `&recent=${encodeURIComponent(RSS)}`));
  await waitInShadow(page, W, '[part~="recent-item"]');
  const rail = await items(page, '[part~="recent-item"]');
  assert.equal(rail.length, 3);
  assert.match(rail[0].text, /Delegation briefs envoys on water treaty/);
  assert.deepEqual(problems, []);
});

test('an HTML page at data-src tells the reader it is a web page, and the console hint names it an HTML page', async () => {
  const page = await browser.newPage();
  const warnings = [];
  page.on('console', (m) => warnings.push(m.text()));
  await page.goto(any('/fixtures/e2e/pages/any.html'));
  await waitInShadow(page, W, '[part~="error"]');
  assert.match(await shadowText(page, W, '[part~="error"]'), /This address leads to a web page, not to a story or a news feed/);
  await page.waitForFunction(() => true);
  assert.ok(warnings.some((w) => /is an HTML page, not a feed/.test(w)), warnings.join('\n'));
  await page.close();
});

test('an item with its full content opens in place from the feed already loaded; Back, Forward and a reload work', async () => {
  const requests = async () => (await (await fetch(server.url + '__test/requests')).json()).filter((r) => r.path.endsWith('news.rss'));
  const { page, problems } = await openPage(browser, any(RSS));
  await waitInShadow(page, W, '[part~="listing-link"]');
  const links = await items(page, '[part~="listing-link"]');
  assert.match(links[0].src, /news\.rss#item=frontier-1$/, 'content:encoded: opens in place');
  assert.equal(links[1].src, null, 'an excerpt only: the link opens in a new tab');
  await fetch(server.url + '__test/reset', { method: 'POST' });
  await page.locator(W).locator('[part~="listing-link"]').first().click();
  await waitHeadline(page, /^Delegation briefs envoys on water treaty$/);
  assert.match(await shadowText(page, W, '[part~="body"]'), /The delegation met envoys in three capitals\./);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'the body\'s script never ran');
  assert.deepEqual(await requests(), [], 'no further request');
  await page.goBack();
  await waitHeadline(page, /^Frontier Desk & Wire$/);
  await page.goForward();
  await waitHeadline(page, /^Delegation briefs envoys on water treaty$/);
  assert.deepEqual(await requests(), [], 'Back and Forward from memory');
  // A reload (a deep link): the feed is loaded and the item taken from it.
  await page.reload();
  await waitHeadline(page, /^Delegation briefs envoys on water treaty$/);
  assert.match(await shadowText(page, W, '[part~="body"]'), /three capitals/);
  assert.deepEqual(problems, []);
});

test('a feed on another origin without CORS headers gets the CORS message', async () => {
  // localhost and 127.0.0.1 are different origins; /nocors/ drops the header.
  const src = 'http://localhost:{port}/fixtures/fixtures/nocors/news.rss';
  const { page, consoleErrors } = await openPage(browser, any(src));
  await waitInShadow(page, W, '[part~="error"]');
  assert.equal(await shadowText(page, W, '[part~="error"] p'), 'This news source does not allow its stories to be shown on this site.');
  assert.ok(consoleErrors.some((e) => e.includes('CORS') && e.includes('/nocors/news.rss')), consoleErrors.join('\n'));
  await page.close();
});

test('the demo RSS page: the demo stories from the RSS feed the demo server writes, read in place; the Atom version is a listing too', async () => {
  const { page, problems, consoleErrors } = await openPage(browser, `${server.url}demo/rss.html`);
  await waitHeadline(page, /^The Frontier Ledger$/);
  await waitInShadow(page, W, '[part~="listing-link"]');
  const links = await items(page, '[part~="listing-link"]');
  assert.ok(links.length >= 10, `${links.length} stories`);
  assert.ok(links.every((l) => /\/demo\/feeds\/latest\.rss#item=/.test(l.src)), 'every story has its full content');
  await page.locator(W).locator('[part~="listing-link"]').first().click();
  await waitInShadow(page, W, '[part~="body"]');
  assert.ok(await page.evaluate(() => document.querySelector('[data-dateline]').shadowRoot.querySelectorAll('[part~="body"] p').length) > 2);
  assert.match(await shadowText(page, W, '[part~="byline"]') ?? '', /^By /);
  await page.goBack();
  await waitHeadline(page, /^The Frontier Ledger$/);
  assert.deepEqual(problems, []);
  assert.deepEqual(consoleErrors, []);
  const atom = await openPage(browser, any('/demo/feeds/latest.atom'));
  await waitHeadline(atom.page, /^The Frontier Ledger$/);
  await waitInShadow(atom.page, W, '[part~="listing-link"]');
  assert.equal((await items(atom.page, '[part~="listing-link"]')).length, links.length);
  await atom.page.close();
  await page.close();
});

test('a JSON Feed item with content_html opens in place from the feed too, with no further request', async () => {
  const JSONF = '/fixtures/fixtures/feeds/news.json';
  const requests = async () => (await (await fetch(server.url + '__test/requests')).json()).filter((r) => r.path.endsWith('news.json'));
  const { page, problems } = await openPage(browser, any(JSONF));
  await waitHeadline(page, /^Frontier JSON Desk$/);
  await waitInShadow(page, W, '[part~="listing-link"]');
  const links = await items(page, '[part~="listing-link"]');
  assert.match(links[0].src, /news\.json#item=json-1$/);
  assert.equal(links[1].src, null);
  await fetch(server.url + '__test/reset', { method: 'POST' });
  await page.locator(W).locator('[part~="listing-link"]').first().click();
  await waitHeadline(page, /^Ferry service resumes on the river$/);
  assert.match(await shadowText(page, W, '[part~="body"]'), /Boats crossed again at dawn\./);
  await page.goBack();
  await waitHeadline(page, /^Frontier JSON Desk$/);
  assert.deepEqual(await requests(), []);
  assert.deepEqual(problems, []);
});
