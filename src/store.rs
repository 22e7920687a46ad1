//! The on-disk knowledge graph: an oxigraph (RocksDB) store with one named graph per
//! document.
//!
//! [`Store::open`] opens or creates the directory; [`Store::replace_document`] swaps a
//! document's graph in one transaction (readers never see half a document);
//! [`Store::query`] runs SPARQL with the cckg prefixes pre-declared and, unless the query
//! names its own dataset with `FROM`, the union of all graphs as the default graph;
//! [`Store::export`] streams RDF out without loading the store into memory.
//!
//! ```
//! use cckg::store::{QueryOptions, Store};
//! let dir = tempfile::tempdir()?;
//! let store = Store::open(dir.path())?;
//! store.update("INSERT DATA { GRAPH <urn:g> { cc:a cc:friendshipCity cc:b } }")?;
//! let results = store.query("ASK { cc:a cc:friendshipCity ?x }", &QueryOptions::default())?;
//! assert!(matches!(results, oxigraph::sparql::QueryResults::Boolean(true)));
//! # Ok::<_, Box<dyn std::error::Error>>(())
//! ```

use crate::error::{Error, Result};
use crate::rdf::DocumentInfo;
use crate::vocab::{self, cc};
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedOrBlankNode, Quad, QuadRef, Term, TripleRef,
};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::StorageError;
use std::collections::BTreeMap;
use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long [`Store::open`] waits for another process to release the store.
const LOCK_WAIT: Duration = Duration::from_secs(5);

/// The cckg store.
pub struct Store {
    inner: oxigraph::store::Store,
    path: PathBuf,
}

/// What [`Store::replace_document`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentChange {
    /// The same bytes were ingested before: nothing written.
    Unchanged,
    /// A new document: its graph was added.
    Added,
    /// A changed file: the graph of its previous version was replaced.
    Replaced,
}

/// How a query sees the store.
#[derive(Debug, Clone, Default)]
pub struct QueryOptions {
    /// Keep SPARQL's own semantics: the default graph is only the store's default graph
    /// (empty unless something was loaded or inserted there), document graphs are reached
    /// with `GRAPH`. Off by default: queries see the union of all graphs.
    pub named_graphs_only: bool,
    /// Cancel evaluation after this long.
    pub timeout: Option<Duration>,
}

/// Counts by class, predicate and document.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Stats {
    /// Quads in the store.
    pub quads: usize,
    /// Documents ingested.
    pub documents: usize,
    /// Distinct entities by class IRI.
    pub classes: BTreeMap<String, usize>,
    /// Direct relation triples by predicate IRI.
    pub predicates: BTreeMap<String, usize>,
    /// Per document: (IRI, source path, quads).
    pub per_document: Vec<(String, String, usize)>,
}

/// An RDF serialisation of the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Turtle (triples: the union of all graphs).
    Turtle,
    /// N-Triples (triples).
    NTriples,
    /// N-Quads (quads: named graphs kept).
    NQuads,
    /// TriG (quads).
    TriG,
    /// RDF/XML (triples).
    RdfXml,
    /// JSON-LD (quads: named graphs kept as `@graph` objects).
    JsonLd,
}

impl ExportFormat {
    /// The oxigraph format.
    pub fn rdf_format(self) -> RdfFormat {
        match self {
            Self::Turtle => RdfFormat::Turtle,
            Self::NTriples => RdfFormat::NTriples,
            Self::NQuads => RdfFormat::NQuads,
            Self::TriG => RdfFormat::TriG,
            Self::RdfXml => RdfFormat::RdfXml,
            Self::JsonLd => RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
        }
    }

    /// Whether the format keeps named graphs.
    pub fn is_quads(self) -> bool {
        matches!(self, Self::NQuads | Self::TriG | Self::JsonLd)
    }
}

impl Store {
    /// Opens the store in `path`, creating the directory if needed.
    ///
    /// # Errors
    /// [`Error::StoreLocked`] when another process still holds it after a few seconds
    /// (RocksDB lets one process open a store), [`Error::Store`] when the
    /// directory cannot be created or is not a store.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        std::fs::create_dir_all(&path).map_err(|e| Error::Store {
            path: path.clone(),
            message: format!("cannot create the directory: {e}"),
        })?;
        // Another short command (a query, an export) may hold the store for a moment:
        // wait a little before reporting it locked.
        let deadline = std::time::Instant::now() + LOCK_WAIT;
        loop {
            match oxigraph::store::Store::open(&path).map_err(|e| storage_error(&path, &e)) {
                Ok(inner) => return Ok(Self { inner, path }),
                Err(Error::StoreLocked { .. }) if std::time::Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// The directory of the store.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The underlying oxigraph store, for what this wrapper does not cover.
    pub fn oxigraph(&self) -> &oxigraph::store::Store {
        &self.inner
    }

    /// Whether a document with this content hash is in the store.
    pub fn has_document(&self, info: &DocumentInfo) -> Result<bool> {
        self.inner
            .contains_named_graph(&info.iri())
            .map_err(|e| storage_error(&self.path, &e))
    }

    /// Puts a document's quads in, replacing any earlier version read from the same
    /// source path, in one transaction. Unchanged bytes are a no-op.
    pub fn replace_document(&self, info: &DocumentInfo, quads: &[Quad]) -> Result<DocumentChange> {
        if self.has_document(info)? {
            return Ok(DocumentChange::Unchanged);
        }
        let new_graph = info.iri();
        let source = Literal::new_simple_literal(&info.source);
        let err = |e: StorageError| storage_error(&self.path, &e);
        let mut transaction = self.inner.start_transaction().map_err(err)?;
        let old: Vec<NamedOrBlankNode> = transaction
            .quads_for_pattern(
                None,
                Some(cc::SOURCE_PATH),
                Some(source.as_ref().into()),
                None,
            )
            .filter_map(|q| match q {
                Ok(Quad {
                    graph_name: GraphName::NamedNode(g),
                    ..
                }) if g != new_graph => Some(Ok(NamedOrBlankNode::NamedNode(g))),
                Ok(_) => None,
                Err(e) => Some(Err(e)),
            })
            .collect::<Result<_, _>>()
            .map_err(err)?;
        for graph in &old {
            transaction.remove_named_graph(graph).map_err(err)?;
        }
        transaction.insert_named_graph(&new_graph);
        transaction.extend(quads);
        transaction.commit().map_err(err)?;
        Ok(if old.is_empty() {
            DocumentChange::Added
        } else {
            DocumentChange::Replaced
        })
    }

    /// Runs a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE).
    ///
    /// # Errors
    /// [`Error::SparqlSyntax`] with line and column, or [`Error::SparqlEvaluation`].
    pub fn query(&self, sparql: &str, options: &QueryOptions) -> Result<QueryResults<'static>> {
        let mut evaluator = evaluator();
        if let Some(timeout) = options.timeout {
            let token = oxigraph::sparql::CancellationToken::new();
            let cancel = token.clone();
            std::thread::spawn(move || {
                std::thread::sleep(timeout);
                cancel.cancel();
            });
            evaluator = evaluator.with_cancellation_token(token);
        }
        let mut prepared = evaluator
            .parse_query(sparql)
            .map_err(|e| Error::SparqlSyntax(e.to_string()))?;
        let names_own_dataset = prepared
            .dataset()
            .default_graph_graphs()
            .is_some_and(|g| g.iter().any(|g| !g.is_default_graph()))
            || prepared.dataset().available_named_graphs().is_some();
        if !options.named_graphs_only && !names_own_dataset {
            self.use_union_default_graph(prepared.dataset_mut())?;
        }
        prepared
            .on_store(&self.inner)
            .execute()
            .map_err(|e| Error::SparqlEvaluation(e.to_string()))
    }

    /// Makes the default graph the union of every graph, the store's own default graph
    /// included (oxigraph's union covers the named graphs only; the default graph holds
    /// what an update inserts without `GRAPH`).
    fn use_union_default_graph(&self, dataset: &mut oxigraph::sparql::QueryDataset) -> Result<()> {
        let err = |e: StorageError| storage_error(&self.path, &e);
        let default_is_empty = self
            .inner
            .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
            .next()
            .transpose()
            .map_err(err)?
            .is_none();
        if default_is_empty {
            dataset.set_default_graph_as_union();
        } else {
            let mut graphs = vec![GraphName::DefaultGraph];
            for graph in self.inner.named_graphs() {
                match graph.map_err(err)? {
                    NamedOrBlankNode::NamedNode(n) => graphs.push(GraphName::NamedNode(n)),
                    NamedOrBlankNode::BlankNode(b) => graphs.push(GraphName::BlankNode(b)),
                }
            }
            dataset.set_default_graph(graphs);
        }
        Ok(())
    }

    /// Runs a SPARQL 1.1 update.
    pub fn update(&self, sparql: &str) -> Result<()> {
        evaluator()
            .parse_update(sparql)
            .map_err(|e| Error::SparqlSyntax(e.to_string()))?
            .on_store(&self.inner)
            .execute()
            .map_err(|e| Error::SparqlEvaluation(e.to_string()))
    }

    /// Loads an RDF file with the bulk loader, atomically: a syntax error loads nothing.
    /// Triples (of triple formats, and the default graph of quad formats) go into `graph`
    /// (default: the named graph `file://<absolute path>`), so that loaded data can be
    /// dropped again as a whole.
    ///
    /// Returns the number of quads added (quads already in the store are not counted).
    pub fn load(&self, file: &Path, graph: Option<NamedNode>) -> Result<u64> {
        let format = rdf_format_of(file)?;
        let reader = std::fs::File::open(file).map_err(|e| Error::Io {
            path: file.to_path_buf(),
            source: e,
        })?;
        let graph = match graph {
            Some(g) => g,
            None => {
                let absolute = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
                NamedNode::new(format!("file://{}", absolute.display()).replace(' ', "%20"))
                    .map_err(|e| {
                        Error::Invalid(format!(
                            "{}: cannot name a graph after it: {e}",
                            file.display()
                        ))
                    })?
            }
        };
        let parser = RdfParser::from_format(format).with_default_graph(graph);
        let len = |store: &Self| store.inner.len().map_err(|e| storage_error(&self.path, &e));
        let before = len(self)?;
        let syntax = |message: String| Error::RdfSyntax {
            path: file.to_path_buf(),
            message,
        };
        let mut loader = self.inner.bulk_loader();
        loader
            .load_from_reader(parser, BufReader::new(reader))
            .map_err(|e| syntax(e.to_string()))?;
        loader.commit().map_err(|e| storage_error(&self.path, &e))?;
        Ok(len(self)?.saturating_sub(before) as u64)
    }

    /// Writes the store (or one graph) as RDF, streaming.
    ///
    /// Triple formats carry the union of all graphs, each triple once; quad formats keep
    /// the named graphs. `with_ontology` adds the cckg ontology (as the graph
    /// `https://w3id.org/cckg/ontology` in quad formats).
    pub fn export(
        &self,
        writer: impl Write,
        format: ExportFormat,
        graph: Option<&NamedNode>,
        with_ontology: bool,
    ) -> Result<()> {
        let io = |e: std::io::Error| Error::Store {
            path: self.path.clone(),
            message: format!("export failed: {e}"),
        };
        let err = |e: StorageError| storage_error(&self.path, &e);
        let mut serializer = RdfSerializer::from_format(format.rdf_format());
        for (prefix, iri) in vocab::PREFIXES {
            serializer = serializer
                .with_prefix(*prefix, *iri)
                .map_err(|e| Error::Invalid(e.to_string()))?;
        }
        let mut out = serializer.for_writer(writer);
        if with_ontology {
            let ontology_graph = GraphNameRef::NamedNode(cc::ONTOLOGY);
            for quad in ontology_quads()? {
                if format.is_quads() {
                    out.serialize_quad(QuadRef::new(
                        &quad.subject,
                        &quad.predicate,
                        &quad.object,
                        ontology_graph,
                    ))
                    .map_err(io)?;
                } else {
                    out.serialize_triple(TripleRef::new(
                        &quad.subject,
                        &quad.predicate,
                        &quad.object,
                    ))
                    .map_err(io)?;
                }
            }
        }
        match (graph, format.is_quads()) {
            (Some(g), true) => {
                for quad in self
                    .inner
                    .quads_for_pattern(None, None, None, Some(g.into()))
                {
                    out.serialize_quad(&quad.map_err(err)?).map_err(io)?;
                }
            }
            (Some(g), false) => {
                for quad in self
                    .inner
                    .quads_for_pattern(None, None, None, Some(g.into()))
                {
                    out.serialize_triple(quad.map_err(err)?.as_ref())
                        .map_err(io)?;
                }
            }
            (None, true) => {
                for quad in self.inner.iter() {
                    out.serialize_quad(&quad.map_err(err)?).map_err(io)?;
                }
            }
            (None, false) => self.write_union_triples(|t| out.serialize_triple(t).map_err(io))?,
        }
        out.finish().map_err(io)?;
        Ok(())
    }

    /// Every triple of the union of all graphs, once, in predicate order.
    ///
    /// Streaming without a set of seen triples: for a bound predicate oxigraph scans its
    /// POSG index, where copies of one triple in several graphs are adjacent.
    fn write_union_triples(
        &self,
        mut write: impl FnMut(TripleRef<'_>) -> Result<()>,
    ) -> Result<()> {
        let err = |e: StorageError| storage_error(&self.path, &e);
        let predicates = self.distinct_predicates()?;
        for predicate in &predicates {
            let mut previous: Option<(Term, Term)> = None;
            for quad in self
                .inner
                .quads_for_pattern(None, Some(predicate.as_ref()), None, None)
            {
                let quad = quad.map_err(err)?;
                let key = (Term::from(quad.subject.clone()), quad.object.clone());
                if quad.graph_name.is_default_graph() {
                    // Written with the named-graph copy, if there is one.
                    let elsewhere = self
                        .inner
                        .quads_for_pattern(
                            Some(quad.subject.as_ref()),
                            Some(predicate.as_ref()),
                            Some(quad.object.as_ref()),
                            None,
                        )
                        .filter_map(std::result::Result::ok)
                        .any(|q| !q.graph_name.is_default_graph());
                    if elsewhere {
                        continue;
                    }
                } else if previous.as_ref() == Some(&key) {
                    continue;
                }
                write(TripleRef::new(&quad.subject, &quad.predicate, &quad.object))?;
                previous = Some(key);
            }
        }
        Ok(())
    }

    fn distinct_predicates(&self) -> Result<Vec<NamedNode>> {
        let results = self.query(
            "SELECT DISTINCT ?p WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } } ORDER BY ?p",
            &QueryOptions {
                named_graphs_only: true,
                timeout: None,
            },
        )?;
        let mut predicates = Vec::new();
        if let QueryResults::Solutions(solutions) = results {
            for solution in solutions {
                let solution = solution.map_err(|e| Error::SparqlEvaluation(e.to_string()))?;
                if let Some(Term::NamedNode(p)) = solution.get("p") {
                    predicates.push(p.clone());
                }
            }
        }
        Ok(predicates)
    }

    /// Counts by class, by predicate and by document.
    pub fn stats(&self) -> Result<Stats> {
        let mut stats = Stats {
            quads: self
                .inner
                .len()
                .map_err(|e| storage_error(&self.path, &e))?,
            ..Stats::default()
        };
        let options = QueryOptions::default();
        for (class, n) in self.count_rows(
            "SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?c . ?e cc:mentionedIn ?d } GROUP BY ?c",
            &options,
        )? {
            stats.classes.insert(class, n);
        }
        for (predicate, n) in self.count_rows(
            "SELECT ?p (COUNT(*) AS ?n) WHERE { \
             { SELECT DISTINCT ?s ?p ?o WHERE { ?st a cc:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o } } } GROUP BY ?p",
            &options,
        )? {
            stats.predicates.insert(predicate, n);
        }
        let results = self.query(
            "SELECT ?d ?src (COUNT(*) AS ?n) WHERE { GRAPH ?d { ?d cc:sourcePath ?src . ?s ?p ?o } } GROUP BY ?d ?src ORDER BY ?src",
            &QueryOptions {
                named_graphs_only: true,
                timeout: None,
            },
        )?;
        if let QueryResults::Solutions(solutions) = results {
            for solution in solutions {
                let solution = solution.map_err(|e| Error::SparqlEvaluation(e.to_string()))?;
                let text = |v: &str| solution.get(v).map(term_text).unwrap_or_default();
                let n = text("n").parse().unwrap_or(0);
                stats.per_document.push((text("d"), text("src"), n));
            }
        }
        stats.documents = stats.per_document.len();
        Ok(stats)
    }

    fn count_rows(&self, sparql: &str, options: &QueryOptions) -> Result<Vec<(String, usize)>> {
        let mut rows = Vec::new();
        if let QueryResults::Solutions(solutions) = self.query(sparql, options)? {
            for solution in solutions {
                let solution = solution.map_err(|e| Error::SparqlEvaluation(e.to_string()))?;
                let vars = solution.variables();
                let key = vars.first().and_then(|v| solution.get(v)).map(term_text);
                let n = vars.get(1).and_then(|v| solution.get(v)).map(term_text);
                if let (Some(key), Some(n)) = (key, n) {
                    rows.push((key, n.parse().unwrap_or(0)));
                }
            }
        }
        Ok(rows)
    }
}

/// A SPARQL evaluator with the cckg prefixes pre-declared (built without an HTTP client,
/// so SERVICE calls to remote endpoints are refused).
pub fn evaluator() -> SparqlEvaluator {
    let mut evaluator = SparqlEvaluator::new();
    for (prefix, iri) in vocab::PREFIXES {
        // The prefixes are constant, valid IRIs.
        if let Ok(e) = evaluator.clone().with_prefix(*prefix, *iri) {
            evaluator = e;
        }
    }
    evaluator
}

/// The ontology's triples (as quads in the default graph).
pub fn ontology_quads() -> Result<Vec<Quad>> {
    RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(vocab::ONTOLOGY_TURTLE.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Error::RdfSyntax {
            path: PathBuf::from("ontology/cckg.ttl"),
            message: e.to_string(),
        })
}

/// The plain text of a term: an IRI, or a literal's lexical form.
pub fn term_text(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => n.as_str().to_owned(),
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().to_owned(),
    }
}

/// The RDF format of a file, from its extension.
pub fn rdf_format_of(file: &Path) -> Result<RdfFormat> {
    let extension = file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let format = match extension.as_str() {
        "jsonld" | "json" => Some(RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        }),
        "xml" | "owl" => Some(RdfFormat::RdfXml),
        other => RdfFormat::from_extension(other),
    };
    format.ok_or_else(|| {
        Error::Invalid(format!(
            "{}: unknown RDF format (use .ttl, .nt, .nq, .trig, .rdf, .jsonld)",
            file.display()
        ))
    })
}

fn storage_error(path: &Path, error: &StorageError) -> Error {
    let message = error.to_string();
    let lower = message.to_lowercase();
    if lower.contains("lock")
        && (lower.contains("resource temporarily unavailable")
            || lower.contains("lock hold")
            || lower.contains("no locks available")
            || lower.contains("lock file"))
    {
        Error::StoreLocked {
            path: path.to_path_buf(),
        }
    } else {
        Error::Store {
            path: path.to_path_buf(),
            message,
        }
    }
}
