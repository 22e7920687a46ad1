//! Dates and periods, resolved against the article's publication date.
//!
//! [`scan`] finds every time expression of a text in one linear pass and gives
//! each its value in the format of the evaluation files:
//!
//! | text                     | value (published 2020-07-31) | kind                  |
//! |--------------------------|------------------------------|-----------------------|
//! | `2019年`, `2021年全年`    | `2019`, `2021`               | [`TimeKind::Year`]    |
//! | `今年1-5月`, `1至5月`      | `2020-01/2020-05`            | [`TimeKind::Range`]   |
//! | `上半年`, `前三季度`        | `2020-01/2020-06`, `2020-01/2020-09` | [`TimeKind::Range`] |
//! | `2020年5月`, `去年8月`      | `2020-05`, `2019-08`         | [`TimeKind::Month`]   |
//! | `7月30日`, `2015年4月11日` | `2020-07-30`, `2015-04-11`   | [`TimeKind::Day`]     |
//! | `截至2020年5月底`          | `2020-05-31`                 | [`TimeKind::AsOf`]    |
//! | `截至目前`, `so far`       | `2020-07-31`                 | [`TimeKind::AsOf`]    |
//! | `自5月19日…以来`           | `2020-05-19/2020-07-31`      | [`TimeKind::Since`]   |
//!
//! Relative expressions (`今年`, `去年`, `上半年`, `7月30日`) need the publication
//! date and are left out without one.
//!
//! ```
//! use cckg::extract::time::{parse_period, resolve_date};
//! assert_eq!(parse_period("今年1-5月,投资项目15个", Some("2020-07-31")).as_deref(), Some("2020-01/2020-05"));
//! assert_eq!(resolve_date("7月30日上午", Some("2020-07-31")).as_deref(), Some("2020-07-30"));
//! assert_eq!(resolve_date("2015年4月11日电", None).as_deref(), Some("2015-04-11"));
//! ```

use crate::model::Span;

/// What a time expression denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeKind {
    /// A calendar year: `2019`.
    Year,
    /// A month: `2020-05`.
    Month,
    /// A day: `2020-07-30`.
    Day,
    /// A span of months: `2020-01/2020-06`.
    Range,
    /// The end of a cumulative count (`截至…`): `2020-05-31`, `2016-08`.
    AsOf,
    /// From a day up to publication (`自…以来`): `2020-05-19/2020-07-31`.
    Since,
}

/// One time expression with its resolved value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    /// The value, in the period format of the evaluation files.
    pub value: String,
    /// What it denotes.
    pub kind: TimeKind,
    /// Characters covered.
    pub span: Span,
}

/// The publication date split into year, month, day.
#[derive(Debug, Clone, Copy)]
struct Published {
    year: i32,
    month: u32,
    day: u32,
}

impl Published {
    fn parse(s: Option<&str>) -> Option<Self> {
        let s = s?;
        let mut parts = s.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next().and_then(|m| m.parse().ok()).unwrap_or(1);
        let day = parts
            .next()
            .and_then(|d| d.get(..2))
            .and_then(|d| d.parse().ok())
            .unwrap_or(1);
        Some(Self { year, month, day })
    }

    fn date(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The first date of `text` (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when the text is no
/// more precise), relative expressions resolved against `published` (`YYYY-MM-DD`).
/// Event and approval dates: `7月30日` → `2020-07-30`, `今年5月` → `2020-05`.
pub fn resolve_date(text: &str, published: Option<&str>) -> Option<String> {
    scan(text, published)
        .into_iter()
        .find(|t| {
            matches!(
                t.kind,
                TimeKind::Day | TimeKind::Month | TimeKind::Year | TimeKind::AsOf
            )
        })
        .map(|t| t.value)
}

/// The first time expression of `text`, whatever its kind, as a period value.
pub fn parse_period(text: &str, published: Option<&str>) -> Option<String> {
    scan(text, published).into_iter().next().map(|t| t.value)
}

/// Every time expression of `text`, in order (character offsets).
pub fn scan(text: &str, published: Option<&str>) -> Vec<TimeExpr> {
    let chars: Vec<char> = text.chars().collect();
    scan_chars(&chars, published)
}

/// [`scan`] over a text already split into characters.
pub fn scan_chars(chars: &[char], published: Option<&str>) -> Vec<TimeExpr> {
    let published = Published::parse(published);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !may_start(chars, i) {
            i += 1;
            continue;
        }
        let found = if chars[i].is_ascii_alphabetic() {
            english(chars, i, published)
        } else {
            expression(chars, i, published)
        };
        match found {
            Some((mut expr, next)) => {
                if let Some(year) = year_of_sentence(chars, &out, &expr, published) {
                    expr.value = year;
                }
                out.push(expr);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// 2023年，…，全年新批项目138个: a part of a year written without its year (全年, 上半年)
/// belongs to the year the sentence named before, not to the publication year.
fn year_of_sentence(
    chars: &[char],
    before: &[TimeExpr],
    expr: &TimeExpr,
    published: Option<Published>,
) -> Option<String> {
    let start = expr.span.start;
    YEAR_PARTS
        .iter()
        .find(|(w, _, _)| starts_with(chars, start, w))?;
    let named = before.last()?;
    // (依托2019年经国务院批复设立的试验区，上半年…: the date of an event told in passing.)
    let event_date = named.span.start > 0 && chars[named.span.start - 1] == '于'
        || chars
            .get(named.span.end)
            .is_some_and(|c| matches!(c, '经' | '获' | '批' | '设' | '成' | '建' | '开'));
    if named.kind != TimeKind::Year
        || event_date
        || start - named.span.end > 200
        || chars[named.span.end..start]
            .iter()
            .any(|&c| matches!(c, '。' | '!' | '?' | '\n'))
    {
        return None;
    }
    let this_year = format!("{:04}", published?.year);
    Some(expr.value.replace(&this_year, &named.value))
}

/// A year written digit by digit in Chinese numerals, then 年 (二〇二四年).
fn chinese_year(chars: &[char], i: usize) -> Option<i32> {
    let digits = chars.get(i..i + 4)?;
    if chars.get(i + 4) != Some(&'年') {
        return None;
    }
    let mut year = 0;
    for c in digits {
        let d = match c {
            '〇' | '零' => 0,
            _ => "一二三四五六七八九".chars().position(|n| n == *c)? as i32 + 1,
        };
        year = year * 10 + d;
    }
    (1900..=2100).contains(&year).then_some(year)
}

/// Whether a time expression can start at `i`: a cheap test that keeps [`scan_chars`]
/// fast on the many positions where none does.
fn may_start(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    if c.is_ascii_alphabetic() {
        // English month names and `so far` / `to date` start a word.
        return matches!(
            c.to_ascii_lowercase(),
            'j' | 'f' | 'm' | 'a' | 's' | 'o' | 'n' | 'd' | 't' | 'l'
        ) && (i == 0 || !chars[i - 1].is_ascii_alphabetic());
    }
    is_digit(c)
        || matches!(
            c,
            '截' | '自'
                | '从'
                | '今'
                | '本'
                | '去'
                | '上'
                | '下'
                | '前'
                | '明'
                | '目'
                | '迄'
                | '至'
                | '全'
                | '第'
                | '一'
                | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
        )
}

fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    let mut i = at;
    for w in word.chars() {
        match chars.get(i) {
            Some(c) if c.eq_ignore_ascii_case(&w) => i += 1,
            _ => return false,
        }
    }
    true
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn digit_value(c: char) -> u32 {
    if c.is_ascii_digit() {
        c as u32 - '0' as u32
    } else {
        c as u32 - '０' as u32
    }
}

/// A small integer in Arabic digits or Chinese numerals at `i` (`12`, `十二`).
fn small_int(chars: &[char], i: usize) -> Option<(u32, usize)> {
    let arabic = chars[i..].iter().take_while(|&&c| is_digit(c)).count();
    if arabic > 0 {
        if i > 0 && is_digit(chars[i - 1]) {
            return None;
        }
        let v = chars[i..i + arabic]
            .iter()
            .try_fold(0u32, |v, &c| v.checked_mul(10)?.checked_add(digit_value(c)))?;
        return Some((v, i + arabic));
    }
    let cn = chars[i..]
        .iter()
        .take_while(|&&c| "一二三四五六七八九十".contains(c))
        .count();
    if cn == 0 || cn > 3 {
        return None;
    }
    let run: String = chars[i..i + cn].iter().collect();
    let v = super::numbers::parse_chinese_int(&run)?;
    Some((u32::try_from(v).ok()?, i + cn))
}

fn last_day(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Parts of a year (上半年, 前三季度, 全年) as month ranges.
const YEAR_PARTS: &[(&str, u32, u32)] = &[
    ("全年", 1, 12),
    ("上半年", 1, 6),
    ("下半年", 7, 12),
    ("前三季度", 1, 9),
    ("前两季度", 1, 6),
    ("第一季度", 1, 3),
    ("一季度", 1, 3),
    ("第二季度", 4, 6),
    ("二季度", 4, 6),
    ("第三季度", 7, 9),
    ("三季度", 7, 9),
    ("第四季度", 10, 12),
    ("四季度", 10, 12),
    ("前两个月", 1, 2),
];

/// Parts of a year in English, before `this year`, `last year` or a year.
const ENGLISH_YEAR_PARTS: &[(&str, u32, u32)] = &[
    ("first two months of", 1, 2),
    ("first three months of", 1, 3),
    ("first four months of", 1, 4),
    ("first five months of", 1, 5),
    ("first six months of", 1, 6),
    ("first seven months of", 1, 7),
    ("first eight months of", 1, 8),
    ("first nine months of", 1, 9),
    ("first 10 months of", 1, 10),
    ("first ten months of", 1, 10),
    ("first 11 months of", 1, 11),
    ("first eleven months of", 1, 11),
    ("first three quarters of", 1, 9),
    ("first quarter of", 1, 3),
    ("second quarter of", 4, 6),
    ("third quarter of", 7, 9),
    ("fourth quarter of", 10, 12),
    ("first half of", 1, 6),
    ("second half of", 7, 12),
];

/// Year words relative to publication.
const RELATIVE_YEARS: &[(&str, i32)] = &[
    ("今年", 0),
    ("本年", 0),
    ("去年", -1),
    ("上年", -1),
    ("前年", -2),
    ("明年", 1),
];

/// Words for "up to now".
const NOW_WORDS: &[&str] = &["截至目前", "截止目前", "截至当前", "迄今", "至今", "目前"];

pub(crate) const MONTHS_EN: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The time expression starting at `start`, if any, and where it ends.
fn expression(
    chars: &[char],
    start: usize,
    published: Option<Published>,
) -> Option<(TimeExpr, usize)> {
    let mut i = start;
    let mut as_of = false;
    let mut since = false;
    for w in ["截至到", "截止到", "截至", "截止"] {
        if starts_with(chars, i, w) {
            as_of = true;
            i += w.chars().count();
            break;
        }
    }
    if !as_of && matches!(chars.get(i), Some('自' | '从')) {
        since = true;
        i += 1;
    }
    let at = |value: String, kind: TimeKind, end: usize| {
        Some((
            TimeExpr {
                value,
                kind,
                span: Span::new(start, end),
            },
            end,
        ))
    };
    if let Some(w) = NOW_WORDS.iter().find(|w| starts_with(chars, i, w)) {
        let end = i + w.chars().count();
        return at(published?.date(), TimeKind::AsOf, end);
    }
    // The year: explicit, relative, or none (then the publication year).
    let mut year = None;
    if let Some(y) = chinese_year(chars, i) {
        year = Some(y);
        i += 5;
    } else if let Some((y, next)) = small_int(chars, i)
        && (1900..=2100).contains(&y)
        && next - i == 4
    {
        if chars.get(next) == Some(&'年') {
            year = Some(y as i32);
            i = next + 1;
        } else if chars.get(next) == Some(&'-')
            && let Some((m, n2)) = small_int(chars, next + 1)
            && chars.get(n2) == Some(&'-')
            && let Some((d, n3)) = small_int(chars, n2 + 1)
            && (1..=12).contains(&m)
            && (1..=31).contains(&d)
        {
            return at(format!("{y:04}-{m:02}-{d:02}"), TimeKind::Day, n3);
        } else if !(chars.get(next).is_some_and(|c| c.is_alphanumeric())
            || i > 0 && chars[i - 1].is_alphanumeric())
            && chars[..i]
                .iter()
                .rev()
                .take(12)
                .any(|c| c.is_ascii_alphabetic())
        {
            // A bare year in English text (`in 2019`).
            return at(format!("{y:04}"), TimeKind::Year, next);
        }
    }
    if year.is_none()
        && let Some(&(w, delta)) = RELATIVE_YEARS
            .iter()
            .find(|(w, _)| starts_with(chars, i, w))
    {
        let p = published?;
        year = Some(p.year + delta);
        i += w.chars().count();
    }
    let explicit_year = year.is_some();
    let base_year = year.or(published.map(|p| p.year));
    if let Some(&(w, from, to)) = YEAR_PARTS.iter().find(|(w, _, _)| starts_with(chars, i, w)) {
        let y = base_year?;
        let end = i + w.chars().count();
        if from == 1 && to == 12 {
            return at(format!("{y:04}"), TimeKind::Year, end);
        }
        return at(
            format!("{y:04}-{from:02}/{y:04}-{to:02}"),
            TimeKind::Range,
            end,
        );
    }
    // Months: `5月`, `1-5月`, `1至5月`, `5月30日`, `5月底`.
    if let Some((m, next)) = small_int(chars, i) {
        if matches!(
            chars.get(next),
            Some('-' | '—' | '–' | '至' | '到' | '~' | '～')
        ) && let Some((m2, n2)) = small_int(chars, next + 1)
            && chars.get(n2) == Some(&'月')
            && (1..=12).contains(&m)
            && (m..=12).contains(&m2)
        {
            let y = base_year?;
            return at(
                format!("{y:04}-{m:02}/{y:04}-{m2:02}"),
                TimeKind::Range,
                n2 + 1,
            );
        }
        if chars.get(next) == Some(&'月') && (1..=12).contains(&m) {
            let y = base_year?;
            let mut end = next + 1;
            if chars.get(end) == Some(&'份') {
                end += 1;
            }
            if let Some((d, n2)) = small_int(chars, end)
                && matches!(chars.get(n2), Some('日' | '号'))
                && (1..=31).contains(&d)
            {
                let value = format!("{y:04}-{m:02}-{d:02}");
                return finish_day(chars, start, n2 + 1, value, since, as_of, published);
            }
            if matches!(chars.get(end), Some('底' | '末')) {
                let d = last_day(y, m);
                return at(format!("{y:04}-{m:02}-{d:02}"), TimeKind::AsOf, end + 1);
            }
            let kind = if as_of {
                TimeKind::AsOf
            } else {
                TimeKind::Month
            };
            return at(format!("{y:04}-{m:02}"), kind, end);
        }
        // (Not 一号工程, 二号线: a day written in Chinese numerals takes 日.)
        if !explicit_year
            && (chars.get(next) == Some(&'日')
                || chars.get(next) == Some(&'号') && chars[i].is_ascii_digit())
            && (1..=31).contains(&m)
            && !(start > 0 && is_digit(chars[start - 1]))
        {
            let p = published?;
            let value = format!("{:04}-{:02}-{m:02}", p.year, p.month);
            return finish_day(chars, start, next + 1, value, since, as_of, Some(p));
        }
    }
    if let Some(y) = year {
        if matches!(chars.get(i), Some('底' | '末')) {
            return at(format!("{y:04}-12-31"), TimeKind::AsOf, i + 1);
        }
        return at(format!("{y:04}"), TimeKind::Year, i);
    }
    english_month(chars, start, published)
}

/// A day, possibly the start of `自…以来` (since) or the end of `截至…` (as of).
fn finish_day(
    chars: &[char],
    start: usize,
    end: usize,
    value: String,
    since: bool,
    as_of: bool,
    published: Option<Published>,
) -> Option<(TimeExpr, usize)> {
    if since && let Some(p) = published {
        // `以来` closes the expression within the same clause.
        let mut j = end;
        while j < chars.len() && j < end + 16 && !"，,。;；!！?？".contains(chars[j]) {
            if starts_with(chars, j, "以来") {
                let value = format!("{value}/{}", p.date());
                return Some((
                    TimeExpr {
                        value,
                        kind: TimeKind::Since,
                        span: Span::new(start, j + 2),
                    },
                    j + 2,
                ));
            }
            j += 1;
        }
    }
    let kind = if as_of { TimeKind::AsOf } else { TimeKind::Day };
    Some((
        TimeExpr {
            value,
            kind,
            span: Span::new(start, end),
        },
        end,
    ))
}

/// An English expression at a word start: `so far`, `to date`, or a month.
fn english(
    chars: &[char],
    start: usize,
    published: Option<Published>,
) -> Option<(TimeExpr, usize)> {
    let found = |value: String, kind: TimeKind, end: usize| {
        let span = Span::new(start, end);
        Some((TimeExpr { value, kind, span }, end))
    };
    // The word `w` at `start`, its first letter in either case, and where it ends.
    let word = |w: &str| {
        let end = start + w.len();
        (chars.get(start).map(char::to_ascii_lowercase) == Some(w.as_bytes()[0] as char)
            && starts_with(chars, start + 1, &w[1..])
            && !chars.get(end).is_some_and(|c| c.is_ascii_alphabetic()))
        .then_some(end)
    };
    for w in ["so far", "to date"] {
        if let Some(end) = word(w) {
            return found(published?.date(), TimeKind::AsOf, end);
        }
    }
    // `the first quarter of this year`, `first half of 2023`: a part of a year.
    for &(w, from, to) in ENGLISH_YEAR_PARTS {
        let Some(at) = word(w)
            .filter(|&end| chars.get(end) == Some(&' '))
            .map(|end| end + 1)
        else {
            continue;
        };
        let year = english(chars, at, published)
            .filter(|(t, _)| t.kind == TimeKind::Year)
            .and_then(|(t, end)| Some((t.value.parse::<i32>().ok()?, end)))
            .or_else(|| {
                let (y, end) = small_int(chars, at)?;
                (end - at == 4 && (1900..=2100).contains(&y)).then_some((y as i32, end))
            });
        if let Some((y, end)) = year {
            return found(
                format!("{y:04}-{from:02}/{y:04}-{to:02}"),
                TimeKind::Range,
                end,
            );
        }
    }
    // `last year`, `This year`: a year relative to publication.
    for (w, delta) in [("last year", -1), ("this year", 0), ("next year", 1)] {
        if let Some(end) = word(w) {
            let year = published?.year + delta;
            return found(format!("{year:04}"), TimeKind::Year, end);
        }
    }
    english_month(chars, start, published)
}

/// `January 2015`, `Jan 25`, `Jan 25, 2015`.
fn english_month(
    chars: &[char],
    start: usize,
    published: Option<Published>,
) -> Option<(TimeExpr, usize)> {
    if start > 0 && chars[start - 1].is_ascii_alphabetic() {
        return None;
    }
    let (month, name_len) = MONTHS_EN.iter().enumerate().find_map(|(k, name)| {
        if starts_with(chars, start, name) {
            Some((k as u32 + 1, name.len()))
        } else if name.len() > 3 && starts_with(chars, start, &name[..3]) {
            Some((
                k as u32 + 1,
                if chars.get(start + 3) == Some(&'.') {
                    4
                } else {
                    3
                },
            ))
        } else {
            None
        }
    })?;
    let mut i = start + name_len;
    if chars.get(i).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    while chars.get(i) == Some(&' ') {
        i += 1;
    }
    let (n, next) = small_int(chars, i)?;
    if (1900..=2100).contains(&n) {
        let value = format!("{n:04}-{month:02}");
        return Some((
            TimeExpr {
                value,
                kind: TimeKind::Month,
                span: Span::new(start, next),
            },
            next,
        ));
    }
    if !(1..=31).contains(&n) {
        return None;
    }
    let mut end = next;
    let mut year = published.map(|p| p.year);
    if chars.get(end) == Some(&',') {
        let mut j = end + 1;
        while chars.get(j) == Some(&' ') {
            j += 1;
        }
        if let Some((y, n2)) = small_int(chars, j)
            && (1900..=2100).contains(&y)
        {
            year = Some(y as i32);
            end = n2;
        }
    }
    let y = year?;
    let value = format!("{y:04}-{month:02}-{n:02}");
    Some((
        TimeExpr {
            value,
            kind: TimeKind::Day,
            span: Span::new(start, end),
        },
        end,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PUB: Option<&str> = Some("2020-07-31");

    fn values(text: &str, published: Option<&str>) -> Vec<String> {
        scan(text, published).into_iter().map(|t| t.value).collect()
    }

    #[test]
    fn a_part_of_a_year_takes_the_year_its_sentence_named() {
        assert_eq!(
            values("2019年,该市全年新批项目12个。全年接待游客", PUB),
            ["2019", "2019", "2020"]
        );
        assert_eq!(values("2019年上半年", PUB), ["2019-01/2019-06"]);
        // A day in Chinese numerals takes 日: 一号工程 is no date.
        assert!(values("把合作作为一号工程", PUB).is_empty());
        assert_eq!(values("1号开幕", PUB), ["2020-07-01"]);
    }

    #[test]
    fn years_written_in_chinese_numerals() {
        assert_eq!(values("二〇二四年，双边贸易", PUB), ["2024"]);
        assert_eq!(values("一九九八年五月", PUB), ["1998-05"]);
        assert!(values("二三四五年", PUB).is_empty());
    }

    #[test]
    fn english_parts_of_years() {
        assert_eq!(
            values("In the first quarter of this year, trade", PUB),
            ["2020-01/2020-03"]
        );
        assert_eq!(values("the second half of 2019", PUB), ["2019-07/2019-12"]);
        assert_eq!(values("visitors last year", PUB), ["2019"]);
    }

    #[test]
    fn years_and_parts_of_years() {
        assert_eq!(values("2019年,两国贸易", PUB), ["2019"]);
        assert_eq!(values("2021年全年", PUB), ["2021"]);
        assert_eq!(values("今年上半年", PUB), ["2020-01/2020-06"]);
        assert_eq!(values("上半年", PUB), ["2020-01/2020-06"]);
        assert_eq!(values("2018年前三季度", PUB), ["2018-01/2018-09"]);
        assert_eq!(values("去年", PUB), ["2019"]);
        assert_eq!(values("去年一季度", PUB), ["2019-01/2019-03"]);
    }

    #[test]
    fn month_ranges() {
        assert_eq!(values("今年1-5月", PUB), ["2020-01/2020-05"]);
        assert_eq!(values("1至4月", PUB), ["2020-01/2020-04"]);
        assert_eq!(values("2019年1—11月", PUB), ["2019-01/2019-11"]);
    }

    #[test]
    fn days_and_months() {
        assert_eq!(values("7月30日上午", PUB), ["2020-07-30"]);
        assert_eq!(values("2015年4月11日电", PUB), ["2015-04-11"]);
        assert_eq!(values("今年5月得到批复", PUB), ["2020-05"]);
        assert_eq!(values("6月份", PUB), ["2020-06"]);
        assert_eq!(values("23日在该市", PUB), ["2020-07-23"]);
        assert_eq!(values("2020-07-31 12:18", None), ["2020-07-31"]);
        assert_eq!(
            resolve_date("2014年2月成立", None).as_deref(),
            Some("2014-02")
        );
    }

    #[test]
    fn cumulative_and_since() {
        assert_eq!(values("截至2020年5月底,累计", PUB), ["2020-05-31"]);
        assert_eq!(values("截至今年8月", Some("2016-09-23")), ["2016-08"]);
        assert_eq!(values("截止目前,该市", PUB), ["2020-07-31"]);
        assert_eq!(values("2021年底", PUB), ["2021-12-31"]);
        assert_eq!(
            values("自5月19日正式营业以来", PUB),
            ["2020-05-19/2020-07-31"]
        );
        assert_eq!(scan("截至2020年5月底", PUB)[0].kind, TimeKind::AsOf);
    }

    #[test]
    fn relative_expressions_need_a_publication_date() {
        assert!(values("今年1-5月", None).is_empty());
        assert!(values("7月30日", None).is_empty());
        assert_eq!(values("2019年", None), ["2019"]);
    }

    #[test]
    fn english() {
        assert_eq!(values("In 2019, trade grew", None), ["2019"]);
        assert_eq!(
            values("So far the city", Some("2015-02-05")),
            ["2015-02-05"]
        );
        assert_eq!(
            values("visited Kansas City Jan 25 to 27", Some("2015-02-05")),
            ["2015-01-25"]
        );
        assert_eq!(values("in January 2015", None), ["2015-01"]);
        assert!(values("maybe 12 cities", None).is_empty());
    }

    #[test]
    fn offsets() {
        let t = &scan("据统计,今年1-5月,投资", PUB)[0];
        assert_eq!((t.span.start, t.span.end), (4, 10));
    }
}
