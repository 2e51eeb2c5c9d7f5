//! Time (pure): RFC 3339 parsing to epoch milliseconds, and the relative-time
//! thresholds. The localized words come from the browser's `Intl` APIs at the
//! edge (`view::intl`); nothing here knows a language, a time zone or a clock.
//! `now` is always passed in.

pub const MINUTE: i64 = 60_000;
pub const HOUR: i64 = 60 * MINUTE;
pub const DAY: i64 = 24 * HOUR;
/// How far ahead of the reader's clock a time may be and still read
/// "just now".
pub const SKEW: i64 = 5 * MINUTE;

/// A relative time, before it is put into words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relative {
    /// Less than a minute ago, or up to `SKEW` in the future (clock skew).
    JustNow,
    Minutes(i64),
    Hours(i64),
    Days(i64),
    /// Older than a week: show the absolute date instead.
    Absolute,
}

/// Thresholds: < 1 min just now; < 1 h minutes; < 24 h hours; < 7 days days;
/// after that the absolute date. Values are floored ("59 minutes ago" until
/// the hour has fully passed). A time up to `SKEW` ahead is clock skew and
/// reads "just now"; one further ahead (a scheduled post, year 9999) shows
/// its absolute date.
pub fn relative_time(then_ms: i64, now_ms: i64) -> Relative {
    let age = now_ms.saturating_sub(then_ms);
    if age < -SKEW {
        Relative::Absolute
    } else if age < MINUTE {
        Relative::JustNow
    } else if age < HOUR {
        Relative::Minutes(age / MINUTE)
    } else if age < DAY {
        Relative::Hours(age / HOUR)
    } else if age < 7 * DAY {
        Relative::Days(age / DAY)
    } else {
        Relative::Absolute
    }
}

/// How long until `relative_time(then, now)` can next change its words, so a
/// ticker can sleep exactly that long. Bounded to [15 s, 60 s].
pub fn refresh_after_ms(then_ms: i64, now_ms: i64) -> i64 {
    let age = now_ms.saturating_sub(then_ms).max(0);
    if age < HOUR {
        15_000
    } else {
        60_000
    }
}

/// When the shared timer should next fire, given the publication times that
/// are in view: as soon as the youngest one can change its words (15 s while
/// it is under an hour old), else every 60 s.
pub fn next_tick_ms(visible: impl IntoIterator<Item = i64>, now_ms: i64) -> i64 {
    visible.into_iter().map(|t| refresh_after_ms(t, now_ms)).min().unwrap_or(60_000)
}

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = (if y >= 0 { y } else { y - 399 }) / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

fn num(s: &[u8], from: usize, len: usize) -> Option<i64> {
    let part = s.get(from..from + len)?;
    let mut n = 0i64;
    for &b in part {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + i64::from(b - b'0');
    }
    Some(n)
}

/// Parse an RFC 3339 date-time (`2025-05-18T10:05:00+05:00`,
/// `2025-05-18T05:05:00.123Z`) into epoch milliseconds.
///
/// Also accepted, because real feeds send them: a space instead of `T`, a
/// lower-case `t`/`z`, and a date-time with no offset at all (WordPress's
/// `date_gmt`), which is read as UTC.
pub fn parse_rfc3339(input: &str) -> Option<i64> {
    let s = input.trim().as_bytes();
    if s.len() < 19 || s[4] != b'-' || s[7] != b'-' || s[13] != b':' || s[16] != b':' {
        return None;
    }
    if !matches!(s[10], b'T' | b't' | b' ') {
        return None;
    }
    let (y, mo, d) = (num(s, 0, 4)?, num(s, 5, 2)?, num(s, 8, 2)?);
    let (h, mi, sec) = (num(s, 11, 2)?, num(s, 14, 2)?, num(s, 17, 2)?);
    if !(1..=12).contains(&mo) || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let mut i = 19;
    let mut millis = 0i64;
    if s.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while i < s.len() && s[i].is_ascii_digit() {
            if i - start < 3 {
                millis = millis * 10 + i64::from(s[i] - b'0');
            }
            i += 1;
        }
        if i == start {
            return None;
        }
        for _ in (i - start)..3 {
            millis *= 10;
        }
    }
    let offset_min = match s.get(i) {
        None => 0,
        Some(b'Z' | b'z') if i + 1 == s.len() => 0,
        Some(&sign @ (b'+' | b'-')) if s.len() == i + 6 && s[i + 3] == b':' => {
            let (oh, om) = (num(s, i + 1, 2)?, num(s, i + 4, 2)?);
            if oh > 23 || om > 59 {
                return None;
            }
            let m = oh * 60 + om;
            if sign == b'-' {
                -m
            } else {
                m
            }
        }
        _ => return None,
    };
    let secs = days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + sec.min(59) - offset_min * 60;
    Some(secs * 1000 + millis)
}

/// A month's number from its English name or abbreviation (`May`, `sept`,
/// `August`): the first three letters decide.
fn month(name: &str) -> Option<i64> {
    let b = name.as_bytes();
    if b.len() < 3 || !b.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    let key = [b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase(), b[2].to_ascii_lowercase()];
    let i = [b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov", b"dec"]
        .iter()
        .position(|m| **m == key)?;
    Some(i as i64 + 1)
}

fn int(s: &str, max_len: usize) -> Option<i64> {
    (!s.is_empty() && s.len() <= max_len).then_some(())?;
    num(s.as_bytes(), 0, s.len())
}

/// A zone's offset east of UTC in minutes: `+0530`, `-08:00`, `+05`, `GMT`,
/// `UT`, `Z`, the North American names; other letters (military zones,
/// `(PDT)` comments) count as UTC, as RFC 5322 says of unknown zones.
fn zone(z: &str) -> Option<i64> {
    let z = z.strip_prefix("GMT").or_else(|| z.strip_prefix("UTC")).filter(|r| !r.is_empty()).unwrap_or(z);
    let b = z.as_bytes();
    if let Some(&sign @ (b'+' | b'-')) = b.first() {
        let d: Vec<u8> = b[1..].iter().copied().filter(|&c| c != b':').collect();
        // `+05`, `+0530`: the hours are all but the last two digits, or all.
        let split = if d.len() > 2 { d.len() - 2 } else { d.len() };
        let (h, m) = (num(&d, 0, split)?, if split < d.len() { num(&d, split, 2)? } else { 0 });
        let m = if d.is_empty() || d.len() > 4 || h > 23 || m > 59 { return None } else { h * 60 + m };
        return Some(if sign == b'-' { -m } else { m });
    }
    // EST/EDT, CST/CDT, MST/MDT, PST/PDT: 5 to 8 hours west, one less in summer.
    Some(match b {
        [w, d, t] if t.eq_ignore_ascii_case(&b'T') && matches!(d.to_ascii_uppercase(), b'S' | b'D') => {
            match b"ECMP".iter().position(|c| c.eq_ignore_ascii_case(w)) {
                Some(i) => (i64::from(d.eq_ignore_ascii_case(&b'D')) - 5 - i as i64) * 60,
                None => 0,
            }
        }
        _ => 0,
    })
}

/// Parse an RFC 822 / RFC 5322 date-time, as RSS `pubDate` has it
/// (`Sun, 18 May 2025 10:05:00 +0500`), into epoch milliseconds.
///
/// Also accepted, because real feeds send them: no weekday or a full
/// weekday name, no comma, full month names, the month before the day
/// (`May 18 2025`), a one-digit day or hour, two-digit years (`25` is
/// 2025, `99` is 1999), no seconds, no time at all (midnight), no zone
/// (UTC), `GMT+0530`, `+05:30`, and the zone glued to the time
/// (`10:05:00+0000`).
pub fn parse_rfc822(input: &str) -> Option<i64> {
    let mut t = input.split(|c: char| c.is_whitespace() || c == ',').filter(|s| !s.is_empty());
    let mut first = t.next()?;
    if month(first).is_none() && first.bytes().all(|b| b.is_ascii_alphabetic()) {
        first = t.next()?; // the weekday
    }
    let (d, mo) = match month(first) {
        Some(m) => (int(t.next()?, 2)?, m),
        None => (int(first, 2)?, month(t.next()?)?),
    };
    let y = match int(t.next()?, 4)? {
        y @ 0..=49 => 2000 + y,
        y @ 50..=999 => 1900 + y,
        y => y,
    };
    let (mut h, mut mi, mut sec, mut off) = (0, 0, 0, Some(0));
    if let Some(time) = t.next() {
        // A zone glued to the time: `10:05:00+0000`, `10:05Z`.
        let cut = time.find(['+', '-', 'Z', 'z']).unwrap_or(time.len());
        let (clock, glued) = time.split_at(cut);
        let mut parts = clock.split(':');
        h = int(parts.next()?, 2)?;
        mi = int(parts.next()?, 2)?;
        sec = parts.next().map_or(Some(0), |s| int(s, 2))?;
        if parts.next().is_some() {
            return None;
        }
        off = match (glued, t.next()) {
            ("", None) => Some(0),
            ("", Some(z)) => zone(z),
            (z, _) => zone(z),
        };
    }
    let off = off?;
    if !(1..=12).contains(&mo) || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let secs = days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + sec.min(59) - off * 60;
    Some(secs * 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_747_560_000_000; // 2025-05-18T09:20:00Z

    #[test]
    fn relative_time_table() {
        let table = [
            (0, Relative::JustNow),
            (59 * 1000, Relative::JustNow),
            (60 * 1000, Relative::Minutes(1)),
            (119 * 1000, Relative::Minutes(1)),
            (2 * MINUTE, Relative::Minutes(2)),
            (59 * MINUTE + 59_999, Relative::Minutes(59)),
            (HOUR, Relative::Hours(1)),
            (6 * HOUR + 30 * MINUTE, Relative::Hours(6)),
            (23 * HOUR + 59 * MINUTE, Relative::Hours(23)),
            (DAY, Relative::Days(1)),
            (6 * DAY + 23 * HOUR, Relative::Days(6)),
            (7 * DAY, Relative::Absolute),
            (400 * DAY, Relative::Absolute),
        ];
        for (age, want) in table {
            assert_eq!(relative_time(NOW - age, NOW), want, "age {age} ms");
        }
    }

    #[test]
    fn near_future_times_are_clock_skew_and_far_ones_show_their_date() {
        assert_eq!(relative_time(NOW + 5 * MINUTE, NOW), Relative::JustNow);
        assert_eq!(relative_time(NOW + 5 * MINUTE + 1, NOW), Relative::Absolute);
        assert_eq!(relative_time(NOW + HOUR, NOW), Relative::Absolute);
        assert_eq!(relative_time(NOW + 365 * DAY, NOW), Relative::Absolute);
        let y9999 = parse_rfc3339("9999-12-31T23:59:59Z").unwrap();
        assert_eq!(relative_time(y9999, NOW), Relative::Absolute);
        assert_eq!(relative_time(i64::MAX, i64::MIN), Relative::Absolute);
        let before_1970 = parse_rfc3339("1969-07-20T20:17:40Z").unwrap();
        assert!(before_1970 < 0);
        assert_eq!(relative_time(before_1970, NOW), Relative::Absolute);
        assert_eq!(parse_rfc3339("2025-13-45T00:00:00Z"), None);
    }

    #[test]
    fn extreme_inputs_do_not_overflow() {
        assert_eq!(relative_time(i64::MIN, i64::MAX), Relative::Absolute);
    }

    #[test]
    fn young_times_refresh_every_15_seconds_old_ones_every_minute() {
        assert_eq!(refresh_after_ms(NOW - 10_000, NOW), 15_000);
        assert_eq!(refresh_after_ms(NOW - 3 * HOUR, NOW), 60_000);
    }

    #[test]
    fn the_shared_timer_follows_the_youngest_visible_time() {
        assert_eq!(next_tick_ms([NOW - 3 * HOUR, NOW - 2 * DAY], NOW), 60_000);
        assert_eq!(next_tick_ms([NOW - 3 * HOUR, NOW - 5 * MINUTE], NOW), 15_000);
        assert_eq!(next_tick_ms([], NOW), 60_000, "nothing in view: the slowest pace");
        assert_eq!(next_tick_ms([NOW + HOUR], NOW), 15_000, "a future time (clock skew) is treated as new");
    }

    #[test]
    fn parses_offsets_to_the_same_instant() {
        let a = parse_rfc3339("2025-05-18T10:05:00+05:00").unwrap();
        let b = parse_rfc3339("2025-05-18T05:05:00Z").unwrap();
        let c = parse_rfc3339("2025-05-17T23:05:00-06:00").unwrap();
        assert_eq!(a, b);
        assert_eq!(b, c);
        assert_eq!(b, 1_747_544_700_000);
    }

    #[test]
    fn parses_fractions_and_lenient_forms() {
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00.5Z"), Some(500));
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00.123456Z"), Some(123));
        assert_eq!(parse_rfc3339("1970-01-01 00:00:01z"), Some(1000));
        assert_eq!(parse_rfc3339("2024-02-29T12:00:00"), Some(1_709_208_000_000));
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for bad in [
            "",
            "yesterday",
            "2025-13-01T00:00:00Z",
            "2025-02-29T00:00:00Z",
            "2025-05-18",
            "2025-05-18T24:00:00Z",
            "2025-05-18T10:05:00+5:00",
            "2025-05-18T10:05:00.Z",
            "2025-05-18T10:05:00Zjunk",
            "２０２５-05-18T10:05:00Z",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn rfc822_dates_with_numeric_and_named_zones_are_the_same_instant() {
        let want = parse_rfc3339("2025-05-18T05:05:00Z");
        for d in [
            "Sun, 18 May 2025 10:05:00 +0500",
            "Sun, 18 May 2025 05:05:00 GMT",
            "Sun, 18 May 2025 05:05:00 UT",
            "Sun, 18 May 2025 05:05:00 Z",
            "Sun, 18 May 2025 05:05:00 -0000",
            "Sun, 18 May 2025 01:05:00 EDT",
            "Sun, 18 May 2025 00:05:00 EST",
            "Sat, 17 May 2025 22:05:00 PDT",
            "Sat, 17 May 2025 21:05:00 PST",
            "Sun, 18 May 2025 10:35:00 +05:30",
            "Sun, 18 May 2025 10:35:00 GMT+0530",
        ] {
            assert_eq!(parse_rfc822(d), want, "{d:?}");
        }
    }

    #[test]
    fn rfc822_accepts_the_sloppy_forms_feeds_send() {
        let want = parse_rfc3339("2025-05-08T05:05:00Z");
        for d in [
            "Thu, 08 May 2025 05:05:00 +0000",
            "Thu, 8 May 2025 05:05:00 +0000",
            "Thu 08 May 2025 05:05:00 +0000",
            "Thursday, 08 May 2025 05:05:00 +0000",
            "08 May 2025 05:05:00 +0000",
            "Thu, 08 May 25 05:05:00 GMT",
            "Thu, 08 May 2025 5:05:00 GMT",
            "Thu, 08 May 2025 05:05 GMT",
            "  Thu, 08 May 2025 05:05:00 GMT ",
            "Thu, 08 May 2025 05:05:00",
            "Thu, 08 May 2025 05:05:00+0000",
            "May 08 2025 05:05:00 GMT",
            "Thu,  08 MAY 2025 05:05:00 gmt",
        ] {
            assert_eq!(parse_rfc822(d), want, "{d:?}");
        }
        assert_eq!(parse_rfc822("Tue, 27 Aug 2019"), parse_rfc3339("2019-08-27T00:00:00Z"), "no time: midnight UTC");
        assert_eq!(parse_rfc822("Mon, 01 Jan 99 00:00:00 GMT"), parse_rfc3339("1999-01-01T00:00:00Z"));
    }

    #[test]
    fn rfc822_rejects_what_is_not_a_date() {
        for bad in [
            "",
            "yesterday",
            "Sun, 32 May 2025 10:05:00 GMT",
            "Sun, 29 Feb 2025 10:05:00 GMT",
            "Sun, 18 Mai 2025 10:05:00 GMT",
            "Sun, 18 May 2025 25:05:00 GMT",
            "Sun, 18 May 2025 10:05:00 +2500",
            "Sun, 18 May 2025 10:05:00:00 GMT",
            "Sun, 18 May 20255 10:05:00 GMT",
            "2025-05-18T10:05:00Z",
            "Sun, ١٨ May 2025 10:05:00 GMT",
        ] {
            assert_eq!(parse_rfc822(bad), None, "{bad:?}");
        }
    }
}
