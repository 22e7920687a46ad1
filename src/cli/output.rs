//! Printing query results and statistics.

use anyhow::Result;
use cckg::store::{Stats, term_text};
use clap::ValueEnum;
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use std::io::Write;
use unicode_width::UnicodeWidthStr;

/// How query results are printed.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultFormat {
    /// Aligned columns (solutions).
    Table,
    /// SPARQL CSV (solutions).
    Csv,
    /// SPARQL TSV (solutions).
    Tsv,
    /// SPARQL JSON (solutions).
    Json,
    /// SPARQL XML (solutions).
    Xml,
    /// Turtle (graphs).
    Turtle,
    /// N-Triples (graphs).
    Ntriples,
    /// JSON-LD (graphs).
    Jsonld,
}

/// Writes results; `terminal` picks the default (table in a terminal, CSV in a pipe).
pub fn write_results(
    results: QueryResults<'_>,
    format: Option<ResultFormat>,
    terminal: bool,
    out: &mut impl Write,
) -> Result<()> {
    match results {
        QueryResults::Graph(triples) => {
            let rdf = match format {
                None | Some(ResultFormat::Turtle) => RdfFormat::Turtle,
                Some(ResultFormat::Ntriples) => RdfFormat::NTriples,
                Some(ResultFormat::Jsonld) => RdfFormat::JsonLd {
                    profile: JsonLdProfileSet::empty(),
                },
                Some(other) => anyhow::bail!(
                    "--format {other:?} is for SELECT/ASK results; a graph is written as turtle, ntriples or jsonld"
                ),
            };
            let mut serializer = RdfSerializer::from_format(rdf);
            for (prefix, iri) in cckg::vocab::PREFIXES {
                serializer = serializer.with_prefix(*prefix, *iri)?;
            }
            let mut writer = serializer.for_writer(out);
            for triple in triples {
                writer.serialize_triple(&triple?)?;
            }
            writer.finish()?;
        }
        QueryResults::Boolean(value) => match solution_format(format, terminal)? {
            None => writeln!(out, "{value}")?,
            Some(f) => {
                QueryResultsSerializer::from_format(f)
                    .serialize_boolean_to_writer(&mut *out, value)?;
            }
        },
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            match solution_format(format, terminal)? {
                Some(f) => {
                    let mut writer = QueryResultsSerializer::from_format(f)
                        .serialize_solutions_to_writer(&mut *out, variables)?;
                    for solution in solutions {
                        writer.serialize(&solution?)?;
                    }
                    writer.finish()?;
                }
                None => {
                    let header: Vec<String> =
                        variables.iter().map(|v| v.as_str().to_owned()).collect();
                    let mut rows = Vec::new();
                    for solution in solutions {
                        let solution = solution?;
                        rows.push(
                            variables
                                .iter()
                                .map(|v| solution.get(v).map(display_term).unwrap_or_default())
                                .collect(),
                        );
                    }
                    write_table(&header, &rows, out)?;
                    writeln!(out, "({} rows)", rows.len())?;
                }
            }
        }
    }
    Ok(())
}

/// `None` means the aligned table.
fn solution_format(
    format: Option<ResultFormat>,
    terminal: bool,
) -> Result<Option<QueryResultsFormat>> {
    Ok(match format {
        None if terminal => None,
        None => Some(QueryResultsFormat::Csv),
        Some(ResultFormat::Table) => None,
        Some(ResultFormat::Csv) => Some(QueryResultsFormat::Csv),
        Some(ResultFormat::Tsv) => Some(QueryResultsFormat::Tsv),
        Some(ResultFormat::Json) => Some(QueryResultsFormat::Json),
        Some(ResultFormat::Xml) => Some(QueryResultsFormat::Xml),
        Some(other) => anyhow::bail!(
            "--format {other:?} is for CONSTRUCT/DESCRIBE results; use table, csv, tsv, json or xml"
        ),
    })
}

/// A term as a person reads it: a prefixed IRI, or the literal's text.
fn display_term(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => {
            for (prefix, iri) in cckg::vocab::PREFIXES {
                if let Some(local) = n.as_str().strip_prefix(iri)
                    && !local.is_empty()
                {
                    return format!("{prefix}:{local}");
                }
            }
            n.as_str().to_owned()
        }
        Term::Literal(l) => l.value().to_owned(),
        other => term_text(other),
    }
}

/// Columns padded by display width (a CJK character takes two cells).
pub fn write_table(header: &[String], rows: &[Vec<String>], out: &mut impl Write) -> Result<()> {
    const MAX: usize = 60;
    let clip = |s: &str| -> String {
        let flat = s.replace(['\n', '\r', '\t'], " ");
        if flat.width() <= MAX {
            return flat;
        }
        let mut kept = String::new();
        for c in flat.chars() {
            if kept.width() + 2 > MAX {
                break;
            }
            kept.push(c);
        }
        kept.push('…');
        kept
    };
    let header: Vec<String> = header.iter().map(|h| clip(h)).collect();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| clip(c)).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let line = |cells: &[String], out: &mut dyn Write| -> std::io::Result<()> {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w.saturating_sub(c.width()))))
            .collect();
        writeln!(out, "{}", padded.join("  ").trim_end())
    };
    line(&header, out)?;
    writeln!(
        out,
        "{}",
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .join("  ")
    )?;
    for row in &rows {
        line(row, out)?;
    }
    Ok(())
}

/// The `stats` table.
pub fn write_stats(stats: &Stats, out: &mut impl Write) -> Result<()> {
    writeln!(
        out,
        "{} quads, {} documents\n",
        stats.quads, stats.documents
    )?;
    let short = |iri: &str| {
        display_term(&Term::NamedNode(oxigraph::model::NamedNode::new_unchecked(
            iri,
        )))
    };
    let rows: Vec<Vec<String>> = stats
        .classes
        .iter()
        .map(|(c, n)| vec![short(c), n.to_string()])
        .collect();
    write_table(&["class".into(), "entities".into()], &rows, out)?;
    writeln!(out)?;
    let rows: Vec<Vec<String>> = stats
        .predicates
        .iter()
        .map(|(p, n)| vec![short(p), n.to_string()])
        .collect();
    write_table(&["predicate".into(), "relations".into()], &rows, out)?;
    writeln!(out)?;
    let rows: Vec<Vec<String>> = stats
        .per_document
        .iter()
        .map(|(d, src, n)| vec![short(d), src.clone(), n.to_string()])
        .collect();
    write_table(
        &["document".into(), "source".into(), "quads".into()],
        &rows,
        out,
    )?;
    Ok(())
}
