//! Every cookbook query (`docs/queries/*.rq`) on the bundled sample, with the answer a
//! researcher would expect from the articles.

use crate::support::{cckg, sample_corpus};
use cckg::store::{QueryOptions, Store, term_text};
use oxigraph::sparql::QueryResults;
use std::sync::OnceLock;

/// One store with the sample corpus, ingested by the binary, then opened in this process
/// and shared by the tests of this module (one process may hold a store at a time).
fn sample_store() -> &'static Store {
    static STORE: OnceLock<(tempfile::TempDir, Store)> = OnceLock::new();
    &STORE
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("tempdir");
            let path = dir.path().join("store");
            cckg(&path)
                .arg("ingest")
                .arg(sample_corpus())
                .assert()
                .success();
            let store = Store::open(&path).expect("open");
            (dir, store)
        })
        .1
}

fn rows(store: &Store, query: &str) -> Vec<Vec<String>> {
    let QueryResults::Solutions(solutions) =
        store.query(query, &QueryOptions::default()).expect("query")
    else {
        panic!("not a SELECT");
    };
    let variables = solutions.variables().to_vec();
    solutions
        .map(|s| {
            let s = s.expect("solution");
            variables
                .iter()
                .map(|v| s.get(v).map(term_text).unwrap_or_default())
                .collect()
        })
        .collect()
}

fn answer(name: &str) -> Vec<Vec<String>> {
    let (_, text) = cckg::cookbook::QUERIES
        .iter()
        .find(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("no cookbook query {name}"));
    rows(sample_store(), text)
}

/// Whether some row holds cells containing each of `parts`.
fn has_row(rows: &[Vec<String>], parts: &[&str]) -> bool {
    rows.iter().any(|row| {
        parts
            .iter()
            .all(|p| row.iter().any(|cell| cell.contains(p)))
    })
}

#[test]
fn every_cookbook_query_runs_and_answers() {
    for (name, _) in cckg::cookbook::QUERIES {
        assert!(
            !answer(name).is_empty(),
            "{name} gives no rows on the sample"
        );
    }
}

#[test]
fn sister_cities() {
    let rows = answer("sister-cities");
    assert!(has_row(&rows, &["青岛", "川崎"]), "{rows:?}");
}

#[test]
fn sister_cities_of_qingdao() {
    let rows = answer("sister-cities-of");
    for city in ["宫崎", "川崎", "札幌", "京都"] {
        assert!(has_row(&rows, &[city]), "{city} missing: {rows:?}");
    }
}

#[test]
fn officials_and_their_posts() {
    let rows = answer("officials");
    assert!(has_row(&rows, &["李忠", "行长"]), "{rows:?}");
}

#[test]
fn trade_over_time() {
    let rows = answer("trade-over-time");
    assert!(
        has_row(&rows, &["2019", "tradeVolume", "7643000000"]),
        "{rows:?}"
    );
}

#[test]
fn entities_by_document() {
    let rows = answer("entities-by-document");
    assert!(
        has_row(&rows, &["qingdao-japan-2020.txt", "City"]),
        "{rows:?}"
    );
}

#[test]
fn provenance_of_a_statement() {
    let rows = answer("provenance");
    assert!(
        rows.iter()
            .all(|r| r[2].contains("友好") || r[2].to_lowercase().contains("sister")),
        "{rows:?}"
    );
    assert!(rows.iter().all(|r| r[5].ends_with(".txt")));
}

#[test]
fn co_mentioned_organisations() {
    let rows = answer("co-mentioned-organisations");
    assert!(
        rows.iter()
            .all(|r| r[2].parse::<u32>().is_ok_and(|n| n >= 1))
    );
}

#[test]
fn events_with_organisers() {
    let rows = answer("events");
    assert!(has_row(&rows, &["论坛", "organizer"]), "{rows:?}");
}

#[test]
fn ranked_partners() {
    let rows = answer("partners-ranked");
    assert!(
        has_row(&rows, &["日本", "tradePartner", "青岛", "3"]),
        "{rows:?}"
    );
}

#[test]
fn investment_figures() {
    let rows = answer("investment-figures");
    assert!(
        has_row(&rows, &["日本", "investmentProjects", "2155"]),
        "{rows:?}"
    );
}

#[test]
fn zones_and_their_parents() {
    let rows = answer("zones");
    assert!(has_row(&rows, &["青岛片区", "partOf"]), "{rows:?}");
}

#[test]
fn cities_by_country() {
    let rows = answer("cities-by-country");
    assert!(has_row(&rows, &["日本", "川崎"]), "{rows:?}");
}

#[test]
fn facts_by_measure() {
    let rows = answer("facts-by-measure");
    assert!(has_row(&rows, &["tradeVolume"]), "{rows:?}");
}
