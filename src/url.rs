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

/// The lower-cased scheme of an absolute URL, if it has a valid one.
pub fn scheme_of(url: &str) -> Option<String> {
    let colon = url.find(':')?;
    let scheme = &url[..colon];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    if !chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
        return None;
    }
    Some(scheme.to_ascii_lowercase())
}

struct Parts<'a> {
    scheme: String,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

fn split(url: &str) -> Parts<'_> {
    let (scheme, rest) = match scheme_of(url) {
        Some(s) => {
            let n = s.len() + 1;
            (s, &url[n..])
        }
        None => (String::new(), url),
    };
    let (rest, fragment) = match rest.find('#') {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let (rest, query) = match rest.find('?') {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
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
        return Some(compose(&p.scheme, p.authority, &remove_dot_segments(p.path), p.query, p.fragment));
    }
    let base = clean(base);
    let b = split(&base);
    if b.scheme.is_empty() {
        return None;
    }
    if is_special(&b.scheme) {
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
    let path = if authority.is_some() && path.is_empty() && is_special(&b.scheme) {
        "/".to_string()
    } else {
        path
    };
    Some(compose(&b.scheme, authority, &path, query, p.fragment))
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
    Some(format!("{}://{}", p.scheme, a.to_ascii_lowercase()))
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
}
