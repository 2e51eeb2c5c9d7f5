//! What a widget decides (pure): what it shows, why a load failed and how
//! that reads, its place in the page's history (the entries it writes, the
//! documents it may go back to, their scroll positions, the words a listing
//! was opened with), and how "Load more" grows a listing. The view
//! (`view::Widget`) only carries these decisions out in the browser.

use crate::cache::Lru;
use crate::formats::FormatError;
use crate::history;
use crate::i18n::{fill, Messages};
pub use crate::model::Doc;
use crate::model::{Article, Listing};
use crate::url::{host, tagged};
use std::fmt::Write;
use std::rc::Rc;

/// A load (its request and its whole body) that has not finished after
/// this long is abandoned, unless the element says otherwise
/// (`data-timeout`, `config::MIN_TIMEOUT_MS`..=`config::MAX_TIMEOUT_MS`).
pub const TIMEOUT_MS: u32 = 15_000;

/// At most this many documents are remembered as visited (with the page's
/// scroll position when each was left).
pub const VISITED: usize = 256;

/// At most this many listings keep the words they were opened with.
pub const HINTS: usize = 64;

/// Why a load failed, in terms the view can put into words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// No response at all: DNS, a refused or reset connection.
    Network,
    /// No response, and the browser says it is offline (`navigator.onLine`).
    Offline,
    /// A cross-origin source answered (a `no-cors` probe reached it) but
    /// without CORS headers for this page's origin.
    Cors,
    Timeout,
    /// A newer load replaced this one; nothing to show.
    Cancelled,
    Http(u16),
    Format(FormatError),
}

impl LoadError {
    /// What the reader is told, in their language.
    pub fn message(&self, t: &Messages) -> String {
        use FormatError as F;
        let m = match self {
            LoadError::Network | LoadError::Cancelled => t.err_network,
            LoadError::Offline => t.err_offline,
            LoadError::Cors => t.err_cors,
            LoadError::Timeout | LoadError::Http(408) => t.err_timeout,
            LoadError::Http(404 | 410) => t.err_not_found,
            // Still refused after the retries.
            LoadError::Http(s) if *s >= 500 || *s == 429 => t.err_server,
            LoadError::Http(_) => t.err_client,
            LoadError::Format(F::Syntax(_) | F::NotAnObject | F::TooLarge) => t.err_damaged,
            // A web page (or other XML) where a feed should be: the reader is
            // told so; the console hint (`hint`) names what was found.
            LoadError::Format(F::HtmlPage | F::NotAFeed(_)) => t.err_not_news,
            LoadError::Format(f) => return fill(t.err_incomplete, f.field().unwrap_or("?")),
        };
        m.into()
    }

    /// What the reader is told while this failure is being retried
    /// (`Status::Retrying`): a 429 says so; other retries keep the loading
    /// state.
    pub fn pending(&self, t: &Messages) -> Option<&'static str> {
        (*self == LoadError::Http(429)).then_some(t.err_busy)
    }

    /// A one-line hint for the developer console about loading `url`.
    pub fn hint(&self, url: &str) -> String {
        let mut s = String::from("[dateline] ");
        s.push_str(url);
        s.push_str(": ");
        let _ = match self {
            LoadError::Network => {
                s.push_str("network error (no answer: the connection failed or was reset).");
                Ok(())
            }
            LoadError::Offline => s.write_str("the browser is offline; the load is tried again when it is back online."),
            LoadError::Cors => s.write_str(
                "the server answered, but without an Access-Control-Allow-Origin header (CORS) for this page's origin, \
                 so the browser withholds the answer. The source must send one (docs/EMBED.md, \"Sources on another origin\").",
            ),
            LoadError::Timeout => s.write_str("no complete answer within the timeout (data-timeout)"),
            LoadError::Cancelled => s.write_str("cancelled"),
            LoadError::Http(status) => write!(s, "HTTP {status}"),
            LoadError::Format(e) => write!(s, "{e}"),
        };
        s
    }
}

/// What a widget shows: the document `src` it loaded, and for a listing the
/// words the reader opened it with (a tag's name).
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub src: String,
    pub doc: Doc,
    pub hint: Option<String>,
}

impl Shown {
    /// The headline: an article's title; a listing's feed title, else the
    /// words the reader clicked, else "Latest stories".
    pub fn title(&self, t: &Messages) -> String {
        match &self.doc {
            Doc::Article(a) => a.title.clone(),
            Doc::Listing(l) => l.title.as_ref().or(self.hint.as_ref()).map_or_else(|| t.stories.into(), String::clone),
        }
    }

    /// The language of the story on screen, which the widget then speaks.
    pub fn language(&self) -> Option<&str> {
        match &self.doc {
            Doc::Article(a) => a.language.as_deref(),
            Doc::Listing(_) => None,
        }
    }

    pub fn listing(&self) -> Option<&Rc<Listing>> {
        match &self.doc {
            Doc::Listing(l) => Some(l),
            Doc::Article(_) => None,
        }
    }
}

/// Who a partner credits for `a` ("From …"): its publisher (its
/// `_dateline.publisher`, its feed's title, its WordPress site's name),
/// else the name of the site its canonical page is on.
pub fn credit(a: &Article) -> String {
    a.publisher.clone().unwrap_or_else(|| {
        let h = host(&a.url);
        h.strip_prefix("www.").unwrap_or(h).to_string()
    })
}

/// The link the Share control shares for the story on screen (`canonical`
/// is its page, `place` the widget's place): with `data-links="out"`, or
/// when the widget keeps no history, the canonical page with the campaign
/// parameters (`utm`); else the host page's own address (`page_url`,
/// `location.href`) with the `dl` parameter that reopens this story in
/// this widget, everything else in it kept as it is.
pub fn share_link(place: &Place, page_url: &str, canonical: &str, links_out: bool, utm: &[(&'static str, String)]) -> String {
    match place.id.as_deref().filter(|_| !links_out) {
        None => tagged(canonical, utm),
        Some(id) => {
            let (rest, hash) = page_url.split_once('#').map_or((page_url, ""), |(r, _)| (r, &page_url[r.len()..]));
            let (path, search) = rest.split_once('?').map_or((rest, String::new()), |(p, q)| (p, format!("?{q}")));
            let value = (place.current != place.home).then(|| history::compact(&place.current, &place.home));
            format!("{path}{}{hash}", history::write(&search, id, value.as_deref()))
        }
    }
}

/// The next page "Load more" may load into the widget whose own
/// `data-src` is `home`: the listing's `next_url` when it is on `home`'s
/// origin (`history::in_place`, the rule for cards and deep links). A feed
/// cannot send the widget to another host for its next page.
pub fn next_page<'a>(listing: &'a Listing, home: &str) -> Option<&'a str> {
    listing.next_url.as_deref().filter(|n| crate::history::in_place(n, home))
}

/// `listing` with the next page `page` (loaded from `requested`, the
/// listing's `next_url`) appended, and the index of the first story it
/// added (`items[i..]` are new; none when `i` is the length). A story
/// already there (same `url` and `src`) is not added again; order is kept.
/// A next page that names the page just loaded again is no next page, so a
/// feed that links to itself cannot make "Load more" loop.
pub fn merge_more(listing: &Listing, page: &Listing, requested: &str) -> (Listing, usize) {
    let mut grown = listing.clone();
    let first_new = grown.items.len();
    for item in &page.items {
        if !grown.items.iter().any(|c| c.url == item.url && c.src == item.src) {
            grown.items.push(item.clone());
        }
    }
    grown.next_url = page.next_url.clone().filter(|n| n != requested);
    (grown, first_new)
}

/// Why a navigation happens; it decides history, focus and scrolling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    /// The widget's first view (its `data-src`, or a deep link).
    Initial,
    /// The reader clicked: push a history entry, focus the new headline.
    Click,
    /// Back or Forward: restore the view and its scroll position.
    Pop,
    /// The Retry button.
    Retry,
}

/// What the widget is doing besides showing what it shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Idle,
    Loading(String),
    /// A failed attempt waits to be tried again (`crate::retry`).
    Retrying { url: String, error: LoadError },
    Failed { url: String, error: LoadError },
}

/// What one navigation asks of the view besides loading its document.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// The words to title the document with if it is a listing without a
    /// title of its own: the reader's, or those it was last opened with.
    pub hint: Option<String>,
    /// The page's new `location.search` to push a history entry with
    /// (Click only), `None` when the address stays as it is.
    pub push: Option<String>,
    /// The page scroll position to restore once it is shown (Pop only).
    pub scroll: Option<f64>,
}

/// One widget's place: what it shows or is loading, where it has been, and
/// its `dl` parameter in the host page's address (`history`).
pub struct Place {
    /// The widget's id in the `dl` parameter; `None` with
    /// `data-history="off"`: the address is then never read or written.
    id: Option<String>,
    /// The widget's own `data-src`: the view without a `dl` parameter, and
    /// the origin deep links must stay on.
    home: String,
    /// The document shown or loading (empty before the first navigation).
    current: String,
    /// Documents this widget opened in this page's life, with the page's
    /// scroll position when each was last left by a click. Back/Forward may
    /// return to them even on another origin; a fresh deep link may not.
    visited: Lru<f64>,
    /// The words each listing was last opened with, so Back and Forward
    /// show the same heading.
    hints: Lru<String>,
}

/// Whether the address (`location.search`) deep-links widget `id`, whose
/// `data-src` is `home`, to another story (one `Place::target` accepts).
/// Such a widget starts at once even when lazy and far below the fold: the
/// reader followed a link to that story.
pub fn deep_linked(search: &str, id: &str, home: &str) -> bool {
    Place::new(Some(id.to_string()), home.to_string()).target(search) != home
}

impl Place {
    pub fn new(id: Option<String>, home: String) -> Self {
        Place { id, home, current: String::new(), visited: Lru::new(VISITED), hints: Lru::new(HINTS) }
    }

    /// The document shown or loading.
    pub fn current(&self) -> &str {
        &self.current
    }

    /// The document the address (`location.search`) names for this widget:
    /// a same-origin deep link, or a document it visited, else its home.
    pub fn target(&self, search: &str) -> String {
        self.id
            .as_deref()
            .and_then(|id| history::read(search, id))
            .and_then(|v| history::expand(&v, &self.home).or_else(|| self.visited.contains(&v).then_some(v)))
            .unwrap_or_else(|| self.home.clone())
    }

    /// After Back or Forward changed the address to `search`: the document
    /// to go to, if it is not the one on screen.
    pub fn popped(&self, search: &str) -> Option<String> {
        Some(self.target(search)).filter(|t| *t != self.current)
    }

    /// `search` with this widget's entry naming `src` (none for its home),
    /// keeping everything else; `None` if that changes nothing.
    pub fn push_search(&self, src: &str, search: &str) -> Option<String> {
        let id = self.id.as_deref()?;
        let value = (src != self.home).then(|| history::compact(src, &self.home));
        Some(history::write(search, id, value.as_deref())).filter(|next| next != search)
    }

    /// Record a navigation to `src`, with the words the reader clicked
    /// (`hint`), the page's scroll position now (`y`) and its address
    /// (`search`), and say what the view must do besides loading `src`.
    pub fn go(&mut self, src: &str, how: How, hint: Option<String>, y: f64, search: &str) -> Step {
        let hint = match hint {
            Some(words) => {
                self.hints.put(src.to_string(), words.clone());
                Some(words)
            }
            None => self.hints.peek(src).cloned(),
        };
        let mut push = None;
        // On Back/Forward the browser may already have scrolled to the
        // destination's position: remember only what a click leaves.
        if how == How::Click {
            let leaving = std::mem::take(&mut self.current);
            if !leaving.is_empty() {
                self.visited.put(leaving, y);
            }
            push = self.push_search(src, search);
        }
        let kept = self.visited.peek(src).copied().unwrap_or(y);
        self.visited.put(src.to_string(), kept);
        self.current = src.to_string();
        Step { hint, push, scroll: (how == How::Pop).then_some(kept) }
    }
}

/// What started a navigation, as the `dateline:navigate` event names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    Card,
    Tag,
    Recent,
    Listing,
    History,
    Api,
}

impl Trigger {
    /// Which of the widget's in-place links (by its `part`) was followed:
    /// an Also Read card or a compact teaser's headline is a card.
    pub fn of_link(part: Option<&str>) -> Trigger {
        match part.unwrap_or_default() {
            "tag" => Trigger::Tag,
            "recent-link" | "more-recent" => Trigger::Recent,
            "listing-link" => Trigger::Listing,
            _ => Trigger::Card,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Trigger::Card => "card",
            Trigger::Tag => "tag",
            Trigger::Recent => "recent",
            Trigger::Listing => "listing",
            Trigger::History => "history",
            Trigger::Api => "api",
        }
    }
}

impl LoadError {
    /// The `kind` of a `dateline:error` event: `network`, `offline`,
    /// `cors`, `timeout`, `http` or `format`.
    pub fn kind(&self) -> &'static str {
        match self {
            LoadError::Network | LoadError::Cancelled => "network",
            LoadError::Offline => "offline",
            LoadError::Cors => "cors",
            LoadError::Timeout => "timeout",
            LoadError::Http(_) => "http",
            LoadError::Format(_) => "format",
        }
    }

    /// The HTTP status of a `dateline:error` event, where there was one.
    pub fn status(&self) -> Option<u16> {
        match self {
            LoadError::Http(s) => Some(*s),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{messages, EN};
    use crate::model::{Article, Card};

    const HOME: &str = "https://news.example/api/articles/main.json";
    const B: &str = "https://news.example/api/articles/b.json";
    const C: &str = "https://news.example/api/articles/c.json";
    const FOREIGN: &str = "https://partner.example/feed.json";

    fn place() -> Place {
        Place::new(Some("main".into()), HOME.into())
    }

    /// A place that has made its first view, with the page at the top.
    fn started() -> Place {
        let mut p = place();
        let first = p.target("");
        p.go(&first, How::Initial, None, 0.0, "");
        p
    }

    fn card(url: &str, src: Option<&str>) -> Card {
        Card { title: url.into(), url: Some(url.into()), src: src.map(Into::into), image: None, summary: None, published: None }
    }

    fn listing(title: Option<&str>, items: Vec<Card>, next: Option<&str>) -> Listing {
        Listing { title: title.map(Into::into), home_url: Some("https://news.example/".into()), items, next_url: next.map(Into::into), articles: Vec::new() }
    }

    fn article(title: &str, language: Option<&str>) -> Article {
        Article {
            id: "1".into(),
            url: "https://news.example/b".into(),
            src: B.into(),
            title: title.into(),
            summary: None,
            published: 0,
            modified: None,
            authors: vec![],
            language: language.map(Into::into),
            place: None,
            image: None,
            body: vec![],
            also_read: vec![],
            tags: vec![],
            recent: None,
            api: None,
            publisher: None,
        }
    }

    fn shown_listing(title: Option<&str>, hint: Option<&str>) -> Shown {
        Shown { src: C.into(), doc: Doc::Listing(Rc::new(listing(title, vec![], None))), hint: hint.map(Into::into) }
    }

    #[test]
    fn every_load_error_has_its_own_reader_message() {
        let cases: [(LoadError, &str); 24] = [
            (LoadError::Network, EN.err_network),
            (LoadError::Offline, EN.err_offline),
            (LoadError::Cors, EN.err_cors),
            (LoadError::Http(408), EN.err_timeout),
            (LoadError::Http(429), EN.err_server),
            // A cancelled load is never shown; if it were, it reads as a network failure.
            (LoadError::Cancelled, EN.err_network),
            (LoadError::Timeout, EN.err_timeout),
            (LoadError::Http(404), EN.err_not_found),
            (LoadError::Http(410), EN.err_not_found),
            (LoadError::Http(500), EN.err_server),
            (LoadError::Http(503), EN.err_server),
            (LoadError::Http(599), EN.err_server),
            (LoadError::Http(400), EN.err_client),
            (LoadError::Http(401), EN.err_client),
            (LoadError::Http(403), EN.err_client),
            (LoadError::Http(451), EN.err_client),
            (LoadError::Http(499), EN.err_client),
            (LoadError::Format(FormatError::Syntax("line 1".into())), EN.err_damaged),
            (LoadError::Format(FormatError::NotAnObject), EN.err_damaged),
            (LoadError::Format(FormatError::TooLarge), EN.err_damaged),
            (LoadError::Format(FormatError::HtmlPage), EN.err_not_news),
            (LoadError::Format(FormatError::NotAFeed("html:x".into())), EN.err_not_news),
            (LoadError::Format(FormatError::Missing("title")), "This story could not be shown because its data is incomplete (title)."),
            (
                LoadError::Format(FormatError::WrongType { field: "items", expected: "an array" }),
                "This story could not be shown because its data is incomplete (items).",
            ),
        ];
        for (e, want) in cases {
            assert_eq!(e.message(&EN), want, "{e:?}");
        }
        assert_eq!(
            LoadError::Format(FormatError::BadDate("date_published")).message(&EN),
            "This story could not be shown because its data is incomplete (date_published)."
        );
        assert_eq!(LoadError::Format(FormatError::BadUrl("url")).message(&EN), "This story could not be shown because its data is incomplete (url).");
    }

    #[test]
    fn only_a_429_tells_the_reader_it_is_being_retried() {
        assert_eq!(LoadError::Http(429).pending(&EN), Some(EN.err_busy));
        for e in [LoadError::Http(503), LoadError::Network, LoadError::Http(408)] {
            assert_eq!(e.pending(&EN), None, "{e:?}");
        }
        assert_eq!(LoadError::Http(429).pending(messages("de")), Some(messages("de").err_busy));
    }

    #[test]
    fn load_error_messages_are_in_the_readers_language() {
        let hi = messages("hi");
        assert_eq!(LoadError::Http(404).message(hi), hi.err_not_found);
        assert_ne!(hi.err_not_found, EN.err_not_found);
        assert_eq!(LoadError::Format(FormatError::Missing("id")).message(hi), fill(hi.err_incomplete, "id"));
        assert!(LoadError::Format(FormatError::Missing("id")).message(hi).contains("(id)"));
    }

    #[test]
    fn console_hints_name_the_url_and_the_cause() {
        let u = "https://x.example/a.json";
        assert_eq!(LoadError::Network.hint(u), "[dateline] https://x.example/a.json: network error (no answer: the connection failed or was reset).");
        assert!(LoadError::Cors.hint(u).starts_with("[dateline] https://x.example/a.json: the server answered, but without an Access-Control-Allow-Origin header"));
        assert!(LoadError::Cors.hint(u).contains("docs/EMBED.md"));
        assert!(LoadError::Offline.hint(u).contains("offline"));
        assert_eq!(LoadError::Timeout.hint(u), "[dateline] https://x.example/a.json: no complete answer within the timeout (data-timeout)");
        assert_eq!(LoadError::Cancelled.hint(u), "[dateline] https://x.example/a.json: cancelled");
        assert_eq!(LoadError::Http(502).hint(u), "[dateline] https://x.example/a.json: HTTP 502");
        assert_eq!(
            LoadError::Format(FormatError::Missing("title")).hint(u),
            "[dateline] https://x.example/a.json: required field `title` is missing or empty"
        );
    }

    #[test]
    fn a_listing_is_titled_by_its_feed_then_the_clicked_words_then_latest_stories() {
        assert_eq!(shown_listing(Some("World"), Some("Sport")).title(&EN), "World");
        assert_eq!(shown_listing(None, Some("Sport")).title(&EN), "Sport");
        assert_eq!(shown_listing(None, None).title(&EN), "Latest stories");
        assert_eq!(shown_listing(None, None).title(messages("hi")), messages("hi").stories);
    }

    #[test]
    fn an_article_is_titled_by_its_headline_and_speaks_its_language() {
        let s = Shown { src: B.into(), doc: Doc::Article(Rc::new(article("Rain in Delhi", Some("hi-IN")))), hint: Some("Weather".into()) };
        assert_eq!(s.title(&EN), "Rain in Delhi", "a hint never renames an article");
        assert_eq!(s.language(), Some("hi-IN"));
        assert!(s.listing().is_none());
        assert_eq!(shown_listing(Some("World"), None).language(), None, "a listing has no language of its own");
        assert!(shown_listing(None, None).listing().is_some());
    }

    #[test]
    fn a_widget_is_deep_linked_only_by_its_own_id_to_a_story_on_its_origin() {
        let home = "https://news.example/api/main.json";
        assert!(deep_linked("?dl=w:/api/other.json", "w", home));
        assert!(deep_linked("?x=1&dl=w:/api/other.json", "w", home));
        assert!(!deep_linked("?dl=v:/api/other.json", "w", home), "another widget's entry");
        assert!(!deep_linked("?dl=w:https%3A%2F%2Fevil.example%2Fa.json", "w", home), "another origin");
        assert!(!deep_linked("?dl=w:/api/main.json", "w", home), "its own home");
        assert!(!deep_linked("", "w", home));
    }

    #[test]
    fn load_more_follows_a_next_page_only_on_the_widgets_own_origin() {
        let home = "https://news.example/api/latest.json";
        let with = |next: &str| listing(None, Vec::new(), Some(next));
        assert_eq!(next_page(&with("https://news.example/api/latest.json?page=2"), home), Some("https://news.example/api/latest.json?page=2"));
        for elsewhere in ["https://evil.example/page2.json", "http://news.example/api/latest.json?page=2", "https://news.example:8443/p2.json"] {
            assert_eq!(next_page(&with(elsewhere), home), None, "{elsewhere}");
        }
        assert_eq!(next_page(&listing(None, Vec::new(), None), home), None);
    }

    #[test]
    fn load_more_appends_new_stories_in_order_and_skips_those_already_there() {
        let first = listing(Some("World"), vec![card("https://n.example/1", None), card("https://n.example/2", Some("https://n.example/2.json"))], Some("p2"));
        let page = listing(
            Some("Ignored"),
            vec![
                card("https://n.example/2", Some("https://n.example/2.json")),
                card("https://n.example/3", None),
                // The same page again but another document: a different story.
                card("https://n.example/2", Some("https://n.example/2b.json")),
                card("https://n.example/3", None),
                card("https://n.example/4", None),
            ],
            Some("p3"),
        );
        let (grown, first_new) = merge_more(&first, &page, "p2");
        let urls: Vec<(&str, Option<&str>)> = grown.items.iter().map(|c| (c.url.as_deref().unwrap(), c.src.as_deref())).collect();
        assert_eq!(
            urls,
            [
                ("https://n.example/1", None),
                ("https://n.example/2", Some("https://n.example/2.json")),
                ("https://n.example/3", None),
                ("https://n.example/2", Some("https://n.example/2b.json")),
                ("https://n.example/4", None),
            ]
        );
        assert_eq!(first_new, 2, "focus goes to the first story the page added");
        assert_eq!(grown.next_url.as_deref(), Some("p3"));
        assert_eq!(grown.title.as_deref(), Some("World"), "the listing keeps its own heading");
        assert_eq!(grown.home_url, first.home_url);
        assert_eq!(first.items.len(), 2, "the shown listing is not changed in place");
    }

    #[test]
    fn load_more_stops_when_the_next_page_names_the_page_just_loaded() {
        let first = listing(None, vec![card("https://n.example/1", None)], Some("p2"));
        let (grown, _) = merge_more(&first, &listing(None, vec![], Some("p2")), "p2");
        assert_eq!(grown.next_url, None);
        let (grown, _) = merge_more(&first, &listing(None, vec![], None), "p2");
        assert_eq!(grown.next_url, None, "the last page ends the listing");
    }

    #[test]
    fn load_more_with_nothing_new_points_past_the_end() {
        let first = listing(None, vec![card("https://n.example/1", None)], Some("p2"));
        let (grown, first_new) = merge_more(&first, &listing(None, vec![card("https://n.example/1", None)], Some("p3")), "p2");
        assert_eq!(grown.items.len(), 1);
        assert_eq!(first_new, 1);
        assert_eq!(grown.next_url.as_deref(), Some("p3"));
    }

    #[test]
    fn without_a_parameter_the_widget_shows_its_home() {
        let p = place();
        assert_eq!(p.target(""), HOME);
        assert_eq!(p.target("?q=1&dl=other:/api/articles/b.json"), HOME, "another widget's entry is not ours");
    }

    #[test]
    fn a_deep_link_opens_a_same_origin_document_only() {
        let p = place();
        assert_eq!(p.target("?dl=main:/api/articles/b.json"), B);
        assert_eq!(p.target("?dl=main:https://evil.example/x.json"), HOME);
        assert_eq!(p.target(&format!("?dl=main:{FOREIGN}")), HOME, "not visited yet");
    }

    #[test]
    fn clicks_push_entries_that_lead_back_to_the_same_documents() {
        let mut p = started();
        assert_eq!(p.current(), HOME);
        let s1 = p.go(B, How::Click, None, 0.0, "?q=1").push.expect("a click pushes");
        assert_eq!(s1, "?q=1&dl=main:/api/articles/b.json");
        assert_eq!(p.target(&s1), B);
        let s2 = p.go(FOREIGN, How::Click, None, 0.0, &s1).push.unwrap();
        assert_eq!(p.target(&s2), FOREIGN, "a visited document on another origin may come back");
        // Back to the widget's own data-src: its parameter goes, the host's stays.
        let s3 = p.go(HOME, How::Click, None, 0.0, &s2).push.unwrap();
        assert_eq!(s3, "?q=1");
        assert_eq!(p.target(&s3), HOME);
        assert_eq!(p.current(), HOME);
    }

    #[test]
    fn only_clicks_push_and_an_unchanged_address_is_not_pushed() {
        let mut p = place();
        assert_eq!(p.go(HOME, How::Initial, None, 0.0, "").push, None);
        let s = p.go(B, How::Click, None, 0.0, "").push.unwrap();
        assert_eq!(p.go(B, How::Click, None, 0.0, &s).push, None, "clicking the story on screen adds no entry");
        assert_eq!(p.go(C, How::Retry, None, 0.0, &s).push, None);
        assert_eq!(p.go(C, How::Pop, None, 0.0, "?dl=main:/api/articles/c.json").push, None);
    }

    #[test]
    fn back_restores_the_scroll_position_a_click_left() {
        let mut p = started();
        let s = p.go(B, How::Click, None, 640.0, "").push.unwrap();
        assert_eq!(p.go(C, How::Click, None, 1200.0, &s).scroll, None, "a click scrolls nothing back");
        let back = p.popped(&s).expect("Back to B");
        assert_eq!(back, B);
        assert_eq!(p.go(&back, How::Pop, None, 0.0, &s).scroll, Some(1200.0));
        let home = p.popped("").unwrap();
        assert_eq!(home, HOME);
        assert_eq!(p.go(&home, How::Pop, None, 300.0, "").scroll, Some(640.0));
    }

    #[test]
    fn back_and_forward_do_not_overwrite_the_position_a_click_left() {
        let mut p = started();
        let s = p.go(B, How::Click, None, 640.0, "").push.unwrap();
        // The reader reads B down to 900, then goes Back: the browser may
        // already have scrolled, so 900 is not taken as B's position.
        p.go(HOME, How::Pop, None, 900.0, "");
        assert_eq!(p.go(B, How::Pop, None, 640.0, &s).scroll, Some(640.0), "B keeps the position it was reached with");
        assert_eq!(p.go(HOME, How::Pop, None, 0.0, "").scroll, Some(640.0));
    }

    #[test]
    fn a_pop_to_a_document_without_a_position_keeps_the_page_where_it_is() {
        let mut p = place();
        assert_eq!(p.go(B, How::Pop, None, 75.0, "?dl=main:/api/articles/b.json").scroll, Some(75.0));
    }

    #[test]
    fn popping_to_the_document_on_screen_does_nothing() {
        let mut p = started();
        assert_eq!(p.popped(""), None);
        assert_eq!(p.popped("?unrelated=1"), None, "the host's own routing leaves the widget alone");
        let s = p.go(B, How::Click, None, 0.0, "").push.unwrap();
        assert_eq!(p.popped(&s), None);
        assert_eq!(p.popped("").as_deref(), Some(HOME));
    }

    #[test]
    fn the_257th_visited_document_forgets_the_oldest() {
        let mut p = place();
        let doc = |i: usize| format!("https://partner.example/{i}.json");
        let mut search = String::new();
        for i in 0..=VISITED {
            search = p.go(&doc(i), How::Click, None, 0.0, &search).push.unwrap();
        }
        let link = |i: usize| format!("?dl=main:{}", doc(i));
        assert_eq!(p.target(&link(0)), HOME, "the oldest is forgotten: its link is now a foreign deep link");
        assert_eq!(p.target(&link(1)), doc(1));
        assert_eq!(p.target(&link(VISITED)), doc(VISITED));
    }

    #[test]
    fn revisiting_a_document_keeps_it_remembered() {
        let mut p = started();
        let doc = |i: usize| format!("https://partner.example/{i}.json");
        p.go(&doc(0), How::Click, None, 0.0, "");
        for i in 1..VISITED {
            p.go(&doc(i), How::Click, None, 0.0, "");
            // The reader keeps coming back to the first.
            if i % 100 == 0 {
                p.go(&doc(0), How::Click, None, 0.0, "");
            }
        }
        p.go(&doc(VISITED), How::Click, None, 0.0, "");
        assert_eq!(p.target(&format!("?dl=main:{}", doc(0))), doc(0));
        assert_eq!(p.target(&format!("?dl=main:{}", doc(1))), HOME);
    }

    #[test]
    fn with_history_off_the_address_is_never_read_or_written() {
        let mut p = Place::new(None, HOME.into());
        assert_eq!(p.target("?dl=main:/api/articles/b.json"), HOME);
        assert_eq!(p.go(B, How::Click, None, 0.0, "").push, None);
        assert_eq!(p.push_search(B, "?q=1"), None);
        assert_eq!(p.current(), B);
    }

    #[test]
    fn a_listing_keeps_the_words_it_was_opened_with() {
        let mut p = started();
        assert_eq!(p.go(C, How::Click, Some("Sport".into()), 0.0, "").hint.as_deref(), Some("Sport"));
        assert_eq!(p.go(HOME, How::Pop, None, 0.0, "").hint, None, "another document has no words");
        assert_eq!(p.go(C, How::Pop, None, 0.0, "").hint.as_deref(), Some("Sport"), "Back/Forward title it the same");
        assert_eq!(p.go(C, How::Retry, None, 0.0, "").hint.as_deref(), Some("Sport"));
        assert_eq!(p.go(C, How::Click, Some("Cricket".into()), 0.0, "").hint.as_deref(), Some("Cricket"));
        assert_eq!(p.go(C, How::Pop, None, 0.0, "").hint.as_deref(), Some("Cricket"), "newer words replace older");
    }

    #[test]
    fn hints_are_kept_for_the_64_latest_listings() {
        let mut p = started();
        let tag = |i: usize| format!("https://news.example/tags/{i}.json");
        for i in 0..=HINTS {
            p.go(&tag(i), How::Click, Some(format!("tag {i}")), 0.0, "");
        }
        assert_eq!(p.go(&tag(0), How::Pop, None, 0.0, "").hint, None);
        assert_eq!(p.go(&tag(1), How::Pop, None, 0.0, "").hint.as_deref(), Some("tag 1"));
    }

    #[test]
    fn the_credit_is_the_publisher_else_the_canonical_site_without_www() {
        let mut a = article("A", None);
        a.url = "https://www.frontier-ledger.example/2026/a/".into();
        assert_eq!(credit(&a), "frontier-ledger.example");
        a.publisher = Some("The Frontier Ledger".into());
        assert_eq!(credit(&a), "The Frontier Ledger");
    }

    #[test]
    fn share_links_reopen_the_story_in_this_widget_or_go_to_the_tagged_canonical_page() {
        let page = "https://host.example/news/p.html?q=1&dl=main:/old.json#c";
        let utm = [("utm_source", "sun".to_string())];
        let mut p = started();
        assert_eq!(share_link(&p, page, "https://news.example/b/", false, &utm), "https://host.example/news/p.html?q=1#c", "the home story: no dl");
        p.go(B, How::Click, None, 0.0, "");
        assert_eq!(share_link(&p, page, "https://news.example/b/", false, &utm), "https://host.example/news/p.html?q=1&dl=main:/api/articles/b.json#c");
        assert_eq!(share_link(&p, "https://host.example/p", "https://news.example/b/", false, &[]), "https://host.example/p?dl=main:/api/articles/b.json");
        let deep = share_link(&p, "https://host.example/p", "x", false, &[]);
        assert_eq!(p.target(&deep[deep.find('?').unwrap()..]), B, "the shared link reopens the story");
        assert_eq!(share_link(&p, page, "https://news.example/b/#top", true, &utm), "https://news.example/b/?utm_source=sun#top", "links out: the canonical page");
        let mut off = Place::new(None, HOME.into());
        off.go(B, How::Initial, None, 0.0, "");
        assert_eq!(share_link(&off, page, "https://news.example/b/", false, &[]), "https://news.example/b/", "no history: no deep link");
    }

    #[test]
    fn each_in_place_link_part_names_its_trigger() {
        for (part, want) in [(Some("tag"), "tag"), (Some("recent-link"), "recent"), (Some("more-recent"), "recent"), (Some("listing-link"), "listing"), (Some("also-read-card"), "card"), (None, "card")] {
            assert_eq!(Trigger::of_link(part).name(), want, "{part:?}");
        }
    }

    #[test]
    fn an_error_event_names_its_kind_and_only_http_has_a_status() {
        let cases = [(LoadError::Network, "network", None), (LoadError::Offline, "offline", None), (LoadError::Cors, "cors", None), (LoadError::Timeout, "timeout", None), (LoadError::Http(503), "http", Some(503)), (LoadError::Format(FormatError::HtmlPage), "format", None)];
        for (e, kind, status) in cases {
            assert_eq!((e.kind(), e.status()), (kind, status), "{e:?}");
        }
    }
}
