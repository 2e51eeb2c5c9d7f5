//! Every bound on untrusted input, in one place (pure). A document, a feed
//! or an HTML body can be hostile or just huge; these keep the work the
//! widget does for one of them, and the memory it keeps, bounded.

/// Largest document the widget accepts, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 2 * 1024 * 1024;
/// JSON nesting deeper than this is a syntax error.
pub const MAX_JSON_DEPTH: usize = 128;

/// Body blocks kept from one article.
pub const MAX_BLOCKS: usize = 400;
/// Tag chips kept from one article.
pub const MAX_TAGS: usize = 40;
/// Also Read cards kept from one article.
pub const MAX_CARDS: usize = 24;
/// Authors kept from one article.
pub const MAX_AUTHORS: usize = 12;
/// Stories kept from one feed page.
pub const MAX_FEED_ITEMS: usize = 50;
/// Stories of one feed page read in place from the feed itself (RSS and
/// Atom items with their full content, JSON Feed items with content): each
/// is an article in the page-wide cache, which holds 64 documents. Later
/// items open their link.
pub const MAX_FEED_ARTICLES: usize = 24;
/// Stories the Recent Posts rail shows.
pub const RAIL_ITEMS: usize = 10;

/// Items kept from one list in an HTML body.
pub const MAX_LIST_ITEMS: usize = 200;
/// Rows and cells kept from one table.
pub const MAX_ROWS: usize = 200;
pub const MAX_CELLS: usize = 24;

/// HTML is read into a `Raw` tree this deep at most; deeper elements are
/// read as their text.
pub const READ_DEPTH: usize = 64;
/// Clean inline content is at most this deep; deeper markup is unwrapped
/// (its text kept).
pub const MAX_DEPTH: usize = 24;
/// Nodes of one HTML body looked at; the rest are dropped.
pub const MAX_NODES: usize = 20_000;
