//! The backbone through the real binary and the real on-disk store: ingest, load, query,
//! update, export (checked with rdflib), stats, build, and the errors a user meets.

use crate::support::{cckg, ingested_sample, python_check, sample_corpus, scalar};
use predicates::prelude::*;
use std::path::Path;

#[test]
fn reingesting_the_same_corpus_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    cckg(&store)
        .args(["ingest"])
        .arg(sample_corpus())
        .assert()
        .success();
    let before = scalar(
        &store,
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    );
    assert!(before > 500, "the sample corpus gives {before} quads");
    cckg(&store)
        .args(["ingest"])
        .arg(sample_corpus())
        .assert()
        .success()
        .stderr(predicate::str::contains("unchanged"));
    assert_eq!(
        scalar(
            &store,
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        ),
        before
    );
}

#[test]
fn a_changed_file_replaces_its_earlier_version() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "2021-03-01\n大连市与日本北九州市缔结友好城市关系。\n",
    )
    .expect("write");
    cckg(&store).arg("ingest").arg(&article).assert().success();
    std::fs::write(
        &article,
        "2021-03-02\n威海市与韩国丽水市缔结友好城市关系。\n",
    )
    .expect("write");
    cckg(&store)
        .arg("ingest")
        .arg(&article)
        .assert()
        .success()
        .stderr(predicate::str::contains("1 replaced"));
    assert_eq!(
        scalar(
            &store,
            "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?d a cc:Document } }"
        ),
        1
    );
    let old = scalar(
        &store,
        "SELECT (COUNT(*) AS ?n) WHERE { ?e rdfs:label ?l FILTER(CONTAINS(?l, \"北九州\")) }",
    );
    assert_eq!(old, 0, "the old version's entities are gone");
}

#[test]
fn a_bad_file_is_named_skipped_and_the_rest_goes_in() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    std::fs::write(corpus.join("good.txt"), "青岛市与日本下关市是友好城市。").expect("write");
    std::fs::write(
        corpus.join("binary.txt"),
        [0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0xff, 0xfe],
    )
    .expect("write");
    cckg(&store)
        .arg("ingest")
        .arg(&corpus)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("binary.txt"))
        .stderr(predicate::str::contains("1 failed"));
    assert_eq!(
        scalar(
            &store,
            "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?d a cc:Document } }"
        ),
        1
    );
}

#[test]
fn a_failed_ingest_leaves_the_store_as_it_was() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = ingested_sample(dir.path());
    let before = scalar(
        &store,
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    );
    let bad = dir.path().join("latin1.txt");
    // Invalid as UTF-8 and as GB18030 (0x80 alone is not a GB18030 lead byte here).
    std::fs::write(&bad, b"caf\xe9 \x80\x80\xff").expect("write");
    cckg(&store)
        .arg("ingest")
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("latin1.txt"));
    assert_eq!(
        scalar(
            &store,
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        ),
        before
    );
}

#[test]
fn a_missing_path_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    cckg(&dir.path().join("store"))
        .args(["ingest", "no/such/folder"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/folder"));
}

#[test]
fn gb18030_articles_are_decoded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let (bytes, _, _) = encoding_rs::GB18030.encode("青岛市与日本下关市缔结友好城市关系。");
    let article = dir.path().join("gbk.txt");
    std::fs::write(&article, &bytes).expect("write");
    cckg(&store).arg("ingest").arg(&article).assert().success();
    let n = scalar(
        &store,
        "SELECT (COUNT(*) AS ?n) WHERE { ?e rdfs:label \"青岛市\"@zh }",
    );
    assert!(n >= 1);
}

#[test]
fn every_export_format_parses_in_rdflib_to_the_same_data() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = ingested_sample(dir.path());
    let export = |format: &str, file: &str| {
        let path = dir.path().join(file);
        cckg(&store)
            .args(["export", "--format", format, "-o"])
            .arg(&path)
            .assert()
            .success();
        path
    };
    let triples = [
        ("turtle", "kg.ttl", "turtle"),
        ("ntriples", "kg.nt", "nt"),
        ("rdfxml", "kg.rdf", "xml"),
    ];
    let expected = python_check("nt", &export("ntriples", "reference.nt"));
    let distinct = scalar(
        &store,
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }",
    );
    assert_eq!(
        expected.0, distinct,
        "N-Triples export holds each triple of the union once"
    );
    for (format, file, rdflib_format) in triples {
        assert_eq!(
            python_check(rdflib_format, &export(format, file)),
            expected,
            "{format}"
        );
    }
    let quads = python_check("nquads", &export("nquads", "kg.nq"));
    let stored = scalar(
        &store,
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    );
    assert_eq!(quads.0, stored);
    assert_eq!(python_check("trig", &export("trig", "kg.trig")), quads);
    assert_eq!(
        python_check("json-ld-quads", &export("jsonld", "kg.jsonld")),
        quads
    );
}

#[test]
fn export_with_ontology_and_of_one_graph() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = ingested_sample(dir.path());
    let with = dir.path().join("with.ttl");
    cckg(&store)
        .args(["export", "--with-ontology", "-o"])
        .arg(&with)
        .assert()
        .success();
    let text = std::fs::read_to_string(&with).expect("read");
    assert!(text.contains("owl:SymmetricProperty"));
    let graph = crate::support::first_document(&store);
    let one = dir.path().join("one.nq");
    cckg(&store)
        .args(["export", "--format", "nquads", "--graph", &graph, "-o"])
        .arg(&one)
        .assert()
        .success();
    let (n, _) = python_check("nquads", &one);
    let expected = scalar(
        &store,
        &format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"),
    );
    assert_eq!(n, expected);
}

#[test]
fn every_results_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = ingested_sample(dir.path());
    let select = "SELECT ?c WHERE { ?c a cc:Country } ORDER BY ?c LIMIT 2";
    let run = |format: &str, query: &str| {
        let out = cckg(&store)
            .args(["query", query, "--format", format])
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    };
    assert!(run("csv", select).starts_with("c\r\n"));
    assert!(run("tsv", select).starts_with("?c\n"));
    let json: serde_json::Value = serde_json::from_str(&run("json", select)).expect("json");
    assert_eq!(
        json["results"]["bindings"].as_array().map(Vec::len),
        Some(2)
    );
    assert!(run("xml", select).contains("<sparql"));
    let table = run("table", select);
    assert!(table.contains("(2 rows)"), "{table}");
    assert_eq!(
        run("json", "ASK { ?c a cc:Country }").trim(),
        r#"{"head":{},"boolean":true}"#
    );
    let construct = "CONSTRUCT { ?c a cc:Country } WHERE { ?c a cc:Country }";
    let ttl = dir.path().join("c.ttl");
    std::fs::write(&ttl, run("turtle", construct)).expect("write");
    let nt = dir.path().join("c.nt");
    std::fs::write(&nt, run("ntriples", construct)).expect("write");
    let jsonld = dir.path().join("c.jsonld");
    std::fs::write(&jsonld, run("jsonld", construct)).expect("write");
    let reference = python_check("nt", &nt);
    assert!(reference.0 >= 2);
    assert_eq!(python_check("turtle", &ttl), reference);
    assert_eq!(python_check("json-ld", &jsonld), reference);
    // Piped output without --format is CSV.
    let piped = cckg(&store).args(["query", select]).output().expect("run");
    assert!(String::from_utf8_lossy(&piped.stdout).starts_with("c\r\n"));
}

#[test]
fn query_syntax_errors_give_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    cckg(&dir.path().join("store"))
        .args(["query", "SELECT ?x WHERE {\n  ?x ?y \n}"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("at 3:"));
}

#[test]
fn update_corrects_a_fact_by_hand() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let file = dir.path().join("fix.ru");
    std::fs::write(
        &file,
        "INSERT DATA { GRAPH <urn:curated> { cc:x cc:friendshipCity cc:y } }",
    )
    .expect("write");
    cckg(&store)
        .args(["update", "-f"])
        .arg(&file)
        .assert()
        .success();
    assert_eq!(
        scalar(
            &store,
            "SELECT (COUNT(*) AS ?n) WHERE { cc:y cc:friendshipCity ?o }"
        ),
        0
    );
    assert_eq!(
        scalar(
            &store,
            "SELECT (COUNT(*) AS ?n) WHERE { cc:x cc:friendshipCity ?o }"
        ),
        1
    );
    cckg(&store)
        .args(["update", "DELETE WHERE { GRAPH ?g { cc:x ?p ?o } }"])
        .assert()
        .success();
    assert_eq!(
        scalar(&store, "SELECT (COUNT(*) AS ?n) WHERE { cc:x ?p ?o }"),
        0
    );
}

/// Regression: oxigraph's union default graph leaves out the store's own default graph,
/// so a triple inserted without `GRAPH` was invisible to queries.
#[test]
fn triples_inserted_without_a_graph_are_queried_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    cckg(&store)
        .arg("ingest")
        .arg(sample_corpus().join("weihai-korea-2021.txt"))
        .assert()
        .success();
    cckg(&store)
        .args(["update", "INSERT DATA { cc:a cc:friendshipCity cc:b }"])
        .assert()
        .success();
    assert_eq!(
        scalar(
            &store,
            "SELECT (COUNT(*) AS ?n) WHERE { cc:a cc:friendshipCity ?o }"
        ),
        1
    );
    assert!(scalar(&store, "SELECT (COUNT(*) AS ?n) WHERE { ?d a cc:Document }") >= 1);
}

#[test]
fn load_reads_every_rdf_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = [
        (
            "a.ttl",
            "@prefix ex: <http://example.org/> . ex:a ex:p \"1\" .",
        ),
        (
            "b.nt",
            "<http://example.org/b> <http://example.org/p> \"2\" .",
        ),
        (
            "c.nq",
            "<http://example.org/c> <http://example.org/p> \"3\" <http://example.org/g> .",
        ),
        (
            "d.trig",
            "@prefix ex: <http://example.org/> . ex:g2 { ex:d ex:p \"4\" }",
        ),
        (
            "e.rdf",
            r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/"><rdf:Description rdf:about="http://example.org/e"><ex:p>5</ex:p></rdf:Description></rdf:RDF>"#,
        ),
        (
            "f.jsonld",
            r#"{"@id": "http://example.org/f", "http://example.org/p": "6"}"#,
        ),
    ];
    let store = dir.path().join("store");
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        cckg(&store).arg("load").arg(&path).assert().success();
    }
    assert_eq!(
        scalar(
            &store,
            "SELECT (COUNT(*) AS ?n) WHERE { ?s <http://example.org/p> ?o }"
        ),
        6
    );
    assert_eq!(
        scalar(
            &store,
            "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        ),
        6
    );
}

#[test]
fn load_of_a_broken_file_names_it_and_loads_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let path = dir.path().join("broken.ttl");
    std::fs::write(
        &path,
        "<http://example.org/a> <http://example.org/p> \"1\" .\n<http://example.org/a> oops .\n",
    )
    .expect("write");
    cckg(&store)
        .arg("load")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("broken.ttl"))
        .stderr(predicate::str::contains("line 2").or(predicate::str::contains("2:")));
    assert_eq!(
        scalar(&store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
        0
    );
}

#[test]
fn a_store_in_use_by_another_process_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let _held = cckg::store::Store::open(&store).expect("open");
    cckg(&store)
        .args(["query", "ASK {}"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("locked"));
}

#[test]
fn an_unwritable_store_location_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, "x").expect("write");
    cckg(&file.join("store"))
        .args(["query", "ASK {}"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not-a-dir"));
}

#[test]
fn stats_count_classes_predicates_and_documents() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = ingested_sample(dir.path());
    let out = cckg(&store)
        .args(["stats", "--format", "json"])
        .output()
        .expect("run");
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let documents = std::fs::read_dir(sample_corpus())
        .expect("corpus")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "txt"))
        })
        .count();
    assert_eq!(stats["documents"].as_u64(), Some(documents as u64));
    assert!(stats["classes"]["https://w3id.org/cckg/ontology#City"].as_u64() > Some(5));
    assert!(
        stats["predicates"]["https://w3id.org/cckg/ontology#friendshipCity"].as_u64() >= Some(1)
    );
}

#[test]
fn build_writes_the_graph_and_the_cookbook_answers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    cckg(&out.join("store"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["build", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("documents"));
    for file in ["kg.ttl", "kg.jsonld", "kg.nq", "queries/sister-cities.csv"] {
        assert!(out.join(file).is_file(), "{file}");
    }
    let (triples, _) = python_check("turtle", &out.join("kg.ttl"));
    assert!(triples > 500);
    assert!(
        Path::new(&out.join("queries"))
            .read_dir()
            .expect("queries")
            .count()
            >= 10
    );
}
