//! The JSON reader (`formats::json`): any bytes, no panic; what it accepts
//! it accepts as one value.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = dateline::formats::json::parse(text);
    }
});
