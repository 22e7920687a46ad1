//! The data model of an extraction: what one article states, with evidence.
//!
//! [`Extraction`] serialises to exactly the JSON schema of the evaluation set
//! (`document`, `entities`, `relations`, `facts`), plus character offsets
//! (`start`/`end`, counted in Unicode scalar values of the original text) for
//! every mention and evidence, and the rule that produced each statement.
//!
//! ```
//! use cckg::model::{EntityType, Predicate};
//! assert_eq!(EntityType::City.as_str(), "City");
//! assert_eq!("friendshipCity".parse::<Predicate>().unwrap(), Predicate::FriendshipCity);
//! assert!(Predicate::FriendshipCity.is_symmetric());
//! ```

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Declares a closed vocabulary: a fieldless enum with its exact names,
/// `ALL`, `as_str`, `FromStr`, `Display` and serde as the plain string.
macro_rules! closed_vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every term of the vocabulary, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The term's name as used in JSON and as the local name of its ontology IRI.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl FromStr for $name {
            type Err = UnknownTerm;
            fn from_str(s: &str) -> Result<Self, UnknownTerm> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(UnknownTerm { vocabulary: stringify!($name), term: s.to_owned() }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// A name that is not part of a closed vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {vocabulary} '{term}'")]
pub struct UnknownTerm {
    /// Which vocabulary was asked (`EntityType`, `Predicate`, …).
    pub vocabulary: &'static str,
    /// The rejected name.
    pub term: String,
}

closed_vocabulary! {
    /// The type of a named entity.
    EntityType {
        Country = "Country",
        Province = "Province",
        Prefecture = "Prefecture",
        City = "City",
        District = "District",
        EconomicZone = "EconomicZone",
        Bank = "Bank",
        Company = "Company",
        Association = "Association",
        GovernmentBody = "GovernmentBody",
        ResearchBody = "ResearchBody",
        Person = "Person",
        Event = "Event",
        Venue = "Venue",
        Initiative = "Initiative",
        Project = "Project",
    }
}

impl EntityType {
    /// Places that form the administrative hierarchy (countries down to districts).
    pub fn is_place(self) -> bool {
        matches!(
            self,
            Self::Country | Self::Province | Self::Prefecture | Self::City | Self::District
        )
    }
}

closed_vocabulary! {
    /// The predicate of a relation between two entities.
    Predicate {
        FriendshipCity = "friendshipCity",
        EconomicPartnerCity = "economicPartnerCity",
        PartOf = "partOf",
        LocatedIn = "locatedIn",
        OrganizedBy = "organizedBy",
        CoOrganizedBy = "coOrganizedBy",
        HeldAt = "heldAt",
        ParticipatedIn = "participatedIn",
        PositionAt = "positionAt",
        Nationality = "nationality",
        CooperatesWith = "cooperatesWith",
        ApprovedBy = "approvedBy",
        TradePartner = "tradePartner",
        InvestmentSource = "investmentSource",
        InvestsIn = "investsIn",
        Visited = "visited",
    }
}

impl Predicate {
    /// Symmetric predicates hold in both directions (`A friendshipCity B` ⇔ `B friendshipCity A`).
    pub fn is_symmetric(self) -> bool {
        matches!(
            self,
            Self::FriendshipCity | Self::EconomicPartnerCity | Self::CooperatesWith
        )
    }
}

closed_vocabulary! {
    /// What a quantitative fact measures.
    Measure {
        TradeVolume = "tradeVolume",
        TradeGrowth = "tradeGrowth",
        GrowthRate = "growthRate",
        InvestmentProjects = "investmentProjects",
        ContractedForeignInvestment = "contractedForeignInvestment",
        ActualForeignInvestment = "actualForeignInvestment",
        InvestmentAmount = "investmentAmount",
        ContractValue = "contractValue",
        CrossBorderTradeVolume = "crossBorderTradeVolume",
        DailyFlights = "dailyFlights",
        AnnualVisitors = "annualVisitors",
        ExpectedAnnualVisitors = "expectedAnnualVisitors",
        VisitorsReceived = "visitorsReceived",
        Receptions = "receptions",
        Visits = "visits",
        ResidentCompanies = "residentCompanies",
        ResidentPersons = "residentPersons",
        FriendshipCityCount = "friendshipCityCount",
        FloorArea = "floorArea",
        Area = "area",
    }
}

closed_vocabulary! {
    /// The unit of a fact's value.
    Unit {
        Usd = "USD",
        Cny = "CNY",
        Eur = "EUR",
        Jpy = "JPY",
        Krw = "KRW",
        Gbp = "GBP",
        Count = "count",
        Persons = "persons",
        Percent = "percent",
        Times = "times",
        SquareMetre = "m2",
        SquareKilometre = "km2",
    }
}

/// A half-open range of character offsets `[start, end)` into the original text,
/// counted in Unicode scalar values (as RFC 5147 and NIF count them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// Offset of the first character.
    pub start: usize,
    /// Offset one past the last character.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Number of characters covered.
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no character.
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }
}

/// One occurrence of an entity in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The surface form exactly as written.
    pub text: String,
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
}

/// A named entity of one document, with every surface form that refers to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Identifier unique within the extraction (a slug such as `city-qingdao`).
    pub id: String,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The longest form used in the text (the canonical name).
    pub name: String,
    /// Other surface forms used in the text.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// English name, when a gazetteer or the text gives one.
    #[serde(default)]
    pub label_en: Option<String>,
    /// `id` of its country entity in this extraction, if known.
    #[serde(default)]
    pub country: Option<String>,
    /// Stable external identifier from a gazetteer (`geonames:1797929`, `gb:370200`, `wd:Q170322`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    /// Every occurrence in the text.
    #[serde(default)]
    pub mentions: Vec<Mention>,
}

/// Qualifiers of a relation, in the Wikidata sense.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Qualifiers {
    /// Post or role, for `positionAt` (市长, president).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Rank, for `tradePartner` / `investmentSource` (第三大 → 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<u32>,
    /// Date as `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

impl Qualifiers {
    /// Whether no qualifier is set.
    pub fn is_empty(&self) -> bool {
        self.role.is_none() && self.rank.is_none() && self.date.is_none()
    }
}

/// A relation between two entities of the same extraction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// `id` of the subject entity.
    pub subject: String,
    /// The predicate.
    pub predicate: Predicate,
    /// `id` of the object entity.
    pub object: String,
    /// Role, rank, date.
    #[serde(default, skip_serializing_if = "Qualifiers::is_empty")]
    pub qualifiers: Qualifiers,
    /// The verbatim sentence or clause that states it.
    pub evidence: String,
    /// Character offsets of `evidence` in the original text.
    #[serde(default)]
    pub start: usize,
    /// End offset (exclusive) of `evidence`.
    #[serde(default)]
    pub end: usize,
    /// Name of the rule that produced it.
    #[serde(default)]
    pub rule: String,
}

/// A quantitative fact: a measure of a subject, optionally towards a counterpart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// `id` of the entity measured.
    pub subject: String,
    /// What is measured.
    pub measure: Measure,
    /// The value in plain units (76.43亿美元 → 7643000000).
    #[serde(with = "plain_number")]
    pub value: f64,
    /// Unit of `value`.
    pub unit: Unit,
    /// `id` of the counterpart entity, if any (the trade partner, the investment target).
    #[serde(default)]
    pub object: Option<String>,
    /// Period: `2019`, `2020-01/2020-06`, or an instant `2020-05-31` for cumulative figures.
    #[serde(default)]
    pub period: Option<String>,
    /// Approximation as written: `nearly` (近), `about` (约), `more than` (多, 超过).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approx: Option<String>,
    /// The verbatim text that states it.
    pub evidence: String,
    /// Character offsets of `evidence` in the original text.
    #[serde(default)]
    pub start: usize,
    /// End offset (exclusive) of `evidence`.
    #[serde(default)]
    pub end: usize,
    /// Name of the rule that produced it.
    #[serde(default)]
    pub rule: String,
}

/// Everything extracted from one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// File name of the article.
    pub document: String,
    /// `zh` or `en`.
    #[serde(default)]
    pub language: String,
    /// Publication date `YYYY-MM-DD`, when the text or the caller gives one.
    #[serde(default)]
    pub published: Option<String>,
    /// Headline, when one can be told apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Named entities.
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// Relations between them.
    #[serde(default)]
    pub relations: Vec<Relation>,
    /// Quantitative facts.
    #[serde(default)]
    pub facts: Vec<Fact>,
}

impl Extraction {
    /// The entity with this `id`.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }
}

/// Serialises whole numbers without a fraction (`7643000000`, not `7643000000.0`),
/// as the evaluation files write them.
mod plain_number {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
        if value.fract() == 0.0 && value.abs() < 9.0e15 {
            serializer.serialize_i64(*value as i64)
        } else {
            serializer.serialize_f64(*value)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
        f64::deserialize(deserializer)
    }
}
