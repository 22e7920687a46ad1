//! Quantitative facts (trade volumes, investment, counts) from sentences whose
//! entities are already resolved.
//!
//! Entry point: [`extract_facts`], which applies the rules of
//! `data/rules/facts.toml` (embedded at build time; [`FactRules::from_path`] loads an
//! edited copy without recompiling). Each quantity found by
//! [`numbers`](super::numbers) is offered to every rule; the winning rule names the
//! measure and how subject and object are chosen among the resolved mentions of the
//! clause (or, when the clause names none, of the clause or sentence before). Periods
//! come from [`time`](super::time), approximations from the quantity.
//!
//! ```
//! use cckg::extract::facts::{extract_facts, EntityMention, FactInput};
//! use cckg::model::{EntityType, Measure, Span};
//!
//! let text = "2019年,甲市与乙国进出口贸易总额为12.5亿美元,同比增长3.2%。";
//! let mention = |entity: &str, kind, start, end| EntityMention {
//!     entity: entity.to_owned(), kind, span: Span::new(start, end), nested: false };
//! let mentions = [mention("jia", EntityType::City, 6, 8), mention("yi", EntityType::Country, 9, 11)];
//! let sentences = [Span::new(0, text.chars().count())];
//! let facts = extract_facts(&FactInput {
//!     text, sentences: &sentences, mentions: &mentions, entities: &[], published: Some("2020-07-31"),
//! });
//! assert_eq!(facts[0].measure, Measure::TradeVolume);
//! assert_eq!((facts[0].subject.as_str(), facts[0].object.as_deref()), ("jia", Some("yi")));
//! assert_eq!((facts[0].value, facts[0].period.as_deref()), (1_250_000_000.0, Some("2019")));
//! assert_eq!((facts[1].measure, facts[1].value), (Measure::TradeGrowth, 3.2));
//! ```

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;
use std::sync::LazyLock;

use serde::Deserialize;

use super::numbers::{self, Quantity};
use super::time::{self, TimeExpr};
use crate::error::Error;
use crate::model::{Entity, EntityType, Fact, Measure, Span, Unit};

/// One resolved occurrence of an entity in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityMention {
    /// `id` of the entity in the extraction.
    pub entity: String,
    /// Its type.
    pub kind: EntityType,
    /// Where it occurs (character offsets into the original text).
    pub span: Span,
    /// Whether it lies inside a longer mention (青岛 in 青岛机场): never a subject, only
    /// one of the places that 两地 refers to.
    pub nested: bool,
}

/// What fact extraction reads.
#[derive(Debug, Clone, Copy)]
pub struct FactInput<'a> {
    /// The original text.
    pub text: &'a str,
    /// Character-offset spans of the sentences, in order.
    pub sentences: &'a [Span],
    /// Resolved mentions, sorted by start.
    pub mentions: &'a [EntityMention],
    /// The extraction's entities.
    pub entities: &'a [Entity],
    /// Publication date `YYYY-MM-DD`, to resolve 今年, 上半年 ….
    pub published: Option<&'a str>,
}

/// Every quantitative fact the text states, by the built-in rules
/// (`data/rules/facts.toml`).
pub fn extract_facts(input: &FactInput<'_>) -> Vec<Fact> {
    match FactRules::builtin() {
        Ok(rules) => rules.extract(input),
        // The embedded file is checked by a unit test; an error here cannot be
        // reported through this signature.
        Err(_) => Vec::new(),
    }
}

const RULES_PATH: &str = "data/rules/facts.toml";

static BUILTIN: LazyLock<Result<FactRules, Error>> =
    LazyLock::new(|| FactRules::from_toml(include_str!("../../data/rules/facts.toml"), RULES_PATH));

/// A parsed set of fact rules (the format is documented at the top of
/// `data/rules/facts.toml`).
#[derive(Debug, Clone)]
pub struct FactRules {
    rules: Vec<Rule>,
}

/// How a rule picks subject and object (see `data/rules/facts.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Roles {
    Pair,
    Holder,
    Resident,
    Visitor,
    Growth,
    PartnerCities,
}

#[derive(Debug, Clone)]
struct Rule {
    name: String,
    measure: Measure,
    units: Vec<Unit>,
    cues: Vec<Vec<char>>,
    gap: usize,
    counters: Vec<String>,
    nouns: Vec<Vec<char>>,
    noun_gap: usize,
    after: Vec<Vec<char>>,
    gap_after: usize,
    requires: Vec<String>,
    requires_before: Vec<String>,
    forbids: Vec<String>,
    negative: bool,
    priority: i32,
    roles: Roles,
    subject: Vec<EntityType>,
    object: Vec<EntityType>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    #[serde(default)]
    rule: Vec<RuleSpec>,
}

fn default_gap() -> usize {
    8
}
fn default_noun_gap() -> usize {
    3
}
fn default_gap_after() -> usize {
    20
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    name: String,
    measure: String,
    units: Vec<String>,
    #[serde(default)]
    cues: Vec<String>,
    #[serde(default = "default_gap")]
    gap: usize,
    #[serde(default)]
    counters: Vec<String>,
    #[serde(default)]
    nouns: Vec<String>,
    #[serde(default = "default_noun_gap")]
    noun_gap: usize,
    #[serde(default)]
    after: Vec<String>,
    #[serde(default = "default_gap_after")]
    gap_after: usize,
    #[serde(default)]
    requires: Vec<String>,
    #[serde(default)]
    requires_before: Vec<String>,
    #[serde(default)]
    forbids: Vec<String>,
    #[serde(default)]
    negative: bool,
    #[serde(default)]
    priority: i32,
    #[serde(default)]
    roles: Option<String>,
    subject: Vec<String>,
    #[serde(default)]
    object: Option<Vec<String>>,
}

const PLACES: &[EntityType] = &[
    EntityType::Country,
    EntityType::Province,
    EntityType::Prefecture,
    EntityType::City,
    EntityType::District,
];

/// Where capital goes: a place or a zone (12个德资项目落户X园).
fn hosts_capital(kind: EntityType) -> bool {
    PLACES.contains(&kind) || kind == EntityType::EconomicZone
}

fn entity_types(names: &[String]) -> Result<Vec<EntityType>, String> {
    let mut out = Vec::new();
    for n in names {
        if n == "place" {
            out.extend_from_slice(PLACES);
        } else {
            out.push(n.parse::<EntityType>().map_err(|e| e.to_string())?);
        }
    }
    Ok(out)
}

/// Words after a place that make it qualify the name after it ("Fuzhou-based Minhai").
const QUALIFIERS: [&[char]; 2] = [
    &['-', 'b', 'a', 's', 'e', 'd', ' '],
    &[
        '-', 'h', 'e', 'a', 'd', 'q', 'u', 'a', 'r', 't', 'e', 'r', 'e', 'd', ' ',
    ],
];

/// What an exporter is named after ("exports from Birmingham to China").
const EXPORTS_FROM: [char; 13] = [
    'e', 'x', 'p', 'o', 'r', 't', 's', ' ', 'f', 'r', 'o', 'm', ' ',
];

/// The currencies (a rule's `units = ["money"]`).
const MONEY: [Unit; 6] = [
    Unit::Usd,
    Unit::Cny,
    Unit::Eur,
    Unit::Jpy,
    Unit::Krw,
    Unit::Gbp,
];

fn units(names: &[String]) -> Result<Vec<Unit>, String> {
    let mut out = Vec::new();
    for n in names {
        if n == "money" {
            out.extend_from_slice(&MONEY);
        } else {
            out.push(n.parse::<Unit>().map_err(|e| e.to_string())?);
        }
    }
    Ok(out)
}

impl RuleSpec {
    fn into_rule(self) -> Result<Rule, String> {
        let roles = match self.roles.as_deref().unwrap_or("pair") {
            "pair" => Roles::Pair,
            "holder" => Roles::Holder,
            "resident" => Roles::Resident,
            "visitor" => Roles::Visitor,
            "growth" => Roles::Growth,
            "partner-cities" => Roles::PartnerCities,
            other => return Err(format!("unknown roles '{other}'")),
        };
        let object = match &self.object {
            Some(o) => entity_types(o)?,
            None => PLACES.to_vec(),
        };
        let lower = |v: Vec<String>| {
            v.into_iter()
                .map(|w| w.to_ascii_lowercase())
                .collect::<Vec<_>>()
        };
        let chars = |v: Vec<String>| {
            v.into_iter()
                .filter(|w| !w.is_empty())
                .map(|w| w.to_ascii_lowercase().chars().collect())
                .collect::<Vec<_>>()
        };
        Ok(Rule {
            measure: self.measure.parse::<Measure>().map_err(|e| e.to_string())?,
            units: units(&self.units)?,
            subject: entity_types(&self.subject)?,
            object,
            roles,
            name: self.name,
            cues: chars(self.cues),
            gap: self.gap,
            counters: self.counters,
            nouns: chars(self.nouns),
            noun_gap: self.noun_gap,
            after: chars(self.after),
            gap_after: self.gap_after,
            requires: lower(self.requires),
            requires_before: lower(self.requires_before),
            forbids: lower(self.forbids),
            negative: self.negative,
            priority: self.priority,
        })
    }
}

/// Whether `word` (lower case) occurs in `chars` at `at`, ASCII case-insensitively.
fn matches_at(chars: &[char], at: usize, word: &[char]) -> bool {
    chars.get(at..at + word.len()).is_some_and(|s| {
        s.iter()
            .zip(word)
            .all(|(a, b)| a.to_ascii_lowercase() == *b)
    })
}

/// 1-based line of byte offset `at` in `src`.
fn line_of(src: &str, at: usize) -> usize {
    src[..at.min(src.len())].matches('\n').count() + 1
}

impl FactRules {
    /// The rules of `data/rules/facts.toml` as embedded at build time.
    pub fn builtin() -> Result<&'static FactRules, &'static Error> {
        BUILTIN.as_ref()
    }

    /// Parses rules from TOML text; `path` names the file in error messages, which
    /// give the line of the faulty rule.
    pub fn from_toml(src: &str, path: &str) -> Result<Self, Error> {
        let data_error = |line, message| Error::Data {
            path: path.into(),
            line,
            message,
        };
        let file: RuleFile = toml::from_str(src).map_err(|e| {
            let line = e.span().map_or(1, |s| line_of(src, s.start));
            data_error(line, e.message().to_owned())
        })?;
        let mut rules = Vec::with_capacity(file.rule.len());
        for spec in file.rule {
            let needle = format!("name = \"{}\"", spec.name);
            let line = src.find(&needle).map_or(1, |at| line_of(src, at));
            let name = spec.name.clone();
            rules.push(
                spec.into_rule()
                    .map_err(|m| data_error(line, format!("rule '{name}': {m}")))?,
            );
        }
        Ok(Self { rules })
    }

    /// Reads rules from a file (an edited `facts.toml`).
    pub fn from_path(path: &Path) -> Result<Self, Error> {
        let src = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.into(),
            source,
        })?;
        Self::from_toml(&src, &path.display().to_string())
    }

    /// Names of the rules, in file order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().map(|r| r.name.as_str())
    }

    /// Every quantitative fact of `input` by these rules.
    pub fn extract(&self, input: &FactInput<'_>) -> Vec<Fact> {
        let doc = Doc::new(input);
        let mut facts: Vec<Located> = Vec::new();
        let mut previous_money: Option<usize> = None;
        let quantities = numbers::scan_chars(&doc.chars);
        let opens_equivalent = |end: usize, next: &Quantity| {
            let gap: String = doc.chars[end.min(next.span.start)..next.span.start]
                .iter()
                .collect();
            matches!(
                gap.trim(),
                "(" | "（" | "(约" | "（约" | "(about" | "(around"
            )
        };
        for (k, q) in quantities.iter().enumerate() {
            let Some(unit) = q.unit else { continue };
            // "£40m ($53m)": an amount in pounds is stated by its equivalent in one of the
            // vocabulary's currencies when the text gives one.
            if unit == Unit::Gbp
                && quantities.get(k + 1).is_some_and(|next| {
                    next.unit
                        .is_some_and(|u| MONEY.contains(&u) && u != Unit::Gbp)
                        && opens_equivalent(q.span.end, next)
                })
            {
                continue;
            }
            // "71.8 billion yuan ($9.9 billion)": the same amount in another currency.
            let money = MONEY.contains(&unit);
            let equivalent = money && previous_money.is_some_and(|end| opens_equivalent(end, q));
            previous_money = money.then_some(q.span.end);
            if equivalent || doc.overlaps_mention(q.span) || doc.is_target(q.span.start) {
                continue;
            }
            let Some(hit) = self.best_rule(&doc, q, unit) else {
                continue;
            };
            if let Some(fact) = doc.apply(&hit, q, unit, &facts) {
                facts.push(fact);
            }
        }
        // What is signed at an event has no counterpart (在南昌举行 names the venue's city).
        for f in &mut facts {
            if doc
                .kinds
                .get(f.fact.subject.as_str())
                .is_some_and(|(_, k)| *k == EntityType::Event)
            {
                f.fact.object = None;
            }
        }
        // (A headline: a first line of at most 60 characters.)
        let headline_end = doc
            .chars
            .iter()
            .position(|&c| c == '\n')
            .filter(|&n| n <= 60)
            .unwrap_or(0);
        dedup(facts, headline_end)
    }

    /// The rule that claims quantity `q`, with where its words were found.
    fn best_rule<'r>(&'r self, doc: &Doc<'_>, q: &Quantity, unit: Unit) -> Option<Hit<'r>> {
        let (cs, ce) = doc.clause(q.span.start);
        let mut best: Option<Hit<'r>> = None;
        let mut clause_text: Option<String> = None;
        for rule in &self.rules {
            if !rule.units.contains(&unit) {
                continue;
            }
            if !rule.counters.is_empty() && !rule.counters.iter().any(|c| c == q.counter) {
                continue;
            }
            let mut tail = q.span.end;
            let mut noun = None;
            if !rule.nouns.is_empty() {
                // ("4,500 people": the noun read as the quantity's measure word.)
                let counted = rule
                    .nouns
                    .iter()
                    .any(|n| n.iter().copied().eq(q.counter.chars()))
                    .then(|| Span::new(q.span.end - q.counter.chars().count(), q.span.end));
                let Some(span) =
                    counted.or_else(|| doc.find_after(q.span.end, ce, &rule.nouns, rule.noun_gap))
                else {
                    continue;
                };
                noun = Some(span);
                tail = span.end;
            }
            let mut cue = None;
            if !rule.cues.is_empty() {
                let Some(span) = doc.find_before(cs, q.span.start, &rule.cues, rule.gap) else {
                    continue;
                };
                if !rule.forbids.is_empty() {
                    let between: String = doc.chars[span.end..q.span.start]
                        .iter()
                        .map(char::to_ascii_lowercase)
                        .collect();
                    if rule.forbids.iter().any(|f| between.contains(f.as_str())) {
                        continue;
                    }
                }
                cue = Some(span);
            }
            let mut after = None;
            if !rule.after.is_empty() {
                let Some(span) = doc.find_after(tail, ce, &rule.after, rule.gap_after) else {
                    continue;
                };
                after = Some(span);
            }
            if !rule.requires.is_empty() {
                let text = clause_text.get_or_insert_with(|| {
                    doc.chars[cs..ce]
                        .iter()
                        .map(char::to_ascii_lowercase)
                        .collect()
                });
                if !rule.requires.iter().any(|w| text.contains(w.as_str())) {
                    continue;
                }
            }
            if !rule.requires_before.is_empty() {
                let (ss, _) = doc.sentence(q.span.start);
                let ss = ss.max(cs.saturating_sub(300));
                let before: String = doc.chars[ss..cs.max(ss)]
                    .iter()
                    .map(char::to_ascii_lowercase)
                    .collect();
                if !rule
                    .requires_before
                    .iter()
                    .any(|w| before.contains(w.as_str()))
                {
                    continue;
                }
            }
            let hit = Hit {
                rule,
                cue,
                noun,
                after,
            };
            if best.as_ref().is_none_or(|b| hit.rank() > b.rank()) {
                best = Some(hit);
            }
        }
        best
    }
}

/// A rule that fired on a quantity, with the spans of its words.
struct Hit<'r> {
    rule: &'r Rule,
    cue: Option<Span>,
    noun: Option<Span>,
    after: Option<Span>,
}

impl Hit<'_> {
    fn rank(&self) -> (i32, usize) {
        (self.rule.priority, self.cue.map_or(0, |c| c.len()))
    }
}

/// A fact with the sentence it comes from.
struct Located {
    fact: Fact,
    sentence: (usize, usize),
    quantity_end: usize,
}

/// Drops facts that repeat an earlier one (a headline restated in the body), and a
/// headline's figure that the body states again, maybe of a subject the body names better
/// (16个中韩合作项目集中签约 over 威海市现场签约项目16个).
fn dedup(facts: Vec<Located>, headline_end: usize) -> Vec<Fact> {
    // Values equal to a thousandth are the same figure.
    let figure = |f: &Fact| (f.measure, f.unit, (f.value * 1e3).round() as i64);
    let in_body: HashSet<_> = facts
        .iter()
        .filter(|f| f.sentence.0 > headline_end)
        .map(|f| figure(&f.fact))
        .collect();
    let mut seen = HashSet::default();
    let mut out: Vec<Fact> = Vec::with_capacity(facts.len());
    for Located { fact, sentence, .. } in facts {
        if sentence.0 < headline_end && in_body.contains(&figure(&fact)) {
            continue;
        }
        let value = (fact.value * 1e3).round() as i64;
        let key = (
            fact.measure,
            fact.subject.clone(),
            fact.object.clone(),
            fact.unit,
            value,
        );
        if seen.insert(key) {
            out.push(fact);
        }
    }
    out
}

/// A mention as used here: resolved mentions plus anaphors (该市 → the city before).
#[derive(Debug, Clone, Copy)]
struct M<'a> {
    entity: &'a str,
    kind: EntityType,
    start: usize,
    end: usize,
    /// A place named as the origin of capital (日 in 日资项目).
    capital: bool,
}

/// Words that make a figure after them in the clause a target.
const TARGET_WORDS: [&str; 4] = ["力争", "争取", "目标是", "目标为"];

/// 来自: what follows is where something comes from.
const FROM: [char; 2] = ['来', '自'];

/// Measures of what is signed at an event (projects, their investment, contracts).
const SIGNED: [Measure; 3] = [
    Measure::InvestmentProjects,
    Measure::InvestmentAmount,
    Measure::ContractValue,
];

/// Words after which a mention is a counterpart rather than the subject.
const CONNECTORS: &[&str] = &[
    "位于",
    "往返",
    "出口到",
    "出口至",
    "出口",
    "进口",
    "销往",
    "运往",
    "发往",
    "与",
    "和",
    "同",
    "跟",
    "对",
    "在",
    "向",
    "赴",
    "来",
    "自",
    "至",
    "到",
    "往",
];
const CONNECTORS_EN: &[&str] = &["and", "with", "to", "in", "from", "at", "into"];
/// How many clauses back a figure without a subject looks for one.
const MAX_CONTEXT_CLAUSES: usize = 12;
/// How many mentions after a figure are searched for its trade partner.
const MAX_CONTEXT_MENTIONS: usize = 24;
/// Connectors that may link a trade figure to a partner named later in the sentence.
const TRADE_CONNECTORS: &[&str] = &["出口到", "出口至", "出口", "进口", "销往", "运往", "发往"];
const TRADE_WORDS: &[&str] = &[
    "贸易",
    "进出口",
    "出口",
    "进口",
    "外贸",
    "trade",
    "export",
    "import",
];
const QUOTES: &[char] = &[
    '“', '”', '"', '「', '」', '『', '』', '《', '》', '‘', '’', '\'', ' ',
];

/// Anaphors: demonstrative prefixes and the head nouns they take, with the types of
/// the entity they point back to and the ending its surface form must have.
const ANAPHOR_PREFIXES: &[&str] = &["本届", "该", "本", "这一", "这个", "此", "全", "我"];
const ANAPHOR_HEADS: &[(&str, &[EntityType], &str)] = &[
    ("市", &[EntityType::City], ""),
    ("城市", &[EntityType::City], ""),
    ("省", &[EntityType::Province], ""),
    ("国", &[EntityType::Country], ""),
    ("示范区", &[EntityType::EconomicZone], ""),
    ("片区", &[EntityType::EconomicZone], ""),
    ("园区", &[EntityType::EconomicZone], ""),
    ("自贸区", &[EntityType::EconomicZone], ""),
    ("新区", &[EntityType::District], ""),
    ("区", &[EntityType::District, EntityType::EconomicZone], ""),
    (
        "中心",
        &[EntityType::Venue, EntityType::EconomicZone],
        "中心",
    ),
    ("平台", &[EntityType::Venue], ""),
    ("项目", &[EntityType::Project], ""),
    ("公司", &[EntityType::Company, EntityType::Bank], ""),
    ("银行", &[EntityType::Bank], ""),
    ("博览会", &[EntityType::Event], "博览会"),
    ("交流会", &[EntityType::Event], "会"),
    ("论坛", &[EntityType::Event], "论坛"),
    ("大会", &[EntityType::Event], "会"),
    ("展会", &[EntityType::Event], "会"),
    ("洽谈会", &[EntityType::Event], "会"),
    ("交易会", &[EntityType::Event], "会"),
    ("推介会", &[EntityType::Event], "会"),
    ("对接会", &[EntityType::Event], "会"),
    ("峰会", &[EntityType::Event], "会"),
];

/// The text prepared for one extraction.
struct Doc<'a> {
    chars: Vec<char>,
    /// Sentence spans, sorted, covering the text.
    sentences: Vec<(usize, usize)>,
    /// Offsets of clause punctuation, sorted.
    breaks: Vec<usize>,
    mentions: Vec<M<'a>>,
    times: Vec<TimeExpr>,
    /// Entity id → (the id as borrowed from the input, type).
    kinds: HashMap<&'a str, (&'a str, EntityType)>,
    /// Places inside longer names (青岛 in 青岛机场), for 两地.
    nested_places: Vec<M<'a>>,
    /// The city the text is about, found when first needed.
    home: std::cell::OnceCell<Option<M<'a>>>,
}

/// 川俄, 鲁日: two one-character forms side by side name a pair, whatever their types.
fn one_character_pair(a: &M<'_>, b: &M<'_>) -> bool {
    a.end - a.start == 1 && b.end - b.start == 1 && a.end == b.start
}

fn is_clause_break(chars: &[char], i: usize) -> bool {
    match chars[i] {
        '，' | '；' | '。' | '！' | '？' | '：' | ';' | '!' | '?' | '\n' => true,
        // An ASCII comma between digits is a thousands separator; a period between
        // digits a decimal point.
        ',' | '.' | ':' => {
            let digit = |k: Option<&char>| k.is_some_and(|c| c.is_ascii_digit());
            !(i > 0 && digit(chars.get(i - 1)) && digit(chars.get(i + 1)))
                && (chars[i] != '.' || chars.get(i + 1).is_none_or(|c| c.is_whitespace()))
        }
        _ => false,
    }
}

fn is_sentence_break(chars: &[char], i: usize) -> bool {
    matches!(chars[i], '。' | '！' | '？' | '!' | '?' | '\n')
        || (chars[i] == '.' && chars.get(i + 1).is_none_or(|c| c.is_whitespace()))
}

impl<'a> Doc<'a> {
    fn new(input: &FactInput<'a>) -> Self {
        let chars: Vec<char> = input.text.chars().collect();
        let mut inside_name = vec![false; chars.len()];
        for m in input.mentions.iter().filter(|m| !m.nested) {
            // "Lingnan Biotech Co., Ltd.": no clause ends inside a name.
            let end = m.span.end.min(chars.len());
            if m.span.start < end {
                inside_name[m.span.start..end].fill(true);
            }
        }
        let breaks: Vec<usize> = (0..chars.len())
            .filter(|&i| !inside_name[i] && is_clause_break(&chars, i))
            .collect();
        let mut sentences: Vec<(usize, usize)> = input
            .sentences
            .iter()
            .filter(|s| !s.is_empty() && s.end <= chars.len())
            .map(|s| (s.start, s.end))
            .collect();
        let covered = sentences.windows(2).all(|w| w[0].1 <= w[1].0);
        if sentences.is_empty() || !covered {
            sentences.clear();
            let mut start = 0;
            for i in 0..chars.len() {
                if is_sentence_break(&chars, i) {
                    sentences.push((start, i + 1));
                    start = i + 1;
                }
            }
            if start < chars.len() {
                sentences.push((start, chars.len()));
            }
        }
        let to_m = |m: &'a EntityMention| M {
            entity: m.entity.as_str(),
            kind: m.kind,
            start: m.span.start,
            end: m.span.end,
            // 韩资 recognised as a short form of Korea.
            capital: m.span.end == m.span.start + 1
                && chars.get(m.span.end) == Some(&'资')
                && !NOT_CAPITAL.contains(&chars[m.span.start]),
        };
        let valid = |m: &&EntityMention| m.span.end <= chars.len() && !m.span.is_empty();
        let mut mentions: Vec<M<'a>> = input
            .mentions
            .iter()
            .filter(valid)
            .filter(|m| !m.nested)
            .map(to_m)
            .collect();
        let nested_places: Vec<M<'a>> = input
            .mentions
            .iter()
            .filter(valid)
            .filter(|m| m.nested && PLACES.contains(&m.kind))
            .map(to_m)
            .collect();
        mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        // 我市 is never a foreign city (nor one the gazetteer keeps outside China's list,
        // when the text does not name its country).
        let foreign: rustc_hash::FxHashSet<&str> = input
            .entities
            .iter()
            .filter(|e| {
                e.country.as_deref().is_some_and(|c| c != "country-china")
                    || e.kind != EntityType::Country
                        && e.source_id.as_deref().is_some_and(|id| {
                            !(id.starts_with("gb:")
                                || matches!(id, "iso:CN" | "iso:HK" | "iso:MO" | "iso:TW"))
                        })
            })
            .map(|e| e.id.as_str())
            .collect();
        let mut anaphors = anaphors(&chars, &mentions, &nested_places, &foreign);
        anaphors.extend(abbreviations(&chars, &mentions));
        if !anaphors.is_empty() {
            // An anaphor outranks shorter mentions inside it (中 in 该中心).
            let mut spans: Vec<(usize, usize)> =
                anaphors.iter().map(|a| (a.start, a.end)).collect();
            spans.sort_unstable();
            mentions.retain(|m| {
                let k = spans.partition_point(|s| s.0 <= m.start);
                !spans[k.saturating_sub(2)..k].iter().any(|s| m.end <= s.1)
            });
            mentions.extend(anaphors);
            mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        }
        let times = time::scan_chars(&chars, input.published);
        let kinds = mentions
            .iter()
            .chain(&nested_places)
            .map(|m| (m.entity, (m.entity, m.kind)))
            .collect();
        Self {
            chars,
            sentences,
            breaks,
            mentions,
            nested_places,
            times,
            kinds,
            home: std::cell::OnceCell::new(),
        }
    }

    /// The city the text is about: the one it names at least twice as often as any other.
    fn home_city(&self) -> Option<M<'a>> {
        *self.home.get_or_init(|| self.most_named_city())
    }

    fn most_named_city(&self) -> Option<M<'a>> {
        let mut counts: HashMap<&str, (usize, M<'a>)> = HashMap::default();
        for m in self.mentions.iter().filter(|m| m.kind == EntityType::City) {
            counts.entry(m.entity).or_insert((0, *m)).0 += 1;
        }
        let (best, &(n, m)) = counts
            .iter()
            .max_by_key(|(e, (n, _))| (*n, std::cmp::Reverse(*e)))?;
        counts
            .iter()
            .all(|(e, (o, _))| e == best || n >= 2 * o)
            .then_some(m)
    }

    /// The sentence holding offset `p`.
    fn sentence(&self, p: usize) -> (usize, usize) {
        let k = self.sentences.partition_point(|s| s.0 <= p);
        match k.checked_sub(1).map(|k| self.sentences[k]) {
            Some(s) if p < s.1 => s,
            _ => (p, p + 1),
        }
    }

    /// Whether the figure at `p` is a target (力争明年突破30亿元), not a reported figure.
    fn is_target(&self, p: usize) -> bool {
        let (cs, _) = self.clause(p);
        let before: String = self.chars[cs..p].iter().collect();
        TARGET_WORDS.iter().any(|w| before.contains(w))
    }

    /// The sentence before the one holding `p`, if any.
    fn previous_sentence(&self, p: usize) -> Option<(usize, usize)> {
        let k = self.sentences.partition_point(|s| s.0 <= p);
        k.checked_sub(2).map(|k| self.sentences[k])
    }

    /// The clause holding offset `p`, within its sentence.
    fn clause(&self, p: usize) -> (usize, usize) {
        let (ss, se) = self.sentence(p);
        let k = self.breaks.partition_point(|&b| b < p);
        let start = k.checked_sub(1).map_or(0, |k| self.breaks[k] + 1).max(ss);
        let end = self.breaks.get(k).map_or(self.chars.len(), |&b| b).min(se);
        (start, end.max(start))
    }

    /// Clauses of `[from, to)`, last first.
    fn clauses_back(&self, from: usize, to: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut end = to;
        while end > from && out.len() < MAX_CONTEXT_CLAUSES {
            let k = self.breaks.partition_point(|&b| b < end.saturating_sub(1));
            let start = k.checked_sub(1).map_or(0, |k| self.breaks[k] + 1).max(from);
            if start < end {
                out.push((start, end));
            }
            if start <= from {
                break;
            }
            end = start - 1;
        }
        out
    }

    fn overlaps_mention(&self, s: Span) -> bool {
        let k = self.mentions.partition_point(|m| m.start < s.end);
        self.mentions[..k]
            .iter()
            .rev()
            .take(8)
            .any(|m| m.end > s.start)
    }

    /// Mentions lying inside `[a, b)`.
    fn mentions_in(&self, a: usize, b: usize) -> impl Iterator<Item = &M<'a>> {
        let k = self.mentions.partition_point(|m| m.start < a);
        self.mentions[k..]
            .iter()
            .take_while(move |m| m.start < b)
            .filter(move |m| m.end <= b)
    }

    /// Whether `word` is written at `at`, not inside a longer English word (the `in` of
    /// Beijing).
    fn word_at(&self, at: usize, word: &[char]) -> bool {
        let letter = |k: Option<&char>| k.is_some_and(|c| c.is_ascii_alphabetic());
        matches_at(&self.chars, at, word)
            && !(letter(word.first()) && at > 0 && letter(self.chars.get(at - 1)))
            && !(letter(word.last()) && letter(self.chars.get(at + word.len())))
    }

    /// The nearest occurrence of one of `words` ending at most `gap` characters before
    /// `at` and starting at or after `from`; the longest word where several end together.
    fn find_before(&self, from: usize, at: usize, words: &[Vec<char>], gap: usize) -> Option<Span> {
        (from..=at).rev().take(gap + 1).find_map(|end| {
            let n = words
                .iter()
                .filter(|w| end >= from + w.len() && self.word_at(end - w.len(), w))
                .map(Vec::len)
                .max()?;
            Some(Span::new(end - n, end))
        })
    }

    /// The first occurrence of one of `words` starting at most `gap` characters after
    /// `at` and ending by `to`; the longest word where several start together.
    fn find_after(&self, at: usize, to: usize, words: &[Vec<char>], gap: usize) -> Option<Span> {
        (at..to.max(at)).take(gap + 1).find_map(|start| {
            let n = words
                .iter()
                .filter(|w| start + w.len() <= to && self.word_at(start, w))
                .map(Vec::len)
                .max()?;
            Some(Span::new(start, start + n))
        })
    }

    /// Whether mention `m` follows a connector (与, 对, 在 …): a counterpart.
    fn is_object_position(&self, m: &M<'_>) -> bool {
        let mut i = m.start;
        while i > 0 && QUOTES.contains(&self.chars[i - 1]) && m.start - i < 3 {
            i -= 1;
        }
        let ends = |i: usize, w: &str| {
            let n = w.chars().count();
            i >= n && self.chars[i - n..i].iter().copied().eq(w.chars())
        };
        if CONNECTORS.iter().any(|w| ends(i, w)) {
            return true;
        }
        // `in Guangzhou`, `and the United States`: look past spaces and an English article.
        while i > 0 && self.chars[i - 1] == ' ' {
            i -= 1;
        }
        if (ends(i, "the") || ends(i, "The"))
            && (i == 3 || !self.chars[i - 4].is_ascii_alphabetic())
        {
            i -= 3;
            while i > 0 && self.chars[i - 1] == ' ' {
                i -= 1;
            }
        }
        CONNECTORS_EN.iter().any(|w| {
            let n = w.len();
            // ", and Hebei's trade with Iowa": `and` opening a clause joins no partner.
            let opens_clause = *w == "and"
                && self.chars[..i - n.min(i)].iter().rev().find(|c| **c != ' ') == Some(&',');
            ends(i, w)
                && (i == n || !self.chars[i - n - 1].is_ascii_alphabetic())
                && i < m.start
                && !opens_clause
        })
    }

    /// The mention right after `m` (quote marks between allowed), if any.
    fn next_adjacent(&self, m: &M<'_>) -> Option<&M<'a>> {
        let mut i = m.end;
        while i < self.chars.len() && QUOTES.contains(&self.chars[i]) && i - m.end < 2 {
            i += 1;
        }
        self.mentions_in(i, i + 64).next().filter(|n| n.start == i)
    }

    /// Whether mention `m` directly qualifies the next mention (日本“国际客厅”, 日本宫崎);
    /// two of a kind side by side (中日) are a pair instead.
    /// Whether `m` is a counterpart or ends a chain of places that starts with one
    /// (位于山东省青岛市黄岛区: all three).
    fn in_object_chain(&self, m: &M<'_>) -> bool {
        let mut cur = *m;
        for _ in 0..8 {
            if self.is_object_position(&cur) {
                return true;
            }
            let k = self.mentions.partition_point(|p| p.start < cur.start);
            // (Names are at most 80 characters long.)
            match self.mentions[..k]
                .iter()
                .rev()
                .take_while(|p| p.start + 80 >= cur.start)
                .find(|p| p.end == cur.start)
            {
                Some(p) => cur = *p,
                None => return false,
            }
        }
        false
    }

    fn is_modifier(&self, m: &M<'_>, allowed: &[EntityType]) -> bool {
        // "Santa Monica-based X": the place qualifies the company after it.
        let based = ["-based", "-headquartered"]
            .iter()
            .any(|w| matches_at(&self.chars, m.end, &w.chars().collect::<Vec<_>>()));
        // 作为江苏省会的南京 (江苏省 + 会的): the province describes the city after it.
        let capital_of = ["省会的", "首府的", "首都的", "会的"].iter().any(|w| {
            let w: Vec<char> = w.chars().collect();
            let end = m.end + w.len();
            matches_at(&self.chars, m.end, &w)
                && (w.len() == 3 || self.chars[m.end - 1] == '省')
                && self
                    .mentions_in(end, self.chars.len())
                    .next()
                    .is_some_and(|n| n.start == end && PLACES.contains(&n.kind))
        });
        // 槟城企业宏丰电子集团: the place describes the firm after 企业.
        let descriptor = ["企业", "公司"].iter().any(|w| {
            let w: Vec<char> = w.chars().collect();
            let end = m.end + w.len();
            matches_at(&self.chars, m.end, &w)
                && self
                    .mentions_in(end, self.chars.len())
                    .next()
                    .is_some_and(|n| {
                        n.start == end && n.kind != m.kind && allowed.contains(&n.kind)
                    })
        });
        // "Dutch hydrogen equipment maker HyNed Systems": the country describes the firm
        // after a few words in lower case.
        let nationality = m.kind == EntityType::Country
            && self
                .mentions_in(m.end, (m.end + 48).min(self.chars.len()))
                .next()
                .is_some_and(|n| {
                    let gap: String = self.chars[m.end..n.start].iter().collect();
                    let words: Vec<&str> = gap.split_whitespace().collect();
                    matches!(n.kind, EntityType::Company | EntityType::Bank)
                        && allowed.contains(&n.kind)
                        && gap.starts_with(' ')
                        && gap.ends_with(' ')
                        && (1..=4).contains(&words.len())
                        && words
                            .iter()
                            .all(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
                });
        based
            || capital_of
            || nationality
            || descriptor
            || self.next_adjacent(m).is_some_and(|n| {
                n.kind != m.kind && allowed.contains(&n.kind) && !one_character_pair(m, n)
            })
    }

    /// The subject of the clauses of the sentence before `clause_start`, when one of them
    /// opens with it.
    fn sentence_subject(&self, clause_start: usize, rule: &Rule) -> Option<M<'a>> {
        let (ss, _) = self.sentence(clause_start);
        let m = self.mentions_in(ss, clause_start).next()?;
        // (After a time phrase at most: 今年1至8月，青岛港….)
        let lead = self.chars[ss..m.start]
            .iter()
            .filter(|c| !c.is_whitespace())
            .collect::<Vec<_>>();
        let opens = lead.is_empty() || lead.len() <= 12 && matches!(lead.last(), Some(',' | '，'));
        (opens && rule.subject.contains(&m.kind) && !self.is_object_position(m)).then_some(*m)
    }

    /// Whether the English word before `at` is "from", past a "X-based" qualifier.
    fn after_from(&self, at: usize) -> bool {
        let skip_spaces = |mut i: usize| {
            while i > 0 && self.chars[i - 1] == ' ' {
                i -= 1;
            }
            i
        };
        let mut i = skip_spaces(at);
        let word_start = |i: usize| {
            let mut k = i;
            while k > 0 && !self.chars[k - 1].is_whitespace() {
                k -= 1;
            }
            k
        };
        let w = word_start(i);
        let word = &self.chars[w..i];
        if QUALIFIERS.iter().any(|q| word.ends_with(&q[..q.len() - 1])) {
            i = skip_spaces(w);
        }
        let w = word_start(i);
        self.chars[w..i] == ['f', 'r', 'o', 'm']
    }

    /// Subject and object of `[a, b)` by the pair rule: the first allowed mention not
    /// after a connector, and the first allowed one after a connector.
    fn pair(&self, a: usize, b: usize, rule: &Rule, skip: Span) -> (Option<M<'a>>, Option<M<'a>>) {
        let outside = |m: &&M<'a>| m.end <= skip.start || m.start >= skip.end;
        // A subject comes before the first counterpart (与乙国庚市…: 庚市 is not one).
        // ("came from Fuzhou-based Minhai Co., which will invest …": the investor, and
        // the place that only qualifies it.)
        // ("exports from Birmingham to China grew …": the exporter.)
        // ("11 investment projects from China have landed in Manchester": the source.)
        let source_of_projects = |m: &M<'_>| {
            [
                "projects from ",
                "investment from ",
                "investors from ",
                "companies from ",
            ]
            .iter()
            .any(|w| {
                let w: Vec<char> = w.chars().collect();
                m.start >= w.len() && self.chars[m.start - w.len()..m.start] == w[..]
            })
        };
        let investor = |m: &M<'_>| {
            INVESTMENT.contains(&rule.measure)
                && (matches!(m.kind, EntityType::Company | EntityType::Bank)
                    && self.after_from(m.start)
                    || PLACES.contains(&m.kind) && source_of_projects(m))
                || matches!(rule.measure, Measure::TradeVolume | Measure::GrowthRate)
                    && m.start >= EXPORTS_FROM.len()
                    && self.chars[m.start - EXPORTS_FROM.len()..m.start]
                        .iter()
                        .zip(EXPORTS_FROM)
                        .all(|(a, b)| a.to_ascii_lowercase() == b)
        };
        // ("总部位于普拉托的意大利企业X投资…": where the investor is based.)
        let qualifies = |m: &M<'_>| {
            QUALIFIERS.iter().any(|w| matches_at(&self.chars, m.end, w))
                || m.start >= 2
                    && self.chars[m.start - 2..m.start] == ['位', '于']
                    && self.chars.get(m.end) == Some(&'的')
        };
        let first_object = self
            .mentions_in(a, b)
            .find(|m| self.is_object_position(m) && !investor(m) && !qualifies(m))
            .map_or(b, |m| m.start);
        let subject = self
            .mentions_in(a, b)
            .filter(outside)
            .find(|m| {
                m.start <= first_object
                    && !m.capital
                    && rule.subject.contains(&m.kind)
                    && (!self.is_object_position(m) || investor(m))
                    && !self.is_modifier(m, &rule.subject)
            })
            .or_else(|| {
                // 来自德国的「施特劳斯公司」宣布投资…: the head after a modifier with 的.
                self.mentions_in(a, skip.start).filter(outside).find(|m| {
                    m.start > 0
                        && self.chars[m.start - 1] == '的'
                        && !m.capital
                        && rule.subject.contains(&m.kind)
                        && !self.is_object_position(m)
                })
            })
            .copied();
        let object = self
            .mentions_in(a, b)
            .filter(outside)
            .find(|m| {
                rule.object.contains(&m.kind)
                    && self.is_object_position(m)
                    && !qualifies(m)
                    && subject.is_none_or(|s| {
                        s.entity != m.entity
                            // 总部位于大阪的松原精机: where the subject is from.
                            && !(m.end < s.start && self.chars[m.end..s.start] == ['的'])
                    })
            })
            // "in Guangzhou's Haizhu district": the place the possessive names.
            .map(|m| {
                let possessed = matches_at(&self.chars, m.end, &['\'', 's', ' '])
                    .then(|| self.mentions_in(m.end + 3, self.chars.len()).next())
                    .flatten()
                    .filter(|n| n.start == m.end + 3 && rule.object.contains(&n.kind));
                // 往返俄罗斯赤塔: the city after its country; 在墨西哥新莱昂州蒙特雷市
                // “某产业园”内: the last of a chain of places.
                let within = (m.kind == EntityType::Country)
                    .then(|| {
                        let mut last = None;
                        let mut at = *m;
                        for _ in 0..4 {
                            let Some(n) = self.next_adjacent(&at).filter(|n| {
                                n.kind != EntityType::Country && rule.object.contains(&n.kind)
                            }) else {
                                break;
                            };
                            last = Some(n);
                            at = *n;
                        }
                        last.filter(|n| self.chars.get(n.end) != Some(&'的'))
                    })
                    .flatten();
                possessed.or(within).unwrap_or(m)
            })
            .copied()
            .or_else(|| {
                // 中日贸易额: the second of two places side by side.
                let s = subject?;
                self.next_adjacent(&s)
                    .filter(|n| {
                        (n.kind == s.kind || one_character_pair(&s, n))
                            && n.entity != s.entity
                            && rule.object.contains(&n.kind)
                    })
                    .copied()
            });
        (subject, object)
    }

    /// The two parties of a signing (甲与乙签署) in `[from, to)`, after its last `；`.
    fn signing_parties(&self, from: usize, to: usize, rule: &Rule) -> Option<(M<'a>, M<'a>)> {
        let from = (from..to)
            .rev()
            .find(|&k| matches!(self.chars[k], '；' | ';'))
            .map_or(from, |k| k + 1);
        let signs = |k: usize| (k..to).any(|j| self.chars[j] == '签');
        self.mentions_in(from, to).find_map(|b| {
            let joined =
                b.start > from + 1 && matches!(self.chars[b.start - 1], '与' | '和' | '同');
            let a = self
                .mentions_in(from, b.start)
                .filter(|a| a.end + 1 == b.start)
                .last()?;
            (joined
                && signs(b.end)
                && a.kind != EntityType::Event
                && rule.subject.contains(&a.kind)
                && rule.object.contains(&b.kind))
            .then_some((*a, *b))
        })
    }

    /// The event at which the figure at `at` was signed: named in its sentence before
    /// it, or the latest one when the sentence says 现场 / 当天 / 期间 / 会上.
    fn signing_event(&self, sentence: (usize, usize), at: usize) -> Option<M<'a>> {
        let text: String = self.chars[sentence.0..sentence.1].iter().collect();
        // (展会期间现场意向成交额…: deals made at an event.)
        if !["签约", "签署", "成交", "signed"]
            .iter()
            .any(|w| text.contains(w))
        {
            return None;
        }
        // 12个德资项目集中签约落户太仓: capital of a place is no event's.
        if self.mentions_in(sentence.0, at).any(|m| m.capital) {
            return None;
        }
        let event = |m: &&M<'a>| m.kind == EntityType::Event;
        // 推介会是…系列活动的重要一站，现场共签约…: the event the sentence is about, not
        // the one its 是 describes it by.
        let topic = self
            .mentions_in(sentence.0, at)
            .next()
            .filter(|m| event(m) && self.chars.get(m.end) == Some(&'是'));
        let named = topic.or_else(|| self.mentions_in(sentence.0, at).filter(event).last());
        let on_site = ["现场", "当天", "期间", "会上", "会议上", "开幕"]
            .iter()
            .any(|w| text.contains(w))
            || [
                "at the conference",
                "at the forum",
                "at the fair",
                "at the expo",
                "at the event",
                "at the summit",
                "at the meeting",
            ]
            .iter()
            .any(|w| text.contains(w));
        named
            .or_else(|| {
                on_site
                    .then(|| {
                        self.mentions_in(at.saturating_sub(1500), sentence.0)
                            .filter(event)
                            .last()
                    })
                    .flatten()
            })
            .copied()
    }

    /// Where residents of `nationality` are: a place or zone after 入驻 / 常住 / 在 / in
    /// (126家俄资企业入驻哈尔滨片区, 常住武汉的法国人, studying in London), else the
    /// place the clause or sentence starts with (太仓已累计集聚德资企业…).
    fn resident_host(
        &self,
        nationality: M<'a>,
        cs: usize,
        ce: usize,
        sentence: (usize, usize),
        q: Span,
    ) -> Option<M<'a>> {
        let hosts = |m: &&M<'a>| {
            m.entity != nationality.entity
                && (PLACES.contains(&m.kind) || m.kind == EntityType::EconomicZone)
        };
        let marked = |m: &&M<'a>| {
            HOST_BEFORE
                .iter()
                .any(|w| self.chars[..m.start].ends_with(w))
                || ["入驻", "进驻", "落户", "常住", "扎根", "in ", "in the "]
                    .iter()
                    .any(|w| {
                        matches_at(
                            &self.chars,
                            m.start.saturating_sub(w.chars().count()),
                            &w.chars().collect::<Vec<_>>(),
                        )
                    })
        };
        self.mentions_in(q.end, ce)
            .filter(hosts)
            .find(marked)
            .or_else(|| self.mentions_in(cs, q.start).filter(hosts).find(marked))
            .or_else(|| {
                self.mentions_in(cs, q.start)
                    .filter(hosts)
                    .find(|m| m.end <= nationality.start && !m.capital)
            })
            .or_else(|| {
                self.mentions_in(sentence.0, cs)
                    .filter(hosts)
                    .find(|m| !self.is_object_position(m) && !m.capital)
            })
            .copied()
    }

    /// 两地每年往来…: the two places named before in the sentence (青岛机场…往返日本: 青岛
    /// and 日本), the city first.
    fn both_places(&self, from: usize, clause: usize, q: usize) -> Option<(M<'a>, M<'a>)> {
        let words: String = self.chars[clause..q].iter().collect();
        if !["两地", "两市", "两国", "双方"]
            .iter()
            .any(|w| words.contains(w))
        {
            return None;
        }
        self.places_before(from, clause)
            .or_else(|| self.main_pair(q, words.contains("两国")))
    }

    /// The two places the article speaks of most before `q` (countries for 两国, else
    /// places below country level), the first named first.
    fn main_pair(&self, q: usize, countries: bool) -> Option<(M<'a>, M<'a>)> {
        let mut count: HashMap<&str, (usize, M<'a>)> = HashMap::default();
        // Within an article's length before it: run-on input stays linear.
        for m in self.mentions_in(q.saturating_sub(5000), q) {
            if PLACES.contains(&m.kind) && (m.kind == EntityType::Country) == countries {
                count.entry(m.entity).or_insert((0, *m)).0 += 1;
            }
        }
        let mut ranked: Vec<(usize, M<'a>)> = count.into_values().collect();
        ranked.sort_by_key(|(n, m)| (std::cmp::Reverse(*n), m.start));
        match ranked.as_slice() {
            [(a, x), (b, y), rest @ ..]
                if rest.first().is_none_or(|(c, _)| c < b) && a + b >= 4 =>
            {
                Some(if x.start <= y.start {
                    (*x, *y)
                } else {
                    (*y, *x)
                })
            }
            _ => None,
        }
    }

    /// The first two places named in `[from, to)`, the city before its country.
    fn places_before(&self, from: usize, clause: usize) -> Option<(M<'a>, M<'a>)> {
        let mut places: Vec<M<'a>> = self
            .mentions_in(from, clause)
            .chain(
                self.nested_places
                    .iter()
                    .filter(|m| from <= m.start && m.end <= clause),
            )
            .filter(|m| PLACES.contains(&m.kind))
            .copied()
            .collect();
        places.sort_by_key(|m| m.start);
        let first = *places.first()?;
        let second = *places.iter().find(|m| m.entity != first.entity)?;
        Some(
            if first.kind == EntityType::Country && second.kind != EntityType::Country {
                (second, first)
            } else {
                (first, second)
            },
        )
    }

    /// Subject and object of the last fact of the previous sentence, when its subject
    /// suits `rule` (其中,对日出口… continues the sentence before).
    fn previous_sentence_fact(
        &self,
        facts: &[Located],
        at: usize,
        rule: &Rule,
    ) -> Option<(M<'a>, Option<M<'a>>)> {
        let (ps, pe) = self.previous_sentence(at)?;
        let prev = facts.last().filter(|f| f.sentence == (ps, pe))?;
        let subject = self
            .entity_m(&prev.fact.subject)
            .filter(|m| rule.subject.contains(&m.kind))?;
        Some((
            subject,
            prev.fact.object.as_deref().and_then(|o| self.entity_m(o)),
        ))
    }

    /// The subject of the last trade figure in the few sentences before `before`, when it
    /// is not `partner`: who a clause naming only a partner (对智利进出口…) is about.
    fn previous_trader(
        &self,
        facts: &[Located],
        rule: &Rule,
        partner: &M<'_>,
        before: usize,
    ) -> Option<M<'a>> {
        if !matches!(rule.measure, Measure::TradeVolume | Measure::TradeGrowth) {
            return None;
        }
        let last = facts
            .iter()
            .rev()
            .take_while(|f| before.saturating_sub(f.sentence.1) <= 300)
            .find(|f| f.fact.measure == Measure::TradeVolume)?;
        (last.fact.subject != partner.entity && last.fact.object.as_deref() != Some(partner.entity))
            .then(|| self.entity_m(&last.fact.subject))
            .flatten()
            .filter(|m| rule.subject.contains(&m.kind))
    }

    /// An entity as a mention without position (not part of any evidence).
    fn entity_m(&self, id: &str) -> Option<M<'a>> {
        let &(entity, kind) = self.kinds.get(id)?;
        Some(M {
            entity,
            kind,
            start: 0,
            end: 0,
            capital: false,
        })
    }

    /// The last fact of the same sentence that is not itself a growth figure.
    fn previous_fact<'f>(
        &self,
        facts: &'f [Located],
        sentence: (usize, usize),
        before: usize,
    ) -> Option<&'f Located> {
        facts
            .iter()
            .rev()
            .take_while(|f| f.sentence == sentence)
            .find(|f| {
                f.quantity_end <= before
                    && !matches!(f.fact.measure, Measure::TradeGrowth | Measure::GrowthRate)
                    // 其中法资企业23家 is a part of the count before; what follows
                    // continues the whole.
                    && !(f.fact.measure == Measure::ResidentCompanies
                        && self.is_part(f.quantity_end.saturating_sub(1), before))
            })
    }

    /// Whether position `at` is in a 其中 clause that `before` is not in.
    fn is_part(&self, at: usize, before: usize) -> bool {
        let (cs, _) = self.clause(at);
        matches_at(&self.chars, cs, &['其', '中']) && self.clause(before).0 != cs
    }

    /// Subject and object from the context of a clause that names neither: earlier
    /// clauses of the sentence, then the previous sentence.
    ///
    /// With `facts`, the last fact of the previous sentence comes between the two
    /// (其中,对日出口… continues the figure before).
    fn context_pair(
        &self,
        clause_start: usize,
        rule: &Rule,
        holder: bool,
        facts: Option<&[Located]>,
    ) -> (Option<M<'a>>, Option<M<'a>>) {
        let (ss, _) = self.sentence(clause_start);
        let found = self.first_in(
            self.clauses_back(ss, clause_start.saturating_sub(1)),
            rule,
            holder,
        );
        if found.0.is_some() {
            return found;
        }
        if let Some(facts) = facts
            && let Some((s, o)) = self.previous_sentence_fact(facts, clause_start, rule)
        {
            return (Some(s), o);
        }
        match self.previous_sentence(clause_start) {
            Some((ps, pe)) => self.first_in(self.clauses_back(ps, pe), rule, holder),
            None => (None, None),
        }
    }

    /// Subject and object from the first of `regions` that names a subject.
    fn first_in(
        &self,
        mut regions: Vec<(usize, usize)>,
        rule: &Rule,
        holder: bool,
    ) -> (Option<M<'a>>, Option<M<'a>>) {
        // Context is near or nowhere; the bound also keeps run-on texts linear.
        regions.truncate(MAX_CONTEXT_CLAUSES);
        let nearer_end = regions.first().map_or(0, |r| r.1);
        let none = Span::new(0, 0);
        for (a, b) in regions {
            // "X Co., based in the Jiangxi city of Ganzhou, agreed to invest …": an
            // apposition says where the subject is from, not who it is.
            let lead = (a..b)
                .find(|&k| !self.chars[k].is_whitespace())
                .unwrap_or(b);
            let opens = |w: &&str| {
                w.chars()
                    .enumerate()
                    .all(|(j, c)| self.chars.get(lead + j) == Some(&c))
            };
            if APPOSITIONS.iter().any(opens) {
                continue;
            }
            if holder {
                // 洋浦经济开发区是海南自由贸易港的先行区，规划面积…: not the name that only
                // qualifies a noun with 的.
                let candidates: Vec<&M<'a>> = self
                    .mentions_in(a, b)
                    .filter(|m| rule.subject.contains(&m.kind) && !self.in_object_chain(m))
                    .collect();
                let qualifier = |m: &&&M<'a>| self.chars.get(m.end) == Some(&'的');
                // 该合作区由某公司投资建设，规划面积…: nor the builder after 由.
                let agent = |m: &&&M<'a>| m.start > 0 && self.chars[m.start - 1] == '由';
                if let Some(m) = candidates
                    .iter()
                    .rfind(|m| !qualifier(m) && !agent(m))
                    .or(candidates.iter().rfind(|m| !agent(m)))
                {
                    return (Some(**m), None);
                }
            } else if let (Some(s), o) = self.pair(a, b, rule, none) {
                // 甲公司…签署协议，将在A市投资建设B园，项目总投资…: what the clauses between
                // name last is the object.
                let between = || {
                    self.mentions_in(b, nearer_end)
                        .filter(|m| {
                            m.entity != s.entity
                                && matches!(m.kind, EntityType::EconomicZone | EntityType::Project)
                                && rule.object.contains(&m.kind)
                        })
                        .last()
                        .copied()
                };
                return (Some(s), o.or_else(between));
            }
        }
        (None, None)
    }

    /// A counterpart named after a trade verb later in the sentence (…出口俄罗斯).
    fn trade_object_after(&self, from: usize, rule: &Rule, subject: &M<'_>) -> Option<M<'a>> {
        let (_, se) = self.sentence(from);
        self.mentions_in(from, se)
            .take(MAX_CONTEXT_MENTIONS)
            .find(|m| {
                rule.object.contains(&m.kind)
                    && m.entity != subject.entity
                    && TRADE_CONNECTORS.iter().any(|w| {
                        let n = w.chars().count();
                        m.start >= n
                            && self.chars[m.start - n..m.start]
                                .iter()
                                .copied()
                                .eq(w.chars())
                    })
            })
            .copied()
    }

    /// The period of a figure at `at`: the nearest time expression before it in its sentence.
    /// English often puts it after the figure in the same clause (`… $2 billion in 2019`).
    fn period(&self, q: Span) -> Option<String> {
        let at = q.start;
        let (ss, _) = self.sentence(at);
        let k = self.times.partition_point(|t| t.span.start < at);
        // "… 120,000 visitors last year, and 2,000 students are studying …": an English time
        // after another clause's figure is that figure's.
        let (cs, _) = self.clause(at);
        let other_figure = |t: &&TimeExpr| {
            let (ts, _) = self.clause(t.span.start);
            self.chars[t.span.start].is_ascii_alphabetic()
                && ts < cs
                && self.chars[ts..t.span.start]
                    .iter()
                    .any(char::is_ascii_digit)
        };
        let before = self.times[..k]
            .iter()
            .rev()
            .take_while(|t| t.span.start >= ss)
            .find(|t| t.span.end <= at && !other_figure(t));
        let after = || {
            let (_, ce) = self.clause(at);
            self.times[k..]
                .iter()
                .take_while(|t| t.span.end <= ce)
                .find(|t| t.span.start >= q.end)
        };
        before.or_else(after).map(|t| t.value.clone())
    }

    /// Turns a rule hit into a fact, choosing subject, object and period.
    fn apply(&self, hit: &Hit<'_>, q: &Quantity, unit: Unit, facts: &[Located]) -> Option<Located> {
        let rule = hit.rule;
        let (cs, ce) = self.clause(q.span.start);
        let sentence = self.sentence(q.span.start);
        let mut measure = rule.measure;
        let mut period = None;
        let mut inherited = false;
        let (subject, object): (Option<M<'a>>, Option<M<'a>>) = match rule.roles {
            Roles::Pair => {
                let (mut s, mut o) = self.pair(cs, ce, rule, q.span);
                // 甲公司与乙公司签署…合同，合同金额…: the parties signing before the figure.
                if s.is_none()
                    && rule.measure == Measure::ContractValue
                    && let Some((a, b)) =
                        self.signing_parties(sentence.0.max(cs.saturating_sub(200)), cs, rule)
                {
                    (s, o) = (Some(a), Some(b));
                }
                // 洽谈会现场签约项目12个: projects signed at an event, no investor named.
                if s.is_none()
                    && SIGNED.contains(&rule.measure)
                    && let Some(event) = self.signing_event(sentence, q.span.start)
                {
                    (s, o) = (Some(event), None);
                }
                if s.is_none()
                    && let Some((a, b)) = self.both_places(sentence.0, cs, q.span.start)
                {
                    (s, o) = (Some(a), Some(b));
                }
                if s.is_none() {
                    if let Some(prev) = self.previous_fact(facts, sentence, q.span.start)
                        && self
                            .kind_of(&prev.fact.subject)
                            .is_some_and(|k| rule.subject.contains(&k))
                    {
                        return Some(self.continue_fact(prev, hit, q, unit, measure, sentence));
                    }
                    let local_object = o;
                    (s, o) = self.context_pair(cs, rule, false, Some(facts));
                    // (二)智利。对智利进出口5.2亿元: a heading names the partner; the trader
                    // is the one of the trade figures before.
                    if let Some(l) = local_object
                        && s.is_none_or(|s| s.entity == l.entity)
                    {
                        s = self.previous_trader(facts, rule, &l, sentence.0).or(s);
                    }
                    o = local_object.or(o);
                }
                // 全年新批台资项目138个 in a city's own report, nothing named before: the
                // capital's place invests in the city the report is about.
                if s.is_none()
                    && INVESTMENT.contains(&rule.measure)
                    && let Some(source) = self.mentions_in(cs, q.span.start).find(|m| m.capital)
                {
                    (s, o) = (Some(*source), o.or_else(|| self.home_city()));
                }
                if let Some(subject) = &s
                    && o.is_none()
                {
                    o = self.trade_object_after(ce, rule, subject);
                }
                (s, o)
            }
            Roles::Holder => {
                let anchor = hit.cue.map_or(q.span.start, |c| c.start);
                let before = self
                    .mentions_in(cs, anchor)
                    .filter(|m| rule.subject.contains(&m.kind))
                    .last()
                    .copied();
                let s = before.or_else(|| {
                    self.mentions_in(q.span.end, ce)
                        .find(|m| rule.subject.contains(&m.kind))
                        .copied()
                });
                match s {
                    Some(s) => (Some(s), None),
                    None => self.context_pair(cs, rule, true, None),
                }
            }
            Roles::Resident => {
                let noun_start = hit.noun.or(hit.after).map_or(q.span.end, |n| n.start);
                let nationality = self
                    .mentions_in(q.span.end, noun_start)
                    .filter(|m| rule.subject.contains(&m.kind))
                    .last()
                    .or_else(|| {
                        // "9,000 students from Beijing": where they come from.
                        let noun_end = hit.noun?.end;
                        self.mentions_in(noun_end, ce).next().filter(|m| {
                            rule.subject.contains(&m.kind)
                                && matches_at(
                                    &self.chars,
                                    noun_end,
                                    &[' ', 'f', 'r', 'o', 'm', ' '],
                                )
                                && m.start == noun_end + 6
                        })
                    })
                    .copied();
                let host = hit.after.and_then(|a| {
                    self.mentions_in(a.end, ce)
                        .find(|m| {
                            // ("in the Houston area")
                            PLACES.contains(&m.kind)
                                && (a.end + 1 >= m.start
                                    || self.chars[a.end..m.start] == [' ', 't', 'h', 'e', ' '])
                        })
                        .copied()
                });
                // 常驻青岛的「日本」企业超过1000家: the nationality right before the cue,
                // the host after 常驻 / 在 earlier in the clause.
                let cue_nationality = || {
                    let cue = hit.cue?;
                    // (在迪拜经营的「义乌」籍商人: a city's natives too.)
                    let natives = self.chars.get(cue.start) == Some(&'籍');
                    let n = self
                        .mentions_in(cs, cue.start)
                        .filter(|m| {
                            // (湘企: a short form of any place, written onto 企.)
                            let short_form = m.end - m.start == 1 && m.end == cue.start;
                            (m.kind == EntityType::Country
                                || (natives || short_form) && PLACES.contains(&m.kind))
                                && cue.start - m.end <= 1
                        })
                        .last()
                        .copied()?;
                    let host = self
                        .mentions_in(cs, n.start)
                        .filter(|m| {
                            PLACES.contains(&m.kind)
                                && m.entity != n.entity
                                && HOST_BEFORE
                                    .iter()
                                    .any(|w| self.chars[..m.start].ends_with(w))
                        })
                        .last()
                        .copied();
                    Some((n, host))
                };
                let (nationality, host) = match (nationality, host, hit.noun) {
                    (None, None, None) => {
                        cue_nationality().map_or((None, None), |(n, h)| (Some(n), h))
                    }
                    (n, h, _) => (n, h),
                };
                // "US investors had set up 1,900 companies in Guangzhou": a country
                // named before the figure is where the companies come from.
                let nationality = nationality.or_else(|| {
                    let h = host?;
                    self.mentions_in(cs, q.span.start)
                        .filter(|m| m.kind == EntityType::Country && m.entity != h.entity)
                        .last()
                        .copied()
                });
                // 日本籍人士3000多名 after 常驻青岛的日本企业…: the same host.
                let host = host.or_else(|| {
                    let prev = self.previous_fact(facts, sentence, q.span.start)?;
                    let resident = matches!(
                        prev.fact.measure,
                        Measure::ResidentCompanies | Measure::ResidentPersons
                    );
                    let same = nationality.is_some_and(|n| n.entity == prev.fact.subject);
                    // 园区入驻企业126家，其中法资企业23家: a part of the count before, in
                    // the same place.
                    let part = nationality.is_some()
                        && matches_at(&self.chars, cs, &['其', '中'])
                        && prev.fact.object.is_none();
                    if resident && part {
                        return self.entity_m(&prev.fact.subject);
                    }
                    (resident && same)
                        .then(|| prev.fact.object.as_deref().and_then(|o| self.entity_m(o)))
                        .flatten()
                });
                let host = match nationality {
                    Some(n) if host.is_none() => self.resident_host(n, cs, ce, sentence, q.span),
                    _ => host,
                };
                // 江西已有17家企业在智利设立公司: a place before the figure, when the host
                // follows the firms, is where they come from.
                let origin = |h: M<'a>| {
                    let noun = hit.noun?;
                    hit.after.filter(|a| a.start >= noun.end)?;
                    self.mentions_in(cs, q.span.start)
                        .filter(|m| PLACES.contains(&m.kind) && m.entity != h.entity)
                        .last()
                        .copied()
                };
                match (nationality, host) {
                    (Some(n), h) => (Some(n), h.filter(|h| h.entity != n.entity)),
                    (None, Some(h)) if let Some(o) = origin(h) => (Some(o), Some(h)),
                    (None, Some(h)) => (Some(h), None),
                    // 吸引来自中国、老挝等国的127家企业入驻: where the firms come from
                    // is no host; the clauses before name it.
                    (None, None)
                        if self
                            .find_before(cs, q.span.start, &[FROM.to_vec()], 40)
                            .is_some() =>
                    {
                        (self.context_pair(cs, rule, false, None).0, None)
                    }
                    // 中白工业园位于…，目前入园企业已达142家: the firms that entered the
                    // park named earlier in the sentence.
                    (None, None)
                        if let Some(zone) = hit
                            .cue
                            .filter(|c| {
                                c.start >= 2
                                    && (matches_at(&self.chars, c.start - 2, &['入', '园'])
                                        || matches_at(&self.chars, c.start - 2, &['入', '区']))
                            })
                            .and_then(|_| {
                                self.mentions_in(sentence.0, q.span.start)
                                    .filter(|m| m.kind == EntityType::EconomicZone)
                                    .last()
                            }) =>
                    {
                        (Some(*zone), None)
                    }
                    (None, None) => match self.pair(cs, ce, rule, q.span) {
                        (Some(s), o) => (Some(s), o),
                        (None, _) => (self.context_pair(cs, rule, true, None).0, None),
                    },
                }
            }
            Roles::Visitor => {
                let cue = hit.cue.unwrap_or(q.span);
                let object = match (hit.cue, hit.after) {
                    // 先后12次到访桂林, …12次到访这座城市: the place after the verb, or the
                    // city of the sentence it refers back to.
                    (None, Some(after)) => self
                        .mentions_in(after.end, ce)
                        .find(|m| PLACES.contains(&m.kind))
                        .or_else(|| {
                            ["这座城市", "该市", "这里"]
                                .iter()
                                .any(|w| self.word_at(after.end, &w.chars().collect::<Vec<_>>()))
                                .then(|| {
                                    self.mentions_in(
                                        sentence.0.max(q.span.start.saturating_sub(200)),
                                        q.span.start,
                                    )
                                    .filter(|m| m.kind == EntityType::City)
                                    .last()
                                })
                                .flatten()
                        }),
                    _ => self
                        .mentions_in(cue.end, q.span.start)
                        .find(|m| PLACES.contains(&m.kind)),
                }
                .copied();
                let outside = |m: &&M<'a>| {
                    (m.end <= cue.end || m.start >= q.span.start)
                        && object.is_none_or(|o| o.entity != m.entity)
                };
                let person = self
                    .mentions_in(cs, ce)
                    .filter(outside)
                    .find(|m| m.kind == EntityType::Person)
                    .copied();
                let s = person.or_else(|| {
                    self.mentions_in(cs, ce)
                        .filter(outside)
                        .find(|m| rule.subject.contains(&m.kind))
                        .copied()
                });
                match s {
                    Some(s) => (Some(s), object),
                    None => (self.context_pair(cs, rule, true, None).0, object),
                }
            }
            Roles::Growth => {
                if let Some(prev) = self.previous_fact(facts, sentence, q.span.start) {
                    measure = if prev.fact.measure == Measure::TradeVolume {
                        Measure::TradeGrowth
                    } else {
                        rule.measure
                    };
                    return Some(self.continue_fact(prev, hit, q, unit, measure, sentence));
                }
                let before: String = self.chars[cs..hit.cue.map_or(q.span.start, |c| c.start)]
                    .iter()
                    .collect();
                // ("Exports from X to Y grew …" opening a sentence.)
                let lower = before.to_lowercase();
                if TRADE_WORDS.iter().any(|w| lower.contains(w)) {
                    measure = Measure::TradeGrowth;
                }
                // 芜湖港完成集装箱吞吐量300万标准箱，同比增长11.6%: the growth of what an
                // earlier clause of the sentence measured.
                // (Not when the clause names what grew: 全年日资企业进出口额同比增长6.4%.)
                match self.pair(cs, ce, rule, q.span) {
                    (None, _) if before.trim().chars().count() <= 3 => {
                        (self.sentence_subject(cs, rule), None)
                    }
                    found => found,
                }
            }
            Roles::PartnerCities => {
                // "one of Portland's 10 sister cities": the place whose partners they are.
                let owner = self
                    .mentions_in(q.span.start.saturating_sub(40), q.span.start)
                    .filter(|m| {
                        rule.subject.contains(&m.kind)
                            && self.chars[m.end..q.span.start] == ['\'', 's', ' ']
                    })
                    .last()
                    .copied();
                // "Hubei is one of three sister states of Ohio", "Adelaide was one of 27
                // sister cities Jinan now has": the place after the noun owns them.
                let owner = owner.or_else(|| {
                    let noun = hit.noun?;
                    let one_of = ["one of ", "among "].iter().any(|w| {
                        let w: Vec<char> = w.chars().collect();
                        q.span.start >= w.len() && self.word_at(q.span.start - w.len(), &w)
                    });
                    let m = self.mentions_in(noun.end, ce).next()?;
                    let gap = &self.chars[noun.end..m.start];
                    (one_of
                        && rule.subject.contains(&m.kind)
                        && (gap == [' '] || gap == [' ', 'o', 'f', ' ']))
                    .then_some(*m)
                });
                let (s, _) = self.pair(cs, q.span.start, rule, q.span);
                let s = owner.or(s);
                let s = s.or_else(|| {
                    let prev = facts
                        .iter()
                        .rev()
                        .take_while(|f| f.sentence == sentence)
                        .next()?;
                    let kind = self.kind_of(&prev.fact.subject)?;
                    inherited = true;
                    period = prev.fact.period.clone();
                    if !rule.subject.contains(&kind) {
                        return None;
                    }
                    let entity = self.entity_ref(&prev.fact.subject)?;
                    Some(M {
                        entity,
                        kind,
                        start: 0,
                        end: 0,
                        capital: false,
                    })
                });
                let s = s.or_else(|| self.context_pair(cs, rule, false, None).0);
                let country = self.mentions_in(cs, q.span.start).find(|m| {
                    rule.object.contains(&m.kind)
                        && self.is_object_position(m)
                        && s.is_none_or(|s| s.entity != m.entity)
                });
                // One country for all the partners, not a list across countries.
                let object = country.copied().filter(|c| {
                    let cities = self
                        .mentions_in(c.end, q.span.start)
                        .filter(|m| m.kind == EntityType::City)
                        .count();
                    let other_country = self
                        .mentions_in(c.end, q.span.start)
                        .any(|m| m.kind == EntityType::Country && m.entity != c.entity);
                    cities != 1 && !other_country
                });
                (s, object)
            }
        };
        let mut subject = subject?;
        // 往返于烟台与首尔、釜山等韩国城市之间: the cities stand for their country.
        let object = object.map(|o| {
            self.mentions_in(o.end, ce)
                .find(|m| {
                    m.kind == EntityType::Country
                        && m.start > 0
                        && self.chars[m.start - 1] == '等'
                        && matches_at(&self.chars, m.end, &['城', '市'])
                })
                .copied()
                .unwrap_or(o)
        });
        // 来自德国的公司投资…: where the investor comes from is not where it invests.
        let mut object = object.filter(|o| {
            o.entity != subject.entity
                && !(INVESTMENT.contains(&measure)
                    && self.chars[..o.start].ends_with(&['来', '自']))
        });
        // 福腾精工将投资1.6亿欧元,在太仓高新区建设…: where a company invests, said next.
        if object.is_none()
            && measure == Measure::InvestmentAmount
            && matches!(subject.kind, EntityType::Company | EntityType::Bank)
        {
            object = self
                .mentions_in(q.span.end, sentence.1)
                .find(|m| {
                    (PLACES.contains(&m.kind) && m.kind != EntityType::Country
                        || m.kind == EntityType::EconomicZone)
                        && m.start > 0
                        && matches!(self.chars[m.start - 1], '在' | '于')
                        && m.start - q.span.end <= 12
                })
                .copied();
            // "will invest $86 million in a plant at Port San Antonio": the place after
            // in/at, in the same clause.
            let ends_place = |m: &&M<'_>| {
                let before = &self.chars[q.span.end..m.start];
                let mut depth = 0i32;
                let clause = before.iter().all(|&c| {
                    depth += i32::from(c == '(') - i32::from(c == ')');
                    depth > 0 || !matches!(c, ',' | ';' | '，' | '；')
                });
                let lead = ["in ", "at ", "in the ", "at the "].iter().any(|w| {
                    let n = w.len();
                    m.start >= n
                        && self.chars[m.start - n..m.start]
                            .iter()
                            .copied()
                            .eq(w.chars())
                });
                clause && lead && before.len() <= 90
            };
            if object.is_none() && self.chars.get(q.span.end) == Some(&' ') {
                object = self
                    .mentions_in(q.span.end, sentence.1)
                    .find(|m| {
                        (PLACES.contains(&m.kind) && m.kind != EntityType::Country
                            || matches!(m.kind, EntityType::EconomicZone | EntityType::Venue))
                            && ends_place(m)
                    })
                    .copied();
            }
            // "…in the Lingang Special Area, where HyNed Systems would invest 50 million
            // euros": the place that "where" refers to.
            if object.is_none()
                && let from = sentence.0.max(subject.start.saturating_sub(200))
                // (A subject from a sentence before has no comma of this one.)
                && let Some(comma) = self
                    .chars
                    .get(from..subject.start)
                    .unwrap_or_default()
                    .windows(8)
                    .rposition(|w| w.iter().copied().eq(", where ".chars()))
                    .map(|k| from + k)
                && !self.chars[comma + 8..subject.start].contains(&',')
            {
                object = self
                    .mentions_in(from, comma)
                    .filter(|m| {
                        m.end == comma
                            && (PLACES.contains(&m.kind) && m.kind != EntityType::Country
                                || matches!(m.kind, EntityType::EconomicZone | EntityType::Venue))
                    })
                    .last()
                    .copied();
            }
        }
        // The capital named earlier in the sentence: 12个德资项目落户太仓,计划总投资….
        if INVESTMENT.contains(&measure)
            && let Some(source) = self
                .mentions_in(cs, hit.noun.map_or(q.span.start, |n| n.end))
                .find(|m| m.capital)
                .or_else(|| {
                    hosts_capital(subject.kind)
                        .then(|| {
                            self.mentions_in(sentence.0, cs)
                                .filter(|m| m.capital)
                                .last()
                        })
                        .flatten()
                })
                .copied()
            && source.entity != subject.entity
        {
            // 大连新批日资项目12个: Japan invests in Dalian.
            object = if hosts_capital(subject.kind) {
                Some(subject)
            } else if subject.kind == EntityType::Event {
                // 徐州经济技术开发区2025年德资项目集中签约仪式…签约德资项目8个: the place
                // that holds the signing.
                self.mentions_in(subject.start.saturating_sub(30), subject.start)
                    .filter(|m| m.end == subject.start && hosts_capital(m.kind))
                    .last()
                    .copied()
                    .or(object)
            } else {
                object
            };
            subject = source;
        }
        if !inherited {
            period = self.period(q.span);
        }
        // Evidence: from the first word involved to the last, within the sentence.
        let mut start = q.span.start;
        let mut end = q.span.end;
        for s in [hit.cue, hit.noun, hit.after].into_iter().flatten() {
            start = start.min(s.start);
            end = end.max(s.end);
        }
        for m in [Some(subject), object].into_iter().flatten() {
            if m.start >= sentence.0 && m.end <= sentence.1 && m.end > m.start {
                start = start.min(m.start);
                end = end.max(m.end);
            }
        }
        let value = if rule.negative { -q.value } else { q.value };
        Some(Located {
            fact: Fact {
                subject: subject.entity.to_owned(),
                measure,
                value,
                unit,
                object: object.map(|o| o.entity.to_owned()),
                period,
                approx: q.approx.map(|a| a.as_str().to_owned()),
                evidence: self.chars[start..end].iter().collect(),
                start,
                end,
                rule: rule.name.clone(),
            },
            sentence,
            quantity_end: q.span.end,
        })
    }

    /// A figure that continues the previous fact of its sentence (same subject,
    /// object and period): 合同外资… after 日本在青投资…, 同比增长… after a volume.
    fn continue_fact(
        &self,
        prev: &Located,
        hit: &Hit<'_>,
        q: &Quantity,
        unit: Unit,
        measure: Measure,
        sentence: (usize, usize),
    ) -> Located {
        let (cs, _) = self.clause(prev.quantity_end.saturating_sub(1));
        let start = if hit.rule.roles == Roles::Growth {
            prev.fact.start.max(cs).min(q.span.start)
        } else {
            hit.cue.map_or(q.span.start, |c| c.start)
        };
        let end = q.span.end;
        let value = if hit.rule.negative { -q.value } else { q.value };
        Located {
            fact: Fact {
                subject: prev.fact.subject.clone(),
                measure,
                value,
                unit,
                object: prev.fact.object.clone(),
                period: self.period(q.span).or_else(|| prev.fact.period.clone()),
                approx: q.approx.map(|a| a.as_str().to_owned()),
                evidence: self.chars[start..end].iter().collect(),
                start,
                end,
                rule: hit.rule.name.clone(),
            },
            sentence,
            quantity_end: q.span.end,
        }
    }

    fn kind_of(&self, entity: &str) -> Option<EntityType> {
        self.kinds.get(entity).map(|&(_, kind)| kind)
    }

    fn entity_ref(&self, entity: &str) -> Option<&'a str> {
        self.kinds.get(entity).map(|&(id, _)| id)
    }
}

/// Connectors before a one-character abbreviation of a place (在青投资, 对日贸易).
const ABBREVIATION_BEFORE: &[char] = &['在', '来', '赴', '驻', '对', '访', '离', '与', '同', '和'];
/// Words after such an abbreviation.
const ABBREVIATION_AFTER: &[&str] = &[
    "投资",
    "设立",
    "企业",
    "发展",
    "工作",
    "生活",
    "贸易",
    "出口",
    "进口",
    "合作",
    "经商",
    "留学",
    "学习",
    "举办",
    "考察",
    "访问",
    "落户",
    "兴业",
    "创业",
    "交流",
    "经贸",
    "进出口",
    "开放",
    "交往",
    "招商",
    "累计",
    "新增",
    "新批",
    "实际",
    "运营",
    "经营",
    "注册",
    "设厂",
    "办厂",
    "定居",
    "居住",
    "就业",
    "求学",
];

/// First characters of words ending in 资 that name no place of origin.
const NOT_CAPITAL: &[char] = &[
    '合', '独', '外', '融', '投', '出', '注', '引', '集', '物', '工', '师', '游', '筹', '增', '招',
    '内', '国', '民',
];

/// Words before the host place of residents (常驻青岛的日本企业).
const HOST_BEFORE: &[&[char]] = &[
    &['常', '驻'],
    &['驻'],
    &['在'],
    &['落', '户'],
    &['入', '驻'],
];

/// English appositions that say where a firm is from ("…, based in Ganzhou, …").
const APPOSITIONS: [&str; 3] = ["based in ", "headquartered in ", "home to "];

/// Measures whose subject is the source of the capital.
const INVESTMENT: &[Measure] = &[
    Measure::InvestmentProjects,
    Measure::ContractedForeignInvestment,
    Measure::ActualForeignInvestment,
    Measure::InvestmentAmount,
];

/// One-character abbreviations of places named in full elsewhere in the text: 青 for
/// 青岛 in 日本在青投资, 日 for 日本 in 对日贸易. Only unambiguous first characters count.
fn abbreviations<'a>(chars: &[char], mentions: &[M<'a>]) -> Vec<M<'a>> {
    let mut first: HashMap<char, Option<M<'a>>> = HashMap::default();
    let mut any_char: HashMap<char, Option<M<'a>>> = HashMap::default();
    for m in mentions {
        if m.end - m.start < 2
            || !matches!(
                m.kind,
                EntityType::City | EntityType::Province | EntityType::Country
            )
        {
            continue;
        }
        let slot = first.entry(chars[m.start]).or_insert(Some(*m));
        if slot.is_some_and(|s| s.entity != m.entity) {
            *slot = None;
        }
        // Cities also go by a later character after 在 (在连 for 大连).
        if m.kind == EntityType::City && m.end - m.start <= 3 {
            for &c in &chars[m.start + 1..m.end] {
                if c == '市' {
                    continue;
                }
                let slot = any_char.entry(c).or_insert(Some(*m));
                if slot.is_some_and(|s| s.entity != m.entity) {
                    *slot = None;
                }
            }
        }
    }
    let mut out = Vec::new();
    if first.is_empty() {
        return out;
    }
    let mut k = 0;
    for i in 0..chars.len().saturating_sub(1) {
        let by_first = first.get(&chars[i]);
        let Some(Some(full)) = by_first.or_else(|| {
            (i > 0 && chars[i - 1] == '在')
                .then(|| any_char.get(&chars[i]))
                .flatten()
        }) else {
            continue;
        };
        let first_char = matches!(by_first, Some(Some(_)));
        while k < mentions.len() && mentions[k].end <= i {
            k += 1;
        }
        if mentions.get(k).is_some_and(|m| m.start <= i) {
            continue;
        }
        // 日资, 韩资: capital from that place (but not 合资, 独资 … in a text naming 合肥).
        let capital = first_char
            && chars[i + 1] == '资'
            && !NOT_CAPITAL.contains(&chars[i])
            && !(i > 0 && chars[i - 1] == chars[i]);
        // 在青投资, 在烟韩资企业: after 在/来/对…, before a verb or another place's capital.
        let follows = i > 0
            && ABBREVIATION_BEFORE.contains(&chars[i - 1])
            && (ABBREVIATION_AFTER.iter().any(|w| {
                (i + 1..)
                    .zip(w.chars())
                    .all(|(j, c)| chars.get(j) == Some(&c))
            }) || chars.get(i + 2) == Some(&'资')
                && chars
                    .get(i + 1)
                    .is_some_and(|c| *c != chars[i] && matches!(first.get(c), Some(Some(_)))));
        if capital || follows {
            out.push(M {
                entity: full.entity,
                kind: full.kind,
                start: i,
                end: i + 1,
                capital,
            });
        }
    }
    out
}

/// Anaphors (该市, 本省, 我省, 该中心, "the city" …) resolved to the nearest earlier mention of a
/// fitting entity (我市, 我省: the one the text names most), where no resolved mention covers
/// them.
fn anaphors<'a>(
    chars: &[char],
    mentions: &[M<'a>],
    nested_places: &[M<'a>],
    foreign: &rustc_hash::FxHashSet<&str>,
) -> Vec<M<'a>> {
    let mut out = Vec::new();
    let starts_with = |at: usize, w: &str| {
        let n = w.chars().count();
        at + n <= chars.len() && chars[at..at + n].iter().copied().eq(w.chars())
    };
    let mut own_found: Vec<(&str, Option<M<'a>>)> = Vec::new();
    for i in 0..chars.len() {
        // "the city received about 38,000 visitors": the city named last.
        if matches!(chars[i], 't' | 'T') && (i == 0 || !chars[i - 1].is_alphanumeric()) {
            let english = [
                ("he city", EntityType::City),
                ("he province", EntityType::Province),
            ]
            .into_iter()
            .find(|(w, _)| starts_with(i + 1, w));
            if let Some((w, kind)) = english {
                let end = i + 1 + w.len();
                let k = mentions.partition_point(|m| m.start < i);
                // The city of the dateline ("ZHANJIANG, Guangdong —", in the first lines),
                // else the one named last.
                let dateline = mentions
                    .iter()
                    .take_while(|m| m.start < i.min(1000))
                    .find(|m| {
                        m.kind == EntityType::City
                            && crate::extract::text::is_dateline_place(chars, m.start, m.end)
                    });
                // ("According to Jinhua Customs, the city's trade": a place inside a name too.)
                let nested = nested_places[..nested_places.partition_point(|m| m.start < i)]
                    .iter()
                    .rev()
                    .take(20)
                    .find(|m| m.kind == kind);
                let antecedent = dateline.filter(|_| kind == EntityType::City).or_else(|| {
                    let top = mentions[..k]
                        .iter()
                        .rev()
                        .take(300)
                        .find(|m| m.kind == kind);
                    match (top, nested) {
                        (Some(t), Some(n)) if n.start > t.start => Some(n),
                        (t, n) => t.or(n),
                    }
                });
                // (Not "the provincial", "the city of Ganzhou".)
                if !chars
                    .get(end)
                    .is_some_and(|c| c.is_alphanumeric() || *c == '-')
                    && !starts_with(end, " of ")
                    && let Some(a) = antecedent
                {
                    out.push(M {
                        entity: a.entity,
                        kind,
                        start: i,
                        end,
                        capital: false,
                    });
                }
            }
            continue;
        }
        // "X园位于…。园区已集聚…": a sentence opening with 园区 goes on about the zone the
        // sentence before opened with.
        if chars[i] == '园'
            && starts_with(i, "园区")
            && i > 0
            && matches!(chars[i - 1], '。' | '\n')
        {
            let k = mentions.partition_point(|m| m.start < i);
            let previous = (0..i - 1)
                .rev()
                .find(|&p| matches!(chars[p], '。' | '\n'))
                .map_or(0, |p| p + 1);
            let from = mentions.partition_point(|m| m.start < previous);
            let topic = mentions[from..k.max(from)]
                .iter()
                .find(|m| m.kind == EntityType::EconomicZone);
            if let Some(a) = topic {
                out.push(M {
                    start: i,
                    end: i + 2,
                    ..*a
                });
            }
            continue;
        }
        if !matches!(chars[i], '该' | '本' | '这' | '此' | '全' | '我') {
            continue;
        }
        let Some(prefix) = ANAPHOR_PREFIXES.iter().find(|p| starts_with(i, p)) else {
            continue;
        };
        let h = i + prefix.chars().count();
        let Some(&(head, types, ending)) = ANAPHOR_HEADS.iter().find(|(w, _, _)| starts_with(h, w))
        else {
            continue;
        };
        // 全国 is the whole of China, not the country named before; 全市, 全省 do refer back.
        if *prefix == "全" && !matches!(head, "市" | "省" | "区") {
            continue;
        }
        // 我省, 我市 (a government's own release): the province or city; 我国 is China.
        if *prefix == "我" && !matches!(head, "市" | "省" | "区" | "县") {
            continue;
        }
        let end = h + head.chars().count();
        let k = mentions.partition_point(|m| m.start < end);
        let covered =
            |m: &&M<'_>| m.end > i && (m.start < i || m.end > end || m.end - m.start == end - i);
        if mentions[..k].iter().rev().take(4).any(|m| covered(&m)) {
            continue;
        }
        let fits = |m: &&M<'_>| {
            types.contains(&m.kind)
                && (ending.is_empty()
                    || chars[m.start..m.end]
                        .iter()
                        .rev()
                        .copied()
                        .take(ending.chars().count())
                        .eq(ending.chars().rev()))
        };
        // 我市 in a city's own report: the city it names most, inside names too (汕头市外办),
        // not the one named last (对马 in 对马经贸合作, read as Tsushima).
        let own = || {
            let mut counts: rustc_hash::FxHashMap<&str, usize> = Default::default();
            for m in mentions
                .iter()
                .chain(nested_places)
                .filter(|m| fits(m) && !foreign.contains(m.entity))
            {
                *counts.entry(m.entity).or_default() += 1;
            }
            let (&best, _) = counts
                .iter()
                .max_by_key(|&(e, n)| (*n, std::cmp::Reverse(*e)))?;
            mentions
                .iter()
                .chain(nested_places)
                .find(|m| m.entity == best)
                .copied()
        };
        // (Counted once per head: 我市 may recur all through a long report.)
        let mut antecedent = None;
        if *prefix == "我" {
            antecedent = match own_found.iter().find(|(h, _)| *h == head) {
                Some(&(_, found)) => found,
                None => {
                    let found = own();
                    own_found.push((head, found));
                    found
                }
            };
        }
        // 全市 in Chinese news is a Chinese city, not the foreign one named last; (据温州海关
        // 统计，全市…) perhaps named only inside a name.
        let home = |m: &&M<'_>| fits(m) && !(*prefix == "全" && foreign.contains(m.entity));
        let antecedent = antecedent.or_else(|| {
            mentions[..k]
                .iter()
                .rev()
                .take(300)
                .find(|m| m.end <= i && home(m))
                .or_else(|| {
                    nested_places[..nested_places.partition_point(|m| m.start < i)]
                        .iter()
                        .rev()
                        .take(20)
                        .find(home)
                })
                .copied()
        });
        if let Some(a) = antecedent {
            out.push(M {
                entity: a.entity,
                kind: a.kind,
                start: i,
                end,
                capital: false,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Mentions by surface form, longest first, as a stand-in for the entity resolver.
    fn run(
        text: &str,
        entities: &[(&str, EntityType, &[&str])],
        published: Option<&str>,
    ) -> Vec<Fact> {
        let chars: Vec<char> = text.chars().collect();
        let mut forms: Vec<(Vec<char>, &str, EntityType)> = Vec::new();
        for (id, kind, names) in entities {
            for n in *names {
                forms.push((n.chars().collect(), id, *kind));
            }
        }
        forms.sort_by_key(|f| std::cmp::Reverse(f.0.len()));
        let mut mentions = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            match forms.iter().find(|f| chars[i..].starts_with(&f.0)) {
                Some((f, id, kind)) => {
                    mentions.push(EntityMention {
                        entity: (*id).to_owned(),
                        kind: *kind,
                        span: Span::new(i, i + f.len()),
                        nested: false,
                    });
                    i += f.len();
                }
                None => i += 1,
            }
        }
        let input = FactInput {
            text,
            sentences: &[],
            mentions: &mentions,
            entities: &[],
            published,
        };
        let facts = extract_facts(&input);
        for f in &facts {
            assert!(text.contains(&f.evidence), "evidence {:?}", f.evidence);
            let covered: String = chars[f.start..f.end].iter().collect();
            assert_eq!(covered, f.evidence);
        }
        facts
    }

    fn key(f: &Fact) -> (Measure, &str, Option<&str>, f64) {
        (f.measure, f.subject.as_str(), f.object.as_deref(), f.value)
    }

    use EntityType::{City, Company, Country, EconomicZone, Person, Province, Venue};

    #[test]
    fn builtin_rules_parse() {
        let rules = FactRules::builtin().map_err(|e| e.to_string());
        assert!(rules.is_ok(), "{rules:?}");
        assert!(rules.is_ok_and(|r| r.names().count() > 20));
    }

    #[test]
    fn rule_errors_name_the_line() {
        let src = "[[rule]]\nname = \"x\"\nmeasure = \"tradeVolume\"\nunits = [\"money\"]\nsubject = [\"City\"]\n\n[[rule]]\nname = \"bad\"\nmeasure = \"nope\"\nunits = []\nsubject = []\n";
        let err = FactRules::from_toml(src, "facts.toml")
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("facts.toml:8: rule 'bad': unknown Measure 'nope'")
        );
        let err = FactRules::from_toml("[[rule]]\nname = 3\n", "f.toml")
            .err()
            .map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.starts_with("f.toml:2:")));
    }

    const ENTS: &[(&str, EntityType, &[&str])] = &[
        ("a-city", City, &["甲市", "甲"]),
        ("b-country", Country, &["乙国"]),
        ("c-province", Province, &["丙省"]),
        ("d-zone", EconomicZone, &["丁片区"]),
        ("e-hall", Venue, &["戊展馆", "展馆"]),
        ("f-airport", Venue, &["甲机场"]),
        ("g-person", Person, &["王五"]),
        ("h-co", Company, &["己公司"]),
        ("x-city", City, &["庚市"]),
        ("y-city", City, &["辛市"]),
    ];

    #[test]
    fn trade_volume_and_growth() {
        let f = run(
            "2018年,甲市与乙国进出口贸易总额为23.5亿美元,同比增长7.4%,占全省的一半。",
            ENTS,
            None,
        );
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(
            key(&f[0]),
            (
                Measure::TradeVolume,
                "a-city",
                Some("b-country"),
                2_350_000_000.0
            )
        );
        assert_eq!(f[0].period.as_deref(), Some("2018"));
        assert_eq!(
            key(&f[1]),
            (Measure::TradeGrowth, "a-city", Some("b-country"), 7.4)
        );
        assert_eq!(f[1].period.as_deref(), Some("2018"));
        let f = run(
            "2022年,丙省对乙国进出口总值达8.2亿元,同比下降3%。",
            ENTS,
            None,
        );
        assert_eq!(
            key(&f[0]),
            (
                Measure::TradeVolume,
                "c-province",
                Some("b-country"),
                820_000_000.0
            )
        );
        assert_eq!(
            key(&f[1]),
            (Measure::TradeGrowth, "c-province", Some("b-country"), -3.0)
        );
    }

    #[test]
    fn partner_named_after_a_trade_verb() {
        let f = run(
            "由己公司生产的货值8万美元的种子,经海关检疫后出口乙国。",
            ENTS,
            None,
        );
        assert_eq!(
            key(&f[0]),
            (Measure::TradeVolume, "h-co", Some("b-country"), 80_000.0)
        );
        let f = run(
            "2019年,丙省出口乙国茶叶货值120.5万元,同比增长3.5倍。",
            ENTS,
            None,
        );
        assert_eq!(
            key(&f[0]),
            (
                Measure::TradeVolume,
                "c-province",
                Some("b-country"),
                1_205_000.0
            )
        );
        assert_eq!(
            (f[1].measure, f[1].unit),
            (Measure::TradeGrowth, Unit::Times)
        );
    }

    #[test]
    fn investment_continues_the_previous_clause() {
        let f = run(
            "截至2021年6月底,乙国累计在甲投资项目310个,合同外资12.1亿美元,实际到账外资8.9亿美元。",
            ENTS,
            Some("2021-08-01"),
        );
        assert_eq!(f.len(), 3, "{f:?}");
        assert_eq!(
            key(&f[0]),
            (
                Measure::InvestmentProjects,
                "b-country",
                Some("a-city"),
                310.0
            )
        );
        assert_eq!(
            key(&f[1]),
            (
                Measure::ContractedForeignInvestment,
                "b-country",
                Some("a-city"),
                1_210_000_000.0
            )
        );
        assert_eq!(
            key(&f[2]),
            (
                Measure::ActualForeignInvestment,
                "b-country",
                Some("a-city"),
                890_000_000.0
            )
        );
        assert!(f.iter().all(|f| f.period.as_deref() == Some("2021-06-30")));
        assert_eq!(f[1].evidence, "合同外资12.1亿美元");
    }

    #[test]
    fn one_character_abbreviation_of_a_named_place() {
        let ents: &[(&str, EntityType, &[&str])] = &[
            ("a-city", City, &["甲乙市"]),
            ("b-country", Country, &["乙国"]),
        ];
        let f = run("乙国是甲乙市重要伙伴。乙国在甲投资项目12个。", ents, None);
        assert_eq!(
            key(&f[0]),
            (
                Measure::InvestmentProjects,
                "b-country",
                Some("a-city"),
                12.0
            )
        );
    }

    #[test]
    fn two_places_side_by_side_are_a_pair() {
        let ents: &[(&str, EntityType, &[&str])] =
            &[("c", Country, &["中"]), ("j", Country, &["日"])];
        let f = run("去年中日双边贸易额达3000亿美元。", ents, Some("2020-03-01"));
        assert_eq!(key(&f[0]), (Measure::TradeVolume, "c", Some("j"), 3e11));
        assert_eq!(f[0].period.as_deref(), Some("2019"));
    }

    #[test]
    fn capital_of_a_place_is_the_investor() {
        let f = run(
            "乙国是甲市主要外资来源地。今年1-2月,甲市新批乙资项目8个,合同外资2.1亿美元。",
            ENTS,
            Some("2021-03-01"),
        );
        assert_eq!(
            key(&f[0]),
            (
                Measure::InvestmentProjects,
                "b-country",
                Some("a-city"),
                8.0
            )
        );
        assert_eq!(
            key(&f[1]),
            (
                Measure::ContractedForeignInvestment,
                "b-country",
                Some("a-city"),
                2.1e8
            )
        );
    }

    #[test]
    fn a_clause_without_subject_continues_the_previous_sentence() {
        let f = run(
            "2020年,甲市与乙国进出口总额达100亿元。其中,对乙出口60亿元,增长3%。",
            ENTS,
            None,
        );
        assert_eq!(
            key(&f[1]),
            (Measure::TradeVolume, "a-city", Some("b-country"), 6e9)
        );
        assert_eq!(
            key(&f[2]),
            (Measure::TradeGrowth, "a-city", Some("b-country"), 3.0)
        );
        let f = run(
            "截至去年底,乙国在甲市累计设立企业300余家。",
            ENTS,
            Some("2021-03-01"),
        );
        assert_eq!(
            key(&f[0]),
            (
                Measure::ResidentCompanies,
                "b-country",
                Some("a-city"),
                300.0
            )
        );
    }

    #[test]
    fn growth_of_another_figure_is_a_growth_rate() {
        let f = run(
            "今年1-4月,乙国在甲投资项目12个,同比增长20%。",
            ENTS,
            Some("2021-06-01"),
        );
        assert_eq!(
            key(&f[1]),
            (Measure::GrowthRate, "b-country", Some("a-city"), 20.0)
        );
        assert_eq!(f[1].period.as_deref(), Some("2021-01/2021-04"));
        let f = run(
            "今年上半年,丁片区完成跨境贸易额近5亿元,同比增长约12倍。",
            ENTS,
            Some("2021-08-01"),
        );
        assert_eq!(
            key(&f[0]),
            (
                Measure::CrossBorderTradeVolume,
                "d-zone",
                None,
                500_000_000.0
            )
        );
        assert_eq!(f[0].approx.as_deref(), Some("nearly"));
        assert_eq!(key(&f[1]), (Measure::GrowthRate, "d-zone", None, 12.0));
        assert_eq!(f[1].approx.as_deref(), Some("about"));
    }

    #[test]
    fn flights_and_annual_visitors() {
        let f = run(
            "甲机场每天有12架次航班往返于甲市与乙国之间,每年有近30万人次往来两地。",
            ENTS,
            None,
        );
        assert_eq!(
            key(&f[0]),
            (Measure::DailyFlights, "f-airport", Some("b-country"), 12.0)
        );
        assert_eq!(
            key(&f[1]),
            (
                Measure::AnnualVisitors,
                "a-city",
                Some("b-country"),
                300_000.0
            )
        );
        assert_eq!(f[1].approx.as_deref(), Some("nearly"));
    }

    #[test]
    fn resident_companies_and_persons() {
        let f = run("有500多家乙国企业、2000多名乙国侨民常驻甲市。", ENTS, None);
        assert_eq!(
            key(&f[0]),
            (
                Measure::ResidentCompanies,
                "b-country",
                Some("a-city"),
                500.0
            )
        );
        assert_eq!(
            key(&f[1]),
            (
                Measure::ResidentPersons,
                "b-country",
                Some("a-city"),
                2000.0
            )
        );
        let f = run(
            "乙国使馆设在庚市。截至目前,该市有外资企业1200家,80家境外500强企业在庚市设立了分支机构。",
            ENTS,
            Some("2020-01-01"),
        );
        assert_eq!(
            key(&f[0]),
            (Measure::ResidentCompanies, "x-city", None, 1200.0)
        );
        assert_eq!(
            key(&f[1]),
            (Measure::ResidentCompanies, "x-city", None, 80.0)
        );
        assert!(run("目前有近20家企业报名参加展会,近300人出席。", ENTS, None).is_empty());
    }

    #[test]
    fn friendship_city_counts() {
        let f = run(
            "甲市与乙国庚市、辛市等6座城市建立了友好城市关系。",
            ENTS,
            None,
        );
        assert_eq!(
            key(&f[0]),
            (
                Measure::FriendshipCityCount,
                "a-city",
                Some("b-country"),
                6.0
            )
        );
        let f = run(
            "甲市与15个国家的20个城市结为友好城市,与乙国庚市等40个城市建立了友好交流关系。",
            ENTS,
            None,
        );
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(
            key(&f[0]),
            (Measure::FriendshipCityCount, "a-city", None, 20.0)
        );
        assert_eq!(
            key(&f[1]),
            (Measure::FriendshipCityCount, "a-city", None, 40.0)
        );
    }

    #[test]
    fn english_sister_cities() {
        let ents: &[(&str, EntityType, &[&str])] =
            &[("m", City, &["Mapleton"]), ("r", City, &["Riverton"])];
        let f = run(
            "Mapleton in its 12th sister city tie. So far Mapleton has had 12 sister cities from 9 countries.",
            ents,
            None,
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(key(&f[0]), (Measure::FriendshipCityCount, "m", None, 12.0));
        let f = run(
            "Trade volume between Mapleton and Riverton reached US$2.5 billion in 2019.",
            ents,
            None,
        );
        assert_eq!(key(&f[0]), (Measure::TradeVolume, "m", Some("r"), 2.5e9));
    }

    #[test]
    fn areas_visitors_receptions_visits() {
        let f = run(
            "据介绍,这一建筑面积5000平方米的展馆,预计运营后年接待人数将超过200万人次。",
            ENTS,
            None,
        );
        assert_eq!(key(&f[0]), (Measure::FloorArea, "e-hall", None, 5000.0));
        assert_eq!(
            key(&f[1]),
            (Measure::ExpectedAnnualVisitors, "e-hall", None, 2_000_000.0)
        );
        assert_eq!(f[1].approx.as_deref(), Some("more than"));
        let f = run(
            "自3月1日开馆以来,戊展馆已接待各类团组等60余次合计900余人次。",
            ENTS,
            Some("2021-05-01"),
        );
        assert_eq!(key(&f[0]), (Measure::Receptions, "e-hall", None, 60.0));
        assert_eq!(
            key(&f[1]),
            (Measure::VisitorsReceived, "e-hall", None, 900.0)
        );
        assert_eq!(f[0].period.as_deref(), Some("2021-03-01/2021-05-01"));
        let f = run(
            "曾访问过甲市3次的乙国某机构负责人王五表示,合作前景广阔。",
            ENTS,
            None,
        );
        assert_eq!(
            key(&f[0]),
            (Measure::Visits, "g-person", Some("a-city"), 3.0)
        );
        let f = run("丁片区规划面积12.5平方公里。", ENTS, None);
        assert_eq!(
            (key(&f[0]), f[0].unit),
            ((Measure::Area, "d-zone", None, 12.5), Unit::SquareKilometre)
        );
    }

    #[test]
    fn restated_headline_is_one_fact() {
        let f = run(
            "丙省对乙国进出口总值3亿元\n2021年,丙省对乙国进出口总值达3亿元。",
            ENTS,
            None,
        );
        assert_eq!(f.len(), 1);
    }

    #[test]
    fn numbers_without_triggers_are_not_facts() {
        assert!(
            run(
                "双方签署了5份合作协议,规划了66个项目,目前已启动16个。",
                ENTS,
                None
            )
            .is_empty()
        );
        assert!(
            run(
                "甲市是乙国第三大贸易伙伴,占全国对乙国贸易的比重超过三分之一。",
                ENTS,
                None
            )
            .is_empty()
        );
    }
}
