// tests/e2e/pages/privacy.html: the widget's source from ?src=, set as the
// element is parsed.
document.addEventListener('DOMContentLoaded', function () {
  var src = new URLSearchParams(location.search).get('src') || '';
  document.getElementById('w').dataset.src = src.replaceAll('{port}', location.port);
  window.Dateline.scan();
});
