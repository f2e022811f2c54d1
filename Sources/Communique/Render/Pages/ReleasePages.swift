/// A release's pages: its own page (lead and preamble), one page per section, and the
/// full text on one page.
struct ReleasePages {
    let release: Release
    let analysis: Analysis
    let links: LinkGraph
    /// Opening tags of term links, by glossary entry (`TermLinkTags`).
    let termTags: [String]

    func render(into pages: inout PageRenderer) throws {
        let releasePath = Permalinks.release(release.id)
        let crumbsToRelease = [pages.crumb(pages.labels["home"]!, Permalinks.home)]
        let bodyKey = PageKey(release: release.id, section: "")
        let bodyPage = analysis.releaseBodies[release.id]
        let glossary = analysis.glossary

        let lead = Summary.of(bodyPage)
        var frame = pages.frame(for: releasePath, lang: release.language, title: release.title)
        frame.breadcrumbs = crumbsToRelease.map { $0(releasePath) }
        frame.description = lead
        frame.ogType = "article"
        frame.jsonLd = StructuredData.release(release, site: pages.site.config, description: lead)
        let definitions = pages.termDefinitions([bodyKey], links: links, glossary: glossary)
        try pages.render(releasePath, template: "release", frame: frame, model: ReleasePage(
            release: pages.releaseDetails(release, from: releasePath, glossary: glossary),
            blocks: blocks(bodyPage, bodyKey, on: releasePath, top: 2, pages: pages),
            termDefinitions: definitions, hasTermDefinitions: !definitions.isEmpty))

        let crumbs = crumbsToRelease + [pages.crumb(release.title, releasePath)]
        let comparison = pages.hasChanges(release.id) ? analysis.comparisons.byRelease[release.id] : nil
        for (index, section) in release.sections.enumerated() {
            let key = PageKey(release: release.id, section: section.slug)
            let path = Permalinks.section(release.id, section.slug)
            guard let page = analysis.sections[key] else { continue }
            let neighbours = links.neighbours[key]
            func neighbour(_ other: PageKey?) -> LinkItem? {
                guard let other, let target = release.sections.first(where: { $0.slug == other.section }) else { return nil }
                return LinkItem(title: target.title, url: Permalinks.relative(from: path, to: Permalinks.section(release.id, target.slug)))
            }
            var frame = pages.frame(for: path, lang: release.language, title: "\(section.title) | \(release.title)")
            frame.crumbTitle = section.title
            frame.description = Summary.of(page)
            frame.ogType = "article"
            frame.breadcrumbs = crumbs.map { $0(path) }
            let definitions = pages.termDefinitions([key], links: links, glossary: glossary)
            try pages.render(path, template: "section", frame: frame, model: SectionPage(
                release: pages.releaseDetails(release, from: path),
                section: SectionPage.Heading(title: section.title, order: section.order),
                blocks: blocks(page, key, on: path, top: 2, pages: pages),
                footnotes: page.footnotes,
                prev: neighbour(neighbours?.previous), next: neighbour(neighbours?.next),
                termDefinitions: definitions, hasTermDefinitions: !definitions.isEmpty,
                changesUrl: comparison.flatMap { comparison in
                    // Its part of the changes page (side index + 1: the release's own page is first).
                    guard comparison.new.sections.indices.contains(index + 1), !comparison.new.sections[index + 1].paragraphs.isEmpty
                    else { return nil }
                    return Permalinks.relative(from: path, to: Permalinks.changes(release.id)) + "#" + ChangesPages.anchor(of: section.slug)
                }))
        }

        let printPath = Permalinks.printable(release.id)
        var printFrame = pages.frame(for: printPath, lang: release.language, title: "\(pages.labels["full_text"]!) | \(release.title)")
        printFrame.crumbTitle = pages.labels["full_text"]!
        printFrame.breadcrumbs = crumbs.map { $0(printPath) }
        let allKeys = [bodyKey] + release.sections.map { PageKey(release: release.id, section: $0.slug) }
        let allDefinitions = pages.termDefinitions(allKeys, links: links, glossary: glossary)
        try pages.render(printPath, template: "print", frame: printFrame, model: PrintPage(
            release: pages.releaseDetails(release, from: printPath),
            blocks: blocks(bodyPage, bodyKey, on: printPath, top: 2, withNavigation: false, pages: pages),
            sections: release.sections.compactMap { section in
                let key = PageKey(release: release.id, section: section.slug)
                guard let page = analysis.sections[key] else { return nil }
                return PrintPage.PrintSection(
                    title: section.title, anchor: "sec_\(section.order)",
                    blocks: blocks(page, key, on: printPath, top: 3, withNavigation: false, pages: pages),
                    footnotes: page.footnotes)
            },
            termDefinitions: allDefinitions, hasTermDefinitions: !allDefinitions.isEmpty))
    }

    /// `withNavigation`: related paragraphs and topic chips under each paragraph. The
    /// full-text (printable) page leaves them out: it is the statement to read through
    /// or print, each paragraph's section page has them, and on a site of hundreds of
    /// releases they made that page cost as much as all its section pages.
    private func blocks(
        _ page: ParsedPage?, _ key: PageKey, on path: String, top: Int, withNavigation: Bool = true, pages: PageRenderer
    ) -> [BlockItem] {
        guard let page else { return [] }
        let topics = analysis.topics
        let lineage = analysis.comparisons.lineage[release.id]
        let phrases = WordingPhrases(site: pages.site, labels: pages.labels)
        let names = pages.placeNames
        let context = BlockContext(
            rootPrefix: Permalinks.rootPrefix(from: path),
            related: { withNavigation ? names.relatedItems(links.related[$0] ?? [], from: path) : [] },
            topics: { ref in
                guard withNavigation else { return [] }
                return (topics.topicsByParagraph[ref] ?? []).map { index in
                    LinkItem(title: topics.topics[index].title, url: Permalinks.relative(from: path, to: Permalinks.topic(topics.topics[index].id)))
                }
            },
            key: key, wording: { ref in
                // Only a later meeting of a series has earlier wording to show.
                guard withNavigation, let lineage, pages.hasPreviousMeeting(release.id) else { return nil }
                return WordingHistory.of(lineage.paragraphs[ref], from: path, phrases: phrases)
            }, termTags: termTags)
        return context.blocks(of: page, html: links.blockHTML[key] ?? [], topHeadingLevel: top)
    }
}
