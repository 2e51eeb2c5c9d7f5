// A host page that requires Trusted Types, under the strict CSP of the
// strict-CSP page: the widget renders, navigates in place (a card, a tag
// listing, an RSS feed) and goes Back, with zero violations. Served by
// scripts/serve.mjs under /tt/ with
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';
//   require-trusted-types-for 'script'; trusted-types dateline
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openPage, waitInShadow, waitHeadline, missingParts } from './harness.mjs';
import { record } from './summary.mjs';

let server, browser;
serverAndBrowser(['--root', 'dist', '--fixtures', 'tests'], (s, b) => { server = s; browser = b; });

const W = '[data-dateline]';
const PAGE = 'fixtures/e2e/pages/tt/';

/** Every CSP or Trusted Types complaint the page saw: violation events and
 *  console errors (a blocked sink logs one even where no event fires). */
async function complaints(page, consoleErrors) {
  const events = await page.evaluate(() => window.__violations);
  return [...events, ...consoleErrors.filter((m) => /Content Security Policy|Trusted ?Type|TrustedHTML|TrustedScript/i.test(m))];
}

test('a page that requires Trusted Types renders the widget and navigates in place with zero violations', async () => {
  const { page, problems, consoleErrors } = await openPage(browser, server.url + PAGE);
  const resp = await page.request.get(server.url + PAGE);
  assert.match(resp.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'; trusted-types dateline$/);
  await waitInShadow(page, W, '[part~="recent-item"]');
  assert.deepEqual(await missingParts(page, W), []);
  // Content HTML came through the inert parser (paragraphs with links).
  assert.ok(await page.evaluate(() => document.querySelector('[data-dateline]').shadowRoot.querySelectorAll('[part~="body"] p').length) > 3);

  await page.locator(W).locator('[part~="also-read-card"][data-src*="delegation-briefing"]').first().click();
  await waitHeadline(page, /Cross-Party Delegation Briefs Envoys/);
  await page.locator(W).locator('a[part~="tag"][data-src*="tag-india"]').first().click();
  await waitHeadline(page, /^India$/);
  await page.goBack();
  await waitHeadline(page, /Cross-Party Delegation Briefs Envoys/);
  await page.goBack();
  await waitHeadline(page, /Pakistan Mirrors India/);

  const seen = await complaints(page, consoleErrors);
  record('csp', { violations: seen.length });
  assert.deepEqual(seen, []);
  assert.deepEqual(problems, []);
  // The page really enforces it (so the zero above means something): an
  // HTML string in a sink is refused.
  assert.equal(await page.evaluate(() => { try { document.createElement('div').innerHTML = '<b>x</b>'; return 'assigned'; } catch (e) { return e.name; } }), 'TypeError');
  await page.close();
});

test('a feed (XML, parsed inertly through the dateline policy) and the error part render on the Trusted Types page', async () => {
  const { page, problems, consoleErrors } = await openPage(browser, server.url + PAGE);
  await waitInShadow(page, W, '[part~="headline"]');
  // Two more widgets, added by the page: the RSS feed, and a story that is not there.
  await page.evaluate(() => {
    for (const [id, src] of [['feed', '/demo/feeds/latest.rss'], ['gone', '/demo/articles/not-there.json']]) {
      const el = document.createElement('div');
      el.id = id;
      el.setAttribute('data-dateline', '');
      el.setAttribute('data-src', src);
      // Below a whole story, far below the fold: they would start lazily.
      el.setAttribute('data-loading', 'eager');
      document.body.append(el);
    }
    return window.Dateline.scan();
  });
  await waitInShadow(page, '#feed', '[part~="listing-item"]');
  await waitInShadow(page, '#gone', '[part~="retry"]');
  const seen = await complaints(page, consoleErrors);
  record('csp', { violations: seen.length });
  assert.deepEqual(seen, []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the dateline policy mints nothing outside the widget\'s inert parser', async () => {
  // A page script that wraps createPolicy gets hold of the widget's policy;
  // it still cannot turn a string into TrustedHTML with it.
  const { page, problems } = await openPage(browser, 'about:blank');
  await page.addInitScript(() => {
    const create = trustedTypes.createPolicy.bind(trustedTypes);
    trustedTypes.createPolicy = (name, rules) => (window.__caught = create(name, rules));
  });
  await page.goto(server.url + PAGE);
  await waitInShadow(page, W, '[part~="headline"]');
  const got = await page.evaluate(() => { try { return String(window.__caught.createHTML('<img src=x onerror=alert(1)>')); } catch (e) { return `refused: ${e}`; } });
  assert.match(got, /^refused: .*only feeds its inert parser/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a trusted-types directive that leaves out dateline gets one console error that names the fix, and the headline still renders', async () => {
  const { page, problems, consoleErrors } = await openPage(browser, 'about:blank');
  // The same page, with the publisher's own policy names only.
  await page.route(server.url + PAGE, async (route) => {
    const resp = await route.fetch();
    const headers = { ...resp.headers(), 'content-security-policy': resp.headers()['content-security-policy'].replace('trusted-types dateline', 'trusted-types my-app') };
    await route.fulfill({ response: resp, headers });
  });
  await page.goto(server.url + PAGE);
  await waitInShadow(page, W, '[part~="headline"]');
  assert.deepEqual(consoleErrors.filter((m) => /\[dateline\] Trusted Types refused the policy "dateline": add dateline to the page's trusted-types directive/.test(m)).length, 1);
  assert.deepEqual(problems, []);
  await page.close();
});
