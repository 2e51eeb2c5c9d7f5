// make screenshots: the demo in headless Chromium, as PNGs under
// target/screenshots/, for looking at the design: light and dark (the
// reader's preference, which the demo page and the widget follow), at 360,
// 768 and 1280 px, in English and Urdu, and the three layouts. Serves dist/
// on 127.0.0.1 (scripts/serve.mjs); needs `make build` first (the Makefile
// target does it).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launch } from '../tests/e2e/harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);
const OUT = 'target/screenshots';
fs.mkdirSync(OUT, { recursive: true });

const server = await startServer(['--root', 'dist', '--shift-dates']);
const browser = await launch();

/** Wait until every widget on the page shows its story (or its rail). */
async function ready(page) {
  await page.waitForFunction(() => [...document.querySelectorAll('[data-dateline]')].every((el) => {
    const r = el.shadowRoot;
    return r && (r.querySelector('[part~="headline"]') || r.querySelector('[part~="recent-item"]')) && !r.querySelector('[part~="loading"]');
  }), null, { timeout: 15000 });
  // The article's later part, the rail and the lazy images.
  await page.waitForTimeout(600);
}

const shots = [];
for (const scheme of ['light', 'dark']) {
  for (const width of [360, 768, 1280]) {
    shots.push([`article-en-${scheme}-${width}`, '', scheme, width]);
    shots.push([`article-ur-${scheme}-${width}`, 'demo/languages.html', scheme, width]);
  }
}
shots.push(['layout-full-light-1280', '', 'light', 1280]);
shots.push(['layouts-compact-rail-light-1280', 'demo/languages.html#arabic', 'light', 1280]);
shots.push(['layouts-compact-rail-dark-768', 'demo/languages.html#arabic', 'dark', 768]);

try {
  for (const [name, url, scheme, width] of shots) {
    const page = await browser.newPage({ viewport: { width, height: Math.round(width * 1.4) }, colorScheme: scheme });
    await page.goto(server.url + url);
    await ready(page);
    if (url.includes('#')) await page.evaluate((id) => document.getElementById(id).scrollIntoView(), url.split('#')[1]);
    const file = path.join(OUT, `${name}.png`);
    await page.screenshot({ path: file });
    console.log(`[screenshots] ${file}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.stop();
}
