//! `cckg analyze`, `path` and `neighbors` on the sample store.

use crate::support::{cckg, ingested_sample, scalar};
use predicates::prelude::*;

fn sample_store(dir: &tempfile::TempDir) -> std::path::PathBuf {
    ingested_sample(dir.path())
}

#[test]
fn qingdao_is_the_most_central_city() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = sample_store(&dir);
    let out = cckg(&store)
        .args(["analyze", "--format", "json"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let analysis: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let rows = analysis["rows"].as_array().expect("rows");
    let top_city = rows.iter().find(|r| r["type"] == "City").expect("a city");
    assert_eq!(top_city["label_zh"], "青岛市");
    let best_pagerank = rows
        .iter()
        .filter(|r| r["type"] == "City")
        .max_by(|a, b| {
            a["pagerank"]
                .as_f64()
                .partial_cmp(&b["pagerank"].as_f64())
                .expect("number")
        })
        .expect("a city");
    assert_eq!(best_pagerank["label_zh"], "青岛市");
    assert!(
        analysis["component_sizes"]
            .as_array()
            .is_some_and(|c| !c.is_empty())
    );
}

#[test]
fn a_path_joins_shimonoseki_and_kyoto_with_evidence() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = sample_store(&dir);
    cckg(&store)
        .args(["path", "下关市", "京都", "--max", "3"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("下关市")
                .and(predicate::str::contains("京都市"))
                .and(predicate::str::contains("“")),
        );
}

#[test]
fn neighbours_are_grouped_by_predicate() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = sample_store(&dir);
    cckg(&store)
        .args(["neighbors", "Kawasaki"])
        .assert()
        .success()
        .stdout(predicate::str::contains("friendshipCity").and(predicate::str::contains("青岛市")));
}

#[test]
fn write_back_stores_the_scores_for_sparql() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = sample_store(&dir);
    cckg(&store)
        .args(["analyze", "--write-back", "--format", "csv"])
        .assert()
        .success();
    let ranked = scalar(
        &store,
        "SELECT (COUNT(?e) AS ?n) WHERE { GRAPH cc:analytics { ?e cc:pageRank ?r ; cc:betweenness ?b ; cc:community ?c } }",
    );
    assert!(ranked > 50);
    // Running it again replaces the graph instead of adding to it.
    cckg(&store)
        .args(["analyze", "--write-back"])
        .assert()
        .success();
    let again = scalar(
        &store,
        "SELECT (COUNT(?e) AS ?n) WHERE { GRAPH cc:analytics { ?e cc:pageRank ?r } }",
    );
    assert_eq!(again, ranked);
}

#[test]
fn unknown_names_are_clear_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = sample_store(&dir);
    cckg(&store)
        .args(["path", "青岛", "Atlantis"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Atlantis"));
}
