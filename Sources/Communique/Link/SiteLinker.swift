/// The links between pages and paragraphs: reading order of sections, glossary term
/// links and their back-links, and related paragraphs.
public struct LinkGraph {
    public struct Neighbours {
        public var previous: PageKey?
        public var next: PageKey?
    }

    /// Previous and next section page within a release, in section order.
    public var neighbours: [PageKey: Neighbours]
    /// Entry index → the paragraphs that use it, in site order.
    public var backlinks: [Int: [TermOccurrence]]
    /// Entry indexes used on each page, in order of first use.
    public var termsOnPage: [PageKey: [Int]]
    /// Up to three related paragraphs for each numbered paragraph.
    public var related: [ParagraphRef: [ParagraphRef]]
    /// Each page's block HTML, by block, with the term-link markers the renderer expands.
    public var blockHTML: [PageKey: [String]]
}

/// Link stage: links terms in the text to the glossary and computes the links between
/// pages and paragraphs. Runs after `SiteAnalyser` (it needs the glossary and the
/// parsed pages, whose HTML it adds term links to) and before rendering.
public struct SiteLinker {
    public static let relatedLimit = 3

    public init() {}

    public func link(_ site: SiteSource, _ analysis: Analysis) -> LinkGraph {
        var neighbours: [PageKey: LinkGraph.Neighbours] = [:]
        let linker = TermLinker(glossary: analysis.glossary)
        var numbered: Set<ParagraphRef> = []
        // Each release's pages are linked on every core, then gathered in site order.
        let releases = site.releases
        typealias LinkedRelease = (uses: [TermOccurrence], numbered: [ParagraphRef], html: [(PageKey, [String])])
        var linked = Parallel.map(releases.count) { index -> LinkedRelease in
            let release = releases[index]
            var result: LinkedRelease = ([], [], [])
            let bodyKey = PageKey(release: release.id, section: "")
            if let body = analysis.releaseBodies[release.id] {
                let page = linker.link(body, key: bodyKey)
                result.uses += page.uses
                result.html.append((bodyKey, page.html))
            }
            for section in release.sections {
                let key = PageKey(release: release.id, section: section.slug)
                guard let parsed = analysis.sections[key] else { continue }
                let page = linker.link(parsed, key: key)
                result.uses += page.uses
                result.html.append((key, page.html))
                for block in parsed.blocks where block.marker != nil {
                    result.numbered.append(ParagraphRef(page: key, anchor: block.anchor))
                }
            }
            return result
        }
        var blockHTML: [PageKey: [String]] = [:]
        var backlinks: [Int: [TermOccurrence]] = [:]
        var termsOnPage: [PageKey: [Int]] = [:]
        var termsByParagraph: [ParagraphRef: Set<Int>] = [:]
        for (index, release) in releases.enumerated() {
            for occurrence in linked[index].uses {
                backlinks[occurrence.entry, default: []].append(occurrence)
                if !(termsOnPage[occurrence.paragraph.page]?.contains(occurrence.entry) ?? false) {
                    termsOnPage[occurrence.paragraph.page, default: []].append(occurrence.entry)
                }
                termsByParagraph[occurrence.paragraph, default: []].insert(occurrence.entry)
            }
            numbered.formUnion(linked[index].numbered)
            for (key, html) in linked[index].html { blockHTML[key] = html }
            // Let go of each release's lists once taken: two copies of every use of a
            // large site stayed in the process's peak memory.
            linked[index] = ([], [], [])
            let keys = release.sections.map { PageKey(release: release.id, section: $0.slug) }
            for (i, key) in keys.enumerated() {
                neighbours[key] = LinkGraph.Neighbours(
                    previous: i > 0 ? keys[i - 1] : nil, next: i + 1 < keys.count ? keys[i + 1] : nil)
            }
        }
        let related = RelatedParagraphs(limit: Self.relatedLimit).compute(termsByParagraph: termsByParagraph, numbered: numbered)
        return LinkGraph(
            neighbours: neighbours, backlinks: backlinks, termsOnPage: termsOnPage,
            related: related, blockHTML: blockHTML)
    }
}

/// Warnings about the glossary that do not stop a build.
public enum GlossaryWarnings {
    /// A curated term that no page uses: a typo in glossary.yml, or a term whose
    /// statement is not on the site yet.
    public static func unused(_ glossary: Glossary, _ links: LinkGraph) -> [Diagnostic] {
        glossary.entries.enumerated().compactMap { index, entry in
            guard entry.origin != .extracted, links.backlinks[index] == nil else { return nil }
            return Diagnostic(.warning, "glossary term '\(entry.term)' is not used on any page", at: entry.location)
        }.sorted { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) }
    }
}
