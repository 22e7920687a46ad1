//! Benchmarks of drawing a generated network of 2 000 entities: building the DOT, and
//! laying it out and rendering SVG with `sfdp` (needs Graphviz installed).
//!
//! `cargo bench --bench draw`. With `CCKG_DRAW_OUT=dir` it also writes the DOT, SVG and
//! PNG there, to look at.

use cckg::graph::{EdgeData, KnowledgeGraph, NodeData};
use cckg::model::{EntityType, Predicate};
use cckg::render::{DrawOptions, Format, Lang, Layout, render, to_dot};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

const NODES: usize = 2_000;

/// A preferential-attachment network: each new entity ties to two earlier ones, chosen
/// in proportion to their ties, so a few hubs emerge as in real cooperation networks.
fn network() -> KnowledgeGraph {
    let mut state = 7u64;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let iri = |i: usize| format!("https://w3id.org/cckg/id/e/{i:05}");
    let kinds = [
        EntityType::City,
        EntityType::Company,
        EntityType::Person,
        EntityType::GovernmentBody,
        EntityType::Bank,
    ];
    let mut nodes: Vec<NodeData> = (0..10)
        .map(|c| NodeData {
            kind: Some(EntityType::Country),
            label_zh: Some(format!("国家{c}")),
            label_en: Some(format!("Country {c}")),
            ..NodeData::new(iri(c))
        })
        .collect();
    let mut ends: Vec<usize> = (0..10).collect();
    let mut edges = Vec::new();
    for i in 10..NODES {
        let kind = kinds[next(kinds.len())];
        nodes.push(NodeData {
            kind: Some(kind),
            label_zh: Some(format!("实体{i}")),
            label_en: Some(format!("Entity {i}")),
            country: Some(iri(i % 10)),
            ..NodeData::new(iri(i))
        });
        for _ in 0..2 {
            let j = ends[next(ends.len())];
            let predicate = Predicate::ALL[next(Predicate::ALL.len())];
            edges.push((iri(i), iri(j), EdgeData::new(predicate)));
            ends.push(i);
            ends.push(j);
        }
    }
    KnowledgeGraph::from_parts(nodes, edges)
}

fn benches(c: &mut Criterion) {
    let graph = network();
    let options = DrawOptions {
        lang: Lang::Zh,
        layout: Layout::Sfdp,
        max_nodes: None,
        cluster_by_country: false,
        title: Some(format!("{} 个实体", graph.node_count())),
    };
    let dot = to_dot(&graph, &options).dot;
    if let Some(dir) = std::env::var_os("CCKG_DRAW_OUT") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::write(dir.join("draw-2000.dot"), &dot).expect("write DOT");
        for format in [Format::Svg, Format::Png] {
            let bytes = render(&dot, Layout::Sfdp, format).expect("graphviz");
            std::fs::write(dir.join(format!("draw-2000.{}", format.extension())), bytes)
                .expect("write");
        }
    }
    let mut group = c.benchmark_group("draw_2000_nodes");
    group.sample_size(10).warm_up_time(Duration::from_secs(1));
    group.bench_function("to_dot", |b| b.iter(|| to_dot(black_box(&graph), &options)));
    group.measurement_time(Duration::from_secs(30));
    group.bench_function("render_svg_sfdp", |b| {
        b.iter(|| render(black_box(&dot), Layout::Sfdp, Format::Svg).expect("graphviz"))
    });
    group.finish();
}

criterion_group!(draw, benches);
criterion_main!(draw);
