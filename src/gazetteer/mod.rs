//! Gazetteers: known places and organisations, loaded from `data/gazetteer/*.tsv`,
//! and a fast matcher that finds their names in text.
//!
//! Entry point: [`Gazetteer::from_tsv`] / [`Gazetteer::add_tsv`] to load rows,
//! [`Gazetteer::matcher`] to build a [`Matcher`] (Aho-Corasick, leftmost-longest over
//! every name and alias), [`Matcher::find`] to list the matches of a text.
//!
//! ```
//! use cckg::gazetteer::Gazetteer;
//! let tsv = "id\ttype\tname\taliases\tabbrev\tlabel_en\tparent\tcountry\twikidata\n\
//!            iso:JP\tCountry\t日本\tJapan\t日\tJapan\t\tJP\tQ17\n";
//! let gazetteer = Gazetteer::from_tsv("countries.tsv", tsv).unwrap();
//! let matcher = gazetteer.matcher().unwrap();
//! let found = matcher.find("日本是大连的伙伴");
//! assert_eq!(found[0].start, 0);
//! assert_eq!(gazetteer.entry(found[0].entries[0]).name, "日本");
//! ```

use crate::error::{Error, Result};
use crate::model::EntityType;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::PathBuf;
use unicode_normalization::UnicodeNormalization;

/// One row of a gazetteer file.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Stable external id (`iso:JP`, `gb:370200`, `jis:14130`, `cckg:slug`).
    pub id: String,
    /// Entity type.
    pub kind: EntityType,
    /// Full simplified Chinese name (大连市).
    pub name: String,
    /// Other forms (short forms, formal and English names).
    pub aliases: Vec<String>,
    /// One-character forms valid only inside compounds (中日, 辽日).
    pub abbrev: Vec<String>,
    /// English label.
    pub label_en: Option<String>,
    /// `id` of the parent row.
    pub parent: Option<String>,
    /// ISO 3166 alpha-2 country code.
    pub country: Option<String>,
    /// Wikidata QID.
    pub wikidata: Option<String>,
}

impl Entry {
    /// Whether news means this place whenever it writes the name: countries, provinces
    /// and prefecture-level cities (GB/T 2260 codes ending in 00).
    pub fn is_major(&self) -> bool {
        matches!(self.kind, EntityType::Country | EntityType::Province)
            || self
                .id
                .strip_prefix("gb:")
                .is_some_and(|code| code.ends_with("00"))
    }
}

/// Known places and organisations, with short forms too ambiguous to match alone.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
    stopnames: HashSet<String>,
    /// The parent of each entry, resolved once all files are read.
    parents: std::sync::OnceLock<Vec<Option<usize>>>,
    /// The country of each entry, resolved once all files are read.
    countries: std::sync::OnceLock<Vec<Option<usize>>>,
}

/// How a matched form relates to its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The full name.
    Name,
    /// An alias (short form, English name).
    Alias,
}

/// One occurrence of a gazetteer form in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Match<'m> {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// Indexes of every entry ([`Gazetteer::entry`]) with this form, best first.
    pub entries: &'m [usize],
    /// Whether the form is a full name or an alias.
    pub form: Form,
    /// Whether the form is a stop name (needs a suffix or context to count).
    pub stopname: bool,
}

/// A compiled matcher over every name and alias of a [`Gazetteer`].
#[derive(Debug, Clone)]
pub struct Matcher {
    automaton: AhoCorasick,
    /// Per pattern: entries (best first), form, stop name.
    patterns: Vec<(Vec<usize>, Form, bool)>,
    /// One-character compound forms, sorted by character.
    abbrevs: Vec<(char, Vec<usize>)>,
    /// For every character of the Basic Multilingual Plane: 1 + its index in `abbrevs`,
    /// or 0. A compound form is looked up for every character of a text.
    abbrev_slots: Vec<u16>,
}

const COLUMNS: [&str; 9] = [
    "id", "type", "name", "aliases", "abbrev", "label_en", "parent", "country", "wikidata",
];

impl Gazetteer {
    /// An empty gazetteer.
    pub fn new() -> Self {
        Self::default()
    }

    /// Parses one TSV file (`file` names it in errors).
    pub fn from_tsv(file: &str, text: &str) -> Result<Self> {
        let mut gazetteer = Self::new();
        gazetteer.add_tsv(file, text)?;
        Ok(gazetteer)
    }

    /// Adds the rows of one TSV file; a later row with an existing id replaces it.
    pub fn add_tsv(&mut self, file: &str, text: &str) -> Result<()> {
        // Entries may change: parents and countries are resolved again when asked.
        self.parents = std::sync::OnceLock::new();
        self.countries = std::sync::OnceLock::new();
        let error = |line: usize, message: String| Error::Data {
            path: PathBuf::from(file),
            line,
            message,
        };
        let mut header_seen = false;
        for (index, raw) in text.lines().enumerate() {
            let line_no = index + 1;
            let line = raw.trim_start_matches('\u{feff}').trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').collect();
            if !header_seen {
                header_seen = true;
                if cells.first() == Some(&"id") {
                    if cells.len() < COLUMNS.len() || cells[..COLUMNS.len()] != COLUMNS {
                        return Err(error(
                            line_no,
                            format!("header must be `{}`", COLUMNS.join("\\t")),
                        ));
                    }
                    continue;
                }
            }
            if cells.len() < 3 {
                return Err(error(
                    line_no,
                    format!(
                        "expected {} tab-separated columns, found {}",
                        COLUMNS.len(),
                        cells.len()
                    ),
                ));
            }
            let cell = |i: usize| cells.get(i).map(|c| c.trim()).filter(|c| !c.is_empty());
            let list = |i: usize| -> Vec<String> {
                cell(i)
                    .map(|c| {
                        c.split('|')
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(str::to_owned)
                            .collect()
                    })
                    .unwrap_or_default()
            };
            let id = cell(0).ok_or_else(|| error(line_no, "empty id".into()))?;
            let kind: EntityType = cell(1)
                .unwrap_or("")
                .parse()
                .map_err(|e| error(line_no, format!("{e}")))?;
            let name = cell(2).ok_or_else(|| error(line_no, "empty name".into()))?;
            let entry = Entry {
                id: id.to_owned(),
                kind,
                name: name.to_owned(),
                aliases: list(3),
                abbrev: list(4),
                label_en: cell(5).map(str::to_owned),
                parent: cell(6).map(str::to_owned),
                country: cell(7).map(str::to_owned),
                wikidata: cell(8).map(str::to_owned),
            };
            match self.by_id.get(&entry.id) {
                Some(&i) => self.entries[i] = entry,
                None => {
                    self.by_id.insert(entry.id.clone(), self.entries.len());
                    self.entries.push(entry);
                }
            }
        }
        Ok(())
    }

    /// Adds stop names (one per line, `#` comments): short forms that need a suffix
    /// or context before they count as a mention.
    pub fn add_stopnames(&mut self, text: &str) {
        self.stopnames.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_owned),
        );
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry at `index`.
    ///
    /// # Panics
    /// When `index` does not come from this gazetteer.
    pub fn entry(&self, index: usize) -> &Entry {
        &self.entries[index]
    }

    /// The entry with this id.
    pub fn by_id(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The parent chain of an entry (parent, grandparent, …), without the entry itself.
    pub fn ancestors(&self, index: usize) -> Vec<usize> {
        let parents = self.parents.get_or_init(|| {
            self.entries
                .iter()
                .map(|e| e.parent.as_deref().and_then(|p| self.by_id(p)))
                .collect()
        });
        let mut out = Vec::new();
        let mut current = index;
        while let Some(parent) = parents[current] {
            if out.contains(&parent) || parent == index {
                break;
            }
            out.push(parent);
            current = parent;
        }
        out
    }

    /// Characters that Chinese uses to transliterate foreign place names (埃, 斯, 堡):
    /// frequent in the names of places outside the Chinese-writing countries and at
    /// least twice as frequent there as in Chinese place names. Function characters
    /// (的, 和) are left out.
    pub fn transliteration_chars(&self) -> HashSet<char> {
        let mut foreign: HashMap<char, usize> = HashMap::default();
        let mut chinese: HashMap<char, usize> = HashMap::default();
        for e in self.entries.iter().filter(|e| e.kind.is_place()) {
            let counts = match e.country.as_deref() {
                Some("CN" | "TW" | "HK" | "MO") => &mut chinese,
                Some("JP" | "KR" | "KP" | "SG") | None => continue,
                Some(_) => &mut foreign,
            };
            let mut seen = HashSet::default();
            for form in std::iter::once(&e.name).chain(&e.aliases) {
                seen.extend(form.chars().filter(|&c| crate::extract::text::is_han(c)));
            }
            for c in seen {
                *counts.entry(c).or_default() += 1;
            }
        }
        foreign
            .into_iter()
            .filter(|&(c, n)| {
                n >= 3
                    && n >= 2 * (chinese.get(&c).copied().unwrap_or(0) + 1)
                    && !"的和与在了是为大及等对同向将于从".contains(c)
            })
            .map(|(c, _)| c)
            .collect()
    }

    /// The country entry of an entry (itself when it is a country).
    pub fn country_of(&self, index: usize) -> Option<usize> {
        let countries = self.countries.get_or_init(|| {
            (0..self.entries.len())
                .map(|i| self.find_country(i))
                .collect()
        });
        countries[index]
    }

    fn find_country(&self, index: usize) -> Option<usize> {
        let entry = &self.entries[index];
        if entry.kind == EntityType::Country {
            return Some(index);
        }
        if let Some(code) = &entry.country
            && let Some(i) = self.by_id(&format!("iso:{code}"))
        {
            return Some(i);
        }
        self.ancestors(index)
            .into_iter()
            .find(|&a| self.entries[a].kind == EntityType::Country)
    }

    /// Builds the matcher over every name and alias.
    pub fn matcher(&self) -> Result<Matcher> {
        // English text often drops diacritics: Alesund for Ålesund, Dusseldorf for Düsseldorf.
        let folded: Vec<(usize, String)> = self
            .entries
            .iter()
            .enumerate()
            .flat_map(|(i, entry)| {
                entry
                    .aliases
                    .iter()
                    .chain(&entry.label_en)
                    .filter(|a| !a.is_ascii())
                    .filter_map(move |a| {
                        let f: String = a
                            .nfd()
                            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
                            .collect();
                        (f.is_ascii() && f.len() >= 3).then_some((i, f))
                    })
            })
            .collect();
        let mut forms: HashMap<&str, (Vec<usize>, Form)> = HashMap::default();
        for (i, entry) in self.entries.iter().enumerate() {
            // States and provinces go by their English name ("Washington state", "the
            // Province of Mendoza"), which the data may leave out where a city shares it;
            // the city stays the first reading.
            let english_label = (entry.kind == EntityType::Province)
                .then_some(entry.label_en.as_deref())
                .flatten();
            let names = std::iter::once((entry.name.as_str(), Form::Name))
                .chain(entry.aliases.iter().map(|a| (a.as_str(), Form::Alias)))
                .chain(english_label.map(|l| (l, Form::Alias)));
            for (form, kind) in names {
                if form.chars().count() < 2 {
                    continue;
                }
                let slot = forms.entry(form).or_insert_with(|| (Vec::new(), kind));
                if !slot.0.contains(&i) {
                    slot.0.push(i);
                }
                if kind == Form::Name {
                    slot.1 = Form::Name;
                }
            }
        }
        for (i, form) in &folded {
            let slot = forms
                .entry(form.as_str())
                .or_insert_with(|| (Vec::new(), Form::Alias));
            if !slot.0.contains(i) {
                slot.0.push(*i);
            }
        }
        let mut keys: Vec<&str> = forms.keys().copied().collect();
        keys.sort_unstable();
        let mut patterns = Vec::with_capacity(keys.len());
        for key in &keys {
            let (mut entries, form) = forms.remove(key).unwrap_or((Vec::new(), Form::Alias));
            entries.sort_by_key(|&i| (self.priority(i, key), i));
            patterns.push((entries, form, self.stopnames.contains(*key)));
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .build(&keys)
            .map_err(|e| Error::Invalid(format!("gazetteer automaton: {e}")))?;
        let mut abbrevs: HashMap<char, Vec<usize>> = HashMap::default();
        for (i, entry) in self.entries.iter().enumerate() {
            for a in &entry.abbrev {
                let mut chars = a.chars();
                if let (Some(c), None) = (chars.next(), chars.next()) {
                    abbrevs.entry(c).or_default().push(i);
                }
            }
        }
        for list in abbrevs.values_mut() {
            list.sort_by_key(|&i| (self.priority(i, ""), i));
        }
        let mut abbrevs: Vec<(char, Vec<usize>)> = abbrevs.into_iter().collect();
        abbrevs.sort_unstable_by_key(|(c, _)| *c);
        let mut abbrev_slots = vec![0u16; 0x10000];
        for (i, (c, _)) in abbrevs.iter().enumerate() {
            if let (Some(slot), Ok(value)) =
                (abbrev_slots.get_mut(*c as usize), u16::try_from(i + 1))
            {
                *slot = value;
            }
        }
        Ok(Matcher {
            automaton,
            patterns,
            abbrevs,
            abbrev_slots,
        })
    }

    /// Lower is better: the reading of an ambiguous form that news text usually means.
    fn priority(&self, index: usize, form: &str) -> (u8, u8) {
        let entry = &self.entries[index];
        let exact = u8::from(entry.name != form);
        let kind = match entry.kind {
            EntityType::Country => 0,
            EntityType::City => 1,
            EntityType::Province => 2,
            EntityType::Prefecture => 3,
            EntityType::District => 5,
            _ => 4,
        };
        (kind, exact)
    }
}

impl Matcher {
    /// Every leftmost-longest match in `text`, with character offsets. English forms
    /// only count at word boundaries.
    pub fn find(&self, text: &str) -> Vec<Match<'_>> {
        let mut out = Vec::new();
        let mut byte_cursor = 0;
        let mut char_cursor = 0;
        let bytes = text.as_bytes();
        let mut skip_to = 0;
        for m in self.automaton.find_iter(text) {
            if m.start() < skip_to {
                continue;
            }
            // 对马来西亚: a longer name starting inside a short one (对马) wins.
            let second = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
            let longer = (second < m.end())
                .then(|| {
                    let input = Input::new(text).range(second..).anchored(Anchored::Yes);
                    self.automaton.find(input)
                })
                .flatten()
                .filter(|l| l.end() > m.end() && text[l.start()..l.end()].chars().count() >= 3);
            let m = longer.unwrap_or(m);
            skip_to = m.end();
            let (entries, form, stopname) = &self.patterns[m.pattern().as_usize()];
            let ascii_form = bytes[m.start()].is_ascii_alphanumeric();
            if ascii_form {
                let before = text[..m.start()].chars().next_back();
                let after = text[m.end()..].chars().next();
                let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
                if word(before) || word(after) {
                    continue;
                }
            }
            char_cursor += text[byte_cursor..m.start()].chars().count();
            byte_cursor = m.start();
            let start = char_cursor;
            let end = start + text[m.start()..m.end()].chars().count();
            out.push(Match {
                start,
                end,
                entries,
                form: *form,
                stopname: *stopname,
            });
        }
        out
    }

    /// Entries whose one-character compound form is `c` (日 → Japan), best first.
    pub fn abbrev(&self, c: char) -> &[usize] {
        if let Some(&slot) = self.abbrev_slots.get(c as usize)
            && self.abbrevs.len() < usize::from(u16::MAX)
        {
            return match slot {
                0 => &[],
                i => &self.abbrevs[usize::from(i) - 1].1,
            };
        }
        match self.abbrevs.binary_search_by_key(&c, |(k, _)| *k) {
            Ok(i) => &self.abbrevs[i].1,
            Err(_) => &[],
        }
    }
}

#[cfg(test)]
#[expect(
    clippy::unwrap_used,
    reason = "a failing test should panic with its value"
)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# test rows\n\
        id\ttype\tname\taliases\tabbrev\tlabel_en\tparent\tcountry\twikidata\n\
        iso:CN\tCountry\t中国\tChina|中华人民共和国\t中|华\tChina\t\tCN\tQ148\n\
        iso:JP\tCountry\t日本\tJapan\t日\tJapan\t\tJP\tQ17\n\
        gb:370000\tProvince\t辽宁省\t辽宁|Shandong\t辽\tShandong\tiso:CN\tCN\t\n\
        gb:370200\tCity\t大连市\t大连|Qingdao\t\tQingdao\tgb:370000\tCN\tQ170322\n";

    #[test]
    fn loads_rows_and_parents() {
        let g = Gazetteer::from_tsv("t.tsv", SAMPLE).unwrap();
        assert_eq!(g.len(), 4);
        let qd = g.by_id("gb:370200").unwrap();
        let names: Vec<_> = g
            .ancestors(qd)
            .iter()
            .map(|&i| g.entry(i).name.clone())
            .collect();
        assert_eq!(names, ["辽宁省", "中国"]);
        assert_eq!(g.entry(g.country_of(qd).unwrap()).name, "中国");
    }

    #[test]
    fn bad_type_names_file_and_line() {
        let err = Gazetteer::from_tsv(
            "x.tsv",
            "id\ttype\tname\taliases\tabbrev\tlabel_en\tparent\tcountry\twikidata\na\tTown\tb\n",
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("x.tsv:2:"), "{err}");
    }

    #[test]
    fn matches_longest_form_with_char_offsets() {
        let g = Gazetteer::from_tsv("t.tsv", SAMPLE).unwrap();
        let m = g.matcher().unwrap();
        let found = m.find("“大连市与Japan”");
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].start, found[0].end), (1, 4));
        assert_eq!((found[1].start, found[1].end), (5, 10));
        assert!(m.find("Japanese").is_empty());
        assert_eq!(g.entry(m.abbrev('辽')[0]).name, "辽宁省");
    }
}
