// tests/e2e/pages/isolation/fetch.html: the page wraps fetch, as analytics
// and error trackers do, and counts what goes through it.
(function () {
  var original = window.fetch;
  window.__host = { calls: [] };
  window.fetch = function (input, init) {
    window.__host.calls.push(String(input && input.url ? input.url : input));
    return original.apply(this, arguments).then(function (r) { return r; });
  };
})();
