// End to end, against the release dist/ served on 127.0.0.1, in headless
// Chromium: the demo page, two widgets on a page, a strict-CSP host, bad
// documents with Retry, and the assets copied to an arbitrary path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverAndBrowser, startServer, openPage, waitInShadow, shadowText, missingParts, anyPage, control as controlServer } from './harness.mjs';

let server, browser;
serverAndBrowser(['--root', 'dist', '--fixtures', 'tests'], (s, b) => { server = s; browser = b; });

const control = (path) => controlServer(server, path);

test('the demo page shows the article inside an open shadow root with every part', async () => {
  const { page, problems, consoleErrors } = await openPage(browser, server.url);
  await waitInShadow(page, '[data-dateline]', '[part~="recent-item"]');
  assert.deepEqual(await missingParts(page, '[data-dateline]'), []);
  assert.match(await shadowText(page, '[data-dateline]', '[part~="headline"]'), /Pakistan Mirrors India’s Anti-Terror Outreach/);
  // Host CSS (a { color: hotpink !important }) does not reach inside.
  const color = await page.evaluate(() => getComputedStyle(document.querySelector('[data-dateline]').shadowRoot.querySelector('[part~="byline"] a')).color);
  assert.notEqual(color, 'rgb(255, 105, 180)');
  // The host's `div { line-height: 3 }` matches the host element itself; it
  // must not be inherited by the widget's text.
  const ratio = await page.evaluate(() => {
    const p = document.querySelector('[data-dateline]').shadowRoot.querySelector('[part~="body"] p');
    const s = getComputedStyle(p);
    return parseFloat(s.lineHeight) / parseFloat(s.fontSize);
  });
  assert.ok(ratio < 2, `body line-height ratio ${ratio}`);
  // The widget's CSS does not leak out: a host element that happens to use
  // the widget's class names gets none of its styles.
  const leaked = await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.className = 'dl-card';
    document.body.append(probe);
    const s = getComputedStyle(probe);
    return [s.paddingTop, s.display];
  });
  assert.deepEqual(leaked, ['0px', 'block']);
  // The only global the widget defines is window.Dateline.
  const added = await page.evaluate(() => Object.keys(window).filter((k) => !window.__globalsBefore.includes(k) && !k.startsWith('__')));
  assert.deepEqual(added, ['Dateline']);
  assert.deepEqual(problems, []);
  assert.deepEqual(consoleErrors, [], 'the demo page logs no errors at all');
  await page.close();
});

test('clicking an Also Read card loads that article in place without navigating the host page', async () => {
  const { page, problems } = await openPage(browser, server.url);
  await waitInShadow(page, '[data-dateline]', '[part~="also-read-card"][data-src]');
  const before = page.url();
  const target = await page.evaluate(() => document.querySelector('[data-dateline]').shadowRoot.querySelector('[part~="also-read-card"][data-src] .dl-card-title').textContent);
  await page.locator('[data-dateline] [part~="also-read-card"][data-src]').first().click();
  await page.waitForFunction((t) => document.querySelector('[data-dateline]').shadowRoot.querySelector('[part~="headline"]').textContent === t, target);
  // The host page did not navigate: same document, only the widget's own
  // history parameter was added.
  const after = new URL(page.url());
  assert.equal(after.origin + after.pathname, before);
  assert.deepEqual([...after.searchParams.keys()], ['dl']);
  assert.equal(await page.evaluate(() => window.__globalsBefore !== undefined), true, 'same document');
  const focused = await page.evaluate(() => document.querySelector('[data-dateline]').shadowRoot.activeElement?.getAttribute('part'));
  assert.equal(focused, 'headline');
  assert.deepEqual(problems, []);
  await page.close();
});

test('two widgets on one page both render, independently', async () => {
  const { page, problems } = await openPage(browser, server.url + 'fixtures/e2e/pages/two.html');
  await waitInShadow(page, '#first', '[part~="headline"]');
  await waitInShadow(page, '#second', '[part~="headline"]');
  assert.equal(await shadowText(page, '#first', '[part~="headline"]'), 'Pakistan Mirrors India’s Outreach, Sends Delegation on Global Tour');
  assert.match(await shadowText(page, '#second', 'h3[part~="headline"]'), /Overstaying a Visa/);
  assert.deepEqual(problems, []);
  await page.close();
});

// The demo article is used here: content HTML with inline handler attributes
// (the hostile fixture's onerror=) makes Chrome report script-src-attr while
// parsing it inertly, although nothing runs (see docs/SECURITY.md).
test('a strict-CSP host page renders the widget with zero CSP violations', async () => {
  const { page, problems, consoleErrors } = await openPage(browser, server.url + 'fixtures/e2e/pages/csp/');
  const resp = await page.request.get(server.url + 'fixtures/e2e/pages/csp/');
  assert.match(resp.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
  await waitInShadow(page, '[data-dateline]', '[part~="recent-item"]');
  assert.deepEqual(await missingParts(page, '[data-dateline]'), []);
  // Styles applied (the constructable stylesheet is allowed under style-src 'self').
  const display = await page.evaluate(() => getComputedStyle(document.querySelector('[data-dateline]').shadowRoot.querySelector('[part~="tags"]')).display);
  assert.equal(display, 'flex');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(consoleErrors.filter((m) => /Content Security Policy/i.test(m)), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a malformed article shows the error part, and Retry recovers once the server serves a good one', async () => {
  await control('/__test/switch?path=/api/flaky.json&file=fixtures/malformed.json');
  const { page, problems } = await openPage(browser, server.url + 'fixtures/e2e/pages/flaky.html');
  await waitInShadow(page, '[data-dateline]', '[part~="error"]');
  assert.match(await shadowText(page, '[data-dateline]', '[part~="error"]'), /data is damaged/);
  // The publisher's fallback link is still there under the message.
  assert.equal(await page.locator('[data-dateline] > a').isVisible(), true);
  await control('/__test/switch?path=/api/flaky.json&file=fixtures/article.json');
  await page.locator('[data-dateline] [part~="retry"]').click();
  await waitInShadow(page, '[data-dateline]', '[part~="headline"]');
  assert.equal(await shadowText(page, '[data-dateline]', '[part~="error"]'), null);
  assert.deepEqual(problems, []);
  await page.close();
});

test('an HTTP 500 says the server had a problem', async () => {
  await control('/__test/switch?path=/api/flaky.json&status=500');
  const { page, problems } = await openPage(browser, server.url + 'fixtures/e2e/pages/flaky.html');
  await waitInShadow(page, '[data-dateline]', '[part~="error"]');
  assert.match(await shadowText(page, '[data-dateline]', '[part~="error"]'), /server had a problem/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('each missing required field gives the error part naming the field', async () => {
  const { page, problems } = await openPage(browser, server.url + 'fixtures/e2e/pages/missing-title.html');
  await waitInShadow(page, '[data-dateline]', '[part~="error"]');
  assert.match(await shadowText(page, '[data-dateline]', '[part~="error"]'), /incomplete \(title\)/);
  await page.close();
  for (const field of ['id', 'url', 'date_published']) {
    await control(`/__test/switch?path=/api/flaky.json&file=fixtures/missing-${field}.json`);
    const { page: p2, problems: pr2 } = await openPage(browser, server.url + 'fixtures/e2e/pages/flaky.html');
    await waitInShadow(p2, '[data-dateline]', '[part~="error"]');
    assert.match(await shadowText(p2, '[data-dateline]', '[part~="error"]'), new RegExp(`incomplete \\(${field}\\)`));
    assert.deepEqual(pr2, []);
    await p2.close();
  }
  assert.deepEqual(problems, []);
});

test('dist has no inline script and no eval', () => {
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]);
  const files = walk('dist');
  for (const f of files.filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(f, 'utf8');
    for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) assert.match(tag, /\ssrc=/, `${f}: inline script ${tag}`);
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, `${f}: inline event handler`);
  }
  for (const f of files.filter((f) => f.endsWith('.js'))) {
    assert.doesNotMatch(readFileSync(f, 'utf8'), /\beval\(|new Function\b/, `${f} uses eval`);
  }
});

test('the unchanged dist assets work from another path on an arbitrary static page', async () => {
  const root = mkdtempSync(join(tmpdir(), 'dateline-copy-'));
  mkdirSync(join(root, 'cdn/some/deep/path'), { recursive: true });
  cpSync('dist/dateline.js', join(root, 'cdn/some/deep/path/dateline.js'));
  cpSync('dist/pkg', join(root, 'cdn/some/deep/path/pkg'), { recursive: true });
  cpSync('tests/fixtures', join(root, 'data'), { recursive: true });
  mkdirSync(join(root, 'blog/2026'), { recursive: true });
  writeFileSync(join(root, 'blog/2026/post.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Any page</title></head><body>
<h1>An unrelated blog</h1>
<script src="/cdn/some/deep/path/dateline.js" async></script>
<div data-dateline data-src="/data/article.json"><a href="https://news.example.com/a/">Read the story</a></div>
</body></html>`);
  const other = await startServer(['--root', root]);
  try {
    const { page, problems } = await openPage(browser, other.url + 'blog/2026/post.html');
    await waitInShadow(page, '[data-dateline]', '[part~="recent-item"]');
    assert.deepEqual(await missingParts(page, '[data-dateline]'), []);
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    other.stop();
    rmSync(root, { recursive: true, force: true });
  }
});

test('in Arabic, Bengali and Tamil the rail is labelled in that script, and Arabic reads right to left', async () => {
  const want = { ar: ['أحدث المقالات', 'rtl'], bn: ['সাম্প্রতিক পোস্ট', 'ltr'], ta: ['சமீபத்திய பதிவுகள்', 'ltr'] };
  for (const [locale, [label, dir]] of Object.entries(want)) {
    const { page, problems } = await openPage(browser, anyPage(server, '/demo/articles/diplomatic-tour.json', `&locale=${locale}`));
    await waitInShadow(page, '[data-dateline]', '[part~="recent"] [part~="section-heading"]');
    assert.equal(await shadowText(page, '[data-dateline]', '[part~="recent"] [part~="section-heading"]'), label, locale);
    const [lang, rail, article] = await page.evaluate(() => {
      const r = document.querySelector('[data-dateline]').shadowRoot;
      return [r.querySelector('.dl').lang, r.querySelector('.dl-rail').dir, r.querySelector('.dl').dir];
    });
    assert.deepEqual([lang, rail, article], [locale, dir, dir], `${locale}: lang and direction`);
    // The rail's stories are English: each title is its own left-to-right
    // island inside a right-to-left rail.
    const titleDir = await page.evaluate(() => getComputedStyle(document.querySelector('[data-dateline]').shadowRoot.querySelector('.dl-ri-title')).direction);
    assert.equal(titleDir, 'ltr', `${locale}: an English title reads left to right`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});
