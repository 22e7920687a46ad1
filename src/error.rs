//! The library's error type.
//!
//! Every failure that reaches a user names what failed: the file, the line or
//! position, the store directory.

use std::path::PathBuf;

/// Errors of the cckg library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A text file is neither UTF-8 nor GB18030 (or looks binary).
    #[error("{path}: not a text article: {reason}")]
    NotText {
        /// The file.
        path: PathBuf,
        /// Why it was rejected (`binary data at byte 12`, `invalid UTF-8 and GB18030 at byte 40`).
        reason: String,
    },
    /// A data file (gazetteer, rules) is malformed.
    #[error("{path}:{line}: {message}")]
    Data {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong there.
        message: String,
    },
    /// The store directory is locked by another process.
    #[error(
        "store at {path} is locked by another process (is a `cckg serve` or another command running?)"
    )]
    StoreLocked {
        /// The store directory.
        path: PathBuf,
    },
    /// The store could not be opened or written.
    #[error("store at {path}: {message}")]
    Store {
        /// The store directory.
        path: PathBuf,
        /// The cause.
        message: String,
    },
    /// A SPARQL query or update does not parse.
    #[error("SPARQL syntax error: {0}")]
    SparqlSyntax(String),
    /// A SPARQL query failed while running.
    #[error("SPARQL evaluation failed: {0}")]
    SparqlEvaluation(String),
    /// An RDF file does not parse.
    #[error("{path}: {message}")]
    RdfSyntax {
        /// The file.
        path: PathBuf,
        /// Parser message with line and column.
        message: String,
    },
    /// A name or IRI given by the user matches no entity.
    #[error("{0}")]
    NotFound(String),
    /// Anything the user asked for that cannot be done as asked.
    #[error("{0}")]
    Invalid(String),
    /// A name given by the user matches several entities.
    #[error("'{name}' matches {} entities, give one of their IRIs: {}", .candidates.len(), .candidates.join("; "))]
    Ambiguous {
        /// The name as given.
        name: String,
        /// Each candidate as `name [Type] <IRI>`.
        candidates: Vec<String>,
    },
    /// The Graphviz program could not be started.
    #[error(
        "cannot run '{program}': {source}; install Graphviz (apt-get install graphviz fonts-noto-cjk)"
    )]
    GraphvizMissing {
        /// The program that was run (`dot`).
        program: String,
        /// The cause (usually "No such file or directory").
        source: std::io::Error,
    },
    /// Graphviz ran and failed.
    #[error("'{program}' failed: {message}")]
    Graphviz {
        /// The program that was run (`dot`).
        program: String,
        /// Its exit status and error output.
        message: String,
    },
}

/// Result with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
