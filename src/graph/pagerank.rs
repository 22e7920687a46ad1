//! PageRank: which entities the relations point to, directly and through others.

use super::KnowledgeGraph;
use petgraph::visit::EdgeRef;

/// The usual damping factor (the probability of following an edge rather than jumping).
pub const DAMPING: f64 = 0.85;

/// Iterations stop when the scores move less than this in total (L1).
const TOLERANCE: f64 = 1e-10;
/// … or after this many iterations.
const MAX_ITERATIONS: usize = 200;

/// PageRank of every node, following edges from subject to object, and both ways for
/// symmetric predicates (a sister-city tie endorses both cities).
///
/// Nodes without outgoing edges spread their score over every node, so the scores sum to 1.
///
/// # Arguments
/// * `graph` — the projection; parallel edges each count.
/// * `damping` — probability of following an edge, usually [`DAMPING`] (0.85).
///
/// # Returns
/// One score per node, indexed by `NodeIndex::index()`, summing to 1 (empty for an empty graph).
///
/// # Complexity
/// O(I · (V + E)) for I power iterations (until the L1 change is below 1e-10, at most 200).
///
/// # Example
/// ```
/// use cckg::graph::{DAMPING, EdgeData, KnowledgeGraph, page_rank};
/// use cckg::model::Predicate;
/// let edge = |s: &str| (s.to_owned(), "beijing".to_owned(), EdgeData::new(Predicate::Visited));
/// let g = KnowledgeGraph::from_parts(vec![], vec![edge("a"), edge("b"), edge("c")]);
/// let ranks = page_rank(&g, DAMPING);
/// let beijing = g.index_of("beijing").unwrap().index();
/// assert!(ranks.iter().enumerate().all(|(i, &r)| i == beijing || r < ranks[beijing]));
/// ```
pub fn page_rank(graph: &KnowledgeGraph, damping: f64) -> Vec<f64> {
    let n = graph.node_count();
    if n == 0 {
        return Vec::new();
    }
    let mut arcs: Vec<(u32, u32)> = Vec::with_capacity(graph.edge_count() * 2);
    for e in graph.graph().edge_references() {
        let (s, t) = (e.source().index() as u32, e.target().index() as u32);
        arcs.push((s, t));
        if e.weight().is_symmetric() && s != t {
            arcs.push((t, s));
        }
    }
    let mut out_degree = vec![0u32; n];
    for &(s, _) in &arcs {
        out_degree[s as usize] += 1;
    }
    let uniform = 1.0 / n as f64;
    let mut rank = vec![uniform; n];
    let mut next = vec![0.0; n];
    let mut share = vec![0.0; n];
    for _ in 0..MAX_ITERATIONS {
        let mut dangling = 0.0;
        for v in 0..n {
            if out_degree[v] == 0 {
                dangling += rank[v];
                share[v] = 0.0;
            } else {
                share[v] = rank[v] / f64::from(out_degree[v]);
            }
        }
        let base = (1.0 - damping) * uniform + damping * dangling * uniform;
        next.fill(base);
        for &(s, t) in &arcs {
            next[t as usize] += damping * share[s as usize];
        }
        let change: f64 = rank.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
        if change < TOLERANCE {
            break;
        }
    }
    rank
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::fixtures::{build_with, path, star};
    use crate::model::Predicate;

    fn assert_sums_to_one(ranks: &[f64]) {
        assert!((ranks.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn star_centre_ranks_highest() {
        let ranks = page_rank(&star(6), DAMPING);
        assert_sums_to_one(&ranks);
        assert!(ranks[1..].iter().all(|&r| r < ranks[0]));
        // Symmetric edges: the closed form for a star with 5 leaves.
        // centre c, leaf l: c = 0.15/6 + 0.85·5l, l = 0.15/6 + 0.85·c/5, c + 5l = 1.
        let l = (0.15 / 6.0) * (1.0 + 0.85 / 5.0) / (1.0 - 0.85 * 0.85);
        let c = 1.0 - 5.0 * l;
        assert!((ranks[0] - c).abs() < 1e-8, "{} vs {c}", ranks[0]);
    }

    #[test]
    fn symmetric_path_is_mirror_symmetric() {
        let ranks = page_rank(&path(5), DAMPING);
        assert_sums_to_one(&ranks);
        assert!((ranks[0] - ranks[4]).abs() < 1e-12 && (ranks[1] - ranks[3]).abs() < 1e-12);
        assert!(ranks[1] > ranks[0]);
    }

    #[test]
    fn directed_edges_flow_to_the_object() {
        // 0 → 1 → 2 with a directed predicate: the end of the chain ranks highest.
        let ranks = page_rank(
            &build_with(3, &[(0, 1), (1, 2)], Predicate::LocatedIn),
            DAMPING,
        );
        assert_sums_to_one(&ranks);
        assert!(ranks[0] < ranks[1] && ranks[1] < ranks[2]);
    }
}
