//! HTTP plumbing shared by the routes: replies, URL and form parameters, percent
//! coding, content negotiation and capped request bodies.

use std::io::{Cursor, Read};
use tiny_http::{Header, Request, Response, StatusCode};

/// What a route answers: status, headers and a body (in memory or streamed).
pub(crate) struct Reply {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Body,
}

/// A reply body.
pub(crate) enum Body {
    /// Sent with a `Content-Length`.
    Bytes(Vec<u8>),
    /// Sent chunked, as the reader yields it (exports of the whole store).
    Stream(Box<dyn Read + Send>),
}

impl Reply {
    /// A reply with a body of the given media type.
    pub fn new(status: u16, content_type: &str, body: Vec<u8>) -> Self {
        Self {
            status,
            headers: vec![("Content-Type", content_type.to_owned())],
            body: Body::Bytes(body),
        }
    }

    /// A plain-text reply: errors and short messages.
    pub fn text(status: u16, message: impl Into<String>) -> Self {
        let mut message = message.into();
        if !message.ends_with('\n') {
            message.push('\n');
        }
        Self::new(status, "text/plain; charset=utf-8", message.into_bytes())
    }

    /// An HTML page. The content security policy admits only the server's own script
    /// and styles: markup that slipped through escaping still could not run code.
    pub fn html(status: u16, page: String) -> Self {
        Self::new(status, "text/html; charset=utf-8", page.into_bytes()).with_header(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
        )
    }

    /// A JSON document.
    pub fn json(status: u16, value: &serde_json::Value) -> Self {
        let mut body = value.to_string().into_bytes();
        body.push(b'\n');
        Self::new(status, "application/json", body)
    }

    /// A reply without a body (204, or 201 after a write).
    pub fn empty(status: u16) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: Body::Bytes(Vec::new()),
        }
    }

    /// `405 Method Not Allowed` naming the methods that are.
    pub fn method_not_allowed(allowed: &str) -> Self {
        Self::text(405, format!("method not allowed here; use {allowed}"))
            .with_header("Allow", allowed)
    }

    /// Adds a header.
    pub fn with_header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    /// The tiny_http response.
    pub fn into_response(self) -> Response<Box<dyn Read + Send>> {
        let headers = self
            .headers
            .iter()
            .filter_map(|(name, value)| Header::from_bytes(name.as_bytes(), value.as_bytes()).ok())
            .collect();
        let (reader, length): (Box<dyn Read + Send>, Option<usize>) = match self.body {
            Body::Bytes(bytes) => {
                let length = bytes.len();
                (Box::new(Cursor::new(bytes)), Some(length))
            }
            Body::Stream(reader) => (reader, None),
        };
        Response::new(StatusCode(self.status), headers, reader, length, None)
    }
}

/// Parameters of a URL query string or an `application/x-www-form-urlencoded` body, in
/// order, decoded.
#[derive(Debug, Default, Clone)]
pub(crate) struct Params(Vec<(String, String)>);

impl Params {
    /// Parses `a=1&b=x%20y` (`+` is a space).
    pub fn parse(text: &str) -> Self {
        Self(
            text.split('&')
                .filter(|pair| !pair.is_empty())
                .map(|pair| {
                    let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                    (percent_decode(name), percent_decode(value))
                })
                .collect(),
        )
    }

    /// The first value of a parameter.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of a parameter.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// Whether the parameter is present (with or without a value).
    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(n, _)| n == name)
    }
}

/// Decodes `%XX` escapes and `+`; invalid UTF-8 becomes U+FFFD.
pub(crate) fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes everything but the unreserved characters of RFC 3986, for a URL parameter.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The value of a request header (case-insensitive name).
pub(crate) fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request
        .headers()
        .iter()
        .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
        .map(|h| h.value.as_str())
}

/// The media type of the request body, lower case, without parameters.
pub(crate) fn content_type(request: &Request) -> Option<String> {
    header(request, "Content-Type").map(|v| {
        v.split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase()
    })
}

/// Reads the request body, refusing (413) one longer than `max` bytes.
pub(crate) fn read_body(request: &mut Request, max: usize) -> Result<Vec<u8>, Reply> {
    let too_large = || {
        Reply::text(
            413,
            format!("request body larger than {max} bytes (--max-body)"),
        )
    };
    if request.body_length().is_some_and(|n| n > max) {
        return Err(too_large());
    }
    let mut body = Vec::new();
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    request
        .as_reader()
        .take(limit)
        .read_to_end(&mut body)
        .map_err(|e| Reply::text(400, format!("cannot read the request body: {e}")))?;
    if body.len() > max {
        return Err(too_large());
    }
    Ok(body)
}

/// Reads the body as UTF-8 text.
pub(crate) fn read_text_body(request: &mut Request, max: usize) -> Result<String, Reply> {
    let body = read_body(request, max)?;
    String::from_utf8(body)
        .map_err(|e| Reply::text(400, format!("the request body is not UTF-8: {e}")))
}

/// Picks one of `offers` (media type, value), in the server's order of preference, for
/// an `Accept` header. No header (or an empty one) takes the first offer; `None` when
/// the client accepts none of them (406).
pub(crate) fn negotiate<T: Copy>(accept: Option<&str>, offers: &[(&str, T)]) -> Option<T> {
    let ranges = match accept.map(str::trim) {
        None | Some("") => return offers.first().map(|(_, v)| *v),
        Some(accept) => parse_accept(accept),
    };
    let mut best: Option<(f32, T)> = None;
    for &(media, value) in offers {
        let (kind, _) = media.split_once('/').unwrap_or((media, ""));
        // The most specific matching range decides the quality (RFC 9110 §12.5.1).
        let quality = ranges
            .iter()
            .filter_map(|(range, q)| {
                let specificity = if range == media {
                    3
                } else if range.strip_suffix("/*") == Some(kind) {
                    2
                } else if range == "*/*" {
                    1
                } else {
                    return None;
                };
                Some((specificity, *q))
            })
            .max_by_key(|(specificity, _)| *specificity)
            .map(|(_, q)| q);
        if let Some(q) = quality
            && q > 0.0
            && best.is_none_or(|(b, _)| q > b)
        {
            best = Some((q, value));
        }
    }
    best.map(|(_, v)| v)
}

fn parse_accept(accept: &str) -> Vec<(String, f32)> {
    accept
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let range = parts.next()?.trim().to_ascii_lowercase();
            if range.is_empty() {
                return None;
            }
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            Some((range, q))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_decoded() {
        let params = Params::parse("query=SELECT+%3Fs%20WHERE&x=%E9%9D%92&flag&bad=%zz%4");
        assert_eq!(params.get("query"), Some("SELECT ?s WHERE"));
        assert_eq!(params.get("x"), Some("青"));
        assert!(params.has("flag"));
        assert_eq!(params.get("bad"), Some("%zz%4"));
        assert_eq!(percent_decode(&percent_encode("a b/青?&=")), "a b/青?&=");
    }

    #[test]
    fn negotiation_follows_quality_then_server_order() {
        let offers = [
            ("application/json", 1),
            ("application/xml", 2),
            ("text/csv", 3),
        ];
        assert_eq!(negotiate(None, &offers), Some(1));
        assert_eq!(negotiate(Some("text/csv"), &offers), Some(3));
        assert_eq!(
            negotiate(Some("text/*;q=0.5, application/xml;q=0.4"), &offers),
            Some(3)
        );
        assert_eq!(negotiate(Some("*/*"), &offers), Some(1));
        assert_eq!(
            negotiate(Some("text/html,application/xml;q=0.9,*/*;q=0.8"), &offers),
            Some(2)
        );
        assert_eq!(negotiate(Some("image/png"), &offers), None);
        assert_eq!(
            negotiate(Some("*/*, application/json;q=0"), &offers),
            Some(2)
        );
    }
}
