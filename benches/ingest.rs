//! Ingest throughput in quads/s: cckg's per-document transactions against oxigraph's own
//! bulk loader on the same quads, side by side, plus the whole pipeline with extraction.
//!
//! `cargo bench --bench ingest`; figures in docs/benchmarks.md.

use cckg::extract::Extractor;
use cckg::rdf::{DocumentInfo, extraction_quads};
use cckg::store::Store;
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use oxigraph::model::Quad;
use std::path::{Path, PathBuf};

/// Copies of each bundled article: distinct bytes, so distinct documents.
const COPIES: usize = 40;

fn sample_texts() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus");
    let mut texts: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("data/corpus")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, std::fs::read_to_string(&p).expect("article"))
        })
        .collect();
    texts.sort();
    texts
}

fn documents(extractor: &Extractor) -> Vec<(DocumentInfo, Vec<Quad>)> {
    let mut out = Vec::new();
    for (name, text) in sample_texts() {
        let extraction = extractor.extract(&name, &text);
        for copy in 0..COPIES {
            let bytes = format!("{text}\n{copy}");
            let info = DocumentInfo::new(bytes.as_bytes(), format!("/bench/{copy}/{name}"));
            out.push((info.clone(), extraction_quads(&extraction, &info)));
        }
    }
    out
}

fn bench_ingest(c: &mut Criterion) {
    let extractor = Extractor::new().expect("extractor");
    let docs = documents(&extractor);
    let quads: usize = docs.iter().map(|(_, q)| q.len()).sum();
    let mut group = c.benchmark_group("ingest");
    group.sample_size(10);
    group.throughput(Throughput::Elements(quads as u64));

    group.bench_function(
        "cckg replace_document (one transaction per document)",
        |b| {
            b.iter_batched(
                || tempfile::tempdir().expect("tempdir"),
                |dir| {
                    let store = Store::open(dir.path()).expect("store");
                    for (info, quads) in &docs {
                        store.replace_document(info, quads).expect("write");
                    }
                    dir
                },
                BatchSize::PerIteration,
            );
        },
    );

    group.bench_function("oxigraph bulk loader (baseline, same quads)", |b| {
        b.iter_batched(
            || tempfile::tempdir().expect("tempdir"),
            |dir| {
                let store = oxigraph::store::Store::open(dir.path()).expect("store");
                store
                    .bulk_loader()
                    .load_quads(docs.iter().flat_map(|(_, q)| q.iter().cloned()))
                    .expect("load");
                dir
            },
            BatchSize::PerIteration,
        );
    });

    let corpus = tempfile::tempdir().expect("tempdir");
    let mut files: Vec<PathBuf> = Vec::new();
    for (name, text) in sample_texts() {
        for copy in 0..COPIES {
            let path = corpus.path().join(format!("{copy}-{name}"));
            std::fs::write(&path, format!("{text}\n{copy}")).expect("write");
            files.push(path);
        }
    }
    group.bench_function("cckg ingest (read + extract + store)", |b| {
        b.iter_batched(
            || tempfile::tempdir().expect("tempdir"),
            |dir| {
                let store = Store::open(dir.path()).expect("store");
                let report = cckg::ingest::ingest(&store, &extractor, &files, &|_| {});
                assert!(report.failed.is_empty());
                dir
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
    eprintln!(
        "ingest bench: {} documents, {quads} quads per iteration",
        docs.len()
    );
}

criterion_group!(benches, bench_ingest);
criterion_main!(benches);
