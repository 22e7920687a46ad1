//! The neighbours of one entity, grouped by predicate and direction.

use super::{EdgeIndex, KnowledgeGraph, NodeIndex};
use crate::model::Predicate;
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::BTreeMap;

/// Which way a relation reads from the node asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// The node is the subject (`node → neighbour`).
    Outgoing,
    /// The node is the object (`neighbour → node`).
    Incoming,
    /// The predicate is symmetric: the relation reads both ways.
    Symmetric,
}

/// A neighbour and the edge that links it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Neighbor {
    /// The neighbouring node.
    pub node: NodeIndex,
    /// The edge (see [`KnowledgeGraph::link`] for its data).
    pub edge: EdgeIndex,
}

/// The neighbours linked by one predicate in one direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeighborGroup {
    /// The predicate.
    pub predicate: Predicate,
    /// Its direction seen from the node.
    pub direction: Direction,
    /// The neighbours, in index (IRI) order.
    pub neighbors: Vec<Neighbor>,
}

/// The neighbours of `node`, grouped by predicate and direction.
///
/// # Arguments
/// * `graph` — the projection.
/// * `node` — the entity asked about.
///
/// # Returns
/// One [`NeighborGroup`] per (predicate, direction) present, in the predicate's
/// declaration order then Outgoing, Incoming, Symmetric. A self-loop appears once.
///
/// # Complexity
/// O(D log D) for a node of degree D.
///
/// # Example
/// ```
/// use cckg::graph::{Direction, EdgeData, KnowledgeGraph, neighbors_by_predicate};
/// use cckg::model::Predicate;
/// let edge = |s: &str, p, o: &str| (s.to_owned(), o.to_owned(), EdgeData::new(p));
/// let g = KnowledgeGraph::from_parts(vec![], vec![
///     edge("qingdao", Predicate::FriendshipCity, "shimonoseki"),
///     edge("qingdao", Predicate::FriendshipCity, "nantes"),
///     edge("qingdao", Predicate::PartOf, "shandong"),
/// ]);
/// let groups = neighbors_by_predicate(&g, g.index_of("qingdao").unwrap());
/// assert_eq!(groups[0].predicate, Predicate::FriendshipCity);
/// assert_eq!(groups[0].direction, Direction::Symmetric);
/// assert_eq!(groups[0].neighbors.len(), 2);
/// assert_eq!(groups[1].direction, Direction::Outgoing);
/// ```
pub fn neighbors_by_predicate(graph: &KnowledgeGraph, node: NodeIndex) -> Vec<NeighborGroup> {
    let g = graph.graph();
    let mut groups: BTreeMap<(Predicate, Direction), Vec<Neighbor>> = BTreeMap::new();
    let outgoing = g
        .edges_directed(node, petgraph::Direction::Outgoing)
        .map(|e| (e, e.target(), Direction::Outgoing));
    let incoming = g
        .edges_directed(node, petgraph::Direction::Incoming)
        .filter(|e| e.source() != e.target())
        .map(|e| (e, e.source(), Direction::Incoming));
    for (e, other, direction) in outgoing.chain(incoming) {
        let predicate = e.weight().data.predicate;
        let direction = if predicate.is_symmetric() {
            Direction::Symmetric
        } else {
            direction
        };
        groups
            .entry((predicate, direction))
            .or_default()
            .push(Neighbor {
                node: other,
                edge: e.id(),
            });
    }
    groups
        .into_iter()
        .map(|((predicate, direction), mut neighbors)| {
            neighbors.sort_by_key(|n| (n.node, n.edge));
            NeighborGroup {
                predicate,
                direction,
                neighbors,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::fixtures::cities;

    #[test]
    fn qingdao_neighbours_by_predicate() {
        let g = cities();
        let qingdao = g.find("Qingdao").expect("fixture");
        let summary: Vec<(Predicate, Direction, Vec<&str>)> = neighbors_by_predicate(&g, qingdao)
            .iter()
            .map(|group| {
                let names = group
                    .neighbors
                    .iter()
                    .map(|n| g.node(n.node).name())
                    .collect();
                (group.predicate, group.direction, names)
            })
            .collect();
        use Direction::*;
        use Predicate::*;
        assert_eq!(
            summary,
            vec![
                (FriendshipCity, Symmetric, vec!["下关市"]),
                (PartOf, Outgoing, vec!["山东省"]),
                (LocatedIn, Incoming, vec!["青岛市人民政府"]),
                (HeldAt, Incoming, vec!["2019中日经贸合作洽谈会"]),
                (TradePartner, Incoming, vec!["日本"]),
                (InvestsIn, Incoming, vec!["瑞穗银行"]),
            ]
        );
    }
}
