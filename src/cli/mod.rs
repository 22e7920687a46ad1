//! Command-line interface: argument definitions (their doc comments are the help text)
//! and dispatch to one function per command.

mod build;
mod graph;
mod output;
mod serve;

use anyhow::{Context, Result, bail};
use cckg::extract::Extractor;
use cckg::store::{ExportFormat, QueryOptions, Store};
use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

/// cckg: knowledge graphs of city and country cooperation from news articles.
///
/// Extracts entities, relations and quantitative facts (with their evidence) from
/// Chinese and English articles, stores them as RDF in an on-disk oxigraph store,
/// answers SPARQL, draws diagrams and exports standard RDF.
#[derive(Parser, Debug)]
#[command(name = "cckg", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Debug, Clone)]
pub(crate) struct Global {
    /// Directory of the on-disk store [default: cckg-store; for `build`: OUT/store].
    #[arg(long, global = true, env = "CCKG_STORE")]
    store: Option<PathBuf>,
    /// Extra gazetteer (*.tsv) and rule (*.toml) files that extend the built-in ones.
    #[arg(long, global = true, env = "CCKG_DATA")]
    data: Option<PathBuf>,
}

impl Global {
    fn store_path(&self) -> PathBuf {
        self.store
            .clone()
            .unwrap_or_else(|| PathBuf::from("cckg-store"))
    }
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract, store, query, draw and export in one go (default: the bundled sample corpus).
    Build(build::BuildArgs),
    /// Extract articles (.txt files or folders of them) into the store, one named graph each.
    Ingest {
        /// Files or folders of .txt articles (UTF-8 or GB18030).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Send the articles to a running `cckg serve` (its base URL, e.g. http://127.0.0.1:7878)
        /// instead of opening the store, which the server holds.
        #[arg(long)]
        endpoint: Option<String>,
        /// The server's update token, for --endpoint.
        #[arg(long, env = "CCKG_UPDATE_TOKEN", hide_env_values = true)]
        token: Option<String>,
    },
    /// Print the extraction of articles without storing it.
    Extract {
        /// Article files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: ExtractFormat,
    },
    /// Score extractions against gold annotations (*.gold.json files or folders).
    Eval {
        /// Gold files or folders of them.
        #[arg(required = true)]
        gold: Vec<PathBuf>,
        /// Folder of the articles the gold files name (default: `../corpus` beside each gold folder, then the gold folder itself).
        #[arg(long)]
        corpus: Option<PathBuf>,
        /// List missed and extra items.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Import RDF files (Turtle, N-Triples, N-Quads, TriG, RDF/XML, JSON-LD) with the bulk loader.
    Load {
        /// RDF files; the format comes from the extension.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Named graph for triples (default: file://<absolute path of the file>).
        #[arg(long)]
        graph: Option<String>,
    },
    /// Run a SPARQL 1.1 query (cc:, schema:, wd:, wdt:, prov:, skos:, rdfs:, rdf:, owl:, xsd: are pre-declared).
    Query {
        /// The query text (or use -f).
        query: Option<String>,
        /// Read the query from a file.
        #[arg(short = 'f', long = "file", conflicts_with = "query")]
        file: Option<PathBuf>,
        /// Result format (default: table in a terminal, CSV when piped; Turtle for graphs).
        #[arg(long, value_enum)]
        format: Option<output::ResultFormat>,
        /// Default graph = the store's default graph only, as in plain SPARQL (default: union of all graphs).
        #[arg(long)]
        named_graphs_only: bool,
        /// Give up after this many seconds.
        #[arg(long)]
        timeout: Option<u64>,
    },
    /// Run a SPARQL 1.1 update, e.g. to correct a fact by hand.
    Update {
        /// The update text (or use -f).
        update: Option<String>,
        /// Read the update from a file.
        #[arg(short = 'f', long = "file", conflicts_with = "update")]
        file: Option<PathBuf>,
    },
    /// Write the store as RDF (triple formats: union of all graphs; quad formats keep the graphs).
    Export {
        /// Serialisation.
        #[arg(long, value_enum, default_value = "turtle")]
        format: ExportArg,
        /// Output file (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Only this named graph (a document IRI).
        #[arg(long)]
        graph: Option<String>,
        /// Include the cckg ontology.
        #[arg(long)]
        with_ontology: bool,
    },
    /// Draw a relationship diagram with Graphviz (SVG, PNG, PDF or DOT).
    Draw(graph::DrawArgs),
    /// Graph analytics: degree, betweenness, PageRank, components, communities, bridges.
    Analyze(graph::AnalyzeArgs),
    /// The shortest path(s) between two entities, hop by hop with the evidence.
    Path(graph::PathArgs),
    /// The entities around one entity, grouped by predicate.
    Neighbors(graph::NeighborsArgs),
    /// Serve the store over HTTP: SPARQL 1.1 Protocol, Graph Store Protocol and a web page.
    Serve(serve::ServeArgs),
    /// Counts by class, by predicate and by document.
    Stats {
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: StatsFormat,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ExtractFormat {
    /// One JSON document per file (the evaluation schema), an array for several files.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// The quads the store would hold, as TriG.
    Turtle,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum ExportArg {
    Turtle,
    Ntriples,
    Nquads,
    Trig,
    Rdfxml,
    Jsonld,
}

impl From<ExportArg> for ExportFormat {
    fn from(arg: ExportArg) -> Self {
        match arg {
            ExportArg::Turtle => Self::Turtle,
            ExportArg::Ntriples => Self::NTriples,
            ExportArg::Nquads => Self::NQuads,
            ExportArg::Trig => Self::TriG,
            ExportArg::Rdfxml => Self::RdfXml,
            ExportArg::Jsonld => Self::JsonLd,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum StatsFormat {
    Table,
    Json,
}

/// Runs one command.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let global = cli.global;
    match cli.command {
        Command::Build(args) => build::run(&global, &args),
        Command::Serve(args) => serve::run(&global, &args),
        Command::Draw(args) => graph::draw(&global, &args),
        Command::Analyze(args) => graph::analyze(&global, &args),
        Command::Path(args) => graph::path(&global, &args),
        Command::Neighbors(args) => graph::neighbors(&global, &args),
        Command::Ingest {
            paths,
            endpoint: Some(endpoint),
            token,
        } => Ok(exit_code(ingest_remote(
            &endpoint,
            token.as_deref(),
            &paths,
        )?)),
        Command::Ingest { paths, .. } => {
            let store = open_store(&global.store_path())?;
            let extractor = extractor(&global)?;
            let ok = ingest(&store, &extractor, &paths)?;
            Ok(exit_code(ok))
        }
        Command::Extract { files, format } => extract(&global, &files, format),
        Command::Eval {
            gold,
            corpus,
            verbose,
        } => eval(&global, &gold, corpus.as_deref(), verbose),
        Command::Load { files, graph } => load(&global, &files, graph.as_deref()),
        Command::Query {
            query,
            file,
            format,
            named_graphs_only,
            timeout,
        } => {
            let text = text_or_file(query, file.as_deref(), "query")?;
            let store = open_store(&global.store_path())?;
            let options = QueryOptions {
                named_graphs_only,
                timeout: timeout.map(Duration::from_secs),
            };
            let results = store.query(&text, &options)?;
            let stdout = std::io::stdout();
            let terminal = stdout.is_terminal();
            output::write_results(results, format, terminal, &mut stdout.lock())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Update { update, file } => {
            let text = text_or_file(update, file.as_deref(), "update")?;
            let store = open_store(&global.store_path())?;
            let before = store.oxigraph().len()?;
            store.update(&text)?;
            let after = store.oxigraph().len()?;
            eprintln!("update done: {before} → {after} quads");
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            format,
            output,
            graph,
            with_ontology,
        } => {
            let store = open_store(&global.store_path())?;
            let graph = graph
                .map(|g| {
                    oxigraph::model::NamedNode::new(&g)
                        .with_context(|| format!("--graph {g}: not an IRI"))
                })
                .transpose()?;
            match output {
                Some(path) => {
                    let file = std::fs::File::create(&path)
                        .with_context(|| format!("cannot create {}", path.display()))?;
                    let mut writer = std::io::BufWriter::new(file);
                    store.export(&mut writer, format.into(), graph.as_ref(), with_ontology)?;
                    writer.flush()?;
                }
                None => {
                    let stdout = std::io::stdout();
                    let mut writer = std::io::BufWriter::new(stdout.lock());
                    store.export(&mut writer, format.into(), graph.as_ref(), with_ontology)?;
                    writer.flush()?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Stats { format } => {
            let store = open_store(&global.store_path())?;
            let stats = store.stats()?;
            let mut out = std::io::stdout().lock();
            match format {
                StatsFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&stats)?)?,
                StatsFormat::Table => output::write_stats(&stats, &mut out)?,
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn exit_code(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

pub(crate) fn open_store(path: &Path) -> Result<Store> {
    Ok(Store::open(path)?)
}

pub(crate) fn extractor(global: &Global) -> Result<Extractor> {
    Ok(match &global.data {
        Some(dir) => Extractor::with_data_dir(dir)?,
        None => Extractor::new()?,
    })
}

fn text_or_file(text: Option<String>, file: Option<&Path>, what: &str) -> Result<String> {
    match (text, file) {
        (Some(text), _) => Ok(text),
        (None, Some(path)) => {
            std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
        }
        (None, None) => bail!("give the {what} as an argument or with -f FILE"),
    }
}

fn progress_bar(len: usize, what: &str) -> ProgressBar {
    let bar = ProgressBar::new(len as u64);
    bar.set_style(
        ProgressStyle::with_template(&format!(
            "{{spinner}} {what} {{bar:40}} {{pos}}/{{len}} {{per_sec}} ETA {{eta}}"
        ))
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

/// Ingests `paths`, prints a summary line and every failure; `false` if any failed.
pub(crate) fn ingest(store: &Store, extractor: &Extractor, paths: &[PathBuf]) -> Result<bool> {
    let files = cckg::ingest::collect_articles(paths)?;
    if files.is_empty() {
        bail!(
            "no .txt articles in {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let bar = progress_bar(files.len(), "ingest");
    let report = cckg::ingest::ingest(store, extractor, &files, &|_| bar.inc(1));
    bar.finish_and_clear();
    for (path, error) in &report.failed {
        eprintln!("cckg: skipped {}: {error}", path.display());
    }
    let documents = report.added + report.replaced;
    eprintln!(
        "ingested {documents} documents ({} new, {} replaced, {} unchanged, {} failed): {} entities, {} statements, {} quads in {:.2} s",
        report.added,
        report.replaced,
        report.unchanged,
        report.failed.len(),
        report.entities,
        report.statements,
        report.quads,
        report.seconds
    );
    Ok(report.failed.is_empty())
}

/// Posts each article to `ENDPOINT/ingest`; the server extracts and stores it, one
/// document per transaction, while it goes on answering queries.
fn ingest_remote(endpoint: &str, token: Option<&str>, paths: &[PathBuf]) -> Result<bool> {
    let files = cckg::ingest::collect_articles(paths)?;
    let bar = progress_bar(files.len(), "ingest");
    let agent = ureq::Agent::new_with_defaults();
    let (mut counts, mut quads, mut failed) = (std::collections::BTreeMap::new(), 0u64, 0usize);
    for file in &files {
        bar.inc(1);
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(e) => {
                bar.suspend(|| eprintln!("cckg: skipped {}: {e}", file.display()));
                failed += 1;
                continue;
            }
        };
        let source = std::path::absolute(file)
            .unwrap_or_else(|_| file.clone())
            .display()
            .to_string();
        let url = format!("{}/ingest", endpoint.trim_end_matches('/'));
        let mut request = agent.post(&url).query("source", &source);
        if let Some(token) = token {
            request = request.header("Authorization", &format!("Bearer {token}"));
        }
        let outcome = request
            .config()
            .http_status_as_error(false)
            .build()
            .send(&bytes[..])
            .with_context(|| format!("cannot reach {url}"))?;
        let status = outcome.status().as_u16();
        let body = outcome.into_body().read_to_string().unwrap_or_default();
        if status >= 400 {
            bar.suspend(|| {
                eprintln!(
                    "cckg: skipped {}: the server answered {status}: {}",
                    file.display(),
                    body.trim()
                )
            });
            failed += 1;
            if status == 401 || status == 403 {
                bar.finish_and_clear();
                bail!(
                    "{url} refused the token ({status}); give the server's --update-token with --token or CCKG_UPDATE_TOKEN"
                );
            }
            continue;
        }
        let answer: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
        *counts
            .entry(answer["change"].as_str().unwrap_or("?").to_owned())
            .or_insert(0usize) += 1;
        quads += answer["quads"].as_u64().unwrap_or(0);
    }
    bar.finish_and_clear();
    let count = |k: &str| counts.get(k).copied().unwrap_or(0);
    eprintln!(
        "sent {} documents to {endpoint}: {} new, {} replaced, {} unchanged, {failed} failed; {quads} quads",
        files.len(),
        count("added"),
        count("replaced"),
        count("unchanged"),
    );
    Ok(failed == 0)
}

fn extract(global: &Global, files: &[PathBuf], format: ExtractFormat) -> Result<ExitCode> {
    let extractor = extractor(global)?;
    let mut ok = true;
    let mut extractions = Vec::new();
    for file in files {
        match cckg::ingest::read_and_extract(&extractor, file) {
            Ok(pair) => extractions.push(pair),
            Err(e) => {
                eprintln!("cckg: skipped {}: {e}", file.display());
                ok = false;
            }
        }
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match format {
        ExtractFormat::Json if extractions.len() == 1 => {
            writeln!(out, "{}", serde_json::to_string_pretty(&extractions[0].1)?)?;
        }
        ExtractFormat::Json => {
            let all: Vec<_> = extractions.iter().map(|(_, x)| x).collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&all)?)?;
        }
        ExtractFormat::Jsonl => {
            for (_, x) in &extractions {
                writeln!(out, "{}", serde_json::to_string(x)?)?;
            }
        }
        ExtractFormat::Turtle => {
            let mut serializer =
                oxigraph::io::RdfSerializer::from_format(oxigraph::io::RdfFormat::TriG);
            for (prefix, iri) in cckg::vocab::PREFIXES {
                serializer = serializer.with_prefix(*prefix, *iri)?;
            }
            let mut writer = serializer.for_writer(&mut out);
            for (info, x) in &mut extractions {
                cckg::ingest::canonicalise(&extractor, x);
                for quad in cckg::rdf::extraction_quads(x, info) {
                    writer.serialize_quad(&quad)?;
                }
            }
            writer.finish()?;
        }
    }
    out.flush()?;
    Ok(exit_code(ok))
}

fn eval(
    global: &Global,
    gold: &[PathBuf],
    corpus: Option<&Path>,
    verbose: bool,
) -> Result<ExitCode> {
    let extractor = extractor(global)?;
    let mut files = Vec::new();
    for path in gold {
        if path.is_dir() {
            for entry in std::fs::read_dir(path)
                .with_context(|| format!("cannot read {}", path.display()))?
            {
                let p = entry?.path();
                if p.to_string_lossy().ends_with(".gold.json") {
                    files.push(p);
                }
            }
        } else {
            files.push(path.clone());
        }
    }
    files.sort();
    if files.is_empty() {
        bail!("no *.gold.json files in the given paths");
    }
    let mut pairs = Vec::new();
    for gold_path in &files {
        let gold = cckg::eval::GoldFile::from_path(gold_path)?;
        let article = locate_article(gold_path, &gold.document, corpus).with_context(|| {
            format!(
                "{}: article {} not found (use --corpus DIR)",
                gold_path.display(),
                gold.document
            )
        })?;
        let (_, predicted) = cckg::ingest::read_and_extract(&extractor, &article)?;
        pairs.push((gold, predicted));
    }
    let score = cckg::eval::score_all(&pairs);
    print!("{}", cckg::eval::report(&score, verbose));
    Ok(ExitCode::SUCCESS)
}

fn locate_article(gold_path: &Path, document: &str, corpus: Option<&Path>) -> Option<PathBuf> {
    let dir = gold_path.parent().unwrap_or(Path::new("."));
    let candidates = [
        corpus.map(|c| c.join(document)),
        Some(dir.join("../corpus").join(document)),
        Some(dir.join(document)),
    ];
    candidates.into_iter().flatten().find(|p| p.is_file())
}

fn load(global: &Global, files: &[PathBuf], graph: Option<&str>) -> Result<ExitCode> {
    let store = open_store(&global.store_path())?;
    let graph = graph
        .map(|g| {
            oxigraph::model::NamedNode::new(g).with_context(|| format!("--graph {g}: not an IRI"))
        })
        .transpose()?;
    let mut ok = true;
    for file in files {
        match store.load(file, graph.clone()) {
            Ok(n) => eprintln!("loaded {}: {n} new quads", file.display()),
            Err(e) => {
                eprintln!("cckg: {e}");
                ok = false;
            }
        }
    }
    Ok(exit_code(ok))
}
