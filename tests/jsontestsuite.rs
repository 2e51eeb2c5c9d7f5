//! Every parsing case of JSONTestSuite (tests/fixtures/jsontestsuite), fed to
//! the public entry points: `y_` files must parse, `n_` files must be
//! rejected, `i_` files (either answer allowed) must not panic and give the
//! outcome pinned below.
//!
//! The entry points take `&str` (in the browser the text arrives as a JS
//! string), so a file that is not UTF-8 counts as rejected at that boundary.
#![cfg(not(target_arch = "wasm32"))]

use dateline::formats::dateline::parse_article;
use dateline::formats::json::{self, ParseError, MAX_DEPTH};
use dateline::formats::jsonfeed::parse_listing;
use dateline::formats::FormatError;

const DOC: &str = "https://news.example.com/api/articles/article.json";

/// No test document here carries HTML that matters.
fn no_html(_: &str) -> Vec<dateline::sanitize::Raw> {
    Vec::new()
}

#[derive(Debug, PartialEq)]
enum Outcome {
    /// Not UTF-8: refused before parsing.
    NotUtf8,
    /// Not JSON: `FormatError::Syntax`.
    Rejected,
    /// JSON: the format checks ran (and, for these files, found no article).
    Parsed,
}

/// Run one file through the article and the feed entry points.
fn outcome(name: &str) -> Outcome {
    let path = format!("{}/tests/fixtures/jsontestsuite/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(path).unwrap();
    let Ok(text) = std::str::from_utf8(&bytes) else { return Outcome::NotUtf8 };
    let article = parse_article(text, DOC, &mut no_html);
    let listing = parse_listing(text, DOC, &mut |_| Vec::new());
    assert!(article.is_err() && listing.is_err(), "{name}: no suite file is an article or a feed");
    let article_syntax = matches!(article, Err(FormatError::Syntax(_)));
    assert_eq!(article_syntax, matches!(listing, Err(FormatError::Syntax(_))), "{name}");
    // The parser alone agrees, apart from the byte order mark that only the
    // entry points strip.
    let bare = text.strip_prefix('\u{feff}').unwrap_or(text);
    assert_eq!(article_syntax, json::parse(bare).is_err(), "{name}");
    if article_syntax {
        Outcome::Rejected
    } else {
        Outcome::Parsed
    }
}

fn files(prefix: &str) -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/jsontestsuite");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(prefix) && n.ends_with(".json"))
        .collect();
    names.sort();
    names
}

#[test]
fn the_whole_suite_is_present() {
    assert_eq!((files("y_").len(), files("n_").len(), files("i_").len()), (95, 188, 35));
}

#[test]
fn every_y_file_parses() {
    for name in files("y_") {
        assert_eq!(outcome(&name), Outcome::Parsed, "{name}");
    }
}

#[test]
fn every_n_file_is_rejected() {
    for name in files("n_") {
        assert_ne!(outcome(&name), Outcome::Parsed, "{name}");
    }
}

/// What the `i_` files do. Big or overflowing numbers parse (as valueless
/// floats); lone or inverted surrogate escapes parse (as U+FFFD); a byte
/// order mark is stripped; 500 nested arrays exceed `MAX_DEPTH`.
const I_PARSED: &[&str] = &[
    "i_number_double_huge_neg_exp.json",
    "i_number_huge_exp.json",
    "i_number_neg_int_huge_exp.json",
    "i_number_pos_double_huge_exp.json",
    "i_number_real_neg_overflow.json",
    "i_number_real_pos_overflow.json",
    "i_number_real_underflow.json",
    "i_number_too_big_neg_int.json",
    "i_number_too_big_pos_int.json",
    "i_number_very_big_negative_int.json",
    "i_object_key_lone_2nd_surrogate.json",
    "i_string_1st_surrogate_but_2nd_missing.json",
    "i_string_1st_valid_surrogate_2nd_invalid.json",
    "i_string_incomplete_surrogate_and_escape_valid.json",
    "i_string_incomplete_surrogate_pair.json",
    "i_string_incomplete_surrogates_escape_valid.json",
    "i_string_invalid_lonely_surrogate.json",
    "i_string_invalid_surrogate.json",
    "i_string_inverted_surrogates_U+1D11E.json",
    "i_string_lone_second_surrogate.json",
    "i_structure_UTF-8_BOM_empty_object.json",
];
const I_REJECTED: &[&str] = &["i_structure_500_nested_arrays.json"];
// Everything else: UTF-16, Latin-1, overlong, truncated or surrogate UTF-8.

#[test]
fn every_i_file_gives_its_pinned_outcome() {
    for name in files("i_") {
        let expected = if I_PARSED.contains(&name.as_str()) {
            Outcome::Parsed
        } else if I_REJECTED.contains(&name.as_str()) {
            Outcome::Rejected
        } else {
            Outcome::NotUtf8
        };
        assert_eq!(outcome(&name), expected, "{name}");
    }
}

#[test]
fn a_hundred_thousand_opening_brackets_are_an_error_not_a_stack_overflow() {
    // On a small stack, to show the depth bound (not a big stack) is what helps.
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            let deep = "[".repeat(100_000);
            assert_eq!(json::parse(&deep), Err(ParseError { what: "nesting too deep", at: MAX_DEPTH }));
            assert!(matches!(parse_article(&deep, DOC, &mut no_html), Err(FormatError::Syntax(m)) if m == "nesting too deep at byte 128"));
            let deep = format!("{{\"_dateline\":{}", "{\"a\":".repeat(100_000));
            assert!(matches!(parse_article(&deep, DOC, &mut no_html), Err(FormatError::Syntax(_))));
            // Exactly MAX_DEPTH deep is still JSON; the unknown field is ignored.
            let deepest = format!("{{\"x\":{}{}}}", "[".repeat(MAX_DEPTH - 1), "]".repeat(MAX_DEPTH - 1));
            assert_eq!(parse_article(&deepest, DOC, &mut no_html), Err(FormatError::Missing("id")));
        })
        .unwrap()
        .join()
        .unwrap();
}
