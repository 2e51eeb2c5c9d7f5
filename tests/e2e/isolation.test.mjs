// Host pages that cannot reach the widget (docs/EMBED.md, "What a host page
// can change"): the same story on a neutral page and on each hostile page
// (tests/e2e/pages/isolation/) must render the same, part for part: the
// box of every element with a part (relative to the widget's element,
// whose width the pages set, as a publisher does), its text, and its
// computed font, line height, colour and spacing. The widget must leave
// the page's own styles, globals and DOM outside its element as they were.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openPage, waitInShadow, PARTS } from './harness.mjs';
import { record } from './summary.mjs';

let server, browser;
serverAndBrowser(['--root', 'dist', '--fixtures', 'tests'], (s, b) => { server = s; browser = b; });

const DIR = 'fixtures/e2e/pages/isolation/';
const VIEWPORT = { width: 1280, height: 900 };

// What is compared for every element with a part.
const PROPS = ['display', 'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'lineHeight', 'color', 'backgroundColor',
  'letterSpacing', 'wordSpacing', 'textTransform', 'textIndent', 'textAlign', 'textShadow', 'whiteSpace', 'direction', 'writingMode',
  'webkitTextFillColor', 'marginTop', 'marginRight', 'marginBottom', 'marginLeft',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth', 'borderInlineStartWidth'];

/** Open `file` with the checks every page gets: the DOM outside the widget
 *  and the page's own paragraph as they were when the page was parsed. */
async function open(file) {
  const { page, problems } = await openPage(browser, 'about:blank');
  await page.setViewportSize(VIEWPORT);
  await page.addInitScript(() => {
    const outside = () => {
      const c = document.documentElement.cloneNode(true);
      c.querySelectorAll('[data-dateline]').forEach((e) => e.remove());
      return c.outerHTML;
    };
    const own = () => {
      const el = document.getElementById('own');
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return JSON.stringify([cs.font, cs.color, cs.letterSpacing, cs.textTransform, cs.direction, cs.writingMode, r.x, r.y, r.width, r.height,
        getComputedStyle(document.documentElement).fontSize, document.styleSheets.length, document.adoptedStyleSheets.length]);
    };
    window.__isolation = { outside, own };
    document.addEventListener('DOMContentLoaded', () => { window.__isolation.before = { outside: outside(), own: own() }; });
  });
  await page.goto(server.url + DIR + file);
  await waitInShadow(page, '#w', '[part~="recent-item"]');
  await page.waitForFunction(() => [...document.querySelector('#w').shadowRoot.querySelectorAll('img')].every((i) => i.complete || i.loading === 'lazy'));
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
  return { page, problems };
}

/** Every part's boxes, text and computed styles, as JSON (made in the page,
 *  so a polluted prototype cannot change how it is read). */
function measure(page) {
  return page.evaluate(([parts, props]) => {
    const host = document.querySelector('#w');
    const h = host.getBoundingClientRect();
    const out = {};
    for (const p of parts) {
      out[p] = [...host.shadowRoot.querySelectorAll(`[part~="${p}"]`)].map((el) => {
        const r = el.getBoundingClientRect();
        const cs = getComputedStyle(el);
        const style = {};
        for (const k of props) style[k] = cs[k];
        return { box: [r.left - h.left, r.top - h.top, r.width, r.height].map((v) => Math.round(v * 2) / 2), text: el.textContent, style };
      });
    }
    return JSON.stringify(out);
  }, [PARTS, PROPS]).then(JSON.parse);
}

/** The first differences between two measurements, readable. */
function differences(want, got) {
  const out = [];
  for (const p of PARTS) {
    if (want[p].length !== got[p].length) out.push(`${p}: ${want[p].length} elements on the neutral page, ${got[p].length} here`);
    want[p].forEach((w, i) => {
      const g = got[p][i];
      if (!g) return;
      if (w.box.join() !== g.box.join()) out.push(`${p}[${i}] box ${w.box} → ${g.box}`);
      if (w.text !== g.text) out.push(`${p}[${i}] text ${JSON.stringify(w.text.slice(0, 60))} → ${JSON.stringify(g.text.slice(0, 60))}`);
      for (const k of PROPS) if (w.style[k] !== g.style[k]) out.push(`${p}[${i}] ${k} ${w.style[k]} → ${g.style[k]}`);
    });
  }
  return out;
}

/** Globals the page gained since it started, besides its own `__host`. */
const addedGlobals = (page) => page.evaluate(() => Object.keys(window).filter((k) => !window.__globalsBefore.includes(k) && !['__globalsBefore', '__isolation', '__host'].includes(k)).sort());

let neutral;

test('the neutral page shows every part, so the comparisons cover them all', async () => {
  const { page, problems } = await open('neutral.html');
  neutral = await measure(page);
  assert.deepEqual(problems, []);
  await page.close();
  assert.deepEqual(PARTS.filter((p) => neutral[p].length === 0), []);
  // The headline as designed: 36px, wide.
  assert.equal(neutral.headline[0].style.fontSize, '36px');
  assert.ok(neutral.headline[0].box[2] > 500);
});

const HOSTILE = {
  'important.html': '!important rules on *, div, p, a, img, button and h1–h6',
  'root-8px.html': 'html { font-size: 8px }',
  'root-62.html': 'html { font-size: 62.5% }',
  'rtl.html': 'body { direction: rtl }',
  'vertical.html': 'body { writing-mode: vertical-rl }',
  'text.html': 'letter-spacing, text-transform and font-family on * with !important',
  'prototypes.html': 'a polluted Object.prototype and Array.prototype',
  'fetch.html': 'a wrapped window.fetch',
  'globals.html': 'the globals init and wasm_bindgen',
};

for (const [file, what] of Object.entries(HOSTILE)) {
  test(`a host page with ${what} renders the widget exactly as a neutral page does, and keeps its own styles, globals and DOM`, async () => {
    const { page, problems } = await open(file);
    const diff = differences(neutral, await measure(page));
    record('isolation', { pages: 1, identical: diff.length === 0 ? 1 : 0 });
    assert.deepEqual(diff.slice(0, 12), [], `${diff.length} differences`);

    const { before: was, now } = await page.evaluate(() => ({ before: window.__isolation.before, now: { outside: window.__isolation.outside(), own: window.__isolation.own() } }));
    assert.equal(now.outside, was.outside, 'the DOM outside the widget element is as the page made it');
    assert.equal(now.own, was.own, 'the page\'s own element, stylesheets and root font size are as they were');
    const expected = file === 'globals.html' ? ['Dateline', 'init', 'wasm_bindgen'] : ['Dateline'];
    assert.deepEqual(await addedGlobals(page), expected, 'the one global the widget defines is Dateline');
    if (file === 'globals.html') {
      assert.equal(await page.evaluate(() => window.init === window.__host.init && window.wasm_bindgen === window.__host.wasm_bindgen), true, 'the page\'s init and wasm_bindgen are its own still');
    }
    if (file === 'fetch.html') {
      // The wrapper saw the widget's requests and they still worked.
      assert.ok((await page.evaluate(() => window.__host.calls)).some((u) => /diplomatic-tour\.json/.test(u)));
    }
    if (file === 'prototypes.html') {
      assert.notEqual(neutral.time[0].text, '');
      assert.equal(await page.evaluate(() => ({}).style), 'x', 'the pollution was in force');
    }
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('what a host may change still works: the tokens (a widget rem of 20px, the text colour), ::part() and the element\'s own box', async () => {
  const { page, problems } = await open('allowed.html');
  const got = await measure(page);
  const box = await page.evaluate(() => { const r = document.querySelector('#w').getBoundingClientRect(); return [r.left, r.width]; });
  assert.deepEqual(box, [108, 640], 'the element\'s margin and width are the page\'s');
  assert.equal(got.article[0].box[2], 640);
  // 20px × the headline's 2.25 at most (its clamp), whatever the page's 62.5 % root.
  assert.equal(got.headline[0].style.fontSize, '45px');
  assert.equal(got.headline[0].style.color, 'rgb(10, 20, 30)');
  assert.equal(got.standfirst[0].style.color, 'rgb(200, 0, 0)');
  assert.equal(got.standfirst[0].style.fontSize, '24px', '1.2 widget rems');
  assert.deepEqual(problems, []);
  await page.close();
});
