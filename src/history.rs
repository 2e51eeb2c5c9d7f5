//! The history parameter (pure): where each widget's in-place view lives in
//! the host page's URL, without owning that URL.
//!
//! Each widget that navigated has one `dl` query parameter,
//! `dl=<id>:<where>`: `id` is the element's `id` (or its index on the page),
//! `where` is the document it shows. Both halves are percent-encoded, so an
//! `id` may contain `:`. Every other part of the query string is kept byte
//! for byte and in order; the path and the hash are never touched (callers
//! pass only `location.search`).
//!
//! `where` is compact when it can be: a document on the same origin as the
//! widget's own `data-src` is written as its path and query. A URL in the
//! address bar is attacker-controlled, so `expand` only ever accepts
//! documents on that origin: a crafted link cannot make a publisher's widget
//! show somebody else's story.

use crate::url::{checked, origin, raw_pairs as pairs, Use};

/// The query parameter name.
pub const PARAM: &str = "dl";

/// Longest `dl` value we read; longer ones are ignored.
pub const MAX_VALUE: usize = 2048;

fn hex(b: u8) -> u8 {
    b"0123456789ABCDEF"[(b & 15) as usize]
}

/// Percent-encode for a query value. Unreserved characters stay, and so do
/// `/`, `@` and `,` (legal in a query and easier to read); `keep_colon`
/// keeps `:` too (not for ids, where it is the separator).
pub fn encode(s: &str, keep_colon: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        let keep = b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/' | b'@' | b',') || (keep_colon && b == b':');
        if keep {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(hex(b >> 4) as char);
            out.push(hex(b) as char);
        }
    }
    out
}

/// Percent-decode a query value (`+` is a space, as in forms). `None` for a
/// broken escape or bytes that are not UTF-8.
pub fn decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                let h = |c: u8| (c as char).to_digit(16);
                let hi = h(*b.get(i + 1)?)?;
                let lo = h(*b.get(i + 2)?)?;
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}


/// The widget id and raw location of one `dl` pair, if it is one.
fn entry(pair: &str) -> Option<(String, &str)> {
    let value = pair.strip_prefix(PARAM)?.strip_prefix('=')?;
    let (id, at) = value.split_once(':')?;
    Some((decode(id)?, at))
}

/// Widget `id`'s decoded location in `search` (`location.search`), if any.
/// With several, the last wins, as after repeated edits by hand.
pub fn read(search: &str, id: &str) -> Option<String> {
    pairs(search)
        .filter_map(entry)
        .filter(|(i, _)| i == id)
        .last()
        .and_then(|(_, at)| (at.len() <= MAX_VALUE).then(|| decode(at)).flatten())
        .filter(|v| !v.is_empty())
}

/// `search` with widget `id`'s location set to `value`, or removed when
/// `None`. Everything else stays as it was; the pair keeps its position when
/// it already existed and is appended otherwise. Returns `""` or `"?…"`.
pub fn write(search: &str, id: &str, value: Option<&str>) -> String {
    let new_pair = value.map(|v| format!("{PARAM}={}:{}", encode(id, false), encode(v, true)));
    let mut out: Vec<String> = Vec::new();
    let mut placed = false;
    for p in pairs(search) {
        if entry(p).is_some_and(|(i, _)| i == id) {
            if !placed {
                out.extend(new_pair.clone());
                placed = true;
            }
        } else {
            out.push(p.to_string());
        }
    }
    if !placed {
        out.extend(new_pair);
    }
    if out.is_empty() {
        String::new()
    } else {
        format!("?{}", out.join("&"))
    }
}

/// What to write for `src`: its path and query when it is on `home`'s origin,
/// else the whole URL.
pub fn compact(src: &str, home: &str) -> String {
    match (origin(src), origin(home)) {
        (Some(a), Some(b)) if a == b => src[a.len()..].to_string(),
        _ => src.to_string(),
    }
}

/// The document a `dl` value names, resolved against `home` (the widget's
/// `data-src`) and accepted only on `home`'s origin.
pub fn expand(value: &str, home: &str) -> Option<String> {
    let v = value.trim();
    // A scheme-relative or backslash form could name another host.
    if v.starts_with("//") || v.contains('\\') {
        return None;
    }
    let url = checked(home, v, Use::Document)?;
    in_place(&url, home).then_some(url)
}

/// Whether the document `src` (absolute, from a card, a tag, a rail item
/// or a deep link) may open inside the widget whose own `data-src` is
/// `home`: only on `home`'s origin (scheme, host and port). The same rule
/// as for deep links, so whatever a click puts in the `dl` parameter a
/// reload accepts. Anything else is an ordinary link in a new tab.
pub fn in_place(src: &str, home: &str) -> bool {
    matches!((origin(src), origin(home)), (Some(a), Some(b)) if a == b)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOME: &str = "https://news.example/api/articles/main.json";

    #[test]
    fn encode_then_decode_round_trips_any_text() {
        for s in ["/api/a.json?x=1&y=2#h", "ünï cödé ✓ 🇮🇳", "a:b%c+d e", "", "%%", "&=?#"] {
            assert_eq!(decode(&encode(s, true)).as_deref(), Some(s), "{s:?}");
            assert_eq!(decode(&encode(s, false)).as_deref(), Some(s), "{s:?}");
        }
        assert!(!encode("a:b", false).contains(':'), "ids never carry the separator raw");
        assert_eq!(encode("/a/b.json?x=1&y", true), "/a/b.json%3Fx%3D1%26y");
    }

    #[test]
    fn broken_escapes_and_non_utf8_do_not_decode() {
        assert_eq!(decode("%"), None);
        assert_eq!(decode("%4"), None);
        assert_eq!(decode("%zz"), None);
        assert_eq!(decode("%FF%FE"), None);
        assert_eq!(decode("a+b").as_deref(), Some("a b"));
    }

    #[test]
    fn writing_then_reading_round_trips_for_every_widget() {
        let s = write("", "main", Some("/api/articles/b.json"));
        assert_eq!(s, "?dl=main:/api/articles/b.json");
        assert_eq!(read(&s, "main").as_deref(), Some("/api/articles/b.json"));
        let s = write(&s, "side:1", Some("https://other.example/x.json?page=2&a=b"));
        assert_eq!(read(&s, "side:1").as_deref(), Some("https://other.example/x.json?page=2&a=b"));
        assert_eq!(read(&s, "main").as_deref(), Some("/api/articles/b.json"), "the other widget's entry is untouched");
        assert_eq!(read(&s, "side"), None);
    }

    #[test]
    fn the_host_query_is_kept_byte_for_byte_and_in_order() {
        let host = "?utm_source=x%20y&q=caf%C3%A9&flag&dlx=1&a=dl:main:zzz";
        let s = write(host, "main", Some("/b.json"));
        assert_eq!(s, format!("{host}&dl=main:/b.json"));
        // Replacing keeps the pair where it was.
        let s2 = write(&s.replace("&dl=main:/b.json", "&dl=main:/a.json&z=9"), "main", Some("/c.json"));
        assert_eq!(s2, format!("{host}&dl=main:/c.json&z=9"));
        // Removing leaves exactly the host's query.
        assert_eq!(write(&s, "main", None), host);
        assert_eq!(write("?dl=main:/b.json", "main", None), "");
        assert_eq!(read(host, "main"), None, "`dlx` and values containing `dl:` are not ours");
    }

    #[test]
    fn duplicate_entries_collapse_to_one_and_the_last_is_read() {
        let s = "?dl=main:/a.json&x=1&dl=main:/b.json";
        assert_eq!(read(s, "main").as_deref(), Some("/b.json"));
        assert_eq!(write(s, "main", Some("/c.json")), "?dl=main:/c.json&x=1");
    }

    #[test]
    fn hostile_values_are_ignored() {
        for s in ["?dl=main", "?dl=main:", "?dl=:x", "?dl=main:%", "?dl=main:%FF", "?dl", "?dl=", "?=main:/x"] {
            assert_eq!(read(s, "main"), None, "{s:?}");
        }
        let long = format!("?dl=main:/{}", "a".repeat(MAX_VALUE + 1));
        assert_eq!(read(&long, "main"), None);
    }

    #[test]
    fn compact_uses_the_path_on_the_home_origin_only() {
        assert_eq!(compact("https://news.example/api/articles/b.json?x=1", HOME), "/api/articles/b.json?x=1");
        assert_eq!(compact("https://other.example/b.json", HOME), "https://other.example/b.json");
        assert_eq!(compact("http://news.example/b.json", HOME), "http://news.example/b.json", "scheme is part of the origin");
    }

    #[test]
    fn expand_accepts_only_documents_on_the_home_origin() {
        assert_eq!(expand("/api/articles/b.json", HOME).as_deref(), Some("https://news.example/api/articles/b.json"));
        assert_eq!(expand("b.json", HOME).as_deref(), Some("https://news.example/api/articles/b.json"));
        assert_eq!(expand("https://news.example/x.json", HOME).as_deref(), Some("https://news.example/x.json"));
        for hostile in [
            "https://evil.example/fake.json",
            "//evil.example/fake.json",
            "/\\evil.example/fake.json",
            "javascript:alert(1)",
            "data:application/json,{}",
            "http://news.example/api/x.json",
            "https://news.example@evil.example/x.json",
        ] {
            assert_eq!(expand(hostile, HOME), None, "{hostile:?}");
        }
    }

    #[test]
    fn only_documents_on_the_home_origin_open_in_place() {
        assert!(in_place("https://news.example/api/articles/b.json", HOME));
        assert!(in_place("https://news.example/feeds/news.rss#item=3", HOME));
        for foreign in [
            "https://evil.example/fake.json",
            "http://news.example/api/b.json",
            "https://news.example:8443/api/b.json",
            "https://news.example@evil.example/x.json",
            "https://news.example.evil.example/x.json",
            "javascript:alert(1)",
            "",
        ] {
            assert!(!in_place(foreign, HOME), "{foreign:?}");
        }
    }

    #[test]
    fn compact_then_expand_round_trips_same_origin_documents() {
        for src in ["https://news.example/api/articles/b.json", "https://news.example/wp-json/wp/v2/posts?tags=5&_embed&per_page=10"] {
            assert_eq!(expand(&compact(src, HOME), HOME).as_deref(), Some(src));
            let search = write("?q=1", "0", Some(&compact(src, HOME)));
            assert_eq!(read(&search, "0").and_then(|v| expand(&v, HOME)).as_deref(), Some(src));
        }
    }
}
