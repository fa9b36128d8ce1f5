//! Calendar dates without a dependency: day numbers (days since 1970-01-01) of proleptic
//! Gregorian dates and back, and the current time in RFC 3339 — for the timeline's bins and the
//! edit log's timestamps.

/// The day number (days since 1970-01-01) of a date written `YYYY-MM-DD`, `YYYY-MM` or `YYYY`
/// at the start of `text` (a month or year alone counts from its first day); `None` if it is
/// not a real date.
#[must_use]
pub fn day_number(text: &str) -> Option<i64> {
    let mut parts = text.get(..10.min(text.len())).unwrap_or(text).split('-');
    let year: i64 = parts.next().filter(|p| p.len() == 4).and_then(|p| p.parse().ok())?;
    let field = |p: Option<&str>| -> Option<Option<i64>> {
        match p {
            None => Some(None),
            Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => p.parse().ok().map(Some),
            Some(_) => None,
        }
    };
    let month = field(parts.next())?.unwrap_or(1);
    let day = field(parts.next())?.unwrap_or(1);
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    Some(days_from_civil(year, month, day))
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date, counted in 400-year eras of 146,097
/// days with the year starting in March (so the leap day is the era-year's last).
#[must_use]
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let month_from_march = (m + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + d - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of a day number: (year, month, day).
#[must_use]
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let d = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let m = if month_from_march < 10 { month_from_march + 3 } else { month_from_march - 9 };
    (year_of_era + era * 400 + i64::from(m <= 2), m, d)
}

/// Seconds since 1970-01-01 UTC as RFC 3339 (`2026-11-28T15:40:00Z`).
#[must_use]
pub fn rfc3339(unix_seconds: u64) -> String {
    let secs = i64::try_from(unix_seconds).unwrap_or(i64::MAX);
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let t = secs.rem_euclid(86_400);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", t / 3600, t / 60 % 60, t % 60)
}

/// Now, as RFC 3339.
#[must_use]
pub fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    rfc3339(secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_across_leap_years_and_eras() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2000-03-01"), Some(11_017));
        assert_eq!(day_number("2024-02-29T10:00:00+08:00"), Some(19_782));
        for z in [-800_000, -1, 0, 59, 10_957, 11_016, 19_782, 60_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z, "{y}-{m}-{d}");
        }
        assert_eq!(day_number("2023-02-29"), None);
        assert_eq!(day_number("2021-13-01"), None);
        assert_eq!(day_number("发布于2021"), None);
        assert_eq!(day_number("2021-03"), day_number("2021-03-01"));
    }

    #[test]
    fn timestamps_read_as_rfc3339() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_795_966_800), "2026-11-29T15:40:00Z");
    }
}
