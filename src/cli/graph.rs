//! `cckg draw`, `analyze`, `path` and `neighbors`: the petgraph projection of the store.

use super::{Global, open_store, output};
use anyhow::{Context, Result, bail};
use cckg::graph::{AnalysisOptions, EdgeData, Filter, KnowledgeGraph, NodeData};
use cckg::model::{EntityType, Predicate};
use cckg::render::{DrawOptions, Format, Lang, Layout};
use cckg::store::{QueryOptions, Store, term_text};
use clap::{Args, ValueEnum};
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Which part of the graph to take.
#[derive(Args, Debug, Clone, Default)]
pub struct Selection {
    /// Only entities of these types (comma-separated: City,Country,…).
    #[arg(long, value_delimiter = ',')]
    types: Vec<String>,
    /// Only relations with these predicates (comma-separated: friendshipCity,…).
    #[arg(long, value_delimiter = ',')]
    predicates: Vec<String>,
    /// Only relations stated in this document (file name, source path or document IRI).
    #[arg(long)]
    document: Option<String>,
}

#[derive(Args, Debug)]
pub struct DrawArgs {
    /// Centre of an ego network: a name in any language or alias (青岛, 青岛市, Qingdao) or an IRI.
    #[arg(long)]
    focus: Option<String>,
    /// Radius of the ego network around --focus.
    #[arg(long, default_value_t = 1)]
    depth: usize,
    #[command(flatten)]
    selection: Selection,
    /// Draw the result of a SPARQL CONSTRUCT, or of a SELECT of ?s ?p ?o, from this file.
    #[arg(long)]
    query: Option<PathBuf>,
    /// Label language.
    #[arg(long, value_enum, default_value = "zh")]
    lang: LangArg,
    /// Graphviz layout engine [default: dot, sfdp above 150 nodes].
    #[arg(long, value_enum)]
    layout: Option<LayoutArg>,
    /// Keep only the N most connected nodes.
    #[arg(long)]
    max_nodes: Option<usize>,
    /// Group cities in boxes by country.
    #[arg(long, value_enum, default_value = "none")]
    cluster: ClusterArg,
    /// Output format [default: from the extension of -o, else svg].
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    /// Output file [default: standard output].
    #[arg(short, long)]
    output: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum LangArg {
    Zh,
    En,
    Both,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum LayoutArg {
    Dot,
    Neato,
    Fdp,
    Sfdp,
    Circo,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ClusterArg {
    None,
    Country,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum FormatArg {
    Svg,
    Png,
    Pdf,
    Dot,
}

#[derive(Args, Debug)]
pub struct AnalyzeArgs {
    /// Show the N most connected entities.
    #[arg(long, default_value_t = 15)]
    top: usize,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: AnalyzeFormat,
    #[command(flatten)]
    selection: Selection,
    /// Sample betweenness from N pivots instead of computing it exactly.
    #[arg(long)]
    pivots: Option<usize>,
    /// Store the scores as RDF in the named graph cc:analytics.
    #[arg(long)]
    write_back: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum AnalyzeFormat {
    Table,
    Csv,
    Json,
}

#[derive(Args, Debug)]
pub struct PathArgs {
    /// Start: a name in any language, or an IRI.
    from: String,
    /// End: a name in any language, or an IRI.
    to: String,
    /// Show up to K shortest paths.
    #[arg(long, default_value_t = 1)]
    max: usize,
}

#[derive(Args, Debug)]
pub struct NeighborsArgs {
    /// The entity: a name in any language, or an IRI.
    entity: String,
    /// Also list the neighbours of neighbours, up to this radius.
    #[arg(long, default_value_t = 1)]
    depth: usize,
}

fn filter(store: &Store, selection: &Selection) -> Result<Filter> {
    let types = selection
        .types
        .iter()
        .map(|t| {
            t.trim()
                .parse::<EntityType>()
                .map_err(|e| anyhow::anyhow!("--types: {e} (one of {})", names(EntityType::ALL)))
        })
        .collect::<Result<Vec<_>>>()?;
    let predicates = selection
        .predicates
        .iter()
        .map(|p| {
            p.trim().parse::<Predicate>().map_err(|e| {
                anyhow::anyhow!("--predicates: {e} (one of {})", names(Predicate::ALL))
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let documents = match &selection.document {
        Some(d) => vec![document_iri(store, d)?],
        None => Vec::new(),
    };
    Ok(Filter {
        types,
        predicates,
        documents,
    })
}

fn names<T: std::fmt::Display>(all: &[T]) -> String {
    all.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A document given by IRI, file name or source path.
fn document_iri(store: &Store, given: &str) -> Result<String> {
    let escaped = given.replace('\\', "\\\\").replace('"', "\\\"");
    let query = format!(
        "SELECT DISTINCT ?d WHERE {{ ?d a cc:Document . OPTIONAL {{ ?d schema:name ?n }} OPTIONAL {{ ?d cc:sourcePath ?p }} \
         FILTER(STR(?d) = \"{escaped}\" || STR(?n) = \"{escaped}\" || STR(?p) = \"{escaped}\" || STRENDS(STR(?p), \"/{escaped}\")) }}"
    );
    let mut found = Vec::new();
    if let QueryResults::Solutions(solutions) = store.query(&query, &QueryOptions::default())? {
        for solution in solutions {
            if let Some(d) = solution?.get("d") {
                found.push(term_text(d));
            }
        }
    }
    match found.len() {
        0 => bail!("--document {given}: no such document in the store (see `cckg stats`)"),
        1 => Ok(found.remove(0)),
        _ => bail!(
            "--document {given}: {} documents match: {}",
            found.len(),
            found.join(", ")
        ),
    }
}

pub fn draw(global: &Global, args: &DrawArgs) -> Result<ExitCode> {
    let store = open_store(&global.store_path())?;
    let filter = filter(&store, &args.selection)?;
    let mut graph = KnowledgeGraph::from_store(&store, &filter)?;
    if let Some(file) = &args.query {
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("cannot read {}", file.display()))?;
        graph = query_graph(&store, &graph, &text).with_context(|| file.display().to_string())?;
    }
    let mut title = None;
    if let Some(focus) = &args.focus {
        let center = graph.find(focus)?;
        title = Some(format!(
            "{} (depth {})",
            graph.node(center).name(),
            args.depth
        ));
        graph = graph.ego(center, args.depth);
    }
    if graph.node_count() == 0 {
        bail!("nothing to draw: the selection is empty (is the store ingested? try `cckg stats`)");
    }
    let format = match (args.format, &args.output) {
        (Some(f), _) => f,
        (None, Some(path)) => match path.extension().and_then(|e| e.to_str()) {
            Some("png") => FormatArg::Png,
            Some("pdf") => FormatArg::Pdf,
            Some("dot" | "gv") => FormatArg::Dot,
            _ => FormatArg::Svg,
        },
        (None, None) => FormatArg::Svg,
    };
    let layout = match args.layout {
        Some(LayoutArg::Dot) => Layout::Dot,
        Some(LayoutArg::Neato) => Layout::Neato,
        Some(LayoutArg::Fdp) => Layout::Fdp,
        Some(LayoutArg::Sfdp) => Layout::Sfdp,
        Some(LayoutArg::Circo) => Layout::Circo,
        None if args.max_nodes.unwrap_or(usize::MAX).min(graph.node_count()) > 150 => Layout::Sfdp,
        None => Layout::Dot,
    };
    let options = DrawOptions {
        lang: match args.lang {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
            LangArg::Both => Lang::Both,
        },
        layout,
        max_nodes: args.max_nodes,
        cluster_by_country: args.cluster == ClusterArg::Country,
        title,
    };
    let dot = cckg::render::to_dot(&graph, &options);
    let bytes = match format {
        FormatArg::Dot => dot.dot.into_bytes(),
        FormatArg::Svg => cckg::render::render(&dot.dot, layout, Format::Svg)?,
        FormatArg::Png => cckg::render::render(&dot.dot, layout, Format::Png)?,
        FormatArg::Pdf => cckg::render::render(&dot.dot, layout, Format::Pdf)?,
    };
    match &args.output {
        Some(path) => std::fs::write(path, &bytes)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => std::io::stdout().lock().write_all(&bytes)?,
    }
    let drawn = graph.node_count() - dot.omitted_nodes;
    let mut note = format!("drew {drawn} entities");
    if dot.omitted_nodes > 0 {
        note.push_str(&format!(
            " ({} less connected ones left out by --max-nodes)",
            dot.omitted_nodes
        ));
    }
    if let Some(path) = &args.output {
        note.push_str(&format!(" into {}", path.display()));
    }
    eprintln!("{note}");
    Ok(ExitCode::SUCCESS)
}

/// The sub-graph a CONSTRUCT (or a SELECT of ?s ?p ?o) names, with the labels and
/// statements of `full`.
fn query_graph(store: &Store, full: &KnowledgeGraph, sparql: &str) -> Result<KnowledgeGraph> {
    let mut triples = Vec::new();
    match store.query(sparql, &QueryOptions::default())? {
        QueryResults::Graph(iter) => {
            for t in iter {
                let t = t?;
                triples.push((
                    t.subject.to_string(),
                    t.predicate.as_str().to_owned(),
                    t.object,
                ));
            }
        }
        QueryResults::Solutions(solutions) => {
            for solution in solutions {
                let solution = solution?;
                if let (Some(Term::NamedNode(s)), Some(Term::NamedNode(p)), Some(o)) =
                    (solution.get("s"), solution.get("p"), solution.get("o"))
                {
                    triples.push((
                        format!("<{}>", s.as_str()),
                        p.as_str().to_owned(),
                        o.clone(),
                    ));
                }
            }
        }
        QueryResults::Boolean(_) => {
            bail!("an ASK query has no graph to draw; use CONSTRUCT or SELECT ?s ?p ?o")
        }
    }
    let statements: HashMap<(String, Predicate, String), EdgeData> = full
        .edges()
        .map(|(_, a, b, link)| {
            (
                (
                    full.node(a).iri.clone(),
                    link.data.predicate,
                    full.node(b).iri.clone(),
                ),
                link.data.clone(),
            )
        })
        .collect();
    let mut edges = Vec::new();
    let mut wanted = HashSet::new();
    for (s, p, o) in triples {
        let s = s.trim_start_matches('<').trim_end_matches('>').to_owned();
        let Some(predicate) = p
            .strip_prefix(cckg::vocab::cc::NAMESPACE)
            .and_then(|p| p.parse::<Predicate>().ok())
        else {
            continue;
        };
        let Term::NamedNode(o) = o else { continue };
        let o = o.as_str().to_owned();
        let data = statements
            .get(&(s.clone(), predicate, o.clone()))
            .cloned()
            .unwrap_or_else(|| EdgeData::new(predicate));
        wanted.insert(s.clone());
        wanted.insert(o.clone());
        edges.push((s, o, data));
    }
    let nodes: Vec<NodeData> = full
        .nodes()
        .filter(|(_, n)| wanted.contains(&n.iri))
        .map(|(_, n)| n.clone())
        .collect();
    Ok(KnowledgeGraph::from_parts(nodes, edges))
}

pub fn analyze(global: &Global, args: &AnalyzeArgs) -> Result<ExitCode> {
    let store = open_store(&global.store_path())?;
    let filter = filter(&store, &args.selection)?;
    let graph = KnowledgeGraph::from_store(&store, &filter)?;
    let analysis = cckg::graph::analyze(
        &graph,
        &AnalysisOptions {
            betweenness_pivots: args.pivots,
            ..AnalysisOptions::default()
        },
    );
    let mut out = std::io::stdout().lock();
    match args.format {
        AnalyzeFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&analysis)?)?,
        AnalyzeFormat::Csv => {
            writeln!(
                out,
                "iri,type,label_zh,label_en,degree,weighted_degree,betweenness,pagerank,component,community,articulation_point"
            )?;
            for r in &analysis.rows {
                let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
                writeln!(
                    out,
                    "{},{},{},{},{},{},{:.4},{:.6},{},{},{}",
                    quote(&r.iri),
                    r.kind.map(EntityType::as_str).unwrap_or_default(),
                    quote(r.label_zh.as_deref().unwrap_or_default()),
                    quote(r.label_en.as_deref().unwrap_or_default()),
                    r.degree,
                    r.weighted_degree,
                    r.betweenness,
                    r.pagerank,
                    r.component,
                    r.community,
                    r.articulation_point
                )?;
            }
        }
        AnalyzeFormat::Table => {
            writeln!(
                out,
                "{} entities, {} relations; {} components (largest {}), {} communities (modularity {:.3}), {} bridges; betweenness {}\n",
                graph.node_count(),
                graph.edge_count(),
                analysis.component_sizes.len(),
                analysis.component_sizes.first().copied().unwrap_or(0),
                analysis.community_sizes.len(),
                analysis.modularity,
                analysis.bridges.len(),
                describe_betweenness(&analysis.betweenness),
            )?;
            let rows: Vec<Vec<String>> = analysis
                .rows
                .iter()
                .take(args.top)
                .map(|r| {
                    vec![
                        r.label_zh.clone().unwrap_or_default(),
                        r.label_en.clone().unwrap_or_default(),
                        r.kind
                            .map(EntityType::as_str)
                            .unwrap_or_default()
                            .to_owned(),
                        r.degree.to_string(),
                        r.weighted_degree.to_string(),
                        format!("{:.1}", r.betweenness),
                        format!("{:.4}", r.pagerank),
                        r.community.to_string(),
                        if r.articulation_point { "yes" } else { "" }.to_owned(),
                    ]
                })
                .collect();
            let header = [
                "entity",
                "english",
                "type",
                "degree",
                "weighted",
                "betweenness",
                "pagerank",
                "community",
                "cut vertex",
            ];
            output::write_table(&header.map(String::from), &rows, &mut out)?;
        }
    }
    if args.write_back {
        let n = cckg::graph::write_back(&store, &analysis)?;
        eprintln!(
            "wrote {n} quads into the graph {}",
            cckg::vocab::cc::ANALYTICS_GRAPH.as_str()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn describe_betweenness(method: &cckg::graph::BetweennessMethod) -> String {
    format!("{method:?}").to_lowercase()
}

pub fn path(global: &Global, args: &PathArgs) -> Result<ExitCode> {
    let store = open_store(&global.store_path())?;
    let graph = KnowledgeGraph::from_store(&store, &Filter::default())?;
    let from = graph.find(&args.from)?;
    let to = graph.find(&args.to)?;
    let paths = cckg::graph::all_shortest_paths(&graph, from, to, args.max.max(1));
    if paths.is_empty() {
        println!(
            "no path between {} and {}",
            graph.node(from).name(),
            graph.node(to).name()
        );
        return Ok(ExitCode::from(1));
    }
    let mut out = std::io::stdout().lock();
    for (i, path) in paths.iter().enumerate() {
        writeln!(out, "path {} ({} hops):", i + 1, path.len())?;
        for hop in &path.hops {
            let a = graph.node(hop.from).name();
            let b = graph.node(hop.to).name();
            for edge in hop.edges.iter().take(1) {
                let (s, o) = if edge.forward { (a, b) } else { (b, a) };
                writeln!(
                    out,
                    "  {s} —{}→ {o}{}",
                    edge.data.predicate,
                    qualifiers(&edge.data)
                )?;
                if let Some(evidence) = &edge.data.evidence {
                    writeln!(out, "      “{evidence}”")?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn qualifiers(data: &EdgeData) -> String {
    let mut parts = Vec::new();
    if let Some(role) = &data.role {
        parts.push(format!("role {role}"));
    }
    if let Some(rank) = data.rank {
        parts.push(format!("rank {rank}"));
    }
    if let Some(date) = &data.date {
        parts.push(date.clone());
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" [{}]", parts.join(", "))
    }
}

pub fn neighbors(global: &Global, args: &NeighborsArgs) -> Result<ExitCode> {
    let store = open_store(&global.store_path())?;
    let full = KnowledgeGraph::from_store(&store, &Filter::default())?;
    let center = full.find(&args.entity)?;
    let iri = full.node(center).iri.clone();
    let graph = full.ego(center, args.depth.max(1));
    let center = graph
        .index_of(&iri)
        .context("the entity left its own ego network")?;
    let mut out = std::io::stdout().lock();
    let node = graph.node(center);
    writeln!(
        out,
        "{} ({}{})",
        node.name(),
        node.kind.map(EntityType::as_str).unwrap_or("entity"),
        node.label_en
            .as_deref()
            .map(|e| format!(", {e}"))
            .unwrap_or_default()
    )?;
    for group in cckg::graph::neighbors_by_predicate(&graph, center) {
        writeln!(out, "  {} ({:?}):", group.predicate, group.direction)?;
        for n in &group.neighbors {
            let data = &graph.link(n.edge).data;
            writeln!(out, "    {}{}", graph.node(n.node).name(), qualifiers(data))?;
        }
    }
    if args.depth > 1 {
        writeln!(
            out,
            "  within {} hops: {} entities",
            args.depth,
            graph.node_count() - 1
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
