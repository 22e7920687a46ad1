//! Scoring extractions against gold annotations, with exactly the rules of the
//! shared evaluation script `score.py`.
//!
//! Entry points: [`GoldFile`] (a lenient reader of gold files: extra keys such as
//! `note` are ignored, relations may carry `accept`), [`score`] for one document,
//! [`score_all`] for a micro-averaged set (as `score.py --pairs`), and [`report`] for
//! the table whose last line has `score.py`'s format
//! `entity_f1=… relation_f1=… fact_f1=…`.
//!
//! The rules: entities match when their types are equal and they share a surface form
//! after normalisation ([`normalize`]: NFKC, quote marks and white space removed,
//! lower case, one trailing 市 / 省 / 县 removed), one-to-one, greedily by number of
//! shared forms; relations when both ends match and the predicate is the gold one or
//! one of its `accept` list (friendshipCity, economicPartnerCity and cooperatesWith in
//! either direction; a predicted relation with an unmatched end counts as a false
//! positive, duplicates once); facts when measure, matched subject and object (or both
//! null) agree and the value is within 1 %.
//!
//! ```
//! use cckg::eval::{report, score, GoldFile};
//! use cckg::model::Extraction;
//! let gold = GoldFile::from_json(r#"{"document": "a.txt",
//!     "entities": [{"id": "qd", "type": "City", "name": "青岛市", "aliases": ["青岛"]}],
//!     "relations": [], "facts": []}"#).unwrap();
//! let predicted: Extraction = serde_json::from_str(r#"{"document": "a.txt",
//!     "entities": [{"id": "x", "type": "City", "name": "青岛"}]}"#).unwrap();
//! let s = score(&gold, &predicted);
//! assert_eq!((s.entity.tp, s.entity.predicted, s.entity.gold), (1, 1, 1));
//! assert!(report(&s, false).ends_with("entity_f1=1.000 relation_f1=1.000 fact_f1=1.000\n"));
//! ```

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

use crate::error::Error;
use crate::model::Extraction;

/// Predicates that hold in both directions.
const SYMMETRIC: &[&str] = &["friendshipCity", "economicPartnerCity", "cooperatesWith"];
/// Quote marks removed before comparing surface forms.
const QUOTES: &str = "\"'“”‘’「」『』《》〈〉";
/// Suffixes removed (once each, in this order) from forms longer than two characters.
const SUFFIXES: &[char] = &['市', '省', '县'];

/// A gold annotation file, read leniently: unknown keys are ignored, missing lists are empty.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldFile {
    /// File name of the annotated article.
    #[serde(default)]
    pub document: String,
    /// Publication date, when the annotator gives one.
    #[serde(default)]
    pub published: Option<String>,
    /// Gold entities.
    #[serde(default)]
    pub entities: Vec<GoldEntity>,
    /// Gold relations.
    #[serde(default)]
    pub relations: Vec<GoldRelation>,
    /// Gold facts.
    #[serde(default)]
    pub facts: Vec<GoldFact>,
}

/// An entity of a gold file.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldEntity {
    /// Identifier used by relations and facts.
    #[serde(default)]
    pub id: String,
    /// Entity type (compared as a string).
    #[serde(default, rename = "type")]
    pub kind: String,
    /// Canonical surface form.
    #[serde(default)]
    pub name: String,
    /// Other surface forms.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub aliases: Vec<String>,
}

/// A relation of a gold file.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldRelation {
    /// Subject entity id.
    #[serde(default)]
    pub subject: String,
    /// Predicate.
    #[serde(default)]
    pub predicate: String,
    /// Object entity id.
    #[serde(default)]
    pub object: String,
    /// Other predicates also counted as correct for this pair.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub accept: Vec<String>,
}

/// A fact of a gold file.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldFact {
    /// Subject entity id.
    #[serde(default)]
    pub subject: Option<String>,
    /// Measure.
    #[serde(default)]
    pub measure: String,
    /// Value: a number, or a string holding one.
    #[serde(default)]
    pub value: serde_json::Value,
    /// Unit (not compared).
    #[serde(default)]
    pub unit: Option<String>,
    /// Object entity id, if any.
    #[serde(default)]
    pub object: Option<String>,
}

fn null_as_empty<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(Option::<Vec<String>>::deserialize(d)?.unwrap_or_default())
}

impl GoldFile {
    /// Parses a gold file's JSON text.
    pub fn from_json(text: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// Reads a gold file.
    pub fn from_path(path: &Path) -> Result<Self, Error> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.into(),
            source,
        })?;
        Self::from_json(&text).map_err(|e| Error::Data {
            path: path.into(),
            line: e.line(),
            message: e.to_string(),
        })
    }
}

/// True positives, predictions and gold items of one category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Correct predictions.
    pub tp: usize,
    /// Predictions.
    pub predicted: usize,
    /// Gold items.
    pub gold: usize,
}

impl Counts {
    /// Precision, recall and F1, as `score.py` computes them (no prediction and no gold
    /// is a perfect score; no prediction against gold a precision of 0).
    pub fn prf(&self) -> (f64, f64, f64) {
        let (tp, np, ng) = (self.tp as f64, self.predicted as f64, self.gold as f64);
        let p = if self.predicted > 0 {
            tp / np
        } else if self.gold == 0 {
            1.0
        } else {
            0.0
        };
        let r = if self.gold > 0 { tp / ng } else { 1.0 };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }

    /// F1.
    pub fn f1(&self) -> f64 {
        self.prf().2
    }

    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
}

/// The score of one document or, after [`Score::merge`], of several (micro-averaged).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Score {
    /// Documents scored.
    pub documents: usize,
    /// Entities, typed matching.
    pub entity: Counts,
    /// Entities, ignoring types.
    pub entity_untyped: Counts,
    /// Relations.
    pub relation: Counts,
    /// Facts.
    pub fact: Counts,
    /// Entities per type (gold type for gold and hits, predicted type for predictions).
    pub by_type: BTreeMap<String, Counts>,
    /// Relations per predicate (the gold relation's first predicate for gold items, the
    /// predicted predicate for predictions and hits).
    pub by_predicate: BTreeMap<String, Counts>,
    /// Facts per measure.
    pub by_measure: BTreeMap<String, Counts>,
    /// Gold items not found, one line each (`entity City 青岛市`).
    pub missed: Vec<String>,
    /// Predicted items that are wrong, one line each.
    pub extra: Vec<String>,
    /// Evidence strings that are not verbatim in the article (when it was given).
    pub bad_evidence: Vec<String>,
    /// Whether evidence was checked against the article.
    pub evidence_checked: bool,
}

impl Score {
    /// Adds another document's counts (micro-averaging, as `score.py --pairs`).
    pub fn merge(&mut self, other: Score) {
        self.documents += other.documents;
        self.entity.add(other.entity);
        self.entity_untyped.add(other.entity_untyped);
        self.relation.add(other.relation);
        self.fact.add(other.fact);
        for (mine, theirs) in [
            (&mut self.by_type, other.by_type),
            (&mut self.by_predicate, other.by_predicate),
            (&mut self.by_measure, other.by_measure),
        ] {
            for (k, c) in theirs {
                mine.entry(k).or_default().add(c);
            }
        }
        self.missed.extend(other.missed);
        self.extra.extend(other.extra);
        self.bad_evidence.extend(other.bad_evidence);
        self.evidence_checked |= other.evidence_checked;
    }
}

/// Normalises a surface form as `score.py` does: NFKC, quote marks and white space
/// removed, lower case, then a trailing 市, 省, 县 removed (each in turn) while the form
/// is longer than two characters.
///
/// ```
/// use cckg::eval::normalize;
/// assert_eq!(normalize("下关市"), "下关");
/// assert_eq!(normalize("日本 “国际客厅”"), "日本国际客厅");
/// assert_eq!(normalize("Kansas City"), "kansascity");
/// assert_eq!(normalize("沈市"), "沈市");
/// ```
pub fn normalize(s: &str) -> String {
    let mut out: String = s
        .nfkc()
        .filter(|c| {
            !QUOTES.contains(*c) && !c.is_whitespace() && !('\u{1c}'..='\u{1f}').contains(c)
        })
        .collect::<String>()
        .to_lowercase();
    for suffix in SUFFIXES {
        if out.ends_with(*suffix) && out.chars().count() > 2 {
            out.pop();
        }
    }
    out
}

fn forms<'s>(name: &'s str, aliases: impl Iterator<Item = &'s String>) -> HashSet<String> {
    let mut out: HashSet<String> = std::iter::once(normalize(name))
        .chain(aliases.map(|a| normalize(a)))
        .collect();
    out.remove("");
    out
}

/// Greedy one-to-one matching by number of shared forms: predicted index → gold index,
/// in the order the pairs were taken.
fn match_entities(
    gold: &[(&str, HashSet<String>)],
    pred: &[(&str, HashSet<String>)],
    typed: bool,
) -> Vec<(usize, usize)> {
    let mut cands = Vec::new();
    for (pi, (pt, pf)) in pred.iter().enumerate() {
        for (gi, (gt, gf)) in gold.iter().enumerate() {
            if typed && pt != gt {
                continue;
            }
            let shared = pf.intersection(gf).count();
            if shared > 0 {
                cands.push((std::cmp::Reverse(shared), pi, gi));
            }
        }
    }
    cands.sort();
    let (mut taken_p, mut taken_g) = (HashSet::new(), HashSet::new());
    let mut out = Vec::new();
    for (_, pi, gi) in cands {
        if taken_p.contains(&pi) || taken_g.contains(&gi) {
            continue;
        }
        taken_p.insert(pi);
        taken_g.insert(gi);
        out.push((pi, gi));
    }
    out
}

type RelKey = (Option<usize>, String, Option<usize>);

fn rel_key(s: Option<usize>, predicate: &str, o: Option<usize>) -> RelKey {
    match (s, o) {
        (Some(a), Some(b)) if SYMMETRIC.contains(&predicate) && b < a => {
            (o, predicate.to_owned(), s)
        }
        _ => (s, predicate.to_owned(), o),
    }
}

/// How Python prints a matched key tuple, which fixes `score.py`'s matching order.
fn python_repr(k: &RelKey) -> String {
    let side = |x: Option<usize>| x.map_or("None".to_owned(), |x| x.to_string());
    format!("({}, '{}', {})", side(k.0), k.1, side(k.2))
}

fn number(v: &serde_json::Value) -> Option<f64> {
    match v {
        serde_json::Value::Number(n) => n.as_f64(),
        serde_json::Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 9e15 {
        format!("{}", v as i64)
    } else {
        v.to_string()
    }
}

/// Scores one extraction against its gold annotation (evidence is not checked).
pub fn score(gold: &GoldFile, predicted: &Extraction) -> Score {
    score_with_text(gold, predicted, None)
}

/// Scores every (gold, prediction) pair and sums the counts (micro-average).
pub fn score_all(pairs: &[(GoldFile, Extraction)]) -> Score {
    let mut total = Score::default();
    for (gold, predicted) in pairs {
        total.merge(score(gold, predicted));
    }
    total
}

/// [`score`], also checking that every evidence string is verbatim in `text` (the article).
pub fn score_with_text(gold: &GoldFile, predicted: &Extraction, text: Option<&str>) -> Score {
    let doc = if gold.document.is_empty() {
        predicted.document.as_str()
    } else {
        gold.document.as_str()
    };
    let mut out = Score {
        documents: 1,
        evidence_checked: text.is_some(),
        ..Score::default()
    };
    let ge: Vec<(&str, HashSet<String>)> = gold
        .entities
        .iter()
        .map(|e| (e.kind.as_str(), forms(&e.name, e.aliases.iter())))
        .collect();
    let pe: Vec<(&str, HashSet<String>)> = predicted
        .entities
        .iter()
        .map(|e| (e.kind.as_str(), forms(&e.name, e.aliases.iter())))
        .collect();
    let p2g = match_entities(&ge, &pe, true);
    let untyped = match_entities(&ge, &pe, false);
    out.entity = Counts {
        tp: p2g.len(),
        predicted: pe.len(),
        gold: ge.len(),
    };
    out.entity_untyped = Counts {
        tp: untyped.len(),
        predicted: pe.len(),
        gold: ge.len(),
    };
    let mut gid: HashMap<&str, usize> = HashMap::new();
    for (i, e) in gold.entities.iter().enumerate() {
        gid.insert(e.id.as_str(), i);
    }
    let mut pid_to_gold: HashMap<&str, usize> = HashMap::new();
    for &(pi, gi) in &p2g {
        pid_to_gold.insert(predicted.entities[pi].id.as_str(), gi);
    }
    // Entities per type, and the lists.
    for e in &gold.entities {
        out.by_type.entry(e.kind.clone()).or_default().gold += 1;
    }
    for e in &predicted.entities {
        out.by_type
            .entry(e.kind.as_str().to_owned())
            .or_default()
            .predicted += 1;
    }
    let matched_gold: HashSet<usize> = p2g.iter().map(|&(_, g)| g).collect();
    let matched_pred: HashSet<usize> = p2g.iter().map(|&(p, _)| p).collect();
    for &gi in &matched_gold {
        out.by_type
            .entry(gold.entities[gi].kind.clone())
            .or_default()
            .tp += 1;
    }
    for (gi, g) in gold.entities.iter().enumerate() {
        if !matched_gold.contains(&gi) {
            out.missed
                .push(format!("{doc}: entity   {:<14} {}", g.kind, g.name));
        }
    }
    for (pi, p) in predicted.entities.iter().enumerate() {
        if !matched_pred.contains(&pi) {
            out.extra.push(format!(
                "{doc}: entity   {:<14} {}",
                p.kind.as_str(),
                p.name
            ));
        }
    }

    // Relations.
    let gold_opts: Vec<HashSet<RelKey>> = gold
        .relations
        .iter()
        .map(|r| {
            let (s, o) = (
                gid.get(r.subject.as_str()).copied(),
                gid.get(r.object.as_str()).copied(),
            );
            let mut keys: HashSet<RelKey> = HashSet::from([rel_key(s, &r.predicate, o)]);
            keys.extend(r.accept.iter().map(|alt| rel_key(s, alt, o)));
            keys
        })
        .collect();
    let grels: HashSet<&RelKey> = gold_opts.iter().flatten().collect();
    let mut unmatched = 0;
    let mut prels: HashSet<RelKey> = HashSet::new();
    for r in &predicted.relations {
        let k = rel_key(
            pid_to_gold.get(r.subject.as_str()).copied(),
            r.predicate.as_str(),
            pid_to_gold.get(r.object.as_str()).copied(),
        );
        if k.0.is_none() || k.2.is_none() {
            unmatched += 1;
            out.by_predicate.entry(k.1.clone()).or_default().predicted += 1;
            out.extra.push(format!(
                "{doc}: relation {} {} {} (an end matches no gold entity)",
                r.subject, k.1, r.object
            ));
        } else {
            prels.insert(k);
        }
    }
    let mut sorted: Vec<&RelKey> = prels.iter().collect();
    sorted.sort_by_cached_key(|k| python_repr(k));
    let mut hit_gold: HashSet<usize> = HashSet::new();
    for k in &sorted {
        out.by_predicate.entry(k.1.clone()).or_default().predicted += 1;
        if let Some(gi) =
            (0..gold_opts.len()).find(|gi| !hit_gold.contains(gi) && gold_opts[*gi].contains(*k))
        {
            hit_gold.insert(gi);
            out.by_predicate.entry(k.1.clone()).or_default().tp += 1;
        }
    }
    for (gi, r) in gold.relations.iter().enumerate() {
        out.by_predicate
            .entry(r.predicate.clone())
            .or_default()
            .gold += 1;
        if !hit_gold.contains(&gi) {
            out.missed.push(format!(
                "{doc}: relation {} {} {}",
                r.subject, r.predicate, r.object
            ));
        }
    }
    let name = |i: Option<usize>| {
        i.and_then(|i| gold.entities.get(i))
            .map_or("None", |e| e.name.as_str())
    };
    for k in &sorted {
        if !grels.contains(*k) {
            out.extra.push(format!(
                "{doc}: relation {} {} {}",
                name(k.0),
                k.1,
                name(k.2)
            ));
        }
    }
    out.relation = Counts {
        tp: hit_gold.len(),
        predicted: prels.len() + unmatched,
        gold: gold_opts.len(),
    };

    // Facts.
    let mut used: HashSet<usize> = HashSet::new();
    for pf in &predicted.facts {
        let measure = pf.measure.as_str();
        out.by_measure
            .entry(measure.to_owned())
            .or_default()
            .predicted += 1;
        let ok = |gf: &GoldFact| {
            if measure != gf.measure {
                return false;
            }
            let gs = gf.subject.as_deref().and_then(|s| gid.get(s).copied());
            if pid_to_gold.get(pf.subject.as_str()).copied() != gs {
                return false;
            }
            match (&pf.object, &gf.object) {
                (None, None) => {}
                (Some(po), Some(go)) => {
                    if pid_to_gold.get(po.as_str()).copied() != gid.get(go.as_str()).copied() {
                        return false;
                    }
                }
                _ => return false,
            }
            let Some(gv) = number(&gf.value) else {
                return false;
            };
            (pf.value - gv).abs() <= 0.01 * gv.abs().max(1e-9)
        };
        let hit = gold.facts.iter().enumerate().find(|(gi, gf)| {
            !used.contains(gi)
                && gf.subject.as_deref().is_some_and(|s| gid.contains_key(s))
                && ok(gf)
        });
        match hit {
            Some((gi, _)) => {
                used.insert(gi);
                out.by_measure.entry(measure.to_owned()).or_default().tp += 1;
            }
            None => out.extra.push(format!(
                "{doc}: fact     {} {} {} {}",
                pf.subject,
                measure,
                format_value(pf.value),
                pf.object.as_deref().unwrap_or("-")
            )),
        }
    }
    for (gi, gf) in gold.facts.iter().enumerate() {
        out.by_measure.entry(gf.measure.clone()).or_default().gold += 1;
        if !used.contains(&gi) {
            out.missed.push(format!(
                "{doc}: fact     {} {} {} {}",
                gf.subject.as_deref().unwrap_or("None"),
                gf.measure,
                gf.value,
                gf.object.as_deref().unwrap_or("-")
            ));
        }
    }
    out.fact = Counts {
        tp: used.len(),
        predicted: predicted.facts.len(),
        gold: gold.facts.len(),
    };

    if let Some(text) = text {
        let evidence = predicted
            .relations
            .iter()
            .map(|r| &r.evidence)
            .chain(predicted.facts.iter().map(|f| &f.evidence));
        for ev in evidence {
            if ev.is_empty() || !text.contains(ev.as_str()) {
                out.bad_evidence.push(ev.clone());
            }
        }
    }
    out
}

fn line(out: &mut String, label: &str, c: Counts) {
    let (p, r, f) = c.prf();
    let _ = writeln!(
        out,
        "{label:<16} P={p:.3} R={r:.3} F1={f:.3}  (tp={} pred={} gold={})",
        c.tp, c.predicted, c.gold
    );
}

/// A table of the score: per entity type, predicate and measure (verbose only), then
/// the four lines of `score.py` and its last line `entity_f1=… relation_f1=… fact_f1=…`.
/// `verbose` also lists missed and extra items and evidence not found.
pub fn report(score: &Score, verbose: bool) -> String {
    let mut out = String::new();
    if verbose {
        for (title, table) in [
            ("entity type", &score.by_type),
            ("predicate", &score.by_predicate),
            ("measure", &score.by_measure),
        ] {
            let _ = writeln!(
                out,
                "{title:<28} {:>5} {:>5} {:>5}  {:>5} {:>5} {:>5}",
                "P", "R", "F1", "tp", "pred", "gold"
            );
            for (k, c) in table {
                let (p, r, f) = c.prf();
                let _ = writeln!(
                    out,
                    "  {k:<26} {p:>5.3} {r:>5.3} {f:>5.3}  {:>5} {:>5} {:>5}",
                    c.tp, c.predicted, c.gold
                );
            }
        }
        for m in &score.missed {
            let _ = writeln!(out, "  missed {m}");
        }
        for e in &score.extra {
            let _ = writeln!(out, "  extra  {e}");
        }
        for ev in &score.bad_evidence {
            let _ = writeln!(out, "  evidence not found in document: {ev:?}");
        }
    }
    line(&mut out, "entity", score.entity);
    line(&mut out, "entity_untyped", score.entity_untyped);
    line(&mut out, "relation", score.relation);
    line(&mut out, "fact", score.fact);
    if score.evidence_checked {
        let _ = writeln!(
            out,
            "evidence strings not found in the document: {}",
            score.bad_evidence.len()
        );
    }
    let _ = writeln!(
        out,
        "entity_f1={:.3} relation_f1={:.3} fact_f1={:.3}",
        score.entity.f1(),
        score.relation.f1(),
        score.fact.f1()
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A gold file exercising every rule of `score.py`: suffix and quote
    /// normalisation, `null` aliases, `accept`, a relation to an unknown id, string
    /// values, a fact whose subject is unknown.
    const GOLD: &str = r#"{"document": "t.txt", "note": "fixture",
 "entities": [
  {"id": "qd", "type": "City", "name": "青岛市", "aliases": ["青岛"]},
  {"id": "jp", "type": "Country", "name": "日本", "aliases": ["日"]},
  {"id": "sk", "type": "City", "name": "下关市", "aliases": []},
  {"id": "room", "type": "Venue", "name": "日本“国际客厅”", "aliases": ["国际客厅"]},
  {"id": "sd", "type": "Province", "name": "山东省", "aliases": ["山东", "鲁"]},
  {"id": "li", "type": "Person", "name": "李忠", "aliases": null},
  {"id": "bank", "type": "Bank", "name": "瑞穗银行", "aliases": []}
 ],
 "relations": [
  {"subject": "qd", "predicate": "friendshipCity", "object": "sk", "evidence": "x"},
  {"subject": "qd", "predicate": "partOf", "object": "sd", "accept": ["locatedIn"]},
  {"subject": "jp", "predicate": "investmentSource", "object": "qd", "accept": ["investsIn"], "qualifiers": {"rank": 3}},
  {"subject": "li", "predicate": "positionAt", "object": "bank"},
  {"subject": "qd", "predicate": "cooperatesWith", "object": "ghost"}
 ],
 "facts": [
  {"subject": "qd", "measure": "tradeVolume", "value": 7643000000, "unit": "USD", "object": "jp", "period": "2019"},
  {"subject": "qd", "measure": "tradeGrowth", "value": 2.1, "unit": "percent", "object": "jp"},
  {"subject": "jp", "measure": "investmentProjects", "value": 2155, "unit": "count", "object": "qd"},
  {"subject": "room", "measure": "receptions", "value": "100", "unit": "count", "object": null},
  {"subject": "ghost", "measure": "area", "value": 5, "unit": "km2", "object": null}
 ]}"#;

    /// A prediction against [`GOLD`]: a type mismatch, a swapped symmetric relation
    /// (kept twice), an accepted alternative predicate, a reversed non-symmetric one,
    /// an unmatched end, a value 0.75 % off (a hit), one 2 % off (a miss), a missing
    /// object, a duplicate fact, evidence not in the text.
    const PRED: &str = r#"{"document": "t.txt",
 "entities": [
  {"id": "c1", "type": "City", "name": "青岛", "aliases": []},
  {"id": "c2", "type": "Country", "name": "日本", "aliases": []},
  {"id": "c3", "type": "City", "name": "下关", "aliases": []},
  {"id": "c4", "type": "Venue", "name": "日本 「国际客厅」", "aliases": []},
  {"id": "c5", "type": "City", "name": "山东", "aliases": []},
  {"id": "c6", "type": "Person", "name": "李忠", "aliases": []},
  {"id": "c7", "type": "Company", "name": "东京", "aliases": []}
 ],
 "relations": [
  {"subject": "c3", "predicate": "friendshipCity", "object": "c1", "evidence": "青岛与下关"},
  {"subject": "c3", "predicate": "friendshipCity", "object": "c1", "evidence": "青岛与下关"},
  {"subject": "c1", "predicate": "locatedIn", "object": "c5", "evidence": "不在文中"},
  {"subject": "c2", "predicate": "investsIn", "object": "c1", "evidence": "日本在青投资"},
  {"subject": "c1", "predicate": "investmentSource", "object": "c2", "evidence": "日本在青投资"},
  {"subject": "c6", "predicate": "positionAt", "object": "c7", "evidence": ""}
 ],
 "facts": [
  {"subject": "c1", "measure": "tradeVolume", "value": 7700000000, "unit": "USD", "object": "c2", "evidence": "青岛与日本"},
  {"subject": "c1", "measure": "tradeGrowth", "value": 2.142, "unit": "percent", "object": "c2", "evidence": "增长2.1%"},
  {"subject": "c2", "measure": "investmentProjects", "value": 2155, "unit": "count", "object": null, "evidence": "2155个"},
  {"subject": "c4", "measure": "receptions", "value": 100.5, "unit": "count", "object": null, "evidence": "100余次"},
  {"subject": "c4", "measure": "receptions", "value": 100, "unit": "count", "object": null, "evidence": "100余次"}
 ]}"#;

    /// [`PRED`] with 下关 dropped and the symmetric relation turned to a wrong pair.
    const PRED_DROPPED: &str = r#"{
"document": "t.txt",
"entities": [
{
"id": "c1",
"type": "City",
"name": "青岛",
"aliases": []
},
{
"id": "c2",
"type": "Country",
"name": "日本",
"aliases": []
},
{
"id": "c4",
"type": "Venue",
"name": "日本 「国际客厅」",
"aliases": []
},
{
"id": "c5",
"type": "City",
"name": "山东",
"aliases": []
},
{
"id": "c6",
"type": "Person",
"name": "李忠",
"aliases": []
},
{
"id": "c7",
"type": "Company",
"name": "东京",
"aliases": []
}
],
"relations": [
{
"subject": "c1",
"predicate": "friendshipCity",
"object": "c2",
"evidence": "青岛与下关"
},
{
"subject": "c3",
"predicate": "friendshipCity",
"object": "c1",
"evidence": "青岛与下关"
},
{
"subject": "c1",
"predicate": "locatedIn",
"object": "c5",
"evidence": "不在文中"
},
{
"subject": "c2",
"predicate": "investsIn",
"object": "c1",
"evidence": "日本在青投资"
},
{
"subject": "c1",
"predicate": "investmentSource",
"object": "c2",
"evidence": "日本在青投资"
},
{
"subject": "c6",
"predicate": "positionAt",
"object": "c7",
"evidence": ""
}
],
"facts": [
{
"subject": "c1",
"measure": "tradeVolume",
"value": 7700000000,
"unit": "USD",
"object": "c2",
"evidence": "青岛与日本"
},
{
"subject": "c1",
"measure": "tradeGrowth",
"value": 2.142,
"unit": "percent",
"object": "c2",
"evidence": "增长2.1%"
},
{
"subject": "c2",
"measure": "investmentProjects",
"value": 2155,
"unit": "count",
"object": null,
"evidence": "2155个"
},
{
"subject": "c4",
"measure": "receptions",
"value": 100.5,
"unit": "count",
"object": null,
"evidence": "100余次"
},
{
"subject": "c4",
"measure": "receptions",
"value": 100,
"unit": "count",
"object": null,
"evidence": "100余次"
}
]
}"#;

    const TEXT: &str = "青岛与日本 青岛与下关 日本在青投资 增长2.1% 2155个 100余次";

    fn load() -> (GoldFile, Extraction, Extraction) {
        let gold = GoldFile::from_json(GOLD).expect("gold fixture");
        let pred = serde_json::from_str(PRED).expect("prediction fixture");
        let dropped = serde_json::from_str(PRED_DROPPED).expect("prediction fixture");
        (gold, pred, dropped)
    }

    /// Expected output of `python3 score.py gold.json pred.json --doc t.txt` (checked by hand).
    #[test]
    fn agrees_with_score_py_on_one_document() {
        let (gold, pred, _) = load();
        let s = score_with_text(&gold, &pred, Some(TEXT));
        let expected = "\
entity           P=0.714 R=0.714 F1=0.714  (tp=5 pred=7 gold=7)
entity_untyped   P=0.857 R=0.857 F1=0.857  (tp=6 pred=7 gold=7)
relation         P=0.400 R=0.400 F1=0.400  (tp=2 pred=5 gold=5)
fact             P=0.400 R=0.400 F1=0.400  (tp=2 pred=5 gold=5)
evidence strings not found in the document: 2
entity_f1=0.714 relation_f1=0.400 fact_f1=0.400
";
        assert_eq!(report(&s, false), expected);
        assert!(
            s.missed
                .iter()
                .any(|m| m.ends_with("fact     qd tradeGrowth 2.1 jp")),
            "{:?}",
            s.missed
        );
        assert!(
            s.missed
                .iter()
                .any(|m| m.ends_with("relation qd partOf sd"))
        );
        assert_eq!(
            s.by_measure["receptions"],
            Counts {
                tp: 1,
                predicted: 2,
                gold: 1
            }
        );
        assert_eq!(
            s.by_type["Province"],
            Counts {
                tp: 0,
                predicted: 0,
                gold: 1
            }
        );
    }

    /// Expected output of `score.py gold.json pred2.json` and of
    /// `score.py --pairs gold.json pred.json gold.json pred2.json` (micro-averaged).
    #[test]
    fn agrees_with_score_py_on_a_dropped_entity_and_on_pairs() {
        let (gold, pred, dropped) = load();
        let last = |s: &Score| report(s, false).lines().last().map(str::to_owned);
        let s = score(&gold, &dropped);
        assert_eq!(
            (s.entity, s.relation),
            (
                Counts {
                    tp: 4,
                    predicted: 6,
                    gold: 7
                },
                Counts {
                    tp: 1,
                    predicted: 6,
                    gold: 5
                }
            )
        );
        assert_eq!(
            last(&s).as_deref(),
            Some("entity_f1=0.615 relation_f1=0.182 fact_f1=0.400")
        );
        let all = score_all(&[(gold.clone(), pred), (gold, dropped)]);
        let expected = "\
entity           P=0.692 R=0.643 F1=0.667  (tp=9 pred=13 gold=14)
entity_untyped   P=0.846 R=0.786 F1=0.815  (tp=11 pred=13 gold=14)
relation         P=0.273 R=0.300 F1=0.286  (tp=3 pred=11 gold=10)
fact             P=0.400 R=0.400 F1=0.400  (tp=4 pred=10 gold=10)
entity_f1=0.667 relation_f1=0.286 fact_f1=0.400
";
        assert_eq!(report(&all, false), expected);
        assert_eq!(all.documents, 2);
    }

    #[test]
    fn empty_prediction_against_empty_gold_is_perfect() {
        let s = score(&GoldFile::default(), &Extraction::default());
        assert!(report(&s, true).ends_with("entity_f1=1.000 relation_f1=1.000 fact_f1=1.000\n"));
    }

    #[test]
    fn verbose_report_lists_items_and_tables() {
        let (gold, pred, _) = load();
        let text = report(&score(&gold, &pred), true);
        assert!(text.contains("missed t.txt: entity   Bank           瑞穗银行"));
        assert!(text.contains("extra  t.txt: relation 青岛市 investmentSource 日本"));
        assert!(text.contains("  tradeVolume "));
    }

    #[test]
    fn normalisation_matches_score_py() {
        assert_eq!(normalize("  ＮＲＷ "), "nrw");
        assert_eq!(normalize("市"), "市");
        assert_eq!(normalize("青岛市县"), "青岛市");
        assert_eq!(normalize("《环球时报》"), "环球时报");
    }
}
