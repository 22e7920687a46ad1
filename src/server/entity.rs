//! `/entity`: one entity (or document) on one page — its names in Chinese and English,
//! types, every relation in and out with qualifiers, the evidence sentence and its
//! source document, the quantitative facts about it, and its ego diagram.
//!
//! Everything is read straight from the store's indexes (bound subject or object
//! lookups over the union of all graphs), not through SPARQL: a page costs a few
//! hundred index seeks.

use super::App;
use super::html::{self, escape};
use super::http::{Params, Reply, percent_encode};
use super::pages::{names_html, normalize, types_html};
use crate::model::Predicate;
use crate::vocab::{cc, nif, prov, schema, skos};
use oxigraph::model::vocab::{rdf, rdfs};
use oxigraph::model::{NamedNode, NamedNodeRef, NamedOrBlankNode, Term, TermRef};
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;

/// What a list needs to show an entity: names, types.
#[derive(Debug, Default)]
pub(crate) struct Brief {
    pub zh: Option<String>,
    pub en: Option<String>,
    /// A label in another language, when there is neither.
    pub other: Option<String>,
    pub aliases: Vec<String>,
    pub types: Vec<String>,
}

impl Brief {
    /// The name to show: Chinese, else English, else any.
    fn name(&self, iri: &str) -> String {
        self.zh
            .clone()
            .or_else(|| self.en.clone())
            .or_else(|| self.other.clone())
            .unwrap_or_else(|| html::local_name(iri).to_owned())
    }
}

/// Labels, aliases and types of an entity.
pub(crate) fn brief(app: &App, iri: &str) -> Brief {
    let mut info = Brief::default();
    let Ok(node) = NamedNode::new(iri) else {
        return info;
    };
    for label in objects(app, node.as_ref(), rdfs::LABEL) {
        if let Term::Literal(label) = label {
            let slot = match label.language() {
                Some(l) if l.starts_with("zh") => &mut info.zh,
                Some("en") => &mut info.en,
                _ => &mut info.other,
            };
            slot.get_or_insert_with(|| label.value().to_owned());
        }
    }
    for alias in objects(app, node.as_ref(), skos::ALT_LABEL) {
        if let Term::Literal(alias) = alias
            && !info.aliases.iter().any(|a| a == alias.value())
        {
            info.aliases.push(alias.value().to_owned());
        }
    }
    for kind in objects(app, node.as_ref(), rdf::TYPE) {
        if let Term::NamedNode(kind) = kind {
            info.types.push(kind.into_string());
        }
    }
    info
}

/// Distinct objects of `subject predicate ?o` over all graphs, in store order.
fn objects(app: &App, subject: NamedNodeRef<'_>, predicate: NamedNodeRef<'_>) -> Vec<Term> {
    let mut seen = Vec::new();
    for quad in
        app.store
            .oxigraph()
            .quads_for_pattern(Some(subject.into()), Some(predicate), None, None)
    {
        if let Ok(quad) = quad
            && !seen.contains(&quad.object)
        {
            seen.push(quad.object);
        }
    }
    seen
}

/// Distinct named subjects of `?s predicate object` over all graphs.
fn subjects(app: &App, predicate: NamedNodeRef<'_>, object: TermRef<'_>) -> Vec<NamedNode> {
    let mut seen = BTreeSet::new();
    for quad in app
        .store
        .oxigraph()
        .quads_for_pattern(None, Some(predicate), Some(object), None)
    {
        if let Ok(quad) = quad
            && let NamedOrBlankNode::NamedNode(subject) = quad.subject
        {
            seen.insert(subject);
        }
    }
    seen.into_iter().collect()
}

fn first(app: &App, subject: NamedNodeRef<'_>, predicate: NamedNodeRef<'_>) -> Option<Term> {
    app.store
        .oxigraph()
        .quads_for_pattern(Some(subject.into()), Some(predicate), None, None)
        .find_map(Result::ok)
        .map(|q| q.object)
}

fn first_text(app: &App, subject: NamedNodeRef<'_>, predicate: NamedNodeRef<'_>) -> Option<String> {
    first(app, subject, predicate).map(|t| crate::store::term_text(&t))
}

/// `/entity?iri=…` or `/entity?name=…`.
pub(crate) fn page(app: &App, params: &Params) -> Reply {
    if let Some(iri) = params.get("iri") {
        return match NamedNode::new(iri) {
            Ok(node) if exists(app, node.as_ref()) => entity_page(app, &node),
            Ok(_) => missing(&format!("Nothing in the store is called <{iri}>.")),
            Err(e) => Reply::html(
                400,
                html::page(
                    "Bad IRI",
                    "",
                    &format!("<h1>Bad IRI</h1><p>{}</p>", escape(&e.to_string())),
                ),
            ),
        };
    }
    let Some(name) = params.get("name").map(str::trim).filter(|n| !n.is_empty()) else {
        return missing("Give an entity: /entity?iri=IRI or /entity?name=NAME.");
    };
    let wanted = normalize(name);
    let exact: Vec<String> = super::pages::find(app, name)
        .into_iter()
        .filter(|hit| normalize(&hit.label) == wanted)
        .map(|hit| hit.iri)
        .collect();
    match exact.as_slice() {
        [iri] => match NamedNode::new(iri.as_str()) {
            Ok(node) => entity_page(app, &node),
            Err(e) => Reply::text(500, e.to_string()),
        },
        [] => missing(&format!("No entity is named “{name}”.")),
        several => {
            let items: String = several
                .iter()
                .map(|iri| {
                    let info = brief(app, iri);
                    format!(
                        "<li><a class=\"entity\" href=\"{}\">{}</a> {} <code>{}</code></li>\n",
                        escape(&html::entity_href(iri)),
                        names_html(&info, iri),
                        types_html(app, &info),
                        escape(&html::compact(iri))
                    )
                })
                .collect();
            let main = format!(
                "<h1>“{}” names {} entities</h1>\n<ul class=\"hits\">\n{items}</ul>",
                escape(name),
                several.len()
            );
            Reply::html(300, html::page(name, name, &main))
        }
    }
}

fn missing(message: &str) -> Reply {
    let main = format!(
        "<h1>Not found</h1>\n<p>{}</p>\n<p>Try <a href=\"/search\">search</a>: it finds names by their beginning, in any language.</p>",
        escape(message)
    );
    Reply::html(404, html::page("Not found", "", &main))
}

fn exists(app: &App, node: NamedNodeRef<'_>) -> bool {
    let store = app.store.oxigraph();
    store
        .quads_for_pattern(Some(node.into()), None, None, None)
        .next()
        .is_some()
        || store
            .quads_for_pattern(None, None, Some(node.into()), None)
            .next()
            .is_some()
}

/// One relation of the entity, from its `cc:Statement` node.
struct Relation {
    predicate: String,
    other: String,
    outgoing: bool,
    qualifiers: Vec<(&'static str, String)>,
    evidence: Option<String>,
    document: Option<String>,
    span: Option<(String, String)>,
    rule: Option<String>,
}

/// One quantitative fact about the entity.
struct Fact {
    measure: String,
    value: String,
    unit: Option<String>,
    period: Option<String>,
    approximation: Option<String>,
    other: Option<String>,
    evidence: Option<String>,
    document: Option<String>,
}

fn relations(app: &App, node: NamedNodeRef<'_>) -> Vec<Relation> {
    let mut out = Vec::new();
    for (role, outgoing) in [(rdf::SUBJECT, true), (rdf::OBJECT, false)] {
        for statement in subjects(app, role, node.into()) {
            let st = statement.as_ref();
            let Some(Term::NamedNode(predicate)) = first(app, st, rdf::PREDICATE) else {
                continue;
            };
            let other_role = if outgoing { rdf::OBJECT } else { rdf::SUBJECT };
            let Some(Term::NamedNode(other)) = first(app, st, other_role) else {
                continue;
            };
            let mut qualifiers = Vec::new();
            for (name, property) in [("role", cc::ROLE), ("rank", cc::RANK), ("date", cc::DATE)] {
                if let Some(value) = first_text(app, st, property) {
                    qualifiers.push((name, value));
                }
            }
            let span =
                first_text(app, st, nif::BEGIN_INDEX).zip(first_text(app, st, nif::END_INDEX));
            out.push(Relation {
                predicate: predicate.into_string(),
                other: other.into_string(),
                outgoing,
                qualifiers,
                evidence: first_text(app, st, cc::EVIDENCE),
                document: first_text(app, st, prov::WAS_DERIVED_FROM),
                span,
                rule: first_text(app, st, cc::EXTRACTION_RULE),
            });
        }
    }
    out
}

fn facts(app: &App, node: NamedNodeRef<'_>) -> Vec<Fact> {
    let mut out = Vec::new();
    for (role, other_role) in [
        (cc::OBSERVED_ENTITY, cc::COUNTERPART),
        (cc::COUNTERPART, cc::OBSERVED_ENTITY),
    ] {
        for observation in subjects(app, role, node.into()) {
            let obs = observation.as_ref();
            let Some(measure) = first_text(app, obs, cc::MEASURE) else {
                continue;
            };
            out.push(Fact {
                value: first_text(app, obs, cc::VALUE).unwrap_or_default(),
                measure,
                unit: first_text(app, obs, cc::UNIT),
                period: first_text(app, obs, cc::PERIOD),
                approximation: first_text(app, obs, cc::APPROXIMATION),
                other: first_text(app, obs, other_role),
                evidence: first_text(app, obs, cc::EVIDENCE),
                document: first_text(app, obs, prov::WAS_DERIVED_FROM),
            });
        }
    }
    out
}

/// Names of documents and entities, looked up once per page.
struct Names<'a> {
    app: &'a App,
    entities: HashMap<String, String>,
    documents: HashMap<String, (String, Option<String>)>,
}

impl<'a> Names<'a> {
    fn new(app: &'a App) -> Self {
        Self {
            app,
            entities: HashMap::new(),
            documents: HashMap::new(),
        }
    }

    fn entity(&mut self, iri: &str) -> String {
        if let Some(name) = self.entities.get(iri) {
            return name.clone();
        }
        let name = brief(self.app, iri).name(iri);
        self.entities.insert(iri.to_owned(), name.clone());
        name
    }

    /// A link to an entity page, with its name.
    fn entity_link(&mut self, iri: &str) -> String {
        let name = self.entity(iri);
        html::iri_link(iri, &name)
    }

    /// A link to a document's page, with its file name and date.
    fn document_link(&mut self, iri: &str) -> String {
        let (name, date) = match self.documents.get(iri) {
            Some(found) => found.clone(),
            None => {
                let found = match NamedNode::new(iri) {
                    Ok(node) => (
                        first_text(self.app, node.as_ref(), schema::NAME)
                            .unwrap_or_else(|| html::local_name(iri).to_owned()),
                        first_text(self.app, node.as_ref(), schema::DATE_PUBLISHED),
                    ),
                    Err(_) => (iri.to_owned(), None),
                };
                self.documents.insert(iri.to_owned(), found.clone());
                found
            }
        };
        let date = date
            .map(|d| format!(" <span class=\"date\">{}</span>", escape(&d)))
            .unwrap_or_default();
        format!("{}{date}", html::iri_link(iri, &name))
    }
}

/// The evidence sentence with the names of both ends marked.
fn evidence_html(evidence: &str, names: &[&str]) -> String {
    let mut html = escape(evidence);
    let mut marked: Vec<String> = names
        .iter()
        .filter(|n| n.chars().count() >= 2)
        .map(|n| escape(n))
        .collect();
    marked.sort_by_key(|n| std::cmp::Reverse(n.len()));
    marked.dedup();
    for name in marked {
        if html.contains(&name) && !html.contains(&format!("<mark>{name}")) {
            html = html.replacen(&name, &format!("<mark>{name}</mark>"), 1);
        }
    }
    html
}

fn entity_page(app: &App, node: &NamedNode) -> Reply {
    let iri = node.as_str();
    let info = brief(app, iri);
    let mut names = Names::new(app);
    let own_names: Vec<String> = info
        .zh
        .iter()
        .chain(info.en.iter())
        .chain(info.other.iter())
        .chain(info.aliases.iter())
        .cloned()
        .collect();
    let mut main = String::new();

    // Heading: names, types, IRI, links out.
    let title = info.name(iri);
    let _ = writeln!(
        main,
        "<article class=\"entity-page\">\n<header class=\"entity-head\">\n<h1>{}</h1>",
        names_html(&info, iri)
    );
    let _ = writeln!(main, "<p class=\"types\">{}</p>", types_html(app, &info));
    let describe = format!("DESCRIBE <{iri}>");
    let mut links = vec![
        format!("<code>{}</code>", escape(&html::compact(iri))),
        format!(
            "<a href=\"/sparql?query={}&amp;format=turtle\">RDF (Turtle)</a>",
            percent_encode(&describe)
        ),
    ];
    for term in objects(app, node.as_ref(), skos::EXACT_MATCH) {
        if let Term::NamedNode(same) = term {
            links.push(format!(
                "= {}",
                html::iri_link(same.as_str(), &html::compact(same.as_str()))
            ));
        }
    }
    for term in objects(app, node.as_ref(), cc::COUNTRY) {
        if let Term::NamedNode(country) = term {
            links.push(format!(
                "国家 country: {}",
                names.entity_link(country.as_str())
            ));
        }
    }
    let _ = writeln!(main, "<p class=\"iri\">{}</p>", links.join(" · "));
    if !info.aliases.is_empty() {
        let aliases: Vec<String> = info.aliases.iter().map(|a| escape(a)).collect();
        let _ = writeln!(
            main,
            "<p class=\"aliases\">别名 Also called: {}</p>",
            aliases.join("、")
        );
    }
    main.push_str("</header>\n");

    // Ego diagram.
    main.push_str("<section class=\"diagram\" id=\"diagram\">\n<h2>关系图 Diagram</h2>\n");
    match super::diagram::ego_svg(app, iri) {
        Ok(Some(svg)) => main.push_str(&svg),
        Ok(None) => main.push_str("<p class=\"hint\">No relation to draw.</p>"),
        Err(message) => {
            let _ = write!(
                main,
                "<p class=\"hint\">The diagram cannot be drawn: {}</p>",
                escape(&message)
            );
        }
    }
    main.push_str("\n</section>\n");

    // Relations.
    let mut relations = relations(app, node.as_ref());
    let mut sorted: Vec<(String, String, Relation)> = relations
        .drain(..)
        .map(|r| {
            let label = app.labels.both(&r.predicate);
            let other = names.entity(&r.other);
            (label, other, r)
        })
        .collect();
    sorted.sort_by(|a, b| (&a.0, &a.1, &a.2.document).cmp(&(&b.0, &b.1, &b.2.document)));
    let _ = writeln!(
        main,
        "<section class=\"relations\">\n<h2>关系 Relations <span class=\"count\">{}</span></h2>",
        sorted.len()
    );
    if sorted.is_empty() {
        main.push_str("<p class=\"hint\">No relation was extracted for it.</p>\n");
    } else {
        main.push_str(
            "<div class=\"table-wrap\"><table class=\"relations sortable\">\n<thead><tr><th>关系 Relation</th><th>实体 Entity</th>\
             <th>限定 Qualifiers</th><th>证据 Evidence</th><th>来源 Source</th></tr></thead>\n<tbody>\n",
        );
        for (label, other_name, relation) in &sorted {
            let symmetric = Predicate::ALL
                .iter()
                .any(|p| p.is_symmetric() && cc::predicate(*p).as_str() == relation.predicate);
            let arrow = if symmetric {
                "↔"
            } else if relation.outgoing {
                "→"
            } else {
                "←"
            };
            let qualifiers: Vec<String> = relation
                .qualifiers
                .iter()
                .map(|(name, value)| format!("<span class=\"q\">{name}</span> {}", escape(value)))
                .collect();
            let mut marks: Vec<&str> = own_names.iter().map(String::as_str).collect();
            marks.push(other_name);
            let evidence = relation
                .evidence
                .as_deref()
                .map(|e| {
                    format!(
                        "<blockquote lang=\"zh\">{}</blockquote>",
                        evidence_html(e, &marks)
                    )
                })
                .unwrap_or_default();
            let mut source = relation
                .document
                .as_deref()
                .map(|d| names.document_link(d))
                .unwrap_or_default();
            if let Some((begin, end)) = &relation.span {
                let _ = write!(
                    source,
                    "<br><span class=\"offsets\">chars {}–{}</span>",
                    escape(begin),
                    escape(end)
                );
            }
            if let Some(rule) = &relation.rule {
                let _ = write!(
                    source,
                    "<br><span class=\"rule\">rule {}</span>",
                    escape(rule)
                );
            }
            let _ = writeln!(
                main,
                "<tr><td><span class=\"arrow\">{arrow}</span> <span title=\"{}\">{}</span></td><td>{}</td><td>{}</td><td>{evidence}</td><td>{source}</td></tr>",
                escape(&html::compact(&relation.predicate)),
                escape(label),
                names.entity_link(&relation.other),
                qualifiers.join("<br>"),
            );
        }
        main.push_str("</tbody>\n</table></div>\n");
    }
    main.push_str("</section>\n");

    // Facts.
    let facts = facts(app, node.as_ref());
    if !facts.is_empty() {
        let _ = writeln!(
            main,
            "<section class=\"facts\">\n<h2>数据 Facts <span class=\"count\">{}</span></h2>",
            facts.len()
        );
        main.push_str(
            "<div class=\"table-wrap\"><table class=\"facts sortable\">\n<thead><tr><th>指标 Measure</th><th>数值 Value</th>\
             <th>时期 Period</th><th>对方 Counterpart</th><th>证据 Evidence</th><th>来源 Source</th></tr></thead>\n<tbody>\n",
        );
        for fact in &facts {
            let value = format!(
                "{}{} {}",
                fact.approximation
                    .as_deref()
                    .map(|a| format!("<span class=\"q\">{}</span> ", escape(a)))
                    .unwrap_or_default(),
                escape(&fact.value),
                escape(fact.unit.as_deref().unwrap_or_default())
            );
            let other = fact
                .other
                .as_deref()
                .map(|o| names.entity_link(o))
                .unwrap_or_default();
            let evidence = fact
                .evidence
                .as_deref()
                .map(|e| {
                    format!(
                        "<blockquote lang=\"zh\">{}</blockquote>",
                        evidence_html(e, &[])
                    )
                })
                .unwrap_or_default();
            let source = fact
                .document
                .as_deref()
                .map(|d| names.document_link(d))
                .unwrap_or_default();
            let _ = writeln!(
                main,
                "<tr><td>{}</td><td class=\"number\">{value}</td><td>{}</td><td>{other}</td><td>{evidence}</td><td>{source}</td></tr>",
                escape(&app.labels.both(&fact.measure)),
                escape(fact.period.as_deref().unwrap_or_default()),
            );
        }
        main.push_str("</tbody>\n</table></div>\n</section>\n");
    }

    // Everything else said about it (a document's headline and date, for instance).
    let shown: BTreeSet<&str> = [
        rdfs::LABEL.as_str(),
        skos::ALT_LABEL.as_str(),
        rdf::TYPE.as_str(),
        cc::COUNTRY.as_str(),
        skos::EXACT_MATCH.as_str(),
        cc::MENTIONED_IN.as_str(),
    ]
    .into_iter()
    .chain(
        sorted
            .iter()
            .filter(|r| r.2.outgoing)
            .map(|r| r.2.predicate.as_str()),
    )
    .collect();
    let mut other_rows: Vec<(String, Term)> = Vec::new();
    for quad in app
        .store
        .oxigraph()
        .quads_for_pattern(Some(node.as_ref().into()), None, None, None)
        .flatten()
    {
        let row = (quad.predicate.as_str().to_owned(), quad.object);
        if !shown.contains(row.0.as_str()) && !other_rows.contains(&row) {
            other_rows.push(row);
        }
    }
    other_rows.sort_by_cached_key(|(predicate, object)| (predicate.clone(), object.to_string()));
    if !other_rows.is_empty() {
        main.push_str("<section class=\"properties\">\n<h2>属性 Properties</h2>\n<table class=\"properties\">\n<tbody>\n");
        for (predicate, object) in &other_rows {
            let value = match object {
                Term::NamedNode(n) if html::is_local(n.as_str()) => names.entity_link(n.as_str()),
                other => html::term(other),
            };
            let _ = writeln!(
                main,
                "<tr><th title=\"{}\">{}</th><td>{value}</td></tr>",
                escape(&html::compact(predicate)),
                escape(&app.labels.both(predicate))
            );
        }
        main.push_str("</tbody>\n</table>\n</section>\n");
    }

    // Documents that mention it, and for a document, the entities it mentions.
    let mentioned_in: Vec<String> = objects(app, node.as_ref(), cc::MENTIONED_IN)
        .into_iter()
        .filter_map(|t| match t {
            Term::NamedNode(n) => Some(n.into_string()),
            _ => None,
        })
        .collect();
    if !mentioned_in.is_empty() {
        let _ = writeln!(
            main,
            "<section class=\"documents\">\n<h2>来源 Mentioned in <span class=\"count\">{}</span></h2>\n<ul>",
            mentioned_in.len()
        );
        for document in &mentioned_in {
            let _ = writeln!(main, "<li>{}</li>", names.document_link(document));
        }
        main.push_str("</ul>\n</section>\n");
    }
    let mentions = subjects(app, cc::MENTIONED_IN, node.as_ref().into());
    if !mentions.is_empty() {
        let mut links: Vec<(String, String)> = mentions
            .iter()
            .map(|e| (names.entity(e.as_str()), names.entity_link(e.as_str())))
            .collect();
        links.sort();
        let _ = writeln!(
            main,
            "<section class=\"mentions\">\n<h2>提及的实体 Entities mentioned <span class=\"count\">{}</span></h2>\n<p class=\"chips\">{}</p>\n</section>",
            links.len(),
            links
                .into_iter()
                .map(|(_, link)| link)
                .collect::<Vec<_>>()
                .join(" ")
        );
    }
    main.push_str("</article>");
    Reply::html(200, html::page(&title, "", &main))
}

#[cfg(test)]
mod tests {
    #[test]
    fn evidence_marks_names_once_and_escapes_the_rest() {
        let html = super::evidence_html("青岛市与下关市<友好>", &["青岛市", "下关市", "市"]);
        assert_eq!(html, "<mark>青岛市</mark>与<mark>下关市</mark>&lt;友好&gt;");
    }
}
