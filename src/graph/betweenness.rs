//! Betweenness centrality (Brandes), exact or estimated from sampled pivots.

use super::KnowledgeGraph;
use super::adjacency::Adjacency;
use serde::Serialize;
use std::collections::VecDeque;

/// How a [`Betweenness`] was computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum BetweennessMethod {
    /// From every node: the exact value.
    Exact,
    /// From `pivots` sources drawn with `seed`, scaled by `n / pivots`: an unbiased estimate.
    Sampled {
        /// Number of source nodes used.
        pivots: usize,
        /// Seed of the deterministic draw.
        seed: u64,
    },
}

/// Betweenness of every node.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Betweenness {
    /// For each node (by `NodeIndex::index()`): the number of shortest paths between other
    /// pairs of nodes that pass through it, each pair's paths sharing one unit (not normalised).
    pub scores: Vec<f64>,
    /// Exact, or estimated from a sample.
    pub method: BetweennessMethod,
}

/// Exact betweenness centrality, edges taken as undirected and unweighted.
///
/// # Arguments
/// * `graph` — the projection; parallel edges count as one tie.
///
/// # Returns
/// [`Betweenness`] with raw scores (a star's centre has (n-1)(n-2)/2) and
/// [`BetweennessMethod::Exact`].
///
/// # Complexity
/// O(V · E) time, O(V + E) memory (Brandes 2001).
///
/// # Example
/// ```
/// use cckg::graph::{EdgeData, KnowledgeGraph, betweenness_centrality};
/// use cckg::model::Predicate;
/// let edge = |s: &str, o: &str| (s.to_owned(), o.to_owned(), EdgeData::new(Predicate::CooperatesWith));
/// let g = KnowledgeGraph::from_parts(vec![], vec![edge("a", "b"), edge("b", "c")]);
/// let b = betweenness_centrality(&g);
/// assert_eq!(b.scores[g.index_of("b").unwrap().index()], 1.0);
/// ```
pub fn betweenness_centrality(graph: &KnowledgeGraph) -> Betweenness {
    let adjacency = Adjacency::simple(graph);
    let n = adjacency.node_count();
    Betweenness {
        scores: brandes(&adjacency, 0..n, 0.5),
        method: BetweennessMethod::Exact,
    }
}

/// Betweenness estimated from `pivots` source nodes drawn at random (Brandes & Pich 2007),
/// for graphs too big for the exact O(V · E).
///
/// # Arguments
/// * `graph` — the projection.
/// * `pivots` — number of sources; at least `graph.node_count()` gives the exact result.
/// * `seed` — seed of the draw: the same seed gives the same estimate.
///
/// # Returns
/// [`Betweenness`] with scores scaled by `n / pivots` (on the scale of the exact values)
/// and [`BetweennessMethod::Sampled`], or `Exact` when every node was a pivot.
///
/// # Complexity
/// O(pivots · E) time, O(V + E) memory.
///
/// # Example
/// ```
/// use cckg::graph::{BetweennessMethod, EdgeData, KnowledgeGraph, betweenness_centrality_sampled};
/// use cckg::model::Predicate;
/// let edges = (1..100).map(|i| ("hub".to_owned(), format!("leaf{i}"), EdgeData::new(Predicate::Visited))).collect();
/// let g = KnowledgeGraph::from_parts(vec![], edges);
/// let b = betweenness_centrality_sampled(&g, 20, 7);
/// assert_eq!(b.method, BetweennessMethod::Sampled { pivots: 20, seed: 7 });
/// let hub = g.index_of("hub").unwrap().index();
/// assert!(b.scores.iter().enumerate().all(|(i, &s)| i == hub || s < b.scores[hub]));
/// ```
pub fn betweenness_centrality_sampled(
    graph: &KnowledgeGraph,
    pivots: usize,
    seed: u64,
) -> Betweenness {
    let n = graph.node_count();
    if pivots >= n {
        return betweenness_centrality(graph);
    }
    let adjacency = Adjacency::simple(graph);
    // Partial Fisher–Yates shuffle with a fixed-seed generator: reproducible pivots.
    let mut order: Vec<usize> = (0..n).collect();
    let mut rng = SplitMix64(seed);
    for i in 0..pivots {
        let j = i + (rng.next() % (n - i) as u64) as usize;
        order.swap(i, j);
    }
    let scale = 0.5 * n as f64 / pivots.max(1) as f64;
    Betweenness {
        scores: brandes(&adjacency, order[..pivots].iter().copied(), scale),
        method: BetweennessMethod::Sampled { pivots, seed },
    }
}

/// Brandes' accumulation from the given sources, every score multiplied by `scale`
/// (½ for undirected graphs, where each pair is counted from both ends).
fn brandes(adjacency: &Adjacency, sources: impl Iterator<Item = usize>, scale: f64) -> Vec<f64> {
    let n = adjacency.node_count();
    let mut scores = vec![0.0; n];
    let mut sigma = vec![0.0f64; n];
    let mut dist = vec![u32::MAX; n];
    let mut delta = vec![0.0f64; n];
    let mut stack: Vec<usize> = Vec::with_capacity(n);
    let mut queue = VecDeque::with_capacity(n);
    for s in sources {
        for &v in &stack {
            sigma[v] = 0.0;
            dist[v] = u32::MAX;
            delta[v] = 0.0;
        }
        stack.clear();
        sigma[s] = 1.0;
        dist[s] = 0;
        queue.push_back(s);
        while let Some(v) = queue.pop_front() {
            stack.push(v);
            for &w in adjacency.neighbors(v) {
                let w = w as usize;
                if dist[w] == u32::MAX {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w);
                }
                if dist[w] == dist[v] + 1 {
                    sigma[w] += sigma[v];
                }
            }
        }
        // Predecessors of w are its neighbours one step closer to s: no lists needed.
        for &w in stack.iter().rev() {
            for &v in adjacency.neighbors(w) {
                let v = v as usize;
                if dist[v] != u32::MAX && dist[v] + 1 == dist[w] {
                    delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
                }
            }
            if w != s {
                scores[w] += delta[w] * scale;
            }
        }
    }
    scores
}

/// SplitMix64: a tiny, good-enough generator for drawing pivots reproducibly.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::fixtures::{build, path, star, two_cliques};

    #[test]
    fn star_centre_lies_on_every_leaf_pair() {
        for n in [3, 5, 10] {
            let b = betweenness_centrality(&star(n));
            assert_eq!(b.scores[0], ((n - 1) * (n - 2) / 2) as f64);
            assert!(b.scores[1..].iter().all(|&s| s == 0.0));
            assert_eq!(b.method, BetweennessMethod::Exact);
        }
    }

    #[test]
    fn path_middle_counts_pairs_on_each_side() {
        // On a path of 5, node i separates i·(4-i) pairs.
        let b = betweenness_centrality(&path(5));
        assert_eq!(b.scores, vec![0.0, 3.0, 4.0, 3.0, 0.0]);
    }

    #[test]
    fn split_shortest_paths_share_the_pair() {
        // A square 0-1-2-3-0: 0 and 2 are joined by two shortest paths, through 1 and 3.
        let b = betweenness_centrality(&build(4, &[(0, 1), (1, 2), (2, 3), (3, 0)]));
        assert_eq!(b.scores, vec![0.5; 4]);
    }

    #[test]
    fn bridge_ends_carry_the_traffic_between_cliques() {
        // Two K4 joined by 3–4: 3 lies on the paths from {0,1,2} to {4..7} (3·4 pairs),
        // 4 on those from {0..3} to {5,6,7}; inside a clique nothing passes through anyone.
        let b = betweenness_centrality(&two_cliques(4));
        assert_eq!(b.scores[3], 12.0);
        assert_eq!(b.scores[4], 12.0);
        assert_eq!(b.scores[0], 0.0);
    }

    #[test]
    fn sampled_is_deterministic_and_exact_when_every_node_is_a_pivot() {
        let g = two_cliques(5);
        let a = betweenness_centrality_sampled(&g, 4, 42);
        assert_eq!(a, betweenness_centrality_sampled(&g, 4, 42));
        assert_eq!(
            a.method,
            BetweennessMethod::Sampled {
                pivots: 4,
                seed: 42
            }
        );
        assert_eq!(
            betweenness_centrality_sampled(&g, 10, 42),
            betweenness_centrality(&g)
        );
    }
}
