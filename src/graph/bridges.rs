//! Articulation points and bridges: the entities and relations whose loss splits a network.

use super::adjacency::Adjacency;
use super::{EdgeIndex, KnowledgeGraph, NodeIndex};

/// The single points of failure of a graph (edge direction ignored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bridges {
    /// Nodes whose removal disconnects their component, in index (IRI) order.
    pub articulation_points: Vec<NodeIndex>,
    /// Edges whose removal disconnects their component, in index order. Two relations
    /// between the same pair of entities are never bridges.
    pub bridges: Vec<EdgeIndex>,
}

/// Articulation points and bridges (Hopcroft–Tarjan, iterative so that long chains do
/// not overflow the stack).
///
/// # Arguments
/// * `graph` — the projection; self-loops are ignored, parallel edges count.
///
/// # Returns
/// [`Bridges`] with both lists sorted.
///
/// # Complexity
/// O(V + E).
///
/// # Example
/// ```
/// use cckg::graph::{EdgeData, KnowledgeGraph, bridges};
/// use cckg::model::Predicate;
/// let edge = |s: &str, o: &str| (s.to_owned(), o.to_owned(), EdgeData::new(Predicate::LocatedIn));
/// let g = KnowledgeGraph::from_parts(vec![], vec![edge("a", "b"), edge("b", "c")]);
/// let found = bridges(&g);
/// assert_eq!(found.articulation_points, vec![g.index_of("b").unwrap()]);
/// assert_eq!(found.bridges.len(), 2);
/// ```
pub fn bridges(graph: &KnowledgeGraph) -> Bridges {
    const UNSEEN: u32 = u32::MAX;
    let adjacency = Adjacency::multi(graph);
    let n = adjacency.node_count();
    let mut discovered = vec![UNSEEN; n];
    let mut low = vec![0u32; n];
    let mut is_cut = vec![false; n];
    let mut found_bridges = Vec::new();
    let mut timer = 0u32;
    // (node, edge it was reached by, position in its neighbour list)
    let mut stack: Vec<(usize, u32, usize)> = Vec::new();
    for root in 0..n {
        if discovered[root] != UNSEEN {
            continue;
        }
        discovered[root] = timer;
        low[root] = timer;
        timer += 1;
        let mut root_children = 0;
        stack.push((root, UNSEEN, 0));
        while let Some(top) = stack.last_mut() {
            let (v, via, position) = *top;
            if let (Some(&w), Some(&e)) = (
                adjacency.neighbors(v).get(position),
                adjacency.edges(v).get(position),
            ) {
                top.2 += 1;
                let w = w as usize;
                if e == via {
                    continue;
                }
                if discovered[w] == UNSEEN {
                    discovered[w] = timer;
                    low[w] = timer;
                    timer += 1;
                    if v == root {
                        root_children += 1;
                    }
                    stack.push((w, e, 0));
                } else {
                    low[v] = low[v].min(discovered[w]);
                }
            } else {
                stack.pop();
                if let Some(&(u, _, _)) = stack.last() {
                    low[u] = low[u].min(low[v]);
                    if low[v] > discovered[u] {
                        found_bridges.push(EdgeIndex::new(via as usize));
                    }
                    if u != root && low[v] >= discovered[u] {
                        is_cut[u] = true;
                    }
                }
            }
        }
        if root_children > 1 {
            is_cut[root] = true;
        }
    }
    found_bridges.sort_unstable();
    Bridges {
        articulation_points: (0..n).filter(|&v| is_cut[v]).map(NodeIndex::new).collect(),
        bridges: found_bridges,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::fixtures::{build, path, star, two_cliques};

    fn nodes(list: &[usize]) -> Vec<NodeIndex> {
        list.iter().copied().map(NodeIndex::new).collect()
    }

    #[test]
    fn on_a_path_inner_nodes_cut_and_every_edge_is_a_bridge() {
        let g = path(6);
        let found = bridges(&g);
        assert_eq!(found.articulation_points, nodes(&[1, 2, 3, 4]));
        assert_eq!(found.bridges.len(), 5);
    }

    #[test]
    fn two_cliques_have_one_bridge_and_its_two_ends() {
        let g = two_cliques(4);
        let found = bridges(&g);
        assert_eq!(found.articulation_points, nodes(&[3, 4]));
        assert_eq!(found.bridges.len(), 1);
        let ends = g.endpoints(found.bridges[0]).expect("edge");
        assert_eq!(ends, (NodeIndex::new(3), NodeIndex::new(4)));
    }

    #[test]
    fn star_centre_only() {
        let found = bridges(&star(5));
        assert_eq!(found.articulation_points, nodes(&[0]));
        assert_eq!(found.bridges.len(), 4);
    }

    #[test]
    fn cycles_and_parallel_edges_have_no_bridges() {
        assert_eq!(
            bridges(&build(3, &[(0, 1), (1, 2), (2, 0)])).bridges,
            vec![]
        );
        let edges = vec![
            (
                "a".to_owned(),
                "b".to_owned(),
                crate::graph::EdgeData::new(crate::model::Predicate::PartOf),
            ),
            (
                "a".to_owned(),
                "b".to_owned(),
                crate::graph::EdgeData::new(crate::model::Predicate::LocatedIn),
            ),
        ];
        let g = KnowledgeGraph::from_parts(vec![], edges);
        assert_eq!(
            bridges(&g),
            Bridges {
                articulation_points: vec![],
                bridges: vec![]
            }
        );
    }

    #[test]
    fn a_long_chain_does_not_overflow_the_stack() {
        let found = bridges(&path(200_000));
        assert_eq!(found.articulation_points.len(), 199_998);
    }
}
