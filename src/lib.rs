#![doc = include_str!("../README.md")]
//!
//! ## Library overview
//!
//! The data flows one way, one module per stage:
//! [`extract`] (text → [`model::Extraction`], with [`gazetteer`]) → [`rdf`] (extraction →
//! quads, one named graph per document) → [`store`] (oxigraph on disk: replace a
//! document, SPARQL, export) → [`graph`] (petgraph projection and analytics) →
//! [`render`] (Graphviz diagrams). [`ingest`] drives files into the store; [`eval`]
//! scores extractions against gold annotations.
//!
//! ```
//! use cckg::extract::Extractor;
//! let extractor = Extractor::new()?;
//! let extraction = extractor.extract("note.txt", "2021年5月，大连市与日本北九州市签署友好城市协议。");
//! assert!(extraction.entities.iter().any(|e| e.name.contains("大连")));
//! # Ok::<_, cckg::Error>(())
//! ```

pub mod cookbook;
pub mod error;
pub mod eval;
pub mod extract;
pub mod gazetteer;
pub mod graph;
pub mod ingest;
pub mod model;
pub mod rdf;
pub mod render;
pub mod server;
pub mod store;
pub mod vocab;

pub use error::{Error, Result};
