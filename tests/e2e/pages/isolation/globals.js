// tests/e2e/pages/isolation/globals.html: globals a wasm-bindgen page of
// the old (no-modules) kind defines, and that a widget's glue must not
// take or overwrite.
var init = function () { throw new Error('the page\'s own init'); };
var wasm_bindgen = { page: true };
window.__host = { init: init, wasm_bindgen: wasm_bindgen };
