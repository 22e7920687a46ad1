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
