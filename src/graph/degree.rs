//! Degree and weighted degree of every entity.

use super::KnowledgeGraph;
use petgraph::visit::EdgeRef;
use serde::Serialize;

/// The degrees of one node.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Degree {
    /// Edges touching the node, whatever their direction (a self-loop counts once).
    pub degree: usize,
    /// Edges it is the object of; symmetric edges count here and in `out_degree`.
    pub in_degree: usize,
    /// Edges it is the subject of; symmetric edges count here and in `in_degree`.
    pub out_degree: usize,
    /// Sum of [`Link::sources`](super::Link::sources) over the touching edges: how many
    /// statements speak about its relations.
    pub weighted: u64,
}

/// Degree, in/out degree and weighted degree of every node.
///
/// # Arguments
/// * `graph` — the projection.
///
/// # Returns
/// One [`Degree`] per node, indexed by `NodeIndex::index()`.
///
/// # Complexity
/// O(V + E).
///
/// # Example
/// ```
/// use cckg::graph::{EdgeData, KnowledgeGraph, degree};
/// use cckg::model::Predicate;
/// let edge = |s: &str, o: &str| (s.to_owned(), o.to_owned(), EdgeData::new(Predicate::InvestsIn));
/// let g = KnowledgeGraph::from_parts(vec![], vec![edge("a", "b"), edge("a", "b"), edge("c", "b")]);
/// let b = g.index_of("b").unwrap();
/// let d = degree(&g)[b.index()];
/// assert_eq!((d.degree, d.in_degree, d.out_degree, d.weighted), (2, 2, 0, 3));
/// ```
pub fn degree(graph: &KnowledgeGraph) -> Vec<Degree> {
    let mut degrees = vec![Degree::default(); graph.node_count()];
    for e in graph.graph().edge_references() {
        let (s, t) = (e.source().index(), e.target().index());
        let link = e.weight();
        let weight = u64::from(link.sources);
        degrees[s].degree += 1;
        degrees[s].weighted += weight;
        degrees[s].out_degree += 1;
        degrees[t].in_degree += 1;
        if s != t {
            degrees[t].degree += 1;
            degrees[t].weighted += weight;
        }
        if link.is_symmetric() {
            degrees[s].in_degree += 1;
            degrees[t].out_degree += 1;
        }
    }
    degrees
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::fixtures::{cities, star};

    #[test]
    fn star_centre_has_degree_n_minus_1() {
        let d = degree(&star(6));
        assert_eq!(d[0].degree, 5);
        assert!(d[1..].iter().all(|d| d.degree == 1));
        // cooperatesWith is symmetric: it counts both in and out.
        assert_eq!((d[0].in_degree, d[0].out_degree), (5, 5));
    }

    #[test]
    fn merged_statements_weigh_more() {
        let g = cities();
        let qingdao = g.find("青岛").expect("fixture");
        let d = degree(&g)[qingdao.index()];
        // friendship (2 statements), partOf, locatedIn (government), investsIn,
        // tradePartner, heldAt.
        assert_eq!(d.degree, 6);
        assert_eq!(d.weighted, 7);
    }
}
