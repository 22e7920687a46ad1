//! [`Extraction`] → RDF quads: one named graph per document.
//!
//! The graph of a document (IRI `id:doc/<first 16 hex digits of the SHA-256 of its bytes>`)
//! holds the document node, every entity it mentions, one NIF phrase per mention, and for
//! each relation both the direct triple (`id:city/青岛 cc:friendshipCity id:city/川崎`, easy
//! to query) and a `cc:Statement` node (`rdf:subject`/`rdf:predicate`/`rdf:object`) with its
//! qualifiers and provenance: `prov:wasDerivedFrom` the document, `cc:evidence`, NIF
//! offsets and `cc:extractionRule`. Facts become `cc:Observation` nodes. See
//! `docs/rdf-model.md` for the full picture with an example.
//!
//! ```
//! use cckg::model::{Entity, EntityType, Extraction};
//! use cckg::rdf::{DocumentInfo, extraction_quads};
//!
//! let extraction = Extraction {
//!     document: "a.txt".into(),
//!     language: "zh".into(),
//!     entities: vec![Entity {
//!         id: "qd".into(), kind: EntityType::City, name: "青岛市".into(),
//!         aliases: vec!["青岛".into()], label_en: Some("Qingdao".into()),
//!         country: None, source_id: None, mentions: vec![],
//!     }],
//!     ..Extraction::default()
//! };
//! let info = DocumentInfo::new(b"...", "corpus/a.txt");
//! let quads = extraction_quads(&extraction, &info);
//! assert!(quads.iter().any(|q| q.object.to_string() == "\"Qingdao\"@en"));
//! ```

use crate::model::{Entity, EntityType, Extraction, Fact, Relation};
use crate::vocab::{ID_BASE, cc, itsrdf, nif, prov, qb, schema, skos};
use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// What identifies an ingested document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentInfo {
    /// SHA-256 of the file's bytes, lower-case hex.
    pub hash: String,
    /// The path it was read from, as given.
    pub source: String,
}

impl DocumentInfo {
    /// Hashes `bytes` (the file as read) and remembers where they came from.
    pub fn new(bytes: &[u8], source: impl Into<String>) -> Self {
        let hash = Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        Self {
            hash,
            source: source.into(),
        }
    }

    /// The IRI of the document node, which is also the name of its graph.
    pub fn iri(&self) -> NamedNode {
        document_iri(&self.hash)
    }
}

/// The IRI of the document with this content hash (and of its named graph).
pub fn document_iri(hash: &str) -> NamedNode {
    let short = hash.get(..16).unwrap_or(hash);
    id_iri(&format!("doc/{short}"))
}

/// The stable IRI of an entity: from its gazetteer id when it has one (`id:gb-370200`),
/// else from its type and normalised name (`id:company/瑞穗银行`), so the same entity
/// named in two articles is one node.
pub fn entity_iri(entity: &Entity) -> NamedNode {
    match &entity.source_id {
        Some(source) if !source.is_empty() => id_iri(&iri_segment(&source.replace(':', "-"))),
        _ => id_iri(&format!(
            "{}/{}",
            entity.kind.as_str().to_ascii_lowercase(),
            iri_segment(&canonical_key(entity.kind, &entity.name))
        )),
    }
}

/// The key two surface forms of one entity share: NFKC, lower case, no quotes or spaces,
/// and for places no trailing 市/省/县 (下关 and 下关市 are one city).
pub fn canonical_key(kind: EntityType, name: &str) -> String {
    let mut key: String = name
        .nfkc()
        .filter(|c| !c.is_whitespace() && !"\"'“”‘’「」『』《》".contains(*c))
        .flat_map(char::to_lowercase)
        .collect();
    if kind.is_place() && key.chars().count() > 2 {
        for suffix in ['市', '省', '县'] {
            if let Some(stripped) = key.strip_suffix(suffix) {
                key = stripped.to_owned();
                break;
            }
        }
    }
    key
}

/// Every quad of a document's named graph, each once.
pub fn extraction_quads(extraction: &Extraction, info: &DocumentInfo) -> Vec<Quad> {
    let mut out = Writer {
        graph: GraphName::NamedNode(info.iri()),
        quads: Vec::new(),
    };
    let doc = info.iri();
    let lang = if extraction.language.is_empty() {
        "zh"
    } else {
        extraction.language.as_str()
    };

    out.add(&doc, rdf::TYPE, cc::DOCUMENT);
    out.add(&doc, rdf::TYPE, schema::NEWS_ARTICLE);
    out.add(
        &doc,
        cc::SOURCE_PATH,
        Literal::new_simple_literal(&info.source),
    );
    out.add(
        &doc,
        cc::CONTENT_HASH,
        Literal::new_simple_literal(&info.hash),
    );
    out.add(&doc, schema::IN_LANGUAGE, Literal::new_simple_literal(lang));
    out.add(
        &doc,
        schema::NAME,
        Literal::new_simple_literal(&extraction.document),
    );
    if let Some(title) = &extraction.title {
        out.add(&doc, schema::HEADLINE, lang_literal(title, lang));
    }
    if let Some(date) = &extraction.published {
        out.add(&doc, schema::DATE_PUBLISHED, date_literal(date));
    }

    let iris: HashMap<&str, NamedNode> = extraction
        .entities
        .iter()
        .map(|e| (e.id.as_str(), entity_iri(e)))
        .collect();
    for entity in &extraction.entities {
        out.entity(entity, &iris, &doc, lang);
    }
    for relation in &extraction.relations {
        out.relation(relation, &iris, &doc, lang);
    }
    for fact in &extraction.facts {
        out.fact(fact, &iris, &doc, lang);
    }
    // Two rules stating one relation write its direct triple twice: keep one.
    let mut seen = std::collections::HashSet::new();
    out.quads.retain(|q| seen.insert(q.clone()));
    out.quads
}

struct Writer {
    graph: GraphName,
    quads: Vec<Quad>,
}

impl Writer {
    fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.quads.push(Quad::new(
            NamedOrBlankNode::NamedNode(s.clone()),
            p.into_owned(),
            o.into(),
            self.graph.clone(),
        ));
    }

    fn entity(
        &mut self,
        entity: &Entity,
        iris: &HashMap<&str, NamedNode>,
        doc: &NamedNode,
        lang: &str,
    ) {
        let Some(iri) = iris.get(entity.id.as_str()) else {
            return;
        };
        self.add(iri, rdf::TYPE, cc::class(entity.kind));
        let name_lang = script_language(&entity.name, lang);
        self.add(iri, rdfs::LABEL, lang_literal(&entity.name, name_lang));
        if let Some(en) = entity.label_en.as_deref().filter(|l| !l.is_empty())
            && !(name_lang == "en" && en == entity.name)
        {
            self.add(iri, rdfs::LABEL, lang_literal(en, "en"));
        }
        for alias in &entity.aliases {
            if alias != &entity.name {
                self.add(
                    iri,
                    skos::ALT_LABEL,
                    lang_literal(alias, script_language(alias, lang)),
                );
            }
        }
        if let Some(country) = entity.country.as_deref().and_then(|c| iris.get(c))
            && country != iri
        {
            self.add(iri, cc::COUNTRY_PROPERTY, country.clone());
        }
        if let Some(link) = entity.source_id.as_deref().and_then(external_link) {
            self.add(iri, skos::EXACT_MATCH, link);
        }
        self.add(iri, cc::MENTIONED_IN, doc.clone());
        for mention in &entity.mentions {
            let phrase = offset_iri(doc, mention.span.start, mention.span.end);
            self.add(&phrase, rdf::TYPE, nif::PHRASE);
            self.add(&phrase, nif::REFERENCE_CONTEXT, doc.clone());
            self.add(
                &phrase,
                nif::ANCHOR_OF,
                Literal::new_simple_literal(&mention.text),
            );
            self.add(&phrase, nif::BEGIN_INDEX, index_literal(mention.span.start));
            self.add(&phrase, nif::END_INDEX, index_literal(mention.span.end));
            self.add(&phrase, itsrdf::TA_IDENT_REF, iri.clone());
        }
    }

    fn relation(
        &mut self,
        relation: &Relation,
        iris: &HashMap<&str, NamedNode>,
        doc: &NamedNode,
        lang: &str,
    ) {
        let (Some(s), Some(o)) = (
            iris.get(relation.subject.as_str()),
            iris.get(relation.object.as_str()),
        ) else {
            return;
        };
        let p = cc::predicate(relation.predicate);
        self.add(s, p, o.clone());
        let node = hashed_iri(
            "stmt",
            &[
                doc.as_str(),
                s.as_str(),
                p.as_str(),
                o.as_str(),
                &relation.start.to_string(),
                &relation.end.to_string(),
            ],
        );
        self.add(&node, rdf::TYPE, cc::STATEMENT);
        self.add(&node, rdf::SUBJECT, s.clone());
        self.add(&node, rdf::PREDICATE, p.into_owned());
        self.add(&node, rdf::OBJECT, o.clone());
        let q = &relation.qualifiers;
        if let Some(role) = &q.role {
            self.add(
                &node,
                cc::ROLE,
                lang_literal(role, script_language(role, lang)),
            );
        }
        if let Some(rank) = q.rank {
            self.add(&node, cc::RANK, Literal::from(i64::from(rank)));
        }
        if let Some(date) = &q.date {
            self.add(&node, cc::DATE, date_literal(date));
        }
        self.provenance(
            &node,
            doc,
            &relation.evidence,
            relation.start,
            relation.end,
            &relation.rule,
            lang,
        );
    }

    fn fact(&mut self, fact: &Fact, iris: &HashMap<&str, NamedNode>, doc: &NamedNode, lang: &str) {
        let Some(s) = iris.get(fact.subject.as_str()) else {
            return;
        };
        let measure = cc::measure(fact.measure);
        let value = decimal_literal(fact.value);
        let node = hashed_iri(
            "obs",
            &[
                doc.as_str(),
                s.as_str(),
                measure.as_str(),
                value.value(),
                &fact.start.to_string(),
                &fact.end.to_string(),
            ],
        );
        self.add(&node, rdf::TYPE, cc::OBSERVATION);
        self.add(&node, cc::OBSERVED_ENTITY, s.clone());
        self.add(&node, cc::MEASURE, measure.into_owned());
        self.add(&node, qb::MEASURE_TYPE, measure.into_owned());
        self.add(&node, measure, value.clone());
        self.add(&node, cc::VALUE, value);
        self.add(
            &node,
            cc::UNIT,
            Literal::new_simple_literal(fact.unit.as_str()),
        );
        if let Some(o) = fact.object.as_deref().and_then(|o| iris.get(o)) {
            self.add(&node, cc::COUNTERPART, o.clone());
        }
        if let Some(period) = &fact.period {
            self.add(&node, cc::PERIOD, Literal::new_simple_literal(period));
        }
        if let Some(approx) = &fact.approx {
            self.add(
                &node,
                cc::APPROXIMATION,
                Literal::new_simple_literal(approx),
            );
        }
        self.provenance(
            &node,
            doc,
            &fact.evidence,
            fact.start,
            fact.end,
            &fact.rule,
            lang,
        );
    }

    #[expect(
        clippy::too_many_arguments,
        reason = "one call per statement kind, all fields needed"
    )]
    fn provenance(
        &mut self,
        node: &NamedNode,
        doc: &NamedNode,
        evidence: &str,
        start: usize,
        end: usize,
        rule: &str,
        lang: &str,
    ) {
        self.add(node, prov::WAS_DERIVED_FROM, doc.clone());
        self.add(node, cc::EVIDENCE, lang_literal(evidence, lang));
        if end > start {
            self.add(node, nif::BEGIN_INDEX, index_literal(start));
            self.add(node, nif::END_INDEX, index_literal(end));
        }
        if !rule.is_empty() {
            self.add(node, cc::EXTRACTION_RULE, Literal::new_simple_literal(rule));
        }
    }
}

fn id_iri(path: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{ID_BASE}{path}"))
}

/// `doc#char=10,12` (RFC 5147 fragment), the NIF phrase of a mention.
fn offset_iri(doc: &NamedNode, start: usize, end: usize) -> NamedNode {
    NamedNode::new_unchecked(format!("{}#char={start},{end}", doc.as_str()))
}

fn hashed_iri(kind: &str, parts: &[&str]) -> NamedNode {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    let hex: String = hasher.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    id_iri(&format!("{kind}/{hex}"))
}

/// Keeps a name readable in an IRI (RFC 3987 allows Unicode) while escaping the
/// characters an IRI path cannot hold.
fn iri_segment(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_alphanumeric()
            || "-._~".contains(c)
            || (!c.is_ascii() && !c.is_whitespace() && !c.is_control())
        {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    if out.is_empty() { "_".to_owned() } else { out }
}

/// `geonames:123` → GeoNames feature IRI, `wd:Q1` / `wikidata:Q1` → Wikidata entity IRI.
fn external_link(source_id: &str) -> Option<NamedNode> {
    let (scheme, id) = source_id.split_once(':')?;
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    match scheme {
        "geonames" => Some(NamedNode::new_unchecked(format!(
            "{}{id}/",
            crate::vocab::GEONAMES_FEATURE
        ))),
        "wd" | "wikidata" => Some(NamedNode::new_unchecked(format!(
            "{}{id}",
            crate::vocab::WIKIDATA_ENTITY
        ))),
        _ => None,
    }
}

fn lang_literal(value: &str, lang: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(value, lang)
}

/// Latin-script aliases of a Chinese article are English names, and vice versa.
fn script_language<'a>(text: &str, document_lang: &'a str) -> &'a str {
    if text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
        "zh"
    } else if text.chars().any(|c| c.is_ascii_alphabetic()) {
        "en"
    } else {
        document_lang
    }
}

fn index_literal(i: usize) -> Literal {
    Literal::new_typed_literal(i.to_string(), xsd::NON_NEGATIVE_INTEGER)
}

/// `YYYY-MM-DD` as xsd:date, `YYYY-MM` as xsd:gYearMonth, `YYYY` as xsd:gYear; anything
/// else stays a plain string rather than an invalid typed literal.
fn date_literal(date: &str) -> Literal {
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let parts: Vec<&str> = date.split('-').collect();
    let shape: Vec<usize> = parts.iter().map(|p| p.len()).collect();
    let datatype = match shape.as_slice() {
        [4, 2, 2] if parts.iter().all(|p| digits(p)) => xsd::DATE,
        [4, 2] if parts.iter().all(|p| digits(p)) => xsd::G_YEAR_MONTH,
        [4] if digits(date) => xsd::G_YEAR,
        _ => return Literal::new_simple_literal(date),
    };
    Literal::new_typed_literal(date, datatype)
}

/// xsd:decimal lexical form: no exponent, no trailing `.0`.
fn decimal_literal(value: f64) -> Literal {
    let text = if value.fract() == 0.0 && value.abs() < 1e18 {
        format!("{value:.0}")
    } else {
        let s = format!("{value}");
        if s.contains('e') || s.contains("inf") || s.contains("NaN") {
            "0".to_owned()
        } else {
            s
        }
    };
    Literal::new_typed_literal(text, xsd::DECIMAL)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Measure, Mention, Predicate, Qualifiers, Span, Unit};

    fn city(id: &str, name: &str, en: &str) -> Entity {
        Entity {
            id: id.into(),
            kind: EntityType::City,
            name: name.into(),
            aliases: vec![],
            label_en: Some(en.into()),
            country: None,
            source_id: None,
            mentions: vec![Mention {
                text: name.into(),
                span: Span::new(0, name.chars().count()),
            }],
        }
    }

    fn sample() -> Extraction {
        Extraction {
            document: "x.txt".into(),
            language: "zh".into(),
            published: Some("2020-07-31".into()),
            title: Some("标题".into()),
            entities: vec![city("a", "甲市", "Jia"), city("b", "乙市", "Yi")],
            relations: vec![Relation {
                subject: "a".into(),
                predicate: Predicate::FriendshipCity,
                object: "b".into(),
                qualifiers: Qualifiers {
                    date: Some("2019-05-01".into()),
                    ..Qualifiers::default()
                },
                evidence: "甲市与乙市结为友好城市".into(),
                start: 0,
                end: 11,
                rule: "friendship".into(),
            }],
            facts: vec![Fact {
                subject: "a".into(),
                measure: Measure::TradeVolume,
                value: 7_643_000_000.0,
                unit: Unit::Usd,
                object: Some("b".into()),
                period: Some("2019".into()),
                approx: None,
                evidence: "贸易额76.43亿美元".into(),
                start: 12,
                end: 22,
                rule: "trade".into(),
            }],
        }
    }

    #[test]
    fn same_city_in_two_forms_has_one_iri() {
        let a = city("x", "下关市", "Shimonoseki");
        let b = city("y", "下关", "Shimonoseki");
        assert_eq!(entity_iri(&a), entity_iri(&b));
    }

    #[test]
    fn gazetteer_id_wins_over_the_name() {
        let mut a = city("x", "青岛市", "Qingdao");
        a.source_id = Some("gb:370200".into());
        assert_eq!(
            entity_iri(&a).as_str(),
            "https://w3id.org/cckg/id/gb-370200"
        );
    }

    #[test]
    fn every_quad_is_in_the_document_graph_and_deterministic() {
        let info = DocumentInfo::new("甲市与乙市".as_bytes(), "x.txt");
        let quads = extraction_quads(&sample(), &info);
        assert!(
            quads
                .iter()
                .all(|q| q.graph_name == GraphName::NamedNode(info.iri()))
        );
        assert_eq!(quads, extraction_quads(&sample(), &info));
    }

    #[test]
    fn relation_has_direct_triple_and_statement_node() {
        let info = DocumentInfo::new(b"t", "x.txt");
        let quads = extraction_quads(&sample(), &info);
        let direct = quads
            .iter()
            .filter(|q| q.predicate.as_ref() == cc::FRIENDSHIP_CITY)
            .count();
        assert_eq!(direct, 1);
        let stmt = quads
            .iter()
            .find(|q| q.object == Term::from(cc::STATEMENT.into_owned()))
            .map(|q| q.subject.clone())
            .expect("statement node");
        let about: Vec<_> = quads.iter().filter(|q| q.subject == stmt).collect();
        assert!(about.iter().any(|q| q.predicate.as_ref() == cc::DATE
            && q.object.to_string() == "\"2019-05-01\"^^<http://www.w3.org/2001/XMLSchema#date>"));
        assert!(about.iter().any(|q| q.predicate.as_ref() == nif::END_INDEX));
    }

    #[test]
    fn fact_value_is_a_plain_decimal() {
        let info = DocumentInfo::new(b"t", "x.txt");
        let quads = extraction_quads(&sample(), &info);
        let value = quads
            .iter()
            .find(|q| q.predicate.as_ref() == cc::VALUE)
            .expect("value");
        assert_eq!(
            value.object.to_string(),
            "\"7643000000\"^^<http://www.w3.org/2001/XMLSchema#decimal>"
        );
    }

    #[test]
    fn odd_names_still_make_valid_iris() {
        for name in ["a b", "x#y", "<>", "", "50%", "日本·国际客厅"] {
            let mut e = city("x", name, "X");
            e.kind = EntityType::Venue;
            let iri = entity_iri(&e);
            assert!(NamedNode::new(iri.as_str()).is_ok(), "{iri}");
        }
    }
}
