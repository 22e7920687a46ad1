//! Articles on disk → extraction → the store, one transaction per document.
//!
//! [`collect_articles`] expands files and folders into the `.txt` articles they hold;
//! [`ingest`] reads, decodes and extracts them in parallel (rayon), then writes each
//! document's graph in its own transaction. A document that cannot be read is reported
//! in [`IngestReport::failed`] and the others still go in.
//!
//! ```no_run
//! use cckg::{extract::Extractor, ingest, store::Store};
//! let store = Store::open("cckg-store")?;
//! let extractor = Extractor::new()?;
//! let files = ingest::collect_articles(&["data/corpus".into()])?;
//! let report = ingest::ingest(&store, &extractor, &files, &|_| {});
//! println!("{} documents, {} quads", report.added + report.replaced, report.quads);
//! # Ok::<_, cckg::Error>(())
//! ```

use crate::error::{Error, Result};
use crate::extract::{Extractor, decode};
use crate::model::Extraction;
use crate::rdf::{DocumentInfo, extraction_quads};
use crate::store::{DocumentChange, Store};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Documents prepared in parallel before they are written, bounding memory on big corpora.
const BATCH: usize = 256;

/// What one ingest run did.
#[derive(Debug, Default)]
pub struct IngestReport {
    /// New documents.
    pub added: usize,
    /// Changed documents whose earlier version was replaced.
    pub replaced: usize,
    /// Documents already in the store byte for byte.
    pub unchanged: usize,
    /// Documents that could not be ingested, with why.
    pub failed: Vec<(PathBuf, Error)>,
    /// Entities in the documents written.
    pub entities: usize,
    /// Relations and facts in the documents written.
    pub statements: usize,
    /// Quads written.
    pub quads: usize,
    /// Wall-clock seconds.
    pub seconds: f64,
}

/// The `.txt` articles of the given files and folders (recursively), sorted, each once.
///
/// # Errors
/// [`Error::Io`] for a path that does not exist or a folder that cannot be read.
pub fn collect_articles(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        let metadata = std::fs::metadata(path).map_err(|e| Error::Io {
            path: path.clone(),
            source: e,
        })?;
        if metadata.is_dir() {
            walk(path, &mut files)?;
        } else {
            files.push(path.clone());
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let io = |e| Error::Io {
        path: dir.to_path_buf(),
        source: e,
    };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.is_dir() {
            walk(&path, files)?;
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
        {
            files.push(path);
        }
    }
    Ok(())
}

/// Reads and decodes one article and extracts it.
pub fn read_and_extract(extractor: &Extractor, path: &Path) -> Result<(DocumentInfo, Extraction)> {
    let (bytes, info) = read(path)?;
    let text = decode(path, &bytes)?;
    Ok((info, extractor.extract(&file_name(path), &text)))
}

fn read(path: &Path) -> Result<(Vec<u8>, DocumentInfo)> {
    let bytes = std::fs::read(path).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    let info = DocumentInfo::new(&bytes, source_name(path));
    Ok((bytes, info))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The source path recorded for a file: absolute, so that re-ingesting the same file
/// from another working directory still replaces its earlier version.
fn source_name(path: &Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

/// Ingests `files` into `store`. `progress` is called once per file, from any thread.
pub fn ingest(
    store: &Store,
    extractor: &Extractor,
    files: &[PathBuf],
    progress: &(dyn Fn(&Path) + Sync),
) -> IngestReport {
    let started = Instant::now();
    let mut report = IngestReport::default();
    for batch in files.chunks(BATCH) {
        let prepared: Vec<(PathBuf, Result<Option<Prepared>>)> = batch
            .par_iter()
            .map(|path| {
                let result = prepare(store, extractor, path);
                progress(path);
                (path.clone(), result)
            })
            .collect();
        for (path, result) in prepared {
            let outcome = result.and_then(|prepared| match prepared {
                None => Ok(None),
                Some(p) => store
                    .replace_document(&p.info, &p.quads)
                    .map(|change| Some((change, p))),
            });
            match outcome {
                Ok(None) | Ok(Some((DocumentChange::Unchanged, _))) => report.unchanged += 1,
                Ok(Some((change, p))) => {
                    if change == DocumentChange::Replaced {
                        report.replaced += 1;
                    } else {
                        report.added += 1;
                    }
                    report.entities += p.entities;
                    report.statements += p.statements;
                    report.quads += p.quads.len();
                }
                Err(e) => report.failed.push((path, e)),
            }
        }
    }
    report.seconds = started.elapsed().as_secs_f64();
    report
}

/// Gives every entity the gazetteer has its gazetteer name, so that all documents label
/// one node alike (青岛市, not 青岛 in one article and 青岛市 in the next); the forms the
/// text used stay as aliases. Run before [`extraction_quads`]; the JSON of `cckg extract`
/// keeps the text's own forms, as the evaluation schema asks.
pub fn canonicalise(extractor: &Extractor, extraction: &mut Extraction) {
    let gazetteer = extractor.gazetteer();
    for entity in &mut extraction.entities {
        let Some(entry) = entity
            .source_id
            .as_deref()
            .and_then(|id| gazetteer.by_id(id))
            .map(|i| gazetteer.entry(i))
        else {
            continue;
        };
        if entry.name != entity.name {
            let old = std::mem::replace(&mut entity.name, entry.name.clone());
            if !entity.aliases.contains(&old) {
                entity.aliases.push(old);
            }
            entity.aliases.retain(|a| a != &entry.name);
        }
        if entry.label_en.is_some() {
            entity.label_en.clone_from(&entry.label_en);
        }
    }
}

struct Prepared {
    info: DocumentInfo,
    quads: Vec<oxigraph::model::Quad>,
    entities: usize,
    statements: usize,
}

/// `None` when the same bytes are already in the store (no extraction needed).
fn prepare(store: &Store, extractor: &Extractor, path: &Path) -> Result<Option<Prepared>> {
    let (bytes, info) = read(path)?;
    if store.has_document(&info)? {
        return Ok(None);
    }
    let text = decode(path, &bytes)?;
    let mut extraction = extractor.extract(&file_name(path), &text);
    canonicalise(extractor, &mut extraction);
    let quads = extraction_quads(&extraction, &info);
    Ok(Some(Prepared {
        info,
        entities: extraction.entities.len(),
        statements: extraction.relations.len() + extraction.facts.len(),
        quads,
    }))
}
