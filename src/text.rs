//! Plain text out of the small HTML strings that APIs put in text fields
//! (pure). WordPress sends `title.rendered`, `excerpt.rendered`, term names
//! and captions as HTML: `Gullfoss &#8211; Iceland&#8217;s pride`,
//! `News &amp; Politics`, `<p>An excerpt [&hellip;]</p>`. These become text
//! here without an HTML parser: tags are removed, character references
//! decoded, whitespace collapsed. Bodies are not handled here; they go
//! through a real parser and `crate::blocks`.

/// Named references that CMSs actually emit. WordPress's `wptexturize` and
/// `esc_html` write numeric references for everything else, so a short
/// table is enough, and the full HTML table (2 000+ names) would cost more
/// in the wasm than the whole of this module. Unknown names stay as written.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("hellip", '…'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("middot", '·'),
    ("bull", '•'),
    ("times", '×'),
    ("divide", '÷'),
    ("plusmn", '±'),
    ("euro", '€'),
    ("pound", '£'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("sect", '§'),
    ("para", '¶'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("prime", '′'),
    ("Prime", '″'),
    ("shy", '\u{ad}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("lrm", '\u{200e}'),
    ("rlm", '\u{200f}'),
    ("iexcl", '¡'),
    ("iquest", '¿'),
];

/// Decode one character reference starting after the `&` in `s`. Returns
/// the character and how many bytes (after the `&`) it used.
fn reference(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    if b.first() == Some(&b'#') {
        let (hex, start) = match b.get(1) {
            Some(b'x' | b'X') => (true, 2),
            _ => (false, 1),
        };
        let mut end = start;
        let mut n: u32 = 0;
        while let Some(&c) = b.get(end) {
            let d = match (c as char).to_digit(if hex { 16 } else { 10 }) {
                Some(d) => d,
                None => break,
            };
            n = n.saturating_mul(if hex { 16 } else { 10 }).saturating_add(d);
            end += 1;
        }
        if end == start {
            return None;
        }
        let used = if b.get(end) == Some(&b';') { end + 1 } else { end };
        // As browsers do: NUL, surrogates and out-of-range become U+FFFD;
        // the C1 range is read as Windows-1252, which is what old posts mean.
        let c = match n {
            0x80..=0x9f => cp1252(n),
            _ => char::from_u32(n).filter(|c| *c != '\0').unwrap_or('\u{fffd}'),
        };
        return Some((c, used));
    }
    let end = b.iter().position(|c| !c.is_ascii_alphanumeric()).unwrap_or(b.len());
    if b.get(end) != Some(&b';') {
        return None;
    }
    let name = &s[..end];
    NAMED.iter().find(|(n, _)| *n == name).map(|(_, c)| (*c, end + 1))
}

/// The Windows-1252 characters that legacy content writes as `&#128;`–`&#159;`.
fn cp1252(n: u32) -> char {
    const TABLE: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’', '“',
        '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    TABLE.get((n - 0x80) as usize).copied().unwrap_or('\u{fffd}')
}

/// `s.trim().parse::<u64>().ok()`: ASCII digits after an optional `+`,
/// `None` past `u64::MAX`. Every number the widget reads from text
/// (`Retry-After`, `Content-Length`, `X-WP-TotalPages`, the `data-*`
/// attributes, image sizes, WordPress ids) goes through this one small
/// loop instead of core's parsers, one per integer type, in the wasm.
pub fn number(s: &str) -> Option<u64> {
    let s = s.trim();
    let d = s.strip_prefix('+').unwrap_or(s);
    if d.is_empty() {
        return None;
    }
    d.bytes().try_fold(0u64, |n, b| if b.is_ascii_digit() { n.checked_mul(10)?.checked_add((b - b'0') as u64) } else { None })
}

/// Decode the character references in `s` (text only, no tags).
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match reference(after) {
            Some((c, used)) => {
                out.push(c);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// True for the whitespace a reader cannot see, including the no-break and
/// zero-width spaces editors use as spacers.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}')
}

/// Collapse runs of whitespace into one space and trim the ends.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(is_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Does the tag starting at `tag` (just after `<`) have this (lower-case
/// ASCII) name? `</p>` and `<p class>` both name `p`.
fn tag_is(tag: &str, name: &str) -> bool {
    let t = tag.strip_prefix('/').unwrap_or(tag).as_bytes();
    t.len() >= name.len()
        && t[..name.len()].eq_ignore_ascii_case(name.as_bytes())
        && t.get(name.len()).is_none_or(|c| !c.is_ascii_alphanumeric())
}

/// Plain text of a short HTML string: tags removed (block tags and `<br>`
/// leave a space), `script`/`style` content and comments dropped, links
/// marked `more-link` (WordPress's "Continue reading" link) dropped with
/// their text, references decoded, whitespace collapsed.
pub fn html_to_text(html: &str) -> String {
    let mut raw = String::with_capacity(html.len());
    let mut rest = html;
    // While inside an element whose text we drop: its closing tag name.
    let mut skip_until: Option<&'static str> = None;
    while let Some(i) = rest.find('<') {
        if skip_until.is_none() {
            raw.push_str(&rest[..i]);
        }
        let after = &rest[i + 1..];
        let first = after.as_bytes().first().copied();
        if after.starts_with("!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        if !matches!(first, Some(c) if c.is_ascii_alphabetic() || c == b'/' || c == b'!' || c == b'?') {
            // A lone `<` in text, as browsers read it.
            if skip_until.is_none() {
                raw.push('<');
            }
            rest = after;
            continue;
        }
        let end = tag_end(after);
        let tag = &after[..end];
        rest = after.get(end + 1..).unwrap_or("");
        let closing = tag.starts_with('/');
        if let Some(name) = skip_until {
            if closing && tag_is(tag, name) {
                skip_until = None;
            }
            continue;
        }
        if !closing {
            for name in ["script", "style"] {
                if tag_is(tag, name) {
                    skip_until = Some(name);
                }
            }
            if tag_is(tag, "a") && has_class(tag, "more-link") {
                skip_until = Some("a");
            }
        }
        if ["p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "td", "th", "figcaption"]
            .iter()
            .any(|n| tag_is(tag, n))
        {
            raw.push(' ');
        }
    }
    if skip_until.is_none() {
        raw.push_str(rest);
    }
    collapse(&decode_entities(&raw))
}

/// Where a tag's `>` is, skipping `>` inside quoted attribute values.
fn tag_end(tag: &str) -> usize {
    let mut quote: Option<u8> = None;
    for (i, &c) in tag.as_bytes().iter().enumerate() {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, b'>') => return i,
            _ => {}
        }
    }
    tag.len()
}

/// A rough class test on a raw tag, enough for WordPress's own markup.
fn has_class(tag: &str, class: &str) -> bool {
    tag.find("class=").is_some_and(|i| {
        let v = &tag[i + 6..];
        let v = v.trim_start_matches(['"', '\'']);
        let v = &v[..v.find(['"', '\'']).unwrap_or(v.len())];
        v.split_ascii_whitespace().any(|c| c == class)
    })
}

/// Does `text` start with `prefix`, ASCII case-insensitively? Returns the rest.
pub fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.as_bytes().get(..prefix.len())?;
    // Comparing bytes is safe: `prefix` is ASCII, so a match ends on a
    // character boundary.
    head.eq_ignore_ascii_case(prefix.as_bytes()).then(|| &text[prefix.len()..])
}

/// An excerpt's tail that only says "there is more": WordPress's ` […]`
/// and "Continue reading" links, and the read-more phrases themes add.
/// Returns the excerpt without it, ending in `…` when something was cut.
pub fn trim_more_tail(text: &str) -> String {
    let mut t = text.trim_end();
    let mut cut = false;
    loop {
        let before = t;
        for tail in ["[…]", "[...]", "…", "...", "→", "»", "›"] {
            if let Some(s) = t.strip_suffix(tail) {
                t = s.trim_end();
                cut = true;
            }
        }
        // "Continue reading", "Continue reading “Title”", "Read more".
        for phrase in ["continue reading", "read more"] {
            if let Some(i) = rfind_ci(t, phrase) {
                let tail = &t[i + phrase.len()..];
                let whole_word = i == 0 || !t.as_bytes()[i - 1].is_ascii_alphanumeric();
                if whole_word && (phrase == "continue reading" && tail.chars().count() <= 120 || tail.trim().is_empty()) {
                    t = t[..i].trim_end();
                    cut = true;
                }
            }
        }
        if t == before {
            break;
        }
    }
    let t = t.trim_end();
    if cut && !t.is_empty() && !t.ends_with(['.', '!', '?', '…']) {
        let mut s = t.to_string();
        s.push('…');
        s
    } else {
        t.to_string()
    }
}

/// Last position of an ASCII `needle` in `hay`, ASCII case-insensitively.
fn rfind_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    (0..=h.len().checked_sub(n.len())?).rev().find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Cut `text` to at most `max` characters at a word boundary, adding `…`.
pub fn excerpt(text: &str, max: usize) -> String {
    let text = collapse(text);
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => &cut,
    };
    let mut s = cut.trim_end_matches(|c: char| c.is_ascii_punctuation() || c == ' ').to_string();
    s.push('…');
    s
}

/// One character's case fold: the lower-case letter of the cased scripts
/// news is written in (Latin with its Vietnamese and European extensions,
/// Greek, Cyrillic, Armenian), with final sigma folded to sigma. Other
/// characters (and scripts without case: Devanagari, Arabic, Bengali,
/// Tamil, CJK) are their own fold. A few arithmetic rules instead of
/// Unicode's case tables, which would cost the wasm about 7 KB; natively
/// and in the wasm the rule is the same.
pub fn fold_char(c: char) -> char {
    let n = c as u32;
    let pair = |first: u32, last: u32, upper_odd: bool| (first..=last).contains(&n) && (n % 2 == 1) == upper_odd;
    let f = match n {
        0x41..=0x5a | 0xc0..=0xd6 | 0xd8..=0xde | 0x391..=0x3a1 | 0x3a3..=0x3ab | 0x410..=0x42f => n + 0x20,
        0x400..=0x40f => n + 0x50,
        0x531..=0x556 => n + 0x30,
        0x130 => 'i' as u32,
        0x178 => 0xff,
        0x386 => 0x3ac,
        0x388..=0x38a => n + 0x25,
        0x38c => 0x3cc,
        0x38e | 0x38f => n + 0x3f,
        0x3c2 => 0x3c3,
        _ if pair(0x100, 0x12f, false) || pair(0x132, 0x137, false) || pair(0x14a, 0x177, false) => n + 1,
        _ if pair(0x139, 0x148, true) || pair(0x179, 0x17e, true) => n + 1,
        _ if pair(0x460, 0x481, false) || pair(0x48a, 0x4bf, false) || pair(0x4d0, 0x52f, false) => n + 1,
        _ if pair(0x1e00, 0x1e95, false) || pair(0x1ea0, 0x1eff, false) => n + 1,
        _ if pair(0x4c1, 0x4ce, true) => n + 1,
        _ => n,
    };
    char::from_u32(f).unwrap_or(c)
}

/// Do two names differ only in case (`fold_char`)? Tags and Also Read
/// titles are told apart with this one rule.
pub fn same_folded(a: &str, b: &str) -> bool {
    a.chars().map(fold_char).eq(b.chars().map(fold_char))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_reads_what_u64_parse_reads() {
        for v in ["0", "42", " 7 ", "+5", "18446744073709551615", "18446744073709551616", "", "+", "-1", "1.5", "2s", "++1", " ", "007"] {
            assert_eq!(number(v), v.trim().parse::<u64>().ok(), "{v:?}");
        }
    }

    #[test]
    fn wordpress_titles_decode_to_curly_punctuation() {
        assert_eq!(html_to_text("Iceland&#8217;s &#8220;pride&#8221; &#8211; Gullfoss"), "Iceland’s “pride” – Gullfoss");
        assert_eq!(html_to_text("News &amp; Politics"), "News & Politics");
        assert_eq!(html_to_text("A &lt;b&gt; tag &#x1F6E1;&#xFE0F;"), "A <b> tag 🛡️");
    }

    #[test]
    fn tags_go_and_block_tags_leave_a_space() {
        assert_eq!(html_to_text("<p>One<br/>two</p><p>three <em>four</em></p>\n"), "One two three four");
        // `<d` opens a tag, as in a browser; a lone `<` stays text.
        assert_eq!(html_to_text("a < b and c<d"), "a < b and c");
        assert_eq!(html_to_text("<img alt=\"x > y\" src=\"i.png\">text"), "text");
    }

    #[test]
    fn script_style_comments_and_more_links_lose_their_text() {
        assert_eq!(html_to_text("a<script>alert('<p>')</script>b<style>p{}</style>c<!-- x -->d"), "abcd");
        assert_eq!(
            html_to_text(
                "<p>Text&#8230; <a href=\"/p/\" class=\"more-link\">Continue reading<span class=\"screen-reader-text\"> &#8220;T&#8221;</span></a></p>"
            ),
            "Text…"
        );
    }

    #[test]
    fn unknown_and_broken_references_stay_as_written() {
        assert_eq!(decode_entities("&bogus; &amp &#; &#xZZ; AT&T"), "&bogus; &amp &#; &#xZZ; AT&T");
        assert_eq!(decode_entities("&#0;&#xD800;&#99999999999;"), "\u{fffd}\u{fffd}\u{fffd}");
        assert_eq!(decode_entities("&#150;&#8230"), "–…");
    }

    #[test]
    fn more_tails_are_trimmed_and_marked_with_an_ellipsis() {
        assert_eq!(trim_more_tail(&html_to_text("<p>Gullfoss is a waterfall [&hellip;]</p>\n")), "Gullfoss is a waterfall…");
        assert_eq!(trim_more_tail("Gullfoss is a waterfall […]"), "Gullfoss is a waterfall…");
        assert_eq!(trim_more_tail("It rains. Continue reading “Weather” →"), "It rains.");
        assert_eq!(trim_more_tail("Short and done. Read More »"), "Short and done.");
        assert_eq!(trim_more_tail("Read more about it below"), "Read more about it below");
        assert_eq!(trim_more_tail("Nothing to trim."), "Nothing to trim.");
    }

    #[test]
    fn whitespace_includes_nbsp_and_zero_width_spacers() {
        assert_eq!(collapse(" \u{a0}a \n\t b\u{200b} "), "a b");
    }

    #[test]
    fn excerpts_cut_at_a_word_and_end_in_an_ellipsis() {
        assert_eq!(excerpt("  short   text ", 20), "short text");
        assert_eq!(excerpt("The delegation will visit five capitals, starting Monday.", 30), "The delegation will visit…");
        assert_eq!(excerpt("Averyveryverylongwordwithoutspaces", 10), "Averyveryv…");
    }

    #[test]
    fn case_folding_matches_unicode_lowercase_on_the_cased_scripts_news_uses() {
        for (a, b) in [("Économie", "ÉCONOMIE"), ("ΟΔΟΣ", "οδος"), ("Ёлка", "ёЛКА"), ("Łódź", "ŁÓDŹ"), ("Ảnh Đẹp", "ảnh đẹp"), ("Ά Ώ", "ά ώ"), ("Ÿ", "ÿ")] {
            assert!(same_folded(a, b), "{a} ~ {b}");
            assert_eq!(a.chars().map(fold_char).collect::<String>(), a.to_lowercase().replace('ς', "σ"), "{a}");
        }
        for (a, b) in [("straße", "STRASSE"), ("Pakistan", "Pakistani"), ("পাকিস্তান", "পাকিস্তান "), ("×", "÷")] {
            assert!(!same_folded(a, b), "{a} !~ {b}");
        }
        assert!(same_folded("पाकिस्तान", "पाकिस्तान"));
    }
}
