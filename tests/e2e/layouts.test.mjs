// Layouts, end to end: data-layout="compact" shows a teaser whose headline
// opens the whole story in place, "rail" shows the Recent Posts rail alone
// (of an article or of a feed) with data-max-items stories, and no layout
// scrolls sideways on a 320 px screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, anyPage, openPage, waitInShadow, waitHeadline } from './harness.mjs';

let server, browser;
serverAndBrowser(['--root', 'dist', '--fixtures', 'tests'], (s, b) => { server = s; browser = b; });

const W = '[data-dateline]';
const ARTICLE = '/demo/articles/diplomatic-tour.json';
const FEED = '/demo/feeds/recent.json';

/** Which of `parts` the widget shows. */
const present = (page, parts) => page.evaluate(([sel, parts]) => {
  const r = document.querySelector(sel).shadowRoot;
  return parts.filter((p) => r.querySelector(`[part~="${p}"]`));
}, [W, parts]);

const ALL = ['headline', 'standfirst', 'dateline', 'image', 'also-read', 'body', 'tags', 'recent'];

test('compact shows the teaser only, and its headline opens the whole story in place', async () => {
  const { page, problems } = await openPage(browser, anyPage(server, ARTICLE, '&layout=compact'));
  await waitInShadow(page, W, '[part~="also-read"]');
  await page.waitForTimeout(300); // a task later, the full layout would add its later part and rail
  assert.deepEqual(await present(page, ALL), ['headline', 'standfirst', 'dateline', 'image', 'also-read']);
  await page.locator(W).locator('[part~="headline"] a').click();
  await waitInShadow(page, W, '[part~="tags"]');
  await waitInShadow(page, W, '[part~="recent-item"]');
  assert.deepEqual(await present(page, ALL), ALL, 'the full story, with its rail');
  assert.deepEqual(problems, []);
  await page.close();
});

test('rail shows the Recent Posts rail of an article alone, with data-max-items stories', async () => {
  const { page, problems } = await openPage(browser, anyPage(server, ARTICLE, '&layout=rail&max=3'));
  await waitInShadow(page, W, '[part~="recent-item"]');
  assert.deepEqual(await present(page, ALL), ['recent']);
  assert.equal(await page.locator(W).locator('[part~="recent-item"]').count(), 3);
  assert.deepEqual(problems, []);
  await page.close();
});

test('rail of a feed: its stories open in place in full, and Back returns to the rail', async () => {
  const { page, problems } = await openPage(browser, anyPage(server, FEED, '&layout=rail'));
  await waitInShadow(page, W, '[part~="recent-item"]');
  assert.deepEqual(await present(page, ALL), ['recent']);
  await page.locator(W).locator('[part~="recent-link"][data-src]').first().click();
  await waitInShadow(page, W, '[part~="body"]');
  assert.ok((await present(page, ALL)).includes('headline'), 'the story, in full');
  await page.goBack();
  await page.waitForFunction((sel) => !document.querySelector(sel).shadowRoot.querySelector('[part~="headline"]'), W);
  assert.deepEqual(await present(page, ALL), ['recent'], 'Back shows the rail again');
  assert.deepEqual(problems, []);
  await page.close();
});

test('nothing scrolls sideways at 320 px, in any layout', async () => {
  for (const [layout, ready] of [['full', '[part~="recent-item"]'], ['compact', '[part~="also-read"]'], ['rail', '[part~="recent-item"]']]) {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(anyPage(server, ARTICLE, `&layout=${layout}`));
    await waitInShadow(page, W, ready);
    await page.waitForTimeout(200);
    const [doc, view, host, hostClient] = await page.evaluate((sel) => {
      const h = document.querySelector(sel).shadowRoot.querySelector('.dl-host');
      return [document.documentElement.scrollWidth, window.innerWidth, h.scrollWidth, h.clientWidth];
    }, W);
    assert.ok(doc <= view, `${layout}: the page is ${doc} px wide in a ${view} px viewport`);
    assert.ok(host <= hostClient, `${layout}: the widget's content is ${host} px wide in its ${hostClient} px`);
    await page.close();
  }
});
