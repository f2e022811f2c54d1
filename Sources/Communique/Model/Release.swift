/// A person who took part in the meeting a statement reports.
public struct Participant: Sendable, Hashable {
    public var name: String
    public var reading: String?
    public var title: String?
    public var english: String?
    public var englishTitle: String?

    public init(name: String, reading: String? = nil, title: String? = nil, english: String? = nil, englishTitle: String? = nil) {
        self.name = name
        self.reading = reading
        self.title = title
        self.english = english
        self.englishTitle = englishTitle
    }
}

/// A Markdown text and where it came from, so every later problem can name its line.
public struct MarkdownSource: Sendable, Hashable {
    public var text: String
    /// The file, relative to the site root (`Content/releases/x/01-soron.md`).
    public var file: String
    /// The line of the file where `text` starts (after the front matter).
    public var firstLine: Int
    /// Topic ids the page's front matter adds to (`topics:`) or removes from
    /// (`not_topics:`) every paragraph of the page, by hand.
    public var addedTopics: [String]
    public var removedTopics: [String]

    public init(text: String, file: String, firstLine: Int, addedTopics: [String] = [], removedTopics: [String] = []) {
        self.text = text
        self.file = file
        self.firstLine = firstLine
        self.addedTopics = addedTopics
        self.removedTopics = removedTopics
    }
}

/// One statement: `Content/releases/<id>/_index.md` and its section pages.
public struct Release: Sendable, Hashable {
    public var id: String
    public var title: String
    public var category: String?
    /// When it was published (front matter's `published`).
    public var published: PublicationTime?
    /// The meeting's day (front matter's `date`).
    public var date: CalendarDate?
    public var place: String?
    /// Language of the statement's text ("ja", "en"); pages get it as `lang`.
    public var language: String
    public var series: String?
    public var draft: Bool
    public var source: String?
    public var participants: [Participant]
    /// Lead and preamble.
    public var body: MarkdownSource
    public var sections: [Section]

    public init(
        id: String, title: String, category: String? = nil, published: PublicationTime? = nil, date: CalendarDate? = nil,
        place: String? = nil, language: String, series: String? = nil, draft: Bool = false, source: String? = nil,
        participants: [Participant] = [], body: MarkdownSource, sections: [Section]
    ) {
        self.id = id
        self.title = title
        self.category = category
        self.published = published
        self.date = date
        self.place = place
        self.language = language
        self.series = series
        self.draft = draft
        self.source = source
        self.participants = participants
        self.body = body
        self.sections = sections
    }
}

extension Release {
    /// Newest meeting first, undated last; by id within a day.
    static func newestFirst(_ a: Release, _ b: Release) -> Bool { oldestFirst(b, a) }

    /// Oldest meeting first, undated first; by id within a day.
    static func oldestFirst(_ a: Release, _ b: Release) -> Bool {
        switch (a.date, b.date) {
        case (nil, nil): return a.id < b.id
        case (nil, _): return true
        case (_, nil): return false
        case (let x?, let y?): return x == y ? a.id < b.id : x < y
        }
    }
}

/// One section page of a release (総論, 地域情勢 …).
public struct Section: Sendable, Hashable {
    public var title: String
    /// 1-based position in the release; also the `sec_N` of its paragraph ids.
    public var order: Int
    public var slug: String
    public var body: MarkdownSource

    public init(title: String, order: Int, slug: String, body: MarkdownSource) {
        self.title = title
        self.order = order
        self.slug = slug
        self.body = body
    }
}

/// Everything the Load stage read: the input of every later stage.
public struct SiteSource: Sendable {
    public var config: SiteConfig
    /// Newest first (meeting date, then id), so every page lists them the same way.
    public var releases: [Release] { didSet { positions = Self.positions(of: releases) } }
    /// `Content/glossary.yml`, in file order.
    public var curatedTerms: [CuratedTerm]
    /// `Content/topics.yml`, in file order.
    public var topics: [Topic]
    /// Release id → the key of the files it was read from and the settings it was read with
    /// (`ReleaseFilesKey`), when the build keeps a cache: what an earlier build made of the
    /// same key may be reused.
    public var releaseKeys: [String: String] = [:]

    public init(config: SiteConfig, releases: [Release], curatedTerms: [CuratedTerm] = [], topics: [Topic] = []) {
        self.config = config
        self.releases = releases
        self.curatedTerms = curatedTerms
        self.topics = topics
        positions = Self.positions(of: releases)
    }

    /// Release id → index in `releases`: pages look releases up by id thousands of times.
    private var positions: [String: Int]

    private static func positions(of releases: [Release]) -> [String: Int] {
        Dictionary(releases.enumerated().map { ($1.id, $0) }) { first, _ in first }
    }

    public func release(withID id: String) -> Release? {
        positions[id].map { releases[$0] }
    }
}
