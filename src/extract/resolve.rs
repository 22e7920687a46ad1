//! Entity resolution inside one document: every surface form of one referent becomes
//! one [`Entity`] (大连 / 大连市, 辽宁自贸区 / 辽宁自贸试验区, a declared short form
//! 简称“经发会”, a back-reference 该示范区).
//!
//! Entry point: [`resolve`].
//!
//! ```
//! use cckg::extract::Extractor;
//! let x = Extractor::new().unwrap();
//! let out = x.extract("a.txt", "示例经济促进会(简称经发会)成立。经发会表示欢迎。");
//! let e = out.entities.iter().find(|e| e.name == "示例经济促进会").unwrap();
//! assert_eq!(e.mentions.len(), 3);
//! ```

use crate::extract::mentions::{Candidate, Origin};
use crate::extract::rules::Rules;
use crate::extract::text::{Text, is_han};
use crate::gazetteer::Gazetteer;
use crate::model::{Entity, EntityType, Mention};
use rustc_hash::FxHashMap as HashMap;

/// One resolved mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// Index into [`Resolution::entities`].
    pub entity: usize,
    /// How it was found.
    pub origin: Origin,
    /// Whether it lies inside a longer mention.
    pub nested: bool,
    /// For people: where their title is written.
    pub title: Option<(usize, usize)>,
}

/// The entities of a document and their mentions.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    /// Entities, in order of first mention.
    pub entities: Vec<Entity>,
    /// Gazetteer entry of each entity, when known.
    pub entries: Vec<Option<usize>>,
    /// Every mention, sorted by start.
    pub mentions: Vec<Resolved>,
}

impl Resolution {
    /// Mentions inside `[start, end)`, outermost only unless `nested`.
    pub fn within(
        &self,
        start: usize,
        end: usize,
        nested: bool,
    ) -> impl Iterator<Item = &Resolved> {
        let first = self.mentions.partition_point(|m| m.start < start);
        self.mentions[first..]
            .iter()
            .take_while(move |m| m.start < end)
            .filter(move |m| m.end <= end && (nested || !m.nested))
    }
}

/// Groups candidates into entities.
pub fn resolve(
    text: &Text,
    gazetteer: &Gazetteer,
    rules: &Rules,
    mut cands: Vec<Candidate>,
) -> Resolution {
    declared_short_forms(text, &mut cands);
    cands.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    other_names(text, &mut cands);
    // Gazetteer entry, or type and normalised name.
    let mut key_of: HashMap<(Option<usize>, EntityType, String), usize> = HashMap::default();
    let mut res = Resolution::default();
    let mut forms: Vec<Vec<String>> = Vec::new();
    let mut span_entity: HashMap<(usize, usize), usize> = HashMap::default();
    let mut pending_same: Vec<(usize, (usize, usize))> = Vec::new();
    for c in &cands {
        let surface = text.slice(c.start, c.end);
        let key = match c.entry {
            Some(e) => (Some(e), EntityType::Country, String::new()),
            None => (None, c.kind, norm_key(&text.norm(c.start, c.end))),
        };
        let index = match key_of.get(&key) {
            Some(&i) => i,
            None => {
                let i = res.entities.len();
                key_of.insert(key, i);
                res.entities.push(Entity {
                    id: String::new(),
                    kind: c.kind,
                    name: String::new(),
                    aliases: Vec::new(),
                    label_en: c.entry.and_then(|e| gazetteer.entry(e).label_en.clone()),
                    country: None,
                    source_id: c.entry.map(|e| source_id(gazetteer, e)),
                    mentions: Vec::new(),
                });
                res.entries.push(c.entry);
                forms.push(Vec::new());
                i
            }
        };
        if c.origin != Origin::Demonym && !forms[index].contains(&surface) {
            forms[index].push(surface.clone());
        }
        span_entity.insert((c.start, c.end), index);
        if let Some(target) = c.same_as {
            pending_same.push((index, target));
        }
        res.mentions.push(Resolved {
            start: c.start,
            end: c.end,
            entity: index,
            origin: c.origin,
            nested: c.nested,
            title: c.title,
        });
    }
    // Union of entities that name the same referent.
    let n = res.entities.len();
    let mut parent: Vec<usize> = (0..n).collect();
    for (a, span) in pending_same {
        if let Some(&b) = span_entity.get(&span) {
            union(&mut parent, b, a);
        }
    }
    for (a, b) in short_form_pairs(&res, &forms, rules) {
        union(&mut parent, a, b);
    }
    // 大韩贸易投资振兴公社(KOTRA)青岛贸易馆 is the KOTRA青岛贸易馆 of the same text.
    for (i, e) in res.entities.iter().enumerate() {
        for f in &forms[i] {
            let Some((head, rest)) = f.split_once(['(', '（']) else {
                continue;
            };
            let Some((acronym, tail)) = rest.split_once([')', '）']) else {
                continue;
            };
            let is_acronym = (2..=8).contains(&acronym.len())
                && acronym
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
            if head.is_empty() || tail.is_empty() || !is_acronym {
                continue;
            }
            let short = norm_key(&format!("{acronym}{tail}"));
            if let Some(&j) = key_of.get(&(None, e.kind, short)) {
                union(&mut parent, j, i);
            }
        }
    }
    // 东京 / 东京都, 北九州 / 北九州市 from two gazetteer rows: one place.
    let mut by_stem: HashMap<(EntityType, String), usize> = HashMap::default();
    for (i, e) in res.entities.iter().enumerate() {
        if !e.kind.is_place() {
            continue;
        }
        for f in &forms[i] {
            let stem = f
                .trim_end_matches(['市', '都', '县', '府', '省'])
                .to_owned();
            if stem.chars().count() < 2 {
                continue;
            }
            match by_stem.get(&(e.kind, stem.clone())) {
                Some(&j) => union(&mut parent, j, i),
                None => {
                    by_stem.insert((e.kind, stem), i);
                }
            }
        }
    }
    // Collapse.
    let mut new_index: Vec<usize> = vec![usize::MAX; n];
    let mut merged: Vec<Entity> = Vec::new();
    let mut merged_entries = Vec::new();
    let mut merged_forms: Vec<Vec<String>> = Vec::new();
    for i in 0..n {
        let root = find(&mut parent, i);
        if new_index[root] == usize::MAX {
            new_index[root] = merged.len();
            merged.push(res.entities[root].clone());
            merged_entries.push(res.entries[root]);
            merged_forms.push(Vec::new());
        }
        new_index[i] = new_index[root];
        let target = new_index[i];
        for f in &forms[i] {
            if !merged_forms[target].contains(f) {
                merged_forms[target].push(f.clone());
            }
        }
        if merged[target].label_en.is_none() {
            merged[target].label_en = res.entities[i].label_en.clone();
        }
    }
    for m in &mut res.mentions {
        m.entity = new_index[m.entity];
    }
    res.entities = merged;
    res.entries = merged_entries;
    back_references(text, rules, &mut res);
    demonstrative_references(text, rules, &mut res);
    definite_references(text, &mut res);
    our_school(text, gazetteer, &mut res);
    res.mentions
        .sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut of_entity: Vec<Vec<usize>> = vec![Vec::new(); res.entities.len()];
    for (k, m) in res.mentions.iter().enumerate() {
        of_entity[m.entity].push(k);
    }
    // 越南|北宁市人民委员会: a name read without the country before its own place is
    // also written with it; 泰国|暹罗联合橡胶有限公司, 韩国|新万金国家产业园区: a foreign
    // firm or zone named with its country is also named without it.
    let mut with_country: Vec<Vec<String>> = vec![Vec::new(); res.entities.len()];
    let is_country = |c: &&Resolved| {
        c.origin == Origin::Gazetteer && res.entities[c.entity].kind == EntityType::Country
    };
    let countries: HashMap<usize, usize> = res
        .mentions
        .iter()
        .filter(is_country)
        .map(|c| (c.end, c.start))
        .collect();
    let foreign_leads: HashMap<usize, usize> = res
        .mentions
        .iter()
        .filter(is_country)
        .filter(|c| {
            res.entries[c.entity]
                .is_some_and(|e| gazetteer.entry(e).country.as_deref() != Some("CN"))
        })
        .map(|c| (c.start, c.end))
        .collect();
    for m in res.mentions.iter().filter(|m| !m.nested) {
        let k = res.entities[m.entity].kind;
        if k.is_place()
            || k == EntityType::Person
            || text.chars.get(m.start).is_none_or(|c| !is_han(*c))
        {
            continue;
        }
        if let Some(&c) = countries.get(&m.start) {
            with_country[m.entity].push(text.slice(c, m.end));
        }
        if matches!(k, EntityType::Company | EntityType::EconomicZone)
            && let Some(&c) = foreign_leads.get(&m.start)
            && m.end >= c + 4
        {
            with_country[m.entity].push(text.slice(c, m.end));
        }
    }
    // Names, aliases, mentions, ids.
    let entries = res.entries.clone();
    for (i, e) in res.entities.iter_mut().enumerate() {
        let mut fs = merged_forms.get(i).cloned().unwrap_or_default();
        for m in of_entity[i].iter().map(|&k| &res.mentions[k]) {
            if m.origin == Origin::Demonym {
                continue;
            }
            let s = text.slice(m.start, m.end);
            // "Jiangsu province" is Jiangsu too.
            if let Some(short) = s.strip_suffix(" province")
                && !fs.iter().any(|f| f == short)
            {
                fs.push(short.to_owned());
            }
            if !fs.contains(&s) {
                fs.push(s);
            }
        }
        let name = fs
            .iter()
            .filter(|f| f.chars().count() > 1 || fs.len() == 1)
            .max_by_key(|f| {
                (
                    f.chars().count(),
                    std::cmp::Reverse(f.starts_with('"') || f.starts_with('“')),
                )
            })
            .cloned()
            .unwrap_or_default();
        // 韩国 rather than 大韩民国 (said once, in an embassy's name): a country goes by its
        // usual name when the text uses it.
        let usual = entries[i]
            .map(|k| gazetteer.entry(k))
            .filter(|g| g.kind == EntityType::Country && fs.contains(&g.name))
            .map(|g| g.name.clone());
        let name = usual.unwrap_or(name);
        // Only adjectives in the text (Japanese firms): the gazetteer's label.
        let name = if name.is_empty() {
            e.label_en.clone().unwrap_or_default()
        } else {
            name
        };
        let quoted_inner = fs
            .iter()
            .find(|f| name.contains(f.as_str()) && *f != &name && name.starts_with(['“', '"']))
            .cloned();
        e.name = quoted_inner.unwrap_or(name);
        for f in std::mem::take(&mut with_country[i]) {
            if !fs.contains(&f) {
                fs.push(f);
            }
        }
        e.aliases = fs.into_iter().filter(|f| *f != e.name).collect();
        e.mentions = of_entity[i]
            .iter()
            .map(|&k| &res.mentions[k])
            .map(|m| Mention {
                text: text.slice(m.start, m.end),
                span: crate::model::Span::new(m.start, m.end),
            })
            .collect();
    }
    assign_ids(&mut res.entities);
    // Countries.
    let country_ids: HashMap<usize, String> = res
        .entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            e.filter(|&e| gazetteer.entry(e).kind == EntityType::Country)
                .map(|e| (e, res.entities[i].id.clone()))
        })
        .collect();
    // "Patras, Greece": a city the gazetteer does not know, written before its country.
    let country_after: HashMap<usize, usize> = res
        .mentions
        .iter()
        .filter_map(|m| {
            let e = res.entries[m.entity]?;
            (gazetteer.entry(e).kind == EntityType::Country).then_some((m.start, e))
        })
        .collect();
    let entries = res.entries.clone();
    for (i, entry) in entries.iter().enumerate() {
        let country = match *entry {
            Some(e) if gazetteer.entry(e).kind != EntityType::Country => gazetteer
                .country_of(e)
                .and_then(|c| country_ids.get(&c).cloned()),
            Some(_) => None,
            None if res.entities[i].kind == EntityType::City => of_entity[i]
                .iter()
                .map(|&k| &res.mentions[k])
                .filter(|m| text.has_at(m.end, ", "))
                .find_map(|m| country_after.get(&(m.end + 2)))
                .and_then(|c| country_ids.get(c).cloned()),
            None => of_entity[i]
                .first()
                .and_then(|&k| prefix_country(&res, &res.mentions[k], gazetteer))
                .and_then(|c| country_ids.get(&c).cloned()),
        };
        res.entities[i].country = country;
    }
    res.mentions
        .sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    res
}

/// The country of an organisation from the first place written in its name.
fn prefix_country(res: &Resolution, first: &Resolved, gazetteer: &Gazetteer) -> Option<usize> {
    res.within(first.start, first.end, true)
        .filter(|m| m.entity != first.entity)
        .find_map(|m| res.entries[m.entity])
        .and_then(|e| gazetteer.country_of(e))
}

fn source_id(gazetteer: &Gazetteer, e: usize) -> String {
    let entry = gazetteer.entry(e);
    entry
        .wikidata
        .as_ref()
        .map(|q| format!("wd:{q}"))
        .unwrap_or_else(|| entry.id.clone())
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[hi] = lo;
    }
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Key of a name for grouping: without quotes, spaces, and a trailing 市/省.
fn norm_key(s: &str) -> String {
    let mut k: String = s
        .chars()
        .filter(|c| !matches!(c, '"' | '《' | '》' | ' ' | '\''))
        .collect();
    if k.chars().count() > 2 && (k.ends_with('市') || k.ends_with('省')) {
        k.pop();
    }
    k
}

/// "the China Import and Export Fair, also known as the Canton Fair": the second name is
/// the first one's. `cands` is sorted by start.
fn other_names(text: &Text, cands: &mut [Candidate]) {
    const LINKS: [&str; 4] = [
        ", also known as the ",
        ", also known as ",
        ", better known as the ",
        ", better known as ",
    ];
    for i in 0..cands.len() {
        let a = &cands[i];
        if a.nested || !text.has_at(a.end, ", ") {
            continue;
        }
        let Some(link) = LINKS.iter().find(|w| text.has_at(a.end, w)) else {
            continue;
        };
        let at = a.end + link.chars().count();
        let (span, kind) = ((a.start, a.end), a.kind);
        let first = i + cands[i..].partition_point(|c| c.start < at);
        if let Some(b) = cands[first..]
            .iter_mut()
            .take_while(|c| c.start == at)
            .find(|c| c.kind == kind && !c.nested)
        {
            b.same_as = Some(span);
        }
    }
}

/// `X(简称Y)`, `X（以下简称“Y”）`: Y becomes a mention of X here and wherever it recurs.
fn declared_short_forms(text: &Text, cands: &mut Vec<Candidate>) {
    let chars = &text.chars;
    let mut added = Vec::new();
    let mut declared = 0;
    // Coverage by candidates other than one exactly at the short form.
    let mut cover_start: Vec<u32> = vec![u32::MAX; chars.len()];
    let mut cover_end: Vec<u32> = vec![0; chars.len()];
    for c in cands.iter() {
        for k in c.start..c.end {
            if cover_start[k] == u32::MAX
                || (c.end - c.start) as u32 > cover_end[k] - cover_start[k]
            {
                cover_start[k] = c.start as u32;
                cover_end[k] = c.end as u32;
            }
        }
    }
    // Covered by a longer name running past the short form (a name inside it, 郑州航空港 in
    // 郑州航空港区, gives way to the short form).
    let covered = |a: usize, b: usize| {
        (a..b).any(|k| {
            cover_start[k] != u32::MAX
                && ((cover_start[k] as usize) < a || cover_end[k] as usize > b)
        })
    };
    for c in cands.iter().filter(|c| !c.nested) {
        let mut p = c.end;
        // “2023厦门—东盟商品交易会”(以下简称“交易会”): past the closing quote.
        if chars.get(p) == Some(&'"') && c.start > 0 && chars[c.start - 1] == '"' {
            p += 1;
        }
        // ("Technology (SCUT)": a space before the parenthesis in English.)
        if chars.get(p) == Some(&' ') && chars.get(p + 1) == Some(&'(') {
            p += 1;
        }
        if !matches!(chars.get(p), Some('(' | '（')) {
            continue;
        }
        p += 1;
        let opened = p;
        for lead in ["以下简称", "以下称", "下称", "简称"] {
            if text.has_at(p, lead) {
                p += lead.chars().count();
                break;
            }
        }
        // "South China University of Technology (SCUT)": an acronym needs no lead word.
        let acronym = (p..(p + 9).min(chars.len()))
            .find(|&k| matches!(chars[k], ')' | '）'))
            .filter(|&k| k >= p + 2 && chars[p..k].iter().all(|c| c.is_ascii_uppercase()));
        if p == opened && acronym.is_none() {
            continue;
        }
        if matches!(chars.get(p), Some(':' | '为')) {
            p += 1;
        }
        let quoted = chars.get(p) == Some(&'"');
        let s = if quoted { p + 1 } else { p };
        let Some(e) = (s..(s + 12).min(chars.len()))
            .find(|&k| matches!(chars[k], '"' | ')' | '）' | '，' | ','))
        else {
            continue;
        };
        if e <= s || e - s > 10 {
            continue;
        }
        let short: Vec<char> = chars[s..e].to_vec();
        if declared >= 20 {
            break;
        }
        declared += 1;
        let mut at = s;
        // (An acronym only as a whole word.)
        let whole = |a: usize, b: usize| {
            acronym.is_none()
                || !(a > 0 && chars[a - 1].is_ascii_alphanumeric()
                    || chars.get(b).is_some_and(|c| c.is_ascii_alphanumeric()))
        };
        while at + short.len() <= chars.len() {
            if chars[at..at + short.len()] == short[..]
                && !covered(at, at + short.len())
                && whole(at, at + short.len())
            {
                let mut m = c.clone();
                m.start = at;
                m.end = at + short.len();
                m.origin = Origin::Alias;
                m.nested = false;
                m.same_as = Some((c.start, c.end));
                m.title = None;
                added.push(m);
                at += short.len();
            } else {
                at += 1;
            }
        }
    }
    let spans: rustc_hash::FxHashSet<(usize, usize)> =
        added.iter().map(|a| (a.start, a.end)).collect();
    let mut by_start: Vec<(usize, usize)> = spans.iter().copied().collect();
    by_start.sort_unstable();
    cands.retain(|c| {
        // Short forms are at most 10 characters: only those starting that close before.
        let k = by_start.partition_point(|&(s, _)| s <= c.start);
        let inside_added = c.origin == Origin::Suffix
            && by_start[..k]
                .iter()
                .rev()
                .take_while(|&&(s, _)| s + 10 >= c.start)
                .any(|&(_, e)| c.end <= e);
        !(spans.contains(&(c.start, c.end)) || inside_added)
    });
    cands.extend(added);
}

/// Pairs of entities of one type where one name is a short form of the other
/// (辽宁自贸区 / 辽宁自贸试验区, 长春市友协 / 长春市人民对外友好协会).
fn short_form_pairs(res: &Resolution, forms: &[Vec<String>], rules: &Rules) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let n = res.entities.len();
    let firsts: Vec<Vec<char>> = forms.iter().map(|f| unquoted_first_form(f)).collect();
    let short_suffixes: Vec<(Vec<char>, Vec<char>)> = rules
        .short_suffixes
        .iter()
        .map(|(full, brief)| (full.chars().collect(), brief.chars().collect()))
        .collect();
    // The places named inside each event's first mention, in order.
    let mut event_places: Vec<Option<Vec<usize>>> = vec![None; n];
    for m in res.mentions.iter().filter(|m| !m.nested) {
        if res.entities[m.entity].kind != EntityType::Event || event_places[m.entity].is_some() {
            continue;
        }
        let mut places: Vec<usize> = res
            .within(m.start, m.end, true)
            .filter(|i| i.nested && res.entities[i.entity].kind.is_place())
            .map(|i| i.entity)
            .collect();
        places.dedup();
        event_places[m.entity] = Some(places);
    }
    // How many leading characters of each firm's first mention name a place
    // (越南 of 越南安富商业股份银行).
    let mut lead_place: Vec<Option<usize>> = vec![None; n];
    for m in &res.mentions {
        if !matches!(
            res.entities[m.entity].kind,
            EntityType::Bank | EntityType::Company
        ) || lead_place[m.entity].is_some()
        {
            continue;
        }
        let place = res
            .within(m.start, m.end, true)
            .filter(|i| {
                i.start == m.start && i.end < m.end && res.entities[i.entity].kind.is_place()
            })
            .map(|i| i.end - i.start)
            .max();
        lead_place[m.entity] = Some(place.unwrap_or(0));
    }
    for a in 0..n {
        if res.entries[a].is_some()
            || res.entities[a].kind.is_place()
            || res.entities[a].kind == EntityType::Person
        {
            continue;
        }
        for b in 0..n {
            if a == b || res.entries[b].is_some() || res.entities[a].kind != res.entities[b].kind {
                continue;
            }
            let (short, long) = (&firsts[a], &firsts[b]);
            // 中老…推进会 of 中国老挝…推进会暨招商签约活动: the first of two joined events.
            let joined_head = res.entities[a].kind == EntityType::Event
                && short.len() >= 5
                && long.iter().position(|&c| c == '暨').is_some_and(|p| {
                    let head = &long[..p];
                    p > 0
                        && short[0] == head[0]
                        && head.ends_with(&short[short.len() - 3..])
                        && is_subsequence(short, head)
                });
            if joined_head {
                out.push((a, b));
                continue;
            }
            // 赣智经贸推介会 of 2024江西—智利经贸合作推介会: a headline writes the places by
            // their short forms.
            // (中吉…洽谈会 of 中国（喀什）—吉尔吉斯斯坦…洽谈会: the places in order, maybe fewer.)
            if let (Some(pa), Some(pb)) = (&event_places[a], &event_places[b])
                && pa.len() >= 2
                && {
                    let mut rest = pb.iter();
                    pa.iter().all(|p| rest.any(|q| q == p))
                }
                && short.len() >= 5
                && long.len() > short.len()
                && long.ends_with(&short[short.len() - 3..])
                && is_subsequence(&short[pa.len()..], long)
            {
                out.push((a, b));
                continue;
            }
            // 意（宁波）生态园 of 中意（宁波）生态园: a name whose first character a word on
            // its left took (从中意…).
            if short.len() >= 5 && long.len() == short.len() + 1 && long[1..] == short[..] {
                out.push((a, b));
                continue;
            }
            // The same name but for the edition year (中国（河南）—乌兹别克斯坦…博览会 too).
            if short.len() >= 3 && short == long {
                out.push((a, b));
                continue;
            }
            if short.len() < 3 || short.len() > long.len() || !short.iter().all(|c| is_han(*c)) {
                continue;
            }
            // 安富银行 of 越南安富商业股份银行: a foreign firm named without its country.
            if let Some(lead) = lead_place[b].filter(|&l| l > 0 && l < long.len())
                && let bare = &long[lead..]
                && short[0] == bare[0]
                && short.len() < bare.len()
                && bare.ends_with(&short[short.len() - 2..])
                && is_subsequence(short, bare)
            {
                out.push((a, b));
                continue;
            }
            // 太仓高新区 of 太仓高新技术产业开发区: a suffix written in its usual short form.
            if short_suffixes.iter().any(|(full, brief)| {
                long.ends_with(full)
                    && short.ends_with(brief)
                    // (厦门火炬高技术产业开发区 → 火炬高新区: the place may go too.)
                    && long[..long.len() - full.len()].ends_with(&short[..short.len() - brief.len()])
                    && short.len() > brief.len()
            }) {
                out.push((a, b));
                continue;
            }
            if short.last() != long.last() && !(short.len() >= 4 && short[0] == long[0]) {
                continue;
            }
            // Same first character and a subsequence (abbreviations keep order), or the
            // long form is a place name followed by the short form.
            let tail = &long[long.len().saturating_sub(6)..];
            // (杭州市人民政府 is not 杭州市钱塘区人民政府: a government of a district or
            // county below is another.)
            // (熊本大学 is not 熊本县立大学 either: a body founded by a level of government.)
            let lower_level = short.ends_with(&['政', '府'])
                && ['区', '县']
                    .iter()
                    .any(|c| long.contains(c) && !short.contains(c))
                || long.windows(2).any(|w| {
                    w[1] == '立' && matches!(w[0], '县' | '市' | '州' | '府' | '道' | '都' | '国')
                }) && !short.contains(&'立');
            let subsequence = short[0] == long[0]
                && is_subsequence(short, long)
                && !long.starts_with(short)
                && tail.contains(&short[short.len() - 2])
                && tail.contains(&short[short.len() - 1])
                && !lower_level;
            let place_prefixed =
                long.ends_with(short) && long.len() - short.len() >= 2 && short.len() >= 4;
            // 数字经济合作交流会 of 杭州—德累斯顿数字经济与智能制造合作交流会: a headline
            // drops the places and a field of an event's name.
            let event_headline = res.entities[a].kind == EntityType::Event
                && short.len() >= 5
                && long.ends_with(&short[short.len() - 3..])
                && long
                    .windows(2)
                    .position(|w| w == &short[..2])
                    .is_some_and(|p| p > 0 && is_subsequence(short, &long[p..]));
            if subsequence || place_prefixed || event_headline {
                out.push((a, b));
            }
        }
    }
    // "Regional Council" of "Bay of Plenty Regional Council": an English name's last
    // words, when they end one name only.
    for a in 0..n {
        let short = &firsts[a];
        let kind = res.entities[a].kind;
        if res.entries[a].is_some()
            || kind.is_place()
            || kind == EntityType::Person
            || !short.first().is_some_and(|c| c.is_ascii_uppercase())
            || !short.contains(&' ')
        {
            continue;
        }
        let mut longs = (0..n).filter(|&b| {
            let long = &firsts[b];
            b != a
                && res.entities[b].kind == kind
                && long.len() > short.len() + 1
                && long.ends_with(short)
                && long[long.len() - short.len() - 1] == ' '
                // ("the Nansha Area of the China (Guangdong) Pilot Free Trade Zone": the
                // zone after "of" is another.)
                && !long[..long.len() - short.len() - 1].ends_with(&[' ', 'o', 'f', ' ', 't', 'h', 'e'])
                && !long[..long.len() - short.len() - 1].ends_with(&[' ', 'o', 'f'])
        });
        if let (Some(b), None) = (longs.next(), longs.next()) {
            out.push((a, b));
        }
    }
    out
}

fn is_subsequence(short: &[char], long: &[char]) -> bool {
    let mut it = long.iter();
    short.iter().all(|c| it.any(|l| l == c))
}

/// Bare tails (示范区, 管委会, 交流会) and 该/这个/此 + tail: mentions of the nearest
/// entity whose name ends with that tail.
fn back_references(text: &Text, rules: &Rules, res: &mut Resolution) {
    let mut tails: Vec<(String, usize)> = Vec::new(); // (tail, entity)
    let mut first_mention: Vec<Option<&Resolved>> = vec![None; res.entities.len()];
    for m in &res.mentions {
        first_mention[m.entity].get_or_insert(m);
    }
    for (i, e) in res.entities.iter().enumerate() {
        if e.kind.is_place() || e.kind == EntityType::Person {
            continue;
        }
        let Some(first) = first_mention[i] else {
            continue;
        };
        let name = text.norm(first.start, first.end);
        // Every proper ending of the name that is a suffix rule (示范区 of 中日…示范区).
        for (at, _) in name.char_indices().skip(1) {
            if let Some(tail) = rules.tails.get(&name[at..]) {
                tails.push((tail.clone(), i));
            }
        }
        // The usual short form of its suffix (经开区 of …经济技术开发区).
        for (full, brief) in &rules.short_suffixes {
            if name.ends_with(full.as_str()) && !tails.iter().any(|t| t.0 == *brief && t.1 == i) {
                tails.push((brief.clone(), i));
            }
        }
        // Tails built from the name itself (工业园 in 中新苏州工业园): its last 3 characters.
        let chars: Vec<char> = name.chars().filter(|c| is_han(*c)).collect();
        if chars.len() >= 6 {
            let tail: String = chars[chars.len() - 3..].iter().collect();
            if !tails.iter().any(|t| t.0 == tail && t.1 == i) {
                tails.push((tail, i));
            }
        }
    }
    if tails.is_empty() {
        return;
    }
    let mut occupied = occupied(res, text.chars.len());
    let mut unique: Vec<String> = tails.iter().map(|t| t.0.clone()).collect();
    unique.sort();
    unique.dedup();
    // A handful of tails per document: a direct leftmost-longest scan over the
    // characters costs less than building an automaton for them.
    let tail_chars: Vec<Vec<char>> = unique.iter().map(|t| t.chars().collect()).collect();
    // tail → (mention start, entity) of every mention of the entities it ends, sorted
    let mut by_tail: HashMap<&str, Vec<(usize, usize)>> = HashMap::default();
    let mut starts: Vec<Vec<usize>> = vec![Vec::new(); res.entities.len()];
    for m in &res.mentions {
        starts[m.entity].push(m.start);
    }
    for (tail, entity) in &tails {
        let list = by_tail.entry(tail.as_str()).or_default();
        list.extend(starts[*entity].iter().map(|&s| (s, *entity)));
    }
    for v in by_tail.values_mut() {
        v.sort_unstable();
    }
    let mut added = Vec::new();
    let chars = &text.chars;
    // Tails by first character.
    let mut by_first: HashMap<char, Vec<usize>> = HashMap::default();
    for (p, t) in tail_chars.iter().enumerate() {
        if let Some(&c) = t.first() {
            by_first.entry(c).or_default().push(p);
        }
    }
    let mut next = 0;
    while next < chars.len() {
        let at = next;
        let Some(candidates) = by_first.get(&chars[at]) else {
            next += 1;
            continue;
        };
        let Some((pattern, n)) = candidates
            .iter()
            .map(|&p| (p, &tail_chars[p]))
            .filter(|(_, t)| chars[at..].starts_with(t))
            .map(|(p, t)| (p, t.len()))
            .max_by_key(|&(_, n)| n)
        else {
            next += 1;
            continue;
        };
        next = at + n;
        let tail = &unique[pattern];
        if (at..at + n).any(|k| occupied[k]) {
            continue;
        }
        // Standalone: not glued to name characters on the left (unless 该/这个/此).
        let demonstrative = ["该", "这个", "此", "这一", "本"]
            .iter()
            .any(|d| text.has_before(at, d));
        let glued_left = at > 0 && is_han(text.chars[at - 1]) && !demonstrative;
        let glued_left = glued_left
            && ![
                "在", "与", "的", "由", "是", "对", "从", "到", "为", "设立", "建设", "入驻",
                "落户", "考察", "参观", "走进", "推进",
            ]
            .iter()
            .any(|d| text.has_before(at, d));
        if glued_left {
            continue;
        }
        // The entity with this tail named last before, else the first named after.
        let Some(list) = by_tail.get(tail.as_str()) else {
            continue;
        };
        let i = list.partition_point(|&(first, _)| first < at);
        let target = if i > 0 { list.get(i - 1) } else { list.first() };
        if let Some(&(_, entity)) = target {
            for o in occupied.iter_mut().take(at + n).skip(at) {
                *o = true;
            }
            added.push(Resolved {
                start: at,
                end: at + n,
                entity,
                origin: Origin::Alias,
                nested: false,
                title: None,
            });
        }
    }
    res.mentions.extend(added);
    res.mentions
        .sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
}

/// 该 + a suffix word (该产业园 after 中东欧（宁波）国际产业合作园), and a bare zone word
/// opening a clause (，园区累计引进企业312家): the entity of that suffix's type named
/// last, even when its name ends otherwise.
fn demonstrative_references(text: &Text, rules: &Rules, res: &mut Resolution) {
    let chars = &text.chars;
    let occupied = occupied(res, chars.len());
    let mut added = Vec::new();
    // Also a bare zone word opening a clause (，园区累计引进企业312家).
    let opens_clause = |at: usize| {
        at == 0 || matches!(chars[at - 1], '，' | ',' | '。' | '；' | ';' | '\n' | '　')
    };
    let starts = chars.iter().enumerate().filter_map(|(at, c)| {
        if *c == '该' {
            Some((at, at + 1, false))
        } else if opens_clause(at) && is_han(*c) {
            Some((at, at, true))
        } else {
            None
        }
    });
    let firsts: rustc_hash::FxHashSet<char> = rules
        .tails
        .iter()
        .filter_map(|t| t.chars().next())
        .collect();
    for (at, start, bare) in starts {
        if chars.get(start).is_none_or(|c| !firsts.contains(c)) {
            continue;
        }
        let Some((n, kind)) = (2..=5).rev().find_map(|n| {
            let end = start + n;
            if end > chars.len() || (start..end).any(|k| occupied[k]) {
                return None;
            }
            let word = text.norm(start, end);
            if !rules.tails.contains(&word) {
                return None;
            }
            let (_, kind, _, _) = rules.suffixes.iter().find(|s| s.0 == word)?;
            Some((n, *kind))
        }) else {
            continue;
        };
        if kind.is_place()
            || kind == EntityType::Person
            || bare
                && (kind != EntityType::EconomicZone
                    || !rules.generic.contains(&text.norm(start, start + n)))
        {
            continue;
        }
        let before = res.mentions.partition_point(|m| m.start < at);
        // (该项目 is a project named …项目, not any project: 中欧班列(重庆).)
        let word = text.norm(start, start + n);
        // (Within a few sentences back: run-on text stays linear.)
        let target = res.mentions[..before]
            .iter()
            .rev()
            .take_while(|m| m.start + 2000 >= at)
            .find(|m| {
                let e = &res.entities[m.entity];
                e.kind == kind && (kind != EntityType::Project || e.name.ends_with(word.as_str()))
            });
        if let Some(m) = target {
            added.push((start, start + n, m.entity));
        }
    }
    add_references(res, added);
}

/// 我校 in a university's own news: the Chinese university the text names most (the
/// first of equals), when it names one; not one named with a foreign country.
fn our_school(text: &Text, gazetteer: &Gazetteer, res: &mut Resolution) {
    let chars = &text.chars;
    let at: Vec<usize> = (0..chars.len().saturating_sub(1))
        .filter(|&k| chars[k] == '我' && chars[k + 1] == '校')
        .collect();
    if at.is_empty() {
        return;
    }
    let mut counts = vec![0usize; res.entities.len()];
    let mut foreign = vec![false; res.entities.len()];
    let mut school_named = vec![false; res.entities.len()];
    let foreign_country = |e: usize| {
        res.entities[e].kind == EntityType::Country
            && res.entries[e].is_some_and(|g| gazetteer.entry(g).id != "iso:CN")
    };
    for (k, m) in res.mentions.iter().enumerate() {
        counts[m.entity] += 1;
        let before = res.mentions[..k]
            .iter()
            .rev()
            .take(3)
            .chain(res.mentions.get(k + 1))
            .any(|c| {
                (c.end == m.start || c.start == m.start && c.end < m.end)
                    && foreign_country(c.entity)
            });
        foreign[m.entity] |= before;
        school_named[m.entity] |= ["大学", "学院", "学校"]
            .iter()
            .any(|w| text.has_before(m.end, w));
    }
    let school = (0..res.entities.len())
        .filter(|&e| {
            !foreign[e] && school_named[e] && res.entities[e].kind == EntityType::ResearchBody
        })
        .max_by_key(|&e| (counts[e], std::cmp::Reverse(e)));
    let Some(school) = school else { return };
    let occupied = occupied(res, chars.len());
    let added = at
        .into_iter()
        .filter(|&k| !occupied[k] && !occupied[k + 1])
        .map(|k| (k, k + 2, school))
        .collect();
    add_references(res, added);
}

/// Adds the back-references found, `(start, end, entity)`, as mentions of their entities.
fn add_references(res: &mut Resolution, added: Vec<(usize, usize, usize)>) {
    if added.is_empty() {
        return;
    }
    res.mentions
        .extend(added.into_iter().map(|(start, end, entity)| Resolved {
            start,
            end,
            entity,
            origin: Origin::Alias,
            nested: false,
            title: None,
        }));
    res.mentions
        .sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
}

/// "The forum was hosted by …": an English definite description opening a sentence names
/// the event or place of that kind named last ("… Agricultural Cooperation Forum"). (Not
/// elsewhere: "figures presented at the forum showed that trade between …" is about
/// trade.)
fn definite_references(text: &Text, res: &mut Resolution) {
    const NOUNS: [&str; 9] = [
        "forum",
        "expo",
        "fair",
        "summit",
        "conference",
        "festival",
        "exhibition",
        "zone",
        "park",
    ];
    let chars = &text.chars;
    let mut added = Vec::new();
    let mut occupied: Option<Vec<bool>> = None;
    for at in 0..chars.len().saturating_sub(4) {
        if chars[at] != 'T'
            || chars[at + 1] != 'h'
            || chars[at + 2] != 'e'
            || chars[at + 3] != ' '
            || at > 0 && !(chars[at - 1] == '\n' || text.has_before(at, ". "))
        {
            continue;
        }
        let start = at + 4;
        let end = (start..chars.len())
            .find(|&k| !chars[k].is_ascii_lowercase())
            .unwrap_or(chars.len());
        let noun = text.norm_str(start, end);
        if !NOUNS.contains(&noun) || chars.get(end).is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        // ("the forum Shanghai Dialogue": a name follows.)
        if text.has_at(end, " ") && chars.get(end + 1).is_some_and(|c| c.is_uppercase()) {
            continue;
        }
        let occupied = occupied.get_or_insert_with(|| self::occupied(res, chars.len()));
        if (start..end).any(|k| occupied[k]) {
            continue;
        }
        let before = res.mentions.partition_point(|m| m.start < at);
        // (Within a few sentences back: run-on text stays linear.)
        let target = res.mentions[..before]
            .iter()
            .rev()
            .take_while(|m| m.start + 2000 >= at)
            .find(|m| {
                !res.entities[m.entity].kind.is_place()
                    && m.end - m.start > noun.len()
                    && text.has_before(m.end, noun_title(noun).as_str())
                    && text.chars[m.end - noun.len() - 1] == ' '
            });
        if let Some(m) = target {
            added.push((start, end, m.entity));
        }
    }
    add_references(res, added);
}

/// "forum" → "Forum".
fn noun_title(noun: &str) -> String {
    let mut chars = noun.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// For each character of a text of `len` characters, whether a mention covers it.
fn occupied(res: &Resolution, len: usize) -> Vec<bool> {
    let mut out = vec![false; len];
    for m in &res.mentions {
        for o in out.iter_mut().take(m.end).skip(m.start) {
            *o = true;
        }
    }
    out
}

/// Stable, unique slugs: `city-qingdao`, `person-王海`.
fn assign_ids(entities: &mut [Entity]) {
    let mut used: HashMap<String, usize> = HashMap::default();
    for e in entities.iter_mut() {
        let base = e
            .label_en
            .as_deref()
            .filter(|l| l.is_ascii())
            .unwrap_or(&e.name)
            .to_lowercase();
        // kind-slug: the alphanumeric runs of the name joined by single hyphens.
        let mut id = e.kind.as_str().to_lowercase();
        id.push('-');
        let slug_start = id.len();
        let mut gap = false;
        for c in base.chars() {
            if !c.is_alphanumeric() {
                gap = true;
                continue;
            }
            if gap && id.len() > slug_start {
                id.push('-');
            }
            gap = false;
            id.push(c);
        }
        let count = used.entry(id.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            id = format!("{id}-{count}");
        }
        e.id = id;
    }
}

/// The first form of an entity without its quote marks and edition year, as characters.
fn unquoted_first_form(forms: &[String]) -> Vec<char> {
    let mut form: Vec<char> = forms
        .first()
        .map(|f| {
            f.chars()
                .filter(|c| !matches!(c, '"' | '“' | '”'))
                .collect()
        })
        .unwrap_or_default();
    // 2021中韩(威海)…论坛 is the 中韩…论坛 of the headline: an edition year is no part.
    if form.len() > 6 && form[..4].iter().all(char::is_ascii_digit) && !form[4].is_ascii_digit() {
        form.drain(..4);
    }
    form
}
