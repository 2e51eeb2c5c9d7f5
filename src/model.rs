//! The one internal model (pure). Every wire format converts into these
//! types, and the view matches over them. All URLs in the model are already
//! resolved to absolute form and have passed the scheme rules in `url`, and
//! all content is clean: HTML from a feed was parsed and passed the
//! allow-list (`sanitize`) once, when its document was loaded. The model
//! holds no HTML strings.

use std::rc::Rc;

/// Inline emphasis the allow-list keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Bold,
    Strong,
    Italic,
    Em,
    Underline,
    Strike,
}

impl Mark {
    /// The element that shows it.
    pub fn tag(self) -> &'static str {
        match self {
            Mark::Bold => "b",
            Mark::Strong => "strong",
            Mark::Italic => "i",
            Mark::Em => "em",
            Mark::Underline => "u",
            Mark::Strike => "s",
        }
    }
}

/// Clean inline content: a paragraph's or a list item's text with its
/// emphasis, links and line breaks. The view builds DOM nodes from it one
/// by one, with no parsing.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    Text(String),
    Break,
    Marked(Mark, Vec<Inline>),
    /// `href` is absolute and http, https or mailto; the link opens in a
    /// new tab with `rel="noopener noreferrer"`.
    Link { href: String, title: Option<String>, children: Vec<Inline> },
    /// `src` is absolute http(s). Width and height only as a pair.
    Image { src: String, alt: String, size: Option<(u32, u32)> },
}

/// A paragraph's or a list item's content.
pub type Rich = Vec<Inline>;

/// The plain text of inline content (for labels, excerpts, detection).
pub fn plain(nodes: &[Inline]) -> String {
    fn go(nodes: &[Inline], s: &mut String) {
        for n in nodes {
            match n {
                Inline::Text(t) => s.push_str(t),
                Inline::Break => s.push(' '),
                Inline::Marked(_, c) | Inline::Link { children: c, .. } => go(c, s),
                Inline::Image { .. } => {}
            }
        }
    }
    let mut s = String::new();
    go(nodes, &mut s);
    s
}

#[derive(Clone, Debug, PartialEq)]
pub struct Image {
    pub src: String,
    pub alt: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Author {
    pub name: String,
    pub url: Option<String>,
}

/// A tag chip. `src` is a listing the widget can load in place, `url` the
/// tag's web page.
#[derive(Clone, Debug, PartialEq)]
pub struct Tag {
    pub name: String,
    pub url: Option<String>,
    pub src: Option<String>,
}

/// A story reference: an Also Read card, a Recent Posts item, a listing row.
/// `src` loads in place; without it the card is a plain link to `url`.
/// At least one of the two is present.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub title: String,
    pub url: Option<String>,
    pub src: Option<String>,
    pub image: Option<String>,
    pub summary: Option<String>,
    /// Epoch milliseconds.
    pub published: Option<i64>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(Rich),
    Heading(String),
    Quote { text: String, cite: Option<String> },
    List { ordered: bool, items: Vec<Rich> },
    Image(Image),
    AlsoRead(Card),
    /// Third-party content (a video, a post on a social network, a map)
    /// that the source embedded with an iframe or a script. Shown as a link
    /// card that opens `url` in a new tab: the widget never runs a live
    /// iframe or a third party's script.
    Embed {
        url: String,
        /// Who serves it ("YouTube", "X", or the host name).
        provider: String,
        title: Option<String>,
    },
    /// A data table, as plain text cells. With `header`, the first row is
    /// the column headings.
    Table { caption: Option<String>, header: bool, rows: Vec<Vec<String>> },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    pub id: String,
    /// Canonical web page.
    pub url: String,
    /// The JSON document this article was loaded from.
    pub src: String,
    pub title: String,
    pub summary: Option<String>,
    /// Epoch milliseconds.
    pub published: i64,
    pub modified: Option<i64>,
    pub authors: Vec<Author>,
    pub language: Option<String>,
    pub place: Option<String>,
    pub image: Option<Image>,
    pub body: Vec<Block>,
    pub also_read: Vec<Card>,
    pub tags: Vec<Tag>,
    /// A recent-posts feed (JSON Feed, or a WordPress collection) for the rail.
    pub recent: Option<String>,
    /// The WordPress REST API root this article came from
    /// (`https://site/wp-json`, or `https://site/index.php?rest_route=`).
    pub api: Option<String>,
    /// Who published it, for a partner's credit ("From …"):
    /// `_dateline.publisher`, else the title of the feed it came from, else
    /// the WordPress site's name (docs/FORMAT.md#publisher).
    pub publisher: Option<String>,
}

/// A parsed document: an article or a listing. This is what every format
/// produces, what the page-wide cache keeps and what a widget shows; cheap
/// to clone.
#[derive(Clone, Debug, PartialEq)]
pub enum Doc {
    Article(Rc<Article>),
    Listing(Rc<Listing>),
}

/// A feed of stories: the Recent Posts rail, a tag's stories, a "latest
/// news" listing.
#[derive(Clone, Debug, PartialEq)]
pub struct Listing {
    pub title: Option<String>,
    pub home_url: Option<String>,
    pub items: Vec<Card>,
    pub next_url: Option<String>,
    /// The stories this document carries whole (RSS and Atom items with
    /// their full content), each at its card's `src`: `net` puts them in
    /// the page-wide cache, so they open with no further request. Empty
    /// for other formats, and once cached.
    pub articles: Vec<Rc<Article>>,
}

/// Width and height are only kept as a pair, so the box they reserve has
/// the right aspect ratio; absurd values are dropped.
pub fn size_pair(w: Option<u32>, h: Option<u32>) -> (Option<u32>, Option<u32>) {
    match (w, h) {
        (Some(w), Some(h)) if (1..=20_000).contains(&w) && (1..=20_000).contains(&h) => (Some(w), Some(h)),
        _ => (None, None),
    }
}
