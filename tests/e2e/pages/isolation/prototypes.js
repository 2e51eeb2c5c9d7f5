// tests/e2e/pages/isolation/prototypes.html: properties every object and
// array inherits, named as the options the widget hands the browser
// (Intl, fetch, shadow roots, events, observers) and as what a loop over
// keys might meet. Today's `Object.prototype.style = 'x'` alone blanked
// every relative time.
(function () {
  var own = {
    style: 'x', numeric: 'auto', dateStyle: 'full', timeStyle: 'full', timeZone: 'Mars/Olympus',
    calendar: 'x', numberingSystem: 'x', hour12: true, localeMatcher: 'x',
    method: 'POST', body: 'x', mode: 'no-cors', cache: 'only-if-cached', redirect: 'error',
    credentials: 'include', referrer: 'about:client', referrerPolicy: 'unsafe-url', integrity: 'sha256-x', keepalive: true, priority: 'x',
    delegatesFocus: true, slotAssignment: 'manual', clonable: true, serializable: true,
    bubbles: false, composed: false, cancelable: true, detail: 'x',
    once: true, passive: true, capture: true,
    childList: true, subtree: true, characterData: true,
    preventScroll: false, focusVisible: true, block: 'end', inline: 'end', behavior: 'smooth',
  };
  Object.keys(own).forEach(function (k) { Object.prototype[k] = own[k]; });
  Array.prototype.extra = 'x';
  Array.prototype.last = function () { return this[this.length - 1]; };
  window.__host = { polluted: Object.keys(own).length };
})();
