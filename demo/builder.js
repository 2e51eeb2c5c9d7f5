// The embed-code builder (builder.html). It checks a source the way the
// widget will read it, shows a live preview (a real widget, mounted with
// the widget's own API, window.Dateline), and writes the snippet, the CSS
// and the Content-Security-Policy a page needs for exactly those options.
//
// How a source is checked (docs/EMBED.md, "The embed-code builder"):
// - a CORS fetch that fails while a `mode: "no-cors"` fetch of the same URL
//   succeeds means the server answered but sent no Access-Control-Allow-Origin
//   (a no-cors fetch gets an opaque response instead of failing); both
//   failing means the address cannot be reached;
// - an HTTP error status is named;
// - the text is read with the detection rules of docs/FORMAT.md (markup:
//   an HTML page, or the XML root; JSON: `_dateline`, JSON Feed, WordPress
//   post or posts, a bare JSON Feed item), and a missing required field of
//   the format found is named.
(function () {
  "use strict";
  var form = document.getElementById("options");
  var $ = function (id) { return document.getElementById(id); };
  var preview = $("preview");
  var loader = new URL("dateline.js", document.baseURI).href;
  // The release's immutable loader and its hash (dist/integrity.json, made
  // by make build): the snippet pins them, as docs/EMBED.md recommends.
  var pinned = null;
  // What the last check learned: the fallback link's address and words.
  var found = { href: "", text: "Read the story" };
  var images = [];
  var DEFAULT_ACCENT = "#b3261e";
  var RESERVE = { "": "100vh", compact: "32rem", rail: "16rem" };

  $("src").value = new URL("demo/articles/diplomatic-tour.json", document.baseURI).href;
  fetch(new URL("integrity.json", document.baseURI).href).then(function (r) { return r.ok ? r.json() : null; }).then(function (j) {
    var name = j && "dateline-" + j.version + ".js";
    if (j && j[name]) {
      pinned = { src: new URL(name, document.baseURI).href, integrity: j[name] };
      write();
    }
  }, function () {});

  function val(id) { return $(id).value.trim(); }

  /** The widget's attributes for the options chosen, in snippet order. */
  function attributes() {
    var a = [["data-dateline", ""], ["data-src", val("src")]];
    var pick = [["theme", "data-theme"], ["locale", "data-locale"], ["layout", "data-layout"], ["max", "data-max-items"],
      ["links", "data-links"], ["loading", "data-loading"], ["partner", "data-partner"],
      ["utm-source", "data-utm-source"], ["utm-medium", "data-utm-medium"], ["utm-campaign", "data-utm-campaign"]];
    pick.forEach(function (p) { if (val(p[0])) a.push([p[1], val(p[0])]); });
    return a;
  }

  function accent() { return $("accent-default").checked ? "" : $("accent").value; }

  function esc(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function origin(u) {
    try { return new URL(u, document.baseURI).origin; } catch (e) { return ""; }
  }

  function unique(list) {
    return list.filter(function (x, i) { return x && list.indexOf(x) === i; });
  }

  /** The three blocks a publisher copies. */
  function code() {
    var attrs = attributes().map(function (p) { return p[1] === "" ? p[0] : p[0] + '="' + esc(p[1]) + '"'; });
    var tag = pinned ? '<script src="' + esc(pinned.src) + '" integrity="' + esc(pinned.integrity) + '" crossorigin="anonymous"></script>\n' : '<script src="' + esc(loader) + '"></script>\n';
    var html = tag +
      '<div id="dateline-story" ' + attrs.join(" ") + ">\n" +
      '  <a href="' + esc(found.href || val("src")) + '">' + esc(found.text) + "</a>\n" +
      "</div>";
    var css = "#dateline-story[data-dateline] {\n  min-height: " + RESERVE[val("layout")] + ";\n" +
      (accent() ? "  --dateline-accent: " + accent() + ";\n" : "") + "}";
    var assets = origin(loader) === location.origin ? [] : [origin(loader)];
    var csp = "Content-Security-Policy: default-src 'self'; " +
      "script-src " + ["'self'", "'wasm-unsafe-eval'"].concat(assets).join(" ") + "; " +
      "style-src 'self'; " +
      "connect-src " + unique(["'self'"].concat(assets, [origin(val("src"))])).join(" ") + "; " +
      "img-src " + unique(["'self'"].concat(images)).join(" ");
    return { snippet: html, css: css, csp: csp };
  }

  /** Put the widget for these options in the preview: with the widget's
   *  own API, unmounting the one there when the API can, else mounting a
   *  fresh element in its place. History stays off in the preview only. */
  function render() {
    var D = window.Dateline;
    var apply = function (el) {
      attributes().forEach(function (p) { el.setAttribute(p[0], p[1]); });
      el.setAttribute("data-history", "off");
      el.setAttribute("id", "preview");
      if (accent()) el.style.setProperty("--dateline-accent", accent());
      else el.style.removeProperty("--dateline-accent");
      el.addEventListener("dateline:load", collect);
    };
    var fresh = function () {
      var el = document.createElement("div");
      apply(el);
      var a = document.createElement("a");
      a.href = found.href || val("src");
      a.textContent = found.text;
      el.append(a);
      preview.replaceWith(el);
      preview = el;
      return D.mount(el);
    };
    if (!D || !val("src")) return;
    if (typeof D.unmount === "function" && preview.shadowRoot) {
      var el = preview;
      Promise.resolve(D.unmount(el)).then(function () {
        [].slice.call(el.attributes).forEach(function (at) { if (/^data-/.test(at.name)) el.removeAttribute(at.name); });
        apply(el);
        return D.mount(el);
      }).then(function (ok) { if (ok === false) fresh(); }, fresh);
    } else {
      fresh();
    }
  }

  // The image origins of the story on screen, for the policy's img-src.
  function collect() {
    var root = preview.shadowRoot;
    if (!root) return;
    images = unique([].map.call(root.querySelectorAll("img"), function (i) { return origin(i.src); }));
    write();
  }

  function write() {
    var c = code();
    $("snippet").textContent = c.snippet;
    $("css").textContent = c.css;
    $("csp").textContent = c.csp;
  }

  function update() {
    write();
    render();
  }

  // ------------------------------------------------------------ checking

  function say(state, words) {
    var p = $("check");
    p.setAttribute("data-state", state);
    p.textContent = words;
  }

  var REQUIRED = {
    dateline: [["id"], ["url"], ["title"], ["date_published"]],
    wordpress: [["id"], ["link"], ["title", "rendered"], ["date_gmt", "date"]],
  };

  function missing(v, format) {
    var need = REQUIRED[format];
    for (var i = 0; i < need.length; i++) {
      var f = need[i];
      var ok = format === "wordpress" && f[0] === "title"
        ? v.title && typeof v.title.rendered === "string" && v.title.rendered.trim()
        : f.some(function (k) { return v[k] !== undefined && v[k] !== null && String(v[k]).trim() !== ""; });
      if (!ok) return f.join(f[0] === "title" ? "." : " or ");
    }
    return null;
  }

  var NAMES = { dateline: "Dateline article JSON", jsonfeed: "a JSON Feed item", wordpress: "a WordPress post" };

  /** What the document is, or what is wrong with it, in words. */
  function inspect(text, url) {
    var t = text.replace(/^\uFEFF/, "").trim();
    if (t[0] === "<") {
      if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body)\b/i.test(t)) {
        return ["bad", "This address is a web page (HTML), not a format Dateline reads. Point at the feed's own address (…/feed/, …/rss.xml), a JSON Feed, a WordPress REST URL or Dateline article JSON."];
      }
      var doc = new DOMParser().parseFromString(t, "application/xml");
      if (doc.getElementsByTagName("parsererror").length) return ["bad", "This starts like XML but is not well-formed XML, so it is not a format Dateline reads."];
      var root = doc.documentElement.nodeName;
      if (root === "rss" || root === "rdf:RDF" || root === "feed") {
        var title = doc.querySelector("channel > title, feed > title");
        var link = doc.querySelector("channel > link");
        found = { href: (link && link.textContent.trim()) || url, text: (title && title.textContent.trim()) || "Latest stories" };
        return ["ok", (root === "feed" ? "An Atom feed" : "An RSS feed") + ": the widget shows it as a listing."];
      }
      return ["bad", "This is XML with a root <" + root + ">, not an RSS or Atom feed: not a format Dateline reads."];
    }
    var v;
    try { v = JSON.parse(t); } catch (e) {
      return ["bad", "This is neither JSON nor an XML feed: not a format Dateline reads."];
    }
    if (Array.isArray(v)) {
      var one = v.length === 1 && /[?&]slug=/.test(url);
      if (!one) return ["ok", "A list of WordPress posts: the widget shows it as a listing."];
      v = v[0];
      if (!v || typeof v !== "object") return ["bad", "This array does not hold a WordPress post: not a format Dateline reads."];
    }
    if (!v || typeof v !== "object") return ["bad", "This JSON is not an object: not a format Dateline reads."];
    if (!("_dateline" in v) && (/jsonfeed\.org\/version\//.test(v.version) || "items" in v)) {
      if (!Array.isArray(v.items)) return ["bad", "A required field is missing from this JSON Feed: “items” (an array)."];
      found = { href: v.home_page_url || url, text: v.title || "Latest stories" };
      return ["ok", "A JSON Feed: the widget shows it as a listing."];
    }
    var format = "_dateline" in v ? "dateline"
      : v.title && typeof v.title === "object" && "rendered" in v.title && v.content && "link" in v ? "wordpress" : "jsonfeed";
    if (format === "jsonfeed" && !["id", "url", "title", "date_published", "content_html", "content_text"].some(function (k) { return k in v; })) {
      return ["bad", "This JSON is not a story or a feed in a format Dateline reads (Dateline JSON, JSON Feed, WordPress, RSS or Atom)."];
    }
    var gap = missing(v, format === "jsonfeed" ? "dateline" : format);
    if (gap) return ["bad", "A required field is missing from " + NAMES[format] + ": “" + gap + "”. The widget would show an error instead of the story."];
    var titleText = format === "wordpress" ? new DOMParser().parseFromString(v.title.rendered, "text/html").body.textContent : v.title;
    found = { href: format === "wordpress" ? v.link : v.url, text: String(titleText).trim() };
    return ["ok", (format === "dateline" ? "Dateline article JSON" : format === "wordpress" ? "A WordPress post" : "A JSON Feed item") + ": the widget shows it as an article."];
  }

  var checking = 0;
  function check() {
    var url = val("src");
    var mine = ++checking;
    var abs;
    try { abs = new URL(url, document.baseURI).href; } catch (e) { abs = ""; }
    if (!/^https?:/.test(abs)) { say("bad", "Enter an http or https address."); return; }
    found = { href: "", text: "Read the story" };
    images = [];
    say("busy", "Checking…");
    fetch(abs, { mode: "cors" }).then(function (r) {
      if (!r.ok) return ["bad", "The server answered HTTP " + r.status + (r.status === 404 ? " (not found)" : "") + "."];
      return r.text().then(function (t) { return inspect(t, abs); });
    }, function () {
      return fetch(abs, { mode: "no-cors" }).then(function () {
        return ["bad", "The server at " + origin(abs) + " answered, but sends no CORS header (Access-Control-Allow-Origin), so a page on another site cannot read it. Add “Access-Control-Allow-Origin: *” to its responses."];
      }, function () {
        return ["bad", "The address could not be reached: check it, and that the server is up."];
      });
    }).then(function (r) {
      if (mine !== checking) return;
      say(r[0], r[1]);
      update();
    });
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); check(); });
  $("src").addEventListener("change", check);
  var timer;
  form.addEventListener("input", function (e) {
    if (e.target.id === "src") return;
    if (e.target.id === "accent") $("accent-default").checked = false;
    clearTimeout(timer);
    timer = setTimeout(update, e.target.tagName === "SELECT" || e.target.type === "checkbox" ? 0 : 300);
  });

  [].forEach.call(document.querySelectorAll("button[data-for]"), function (b) {
    b.addEventListener("click", function () {
      var text = $(b.getAttribute("data-for")).textContent;
      var done = function (ok) { $("copied").textContent = ok ? "Copied." : "Could not copy: select the text and copy it."; };
      $("copied").textContent = "";
      if (navigator.clipboard) navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
      else done(false);
    });
  });

  write();
  (window.Dateline ? window.Dateline.ready : Promise.resolve()).then(check);
})();
