//! The history parameter (`history`): decoding, reading a widget's entry
//! from any query string, and expanding it. No panic; whatever `expand`
//! accepts is on the home origin (the in-place policy); encode then decode
//! round-trips.
#![no_main]
use dateline::history::{decode, encode, expand, in_place, read, write};
use libfuzzer_sys::fuzz_target;

const HOME: &str = "https://news.example/api/articles/main.json";

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let _ = decode(&s);
    assert_eq!(decode(&encode(&s, true)).as_deref(), Some(&*s));
    for id in ["main", "0", "a:b"] {
        if let Some(v) = read(&s, id) {
            if let Some(url) = expand(&v, HOME) {
                assert!(in_place(&url, HOME), "{url}");
            }
        }
        let w = write(&s, id, Some(&s));
        let fits = !s.is_empty() && encode(&s, true).len() <= dateline::history::MAX_VALUE;
        assert_eq!(read(&w, id).as_deref(), fits.then_some(&*s));
    }
    let _ = expand(&s, HOME);
});
