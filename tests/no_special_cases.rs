//! Rules must generalise: no extraction code or rule file may name an entity of the seed
//! article (the gazetteer data may, like any other place). Its entities are those of the
//! bundled restatement `data/gold/qingdao-japan-2020.gold.json`.

use cckg::eval::GoldFile;
use std::path::{Path, PathBuf};

fn files_under(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir)
        .expect("readable")
        .filter_map(Result::ok)
    {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, extensions, out);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.contains(&e))
        {
            out.push(path);
        }
    }
}

/// The code of a file without its comments and without its `#[cfg(test)]` module.
fn code_only(text: &str) -> String {
    let before_tests = text.split("#[cfg(test)]").next().unwrap_or_default();
    before_tests
        .lines()
        .filter(|l| {
            let t = l.trim_start();
            !t.starts_with("//") && !t.starts_with('#')
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn no_rule_or_code_path_names_an_entity_of_the_seed_article() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gold =
        GoldFile::from_path(&root.join("data/gold/qingdao-japan-2020.gold.json")).expect("gold");
    let mut names: Vec<String> = Vec::new();
    for entity in &gold.entities {
        // Countries and provinces are vocabulary every rule may use (中国, 日本, 山东省 …).
        if matches!(entity.kind.as_str(), "Country" | "Province") {
            continue;
        }
        names.push(entity.name.clone());
        // A short form that only drops the front of a longer form (示范区 for 上合示范区)
        // is a generic head noun, not a name.
        let forms: Vec<&String> = std::iter::once(&entity.name)
            .chain(&entity.aliases)
            .collect();
        names.extend(
            entity
                .aliases
                .iter()
                .filter(|a| {
                    !forms
                        .iter()
                        .any(|f| f.len() > a.len() && f.ends_with(a.as_str()))
                })
                .cloned(),
        );
    }
    // Generic nouns the article also uses as short forms (“the zone”, “the provincial government”).
    const GENERIC: &[&str] = &["自贸区", "省政府", "市政府", "示范区", "经贸中心"];
    names.retain(|n| n.chars().count() >= 2 && !GENERIC.contains(&n.as_str()));
    let mut files = Vec::new();
    files_under(&root.join("src/extract"), &["rs"], &mut files);
    files_under(&root.join("src/gazetteer"), &["rs"], &mut files);
    files_under(&root.join("data/rules"), &["toml"], &mut files);
    assert!(files.len() >= 4);
    let mut found = Vec::new();
    for file in files {
        let code = code_only(&std::fs::read_to_string(&file).expect("read"));
        for name in &names {
            if code.contains(name.as_str()) {
                found.push(format!("{}: {name}", file.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "special cases for the seed article:\n{}",
        found.join("\n")
    );
}
