/// What each kind of page shows, as value types its template reads (through
/// `TemplateEncoder`; keys are the property names in snake case). A nil optional is a value
/// the page does not have: the template's `{{#…}}` section is skipped.
///
/// Every page is a `PageFrame` (what the base template reads on every page) and the model
/// of its kind, whose keys the template reads beside the frame's.

/// The title and address of another page, as links, breadcrumbs and chips show it.
struct LinkItem: Codable, Equatable {
    var title: String
    var url: String
}

/// What every page has: the site's name and links, the page's title, language, breadcrumbs.
struct PageFrame: Codable {
    var siteTitle: String
    var siteDescription: String?
    var description: String
    var root: String
    var homeUrl: String
    var glossaryUrl: String
    var topicsUrl: String
    /// The search page, when the site's templates have one.
    var searchUrl: String?
    /// True on the search page itself, which needs no search box in its header.
    var isSearch = false
    var canonical: String?
    var ogType = "website"
    var ogLocale: String
    var jsonLd: String?
    var feedUrl: String?
    var labels: [String: String]
    var siteLanguage: String
    var lang: String
    var pageTitle: String
    var crumbTitle: String
    var breadcrumbs: [LinkItem] = []
    var isHome = false
    /// Set by `PageRenderer.render` from `breadcrumbs`.
    var hasBreadcrumbs = false
}

// MARK: - Releases

/// A release as lists and its own pages show it.
struct ReleaseDetails: Codable {
    var id: String
    var title: String
    var url: String
    var printUrl: String
    var category: String?
    var date: String?
    var dateDisplay: String?
    var published: String?
    var publishedDisplay: String?
    var place: String?
    var language: String
    var series: SeriesLinks?
    /// Its changes page, when it has a previous meeting to compare with.
    var changesUrl: String?
    var participants: [ParticipantItem]
    var hasParticipants: Bool
    var sections: [LinkItem]
}

struct ParticipantItem: Codable {
    var name: String
    var reading: String?
    var title: String?
    var english: String?
    var englishTitle: String?
    var glossaryUrl: String?
}

/// The release's series, with the meetings before and after it.
struct SeriesLinks: Codable {
    var name: String
    var url: String
    var count: Int
    var previous: SeriesNeighbour?
    var next: SeriesNeighbour?
}

struct SeriesNeighbour: Codable {
    var title: String
    var url: String
    var dateDisplay: String?
}

/// Releases of one year, in a timeline.
struct YearGroup: Codable {
    var year: String
    var anchor: String
    var releases: [ReleaseDetails]
}

/// A block of a page's body.
struct BlockItem: Codable {
    var anchor: String
    var isHeading: Bool
    var isParagraph: Bool
    var isOther: Bool
    var isNumbered: Bool
    var marker: String
    var level: Int
    var headingLevel: Int
    var innerHtml: String
    var html: String
    var related: [LinkItem]
    var hasRelated: Bool
    var topicChips: [LinkItem]
    var hasTopicChips: Bool
    /// Where its sentences' wording came from, on the section pages of a later meeting.
    var wording: WordingHistory?
}

/// A glossary term a page links to, announced to screen readers (aria-describedby).
struct TermDefinition: Codable {
    var id: String
    var tip: String
}

struct HomePage: Codable {
    var releases: [ReleaseDetails]
    var years: [YearGroup]
    var yearLevel = 3
    var releaseLevel = 4
    var topTopics: [TopicSummary]
    var hasTopics: Bool
    var glossaryCount: Int
}

struct ReleasePage: Codable {
    var release: ReleaseDetails
    var blocks: [BlockItem]
    var termDefinitions: [TermDefinition]
    var hasTermDefinitions: Bool
}

struct SectionPage: Codable {
    struct Heading: Codable {
        var title: String
        var order: Int
    }
    var release: ReleaseDetails
    var section: Heading
    var blocks: [BlockItem]
    var footnotes: String
    var prev: LinkItem?
    var next: LinkItem?
    var termDefinitions: [TermDefinition]
    var hasTermDefinitions: Bool
    /// This section's part of the release's changes page, when it has one.
    var changesUrl: String?
}

/// The full text of a release on one page, to read through or print.
struct PrintPage: Codable {
    struct PrintSection: Codable {
        var title: String
        var anchor: String
        var blocks: [BlockItem]
        var footnotes: String
    }
    var release: ReleaseDetails
    var blocks: [BlockItem]
    var sections: [PrintSection]
    var termDefinitions: [TermDefinition]
    var hasTermDefinitions: Bool
}

struct SeriesPage: Codable {
    struct Series: Codable {
        var name: String
        var count: Int
    }
    var seriesPage: Series
    var years: [YearGroup]
    var yearLevel = 2
    var releaseLevel = 3
}

/// The 404 page: the frame alone.
struct NotFoundPage: Codable {}

/// The search page: its script reads the index files (`SearchFiles`) and shows results.
struct SearchPage: Codable {
    /// The words the script shows (result count, no result…), as JSON for a
    /// `<script type="application/json">` element: escaped by `JSONText`.
    var searchLabels: String
    /// Index files the page starts loading at once (`data-preload`), before any query: the
    /// newest releases' paragraphs, where most queries' first results are.
    var searchPreload: String

    init(labels: [String: String], preload: [String]) {
        searchPreload = preload.joined(separator: " ")
        let keys = ["count": "search_count", "none": "search_none", "unavailable": "search_unavailable", "term": "glossary", "topic": "topics"]
        searchLabels = "{" + keys.sorted { $0.key < $1.key }.map { "\(JSONText.string($0.key)):\(JSONText.string(labels[$0.value] ?? ""))" }
            .joined(separator: ",") + "}"
    }
}

// MARK: - Lists by year

/// A link to one year's page of a long list, the current one marked.
struct YearLink: Codable {
    var year: String
    var isCurrent: Bool
    var url: String
}
