import Foundation

/// Render stage: turns the analysed and linked site into output files, in memory.
///
/// Pure: no disk writes and no clock, so the same input always gives the same bytes.
/// Runs after `SiteLinker`; its files go to `SiteWriter`.
public struct SiteRenderer {
    let templates: TemplateSet

    /// How many topics the home page shows at a glance.
    static let topicsOnHome = 12

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    /// Renders every page; pages the `previous` build made from the same fingerprint
    /// come back as `.unchanged` instead of being rendered again.
    ///
    /// `stage`, when given, takes each page as soon as it is rendered (the writer's
    /// staging folder), so the pages' bytes are not all held until the end.
    public func render(
        _ site: SiteSource, _ analysis: Analysis, _ links: LinkGraph, previous: PreviousRender = PreviousRender(),
        stage: (@Sendable (OutputFile) throws -> OutputFile)? = nil
    ) throws -> RenderResult {
        var base = PageRenderer(site: site, templates: templates, analysis: analysis)
        base.previous = previous
        base.stage = stage
        base.series = analysis.series
        let topicPages = TopicPages(site: site, topics: analysis.topics, lineage: analysis.comparisons.lineage)
        let glossaryPage = GlossaryPage(site: site, glossary: analysis.glossary, links: links)
        let topTopics = topicPages.mostMentioned(from: Permalinks.home, limit: Self.topicsOnHome)

        // Units of pages that need nothing from each other, in the order their files are listed.
        var units: [(inout PageRenderer) throws -> Void] = []
        units.append { pages in
            var frame = pages.frame(for: Permalinks.home, lang: site.config.language, title: site.config.title)
            frame.isHome = true
            try pages.render(Permalinks.home, template: "home", frame: frame, model: HomePage(
                releases: site.releases.map { pages.releaseDetails($0, from: Permalinks.home) },
                years: pages.timeline(site.releases, from: Permalinks.home),
                topTopics: topTopics, hasTopics: !topTopics.isEmpty,
                glossaryCount: analysis.glossary.entries.count))
        }
        let termTags = TermLinkTags.all(for: analysis.glossary)
        let releaseInputs = ReleaseInputs(site: site, analysis: analysis, links: links, termTags: termTags, templates: templates)
        for release in site.releases {
            units.append { pages in
                try pages.unit("release:\(release.id)", key: releaseInputs.key(of: release, pages: pages)) { pages in
                    try ReleasePages(release: release, analysis: analysis, links: links, termTags: termTags).render(into: &pages)
                }
            }
        }
        for release in site.releases where base.hasChanges(release.id) {
            guard let comparison = analysis.comparisons.byRelease[release.id] else { continue }
            let changes = ChangesPages(site: site, analysis: analysis, comparison: comparison)
            units.append { pages in
                guard let key = changes.key(pages: pages, templates: templates) else { return try changes.render(into: &pages) }
                try pages.unit("changes:\(release.id)", key: key) { try changes.render(into: &$0) }
            }
        }
        units.append { pages in try glossaryPage.renderIndex(into: &pages) }
        /// A unit for a list's own page (year nil) and one for each older year's page.
        func appendYearUnits<Item>(
            _ years: YearPages<Item>, name: String, key: @escaping (String?, PageRenderer) -> String,
            render: @escaping (String?, inout PageRenderer) throws -> Void
        ) {
            for year in [nil] + years.olderYears.map(Optional.some) {
                units.append { pages in
                    try pages.unit("\(name)/\(year ?? "")", key: key(year, pages)) { try render(year, &$0) }
                }
            }
        }
        for index in analysis.glossary.entries.indices {
            let years = glossaryPage.years(of: index)
            appendYearUnits(
                years, name: "glossary:\(analysis.glossary.entries[index].id)",
                key: { glossaryPage.key(index, year: $0, years: years, pages: $1, templates: templates) },
                render: { try glossaryPage.renderEntry(index, year: $0, years: years, into: &$1) })
        }
        units.append { pages in try topicPages.renderIndex(into: &pages) }
        for index in analysis.topics.topics.indices {
            let years = topicPages.years(of: index)
            appendYearUnits(
                years, name: "topic:\(analysis.topics.topics[index].id)",
                key: { topicPages.key(index, year: $0, years: years, pages: $1, templates: templates) },
                render: { try topicPages.renderTopic(index, year: $0, years: years, into: &$1) })
        }
        for series in analysis.series {
            units.append { pages in
                let path = Permalinks.series(series.slug)
                let releases = series.releases.reversed().compactMap { site.release(withID: $0) }
                var frame = pages.frame(for: path, lang: site.config.language, title: series.name)
                frame.breadcrumbs = [pages.crumb(pages.labels["home"]!, Permalinks.home)(path)]
                try pages.render(path, template: "series", frame: frame, model: SeriesPage(
                    seriesPage: SeriesPage.Series(name: series.name, count: releases.count),
                    years: pages.timeline(releases, from: path)))
            }
        }
        units.append { pages in try pages.renderNotFound() }
        if base.hasSearch { units.append { pages in try pages.renderSearch() } }

        // The search index is made while the pages render: it reads what they read.
        let search = base.hasSearch ? SearchIndexTask(site: site, analysis: analysis, previous: previous, stage: stage) : nil
        let rendered = try Self.renderConcurrently(units, from: base)
        try templates.check(knownKeys: PageRenderer.templateKeys)
        var files = rendered.files
        files += FeedWriter(site: site, analysis: analysis).files(pages: files.map(\.path))
        let searchIndex = try search?.made()
        files += searchIndex?.files ?? []
        files += templates.assets.map { OutputFile.fingerprinted(path: "assets/\($0.path)", bytes: $0.bytes) }
        return RenderResult(
            files: files.sorted { $0.path < $1.path }, rendered: rendered.count, units: rendered.units,
            templateKeys: PageRenderer.templateKeys, searchTokens: searchIndex?.tokens)
    }

    /// Runs every unit on every core, each with its own copy of `base`, and gathers
    /// their pages in the units' order, so the result does not depend on scheduling.
    /// The first error (in that order) is thrown.
    private static func renderConcurrently(
        _ units: [(inout PageRenderer) throws -> Void], from base: PageRenderer
    ) throws -> (files: [OutputFile], count: Int, units: [String: RenderUnit]) {
        let outcomes = Parallel.map(units.count) { index in
            var pages = base
            return Result { try units[index](&pages); return pages }
        }
        var files: [OutputFile] = []
        var count = 0
        var keyedUnits: [String: RenderUnit] = [:]
        for outcome in outcomes {
            let pages = try outcome.get()
            files += pages.files
            count += pages.rendered
            keyedUnits.merge(pages.units) { first, _ in first }
        }
        return (files, count, keyedUnits)
    }
}

/// The Render stage's output: every file of the site, and how many pages it had to
/// render (the rest are unchanged since the previous build).
public struct RenderResult: Sendable {
    public var files: [OutputFile]
    public var rendered: Int
    /// Units whose inputs were hashed, for the manifest (see `PreviousRender.units`).
    public var units: [String: RenderUnit] = [:]
    /// Every key a page model offers its template (`PageRenderer.templateKeys`).
    public var templateKeys: Set<String> = []
    /// The search index's text postings, for the next build (`PreviousRender.searchTokens`).
    public var searchTokens: SearchTokens?
}


/// The search index's files, made on another thread from the moment it is created, each
/// handed to `stage` as it is written (tens of megabytes on a large site, not held).
private final class SearchIndexTask: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: Result<(files: [OutputFile], tokens: SearchTokens), Error> = .success(([], SearchTokens()))

    init(site: SiteSource, analysis: Analysis, previous: PreviousRender, stage: (@Sendable (OutputFile) throws -> OutputFile)?) {
        let input = UncheckedSendable((site, analysis))
        DispatchQueue.global(qos: .userInitiated).async(group: group) { [self] in
            result = Result {
                let (site, analysis) = input.value
                let index = SearchIndex(site: site, analysis: analysis, kept: previous.searchTokens)
                let files = try SearchFiles.files(
                    index, releaseKeys: site.releaseKeys, previous: previous.fingerprints,
                    make: { path, bytes, fingerprint in
                        let file = fingerprint.map { OutputFile(path: path, bytes: bytes, fingerprint: $0) }
                            ?? OutputFile.fingerprinted(path: path, bytes: bytes)
                        return try stage?(file) ?? file
                    },
                    keep: { path, fingerprint in
                        let file = OutputFile.unchanged(path: path, fingerprint: fingerprint)
                        return try stage?(file) ?? file
                    })
                return (files, index.tokens)
            }
        }
    }

    func made() throws -> (files: [OutputFile], tokens: SearchTokens) {
        group.wait()
        return try result.get()
    }
}
