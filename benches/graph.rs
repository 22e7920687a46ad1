//! Benchmarks of the projection and its analytics on a generated graph of 100 000
//! entities and 1 000 000 statements (a corpus far bigger than the bundled one).
//!
//! `cargo bench --bench graph` — a few minutes on two cores (10 samples each).

use cckg::graph::{
    EdgeData, KnowledgeGraph, NodeData, betweenness_centrality_sampled, connected_components,
    page_rank,
};
use cckg::model::{EntityType, Predicate};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

const NODES: usize = 100_000;
const EDGES: usize = 1_000_000;
/// Pivots of the sampled betweenness.
const PIVOTS: usize = 32;

/// SplitMix64, so that every run benchmarks the same graph.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Entities with labels and countries; statements whose objects favour low-numbered
/// entities (a few hubs, as capitals and big cities are in news), 5 % repeated by a
/// second document.
fn parts() -> (Vec<NodeData>, Vec<(String, String, EdgeData)>) {
    let mut rng = Rng(2026);
    let iri = |i: usize| format!("https://w3id.org/cckg/id/e/{i}");
    let nodes = (0..NODES)
        .map(|i| NodeData {
            kind: Some(EntityType::ALL[i % EntityType::ALL.len()]),
            label_zh: Some(format!("实体{i}")),
            label_en: Some(format!("Entity {i}")),
            country: Some(iri(i % 50)),
            ..NodeData::new(iri(i))
        })
        .collect();
    let mut edges = Vec::with_capacity(EDGES);
    while edges.len() < EDGES {
        let s = rng.below(NODES);
        // Squaring a uniform draw skews objects towards the hubs.
        let u = rng.below(NODES);
        let o = u * u / NODES;
        let predicate = Predicate::ALL[rng.below(Predicate::ALL.len())];
        let data = EdgeData {
            evidence: Some(format!("statement {}", edges.len())),
            document: Some(format!(
                "https://w3id.org/cckg/id/doc/{}",
                rng.below(20_000)
            )),
            ..EdgeData::new(predicate)
        };
        if rng.below(20) == 0 {
            edges.push((iri(s), iri(o), data.clone()));
        }
        edges.push((iri(s), iri(o), data));
    }
    edges.truncate(EDGES);
    (nodes, edges)
}

fn benches(c: &mut Criterion) {
    let (nodes, edges) = parts();
    let graph = KnowledgeGraph::from_parts(nodes.clone(), edges.clone());
    eprintln!(
        "generated graph: {} nodes, {} edges from {} statements",
        graph.node_count(),
        graph.edge_count(),
        EDGES
    );
    let mut group = c.benchmark_group("graph_100k_nodes_1m_statements");
    group.sample_size(10).warm_up_time(Duration::from_secs(1));
    group.bench_function("from_parts", |b| {
        b.iter_batched(
            || (nodes.clone(), edges.clone()),
            |(nodes, edges)| KnowledgeGraph::from_parts(nodes, edges),
            BatchSize::PerIteration,
        )
    });
    group.bench_function("page_rank", |b| {
        b.iter(|| page_rank(black_box(&graph), 0.85))
    });
    group.bench_function("connected_components", |b| {
        b.iter(|| connected_components(black_box(&graph)))
    });
    group.bench_function(format!("betweenness_sampled_{PIVOTS}_pivots"), |b| {
        b.iter(|| betweenness_centrality_sampled(black_box(&graph), PIVOTS, 1))
    });
    group.finish();
}

criterion_group!(graph, benches);
criterion_main!(graph);
