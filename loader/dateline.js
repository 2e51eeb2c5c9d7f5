/*! Dateline loader. The one file a publisher's script tag names.
 *
 * It finds its own URL, then loads the widget's module and WebAssembly
 * relative to it (pkg/dateline-<version>.js and pkg/dateline-<version>_bg.wasm),
 * so the assets work from any path or origin. Their names carry the
 * version and the build writes the wasm's Subresource Integrity hash into
 * this file (scripts/finish-dist.sh), so a loader runs only its own
 * version's wasm, byte for byte. While they load it fetches each widget's
 * data-src and reserves the widget's space (see below). It defines one
 * global, window.Dateline, and uses no eval, no inline script and no inline
 * style (a CSSOM min-height is not one), so it runs under a strict
 * Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval').
 */
(function () {
  "use strict";
  var w = window;
  var d = document;
  // One constant; scripts/finish-dist.sh checks it equals Cargo.toml's.
  var VERSION = "0.1.0";
  var api = w.Dateline;
  // Included twice? The first copy does the work; pick up new elements.
  if (api && api.ready) {
    api.scan();
    return;
  }
  var perf = w.performance;
  if (perf && perf.mark) perf.mark("dateline:script-start");

  var me = d.currentScript;
  if (!me) {
    var all = d.querySelectorAll("script[src]");
    for (var i = all.length - 1; i >= 0 && !me; i--) {
      if (/(^|\/)dateline(-[\w.]+)?\.js([?#]|$)/.test(all[i].src)) me = all[i];
    }
  }
  var base = new URL(".", me ? me.src : d.baseURI);
  var glue = new URL("pkg/dateline-" + VERSION + ".js", base).href;
  var wasm = new URL("pkg/dateline-" + VERSION + "_bg.wasm", base).href;

  // The wasm is fetched now, in parallel with the module, so streaming
  // compilation begins as early as possible, and checked against its own
  // hash. import() takes no hash: a page that wants the module checked too
  // names it in an import map (docs/EMBED.md); the loader itself writes
  // nothing into the page's <head>.
  // Options here have no prototype: a page's Object.prototype.body (or
  // .method, .mode…) must not reach into them. No cookies go with the
  // widget's requests, and another origin learns the page's origin only.
  var wasmResponse = fetch(wasm, Object.assign(Object.create(null), { credentials: "omit", referrerPolicy: "strict-origin-when-cross-origin", integrity: "sha384-WASM" }));

  var ready = import(glue).then(function (m) {
    return m.default({ module_or_path: wasmResponse }).then(function () {
      return m;
    });
  });

  // Widgets' first documents, fetched with the module: URL -> [what
  // early_fetch returns, widgets yet to take it].
  var early = {};
  // A deep link (?dl=) may name other documents.
  var deep = /[?&]dl=/.test(location.search);
  var held = new Map();
  function abs(u) {
    try {
      u = new URL(u, d.URL);
      return /^https?:$/.test(u.protocol) ? u.href : null;
    } catch (e) {
      return null;
    }
  }
  // Reserve a viewport's height until the first story (or error) is in, so
  // what follows starts out of sight and does not jump when it comes; not
  // where the page reserves space itself (a min-height; docs/EMBED.md), and
  // only where nothing below the element can have been painted yet (see
  // prepare).
  function hold(el, mine) {
    if (mine) el.style.minHeight = "100vh";
    function release() {
      held.delete(el);
      el.removeEventListener("dateline:load", release);
      el.removeEventListener("dateline:error", release);
      if (mine)
        requestAnimationFrame(function () {
          el.style.minHeight = "";
        });
      mine = 0;
    }
    held.set(el, release);
    el.addEventListener("dateline:load", release);
    el.addEventListener("dateline:error", release);
  }
  // Within a viewport of being visible: the widget's own rule
  // (config::near in src/config.rs). A widget far below the fold starts
  // when the reader scrolls near it (data-loading="lazy", the default
  // there); data-loading="eager" starts it at once wherever it is.
  function lazy(el) {
    var r = el.getBoundingClientRect();
    var vh = w.innerHeight;
    return !/^\s*eager\s*$/i.test(el.getAttribute("data-loading") || "") && !(r.bottom >= -vh && r.top <= 2 * vh);
  }
  // `fresh`: no frame can have shown what follows the elements yet: they
  // were just added (the observer below), or this script runs as a plain
  // (not async) script tag, as in the snippet, so nothing after the tag is
  // parsed yet.
  function prepare(fresh) {
    var els = d.querySelectorAll("[data-dateline]");
    var todo = [];
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      var src = abs(el.getAttribute("data-src") || "");
      if (!held.has(el) && !el.shadowRoot && src) todo.push([el, src]);
    }
    // A reserve on an element whose surroundings are already on screen
    // would itself push the content below down: those stay as they are
    // (an async script that runs after the first paint). All reads come
    // before any write, so twenty widgets cost one style pass, not twenty.
    var free = fresh || !(perf && perf.getEntriesByType && perf.getEntriesByType("paint").length > 0);
    // A lazy widget gets neither: it is fetched and rendered near the
    // viewport, out of sight, so it reserves nothing and costs the
    // widgets above the fold no bandwidth.
    var later = todo.map(function (t) {
      return lazy(t[0]);
    });
    var mine = todo.map(function (t) {
      return free && !(parseFloat(getComputedStyle(t[0]).minHeight) > 0);
    });
    todo.forEach(function (t, i) {
      hold(t[0], mine[i] && !later[i]);
      if (deep || later[i]) return;
      var e = early[t[1]];
      if (e) e[1]++;
      else early[t[1]] = [early_fetch(t[1]), 1];
    });
  }
  // A widget's first document, fetched with the module: [a Promise of
  // [text, X-WP-TotalPages, Content-Type], or of [, , , failure,
  // Retry-After] (an HTTP status, or "network", or "large": over the
  // widget's 2 MiB cap, by Content-Length or while streaming, where the
  // rest is not downloaded), or of null (the widget fetches it again);
  // its AbortController; performance.now() at its start]. The widget takes
  // the first attempt's outcome from here, failures included, and times
  // it from that start with its own data-timeout (net::early): one request
  // and one timeout per load. Abandoned after 60 s (the longest
  // data-timeout) if no widget does. The bytes are decoded as an XML
  // declaration's encoding says (a windows-1251 feed), else as UTF-8 (what
  // r.text() does), as the widget does (browser::decode); an unknown label
  // throws: null. Accept stays under 128 bytes, CORS-safelisted: no
  // preflight (net::ACCEPT).
  function early_fetch(src) {
    var ctrl = new AbortController();
    var timer = setTimeout(function () { ctrl.abort(); }, 60000);
    var cap = 2097152;
    var p = fetch(src, Object.assign(Object.create(null), { headers: { Accept: "application/feed+json,application/json;q=0.9,application/rss+xml,application/atom+xml,application/xml;q=0.8,*/*;q=0.1" }, signal: ctrl.signal, credentials: "omit", referrerPolicy: "strict-origin-when-cross-origin" }))
      .then(function (r) {
        var h = r.headers, parts = [], n = 0, large = [, , , "large"];
        if (!r.ok) return [, , , r.status, h.get("Retry-After")];
        if (h.get("Content-Length") > cap) return ctrl.abort(), large;
        // A 204 has no body stream: read it as empty.
        var rd = (r.body || new Response("").body).getReader();
        return (function next() {
          return rd.read().then(function (c) {
            if (!c.done) {
              if ((n += c.value.length) > cap) return ctrl.abort(), large;
              parts.push(c.value);
              return next();
            }
            var b = new Uint8Array(n), at = 0;
            parts.forEach(function (c) { b.set(c, at); at += c.length; });
            var enc = /^<\?xml[^>]*encoding\s*=\s*["']([^"']+)/.exec(String.fromCharCode.apply(null, b.subarray(0, 200)));
            try {
              return [new TextDecoder(enc ? enc[1] : "utf-8").decode(b), h.get("X-WP-TotalPages"), h.get("Content-Type")];
            } catch (e) {
              return null;
            }
          });
        })();
      })
      .catch(function () {
        return [, , , "network"];
      })
      .then(function (v) {
        clearTimeout(timer);
        return v;
      });
    return [p, ctrl, performance.now()];
  }
  // Elements that did not become widgets, or that wait to come near,
  // keep no reserve.
  function releaseAll() {
    held.forEach(function (release, el) {
      (el.shadowRoot && el.shadowRoot.querySelector(".dl-host")) || release();
    });
  }
  prepare(me && !me.async && d.readyState == "loading");
  // Elements the parser adds after this script (the snippet's element when
  // the tag comes first) are reserved and their documents fetched as soon
  // as they are parsed: a mutation observer's callback runs before the
  // browser renders them. They are mounted (or their reserve released) once
  // the page is parsed and the module is there.
  if (d.readyState == "loading") {
    var seen = new MutationObserver(function () {
      prepare(1);
    });
    seen.observe(d, { childList: true, subtree: true });
    d.addEventListener("DOMContentLoaded", function () {
      seen.disconnect();
      prepare();
      ready.then(function (m) {
        m.scan();
        releaseAll();
      }, function () {});
    });
  }

  ready.then(releaseAll, function (e) {
    releaseAll();
    // The publisher's fallback content stays as it is.
    console.error("[dateline] could not start; the fallback content stays in place.", e);
  });

  // Each call waits for the module, so calls made before it has loaded
  // are queued (in order), not lost. The API is typed in dateline.d.ts and
  // documented in docs/API.md.
  // Anything but an element (a node or nothing, for scan) is refused here.
  function call(name) {
    var any = name == "scan";
    return function (el, arg) {
      return ready.then(function (m) {
        return (any ? el == null || el instanceof Node : el instanceof Element) ? m[name](el, arg) : any ? 0 : false;
      });
    };
  }
  w.Dateline = {
    version: VERSION,
    /** Resolves when the widget code has loaded and the page was scanned. */
    ready: ready.then(function () {}),
    /** Mount every [data-dateline] element in root (default: the page) not mounted yet; resolves to how many. */
    scan: call("scan"),
    /** Mount one element, with options standing in for its data-* attributes. Resolves to true if it became a widget. */
    mount: call("mount"),
    /** Take a widget down; its element shows its own content again. */
    unmount: call("unmount"),
    /** Show another document in a widget. */
    navigate: call("navigate"),
    /** Fetch the document a widget shows again. */
    refresh: call("refresh"),
    // Internal: the widget takes an early fetch (early_fetch's
    // [promise, controller, start]).
    _take: function (url) {
      var k = abs(url);
      var e = early[k];
      if (!e) return;
      if (--e[1] < 1) delete early[k];
      return e[0];
    },
  };
})();
