//! Format detection and every format mapping (Dateline, JSON Feed,
//! WordPress post and collection, RSS and Atom), through
//! `formats::parse_document` (with the pre-parse pass and html5ever for
//! HTML, roxmltree for XML), and through `formats::Steps`, the reading in
//! steps the widget does, which must make the same document. The first
//! byte picks a forced format (or none), so each mapping is reached on
//! every shape.
#![no_main]
use dateline::formats::{parse_document, Format, Steps};
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
    let url = "https://news.example/api/a.json";
    let doc = parse_document(&text, url, forced, &mut |h: &str| raw_body(h), &mut |x: &str| raw_xml(x));
    let mut steps = Steps::new(&text, url, forced, &mut |x: &str| raw_xml(x));
    while steps.step(&mut |h: &str| raw_body(h)) {}
    assert_eq!(steps.finish(&mut |h: &str| raw_body(h)), doc);
    if let Ok(Doc::Article(a)) = doc {
        assert!(a.title.chars().count() <= MAX_TITLE_CHARS + 1);
        assert!(a.body.len() <= MAX_BLOCKS && a.tags.len() <= MAX_TAGS);
    }
});
