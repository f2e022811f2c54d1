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
        let topicPages = TopicPages(site: site, topics: analysis.topics)
        let glossaryPage = GlossaryPage(site: site, glossary: analysis.glossary, links: links)
        let topTopics = topicPages.mostMentioned(from: Permalinks.home, limit: Self.topicsOnHome)

        // Units of pages that need nothing from each other, in the order their files are listed.
        var units: [(inout PageRenderer) throws -> Void] = []
        units.append { pages in
            try pages.render(Permalinks.home, template: "home", lang: site.config.language, title: site.config.title, values: [
                "releases": site.releases.map { pages.releaseSummary($0, from: Permalinks.home) },
                "years": pages.timeline(site.releases, from: Permalinks.home),
                "year_level": 3, "release_level": 4,
                "is_home": true,
                "top_topics": topTopics,
                "has_topics": !topTopics.isEmpty,
                "glossary_count": analysis.glossary.entries.count,
            ])
        }
        let termTags = TermLinkTags.all(for: analysis.glossary)
        let releaseInputs = ReleaseInputs(site: site, analysis: analysis, links: links, termTags: termTags, templates: templates)
        for release in site.releases {
            units.append { pages in
                try pages.unit("release:\(release.id)", key: releaseInputs.key(of: release, pages: pages)) { pages in
                    try renderRelease(release, analysis, links, termTags: termTags, into: &pages)
                }
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
                try pages.render(path, template: "series", lang: site.config.language, title: series.name, values: [
                    "series_page": ["name": series.name, "count": releases.count],
                    "years": pages.timeline(releases, from: path),
                    "year_level": 2, "release_level": 3,
                    "crumb_title": series.name,
                    "breadcrumbs": [pages.crumb(pages.labels["home"]!, Permalinks.home)(path)],
                ])
            }
        }
        units.append { pages in try pages.renderNotFound() }

        let rendered = try Self.renderConcurrently(units, from: base)
        let knownKeys = rendered.knownKeys.union(PageRenderer.itemKeys(config: site.config))
        try templates.check(knownKeys: knownKeys)
        var files = rendered.files
        files += FeedWriter(site: site, analysis: analysis).files(pages: files.map(\.path))
        for asset in templates.assets {
            var hasher = StableHasher()
            hasher.combine(bytes: asset.bytes)
            files.append(OutputFile(path: "assets/\(asset.path)", bytes: asset.bytes, fingerprint: hasher.hex))
        }
        return RenderResult(
            files: files.sorted { $0.path < $1.path }, rendered: rendered.count, units: rendered.units, templateKeys: knownKeys)
    }

    /// Runs every unit on every core, each with its own copy of `base`, and gathers
    /// their pages in the units' order, so the result does not depend on scheduling.
    /// The first error (in that order) is thrown.
    private static func renderConcurrently(
        _ units: [(inout PageRenderer) throws -> Void], from base: PageRenderer
    ) throws -> (files: [OutputFile], knownKeys: Set<String>, count: Int, units: [String: RenderUnit]) {
        let outcomes = Parallel.map(units.count) { index in
            var pages = base
            return Result { try units[index](&pages); return pages }
        }
        var files: [OutputFile] = []
        var knownKeys: Set<String> = []
        var count = 0
        var keyedUnits: [String: RenderUnit] = [:]
        var kept = 0
        for outcome in outcomes {
            let pages = try outcome.get()
            files += pages.files
            knownKeys.formUnion(pages.knownKeys)
            count += pages.rendered
            keyedUnits.merge(pages.units) { first, _ in first }
            kept += pages.keptUnits
        }
        if kept > 0 { knownKeys.formUnion(base.previous.templateKeys) }
        return (files, knownKeys, count, keyedUnits)
    }

    private func renderRelease(
        _ release: Release, _ analysis: Analysis, _ links: LinkGraph, termTags: [String], into pages: inout PageRenderer
    ) throws {
        let releasePath = Permalinks.release(release.id)
        let crumbsToRelease = [pages.crumb(pages.labels["home"]!, Permalinks.home)]
        let printPath = Permalinks.printable(release.id)
        let bodyKey = PageKey(release: release.id, section: "")
        let bodyPage = analysis.releaseBodies[release.id]
        let names = pages.placeNames
        /// `withNavigation`: related paragraphs and topic chips under each paragraph. The
        /// full-text (printable) page leaves them out: it is the statement to read through
        /// or print, each paragraph's section page has them, and on a site of hundreds of
        /// releases they made that page cost as much as all its section pages.
        func blocks(_ page: ParsedPage?, _ key: PageKey, on path: String, top: Int, withNavigation: Bool = true) -> [[String: Any]] {
            guard let page else { return [] }
            let topics = analysis.topics
            let context = BlockContext(
                rootPrefix: Permalinks.rootPrefix(from: path),
                related: { withNavigation ? names.relatedItems(links.related[$0] ?? [], from: path) : [] },
                topics: { ref in
                    guard withNavigation else { return [] }
                    return (topics.topicsByParagraph[ref] ?? []).map { index in
                        ["title": topics.topics[index].title, "url": Permalinks.relative(from: path, to: Permalinks.topic(topics.topics[index].id))]
                    }
                },
                key: key, termTags: termTags)
            return context.blocks(of: page, topHeadingLevel: top)
        }
        let lead = Summary.of(bodyPage)
        try pages.render(releasePath, template: "release", lang: release.language, title: release.title, values: [
            "release": pages.releaseDetails(release, from: releasePath, glossary: analysis.glossary),
            "blocks": blocks(bodyPage, bodyKey, on: releasePath, top: 2),
            "breadcrumbs": crumbsToRelease.map { $0(releasePath) },
            "description": lead,
            "og_type": "article",
            "json_ld": StructuredData.release(release, site: pages.site.config, description: lead),
        ].merging(pages.termDefinitions([bodyKey], links: links, glossary: analysis.glossary)) { a, _ in a })

        let crumbs = crumbsToRelease + [pages.crumb(release.title, releasePath)]
        for section in release.sections {
            let key = PageKey(release: release.id, section: section.slug)
            let path = Permalinks.section(release.id, section.slug)
            guard let page = analysis.sections[key] else { continue }
            let neighbours = links.neighbours[key]
            func neighbour(_ other: PageKey?) -> Any {
                guard let other, let target = release.sections.first(where: { $0.slug == other.section }) else { return false }
                return ["title": target.title, "url": Permalinks.relative(from: path, to: Permalinks.section(release.id, target.slug))]
            }
            try pages.render(path, template: "section", lang: release.language, title: "\(section.title) | \(release.title)", values: [
                "release": pages.releaseDetails(release, from: path),
                "section": ["title": section.title, "order": section.order],
                "crumb_title": section.title,
                "description": Summary.of(page),
                "og_type": "article",
                "blocks": blocks(page, key, on: path, top: 2),
                "footnotes": page.document.footnotesHTML(),
                "prev": neighbour(neighbours?.previous),
                "next": neighbour(neighbours?.next),
                "breadcrumbs": crumbs.map { $0(path) },
            ].merging(pages.termDefinitions([key], links: links, glossary: analysis.glossary)) { a, _ in a })
        }

        try pages.render(printPath, template: "print", lang: release.language, title: "\(pages.labels["full_text"]!) | \(release.title)", values: [
            "release": pages.releaseDetails(release, from: printPath),
            "blocks": blocks(bodyPage, bodyKey, on: printPath, top: 2, withNavigation: false),
            "crumb_title": pages.labels["full_text"]!,
            "sections": release.sections.compactMap { section -> [String: Any]? in
                let key = PageKey(release: release.id, section: section.slug)
                guard let page = analysis.sections[key] else { return nil }
                return [
                    "title": section.title, "anchor": "sec_\(section.order)",
                    "blocks": blocks(page, key, on: printPath, top: 3, withNavigation: false),
                    "footnotes": page.document.footnotesHTML(),
                ]
            },
            "breadcrumbs": crumbs.map { $0(printPath) },
        ].merging(pages.termDefinitions([bodyKey] + release.sections.map { PageKey(release: release.id, section: $0.slug) }, links: links, glossary: analysis.glossary)) { a, _ in a })
    }
}

/// The Render stage's output: every file of the site, and how many pages it had to
/// render (the rest are unchanged since the previous build).
public struct RenderResult: Sendable {
    public var files: [OutputFile]
    public var rendered: Int
    /// Units whose inputs were hashed, for the manifest (see `PreviousRender.units`).
    public var units: [String: RenderUnit] = [:]
    /// Every key the contexts had (or, for kept units, had last time).
    public var templateKeys: Set<String> = []
}

/// Builds each page's template context from the values every page shares, renders
/// it, and remembers every key it provided (for `TemplateSet.check`).
struct PageRenderer {
    let site: SiteSource
    let templates: TemplateSet!
    let labels: [String: String]
    private(set) var files: [OutputFile] = []
    private(set) var knownKeys: Set<String> = []
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

    mutating func render(_ path: String, template: String, lang: String, title: String, values: [String: Any]) throws {
        var context = shared(for: path)
        context["lang"] = lang
        context["page_title"] = title
        context["crumb_title"] = title
        context["breadcrumbs"] = [[String: Any]]()
        context["is_home"] = false
        context.merge(values) { _, new in new }
        context["has_breadcrumbs"] = !((context["breadcrumbs"] as? [[String: Any]])?.isEmpty ?? true)
        try emit(path, template: template, context: context)
    }

    /// Units of this renderer whose inputs were hashed (see `unit`).
    private(set) var units: [String: RenderUnit] = [:]
    /// Units kept from the previous build without building their contexts: their
    /// template keys are the previous build's (`PreviousRender.templateKeys`).
    private(set) var keptUnits = 0

    /// Renders a unit of pages whose inputs hash to `key`, or, when the previous build
    /// made it from the same key, keeps its pages without building their contexts.
    mutating func unit(_ name: String, key: String, render: (inout PageRenderer) throws -> Void) rethrows {
        if let kept = previous.units[name], kept.key == key, kept.paths.allSatisfy({ previous.fingerprints[$0] != nil }) {
            for path in kept.paths { files.append(.unchanged(path: path, fingerprint: previous.fingerprints[path]!)) }
            keptUnits += 1
            units[name] = kept
            return
        }
        let first = files.count
        try render(&self)
        units[name] = RenderUnit(key: key, paths: files[first...].map(\.path))
    }

    /// Renders the page, unless the previous build made it from the same fingerprint.
    private mutating func emit(_ path: String, template: String, context: [String: Any]) throws {
        let fingerprint = ContextFingerprint.of(
            context, template: template, templates: templates.fingerprints[template] ?? "",
            names: templates.namesRead[template] ?? nil, keys: &knownKeys)
        if previous.fingerprints[path] == fingerprint {
            files.append(.unchanged(path: path, fingerprint: fingerprint))
        } else {
            let file = OutputFile(path: path, text: try templates.render(context, with: template), fingerprint: fingerprint)
            files.append(try stage?(file) ?? file)
            rendered += 1
        }
    }

    /// The 404 page is served at any URL, so its links are absolute from `base_url`.
    mutating func renderNotFound() throws {
        var context = shared(for: Permalinks.notFound)
        let base = site.config.basePath
        context["root"] = base
        context["home_url"] = base
        context["glossary_url"] = base + Permalinks.glossary
        context["topics_url"] = base + Permalinks.topicsIndex
        context["feed_url"] = site.config.hasAbsoluteBaseURL ? base + FeedWriter.feed : false
        context["lang"] = site.config.language
        context["page_title"] = labels["not_found"]!
        context["crumb_title"] = labels["not_found"]!
        context["breadcrumbs"] = [[String: Any]]()
        context["is_home"] = false
        context["has_breadcrumbs"] = false
        try emit(Permalinks.notFound, template: "404", context: context)
    }

    func shared(for path: String) -> [String: Any] {
        [
            "site_title": site.config.title,
            // false, not "": swift-mustache shows a section for an empty string.
            "site_description": site.config.description.isEmpty ? false : site.config.description,
            "description": site.config.description,
            "root": Permalinks.rootPrefix(from: path),
            "home_url": Permalinks.relative(from: path, to: Permalinks.home),
            "glossary_url": Permalinks.relative(from: path, to: Permalinks.glossary),
            "topics_url": Permalinks.relative(from: path, to: Permalinks.topicsIndex),
            // Only an absolute base_url gives a canonical URL; a path alone would be wrong
            // under another host and from disk.
            "canonical": site.config.absoluteURL(of: path) ?? false,
            "og_type": "website",
            "og_locale": site.config.language.hasPrefix("ja") ? "ja_JP" : "en_US",
            "json_ld": false,
            "feed_url": site.config.hasAbsoluteBaseURL ? Permalinks.relative(from: path, to: FeedWriter.feed) : false,
            "labels": labels,
            "site_language": site.config.language,
        ]
    }

    /// A breadcrumb, made relative once the page it appears on is known.
    func crumb(_ title: String, _ target: String) -> (String) -> [String: Any] {
        { page in ["title": title, "url": Permalinks.relative(from: page, to: target)] }
    }

    /// Releases (already newest first) grouped by the year of their meeting date.
    func timeline(_ releases: [Release], from page: String) -> [[String: Any]] {
        var years: [(year: String, items: [[String: Any]])] = []
        for release in releases {
            let year = release.date.map { String($0.prefix(4)) } ?? labels["undated"]!
            if years.last?.year == year {
                years[years.count - 1].items.append(releaseSummary(release, from: page))
            } else {
                years.append((year, [releaseSummary(release, from: page)]))
            }
        }
        return years.map { ["year": $0.year, "anchor": "year-\($0.year)", "releases": $0.items] }
    }

    /// The release's series, with the previous and next meeting of it, or false.
    func seriesLinks(_ release: Release, from page: String) -> Any {
        guard let (index, position) = seriesPositions[release.id] else { return false }
        let series = series[index]
        func neighbour(_ index: Int) -> Any {
            guard series.releases.indices.contains(index),
                let other = site.release(withID: series.releases[index])
            else { return false }
            return [
                "title": other.title, "url": Permalinks.relative(from: page, to: Permalinks.release(other.id)),
                "date_display": other.date.map { DateDisplay.format($0, language: site.config.language) } ?? false,
            ]
        }
        return [
            "name": series.name, "url": Permalinks.relative(from: page, to: Permalinks.series(series.slug)),
            "count": series.releases.count, "previous": neighbour(position - 1), "next": neighbour(position + 1),
        ]
    }

    func releaseSummary(_ release: Release, from page: String) -> [String: Any] {
        var values = releaseDetails(release, from: page)
        values["sections"] = release.sections.map { section -> [String: Any] in
            ["title": section.title, "url": Permalinks.relative(from: page, to: Permalinks.section(release.id, section.slug))]
        }
        return values
    }

    func releaseDetails(_ release: Release, from page: String, glossary: Glossary? = nil) -> [String: Any] {
        let lang = site.config.language
        return [
            "id": release.id,
            "title": release.title,
            "url": Permalinks.relative(from: page, to: Permalinks.release(release.id)),
            "print_url": Permalinks.relative(from: page, to: Permalinks.printable(release.id)),
            "category": release.category ?? false,
            "date": release.date ?? false,
            "date_display": release.date.map { DateDisplay.format($0, language: lang) } ?? false,
            "published": release.published ?? false,
            "published_display": release.published.map { DateDisplay.format($0, language: lang) } ?? false,
            "place": release.place ?? false,
            "language": release.language,
            "series": seriesLinks(release, from: page),
            "participants": release.participants.map { p -> [String: Any] in
                let entry = glossary?.entry(named: p.name)
                return [
                    "name": p.name, "reading": p.reading ?? false, "title": p.title ?? false,
                    "english": p.english ?? false, "english_title": p.englishTitle ?? false,
                    "glossary_url": entry.map { Permalinks.relative(from: page, to: Permalinks.glossaryEntry($0.id)) } ?? false,
                ]
            },
            "has_participants": !release.participants.isEmpty,
            "sections": release.sections.map { section -> [String: Any] in
                ["title": section.title, "url": Permalinks.relative(from: page, to: Permalinks.section(release.id, section.slug))]
            },
        ]
    }

    /// Hidden definitions that term links on these pages point to with aria-describedby,
    /// so screen readers announce a term's meaning when the link gets focus.
    func termDefinitions(_ keys: [PageKey], links: LinkGraph, glossary: Glossary) -> [String: Any] {
        var seen: Set<Int> = []
        var items: [[String: Any]] = []
        for key in keys {
            for index in links.termsOnPage[key] ?? [] where seen.insert(index).inserted {
                let entry = glossary.entries[index]
                items.append(["id": entry.id, "tip": TermLinkTags.tip(for: entry)])
            }
        }
        return ["term_definitions": items, "has_term_definitions": !items.isEmpty]
    }

    /// The keys of every kind of list item, made by the same functions from stand-in
    /// values: a site whose lists are empty (no participants yet) must still accept a
    /// template that uses them.
    static func itemKeys(config: SiteConfig) -> Set<String> {
        var probe = PageRenderer(site: SiteSource(config: config, releases: []), templates: nil)
        let stub = MarkdownSource(text: "x\n\n# h\n", file: "", firstLine: 1)
        let release = Release(
            id: "x", title: "", language: "", participants: [Participant(name: "")], body: stub,
            sections: [Section(title: "", order: 1, slug: "x", body: stub)])
        probe.collectKeys(probe.releaseSummary(release, from: Permalinks.home))
        probe.collectKeys(probe.crumb("", Permalinks.home)(Permalinks.home))
        let blocks = BlockContext(
            rootPrefix: "", related: { _ in [["title": "", "url": ""]] }, topics: { _ in [["title": "", "url": ""]] },
            key: PageKey(release: "x", section: "x"))
        probe.collectKeys(blocks.blocks(of: ParsedPage(source: stub, anchorPrefix: "x", options: .init()), topHeadingLevel: 2))
        probe.collectKeys(probe.placeNames.relatedItems([], from: Permalinks.home))
        probe.collectKeys(["term_definitions": [["id": "", "tip": ""]], "has_term_definitions": true])
        probe.collectKeys(GlossaryPage.itemKeys)
        probe.collectKeys(TopicPages.itemKeys)
        probe.collectKeys(YearPages<Int>.itemKeys)
        let neighbour: [String: Any] = ["title": "", "url": "", "date_display": ""]
        probe.collectKeys([
            "series": ["name": "", "url": "", "count": 0, "previous": neighbour, "next": neighbour],
            "series_page": ["name": "", "count": 0], "years": [["year": "", "anchor": "", "releases": [[String: Any]]()]],
        ])
        probe.collectKeys(["glossary_count": 0, "topics_url": ""])
        return probe.knownKeys
    }

    private mutating func collectKeys(_ value: Any) {
        ContextFingerprint.collectKeys(of: value, into: &knownKeys)
    }
}

/// Readable names of paragraphs ("日米…を実施 › 地域情勢 (2)") for lists of links.
struct PlaceNames {
    let site: SiteSource
    private var markers: [ParagraphRef: String] = [:]

    init(site: SiteSource, analysis: Analysis?) {
        self.site = site
        guard let analysis else { return }
        for (key, page) in analysis.sections {
            for block in page.blocks {
                if let marker = block.marker { markers[ParagraphRef(page: key, anchor: block.anchor)] = marker.text }
            }
        }
    }

    /// Related paragraphs as links with a readable place ("地域情勢 (2)").
    func relatedItems(_ refs: [ParagraphRef], from page: String) -> [[String: Any]] {
        refs.map { ref in
            // The release is named only when it is not the one being read.
            [
                "title": placeName(of: ref, withRelease: !page.hasPrefix("releases/\(ref.page.release)/")),
                "url": Permalinks.relative(from: page, to: Permalinks.page(ref.page)) + "#\(ref.anchor)",
            ]
        }
    }

    /// "Release title › Section (marker)", the way lists of uses name a paragraph.
    func placeName(of ref: ParagraphRef, withRelease: Bool = true) -> String {
        guard let place = parts(of: ref) else { return ref.anchor }
        var parts: [String] = []
        if withRelease { parts.append(place.release) }
        if let section = place.section { parts.append(section) }
        var name = parts.joined(separator: " › ")
        if let marker = place.marker { name += " \(marker)" }
        return name
    }

    /// What `placeName` is made of, hashed into a unit's key without joining it into a
    /// string: keys hash the place of every use a topic or glossary page lists.
    func combinePlace(of ref: ParagraphRef, into key: inout UnitKey) {
        let place = parts(of: ref)
        key.combine(place?.release)
        key.combine(place?.section)
        key.combine(place?.marker)
    }

    private func parts(of ref: ParagraphRef) -> (release: String, section: String?, marker: String?)? {
        guard let release = site.release(withID: ref.page.release) else { return nil }
        return (release.title, release.sections.first(where: { $0.slug == ref.page.section })?.title, markers[ref])
    }

}
