//! Wire formats (pure). Each format has its own serde wire model and converts
//! into the one internal model in `crate::model`.
//!
//! Every field is read leniently: a wrong type in an optional field hides that
//! part, a wrong type or absence in a required field is a `FormatError` that
//! names the field, and unknown fields are ignored.

pub mod dateline;
pub mod detect;
pub mod jsonfeed;
pub mod wordpress;

pub use detect::{parse_document, parse_format_hint, Document, Format};

use serde::de::IgnoredAny;
use serde::Deserialize;
use std::fmt;

/// Largest document the widget accepts, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 2 * 1024 * 1024;

/// Why a document could not become a model. Field names are the wire names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// Not JSON at all (with the parser's position message).
    Syntax(String),
    /// JSON, but not an object at the top level.
    NotAnObject,
    TooLarge,
    Missing(&'static str),
    WrongType { field: &'static str, expected: &'static str },
    BadDate(&'static str),
    BadUrl(&'static str),
}

impl FormatError {
    /// The wire field this error is about, if any.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            FormatError::Missing(f) | FormatError::BadDate(f) | FormatError::BadUrl(f) => Some(f),
            FormatError::WrongType { field, .. } => Some(field),
            _ => None,
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::Syntax(m) => write!(f, "the document is not valid JSON ({m})"),
            FormatError::NotAnObject => f.write_str("the document is not a JSON object"),
            FormatError::TooLarge => write!(f, "the document is larger than {MAX_DOCUMENT_BYTES} bytes"),
            FormatError::Missing(field) => write!(f, "required field `{field}` is missing or empty"),
            FormatError::WrongType { field, expected } => write!(f, "field `{field}` should be {expected}"),
            FormatError::BadDate(field) => write!(f, "field `{field}` is not an RFC 3339 date-time"),
            FormatError::BadUrl(field) => write!(f, "field `{field}` is not an http(s) URL"),
        }
    }
}

/// A value that is either what we wanted or anything else (kept as "bad"
/// instead of failing the whole document).
#[derive(Deserialize, Debug)]
#[serde(untagged)]
pub(crate) enum L<T> {
    Ok(T),
    Bad(IgnoredAny),
}

impl<T> Default for L<T> {
    fn default() -> Self {
        L::Bad(IgnoredAny)
    }
}

/// `Option<L<T>>` as a plain option: absent and ill-typed both become `None`.
pub(crate) fn opt<T>(v: Option<L<T>>) -> Option<T> {
    match v {
        Some(L::Ok(t)) => Some(t),
        _ => None,
    }
}

/// An optional string, trimmed; empty counts as absent.
pub(crate) fn opt_text(v: Option<L<String>>) -> Option<String> {
    opt(v).map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// A required string, trimmed and non-empty.
pub(crate) fn req_text(v: Option<L<String>>, field: &'static str) -> Result<String, FormatError> {
    match v {
        None => Err(FormatError::Missing(field)),
        Some(L::Bad(_)) => Err(FormatError::WrongType { field, expected: "a string" }),
        Some(L::Ok(s)) => {
            let s = s.trim();
            if s.is_empty() {
                Err(FormatError::Missing(field))
            } else {
                Ok(s.to_string())
            }
        }
    }
}

/// A list whose elements are each lenient: bad elements are skipped.
pub(crate) fn opt_list<T>(v: Option<L<Vec<L<T>>>>) -> Vec<T> {
    opt(v).unwrap_or_default().into_iter().filter_map(|x| opt(Some(x))).collect()
}

/// Parse JSON text into a wire type, refusing non-objects and oversize input.
pub(crate) fn from_json<'a, T: Deserialize<'a>>(json: &'a str) -> Result<T, FormatError> {
    parse_json(json, false)
}

/// Like `from_json`, but a top-level array is accepted too: WordPress
/// answers a collection request (`/wp/v2/posts`, `?slug=`) with one.
pub(crate) fn from_json_or_array<'a, T: Deserialize<'a>>(json: &'a str) -> Result<T, FormatError> {
    parse_json(json, true)
}

fn parse_json<'a, T: Deserialize<'a>>(json: &'a str, arrays: bool) -> Result<T, FormatError> {
    if json.len() > MAX_DOCUMENT_BYTES {
        return Err(FormatError::TooLarge);
    }
    let body = json.trim_start_matches('\u{feff}');
    // Valid JSON of another shape is "not an object"; anything else falls
    // through to the parser for a syntax message.
    let refused = match first_byte(body) {
        Some(b'[') => !arrays,
        Some(b'"' | b't' | b'f' | b'n' | b'-' | b'0'..=b'9') => true,
        _ => false,
    };
    if refused && serde_json::from_str::<IgnoredAny>(body).is_ok() {
        return Err(FormatError::NotAnObject);
    }
    serde_json::from_str(body).map_err(|e| {
        if e.is_data() {
            // Only reachable for a top-level shape error; fields are lenient.
            FormatError::NotAnObject
        } else {
            FormatError::Syntax(e.to_string())
        }
    })
}

/// The first byte of a JSON document after any byte order mark and
/// whitespace: `{` or `[` tell an object from an array without parsing.
pub(crate) fn first_byte(json: &str) -> Option<u8> {
    json.trim_start_matches('\u{feff}').trim_start().as_bytes().first().copied()
}

/// Width and height are only kept as a pair, so the box they reserve has
/// the right aspect ratio; absurd values are dropped.
pub(crate) fn size_pair(w: Option<u32>, h: Option<u32>) -> (Option<u32>, Option<u32>) {
    match (w, h) {
        (Some(w), Some(h)) if (1..=20_000).contains(&w) && (1..=20_000).contains(&h) => (Some(w), Some(h)),
        _ => (None, None),
    }
}

/// Escape text so it can be carried as `Rich` HTML and rebuilt as text.
pub(crate) fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Default, Debug)]
    #[serde(default)]
    struct W {
        a: Option<L<String>>,
    }

    #[test]
    fn top_level_arrays_and_scalars_are_not_objects() {
        for doc in ["[]", "[1,2]", "\"x\"", "3", "null", "true"] {
            assert_eq!(from_json::<W>(doc).err(), Some(FormatError::NotAnObject), "{doc}");
        }
    }

    #[test]
    fn broken_json_is_a_syntax_error_with_position() {
        match from_json::<W>("{\"a\": ") {
            Err(FormatError::Syntax(m)) => assert!(m.contains("line 1"), "{m}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_byte_order_mark_is_tolerated() {
        let w: W = from_json("\u{feff}{\"a\":\"x\"}").unwrap();
        assert_eq!(opt_text(w.a).as_deref(), Some("x"));
    }

    #[test]
    fn wrong_types_are_kept_as_bad_not_fatal() {
        let w: W = from_json("{\"a\": {\"deep\": [1,2,3]}}").unwrap();
        assert!(matches!(w.a, Some(L::Bad(_))));
        assert_eq!(req_text(w.a, "a"), Err(FormatError::WrongType { field: "a", expected: "a string" }));
    }

    #[test]
    fn oversize_documents_are_refused_before_parsing() {
        let big = format!("{{\"a\":\"{}\"}}", "x".repeat(MAX_DOCUMENT_BYTES));
        assert_eq!(from_json::<W>(&big).err(), Some(FormatError::TooLarge));
    }
}
