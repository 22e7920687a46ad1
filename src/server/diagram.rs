//! The ego diagram of an entity page: the entity and its direct neighbours, drawn by
//! [`crate::render`] from the petgraph projection, inlined as SVG.
//!
//! The projection of the whole store is built once and kept until the next write (the
//! server counts writes), so an entity page costs one Graphviz run, not four scans.

use super::App;
use crate::graph::{Filter, KnowledgeGraph};
use crate::render::{DrawOptions, Format, Lang, Layout, render, to_dot};
use std::sync::atomic::Ordering;
use std::sync::{Arc, PoisonError};

/// Neighbours drawn at most (the most connected ones).
const MAX_NODES: usize = 40;

/// The entity's neighbourhood as an `<svg>` element; `Ok(None)` when it has no relation,
/// `Err` with a message for the reader when it cannot be drawn.
pub(crate) fn ego_svg(app: &App, iri: &str) -> Result<Option<String>, String> {
    let graph = projection(app)?;
    let Some(center) = graph.index_of(iri) else {
        return Ok(None);
    };
    let ego = graph.ego(center, 1);
    if ego.edge_count() == 0 {
        return Ok(None);
    }
    let options = DrawOptions {
        lang: Lang::Both,
        layout: if ego.node_count() > 12 {
            Layout::Neato
        } else {
            Layout::Dot
        },
        max_nodes: Some(MAX_NODES),
        ..DrawOptions::default()
    };
    let dot = to_dot(&ego, &options);
    let svg = render(&dot.dot, options.layout, Format::Svg).map_err(|e| e.to_string())?;
    let svg = String::from_utf8_lossy(&svg);
    // Inline SVG starts at the element: the XML prolog and DOCTYPE belong to files.
    let start = svg.find("<svg").ok_or("Graphviz wrote no <svg> element")?;
    Ok(Some(svg[start..].to_owned()))
}

/// The projection of the store as of the last write.
fn projection(app: &App) -> Result<Arc<KnowledgeGraph>, String> {
    let generation = app.generation.load(Ordering::SeqCst);
    let mut cache = app
        .projection
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    if let Some((built, graph)) = cache.as_ref()
        && *built == generation
    {
        return Ok(Arc::clone(graph));
    }
    let graph = Arc::new(
        KnowledgeGraph::from_store(&app.store, &Filter::default()).map_err(|e| e.to_string())?,
    );
    *cache = Some((generation, Arc::clone(&graph)));
    Ok(graph)
}
