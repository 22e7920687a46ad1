//! Quantities in Chinese and English text: numbers with their magnitude,
//! unit or measure word, and the approximation the writer put around them.
//!
//! The entry point is [`scan`] (or [`scan_chars`] on an already split text): one
//! linear pass that finds every quantity with its character offsets.
//! [`parse_chinese_int`] and [`parse_rank`] serve other extraction stages.
//!
//! ```
//! use cckg::extract::numbers::{parse_rank, scan, Approx};
//! use cckg::model::Unit;
//! let q = scan("进出口总额为76.43亿美元,有1000多家企业");
//! assert_eq!(q[0].value, 7_643_000_000.0);
//! assert_eq!(q[0].unit, Some(Unit::Usd));
//! assert_eq!((q[1].value, q[1].counter, q[1].approx), (1000.0, "家", Some(Approx::MoreThan)));
//! assert_eq!(parse_rank("第三大贸易伙伴"), Some(3));
//! ```
//!
//! Not quantities: dates and ranges of dates (`2019年`, `1-5月`, `7月30日`, see
//! [`super::time`]), ranks (`第三`), ordinals (`39th`), and numbers glued to
//! Latin letters (`v5`, `163.com`).

use crate::model::{Span, Unit};

/// How the text qualifies a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Approx {
    /// 近, 将近, 接近, nearly, almost.
    Nearly,
    /// 约, 大约, 左右, 上下, about, around.
    About,
    /// 多, 余, 超过, 逾, 以上, more than, over.
    MoreThan,
    /// 不到, 不足, 以下, less than.
    LessThan,
}

impl Approx {
    /// The name used in [`Fact::approx`](crate::model::Fact::approx): `nearly`, `about`,
    /// `more than`, `less than`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Nearly => "nearly",
            Self::About => "about",
            Self::MoreThan => "more than",
            Self::LessThan => "less than",
        }
    }
}

/// One quantity found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The value in plain units (76.43亿美元 → 7643000000, 三分之一 → 33.33).
    pub value: f64,
    /// Its unit, when the measure word maps to one (`家` → count, `人次` → persons);
    /// `None` for other measure words (`吨`) and bare numbers.
    pub unit: Option<Unit>,
    /// The measure word or unit as normalised here (`家`, `人次`, `架次`, `美元`, `%`,
    /// `平方米`, `people`); empty when none follows.
    pub counter: &'static str,
    /// Approximation words around the number.
    pub approx: Option<Approx>,
    /// Characters covered, approximation words and unit included.
    pub span: Span,
}

/// Measure words and units, longest first within each leading character so that
/// `人次` wins over `人` and `个百分点` over `个`.
const COUNTERS: &[(&str, Option<Unit>)] = &[
    ("美元", Some(Unit::Usd)),
    ("美金", Some(Unit::Usd)),
    ("元人民币", Some(Unit::Cny)),
    ("人民币", Some(Unit::Cny)),
    ("元", Some(Unit::Cny)),
    ("欧元", Some(Unit::Eur)),
    ("日元", Some(Unit::Jpy)),
    ("韩元", Some(Unit::Krw)),
    ("港元", None),
    ("港币", None),
    ("英镑", Some(Unit::Gbp)),
    ("卢布", None),
    ("%", Some(Unit::Percent)),
    ("％", Some(Unit::Percent)),
    ("倍", Some(Unit::Times)),
    ("平方公里", Some(Unit::SquareKilometre)),
    ("平方千米", Some(Unit::SquareKilometre)),
    ("平方米", Some(Unit::SquareMetre)),
    ("平米", Some(Unit::SquareMetre)),
    ("㎡", Some(Unit::SquareMetre)),
    ("人次", Some(Unit::Persons)),
    ("人", Some(Unit::Persons)),
    ("名", Some(Unit::Persons)),
    ("位", Some(Unit::Persons)),
    ("个百分点", None),
    ("个", Some(Unit::Count)),
    ("家次", Some(Unit::Count)),
    ("家", Some(Unit::Count)),
    ("户", Some(Unit::Count)),
    ("座", Some(Unit::Count)),
    ("项", Some(Unit::Count)),
    ("架次", Some(Unit::Count)),
    ("架", Some(Unit::Count)),
    ("批次", Some(Unit::Count)),
    ("批", Some(Unit::Count)),
    ("次", Some(Unit::Count)),
    ("团", Some(Unit::Count)),
    ("班", Some(Unit::Count)),
    ("趟", Some(Unit::Count)),
    ("列", Some(Unit::Count)),
    ("对", Some(Unit::Count)),
    ("所", Some(Unit::Count)),
    ("份", Some(Unit::Count)),
    ("条", Some(Unit::Count)),
    ("艘", Some(Unit::Count)),
    ("场", Some(Unit::Count)),
    ("届", Some(Unit::Count)),
    ("吨", None),
    ("公里", None),
    ("千米", None),
    ("米", None),
    ("亩", None),
    ("公顷", Some(Unit::SquareMetre)),
];

/// Words after a number that make it a date or a duration, not a quantity.
const NOT_QUANTITY: &[char] = &[
    '年', '月', '日', '号', '时', '点', '分', '秒', '天', '周', '岁', '强',
];

/// English units and measure words (lower case), longest first.
const EN_COUNTERS: &[(&str, Option<Unit>)] = &[
    ("percent", Some(Unit::Percent)),
    ("per cent", Some(Unit::Percent)),
    ("square kilometers", Some(Unit::SquareKilometre)),
    ("square kilometres", Some(Unit::SquareKilometre)),
    ("sq km", Some(Unit::SquareKilometre)),
    ("square meters", Some(Unit::SquareMetre)),
    ("square metres", Some(Unit::SquareMetre)),
    ("sq m", Some(Unit::SquareMetre)),
    ("hectares", Some(Unit::SquareMetre)),
    ("hectare", Some(Unit::SquareMetre)),
    ("us dollars", Some(Unit::Usd)),
    ("dollars", Some(Unit::Usd)),
    ("yuan", Some(Unit::Cny)),
    ("euros", Some(Unit::Eur)),
    ("pounds sterling", Some(Unit::Gbp)),
    ("pounds", Some(Unit::Gbp)),
    ("yen", Some(Unit::Jpy)),
    ("won", Some(Unit::Krw)),
    ("person-times", Some(Unit::Persons)),
    ("people", Some(Unit::Persons)),
    ("persons", Some(Unit::Persons)),
    ("visitors", Some(Unit::Persons)),
    ("tourists", Some(Unit::Persons)),
];

/// English currency signs and codes written before the number.
const EN_CURRENCY_PREFIX: &[(&str, Unit)] = &[
    ("US$", Unit::Usd),
    ("USD", Unit::Usd),
    ("$", Unit::Usd),
    ("RMB", Unit::Cny),
    ("CNY", Unit::Cny),
    ("¥", Unit::Cny),
    ("€", Unit::Eur),
    ("£", Unit::Gbp),
    ("GBP", Unit::Gbp),
    ("EUR", Unit::Eur),
];

/// Chinese approximation words written before a number, longest first.
const PREFIX_APPROX: &[(&str, Approx)] = &[
    ("将近", Approx::Nearly),
    ("接近", Approx::Nearly),
    ("近", Approx::Nearly),
    ("大约", Approx::About),
    ("约", Approx::About),
    ("超过", Approx::MoreThan),
    ("逾", Approx::MoreThan),
    ("超", Approx::MoreThan),
    ("不到", Approx::LessThan),
    ("不足", Approx::LessThan),
    ("nearly ", Approx::Nearly),
    ("almost ", Approx::Nearly),
    ("about ", Approx::About),
    ("around ", Approx::About),
    ("approximately ", Approx::About),
    ("more than ", Approx::MoreThan),
    ("over ", Approx::MoreThan),
    ("less than ", Approx::LessThan),
];

/// Chinese approximation words written after the quantity.
const SUFFIX_APPROX: &[(&str, Approx)] = &[
    ("左右", Approx::About),
    ("上下", Approx::About),
    ("以上", Approx::MoreThan),
    ("多", Approx::MoreThan),
    ("余", Approx::MoreThan),
    ("以下", Approx::LessThan),
];

/// Value of an ASCII or full-width digit.
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Value of a Chinese digit (`两` included).
fn cn_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Multiplier of a Chinese magnitude character.
fn cn_magnitude(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1_000,
        '万' => 10_000,
        '亿' => 100_000_000,
        _ => return None,
    })
}

fn is_cn_numeral(c: char) -> bool {
    cn_digit(c).is_some() || cn_magnitude(c).is_some()
}

/// Whether `chars[at..]` starts with `word`.
fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    (at..)
        .zip(word.chars())
        .all(|(i, w)| chars.get(i) == Some(&w))
}

/// Whether `chars[..at]` ends with `word`, compared case-insensitively for ASCII.
fn ends_with(chars: &[char], at: usize, word: &str) -> bool {
    let n = word.chars().count();
    if n > at {
        return false;
    }
    chars[at - n..at]
        .iter()
        .zip(word.chars())
        .all(|(a, b)| a.eq_ignore_ascii_case(&b))
}

/// Parses an integer written in Chinese numerals (`三千五百` → 3500, `十二` → 12,
/// `两` → 2), in Arabic digits, or mixed (`3千` → 3000). The whole string must be a number.
///
/// ```
/// use cckg::extract::numbers::parse_chinese_int;
/// assert_eq!(parse_chinese_int("三千五百"), Some(3500));
/// assert_eq!(parse_chinese_int("二十六"), Some(26));
/// assert_eq!(parse_chinese_int("１２"), Some(12));
/// assert_eq!(parse_chinese_int("三个"), None);
/// ```
pub fn parse_chinese_int(s: &str) -> Option<u64> {
    let chars: Vec<char> = s.trim().chars().collect();
    if chars.is_empty() {
        return None;
    }
    let (mut total, mut wan, mut section, mut number) = (0u64, 0u64, 0u64, 0u64);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some(d) = digit(c) {
            number = number.checked_mul(10)?.checked_add(u64::from(d))?;
        } else if let Some(d) = cn_digit(c) {
            number = d;
        } else if let Some(m) = cn_magnitude(c) {
            match m {
                10 | 100 | 1_000 => {
                    let n = if number == 0 { 1 } else { number };
                    section = section.checked_add(n.checked_mul(m)?)?;
                }
                10_000 => {
                    wan = wan.checked_add((section + number).checked_mul(m)?)?;
                    section = 0;
                }
                _ => {
                    total = (total + wan + section + number).checked_mul(m)?;
                    wan = 0;
                    section = 0;
                }
            }
            number = 0;
        } else {
            return None;
        }
        i += 1;
    }
    Some(total + wan + section + number)
}

/// The rank a phrase states: `第三大` → 3, `第3` → 3, `最大` / `第一大` / `首要` → 1,
/// `second largest` → 2, `largest` → 1.
///
/// ```
/// use cckg::extract::numbers::parse_rank;
/// assert_eq!(parse_rank("日本是青岛第三大外资来源地"), Some(3));
/// assert_eq!(parse_rank("最大贸易伙伴"), Some(1));
/// assert_eq!(parse_rank("the second-largest trading partner"), Some(2));
/// assert_eq!(parse_rank("重要伙伴"), None);
/// ```
pub fn parse_rank(s: &str) -> Option<u32> {
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == '第' {
            let run: String = chars[i + 1..]
                .iter()
                .take_while(|&&c| is_cn_numeral(c) || digit(c).is_some())
                .collect();
            if let Some(n) = parse_chinese_int(&run) {
                return u32::try_from(n).ok().filter(|&n| n > 0);
            }
        }
    }
    if ["最大", "首要", "头号", "最重要"]
        .iter()
        .any(|w| s.contains(w))
    {
        return Some(1);
    }
    let lower = s.to_ascii_lowercase();
    const EN: &[(&str, u32)] = &[
        ("second", 2),
        ("third", 3),
        ("fourth", 4),
        ("fifth", 5),
        ("sixth", 6),
        ("seventh", 7),
        ("eighth", 8),
        ("ninth", 9),
        ("tenth", 10),
    ];
    for &(word, rank) in EN {
        if lower.contains(&format!("{word} largest")) || lower.contains(&format!("{word}-largest"))
        {
            return Some(rank);
        }
    }
    if lower.contains("largest") || lower.contains("biggest") {
        return Some(1);
    }
    None
}

/// Every quantity of `text`, in order, with character offsets.
pub fn scan(text: &str) -> Vec<Quantity> {
    let chars: Vec<char> = text.chars().collect();
    scan_chars(&chars)
}

/// The first quantity of `text`, if any.
///
/// ```
/// use cckg::extract::numbers::{parse_quantity, Approx};
/// use cckg::model::Unit;
/// let q = parse_quantity("近40万人次").unwrap();
/// assert_eq!((q.value, q.unit, q.approx), (400_000.0, Some(Unit::Persons), Some(Approx::Nearly)));
/// ```
pub fn parse_quantity(text: &str) -> Option<Quantity> {
    scan(text).into_iter().next()
}

/// [`scan`] over a text already split into characters (offsets index `chars`).
pub fn scan_chars(chars: &[char]) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if digit(c).is_some() {
            i = arabic(chars, i, &mut out);
        } else if is_cn_numeral(c) || starts_with(chars, i, "百分之") {
            i = chinese(chars, i, &mut out);
        } else if c.is_ascii_alphabetic() && (i == 0 || !chars[i - 1].is_ascii_alphabetic()) {
            i = english_word(chars, i, &mut out);
        } else {
            i += 1;
        }
    }
    out
}

/// Reads an Arabic number starting at `start`; pushes a quantity if it is one and
/// returns where scanning resumes.
fn arabic(chars: &[char], start: usize, out: &mut Vec<Quantity>) -> usize {
    let mut i = start;
    // Digits are kept as an integer mantissa and a count of decimals, so that
    // 8.2亿 is 82 × 10^8 / 10 exactly, not 8.2 × 10^8 with a rounding error.
    let mut mantissa: f64 = 0.0;
    let mut decimals = 0;
    while let Some(d) = chars.get(i).and_then(|&c| digit(c)) {
        mantissa = mantissa * 10.0 + f64::from(d);
        i += 1;
        // Thousands separator: a comma followed by exactly three digits.
        if chars.get(i) == Some(&',')
            && (1..=3).all(|k| chars.get(i + k).and_then(|&c| digit(c)).is_some())
            && chars.get(i + 4).and_then(|&c| digit(c)).is_none()
        {
            i += 1;
        }
    }
    if matches!(chars.get(i), Some('.') | Some('．'))
        && chars.get(i + 1).and_then(|&c| digit(c)).is_some()
    {
        i += 1;
        while let Some(d) = chars.get(i).and_then(|&c| digit(c)) {
            mantissa = mantissa * 10.0 + f64::from(d);
            decimals += 1;
            i += 1;
        }
    }
    let value = Decimal { mantissa, decimals };
    // Glued to Latin letters or an underscore (`v5`, `163.com`, `39th`): not a quantity.
    let glued =
        |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphabetic() || *c == '_' || *c == '@');
    // (`£40m`, `$1.2bn`: amounts in short.)
    let short_amount = start > 0
        && matches!(chars[start - 1], '$' | '£' | '€' | '¥')
        && ["m", "bn"].iter().any(|w| starts_with_word(chars, i, w));
    if start > 0 && glued(chars.get(start - 1)) || glued(chars.get(i)) && !short_amount {
        return skip_word(chars, i);
    }
    if start > 0 && matches!(chars[start - 1], '.' | '/' | ':') {
        return i;
    }
    if start > 0 && chars[start - 1] == '第' && !counts_partner_cities(chars, start, i) {
        return i;
    }
    // `N分之M`: a fraction, as a percentage.
    if starts_with(chars, i, "分之") {
        return fraction(chars, start, i, value.value(), out);
    }
    // A range (`1-5月`, `1至2个`): dates or vague spans, not a quantity.
    if matches!(
        chars.get(i),
        Some('-' | '—' | '–' | '~' | '～' | '至' | '到')
    ) && chars.get(i + 1).and_then(|&c| digit(c)).is_some()
    {
        let mut j = i + 1;
        while chars
            .get(j)
            .is_some_and(|&c| digit(c).is_some() || c == '.')
        {
            j += 1;
        }
        return j;
    }
    finish(chars, start, i, value, out)
}

/// English number words (`four direct flights`); `one` is left out, it is mostly a
/// pronoun or an article (`one of the`).
const EN_NUMBERS: [&str; 19] = [
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// Reads an English number word at `start`, else skips the word.
fn english_word(chars: &[char], start: usize, out: &mut Vec<Quantity>) -> usize {
    let mut end = start;
    while chars.get(end).is_some_and(char::is_ascii_alphabetic) {
        end += 1;
    }
    let found = EN_NUMBERS
        .iter()
        .position(|w| end - start == w.len() && starts_with_word(chars, start, w));
    match found {
        Some(k) if chars.get(end) != Some(&'-') => {
            let value = Decimal {
                mantissa: (k + 2) as f64,
                decimals: 0,
            };
            finish(chars, start, end, value, out)
        }
        _ => end,
    }
}

/// Skips the rest of an alphanumeric word.
fn skip_word(chars: &[char], mut i: usize) -> usize {
    while chars
        .get(i)
        .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '@'))
    {
        i += 1;
    }
    i
}

/// Reads a run of Chinese numerals (`三千五百`, `百分之二十`) starting at `start`.
fn chinese(chars: &[char], start: usize, out: &mut Vec<Quantity>) -> usize {
    if starts_with(chars, start, "百分之") {
        let from = start + 3;
        let end = from
            + chars[from..]
                .iter()
                .take_while(|&&c| is_cn_numeral(c))
                .count();
        let run: String = chars[from..end].iter().collect();
        if let Some(n) = parse_chinese_int(&run) {
            let (value, end) = cn_decimals(chars, end, n);
            out.push(Quantity {
                value: value.value(),
                unit: Some(Unit::Percent),
                counter: "%",
                approx: prefix_approx(chars, start).map(|(a, _)| a),
                span: Span::new(prefix_approx(chars, start).map_or(start, |(_, s)| s), end),
            });
            return end;
        }
        return start + 3;
    }
    let end = start
        + chars[start..]
            .iter()
            .take_while(|&&c| is_cn_numeral(c))
            .count();
    let run: String = chars[start..end].iter().collect();
    if start > 0 && chars[start - 1] == '第' && !counts_partner_cities(chars, start, end) {
        return end;
    }
    let Some(n) = parse_chinese_int(&run) else {
        return end;
    };
    if starts_with(chars, end, "分之") {
        return fraction(chars, start, end, n as f64, out);
    }
    // Words such as 一带一路 or 万象 hold numerals: only a run followed by a known unit
    // counts, and only one that is more than a bare magnitude character.
    if run.chars().all(|c| cn_magnitude(c).is_some()) {
        return end;
    }
    let before = out.len();
    let (value, end) = cn_decimals(chars, end, n);
    let next = finish(chars, start, end, value, out);
    if out.len() > before && out.last().is_some_and(|q| q.unit.is_none()) {
        out.pop();
    }
    next
}

/// The integer `n` read before `at`, with the decimals written after it in Chinese
/// numerals (一百二十八点六亿, 百分之十三点六), and where reading stops.
fn cn_decimals(chars: &[char], at: usize, n: u64) -> (Decimal, usize) {
    let digit = |c: &char| match c {
        '〇' | '零' => Some(0),
        _ => "一二三四五六七八九"
            .chars()
            .position(|d| d == *c)
            .map(|k| k as u32 + 1),
    };
    let mut value = Decimal {
        mantissa: n as f64,
        decimals: 0,
    };
    if chars.get(at) != Some(&'点') {
        return (value, at);
    }
    let mut i = at + 1;
    while let Some(d) = chars.get(i).and_then(digit) {
        value.mantissa = value.mantissa * 10.0 + f64::from(d);
        value.decimals += 1;
        i += 1;
    }
    if value.decimals == 0 {
        return (value, at);
    }
    (value, i)
}

/// `N分之M` starting at `start`; `i` points at `分之`.
fn fraction(
    chars: &[char],
    start: usize,
    i: usize,
    denominator: f64,
    out: &mut Vec<Quantity>,
) -> usize {
    let from = i + 2;
    let end = from
        + chars[from..]
            .iter()
            .take_while(|&&c| is_cn_numeral(c) || digit(c).is_some())
            .count();
    let run: String = chars[from..end].iter().collect();
    if let Some(numerator) = parse_chinese_int(&run)
        && denominator > 0.0
    {
        let value = (numerator as f64 / denominator * 1000.0).round() / 10.0;
        let (approx, span_start) = match prefix_approx(chars, start) {
            Some((a, s)) => (Some(a), s),
            None => (None, start),
        };
        out.push(Quantity {
            value,
            unit: Some(Unit::Percent),
            counter: "%",
            approx,
            span: Span::new(span_start, end),
        });
    }
    end.max(i + 2)
}

/// The approximation word right before `start`, with its start offset.
fn prefix_approx(chars: &[char], start: usize) -> Option<(Approx, usize)> {
    PREFIX_APPROX.iter().find_map(|&(word, approx)| {
        ends_with(chars, start, word).then(|| (approx, start - word.chars().count()))
    })
}

/// Completes a number whose digits span `start..i`: magnitude, approximation and unit.
/// A number as read: `mantissa / 10^decimals`.
#[derive(Debug, Clone, Copy)]
struct Decimal {
    mantissa: f64,
    decimals: i32,
}

impl Decimal {
    fn value(self) -> f64 {
        self.mantissa / 10f64.powi(self.decimals)
    }

    /// The value times `m`, multiplied before dividing so that it stays exact.
    fn times(self, m: f64) -> Self {
        Self {
            mantissa: self.mantissa * m,
            decimals: self.decimals,
        }
    }
}

fn finish(
    chars: &[char],
    start: usize,
    mut i: usize,
    mut value: Decimal,
    out: &mut Vec<Quantity>,
) -> usize {
    let mut approx = None;
    let (mut span_start, mut prefix_unit) = (start, None);
    if let Some((a, s)) = prefix_approx(chars, start) {
        approx = Some(a);
        span_start = s;
    }
    // English currency before the number: `US$1.2 billion`, `RMB 3 million`.
    let mut k = start;
    while k > 0 && chars[k - 1] == ' ' {
        k -= 1;
    }
    for &(sign, unit) in EN_CURRENCY_PREFIX {
        if ends_with(chars, k, sign) {
            prefix_unit = Some(unit);
            span_start = k - sign.chars().count();
            if let Some((a, s)) = prefix_approx(chars, span_start) {
                approx = Some(a);
                span_start = s;
            }
            break;
        }
    }
    // 多 / 余 between the number and its magnitude: 40多万.
    if matches!(chars.get(i), Some('多' | '余'))
        && chars.get(i + 1).and_then(|&c| cn_magnitude(c)).is_some()
    {
        approx = Some(Approx::MoreThan);
        i += 1;
    }
    while let Some(m) = chars.get(i).and_then(|&c| cn_magnitude(c)) {
        // `十` right after digits is rare and usually a word (`10十`); accept all the same.
        value = value.times(m as f64);
        i += 1;
    }
    if matches!(chars.get(i), Some('多' | '余')) {
        approx = Some(Approx::MoreThan);
        i += 1;
    }
    // English magnitude words.
    let mut j = i;
    while chars.get(j) == Some(&' ') {
        j += 1;
    }
    for (word, m) in [
        ("trillion", 1e12),
        ("billion", 1e9),
        ("million", 1e6),
        ("thousand", 1e3),
        ("bn", 1e9),
        ("mln", 1e6),
        ("m", 1e6),
    ] {
        // ("£40m", not "40 m" of length.)
        if starts_with_word(chars, j, word) && (word != "m" || j == i) {
            value = value.times(m);
            i = j + word.len();
            break;
        }
    }
    // The unit or measure word.
    let mut unit = prefix_unit;
    let mut counter = "";
    let counter_here = COUNTERS.iter().find(|(w, _)| starts_with(chars, i, w));
    if counter_here.is_none()
        && let Some(&c) = chars.get(i)
        && NOT_QUANTITY.contains(&c)
    {
        return i + 1;
    }
    if let Some(&(word, u)) = counter_here {
        counter = word;
        if prefix_unit.is_none() {
            unit = u;
        }
        i += word.chars().count();
    } else {
        let mut j = i;
        while chars.get(j) == Some(&' ') {
            j += 1;
        }
        if let Some(&(word, u)) = EN_COUNTERS
            .iter()
            .find(|(w, _)| starts_with_word(chars, j, w))
        {
            counter = word;
            unit = unit.or(u);
            i = j + word.chars().count();
        } else if unit.is_none() && chars.get(j).is_some_and(|c| c.is_ascii_alphabetic()) && j > i {
            // A bare English number before a noun (`39 sister cities`) counts things.
            unit = Some(Unit::Count);
        }
    }
    // 85公顷, 12 hectares: in square metres.
    if matches!(counter, "公顷" | "hectares" | "hectare") {
        value = value.times(1e4);
    }
    if let Some(&(word, a)) = SUFFIX_APPROX.iter().find(|(w, _)| starts_with(chars, i, w)) {
        // 多 / 余 after the unit only when the unit is a measure word (`100余次` was taken
        // above); `左右`, `以上` after anything.
        if !matches!(word, "多" | "余") || counter.is_empty() {
            approx = approx.or(Some(a));
            i += word.chars().count();
        }
    }
    out.push(Quantity {
        value: value.value(),
        unit,
        counter,
        approx,
        span: Span::new(span_start, i),
    });
    i
}

/// Whether `chars[at..]` starts with the ASCII `word` (case-insensitive) followed by a
/// non-letter.
fn starts_with_word(chars: &[char], at: usize, word: &str) -> bool {
    let n = word.chars().count();
    chars.len() >= at + n
        && chars[at..at + n]
            .iter()
            .zip(word.chars())
            .all(|(a, b)| a.eq_ignore_ascii_case(&b))
        && !chars.get(at + n).is_some_and(|c| c.is_ascii_alphabetic())
}

/// Whether the ordinal `[start, end)` counts partner cities: the 17th pair of friendship
/// cities (第17对国际友好城市) is the 17th there is (the first, 第一对, is history).
fn counts_partner_cities(chars: &[char], start: usize, end: usize) -> bool {
    if !matches!(chars.get(end), Some('对' | '个' | '座'))
        || matches!(&chars[start..end], ['一'] | ['1'])
    {
        return false;
    }
    let mut at = end + 1;
    if starts_with(chars, at, "国际") {
        at += 2;
    }
    ["友好城市", "友城", "姐妹城市", "友好合作城市"]
        .iter()
        .any(|w| starts_with(chars, at, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> Quantity {
        let q = scan(s);
        assert_eq!(q.len(), 1, "{s}: {q:?}");
        q[0].clone()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-6 * b.abs().max(1.0)
    }

    #[test]
    fn currencies_with_magnitudes() {
        for (text, value, unit) in [
            ("总额为12.34亿美元", 1_234_000_000.0, Unit::Usd),
            ("进出口值58.1亿元", 5_810_000_000.0, Unit::Cny),
            ("规模达2.5万亿元", 2.5e12, Unit::Cny),
            ("投资4000万欧元", 4e7, Unit::Eur),
            ("融资300亿日元", 3e10, Unit::Jpy),
            ("签约7亿韩元", 7e8, Unit::Krw),
            ("投资5万美元", 50_000.0, Unit::Usd),
        ] {
            let q = one(text);
            assert!(close(q.value, value), "{text}: {}", q.value);
            assert_eq!(q.unit, Some(unit), "{text}");
        }
    }

    #[test]
    fn english_number_words_count_things() {
        let q = one("there are four direct flights a day");
        assert_eq!((q.value, q.unit), (4.0, Some(Unit::Count)));
        assert_eq!(one("about twelve people").value, 12.0);
        // `one`, words inside words and hyphenated forms are no quantities.
        assert!(scan("one of the first cities, often, a two-day visit").is_empty());
    }

    #[test]
    fn approximations() {
        let q = one("每年约有近25万人次");
        assert_eq!(
            (q.value, q.unit, q.approx),
            (250_000.0, Some(Unit::Persons), Some(Approx::Nearly))
        );
        assert_eq!(one("有600多家外企").approx, Some(Approx::MoreThan));
        assert_eq!(one("共80余次").approx, Some(Approx::MoreThan));
        assert_eq!(one("超过500万人次").approx, Some(Approx::MoreThan));
        assert_eq!(one("逾30家").approx, Some(Approx::MoreThan));
        assert_eq!(one("大约20个").approx, Some(Approx::About));
        assert_eq!(one("12个左右").approx, Some(Approx::About));
        let q = one("30多万人");
        assert_eq!((q.value, q.approx), (300_000.0, Some(Approx::MoreThan)));
        let q = one("同比增长约17倍");
        assert_eq!(
            (q.value, q.unit, q.approx),
            (17.0, Some(Unit::Times), Some(Approx::About))
        );
    }

    #[test]
    fn percents_fractions_and_areas() {
        let q = one("增长12.5%");
        assert_eq!((q.value, q.unit), (12.5, Some(Unit::Percent)));
        assert_eq!(one("增长３.５％").value, 3.5);
        let q = one("超过四分之一");
        assert_eq!(
            (q.value, q.unit, q.approx),
            (25.0, Some(Unit::Percent), Some(Approx::MoreThan))
        );
        assert!(close(one("占三分之一").value, 33.3));
        assert_eq!(one("百分之二十").value, 20.0);
        // Decimals in Chinese numerals, before a magnitude and after 百分之.
        assert!(close(one("百分之十三点六").value, 13.6));
        let q = one("进出口总额一百二十八点六亿元");
        assert_eq!((q.value, q.unit), (12_860_000_000.0, Some(Unit::Cny)));
        assert!(close(one("实际使用外资二点三亿美元").value, 230_000_000.0));
        // 点 without numerals after it is no decimal point (八点前到).
        assert_eq!(scan("三个项目八点前到").len(), 1);
        assert_eq!(one("面积4500平方米").unit, Some(Unit::SquareMetre));
        let q = one("规划面积12.5平方公里");
        assert_eq!((q.value, q.unit), (12.5, Some(Unit::SquareKilometre)));
        assert_eq!(one("增加3个百分点").unit, None);
    }

    #[test]
    fn counters_are_longest_first() {
        assert_eq!(one("接待800人次").counter, "人次");
        assert_eq!(one("每天7架次航班").counter, "架次");
        assert_eq!(one("9座城市").counter, "座");
        assert_eq!(one("运送货物40万吨").unit, None);
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(parse_chinese_int("十二"), Some(12));
        assert_eq!(parse_chinese_int("两"), Some(2));
        assert_eq!(parse_chinese_int("一万二千"), Some(12_000));
        assert_eq!(parse_chinese_int("三亿五千万"), Some(350_000_000));
        assert_eq!(parse_chinese_int("一百零五"), Some(105));
        let q = one("与十二座城市");
        assert_eq!((q.value, q.unit), (12.0, Some(Unit::Count)));
        assert!(scan("一带一路").is_empty());
        assert!(scan("万象更新").is_empty());
    }

    #[test]
    fn separators_and_full_width() {
        assert_eq!(one("有1,234家").value, 1234.0);
        assert_eq!(one("有１２家").value, 12.0);
        // An ASCII comma used as clause punctuation is not a separator.
        let q = scan("增长2.1%,占12,同比");
        assert_eq!(q[0].value, 2.1);
    }

    #[test]
    fn dates_ranges_ranks_are_not_quantities() {
        assert!(scan("2019年,今年1-5月,7月30日").is_empty());
        assert!(scan("1至5月").is_empty());
        assert!(scan("第三大").is_empty());
        assert!(scan("mobile_v5 qb@163.com the 39th city").is_empty());
        assert!(scan("选择1-2个港口").is_empty());
    }

    #[test]
    fn english_quantities() {
        let q = one("trade of US$1.2 billion");
        assert_eq!((q.value, q.unit), (1.2e9, Some(Unit::Usd)));
        let q = one("has 39 sister cities");
        assert_eq!((q.value, q.unit), (39.0, Some(Unit::Count)));
        let q = one("more than 5,000 visitors");
        assert_eq!(
            (q.value, q.unit, q.approx),
            (5000.0, Some(Unit::Persons), Some(Approx::MoreThan))
        );
        let q = one("grew 12 percent");
        assert_eq!((q.value, q.unit), (12.0, Some(Unit::Percent)));
    }

    #[test]
    fn offsets_are_in_characters() {
        let text = "青岛有近40万人次往来";
        let q = one(text);
        let covered: String = text.chars().skip(q.span.start).take(q.span.len()).collect();
        assert_eq!(covered, "近40万人次");
    }

    #[test]
    fn ranks() {
        assert_eq!(parse_rank("第一大"), Some(1));
        assert_eq!(parse_rank("第3大"), Some(3));
        assert_eq!(parse_rank("第十二"), Some(12));
        assert_eq!(parse_rank("largest trading partner"), Some(1));
        assert_eq!(parse_rank("third-largest"), Some(3));
    }
}
