// The versioned distribution (scripts/finish-dist.sh, docs/EMBED.md): the
// immutable file names, the Subresource Integrity hashes make build prints,
// a script tag with `integrity=`, that a loader refuses any wasm but its
// own version's, byte for byte, and the module too with the documented
// import map.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launch, openPage, waitInShadow } from './harness.mjs';

const VERSION = /^version = "([^"]+)"/m.exec(readFileSync('Cargo.toml', 'utf8'))[1];
const GLUE = `pkg/dateline-${VERSION}.js`;
const WASM = `pkg/dateline-${VERSION}_bg.wasm`;
const sri = (file) => 'sha384-' + createHash('sha384').update(readFileSync(file)).digest('base64');
const integrity = () => JSON.parse(readFileSync('dist/integrity.json', 'utf8'));

test('dist has the versioned names, and integrity.json holds each file\'s sha384', () => {
  const got = integrity();
  assert.equal(got.version, VERSION);
  for (const f of ['dateline.js', `dateline-${VERSION}.js`, GLUE, WASM]) assert.equal(got[f], sri(`dist/${f}`), f);
  assert.deepEqual(readFileSync('dist/dateline.js'), readFileSync(`dist/dateline-${VERSION}.js`));
  const loader = readFileSync('dist/dateline.js', 'utf8');
  assert.ok(loader.includes(got[WASM]), 'the loader carries its wasm\'s hash');
  assert.ok(!loader.includes('sha384-WASM'));
});

/** A copy of dist/ with a page that loads the versioned loader by an SRI
 *  script tag, with the import map docs/EMBED.md gives for the module;
 *  `spoil(root)` may change the copy. */
async function siteWith(spoil = () => {}) {
  const root = mkdtempSync(join(tmpdir(), 'dateline-dist-'));
  cpSync('dist', root, { recursive: true });
  cpSync('tests/fixtures/article.json', join(root, 'article.json'));
  writeFileSync(join(root, 'sri.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SRI</title></head><body>
<script type="importmap">{ "integrity": { "./${GLUE}": "${integrity()[GLUE]}" } }</script>
<script src="dateline-${VERSION}.js" integrity="${integrity()[`dateline-${VERSION}.js`]}" crossorigin="anonymous"></script>
<div data-dateline data-src="article.json"><a id="fallback" href="https://news.example.com/a/">Read the story</a></div>
</body></html>`);
  spoil(root);
  const server = await startServer(['--root', root]);
  return { ...server, stop: () => { server.stop(); rmSync(root, { recursive: true, force: true }); } };
}

test('the versioned loader, by a script tag with integrity=, renders the story', async () => {
  const server = await siteWith();
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser, server.url + 'sri.html');
    await waitInShadow(page, '[data-dateline]', '[part~="headline"]');
    assert.deepEqual(problems, []);
    assert.equal(await page.evaluate(() => window.Dateline.version), VERSION);
  } finally {
    await browser.close();
    server.stop();
  }
});

for (const [what, file] of [['wasm', WASM], ['module', GLUE]]) {
  test(`a changed ${what} is refused: the widget does not start and the fallback stays`, async () => {
    const server = await siteWith((root) => {
      const p = join(root, file);
      // Same length, one byte different (a trailing space in the module,
      // the last byte of the wasm's last section).
      const b = readFileSync(p);
      b[b.length - 1] ^= 1;
      writeFileSync(p, b);
    });
    const browser = await launch();
    try {
      const { page, consoleErrors } = await openPage(browser, server.url + 'sri.html');
      await page.waitForFunction(() => window.Dateline && window.Dateline.ready.then(() => false, () => true));
      const failed = await page.evaluate(() => window.Dateline.ready.then(() => false, () => true));
      assert.equal(failed, true, 'Dateline.ready rejects');
      assert.equal(await page.evaluate(() => !!document.querySelector('[data-dateline]').shadowRoot), false);
      assert.equal(await page.evaluate(() => document.getElementById('fallback').checkVisibility()), true);
      assert.ok(consoleErrors.some((e) => /integrity|digest/i.test(e)), consoleErrors.join('\n'));
    } finally {
      await browser.close();
      server.stop();
    }
  });
}
