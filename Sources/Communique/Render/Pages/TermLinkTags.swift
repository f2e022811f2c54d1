/// The HTML a term link opens with, by glossary entry: the Link stage leaves a marker
/// in the text (`LinkMarkers.term`), and rendering puts the entry's tag there. Each tag
/// carries the entry's meaning for the tooltip (CSS, plus `aria-describedby`).
enum TermLinkTags {
    /// Every entry's opening `<a>` tag, in entry order, made once per build.
    static func all(for glossary: Glossary) -> [String] {
        glossary.entries.map(openTag(for:))
    }

    static func openTag(for entry: GlossaryEntry) -> String {
        "<a class=\"term\" href=\"\(LinkMarkers.root)\(Permalinks.glossaryEntry(entry.id))\" aria-describedby=\"def-\(entry.id)\" data-tip=\"\(MarkupEscaping.escape(tip(for: entry)))\">"
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
