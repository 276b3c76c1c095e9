//! Dates and times as text in the few fixed forms the app writes and
//! reads, without chrono's `format`/`parse_from_str` (its strftime engine
//! in the wasm). Each writes byte for byte what chrono's `format` wrote
//! with the pattern named, and each reader accepts exactly what chrono's
//! `parse_from_str` accepted with it (the tests compare them). The JSON
//! of a board is not written or read here: that stays chrono's serde.

use super::Timestamp;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use std::fmt::Write;

/// `%Y`: four digits, with a sign outside 0..=9999.
fn push_year(out: &mut String, year: i32) {
    let _ = if (0..10_000).contains(&year) {
        write!(out, "{year:04}")
    } else {
        write!(out, "{year:+05}")
    };
}

/// Two digits (`%m`, `%d`, `%H`, `%M`, `%S`), then `sep` if any.
fn push_two(out: &mut String, n: u32, sep: &str) {
    let _ = write!(out, "{n:02}{sep}");
}

/// `%Y{sep}%m{sep}%d`.
fn push_ymd(out: &mut String, d: NaiveDate, sep: &str) {
    push_year(out, d.year());
    out.push_str(sep);
    push_two(out, d.month(), sep);
    push_two(out, d.day(), "");
}

/// `%S`: 60 for a leap second, as chrono writes it.
fn second(t: &impl Timelike) -> u32 {
    t.second() + t.nanosecond() / 1_000_000_000
}

/// `%Y-%m-%d`: the ISO date of files, the URL and date inputs.
pub fn iso(d: NaiveDate) -> String {
    let mut out = String::with_capacity(10);
    push_ymd(&mut out, d, "-");
    out
}

/// `%Y%m%d`: an iCalendar date.
pub fn compact(d: NaiveDate) -> String {
    let mut out = String::with_capacity(8);
    push_ymd(&mut out, d, "");
    out
}

/// `%d-%m-%Y`: a date as the Netherlands writes it.
pub fn dutch(d: NaiveDate) -> String {
    let mut out = String::with_capacity(10);
    push_two(&mut out, d.day(), "-");
    push_two(&mut out, d.month(), "-");
    push_year(&mut out, d.year());
    out
}

/// `%d-%m-%Y %H:%M`.
pub fn dutch_time(t: NaiveDateTime) -> String {
    let mut out = dutch(t.date());
    out.push(' ');
    push_two(&mut out, t.hour(), ":");
    push_two(&mut out, t.minute(), "");
    out
}

/// `%Y%m%dT%H%M%SZ`: an iCalendar time in UTC.
pub fn compact_utc(t: Timestamp) -> String {
    let mut out = compact(t.date_naive());
    out.push('T');
    push_two(&mut out, t.hour(), "");
    push_two(&mut out, t.minute(), "");
    push_two(&mut out, second(&t), "Z");
    out
}

/// `%Y-%m-%dT%H-%M-%S%.3fZ`: the time in a backup key's name.
pub fn backup_stamp(t: Timestamp) -> String {
    let mut out = iso(t.date_naive());
    out.push('T');
    push_two(&mut out, t.hour(), "-");
    push_two(&mut out, t.minute(), "-");
    push_two(&mut out, second(&t), "");
    let _ = write!(out, ".{:03}Z", t.nanosecond() % 1_000_000_000 / 1_000_000);
    out
}

/// A number of 1 to `max` ASCII digits after any white space, as chrono's
/// scanner reads one (`None` past `i64`).
fn number(s: &mut &str, max: usize) -> Option<i64> {
    *s = s.trim_start();
    let digits = s.bytes().take(max).take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let mut n: i64 = 0;
    for c in s[..digits].bytes() {
        n = n.checked_mul(10)?.checked_add(i64::from(c - b'0'))?;
    }
    *s = &s[digits..];
    Some(n)
}

/// `%Y` as chrono reads it: up to four digits, or a sign and any number.
fn year(s: &mut &str) -> Option<i32> {
    *s = s.trim_start();
    let y = if let Some(rest) = s.strip_prefix('-') {
        *s = rest;
        // No white space after the sign.
        if s.starts_with(char::is_whitespace) {
            return None;
        }
        -number(s, usize::MAX)?
    } else if let Some(rest) = s.strip_prefix('+') {
        *s = rest;
        if s.starts_with(char::is_whitespace) {
            return None;
        }
        number(s, usize::MAX)?
    } else {
        number(s, 4)?
    };
    i32::try_from(y).ok()
}

/// Two digits at most (`%m`, `%d`, `%H`, `%M`, `%S`).
fn two(s: &mut &str) -> Option<u32> {
    number(s, 2).map(|n| n as u32)
}

fn literal(s: &mut &str, c: char) -> Option<()> {
    *s = s.strip_prefix(c)?;
    Some(())
}

/// `%Y-%m-%d` at the start of `s`.
fn ymd(s: &mut &str) -> Option<NaiveDate> {
    let y = year(s)?;
    literal(s, '-')?;
    let m = two(s)?;
    literal(s, '-')?;
    let d = two(s)?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Reads `%Y-%m-%d` (what [`iso`] writes, and what chrono's parser also
/// took: white space before a number, one-digit months and days, a signed
/// year of any length).
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let mut s = text;
    let d = ymd(&mut s)?;
    s.is_empty().then_some(d)
}

/// Reads `%Y-%m-%dT%H-%M-%S%.3fZ` (what [`backup_stamp`] writes).
pub fn parse_backup_stamp(text: &str) -> Option<NaiveDateTime> {
    let mut s = text;
    let date = ymd(&mut s)?;
    literal(&mut s, 'T')?;
    let h = two(&mut s)?;
    literal(&mut s, '-')?;
    let m = two(&mut s)?;
    literal(&mut s, '-')?;
    let sec = two(&mut s)?;
    let mut nano = 0;
    if let Some(rest) = s.strip_prefix('.') {
        let digits = rest.bytes().take(3).take_while(u8::is_ascii_digit).count();
        if digits < 3 {
            return None;
        }
        nano = rest
            .bytes()
            .take(3)
            .fold(0, |n, c| n * 10 + u32::from(c - b'0'))
            * 1_000_000;
        s = &rest[3..];
    }
    literal(&mut s, 'Z')?;
    if !s.is_empty() || h > 23 || m > 59 {
        return None;
    }
    let (sec, nano) = match sec {
        0..=59 => (sec, nano),
        60 => (59, nano + 1_000_000_000),
        _ => return None,
    };
    let time = NaiveTime::from_hms_nano_opt(h, m, sec, nano)?;
    Some(date.and_time(time))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_forms() {
        let d = NaiveDate::from_ymd_opt(2027, 3, 5).unwrap();
        assert_eq!(iso(d), "2027-03-05");
        assert_eq!(compact(d), "20270305");
        assert_eq!(dutch(d), "05-03-2027");
        let t = d.and_hms_milli_opt(7, 8, 9, 45).unwrap();
        assert_eq!(dutch_time(t), "05-03-2027 07:08");
        assert_eq!(compact_utc(t.and_utc()), "20270305T070809Z");
        assert_eq!(backup_stamp(t.and_utc()), "2027-03-05T07-08-09.045Z");
        let far = NaiveDate::from_ymd_opt(12345, 1, 1).unwrap();
        assert_eq!(iso(far), "+12345-01-01");
        let before = NaiveDate::from_ymd_opt(-5, 1, 1).unwrap();
        assert_eq!(dutch(before), "01-01--0005");
    }

    #[test]
    fn reads_what_chrono_read() {
        for ok in [
            "2027-03-05",
            " 2027-3-5",
            "2027- 03-\t5",
            "+2027-03-05",
            "-0001-01-01",
            "7-1-1",
        ] {
            assert_eq!(
                parse_iso(ok),
                NaiveDate::parse_from_str(ok, "%Y-%m-%d").ok(),
                "{ok}"
            );
            assert!(parse_iso(ok).is_some(), "{ok}");
        }
        for bad in [
            "",
            "2027-03-05 ",
            "2027-02-30",
            "20270-01-01",
            "2027-003-05",
            "- 1-01-01",
        ] {
            assert!(NaiveDate::parse_from_str(bad, "%Y-%m-%d").is_err(), "{bad}");
            assert_eq!(parse_iso(bad), None, "{bad}");
        }
        let stamp = "2026-11-29T15-13-19.123Z";
        assert_eq!(
            parse_backup_stamp(stamp),
            NaiveDateTime::parse_from_str(stamp, "%Y-%m-%dT%H-%M-%S%.3fZ").ok()
        );
        assert!(parse_backup_stamp(stamp).is_some());
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::super::*;
        use proptest::prelude::*;

        fn any_date() -> impl Strategy<Value = NaiveDate> {
            (-400_000i64..4_000_000)
                .prop_map(|n| NaiveDate::from_ymd_opt(1, 1, 1).unwrap() + chrono::Duration::days(n))
        }

        fn any_time() -> impl Strategy<Value = Timestamp> {
            (any_date(), 0u32..86_400, 0u32..2_000_000_000).prop_map(|(d, s, n)| {
                // A leap second only at :59, as chrono allows.
                let n = if s % 60 == 59 { n } else { n % 1_000_000_000 };
                let t = NaiveTime::from_num_seconds_from_midnight_opt(s, n).unwrap();
                d.and_time(t).and_utc()
            })
        }

        /// Text near the forms: their characters, in and out of place.
        fn near(form: &'static str) -> impl Strategy<Value = String> {
            let pieces = prop_oneof![
                Just(form.to_string()),
                "[0-9]{1,6}",
                Just("-".to_string()),
                Just("+".to_string()),
                Just(" ".to_string()),
                Just("\u{a0}".to_string()),
                Just("T".to_string()),
                Just("Z".to_string()),
                Just(".".to_string()),
                Just("60".to_string()),
                Just("99999999999999999999".to_string()),
            ];
            proptest::collection::vec(pieces, 0..8).prop_map(|p| p.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]

            #[test]
            fn writes_as_chrono(t in any_time()) {
                let d = t.date_naive();
                prop_assert_eq!(iso(d), d.format("%Y-%m-%d").to_string());
                prop_assert_eq!(compact(d), d.format("%Y%m%d").to_string());
                prop_assert_eq!(dutch(d), d.format("%d-%m-%Y").to_string());
                prop_assert_eq!(
                    dutch_time(t.naive_utc()),
                    t.naive_utc().format("%d-%m-%Y %H:%M").to_string()
                );
                prop_assert_eq!(compact_utc(t), t.format("%Y%m%dT%H%M%SZ").to_string());
                prop_assert_eq!(
                    backup_stamp(t),
                    t.format("%Y-%m-%dT%H-%M-%S%.3fZ").to_string()
                );
            }

            #[test]
            fn reads_back_what_it_writes(t in any_time()) {
                let d = t.date_naive();
                prop_assert_eq!(parse_iso(&iso(d)), Some(d));
                let ms = t.naive_utc().with_nanosecond(t.nanosecond() / 1_000_000 * 1_000_000);
                prop_assert_eq!(parse_backup_stamp(&backup_stamp(t)), ms);
            }

            #[test]
            fn reads_dates_as_chrono(s in near("2027-03-05"), base in any_date()) {
                prop_assert_eq!(
                    parse_iso(&s),
                    NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok(),
                    "{:?}", s
                );
                // And variations of a real one: a character replaced.
                let real = iso(base);
                for (i, c) in real.char_indices() {
                    for r in ["", "0", "9", " ", "-", "+", "31", "x"] {
                        let mut v = real.clone();
                        v.replace_range(i..i + c.len_utf8(), r);
                        prop_assert_eq!(
                            parse_iso(&v),
                            NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok(),
                            "{:?}", v
                        );
                    }
                }
            }

            #[test]
            fn reads_stamps_as_chrono(
                s in near("2026-11-29T15-13-19.123Z"),
                base in any_time(),
            ) {
                let format = "%Y-%m-%dT%H-%M-%S%.3fZ";
                prop_assert_eq!(
                    parse_backup_stamp(&s),
                    NaiveDateTime::parse_from_str(&s, format).ok(),
                    "{:?}", s
                );
                // And variations of a real one: a character replaced.
                let real = backup_stamp(base);
                for (i, c) in real.char_indices() {
                    for r in ["", "0", "9", " ", "-", "60", "x"] {
                        let mut v = real.clone();
                        v.replace_range(i..i + c.len_utf8(), r);
                        prop_assert_eq!(
                            parse_backup_stamp(&v),
                            NaiveDateTime::parse_from_str(&v, format).ok(),
                            "{:?}", v
                        );
                    }
                }
            }
        }
    }
}
