//! cckg's integration tests: one test binary, one module per capability.

/// Shared helpers: the binary under test, the sample corpus, rdflib checks.
mod support;

/// Store, ingest, load, query, update, export, stats, build through the real binary.
mod store;

/// The cookbook queries on the bundled sample, each with its expected answer.
mod cookbook;

/// Extraction on the fixture articles: offsets, schema, scores against gold.
mod extraction;

/// No extraction rule or code names an entity of the seed article.
mod no_special_cases;

/// Diagrams through the real Graphviz renderer.
mod draw;

/// Graph analytics, paths and neighbours on the sample.
mod analytics;

/// `cckg serve` through the real binary: SPARQL Protocol in every format, Update and Graph
/// Store with the token rules, ingest under concurrent readers, limits, web pages,
/// SPARQLWrapper and headless Chromium.
mod server;
