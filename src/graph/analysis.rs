//! Every analytics at once, as one row per entity ready to print as a table, CSV or JSON.

use super::{
    BetweennessMethod, DAMPING, KnowledgeGraph, betweenness_centrality,
    betweenness_centrality_sampled, bridges, communities, connected_components, degree, page_rank,
};
use crate::model::{EntityType, Predicate};
use serde::Serialize;

/// Up to this many nodes, [`analyze`] computes exact betweenness by default.
pub const EXACT_BETWEENNESS_LIMIT: usize = 5_000;
/// Above [`EXACT_BETWEENNESS_LIMIT`], the default number of betweenness pivots.
pub const DEFAULT_PIVOTS: usize = 500;

/// How [`analyze`] computes betweenness.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnalysisOptions {
    /// Number of pivots for sampled betweenness; `None`: exact up to
    /// [`EXACT_BETWEENNESS_LIMIT`] nodes, else [`DEFAULT_PIVOTS`].
    pub betweenness_pivots: Option<usize>,
    /// Seed for drawing the pivots.
    pub seed: u64,
}

impl Default for AnalysisOptions {
    fn default() -> Self {
        Self {
            betweenness_pivots: None,
            seed: 1,
        }
    }
}

/// The measures of one entity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnalysisRow {
    /// Its IRI.
    pub iri: String,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: Option<EntityType>,
    /// Chinese label.
    pub label_zh: Option<String>,
    /// English label.
    pub label_en: Option<String>,
    /// Number of relations.
    pub degree: usize,
    /// Number of statements about its relations.
    pub weighted_degree: u64,
    /// Betweenness centrality (raw; see [`Analysis::betweenness`] for how it was computed).
    pub betweenness: f64,
    /// PageRank (damping 0.85).
    pub pagerank: f64,
    /// Its connected component (0 is the largest).
    pub component: usize,
    /// Its Louvain community (0 is the largest).
    pub community: usize,
    /// Whether removing it splits its component.
    pub articulation_point: bool,
}

/// A relation whose removal splits its component.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BridgeRow {
    /// IRI of the subject.
    pub subject: String,
    /// The predicate.
    pub predicate: Predicate,
    /// IRI of the object.
    pub object: String,
}

/// The results of [`analyze`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    /// One row per entity, by decreasing degree, then IRI.
    pub rows: Vec<AnalysisRow>,
    /// Exact or sampled betweenness.
    pub betweenness: BetweennessMethod,
    /// Sizes of the connected components, largest first.
    pub component_sizes: Vec<usize>,
    /// Sizes of the communities, largest first.
    pub community_sizes: Vec<usize>,
    /// Modularity of the communities.
    pub modularity: f64,
    /// The bridges.
    pub bridges: Vec<BridgeRow>,
}

/// Runs degree, betweenness, PageRank, components, communities and bridges.
///
/// # Arguments
/// * `graph` — the projection.
/// * `options` — exact or sampled betweenness.
///
/// # Returns
/// [`Analysis`]: a row per entity with its labels, type and every measure, and the
/// graph-level results.
///
/// # Complexity
/// Dominated by betweenness: O(V · E) exact, O(pivots · E) sampled.
///
/// # Example
/// ```
/// use cckg::graph::{AnalysisOptions, EdgeData, KnowledgeGraph, analyze};
/// use cckg::model::Predicate;
/// let edge = |o: &str| ("hub".to_owned(), o.to_owned(), EdgeData::new(Predicate::CooperatesWith));
/// let g = KnowledgeGraph::from_parts(vec![], vec![edge("a"), edge("b"), edge("c")]);
/// let analysis = analyze(&g, &AnalysisOptions::default());
/// assert_eq!(analysis.rows[0].iri, "hub");
/// assert_eq!(analysis.rows[0].betweenness, 3.0);
/// assert!(analysis.rows[0].articulation_point);
/// ```
pub fn analyze(graph: &KnowledgeGraph, options: &AnalysisOptions) -> Analysis {
    let n = graph.node_count();
    let pivots = options
        .betweenness_pivots
        .unwrap_or(if n <= EXACT_BETWEENNESS_LIMIT {
            n
        } else {
            DEFAULT_PIVOTS
        });
    let betweenness = if pivots >= n {
        betweenness_centrality(graph)
    } else {
        betweenness_centrality_sampled(graph, pivots, options.seed)
    };
    let degrees = degree(graph);
    let ranks = page_rank(graph, DAMPING);
    let components = connected_components(graph);
    let communities = communities(graph);
    let cuts = bridges(graph);
    let mut is_cut = vec![false; n];
    for v in &cuts.articulation_points {
        is_cut[v.index()] = true;
    }
    let mut rows: Vec<AnalysisRow> = graph
        .nodes()
        .map(|(i, node)| {
            let v = i.index();
            AnalysisRow {
                iri: node.iri.clone(),
                kind: node.kind,
                label_zh: node.label_zh.clone(),
                label_en: node.label_en.clone(),
                degree: degrees[v].degree,
                weighted_degree: degrees[v].weighted,
                betweenness: betweenness.scores[v],
                pagerank: ranks[v],
                component: components.membership[v],
                community: communities.membership[v],
                articulation_point: is_cut[v],
            }
        })
        .collect();
    // Nodes are already in IRI order; a stable sort keeps it among equal degrees.
    rows.sort_by_key(|r| std::cmp::Reverse(r.degree));
    let bridges = cuts
        .bridges
        .iter()
        .filter_map(|&e| {
            let (s, o) = graph.endpoints(e)?;
            Some(BridgeRow {
                subject: graph.node(s).iri.clone(),
                predicate: graph.link(e).data.predicate,
                object: graph.node(o).iri.clone(),
            })
        })
        .collect();
    Analysis {
        rows,
        betweenness: betweenness.method,
        component_sizes: components.sizes,
        community_sizes: communities.sizes,
        modularity: communities.modularity,
        bridges,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::fixtures::cities;

    #[test]
    fn rows_carry_labels_and_serialise() {
        let g = cities();
        let analysis = analyze(&g, &AnalysisOptions::default());
        assert_eq!(analysis.rows.len(), g.node_count());
        let top = &analysis.rows[0];
        assert_eq!(top.label_zh.as_deref(), Some("青岛市"));
        assert_eq!(top.kind, Some(EntityType::City));
        assert!(top.articulation_point);
        assert_eq!(analysis.betweenness, BetweennessMethod::Exact);
        assert_eq!(analysis.component_sizes, vec![10, 3]);
        let json = serde_json::to_value(&analysis).expect("serialise");
        assert_eq!(json["rows"][0]["type"], "City");
        assert_eq!(json["betweenness"]["method"], "exact");
    }

    #[test]
    fn pivots_choose_sampling() {
        let options = AnalysisOptions {
            betweenness_pivots: Some(3),
            seed: 9,
        };
        let analysis = analyze(&cities(), &options);
        assert_eq!(
            analysis.betweenness,
            BetweennessMethod::Sampled { pivots: 3, seed: 9 }
        );
    }
}
