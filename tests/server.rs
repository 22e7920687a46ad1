//! `cckg serve` through the real binary on a loopback port, over a copy of the sample
//! store: the SPARQL 1.1 Protocol in every format, Update and Graph Store with the token
//! rules, ingest while readers count, the limits (timeout, result cap, body cap, CORS),
//! the web pages, and two independent clients: SPARQLWrapper and headless Chromium.

use crate::support::{cckg, sample_corpus};
use ::cckg::server::percent_encode;
use std::collections::BTreeSet;
use std::io::Read;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const TOKEN: &str = "s3cret-token";
const COUNT_ALL: &str = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";

/// A running `cckg serve`, killed when dropped.
struct Served {
    child: Child,
    base: String,
    agent: ureq::Agent,
    log: PathBuf,
    _dir: tempfile::TempDir,
}

/// One HTTP answer, read whole.
#[derive(Debug)]
struct Answer {
    status: u16,
    content_type: String,
    headers: Vec<(String, String)>,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The sample corpus ingested once per test run; each server gets a copy (RocksDB
/// lets one process open a store).
fn template_store() -> &'static Path {
    static TEMPLATE: OnceLock<PathBuf> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let path = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("server-sample-store-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        cckg(&path)
            .arg("ingest")
            .arg(sample_corpus())
            .assert()
            .success();
        path
    })
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read store") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

/// Starts the server on a copy of the sample store with extra flags; waits for /health.
fn serve(flags: &[&str]) -> Served {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    copy_dir(template_store(), &store);
    let log = dir.path().join("server.log");
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_cckg"))
        .env_remove("CCKG_DATA")
        .env_remove("CCKG_UPDATE_TOKEN")
        .arg("--store")
        .arg(&store)
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .args(flags)
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).expect("log file"))
        .spawn()
        .expect("start cckg serve");
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(120)))
        .build()
        .into();
    let mut served = Served {
        child,
        base: format!("http://127.0.0.1:{port}"),
        agent,
        log,
        _dir: dir,
    };
    let started = Instant::now();
    loop {
        if let Some(status) = served.child.try_wait().expect("wait") {
            panic!(
                "cckg serve exited ({status}): {}",
                std::fs::read_to_string(&served.log).unwrap_or_default()
            );
        }
        if let Ok(response) = served.agent.get(format!("{}/health", served.base)).call()
            && response.status() == 200
        {
            return served;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "cckg serve did not answer /health in 30 s"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn read(response: ureq::http::Response<ureq::Body>) -> Answer {
    let status = response.status().as_u16();
    let headers: Vec<(String, String)> = response
        .headers()
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_owned(),
                v.to_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let content_type = headers
        .iter()
        .find(|(n, _)| n == "content-type")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let mut body = String::new();
    response
        .into_body()
        .into_reader()
        .read_to_string(&mut body)
        .expect("body");
    Answer {
        status,
        content_type,
        headers,
        body,
    }
}

impl Served {
    fn get(&self, path: &str, accept: Option<&str>) -> Answer {
        let mut request = self.agent.get(format!("{}{path}", self.base));
        if let Some(accept) = accept {
            request = request.header("Accept", accept);
        }
        read(request.call().expect("GET"))
    }

    fn query(&self, query: &str, accept: &str) -> Answer {
        self.get(
            &format!("/sparql?query={}", percent_encode(query)),
            Some(accept),
        )
    }

    fn send(
        &self,
        method: &str,
        path: &str,
        content_type: &str,
        body: &[u8],
        token: Option<&str>,
    ) -> Answer {
        let url = format!("{}{path}", self.base);
        let request = match method {
            "POST" => self.agent.post(url),
            "PUT" => self.agent.put(url),
            other => panic!("no body for {other}"),
        };
        let mut request = request.header("Content-Type", content_type);
        if let Some(token) = token {
            request = request.header("Authorization", format!("Bearer {token}"));
        }
        read(request.send(body).expect("send"))
    }

    fn delete(&self, path: &str, token: Option<&str>) -> Answer {
        let mut request = self.agent.delete(format!("{}{path}", self.base));
        if let Some(token) = token {
            request = request.header("Authorization", format!("Bearer {token}"));
        }
        read(request.call().expect("DELETE"))
    }

    /// The single number of a `SELECT (COUNT(..) AS ?n)` query.
    fn count(&self, query: &str) -> usize {
        let answer = self.query(query, "application/sparql-results+json");
        assert_eq!(answer.status, 200, "{query}: {}", answer.body);
        let json: serde_json::Value = serde_json::from_str(&answer.body).expect("json");
        json["results"]["bindings"][0]["n"]["value"]
            .as_str()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{query}: not a count: {}", answer.body))
    }
}

/// Triples of an RDF document as sorted N-Triples lines.
fn triples(format: oxigraph::io::RdfFormat, text: &str) -> BTreeSet<String> {
    oxigraph::io::RdfParser::from_format(format)
        .for_slice(text.as_bytes())
        .map(|q| {
            let q = q.unwrap_or_else(|e| panic!("{format} does not parse: {e}\n{text}"));
            format!("{} {} {} .", q.subject, q.predicate, q.object)
        })
        .collect()
}

fn json_ld() -> oxigraph::io::RdfFormat {
    oxigraph::io::RdfFormat::JsonLd {
        profile: oxigraph::io::JsonLdProfileSet::empty(),
    }
}

const PAIRS: &str = "SELECT ?a ?b WHERE { ?a cc:friendshipCity ?b } ORDER BY ?a ?b";

#[test]
fn select_and_ask_results_in_every_format() {
    let server = serve(&[]);
    let json = server.query(PAIRS, "application/sparql-results+json");
    assert_eq!(json.status, 200, "{}", json.body);
    assert_eq!(json.content_type, "application/sparql-results+json");
    let parsed: serde_json::Value = serde_json::from_str(&json.body).expect("json");
    assert_eq!(parsed["head"]["vars"], serde_json::json!(["a", "b"]));
    let rows = parsed["results"]["bindings"]
        .as_array()
        .expect("bindings")
        .len();
    assert!(rows >= 3, "the sample has sister cities: {}", json.body);

    let xml = server.query(PAIRS, "application/sparql-results+xml");
    assert_eq!(xml.status, 200);
    assert!(
        xml.content_type
            .starts_with("application/sparql-results+xml")
    );
    assert_eq!(xml.body.matches("<result>").count(), rows);

    let csv = server.query(PAIRS, "text/csv");
    assert!(csv.content_type.starts_with("text/csv"));
    assert_eq!(csv.body.lines().next(), Some("a,b"));
    assert_eq!(csv.body.lines().count(), rows + 1);

    let tsv = server.query(PAIRS, "text/tab-separated-values");
    assert!(tsv.content_type.starts_with("text/tab-separated-values"));
    assert_eq!(tsv.body.lines().next(), Some("?a\t?b"));
    assert_eq!(tsv.body.lines().count(), rows + 1);

    // q-values and the `format` parameter (what SPARQLWrapper and download links send).
    let preferred = server.query(PAIRS, "text/csv;q=0.5, text/tab-separated-values");
    assert!(
        preferred
            .content_type
            .starts_with("text/tab-separated-values")
    );
    let by_name = server.get(
        &format!(
            "/sparql?query={}&format=csv&download",
            percent_encode(PAIRS)
        ),
        Some("application/json"),
    );
    assert!(by_name.content_type.starts_with("text/csv"));
    assert_eq!(
        by_name.header("content-disposition"),
        Some("attachment; filename=\"results.csv\"")
    );
    assert_eq!(server.query(PAIRS, "image/png").status, 406);

    let ask = server.query(
        "ASK { ?a cc:friendshipCity ?b }",
        "application/sparql-results+json",
    );
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&ask.body).expect("json")["boolean"],
        true
    );
    let ask_xml = server.query(
        "ASK { ?a cc:noSuchThing ?b }",
        "application/sparql-results+xml",
    );
    assert!(
        ask_xml.body.contains("<boolean>false</boolean>"),
        "{}",
        ask_xml.body
    );
}

#[test]
fn construct_results_in_turtle_ntriples_and_json_ld() {
    let server = serve(&[]);
    let construct = "CONSTRUCT { ?a cc:friendshipCity ?b . ?a rdfs:label ?l } WHERE { ?a cc:friendshipCity ?b . ?a rdfs:label ?l }";
    let turtle = server.query(construct, "text/turtle");
    assert_eq!(turtle.status, 200, "{}", turtle.body);
    assert!(turtle.content_type.starts_with("text/turtle"));
    let expected = triples(oxigraph::io::RdfFormat::Turtle, &turtle.body);
    assert!(expected.len() >= 6, "{}", turtle.body);
    let nt = server.query(construct, "application/n-triples");
    assert!(nt.content_type.starts_with("application/n-triples"));
    assert_eq!(
        triples(oxigraph::io::RdfFormat::NTriples, &nt.body),
        expected
    );
    let ld = server.query(construct, "application/ld+json");
    assert!(ld.content_type.starts_with("application/ld+json"));
    assert_eq!(triples(json_ld(), &ld.body), expected);
    let default = server.query(construct, "*/*");
    assert!(
        default.content_type.starts_with("text/turtle"),
        "Turtle is the default for graphs"
    );
}

#[test]
fn queries_by_post_form_and_direct_body() {
    let server = serve(&[]);
    let by_get = server.query(PAIRS, "text/csv").body;
    let form = format!("query={}", percent_encode(PAIRS));
    let by_form = server.send(
        "POST",
        "/sparql",
        "application/x-www-form-urlencoded",
        form.as_bytes(),
        None,
    );
    assert_eq!(by_form.status, 200);
    let direct = server.send(
        "POST",
        "/sparql",
        "application/sparql-query",
        PAIRS.as_bytes(),
        None,
    );
    assert_eq!(direct.status, 200);
    // Both default to SPARQL JSON; compare through CSV-equivalent row counts.
    let rows = |body: &str| {
        serde_json::from_str::<serde_json::Value>(body).expect("json")["results"]["bindings"]
            .as_array()
            .map(Vec::len)
            .unwrap_or(0)
    };
    assert_eq!(rows(&by_form.body), by_get.lines().count() - 1);
    assert_eq!(rows(&direct.body), by_get.lines().count() - 1);
    let wrong_type = server.send("POST", "/sparql", "text/plain", PAIRS.as_bytes(), None);
    assert_eq!(wrong_type.status, 415);
    // The protocol's dataset parameters override the union default graph.
    let document = server.query(
        "SELECT ?d WHERE { ?d a cc:Document } ORDER BY ?d LIMIT 1",
        "text/csv",
    );
    let document = document
        .body
        .lines()
        .nth(1)
        .expect("a document")
        .trim()
        .to_owned();
    let one = server.get(
        &format!(
            "/sparql?query={}&default-graph-uri={}",
            percent_encode("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a cc:Document }"),
            percent_encode(&document)
        ),
        Some("text/csv"),
    );
    assert_eq!(one.body.lines().nth(1), Some("1"), "{}", one.body);
}

#[test]
fn service_description_health_and_unknown_paths() {
    let server = serve(&[]);
    let description = server.get("/sparql", None);
    assert_eq!(description.status, 200);
    assert!(description.content_type.starts_with("text/turtle"));
    let description_triples = triples(oxigraph::io::RdfFormat::Turtle, &description.body);
    let service = "<http://www.w3.org/ns/sparql-service-description#Service>";
    assert!(
        description_triples
            .iter()
            .any(|t| t.ends_with(&format!("{service} ."))),
        "{}",
        description.body
    );
    assert!(description.body.contains("sd:UnionDefaultGraph"));
    assert!(
        !description.body.contains("SPARQL11Update"),
        "updates are off without a token"
    );
    let health = server.get("/health", None);
    assert_eq!((health.status, health.body.trim()), (200, "ok"));
    assert_eq!(server.get("/no/such/page", None).status, 404);
    assert_eq!(
        server
            .send("POST", "/health", "text/plain", b"", None)
            .status,
        405
    );
}

#[test]
fn a_malformed_query_is_400_with_line_and_column() {
    let server = serve(&[]);
    let answer = server.query(
        "SELECT ?x WHERE {\n  ?x cc:friendshipCity \n}",
        "application/json",
    );
    assert_eq!(answer.status, 400, "{}", answer.body);
    assert!(
        answer.body.contains("SPARQL syntax error"),
        "{}",
        answer.body
    );
    assert!(
        answer.body.contains("3:1") || answer.body.contains("2:"),
        "the message gives line:column: {}",
        answer.body
    );
    let undeclared = server.query("SELECT * WHERE { ?x nope:p ?y }", "application/json");
    assert_eq!(undeclared.status, 400);
    assert!(undeclared.body.contains("1:"), "{}", undeclared.body);
}

#[test]
fn without_a_token_every_write_is_forbidden() {
    let server = serve(&[]);
    let update = server.send(
        "POST",
        "/update",
        "application/sparql-update",
        b"INSERT DATA { cc:a cc:b cc:c }",
        None,
    );
    assert_eq!(update.status, 403, "{}", update.body);
    assert!(update.body.contains("--update-token"));
    let with_a_guess = server.send(
        "POST",
        "/update",
        "application/sparql-update",
        b"INSERT DATA { cc:a cc:b cc:c }",
        Some(TOKEN),
    );
    assert_eq!(with_a_guess.status, 403);
    let put = server.send(
        "PUT",
        "/store?graph=urn:x",
        "text/turtle",
        b"<urn:a> <urn:b> <urn:c> .",
        None,
    );
    assert_eq!(put.status, 403);
    assert_eq!(server.delete("/store?default", None).status, 403);
    assert_eq!(
        server
            .send(
                "POST",
                "/ingest?source=a.txt",
                "text/plain",
                "青岛市".as_bytes(),
                None
            )
            .status,
        403
    );
    assert_eq!(
        server.count("SELECT (COUNT(*) AS ?n) WHERE { cc:a ?p ?o }"),
        0
    );
    assert_eq!(
        server.get("/store?default", Some("text/turtle")).status,
        200,
        "reads stay open"
    );
}

#[test]
fn the_update_token_is_required_and_checked() {
    let server = serve(&["--update-token", TOKEN]);
    let insert = b"INSERT DATA { GRAPH <urn:fix> { cc:a cc:friendshipCity cc:b } }";
    let missing = server.send("POST", "/update", "application/sparql-update", insert, None);
    assert_eq!(missing.status, 401);
    assert_eq!(
        missing.header("www-authenticate"),
        Some("Bearer realm=\"cckg\"")
    );
    let wrong = server.send(
        "POST",
        "/update",
        "application/sparql-update",
        insert,
        Some("not-the-token"),
    );
    assert_eq!(wrong.status, 403);
    assert_eq!(
        server.count("SELECT (COUNT(*) AS ?n) WHERE { cc:a ?p ?o }"),
        0
    );
    let right = server.send(
        "POST",
        "/update",
        "application/sparql-update",
        insert,
        Some(TOKEN),
    );
    assert_eq!(right.status, 204, "{}", right.body);
    assert_eq!(
        server.count("SELECT (COUNT(*) AS ?n) WHERE { cc:a cc:friendshipCity cc:b }"),
        1
    );
    let form = format!(
        "update={}",
        percent_encode("DELETE DATA { GRAPH <urn:fix> { cc:a cc:friendshipCity cc:b } }")
    );
    let by_form = server.send(
        "POST",
        "/update",
        "application/x-www-form-urlencoded",
        form.as_bytes(),
        Some(TOKEN),
    );
    assert_eq!(by_form.status, 204, "{}", by_form.body);
    assert_eq!(
        server.count("SELECT (COUNT(*) AS ?n) WHERE { cc:a ?p ?o }"),
        0
    );
    let malformed = server.send(
        "POST",
        "/update",
        "application/sparql-update",
        b"INSERT DATA { oops",
        Some(TOKEN),
    );
    assert_eq!(malformed.status, 400);
    assert_eq!(server.get("/update", None).status, 405);
    assert!(server.get("/sparql", None).body.contains("SPARQL11Update"));
}

#[test]
fn graph_store_put_get_post_delete_round_trip() {
    let server = serve(&["--update-token", TOKEN]);
    let graph = "/store?graph=urn%3Acckg%3Atest";
    let turtle = "@prefix cc: <https://w3id.org/cckg/ontology#> .\n\
                  <https://w3id.org/cckg/id/x> cc:friendshipCity <https://w3id.org/cckg/id/y> ;\n  \
                  <http://www.w3.org/2000/01/rdf-schema#label> \"某市\"@zh , \"Some City\"@en .\n";
    assert_eq!(server.get(graph, None).status, 404);
    let created = server.send("PUT", graph, "text/turtle", turtle.as_bytes(), Some(TOKEN));
    assert_eq!(created.status, 201, "{}", created.body);
    let back = server.get(graph, Some("text/turtle"));
    assert_eq!(back.status, 200);
    assert_eq!(
        triples(oxigraph::io::RdfFormat::Turtle, &back.body),
        triples(oxigraph::io::RdfFormat::Turtle, turtle)
    );
    let as_nt = server.get(graph, Some("application/n-triples"));
    assert_eq!(
        triples(oxigraph::io::RdfFormat::NTriples, &as_nt.body).len(),
        3
    );
    let as_ld = server.get(graph, Some("application/ld+json"));
    assert_eq!(triples(json_ld(), &as_ld.body).len(), 3);

    let replaced = server.send(
        "PUT",
        graph,
        "application/n-triples",
        b"<urn:a> <urn:b> <urn:c> .\n",
        Some(TOKEN),
    );
    assert_eq!(replaced.status, 204);
    let added = server.send(
        "POST",
        graph,
        "application/n-triples",
        b"<urn:a> <urn:b> <urn:d> .\n",
        Some(TOKEN),
    );
    assert_eq!(added.status, 204);
    assert_eq!(
        triples(
            oxigraph::io::RdfFormat::Turtle,
            &server.get(graph, Some("text/turtle")).body
        )
        .len(),
        2
    );
    let broken = server.send(
        "PUT",
        graph,
        "text/turtle",
        b"<urn:a> <urn:b> .",
        Some(TOKEN),
    );
    assert_eq!(broken.status, 400, "{}", broken.body);
    assert_eq!(
        triples(
            oxigraph::io::RdfFormat::Turtle,
            &server.get(graph, None).body
        )
        .len(),
        2,
        "a bad body changes nothing"
    );
    assert_eq!(
        server
            .send("PUT", graph, "image/png", b"x", Some(TOKEN))
            .status,
        415
    );

    assert_eq!(server.delete(graph, Some(TOKEN)).status, 204);
    assert_eq!(server.get(graph, None).status, 404);
    assert_eq!(server.delete(graph, Some(TOKEN)).status, 404);

    // The whole dataset: every document graph, as N-Quads.
    let documents =
        server.count("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?d a cc:Document } }");
    let dump = server.get("/store", Some("application/n-quads"));
    assert_eq!(dump.status, 200);
    let graphs: BTreeSet<&str> = dump
        .body
        .lines()
        .filter_map(|l| l.trim_end_matches(" .").rsplit(' ').next())
        .collect();
    assert!(
        graphs.len() >= documents,
        "{} graphs in the dump",
        graphs.len()
    );
    assert_eq!(dump.body.lines().count(), server.count(COUNT_ALL));
}

#[test]
fn a_slow_query_times_out_and_the_server_stays_up() {
    let server = serve(&["--timeout", "0.5"]);
    // Every node to every node it reaches, twice over: minutes of index reads (oxigraph
    // checks the cancellation token on each read).
    let slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a (!<urn:x:none>)* ?b . ?b (!<urn:x:none>)* ?c }";
    let started = Instant::now();
    let answer = server.query(slow, "application/sparql-results+json");
    let took = started.elapsed();
    assert_eq!(answer.status, 503, "{}", answer.body);
    assert!(answer.body.contains("timeout"), "{}", answer.body);
    assert!(took < Duration::from_secs(20), "cancelled after {took:?}");
    assert_eq!(server.get("/health", None).status, 200);
    assert!(server.count("SELECT (COUNT(*) AS ?n) WHERE { ?d a cc:Document }") >= 6);
}

#[test]
fn an_oversized_body_is_413() {
    let server = serve(&["--max-body", "1K", "--update-token", TOKEN]);
    let padding = format!("{PAIRS}\n#{}", "x".repeat(2048));
    let answer = server.send(
        "POST",
        "/sparql",
        "application/sparql-query",
        padding.as_bytes(),
        None,
    );
    assert_eq!(answer.status, 413, "{}", answer.body);
    let small = server.send(
        "POST",
        "/sparql",
        "application/sparql-query",
        PAIRS.as_bytes(),
        None,
    );
    assert_eq!(small.status, 200);
    let article = "青岛市与日本下关市缔结友好城市关系。".repeat(100);
    let ingest = server.send(
        "POST",
        "/ingest?source=big.txt",
        "text/plain",
        article.as_bytes(),
        Some(TOKEN),
    );
    assert_eq!(ingest.status, 413);
}

#[test]
fn results_are_capped_and_the_cut_is_reported() {
    let server = serve(&["--max-results", "5"]);
    let all = server.query("SELECT * WHERE { ?s ?p ?o }", "text/csv");
    assert_eq!(all.status, 200);
    assert_eq!(all.body.lines().count(), 6, "header and 5 rows");
    assert_eq!(all.header("cckg-truncated"), Some("5"));
    let few = server.query("SELECT * WHERE { ?d a cc:Document } LIMIT 3", "text/csv");
    assert_eq!(few.header("cckg-truncated"), None);
    let graph = server.query("CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples");
    assert_eq!(graph.body.lines().count(), 5);
    assert_eq!(graph.header("cckg-truncated"), Some("5"));
}

#[test]
fn cors_headers_only_when_asked() {
    let closed = serve(&[]);
    assert_eq!(
        closed
            .query(PAIRS, "text/csv")
            .header("access-control-allow-origin"),
        None
    );
    let open = serve(&["--cors", "https://example.org"]);
    let answer = open.query(PAIRS, "text/csv");
    assert_eq!(
        answer.header("access-control-allow-origin"),
        Some("https://example.org")
    );
    let preflight = read(
        open.agent
            .options(format!("{}/sparql", open.base))
            .header("Origin", "https://example.org")
            .header("Access-Control-Request-Method", "POST")
            .call()
            .expect("OPTIONS"),
    );
    assert_eq!(preflight.status, 204);
    assert!(
        preflight
            .header("access-control-allow-methods")
            .is_some_and(|m| m.contains("POST"))
    );
}

/// The regression this guards: a reader must never count a document whose old version
/// is half removed or whose new version is half written.
#[test]
fn readers_never_see_half_a_document_while_ingest_replaces_it() {
    let server = std::sync::Arc::new(serve(&["--update-token", TOKEN]));
    let corpus = sample_corpus();
    let version = |file: &str| {
        let mut text = std::fs::read(corpus.join(file)).expect("article");
        // Not byte-identical to the corpus copy, so it is a document of its own.
        text.extend_from_slice("\n（转载）\n".as_bytes());
        text
    };
    let versions = [
        version("qingdao-japan-2020.txt"),
        version("ningbo-hamburg-2018.txt"),
    ];
    let post = |server: &Served, body: &[u8]| {
        let answer = server.send(
            "POST",
            "/ingest?source=%2Fnews%2Fflip.txt",
            "text/plain; charset=utf-8",
            body,
            Some(TOKEN),
        );
        assert!(matches!(answer.status, 200 | 201), "{}", answer.body);
        serde_json::from_str::<serde_json::Value>(&answer.body).expect("json")
    };
    let first = post(&server, &versions[0]);
    assert_eq!(first["change"], "added");
    /// Quads and graphs, counted in one query: one snapshot of the store.
    fn read_both(server: &Served) -> (usize, usize) {
        let consistent =
            "SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?g) AS ?d) WHERE { GRAPH ?g { ?s ?p ?o } }";
        let answer = server.query(consistent, "text/csv");
        assert_eq!(answer.status, 200, "{}", answer.body);
        let row = answer.body.lines().nth(1).expect("row").to_owned();
        let (n, d) = row.split_once(',').expect("two columns");
        (
            n.parse::<usize>().expect("n"),
            d.trim().parse::<usize>().expect("d"),
        )
    }
    let (with_first, documents) = read_both(&server);
    let second = post(&server, &versions[1]);
    assert_eq!(second["change"], "replaced");
    let (with_second, same_documents) = read_both(&server);
    assert_eq!(
        documents, same_documents,
        "a replacement keeps the number of documents"
    );
    assert_ne!(with_first, with_second, "the two versions differ in size");

    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let readers: Vec<_> = (0..3)
        .map(|_| {
            let server = std::sync::Arc::clone(&server);
            let done = std::sync::Arc::clone(&done);
            std::thread::spawn(move || {
                let mut seen = BTreeSet::new();
                let mut reads = 0;
                while !done.load(std::sync::atomic::Ordering::SeqCst) {
                    let (n, d) = read_both(&server);
                    assert_eq!(d, documents, "a reader saw {d} documents");
                    assert!(
                        n == with_first || n == with_second,
                        "a reader saw {n} quads: half a document"
                    );
                    seen.insert(n);
                    reads += 1;
                }
                (reads, seen)
            })
        })
        .collect();
    for round in 0..12 {
        let answer = post(&server, &versions[round % 2]);
        assert_eq!(answer["change"], "replaced");
    }
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    let mut reads = 0;
    let mut seen = BTreeSet::new();
    for reader in readers {
        let (n, values) = reader.join().expect("a reader failed");
        reads += n;
        seen.extend(values);
    }
    assert!(reads >= 12, "only {reads} reads overlapped the writes");
    assert_eq!(
        seen.len(),
        2,
        "readers saw both versions while they were swapped"
    );
}

/// The first `/entity?iri=…` link of a page, decoded from HTML.
fn first_entity_link(html: &str) -> String {
    let start = html.find("href=\"/entity?iri=").expect("an entity link") + "href=\"".len();
    let end = start + html[start..].find('"').expect("end of link");
    html[start..end].replace("&amp;", "&")
}

#[test]
fn web_pages_render_and_escape_everything() {
    let server = serve(&[]);
    let index = server.get("/", None);
    assert_eq!(index.status, 200);
    assert!(index.content_type.starts_with("text/html"));
    for (name, _) in cckg::cookbook::QUERIES {
        assert!(
            index.body.contains(&format!("/?query={name}&amp;run=1")),
            "{name} is one click away"
        );
    }
    let ran = server.get("/?query=sister-cities&run=1", None);
    assert_eq!(ran.status, 200);
    assert!(
        ran.body.contains("<table class=\"results sortable\">"),
        "{}",
        ran.body
    );
    assert!(ran.body.contains("href=\"/entity?iri="));
    assert!(
        ran.body.contains("format=csv&amp;download")
            && ran.body.contains("format=json&amp;download")
    );
    let broken = server.get(
        &format!("/?query={}&run=1", percent_encode("SELECT <oops")),
        None,
    );
    assert_eq!(broken.status, 400);
    assert!(broken.body.contains("class=\"error\""));

    let search = server.get(&format!("/search?q={}", percent_encode("青岛")), None);
    assert_eq!(search.status, 200);
    assert!(search.body.contains("青岛"));
    let english = server.get("/search?q=qing", None);
    assert!(
        english.body.contains("Qingdao"),
        "prefix search is case-insensitive: {}",
        english.body
    );
    let entity = server.get(&first_entity_link(&search.body), None);
    assert_eq!(entity.status, 200);
    assert!(
        entity.body.contains("<h1><span lang=\"zh\">青岛"),
        "{}",
        entity.body
    );
    assert!(
        entity.body.contains("<blockquote"),
        "relations come with their evidence"
    );
    assert!(entity.body.contains("id=\"diagram\""));
    let by_name = server.get(&format!("/entity?name={}", percent_encode("Qingdao")), None);
    assert!(matches!(by_name.status, 200 | 300), "{}", by_name.status);

    let hostile = "<script>alert(1)</script>\"'";
    let escaped = server.get(&format!("/search?q={}", percent_encode(hostile)), None);
    assert!(
        !escaped.body.contains("<script>alert"),
        "the query is escaped"
    );
    assert!(
        escaped
            .body
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;")
    );
    let in_editor = server.get(
        &format!(
            "/?query={}",
            percent_encode(&format!("SELECT * {{}} # </textarea>{hostile}"))
        ),
        None,
    );
    assert!(!in_editor.body.contains("</textarea><script>"));
    assert_eq!(
        server
            .get(
                &format!("/entity?iri={}", percent_encode("urn:nothing")),
                None
            )
            .status,
        404
    );
    let css = server.get("/assets/style.css", None);
    assert!(css.content_type.starts_with("text/css") && css.body.contains("Noto Sans CJK SC"));
    assert!(
        server
            .get("/assets/app.js", None)
            .content_type
            .starts_with("text/javascript")
    );
}

#[test]
fn sparqlwrapper_reads_the_endpoint() {
    let server = serve(&[]);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/sparql_client.py");
    let out = Command::new("python3")
        .arg(&script)
        .arg(format!("{}/sparql", server.base))
        .output()
        .expect("python3 (run scripts/setup.sh)");
    assert!(
        out.status.success(),
        "SPARQLWrapper failed (run scripts/setup.sh to install it): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("the script prints JSON");
    let pairs = server.count("SELECT (COUNT(*) AS ?n) WHERE { ?a cc:friendshipCity ?b }");
    assert_eq!(report["select_json"], pairs, "{report}");
    assert_eq!(report["select_xml"], pairs);
    assert_eq!(report["select_csv"], pairs);
    assert_eq!(report["select_post"], pairs);
    assert_eq!(report["ask"], true);
    let distinct = server.count(
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?a ?b WHERE { ?a cc:friendshipCity ?b } }",
    );
    assert_eq!(report["construct_triples"], distinct);
    assert!(
        report["syntax_error"]
            .as_str()
            .is_some_and(|m| m.contains("400") || m.contains("Bad")),
        "{report}"
    );
}

/// Runs headless Chromium on a URL: the DOM after scripts ran, and a screenshot.
fn chromium(url: &str, screenshot: &Path) -> String {
    let binary = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned());
    assert!(
        Path::new(&binary).exists(),
        "{binary} is missing: run scripts/setup.sh (it installs Debian's chromium), or set CHROMIUM"
    );
    let run = |extra: &[String]| {
        let profile = tempfile::tempdir().expect("profile dir");
        let mut child = Command::new(&binary)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--virtual-time-budget=5000",
                "--window-size=1280,900",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(extra)
            .arg(url)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromium");
        let mut stdout = child.stdout.take().expect("stdout");
        let reader = std::thread::spawn(move || {
            let mut dom = String::new();
            let _ = stdout.read_to_string(&mut dom);
            dom
        });
        let started = Instant::now();
        while child.try_wait().expect("wait").is_none() {
            if started.elapsed() > Duration::from_secs(90) {
                let _ = child.kill();
                panic!("chromium did not finish in 90 s on {url}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        reader.join().expect("reader")
    };
    let dom = run(&["--dump-dom".to_owned()]);
    let _ = std::fs::remove_file(screenshot);
    run(&[format!("--screenshot={}", screenshot.display())]);
    let png = std::fs::read(screenshot)
        .unwrap_or_else(|e| panic!("no screenshot at {}: {e}", screenshot.display()));
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "{} is not a real screenshot",
        screenshot.display()
    );
    dom
}

#[test]
fn chromium_renders_a_cookbook_query_and_an_entity_page() {
    let server = serve(&[]);
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let query = chromium(
        &format!("{}/?query=sister-cities-of&run=1", server.base),
        &shots.join("server-query.png"),
    );
    assert!(
        query.contains("<table class=\"results sortable\">"),
        "{query}"
    );
    assert!(
        query.contains("title=\"Sort\""),
        "the page's script ran in the browser"
    );
    let rows = query
        .split("id=\"row-count\">")
        .nth(1)
        .and_then(|r| r.split('<').next())
        .and_then(|n| n.parse::<usize>().ok());
    assert!(
        rows.is_some_and(|n| n > 0),
        "the query returned rows in the browser"
    );
    let search = server.get(&format!("/search?q={}", percent_encode("青岛")), None);
    let entity = chromium(
        &format!("{}{}", server.base, first_entity_link(&search.body)),
        &shots.join("server-entity.png"),
    );
    assert!(
        entity.contains("<table class=\"relations sortable\">"),
        "{entity}"
    );
    assert!(
        entity.contains("<mark>"),
        "evidence sentences mark the names"
    );
}

/// `cckg ingest --endpoint` from another process while the server holds the store.
#[test]
fn ingest_from_another_process_goes_through_the_endpoint() {
    let served = serve(&["--update-token", TOKEN]);
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("remote.txt");
    std::fs::write(
        &article,
        "2021-06-01\n烟台市与韩国原州市缔结友好城市关系。\n",
    )
    .expect("write");
    let run = |token: &str| {
        Command::new(env!("CARGO_BIN_EXE_cckg"))
            .env_remove("CCKG_UPDATE_TOKEN")
            .args(["ingest", "--endpoint", &served.base, "--token", token])
            .arg(&article)
            .output()
            .expect("run cckg ingest")
    };
    let refused = run("wrong");
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("403"));
    let sent = run(TOKEN);
    assert!(
        sent.status.success(),
        "{}",
        String::from_utf8_lossy(&sent.stderr)
    );
    assert!(String::from_utf8_lossy(&sent.stderr).contains("1 new"));
    let answer = served.query(
        "ASK { ?d cc:sourcePath ?p FILTER(STRENDS(?p, \"remote.txt\")) }",
        "application/sparql-results+json",
    );
    assert!(answer.body.contains("true"), "{}", answer.body);
}
