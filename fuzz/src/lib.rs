//! What the fuzz targets share: the native stand-ins for the browser's
//! DOMParser (html5ever, scripting off) and XML reader (roxmltree), read
//! into `sanitize::Raw` as `browser::parse_html`/`parse_xml` read the DOM.
//! They are the native tests' own (tests/support/mod.rs), so the fuzzer
//! drives exactly what `cargo test` checks.

#[path = "../../tests/support/mod.rs"]
mod support;

pub use support::{raw_body, raw_xml};
