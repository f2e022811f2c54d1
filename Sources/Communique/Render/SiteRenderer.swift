import Foundation

/// Render stage: turns the analysed and linked site into output files, in memory.
///
/// Pure: no disk writes and no clock, so the same input always gives the same bytes.
/// Runs after `SiteLinker`; its files go to `SiteWriter`.
public struct SiteRenderer {
    let templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    public func render(_ site: SiteSource, _ analysis: Analysis, _ links: LinkGraph) throws -> [OutputFile] {
        var pages = PageRenderer(site: site, templates: templates)
        try pages.render(Permalinks.home, template: "home", lang: site.config.language, title: site.config.title, values: [
            "releases": site.releases.map { pages.releaseSummary($0, from: Permalinks.home) },
            "is_home": true,
        ])
        for release in site.releases {
            try renderRelease(release, analysis, links, into: &pages)
        }
        try pages.renderNotFound()
        try templates.check(knownKeys: pages.knownKeys.union(PageRenderer.itemKeys(config: site.config)))
        var files = pages.files
        for asset in templates.assets {
            files.append(OutputFile(path: "assets/\(asset.path)", bytes: asset.bytes))
        }
        return files.sorted { $0.path < $1.path }
    }

    private func renderRelease(_ release: Release, _ analysis: Analysis, _ links: LinkGraph, into pages: inout PageRenderer) throws {
        let releasePath = Permalinks.release(release.id)
        let crumbsToRelease = [pages.crumb(pages.labels["home"]!, Permalinks.home)]
        let body = analysis.releaseBodies[release.id].map { BlockContext.blocks(of: $0, topHeadingLevel: 2) } ?? []
        try pages.render(releasePath, template: "release", lang: release.language, title: release.title, values: [
            "release": pages.releaseDetails(release, from: releasePath),
            "blocks": body,
            "breadcrumbs": crumbsToRelease.map { $0(releasePath) },
        ])

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
                "blocks": BlockContext.blocks(of: page, topHeadingLevel: 2),
                "footnotes": page.document.footnotesHTML(),
                "prev": neighbour(neighbours?.previous),
                "next": neighbour(neighbours?.next),
                "breadcrumbs": crumbs.map { $0(path) },
            ])
        }

        let printPath = Permalinks.printable(release.id)
        try pages.render(printPath, template: "print", lang: release.language, title: "\(pages.labels["full_text"]!) | \(release.title)", values: [
            "release": pages.releaseDetails(release, from: printPath),
            "blocks": body,
            "crumb_title": pages.labels["full_text"]!,
            "sections": release.sections.compactMap { section -> [String: Any]? in
                guard let page = analysis.sections[PageKey(release: release.id, section: section.slug)] else { return nil }
                return [
                    "title": section.title, "anchor": "sec_\(section.order)",
                    "blocks": BlockContext.blocks(of: page, topHeadingLevel: 3),
                    "footnotes": page.document.footnotesHTML(),
                ]
            },
            "breadcrumbs": crumbs.map { $0(printPath) },
        ])
    }
}

/// Builds each page's template context from the values every page shares, renders
/// it, and remembers every key it provided (for `TemplateSet.check`).
struct PageRenderer {
    let site: SiteSource
    let templates: TemplateSet!
    let labels: [String: String]
    private(set) var files: [OutputFile] = []
    private(set) var knownKeys: Set<String> = []

    init(site: SiteSource, templates: TemplateSet?) {
        self.site = site
        self.templates = templates
        labels = Labels.table(for: site.config.language)
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
        collectKeys(context)
        let html = try templates.render(context, with: template)
        files.append(OutputFile(path: path, text: html))
    }

    /// The 404 page is served at any URL, so its links are absolute from `base_url`.
    mutating func renderNotFound() throws {
        var context = shared(for: Permalinks.notFound)
        let base = site.config.basePath
        context["root"] = base
        context["home_url"] = base
        context["lang"] = site.config.language
        context["page_title"] = labels["not_found"]!
        context["crumb_title"] = labels["not_found"]!
        context["breadcrumbs"] = [[String: Any]]()
        context["is_home"] = false
        context["has_breadcrumbs"] = false
        collectKeys(context)
        files.append(OutputFile(path: Permalinks.notFound, text: try templates.render(context, with: "404")))
    }

    func shared(for path: String) -> [String: Any] {
        [
            "site_title": site.config.title,
            "site_description": site.config.description,
            "description": site.config.description,
            "root": Permalinks.rootPrefix(from: path),
            "home_url": Permalinks.relative(from: path, to: Permalinks.home),
            "canonical": site.config.baseURL + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path),
            "labels": labels,
            "site_language": site.config.language,
        ]
    }

    /// A breadcrumb, made relative once the page it appears on is known.
    func crumb(_ title: String, _ target: String) -> (String) -> [String: Any] {
        { page in ["title": title, "url": Permalinks.relative(from: page, to: target)] }
    }

    func releaseSummary(_ release: Release, from page: String) -> [String: Any] {
        var values = releaseDetails(release, from: page)
        values["sections"] = release.sections.map { section -> [String: Any] in
            ["title": section.title, "url": Permalinks.relative(from: page, to: Permalinks.section(release.id, section.slug))]
        }
        return values
    }

    func releaseDetails(_ release: Release, from page: String) -> [String: Any] {
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
            "participants": release.participants.map { p -> [String: Any] in
                [
                    "name": p.name, "reading": p.reading ?? false, "title": p.title ?? false,
                    "english": p.english ?? false, "english_title": p.englishTitle ?? false,
                ]
            },
            "has_participants": !release.participants.isEmpty,
            "sections": release.sections.map { section -> [String: Any] in
                ["title": section.title, "url": Permalinks.relative(from: page, to: Permalinks.section(release.id, section.slug))]
            },
        ]
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
        probe.collectKeys(BlockContext.blocks(of: ParsedPage(source: stub, anchorPrefix: "x", options: .init()), topHeadingLevel: 2))
        return probe.knownKeys
    }

    private mutating func collectKeys(_ value: Any) {
        if let dictionary = value as? [String: Any] {
            for (key, inner) in dictionary {
                knownKeys.insert(key)
                collectKeys(inner)
            }
        } else if let dictionary = value as? [String: String] {
            knownKeys.formUnion(dictionary.keys)
        } else if let array = value as? [[String: Any]] {
            for item in array { collectKeys(item) }
        } else if let array = value as? [Any] {
            for item in array { collectKeys(item) }
        }
    }
}
