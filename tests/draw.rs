//! `cckg draw` against the sample store with the real Graphviz renderer.

use crate::support::{cckg, sample_corpus};
use predicates::prelude::*;
use std::path::PathBuf;
use std::sync::OnceLock;

/// The sample corpus ingested once; each test only reads it (one process at a time
/// holds a store, and the binary waits for it).
fn sample_store() -> PathBuf {
    static STORE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    STORE
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("tempdir");
            let store = dir.path().join("store");
            cckg(&store)
                .arg("ingest")
                .arg(sample_corpus())
                .assert()
                .success();
            (dir, store)
        })
        .1
        .clone()
}

fn draw(args: &[&str]) -> std::process::Output {
    cckg(&sample_store())
        .arg("draw")
        .args(args)
        .output()
        .expect("run cckg draw")
}

#[test]
fn ego_svg_has_the_chinese_labels_and_the_neighbours() {
    let out = draw(&["--focus", "青岛", "--depth", "1", "--format", "svg"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = String::from_utf8(out.stdout).expect("utf-8");
    for label in ["青岛市", "川崎市", "札幌市", "日本"] {
        assert!(svg.contains(label), "{label} missing");
    }
    let nodes = svg.matches("class=\"node\"").count();
    let dot =
        String::from_utf8(draw(&["--focus", "青岛", "--format", "dot"]).stdout).expect("utf-8");
    let declared = dot
        .lines()
        .filter(|l| l.trim_start().starts_with('"') && !l.contains("->") && !l.contains(" -- "))
        .count();
    assert_eq!(nodes, declared, "every DOT node is drawn");
    assert!(nodes >= 10, "{nodes} nodes");
    assert!(svg.matches("class=\"edge\"").count() >= nodes - 1);
}

#[test]
fn depth_two_reaches_further_than_depth_one() {
    let one =
        String::from_utf8(draw(&["--focus", "川崎", "--depth", "1", "--format", "svg"]).stdout)
            .expect("utf-8");
    let two =
        String::from_utf8(draw(&["--focus", "川崎", "--depth", "2", "--format", "svg"]).stdout)
            .expect("utf-8");
    assert!(two.matches("class=\"node\"").count() > one.matches("class=\"node\"").count());
    assert!(!one.contains("威海市"));
}

#[test]
fn the_same_name_in_any_language_finds_the_same_entity() {
    let zh = draw(&["--focus", "青岛市", "--format", "dot"]).stdout;
    let en = draw(&["--focus", "Qingdao", "--format", "dot"]).stdout;
    assert!(!zh.is_empty());
    assert_eq!(zh, en);
}

#[test]
fn dot_output_is_deterministic() {
    let a = draw(&["--format", "dot", "--lang", "both", "--cluster", "country"]).stdout;
    let b = draw(&["--format", "dot", "--lang", "both", "--cluster", "country"]).stdout;
    assert_eq!(a, b);
    assert!(String::from_utf8_lossy(&a).contains("cluster"));
}

#[test]
fn png_and_pdf_are_valid_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let png = dir.path().join("q.png");
    let pdf = dir.path().join("q.pdf");
    cckg(&sample_store())
        .args(["draw", "--focus", "青岛", "-o"])
        .arg(&png)
        .assert()
        .success();
    cckg(&sample_store())
        .args(["draw", "--focus", "青岛", "--lang", "en", "-o"])
        .arg(&pdf)
        .assert()
        .success();
    let png = std::fs::read(png).expect("png");
    assert!(
        png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 20_000,
        "{} bytes",
        png.len()
    );
    let pdf = std::fs::read(pdf).expect("pdf");
    assert!(
        pdf.starts_with(b"%PDF") && pdf.len() > 5_000,
        "{} bytes",
        pdf.len()
    );
}

#[test]
fn filters_by_type_and_predicate() {
    let out = draw(&[
        "--types",
        "City",
        "--predicates",
        "friendshipCity",
        "--format",
        "dot",
    ]);
    assert!(out.status.success());
    let dot = String::from_utf8(out.stdout).expect("utf-8");
    assert!(dot.contains("川崎市"));
    assert!(!dot.contains("日本\""), "countries are filtered out");
    assert!(!dot.contains("隶属"), "only friendship edges");
}

#[test]
fn max_nodes_says_how_many_were_left_out() {
    cckg(&sample_store())
        .args(["draw", "--max-nodes", "10", "--format", "dot"])
        .assert()
        .success()
        .stderr(predicate::str::contains("left out"));
}

#[test]
fn a_query_draws_its_subgraph() {
    let dir = tempfile::tempdir().expect("tempdir");
    let query = dir.path().join("q.rq");
    std::fs::write(
        &query,
        "CONSTRUCT { ?a cc:friendshipCity ?b } WHERE { ?a cc:friendshipCity ?b }",
    )
    .expect("write");
    let out = cckg(&sample_store())
        .args(["draw", "--format", "dot", "--query"])
        .arg(&query)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dot = String::from_utf8(out.stdout).expect("utf-8");
    assert!(dot.contains("川崎市") && !dot.contains("瑞穗"));
}

#[test]
fn unknown_focus_lists_close_matches() {
    cckg(&sample_store())
        .args(["draw", "--focus", "青岛港口集团"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no entity named").and(predicate::str::contains("青岛")));
}

#[test]
fn an_empty_selection_and_bad_flags_are_clear_errors() {
    cckg(&sample_store())
        .args(["draw", "--types", "Prefecture", "--predicates", "visited"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing to draw"));
    cckg(&sample_store())
        .args(["draw", "--types", "Town"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Town"));
    cckg(&sample_store())
        .args(["draw", "--layout", "spiral"])
        .assert()
        .code(2);
}

#[test]
fn without_graphviz_dot_still_works_and_svg_says_what_to_install() {
    let empty = tempfile::tempdir().expect("tempdir");
    cckg(&sample_store())
        .env("PATH", empty.path())
        .args(["draw", "--focus", "青岛", "--format", "dot"])
        .assert()
        .success();
    cckg(&sample_store())
        .env("PATH", empty.path())
        .args(["draw", "--focus", "青岛", "--format", "svg"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("apt-get install graphviz"));
}
