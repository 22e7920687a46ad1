//! Compact undirected adjacency (CSR) shared by the analytics: the algorithms treat
//! relations as ties between entities, whatever the direction of the statement.

use super::KnowledgeGraph;
use petgraph::visit::EdgeRef;

/// Undirected adjacency in compressed sparse rows: the neighbours of `v` are
/// `targets[offsets[v]..offsets[v + 1]]`, and `edges` holds the edge index of each entry.
pub(crate) struct Adjacency {
    offsets: Vec<usize>,
    targets: Vec<u32>,
    edges: Vec<u32>,
}

impl Adjacency {
    /// Every edge in both directions (parallel edges stay, self-loops are left out).
    pub(crate) fn multi(graph: &KnowledgeGraph) -> Self {
        let g = graph.graph();
        let n = g.node_count();
        let mut offsets = vec![0usize; n + 1];
        for e in g.edge_references() {
            if e.source() != e.target() {
                offsets[e.source().index() + 1] += 1;
                offsets[e.target().index() + 1] += 1;
            }
        }
        for v in 0..n {
            offsets[v + 1] += offsets[v];
        }
        let mut fill = offsets.clone();
        let mut targets = vec![0u32; offsets[n]];
        let mut edges = vec![0u32; offsets[n]];
        for e in g.edge_references() {
            let (s, t) = (e.source().index(), e.target().index());
            if s != t {
                for (a, b) in [(s, t), (t, s)] {
                    targets[fill[a]] = b as u32;
                    edges[fill[a]] = e.id().index() as u32;
                    fill[a] += 1;
                }
            }
        }
        Self {
            offsets,
            targets,
            edges,
        }
    }

    /// Each neighbour once, sorted, with the summed [`Link::sources`](super::Link) of
    /// the edges to it as weight (the `edges` column then holds weights).
    pub(crate) fn simple(graph: &KnowledgeGraph) -> Self {
        let multi = Self::multi(graph);
        let g = graph.graph();
        let n = multi.node_count();
        let mut offsets = Vec::with_capacity(n + 1);
        let mut targets = Vec::with_capacity(multi.targets.len());
        let mut weights = Vec::with_capacity(multi.targets.len());
        offsets.push(0);
        let mut row: Vec<(u32, u32)> = Vec::new();
        for v in 0..n {
            row.clear();
            let range = multi.offsets[v]..multi.offsets[v + 1];
            row.extend(
                multi.targets[range.clone()]
                    .iter()
                    .zip(&multi.edges[range])
                    .map(|(&t, &e)| (t, g[petgraph::graph::EdgeIndex::new(e as usize)].sources)),
            );
            row.sort_unstable();
            for &(t, w) in row.iter() {
                if targets.len() > offsets[v] && targets.last() == Some(&t) {
                    if let Some(last) = weights.last_mut() {
                        *last += w;
                    }
                } else {
                    targets.push(t);
                    weights.push(w);
                }
            }
            offsets.push(targets.len());
        }
        Self {
            offsets,
            targets,
            edges: weights,
        }
    }

    pub(crate) fn node_count(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Neighbours of `v`.
    pub(crate) fn neighbors(&self, v: usize) -> &[u32] {
        &self.targets[self.offsets[v]..self.offsets[v + 1]]
    }

    /// Edge indices (for [`Adjacency::multi`]) or weights (for [`Adjacency::simple`])
    /// matching [`Adjacency::neighbors`].
    pub(crate) fn edges(&self, v: usize) -> &[u32] {
        &self.edges[self.offsets[v]..self.offsets[v + 1]]
    }
}
