//! Format detection and every format mapping (Dateline, JSON Feed,
//! WordPress post and collection, RSS and Atom), through the one entry the
//! widget uses (`formats::parse_document`, with the pre-parse pass and
//! html5ever for HTML, roxmltree for XML). The first byte picks a forced
//! format (or none), so each mapping is reached on every shape.
#![no_main]
use dateline::formats::{parse_document, Format};
use dateline::limits::{MAX_BLOCKS, MAX_TAGS, MAX_TITLE_CHARS};
use dateline::model::Doc;
use dateline_fuzz::{raw_body, raw_xml};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let forced = match pick % 7 {
        0 => Some(Format::Dateline),
        1 => Some(Format::JsonFeed),
        2 => Some(Format::WordPress),
        3 => Some(Format::Rss),
        4 => Some(Format::Atom),
        _ => None,
    };
    let doc = parse_document(&text, "https://news.example/api/a.json", forced, &mut |h: &str| raw_body(h), &mut |x: &str| raw_xml(x));
    if let Ok(Doc::Article(a)) = doc {
        assert!(a.title.chars().count() <= MAX_TITLE_CHARS + 1);
        assert!(a.body.len() <= MAX_BLOCKS && a.tags.len() <= MAX_TAGS);
    }
});
