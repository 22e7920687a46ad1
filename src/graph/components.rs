//! Weakly connected components: the separate networks a corpus describes.

use super::KnowledgeGraph;
use super::adjacency::Adjacency;
use serde::Serialize;

/// The weakly connected components of a graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Components {
    /// Component of each node (by `NodeIndex::index()`): 0 is the largest.
    pub membership: Vec<usize>,
    /// Number of nodes of each component, largest first.
    pub sizes: Vec<usize>,
}

impl Components {
    /// Number of components.
    pub fn count(&self) -> usize {
        self.sizes.len()
    }
}

/// Weakly connected components (edge direction ignored).
///
/// # Arguments
/// * `graph` — the projection.
///
/// # Returns
/// [`Components`]: numbered by decreasing size, ties by their lowest node index (IRI order),
/// so the numbering is stable.
///
/// # Complexity
/// O(V + E).
///
/// # Example
/// ```
/// use cckg::graph::{EdgeData, KnowledgeGraph, connected_components};
/// use cckg::model::Predicate;
/// let edge = |s: &str, o: &str| (s.to_owned(), o.to_owned(), EdgeData::new(Predicate::PartOf));
/// let g = KnowledgeGraph::from_parts(vec![], vec![edge("a", "b"), edge("c", "b"), edge("x", "y")]);
/// let c = connected_components(&g);
/// assert_eq!(c.sizes, vec![3, 2]);
/// assert_eq!(c.membership[g.index_of("x").unwrap().index()], 1);
/// ```
pub fn connected_components(graph: &KnowledgeGraph) -> Components {
    let adjacency = Adjacency::multi(graph);
    let n = adjacency.node_count();
    let mut raw = vec![usize::MAX; n];
    let mut sizes = Vec::new();
    let mut stack = Vec::new();
    for start in 0..n {
        if raw[start] != usize::MAX {
            continue;
        }
        let id = sizes.len();
        raw[start] = id;
        stack.push(start);
        let mut size = 0;
        while let Some(v) = stack.pop() {
            size += 1;
            for &w in adjacency.neighbors(v) {
                let w = w as usize;
                if raw[w] == usize::MAX {
                    raw[w] = id;
                    stack.push(w);
                }
            }
        }
        sizes.push(size);
    }
    // Components were found in order of their lowest node; a stable sort by size keeps that
    // order among equals.
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    order.sort_by_key(|&c| std::cmp::Reverse(sizes[c]));
    let mut rename = vec![0; sizes.len()];
    for (new, &old) in order.iter().enumerate() {
        rename[old] = new;
    }
    Components {
        membership: raw.iter().map(|&c| rename[c]).collect(),
        sizes: order.iter().map(|&c| sizes[c]).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::fixtures::{build, cities, two_cliques};

    #[test]
    fn disconnected_pieces_sorted_by_size() {
        // {0,1} · {2,3,4,5} (a path) · {6} alone · {7,8,9} (a triangle).
        let g = build(
            10,
            &[(0, 1), (2, 3), (3, 4), (4, 5), (7, 8), (8, 9), (9, 7)],
        );
        let c = connected_components(&g);
        assert_eq!(c.sizes, vec![4, 3, 2, 1]);
        assert_eq!(c.membership, vec![2, 2, 0, 0, 0, 0, 3, 1, 1, 1]);
        assert_eq!(c.count(), 4);
    }

    #[test]
    fn direction_does_not_split_a_component() {
        assert_eq!(connected_components(&two_cliques(3)).sizes, vec![6]);
        let c = connected_components(&cities());
        // The two Springfields and the USA form a network of their own.
        assert_eq!(c.sizes, vec![10, 3]);
    }
}
