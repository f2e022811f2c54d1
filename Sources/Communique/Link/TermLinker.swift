import CommuniqueMarkdown

/// A paragraph (any top-level block with an anchor) somewhere in the site.
public struct ParagraphRef: Hashable, Sendable, Comparable {
    /// The page: a section, or the release's own page when `page.section` is "".
    public var page: PageKey
    public var anchor: String

    public static func < (a: ParagraphRef, b: ParagraphRef) -> Bool {
        (a.page.release, a.page.section, a.anchor) < (b.page.release, b.page.section, b.anchor)
    }
}

/// One use of a glossary term in the text.
public struct TermOccurrence: Sendable {
    public var entry: Int
    public var paragraph: ParagraphRef
    /// The sentence around the term, for back-link lists.
    public var snippet: String
}

/// Links the first use of each glossary term in every paragraph to its entry, on the
/// cmark tree (never inside headings, links or code), and records every use.
///
/// The link's target is written with `rootPlaceholder` in place of the way back to the
/// site root, because one parsed page is shown at two depths (a release's lead on its
/// own page and on the printable page); the renderer fills it in per page.
struct TermLinker {
    /// Cannot come from statement text: cmark escapes every `<` in text.
    static let rootPlaceholder = "<@root>"

    let glossary: Glossary

    func link(_ page: ParsedPage, key: PageKey) -> [TermOccurrence] {
        var occurrences: [TermOccurrence] = []
        for block in page.blocks {
            // Entries already linked in this block: only the first use is a link,
            // and each block records an entry once.
            var linked: Set<Int> = []
            for run in block.block.linkableRuns {
                var wraps: [InlineWrap] = []
                for match in glossary.matcher.matches(in: run.text) {
                    let entryIndex = glossary.entryIndex(forPattern: match.pattern)
                    let ref = ParagraphRef(page: key, anchor: block.anchor)
                    if !linked.contains(entryIndex) {
                        occurrences.append(TermOccurrence(entry: entryIndex, paragraph: ref, snippet: Snippet.around(match, in: run.text)))
                    }
                    guard linked.insert(entryIndex).inserted else { continue }
                    let entry = glossary.entries[entryIndex]
                    wraps.append(InlineWrap(
                        utf8Range: match.utf8Range(in: run.text), open: Self.openTag(for: entry), close: "</a>"))
                }
                block.block.wrap(run, wraps)
            }
        }
        return occurrences
    }

    static func openTag(for entry: GlossaryEntry) -> String {
        "<a class=\"term\" href=\"\(rootPlaceholder)\(Permalinks.glossaryEntry(entry.id))\" aria-describedby=\"def-\(entry.id)\" data-tip=\"\(MarkupEscaping.escape(tip(for: entry)))\">"
    }

    /// What hovering or focusing a term shows: the term, its reading, its meaning.
    static func tip(for entry: GlossaryEntry) -> String {
        var parts = [entry.term]
        if !entry.reading.isEmpty, entry.reading != entry.term { parts[0] += "（\(entry.reading)）" }
        if let english = entry.english { parts.append(english) }
        if let title = entry.title { parts.append(title) }
        if let definition = entry.definition { parts.append(definition) }
        return parts.joined(separator: " — ")
    }
}

/// Short context around a match, for lists of uses.
enum Snippet {
    static let radius = 40

    static func around(_ match: TermMatcher.Match, in run: String) -> String {
        let scalars = Array(run.unicodeScalars)
        let lower = max(0, match.scalarRange.lowerBound - radius)
        let upper = min(scalars.count, match.scalarRange.upperBound + radius)
        var text = String(String.UnicodeScalarView(scalars[lower..<upper]))
        text = text.replacingEvery("\n", with: " ")
        if lower > 0 { text = "…" + text }
        if upper < scalars.count { text += "…" }
        return text
    }
}
