// Accessibility, end to end: axe-core (WCAG 2.x A and AA rules) run inside
// the widget's shadow root in headless Chromium, on every kind of view the
// widget shows: an article, a right-to-left article, a listing with Load
// more, a WordPress body with an embed card, and the error state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { serverAndBrowser, anyPage, openPage, waitInShadow } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let server, browser;
serverAndBrowser(['--root', 'dist', '--fixtures', 'tests', '--wordpress', 'demo/wordpress/posts.json'], (s, b) => { server = s; browser = b; });

const W = '[data-dateline]';
const any = (src) => anyPage(server, src);

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
  ['a partner article with its credit and Share', () => `${server.url}fixtures/e2e/pages/partner.html?src=/demo/articles/diplomatic-tour.json&data-partner=Sun&data-links=out`, '[part~="share"]'],
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
  const { page } = await openPage(browser, any('/fixtures/fixtures/missing-title.json'));
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

/** RGBA of each pixel of a one-row PNG (Chromium's screenshots: 8-bit RGB or
 *  RGBA, one IDAT stream, any of the five row filters). */
function pixelsOfRow(png) {
  const ihdr = png.indexOf('IHDR');
  const width = png.readUInt32BE(ihdr + 4);
  const channels = png[ihdr + 13] === 6 ? 4 : 3;
  const idat = [];
  for (let at = 8; at < png.length;) {
    const len = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const filter = raw[0];
  const row = Buffer.from(raw.subarray(1, 1 + width * channels));
  // The previous row is all zero, so Up is None and Paeth is Sub.
  for (let i = channels; i < row.length; i++) {
    const left = row[i - channels];
    if (filter === 1 || filter === 4) row[i] = (row[i] + left) & 255;
    if (filter === 3) row[i] = (row[i] + (left >> 1)) & 255;
  }
  return Array.from({ length: width }, (_, x) => [...row.subarray(x * channels, x * channels + 3)]);
}

test('the focus ring of a card at the widget\'s edge is painted outside the widget\'s box, not clipped', async () => {
  const { page } = await openPage(browser, server.url);
  await waitInShadow(page, W, '[part~="also-read-card"]');
  const card = page.locator(`${W} [part~="also-read-card"]`).first();
  await card.scrollIntoViewIfNeeded();
  await card.focus();
  const box = await page.evaluate((sel) => {
    const host = document.querySelector(sel);
    const r = host.shadowRoot.querySelector('[part~="also-read-card"]').getBoundingClientRect();
    return { hostLeft: host.getBoundingClientRect().left, left: r.left, mid: r.top + r.height / 2 };
  }, W);
  // The card starts at the widget's own left edge, so its ring (3px wide,
  // 2px outside the card) lies outside the widget's box.
  assert.ok(box.left - box.hostLeft < 2, `card starts ${box.left - box.hostLeft}px inside the widget`);
  const png = await page.screenshot({ clip: { x: Math.round(box.left) - 5, y: Math.round(box.mid), width: 5, height: 1 } });
  const focus = [0x1a, 0x73, 0xe8]; // --dateline-focus's default
  const near = (p) => p.every((c, i) => Math.abs(c - focus[i]) < 40);
  const row = pixelsOfRow(png);
  assert.ok(row.some(near), `no focus-ring colour left of the card: ${JSON.stringify(row)}`);
  await page.close();
});
