use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The `cckg` binary with its store in `store`.
pub fn cckg(store: &Path) -> Command {
    let mut command = Command::cargo_bin("cckg").expect("the cckg binary");
    command.env("CCKG_STORE", store).env_remove("CCKG_DATA");
    command
}

/// The bundled sample corpus.
pub fn sample_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus")
}

/// A store in `dir` with the sample corpus ingested by the binary.
pub fn ingested_sample(dir: &Path) -> PathBuf {
    let store = dir.join("store");
    cckg(&store)
        .arg("ingest")
        .arg(sample_corpus())
        .assert()
        .success();
    store
}

/// The output of `cckg query QUERY --format FORMAT`, which must succeed.
fn answer(store: &Path, query: &str, format: &str) -> Vec<u8> {
    let out = cckg(store)
        .args(["query", query, "--format", format])
        .output()
        .expect("run cckg");
    assert!(
        out.status.success(),
        "{query}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The single number a `SELECT (COUNT(..) AS ?n)` query returns.
pub fn scalar(store: &Path, query: &str) -> usize {
    let text = String::from_utf8(answer(store, query, "tsv")).expect("utf-8");
    let cell = text.lines().nth(1).unwrap_or_default();
    let digits: String = cell
        .trim_matches('"')
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("{query}: not a count: {text}"))
}

/// Rows of a SELECT as tab-separated strings of plain values.
pub fn rows(store: &Path, query: &str) -> Vec<Vec<String>> {
    let json: serde_json::Value =
        serde_json::from_slice(&answer(store, query, "json")).expect("json");
    let vars: Vec<String> = json["head"]["vars"]
        .as_array()
        .map(|v| {
            v.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    json["results"]["bindings"]
        .as_array()
        .map(|rows| {
            rows.iter()
                .map(|row| {
                    vars.iter()
                        .map(|v| row[v]["value"].as_str().unwrap_or_default().to_owned())
                        .collect()
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The IRI of one document graph in the store.
pub fn first_document(store: &Path) -> String {
    rows(
        store,
        "SELECT ?d WHERE { ?d a cc:Document } ORDER BY ?d LIMIT 1",
    )[0][0]
        .clone()
}

/// rdflib's reading of a file: (number of triples or quads, digest of their sorted lines).
pub fn python_check(format: &str, file: &Path) -> (usize, String) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/rdfcheck.py");
    let out = std::process::Command::new("python3")
        .arg(script)
        .arg(format)
        .arg(file)
        .output()
        .expect("python3 (run scripts/setup.sh)");
    assert!(
        out.status.success(),
        "rdflib rejects {} as {format}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let mut parts = text.split_whitespace();
    let n = parts.next().and_then(|n| n.parse().ok()).expect("count");
    (n, parts.next().unwrap_or_default().to_owned())
}
