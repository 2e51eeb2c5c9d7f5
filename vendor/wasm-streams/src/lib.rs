//! A stand-in for [wasm-streams](https://crates.io/crates/wasm-streams) 0.5
//! with only the API that `server_fn` names, and without the real crate's
//! `#[wasm_bindgen]` classes (`IntoUnderlyingSource`, `IntoUnderlyingSink`,
//! `IntoUnderlyingByteSource`).
//!
//! Why: Leptos 0.8 always enables `server_fn/browser`, which depends on
//! wasm-streams for streaming server functions. Exported wasm-bindgen classes
//! are roots that no optimizer may remove, so the real crate put ~13 KB of
//! wasm and ~3 KB of JS glue into every Dateline build (about 4 KB brotli),
//! although Dateline has no server functions and never streams.
//!
//! What it means: converting between Rust streams and JS `ReadableStream`s
//! is unavailable. The two conversions `server_fn` calls panic with a message
//! saying so; they are reachable only through streaming server functions.
//! To use those, remove the `[patch.crates-io]` entry in the root Cargo.toml.

use futures_core::Stream;
use std::pin::Pin;
use std::task::{Context, Poll};
use wasm_bindgen::JsValue;

const UNAVAILABLE: &str = "Dateline builds with a wasm-streams stand-in (vendor/wasm-streams): no Rust<->JS stream conversion";

/// A JavaScript `ReadableStream`, as in wasm-streams.
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    /// Wraps a JavaScript stream.
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    /// Unavailable in the stand-in: panics.
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        panic!("{UNAVAILABLE}")
    }

    /// The JavaScript stream.
    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// Unavailable in the stand-in: panics.
    pub fn into_stream(self) -> IntoStream {
        panic!("{UNAVAILABLE}")
    }
}

/// The type `ReadableStream::into_stream` names; never constructed.
pub struct IntoStream(());

impl Stream for IntoStream {
    type Item = Result<JsValue, JsValue>;

    fn poll_next(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        Poll::Ready(None)
    }
}
