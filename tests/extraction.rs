//! Extraction on the bundled fixture articles (written for cckg, each with a gold file),
//! through the library and through `cckg extract` / `cckg eval`.

use crate::support::{cckg, sample_corpus};
use cckg::eval::GoldFile;
use cckg::extract::Extractor;
use std::path::{Path, PathBuf};

/// The fixture sets: gold files and the folder of their articles.
fn fixture_sets() -> [(PathBuf, PathBuf); 2] {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    [
        (root.join("data/gold"), sample_corpus()),
        (
            root.join("tests/data/heldout"),
            root.join("tests/data/heldout"),
        ),
    ]
}

fn gold_files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("gold folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    files.sort();
    files
}

/// Every (gold file, article folder) of both sets.
fn gold_files() -> Vec<(PathBuf, PathBuf)> {
    fixture_sets()
        .into_iter()
        .flat_map(|(gold, corpus)| {
            gold_files_in(&gold)
                .into_iter()
                .map(move |g| (g, corpus.clone()))
        })
        .collect()
}

fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

#[test]
fn every_fixture_has_an_article_and_a_gold_file() {
    let gold = gold_files();
    assert!(gold.len() >= 10);
    for (g, corpus) in &gold {
        let gold = GoldFile::from_path(g).expect("gold parses");
        assert!(corpus.join(&gold.document).is_file(), "{}", gold.document);
    }
}

#[test]
fn evidence_and_mentions_are_verbatim_at_their_offsets() {
    let extractor = Extractor::new().expect("extractor");
    for (g, corpus) in gold_files() {
        let gold = GoldFile::from_path(&g).expect("gold");
        let text = std::fs::read_to_string(corpus.join(&gold.document)).expect("article");
        let x = extractor.extract(&gold.document, &text);
        for e in &x.entities {
            assert!(
                !e.mentions.is_empty(),
                "{}: {} has no mention",
                gold.document,
                e.name
            );
            for m in &e.mentions {
                assert_eq!(
                    chars(&text, m.span.start, m.span.end),
                    m.text,
                    "{}",
                    gold.document
                );
            }
        }
        for r in &x.relations {
            assert_eq!(
                chars(&text, r.start, r.end),
                r.evidence,
                "{}: {:?}",
                gold.document,
                r.rule
            );
            assert!(x.entity(&r.subject).is_some() && x.entity(&r.object).is_some());
        }
        for f in &x.facts {
            assert_eq!(
                chars(&text, f.start, f.end),
                f.evidence,
                "{}: {:?}",
                gold.document,
                f.rule
            );
            assert!(x.entity(&f.subject).is_some());
        }
    }
}

/// Floors a little under what the extractor scores today on each fixture set (entity,
/// relation, fact F1), so that a regression fails here; raise them as it improves.
#[test]
fn fixture_scores_stay_above_their_floors() {
    let extractor = Extractor::new().expect("extractor");
    let floors = [(0.94, 0.83, 0.89), (0.93, 0.80, 0.78)];
    for ((gold_dir, corpus), (entity, relation, fact)) in fixture_sets().into_iter().zip(floors) {
        let mut pairs = Vec::new();
        for g in gold_files_in(&gold_dir) {
            let gold = GoldFile::from_path(&g).expect("gold");
            let text = std::fs::read_to_string(corpus.join(&gold.document)).expect("article");
            let predicted = extractor.extract(&gold.document, &text);
            pairs.push((gold, predicted));
        }
        let score = cckg::eval::score_all(&pairs);
        let (e, r, f) = (score.entity.f1(), score.relation.f1(), score.fact.f1());
        let set = gold_dir.display();
        assert!(e >= entity, "{set}: entity F1 {e:.3}");
        assert!(r >= relation, "{set}: relation F1 {r:.3}");
        assert!(f >= fact, "{set}: fact F1 {f:.3}");
    }
}

#[test]
fn extract_prints_the_evaluation_schema() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = cckg(&dir.path().join("store"))
        .args(["extract", "--format", "json"])
        .arg(sample_corpus().join("qingdao-japan-2020.txt"))
        .output()
        .expect("run");
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["document"], "qingdao-japan-2020.txt");
    let entity = &json["entities"][0];
    for key in [
        "id", "type", "name", "aliases", "label_en", "country", "mentions",
    ] {
        assert!(entity.get(key).is_some(), "entities lack {key}");
    }
    let relation = &json["relations"][0];
    for key in ["subject", "predicate", "object", "evidence", "start", "end"] {
        assert!(relation.get(key).is_some(), "relations lack {key}");
    }
    assert!(json["facts"][0].get("measure").is_some());
}

#[test]
fn extract_jsonl_and_turtle() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = [
        sample_corpus().join("qingdao-japan-2020.txt"),
        sample_corpus().join("weihai-korea-2021.txt"),
    ];
    let out = cckg(&dir.path().join("store"))
        .args(["extract", "--format", "jsonl"])
        .args(&files)
        .output()
        .expect("run");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
    let out = cckg(&dir.path().join("store"))
        .args(["extract", "--format", "turtle"])
        .args(&files)
        .output()
        .expect("run");
    let trig = dir.path().join("x.trig");
    std::fs::write(&trig, &out.stdout).expect("write");
    let (quads, _) = crate::support::python_check("trig", &trig);
    assert!(quads > 100);
}

#[test]
fn eval_prints_scores_per_type_and_the_score_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/gold");
    let out = cckg(&dir.path().join("store"))
        .arg("eval")
        .arg(&gold)
        .arg("--verbose")
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("City"), "{text}");
    assert!(text.contains("friendshipCity"), "{text}");
    assert!(
        text.lines()
            .last()
            .is_some_and(|l| l.starts_with("entity_f1=")),
        "{text}"
    );
}
