/// Nesting of numbered paragraphs: the first scheme a section uses (`(1)`) is level 1,
/// a different scheme under it (`ア`, `(ア)`) is level 2, and going back to an earlier
/// scheme closes the deeper levels.
struct NumberingLevels {
    private var schemes: [NumberMarker.Scheme] = []

    /// The level of a paragraph starting with `marker`; 0 for unnumbered text.
    mutating func level(of marker: NumberMarker?) -> Int {
        guard let scheme = marker?.scheme else { return 0 }
        if let depth = schemes.firstIndex(of: scheme) {
            schemes.removeSubrange((depth + 1)...)
        } else {
            schemes.append(scheme)
        }
        return schemes.count
    }

    /// Splits a section's paragraphs into its intro (unnumbered lines before the first
    /// numbered paragraph) and the paragraphs from there on, levels assigned. A section
    /// with no numbered paragraph at all has no intro: its lines are its paragraphs.
    static func split(_ paragraphs: [(text: String, marker: NumberMarker?, line: Int)]) -> (
        intro: [StatementParagraph], paragraphs: [StatementParagraph]
    ) {
        split(paragraphs.map { StatementParagraph(text: $0.text, marker: $0.marker, level: 0, line: $0.line) })
    }

    /// The same for paragraphs already made (a web page's tables among them).
    static func split(_ paragraphs: [StatementParagraph]) -> (intro: [StatementParagraph], paragraphs: [StatementParagraph]) {
        var levels = NumberingLevels()
        let all = paragraphs.map { paragraph in
            var leveled = paragraph
            leveled.level = levels.level(of: paragraph.marker)
            return leveled
        }
        guard let firstNumbered = all.firstIndex(where: { $0.marker != nil }) else { return ([], all) }
        return (Array(all[..<firstNumbered]), Array(all[firstNumbered...]))
    }
}
