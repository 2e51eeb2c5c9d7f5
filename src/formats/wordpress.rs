//! WordPress REST API documents (pure): a post (`/wp/v2/posts/<id>?_embed`)
//! becomes an `Article`, a collection (`/wp/v2/posts?_embed`, `?tags=…`)
//! a `Listing`, and a one-post collection (`?slug=…&_embed`) an `Article`.
//! See docs/FORMAT.md for the field mapping.
//!
//! Every nested WordPress object (a rendered field, a link, a user, a term,
//! a media item) is read into the same flat `Wp` struct: one serde visitor
//! instead of six keeps the wasm small. Only `_embedded` has its own struct,
//! because its `author` and `wp:term` differ in shape from the post's own
//! fields of the same names.
//!
//! HTML in `title`, `excerpt`, term names and captions becomes plain text
//! here (`crate::text`); the body (`content.rendered`) is parsed once with
//! the caller's HTML parser and rebuilt into blocks by `crate::blocks`.

use super::{finish, from_json, from_json_or_array, push_tag, FormatError};
use crate::blocks::from_html;
use crate::limits::{MAX_AUTHORS, MAX_FEED_ITEMS};
use crate::model::{size_pair, Article, Author, Card, Image, Listing, Tag};
use crate::sanitize::ParseHtml;
use crate::text::{html_to_text, number, trim_more_tail};
use crate::time::parse_rfc3339;
use crate::url::{checked, pairs, param, set_param, split, Use};
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// Posts per page the rail and tag listings ask for.
const RECENT_QUERY: &str = "_embed&per_page=6";
const TAG_PAGE: &str = "&_embed&per_page=10";
/// WordPress's own default for `per_page`.
const DEFAULT_PER_PAGE: u32 = 10;

/// An object id. WordPress's are integers, but plugins register
/// taxonomies whose embedded "terms" carry string ids (`"id": "post"` in a
/// real `_embed` response): those, and anything else, read as no id instead
/// of failing the whole document.
#[derive(Default, Debug, Clone, Copy)]
pub(crate) struct WpId(pub Option<i64>);

impl<'de> Deserialize<'de> for WpId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = WpId;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an id")
            }
            fn visit_i64<E>(self, v: i64) -> Result<WpId, E> {
                Ok(WpId(Some(v)))
            }
            fn visit_u64<E>(self, v: u64) -> Result<WpId, E> {
                Ok(WpId(i64::try_from(v).ok()))
            }
            fn visit_str<E>(self, v: &str) -> Result<WpId, E> {
                Ok(WpId(number(v).and_then(|n| i64::try_from(n).ok())))
            }
            fn visit_f64<E>(self, _: f64) -> Result<WpId, E> {
                Ok(WpId(None))
            }
            fn visit_bool<E>(self, _: bool) -> Result<WpId, E> {
                Ok(WpId(None))
            }
            fn visit_unit<E>(self) -> Result<WpId, E> {
                Ok(WpId(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<WpId, A::Error> {
                while a.next_element::<IgnoredAny>()?.is_some() {}
                Ok(WpId(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<WpId, A::Error> {
                while a.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(WpId(None))
            }
        }
        d.deserialize_any(V)
    }
}

/// Any WordPress object: a post, or anything nested in one.
#[derive(Deserialize, Default, Debug)]
#[serde(default)]
pub(crate) struct Wp {
    pub id: WpId,
    pub link: Option<String>,
    pub slug: Option<String>,
    pub date: Option<String>,
    pub date_gmt: Option<String>,
    pub modified: Option<String>,
    pub modified_gmt: Option<String>,
    pub title: Option<Box<Wp>>,
    pub content: Option<Box<Wp>>,
    pub excerpt: Option<Box<Wp>>,
    /// In `title`, `content`, `excerpt`, `caption`.
    pub rendered: Option<String>,
    #[serde(rename = "_links")]
    pub links: Option<Box<Wp>>,
    /// In `_links`: `[{ "href": … }]`.
    #[serde(rename = "self")]
    pub self_link: Option<Vec<Wp>>,
    pub href: Option<String>,
    #[serde(rename = "_embedded")]
    pub embedded: Option<Box<Embedded>>,
    /// Users and terms.
    pub name: Option<String>,
    /// Terms: `category`, `post_tag`, or a custom taxonomy.
    pub taxonomy: Option<String>,
    /// Media.
    pub source_url: Option<String>,
    pub alt_text: Option<String>,
    pub caption: Option<Box<Wp>>,
    pub media_details: Option<Box<Wp>>,
    /// In `media_details`.
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// Yoast SEO's fields on a post (a field of another type than ours
    /// reads as absent, `formats::json`).
    pub yoast_head_json: Option<Yoast>,
}

/// The one Yoast SEO field Dateline reads: the site's name, the post's publisher.
#[derive(Deserialize, Default, Debug)]
#[serde(default)]
pub(crate) struct Yoast {
    pub og_site_name: Option<String>,
}

/// `_embedded`, present when the request had `?_embed`.
#[derive(Deserialize, Default, Debug)]
#[serde(default)]
pub(crate) struct Embedded {
    pub author: Option<Vec<Wp>>,
    #[serde(rename = "wp:featuredmedia")]
    pub featured_media: Option<Vec<Wp>>,
    /// One array per taxonomy, each of terms.
    #[serde(rename = "wp:term")]
    pub terms: Option<Vec<Vec<Wp>>>,
}

/// Parse one post object loaded from `doc_url`.
pub fn parse_post(json: &str, doc_url: &str, html: ParseHtml<'_>) -> Result<Article, FormatError> {
    article_from_post(from_json(json)?, doc_url, html)
}

/// Parse a collection (a JSON array of posts) loaded from `doc_url`.
pub fn parse_posts(json: &str, doc_url: &str) -> Result<Listing, FormatError> {
    let posts: Vec<Wp> = from_json_or_array(json)?;
    Ok(listing_from_posts(posts, doc_url))
}

fn rendered_text(v: Option<Box<Wp>>) -> Option<String> {
    v.and_then(|r| r.rendered).map(|h| html_to_text(&h)).filter(|t| !t.is_empty())
}

/// An excerpt as a standfirst: plain text without its "read more" tail.
fn excerpt_text(v: Option<Box<Wp>>) -> Option<String> {
    rendered_text(v).map(|t| trim_more_tail(&t)).filter(|t| !t.is_empty())
}

/// `date_gmt` is UTC without an offset. `date` is the site's local time,
/// also without one; it is only used when `date_gmt` is missing or null
/// (drafts), and read as UTC, so it can be off by the site's UTC offset.
fn post_date(gmt: Option<String>, local: Option<String>, field: &'static str, gmt_field: &'static str) -> Result<i64, FormatError> {
    let gmt_seen = gmt.as_deref().is_some_and(|s| !s.trim().is_empty());
    let local_seen = local.as_deref().is_some_and(|s| !s.trim().is_empty());
    gmt.as_deref()
        .and_then(parse_rfc3339)
        .or_else(|| local.as_deref().and_then(parse_rfc3339))
        .ok_or(match (gmt_seen, local_seen) {
            (false, false) => FormatError::Missing(field),
            (true, _) => FormatError::BadDate(gmt_field),
            (false, true) => FormatError::BadDate(field),
        })
}

/// The REST API root of the site a document came from: the request URL
/// if it is an API URL (the browser demonstrably reached it, which the
/// post's own `_links` do not promise: sites behind TLS proxies often
/// advertise `http://` links), else the post's `_links.self[0].href`.
fn api_of(doc_url: &str, post: &Wp) -> Option<String> {
    api_root(doc_url).or_else(|| {
        let href = post.links.as_ref()?.self_link.as_ref()?.first()?.href.as_deref()?;
        api_root(href)
    })
}

/// The REST API root in an API URL, to which routes are appended:
/// `https://site/wp-json/wp/v2/posts/5` → `https://site/wp-json`, also for
/// sites in a subdirectory (`https://host/blog/wp-json`) and with a custom
/// prefix (`https://host/api`, found from the `/wp/v2/` route), and
/// `https://site/index.php?rest_route=/wp/v2/posts` (sites without pretty
/// permalinks) → `https://site/index.php?rest_route=`.
pub fn api_root(url: &str) -> Option<String> {
    let url = url.trim();
    let url = &url[..url.find('#').unwrap_or(url.len())];
    let (path, query) = match url.find('?') {
        Some(i) => (&url[..i], Some(&url[i + 1..])),
        None => (url, None),
    };
    // The path must be past the authority: `https://host/…`.
    let path_start = path.find("://").map(|i| i + 3)?;
    let path_start = path[path_start..].find('/').map_or(path.len(), |i| path_start + i);
    let route = &path[path_start..];
    let root = if let Some(i) = find_segment(route, "/wp/v2") {
        &path[..path_start + i]
    } else if let Some(i) = find_segment(route, "/wp-json") {
        &path[..path_start + i + "/wp-json".len()]
    } else if query.is_some_and(|q| pairs(q).any(|(k, _)| k == "rest_route")) {
        let mut s = String::with_capacity(path.len() + 12);
        s.push_str(path);
        s.push_str("?rest_route=");
        return checked("", &s, Use::Document);
    } else {
        return None;
    };
    if root.len() <= path_start {
        // `/wp/v2` at the very root: no prefix at all, not WordPress's shape.
        return None;
    }
    checked("", root, Use::Document)
}

/// Where `segment` (like `/wp-json`) starts in `path` as a whole segment.
fn find_segment(path: &str, segment: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = path[from..].find(segment) {
        let at = from + i;
        let end = at + segment.len();
        if matches!(path.as_bytes().get(end), None | Some(b'/')) {
            return Some(at);
        }
        from = end;
    }
    None
}

/// A URL on the API: `api_url("https://s/wp-json", "/wp/v2/posts", "page=2")`
/// → `https://s/wp-json/wp/v2/posts?page=2`; on a `?rest_route=` root the
/// query joins with `&`.
pub fn api_url(root: &str, route: &str, query: &str) -> Option<String> {
    let mut s = String::with_capacity(root.len() + route.len() + query.len() + 2);
    s.push_str(root);
    s.push_str(route);
    if !query.is_empty() {
        s.push(if root.contains('?') { '&' } else { '?' });
        s.push_str(query);
    }
    checked("", &s, Use::Document)
}

/// The site's web root for an API root: `https://s/blog/wp-json` →
/// `https://s/blog`, `https://s/index.php?rest_route=` → `https://s`.
pub fn site_root(api: &str) -> String {
    let path = api.strip_suffix("?rest_route=").map(|p| p.strip_suffix("index.php").unwrap_or(p));
    let site = match path {
        Some(p) => p.trim_end_matches('/'),
        None => api.rfind('/').map_or(api, |i| &api[..i]),
    };
    site.to_string()
}

/// The in-place document for a link to a post on the same site, for an
/// inline "Also Read" card: `…/wp/v2/posts?slug=<last segment>&_embed`, or
/// `…/wp/v2/posts/<id>?_embed` for plain `?p=<id>` permalinks. `None` for
/// other sites and for links that are clearly not posts (archives, files).
/// `page` is the current post's web page: a headless site's front end can
/// live on another host than its API.
pub fn post_src_for_link(api: &str, page: &str, href: &str) -> Option<String> {
    let site = site_root(api);
    let (href_host, href_path) = (split(href).authority?, split(href).path);
    let (site_host, site_path) = (split(&site).authority?, split(&site).path);
    let rest = if same_host(href_host, site_host) {
        let rest = href_path.strip_prefix(site_path.trim_end_matches('/'))?;
        if !(rest.is_empty() || rest.starts_with('/')) {
            return None; // `/blog-old/…` is not inside `/blog`.
        }
        rest
    } else if split(page).authority.is_some_and(|h| same_host(href_host, h)) {
        href_path
    } else {
        return None;
    };
    if let Some(id) = param(href, "p").filter(|v| is_digits(v)) {
        let mut route = String::from("/wp/v2/posts/");
        route.push_str(id);
        return api_url(api, &route, "_embed");
    }
    let mut segments = rest.split('/').filter(|s| !s.is_empty());
    if segments.clone().any(|s| {
        ["tag", "category", "author", "page", "feed", "search", "wp-content", "wp-admin", "wp-json", "comments"]
            .iter()
            .any(|n| s.eq_ignore_ascii_case(n))
    }) {
        return None;
    }
    let slug = segments.next_back()?;
    let slug_ok = slug.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'%')) && !is_digits(slug);
    if !slug_ok {
        return None;
    }
    let mut query = String::from("slug=");
    query.push_str(slug);
    query.push_str("&_embed");
    api_url(api, "/wp/v2/posts", &query)
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.len() <= 18 && s.bytes().all(|b| b.is_ascii_digit())
}

/// `www.` and scheme do not make another site; case does not either.
fn same_host(a: &str, b: &str) -> bool {
    fn bare(h: &str) -> &str {
        match h.get(..4) {
            Some(w) if w.eq_ignore_ascii_case("www.") => &h[4..],
            _ => h,
        }
    }
    !a.is_empty() && bare(a).eq_ignore_ascii_case(bare(b))
}

/// The lead image from the first `wp:featuredmedia`.
fn featured_image(media: Option<&Wp>) -> Option<Image> {
    let m = media?;
    let src = checked("", m.source_url.as_deref()?.trim(), Use::Image)?;
    let (width, height) = match m.media_details.as_deref() {
        Some(d) => size_pair(d.width, d.height),
        None => (None, None),
    };
    let caption = m.caption.as_ref().and_then(|c| c.rendered.as_deref()).map(html_to_text).filter(|c| !c.is_empty());
    Some(Image {
        src,
        alt: m.alt_text.as_deref().map(html_to_text).unwrap_or_default(),
        width,
        height,
        caption,
        credit: None,
    })
}

/// Tags then categories, each a chip that opens the posts filed under it;
/// the default "Uncategorized" category says nothing and is left out.
/// Categories are kept (after the tags) because they are a site's
/// sections, which a reader is most likely to want to browse; many sites
/// use no tags at all. Other taxonomies are skipped.
fn tags_of(terms: Vec<Vec<Wp>>, api: Option<&str>, base: &str) -> Vec<Tag> {
    let terms: Vec<Wp> = terms.into_iter().flatten().collect();
    let mut tags: Vec<Tag> = Vec::new();
    for (taxonomy, param) in [("post_tag", "tags="), ("category", "categories=")] {
        for t in terms.iter().filter(|t| t.taxonomy.as_deref() == Some(taxonomy)) {
            if taxonomy == "category" && t.slug.as_deref() == Some("uncategorized") {
                continue;
            }
            let Some(name) = t.name.as_deref().map(html_to_text).filter(|n| !n.is_empty()) else { continue };
            let src = match (api, t.id.0) {
                (Some(api), Some(id)) if id > 0 => {
                    let mut q = String::from(param);
                    q.push_str(&id.to_string());
                    q.push_str(TAG_PAGE);
                    api_url(api, "/wp/v2/posts", &q)
                }
                _ => None,
            };
            let url = t.link.as_deref().and_then(|l| checked(base, l, Use::Link));
            push_tag(&mut tags, Tag { name, url, src });
        }
    }
    tags
}

/// A post as an article. Required: `id`, `link`, `title.rendered`, and a
/// date (`date_gmt`, else `date`).
pub(crate) fn article_from_post(p: Wp, doc_url: &str, html: ParseHtml<'_>) -> Result<Article, FormatError> {
    let api = api_of(doc_url, &p);
    let id = p.id.0.filter(|id| *id > 0).ok_or(FormatError::Missing("id"))?;
    let link = p.link.as_deref().map(str::trim).filter(|l| !l.is_empty()).ok_or(FormatError::Missing("link"))?;
    let url = checked(doc_url, link, Use::Document).ok_or(FormatError::BadUrl("link"))?;
    let title = rendered_text(p.title).ok_or(FormatError::Missing("title.rendered"))?;
    let published = post_date(p.date_gmt, p.date, "date", "date_gmt")?;
    let modified = post_date(p.modified_gmt, p.modified, "modified", "modified_gmt").ok();

    let embedded = p.embedded.map(|e| *e).unwrap_or_default();
    let authors = embedded
        .author
        .unwrap_or_default()
        .into_iter()
        .filter_map(|a| {
            let name = a.name.as_deref().map(html_to_text).filter(|n| !n.is_empty())?;
            Some(Author { name, url: a.link.as_deref().and_then(|l| checked(&url, l, Use::Link)) })
        })
        .take(MAX_AUTHORS)
        .collect();
    let image = featured_image(embedded.featured_media.as_ref().and_then(|m| m.first()));
    let tags = tags_of(embedded.terms.unwrap_or_default(), api.as_deref(), &url);

    // The body's HTML was written for the post's page, so its relative
    // links resolve against `link`, not against the API URL. Inline Also
    // Read links to other posts of the site open in place.
    let body = match p.content.and_then(|c| c.rendered).filter(|h| !h.trim().is_empty()) {
        Some(h) => from_html(html(&h), &url, &|href| api.as_deref().and_then(|a| post_src_for_link(a, &url, href))),
        None => Vec::new(),
    };

    let mut a = Article {
        id: id.to_string(),
        recent: api.as_deref().and_then(|a| api_url(a, "/wp/v2/posts", RECENT_QUERY)),
        url,
        src: doc_url.to_string(),
        title,
        summary: excerpt_text(p.excerpt),
        published,
        modified,
        authors,
        language: None,
        place: None,
        image,
        body,
        also_read: Vec::new(),
        tags,
        api,
        publisher: p.yoast_head_json.and_then(|y| y.og_site_name).map(|n| html_to_text(&n)).filter(|n| !n.is_empty()),
    };
    finish(&mut a);
    Ok(a)
}

/// A collection as a listing. Each card opens its post in place.
pub(crate) fn listing_from_posts(posts: Vec<Wp>, doc_url: &str) -> Listing {
    let count = posts.len();
    let api = api_root(doc_url).or_else(|| posts.first().and_then(|p| api_of(doc_url, p)));
    let items: Vec<Card> = posts.into_iter().filter_map(|p| card_from_post(p, api.as_deref(), doc_url)).take(MAX_FEED_ITEMS).collect();
    // A short page is the last one. Otherwise the next page is a guess that
    // the shell confirms with `X-WP-TotalPages` (see `wp_next_page`).
    let per_page = param(doc_url, "per_page").and_then(|v| number(v)?.try_into().ok()).unwrap_or(DEFAULT_PER_PAGE);
    let next_url = if count < per_page as usize { None } else { wp_next_page(doc_url, None) };
    Listing {
        title: None,
        home_url: api.as_deref().and_then(|a| checked("", &site_root(a), Use::Link)),
        items,
        next_url,
        articles: Vec::new(),
    }
}

fn card_from_post(p: Wp, api: Option<&str>, doc_url: &str) -> Option<Card> {
    let title = rendered_text(p.title)?;
    let url = p.link.as_deref().and_then(|l| checked(doc_url, l.trim(), Use::Link));
    let src = match (api, p.id.0) {
        (Some(api), Some(id)) if id > 0 => {
            let mut route = String::from("/wp/v2/posts/");
            route.push_str(&id.to_string());
            api_url(api, &route, "_embed")
        }
        _ => None,
    };
    if url.is_none() && src.is_none() {
        return None;
    }
    let image = p.embedded.as_ref().and_then(|e| e.featured_media.as_ref()).and_then(|m| m.first()).and_then(|m| featured_image(Some(m)));
    Some(Card {
        title,
        url,
        src,
        image: image.map(|i| i.src),
        summary: excerpt_text(p.excerpt),
        published: post_date(p.date_gmt, p.date, "date", "date_gmt").ok(),
    })
}

/// The next page of a collection request: `doc_url` with `page=N+1` (a
/// missing `page` is page 1). `total_pages` is the response's
/// `X-WP-TotalPages` header; with it, `None` on the last page. Without it
/// the next page may not exist (WordPress answers 400).
pub fn wp_next_page(doc_url: &str, total_pages: Option<u32>) -> Option<String> {
    let page: u32 = param(doc_url, "page").and_then(|v| number(v)?.try_into().ok()).unwrap_or(1);
    if total_pages.is_some_and(|t| page >= t) {
        return None;
    }
    let next = page.checked_add(1)?.to_string();
    checked("", &set_param(doc_url.trim(), "page", &next), Use::Document)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_root_is_found_in_pretty_subdirectory_custom_and_rest_route_urls() {
        let table = [
            ("https://demo.worona.org/wp-json/wp/v2/posts/60", Some("https://demo.worona.org/wp-json")),
            ("https://demo.worona.org/wp-json/wp/v2/posts?_embed&per_page=6", Some("https://demo.worona.org/wp-json")),
            ("https://example.com/blog/wp-json/wp/v2/posts?slug=x", Some("https://example.com/blog/wp-json")),
            ("https://example.com/api/wp/v2/posts/5", Some("https://example.com/api")),
            ("https://example.com/wp-json/", Some("https://example.com/wp-json")),
            ("http://example.org/index.php?rest_route=/wp/v2/posts/4", Some("http://example.org/index.php?rest_route=")),
            ("http://example.org/?rest_route=%2Fwp%2Fv2%2Fposts&page=2", Some("http://example.org/?rest_route=")),
            ("https://example.com/wp-jsonx/wp/v3/posts", None),
            ("https://example.com/feeds/recent.json", None),
            ("https://example.com/wp/v2/posts", None),
            ("javascript:alert(1)//wp-json/", None),
            ("not a url", None),
        ];
        for (url, want) in table {
            assert_eq!(api_root(url).as_deref(), want, "{url}");
        }
    }

    #[test]
    fn api_urls_join_the_query_with_the_right_separator() {
        assert_eq!(api_url("https://s/wp-json", "/wp/v2/posts", "_embed").as_deref(), Some("https://s/wp-json/wp/v2/posts?_embed"));
        assert_eq!(
            api_url("http://s/index.php?rest_route=", "/wp/v2/posts", "_embed").as_deref(),
            Some("http://s/index.php?rest_route=/wp/v2/posts&_embed")
        );
        assert_eq!(site_root("https://s/blog/wp-json"), "https://s/blog");
        assert_eq!(site_root("http://s/index.php?rest_route="), "http://s");
        assert_eq!(site_root("http://s/?rest_route="), "http://s");
    }

    #[test]
    fn same_site_post_links_get_an_in_place_slug_query() {
        let api = "https://news.example.com/wp-json";
        let page = "https://news.example.com/2025/05/18/tour/";
        let src = |href| post_src_for_link(api, page, href);
        assert_eq!(
            src("https://news.example.com/2025/05/17/visa-warning/").as_deref(),
            Some("https://news.example.com/wp-json/wp/v2/posts?slug=visa-warning&_embed")
        );
        assert_eq!(
            src("http://www.news.example.com/visa-warning").as_deref(),
            Some("https://news.example.com/wp-json/wp/v2/posts?slug=visa-warning&_embed"),
            "scheme and www. do not make another site"
        );
        assert_eq!(src("https://news.example.com/?p=42").as_deref(), Some("https://news.example.com/wp-json/wp/v2/posts/42?_embed"));
        assert_eq!(src("https://other.example/2025/05/17/visa-warning/"), None);
        assert_eq!(src("https://news.example.com/tag/diplomacy/"), None);
        assert_eq!(src("https://news.example.com/2025/05/"), None, "a date archive");
        assert_eq!(src("https://news.example.com/wp-content/uploads/a.pdf"), None);
        assert_eq!(src("https://news.example.com/"), None);
        assert_eq!(src("https://news.example.com/a&b=c/"), None, "no query injection through the slug");
    }

    #[test]
    fn subdirectory_sites_only_claim_their_own_paths() {
        let api = "https://example.com/blog/wp-json";
        let page = "https://example.com/blog/hello/";
        assert_eq!(
            post_src_for_link(api, page, "https://example.com/blog/other-post/").as_deref(),
            Some("https://example.com/blog/wp-json/wp/v2/posts?slug=other-post&_embed")
        );
        assert_eq!(post_src_for_link(api, "https://elsewhere.example/x", "https://example.com/shop/item/"), None);
    }

    #[test]
    fn headless_front_ends_on_another_host_count_as_the_same_site() {
        let api = "https://cms.example.com/wp-json";
        let page = "https://www.example.com/2025/05/18/tour/";
        assert_eq!(
            post_src_for_link(api, page, "https://www.example.com/2025/05/17/visa-warning/").as_deref(),
            Some("https://cms.example.com/wp-json/wp/v2/posts?slug=visa-warning&_embed")
        );
    }

    #[test]
    fn next_page_replaces_or_adds_page_and_stops_at_the_total() {
        let base = "https://s/wp-json/wp/v2/posts?_embed&per_page=6";
        assert_eq!(wp_next_page(base, None).as_deref(), Some("https://s/wp-json/wp/v2/posts?_embed&per_page=6&page=2"));
        assert_eq!(wp_next_page(base, Some(3)).as_deref(), Some("https://s/wp-json/wp/v2/posts?_embed&per_page=6&page=2"));
        assert_eq!(wp_next_page(base, Some(1)), None);
        assert_eq!(wp_next_page(base, Some(0)), None, "an empty collection has no next page");
        let p2 = "https://s/wp-json/wp/v2/posts?page=2&per_page=6";
        assert_eq!(wp_next_page(p2, Some(3)).as_deref(), Some("https://s/wp-json/wp/v2/posts?page=3&per_page=6"));
        assert_eq!(wp_next_page("https://s/wp-json/wp/v2/posts?per_page=6&page=3", Some(3)), None);
        assert_eq!(wp_next_page("https://s/wp-json/wp/v2/posts", None).as_deref(), Some("https://s/wp-json/wp/v2/posts?page=2"));
        assert_eq!(
            wp_next_page("http://s/?rest_route=/wp/v2/posts", Some(2)).as_deref(),
            Some("http://s/?rest_route=/wp/v2/posts&page=2")
        );
    }

    #[test]
    fn dates_prefer_gmt_and_fall_back_to_local_time_read_as_utc() {
        let s = |v: &str| Some(v.to_string());
        assert_eq!(post_date(s("2016-11-25T18:31:11"), s("2016-11-25T20:31:11"), "date", "date_gmt"), Ok(1_480_098_671_000));
        assert_eq!(post_date(None, s("2016-11-25T18:31:11"), "date", "date_gmt"), Ok(1_480_098_671_000));
        assert_eq!(post_date(s("0000-00-00T00:00:00"), s("2016-11-25T18:31:11"), "date", "date_gmt"), Ok(1_480_098_671_000));
        assert_eq!(post_date(None, None, "date", "date_gmt"), Err(FormatError::Missing("date")));
        assert_eq!(post_date(s("soon"), None, "date", "date_gmt"), Err(FormatError::BadDate("date_gmt")));
        assert_eq!(post_date(None, s("soon"), "date", "date_gmt"), Err(FormatError::BadDate("date")));
    }
}
