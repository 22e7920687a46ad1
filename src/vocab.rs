//! The IRIs of the cckg ontology (`ontology/cckg.ttl`) and of the vocabularies it reuses.
//!
//! Every `cc:` term used in code is a constant here; a test checks that each one is
//! declared in the ontology and that the ontology declares nothing else.
//!
//! ```
//! use cckg::model::EntityType;
//! use cckg::vocab::cc;
//! assert_eq!(cc::CITY.as_str(), "https://w3id.org/cckg/ontology#City");
//! assert_eq!(cc::class(EntityType::City), cc::CITY);
//! ```

/// Base of the IRIs of entities, documents, statements and observations.
pub const ID_BASE: &str = "https://w3id.org/cckg/id/";

/// The cckg ontology, `https://w3id.org/cckg/ontology#`.
pub mod cc {
    use crate::model::{EntityType, Measure, Predicate};
    use oxigraph::model::NamedNodeRef;

    /// The namespace.
    pub const NAMESPACE: &str = "https://w3id.org/cckg/ontology#";
    /// The ontology itself.
    pub const ONTOLOGY: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology");

    /// `cc:Entity`.
    pub const ENTITY: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#Entity");
    /// `cc:Place`.
    pub const PLACE: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#Place");
    /// `cc:Organization`.
    pub const ORGANIZATION: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#Organization");
    /// `cc:Document`.
    pub const DOCUMENT: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#Document");
    /// `cc:Statement`.
    pub const STATEMENT: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#Statement");
    /// `cc:Observation`.
    pub const OBSERVATION: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#Observation");
    /// `cc:RelationProperty`.
    pub const RELATION_PROPERTY: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#RelationProperty");
    /// `cc:MeasureProperty`.
    pub const MEASURE_PROPERTY: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#MeasureProperty");
    /// `cc:analytics`.
    pub const ANALYTICS_GRAPH: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#analytics");
    /// `cc:Country`.
    pub const COUNTRY: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#Country");
    /// `cc:Province`.
    pub const PROVINCE: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#Province");
    /// `cc:Prefecture`.
    pub const PREFECTURE: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#Prefecture");
    /// `cc:City`.
    pub const CITY: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#City");
    /// `cc:District`.
    pub const DISTRICT: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#District");
    /// `cc:EconomicZone`.
    pub const ECONOMIC_ZONE: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#EconomicZone");
    /// `cc:Bank`.
    pub const BANK: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#Bank");
    /// `cc:Company`.
    pub const COMPANY: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#Company");
    /// `cc:Association`.
    pub const ASSOCIATION: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#Association");
    /// `cc:GovernmentBody`.
    pub const GOVERNMENT_BODY: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#GovernmentBody");
    /// `cc:ResearchBody`.
    pub const RESEARCH_BODY: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#ResearchBody");
    /// `cc:Person`.
    pub const PERSON: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#Person");
    /// `cc:Event`.
    pub const EVENT: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#Event");
    /// `cc:Venue`.
    pub const VENUE: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#Venue");
    /// `cc:Initiative`.
    pub const INITIATIVE: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#Initiative");
    /// `cc:Project`.
    pub const PROJECT: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#Project");
    /// `cc:friendshipCity`.
    pub const FRIENDSHIP_CITY: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#friendshipCity");
    /// `cc:economicPartnerCity`.
    pub const ECONOMIC_PARTNER_CITY: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#economicPartnerCity");
    /// `cc:partOf`.
    pub const PART_OF: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#partOf");
    /// `cc:locatedIn`.
    pub const LOCATED_IN: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#locatedIn");
    /// `cc:organizedBy`.
    pub const ORGANIZED_BY: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#organizedBy");
    /// `cc:coOrganizedBy`.
    pub const CO_ORGANIZED_BY: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#coOrganizedBy");
    /// `cc:heldAt`.
    pub const HELD_AT: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#heldAt");
    /// `cc:participatedIn`.
    pub const PARTICIPATED_IN: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#participatedIn");
    /// `cc:positionAt`.
    pub const POSITION_AT: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#positionAt");
    /// `cc:nationality`.
    pub const NATIONALITY: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#nationality");
    /// `cc:cooperatesWith`.
    pub const COOPERATES_WITH: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#cooperatesWith");
    /// `cc:approvedBy`.
    pub const APPROVED_BY: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#approvedBy");
    /// `cc:tradePartner`.
    pub const TRADE_PARTNER: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#tradePartner");
    /// `cc:investmentSource`.
    pub const INVESTMENT_SOURCE: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#investmentSource");
    /// `cc:investsIn`.
    pub const INVESTS_IN: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#investsIn");
    /// `cc:visited`.
    pub const VISITED: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#visited");
    /// `cc:tradeVolume`.
    pub const TRADE_VOLUME: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#tradeVolume");
    /// `cc:tradeGrowth`.
    pub const TRADE_GROWTH: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#tradeGrowth");
    /// `cc:growthRate`.
    pub const GROWTH_RATE: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#growthRate");
    /// `cc:investmentProjects`.
    pub const INVESTMENT_PROJECTS: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#investmentProjects");
    /// `cc:contractedForeignInvestment`.
    pub const CONTRACTED_FOREIGN_INVESTMENT: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#contractedForeignInvestment");
    /// `cc:actualForeignInvestment`.
    pub const ACTUAL_FOREIGN_INVESTMENT: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#actualForeignInvestment");
    /// `cc:investmentAmount`.
    pub const INVESTMENT_AMOUNT: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#investmentAmount");
    /// `cc:contractValue`.
    pub const CONTRACT_VALUE: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#contractValue");
    /// `cc:crossBorderTradeVolume`.
    pub const CROSS_BORDER_TRADE_VOLUME: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#crossBorderTradeVolume");
    /// `cc:dailyFlights`.
    pub const DAILY_FLIGHTS: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#dailyFlights");
    /// `cc:annualVisitors`.
    pub const ANNUAL_VISITORS: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#annualVisitors");
    /// `cc:expectedAnnualVisitors`.
    pub const EXPECTED_ANNUAL_VISITORS: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#expectedAnnualVisitors");
    /// `cc:visitorsReceived`.
    pub const VISITORS_RECEIVED: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#visitorsReceived");
    /// `cc:receptions`.
    pub const RECEPTIONS: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#receptions");
    /// `cc:visits`.
    pub const VISITS: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#visits");
    /// `cc:residentCompanies`.
    pub const RESIDENT_COMPANIES: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#residentCompanies");
    /// `cc:residentPersons`.
    pub const RESIDENT_PERSONS: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#residentPersons");
    /// `cc:friendshipCityCount`.
    pub const FRIENDSHIP_CITY_COUNT: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#friendshipCityCount");
    /// `cc:floorArea`.
    pub const FLOOR_AREA: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#floorArea");
    /// `cc:area`.
    pub const AREA: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#area");
    /// `cc:country` (the property; `COUNTRY` is the class).
    pub const COUNTRY_PROPERTY: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#country");
    /// `cc:mentionedIn`.
    pub const MENTIONED_IN: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#mentionedIn");
    /// `cc:observedEntity`.
    pub const OBSERVED_ENTITY: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#observedEntity");
    /// `cc:counterpart`.
    pub const COUNTERPART: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#counterpart");
    /// `cc:measure`.
    pub const MEASURE: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#measure");
    /// `cc:role`.
    pub const ROLE: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#role");
    /// `cc:rank`.
    pub const RANK: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#rank");
    /// `cc:date`.
    pub const DATE: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#date");
    /// `cc:evidence`.
    pub const EVIDENCE: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#evidence");
    /// `cc:extractionRule`.
    pub const EXTRACTION_RULE: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#extractionRule");
    /// `cc:value`.
    pub const VALUE: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#value");
    /// `cc:unit`.
    pub const UNIT: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#unit");
    /// `cc:period`.
    pub const PERIOD: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#period");
    /// `cc:approximation`.
    pub const APPROXIMATION: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#approximation");
    /// `cc:sourcePath`.
    pub const SOURCE_PATH: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#sourcePath");
    /// `cc:contentHash`.
    pub const CONTENT_HASH: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#contentHash");
    /// `cc:degree`.
    pub const DEGREE: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#degree");
    /// `cc:weightedDegree`.
    pub const WEIGHTED_DEGREE: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#weightedDegree");
    /// `cc:pageRank`.
    pub const PAGE_RANK: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#pageRank");
    /// `cc:betweenness`.
    pub const BETWEENNESS: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#betweenness");
    /// `cc:community`.
    pub const COMMUNITY: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#community");
    /// `cc:component`.
    pub const COMPONENT: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://w3id.org/cckg/ontology#component");

    /// Every term above, for checks against the ontology.
    pub const ALL: &[NamedNodeRef<'static>] = &[
        ENTITY,
        PLACE,
        ORGANIZATION,
        DOCUMENT,
        STATEMENT,
        OBSERVATION,
        RELATION_PROPERTY,
        MEASURE_PROPERTY,
        ANALYTICS_GRAPH,
        COUNTRY,
        PROVINCE,
        PREFECTURE,
        CITY,
        DISTRICT,
        ECONOMIC_ZONE,
        BANK,
        COMPANY,
        ASSOCIATION,
        GOVERNMENT_BODY,
        RESEARCH_BODY,
        PERSON,
        EVENT,
        VENUE,
        INITIATIVE,
        PROJECT,
        FRIENDSHIP_CITY,
        ECONOMIC_PARTNER_CITY,
        PART_OF,
        LOCATED_IN,
        ORGANIZED_BY,
        CO_ORGANIZED_BY,
        HELD_AT,
        PARTICIPATED_IN,
        POSITION_AT,
        NATIONALITY,
        COOPERATES_WITH,
        APPROVED_BY,
        TRADE_PARTNER,
        INVESTMENT_SOURCE,
        INVESTS_IN,
        VISITED,
        TRADE_VOLUME,
        TRADE_GROWTH,
        GROWTH_RATE,
        INVESTMENT_PROJECTS,
        CONTRACTED_FOREIGN_INVESTMENT,
        ACTUAL_FOREIGN_INVESTMENT,
        INVESTMENT_AMOUNT,
        CONTRACT_VALUE,
        CROSS_BORDER_TRADE_VOLUME,
        DAILY_FLIGHTS,
        ANNUAL_VISITORS,
        EXPECTED_ANNUAL_VISITORS,
        VISITORS_RECEIVED,
        RECEPTIONS,
        VISITS,
        RESIDENT_COMPANIES,
        RESIDENT_PERSONS,
        FRIENDSHIP_CITY_COUNT,
        FLOOR_AREA,
        AREA,
        COUNTRY_PROPERTY,
        MENTIONED_IN,
        OBSERVED_ENTITY,
        COUNTERPART,
        MEASURE,
        ROLE,
        RANK,
        DATE,
        EVIDENCE,
        EXTRACTION_RULE,
        VALUE,
        UNIT,
        PERIOD,
        APPROXIMATION,
        SOURCE_PATH,
        CONTENT_HASH,
        DEGREE,
        WEIGHTED_DEGREE,
        PAGE_RANK,
        BETWEENNESS,
        COMMUNITY,
        COMPONENT,
    ];

    /// The class of an entity type.
    pub fn class(term: EntityType) -> NamedNodeRef<'static> {
        match term {
            EntityType::Country => COUNTRY,
            EntityType::Province => PROVINCE,
            EntityType::Prefecture => PREFECTURE,
            EntityType::City => CITY,
            EntityType::District => DISTRICT,
            EntityType::EconomicZone => ECONOMIC_ZONE,
            EntityType::Bank => BANK,
            EntityType::Company => COMPANY,
            EntityType::Association => ASSOCIATION,
            EntityType::GovernmentBody => GOVERNMENT_BODY,
            EntityType::ResearchBody => RESEARCH_BODY,
            EntityType::Person => PERSON,
            EntityType::Event => EVENT,
            EntityType::Venue => VENUE,
            EntityType::Initiative => INITIATIVE,
            EntityType::Project => PROJECT,
        }
    }

    /// The property of a relation predicate.
    pub fn predicate(term: Predicate) -> NamedNodeRef<'static> {
        match term {
            Predicate::FriendshipCity => FRIENDSHIP_CITY,
            Predicate::EconomicPartnerCity => ECONOMIC_PARTNER_CITY,
            Predicate::PartOf => PART_OF,
            Predicate::LocatedIn => LOCATED_IN,
            Predicate::OrganizedBy => ORGANIZED_BY,
            Predicate::CoOrganizedBy => CO_ORGANIZED_BY,
            Predicate::HeldAt => HELD_AT,
            Predicate::ParticipatedIn => PARTICIPATED_IN,
            Predicate::PositionAt => POSITION_AT,
            Predicate::Nationality => NATIONALITY,
            Predicate::CooperatesWith => COOPERATES_WITH,
            Predicate::ApprovedBy => APPROVED_BY,
            Predicate::TradePartner => TRADE_PARTNER,
            Predicate::InvestmentSource => INVESTMENT_SOURCE,
            Predicate::InvestsIn => INVESTS_IN,
            Predicate::Visited => VISITED,
        }
    }

    /// The property of a measure.
    pub fn measure(term: Measure) -> NamedNodeRef<'static> {
        match term {
            Measure::TradeVolume => TRADE_VOLUME,
            Measure::TradeGrowth => TRADE_GROWTH,
            Measure::GrowthRate => GROWTH_RATE,
            Measure::InvestmentProjects => INVESTMENT_PROJECTS,
            Measure::ContractedForeignInvestment => CONTRACTED_FOREIGN_INVESTMENT,
            Measure::ActualForeignInvestment => ACTUAL_FOREIGN_INVESTMENT,
            Measure::InvestmentAmount => INVESTMENT_AMOUNT,
            Measure::ContractValue => CONTRACT_VALUE,
            Measure::CrossBorderTradeVolume => CROSS_BORDER_TRADE_VOLUME,
            Measure::DailyFlights => DAILY_FLIGHTS,
            Measure::AnnualVisitors => ANNUAL_VISITORS,
            Measure::ExpectedAnnualVisitors => EXPECTED_ANNUAL_VISITORS,
            Measure::VisitorsReceived => VISITORS_RECEIVED,
            Measure::Receptions => RECEPTIONS,
            Measure::Visits => VISITS,
            Measure::ResidentCompanies => RESIDENT_COMPANIES,
            Measure::ResidentPersons => RESIDENT_PERSONS,
            Measure::FriendshipCityCount => FRIENDSHIP_CITY_COUNT,
            Measure::FloorArea => FLOOR_AREA,
            Measure::Area => AREA,
        }
    }
}

/// Declares a module of IRI constants in one namespace.
macro_rules! namespace {
    ($(#[$meta:meta])* $module:ident = $ns:literal { $($name:ident = $local:literal),+ $(,)? }) => {
        $(#[$meta])*
        pub mod $module {
            use oxigraph::model::NamedNodeRef;
            /// The namespace.
            pub const NAMESPACE: &str = $ns;
            $(
                #[doc = concat!("`", $ns, $local, "`.")]
                pub const $name: NamedNodeRef<'static> = NamedNodeRef::new_unchecked(concat!($ns, $local));
            )+
        }
    };
}

namespace! {
    /// schema.org.
    schema = "http://schema.org/" {
        NEWS_ARTICLE = "NewsArticle",
        HEADLINE = "headline",
        DATE_PUBLISHED = "datePublished",
        IN_LANGUAGE = "inLanguage",
        NAME = "name",
    }
}

namespace! {
    /// PROV-O.
    prov = "http://www.w3.org/ns/prov#" {
        WAS_DERIVED_FROM = "wasDerivedFrom",
    }
}

namespace! {
    /// SKOS.
    skos = "http://www.w3.org/2004/02/skos/core#" {
        PREF_LABEL = "prefLabel",
        ALT_LABEL = "altLabel",
        EXACT_MATCH = "exactMatch",
    }
}

namespace! {
    /// NIF 2.0 core: character offsets of mentions and evidence (RFC 5147 counting).
    nif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#" {
        PHRASE = "Phrase",
        ANCHOR_OF = "anchorOf",
        BEGIN_INDEX = "beginIndex",
        END_INDEX = "endIndex",
        REFERENCE_CONTEXT = "referenceContext",
    }
}

namespace! {
    /// ITS 2.0 in RDF: links a NIF phrase to the entity it names.
    itsrdf = "http://www.w3.org/2005/11/its/rdf#" {
        TA_IDENT_REF = "taIdentRef",
    }
}

namespace! {
    /// The RDF Data Cube vocabulary.
    qb = "http://purl.org/linked-data/cube#" {
        MEASURE_TYPE = "measureType",
    }
}

/// Wikidata entity namespace, for `skos:exactMatch` links.
pub const WIKIDATA_ENTITY: &str = "http://www.wikidata.org/entity/";
/// GeoNames feature namespace, for `skos:exactMatch` links.
pub const GEONAMES_FEATURE: &str = "https://sws.geonames.org/";

/// Prefixes pre-declared for SPARQL queries and used when writing Turtle.
pub const PREFIXES: &[(&str, &str)] = &[
    ("cc", cc::NAMESPACE),
    ("id", ID_BASE),
    ("schema", schema::NAMESPACE),
    ("wd", WIKIDATA_ENTITY),
    ("wdt", "http://www.wikidata.org/prop/direct/"),
    ("prov", prov::NAMESPACE),
    ("skos", skos::NAMESPACE),
    ("nif", nif::NAMESPACE),
    ("itsrdf", itsrdf::NAMESPACE),
    ("qb", qb::NAMESPACE),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];

/// The ontology as shipped, embedded in the binary.
pub const ONTOLOGY_TURTLE: &str = include_str!("../ontology/cckg.ttl");

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// `cc:` IRIs declared (as subjects typed with `a`) in the ontology file.
    fn declared_in_ontology() -> BTreeSet<String> {
        let mut declared = BTreeSet::new();
        for line in ONTOLOGY_TURTLE.lines() {
            if let Some(rest) = line.strip_prefix("cc:")
                && let Some((local, tail)) = rest.split_once(' ')
                && tail.starts_with("a ")
            {
                declared.insert(format!("{}{local}", cc::NAMESPACE));
            }
        }
        declared
    }

    #[test]
    fn every_constant_is_declared_in_the_ontology_and_vice_versa() {
        let constants: BTreeSet<String> = cc::ALL.iter().map(|t| t.as_str().to_owned()).collect();
        let declared = declared_in_ontology();
        let missing: Vec<_> = constants.difference(&declared).collect();
        let undeclared: Vec<_> = declared.difference(&constants).collect();
        assert!(missing.is_empty(), "constants not in cckg.ttl: {missing:?}");
        assert!(
            undeclared.is_empty(),
            "cckg.ttl terms without a constant: {undeclared:?}"
        );
    }

    #[test]
    fn closed_vocabularies_map_to_terms_of_the_same_name() {
        use crate::model::{EntityType, Measure, Predicate};
        for t in EntityType::ALL {
            assert_eq!(
                cc::class(*t).as_str(),
                format!("{}{}", cc::NAMESPACE, t.as_str())
            );
        }
        for p in Predicate::ALL {
            assert_eq!(
                cc::predicate(*p).as_str(),
                format!("{}{}", cc::NAMESPACE, p.as_str())
            );
        }
        for m in Measure::ALL {
            assert_eq!(
                cc::measure(*m).as_str(),
                format!("{}{}", cc::NAMESPACE, m.as_str())
            );
        }
    }
}
