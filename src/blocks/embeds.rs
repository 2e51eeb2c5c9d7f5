//! Third-party embeds (a video player, a post on a social network, a map):
//! the source's iframe or script is never run; the block is a link card to
//! the page a reader can open.

use super::tree::{attr, attrs_of, find, find_href, has_class, plain_text};
use super::Walk;
use crate::model::Block;
use crate::sanitize::Raw;
use crate::text::{collapse, excerpt};
use crate::url::{checked, host, split, Use};

/// Blockquotes that are really third-party embeds (their script is gone).
pub(super) fn is_embed_quote(attrs: &[(String, String)]) -> bool {
    [
        "twitter-tweet",
        "twitter-video",
        "instagram-media",
        "tiktok-embed",
        "wp-embedded-content",
        "bluesky-embed",
        "text-post-media",
        "reddit-embed-bq",
    ]
    .iter()
    .any(|c| has_class(attrs, c))
}

/// A host without `www.`.
fn bare_host(url: &str) -> &str {
    let h = host(url);
    h.strip_prefix("www.").unwrap_or(h)
}

fn host_is(host: &str, domain: &str) -> bool {
    host == domain || host.strip_suffix(domain).is_some_and(|p| p.ends_with('.'))
}

/// A reader-facing name for who serves an embed.
pub(super) fn provider(url: &str) -> String {
    let h = bare_host(url);
    let known = [
        ("youtube.com", "YouTube"),
        ("youtu.be", "YouTube"),
        ("youtube-nocookie.com", "YouTube"),
        ("vimeo.com", "Vimeo"),
        ("twitter.com", "X"),
        ("x.com", "X"),
        ("instagram.com", "Instagram"),
        ("facebook.com", "Facebook"),
        ("tiktok.com", "TikTok"),
        ("spotify.com", "Spotify"),
        ("soundcloud.com", "SoundCloud"),
        ("dailymotion.com", "Dailymotion"),
        ("bsky.app", "Bluesky"),
        ("threads.net", "Threads"),
        ("reddit.com", "Reddit"),
    ];
    known.iter().find(|(d, _)| host_is(h, d)).map_or_else(|| h.to_string(), |(_, name)| name.to_string())
}

/// Player URLs become the page a reader can open: YouTube's
/// `/embed/<id>` → `/watch?v=<id>`, Vimeo's player → `vimeo.com/<id>`.
pub(super) fn page_for_player(url: String) -> String {
    let h = bare_host(&url);
    let path = split(&url).path;
    let id_ok = |id: &str| !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    let page = if host_is(h, "youtube.com") || host_is(h, "youtube-nocookie.com") {
        path.strip_prefix("/embed/").filter(|id| id_ok(id)).map(|id| ("https://www.youtube.com/watch?v=", id))
    } else if h == "player.vimeo.com" {
        path.strip_prefix("/video/").filter(|id| id_ok(id)).map(|id| ("https://vimeo.com/", id))
    } else {
        None
    };
    match page {
        Some((prefix, id)) => {
            let mut s = String::from(prefix);
            s.push_str(id);
            s
        }
        None => url,
    }
}

impl Walk<'_> {
    /// A social-network post whose embed script was stripped: a card to it.
    pub(super) fn embed_quote(&self, attrs: &[(String, String)], children: &[Raw], caption: Option<String>) -> Option<Block> {
        let from_attr = ["cite", "data-instgrm-permalink", "data-text-post-permalink"].iter().find_map(|k| attr(attrs, k));
        // A tweet's own address is its last link, the one to `/status/`.
        let href = from_attr.or_else(|| find_href(children, &|h| h.contains("/status/"))).or_else(|| find_href(children, &|_| true))?;
        let text = find(children, &|n, _| n == "p").map(|p| plain_text(super::tree::children_of(p))).unwrap_or_else(|| plain_text(children));
        let title = caption.or_else(|| Some(excerpt(&text, 160)).filter(|t| !t.is_empty()));
        self.embed(href, title)
    }

    pub(super) fn embed(&self, href: &str, title: Option<String>) -> Option<Block> {
        let url = checked(self.base, href.trim(), Use::Link)?;
        if !url.starts_with("http") {
            return None;
        }
        let url = page_for_player(url);
        Some(Block::Embed { provider: provider(&url), url, title })
    }

    /// An `iframe`: never loaded, shown as a card to what it would show.
    pub(super) fn frame(&self, attrs: &[(String, String)], caption: Option<String>) -> Option<Block> {
        let src = ["src", "data-src", "data-lazy-src"].iter().find_map(|k| attr(attrs, k).filter(|v| !v.trim().is_empty()))?;
        let title = attr(attrs, "title").map(collapse).filter(|t| !t.is_empty()).or(caption);
        self.embed(src, title)
    }

    /// A `video` or `audio` file: a card that opens it.
    pub(super) fn media(&self, attrs: &[(String, String)], children: &[Raw], caption: Option<String>) -> Option<Block> {
        let src = attr(attrs, "src").or_else(|| find(children, &|n, a| n == "source" && attr(a, "src").is_some()).and_then(|s| attr(attrs_of(s), "src")))?;
        self.embed(src, caption)
    }

    /// A Gutenberg `wp-block-embed` that oEmbed did not expand: the wrapper
    /// holds the URL as a link or as text.
    pub(super) fn unexpanded_embed(&self, children: &[Raw], caption: Option<String>) -> Option<Block> {
        let href = find_href(children, &|_| true).map(str::to_string).or_else(|| {
            let text = plain_text(children);
            text.split_ascii_whitespace().find(|w| w.starts_with("http://") || w.starts_with("https://")).map(str::to_string)
        })?;
        self.embed(&href, caption)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn providers_are_named_and_players_become_pages() {
        assert_eq!(provider("https://www.youtube.com/watch?v=x"), "YouTube");
        assert_eq!(provider("https://mobile.twitter.com/a/status/1"), "X");
        assert_eq!(provider("https://maps.example.org/embed"), "maps.example.org");
        assert_eq!(page_for_player("https://www.youtube.com/embed/3bUtvUAeX8s?feature=oembed".into()), "https://www.youtube.com/watch?v=3bUtvUAeX8s");
        assert_eq!(page_for_player("https://www.youtube-nocookie.com/embed/a_b-C".into()), "https://www.youtube.com/watch?v=a_b-C");
        assert_eq!(page_for_player("https://player.vimeo.com/video/76979871?h=8".into()), "https://vimeo.com/76979871");
        assert_eq!(page_for_player("https://www.youtube.com/embed/x\"y".into()), "https://www.youtube.com/embed/x\"y");
    }
}
