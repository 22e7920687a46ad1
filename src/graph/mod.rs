//! The petgraph projection of the knowledge graph, and the analytics that run on it.
//!
//! [`KnowledgeGraph`] holds one node per entity ([`NodeData`]: IRI, type, labels) and
//! one edge per distinct relation ([`Link`]: the [`EdgeData`] of its first statement,
//! the documents that state it and how many statements were merged into it). It is
//! built with [`KnowledgeGraph::from_parts`] (or, in the full crate, from the store),
//! narrowed with [`KnowledgeGraph::filter`] and [`KnowledgeGraph::ego`], and searched
//! by name with [`KnowledgeGraph::find`].
//!
//! Edges keep the direction of the statement (`subject → object`); symmetric
//! predicates ([`Predicate::is_symmetric`]) are stored once and count both ways.
//! Every analytics function lives in its own file and is re-exported here:
//! [`degree`], [`betweenness_centrality`], [`page_rank`], [`connected_components`],
//! [`communities`], [`bridges`], [`shortest_path`] / [`all_shortest_paths`],
//! [`neighbors_by_predicate`], and [`analyze`], which runs them all.
//!
//! Nodes are numbered in IRI order and edges in (subject, object, predicate) order, so
//! the same statements give the same structure, numbering and results whatever order
//! they were read in (only which statement's evidence an edge keeps depends on the order).
//!
//! ```
//! use cckg::graph::{EdgeData, KnowledgeGraph, NodeData, page_rank};
//! use cckg::model::{EntityType, Predicate};
//!
//! let city = |iri: &str, zh: &str| NodeData {
//!     kind: Some(EntityType::City),
//!     label_zh: Some(zh.to_owned()),
//!     ..NodeData::new(iri)
//! };
//! let graph = KnowledgeGraph::from_parts(
//!     vec![city("ex:qingdao", "青岛市"), city("ex:shimonoseki", "下关市")],
//!     vec![(
//!         "ex:qingdao".to_owned(),
//!         "ex:shimonoseki".to_owned(),
//!         EdgeData::new(Predicate::FriendshipCity),
//!     )],
//! );
//! let qingdao = graph.find("青岛").unwrap();
//! assert_eq!(graph.node(qingdao).iri, "ex:qingdao");
//! assert_eq!(graph.edge_count(), 1);
//! let ranks = page_rank(&graph, 0.85);
//! assert!((ranks[qingdao.index()] - 0.5).abs() < 1e-9);
//! ```

mod adjacency;
mod analysis;
mod betweenness;
mod bridges;
mod communities;
mod components;
mod degree;
mod find;
#[cfg(test)]
pub(crate) mod fixtures;
mod from_store;
mod neighbors;
mod pagerank;
mod paths;
mod write_back;

pub use analysis::{
    Analysis, AnalysisOptions, AnalysisRow, BridgeRow, DEFAULT_PIVOTS, EXACT_BETWEENNESS_LIMIT,
    analyze,
};
pub use betweenness::{
    Betweenness, BetweennessMethod, betweenness_centrality, betweenness_centrality_sampled,
};
pub use bridges::{Bridges, bridges};
pub use communities::{Communities, communities};
pub use components::{Components, connected_components};
pub use degree::{Degree, degree};
pub use neighbors::{Direction, Neighbor, NeighborGroup, neighbors_by_predicate};
pub use pagerank::{DAMPING, page_rank};
pub use paths::{Hop, HopEdge, Path, all_shortest_paths, shortest_path};
pub use write_back::write_back;

use crate::model::{EntityType, Predicate};
use petgraph::graph::DiGraph;
pub use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, VecDeque};

/// An entity: one node of the graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NodeData {
    /// Its IRI (`https://w3id.org/cckg/id/…`).
    pub iri: String,
    /// Its type, when known (nodes created for an unknown edge end have none).
    pub kind: Option<EntityType>,
    /// Chinese label.
    pub label_zh: Option<String>,
    /// English label.
    pub label_en: Option<String>,
    /// Other names, in any language.
    pub aliases: Vec<String>,
    /// IRI of its country node.
    pub country: Option<String>,
}

impl NodeData {
    /// A bare node: an IRI and nothing else.
    pub fn new(iri: impl Into<String>) -> Self {
        Self {
            iri: iri.into(),
            kind: None,
            label_zh: None,
            label_en: None,
            aliases: Vec::new(),
            country: None,
        }
    }

    /// The name to show a reader: the Chinese label, else the English one, else the
    /// last segment of the IRI.
    pub fn name(&self) -> &str {
        self.label_zh
            .as_deref()
            .or(self.label_en.as_deref())
            .unwrap_or_else(|| local_name(&self.iri))
    }

    /// Fills what `self` lacks from `other` (a second description of the same IRI).
    fn merge(&mut self, other: NodeData) {
        self.kind = self.kind.or(other.kind);
        self.label_zh = self.label_zh.take().or(other.label_zh);
        self.label_en = self.label_en.take().or(other.label_en);
        self.country = self.country.take().or(other.country);
        for alias in other.aliases {
            if !self.aliases.contains(&alias) {
                self.aliases.push(alias);
            }
        }
    }
}

/// The last segment of an IRI (after the last `/` or `#`).
pub fn local_name(iri: &str) -> &str {
    iri.rsplit(['/', '#'])
        .find(|s| !s.is_empty())
        .unwrap_or(iri)
}

/// One statement of a relation: predicate, qualifiers and provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EdgeData {
    /// The predicate.
    pub predicate: Predicate,
    /// Post or role, for `positionAt` (市长).
    pub role: Option<String>,
    /// Rank, for `tradePartner` / `investmentSource`.
    pub rank: Option<u32>,
    /// Date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
    pub date: Option<String>,
    /// The sentence that states it.
    pub evidence: Option<String>,
    /// IRI of the document that states it.
    pub document: Option<String>,
}

impl EdgeData {
    /// A statement with a predicate and nothing else.
    pub fn new(predicate: Predicate) -> Self {
        Self {
            predicate,
            role: None,
            rank: None,
            date: None,
            evidence: None,
            document: None,
        }
    }
}

/// One edge of the graph: a distinct (subject, predicate, object) with its statements merged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// The first statement read: its qualifiers and evidence.
    pub data: EdgeData,
    /// How many statements were merged into this edge (its weight), at least 1.
    pub sources: u32,
    /// The distinct documents that state it, sorted.
    pub documents: Vec<String>,
}

impl Link {
    /// Whether the edge holds both ways (its predicate is symmetric).
    pub fn is_symmetric(&self) -> bool {
        self.data.predicate.is_symmetric()
    }
}

/// What [`KnowledgeGraph::filter`] keeps. An empty list does not restrict.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Keep only entities of these types (untyped nodes go too).
    pub types: Vec<EntityType>,
    /// Keep only edges with these predicates.
    pub predicates: Vec<Predicate>,
    /// Keep only edges stated in one of these documents (IRIs).
    pub documents: Vec<String>,
}

impl Filter {
    /// Whether the filter keeps everything.
    pub fn is_empty(&self) -> bool {
        self.types.is_empty() && self.predicates.is_empty() && self.documents.is_empty()
    }
}

/// The in-memory projection: a directed petgraph graph of entities and relations,
/// with an IRI index.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    graph: DiGraph<NodeData, Link>,
    index: HashMap<String, NodeIndex>,
    /// Every country of the full projection, kept by filters and ego networks so that
    /// a drawing can still name the country of a city whose country node was left out.
    countries: std::sync::Arc<HashMap<String, NodeData>>,
}

impl KnowledgeGraph {
    /// Builds the graph from entities and statements.
    ///
    /// Nodes with the same IRI are merged (the first non-empty value of each field wins,
    /// aliases are united). An edge end with an unknown IRI gets a bare node. The same
    /// (subject, predicate, object) stated several times — or, for a symmetric predicate,
    /// in either direction — becomes one edge that keeps the first statement's data and
    /// counts the statements in [`Link::sources`]. A symmetric edge is stored from the
    /// lower IRI to the higher one. Self-loops are kept.
    ///
    /// Complexity: O((V + E) log(V + E)).
    pub fn from_parts(nodes: Vec<NodeData>, edges: Vec<(String, String, EdgeData)>) -> Self {
        let mut by_iri: HashMap<String, NodeData> = HashMap::with_capacity(nodes.len());
        for node in nodes {
            match by_iri.get_mut(&node.iri) {
                Some(existing) => existing.merge(node),
                None => {
                    by_iri.insert(node.iri.clone(), node);
                }
            }
        }
        for (s, o, _) in &edges {
            for iri in [s, o] {
                if !by_iri.contains_key(iri) {
                    by_iri.insert(iri.clone(), NodeData::new(iri.clone()));
                }
            }
        }
        let mut nodes: Vec<NodeData> = by_iri.into_values().collect();
        nodes.sort_unstable_by(|a, b| a.iri.cmp(&b.iri));

        let mut graph = DiGraph::with_capacity(nodes.len(), edges.len());
        let mut index = HashMap::with_capacity(nodes.len());
        for node in nodes {
            let iri = node.iri.clone();
            let i = graph.add_node(node);
            index.insert(iri, i);
        }

        // Merge duplicates, remembering the first statement of each triple.
        let mut merged: HashMap<(u32, Predicate, u32), usize> = HashMap::with_capacity(edges.len());
        let mut links: Vec<(u32, u32, Link)> = Vec::with_capacity(edges.len());
        for (s, o, data) in edges {
            let (mut s, mut o) = (index[&s].index() as u32, index[&o].index() as u32);
            // A symmetric relation reads the same both ways: store it from the lower IRI.
            if data.predicate.is_symmetric() && o < s {
                std::mem::swap(&mut s, &mut o);
            }
            match merged.entry((s, data.predicate, o)) {
                Entry::Occupied(at) => {
                    let link = &mut links[*at.get()].2;
                    link.sources += 1;
                    if let Some(doc) = &data.document
                        && !link.documents.contains(doc)
                    {
                        link.documents.push(doc.clone());
                    }
                }
                Entry::Vacant(slot) => {
                    slot.insert(links.len());
                    let documents = data.document.iter().cloned().collect();
                    links.push((
                        s,
                        o,
                        Link {
                            data,
                            sources: 1,
                            documents,
                        },
                    ));
                }
            }
        }
        drop(merged);
        // Sort positions rather than the (large) links; (subject, object, predicate) is unique.
        let mut order: Vec<u32> = (0..links.len() as u32).collect();
        order.sort_unstable_by_key(|&i| {
            let (s, o, link) = &links[i as usize];
            (*s, *o, link.data.predicate)
        });
        let mut slots: Vec<Option<(u32, u32, Link)>> = links.into_iter().map(Some).collect();
        for i in order {
            if let Some((s, o, mut link)) = slots[i as usize].take() {
                link.documents.sort();
                graph.add_edge(NodeIndex::new(s as usize), NodeIndex::new(o as usize), link);
            }
        }
        let countries = graph
            .node_weights()
            .filter(|n| n.kind == Some(EntityType::Country))
            .map(|n| (n.iri.clone(), n.clone()))
            .collect();
        Self {
            graph,
            index,
            countries: std::sync::Arc::new(countries),
        }
    }

    /// The underlying petgraph graph (directed; see [`Link::is_symmetric`]).
    pub fn graph(&self) -> &DiGraph<NodeData, Link> {
        &self.graph
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges (distinct relations).
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The entity at `i`. Panics if `i` is not a node of this graph.
    pub fn node(&self, i: NodeIndex) -> &NodeData {
        &self.graph[i]
    }

    /// The edge at `e`. Panics if `e` is not an edge of this graph.
    pub fn link(&self, e: EdgeIndex) -> &Link {
        &self.graph[e]
    }

    /// The two ends of edge `e` as stored (subject, object).
    pub fn endpoints(&self, e: EdgeIndex) -> Option<(NodeIndex, NodeIndex)> {
        self.graph.edge_endpoints(e)
    }

    /// The node with this exact IRI.
    pub fn index_of(&self, iri: &str) -> Option<NodeIndex> {
        self.index.get(iri).copied()
    }

    /// All nodes, in IRI order.
    pub fn nodes(
        &self,
    ) -> impl DoubleEndedIterator<Item = (NodeIndex, &NodeData)> + ExactSizeIterator {
        self.graph.node_indices().map(move |i| (i, &self.graph[i]))
    }

    /// All edges as (index, subject, object, link), in (subject, object, predicate) order.
    pub fn edges(&self) -> impl Iterator<Item = (EdgeIndex, NodeIndex, NodeIndex, &Link)> {
        self.graph
            .edge_references()
            .map(|e| (e.id(), e.source(), e.target(), e.weight()))
    }

    /// Keeps what `filter` selects.
    ///
    /// Types select nodes (an edge goes with either end). Predicates and documents select
    /// edges; when either is given, nodes left without an edge go too, so that a filter
    /// on `friendshipCity` draws the sister-city network and not every entity.
    ///
    /// Complexity: O(V + E).
    pub fn filter(&self, filter: &Filter) -> Self {
        let node_ok = |i: NodeIndex| {
            filter.types.is_empty()
                || self.graph[i]
                    .kind
                    .is_some_and(|k| filter.types.contains(&k))
        };
        let edge_ok = |e: EdgeIndex| {
            let link = &self.graph[e];
            (filter.predicates.is_empty() || filter.predicates.contains(&link.data.predicate))
                && (filter.documents.is_empty()
                    || link.documents.iter().any(|d| filter.documents.contains(d)))
        };
        let mut keep_edge = vec![false; self.graph.edge_count()];
        let mut touched = vec![false; self.graph.node_count()];
        for e in self.graph.edge_references() {
            if edge_ok(e.id()) && node_ok(e.source()) && node_ok(e.target()) {
                keep_edge[e.id().index()] = true;
                touched[e.source().index()] = true;
                touched[e.target().index()] = true;
            }
        }
        let edges_restricted = !filter.predicates.is_empty() || !filter.documents.is_empty();
        self.subgraph(
            |i| node_ok(i) && (!edges_restricted || touched[i.index()]),
            |e| keep_edge[e.index()],
        )
    }

    /// The nodes within `depth` hops of `center` (ignoring edge direction) and every
    /// edge between them.
    ///
    /// Complexity: O(V + E).
    pub fn ego(&self, center: NodeIndex, depth: usize) -> Self {
        let mut dist = vec![usize::MAX; self.graph.node_count()];
        let mut queue = VecDeque::new();
        if center.index() < dist.len() {
            dist[center.index()] = 0;
            queue.push_back(center);
        }
        while let Some(v) = queue.pop_front() {
            let d = dist[v.index()];
            if d == depth {
                continue;
            }
            for w in self.graph.neighbors_undirected(v) {
                if dist[w.index()] == usize::MAX {
                    dist[w.index()] = d + 1;
                    queue.push_back(w);
                }
            }
        }
        self.subgraph(|i| dist[i.index()] != usize::MAX, |_| true)
    }

    /// The graph induced by the kept nodes and kept edges, in the same order.
    pub(crate) fn subgraph(
        &self,
        keep_node: impl Fn(NodeIndex) -> bool,
        keep_edge: impl Fn(EdgeIndex) -> bool,
    ) -> Self {
        let mut graph = DiGraph::new();
        let mut index = HashMap::new();
        let mut map = vec![None; self.graph.node_count()];
        for i in self.graph.node_indices().filter(|&i| keep_node(i)) {
            let data = self.graph[i].clone();
            index.insert(data.iri.clone(), NodeIndex::new(graph.node_count()));
            map[i.index()] = Some(graph.add_node(data));
        }
        for e in self.graph.edge_references() {
            if let (Some(s), Some(o)) = (map[e.source().index()], map[e.target().index()])
                && keep_edge(e.id())
            {
                graph.add_edge(s, o, e.weight().clone());
            }
        }
        Self {
            graph,
            index,
            countries: std::sync::Arc::clone(&self.countries),
        }
    }

    /// A country of the full projection by IRI, even when this graph left its node out.
    pub fn country(&self, iri: &str) -> Option<&NodeData> {
        self.countries.get(iri)
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::{cities, path};
    use super::*;

    #[test]
    fn duplicates_merge_into_one_weighted_edge_keeping_the_first_evidence() {
        let g = cities();
        let qingdao = g.find("青岛").expect("fixture");
        let shimonoseki = g.find("下关").expect("fixture");
        let friendship: Vec<&Link> = g
            .edges()
            .filter(|&(_, s, o, _)| {
                (s, o) == (qingdao, shimonoseki) || (s, o) == (shimonoseki, qingdao)
            })
            .map(|(_, _, _, link)| link)
            .collect();
        assert_eq!(
            friendship.len(),
            1,
            "both directions of a symmetric predicate merge"
        );
        let link = friendship[0];
        assert_eq!(link.sources, 2);
        assert_eq!(
            link.data.document.as_deref(),
            Some("https://w3id.org/cckg/id/doc/a1")
        );
        assert_eq!(link.documents.len(), 2);
        assert!(link.is_symmetric());
    }

    #[test]
    fn unknown_edge_ends_get_bare_nodes() {
        let g = cities();
        let bare = g.node(
            g.index_of("https://w3id.org/cckg/id/org/unknown-partner")
                .expect("created"),
        );
        assert_eq!(bare.kind, None);
        assert_eq!(bare.name(), "unknown-partner");
        assert_eq!((g.node_count(), g.edge_count()), (13, 14));
    }

    #[test]
    fn nodes_are_numbered_in_iri_order_whatever_the_input_order() {
        let g = cities();
        let iris: Vec<&str> = g.nodes().map(|(_, n)| n.iri.as_str()).collect();
        let mut sorted = iris.clone();
        sorted.sort_unstable();
        assert_eq!(iris, sorted);
        let nodes: Vec<NodeData> = g.nodes().rev().map(|(_, n)| n.clone()).collect();
        let edges = g
            .edges()
            .map(|(_, s, o, l)| (g.node(o).iri.clone(), g.node(s).iri.clone(), l.data.clone()))
            .filter(|(_, _, d)| d.predicate.is_symmetric())
            .collect();
        let again = KnowledgeGraph::from_parts(nodes, edges);
        assert_eq!(
            again
                .nodes()
                .map(|(_, n)| n.iri.as_str())
                .collect::<Vec<_>>(),
            iris
        );
    }

    #[test]
    fn nodes_with_the_same_iri_merge() {
        let a = NodeData {
            label_zh: Some("青岛市".into()),
            aliases: vec!["岛城".into()],
            ..NodeData::new("ex:q")
        };
        let b = NodeData {
            kind: Some(EntityType::City),
            label_zh: Some("青岛".into()),
            label_en: Some("Qingdao".into()),
            aliases: vec!["岛城".into(), "琴岛".into()],
            ..NodeData::new("ex:q")
        };
        let g = KnowledgeGraph::from_parts(vec![a, b], vec![]);
        assert_eq!(g.node_count(), 1);
        let node = g.node(NodeIndex::new(0));
        assert_eq!(node.label_zh.as_deref(), Some("青岛市"));
        assert_eq!(node.label_en.as_deref(), Some("Qingdao"));
        assert_eq!(node.kind, Some(EntityType::City));
        assert_eq!(node.aliases, vec!["岛城", "琴岛"]);
    }

    #[test]
    fn filter_by_type_predicate_and_document() {
        let g = cities();
        let places = g.filter(&Filter {
            types: vec![EntityType::City, EntityType::Country, EntityType::Province],
            ..Filter::default()
        });
        assert_eq!(places.node_count(), 8);
        // Everything between places, including Japan's trade with Qingdao.
        assert_eq!(places.edge_count(), 7);

        let sister = g.filter(&Filter {
            predicates: vec![Predicate::FriendshipCity],
            ..Filter::default()
        });
        assert_eq!((sister.node_count(), sister.edge_count()), (2, 1));
        assert_eq!(
            sister
                .find("下关市")
                .map(|i| sister.node(i).iri.as_str())
                .ok(),
            Some("https://w3id.org/cckg/id/city/shimonoseki")
        );

        let a3 = g.filter(&Filter {
            documents: vec!["https://w3id.org/cckg/id/doc/a3".into()],
            ..Filter::default()
        });
        assert_eq!((a3.node_count(), a3.edge_count()), (3, 2));
        // The friendship is stated by a1 and a2: either keeps it, with its weight.
        let a2 = g.filter(&Filter {
            documents: vec!["https://w3id.org/cckg/id/doc/a2".into()],
            ..Filter::default()
        });
        assert!(a2.edges().any(|(_, _, _, l)| l.data.predicate == Predicate::FriendshipCity && l.sources == 2));
        assert_eq!(g.filter(&Filter::default()).edge_count(), g.edge_count());
    }

    #[test]
    fn ego_network_by_undirected_radius() {
        let g = path(7);
        let centre = NodeIndex::new(3);
        let ego = g.ego(centre, 2);
        assert_eq!(ego.node_count(), 5);
        assert_eq!(ego.edge_count(), 4);
        assert_eq!(g.ego(centre, 0).node_count(), 1);
        let c = cities();
        let zhang = c.find("张伟").expect("fixture");
        let around = c.ego(zhang, 1);
        assert_eq!(
            around.node_count(),
            2,
            "positionAt points away from the person: direction is ignored"
        );
    }
}
