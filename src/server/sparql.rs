//! `/sparql`: the SPARQL 1.1 Protocol (query by GET, form POST or direct POST), result
//! serialisation with content negotiation and the result-size cap, the service
//! description, and the watchdog that cancels queries running past `--timeout`.

use super::App;
use super::http::{Params, Reply, content_type, header, negotiate, read_text_body};
use crate::store::evaluator;
use crate::vocab;
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};
use tiny_http::{Method, Request};

/// Header that says a result was cut at `--max-results` (its value is the cap).
pub(crate) const TRUNCATED_HEADER: &str = "CCKG-Truncated";

/// Result formats for SELECT and ASK, in order of preference.
const SOLUTION_OFFERS: &[(&str, QueryResultsFormat)] = &[
    ("application/sparql-results+json", QueryResultsFormat::Json),
    ("application/json", QueryResultsFormat::Json),
    ("application/sparql-results+xml", QueryResultsFormat::Xml),
    ("application/xml", QueryResultsFormat::Xml),
    ("text/xml", QueryResultsFormat::Xml),
    ("text/csv", QueryResultsFormat::Csv),
    ("text/tab-separated-values", QueryResultsFormat::Tsv),
];

const JSON_LD: RdfFormat = RdfFormat::JsonLd {
    profile: JsonLdProfileSet::empty(),
};

/// RDF formats for CONSTRUCT and DESCRIBE (and Graph Store reads), in order of preference.
pub(crate) const GRAPH_OFFERS: &[(&str, RdfFormat)] = &[
    ("text/turtle", RdfFormat::Turtle),
    ("application/x-turtle", RdfFormat::Turtle),
    ("application/n-triples", RdfFormat::NTriples),
    ("application/ld+json", JSON_LD),
    ("application/rdf+xml", RdfFormat::RdfXml),
    ("text/plain", RdfFormat::NTriples),
];

/// A query failure as the client sees it.
pub(crate) struct Failure {
    pub status: u16,
    pub message: String,
}

impl Failure {
    fn new(status: u16, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
        }
    }

    fn evaluation(error: &QueryEvaluationError, timeout: Duration) -> Self {
        if matches!(error, QueryEvaluationError::Cancelled) {
            Self::new(
                503,
                format!(
                    "query cancelled: it ran longer than the server's timeout of {} s (--timeout); \
                     add LIMIT or more specific patterns",
                    timeout.as_secs_f64()
                ),
            )
        } else {
            Self::new(500, format!("SPARQL evaluation failed: {error}"))
        }
    }

    pub fn reply(self) -> Reply {
        Reply::text(self.status, self.message)
    }
}

/// The dataset a request names with `default-graph-uri` and `named-graph-uri`.
#[derive(Debug, Default)]
pub(crate) struct Dataset {
    pub default_graphs: Vec<String>,
    pub named_graphs: Vec<String>,
}

impl Dataset {
    fn from_params(params: &Params) -> Self {
        let owned = |name| params.all(name).into_iter().map(str::to_owned).collect();
        Self {
            default_graphs: owned("default-graph-uri"),
            named_graphs: owned("named-graph-uri"),
        }
    }
}

/// A running query: its results, and the watchdog registration that cancels it at the
/// deadline (dropped with it).
pub(crate) struct Running {
    pub results: QueryResults<'static>,
    _deadline: Armed,
}

/// Parses and starts a query under the server's timeout.
///
/// The default graph is the union of all graphs unless the query names its own dataset
/// (`FROM`, `FROM NAMED`), the request does (protocol parameters, which take precedence),
/// or the server runs with `--named-graphs-only`.
pub(crate) fn execute(app: &App, text: &str, dataset: &Dataset) -> Result<Running, Failure> {
    let deadline = app.watchdog.arm(app.options.timeout);
    let mut prepared = evaluator()
        .with_cancellation_token(deadline.token.clone())
        .parse_query(text)
        .map_err(|e| Failure::new(400, format!("SPARQL syntax error: {e}")))?;
    if !dataset.default_graphs.is_empty() || !dataset.named_graphs.is_empty() {
        let iri = |s: &String| {
            NamedNode::new(s).map_err(|e| Failure::new(400, format!("not an IRI: <{s}>: {e}")))
        };
        let defaults = dataset
            .default_graphs
            .iter()
            .map(|s| iri(s).map(GraphName::NamedNode))
            .collect::<Result<Vec<_>, _>>()?;
        let named = dataset
            .named_graphs
            .iter()
            .map(|s| iri(s).map(NamedOrBlankNode::NamedNode))
            .collect::<Result<Vec<_>, _>>()?;
        prepared.dataset_mut().set_default_graph(defaults);
        prepared.dataset_mut().set_available_named_graphs(named);
    } else {
        let spec = prepared.dataset();
        let names_own_dataset = spec
            .default_graph_graphs()
            .is_some_and(|g| g.iter().any(|g| !g.is_default_graph()))
            || spec.available_named_graphs().is_some();
        if !app.options.named_graphs_only && !names_own_dataset {
            prepared.dataset_mut().set_default_graph_as_union();
        }
    }
    let results = prepared
        .on_store(app.store.oxigraph())
        .execute()
        .map_err(|e| Failure::evaluation(&e, app.options.timeout))?;
    Ok(Running {
        results,
        _deadline: deadline,
    })
}

/// `/sparql`: a query by GET or POST, or the service description.
pub(crate) fn handle(app: &App, request: &mut Request, url_params: &Params) -> Reply {
    let method = request.method().clone();
    let (query, dataset) = match method {
        Method::Get | Method::Head => (url_params.all("query"), Dataset::from_params(url_params)),
        Method::Post => match content_type(request).as_deref() {
            Some("application/sparql-query") => match read_text_body(request, app.options.max_body)
            {
                Ok(text) => {
                    return answer(
                        app,
                        request,
                        url_params,
                        &text,
                        &Dataset::from_params(url_params),
                    );
                }
                Err(reply) => return reply,
            },
            Some("application/x-www-form-urlencoded") => {
                let form = match read_text_body(request, app.options.max_body) {
                    Ok(text) => Params::parse(&text),
                    Err(reply) => return reply,
                };
                let query = form
                    .all("query")
                    .into_iter()
                    .map(str::to_owned)
                    .collect::<Vec<_>>();
                return match query.as_slice() {
                    [text] => answer(app, request, url_params, text, &Dataset::from_params(&form)),
                    [] => Reply::text(400, "the form has no 'query' field"),
                    _ => Reply::text(400, "give exactly one 'query'"),
                };
            }
            other => {
                return Reply::text(
                    415,
                    format!(
                        "cannot read a query sent as {}; use application/sparql-query or application/x-www-form-urlencoded",
                        other.unwrap_or("(no Content-Type)")
                    ),
                );
            }
        },
        _ => return Reply::method_not_allowed("GET, POST"),
    };
    match query.as_slice() {
        [] => service_description(app, request),
        [text] => {
            let text = (*text).to_owned();
            answer(app, request, url_params, &text, &dataset)
        }
        _ => Reply::text(400, "give exactly one 'query' parameter"),
    }
}

/// Runs a query and serialises its results in the negotiated format.
fn answer(app: &App, request: &Request, params: &Params, text: &str, dataset: &Dataset) -> Reply {
    let running = match execute(app, text, dataset) {
        Ok(running) => running,
        Err(failure) => return failure.reply(),
    };
    let accept = requested_format(params).or_else(|| header(request, "Accept").map(str::to_owned));
    let reply = match running.results {
        QueryResults::Boolean(value) => {
            let Some(format) = negotiate(accept.as_deref(), SOLUTION_OFFERS) else {
                return not_acceptable(SOLUTION_OFFERS);
            };
            match QueryResultsSerializer::from_format(format)
                .serialize_boolean_to_writer(Vec::new(), value)
            {
                Ok(body) => Reply::new(200, &media_type(format.media_type()), body),
                Err(e) => Reply::text(500, format!("cannot write the result: {e}")),
            }
        }
        QueryResults::Solutions(solutions) => {
            let Some(format) = negotiate(accept.as_deref(), SOLUTION_OFFERS) else {
                return not_acceptable(SOLUTION_OFFERS);
            };
            match write_solutions(app, solutions, format) {
                Ok((body, truncated)) => truncation(
                    Reply::new(200, &media_type(format.media_type()), body),
                    truncated,
                    app,
                ),
                Err(failure) => failure.reply(),
            }
        }
        QueryResults::Graph(triples) => {
            let accept = params
                .get("format")
                .and_then(graph_format_name)
                .map(str::to_owned)
                .or(accept);
            let Some(format) = negotiate(accept.as_deref(), GRAPH_OFFERS) else {
                return not_acceptable(GRAPH_OFFERS);
            };
            match write_triples(app, triples, format) {
                Ok((body, truncated)) => truncation(
                    Reply::new(200, &media_type(format.media_type()), body),
                    truncated,
                    app,
                ),
                Err(failure) => failure.reply(),
            }
        }
    };
    match params.get("download") {
        Some(_) => {
            let extension = reply
                .headers
                .iter()
                .find(|(n, _)| *n == "Content-Type")
                .map(|(_, v)| extension_of(v))
                .unwrap_or("txt");
            reply.with_header(
                "Content-Disposition",
                format!("attachment; filename=\"results.{extension}\""),
            )
        }
        None => reply,
    }
}

fn truncation(reply: Reply, truncated: bool, app: &App) -> Reply {
    if truncated {
        reply.with_header(TRUNCATED_HEADER, app.options.max_results.to_string())
    } else {
        reply
    }
}

fn not_acceptable(offers: &[(&str, impl Copy)]) -> Reply {
    let types: Vec<&str> = offers.iter().map(|(m, _)| *m).collect();
    Reply::text(
        406,
        format!(
            "none of the accepted media types can be produced; available: {}",
            types.join(", ")
        ),
    )
}

/// The `format` (or SPARQLWrapper's `output`) parameter as an `Accept` value, for
/// solutions; graph results map `xml` and `json` to RDF/XML and JSON-LD instead.
fn requested_format(params: &Params) -> Option<String> {
    let name = params.get("format").or_else(|| params.get("output"))?;
    let name = name.to_ascii_lowercase();
    let media = match name.as_str() {
        "json" | "srj" => "application/sparql-results+json",
        "xml" | "srx" => "application/sparql-results+xml",
        "csv" => "text/csv",
        "tsv" => "text/tab-separated-values",
        "turtle" | "ttl" | "n3" => "text/turtle",
        "ntriples" | "nt" | "n-triples" => "application/n-triples",
        "jsonld" | "json-ld" => "application/ld+json",
        "rdfxml" | "rdf" | "rdf+xml" => "application/rdf+xml",
        other if other.contains('/') => other,
        _ => return None,
    };
    Some(media.to_owned())
}

fn graph_format_name(name: &str) -> Option<&'static str> {
    Some(match name.to_ascii_lowercase().as_str() {
        "turtle" | "ttl" | "n3" => "text/turtle",
        "ntriples" | "nt" | "n-triples" => "application/n-triples",
        "json" | "jsonld" | "json-ld" => "application/ld+json",
        "xml" | "rdfxml" | "rdf" | "rdf+xml" => "application/rdf+xml",
        _ => return None,
    })
}

/// Text media types get an explicit charset: browsers would guess otherwise.
pub(crate) fn media_type(media: &str) -> String {
    if media.starts_with("text/") {
        format!("{media}; charset=utf-8")
    } else {
        media.to_owned()
    }
}

pub(crate) fn extension_of(content_type: &str) -> &'static str {
    match content_type.split(';').next().unwrap_or_default() {
        "application/sparql-results+json" | "application/json" => "json",
        "application/sparql-results+xml" => "xml",
        "text/csv" => "csv",
        "text/tab-separated-values" => "tsv",
        "text/turtle" => "ttl",
        "application/n-triples" => "nt",
        "application/ld+json" => "jsonld",
        "application/rdf+xml" => "rdf",
        "application/trig" => "trig",
        "application/n-quads" => "nq",
        _ => "txt",
    }
}

/// Serialises up to `--max-results` solutions; `true` when there were more.
fn write_solutions(
    app: &App,
    solutions: oxigraph::sparql::QuerySolutionIter<'static>,
    format: QueryResultsFormat,
) -> Result<(Vec<u8>, bool), Failure> {
    let io = |e: std::io::Error| Failure::new(500, format!("cannot write the results: {e}"));
    let variables = solutions.variables().to_vec();
    let mut writer = QueryResultsSerializer::from_format(format)
        .serialize_solutions_to_writer(Vec::new(), variables)
        .map_err(io)?;
    let mut truncated = false;
    for (count, solution) in solutions.enumerate() {
        let solution = solution.map_err(|e| Failure::evaluation(&e, app.options.timeout))?;
        if count == app.options.max_results {
            truncated = true;
            break;
        }
        writer.serialize(&solution).map_err(io)?;
    }
    Ok((writer.finish().map_err(io)?, truncated))
}

/// Serialises up to `--max-results` triples; `true` when there were more.
fn write_triples(
    app: &App,
    triples: oxigraph::sparql::QueryTripleIter<'static>,
    format: RdfFormat,
) -> Result<(Vec<u8>, bool), Failure> {
    let io = |e: std::io::Error| Failure::new(500, format!("cannot write the results: {e}"));
    let mut writer = prefixed(RdfSerializer::from_format(format)).for_writer(Vec::new());
    let mut truncated = false;
    for (count, triple) in triples.enumerate() {
        let triple = triple.map_err(|e| Failure::evaluation(&e, app.options.timeout))?;
        if count == app.options.max_results {
            truncated = true;
            break;
        }
        writer.serialize_triple(&triple).map_err(io)?;
    }
    Ok((writer.finish().map_err(io)?, truncated))
}

/// A serializer with the cckg prefixes (for the formats that use them).
pub(crate) fn prefixed(mut serializer: RdfSerializer) -> RdfSerializer {
    for (prefix, iri) in vocab::PREFIXES {
        // The prefixes are constant, valid IRIs.
        if let Ok(s) = serializer.clone().with_prefix(*prefix, *iri) {
            serializer = s;
        }
    }
    serializer
}

/// The SPARQL 1.1 Service Description of the endpoint, in Turtle.
fn service_description(app: &App, request: &Request) -> Reply {
    let host = header(request, "Host")
        .filter(|h| {
            !h.is_empty()
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .map_or_else(|| app.address.to_string(), str::to_owned);
    let mut languages = vec!["sd:SPARQL11Query"];
    if app.options.update_token.is_some() {
        languages.push("sd:SPARQL11Update");
    }
    let mut features = vec!["sd:EmptyGraphs"];
    if !app.options.named_graphs_only {
        features.push("sd:UnionDefaultGraph");
    }
    let body = format!(
        "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n\
         @prefix fmt: <http://www.w3.org/ns/formats/> .\n\
         @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\n\
         <http://{host}/sparql#service> a sd:Service ;\n    \
         rdfs:label \"cckg SPARQL endpoint\" ;\n    \
         sd:endpoint <http://{host}/sparql> ;\n    \
         sd:supportedLanguage {languages} ;\n    \
         sd:feature {features} ;\n    \
         sd:resultFormat fmt:SPARQL_Results_JSON , fmt:SPARQL_Results_XML , fmt:SPARQL_Results_CSV , \
         fmt:SPARQL_Results_TSV , fmt:Turtle , fmt:N-Triples , fmt:JSON-LD , fmt:RDF_XML ;\n    \
         sd:defaultEntailmentRegime <http://www.w3.org/ns/entailment/Simple> ;\n    \
         sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .\n",
        languages = languages.join(" , "),
        features = features.join(" , "),
    );
    Reply::new(200, "text/turtle; charset=utf-8", body.into_bytes())
}

/// Cancels queries at their deadline, from one thread for all of them.
pub(crate) struct Watchdog {
    shared: Arc<WatchdogState>,
    next: AtomicU64,
}

struct WatchdogState {
    armed: Mutex<Vec<(u64, Instant, CancellationToken)>>,
    changed: Condvar,
}

/// One registered deadline; dropping it unregisters it.
pub(crate) struct Armed {
    id: u64,
    shared: Arc<WatchdogState>,
    /// The token the query evaluator watches.
    pub token: CancellationToken,
}

impl Watchdog {
    /// Starts the watchdog thread.
    pub fn start() -> std::io::Result<Self> {
        let shared = Arc::new(WatchdogState {
            armed: Mutex::new(Vec::new()),
            changed: Condvar::new(),
        });
        let state = Arc::clone(&shared);
        std::thread::Builder::new()
            .name("cckg-watchdog".into())
            .spawn(move || watch(&state))?;
        Ok(Self {
            shared,
            next: AtomicU64::new(0),
        })
    }

    /// Registers a query that must be cancelled after `timeout`.
    pub fn arm(&self, timeout: Duration) -> Armed {
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        let token = CancellationToken::new();
        let deadline = Instant::now() + timeout;
        let mut armed = self
            .shared
            .armed
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        armed.push((id, deadline, token.clone()));
        drop(armed);
        self.shared.changed.notify_one();
        Armed {
            id,
            shared: Arc::clone(&self.shared),
            token,
        }
    }
}

impl Drop for Armed {
    fn drop(&mut self) {
        let mut armed = self
            .shared
            .armed
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        armed.retain(|(id, _, _)| *id != self.id);
    }
}

fn watch(state: &WatchdogState) {
    let mut armed = state.armed.lock().unwrap_or_else(PoisonError::into_inner);
    loop {
        let now = Instant::now();
        armed.retain(|(_, deadline, token)| {
            if *deadline <= now {
                token.cancel();
                false
            } else {
                true
            }
        });
        armed = match armed.iter().map(|(_, deadline, _)| *deadline).min() {
            Some(next) => {
                state
                    .changed
                    .wait_timeout(armed, next.saturating_duration_since(now))
                    .unwrap_or_else(PoisonError::into_inner)
                    .0
            }
            None => state
                .changed
                .wait(armed)
                .unwrap_or_else(PoisonError::into_inner),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_watchdog_cancels_at_the_deadline_only() {
        let watchdog = Watchdog::start().expect("thread");
        let short = watchdog.arm(Duration::from_millis(20));
        let long = watchdog.arm(Duration::from_secs(60));
        std::thread::sleep(Duration::from_millis(200));
        assert!(short.token.is_cancelled());
        assert!(!long.token.is_cancelled());
    }
}
