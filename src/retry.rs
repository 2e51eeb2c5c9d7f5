//! When a failed load is tried again (pure): which failures, after how
//! long, and how often. `net` asks this after every failed attempt and
//! carries the answer out with a timer; the view asks `after_online`
//! when the browser comes back online.
//!
//! - Network errors, 5xx, 408 and 429 are tried again, at most
//!   `MAX_RETRIES` times, after an exponential backoff with jitter
//!   (`BACKOFF_MS`, then twice that; each a random point in its upper
//!   half), or after what the server's `Retry-After` asks (seconds or an
//!   HTTP date), plus up to `JITTER_MS`.
//! - A `Retry-After` longer than `MAX_RETRY_AFTER_MS` is obeyed by not
//!   trying again automatically: the reader gets the message and Retry.
//! - Other 4xx, a timeout (one per load: a server too slow once is too slow
//!   again), a CORS refusal, an offline browser (the `online` event tries
//!   once instead) and documents that cannot be read are not tried again.

use crate::text::number;
use crate::time::parse_rfc822;
use crate::widget::LoadError;

/// Automatic retries after the first attempt.
pub const MAX_RETRIES: u32 = 2;
/// The first retry's backoff; the second waits up to twice this.
pub const BACKOFF_MS: u32 = 1_000;
/// A `Retry-After` asking for longer than this is not waited for.
pub const MAX_RETRY_AFTER_MS: u32 = 30_000;
/// At most this much is added to a `Retry-After`, so many widgets (or
/// pages) told the same do not all come back in the same millisecond.
pub const JITTER_MS: u32 = 250;

/// A failure another attempt may cure.
pub fn retryable(e: &LoadError) -> bool {
    matches!(e, LoadError::Network | LoadError::Http(408 | 429 | 500..=599))
}

/// What a `Retry-After` value asks for, in milliseconds from `now_ms`:
/// delta-seconds (`"120"`) or an HTTP date (`"Wed, 21 Oct 2015 07:28:00
/// GMT"`, none if it is past). `None` if it is neither.
pub fn retry_after_ms(value: &str, now_ms: i64) -> Option<u64> {
    let v = value.trim();
    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        // Huge numbers saturate rather than fail: they mean "much later".
        return Some(number(v).unwrap_or(u64::MAX).saturating_mul(1000));
    }
    parse_rfc822(v).map(|at| at.saturating_sub(now_ms).max(0) as u64)
}

/// How long to wait before retry number `attempt` (1 for the first) after
/// `e`, whose response said `retry_after` (its `Retry-After` header), with
/// `jitter` a random number in `[0, 1)`; `None`: do not try again.
pub fn delay(e: &LoadError, attempt: u32, retry_after: Option<&str>, now_ms: i64, jitter: f64) -> Option<u32> {
    if attempt == 0 || attempt > MAX_RETRIES || !retryable(e) {
        return None;
    }
    let jitter = jitter.clamp(0.0, 1.0);
    match retry_after.and_then(|v| retry_after_ms(v, now_ms)) {
        Some(ms) if ms > MAX_RETRY_AFTER_MS as u64 => None,
        Some(ms) => Some(ms as u32 + (JITTER_MS as f64 * jitter) as u32),
        None => {
            let backoff = BACKOFF_MS << (attempt - 1);
            Some(backoff / 2 + (backoff as f64 / 2.0 * jitter) as u32)
        }
    }
}

/// Whether the browser's `online` event should try a load that failed
/// with `e` once more: failures of the connection, not of the document.
pub fn after_online(e: &LoadError) -> bool {
    retryable(e) || matches!(e, LoadError::Offline | LoadError::Timeout)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::formats::FormatError;

    const NOW: i64 = 1_445_412_480_000; // Wed, 21 Oct 2015 07:28:00 GMT

    #[test]
    fn network_errors_5xx_408_and_429_are_retried_and_nothing_else() {
        for e in [LoadError::Network, LoadError::Http(408), LoadError::Http(429), LoadError::Http(500), LoadError::Http(503), LoadError::Http(599)] {
            assert!(retryable(&e), "{e:?}");
        }
        for e in [
            LoadError::Http(400),
            LoadError::Http(403),
            LoadError::Http(404),
            LoadError::Http(410),
            LoadError::Http(451),
            LoadError::Timeout,
            LoadError::Offline,
            LoadError::Cors,
            LoadError::Cancelled,
            LoadError::Format(FormatError::TooLarge),
            LoadError::Format(FormatError::HtmlPage),
        ] {
            assert!(!retryable(&e), "{e:?}");
            assert_eq!(delay(&e, 1, Some("1"), NOW, 0.5), None, "{e:?}");
        }
    }

    #[test]
    fn at_most_two_retries_with_doubling_backoff_in_the_upper_half() {
        let e = LoadError::Http(503);
        assert_eq!(delay(&e, 1, None, NOW, 0.0), Some(500));
        assert_eq!(delay(&e, 1, None, NOW, 0.999), Some(999));
        assert_eq!(delay(&e, 2, None, NOW, 0.0), Some(1000));
        assert_eq!(delay(&e, 2, None, NOW, 0.999), Some(1999));
        assert_eq!(delay(&e, 3, None, NOW, 0.0), None, "a third retry is never made");
        assert_eq!(delay(&e, 0, None, NOW, 0.0), None);
    }

    #[test]
    fn retry_after_in_seconds_or_as_a_date_is_honoured_with_a_little_jitter() {
        let e = LoadError::Http(429);
        assert_eq!(delay(&e, 1, Some("2"), NOW, 0.0), Some(2000));
        assert_eq!(delay(&e, 1, Some(" 2 "), NOW, 0.999), Some(2249));
        assert_eq!(delay(&e, 2, Some("0"), NOW, 0.0), Some(0), "Retry-After replaces the backoff");
        assert_eq!(delay(&e, 1, Some("Wed, 21 Oct 2015 07:28:05 GMT"), NOW, 0.0), Some(5000));
        assert_eq!(delay(&e, 1, Some("Wed, 21 Oct 2015 07:27:00 GMT"), NOW, 0.0), Some(0), "a date in the past: at once");
        assert_eq!(delay(&LoadError::Http(503), 1, Some("1"), NOW, 0.0), Some(1000));
    }

    #[test]
    fn a_retry_after_beyond_thirty_seconds_is_not_waited_for() {
        let e = LoadError::Http(503);
        assert_eq!(delay(&e, 1, Some("30"), NOW, 0.0), Some(30_000));
        assert_eq!(delay(&e, 1, Some("31"), NOW, 0.0), None);
        assert_eq!(delay(&e, 1, Some("99999999999999999999999"), NOW, 0.0), None);
        assert_eq!(delay(&e, 1, Some("Wed, 21 Oct 2015 08:28:00 GMT"), NOW, 0.0), None);
    }

    #[test]
    fn an_unreadable_retry_after_falls_back_to_the_backoff() {
        let e = LoadError::Http(503);
        for v in ["", "soon", "-1", "1.5", "0x10"] {
            assert_eq!(retry_after_ms(v, NOW), None, "{v:?}");
            assert_eq!(delay(&e, 1, Some(v), NOW, 0.0), Some(500), "{v:?}");
        }
    }

    #[test]
    fn coming_back_online_retries_connection_failures_only() {
        for e in [LoadError::Offline, LoadError::Network, LoadError::Timeout, LoadError::Http(503), LoadError::Http(429)] {
            assert!(after_online(&e), "{e:?}");
        }
        for e in [LoadError::Http(404), LoadError::Cors, LoadError::Cancelled, LoadError::Format(FormatError::NotAnObject)] {
            assert!(!after_online(&e), "{e:?}");
        }
    }
}
