//! Extraction speed in MB/s of article text on a generated corpus, beside jieba-rs
//! segmentation of the same text (the reference), single-threaded and with rayon.
//!
//! `cargo bench --bench extract`; figures in docs/benchmarks.md.

use cckg::extract::Extractor;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use std::path::Path;

/// A corpus of generated articles: the sentences of the bundled samples shuffled into
/// new articles (a fixed linear congruential sequence, so every run sees the same text).
fn generated_corpus(articles: usize) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus");
    let mut sentences: Vec<String> = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("data/corpus")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(file).expect("article");
        sentences.extend(text.split_inclusive(['。', '\n']).map(str::to_owned));
    }
    let mut state: u64 = 42;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        (state >> 33) as usize
    };
    (0..articles)
        .map(|_| {
            (0..40)
                .map(|_| sentences[next() % sentences.len()].as_str())
                .collect()
        })
        .collect()
}

fn bench_extract(c: &mut Criterion) {
    let extractor = Extractor::new().expect("extractor");
    let corpus = generated_corpus(2000);
    let bytes: usize = corpus.iter().map(String::len).sum();
    eprintln!(
        "extract bench: {} articles, {:.1} MB",
        corpus.len(),
        bytes as f64 / 1e6
    );
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("cckg extract, 1 thread", |b| {
        b.iter(|| {
            corpus
                .iter()
                .map(|t| extractor.extract("a.txt", t).entities.len())
                .sum::<usize>()
        });
    });
    group.bench_function("cckg extract, rayon", |b| {
        b.iter(|| {
            corpus
                .par_iter()
                .map(|t| extractor.extract("a.txt", t).entities.len())
                .sum::<usize>()
        });
    });
    let jieba = jieba_rs::Jieba::new();
    group.bench_function("jieba-rs cut (reference), 1 thread", |b| {
        b.iter(|| {
            corpus
                .iter()
                .map(|t| jieba.cut(t, true).len())
                .sum::<usize>()
        });
    });
    group.finish();
}

fn bench_startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    group.sample_size(10);
    group.bench_function("Extractor::new (gazetteers + rules + jieba)", |b| {
        b.iter(|| Extractor::new().expect("extractor"));
    });
    group.finish();
}

criterion_group!(benches, bench_extract, bench_startup);
criterion_main!(benches);
