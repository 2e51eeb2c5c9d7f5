// End to end: the host page does not move while the widget loads. Layout
// shift (the sum of `layout-shift` entries, as CLS counts it) on a page with
// host content below the widget, under a strict CSP, in a narrow (360 px)
// and a wide (1280 px, the Recent Posts rail beside the article) viewport:
// the README snippet as pasted, with its script tag first and after the
// element, and with the reserve docs/EMBED.md documents.
//
// The network is made slow where a real one is, so the order of events is
// the one that used to shift: the loader arrives after the page's first
// paint (as from a CDN), the story after the skeleton is on screen, and the
// rail (a second fetch) after the story.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './harness.mjs';

let server, browser;
serverAndBrowser(['--root', 'dist', '--fixtures', 'tests'], (s, b) => { server = s; browser = b; });

const NARROW = { width: 360, height: 740 };
const WIDE = { width: 1280, height: 800 };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** CLS of one cold load of `page` (tests/e2e/pages/csp/) in `viewport`,
 *  with every shift's moved rects for the failure message, and the width
 *  of the story's column when it appears and once the rail is in. */
async function layoutShift(page, viewport) {
  const context = await browser.newContext({ viewport });
  try {
    const tab = await context.newPage();
    const problems = [];
    tab.on('pageerror', (e) => problems.push(e.message));
    await tab.addInitScript(() => {
      window.__shifts = [];
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.hadRecentInput) continue;
          const rects = e.sources.map((s) => `${s.node?.nodeName ?? '(shadow)'} y ${s.previousRect.y}→${s.currentRect.y} w ${s.previousRect.width}→${s.currentRect.width}`);
          window.__shifts.push({ value: e.value, rects });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const late = (ms) => async (route) => { await sleep(ms); await route.continue(); };
    await tab.route((url) => url.pathname === '/dateline.js', late(250));
    await tab.route('**/demo/articles/diplomatic-tour.json', late(400));
    await tab.route('**/demo/feeds/recent.json', late(400));
    await tab.goto(`${server.url}fixtures/e2e/pages/csp/${page}`);
    // The story's column, before and after the rail arrives beside it.
    const column = () => tab.evaluate(() => document.querySelector('[data-dateline]').shadowRoot.querySelector('[part~="article"]')?.getBoundingClientRect().width);
    await tab.waitForFunction(() => document.querySelector('[data-dateline]')?.shadowRoot?.querySelector('[part~="article"]'), null, { timeout: 15000 });
    const before = await column();
    await tab.waitForFunction(() => document.querySelector('[data-dateline]')?.shadowRoot?.querySelector('[part~="recent-item"]'), null, { timeout: 15000 });
    const after = await column();
    // The loader releases its reserve a frame after the whole story is in.
    await tab.waitForTimeout(600);
    const { shifts, violations } = await tab.evaluate(() => ({ shifts: window.__shifts, violations: window.__violations }));
    assert.deepEqual(problems, []);
    assert.deepEqual(violations, [], 'no CSP violations');
    const cls = shifts.reduce((sum, s) => sum + s.value, 0);
    return { cls, detail: shifts.map((s) => `${s.value.toFixed(4)}: ${s.rects.join('; ')}`).join('\n'), column: [before, after] };
  } finally {
    await context.close();
  }
}

for (const [name, viewport] of [['narrow', NARROW], ['wide', WIDE]]) {
  test(`the README snippet as pasted moves nothing on the page (${name}, ${viewport.width} px)`, async () => {
    const { cls, detail } = await layoutShift('shift.html', viewport);
    assert.ok(cls <= 0.1, `CLS ${cls.toFixed(4)} > 0.1:\n${detail}`);
  });

  test(`with the documented reserve nothing moves at all (${name}, ${viewport.width} px)`, async () => {
    // Wide, this is also the Recent Posts rail arriving beside a story
    // already on screen: the story's column must keep its width.
    const { cls, detail, column } = await layoutShift('shift-reserved.html', viewport);
    assert.ok(cls <= 0.01, `CLS ${cls.toFixed(4)} > 0.01:\n${detail}`);
    assert.equal(column[1], column[0], 'the story keeps the width of its column when the rail arrives');
  });
}

test('the snippet with its script tag after the element moves nothing either (narrow)', async () => {
  const { cls, detail } = await layoutShift('shift-after.html', NARROW);
  assert.ok(cls <= 0.1, `CLS ${cls.toFixed(4)} > 0.1:\n${detail}`);
});

test('a partner widget, with its credit line, moves nothing with the documented reserve (narrow)', async () => {
  const { cls, detail } = await layoutShift('shift-partner.html', NARROW);
  assert.ok(cls <= 0.01, `CLS ${cls.toFixed(4)} > 0.01:\n${detail}`);
});
