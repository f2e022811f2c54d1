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

    /// A release's links as an earlier build made them with the same glossary forms; nil
    /// to link it.
    var reuse: (Release) -> ReleaseLinks? = { _ in nil }

    public init() {}

    public func link(_ site: SiteSource, _ analysis: Analysis) -> LinkGraph {
        link(site, analysis, fresh: { _, _ in })
    }

    /// `fresh` is told each release linked in this build (not reused), in site order.
    func link(_ site: SiteSource, _ analysis: Analysis, fresh: (Release, ReleaseLinks) -> Void) -> LinkGraph {
        let linker = TermLinker(glossary: analysis.glossary)
        // Each release's pages are linked on every core, then gathered in site order.
        let releases = site.releases
        var linked = Parallel.map(releases.count) { index -> (ReleaseLinks, isFresh: Bool) in
            let release = releases[index]
            if let kept = reuse(release) { return (kept, false) }
            return (ReleaseLinks(release, in: analysis, linker: linker), true)
        }
        var neighbours: [PageKey: LinkGraph.Neighbours] = [:]
        var numbered: Set<ParagraphRef> = []
        var blockHTML: [PageKey: [String]] = [:]
        var backlinks: [Int: [TermOccurrence]] = [:]
        var termsOnPage: [PageKey: [Int]] = [:]
        var termsByParagraph: [ParagraphRef: Set<Int>] = [:]
        for (index, release) in releases.enumerated() {
            let links = linked[index].0
            if linked[index].isFresh { fresh(release, links) }
            let pages = ReleaseLinks.pages(of: release, in: analysis)
            for (page, html) in zip(pages, links.html) where page.page != nil { blockHTML[page.key] = html }
            for use in links.uses {
                guard let parsed = pages[use.page].page else { continue }
                let block = parsed.blocks[use.block]
                let paragraph = ParagraphRef(page: pages[use.page].key, anchor: block.anchor)
                let occurrence = TermOccurrence(
                    entry: use.entry, paragraph: paragraph, block: block.html, run: use.run, scalarRange: use.scalarRange)
                backlinks[use.entry, default: []].append(occurrence)
                if !(termsOnPage[paragraph.page]?.contains(use.entry) ?? false) {
                    termsOnPage[paragraph.page, default: []].append(use.entry)
                }
                termsByParagraph[paragraph, default: []].insert(use.entry)
            }
            for (key, page) in pages.dropFirst() {
                for block in page?.blocks ?? [] where block.marker != nil {
                    numbered.insert(ParagraphRef(page: key, anchor: block.anchor))
                }
            }
            // Let go of each release's links once taken: two copies of every use of a
            // large site stayed in the process's peak memory.
            linked[index].0 = ReleaseLinks(html: [], uses: [])
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
