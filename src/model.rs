//! The one internal model (pure). Every wire format converts into these
//! types, and the view matches over them. All URLs in the model are already
//! resolved to absolute form and have passed the scheme rules in `url`.

use std::rc::Rc;

/// Untrusted inline HTML from a feed (a paragraph, a list item). It is never
/// injected: the view parses it and rebuilds it through `sanitize`. `base` is
/// the URL of the document it came from, for relative links.
#[derive(Clone, Debug, PartialEq)]
pub struct Rich {
    pub html: String,
    pub base: Rc<str>,
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

/// A tag chip. `src` is a listing the widget can load in place (a later
/// issue), `url` the tag's web page.
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
    /// A whole HTML body (`content_html`), rebuilt through the flow allow-list.
    Html(Rich),
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
    /// Links to other posts of the site are turned into in-place documents
    /// on it when the body is rebuilt (`crate::blocks::expand_html`).
    pub api: Option<String>,
}

/// A JSON Feed document: the Recent Posts rail now, listings later.
#[derive(Clone, Debug, PartialEq)]
pub struct Listing {
    pub title: Option<String>,
    pub home_url: Option<String>,
    pub items: Vec<Card>,
    pub next_url: Option<String>,
}
