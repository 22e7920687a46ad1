//! The query page (`/`, with the cookbook and server-rendered results), the search
//! page (`/search`) and the not-found page.

use super::App;
use super::entity::{Brief, brief};
use super::html::{self, escape, page};
use super::http::{Params, Reply, percent_encode};
use super::sparql::{self, Dataset};
use crate::cookbook::{QUERIES, description};
use crate::vocab::{cc, skos};
use oxigraph::model::vocab::{rdf, rdfs};
use oxigraph::model::{NamedOrBlankNode, Term};
use oxigraph::sparql::QueryResults;
use std::collections::HashMap;
use std::fmt::Write;
use std::time::Instant;
use unicode_normalization::UnicodeNormalization;

/// Rows shown on the page; downloads give up to `--max-results`.
const SHOWN_ROWS: usize = 1000;
/// Entities listed by a search.
const SEARCH_HITS: usize = 100;

const DEFAULT_QUERY: &str = "# Which cities are friendship (sister) cities of each other?\n\
SELECT ?a ?aName ?b ?bName WHERE {\n  ?a cc:friendshipCity ?b .\n  \
OPTIONAL { ?a rdfs:label ?aName FILTER(LANG(?aName) = \"zh\") }\n  \
OPTIONAL { ?b rdfs:label ?bName FILTER(LANG(?bName) = \"zh\") }\n}\nLIMIT 100\n";

/// `/`: the editor, the cookbook, and with `run=1` the results of the query given by
/// `query` (a cookbook name or SPARQL text).
pub(crate) fn index(app: &App, params: &Params) -> Reply {
    let requested = params.get("query").unwrap_or_default();
    let chosen = QUERIES.iter().find(|(name, _)| *name == requested.trim());
    let text = match chosen {
        Some((_, text)) => (*text).to_owned(),
        None if !requested.trim().is_empty() => requested.to_owned(),
        None => DEFAULT_QUERY.to_owned(),
    };
    let run = params.get("run").is_some_and(|v| v == "1" || v == "true");
    let (status, results) = if run {
        results(app, &text)
    } else {
        (200, String::new())
    };

    let mut cookbook = String::new();
    for (name, query) in QUERIES {
        let active = chosen.is_some_and(|(n, _)| n == name);
        let _ = writeln!(
            cookbook,
            "<li{class}><a href=\"/?query={name}&amp;run=1\">{name}</a><p>{description}</p></li>",
            class = if active { " class=\"active\"" } else { "" },
            name = escape(name),
            description = escape(&description(query)),
        );
    }
    let encoded = percent_encode(&text);
    let documents = app
        .store
        .oxigraph()
        .quads_for_pattern(None, Some(rdf::TYPE), Some(cc::DOCUMENT.into()), None)
        .count();
    let prefixes: Vec<&str> = crate::vocab::PREFIXES.iter().map(|(p, _)| *p).collect();
    let main = format!(
        "<div class=\"layout\">\n\
         <aside class=\"cookbook\"><h2>查询手册 Cookbook</h2><p class=\"hint\">One click runs a query.</p><ul>\n{cookbook}</ul></aside>\n\
         <section class=\"editor\">\n<h1>SPARQL 查询</h1>\n\
         <p class=\"hint\">{documents} documents. Prefixes {prefixes} are pre-declared; the default graph is the union of all documents' graphs.</p>\n\
         <form id=\"query-form\" method=\"get\" action=\"/\">\n\
         <textarea name=\"query\" id=\"query\" rows=\"14\" spellcheck=\"false\" autocapitalize=\"off\">{text}</textarea>\n\
         <div class=\"actions\"><button type=\"submit\" name=\"run\" value=\"1\">运行 Run</button>\
         <span class=\"hint\">Ctrl+Enter</span>\
         <span class=\"downloads\">Results: <a href=\"/sparql?query={encoded}&amp;format=csv&amp;download\">CSV</a> \
         <a href=\"/sparql?query={encoded}&amp;format=json&amp;download\">JSON</a> · \
         Graph: <a href=\"/store?format=turtle&amp;download\">Turtle</a> \
         <a href=\"/store?format=jsonld&amp;download\">JSON-LD</a></span></div>\n\
         </form>\n{results}\n</section>\n</div>",
        prefixes = escape(
            &prefixes
                .iter()
                .map(|p| format!("{p}:"))
                .collect::<Vec<_>>()
                .join(" ")
        ),
        text = escape(&text),
    );
    let title = chosen.map_or("Query", |(name, _)| *name);
    Reply::html(status, page(title, "", &main))
}

/// Runs a query for the page: (HTTP status, the results or the error as HTML).
fn results(app: &App, text: &str) -> (u16, String) {
    let started = Instant::now();
    let running = match sparql::execute(app, text, &Dataset::default()) {
        Ok(running) => running,
        Err(failure) => return (failure.status, error_box(&failure.message)),
    };
    let cap = app.options.max_results.min(SHOWN_ROWS);
    let mut rows = String::new();
    let mut count = 0;
    let mut more = false;
    let header = match running.results {
        QueryResults::Boolean(value) => {
            return (
                200,
                format!(
                    "<div class=\"results\"><p class=\"boolean\">ASK → <strong>{value}</strong></p></div>"
                ),
            );
        }
        QueryResults::Solutions(solutions) => {
            let variables: Vec<String> = solutions
                .variables()
                .iter()
                .map(|v| v.as_str().to_owned())
                .collect();
            for solution in solutions {
                let solution = match solution {
                    Ok(solution) => solution,
                    Err(e) => return failure(&e, app),
                };
                if count == cap {
                    more = true;
                    break;
                }
                rows.push_str("<tr>");
                for variable in &variables {
                    let cell = solution
                        .get(variable.as_str())
                        .map(html::term)
                        .unwrap_or_default();
                    let _ = write!(rows, "<td>{cell}</td>");
                }
                rows.push_str("</tr>\n");
                count += 1;
            }
            variables
        }
        QueryResults::Graph(triples) => {
            for triple in triples {
                let triple = match triple {
                    Ok(triple) => triple,
                    Err(e) => return failure(&e, app),
                };
                if count == cap {
                    more = true;
                    break;
                }
                let subject = html::term(&Term::from(triple.subject.clone()));
                let _ = writeln!(
                    rows,
                    "<tr><td>{subject}</td><td>{}</td><td>{}</td></tr>",
                    html::term(&Term::NamedNode(triple.predicate.clone())),
                    html::term(&triple.object)
                );
                count += 1;
            }
            vec![
                "subject".to_owned(),
                "predicate".to_owned(),
                "object".to_owned(),
            ]
        }
    };
    let milliseconds = started.elapsed().as_millis();
    let note = if more {
        format!(
            " · showing the first {cap}; download CSV or JSON for up to {}",
            app.options.max_results
        )
    } else {
        String::new()
    };
    let head: String = header
        .iter()
        .map(|v| format!("<th>{}</th>", escape(v)))
        .collect();
    (
        200,
        format!(
            "<div class=\"results\" id=\"results\">\n<p class=\"meta\"><span id=\"row-count\">{count}</span> rows in {milliseconds} ms{note}</p>\n\
             <div class=\"table-wrap\"><table class=\"results sortable\">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}</tbody>\n</table></div>\n</div>"
        ),
    )
}

fn failure(error: &oxigraph::sparql::QueryEvaluationError, app: &App) -> (u16, String) {
    let message = if matches!(error, oxigraph::sparql::QueryEvaluationError::Cancelled) {
        (
            503,
            format!(
                "query cancelled after {} s (--timeout)",
                app.options.timeout.as_secs_f64()
            ),
        )
    } else {
        (500, format!("SPARQL evaluation failed: {error}"))
    };
    (message.0, error_box(&message.1))
}

fn error_box(message: &str) -> String {
    format!(
        "<div class=\"error\" id=\"results\"><pre>{}</pre></div>",
        escape(message)
    )
}

/// One search hit.
pub(crate) struct Hit {
    /// The entity.
    pub iri: String,
    /// Its label or alias that matched best.
    pub label: String,
    /// 0: the label starts with the query; 1: it contains it.
    tier: u8,
}

/// The form of a name that search compares: NFKC, lower case, no spaces.
pub(crate) fn normalize(text: &str) -> String {
    text.nfkc()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Entities whose label or alias starts with `query` (any language, NFKC and case
/// folded), then those whose label contains it; best first.
pub(crate) fn find(app: &App, query: &str) -> Vec<Hit> {
    let wanted = normalize(query);
    let mut best: HashMap<String, Hit> = HashMap::new();
    if wanted.is_empty() {
        return Vec::new();
    }
    for predicate in [rdfs::LABEL, skos::ALT_LABEL] {
        for quad in app
            .store
            .oxigraph()
            .quads_for_pattern(None, Some(predicate), None, None)
        {
            let Ok(quad) = quad else { continue };
            let (NamedOrBlankNode::NamedNode(subject), Term::Literal(label)) =
                (&quad.subject, &quad.object)
            else {
                continue;
            };
            let name = normalize(label.value());
            let tier = if name.starts_with(&wanted) {
                0
            } else if name.contains(&wanted) {
                1
            } else {
                continue;
            };
            let better = best.get(subject.as_str()).is_none_or(|hit| {
                (tier, label.value().chars().count()) < (hit.tier, hit.label.chars().count())
            });
            if better {
                best.insert(
                    subject.as_str().to_owned(),
                    Hit {
                        iri: subject.as_str().to_owned(),
                        label: label.value().to_owned(),
                        tier,
                    },
                );
            }
        }
    }
    let mut hits: Vec<Hit> = best.into_values().collect();
    hits.sort_by(|a, b| {
        (a.tier, a.label.chars().count(), &a.label).cmp(&(
            b.tier,
            b.label.chars().count(),
            &b.label,
        ))
    });
    hits.truncate(SEARCH_HITS);
    hits
}

/// `/search?q=`.
pub(crate) fn search(app: &App, params: &Params) -> Reply {
    let query = params.get("q").unwrap_or_default().trim();
    if query.is_empty() {
        let main = "<h1>搜索 Search</h1>\n<p class=\"hint\">Type the beginning of a name in any language: 青岛, Qingdao, 北九州, Hamburg…</p>\n\
                    <form class=\"search big\" action=\"/search\" method=\"get\"><input type=\"search\" name=\"q\" autofocus \
                    placeholder=\"实体名称 · entity name\"><button type=\"submit\">搜索</button></form>";
        return Reply::html(200, page("Search", "", main));
    }
    let hits = find(app, query);
    let mut list = String::new();
    for hit in &hits {
        let info = brief(app, &hit.iri);
        let _ = writeln!(
            list,
            "<li><a class=\"entity\" href=\"{href}\">{names}</a> {types}{matched}<br><code>{iri}</code></li>",
            href = escape(&html::entity_href(&hit.iri)),
            names = names_html(&info, &hit.iri),
            types = types_html(app, &info),
            matched = if info.zh.as_deref() != Some(hit.label.as_str())
                && info.en.as_deref() != Some(hit.label.as_str())
            {
                format!(" <span class=\"matched\">({})</span>", escape(&hit.label))
            } else {
                String::new()
            },
            iri = escape(&html::compact(&hit.iri)),
        );
    }
    let count = hits.len();
    let summary = match count {
        0 => format!("No entity has a name starting with “{}”.", escape(query)),
        SEARCH_HITS => format!(
            "The first {SEARCH_HITS} entities matching “{}”:",
            escape(query)
        ),
        n => format!("{n} entities matching “{}”:", escape(query)),
    };
    let main = format!(
        "<h1>搜索 Search</h1>\n<p class=\"meta\" id=\"hit-count\" data-count=\"{count}\">{summary}</p>\n<ul class=\"hits\">\n{list}</ul>"
    );
    Reply::html(200, page(&format!("Search: {query}"), query, &main))
}

/// `中文名 English name` as HTML.
pub(crate) fn names_html(info: &Brief, iri: &str) -> String {
    match (&info.zh, &info.en) {
        (Some(zh), Some(en)) if zh != en => format!(
            "<span lang=\"zh\">{}</span> <span lang=\"en\" class=\"en\">{}</span>",
            escape(zh),
            escape(en)
        ),
        (Some(name), _) | (None, Some(name)) => escape(name),
        (None, None) => escape(
            info.other
                .as_deref()
                .unwrap_or_else(|| html::local_name(iri)),
        ),
    }
}

/// The entity's types as small badges.
pub(crate) fn types_html(app: &App, info: &Brief) -> String {
    info.types
        .iter()
        .map(|t| {
            format!(
                "<span class=\"type\" title=\"{}\">{}</span>",
                escape(&html::compact(t)),
                escape(&app.labels.short(t))
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `404` for an unknown path.
pub(crate) fn not_found(path: &str) -> Reply {
    let main = format!(
        "<h1>Not found</h1><p>Nothing at <code>{}</code>. Try the <a href=\"/\">query page</a> or <a href=\"/search\">search</a>.</p>",
        escape(path)
    );
    Reply::html(404, page("Not found", "", &main))
}

#[cfg(test)]
mod tests {
    #[test]
    fn search_folds_width_case_and_spaces() {
        assert_eq!(super::normalize("Ｑｉｎｇｄａｏ  City"), "qingdaocity");
        assert_eq!(super::normalize("青岛 市"), "青岛市");
    }
}
