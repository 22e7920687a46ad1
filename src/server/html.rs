//! HTML building blocks: escaping, the page frame, links to entities, terms as text,
//! and the ontology's Chinese and English labels for classes and properties.
//!
//! Every string from the store or the request goes through [`escape`] (or
//! [`percent_encode`](super::http::percent_encode) inside URLs, then [`escape`]).

use super::http::percent_encode;
use crate::store::ontology_quads;
use crate::vocab;
use oxigraph::model::Term;
use oxigraph::model::vocab::rdfs;
use std::collections::HashMap;
use std::fmt::Write;

/// Escapes text for HTML element content and quoted attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A whole page: head, the top bar with the search box, `main`, footer.
pub(crate) fn page(title: &str, search: &str, main: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title} · cckg</title>\n\
         <link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\n\
         <link rel=\"stylesheet\" href=\"/assets/style.css\">\n\
         <script src=\"/assets/app.js\" defer></script>\n</head>\n<body>\n\
         <header class=\"top\">\n<a class=\"brand\" href=\"/\">cckg</a>\n\
         <nav><a href=\"/\">查询 Query</a><a href=\"/search\">搜索 Search</a>\
         <a href=\"/sparql\" title=\"SPARQL 1.1 service description\">SPARQL</a></nav>\n\
         <form class=\"search\" action=\"/search\" method=\"get\" role=\"search\">\
         <input type=\"search\" name=\"q\" value=\"{search}\" placeholder=\"实体名称 · entity name\" aria-label=\"Search entities\">\
         <button type=\"submit\">搜索</button></form>\n</header>\n\
         <main>\n{main}\n</main>\n\
         <footer>cckg · knowledge graph of city and country cooperation · \
         <a href=\"/sparql\">SPARQL endpoint</a> · <a href=\"/store?format=turtle&amp;download\">Turtle</a> · \
         <a href=\"/store?format=jsonld&amp;download\">JSON-LD</a></footer>\n</body>\n</html>\n",
        title = escape(title),
        search = escape(search),
    )
}

/// The URL of an entity's page.
pub(crate) fn entity_href(iri: &str) -> String {
    format!("/entity?iri={}", percent_encode(iri))
}

/// Whether an IRI names something of this knowledge graph (an entity, a document).
pub(crate) fn is_local(iri: &str) -> bool {
    iri.starts_with(vocab::ID_BASE)
}

/// `prefix:local` when a cckg prefix covers the IRI, else the IRI.
pub(crate) fn compact(iri: &str) -> String {
    vocab::PREFIXES
        .iter()
        .filter_map(|(prefix, ns)| iri.strip_prefix(ns).map(|local| (prefix, local)))
        .find(|(_, local)| !local.is_empty())
        .map_or_else(
            || iri.to_owned(),
            |(prefix, local)| format!("{prefix}:{local}"),
        )
}

/// A term as HTML: local IRIs link to their entity page, web IRIs link out, literals
/// show their language or datatype discreetly.
pub(crate) fn term(term: &Term) -> String {
    match term {
        Term::NamedNode(node) => iri_link(node.as_str(), &compact(node.as_str())),
        Term::BlankNode(node) => {
            format!("<span class=\"bnode\">_:{}</span>", escape(node.as_str()))
        }
        Term::Literal(literal) => {
            let mut html = format!("<span class=\"literal\">{}</span>", escape(literal.value()));
            if let Some(language) = literal.language() {
                let _ = write!(html, "<sup class=\"lang\">{}</sup>", escape(language));
            } else if literal.datatype() != oxigraph::model::vocab::xsd::STRING {
                let _ = write!(
                    html,
                    "<sup class=\"datatype\">{}</sup>",
                    escape(&compact(literal.datatype().as_str()))
                );
            }
            html
        }
    }
}

/// A link for an IRI with the given text: to its page when local, out when http(s),
/// plain text otherwise (no `javascript:` links from data).
pub(crate) fn iri_link(iri: &str, text: &str) -> String {
    if is_local(iri) {
        format!(
            "<a class=\"entity\" href=\"{}\">{}</a>",
            escape(&entity_href(iri)),
            escape(text)
        )
    } else if iri.starts_with("http://") || iri.starts_with("https://") {
        format!(
            "<a class=\"external\" href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
            escape(iri),
            escape(text)
        )
    } else {
        format!("<span class=\"iri\">{}</span>", escape(text))
    }
}

/// Chinese and English labels of the ontology's classes and properties.
pub(crate) struct OntologyLabels(HashMap<String, (Option<String>, Option<String>)>);

impl OntologyLabels {
    /// Reads them from the embedded ontology (no labels if it cannot be parsed: pages
    /// then show local names).
    pub fn load() -> Self {
        let mut labels: HashMap<String, (Option<String>, Option<String>)> = HashMap::new();
        for quad in ontology_quads().unwrap_or_default() {
            if quad.predicate.as_ref() != rdfs::LABEL {
                continue;
            }
            let (oxigraph::model::NamedOrBlankNode::NamedNode(subject), Term::Literal(label)) =
                (&quad.subject, &quad.object)
            else {
                continue;
            };
            let entry = labels.entry(subject.as_str().to_owned()).or_default();
            match label.language() {
                Some("zh") => entry.0 = Some(label.value().to_owned()),
                Some("en") => entry.1 = Some(label.value().to_owned()),
                _ => {}
            }
        }
        Self(labels)
    }

    /// `友好城市 · friendship city`, or the local name.
    pub fn both(&self, iri: &str) -> String {
        match self.0.get(iri) {
            Some((Some(zh), Some(en))) => format!("{zh} · {en}"),
            Some((Some(one), None) | (None, Some(one))) => one.clone(),
            _ => local_name(iri).to_owned(),
        }
    }

    /// The Chinese label, else the English one, else the local name.
    pub fn short(&self, iri: &str) -> String {
        match self.0.get(iri) {
            Some((Some(zh), _)) => zh.clone(),
            Some((None, Some(en))) => en.clone(),
            _ => local_name(iri).to_owned(),
        }
    }
}

/// The last segment of an IRI.
pub(crate) fn local_name(iri: &str) -> &str {
    iri.rsplit(['/', '#'])
        .find(|s| !s.is_empty())
        .unwrap_or(iri)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_is_escaped() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        let page = page("<t>", "\"><script>", "");
        assert!(!page.contains("<script>"));
        assert!(!page.contains("<t>"));
    }

    #[test]
    fn only_web_iris_link_out() {
        assert!(iri_link("javascript:alert(1)", "x").starts_with("<span"));
        assert!(
            iri_link("https://w3id.org/cckg/id/gb-370200", "青岛")
                .contains("/entity?iri=https%3A%2F%2F")
        );
        assert_eq!(compact("https://w3id.org/cckg/ontology#City"), "cc:City");
        assert_eq!(compact("urn:x"), "urn:x");
    }

    #[test]
    fn the_ontology_has_bilingual_labels() {
        let labels = OntologyLabels::load();
        assert_eq!(
            labels.both("https://w3id.org/cckg/ontology#friendshipCity"),
            "友好城市 · friendship city"
        );
        assert_eq!(labels.short("urn:x#thing"), "thing");
    }
}
