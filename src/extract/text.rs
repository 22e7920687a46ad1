//! Text preparation: a normalised character array whose indexes are the character
//! offsets of the original text, and the sentences and clauses over it.
//!
//! Normalisation maps one character to one character (full-width letters and digits
//! to ASCII, curly and corner quotes to `"`, the ideographic space to a space), so an
//! offset into the normalised text is also an offset into the original.
//!
//! ```
//! use cckg::extract::text::Text;
//! let text = Text::new("大连，日本。Ａ１“好”");
//! assert_eq!(text.chars[6], 'A');
//! assert_eq!(text.chars[8], '"');
//! assert_eq!(text.sentences.len(), 2);
//! assert_eq!(text.slice(0, 2), "大连");
//! ```

use crate::model::Span;

/// A document prepared for extraction.
#[derive(Debug, Clone)]
pub struct Text {
    /// The original characters.
    pub original: Vec<char>,
    /// The normalised characters (same length as `original`).
    pub chars: Vec<char>,
    /// The normalised characters as one string, for automata.
    pub normalised: String,
    /// The original characters as one string.
    source: String,
    /// Byte offset of each character in `normalised`, then its length.
    norm_bytes: Vec<u32>,
    /// Byte offset of each character in `source`, then its length.
    source_bytes: Vec<u32>,
    /// Sentence spans, in order (ends at 。！？, newlines, or `. ` in English).
    pub sentences: Vec<Span>,
    /// Clause spans, in order (sentences cut further at ，；：、 is not a cut).
    pub clauses: Vec<Span>,
}

/// The byte offset of each character of `s`, then `s.len()`.
fn byte_offsets(s: &str) -> Vec<u32> {
    s.char_indices()
        .map(|(i, _)| i as u32)
        .chain(std::iter::once(s.len() as u32))
        .collect()
}

/// Maps one character to its normalised form.
pub fn normalise_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' => ' ',
        '“' | '”' | '„' | '「' | '」' | '『' | '』' | '‘' | '’' => '"',
        '—' | '–' => '—',
        _ => c,
    }
}

/// Whether `[start, end)` of `chars` is written like the place of an English dateline: a
/// line's start, in capitals, before a comma ("ZHANJIANG, Guangdong —").
pub fn is_dateline_place(chars: &[char], start: usize, end: usize) -> bool {
    (start == 0 || chars[start - 1] == '\n')
        && chars.get(end) == Some(&',')
        && chars[start..end].iter().all(|c| !c.is_lowercase())
}

/// Whether `c` is a Han character.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Whether `c` ends a sentence.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | '\n' | '…')
}

/// Whether `i` is the dash that closes an English dateline ("SEOUL, May 14 (Yonhap) --",
/// "ZHANJIANG, Guangdong —", "XINING —"): the story's first sentence starts after it.
fn ends_dateline(chars: &[char], i: usize) -> bool {
    let dash = chars[i] == '—' || chars[i] == '-' && i > 0 && chars[i - 1] == '-';
    if !dash || chars.get(i + 1) != Some(&' ') {
        return false;
    }
    // (Only the first 60 characters of a line are looked at: long lines stay linear.)
    let from = i.saturating_sub(61);
    let line_start = match chars[from..i].iter().rposition(|&c| c == '\n') {
        Some(k) => from + k + 1,
        None if from == 0 => 0,
        None => return false,
    };
    // "SEOUL, May 14 (Yonhap) --", or the place alone: "XINING —".
    let place_end = chars[line_start..i]
        .iter()
        .position(|&c| c == ',')
        .map_or(i.saturating_sub(1).max(line_start), |comma| {
            line_start + comma
        });
    let place = &chars[line_start..place_end];
    i - line_start <= 60
        && place.len() >= 2
        && place
            .iter()
            .all(|c| c.is_ascii_uppercase() || matches!(c, ' ' | '.' | '\'' | '-'))
}

/// Whether the line break at `i` only wraps a long line of Chinese text in the middle of a
/// sentence, as text copied from a PDF or a web page does ("台资合同外资\n18.6亿美元"): a
/// line of 30 characters or more that stops on a Han character, a digit or a comma, and a
/// next line that goes straight on (no blank line, no numbered heading such as 二、 or 1、,
/// no header line of fields).
fn is_line_wrap(chars: &[char], i: usize) -> bool {
    let line_start = chars[..i]
        .iter()
        .rposition(|&c| c == '\n')
        .map_or(0, |k| k + 1);
    let mut last = i;
    while last > line_start && chars[last - 1] == '\r' {
        last -= 1;
    }
    let Some(&prev) = last.checked_sub(1).and_then(|k| chars.get(k)) else {
        return false;
    };
    let (Some(&next), after) = (chars.get(i + 1), chars.get(i + 2).copied()) else {
        return false;
    };
    let heading = ("一二三四五六七八九十".contains(next) || next.is_ascii_digit())
        && after.is_some_and(|a| {
            matches!(a, '、' | ',' | '.' | ')') && !next.is_ascii_digit()
                || next.is_ascii_digit() && matches!(a, '、' | ')')
        });
    last - line_start >= 30
        && (is_han(prev) || prev.is_ascii_digit() || matches!(prev, ',' | '、'))
        && (is_han(next) || next.is_ascii_digit())
        && !heading
        // (Fields set apart by spaces or tabs make a header line: "发布单位:…  来源:…".)
        && !chars[line_start..last]
            .windows(2)
            .any(|w| w[1] == '\t' || w == [' ', ' '])
}

/// Whether `c` ends a clause (inside a sentence).
pub fn ends_clause(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '，' | '；' | '：')
}

impl Text {
    /// Prepares `text`.
    pub fn new(text: &str) -> Self {
        let original: Vec<char> = text.chars().collect();
        let chars: Vec<char> = original.iter().map(|&c| normalise_char(c)).collect();
        let sentences = split(&chars, |chars, i| {
            let c = chars[i];
            // "from Oct 14 to 18. On Wednesday": after a number only before a capital.
            let capital_next = || {
                chars[i + 1..]
                    .iter()
                    .find(|n| !n.is_whitespace())
                    .is_some_and(|n| n.is_uppercase())
            };
            ends_sentence(c) && !(c == '\n' && is_line_wrap(chars, i))
                || ends_dateline(chars, i)
                || (c == '.'
                    && chars.get(i + 1).is_none_or(|n| n.is_whitespace())
                    && i > 0
                    && (!chars[i - 1].is_ascii_digit() || capital_next())
                    && !is_abbreviation(chars, i))
        });
        let mut clauses = Vec::new();
        for s in &sentences {
            let mut start = s.start;
            for i in s.start..s.end {
                if ends_clause(chars[i])
                    && !(chars[i] == ','
                        && i + 1 < s.end
                        && chars[i + 1].is_ascii_digit()
                        && i > 0
                        && chars[i - 1].is_ascii_digit())
                {
                    push_trimmed(&chars, start, i + 1, &mut clauses);
                    start = i + 1;
                }
            }
            push_trimmed(&chars, start, s.end, &mut clauses);
        }
        let normalised: String = chars.iter().collect();
        let norm_bytes = byte_offsets(&normalised);
        let source = text.to_owned();
        let source_bytes = byte_offsets(&source);
        Self {
            original,
            chars,
            normalised,
            source,
            norm_bytes,
            source_bytes,
            sentences,
            clauses,
        }
    }

    /// The original text of `[start, end)`.
    pub fn slice(&self, start: usize, end: usize) -> String {
        let end = end.min(self.original.len());
        let (a, b) = (self.source_bytes[start.min(end)], self.source_bytes[end]);
        self.source[a as usize..b as usize].to_owned()
    }

    /// The normalised text of `[start, end)`.
    pub fn norm(&self, start: usize, end: usize) -> String {
        self.norm_str(start, end).to_owned()
    }

    /// The normalised text of `[start, end)`, borrowed.
    pub fn norm_str(&self, start: usize, end: usize) -> &str {
        let end = end.min(self.chars.len());
        let (a, b) = (self.norm_bytes[start.min(end)], self.norm_bytes[end]);
        &self.normalised[a as usize..b as usize]
    }

    /// Whether the normalised text at `at` starts with `word`.
    pub fn has_at(&self, at: usize, word: &str) -> bool {
        word.is_empty()
            || self
                .norm_bytes
                .get(at)
                .is_some_and(|&b| self.normalised[b as usize..].starts_with(word))
    }

    /// Whether the normalised text ending at `end` (exclusive) ends with `word`.
    pub fn has_before(&self, end: usize, word: &str) -> bool {
        self.norm_bytes
            .get(end)
            .is_some_and(|&b| self.normalised[..b as usize].ends_with(word))
    }

    /// The sentence that contains offset `at`.
    pub fn sentence_at(&self, at: usize) -> Option<Span> {
        find_span(&self.sentences, at)
    }

    /// The clause that contains offset `at`.
    pub fn clause_at(&self, at: usize) -> Option<Span> {
        find_span(&self.clauses, at)
    }

    /// Position of the first occurrence of `word` in `[from, to)`.
    pub fn find(&self, word: &str, from: usize, to: usize) -> Option<usize> {
        let to = to.min(self.chars.len());
        if word.is_empty() || from >= to {
            return None;
        }
        let byte = self.norm_bytes[from] as usize + self.norm_str(from, to).find(word)?;
        Some(self.norm_bytes.partition_point(|&b| (b as usize) < byte))
    }
}

fn find_span(spans: &[Span], at: usize) -> Option<Span> {
    let i = spans.partition_point(|s| s.end <= at);
    spans.get(i).copied().filter(|s| s.start <= at)
}

/// Words that open an English sentence rather than continue a name.
const SENTENCE_OPENERS: [&str; 14] = [
    "The", "A", "An", "It", "Its", "He", "She", "They", "In", "On", "At", "By", "Also", "This",
];

fn is_abbreviation(chars: &[char], dot: usize) -> bool {
    let mut start = dot;
    while start > 0 && chars[start - 1].is_ascii_alphabetic() {
        start -= 1;
    }
    let word: String = chars[start..dot].iter().collect();
    // "Henry B. Gonzalez": a middle initial after a name.
    if dot - start == 1
        && chars[start].is_ascii_uppercase()
        && start >= 2
        && chars[start - 1] == ' '
        && chars[start - 2].is_ascii_alphabetic()
    {
        return true;
    }
    // "… Technology Co. The University …": a company's abbreviation can end a sentence.
    if matches!(word.as_str(), "Co" | "Inc" | "Ltd") {
        let next: String = chars[dot + 1..]
            .iter()
            .skip_while(|c| c.is_whitespace())
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        if SENTENCE_OPENERS.contains(&next.as_str()) {
            return false;
        }
    }
    matches!(
        word.as_str(),
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "St"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "U"
            | "S"
            | "No"
            | "Co"
            | "Inc"
            | "Ltd"
    )
}

fn split(chars: &[char], is_end: impl Fn(&[char], usize) -> bool) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..chars.len() {
        if is_end(chars, i) {
            let mut end = i + 1;
            // Closing quotes and brackets belong to the sentence they end.
            while end < chars.len() && matches!(chars[end], '"' | ')' | '）' | '》') {
                end += 1;
            }
            if end > i + 1 {
                push_trimmed(chars, start, end, &mut out);
                start = end;
            } else {
                push_trimmed(chars, start, i + 1, &mut out);
                start = i + 1;
            }
        }
    }
    push_trimmed(chars, start, chars.len(), &mut out);
    // A sentence ending in a closing quote may have been pushed past later ends; keep order.
    out.sort_by_key(|s| s.start);
    out.dedup_by(|b, a| b.start < a.end);
    out
}

fn push_trimmed(chars: &[char], mut start: usize, mut end: usize, out: &mut Vec<Span>) {
    while start < end && (chars[start].is_whitespace() || chars[start] == '\u{feff}') {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    if end > start {
        out.push(Span::new(start, end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_of_a_pasted_page_stay_one_sentence() {
        let t = Text::new(
            "二、深化合作\n2023年,全市新批外资项目138个,同比增长9.5%;合同外资达到\n18.6亿美元。\n短行\n下一行。",
        );
        let sentences: Vec<String> = t
            .sentences
            .iter()
            .map(|s| t.slice(s.start, s.end))
            .collect();
        assert_eq!(sentences[0], "二、深化合作");
        assert!(
            sentences[1].ends_with("达到\n18.6亿美元。"),
            "{sentences:?}"
        );
        // A short line is a line of its own.
        assert_eq!(sentences[2], "短行");
    }

    #[test]
    fn clauses_cut_at_commas_but_not_in_numbers() {
        let t = Text::new("甲方,乙方:1,000元。Mr. Smith said. Next one.");
        let clauses: Vec<String> = t.clauses.iter().map(|s| t.slice(s.start, s.end)).collect();
        assert_eq!(clauses[0], "甲方,");
        assert_eq!(clauses[2], "1,000元。");
        assert_eq!(t.sentences.len(), 3);
    }

    #[test]
    fn offsets_survive_normalisation() {
        let t = Text::new("ａ“Ｂ”");
        assert_eq!(t.chars, vec!['a', '"', 'B', '"']);
        assert_eq!(t.slice(1, 4), "“Ｂ”");
    }
}
