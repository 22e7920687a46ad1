//! `cckg build`: the main job in one command.

use super::{Global, extractor, ingest, open_store, output};
use anyhow::{Context, Result};
use cckg::graph::{Filter, KnowledgeGraph};
use cckg::model::{EntityType, Predicate};
use cckg::render::{DrawOptions, Format, Lang, Layout};
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

    let diagrams = draw_diagrams(&store, &args.out)?;
    report(&store, &args.out, answered, &diagrams)?;
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Predicates that make a city part of the cooperation network.
const COOPERATION: &[Predicate] = &[
    Predicate::FriendshipCity,
    Predicate::EconomicPartnerCity,
    Predicate::CooperatesWith,
    Predicate::TradePartner,
    Predicate::InvestmentSource,
    Predicate::InvestsIn,
];

/// The overview diagram and one ego diagram per city with cooperation relations, as SVG
/// (as DOT when Graphviz is missing, with a warning). Returns the files written.
fn draw_diagrams(store: &Store, out: &Path) -> Result<Vec<PathBuf>> {
    let graph = KnowledgeGraph::from_store(store, &Filter::default())?;
    let mut written = Vec::new();
    if graph.node_count() == 0 {
        return Ok(written);
    }
    let mut jobs = vec![(
        out.join("overview.svg"),
        graph.clone(),
        DrawOptions {
            lang: Lang::Zh,
            layout: Layout::Sfdp,
            max_nodes: Some(OVERVIEW_NODES),
            cluster_by_country: false,
            title: Some("cckg overview".into()),
        },
    )];
    let ego_dir = out.join("ego");
    std::fs::create_dir_all(&ego_dir)?;
    for (index, node) in graph.nodes() {
        let cooperates = node.kind == Some(EntityType::City)
            && graph.edges().any(|(_, a, b, link)| {
                (a == index || b == index) && COOPERATION.contains(&link.data.predicate)
            });
        if !cooperates {
            continue;
        }
        let name = node
            .label_en
            .clone()
            .unwrap_or_else(|| node.name().to_owned());
        let file: String = name
            .chars()
            .map(|c| {
                if c.is_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        jobs.push((
            ego_dir.join(format!("{file}.svg")),
            graph.ego(index, 1),
            DrawOptions {
                lang: Lang::Both,
                layout: Layout::Dot,
                max_nodes: Some(EGO_NODES),
                cluster_by_country: false,
                title: Some(format!("{} — {name}", node.name())),
            },
        ));
    }
    for (path, graph, options) in jobs {
        let dot = cckg::render::to_dot(&graph, &options);
        match cckg::render::render(&dot.dot, options.layout, Format::Svg) {
            Ok(svg) => std::fs::write(&path, svg)?,
            Err(cckg::Error::GraphvizMissing { .. }) => {
                let path = path.with_extension("dot");
                std::fs::write(&path, dot.dot)?;
                eprintln!(
                    "cckg: Graphviz is missing, wrote {} (install it: apt-get install graphviz fonts-noto-cjk)",
                    path.display()
                );
            }
            Err(e) => return Err(e.into()),
        }
        written.push(path);
    }
    Ok(written)
}

/// The overview keeps the most connected entities: beyond this a page gets unreadable.
const OVERVIEW_NODES: usize = 60;
/// Ego diagrams stay readable up to about this many neighbours.
const EGO_NODES: usize = 40;

/// A short account of what the graph holds, and where the files are.
fn report(store: &Store, out: &Path, answered: usize, diagrams: &[PathBuf]) -> Result<()> {
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
        "\nwrote {}: kg.ttl, kg.jsonld, kg.nq, queries/ ({answered} cookbook answers), overview.svg and {} ego diagrams in ego/",
        out.display(),
        diagrams.len().saturating_sub(1)
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
