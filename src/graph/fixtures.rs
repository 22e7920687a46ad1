//! Graphs with hand-checked answers, shared by the tests of every algorithm and the renderer.

use super::{EdgeData, KnowledgeGraph, NodeData};
use crate::model::{EntityType, Predicate};

/// IRI of the `i`-th node of a generated graph (zero-padded so IRI order is number order).
pub(crate) fn iri(i: usize) -> String {
    format!("ex:n{i:04}")
}

/// A graph of `n` untyped nodes and the given undirected (`cooperatesWith`) edges.
pub(crate) fn build(n: usize, edges: &[(usize, usize)]) -> KnowledgeGraph {
    build_with(n, edges, Predicate::CooperatesWith)
}

/// A graph of `n` nodes and the given edges, all with `predicate`.
pub(crate) fn build_with(
    n: usize,
    edges: &[(usize, usize)],
    predicate: Predicate,
) -> KnowledgeGraph {
    let nodes = (0..n).map(|i| NodeData::new(iri(i))).collect();
    let edges = edges
        .iter()
        .map(|&(a, b)| (iri(a), iri(b), EdgeData::new(predicate)))
        .collect();
    KnowledgeGraph::from_parts(nodes, edges)
}

/// A star: node 0 in the centre, `n - 1` leaves.
pub(crate) fn star(n: usize) -> KnowledgeGraph {
    let edges: Vec<_> = (1..n).map(|i| (0, i)).collect();
    build(n, &edges)
}

/// A path 0 – 1 – … – n-1.
pub(crate) fn path(n: usize) -> KnowledgeGraph {
    let edges: Vec<_> = (1..n).map(|i| (i - 1, i)).collect();
    build(n, &edges)
}

/// Two cliques of `k` nodes (0..k and k..2k) joined by the bridge (k-1) – k.
pub(crate) fn two_cliques(k: usize) -> KnowledgeGraph {
    let mut edges = Vec::new();
    for offset in [0, k] {
        for a in 0..k {
            for b in a + 1..k {
                edges.push((offset + a, offset + b));
            }
        }
    }
    edges.push((k - 1, k));
    build(2 * k, &edges)
}

const ID: &str = "https://w3id.org/cckg/id/";

fn entity(
    path: &str,
    kind: EntityType,
    zh: Option<&str>,
    en: Option<&str>,
    country: Option<&str>,
) -> NodeData {
    NodeData {
        kind: Some(kind),
        label_zh: zh.map(str::to_owned),
        label_en: en.map(str::to_owned),
        country: country.map(|c| format!("{ID}country/{c}")),
        ..NodeData::new(format!("{ID}{path}"))
    }
}

fn statement(s: &str, predicate: Predicate, o: &str, doc: &str) -> (String, String, EdgeData) {
    let data = EdgeData {
        evidence: Some(format!("{s} {predicate} {o}")),
        document: Some(format!("{ID}doc/{doc}")),
        ..EdgeData::new(predicate)
    };
    (format!("{ID}{s}"), format!("{ID}{o}"), data)
}

/// A small cooperation network with Chinese and English labels, every kind of edge
/// qualifier, a duplicate statement, two same-named cities and one node that only an
/// edge mentions.
pub(crate) fn cities() -> KnowledgeGraph {
    use EntityType::*;
    use Predicate::*;
    let mut qingdao = entity(
        "city/qingdao",
        City,
        Some("青岛市"),
        Some("Qingdao"),
        Some("china"),
    );
    qingdao.aliases.push("岛城".to_owned());
    let nodes = vec![
        entity("country/china", Country, Some("中国"), Some("China"), None),
        entity("country/japan", Country, Some("日本"), Some("Japan"), None),
        entity(
            "country/usa",
            Country,
            Some("美国"),
            Some("United States"),
            None,
        ),
        entity(
            "province/shandong",
            Province,
            Some("山东省"),
            Some("Shandong"),
            Some("china"),
        ),
        qingdao,
        entity(
            "city/shimonoseki",
            City,
            Some("下关市"),
            Some("Shimonoseki"),
            Some("japan"),
        ),
        entity(
            "city/springfield-il",
            City,
            None,
            Some("Springfield"),
            Some("usa"),
        ),
        entity(
            "city/springfield-ma",
            City,
            None,
            Some("Springfield"),
            Some("usa"),
        ),
        entity(
            "person/zhang-wei",
            Person,
            Some("张伟"),
            None,
            Some("china"),
        ),
        entity(
            "org/qingdao-government",
            GovernmentBody,
            Some("青岛市人民政府"),
            Some("Qingdao Municipal Government"),
            Some("china"),
        ),
        entity(
            "org/mizuho",
            Bank,
            Some("瑞穗银行"),
            Some("Mizuho Bank"),
            Some("japan"),
        ),
        entity(
            "event/expo-2019",
            Event,
            Some("2019中日经贸合作洽谈会"),
            None,
            Some("china"),
        ),
    ];
    let mut edges = vec![
        statement("city/qingdao", FriendshipCity, "city/shimonoseki", "a1"),
        // The same friendship, stated the other way round by another article.
        statement("city/shimonoseki", FriendshipCity, "city/qingdao", "a2"),
        statement("city/qingdao", PartOf, "province/shandong", "a1"),
        statement("province/shandong", LocatedIn, "country/china", "a1"),
        statement("city/shimonoseki", LocatedIn, "country/japan", "a1"),
        statement("city/springfield-il", LocatedIn, "country/usa", "a3"),
        statement("city/springfield-ma", LocatedIn, "country/usa", "a3"),
        statement(
            "person/zhang-wei",
            PositionAt,
            "org/qingdao-government",
            "a2",
        ),
        statement("org/qingdao-government", LocatedIn, "city/qingdao", "a2"),
        statement("org/mizuho", InvestsIn, "city/qingdao", "a2"),
        statement("country/japan", TradePartner, "city/qingdao", "a1"),
        statement("event/expo-2019", HeldAt, "city/qingdao", "a2"),
        statement(
            "event/expo-2019",
            OrganizedBy,
            "org/qingdao-government",
            "a2",
        ),
        statement("org/mizuho", ParticipatedIn, "event/expo-2019", "a2"),
        // An edge to an entity no article described: it gets a bare node.
        statement("org/mizuho", CooperatesWith, "org/unknown-partner", "a2"),
    ];
    edges[7].2.role = Some("市长".to_owned());
    edges[7].2.date = Some("2019-05".to_owned());
    edges[10].2.rank = Some(3);
    KnowledgeGraph::from_parts(nodes, edges)
}
