//! `cckg build`: the main job in one command.

use super::{Global, extractor, ingest, open_store, output};
use anyhow::{Context, Result};
use cckg::store::{ExportFormat, QueryOptions, Store};
use clap::Args;
use oxigraph::sparql::QueryResults;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct BuildArgs {
    /// Files or folders of articles [default: the bundled sample corpus, data/corpus].
    corpus: Vec<PathBuf>,
    /// Folder for the results: kg.ttl, kg.jsonld, kg.nq, queries/*.csv, diagrams.
    #[arg(long, default_value = "out")]
    out: PathBuf,
}

/// The bundled corpus: `data/corpus` here, else the one in the source tree cckg was built from.
fn bundled_corpus() -> PathBuf {
    let local = PathBuf::from("data/corpus");
    if local.is_dir() {
        local
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus")
    }
}

pub fn run(global: &Global, args: &BuildArgs) -> Result<ExitCode> {
    let corpus = if args.corpus.is_empty() {
        vec![bundled_corpus()]
    } else {
        args.corpus.clone()
    };
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let store_path = global
        .store
        .clone()
        .unwrap_or_else(|| args.out.join("store"));
    let store = open_store(&store_path)?;
    let extractor = extractor(global)?;
    let ok = ingest(&store, &extractor, &corpus)?;

    for (name, format) in [
        ("kg.ttl", ExportFormat::Turtle),
        ("kg.jsonld", ExportFormat::JsonLd),
        ("kg.nq", ExportFormat::NQuads),
    ] {
        let path = args.out.join(name);
        let file = std::fs::File::create(&path)
            .with_context(|| format!("cannot create {}", path.display()))?;
        let mut writer = std::io::BufWriter::new(file);
        store.export(&mut writer, format, None, false)?;
        writer.flush()?;
    }

    let queries_dir = args.out.join("queries");
    std::fs::create_dir_all(&queries_dir)?;
    let mut answered = 0;
    for (name, text) in cckg::cookbook::QUERIES {
        let results = store
            .query(text, &QueryOptions::default())
            .with_context(|| format!("cookbook query {name}"))?;
        let path = queries_dir.join(format!("{name}.csv"));
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path)?);
        output::write_results(results, Some(output::ResultFormat::Csv), false, &mut file)?;
        file.flush()?;
        answered += 1;
    }

    report(&store, &args.out, answered)?;
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// A short account of what the graph holds, and where the files are.
fn report(store: &Store, out: &Path, answered: usize) -> Result<()> {
    let stats = store.stats()?;
    let entities: usize = stats.classes.values().sum();
    let relations: usize = stats.predicates.values().sum();
    let facts = count(
        store,
        "SELECT (COUNT(?o) AS ?n) WHERE { ?o a cc:Observation }",
    )?;
    println!(
        "cckg build: {} documents → {} entities, {} relations, {} facts ({} quads)",
        stats.documents, entities, relations, facts, stats.quads
    );
    let mut rows = Vec::new();
    if let QueryResults::Solutions(solutions) = store.query(
        cckg::cookbook::QUERIES
            .iter()
            .find(|(n, _)| *n == "sister-cities")
            .map(|(_, q)| *q)
            .unwrap_or_default(),
        &QueryOptions::default(),
    )? {
        for solution in solutions.take(8) {
            let solution = solution?;
            let get = |v: &str| {
                solution
                    .get(v)
                    .map(cckg::store::term_text)
                    .unwrap_or_default()
            };
            let tie = get("tie").rsplit('#').next().unwrap_or_default().to_owned();
            rows.push(vec![get("aName"), tie, get("bName")]);
        }
    }
    if !rows.is_empty() {
        println!("\nsister and partner cities (first {}):", rows.len());
        output::write_table(
            &["city".into(), "tie".into(), "partner".into()],
            &rows,
            &mut std::io::stdout(),
        )?;
    }
    println!(
        "\nwrote {}: kg.ttl, kg.jsonld, kg.nq, queries/ ({answered} cookbook answers)",
        out.display()
    );
    Ok(())
}

fn count(store: &Store, sparql: &str) -> Result<usize> {
    if let QueryResults::Solutions(mut solutions) = store.query(sparql, &QueryOptions::default())?
        && let Some(solution) = solutions.next()
    {
        let solution = solution?;
        if let Some(n) = solution.get("n") {
            return Ok(cckg::store::term_text(n).parse().unwrap_or(0));
        }
    }
    Ok(0)
}
