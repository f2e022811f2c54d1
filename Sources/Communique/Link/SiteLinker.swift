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
}

/// Link stage: links terms in the text to the glossary and computes the links between
/// pages and paragraphs. Runs after `SiteAnalyser` (it needs the glossary and the
/// parsed pages, whose cmark trees it adds term links to) and before rendering.
public struct SiteLinker {
    public static let relatedLimit = 3

    public init() {}

    public func link(_ site: SiteSource, _ analysis: Analysis) -> LinkGraph {
        var neighbours: [PageKey: LinkGraph.Neighbours] = [:]
        let linker = TermLinker(glossary: analysis.glossary)
        var numbered: Set<ParagraphRef> = []
        // Each release's pages are linked on every core (a page's cmark tree is touched
        // only by the task linking it), then gathered in site order.
        let releases = site.releases
        var linked = Parallel.map(releases.count) { index -> (uses: [TermOccurrence], numbered: [ParagraphRef]) in
            let release = releases[index]
            var uses: [TermOccurrence] = []
            var numbered: [ParagraphRef] = []
            if let body = analysis.releaseBodies[release.id] {
                uses += linker.link(body, key: PageKey(release: release.id, section: ""))
            }
            for section in release.sections {
                let key = PageKey(release: release.id, section: section.slug)
                guard let page = analysis.sections[key] else { continue }
                uses += linker.link(page, key: key)
                for block in page.blocks where block.marker != nil {
                    numbered.append(ParagraphRef(page: key, anchor: block.anchor))
                }
            }
            return (uses, numbered)
        }
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
            // Let go of each release's lists once taken: two copies of every use of a
            // large site stayed in the process's peak memory.
            linked[index] = ([], [])
            let keys = release.sections.map { PageKey(release: release.id, section: $0.slug) }
            for (i, key) in keys.enumerated() {
                neighbours[key] = LinkGraph.Neighbours(
                    previous: i > 0 ? keys[i - 1] : nil, next: i + 1 < keys.count ? keys[i + 1] : nil)
            }
        }
        let related = RelatedParagraphs(limit: Self.relatedLimit).compute(termsByParagraph: termsByParagraph, numbered: numbered)
        return LinkGraph(
            neighbours: neighbours, backlinks: backlinks, termsOnPage: termsOnPage,
            related: related)
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
