//! The SPARQL HTTP endpoint and the web page (`cckg serve`).
//!
//! [`Server::bind`] takes the [`Store`] (the server is the store's only writer: RocksDB
//! lets one process open it) and a socket address; [`Server::run`] answers requests with
//! a fixed pool of worker threads until a [`ShutdownHandle`] stops it.
//!
//! | Route | Methods | What |
//! |---|---|---|
//! | `/sparql` | GET, POST | SPARQL 1.1 Protocol: `query=` in the URL, a form, or an `application/sparql-query` body; results as SPARQL JSON, XML, CSV, TSV, or Turtle, N-Triples, JSON-LD, RDF/XML for graphs. Without a query: the service description (Turtle) |
//! | `/update` | POST | SPARQL 1.1 Update, with `Authorization: Bearer TOKEN` |
//! | `/store` | GET, PUT, POST, DELETE | SPARQL 1.1 Graph Store HTTP Protocol (`?default`, `?graph=IRI`; no parameter: the whole dataset); writes need the token |
//! | `/ingest` | POST | an article (text body, `?source=NAME`), extracted and written as one document in one transaction; needs the token |
//! | `/` | GET | query editor with the cookbook queries (`?query=NAME&run=1` runs one) |
//! | `/entity` | GET | `?iri=` or `?name=`: labels, types, relations in and out with qualifiers and evidence, facts, ego diagram |
//! | `/search` | GET | `?q=`: prefix search over labels and aliases in any language |
//! | `/health` | GET | `ok` |
//!
//! Queries see the union of all graphs as their default graph (as `cckg query` does),
//! are cancelled after [`ServerOptions::timeout`] and stop after
//! [`ServerOptions::max_results`] rows or triples, saying so in the `CCKG-Truncated`
//! header. Writes are serialised and each runs in one transaction, so readers always see
//! whole documents.
//!
//! ```
//! use cckg::server::{Server, ServerOptions};
//! use cckg::store::Store;
//! use std::io::{Read, Write};
//!
//! let dir = tempfile::tempdir()?;
//! let options = ServerOptions { bind: "127.0.0.1:0".into(), ..ServerOptions::default() };
//! let server = Server::bind(Store::open(dir.path())?, options)?;
//! let address = server.local_addr();
//! let stop = server.shutdown_handle();
//! let running = std::thread::spawn(move || server.run());
//!
//! let mut http = std::net::TcpStream::connect(address)?;
//! http.write_all(b"GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")?;
//! let mut answer = String::new();
//! http.read_to_string(&mut answer)?;
//! assert!(answer.starts_with("HTTP/1.1 200"));
//!
//! stop.shutdown();
//! running.join().expect("the server thread")?;
//! # Ok::<_, Box<dyn std::error::Error>>(())
//! ```

mod diagram;
mod entity;
mod gsp;
mod html;
mod http;
mod pages;
mod sparql;
mod write;

pub use http::percent_encode;

use crate::extract::Extractor;
use crate::graph::KnowledgeGraph;
use crate::store::Store;
use http::{Params, Reply};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;
use tiny_http::{Method, Request};

/// How the server listens and what it allows.
#[derive(Clone)]
pub struct ServerOptions {
    /// Socket address to listen on (default `127.0.0.1:7878`, loopback only).
    pub bind: String,
    /// Queries running longer are cancelled (default 30 s).
    pub timeout: Duration,
    /// Result rows (SELECT) or triples (CONSTRUCT, DESCRIBE) returned at most (default 10 000).
    pub max_results: usize,
    /// Request bodies larger than this many bytes are refused with 413 (default 10 MiB).
    pub max_body: usize,
    /// Bearer token that enables `/update`, Graph Store writes and `/ingest`; `None`
    /// disables them (the default).
    pub update_token: Option<String>,
    /// Origin allowed to call the endpoint from a browser (`*` for any); `None` sends no
    /// CORS headers (the default).
    pub cors: Option<String>,
    /// Worker threads answering requests (default 8).
    pub workers: usize,
    /// Default graph of queries = the store's default graph only, as in plain SPARQL
    /// (default: the union of all graphs).
    pub named_graphs_only: bool,
    /// Extra gazetteer and rule files for `/ingest` (as `--data`).
    pub data_dir: Option<PathBuf>,
}

impl Default for ServerOptions {
    fn default() -> Self {
        Self {
            bind: "127.0.0.1:7878".to_owned(),
            timeout: Duration::from_secs(30),
            max_results: 10_000,
            max_body: 10 * 1024 * 1024,
            update_token: None,
            cors: None,
            workers: 8,
            named_graphs_only: false,
            data_dir: None,
        }
    }
}

/// Errors starting or running the server.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServerError {
    /// The socket could not be opened.
    #[error("cannot listen on {address}: {message} (choose another address with --bind)")]
    Bind {
        /// The address asked for.
        address: String,
        /// The cause.
        message: String,
    },
    /// An option is out of range.
    #[error("{0}")]
    Invalid(String),
    /// A worker thread could not be started.
    #[error("cannot start a server thread: {0}")]
    Thread(#[from] std::io::Error),
}

/// Everything a request handler needs.
pub(crate) struct App {
    store: Arc<Store>,
    options: ServerOptions,
    address: SocketAddr,
    watchdog: sparql::Watchdog,
    /// Loaded on the first `/ingest`: most servers never ingest, and loading the
    /// gazetteers would delay start-up.
    extractor: OnceLock<Result<Extractor, String>>,
    /// Writes run one at a time (each in its own transaction).
    writes: Mutex<()>,
    /// Successful writes so far: cached views of the store are as old as their count.
    generation: AtomicU64,
    /// The petgraph projection for diagrams, with the generation it was built at.
    projection: Mutex<Option<(u64, Arc<KnowledgeGraph>)>>,
    labels: html::OntologyLabels,
}

impl App {
    /// Records a successful write.
    fn wrote(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }
}

/// A bound server, ready to [`run`](Server::run).
pub struct Server {
    http: Arc<tiny_http::Server>,
    app: Arc<App>,
    stopping: Arc<AtomicBool>,
}

/// Stops a running server from another thread.
#[derive(Clone)]
pub struct ShutdownHandle {
    http: Arc<tiny_http::Server>,
    stopping: Arc<AtomicBool>,
    workers: usize,
}

impl ShutdownHandle {
    /// Lets the requests being answered finish, then makes [`Server::run`] return.
    pub fn shutdown(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        for _ in 0..self.workers {
            self.http.unblock();
        }
    }
}

impl Server {
    /// Opens the listening socket.
    ///
    /// # Errors
    /// [`ServerError::Bind`] when the address is taken or invalid, [`ServerError::Invalid`]
    /// for zero workers, timeout or caps.
    pub fn bind(store: Store, options: ServerOptions) -> Result<Self, ServerError> {
        if options.workers == 0 || options.max_results == 0 || options.timeout.is_zero() {
            return Err(ServerError::Invalid(
                "--workers, --max-results and --timeout must be greater than zero".to_owned(),
            ));
        }
        if options.update_token.as_deref().is_some_and(str::is_empty) {
            return Err(ServerError::Invalid(
                "--update-token must not be empty".to_owned(),
            ));
        }
        let http = listen(&options.bind)
            .and_then(|listener| tiny_http::Server::from_listener(listener, None))
            .map_err(|e| ServerError::Bind {
                address: options.bind.clone(),
                message: e.to_string(),
            })?;
        let address = http
            .server_addr()
            .to_ip()
            .ok_or_else(|| ServerError::Bind {
                address: options.bind.clone(),
                message: "not an IP socket".to_owned(),
            })?;
        let app = App {
            store: Arc::new(store),
            address,
            watchdog: sparql::Watchdog::start()?,
            extractor: OnceLock::new(),
            writes: Mutex::new(()),
            generation: AtomicU64::new(0),
            projection: Mutex::new(None),
            labels: html::OntologyLabels::load(),
            options,
        };
        Ok(Self {
            http: Arc::new(http),
            app: Arc::new(app),
            stopping: Arc::new(AtomicBool::new(false)),
        })
    }

    /// The address the server listens on (with the real port when bound to port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.app.address
    }

    /// A handle that stops [`run`](Server::run).
    pub fn shutdown_handle(&self) -> ShutdownHandle {
        ShutdownHandle {
            http: Arc::clone(&self.http),
            stopping: Arc::clone(&self.stopping),
            workers: self.app.options.workers,
        }
    }

    /// Answers requests until shut down.
    ///
    /// # Errors
    /// [`ServerError::Thread`] when a worker thread cannot be started.
    pub fn run(self) -> Result<(), ServerError> {
        let mut workers = Vec::with_capacity(self.app.options.workers);
        for i in 0..self.app.options.workers {
            let http = Arc::clone(&self.http);
            let app = Arc::clone(&self.app);
            let stopping = Arc::clone(&self.stopping);
            workers.push(
                std::thread::Builder::new()
                    .name(format!("cckg-http-{i}"))
                    .spawn(move || work(&http, &app, &stopping))?,
            );
        }
        for worker in workers {
            // A worker only ends when the server stops; a panic was already reported.
            let _ = worker.join();
        }
        Ok(())
    }
}

/// A listening socket with Nagle's algorithm off, which the accepted connections
/// inherit: a response written in two pieces (headers, body) would otherwise wait for
/// the client's delayed acknowledgement, 40 ms per request on a kept-alive connection.
fn listen(
    address: &str,
) -> Result<std::net::TcpListener, Box<dyn std::error::Error + Send + Sync>> {
    use std::net::ToSocketAddrs;
    let addr = address
        .to_socket_addrs()?
        .next()
        .ok_or_else(|| format!("{address}: no address"))?;
    let socket = socket2::Socket::new(
        socket2::Domain::for_address(addr),
        socket2::Type::STREAM,
        Some(socket2::Protocol::TCP),
    )?;
    socket.set_reuse_address(true)?;
    socket.set_tcp_nodelay(true)?;
    socket.bind(&addr.into())?;
    socket.listen(128)?;
    Ok(socket.into())
}

fn work(http: &tiny_http::Server, app: &App, stopping: &AtomicBool) {
    loop {
        match http.recv() {
            Ok(request) => serve(app, request),
            Err(_) if stopping.load(Ordering::SeqCst) => return,
            Err(e) => eprintln!("cckg serve: {e}"),
        }
    }
}

/// Answers one request; a panic in a handler becomes a 500 and the worker lives on.
fn serve(app: &App, mut request: Request) {
    let reply = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| route(app, &mut request)))
        .unwrap_or_else(|_| Reply::text(500, "internal error (see the server's log)"));
    let reply = with_common_headers(app, reply);
    // An error here means the client went away: nothing to tell it.
    let _ = request.respond(reply.into_response());
}

fn with_common_headers(app: &App, reply: Reply) -> Reply {
    let mut reply = reply.with_header("X-Content-Type-Options", "nosniff");
    if let Some(origin) = &app.options.cors {
        reply = reply
            .with_header("Access-Control-Allow-Origin", origin.clone())
            .with_header("Access-Control-Expose-Headers", sparql::TRUNCATED_HEADER);
        if origin != "*" {
            reply = reply.with_header("Vary", "Origin");
        }
    }
    reply
}

fn route(app: &App, request: &mut Request) -> Reply {
    let url = request.url().to_owned();
    let (path, query) = url.split_once('?').unwrap_or((url.as_str(), ""));
    let params = Params::parse(query);
    if *request.method() == Method::Options {
        return preflight(app);
    }
    let read_only = matches!(request.method(), Method::Get | Method::Head);
    match path {
        "/sparql" => sparql::handle(app, request, &params),
        "/update" => write::update(app, request, &params),
        "/store" => gsp::handle(app, request, &params),
        "/ingest" => write::ingest(app, request, &params),
        _ if !read_only && PAGES.contains(&path) => Reply::method_not_allowed("GET"),
        "/health" => Reply::text(200, "ok"),
        "/" => pages::index(app, &params),
        "/search" => pages::search(app, &params),
        "/entity" => entity::page(app, &params),
        "/assets/style.css" => asset("text/css; charset=utf-8", include_str!("assets/style.css")),
        "/assets/app.js" => asset(
            "text/javascript; charset=utf-8",
            include_str!("assets/app.js"),
        ),
        "/favicon.svg" | "/favicon.ico" => {
            asset("image/svg+xml", include_str!("assets/favicon.svg"))
        }
        _ => pages::not_found(path),
    }
}

/// Routes that only answer GET (and HEAD).
const PAGES: &[&str] = &[
    "/health",
    "/",
    "/search",
    "/entity",
    "/assets/style.css",
    "/assets/app.js",
    "/favicon.svg",
    "/favicon.ico",
];

fn asset(content_type: &str, text: &str) -> Reply {
    Reply::new(200, content_type, text.as_bytes().to_vec())
        .with_header("Cache-Control", "max-age=3600")
}

fn preflight(app: &App) -> Reply {
    match &app.options.cors {
        Some(_) => Reply::empty(204)
            .with_header(
                "Access-Control-Allow-Methods",
                "GET, POST, PUT, DELETE, OPTIONS",
            )
            .with_header(
                "Access-Control-Allow-Headers",
                "Authorization, Content-Type, Accept",
            )
            .with_header("Access-Control-Max-Age", "600"),
        None => Reply::empty(204).with_header("Allow", "GET, POST, PUT, DELETE, OPTIONS"),
    }
}
