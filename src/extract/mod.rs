//! Text → [`Extraction`]: named entities, relations with evidence, and facts, from
//! one Chinese or English news article.
//!
//! Entry point: [`Extractor`], built once ([`Extractor::new`] for the embedded gazetteers
//! and rules, [`Extractor::with_data_dir`] to add a researcher's own `*.tsv` / `*.toml`)
//! and shared across threads; [`decode`] turns file bytes into text.
//!
//! The stages: [`text`] (normalisation, sentences, clauses) → [`mentions`] (gazetteer,
//! suffixes, titles) → [`resolve`] (one entity per referent) → [`relations`] (trigger
//! rules of `data/rules/relations.toml`, name structure) → [`facts`].
//!
//! ```
//! use cckg::extract::Extractor;
//! let extractor = Extractor::new().unwrap();
//! let out = extractor.extract("a.txt", "大连市市长李明访问了日本。");
//! assert_eq!(out.language, "zh");
//! assert!(out.entities.iter().any(|e| e.name == "李明"));
//! assert!(out.relations.iter().any(|r| r.predicate.as_str() == "positionAt"));
//! ```

pub mod facts;
pub mod mentions;
pub mod numbers;
pub mod relations;
pub mod resolve;
pub mod rules;
pub mod text;
pub mod time;

use crate::error::{Error, Result};
use crate::gazetteer::{Gazetteer, Matcher};
use crate::model::{
    Entity, EntityType, Extraction, Fact, Measure, Predicate, Qualifiers, Relation, Span,
};
use aho_corasick::AhoCorasick;
use jieba_rs::Jieba;
use rules::Rules;
use std::path::Path;
use text::Text;

/// Embedded gazetteer files (name, content).
const GAZETTEERS: [(&str, &str); 5] = [
    (
        "data/gazetteer/countries.tsv",
        include_str!("../../data/gazetteer/countries.tsv"),
    ),
    (
        "data/gazetteer/organizations.tsv",
        include_str!("../../data/gazetteer/organizations.tsv"),
    ),
    (
        "data/gazetteer/china.tsv",
        include_str!("../../data/gazetteer/china.tsv"),
    ),
    (
        "data/gazetteer/japan.tsv",
        include_str!("../../data/gazetteer/japan.tsv"),
    ),
    (
        "data/gazetteer/world.tsv",
        include_str!("../../data/gazetteer/world.tsv"),
    ),
];
const STOPNAMES: &str = include_str!("../../data/gazetteer/stopnames.txt");

/// The extractor: gazetteers, rules and segmenter, built once and shared (`Send + Sync`).
pub struct Extractor {
    gazetteer: Gazetteer,
    matcher: Matcher,
    rules: Rules,
    suffixes: AhoCorasick,
    titles: AhoCorasick,
    triggers: relations::Triggers,
    jieba: Jieba,
    ambiguous: rustc_hash::FxHashSet<String>,
    transliteration: rustc_hash::FxHashSet<char>,
}

impl Extractor {
    /// An extractor with the embedded gazetteers and rules.
    pub fn new() -> Result<Self> {
        let (gazetteer, rules) = Self::embedded()?;
        Self::build(gazetteer, rules)
    }

    /// The embedded data plus every `*.tsv` (gazetteer), `stopnames*.txt` and `*.toml`
    /// (rules) found in `dir` and its `gazetteer/` and `rules/` subfolders.
    pub fn with_data_dir(dir: &Path) -> Result<Self> {
        let (mut gazetteer, mut rules) = Self::embedded()?;
        let mut files = Vec::new();
        for d in [dir.to_path_buf(), dir.join("gazetteer"), dir.join("rules")] {
            let Ok(entries) = std::fs::read_dir(&d) else {
                continue;
            };
            for entry in entries.flatten() {
                files.push(entry.path());
            }
        }
        files.sort();
        for path in files {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            let is_stop = name.starts_with("stopnames") && ext == "txt";
            if ext != "tsv" && ext != "toml" && !is_stop {
                continue;
            }
            let content = std::fs::read_to_string(&path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            let label = path.display().to_string();
            match ext {
                "tsv" => gazetteer.add_tsv(&label, &content)?,
                "toml" => rules.add_file(&label, &content)?,
                _ => gazetteer.add_stopnames(&content),
            }
        }
        Self::build(gazetteer, rules)
    }

    fn embedded() -> Result<(Gazetteer, Rules)> {
        let mut gazetteer = Gazetteer::new();
        for (name, content) in GAZETTEERS {
            gazetteer.add_tsv(name, content)?;
        }
        gazetteer.add_stopnames(STOPNAMES);
        Ok((gazetteer, Rules::embedded()?))
    }

    fn build(gazetteer: Gazetteer, rules: Rules) -> Result<Self> {
        let matcher = gazetteer.matcher()?;
        let suffixes = mentions::suffix_automaton(&rules)?;
        let titles = mentions::title_automaton(&rules)?;
        let triggers = relations::Triggers::new(&rules)?;
        let mut jieba = Jieba::new();
        // Short place names that the dictionary knows as ordinary words (合作, 友谊, 北方).
        let mut ambiguous = rustc_hash::FxHashSet::default();
        let mut new_words = Vec::new();
        for i in 0..gazetteer.len() {
            let entry = gazetteer.entry(i);
            if !entry.kind.is_place() {
                continue;
            }
            // Provinces and prefecture-level cities are what news means by their names,
            // whatever the dictionary says (大连/d).
            let major = entry.id.starts_with("gb:") && entry.is_major();
            for form in std::iter::once(&entry.name).chain(entry.aliases.iter()) {
                let n = form.chars().count();
                if !(2..=8).contains(&n) || !form.chars().all(text::is_han) {
                    continue;
                }
                if jieba.has_word(form) {
                    let tags = jieba.tag(form, false);
                    if !major && n <= 3 && tags.len() == 1 && !tags[0].tag.starts_with("ns") {
                        ambiguous.insert(form.clone());
                    }
                } else if n >= 3 {
                    new_words.push(form.clone());
                }
            }
        }
        // Longer place names as words, so that the segmenter does not cut through them.
        for w in new_words {
            jieba.add_word(&w, Some(1000), Some("ns"));
        }
        for word in rules.boundaries.iter().chain(rules.titles.iter()) {
            if word.chars().count() >= 2 {
                jieba.add_word(word, Some(2000), None);
            }
        }
        let transliteration = gazetteer.transliteration_chars();
        Ok(Self {
            transliteration,
            gazetteer,
            matcher,
            rules,
            suffixes,
            titles,
            triggers,
            jieba,
            ambiguous,
        })
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Extracts entities, relations and facts from one article. Never panics.
    pub fn extract(&self, document: &str, text: &str) -> Extraction {
        let prepared = Text::new(text);
        let english = is_english(&prepared.chars);
        let published = published_date(&prepared);
        let title = headline(&prepared);
        let recogniser = mentions::Recogniser {
            rules: &self.rules,
            gazetteer: &self.gazetteer,
            matcher: &self.matcher,
            suffixes: &self.suffixes,
            titles: &self.titles,
            jieba: &self.jieba,
            ambiguous: &self.ambiguous,
            transliteration: &self.transliteration,
        };
        let candidates = recogniser.recognise(&prepared, english);
        let resolved = resolve::resolve(&prepared, &self.gazetteer, &self.rules, candidates);
        let relations = relations::extract_relations(&relations::Context {
            text: &prepared,
            gazetteer: &self.gazetteer,
            rules: &self.rules,
            triggers: &self.triggers,
            matcher: &self.matcher,
            resolved: &resolved,
            published: published.as_deref(),
            english,
            homes: Default::default(),
        });
        // Facts are about whole names: 太仓 inside 中德(太仓)合作区 is no subject.
        let mut mention_list: Vec<facts::EntityMention> = resolved
            .mentions
            .iter()
            .map(|m| facts::EntityMention {
                entity: resolved.entities[m.entity].id.clone(),
                kind: resolved.entities[m.entity].kind,
                span: Span::new(m.start, m.end),
                nested: m.nested,
            })
            .collect();
        mention_list.sort_by_key(|m| (m.span.start, m.span.end));
        let facts = facts::extract_facts(&facts::FactInput {
            text,
            sentences: &prepared.sentences,
            mentions: &mention_list,
            entities: &resolved.entities,
            published: published.as_deref(),
        });
        let mut relations = relations;
        relations.extend(relations_of_facts(&resolved.entities, &relations, &facts));
        Extraction {
            document: document.to_owned(),
            language: if english { "en" } else { "zh" }.to_owned(),
            published,
            title,
            entities: resolved.entities,
            relations,
            facts,
        }
    }
}

/// The ties that investment figures state: a company investing an amount in a place
/// `investsIn` it (福腾精工将投资1.6亿欧元在太仓高新区…); a country or region whose
/// investors put projects or capital into a place is one of its `investmentSource`s
/// (马来西亚在厦门累计投资项目612个). Relations already stated are not repeated.
fn relations_of_facts(entities: &[Entity], stated: &[Relation], facts: &[Fact]) -> Vec<Relation> {
    let kind = |id: &str| entities.iter().find(|e| e.id == id).map(|e| e.kind);
    let mut out: Vec<Relation> = Vec::new();
    for fact in facts {
        let Some(object) = fact.object.as_deref() else {
            continue;
        };
        let (Some(s), Some(o)) = (kind(&fact.subject), kind(object)) else {
            continue;
        };
        let predicate = match (fact.measure, s) {
            (Measure::InvestmentAmount, EntityType::Company | EntityType::Bank)
                if o.is_place() && o != EntityType::Country
                    || matches!(o, EntityType::EconomicZone | EntityType::Project) =>
            {
                Predicate::InvestsIn
            }
            // 我省在埃塞俄比亚累计设立境外企业…，协议投资额4.6亿美元: a province's or a
            // city's investment abroad.
            (
                Measure::InvestmentProjects
                | Measure::InvestmentAmount
                | Measure::ContractedForeignInvestment,
                EntityType::Province | EntityType::Prefecture | EntityType::City,
            ) if o == EntityType::Country => Predicate::InvestsIn,
            (
                Measure::InvestmentProjects
                | Measure::InvestmentAmount
                | Measure::ActualForeignInvestment
                | Measure::ContractedForeignInvestment,
                EntityType::Country | EntityType::Province | EntityType::Prefecture,
            ) if o.is_place() => Predicate::InvestmentSource,
            _ => continue,
        };
        let known = |r: &Relation| {
            r.subject == fact.subject && r.predicate == predicate && r.object == object
        };
        if stated.iter().any(known) || out.iter().any(known) {
            continue;
        }
        out.push(Relation {
            subject: fact.subject.clone(),
            predicate,
            object: object.to_owned(),
            qualifiers: Qualifiers::default(),
            evidence: fact.evidence.clone(),
            start: fact.start,
            end: fact.end,
            rule: format!("fact:{}", fact.rule),
        });
    }
    out
}

/// Whether the text is English: more Latin letters than Han characters.
fn is_english(chars: &[char]) -> bool {
    let han = chars.iter().filter(|&&c| text::is_han(c)).count();
    let latin = chars.iter().filter(|c| c.is_ascii_alphabetic()).count();
    latin > han * 2
}

/// The article's own date line near the top, the first date written there:
/// `2020-07-31 12:18`, `2015年02月05日`, `发布时间：2017-02-27`, `Oct. 17, 2024`,
/// `Published: 6:30pm, 12 Sep 2024`.
fn published_date(text: &Text) -> Option<String> {
    let head: String = text.chars.iter().take(600).collect();
    let (numeric, month_first, day_first) = date_regexes();
    let date = |y: &str, m: u32, d: &str| {
        let y: u32 = y.parse().ok()?;
        let d: u32 = d.parse().ok()?;
        ((1950..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
    };
    let month = |name: &str| {
        let name = name.to_ascii_lowercase();
        time::MONTHS_EN
            .iter()
            .position(|m| m[..3] == name[..3])
            .map(|k| k as u32 + 1)
    };
    let mut found: Vec<(usize, String)> = Vec::new();
    found.extend(numeric.captures_iter(&head).find_map(|c| {
        let m: u32 = c.get(2)?.as_str().parse().ok()?;
        Some((
            c.get(0)?.start(),
            date(c.get(1)?.as_str(), m, c.get(3)?.as_str())?,
        ))
    }));
    found.extend(month_first.captures_iter(&head).find_map(|c| {
        let m = month(c.get(1)?.as_str())?;
        Some((
            c.get(0)?.start(),
            date(c.get(3)?.as_str(), m, c.get(2)?.as_str())?,
        ))
    }));
    found.extend(day_first.captures_iter(&head).find_map(|c| {
        let m = month(c.get(2)?.as_str())?;
        Some((
            c.get(0)?.start(),
            date(c.get(3)?.as_str(), m, c.get(1)?.as_str())?,
        ))
    }));
    found.into_iter().min().map(|(_, d)| d)
}

/// `2020-07-31`, `2015年02月05日`; `Oct. 17, 2024`, `September 24, 2024`; `12 Sep 2024`.
fn date_regexes() -> &'static (regex::Regex, regex::Regex, regex::Regex) {
    static RE: std::sync::OnceLock<(regex::Regex, regex::Regex, regex::Regex)> =
        std::sync::OnceLock::new();
    RE.get_or_init(|| {
        let re = |p: &str| regex::Regex::new(p).unwrap_or_else(|_| unreachable!("constant regex"));
        const MONTH: &str = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?";
        (
            re(r"((?:19|20)\d\d)(?:-|/|年|\.)(\d{1,2})(?:-|/|月|\.)(\d{1,2})"),
            re(&format!(r"\b{MONTH} (\d{{1,2}}),? ((?:19|20)\d\d)\b")),
            re(&format!(r"\b(\d{{1,2}}) {MONTH},? ((?:19|20)\d\d)\b")),
        )
    })
}

/// The headline: the first short line without sentence punctuation inside, within the
/// first lines of the text, that is not boilerplate.
fn headline(text: &Text) -> Option<String> {
    let full: String = text.original.iter().collect();
    for line in full.lines().take(12) {
        let t = line.trim();
        let n = t.chars().count();
        let (numeric, month_first, day_first) = date_regexes();
        let dated = numeric.is_match(t) || month_first.is_match(t) || day_first.is_match(t);
        if !(6..=80).contains(&n) || dated {
            continue;
        }
        if t.ends_with('。') || t.ends_with('.') && n > 60 {
            continue;
        }
        // (Nor is a byline: "By Megan Caldwell, Staff Writer".)
        if ["打开", "APP", "客户端", "小贴士", "点击"]
            .iter()
            .any(|w| t.contains(w))
            || t.starts_with("By ")
        {
            continue;
        }
        return Some(t.to_owned());
    }
    None
}

/// Decodes article bytes: UTF-8 (with or without BOM), else GB18030 when it decodes
/// cleanly. Binary data (NUL bytes, mostly control characters) is rejected.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String> {
    let not_text = |reason: String| Error::NotText {
        path: path.to_path_buf(),
        reason,
    };
    if let Some(i) = bytes.iter().position(|&b| b == 0) {
        return Err(not_text(format!("binary data (NUL) at byte {i}")));
    }
    let control = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if !bytes.is_empty() && control * 10 > bytes.len() {
        return Err(not_text(format!(
            "binary data: {control} control bytes in {}",
            bytes.len()
        )));
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(s) => Ok(s.to_owned()),
        Err(utf8) => {
            let (decoded, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(body);
            if had_errors {
                Err(not_text(format!(
                    "invalid UTF-8 and GB18030 at byte {}",
                    utf8.valid_up_to()
                )))
            } else {
                Ok(decoded.into_owned())
            }
        }
    }
}

/// Entity types that are organisations (for rules that treat them alike).
pub fn is_organisation(kind: EntityType) -> bool {
    matches!(
        kind,
        EntityType::Bank
            | EntityType::Company
            | EntityType::Association
            | EntityType::GovernmentBody
            | EntityType::ResearchBody
    )
}

#[cfg(test)]
#[expect(
    clippy::unwrap_used,
    reason = "a failing test should panic with its value"
)]
mod tests {
    use super::*;

    #[test]
    fn decode_accepts_utf8_bom_and_gb18030() {
        let p = Path::new("a.txt");
        assert_eq!(decode(p, "\u{feff}大连".as_bytes()).unwrap(), "大连");
        let (gb, _, _) = encoding_rs::GB18030.encode("大连市");
        assert_eq!(decode(p, &gb).unwrap(), "大连市");
        assert!(
            decode(p, b"ab\0cd")
                .unwrap_err()
                .to_string()
                .contains("byte 2")
        );
    }

    fn extractor() -> &'static Extractor {
        static X: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
        X.get_or_init(|| Extractor::new().unwrap())
    }

    fn has(out: &Extraction, kind: EntityType, name: &str) -> bool {
        out.entities
            .iter()
            .any(|e| e.kind == kind && (e.name == name || e.aliases.iter().any(|a| a == name)))
    }

    /// Asserts every (type, name) is an entity, by name or alias.
    fn assert_entities(out: &Extraction, expected: &[(EntityType, &str)]) {
        for &(kind, name) in expected {
            assert!(has(out, kind, name), "{kind:?} {name}: {:?}", out.entities);
        }
    }

    /// Asserts every (subject, predicate, object) holds, by name or alias.
    fn assert_relations(out: &Extraction, expected: &[(&str, &str, &str)]) {
        for &(s, p, o) in expected {
            assert!(
                rel(out, s, p, o).is_some(),
                "{s} {p} {o}: {:?}",
                out.relations
            );
        }
    }

    fn rel<'a>(
        out: &'a Extraction,
        subject: &str,
        predicate: &str,
        object: &str,
    ) -> Option<&'a crate::model::Relation> {
        // An entity goes by its name or any alias (Hubei of "Hubei province").
        let named = |id: &str, name: &str| {
            out.entity(id)
                .is_some_and(|e| e.name == name || e.aliases.iter().any(|a| a == name))
        };
        out.relations.iter().find(|r| {
            r.predicate.as_str() == predicate
                && named(&r.subject, subject)
                && named(&r.object, object)
        })
    }

    #[test]
    fn participants_after_de_you_and_demonstrative_event_agents() {
        let out = extractor().extract(
            "t.txt",
            "“2023中德经贸合作论坛”在金鸡湖国际会议中心举行。本届论坛由苏州市人民政府主办，\
             苏州市商务局、德国工商会承办。出席论坛的有苏州市副市长王海、德国驻上海总领事施密特、\
             苏州市贸促会会长李明等。",
        );
        let ev = "2023中德经贸合作论坛";
        for p in ["王海", "施密特", "李明"] {
            assert!(
                rel(&out, p, "participatedIn", ev).is_some(),
                "{p}: {:?}",
                out.relations
            );
        }
        assert!(rel(&out, ev, "organizedBy", "苏州市人民政府").is_some());
        assert!(rel(&out, ev, "coOrganizedBy", "苏州市商务局").is_some());
        assert!(rel(&out, ev, "coOrganizedBy", "德国工商会").is_some());
    }

    #[test]
    fn invests_in_the_place_after_zai_and_opened_at() {
        let out = extractor().extract(
            "t.txt",
            "华东精密株式会社将在苏州工业园区投资5000万美元建设工厂。\
             德国工商会驻苏州代表处在苏州高新区揭牌。中新合作示范区是苏州工业园区的重要组成部分。",
        );
        assert!(
            rel(&out, "华东精密株式会社", "investsIn", "苏州工业园区").is_some(),
            "{:?}",
            out.relations
        );
        assert!(rel(&out, "德国工商会驻苏州代表处", "locatedIn", "苏州高新区").is_some());
        assert!(rel(&out, "中新合作示范区", "partOf", "苏州工业园区").is_some());
        // 并与B结为…: the subject is the sentence's topic.
        let out = extractor().extract(
            "t.txt",
            "苏州已与日本金泽市结为友好城市，并与日本横滨市结为经济合作伙伴城市。",
        );
        assert!(
            rel(&out, "苏州", "economicPartnerCity", "横滨市").is_some()
                || rel(&out, "横滨市", "economicPartnerCity", "苏州").is_some(),
            "{:?}",
            out.relations
        );
        // Not inside a name: 投资 in 投资促进局 states no investment.
        let out = extractor().extract("t.txt", "苏州市投资促进局在苏州工业园区召开会议。");
        assert!(
            out.relations
                .iter()
                .all(|r| r.predicate.as_str() != "investsIn")
        );
    }

    #[test]
    fn english_organizers_venue_sister_city_and_investment() {
        let out = extractor().extract(
            "t.txt",
            "Shenzhen and Houston signed a memorandum of understanding on Monday, adding content \
             to a sister-city relationship that dates back to 1986.\n\
             The memorandum was signed at the opening of the 2023 Texas-Shenzhen Trade Fair. The \
             fair, held at the Shenzhen Convention Center, was organized by the Shenzhen municipal \
             government and co-organized by the Shenzhen Bureau of Commerce and the Texas Office of \
             Trade.\n\
             At the fair, Austin-based Bluebird Robotics announced that it will invest $20 million \
             in a plant in Shenzhen's Nanshan district.\n",
        );
        let ev = "2023 Texas-Shenzhen Trade Fair";
        assert!(
            rel(&out, "Shenzhen", "friendshipCity", "Houston").is_some(),
            "{:?}",
            out.relations
        );
        assert!(rel(&out, ev, "heldAt", "Shenzhen Convention Center").is_some());
        assert!(rel(&out, ev, "organizedBy", "Shenzhen municipal government").is_some());
        assert!(rel(&out, ev, "coOrganizedBy", "Shenzhen Bureau of Commerce").is_some());
        assert!(rel(&out, ev, "coOrganizedBy", "Texas Office of Trade").is_some());
        assert!(has(&out, EntityType::Company, "Bluebird Robotics"));
        assert!(rel(&out, "Bluebird Robotics", "investsIn", "Nanshan district").is_some());
    }

    #[test]
    fn organisations_by_suffix_start_at_the_place() {
        let out = extractor().extract("t.txt", "会议由苏州市人民政府主办，苏州市贸促会承办。");
        assert!(
            has(&out, EntityType::GovernmentBody, "苏州市人民政府"),
            "{:?}",
            out.entities
        );
        assert!(has(&out, EntityType::GovernmentBody, "苏州市贸促会"));
        assert!(rel(&out, "苏州市贸促会", "locatedIn", "苏州市").is_some());
    }

    #[test]
    fn branch_is_part_of_its_bank() {
        let out = extractor().extract(
            "t.txt",
            "三井住友银行(中国)有限公司大连分行行长王海表示欢迎。",
        );
        assert!(
            has(&out, EntityType::Bank, "三井住友银行(中国)有限公司大连分行"),
            "{:?}",
            out.entities
        );
        assert!(
            rel(
                &out,
                "三井住友银行(中国)有限公司大连分行",
                "partOf",
                "三井住友银行(中国)有限公司"
            )
            .is_some()
        );
        assert!(
            rel(
                &out,
                "王海",
                "positionAt",
                "三井住友银行(中国)有限公司大连分行"
            )
            .is_some()
        );
    }

    #[test]
    fn titles_give_people_posts_and_nationality() {
        let out = extractor().extract("t.txt", "日本大阪市市长松井一郎出席了签约仪式。");
        assert!(
            has(&out, EntityType::Person, "松井一郎"),
            "{:?}",
            out.entities
        );
        let r = rel(&out, "松井一郎", "positionAt", "大阪市").expect("positionAt");
        assert_eq!(r.qualifiers.role.as_deref(), Some("市长"));
        assert!(rel(&out, "松井一郎", "nationality", "日本").is_some());
    }

    #[test]
    fn friendship_cities_from_a_list() {
        let out = extractor().extract("t.txt", "大连与日本北九州、舞鹤等城市建立了友好城市关系。");
        assert!(
            rel(&out, "大连市", "friendshipCity", "北九州市").is_some()
                || rel(&out, "大连", "friendshipCity", "北九州").is_some(),
            "{:?}",
            out.relations
        );
        let evidence = &out
            .relations
            .iter()
            .find(|r| r.predicate.as_str() == "friendshipCity")
            .unwrap()
            .evidence;
        assert!("大连与日本北九州、舞鹤等城市建立了友好城市关系。".contains(evidence.as_str()));
    }

    #[test]
    fn trade_partner_rank() {
        let out = extractor().extract("t.txt", "韩国是烟台市最大的贸易伙伴。");
        let r = out
            .relations
            .iter()
            .find(|r| r.predicate.as_str() == "tradePartner")
            .expect("tradePartner");
        assert_eq!(r.qualifiers.rank, Some(1));
    }

    #[test]
    fn organiser_and_venue_of_an_event() {
        let out = extractor().extract(
            "t.txt",
            "9月5日，由苏州市人民政府主办的“中新合作论坛”在苏州国际博览中心举行。",
        );
        assert!(
            has(&out, EntityType::Event, "中新合作论坛"),
            "{:?}",
            out.entities
        );
        assert!(
            rel(&out, "中新合作论坛", "organizedBy", "苏州市人民政府").is_some(),
            "{:?}",
            out.relations
        );
    }

    #[test]
    fn declared_short_form_is_an_alias() {
        let out = extractor().extract(
            "t.txt",
            "大连日本商工会(简称商工会)成立十年。商工会会员众多。",
        );
        let e = out
            .entities
            .iter()
            .find(|e| e.name == "大连日本商工会")
            .expect("entity");
        assert!(e.aliases.iter().any(|a| a == "商工会"));
        assert_eq!(e.mentions.len(), 3);
    }

    #[test]
    fn english_people_and_sister_cities() {
        let text = "Kunming and Chiang Mai have been declared sister cities. Li Ming, the mayor of Kunming, visited Chiang Mai.";
        let out = extractor().extract("t.txt", text);
        assert_eq!(out.language, "en");
        assert!(
            has(&out, EntityType::Person, "Li Ming"),
            "{:?}",
            out.entities
        );
        assert!(
            out.relations
                .iter()
                .any(|r| r.predicate.as_str() == "positionAt")
        );
    }

    #[test]
    fn english_names_run_on_over_of_phrases() {
        let text = "The fair was co-organized by the Lakeside Bureau of Commerce and the Ohio Office of Trade and Investment. The Riverton Bureau said more.";
        let out = extractor().extract("t.txt", text);
        assert!(
            has(
                &out,
                EntityType::GovernmentBody,
                "Lakeside Bureau of Commerce"
            ),
            "{:?}",
            out.entities
        );
        assert!(
            has(
                &out,
                EntityType::GovernmentBody,
                "Ohio Office of Trade and Investment"
            ),
            "{:?}",
            out.entities
        );
        assert!(
            !has(&out, EntityType::GovernmentBody, "Ohio Office"),
            "{:?}",
            out.entities
        );
    }

    #[test]
    fn english_events_keep_their_edition_year() {
        let text =
            "The deal was signed at the opening of the 2021 Lakeside-Ohio Trade Fair in Toledo.";
        let out = extractor().extract("t.txt", text);
        assert!(
            has(&out, EntityType::Event, "2021 Lakeside-Ohio Trade Fair"),
            "{:?}",
            out.entities
        );
    }

    #[test]
    fn english_appositive_titles_without_article() {
        let text = "Anna Berg, executive director of the Ohio Office of Trade, met Vice-Mayor Wang Jun in Toledo. Tom Reed, head of sales, did not come.";
        let out = extractor().extract("t.txt", text);
        assert!(
            has(&out, EntityType::Person, "Anna Berg"),
            "{:?}",
            out.entities
        );
        assert!(
            has(&out, EntityType::Person, "Wang Jun"),
            "{:?}",
            out.entities
        );
    }

    #[test]
    fn english_lower_case_district_and_us_short_form() {
        let text = "The company will invest US$50 million in Toledo's Maumee district. Trade between Toledo and the US grew.";
        let out = extractor().extract("t.txt", text);
        assert!(
            has(&out, EntityType::District, "Maumee district"),
            "{:?}",
            out.entities
        );
        let us = out
            .entities
            .iter()
            .find(|e| e.kind == EntityType::Country)
            .expect("US");
        assert_eq!(us.mentions.len(), 1, "US$ is a currency: {:?}", us.mentions);
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "ＡＢＣ,大连市政府表示:欢迎。";
        let out = extractor().extract("t.txt", text);
        let chars: Vec<char> = text.chars().collect();
        for e in &out.entities {
            for m in &e.mentions {
                let s: String = chars[m.span.start..m.span.end].iter().collect();
                assert_eq!(s, m.text);
            }
        }
        for r in &out.relations {
            let s: String = chars[r.start..r.end].iter().collect();
            assert_eq!(s, r.evidence);
        }
    }

    #[test]
    fn nothing_in_empty_or_plain_text() {
        assert!(extractor().extract("e.txt", "").entities.is_empty());
        let out = extractor().extract("p.txt", "今天天气很好，我们去公园散步。");
        assert!(out.entities.is_empty(), "{:?}", out.entities);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn extract_never_panics(s in "\\PC{0,200}") {
            let out = extractor().extract("p.txt", &s);
            let n = s.chars().count();
            for r in &out.relations {
                proptest::prop_assert!(r.start <= r.end && r.end <= n);
            }
        }

        #[test]
        fn extract_never_panics_on_article_like_text(parts in proptest::collection::vec(proptest::sample::select(vec![
            "大连", "日本", "市长", "李明", "“", "”", "(", ")", "与", "、", "，", "。", "友好城市", "有限公司", "分行",
            "由", "主办", "在", "举行", "出席", "简称", "该", "示范区", "第三大贸易伙伴", "\n", " ", "·", "Mayor", "Bank", "said", ",",
            "Boston", "Japan", "British", "largest source of foreign investment", "trading partner", "-based",
            "'s", "investment", "visited", "four", "2,000", "$3 billion", "By ", "the firm's", "市", "州", "埃斯",
            "(以下简称\"斯州\")", "第二十六次会议", "周年纪念大会", "缔结", "2024", "Consul General", ", a ",
            "company based in", " with ", "signed", "at the summit", "18. ", "Liu", "投资促进局", "株式会社",
            "现场签约", "入驻", "in the ", "students from ", "held at", "borough of", "administrative committee of",
        ]), 0..60)) {
            let s: String = parts.concat();
            let _ = extractor().extract("p.txt", &s);
        }
    }

    #[test]
    fn extractor_is_shareable_across_threads() {
        fn send_sync<T: Send + Sync>() {}
        send_sync::<Extractor>();
    }

    #[test]
    fn data_dir_adds_gazetteer_rows_and_names_bad_lines() {
        let dir = std::env::temp_dir().join(format!("cckg-extract-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("gazetteer")).unwrap();
        std::fs::write(
            dir.join("gazetteer/extra.tsv"),
            "id\ttype\tname\taliases\tabbrev\tlabel_en\tparent\tcountry\twikidata\ncckg:test-town\tCity\t测例镇\t\t\tCeli\tiso:CN\tCN\t\n",
        )
        .unwrap();
        let x = Extractor::with_data_dir(&dir).unwrap();
        let out = x.extract("t.txt", "测例镇与日本合作。");
        assert!(has(&out, EntityType::City, "测例镇"), "{:?}", out.entities);
        std::fs::write(
            dir.join("rules.toml"),
            "[[rule]]\nname = \"x\"\npredicate = \"nope\"\n",
        )
        .unwrap();
        let err = Extractor::with_data_dir(&dir).err().unwrap().to_string();
        assert!(err.contains("rules.toml:"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn published_and_title() {
        let out = extractor().extract(
            "a.txt",
            "示例城市合作新闻标题\n2020-07-31 12:18 某报\n正文。",
        );
        assert_eq!(out.published.as_deref(), Some("2020-07-31"));
        assert_eq!(out.title.as_deref(), Some("示例城市合作新闻标题"));
        // English date lines: the first date written, month first or day first; a byline
        // and a dated line are no headline.
        for (head, date) in [
            ("River Valley Ledger | Sept. 24, 2024", "2024-09-24"),
            ("Published: 6:30pm, 12 Sep 2024", "2024-09-12"),
            (
                "Updated: 2023-11-16 08:40 | since March 3, 2019",
                "2023-11-16",
            ),
        ] {
            let out = extractor().extract(
                "a.txt",
                &format!("Port towns sign a new freight pact\n\n{head}\nBy Ann Lee, Staff Writer\n\nText."),
            );
            assert_eq!(out.published.as_deref(), Some(date), "{head}");
            assert_eq!(
                out.title.as_deref(),
                Some("Port towns sign a new freight pact")
            );
        }
    }

    fn period(out: &Extraction, measure: &str, value: f64) -> Option<String> {
        out.facts
            .iter()
            .find(|f| f.measure.as_str() == measure && (f.value - value).abs() < 1e-6)
            .and_then(|f| f.period.clone())
    }

    #[test]
    fn english_relative_years_events_named_before_and_pledges() {
        let out = extractor().extract(
            "t.txt",
            "Published: 3 Jun 2025\n\n\
             Trade between Victoria and Sichuan reached 8.4 billion yuan last year, up 6.1 per \
             cent from 2023.\n\
             Sichuan received about 50,000 visitors from Victoria last year, and more than 800 \
             students from Sichuan are studying in Melbourne.\n\
             The highlight of the visit, the 2025 Victoria-Sichuan Food Expo, was held on Monday \
             at the Chengdu Century City Convention Center. It was organised by the Sichuan \
             Provincial Department of Commerce and co-organised by the Victoria-Sichuan Business \
             Council. Deals worth 320 million yuan were signed at the expo.\n\
             Melbourne-based Harbour Grain Group has pledged US$75 million to a flour mill in \
             Chengdu. Harbour Grain chairman Tom Reed said the mill would open in 2027.\n",
        );
        assert_eq!(period(&out, "tradeVolume", 8.4e9).as_deref(), Some("2024"));
        // "last year" is the visitors' year, not the students'.
        assert_eq!(
            period(&out, "annualVisitors", 5.0e4).as_deref(),
            Some("2024")
        );
        assert!(
            out.facts
                .iter()
                .any(|f| f.measure.as_str() == "residentPersons" && f.period.is_none()),
            "{:?}",
            out.facts
        );
        let ev = "2025 Victoria-Sichuan Food Expo";
        assert!(rel(&out, ev, "heldAt", "Chengdu Century City Convention Center").is_some());
        assert!(
            rel(
                &out,
                ev,
                "organizedBy",
                "Sichuan Provincial Department of Commerce"
            )
            .is_some(),
            "{:?}",
            out.relations
        );
        assert!(
            rel(
                &out,
                ev,
                "coOrganizedBy",
                "Victoria-Sichuan Business Council"
            )
            .is_some()
        );
        // "organised by" inside "co-organised by" names no organiser.
        assert!(rel(&out, ev, "organizedBy", "Victoria-Sichuan Business Council").is_none());
        assert_eq!(
            fact(&out, "contractValue", 3.2e8).map(|f| f.0).as_deref(),
            Some(ev)
        );
        assert_eq!(
            fact(&out, "investmentAmount", 7.5e7)
                .map(|f| f.0)
                .as_deref(),
            Some("Harbour Grain Group")
        );
        // A firm named by part of its name before a title.
        assert!(rel(&out, "Tom Reed", "positionAt", "Harbour Grain Group").is_some());
        // Titles in capitals; a title is no part of a firm's name.
        let out = extractor().extract(
            "t.txt",
            "May 3, 2024\n\nHanbit Motors CEO Lee Sang-ho said the plant would open in 2026. \
             The deal was welcomed by Park Ji-min, CEO of Daehan Robotics.\n",
        );
        assert!(rel(&out, "Lee Sang-ho", "positionAt", "Hanbit Motors").is_some());
        assert!(
            has(&out, EntityType::Company, "Daehan Robotics"),
            "{:?}",
            out.entities
        );
    }

    #[test]
    fn provincial_departments_ranks_and_venue_names() {
        let out = extractor().extract(
            "t.txt",
            "2024年5月8日\n\n\
             云南省商务厅与老挝驻昆明总领事馆共同主办的“2024云南—老挝经贸推介会”在昆明汉唐国际会议中心举行。\
             省商务厅副厅长周明出席并致辞。老挝驻华大使馆一等秘书宋提在线参加。\
             推介会是“滇品出海”系列活动的重要一站，现场共签约项目8个，签约总金额5.2亿元。\
             与会代表还参观了昆明翠湖公园和中国（云南）—老挝产能合作园。\
             班列经哈萨克斯坦多斯特克口岸出境。",
        );
        assert!(
            has(&out, EntityType::GovernmentBody, "省商务厅")
                && rel(&out, "周明", "positionAt", "云南省商务厅").is_some(),
            "{:?} {:?}",
            out.entities,
            out.relations
        );
        assert!(has(&out, EntityType::Person, "宋提"), "{:?}", out.entities);
        assert!(has(&out, EntityType::Venue, "昆明汉唐国际会议中心"));
        assert!(
            has(&out, EntityType::Venue, "昆明翠湖公园"),
            "{:?}",
            out.entities
        );
        assert!(has(
            &out,
            EntityType::EconomicZone,
            "中国（云南）—老挝产能合作园"
        ));
        // A foreign crossing in transliteration, cut by the segmenter (多/斯特克).
        assert!(
            has(&out, EntityType::Venue, "多斯特克口岸"),
            "{:?}",
            out.entities
        );
        assert_eq!(
            fact(&out, "contractValue", 5.2e8).map(|f| f.0).as_deref(),
            Some("2024云南—老挝经贸推介会")
        );
    }

    #[test]
    fn visits_to_wo_shi_and_a_delegation_of_the_city_own() {
        let out = extractor().extract(
            "t.txt",
            "2024年5月8日\n\n昆明市与万象市缔结友好城市10周年纪念活动在昆明举行。\
             万象市副市长宋萨率代表团一行15人于5月6日至9日访问我市。\
             昆明市副市长李华会见了代表团。昆明市将与万象市深化合作。\n\n\
             下一步，我市还将组织经贸代表团回访万象。",
        );
        assert!(
            rel(&out, "宋萨", "visited", "昆明市").is_some(),
            "{:?}",
            out.relations
        );
        // The city's own delegation later is not the visitor's.
        assert!(
            rel(&out, "宋萨", "visited", "万象市").is_none(),
            "{:?}",
            out.relations
        );
    }

    #[test]
    fn capital_of_a_place_invests_in_the_city_of_the_report() {
        let out = extractor().extract(
            "t.txt",
            "无锡市商务局2023年工作总结\n发布日期:2024-01-18\n\n\
             2023年,我局坚持把对韩合作作为\"一号工程\",全年新批韩资项目52个,同比增长8.1%。\
             韩国是无锡第二大外资来源地,无锡与韩国的友好交往不断深入。",
        );
        assert_eq!(
            fact(&out, "investmentProjects", 52.0),
            Some(("韩国".to_owned(), Some("无锡市".to_owned()))),
            "{:?}",
            out.facts
        );
        assert_eq!(
            period(&out, "investmentProjects", 52.0).as_deref(),
            Some("2023")
        );
    }

    #[test]
    fn english_appositions_industrial_complexes_and_sister_regions() {
        let out = extractor().extract(
            "t.txt",
            "BUSAN, May 3 (Wire) -- South Gyeongsang Province and China's Hunan Province marked \
             20 years of their sister-region ties on Friday.\n\
             Separately, Hunan Xiangjiang Motor Co., based in the Hunan city of Zhuzhou, agreed \
             to invest $36 million in a plant in the Changwon National Industrial Complex.\n",
        );
        assert_eq!(
            fact(&out, "investmentAmount", 3.6e7),
            Some((
                "Hunan Xiangjiang Motor Co.".to_owned(),
                Some("Changwon National Industrial Complex".to_owned())
            )),
            "{:?}",
            out.facts
        );
        assert!(
            rel(
                &out,
                "South Gyeongsang Province",
                "friendshipCity",
                "Hunan Province"
            )
            .is_some()
                || rel(
                    &out,
                    "Hunan Province",
                    "friendshipCity",
                    "South Gyeongsang Province"
                )
                .is_some(),
            "{:?}",
            out.relations
        );
        // The apposition says where the firm is.
        assert!(
            rel(&out, "Hunan Xiangjiang Motor Co.", "locatedIn", "Zhuzhou").is_some(),
            "{:?}",
            out.relations
        );
    }

    #[test]
    fn ordinal_partner_cities_and_what_reporters_learnt() {
        let out = extractor().extract(
            "t.txt",
            "新华社南宁5月8日电（记者李明）记者从开幕式上获悉，南宁市与越南海防市签署友好城市协议，\
             这是南宁市缔结的第23对国际友好城市。1985年，南宁与日本某市结为南宁的第一对友好城市。",
        );
        assert_eq!(
            fact(&out, "friendshipCityCount", 23.0)
                .map(|f| f.0)
                .as_deref(),
            Some("南宁市")
        );
        assert!(
            fact(&out, "friendshipCityCount", 1.0).is_none(),
            "{:?}",
            out.facts
        );
        assert!(
            !out.entities.iter().any(|e| e.name.starts_with('从')),
            "{:?}",
            out.entities
        );
        assert!(has(&out, EntityType::Person, "李明"));
    }

    #[test]
    fn a_foreign_bank_without_its_country_and_banks_of_an_origin() {
        let out = extractor().extract(
            "t.txt",
            "去年11月，泰国暹华商业银行南宁分行开业，成为广西首家泰资银行分支机构。\
             开业半年来，暹华银行南宁分行已为近百家企业办理跨境结算。南宁某农商行还与暹华银行签署了协议。",
        );
        let bank = out
            .entities
            .iter()
            .find(|e| e.name == "泰国暹华商业银行")
            .expect("the bank");
        assert!(
            bank.aliases.iter().any(|a| a == "暹华银行"),
            "{:?}",
            out.entities
        );
        assert!(
            !has(&out, EntityType::Bank, "泰资银行"),
            "{:?}",
            out.entities
        );
    }

    #[test]
    fn first_edition_belongs_to_the_event_name() {
        let out = extractor().extract("t.txt", "两市将筹办首届昆明—万象青年书画交流展。");
        assert!(
            has(&out, EntityType::Event, "首届昆明—万象青年书画交流展"),
            "{:?}",
            out.entities
        );
    }

    fn fact(out: &Extraction, measure: &str, value: f64) -> Option<(String, Option<String>)> {
        let name = |id: &str| out.entity(id).map(|e| e.name.clone()).unwrap_or_default();
        out.facts
            .iter()
            .find(|f| f.measure.as_str() == measure && (f.value - value).abs() < 1e-6)
            .map(|f| (name(&f.subject), f.object.as_deref().map(name)))
    }

    #[test]
    fn english_titles_after_names_possessives_and_bylines() {
        let out = extractor().extract(
            "t.txt",
            "By WANG LEI in Lyon\n\n\
             Wuhan and Lyon signed a memorandum on Tuesday. Lyon's deputy mayor for culture, \
             Claire Martin, attended the ceremony with Li Qiang, counselor for economic affairs \
             at the Chinese Embassy. \"We came for the talent,\" said Paul Durand, the firm's \
             chief executive, after Rhone Robotics opened its office.",
        );
        for p in ["WANG LEI", "Claire Martin", "Li Qiang", "Paul Durand"] {
            assert!(has(&out, EntityType::Person, p), "{p}: {:?}", out.entities);
        }
        assert!(rel(&out, "Claire Martin", "positionAt", "Lyon").is_some());
        assert!(rel(&out, "Li Qiang", "positionAt", "Chinese Embassy").is_some());
        // "the firm's" refers back to no company here: the one named before is too far.
        assert!(rel(&out, "Paul Durand", "positionAt", "Lyon").is_none());
    }

    #[test]
    fn reporters_work_for_the_outlet_of_the_source_line() {
        let out = extractor().extract(
            "t.txt",
            "示例标题\n\n2023-11-18 08:45 海滨经贸时报\n\n本报讯(记者 陈思远)昨日,两市签署协议。\n\n\
             瓦隆集团中国区总裁皮埃尔·勒菲弗出席。",
        );
        assert!(
            rel(&out, "陈思远", "positionAt", "海滨经贸时报").is_some(),
            "{:?}",
            out.relations
        );
        assert!(rel(&out, "皮埃尔·勒菲弗", "positionAt", "瓦隆集团").is_some());
        let out = extractor().extract(
            "t.txt",
            "Title\n\n2024-11-08 07:55 Source: Pearl River Herald\n\nBy CHEN MING in Guangzhou\n\n\
             Marcus Reid, Los Angeles' deputy mayor for trade, spoke.",
        );
        assert!(rel(&out, "CHEN MING", "positionAt", "Pearl River Herald").is_some());
        assert!(rel(&out, "Marcus Reid", "positionAt", "Los Angeles").is_some());
    }

    #[test]
    fn english_based_companies_and_possessive_districts() {
        let out = extractor().extract(
            "t.txt",
            "Munich-based Alpenwerk Robotics will open a center in Wuhan's Hanyang district,              and Capital Daily reported that Wuhan-headquartered Yangtze Motors will expand.",
        );
        assert!(rel(&out, "Alpenwerk Robotics", "locatedIn", "Munich").is_some());
        assert!(rel(&out, "Yangtze Motors", "locatedIn", "Wuhan").is_some());
        assert!(rel(&out, "Hanyang district", "partOf", "Wuhan").is_some());
        let out = extractor().extract(
            "t.txt",
            "Pasadena-based Harbor Light Therapeutics will ship through Wuhan's Yangluo Port.",
        );
        assert!(rel(&out, "Harbor Light Therapeutics", "locatedIn", "Pasadena").is_some());
        assert!(
            rel(&out, "Yangluo Port", "locatedIn", "Wuhan").is_some(),
            "{:?}",
            out.relations
        );
        let out = extractor().extract("t.txt", "江夏经济开发区管委会主任王强出席。");
        assert!(
            rel(&out, "江夏经济开发区管委会", "locatedIn", "江夏经济开发区").is_some(),
            "{:?}",
            out.relations
        );
        // A newspaper's name is no province.
        assert!(
            !has(&out, EntityType::Province, "Capital"),
            "{:?}",
            out.entities
        );
    }

    #[test]
    fn english_ranks_and_overlapping_triggers() {
        let out = extractor().extract(
            "t.txt",
            "The United States is Hangzhou's second-largest trading partner. Japan is the \
             city's largest source of foreign investment.",
        );
        let partner = rel(&out, "United States", "tradePartner", "Hangzhou").expect("partner");
        assert_eq!(partner.qualifiers.rank, Some(2));
    }

    #[test]
    fn country_adjectives_are_mentions_not_names() {
        let out = extractor().extract(
            "t.txt",
            "More than 300 French companies now have offices in Wuhan. About 2,000 French \
             citizens live in Wuhan, and there are four direct flights a day between the cities.",
        );
        let france = out
            .entities
            .iter()
            .find(|e| e.kind == EntityType::Country)
            .expect("France");
        assert_eq!(france.name, "France");
        assert!(france.aliases.is_empty(), "{:?}", france.aliases);
        assert_eq!(france.mentions.len(), 2);
        let wuhan = Some("Wuhan".to_owned());
        assert_eq!(
            fact(&out, "residentCompanies", 300.0),
            Some(("France".to_owned(), wuhan.clone()))
        );
        assert_eq!(
            fact(&out, "residentPersons", 2000.0),
            Some(("France".to_owned(), wuhan))
        );
        assert!(fact(&out, "dailyFlights", 4.0).is_some(), "{:?}", out.facts);
    }

    #[test]
    fn transliterated_places_and_compounds_inside_words() {
        let out = extractor().extract(
            "t.txt",
            "2019年,扬州与德国巴伐利亚州的金茨堡市结为友好城市。该基地是集团在德国本土以外最大的工厂。",
        );
        assert!(
            has(&out, EntityType::City, "金茨堡市"),
            "{:?}",
            out.entities
        );
        assert!(has(&out, EntityType::Province, "巴伐利亚州"));
        let capital = extractor().extract("t.txt", "代表团访问了马来西亚槟城州首府乔治市。");
        assert!(
            rel(&capital, "乔治市", "partOf", "槟城州").is_some(),
            "{:?}",
            capital.relations
        );
        assert!(rel(&out, "扬州", "friendshipCity", "金茨堡市").is_some());
        // 本土以外 is no compound of Turkey and Israel.
        assert_eq!(
            out.entities
                .iter()
                .filter(|e| e.kind == EntityType::Country)
                .count(),
            1,
            "{:?}",
            out.entities
        );
    }

    #[test]
    fn offices_people_and_visits() {
        let out = extractor().extract(
            "t.txt",
            "韩国贸易协会上海代表处与江原道驻沈阳经贸代表处签署协议。北海道札幌市驻沈阳办事处所长山本步美说,\
             大阪府副知事山田一郎率经贸代表团来大连访问。副总领事玛丽亚·施密特出席。",
        );
        assert!(has(&out, EntityType::Association, "韩国贸易协会上海代表处"));
        assert!(has(
            &out,
            EntityType::GovernmentBody,
            "江原道驻沈阳经贸代表处"
        ));
        assert!(rel(&out, "江原道驻沈阳经贸代表处", "partOf", "江原道").is_some());
        assert!(rel(&out, "北海道札幌市驻沈阳办事处", "partOf", "札幌市").is_some());
        for p in ["山本步美", "山田一郎", "玛丽亚·施密特"] {
            assert!(has(&out, EntityType::Person, p), "{p}: {:?}", out.entities);
        }
        // A family name that is also a small town is no place here.
        assert!(!has(&out, EntityType::City, "山本"));
        assert!(rel(&out, "山田一郎", "visited", "大连").is_some());
    }

    #[test]
    fn compounds_banks_and_two_field_ministries() {
        let out = extractor().extract(
            "t.txt",
            "来源:巴渝观察。中国银行宁波市分行与老挝工业与贸易部签署协议,中韩两国企业参加,韩国代表出席。",
        );
        assert!(
            has(&out, EntityType::Bank, "中国银行"),
            "{:?}",
            out.entities
        );
        assert!(rel(&out, "中国银行宁波市分行", "partOf", "中国银行").is_some());
        assert!(has(&out, EntityType::GovernmentBody, "老挝工业与贸易部"));
        // 中韩 with 韩国 named in full; 巴渝 without any country named 巴….
        assert!(has(&out, EntityType::Country, "韩国"));
        assert!(
            out.entities
                .iter()
                .all(|e| e.name != "巴" && !e.aliases.iter().any(|a| a == "巴")),
            "{:?}",
            out.entities
        );
    }

    #[test]
    fn fact_subjects_skip_qualifying_places() {
        let out = extractor().extract(
            "t.txt",
            "Munich-based Alpenwerk Robotics will invest $30 million in Wuhan. By June, German \
             investors had set up more than 400 companies in Wuhan. Wuhan Tianhe International \
             Airport operates two daily flights to Munich.",
        );
        let pair = |a: &str, b: Option<&str>| Some((a.to_owned(), b.map(str::to_owned)));
        assert_eq!(
            fact(&out, "investmentAmount", 3e7),
            pair("Alpenwerk Robotics", Some("Wuhan"))
        );
        assert_eq!(
            fact(&out, "residentCompanies", 400.0),
            pair("Germany", Some("Wuhan"))
        );
        assert!(fact(&out, "dailyFlights", 2.0).is_some(), "{:?}", out.facts);
        let out = extractor().extract(
            "t.txt",
            "中德合作示范区位于山东省青岛市黄岛区,规划面积11.6平方公里。",
        );
        assert_eq!(fact(&out, "area", 11.6), pair("中德合作示范区", None));
    }

    #[test]
    fn names_titles_and_places_inside_names() {
        let out = extractor().extract(
            "t.txt",
            "会议由苏州市副市长王海主持,法国驻华大使馆经济处公使衔参赞苏菲·贝尔纳出席。\
             宁波港至汉堡港的航线开通,厦门高崎国际机场也开通了新航线。",
        );
        assert!(
            has(&out, EntityType::Person, "苏菲·贝尔纳"),
            "{:?}",
            out.entities
        );
        assert!(!has(&out, EntityType::Person, "苏州市"));
        assert!(!out.entities.iter().any(|e| e.name.contains("港至")));
        // 高崎 is a Japanese city; inside the airport's name it is no place.
        assert!(
            out.entities
                .iter()
                .filter(|e| e.kind.is_place())
                .all(|e| !e.name.contains("高崎")),
            "{:?}",
            out.entities
        );
    }

    #[test]
    fn residents_and_capital_named_before_the_figure() {
        let out = extractor().extract(
            "t.txt",
            "常驻苏州的德国企业超过400家。8个德资项目签约落户昆山,计划总投资3.2亿欧元。",
        );
        let pair = |a: &str, b: &str| Some((a.to_owned(), Some(b.to_owned())));
        assert_eq!(fact(&out, "residentCompanies", 400.0), pair("德国", "苏州"));
        assert_eq!(fact(&out, "investmentProjects", 8.0), pair("德国", "昆山"));
        assert_eq!(fact(&out, "investmentAmount", 3.2e8), pair("德国", "昆山"));
        // 两地: the city inside the airport's name and the country.
        let out = extractor().extract(
            "t.txt",
            "宁波机场每天往返韩国的航班有12架次,两地每年往来人员近20万人次。",
        );
        assert_eq!(fact(&out, "dailyFlights", 12.0), pair("宁波机场", "韩国"));
        assert_eq!(fact(&out, "annualVisitors", 2e5), pair("宁波", "韩国"));
        // Cities standing for their country: 首尔、釜山等韩国城市.
        let out = extractor().extract(
            "t.txt",
            "宁波机场每天有10个航班往返于宁波与首尔、釜山等韩国城市之间。",
        );
        assert_eq!(fact(&out, "dailyFlights", 10.0), pair("宁波机场", "韩国"));
    }

    #[test]
    fn anniversary_events_name_the_tie_they_mark() {
        let out = extractor().extract(
            "t.txt",
            "6月2日,青岛市与日本下关市缔结友好城市40周年纪念大会在青岛国际会议中心举行。",
        );
        let event = "青岛市与日本下关市缔结友好城市40周年纪念大会";
        assert!(has(&out, EntityType::Event, event), "{:?}", out.entities);
        assert!(rel(&out, event, "heldAt", "青岛国际会议中心").is_some());
    }

    #[test]
    fn declared_short_forms_of_places_lead_names_and_pair() {
        let out = extractor().extract(
            "t.txt",
            "代表团访问俄罗斯斯维尔德洛夫斯克州(以下简称\"斯州\")。斯州政府与四川省人民政府签署协议。\
             今年1-5月,川俄贸易额为5.83亿美元,同比增长16.2%。",
        );
        assert!(
            rel(&out, "斯州政府", "locatedIn", "斯维尔德洛夫斯克州").is_some(),
            "{:?}",
            out.relations
        );
        assert_eq!(
            fact(&out, "tradeVolume", 583_000_000.0),
            Some(("四川省".to_owned(), Some("俄罗斯".to_owned())))
        );
        // A compass word is no foreign region (西南大区 of Burkina Faso).
        let out = extractor().extract("t.txt", "西南交通大学与东北大学签署协议。");
        assert!(
            !has(&out, EntityType::Province, "西南"),
            "{:?}",
            out.entities
        );
    }

    #[test]
    fn english_appositions_missions_and_coordinated_names() {
        let out = extractor().extract(
            "t.txt",
            "The fair was hosted by Prairie Friendship Network, a Omaha-based nonprofit. \
             Consul General Li Ming of the Chinese Consulate General in Chicago attended. \
             Creighton University and Nebraska Farm University signed a memorandum. \
             Bluestem Grain Systems, a company based in Lincoln, will invest $25 million in \
             a plant in Chengdu's Pixian district.",
        );
        assert!(has(
            &out,
            EntityType::Association,
            "Prairie Friendship Network"
        ));
        assert!(rel(&out, "Prairie Friendship Network", "locatedIn", "Omaha").is_some());
        assert!(has(
            &out,
            EntityType::GovernmentBody,
            "Chinese Consulate General in Chicago"
        ));
        assert!(has(&out, EntityType::City, "Chicago"), "{:?}", out.entities);
        assert!(
            has(&out, EntityType::Person, "Li Ming"),
            "{:?}",
            out.entities
        );
        assert!(has(&out, EntityType::ResearchBody, "Creighton University"));
        assert!(has(
            &out,
            EntityType::ResearchBody,
            "Nebraska Farm University"
        ));
        assert!(rel(&out, "Bluestem Grain Systems", "locatedIn", "Lincoln").is_some());
        assert_eq!(
            fact(&out, "investmentAmount", 25_000_000.0).map(|(_, o)| o),
            Some(Some("Pixian district".to_owned()))
        );
    }

    #[test]
    fn english_names_typed_by_the_words_before_them() {
        let out = extractor().extract(
            "t.txt",
            "The forum, held at Shanghai's Longhua Hall, opened on Monday. A plant will be \
             built in the east London borough of Barking. The administrative committee of the \
             Lingang Science Park signed a cooperation agreement with Imperial College London. \
             Port of Seattle and Tianjin's Dongjiang Port will cooperate.",
        );
        assert!(
            has(&out, EntityType::Venue, "Longhua Hall"),
            "{:?}",
            out.entities
        );
        assert!(has(&out, EntityType::District, "Barking"));
        assert!(has(
            &out,
            EntityType::GovernmentBody,
            "administrative committee of the Lingang Science Park"
        ));
        assert!(has(&out, EntityType::EconomicZone, "Lingang Science Park"));
        assert!(has(
            &out,
            EntityType::ResearchBody,
            "Imperial College London"
        ));
        // The port authority is a public body; a port named by its own name is a place.
        assert!(
            has(&out, EntityType::GovernmentBody, "Port of Seattle"),
            "{:?}",
            out.entities
        );
        assert!(has(&out, EntityType::Venue, "Dongjiang Port"));
    }

    #[test]
    fn english_participants_of_the_event() {
        let out = extractor().extract(
            "t.txt",
            "The 2024 Omaha-Chengdu Trade Summit opened on Monday. Mayor Jean Stothert told \
             the summit that ties were growing. The memorandum was signed by Chengdu Vice-Mayor \
             Liu Bo and Ann Miller, Omaha's deputy mayor, at the summit. At the summit, \
             Bluestem Grain Systems announced a plant.",
        );
        let event = "2024 Omaha-Chengdu Trade Summit";
        for who in [
            "Jean Stothert",
            "Liu Bo",
            "Ann Miller",
            "Bluestem Grain Systems",
        ] {
            assert!(
                rel(&out, who, "participatedIn", event).is_some(),
                "{who}: {:?}",
                out.relations
            );
        }
    }

    #[test]
    fn bodies_named_by_their_field_branches_and_japanese_family_names() {
        let out = extractor().extract(
            "t.txt",
            "洽谈会由中国国际贸易促进委员会宁波市分会协办,神户商工会议所承办。\
             宁波市投资合作局与宁波市投资促进局签署协议。中国—东盟峰会在南宁举办。\
             长野精机株式会社总经理松原健一表示,公司将扩大投资。",
        );
        let branch = "中国国际贸易促进委员会宁波市分会";
        assert!(
            has(&out, EntityType::GovernmentBody, branch),
            "{:?}",
            out.entities
        );
        assert!(rel(&out, branch, "partOf", "中国国际贸易促进委员会").is_some());
        assert!(has(&out, EntityType::Association, "神户商工会议所"));
        assert!(has(&out, EntityType::GovernmentBody, "宁波市投资合作局"));
        assert!(has(&out, EntityType::GovernmentBody, "宁波市投资促进局"));
        assert!(
            has(&out, EntityType::Event, "中国—东盟峰会"),
            "{:?}",
            out.entities
        );
        assert!(
            has(&out, EntityType::Person, "松原健一"),
            "{:?}",
            out.entities
        );
        assert!(!has(&out, EntityType::City, "松原"));
        // 作者:记者 X: the title is no person.
        let out = extractor().extract("t.txt", "来源:某某网  作者:记者 马力\n\n正文。");
        assert!(!has(&out, EntityType::Person, "记者"), "{:?}", out.entities);
    }

    #[test]
    fn projects_signed_at_an_event_and_where_residents_are() {
        let out = extractor().extract(
            "t.txt",
            "5月8日,2024宁波—汉堡经贸合作洽谈会(以下简称\"洽谈会\")在宁波举行。\
             洽谈会现场,12个合作项目集中签约,总投资额约3.6亿美元。\
             已有126家德国企业入驻宁波保税区。常住宁波的德国人约800人。",
        );
        let event = "2024宁波—汉堡经贸合作洽谈会";
        assert!(has(&out, EntityType::Event, event), "{:?}", out.entities);
        assert_eq!(
            fact(&out, "investmentProjects", 12.0),
            Some((event.to_owned(), None))
        );
        assert_eq!(
            fact(&out, "investmentAmount", 360_000_000.0),
            Some((event.to_owned(), None))
        );
        assert_eq!(
            fact(&out, "residentCompanies", 126.0),
            Some(("德国".to_owned(), Some("宁波保税区".to_owned())))
        );
        assert_eq!(
            fact(&out, "residentPersons", 800.0),
            Some(("德国".to_owned(), Some("宁波".to_owned())))
        );
        let out = extractor().extract(
            "t.txt",
            "More than 9,000 students from Shanghai are currently studying in Chicago.",
        );
        assert_eq!(
            fact(&out, "residentPersons", 9000.0),
            Some(("Shanghai".to_owned(), Some("Chicago".to_owned())))
        );
    }

    #[test]
    fn sessions_venues_and_relations_stated_by_figures() {
        let out = extractor().extract(
            "t.txt",
            "5月21日,宁波保税区联合工作委员会第十二次会议在宁波世界贸易中心召开。\
             当天下午,2024宁波汉堡商品博览会在宁波国际会展中心拉开帷幕。\
             汉堡精工集团将投资1.6亿欧元在宁波保税区建设生产基地。\
             截至今年9月底,德国在宁波累计投资项目612个。",
        );
        let session = "宁波保税区联合工作委员会第十二次会议";
        assert!(has(&out, EntityType::Event, session), "{:?}", out.entities);
        assert!(rel(&out, session, "heldAt", "宁波世界贸易中心").is_some());
        assert!(
            rel(&out, "2024宁波汉堡商品博览会", "heldAt", "宁波国际会展中心").is_some(),
            "{:?}",
            out.relations
        );
        assert!(rel(&out, "汉堡精工集团", "investsIn", "宁波保税区").is_some());
        assert!(rel(&out, "德国", "investmentSource", "宁波").is_some());
    }

    #[test]
    fn english_people_named_again_and_partners_after_with() {
        let out = extractor().extract(
            "t.txt",
            "The delegation led by Vice-Mayor Wang Tao is in Boston from Oct 14 to 18. \
             Wang told the 2024 Boston-Hangzhou Summit that ties were strong. \
             Hangzhou-based Xihu Robotics signed an agreement with Boston-based Harbor Labs Inc \
             on Monday. Zhejiang University signed a memorandum with Tufts University.",
        );
        assert!(
            rel(
                &out,
                "Wang Tao",
                "participatedIn",
                "2024 Boston-Hangzhou Summit"
            )
            .is_some(),
            "{:?}",
            out.relations
        );
        assert!(rel(&out, "Xihu Robotics", "cooperatesWith", "Harbor Labs Inc").is_some());
        assert!(
            rel(
                &out,
                "Zhejiang University",
                "cooperatesWith",
                "Tufts University"
            )
            .is_some()
        );
        // Partners located by 位于 / 来自 are the organisations, not their places.
        let out = extractor().extract(
            "t.txt",
            "哈尔滨工业大学与位于叶卡捷琳堡的乌拉尔联邦大学签署协议。",
        );
        assert!(rel(&out, "哈尔滨工业大学", "cooperatesWith", "乌拉尔联邦大学").is_some());
        assert!(rel(&out, "哈尔滨工业大学", "cooperatesWith", "叶卡捷琳堡").is_none());
    }

    #[test]
    fn the_british_capital_is_the_one_british_city_named() {
        let out = extractor().extract(
            "t.txt",
            "Shanghai and London signed a memorandum on Monday. A delegation led by \
             Vice-Mayor Zhang Wei visited the British capital on Tuesday.",
        );
        assert!(
            rel(&out, "Zhang Wei", "visited", "London").is_some(),
            "{:?}",
            out.relations
        );
        assert!(rel(&out, "Zhang Wei", "visited", "United Kingdom").is_none());
    }

    #[test]
    fn trade_names_the_segmenter_splits_and_dates_before_names() {
        let out = extractor().extract(
            "t.txt",
            "其中,日本丰和精密电子株式会社与南京经开区签署投资协议。\
             韩国世进精密株式会社将扩建工厂;蜀能重型装备有限公司达成合作意向。\
             该园区于2023年9月经天津市人民政府批准设立。",
        );
        assert_entities(
            &out,
            &[
                (EntityType::Company, "日本丰和精密电子株式会社"),
                (EntityType::Company, "韩国世进精密株式会社"),
                (EntityType::Company, "蜀能重型装备有限公司"),
                (EntityType::EconomicZone, "南京经开区"),
                (EntityType::GovernmentBody, "天津市人民政府"),
            ],
        );
        // …but conjunctions, pronouns and classifiers still end a name.
        let out = extractor().extract(
            "t.txt",
            "这是武威进境木材指定监管场地。共有12个日本地方政府,并与青岛日本人会签约。",
        );
        for name in [
            "是武威进境木材指定监管场地",
            "个日本地方政府",
            "与青岛日本人会",
        ] {
            assert!(!out.entities.iter().any(|e| e.name == name), "{name}");
        }
    }

    #[test]
    fn names_inside_words_ceremonies_and_capitals_described() {
        let out = extractor().extract(
            "t.txt",
            "天津与仁川同为环渤海—黄海地区的重要港口城市。\
             5月9日,宁波—汉堡青少年书画交流展开幕式在宁波图书馆举行。\
             截至目前,作为浙江省会的杭州已与17个国家的21个城市建立友好城市关系。",
        );
        assert!(
            !out.entities.iter().any(|e| e.name == "海地"),
            "{:?}",
            out.entities
        );
        let exhibition = "宁波—汉堡青少年书画交流展";
        assert!(
            has(&out, EntityType::Event, exhibition),
            "{:?}",
            out.entities
        );
        assert!(rel(&out, exhibition, "heldAt", "宁波图书馆").is_some());
        assert_eq!(
            fact(&out, "friendshipCityCount", 21.0).map(|f| f.0),
            Some("杭州".to_owned())
        );
    }

    #[test]
    fn visitors_of_a_year_between_two_places() {
        let out = extractor().extract(
            "t.txt",
            "青岛与釜山是友好城市。青岛港开通至釜山的航线。釜山企业在青岛投资。\
             疫情前,两地每年往来旅客近25万人次。\
             2019年,青岛与韩国之间往来旅客约31万人次。\
             2023年青岛接待韩国游客约2.1万人次。今年1-10月,青岛共接待韩国游客8.7万人次。\
             釜山先后派出代表团30余批次访问青岛。",
        );
        let pair = |a: &str, b: &str| Some((a.to_owned(), Some(b.to_owned())));
        assert_eq!(fact(&out, "visits", 30.0), pair("釜山", "青岛"));
        assert_eq!(
            fact(&out, "annualVisitors", 250_000.0),
            pair("青岛", "釜山")
        );
        assert_eq!(
            fact(&out, "annualVisitors", 310_000.0),
            pair("青岛", "韩国")
        );
        // Visitors a place receives are that, in a whole year too.
        assert_eq!(
            fact(&out, "visitorsReceived", 21_000.0),
            pair("青岛", "韩国")
        );
        assert_eq!(fact(&out, "annualVisitors", 21_000.0), None);
        assert_eq!(
            fact(&out, "visitorsReceived", 87_000.0),
            pair("青岛", "韩国")
        );
    }

    #[test]
    fn where_a_company_invests_is_said_after_the_amount() {
        let out = extractor().extract(
            "t.txt",
            "德国汉斯精工集团宣布将投资1.6亿欧元,在昆山高新区建设亚太制造基地。",
        );
        assert_eq!(
            fact(&out, "investmentAmount", 160_000_000.0),
            Some(("德国汉斯精工集团".to_owned(), Some("昆山高新区".to_owned())))
        );
        assert!(rel(&out, "德国汉斯精工集团", "investsIn", "昆山高新区").is_some());
    }

    #[test]
    fn routes_outlets_descriptors_and_national_bodies() {
        let out = extractor().extract(
            "t.txt",
            "2025-03-02 08:00 滨海经贸观察\n\n滨海经贸观察讯(记者 王明)烟台—仁川客货班轮航线今年开通。\
             园区企业烟台海成电子有限公司与国家工业和信息化部合作。",
        );
        assert!(
            has(&out, EntityType::Project, "烟台—仁川客货班轮航线"),
            "{:?}",
            out.entities
        );
        assert!(has(&out, EntityType::Company, "滨海经贸观察"));
        assert!(has(&out, EntityType::Company, "烟台海成电子有限公司"));
        assert!(has(&out, EntityType::GovernmentBody, "国家工业和信息化部"));
        // A route between two places is in neither.
        assert!(rel(&out, "烟台—仁川客货班轮航线", "locatedIn", "烟台市").is_none());
        assert!(rel(&out, "王明", "positionAt", "滨海经贸观察").is_some());
    }

    #[test]
    fn one_character_places_visits_and_offices() {
        let out = extractor().extract(
            "t.txt",
            "河南省与卢森堡合作密切。卢森堡在豫累计投资项目46个。哈尔滨市与叶卡捷琳堡市是友好城市。\
             叶卡捷琳堡市副市长德米特里·帕宁率代表团在哈访问,其间考察了哈尔滨新区。\
             萨克森州经济、劳动和交通部与杭州市人民政府签署协议。杭州市人民政府外事办公室承办。\
             今年,烟台市与光州广域市结好,至此釜山、大邱、仁川等韩国城市均已成为烟台的友城。",
        );
        assert_eq!(
            fact(&out, "investmentProjects", 46.0),
            Some(("卢森堡".to_owned(), Some("河南省".to_owned())))
        );
        assert!(rel(&out, "德米特里·帕宁", "visited", "哈尔滨市").is_some());
        assert!(rel(&out, "德米特里·帕宁", "visited", "哈尔滨新区").is_some());
        assert!(has(
            &out,
            EntityType::GovernmentBody,
            "萨克森州经济、劳动和交通部"
        ));
        assert!(rel(&out, "杭州市人民政府外事办公室", "partOf", "杭州市人民政府").is_some());
        for partner in ["釜山", "大邱", "仁川"] {
            assert!(
                rel(&out, "烟台市", "friendshipCity", partner).is_some(),
                "{partner}: {:?}",
                out.relations
            );
        }
    }

    #[test]
    fn headline_forms_signings_at_events_and_approvals() {
        let out = extractor().extract(
            "t.txt",
            "数字经济合作交流会签约项目21个\n\n10月15日，“杭州—德累斯顿数字经济与智能制造合作交流会”\
             在杭州国际博览中心举行。交流会现场共签约项目21个。其中，杭州海成科技有限公司与德累斯顿易北物流\
             有限公司签署合作协议。今年3月，经国务院批复，中哈霍尔果斯—阿腾科里经济合作区正式设立。",
        );
        let events: Vec<_> = out
            .entities
            .iter()
            .filter(|e| e.kind == EntityType::Event)
            .collect();
        assert_eq!(events.len(), 1, "{events:?}");
        assert!(events[0].aliases.iter().any(|a| a == "数字经济合作交流会"));
        let event = events[0].name.as_str();
        assert!(rel(&out, "杭州海成科技有限公司", "participatedIn", event).is_some());
        assert!(rel(&out, "德累斯顿易北物流有限公司", "participatedIn", event).is_some());
        assert!(
            rel(
                &out,
                "中哈霍尔果斯—阿腾科里经济合作区",
                "approvedBy",
                "国务院"
            )
            .is_some(),
            "{:?}",
            out.relations
        );
    }

    #[test]
    fn english_places_titles_field_names_and_currency_equivalents() {
        let out = extractor().extract(
            "t.txt",
            "The forum opened at the Harbor Convention Center in the city's Nanshan district of \
             Shenzhen. The delegation was led by Port of Portland Commissioner Ana Ruiz. The University \
             of Houston and the Northern University of Science and Technology signed an agreement. \
             Cascadia Freight Partners of Spokane will invest $5 million. Chongqing's trade with the \
             United States reached 71.8 billion yuan ($9.9 billion) in 2023.",
        );
        assert!(
            has(&out, EntityType::Person, "Ana Ruiz"),
            "{:?}",
            out.entities
        );
        assert!(has(
            &out,
            EntityType::ResearchBody,
            "Northern University of Science and Technology"
        ));
        assert!(has(&out, EntityType::Company, "Cascadia Freight Partners"));
        assert!(
            rel(
                &out,
                "Harbor Convention Center",
                "locatedIn",
                "Nanshan district"
            )
            .is_some()
        );
        assert!(fact(&out, "tradeVolume", 71_800_000_000.0).is_some());
        assert!(fact(&out, "tradeVolume", 9_900_000_000.0).is_none());
    }

    #[test]
    fn english_firms_named_again_and_company_abbreviations_ending_sentences() {
        let out = extractor().extract(
            "t.txt",
            "Greyfield Grid Storage Co signed an agreement with Harbor Power Inc. The Northern \
             University of Science and Technology and the University of Toledo renewed a \
             memorandum. Greyfield also signed a supply agreement with Westbrook Cable Ltd.",
        );
        assert!(
            rel(
                &out,
                "Northern University of Science and Technology",
                "cooperatesWith",
                "University of Toledo"
            )
            .or_else(|| rel(
                &out,
                "University of Toledo",
                "cooperatesWith",
                "Northern University of Science and Technology"
            ))
            .is_some(),
            "{:?}",
            out.relations
        );
        assert!(
            rel(
                &out,
                "Greyfield Grid Storage Co",
                "cooperatesWith",
                "Westbrook Cable Ltd"
            )
            .is_some(),
            "{:?}",
            out.relations
        );
    }

    #[test]
    fn partners_of_a_joint_venture_end_before_where_they_build_it() {
        let out = extractor().extract(
            "t.txt",
            "宁波海成科技有限公司将投资3亿元，与杭州易北电子有限公司在宁波高新区合资设立工厂。",
        );
        assert!(
            rel(
                &out,
                "宁波海成科技有限公司",
                "cooperatesWith",
                "杭州易北电子有限公司"
            )
            .is_some(),
            "{:?}",
            out.relations
        );
        assert!(
            !out.relations
                .iter()
                .any(|r| r.predicate.as_str() == "cooperatesWith"
                    && (r.subject.contains("高新区") || r.object.contains("高新区")))
        );
    }

    #[test]
    fn japanese_names_that_start_with_a_place_and_recur() {
        let out = extractor().extract(
            "t.txt",
            "横滨市副市长中村健一郎，大连市副市长王明出席。中村健一郎一行还考察了大连高新区。",
        );
        let person = out
            .entities
            .iter()
            .find(|e| e.name == "中村健一郎")
            .expect("person");
        assert_eq!(person.mentions.len(), 2);
        assert!(!has(&out, EntityType::City, "中村"), "{:?}", out.entities);
        assert!(rel(&out, "中村健一郎", "positionAt", "横滨市").is_some());
    }

    #[test]
    fn hyphenated_transliterations_and_department_heads() {
        let out = extractor().extract(
            "t.txt",
            "以卢森堡经济部对外贸易司司长让-保罗·施密特为团长的代表团访问郑州。\
             奥斯纳布吕克-埃姆斯兰-本特海姆伯爵领地工商会协办。",
        );
        assert!(
            has(&out, EntityType::Person, "让-保罗·施密特"),
            "{:?}",
            out.entities
        );
        assert!(
            rel(
                &out,
                "让-保罗·施密特",
                "positionAt",
                "卢森堡经济部对外贸易司"
            )
            .is_some()
        );
        assert!(has(
            &out,
            EntityType::Association,
            "奥斯纳布吕克-埃姆斯兰-本特海姆伯爵领地工商会"
        ));
    }

    #[test]
    fn universities_named_after_a_city_are_located_there() {
        let out = extractor().extract("t.txt", "郑州大学与启明大学签署备忘录。");
        assert!(
            rel(&out, "郑州大学", "locatedIn", "郑州").is_some(),
            "{:?}",
            out.relations
        );
    }

    #[test]
    fn places_joined_by_de_and_lists_with_an_unknown_member() {
        let out = extractor().extract(
            "t.txt",
            "下萨克森州的奥斯纳布吕克与合肥结好。釜山、大邱、仁川、光州、大田、蔚山等韩国6个广域市均是青岛的友城。",
        );
        assert!(
            rel(&out, "奥斯纳布吕克", "partOf", "下萨克森州").is_some(),
            "{:?}",
            out.relations
        );
        for city in ["釜山", "仁川", "光州"] {
            assert!(rel(&out, city, "partOf", "韩国").is_some(), "{city}");
        }
    }

    #[test]
    fn speakers_in_a_promotion_and_signings_after_an_event_count() {
        let out = extractor().extract(
            "t.txt",
            "“2024合肥—奥斯纳布吕克投资推介会”在汉诺威举行。出席活动的还有2024汉诺威工业博览会的代表。\
             合肥市投资促进局局长汪建华在推介中介绍了合肥。\n\
             推介会现场共签约项目15个。甲乙科技有限公司与丙丁电子有限公司签约。",
        );
        let ev = "2024合肥—奥斯纳布吕克投资推介会";
        assert!(
            rel(&out, "汪建华", "participatedIn", ev).is_some(),
            "{:?}",
            out.relations
        );
        assert!(rel(&out, "甲乙科技有限公司", "participatedIn", ev).is_some());
        assert!(rel(&out, "汪建华", "participatedIn", "2024汉诺威工业博览会").is_none());
    }

    #[test]
    fn a_prefecture_before_its_city_only_locates_a_government() {
        let out = extractor().extract(
            "t.txt",
            "论坛由扬州市人民政府和日本佐贺县唐津市政府共同主办。唐津市位于九州。",
        );
        assert!(has(&out, EntityType::GovernmentBody, "唐津市政府"));
        assert!(has(&out, EntityType::Prefecture, "佐贺县"));
        assert!(rel(&out, "唐津市", "partOf", "佐贺县").is_some());
    }

    #[test]
    fn a_city_word_with_its_suffix_is_the_city() {
        let out = extractor().extract("t.txt", "代表团访问了老挝万象市。");
        assert!(
            rel(&out, "万象市", "partOf", "老挝").is_some(),
            "{:?}",
            out.entities
        );
    }

    #[test]
    fn contract_values_take_the_signing_parties_of_their_clause() {
        let out = extractor().extract(
            "t.txt",
            "工博会期间，甲乙精工机械有限公司计划投资8600万美元建设基地；\
             丙丁精工机械有限公司与戊己重型装备股份公司签署供货合同，合同金额1260万美元。",
        );
        assert_eq!(
            fact(&out, "contractValue", 12_600_000.0),
            Some((
                "丙丁精工机械有限公司".to_string(),
                Some("戊己重型装备股份公司".to_string())
            )),
            "{:?}",
            out.facts
        );
    }

    #[test]
    fn firms_counted_in_hu_and_firms_from_abroad_in_a_zone() {
        let out = extractor().extract(
            "t.txt",
            "甲乙开发区是老中两国政府共同确定的合作区，目前已吸引来自中国、老挝、泰国等国的127家企业入驻。\
             挂牌4年来，昆明片区各类市场主体累计达5.2万户，其中外资企业226户。\
             截至2023年底，法国在鄂投资企业累计达186家。",
        );
        for (value, subject) in [
            (127.0, "甲乙开发区"),
            (52_000.0, "昆明片区"),
            (226.0, "昆明片区"),
            (186.0, "法国"),
        ] {
            assert_eq!(
                fact(&out, "residentCompanies", value).map(|f| f.0),
                Some(subject.to_string()),
                "{value}: {:?}",
                out.facts
            );
        }
    }

    #[test]
    fn pilot_areas_routes_and_corridors() {
        let out = extractor().extract(
            "t.txt",
            "云南网　2023-11-20 18:05\n\n国务院批复设立中国（云南）自由贸易试验区，涵盖昆明片区、红河片区、德宏片区。\
             中老铁路开通后，中老经济走廊建设加快。",
        );
        for area in ["昆明片区", "红河片区", "德宏片区"] {
            assert!(
                rel(&out, area, "partOf", "中国（云南）自由贸易试验区").is_some(),
                "{area}: {:?}",
                out.relations
            );
        }
        assert!(has(&out, EntityType::Project, "中老铁路"));
        assert!(has(&out, EntityType::Initiative, "中老经济走廊"));
        assert!(has(&out, EntityType::Company, "云南网"));
        assert!(
            !out.relations
                .iter()
                .any(|r| r.predicate.as_str() == "locatedIn"
                    && out.entity(&r.subject).is_some_and(|e| e.name == "中老铁路"))
        );
    }

    #[test]
    fn a_bare_suffix_refers_to_the_zone_named_last() {
        let out = extractor().extract(
            "t.txt",
            "会上，昆明经济技术开发区与老挝万象赛色塔综合开发区（以下简称“赛色塔开发区”）签署备忘录。\
             赛色塔开发区规划面积11.5平方公里。云南省海外投资有限公司已累计在开发区投资1.9亿美元。",
        );
        assert_eq!(
            fact(&out, "investmentAmount", 190_000_000.0).and_then(|f| f.1),
            Some("万象赛色塔综合开发区".to_string()),
            "{:?}",
            out.facts
        );
    }

    #[test]
    fn english_legal_forms_consuls_in_a_city_and_dollar_figures() {
        let out = extractor().extract(
            "t.txt",
            "Chinese Consul General in Lyon Wang Xiaoli attended the Lyon Innovation Forum.\n\n\
             Rhone Diagnostics SA will invest 45 million euros (about 48.9 million US dollars) in \
             the Guangzhou Development District. Rhone Diagnostics SA also signed a contract worth \
             12 million euros with Guangzhou Lingnan Biotech Co., Ltd., which will sell its kits. \
             Guangzhou-based Huacheng Auto Parts Co. said it would spend 30 million euros in Lyon.",
        );
        assert!(
            has(&out, EntityType::Person, "Wang Xiaoli"),
            "{:?}",
            out.entities
        );
        assert!(rel(&out, "Wang Xiaoli", "positionAt", "China").is_some());
        assert!(rel(&out, "Wang Xiaoli", "nationality", "China").is_some());
        assert!(has(
            &out,
            EntityType::Company,
            "Guangzhou Lingnan Biotech Co., Ltd."
        ));
        assert!(has(&out, EntityType::Company, "Huacheng Auto Parts Co."));
        assert!(has(
            &out,
            EntityType::EconomicZone,
            "Guangzhou Development District"
        ));
        assert!(!has(&out, EntityType::Country, "US"));
        assert_eq!(
            fact(&out, "contractValue", 12_000_000.0),
            Some((
                "Rhone Diagnostics SA".to_string(),
                Some("Guangzhou Lingnan Biotech Co., Ltd.".to_string())
            ))
        );
        assert_eq!(
            fact(&out, "investmentAmount", 30_000_000.0).map(|f| f.0),
            Some("Huacheng Auto Parts Co.".to_string())
        );
    }

    #[test]
    fn country_written_before_a_name_train_services_bylines_and_japanese_names() {
        let out = extractor().extract(
            "t.txt",
            "德国巴登-符腾堡州国际经济促进署与太仓市签署协议。中欧班列(成都)已累计开行46列，中欧班列长安号也已开行。\
             该分行行长渡边拓也表示，合作前景广阔。\n（记者 顾晓岚　实习生 陶然）",
        );
        let body = out
            .entities
            .iter()
            .find(|e| e.name == "巴登-符腾堡州国际经济促进署")
            .expect("the agency");
        assert!(
            body.aliases
                .iter()
                .any(|a| a == "德国巴登-符腾堡州国际经济促进署")
        );
        assert!(
            has(&out, EntityType::Project, "中欧班列(成都)"),
            "{:?}",
            out.entities
        );
        assert!(has(&out, EntityType::Project, "中欧班列长安号"));
        assert!(has(&out, EntityType::Person, "渡边拓也"));
        let out2 = extractor().extract("t.txt", "仓敷市市长三宅和彦率领访问团到访。");
        assert!(
            has(&out2, EntityType::Person, "三宅和彦"),
            "{:?}",
            out2.entities
        );
        assert!(has(&out, EntityType::Person, "陶然"));
        assert!(!out.relations.iter().any(|r| {
            out.entity(&r.subject)
                .is_some_and(|e| e.name == "中欧班列(成都)")
                && r.predicate.as_str() == "locatedIn"
        }));
    }

    #[test]
    fn events_joined_by_ji_around_an_unknown_border_town() {
        let out = extractor().extract(
            "t.txt",
            "中老磨憨—磨丁经济合作区建设推进会举行\n\n\
             中国老挝磨憨—磨丁经济合作区建设推进会暨招商签约活动在磨憨国际会展中心举行。\
             活动由云南省商务厅、老挝计划投资部共同主办，西双版纳州人民政府和中国（云南）自由贸易试验区管理委员会承办。",
        );
        let ev = "中国老挝磨憨—磨丁经济合作区建设推进会暨招商签约活动";
        assert!(has(&out, EntityType::Event, ev), "{:?}", out.entities);
        assert!(has(
            &out,
            EntityType::EconomicZone,
            "中国老挝磨憨—磨丁经济合作区"
        ));
        assert!(has(&out, EntityType::Venue, "磨憨国际会展中心"));
        let event = out.entities.iter().find(|e| e.name == ev).expect("event");
        assert!(
            event
                .aliases
                .iter()
                .any(|a| a == "中老磨憨—磨丁经济合作区建设推进会")
        );
        assert!(rel(&out, ev, "heldAt", "磨憨国际会展中心").is_some());
        assert!(
            rel(&out, ev, "organizedBy", "老挝计划投资部").is_some(),
            "{:?}",
            out.relations
        );
        assert!(
            rel(
                &out,
                ev,
                "coOrganizedBy",
                "中国（云南）自由贸易试验区管理委员会"
            )
            .is_some()
        );
        assert!(!out.relations.iter().any(|r| {
            r.predicate.as_str() == "locatedIn"
                && out
                    .entity(&r.subject)
                    .is_some_and(|e| e.name == "中国老挝磨憨—磨丁经济合作区")
        }));
    }

    #[test]
    fn english_initials_councils_for_the_promotion_and_double_titles() {
        let out = extractor().extract(
            "t.txt",
            "Forum\n\nThe memorandum was signed by SAEDF President and CEO Rachel Moreno and the \
             Wuxi Council for the Promotion of International Trade. It was held at the Henry B. \
             Gonzalez Convention Center, according to the Office of the Texas Governor.",
        );
        assert!(
            has(&out, EntityType::Person, "Rachel Moreno"),
            "{:?}",
            out.entities
        );
        assert!(has(
            &out,
            EntityType::GovernmentBody,
            "Wuxi Council for the Promotion of International Trade"
        ));
        assert!(has(
            &out,
            EntityType::Venue,
            "Henry B. Gonzalez Convention Center"
        ));
        assert!(has(
            &out,
            EntityType::GovernmentBody,
            "Office of the Texas Governor"
        ));
    }

    #[test]
    fn friendship_pairs_in_a_list_and_foreign_firms_without_their_country() {
        let out = extractor().extract(
            "t.txt",
            "其中，湖北省会武汉与波尔多、宜昌与格勒诺布尔、襄阳与科尔马均已结为友好城市。\
             泰国暹罗联合橡胶有限公司宣布投资。",
        );
        for (a, b) in [
            ("武汉", "波尔多"),
            ("宜昌", "格勒诺布尔"),
            ("襄阳", "科尔马"),
        ] {
            assert!(
                rel(&out, a, "friendshipCity", b).is_some(),
                "{a}–{b}: {:?}",
                out.relations
            );
        }
        assert!(rel(&out, "武汉", "friendshipCity", "宜昌").is_none());
        let firm = out
            .entities
            .iter()
            .find(|e| e.kind == EntityType::Company)
            .expect("the firm");
        assert!(
            firm.name == "暹罗联合橡胶有限公司"
                || firm.aliases.iter().any(|a| a == "暹罗联合橡胶有限公司"),
            "{firm:?}"
        );
    }

    #[test]
    fn investments_placed_by_the_next_clause_not_by_the_head_office() {
        let out = extractor().extract(
            "t.txt",
            "总部位于大阪的松原精机株式会社将投资5000万美元，在大连金普新区建设精密轴承生产基地。\
             泰国暹罗联合橡胶有限公司将投资2800万美元，在磨丁经济特区建设天然橡胶深加工项目。",
        );
        assert!(rel(&out, "松原精机株式会社", "investsIn", "大连金普新区").is_some());
        assert!(rel(&out, "松原精机株式会社", "investsIn", "大阪").is_none());
        assert_eq!(
            fact(&out, "investmentAmount", 50_000_000.0).and_then(|f| f.1),
            Some("大连金普新区".to_string())
        );
        assert!(
            rel(
                &out,
                "泰国暹罗联合橡胶有限公司",
                "investsIn",
                "磨丁经济特区"
            )
            .is_some()
        );
    }

    #[test]
    fn visits_to_every_place_of_a_list() {
        let out = extractor().extract(
            "t.txt",
            "越南北宁省副主席阮春长一行于9月23日至27日访问南宁，其间还将赴南宁国际铁路港和五象新区实地考察。",
        );
        for place in ["南宁国际铁路港", "五象新区"] {
            assert!(
                rel(&out, "阮春长", "visited", place).is_some(),
                "{place}: {:?}",
                out.relations
            );
        }
    }

    #[test]
    fn approvals_named_in_an_earlier_clause() {
        let out = extractor().extract(
            "t.txt",
            "示例经开区成立于1995年3月，2001年5月经国务院批准升级为国家级经济技术开发区。\
             另据了解，位于示例经开区的中澳（示例）产业园日前获示例省人民政府批复设立。\
             2018年6月，国务院正式批复设立合作区示例边境经济合作区。",
        );
        assert!(rel(&out, "示例经开区", "approvedBy", "国务院").is_some());
        assert!(rel(&out, "中澳（示例）产业园", "approvedBy", "示例省人民政府").is_some());
        assert!(rel(&out, "示例经开区", "approvedBy", "示例省人民政府").is_none());
        let en = extractor().extract(
            "t.txt",
            "Delegates visited the China (Hainan) Pilot Free Trade Zone, which was approved by \
             the State Council in 2018, on Monday.",
        );
        assert!(
            rel(
                &en,
                "China (Hainan) Pilot Free Trade Zone",
                "approvedBy",
                "State Council"
            )
            .is_some(),
            "{:?}",
            en.relations
        );
    }

    #[test]
    fn zones_referred_to_by_a_bare_word() {
        let out = extractor().extract(
            "t.txt",
            "记者从中葡（示例）生态园管委会获悉，截至5月底，园区累计引进企业120家。\
             中葡（示例）生态园位于示例市。该产业园规划面积9.5平方公里。",
        );
        let zone = out
            .entities
            .iter()
            .find(|e| e.name == "中葡（示例）生态园")
            .expect("the zone");
        assert_eq!(zone.kind, EntityType::EconomicZone);
        assert_eq!(
            fact(&out, "residentCompanies", 120.0).map(|f| f.0),
            Some("中葡（示例）生态园".to_owned())
        );
        assert_eq!(
            fact(&out, "area", 9.5).map(|f| f.0),
            Some("中葡（示例）生态园".to_owned())
        );
        // 以 of 以中葡合作为主题 is a preposition, not Israel.
        let out = extractor().extract("t.txt", "葡萄牙企业入驻以中葡合作为主题的园区。");
        assert!(!has(&out, EntityType::Country, "以"), "{:?}", out.entities);
    }

    #[test]
    fn delegations_lists_capitals_and_organisers() {
        let out = extractor().extract(
            "t.txt",
            "哈尔滨与哈巴罗夫斯克交往密切。哈巴罗夫斯克市副市长伊万·彼得罗夫率该市代表团一行20人,\
             于6月3日至6日在哈访问。\
             光州是韩国全罗南道首府。\
             大田市与韩国光州广域市举办友好城市结好30周年交流会。\
             目前，大田已与20个国家的30个城市建立友好城市关系，包括日本冈山市、德国埃森市等。",
        );
        assert!(rel(&out, "伊万·彼得罗夫", "visited", "哈尔滨").is_some());
        assert!(rel(&out, "伊万·彼得罗夫", "visited", "哈巴罗夫斯克").is_none());
        assert!(
            out.relations
                .iter()
                .all(|r| r.predicate.as_str() != "organizedBy"),
            "{:?}",
            out.relations
        );
        for partner in ["冈山市", "埃森市"] {
            assert!(
                rel(&out, "大田市", "friendshipCity", partner).is_some(),
                "{partner}: {:?}",
                out.relations
            );
        }
    }

    #[test]
    fn english_states_ports_ordinals_and_exports() {
        let out = extractor().extract(
            "t.txt",
            "SPOKANE -- A delegation from Spokane, led by City Council Member Jane Doe, is visiting \
             Harbin. The Spokane-Harbin Sister City 25th Anniversary Trade Forum was held on Monday. \
             Port of Spokane Commissioner Tom Smith attended.\n\n\
             The delegation also toured the Harbin New Area, and visited Harbin Airport.\n\n\
             Spokane is Washington state's second-largest city. Washington exported $2.5 billion \
             in goods to China in 2023.",
        );
        assert!(has(
            &out,
            EntityType::Event,
            "Spokane-Harbin Sister City 25th Anniversary Trade Forum"
        ));
        assert!(has(&out, EntityType::GovernmentBody, "Port of Spokane"));
        assert!(has(&out, EntityType::Province, "Washington state"));
        assert!(rel(&out, "Jane Doe", "visited", "Harbin Airport").is_some());
        assert_eq!(
            fact(&out, "tradeVolume", 2_500_000_000.0),
            Some(("Washington state".to_owned(), Some("China".to_owned())))
        );
    }

    #[test]
    fn outlets_regions_and_speakers_by_video() {
        let out = extractor().extract(
            "t.txt",
            "2024-09-12 09:48  来源:宁夏新闻网\n\n意大利伦巴第大区与示例市签署协议。\
             中国驻迪拜总领事馆经济商务领事王立新通过视频连线发言。\
             示例公司在迪拜杰贝阿里自由区建设仓库。",
        );
        assert!(
            has(&out, EntityType::Company, "宁夏新闻网"),
            "{:?}",
            out.entities
        );
        assert!(has(&out, EntityType::Province, "伦巴第大区"));
        assert!(has(&out, EntityType::Person, "王立新"));
        assert!(has(&out, EntityType::EconomicZone, "迪拜杰贝阿里自由区"));
    }

    #[test]
    fn bylines_transliterated_names_and_mission_staff() {
        let out = extractor().extract(
            "t.txt",
            "新华社海口9月12日电（记者 林晓帆 陈嘉禾）论坛在海口举行。\
             示例集团中国区总经理让-吕克·莫罗笑着说，工厂明年投产。\
             示例市市长皮埃尔·拉方举行会谈。中国银行海南省分行行长郑书韵接受记者采访。\
             中国驻示例总领事馆经济商务领事王振川出席。法国驻华大使馆经济处公使衔参赞苏菲·马丁出席。",
        );
        for name in ["林晓帆", "陈嘉禾", "让-吕克·莫罗", "皮埃尔·拉方", "郑书韵"]
        {
            assert!(
                has(&out, EntityType::Person, name),
                "{name}: {:?}",
                out.entities
            );
        }
        assert!(rel(&out, "王振川", "nationality", "中国").is_some());
        assert!(rel(&out, "苏菲·马丁", "positionAt", "法国驻华大使馆").is_some());
        assert!(rel(&out, "苏菲·马丁", "nationality", "法国").is_some());
    }

    #[test]
    fn parts_of_counts_and_border_figures() {
        let out = extractor().extract(
            "t.txt",
            "法国企业看好中法示例生态示范城。中法示例生态示范城位于示例市。截至今年6月底，示范城已入驻企业126家，其中法资企业23家，\
             累计协议投资额达286亿元。今年1至5月，中俄互市贸易区实现互市贸易额7.6亿元，同比增长38.2%。\
             2023年，满洲里口岸出入境人员113.6万人次。",
        );
        let zone = "中法示例生态示范城".to_owned();
        assert_eq!(
            fact(&out, "residentCompanies", 126.0).map(|f| f.0),
            Some(zone.clone())
        );
        assert_eq!(
            fact(&out, "residentCompanies", 23.0),
            Some(("法国".to_owned(), Some(zone.clone())))
        );
        assert_eq!(
            fact(&out, "investmentAmount", 28_600_000_000.0).map(|f| f.0),
            Some(zone)
        );
        assert!(fact(&out, "crossBorderTradeVolume", 760_000_000.0).is_some());
        assert!(fact(&out, "growthRate", 38.2).is_some());
        assert!(fact(&out, "annualVisitors", 1_136_000.0).is_some());
    }

    #[test]
    fn firms_described_before_their_names() {
        let out = extractor().extract(
            "t.txt",
            "马来西亚槟城州代表团到访。其中，槟城企业宏丰电子集团与厦门火炬高技术产业开发区管委会签约，将投资8000万美元在火炬高新区建设基地。\
             “中国光谷”企业武汉示光激光科技有限公司与对方签约。",
        );
        assert_eq!(
            fact(&out, "investmentAmount", 80_000_000.0).map(|f| f.0),
            Some("宏丰电子集团".to_owned())
        );
        assert!(
            rel(
                &out,
                "宏丰电子集团",
                "investsIn",
                "厦门火炬高技术产业开发区"
            )
            .is_some()
        );
        assert!(
            has(&out, EntityType::Company, "武汉示光激光科技有限公司"),
            "{:?}",
            out.entities
        );
    }

    #[test]
    fn english_governors_missions_and_places_in_names() {
        let out = extractor().extract(
            "t.txt",
            "WUHAN, China -- Ohio Gov. Daniel Carter led a 42-member trade mission to the central \
             Chinese province of Hubei this week. The delegation arrived in Wuhan on Monday.\n\n\
             Trade between Ohio and Hubei reached $2.4 billion in 2023. In the first eight months \
             of this year, two-way trade totaled $1.6 billion, a 4.1 percent increase. Ohio \
             companies shipped $5.9 billion worth of goods to China last year. Ohio is the \
             seventh-largest state of the United States.\n\n\
             Consul General Jane Roe of the US Consulate General in Wuhan attended, as did the \
             Hubei Provincial Department of Commerce. A plant opened in Suzhou, east China's \
             Jiangsu province.",
        );
        assert!(rel(&out, "Daniel Carter", "positionAt", "Ohio").is_some());
        assert!(rel(&out, "Daniel Carter", "visited", "Hubei").is_some());
        assert!(rel(&out, "Daniel Carter", "visited", "Wuhan").is_some());
        assert!(rel(&out, "Daniel Carter", "visited", "China").is_none());
        assert!(
            fact(&out, "growthRate", 4.1).is_some() || fact(&out, "tradeGrowth", 4.1).is_some()
        );
        assert_eq!(
            fact(&out, "tradeVolume", 5_900_000_000.0),
            Some(("Ohio".to_owned(), Some("China".to_owned())))
        );
        assert!(
            rel(&out, "Jane Roe", "nationality", "United States").is_some(),
            "{:?}",
            out.relations
        );
        assert!(
            rel(&out, "US Consulate General in Wuhan", "locatedIn", "Wuhan").is_some(),
            "{:?}",
            out.relations
        );
        assert!(
            rel(
                &out,
                "Hubei Provincial Department of Commerce",
                "locatedIn",
                "Hubei"
            )
            .is_some()
        );
        assert!(
            rel(&out, "Suzhou", "partOf", "Jiangsu").is_some(),
            "{:?}",
            out.relations
        );
    }

    #[test]
    fn english_outlets_titles_after_places_and_agreements() {
        let out = extractor().extract(
            "t.txt",
            "The Harbor Ledger | Thursday, Oct. 17, 2024\n\nBy Ann Lee, Ledger business writer\n\n\
             Whitfield and Hubei Vice Governor Zhao Minghui opened the forum. Ohio State University \
             and Wuhan University agreed to expand joint research.",
        );
        assert!(
            has(&out, EntityType::Company, "The Harbor Ledger"),
            "{:?}",
            out.entities
        );
        assert!(rel(&out, "Ann Lee", "positionAt", "The Harbor Ledger").is_some());
        assert!(rel(&out, "Zhao Minghui", "positionAt", "Hubei").is_some());
        assert!(
            rel(
                &out,
                "Ohio State University",
                "cooperatesWith",
                "Wuhan University"
            )
            .is_some(),
            "{:?}",
            out.relations
        );
        let out = extractor().extract(
            "t.txt",
            "示例市与后贝加尔斯克镇交往密切。后贝加尔斯克镇镇长伊万·波波夫参加会谈。武汉大学与波尔多大学续签联合培养协议。",
        );
        assert!(
            has(&out, EntityType::Person, "伊万·波波夫"),
            "{:?}",
            out.entities
        );
        assert!(rel(&out, "武汉大学", "cooperatesWith", "波尔多大学").is_some());
    }

    #[test]
    fn firms_of_a_country_in_a_city_and_cities_of_china() {
        let out = extractor().extract(
            "t.txt",
            "日本是镇江第二大外资来源地。截至今年8月底，日本在镇累计投资项目486个，在镇日资企业超过190家。\
             镇江市位于江苏省。镇江港货运繁忙。中国经济稳定增长。",
        );
        assert_eq!(
            fact(&out, "residentCompanies", 190.0),
            Some(("日本".to_owned(), Some("镇江市".to_owned())))
        );
        assert!(rel(&out, "镇江市", "partOf", "江苏省").is_some());
        // China is named, but in no sentence with the city.
        assert!(
            rel(&out, "镇江市", "partOf", "中国").is_none(),
            "{:?}",
            out.relations
        );
    }

    #[test]
    fn english_partners_after_an_article_and_export_markets() {
        let out = extractor().extract(
            "t.txt",
            "Trade grew fast. The US is Chongqing's third-largest trading partner. China remains Ohio's \
             third-largest export market. The United States ranks as Hubei's fourth-largest \
             source of foreign direct investment.",
        );
        assert!(
            rel(&out, "United States", "tradePartner", "Chongqing").is_some(),
            "{:?}",
            out.relations
        );
        assert!(
            rel(&out, "China", "tradePartner", "Ohio").is_some(),
            "{:?}",
            out.relations
        );
        assert!(rel(&out, "United States", "investmentSource", "Hubei").is_some());
    }

    #[test]
    fn area_of_the_zone_a_sentence_is_about() {
        let out = extractor().extract(
            "t.txt",
            "示例经济开发区是海南自由贸易港的先行区和示范区，规划面积114.7平方公里。",
        );
        assert_eq!(
            fact(&out, "area", 114.7).map(|f| f.0),
            Some("示例经济开发区".to_owned()),
            "{:?}",
            out.facts
        );
    }

    #[test]
    fn a_zone_of_a_district_written_with_a_locative() {
        let out = extractor().extract(
            "t.txt",
            "蔡甸区位于武汉市。蔡甸区的中法示例生态示范城里，一条生产线正在调试。",
        );
        assert!(
            has(&out, EntityType::EconomicZone, "中法示例生态示范城"),
            "{:?}",
            out.entities
        );
        assert!(rel(&out, "中法示例生态示范城", "locatedIn", "蔡甸区").is_some());
    }

    #[test]
    fn english_places_written_without_diacritics() {
        let out = extractor().extract(
            "t.txt",
            "The city has sister cities in Alesund in Norway and Dusseldorf in Germany.",
        );
        assert!(
            rel(&out, "Alesund", "partOf", "Norway").is_some(),
            "{:?}",
            out.relations
        );
        assert!(
            has(&out, EntityType::City, "Dusseldorf"),
            "{:?}",
            out.entities
        );
    }
    #[test]
    fn friendship_between_states_provinces_and_in_english_lists() {
        let out = extractor().extract("t.txt", "海南省与印尼巴厘省于2019年缔结友好省关系。");
        assert!(
            rel(&out, "海南省", "friendshipCity", "巴厘省").is_some(),
            "{:?}",
            out.relations
        );
        let out = extractor().extract(
            "t.txt",
            "Minnesota and Shaanxi celebrate 40 years as sister states. The sister-city tie \
             is one of Duluth's oldest. The city has 8 sister cities, including Vaxjo in Sweden \
             and Petrozavodsk in Russia.",
        );
        assert!(rel(&out, "Minnesota", "friendshipCity", "Shaanxi").is_some());
        for city in ["Vaxjo", "Petrozavodsk"] {
            assert!(
                rel(&out, "Duluth", "friendshipCity", city).is_some(),
                "{city}: {:?}",
                out.relations
            );
        }
    }

    #[test]
    fn friends_listed_before_the_owner_and_pairs_of_the_clause_before() {
        let out = extractor().extract(
            "t.txt",
            "从1981年与日本秋田市结好至今，兰州的国际友城已增至20个。",
        );
        assert!(
            rel(&out, "兰州", "friendshipCity", "秋田市").is_some(),
            "{:?}",
            out.relations
        );
        let out = extractor().extract(
            "t.txt",
            "市长在致辞中表示，烟台与釜山隔海相望，自1985年缔结友好城市以来，合作不断深化。",
        );
        assert!(
            rel(&out, "烟台", "friendshipCity", "釜山").is_some()
                || rel(&out, "釜山", "friendshipCity", "烟台").is_some(),
            "{:?}",
            out.relations
        );
    }

    #[test]
    fn titles_and_their_people_end_organisation_names() {
        let out = extractor().extract(
            "t.txt",
            "越南岘港市人民委员会副主席阮文明率岘港市政府代表团访问昆明市。",
        );
        assert!(
            has(&out, EntityType::Person, "阮文明"),
            "{:?}",
            out.entities
        );
        assert!(
            has(&out, EntityType::GovernmentBody, "岘港市人民委员会"),
            "{:?}",
            out.entities
        );
        assert!(!out.entities.iter().any(|e| e.name.contains("阮文明率")));
        // 市委书记 is one word for the segmenter; the body still ends before the title.
        let out = extractor().extract("t.txt", "18日下午，钦州市委书记覃志远会见了代表团一行。");
        assert!(
            rel(&out, "覃志远", "positionAt", "钦州市委").is_some(),
            "{:?}",
            out.relations
        );
    }

    #[test]
    fn offices_named_by_fields_written_together() {
        let out = extractor().extract(
            "t.txt",
            "北海市文化广电和旅游局局长陆强与越南广宁省旅游厅副厅长黎氏兰签署了合作备忘录。",
        );
        assert!(
            rel(&out, "陆强", "positionAt", "北海市文化广电和旅游局").is_some(),
            "{:?}",
            out.relations
        );
        assert!(
            rel(
                &out,
                "北海市文化广电和旅游局",
                "cooperatesWith",
                "广宁省旅游厅"
            )
            .is_some(),
            "{:?}",
            out.relations
        );
    }

    #[test]
    fn editions_on_known_events_and_years_with_nian() {
        let out = extractor().extract(
            "t.txt",
            "双方将组织企业参加在南宁举办的第20届中国-东盟博览会，并共同举办2024年烟台—别府友好交流周。",
        );
        assert!(
            has(&out, EntityType::Event, "第20届中国-东盟博览会"),
            "{:?}",
            out.entities
        );
        assert!(
            has(&out, EntityType::Event, "2024年烟台—别府友好交流周"),
            "{:?}",
            out.entities
        );
    }

    #[test]
    fn parties_named_in_an_agreements_title_and_signers_at_a_ceremony() {
        let out = extractor().extract(
            "t.txt",
            "烟台—别府经贸合作推介会暨项目签约仪式在烟台国际会展中心举行。签约仪式上，\
             副市长王立与市长长野健一共同签署《烟台市人民政府与别府市政府关于深化合作的备忘录》。\
             随后，烟台保税港区管委会主任赵峰与丹海银行烟台分行行长铃木隆签署战略合作协议。",
        );
        assert!(
            rel(&out, "烟台市人民政府", "cooperatesWith", "别府市政府").is_some(),
            "{:?}",
            out.relations
        );
        let event = "烟台—别府经贸合作推介会暨项目签约仪式";
        for person in ["赵峰", "铃木隆"] {
            assert!(
                rel(&out, person, "participatedIn", event).is_some(),
                "{person}: {:?}",
                out.relations
            );
        }
        assert!(rel(&out, "丹海银行烟台分行", "participatedIn", event).is_none());
    }

    #[test]
    fn ambassadors_to_china_and_reporters_after_enumeration_commas() {
        let out = extractor().extract(
            "t.txt",
            "新华社郑州6月12日电（记者宋雨晴、孟凡强）哈萨克斯坦驻华大使努尔兰·叶尔兰出席开幕式。",
        );
        let ambassador = "努尔兰·叶尔兰";
        assert!(
            rel(&out, ambassador, "positionAt", "哈萨克斯坦").is_some(),
            "{:?}",
            out.relations
        );
        assert!(rel(&out, ambassador, "nationality", "哈萨克斯坦").is_some());
        for reporter in ["宋雨晴", "孟凡强"] {
            assert!(
                has(&out, EntityType::Person, reporter),
                "{reporter}: {:?}",
                out.entities
            );
        }
    }

    #[test]
    fn english_datelines_state_abbreviations_and_lower_case_offices() {
        let out = extractor().extract(
            "t.txt",
            "DENVER, Colo. — Colorado and Zhejiang marked the anniversary on Monday in Denver.\n\n\
             Port of Denver Executive Director Susan Hale and Zhejiang commerce department head \
             Zhang Wenbin signed a memorandum, and state Sen. Laura Pike said it was welcome.",
        );
        assert!(
            rel(&out, "Denver", "partOf", "Colorado").is_some(),
            "{:?}",
            out.relations
        );
        for person in ["Susan Hale", "Zhang Wenbin", "Laura Pike"] {
            assert!(
                has(&out, EntityType::Person, person),
                "{person}: {:?}",
                out.entities
            );
        }
        assert!(!out.entities.iter().any(|e| e.name.ends_with("Executive")));
    }
    #[test]
    fn stacked_titles_and_titles_the_segmenter_joins_with_the_name() {
        let out = extractor().extract(
            "t.txt",
            "越南代表团访问靖西市。百色市委常委、靖西市委书记李国梁会见了代表团，靖西市委副书记、市长韦春华陪同考察。\
             靖西边境经济合作区管委会主任何志远作园区推介。",
        );
        for (person, org, role) in [
            ("李国梁", "百色市委", "常委"),
            ("李国梁", "靖西市委", "书记"),
            ("韦春华", "靖西市委", "副书记"),
            ("韦春华", "靖西市", "市长"),
            ("何志远", "靖西边境经济合作区管委会", "主任"),
        ] {
            let r = rel(&out, person, "positionAt", org);
            assert!(
                r.is_some_and(|r| r.qualifiers.role.as_deref() == Some(role)),
                "{person} {org}: {:?}",
                out.relations
            );
        }
        assert!(!out.entities.iter().any(|e| e.name.contains("志远作")));
    }

    #[test]
    fn own_province_anaphors_and_english_visitors_received() {
        let out = extractor().extract(
            "t.txt",
            "吉林省与匈牙利经贸往来密切。截至今年6月底，匈牙利在我省累计投资项目23个。",
        );
        assert_eq!(
            fact(&out, "investmentProjects", 23.0),
            Some(("匈牙利".to_owned(), Some("吉林省".to_owned())))
        );
        let out = extractor().extract(
            "t.txt",
            "Cardiff is proud of the link. According to the consulate, the city received about \
             12,000 visitors from China in 2024.",
        );
        assert_eq!(
            fact(&out, "annualVisitors", 12000.0),
            Some(("Cardiff".to_owned(), Some("China".to_owned())))
        );
    }

    #[test]
    fn a_bare_event_word_names_the_event_of_that_kind() {
        let out = extractor().extract(
            "t.txt",
            "8月23日，吉林省与捷克南摩拉维亚州缔结友好省州关系十周年纪念活动暨经贸合作对接会在长春举办。\
             活动由吉林省商务厅主办，是第十五届中国—东北亚博览会的重要配套活动之一。\
             吉林省副省长赵文博出席活动并致辞。",
        );
        let event = "吉林省与捷克南摩拉维亚州缔结友好省州关系十周年纪念活动暨经贸合作对接会";
        assert!(has(&out, EntityType::Event, event), "{:?}", out.entities);
        assert!(
            rel(&out, event, "organizedBy", "吉林省商务厅").is_some(),
            "{:?}",
            out.relations
        );
        assert!(rel(&out, "赵文博", "participatedIn", event).is_some());
        assert!(
            rel(
                &out,
                "赵文博",
                "participatedIn",
                "第十五届中国—东北亚博览会"
            )
            .is_none()
        );
    }

    #[test]
    fn towns_facing_border_ports_and_contrasts_in_english_lists() {
        let out = extractor().extract(
            "t.txt",
            "凭祥市与谅山山水相连，两市自2011年结为友好城市以来合作密切。",
        );
        assert!(
            rel(&out, "凭祥市", "friendshipCity", "谅山").is_some(),
            "{:?}",
            out.relations
        );
        let out = extractor().extract(
            "t.txt",
            "Chengdu now has 38 sister cities around the world, while Perth maintains twinning \
             links with 9 cities, including Kagoshima and Houston.",
        );
        assert!(
            rel(&out, "Chengdu", "friendshipCity", "Kagoshima").is_none(),
            "{:?}",
            out.relations
        );
    }
    #[test]
    fn expo_names_with_a_qualified_place_supporters_and_signed_totals() {
        let out = extractor().extract(
            "t.txt",
            "2024中国(湖南)—肯尼亚经贸合作洽谈会26日在长沙开幕。本次洽谈会由湖南省人民政府主办,\
             湖南省商务厅承办,肯尼亚驻华大使馆为支持单位。现场签约合作项目15个,总金额9.6亿美元。",
        );
        let event = "2024中国(湖南)—肯尼亚经贸合作洽谈会";
        assert!(has(&out, EntityType::Event, event), "{:?}", out.entities);
        assert!(
            rel(&out, event, "coOrganizedBy", "肯尼亚驻华大使馆").is_some(),
            "{:?}",
            out.relations
        );
        assert_eq!(
            fact(&out, "contractValue", 960_000_000.0),
            Some((event.to_owned(), None))
        );
    }

    #[test]
    fn natives_of_a_city_abroad_and_areas_not_held_by_builders() {
        let out = extractor().extract(
            "t.txt",
            "目前在迪拜经营的温州籍商人超过3000人。该合作区由浙江某投资有限公司投资建设，规划面积4.5平方公里。",
        );
        assert_eq!(
            fact(&out, "residentPersons", 3000.0),
            Some(("温州".to_owned(), Some("迪拜".to_owned())))
        );
        assert!(
            fact(&out, "area", 4.5).is_none_or(|(s, _)| !s.contains("公司")),
            "{:?}",
            out.facts
        );
    }
    #[test]
    fn cities_ending_in_gang_and_branches_before_a_preposition() {
        let out = extractor().extract(
            "t.txt",
            "中国银行防城港分行为该项目定制了融资方案，并加密防城港至海防港的航线。",
        );
        assert!(
            has(&out, EntityType::Bank, "中国银行防城港分行"),
            "{:?}",
            out.entities
        );
        assert!(
            !out.entities
                .iter()
                .any(|e| e.kind == EntityType::Venue && e.name.ends_with("防城港")),
            "{:?}",
            out.entities
        );
    }

    #[test]
    fn short_forms_before_firms_and_sides_and_the_dominant_reading() {
        let out = extractor().extract(
            "t.txt",
            "湖北与肯尼亚合作密切。湖北企业积极走出去。目前在肯尼亚投资兴业的鄂企超过40家,\
             肯方在鄂投资项目5个。",
        );
        assert_eq!(
            fact(&out, "residentCompanies", 40.0),
            Some(("湖北".to_owned(), Some("肯尼亚".to_owned())))
        );
        assert_eq!(
            fact(&out, "investmentProjects", 5.0),
            Some(("肯尼亚".to_owned(), Some("湖北".to_owned())))
        );
        // 中方区域: a noun after 方 makes it no short form.
        let out = extractor().extract(
            "t.txt",
            "中国与哈萨克斯坦合作。中方区域累计完成投资约30亿元。",
        );
        assert!(
            out.entities
                .iter()
                .all(|e| !e.aliases.iter().any(|a| a == "中")),
            "{:?}",
            out.entities
        );
        // 在赣 names the province the text is about, though it also names 赣州 once.
        let out = extractor().extract(
            "t.txt",
            "江西省与智利合作。江西对智利出口增长。赣州脐橙出口智利。江西企业赴智利投资。\
             截至今年4月末,智利在赣投资项目累计23个。",
        );
        assert_eq!(
            fact(&out, "investmentProjects", 23.0),
            Some(("智利".to_owned(), Some("江西省".to_owned())))
        );
    }

    #[test]
    fn firms_set_up_abroad_and_targets() {
        let out = extractor().extract(
            "t.txt",
            "浙江与巴西经贸往来密切。浙江已有25家企业在巴西设立公司或办事处。\
             力争明年对巴西进出口突破50亿元。",
        );
        assert_eq!(
            fact(&out, "residentCompanies", 25.0),
            Some(("浙江".to_owned(), Some("巴西".to_owned())))
        );
        assert!(fact(&out, "tradeVolume", 5e9).is_none(), "{:?}", out.facts);
    }

    #[test]
    fn missions_in_china_witnesses_and_cities_after_their_country() {
        let out = extractor().extract(
            "t.txt",
            "2024福建—秘鲁经贸合作洽谈会在福州举行。秘鲁驻华大使馆与福建省商务厅签署备忘录,\
             福州市副市长林志远见证签约。此前,福州市与秘鲁港口城市卡亚俄、智利塔尔卡瓦诺市\
             建立友好城市关系。",
        );
        let embassy = "秘鲁驻华大使馆";
        assert!(
            rel(&out, embassy, "locatedIn", "中国").is_none(),
            "{:?}",
            out.relations
        );
        let event = "2024福建—秘鲁经贸合作洽谈会";
        assert!(
            rel(&out, "林志远", "participatedIn", event).is_some(),
            "{:?}",
            out.relations
        );
        assert!(
            rel(&out, "塔尔卡瓦诺市", "partOf", "智利").is_some(),
            "{:?}",
            out.relations
        );
        // 驻华 is China when the text names it.
        let out = extractor().extract("t.txt", "中国与秘鲁合作。秘鲁驻华大使馆参赞出席。");
        assert!(
            rel(&out, embassy, "locatedIn", "中国").is_some(),
            "{:?}",
            out.relations
        );
    }

    #[test]
    fn bodies_named_by_their_level_are_in_the_home_city() {
        let out = extractor().extract(
            "t.txt",
            "嘉善县与日本某町签约。嘉兴市嘉兴市嘉兴市副市长出席。代表团与市外办、市贸促会座谈。",
        );
        for body in ["市外办", "市贸促会"] {
            assert!(
                has(&out, EntityType::GovernmentBody, body),
                "{:?}",
                out.entities
            );
            assert!(
                rel(&out, body, "locatedIn", "嘉兴市").is_some(),
                "{:?}",
                out.relations
            );
        }
    }

    #[test]
    fn english_city_offices_in_the_dateline_city() {
        let out = extractor().extract(
            "t.txt",
            "Port deal signed\n\nMOBILE, Ala. — Mayor Grace Whitlock and Qinzhou Vice Mayor Tan \
             Rui signed the pact at City Hall. Alderman Joe Barnes voted against it. Li Na, \
             deputy consul general at the Chinese Consulate General in Houston, attended.",
        );
        assert!(
            rel(&out, "Grace Whitlock", "positionAt", "MOBILE").is_some(),
            "{:?}",
            out.relations
        );
        assert!(
            rel(&out, "Joe Barnes", "positionAt", "MOBILE").is_some(),
            "{:?}",
            out.relations
        );
        assert!(
            rel(&out, "Tan Rui", "positionAt", "MOBILE").is_none(),
            "{:?}",
            out.relations
        );
        assert!(
            rel(
                &out,
                "Li Na",
                "positionAt",
                "Chinese Consulate General in Houston"
            )
            .is_some(),
            "{:?}",
            out.relations
        );
    }

    #[test]
    fn headline_events_quoted_routes_and_projects_built() {
        let out = extractor().extract(
            "t.txt",
            "鄂肯经贸推介会在武汉举行 8个合作项目现场签约\n\n\
             5月9日,2024湖北—肯尼亚经贸合作推介会在武汉举行。推介会由湖北省商务厅与\
             肯尼亚驻华大使馆联合主办。当天,8个合作项目集中签约。其中,某集团将投资2亿美元,\
             在武汉经开区建设鄂肯农产品冷链物流枢纽项目。6日,\"武汉—内罗毕\"全货机航线\
             首航仪式在武汉天河国际机场举行。",
        );
        let event = "2024湖北—肯尼亚经贸合作推介会";
        let ev = out.entities.iter().find(|e| e.name == event);
        assert!(
            ev.is_some_and(|e| e.aliases.iter().any(|a| a == "鄂肯经贸推介会")),
            "{:?}",
            out.entities
        );
        assert_eq!(
            fact(&out, "investmentProjects", 8.0),
            Some((event.to_owned(), None))
        );
        assert!(
            rel(&out, event, "organizedBy", "湖北省商务厅").is_some(),
            "{:?}",
            out.relations
        );
        assert!(
            rel(&out, event, "coOrganizedBy", "湖北省商务厅").is_none(),
            "{:?}",
            out.relations
        );
        assert!(
            has(&out, EntityType::Project, "鄂肯农产品冷链物流枢纽项目"),
            "{:?}",
            out.entities
        );
        assert!(
            has(&out, EntityType::Event, "\"武汉—内罗毕\"全货机航线首航仪式"),
            "{:?}",
            out.entities
        );
        // Not a project: 建设一批重点项目.
        let out = extractor().extract("t.txt", "武汉将建设一批重点项目。");
        assert!(
            out.entities.iter().all(|e| e.kind != EntityType::Project),
            "{:?}",
            out.entities
        );
    }

    #[test]
    fn names_inside_words_and_transliterated_names() {
        // 津市市 (a city of Hunan) inside 唐津市市长.
        let out = extractor().extract("t.txt", "韩国唐津市市长具明宰表示欢迎。");
        assert!(!has(&out, EntityType::City, "津市市"), "{:?}", out.entities);
        let out = extractor().extract(
            "t.txt",
            "代表处首席代表玛丽·瓦姆布伊表示,将提供本币结算服务。基安布郡郡长塞缪尔·穆图亚出席。",
        );
        for person in ["玛丽·瓦姆布伊", "塞缪尔·穆图亚"] {
            assert!(has(&out, EntityType::Person, person), "{:?}", out.entities);
        }
    }

    #[test]
    fn long_transliterated_names_and_indonesian_firms() {
        let out = extractor().extract(
            "t.txt",
            "塔拉斯市市长阿斯卡尔别克·萨特巴尔季耶夫此次专程率团来到伊宁。\
             哈萨克斯坦驻西安总领事馆总领事努尔苏丹·别克穆拉托夫等出席开幕式。",
        );
        for person in ["阿斯卡尔别克·萨特巴尔季耶夫", "努尔苏丹·别克穆拉托夫"]
        {
            assert!(has(&out, EntityType::Person, person), "{:?}", out.entities);
        }
        let out = extractor().extract(
            "t.txt",
            "The service is run by Beibu Gulf Container Lines and PT Laut Biru Lines. The Beihai \
             Representative Office of PT Bank Sinar Timur opened on Monday.",
        );
        assert!(
            has(&out, EntityType::Company, "PT Laut Biru Lines"),
            "{:?}",
            out.entities
        );
        assert!(
            has(&out, EntityType::Company, "Beibu Gulf Container Lines"),
            "{:?}",
            out.entities
        );
        assert!(
            has(&out, EntityType::Bank, "PT Bank Sinar Timur"),
            "{:?}",
            out.entities
        );
    }

    #[test]
    fn new_fields_in_firm_names_party_committees_and_the_dateline_city() {
        let out = extractor().extract(
            "t.txt",
            "市委副书记、市长李明远出席。浙江海川新材料有限公司与日本某社签约。",
        );
        assert!(!has(&out, EntityType::Person, "市委"), "{:?}", out.entities);
        assert!(
            has(&out, EntityType::Company, "浙江海川新材料有限公司"),
            "{:?}",
            out.entities
        );
        let out = extractor().extract(
            "t.txt",
            "Port link opens\n\nBEIHAI, Guangxi — A new route links Beihai and Davao. According \
             to customs, the city's trade with the Philippines reached 3.2 billion yuan last year.",
        );
        assert_eq!(
            fact(&out, "tradeVolume", 3.2e9).map(|(s, _)| s),
            Some("Beihai".to_owned())
        );
    }

    #[test]
    fn lists_after_a_part_and_projects_after_their_amount() {
        let out = extractor().extract(
            "t.txt",
            "目前,伊宁市已同6个外国城市结为友好城市,其中2个位于哈萨克斯坦,分别是塔拉兹和突厥斯坦。\
             由某农业集团投资3.2亿元的中哈番茄精深加工项目落户伊宁边境经济合作区。",
        );
        assert!(
            rel(&out, "伊宁市", "friendshipCity", "塔拉兹").is_some(),
            "{:?}",
            out.relations
        );
        assert!(
            has(&out, EntityType::Project, "中哈番茄精深加工项目"),
            "{:?}",
            out.entities
        );
    }

    #[test]
    fn a_delegation_leader_attends_and_venues_in_central_places() {
        let out = extractor().extract(
            "t.txt",
            "第五届乌拉尔国际工业博览会7月8日开幕。绵阳市副市长周立群率绵阳市经贸代表团访问叶卡捷琳堡市,\
             出席第五届乌拉尔国际工业博览会。",
        );
        assert!(
            rel(
                &out,
                "周立群",
                "participatedIn",
                "第五届乌拉尔国际工业博览会"
            )
            .is_some(),
            "{:?}",
            out.relations
        );
        let out = extractor().extract(
            "t.txt",
            "The forum was held at the Harbour Congress Centre in central Gothenburg on Tuesday.",
        );
        assert!(
            rel(&out, "Harbour Congress Centre", "locatedIn", "Gothenburg").is_some(),
            "{:?}",
            out.relations
        );
    }

    #[test]
    fn a_bare_mayor_title_in_a_city_release() {
        let out = extractor().extract(
            "t.txt",
            "泰州市代表团访问日本。泰州市与日本某市签约。副市长沈立群,市政府秘书长王柏松随团出访。",
        );
        assert!(
            rel(&out, "沈立群", "positionAt", "泰州市").is_some(),
            "{:?}",
            out.relations
        );
        // Not when the title follows another word (前副市长, a former holder).
        let out = extractor().extract(
            "t.txt",
            "泰州市与日本某市签约。泰州市代表团出访。前副市长沈立群出席。",
        );
        assert!(
            rel(&out, "沈立群", "positionAt", "泰州市").is_none(),
            "{:?}",
            out.relations
        );
    }

    #[test]
    fn district_releases_compass_parts_and_joint_centres() {
        let out = extractor().extract(
            "t.txt",
            "来源:区商务局\n5月8日,匈牙利佩奇市副市长纳吉·彼得率代表团来我区考察访问。区委副书记、区长陈立新会见代表团,\
             副区长王慧陪同。武进区与佩奇市交流频繁,武进区企业众多。\
             武进区人民政府与佩奇市政府签署建立友好城市关系意向书。\
             佩奇是匈牙利第五大城市、巴兰尼亚州首府。双方将在佩奇南部工业园共建中匈新能源联合研发中心,\
             并了解园区产业布局。中国银行常州武进支行与中国银行匈牙利分行签署协议。",
        );
        assert!(
            has(&out, EntityType::GovernmentBody, "区委"),
            "{:?}",
            out.entities
        );
        assert!(
            has(&out, EntityType::EconomicZone, "佩奇南部工业园"),
            "{:?}",
            out.entities
        );
        assert!(
            has(&out, EntityType::ResearchBody, "中匈新能源联合研发中心"),
            "{:?}",
            out.entities
        );
        assert!(
            !out.entities.iter().any(|e| e.name.ends_with("布局")),
            "{:?}",
            out.entities
        );
        assert_relations(
            &out,
            &[
                ("陈立新", "positionAt", "区委"),
                ("陈立新", "positionAt", "武进区"),
                ("王慧", "positionAt", "武进区"),
                ("区委", "locatedIn", "武进区"),
                ("区商务局", "locatedIn", "武进区"),
                ("武进区", "friendshipCity", "佩奇市"),
                ("佩奇市", "partOf", "巴兰尼亚州"),
                ("中国银行常州武进支行", "locatedIn", "武进区"),
                ("中国银行匈牙利分行", "locatedIn", "匈牙利"),
            ],
        );
        assert!(
            out.relations
                .iter()
                .any(|r| r.predicate.as_str() == "visited"
                    && out.entity(&r.object).is_some_and(|e| e.name == "武进区")),
            "{:?}",
            out.relations
        );
    }

    #[test]
    fn english_datelines_without_a_comma_regions_of_a_country_and_firms_without_legal_form() {
        let out = extractor().extract(
            "t.txt",
            "XINING — Qinghai province and New Zealand's Canterbury region set up sister-province \
             ties on Friday at the 2025 Qinghai Green Trade Fair, which opened on Friday at the \
             Qinghai International Exhibition Center. The fair, hosted by the Qinghai provincial \
             government and organized by the Qinghai Department of Commerce, runs until Monday. \
             Christchurch-based Kea Alpine Foods Ltd will invest 80 million yuan in the Kea Milk \
             Powder Project. \"We are glad,\" said Tom Hale, chief executive of Kea Alpine Foods. \
             Qinghai lies in western China. New Zealand firms have invested in 23 projects in the province, with actual \
             investment of $86 million. Bank of China Qinghai Branch will lend to them. Lincoln \
             University and Qinghai University set up the Joint Research Center for Grassland \
             Ecology. Christchurch, Canterbury's largest city, has visitors. Canterbury received \
             52,000 visitors from China in 2024.",
        );
        assert_relations(
            &out,
            &[
                ("Qinghai", "friendshipCity", "Canterbury"),
                ("Christchurch", "partOf", "Canterbury"),
                ("Tom Hale", "positionAt", "Kea Alpine Foods Ltd"),
                ("Bank of China Qinghai Branch", "partOf", "Bank of China"),
                (
                    "2025 Qinghai Green Trade Fair",
                    "heldAt",
                    "Qinghai International Exhibition Center",
                ),
                (
                    "2025 Qinghai Green Trade Fair",
                    "coOrganizedBy",
                    "Qinghai Department of Commerce",
                ),
                (
                    "Kea Alpine Foods Ltd",
                    "investsIn",
                    "Kea Milk Powder Project",
                ),
            ],
        );
        // The region, not the English city of that name, wherever it is named.
        assert!(
            !out.entities
                .iter()
                .any(|e| e.name == "Canterbury" && e.kind != EntityType::Province),
            "{:?}",
            out.entities
        );
        // The dateline ends before the first sentence: its city is no party to the tie.
        assert!(
            rel(&out, "XINING", "friendshipCity", "Canterbury").is_none(),
            "{:?}",
            out.relations
        );
        assert!(
            has(
                &out,
                EntityType::ResearchBody,
                "Joint Research Center for Grassland Ecology"
            ),
            "{:?}",
            out.entities
        );
        let projects = out
            .facts
            .iter()
            .find(|f| f.measure.as_str() == "investmentProjects")
            .and_then(|f| f.object.as_deref())
            .and_then(|o| out.entity(o));
        assert_eq!(
            projects.map(|e| e.name.as_str()),
            Some("Qinghai province"),
            "{:?}",
            out.facts
        );
    }

    #[test]
    fn friends_paired_in_order_first_level_pairs_and_a_city_report() {
        let out = extractor().extract(
            "t.txt",
            "吉林与北海道纬度相近，自1990年缔结友好省道关系以来交流不断。\
             吉林省的长春、延吉分别与北海道的旭川、苫小牧结为友好城市。",
        );
        assert_relations(
            &out,
            &[
                ("吉林省", "friendshipCity", "北海道"),
                ("长春", "friendshipCity", "旭川"),
                ("延吉", "friendshipCity", "苫小牧"),
            ],
        );
        assert!(
            rel(&out, "长春", "friendshipCity", "苫小牧").is_none(),
            "{:?}",
            out.relations
        );
        let out = extractor().extract(
            "t.txt",
            "汕头市外办2024年工作总结\n汕头市对外交往成果丰硕。汕头市全年接待外宾团组30批。\
             一是与马来西亚沙巴州首府亚庇市正式缔结友好城市关系。\
             二是新增泰国合艾市、印度尼西亚坤甸市2个友好交流城市。",
        );
        for o in ["亚庇市", "合艾市", "坤甸市"] {
            assert!(
                rel(&out, "汕头市", "friendshipCity", o).is_some(),
                "{o}: {:?}",
                out.relations
            );
        }
        assert!(
            rel(&out, "合艾市", "friendshipCity", "坤甸市").is_none(),
            "{:?}",
            out.relations
        );
    }

    #[test]
    fn firm_units_subsidiaries_offices_venues_after_places_and_people_before_verbs() {
        let out = extractor().extract(
            "t.txt",
            "第比利斯代表处同日揭牌。同日，西宁银行第比利斯代表处正式开业，这是青海省法人银行设立的首家\
             境外机构。西宁银行党委书记、董事长马志刚出席。杭州华远电子有限公司全资子公司华远电子（匈牙利）\
             有限公司在巴兰尼亚州佩奇市多瑙会议中心举行签约仪式，市贸促会会长刘建民主持签约仪式。\
             杭州市人民政府与杭州市滨江区人民政府参加。熊本市议会议长坂田隆、格鲁吉亚经济和可持续发展部\
             副部长尼诺·卡帕纳泽出席。双方将共建生物医药联合实验室和“中匈智能制造联合实验室”。\
             长崎市与福州市是友好城市。学生们参观了长崎城和长崎县立美术馆。福建师范大学与长崎大学\
             互派交换留学生。福州大学与长崎县立大学签署学术交流协定。",
        );
        // A prefectural university is not the national one of the same city.
        assert!(has(&out, EntityType::ResearchBody, "长崎县立大学"));
        assert!(has(&out, EntityType::Venue, "长崎县立美术馆"));
        assert!(rel(&out, "福建师范大学", "cooperatesWith", "长崎大学").is_some());
        assert!(rel(&out, "福州大学", "cooperatesWith", "长崎县立大学").is_some());
        assert_relations(
            &out,
            &[
                ("西宁银行第比利斯代表处", "partOf", "西宁银行"),
                ("马志刚", "positionAt", "西宁银行"),
                (
                    "华远电子（匈牙利）有限公司",
                    "partOf",
                    "杭州华远电子有限公司",
                ),
                ("刘建民", "positionAt", "市贸促会"),
                ("坂田隆", "positionAt", "熊本市议会"),
                ("尼诺·卡帕纳泽", "positionAt", "格鲁吉亚经济和可持续发展部"),
            ],
        );
        // The office said first in the headline is the bank's.
        assert!(has(&out, EntityType::Bank, "第比利斯代表处"));
        assert!(has(&out, EntityType::Venue, "多瑙会议中心"));
        assert!(has(
            &out,
            EntityType::ResearchBody,
            "中匈智能制造联合实验室"
        ));
        assert!(has(
            &out,
            EntityType::GovernmentBody,
            "杭州市滨江区人民政府"
        ));
        assert!(!has(&out, EntityType::GovernmentBody, "西宁银行党委"));
        assert!(!has(&out, EntityType::Bank, "青海省法人银行"));
        assert!(!has(&out, EntityType::ResearchBody, "生物医药联合实验室"));
        assert!(
            out.entities
                .iter()
                .all(|e| !e.name.starts_with('民') && e.name != "党委" && !e.name.contains("城和")),
            "{:?}",
            out.entities
        );
        let city_government = out.entities.iter().find(|e| e.name == "杭州市人民政府");
        assert!(
            city_government.is_some_and(|e| e.aliases.is_empty()),
            "{city_government:?}"
        );
    }

    #[test]
    fn english_officials_missions_acronyms_and_firms_named_by_their_trade() {
        let out = extractor().extract(
            "t.txt",
            "OULU, Finland - The agreement was signed by Mayor of Oulu Antti Koivula. It was \
             co-organised by the Embassy of Finland in Beijing and the Department for Business \
             and Trade. Wan Guoqiang, Deputy Director-General of the Jiangxi Provincial \
             Department of Commerce, attended. The University of Leeds signed with South China \
             University of Technology (SCUT). SCUT president Professor Zhang Weiming spoke. \
             The delegation, led by the Lord Mayor of Leeds, Councillor Hannah Okafor, arrived \
             in Guangzhou and met the city's vice-mayor, Huang Lei. Firms on the trip include \
             cable manufacturer Severnside Cables. Trade with Hubei province grew.",
        );
        assert_relations(
            &out,
            &[
                ("Antti Koivula", "positionAt", "Oulu"),
                (
                    "Wan Guoqiang",
                    "positionAt",
                    "Jiangxi Provincial Department of Commerce",
                ),
                (
                    "Zhang Weiming",
                    "positionAt",
                    "South China University of Technology",
                ),
                ("Hannah Okafor", "positionAt", "Leeds"),
                ("Huang Lei", "positionAt", "Guangzhou"),
            ],
        );
        assert_entities(
            &out,
            &[
                (EntityType::GovernmentBody, "Embassy of Finland in Beijing"),
                (
                    EntityType::GovernmentBody,
                    "Department for Business and Trade",
                ),
                (EntityType::ResearchBody, "SCUT"),
                (EntityType::Company, "Severnside Cables"),
                (EntityType::Province, "Hubei province"),
                (EntityType::Province, "Hubei"),
            ],
        );
        assert!(
            out.entities
                .iter()
                .all(|e| !e.name.starts_with("Professor") && !e.name.starts_with("Councillor")),
            "{:?}",
            out.entities
        );
    }

    #[test]
    fn english_people_after_words_of_address_and_states() {
        let out = extractor().extract(
            "t.txt",
            "The Consul-General of the People's Republic of China in Kano, Mr. Liang Wenhao, \
             spoke. The Kano State Ministry of Agriculture, Water, Land and Forestry hosted it. \
             \"Yields will rise,\" said Dr. Amina Bello-Yusuf, an economist at Bayero Holdings. \
             Mayor Ada Obi said more than 2,000 traders visit Harbin every year.",
        );
        for person in ["Liang Wenhao", "Amina Bello-Yusuf"] {
            assert!(has(&out, EntityType::Person, person), "{:?}", out.entities);
        }
        assert!(
            has(&out, EntityType::Province, "Kano State"),
            "{:?}",
            out.entities
        );
        assert!(
            has(
                &out,
                EntityType::GovernmentBody,
                "Kano State Ministry of Agriculture, Water, Land and Forestry"
            ),
            "{:?}",
            out.entities
        );
        assert_relations(
            &out,
            &[
                ("Liang Wenhao", "positionAt", "People's Republic of China"),
                ("Amina Bello-Yusuf", "positionAt", "Bayero Holdings"),
            ],
        );
        // Reported: the traders visit, not the mayor.
        assert!(
            rel(&out, "Ada Obi", "visited", "Harbin").is_none(),
            "{:?}",
            out.relations
        );
    }

    #[test]
    fn english_partners_named_before_a_possessive_and_chambers_abroad() {
        let out = extractor().extract(
            "t.txt",
            "Trade rose 8 percent, making Ghana Fujian's third-largest trading partner in \
             Africa. The Fujian Chamber of Commerce in Ghana met. The Tema Textile Park covers \
             8 hectares.",
        );
        let partner = rel(&out, "Ghana", "tradePartner", "Fujian");
        assert!(
            partner.is_some_and(|r| r.qualifiers.rank == Some(3)),
            "{:?}",
            out.relations
        );
        assert!(
            has(
                &out,
                EntityType::Association,
                "Fujian Chamber of Commerce in Ghana"
            ),
            "{:?}",
            out.entities
        );
        assert!(fact(&out, "area", 80_000.0).is_some(), "{:?}", out.facts);
    }

    #[test]
    fn transliterated_names_again_and_places_the_gazetteer_spells_otherwise() {
        let out = extractor().extract(
            "t.txt",
            "美国马里兰州副州长艾琳·霍索恩率团访问。霍索恩表示,希望深化合作。\
             芜湖市与马里兰州安纳波利斯市签署意向书。\
             合肥市蜀山区与布尔萨市尼吕费尔区签署建立友好交流关系协议。",
        );
        let person = out.entities.iter().find(|e| e.name == "艾琳·霍索恩");
        assert!(
            person.is_some_and(|p| p.aliases.iter().any(|a| a == "霍索恩")),
            "{:?}",
            out.entities
        );
        assert_relations(
            &out,
            &[
                ("安纳波利斯市", "partOf", "马里兰州"),
                ("芜湖市", "cooperatesWith", "安纳波利斯市"),
                ("尼吕费尔区", "partOf", "布尔萨市"),
                ("蜀山区", "friendshipCity", "尼吕费尔区"),
            ],
        );
        assert!(rel(&out, "合肥市", "friendshipCity", "尼吕费尔区").is_none());
        // A speaker without a title; the last part of a transliterated name is its person.
        let out = extractor().extract(
            "t.txt",
            "在签约仪式上,黄雨桐说,双方将深化合作。港务局局长扬·福格特出席。福格特说,合作很好。",
        );
        assert!(
            has(&out, EntityType::Person, "黄雨桐"),
            "{:?}",
            out.entities
        );
        assert!(
            !out.entities.iter().any(|e| e.name == "福格特"),
            "{:?}",
            out.entities
        );
        let out = extractor().extract(
            "t.txt",
            "今年5月,在蚌埠市人民政府于奥胡斯举办的“2025蚌埠—北欧投资合作恳谈会”上,\
             马里兰州企业切萨皮克材料公司与蚌埠市签约。安徽目前已与美国7个州建立友好省州关系。",
        );
        assert_relations(
            &out,
            &[
                (
                    "2025蚌埠—北欧投资合作恳谈会",
                    "organizedBy",
                    "蚌埠市人民政府",
                ),
                ("切萨皮克材料公司", "locatedIn", "马里兰州"),
            ],
        );
        assert_eq!(
            fact(&out, "friendshipCityCount", 7.0),
            Some(("安徽".to_owned(), Some("美国".to_owned()))),
            "{:?}",
            out.facts
        );
        let out = extractor().extract(
            "t.txt",
            "An estimated 4,500 people from Fujian live and work across Ghana. The water \
             scheme will serve about 1.8 million residents.",
        );
        assert_eq!(
            fact(&out, "residentPersons", 4500.0),
            Some(("Fujian".to_owned(), Some("Ghana".to_owned()))),
            "{:?}",
            out.facts
        );
        assert!(
            fact(&out, "residentPersons", 1_800_000.0).is_none(),
            "{:?}",
            out.facts
        );
    }

    #[test]
    fn projects_named_by_their_firms_parks_inside_zones_and_subsidiaries() {
        let out = extractor().extract(
            "t.txt",
            "瑞典北辰集团年产3万台热泵项目在湖州经济技术开发区中欧(湖州)智能制造产业园开工。\
             该项目由北辰热能(湖州)有限公司投资建设,项目占地8公顷。\
             代表团走访了中国工商银行(瑞典)有限公司。中国工商银行湖州分行与该行签署协议。",
        );
        assert_entities(
            &out,
            &[
                (EntityType::Project, "瑞典北辰集团年产3万台热泵项目"),
                (EntityType::EconomicZone, "湖州经济技术开发区"),
                (EntityType::EconomicZone, "中欧(湖州)智能制造产业园"),
            ],
        );
        assert_relations(
            &out,
            &[
                ("瑞典北辰集团", "investsIn", "瑞典北辰集团年产3万台热泵项目"),
                (
                    "北辰热能(湖州)有限公司",
                    "investsIn",
                    "瑞典北辰集团年产3万台热泵项目",
                ),
                (
                    "中欧(湖州)智能制造产业园",
                    "locatedIn",
                    "湖州经济技术开发区",
                ),
                ("中国工商银行(瑞典)有限公司", "partOf", "中国工商银行"),
            ],
        );
        assert!(fact(&out, "area", 80_000.0).is_some(), "{:?}", out.facts);
    }

    #[test]
    fn transliterated_firms_subsidiaries_capital_in_zones_and_ports() {
        let out = extractor().extract(
            "t.txt",
            "德国是滨州重要的外资来源地。9个德资项目集中签约落户中德(滨州)智造产业园,总投资18.2亿元。\
             其中,总部位于汉堡的奥贝特精工股份公司投资3000万欧元建设基地,项目由其全资子公司奥贝特精工(滨州)有限公司运营;\
             总部位于不来梅的维斯特罗液压有限公司投资1200万欧元。\
             中德(滨州)智造产业园位于滨州市,2019年批复设立。园区已集聚德资企业96家。\
             匈牙利国家馆亮相中国—中东欧博览会。班列经霍尔果斯口岸出境,喀什陆港物流有限公司位于喀什国际陆港区。\
             马来西亚怡保市市长阿明·哈桑·卡瓦姆访问滨州。卡瓦姆市长表示,合作前景广阔。",
        );
        assert!(
            out.entities
                .iter()
                .all(|e| e.kind != EntityType::City || e.name != "卡瓦姆市"),
            "{:?}",
            out.entities
        );
        assert_relations(&out, &[("阿明·哈桑·卡瓦姆", "positionAt", "怡保市")]);
        assert_entities(
            &out,
            &[
                (EntityType::Company, "维斯特罗液压有限公司"),
                (EntityType::Venue, "匈牙利国家馆"),
                (EntityType::Event, "中国—中东欧博览会"),
                (EntityType::City, "霍尔果斯"),
                (EntityType::EconomicZone, "喀什国际陆港区"),
            ],
        );
        assert_relations(
            &out,
            &[("奥贝特精工(滨州)有限公司", "partOf", "奥贝特精工股份公司")],
        );
        let in_park = Some("中德(滨州)智造产业园".to_owned());
        for (measure, value) in [
            ("investmentProjects", 9.0),
            ("investmentAmount", 1_820_000_000.0),
            ("residentCompanies", 96.0),
        ] {
            assert_eq!(
                fact(&out, measure, value),
                Some(("德国".to_owned(), in_park.clone())),
                "{measure}: {:?}",
                out.facts
            );
        }
        assert_eq!(
            fact(&out, "investmentAmount", 12_000_000.0).map(|(s, _)| s),
            Some("维斯特罗液压有限公司".to_owned())
        );
    }

    #[test]
    fn english_missions_city_governments_and_councillors() {
        let out = extractor().extract(
            "t.txt",
            "The delegation was led by Calgary city councillor Dana Whitfield. The forum, held \
             May 4 at the Harbour Convention Centre, was organized by the City of Calgary. \
             Omar Haddad, president of the Calgary Board of Trade, spoke. UCSA and Fudan \
             University renewed their agreement. A reception was co-hosted by the Consulate \
             General of the People's Republic of China in Calgary. Consul General Li Ming \
             attended. Shanghai has sister-city or friendly-exchange ties with 93 cities.",
        );
        assert_entities(
            &out,
            &[
                (EntityType::GovernmentBody, "City of Calgary"),
                (EntityType::Association, "Calgary Board of Trade"),
                (EntityType::ResearchBody, "Fudan University"),
                (
                    EntityType::GovernmentBody,
                    "Consulate General of the People's Republic of China in Calgary",
                ),
            ],
        );
        let consulate = "Consulate General of the People's Republic of China in Calgary";
        assert_relations(
            &out,
            &[
                ("Dana Whitfield", "positionAt", "Calgary"),
                ("Omar Haddad", "positionAt", "Calgary Board of Trade"),
                ("Li Ming", "positionAt", consulate),
                ("Li Ming", "nationality", "People's Republic of China"),
            ],
        );
        assert!(
            fact(&out, "friendshipCityCount", 93.0).is_some(),
            "{:?}",
            out.facts
        );
    }

    #[test]
    fn signings_in_zones_projects_opening_a_clause_and_firms_by_origin() {
        let out = extractor().extract(
            "t.txt",
            "4月17日,芜湖经济技术开发区2025年德资项目集中签约仪式在经开区星湖国际会议中心举行。\
             本次共签约德资项目8个,总投资32.6亿元。德国工商大会上海代表处首席代表霍夫曼出席。\
             克朗施泰因高端液压元件项目总投资6.8亿元,由克朗施泰因液压技术有限公司投资建设。\
             来自德国巴伐利亚州的莱茵福斯特机械制造有限公司计划投资9500万欧元。\
             2023年,芜湖港完成集装箱吞吐量300万标准箱,同比增长11.6%。货物经釜山新港中转。\
             芜湖市与冲绳县那霸市缔结友好城市20周年纪念活动举行。那霸市市长仲宗根达也在那霸市役所\
             会见代表团。马来西亚沙巴州商会与沙巴潮州会馆参加。",
        );
        assert_entities(
            &out,
            &[
                (EntityType::Person, "仲宗根达也"),
                (EntityType::Venue, "那霸市役所"),
                (EntityType::Association, "沙巴潮州会馆"),
                (
                    EntityType::Event,
                    "芜湖市与冲绳县那霸市缔结友好城市20周年纪念活动",
                ),
            ],
        );
        assert_relations(&out, &[("沙巴潮州会馆", "locatedIn", "沙巴州")]);
        assert_entities(
            &out,
            &[
                (EntityType::Event, "2025年德资项目集中签约仪式"),
                (EntityType::Venue, "星湖国际会议中心"),
                (EntityType::Project, "克朗施泰因高端液压元件项目"),
                (EntityType::Venue, "釜山新港"),
            ],
        );
        assert_relations(
            &out,
            &[
                ("霍夫曼", "positionAt", "德国工商大会上海代表处"),
                ("星湖国际会议中心", "locatedIn", "芜湖经济技术开发区"),
                (
                    "克朗施泰因液压技术有限公司",
                    "investsIn",
                    "克朗施泰因高端液压元件项目",
                ),
                ("莱茵福斯特机械制造有限公司", "locatedIn", "巴伐利亚州"),
            ],
        );
        let zone = Some("芜湖经济技术开发区".to_owned());
        assert_eq!(
            fact(&out, "investmentProjects", 8.0),
            Some(("德国".to_owned(), zone)),
            "{:?}",
            out.facts
        );
        assert_eq!(
            fact(&out, "investmentAmount", 680_000_000.0).map(|(s, _)| s),
            Some("克朗施泰因高端液压元件项目".to_owned())
        );
        assert_eq!(
            fact(&out, "growthRate", 11.6).map(|(s, _)| s),
            Some("芜湖港".to_owned())
        );
    }

    #[test]
    fn english_cities_by_country_pounds_and_relative_clauses() {
        let out = extractor().extract(
            "t.txt",
            "The city already has sister cities in Patras, Greece (1986) and Hamamatsu, Japan. \
             In August, New Zealand said so. The deal was signed at the Council House by \
             Councillor Ann Byrne, Leader of Coventry City Council, and Wu Lei, Vice Mayor of \
             Wuxi, who is visiting Coventry this week. Officials met Jinhe Battery Co., which \
             will invest £48 million in a plant at Ansty Park. Lingbo Robotics Co. will invest \
             £40m ($53m) in a hub. Wuxi is one of Coventry's 12 sister cities. The Port of \
             Tilbury and Wuxi Port Group Co., Ltd. signed a memorandum. Exports from Coventry \
             to China grew by 9.3 per cent in 2024.",
        );
        assert_entities(
            &out,
            &[
                (EntityType::City, "Patras"),
                (EntityType::Venue, "Council House"),
                (EntityType::GovernmentBody, "Coventry City Council"),
                (EntityType::Company, "Wuxi Port Group Co., Ltd."),
            ],
        );
        assert!(!has(&out, EntityType::City, "August"), "{:?}", out.entities);
        assert_relations(
            &out,
            &[
                ("Patras", "partOf", "Greece"),
                ("Ann Byrne", "positionAt", "Coventry City Council"),
                ("Wu Lei", "visited", "Coventry"),
            ],
        );
        assert!(
            !out.relations
                .iter()
                .any(|r| r.predicate == Predicate::Visited
                    && out
                        .entities
                        .iter()
                        .any(|e| e.id == r.subject && e.name == "Ann Byrne")),
            "{:?}",
            out.relations
        );
        let invested = out
            .facts
            .iter()
            .find(|f| f.measure == Measure::InvestmentAmount && f.value == 48_000_000.0);
        assert_eq!(
            invested.map(|f| f.unit),
            Some(crate::model::Unit::Gbp),
            "{:?}",
            out.facts
        );
        assert!(
            fact(&out, "investmentAmount", 53_000_000.0).is_some(),
            "{:?}",
            out.facts
        );
        assert!(
            fact(&out, "investmentAmount", 40_000_000.0).is_none(),
            "{:?}",
            out.facts
        );
        assert_eq!(
            fact(&out, "friendshipCityCount", 12.0).map(|(s, _)| s),
            Some("Coventry".to_owned())
        );
        assert_eq!(
            fact(&out, "tradeGrowth", 9.3),
            Some(("Coventry".to_owned(), Some("China".to_owned()))),
            "{:?}",
            out.facts
        );
    }

    #[test]
    fn english_datelines_possessives_openings_and_other_names() {
        let out = extractor().extract(
            "t.txt",
            "Source: Northgate Wire | 2024-05-02 10:15\n\n\
             LEEDS, May 2 (Northgate Wire) -- A container train left Leeds for the Italian \
             capital Rome on Monday. Italy has become the city's second-largest trading partner. \
             The MoU was signed by Cllr Anna Berg, Cabinet Member for Trade and Skills at Leeds \
             City Council, and Wang Hao, Vice Mayor of Xiamen. Mr Wang is leading a delegation \
             on a three-day visit to Leeds.\n\n\
             Speaking at the Leeds Asia Forum's Winter Trade Dinner, Vice Mayor Wang praised the \
             link. Council figures show that 7 investment projects from China have landed in \
             Leeds since 2021. The delegation toured the University of Leeds's Robotics Research \
             Centre. The route is run by Tidewater Freight Co., Ltd. \"It is busy,\" said Zhou \
             Min, general manager of the company. Firms will attend the Harbour Goods Fair, also \
             known as the Leeds Fair, in May.\n\n\
             The anniversary coincided with the opening of the Northern Logistics Forum at the \
             Leeds Civic Hall. The forum was organized by the Yorkshire Trade Office and \
             co-hosted by the Leeds Municipal Government. Addressing the forum, Karl Hesse, \
             Germany's Consul General in Manchester, said trade grew. The mission was run by \
             the Leeds Trade Office (LTO), a division of the Leeds Department of Enterprise.",
        );
        assert!(has(&out, EntityType::Company, "Northgate Wire"));
        assert!(!has(&out, EntityType::Company, "Source: Northgate Wire"));
        assert!(has(&out, EntityType::Association, "Leeds Asia Forum"));
        assert!(has(&out, EntityType::Event, "Leeds Fair"));
        assert_relations(
            &out,
            &[
                ("Rome", "partOf", "Italy"),
                ("Italy", "tradePartner", "Leeds"),
                ("Anna Berg", "positionAt", "Leeds City Council"),
                ("Wang Hao", "visited", "Leeds"),
                ("Wang Hao", "participatedIn", "Winter Trade Dinner"),
                ("Winter Trade Dinner", "organizedBy", "Leeds Asia Forum"),
                ("Robotics Research Centre", "partOf", "University of Leeds"),
                ("Zhou Min", "positionAt", "Tidewater Freight Co., Ltd"),
                ("Northern Logistics Forum", "heldAt", "Leeds Civic Hall"),
                (
                    "Northern Logistics Forum",
                    "coOrganizedBy",
                    "Leeds Municipal Government",
                ),
                ("Karl Hesse", "participatedIn", "Northern Logistics Forum"),
                (
                    "Leeds Trade Office",
                    "partOf",
                    "Leeds Department of Enterprise",
                ),
            ],
        );
        assert!(rel(&out, "Italy", "tradePartner", "Rome").is_none());
        assert!(rel(&out, "Robotics Research Centre", "locatedIn", "Leeds").is_none());
        assert_eq!(
            fact(&out, "investmentProjects", 7.0),
            Some(("China".to_owned(), Some("Leeds".to_owned())))
        );
    }

    #[test]
    fn press_releases_consulates_zones_of_zones_and_english_names_of_places() {
        let out = extractor().extract(
            "t.txt",
            "Leeds, Hohhot sign deal\n\nFOR IMMEDIATE RELEASE\nNorthwind Trade Corporation\n\n\
             Source: Xinhua | 2025-03-02 | Editor: Wang Lei\n\n\
             A memorandum was signed at the 2025 Leeds-Hohhot Innovation Forum, held at the \
             Riverside Forum in Leeds. \"We agree,\" said Anna van der Meer, director of the Leeds \
             Port Authority. Two banks signed a loan, while Leeds Beckett University and Inner \
             Mongolia University agreed to set up a lab. Aoife Byrne, Consul General of Ireland \
             in Chengdu, attended. The forum was co-organized by the Consulate General of \
             Ireland in Chengdu. The delegation was welcomed by Vice Mayor of Harbin Zhang Min, \
             who noted it. Lloyds Bank Hohhot Branch opened. Investors came to the Pearl Area \
             of the China (Hainan) Pilot Free Trade Zone, where British robot maker Hollin \
             Systems will invest 20 million pounds in a plant. Its first vessel left the Aire \
             Container Terminal of Leeds Port.",
        );
        // No name runs over a line break.
        assert!(has(
            &out,
            EntityType::Company,
            "Northwind Trade Corporation"
        ));
        assert!(has(&out, EntityType::Venue, "Riverside Forum"));
        assert!(has(&out, EntityType::Bank, "Lloyds Bank Hohhot Branch"));
        assert!(has(&out, EntityType::Venue, "Aire Container Terminal"));
        assert!(has(&out, EntityType::Venue, "Leeds Port"));
        assert_relations(
            &out,
            &[
                ("Wang Lei", "positionAt", "Xinhua"),
                (
                    "2025 Leeds-Hohhot Innovation Forum",
                    "heldAt",
                    "Riverside Forum",
                ),
                ("Anna van der Meer", "positionAt", "Leeds Port Authority"),
                (
                    "Leeds Beckett University",
                    "cooperatesWith",
                    "Inner Mongolia University",
                ),
                (
                    "Aoife Byrne",
                    "positionAt",
                    "Consulate General of Ireland in Chengdu",
                ),
                ("Zhang Min", "positionAt", "Harbin"),
                (
                    "Pearl Area of the China (Hainan) Pilot Free Trade Zone",
                    "partOf",
                    "China (Hainan) Pilot Free Trade Zone",
                ),
                (
                    "Hollin Systems",
                    "investsIn",
                    "Pearl Area of the China (Hainan) Pilot Free Trade Zone",
                ),
            ],
        );
        // The firm invests, not the country its adjective names.
        assert_eq!(
            fact(&out, "investmentAmount", 20_000_000.0),
            Some((
                "Hollin Systems".to_owned(),
                Some("Pearl Area of the China (Hainan) Pilot Free Trade Zone".to_owned())
            ))
        );
    }

    #[test]
    fn names_opening_with_xin_friendly_ties_paired_lists_and_header_lines() {
        let out = extractor().extract(
            "t.txt",
            "发布单位:河南省商务厅  来源:对外投资和经济合作处\n\
             河南省与德国经贸往来密切。我省与德国萨克森州于2012年建立友好省关系。泰国清迈商业银行\
             与中原银行签署合作协议。日本商业银行纷纷来华。绍兴与韩国全北特别自治道于2010年建立友好合作\
             关系。江西九江、赣州两市分别于2012年、2016年与日本熊本市、静冈市建立友好合作关系。\
             韩国新松岭国家产业园区与新松岭开发厅签署协议。山东鹭都精密部件有限公司参展。签约仪式在\
             烟台市民文化中心举行。推动国际文化中心建设。",
        );
        // 新 opens these names; 商业银行 after two places names a bank, after a country alone
        // it does not.
        assert!(has(&out, EntityType::EconomicZone, "新松岭国家产业园区"));
        assert!(has(&out, EntityType::GovernmentBody, "新松岭开发厅"));
        assert!(has(&out, EntityType::Company, "山东鹭都精密部件有限公司"));
        assert!(has(&out, EntityType::Venue, "烟台市民文化中心"));
        assert!(has(&out, EntityType::Bank, "泰国清迈商业银行"));
        assert!(!has(&out, EntityType::Bank, "日本商业银行"));
        assert!(!has(&out, EntityType::Venue, "国际文化中心"));
        // A header line of fields is no wrapped line: the division named after 来源 is a body.
        assert!(has(
            &out,
            EntityType::GovernmentBody,
            "对外投资和经济合作处"
        ));
        assert_relations(
            &out,
            &[
                ("河南省", "friendshipCity", "萨克森州"),
                ("绍兴", "friendshipCity", "全北特别自治道"),
                ("九江", "friendshipCity", "熊本市"),
                ("赣州", "friendshipCity", "静冈市"),
            ],
        );
        assert!(rel(&out, "九江", "friendshipCity", "静冈市").is_none());
        assert!(rel(&out, "绍兴", "cooperatesWith", "全北特别自治道").is_none());
    }

    #[test]
    fn english_portfolios_third_names_namesake_provinces_and_the_forum_again() {
        let out = extractor().extract(
            "t.txt",
            "Northeast China's Jilin province and Manitoba marked 30 years of ties. Jilin and \
             Manitoba established sister-province ties in 1995. Manitoba's Minister of \
             Agriculture and Rural Affairs Joan Whitby attended, as did Governor Amina Wanjiru \
             Otieno. The Leeds-Harbin Textile Forum took place at the Harbin International \
             Convention Center. The forum was hosted by the Harbin Municipal Bureau of Commerce. \
             Bristol-based engineering maker Newport Fabrication will invest $20 million in \
             Harbin. The Ohio Department of Energy, Mines and Rural Development signed too. \
             \"Good,\" Whitby said. Governor Otieno agreed.",
        );
        assert!(has(&out, EntityType::Province, "Jilin province"));
        assert!(has(&out, EntityType::Person, "Joan Whitby"));
        assert!(has(&out, EntityType::Person, "Amina Wanjiru Otieno"));
        assert!(has(&out, EntityType::Company, "Newport Fabrication"));
        assert!(has(
            &out,
            EntityType::GovernmentBody,
            "Ohio Department of Energy, Mines and Rural Development"
        ));
        assert_relations(
            &out,
            &[
                ("Jilin province", "friendshipCity", "Manitoba"),
                ("Joan Whitby", "positionAt", "Manitoba"),
                (
                    "Leeds-Harbin Textile Forum",
                    "heldAt",
                    "Harbin International Convention Center",
                ),
                (
                    "Leeds-Harbin Textile Forum",
                    "organizedBy",
                    "Harbin Municipal Bureau of Commerce",
                ),
                ("Newport Fabrication", "locatedIn", "Bristol"),
            ],
        );
    }

    #[test]
    fn stop_names_named_in_full_arrivals_and_what_an_investment_built() {
        let out = extractor().extract(
            "t.txt",
            "东方市与日本鹿儿岛市举行友好交流活动\n\
             新华社海口3月1日电(记者 李明)美国俄勒冈州副州长约翰·史密斯率领的代表团19日抵达海南省会\
             海口,开始访问。东方市委副书记、市长王强出席活动。鹿儿岛市议会议长中村健一等出席大会并\
             致辞。据东方海关统计,东方市对日本进出口额2亿元。由福田农产株式会社投资2亿元建设的\
             东方—鹿儿岛有机农业示范园已投入运营。访问期间,代表团还参观了东方国际皮革城和东方港石湖\
             港区。",
        );
        // 东方 alone is a common word; after 东方市 it names the city.
        assert!(has(&out, EntityType::GovernmentBody, "东方海关"));
        assert!(has(&out, EntityType::GovernmentBody, "东方市委"));
        assert!(has(&out, EntityType::Venue, "东方国际皮革城"));
        assert!(has(&out, EntityType::Venue, "东方港石湖港区"));
        assert_relations(
            &out,
            &[
                ("东方海关", "locatedIn", "东方市"),
                ("中村健一", "positionAt", "鹿儿岛市议会"),
                ("约翰·史密斯", "visited", "海口"),
                ("约翰·史密斯", "visited", "东方国际皮革城"),
                ("福田农产株式会社", "investsIn", "东方—鹿儿岛有机农业示范园"),
            ],
        );
        // The reporter of the byline visits nothing.
        assert!(rel(&out, "李明", "visited", "海口").is_none());
    }

    #[test]
    fn sides_acronyms_places_in_pairs_and_headline_figures() {
        let out = extractor().extract(
            "t.txt",
            "12个中外合作项目集中签约 总投资50亿元\n东宁市与日本金泽市交流活动在金泽举行\n\n\
             本报讯 签约仪式上,东宁市现场签约项目12个,总投资50亿元。东宁海关与俄方乌苏里斯克海关\
             签署合作备忘录。东宁与俄罗斯滨海边疆区乌苏里斯克市隔界相望,两市互为友好城市。活动由\
             东宁市人民政府主办,大韩贸易投资振兴公社(KOTRA)大连贸易馆协办。KOTRA大连贸易馆馆长\
             朴成浩出席。第五届界河文化大集将于今年7月在二连浩特、扎门乌德两地同步举办。缅甸南坎市\
             与瑞丽相邻。2024东宁对外经贸洽谈会在东宁开幕。本届洽谈会共签约项目9个,签约金额6.5亿元。\
             洽谈会由东宁市人民政府主办,东宁市商务局承办,来自两国政府部门和企业的代表约200人参加。\
             黑龙江省委常委、东宁市委书记王力出席洽谈会。\
             金泽市、金泽市和金泽市都很美。截至目前,我市已与5个国家的8个城市建立友好城市关系。",
        );
        assert!(has(&out, EntityType::GovernmentBody, "乌苏里斯克海关"));
        assert!(has(&out, EntityType::GovernmentBody, "KOTRA大连贸易馆"));
        assert!(has(&out, EntityType::City, "南坎市"));
        // Participants: not the organisers listed before them, nor a body in a title.
        assert!(rel(&out, "王力", "participatedIn", "2024东宁对外经贸洽谈会").is_some());
        for body in ["东宁市商务局", "东宁市人民政府", "黑龙江省委"] {
            assert!(
                rel(&out, body, "participatedIn", "2024东宁对外经贸洽谈会").is_none(),
                "{body}"
            );
        }
        assert_relations(
            &out,
            &[
                ("东宁海关", "cooperatesWith", "乌苏里斯克海关"),
                ("东宁市", "friendshipCity", "乌苏里斯克市"),
                (
                    "朴成浩",
                    "positionAt",
                    "大韩贸易投资振兴公社(KOTRA)大连贸易馆",
                ),
                ("第五届界河文化大集", "heldAt", "二连浩特"),
                ("第五届界河文化大集", "heldAt", "扎门乌德"),
                ("南坎市", "partOf", "缅甸"),
            ],
        );
        // The headline's figure is the body's, of the city the body names.
        assert_eq!(
            out.facts
                .iter()
                .filter(|f| f.measure.as_str() == "investmentProjects" && f.value == 12.0)
                .count(),
            1
        );
        assert_eq!(
            fact(&out, "investmentProjects", 12.0).map(|(s, _)| s),
            Some("东宁市".to_owned())
        );
        assert_eq!(
            fact(&out, "contractValue", 650_000_000.0).map(|(s, _)| s),
            Some("2024东宁对外经贸洽谈会".to_owned())
        );
        // 我市 is the Chinese city, however often the text names its foreign partner.
        assert_eq!(
            fact(&out, "friendshipCityCount", 8.0).map(|(s, _)| s),
            Some("东宁市".to_owned())
        );
    }

    #[test]
    fn english_bylines_appositions_apostrophes_and_sister_city_owners() {
        let out = extractor().extract(
            "t.txt",
            "Coastal mission signs agreements in Hefei\n\nText: Marina Scholz\n\n\
             A delegation from Brazil led by Vice-Governor Eduardo Tavares visited Hefei. Tavares \
             attended the 2025 World Manufacturing Convention, organised by the Ministry of \
             Industry and Information Technology. Invest Paraná, the state government's \
             investment promotion agency, signed a memorandum. The development bank Fomento \
             Paraná signed with Toi Ohomai Institute of Technology and Bank of China. The New \
             Zealand China Council attended. Paraná, in southern Brazil, and Anhui have been \
             sister states since 2015.\n\n\
             Tauranga has been a sister city of Huai'an since 2017. Hubei is one of three sister \
             states of Ohio. Besides Wuxi, San Antonio's sister cities include Guadalajara in \
             Mexico and Kumamoto in Japan. Today 40 Chinese-owned companies have offices in the \
             Savannah area. Rizhao, a city on the coast of China's Shandong province, is a \
             port. A delegation from Oulu, led by Deputy Mayor Anna Keränen, arrived. The Bay of \
             Plenty Regional Council met. Regional Council Chair Karen Whitley spoke.\n\n\
             The pact was signed at the 25th China International Fair for Investment and Trade, \
             which is organised by China's Ministry of Commerce. ProChile, Chile's export \
             promotion agency, co-organised the Chile-Fujian Port and Cold Chain Seminar.\n\n\
             Jinhua administers Yiwu. According to Jinhua Customs, the city's trade with the UK \
             reached 16.8 billion yuan in 2024.",
        );
        assert!(has(&out, EntityType::GovernmentBody, "ProChile"));
        assert!(has(
            &out,
            EntityType::Event,
            "Chile-Fujian Port and Cold Chain Seminar"
        ));
        assert_relations(
            &out,
            &[(
                "25th China International Fair for Investment and Trade",
                "organizedBy",
                "Ministry of Commerce",
            )],
        );
        assert_eq!(
            fact(&out, "tradeVolume", 16_800_000_000.0),
            Some(("Jinhua".to_owned(), Some("UK".to_owned())))
        );
        assert_relations(
            &out,
            &[
                ("Rizhao", "partOf", "Shandong province"),
                ("Anna Keränen", "positionAt", "Oulu"),
                (
                    "Karen Whitley",
                    "positionAt",
                    "Bay of Plenty Regional Council",
                ),
            ],
        );
        assert!(has(&out, EntityType::Person, "Marina Scholz"));
        assert!(!has(&out, EntityType::City, "Tavares"));
        assert!(
            rel(
                &out,
                "Eduardo Tavares",
                "participatedIn",
                "2025 World Manufacturing Convention"
            )
            .is_some()
        );
        assert!(has(&out, EntityType::Province, "Paraná"));
        assert!(has(
            &out,
            EntityType::Event,
            "2025 World Manufacturing Convention"
        ));
        assert!(has(
            &out,
            EntityType::GovernmentBody,
            "Ministry of Industry and Information Technology"
        ));
        assert!(has(&out, EntityType::GovernmentBody, "Invest Paraná"));
        assert!(has(&out, EntityType::Bank, "Fomento Paraná"));
        assert!(has(
            &out,
            EntityType::ResearchBody,
            "Toi Ohomai Institute of Technology"
        ));
        assert!(has(
            &out,
            EntityType::Association,
            "New Zealand China Council"
        ));
        assert_relations(
            &out,
            &[
                ("Tauranga", "friendshipCity", "Huai'an"),
                ("San Antonio", "friendshipCity", "Guadalajara"),
                ("San Antonio", "friendshipCity", "Kumamoto"),
            ],
        );
        assert_eq!(
            fact(&out, "friendshipCityCount", 3.0),
            Some(("Ohio".to_owned(), None))
        );
        assert_eq!(
            fact(&out, "residentCompanies", 40.0),
            Some(("China".to_owned(), Some("Savannah".to_owned())))
        );
    }

    #[test]
    fn both_cities_of_the_sentence_before_and_fairs_with_dots() {
        let out = extractor().extract(
            "t.txt",
            "来源:边城日报  2025-06-20  记者 韦晓峰\n\n\
             东兴市是防城港市下辖的县级市,与越南广宁省芒街市隔北仑河相望。2016年,两市正式缔结友好城市关系。\
             2025中越(东兴—芒街)国际商贸·旅游博览会在东兴国际会展中心开幕。\
             温州港发往意大利热那亚港的集装箱增加。温州海关统计分析科科长王蕾介绍了情况。\
             总部位于普拉托的意大利企业佩科拉纺织集团宣布投资2800万欧元,在温州经济技术开发区建设基地。\
             奥什是吉尔吉斯斯坦南部最大的城市。巴生市市长卡西姆率代表团访问昆山。代表团还参观了昆山开发区。\
             第五届中国山东—埃及经贸洽谈会在济南开幕。",
        );
        assert!(has(
            &out,
            EntityType::Event,
            "第五届中国山东—埃及经贸洽谈会"
        ));
        assert_relations(
            &out,
            &[
                ("奥什", "partOf", "吉尔吉斯斯坦"),
                ("卡西姆", "visited", "昆山开发区"),
            ],
        );
        assert!(!has(&out, EntityType::Company, "记者"));
        assert!(
            rel(&out, "东兴市", "friendshipCity", "芒街市").is_some(),
            "{:?}",
            out.relations
        );
        assert!(has(
            &out,
            EntityType::Event,
            "2025中越(东兴—芒街)国际商贸·旅游博览会"
        ));
        assert!(has(&out, EntityType::Venue, "温州港"));
        assert!(has(&out, EntityType::Venue, "热那亚港"));
        assert!(has(&out, EntityType::Person, "王蕾"));
        assert_eq!(
            fact(&out, "investmentAmount", 28_000_000.0),
            Some((
                "佩科拉纺织集团".to_owned(),
                Some("温州经济技术开发区".to_owned())
            ))
        );
    }

    #[test]
    fn statistics_by_partner_anniversary_ties_and_parks_built_abroad() {
        let out = extractor().extract(
            "t.txt",
            "2025年上半年全市对拉美贸易运行情况\n\
             发布时间:2025-07-20  信息来源:温州市商务局\n\n\
             据温州海关统计,2025年1-6月,全市实现进出口总额980.5亿元,同比增长5.2%。\
             上半年,我市对墨西哥进出口60.2亿元,同比增长11.3%,墨西哥继续保持我市第五大贸易伙伴地位。\
             截至6月底,温州瓯江电器有限公司投资0.8亿美元的工厂已在墨西哥新莱昂州蒙特雷市\
             \"温州(墨西哥)电器产业园\"内投产。\n\
             (二)智利。对智利进出口5.2亿元,同比增长8.8%。\n\
             依托2019年经国务院批复设立的中国(温州)跨境电子商务综合试验区,\
             上半年全市对拉美跨境电商出口12.5亿元。\n\
             5月15日,温州市与拉脱维亚叶尔加瓦市缔结友好城市关系15周年庆祝活动举行。\
             拉脱维亚驻华大使馆经济参赞安娜·伯津娜出席。\
             对接会由温州市商务局与信德省投资贸易委员会共同主办。",
        );
        assert_eq!(
            fact(&out, "tradeVolume", 98_050_000_000.0),
            Some(("温州市".to_owned(), None))
        );
        assert_eq!(
            fact(&out, "tradeVolume", 520_000_000.0),
            Some(("温州市".to_owned(), Some("智利".to_owned())))
        );
        assert_eq!(
            fact(&out, "crossBorderTradeVolume", 1_250_000_000.0),
            Some(("温州市".to_owned(), None))
        );
        assert_eq!(
            period(&out, "crossBorderTradeVolume", 1_250_000_000.0).as_deref(),
            Some("2025-01/2025-06")
        );
        assert_eq!(
            fact(&out, "investmentAmount", 80_000_000.0),
            Some((
                "温州瓯江电器有限公司".to_owned(),
                Some("温州(墨西哥)电器产业园".to_owned())
            ))
        );
        assert!(has(&out, EntityType::City, "叶尔加瓦市"));
        assert!(has(
            &out,
            EntityType::EconomicZone,
            "温州(墨西哥)电器产业园"
        ));
        assert!(has(
            &out,
            EntityType::GovernmentBody,
            "信德省投资贸易委员会"
        ));
        assert!(has(
            &out,
            EntityType::Event,
            "温州市与拉脱维亚叶尔加瓦市缔结友好城市关系15周年庆祝活动"
        ));
        assert_relations(
            &out,
            &[
                ("墨西哥", "tradePartner", "温州市"),
                ("温州(墨西哥)电器产业园", "locatedIn", "蒙特雷市"),
                ("温州市", "friendshipCity", "叶尔加瓦市"),
                ("安娜·伯津娜", "positionAt", "拉脱维亚驻华大使馆"),
            ],
        );
    }

    #[test]
    fn cities_named_by_their_government_short_source_lines_and_provinces_of_a_city() {
        // A source line shorter than its label once cut past the text's end.
        let out = extractor().extract(
            "t.txt",
            "Valmere signs ties\n\nSource: Xinhua | 2025-09-16 18:27:40 | Editor: Li Na\n",
        );
        assert!(
            out.entities
                .iter()
                .all(|e| e.kind != EntityType::Person || e.name == "Li Na")
        );
        let out = extractor().extract(
            "t.txt",
            "Valmere Deputy Mayor Anu Saar signed a letter of intent with Huzhou at the \
             Valmere Town Hall. The Valmere City Government said Valmere would host a \
             seminar in the Estonian city of Valmere. Chief executive Mari Kask said the \
             firm would open a 60-million-U.S.-dollar plant, and the train would continue \
             through Georgia before reaching Istanbul. The governor said the Province of \
             Mendoza will work with Ningxia. Shanxi's imports and exports with Greece reached \
             3.1 billion yuan in the first eight months of 2025, making Greece the province's \
             largest trading partner in Europe.",
        );
        assert!(has(&out, EntityType::City, "Valmere"));
        assert!(has(&out, EntityType::Person, "Mari Kask"));
        assert!(has(&out, EntityType::Country, "Georgia"));
        assert!(has(&out, EntityType::Province, "Mendoza"));
        assert_relations(
            &out,
            &[
                ("Anu Saar", "positionAt", "Valmere"),
                ("Valmere City Government", "locatedIn", "Valmere"),
                ("Valmere Town Hall", "locatedIn", "Valmere"),
                ("Greece", "tradePartner", "Shanxi"),
            ],
        );
        assert_eq!(
            fact(&out, "tradeVolume", 3_100_000_000.0),
            Some(("Shanxi".to_owned(), Some("Greece".to_owned())))
        );
        assert_eq!(
            period(&out, "tradeVolume", 3_100_000_000.0).as_deref(),
            Some("2025-01/2025-08")
        );
    }

    #[test]
    fn figures_at_the_edges_of_their_context_do_not_panic() {
        // The look-back for ", where" once sliced from this sentence's start to the
        // investor's position in the sentence before.
        let out = extractor().extract(
            "t.txt",
            "”企业杭州明光科技有限公司董事长王海对此深有体会。\
             “2023年我们在里昂设立欧洲研发中心，首期投资800万欧元，已经招了30多名当地工程师。”",
        );
        assert_eq!(
            fact(&out, "investmentAmount", 8_000_000.0).map(|(s, _)| s),
            Some("杭州明光科技有限公司".to_owned())
        );
        // A part of a year cut off at the text's end once read past it.
        let out = extractor().extract("t.txt", "Trade grew 5 percent in the first quarter of ");
        assert!(out.facts.iter().all(|f| f.period.is_none()));
        // Nor did a dash opening the text or a line ("— 正文") end a dateline.
        for text in ["— 合作开始。", "标题\n— 合作开始。"] {
            assert!(extractor().extract("t.txt", text).entities.is_empty());
        }
    }

    #[test]
    fn ceremonies_of_organisations_credits_our_school_and_investment_abroad() {
        let out = extractor().extract(
            "t.txt",
            "江城理工大学与拉脱维亚里加工业大学签署合作备忘录\n\
             发布时间:2025-05-12\n\n\
             5月10日上午,拉脱维亚共和国驻济南总领事馆开馆仪式在济南市历下区举行。\
             拉脱维亚驻华大使马里斯·奥佐林什、山东省副省长周文海共同为总领事馆揭牌。\
             仪式结束后,济南市人民政府与戈梅利州执行委员会签署备忘录。\
             5月11日,周文海率团访问里加,先后拜会里加市市长安德里斯·卡林什,\
             出席中国银行里加分行开业仪式。\
             斯洛伐克中资产业园位于斯洛伐克科希策州,目前入园企业已达37家。\
             江西省外经建设(集团)有限公司承建该项目。\
             截至9月底,我省在拉脱维亚累计设立境外企业12家,中方协议投资额1.6亿美元。\
             其中,赣州市对拉出口家具及配件3.2亿元。\
             湖州市与拉脱维亚叶尔加瓦市签署备忘录,浙拉(叶尔加瓦)产业园同日开园。\
             我校与拉脱维亚里加工业大学签署合作备忘录。江城理工大学将派出学生20人。\n\
             (文/王晓婧 图/李昂 审核/郭建峰)",
        );
        assert_entities(
            &out,
            &[
                (EntityType::Event, "拉脱维亚共和国驻济南总领事馆开馆仪式"),
                (EntityType::GovernmentBody, "拉脱维亚共和国驻济南总领事馆"),
                (EntityType::Event, "中国银行里加分行开业仪式"),
                (EntityType::GovernmentBody, "戈梅利州执行委员会"),
                (EntityType::Company, "江西省外经建设(集团)有限公司"),
                (EntityType::City, "叶尔加瓦市"),
                (EntityType::Person, "王晓婧"),
                (EntityType::Person, "李昂"),
                (EntityType::Person, "郭建峰"),
            ],
        );
        assert_relations(
            &out,
            &[
                (
                    "马里斯·奥佐林什",
                    "participatedIn",
                    "拉脱维亚共和国驻济南总领事馆开馆仪式",
                ),
                ("周文海", "participatedIn", "中国银行里加分行开业仪式"),
                ("江西省", "investsIn", "拉脱维亚"),
                ("江城理工大学", "cooperatesWith", "里加工业大学"),
            ],
        );
        // The mayor met is no participant; the branch unveiled is none either.
        assert!(
            rel(
                &out,
                "安德里斯·卡林什",
                "participatedIn",
                "中国银行里加分行开业仪式"
            )
            .is_none()
        );
        assert_eq!(
            fact(&out, "residentCompanies", 37.0),
            Some(("斯洛伐克中资产业园".to_owned(), None))
        );
        assert_eq!(
            fact(&out, "tradeVolume", 320_000_000.0),
            Some(("赣州市".to_owned(), Some("拉脱维亚".to_owned())))
        );
    }

    #[test]
    fn english_port_companies_legal_forms_and_ports_after_a_place() {
        let out = extractor().extract(
            "t.txt",
            "Valmere and Qingdao sign port alliance\n\n\
             The delegation included representatives of Qingdao Harbour Logistics (Group) Co., Ltd. \
             (QHL) and Valmere University. At a ceremony, the Port of Valmere Company and QHL signed \
             a memorandum and will study a direct service between Tallinn and Dongjiakou Deep-Water \
             Port in Qingdao.",
        );
        assert_entities(
            &out,
            &[
                (
                    EntityType::Company,
                    "Qingdao Harbour Logistics (Group) Co., Ltd.",
                ),
                (EntityType::Company, "Port of Valmere Company"),
                (EntityType::Venue, "Dongjiakou Deep-Water Port"),
            ],
        );
    }

    #[test]
    fn namesakes_by_their_mayor_regions_subsidiaries_and_fields_after_he() {
        let out = extractor().extract(
            "t.txt",
            "Plovdiv Mayor Petar Ivanov met the guests in Plovdiv. Trade between Plovdiv Province \
             and China grew. The delegation visited the Plovdiv Chamber of Commerce and Industry \
             and the International Fair Plovdiv. Chongqing and the Lima region signed a letter of \
             intent. Bank of China (Peru) will open a desk in Lima.",
        );
        assert_entities(
            &out,
            &[
                (EntityType::City, "Plovdiv"),
                (EntityType::Province, "Plovdiv Province"),
                (
                    EntityType::Association,
                    "Plovdiv Chamber of Commerce and Industry",
                ),
                (EntityType::Province, "Lima region"),
                (EntityType::City, "Lima"),
                (EntityType::Bank, "Bank of China (Peru)"),
            ],
        );
        let out = extractor().extract(
            "t.txt",
            "塔吉克斯坦经济和商务部副部长拉希姆·纳扎罗夫出席。\
             兰州国际陆港多式联运有限公司相关负责人表示,将加密班列。",
        );
        assert_entities(
            &out,
            &[
                (EntityType::GovernmentBody, "塔吉克斯坦经济和商务部"),
                (EntityType::Company, "兰州国际陆港多式联运有限公司"),
            ],
        );
    }

    #[test]
    fn english_names_of_three_words_before_their_title() {
        let out = extractor().extract(
            "t.txt",
            "Ali Reza Tavakoli, Consul General of Iran in Shanghai, attended. \
             Councillor Maret Kask, Mayor of Valmere, spoke.",
        );
        assert!(
            has(&out, EntityType::Person, "Ali Reza Tavakoli"),
            "{:?}",
            out.entities
        );
        assert!(
            has(&out, EntityType::Person, "Maret Kask"),
            "{:?}",
            out.entities
        );
    }

    #[test]
    fn organisers_listed_before_their_verb_do_not_attend() {
        let out = extractor().extract(
            "t.txt",
            "6月12日,“2025北海—基多水产品贸易对接会”在北海国际会展中心举行。\
             对接会由北海市人民政府主办,北海市商务局、北海海关承办,王立新等代表参加。",
        );
        let event = "2025北海—基多水产品贸易对接会";
        assert!(has(&out, EntityType::Event, event), "{:?}", out.entities);
        assert!(rel(&out, "北海市商务局", "participatedIn", event).is_none());
        assert!(
            rel(&out, event, "coOrganizedBy", "北海市商务局").is_some(),
            "{:?}",
            out.relations
        );
    }
}
