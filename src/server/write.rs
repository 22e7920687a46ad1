//! The writing routes: `/update` (SPARQL 1.1 Update) and `/ingest` (an article in,
//! extracted, written as one document), and the bearer-token check that guards them
//! and the Graph Store writes.
//!
//! The server holds the store's only handle (RocksDB admits one process), so ingest
//! goes through it. Writes take one lock, so two ingests of the same source cannot
//! interleave, and each is one transaction: readers see the store before or after a
//! document, never half of it.

use super::App;
use super::http::{Params, Reply, content_type, header, read_body, read_text_body};
use crate::error::Error;
use crate::extract::{Extractor, decode};
use crate::rdf::{DocumentInfo, extraction_quads};
use crate::store::DocumentChange;
use std::path::Path;
use std::sync::PoisonError;
use tiny_http::{Method, Request};

/// Lets a write through when the server has a token and the request carries it:
/// 403 when writes are disabled or the token is wrong, 401 when it is missing.
pub(crate) fn authorize(app: &App, request: &Request) -> Result<(), Reply> {
    let Some(token) = &app.options.update_token else {
        return Err(Reply::text(
            403,
            "writes are disabled on this server: start `cckg serve` with --update-token TOKEN \
             and send Authorization: Bearer TOKEN",
        ));
    };
    let Some(value) = header(request, "Authorization") else {
        return Err(
            Reply::text(401, "this needs an Authorization: Bearer TOKEN header")
                .with_header("WWW-Authenticate", "Bearer realm=\"cckg\""),
        );
    };
    let given = value
        .trim()
        .split_once(' ')
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim());
    match given {
        Some(given) if same_bytes(given.as_bytes(), token.as_bytes()) => Ok(()),
        _ => Err(Reply::text(403, "wrong token")),
    }
}

/// Compares without stopping at the first difference, so response times do not reveal
/// how much of a guessed token was right.
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// `POST /update`: a SPARQL 1.1 Update as `application/sparql-update` or a form field.
pub(crate) fn update(app: &App, request: &mut Request, params: &Params) -> Reply {
    if *request.method() != Method::Post {
        return Reply::method_not_allowed("POST");
    }
    if let Err(reply) = authorize(app, request) {
        return reply;
    }
    let (text, form) = match content_type(request).as_deref() {
        Some("application/sparql-update") => match read_text_body(request, app.options.max_body) {
            Ok(text) => (text, Params::default()),
            Err(reply) => return reply,
        },
        Some("application/x-www-form-urlencoded") => {
            let form = match read_text_body(request, app.options.max_body) {
                Ok(text) => Params::parse(&text),
                Err(reply) => return reply,
            };
            match form.all("update").as_slice() {
                [text] => ((*text).to_owned(), form.clone()),
                [] => return Reply::text(400, "the form has no 'update' field"),
                _ => return Reply::text(400, "give exactly one 'update'"),
            }
        }
        other => {
            return Reply::text(
                415,
                format!(
                    "cannot read an update sent as {}; use application/sparql-update or application/x-www-form-urlencoded",
                    other.unwrap_or("(no Content-Type)")
                ),
            );
        }
    };
    if [params, &form]
        .iter()
        .any(|p| p.has("using-graph-uri") || p.has("using-named-graph-uri"))
    {
        return Reply::text(
            400,
            "using-graph-uri and using-named-graph-uri are not supported; use USING in the update",
        );
    }
    let _writing = app.writes.lock().unwrap_or_else(PoisonError::into_inner);
    match app.store.update(&text) {
        Ok(()) => {
            app.wrote();
            Reply::empty(204)
        }
        Err(Error::SparqlSyntax(message)) => {
            Reply::text(400, format!("SPARQL syntax error: {message}"))
        }
        Err(e) => Reply::text(500, e.to_string()),
    }
}

/// `POST /ingest?source=NAME`: the body is an article (UTF-8 or GB18030 text).
///
/// The document is named after its bytes and remembered by `source`: posting changed
/// text under the same source replaces the earlier version; the same bytes again
/// change nothing.
pub(crate) fn ingest(app: &App, request: &mut Request, params: &Params) -> Reply {
    if *request.method() != Method::Post {
        return Reply::method_not_allowed("POST");
    }
    if let Err(reply) = authorize(app, request) {
        return reply;
    }
    let Some(source) = params
        .get("source")
        .map(str::trim)
        .filter(|s| !s.is_empty())
    else {
        return Reply::text(
            400,
            "say where the article comes from: POST /ingest?source=NAME (a file name or path)",
        );
    };
    let bytes = match read_body(request, app.options.max_body) {
        Ok(bytes) => bytes,
        Err(reply) => return reply,
    };
    let extractor = match app.extractor.get_or_init(|| load_extractor(app)) {
        Ok(extractor) => extractor,
        Err(message) => return Reply::text(500, format!("cannot load the extractor: {message}")),
    };
    let text = match decode(Path::new(source), &bytes) {
        Ok(text) => text,
        Err(e) => return Reply::text(400, e.to_string()),
    };
    let info = DocumentInfo::new(&bytes, source);
    let name = source.rsplit(['/', '\\']).next().unwrap_or(source);
    let mut extraction = extractor.extract(name, &text);
    crate::ingest::canonicalise(extractor, &mut extraction);
    let quads = extraction_quads(&extraction, &info);
    let change = {
        let _writing = app.writes.lock().unwrap_or_else(PoisonError::into_inner);
        app.store.replace_document(&info, &quads)
    };
    let (status, change) = match change {
        Ok(DocumentChange::Added) => (201, "added"),
        Ok(DocumentChange::Replaced) => (200, "replaced"),
        Ok(DocumentChange::Unchanged) => (200, "unchanged"),
        Err(e) => return Reply::text(500, e.to_string()),
    };
    let written = change != "unchanged";
    if written {
        app.wrote();
    }
    Reply::json(
        status,
        &serde_json::json!({
            "document": info.iri().as_str(),
            "source": source,
            "change": change,
            "entities": if written { extraction.entities.len() } else { 0 },
            "statements": if written { extraction.relations.len() + extraction.facts.len() } else { 0 },
            "quads": if written { quads.len() } else { 0 },
        }),
    )
}

fn load_extractor(app: &App) -> Result<Extractor, String> {
    let extractor = match &app.options.data_dir {
        Some(dir) => Extractor::with_data_dir(dir),
        None => Extractor::new(),
    };
    extractor.map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn tokens_compare_by_content() {
        assert!(super::same_bytes(b"s3cret", b"s3cret"));
        assert!(!super::same_bytes(b"s3cret", b"s3creT"));
        assert!(!super::same_bytes(b"s3cret", b"s3cret!"));
    }
}
