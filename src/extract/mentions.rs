//! Mention recognition: gazetteer names, compound abbreviations (中日, 辽日),
//! organisation / zone / event names by suffix, quoted names, and people next to titles.
//!
//! Entry point: [`Recogniser::recognise`], which returns [`Candidate`]s with character
//! offsets; [`crate::extract::Extractor`] resolves them into entities.
//!
//! ```
//! use cckg::extract::Extractor;
//! let x = Extractor::new().unwrap();
//! let out = x.extract("a.txt", "由示例市政府主办的“示例合作交流会”昨日举行。");
//! assert!(out.entities.iter().any(|e| e.name == "示例合作交流会"));
//! ```

use crate::extract::rules::Rules;
use crate::extract::text::{Text, is_han};
use crate::gazetteer::{Form, Gazetteer, Matcher};
use crate::model::EntityType;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use jieba_rs::Jieba;

/// How a candidate was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A gazetteer name or alias.
    Gazetteer,
    /// A one-character form inside a compound (中日 → 中, 日).
    Abbrev,
    /// A name ending in a known suffix.
    Suffix,
    /// A name in quotes or 《》.
    Quoted,
    /// A person next to a title.
    Title,
    /// An English capitalised name.
    English,
    /// A dateline or source line (新华社大连2月27日电, 来源：…).
    Source,
    /// A short form declared in the text (简称…) or a back-reference (该示范区).
    Alias,
    /// An English adjective of a country (British): a mention, never a name.
    Demonym,
}

/// A recognised mention before resolution.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// Entity type.
    pub kind: EntityType,
    /// Gazetteer entry, when known.
    pub entry: Option<usize>,
    /// How it was found.
    pub origin: Origin,
    /// Whether it lies inside a longer candidate (a place inside an organisation name).
    pub nested: bool,
    /// A key shared by candidates that name the same entity (quoted event and its long form).
    pub same_as: Option<(usize, usize)>,
    /// For people: the title written next to the name, and where it is.
    pub title: Option<(usize, usize)>,
}

impl Candidate {
    fn new(start: usize, end: usize, kind: EntityType, origin: Origin) -> Self {
        Self {
            start,
            end,
            kind,
            entry: None,
            origin,
            nested: false,
            same_as: None,
            title: None,
        }
    }
}

/// Suffixes of units that belong to the organisation named before them.
pub const BRANCH: [&str; 11] = [
    " Branch",
    "分行",
    "支行",
    "分公司",
    "片区",
    "分会",
    "办事处",
    "代表处",
    "事务所",
    "联络处",
    "子公司",
];

/// Suffixes of offices, which share their parent's type and belong to it (even to a
/// place: 京畿道驻烟台经贸代表处 is part of 京畿道).
pub const OFFICES: [&str; 5] = ["代表处", "办事处", "事务所", "联络处", "分会"];

/// One-character endings of words made of a city name (烟台港, 青岛人, 大连湾).
/// Words before 企业 that make it a description of the firm named next (园区企业X有限公司).
const FIRM_KINDS: [&str; 18] = [
    "园区", "区内", "当地", "本地", "外资", "外商", "日资", "韩资", "德资", "法资", "美资", "港资",
    "台资", "民营", "龙头", "知名", "会员", "入驻",
];

/// Words after 企业 that continue a company's own name (企业管理有限公司).
const NAME_AFTER_FIRM: [&str; 6] = ["管理", "发展", "服务", "咨询", "投资", "家"];

/// Verbs after a one-character place (在渝投资) that the segmenter may take for nouns.
const LONE_FORM_VERBS: [&str; 12] = [
    "投资", "发展", "合作", "交流", "经营", "考察", "访问", "期间", "举办", "设立", "工作", "落户",
];

const PLACE_WORD_ENDS: [char; 8] = ['港', '人', '湾', '站', '籍', '企', '商', '方'];

/// The recogniser: rules, gazetteer matcher and segmenter, shared across threads.
pub struct Recogniser<'a> {
    /// Rules.
    pub rules: &'a Rules,
    /// Gazetteer.
    pub gazetteer: &'a Gazetteer,
    /// Gazetteer matcher.
    pub matcher: &'a Matcher,
    /// Suffix automaton (overlapping search).
    pub suffixes: &'a AhoCorasick,
    /// Title automaton (leftmost-longest).
    pub titles: &'a AhoCorasick,
    /// Segmenter.
    pub jieba: &'a Jieba,
    /// Gazetteer short forms that are also common words.
    pub ambiguous: &'a rustc_hash::FxHashSet<String>,
    /// Characters of transliterated foreign names.
    pub transliteration: &'a rustc_hash::FxHashSet<char>,
}

/// The type news text gives a gazetteer entry: provincial-level cities (北京市, 重庆市)
/// and Tokyo (东京都) are cities.
fn display_kind(entry: &crate::gazetteer::Entry) -> EntityType {
    match entry.kind {
        EntityType::Province if entry.name.ends_with('市') => EntityType::City,
        EntityType::Prefecture if entry.name.ends_with('都') => EntityType::City,
        kind => kind,
    }
}

/// Whether the word before `at` is capitalised (Chen Jining): the match is then part of
/// a longer name. Compass words and articles (Central China, The) do not count.
fn prev_capitalised(text: &Text, at: usize) -> bool {
    if at < 2 || text.chars[at - 1] != ' ' || !text.chars[at - 2].is_alphabetic() {
        return false;
    }
    let mut k = at - 2;
    while k > 0 && text.chars[k - 1].is_alphabetic() {
        k -= 1;
    }
    let word: String = text.chars[k..at - 1].iter().collect();
    // Function words opening a sentence ("Among Suzhou's 29 sister cities").
    let article = matches!(
        word.as_str(),
        "The"
            | "In"
            | "Of"
            | "From"
            | "To"
            | "And"
            | "With"
            | "At"
            | "For"
            | "By"
            | "On"
            | "Among"
            | "Like"
            | "Unlike"
            | "During"
            | "After"
            | "Before"
            | "Since"
            | "Across"
            | "Between"
            | "Besides"
            | "Beyond"
            | "Both"
            | "But"
            | "While"
            | "When"
            | "As"
            | "Including"
            | "Outside"
            | "Within"
            | "Through"
            | "Following"
            | "Despite"
            | "Its"
            | "Their"
    );
    word.chars().next().is_some_and(char::is_uppercase) && !is_compass(&word) && !article
}

/// Endings that make a country's adjective say who owns a firm ("Chinese-owned").
const OWNED_BY: [&str; 4] = ["-owned", "-invested", "-funded", "-backed"];

/// Compass words, never a place on their own (Central China).
fn is_compass(word: &str) -> bool {
    matches!(
        word,
        "Central"
            | "North"
            | "South"
            | "East"
            | "West"
            | "Northern"
            | "Southern"
            | "Eastern"
            | "Western"
            | "Northeast"
            | "Northwest"
            | "Southeast"
            | "Southwest"
            | "Middle"
            | "Mid"
    )
}

fn form_text(text: &Text, s: usize, e: usize) -> String {
    text.chars[s..e].iter().collect()
}

/// Builds the suffix automaton of `rules`.
pub fn suffix_automaton(rules: &Rules) -> crate::Result<AhoCorasick> {
    AhoCorasickBuilder::new()
        .kind(Some(AhoCorasickKind::DFA))
        .match_kind(MatchKind::Standard)
        .build(rules.suffixes.iter().map(|s| s.0.as_str()))
        .map_err(|e| crate::Error::Invalid(format!("suffix automaton: {e}")))
}

/// Builds the title automaton of `rules`.
pub fn title_automaton(rules: &Rules) -> crate::Result<AhoCorasick> {
    AhoCorasickBuilder::new()
        .kind(Some(AhoCorasickKind::DFA))
        .match_kind(MatchKind::LeftmostLongest)
        .build(rules.titles.iter().map(String::as_str))
        .map_err(|e| crate::Error::Invalid(format!("title automaton: {e}")))
}

/// Words that follow 记者 in a report's own voice (记者从…获悉, 记者近日在…看到); not 于,
/// a common family name (记者于洋).
/// Capitalised words that open a sentence before a name ("Yesterday Anna Berg, …").
const SENTENCE_OPENERS: &[&str] = &[
    "Yesterday",
    "Today",
    "Tomorrow",
    "Meanwhile",
    "Also",
    "And",
    "But",
    "In",
    "On",
    "At",
    "The",
    "This",
    "That",
    "Earlier",
    "Later",
    "Last",
    "Next",
    "When",
    "While",
    "After",
    "Before",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "Then",
    "Now",
    "There",
    "Here",
    "As",
    "For",
    "With",
    "From",
    "By",
    "Since",
    "Under",
    "During",
    "According",
];
/// The credits of a byline, each before a slash and a name (文/王婧 图/李昂).
const CREDITS: &[&str] = &[
    "文", "图", "摄", "摄影", "审核", "审校", "校对", "编辑", "责编", "撰稿", "供稿", "初审",
    "复审", "终审", "编审", "美编", "视频", "制图", "排版",
];
const REPORTER_VERBS: [&str; 11] = [
    "从",
    "在",
    "近日",
    "日前",
    "昨日",
    "今日",
    "获悉",
    "了解",
    "注意到",
    "看到",
    "采访",
];

/// Whether `c` is a digit or a Chinese numeral (第八届, 45周年).
fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "〇一二三四五六七八九十百".contains(c)
}

/// Where an event's name starts when the edition or the year is written onto it
/// (第八届中国—俄罗斯博览会, 首届…交流展, 2024大连—大阪经贸合作洽谈会, 2024年…交流周),
/// given where it starts without.
fn edition_start(text: &Text, mut start: usize) -> usize {
    // (第二十届中国西藏—尼泊尔经贸洽谈会: the edition before the country the name opens with.)
    if text.has_before(start, "中国") && start > 2 {
        let with_country = edition_start(text, start - 2);
        if with_country < start - 2 {
            return with_country;
        }
    }
    if text.has_before(start, "首届") {
        return start - 2;
    }
    if start > 0 && text.chars[start - 1] == '届' {
        let mut k = start - 1;
        while k > 0 && is_numeral(text.chars[k - 1]) {
            k -= 1;
        }
        if k > 0 && k < start - 1 && text.chars[k - 1] == '第' {
            start = k - 1;
        }
    }
    // (Also 2024年大连—舞鹤友好交流周.)
    let year_end = start - usize::from(start > 0 && text.chars[start - 1] == '年');
    if year_end >= 4
        && is_year(&text.norm(year_end - 4, year_end))
        && (year_end == 4 || !text.chars[year_end - 5].is_ascii_digit())
    {
        start = year_end - 4;
    }
    start
}

/// Where an anniversary event's name starts when `[start, suffix)` begins with its
/// number of years (45周年纪念…): at the first place of a tie phrase (X与Y缔结友好城市,
/// X和Y建交) that opens the clause, at most a time word after its start.
fn anniversary_start(text: &Text, ends: &Ends, start: usize, suffix: usize) -> Option<usize> {
    let chars = &text.chars;
    let mut years = start;
    while years < suffix && is_numeral(chars[years]) {
        years += 1;
    }
    // (…十周年纪念活动暨…对接会: the name found so far starts after 周年.)
    let start = if text.has_before(start, "周年") && start >= 3 && is_numeral(chars[start - 3]) {
        start - 2
    } else if text.has_at(years, "周年") {
        start
    } else {
        return None;
    };
    let mut numeral = start;
    while numeral > 0 && is_numeral(chars[numeral - 1]) {
        numeral -= 1;
    }
    let mut open = numeral;
    while open > 0 && numeral - open < 40 && is_han(chars[open - 1]) {
        open -= 1;
    }
    let place = (open..numeral.min(open + 5)).find(|k| ends.starts.contains_key(k))?;
    let tie: String = chars[place..numeral].iter().collect();
    let joined = tie.contains('与') || tie.contains('和') || tie.contains('同');
    let marks = [
        "友好城市",
        "友城",
        "友好省",
        "友好关系",
        "建交",
        "结好",
        "缔结",
        "友好交流",
    ];
    // (长春市与日本仙台市举办友好城市结好45周年…: a verb ends the tie phrase.)
    let verb = ["举办", "举行", "召开", "开展"]
        .iter()
        .any(|v| tie.contains(v));
    (place < numeral && joined && !verb && marks.iter().any(|m| tie.contains(m))).then_some(place)
}

/// 中新苏州工业园区联合工作委员会第二十六次会议: a numbered session of a body is an event
/// named after it.
fn sessions(text: &Text, out: &mut Vec<Candidate>) {
    let chars = &text.chars;
    let mut from = 0;
    let mut made = Vec::new();
    // The earliest-starting body ending at each position.
    let mut bodies: rustc_hash::FxHashMap<usize, usize> = Default::default();
    for c in out
        .iter()
        .filter(|c| !c.kind.is_place() && !matches!(c.kind, EntityType::Person | EntityType::Event))
    {
        let start = bodies.entry(c.end).or_insert(c.start);
        *start = (*start).min(c.start);
    }
    while let Some(at) = text.find("次会议", from, chars.len()) {
        from = at + 3;
        let mut k = at;
        while k > 0 && is_numeral(chars[k - 1]) {
            k -= 1;
        }
        if k == 0 || k == at || chars[k - 1] != '第' {
            continue;
        }
        if let Some(&b) = bodies.get(&(k - 1)) {
            made.push(Candidate::new(b, at + 3, EntityType::Event, Origin::Suffix));
        }
    }
    out.extend(made);
}

/// An outlet's name at `[s, e)`: it replaces the names recognised inside it (北疆口岸 in
/// 北疆口岸观察, 天山 in 天山口岸报), unless another name runs across it.
fn push_outlet(out: &mut Vec<Candidate>, s: usize, e: usize) {
    let inside = |c: &Candidate| {
        matches!(c.origin, Origin::Suffix | Origin::Gazetteer) && s <= c.start && c.end <= e
    };
    if out
        .iter()
        .any(|c| c.start < e && s < c.end && c.origin != Origin::Abbrev && !inside(c))
    {
        return;
    }
    out.retain(|c| !inside(c));
    out.push(Candidate::new(s, e, EntityType::Company, Origin::Source));
}

/// …推进会暨招商签约活动: two events joined by 暨 are one; an event's name does not
/// start inside another name (磨憨—磨丁经济合作区建设推进会).
fn joined_events(text: &Text, out: &mut Vec<Candidate>) {
    // Names by end: the one ending inside an event's name, right after its start.
    let mut names: Vec<(usize, usize)> = out
        .iter()
        .filter(|c| c.kind != EntityType::Event && c.origin == Origin::Suffix)
        .map(|c| (c.end, c.start))
        .collect();
    names.sort_unstable();
    for e in out
        .iter_mut()
        .filter(|c| c.kind == EntityType::Event && c.origin == Origin::Suffix)
    {
        let k = names.partition_point(|&(end, _)| end <= e.start);
        if let Some(&(end, start)) = names.get(k)
            && start < e.start
            && end <= e.end
        {
            e.start = start;
        }
    }
    // Events by start, to find the one running over 暨 after another.
    let mut events: Vec<(usize, usize)> = out
        .iter()
        .filter(|c| c.kind == EntityType::Event && c.origin == Origin::Suffix)
        .map(|c| (c.start, c.end))
        .collect();
    events.sort_unstable();
    let mut joined: Vec<(usize, usize)> = Vec::new();
    for &(a_start, a_end) in &events {
        if text.chars.get(a_end) != Some(&'暨') {
            continue;
        }
        let k = events.partition_point(|&(start, _)| start <= a_start);
        if let Some(&(_, b_end)) = events[k..]
            .iter()
            .take_while(|&&(b_start, _)| b_start <= a_end)
            .find(|&&(_, b_end)| a_end < b_end)
        {
            joined.push((a_start, b_end));
        }
    }
    if joined.is_empty() {
        return;
    }
    // `joined` is sorted by start: the last one starting at or before an event.
    out.retain(|c| {
        let k = joined.partition_point(|&(start, _)| start <= c.start);
        !(c.kind == EntityType::Event && k > 0 && c.end <= joined[k - 1].1)
    });
    for (start, end) in joined {
        out.push(Candidate::new(
            start,
            end,
            EntityType::Event,
            Origin::Suffix,
        ));
    }
}

/// 天津—仁川客货班轮航线, 钦州港—关丹港集装箱直航航线: a route between two places
/// joined by a dash is a project.
/// "PT Sawit Nusantara Abadi": an Indonesian firm is named after PT (Perseroan Terbatas);
/// "PT Bank Arta Jawa" is a bank. The capitalised words after it make the name.
fn indonesian_firms(text: &Text, out: &mut Vec<Candidate>) {
    let chars = &text.chars;
    let mut firms: Vec<Candidate> = Vec::new();
    let mut from = 0;
    while let Some(p) = text.find("PT ", from, chars.len()) {
        from = p + 3;
        if p > 0 && chars[p - 1].is_alphanumeric() {
            continue;
        }
        let mut end = p + 2;
        let mut words = 0;
        while chars.get(end) == Some(&' ')
            && chars.get(end + 1).is_some_and(|c| c.is_uppercase())
            && words < 6
        {
            end = (end + 1..chars.len())
                .find(|&k| !chars[k].is_alphanumeric())
                .unwrap_or(chars.len());
            words += 1;
        }
        if words >= 2 {
            let kind = if text.find("Bank ", p, end).is_some() {
                EntityType::Bank
            } else {
                EntityType::Company
            };
            firms.push(Candidate::new(p, end, kind, Origin::English));
        }
    }
    if firms.is_empty() {
        return;
    }
    // Longer than any name found inside it, which it replaces; inside a longer one
    // ("Zhanjiang Representative Office of PT Bank Arta Jawa") it is a name too; across a
    // name's edge it is none. (`firms` is sorted by start and its spans do not overlap.)
    let firm_at = |start: usize, end: usize| {
        let k = firms.partition_point(|f| f.start <= start);
        k.checked_sub(1)
            .map(|k| &firms[k])
            .filter(|f| f.start <= start && end <= f.end)
    };
    out.retain(|c| firm_at(c.start, c.end).is_none());
    let mut spans: Vec<(usize, usize)> = out.iter().map(|c| (c.start, c.end)).collect();
    spans.sort_unstable();
    for f in firms {
        let crossing = spans[..spans.partition_point(|c| c.0 < f.end)]
            .iter()
            .rev()
            .take_while(|c| c.0 + 200 >= f.start)
            .any(|&(a, b)| f.start < b && !(a <= f.start && b >= f.end));
        if !crossing {
            out.push(f);
        }
    }
}

/// 嘉兴经济技术开发区中欧(嘉兴)国际产业合作园, 烟台经济技术开发区中韩产业园: a joint park
/// named after the zone it lies in is a zone of its own, and so is the zone.
fn joint_parks_in_zones(text: &Text, out: &mut Vec<Candidate>) {
    const ZONES: [&str; 7] = [
        "开发区",
        "经开区",
        "高新区",
        "工业园区",
        "综合保税区",
        "保税区",
        "自贸区",
    ];
    let compounds: rustc_hash::FxHashSet<usize> = out
        .iter()
        .filter(|c| c.origin == Origin::Abbrev && text.chars[c.start] == '中')
        .map(|c| c.start)
        .collect();
    let mut made = Vec::new();
    for c in out.iter_mut() {
        if c.kind != EntityType::EconomicZone || c.origin != Origin::Suffix {
            continue;
        }
        let split = (c.start + 4..c.end.saturating_sub(4)).find(|&q| {
            ZONES.iter().any(|z| text.has_before(q, z))
                && (compounds.contains(&q)
                    || text.chars[q] == '中'
                        && (compounds.contains(&(q + 1))
                            || matches!(text.chars[q + 1], '欧' | '非')))
        });
        if let Some(q) = split {
            made.push(Candidate::new(
                c.start,
                q,
                EntityType::EconomicZone,
                Origin::Suffix,
            ));
            c.start = q;
        }
    }
    out.extend(made);
}

/// 在开发区建设年产4亿平方米锂电池隔膜项目: what a company builds, named up to 项目 right
/// after the verb (not 建设一批重点项目, 建设合作项目).
fn built_projects(text: &Text, out: &mut Vec<Candidate>) {
    const VERBS: [&str; 6] = ["建设", "投建", "兴建", "新建", "扩建", "实施"];
    let chars = &text.chars;
    // Names found so far by start, to test overlaps near each 项目 (bounded: run-on text
    // stays linear).
    let mut spans: Vec<(usize, usize, bool)> = out
        .iter()
        .map(|c| (c.start, c.end, c.kind.is_place()))
        .collect();
    spans.sort_unstable();
    let mut firms: Vec<(usize, usize)> = out
        .iter()
        .filter(|c| c.kind == EntityType::Company && !c.nested)
        .map(|c| (c.start, c.end))
        .collect();
    firms.sort_unstable();
    let mut from = 0;
    while let Some(p) = text.find("项目", from, chars.len()) {
        from = p + 2;
        // (Also after the amount invested in it: 投资4.6亿元的中吉…加工项目.)
        let after_verb = (p.saturating_sub(20)..p.saturating_sub(3))
            .rev()
            .find(|&k| {
                VERBS.iter().any(|v| text.has_before(k, v))
                    || text.has_before(k, "元的")
                        && text.find("投资", k.saturating_sub(14), k).is_some()
            });
        // 丹麦诺德维克集团精密流体装备项目: a firm's name, then what it makes.
        let firm = || {
            let k = spans.partition_point(|c| c.0 < p);
            spans[..k]
                .iter()
                .rev()
                .take(6)
                .find(|&&(a, b, place)| {
                    !place
                        && firms.binary_search(&(a, b)).is_ok()
                        && (2..=10).contains(&(p - b.min(p)))
                        && chars[b..p]
                            .iter()
                            .all(|&c| is_han(c) || c.is_ascii_digit() || c == '.')
                        && !chars[b..p].iter().any(|c| "的和与及之等".contains(*c))
                        && !VERBS.iter().any(|v| text.has_at(b, v))
                        && ![
                            "投资", "签约", "合作", "重点", "重大", "产业", "新", "各", "等",
                        ]
                        .iter()
                        .any(|w| text.has_at(b, w))
                })
                .map(|&(a, _, _)| a)
        };
        // 克朗施泰因高端液压元件项目总投资6.8亿元: a clause opening with the project it
        // states the investment of.
        let opens_clause = || {
            if !["总投资", "计划总投资", "投资总额", "拟投资"]
                .iter()
                .any(|w| text.has_at(p + 2, w))
            {
                return None;
            }
            let mut k = p;
            while k > 0 && p - k < 20 && is_han(chars[k - 1]) {
                k -= 1;
            }
            let opens = k == 0 || "，,。；;：:\n".contains(chars[k - 1]);
            let generic = [
                "本", "此", "其", "各", "该", "这", "上述", "签约", "首批", "全部", "新",
            ]
            .iter()
            .any(|w| text.has_at(k, w));
            (opens && !generic && p - k >= 4).then_some(k)
        };
        let (start, by_firm) = match after_verb.or_else(opens_clause) {
            Some(k) => (k, None),
            None => match firm() {
                Some(a) => (a, Some(a)),
                None => continue,
            },
        };
        let name = &chars[start..p];
        let plain = name
            .iter()
            .all(|&c| is_han(c) || c.is_ascii_alphanumeric() || c == '.');
        if !plain
            || name.contains(&'的')
            || name.contains(&'和')
            || is_numeral(name[0])
            || ["一", "该", "这", "多", "重点", "重大", "合作", "产业"]
                .iter()
                .any(|w| text.has_at(start, w))
            // (Nor a name holding another: 星汇数字科技中心项目 is the 中心's.)
            || spans[..spans.partition_point(|c| c.0 < p + 2)]
                .iter()
                .rev()
                .take_while(|c| c.0 + 64 >= start)
                .any(|&(a, b, place)| {
                    a < p + 2
                        && start < b
                        && (b > p || !place)
                        && !by_firm.is_some_and(|f| f <= a && b < p)
                })
        {
            continue;
        }
        out.push(Candidate::new(
            start,
            p + 2,
            EntityType::Project,
            Origin::Suffix,
        ));
    }
}

fn routes(text: &Text, out: &mut Vec<Candidate>) {
    const ROUTES: [&str; 5] = ["航线", "班列", "专线", "铁路", "通道"];
    let chars = &text.chars;
    let places = || {
        out.iter()
            .filter(|c| matches!(c.origin, Origin::Gazetteer | Origin::Abbrev) && c.kind.is_place())
    };
    let with_port = |k: usize| {
        if chars.get(k) == Some(&'港') {
            k + 1
        } else {
            k
        }
    };
    let by_start: rustc_hash::FxHashMap<usize, &Candidate> =
        places().map(|c| (c.start, c)).collect();
    let mut made = Vec::new();
    for left in places() {
        let dash = with_port(left.end);
        if !matches!(chars.get(dash), Some('—' | '-')) {
            continue;
        }
        let Some(right) = by_start.get(&(dash + 1)) else {
            continue;
        };
        let mut from = with_port(right.end);
        // "长沙—内罗毕"全货机定期航线: the route's ends quoted.
        let quoted =
            left.start > 0 && chars[left.start - 1] == '"' && chars.get(from) == Some(&'"');
        if quoted {
            from += 1;
        }
        let gap = chars[from..]
            .iter()
            .take_while(|&&c| is_han(c) && c != '的')
            .count();
        if let Some(end) = (from..=from + gap.min(8))
            .find(|&k| ROUTES.iter().any(|w| text.has_before(k, w)) && k > from)
        {
            made.push(Candidate::new(
                left.start - usize::from(quoted),
                end,
                EntityType::Project,
                Origin::Suffix,
            ));
        }
    }
    // 中老铁路, 中巴经济走廊: the countries' short forms and the route.
    let abbrevs: rustc_hash::FxHashMap<usize, usize> = out
        .iter()
        .filter(|c| c.origin == Origin::Abbrev && c.kind == EntityType::Country)
        .map(|c| (c.start, c.end))
        .collect();
    let abbrev_at = |k: usize| abbrevs.get(&k).copied();
    for first in out.iter().filter(|c| {
        c.origin == Origin::Abbrev
            && c.kind == EntityType::Country
            && !(c.start > 0 && abbrev_at(c.start - 1).is_some())
    }) {
        let mut end = first.end;
        while let Some(next_end) = abbrev_at(end) {
            end = next_end;
        }
        if end - first.start < 2 {
            continue;
        }
        let kind = if text.has_at(end, "经济走廊") {
            Some((EntityType::Initiative, 4))
        } else {
            ["铁路", "班列", "航线"]
                .iter()
                .any(|w| text.has_at(end, w))
                .then_some((EntityType::Project, 2))
        };
        if let Some((kind, n)) = kind {
            made.push(Candidate::new(first.start, end + n, kind, Origin::Suffix));
        }
    }
    // 中欧班列(成都), 中欧班列长安号: one city's service of a train network.
    for c in out.iter_mut().filter(|c| {
        c.origin == Origin::Gazetteer && !c.kind.is_place() && text.has_before(c.end, "班列")
    }) {
        let close = match chars.get(c.end) {
            Some('(' | '（') => (c.end + 2..(c.end + 7).min(chars.len()))
                .find(|&k| matches!(chars[k], ')' | '）'))
                .filter(|&k| (c.end + 1..k).all(|j| is_han(chars[j]))),
            _ => (c.end + 2..(c.end + 5).min(chars.len()))
                .find(|&k| chars[k] == '号')
                .filter(|&k| (c.end..k).all(|j| is_han(chars[j]) && chars[j] != '的')),
        };
        if let Some(k) = close {
            c.end = k + 1;
            c.kind = EntityType::Project;
            c.entry = None;
            c.origin = Origin::Suffix;
        }
    }
    out.extend(made);
}

/// 斯维尔德洛夫斯克州(以下简称“斯州”): the short form of a place is that place wherever
/// it recurs, early enough to lead names (斯州政府) and pair with others (与斯州).
fn declared_places(text: &Text, out: &mut Vec<Candidate>) {
    let chars = &text.chars;
    let mut added = Vec::new();
    let mut covered = vec![false; chars.len()];
    for o in out.iter().filter(|o| o.kind.is_place()) {
        covered[o.start..o.end].iter_mut().for_each(|k| *k = true);
    }
    // Each short form once, from its first declaration.
    let mut declared: rustc_hash::FxHashSet<&[char]> = Default::default();
    for c in out
        .iter()
        .filter(|c| c.origin == Origin::Gazetteer && c.kind.is_place())
    {
        let mut p = c.end;
        if !matches!(chars.get(p), Some('(' | '（')) {
            continue;
        }
        p += 1;
        let Some(lead) = ["以下简称", "以下称", "下称", "简称"]
            .iter()
            .find(|w| text.has_at(p, w))
        else {
            continue;
        };
        p += lead.chars().count();
        if chars.get(p) != Some(&'"') {
            continue;
        }
        let s = p + 1;
        let Some(e) = (s..(s + 6).min(chars.len())).find(|&k| chars[k] == '"') else {
            continue;
        };
        if e - s < 2 || !chars[s..e].iter().all(|&c| is_han(c)) {
            continue;
        }
        let short = &chars[s..e];
        if !declared.insert(short) {
            continue;
        }
        let mut at = e + 1;
        while at + short.len() <= chars.len() {
            if chars[at..at + short.len()] == *short
                && !covered[at..at + short.len()].iter().any(|&k| k)
            {
                let mut m = Candidate::new(at, at + short.len(), c.kind, Origin::Gazetteer);
                m.entry = c.entry;
                added.push(m);
                at += short.len();
            } else {
                at += 1;
            }
        }
    }
    out.extend(added);
}

/// 蜀能重型装备有限公司, 韩国世进精密株式会社: a one-character verb right after another
/// single character that opens the name (after punctuation or a place) is half of a
/// two-character trade name the segmenter does not know.
fn single_character_pair(text: &Text, seg: &Segmentation<'_>, ends: &Ends, at: usize) -> bool {
    let chars = &text.chars;
    let opens =
        |k: usize| k == 0 || matches!(chars[k - 1], ',' | '、' | ';' | ':' | '(' | '"' | '\n');
    at >= 1
        && is_han(chars[at - 1])
        && !is_numeral(chars[at - 1])
        && !"个家名位座项次是的了在和与及或等将为对从向把被这那此其该各每本并还也又都就而且再港市省区县州局部厅署馆站湾岛"
            .contains(chars[at - 1])
        && seg.token_at(at - 1) == Some((at - 1, at))
        && !seg.is_stop(at - 1)
        && (opens(at - 1) || ends.places.contains_key(&(at - 1)))
}

fn is_name_char(c: char) -> bool {
    is_han(c) || c.is_ascii_alphanumeric()
}

impl Recogniser<'_> {
    /// Every candidate mention in `text`, sorted by start.
    pub fn recognise(&self, text: &Text, english: bool) -> Vec<Candidate> {
        let norm = text.normalised.as_str();
        let seg = (!english).then(|| Segmentation::new(self.jieba, text, self.rules));
        let mut out = self.gazetteer_candidates(text, norm, english, seg.as_ref());
        // A first-level division written once as a city (德雷达瓦市) is that city wherever
        // it is named.
        let city_ranked: rustc_hash::FxHashSet<usize> = out
            .iter()
            .filter(|c| c.kind == EntityType::City)
            .filter_map(|c| c.entry)
            .filter(|&e| self.gazetteer.entry(e).kind == EntityType::Province)
            .collect();
        for c in out.iter_mut() {
            if c.kind == EntityType::Province && c.entry.is_some_and(|e| city_ranked.contains(&e)) {
                c.kind = EntityType::City;
            }
            if c.kind == EntityType::Event {
                c.start = edition_start(text, c.start);
            }
            // 伏伊伏丁那自治省, 卡拉卡尔帕克斯坦自治共和国: the autonomy is part of the name.
            if c.kind == EntityType::Province && c.origin == Origin::Gazetteer {
                c.end += ["自治省", "自治共和国"]
                    .iter()
                    .find(|w| text.has_at(c.end, w))
                    .map_or(0, |w| w.chars().count());
            }
        }
        if let Some(seg) = seg {
            self.abbreviations(text, &seg, &mut out);
            declared_places(text, &mut out);
            self.quoted(text, &mut out);
            self.suffixed(text, &seg, &mut out);
            joint_parks_in_zones(text, &mut out);
            sessions(text, &mut out);
            joined_events(text, &mut out);
            routes(text, &mut out);
            built_projects(text, &mut out);
            self.transliterated(text, &mut out);
            self.sources(text, &mut out);
            self.people(text, &seg, &mut out);
            people_again(text, &mut out);
        } else {
            self.english(text, &mut out);
            events_as_venues(text, &mut out);
            zones_in_zones(text, &mut out);
            indonesian_firms(text, &mut out);
            self.sources(text, &mut out);
        }
        out.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
        mark_nested(&mut out);
        // A minor place seen only inside longer names, after their start (高崎 in
        // 厦门高崎国际机场), is part of those names, not a place the text speaks of; the
        // places leading a name stay (北海道札幌市驻沈阳办事处).
        let standalone: rustc_hash::FxHashSet<usize> = out
            .iter()
            .filter(|c| !c.nested)
            .filter_map(|c| c.entry)
            .collect();
        // Leading places: at a name's start, or inside the place before them.
        let mut leading: rustc_hash::FxHashMap<usize, Option<usize>> = out
            .iter()
            .filter(|c| !c.nested)
            .map(|c| (c.start, None))
            .collect();
        let mut accepted: rustc_hash::FxHashSet<(usize, usize)> = rustc_hash::FxHashSet::default();
        for c in &out {
            if c.origin != Origin::Gazetteer || !c.kind.is_place() {
                continue;
            }
            let inside_previous = match leading.get(&c.start) {
                Some(None) => true,
                Some(Some(outer)) => c
                    .entry
                    .is_some_and(|e| self.gazetteer.ancestors(e).contains(outer)),
                None => false,
            };
            if inside_previous {
                leading.insert(c.end, c.entry);
                accepted.insert((c.start, c.end));
            }
        }
        // …when they are a chain of places or lead to 驻 (北九州市大连事务所, 北海道札幌市
        // 驻…), not a place-like first word of a name (西海银行).
        let accepted_starts: rustc_hash::FxHashSet<usize> =
            accepted.iter().map(|&(a, _)| a).collect();
        let accepted_ends: rustc_hash::FxHashSet<usize> =
            accepted.iter().map(|&(_, b)| b).collect();
        let chained = |s: usize, e: usize| {
            text.chars.get(e) == Some(&'驻')
                || accepted_starts.contains(&e)
                || accepted_ends.contains(&s)
        };
        out.retain(|c| {
            !(c.nested
                && c.origin == Origin::Gazetteer
                && c.kind.is_place()
                && !(accepted.contains(&(c.start, c.end)) && chained(c.start, c.end))
                // "Chinese Consulate General in Chicago", 中国驻汉堡总领事馆, 中国银行法兰克福
                // 分行: the place the name says it is in.
                && !(text.has_before(c.start, " in ") || text.has_before(c.start, " in the "))
                && !text.has_before(c.start, "驻")
                && !BRANCH.iter().any(|b| text.has_at(c.end, b))
                // 霍尔果斯口岸: a port of entry is named by its town.
                && !text.has_at(c.end, "口岸")
                && c.entry.is_some_and(|e| {
                    !standalone.contains(&e) && !self.gazetteer.entry(e).is_major()
                }))
        });
        // 松原精机株式会社: a Japanese company's name starts with a family name, not with
        // the Chinese city written alike.
        let japanese: rustc_hash::FxHashSet<usize> = out
            .iter()
            .filter(|c| text.has_before(c.end, "株式会社"))
            .map(|c| c.start)
            .collect();
        out.retain(|c| {
            !(c.nested
                && c.origin == Origin::Gazetteer
                && japanese.contains(&c.start)
                && c.entry
                    .is_some_and(|e| self.gazetteer.entry(e).country.as_deref() == Some("CN")))
        });
        // A known organisation inside a longer name (贸促会 in 大连市贸促会) is part of it,
        // and a suffix inside a known organisation (信息化部 in 工业和信息化部) is no name.
        let mut known: Vec<(usize, usize)> = out
            .iter()
            .filter(|c| c.origin == Origin::Gazetteer && !c.kind.is_place())
            .map(|c| (c.start, c.end))
            .collect();
        known.sort_unstable();
        let longest_known = known.iter().map(|&(s, e)| e - s).max().unwrap_or(0);
        // …but a known bank right before its branch is named on its own (中国银行 of
        // 中国银行宁波市分行), unless a longer parent is (某银行(中国)有限公司).
        let mut shortest_suffixed: rustc_hash::FxHashMap<usize, usize> = Default::default();
        for o in out.iter().filter(|o| o.origin == Origin::Suffix) {
            let end = shortest_suffixed.entry(o.start).or_insert(o.end);
            *end = (*end).min(o.end);
        }
        let branch_starts: rustc_hash::FxHashSet<usize> = out
            .iter()
            .filter(|b| {
                BRANCH.iter().any(|s| text.has_before(b.end, s))
                    && shortest_suffixed.get(&b.start).is_none_or(|&e| e >= b.end)
            })
            .map(|c| c.start)
            .collect();
        out.retain(|c| {
            let known_inside = c.nested
                && c.origin == Origin::Gazetteer
                && !c.kind.is_place()
                && !branch_starts.contains(&c.start);
            let k = known.partition_point(|&(s, _)| s <= c.start);
            let suffix_inside_known = c.origin == Origin::Suffix
                && known[..k]
                    .iter()
                    .rev()
                    .take_while(|&&(s, _)| s + longest_known >= c.start)
                    .any(|&(s, e)| c.end <= e && e - s > c.end - c.start);
            !known_inside && !suffix_inside_known
        });
        out
    }

    /// "PORTLAND, Ore. —", "SAN ANTONIO, Texas --": the capitalised place of an English
    /// dateline (a line of the article's head that opens with capitals and a comma or a
    /// dash), matched as if written "Portland".
    fn dateline_places(&self, text: &Text) -> Vec<crate::gazetteer::Match<'_>> {
        let chars = &text.chars;
        let mut out = Vec::new();
        let line_starts = std::iter::once(0).chain(
            chars
                .iter()
                .enumerate()
                .filter(|(_, c)| **c == '\n')
                .map(|(k, _)| k + 1),
        );
        for start in line_starts.take(15) {
            let end = (start..chars.len())
                .find(|&k| !(chars[k].is_ascii_uppercase() || chars[k] == ' ' || chars[k] == '.'))
                .unwrap_or(chars.len());
            let caps = text.norm(start, end);
            let head = caps.trim_end();
            let after = text.norm(
                start + head.len(),
                (start + head.len() + 3).min(chars.len()),
            );
            if head.chars().filter(char::is_ascii_uppercase).count() < 3
                || !(after.starts_with(',') || after.starts_with(" -") || after.starts_with(" —"))
            {
                continue;
            }
            // Upper case after the first letter of each word becomes lower case.
            let titled: String = head
                .chars()
                .enumerate()
                .map(|(k, c)| {
                    if k == 0 || head[..k].ends_with(' ') {
                        c
                    } else {
                        c.to_ascii_lowercase()
                    }
                })
                .collect();
            out.extend(self.matcher.find(&titled).into_iter().map(|mut m| {
                m.start += start;
                m.end += start;
                m
            }));
        }
        out
    }

    /// "Huai'an", "Lu'an": pinyin names written with the apostrophe the gazetteer's
    /// English labels leave out.
    fn apostrophe_places(&self, text: &Text) -> Vec<crate::gazetteer::Match<'_>> {
        let chars = &text.chars;
        let mut out = Vec::new();
        let letter = |k: usize| chars.get(k).is_some_and(|c| c.is_ascii_alphabetic());
        for k in 1..chars.len() {
            if !matches!(chars[k], '\'' | '’')
                || !letter(k - 1)
                || !chars.get(k + 1).is_some_and(|c| c.is_ascii_lowercase())
            {
                continue;
            }
            let (mut s, mut e) = (k, k + 1);
            while s > 0 && letter(s - 1) {
                s -= 1;
            }
            while letter(e) {
                e += 1;
            }
            // (Not a possessive: "Jiangsu's".)
            if e == k + 2 && chars[k + 1] == 's' {
                continue;
            }
            let word: String = chars[s..e]
                .iter()
                .filter(|c| c.is_ascii_alphabetic())
                .collect();
            let n = e - s - 1;
            out.extend(
                self.matcher
                    .find(&word)
                    .into_iter()
                    .filter(|m| m.start == 0 && m.end == n)
                    .map(|mut m| {
                        m.start = s;
                        m.end = e;
                        m
                    }),
            );
        }
        out
    }

    fn gazetteer_candidates(
        &self,
        text: &Text,
        norm: &str,
        english: bool,
        seg: Option<&Segmentation<'_>>,
    ) -> Vec<Candidate> {
        let mut out = Vec::new();
        let mut found = self.matcher.find(norm);
        if english {
            found.extend(self.dateline_places(text));
            let spans: rustc_hash::FxHashSet<(usize, usize)> =
                found.iter().map(|m| (m.start, m.end)).collect();
            let apostrophes = self.apostrophe_places(text);
            found.extend(
                apostrophes
                    .into_iter()
                    .filter(|a| !spans.contains(&(a.start, a.end))),
            );
            found.sort_by_key(|m| m.start);
        }
        // "48.9 million US dollars", "a 60-million-U.S.-dollar plant": a currency, not the
        // country.
        let currency = |m: &crate::gazetteer::Match<'_>| {
            english && (text.has_at(m.end, " dollar") || text.has_at(m.end, "-dollar"))
        };
        let present: rustc_hash::FxHashSet<usize> = found
            .iter()
            .filter(|o| !currency(o) && !self.ambiguous.contains(&text.norm(o.start, o.end)))
            .filter_map(|o| o.entries.first().copied())
            .collect();
        let in_full: rustc_hash::FxHashSet<usize> = found
            .iter()
            .filter(|o| !o.stopname && o.form == Form::Name)
            .flat_map(|o| o.entries.iter().copied())
            .collect();
        // "Washington state", "Jilin province", "the Province of Mendoza": the state or
        // province, there and wherever the text says "Washington", "Jilin" or "Mendoza".
        let state_of = |m: &crate::gazetteer::Match<'_>| {
            m.entries
                .iter()
                .copied()
                .find(|&e| self.gazetteer.entry(e).kind == EntityType::Province)
        };
        let written_state = |m: &crate::gazetteer::Match<'_>| {
            english
                && ([" state", " State,", " province", " Province", " region"]
                    .iter()
                    .any(|w| text.has_at(m.end, w))
                    // ("the Province of Mendoza", "the State of Jalisco".)
                    || ["Province of ", "State of "]
                        .iter()
                        .any(|w| text.has_before(m.start, w)))
                && state_of(m).is_some()
        };
        let states: rustc_hash::FxHashSet<&[usize]> = if english {
            found
                .iter()
                // ("the Lima region": that mention only; Lima alone is the city.)
                .filter(|m| written_state(m) && !text.has_at(m.end, " region"))
                .map(|m| m.entries)
                .collect()
        } else {
            rustc_hash::FxHashSet::default()
        };
        // …unless the text speaks of the city's mayor or municipality and never writes the
        // city as one ("Plovdiv Province" beside "Plovdiv Mayor": the city when bare; "the
        // City of Mendoza" beside "the Province of Mendoza": the province when bare).
        let city_word = |m: &crate::gazetteer::Match<'_>, words: &[&str], before: &[&str]| {
            words.iter().any(|w| text.has_at(m.end, w))
                || before.iter().any(|w| text.has_before(m.start, w))
        };
        let governed = |entries: &[usize]| {
            let of = |m: &&crate::gazetteer::Match<'_>| m.entries == entries;
            found.iter().filter(of).any(|m| {
                city_word(
                    m,
                    &[" Mayor", " Municipality"],
                    &["Mayor of ", "Municipality of "],
                )
            }) && !found
                .iter()
                .filter(of)
                .any(|m| city_word(m, &[" City", " city"], &["City of ", "city of "]))
        };
        let states: rustc_hash::FxHashSet<&[usize]> =
            states.into_iter().filter(|e| !governed(e)).collect();
        // "New Zealand's Canterbury", 新西兰坎特伯雷: of several places of one name, the one
        // in the country written right before it, there and wherever the text names it.
        let in_country_before = |m: &crate::gazetteer::Match<'_>| {
            let before = found.partition_point(|o| o.start < m.start);
            let country = found[..before].iter().rev().take(2).find_map(|o| {
                let gap = text.norm(o.end.min(m.start), m.start);
                let e = self.gazetteer.entry(*o.entries.first()?);
                (o.end <= m.start
                    && matches!(gap.as_str(), "" | "'s " | "’s ")
                    && e.kind == EntityType::Country)
                    .then_some(e.country.as_deref())
                    .flatten()
            })?;
            m.entries
                .iter()
                .copied()
                .find(|&e| self.gazetteer.entry(e).country.as_deref() == Some(country))
        };
        let by_country: rustc_hash::FxHashMap<usize, usize> = found
            .iter()
            .filter(|m| m.entries.len() > 1)
            .filter_map(|m| Some((*m.entries.first()?, in_country_before(m)?)))
            .collect();
        for m in &found {
            let Some(&first) = m.entries.first() else {
                continue;
            };
            // Suzhou, Fuzhou, 朝阳: of several places of one name, the one inside a region
            // the text names.
            let in_named_region = || {
                m.entries.iter().copied().find(|&e| {
                    self.gazetteer.ancestors(e).iter().any(|a| {
                        present.contains(a) && self.gazetteer.entry(*a).kind != EntityType::Country
                    })
                })
            };
            // Paraná in a text about Brazil: the one place of that name in a country the
            // text names (besides itself).
            let in_named_country = || {
                let mut named = m.entries.iter().copied().filter(|&e| {
                    self.gazetteer
                        .country_of(e)
                        .is_some_and(|c| c != e && present.contains(&c))
                });
                let e = named.next()?;
                named.next().is_none().then_some(e)
            };
            let best = if states.contains(m.entries) || written_state(m) {
                state_of(m).unwrap_or(first)
            } else if m.entries.len() > 1 {
                in_country_before(m)
                    .or_else(|| by_country.get(&first).copied())
                    .or_else(in_named_region)
                    .or_else(in_named_country)
                    .unwrap_or(first)
            } else {
                first
            };
            let entry = self.gazetteer.entry(best);
            let next = text.chars.get(m.end).copied();
            // A stop name (大同, 东方) counts before 市 or 省, or where the text names the
            // place in full elsewhere (大同海关 after 大同市).
            if m.stopname
                && !next.is_some_and(|c| matches!(c, '市' | '省' | '县' | '区' | '州'))
                && !in_full.contains(&best)
            {
                continue;
            }
            if currency(m) {
                continue;
            }
            // A short form cutting through a word (大数据, 黄河流域) is no mention; a major
            // city at the start of a word (烟台港, 青岛人, 哈尔滨工业大学) still is.
            // A city's short form and 市 are one word to the segmenter (万象市) and still it.
            let city_word = entry.kind == EntityType::City
                && text.chars.get(m.end) == Some(&'市')
                && seg.is_some_and(|seg| seg.token_at(m.start) == Some((m.start, m.end + 1)));
            if let Some(seg) = seg
                && m.form == Form::Alias
                && !city_word
                && seg.splits(m.start, m.end)
                && !(entry.is_major()
                    && entry.kind == EntityType::City
                    && seg.token_at(m.start).is_some_and(|(a, b)| {
                        a == m.start
                            && (b == m.end + 1 && PLACE_WORD_ENDS.contains(&text.chars[m.end])
                                || b > m.end + 1
                                    && self
                                        .rules
                                        .suffix_type(&text.norm(m.start, b))
                                        .is_some_and(|(_, len)| b - len >= m.end))
                    }))
            {
                continue;
            }
            // A two- or three-character name starting inside a word (海地 in 黄海地区, 津市市
            // in 唐津市市长) is no mention, unless a place ends there (法国巴黎).
            if let Some(seg) = seg
                && m.form != Form::Alias
                && (m.end - m.start == 2 || m.end - m.start == 3 && !english)
                && seg.word_continues(m.start)
                && !found.iter().any(|o| o.end == m.start)
            {
                continue;
            }
            // A short form that is also a common word (合作, 友谊, 北方) counts only when
            // the text also names a place above it.
            let form: String = text.chars[m.start..m.end].iter().collect();
            // District short forms (象山, 城区) are as ambiguous.
            let district_alias =
                entry.kind == EntityType::District && m.form == Form::Alias && !english;
            if entry.kind != EntityType::Country
                && (self.ambiguous.contains(&form) || district_alias)
            {
                let ancestors = self.gazetteer.ancestors(best);
                let foreign = entry.country.as_deref() != Some("CN");
                let supported = ancestors.iter().any(|&e| {
                    present.contains(&e)
                        && (self.gazetteer.entry(e).kind != EntityType::Country || foreign)
                }) || (foreign
                    && self
                        .gazetteer
                        .country_of(best)
                        .is_some_and(|c| present.contains(&c)));
                if !supported {
                    continue;
                }
            }
            // ("making Nigeria Zhejiang's partner": a place right after another, owning.)
            let owner_after_place = || {
                text.has_at(m.end, "'s")
                    && found[..found.partition_point(|o| o.start < m.start)]
                        .iter()
                        .rev()
                        .take(4)
                        .any(|o| o.end + 1 == m.start)
            };
            if english && prev_capitalised(text, m.start) && !owner_after_place() {
                continue;
            }
            if english
                && (m.end - m.start < 4
                    && !text.chars[m.start..m.end]
                        .iter()
                        .all(|c| c.is_ascii_uppercase() || *c == '.')
                    || is_compass(&form_text(text, m.start, m.end)))
            {
                continue;
            }
            if english
                && m.form == Form::Alias
                && entry.label_en.as_deref() != Some(form_text(text, m.start, m.end).as_str())
            {
                // English short forms: not common words (So, Central) nor part of a longer name.
                let n = m.end - m.start;
                let all_caps = text.chars[m.start..m.end]
                    .iter()
                    .all(|c| c.is_ascii_uppercase() || c == &'.');
                // "Hubei Vice Governor Zhao Minghui": a title after a place leaves it one.
                let title_after = || {
                    let rest = text
                        .norm(m.end + 1, (m.end + 26).min(text.chars.len()))
                        .to_lowercase()
                        .replace('-', " ");
                    self.rules.english_titles.iter().any(|t| {
                        rest.strip_prefix(t.as_str())
                            .is_some_and(|after| after.starts_with([' ', '.']))
                    })
                };
                let next_word_cap = text.chars.get(m.end) == Some(&' ')
                    && text.chars.get(m.end + 1).is_some_and(|c| c.is_uppercase())
                    && !title_after();
                let prev_word_cap = m.start >= 2
                    && text.chars[m.start - 1] == ' '
                    && text.chars[m.start - 2].is_alphabetic()
                    && {
                        let mut k = m.start - 2;
                        while k > 0 && text.chars[k - 1].is_alphabetic() {
                            k -= 1;
                        }
                        // ("The US is…": an article is no part of a name.)
                        text.chars[k].is_uppercase()
                            && k > 0
                            && !matches!(text.chars[k - 1], '.' | '\n')
                            && text.norm(k, m.start - 1) != "The"
                    };
                if !(all_caps || n >= 4)
                    || next_word_cap
                    || prev_word_cap && !owner_after_place()
                    || !text.chars[m.start].is_uppercase()
                {
                    continue;
                }
            }
            // US$, HK$: a currency, not a country mention.
            if matches!(text.chars.get(m.end), Some('$')) {
                continue;
            }
            // Inside a hyphenated word (Sino-British), except "London-based".
            let based = ["-based", "-headquartered"]
                .iter()
                .chain(&OWNED_BY)
                .any(|w| text.has_at(m.end, w));
            if english && matches!(text.chars.get(m.end), Some('-')) && !based
                || english && m.start > 0 && text.chars[m.start - 1] == '-'
            {
                continue;
            }
            // A Chinese short form followed by more name characters is usually part of a
            // longer word (大连啤酒 is fine, 中国人 is not a country mention): keep it, the
            // suffix recogniser will swallow it when a longer name is found.
            let mut c = Candidate::new(m.start, m.end, display_kind(entry), Origin::Gazetteer);
            c.entry = Some(best);
            if best != first && text.has_at(m.end, " state") {
                c.end += " state".len();
            }
            // "Plovdiv Province": the province's full name, when the city shares it.
            if best != first && english && text.has_at(m.end, " Province") {
                c.end += " Province".len();
            }
            if best != first && english && text.has_at(m.end, " region") {
                c.end += " region".len();
            }
            // 叶尔加瓦市: a foreign first-level division written as a city is the city
            // (Latvia's and Vietnam's cities of that rank).
            let city_rank = !english
                && entry.kind == EntityType::Province
                && entry.country.as_deref().is_some_and(|c| c != "CN")
                && next == Some('市')
                // (中东市场: a market.)
                && !matches!(text.chars.get(m.end + 1), Some('场' | '值'))
                && m.entries.len() == 1;
            if city_rank {
                c.kind = EntityType::City;
            }
            // 杜伊斯堡市, 巴登-符腾堡州: a foreign place written with its own suffix.
            if !english
                && entry.country.as_deref().is_some_and(|c| c != "CN")
                && let Some(n) = next
                && match entry.kind {
                    EntityType::City => n == '市',
                    EntityType::Province if city_rank => true,
                    EntityType::Province => n == '州' || n == '省',
                    _ => false,
                }
                && !m
                    .entries
                    .iter()
                    .any(|&e| self.gazetteer.entry(e).name.ends_with(n))
                // (巴生市市长: the form read already ends with it.)
                && text.chars[m.end - 1] != n
            {
                c.end += 1;
            }
            // 伦巴第大区: a French or Italian region written with 大区.
            if !english
                && entry.kind == EntityType::Province
                && entry.country.as_deref().is_some_and(|c| c != "CN")
                && text.has_at(m.end, "大区")
            {
                c.end += 2;
            }
            // 日本福冈县 → the prefecture reading when written with its suffix.
            if let Some(n) = next
                && matches!(n, '县' | '府' | '都')
                && let Some(&pref) = m
                    .entries
                    .iter()
                    .find(|&&i| self.gazetteer.entry(i).kind == EntityType::Prefecture)
            {
                c.entry = Some(pref);
                c.kind = EntityType::Prefecture;
            }
            // 国家工业和信息化部: a national body written with 国家 before its name.
            if !english
                && entry.kind == EntityType::GovernmentBody
                && m.form == Form::Name
                && text.has_before(m.start, "国家")
            {
                c.start -= 2;
            }
            out.push(c);
        }
        out
    }

    /// 中日, 中日韩, 辽日: two or more one-character forms in a row.
    fn abbreviations(&self, text: &Text, seg: &Segmentation<'_>, out: &mut Vec<Candidate>) {
        let chars = &text.chars;
        let mut covered = vec![false; chars.len()];
        for c in out.iter() {
            for k in covered.iter_mut().take(c.end).skip(c.start) {
                *k = true;
            }
        }
        let inside = |i: usize| covered[i];
        let mut named_counts: rustc_hash::FxHashMap<usize, usize> = Default::default();
        for e in out
            .iter()
            .filter(|c| c.origin == Origin::Gazetteer)
            .filter_map(|c| c.entry)
        {
            *named_counts.entry(e).or_default() += 1;
        }
        let named_entries: rustc_hash::FxHashSet<usize> = named_counts.keys().copied().collect();
        let mut made = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let mut j = i;
            while j < chars.len() && !self.matcher.abbrev(chars[j]).is_empty() && !inside(j) {
                j += 1;
            }
            // Not characters of longer words (本土以外, 烟台港). A compound with China
            // (中日, 中新) stands on its own; any other names each of its places in full
            // somewhere in the text (辽日 with 辽宁 and 日本; not 巴渝 without 巴基斯坦,
            // nor 滇南 without 南非).
            let china = |e: &usize| self.gazetteer.entry(*e).id == "iso:CN";
            // 以中意合作为主题: a leading character whose country the text never names is
            // a word of its own before a compound.
            let mut first = i;
            while j - first > 2
                && !self
                    .matcher
                    .abbrev(chars[first])
                    .iter()
                    .any(|e| china(e) || named_entries.contains(e))
            {
                first += 1;
            }
            let with_china = (first..j).any(|k| self.matcher.abbrev(chars[k]).iter().any(china));
            let resolvable = with_china
                || (first..j).all(|k| {
                    self.matcher
                        .abbrev(chars[k])
                        .iter()
                        .any(|e| named_entries.contains(e))
                });
            if j - first >= 2 && j - first <= 4 && resolvable && !seg.splits(first, j) {
                for (k, &ch) in chars.iter().enumerate().take(j).skip(first) {
                    let entries = self.matcher.abbrev(ch);
                    let named = entries.iter().find(|e| named_entries.contains(e));
                    if let Some(&best) = named.or(entries.first()) {
                        let mut c = Candidate::new(
                            k,
                            k + 1,
                            display_kind(self.gazetteer.entry(best)),
                            Origin::Abbrev,
                        );
                        c.entry = Some(best);
                        made.push(c);
                    }
                }
            }
            i = j.max(i + 1);
        }
        // 在桂, 在豫, 访杭, 在哈访问: one character after a verb of place stands for a
        // province (its short form) or city (a character of its name) the text names.
        // Also a short form before 企 (firms) or 方 (side): 湘企, 肯方 (韩资 is a fact's).
        for p in 1..chars.len() {
            // Followed by a verb or function word (在豫累计投资), not a noun (在中东欧).
            let noun_at = |k: usize| {
                chars.get(k).is_some_and(|&n| {
                    is_han(n)
                        && !seg.is_stop(k)
                        && !LONE_FORM_VERBS.iter().any(|w| text.has_at(k, w))
                })
            };
            let after_verb = matches!(chars[p - 1], '在' | '来' | '赴' | '访' | '抵')
                && seg.token_at(p) == Some((p, p + 1))
                && !noun_at(p + 1);
            let within = |k: usize| seg.token_at(k).is_some_and(|(a, b)| a >= p && b <= p + 2);
            let before_word = !after_verb
                && matches!(chars.get(p + 1), Some('企' | '方'))
                && within(p)
                && within(p + 1)
                // 肯方在湘, 湘企超过, 德企之乡; not 中方区域.
                && (!chars.get(p + 2).is_some_and(|&n| is_han(n))
                    || seg.is_stop(p + 2)
                    || seg.token_at(p + 2) == Some((p + 2, p + 3)));
            if !(after_verb || before_word)
                || inside(p)
                || !is_han(chars[p])
                || made.iter().any(|c: &Candidate| c.start == p)
            {
                continue;
            }
            let short: Vec<usize> = self
                .matcher
                .abbrev(chars[p])
                .iter()
                .copied()
                .filter(|e| named_entries.contains(e))
                .collect();
            let city: Vec<usize> = named_entries
                .iter()
                .copied()
                .filter(|&e| {
                    let entry = self.gazetteer.entry(e);
                    // Chinese cities only: 在哈 is Harbin, not Khabarovsk.
                    after_verb
                        && entry.kind == EntityType::City
                        && entry.country.as_deref() == Some("CN")
                        && entry.name.contains(chars[p])
                })
                .collect();
            // 在苏 may be 江苏 or 苏州: only an unambiguous character, or the place the text
            // names at least twice as often as any other it may stand for (在赣 in an article
            // about 江西 that names 赣州 once).
            let mut all = short;
            all.extend(city);
            all.sort_unstable();
            all.dedup();
            let times = |e: usize| named_counts.get(&e).copied().unwrap_or(0);
            let dominant = all.iter().copied().find(|&e| {
                all.iter()
                    .all(|&o| o == e || times(e) >= 2 * times(o).max(1))
            });
            let Some(entry) = dominant else {
                continue;
            };
            // Not a compound (中日): a mention of its own, like a declared short form.
            let mut c = Candidate::new(
                p,
                p + 1,
                display_kind(self.gazetteer.entry(entry)),
                Origin::Alias,
            );
            c.entry = Some(entry);
            made.push(c);
        }
        out.extend(made);
    }

    /// “…” and 《…》 spans whose content ends in a known suffix, or names a newspaper.
    fn quoted(&self, text: &Text, out: &mut Vec<Candidate>) {
        let chars = &text.chars;
        let place_end: rustc_hash::FxHashMap<usize, usize> = out
            .iter()
            .filter(|c| c.origin == Origin::Gazetteer)
            .map(|c| (c.end, c.start))
            .collect();
        let place_starts: rustc_hash::FxHashSet<usize> = out
            .iter()
            .filter(|c| c.origin == Origin::Gazetteer)
            .map(|c| c.start)
            .collect();
        let mut i = 0;
        while i < chars.len() {
            if matches!(text.original[i], '”' | '」') {
                i += 1;
                continue;
            }
            let (open, close) = match chars[i] {
                '"' => ('"', '"'),
                '《' => ('《', '》'),
                _ => {
                    i += 1;
                    continue;
                }
            };
            let _ = open;
            let limit = (i + 40).min(chars.len());
            let Some(j) = (i + 1..limit).find(|&j| chars[j] == close || chars[j] == '\n') else {
                i += 1;
                continue;
            };
            if chars[j] == '\n' {
                i = j;
                continue;
            }
            let content: String = chars[i + 1..j].iter().collect();
            if j > i + 2
                && !content
                    .chars()
                    .any(|c| matches!(c, '，' | ',' | '。' | '；' | ';' | '!' | '?'))
            {
                let kind = self.rules.suffix_type(&content).map(|t| t.0).or_else(|| {
                    (chars[i] == '《' && (content.ends_with('报') || content.ends_with("新闻")))
                        .then_some(EntityType::Company)
                });
                if let Some(kind) = kind {
                    // 韩国“国际会客厅”: a quoted name owned by a place is one name with it
                    // (not one that names its own place: 蒙特雷市“宁波(墨西哥)产业园”).
                    let owner = place_end.get(&i).copied().filter(|_| {
                        matches!(
                            kind,
                            EntityType::Venue | EntityType::EconomicZone | EntityType::Project
                        ) && !place_starts.contains(&(i + 1))
                    });
                    if let Some(ps) = owner {
                        out.push(Candidate::new(ps, j + 1, kind, Origin::Quoted));
                    }
                    if !self.rules.generic.contains(&content) {
                        let mut c = Candidate::new(i + 1, j, kind, Origin::Quoted);
                        c.same_as = owner.map(|ps| (ps, j + 1));
                        out.push(c);
                    }
                }
            }
            i = j + 1;
        }
    }

    /// Names ending in a suffix of the rules: scan left from the suffix to a boundary.
    fn suffixed(&self, text: &Text, seg: &Segmentation<'_>, out: &mut Vec<Candidate>) {
        let norm = text.normalised.as_str();
        let mut found: Vec<(usize, usize, usize)> = Vec::new(); // (start char, end char, rule)
        let mut byte_to_char = ByteToChar::default();
        for m in self.suffixes.find_overlapping_iter(norm) {
            let s = byte_to_char.at(norm, m.start());
            let e = s + norm[m.start()..m.end()].chars().count();
            found.push((s, e, m.pattern().as_usize()));
        }
        // The longest suffix ending at each position (of two rules for one suffix, the one
        // that needs the shortest name: 市委 alone, or 大连市委).
        let min_prefix = |rule: usize| self.rules.suffixes[rule].2;
        found.sort_by_key(|&(s, e, _)| (e, s));
        let mut best: Vec<(usize, usize, usize)> = Vec::new();
        for f in found {
            if let Some(last) = best.last_mut()
                && last.1 == f.1
            {
                if f.0 < last.0 || f.0 == last.0 && min_prefix(f.2) < min_prefix(last.2) {
                    *last = f;
                }
                continue;
            }
            best.push(f);
        }
        let quoted: Vec<(usize, usize)> = out
            .iter()
            .filter(|c| c.origin == Origin::Quoted)
            .map(|c| (c.start, c.end))
            .collect();
        // For each character, the quoted span around it (quoted spans do not overlap much).
        let mut quote_at: Vec<u32> = vec![u32::MAX; text.chars.len()];
        for (qi, &(qs, qe)) in quoted.iter().enumerate() {
            for slot in quote_at.iter_mut().take(qe).skip(qs) {
                *slot = qi as u32;
            }
        }
        let quote_around = |k: usize| {
            quote_at
                .get(k)
                .filter(|&&q| q != u32::MAX)
                .map(|&q| quoted[q as usize])
        };
        let quote_starting: rustc_hash::FxHashMap<usize, usize> =
            quoted.iter().map(|&(qs, qe)| (qs, qe)).collect();
        let gaz_spans: rustc_hash::FxHashMap<(usize, usize), usize> = out
            .iter()
            .filter(|c| c.origin == Origin::Gazetteer)
            .map(|c| ((c.start, c.end), c.entry.unwrap_or(usize::MAX)))
            .collect();
        let mut ends = Ends::default();
        for c in out.iter() {
            if matches!(c.origin, Origin::Gazetteer | Origin::Abbrev) {
                let slot = ends.places.entry(c.end).or_insert(c.start);
                *slot = (*slot).min(c.start);
                let slot = ends.starts.entry(c.start).or_insert(c.end);
                *slot = (*slot).max(c.end);
            }
        }
        let place_ends: rustc_hash::FxHashMap<usize, usize> = out
            .iter()
            .filter(|c| c.origin == Origin::Gazetteer && c.kind.is_place())
            .map(|c| (c.end, c.start))
            .collect();
        let place_starts: rustc_hash::FxHashSet<usize> = out
            .iter()
            .filter(|c| matches!(c.origin, Origin::Gazetteer | Origin::Abbrev) && c.kind.is_place())
            .map(|c| c.start)
            .collect();
        let mut byte_to_char = ByteToChar::default();
        for m in self.titles.find_iter(norm) {
            let end = byte_to_char.at(norm, m.start()) + norm[m.start()..m.end()].chars().count();
            ends.titles.insert(end);
        }
        let mut made: Vec<Candidate> = Vec::new();
        let mut hosts: rustc_hash::FxHashSet<(usize, usize)> = Default::default();
        for (s, e, rule) in best {
            let (suffix, kind, min_prefix, quoted_only) = &self.rules.suffixes[rule];
            if *quoted_only && !quote_around(s).is_some_and(|(qs, qe)| qs <= s && e == qe) {
                continue;
            }
            // A suffix inside a longer word (局面, 港口) is no suffix; a locative after it
            // (示范城里, 园区内) is.
            let locative = matches!(text.chars.get(e), Some('里' | '内' | '外'))
                && seg.token_at(e) == Some((e - 1, e + 1));
            // 防城港市委书记 (市委书记): a title after it is not.
            // (熊本市议会议长, …发展部副部长: the segmenter's 会议, 部副 across the suffix and
            // the title; looked up only where the segmenter runs on, for titles are many.)
            let title_after = || {
                seg.token_at(e)
                    .is_some_and(|(_, b)| self.rules.title_set.contains(text.norm_str(e, b)))
                    || self
                        .rules
                        .titles
                        .iter()
                        .any(|t| text.has_at(e, t) && t.len() > 3)
            };
            // 中国银行连云港分行为该项目…(行为): nor a one-character preposition after it.
            let preposition_after = seg.token_at(e) == Some((e - 1, e + 1))
                && matches!(
                    text.chars[e],
                    '为' | '在' | '与' | '和' | '将' | '是' | '于' | '对' | '向'
                );
            if e < text.chars.len()
                && seg.word_continues(e)
                && !suffix.ends_with('局')
                && !locative
                && !preposition_after
                && !title_after()
            {
                continue;
            }
            // 连云港, 防城港: the suffix is the end of a place's name.
            if place_ends.get(&e).is_some_and(|&start| start < s) {
                continue;
            }
            // 商务局局长: the title's first character repeats the suffix before it.
            if e - s == 1 && s > 0 && text.chars[s - 1] == text.chars[s] {
                continue;
            }
            // 园区产业布局 (产业布局 for the segmenter): a one-character suffix ending a
            // common word (布局, 格局) is no suffix.
            if e - s == 1 && s > 0 && self.rules.generic.contains(text.norm_str(s - 1, e)) {
                continue;
            }
            if let Some((ts, te)) = seg.token_at(s)
                && ts < s
            {
                if te == e && te - ts <= 2 {
                    continue;
                }
                // 市委书记: a word made of the suffix and a title still ends the name at the suffix.
                if te > e && !self.rules.title_set.contains(text.norm_str(e, te)) {
                    continue;
                }
            }
            // A suffix inside a quoted name belongs to that name.
            if quote_around(s)
                .is_some_and(|(qs, qe)| qs <= s && e <= qe && !(e == qe && qs + 1 >= s))
            {
                continue;
            }
            // 南京—名古屋青少年书画交流展开幕式: the ceremony of an event is that event.
            if *kind == EntityType::Event
                && ["开幕式", "闭幕式", "开幕仪式", "启动仪式", "签约仪式"]
                    .contains(&suffix.as_str())
                && self
                    .rules
                    .suffixes
                    .iter()
                    .any(|(other, k, _, _)| *k == EntityType::Event && text.has_before(s, other))
            {
                continue;
            }
            // 日本大阪市…: a country before one of its places only locates the name; so
            // does a province or prefecture before its city in a government's name
            // (日本佐贺县唐津市政府 → 唐津市政府).
            let mut start = self.scan_left(text, seg, s, &ends);
            // 某国驻沈阳总领事馆开馆仪式, 中国银行里昂分行开业仪式: the ceremony of an
            // organisation named right before it starts with that name.
            // (The organisation stays a name of its own.)
            if *kind == EntityType::Event
                && suffix.ends_with("仪式")
                && let Some(org) = made
                    .iter()
                    .rev()
                    // (Names are made in the order of their ends.)
                    .take_while(|c| c.end >= s)
                    .filter(|c| c.end == s && super::is_organisation(c.kind))
                    .map(|c| c.start)
                    .min()
            {
                start = start.min(org);
                hosts.insert((org, s));
            }
            while let Some(first_end) = ends.places_from(start)
                && let Some(next_end) = ends.places_from(first_end)
                && let (Some(&a), Some(&b)) = (
                    gaz_spans.get(&(start, first_end)),
                    gaz_spans.get(&(first_end, next_end)),
                )
                && a != usize::MAX
                && b != usize::MAX
                && match self.gazetteer.entry(a).kind {
                    EntityType::Country => self.gazetteer.country_of(b) == Some(a),
                    EntityType::Province | EntityType::Prefecture => {
                        *kind == EntityType::GovernmentBody
                            && self.gazetteer.entry(b).kind == EntityType::City
                            && self.gazetteer.ancestors(b).contains(&a)
                    }
                    _ => false,
                }
            {
                start = first_end;
            }
            // 东京都椿山庄大酒店: a place written with its administrative suffix only
            // locates a venue (大连周水子国际机场 is the airport's own name); so does a city
            // before a new area (郑州市郑东新区, not 天津滨海新区).
            let city_of_district = *kind == EntityType::District
                && ends
                    .places_from(start)
                    .is_some_and(|place_end| text.chars[place_end - 1] == '市');
            // (…and the places before it: 巴伐利亚州雷根斯堡市玛丽娜会议中心; a foreign country
            // alone too: 格鲁吉亚波季港.)
            let mut place_end = ends.places_from(start);
            let mut chained = false;
            while *kind == EntityType::Venue
                && let Some(end) = place_end
                && let Some(next) = ends.places_from(end).filter(|&next| next < s)
            {
                place_end = Some(next);
                chained = true;
            }
            let foreign_country = place_end.is_some_and(|end| {
                gaz_spans.get(&(start, end)).is_some_and(|&g| {
                    g != usize::MAX && {
                        let entry = self.gazetteer.entry(g);
                        entry.kind == EntityType::Country && entry.id != "iso:CN"
                    }
                })
            });
            if (*kind == EntityType::Venue || city_of_district)
                && let Some(place_end) = place_end
                && (matches!(
                    text.chars[place_end - 1],
                    '市' | '都' | '省' | '县' | '区' | '府'
                ) && s >= place_end + if city_of_district || chained { 2 } else { 3 }
                    || *kind == EntityType::Venue && foreign_country && s >= place_end + 2)
                && !(place_end..s).any(|k| ends.places_from(k).is_some())
            {
                start = place_end;
            }
            // 园区企业苏州华芯微电子有限公司, 槟城企业宏丰电子集团: "企业" after a place or a
            // kind of firm describes the company named after it (not 企业管理有限公司).
            if matches!(kind, EntityType::Company | EntityType::Bank)
                && let Some(k) = (start + 2..s.saturating_sub(3)).find(|&k| text.has_at(k, "企业"))
                && (ends.places.get(&k) == Some(&start)
                    || FIRM_KINDS.iter().any(|w| text.has_before(k, w)))
                && !NAME_AFTER_FIRM.iter().any(|w| text.has_at(k + 2, w))
            {
                start = k + 2;
            }
            // “中国光谷”企业武汉锐光…有限公司: a name does not start with 企业.
            if matches!(kind, EntityType::Company | EntityType::Bank)
                && text.has_at(start, "企业")
                && s >= start + 4
                && !NAME_AFTER_FIRM.iter().any(|w| text.has_at(start + 2, w))
            {
                start += 2;
            }
            // 市商务局, 与市外办: a municipal or provincial body named by its level alone.
            if *kind == EntityType::GovernmentBody
                && s >= start + 3
                && matches!(text.chars[s - 1], '市' | '省' | '区' | '县')
                && matches!(text.chars[s - 2], '与' | '和' | '及' | '、')
            {
                start = s - 1;
            }
            let level_only = *kind == EntityType::GovernmentBody
                && s == start + 1
                && matches!(text.chars[start], '市' | '省' | '区' | '县')
                && (start == 0
                    || !is_han(text.chars[start - 1])
                    || matches!(
                        text.chars[start - 1],
                        '与' | '和' | '及' | '、' | '由' | '在' | '同' | '向' | '对' | '经' | '据'
                    ));
            // (…友好城市关系20周年庆祝活动: an anniversary's name starts further left.)
            if s - start < *min_prefix
                && !level_only
                && !(*kind == EntityType::Event
                    && anniversary_start(text, &ends, start, s).is_some())
            {
                continue;
            }
            // 甲集团控股子公司: a subsidiary unnamed.
            if text.has_before(e, "子公司") {
                continue;
            }
            // 共建智能制造联合实验室: a laboratory named by its field alone is no name (中德智能
            // 制造联合实验室 and a quoted one are).
            if suffix.ends_with("实验室")
                && !ends.starts.contains_key(&start)
                && !(start > 0 && text.chars[start - 1] == '"')
            {
                continue;
            }
            // 老挝工业与贸易部, 国家工业和信息化部, 萨克森州经济、劳动和交通部, 越南投资与发展
            // 银行: a ministry or bank named by its fields.
            let field_word = |a: usize, b: usize| {
                let word = text.norm(a, b);
                (2..=4).contains(&(b - a))
                    && seg.is_dictionary_word(a, b)
                    && !ends.places.contains_key(&b)
                    && !self
                        .rules
                        .suffixes
                        .iter()
                        .any(|(w, ..)| word.ends_with(w.as_str()))
            };
            // (格鲁吉亚经济和可持续发展部: the segmenter may end the name inside the last field.)
            let joint = (start.saturating_sub(3)..=start).rev().find(|&k| {
                k >= 3
                    && matches!(text.chars[k - 1], '和' | '与' | '及')
                    && (k..start).all(|j| is_han(text.chars[j]))
            });
            if matches!(kind, EntityType::GovernmentBody | EntityType::Bank)
                && !level_only
                && let Some(joint) = joint
                && let Some((mut a, b)) = seg.token_at(joint - 2)
                && b == joint - 1
                && field_word(a, b)
                // (…和商务部: a known body after 和 is still the last field.)
                && !place_starts.contains(&joint)
                && s - joint <= 6
            {
                // More fields before, listed with 、 or written together (文化广电和旅游局).
                let mut together = 0;
                loop {
                    if a >= 3
                        && text.chars[a - 1] == '、'
                        && let Some((p, q)) = seg.token_at(a - 2)
                        && q == a - 1
                        && field_word(p, q)
                    {
                        a = p;
                    } else if together < 2
                        && a >= 2
                        && let Some((p, q)) = seg.token_at(a - 1)
                        && q == a
                        && field_word(p, q)
                    {
                        together += 1;
                        a = p;
                    } else {
                        break;
                    }
                }
                if let Some(&place) = ends.places.get(&a) {
                    start = place;
                } else if text.has_before(a, "国家") {
                    start = a - 2;
                } else if a == 0 || !is_han(text.chars[a - 1]) {
                    start = a;
                } else if matches!(text.chars[a - 1], '厅' | '局' | '部' | '委') {
                    // 省商务厅对外投资和经济合作处: a division named with its body.
                    start = self.scan_left(text, seg, a, &ends);
                }
            }
            if *kind == EntityType::Event {
                let edition = edition_start(text, start);
                // 青岛市2024年重点项目集中签约仪式: the place that holds a yearly event,
                // written before its year.
                start = match ends.places.get(&edition) {
                    Some(&place) if edition < start && text.chars[edition].is_ascii_digit() => {
                        place
                    }
                    _ => edition,
                };
            }
            // 大连市与日本福冈县北九州市缔结友好城市45周年纪念大会: an anniversary names the
            // tie it marks, from the first place of the clause.
            if *kind == EntityType::Event
                && let Some(tie) = anniversary_start(text, &ends, start, s)
            {
                start = tie;
            }
            // 经开区金龙湖国际会议中心: the zone the article is about, named again by its
            // kind, only locates the name.
            if matches!(*kind, EntityType::Venue | EntityType::EconomicZone)
                && let Some(zone) = ZONE_WORDS.iter().find(|w| text.has_at(start, w))
                && start + zone.chars().count() + 2 <= s
            {
                start += zone.chars().count();
            }
            let prefix: String = text.chars[start..s].iter().collect();
            let mut bare = start;
            // (A country before the name counts: 俄罗斯 of 滨海商业银行.)
            let mut places = usize::from(ends.places.contains_key(&start));
            while let Some(e) = ends.places_from(bare) {
                bare = e;
                places += 1;
            }
            let bare_prefix: String = text.chars[bare.min(s)..s].iter().collect();
            // 日本商业银行 names no bank; 俄罗斯滨海商业银行 and 重庆农村商业银行 do (a bank
            // of a place inside a country, a rural or city bank of a place).
            let commercial = match bare_prefix.as_str() {
                "商业" => places >= 2,
                "农村商业" | "城市商业" => true,
                _ => false,
            };
            // (国际文化中心: what a city becomes, not a building.)
            if self.rules.generic_prefixes.contains(&prefix)
                || (prefix == "国际" && *kind == EntityType::Venue)
                || (!prefix.is_empty() && prefix.chars().all(|c| c.is_ascii_digit()))
                || (bare > start
                    && self.rules.generic_prefixes.contains(&bare_prefix)
                    && !commercial)
            {
                continue;
            }
            // One-character suffixes (局, 部, 港) need a name made of words or a place.
            if e - s == 1 && !ends.starts.contains_key(&start) && !seg.is_dictionary_word(start, e)
            {
                // (新万金开发厅: after the 新 of a name.)
                let mut k = start + usize::from(text.chars[start] == '新');
                let mut words = true;
                while k < s {
                    let (a, b) = seg.token_at(k).unwrap_or((k, k + 1));
                    words &= b - a >= 2 && seg.is_dictionary_word(a, b);
                    k = b.max(k + 1);
                }
                if !words {
                    continue;
                }
            }
            let name: String = text.chars[start..e].iter().collect();
            // 越资银行, 外资企业: firms of some origin, none named.
            let of_origin = name.chars().nth(1) == Some('资') && name.chars().count() == 4;
            if self.rules.generic.contains(&name)
                || of_origin
                || name.starts_with('"') && !name[1..].contains('"')
            {
                continue;
            }
            // A bare place name with a zone suffix that the gazetteer knows is a place.
            if gaz_spans.contains_key(&(start, e)) {
                continue;
            }
            let kind = if *kind == EntityType::Company && name.contains("银行") {
                EntityType::Bank
            } else {
                *kind
            };
            let mut c = Candidate::new(start, e, kind, Origin::Suffix);
            // “X”主题研讨会: the quoted name and the long form are one entity.
            if let Some(&qe) = quote_starting.get(&(start + 1))
                && qe < e
            {
                c.same_as = Some((start + 1, qe));
            }
            made.push(c);
        }
        // 兰州银行党委, 兰州银行品牌宣传部: a unit inside a firm is no body of its own.
        made.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
        let firm_ends: rustc_hash::FxHashMap<usize, usize> = made
            .iter()
            .filter(|c| matches!(c.kind, EntityType::Bank | EntityType::Company))
            .map(|c| (c.start, c.end))
            .collect();
        made.retain(|c| {
            c.kind != EntityType::GovernmentBody
                || !firm_ends.get(&c.start).is_some_and(|&firm_end| {
                    firm_end < c.end
                        && c.end - firm_end <= 6
                        && ends.places_from(firm_end).is_none()
                })
        });
        // A branch also names its parent: 三井住友银行(中国)有限公司大连分行 → 三井住友银行(中国)有限公司.
        let mut by_start: rustc_hash::FxHashMap<usize, Vec<usize>> =
            rustc_hash::FxHashMap::default();
        for (i, c) in made.iter().enumerate() {
            by_start.entry(c.start).or_default().push(i);
        }
        let mut keep = vec![false; made.len()];
        let mut max_end = 0;
        for (i, c) in made.iter().enumerate() {
            if c.end > max_end || hosts.contains(&(c.start, c.end)) {
                keep[i] = true;
                max_end = c.end;
            }
        }
        for (i, c) in made.iter().enumerate() {
            // …and a zone's administration names its zone (某高新区管委会 → 某高新区).
            let administration = ["管委会", "管理委员会", "党工委"]
                .iter()
                .any(|s| text.has_before(c.end, s));
            if !keep[i] || !(administration || BRANCH.iter().any(|s| text.has_before(c.end, s))) {
                continue;
            }
            let parent = by_start
                .get(&c.start)
                .into_iter()
                .flatten()
                .copied()
                .filter(|&p| {
                    made[p].end < c.end
                        && made[p].end > c.start + 2
                        && (!administration
                            || matches!(
                                made[p].kind,
                                EntityType::EconomicZone | EntityType::District
                            ))
                })
                .max_by_key(|&p| made[p].end);
            if let Some(p) = parent {
                keep[p] = true;
            }
        }
        // An office takes its parent's type (日本贸易振兴机构大连代表处); an office of a
        // place (京畿道驻烟台经贸代表处, 北九州市大连事务所) is a government body.
        let mut known_at: rustc_hash::FxHashMap<usize, Vec<&Candidate>> = Default::default();
        for o in out.iter().filter(|o| o.origin == Origin::Gazetteer) {
            known_at.entry(o.start).or_default().push(o);
        }
        // Every ending of an office's name (up to 12 characters), with the longest name
        // it ends and that name's type.
        let mut office_tails: rustc_hash::FxHashMap<&str, (usize, EntityType)> = Default::default();
        for o in made.iter().filter(|o| !o.kind.is_place()) {
            if !OFFICES.iter().any(|s| text.has_before(o.end, s)) {
                continue;
            }
            for a in o.end.saturating_sub(12).max(o.start)..o.end {
                let slot = office_tails
                    .entry(text.norm_str(a, o.end))
                    .or_insert((0, o.kind));
                if o.end - o.start > slot.0 {
                    *slot = (o.end - o.start, o.kind);
                }
            }
        }
        for i in 0..made.len() {
            let c = &made[i];
            if !OFFICES.iter().any(|s| text.has_before(c.end, s)) {
                continue;
            }
            let parent = by_start
                .get(&c.start)
                .into_iter()
                .flatten()
                .map(|&p| &made[p])
                .chain(known_at.get(&c.start).into_iter().flatten().copied())
                .filter(|p| {
                    p.start == c.start
                        && p.end < c.end
                        && !p.kind.is_place()
                        && p.kind != EntityType::Event
                })
                .max_by_key(|p| p.end)
                .map(|p| p.kind);
            // (第比利斯代表处 said again of 兰州银行第比利斯代表处 is the bank's.)
            let named_in_full = || {
                office_tails
                    .get(text.norm_str(c.start, c.end))
                    .filter(|&&(len, _)| len > c.end - c.start)
                    .map(|&(_, kind)| kind)
            };
            if let Some(kind) = parent {
                made[i].kind = kind;
            } else if let Some(kind) = named_in_full() {
                made[i].kind = kind;
            } else if ends.starts.contains_key(&c.start) {
                made[i].kind = EntityType::GovernmentBody;
            }
        }
        out.extend(
            made.into_iter()
                .zip(keep)
                .filter(|(_, k)| *k)
                .map(|(c, _)| c),
        );
    }

    /// Foreign places the gazetteer does not know, written in transliteration
    /// characters before 市 (a city), 州 (a state or region) or 口岸 (a border crossing):
    /// 埃斯林根市, 波兰马拉舍维奇口岸.
    fn transliterated(&self, text: &Text, out: &mut Vec<Candidate>) {
        let chars = &text.chars;
        // One-character forms and minor places inside the run give way (埃, 斯, 林根), and
        // so do crossings cut short by the segmenter (维奇口岸).
        let gives_way = |c: &Candidate| {
            c.origin == Origin::Abbrev
                || c.origin == Origin::Gazetteer
                    && c.entry.is_some_and(|e| !self.gazetteer.entry(e).is_major())
                || c.origin == Origin::Suffix && c.end >= 2 && text.has_at(c.end - 2, "口岸")
        };
        let mut covered = vec![false; chars.len()];
        let mut ends = rustc_hash::FxHashSet::default();
        for c in out.iter() {
            if !gives_way(c) {
                covered[c.start..c.end].iter_mut().for_each(|k| *k = true);
            }
            ends.insert(c.end);
        }
        // A name of its own: after a boundary, a function word or another place.
        let boundary = |s: usize| {
            s == 0
                || !is_han(chars[s - 1])
                || ends.contains(&s)
                || matches!(
                    chars[s - 1],
                    '的' | '与' | '和' | '及' | '同' | '在' | '至' | '赴' | '到'
                )
        };
        // 布尔萨市尼吕费尔区: a district right after a foreign city (not 费尔 inside 尼吕费尔).
        let foreign_cities: Vec<usize> = out
            .iter()
            .filter(|c| {
                c.kind == EntityType::City
                    && boundary(c.start)
                    && c.entry.is_some_and(|e| {
                        !matches!(
                            self.gazetteer.entry(e).country.as_deref(),
                            Some("CN") | None
                        )
                    })
            })
            .map(|c| c.end + usize::from(chars.get(c.end) == Some(&'市')))
            .collect();
        let country_ends: rustc_hash::FxHashSet<usize> = out
            .iter()
            .filter(|c| {
                c.kind == EntityType::Country
                    && c.entry
                        .is_some_and(|e| self.gazetteer.entry(e).id != "iso:CN")
            })
            .map(|c| c.end)
            .collect();
        let mut made: Vec<Candidate> = Vec::new();
        let last_parts: std::cell::OnceCell<rustc_hash::FxHashSet<&str>> = Default::default();
        for (p, &c) in chars.iter().enumerate() {
            let (kind, suffix) = match c {
                '市' => (EntityType::City, 1),
                '州' => (EntityType::Province, 1),
                '口' if chars.get(p + 1) == Some(&'岸') => (EntityType::Venue, 2),
                _ => continue,
            };
            if covered[p] {
                continue;
            }
            let mut s = p;
            while s > 0
                && p - s < 8
                && !covered[s - 1]
                && self.transliteration.contains(&chars[s - 1])
            {
                s -= 1;
            }
            // (马里兰州安纳波利斯市: a first character common in Chinese names too, right
            // after another place.)
            if p - s >= 4
                && !boundary(s)
                && !covered[s - 1]
                && is_han(chars[s - 1])
                // (萨克森州首府德累斯顿市: not a word of its own.)
                && !"首省港城都州市县区国".contains(chars[s - 1])
                && s >= 2
                && ends.contains(&(s - 1))
            {
                s -= 1;
            }
            // (卡西姆市长: the last part of a transliterated name before 市长 is a person's.)
            let mayor = kind == EntityType::City && chars.get(p + 1) == Some(&'长') && {
                let parts = last_parts.get_or_init(|| {
                    let mut parts = rustc_hash::FxHashSet::default();
                    for (k, _) in chars.iter().enumerate().filter(|(_, c)| **c == '·') {
                        for n in 2..=5 {
                            if k + 1 + n <= chars.len() {
                                parts.insert(text.norm_str(k + 1, k + 1 + n));
                            }
                        }
                    }
                    parts
                });
                parts.contains(text.norm_str(s, p))
            };
            if p - s >= 3 && boundary(s) && !mayor {
                made.push(Candidate::new(s, p + suffix, kind, Origin::Suffix));
            }
        }
        // 缅甸木姐市: two characters of a city's name right after a foreign country.
        for &s in &country_ends {
            let p = s + 2;
            if chars.get(p) == Some(&'市')
                && (s..=p).all(|k| !covered[k])
                && chars[s..p]
                    .iter()
                    .all(|&c| is_han(c) && !NOT_IN_SHORT_TOWN_NAMES.contains(c))
                && !made.iter().any(|m| m.start <= s && s < m.end)
            {
                made.push(Candidate::new(s, p + 1, EntityType::City, Origin::Suffix));
            }
        }
        let new_cities: Vec<usize> = made
            .iter()
            .filter(|m| m.kind == EntityType::City)
            .map(|m| m.end)
            .collect();
        // (`made` is by start and without overlaps: the last one starting before the end
        // is the only one that can cross.)
        let mut districts = Vec::new();
        for &e in foreign_cities.iter().chain(&new_cities) {
            let Some(k) = (e + 2..(e + 6).min(chars.len())).find(|&k| chars[k] == '区') else {
                continue;
            };
            let before = made.partition_point(|m| m.start <= k);
            if (e..k)
                .all(|j| is_han(chars[j]) && !covered[j] && !"的与和及在同区".contains(chars[j]))
                && before.checked_sub(1).is_none_or(|i| made[i].end <= e)
            {
                districts.push(Candidate::new(
                    e,
                    k + 1,
                    EntityType::District,
                    Origin::Suffix,
                ));
            }
        }
        made.extend(districts);
        made.sort_by_key(|m| m.start);
        made.dedup_by(|a, b| a.start == b.start && a.end == b.end);
        // `made` comes by start, without overlaps: only the last one starting before.
        out.retain(|c| {
            let k = made.partition_point(|m| m.start <= c.start);
            !(gives_way(c)
                && k > 0
                && c.end <= made[k - 1].end
                && c.end - c.start < made[k - 1].end - made[k - 1].start)
        });
        out.extend(made);
    }

    /// Scans left from `s` (exclusive) over name characters to the start of the name.
    fn scan_left(&self, text: &Text, seg: &Segmentation<'_>, s: usize, ends: &Ends) -> usize {
        let chars = &text.chars;
        let floor = text
            .sentence_at(s)
            .map(|sp| sp.start)
            .unwrap_or(0)
            .max(s.saturating_sub(40));
        let mut i = s;
        // 大同市委: a suffix starting with the 市 of a place's name (whatever the segmenter
        // made of the place's short form).
        if matches!(chars.get(s), Some('市' | '省' | '县' | '区'))
            && let Some(&start) = ends.places.get(&(s + 1))
            && start >= floor
        {
            i = start;
        }
        while i > floor {
            let c = chars[i - 1];
            if c == '"' {
                // An opening quote: the name is inside quotes and starts here (straight
                // quotes open when an even number of them comes before in the sentence).
                let sentence_start = text.sentence_at(s).map_or(0, |sp| sp.start);
                let straight_opening = text.original[i - 1] == '"'
                    && (sentence_start..i - 1)
                        .filter(|&k| text.original[k] == '"')
                        .count()
                        % 2
                        == 0;
                if text.original[i - 1] == '“' || text.original[i - 1] == '「' || straight_opening
                {
                    break;
                }
                // Jump over a quoted span that ends here.
                let Some(open) = (floor..i - 1).rev().find(|&k| chars[k] == '"') else {
                    break;
                };
                if (open + 1..i - 1).any(|k| matches!(chars[k], '，' | ',' | '。' | '；')) {
                    break;
                }
                i = open;
                continue;
            }
            if c == ')' || c == '）' {
                // Only a short qualifier in parentheses: 三井住友银行(中国)有限公司, 中日(大连).
                let Some(open) = (i.saturating_sub(8).max(floor)..i - 1)
                    .rev()
                    .find(|&k| matches!(chars[k], '(' | '（'))
                else {
                    break;
                };
                // …or an acronym: 日本贸易振兴机构(JETRO)上海代表处.
                let acronym = (open + 1..i - 1).all(|k| chars[k].is_ascii_uppercase());
                // (…or two places: 中越(东兴—芒街)国际商贸博览会.)
                let han = (open + 1..i - 1).all(|k| is_han(chars[k]) || chars[k] == '—');
                if !(han || acronym) || open == floor || !is_name_char(chars[open - 1]) {
                    break;
                }
                i = open;
                continue;
            }
            // 烟台—京畿道经贸合作交流会, 中国—中亚峰会: two places joined by a dash (also
            // before a zone's administration: 二连浩特—扎门乌德经济合作区管理委员会).
            let zone_after = |i: usize| {
                (i + 2..=(i + 12).min(s)).any(|k| {
                    self.rules.suffixes.iter().any(|(w, kind, _, _)| {
                        *kind == EntityType::EconomicZone && text.has_before(k, w)
                    })
                })
            };
            // (中国（山东）—埃及经贸合作洽谈会: a place qualified in parentheses before the dash.)
            let before_dash = if i >= 3 && matches!(chars[i - 2], ')' | '）') {
                (i.saturating_sub(10).max(floor)..i - 2)
                    .rev()
                    .find(|&k| matches!(chars[k], '(' | '（'))
                    .filter(|&open| (open + 1..i - 2).all(|k| is_han(chars[k])))
                    .unwrap_or(i - 1)
            } else {
                i - 1
            };
            if matches!(c, '—' | '-')
                && (ends.starts.contains_key(&i) || s - i <= 6 || zone_after(i))
                && let Some(&start) = ends.places.get(&before_dash)
                && start >= floor
            {
                i = start;
                continue;
            }
            // 老挝磨憨—磨丁经济合作区: two or three characters after a known place, the
            // first border town.
            if matches!(c, '—' | '-')
                && s - i <= 6
                && let Some(k) = (i.saturating_sub(4).max(floor + 1)..i.saturating_sub(2))
                    .find(|&k| ends.places.contains_key(&k))
                && (k..i - 1).all(|j| is_han(chars[j]))
            {
                i = k;
                continue;
            }
            // 奥斯纳布吕克-埃姆斯兰-本特海姆…工商会: a hyphen between transliterated names.
            if c == '-'
                && i >= 2
                && is_han(chars[i - 2])
                && chars.get(i).is_some_and(|&n| is_han(n))
                && self.transliteration.contains(&chars[i - 2])
                && self.transliteration.contains(&chars[i])
            {
                i -= 1;
                continue;
            }
            // 中国—东盟商贸·旅游博览会: fields joined by '·' in a fair's name.
            if c == '·'
                && i >= 2
                && is_han(chars[i - 2])
                && chars.get(i).is_some_and(|&n| is_han(n))
                && ["博览会", "交易会", "展销会", "洽谈会", "交流会", "展览会"]
                    .iter()
                    .any(|w| text.has_at(s, w))
            {
                i -= 1;
                continue;
            }
            if !is_name_char(c) {
                break;
            }
            // A name never runs over '·' (新河北·河北日报).
            if ends.people.contains(&i) {
                break;
            }
            if let Some(&start) = ends.places.get(&i) {
                i = start;
                continue;
            }
            let (ts, _) = seg.token_at(i - 1).unwrap_or((i - 1, i));
            // 9月经天津市人民政府批准 (the segmenter's 月经), 12个日本地方政府: a date or a
            // classifier after a number ends the name.
            if ts > 0
                && chars[ts - 1].is_ascii_digit()
                && matches!(
                    chars[ts],
                    '年' | '月' | '日' | '个' | '家' | '名' | '位' | '座' | '项' | '批'
                )
            {
                break;
            }
            let token: String = chars[ts..i].iter().collect();
            // 人民委员会副主席阮文胜率海防市政府代表团, 管委会主任何志明作园区推介 (任何 for
            // the segmenter): a title with words between it and the suffix ends the name
            // (议员联盟, with the suffix right after, does not).
            let title_end = (ts + 1..=i)
                .rev()
                .find(|&k| k < s && ends.titles.contains(&k));
            if let Some(k) = title_end {
                i = k;
                break;
            }
            // A one-character verb right before the suffix is more likely part of a
            // transliterated or abbreviated name (哈市, 东盟) than a verb.
            let weak_stop = seg.is_stop(i - 1)
                && i - ts == 1
                && (s - i < 2
                    // 广西盛隆冶金有限公司: a brand character right after a place.
                    || ends.places.contains_key(&ts)
                    || matches!(chars[i], '市' | '省' | '县' | '州')
                    || single_character_pair(text, seg, ends, ts)
                    || self.transliterated_run(text, ts + 1, floor)
                    // 在磨憨国际会展中心 (磨/v 憨/ng): two lone characters are an unknown
                    // place's name.
                    || seg.token_at(i) == Some((i, i + 1))
                        && is_han(chars[i])
                        && !seg.is_stop(i)
                        && !self.rules.boundaries.contains(&chars[i].to_string()));
            // 投资促进局, 投资合作局, 投资发展有限公司, 投资贸易委员会: the field of a body,
            // not a verb.
            // (外经建设(集团)有限公司, 城市建设集团: so is the trade of a firm.)
            let field = matches!(token.as_str(), "投资" | "促进")
                && ["", "促进", "合作", "发展", "控股", "贸易"]
                    .iter()
                    .any(|w| chars[i..s].iter().copied().eq(w.chars()))
                // (外经建设: 经 of foreign economic work, not the preposition.)
                || token == "经" && ts > 0 && chars[ts - 1] == '外'
                || matches!(token.as_str(), "建设" | "开发" | "发展" | "工程")
                    && ["", "集团", "(集团)"]
                        .iter()
                        .any(|w| chars[i..s].iter().copied().eq(w.chars()));
            // 日本丰和精密电子株式会社, 山东鸢都动力部件有限公司: 和 or 都 after a single
            // character opening the name. (熊本城和熊本县立美术馆: not when a place follows.)
            let paired = matches!(token.as_str(), "和" | "都")
                && single_character_pair(text, seg, ends, ts)
                && !ends.starts.contains_key(&i);
            // 佩奇南部工业园: the part of a place named right after it belongs to the name.
            let place_part = matches!(
                token.as_str(),
                "东部" | "西部" | "南部" | "北部" | "东南部" | "东北部" | "西南部" | "西北部"
            ) && ends.places.contains_key(&ts)
                && self
                    .rules
                    .suffixes
                    .iter()
                    .any(|(w, k, ..)| *k == EntityType::EconomicZone && text.has_at(s, w));
            // 江苏盐海新材料有限公司: 新 of a new field (新材料, 新能源) inside a firm's name.
            let new_field = token == "新"
                && ts > 0
                && is_han(chars[ts - 1])
                && ["材料", "能源", "技术", "科技", "动能"]
                    .iter()
                    .any(|w| text.has_at(i, w));
            // 韩国新万金国家产业园区, 沈阳新世界博览馆: 新 opening a name of two characters
            // or more, after a place or where a clause starts (建设新园区: a new one).
            let new_name = token == "新"
                && s - i >= 2
                && !seg.is_stop(i)
                && (ts == floor
                    || ends.places.contains_key(&ts)
                    || !is_name_char(chars[ts - 1])
                    || matches!(chars[ts - 1], '与' | '和' | '同' | '及' | '在' | '、'));
            if self.rules.boundaries.contains(&token)
                && !field
                && !paired
                && !new_field
                && !new_name
                || (seg.is_stop(i - 1) && !weak_stop && !place_part)
                || token.chars().all(|c| c.is_ascii_digit())
            {
                // 合肥经开区管理委员会: the segmenter splits a zone's short suffix (经/开/区);
                // the suffix is part of the name.
                let zone_suffix_start = (i - ts == 1)
                    .then(|| self.rules.suffixes.iter())
                    .into_iter()
                    .flatten()
                    .filter(|(w, k, _, _)| {
                        w.chars().count() >= 3
                            && matches!(k, EntityType::EconomicZone | EntityType::District)
                    })
                    .find_map(|(w, _, _, _)| {
                        let n = w.chars().count();
                        // A suffix running across the break point.
                        (i.saturating_sub(n - 1).max(floor + 1)..i)
                            .find(|&j| j + n >= i && text.has_at(j, w))
                    });
                if let Some(j) = zone_suffix_start {
                    i = j;
                    continue;
                }
                // …合作区建设推进会: the zone's building is what the meeting is about.
                if i == s
                    && token == "建设"
                    && self.rules.suffixes.iter().any(|(w, k, _, _)| {
                        *k == EntityType::EconomicZone && text.has_before(ts, w)
                    })
                {
                    i = ts;
                    continue;
                }
                // 位于大邱的启明大学: a two-character word the segmenter takes for a verb is
                // the whole name when nothing but a function word stands before it.
                if i == s
                    && i - ts == 2
                    && ts > floor
                    && matches!(chars[ts - 1], '的' | '与' | '和' | '、')
                    && !self.rules.boundaries.contains(&token)
                    && !self.rules.generic_prefixes.contains(&token)
                {
                    i = ts;
                    break;
                }
                // 磨憨—磨丁经济合作区: a place unknown to the gazetteer after a dash, the
                // pair named by two border towns.
                if let Some(dash) = (i.saturating_sub(5).max(floor + 1)..i)
                    .rev()
                    .find(|&k| matches!(chars[k - 1], '—' | '-'))
                    && (dash..i).all(|k| is_han(chars[k]))
                    && s - dash >= 2
                    && let Some(&start) = ends.places.get(&(dash - 1))
                    && start >= floor
                {
                    i = start;
                    continue;
                }
                break;
            }
            i = ts;
        }
        // …副主席阮文胜率海防市政府代表团, 会长刘建民主持签约仪式: nor do a person after a
        // title and a verb after the person.
        let person_verb = (i.saturating_sub(3)..s).find_map(|t| {
            if !ends.titles.contains(&t) {
                return None;
            }
            (2..=3).find_map(|n| {
                let verb = self.rules.followers.iter().find(|f| {
                    let end = t + n + f.chars().count();
                    f.chars().count() <= 2 && end <= s && end > i && text.has_at(t + n, f)
                })?;
                ((t..t + n).all(|k| is_han(chars[k])) && self.has_surname(&text.norm(t, t + n)))
                    .then(|| t + n + verb.chars().count())
            })
        });
        if let Some(end) = person_verb {
            i = end;
        }
        // Never start on name punctuation.
        while i < s && matches!(chars[i], '·' | '—' | '-') {
            i += 1;
        }
        i
    }

    /// 新华社大连2月27日电, 来源：新河北, 文章来源：新华社.
    fn sources(&self, text: &Text, out: &mut Vec<Candidate>) {
        for key in ["来源:", "来源 :", "文章来源:"] {
            let mut from = 0;
            let mut hits = 0;
            while let Some(p) = text.find(key, from, text.chars.len()) {
                hits += 1;
                if hits > 20 {
                    break;
                }
                let s = p + key.chars().count();
                let s = (s..text.chars.len())
                    .find(|&k| text.chars[k] != ' ')
                    .unwrap_or(s);
                let mut e = s;
                while e < text.chars.len()
                    && (is_han(text.chars[e])
                        || text.chars[e].is_ascii_alphanumeric()
                        || text.chars[e] == '.')
                    && e - s < 30
                {
                    e += 1;
                }
                while e > s && text.chars[e - 1] == '.' {
                    e -= 1;
                }
                // A place at its start (来源:宁夏新闻网) is part of the outlet's name.
                if e - s >= 2
                    && !out
                        .iter()
                        .any(|c| c.start <= s && s < c.end && (c.end >= e || !c.kind.is_place()))
                {
                    out.push(Candidate::new(s, e, EntityType::Company, Origin::Source));
                }
                from = p + 1;
            }
        }
        // "Source: Lingnan Economic Herald": the capitalised words up to the line's end.
        if let Some(p) = text.find("Source:", 0, text.chars.len().min(600)) {
            let s = p + "Source:".chars().count() + 1;
            let mut e = s;
            while e < text.chars.len() && !matches!(text.chars[e], '\n' | '\r' | '|') && e - s < 60
            {
                e += 1;
            }
            while e > s && text.chars[e - 1] == ' ' {
                e -= 1;
            }
            let line = text.norm(s.min(e), e);
            let capitalised = line
                .split(' ')
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
            if e > s + 2 && capitalised && !out.iter().any(|c| c.start <= s && s < c.end) {
                out.push(Candidate::new(s, e, EntityType::Company, Origin::Source));
            }
        }
        // "DURBAN, South Africa, Sept. 17 (Xinhua) --": the agency on the dateline.
        let head = text.chars.len().min(600);
        if let Some(close) = [") --", ") —", ") -"]
            .iter()
            .filter_map(|w| text.find(w, 0, head))
            .min()
            && let Some(open) = (close.saturating_sub(40)..close)
                .rev()
                .find(|&k| text.chars[k] == '(')
        {
            // (A dateline opens the line: "DURBAN, …", not "… Bank (AIIB) - a lender".)
            let line_start = (0..open)
                .rev()
                .find(|&k| text.chars[k] == '\n')
                .map_or(0, |k| k + 1);
            let place = text
                .norm_str(line_start, open)
                .split(',')
                .next()
                .unwrap_or("");
            let dateline = place.len() >= 3
                && place.len() < open - line_start
                && place
                    .chars()
                    .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\''));
            let name = text.norm_str(open + 1, close);
            let capitalised = dateline
                && !name.is_empty()
                && name
                    .split(' ')
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase));
            if capitalised && !out.iter().any(|c| c.start <= open + 1 && open + 1 < c.end) {
                out.push(Candidate::new(
                    open + 1,
                    close,
                    EntityType::Company,
                    Origin::Source,
                ));
            }
        }
        // "The Columbus Ledger | Thursday, Oct. 17, 2024": the outlet before its date.
        for line in text.chars[..text.chars.len().min(400)]
            .split(|c| *c == '\n')
            .scan(0, |at, line| {
                let start = *at;
                *at += line.len() + 1;
                Some((start, line.len()))
            })
        {
            let (mut s, n) = line;
            let end = s + n;
            let Some(bar) = text.find(" | ", s, end) else {
                continue;
            };
            // (After its label: "Source: Xinhua | 2024-11-19".)
            if let Some(colon) = text.find(": ", s, bar)
                && !text.chars[s..colon].contains(&' ')
            {
                s = colon + 2;
            }
            let name = text.norm(s, bar);
            let words: Vec<&str> = name.split(' ').collect();
            let dated = text.chars[bar..end]
                .windows(4)
                .any(|w| w.iter().all(char::is_ascii_digit));
            if dated
                && (2..=5).contains(&words.len())
                && words
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                && !out
                    .iter()
                    .any(|c| c.start <= s && s < c.end && c.end >= bar)
            {
                out.push(Candidate::new(s, bar, EntityType::Company, Origin::Source));
            }
            break;
        }
        // The outlet on the article's date line: 2021-03-02 08:00 大连晚报.
        let head_end = text.chars.len().min(400);
        let head: String = text.chars[..head_end].iter().collect();
        if let Some(m) = dateline_re().find(&head) {
            let s = head[..m.end()].chars().count();
            let mut e = s;
            while e < head_end && is_han(text.chars[e]) && e - s < 10 {
                e += 1;
            }
            let line_ends = text
                .chars
                .get(e)
                .is_none_or(|c| matches!(c, ' ' | '\n' | '\r'));
            // (Not the byline after it: 2025-06-20  记者 韦晓峰.)
            let byline = matches!(
                text.norm_str(s, e),
                "记者" | "通讯员" | "编辑" | "作者" | "责任编辑" | "责编" | "摄影" | "文"
            );
            if e - s >= 2 && line_ends && !byline {
                push_outlet(out, s, e);
            }
        }
        // …or before it: 云南网 2023-11-20 18:05.
        if let Some(m) = outlet_line_re().captures(&head).and_then(|c| c.get(1)) {
            let s = head[..m.start()].chars().count();
            push_outlet(out, s, s + m.as_str().chars().count());
        }
        // The outlet's own news line: 北疆口岸观察讯（记者 …）.
        if let Some(p) = text.find("讯(记者", 0, head_end) {
            let mut s = p;
            while s > 0 && is_han(text.chars[s - 1]) && p - s < 12 {
                s -= 1;
            }
            // 本报讯, 本刊讯: "this paper", named on the date line if at all.
            if p - s >= 2 && text.chars[s] != '本' {
                push_outlet(out, s, p);
            }
        }
        // Dateline: NAME PLACE 月 日 电.
        let mut from = 0;
        let mut hits = 0;
        while let Some(p) = text.find("日电", from, text.chars.len().min(5000)) {
            from = p + 1;
            hits += 1;
            if hits > 10 {
                break;
            }
            let line_start = text.sentence_at(p).map(|s| s.start).unwrap_or(0);
            let Some(place) = out
                .iter()
                .filter(|c| {
                    c.origin == Origin::Gazetteer
                        && c.start >= line_start
                        && c.end <= p
                        && p - c.end <= 6
                })
                .min_by_key(|c| c.start)
                .cloned()
            else {
                continue;
            };
            let mut s = place.start;
            while s > line_start && is_han(text.chars[s - 1]) && place.start - s < 8 {
                s -= 1;
            }
            if place.start - s >= 2
                && !out
                    .iter()
                    .any(|c| c.start < place.start && c.end > s && c.origin != Origin::Abbrev)
            {
                out.retain(|c| !(c.start < place.start && c.end > s));
                out.push(Candidate::new(
                    s,
                    place.start,
                    EntityType::Company,
                    Origin::Source,
                ));
            }
        }
    }

    /// People next to titles: 市长李某, 李某会长, (记者 李某).
    fn people(&self, text: &Text, seg: &Segmentation<'_>, out: &mut Vec<Candidate>) {
        let chars = &text.chars;
        let norm = text.normalised.as_str();
        let mut b2c = ByteToChar::default();
        // The outermost non-person candidate covering each character, and candidate ends.
        let mut cover: Vec<u32> = vec![u32::MAX; chars.len()];
        let mut ends: rustc_hash::FxHashSet<usize> = rustc_hash::FxHashSet::default();
        // Characters covered only by minor place names (中村, 佐野): a family name too.
        let mut minor = vec![true; chars.len()];
        for c in out.iter().filter(|c| c.origin != Origin::Abbrev) {
            let is_minor = c.origin == Origin::Gazetteer
                && c.kind.is_place()
                && c.entry.is_some_and(|e| !self.gazetteer.entry(e).is_major());
            for k in c.start..c.end {
                if cover[k] == u32::MAX || (cover[k] as usize) > c.start {
                    cover[k] = c.start as u32;
                }
                minor[k] &= is_minor;
            }
            ends.insert(c.end);
        }
        let mut people: Vec<Candidate> = Vec::new();
        for m in self.titles.find_iter(norm) {
            let ts = b2c.at(norm, m.start());
            let te = ts + norm[m.start()..m.end()].chars().count();
            // Inside an organisation name (副市长 is fine, 市长 in 北九州市市长 too).
            if (ts..te).any(|k| cover[k] != u32::MAX && (cover[k] as usize) < ts)
                && cover
                    .get(te.saturating_sub(1))
                    .is_some_and(|&c| c != u32::MAX)
                && !ends.contains(&ts)
            {
                continue;
            }
            // TITLE NAME
            if let Some((s, end)) = self.name_after(text, seg, te, &cover, &minor) {
                let mut c = Candidate::new(s, end, EntityType::Person, Origin::Title);
                c.title = Some((ts, te));
                people.push(c);
                // （记者 林晓帆 陈嘉禾）, （记者宋雨桐、孟凡超）: more reporters of the byline.
                if matches!(&norm[m.start()..m.end()], "记者" | "通讯员" | "实习生") {
                    let mut at = end;
                    loop {
                        let s = at + 1;
                        let e = (s..chars.len().min(s + 5))
                            .find(|&k| !is_han(chars[k]))
                            .unwrap_or(s);
                        if !matches!(chars.get(at), Some(' ' | '　' | '、'))
                            || !(2..=4).contains(&(e - s))
                            || !matches!(
                                chars.get(e),
                                Some(' ' | '　' | ')' | '）' | '、' | '\n') | None
                            )
                            || !self.has_surname(&text.norm(s, e))
                            || self.rules.title_set.contains(text.norm_str(s, e))
                        {
                            break;
                        }
                        let mut c = Candidate::new(s, e, EntityType::Person, Origin::Title);
                        c.title = Some((ts, te));
                        people.push(c);
                        at = e;
                    }
                }
                continue;
            }
            // NAME TITLE
            if let Some(start) = self.name_before(text, ts, &ends)
                // A place before its own title (苏州市副市长) is no name.
                && !(start..ts).any(|k| cover[k] != u32::MAX)
            {
                let mut c = Candidate::new(start, ts, EntityType::Person, Origin::Title);
                c.title = Some((ts, te));
                people.push(c);
            }
        }
        // (文/王婧 图/李昂 审核/郭峰): the credits of a web page's byline.
        for (k, _) in chars.iter().enumerate().filter(|&(_, &c)| c == '/') {
            let role = CREDITS.iter().find(|w| {
                let n = w.chars().count();
                text.has_before(k, w) && (k == n || !is_han(chars[k - n - 1]))
            });
            if role.is_some()
                && let Some((s, end)) = self.name_after(text, seg, k, &cover, &minor)
            {
                people.push(Candidate::new(s, end, EntityType::Person, Origin::Title));
            }
        }
        // 黄雨桐说, 留学生佐藤美咲表示: a name the segmenter tags as a person's, right before
        // a verb of saying, standing alone on its left, with a known family name.
        let mut said = vec![false; chars.len()];
        for p in &people {
            said[p.start..p.end].iter_mut().for_each(|t| *t = true);
        }
        // (福格特说: the last part of a transliterated name, found again later.)
        let last_parts: rustc_hash::FxHashSet<&str> = people
            .iter()
            .filter_map(|p| {
                let name = text.norm_str(p.start, p.end);
                name.rsplit_once('·').map(|(_, last)| last)
            })
            .collect();
        let mut speakers = Vec::new();
        for verb in ["表示", "说", "介绍", "指出", "坦言"] {
            let mut from = 0;
            while let Some(f) = text.find(verb, from, chars.len()) {
                from = f + 1;
                let found = [3, 2].into_iter().find(|&n| {
                    let Some(s) = f.checked_sub(n) else {
                        return false;
                    };
                    (s..f).all(|k| is_han(chars[k]) && cover[k] == u32::MAX && !said[k])
                        && (s == 0
                            || !is_han(chars[s - 1])
                            || ends.contains(&s)
                            || ["代表", "学生", "留学生", "市民", "游客", "负责人", "店主"]
                                .iter()
                                .any(|d| text.has_before(s, d)))
                        && self.has_surname(text.norm_str(s, f))
                        && (n == 3 || seg.has_person_tag(s, f))
                        && !self.rules.generic.contains(text.norm_str(s, f))
                        && !last_parts.contains(text.norm_str(s, f))
                });
                if let Some(n) = found {
                    speakers.push(Candidate::new(f - n, f, EntityType::Person, Origin::Title));
                }
            }
        }
        people.extend(speakers);
        people.sort_by_key(|c| (c.start, c.end));
        people.dedup_by(|b, a| a.start == b.start && a.end == b.end);
        let mut taken = vec![false; chars.len()];
        for p in &people {
            for t in taken.iter_mut().take(p.end).skip(p.start) {
                *t = true;
            }
        }
        out.retain(|c| !(c.start..c.end).any(|k| taken[k]));
        out.extend(people);
    }

    fn name_after(
        &self,
        text: &Text,
        seg: &Segmentation<'_>,
        at: usize,
        cover: &[u32],
        minor: &[bool],
    ) -> Option<(usize, usize)> {
        let chars = &text.chars;
        let mut s = at;
        let mut byline = false;
        while s < chars.len() && s < at + 4 && matches!(chars[s], ' ' | '|' | ':' | '/') {
            byline |= chars[s] != ' ';
            s += 1;
        }
        // 记者从开幕式上获悉, 记者近日了解到: what the reporter learnt, not a name.
        if (text.has_before(at, "记者") || text.has_before(at, "通讯员"))
            && REPORTER_VERBS.iter().any(|w| text.has_at(s, w))
        {
            return None;
        }
        let mut e = s;
        while e < chars.len()
            && e - s < 16
            && (is_han(chars[e])
                || (matches!(chars[e], '·' | '-')
                    && e > s
                    && chars.get(e + 1).is_some_and(|&c| is_han(c))))
        {
            // 行长渡边拓也表示: 也 ends a Japanese given name before a follower.
            // 行长渡边拓也表示, 市长三宅和彦率领: 也 and 和 inside a Japanese given name,
            // when a four-character name ends before a follower.
            // (仲宗根达也在: five characters after a family name of three.)
            let japanese_given = matches!(chars[e], '也' | '和')
                && [(2, 4), (3, 5)].iter().any(|&(family, n)| {
                    (e - s == n - 2 || e - s == n - 1)
                        && s + family <= chars.len()
                        && self.rules.surnames.contains(text.norm_str(s, s + family))
                        && (s + 2..s + n).all(|k| chars.get(k).is_some_and(|c| is_han(*c)))
                        && (chars.get(s + n).is_none_or(|c| !is_han(*c))
                            || self.rules.followers.iter().any(|f| text.has_at(s + n, f)))
                });
            if e - s >= 2
                && !japanese_given
                && self.rules.followers.iter().any(|f| text.has_at(e, f))
            {
                break;
            }
            if e - s >= 2 && self.rules.titles.iter().any(|t| text.has_at(e, t)) {
                break;
            }
            // 会长松田健一至今记得: a Japanese four-character name ends before an adverb or
            // a verb.
            if e - s == 4
                && seg.token_at(e).is_some_and(|(a, b)| a == e && b > e + 1)
                && seg.is_stop(e)
                && self.rules.surnames.contains(text.norm_str(s, s + 2))
            {
                break;
            }
            e += 1;
        }
        let len = e - s;
        let name: String = chars[s..e].iter().collect();
        // A transliterated name: 芭芭拉·施耐德, after any title still before it
        // (公使衔参赞苏菲·贝尔纳).
        let skip = name.contains('·').then(|| {
            let first = name.split('·').next().unwrap_or_default();
            self.rules
                .titles
                .iter()
                .filter_map(|t| {
                    first
                        .rfind(t.as_str())
                        .map(|p| first[..p].chars().count() + t.chars().count())
                })
                .max()
        });
        let (s, _) = match skip.flatten() {
            Some(skip) => (s + skip, name.chars().skip(skip).collect()),
            None => (s, name),
        };
        // 让-吕克·莫罗笑着说, 皮埃尔·拉方举行会谈: the last part ends before a verb.
        if let Some(dot) = (s..e).rev().find(|&k| chars[k] == '·') {
            let verb = (dot + 3..e).find(|&k| {
                seg.token_at(k).is_some_and(|(a, _)| a == k)
                    && self.rules.followers.iter().any(|f| text.has_at(k, f))
            });
            if let Some(k) = verb {
                e = k;
            }
        }
        let name: String = chars[s..e].iter().collect();
        // No part is a place (法国·巴黎); a place starting a part (瓦姆 of 瓦姆布伊) is none.
        let mut part_start = s;
        let mut place_part = false;
        let separators = (s..e).filter(|&k| matches!(chars[k], '·' | '-'));
        for k in separators.chain(std::iter::once(e)) {
            place_part |=
                k > part_start && (part_start..k).all(|j| cover[j] != u32::MAX && !minor[j]);
            part_start = k + 1;
        }
        if name.contains('·')
            && name
                .split(['·', '-'])
                .all(|part| (1..=7).contains(&part.chars().count()))
            && !place_part
        {
            return Some((s, e));
        }
        if !(2..=6).contains(&len) {
            return None;
        }
        // A name does not end inside a word (记者从会上获悉), unless a follower makes that
        // word with the name's last character (阮文胜率…代表团: 胜率; 刘建民主持: 民主;
        // 议长高桥健一等: 一等).
        let follower_word = (len == 3
            || len == 4 && self.rules.surnames.contains(text.norm_str(s, s + 2)))
            && self.has_surname(&name)
            && seg.token_at(e) == Some((e - 1, e + 1))
            && self.rules.followers.iter().any(|f| text.has_at(e, f));
        if seg.word_continues(e) && !follower_word {
            return None;
        }
        // Not a place or an organisation; a minor place name only as a family name.
        let covered = (s..e).filter(|&k| cover[k] != u32::MAX);
        // 总经理松原浩二表示, 副市长中村健一郎，: a two-character family name that is also a
        // city's short form, right after the title and before the verb or a break.
        let family_place = (4..=5).contains(&len)
            && covered.clone().eq([s, s + 1])
            && self
                .rules
                .surnames
                .contains(&name.chars().take(2).collect::<String>())
            && (chars.get(e).is_none_or(|c| !is_han(*c))
                || self.rules.followers.iter().any(|f| text.has_at(e, f)));
        if covered.clone().any(|k| !minor[k]) && !family_place {
            return None;
        }
        // (Japanese given names run to three characters: 中村健一郎.)
        if covered.count() > 0 && !(self.has_surname(&name) && (3..=5).contains(&len)) {
            return None;
        }
        // 作者:记者 马瑞: a title is no name.
        if self.rules.generic.contains(&name)
            || self.rules.boundaries.contains(&name)
            || self.rules.title_set.contains(&name)
        {
            return None;
        }
        let followed_by_break = chars.get(e).is_none_or(|c| !is_han(*c));
        if byline && len <= 3 && followed_by_break {
            return Some((s, e));
        }
        // A known family name, or the segmenter's person tag as a weaker sign.
        let surname = self.has_surname(&name) || (len >= 3 && seg.has_person_tag(s, e));
        // Names are not made of dictionary words (赋予大连建设).
        let mut k = s;
        let mut words = 0;
        while k < e {
            let (a, b) = seg.token_at(k).unwrap_or((k, k + 1));
            if b - a >= 2
                && seg.is_dictionary_word(a, b)
                && !self.rules.surnames.contains(&text.norm(a, b))
            {
                words += 1;
            }
            if seg.is_stop(k) && b - a >= 2 && !surname {
                return None;
            }
            k = b.max(k + 1);
        }
        if (words >= 2 && !surname) || words >= 3 || (words == 1 && !surname) {
            return None;
        }
        if !surname && len < 3 {
            return None;
        }
        if !surname
            && chars[s..e]
                .iter()
                .any(|c| matches!(c, '的' | '是' | '在' | '和' | '了' | '与'))
        {
            return None;
        }
        Some((s, e))
    }

    fn name_before(
        &self,
        text: &Text,
        title_start: usize,
        ends: &rustc_hash::FxHashSet<usize>,
    ) -> Option<usize> {
        let chars = &text.chars;
        let mut s = title_start;
        while s > 0 && is_han(chars[s - 1]) && title_start - s < 5 {
            s -= 1;
            if ends.contains(&s) {
                break;
            }
        }
        let len = title_start - s;
        if !(2..=4).contains(&len) {
            return None;
        }
        // The name must stand alone on its left: start of clause, list mark or an entity.
        let left_ok = s == 0 || !is_han(chars[s - 1]) || ends.contains(&s);
        if !left_ok {
            return None;
        }
        let name: String = chars[s..title_start].iter().collect();
        // 市委副书记: a body named by a suffix word alone is no person.
        if self.rules.suffix_type(&name).is_some_and(|(_, n)| n == len)
            || self.rules.generic.contains(&name)
        {
            return None;
        }
        let two: String = name.chars().take(2).collect();
        let ok = (self.has_surname(&name) && len <= 3)
            || (len == 4 && self.rules.surnames.contains(&two));
        ok.then_some(s)
    }

    /// 的恩德勒工业软件有限公司: three or more characters of transliteration ending at
    /// `end`, standing on their own on the left, are a foreign name.
    fn transliterated_run(&self, text: &Text, end: usize, floor: usize) -> bool {
        let chars = &text.chars;
        let mut k = end;
        while k > floor && self.transliteration.contains(&chars[k - 1]) {
            k -= 1;
        }
        end - k >= 3
            && (k == floor || !is_name_char(chars[k - 1]) || matches!(chars[k - 1], '的' | '、'))
    }

    fn has_surname(&self, name: &str) -> bool {
        let one: String = name.chars().take(1).collect();
        let two: String = name.chars().take(2).collect();
        let three: String = name.chars().take(3).collect();
        self.rules.surnames.contains(&one)
            || self.rules.surnames.contains(&two)
            || self.rules.surnames.contains(&three)
    }

    /// English names: capitalised phrases ending in an organisation suffix, people next
    /// to titles (`Sly James, the mayor of`, `Mayor Sly James`).
    fn english(&self, text: &Text, out: &mut Vec<Candidate>) {
        let words = english_words(&text.chars);
        let cap = |w: &(usize, usize)| text.chars[w.0].is_uppercase();
        let connector = |w: &(usize, usize)| {
            matches!(
                text.norm(w.0, w.1).as_str(),
                "of" | "for" | "and" | "&" | "de" | "'s"
            )
        };
        let mut seen: rustc_hash::FxHashSet<(usize, usize)> =
            out.iter().map(|c| (c.start, c.end)).collect();
        // The places the gazetteer found (this step adds none): where they end, and the
        // cities among them (looked up per name, so run-on text stays linear).
        let place_ends: rustc_hash::FxHashSet<usize> = out
            .iter()
            .filter(|c| c.origin == Origin::Gazetteer && c.kind.is_place())
            .map(|c| c.end)
            .collect();
        let place_at: rustc_hash::FxHashMap<usize, usize> = out
            .iter()
            .filter(|c| c.origin == Origin::Gazetteer && c.kind.is_place())
            .map(|c| (c.start, c.end))
            .collect();
        let country_at: rustc_hash::FxHashSet<usize> = out
            .iter()
            .filter(|c| c.kind == EntityType::Country)
            .map(|c| c.start)
            .collect();
        let mut named_cities: Vec<usize> = out
            .iter()
            .filter(|c| c.origin == Origin::Gazetteer && c.kind == EntityType::City)
            .filter_map(|c| c.entry)
            .collect();
        named_cities.sort_unstable();
        named_cities.dedup();
        let last_words: rustc_hash::FxHashSet<&str> = self
            .rules
            .english_suffixes
            .iter()
            .filter_map(|(s, _)| s.rsplit(' ').next())
            .collect();
        let mut i = 0;
        while i < words.len() {
            // Suffix match ending at word i.
            let mut matched = None;
            let last = text.norm(words[i].0, words[i].1);
            for (suffix, kind) in self
                .rules
                .english_suffixes
                .iter()
                .filter(|_| last_words.contains(last.as_str()))
            {
                let n = suffix.split(' ').count();
                if i + 1 >= n {
                    let first = i + 1 - n;
                    let phrase: Vec<String> = words[first..=i]
                        .iter()
                        .map(|w| text.norm(w.0, w.1))
                        .collect();
                    if phrase.join(" ") == *suffix {
                        matched = Some((first, *kind));
                        break;
                    }
                }
            }
            if let Some((first, kind)) = matched {
                let mut s = first;
                while s > 0 {
                    let prev = &words[s - 1];
                    // "Boston-based Greenleaf Robotics": the name starts after X-based.
                    let prev_word = text.norm(prev.0, prev.1);
                    let based =
                        prev_word.ends_with("-based") || prev_word.ends_with("-headquartered");
                    // A word that ends a name of this name's kind ("Energy and Life Sciences
                    // Forum" is one event: Energy ends companies only).
                    let ends_name = |w: &(usize, usize)| {
                        let word = text.norm(w.0, w.1);
                        self.rules.english_suffixes.iter().any(|(suffix, k)| {
                            *k == kind && suffix.rsplit(' ').next() == Some(word.as_str())
                        })
                    };
                    // (Of an institution: "Technology", "Exhibition" are fields of names too.)
                    let ends_any_name = |w: &(usize, usize)| {
                        let word = text.norm(w.0, w.1);
                        // ("Balogun Market and Trade Fair Complex": two places.)
                        matches!(word.as_str(), "Market" | "Square")
                            || self.rules.english_suffixes.iter().any(|(suffix, k)| {
                                matches!(
                                    k,
                                    EntityType::ResearchBody
                                        | EntityType::Bank
                                        | EntityType::Association
                                        | EntityType::GovernmentBody
                                ) && suffix.rsplit(' ').next() == Some(word.as_str())
                                    // (Not the field of "Board of Trade".)
                                    && !suffix.contains(" of ")
                            })
                    };
                    // "China (Guangdong) Pilot Free Trade Zone": a place in parentheses.
                    let parenthesised = s >= 2
                        && cap(prev)
                        && cap(&words[s - 2])
                        && text.has_at(prev.1, ") ")
                        && words[s].0 == prev.1 + 2
                        && words[s - 2].1 + 2 == prev.0
                        && text.has_at(words[s - 2].1, " (");
                    // "Sister City 30th Anniversary Economic Forum": an ordinal inside.
                    let ordinal = {
                        let w = text.norm(prev.0, prev.1);
                        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                        !digits.is_empty()
                            && digits.chars().all(|c| c.is_ascii_digit())
                            && matches!(&w[digits.len()..], "st" | "nd" | "rd" | "th")
                            && s >= 2
                            // ("the 25th China International Fair …": an edition opens
                            // an event's name.)
                            && (cap(&words[s - 2])
                                || kind == EntityType::Event
                                    && text.norm_str(words[s - 2].0, words[s - 2].1) == "the")
                    };
                    if (cap(prev) || ordinal) && !based && words[s].0 - prev.1 <= 1 {
                        s -= 1;
                    } else if parenthesised {
                        s -= 2;
                    } else if text.norm(prev.0, prev.1) == "the"
                        && s >= 3
                        && text.norm(words[s - 2].0, words[s - 2].1) == "of"
                        && ends_name(&words[s - 3])
                    {
                        // "Foreign Affairs Office of the Hebei Provincial People's Government"
                        s -= 3;
                    } else if connector(prev)
                        && s >= 2
                        && cap(&words[s - 2])
                        && words[s].0 - prev.1 <= 1
                        // "Iowa State University and Hebei Agricultural University", "University
                        // of Liverpool and Liverpool John Moores University": two names.
                        && !(text.norm(prev.0, prev.1) == "and"
                            && (words[s.saturating_sub(7)..s - 1]
                                .iter()
                                .rev()
                                .take_while(|w| text.norm_str(w.0, w.1) != "the")
                                .any(ends_name)
                                // "UBC and Sun Yat-sen University": an acronym is a name.
                                || text.chars[words[s - 2].0..words[s - 2].1]
                                    .iter()
                                    .filter(|c| c.is_alphabetic())
                                    .all(char::is_ascii_uppercase)
                                    && words[s - 2].1 - words[s - 2].0 >= 2
                                // "Lowcountry Maritime Academy and Rizhao Port …": a
                                // name of another kind ends right before.
                                || ends_any_name(&words[s - 2])
                                // "between Cork and Yangshan Deep-Water Port": a place
                                // named alone before a port (not "Bristol and Bath Science
                                // Park", "Dundee and Angus Chamber": names of two places).
                                || kind == EntityType::Venue
                                    && (s < 3 || !cap(&words[s - 3]))
                                    && !place_at.contains_key(&words[s].0)
                                    && place_at
                                        .get(&words[s - 2].0)
                                        .is_some_and(|&end| end == words[s - 2].1)
                                // "the Port of Portland and Suzhou Port Group": a name
                                // "X of Y" ends right before.
                                || s >= 4
                                    && cap(&words[s - 2])
                                    && text.norm_str(words[s - 3].0, words[s - 3].1) == "of"
                                    && last_words
                                        .contains(text.norm_str(words[s - 4].0, words[s - 4].1))))
                        // ("Baoman Container Terminal of Zhanjiang Port": a place of a port
                        // is named without it.)
                        && !(kind == EntityType::Venue
                            && text.norm_str(prev.0, prev.1) == "of"
                            && ends_name(&words[s - 2]))
                        // "Leader of Birmingham City Council": a title is no part of it.
                        && !(text.norm_str(prev.0, prev.1) == "of"
                            && self.rules.english_titles.iter().any(|t| {
                                t.eq_ignore_ascii_case(text.norm_str(words[s - 2].0, words[s - 2].1))
                            }))
                        // "Wuhan's Yangluo Port": a place's possessive is no part of the name,
                        // nor is another name's ("Georgia Ports Authority's Garden City
                        // Terminal").
                        && !(text.norm(prev.0, prev.1) == "'s"
                            && (place_ends.contains(&words[s - 2].1)
                                || last_words
                                    .contains(text.norm_str(words[s - 2].0, words[s - 2].1))
                                // ("University of Wisconsin-Madison's College of …".)
                                || s >= 4
                                    && text.norm_str(words[s - 3].0, words[s - 3].1) == "of"
                                    && last_words
                                        .contains(text.norm_str(words[s - 4].0, words[s - 4].1))))
                    {
                        s -= 2;
                    } else {
                        break;
                    }
                }
                if s < first && text.norm(words[s].0, words[s].1) == "The" {
                    s += 1;
                }
                // "Bureau of Commerce", "Office of International Trade and Investment":
                // the name runs on over `of` and capitalised words joined by and/for/of.
                let mut last = i;
                if text.norm(words[i].0, words[i].1) != "of" {
                    let mut k = i + 1;
                    // "Council for the Promotion of …", "Office of the Texas Governor": an
                    // article after the connector.
                    let the = |k: usize| {
                        usize::from(
                            words
                                .get(k + 1)
                                .is_some_and(|w| text.norm(w.0, w.1) == "the")
                                && words.get(k + 2).is_some_and(cap),
                        )
                    };
                    while k + 1 + the(k) < words.len()
                        && (matches!(
                            text.norm(words[k].0, words[k].1).as_str(),
                            "of" | "and" | "for"
                        ) || text.norm(words[k].0, words[k].1) == "with"
                            && text.norm(words[k - 1].0, words[k - 1].1) == "Friendship")
                        && (k > i + 1
                            || text.norm(words[k].0, words[k].1) == "of"
                            || text.norm(words[k].0, words[k].1) == "for"
                                && (the(k) == 1
                                    || kind == EntityType::ResearchBody
                                    // "China International Fair for Investment and Trade"
                                    || kind == EntityType::Event
                                    // "Department for Business and Trade"
                                    || matches!(
                                        text.norm_str(words[i].0, words[i].1),
                                        "Department" | "Ministry" | "Office" | "Commission"
                                    )))
                        && cap(&words[k + 1 + the(k)])
                        && words[k].0 - words[k - 1].1 <= 1
                        && (k + 1..=k + 1 + the(k)).all(|j| words[j].0 - words[j - 1].1 <= 1)
                    {
                        let skip = the(k);
                        let mut run = k + 2 + skip;
                        // "Port of Seattle Commissioner Linda Harmon": a title before a
                        // name ends the name ("Office of the Texas Governor" does not).
                        // ("Port of Portland Executive Director Susan Albrecht": two words.)
                        let title_at = |run: usize| {
                            (1..=2).any(|n| {
                                run + n < words.len()
                                    && self.rules.english_titles.iter().any(|t| {
                                        t.eq_ignore_ascii_case(
                                            &text.norm(words[run].0, words[run + n - 1].1),
                                        )
                                    })
                                    && cap(&words[run + n])
                                    && words[run + n].0 == words[run + n - 1].1 + 1
                            })
                        };
                        // ("of the People's Republic of China": a possessive inside.)
                        let peoples = |run: usize| {
                            text.norm_str(words[run].0, words[run].1) == "'s"
                                && words
                                    .get(run + 1)
                                    .is_some_and(|w| text.norm_str(w.0, w.1) == "Republic")
                        };
                        while run < words.len()
                            && (cap(&words[run]) || peoples(run))
                            && words[run].0 - words[run - 1].1 <= 1
                            && !title_at(run)
                        {
                            run += 1;
                        }
                        // "Emerald Freight Partners of Tacoma": a company of a place is
                        // named without it.
                        // ("Ikeja Local Government Area of Lagos State": nor is a district.)
                        if matches!(kind, EntityType::Company | EntityType::District)
                            && text.norm(words[k].0, words[k].1) == "of"
                            && place_at.get(&words[k + 1].0).is_some_and(|&end| {
                                end == words[run - 1].1 || kind == EntityType::District
                            })
                        {
                            break;
                        }
                        // ("Baoman Container Terminal of Zhanjiang Port": a place of a port
                        // is named without it.)
                        if kind == EntityType::Venue
                            && text.norm(words[k].0, words[k].1) == "of"
                            && matches!(
                                text.norm_str(words[run - 1].0, words[run - 1].1),
                                "Port" | "Airport" | "Harbour" | "Harbor"
                            )
                        {
                            break;
                        }
                        // "the Port of Los Angeles and Guangzhou's Nansha Port": a possessive
                        // opens another name; "… of Commerce and Liverpool City Council": so
                        // does a second complete name.
                        let and = text.norm(words[k].0, words[k].1) == "and";
                        // ("Institute of Technology and Bank of China": a name of its own.)
                        let head_of = |j: usize| {
                            matches!(
                                text.norm_str(words[j].0, words[j].1),
                                "Bank"
                                    | "University"
                                    | "Ministry"
                                    | "Department"
                                    | "Port"
                                    | "Embassy"
                                    | "Consulate"
                                    | "Bureau"
                                    | "Institute"
                                    | "Academy"
                                    | "Government"
                                    | "City"
                                    | "Museum"
                            ) && words
                                .get(j + 1)
                                .is_some_and(|w| text.norm_str(w.0, w.1) == "of")
                        };
                        if and && skip == 0 && head_of(k + 1) {
                            break;
                        }
                        // ("Port of Cork Company and SIPG": a legal form ends a name;
                        // "… Chamber of Commerce and Industry and the International Fair
                        // Plovdiv": so does "and the".)
                        let legal_form = matches!(
                            text.norm_str(words[k - 1].0, words[k - 1].1),
                            "Company" | "Corporation" | "Co" | "Ltd" | "Inc" | "Group"
                        );
                        if and && (skip > 0 || legal_form) {
                            break;
                        }
                        // ("University of Manchester's Graphene …": the possessive after
                        // "of" ends this name.)
                        if and && words.get(run).is_some_and(|p| text.norm(p.0, p.1) == "'s")
                            || and
                                // "of Science and Technology": one more field, not a name.
                                && run > k + 2
                                && last_words.contains(
                                    text.norm(words[run - 1].0, words[run - 1].1).as_str(),
                                )
                                // ("Ministry of Industry and Information Technology": a
                                // portfolio names no place.)
                                && (kind != EntityType::GovernmentBody
                                    || skip > 0
                                    || (k + 1..run).any(|j| place_at.contains_key(&words[j].0)))
                        {
                            break;
                        }
                        k = run;
                    }
                    last = k - 1;
                    // "Ministry of Commerce, Cooperatives, Trade and Investment": a
                    // portfolio's fields listed with commas, the last after "and".
                    if kind == EntityType::GovernmentBody && last > i {
                        let mut j = last;
                        // (Not places: "Department of Agriculture, Beijing and Shanghai".)
                        let field = |n: &(usize, usize)| cap(n) && !place_at.contains_key(&n.0);
                        while words.get(j + 1).is_some_and(|n| {
                            field(n) && n.0 == words[j].1 + 2 && text.chars[words[j].1] == ','
                        }) {
                            j += 1;
                        }
                        if j > last
                            && words.get(j + 1).is_some_and(|a| {
                                a.0 == words[j].1 + 1 && text.norm_str(a.0, a.1) == "and"
                            })
                            && words
                                .get(j + 2)
                                .is_some_and(|n| field(n) && n.0 == words[j + 1].1 + 1)
                        {
                            last = j + 2;
                            // ("… Trade and Consumer Protection": the last field's words.)
                            while words
                                .get(last + 1)
                                .is_some_and(|n| field(n) && n.0 == words[last].1 + 1)
                            {
                                last += 1;
                            }
                        }
                    }
                    // "Chinese Embassy in the UK", "Embassy of Finland in Beijing": a mission
                    // names the country or city it is in; "University of Texas at San
                    // Antonio", the campus.
                    let mission = (first..=i).any(|j| {
                        matches!(
                            text.norm_str(words[j].0, words[j].1),
                            "Embassy" | "Consulate" | "Consulate-General"
                        )
                    });
                    let university = kind == EntityType::ResearchBody
                        && text.norm_str(words[i].0, words[i].1) == "University";
                    let after = words.get(last + 1).map(|w| text.norm_str(w.0, w.1));
                    // "Zhejiang Chamber of Commerce in Nigeria": a chamber abroad names the
                    // country.
                    let chamber = (first..=i)
                        .any(|j| text.norm_str(words[j].0, words[j].1) == "Chamber")
                        && after == Some("in");
                    if mission && after == Some("in")
                        || university && after == Some("at")
                        || chamber
                    {
                        let mut k = last + 2;
                        if words.get(k).is_some_and(|w| text.norm(w.0, w.1) == "the") {
                            k += 1;
                        }
                        let place_end = words
                            .get(k)
                            .and_then(|w| place_at.get(&w.0))
                            .filter(|_| !chamber || country_at.contains(&words[k].0));
                        if let Some(place_end) = place_end
                            && let Some(j) = words.binary_search_by_key(place_end, |w| w.1).ok()
                        {
                            last = j;
                        }
                    }
                    // "Imperial College London": a college or university named with its city.
                    if last == i
                        && kind == EntityType::ResearchBody
                        && let Some(next) = words.get(i + 1)
                        && next.0 == words[i].1 + 1
                        && !words
                            .get(i + 2)
                            .is_some_and(|w| w.0 == next.1 + 1 && cap(w) || w.0 == next.1)
                        && self.is_city_name(&text.norm(next.0, next.1))
                    {
                        last = i + 1;
                    }
                }
                // "the 2019 Zhejiang-Massachusetts Trade and Investment Fair": an edition year.
                if kind == EntityType::Event
                    && s < first
                    && s > 0
                    && words[s].0 - words[s - 1].1 <= 1
                    && is_year(&text.norm(words[s - 1].0, words[s - 1].1))
                {
                    s -= 1;
                }
                // "Shanghai-Liverpool Business Forum 2024": an edition year after the name.
                if kind == EntityType::Event
                    && last == i
                    && let Some(next) = words.get(i + 1)
                    && next.0 == words[i].1 + 1
                    && is_year(&text.norm(next.0, next.1))
                {
                    last = i + 1;
                }
                let start = words[s].0;
                let mut end = words[last].1;
                // "Lingnan Biotech Co., Ltd., which", "Auto Parts Co. said": the legal form
                // with its points, where no sentence ends after it.
                if kind == EntityType::Company
                    && matches!(
                        text.norm(words[last].0, words[last].1).as_str(),
                        "Co" | "Inc" | "Ltd" | "Corp"
                    )
                {
                    if text.has_at(end, "., Ltd") {
                        end += 6;
                    }
                    let next = text.chars[(end + 1).min(text.chars.len())..]
                        .iter()
                        .find(|c| **c != ' ');
                    if text.chars.get(end) == Some(&'.')
                        && next.is_some_and(|c| c.is_lowercase() || matches!(c, ',' | ';' | '('))
                    {
                        end += 1;
                    }
                }
                // "Bank of China (Peru)": a bank's or firm's subsidiary named by its country.
                if matches!(kind, EntityType::Bank | EntityType::Company)
                    && text.has_at(end, " (")
                    && let Some(close) =
                        (end + 2..(end + 30).min(text.chars.len())).find(|&k| text.chars[k] == ')')
                    && self
                        .matcher
                        .find(text.norm_str(end + 2, close))
                        .iter()
                        .any(|m| {
                            m.start == 0
                                && m.end == close - end - 2
                                && m.entries.first().is_some_and(|&e| {
                                    self.gazetteer.entry(e).kind == EntityType::Country
                                })
                        })
                {
                    end = close + 1;
                }
                // "Port of Tacoma": in the United States a public port authority; elsewhere
                // ("Port of Tauranga", "Guoyuan Port") the port itself.
                let us_port = || {
                    let of = words
                        .get(i + 1)
                        .filter(|w| last > i + 1 && text.norm(w.0, w.1) == "of");
                    of.is_some_and(|of| {
                        let name = text.norm(of.1 + 1, words[last].1);
                        self.matcher.find(&name).iter().any(|m| {
                            m.entries
                                .iter()
                                .any(|&e| self.gazetteer.entry(e).country.as_deref() == Some("US"))
                        })
                    })
                };
                // "New Zealand China Council": a council of two countries is an association.
                let countries = || {
                    (s..i)
                        .filter(|&j| {
                            let word = text.norm(words[j].0, words[j].1);
                            country_at.contains(&words[j].0)
                                || self.matcher.find(&word).iter().any(|m| {
                                    m.end - m.start == word.chars().count()
                                        && m.entries.first().is_some_and(|&e| {
                                            self.gazetteer.entry(e).kind == EntityType::Country
                                        })
                                })
                        })
                        .count()
                };
                let kind = if kind == EntityType::Venue
                    && last > i
                    && matches!(
                        text.norm_str(words[last].0, words[last].1),
                        "Company" | "Corporation" | "Co" | "Ltd" | "Group"
                    ) {
                    // "Port of Cork Company": the firm that runs the port.
                    EntityType::Company
                } else if kind == EntityType::Venue
                    && s == i
                    && last > i
                    && text.norm(words[i].0, words[i].1) == "Port"
                    && (us_port() || text.norm_str(words[last].0, words[last].1) == "Authority")
                {
                    EntityType::GovernmentBody
                } else if kind == EntityType::GovernmentBody
                    && text.norm_str(words[i].0, words[i].1) == "Council"
                    && countries() >= 2
                {
                    EntityType::Association
                } else if kind == EntityType::Bank
                    && text.norm_str(words[i].0, words[i].1) == "Branch"
                    && !(s..i).any(|j| text.norm_str(words[j].0, words[j].1) == "Bank")
                {
                    // "ING Bank Shanghai Branch"; "Sinotrans Shanghai Branch" is no bank.
                    EntityType::Company
                } else {
                    kind
                };
                if (s < first || last > i) && seen.insert((start, end)) {
                    out.push(Candidate::new(start, end, kind, Origin::English));
                }
                i = last;
            }
            i += 1;
        }
        // "British companies": the country, unless part of a name (British Museum).
        for (k, w) in words.iter().enumerate() {
            let mut word = text.norm(w.0, w.1);
            // "Chinese-owned companies": the country that owns them.
            let mut w = *w;
            if let Some(n) = OWNED_BY
                .iter()
                .find(|x| word.ends_with(*x))
                .map(|x| x.len())
            {
                word.truncate(word.len() - n);
                w.1 -= n;
            }
            let w = &w;
            let (start, word) = match words.get(k.wrapping_sub(1)) {
                Some(p) if p.1 + 1 == w.0 && text.norm(p.0, p.1) == "South" => {
                    (p.0, format!("South {word}"))
                }
                _ => (w.0, word),
            };
            let next_cap = words.get(k + 1).is_some_and(|n| n.0 == w.1 + 1 && cap(n));
            // "Chinese Consul General Wang": a title after it is no name.
            let title_after = words.get(k + 1).is_some_and(|n| {
                let rest = text
                    .norm(n.0, (n.0 + 24).min(text.chars.len()))
                    .to_lowercase();
                self.rules.english_titles.iter().any(|t| {
                    rest.strip_prefix(t.as_str())
                        .is_some_and(|after| after.starts_with(' '))
                })
            });
            if next_cap && !title_after || seen.contains(&(start, w.1)) {
                continue;
            }
            if let Some((_, id)) = self.rules.demonyms.iter().find(|(d, _)| *d == word)
                && let Some(entry) = self.gazetteer.by_id(id)
                && seen.insert((start, w.1))
            {
                // "the British capital", "the southern Chinese city": the one city of that
                // country the text names.
                let noun = words
                    .get(k + 1)
                    .filter(|n| n.0 == w.1 + 1)
                    .filter(|n| matches!(text.norm(n.0, n.1).as_str(), "capital" | "city"));
                let cities: Vec<usize> = named_cities
                    .iter()
                    .copied()
                    .filter(|&e| self.gazetteer.country_of(e) == Some(entry))
                    .collect();
                let c = match noun {
                    Some(n) if cities.len() == 1 => {
                        let mut c = Candidate::new(start, n.1, EntityType::City, Origin::Demonym);
                        c.entry = cities.into_iter().next();
                        c
                    }
                    _ => {
                        let mut c =
                            Candidate::new(start, w.1, EntityType::Country, Origin::Demonym);
                        c.entry = Some(entry);
                        c
                    }
                };
                out.push(c);
            }
        }
        // "Pasadena-based Harbor Light Therapeutics": capitalised words after X-based name
        // a company even without a company suffix.
        let mut spans = Spans::new(out);
        for (k, w) in words.iter().enumerate() {
            let word = text.norm(w.0, w.1);
            if !(word.ends_with("-based") || word.ends_with("-headquartered")) {
                continue;
            }
            let mut last = k;
            while last + 1 < words.len()
                && last - k < 4
                && cap(&words[last + 1])
                && words[last + 1].0 == words[last].1 + 1
            {
                last += 1;
            }
            if last > k
                && let (s, e) = (words[k + 1].0, words[last].1)
                && !spans.overlaps(out, s, e, |c| {
                    c.kind != EntityType::Country
                        // "Guangzhou-based Kaiyuan Bio-Pharma": a place as the first word.
                        && !(c.origin == Origin::Gazetteer && c.start == s && c.end < e)
                })
                && seen.insert((s, e))
            {
                spans.replace_inside(
                    out,
                    Candidate::new(s, e, EntityType::Company, Origin::English),
                );
            }
        }
        // "Iowa Sister States, a Des Moines-based nonprofit", "Hawkeye Grain Systems, a
        // company based in Muscatine": the noun of the apposition types the name.
        for k in 0..words.len() {
            let Some(after) = words.get(k + 1) else { break };
            let article = text.norm(after.0, after.1);
            // ("ProChile, Chile's export promotion agency,": a place's, as "the".)
            let possessive = cap(after)
                && words
                    .get(k + 2)
                    .is_some_and(|p| p.0 == after.1 && text.norm_str(p.0, p.1) == "'s");
            if text.chars.get(words[k].1) != Some(&',')
                || !(matches!(article.as_str(), "a" | "an" | "the") || possessive)
                || !cap(&words[k])
            {
                continue;
            }
            // ("Invest Paraná, the state government's investment promotion agency,": after
            // "the", the noun that ends the apposition.)
            let definite = article == "the" || possessive;
            let noun = words[k + 2..]
                .iter()
                .enumerate()
                .take(if definite { 6 } else { 4 })
                .filter(|(_, w)| !definite || matches!(text.chars.get(w.1), Some(',' | '.' | ';')))
                .find_map(|(j, w)| {
                    let news = j > 0 && {
                        let p = words[k + 1 + j];
                        matches!(text.norm_str(p.0, p.1), "news" | "press")
                    };
                    match apposition_type(text.norm_str(w.0, w.1)) {
                        Some(EntityType::GovernmentBody) if news => Some(EntityType::Company),
                        kind => kind,
                    }
                });
            let Some(kind) = noun else { continue };
            let first = capitalised_run_start(&words, k, 6, cap);
            if first > 0 && text.norm(words[first - 1].0, words[first - 1].1) == "'s" {
                continue;
            }
            let (s, e) = (words[first].0, words[k].1);
            let place_first = |c: &Candidate| {
                c.origin == Origin::Gazetteer && c.kind.is_place() && c.start == s && c.end < e
            };
            // (A single word when it has a capital inside: "ProChile", "JobsOhio".)
            let camel = text.chars[s + 1..e].iter().any(|c| c.is_uppercase());
            if (first < k || camel)
                && !spans.overlaps(out, s, e, |c| !place_first(c))
                && seen.insert((s, e))
            {
                spans.replace_inside(out, Candidate::new(s, e, kind, Origin::English));
            }
        }
        spans.finish(out);
        // "Binjiang district", "Pudong new area": a capitalised name before a lower-case
        // district word is a district (capitalised forms are caught above as names).
        let mut named: Option<rustc_hash::FxHashSet<usize>> = None;
        for k in 1..words.len() {
            let w = text.norm(words[k].0, words[k].1);
            let (p, here) = (words[k - 1], words[k]);
            if matches!(w.as_str(), "district" | "county")
                && cap(&p)
                && here.0 - p.1 == 1
                && text.norm(p.0, p.1) != "The"
                && seen.insert((p.0, here.1))
            {
                let mut c = Candidate::new(p.0, here.1, EntityType::District, Origin::English);
                let named =
                    named.get_or_insert_with(|| out.iter().filter_map(|c| c.entry).collect());
                c.entry = self.district_named(&text.norm(p.0, p.1), named);
                named.extend(c.entry);
                out.push(c);
            }
        }
        let mut committees = Vec::new();
        // "the east London borough of Newham", "held at London's Guildhall", "the
        // administrative committee of the Zhongguancun Science Park": names that only
        // the words before them type.
        // (Which characters a name covers, so the overlap test stays linear in long texts.)
        let mut covered = vec![false; text.chars.len()];
        for c in out.iter() {
            covered[c.start..c.end].fill(true);
        }
        for k in 0..words.len() {
            let word = |j: usize| {
                words
                    .get(j)
                    .map(|w| text.norm(w.0, w.1))
                    .unwrap_or_default()
            };
            // "organized by the City of Vancouver": the city's government.
            if k > 0
                && word(k) == "City"
                && word(k + 1) == "of"
                && matches!(word(k - 1).as_str(), "the" | "The")
                && let Some(&end) = words.get(k + 2).and_then(|w| place_at.get(&w.0))
                && !covered[words[k].0]
                && seen.insert((words[k].0, end))
            {
                out.push(Candidate::new(
                    words[k].0,
                    end,
                    EntityType::GovernmentBody,
                    Origin::English,
                ));
                covered[words[k].0..end].fill(true);
                continue;
            }
            // "Patras, Greece (1986); Jelgava, Latvia": a capitalised name the gazetteer
            // does not know, written before its country, is a city of it (not at a
            // sentence's start: "Meanwhile, China …").
            if text.has_at(words[k].1, ", ")
                && words
                    .get(k + 1)
                    .is_some_and(|w| w.0 == words[k].1 + 2 && country_at.contains(&w.0))
                && word(k + 2) != "'s"
                && let Some(first) = place_before_country(text, &words, k)
                && !covered[words[first].0..words[k].1].contains(&true)
                && seen.insert((words[first].0, words[k].1))
            {
                let (s, e) = (words[first].0, words[k].1);
                out.push(Candidate::new(s, e, EntityType::City, Origin::English));
                covered[s..e].fill(true);
                continue;
            }
            let (kind, mut first) = match (word(k).as_str(), word(k + 1).as_str()) {
                ("borough" | "district" | "county", "of") => (EntityType::District, k + 2),
                ("held" | "place", "at") => (EntityType::Venue, k + 2),
                ("administrative" | "management", "committee") if word(k + 2) == "of" => {
                    (EntityType::GovernmentBody, k + 3)
                }
                _ => continue,
            };
            if word(first) == "the" {
                first += 1;
            }
            if kind == EntityType::GovernmentBody {
                let zone = out.iter().find(|c| {
                    c.kind == EntityType::EconomicZone
                        && words.get(first).is_some_and(|w| w.0 == c.start)
                });
                if let Some(zone) = zone
                    && seen.insert((words[k].0, zone.end))
                {
                    committees.push(Candidate::new(words[k].0, zone.end, kind, Origin::English));
                }
                continue;
            }
            // "London's Guildhall": the place's possessive locates the venue.
            if kind == EntityType::Venue && word(first + 1) == "'s" && cap(&words[first]) {
                first += 2;
            }
            let mut last = first;
            while last < words.len()
                && cap(&words[last])
                && (last == first || words[last].0 == words[last - 1].1 + 1)
            {
                last += 1;
            }
            if last == first || last - first > 4 {
                continue;
            }
            let (s, e) = (words[first].0, words[last - 1].1);
            if !covered[s..e].contains(&true) && seen.insert((s, e)) {
                out.push(Candidate::new(s, e, kind, Origin::English));
                covered[s..e].fill(true);
            }
        }
        // A longer name replaces the shorter one inside it (Museum → Museum of Art).
        let mut english: Vec<Candidate> = Vec::new();
        out.retain(|c| {
            if c.origin == Origin::English {
                english.push(c.clone());
                false
            } else {
                true
            }
        });
        english.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
        let mut max_end = 0;
        for c in english {
            if c.end > max_end {
                max_end = c.end;
                out.push(c);
            }
        }
        // …but a zone's committee keeps its zone.
        out.extend(committees);
        english_firms_by_noun(text, &words, &self.rules.english_titles, out);
        // People: "Name Name, the TITLE of" and "TITLE Name Name".
        let mut taken = vec![false; text.chars.len()];
        for c in out.iter() {
            for t in taken.iter_mut().take(c.end).skip(c.start) {
                *t = true;
            }
        }
        let lower: String = text.chars.iter().map(|c| c.to_ascii_lowercase()).collect();
        let lower_chars: Vec<char> = lower.chars().collect();
        // One-word places found by the gazetteer, and how often each word occurs, for first
        // names that are also towns' (counted once: run-on text stays linear).
        let towns: rustc_hash::FxHashSet<(usize, usize)> = out
            .iter()
            .filter(|c| c.origin == Origin::Gazetteer && c.kind.is_place())
            .map(|c| (c.start, c.end))
            .collect();
        let mut word_counts: rustc_hash::FxHashMap<&str, usize> = Default::default();
        for w in &words {
            *word_counts.entry(text.norm_str(w.0, w.1)).or_default() += 1;
        }
        let mut not_towns: Vec<(usize, usize)> = Vec::new();
        for (k, w) in words.iter().enumerate() {
            // ", the TITLE", ", TITLE of" or ", Boston's TITLE" after a capitalised pair.
            // (", an economist at the University of Lagos": "a" and "an" too.)
            let with_the = matches!(text.norm_str(w.0, w.1), "the" | "a" | "an");
            // ", Boston's TITLE", ", Los Angeles' TITLE": up to three capitalised words.
            let possessive_end = (k..(k + 3).min(words.len()))
                .take_while(|&j| cap(&words[j]) && (j == k || words[j].0 == words[j - 1].1 + 1))
                .find_map(|j| {
                    let end = words[j].1;
                    match words.get(j + 1) {
                        Some(p) if p.0 == end && text.norm(p.0, p.1) == "'s" => Some(p.1),
                        _ if text.chars.get(end) == Some(&'\'')
                            && text.chars.get(end + 1) == Some(&' ') =>
                        {
                            Some(end + 1)
                        }
                        _ => None,
                    }
                });
            let possessive = possessive_end.is_some();
            // "Pieter van den Berg,": particles between the first name and the last.
            let first_word = (k >= 2 && cap(&words[k - 1]))
                .then(|| {
                    let particles = (1..=2).rev().find(|&n| {
                        k >= n + 2
                            && (k - 1 - n..k - 1).all(|j| {
                                NAME_PARTICLES.contains(&text.norm_str(words[j].0, words[j].1))
                            })
                    });
                    k - 2 - particles.unwrap_or(0)
                })
                .filter(|&f| (f..k - 1).all(|j| words[j + 1].0 - words[j].1 == 1))
                // "Mohammad Reza Karimi,": a third name before, where a sentence or clause
                // starts.
                .map(|f| {
                    let third = f.checked_sub(1).filter(|&t| {
                        cap(&words[t])
                            && words[f].0 == words[t].1 + 1
                            && !towns.contains(&words[t])
                            && !SENTENCE_OPENERS.contains(&text.norm_str(words[t].0, words[t].1))
                            && !is_honorific(text.norm_str(words[t].0, words[t].1))
                            && !self.rules.english_titles.iter().any(|title| {
                                title.eq_ignore_ascii_case(text.norm_str(words[t].0, words[t].1))
                            })
                            && (words[t].0 == 0
                                || !text.chars[..words[t].0]
                                    .iter()
                                    .rev()
                                    .find(|c| **c != ' ')
                                    .is_some_and(|c| c.is_alphanumeric()))
                    });
                    third.unwrap_or(f)
                });
            if let Some(f) = first_word
                && cap(&words[f])
                && text.chars.get(w.0.wrapping_sub(2)) == Some(&',')
            {
                let mut from = match (with_the, possessive_end) {
                    (true, _) => w.1,
                    (_, Some(end)) => end,
                    _ => w.0,
                };
                // ", the firm's chief executive"
                if with_the
                    && let Some(next) = words.get(k + 1)
                    && words
                        .get(k + 2)
                        .is_some_and(|p| p.0 == next.1 && text.norm(p.0, p.1) == "'s" && !cap(next))
                {
                    from = words[k + 2].1;
                }
                // (Hyphens as spaces: "Deputy Director-General".)
                let rest: String = lower_chars[from..(from + 40).min(lower_chars.len())]
                    .iter()
                    .map(|&c| if c == '-' { ' ' } else { c })
                    .collect();
                let rest = rest.trim_start();
                let ts = from + lower_chars[from..].len().min(40) - rest.chars().count();
                // Without "the" the title must be followed by "of" (", director of"); one
                // word may qualify it (", Communications Manager, BusinessOulu").
                let title_at = |rest: &str| {
                    self.rules
                        .english_titles
                        .iter()
                        .filter(|t| {
                            let t = t.to_lowercase().replace('-', " ");
                            let Some(after) = rest.strip_prefix(t.as_str()) else {
                                return false;
                            };
                            !after.starts_with(char::is_alphanumeric)
                                && (with_the
                                    || possessive
                                    || [" of ", " at ", " for ", " in ", ","]
                                        .iter()
                                        .any(|p| after.starts_with(p)))
                        })
                        .map(String::len)
                        .max()
                };
                let qualifier = rest
                    .split_once(' ')
                    .filter(|(word, _)| word.chars().all(|c| c.is_ascii_alphabetic()))
                    .map_or(0, |(word, _)| word.len() + 1);
                let title = title_at(rest).or_else(|| {
                    (qualifier > 0 && !with_the)
                        .then(|| title_at(&rest[qualifier..]))
                        .flatten()
                        .map(|len| qualifier + len)
                });
                if let Some(len) = title {
                    let (s, e) = (words[f].0, words[k - 1].1);
                    // "Minna Laaksonen, Head of …": a first name that is also a town's, and
                    // named nowhere else.
                    let first_name = words[f];
                    let town = towns.contains(&first_name)
                        && word_counts
                            .get(text.norm_str(first_name.0, first_name.1))
                            .is_some_and(|&n| n == 1);
                    let free = (s..e).all(|i| !taken[i] || i < first_name.1 && town);
                    if free {
                        if town {
                            not_towns.push(first_name);
                        }
                        let mut c = Candidate::new(s, e, EntityType::Person, Origin::English);
                        c.title = Some((ts, ts + len));
                        out.push(c);
                    }
                }
            }
            // "London's deputy mayor for business, Rachel Donovan," and the byline "By LIU YANG"
            // ("the Lord Mayor of Bristol, Councillor Hannah Okafor,": after an honorific).
            let first = if is_honorific(text.norm_str(w.0, w.1)) && k + 2 < words.len() {
                k + 1
            } else {
                k
            };
            if first + 1 < words.len()
                && cap(&words[first])
                && cap(&words[first + 1])
                && words[first + 1].0 - words[first].1 == 1
                && (first == k
                    || words[first].0 - w.1 == 1
                    || words[first].0 - w.1 == 2 && text.chars[w.1] == '.')
                && text.chars.get(words[first + 1].1) == Some(&',')
                && !(words[first].0..words[first + 1].1).any(|i| taken[i])
                && let Some(title) = self.title_before_comma(&lower_chars, w.0)
            {
                let mut c = Candidate::new(
                    words[first].0,
                    words[first + 1].1,
                    EntityType::Person,
                    Origin::English,
                );
                c.title = Some(title);
                out.push(c);
            }
            // ("Text: Marina Scholz", "Reporter: …": a first name that is also a town's.)
            let byline = match text.norm_str(w.0, w.1) {
                "By" => true,
                "Text" | "Reporter" | "Writer" | "Author" | "Editor" => {
                    text.chars.get(w.1) == Some(&':')
                }
                _ => false,
            };
            // (At a line's start, or after a bar: "Source: Xinhua | … | Editor: Liu Yang".)
            if byline
                && (w.0 == 0 || text.chars[w.0 - 1] == '\n' || text.has_before(w.0, "| "))
                && k + 2 < words.len()
                && cap(&words[k + 1])
                && cap(&words[k + 2])
                && words[k + 2].0 - words[k + 1].1 == 1
                && matches!(
                    text.chars.get(words[k + 2].1),
                    Some(' ' | '\n' | ',') | None
                )
                && (words[k + 1].0..words[k + 2].1)
                    .all(|i| !taken[i] || i < words[k + 1].1 && towns.contains(&words[k + 1]))
            {
                if towns.contains(&words[k + 1]) {
                    not_towns.push(words[k + 1]);
                }
                let mut c = Candidate::new(
                    words[k + 1].0,
                    words[k + 2].1,
                    EntityType::Person,
                    Origin::English,
                );
                c.title = Some((w.0, w.1));
                out.push(c);
            }
            // "Mayor Frank Cowie", "Consul General Zhao Jian", "Mersey Robotics chief
            // executive Tom Ellison": the longest title first.
            // (…or after an office written in lower case: "commerce department head Zheng
            // Wenbin".)
            let after_name = k > 0
                && words[k - 1].1 + 1 == w.0
                && (cap(&words[k - 1])
                    || matches!(
                        text.norm(words[k - 1].0, words[k - 1].1).as_str(),
                        "department"
                            | "bureau"
                            | "agency"
                            | "office"
                            | "commission"
                            | "committee"
                            // "Vancouver city councillor Lisa Hart"
                            | "city"
                            | "state"
                            // "Lingnan's chief executive Chen Hao"
                            | "'s"
                    ));
            // ("Chief executive Mari Kask said": a title opening a sentence.)
            let opens_sentence = cap(w)
                && text.chars[..w.0]
                    .iter()
                    .rev()
                    .find(|c| **c != ' ')
                    .is_none_or(|c| matches!(c, '.' | '\n' | '"' | '“'));
            let title_words = (1..=3).rev().find(|&n| {
                k + n + 1 < words.len()
                    && (k..k + n).all(|j| {
                        (cap(&words[j]) || after_name || opens_sentence)
                            && (j == k || words[j].0 == words[j - 1].1 + 1)
                    })
                    && self.rules.english_titles.contains(
                        &text
                            .norm(w.0, words[k + n - 1].1)
                            .to_lowercase()
                            .replace('-', " "),
                    )
            });
            // "Consul General in Lyon Wang Xiaoli", "Mayor of Oulu Antti Koivula": the post's
            // place between title and name.
            let posted = title_words.and_then(|n| {
                if !matches!(text.norm_str(words[k + n].0, words[k + n].1), "in" | "of") {
                    return Some(n);
                }
                // "Minister of Trade and Export Development Colleen McBride": a portfolio,
                // then a name whose last word the text repeats ("McBride, who …").
                if !place_at.contains_key(&words.get(k + n + 1)?.0) {
                    let run = words[k + n + 1..]
                        .iter()
                        .zip(&words[k + n..])
                        .take_while(|(w, p)| {
                            w.0 == p.1 + 1
                                && (cap(w) || matches!(text.norm_str(w.0, w.1), "and" | "&"))
                        })
                        .take(8)
                        .count();
                    let end = k + n + 1 + run;
                    return (run >= 3
                        && (end - 3..end).all(|j| cap(&words[j]))
                        && end < words.len()
                        && !cap(&words[end])
                        && repeated_nearby(text, &words, end - 1))
                    .then(|| end - 2 - k);
                }
                let place_end = *place_at.get(&words.get(k + n + 1)?.0)?;
                let last = words.binary_search_by_key(&place_end, |w| w.1).ok()?;
                // ("Lord Mayor of Bristol, Councillor Hannah Okafor": a comma ends it.)
                (last + 2 < words.len() && words[last + 1].0 == place_end + 1).then(|| last + 1 - k)
            });
            // "SCUT president Professor Zhang Weiming": an honorific before the name.
            let posted = posted.map(|n| {
                let honorific = words
                    .get(k + n)
                    .is_some_and(|w| is_honorific(text.norm_str(w.0, w.1)));
                if honorific && k + n + 2 < words.len() {
                    n + 1
                } else {
                    n
                }
            });
            // ("Office of the Governor | Press Release": the title and the name one space,
            // or a point or comma, apart.)
            if let Some(n) = posted
                && cap(&words[k + n])
                && cap(&words[k + n + 1])
                && words[k + n + 1].0 == words[k + n].1 + 1
                && (words[k + n].0 == words[k + n - 1].1 + 1
                    || words[k + n].0 == words[k + n - 1].1 + 2
                        && matches!(text.chars[words[k + n - 1].1], '.' | ','))
            {
                let (s, mut e) = (words[k + n].0, words[k + n + 1].1);
                // "Governor Abdallah Juma Kombo … Governor Kombo": a third name the text
                // repeats alone.
                if let Some(third) = words.get(k + n + 2)
                    && third.0 == e + 1
                    && cap(third)
                    && !(third.0..third.1).any(|i| taken[i])
                    && words
                        .get(k + n + 3)
                        .is_none_or(|w| !cap(w) || w.0 > third.1 + 1)
                    && repeated_nearby(text, &words, k + n + 2)
                {
                    e = third.1;
                }
                if !(s..e).any(|k| taken[k]) {
                    let mut c = Candidate::new(s, e, EntityType::Person, Origin::English);
                    let title_end = title_words.map_or(k + n, |t| k + t);
                    c.title = Some((w.0, words[title_end - 1].1));
                    out.push(c);
                }
            }
        }
        out.retain(|c| !(c.origin == Origin::Gazetteer && not_towns.contains(&(c.start, c.end))));
        // "Mrs. Folasade Adeyemi-Bakare,", "said Dr. Tunde Bakare-Ojo": a word of address
        // names the person after it, whatever title comes before.
        let people: rustc_hash::FxHashSet<(usize, usize)> = out
            .iter()
            .filter(|c| c.kind == EntityType::Person)
            .map(|c| (c.start, c.end))
            .collect();
        for (k, w) in words.iter().enumerate() {
            if !is_honorific(text.norm_str(w.0, w.1)) {
                continue;
            }
            let gap = if text.chars.get(w.1) == Some(&'.') {
                2
            } else {
                1
            };
            let run = words[k + 1..]
                .iter()
                .zip(&words[k..])
                .enumerate()
                .take_while(|(i, (n, p))| n.0 == p.1 + if *i == 0 { gap } else { 1 } && cap(n))
                .take(3)
                .count();
            if run < 2 {
                continue;
            }
            let (s, e) = (words[k + 1].0, words[k + run].1);
            let first = text.norm_str(words[k + 1].0, words[k + 1].1).to_lowercase();
            if self.rules.english_titles.contains(&first)
                || people.contains(&(s, e))
                || (s..e).any(|i| taken[i])
            {
                continue;
            }
            out.push(Candidate::new(s, e, EntityType::Person, Origin::English));
        }
        // "the Manchester China Forum's Spring Business Dinner": a forum that holds events
        // of its own is an organisation.
        let events: rustc_hash::FxHashSet<usize> = out
            .iter()
            .filter(|c| c.kind == EntityType::Event && c.origin == Origin::English)
            .map(|c| c.start)
            .collect();
        for c in out.iter_mut() {
            if c.kind == EntityType::Event
                && c.origin == Origin::English
                && text.has_at(c.end, "'s ")
                && events.contains(&(c.end + 3))
            {
                c.kind = EntityType::Association;
            }
        }
        // "CEO of Hanbit Motors": the title is no part of the firm's name.
        for c in out.iter_mut() {
            if c.origin != Origin::English || c.kind == EntityType::Person {
                continue;
            }
            let name = text.norm(c.start, c.end);
            if let Some((head, _)) = name.split_once(" of ")
                && self.rules.english_titles.contains(&head.to_lowercase())
            {
                c.start += head.chars().count() + 4;
            }
        }
        // "Eduardo Tavares … Tavares visited Hefei": a minor place named like a person's
        // last name is that person.
        let last_names: rustc_hash::FxHashSet<&str> = out
            .iter()
            .filter(|c| c.kind == EntityType::Person)
            .filter_map(|c| {
                let name = text.norm_str(c.start, c.end);
                let parts = name.split(' ').count();
                (2..=3)
                    .contains(&parts)
                    .then(|| name.rsplit(' ').next())
                    .flatten()
            })
            .collect();
        if !last_names.is_empty() {
            out.retain(|c| {
                !(c.origin == Origin::Gazetteer
                    && matches!(c.kind, EntityType::City | EntityType::District)
                    && c.entry.is_some_and(|e| !self.gazetteer.entry(e).is_major())
                    && last_names.contains(text.norm_str(c.start, c.end)))
            });
        }
        english_people_again(text, &words, &self.rules.english_titles, out);
        english_firms_again(text, &words, out);
        english_firms_without_legal_form(text, &words, out);
        // "Lagos State", "Kerala State": the state a city names, where the gazetteer has it
        // under the city's name.
        for c in out.iter_mut() {
            if c.origin != Origin::Gazetteer
                || !matches!(c.kind, EntityType::City | EntityType::Province)
                || !text.has_at(c.end, " State")
                // ("Ohio State University" keeps Ohio.)
                || [" University", " College"]
                    .iter()
                    .any(|w| text.has_at(c.end + 6, w))
                || text
                    .chars
                    .get(c.end + 6)
                    .is_some_and(|c| c.is_alphanumeric())
            {
                continue;
            }
            let Some(entry) = c.entry else { continue };
            let state = if c.kind == EntityType::Province {
                Some(entry)
            } else {
                let e = self.gazetteer.entry(entry);
                e.parent
                    .as_deref()
                    .and_then(|p| self.gazetteer.by_id(p))
                    .filter(|&p| {
                        let p = self.gazetteer.entry(p);
                        p.kind == EntityType::Province && p.label_en == e.label_en
                    })
            };
            if let Some(state) = state {
                c.entry = Some(state);
                c.kind = EntityType::Province;
                c.end += 6;
            }
        }
        // "Wuhan, Hubei province": the word is part of how the text names the province.
        for c in out.iter_mut() {
            if c.origin == Origin::Gazetteer
                && c.kind == EntityType::Province
                && text.has_at(c.end, " province")
                && !text
                    .chars
                    .get(c.end + 9)
                    .is_some_and(|c| c.is_alphanumeric())
            {
                c.end += 9;
            }
        }
        english_cities_by_noun(text, &words, &self.rules.english_titles, out);
    }
}

impl Recogniser<'_> {
    /// The gazetteer district written `name district` ("Haidian district") whose city or
    /// province the text names.
    fn district_named(&self, name: &str, named: &rustc_hash::FxHashSet<usize>) -> Option<usize> {
        let form = format!("{name} District");
        let m = self.matcher.find(&form).into_iter().next()?;
        if m.start != 0 || m.end != form.chars().count() {
            return None;
        }
        m.entries.iter().copied().find(|&e| {
            self.gazetteer.entry(e).kind == EntityType::District
                && self
                    .gazetteer
                    .ancestors(e)
                    .iter()
                    .any(|a| named.contains(a))
        })
    }

    /// Whether `name` is exactly the name of a city of the gazetteer.
    fn is_city_name(&self, name: &str) -> bool {
        self.matcher.find(name).first().is_some_and(|m| {
            m.start == 0
                && m.end == name.chars().count()
                && m.entries
                    .first()
                    .is_some_and(|&e| self.gazetteer.entry(e).kind == EntityType::City)
        })
    }

    /// The title written right before `, Name` (`deputy mayor, `, `director for Asia, `):
    /// its span, the comma at `name_start - 2`.
    fn title_before_comma(&self, lower: &[char], name_start: usize) -> Option<(usize, usize)> {
        let comma = name_start.checked_sub(2)?;
        if lower.get(comma) != Some(&',') {
            return None;
        }
        let from = comma.saturating_sub(60);
        // (Hyphens as spaces: "the city's vice-mayor, Huang Lei".)
        let before: String = lower[from..comma]
            .iter()
            .map(|&c| if c == '-' { ' ' } else { c })
            .collect();
        if !before.is_ascii() {
            return None;
        }
        // The title, then nothing or "for/of/at/in" and lower-case words up to the comma.
        self.rules
            .english_titles
            .iter()
            .filter_map(|t| {
                let t = t.to_lowercase().replace('-', " ");
                let at = before.rfind(&format!(" {t}"))? + 1;
                let tail = &before[at + t.len()..];
                let ok = tail.is_empty()
                    || ([" for ", " of ", " at ", " in "]
                        .iter()
                        .any(|p| tail.starts_with(p))
                        && tail.split(' ').count() <= 10
                        && tail
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c == ' ' || c == '\''));
                ok.then_some((from + at, from + at + t.len()))
            })
            .max_by_key(|&(s, e)| (e - s, s))
    }
}

/// "cable manufacturer Severnside Cables", "data start-up Ashton Analytics": capitalised
/// words after a noun for a kind of firm name one, unless the text named them already.
fn english_firms_by_noun(
    text: &Text,
    words: &[(usize, usize)],
    titles: &[String],
    out: &mut Vec<Candidate>,
) {
    const NOUNS: [&str; 15] = [
        "bank",
        "lender",
        "maker",
        "manufacturer",
        "start-up",
        "startup",
        "firm",
        "company",
        "developer",
        "carrier",
        "retailer",
        "supplier",
        "producer",
        "exporter",
        "importer",
    ];
    let cap = |w: &(usize, usize)| text.chars[w.0].is_uppercase();
    let covered = overlap_test(out);
    // Minor places of the gazetteer, by start: "equipment maker Northfield Implements"
    // names a firm, not the town.
    let towns: rustc_hash::FxHashMap<usize, usize> = out
        .iter()
        .enumerate()
        .filter(|(_, c)| c.origin == Origin::Gazetteer && c.kind == EntityType::City)
        .map(|(i, c)| (c.start, i))
        .collect();
    let mut not_towns: rustc_hash::FxHashSet<usize> = rustc_hash::FxHashSet::default();
    let mut found = Vec::new();
    for (k, w) in words.iter().enumerate() {
        let noun = text.norm_str(w.0, w.1);
        if !(NOUNS.contains(&noun) || noun.len() > 5 && noun.ends_with("maker"))
            || noun.to_ascii_lowercase().starts_with("policy")
        {
            continue;
        }
        let run = words[k + 1..]
            .iter()
            .zip(&words[k..])
            .take_while(|(n, p)| n.0 == p.1 + 1 && cap(n))
            .take(4)
            .count();
        if run == 0 {
            continue;
        }
        let (s, e) = (words[k + 1].0, words[k + run].1);
        let first = text.norm_str(words[k + 1].0, words[k + 1].1).to_lowercase();
        // ("the company Chairman Li Wei": a title, not a name.)
        if titles.contains(&first) || is_honorific(text.norm_str(words[k + 1].0, words[k + 1].1)) {
            continue;
        }
        let town = towns
            .get(&s)
            .filter(|&&i| run >= 2 && out[i].end < e && !covered(out[i].end + 1, e));
        if !covered(s, e) || town.is_some() {
            not_towns.extend(town);
            // ("development bank Fomento Paraná")
            let kind = match noun {
                "bank" | "lender" => EntityType::Bank,
                _ => EntityType::Company,
            };
            found.push(Candidate::new(s, e, kind, Origin::English));
        }
    }
    let mut i = 0;
    out.retain(|_| {
        i += 1;
        !not_towns.contains(&(i - 1))
    });
    out.extend(found);
}

/// Whether the text writes word `j` again within 600 words either side ("McBride said",
/// "Governor Kombo"): looked for within an article's length, so run-on text stays linear.
fn repeated_nearby(text: &Text, words: &[(usize, usize)], j: usize) -> bool {
    let word = text.norm_str(words[j].0, words[j].1);
    words[j.saturating_sub(600)..(j + 600).min(words.len())]
        .iter()
        .filter(|w| text.norm_str(w.0, w.1) == word)
        .count()
        >= 2
}

/// Words of address written between a title and a name ("president Professor Zhang").
fn is_honorific(word: &str) -> bool {
    matches!(
        word,
        "Professor" | "Prof" | "Dr" | "Councillor" | "Cllr" | "Mr" | "Ms" | "Mrs" | "Sir" | "Dame"
    )
}

/// The type an English apposition's noun gives the name before it (", a nonprofit").
fn apposition_type(noun: &str) -> Option<EntityType> {
    Some(match noun {
        "nonprofit" | "non-profit" | "charity" | "association" | "organization"
        | "organisation" => EntityType::Association,
        "company" | "firm" | "manufacturer" | "maker" | "startup" | "start-up" | "developer"
        | "producer" | "supplier" | "operator" | "retailer" | "carrier" => EntityType::Company,
        "university" | "college" | "think" => EntityType::ResearchBody,
        "bank" | "lender" => EntityType::Bank,
        "agency" => EntityType::GovernmentBody,
        _ => return None,
    })
}

/// Characters that make two characters before 市 no town's name (为我市, 第二大城市, 各市).
const NOT_IN_SHORT_TOWN_NAMES: &str = "第大城都首省州县区国的与和及等各该本其中一二三四五六七八九十我为是市在对向从将已被把让给由于即系他这那每全新多";

/// "Liu told the summit", "Donovan said": a person named again by the first or last word
/// of the full name, when no other person shares that word.
fn english_people_again(
    text: &Text,
    words: &[(usize, usize)],
    titles: &[String],
    out: &mut Vec<Candidate>,
) {
    let mut by_word: rustc_hash::FxHashMap<String, Option<(usize, usize)>> =
        rustc_hash::FxHashMap::default();
    let mut names: rustc_hash::FxHashMap<(usize, usize), String> = rustc_hash::FxHashMap::default();
    for c in out.iter().filter(|c| c.kind == EntityType::Person) {
        let name = text.norm(c.start, c.end);
        let parts: Vec<&str> = name.split(' ').collect();
        if !(2..=3).contains(&parts.len()) || parts.iter().any(|p| p.len() < 2) {
            continue;
        }
        for part in [parts[0], parts[parts.len() - 1]] {
            if !part.chars().next().is_some_and(char::is_uppercase)
                || part.chars().skip(1).all(|c| c.is_uppercase())
            {
                continue;
            }
            let slot = by_word
                .entry(part.to_owned())
                .or_insert(Some((c.start, c.end)));
            if let Some(span) = *slot
                && names.get(&span).is_some_and(|n| *n != name)
            {
                *slot = None;
            }
        }
        names.entry((c.start, c.end)).or_insert(name);
    }
    words_again(text, words, &by_word, titles, EntityType::Person, out);
}

/// Each standalone word of `words` that `by_word` maps to one name becomes a mention of
/// that name's entity — not a word of a longer capitalised name, nor inside another name.
/// "Tom Reid, chief executive of Southern Alps Agritech": a firm named elsewhere with its
/// legal form (Southern Alps Agritech Ltd), written again without it.
fn english_firms_without_legal_form(
    text: &Text,
    words: &[(usize, usize)],
    out: &mut Vec<Candidate>,
) {
    // The words of each name before its legal form, with the name's span and type, by
    // their first word.
    type Head = (Vec<String>, (usize, usize), EntityType);
    let mut by_first: rustc_hash::FxHashMap<String, Vec<Head>> = rustc_hash::FxHashMap::default();
    for c in out
        .iter()
        .filter(|c| matches!(c.kind, EntityType::Company | EntityType::Bank) && !c.nested)
    {
        let name = text.norm(c.start, c.end);
        let name_words: Vec<String> = name
            .split(' ')
            .map(|w| w.trim_end_matches([',', '.']).to_owned())
            .collect();
        let Some(form) = name_words
            .iter()
            .position(|w| matches!(w.as_str(), "Co" | "Inc" | "Ltd" | "Corp" | "LLC" | "PLC"))
        else {
            continue;
        };
        if form < 2 {
            continue;
        }
        let head = name_words[..form].to_vec();
        // (One entry per name, however often it is written: run-on text stays linear.)
        let heads = by_first.entry(head[0].clone()).or_default();
        if !heads.iter().any(|(h, _, k)| *h == head && *k == c.kind) {
            heads.push((head, (c.start, c.end), c.kind));
        }
    }
    if by_first.is_empty() {
        return;
    }
    let covered = overlap_test(out);
    let mut again = Vec::new();
    for (k, w) in words.iter().enumerate() {
        let Some(heads) = by_first.get(&text.norm(w.0, w.1)) else {
            continue;
        };
        for (head, named, kind) in heads {
            let Some(run) = words.get(k..k + head.len()) else {
                continue;
            };
            let same = run.iter().zip(head).all(|(r, h)| text.norm(r.0, r.1) == *h)
                && run.windows(2).all(|p| p[0].1 + 1 == p[1].0);
            let (s, e) = (run[0].0, run[run.len() - 1].1);
            // Not when the name goes on ("Southern Alps Agritech Ltd" itself).
            let goes_on = words
                .get(k + head.len())
                .is_some_and(|n| n.0 == e + 1 && text.chars[n.0].is_uppercase());
            if same && !goes_on && !covered(s, e) {
                let mut c = Candidate::new(s, e, *kind, Origin::English);
                c.same_as = Some(*named);
                again.push(c);
                break;
            }
        }
    }
    out.extend(again);
}

/// Whether `[s, e)` overlaps one of the names in `out` (as they are now). Names are kept by
/// start; a name is at most a few hundred characters long, so an overlap is looked for only
/// that far back (run-on text stays linear).
fn overlap_test(out: &[Candidate]) -> impl Fn(usize, usize) -> bool + use<> {
    let mut spans: Vec<(usize, usize)> = out.iter().map(|c| (c.start, c.end)).collect();
    spans.sort_unstable();
    move |s, e| {
        spans[..spans.partition_point(|c| c.0 < e)]
            .iter()
            .rev()
            .take_while(|c| c.0 + 400 >= s)
            .any(|c| s < c.1)
    }
}

/// "the Estonian city of Valmere", "Valmere City Government": a place the gazetteer does not
/// know, called a city by the words around it, there and wherever the text names it alone.
fn english_cities_by_noun(
    text: &Text,
    words: &[(usize, usize)],
    titles: &[String],
    out: &mut Vec<Candidate>,
) {
    let word = |k: usize| words.get(k).map_or("", |w| text.norm_str(w.0, w.1));
    let cap = |k: usize| words.get(k).is_some_and(|w| text.chars[w.0].is_uppercase());
    let adjacent = |k: usize| k > 0 && words.get(k).is_some_and(|w| w.0 == words[k - 1].1 + 1);
    // (Marked per character: run-on text stays linear.)
    let mut in_place = vec![false; text.chars.len()];
    for c in out
        .iter()
        .filter(|c| c.kind.is_place() || c.kind == EntityType::Person)
    {
        in_place[c.start..c.end].fill(true);
    }
    let known = overlap_test(out);
    let mut by_word: rustc_hash::FxHashMap<String, Option<(usize, usize)>> = Default::default();
    let mut found = Vec::new();
    for k in 0..words.len() {
        let named = if word(k) == "city"
            && word(k + 1) == "of"
            && cap(k + 2)
            && !(cap(k + 3) && adjacent(k + 3))
        {
            k + 2
        } else if cap(k)
            && !(k > 0 && cap(k - 1) && adjacent(k) && word(k - 1) != "The")
            && word(k + 1) == "City"
            && matches!(word(k + 2), "Government" | "Council" | "Hall")
        {
            k
        } else {
            continue;
        };
        let (s, e) = words[named];
        let name = text.norm(s, e);
        if e - s < 3
            || name.chars().any(|c| !c.is_alphabetic())
            || in_place[s..e].iter().all(|&p| p)
            || known(s, e) && named != k
        {
            continue;
        }
        by_word.entry(name).or_insert(Some((s, e)));
        found.push(Candidate::new(s, e, EntityType::City, Origin::English));
    }
    out.extend(found);
    // ("Valmere Deputy Mayor Anu Saar": the city before a title.)
    let covered = overlap_test(out);
    let mut titled = Vec::new();
    for k in 0..words.len() {
        let Some(Some(named)) = by_word.get(word(k)) else {
            continue;
        };
        let title = (1..=2).any(|n| {
            (k + 1..=k + n).all(|j| cap(j) && adjacent(j))
                && titles.contains(&text.norm(words[k + 1].0, words[k + n].1).to_lowercase())
        });
        if title && !covered(words[k].0, words[k].1) {
            let mut c = Candidate::new(words[k].0, words[k].1, EntityType::City, Origin::English);
            c.same_as = Some(*named);
            titled.push(c);
        }
    }
    out.extend(titled);
    words_again(text, words, &by_word, &[], EntityType::City, out);
}

fn words_again(
    text: &Text,
    words: &[(usize, usize)],
    by_word: &rustc_hash::FxHashMap<String, Option<(usize, usize)>>,
    titles: &[String],
    kind: EntityType,
    out: &mut Vec<Candidate>,
) {
    let covered = overlap_test(out);
    let cap = |w: &(usize, usize)| text.chars[w.0].is_uppercase();
    let mut again = Vec::new();
    for (k, w) in words.iter().enumerate() {
        let Some(Some(named)) = by_word.get(&text.norm(w.0, w.1)) else {
            continue;
        };
        let joined = |j: Option<usize>| {
            j.and_then(|j| words.get(j))
                .is_some_and(|n| cap(n) && (n.1 + 1 == w.0 || w.1 + 1 == n.0))
        };
        // ("Mr Chen", "Cllr Marsh", "Vice Mayor Chen": a word of address or a title joins
        // no name.)
        let addressed = k.checked_sub(1).is_some_and(|j| {
            let before = text.norm_str(words[j].0, words[j].1);
            let lower = before.to_lowercase();
            kind == EntityType::Person
                && (is_honorific(before)
                    || titles
                        .iter()
                        .any(|t| t.rsplit(' ').next() == Some(lower.as_str())))
        });
        if joined(k.checked_sub(1)) && !addressed || joined(Some(k + 1)) || covered(w.0, w.1) {
            continue;
        }
        let mut c = Candidate::new(w.0, w.1, kind, Origin::English);
        c.same_as = Some(*named);
        again.push(c);
    }
    out.extend(again);
}

/// "Pengcheng Energy Storage Technology Co … Pengcheng also signed": a company named
/// again by the first word of its name, when that word is no place and names one firm.
fn english_firms_again(text: &Text, words: &[(usize, usize)], out: &mut Vec<Candidate>) {
    let mut by_word: rustc_hash::FxHashMap<String, Option<(usize, usize)>> =
        rustc_hash::FxHashMap::default();
    let gazetteer_spans: rustc_hash::FxHashSet<(usize, usize)> = out
        .iter()
        .filter(|c| c.origin == Origin::Gazetteer)
        .map(|c| (c.start, c.end))
        .collect();
    for c in out
        .iter()
        .filter(|c| c.kind == EntityType::Company && !c.nested)
    {
        let name = text.norm(c.start, c.end);
        let Some(first) = name.split(' ').next().filter(|f| name.len() > f.len()) else {
            continue;
        };
        let place = gazetteer_spans.contains(&(c.start, c.start + first.len()));
        if place || first.len() < 4 || !first.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let slot = by_word
            .entry(first.to_owned())
            .or_insert(Some((c.start, c.end)));
        if slot.is_some_and(|span| text.norm(span.0, span.1) != name) {
            *slot = None;
        }
    }
    words_again(text, words, &by_word, &[], EntityType::Company, out);
}

/// The first word of the run of at most `most` capitalised words, one space apart, that
/// ends at word `k`.
fn capitalised_run_start(
    words: &[(usize, usize)],
    k: usize,
    most: usize,
    cap: impl Fn(&(usize, usize)) -> bool,
) -> usize {
    let mut first = k;
    while first > 0
        && k - first + 1 < most
        && cap(&words[first - 1])
        && words[first].0 == words[first - 1].1 + 1
    {
        first -= 1;
    }
    first
}

/// The first word of a place name of one to three capitalised words ending at word `k`,
/// unless the name opens a sentence or a line, or is no place (a title, a legal form).
fn place_before_country(text: &Text, words: &[(usize, usize)], k: usize) -> Option<usize> {
    let cap = |w: &(usize, usize)| {
        text.chars[w.0].is_uppercase()
            && !matches!(
                text.norm_str(w.0, w.1),
                "The" | "Mr" | "Mrs" | "Ms" | "Dr" | "Inc" | "Ltd" | "Co" | "LLC" | "GmbH"
            )
    };
    // ("In August, New Zealand …": no month or weekday.)
    let last = text.norm_str(words[k].0, words[k].1).to_ascii_lowercase();
    if !cap(&words[k]) || super::time::MONTHS_EN.contains(&last.as_str()) || last.ends_with("day") {
        return None;
    }
    let first = capitalised_run_start(words, k, 3, cap);
    let before = text.chars[..words[first].0]
        .iter()
        .rev()
        .find(|c| **c != ' ')
        .copied();
    match before {
        None | Some('.' | '!' | '?' | '\n' | '\r' | '"' | '“' | '—') => None,
        Some(c) if c.is_uppercase() => None,
        _ => Some(first),
    }
}

/// Zones named by their kind alone (经开区, 高新区), as an article names again the zone it
/// is about.
const ZONE_WORDS: [&str; 7] = [
    "经开区",
    "高新区",
    "开发区",
    "保税区",
    "综保区",
    "自贸区",
    "园区",
];

/// A four-digit year of this or the last century (an edition year: 2019 Expo).
fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && (word.starts_with("19") || word.starts_with("20"))
}

/// Words of an English text as character spans (letters, digits, `-`, `'s` kept apart).
fn english_words(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        // "Exhibition & Congress Centre": an ampersand between words joins a name.
        if chars[i] == '&' && i > 0 && chars[i - 1] == ' ' && chars.get(i + 1) == Some(&' ') {
            out.push((i, i + 1));
            i += 1;
            continue;
        }
        if chars[i].is_alphanumeric() {
            let s = i;
            // Xi'an, Jing'an: an apostrophe between letters is part of the word ('s is not).
            while i < chars.len()
                && (chars[i].is_alphanumeric()
                    || (chars[i] == '-' && i + 1 < chars.len() && chars[i + 1].is_alphanumeric())
                    || (chars[i] == '\''
                        && chars.get(i + 1).is_some_and(|c| c.is_alphabetic())
                        && (chars.get(i + 1) != Some(&'s')
                            || chars.get(i + 2).is_some_and(|c| c.is_alphanumeric()))))
            {
                i += 1;
            }
            // "Henry B. Gonzalez": a middle initial keeps its point.
            if i - s == 1
                && chars[s].is_uppercase()
                && chars.get(i) == Some(&'.')
                && chars.get(i + 1) == Some(&' ')
                && chars.get(i + 2).is_some_and(|c| c.is_uppercase())
                && s >= 2
                && chars[s - 1] == ' '
                && chars[s - 2].is_alphabetic()
            {
                i += 1;
            }
            out.push((s, i));
        } else if chars[i] == '\''
            && chars.get(i + 1) == Some(&'s')
            && !chars.get(i + 2).is_some_and(|c| c.is_alphanumeric())
        {
            out.push((i, i + 2));
            i += 2;
        } else if chars[i] == '\n' {
            // A line break is a word of its own, so that no name runs over it
            // ("FOR IMMEDIATE RELEASE" above the agency's name).
            out.push((i, i + 1));
            i += 1;
        } else {
            i += 1;
        }
    }
    out
}

/// "the Nansha Area of the China (Guangdong) Pilot Free Trade Zone": the zone that the
/// area's name holds is named too.
fn zones_in_zones(text: &Text, out: &mut Vec<Candidate>) {
    let inner: Vec<Candidate> = out
        .iter()
        .filter(|c| c.kind == EntityType::EconomicZone)
        .filter_map(|c| {
            let at = text.find(" of the ", c.start, c.end)? + " of the ".len();
            let zone = text.norm_str(at, c.end);
            (zone.ends_with(" Zone") && zone.starts_with(char::is_uppercase))
                .then(|| Candidate::new(at, c.end, EntityType::EconomicZone, Origin::English))
        })
        .collect();
    out.extend(inner);
}

/// Lower-case words inside European and Arabic names (Pieter van den Berg).
const NAME_PARTICLES: [&str; 12] = [
    "van", "von", "den", "der", "de", "da", "di", "du", "la", "le", "ter", "bin",
];

/// "held at the North Bund Forum": a place named like an event, where one is held.
fn events_as_venues(text: &Text, out: &mut [Candidate]) {
    for c in out.iter_mut().filter(|c| c.kind == EntityType::Event) {
        let before = text.norm_str(c.start.saturating_sub(24), c.start);
        let before = before.strip_suffix("the ").unwrap_or(before);
        if [
            "held at ",
            "hosted at ",
            "took place at ",
            "takes place at ",
            "venue, ",
        ]
        .iter()
        .any(|w| before.ends_with(w))
        {
            c.kind = EntityType::Venue;
        }
    }
}

/// A person's name written again without a title (崔某、李某出席) is that person.
fn people_again(text: &Text, out: &mut Vec<Candidate>) {
    // Each name, and for a transliterated one (艾琳·考德威尔) its last part, the key of
    // the name it stands for (none when two names share it).
    type Key = Option<(usize, usize)>;
    let mut names: Vec<(Vec<char>, Key)> = Vec::new();
    let mut parts: rustc_hash::FxHashMap<Vec<char>, Key> = Default::default();
    for c in out
        .iter()
        .filter(|c| c.kind == EntityType::Person && c.end - c.start >= 2)
    {
        let name = &text.chars[c.start..c.end];
        names.push((name.to_vec(), None));
        if let Some(dot) = name.iter().rposition(|&ch| ch == '·')
            && name.len() - dot > 2
            && name[dot + 1..].iter().all(|&ch| is_han(ch))
        {
            let key = (c.start, c.end);
            let slot = parts.entry(name[dot + 1..].to_vec()).or_insert(Some(key));
            if slot.is_some_and(|k| text.chars[k.0..k.1] != *name) {
                *slot = None;
            }
        }
    }
    names.sort();
    names.dedup();
    names.extend(
        parts
            .into_iter()
            .filter_map(|(part, key)| Some((part, Some(key?)))),
    );
    if names.is_empty() {
        return;
    }
    // A place inside a name seen with a title gives way (中村 in 中村健一郎一行).
    let place = |c: &Candidate| c.origin == Origin::Gazetteer && c.kind.is_place();
    let mut taken = vec![false; text.chars.len()];
    for c in out.iter().filter(|c| !place(c)) {
        taken[c.start..c.end].iter_mut().for_each(|t| *t = true);
    }
    // Names by first character, longest first: one pass over the text.
    type Name<'a> = (&'a [char], Key);
    let mut by_first: rustc_hash::FxHashMap<char, Vec<Name<'_>>> = Default::default();
    for (name, key) in &names {
        by_first.entry(name[0]).or_default().push((name, *key));
    }
    for list in by_first.values_mut() {
        list.sort_by_key(|n| std::cmp::Reverse(n.0.len()));
    }
    let chars = &text.chars;
    let mut again: Vec<Candidate> = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        let found = by_first.get(&chars[at]).and_then(|list| {
            list.iter().find(|(name, _)| {
                chars[at..].starts_with(name)
                    && !taken[at..at + name.len()].iter().any(|&t| t)
                    // Not part of a longer run of name characters (王海 in 王海涛).
                    && !chars.get(at + name.len()).is_some_and(|&c| is_han(c) && name.len() == 2)
            })
        });
        match found {
            Some((name, key)) => {
                taken[at..at + name.len()]
                    .iter_mut()
                    .for_each(|t| *t = true);
                let mut c = Candidate::new(at, at + name.len(), EntityType::Person, Origin::Title);
                c.same_as = *key;
                again.push(c);
                at += name.len();
            }
            None => at += 1,
        }
    }
    // `again` is sorted and without overlaps: only the last one starting before a place
    // can hold it.
    out.retain(|c| {
        let k = again.partition_point(|a| a.start <= c.start);
        !(place(c)
            && k > 0
            && c.end <= again[k - 1].end
            // (普雷斯科特 of 德文·普雷斯科特 is the person, not the town.)
            && (again[k - 1].end - again[k - 1].start > c.end - c.start
                || again[k - 1].same_as.is_some() && again[k - 1].start == c.start))
    });
    out.extend(again);
}

/// Marks candidates lying inside a longer one.
fn mark_nested(cands: &mut [Candidate]) {
    let mut max_end = 0;
    let mut max_start = 0;
    for c in cands.iter_mut() {
        if c.end <= max_end && !(c.start == max_start && c.end == max_end) {
            c.nested = true;
        } else if c.end > max_end {
            max_end = c.end;
            max_start = c.start;
        }
    }
}

fn dateline_re() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(r"(?:19|20)\d\d-\d{1,2}-\d{1,2}(?: \d{1,2}:\d\d(?::\d\d)?)? +")
            .unwrap_or_else(|_| unreachable!("constant regex"))
    })
}

fn outlet_line_re() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(r"(?m)^(\p{Han}{2,10}) +(?:19|20)\d\d-\d{1,2}-\d{1,2}")
            .unwrap_or_else(|_| unreachable!("constant regex"))
    })
}

/// Where earlier names end, for the left scan.
#[derive(Default)]
struct Ends {
    /// Start → end of gazetteer places.
    starts: rustc_hash::FxHashMap<usize, usize>,
    /// End → start of gazetteer places.
    places: rustc_hash::FxHashMap<usize, usize>,
    /// Ends of people.
    people: rustc_hash::FxHashSet<usize>,
    /// Ends of titles (主任, 市长 …), whatever the segmenter made of them.
    titles: rustc_hash::FxHashSet<usize>,
}

impl Ends {
    /// The end of the place starting at `start`.
    fn places_from(&self, start: usize) -> Option<usize> {
        self.starts.get(&start).copied()
    }
}

/// Overlap tests and replacements on a growing list of candidates, by position, so that a
/// long text costs no scan of every candidate per name (candidates replaced are dropped
/// by [`Spans::finish`], keeping the list's order).
struct Spans {
    /// Indexes of the candidates, by start.
    by_start: Vec<usize>,
    /// Indexes of the candidates added since, by start (they come mostly in text order).
    added: Vec<usize>,
    /// The longest candidate so far: how far before a span an overlapping one may start.
    longest: usize,
    /// Candidates replaced by a longer name, dropped at the end.
    dead: Vec<bool>,
}

impl Spans {
    fn new(out: &[Candidate]) -> Self {
        let mut by_start: Vec<usize> = (0..out.len()).collect();
        by_start.sort_by_key(|&i| out[i].start);
        Self {
            by_start,
            added: Vec::new(),
            longest: out.iter().map(|c| c.end - c.start).max().unwrap_or(0),
            dead: vec![false; out.len()],
        }
    }

    /// The live candidates that overlap `[s, e)`.
    fn around<'a>(
        &'a self,
        out: &'a [Candidate],
        s: usize,
        e: usize,
    ) -> impl Iterator<Item = usize> + 'a {
        let window = |list: &'a [usize]| {
            let lo = list.partition_point(|&i| out[i].start + self.longest < s);
            let hi = list.partition_point(|&i| out[i].start < e);
            &list[lo..hi]
        };
        window(&self.by_start)
            .iter()
            .chain(window(&self.added))
            .copied()
            .filter(move |&i| !self.dead[i] && out[i].start < e && s < out[i].end)
    }

    fn overlaps(
        &self,
        out: &[Candidate],
        s: usize,
        e: usize,
        counts: impl Fn(&Candidate) -> bool,
    ) -> bool {
        self.around(out, s, e).any(|i| counts(&out[i]))
    }

    /// Adds `c`, dropping the candidates inside it.
    fn replace_inside(&mut self, out: &mut Vec<Candidate>, c: Candidate) {
        let inside: Vec<usize> = self
            .around(out, c.start, c.end)
            .filter(|&i| out[i].start >= c.start && out[i].end <= c.end)
            .collect();
        for i in inside {
            self.dead[i] = true;
        }
        let at = self.added.partition_point(|&i| out[i].start <= c.start);
        self.added.insert(at, out.len());
        self.longest = self.longest.max(c.end - c.start);
        self.dead.push(false);
        out.push(c);
    }

    /// Drops the candidates replaced.
    fn finish(self, out: &mut Vec<Candidate>) {
        let mut dead = self.dead.into_iter();
        out.retain(|_| !dead.next().unwrap_or(false));
    }
}

/// Converts byte offsets of one string into character offsets, counting from the last
/// offset asked (overlapping matches come by end, so a start may step back a little).
#[derive(Default)]
pub(crate) struct ByteToChar {
    byte: usize,
    char: usize,
}

impl ByteToChar {
    pub(crate) fn at(&mut self, s: &str, byte: usize) -> usize {
        if byte < self.byte {
            self.char -= s[byte..self.byte].chars().count();
        } else {
            self.char += s[self.byte..byte].chars().count();
        }
        self.byte = byte;
        self.char
    }
}

/// Word boundaries and word classes from the segmenter.
///
/// The text is segmented the first time a question needs it, in one call: jieba cuts
/// its input at punctuation and spaces anyway, so every clause segments as it would
/// alone, and one call costs a quarter less than a call per clause.
pub struct Segmentation<'a> {
    jieba: &'a Jieba,
    text: &'a Text,
    rules: &'a Rules,
    tokens: std::cell::OnceCell<Tokens>,
}

/// Per-character token data.
struct Tokens {
    /// For each character: start and end of its token.
    token: Vec<(u32, u32)>,
    /// For each character: whether its token is a dictionary word of 2+ characters.
    known: Vec<bool>,
    /// For each character: whether its token is a function word or verb that ends a name.
    stop: Vec<bool>,
    /// For each character: whether the segmenter tags its token as a person name (nr*).
    person: Vec<bool>,
}

/// Word classes that never occur inside a name (verbs, prepositions, conjunctions,
/// particles, pronouns, adverbs, numerals, classifiers, time words).
fn is_stop_tag(tag: &str) -> bool {
    matches!(
        tag,
        "v" | "vd"
            | "p"
            | "c"
            | "u"
            | "uj"
            | "ul"
            | "uz"
            | "ug"
            | "uv"
            | "ud"
            | "r"
            | "rr"
            | "rz"
            | "d"
            | "m"
            | "mq"
            | "q"
            | "t"
            | "ad"
            | "y"
            | "e"
            | "o"
            | "zg"
            | "f"
    )
}

impl<'a> Segmentation<'a> {
    /// A segmentation of `text`, computed on demand.
    pub fn new(jieba: &'a Jieba, text: &'a Text, rules: &'a Rules) -> Self {
        Self {
            jieba,
            text,
            rules,
            tokens: std::cell::OnceCell::new(),
        }
    }

    fn tokens(&self) -> &Tokens {
        self.tokens.get_or_init(|| self.segment())
    }

    fn segment(&self) -> Tokens {
        let n = self.text.chars.len();
        let mut tokens = Tokens {
            token: (0..n).map(|i| (i as u32, i as u32 + 1)).collect(),
            known: vec![false; n],
            stop: vec![false; n],
            person: vec![false; n],
        };
        for t in self.jieba.tag(&self.text.normalised, false) {
            // Spaces and line breaks stay one character each (jieba keeps "\r\n" whole).
            if t.word.chars().all(char::is_whitespace) {
                continue;
            }
            let (a, b) = (t.start, t.end.min(n));
            // Without the HMM every token of two or more characters is a dictionary word.
            let is_known = b - a >= 2;
            let is_stop = (b - a >= 2 && is_stop_tag(t.tag) || b - a == 1 && t.tag == "v")
                && t.word.chars().all(is_han)
                && !self.rules.name_verbs.contains(t.word);
            let is_person = t.tag.starts_with("nr");
            for k in a..b {
                tokens.token[k] = (a as u32, b as u32);
                tokens.known[k] = is_known;
                tokens.stop[k] = is_stop;
                tokens.person[k] = is_person;
            }
        }
        tokens
    }

    /// Whether the segmenter tags any word of `[s, e)` as a person name.
    pub fn has_person_tag(&self, s: usize, e: usize) -> bool {
        let t = self.tokens();
        t.person.get(s..e).is_some_and(|p| p.iter().any(|&x| x))
    }

    /// Whether the token at `at` ends a name (a verb, a function word).
    pub fn is_stop(&self, at: usize) -> bool {
        self.tokens().stop.get(at).copied().unwrap_or(false)
    }

    /// Whether `[s, e)` cuts through a token on either side.
    pub fn splits(&self, s: usize, e: usize) -> bool {
        let t = self.tokens();
        let left = t
            .token
            .get(s)
            .is_some_and(|&(a, b)| (a as usize) < s && t.known[s] && b as usize > s);
        let right = e > 0
            && t.token
                .get(e - 1)
                .is_some_and(|&(_, b)| b as usize > e && t.known[e - 1]);
        left || right
    }

    /// The token containing character `at`.
    pub fn token_at(&self, at: usize) -> Option<(usize, usize)> {
        let t = self.tokens();
        t.token.get(at).map(|&(a, b)| (a as usize, b as usize))
    }

    /// Whether the token at `at` started before `at` (a word runs across `at`).
    pub fn word_continues(&self, at: usize) -> bool {
        let t = self.tokens();
        t.token
            .get(at)
            .is_some_and(|&(a, b)| (a as usize) < at && b as usize - a as usize >= 2 && t.known[at])
    }

    /// Whether `[s, e)` is exactly one dictionary word.
    pub fn is_dictionary_word(&self, s: usize, e: usize) -> bool {
        let t = self.tokens();
        t.token
            .get(s)
            .is_some_and(|&(a, b)| a as usize == s && b as usize == e && t.known[s])
    }
}
