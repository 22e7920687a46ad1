//! Reading the projection out of the store.
//!
//! Nodes are the entities (anything with `cc:mentionedIn`, or typed with a cc: class);
//! edges come from `cc:Statement` nodes (with qualifiers and evidence), plus direct
//! relation triples that have no statement node (curated data loaded or inserted by hand).

use super::{EdgeData, Filter, KnowledgeGraph, NodeData};
use crate::error::{Error, Result};
use crate::model::{EntityType, Predicate};
use crate::store::{QueryOptions, Store, term_text};
use crate::vocab::cc;
use oxigraph::model::Term;
use oxigraph::sparql::{QueryResults, QuerySolution};

const NODES: &str = "SELECT ?e ?type ?label ?country WHERE {
  ?e a ?type .
  FILTER(STRSTARTS(STR(?type), STR(cc:)))
  FILTER(?type NOT IN (cc:Document, cc:Statement, cc:Observation))
  OPTIONAL { ?e rdfs:label ?label }
  OPTIONAL { ?e cc:country ?country }
}";

const ALIASES: &str =
    "SELECT DISTINCT ?e ?alias WHERE { ?e skos:altLabel ?alias . ?e cc:mentionedIn ?d }";

const STATEMENTS: &str = "SELECT ?s ?p ?o ?role ?rank ?date ?evidence ?doc WHERE {
  ?st a cc:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?st cc:role ?role }
  OPTIONAL { ?st cc:rank ?rank }
  OPTIONAL { ?st cc:date ?date }
  OPTIONAL { ?st cc:evidence ?evidence }
  OPTIONAL { ?st prov:wasDerivedFrom ?doc }
} ORDER BY ?s ?p ?o ?doc ?evidence";

const BARE_TRIPLES: &str = "SELECT DISTINCT ?s ?p ?o WHERE {
  VALUES ?p { cc:friendshipCity cc:economicPartnerCity cc:partOf cc:locatedIn cc:organizedBy
    cc:coOrganizedBy cc:heldAt cc:participatedIn cc:positionAt cc:nationality cc:cooperatesWith
    cc:approvedBy cc:tradePartner cc:investmentSource cc:investsIn cc:visited }
  ?s ?p ?o .
  FILTER NOT EXISTS { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }
} ORDER BY ?s ?p ?o";

impl KnowledgeGraph {
    /// The projection of everything in `store`, restricted by `filter`.
    ///
    /// Complexity: four SPARQL scans of the entity and statement nodes, then
    /// [`KnowledgeGraph::from_parts`].
    pub fn from_store(store: &Store, filter: &Filter) -> Result<Self> {
        let mut nodes = Vec::new();
        each_row(store, NODES, |row| {
            let Some(entity) = iri(row, "e") else { return };
            let mut node = NodeData::new(entity);
            node.kind = iri(row, "type")
                .and_then(|t| t.strip_prefix(cc::NAMESPACE).map(str::to_owned))
                .and_then(|t| t.parse::<EntityType>().ok());
            if let Some(Term::Literal(label)) = row.get("label") {
                match label.language() {
                    Some(l) if l.starts_with("en") => {
                        node.label_en = Some(label.value().to_owned())
                    }
                    _ => node.label_zh = Some(label.value().to_owned()),
                }
            }
            node.country = iri(row, "country");
            nodes.push(node);
        })?;
        each_row(store, ALIASES, |row| {
            if let (Some(entity), Some(alias)) = (iri(row, "e"), row.get("alias")) {
                let mut node = NodeData::new(entity);
                node.aliases.push(term_text(alias));
                nodes.push(node);
            }
        })?;

        let mut edges = Vec::new();
        each_row(store, STATEMENTS, |row| {
            let Some((s, p, o)) = triple(row) else { return };
            let mut edge = EdgeData::new(p);
            let text = |v: &str| row.get(v).map(term_text);
            edge.role = text("role");
            edge.rank = text("rank").and_then(|r| r.parse().ok());
            edge.date = text("date");
            edge.evidence = text("evidence");
            edge.document = iri(row, "doc");
            edges.push((s, o, edge));
        })?;
        each_row(store, BARE_TRIPLES, |row| {
            if let Some((s, p, o)) = triple(row) {
                edges.push((s, o, EdgeData::new(p)));
            }
        })?;

        let graph = Self::from_parts(nodes, edges);
        Ok(if filter.is_empty() {
            graph
        } else {
            graph.filter(filter)
        })
    }
}

fn each_row(store: &Store, sparql: &str, mut f: impl FnMut(&QuerySolution)) -> Result<()> {
    if let QueryResults::Solutions(solutions) = store.query(sparql, &QueryOptions::default())? {
        for solution in solutions {
            f(&solution.map_err(|e| Error::SparqlEvaluation(e.to_string()))?);
        }
    }
    Ok(())
}

fn iri(row: &QuerySolution, variable: &str) -> Option<String> {
    match row.get(variable) {
        Some(Term::NamedNode(n)) => Some(n.as_str().to_owned()),
        _ => None,
    }
}

fn triple(row: &QuerySolution) -> Option<(String, Predicate, String)> {
    let p = iri(row, "p")?.strip_prefix(cc::NAMESPACE)?.parse().ok()?;
    Some((iri(row, "s")?, p, iri(row, "o")?))
}

#[cfg(test)]
mod tests {
    #[test]
    fn bare_triples_name_every_predicate() {
        for p in crate::model::Predicate::ALL {
            let term = format!("cc:{p}");
            assert!(
                super::BARE_TRIPLES.split_whitespace().any(|t| t == term),
                "{p}"
            );
        }
    }
}
