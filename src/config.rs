//! Embed configuration (pure): the `data-*` attributes of a
//! `[data-dateline]` element, validated. The embed layer reads the attributes
//! and hands them in through a getter, so this module never sees the DOM.

use crate::formats::{parse_format_hint, Format};
use crate::history::encode;
use crate::i18n::valid_locale;
use crate::limits::{MAX_FEED_ITEMS, RAIL_ITEMS};
use crate::text::number;
use crate::url::{checked, Use};
use crate::widget::TIMEOUT_MS;

/// `data-timeout` is clamped into this range (milliseconds): shorter would
/// fail on a slow but working phone connection, longer leaves a reader
/// looking at a skeleton for a minute. The loader's early fetch gives up
/// after `MAX_TIMEOUT_MS` whatever the element says.
pub const MIN_TIMEOUT_MS: u32 = 1_000;
pub const MAX_TIMEOUT_MS: u32 = 60_000;

/// Default heading level: the host page usually owns the `h1`.
pub const DEFAULT_HEADING_LEVEL: u8 = 2;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Absolute URL of the article JSON (`data-src`).
    pub src: String,
    /// Absolute URL of a recent-posts feed (`data-recent`), overriding the
    /// article's own.
    pub recent: Option<String>,
    /// 1–6 (`data-heading-level`).
    pub heading_level: u8,
    /// A BCP 47 tag (`data-locale`).
    pub locale: Option<String>,
    /// In-place navigation pushes history entries and reads deep links;
    /// `data-history="off"` turns both off.
    pub history: bool,
    /// The element's `data-format` (`dateline`, `jsonfeed`, `wordpress`),
    /// forcing how documents are read instead of detecting it.
    pub format: Option<Format>,
    /// `data-theme`: `light`, `dark`, or `auto` (the default).
    pub theme: Theme,
    /// `data-layout`: `full` (the default), `compact` or `rail`.
    pub layout: Layout,
    /// `data-max-items`: how many stories the Recent Posts rail and the
    /// Also Read section show (1–50).
    pub max_items: usize,
    /// `data-timeout`: milliseconds a story's load (request and whole
    /// body) may take, `MIN_TIMEOUT_MS`..=`MAX_TIMEOUT_MS`; default
    /// `widget::TIMEOUT_MS` (15 s).
    pub timeout_ms: u32,
    /// `data-partner`: the partner's name; the widget then credits the
    /// publisher ("From …", linked to the canonical article).
    pub partner: Option<String>,
    /// `data-links="out"`: stories open on the publisher's site in a new
    /// tab instead of in place.
    pub links_out: bool,
    /// `data-utm-source`, `-medium`, `-campaign`, as query pairs ready to
    /// add (`utm_source`, percent-encoded value) to links to the
    /// publisher's canonical pages (`url::tagged`).
    pub utm: Vec<(&'static str, String)>,
    /// `data-loading`: when the widget fetches its first document.
    pub loading: Loading,
}

/// When a widget starts (`data-loading`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loading {
    /// `lazy`, and the default: at once if the element is within about a
    /// viewport of being visible (`near`), else when it comes that near.
    Lazy,
    /// `eager`: at once, wherever the element is.
    Eager,
}

/// Whether an element whose box spans `top`..`bottom` (relative to the
/// viewport, as `getBoundingClientRect` says) is within one viewport's
/// height (`vh`) of being visible. The loader (loader/dateline.js) and the
/// lazy start's IntersectionObserver (`rootMargin: 100% 0px`) use the same
/// rule.
pub fn near(top: f64, bottom: f64, vh: f64) -> bool {
    bottom >= -vh && top <= 2.0 * vh
}

/// The key in `Dateline.mount(el, options)` that stands for the attribute
/// `name`, as `el.dataset` names it: `data-heading-level` is
/// `headingLevel`. `None` for a name that is not a `data-*` attribute.
pub fn option_key(name: &str) -> Option<String> {
    let rest = name.strip_prefix("data-")?;
    let mut key = String::with_capacity(rest.len());
    let mut up = false;
    for c in rest.chars() {
        match c {
            '-' => up = true,
            c if up => {
                key.push(c.to_ascii_uppercase());
                up = false;
            }
            c => key.push(c),
        }
    }
    Some(key)
}

/// The campaign attributes and the query parameter each one sets.
pub const UTM: [(&str, &str); 3] = [("data-utm-source", "utm_source"), ("data-utm-medium", "utm_medium"), ("data-utm-campaign", "utm_campaign")];

/// What a widget shows of a story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// The article with its Also Read cards, tags and the Recent Posts rail.
    Full,
    /// A teaser: headline, standfirst, dateline, lead image and Also Read
    /// cards; the headline opens the full story in place.
    Compact,
    /// The Recent Posts rail alone (a sidebar): the rail of the article
    /// `data-src` names, or the feed it names.
    Rail,
}

/// The widget's colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    /// The page's own colour scheme when it declares one (`color-scheme`
    /// on the element or an ancestor), else the reader's preference
    /// (`prefers-color-scheme`).
    Auto,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// No `data-src` attribute, or an empty one.
    MissingSrc,
    /// `data-src` is not an http(s) URL.
    BadSrc(String),
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::MissingSrc => f.write_str("the element has no data-src attribute"),
            ConfigError::BadSrc(s) => write!(f, "data-src \"{s}\" is not an http(s) URL"),
        }
    }
}

/// Read the configuration. `attr` returns an attribute's value; `page_url`
/// is the host page's URL, against which relative attributes resolve.
pub fn parse(attr: impl Fn(&str) -> Option<String>, page_url: &str) -> Result<Config, ConfigError> {
    let src = attr("data-src").map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).ok_or(ConfigError::MissingSrc)?;
    let src = checked(page_url, &src, Use::Document).ok_or(ConfigError::BadSrc(src))?;
    let recent = attr("data-recent").and_then(|r| checked(page_url, r.trim(), Use::Document));
    let heading_level = attr("data-heading-level")
        .and_then(|h| number(&h))
        .filter(|h| (1..=6).contains(h))
        .map_or(DEFAULT_HEADING_LEVEL, |h| h as u8);
    let locale = attr("data-locale").map(|l| l.trim().to_string()).filter(|l| valid_locale(l));
    let history = !attr("data-history").is_some_and(|h| h.trim().eq_ignore_ascii_case("off"));
    let format = attr("data-format").and_then(|f| parse_format_hint(&f));
    let theme = match attr("data-theme").as_deref().map(str::trim) {
        Some(t) if t.eq_ignore_ascii_case("light") => Theme::Light,
        Some(t) if t.eq_ignore_ascii_case("dark") => Theme::Dark,
        _ => Theme::Auto,
    };
    let layout = match attr("data-layout").as_deref().map(str::trim) {
        Some(l) if l.eq_ignore_ascii_case("compact") => Layout::Compact,
        Some(l) if l.eq_ignore_ascii_case("rail") => Layout::Rail,
        _ => Layout::Full,
    };
    let max_items = attr("data-max-items")
        .and_then(|n| number(&n))
        .filter(|n| (1..=MAX_FEED_ITEMS as u64).contains(n))
        .map_or(RAIL_ITEMS, |n| n as usize);
    // A number out of range is clamped (a publisher who wrote 100000 wants
    // "long"); anything else is the default.
    let timeout_ms = attr("data-timeout")
        .and_then(|t| number(&t))
        .map_or(TIMEOUT_MS, |t| t.clamp(MIN_TIMEOUT_MS as u64, MAX_TIMEOUT_MS as u64) as u32);
    let text = |name| attr(name).map(|v| v.trim().chars().take(200).collect::<String>()).filter(|v| !v.is_empty());
    let partner = text("data-partner");
    let links_out = attr("data-links").is_some_and(|l| l.trim().eq_ignore_ascii_case("out"));
    let utm = UTM.iter().filter_map(|(a, key)| Some((*key, encode(&text(a)?, false)))).collect();
    let loading = if attr("data-loading").is_some_and(|l| l.trim().eq_ignore_ascii_case("eager")) { Loading::Eager } else { Loading::Lazy };
    Ok(Config { src, recent, heading_level, locale, history, format, theme, layout, max_items, timeout_ms, partner, links_out, utm, loading })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://host.example/news/page.html?x=1";

    fn attrs<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    }

    #[test]
    fn a_minimal_element_gets_the_defaults() {
        let c = parse(attrs(&[("data-src", "https://n.example/a.json")]), PAGE).unwrap();
        assert_eq!(
            c,
            Config {
                src: "https://n.example/a.json".into(),
                recent: None,
                heading_level: 2,
                locale: None,
                history: true,
                format: None,
                theme: Theme::Auto,
                layout: Layout::Full,
                max_items: 10,
                timeout_ms: 15_000,
                partner: None,
                links_out: false,
                utm: vec![],
                loading: Loading::Lazy,
            }
        );
    }

    #[test]
    fn data_format_forces_a_known_format_and_ignores_others() {
        for (v, want) in [("wordpress", Some(Format::WordPress)), (" JSONFeed ", Some(Format::JsonFeed)), ("dateline", Some(Format::Dateline)), ("rss", Some(Format::Rss)), ("Atom", Some(Format::Atom)), ("xml", None), ("", None)] {
            let c = parse(attrs(&[("data-src", "a.json"), ("data-format", v)]), PAGE).unwrap();
            assert_eq!(c.format, want, "{v:?}");
        }
    }

    #[test]
    fn data_theme_is_light_or_dark_in_any_case_and_auto_otherwise() {
        for (v, want) in [("light", Theme::Light), (" DARK ", Theme::Dark), ("auto", Theme::Auto), ("sepia", Theme::Auto), ("", Theme::Auto)] {
            let c = parse(attrs(&[("data-src", "a.json"), ("data-theme", v)]), PAGE).unwrap();
            assert_eq!(c.theme, want, "{v:?}");
        }
    }

    #[test]
    fn data_layout_is_compact_or_rail_in_any_case_and_full_otherwise() {
        for (v, want) in [("compact", Layout::Compact), (" RAIL ", Layout::Rail), ("full", Layout::Full), ("grid", Layout::Full), ("", Layout::Full)] {
            let c = parse(attrs(&[("data-src", "a.json"), ("data-layout", v)]), PAGE).unwrap();
            assert_eq!(c.layout, want, "{v:?}");
        }
    }

    #[test]
    fn data_max_items_is_one_to_fifty_else_ten() {
        for (v, want) in [("3", 3), (" 50 ", 50), ("1", 1), ("0", 10), ("51", 10), ("-2", 10), ("five", 10)] {
            let c = parse(attrs(&[("data-src", "a.json"), ("data-max-items", v)]), PAGE).unwrap();
            assert_eq!(c.max_items, want, "{v:?}");
        }
    }

    #[test]
    fn data_timeout_is_milliseconds_clamped_to_one_to_sixty_seconds() {
        for (v, want) in [("2000", 2000), (" 30000 ", 30_000), ("1000", 1000), ("60000", 60_000), ("10", 1000), ("0", 1000), ("100000", 60_000), ("99999999999999999999", 15_000), ("-5", 15_000), ("2s", 15_000), ("", 15_000)] {
            let c = parse(attrs(&[("data-src", "a.json"), ("data-timeout", v)]), PAGE).unwrap();
            assert_eq!(c.timeout_ms, want, "{v:?}");
        }
    }

    #[test]
    fn data_loading_eager_in_any_case_turns_lazy_start_off() {
        for (v, want) in [("eager", Loading::Eager), (" EAGER ", Loading::Eager), ("lazy", Loading::Lazy), ("soon", Loading::Lazy), ("", Loading::Lazy)] {
            let c = parse(attrs(&[("data-src", "a.json"), ("data-loading", v)]), PAGE).unwrap();
            assert_eq!(c.loading, want, "{v:?}");
        }
    }

    #[test]
    fn near_means_within_one_viewport_of_the_visible_area() {
        let vh = 800.0;
        // On screen, just below the fold, a viewport below it, past that.
        assert!(near(100.0, 600.0, vh));
        assert!(near(900.0, 1500.0, vh));
        assert!(near(1600.0, 2400.0, vh));
        assert!(!near(1601.0, 2400.0, vh));
        // Scrolled past: still near within a viewport above.
        assert!(near(-2000.0, -800.0, vh));
        assert!(!near(-2000.0, -801.0, vh));
    }

    #[test]
    fn option_keys_are_the_dataset_names_of_the_attributes() {
        for (name, want) in [("data-src", Some("src")), ("data-heading-level", Some("headingLevel")), ("data-utm-source", Some("utmSource")), ("data-max-items", Some("maxItems")), ("src", None), ("aria-label", None)] {
            assert_eq!(option_key(name).as_deref(), want, "{name}");
        }
    }

    #[test]
    fn data_history_off_disables_history_in_any_case() {
        for (v, want) in [("off", false), (" OFF ", false), ("on", true), ("", true)] {
            let c = parse(attrs(&[("data-src", "a.json"), ("data-history", v)]), PAGE).unwrap();
            assert_eq!(c.history, want, "{v:?}");
        }
    }

    #[test]
    fn relative_attributes_resolve_against_the_page() {
        let c = parse(attrs(&[("data-src", "api/a.json"), ("data-recent", "/feeds/recent.json")]), PAGE).unwrap();
        assert_eq!(c.src, "https://host.example/news/api/a.json");
        assert_eq!(c.recent.as_deref(), Some("https://host.example/feeds/recent.json"));
    }

    #[test]
    fn missing_or_hostile_src_is_an_error() {
        assert_eq!(parse(attrs(&[]), PAGE), Err(ConfigError::MissingSrc));
        assert_eq!(parse(attrs(&[("data-src", "  ")]), PAGE), Err(ConfigError::MissingSrc));
        assert_eq!(
            parse(attrs(&[("data-src", "javascript:alert(1)")]), PAGE),
            Err(ConfigError::BadSrc("javascript:alert(1)".into()))
        );
    }

    #[test]
    fn heading_level_outside_1_to_6_falls_back_to_2() {
        for (v, want) in [("1", 1), ("6", 6), (" 3 ", 3), ("0", 2), ("7", 2), ("h2", 2), ("-1", 2), ("", 2)] {
            let c = parse(attrs(&[("data-src", "a.json"), ("data-heading-level", v)]), PAGE).unwrap();
            assert_eq!(c.heading_level, want, "{v:?}");
        }
    }

    #[test]
    fn malformed_locales_are_ignored() {
        for (v, want) in [("en-IN", Some("en-IN")), ("ur", Some("ur")), ("zh-Hant-TW", Some("zh-Hant-TW")), ("e", None), ("en IN", None), ("<b>", None), ("en--x", None)] {
            let c = parse(attrs(&[("data-src", "a.json"), ("data-locale", v)]), PAGE).unwrap();
            assert_eq!(c.locale.as_deref(), want, "{v:?}");
        }
    }

    #[test]
    fn data_links_out_in_any_case_opens_stories_on_the_publishers_site_and_anything_else_in_place() {
        for (v, want) in [("out", true), (" OUT ", true), ("inplace", false), ("new-tab", false), ("", false)] {
            let c = parse(attrs(&[("data-src", "a.json"), ("data-links", v)]), PAGE).unwrap();
            assert_eq!(c.links_out, want, "{v:?}");
        }
    }

    #[test]
    fn partner_and_campaign_attributes_are_trimmed_bounded_and_utm_values_percent_encoded() {
        let c = parse(
            attrs(&[("data-src", "a.json"), ("data-partner", " Daily Sun "), ("data-utm-source", "daily sun"), ("data-utm-medium", "  "), ("data-utm-campaign", "spring&x=1#y")]),
            PAGE,
        )
        .unwrap();
        assert_eq!(c.partner.as_deref(), Some("Daily Sun"));
        assert_eq!(c.utm, vec![("utm_source", "daily%20sun".to_string()), ("utm_campaign", "spring%26x%3D1%23y".to_string())], "an empty medium is no medium");
        let long = "x".repeat(500);
        let c = parse(attrs(&[("data-src", "a.json"), ("data-partner", &long)]), PAGE).unwrap();
        assert_eq!(c.partner.map(|p| p.len()), Some(200));
        assert_eq!(parse(attrs(&[("data-src", "a.json"), ("data-partner", " ")]), PAGE).unwrap().partner, None);
    }
}
