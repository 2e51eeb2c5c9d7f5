//! Every bound on untrusted input, in one place (pure). A document, a feed
//! or an HTML body can be hostile or just huge; these keep the work the
//! widget does for one of them, and the memory it keeps, bounded.

/// Largest document the widget accepts, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 2 * 1024 * 1024;
/// JSON nesting deeper than this is a syntax error.
pub const MAX_JSON_DEPTH: usize = 128;
/// Elements of one JSON array a wire model reads (the longest list kept,
/// blocks, is 400); the rest are parsed but not converted.
pub const MAX_ARRAY_ITEMS: usize = 1_000;

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

/// One HTML string is cut at this many bytes before it is parsed
/// (`preparse`).
pub const MAX_HTML_BYTES: usize = 512 * 1024;
/// Elements an HTML string may nest before it is parsed; deeper start
/// tags are dropped, their text kept (`preparse`).
pub const MAX_HTML_DEPTH: usize = 48;
/// Start tags the parser is given for all the HTML strings of one
/// document together (400 paragraphs of 650 elements each would be
/// 260,000); after that only their text (`preparse`).
pub const MAX_HTML_ELEMENTS: usize = 5_000;

/// Characters kept of a title, a name, a tag or a caption (a 1 MB title
/// made the widget 647,090 px tall); longer ones end with "…".
pub const MAX_TITLE_CHARS: usize = 300;
/// Characters kept of a summary, an alt text, a quote or a table cell.
pub const MAX_TEXT_CHARS: usize = 2_000;
/// Characters kept of one run of text in a paragraph or list item.
pub const MAX_PARAGRAPH_CHARS: usize = 20_000;
