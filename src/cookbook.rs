//! The cookbook: research queries shipped with cckg (`docs/queries/*.rq`), each
//! opening with a comment that says what it answers.
//!
//! ```
//! let (name, text) = cckg::cookbook::QUERIES[0];
//! assert!(!name.is_empty() && text.starts_with('#'));
//! ```

/// `(name, SPARQL text)` of every cookbook query, in alphabetical order.
pub const QUERIES: &[(&str, &str)] = &[
    (
        "cities-by-country",
        include_str!("../docs/queries/cities-by-country.rq"),
    ),
    (
        "co-mentioned-organisations",
        include_str!("../docs/queries/co-mentioned-organisations.rq"),
    ),
    (
        "entities-by-document",
        include_str!("../docs/queries/entities-by-document.rq"),
    ),
    ("events", include_str!("../docs/queries/events.rq")),
    (
        "facts-by-measure",
        include_str!("../docs/queries/facts-by-measure.rq"),
    ),
    (
        "investment-figures",
        include_str!("../docs/queries/investment-figures.rq"),
    ),
    ("officials", include_str!("../docs/queries/officials.rq")),
    (
        "partners-ranked",
        include_str!("../docs/queries/partners-ranked.rq"),
    ),
    ("provenance", include_str!("../docs/queries/provenance.rq")),
    (
        "sister-cities",
        include_str!("../docs/queries/sister-cities.rq"),
    ),
    (
        "sister-cities-of",
        include_str!("../docs/queries/sister-cities-of.rq"),
    ),
    (
        "trade-over-time",
        include_str!("../docs/queries/trade-over-time.rq"),
    ),
    ("zones", include_str!("../docs/queries/zones.rq")),
];

/// The question a query answers: its leading `#` comment lines, joined.
pub fn description(query: &str) -> String {
    query
        .lines()
        .take_while(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_file_in_docs_queries_is_listed() {
        let mut on_disk: Vec<String> =
            std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/queries"))
                .expect("docs/queries")
                .filter_map(|e| e.ok())
                .filter_map(|e| {
                    e.file_name()
                        .to_str()?
                        .strip_suffix(".rq")
                        .map(str::to_owned)
                })
                .collect();
        on_disk.sort();
        let listed: Vec<&str> = super::QUERIES.iter().map(|(n, _)| *n).collect();
        assert_eq!(on_disk, listed);
    }

    #[test]
    fn every_query_says_what_it_answers() {
        for (name, text) in super::QUERIES {
            assert!(
                super::description(text).len() > 20,
                "{name} has no leading comment"
            );
        }
    }
}
