/*! Dateline loader. The one file a publisher's script tag names.
 *
 * It finds its own URL, then loads the widget's module and WebAssembly
 * relative to it (pkg/dateline.js and pkg/dateline_bg.wasm), so the assets
 * work from any path or origin. It defines one global, window.Dateline, and
 * uses no eval, no inline script and no inline style, so it runs under a
 * strict Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval').
 */
(function () {
  "use strict";
  var w = window;
  var api = w.Dateline;
  // Included twice? The first copy does the work; pick up new elements.
  if (api && api.ready) {
    api.scan();
    return;
  }
  var perf = w.performance;
  if (perf && perf.mark) perf.mark("dateline:script-start");

  var me = document.currentScript;
  if (!me) {
    var all = document.querySelectorAll("script[src]");
    for (var i = all.length - 1; i >= 0 && !me; i--) {
      if (/(^|\/)dateline(\.min)?\.js([?#]|$)/.test(all[i].src)) me = all[i];
    }
  }
  var base = new URL(".", me ? me.src : document.baseURI);
  var glue = new URL("pkg/dateline.js", base).href;
  var wasm = new URL("pkg/dateline_bg.wasm", base).href;

  // Start fetching the wasm now, in parallel with the glue module, so
  // streaming compilation begins as early as possible.
  var wasmResponse = fetch(wasm, { credentials: "same-origin" });

  var ready = import(glue).then(function (m) {
    return m.default({ module_or_path: wasmResponse }).then(function () {
      return m;
    });
  });
  ready.catch(function (e) {
    // The publisher's fallback content stays as it is.
    console.error("[dateline] could not start; the fallback content stays in place.", e);
  });

  w.Dateline = {
    version: "0.1.0",
    /** Resolves when the widget code has loaded and the page was scanned. */
    ready: ready.then(function () {}),
    /** Mount every [data-dateline] element added since the last scan. */
    scan: function () {
      return ready.then(function (m) {
        return m.scan();
      });
    },
    /** Mount one element. Resolves to true if it became a widget. */
    mount: function (el) {
      return ready.then(function (m) {
        return m.mount(el);
      });
    },
  };
})();
