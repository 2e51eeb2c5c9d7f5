#!/usr/bin/env node
// Dateline dev/demo/test server. Dependency-free (Node 20, ESM).
//
//   node scripts/serve.mjs --root DIR [--port 8080] [--shift-dates]
//        [--anchor 2026-01-14T12:00:00Z] [--fixtures DIR] [--wordpress FILE] [--quiet]
//        [--mount /PREFIX=DIR ...]
//
// - Serves static files from --root on 127.0.0.1 only (never other interfaces).
// - --port 0 picks a free port. Once listening, exactly one line goes to
//   stdout: "listening http://127.0.0.1:PORT/". Request logs go to stderr.
// - --shift-dates moves dates in served .json files by (start time - anchor)
//   so the demo always looks live.
// - --fixtures DIR enables the test controls: /fixtures/*, /__test/*,
//   ?delay=MS, switchable responses, /csp/, /tt/ (strict CSP plus Trusted
//   Types) and /nocors/ header rules, and the network faults under
//   /__fault/* (see "faults" below).
// - --wordpress FILE answers /wp-json/wp/v2/posts like a WordPress site
//   whose posts (with `_embedded`) are the JSON array in FILE: single posts
//   by id, `?slug=`, `?tags=`, `?categories=`, `per_page`/`page` with
//   X-WP-Total/X-WP-TotalPages, `_embedded` only with `_embed`. `{{site}}`
//   in FILE becomes the origin the request came to.
// - /demo/feeds/latest.rss and /demo/feeds/latest.atom are the demo stories
//   (<root>/demo/articles) as an RSS 2.0 and an Atom feed with full content.
// - .xml, .rss and .atom files are served as application/xml,
//   application/rss+xml and application/atom+xml.
// - --mount /PREFIX=DIR (repeatable) serves DIR under the URL path /PREFIX/,
//   exactly like --root (same date shifting); make bench uses it to serve its
//   pages next to dist/.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { URLSearchParams } from 'node:url';

// ---------------------------------------------------------------- options

function parseArgs(argv) {
  const opts = {
    root: null,
    port: 8080,
    shiftDates: false,
    anchor: '2026-01-14T12:00:00Z',
    fixtures: null,
    wordpress: null,
    quiet: false,
    mounts: [], // [{prefix: '/bench', dir}]
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    // Accept both "--opt value" and "--opt=value".
    const [name, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) die(`missing value for ${name}`);
      return argv[++i];
    };
    switch (name) {
      case '--root': opts.root = value(); break;
      case '--port': opts.port = Number(value()); break;
      case '--shift-dates': opts.shiftDates = true; break;
      case '--anchor': opts.anchor = value(); break;
      case '--fixtures': opts.fixtures = value(); break;
      case '--wordpress': opts.wordpress = value(); break;
      case '--quiet': opts.quiet = true; break;
      case '--mount': {
        const [prefix, dir] = value().split(/=(.*)/s, 2);
        if (!/^\/[^/]+(\/[^/]+)*$/.test(prefix || '') || !dir) die('--mount wants /PREFIX=DIR');
        opts.mounts.push({ prefix, dir });
        break;
      }
      default: die(`unknown argument: ${arg}`);
    }
  }
  if (!opts.root) die('--root DIR is required');
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) die('bad --port');
  if (Number.isNaN(Date.parse(opts.anchor))) die('bad --anchor date');
  opts.root = realDir(opts.root, '--root');
  if (opts.fixtures) opts.fixtures = realDir(opts.fixtures, '--fixtures');
  for (const m of opts.mounts) m.dir = realDir(m.dir, '--mount');
  return opts;
}

function realDir(dir, flag) {
  try {
    const real = fs.realpathSync(path.resolve(dir));
    if (fs.statSync(real).isDirectory()) return real;
  } catch { /* fall through */ }
  die(`${flag}: not a directory: ${dir}`);
}

function die(msg) {
  process.stderr.write(`serve.mjs: ${msg}\n`);
  process.exit(2);
}

const opts = parseArgs(process.argv.slice(2));
const startTime = Date.now();
// Milliseconds added to every shifted date.
const shiftMs = startTime - Date.parse(opts.anchor);

// ---------------------------------------------------------------- content types

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};
// Types worth compressing (text, js, wasm, json, css, svg).
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.json', '.css', '.svg', '.txt', '.md', '.xml', '.rss', '.atom']);

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
// Under /tt/: the same, and Trusted Types required, with the widget's one
// policy name the only one allowed (docs/EMBED.md).
const CSP_TT = `${CSP}; require-trusted-types-for 'script'; trusted-types dateline`;

// ---------------------------------------------------------------- test state

const testState = {
  requests: [], // [{method, path, query}]
  aborted: [], // [path] of requests whose connection closed before the response ended
  switches: new Map(), // request path -> {file} | {status}
};

function resetTestState() {
  testState.requests.length = 0;
  testState.aborted.length = 0;
  testState.switches.clear();
}

// ---------------------------------------------------------------- helpers

/** Split a raw request target into its raw path and query string, without
 *  normalising it (new URL() would silently resolve "/../" and "%2e%2e"). */
function splitTarget(target) {
  const q = target.indexOf('?');
  const rawPath = q < 0 ? target : target.slice(0, q);
  const query = q < 0 ? '' : target.slice(q + 1);
  return { rawPath, query };
}

/** Decode a URL path; null if malformed. */
function decodePath(rawPath) {
  try {
    return decodeURIComponent(rawPath);
  } catch {
    return null;
  }
}

/** Map a decoded URL-style path ("a/b.json") to a file inside baseDir, or
 *  null if it is unsafe (escapes the base, NUL bytes, backslashes, ".."). */
function safeJoin(baseDir, urlPath) {
  if (urlPath == null || urlPath.includes('\0') || urlPath.includes('\\')) return null;
  if (urlPath.split('/').some((seg) => seg === '..')) return null;
  const full = path.resolve(baseDir, '.' + path.posix.normalize('/' + urlPath));
  if (full !== baseDir && !full.startsWith(baseDir + path.sep)) return null;
  return full;
}

/** Resolve a path to a readable regular file (directories -> index.html),
 *  rejecting symlinks that lead out of baseDir. Returns {file, stat} or null. */
async function findFile(baseDir, full) {
  if (!full) return null;
  try {
    let real = await fs.promises.realpath(full);
    let stat = await fs.promises.stat(real);
    if (stat.isDirectory()) {
      real = await fs.promises.realpath(path.join(real, 'index.html'));
      stat = await fs.promises.stat(real);
    }
    if (!stat.isFile()) return null;
    if (!real.startsWith(baseDir + path.sep)) return null;
    return { file: real, stat };
  } catch {
    return null;
  }
}

/** Which encoding to use, given the Accept-Encoding header: "br", "gzip" or null. */
function pickEncoding(header) {
  const accepted = new Set();
  for (const part of String(header || '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}

// Compressed bytes, keyed by encoding + file path + mtime + size. Brotli at
// quality 11 is slow, so each file version is compressed only once.
const compressCache = new Map();

function compress(encoding, key, body) {
  const cacheKey = `${encoding}\0${key}`;
  let out = compressCache.get(cacheKey);
  if (!out) {
    out = encoding === 'br'
      ? zlib.brotliCompressSync(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
      : zlib.gzipSync(body, { level: 9 });
    compressCache.set(cacheKey, out);
  }
  return out;
}

// ---------------------------------------------------------------- date shifting

const DATE_KEYS = new Set(['date_published', 'date_modified', 'date', 'date_gmt', 'modified', 'modified_gmt']);
// WordPress-style "2026-01-14T12:00:00" carries no zone designator.
const NO_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** Shift one date string by shiftMs; returns the input if it is not a date. */
function shiftDate(key, value) {
  const zoneless = NO_ZONE.test(value);
  // Zoneless strings are read as UTC so the result does not depend on the
  // server's time zone (Date.parse would read them as local time).
  const ms = Date.parse(zoneless ? value.replace(' ', 'T') + 'Z' : value);
  if (Number.isNaN(ms)) return value;
  const iso = new Date(ms + shiftMs).toISOString();
  // date / date_gmt are WordPress-style: no offset, no milliseconds. If such a
  // value did carry a zone (e.g. a feed using "date" with "Z"), keep the full
  // ISO form so it is not silently reinterpreted as local time.
  if (zoneless) return iso.slice(0, 19);
  return iso;
}

/** Recursively shift date values in parsed JSON (mutates and returns it). */
function shiftDates(node) {
  if (Array.isArray(node)) {
    node.forEach((v, i) => { node[i] = shiftDates(v); });
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      node[k] = typeof v === 'string' && DATE_KEYS.has(k) ? shiftDate(k, v) : shiftDates(v);
    }
  }
  return node;
}

/** Apply --shift-dates to a JSON file's bytes; unchanged if it does not parse. */
function shiftJsonBytes(bytes) {
  let data;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch {
    return bytes;
  }
  return Buffer.from(JSON.stringify(shiftDates(data)), 'utf8');
}

// ---------------------------------------------------------------- responses

/** Headers every response carries (CORS may be dropped under /nocors/). */
function baseHeaders(ctx) {
  const h = {
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  if (!(opts.fixtures && ctx.path.includes('/nocors/'))) h['Access-Control-Allow-Origin'] = '*';
  if (opts.fixtures && ctx.path.includes('/csp/')) h['Content-Security-Policy'] = CSP;
  if (opts.fixtures && ctx.path.includes('/tt/')) h['Content-Security-Policy'] = CSP_TT;
  return h;
}

function send(req, res, ctx, status, headers, body = Buffer.alloc(0)) {
  if (res.destroyed || res.writableEnded) return;
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(String(body), 'utf8');
  res.writeHead(status, { ...baseHeaders(ctx), ...headers, 'Content-Length': buf.length });
  res.end(req.method === 'HEAD' ? undefined : buf);
}

function sendText(req, res, ctx, status, text) {
  send(req, res, ctx, status, { 'Content-Type': 'text/plain; charset=utf-8' }, text + '\n');
}

function sendJson(req, res, ctx, status, value) {
  send(req, res, ctx, status, { 'Content-Type': 'application/json; charset=utf-8' }, JSON.stringify(value));
}

const notFound = (req, res, ctx) => sendText(req, res, ctx, 404, '404 Not Found');

/** Serve one resolved file, with optional date shifting and compression. */
async function serveFile(req, res, ctx, found, { shift }) {
  const ext = path.extname(found.file).toLowerCase();
  const type = TYPES[ext] || 'application/octet-stream';
  let body = await fs.promises.readFile(found.file);
  const doShift = shift && ext === '.json';
  if (doShift) body = shiftJsonBytes(body);

  const headers = { 'Content-Type': type };
  if (COMPRESSIBLE.has(ext)) {
    headers['Vary'] = 'Accept-Encoding';
    const encoding = pickEncoding(req.headers['accept-encoding']);
    if (encoding) {
      const key = `${found.file}\0${found.stat.mtimeMs}\0${found.stat.size}\0${doShift}`;
      body = compress(encoding, key, body);
      headers['Content-Encoding'] = encoding;
    }
  }
  send(req, res, ctx, 200, headers, body);
}

// ---------------------------------------------------------------- demo feeds

/** XML text and attribute escaping. */
const esc = (v) => String(v).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' }[c]));

/** An article's `_dateline.blocks` as the HTML body a CMS would put in a feed. */
function blocksHtml(blocks, base) {
  const abs = (u) => new URL(u, base).href;
  return (blocks || []).map((b) => {
    switch (b.type) {
      case 'paragraph': return `<p>${b.html ?? esc(b.text ?? '')}</p>`;
      case 'heading': return `<h2>${esc(b.text)}</h2>`;
      case 'quote': return `<blockquote><p>${esc(b.text)}</p>${b.cite ? `<footer>${esc(b.cite)}</footer>` : ''}</blockquote>`;
      case 'list': { const t = b.ordered ? 'ol' : 'ul'; return `<${t}>${(b.items || []).map((i) => `<li>${i}</li>`).join('')}</${t}>`; }
      case 'image': return `<figure><img src="${esc(abs(b.src))}" alt="${esc(b.alt ?? '')}">${b.caption ? `<figcaption>${esc(b.caption)}</figcaption>` : ''}</figure>`;
      case 'also_read': return `<p>Also read: <a href="${esc(b.url)}">${esc(b.title)}</a></p>`;
      default: return '';
    }
  }).join('\n');
}

/** /demo/feeds/latest.rss and /demo/feeds/latest.atom: the demo stories
 *  (the articles in <root>/demo/articles, newest first, dates shifted like
 *  the JSON) as an RSS 2.0 feed and an Atom feed, each item with its full
 *  content, as WordPress writes them. */
async function handleDemoFeed(req, res, ctx, atom) {
  const dir = path.join(opts.root, 'demo', 'articles');
  const site = `http://${req.headers.host}`;
  const base = `${site}/demo/articles/`;
  let stories = [];
  for (const f of (await fs.promises.readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
    const a = JSON.parse(await fs.promises.readFile(path.join(dir, f), 'utf8'));
    stories.push(opts.shiftDates ? shiftDates(a) : a);
  }
  stories = stories.filter((a) => a.language == null || a.language.startsWith('en'))
    .sort((a, b) => Date.parse(b.date_published) - Date.parse(a.date_published));
  const body = (a) => blocksHtml(a._dateline?.blocks, base);
  const image = (a) => a._dateline?.image?.src && new URL(a._dateline.image.src, base).href;
  const tags = (a) => (a._dateline?.tags?.map((t) => t.name) ?? a.tags ?? []);
  const title = 'The Frontier Ledger';
  let xml;
  if (atom) {
    xml = `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:base="${site}/demo/">\n`
      + `<title>${title}</title>\n<link rel="alternate" href="rss.html"/>\n<link rel="self" href="feeds/latest.atom"/>\n<id>${site}/demo/feeds/latest.atom</id>\n`
      + `<updated>${esc(stories[0]?.date_published ?? '')}</updated>\n`
      + stories.map((a) => `<entry>\n<title type="html">${esc(esc(a.title))}</title>\n<link rel="alternate" type="text/html" href="${esc(a.url)}"/>\n<id>${esc(a.id)}</id>\n`
        + `<published>${esc(a.date_published)}</published>\n<updated>${esc(a.date_modified ?? a.date_published)}</updated>\n`
        + (a.authors ?? []).map((p) => `<author><name>${esc(p.name)}</name></author>\n`).join('')
        + tags(a).map((t) => `<category term="${esc(t)}"/>\n`).join('')
        + `<summary>${esc(a.summary ?? '')}</summary>\n<content type="html">${esc((image(a) ? `<p><img src="${image(a)}" alt=""></p>` : '') + body(a))}</content>\n</entry>\n`).join('')
      + '</feed>\n';
  } else {
    xml = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">\n<channel>\n`
      + `<title>${title}</title>\n<link>${site}/demo/rss.html</link>\n<description>Latest stories</description>\n`
      + stories.map((a) => `<item>\n<title>${esc(a.title)}</title>\n<link>${esc(a.url)}</link>\n<guid isPermaLink="false">${esc(a.id)}</guid>\n`
        + `<pubDate>${new Date(a.date_published).toUTCString()}</pubDate>\n`
        + (a.authors ?? []).map((p) => `<dc:creator><![CDATA[${p.name}]]></dc:creator>\n`).join('')
        + tags(a).map((t) => `<category><![CDATA[${t}]]></category>\n`).join('')
        + (image(a) ? `<media:content url="${esc(image(a))}" medium="image"/>\n` : '')
        + `<description>${esc(a.summary ?? '')}</description>\n<content:encoded><![CDATA[${body(a).replaceAll(']]>', ']]]]><![CDATA[>')}]]></content:encoded>\n</item>\n`).join('')
      + '</channel>\n</rss>\n';
  }
  send(req, res, ctx, 200, { 'Content-Type': atom ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8' }, xml);
}

// ---------------------------------------------------------------- WordPress

/** Answer /wp-json/wp/v2/posts[/<id>] from the --wordpress posts file. */
async function handleWordPress(req, res, ctx) {
  const site = `http://${req.headers.host}`;
  let posts = JSON.parse((await fs.promises.readFile(opts.wordpress, 'utf8')).replaceAll('{{site}}', site));
  if (opts.shiftDates) posts = shiftDates(posts);
  const params = new URLSearchParams(ctx.query);
  const embed = params.has('_embed');
  const shape = (p) => {
    if (embed) return p;
    const { _embedded, ...rest } = p;
    return rest;
  };
  const wpError = (status, code, message) => sendJson(req, res, ctx, status, { code, message, data: { status } });
  const headers = {
    'Content-Type': 'application/json; charset=UTF-8',
    // What a real WordPress sends, so cross-origin pages can read the counts.
    'Access-Control-Expose-Headers': 'X-WP-Total, X-WP-TotalPages, Link',
  };
  const one = /^\/wp-json\/wp\/v2\/posts\/(\d+)\/?$/.exec(ctx.path);
  if (one) {
    const post = posts.find((p) => String(p.id) === one[1]);
    if (!post) return wpError(404, 'rest_post_invalid_id', 'Invalid post ID.');
    return send(req, res, ctx, 200, headers, JSON.stringify(shape(post)));
  }
  if (!/^\/wp-json\/wp\/v2\/posts\/?$/.test(ctx.path)) return wpError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
  const ids = (name) => (params.get(name) || '').split(',').filter(Boolean).map(Number);
  let list = posts.slice().sort((a, b) => (a.date_gmt < b.date_gmt ? 1 : -1));
  if (params.has('slug')) list = list.filter((p) => params.get('slug').split(',').includes(p.slug));
  if (params.has('tags')) list = list.filter((p) => p.tags.some((t) => ids('tags').includes(t)));
  if (params.has('categories')) list = list.filter((p) => p.categories.some((c) => ids('categories').includes(c)));
  const perPage = Math.min(Math.max(Number(params.get('per_page') || 10), 1), 100);
  const page = Math.max(Number(params.get('page') || 1), 1);
  const totalPages = Math.max(Math.ceil(list.length / perPage), 1);
  if (page > totalPages) return wpError(400, 'rest_post_invalid_page_number', 'The page number requested is larger than the number of pages available.');
  const body = list.slice((page - 1) * perPage, page * perPage).map(shape);
  return send(req, res, ctx, 200, { ...headers, 'X-WP-Total': String(list.length), 'X-WP-TotalPages': String(totalPages) }, JSON.stringify(body));
}

// ---------------------------------------------------------------- test controls

/** /__test/* endpoints. Not recorded in the request log. */
function handleTestControl(req, res, ctx) {
  const params = new URLSearchParams(ctx.query);
  const route = `${req.method} ${ctx.path}`;
  switch (route) {
    case 'GET /__test/requests':
      return sendJson(req, res, ctx, 200, testState.requests);
    case 'GET /__test/aborted':
      return sendJson(req, res, ctx, 200, testState.aborted);
    case 'POST /__test/reset':
      resetTestState();
      return sendJson(req, res, ctx, 200, { ok: true });
    case 'POST /__test/switch': {
      const target = params.get('path');
      if (!target || !target.startsWith('/')) {
        return sendJson(req, res, ctx, 400, { ok: false, error: 'path must start with /' });
      }
      if (params.has('status')) {
        const status = Number(params.get('status'));
        if (!Number.isInteger(status) || status < 100 || status > 599) {
          return sendJson(req, res, ctx, 400, { ok: false, error: 'bad status' });
        }
        testState.switches.set(target, { status });
      } else if (params.has('file')) {
        testState.switches.set(target, { file: params.get('file') });
      } else {
        return sendJson(req, res, ctx, 400, { ok: false, error: 'need file= or status=' });
      }
      return sendJson(req, res, ctx, 200, { ok: true });
    }
    default:
      return notFound(req, res, ctx);
  }
}

// ---------------------------------------------------------------- faults
//
// With --fixtures, /__fault/* misbehaves on purpose, for tests/e2e/faults.test.mjs.
// Every answer that succeeds is tests/fixtures/article.json with absolute
// URLs (its images and links under /fixtures/fixtures/). Add any query
// (`&id=…`) to make a URL of one's own: each path+query is counted apart.
//   /__fault/hang                 never answers
//   /__fault/drip?ms=30000        200 at once, then a space every 200 ms for ms, then the article
//   /__fault/status?code=503[&retry-after=V][&fail=N]
//                                 answers code (with Retry-After: V) N times, then the
//                                 article; without fail=, always code
//   /__fault/truncated            the article's JSON cut in half
//   /__fault/html200              an HTML error page with status 200
//   /__fault/wrong-type?type=T    the article as Content-Type T
//   /__fault/nocors/article       the article without Access-Control-Allow-Origin
//   /__fault/reset                the connection is reset (TCP RST) in the middle of the body
//   /__fault/big[?length=1]       20 MB of spaces as JSON, with Content-Length (length=1) or
//                                 chunked; pauses 5 s after 3 MiB (see below)
//   /__fault/story?to=URL[&recent=URL]
//                                 the article, its first Also Read opening URL in place
//                                 (and its Recent Posts rail read from recent=)
//   /__fault/listing?next=URL     a JSON Feed of two stories whose next page is URL
//   GET /__fault/count?of=PATH?QUERY  {count, methods, modes, times, sent}: requests for
//                                 that path+query (modes: Sec-Fetch-Mode; times: ms
//                                 since the first; sent: body bytes written, per request)

const faultState = new Map(); // path?query -> {count, modes, times, sent}

function faultArticle(req) {
  const base = `http://${req.headers.host}/fixtures/fixtures/`;
  const data = JSON.parse(fs.readFileSync(path.join(opts.fixtures, 'fixtures', 'article.json'), 'utf8'));
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if ((k === 'src' || k === 'image' || k === 'recent') && typeof v === 'string' && /^[\w./-]+$/.test(v)) node[k] = new URL(v, base).href;
      else walk(v);
    }
  };
  walk(data);
  return data;
}

function handleFault(req, res, ctx) {
  const params = new URLSearchParams(ctx.query);
  if (ctx.path === '/__fault/count') {
    const of = params.get('of');
    return sendJson(req, res, ctx, 200, of ? (faultState.get(of) || { count: 0, methods: [], modes: [], times: [], sent: [] }) : Object.fromEntries(faultState));
  }
  const key = ctx.path + (ctx.query ? '?' + ctx.query : '');
  const st = faultState.get(key) || { count: 0, methods: [], modes: [], times: [], sent: [], t0: Date.now() };
  faultState.set(key, st);
  const n = st.count++;
  st.methods.push(req.method);
  st.modes.push(req.headers['sec-fetch-mode'] || '');
  st.times.push(Date.now() - st.t0);
  st.sent.push(0);
  const json = { 'Content-Type': 'application/json; charset=utf-8' };
  const article = () => JSON.stringify(faultArticle(req));
  switch (ctx.path) {
    case '/__fault/hang':
      return; // the socket stays open until the client gives up
    case '/__fault/drip': {
      const ms = Math.min(Number(params.get('ms')) || 30000, 60000);
      res.writeHead(200, { ...baseHeaders(ctx), ...json });
      const started = Date.now();
      const tick = setInterval(() => {
        if (res.destroyed) return clearInterval(tick);
        if (Date.now() - started >= ms) {
          clearInterval(tick);
          return res.end(article());
        }
        res.write(' ');
        st.sent[n]++;
      }, 200);
      res.on('close', () => clearInterval(tick));
      return;
    }
    case '/__fault/status': {
      const code = Number(params.get('code')) || 500;
      const fail = params.has('fail') ? Number(params.get('fail')) : Infinity;
      if (n < fail) {
        const h = { 'Content-Type': 'text/plain; charset=utf-8' };
        if (params.has('retry-after')) h['Retry-After'] = params.get('retry-after');
        return send(req, res, ctx, code, h, `${code} (fault ${n + 1})\n`);
      }
      return send(req, res, ctx, 200, json, article());
    }
    case '/__fault/truncated': {
      const body = article();
      return send(req, res, ctx, 200, json, body.slice(0, body.length >> 1));
    }
    case '/__fault/html200':
      return send(req, res, ctx, 200, { 'Content-Type': 'text/html; charset=utf-8' },
        '<!doctype html><html><head><title>Error</title></head><body><h1>Something went wrong</h1><p>Please try again later.</p></body></html>\n');
    case '/__fault/wrong-type':
      return send(req, res, ctx, 200, { 'Content-Type': params.get('type') || 'text/html; charset=utf-8' }, article());
    case '/__fault/nocors/article':
      return send(req, res, ctx, 200, json, article());
    case '/__fault/reset':
      // Headers and a little of the body first: a reset before the
      // response headers, on a reused connection, is resent by the browser
      // itself (invisibly to the page), which would blur the counts.
      res.writeHead(200, { ...baseHeaders(ctx), ...json, 'Content-Length': 1000 });
      res.write('{"title": "');
      return setTimeout(() => req.socket.resetAndDestroy(), 50);
    case '/__fault/big': {
      const total = 20 * 1024 * 1024;
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      res.writeHead(200, { ...baseHeaders(ctx), ...json, ...(params.get('length') === '1' ? { 'Content-Length': total } : {}) });
      // After 3 MiB (the widget's cap and 1 MiB) it waits 5 s for the client
      // to hang up before it sends the rest: `sent` then says whether the
      // client stopped reading at its cap, whatever the sockets buffer.
      let left = total;
      let paused = false;
      const pump = () => {
        while (left > 0 && !res.destroyed) {
          if (!paused && st.sent[n] >= 3 * 1024 * 1024) {
            paused = true;
            return setTimeout(pump, 5000);
          }
          const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
          left -= piece.length;
          st.sent[n] += piece.length;
          if (!res.write(piece)) return res.once('drain', pump);
        }
        if (!res.destroyed) res.end();
      };
      return pump();
    }
    case '/__fault/story': {
      const data = faultArticle(req);
      const to = params.get('to') || '';
      data._dateline.also_read[0].src = to;
      for (const b of data._dateline?.blocks || []) if (b.type === 'also_read') b.src = to;
      if (params.get('recent')) data._dateline.recent = params.get('recent');
      return send(req, res, ctx, 200, json, JSON.stringify(data));
    }
    case '/__fault/listing': {
      const item = (n) => ({ id: `l${n}`, url: `https://news.example.com/l${n}`, title: `Listed story ${n}`, date_published: '2025-05-18T10:05:00Z' });
      const feed = { version: 'https://jsonfeed.org/version/1.1', title: 'Latest', items: [item(1), item(2)], next_url: new URL(params.get('next') || '', `http://${req.headers.host}/`).href };
      return send(req, res, ctx, 200, json, JSON.stringify(feed));
    }
    default:
      return notFound(req, res, ctx);
  }
}

// ---------------------------------------------------------------- hostile content
// (tests/e2e/xss.test.mjs, tests/e2e/baddata.test.mjs) With --fixtures, a
// test may store documents it built (XSS vectors in every slot, bad data)
// and have the real server serve them: POST /__hostile/put?path=P&type=T
// with the body, then GET /__hostile/P answers it, byte for byte, with
// Content-Type T. A P under csp/ gets the strict CSP header, like /csp/.

const hostileDocs = new Map(); // path -> {type, body}

async function handleHostile(req, res, ctx) {
  if (req.method === 'POST' && ctx.path === '/__hostile/put') {
    const q = new URLSearchParams(ctx.query);
    const chunks = [];
    for await (const c of req) chunks.push(c);
    hostileDocs.set(q.get('path') || '', { type: q.get('type') || 'application/json; charset=utf-8', body: Buffer.concat(chunks) });
    return send(req, res, ctx, 204, {});
  }
  const doc = hostileDocs.get(ctx.path.slice('/__hostile/'.length));
  if (!doc) return notFound(req, res, ctx);
  return send(req, res, ctx, 200, { 'Content-Type': doc.type }, doc.body);
}

// ---------------------------------------------------------------- main handler

async function handle(req, res) {
  const { rawPath, query } = splitTarget(req.url || '/');
  const decoded = decodePath(rawPath);
  // ctx.path is used for logging, switch matching and header rules.
  const ctx = { path: decoded ?? rawPath, query };

  if (!opts.quiet) {
    res.on('finish', () => process.stderr.write(`${res.statusCode} ${req.method} ${req.url}\n`));
  }

  if (opts.fixtures) {
    if (ctx.path.startsWith('/__test/')) return handleTestControl(req, res, ctx);
    if (ctx.path.startsWith('/__fault/')) return handleFault(req, res, ctx);
    if (ctx.path.startsWith('/__hostile/')) return handleHostile(req, res, ctx);

    testState.requests.push({
      method: req.method,
      path: ctx.path,
      query: Object.fromEntries(new URLSearchParams(query)),
    });
    // Connection closed before we finished answering -> aborted.
    res.on('close', () => {
      if (!res.writableEnded) testState.aborted.push(ctx.path);
    });

    const delay = Number(new URLSearchParams(query).get('delay'));
    if (Number.isFinite(delay) && delay > 0) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(delay, 10000)));
      if (res.destroyed || req.socket.destroyed) return; // client went away during the delay
    }
  }

  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(req, res, ctx, 405, { 'Content-Type': 'text/plain; charset=utf-8', Allow: 'GET, HEAD' },
      '405 Method Not Allowed\n');
  }
  if (decoded == null || rawPath[0] !== '/') return notFound(req, res, ctx);

  if (opts.fixtures) {
    // Switched responses override everything else for this path.
    const sw = testState.switches.get(ctx.path);
    if (sw) {
      if (sw.status) return send(req, res, ctx, sw.status, {});
      const found = await findFile(opts.fixtures, safeJoin(opts.fixtures, sw.file));
      return found ? serveFile(req, res, ctx, found, { shift: false }) : notFound(req, res, ctx);
    }
    if (ctx.path === '/fixtures' || ctx.path.startsWith('/fixtures/')) {
      const rel = ctx.path.slice('/fixtures'.length);
      const found = await findFile(opts.fixtures, safeJoin(opts.fixtures, rel));
      return found ? serveFile(req, res, ctx, found, { shift: false }) : notFound(req, res, ctx);
    }
  }

  if (opts.wordpress && ctx.path.startsWith('/wp-json/')) return handleWordPress(req, res, ctx);
  if (ctx.path === '/demo/feeds/latest.rss' || ctx.path === '/demo/feeds/latest.atom') return handleDemoFeed(req, res, ctx, ctx.path.endsWith('.atom'));

  // --mount prefixes first, then the root.
  const mount = opts.mounts.find((m) => decoded === m.prefix || decoded.startsWith(m.prefix + '/'));
  const base = mount ? mount.dir : opts.root;
  const rel = mount ? decoded.slice(mount.prefix.length) : decoded;
  const found = await findFile(base, safeJoin(base, rel));
  if (!found) return notFound(req, res, ctx);
  return serveFile(req, res, ctx, found, { shift: opts.shiftDates });
}

// ---------------------------------------------------------------- server

const server = http.createServer((req, res) => {
  handle(req, res).catch((err) => {
    process.stderr.write(`serve.mjs: internal error for ${req.method} ${req.url}: ${err?.stack || err}\n`);
    if (!res.headersSent && !res.destroyed) {
      try {
        sendText(req, res, { path: '' }, 500, '500 Internal Server Error');
        return;
      } catch { /* fall through */ }
    }
    res.destroy();
  });
});

// Malformed HTTP: answer 400 instead of crashing or hanging.
server.on('clientError', (err, socket) => {
  if (socket.writable && !socket.destroyed) {
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  } else {
    socket.destroy();
  }
});

server.on('error', (err) => die(`cannot listen: ${err.message}`));

server.listen(opts.port, '127.0.0.1', () => {
  process.stdout.write(`listening http://127.0.0.1:${server.address().port}/\n`);
});

function shutdown() {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  // Pending delayed responses must not keep us alive.
  setTimeout(() => process.exit(0), 500).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
