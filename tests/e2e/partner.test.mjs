// Syndication, end to end: a partner's credit ("From <publisher>"), campaign
// parameters on links to the publisher's own pages and on nothing else,
// data-links="out", data-max-items on the Also Read section and the rail,
// and the Share control with the Web Share API and with the copy fallback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openPage, waitInShadow, waitHeadline } from './harness.mjs';

let server, browser;
serverAndBrowser(['--root', 'dist', '--fixtures', 'tests'], (s, b) => { server = s; browser = b; });

const W = '[data-dateline]';
const ARTICLE = '/fixtures/fixtures/article.json';
const UTM = 'utm_source=daily%20sun&utm_medium=syndication&utm_campaign=spring';
const PARTNER = { 'data-partner': 'Daily Sun', 'data-utm-source': 'daily sun', 'data-utm-medium': 'syndication', 'data-utm-campaign': 'spring' };

const partnerPage = (src, attrs = {}) => `${server.url}fixtures/e2e/pages/partner.html?${new URLSearchParams({ src, ...attrs })}`;

/** Open `url` with `init` run before any page script (stubs). */
async function openWith(url, init) {
  const opened = await openPage(browser, 'about:blank');
  if (init) await opened.page.addInitScript(init);
  await opened.page.goto(url);
  return opened;
}

/** Every link, image and in-place source in the widget, with where it stands. */
const inventory = (page) => page.evaluate((sel) => {
  const root = document.querySelector(sel).shadowRoot;
  const where = (a) => a.getAttribute('part') || (a.closest('[part~="body"]') ? 'body' : a.closest('[part~="byline"]') ? 'byline' : '?');
  return {
    links: [...root.querySelectorAll('a[href]')].map((a) => ({ where: where(a), href: a.getAttribute('href'), target: a.target, src: a.dataset.src ?? null })),
    images: [...root.querySelectorAll('img')].map((i) => i.getAttribute('src')),
  };
}, W);

test('a partner credits the publisher, linked to the canonical story with the campaign parameters', async () => {
  const { page, problems } = await openPage(browser, partnerPage('/demo/articles/diplomatic-tour.json', PARTNER));
  await waitInShadow(page, W, '[part~="attribution"]');
  const credit = await page.evaluate((sel) => {
    const p = document.querySelector(sel).shadowRoot.querySelector('[part~="attribution"]');
    const a = p.querySelector('a');
    return { text: p.textContent, href: a.getAttribute('href'), target: a.target, rel: a.rel };
  }, W);
  assert.deepEqual(credit, {
    text: 'From The Frontier Ledger (opens in a new tab)',
    href: `https://frontier-ledger.example/2026/01/13/diplomatic-tour/?${UTM}`,
    target: '_blank',
    rel: 'noopener noreferrer',
  });
  assert.deepEqual(problems, []);
  await page.close();
});

test('campaign parameters go on links to the publisher pages only: not content links, bylines, images or in-place sources', async () => {
  const { page, problems } = await openPage(browser, partnerPage(ARTICLE, PARTNER));
  await waitInShadow(page, W, '[part~="tags"]');
  await waitInShadow(page, W, '[part~="more-recent"]');
  const { links, images } = await inventory(page);
  const canonical = ['attribution-link', 'also-read-card', 'tag', 'recent-link', 'more-recent'];
  const tagged = links.filter((l) => l.href.includes('utm_'));
  // Every link to one of the publisher's pages is tagged, exactly once each.
  for (const l of links.filter((l) => canonical.includes(l.where))) {
    assert.ok(l.href.startsWith('https://news.example.com/'), JSON.stringify(l));
    assert.ok(l.href.endsWith(`?${UTM}`), `untagged or tagged twice: ${JSON.stringify(l)}`);
  }
  assert.deepEqual(new Set(tagged.map((l) => l.where)), new Set(canonical), 'each kind of canonical link is there, tagged');
  // Nothing else is.
  assert.deepEqual(links.filter((l) => !canonical.includes(l.where) && l.href.includes('utm_')), []);
  assert.ok(links.some((l) => l.where === 'body' && l.href === 'https://news.example.com/context/'), 'a link inside the story stays as written');
  assert.ok(links.some((l) => l.where === 'byline' && l.href === 'https://news.example.com/author/news-desk/'));
  assert.deepEqual(links.filter((l) => l.src?.includes('utm_')), [], 'in-place sources are never tagged');
  assert.ok(links.some((l) => l.src), 'there are in-place links');
  assert.ok(images.length > 0 && images.every((s) => !s.includes('utm_')), images.join(' '));
  // The credit falls back to the site's name when the story names no publisher.
  assert.equal(await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('[part~="attribution"]').textContent, W), 'From news.example.com (opens in a new tab)');
  assert.deepEqual(problems, []);
  await page.close();
});

test('without data-partner or campaign attributes there is no credit and every link is as the feed wrote it', async () => {
  const { page, problems } = await openPage(browser, partnerPage(ARTICLE));
  await waitInShadow(page, W, '[part~="more-recent"]');
  const { links } = await inventory(page);
  assert.equal(await page.evaluate((sel) => !!document.querySelector(sel).shadowRoot.querySelector('[part~="attribution"]'), W), false);
  assert.deepEqual(links.filter((l) => l.href.includes('utm_')), []);
  assert.ok(links.some((l) => l.where === 'also-read-card' && l.href === 'https://news.example.com/2025/05/17/visa-warning/' && l.src));
  assert.deepEqual(problems, []);
  await page.close();
});

test('data-links="out" opens stories on the publisher site in a new tab, and the widget stays where it is', async () => {
  const { page, problems } = await openPage(browser, partnerPage(ARTICLE, { ...PARTNER, 'data-links': 'out' }));
  await page.context().route('https://news.example.com/**', (r) => r.fulfill({ contentType: 'text/html', body: '<title>publisher</title>' }));
  await waitInShadow(page, W, '[part~="tags"]');
  await waitInShadow(page, W, '[part~="more-recent"]');
  const { links } = await inventory(page);
  const stories = links.filter((l) => ['also-read-card', 'recent-link', 'tag', 'more-recent'].includes(l.where));
  assert.ok(stories.length >= 6, JSON.stringify(stories));
  // Every story, tag and the feed link that has a page of its own goes there.
  for (const l of stories) assert.deepEqual([l.target, l.src], ['_blank', null], JSON.stringify(l));
  const before = await page.evaluate(() => location.href);
  const [popup] = await Promise.all([
    page.context().waitForEvent('page'),
    page.locator(W).locator('[part~="also-read"] [part~="also-read-card"]').first().click(),
  ]);
  await popup.waitForLoadState();
  assert.equal(popup.url(), `https://news.example.com/2025/05/17/visa-warning/?${UTM}`);
  await waitHeadline(page, /Pakistan Mirrors/);
  assert.equal(await page.evaluate(() => location.href), before, 'the host page did not navigate or push history');
  await popup.close();
  assert.deepEqual(problems, []);
  await page.close();
});

test('data-max-items limits the Also Read section and the Recent Posts rail', async () => {
  const { page, problems } = await openPage(browser, partnerPage(ARTICLE, { 'data-max-items': '1' }));
  await waitInShadow(page, W, '[part~="recent-item"]');
  await waitInShadow(page, W, '[part~="also-read"]');
  const counts = await page.evaluate((sel) => {
    const r = document.querySelector(sel).shadowRoot;
    return [r.querySelectorAll('[part~="also-read"] [part~="also-read-card"]').length, r.querySelectorAll('[part~="recent-item"]').length];
  }, W);
  assert.deepEqual(counts, [1, 1], 'the fixture has 2 Also Read cards and 3 usable recent posts');
  const full = await openPage(browser, partnerPage(ARTICLE));
  await waitInShadow(full.page, W, '[part~="recent-item"]');
  await waitInShadow(full.page, W, '[part~="also-read"]');
  assert.deepEqual(await full.page.evaluate((sel) => {
    const r = document.querySelector(sel).shadowRoot;
    return [r.querySelectorAll('[part~="also-read"] [part~="also-read-card"]').length, r.querySelectorAll('[part~="recent-item"]').length];
  }, W), [2, 3]);
  assert.deepEqual([...problems, ...full.problems], []);
  await page.close();
  await full.page.close();
});

test('Share uses the Web Share API with the deep link that reopens the story in this widget', async () => {
  const { page, problems } = await openWith(partnerPage(ARTICLE, { q: 'kept' }), () => {
    window.__shared = [];
    navigator.share = async (data) => { window.__shared.push(data); };
    navigator.clipboard.writeText = async () => { throw new Error('must not copy when the share sheet is there'); };
  });
  await waitInShadow(page, W, '[part~="also-read"]');
  await page.locator(W).locator('[part~="also-read"] a[data-src]').first().click();
  await waitHeadline(page, /Embassy Warns/);
  await waitInShadow(page, W, '[part~="share"]');
  // From the keyboard: focus the control and press Enter.
  await page.locator(W).locator('[part~="share"]').press('Enter');
  await page.waitForFunction(() => window.__shared.length === 1);
  const [shared] = await page.evaluate(() => window.__shared);
  const u = new URL(shared.url);
  assert.equal(shared.title, 'Embassy Warns Visitors About Overstaying Visas');
  assert.equal(u.searchParams.get('q'), 'kept', 'the host page query is kept');
  assert.equal(u.searchParams.get('dl'), 'w:/fixtures/fixtures/other.json');
  assert.equal(await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('[aria-live]').textContent, W), '', 'the share sheet speaks for itself');
  // The shared link reopens that story in this widget.
  const again = await openPage(browser, shared.url);
  await waitHeadline(again.page, /Embassy Warns/);
  assert.deepEqual([...problems, ...again.problems], []);
  await again.page.close();
  await page.close();
});

test('without the Web Share API, Share copies the link and a polite live region says so', async () => {
  const { page, problems } = await openWith(partnerPage(ARTICLE), () => { delete Navigator.prototype.share; });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await waitInShadow(page, W, '[part~="share"]');
  assert.equal(await page.evaluate(() => 'share' in navigator), false);
  await page.locator(W).locator('[part~="share"]').click();
  await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('[aria-live="polite"]').textContent === 'Link copied', W);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.evaluate(() => location.href), 'the home story: the page itself');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a partner with data-links="out" shares the canonical page with its campaign parameters', async () => {
  const { page, problems } = await openWith(partnerPage(ARTICLE, { ...PARTNER, 'data-links': 'out' }), () => {
    delete Navigator.prototype.share;
    window.__copied = [];
    navigator.clipboard.writeText = async (t) => { window.__copied.push(t); };
  });
  await waitInShadow(page, W, '[part~="share"]');
  await page.locator(W).locator('[part~="share"]').click();
  await page.waitForFunction(() => window.__copied.length === 1);
  assert.deepEqual(await page.evaluate(() => window.__copied), [`https://news.example.com/2025/05/18/diplomatic-tour/?${UTM}`]);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a source on another origin that sends Access-Control-Allow-Origin loads without a preflight', async () => {
  // The test server answers OPTIONS without Access-Control-Allow-Headers, as
  // many static hosts do: only simple (safelisted) requests get through.
  const port = new URL(server.url).port;
  const { page, problems } = await openPage(browser, partnerPage(`http://localhost:${port}/fixtures/fixtures/other.json`));
  const preflights = [];
  page.on('request', (r) => { if (r.method() === 'OPTIONS') preflights.push(r.url()); });
  await waitHeadline(page, /Embassy Warns/);
  assert.deepEqual(preflights, []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a listing: with data-links="out" its stories go to their pages, tagged; in place they keep their src and a tagged href', async () => {
  const FEED = '/fixtures/fixtures/recent.json';
  for (const [links, want] of [['out', (l) => l.target === '_blank' && l.src === null], ['inplace', (l) => l.src !== null || l.target === '_blank']]) {
    const { page, problems } = await openPage(browser, partnerPage(FEED, { ...PARTNER, 'data-links': links }));
    await waitInShadow(page, W, '[part~="listing-link"]');
    const items = (await inventory(page)).links.filter((l) => l.where === 'listing-link');
    assert.equal(items.length, 3, links);
    for (const l of items) {
      assert.ok(l.href.endsWith(`?${UTM}`), JSON.stringify(l));
      assert.ok(want(l), `${links}: ${JSON.stringify(l)}`);
    }
    if (links === 'inplace') assert.ok(items.some((l) => l.src?.endsWith('/other.json')), 'the story with a src opens in place');
    assert.deepEqual(problems, []);
    await page.close();
  }
});
