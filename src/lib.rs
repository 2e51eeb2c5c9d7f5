//! Dateline: an embeddable news widget.
//!
//! The pure core (no web-sys, no leptos; tested natively with `cargo test`):
//! `model`, `formats` (with its own small JSON parser, `formats::json`, so
//! serde_json stays out of the wasm), `blocks`, `sanitize`, `text`, `time`,
//! `url`, `history`, `config`, `i18n`, `cache`, `limits`, `retry` (when a
//! failed load is tried again), `preparse` (the pass over HTML strings
//! before any parser), and `widget` (what
//! a widget decides).
//! The browser shell (wasm32 only), in layers: `browser` (timers, marks,
//! the clock, the inert HTML reader), `net` (fetching), `view` (Leptos
//! components over the model) and `embed` (finding `[data-dateline]`
//! elements, shadow roots, the `window.Dateline` API). See
//! docs/ARCHITECTURE.md.

pub mod blocks;
pub mod cache;
pub mod config;
pub mod formats;
pub mod history;
pub mod i18n;
pub mod limits;
pub mod model;
pub mod retry;
pub mod preparse;
pub mod sanitize;
pub mod text;
pub mod time;
pub mod url;
pub mod widget;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod net;
#[cfg(target_arch = "wasm32")]
pub mod view;
