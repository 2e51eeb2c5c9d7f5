// Themes, end to end: data-theme="light" and "dark" are what they say
// whatever the reader prefers; "auto" (the default) follows the page's own
// color-scheme when the page declares one, else the reader's preference;
// and axe-core finds no contrast or other WCAG A/AA violation in the dark
// theme on an article, a listing and an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { serverAndBrowser, anyPage, openPage, waitInShadow } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let server, browser;
serverAndBrowser(['--root', 'dist', '--fixtures', 'tests'], (s, b) => { server = s; browser = b; });

const W = '[data-dateline]';
const ARTICLE = '/demo/articles/diplomatic-tour.json';

/** Relative luminance (WCAG) of a computed `rgb(…)` colour. */
function luminance(css) {
  const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map(Number).map((c) => {
    c /= 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The widget's background and its body text colour, as luminances. */
async function colours(page) {
  const [bg, fg] = await page.evaluate((sel) => {
    const r = document.querySelector(sel).shadowRoot;
    return [getComputedStyle(r.querySelector('.dl-host')).backgroundColor, getComputedStyle(r.querySelector('[part~="body"] p')).color];
  }, W);
  return { bg: luminance(bg), fg: luminance(fg) };
}

async function open(extra, scheme) {
  const { page, problems } = await openPage(browser, 'about:blank');
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(anyPage(server, ARTICLE, extra));
  await waitInShadow(page, W, '[part~="body"] p');
  return { page, problems };
}

const dark = ({ bg, fg }) => bg < 0.05 && fg > 0.6;
const light = ({ bg, fg }) => bg > 0.9 && fg < 0.05;

test('data-theme="dark" is dark and "light" is light, whatever the reader prefers', async () => {
  for (const [theme, pref, want] of [['dark', 'light', dark], ['light', 'dark', light]]) {
    const { page, problems } = await open(`&theme=${theme}`, pref);
    const c = await colours(page);
    assert.ok(want(c), `${theme} under a ${pref} preference: ${JSON.stringify(c)}`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('auto follows the reader\'s preference on a page that declares no colour scheme', async () => {
  for (const [pref, want] of [['dark', dark], ['light', light]]) {
    const { page } = await open('', pref);
    const c = await colours(page);
    assert.ok(want(c), `auto under a ${pref} preference: ${JSON.stringify(c)}`);
    await page.close();
  }
});

test('auto follows the page\'s own color-scheme, also when the page switches it', async () => {
  const { page } = await open('&scheme=dark', 'light');
  assert.ok(dark(await colours(page)), 'the page says dark; the reader prefers light');
  // A site's own toggle: the root's color-scheme changes after load.
  await page.evaluate(() => { document.documentElement.style.colorScheme = 'light'; });
  await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('.dl-host').dataset.theme === 'auto', W);
  assert.ok(light(await colours(page)), 'the page switched to light');
  await page.close();
});

for (const [name, src, ready] of [
  ['an article', ARTICLE, '[part~="recent-item"]'],
  ['a listing', '/demo/feeds/recent.json', '[part~="load-more"]'],
  ['the error state', '/fixtures/fixtures/missing-title.json', '[part~="retry"]'],
]) {
  test(`axe finds no WCAG A/AA violation in the dark theme on ${name}`, async () => {
    const { page, problems } = await openPage(browser, anyPage(server, src, '&theme=dark'));
    await waitInShadow(page, W, ready);
    await page.addScriptTag({ path: AXE });
    const found = await page.evaluate(async (sel) => {
      const result = await window.axe.run({ include: [[sel]] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
    }, W);
    assert.deepEqual(found, []);
    assert.deepEqual(problems, []);
    await page.close();
  });
}
