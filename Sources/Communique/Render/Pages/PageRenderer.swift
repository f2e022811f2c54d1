import Foundation

/// Renders pages from their models: builds each page's frame (what every page shows),
/// fingerprints the page's template value, and renders it unless the previous build made
/// it from the same fingerprint.
struct PageRenderer {
    let site: SiteSource
    let templates: TemplateSet!
    let labels: [String: String]
    private(set) var files: [OutputFile] = []
    /// Recurring meetings, for each release's series links.
    var series: [Series] = [] {
        didSet {
            seriesPositions = [:]
            for (index, series) in series.enumerated() {
                for (position, id) in series.releases.enumerated() where seriesPositions[id] == nil {
                    seriesPositions[id] = (index, position)
                }
            }
        }
    }
    /// Release id → its series and its place in it.
    private var seriesPositions: [String: (series: Int, position: Int)] = [:]
    /// What the previous build rendered: pages whose fingerprint it holds are not rendered.
    var previous = PreviousRender()
    /// Pages rendered (not reused) in this build.
    private(set) var rendered = 0
    /// Where rendered pages go at once, if anywhere (see `SiteRenderer.render`).
    var stage: (@Sendable (OutputFile) throws -> OutputFile)?
    let placeNames: PlaceNames

    init(site: SiteSource, templates: TemplateSet?, analysis: Analysis? = nil) {
        self.site = site
        self.templates = templates
        labels = Labels.table(for: site.config.language)
        placeNames = PlaceNames(site: site, analysis: analysis)
    }

    /// Every key a page model offers its template (the frame's and every kind's), for
    /// `TemplateSet.check`: read from the model types, so it holds for any site.
    static var templateKeys: Set<String> { modelShape.keys }

    /// The Swift names of the page models' properties (`TemplateEncoder.knownSnakeCase`).
    static var propertyNames: Set<String> { modelShape.names }

    /// Both, from one reading of each model type.
    private static let modelShape: (keys: Set<String>, names: Set<String>) = modelTypes.reduce(into: ([], [])) { result, type in
        let read = Self.shape(of: type)
        result.keys.formUnion(read.schema.allKeys)
        result.names.formUnion(read.names)
    }

    private static var modelTypes: [any Decodable.Type] {
        [
            PageFrame.self, HomePage.self, ReleasePage.self, SectionPage.self, PrintPage.self, SeriesPage.self, GlossaryIndexPage.self,
            GlossaryEntryPage.self, TopicsIndexPage.self, TopicPage.self, NotFoundPage.self, SearchPage.self, ChangesPage.self,
        ]
    }
    private static func shape<Model: Decodable>(of type: Model.Type) -> (schema: TemplateSchema, names: Set<String>) { TemplateSchema.read(type) }

    /// What every page shows, for the page at `path`; the page's kind changes what it must.
    func frame(for path: String, lang: String, title: String) -> PageFrame {
        PageFrame(
            siteTitle: site.config.title,
            siteDescription: site.config.description.isEmpty ? nil : site.config.description,
            description: site.config.description,
            root: Permalinks.rootPrefix(from: path),
            homeUrl: Permalinks.relative(from: path, to: Permalinks.home),
            glossaryUrl: Permalinks.relative(from: path, to: Permalinks.glossary),
            topicsUrl: Permalinks.relative(from: path, to: Permalinks.topicsIndex),
            searchUrl: hasSearch ? Permalinks.relative(from: path, to: Permalinks.search) : nil,
            // Only an absolute base_url gives a canonical URL; a path alone would be wrong
            // under another host and from disk.
            canonical: site.config.absoluteURL(of: path),
            ogLocale: site.config.language.hasPrefix("ja") ? "ja_JP" : "en_US",
            feedUrl: site.config.hasAbsoluteBaseURL ? Permalinks.relative(from: path, to: FeedWriter.feed) : nil,
            labels: labels,
            siteLanguage: site.config.language,
            lang: lang, pageTitle: title, crumbTitle: title)
    }

    /// Renders the page `model` of the kind `template` inside `frame`.
    mutating func render<Model: Encodable>(_ path: String, template: String, frame: PageFrame, model: Model) throws {
        var frame = frame
        frame.hasBreadcrumbs = !frame.breadcrumbs.isEmpty
        try emit(path, template: template, value: TemplateEncoder.encode(frame).merging(TemplateEncoder.encode(model)))
    }

    /// Units of this renderer whose inputs were hashed (see `unit`).
    private(set) var units: [String: RenderUnit] = [:]

    /// Renders a unit of pages whose inputs hash to `key`, or, when the previous build
    /// made it from the same key, keeps its pages without building their models.
    mutating func unit(_ name: String, key: String, render: (inout PageRenderer) throws -> Void) rethrows {
        if let kept = previous.units[name], kept.key == key, kept.paths.allSatisfy({ previous.fingerprints[$0] != nil }) {
            for path in kept.paths { files.append(.unchanged(path: path, fingerprint: previous.fingerprints[path]!)) }
            units[name] = kept
            return
        }
        let first = files.count
        try render(&self)
        units[name] = RenderUnit(key: key, paths: files[first...].map(\.path))
    }

    /// Renders the page, unless the previous build made it from the same fingerprint.
    private mutating func emit(_ path: String, template: String, value: TemplateValue) throws {
        let fingerprint = ContextFingerprint.of(
            value, template: template, templates: templates.fingerprints[template] ?? "", names: templates.namesRead[template] ?? nil)
        if previous.fingerprints[path] == fingerprint {
            files.append(.unchanged(path: path, fingerprint: fingerprint))
        } else {
            let file = OutputFile(path: path, text: try templates.render(value, with: template), fingerprint: fingerprint)
            files.append(try stage?(file) ?? file)
            rendered += 1
        }
    }

    /// The 404 page is served at any URL, so its links are absolute from `base_url`.
    mutating func renderNotFound() throws {
        var frame = frame(for: Permalinks.notFound, lang: site.config.language, title: labels["not_found"]!)
        let base = site.config.basePath
        frame.root = base
        frame.homeUrl = base
        frame.glossaryUrl = base + Permalinks.glossary
        frame.topicsUrl = base + Permalinks.topicsIndex
        frame.searchUrl = frame.searchUrl.map { _ in base + Permalinks.search }
        frame.feedUrl = site.config.hasAbsoluteBaseURL ? base + FeedWriter.feed : nil
        try render(Permalinks.notFound, template: "404", frame: frame, model: NotFoundPage())
    }

    /// Whether the site's templates have a search page (`Templates/search.mustache`): sites
    /// made before search have none, and get neither the page nor its index.
    var hasSearch: Bool { templates?.sources[Self.searchTemplate] != nil }

    static let searchTemplate = "search"

    /// Whether the release has a changes page: a previous meeting in its series, and a
    /// changes template (`Templates/changes.mustache`; sites made before it have none).
    func hasChanges(_ release: String) -> Bool {
        site.config.compareReleases && hasPreviousMeeting(release) && templates?.sources[ChangesPages.template] != nil
    }

    /// Whether the release has an earlier meeting in its series (whose wording it may reuse).
    func hasPreviousMeeting(_ release: String) -> Bool {
        (seriesPositions[release]?.position ?? 0) > 0
    }

    mutating func renderSearch() throws {
        var frame = frame(for: Permalinks.search, lang: site.config.language, title: labels["search"]!)
        frame.isSearch = true
        frame.breadcrumbs = [crumb(labels["home"]!, Permalinks.home)(Permalinks.search)]
        try render(Permalinks.search, template: Self.searchTemplate, frame: frame, model: SearchPage(
            labels: labels, preload: site.releases.prefix(SearchFiles.preloadedReleases).map { SearchFiles.documentsFile(of: $0.id) }))
    }

    /// A breadcrumb, made relative once the page it appears on is known.
    func crumb(_ title: String, _ target: String) -> (String) -> LinkItem {
        { page in LinkItem(title: title, url: Permalinks.relative(from: page, to: target)) }
    }

    /// Releases (already newest first) grouped by the year of their meeting date.
    func timeline(_ releases: [Release], from page: String) -> [YearGroup] {
        var years: [YearGroup] = []
        for release in releases {
            let year = release.date?.yearText ?? labels["undated"]!
            if years.last?.year == year {
                years[years.count - 1].releases.append(releaseDetails(release, from: page))
            } else {
                years.append(YearGroup(year: year, anchor: "year-\(year)", releases: [releaseDetails(release, from: page)]))
            }
        }
        return years
    }

    /// The release's series, with the previous and next meeting of it.
    func seriesLinks(_ release: Release, from page: String) -> SeriesLinks? {
        guard let (index, position) = seriesPositions[release.id] else { return nil }
        let series = series[index]
        func neighbour(_ index: Int) -> SeriesNeighbour? {
            guard series.releases.indices.contains(index), let other = site.release(withID: series.releases[index]) else { return nil }
            return SeriesNeighbour(
                title: other.title, url: Permalinks.relative(from: page, to: Permalinks.release(other.id)),
                dateDisplay: other.date.map { DateDisplay.format($0, language: site.config.language) })
        }
        return SeriesLinks(
            name: series.name, url: Permalinks.relative(from: page, to: Permalinks.series(series.slug)),
            count: series.releases.count, previous: neighbour(position - 1), next: neighbour(position + 1))
    }

    /// `glossary`: to link participants to their glossary entries (the release's own page).
    func releaseDetails(_ release: Release, from page: String, glossary: Glossary? = nil) -> ReleaseDetails {
        let lang = site.config.language
        return ReleaseDetails(
            id: release.id, title: release.title,
            url: Permalinks.relative(from: page, to: Permalinks.release(release.id)),
            printUrl: Permalinks.relative(from: page, to: Permalinks.printable(release.id)),
            category: release.category,
            date: release.date?.iso, dateDisplay: release.date.map { DateDisplay.format($0, language: lang) },
            published: release.published?.iso, publishedDisplay: release.published.map { DateDisplay.format($0, language: lang) },
            place: release.place, language: release.language,
            series: seriesLinks(release, from: page),
            changesUrl: hasChanges(release.id) ? Permalinks.relative(from: page, to: Permalinks.changes(release.id)) : nil,
            participants: release.participants.map { person in
                ParticipantItem(
                    name: person.name, reading: person.reading, title: person.title, english: person.english,
                    englishTitle: person.englishTitle,
                    glossaryUrl: glossary?.entry(named: person.name).map { Permalinks.relative(from: page, to: Permalinks.glossaryEntry($0.id)) })
            },
            hasParticipants: !release.participants.isEmpty,
            sections: release.sections.map { section in
                LinkItem(title: section.title, url: Permalinks.relative(from: page, to: Permalinks.section(release.id, section.slug)))
            })
    }

    /// Hidden definitions that term links on these pages point to with aria-describedby,
    /// so screen readers announce a term's meaning when the link gets focus.
    func termDefinitions(_ keys: [PageKey], links: LinkGraph, glossary: Glossary) -> [TermDefinition] {
        var seen: Set<Int> = []
        var items: [TermDefinition] = []
        for key in keys {
            for index in links.termsOnPage[key] ?? [] where seen.insert(index).inserted {
                let entry = glossary.entries[index]
                items.append(TermDefinition(id: entry.id, tip: TermLinkTags.tip(for: entry)))
            }
        }
        return items
    }
}
