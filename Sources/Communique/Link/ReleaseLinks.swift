/// What the Link stage makes of one release alone, given the glossary: each page's block
/// HTML with its term markers, and every use of a term. It depends only on the release's
/// pages and the glossary's forms, so a later build may reuse it (`ReleaseCache`) while
/// both are the same.
struct ReleaseLinks: Equatable, Sendable {
    /// A term use: the glossary entry, and where — the page (0 the release's own, then its
    /// sections in order), block and linkable run — and its place in the run's text.
    struct Use: Equatable, Sendable {
        var entry: Int
        var page: Int
        var block: Int
        var run: Int
        var scalarRange: Range<Int>
    }

    /// By page (the release's own, then its sections in order), each block's HTML.
    var html: [[String]]
    var uses: [Use]

    /// The release's parsed pages in `page` order (a page the Analyse stage did not make is
    /// empty).
    static func pages(of release: Release, in analysis: Analysis) -> [(key: PageKey, page: ParsedPage?)] {
        [(PageKey(release: release.id, section: ""), analysis.releaseBodies[release.id])]
            + release.sections.map { section in
                let key = PageKey(release: release.id, section: section.slug)
                return (key, analysis.sections[key])
            }
    }

    init(html: [[String]], uses: [Use]) {
        self.html = html
        self.uses = uses
    }

    init(_ release: Release, in analysis: Analysis, linker: TermLinker) {
        html = []
        uses = []
        for (index, page) in Self.pages(of: release, in: analysis).enumerated() {
            guard let parsed = page.page else {
                html.append([])
                continue
            }
            let linked = linker.link(parsed, page: index)
            html.append(linked.html)
            uses += linked.uses
        }
    }
}
