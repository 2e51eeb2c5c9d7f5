// Accessibility, end to end: axe-core (WCAG 2.x A and AA rules) run inside
// the widget's shadow root in headless Chromium, on every kind of view the
// widget shows: an article, a right-to-left article, a listing with Load
// more, a WordPress body with an embed card, and the error state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { startServer, launch, openPage, waitInShadow } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let server, browser;
before(async () => {
  server = await startServer(['--root', 'dist', '--fixtures', 'tests', '--wordpress', 'demo/wordpress/posts.json']);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

const W = '[data-dateline]';
const any = (src) => `${server.url}fixtures/e2e/pages/any.html?src=${encodeURIComponent(src)}`;

/** axe's WCAG A/AA violations inside the first widget, as readable lines. */
async function violations(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (sel) => {
    const result = await window.axe.run({ include: [[sel]] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  }, W);
}

const cases = [
  ['the demo article with its rail', () => server.url, '[part~="recent-item"]'],
  ['a Hindi article', () => any('/demo/articles/nepal-border-hi.json'), '[part~="recent-item"]'],
  ['a listing with Load more', () => any('/demo/feeds/recent.json'), '[part~="load-more"]'],
  ['a WordPress post with an embed card', () => any('/wp-json/wp/v2/posts?slug=colombo-port&_embed'), '[part~="embed"]'],
  ['the error state with Retry', () => any('/fixtures/fixtures/missing-title.json'), '[part~="retry"]'],
];

for (const [name, url, ready] of cases) {
  test(`axe finds no WCAG A/AA violation in ${name}`, async () => {
    const { page, problems } = await openPage(browser, url());
    await waitInShadow(page, W, ready);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('axe finds no violation in the Urdu (right-to-left) interface of an error', async () => {
  const { page } = await openPage(browser, `${server.url}fixtures/e2e/pages/any.html?src=${encodeURIComponent('/fixtures/fixtures/missing-title.json')}`);
  await page.evaluate(() => {
    // A second widget, in Urdu, added after load: scan() mounts it.
    const el = document.createElement('div');
    el.id = 'ur';
    el.dataset.dateline = '';
    el.dataset.locale = 'ur';
    el.dataset.src = '/fixtures/fixtures/missing-title.json';
    document.body.prepend(el);
    return window.Dateline.ready.then(() => window.Dateline.scan());
  });
  await waitInShadow(page, '#ur', '[part~="retry"]');
  const dir = await page.evaluate(() => document.querySelector('#ur').shadowRoot.querySelector('.dl').getAttribute('dir'));
  assert.equal(dir, 'rtl');
  assert.deepEqual(await violations(page), []);
  await page.close();
});
