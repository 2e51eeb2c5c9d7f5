//! URL rules (pure): resolving references against the document they came
//! from, and the scheme allow-lists that decide what may become a link, an
//! image or a document the widget loads.
//!
//! The resolver follows RFC 3986 §5.2 with the WHATWG URL standard's input
//! clean-up (strip leading/trailing C0 controls and spaces, remove tabs and
//! newlines, treat `\` as `/`), so the scheme we check is the scheme the
//! browser will see. Every URL the widget emits is absolute and starts with
//! a scheme that passed the allow-list.

/// What a URL is going to be used for; each use has its own allowed schemes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
    /// `<a href>` in content, bylines, cards: http, https, mailto.
    Link,
    /// `<img src>`: http, https.
    Image,
    /// A JSON document loaded in place (`src`, `data-src`, feeds): http, https.
    Document,
}

impl Use {
    fn allows(self, scheme: &str) -> bool {
        match self {
            Use::Link => matches!(scheme, "http" | "https" | "mailto"),
            Use::Image | Use::Document => matches!(scheme, "http" | "https"),
        }
    }
}

/// Resolve `reference` against `base` and accept it only if the result's
/// scheme is allowed for `usage`. Returns the absolute URL.
pub fn checked(base: &str, reference: &str, usage: Use) -> Option<String> {
    let abs = resolve(base, reference)?;
    let scheme = scheme_of(&abs)?;
    if !usage.allows(&scheme) {
        return None;
    }
    if scheme != "mailto" && !abs[scheme.len() + 1..].starts_with("//") {
        // "https:foo" style references without an authority are not web URLs.
        return None;
    }
    Some(abs)
}

/// WHATWG-style clean-up of an input string.
fn clean(input: &str) -> String {
    input
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The length of a URL's scheme, if it starts with a valid one and a `:`.
fn scheme_len(url: &str) -> Option<usize> {
    let colon = url.find(':')?;
    let b = &url.as_bytes()[..colon];
    let ok = b.first()?.is_ascii_alphabetic() && b.iter().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'));
    ok.then_some(colon)
}

/// The lower-cased scheme of an absolute URL, if it has a valid one.
pub fn scheme_of(url: &str) -> Option<String> {
    scheme_len(url).map(|n| url[..n].to_ascii_lowercase())
}

/// A URL cut into its parts, borrowed from it: `scheme:` `//authority`
/// `path` `?query` `#fragment` (RFC 3986 §3; no decoding). The one place
/// the widget splits URLs.
#[derive(Debug, PartialEq, Eq)]
pub struct Parts<'a> {
    /// As written (empty for a relative reference).
    pub scheme: &'a str,
    pub authority: Option<&'a str>,
    pub path: &'a str,
    pub query: Option<&'a str>,
    pub fragment: Option<&'a str>,
}

pub fn split(url: &str) -> Parts<'_> {
    let (scheme, rest) = match scheme_len(url) {
        Some(n) => (&url[..n], &url[n + 1..]),
        None => ("", url),
    };
    let (rest, fragment) = match rest.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (rest, None),
    };
    let (rest, query) = match rest.split_once('?') {
        Some((r, q)) => (r, Some(q)),
        None => (rest, None),
    };
    let (authority, path) = match rest.strip_prefix("//") {
        Some(r) => {
            let end = r.find('/').unwrap_or(r.len());
            (Some(&r[..end]), &r[end..])
        }
        None => (None, rest),
    };
    Parts { scheme, authority, path, query, fragment }
}

/// The host of a URL: its authority without user info and port (as
/// written; empty when there is none).
pub fn host(url: &str) -> &str {
    let a = split(url).authority.unwrap_or("");
    let a = a.rsplit('@').next().unwrap_or(a);
    match a.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(v6),
        None => a.split(':').next().unwrap_or(a),
    }
}

/// The non-empty `key=value` pieces of a query (`a=1&b`, with or without
/// its `?`), as written.
pub fn raw_pairs(query: &str) -> impl Iterator<Item = &str> {
    query.strip_prefix('?').unwrap_or(query).split('&').filter(|p| !p.is_empty())
}

/// The `key=value` pairs of a query, raw: not decoded. A pair without `=`
/// has the value `""`.
pub fn pairs(query: &str) -> impl Iterator<Item = (&str, &str)> {
    raw_pairs(query).map(|p| p.split_once('=').unwrap_or((p, "")))
}

/// The raw value of the first `key` parameter in a URL's query.
pub fn param<'a>(url: &'a str, key: &str) -> Option<&'a str> {
    pairs(split(url).query?).find(|(k, _)| *k == key).map(|(_, v)| v)
}

/// `url` with its `key` parameter set to `value` (already encoded): the
/// first `key` pair is replaced where it stands, later ones are removed, or
/// the pair is appended. Every other pair is kept byte for byte and in
/// order; the fragment is dropped.
pub fn set_param(url: &str, key: &str, value: &str) -> String {
    let url = url.split('#').next().unwrap_or(url);
    let (head, query) = url.split_once('?').unwrap_or((url, ""));
    let mut out = String::with_capacity(url.len() + key.len() + value.len() + 2);
    out.push_str(head);
    let mut placed = false;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let k = pair.split_once('=').map_or(pair, |(k, _)| k);
        if k == key && placed {
            continue;
        }
        out.push(if out.len() == head.len() { '?' } else { '&' });
        if k == key {
            out.push_str(key);
            out.push('=');
            out.push_str(value);
            placed = true;
        } else {
            out.push_str(pair);
        }
    }
    if !placed {
        out.push(if out.len() == head.len() { '?' } else { '&' });
        out.push_str(key);
        out.push('=');
        out.push_str(value);
    }
    out
}

/// `url` with each `(key, value)` pair of `tags` set (values already
/// percent-encoded; `set_param`), its fragment kept: campaign parameters on
/// a link to a publisher's page. Only http(s) URLs are tagged; anything
/// else (`mailto:`) comes back as it was.
pub fn tagged(url: &str, tags: &[(&'static str, String)]) -> String {
    if tags.is_empty() || !matches!(scheme_of(url).as_deref(), Some("http" | "https")) {
        return url.to_string();
    }
    let (head, fragment) = url.split_once('#').map_or((url, None), |(h, f)| (h, Some(f)));
    let mut out = tags.iter().fold(head.to_string(), |u, (k, v)| set_param(&u, k, v));
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

fn is_special(scheme: &str) -> bool {
    matches!(scheme, "http" | "https" | "ws" | "wss" | "ftp" | "file")
}

/// RFC 3986 §5.2.4.
fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let absolute = path.starts_with('/');
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    for (i, seg) in segments.iter().enumerate() {
        if i == 0 && absolute {
            continue;
        }
        match *seg {
            "." | "%2e" | "%2E" => {
                if i == last {
                    out.push("");
                }
            }
            ".." | ".%2e" | "%2e." | "%2e%2e" | ".%2E" | "%2E." | "%2E%2E" => {
                out.pop();
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

/// Resolve a reference against an absolute base URL. `None` when neither
/// the reference nor the base yields an absolute URL.
pub fn resolve(base: &str, reference: &str) -> Option<String> {
    let mut r = clean(reference);
    if let Some(s) = scheme_of(&r) {
        if is_special(&s) {
            r = r.replace('\\', "/");
        }
        let p = split(&r);
        return Some(compose(&s, p.authority, &remove_dot_segments(p.path), p.query, p.fragment));
    }
    let base = clean(base);
    let b = split(&base);
    if b.scheme.is_empty() {
        return None;
    }
    let scheme = b.scheme.to_ascii_lowercase();
    if is_special(&scheme) {
        r = r.replace('\\', "/");
    }
    let p = split(&r);
    let (authority, path, query) = if let Some(a) = p.authority {
        (Some(a), remove_dot_segments(p.path), p.query)
    } else if p.path.is_empty() {
        (b.authority, b.path.to_string(), p.query.or(b.query))
    } else if p.path.starts_with('/') {
        (b.authority, remove_dot_segments(p.path), p.query)
    } else {
        let merged = if b.authority.is_some() && b.path.is_empty() {
            format!("/{}", p.path)
        } else {
            match b.path.rfind('/') {
                Some(i) => format!("{}{}", &b.path[..=i], p.path),
                None => p.path.to_string(),
            }
        };
        (b.authority, remove_dot_segments(&merged), p.query)
    };
    let path = if authority.is_some() && path.is_empty() && is_special(&scheme) {
        "/".to_string()
    } else {
        path
    };
    Some(compose(&scheme, authority, &path, query, p.fragment))
}

fn compose(scheme: &str, authority: Option<&str>, path: &str, query: Option<&str>, fragment: Option<&str>) -> String {
    let mut s = String::with_capacity(scheme.len() + path.len() + 32);
    s.push_str(scheme);
    s.push(':');
    if let Some(a) = authority {
        s.push_str("//");
        s.push_str(&a.to_ascii_lowercase());
        if path.is_empty() && is_special(scheme) {
            s.push('/');
        }
    }
    s.push_str(path);
    if let Some(q) = query {
        s.push('?');
        s.push_str(q);
    }
    if let Some(f) = fragment {
        s.push('#');
        s.push_str(f);
    }
    s
}

/// The origin (`scheme://host[:port]`) of an absolute http(s) URL.
pub fn origin(url: &str) -> Option<String> {
    let p = split(url);
    let a = p.authority?;
    let mut o = p.scheme.to_ascii_lowercase();
    o.push_str("://");
    o.push_str(&a.to_ascii_lowercase());
    Some(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "http://a/b/c/d;p?q";

    // RFC 3986 §5.4.1 normal examples and §5.4.2 abnormal ones.
    #[test]
    fn resolves_the_rfc3986_reference_examples() {
        let table = [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g/"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            (";x", "http://a/b/c/;x"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("/../g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"),
            ("g/./h", "http://a/b/c/g/h"),
            ("g/../h", "http://a/b/c/h"),
        ];
        for (reference, want) in table {
            assert_eq!(resolve(BASE, reference).as_deref(), Some(want), "reference {reference:?}");
        }
    }

    #[test]
    fn relative_src_resolves_against_the_document_url() {
        let doc = "https://news.example.com/api/articles/diplomatic-tour.json";
        assert_eq!(
            checked(doc, "other-article.json", Use::Document).as_deref(),
            Some("https://news.example.com/api/articles/other-article.json")
        );
        assert_eq!(
            checked(doc, "../feeds/recent.json", Use::Document).as_deref(),
            Some("https://news.example.com/api/feeds/recent.json")
        );
    }

    #[test]
    fn links_allow_only_http_https_and_mailto() {
        let doc = "https://x.example/a/";
        assert!(checked(doc, "https://y.example/", Use::Link).is_some());
        assert!(checked(doc, "HTTP://y.example/", Use::Link).is_some());
        assert_eq!(checked(doc, "mailto:desk@x.example", Use::Link).as_deref(), Some("mailto:desk@x.example"));
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "https:no-authority",
        ] {
            assert_eq!(checked(doc, bad, Use::Link), None, "{bad:?} must be refused");
        }
    }

    #[test]
    fn images_and_documents_refuse_mailto_and_data() {
        let doc = "https://x.example/a/";
        assert_eq!(checked(doc, "mailto:a@b", Use::Image), None);
        assert_eq!(checked(doc, "data:image/png;base64,AAAA", Use::Image), None);
        assert_eq!(checked(doc, "mailto:a@b", Use::Document), None);
        assert_eq!(checked(doc, "img/lead.jpg", Use::Image).as_deref(), Some("https://x.example/a/img/lead.jpg"));
    }

    #[test]
    fn backslashes_are_slashes_in_web_urls_like_browsers_treat_them() {
        assert_eq!(resolve("https://x.example/a/b", "\\\\evil.example\\p").as_deref(), Some("https://evil.example/p"));
    }

    #[test]
    fn a_relative_reference_without_a_base_is_refused() {
        assert_eq!(checked("", "page.json", Use::Document), None);
        assert_eq!(checked("not a url", "page.json", Use::Document), None);
    }

    #[test]
    fn origin_is_scheme_and_lowercased_host() {
        assert_eq!(origin("https://News.Example.com:8443/a?b").as_deref(), Some("https://news.example.com:8443"));
        assert_eq!(origin("mailto:x@y"), None);
    }

    #[test]
    fn split_borrows_every_part_without_decoding() {
        let p = split("HTTPS://u:p@News.example:8443/a/b%20c?x=1&y#frag?no");
        assert_eq!(
            p,
            Parts { scheme: "HTTPS", authority: Some("u:p@News.example:8443"), path: "/a/b%20c", query: Some("x=1&y"), fragment: Some("frag?no") }
        );
        assert_eq!(split("page.json?q"), Parts { scheme: "", authority: None, path: "page.json", query: Some("q"), fragment: None });
        assert_eq!(split("mailto:a@b").path, "a@b");
    }

    #[test]
    fn host_drops_user_info_and_port() {
        assert_eq!(host("https://u:p@www.example.com:8080/x"), "www.example.com");
        assert_eq!(host("https://[::1]:8080/x"), "::1");
        assert_eq!(host("https://a.example?x#y"), "a.example");
        assert_eq!(host("mailto:a@b"), "");
    }

    #[test]
    fn param_reads_the_first_raw_value_of_a_key_only() {
        let u = "https://s/wp-json/wp/v2/posts?slug=a%20b&_embed&page=2&page=3#page=9";
        assert_eq!(param(u, "slug"), Some("a%20b"));
        assert_eq!(param(u, "_embed"), Some(""));
        assert_eq!(param(u, "page"), Some("2"));
        assert_eq!(param(u, "pag"), None);
        assert_eq!(param("https://s/p#slug=a", "slug"), None, "the fragment is not the query");
        assert_eq!(pairs("?a=1&&b").collect::<Vec<_>>(), [("a", "1"), ("b", "")]);
    }

    #[test]
    fn set_param_replaces_in_place_or_appends_and_keeps_the_rest_byte_for_byte() {
        assert_eq!(set_param("https://s/p", "page", "2"), "https://s/p?page=2");
        assert_eq!(set_param("https://s/p?", "page", "2"), "https://s/p?page=2");
        assert_eq!(set_param("https://s/p?a=%2F&page=1&b", "page", "2"), "https://s/p?a=%2F&page=2&b");
        assert_eq!(set_param("https://s/p?page=1&x&page=7", "page", "2"), "https://s/p?page=2&x");
        assert_eq!(set_param("https://s/p?pages=1#h", "page", "2"), "https://s/p?pages=1&page=2");
        assert_eq!(set_param("http://s/?rest_route=/wp/v2/posts", "page", "3"), "http://s/?rest_route=/wp/v2/posts&page=3");
    }

    #[test]
    fn tagged_sets_campaign_parameters_on_web_links_keeping_the_query_and_the_fragment() {
        let utm = [("utm_source", "daily%20sun".to_string()), ("utm_medium", "syndication".to_string())];
        assert_eq!(tagged("https://n.example/a/", &utm), "https://n.example/a/?utm_source=daily%20sun&utm_medium=syndication");
        assert_eq!(
            tagged("https://n.example/a/?p=1&utm_source=old#comments", &utm),
            "https://n.example/a/?p=1&utm_source=daily%20sun&utm_medium=syndication#comments",
            "an old value is replaced where it stood"
        );
        assert_eq!(tagged("mailto:desk@n.example", &utm), "mailto:desk@n.example");
        assert_eq!(tagged("https://n.example/a/#x", &[]), "https://n.example/a/#x");
    }
}
