//! Finding an entity by IRI or by a name a researcher types: [`KnowledgeGraph::find`].

use super::{KnowledgeGraph, NodeData, NodeIndex, local_name};
use crate::{Error, Result};

/// How many close names a "not found" error suggests.
const SUGGESTIONS: usize = 5;

impl KnowledgeGraph {
    /// The node an IRI or a name designates.
    ///
    /// # Arguments
    /// * `name_or_iri` — an exact IRI, or any label or alias in any language, compared
    ///   case-insensitively, with a trailing 市/省/县 optional on either side
    ///   (`青岛` finds `青岛市`, `qingdao` finds `Qingdao`). The last segment of an IRI
    ///   counts as a name too.
    ///
    /// # Returns
    /// The node, or [`Error::NotFound`] listing up to five close names (by edit distance),
    /// or [`Error::Ambiguous`] listing every matching entity with its type and IRI.
    ///
    /// # Complexity
    /// O(1) for an IRI; O(N · L²) otherwise, N names of length L.
    ///
    /// # Example
    /// ```
    /// use cckg::graph::{KnowledgeGraph, NodeData};
    /// let node = NodeData { label_zh: Some("青岛市".into()), ..NodeData::new("ex:qingdao") };
    /// let graph = KnowledgeGraph::from_parts(vec![node], vec![]);
    /// assert!(graph.find("青岛").is_ok());
    /// assert!(graph.find("ex:qingdao").is_ok());
    /// let err = graph.find("青島").unwrap_err().to_string();
    /// assert!(err.contains("青岛市"), "{err}");
    /// ```
    pub fn find(&self, name_or_iri: &str) -> Result<NodeIndex> {
        let query = name_or_iri.trim();
        if let Some(i) = self.index_of(query) {
            return Ok(i);
        }
        let wanted = normalize(query);
        let matches: Vec<NodeIndex> = self
            .nodes()
            .filter(|(_, node)| names(node).any(|n| normalize(n) == wanted))
            .map(|(i, _)| i)
            .collect();
        match matches.len() {
            1 => Ok(matches[0]),
            0 => Err(Error::NotFound(self.not_found_message(query, &wanted))),
            _ => Err(Error::Ambiguous {
                name: query.to_owned(),
                candidates: matches.iter().map(|&i| describe(self.node(i))).collect(),
            }),
        }
    }

    fn not_found_message(&self, query: &str, wanted: &str) -> String {
        let wanted: Vec<char> = wanted.chars().collect();
        let mut scored: Vec<(usize, &str, NodeIndex)> = Vec::new();
        for (i, node) in self.nodes() {
            let best = names(node)
                .map(|n| {
                    let chars: Vec<char> = normalize(n).chars().collect();
                    (
                        levenshtein(&wanted, &chars),
                        chars.len().max(wanted.len()),
                        n,
                    )
                })
                .filter(|&(d, longest, _)| d < longest)
                .min_by_key(|&(d, _, n)| (d, n));
            if let Some((d, _, n)) = best {
                scored.push((d, n, i));
            }
        }
        scored.sort_unstable();
        if scored.is_empty() {
            return format!("no entity named '{query}'");
        }
        let close: Vec<String> = scored
            .iter()
            .take(SUGGESTIONS)
            .map(|&(_, _, i)| describe(self.node(i)))
            .collect();
        format!("no entity named '{query}'; closest: {}", close.join("; "))
    }
}

/// Every name a node answers to.
fn names(node: &NodeData) -> impl Iterator<Item = &str> {
    node.label_zh
        .as_deref()
        .into_iter()
        .chain(node.label_en.as_deref())
        .chain(node.aliases.iter().map(String::as_str))
        .chain(std::iter::once(local_name(&node.iri)))
}

/// `青岛市 [City] <https://…>`.
fn describe(node: &NodeData) -> String {
    let kind = node.kind.map_or("untyped", |k| k.as_str());
    format!("{} [{kind}] <{}>", node.name(), node.iri)
}

/// Lower case, single spaces, without a trailing administrative suffix.
fn normalize(name: &str) -> String {
    let lower = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    match lower.strip_suffix(['市', '省', '县']) {
        Some(stem) if !stem.is_empty() => stem.to_owned(),
        _ => lower,
    }
}

/// Edit distance in characters (insertions, deletions, substitutions).
fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::fixtures::cities;

    #[test]
    fn finds_by_iri_label_alias_and_without_suffix() {
        let g = cities();
        let qingdao = g
            .index_of("https://w3id.org/cckg/id/city/qingdao")
            .expect("fixture");
        for name in [
            "https://w3id.org/cckg/id/city/qingdao",
            "青岛市",
            "青岛",
            "QINGDAO",
            "岛城",
            "qingdao",
        ] {
            assert_eq!(g.find(name).expect(name), qingdao, "{name}");
        }
        // The suffix is optional on the query side too.
        let shandong = g.find("山东省").expect("province");
        assert_eq!(g.find("山东").expect("province"), shandong);
    }

    #[test]
    fn unknown_name_suggests_close_names() {
        let err = cities().find("青島").expect_err("unknown").to_string();
        assert!(
            err.starts_with("no entity named '青島'; closest: 青岛市 [City]"),
            "{err}"
        );
    }

    #[test]
    fn ambiguous_name_lists_candidates_with_type_and_iri() {
        let err = cities().find("Springfield").expect_err("ambiguous");
        assert!(matches!(&err, Error::Ambiguous { candidates, .. } if candidates.len() == 2));
        let text = err.to_string();
        assert!(
            text.contains("[City] <https://w3id.org/cckg/id/city/springfield-il>"),
            "{text}"
        );
    }

    #[test]
    fn edit_distance() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(levenshtein(&chars("kitten"), &chars("sitting")), 3);
        assert_eq!(levenshtein(&chars("青岛"), &chars("青島")), 1);
        assert_eq!(levenshtein(&chars(""), &chars("ab")), 2);
    }
}
