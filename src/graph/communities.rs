//! Communities: groups of entities more tied to each other than to the rest (Louvain).

use super::KnowledgeGraph;
use super::adjacency::Adjacency;
use serde::Serialize;

/// A partition of the nodes into communities.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Communities {
    /// Community of each node (by `NodeIndex::index()`): 0 is the largest.
    pub membership: Vec<usize>,
    /// Number of nodes of each community, largest first.
    pub sizes: Vec<usize>,
    /// Newman–Girvan modularity of the partition (−½ … 1; above ~0.3 is a clear structure).
    pub modularity: f64,
}

impl Communities {
    /// Number of communities.
    pub fn count(&self) -> usize {
        self.sizes.len()
    }
}

/// A change of modularity below this is no improvement (guards against float noise).
const EPSILON: f64 = 1e-12;

/// Communities by the Louvain method (Blondel et al. 2008), on the undirected graph
/// weighted by [`Link::sources`](super::Link::sources).
///
/// Deterministic: nodes are visited in index (IRI) order and a node joins the neighbouring
/// community with the best modularity gain, the lowest-numbered one on a tie, so the same
/// graph always gets the same partition. Isolated nodes are communities of their own.
///
/// # Arguments
/// * `graph` — the projection.
///
/// # Returns
/// [`Communities`], numbered by decreasing size (ties by lowest node index), with the
/// partition's modularity.
///
/// # Complexity
/// Roughly O(E) per pass, a few passes per level, O(log V) levels in practice.
///
/// # Example
/// ```
/// use cckg::graph::{EdgeData, KnowledgeGraph, communities};
/// use cckg::model::Predicate;
/// let mut edges = Vec::new();
/// for (a, b) in [("a", "b"), ("b", "c"), ("c", "a"), ("x", "y"), ("y", "z"), ("z", "x"), ("c", "x")] {
///     edges.push((a.to_owned(), b.to_owned(), EdgeData::new(Predicate::CooperatesWith)));
/// }
/// let g = KnowledgeGraph::from_parts(vec![], edges);
/// let c = communities(&g);
/// assert_eq!(c.sizes, vec![3, 3]);
/// assert!(c.modularity > 0.3);
/// ```
pub fn communities(graph: &KnowledgeGraph) -> Communities {
    let adjacency = Adjacency::simple(graph);
    let n = adjacency.node_count();
    let mut level = Level {
        neighbors: (0..n)
            .map(|v| {
                let targets = adjacency.neighbors(v).iter();
                targets
                    .zip(adjacency.edges(v))
                    .map(|(&t, &w)| (t as usize, f64::from(w)))
                    .collect()
            })
            .collect(),
        self_loops: vec![0.0; n],
    };
    let mut membership: Vec<usize> = (0..n).collect();
    loop {
        let (moved, partition) = level.move_nodes();
        if !moved {
            break;
        }
        let (next, count) = level.aggregate(&partition);
        for c in membership.iter_mut() {
            *c = partition[*c];
        }
        level = next;
        if count == 1 {
            break;
        }
    }
    let membership = number_by_size(&membership);
    let modularity = modularity(&adjacency, &membership);
    let mut sizes = vec![0; membership.iter().max().map_or(0, |&m| m + 1)];
    for &c in &membership {
        sizes[c] += 1;
    }
    Communities {
        membership,
        sizes,
        modularity,
    }
}

/// One level of the Louvain hierarchy: a weighted undirected graph whose nodes are the
/// communities of the level below.
struct Level {
    /// Neighbour and weight of each edge, both directions, no self-loops.
    neighbors: Vec<Vec<(usize, f64)>>,
    /// Weight of the edges inside each node (each counted once).
    self_loops: Vec<f64>,
}

impl Level {
    /// Moves nodes between communities while modularity improves. Returns whether any node
    /// moved, and the community of each node numbered 0.. in order of first appearance.
    fn move_nodes(&self) -> (bool, Vec<usize>) {
        let n = self.neighbors.len();
        let strength: Vec<f64> = (0..n)
            .map(|v| {
                self.neighbors[v].iter().map(|&(_, w)| w).sum::<f64>() + 2.0 * self.self_loops[v]
            })
            .collect();
        let total: f64 = strength.iter().sum();
        let mut community: Vec<usize> = (0..n).collect();
        let mut tot = strength.clone();
        let mut weight_to = vec![0.0; n];
        let mut touched: Vec<usize> = Vec::new();
        let mut moved_any = false;
        if total <= 0.0 {
            return (false, community);
        }
        loop {
            let mut moved = false;
            for v in 0..n {
                let own = community[v];
                for &(w, weight) in &self.neighbors[v] {
                    let c = community[w];
                    if weight_to[c] == 0.0 {
                        touched.push(c);
                    }
                    weight_to[c] += weight;
                }
                tot[own] -= strength[v];
                let gain = |c: usize| weight_to[c] - tot[c] * strength[v] / total;
                let mut best = own;
                let mut best_gain = gain(own);
                touched.sort_unstable();
                for &c in &touched {
                    let g = gain(c);
                    if g > best_gain + EPSILON {
                        best = c;
                        best_gain = g;
                    }
                }
                tot[best] += strength[v];
                if best != own {
                    community[v] = best;
                    moved = true;
                }
                for &c in &touched {
                    weight_to[c] = 0.0;
                }
                touched.clear();
            }
            if !moved {
                break;
            }
            moved_any = true;
        }
        let mut renumber = vec![usize::MAX; n];
        let mut next = 0;
        for c in community.iter_mut() {
            if renumber[*c] == usize::MAX {
                renumber[*c] = next;
                next += 1;
            }
            *c = renumber[*c];
        }
        (moved_any, community)
    }

    /// The graph of the communities, and their number.
    fn aggregate(&self, partition: &[usize]) -> (Level, usize) {
        let count = partition.iter().max().map_or(0, |&c| c + 1);
        let mut self_loops = vec![0.0; count];
        let mut maps: Vec<std::collections::BTreeMap<usize, f64>> = vec![Default::default(); count];
        for (v, edges) in self.neighbors.iter().enumerate() {
            let cv = partition[v];
            self_loops[cv] += self.self_loops[v];
            for &(w, weight) in edges {
                let cw = partition[w];
                if cv == cw {
                    // Seen from both ends.
                    self_loops[cv] += weight / 2.0;
                } else {
                    *maps[cv].entry(cw).or_insert(0.0) += weight;
                }
            }
        }
        let neighbors = maps.into_iter().map(|m| m.into_iter().collect()).collect();
        (
            Level {
                neighbors,
                self_loops,
            },
            count,
        )
    }
}

/// Renumbers communities by decreasing size, ties by their lowest node.
fn number_by_size(membership: &[usize]) -> Vec<usize> {
    let count = membership.iter().max().map_or(0, |&m| m + 1);
    let mut sizes = vec![0usize; count];
    let mut first = vec![usize::MAX; count];
    for (v, &c) in membership.iter().enumerate() {
        sizes[c] += 1;
        first[c] = first[c].min(v);
    }
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_by_key(|&c| (std::cmp::Reverse(sizes[c]), first[c]));
    let mut rename = vec![0; count];
    for (new, &old) in order.iter().enumerate() {
        rename[old] = new;
    }
    membership.iter().map(|&c| rename[c]).collect()
}

/// Q = Σ_c (L_c / m − (d_c / 2m)²): internal weight against what chance would give.
fn modularity(adjacency: &Adjacency, membership: &[usize]) -> f64 {
    let count = membership.iter().max().map_or(0, |&m| m + 1);
    let mut inside = vec![0.0; count];
    let mut degree = vec![0.0; count];
    let mut total = 0.0;
    for (v, &cv) in membership.iter().enumerate() {
        for (&w, &weight) in adjacency.neighbors(v).iter().zip(adjacency.edges(v)) {
            let weight = f64::from(weight);
            total += weight;
            degree[cv] += weight;
            if membership[w as usize] == cv {
                inside[cv] += weight;
            }
        }
    }
    if total == 0.0 {
        return 0.0;
    }
    // Both sums saw every edge twice: inside/total = L_c/m and degree/total = d_c/2m.
    inside
        .iter()
        .zip(&degree)
        .map(|(&l, &d)| l / total - (d / total).powi(2))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::fixtures::{build, star, two_cliques};

    #[test]
    fn two_cliques_joined_by_a_bridge_are_two_communities() {
        let c = communities(&two_cliques(4));
        assert_eq!(c.membership, vec![0, 0, 0, 0, 1, 1, 1, 1]);
        assert_eq!(c.sizes, vec![4, 4]);
        // 13 edges; each side: 6 inside, degree 13 → Q = 2·(6/13 − (13/26)²).
        assert!((c.modularity - 2.0 * (6.0 / 13.0 - 0.25)).abs() < 1e-12);
    }

    #[test]
    fn isolated_nodes_stay_alone_and_results_repeat() {
        let g = build(7, &[(0, 1), (1, 2), (2, 0), (4, 5), (5, 6), (6, 4)]);
        let c = communities(&g);
        assert_eq!(c.membership, vec![0, 0, 0, 2, 1, 1, 1]);
        assert_eq!(c, communities(&g));
    }

    #[test]
    fn a_star_is_one_community() {
        assert_eq!(communities(&star(6)).sizes, vec![6]);
    }
}
