//! Extraction rules as data: `data/rules/entities.toml` (name suffixes, boundaries,
//! titles) and `data/rules/relations.toml` (relation triggers), merged from the
//! embedded defaults and any extra files a researcher adds.
//!
//! ```
//! use cckg::extract::rules::Rules;
//! let rules = Rules::embedded().unwrap();
//! assert!(rules.suffix_type("大连市贸促会").is_some());
//! assert!(rules.relations.iter().any(|r| r.name == "friendship-city"));
//! ```

use crate::error::{Error, Result};
use crate::model::{EntityType, Predicate};
use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;
use std::path::PathBuf;

/// The embedded entity rules.
pub const ENTITIES_TOML: &str = include_str!("../../data/rules/entities.toml");
/// The embedded relation rules.
pub const RELATIONS_TOML: &str = include_str!("../../data/rules/relations.toml");

/// How a relation rule finds its arguments around the trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Pattern {
    /// Subject: the first subject-typed entity of the clause before the trigger (else the
    /// sentence's); objects: the object-typed entities after it, before the trigger.
    FirstToRest,
    /// `A与B…trigger` pairs, a list of pairs separated by 、, or a 与-list after a topic.
    Pairs,
    /// `由A主办，B承办的E`, `E由A组织`, `A在P举办E`: agents and their event.
    AgentEvent,
    /// `E在P举行`, `在P举行的E`: an event and its place.
    EventPlace,
    /// `A、B、C出席E`: each participant (people before organisations) and the event.
    Participants,
    /// `X致辞`, `X在E上发言`: a speaker and the event.
    Speaker,
    /// `X位于P`, `位于P的X`.
    Located,
    /// Any subject-typed and any object-typed entity of the clause.
    Either,
    /// A person subject and a place after the trigger.
    PersonPlace,
    /// `A所属B`: subject after the trigger, object right before it.
    AfterOf,
    /// `A在P投资`, `A将投资…在P建设`, `A will invest … in P`: an investor (before the
    /// trigger, else the sentence's topic) and the place named after 在 / in.
    Invest,
}

/// One relation rule of `relations.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelationRule {
    /// Rule name, recorded on every relation it produces.
    pub name: String,
    /// The predicate stated.
    pub predicate: Predicate,
    /// Trigger words (matched on the normalised text; English ones case-insensitively).
    pub triggers: Vec<String>,
    /// How to find the arguments.
    pub pattern: Pattern,
    /// Allowed subject types.
    pub subject: Vec<EntityType>,
    /// Allowed object types.
    pub object: Vec<EntityType>,
    /// The rule is skipped in a clause that contains one of these.
    #[serde(default)]
    pub unless: Vec<String>,
    /// Whether to read a rank (第三大 → 3, 最大 → 1) before the trigger.
    #[serde(default)]
    pub rank: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RelationsFile {
    #[serde(default)]
    rule: Vec<RelationRule>,
}

/// Names ending in one of `suffixes` get `type`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuffixRule {
    /// The entity type given.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Name endings.
    pub suffixes: Vec<String>,
    /// Least number of characters before the suffix.
    #[serde(default = "two")]
    pub min_prefix: usize,
    /// Only names in quotes or 《》 count.
    #[serde(default)]
    pub quoted_only: bool,
}

fn two() -> usize {
    2
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct WordList {
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    names: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonFile {
    #[serde(default)]
    titles: Vec<String>,
    #[serde(default)]
    followers: Vec<String>,
    #[serde(default)]
    surnames: String,
    /// Family names of three characters (佐佐木, 仲宗根), listed whole.
    #[serde(default)]
    long_surnames: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct EnglishFile {
    #[serde(default)]
    suffixes: Vec<(String, EntityType)>,
    #[serde(default)]
    titles: Vec<String>,
    #[serde(default)]
    demonyms: Vec<(String, String)>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntitiesFile {
    #[serde(default)]
    suffix: Vec<SuffixRule>,
    #[serde(default)]
    boundary: WordList,
    #[serde(default)]
    generic: WordList,
    #[serde(default)]
    generic_prefixes: WordList,
    #[serde(default)]
    name_verbs: WordList,
    #[serde(default)]
    person: PersonFile,
    #[serde(default)]
    english: EnglishFile,
    #[serde(default)]
    short_suffixes: ShortSuffixes,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ShortSuffixes {
    #[serde(default)]
    pairs: Vec<(String, String)>,
}

/// Every extraction rule, merged.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    /// Name suffix → type, longest suffix first.
    pub suffixes: Vec<(String, EntityType, usize, bool)>,
    /// The suffixes of two or more characters, as a set (bare tails: 示范区).
    pub tails: HashSet<String>,
    /// Words a name never extends over on its left.
    pub boundaries: HashSet<String>,
    /// Longest boundary word, in characters.
    pub max_boundary: usize,
    /// Names too generic to be entities.
    pub generic: HashSet<String>,
    /// Words that, right before a suffix, make it an ordinary word (开新局).
    pub generic_prefixes: HashSet<String>,
    /// Verbs that may occur inside names.
    pub name_verbs: HashSet<String>,
    /// Person titles, longest first.
    pub titles: Vec<String>,
    /// The same titles, to look one up.
    pub title_set: HashSet<String>,
    /// Words that end a person name.
    pub followers: Vec<String>,
    /// Family names (one or two characters).
    pub surnames: HashSet<String>,
    /// English organisation suffixes, longest first.
    pub english_suffixes: Vec<(String, EntityType)>,
    /// English titles.
    pub english_titles: Vec<String>,
    /// English adjectives of countries (British) and the gazetteer id they stand for.
    pub demonyms: Vec<(String, String)>,
    /// Suffixes and their usual short forms (高新技术产业开发区 → 高新区).
    pub short_suffixes: Vec<(String, String)>,
    /// Relation rules.
    pub relations: Vec<RelationRule>,
}

impl Rules {
    /// The embedded rules.
    pub fn embedded() -> Result<Self> {
        let mut rules = Self::default();
        rules.add_entities("data/rules/entities.toml", ENTITIES_TOML)?;
        rules.add_relations("data/rules/relations.toml", RELATIONS_TOML)?;
        Ok(rules)
    }

    /// Adds a rules file; which kind is told by its tables (`[[rule]]` with a
    /// `predicate` → relations; `[[suffix]]`, `[person]`, … → entities). Files of other
    /// stages (fact rules) are left alone.
    pub fn add_file(&mut self, file: &str, text: &str) -> Result<()> {
        const ENTITY_TABLES: [&str; 8] = [
            "suffix",
            "boundary",
            "generic",
            "generic_prefixes",
            "name_verbs",
            "person",
            "english",
            "short_suffixes",
        ];
        let value: toml::Table = toml::from_str(text).map_err(|e| toml_error(file, text, &e))?;
        if let Some(rules) = value.get("rule").and_then(|r| r.as_array()) {
            if rules.iter().any(|r| r.get("predicate").is_some()) {
                return self.add_relations(file, text);
            }
            return Ok(());
        }
        if value.keys().any(|k| ENTITY_TABLES.contains(&k.as_str())) {
            self.add_entities(file, text)
        } else {
            Ok(())
        }
    }

    fn add_entities(&mut self, file: &str, text: &str) -> Result<()> {
        let parsed: EntitiesFile = toml::from_str(text).map_err(|e| toml_error(file, text, &e))?;
        for rule in parsed.suffix {
            for s in rule.suffixes {
                self.suffixes
                    .push((s, rule.kind, rule.min_prefix, rule.quoted_only));
            }
        }
        self.suffixes
            .sort_by_key(|s| std::cmp::Reverse(s.0.chars().count()));
        self.tails = self
            .suffixes
            .iter()
            .filter(|s| s.0.chars().count() >= 2)
            .map(|s| s.0.clone())
            .collect();
        self.boundaries.extend(parsed.boundary.words);
        self.max_boundary = self
            .boundaries
            .iter()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0);
        self.short_suffixes.extend(parsed.short_suffixes.pairs);
        self.generic.extend(parsed.generic.names);
        self.generic_prefixes.extend(parsed.generic_prefixes.words);
        self.name_verbs.extend(parsed.name_verbs.words);
        self.titles.extend(parsed.person.titles);
        self.titles
            .sort_by_key(|t| std::cmp::Reverse(t.chars().count()));
        self.titles.dedup();
        self.title_set = self.titles.iter().cloned().collect();
        self.followers.extend(parsed.person.followers);
        self.followers
            .sort_by_key(|t| std::cmp::Reverse(t.chars().count()));
        self.surnames
            .extend(parsed.person.surnames.chars().map(String::from));
        // Two-character family names (欧阳, 上官) and Japanese ones are written run together.
        let s = &parsed.person.surnames;
        let chars: Vec<char> = s.chars().collect();
        for w in chars.windows(2) {
            self.surnames.insert(w.iter().collect());
        }
        self.surnames.extend(parsed.person.long_surnames);
        self.english_suffixes.extend(parsed.english.suffixes);
        self.english_suffixes
            .sort_by_key(|s| std::cmp::Reverse(s.0.len()));
        // Titles are compared with lower-cased text ("CEO" as "ceo").
        self.english_titles
            .extend(parsed.english.titles.iter().map(|t| t.to_lowercase()));
        self.demonyms.extend(parsed.english.demonyms);
        self.english_titles
            .sort_by_key(|t| (std::cmp::Reverse(t.len()), t.clone()));
        self.english_titles.dedup();
        Ok(())
    }

    fn add_relations(&mut self, file: &str, text: &str) -> Result<()> {
        let parsed: RelationsFile = toml::from_str(text).map_err(|e| toml_error(file, text, &e))?;
        for rule in parsed.rule {
            self.relations.retain(|r| r.name != rule.name);
            self.relations.push(rule);
        }
        Ok(())
    }

    /// The type of a name by its suffix, with the suffix length in characters.
    pub fn suffix_type(&self, name: &str) -> Option<(EntityType, usize)> {
        self.suffixes
            .iter()
            .find(|(s, _, min, _)| {
                name.ends_with(s.as_str()) && name.chars().count() >= s.chars().count() + min
            })
            .map(|(s, kind, _, _)| (*kind, s.chars().count()))
    }
}

fn toml_error(file: &str, text: &str, error: &toml::de::Error) -> Error {
    let line = error
        .span()
        .map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1)
        .unwrap_or(1);
    Error::Data {
        path: PathBuf::from(file),
        line,
        message: error.message().to_owned(),
    }
}

#[cfg(test)]
#[expect(
    clippy::unwrap_used,
    reason = "a failing test should panic with its value"
)]
mod tests {
    use super::*;

    #[test]
    fn embedded_rules_parse() {
        let rules = Rules::embedded().unwrap();
        assert_eq!(
            rules.suffix_type("三井住友银行").map(|t| t.0),
            Some(EntityType::Bank)
        );
        assert!(rules.titles.iter().any(|t| t == "市长"));
        assert!(rules.surnames.contains("上官"));
    }

    #[test]
    fn bad_rule_file_names_line() {
        let mut rules = Rules::default();
        let err = rules
            .add_file("x.toml", "[[rule]]\nname = \"a\"\npredicate = \"nope\"\n")
            .unwrap_err();
        assert!(err.to_string().starts_with("x.toml:"), "{err}");
    }
}
