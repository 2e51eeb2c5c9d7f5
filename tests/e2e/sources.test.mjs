// Sources publishers already have, end to end: a WordPress site's REST API
// (served at the real /wp-json/wp/v2/posts paths by the test server from
// demo/wordpress/posts.json), a JSON Feed, and a bare JSON Feed item, each
// with no publisher-side changes; and the CORS failure a cross-origin source
// without headers gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, anyPage, openPage, waitInShadow, shadowText, waitHeadline } from './harness.mjs';

let server, browser;
serverAndBrowser(['--root', 'dist', '--fixtures', 'tests', '--wordpress', 'demo/wordpress/posts.json'], (s, b) => { server = s; browser = b; });

const W = '[data-dateline]';
const any = (src, extra) => anyPage(server, src, extra);

const all = (page, sel) => page.evaluate((s) => [...document.querySelector('[data-dateline]').shadowRoot.querySelectorAll(s)].map((e) => ({
  text: e.textContent.trim(), src: e.getAttribute('data-src'), href: e.getAttribute('href'),
})), sel);

const count = async (page, sel) => (await all(page, sel)).length;

test('a WordPress post URL (/wp-json/wp/v2/posts/<id>?_embed) renders the whole widget', async () => {
  const { page, problems, consoleErrors } = await openPage(browser, any('/wp-json/wp/v2/posts/105?_embed'));
  await waitInShadow(page, W, '[part~="recent-item"]');
  assert.equal(await shadowText(page, W, '[part~="headline"]'), 'Pakistan Mirrors India’s Anti-Terror Outreach, Sends Senior Delegation on a Global Tour', 'entities decoded');
  assert.match(await shadowText(page, W, '[part~="standfirst"]'), /^Months after New Delhi sent cross-party MPs/);
  assert.doesNotMatch(await shadowText(page, W, '[part~="standfirst"]'), /\[…\]|hellip/, "WordPress's excerpt tail is trimmed");
  assert.equal(await shadowText(page, W, '[part~="byline"]'), 'By News Desk');
  const img = await page.evaluate(() => {
    const i = document.querySelector('[data-dateline]').shadowRoot.querySelector('[part~="image"] img');
    return [new URL(i.src).pathname, i.getAttribute('width'), i.getAttribute('height'), i.alt.length > 20];
  });
  assert.deepEqual(img, ['/demo/img/lead-diplomacy.svg', '1200', '675', true]);
  // The HTML body became typed blocks: headings, a quote, a list, a figure.
  for (const sel of ['[part~="body-heading"]', '[part~="quote"]', '[part~="body"] ul', '[part~="body"] figure']) {
    assert.ok(await count(page, sel) > 0, `body has ${sel}`);
  }
  assert.equal(await count(page, '[part~="body"] script, [part~="body"] iframe'), 0);
  // Inline "Also Read:" paragraphs became cards that open in place by slug.
  const cards = await all(page, '[part~="body"] [part~="also-read-card"]');
  assert.ok(cards.length >= 2);
  for (const c of cards) assert.match(c.src, /\/wp-json\/wp\/v2\/posts\?slug=[a-z-]+&_embed$/);
  // Tag chips carry their tag's post list.
  const tags = await all(page, 'a[part~="tag"]');
  assert.ok(tags.length >= 4);
  assert.ok(tags.some((t) => t.text === 'Meera Raghavan' && /\/wp-json\/wp\/v2\/posts\?tags=\d+&_embed&per_page=10$/.test(t.src)));
  // The rail is the site's latest posts.
  assert.equal(await count(page, '[part~="recent-item"]'), 6);
  assert.deepEqual(problems, []);
  assert.deepEqual(consoleErrors, []);

  // A tag chip opens that tag's posts as a listing, and a story in it opens in place.
  await page.locator(W).locator('a[part~="tag"]', { hasText: 'Meera Raghavan' }).click();
  await waitHeadline(page, /^Meera Raghavan$/);
  const items = await all(page, '[part~="listing-link"]');
  assert.equal(items.length, 2);
  for (const i of items) assert.match(i.src, /\/wp-json\/wp\/v2\/posts\/\d+\?_embed$/);
  await page.locator(W).locator('[part~="listing-link"]', { hasText: 'Delegation Briefs' }).click();
  await waitHeadline(page, /Cross-Party Delegation Briefs Envoys/);
  await page.goBack();
  await waitHeadline(page, /^Meera Raghavan$/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a WordPress ?slug= URL renders the post, and its Also Read card opens the sibling post in place', async () => {
  const { page, problems } = await openPage(browser, any('/wp-json/wp/v2/posts?slug=colombo-port&_embed'));
  await waitHeadline(page, /Colombo/);
  await page.locator(W).locator('[part~="body"] [part~="also-read-card"]').first().click();
  await waitHeadline(page, /Dhaka Invites Regional Observers/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a WordPress post list pages with X-WP-TotalPages: Load more until the last page', async () => {
  const { page, problems } = await openPage(browser, any('/wp-json/wp/v2/posts?_embed&per_page=6'));
  await waitHeadline(page, /Latest stories/);
  assert.equal(await count(page, '[part~="listing-item"]'), 6);
  await page.locator(W).locator('[part~="load-more"]').click();
  await page.waitForFunction(() => document.querySelector('[data-dateline]').shadowRoot.querySelectorAll('[part~="listing-item"]').length === 12);
  await page.locator(W).locator('[part~="load-more"]').click();
  await page.waitForFunction(() => document.querySelector('[data-dateline]').shadowRoot.querySelectorAll('[part~="listing-item"]').length === 13);
  assert.equal(await count(page, '[part~="load-more"]'), 0, 'page 3 of 3 is the last');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a bare JSON Feed item renders as an article with its HTML body, author, tags and (with data-recent) a rail', async () => {
  const { page, problems } = await openPage(browser, any('/fixtures/fixtures/jsonfeed/item-3960.json', `&recent=${encodeURIComponent('/fixtures/fixtures/jsonfeed/jsonfeed-rsparser-3960.json')}`));
  await waitHeadline(page, /^Lecker, lecker$/);
  assert.equal(await shadowText(page, W, '[part~="byline"]'), 'Von Frank Boës', 'a de-DE item speaks German');
  assert.match(await shadowText(page, W, '[part~="body"]'), /nicht ganz billig/);
  assert.deepEqual((await all(page, '[part~="tag"]')).map((t) => t.text), ['Lustiges']);
  assert.equal(await page.evaluate(() => document.querySelector('[data-dateline]').shadowRoot.querySelector('[part~="time"]').getAttribute('datetime')), '2020-02-21T17:08:06.000Z');
  // The rail: the feed's items (the real feed has twenty; the rail shows ten).
  await waitInShadow(page, W, '[part~="recent-item"]');
  assert.equal(await count(page, '[part~="recent-item"]'), 10);
  assert.equal((await all(page, '[part~="recent-item"]'))[0].text.startsWith('Lecker, lecker'), true);
  assert.deepEqual(problems, []);
  await page.close();
});

test('data-format forces a format: a WordPress post read as JSON Feed fails with the field it lacks', async () => {
  const { page, problems } = await openPage(browser, any('/wp-json/wp/v2/posts/105?_embed', '&format=jsonfeed'));
  await waitInShadow(page, W, '[part~="error"]');
  assert.match(await shadowText(page, W, '[part~="error"]'), /incomplete \((url|title|date_published)\)/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the demo WordPress page renders from the demo server', async () => {
  const { page, problems, consoleErrors } = await openPage(browser, server.url + 'demo/wordpress.html');
  await waitInShadow(page, W, '[part~="recent-item"]');
  assert.match(await shadowText(page, W, '[part~="headline"]'), /Pakistan Mirrors India/);
  assert.deepEqual(problems, []);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('a cross-origin source without CORS headers tells the reader it does not allow embedding here and names CORS in the console', async () => {
  // localhost and 127.0.0.1 are different origins; /nocors/ drops the header.
  const src = 'http://localhost:{port}/fixtures/fixtures/nocors/article.json';
  const { page, problems, consoleErrors } = await openPage(browser, any(src));
  await waitInShadow(page, W, '[part~="error"]');
  assert.equal(await shadowText(page, W, '[part~="error"] p'), 'This news source does not allow its stories to be shown on this site.');
  const port = new URL(server.url).port;
  assert.ok(consoleErrors.some((e) => e.includes('CORS') && e.includes(`http://localhost:${port}/fixtures/fixtures/nocors/article.json`)), consoleErrors.join('\n'));
  const fallback = await page.evaluate(() => document.querySelector('[data-dateline]').shadowRoot.querySelector('.dl-fallback slot').assignedNodes().map((n) => n.textContent).join(''));
  assert.match(fallback, /Fallback link/, "the publisher's fallback link stays");
  assert.deepEqual(problems, []);
  await page.close();
});
