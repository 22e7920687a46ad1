//! Shortest paths between two entities, with the relations (and evidence) of each hop.

use super::{EdgeData, EdgeIndex, KnowledgeGraph, NodeIndex};
use std::collections::VecDeque;

/// A path between two nodes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    /// The nodes from start to end (one node when start and end are the same).
    pub nodes: Vec<NodeIndex>,
    /// One hop per consecutive pair of nodes.
    pub hops: Vec<Hop>,
}

impl Path {
    /// Number of hops.
    pub fn len(&self) -> usize {
        self.hops.len()
    }

    /// Whether the path has no hop (start and end are the same).
    pub fn is_empty(&self) -> bool {
        self.hops.is_empty()
    }
}

/// One step of a path: every relation that links its two nodes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hop {
    /// Where the step starts.
    pub from: NodeIndex,
    /// Where it ends.
    pub to: NodeIndex,
    /// The relations between `from` and `to`, in either direction, in edge order.
    pub edges: Vec<HopEdge>,
}

/// A relation crossed by a hop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HopEdge {
    /// The edge.
    pub edge: EdgeIndex,
    /// Whether the statement reads in the direction of travel (`from` is its subject).
    pub forward: bool,
    /// Predicate, qualifiers, evidence and document of its first statement.
    pub data: EdgeData,
    /// How many statements it merges.
    pub sources: u32,
}

/// A shortest path between two nodes, edge direction ignored.
///
/// # Arguments
/// * `graph` — the projection.
/// * `from`, `to` — the two ends.
///
/// # Returns
/// The first of [`all_shortest_paths`] (at each step the next node of lowest index, i.e.
/// IRI order), or `None` if `to` cannot be reached.
///
/// # Complexity
/// O(V + E) (breadth-first search).
///
/// # Example
/// ```
/// use cckg::graph::{EdgeData, KnowledgeGraph, shortest_path};
/// use cckg::model::Predicate;
/// let mut visit = EdgeData::new(Predicate::Visited);
/// visit.evidence = Some("张伟访问了下关市".to_owned());
/// let edges = vec![
///     ("zhang".to_owned(), "shimonoseki".to_owned(), visit),
///     ("qingdao".to_owned(), "shimonoseki".to_owned(), EdgeData::new(Predicate::FriendshipCity)),
/// ];
/// let g = KnowledgeGraph::from_parts(vec![], edges);
/// let (a, b) = (g.index_of("qingdao").unwrap(), g.index_of("zhang").unwrap());
/// let path = shortest_path(&g, a, b).unwrap();
/// assert_eq!(path.len(), 2);
/// let last = &path.hops[1].edges[0];
/// assert_eq!((last.data.predicate, last.forward), (Predicate::Visited, false));
/// assert_eq!(last.data.evidence.as_deref(), Some("张伟访问了下关市"));
/// ```
pub fn shortest_path(graph: &KnowledgeGraph, from: NodeIndex, to: NodeIndex) -> Option<Path> {
    all_shortest_paths(graph, from, to, 1).pop()
}

/// The shortest paths between two nodes (edge direction ignored), at most `limit` of them.
///
/// Paths are sequences of nodes; parallel relations between two nodes are listed in the
/// same [`Hop`] rather than multiplying the paths.
///
/// # Arguments
/// * `graph` — the projection.
/// * `from`, `to` — the two ends.
/// * `limit` — the most paths to return (there can be exponentially many).
///
/// # Returns
/// Up to `limit` paths, all of the minimum length, in lexicographic order of their node
/// indices; empty if `to` cannot be reached (or `limit` is 0).
///
/// # Complexity
/// O(V + E) for the search, plus O(limit · L · D) to list paths of L hops, D the degree.
///
/// # Example
/// ```
/// use cckg::graph::{EdgeData, KnowledgeGraph, all_shortest_paths};
/// use cckg::model::Predicate;
/// let edge = |s: &str, o: &str| (s.to_owned(), o.to_owned(), EdgeData::new(Predicate::CooperatesWith));
/// let g = KnowledgeGraph::from_parts(vec![], vec![edge("a", "b"), edge("b", "d"), edge("a", "c"), edge("c", "d")]);
/// let (a, d) = (g.index_of("a").unwrap(), g.index_of("d").unwrap());
/// assert_eq!(all_shortest_paths(&g, a, d, 10).len(), 2);
/// assert_eq!(all_shortest_paths(&g, a, d, 1).len(), 1);
/// ```
pub fn all_shortest_paths(
    graph: &KnowledgeGraph,
    from: NodeIndex,
    to: NodeIndex,
    limit: usize,
) -> Vec<Path> {
    let n = graph.node_count();
    if limit == 0 || from.index() >= n || to.index() >= n {
        return Vec::new();
    }
    if from == to {
        return vec![make_path(graph, vec![from])];
    }
    let g = graph.graph();
    // Distances to `to`, so that paths can be listed forwards from `from`.
    let mut dist = vec![usize::MAX; n];
    dist[to.index()] = 0;
    let mut queue = VecDeque::from([to]);
    'search: while let Some(v) = queue.pop_front() {
        for w in g.neighbors_undirected(v) {
            if dist[w.index()] == usize::MAX {
                dist[w.index()] = dist[v.index()] + 1;
                if w == from {
                    // Every node nearer to `to` than `from` is known by now.
                    break 'search;
                }
                queue.push_back(w);
            }
        }
    }
    if dist[from.index()] == usize::MAX {
        return Vec::new();
    }
    let closer = |v: NodeIndex| {
        let mut next: Vec<NodeIndex> = g
            .neighbors_undirected(v)
            .filter(|w| dist[w.index()].wrapping_add(1) == dist[v.index()])
            .collect();
        next.sort_unstable();
        next.dedup();
        next
    };
    // Depth-first listing; each frame holds the remaining choices at that depth.
    let mut paths = Vec::new();
    let mut current = vec![from];
    let mut choices: Vec<Vec<NodeIndex>> = vec![closer(from)];
    while let Some(options) = choices.last_mut() {
        if options.is_empty() {
            choices.pop();
            current.pop();
            continue;
        }
        let next = options.remove(0);
        current.push(next);
        if next == to {
            paths.push(make_path(graph, current.clone()));
            if paths.len() == limit {
                break;
            }
            current.pop();
        } else {
            choices.push(closer(next));
        }
    }
    paths
}

fn make_path(graph: &KnowledgeGraph, nodes: Vec<NodeIndex>) -> Path {
    let g = graph.graph();
    let hops = nodes
        .windows(2)
        .map(|pair| {
            let (from, to) = (pair[0], pair[1]);
            let mut edges: Vec<HopEdge> = g
                .edges_connecting(from, to)
                .map(|e| (e, true))
                .chain(
                    g.edges_connecting(to, from)
                        .filter(|_| from != to)
                        .map(|e| (e, false)),
                )
                .map(|(e, forward)| {
                    use petgraph::visit::EdgeRef;
                    HopEdge {
                        edge: e.id(),
                        forward,
                        data: e.weight().data.clone(),
                        sources: e.weight().sources,
                    }
                })
                .collect();
            edges.sort_by_key(|h| h.edge);
            Hop { from, to, edges }
        })
        .collect();
    Path { nodes, hops }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::fixtures::{build, cities, path, two_cliques};
    use crate::model::Predicate;

    fn ix(list: &[usize]) -> Vec<NodeIndex> {
        list.iter().copied().map(NodeIndex::new).collect()
    }

    #[test]
    fn along_a_path() {
        let g = path(5);
        let p = shortest_path(&g, NodeIndex::new(4), NodeIndex::new(1)).expect("connected");
        assert_eq!(p.nodes, ix(&[4, 3, 2, 1]));
        assert_eq!(p.len(), 3);
        assert!(
            p.hops
                .iter()
                .all(|h| h.edges.len() == 1 && !h.edges[0].forward)
        );
    }

    #[test]
    fn all_paths_across_a_grid_in_order() {
        // 0 1 2
        // 3 4 5   from 0 to 5: 0-1-2-5, 0-1-4-5, 0-3-4-5.
        let g = build(6, &[(0, 1), (1, 2), (3, 4), (4, 5), (0, 3), (1, 4), (2, 5)]);
        let found: Vec<_> = all_shortest_paths(&g, NodeIndex::new(0), NodeIndex::new(5), 10)
            .into_iter()
            .map(|p| p.nodes)
            .collect();
        assert_eq!(
            found,
            vec![ix(&[0, 1, 2, 5]), ix(&[0, 1, 4, 5]), ix(&[0, 3, 4, 5])]
        );
        assert_eq!(
            all_shortest_paths(&g, NodeIndex::new(0), NodeIndex::new(5), 2).len(),
            2
        );
    }

    #[test]
    fn unreachable_and_trivial() {
        let g = build(3, &[(0, 1)]);
        assert_eq!(
            shortest_path(&g, NodeIndex::new(0), NodeIndex::new(2)),
            None
        );
        let same = shortest_path(&g, NodeIndex::new(1), NodeIndex::new(1)).expect("itself");
        assert!(same.is_empty() && same.nodes == ix(&[1]));
        assert_eq!(
            shortest_path(&two_cliques(3), NodeIndex::new(0), NodeIndex::new(5)).map(|p| p.len()),
            Some(3)
        );
    }

    #[test]
    fn hops_carry_predicate_and_evidence() {
        let g = cities();
        let zhang = g.find("张伟").expect("fixture");
        let shimonoseki = g.find("下关").expect("fixture");
        let p = shortest_path(&g, zhang, shimonoseki).expect("connected");
        let predicates: Vec<_> = p.hops.iter().map(|h| h.edges[0].data.predicate).collect();
        assert_eq!(
            predicates,
            vec![
                Predicate::PositionAt,
                Predicate::LocatedIn,
                Predicate::FriendshipCity
            ]
        );
        let first = &p.hops[0].edges[0];
        assert!(first.forward);
        assert_eq!(first.data.role.as_deref(), Some("市长"));
        let last = &p.hops[2].edges[0];
        assert_eq!(last.sources, 2);
        assert!(last.data.evidence.is_some());
    }
}
