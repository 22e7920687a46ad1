//! Diagrams of a [`KnowledgeGraph`]: DOT text built with graphviz-rust, drawn by Graphviz.
//!
//! [`to_dot`] turns a graph into deterministic DOT (same graph and options, same bytes):
//! one colour and shape per entity type (Paul Tol's colour-blind-safe "light" and "pale"
//! schemes), a legend of the types present, edge labels that name the predicate in Chinese
//! and/or English with its qualifiers, symmetric relations without arrowheads, optional
//! clusters by country, and "Noto Sans CJK SC" on the graph, the nodes and the edges so that
//! Chinese renders. [`render`] runs the Graphviz `dot` program on it for SVG, PNG or PDF.
//!
//! The legend and the title live in the graph's own label (an HTML table), which every
//! layout engine places outside the drawing, so it never overlaps a node or moves one.
//!
//! ```no_run
//! use cckg::graph::KnowledgeGraph;
//! use cckg::render::{DrawOptions, Format, Lang, render, to_dot};
//!
//! # fn main() -> cckg::Result<()> {
//! let graph = KnowledgeGraph::from_parts(vec![], vec![]);
//! let options = DrawOptions { lang: Lang::Zh, title: Some("友好城市".into()), ..DrawOptions::default() };
//! let output = to_dot(&graph, &options);
//! let svg = render(&output.dot, options.layout, Format::Svg)?;
//! std::fs::write("network.svg", svg).expect("writable");
//! # Ok(())
//! # }
//! ```

use crate::graph::{KnowledgeGraph, Link, NodeData, NodeIndex, local_name};
use crate::model::{EntityType, Predicate};
use crate::{Error, Result};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Stdio};

/// The font for every label: it has the CJK glyphs (Debian `fonts-noto-cjk`).
pub const FONT: &str = "Noto Sans CJK SC";

/// Above this many nodes a drawing is "big": no edge labels, overlap removal, smaller text.
pub const BIG_GRAPH: usize = 150;

/// Resolution of PNG output (Graphviz's default of 72 makes small, blurry text).
pub const PNG_DPI: u32 = 150;

/// Where the install hint points users when Graphviz is missing.
pub const INSTALL_HINT: &str = "install Graphviz (apt-get install graphviz fonts-noto-cjk)";

/// Language of the labels.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Lang {
    /// Chinese (English when there is no Chinese label).
    Zh,
    /// English (Chinese when there is no English label).
    En,
    /// Both, Chinese first.
    #[default]
    Both,
}

/// Graphviz layout engine.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Layout {
    /// Layered, for hierarchies (left to right).
    #[default]
    Dot,
    /// Spring model, for small networks.
    Neato,
    /// Force-directed, honours clusters.
    Fdp,
    /// Scalable force-directed, for big networks.
    Sfdp,
    /// Circular.
    Circo,
}

impl Layout {
    /// The engine's name (`dot`, `neato`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Dot => "dot",
            Layout::Neato => "neato",
            Layout::Fdp => "fdp",
            Layout::Sfdp => "sfdp",
            Layout::Circo => "circo",
        }
    }
}

/// Output format of [`render`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    /// Scalable vector graphics.
    #[default]
    Svg,
    /// Bitmap at [`PNG_DPI`].
    Png,
    /// Vector PDF, for papers.
    Pdf,
    /// The DOT text itself, unchanged (Graphviz is not run).
    Dot,
}

impl Format {
    /// The usual file extension, which is also Graphviz's `-T` name.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Pdf => "pdf",
            Format::Dot => "dot",
        }
    }
}

/// What to draw and how.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DrawOptions {
    /// Language of node, edge and legend labels.
    pub lang: Lang,
    /// Layout engine (written into the DOT as `layout=…`).
    pub layout: Layout,
    /// Draw only this many nodes, the most connected ones.
    pub max_nodes: Option<usize>,
    /// Group nodes in boxes by their country (honoured by `dot` and `fdp`).
    pub cluster_by_country: bool,
    /// Title above the drawing.
    pub title: Option<String>,
}

/// The result of [`to_dot`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DotOutput {
    /// The DOT text.
    pub dot: String,
    /// How many nodes [`DrawOptions::max_nodes`] left out (also said in the drawing).
    pub omitted_nodes: usize,
}

/// Fill colour, shape and style of the nodes of one entity type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeStyle {
    /// Fill colour (`#rrggbb`).
    pub fill: &'static str,
    /// Graphviz shape.
    pub shape: &'static str,
    /// Graphviz style.
    pub style: &'static str,
}

/// The style of an entity type (`None`: an entity no document described).
pub fn type_style(kind: Option<EntityType>) -> TypeStyle {
    use EntityType::*;
    let (fill, shape, style) = match kind {
        Some(Country) => ("#77AADD", "doubleoctagon", "filled"),
        Some(Province) => ("#99DDFF", "octagon", "filled"),
        Some(Prefecture) => ("#BBCCEE", "hexagon", "filled"),
        Some(City) => ("#44BB99", "ellipse", "filled"),
        Some(District) => ("#CCEEFF", "septagon", "filled"),
        Some(EconomicZone) => ("#CCDDAA", "parallelogram", "filled"),
        Some(Bank) => ("#BBCC33", "house", "filled"),
        Some(Company) => ("#EEDD88", "box", "filled"),
        Some(Association) => ("#DDDDDD", "component", "filled"),
        Some(GovernmentBody) => ("#EE8866", "tab", "filled"),
        Some(ResearchBody) => ("#EEEEBB", "folder", "filled"),
        Some(Person) => ("#FFAABB", "box", "rounded,filled"),
        Some(Event) => ("#AAAA00", "note", "filled"),
        Some(Venue) => ("#FFCCCC", "invhouse", "filled"),
        Some(Initiative) => ("#FFFFFF", "cds", "filled"),
        Some(Project) => ("#FFFFFF", "box3d", "filled"),
        None => ("#FFFFFF", "ellipse", "dashed,filled"),
    };
    TypeStyle { fill, shape, style }
}

/// The name of an entity type for the legend.
pub fn type_label(kind: Option<EntityType>, lang: Lang) -> String {
    use EntityType::*;
    let (zh, en) = match kind {
        Some(Country) => ("国家", "country"),
        Some(Province) => ("省", "province"),
        Some(Prefecture) => ("府县", "prefecture"),
        Some(City) => ("城市", "city"),
        Some(District) => ("区县", "district"),
        Some(EconomicZone) => ("经济区", "economic zone"),
        Some(Bank) => ("银行", "bank"),
        Some(Company) => ("企业", "company"),
        Some(Association) => ("协会", "association"),
        Some(GovernmentBody) => ("政府机构", "government body"),
        Some(ResearchBody) => ("研究机构", "research body"),
        Some(Person) => ("人物", "person"),
        Some(Event) => ("活动", "event"),
        Some(Venue) => ("场馆", "venue"),
        Some(Initiative) => ("倡议", "initiative"),
        Some(Project) => ("项目", "project"),
        None => ("其他", "other"),
    };
    pick(lang, zh, en, " ")
}

/// The short human name of a predicate for edge labels (`友好城市`, `sister city`).
pub fn predicate_label(predicate: Predicate, lang: Lang) -> String {
    use Predicate::*;
    let (zh, en) = match predicate {
        FriendshipCity => ("友好城市", "sister city"),
        EconomicPartnerCity => ("经济伙伴城市", "economic partner city"),
        PartOf => ("隶属", "part of"),
        LocatedIn => ("位于", "located in"),
        OrganizedBy => ("主办", "organized by"),
        CoOrganizedBy => ("协办", "co-organized by"),
        HeldAt => ("举办地", "held at"),
        ParticipatedIn => ("参加", "participated in"),
        PositionAt => ("任职", "position"),
        Nationality => ("国籍", "nationality"),
        CooperatesWith => ("合作", "cooperates with"),
        ApprovedBy => ("批准", "approved by"),
        TradePartner => ("贸易伙伴", "trade partner"),
        InvestmentSource => ("投资来源", "investment source"),
        InvestsIn => ("投资", "invests in"),
        Visited => ("访问", "visited"),
    };
    pick(lang, zh, en, " ")
}

/// Edge colour by family of predicate (Okabe–Ito colours, readable on white).
fn predicate_colour(predicate: Predicate) -> &'static str {
    use Predicate::*;
    match predicate {
        FriendshipCity | EconomicPartnerCity | CooperatesWith => "#0072B2",
        TradePartner | InvestmentSource | InvestsIn => "#D55E00",
        PositionAt | Nationality | Visited => "#CC79A7",
        OrganizedBy | CoOrganizedBy | HeldAt | ParticipatedIn => "#009E73",
        PartOf | LocatedIn | ApprovedBy => "#666666",
    }
}

fn pick(lang: Lang, zh: &str, en: &str, separator: &str) -> String {
    match lang {
        Lang::Zh => zh.to_owned(),
        Lang::En => en.to_owned(),
        Lang::Both => format!("{zh}{separator}{en}"),
    }
}

/// Builds the DOT text of a drawing.
///
/// Deterministic: nodes and edges are written in IRI order with the IRI as node id, so
/// the same graph and options give byte-identical text.
///
/// # Arguments
/// * `graph` — what to draw (filter it first).
/// * `options` — language, layout, size limit, clusters, title.
///
/// # Returns
/// [`DotOutput`] with the DOT and the number of nodes left out by `max_nodes` (the
/// least connected ones; ties by IRI).
///
/// # Complexity
/// O((V + E) log V).
///
/// # Example
/// ```
/// use cckg::graph::{EdgeData, KnowledgeGraph, NodeData};
/// use cckg::model::Predicate;
/// use cckg::render::{DrawOptions, Lang, to_dot};
/// let node = |iri: &str, zh: &str| NodeData { label_zh: Some(zh.into()), ..NodeData::new(iri) };
/// let graph = KnowledgeGraph::from_parts(
///     vec![node("ex:qingdao", "青岛市"), node("ex:shimonoseki", "下关市")],
///     vec![("ex:qingdao".into(), "ex:shimonoseki".into(), EdgeData::new(Predicate::FriendshipCity))],
/// );
/// let out = to_dot(&graph, &DrawOptions { lang: Lang::Zh, ..DrawOptions::default() });
/// assert!(out.dot.contains("label=\"青岛市\""));
/// assert!(out.dot.contains("label=\"友好城市\""));
/// assert!(out.dot.contains("dir=none"));
/// assert_eq!(out.omitted_nodes, 0);
/// ```
pub fn to_dot(graph: &KnowledgeGraph, options: &DrawOptions) -> DotOutput {
    let kept = select_nodes(graph, options.max_nodes);
    let shown = kept.iter().filter(|&&k| k).count();
    let omitted_nodes = graph.node_count() - shown;
    let big = shown > BIG_GRAPH;
    let lang = options.lang;

    let mut stmts: Vec<Stmt> = Vec::new();
    let mut graph_attributes = vec![
        attr("fontname", quoted(FONT)),
        attr("layout", plain(options.layout.as_str())),
        attr("bgcolor", plain("white")),
        attr("pad", plain("0.3")),
        attr("labelloc", plain("t")),
    ];
    let legend_types: Vec<Option<EntityType>> = {
        let mut types: Vec<Option<EntityType>> = graph
            .nodes()
            .filter(|(i, _)| kept[i.index()])
            .map(|(_, n)| n.kind)
            .collect();
        types.sort_unstable_by_key(|t| t.map_or(usize::MAX, |k| k as usize));
        types.dedup();
        types
    };
    // An empty graph has no legend, and Graphviz rejects a table without rows.
    if let Some(table) = legend_table(options, &legend_types, omitted_nodes, shown, big) {
        graph_attributes.push(attr("label", Id::Html(format!("<{table}>"))));
    }
    match (options.layout, big) {
        (Layout::Dot, _) => {
            graph_attributes.push(attr("rankdir", plain("LR")));
            graph_attributes.push(attr("nodesep", plain("0.3")));
            graph_attributes.push(attr("ranksep", plain("0.6")));
        }
        (_, true) => {
            graph_attributes.push(attr("overlap", plain("prism")));
            // Straight edges: `splines=true` routes for minutes at 2 000 nodes, and
            // `curved` can loop forever in Graphviz 2.43.
            graph_attributes.push(attr("splines", plain("false")));
            graph_attributes.push(attr("outputorder", plain("edgesfirst")));
        }
        (_, false) => {
            graph_attributes.push(attr("overlap", plain("false")));
            graph_attributes.push(attr("sep", quoted("+10")));
            graph_attributes.push(attr("splines", plain("true")));
        }
    }
    stmts.push(Stmt::GAttribute(GraphAttributes::Graph(graph_attributes)));
    stmts.push(Stmt::GAttribute(GraphAttributes::Node(vec![
        attr("fontname", quoted(FONT)),
        attr("fontsize", plain(if big { "10" } else { "12" })),
        attr("style", plain("filled")),
        attr("color", quoted("#444444")),
        attr("margin", quoted("0.1,0.05")),
    ])));
    stmts.push(Stmt::GAttribute(GraphAttributes::Edge(vec![
        attr("fontname", quoted(FONT)),
        attr("fontsize", plain("10")),
        attr("arrowsize", plain(if big { "0.5" } else { "0.7" })),
    ])));

    // Nodes, grouped in country clusters when asked.
    let mut clusters: BTreeMap<&str, Vec<Stmt>> = BTreeMap::new();
    for (_, node) in graph.nodes().filter(|(i, _)| kept[i.index()]) {
        let statement = Stmt::Node(node_statement(node, lang));
        match options
            .cluster_by_country
            .then(|| cluster_key(node))
            .flatten()
        {
            Some(country) => clusters.entry(country).or_default().push(statement),
            None => stmts.push(statement),
        }
    }
    for (number, (country, members)) in clusters.into_iter().enumerate() {
        let mut body = vec![
            Stmt::Attribute(attr(
                "label",
                quoted(&escape(&country_name(graph, country, lang))),
            )),
            Stmt::Attribute(attr("fontname", quoted(FONT))),
            Stmt::Attribute(attr("fontsize", plain("13"))),
            Stmt::Attribute(attr("style", quoted("rounded,dashed"))),
            Stmt::Attribute(attr("color", quoted("#888888"))),
        ];
        body.extend(members);
        stmts.push(Stmt::Subgraph(Subgraph {
            id: plain(&format!("cluster_{number}")),
            stmts: body,
        }));
    }

    for (_, s, o, link) in graph.edges() {
        if kept[s.index()] && kept[o.index()] {
            stmts.push(Stmt::Edge(edge_statement(graph, s, o, link, lang, big)));
        }
    }

    let dot = Graph::DiGraph {
        id: plain("cckg"),
        strict: false,
        stmts,
    }
    .print(&mut PrinterContext::default());
    DotOutput {
        dot: dot + "\n",
        omitted_nodes,
    }
}

/// Which nodes to draw: all, or the `max` of highest degree (ties by IRI).
fn select_nodes(graph: &KnowledgeGraph, max: Option<usize>) -> Vec<bool> {
    let n = graph.node_count();
    match max {
        Some(max) if max < n => {
            let mut degree = vec![0usize; n];
            for (_, s, o, _) in graph.edges() {
                degree[s.index()] += 1;
                degree[o.index()] += 1;
            }
            let mut order: Vec<usize> = (0..n).collect();
            order.sort_by_key(|&v| std::cmp::Reverse(degree[v]));
            let mut kept = vec![false; n];
            for &v in &order[..max] {
                kept[v] = true;
            }
            kept
        }
        _ => vec![true; n],
    }
}

/// The cluster a node belongs in: its country, or itself if it is a country.
fn cluster_key(node: &NodeData) -> Option<&str> {
    match node.kind {
        Some(EntityType::Country) => Some(node.iri.as_str()),
        _ => node.country.as_deref(),
    }
}

fn country_name(graph: &KnowledgeGraph, iri: &str, lang: Lang) -> String {
    match (graph.index_of(iri), graph.country(iri)) {
        (Some(i), _) => node_label(graph.node(i), lang),
        (None, Some(country)) => node_label(country, lang),
        (None, None) => local_name(iri).to_owned(),
    }
}

/// `青岛市\nQingdao` for both languages; one label otherwise, falling back to the other
/// language and then to the IRI's last segment.
fn node_label(node: &NodeData, lang: Lang) -> String {
    let zh = node.label_zh.as_deref();
    let en = node.label_en.as_deref().map(wrap);
    match (lang, zh, en) {
        (Lang::Both, Some(zh), Some(en)) if zh != en => format!("{zh}\n{en}"),
        (Lang::Zh | Lang::Both, Some(zh), _) => zh.to_owned(),
        (Lang::En | Lang::Both, _, Some(en)) => en,
        (Lang::En, Some(zh), None) => zh.to_owned(),
        (Lang::Zh, None, Some(en)) => en,
        (_, None, None) => local_name(&node.iri).to_owned(),
    }
}

/// Breaks long multi-word names over lines of about 18 characters.
fn wrap(text: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= 18 => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines.join("\n")
}

fn node_statement(node: &NodeData, lang: Lang) -> Node {
    let style = type_style(node.kind);
    Node::new(
        NodeId(quoted(&escape(&node.iri)), None),
        vec![
            attr("label", quoted(&escape(&node_label(node, lang)))),
            attr("shape", plain(style.shape)),
            attr("style", quoted(style.style)),
            attr("fillcolor", quoted(style.fill)),
            attr("tooltip", quoted(&escape(&node.iri))),
        ],
    )
}

fn edge_statement(
    graph: &KnowledgeGraph,
    s: NodeIndex,
    o: NodeIndex,
    link: &Link,
    lang: Lang,
    big: bool,
) -> Edge {
    let data = &link.data;
    let colour = predicate_colour(data.predicate);
    let mut attributes = Vec::new();
    if !big {
        let mut label = predicate_label(data.predicate, lang);
        let mut qualifiers = Vec::new();
        if let Some(role) = &data.role {
            qualifiers.push(role.clone());
        }
        if let Some(rank) = data.rank {
            qualifiers.push(match lang {
                Lang::Zh => format!("第{rank}位"),
                Lang::En | Lang::Both => format!("rank {rank}"),
            });
        }
        if let Some(date) = &data.date {
            qualifiers.push(date.clone());
        }
        if !qualifiers.is_empty() {
            label = format!("{label}\n{}", qualifiers.join(" · "));
        }
        attributes.push(attr("label", quoted(&escape(&label))));
        attributes.push(attr("fontcolor", quoted(colour)));
    }
    attributes.push(attr("color", quoted(colour)));
    if link.is_symmetric() {
        attributes.push(attr("dir", plain("none")));
    }
    if link.sources > 1 {
        let width = (1.0 + f64::from(link.sources).ln()).min(4.0);
        attributes.push(attr("penwidth", plain(&format!("{width:.1}"))));
    }
    let tooltip = data
        .evidence
        .as_deref()
        .unwrap_or_else(|| data.predicate.as_str());
    attributes.push(attr("tooltip", quoted(&escape(tooltip))));
    let end = |i: NodeIndex| Vertex::N(NodeId(quoted(&escape(&graph.node(i).iri)), None));
    Edge {
        ty: EdgeTy::Pair(end(s), end(o)),
        attributes,
    }
}

/// The graph label: title, omitted-nodes note, and a legend of the types present.
/// A big drawing is shown zoomed out, so its label is written larger.
fn legend_table(
    options: &DrawOptions,
    types: &[Option<EntityType>],
    omitted: usize,
    shown: usize,
    big: bool,
) -> Option<String> {
    const PER_ROW: usize = 6;
    let (title_size, text_size) = if big { (40, 28) } else { (18, 14) };
    let mut rows = Vec::new();
    if let Some(title) = &options.title {
        rows.push(format!(
            r#"<TR><TD><FONT POINT-SIZE="{title_size}"><B>{}</B></FONT></TD></TR>"#,
            html(title)
        ));
    }
    if omitted > 0 {
        let note = pick(
            options.lang,
            &format!("省略 {omitted} 个节点（仅显示连接最多的 {shown} 个）"),
            &format!("{omitted} nodes omitted (showing the {shown} most connected)"),
            " / ",
        );
        rows.push(format!(
            r#"<TR><TD><FONT POINT-SIZE="{text_size}">{}</FONT></TD></TR>"#,
            html(&note)
        ));
    }
    // A coloured square and the type's name, as text: table cells of different rows
    // would stretch to the widest row.
    for chunk in types.chunks(PER_ROW) {
        let items: Vec<String> = chunk
            .iter()
            .map(|&kind| {
                let fill = type_style(kind).fill;
                let (glyph, colour) = if fill == "#FFFFFF" {
                    ("□", "#444444")
                } else {
                    ("■", fill)
                };
                format!(
                    r#"<FONT COLOR="{colour}" POINT-SIZE="{}">{glyph}</FONT> {}"#,
                    text_size + text_size / 2,
                    html(&type_label(kind, options.lang))
                )
            })
            .collect();
        rows.push(format!(
            r#"<TR><TD><FONT POINT-SIZE="{text_size}">{}</FONT></TD></TR>"#,
            items.join("　")
        ));
    }
    (!rows.is_empty()).then(|| {
        format!(
            r#"<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">{}</TABLE>"#,
            rows.concat()
        )
    })
}

fn attr(key: &str, value: Id) -> Attribute {
    Attribute(plain(key), value)
}

fn plain(text: &str) -> Id {
    Id::Plain(text.to_owned())
}

/// A double-quoted DOT string; `text` must already be [`escape`]d if it may hold quotes,
/// backslashes or line breaks.
fn quoted(text: &str) -> Id {
    Id::Escaped(format!("\"{text}\""))
}

/// Escapes text for a quoted DOT string, turning line breaks into `\n` (centred lines).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for an HTML-like label.
fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Draws DOT text with Graphviz's `dot` program.
///
/// # Arguments
/// * `dot` — DOT text, usually [`DotOutput::dot`].
/// * `layout` — the layout engine (`dot -K…`).
/// * `format` — SVG, PNG (at [`PNG_DPI`]), PDF, or DOT (returned as is, Graphviz not run).
///
/// # Returns
/// The file's bytes, or [`Error::GraphvizMissing`] (whose message says how to install
/// Graphviz) when `dot` cannot be run, or [`Error::Graphviz`] with its error output when
/// it fails.
///
/// # Complexity
/// That of the layout engine: fast for `dot` on a few hundred nodes, seconds for `sfdp`
/// on thousands.
///
/// # Example
/// ```no_run
/// use cckg::render::{Format, Layout, render};
/// let svg = render("digraph { 青岛 -> 下关 }", Layout::Dot, Format::Svg).unwrap();
/// assert!(String::from_utf8_lossy(&svg).contains("青岛"));
/// ```
pub fn render(dot: &str, layout: Layout, format: Format) -> Result<Vec<u8>> {
    render_with("dot", dot, layout, format)
}

/// [`render`] with the Graphviz program given by name or path (`/opt/graphviz/bin/dot`).
pub fn render_with(program: &str, dot: &str, layout: Layout, format: Format) -> Result<Vec<u8>> {
    if format == Format::Dot {
        return Ok(dot.as_bytes().to_vec());
    }
    let mut command = Command::new(program);
    command
        .arg(format!("-K{}", layout.as_str()))
        .arg(format!("-T{}", format.extension()));
    if format == Format::Png {
        command.arg(format!("-Gdpi={PNG_DPI}"));
    }
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|source| Error::GraphvizMissing {
            program: program.to_owned(),
            source,
        })?;
    let failed = |message: String| Error::Graphviz {
        program: program.to_owned(),
        message,
    };
    // Write from another thread so that a chatty Graphviz cannot block us on a full pipe.
    // A write error (Graphviz exiting early) shows in its exit status and error output.
    let output = std::thread::scope(|scope| {
        let stdin = child.stdin.take();
        scope.spawn(move || stdin.map(|mut pipe| pipe.write_all(dot.as_bytes())));
        child.wait_with_output()
    });
    let output = output.map_err(|e| failed(e.to_string()))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(failed(format!("{}: {}", output.status, stderr.trim())));
    }
    Ok(output.stdout)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::fixtures::{build, cities};

    const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/graph/small.dot");

    fn small_options() -> DrawOptions {
        DrawOptions {
            lang: Lang::Both,
            layout: Layout::Dot,
            max_nodes: None,
            cluster_by_country: true,
            title: Some("青岛的国际合作 Qingdao's cooperation".to_owned()),
        }
    }

    /// Set `CCKG_BLESS=1` to rewrite the golden file after a deliberate change.
    #[test]
    fn small_graph_matches_golden_dot() {
        let out = to_dot(&cities(), &small_options());
        if std::env::var_os("CCKG_BLESS").is_some() {
            std::fs::write(GOLDEN, &out.dot).expect("write golden file");
        }
        let expected = std::fs::read_to_string(GOLDEN).expect("tests/data/graph/small.dot");
        assert_eq!(
            out.dot, expected,
            "DOT differs from {GOLDEN}; rerun with CCKG_BLESS=1 if intended"
        );
    }

    #[test]
    fn same_graph_same_bytes_whatever_the_input_order() {
        let a = to_dot(&cities(), &small_options());
        assert_eq!(a, to_dot(&cities(), &small_options()));
        // Rebuild the fixture from its parts in reverse order.
        let g = cities();
        let nodes: Vec<NodeData> = g.nodes().map(|(_, n)| n.clone()).rev().collect();
        let mut edges = Vec::new();
        for (_, s, o, link) in g.edges() {
            for _ in 0..link.sources {
                edges.push((
                    g.node(s).iri.clone(),
                    g.node(o).iri.clone(),
                    link.data.clone(),
                ));
            }
        }
        edges.reverse();
        let rebuilt = crate::graph::KnowledgeGraph::from_parts(nodes, edges);
        assert_eq!(to_dot(&rebuilt, &small_options()), a);
    }

    #[test]
    fn fonts_on_graph_nodes_and_edges() {
        let dot = to_dot(&cities(), &DrawOptions::default()).dot;
        assert!(dot.contains(&format!("graph[fontname=\"{FONT}\"")), "{dot}");
        assert!(dot.contains(&format!("node[fontname=\"{FONT}\"")));
        assert!(dot.contains(&format!("edge[fontname=\"{FONT}\"")));
    }

    #[test]
    fn labels_follow_the_language() {
        let g = cities();
        let zh = to_dot(
            &g,
            &DrawOptions {
                lang: Lang::Zh,
                ..DrawOptions::default()
            },
        )
        .dot;
        assert!(zh.contains("label=\"青岛市\"") && zh.contains("label=\"友好城市\""));
        assert!(zh.contains("label=\"贸易伙伴\\n第3位\""), "{zh}");
        assert!(
            zh.contains("label=\"Springfield\""),
            "falls back to English"
        );
        let en = to_dot(
            &g,
            &DrawOptions {
                lang: Lang::En,
                ..DrawOptions::default()
            },
        )
        .dot;
        assert!(en.contains("label=\"Qingdao\"") && en.contains("label=\"sister city\""));
        assert!(en.contains("label=\"position\\n市长 · 2019-05\""), "{en}");
        assert!(en.contains("label=\"张伟\""), "falls back to Chinese");
        let both = to_dot(&g, &DrawOptions::default()).dot;
        assert!(both.contains("label=\"青岛市\\nQingdao\""));
    }

    #[test]
    fn legend_lists_only_present_types() {
        let dot = to_dot(
            &cities(),
            &DrawOptions {
                lang: Lang::En,
                ..DrawOptions::default()
            },
        )
        .dot;
        for present in ["city", "country", "bank", "person", "other"] {
            assert!(dot.contains(&format!("</FONT> {present}")), "{present}");
        }
        assert!(!dot.contains("</FONT> company"));
    }

    #[test]
    fn max_nodes_keeps_the_most_connected() {
        let g = cities();
        let options = DrawOptions {
            max_nodes: Some(4),
            lang: Lang::En,
            ..DrawOptions::default()
        };
        let out = to_dot(&g, &options);
        assert_eq!(out.omitted_nodes, g.node_count() - 4);
        assert!(
            out.dot
                .contains("9 nodes omitted (showing the 4 most connected)")
        );
        assert!(out.dot.contains("label=Qingdao") || out.dot.contains("label=\"Qingdao\""));
        assert!(!out.dot.contains("Springfield"));
    }

    #[test]
    fn big_graphs_drop_edge_labels_and_remove_overlaps() {
        let edges: Vec<_> = (1..200).map(|i| (i / 2, i)).collect();
        let options = DrawOptions {
            layout: Layout::Sfdp,
            ..DrawOptions::default()
        };
        let dot = to_dot(&build(200, &edges), &options).dot;
        assert!(dot.contains("overlap=prism") && dot.contains("layout=sfdp"));
        assert!(dot.contains("splines=false"));
        assert!(!dot.contains("合作 cooperates with"));
    }

    fn count(haystack: &str, needle: &str) -> usize {
        haystack.matches(needle).count()
    }

    #[test]
    fn svg_has_chinese_labels_every_node_and_every_edge() {
        let g = cities();
        let out = to_dot(&g, &small_options());
        let svg = String::from_utf8(render(&out.dot, Layout::Dot, Format::Svg).expect("graphviz"))
            .expect("utf-8");
        for label in ["青岛市", "下关市", "友好城市", "市长", "城市 city"] {
            assert!(svg.contains(label), "{label}");
        }
        assert_eq!(count(&svg, "class=\"node\""), g.node_count());
        assert_eq!(count(&svg, "class=\"edge\""), g.edge_count());
        assert_eq!(count(&svg, "class=\"cluster\""), 3);
    }

    #[test]
    fn png_and_pdf_are_real_files() {
        let dot = to_dot(&cities(), &small_options()).dot;
        let png = render(&dot, Layout::Dot, Format::Png).expect("graphviz");
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert!(png.len() > 20_000, "{} bytes", png.len());
        let pdf = render(&dot, Layout::Neato, Format::Pdf).expect("graphviz");
        assert!(pdf.starts_with(b"%PDF"));
        assert_eq!(
            render(&dot, Layout::Dot, Format::Dot).expect("no graphviz needed"),
            dot.as_bytes()
        );
    }

    #[test]
    fn missing_graphviz_says_what_to_install() {
        let err = render_with(
            "/nonexistent/bin/dot",
            "digraph {}",
            Layout::Dot,
            Format::Svg,
        )
        .expect_err("missing");
        assert!(
            matches!(&err, Error::GraphvizMissing { source, .. } if source.kind() == std::io::ErrorKind::NotFound)
        );
        let message = err.to_string();
        assert!(message.contains(INSTALL_HINT), "{message}");
        assert!(
            message.starts_with("cannot run '/nonexistent/bin/dot'"),
            "{message}"
        );
    }

    #[test]
    fn an_empty_graph_still_renders() {
        let dot = to_dot(&KnowledgeGraph::default(), &DrawOptions::default()).dot;
        let svg = render(&dot, Layout::Dot, Format::Svg).expect("graphviz");
        assert!(svg.starts_with(b"<?xml"));
    }

    #[test]
    fn graphviz_errors_are_reported() {
        let err = render("digraph { a -> }", Layout::Dot, Format::Svg).expect_err("syntax error");
        assert!(matches!(err, Error::Graphviz { .. }));
        assert!(err.to_string().contains("syntax error"), "{err}");
    }
}
