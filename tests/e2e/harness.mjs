// Shared pieces of the end-to-end tests: start the test server on a free
// port, launch the system Chromium headless, and open pages that record
// console errors, page errors and CSP violations.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic'];

/** Start scripts/serve.mjs; resolves to { url, stop }. */
export function startServer(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0', '--quiet', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^listening (http:\/\/\S+)$/.exec(line);
      if (m) resolve({ url: m[1], stop: () => child.kill('SIGTERM') });
    });
  });
}

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** For a test file: start the server with `args` and launch Chromium before
 *  its tests (handing both to `use`), and close both after them. */
export function serverAndBrowser(args, use) {
  let server, browser;
  before(async () => {
    server = await startServer(args);
    browser = await launch();
    use(server, browser);
  });
  after(async () => {
    await browser?.close();
    server?.stop();
  });
}

/** The test page that embeds one widget for `src`, on `server`; `extra` is
 *  more query string (`&format=…`, `&recent=…`, `&locale=…`). */
export function anyPage(server, src, extra = '') {
  return `${server.url}fixtures/e2e/pages/any.html?src=${encodeURIComponent(src)}${extra}`;
}

/** Messages that mean the widget (or anything on the page) broke. */
const BROKEN = /panicked|Uncaught|RuntimeError|unreachable|wasm-bindgen: imported JS function/;

/** A page, in a browser context of its own (`page.context()`), that records
 *  what went wrong while it was open, its console errors, and the widget's
 *  own console lines (`widgetLogs`: "type: [dateline] …"). */
export async function openPage(browser, url) {
  const page = await browser.newPage();
  const problems = [];
  const consoleErrors = [];
  const widgetLogs = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (BROKEN.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
    if (m.type() === 'error') consoleErrors.push(m.text());
    if (m.text().startsWith('[dateline]')) widgetLogs.push(`${m.type()}: ${m.text()}`);
  });
  // Runs before any page script, outside the page's CSP.
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
    window.__globalsBefore = Object.keys(window);
  });
  await page.goto(url);
  return { page, problems, consoleErrors, widgetLogs };
}

/** Text of the first element matching `selector` inside the widget's shadow root. */
export async function shadowText(page, host, selector) {
  return page.evaluate(([h, s]) => {
    const el = document.querySelector(h)?.shadowRoot?.querySelector(s);
    return el ? el.textContent : null;
  }, [host, selector]);
}

/** Wait until `selector` matches inside the shadow root of `host`. */
export async function waitInShadow(page, host, selector, timeout = 10000) {
  await page.waitForFunction(([h, s]) => !!document.querySelector(h)?.shadowRoot?.querySelector(s), [host, selector], { timeout });
}

export const PARTS = ['article', 'headline', 'standfirst', 'dateline', 'byline', 'image', 'body', 'quote',
  'also-read-card', 'also-read', 'tags', 'tag', 'recent', 'recent-item', 'time'];

export async function missingParts(page, host) {
  return page.evaluate(([h, parts]) => {
    const root = document.querySelector(h).shadowRoot;
    return parts.filter((p) => !root.querySelector(`[part~="${p}"]`));
  }, [host, PARTS]);
}

/** Wait until the headline inside `host`'s shadow root matches `re`. */
export async function waitHeadline(page, re, host = '[data-dateline]') {
  await page.waitForFunction(([h, src]) => {
    const el = document.querySelector(h)?.shadowRoot?.querySelector('[part~="headline"]');
    return el && new RegExp(src).test(el.textContent);
  }, [host, re.source], { timeout: 10000 });
}

/** POST to one of the test server's /__test/ controls. */
export function control(server, path) {
  return fetch(server.url + path.replace(/^\//, ''), { method: 'POST' });
}
