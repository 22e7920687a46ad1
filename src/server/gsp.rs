//! `/store`: the SPARQL 1.1 Graph Store HTTP Protocol.
//!
//! `?graph=IRI` names a graph, `?default` the store's default graph, and no parameter
//! the whole dataset (GET: TriG, N-Quads or JSON-LD with the graphs, or the union as
//! Turtle, N-Triples or RDF/XML; POST: quads in TriG or N-Quads). Reads are open to all
//! and streamed; PUT, POST and DELETE need the bearer token and run in one transaction.

use super::App;
use super::http::{Body, Params, Reply, content_type, header, negotiate, read_body};
use super::sparql::{GRAPH_OFFERS, extension_of, media_type, prefixed};
use super::write::authorize;
use crate::store::{ExportFormat, Store};
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, Quad};
use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, PoisonError};
use tiny_http::{Method, Request};

/// What a request addresses.
#[derive(Debug, Clone)]
enum Target {
    Default,
    Named(NamedNode),
    Dataset,
}

/// Formats of a whole-dataset read: quads first, then the union as triples.
const DATASET_OFFERS: &[(&str, ExportFormat)] = &[
    ("application/trig", ExportFormat::TriG),
    ("application/n-quads", ExportFormat::NQuads),
    ("application/ld+json", ExportFormat::JsonLd),
    ("text/turtle", ExportFormat::Turtle),
    ("application/n-triples", ExportFormat::NTriples),
    ("application/rdf+xml", ExportFormat::RdfXml),
];

pub(crate) fn handle(app: &App, request: &mut Request, params: &Params) -> Reply {
    let target = match (params.has("default"), params.get("graph")) {
        (true, None) => Target::Default,
        (false, Some(iri)) => match NamedNode::new(iri) {
            Ok(iri) => Target::Named(iri),
            Err(e) => return Reply::text(400, format!("graph={iri} is not an IRI: {e}")),
        },
        (false, None) => Target::Dataset,
        (true, Some(_)) => return Reply::text(400, "give either ?default or ?graph=IRI, not both"),
    };
    let method = request.method().clone();
    match method {
        Method::Get | Method::Head => read(app, request, params, &target),
        Method::Put | Method::Post | Method::Delete => {
            if let Err(reply) = authorize(app, request) {
                return reply;
            }
            if method == Method::Delete {
                delete(app, &target)
            } else {
                write(app, request, &target)
            }
        }
        _ => Reply::method_not_allowed("GET, PUT, POST, DELETE"),
    }
}

fn read(app: &App, request: &Request, params: &Params, target: &Target) -> Reply {
    let accept = params
        .get("format")
        .and_then(format_media_type)
        .map(str::to_owned)
        .or_else(|| header(request, "Accept").map(str::to_owned));
    let reply = match target {
        Target::Dataset => {
            let Some(format) = negotiate(accept.as_deref(), DATASET_OFFERS) else {
                return not_acceptable(DATASET_OFFERS.iter().map(|(m, _)| *m));
            };
            let media = media_type(format.rdf_format().media_type());
            stream(app, &media, move |store, out| {
                store
                    .export(out, format, None, false)
                    .map_err(|e| e.to_string())
            })
        }
        Target::Default | Target::Named(_) => {
            let graph = match target {
                Target::Named(iri) => match app.store.oxigraph().contains_named_graph(iri) {
                    Ok(true) => GraphName::NamedNode(iri.clone()),
                    Ok(false) => {
                        return Reply::text(
                            404,
                            format!("no graph <{}> in the store", iri.as_str()),
                        );
                    }
                    Err(e) => return Reply::text(500, e.to_string()),
                },
                _ => GraphName::DefaultGraph,
            };
            let Some(format) = negotiate(accept.as_deref(), GRAPH_OFFERS) else {
                return not_acceptable(GRAPH_OFFERS.iter().map(|(m, _)| *m));
            };
            let media = media_type(format.media_type());
            stream(app, &media, move |store, out| {
                write_graph(store, &graph, format, out)
            })
        }
    };
    if params.has("download") {
        let extension = reply
            .headers
            .iter()
            .find(|(n, _)| *n == "Content-Type")
            .map(|(_, v)| extension_of(v))
            .unwrap_or("txt");
        reply.with_header(
            "Content-Disposition",
            format!("attachment; filename=\"cckg.{extension}\""),
        )
    } else {
        reply
    }
}

fn not_acceptable<'a>(types: impl Iterator<Item = &'a str>) -> Reply {
    Reply::text(
        406,
        format!(
            "none of the accepted media types can be produced; available: {}",
            types.collect::<Vec<_>>().join(", ")
        ),
    )
}

/// The `format` parameter (as used by the web page's download links) as a media type.
fn format_media_type(name: &str) -> Option<&'static str> {
    Some(match name.to_ascii_lowercase().as_str() {
        "turtle" | "ttl" => "text/turtle",
        "ntriples" | "nt" => "application/n-triples",
        "jsonld" | "json-ld" | "json" => "application/ld+json",
        "rdfxml" | "xml" | "rdf" => "application/rdf+xml",
        "trig" => "application/trig",
        "nquads" | "nq" => "application/n-quads",
        _ => return None,
    })
}

fn write_graph(
    store: &Store,
    graph: &GraphName,
    format: RdfFormat,
    out: &mut dyn Write,
) -> Result<(), String> {
    let mut writer = prefixed(RdfSerializer::from_format(format)).for_writer(out);
    for quad in store
        .oxigraph()
        .quads_for_pattern(None, None, None, Some(graph.as_ref()))
    {
        let quad = quad.map_err(|e| e.to_string())?;
        writer
            .serialize_triple(quad.as_ref())
            .map_err(|e| e.to_string())?;
    }
    writer.finish().map(|_| ()).map_err(|e| e.to_string())
}

/// A 200 reply whose body a thread writes while the client reads it: exports are not
/// held in memory. An error mid-way aborts the chunked body, so the client sees a
/// broken transfer rather than a short file that looks whole.
fn stream(
    app: &App,
    media: &str,
    export: impl FnOnce(&Store, &mut dyn Write) -> Result<(), String> + Send + 'static,
) -> Reply {
    let (sender, receiver) = sync_channel(4);
    let store = Arc::clone(&app.store);
    let spawned = std::thread::Builder::new()
        .name("cckg-export".into())
        .spawn(move || {
            let mut writer =
                std::io::BufWriter::with_capacity(64 * 1024, ChunkWriter(sender.clone()));
            let result = export(&store, &mut writer)
                .and_then(|()| writer.flush().map_err(|e| e.to_string()));
            if let Err(message) = result {
                eprintln!("cckg serve: export failed: {message}");
                // The reader may be gone already; then nobody needs the message.
                let _ = sender.send(Err(message));
            }
        });
    match spawned {
        Ok(_) => Reply {
            status: 200,
            headers: vec![("Content-Type", media.to_owned())],
            body: Body::Stream(Box::new(ChunkReader {
                receiver,
                chunk: Vec::new(),
                position: 0,
            })),
        },
        Err(e) => Reply::text(500, format!("cannot start the export: {e}")),
    }
}

struct ChunkWriter(SyncSender<Result<Vec<u8>, String>>);

impl Write for ChunkWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.send(Ok(buf.to_vec())).map_err(|_| {
            std::io::Error::new(std::io::ErrorKind::BrokenPipe, "the client went away")
        })?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

struct ChunkReader {
    receiver: Receiver<Result<Vec<u8>, String>>,
    chunk: Vec<u8>,
    position: usize,
}

impl Read for ChunkReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.position == self.chunk.len() {
            match self.receiver.recv() {
                Ok(Ok(chunk)) => {
                    self.chunk = chunk;
                    self.position = 0;
                }
                Ok(Err(message)) => return Err(std::io::Error::other(message)),
                Err(_) => return Ok(0),
            }
        }
        let n = buf.len().min(self.chunk.len() - self.position);
        buf[..n].copy_from_slice(&self.chunk[self.position..self.position + n]);
        self.position += n;
        Ok(n)
    }
}

/// PUT (replace) or POST (add) RDF in the request's format.
fn write(app: &App, request: &mut Request, target: &Target) -> Reply {
    let replace = *request.method() == Method::Put;
    let Some(format) = content_type(request).as_deref().and_then(rdf_format) else {
        return Reply::text(
            415,
            "send RDF as text/turtle, application/n-triples, application/ld+json, application/rdf+xml \
             (or, to the whole dataset, application/trig or application/n-quads)",
        );
    };
    let body = match read_body(request, app.options.max_body) {
        Ok(body) => body,
        Err(reply) => return reply,
    };
    let graph = match target {
        Target::Named(iri) => GraphName::NamedNode(iri.clone()),
        Target::Default => GraphName::DefaultGraph,
        Target::Dataset if replace => {
            return Reply::text(405, "PUT replaces one graph: give ?graph=IRI or ?default")
                .with_header("Allow", "GET, POST");
        }
        Target::Dataset if !format.supports_datasets() => {
            return Reply::text(
                400,
                "triples need a graph: give ?graph=IRI or ?default, or send TriG or N-Quads",
            );
        }
        Target::Dataset => GraphName::DefaultGraph,
    };
    if format.supports_datasets() && !matches!(target, Target::Dataset) {
        return Reply::text(
            415,
            "a graph takes triples: send Turtle, N-Triples, JSON-LD or RDF/XML",
        );
    }
    let mut parser = RdfParser::from_format(format).with_default_graph(graph.clone());
    if let GraphName::NamedNode(iri) = &graph
        && let Ok(p) = parser.clone().with_base_iri(iri.as_str())
    {
        parser = p;
    }
    let quads = match parser.for_slice(&body).collect::<Result<Vec<Quad>, _>>() {
        Ok(quads) => quads,
        Err(e) => return Reply::text(400, format!("cannot parse the {} body: {e}", format.name())),
    };
    let _writing = app.writes.lock().unwrap_or_else(PoisonError::into_inner);
    let store = app.store.oxigraph();
    let existed = match &graph {
        GraphName::NamedNode(iri) => store.contains_named_graph(iri).unwrap_or(false),
        _ => true,
    };
    let result = store.start_transaction().and_then(|mut transaction| {
        if replace {
            transaction.clear_graph(graph.as_ref())?;
        }
        if let GraphName::NamedNode(iri) = &graph {
            transaction.insert_named_graph(iri);
        }
        transaction.extend(&quads);
        transaction.commit()
    });
    if result.is_ok() {
        app.wrote();
    }
    match result {
        Ok(()) if existed => Reply::empty(204),
        Ok(()) => Reply::empty(201),
        Err(e) => Reply::text(500, format!("cannot write: {e}")),
    }
}

fn delete(app: &App, target: &Target) -> Reply {
    let _writing = app.writes.lock().unwrap_or_else(PoisonError::into_inner);
    let store = app.store.oxigraph();
    let result = match target {
        Target::Named(iri) => match store.contains_named_graph(iri) {
            Ok(true) => store.remove_named_graph(iri),
            Ok(false) => {
                return Reply::text(404, format!("no graph <{}> in the store", iri.as_str()));
            }
            Err(e) => Err(e),
        },
        Target::Default => store.clear_graph(GraphNameRef::DefaultGraph),
        Target::Dataset => {
            return Reply::text(405, "DELETE removes one graph: give ?graph=IRI or ?default")
                .with_header("Allow", "GET, POST");
        }
    };
    match result {
        Ok(()) => {
            app.wrote();
            Reply::empty(204)
        }
        Err(e) => Reply::text(500, format!("cannot delete: {e}")),
    }
}

/// The RDF format of a request body's media type.
fn rdf_format(media: &str) -> Option<RdfFormat> {
    match media {
        "application/ld+json" | "application/json" => Some(RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        }),
        "application/x-turtle" => Some(RdfFormat::Turtle),
        other => RdfFormat::from_media_type(other),
    }
}
