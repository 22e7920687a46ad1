//! Storing analysis results as RDF in the named graph `cc:analytics`, next to the data.

use super::Analysis;
use crate::error::{Error, Result};
use crate::store::Store;
use crate::vocab::cc;
use oxigraph::model::{GraphName, Literal, NamedNode, Quad};

/// Replaces the `cc:analytics` graph with the scores of `analysis`, in one transaction.
///
/// Each entity gets `cc:degree`, `cc:weightedDegree`, `cc:pageRank`, `cc:betweenness`,
/// `cc:component` and `cc:community`. Returns the number of quads written.
pub fn write_back(store: &Store, analysis: &Analysis) -> Result<usize> {
    let graph = GraphName::NamedNode(cc::ANALYTICS_GRAPH.into_owned());
    let mut quads = Vec::with_capacity(analysis.rows.len() * 6);
    for row in &analysis.rows {
        let Ok(entity) = NamedNode::new(&row.iri) else {
            continue;
        };
        let mut add = |p: oxigraph::model::NamedNodeRef<'_>, o: Literal| {
            quads.push(Quad::new(entity.clone(), p.into_owned(), o, graph.clone()));
        };
        add(cc::DEGREE, Literal::from(row.degree as i64));
        add(
            cc::WEIGHTED_DEGREE,
            Literal::from(row.weighted_degree as i64),
        );
        add(cc::PAGE_RANK, Literal::from(row.pagerank));
        add(cc::BETWEENNESS, Literal::from(row.betweenness));
        add(cc::COMPONENT, Literal::from(row.component as i64));
        add(cc::COMMUNITY, Literal::from(row.community as i64));
    }
    let err = |e: oxigraph::store::StorageError| Error::Store {
        path: store.path().to_path_buf(),
        message: e.to_string(),
    };
    let mut transaction = store.oxigraph().start_transaction().map_err(err)?;
    transaction
        .remove_named_graph(cc::ANALYTICS_GRAPH)
        .map_err(err)?;
    transaction.insert_named_graph(cc::ANALYTICS_GRAPH);
    transaction.extend(&quads);
    transaction.commit().map_err(err)?;
    Ok(quads.len())
}
