import CommuniqueMarkdown

/// One use of a glossary term in the text.
public struct TermOccurrence: Sendable {
    public var entry: Int
    public var paragraph: ParagraphRef
    /// The block's HTML the term was found in, and which of its runs: the run's text is made
    /// only when a snippet is shown. A copy of every run holding a term was tens of megabytes
    /// on a large site, and only the glossary entry pages show them.
    let block: LinkableHTML
    let run: Int
    let scalarRange: Range<Int>

    init(entry: Int, paragraph: ParagraphRef, block: LinkableHTML, run: Int, scalarRange: Range<Int>) {
        self.entry = entry
        self.paragraph = paragraph
        self.block = block
        self.run = run
        self.scalarRange = scalarRange
    }

    /// The text of the run the term was found in.
    var text: String { block.run(run).text }

    /// The words around the term, for back-link lists.
    public var snippet: String { Snippet.around(scalarRange, in: text) }
}

/// Links the first use of each glossary term in every paragraph to its entry (never
/// inside headings, links or code: only in the open runs of `LinkableHTML`), and records
/// every use.
///
/// The HTML gets a `LinkMarkers.term` marker where each link opens; the renderer puts
/// the entry's tag (`TermLinkTags`) there.
struct TermLinker {
    let glossary: Glossary

    init(glossary: Glossary) {
        self.glossary = glossary
    }

    /// The page's block HTML with term markers in it, and every use of a term (`page`: the
    /// page's place in its release, which `ReleaseLinks.Use` records).
    func link(_ parsed: ParsedPage, page: Int) -> (html: [String], uses: [ReleaseLinks.Use]) {
        var uses: [ReleaseLinks.Use] = []
        var html: [String] = []
        html.reserveCapacity(parsed.blocks.count)
        for (blockIndex, block) in parsed.blocks.enumerated() {
            // Entries already linked in this block: only the first use is a link,
            // and each block records an entry once. Headings take no links.
            var linked: Set<Int> = []
            var wraps: [[InlineWrap]] = []
            for (runIndex, run) in (block.isHeading ? [] : block.html.runs).enumerated() {
                var runWraps: [InlineWrap] = []
                for match in glossary.matcher.matches(in: run.text) {
                    let entryIndex = glossary.entryIndex(forPattern: match.pattern)
                    guard linked.insert(entryIndex).inserted else { continue }
                    uses.append(ReleaseLinks.Use(
                        entry: entryIndex, page: page, block: blockIndex, run: runIndex, scalarRange: match.scalarRange))
                    runWraps.append(InlineWrap(utf8Range: match.utf8Range(in: run.text), open: LinkMarkers.term(entryIndex), close: "</a>"))
                }
                wraps.append(runWraps)
            }
            html.append(block.html.html(wrapping: wraps))
        }
        return (html, uses)
    }
}

/// Short context around a match, for lists of uses.
enum Snippet {
    static let radius = 40

    static func around(_ range: Range<Int>, in run: String) -> String {
        let scalars = Array(run.unicodeScalars)
        let lower = max(0, range.lowerBound - radius)
        let upper = min(scalars.count, range.upperBound + radius)
        var text = OneLine.string(scalars[lower..<upper])
        if lower > 0 { text = "…" + text }
        if upper < scalars.count { text += "…" }
        return text
    }
}
