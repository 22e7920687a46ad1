//! Relations between the resolved entities of a document, each with its evidence
//! clause and the name of the rule that found it.
//!
//! Two sources: the structure of names and titles (a branch is part of its bank, an
//! organisation named after a city is located there, 市长X holds a post at the city,
//! 日本北九州市 is part of Japan), and the trigger rules of `data/rules/relations.toml`.
//!
//! Entry point: [`extract_relations`].
//!
//! ```
//! use cckg::extract::Extractor;
//! let x = Extractor::new().unwrap();
//! let out = x.extract("a.txt", "日本是大连市第三大贸易伙伴。");
//! let r = out.relations.iter().find(|r| r.predicate.as_str() == "tradePartner").unwrap();
//! assert_eq!(r.qualifiers.rank, Some(3));
//! ```

use crate::extract::is_organisation;
use crate::extract::mentions::{ByteToChar, Origin};
use crate::extract::resolve::{Resolution, Resolved};
use crate::extract::rules::{Pattern, RelationRule, Rules};
use crate::extract::text::{Text, is_dateline_place, is_han};
use crate::gazetteer::{Gazetteer, Matcher};
use crate::model::{EntityType, Predicate, Qualifiers, Relation, Span};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The trigger automaton over every rule's trigger words.
pub struct Triggers {
    automaton: AhoCorasick,
    /// Per pattern: index of its rule.
    rule_of: Vec<usize>,
}

impl Triggers {
    /// Builds the automaton (case-insensitive for English triggers).
    pub fn new(rules: &Rules) -> crate::Result<Self> {
        let mut words = Vec::new();
        let mut rule_of = Vec::new();
        for (i, r) in rules.relations.iter().enumerate() {
            for t in &r.triggers {
                words.push(t.clone());
                rule_of.push(i);
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .build(&words)
            .map_err(|e| crate::Error::Invalid(format!("trigger automaton: {e}")))?;
        Ok(Self { automaton, rule_of })
    }
}

/// What relation extraction reads.
pub struct Context<'a> {
    /// The prepared text.
    pub text: &'a Text,
    /// The gazetteer.
    pub gazetteer: &'a Gazetteer,
    /// Rules.
    pub rules: &'a Rules,
    /// Trigger automaton.
    pub triggers: &'a Triggers,
    /// Gazetteer matcher (for one-character forms after 驻).
    pub matcher: &'a Matcher,
    /// Entities and mentions.
    pub resolved: &'a Resolution,
    /// Publication date, to complete 7月30日.
    pub published: Option<&'a str>,
    /// Whether the text is English.
    pub english: bool,
    /// The home places found so far, by kind (see `home_place`).
    pub homes: std::cell::RefCell<Vec<(EntityType, Option<usize>)>>,
}

struct Out<'a> {
    cx: &'a Context<'a>,
    relations: Vec<Relation>,
    seen: HashSet<(usize, Predicate, usize)>,
    /// The parties of each agreement signed, with the evidence.
    signed: Vec<(usize, usize, Span)>,
}

impl Out<'_> {
    fn add(&mut self, s: usize, p: Predicate, o: usize, q: Qualifiers, evidence: Span, rule: &str) {
        if s == o {
            return;
        }
        let key = if p.is_symmetric() && o < s {
            (o, p, s)
        } else {
            (s, p, o)
        };
        if !self.seen.insert(key) {
            return;
        }
        if rule == "cooperation-agreement" {
            self.signed.push((s, o, evidence));
        }
        let text = self.cx.text;
        let (mut a, mut b) = (evidence.start, evidence.end.min(text.chars.len()));
        while a < b && text.chars[a].is_whitespace() {
            a += 1;
        }
        while b > a
            && (text.chars[b - 1].is_whitespace()
                || matches!(
                    text.chars[b - 1],
                    '，' | ',' | '；' | ';' | '、' | '：' | ':'
                ))
        {
            b -= 1;
        }
        let entities = &self.cx.resolved.entities;
        self.relations.push(Relation {
            subject: entities[s].id.clone(),
            predicate: p,
            object: entities[o].id.clone(),
            qualifiers: q,
            evidence: text.slice(a, b),
            start: a,
            end: b,
            rule: rule.to_owned(),
        });
    }
}

/// Every relation the text states.
pub fn extract_relations(cx: &Context<'_>) -> Vec<Relation> {
    let mut out = Out {
        cx,
        relations: Vec::new(),
        seen: HashSet::default(),
        signed: Vec::new(),
    };
    name_structure(cx, &mut out);
    titles(cx, &mut out);
    place_hierarchy(cx, &mut out);
    if cx.english {
        english_based(cx, &mut out);
        english_participants(cx, &mut out);
    }
    triggered(cx, &mut out);
    anniversary_ties(cx, &mut out);
    friendly_relations(&mut out);
    signed_at_events(cx, &mut out);
    offices_of_bodies(cx, &mut out);
    pilot_areas(cx, &mut out);
    out.relations
}

/// 唐山市与拉脱维亚叶尔加瓦市缔结友好城市关系15周年庆祝活动: an anniversary's name
/// states the friendship it marks, between the place it opens with and the last one before
/// the tie.
fn anniversary_ties(cx: &Context<'_>, out: &mut Out<'_>) {
    let t = cx.text;
    let res = cx.resolved;
    for m in res.mentions.iter().filter(|m| !m.nested) {
        if kind(cx, m) != EntityType::Event {
            continue;
        }
        let Some(years) = t.find("周年", m.start, m.end) else {
            continue;
        };
        let Some(tie) = [
            "友好城市",
            "友城",
            "友好省",
            "友好州",
            "结好",
            "姊妹城市",
            "姐妹城市",
        ]
        .iter()
        .filter_map(|w| t.find(w, m.start, years))
        .min() else {
            continue;
        };
        let places: Vec<&Resolved> = res
            .within(m.start, tie, true)
            .filter(|i| kind(cx, i).is_place() && kind(cx, i) != EntityType::Country)
            .collect();
        let Some(first) = places
            .iter()
            .filter(|i| i.start == m.start)
            .max_by_key(|i| i.end)
        else {
            continue;
        };
        if !matches!(t.chars.get(first.end), Some('与' | '和' | '同')) {
            continue;
        }
        let Some(second) = places
            .iter()
            .filter(|i| i.start > first.end && i.end <= tie)
            .max_by_key(|i| (i.end, std::cmp::Reverse(i.start)))
        else {
            continue;
        };
        out.add(
            first.entity,
            Predicate::FriendshipCity,
            second.entity,
            Qualifiers::default(),
            evidence(cx, m.start, m.end),
            "anniversary-tie",
        );
    }
}

/// 济南与雷根斯堡建立友好合作关系: between places, a tie of friendship, not the agreement
/// the 合作关系 inside it would otherwise read as (in that statement).
fn friendly_relations(out: &mut Out<'_>) {
    let friends: HashSet<(usize, usize)> = out
        .relations
        .iter()
        .filter(|r| r.predicate == Predicate::FriendshipCity && r.evidence.contains("友好合作关系"))
        .map(|r| (r.start, r.end))
        .collect();
    out.relations.retain(|r| {
        r.predicate != Predicate::CooperatesWith || !friends.contains(&(r.start, r.end))
    });
}

/// 设立中国（云南）自由贸易试验区，…涵盖昆明片区、红河片区: an area (片区) named after the
/// free trade zone in its sentence is part of it.
fn pilot_areas(cx: &Context<'_>, out: &mut Out<'_>) {
    let t = cx.text;
    let res = cx.resolved;
    let is_ftz = |m: &Resolved| {
        kind(cx, m) == EntityType::EconomicZone
            && ["自由贸易试验区", "自贸试验区", "自由贸易区", "自贸区"]
                .iter()
                .any(|w| t.has_before(m.end, w))
    };
    let with_parent: HashSet<&str> = out
        .relations
        .iter()
        .filter(|r| r.predicate == Predicate::PartOf)
        .map(|r| r.subject.as_str())
        .collect();
    let has_parent = |entity: usize| with_parent.contains(res.entities[entity].id.as_str());
    let mut found = Vec::new();
    for area in res.mentions.iter().filter(|m| {
        !m.nested && kind(cx, m) == EntityType::EconomicZone && t.has_before(m.end, "片区")
    }) {
        let Some(sentence) = t.sentence_at(area.start) else {
            continue;
        };
        let zone = res
            .within(
                sentence.start.max(area.start.saturating_sub(300)),
                area.start,
                false,
            )
            .filter(|m| is_ftz(m) && m.entity != area.entity)
            .last();
        if let Some(zone) = zone
            && !has_parent(area.entity)
        {
            found.push((area.entity, zone.entity, evidence(cx, zone.start, area.end)));
        }
    }
    for (area, zone, ev) in found {
        out.add(
            area,
            Predicate::PartOf,
            zone,
            Qualifiers::default(),
            ev,
            "pilot-area",
        );
    }
}

/// 杭州市人民政府外事办公室, 卢森堡经济部对外贸易司: an office named after a body the
/// text also names is part of that body.
fn offices_of_bodies(cx: &Context<'_>, out: &mut Out<'_>) {
    let entities = &cx.resolved.entities;
    let bodies: Vec<usize> = (0..entities.len())
        .filter(|&i| entities[i].kind == EntityType::GovernmentBody)
        .collect();
    for &office in &bodies {
        let name = &entities[office].name;
        let parent = bodies
            .iter()
            .copied()
            // (省商务厅对外投资和经济合作处: the body by one of its names.)
            .filter_map(|b| {
                let body = std::iter::once(&entities[b].name)
                    .chain(&entities[b].aliases)
                    .filter(|body| {
                        name.starts_with(body.as_str())
                            && name[body.len()..].chars().count() >= 2
                            && ["政府", "部", "委员会", "厅"]
                                .iter()
                                .any(|w| body.ends_with(w))
                    })
                    .map(String::len)
                    .max()?;
                (b != office).then_some((b, body))
            })
            .max_by_key(|&(_, len)| len)
            .map(|(b, _)| b);
        let first = cx.resolved.mentions.iter().find(|m| m.entity == office);
        if let (Some(parent), Some(first)) = (parent, first) {
            out.add(
                office,
                Predicate::PartOf,
                parent,
                Qualifiers::default(),
                evidence(cx, first.start, first.end),
                "office-of-body",
            );
        }
    }
}

/// 交流会现场共签约项目21个。A与B签约: the parties of an agreement signed at the event
/// (现场, 会上) took part in it.
fn signed_at_events(cx: &Context<'_>, out: &mut Out<'_>) {
    let t = cx.text;
    let at_event = |sentence: Span| {
        let words = [
            "现场",
            "会上",
            "仪式上",
            "论坛上",
            "峰会上",
            "会议期间",
            "at the forum",
            "at the event",
        ];
        words
            .iter()
            .any(|w| t.find(w, sentence.start, sentence.end).is_some())
    };
    let signed = std::mem::take(&mut out.signed);
    for &(a, b, evidence) in &signed {
        let Some(sentence) = t.sentence_at(evidence.start) else {
            continue;
        };
        let before_event = ["前一天", "此前", "会前"]
            .iter()
            .any(|w| t.find(w, sentence.start, sentence.end).is_some());
        if before_event || !(at_event(sentence) || signings_at_event(t, sentence, at_event)) {
            continue;
        }
        let Some(event) = latest_event(cx, sentence.end) else {
            continue;
        };
        for party in [a, b] {
            let party_kind = cx.resolved.entities[party].kind;
            if party_kind.is_place() || party_kind == EntityType::Event {
                continue;
            }
            // 大连保税区管委会主任赵海峰与…签署: the person who signed for the party.
            let signer = cx
                .resolved
                .within(evidence.start, evidence.end, false)
                .find(|m| m.entity == party)
                .and_then(|m| {
                    cx.resolved
                        .within(m.end, (m.end + 8).min(evidence.end), false)
                        .find(|p| kind(cx, p) == EntityType::Person && p.title.is_some())
                });
            out.add(
                signer.map_or(party, |p| p.entity),
                Predicate::ParticipatedIn,
                event.entity,
                Qualifiers::default(),
                evidence,
                "signed-at-event",
            );
        }
    }
    out.signed = signed;
}

/// 现场共签约项目21个。其中，A与B签署…。C与D签订…: a sentence in the same paragraph
/// as an event's signings, after them with only signings between.
fn signings_at_event(t: &Text, sentence: Span, at_event: impl Fn(Span) -> bool) -> bool {
    const SIGNING: [&str; 6] = ["签约", "签署", "签订", "signed", "signing", "agreement"];
    let mut current = sentence;
    for _ in 0..3 {
        if current.start == 0 || t.chars[current.start - 1] == '\n' {
            return false;
        }
        let Some(previous) = t.sentence_at(current.start - 1) else {
            return false;
        };
        let signs = |s: Span| SIGNING.iter().any(|w| t.find(w, s.start, s.end).is_some());
        if !signs(previous) {
            return false;
        }
        if at_event(previous) {
            return true;
        }
        current = previous;
    }
    false
}

/// "London-based X", "Beijing-headquartered X": X is located in the place; "Beijing's
/// Chaoyang district": the district is part of the city.
fn english_based(cx: &Context<'_>, out: &mut Out<'_>) {
    let t = cx.text;
    for m in &cx.resolved.mentions {
        let k = kind(cx, m);
        // "the Minnesota Trade Office (MTO), a division of the Minnesota Department of …":
        // a unit of the organisation named after it.
        if is_organisation(k) && !m.nested {
            let mut at = m.end;
            if t.has_at(at, " (")
                && let Some(close) = t.find(")", at, (at + 12).min(t.chars.len()))
            {
                at = close + 1;
            }
            let unit = [
                ", a division of ",
                ", a unit of ",
                ", a subsidiary of ",
                ", an arm of ",
            ]
            .iter()
            .find(|w| t.has_at(at, w));
            if let Some(w) = unit {
                let from = at + w.chars().count();
                let owner = tops(cx, from, (from + 80).min(t.chars.len()))
                    .into_iter()
                    .find(|o| is_organisation(kind(cx, o)))
                    .filter(|o| {
                        // (Only lowercase words between: "state-owned logistics group".)
                        t.norm_str(from, o.start)
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || matches!(c, ' ' | '-'))
                    });
                if let Some(o) = owner.filter(|o| o.entity != m.entity) {
                    out.add(
                        m.entity,
                        Predicate::PartOf,
                        o.entity,
                        Qualifiers::default(),
                        evidence(cx, m.start, o.end),
                        "english-unit-of",
                    );
                }
            }
        }
        // ("Saskatoon-based agricultural equipment maker Northfield Implements": lowercase
        // words between.)
        for word in ["-based ", "-headquartered "] {
            if k.is_place() {
                continue;
            }
            let Some(at) = t
                .find(word, m.start.saturating_sub(60), m.start)
                .filter(|&at| {
                    t.norm_str(at + word.chars().count(), m.start)
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || matches!(c, ' ' | '-'))
                })
            else {
                continue;
            };
            if let Some(place) = ending_at(cx, at).find(|p| kind(cx, p).is_place()) {
                out.add(
                    m.entity,
                    Predicate::LocatedIn,
                    place.entity,
                    Qualifiers::default(),
                    evidence(cx, place.start, m.end),
                    "english-based",
                );
            }
        }
        // "X, a Des Moines-based nonprofit", "X, a company based in Muscatine", "X, which
        // is based in Shenzhen".
        if !k.is_place() && k != EntityType::Person {
            let place = if t.has_at(m.end, ", a ") || t.has_at(m.end, ", an ") {
                let end = t.clause_at(m.end + 2).map_or(m.end, |c| c.end);
                match t.find("-based ", m.end, end) {
                    Some(p) => ending_at(cx, p).find(|p| kind(cx, p).is_place()),
                    None => t
                        .find(" based in ", m.end, end)
                        .and_then(|p| place_at(cx, p + 10)),
                }
            } else {
                [
                    ", which is based in ",
                    ", based in ",
                    ", which is located in ",
                ]
                .iter()
                .find(|w| t.has_at(m.end, w))
                .and_then(|w| place_at(cx, m.end + w.chars().count()))
            };
            if let Some(place) = place {
                out.add(
                    m.entity,
                    Predicate::LocatedIn,
                    place.entity,
                    Qualifiers::default(),
                    evidence(cx, m.start, place.end),
                    "english-based",
                );
            }
        }
        // "the Shenzhen Convention and Exhibition Center in the city's Futian district",
        // "US Consulate General in Guangzhou": a venue or body in a place.
        if !k.is_place() && k != EntityType::Person && k != EntityType::Event {
            let inner = tops(cx, m.start, m.end)
                .into_iter()
                .filter(|x| x.entity != m.entity && kind(cx, x).is_place())
                .find(|x| x.end == m.end && t.has_before(x.start, " in "));
            // (Also "in central Gothenburg", "in downtown Savannah".)
            let after = [
                " in the city's ",
                " in central ",
                " in downtown ",
                " in northern ",
                " in southern ",
                " in eastern ",
                " in western ",
                " in ",
            ]
            .iter()
            .find(|w| t.has_at(m.end, w))
            .and_then(|w| place_at(cx, m.end + w.chars().count()));
            if let Some(place) = inner.or(after) {
                out.add(
                    m.entity,
                    Predicate::LocatedIn,
                    place.entity,
                    Qualifiers::default(),
                    evidence(cx, m.start, place.end),
                    "english-in-place",
                );
            }
        }
        // "in the city's Futian district": the district of the city last named.
        if k == EntityType::District
            && t.has_before(m.start, "the city's ")
            && let Some(city) = cx
                .resolved
                .mentions
                .iter()
                .rev()
                .find(|x| x.end <= m.start && !x.nested && kind(cx, x) == EntityType::City)
        {
            out.add(
                m.entity,
                Predicate::PartOf,
                city.entity,
                Qualifiers::default(),
                evidence(cx, city.start, m.end),
                "english-possessive-place",
            );
        }
        // "Guangzhou's Nansha Port", "Beijing's Chaoyang district".
        if k != EntityType::Person
            && t.has_before(m.start, "'s ")
            && let Some(city) = ending_at(cx, m.start - 3).find(|p| {
                // (Not the Leeds of "the University of Leeds's Robotics Centre".)
                !p.nested && matches!(kind(cx, p), EntityType::City | EntityType::Province)
            })
        {
            let predicate = if k == EntityType::District {
                Predicate::PartOf
            } else {
                Predicate::LocatedIn
            };
            out.add(
                m.entity,
                predicate,
                city.entity,
                Qualifiers::default(),
                evidence(cx, city.start, m.end),
                "english-possessive-place",
            );
        }
        // "the Manchester China Forum's Spring Business Dinner": the organisation's event;
        // "the University of Manchester's Graphene Engineering Innovation Centre": a unit of
        // the organisation.
        let owned = match k {
            EntityType::Event => Some((Predicate::OrganizedBy, "english-possessive-event")),
            EntityType::Venue | EntityType::ResearchBody | EntityType::GovernmentBody => {
                Some((Predicate::PartOf, "english-possessive-unit"))
            }
            _ => None,
        };
        let owner_fits = |o: &Resolved| match owned {
            Some((Predicate::OrganizedBy, _)) => is_organisation(kind(cx, o)),
            _ => matches!(
                kind(cx, o),
                EntityType::ResearchBody | EntityType::Company | EntityType::Bank
            ),
        };
        if let Some((predicate, rule)) = owned
            && t.has_before(m.start, "'s ")
            && let Some(owner) = ending_at(cx, m.start - 3).find(|o| !o.nested && owner_fits(o))
        {
            out.add(
                m.entity,
                predicate,
                owner.entity,
                Qualifiers::default(),
                evidence(cx, owner.start, m.end),
                rule,
            );
        }
    }
}

/// The place mention starting at `at`, if any.
fn place_at<'a>(cx: &Context<'a>, at: usize) -> Option<&'a Resolved> {
    tops(cx, at, at + 40)
        .into_iter()
        .find(|x| x.start == at && kind(cx, x).is_place())
}

/// Nouns that refer back to the event of the article ("told the summit").
const EVENT_NOUNS: [&str; 12] = [
    "summit",
    "forum",
    "dialogue",
    "conference",
    "expo",
    "fair",
    "meeting",
    "ceremony",
    "symposium",
    "exhibition",
    "festival",
    "event",
];

/// "signed … at the 2024 Beijing-London Innovation Dialogue", "Liu told the summit",
/// "said at the forum", "were among the guests": the people of the sentence took part in
/// the event, and so did an organisation announcing something "At the summit, …".
fn english_participants(cx: &Context<'_>, out: &mut Out<'_>) {
    const BEFORE: [&str; 9] = [
        "at the ",
        "at ",
        "told the ",
        "opened the ",
        "addressed the ",
        "addressing the ",
        "attended the ",
        "session of the ",
        "ceremony of the ",
    ];
    let t = cx.text;
    for &sentence in &t.sentences {
        let lower = t.norm(sentence.start, sentence.end).to_lowercase();
        let events: Vec<&Resolved> = tops(cx, sentence.start, sentence.end)
            .into_iter()
            .filter(|m| kind(cx, m) == EntityType::Event)
            .collect();
        // ("at the Manchester China Forum's Spring Business Dinner": the dinner.)
        let opens = |at: usize| BEFORE.iter().any(|v| t.has_before(at, v));
        let named = events
            .iter()
            .position(|m| {
                opens(m.start)
                    || t.has_before(m.start, "'s ")
                        && ending_at(cx, m.start - 3).any(|o| opens(o.start))
            })
            .map(|i| match events.get(i + 1) {
                Some(next) if next.start == events[i].end + 3 && t.has_at(events[i].end, "'s ") => {
                    *next
                }
                _ => events[i],
            });
        let noun = EVENT_NOUNS.iter().find(|n| {
            BEFORE
                .iter()
                .any(|v| v.ends_with("the ") && lower.contains(&format!("{v}{n}")))
        });
        let guests = [
            "among the guests",
            "among the participants",
            "among the attendees",
            "told participants",
            "also present were",
        ]
        .iter()
        .any(|w| lower.contains(w));
        let event = named.or_else(|| {
            if noun.is_none() && !guests {
                return None;
            }
            let recent = cx
                .resolved
                .within(sentence.start.saturating_sub(3000), sentence.end, true)
                .filter(|m| kind(cx, m) == EntityType::Event);
            let recent: Vec<&Resolved> = recent.collect();
            let fits = recent
                .iter()
                .rev()
                .find(|m| noun.is_none_or(|n| t.norm(m.start, m.end).to_lowercase().contains(n)));
            fits.or(recent.last()).copied()
        });
        let Some(event) = event else { continue };
        let ev = evidence(cx, sentence.start, sentence.end);
        let mut people = false;
        for p in tops(cx, sentence.start, sentence.end) {
            if kind(cx, p) == EntityType::Person {
                people = true;
                out.add(
                    p.entity,
                    Predicate::ParticipatedIn,
                    event.entity,
                    Qualifiers::default(),
                    ev,
                    "english-participants",
                );
            }
        }
        // "At the summit, Hawkeye Grain Systems … announced", "Also at the forum, X-based A
        // and B signed": the organisations before the verb.
        if !people && (lower.starts_with("at the ") || lower.starts_with("also at the ")) {
            let Some(comma) = t.find(",", sentence.start, sentence.end) else {
                continue;
            };
            let verb = [" signed", " announced", " said", " agreed", " unveiled"]
                .iter()
                .filter_map(|v| t.find(v, comma, sentence.end))
                .min()
                .unwrap_or(sentence.end);
            for org in tops(cx, comma + 1, verb) {
                if is_organisation(kind(cx, org)) {
                    out.add(
                        org.entity,
                        Predicate::ParticipatedIn,
                        event.entity,
                        Qualifiers::default(),
                        ev,
                        "english-participants",
                    );
                }
            }
        }
    }
}

fn kind(cx: &Context<'_>, m: &Resolved) -> EntityType {
    cx.resolved.entities[m.entity].kind
}

fn entry(cx: &Context<'_>, m: &Resolved) -> Option<usize> {
    cx.resolved.entries[m.entity]
}

/// Whether gazetteer entry `outer` contains `inner` (an ancestor, or its country).
fn contains(g: &Gazetteer, outer: usize, inner: usize) -> bool {
    if outer == inner {
        return false;
    }
    if g.entry(outer).kind == EntityType::Country {
        return g.country_of(inner) == Some(outer);
    }
    g.ancestors(inner).contains(&outer)
}

/// The clause span(s) from `a` to `b`.
fn evidence(cx: &Context<'_>, a: usize, b: usize) -> Span {
    let t = cx.text;
    let s = t.clause_at(a).map(|c| c.start).unwrap_or(a);
    let e = t.clause_at(b.saturating_sub(1)).map(|c| c.end).unwrap_or(b);
    Span::new(s.min(a), e.max(b))
}

/// Branches, place-named organisations, districts of a city.
/// The place an English name is in: the one after "in", else the first place below
/// country level that the name spells out (Port of Tacoma, Hebei Provincial Department
/// of Commerce, Imperial College London), among the places the document names.
fn english_place_in_name(cx: &Context<'_>, m: &Resolved) -> Option<usize> {
    let name = cx.text.norm(m.start, m.end);
    let bytes = name.as_bytes();
    let boundary = |i: usize| i >= bytes.len() || !bytes[i].is_ascii_alphanumeric();
    let mut found: Vec<(usize, bool, usize)> = Vec::new(); // (position, after "in", entity)
    for (e, entity) in cx.resolved.entities.iter().enumerate() {
        if !entity.kind.is_place() {
            continue;
        }
        for form in std::iter::once(&entity.name).chain(&entity.aliases) {
            if form.len() < 3 || !form.is_ascii() {
                continue;
            }
            for (at, _) in name.match_indices(form.as_str()) {
                if (at == 0 || boundary(at - 1)) && boundary(at + form.len()) {
                    let after_in = name[..at].ends_with(" in ") || name[..at].ends_with(" in the ");
                    if after_in || entity.kind != EntityType::Country {
                        found.push((at, after_in, e));
                    }
                }
            }
        }
    }
    // "Houston-Shenzhen Sister City Association": named after a pair, in neither.
    let pair = found.iter().any(|a| {
        found.iter().any(|b| {
            let between = name.get(a.0..b.0).unwrap_or("");
            a.2 != b.2 && b.0 > a.0 && between.ends_with('-') && !between.contains(' ')
        })
    });
    if pair {
        return None;
    }
    found
        .iter()
        .find(|f| f.1)
        .or_else(|| found.iter().min_by_key(|f| f.0))
        .map(|f| f.2)
        .filter(|&e| e != m.entity)
}

/// The Chinese place of `kind` the text names most often, if it names it at least twice
/// as often as any other.
/// The kind of place a body or title of one level is in (市 → City, 区 → District).
fn level_kind(level: char) -> Option<EntityType> {
    match level {
        '市' => Some(EntityType::City),
        '区' => Some(EntityType::District),
        '省' => Some(EntityType::Province),
        _ => None,
    }
}

/// The Chinese place of `kind_wanted` the text names at least twice as often as any other
/// (the city, district or province a report is about), computed once per kind.
fn home_place(cx: &Context<'_>, kind_wanted: EntityType) -> Option<usize> {
    if let Some(&(_, home)) = cx.homes.borrow().iter().find(|(k, _)| *k == kind_wanted) {
        return home;
    }
    let home = count_home_place(cx, kind_wanted);
    cx.homes.borrow_mut().push((kind_wanted, home));
    home
}

/// The first mention of the home place of `kind_wanted`.
fn home_mention<'a>(cx: &Context<'a>, kind_wanted: EntityType) -> Option<&'a Resolved> {
    let home = home_place(cx, kind_wanted)?;
    cx.resolved.mentions.iter().find(|m| m.entity == home)
}

fn count_home_place(cx: &Context<'_>, kind_wanted: EntityType) -> Option<usize> {
    let china = cx.gazetteer.by_id("iso:CN")?;
    let mut counts: HashMap<usize, usize> = HashMap::default();
    for m in &cx.resolved.mentions {
        if kind(cx, m) == kind_wanted
            && entry(cx, m).is_some_and(|e| cx.gazetteer.country_of(e) == Some(china))
        {
            *counts.entry(m.entity).or_default() += 1;
        }
    }
    let (&best, &n) = counts
        .iter()
        .max_by_key(|&(e, n)| (*n, std::cmp::Reverse(*e)))?;
    counts
        .iter()
        .all(|(&e, &o)| e == best || n >= 2 * o)
        .then_some(best)
}

fn name_structure(cx: &Context<'_>, out: &mut Out<'_>) {
    let res = cx.resolved;
    let g = cx.gazetteer;
    let mut done: HashSet<usize> = HashSet::default();
    let candidates = || {
        res.mentions.iter().filter(|m| {
            !m.nested && matches!(m.origin, Origin::Suffix | Origin::Quoted | Origin::English)
        })
    };
    // Each name is read where the text writes it in full (第比利斯代表处 in a headline,
    // 兰州银行第比利斯代表处 below), else where it first names it.
    let full =
        candidates().filter(|m| cx.text.slice(m.start, m.end) == res.entities[m.entity].name);
    // A zone named only inside another name (苏州工业园区管委会, 中国(山东)自由贸易试验区济南片区)
    // is read there.
    let nested_zones = res.mentions.iter().filter(|m| {
        m.nested && m.origin == Origin::Suffix && kind(cx, m) == EntityType::EconomicZone
    });
    let firms: rustc_hash::FxHashMap<&str, usize> = res
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| matches!(e.kind, EntityType::Bank | EntityType::Company))
        .map(|(i, e)| (e.name.as_str(), i))
        .collect();
    for m in full.chain(candidates()).chain(nested_zones) {
        let k = kind(cx, m);
        // A route between two places (天津—仁川…航线, 中老铁路) is in neither, nor is a
        // city's train service (中欧班列(成都)).
        let route = k == EntityType::Project
            && (cx.text.norm(m.start, m.end).contains(['—', '-'])
                || cx.text.find("班列", m.start, m.end).is_some()
                || res
                    .within(m.start, m.end, true)
                    .any(|i| i.start == m.start && i.origin == Origin::Abbrev));
        if matches!(
            k,
            EntityType::Person | EntityType::Event | EntityType::Initiative
        ) || route
            || !done.insert(m.entity)
        {
            continue;
        }
        let inner: Vec<&Resolved> = res
            .within(m.start, m.end, true)
            .filter(|i| i.entity != m.entity && !(i.start == m.start && i.end == m.end))
            .collect();
        let ev = evidence(cx, m.start, m.end);
        // "the Nansha Area of the China (Guangdong) Pilot Free Trade Zone": part of the zone.
        if k == EntityType::EconomicZone
            && let Some(zone) = inner.iter().find(|i| {
                i.end == m.end
                    && kind(cx, i) == EntityType::EconomicZone
                    && cx.text.has_before(i.start, " of the ")
            })
        {
            out.add(
                m.entity,
                Predicate::PartOf,
                zone.entity,
                Qualifiers::default(),
                ev,
                "zone-of-zone",
            );
        }
        // 丹麦诺德维克集团精密流体装备项目: the firm its name starts with invests in it.
        if k == EntityType::Project
            && let Some(firm) = inner.iter().find(|i| {
                i.start == m.start && matches!(kind(cx, i), EntityType::Company | EntityType::Bank)
            })
        {
            out.add(
                firm.entity,
                Predicate::InvestsIn,
                m.entity,
                Qualifiers::default(),
                ev,
                "firm-project",
            );
        }
        // 中国银行(土耳其)股份有限公司: a bank's or firm's subsidiary in a country, when the
        // text names the parent on its own too (not 瑞穗银行 only inside 瑞穗银行(中国)…);
        // also where only its branch names it (泰国开泰银行(中国)有限公司成都分行).
        let subsidiary = |s: usize, e: usize| {
            let open = (s + 2..e).find(|&i| matches!(cx.text.chars[i], '(' | '（'))?;
            firms.get(cx.text.norm_str(s, open)).copied()
        };
        let branch_word = crate::extract::mentions::BRANCH
            .iter()
            .any(|b| cx.text.has_before(m.end, b));
        let sub = if branch_word {
            inner
                .iter()
                .filter(|i| i.start == m.start && is_organisation(kind(cx, i)))
                .max_by_key(|i| i.end)
                .map(|i| (i.entity, i.start, i.end))
        } else {
            Some((m.entity, m.start, m.end))
        };
        if matches!(k, EntityType::Bank | EntityType::Company)
            && let Some((child, s, e)) = sub
            && let Some(parent) = subsidiary(s, e)
            && parent != child
        {
            out.add(
                child,
                Predicate::PartOf,
                parent,
                Qualifiers::default(),
                evidence(cx, s, e),
                "subsidiary-of",
            );
        }
        // 市商务局 in a city's own release: in the Chinese city the text names most, or in
        // the one its sentence opens with (信德省欢迎…，省政府将…).
        let opening = |level: EntityType| {
            let sentence = cx.text.sentence_at(m.start)?;
            res.within(sentence.start, m.start, false)
                .next()
                .filter(|p| p.start == sentence.start && kind(cx, p) == level)
                .map(|p| p.entity)
        };
        if k == EntityType::GovernmentBody
            && inner.is_empty()
            && let Some(level) = cx.text.chars.get(m.start)
            && let Some(level) = level_kind(*level)
            && let Some(home) = opening(level).or_else(|| home_place(cx, level))
        {
            out.add(
                m.entity,
                Predicate::LocatedIn,
                home,
                Qualifiers::default(),
                ev,
                "level-home",
            );
            continue;
        }
        // Branch: parent organisation at the start, then a place.
        let branch = crate::extract::mentions::BRANCH
            .iter()
            .find(|b| cx.text.has_before(m.end, b));
        let office = crate::extract::mentions::OFFICES
            .iter()
            .any(|o| cx.text.has_before(m.end, o));
        let parent = branch.and_then(|_| {
            inner
                .iter()
                .filter(|i| {
                    let k = kind(cx, i);
                    i.start == m.start
                        && i.end < m.end
                        && (is_organisation(k)
                            || k == EntityType::EconomicZone
                            || office
                                && k.is_place()
                                && k != EntityType::Country
                                && kind(cx, m) == EntityType::GovernmentBody)
                })
                .max_by_key(|i| i.end)
        });
        // An office of a place belongs to the innermost of the places leading its name
        // (北海道札幌市驻沈阳办事处 → 札幌市).
        let parent = parent.map(|mut p| {
            while kind(cx, p).is_place()
                && let Some(next) = inner
                    .iter()
                    .filter(|i| {
                        i.start == p.end
                            && i.end < m.end
                            && matches!((entry(cx, p), entry(cx, i)), (Some(a), Some(b)) if contains(g, a, b))
                    })
                    .max_by_key(|i| i.end)
            {
                p = next;
            }
            p
        });
        if let Some(parent) = parent {
            out.add(
                m.entity,
                Predicate::PartOf,
                parent.entity,
                Qualifiers::default(),
                ev,
                "branch-of",
            );
            // 中国银行常州武进支行: the last place of its name (武进), a country only when it
            // names no other (中国银行匈牙利分行).
            let places = || {
                inner
                    .iter()
                    .filter(|i| i.start >= parent.end && kind(cx, i).is_place())
            };
            if let Some(place) = places()
                .filter(|i| kind(cx, i) != EntityType::Country)
                .max_by_key(|i| i.end)
                .or_else(|| places().next())
            {
                out.add(
                    m.entity,
                    Predicate::LocatedIn,
                    place.entity,
                    Qualifiers::default(),
                    ev,
                    "branch-place",
                );
            }
            if let Some(place) = res.within(parent.start, parent.end, true).find(|i| {
                i.start == parent.start
                    && matches!(
                        kind(cx, i),
                        EntityType::City
                            | EntityType::Province
                            | EntityType::District
                            | EntityType::Prefecture
                    )
            }) {
                out.add(
                    parent.entity,
                    Predicate::LocatedIn,
                    place.entity,
                    Qualifiers::default(),
                    evidence(cx, parent.start, parent.end),
                    "name-place",
                );
            }
            continue;
        }
        // 辽宁自贸区大连片区: the place right before the branch word.
        if let Some(b) = branch
            && let Some(place) = inner.iter().find(|i| {
                i.end + b.chars().count() == m.end
                    && kind(cx, i).is_place()
                    && kind(cx, i) != EntityType::Country
            })
        {
            out.add(
                m.entity,
                Predicate::LocatedIn,
                place.entity,
                Qualifiers::default(),
                ev,
                "branch-place",
            );
            continue;
        }
        // "University of Houston", "US Consulate General in Guangzhou": English names
        // hold their places as plain words.
        if cx.english
            && m.origin == Origin::English
            && !k.is_place()
            && let Some(place) = english_place_in_name(cx, m)
        {
            out.add(
                m.entity,
                Predicate::LocatedIn,
                place,
                Qualifiers::default(),
                ev,
                "name-place",
            );
            continue;
        }
        // Leading chain of places: the innermost one below country level.
        let mut at = m.start;
        let mut chain: Vec<&Resolved> = Vec::new();
        while let Some(p) = inner
            .iter()
            .filter(|i| {
                i.start == at
                    && (kind(cx, i).is_place() || kind(cx, i) == EntityType::EconomicZone)
                    && i.end < m.end
            })
            .max_by_key(|i| i.end)
        {
            chain.push(p);
            at = p.end;
        }
        // 中国驻日使馆: located in the country after 驻.
        if cx.text.chars.get(at) == Some(&'驻') {
            let c = cx.text.chars.get(at + 1).copied().unwrap_or(' ');
            let target = inner
                .iter()
                .find(|i| i.start == at + 1 && kind(cx, i).is_place())
                .map(|i| i.entity)
                .or_else(|| entity_of_entries(cx, cx.matcher.abbrev(c)))
                // 驻华: China, whose short form is otherwise 中.
                .or_else(|| {
                    let china = cx.gazetteer.by_id("iso:CN").filter(|_| c == '华')?;
                    entity_of_entries(cx, &[china])
                });
            if let Some(t) = target {
                out.add(
                    m.entity,
                    Predicate::LocatedIn,
                    t,
                    Qualifiers::default(),
                    ev,
                    "name-posted-to",
                );
            }
            continue;
        }
        // 日本大连经济发展促进会: a body abroad named after a Chinese city is located abroad.
        let abroad = chain
            .first()
            .filter(|c| kind(cx, c) == EntityType::Country)
            .filter(|c| {
                // (中国老挝磨憨—磨丁…: two countries name a joint zone, in neither.)
                chain
                    .get(1)
                    .is_some_and(|p| kind(cx, p) != EntityType::Country)
                    && chain
                        .get(1)
                        .is_some_and(|p| match (entry(cx, c), entry(cx, p)) {
                            (Some(ce), Some(pe)) => cx.gazetteer.country_of(pe) != Some(ce),
                            _ => false,
                        })
            });
        // 中韩(烟台)产业园: the place in parentheses is where it is.
        let in_parentheses = inner.iter().copied().find(|i| {
            i.start > m.start
                && matches!(cx.text.chars.get(i.start - 1), Some('(' | '（'))
                && matches!(
                    kind(cx, i),
                    EntityType::City | EntityType::Province | EntityType::District
                )
        });
        // 宁波(墨西哥)产业园: a Chinese city's park in a foreign country is in that
        // country, or in the place of it written right before the name.
        let overseas = inner.iter().copied().find(|i| {
            i.start > m.start
                && matches!(cx.text.chars.get(i.start - 1), Some('(' | '（'))
                && kind(cx, i) == EntityType::Country
                && chain.first().is_some_and(|c| {
                    matches!((entry(cx, c), entry(cx, i)), (Some(ce), Some(ie))
                        if g.entry(ce).kind != EntityType::Country && g.country_of(ce) != Some(ie))
                })
        });
        let overseas = overseas.map(|country| {
            let lead = m.start - usize::from(m.start > 0 && cx.text.chars[m.start - 1] == '"');
            res.mentions[..res.mentions.partition_point(|p| p.start < lead)]
                .iter()
                .rev()
                .find(|p| {
                    p.end == lead
                        && !p.nested
                        && matches!((entry(cx, p), entry(cx, country)), (Some(pe), Some(ce))
                            if contains(g, ce, pe))
                })
                .unwrap_or(country)
        });
        // 沙巴潮州会馆: a hometown association is where its first place is; the place
        // before 会馆 or 同乡会 is where its members come from.
        let hometown = ["会馆", "同乡会"]
            .iter()
            .any(|w| cx.text.has_before(m.end, w))
            && chain.len() >= 2;
        let place = in_parentheses.or(overseas).or(abroad.copied()).or_else(|| {
            chain
                .iter()
                .rev()
                .skip(usize::from(hometown))
                .find(|p| kind(cx, p) != EntityType::Country)
                .copied()
        });
        // Newspapers named after a place (河北日报) are not located by their name.
        let media = ["日报", "时报", "晚报", "电视台", "广播电台", "新闻网"]
            .iter()
            .any(|w| cx.text.has_before(m.end, w));
        if let Some(p) = place.filter(|_| !media) {
            let pred = if k == EntityType::District && kind(cx, p) == EntityType::City {
                Predicate::PartOf
            } else {
                Predicate::LocatedIn
            };
            out.add(
                m.entity,
                pred,
                p.entity,
                Qualifiers::default(),
                ev,
                "name-place",
            );
        }
    }
    // 长春市体育局、文化旅游局: list members without a place share the first one's.
    let index: rustc_hash::FxHashMap<&str, usize> = res
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let located: rustc_hash::FxHashMap<usize, usize> = out
        .relations
        .iter()
        .filter(|r| r.predicate == Predicate::LocatedIn && r.rule == "name-place")
        .filter_map(|r| {
            Some((
                *index.get(r.subject.as_str())?,
                *index.get(r.object.as_str())?,
            ))
        })
        .collect();
    let orgs: Vec<&Resolved> = res
        .mentions
        .iter()
        .filter(|m| !m.nested && is_organisation(kind(cx, m)))
        .collect();
    for w in orgs.windows(2) {
        let (a, b) = (w[0], w[1]);
        let gap = cx.text.norm(a.end, b.start);
        if !matches!(gap.as_str(), "、" | "及" | "和") {
            continue;
        }
        // (德累斯顿市政府 names its own city, known to the gazetteer or not.)
        let has_place = res
            .within(b.start, b.end, true)
            .any(|i| i.start == b.start && kind(cx, i).is_place())
            || (b.start + 2..b.end).any(|k| matches!(cx.text.chars[k], '市' | '省' | '县' | '州'));
        if has_place {
            continue;
        }
        if let Some(&place) = located.get(&a.entity) {
            out.add(
                b.entity,
                Predicate::LocatedIn,
                place,
                Qualifiers::default(),
                evidence(cx, a.start, b.end),
                "list-place",
            );
        }
    }
    // Two names side by side: the second lies in the first.
    let tops: Vec<&Resolved> = res
        .mentions
        .iter()
        .filter(|m| !m.nested && m.origin != Origin::Abbrev)
        .collect();
    for w in tops.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (ka, kb) = (kind(cx, a), kind(cx, b));
        let touching = a.end == b.start;
        let link = if matches!(
            ka,
            EntityType::City | EntityType::Province | EntityType::District | EntityType::Prefecture
        ) && kb == EntityType::Company
            && matches!(cx.text.norm_str(a.end, b.start), "企业" | "企业的")
        {
            // 马里兰州企业切萨皮克生物材料公司: a firm introduced as one of a place's.
            Some((Predicate::LocatedIn, "place-firm"))
        } else if matches!(
            ka,
            EntityType::City | EntityType::Province | EntityType::Prefecture | EntityType::District
        ) && matches!(
            kb,
            EntityType::Company | EntityType::Bank | EntityType::Association
        ) && cx.text.norm_str(a.end, b.start) == "的"
            && comes_from(cx, a.start)
        {
            // 来自德国巴登-符腾堡州的莱茵福斯特公司: a firm introduced by where it comes from.
            Some((Predicate::LocatedIn, "firm-from-place"))
        } else if touching
            && matches!(
                (ka, kb),
                (EntityType::Province | EntityType::Country, EntityType::City)
                    | (EntityType::City, EntityType::District)
            )
            && entry(cx, b).is_none()
        {
            // 马里兰州安纳波利斯市: a city the gazetteer does not know, after its state.
            Some((Predicate::PartOf, "adjacent-places"))
        } else if touching
            && matches!(
                ka,
                EntityType::EconomicZone | EntityType::City | EntityType::District
            )
            && matches!(kb, EntityType::Venue | EntityType::EconomicZone)
        {
            // 在大连国际会展中心韩国“国际会客厅”: a venue or zone after a zone or place.
            Some((Predicate::LocatedIn, "adjacent-place"))
        } else {
            None
        };
        if let Some((predicate, rule)) = link {
            out.add(
                b.entity,
                predicate,
                a.entity,
                Qualifiers::default(),
                evidence(cx, a.start, b.end),
                rule,
            );
        } else if ka == EntityType::City
            && kb == EntityType::Country
            && entry(cx, a).is_none()
            && cx.text.norm_str(a.end, b.start) == ", "
        {
            // "Patras, Greece": a city the gazetteer does not know, before its country.
            out.add(
                a.entity,
                Predicate::PartOf,
                b.entity,
                Qualifiers::default(),
                evidence(cx, a.start, b.end),
                "city-comma-country",
            );
        }
    }
    let _ = g;
}

/// Whether `来自` comes right before `at`, or before places written together up to `at`
/// (来自德国巴登-符腾堡州).
fn comes_from(cx: &Context<'_>, mut at: usize) -> bool {
    for _ in 0..3 {
        if cx.text.has_before(at, "来自") {
            return true;
        }
        let Some(place) = cx
            .resolved
            .within(at.saturating_sub(12), at, false)
            .filter(|m| m.end == at && kind(cx, m).is_place())
            .min_by_key(|m| m.start)
        else {
            return false;
        };
        at = place.start;
    }
    false
}

fn entity_of_entries(cx: &Context<'_>, entries: &[usize]) -> Option<usize> {
    entries
        .iter()
        .find_map(|e| cx.resolved.entries.iter().position(|x| *x == Some(*e)))
}

/// The mention (not a person) ending exactly at `at`, skipping 驻X.
fn org_before<'a>(cx: &Context<'a>, at: usize) -> Option<&'a Resolved> {
    let before = |at: usize| {
        ending_at(cx, at)
            .filter(|m| kind(cx, m) != EntityType::Person && m.origin != Origin::Abbrev)
            .min_by_key(|m| m.start)
    };
    // 瓦隆集团中国区总裁: a company's region between it and the title.
    // 大使馆经济处公使衔参赞, 总领事馆经济商务处主任: a section of a mission.
    // 乌兹别克斯坦驻华大使: the country, for its post in China.
    let region = [
        "驻华",
        "大中华区",
        "亚太区",
        "中国区",
        "亚洲区",
        "经济商务处",
        "经济处",
        "商务处",
        "经商处",
        // 兰州银行党委书记: a firm's party committee.
        "党委",
        "党组",
    ]
    .iter()
    .find(|r| cx.text.has_before(at, r))
    .map(|r| r.chars().count());
    if let Some(n) = region
        && let Some(org) = before(at - n)
    {
        return Some(org);
    }
    // 杜伊斯堡市副市长: a place written with its own 市 / 州 / 省 / 县.
    before(at).or_else(|| {
        (at > 0 && matches!(cx.text.chars[at - 1], '市' | '州' | '省' | '县'))
            .then(|| before(at - 1))
            .flatten()
            .filter(|m| kind(cx, m).is_place())
    })
}

/// The title right before the enumeration comma at `comma` and the body before that
/// title (长春市外办党组成员、…; 凭祥市委副书记、市长韦春林).
fn title_before_comma<'a>(cx: &Context<'a>, comma: usize) -> Option<(&'a str, &'a Resolved)> {
    let t = cx.text;
    if t.chars.get(comma) != Some(&'、') {
        return None;
    }
    let title = cx.rules.titles.iter().find(|w| t.has_before(comma, w))?;
    let body = org_before(cx, comma - title.chars().count())?;
    Some((title.as_str(), body))
}

/// Mentions ending exactly at `at` (names are at most 80 characters long).
fn ending_at<'a>(cx: &Context<'a>, at: usize) -> impl Iterator<Item = &'a Resolved> {
    cx.resolved
        .within(at.saturating_sub(80), at, true)
        .filter(move |m| m.end == at)
}

/// The outlet named by the source line at the top (来源：…, Source: …), for a reporter
/// whose byline (本报讯(记者 李某), By LIU YANG) names no outlet itself.
fn publisher<'a>(cx: &Context<'a>, before: usize) -> Option<&'a Resolved> {
    let outlet = |m: &Resolved| {
        let name = cx.text.norm(m.start, m.end);
        m.origin == Origin::Source
            || ["报", "刊", "社", "台", "网"]
                .iter()
                .any(|w| name.ends_with(w))
            || [
                "Daily", "Times", "Post", "Herald", "News", "Journal", "Weekly", "Global",
            ]
            .iter()
            .any(|w| name.ends_with(w))
    };
    // (…or after it on the byline: "By LIU JIAYI in Gothenburg | China Daily | Updated: …".)
    let t = cx.text;
    let line_end = t
        .find("\n", before, (before + 200).min(t.chars.len()))
        .unwrap_or(before);
    cx.resolved
        .within(0, before.min(300), false)
        .find(|m| kind(cx, m) == EntityType::Company && outlet(m))
        .or_else(|| {
            cx.resolved
                .within(before, line_end, false)
                .find(|m| kind(cx, m) == EntityType::Company && outlet(m))
        })
}

/// The company a title refers back to (the firm's chief executive, 该公司社长): the
/// company or bank named last before the person, when one of `anaphors` precedes the title.
fn company_referred<'a>(
    cx: &Context<'a>,
    title_start: usize,
    person_start: usize,
    anaphors: &[&str],
) -> Option<&'a Resolved> {
    if !anaphors.iter().any(|w| cx.text.has_before(title_start, w)) {
        return None;
    }
    cx.resolved
        .within(person_start.saturating_sub(400), person_start, false)
        .filter(|m| matches!(kind(cx, m), EntityType::Company | EntityType::Bank))
        .last()
}

/// The city of an English story's dateline ("WUHAN, China --").
fn dateline_city<'a>(cx: &Context<'a>) -> Option<&'a Resolved> {
    cx.resolved
        .mentions
        .iter()
        .take_while(|m| m.start < 1000)
        .find(|m| {
            kind(cx, m) == EntityType::City && is_dateline_place(&cx.text.chars, m.start, m.end)
        })
}

/// "Qilu Hydrogen chairman Sun Weiguo": the organisation whose full name, written
/// elsewhere in the text, holds the capitalised words right before the title.
fn organisation_by_part<'a>(cx: &Context<'a>, title_start: usize) -> Option<&'a Resolved> {
    let t = cx.text;
    let sentence = t.sentence_at(title_start)?.start;
    let before = t.norm(sentence, title_start);
    let words: Vec<&str> = before.split(' ').collect();
    let mut run = 0;
    for w in words.iter().rev().skip(1) {
        if !w.starts_with(|c: char| c.is_ascii_uppercase()) || w.ends_with([',', '.', ':']) {
            break;
        }
        run += 1;
    }
    // The run must not open the sentence with a single word ("Business chair …").
    if run == 0 || run > 4 || run == 1 && words.len() == run + 1 {
        return None;
    }
    let part = words[words.len() - 1 - run..words.len() - 1].join(" ");
    // "Chinese Consul General …": a nationality, not a firm.
    if cx.rules.demonyms.iter().any(|(d, _)| *d == part) {
        return None;
    }
    let is_org = |m: &&Resolved| {
        matches!(
            kind(cx, m),
            EntityType::Company
                | EntityType::Bank
                | EntityType::Association
                | EntityType::ResearchBody
        )
    };
    // (Within an article's length: the search stays linear in run-on texts.)
    cx.resolved
        .within(title_start.saturating_sub(3000), title_start + 3000, false)
        .filter(is_org)
        .filter(|m| {
            let name = t.norm(m.start, m.end);
            name != part
                && (name.starts_with(&format!("{part} ")) || name.contains(&format!(" {part} ")))
        })
        .min_by_key(|m| m.start.abs_diff(title_start))
}

/// English offices of a city's government, held in the city of the dateline when the
/// text names no other.
const CITY_OFFICES: [&str; 9] = [
    "mayor",
    "alderman",
    "alderwoman",
    "councilman",
    "councilwoman",
    "council member",
    "councilmember",
    "councilor",
    "councillor",
];

/// positionAt and nationality from titles.
fn titles(cx: &Context<'_>, out: &mut Out<'_>) {
    let res = cx.resolved;
    let t = cx.text;
    let mut last_org: Option<(usize, usize, Option<usize>)> = None; // (sentence start, org entity, nationality)
    // Mentions by their text, built when a title first needs one.
    let by_form: std::cell::OnceCell<HashMap<String, &Resolved>> = std::cell::OnceCell::new();
    let mut local_offices: Vec<(usize, usize, String, Span)> = Vec::new();
    for p in res
        .mentions
        .iter()
        .filter(|m| kind(cx, m) == EntityType::Person)
    {
        let Some((ts, te)) = p.title else { continue };
        let sentence = t.sentence_at(p.start).map(|s| s.start).unwrap_or(0);
        let ev = evidence(cx, ts.min(p.start), te.max(p.end));
        let mut role = t.slice(ts, te);
        let mut org: Option<&Resolved>;
        if cx.english {
            // "the mayor of Houston", else "Boston's chief of …", "Hangzhou Vice-Mayor".
            // "director of the X", "minister-counselor for commercial affairs at the X".
            // "Consul General Rebecca Holt of the British Consulate General": after the name
            // when the title comes first.
            let after = if te <= p.start { p.end } else { te };
            let of_title = |after: usize, until: usize| {
                res.within(after, until, false).find(move |m| {
                    let gap = t.norm(after, m.start);
                    let gap = gap.trim();
                    kind(cx, m) != EntityType::Person
                        && ["of", "at", "of the", "at the"].contains(&gap)
                })
            };
            // "the Lord Mayor of Bristol, Councillor Hannah Okafor": between title and name.
            org = (te <= p.start).then(|| of_title(te, p.start)).flatten();
            // "met the city's vice-mayor, Huang Lei": the city named last in the sentence,
            // else the dateline's.
            if org.is_none() && t.has_before(ts, "city's ") {
                let sentence = t.sentence_at(ts).map_or(0, |s| s.start);
                org = res
                    .within(sentence.max(ts.saturating_sub(300)), ts, false)
                    .filter(|m| kind(cx, m) == EntityType::City)
                    .last()
                    .or_else(|| dateline_city(cx));
            }
            org = org.or_else(|| {
                res.within(after, after + 80, false).find(|m| {
                    let gap = t.norm(after, m.start);
                    let gap = gap.trim();
                    let words = gap.split(' ').count();
                    // ("Executive Member for Skills, Employment and Growth at …": a
                    // portfolio after "for" may be capitalised.)
                    let portfolio = gap.starts_with("for ")
                        && gap
                            .chars()
                            .all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | ','));
                    kind(cx, m) != EntityType::Person
                        && words <= 7
                        && (portfolio || gap.chars().all(|c| c.is_ascii_lowercase() || c == ' '))
                        && ["of", "at", "with", "of the", "at the", "with the"]
                            .iter()
                            .any(|w| gap == *w || gap.ends_with(&format!(" {w}")))
                        && (words <= 2 || gap.starts_with("for "))
                })
            });
            // "the firm's chief executive", "general manager of the company": the company
            // named last.
            if org.is_none()
                && [
                    " of the company",
                    " of the firm",
                    " of the group",
                    " of the bank",
                ]
                .iter()
                .any(|w| t.has_at(after, w))
            {
                org = res
                    .within(p.start.saturating_sub(400), p.start, false)
                    .filter(|m| matches!(kind(cx, m), EntityType::Company | EntityType::Bank))
                    .last();
            }
            if org.is_none() {
                org = company_referred(
                    cx,
                    ts,
                    p.start,
                    &["firm's ", "company's ", "group's ", "bank's "],
                );
            }
            if org.is_none() {
                org = res
                    .within(ts.saturating_sub(60), ts, false)
                    .filter(|m| {
                        // ("Vancouver city councillor X": the city's council.)
                        kind(cx, m) != EntityType::Person
                            && matches!(
                                t.norm(m.end, ts).as_str(),
                                " " | "'s " | "' " | " city " | " City " | " state " | " State "
                            )
                    })
                    .last();
            }
            // "a delegation from Oulu, led by Deputy Mayor Anna Keränen", "a Hebei delegation
            // led by Vice-Governor Liu Yanping": the place the delegation comes from.
            let governs = {
                let r = role.to_lowercase();
                r.contains("mayor") || r.contains("governor")
            };
            if org.is_none() && governs && t.has_before(ts, "led by ") {
                let from = t
                    .sentence_at(ts)
                    .map_or(0, |s| s.start)
                    .max(ts.saturating_sub(120));
                org = res
                    .within(from, ts, false)
                    .filter(|m| {
                        matches!(kind(cx, m), EntityType::City | EntityType::Province)
                            && (t.has_at(m.end, " delegation")
                                || t.has_before(m.start, "delegation from "))
                    })
                    .last();
            }
            if org.is_none() {
                org = organisation_by_part(cx, ts);
            }
            // "Consul General Wei Hongbo is expected": the consulate named last before.
            let mission = match role.to_lowercase() {
                r if r.contains("consul") => Some("Consulate"),
                r if r.contains("ambassador") => Some("Embassy"),
                _ => None,
            };
            // "Consul General of the Netherlands in Shanghai": the consulate the text names,
            // rather than the country.
            if let Some(mission) = mission
                && let Some(country) = org.filter(|o| kind(cx, o) == EntityType::Country)
            {
                let name = t.slice(country.start, country.end);
                // (Within a long article's reach: run-on text stays linear.)
                org = res
                    .within(ts.saturating_sub(20_000), ts + 20_000, true)
                    .filter(|m| {
                        kind(cx, m) == EntityType::GovernmentBody && {
                            let body = t.slice(m.start, m.end);
                            body.contains(mission) && body.contains(name.as_str())
                        }
                    })
                    .min_by_key(|m| m.start.abs_diff(ts))
                    .or(org);
            }
            if org.is_none()
                && let Some(mission) = mission
            {
                org = res
                    .within(ts.saturating_sub(1500), ts, false)
                    .filter(|m| {
                        kind(cx, m) == EntityType::GovernmentBody
                            && t.slice(m.start, m.end).contains(mission)
                    })
                    .last();
            }
            // "By LIU YANG in London": the paper's reporter.
            if org.is_none()
                && matches!(
                    role.as_str(),
                    "By" | "Text" | "Reporter" | "Writer" | "Author" | "Editor"
                )
                && let Some(paper) = publisher(cx, ts)
            {
                out.add(
                    p.entity,
                    Predicate::PositionAt,
                    paper.entity,
                    Qualifiers {
                        role: Some(
                            if role == "Editor" {
                                "editor"
                            } else {
                                "reporter"
                            }
                            .to_owned(),
                        ),
                        ..Default::default()
                    },
                    ev,
                    "byline",
                );
            }
            // "Mayor Clarence Haddock" with no city: the city of the dateline, unless the
            // person holds another post (not when a capitalised word qualifies the title:
            // "Rizhao Vice Mayor").
            let before = t.norm(t.sentence_at(ts).map_or(0, |s| s.start), ts);
            let qualified = before
                .split_whitespace()
                .last()
                .is_some_and(|w| w.starts_with(char::is_uppercase) && !w.ends_with(['.', ',']));
            if org.is_none()
                && !qualified
                && CITY_OFFICES.contains(&role.to_lowercase().as_str())
                && let Some(city) = dateline_city(cx)
            {
                local_offices.push((p.entity, city.entity, role.clone(), ev));
            }
            if org.is_none() {
                continue;
            }
        } else if ts >= p.end {
            // NAME TITLE: the organisation before the name.
            org = org_before(cx, p.start);
            if org.is_none() && p.start > 0 && matches!(t.chars[p.start - 1], '、') {
                if let Some((s, o, nat)) = last_org
                    && s == sentence
                {
                    out.add(
                        p.entity,
                        Predicate::PositionAt,
                        o,
                        Qualifiers {
                            role: Some(role.clone()),
                            ..Default::default()
                        },
                        ev,
                        "title-inherited",
                    );
                    if let Some(n) = nat {
                        out.add(
                            p.entity,
                            Predicate::Nationality,
                            n,
                            Qualifiers::default(),
                            ev,
                            "title-nationality",
                        );
                    }
                }
                continue;
            }
        } else {
            // TITLE NAME: the organisation before the title (中国驻日本大使: before 驻,
            // or the mission itself when the text names it: 韩国驻青岛总领事馆).
            // 德国工商大会上海代表处首席代表: a title whose first word ends the body's name.
            let overlapped = res
                .within(ts.saturating_sub(40), te, false)
                .filter(|m| m.start < ts && m.end > ts && kind(cx, m) != EntityType::Person)
                .last();
            org = overlapped.or_else(|| org_before(cx, ts));
            if let Some(o) = overlapped {
                role = t.slice(o.end, te);
            }
            if let Some(o) = org
                && o.start > 0
                && t.chars[o.start - 1] == '驻'
                && let Some(country) = org_before(cx, o.start - 1)
            {
                let mission = format!("{}馆", t.norm(country.start, te));
                let named = by_form
                    .get_or_init(|| {
                        let mut forms = HashMap::default();
                        for m in &res.mentions {
                            forms.entry(t.norm(m.start, m.end)).or_insert(m);
                        }
                        forms
                    })
                    .get(&mission)
                    .copied();
                if let Some(m) = named {
                    org = Some(m);
                } else {
                    let z = o.start - 1;
                    role = t.slice(z, te);
                    org = Some(country);
                }
            }
            // 该公司社长: the company named last.
            if org.is_none() {
                org = company_referred(
                    cx,
                    ts,
                    p.start,
                    &["该公司", "该集团", "该企业", "该行", "该银行"],
                );
            }
            // 凭祥市委副书记、市长韦春林: the first title's body, and for the head of a
            // government the place of that (party) body.
            let stacked = |out: &mut Out<'_>, title: &str, body: &Resolved| {
                out.add(
                    p.entity,
                    Predicate::PositionAt,
                    body.entity,
                    Qualifiers {
                        role: Some(title.to_owned()),
                        ..Default::default()
                    },
                    ev,
                    "title-stacked",
                );
            };
            if org.is_none()
                && ts > 0
                && let Some((first_title, first_org)) = title_before_comma(cx, ts - 1)
            {
                stacked(out, first_title, first_org);
                let head = [
                    "市长",
                    "副市长",
                    "省长",
                    "副省长",
                    "区长",
                    "副区长",
                    "县长",
                    "副县长",
                ];
                // (市委副书记、市长 in a city's own release: the city the text names most.)
                let place = res
                    .within(first_org.start, first_org.end, true)
                    .find(|i| i.start == first_org.start && kind(cx, i).is_place())
                    .or_else(|| home_mention(cx, level_kind(*t.chars.get(first_org.start)?)?));
                org = match place {
                    Some(place) if head.contains(&role.as_str()) => Some(place),
                    _ => Some(first_org),
                };
            }
            // Two titles for one person: 长春市外办党组成员、友协副秘书长王明.
            if let Some(o) = org
                && o.start > 0
                && let Some((first_title, first_org)) = title_before_comma(cx, o.start - 1)
            {
                stacked(out, first_title, first_org);
            }
        }
        // 副市长顾晓岚 opening a clause of a city's own release: the Chinese city the text
        // names most (副区长沈慧: the district).
        if org.is_none()
            && !cx.english
            && ts < p.start
            && ["市长", "副市长", "常务副市长", "区长", "副区长"].contains(&role.as_str())
            && (ts == 0 || !is_han(t.chars[ts - 1]))
            && let Some(level) = role.chars().rev().nth(1).and_then(level_kind)
            && let Some(home) = home_place(cx, level)
        {
            let q = Qualifiers {
                role: Some(role),
                ..Default::default()
            };
            out.add(
                p.entity,
                Predicate::PositionAt,
                home,
                q,
                ev,
                "title-home-city",
            );
            continue;
        }
        // (记者 李某) after a dateline: the outlet of that line.
        if org.is_none() && ["记者", "通讯员"].contains(&role.as_str()) {
            org = res
                .within(sentence, ts, false)
                .filter(|m| kind(cx, m) == EntityType::Company && ts - m.end <= 40)
                .last()
                .or_else(|| publisher(cx, ts));
        }
        let Some(o) = org else { continue };
        out.add(
            p.entity,
            Predicate::PositionAt,
            o.entity,
            Qualifiers {
                role: Some(role),
                ..Default::default()
            },
            ev,
            "title",
        );
        let nat = nationality(cx, o);
        if let Some(n) = nat {
            out.add(
                p.entity,
                Predicate::Nationality,
                n,
                Qualifiers::default(),
                ev,
                "title-nationality",
            );
        }
        last_org = Some((sentence, o.entity, nat));
    }
    for (person, city, role, ev) in local_offices {
        let holds_post = out
            .seen
            .iter()
            .any(|&(s, p, _)| s == person && p == Predicate::PositionAt);
        if !holds_post {
            let role = Some(role);
            let q = Qualifiers {
                role,
                ..Default::default()
            };
            out.add(
                person,
                Predicate::PositionAt,
                city,
                q,
                ev,
                "title-dateline-city",
            );
        }
    }
}

/// The country a person's organisation chain starts with (日本北九州市, 日本贸易振兴机构,
/// 中国驻日本): not for overseas Chinese bodies or names mixing countries.
fn nationality(cx: &Context<'_>, org: &Resolved) -> Option<usize> {
    let res = cx.resolved;
    let g = cx.gazetteer;
    // The chain start: walk left over adjacent mentions.
    let mut start = org;
    let mut steps = 0;
    while let Some(prev) = ending_at(cx, start.start)
        .find(|m| !m.nested && m.origin != Origin::Abbrev && kind(cx, m) != EntityType::Person)
    {
        start = prev;
        steps += 1;
        if steps > 8 {
            break;
        }
    }
    let first = res
        .within(start.start, start.end, true)
        .filter(|m| {
            m.start == start.start && matches!(m.origin, Origin::Gazetteer | Origin::Demonym)
        })
        .max_by_key(|m| m.end);
    let Some(first) = first else {
        // "the Chinese Embassy in the UK": a country's adjective opens the name.
        // "the US Consulate General in Chengdu": or the country's own name.
        if !cx.english {
            return None;
        }
        // "Consulate General of the People's Republic of China in Vancouver", "Embassy of
        // Finland in Beijing": the country the mission is of.
        let t = cx.text;
        let of_country = res.within(start.start, org.end, true).find(|m| {
            kind(cx, m) == EntityType::Country
                && (t.has_before(m.start, " of ") || t.has_before(m.start, " of the "))
                && !t.norm_str(start.start, m.start).contains(" in ")
        });
        if let Some(country) = of_country {
            return Some(country.entity);
        }
        let opens = |word: &str| {
            cx.text.has_at(start.start, word)
                && cx.text.has_at(start.start + word.chars().count(), " ")
        };
        let by_adjective = cx
            .rules
            .demonyms
            .iter()
            .find(|(adjective, _)| opens(adjective))
            .and_then(|(_, id)| g.by_id(id));
        return res.entries.iter().position(|e| {
            e.is_some_and(|e| {
                let entry = g.entry(e);
                entry.kind == EntityType::Country
                    && (Some(e) == by_adjective
                        || entry.aliases.iter().any(|a| a.is_ascii() && opens(a)))
            })
        });
    };
    let country_entry = entry(cx, first).filter(|&e| g.entry(e).kind == EntityType::Country)?;
    let name = cx.text.norm(start.start, org.end);
    if ["华侨", "华人", "中华"].iter().any(|w| name.contains(w)) {
        return None;
    }
    // The host place after 驻 or "in" does not count (韩国驻青岛总领事馆, "US Consulate
    // General in Guangzhou").
    let host = (start.start..org.end)
        .find(|&k| cx.text.chars[k] == '驻' || cx.english && cx.text.has_at(k, " in "));
    let mixed = res
        .within(start.start, org.end, true)
        .filter(|m| host.is_none_or(|h| m.start < h))
        .any(|m| entry(cx, m).is_some_and(|e| g.country_of(e).is_some_and(|c| c != country_entry)));
    (!mixed).then_some(first.entity)
}

/// partOf between places: written next to each other (日本北九州市, 河北保定), a list after
/// its country (日本福冈、名古屋), and the article's own Chinese cities.
fn place_hierarchy(cx: &Context<'_>, out: &mut Out<'_>) {
    let res = cx.resolved;
    let g = cx.gazetteer;
    // "the Spanish capital (Madrid)": a city named by its country's adjective is part of
    // that country, when the text names it.
    let first_of_entry: std::cell::OnceCell<HashMap<usize, &Resolved>> = Default::default();
    for m in res.mentions.iter().filter(|m| m.origin == Origin::Demonym) {
        let words = cx.text.norm(m.start, m.end);
        let Some((adjective, _)) = words.rsplit_once(' ') else {
            continue;
        };
        let country = cx
            .rules
            .demonyms
            .iter()
            .find(|(d, _)| d == adjective)
            .and_then(|(_, id)| g.by_id(id));
        let named = country.and_then(|c| {
            let firsts = first_of_entry.get_or_init(|| {
                let mut firsts = HashMap::default();
                for x in &res.mentions {
                    if let Some(e) = entry(cx, x) {
                        firsts.entry(e).or_insert(x);
                    }
                }
                firsts
            });
            firsts.get(&c).copied()
        });
        if kind(cx, m) == EntityType::City
            && let Some(c) = named
            && c.entity != m.entity
        {
            out.add(
                m.entity,
                Predicate::PartOf,
                c.entity,
                Qualifiers::default(),
                evidence(cx, m.start, m.end),
                "demonym-city",
            );
        }
    }
    let places: Vec<&Resolved> = res
        .mentions
        .iter()
        .filter(|m| kind(cx, m).is_place() && entry(cx, m).is_some() && m.origin != Origin::Abbrev)
        .collect();
    for (i, a) in places.iter().enumerate() {
        let Some(ea) = entry(cx, a) else { continue };
        let mut last_end = a.end;
        for b in places.iter().skip(i + 1) {
            let Some(eb) = entry(cx, b) else { continue };
            let gap = cx.text.norm(last_end, b.start);
            // A declared short form between the two (…州(以下简称“斯州”)首府…) does not part them.
            let gap = match gap.split_once([')', '）']) {
                Some((inside, rest)) if inside.starts_with(['(', '（']) => rest.to_string(),
                _ => gap,
            };
            let adjacent = b.start == last_end
                || (cx.english
                    && b.start >= last_end
                    && b.start - last_end <= 40
                    && !gap.contains('.'));
            let listed =
                b.start > last_end && (gap == "、" || gap == "," || gap == "和" || gap == "及");
            // 槟城州首府乔治市, 老挝首都万象: a capital is part of what it is the capital of.
            let capital = matches!(gap.as_str(), "首府" | "首都" | "省会" | "的首府" | "的首都");
            // 下萨克森州的奥斯纳布吕克, 神奈川县北部的相模原市, 无锡下辖的宜兴市.
            // 智利港口城市瓦尔帕莱索, 韩国第二大城市釜山: a description of the city between.
            let described = gap.ends_with("城市")
                && gap.chars().count() <= 6
                && gap.chars().all(is_han)
                && !gap.contains(['与', '和', '及', '同']);
            let of = !cx.english
                && (gap == "的"
                    || gap == "下辖的"
                    || described
                    || gap.chars().count() == 3 && gap.ends_with("部的"));
            let part_of = |out: &mut Out<'_>, inner: &Resolved, outer: &Resolved, rule: &str| {
                out.add(
                    inner.entity,
                    Predicate::PartOf,
                    outer.entity,
                    Qualifiers::default(),
                    evidence(cx, a.start, b.end),
                    rule,
                );
            };
            if capital {
                part_of(out, b, a, "capital-of");
                last_end = b.end;
                continue;
            }
            if !(adjacent || listed || of) {
                if b.start >= last_end {
                    break;
                }
                continue;
            }
            if contains(g, ea, eb) {
                part_of(out, b, a, "adjacent-places");
                last_end = b.end;
            } else if cx.english && contains(g, eb, ea) {
                part_of(out, a, b, "adjacent-places");
                last_end = b.end;
            } else if !adjacent {
                break;
            } else {
                last_end = b.end;
            }
        }
    }
    // 意大利维杰瓦诺市: a city no list names, right after its country.
    if !cx.english {
        for m in res
            .mentions
            .iter()
            .filter(|m| !m.nested && kind(cx, m) == EntityType::City && entry(cx, m).is_none())
        {
            if let Some(country) = ending_at(cx, m.start)
                .find(|p| kind(cx, p) == EntityType::Country && p.origin != Origin::Abbrev)
            {
                out.add(
                    m.entity,
                    Predicate::PartOf,
                    country.entity,
                    Qualifiers::default(),
                    evidence(cx, country.start, m.end),
                    "country-city",
                );
            }
        }
    }
    // 蔡甸区的中法武汉生态示范城: a zone of a place (not of a country) is in it.
    if !cx.english {
        for m in res
            .mentions
            .iter()
            .filter(|m| !m.nested && kind(cx, m) == EntityType::EconomicZone && m.start > 1)
        {
            if cx.text.chars[m.start - 1] != '的' {
                continue;
            }
            if let Some(p) = ending_at(cx, m.start - 1).find(|p| {
                !p.nested
                    && kind(cx, p).is_place()
                    && kind(cx, p) != EntityType::Country
                    && p.entity != m.entity
            }) {
                out.add(
                    m.entity,
                    Predicate::LocatedIn,
                    p.entity,
                    Qualifiers::default(),
                    evidence(cx, p.start, m.end),
                    "place-de-zone",
                );
            }
        }
    }
    // 仙台是日本宫城县首府, 长春为吉林省省会, 佩奇是匈牙利第五大城市、巴兰尼亚州首府: the
    // subject is part of the region whose capital its clause says it is; so is "Christchurch,
    // Canterbury's largest city," or "Spokane is Washington state's second-largest city".
    for (i, a) in places.iter().enumerate() {
        let t = cx.text;
        let (zh, en) = (
            t.has_at(a.end, "是") || t.has_at(a.end, "为"),
            cx.english && (t.has_at(a.end, ", ") || t.has_at(a.end, " is ")),
        );
        if !(zh || en) {
            continue;
        }
        let clause_end = t.clause_at(a.end + 2).map_or(a.end, |c| c.end);
        let region = places
            .iter()
            .skip(i + 1)
            .take_while(|b| b.start < clause_end)
            .find(|b| {
                if zh {
                    ["首府", "省会", "首都", "的首府", "的省会", "的首都"]
                        .iter()
                        .any(|w| t.has_at(b.end, w))
                } else {
                    let after = t.norm(b.end, (b.end + 40).min(clause_end));
                    let rest = after.strip_prefix(" state").unwrap_or(&after);
                    rest.strip_prefix("'s ").is_some_and(|r| {
                        r.starts_with("capital") || rank(r).is_some() && r.contains(" city")
                    }) && t.norm(a.end, b.start).chars().count() <= 6
                }
            })
            .filter(|r| r.entity != a.entity);
        if let Some(region) = region {
            out.add(
                a.entity,
                Predicate::PartOf,
                region.entity,
                Qualifiers::default(),
                evidence(cx, a.start, (region.end + 2).min(t.chars.len())),
                "capital-of",
            );
        }
    }
    // 奥什是吉尔吉斯斯坦南部最大的城市, "Rizhao, a city … on the coast of China's Shandong
    // province": a city the clause describes as one of a region the gazetteer puts it in.
    for (i, a) in places.iter().enumerate() {
        let t = cx.text;
        let Some(ea) = entry(cx, a) else { continue };
        let described = if cx.english {
            [
                ", a city ",
                ", a port city ",
                ", a coastal city ",
                ", the largest city ",
            ]
            .iter()
            .any(|w| t.has_at(a.end, w))
        } else {
            t.has_at(a.end, "是")
        };
        if !described {
            continue;
        }
        let clause_end = t.clause_at(a.end + 2).map_or(a.end, |c| c.end);
        let city_word = |b: &Resolved| {
            cx.english || {
                let after = t.norm(b.end, (b.end + 10).min(clause_end));
                after
                    .find("城市")
                    .is_some_and(|p| after[..p].chars().all(is_han))
            }
        };
        let region = places
            .iter()
            .skip(i + 1)
            .take_while(|b| b.start < clause_end)
            .filter(|b| {
                b.entity != a.entity
                    && entry(cx, b).is_some_and(|eb| contains(g, eb, ea))
                    && city_word(b)
            })
            .last();
        if let Some(region) = region {
            out.add(
                a.entity,
                Predicate::PartOf,
                region.entity,
                Qualifiers::default(),
                evidence(cx, a.start, region.end),
                "described-city",
            );
        }
    }
    // 上海浦东新区 (one gazetteer form): part of the place its name starts with.
    for m in &places {
        let Some(e) = entry(cx, m) else { continue };
        let form = cx.text.norm(m.start, m.end);
        for a in g.ancestors(e) {
            let ae = g.entry(a);
            let starts = std::iter::once(&ae.name)
                .chain(ae.aliases.iter())
                .any(|n| n.chars().count() >= 2 && form.starts_with(n.as_str()) && form != *n);
            if starts && let Some(j) = res.entries.iter().position(|x| *x == Some(a)) {
                out.add(
                    m.entity,
                    Predicate::PartOf,
                    j,
                    Qualifiers::default(),
                    evidence(cx, m.start, m.end),
                    "name-parent",
                );
            }
        }
    }
    // 福冈、长崎等3个日本地方政府: a list closed by 等…COUNTRY.
    for (i, a) in places.iter().enumerate() {
        if !cx.text.has_at(a.end, "等") {
            continue;
        }
        let Some(country) = places
            .iter()
            .skip(i + 1)
            .take_while(|c| c.start <= a.end + 4)
            .find(|c| c.start > a.end && kind(cx, c) == EntityType::Country)
        else {
            continue;
        };
        let Some(ec) = entry(cx, country) else {
            continue;
        };
        let mut j = i;
        loop {
            let m = places[j];
            if let Some(e) = entry(cx, m)
                && contains(g, ec, e)
            {
                out.add(
                    m.entity,
                    Predicate::PartOf,
                    country.entity,
                    Qualifiers::default(),
                    evidence(cx, m.start, country.end),
                    "list-country",
                );
            }
            // A member the gazetteer does not know (…、仁川、光州、大田、蔚山等韩国) does
            // not end the list.
            if j == 0 {
                break;
            }
            let gap = cx.text.norm(places[j - 1].end, m.start);
            let unknown_member = gap.starts_with('、')
                && gap.ends_with('、')
                && (3..=6).contains(&gap.chars().count())
                && gap.chars().filter(|&c| c == '、').count() == 2
                && gap.chars().all(|c| c == '、' || is_han(c));
            if gap != "、" && !unknown_member {
                break;
            }
            j -= 1;
        }
    }
    // The article's own Chinese cities: part of the province and country it names.
    if !cx.english {
        let mut standalone_count = vec![0usize; res.entities.len()];
        let mut all_count = vec![0usize; res.entities.len()];
        for m in &res.mentions {
            all_count[m.entity] += 1;
            if !m.nested && m.origin == Origin::Gazetteer {
                standalone_count[m.entity] += 1;
            }
        }
        let present: Vec<(usize, usize)> = res
            .entries
            .iter()
            .enumerate()
            .filter_map(|(j, e)| e.map(|e| (j, e)))
            .collect();
        for (i, e) in res.entities.iter().enumerate() {
            if !matches!(e.kind, EntityType::City) {
                continue;
            }
            let Some(ei) = res.entries[i] else { continue };
            if g.entry(ei).country.as_deref() != Some("CN") {
                continue;
            }
            if standalone_count[i] == 0 || all_count[i] < 2 {
                continue;
            }
            for &(j, oj) in &present {
                let country = g.entry(oj).kind == EntityType::Country;
                // The country only where a sentence names both (中国…的青岛).
                if contains(g, oj, ei) && (!country || first_shared_sentence(cx, i, j).is_some()) {
                    // Evidence: the first sentence that names both, else the city's first mention.
                    let ev = first_shared_sentence(cx, i, j).unwrap_or_else(|| {
                        let m = res
                            .mentions
                            .iter()
                            .find(|m| m.entity == i && !m.nested)
                            .map(|m| (m.start, m.end))
                            .unwrap_or((0, 0));
                        cx.text.sentence_at(m.0).unwrap_or(Span::new(m.0, m.1))
                    });
                    out.add(
                        i,
                        Predicate::PartOf,
                        j,
                        Qualifiers::default(),
                        ev,
                        "home-city",
                    );
                }
            }
        }
    }
}

fn first_shared_sentence(cx: &Context<'_>, a: usize, b: usize) -> Option<Span> {
    let res = cx.resolved;
    res.mentions.iter().filter(|m| m.entity == a).find_map(|m| {
        let s = cx.text.sentence_at(m.start)?;
        res.within(s.start, s.end, true)
            .any(|o| o.entity == b)
            .then_some(s)
    })
}

/// Trigger rules.
fn triggered(cx: &Context<'_>, out: &mut Out<'_>) {
    let norm = cx.text.normalised.as_str();
    let mut b2c = ByteToChar::default();
    let mut done: HashSet<(usize, usize)> = HashSet::default();
    for m in cx.triggers.automaton.find_overlapping_iter(norm) {
        let rule_index = cx.triggers.rule_of[m.pattern().as_usize()];
        let rule = &cx.rules.relations[rule_index];
        let ts = b2c.at(norm, m.start());
        let te = ts + norm[m.start()..m.end()].chars().count();
        // English triggers only at word boundaries ("organized by" is no trigger inside
        // "co-organized by").
        if norm.as_bytes()[m.start()].is_ascii_alphabetic()
            && (ts > 0
                && (cx.text.chars[ts - 1].is_ascii_alphanumeric() || cx.text.chars[ts - 1] == '-')
                || cx
                    .text
                    .chars
                    .get(te)
                    .is_some_and(|c| c.is_ascii_alphanumeric()))
        {
            continue;
        }
        // 开幕式: a ceremony, not the verb 开幕.
        if cx.text.chars.get(te) == Some(&'式') {
            continue;
        }
        let Some(mut clause) = (if cx.english {
            cx.text.sentence_at(ts)
        } else {
            cx.text.clause_at(ts)
        }) else {
            continue;
        };
        // "…signed an agreement, while A and B agreed to …": in English a contrast opens
        // another statement.
        if cx.english
            && let Some(k) = CONTRASTS
                .iter()
                .filter_map(|w| {
                    let from = clause.start.max(ts.saturating_sub(300));
                    Some(cx.text.find(w, from, ts)? + w.len())
                })
                .max()
        {
            clause.start = k;
        }
        // An English sentence may list visits ("toured A, and visited B"), agents
        // ("hosted by A and organized by B") or an event's opening and venue ("the opening
        // of X, … held at Y").
        let visit = cx.english
            && matches!(
                rule.pattern,
                Pattern::PersonPlace | Pattern::AgentEvent | Pattern::EventPlace
            );
        if !done.insert((rule_index, if visit { ts } else { clause.start })) {
            continue;
        }
        let clause_text = cx.text.norm(clause.start, clause.end);
        if rule.unless.iter().any(|u| clause_text.contains(u.as_str())) {
            continue;
        }
        apply(cx, out, rule, clause, ts, te);
    }
}

/// Words that open a contrasting statement in an English sentence.
const CONTRASTS: [&str; 3] = [", while ", ", whereas ", ", but "];

/// 将在卡拉奇投资建设"中巴纺织产业园": the zone or project an investment builds, named
/// within `reach` characters after `at` (a quote may stand between), not the place before.
fn built_after<'a>(
    cx: &Context<'_>,
    after: &[&'a Resolved],
    at: usize,
    reach: usize,
) -> Option<&'a Resolved> {
    after
        .iter()
        .copied()
        .find(|m| m.start <= at + reach)
        .filter(|m| matches!(kind(cx, m), EntityType::EconomicZone | EntityType::Project))
}

fn allowed(cx: &Context<'_>, m: &Resolved, types: &[EntityType]) -> bool {
    types.contains(&kind(cx, m))
}

/// Outermost mentions in `[a, b)` (no one-character compound forms).
fn tops<'a>(cx: &Context<'a>, a: usize, b: usize) -> Vec<&'a Resolved> {
    let _ = cx;
    cx.resolved
        .within(a, b, false)
        .filter(|m| m.origin != Origin::Abbrev)
        .collect()
}

/// The first subject-typed mention of the sentence before `before` (the topic).
/// "The city has 12 sister cities": in English, a sentence that opens with "The city" or
/// "The state" refers to the city or state (province) named last before it.
fn topic<'a>(cx: &Context<'a>, rule: &RelationRule, before: usize) -> Option<&'a Resolved> {
    let t = cx.text;
    let s = t.sentence_at(before)?;
    let named = tops(cx, s.start, before)
        .into_iter()
        .find(|m| allowed(cx, m, &rule.subject));
    if named.is_some() || !cx.english {
        return named;
    }
    let kind_of = [
        ("The city ", EntityType::City),
        ("The state ", EntityType::Province),
        ("The province ", EntityType::Province),
    ];
    let (_, wanted) = kind_of.iter().find(|(w, _)| t.has_at(s.start, w))?;
    tops(cx, s.start.saturating_sub(3000), s.start)
        .into_iter()
        .rev()
        .find(|m| kind(cx, m) == *wanted && allowed(cx, m, &rule.subject))
}

/// The subject of an earlier clause of the sentence that the trigger's clause continues
/// (合肥经开区成立于1993年，2000年经国务院批准…; "the Liangjiang New Area, a state-level
/// new area approved by the State Council"): in Chinese the subject-typed mention that
/// opens the nearest clause, in English the nearest subject-typed mention.
fn sentence_topic<'a>(
    cx: &Context<'a>,
    rule: &RelationRule,
    clause_start: usize,
    ts: usize,
) -> Option<&'a Resolved> {
    let t = cx.text;
    let s = t.sentence_at(ts)?;
    // (Within an article's length: a text without sentence breaks stays linear.)
    let from = s.start.max(ts.saturating_sub(3000));
    let before = tops(cx, from, if cx.english { ts } else { clause_start });
    before.into_iter().rev().find(|m| {
        allowed(cx, m, &rule.subject)
            && (cx.english
                || t.clause_at(m.start).is_some_and(|c| {
                    m.start == c.start || m.start == c.start + 1 && t.chars[c.start] == '该'
                }))
    })
}

fn apply(
    cx: &Context<'_>,
    out: &mut Out<'_>,
    rule: &RelationRule,
    clause: Span,
    ts: usize,
    te: usize,
) {
    let t = cx.text;
    let before = tops(cx, clause.start, ts);
    // "…41 sister cities, …, while Edinburgh maintains links with 14 cities": in English a
    // contrast opens another statement.
    let after_end = if cx.english {
        CONTRASTS
            .iter()
            .filter_map(|w| t.find(w, te, clause.end))
            .min()
            .unwrap_or(clause.end)
    } else {
        clause.end
    };
    let after = tops(cx, te, after_end);
    let q = Qualifiers::default();
    let name = rule.name.as_str();
    match rule.pattern {
        Pattern::FirstToRest => {
            // "making Nigeria Zhejiang's second-largest trading partner": the place before
            // the possessive is the partner of the owner.
            let possessive = || {
                let [.., p, owner] = before[..] else {
                    return None;
                };
                (cx.english
                    && t.has_at(owner.end, "'s")
                    && allowed(cx, p, &rule.subject)
                    && allowed(cx, owner, &rule.object)
                    && p.entity != owner.entity
                    && matches!(
                        t.norm_str(p.end, owner.start).trim(),
                        "" | "is" | "was" | "as" | "became" | "remains" | "remained" | "becomes"
                    ))
                .then_some((p, owner, owner.end))
            };
            // "Spain has become the city's fourth-largest trading partner": the partner of
            // the city or province named last.
            let anaphor = || {
                let [.., p] = before[..] else { return None };
                if !cx.english || !allowed(cx, p, &rule.subject) {
                    return None;
                }
                let (verb, place) = [
                    (" the city's ", EntityType::City),
                    (" the province's ", EntityType::Province),
                ]
                .into_iter()
                .find_map(|(w, k)| Some((t.norm_str(p.end, ts).split_once(w)?.0, k)))?;
                // ("…, making Greece the province's largest trading partner".)
                let made = verb.trim().is_empty()
                    && ["making ", "makes ", "made "]
                        .iter()
                        .any(|w| t.has_before(p.start, w));
                let copula = made
                    || matches!(
                        verb.trim(),
                        "is" | "was"
                            | "became"
                            | "remains"
                            | "remained"
                            | "becomes"
                            | "has become"
                            | "is now"
                            | "has been"
                            | "had become"
                    );
                if !copula {
                    return None;
                }
                let earlier = cx.resolved.mentions.partition_point(|m| m.start < p.start);
                let owner = cx.resolved.mentions[..earlier]
                    .iter()
                    .rev()
                    .take(200)
                    .find(|m| {
                        // (Not "the Italian capital Rome" before "Italy has become the
                        // city's …": a place of the partner itself.)
                        !m.nested
                            && m.entity != p.entity
                            && kind(cx, m) == place
                            && !entry(cx, p)
                                .zip(entry(cx, m))
                                .is_some_and(|(ep, em)| contains(cx.gazetteer, ep, em))
                            && allowed(cx, m, &rule.object)
                    })?;
                Some((p, owner, p.end))
            };
            if let Some((p, owner, rank_from)) = possessive().or_else(anaphor) {
                let mut qual = q.clone();
                if rule.rank {
                    qual.rank = rank(&t.norm(rank_from, ts));
                }
                out.add(
                    p.entity,
                    rule.predicate,
                    owner.entity,
                    qual,
                    evidence(cx, p.start, te),
                    name,
                );
                return;
            }
            // "Besides Wuxi, San Antonio's sister cities include …": the owner of the
            // trigger opens the statement; what a comma sets before it is an aside.
            if cx.english
                && let [.., p, owner] = before[..]
                && t.has_at(owner.end, "'s ")
                && owner.end + 3 == ts
                && t.has_before(owner.start, ", ")
                && p.end < owner.start
            {
                return apply(cx, out, rule, Span::new(owner.start, clause.end), ts, te);
            }
            // 武进区人民政府与佩奇市政府签署《建立友好交流城市关系意向书》: a government
            // stands for its place.
            let before: Vec<&Resolved> = before
                .iter()
                .copied()
                .map(|m| {
                    if kind(cx, m) != EntityType::GovernmentBody || !t.has_before(m.end, "政府") {
                        return m;
                    }
                    cx.resolved
                        .within(m.start, m.end, true)
                        .find(|i| i.start == m.start && allowed(cx, i, &rule.subject))
                        .unwrap_or(m)
                })
                .collect();
            // 武汉与波尔多、宜昌与格勒诺布尔均已结为友好城市: pairs in a list.
            let places: Vec<&Resolved> = before
                .iter()
                .copied()
                .filter(|m| allowed(cx, m, &rule.subject))
                .collect();
            let mut pairs: Vec<(&Resolved, &Resolved)> = Vec::new();
            let mut k = 0;
            while k + 1 < places.len() {
                let (a, b) = (places[k], places[k + 1]);
                let listed = pairs
                    .last()
                    .is_none_or(|&(_, prev)| t.norm(prev.end, a.start) == "、");
                if matches!(t.norm(a.end, b.start).as_str(), "与" | "和") && listed {
                    pairs.push((a, b));
                    k += 2;
                } else if pairs.is_empty() {
                    k += 1;
                } else {
                    break;
                }
            }
            // 黑龙江的哈尔滨、大庆分别与北海道的旭川、苫小牧结为友好城市, 湖南长沙、株洲两市
            // 分别于2019年、2022年与肯尼亚基安布郡、蒙巴萨郡…: two lists paired in order (a
            // place before 的 or before another place only says where the next ones are).
            if pairs.is_empty()
                && let Some(each) = t.find("分别", clause.start, ts)
                && let Some(w) = t.find("与", each + 2, ts.min(each + 24))
            {
                let starts: HashSet<usize> = places.iter().map(|m| m.start).collect();
                let listed = |from: usize, to: usize| -> Vec<&Resolved> {
                    places
                        .iter()
                        .copied()
                        .filter(|m| {
                            m.start >= from
                                && m.end <= to
                                && !t.has_at(m.end, "的")
                                && !starts.contains(&m.end)
                        })
                        .collect()
                };
                let (left, right) = (listed(clause.start, each), listed(w + 1, ts));
                if left.len() >= 2 && left.len() == right.len() {
                    pairs = left.into_iter().zip(right).collect();
                }
            }
            if pairs.len() >= 2 {
                for (a, b) in pairs {
                    out.add(
                        a.entity,
                        rule.predicate,
                        b.entity,
                        q.clone(),
                        evidence(cx, clause.start, te),
                        name,
                    );
                }
                return;
            }
            // 与A…: the partner list opens the clause (此后又相继与A、B等缔结友城关系 too, when
            // no name comes before 与).
            let starts_with_with = ["与", "和", "同", "跟", "并与", "还与", "也与"]
                .iter()
                .any(|w| t.has_at(clause.start, w))
                || t.find("与", clause.start, ts).is_some_and(|w| {
                    w - clause.start <= 6
                        && before.first().is_none_or(|m| m.start > w)
                        && (clause.start..w).all(|k| is_han(t.chars[k]))
                });
            // 釜山、大邱、仁川等…均已成为烟台的友城: each listed place has become the
            // friend of the place before 的.
            if t.has_before(ts, "的")
                && let Some(owner) = before
                    .iter()
                    .copied()
                    .find(|m| m.end + 1 == ts && allowed(cx, m, &rule.subject))
                && let Some(become_at) = t.find("成为", clause.start, owner.start)
            {
                for m in before.iter().copied().filter(|m| {
                    m.end <= become_at
                        && kind(cx, m) == kind(cx, owner)
                        && m.entity != owner.entity
                        && allowed(cx, m, &rule.object)
                }) {
                    out.add(
                        owner.entity,
                        rule.predicate,
                        m.entity,
                        q.clone(),
                        evidence(cx, clause.start, te),
                        name,
                    );
                }
                return;
            }
            // 从1979年与日本岐阜市结好至今，杭州的国际友城已增至38个; 从日本大分市，到美国匹兹堡市…，
            // 武汉的友城遍布五大洲: the places of the 从… clauses are friends of the owner.
            if let Some(owner) = before
                .iter()
                .copied()
                .find(|m| matches!(t.norm(m.end, ts).as_str(), "的" | "的国际"))
                .filter(|m| allowed(cx, m, &rule.subject))
                && let Some(sentence) = t.sentence_at(clause.start)
                && sentence.start < clause.start
                && t.has_at(sentence.start, "从")
            {
                let from = sentence.start.max(clause.start.saturating_sub(3000));
                let friends: Vec<&Resolved> = tops(cx, from, clause.start)
                    .into_iter()
                    .filter(|m| {
                        kind(cx, m) == kind(cx, owner)
                            && m.entity != owner.entity
                            && allowed(cx, m, &rule.object)
                    })
                    .collect();
                for m in &friends {
                    out.add(
                        owner.entity,
                        rule.predicate,
                        m.entity,
                        q.clone(),
                        evidence(cx, sentence.start, te),
                        name,
                    );
                }
                if !friends.is_empty() {
                    return;
                }
            }
            // X…与…Y…，两市早已建立友好城市关系: the two cities named before; also without
            // 两市 when the clause names no place (大连与舞鹤隔海相望，自1982年缔结友好城市以来).
            let unnamed = !before.iter().any(|m| allowed(cx, m, &rule.subject))
                && !after.iter().any(|m| allowed(cx, m, &rule.object));
            let both = ["两市", "两城", "两地"]
                .iter()
                .any(|w| t.find(w, clause.start, ts).is_some());
            if (unnamed || both)
                && let Some(sentence) = t.sentence_at(clause.start)
            {
                // (Two cities, or two first-level regions: 黑龙江与北海道…缔结友好省道关系.)
                let mut pair: Vec<&Resolved> = Vec::new();
                let from = sentence.start.max(clause.start.saturating_sub(3000));
                for m in tops(cx, from, clause.start) {
                    if matches!(
                        kind(cx, m),
                        EntityType::City | EntityType::Province | EntityType::Prefecture
                    ) && allowed(cx, m, &rule.subject)
                        && !pair.iter().any(|p| p.entity == m.entity)
                    {
                        pair.push(m);
                    }
                }
                let cities = |m: &Resolved| kind(cx, m) == EntityType::City;
                // (Not two items of a list: 新增合艾市、坤甸市2个友好交流城市.)
                let named = match pair[..] {
                    [a, b] if cities(a) == cities(b) && t.norm(a.end, b.start) != "、" => {
                        Some((a, b))
                    }
                    // 黑河与俄罗斯阿穆尔州首府布拉戈维申斯克市…，两市互为友好城市: more
                    // places, the first and the first of its kind after its 与.
                    [a, ..] if both => t
                        .find("与", a.end, clause.start)
                        .filter(|&with| t.norm_str(a.end, with).chars().all(is_han))
                        .and_then(|with| {
                            pair.iter()
                                .copied()
                                .find(|m| m.start > with && kind(cx, m) == kind(cx, a))
                        })
                        .map(|b| (a, b)),
                    _ => None,
                };
                // 东兴市…与越南广宁省芒街市隔河相望。2016年，两市缔结友好城市关系: the
                // sentence before, its first place and the first of that kind after its 与.
                let sentence_before = || {
                    if !(pair.is_empty() && both && sentence.start > 0) {
                        return None;
                    }
                    let prev = t.sentence_at(sentence.start - 1)?;
                    // (Within an article's length: run-on text stays linear.)
                    let from = prev.start.max(sentence.start.saturating_sub(3000));
                    let with = t.find("与", from, prev.end)?;
                    let places: Vec<&Resolved> = tops(cx, from, prev.end)
                        .into_iter()
                        .filter(|m| allowed(cx, m, &rule.subject))
                        .collect();
                    let a = places.iter().copied().find(|m| m.end <= with)?;
                    let b = places
                        .iter()
                        .copied()
                        .find(|m| m.start > with && kind(cx, m) == kind(cx, a))?;
                    (a.entity != b.entity).then_some((a, b))
                };
                if let Some((a, b)) = named.or_else(sentence_before) {
                    out.add(
                        a.entity,
                        rule.predicate,
                        b.entity,
                        q.clone(),
                        evidence(cx, a.start, te),
                        name,
                    );
                    return;
                }
            }
            // 我省与塞尔维亚伏伊伏丁那自治省…建立友好省关系 in a government's own release:
            // the province or city the text names most.
            let home_first = [("我市", EntityType::City), ("我省", EntityType::Province)]
                .into_iter()
                .find(|(w, _)| {
                    t.find(w, clause.start, ts).is_some_and(|p| {
                        before.first().is_none_or(|m| m.start > p)
                            && ["与", "和", "同"].iter().any(|j| t.has_at(p + 2, j))
                    })
                })
                .and_then(|(_, level)| home_mention(cx, level));
            let subj = if home_first.is_some() {
                home_first
            } else if starts_with_with {
                None
            } else {
                before
                    .iter()
                    .copied()
                    .find(|m| allowed(cx, m, &rule.subject))
            }
            .or_else(|| topic(cx, rule, clause.start))
            // 一是与…缔结友好城市关系 in a city's own report: that city.
            .or_else(|| {
                starts_with_with
                    .then(|| home_mention(cx, EntityType::City))
                    .flatten()
            });
            let Some(mut s) = subj else { return };
            // 绍兴市柯桥区与布尔萨市尼吕费尔区…: a city's district written after it is the one
            // that acts, on both sides.
            let same_type = matches!(
                rule.predicate,
                Predicate::FriendshipCity | Predicate::EconomicPartnerCity
            );
            if same_type {
                s = district_after(cx, s);
            }
            // 内蒙古自治区首府呼和浩特市与…: the capital named after its region.
            if let Some(capital) = before.iter().copied().find(|m| {
                m.start >= s.end + 2
                    && ["首府", "首都", "省会"]
                        .iter()
                        .any(|w| t.norm(s.end, m.start) == *w)
                    && allowed(cx, m, &rule.subject)
            }) {
                s = capital;
            }
            // (A district's friends are cities.)
            let level = |m: &Resolved| match kind(cx, m) {
                EntityType::District => EntityType::City,
                k => k,
            };
            // (黑龙江与北海道…缔结友好省道关系, 潍坊与韩国全北特别自治道…建立友好合作关系:
            // places of two levels joined by 与, the second perhaps after its country.)
            let joined = |m: &Resolved| {
                let country_before = cx
                    .resolved
                    .within(s.end + 1, m.start, false)
                    .find(|c| kind(cx, c) == EntityType::Country && c.end == m.start)
                    .map_or(m.start, |c| c.start);
                s.end <= country_before
                    && matches!(t.norm(s.end, country_before).as_str(), "与" | "和" | "同")
            };
            // (…与马里兰州安纳波利斯市, 与日本栃木县首府宇都宫市: a place of the same level
            // named next is the friend.)
            let peer = before.iter().chain(after.iter()).any(|m| {
                m.start >= s.end
                    && m.entity != s.entity
                    && allowed(cx, m, &rule.object)
                    && level(m) == level(s)
            });
            let ok = |m: &&Resolved| {
                allowed(cx, m, &rule.object)
                    && m.entity != s.entity
                    && (!same_type || level(m) == level(s) || !peer && joined(m))
                    && !contains_doc(cx, m, s)
            };
            let mut objs: Vec<&Resolved> = before
                .iter()
                .copied()
                .filter(|m| m.start >= s.end || s.start < clause.start)
                .filter(ok)
                .collect();
            // 智利继续保持我市第五大贸易伙伴地位: the home city or province owns the rank.
            if objs.is_empty()
                && rule.rank
                && let Some(home) = [("我市", EntityType::City), ("我省", EntityType::Province)]
                    .into_iter()
                    .find(|(w, _)| t.find(w, s.end, ts).is_some())
                    .and_then(|(_, level)| home_mention(cx, level))
                    .filter(|h| ok(h))
            {
                objs.push(home);
            }
            if objs.is_empty() {
                objs = after
                    .iter()
                    .copied()
                    .filter(ok)
                    .take(if same_type { 8 } else { 1 })
                    .collect();
            }
            if rule.predicate == Predicate::InvestsIn
                && t.norm_str(ts, te).starts_with("投资")
                && let Some(built) = built_after(cx, &after, te, 1).filter(|m| ok(m))
            {
                objs = vec![built];
            }
            // 新增泰国合艾市、印度尼西亚坤甸市2个友好交流城市 in a city's own report: a list
            // with no 与 names the city's new friends, not a pair.
            let mut evidence_start = if home_first.is_some() {
                clause.start
            } else {
                s.start.min(clause.start)
            };
            if same_type
                && s.start >= clause.start
                && t.has_at(s.end, "、")
                && !["与", "和", "同"]
                    .iter()
                    .any(|w| t.find(w, s.end, ts).is_some())
                && kind(cx, s) == EntityType::City
                && let Some(h) = home_mention(cx, EntityType::City)
                && !objs.iter().any(|o| o.entity == h.entity)
                && s.entity != h.entity
            {
                objs.insert(0, s);
                s = h;
                evidence_start = clause.start;
            }
            // …建立友好城市关系，包括日本仙台市、韩国天安市…等 ("…sister cities, including
            // Kitakyushu in Japan"): the list in the next clause.
            let mut evidence_end = te;
            // (…结为友好城市，其中3个位于吉尔吉斯斯坦，分别是…: past a clause on a part.)
            const LIST: [&str; 7] = [
                "包括",
                "其中包括",
                "其中有",
                "分别是",
                "分别为",
                "including",
                "such as",
            ];
            let opens_list = |n: Span| {
                LIST.iter()
                    .any(|w| t.has_at(n.start + usize::from(t.chars[n.start] == ' '), w))
            };
            let next_list = t
                .clause_at(clause.end + 1)
                .map(|n| match t.clause_at(n.end + 1) {
                    Some(after) if t.has_at(n.start, "其中") && !opens_list(n) => after,
                    _ => n,
                });
            if objs.is_empty()
                && same_type
                && let Some(n) = next_list
                && t.sentence_at(n.start) == t.sentence_at(clause.start)
                && opens_list(n)
            {
                objs = tops(cx, n.start, n.end).into_iter().filter(ok).collect();
                evidence_end = n.end;
            }
            if same_type {
                // (…与布尔萨市尼吕费尔区: the district, not its city too.)
                objs = objs
                    .iter()
                    .copied()
                    .filter(|o| {
                        let d = district_after(cx, o);
                        d.entity == o.entity || !objs.iter().any(|x| x.entity == d.entity)
                    })
                    .collect();
            }
            let mut qual = q.clone();
            if rule.rank {
                qual.rank = rank(&t.norm(s.end, ts));
            }
            for o in objs {
                out.add(
                    s.entity,
                    rule.predicate,
                    o.entity,
                    qual.clone(),
                    evidence(cx, evidence_start, evidence_end.min(o.end).max(te)),
                    name,
                );
            }
        }
        Pattern::Pairs => {
            // Items separated by 、 (or ; in English); each item "A与B".
            let region_end = ts;
            let mut items: Vec<(usize, usize)> = Vec::new();
            let mut s = clause.start;
            for k in clause.start..region_end {
                if t.chars[k] == '、' {
                    items.push((s, k));
                    s = k + 1;
                }
            }
            items.push((s, region_end));
            let mut any = false;
            for &(a, b) in &items {
                // The first connector outside a name ("University of Science and Technology").
                let inside_name = |p: usize| {
                    cx.resolved
                        .within(a, b, false)
                        .any(|m| m.start < p && p < m.end)
                };
                let Some(w) = ["与", "和", "同", " and ", " with "].iter().find_map(|w| {
                    let mut from = a;
                    while let Some(p) = t.find(w, from, b) {
                        if !inside_name(p) {
                            return Some((p, p + w.chars().count()));
                        }
                        from = p + 1;
                    }
                    None
                }) else {
                    continue;
                };
                let left = tops(cx, a, w.0)
                    .into_iter()
                    .rev()
                    .find(|m| allowed(cx, m, &rule.subject));
                let after_with = tops(cx, w.1, b.max(w.1));
                let mut right = after_with
                    .iter()
                    .copied()
                    .find(|m| allowed(cx, m, &rule.object));
                // 与位于槟城的马来西亚理科大学, 与来自京畿道平泽市的…株式会社: the partner
                // after the place that locates it.
                if let Some(r) = right
                    && r.start >= 2
                    && ["位于", "来自", "地处"]
                        .iter()
                        .any(|w| t.has_before(r.start, w))
                    && let Some(de) = t.find("的", r.end, b)
                    && let Some(next) = after_with
                        .iter()
                        .copied()
                        .find(|m| m.start == de + 1 && allowed(cx, m, &rule.object))
                {
                    right = Some(next);
                }
                // "the Dutch port city of Rotterdam": the place the adjective describes.
                if let Some(r) = right
                    && r.origin == Origin::Demonym
                    && let Some(next) = after_with.iter().copied().find(|m| {
                        m.start > r.end
                            && m.start - r.end <= 24
                            && m.origin != Origin::Demonym
                            && allowed(cx, m, &rule.object)
                    })
                {
                    right = Some(next);
                }
                // 与俄罗斯哈巴罗夫斯克市国际关系局: the organisation after its country.
                while let Some(r) = right
                    && let Some(next) = after_with
                        .iter()
                        .copied()
                        .find(|m| m.start == r.end && allowed(cx, m, &rule.object))
                {
                    right = Some(next);
                }
                if let (Some(l), Some(r)) = (left, right) {
                    out.add(
                        l.entity,
                        rule.predicate,
                        r.entity,
                        q.clone(),
                        evidence(cx, clause.start, te),
                        name,
                    );
                    any = true;
                }
            }
            if any {
                return;
            }
            // 王立群与田村健一共同签署《大连市人民政府与舞鹤市政府关于…的备忘录》: the parties
            // that the agreement's title names.
            if let Some(open) = t.find("《", te, (te + 3).min(clause.end))
                && let Some(close) = t.find("》", open, clause.end)
                && let Some(w) = t.find("与", open, close)
                && let Some(l) = tops(cx, open + 1, w)
                    .into_iter()
                    .rev()
                    .find(|m| m.end == w && allowed(cx, m, &rule.subject))
                && let Some(r) = tops(cx, w + 1, close)
                    .into_iter()
                    .find(|m| m.start == w + 1 && allowed(cx, m, &rule.object))
            {
                out.add(
                    l.entity,
                    rule.predicate,
                    r.entity,
                    q.clone(),
                    evidence(cx, clause.start, te.max(close + 1)),
                    name,
                );
                return;
            }
            // "A signed a cooperation agreement with B": the partner after the trigger.
            if cx.english
                && let Some(w) = t.find(" with ", te, clause.end)
                && !t.norm(te, w).contains(',')
            {
                // The nearest name before the verb ("X said …, while Y signed … with Z"),
                // outside an apposition just before it ("X, Beijing's hub in Y, signed").
                let before_verb = t.norm(clause.start, ts);
                let apposition = before_verb
                    .trim_end()
                    .strip_suffix(',')
                    .and_then(|head| head.rfind(','))
                    .map(|k| clause.start + before_verb[..k].chars().count());
                let left = before.iter().copied().rev().find(|m| {
                    allowed(cx, m, &rule.subject)
                        && apposition.is_none_or(|k| m.end <= k)
                        && !t.has_at(m.end, "-based")
                        && !t.has_at(m.end, "'s")
                });
                let right = tops(cx, w + 6, clause.end)
                    .into_iter()
                    .filter(|m| !t.has_at(m.end, "-based"))
                    .find(|m| allowed(cx, m, &rule.object) && t.norm(w + 6, m.start).len() < 24);
                if let (Some(l), Some(r)) = (left, right)
                    && l.entity != r.entity
                {
                    out.add(
                        l.entity,
                        rule.predicate,
                        r.entity,
                        q.clone(),
                        evidence(cx, l.start, r.end),
                        name,
                    );
                    return;
                }
            }
            // 与A、B、C等…建立合作: the sentence topic with every listed partner.
            if let Some(w) = t.find("与", clause.start, ts) {
                // The list ends at 等 or at the place where they cooperate (与B在C合资设立).
                let list_end = t
                    .find("等", w, ts)
                    .unwrap_or(ts)
                    .min(t.find("在", w, ts).unwrap_or(ts));
                let partners: Vec<&Resolved> = tops(cx, w + 1, list_end)
                    .into_iter()
                    .filter(|m| allowed(cx, m, &rule.object))
                    .collect();
                let left = tops(cx, clause.start, w)
                    .into_iter()
                    .rev()
                    .find(|m| allowed(cx, m, &rule.subject))
                    .or_else(|| topic(cx, rule, clause.start));
                if let Some(l) = left {
                    for p in partners {
                        out.add(
                            l.entity,
                            rule.predicate,
                            p.entity,
                            q.clone(),
                            evidence(cx, clause.start, te),
                            name,
                        );
                    }
                }
            }
        }
        Pattern::AgentEvent => {
            let mut a = clause.start;
            // 由, not the 由 of 自由贸易试验区.
            let names = tops(cx, clause.start, ts);
            let mut from = clause.start;
            while let Some(p) = t.find("由", from, ts) {
                if !names.iter().any(|m| m.start <= p && p < m.end) {
                    a = p + 1;
                    break;
                }
                from = p + 1;
            }
            // 由A主办、B承办: B's list starts after the previous role word.
            for w in ["主办", "承办", "协办", "指导", "支持"] {
                let mut from = a;
                while let Some(p) = t.find(w, from, ts) {
                    a = p + w.chars().count();
                    from = a;
                }
            }
            while a < ts && matches!(t.chars[a], '、' | '，' | ',' | ' ') {
                a += 1;
            }
            let mut b = ts;
            if let Some(p) = t.find("在", a, ts) {
                // (在嘉兴市人民政府于哥本哈根举办的…上: 在 before the organiser opens the
                // clause's frame.)
                if names.iter().any(|m| m.start >= a && m.end <= p) {
                    b = p;
                } else {
                    a = p + 1;
                    if let Some(q) = t.find("在", a, ts) {
                        b = q;
                    }
                }
            }
            // "organized by", "co-hosted by", "co-sponsored by" …
            let by = cx.english && t.norm_str(ts, te).ends_with(" by");
            let agents: Vec<&Resolved> = if by {
                // organized by A, B and C: names joined by commas, `and`, `the`.
                let mut list: Vec<&Resolved> = Vec::new();
                let mut at = te;
                for m in after.iter().copied() {
                    let gap = t.norm(at, m.start).to_lowercase();
                    let joined = gap
                        .split(|c: char| c == ',' || c.is_whitespace())
                        .all(|w| matches!(w, "" | "and" | "the"));
                    // ("organised by China's Ministry of Commerce": the possessive only
                    // says whose.)
                    if joined && kind(cx, m).is_place() && t.has_at(m.end, "'s ") {
                        at = m.end + 3;
                        continue;
                    }
                    if !joined || !allowed(cx, m, &rule.object) {
                        break;
                    }
                    if !list.is_empty() && !gap.contains("and") && !gap.contains(',') {
                        break;
                    }
                    list.push(m);
                    at = m.end;
                }
                list
            } else {
                leading_list(cx, a, b)
                    .into_iter()
                    .filter(|m| allowed(cx, m, &rule.object))
                    .collect()
            };
            if agents.is_empty() {
                return;
            }
            let sentence = t.sentence_at(ts).unwrap_or(clause);
            // 本届博览会由A主办: the event named before, referred to by a demonstrative.
            let the = t.has_at(sentence.start, "The ")
                && t.chars
                    .get(sentence.start + 4)
                    .is_some_and(|c| c.is_lowercase());
            // 活动由A主办: the event's kind alone names it again (also when another event
            // follows: 活动由A主办，是第十五届…博览会的配套活动之一).
            let kind_alone = ["活动", "会议", "大会", "论坛", "展会", "仪式", "博览会"]
                .iter()
                .any(|w| {
                    t.has_at(sentence.start, w)
                        && t.has_at(sentence.start + w.chars().count(), "由")
                });
            let referred = || {
                (the || kind_alone
                    || ["本届", "本次", "此次", "这次", "这场", "该", "This ", "It "]
                        .iter()
                        .any(|w| t.has_at(clause.start, w) || t.has_at(sentence.start, w)))
                .then(|| latest_event(cx, sentence.start))
                .flatten()
            };
            let event = kind_alone
                .then(referred)
                .flatten()
                .or_else(|| {
                    tops(cx, te, sentence.end).into_iter().find(|m| {
                        kind(cx, m) == EntityType::Event
                            && !tops(cx, te, m.start)
                                .iter()
                                .any(|x| kind(cx, x) == EntityType::Event)
                    })
                })
                .or_else(|| {
                    tops(cx, sentence.start, if by { ts } else { a })
                        .into_iter()
                        .rev()
                        .find(|m| kind(cx, m) == EntityType::Event)
                })
                .or_else(referred);
            // "hosted by A and organized by B": B does what 承办 says, A what 主办 does.
            let predicate = if by
                && rule.predicate == Predicate::OrganizedBy
                && !t.has_at(ts, "hosted by")
                && t.find("hosted by", sentence.start, ts).is_some()
            {
                Predicate::CoOrganizedBy
            } else {
                rule.predicate
            };
            if let Some(e) = event {
                for ag in agents {
                    out.add(
                        e.entity,
                        predicate,
                        ag.entity,
                        q.clone(),
                        evidence(cx, e.start.min(clause.start), e.end.max(te)),
                        name,
                    );
                }
            }
        }
        Pattern::EventPlace => {
            let Some(at) = (clause.start..ts)
                .rev()
                .find(|&k| t.chars[k] == '在' || t.chars[k] == '于')
            else {
                // 国际会客厅……举办了A、B、C: events hosted by the venue the sentence is about.
                if t.has_at(ts, "举办") {
                    let sentence = t.sentence_at(ts).unwrap_or(clause);
                    let host = tops(cx, sentence.start, clause.start.max(sentence.start))
                        .into_iter()
                        .find(|m| {
                            matches!(kind(cx, m), EntityType::Venue | EntityType::EconomicZone)
                        });
                    if let Some(h) = host {
                        for e in tops(cx, te, sentence.end)
                            .into_iter()
                            .filter(|m| kind(cx, m) == EntityType::Event)
                        {
                            out.add(
                                e.entity,
                                rule.predicate,
                                h.entity,
                                q.clone(),
                                evidence(cx, h.start, e.end),
                                name,
                            );
                        }
                    }
                    return;
                }
                // "opened the X Forum at the Y Center", "the opening of the X Forum at the
                // Y Center": the event opened, then its venue.
                if t.has_at(ts, "opened") || t.has_at(ts, "opening of") {
                    let event = after
                        .iter()
                        .copied()
                        .find(|m| kind(cx, m) == EntityType::Event && m.start <= te + 5);
                    let place = event.and_then(|e| {
                        after.iter().copied().find(|m| {
                            m.start > e.end
                                && allowed(cx, m, &rule.object)
                                && (t.has_before(m.start, " at the ")
                                    || t.has_before(m.start, " at "))
                                && t.norm(e.end, m.start).len() <= 8
                        })
                    });
                    // "the X Fair, which opened on Friday at the Y Center": the event the
                    // clause follows, then its venue.
                    let (event, place) = match (event, place) {
                        (None, _) if t.has_before(ts, ", which ") => {
                            let event = before
                                .last()
                                .copied()
                                .filter(|m| kind(cx, m) == EntityType::Event && m.end + 8 == ts);
                            let place = after.iter().copied().find(|m| {
                                allowed(cx, m, &rule.object)
                                    && (t.has_before(m.start, " at the ")
                                        || t.has_before(m.start, " at "))
                                    && t.norm(te, m.start).len() <= 20
                            });
                            (event, place)
                        }
                        found => found,
                    };
                    if let (Some(e), Some(p)) = (event, place) {
                        out.add(
                            e.entity,
                            rule.predicate,
                            p.entity,
                            q,
                            evidence(cx, e.start.min(ts), p.end),
                            name,
                        );
                    }
                    return;
                }
                if ["held", "Held", "took place", "takes place"]
                    .iter()
                    .any(|w| t.has_at(ts, w))
                {
                    let place = after.iter().copied().find(|m| allowed(cx, m, &rule.object));
                    let event = before
                        .iter()
                        .copied()
                        .rev()
                        .find(|m| kind(cx, m) == EntityType::Event)
                        .or_else(|| {
                            // "The fair, held at P, …": the event named before.
                            // "Held at P, the forum …": the article's event.
                            // ("The signing took place in P": no event named.)
                            (t.has_at(clause.start, "The ")
                                && t.chars
                                    .get(clause.start + 4)
                                    .is_some_and(|c| c.is_lowercase())
                                && !t.has_at(ts, "took place")
                                && !t.has_at(ts, "takes place")
                                || t.has_at(ts, "Held"))
                            .then(|| latest_event(cx, clause.start))
                            .flatten()
                        });
                    if let (Some(e), Some(p)) = (event, place) {
                        out.add(
                            e.entity,
                            rule.predicate,
                            p.entity,
                            q,
                            evidence(cx, clause.start, clause.end),
                            name,
                        );
                    }
                }
                return;
            };
            let places: Vec<&Resolved> = tops(cx, at + 1, ts)
                .into_iter()
                .filter(|m| allowed(cx, m, &rule.object))
                .collect();
            let mut place = places.last().map(|m| m.entity);
            // 在黑河、布拉戈维申斯克两地同步举办: both places.
            let also = match places[..] {
                [.., a, b]
                    if t.has_at(b.end, "两地")
                        && matches!(t.norm_str(a.end, b.start), "、" | "和" | "与") =>
                {
                    Some(a.entity)
                }
                _ => None,
            };
            if place.is_none() && (t.has_at(at + 1, "该市") || t.has_at(at + 1, "本市")) {
                place = tops(cx, 0, at)
                    .into_iter()
                    .rev()
                    .find(|m| kind(cx, m) == EntityType::City)
                    .map(|m| m.entity);
            }
            let Some(p) = place else { return };
            let sentence = t.sentence_at(ts).unwrap_or(clause);
            // The subject: an event for 举行, any subject-typed name for 在P揭牌.
            let event = tops(cx, clause.start, at)
                .into_iter()
                .rev()
                .find(|m| allowed(cx, m, &rule.subject) && m.entity != p)
                .or_else(|| {
                    tops(cx, te, sentence.end)
                        .into_iter()
                        .find(|m| allowed(cx, m, &rule.subject) && m.entity != p)
                });
            if let Some(e) = event {
                let mut qual = q;
                qual.date = date_before(cx, sentence.start, ts);
                for p in also.into_iter().chain([p]) {
                    out.add(
                        e.entity,
                        rule.predicate,
                        p,
                        qual.clone(),
                        evidence(cx, clause.start.min(e.start), te.max(e.end)),
                        name,
                    );
                }
            }
        }
        Pattern::Participants => {
            let sentence = t.sentence_at(ts).unwrap_or(clause);
            // A、B共同为总领事馆揭牌: those before 为 unveil (not 代表处揭牌, the thing unveiled).
            let ts = if t.has_at(ts, "揭牌") {
                match (clause.start..ts).rev().find(|&k| t.chars[k] == '为') {
                    Some(k) => k,
                    None => return,
                }
            } else {
                ts
            };
            // 出席开幕式的有A、B、C: the list follows 的有 / 的还有.
            if let Some(list) = ["的有", "的还有", "的嘉宾有", "的领导有", "的嘉宾还有"]
                .iter()
                .filter_map(|w| {
                    t.find(w, te, clause.end)
                        .map(|p| (p, p + w.chars().count()))
                })
                .min()
                .filter(|&(p, _)| p <= te + 12)
            {
                let event = tops(cx, te, list.0)
                    .into_iter()
                    .find(|m| kind(cx, m) == EntityType::Event)
                    .or_else(|| latest_event(cx, clause.start));
                let Some(e) = event else { return };
                let mut end = clause.end;
                let here = cx.text.clauses.partition_point(|c| c.end <= clause.start);
                for c in cx.text.clauses[here + 1..]
                    .iter()
                    .take_while(|c| c.end <= sentence.end)
                {
                    if !list_like(cx, c.start, c.end) {
                        break;
                    }
                    end = c.end;
                }
                let ms = tops(cx, list.1, end);
                let chosen = people_else(cx, &ms, rule, || leading_list(cx, list.1, end));
                for p in chosen {
                    out.add(
                        p.entity,
                        rule.predicate,
                        e.entity,
                        q.clone(),
                        evidence(cx, clause.start, end),
                        name,
                    );
                }
                return;
            }
            let event = tops(cx, te, sentence.end)
                .into_iter()
                .find(|m| kind(cx, m) == EntityType::Event)
                .or_else(|| latest_event(cx, clause.start));
            let Some(e) = event else { return };
            // The participant list: this clause before the trigger and the list-like clauses before it.
            let mut start = clause.start;
            let here = cx.text.clauses.partition_point(|c| c.end <= clause.start);
            for c in cx.text.clauses[..here]
                .iter()
                .rev()
                .take_while(|c| c.start >= sentence.start)
            {
                if !list_like(cx, c.start, c.end) {
                    break;
                }
                start = c.start;
            }
            let mut items: Vec<(usize, usize)> = Vec::new();
            let mut s = start;
            for k in start..ts {
                if matches!(t.chars[k], '、' | '，' | ',' | '；') {
                    items.push((s, k));
                    s = k + 1;
                }
            }
            items.push((s, ts));
            // (Not the organisers listed before: 论坛由A主办，B承办，C协办，…300人参加.)
            // (…湛江市商务局、湛江海关承办: each body of a list before the verb.)
            items.retain(|&(a, b)| {
                let end = (b..ts)
                    .find(|&k| matches!(t.chars[k], '，' | ',' | '；'))
                    .unwrap_or(ts);
                !["主办", "承办", "协办"]
                    .iter()
                    .any(|w| t.find(w, a, end).is_some())
            });
            let mut found = false;
            for (a, b) in items {
                let ms = tops(cx, a, b);
                // 广东省委常委、珠海市委书记吕振宇: a body in a title (not 工商联代表团).
                let in_title = |m: &&Resolved| {
                    let rest = t.norm_str(m.end, b).trim();
                    !(rest.is_empty() || rest.starts_with("代表") || rest == "一行" || rest == "等")
                };
                let chosen = people_else(cx, &ms, rule, || {
                    ms.iter().copied().filter(|m| !in_title(m)).collect()
                });
                // 先后拜会A、B，出席Z: the people met are not the ones attending.
                let met = |m: &Resolved| {
                    ["拜会", "会见", "会晤", "拜访", "看望", "接见"]
                        .iter()
                        .any(|w| t.find(w, start, m.start).is_some())
                };
                for p in chosen.into_iter().filter(|p| !met(p)) {
                    found = true;
                    out.add(
                        p.entity,
                        rule.predicate,
                        e.entity,
                        q.clone(),
                        evidence(cx, start, te),
                        name,
                    );
                }
            }
            // X率团访问Y，出席Z: the delegation's leader, when the clause names nobody.
            if !found
                && tops(cx, clause.start, ts).is_empty()
                && let Some(leader) = tops(cx, sentence.start, clause.start)
                    .into_iter()
                    .find(|m| {
                        kind(cx, m) == EntityType::Person
                            && (t.has_at(m.end, "率") || t.has_at(m.end, "带领"))
                    })
            {
                out.add(
                    leader.entity,
                    rule.predicate,
                    e.entity,
                    q,
                    evidence(cx, leader.start, te),
                    name,
                );
            }
        }
        Pattern::Speaker => {
            let person = before
                .iter()
                .copied()
                .find(|m| kind(cx, m) == EntityType::Person);
            let Some(p) = person else { return };
            let event = tops(cx, clause.start, te)
                .into_iter()
                .rev()
                .find(|m| kind(cx, m) == EntityType::Event && m.end + 1 >= ts)
                .or_else(|| {
                    // 在推介中介绍: the promotion meeting, not an expo named since.
                    cx.text
                        .has_at(ts, "推介")
                        .then(|| {
                            cx.resolved
                                .within(clause.start.saturating_sub(2000), clause.start, true)
                                .filter(|m| {
                                    kind(cx, m) == EntityType::Event
                                        && cx.text.find("推介", m.start, m.end).is_some()
                                })
                                .max_by_key(|m| m.start)
                        })
                        .flatten()
                })
                .or_else(|| latest_event(cx, clause.start));
            if let Some(e) = event {
                out.add(
                    p.entity,
                    rule.predicate,
                    e.entity,
                    q,
                    evidence(cx, clause.start, te),
                    name,
                );
            }
        }
        Pattern::Located => {
            if cx.english {
                // "Ganjiang Auto Parts Co., based in the southern Jiangxi city of Ganzhou,":
                // the firm the apposition follows is in the last place it names.
                if !(t.has_at(ts, "based in") || t.has_at(ts, "headquartered in")) {
                    return;
                }
                let firm = before.iter().copied().rev().find(|m| {
                    allowed(cx, m, &rule.subject)
                        && matches!(t.norm(m.end, ts).as_str(), ", " | " ")
                });
                let place = after
                    .iter()
                    .copied()
                    .take_while(|m| !t.norm(te, m.start).contains([',', '.', ';']))
                    .filter(|m| allowed(cx, m, &rule.object))
                    .last();
                if let (Some(f), Some(p)) = (firm, place) {
                    out.add(
                        f.entity,
                        rule.predicate,
                        p.entity,
                        q,
                        evidence(cx, f.start, p.end),
                        name,
                    );
                }
                return;
            }
            // 位于P的X / X位于P
            let objects: Vec<&Resolved> = after
                .iter()
                .copied()
                .take_while(|m| !t.norm(te, m.start).contains('的'))
                .filter(|m| allowed(cx, m, &rule.object))
                .collect();
            let de = t.find("的", te, clause.end);
            let subj = match de {
                Some(d) if objects.iter().all(|o| o.end <= d) => {
                    let chain: Vec<&Resolved> = tops(cx, d + 1, clause.end);
                    let mut last = chain.first().copied();
                    for w in chain.windows(2) {
                        if w[0].end == w[1].start {
                            last = Some(w[1]);
                        } else {
                            break;
                        }
                    }
                    last.filter(|m| allowed(cx, m, &rule.subject))
                }
                _ => before
                    .iter()
                    .copied()
                    .rev()
                    .find(|m| allowed(cx, m, &rule.subject)),
            };
            let Some(s) = subj else { return };
            let Some(o) = objects.last() else { return };
            let ev = evidence(cx, clause.start, clause.end);
            out.add(s.entity, rule.predicate, o.entity, q.clone(), ev, name);
            // And every place above it that the text names.
            if let Some(eo) = entry(cx, o) {
                for (j, other) in cx.resolved.entries.iter().enumerate().take(2000) {
                    if let Some(x) = *other
                        && cx.gazetteer.entry(x).kind != EntityType::Country
                        && contains(cx.gazetteer, x, eo)
                    {
                        out.add(s.entity, rule.predicate, j, q.clone(), ev, name);
                    }
                }
            }
        }
        Pattern::Either => {
            let all = tops(cx, clause.start, clause.end);
            // 经国务院批复，X正式设立: the subject opens the next clause.
            let next = t
                .clause_at(clause.end + 1)
                .filter(|n| t.sentence_at(n.start) == t.sentence_at(clause.start));
            // 位于P的X获…批复: P only describes X.
            let modifier = |m: &&Resolved| t.chars.get(m.end) == Some(&'的');
            // "X, which was approved by Y": the nearest name before the trigger.
            let english_subject = || {
                cx.english
                    .then(|| sentence_topic(cx, rule, clause.start, ts))
                    .flatten()
            };
            let s = english_subject()
                .or_else(|| {
                    all.iter()
                        .copied()
                        .filter(|m| allowed(cx, m, &rule.subject))
                        .min_by_key(|m| modifier(m))
                })
                .or_else(|| {
                    let n = next?;
                    tops(cx, n.start, n.end)
                        .into_iter()
                        .next()
                        .filter(|m| m.start <= n.start + 2 && allowed(cx, m, &rule.subject))
                })
                .or_else(|| sentence_topic(cx, rule, clause.start, ts));
            let o = all.iter().copied().find(|m| allowed(cx, m, &rule.object));
            if let (Some(s), Some(o)) = (s, o) {
                let mut qual = q;
                qual.date = date_before(
                    cx,
                    t.sentence_at(ts).map(|x| x.start).unwrap_or(clause.start),
                    ts,
                );
                out.add(
                    s.entity,
                    rule.predicate,
                    o.entity,
                    qual,
                    evidence(cx, clause.start, clause.end.max(s.end)),
                    name,
                );
            }
        }
        Pattern::Invest => {
            // Not inside a name (投资促进局, 投资有限公司).
            if cx
                .resolved
                .within(ts.saturating_sub(40), te + 40, true)
                .any(|m| m.start <= ts && m.end >= te)
            {
                return;
            }
            let sentence = t.sentence_at(ts).unwrap_or(clause);
            let subj = before
                .iter()
                .copied()
                .find(|m| allowed(cx, m, &rule.subject))
                .or_else(|| topic(cx, rule, clause.start));
            let Some(s) = subj else { return };
            // 该项目由诺德维克流体技术(嘉兴)有限公司投资建设: the project it invests in.
            // (…项目总投资6.8亿元，由某公司投资建设: the project that opens the sentence.)
            let project = before
                .iter()
                .copied()
                .find(|m| {
                    kind(cx, m) == EntityType::Project
                        && m.end < s.start
                        && matches!(t.norm_str(m.end, s.start), "由" | "是由")
                })
                .or_else(|| {
                    let opening = tops(cx, sentence.start, clause.start).into_iter().next()?;
                    (t.has_at(clause.start, "由")
                        && opening.start == sentence.start
                        && kind(cx, opening) == EntityType::Project)
                        .then_some(opening)
                });
            let place = if let Some(p) = project {
                Some(p)
            } else if cx.english {
                // invest $50 million in a centre in Hangzhou's Binjiang district[, while …]
                let end = t.clause_at(te).map_or(clause.end, |c| c.end);
                t.find(" in ", te, end)
                    .and_then(|p| {
                        tops(cx, p, end)
                            .into_iter()
                            .rev()
                            .find(|m| allowed(cx, m, &rule.object))
                    })
                    .or_else(|| {
                        // "…in the Lingang Special Area, where HyNed Systems would invest":
                        // the place that "where" refers to.
                        let comma = t.find(
                            ", where ",
                            sentence.start.max(s.start.saturating_sub(200)),
                            s.start,
                        )?;
                        (!t.norm_str(comma + 8, s.start).contains(','))
                            .then(|| {
                                tops(cx, sentence.start, comma)
                                    .into_iter()
                                    .rev()
                                    .find(|m| m.end == comma && allowed(cx, m, &rule.object))
                            })
                            .flatten()
                    })
            } else if let Some(built) = ["建设的", "兴建的", "建成的", "打造的"]
                .iter()
                .find_map(|w| Some(t.find(w, te, clause.end)? + w.chars().count()))
                .and_then(|k| {
                    // 由X投资1.2亿元建设的Y: what was built with the investment.
                    after
                        .iter()
                        .copied()
                        .find(|m| m.start == k && allowed(cx, m, &rule.object))
                })
            {
                Some(built)
            } else if let Some(built) = ["建设", "兴建"]
                .iter()
                .find(|w| t.has_at(te, w))
                .and_then(|_| built_after(cx, &after, te, 3))
                .filter(|m| allowed(cx, m, &rule.object))
            {
                Some(built)
            } else {
                let at = (s.end.max(clause.start)..ts)
                    .rev()
                    .find(|&k| t.chars[k] == '在')
                    .map(|k| (k + 1, ts))
                    .or_else(|| {
                        t.find("在", te, clause.end)
                            .or_else(|| t.find("于", te, clause.end))
                            .map(|k| (k + 1, clause.end))
                    })
                    .or_else(|| {
                        // 将投资5000万美元，在大连金普新区建设…: the next clause says where.
                        let next = t.clause_at(clause.end + 1)?;
                        t.has_at(next.start, "在")
                            .then_some((next.start + 1, next.end))
                    });
                at.and_then(|(a, b)| {
                    tops(cx, a, b)
                        .into_iter()
                        .find(|m| m.start <= a + 1 && allowed(cx, m, &rule.object))
                        .or_else(|| {
                            // 在园区建设: the zone named earlier in the sentence.
                            let zone = ["园区", "开发区", "新区", "该区", "区内"]
                                .iter()
                                .any(|w| t.has_at(a, w));
                            let city = ["该市", "当地"].iter().any(|w| t.has_at(a, w));
                            tops(cx, sentence.start, clause.start)
                                .into_iter()
                                .rev()
                                .find(|m| {
                                    let k = kind(cx, m);
                                    zone && matches!(
                                        k,
                                        EntityType::EconomicZone | EntityType::District
                                    ) || city && k == EntityType::City
                                })
                        })
                })
            };
            if let Some(p) = place
                && p.entity != s.entity
            {
                out.add(
                    s.entity,
                    rule.predicate,
                    p.entity,
                    q,
                    evidence(cx, clause.start.min(s.start), clause.end),
                    name,
                );
            }
        }
        Pattern::AfterOf => {
            let o = before
                .last()
                .copied()
                .filter(|m| allowed(cx, m, &rule.object) && m.end == ts)
                .or_else(|| {
                    // 由其全资子公司X运营: 其 stands for the last body named before it.
                    let sentence = t.sentence_at(ts)?;
                    t.has_before(ts, "其").then_some(())?;
                    tops(cx, sentence.start.max(ts.saturating_sub(200)), ts - 1)
                        .into_iter()
                        .rev()
                        .find(|m| allowed(cx, m, &rule.object))
                });
            let s = after
                .first()
                .copied()
                .filter(|m| allowed(cx, m, &rule.subject) && m.start == te);
            if let (Some(s), Some(o)) = (s, o) {
                out.add(
                    s.entity,
                    rule.predicate,
                    o.entity,
                    q,
                    evidence(cx, o.start, s.end),
                    name,
                );
            }
        }
        Pattern::PersonPlace => {
            let sentence = t.sentence_at(ts).unwrap_or(clause);
            // "…, and Zhang Hongwei, Vice Mayor of Zhengzhou, who is visiting Birmingham":
            // the person the relative clause is about, the last named before it.
            let who = cx
                .english
                .then(|| {
                    (sentence.start.max(ts.saturating_sub(200))..ts)
                        .rev()
                        .find(|&k| t.has_at(k, ", who "))
                })
                .flatten();
            let person = tops(
                cx,
                if cx.english {
                    sentence.start
                } else {
                    clause.start
                },
                who.unwrap_or(ts),
            )
            .into_iter()
            // (Not a reporter of the byline: 新华社合肥11月20日电(记者 程韵秋)….)
            .filter(|m| kind(cx, m) == EntityType::Person && !in_parentheses(cx, m, ts))
            .reduce(|first, m| if who.is_some() { m } else { first })
            // ("Mayor Xu said more than 3,000 merchants visit Jinhua": others visit.)
            .filter(|p| !(cx.english && reports_others(cx, p.end, ts)))
            .or_else(|| delegation_leader(cx, clause, ts));
            // The place after the trigger, else 来烟台访问, 在哈访问: the place right after
            // 来 / 赴 / 到 / 在 before it.
            // "a mission to the central Chinese province of Hubei": not the adjective.
            let place = after
                .iter()
                .copied()
                .find(|m| {
                    allowed(cx, m, &rule.object)
                        && !(m.origin == Origin::Demonym && kind(cx, m) == EntityType::Country)
                })
                .or_else(|| {
                    let from = person.map_or(clause.start, |p| p.end.max(clause.start));
                    let ms = tops(cx, from, ts);
                    ms.iter()
                        .copied()
                        .rev()
                        .find(|m| {
                            !cx.english
                                && allowed(cx, m, &rule.object)
                                && m.start > 0
                                && matches!(
                                    t.chars[m.start - 1],
                                    '来' | '赴' | '到' | '在' | '抵' | '往'
                                )
                                && ts - m.end <= 2
                        })
                        .or_else(|| {
                            // 赴南宁国际铁路港和五象新区实地考察: a list after 赴.
                            ms.iter().copied().find(|m| {
                                !cx.english
                                    && allowed(cx, m, &rule.object)
                                    && m.start > 0
                                    && matches!(t.chars[m.start - 1], '赴' | '往')
                                    && leading_list(cx, m.start, ts)
                                        .last()
                                        .is_some_and(|l| ts - l.end <= 3)
                            })
                        })
                });
            // 访问我市 in a city's own paper: the city the text names most (the trigger may
            // be the 访 of 访问); 来我区考察 too.
            let home = || {
                let level = [
                    ("我市", EntityType::City),
                    ("我省", EntityType::Province),
                    ("我区", EntityType::District),
                ]
                .into_iter()
                .find(|(w, _)| {
                    t.has_at(te, w)
                        || t.has_at(te, "问") && t.has_at(te + 1, w)
                        || t.has_before(ts, w)
                            && ts >= 3
                            && matches!(t.chars[ts - 3], '来' | '到' | '赴')
                })?;
                home_mention(cx, level.1)
            };
            // 访问俄罗斯斯维尔德洛夫斯克州(以下简称“斯州”)首府叶卡捷琳堡: the last of a
            // chain of places is the one visited.
            let mut place = place.or_else(|| (!cx.english).then(home).flatten());
            while let Some(pl) = place
                && pl.start >= te
                && let Some(next) = after.iter().copied().find(|m| {
                    m.start >= pl.end && allowed(cx, m, &rule.object) && m.entity != pl.entity && {
                        let gap = t.norm(pl.end, m.start);
                        // Past a parenthesis: (以下简称“斯州”).
                        let gap = match gap.find(')') {
                            Some(k) if gap.starts_with('(') => &gap[k + 1..],
                            _ => gap.as_str(),
                        };
                        // (安徽省会合肥: the 省 of 省会 read into the province's name.)
                        matches!(gap, "" | "首府" | "首都" | "省会" | "的")
                            || gap == "会" && t.chars[pl.end - 1] == '省'
                    }
                })
            {
                place = Some(next);
            }
            if let (Some(p), Some(pl)) = (person, place) {
                // 赴南宁国际铁路港和五象新区考察, 考察了A和B: every place of the list.
                let end = if pl.start >= te { clause.end } else { ts };
                let mut listed = leading_list(cx, pl.start, end);
                listed.retain(|m| allowed(cx, m, &rule.object));
                if listed.is_empty() {
                    listed.push(pl);
                }
                for m in listed {
                    out.add(
                        p.entity,
                        rule.predicate,
                        m.entity,
                        q.clone(),
                        evidence(cx, p.start.min(m.start), pl.end.max(m.end)),
                        name,
                    );
                }
            }
        }
    }
}

/// Whether mention `m` stands in parentheses that close before `to`.
fn in_parentheses(cx: &Context<'_>, m: &Resolved, to: usize) -> bool {
    let t = cx.text;
    let line = t.sentence_at(m.start).map_or(0, |s| s.start);
    let open = (line.max(m.start.saturating_sub(40))..m.start)
        .rev()
        .find(|&k| matches!(t.chars[k], '(' | ')'));
    open.is_some_and(|k| t.chars[k] == '(') && t.find(")", m.end, to).is_some()
}

/// Whether the words between a person and a verb report what others do ("said more than
/// 3,000 merchants visit"), not what the person did ("said he visited").
fn reports_others(cx: &Context<'_>, from: usize, to: usize) -> bool {
    let t = cx.text;
    [" said ", " says ", " told ", " noted ", " added "]
        .iter()
        .any(|w| {
            t.find(w, from.saturating_sub(1), to).is_some_and(|at| {
                // ("said it was his third visit": the person's own.)
                !t.norm_str(at + w.len(), to).split(' ').any(|w| {
                    matches!(
                        w,
                        "he" | "she" | "his" | "her" | "they" | "their" | "I" | "my" | "we" | "our"
                    )
                })
            })
        })
}

/// The district written right after a city (绍兴市柯桥区), else the city.
fn district_after<'a>(cx: &Context<'a>, m: &'a Resolved) -> &'a Resolved {
    if kind(cx, m) != EntityType::City {
        return m;
    }
    let ms = &cx.resolved.mentions;
    ms[ms.partition_point(|d| d.start < m.end)..]
        .iter()
        .take(3)
        .find(|d| d.start == m.end && !d.nested && kind(cx, d) == EntityType::District)
        .unwrap_or(m)
}

/// 代表团还将赴…考察, "The delegation also toured": the person leading the delegation
/// (X率…代表团, X一行, "led by X") when the clause names none.
fn delegation_leader<'a>(cx: &Context<'a>, clause: Span, ts: usize) -> Option<&'a Resolved> {
    let t = cx.text;
    let sentence = t.sentence_at(ts).unwrap_or(clause);
    let delegation = ["代表团", "一行", "delegation", "mission"]
        .iter()
        .any(|w| t.find(w, sentence.start, ts).is_some());
    // …在哈访问，其间考察了哈尔滨新区: the visitor of the clause before.
    let meanwhile = ["其间", "期间", "随后", "此后", "还"]
        .iter()
        .any(|w| t.has_at(clause.start, w));
    if meanwhile && let Some(sentence) = t.sentence_at(clause.start) {
        return tops(cx, sentence.start, clause.start)
            .into_iter()
            .find(|m| kind(cx, m) == EntityType::Person);
    }
    if !delegation {
        return None;
    }
    // X率团, X一行, "led by Council Member X", "X's delegation".
    let leads = |m: &Resolved| {
        kind(cx, m) == EntityType::Person
            && m.end < ts
            && ([
                "率",
                "一行",
                "'s delegation",
                "'s mission",
                " led a ",
                " leads a ",
                " is leading a ",
            ]
            .iter()
            .any(|w| t.has_at(m.end, w))
                || t.find("led by ", m.start.saturating_sub(40), m.start)
                    .is_some_and(|p| t.sentence_at(p) == t.sentence_at(m.start)))
    };
    // The leader named in this sentence, else the first leader within an article's
    // length before.
    cx.resolved
        .within(sentence.start.max(ts.saturating_sub(3000)), ts, true)
        .filter(|m| leads(m))
        .last()
        .or_else(|| {
            // (Not when this sentence sends a delegation of its own: 我市还将组织代表团回访.)
            let own = ["组织", "派出", "组团", "组建"]
                .iter()
                .any(|w| t.find(w, sentence.start, ts).is_some());
            if own {
                return None;
            }
            cx.resolved
                .within(ts.saturating_sub(8000), ts, true)
                .find(|m| leads(m))
        })
}

/// Whether place mention `m` contains (per gazetteer) the place of `s`.
fn contains_doc(cx: &Context<'_>, m: &Resolved, s: &Resolved) -> bool {
    match (entry(cx, m), entry(cx, s)) {
        (Some(a), Some(b)) => contains(cx.gazetteer, a, b) || contains(cx.gazetteer, b, a),
        _ => false,
    }
}

/// The mentions listed (、 or 和) from the start of `[a, b)`.
fn leading_list<'a>(cx: &Context<'a>, a: usize, b: usize) -> Vec<&'a Resolved> {
    let ms = tops(cx, a, b);
    let mut out = Vec::new();
    let mut at = a;
    for m in ms {
        let gap = cx.text.norm(at, m.start);
        if !(gap.is_empty()
            || gap == "、"
            || gap == "和"
            || gap == "及"
            || gap == "与"
            || gap.chars().all(|c| c == ' '))
        {
            break;
        }
        at = m.end;
        out.push(m);
    }
    out
}

/// The participants among `ms`: its people, else the allowed subjects of `others()`
/// (organisations attend when no person is named).
fn people_else<'a>(
    cx: &Context<'a>,
    ms: &[&'a Resolved],
    rule: &RelationRule,
    others: impl FnOnce() -> Vec<&'a Resolved>,
) -> Vec<&'a Resolved> {
    let people: Vec<&Resolved> = ms
        .iter()
        .copied()
        .filter(|m| kind(cx, m) == EntityType::Person)
        .collect();
    if !people.is_empty() {
        return people;
    }
    others()
        .into_iter()
        .filter(|m| allowed(cx, m, &rule.subject))
        .collect()
}

/// Whether a clause is a list of names and titles (few other characters).
fn list_like(cx: &Context<'_>, a: usize, b: usize) -> bool {
    let mut covered = 0;
    for m in tops(cx, a, b) {
        covered += m.end - m.start;
        if let Some((ts, te)) = m.title {
            covered += te - ts;
        }
    }
    let total = (a..b).filter(|&k| is_han(cx.text.chars[k])).count();
    total > 0 && total.saturating_sub(covered) <= 4 && covered > 0
}

/// The latest event mentioned before `at`.
fn latest_event<'a>(cx: &Context<'a>, at: usize) -> Option<&'a Resolved> {
    // Within the last 2000 characters: an event named long before is not "the" event.
    let events = || {
        cx.resolved
            .within(at.saturating_sub(2000), at, true)
            .filter(|m| kind(cx, m) == EntityType::Event)
    };
    // 出席活动并致辞 after …纪念活动暨…对接会 and a later 博览会: the event that the
    // sentence's bare word (活动, 论坛 …) names, when one does.
    const HEADS: [&str; 9] = [
        "活动",
        "论坛",
        "博览会",
        "对接会",
        "交流会",
        "洽谈会",
        "推介会",
        "峰会",
        "研讨会",
    ];
    let t = cx.text;
    let here = t
        .sentence_at(at)
        .or_else(|| t.sentence_at(at.saturating_sub(1)));
    let before = t.sentence_at(at.saturating_sub(1)).or(here);
    if let (Some(a), Some(b)) = (before, here) {
        // (Near `at` only: a text without sentence breaks stays linear.)
        let (from, to) = (a.start.max(at.saturating_sub(2000)), b.end.min(at + 500));
        let in_event = |p: usize| {
            cx.resolved
                .within(p.saturating_sub(80), p + 80, true)
                .any(|m| kind(cx, m) == EntityType::Event && m.start <= p && p < m.end)
        };
        let heads: Vec<&str> = HEADS
            .iter()
            .copied()
            .filter(|w| {
                let mut from = from;
                while let Some(p) = t.find(w, from, to) {
                    if !in_event(p) {
                        return true;
                    }
                    from = p + 1;
                }
                false
            })
            .collect();
        let named = events()
            .filter(|m| {
                let name = &cx.resolved.entities[m.entity].name;
                heads.iter().any(|w| name.contains(w))
            })
            .max_by_key(|m| m.start);
        if named.is_some() {
            return named;
        }
    }
    events().max_by_key(|m| m.start)
}

/// 第三大 → 3, 最大 / 第一大 → 1, second-largest → 2, largest / biggest → 1.
fn rank(s: &str) -> Option<u32> {
    if s.contains("最大") {
        return Some(1);
    }
    let lower = s.to_ascii_lowercase();
    if let Some(p) = lower.rfind("largest").or_else(|| lower.rfind("biggest")) {
        let before = lower[..p].trim_end_matches(['-', ' ']);
        let ordinal = [
            "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        ]
        .iter()
        .position(|o| before.ends_with(o));
        return Some(ordinal.map_or(1, |i| i as u32 + 2));
    }
    let p = s.rfind('第')?;
    let rest = &s[p + '第'.len_utf8()..];
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    let c = rest.chars().next()?;
    "一二三四五六七八九十"
        .chars()
        .position(|d| d == c)
        .map(|i| i as u32 + 1)
}

/// A date written before `at` in the sentence: 7月30日 / 2015年4月10日 / 今年5月.
fn date_before(cx: &Context<'_>, from: usize, at: usize) -> Option<String> {
    let s = cx.text.norm(from, at);
    let re = date_re();
    let c = re.captures_iter(&s).last()?;
    let pub_year = cx
        .published
        .and_then(|p| p.get(..4))
        .and_then(|y| y.parse::<u32>().ok());
    let year = match c.get(1) {
        Some(y) => y.as_str().parse().ok(),
        None => pub_year,
    }?;
    let month: u32 = c.get(2)?.as_str().parse().ok()?;
    if !(1..=12).contains(&month) {
        return None;
    }
    match c.get(3).and_then(|d| d.as_str().parse::<u32>().ok()) {
        Some(d) if (1..=31).contains(&d) => Some(format!("{year:04}-{month:02}-{d:02}")),
        _ => Some(format!("{year:04}-{month:02}")),
    }
}

fn date_re() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(r"(?:((?:19|20)\d\d)年)?(\d{1,2})月(?:份)?(?:(\d{1,2})日)?")
            .unwrap_or_else(|_| unreachable!("constant regex"))
    })
}
