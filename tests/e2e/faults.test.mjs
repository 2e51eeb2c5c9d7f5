// Network faults, end to end: the release dist/ in headless Chromium
// against the real test server's /__fault/* endpoints (scripts/serve.mjs).
// Each fault is met on a widget's first load (where the loader's early
// fetch makes the first attempt and must hand its failure over: one request,
// one timeout) and on an in-place navigation (the story on screen stays).
// The server counts every request per URL, so retries, backoff,
// Retry-After and the `online` retry are asserted by counts and order.
// Lower bounds on the gaps between attempts are the only times asserted:
// a retry may come later than asked, never earlier.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, anyPage, openPage, waitInShadow, waitHeadline } from './harness.mjs';
import { record } from './summary.mjs';

let server, browser;
serverAndBrowser(['--root', 'dist', '--fixtures', 'tests'], (s, b) => { server = s; browser = b; });

const HEADLINE = /Pakistan Mirrors India’s Outreach/;
const MSG = {
  notFound: /could not be found\. It may have been moved or removed/,
  server: /The news server had a problem/,
  busy: /too many requests\. Trying again/,
  client: /This story is not available/,
  offline: /You seem to be offline/,
  timeout: /taking too long/,
  damaged: /its data is damaged/,
  notNews: /leads to a web page, not to a story or a news feed/,
  cors: /does not allow its stories to be shown on this site/,
  network: /could not be loaded\. Check your connection/,
};

let scenarios = 0;
let uncaught = 0;
after(() => record('faults', { scenarios, uncaught }));

let seq = 0;
/** A fault URL (path and query) no other test uses, so its count is its own. */
const own = (path) => `${path}${path.includes('?') ? '&' : '?'}id=${++seq}`;

/** Requests the server saw for `key` (a path with its query). */
async function seen(key) {
  const r = await fetch(`${server.url}__fault/count?of=${encodeURIComponent(key)}`);
  return r.json();
}

/** Open `url` in a context of its own (`harness.openPage`), whose network
 *  the offline tests switch. */
async function open(url) {
  const o = await openPage(browser, url);
  return { ...o, context: o.page.context() };
}

/** The error part's message, once it is there. */
async function errorText(page, timeout = 15000) {
  await waitInShadow(page, '[data-dateline]', '[part~="error"] p', timeout);
  return page.evaluate(() => document.querySelector('[data-dateline]').shadowRoot.querySelector('[part~="error"] p').textContent);
}

const headline = (page) => page.evaluate(() => document.querySelector('[data-dateline]').shadowRoot.querySelector('[part~="headline"]')?.textContent ?? null);

/** What each check leaves: no uncaught error, at most one widget message. */
async function done({ context, problems, widgetLogs }) {
  scenarios++;
  uncaught += problems.length;
  await context.close();
  assert.deepEqual(problems, []);
  assert.ok(widgetLogs.length <= 1, `at most one console message from the widget:\n${widgetLogs.join('\n')}`);
}

// Faults that end in an error part: the path, extra page query, the message,
// and how many requests the load may cost.
const FAILING = [
  ['a 404', '/__fault/status?code=404', '', MSG.notFound, 1],
  ['a 410', '/__fault/status?code=410', '', MSG.notFound, 1],
  ['a 403 (other 4xx are not retried)', '/__fault/status?code=403', '', MSG.client, 1],
  ['a 500, retried twice', '/__fault/status?code=500', '', MSG.server, 3],
  ['a 503 whose Retry-After is beyond the 30 s cap (not waited for)', '/__fault/status?code=503&retry-after=3600', '', MSG.server, 1],
  ['a hanging server (data-timeout=2000)', '/__fault/hang', '&timeout=2000', MSG.timeout, 1],
  ['a server that drips bytes for 30 s (data-timeout=2000)', '/__fault/drip?ms=30000', '&timeout=2000', MSG.timeout, 1],
  ['truncated JSON', '/__fault/truncated', '', MSG.damaged, 1],
  ['an HTML error page with status 200', '/__fault/html200', '', MSG.notNews, 1],
  ['a connection reset, retried twice', '/__fault/reset', '', MSG.network, 3],
  ['20 MB with Content-Length', '/__fault/big?length=1', '', MSG.damaged, 1],
  ['20 MB without Content-Length', '/__fault/big', '', MSG.damaged, 1],
];

for (const [name, path, extra, message, requests] of FAILING) {
  test(`first load, ${name}: "${message.source}" after ${requests} request(s), the fallback kept`, async () => {
    const key = own(path);
    const o = await open(anyPage(server, key, extra));
    assert.match(await errorText(o.page), message);
    assert.equal((await seen(key)).count, requests, 'requests for the failed load, the loader\'s early fetch included');
    assert.ok(await o.page.evaluate(() => !!document.querySelector('[data-dateline]').shadowRoot.querySelector('[part~="retry"]')), 'Retry is offered');
    // The failure was handed over from the loader, not fetched again: no
    // request arrives after the message either.
    await o.page.waitForTimeout(300);
    assert.equal((await seen(key)).count, requests);
    await done(o);
  });

  test(`in-place navigation to ${name}: the story on screen stays, with "${message.source}"`, async () => {
    const key = own(path);
    const story = own('/__fault/story?to=' + encodeURIComponent(key));
    const o = await open(anyPage(server, story, extra));
    await waitHeadline(o.page, HEADLINE);
    // A click with no hover or focus first, so no prefetch makes an attempt
    // of its own: the counts are the navigation's.
    await o.page.evaluate(() => document.querySelector('[data-dateline]').shadowRoot.querySelector('[part~="also-read-card"][data-src]').click());
    assert.match(await errorText(o.page), message);
    assert.match(await headline(o.page), HEADLINE, 'the story on screen is kept');
    assert.equal((await seen(key)).count, requests);
    await done(o);
  });
}

test('a hover prefetch of a failing story makes one attempt, and the click after it retries as a navigation does', async () => {
  const key = own('/__fault/status?code=500');
  const story = own('/__fault/story?to=' + encodeURIComponent(key));
  const o = await open(anyPage(server, story));
  await waitHeadline(o.page, HEADLINE);
  const card = o.page.locator('[data-dateline] [part~="also-read-card"][data-src]').first();
  await card.hover();
  await o.page.waitForFunction(async (k) => (await (await fetch(`/__fault/count?of=${encodeURIComponent(k)}`)).json()).count === 1, key);
  await o.page.waitForTimeout(1500);
  assert.equal((await seen(key)).count, 1, 'the prefetch is not retried');
  await card.click();
  assert.match(await errorText(o.page), MSG.server);
  assert.equal((await seen(key)).count, 4, 'the prefetch, then the navigation\'s three attempts');
  assert.match(await headline(o.page), HEADLINE);
  await done(o);
});

test('retry with backoff: a 500 is tried three times in all, each wait longer than the last, then says the server had a problem', async () => {
  const key = own('/__fault/status?code=500');
  const o = await open(anyPage(server, key));
  assert.match(await errorText(o.page), MSG.server);
  const { count, times } = await seen(key);
  assert.equal(count, 3);
  // Lower bounds of the policy (crate::retry): ≥ 500 ms, then ≥ 1000 ms.
  assert.ok(times[1] - times[0] >= 450, `first backoff ${times[1] - times[0]} ms`);
  assert.ok(times[2] - times[1] >= 950, `second backoff ${times[2] - times[1]} ms`);
  await done(o);
});

for (const code of [503, 408]) {
  test(`retry: a ${code} that fails once, then answers, shows the story after two requests`, async () => {
    const key = own(`/__fault/status?code=${code}&fail=1`);
    const o = await open(anyPage(server, key));
    await waitHeadline(o.page, HEADLINE);
    assert.equal((await seen(key)).count, 2);
    await done(o);
  });
}

test('Retry-After in seconds is honoured: a 503 asking for 1 s is tried again no sooner', async () => {
  const key = own('/__fault/status?code=503&retry-after=1&fail=1');
  const o = await open(anyPage(server, key));
  await waitHeadline(o.page, HEADLINE);
  const { count, times } = await seen(key);
  assert.equal(count, 2);
  assert.ok(times[1] - times[0] >= 950, `waited ${times[1] - times[0]} ms`);
  await done(o);
});

test('Retry-After as an HTTP date is honoured', async () => {
  const at = new Date(Date.now() + 3000).toUTCString();
  const key = own(`/__fault/status?code=503&fail=1&retry-after=${encodeURIComponent(at)}`);
  const o = await open(anyPage(server, key));
  await waitHeadline(o.page, HEADLINE);
  const { count, times, t0 } = await seen(key);
  assert.equal(count, 2);
  // Server and browser share this machine's clock: the retry comes no
  // sooner than the date named.
  assert.ok(t0 + times[1] >= Date.parse(at) - 20, `${Date.parse(at) - t0 - times[1]} ms early`);
  await done(o);
});

test('a 429 tells the reader "too many requests, trying again" while its retry waits, then shows the story', async () => {
  const key = own('/__fault/status?code=429&retry-after=2&fail=1');
  const o = await open(anyPage(server, key));
  assert.match(await errorText(o.page), MSG.busy);
  assert.equal((await seen(key)).count, 1, 'the retry has not been made yet');
  assert.equal(await o.page.evaluate(() => document.querySelector('[data-dateline]').shadowRoot.querySelector('[part~="error"]').getAttribute('role')), 'status');
  await waitHeadline(o.page, HEADLINE);
  const { count, times } = await seen(key);
  assert.equal(count, 2);
  assert.ok(times[1] - times[0] >= 1950, `waited ${times[1] - times[0]} ms`);
  assert.equal(await o.page.evaluate(() => !!document.querySelector('[data-dateline]').shadowRoot.querySelector('[part~="error"]')), false, 'the message goes with the story');
  await done(o);
});

test('a 429 that never relents is tried three times, then reads as a server problem', async () => {
  const key = own('/__fault/status?code=429&retry-after=0');
  const o = await open(anyPage(server, key));
  await o.page.waitForFunction(() => /had a problem/.test(document.querySelector('[data-dateline]')?.shadowRoot?.querySelector('[part~="error"] p')?.textContent), null, { timeout: 15000 });
  assert.equal((await seen(key)).count, 3);
  await done(o);
});

for (const type of ['text/html; charset=utf-8', 'application/octet-stream', 'text/plain']) {
  test(`a story served with the wrong Content-Type (${type}) still shows`, async () => {
    const key = own(`/__fault/wrong-type?type=${encodeURIComponent(type)}`);
    const o = await open(anyPage(server, key));
    await waitHeadline(o.page, HEADLINE);
    assert.equal((await seen(key)).count, 1);
    await done(o);
  });
}

test('a cross-origin source without CORS headers says it does not allow embedding, hints the publisher, and costs one request plus one no-cors probe', async (t) => {
  // localhost and 127.0.0.1 are different origins; /nocors/ drops the header.
  const key = own('/__fault/nocors/article');
  const o = await open(anyPage(server, `http://localhost:{port}${key}`));
  assert.match(await errorText(o.page), MSG.cors);
  const { count, modes } = await seen(key);
  assert.equal(count, 2);
  assert.deepEqual(modes, ['cors', 'no-cors'], 'the probe comes only after the failure, once, and is not retried');
  const { times } = await seen(key);
  t.diagnostic(`the probe came ${times[1] - times[0]} ms after the refused request`);
  assert.equal(o.widgetLogs.length, 1);
  assert.match(o.widgetLogs[0], /Access-Control-Allow-Origin/);
  assert.ok(o.widgetLogs[0].includes(`localhost:${new URL(server.url).port}${key}`), o.widgetLogs[0]);
  await done(o);
});

test('a cross-origin source that does send CORS headers needs no probe and no preflight', async () => {
  const key = own('/__fault/status?code=404');
  const o = await open(anyPage(server, `http://localhost:{port}${key}`));
  assert.match(await errorText(o.page), MSG.notFound);
  const { modes, methods } = await seen(key);
  assert.deepEqual(modes, ['cors']);
  // The Accept header stays CORS-safelisted (under 128 bytes): no OPTIONS.
  assert.deepEqual(methods, ['GET']);
  await done(o);
});

test('the 2 MiB cap: 20 MB is refused after at most about 2 MB of it, and is never downloaded twice', async (t) => {
  for (const path of ['/__fault/big?length=1', '/__fault/big']) {
    const key = own(path);
    const o = await open(anyPage(server, key));
    assert.match(await errorText(o.page), MSG.damaged);
    await o.page.waitForTimeout(300);
    const { count, sent } = await seen(key);
    assert.equal(count, 1);
    // The server stops after 3 MiB until the browser hangs up (or 5 s have
    // passed): it did, having asked for no more than that.
    assert.ok(sent[0] <= 3 * 1024 * 1024, `${path}: ${sent[0]} bytes written`);
    t.diagnostic(`${path}: ${sent[0]} bytes written before the browser hung up`);
    await done(o);
  }
});

test('offline: a first load says "you seem to be offline", and coming back online loads it with one request', async () => {
  const key = own('/__fault/status?code=200&fail=0');
  const o = await open(`${server.url}fixtures/e2e/pages/any.html?src=${encodeURIComponent('/fixtures/fixtures/article.json')}`);
  await waitHeadline(o.page, HEADLINE);
  await o.context.setOffline(true);
  // A second widget added while offline (no early fetch for it).
  await o.page.evaluate((src) => {
    const el = document.createElement('div');
    el.id = 'late';
    el.dataset.dateline = '';
    el.dataset.src = src;
    // Below the story, far below the fold: it would start lazily.
    el.dataset.loading = 'eager';
    document.body.append(el);
    return window.Dateline.scan();
  }, key);
  await waitInShadow(o.page, '#late', '[part~="error"] p');
  assert.match(await o.page.evaluate(() => document.querySelector('#late').shadowRoot.querySelector('[part~="error"] p').textContent), MSG.offline);
  assert.equal((await seen(key)).count, 0, 'nothing reached the server, and nothing was retried');
  await o.context.setOffline(false);
  await waitHeadline(o.page, HEADLINE, '#late');
  assert.equal((await seen(key)).count, 1);
  await done(o);
});

test('offline: a failed in-place navigation keeps the story, and the online event retries it once', async () => {
  const key = own('/__fault/status?code=200&fail=0');
  const story = own('/__fault/story?to=' + encodeURIComponent(key));
  const o = await open(anyPage(server, story));
  await waitHeadline(o.page, HEADLINE);
  await o.context.setOffline(true);
  await o.page.locator('[data-dateline] [part~="also-read-card"][data-src]').first().click();
  assert.match(await errorText(o.page), MSG.offline);
  assert.match(await headline(o.page), HEADLINE, 'the story on screen is kept');
  assert.equal((await seen(key)).count, 0);
  await o.context.setOffline(false);
  // The retry replaces the error with the story (the same article here).
  await o.page.waitForFunction(() => !document.querySelector('[data-dateline]').shadowRoot.querySelector('[part~="error"]'), null, { timeout: 10000 });
  assert.equal((await seen(key)).count, 1);
  await done(o);
});

test('online retries a failed load once: a 503 that exhausted its retries is tried once more when the browser comes back online', async () => {
  const key = own('/__fault/status?code=503&fail=3');
  const o = await open(anyPage(server, key));
  assert.match(await errorText(o.page), MSG.server);
  assert.equal((await seen(key)).count, 3);
  await o.context.setOffline(true);
  await o.context.setOffline(false);
  await waitHeadline(o.page, HEADLINE);
  assert.equal((await seen(key)).count, 4);
  // A second online event has no failed load to retry.
  await o.context.setOffline(true);
  await o.context.setOffline(false);
  await o.page.waitForTimeout(300);
  assert.equal((await seen(key)).count, 4);
  await done(o);
});

test('online does not retry what a connection cannot cure (a 404)', async () => {
  const key = own('/__fault/status?code=404');
  const o = await open(anyPage(server, key));
  assert.match(await errorText(o.page), MSG.notFound);
  await o.context.setOffline(true);
  await o.context.setOffline(false);
  await o.page.waitForTimeout(300);
  assert.equal((await seen(key)).count, 1);
  await done(o);
});

// The rail and "Load more" are loads too: they keep the widget's
// data-timeout (the default is 15 s), and a timeout is not retried.
const widgetSaid = async (o, re, within) => {
  const t0 = Date.now();
  while (!o.widgetLogs.some((l) => re.test(l)) && Date.now() - t0 < within) await o.page.waitForTimeout(100);
  return o.widgetLogs.some((l) => re.test(l));
};

test('the Recent Posts rail keeps data-timeout: a hanging feed is given up after 2 s (not 15), once, and the story stays', async () => {
  const rail = own('/__fault/hang');
  const story = own(`/__fault/story?to=${encodeURIComponent(own('/__fault/status?code=404'))}&recent=${encodeURIComponent(rail)}`);
  const o = await open(anyPage(server, story, '&timeout=2000'));
  await waitHeadline(o.page, HEADLINE);
  assert.ok(await widgetSaid(o, /within the timeout/, 10_000), `the rail's timeout is reported well before 15 s: ${o.widgetLogs.join(' | ')}`);
  assert.equal((await seen(rail)).count, 1, 'a timeout is not retried');
  assert.match(await headline(o.page), HEADLINE);
  await done(o);
});

test('Load more keeps data-timeout: a hanging next page is given up after 2 s (not 15), and the button offers to try again', async () => {
  const next = own('/__fault/hang');
  const o = await open(anyPage(server, own(`/__fault/listing?next=${encodeURIComponent(next)}`), '&timeout=2000'));
  await waitInShadow(o.page, '[data-dateline]', '[part~="load-more"]');
  await o.page.evaluate(() => document.querySelector('[data-dateline]').shadowRoot.querySelector('[part~="load-more"]').click());
  await o.page.waitForFunction(() => /\S/.test(document.querySelector('[data-dateline]').shadowRoot.querySelector('.dl-more-error')?.textContent ?? ''), null, { timeout: 10_000 });
  assert.ok(await widgetSaid(o, /within the timeout/, 1_000));
  assert.equal(await o.page.evaluate(() => document.querySelector('[data-dateline]').shadowRoot.querySelector('[part~="load-more"]').textContent.trim()), 'Retry');
  assert.equal((await seen(next)).count, 1);
  await done(o);
});
