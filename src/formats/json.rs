//! A small, strict JSON parser (RFC 8259) and a serde `Deserializer` over the
//! values it builds. It replaces serde_json in the wasm: the widget only needs
//! strings, integers, booleans, arrays and objects, and serde_json's number
//! and error-message code is a large part of the binary.
//!
//! Parsing:
//! - The whole grammar is checked; trailing characters are an error. A byte
//!   order mark is not JSON: `from_json` strips one before calling `parse`.
//! - Numbers: an integer that fits `i64` is kept; any other number (fraction,
//!   exponent, or out of range) becomes `Json::Float` without its value, so no
//!   float parsing or printing code is linked.
//! - `\uXXXX` surrogate pairs become one character; a lone surrogate (which a
//!   Rust string cannot hold) becomes U+FFFD, as the browser's own UTF-16 to
//!   UTF-8 conversion would make it.
//! - Arrays and objects nest at most `MAX_DEPTH` deep, so hostile input gets
//!   an error instead of a stack overflow.
//! - Object members stay in document order, duplicates included; what a
//!   repeated key means is decided when deserializing (see `Map`).
//!
//! Deserializing (`&Json` is a `serde::Deserializer`) is lenient where serde
//! derive asks for values: a map value that does not fit its field is read as
//! `null` instead (so an ill-typed `Option<T>` field is `None`), and a list
//! element that does not fit is skipped. Errors carry no message: the caller
//! knows which field it was reading.

use crate::limits::MAX_ARRAY_ITEMS;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, Deserialize, DeserializeSeed, Visitor};
use std::fmt;

/// Deepest nesting of arrays and objects accepted (as serde_json's default).
pub use crate::limits::MAX_JSON_DEPTH as MAX_DEPTH;

/// A parsed JSON value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json {
    Null,
    Bool(bool),
    Int(i64),
    /// A number with a fraction or exponent, or an integer outside `i64`.
    /// Its value is not kept: no wire field is a float.
    Float,
    Str(String),
    Arr(Vec<Json>),
    /// Members in document order; a repeated key appears twice.
    Obj(Vec<(String, Json)>),
}

/// Why the text is not JSON, and the byte offset where that was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub what: &'static str,
    pub at: usize,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.what, self.at)
    }
}

/// Parse one JSON text (with optional surrounding whitespace).
pub fn parse(text: &str) -> Result<Json, ParseError> {
    let mut p = Parser { s: text, i: 0, depth: 0 };
    let value = p.value()?;
    p.ws();
    if p.i < text.len() {
        return Err(p.fail());
    }
    Ok(value)
}

struct Parser<'a> {
    s: &'a str,
    /// Byte offset of the next unread byte; never past the end.
    i: usize,
    depth: usize,
}

impl Parser<'_> {
    fn rest(&self) -> &[u8] {
        self.s.as_bytes().get(self.i..).unwrap_or_default()
    }

    fn peek(&self) -> Option<u8> {
        self.rest().first().copied()
    }

    fn fail(&self) -> ParseError {
        let what = if self.i < self.s.len() { "unexpected character" } else { "unexpected end of input" };
        ParseError { what, at: self.i }
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        let hit = self.peek() == Some(c);
        self.i += usize::from(hit);
        hit
    }

    fn expect(&mut self, c: u8) -> Result<(), ParseError> {
        if self.eat(c) {
            Ok(())
        } else {
            Err(self.fail())
        }
    }

    fn value(&mut self) -> Result<Json, ParseError> {
        self.ws();
        match self.peek() {
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => self.string().map(Json::Str),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'n') => self.word("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.fail()),
        }
    }

    fn word(&mut self, word: &str, value: Json) -> Result<Json, ParseError> {
        if !self.rest().starts_with(word.as_bytes()) {
            return Err(self.fail());
        }
        self.i += word.len();
        Ok(value)
    }

    /// Step over an opening bracket, counting the depth.
    fn enter(&mut self) -> Result<(), ParseError> {
        if self.depth == MAX_DEPTH {
            return Err(ParseError { what: "nesting too deep", at: self.i });
        }
        self.depth += 1;
        self.i += 1;
        self.ws();
        Ok(())
    }

    fn array(&mut self) -> Result<Json, ParseError> {
        self.enter()?;
        let mut items = Vec::new();
        if !self.eat(b']') {
            loop {
                items.push(self.value()?);
                self.ws();
                if self.eat(b']') {
                    break;
                }
                self.expect(b',')?;
            }
        }
        self.depth -= 1;
        Ok(Json::Arr(items))
    }

    fn object(&mut self) -> Result<Json, ParseError> {
        self.enter()?;
        let mut members = Vec::new();
        if !self.eat(b'}') {
            loop {
                self.ws();
                if self.peek() != Some(b'"') {
                    return Err(self.fail());
                }
                let key = self.string()?;
                self.ws();
                self.expect(b':')?;
                members.push((key, self.value()?));
                self.ws();
                if self.eat(b'}') {
                    break;
                }
                self.expect(b',')?;
            }
        }
        self.depth -= 1;
        Ok(Json::Obj(members))
    }

    fn number(&mut self) -> Result<Json, ParseError> {
        let negative = self.eat(b'-');
        // Accumulated as a negative number so that i64::MIN fits; `None`
        // once it overflows.
        let mut n = Some(0i64);
        match self.peek() {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                while let Some(d @ b'0'..=b'9') = self.peek() {
                    n = n.and_then(|n| n.checked_mul(10)?.checked_sub(i64::from(d - b'0')));
                    self.i += 1;
                }
            }
            _ => return Err(self.fail()),
        }
        let mut integer = true;
        if self.eat(b'.') {
            self.digits()?;
            integer = false;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            self.digits()?;
            integer = false;
        }
        let n = if negative { n } else { n.and_then(i64::checked_neg) };
        Ok(match n {
            Some(n) if integer => Json::Int(n),
            _ => Json::Float,
        })
    }

    /// One or more decimal digits.
    fn digits(&mut self) -> Result<(), ParseError> {
        let start = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        if self.i == start {
            Err(self.fail())
        } else {
            Ok(())
        }
    }

    /// A string, from its opening quote.
    fn string(&mut self) -> Result<String, ParseError> {
        self.i += 1;
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control
            // character. Those are ASCII, so the run ends on a char boundary.
            let start = self.i;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.i += 1;
            }
            out.push_str(self.s.get(start..self.i).unwrap_or_default());
            match self.peek() {
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    self.escape(&mut out)?;
                }
                // An unescaped control character, or the end of the text.
                _ => return Err(self.fail()),
            }
        }
    }

    /// An escape, after its backslash.
    fn escape(&mut self, out: &mut String) -> Result<(), ParseError> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.i += 1;
                let mut c = self.hex4()?;
                if (0xD800..0xDC00).contains(&c) && self.rest().starts_with(b"\\u") {
                    // A high surrogate: combine it with a following low one;
                    // anything else after it is read as its own escape.
                    let back = self.i;
                    self.i += 2;
                    let low = self.hex4()?;
                    if (0xDC00..0xE000).contains(&low) {
                        c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                    } else {
                        self.i = back;
                    }
                }
                out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                return Ok(());
            }
            _ => return Err(self.fail()),
        };
        self.i += 1;
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let mut n = 0;
        for _ in 0..4 {
            let digit = self.peek().and_then(|b| char::from(b).to_digit(16)).ok_or_else(|| self.fail())?;
            n = n * 16 + digit;
            self.i += 1;
        }
        Ok(n)
    }
}

/// The deserializer's only error. It carries nothing: the caller knows which
/// field it was reading. `custom` drops its message unformatted, so serde's
/// error texts (and the float printing they could reach) stay out of the wasm.
#[derive(Debug)]
pub struct Mismatch;

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JSON of an unexpected shape")
    }
}

impl std::error::Error for Mismatch {}

impl de::Error for Mismatch {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Mismatch
    }
}

/// Read in place of a value that is absent or did not fit.
static NULL: Json = Json::Null;

impl<'de> de::Deserializer<'de> for &'de Json {
    type Error = Mismatch;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Mismatch> {
        match self {
            Json::Null => v.visit_unit(),
            Json::Bool(b) => v.visit_bool(*b),
            Json::Int(n) => v.visit_i64(*n),
            Json::Float => Err(Mismatch),
            Json::Str(s) => v.visit_borrowed_str(s),
            Json::Arr(items) => v.visit_seq(Seq(items[..items.len().min(MAX_ARRAY_ITEMS)].iter())),
            Json::Obj(members) => v.visit_map(Map { members: members.iter(), value: &NULL }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Mismatch> {
        match self {
            Json::Null => v.visit_none(),
            _ => v.visit_some(self),
        }
    }

    // The shapes below accept only their own kind of value, so a visitor's
    // other entry points (a struct read from an array, say) are never
    // reached and never linked.

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Mismatch> {
        match self {
            Json::Obj(members) => v.visit_map(Map { members: members.iter(), value: &NULL }),
            _ => Err(Mismatch),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Mismatch> {
        match self {
            Json::Arr(items) => v.visit_seq(Seq(items[..items.len().min(MAX_ARRAY_ITEMS)].iter())),
            _ => Err(Mismatch),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Mismatch> {
        match self {
            Json::Str(s) => v.visit_borrowed_str(s),
            _ => Err(Mismatch),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Mismatch> {
        self.deserialize_str(v)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Mismatch> {
        match self {
            Json::Bool(b) => v.visit_bool(*b),
            _ => Err(Mismatch),
        }
    }

    /// Unknown fields: nothing to walk, nothing to check.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Mismatch> {
        v.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, v: V) -> Result<V::Value, Mismatch> {
        v.visit_newtype_struct(self)
    }

    /// Enums with unit variants, named by a string.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Mismatch> {
        match self {
            Json::Str(s) => v.visit_enum(BorrowedStrDeserializer::new(s)),
            _ => Err(Mismatch),
        }
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf
        unit unit_struct tuple tuple_struct map identifier
    }
}

/// An array's elements.
/// The elements of an array as a wire model reads them: at most
/// `MAX_ARRAY_ITEMS` (every list the widget keeps is shorter), so 50,000
/// blocks cost the parse but not 50,000 conversions.
struct Seq<'de>(std::slice::Iter<'de, Json>);

impl<'de> de::SeqAccess<'de> for Seq<'de> {
    type Error = Mismatch;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Mismatch> {
        self.0.next().map(|v| seed.deserialize(v)).transpose()
    }

    /// Lenient: an element that does not fit is skipped. (`Vec<T>` reads its
    /// elements through this method.)
    fn next_element<T: Deserialize<'de>>(&mut self) -> Result<Option<T>, Mismatch> {
        Ok(self.0.by_ref().find_map(|v| T::deserialize(v).ok()))
    }
}

/// An object's members, in document order.
///
/// A repeated key is passed on as found. For a struct derived with serde, a
/// repeated key that is one of its fields is a `duplicate_field` error, so
/// that object is unreadable (an optional one reads as absent); repeated
/// unknown keys are ignored like any unknown key.
struct Map<'de> {
    members: std::slice::Iter<'de, (String, Json)>,
    /// The value of the key last handed out.
    value: &'de Json,
}

impl<'de> de::MapAccess<'de> for Map<'de> {
    type Error = Mismatch;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Mismatch> {
        let Some((key, value)) = self.members.next() else { return Ok(None) };
        self.value = value;
        seed.deserialize(BorrowedStrDeserializer::new(key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Mismatch> {
        seed.deserialize(std::mem::replace(&mut self.value, &NULL))
    }

    /// Lenient: a value that does not fit its field is read as `null`, which
    /// makes an `Option<T>` field `None`. (serde derive reads every struct
    /// field through this method.)
    fn next_value<V: Deserialize<'de>>(&mut self) -> Result<V, Mismatch> {
        let value = std::mem::replace(&mut self.value, &NULL);
        V::deserialize(value).or_else(|_| V::deserialize(&NULL))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug, Default, PartialEq)]
    #[serde(default)]
    struct Inner {
        s: Option<String>,
    }

    #[derive(serde::Deserialize, Debug, Default, PartialEq)]
    #[serde(default)]
    struct Outer {
        s: Option<String>,
        n: Option<u32>,
        b: Option<bool>,
        list: Option<Vec<String>>,
        inner: Option<Inner>,
        inners: Option<Vec<Inner>>,
    }

    fn read<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Mismatch> {
        T::deserialize(&parse(text).expect("test JSON parses"))
    }

    #[test]
    fn values_of_every_kind_parse() {
        let v = parse(r#" {"a": [null, true, false, 0, -12, 1.5, 2e3, "x\u00e9\n"], "b": {}} "#).unwrap();
        let a = Json::Arr(vec![
            Json::Null,
            Json::Bool(true),
            Json::Bool(false),
            Json::Int(0),
            Json::Int(-12),
            Json::Float,
            Json::Float,
            Json::Str("xé\n".into()),
        ]);
        assert_eq!(v, Json::Obj(vec![("a".into(), a), ("b".into(), Json::Obj(vec![]))]));
    }

    #[test]
    fn integers_outside_i64_are_floats_without_a_value() {
        assert_eq!(parse("9223372036854775807"), Ok(Json::Int(i64::MAX)));
        assert_eq!(parse("-9223372036854775808"), Ok(Json::Int(i64::MIN)));
        assert_eq!(parse("9223372036854775808"), Ok(Json::Float));
        assert_eq!(parse("-0"), Ok(Json::Int(0)));
        assert_eq!(parse("1.0"), Ok(Json::Float));
    }

    #[test]
    fn surrogate_pairs_combine_and_lone_surrogates_become_replacement_characters() {
        assert_eq!(parse(r#""\ud83e\udded""#), Ok(Json::Str("🧭".into())));
        assert_eq!(parse(r#""\ud800""#), Ok(Json::Str("\u{fffd}".into())));
        assert_eq!(parse(r#""\udc00x""#), Ok(Json::Str("\u{fffd}x".into())));
        assert_eq!(parse(r#""\ud800\u0041""#), Ok(Json::Str("\u{fffd}A".into())));
        assert_eq!(parse(r#""\ud800\ud83e\udded""#), Ok(Json::Str("\u{fffd}🧭".into())));
        assert!(parse(r#""\ud800\u00""#).is_err());
    }

    #[test]
    fn errors_name_the_byte_offset() {
        assert_eq!(parse(r#"{"a": tru}"#), Err(ParseError { what: "unexpected character", at: 6 }));
        assert_eq!(parse(r#"{"a": "#), Err(ParseError { what: "unexpected end of input", at: 6 }));
        assert_eq!(parse("[1] x"), Err(ParseError { what: "unexpected character", at: 4 }));
        assert_eq!(parse("\"a\tb\"").unwrap_err().to_string(), "unexpected character at byte 2");
    }

    #[test]
    fn nesting_is_bounded_instead_of_overflowing_the_stack() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(parse(&deep), Err(ParseError { what: "nesting too deep", at: MAX_DEPTH }));
        assert!(parse(&"[".repeat(100_000)).is_err());
        assert!(parse(&"{\"a\":".repeat(100_000)).is_err());
    }

    // The two leniency tests below pass only because serde derive reads each
    // struct field with `MapAccess::next_value::<T>()` (serde_derive
    // de/struct_.rs) and `Vec<T>` reads elements with
    // `SeqAccess::next_element()` (serde_core de/impls.rs), the methods `Map`
    // and `Seq` override. If serde ever reads through the `_seed` variants
    // instead, these fail rather than the widget silently turning strict.
    #[test]
    fn a_wrongly_typed_optional_field_reads_as_absent_and_hides_nothing_else() {
        let o: Outer = read(r#"{"s": 5, "n": "7", "b": true, "inner": [1], "list": ["x"]}"#).unwrap();
        assert_eq!(o, Outer { b: Some(true), list: Some(vec!["x".into()]), ..Outer::default() });
        // Negative, fractional and out-of-range numbers do not fit a u32.
        for n in ["-1", "1.5", "4294967296", "1e3"] {
            let o: Outer = read(&format!(r#"{{"n": {n}, "s": "kept"}}"#)).unwrap();
            assert_eq!((o.n, o.s.as_deref()), (None, Some("kept")), "{n}");
        }
    }

    #[test]
    fn list_elements_that_do_not_fit_are_skipped() {
        let o: Outer = read(r#"{"list": ["a", 1, null, ["b"], "c", 2.5], "inners": [{"s": "x"}, "no", {"s": 3}]}"#).unwrap();
        assert_eq!(o.list, Some(vec!["a".into(), "c".into()]));
        assert_eq!(o.inners, Some(vec![Inner { s: Some("x".into()) }, Inner { s: None }]));
    }

    #[test]
    fn unknown_fields_are_ignored_whatever_they_hold() {
        let o: Outer = read(r#"{"x": 1.5, "y": {"z": [1e999]}, "s": "ok"}"#).unwrap();
        assert_eq!(o.s.as_deref(), Some("ok"));
    }

    #[test]
    fn a_repeated_known_key_makes_its_object_unreadable_and_unknown_repeats_are_ignored() {
        // The object is refused (serde derive's duplicate_field), so an
        // optional object holding it reads as absent.
        let o: Outer = read(r#"{"inner": {"s": "a", "s": "b"}, "n": 1}"#).unwrap();
        assert_eq!((o.inner, o.n), (None, Some(1)));
        assert!(read::<Outer>(r#"{"s": "a", "s": "b"}"#).is_err());
        let o: Outer = read(r#"{"x": 1, "x": 2, "s": "a"}"#).unwrap();
        assert_eq!(o.s.as_deref(), Some("a"));
    }

    #[test]
    fn structs_need_objects_and_lists_need_arrays() {
        assert!(read::<Inner>(r#"["a"]"#).is_err());
        assert!(read::<Vec<String>>(r#"{"a": "b"}"#).is_err());
        assert!(read::<String>("1").is_err());
        assert_eq!(read::<Option<Inner>>("null").unwrap(), None);
    }
}
