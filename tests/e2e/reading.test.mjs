// Reading in place, end to end in headless Chromium: history and deep links
// that leave the host's URL alone, tag and feed listings with "Load more",
// no refetch on Back, race safety, and live relative times.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openPage, waitInShadow, shadowText, waitHeadline, control as controlServer } from './harness.mjs';

let server, browser;
serverAndBrowser(['--root', 'dist', '--fixtures', 'tests'], (s, b) => { server = s; browser = b; });

const W = '[data-dateline]';
const control = (path) => controlServer(server, path);
const requests = async () => (await (await fetch(server.url + '__test/requests')).json()).filter((r) => r.path.endsWith('.json'));

async function headline(page, host = W) {
  return shadowText(page, host, '[part~="headline"]');
}

async function click(page, selector, host = W) {
  await page.locator(host).locator(selector).first().click();
}

/** The parts of the host URL a widget must never touch. */
function hostParts(url) {
  const u = new URL(url);
  const q = new URLSearchParams(u.search);
  q.delete('dl');
  return { path: u.pathname, query: q.toString(), hash: u.hash };
}

test('card, tag and listing navigations push history; Back and Forward restore each view from memory', async () => {
  const start = server.url + '?edition=intl&page=2#comments';
  const { page, problems } = await openPage(browser, start);
  const host = hostParts(start);
  await waitHeadline(page, /Pakistan Mirrors India/);
  const historyLength = await page.evaluate(() => history.length);

  // 1. An Also Read card.
  await click(page, '[part~="also-read-card"][data-src*="delegation-briefing"]');
  await waitHeadline(page, /Cross-Party Delegation Briefs Envoys/);
  assert.match(new URL(page.url()).search, /dl=0:\/demo\/articles\/delegation-briefing\.json/);
  assert.deepEqual(hostParts(page.url()), host);
  const focused = await page.evaluate(() => document.querySelector('[data-dateline]').shadowRoot.activeElement?.getAttribute('part'));
  assert.equal(focused, 'headline', 'focus moves to the new headline');
  assert.match(await shadowText(page, W, '[aria-live]') ?? await page.evaluate(() => document.querySelector('[data-dateline]').shadowRoot.querySelector('[aria-live]').textContent), /Loaded: .*Delegation Briefs/);

  // 2. A tag chip with a listing.
  await click(page, 'a[part~="tag"][data-src*="tag-india"]');
  await waitHeadline(page, /^India$/);
  const items = await page.evaluate(() => document.querySelector('[data-dateline]').shadowRoot.querySelectorAll('[part~="listing-item"]').length);
  assert.equal(items, 3, 'the India tag feed lists its three stories');
  assert.deepEqual(hostParts(page.url()), host);

  // 3. A story in the listing.
  await click(page, '[part~="listing-link"][data-src*="indus-waters"]');
  await waitHeadline(page, /Indus Waters Row/);
  assert.deepEqual(hostParts(page.url()), host);
  assert.equal(await page.evaluate(() => history.length), historyLength + 3, 'one entry per navigation');

  // Back three times, with no request at all.
  await control('/__test/reset');
  await page.goBack();
  await waitHeadline(page, /^India$/);
  assert.deepEqual(hostParts(page.url()), host);
  await page.goBack();
  await waitHeadline(page, /Cross-Party Delegation Briefs Envoys/);
  assert.deepEqual(hostParts(page.url()), host);
  await page.goBack();
  await waitHeadline(page, /Pakistan Mirrors India/);
  assert.deepEqual(hostParts(page.url()), host);
  assert.equal(new URL(page.url()).searchParams.get('dl'), null, 'back at the start the parameter is gone');
  assert.equal(page.url(), start, 'the host URL is exactly what it was');

  // Forward.
  await page.goForward();
  await waitHeadline(page, /Cross-Party Delegation Briefs Envoys/);
  // (Hovering may prefetch other stories; the views themselves never reload.)
  const views = /diplomatic-tour|delegation-briefing|tag-india|indus-waters/;
  assert.deepEqual((await requests()).filter((r) => views.test(r.path)), [], 'Back and Forward restored every view from memory');

  // Reloading the deep link restores the view.
  await page.reload();
  await waitHeadline(page, /Cross-Party Delegation Briefs Envoys/);
  assert.deepEqual(hostParts(page.url()), host);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a deep link to another origin is refused and the widget shows its own data-src', async () => {
  const { page, problems } = await openPage(browser, server.url + '?dl=0:https%3A//evil.example/fake.json');
  await waitHeadline(page, /Pakistan Mirrors India/);
  const evil = (await requests()).filter((r) => r.path.includes('fake'));
  assert.deepEqual(evil, []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Back restores the page scroll position the reader left', async () => {
  const { page } = await openPage(browser, server.url);
  await waitHeadline(page, /Pakistan Mirrors India/);
  const card = page.locator(W).locator('[part~="also-read-card"][data-src*="indus-waters"]').last();
  await card.scrollIntoViewIfNeeded();
  const y = await page.evaluate(() => scrollY);
  assert.ok(y > 200, `scrolled down to the card (${y})`);
  await card.click();
  await waitHeadline(page, /Indus Waters Row/);
  const top = await page.evaluate(() => document.querySelector('[data-dateline]').getBoundingClientRect().top);
  // Scroll positions are whole pixels; the widget's top may sit at a
  // fraction of one (the host page's header above it has any height).
  assert.ok(top > -1, `the widget top is brought into view (${top})`);
  await page.goBack();
  await waitHeadline(page, /Pakistan Mirrors India/);
  await page.waitForFunction((want) => Math.abs(scrollY - want) < 2, y);
  await page.close();
});

test('only the widget that navigated writes its parameter', async () => {
  const { page } = await openPage(browser, server.url + 'fixtures/e2e/pages/two.html');
  await waitInShadow(page, '#first', '[part~="also-read-card"][data-src]');
  await waitInShadow(page, '#second', '[part~="headline"]');
  await click(page, '[part~="also-read-card"][data-src]', '#first');
  await waitHeadline(page, /Embassy Warns Visitors/, '#first');
  const params = new URL(page.url()).searchParams.getAll('dl');
  assert.deepEqual(params, ['first:/fixtures/fixtures/other.json']);
  await page.close();
});

test('data-history="off" navigates in place without touching history or the URL', async () => {
  const url = server.url + 'fixtures/e2e/pages/no-history.html?x=1';
  const { page } = await openPage(browser, url);
  await waitInShadow(page, W, '[part~="also-read-card"][data-src]');
  const length = await page.evaluate(() => history.length);
  await click(page, '[part~="also-read-card"][data-src]');
  await waitHeadline(page, /Embassy Warns Visitors/);
  assert.equal(page.url(), url);
  assert.equal(await page.evaluate(() => history.length), length);
  await page.close();
});

test('the rail opens the whole feed as a listing, and Load more appends its next page to the same list', async () => {
  const { page, problems } = await openPage(browser, server.url);
  await waitInShadow(page, W, '[part~="more-recent"]');
  await click(page, '[part~="more-recent"]');
  await waitHeadline(page, /Recent Posts/);
  const count = () => page.evaluate(() => document.querySelector('[data-dateline]').shadowRoot.querySelectorAll('[part~="listing-item"]').length);
  const first = await count();
  assert.ok(first > 0);
  // Mark the first story's element: appending keeps it, a rebuild would not.
  await page.evaluate(() => { window.__firstStory = document.querySelector('[data-dateline]').shadowRoot.querySelector('[part~="listing-item"]'); });
  await click(page, '[part~="load-more"]');
  await page.waitForFunction((n) => document.querySelector('[data-dateline]').shadowRoot.querySelectorAll('[part~="listing-item"]').length > n, first);
  const same = await page.evaluate(() => document.querySelector('[data-dateline]').shadowRoot.querySelector('[part~="listing-item"]') === window.__firstStory && window.__firstStory.isConnected);
  assert.ok(same, 'the stories already shown stay the same elements: the next page is appended, the list is not rebuilt');
  const focused = await page.evaluate(() => document.querySelector('[data-dateline]').shadowRoot.activeElement?.closest('[part~="listing-item"]') !== null);
  assert.ok(focused, 'focus moves to the first new story');
  assert.equal(await page.locator(W).locator('[part~="load-more"]').count(), 0, 'the last page has no Load more');
  assert.deepEqual(problems, []);
  await page.close();
});

test('clicking a slow story A then a fast story B ends on B and cancels A', async () => {
  const { page, problems } = await openPage(browser, server.url + 'fixtures/e2e/pages/race.html');
  await waitInShadow(page, W, '[part~="also-read-card"][data-src*="delay"]');
  await control('/__test/reset');
  // dispatchEvent: a click without hovering first, so nothing is prefetched.
  await page.locator(W).locator('[part~="also-read-card"][data-src*="delay"]').first().dispatchEvent('click', { button: 0 });
  await page.waitForFunction(() => document.querySelector('[data-dateline]').shadowRoot.querySelector('.dl-bar'));
  await page.locator(W).locator('[part~="also-read-card"][data-src$="article.json"]').first().dispatchEvent('click', { button: 0 });
  await waitHeadline(page, /Pakistan Mirrors India’s Outreach/);
  // Wait past A's delay: its late answer must not replace B.
  await page.waitForTimeout(2500);
  assert.match(await headline(page), /Pakistan Mirrors India’s Outreach/);
  const aborted = await (await fetch(server.url + '__test/aborted')).json();
  assert.ok(aborted.includes('/fixtures/fixtures/other.json'), `A's request was aborted (${JSON.stringify(aborted)})`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('"just now" becomes "1 minute ago" on the shared timer, without navigation', async () => {
  const page = await browser.newPage();
  // The fixture article was published at 05:05:00Z; start the page clock 10 s later.
  await page.clock.install({ time: new Date('2025-05-18T05:05:10Z') });
  await page.goto(server.url + 'fixtures/e2e/pages/no-history.html');
  await waitInShadow(page, W, '[part~="dateline"] [part~="time"]');
  const text = () => shadowText(page, W, '[part~="dateline"] [part~="time"]');
  assert.equal(await text(), 'just now');
  // The shared timer (rightly) pauses in a hidden tab: make this one visible.
  await page.bringToFront();
  assert.equal(await page.evaluate(() => document.visibilityState), 'visible');
  // The widget learns which times are in view from an IntersectionObserver.
  // Observers created later are notified in the same task or a later one,
  // so once this one has heard about the time, the widget has too, and its
  // timer is set for the time in view before the clock jumps.
  await page.evaluate(() => new Promise((resolve) => {
    const el = document.querySelector('[data-dateline]').shadowRoot.querySelector('[part~="dateline"] [part~="time"]');
    const io = new IntersectionObserver(() => { io.disconnect(); resolve(); });
    io.observe(el);
  }));
  await page.clock.fastForward(65_000);
  try {
    await page.waitForFunction(() => document.querySelector('[data-dateline]').shadowRoot.querySelector('[part~="dateline"] [part~="time"]').textContent === '1 minute ago', null, { timeout: 5000 });
  } catch (e) {
    throw new Error(`still "${await text()}" at ${await page.evaluate(() => new Date().toISOString())}: ${e.message}`);
  }
  await page.close();
});

test('data-src pointing at a feed shows a "latest news" listing whose stories open in place', async () => {
  const { page, problems } = await openPage(browser, server.url + 'fixtures/e2e/pages/feed.html');
  await waitHeadline(page, /Recent Posts/);
  const items = await page.evaluate(() => document.querySelector('[data-dateline]').shadowRoot.querySelectorAll('[part~="listing-item"]').length);
  assert.equal(items, 6);
  // A story with a src opens in place; one without is a plain link out.
  assert.equal(await page.locator(W).locator('[part~="listing-link"]:not([data-src])[target="_blank"]').count() > 0, true);
  await click(page, '[part~="listing-link"][data-src*="travel-advisory"]');
  await waitHeadline(page, /UK Revises Travel Advice/);
  assert.match(new URL(page.url()).search, /^\?dl=latest:\/demo\/articles\/travel-advisory\.json$/);
  await page.goBack();
  await waitHeadline(page, /Recent Posts/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('hovering a card prefetches its story, and the click then needs no request', async () => {
  const { page, problems } = await openPage(browser, server.url);
  await waitInShadow(page, W, '[part~="also-read-card"][data-src*="visa-overstay"]');
  await control('/__test/reset');
  const card = page.locator(W).locator('[part~="also-read-card"][data-src*="visa-overstay"]').last();
  await card.hover();
  await page.waitForFunction(async () => (await (await fetch('/__test/requests')).json()).some((r) => r.path.endsWith('visa-overstay.json')));
  // Let the prefetch land in the cache.
  await page.waitForTimeout(300);
  const before = (await requests()).length;
  await card.click();
  await waitHeadline(page, /Overstay/i);
  const after = (await requests()).filter((r) => r.path.endsWith('visa-overstay.json'));
  assert.equal(after.length, 1, 'only the prefetch fetched it');
  assert.ok((await requests()).length >= before);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a click on a card whose prefetch is still on its way waits for it instead of fetching twice', async () => {
  const { page, problems } = await openPage(browser, server.url + 'fixtures/e2e/pages/race.html');
  await waitInShadow(page, W, '[part~="also-read-card"][data-src*="delay"]');
  await control('/__test/reset');
  const slow = page.locator(W).locator('[part~="also-read-card"][data-src*="delay"]').first();
  await slow.hover(); // starts the (2 s) prefetch
  await page.waitForFunction(async () => (await (await fetch('/__test/requests')).json()).some((r) => r.path.endsWith('other.json')));
  await slow.click();
  await waitHeadline(page, /Embassy Warns Visitors/);
  const hits = (await requests()).filter((r) => r.path.endsWith('other.json'));
  assert.equal(hits.length, 1, JSON.stringify(hits));
  assert.deepEqual(problems, []);
  await page.close();
});

test("a host that routes with pushState keeps its own entries and state; the widget follows Back through them", async () => {
  const { page, problems } = await openPage(browser, server.url + '?view=home');
  await waitHeadline(page, /Pakistan Mirrors India/);
  // The host routes: its own entry, with its own state object.
  await page.evaluate(() => history.pushState({ hostRoute: 'section' }, '', '/?view=section#top'));
  await click(page, '[part~="also-read-card"][data-src*="delegation-briefing"]');
  await waitHeadline(page, /Cross-Party Delegation Briefs Envoys/);
  const u = new URL(page.url());
  assert.equal(u.pathname + u.hash, '/#top');
  assert.equal(u.searchParams.get('view'), 'section');
  assert.deepEqual(await page.evaluate(() => history.state), { hostRoute: 'section' }, "the host's state object is carried, not replaced");
  await page.goBack();
  await waitHeadline(page, /Pakistan Mirrors India/);
  assert.equal(new URL(page.url()).search, '?view=section');
  assert.deepEqual(await page.evaluate(() => history.state), { hostRoute: 'section' });
  await page.goBack();
  assert.equal(new URL(page.url()).search, '?view=home');
  assert.match(await headline(page), /Pakistan Mirrors India/, 'the host going back leaves the widget where it was');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a failed Load more keeps the listing, says so at the button, and its retry appends the page', async () => {
  const { page, problems } = await openPage(browser, server.url + 'fixtures/e2e/pages/feed.html');
  await waitHeadline(page, /Recent Posts/);
  const count = () => page.evaluate(() => document.querySelector('[data-dateline]').shadowRoot.querySelectorAll('[part~="listing-item"]').length);
  const first = await count();
  await control('/__test/switch?path=/demo/feeds/recent-2.json&status=500');
  await click(page, '[part~="load-more"]');
  await page.waitForFunction(() => document.querySelector('[data-dateline]').shadowRoot.querySelector('[part~="load-more"]').textContent === 'Retry');
  assert.equal(await shadowText(page, W, '.dl-more-error'), 'More stories could not be loaded.');
  assert.equal(await count(), first, 'the listing on screen stays');
  assert.equal(await page.locator(W).locator('[part~="error"]').count(), 0, 'no error banner over the listing');
  await control('/__test/reset');
  await click(page, '[part~="load-more"]');
  await page.waitForFunction((n) => document.querySelector('[data-dateline]').shadowRoot.querySelectorAll('[part~="listing-item"]').length > n, first);
  assert.ok(!(await shadowText(page, W, '.dl-more-error')), 'the failure message is gone');
  assert.deepEqual(problems, []);
  await page.close();
});

test('widgets that share a Recent Posts feed fetch it once', async () => {
  await control('/__test/reset');
  const { page, problems } = await openPage(browser, server.url + 'fixtures/e2e/pages/three.html');
  for (const id of ['#a', '#b', '#c']) await waitInShadow(page, id, '[part~="recent-item"]');
  const feed = (await requests()).filter((r) => r.path === '/demo/feeds/recent.json');
  assert.equal(feed.length, 1, JSON.stringify(feed));
  assert.deepEqual(problems, []);
  await page.close();
});
