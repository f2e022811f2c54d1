/// Puts a statement's body together once its headings are known — lead, the document's own
/// title, preamble, and sections with their intros and numbered paragraphs — for every
/// importer alike: plain text finds its headings by their look (`HeadingDetector`), a web page
/// by its markup.
enum StatementAssembler {
    /// `body` is the statement's paragraphs in order (level 0); `headings` the indexes in it of
    /// section headings, with their titles; `innerTitle` the index of the document's own title.
    static func assemble(
        _ body: [StatementParagraph], headings: [(index: Int, title: String)], innerTitle: Int?, into statement: inout Statement
    ) {
        func section(title: String, line: Int?, _ range: Range<Int>) -> StatementSection {
            let split = NumberingLevels.split(Array(body[range]))
            return StatementSection(title: title, line: line, intro: split.intro, paragraphs: split.paragraphs)
        }
        let firstHeading = headings.first?.index ?? body.count
        if let inner = innerTitle {
            statement.lead = Array(body[0..<inner])
            statement.innerTitle = body[inner]
            if !headings.isEmpty { statement.preamble = Array(body[(inner + 1)..<firstHeading]) }
        } else if !headings.isEmpty {
            statement.lead = Array(body[0..<firstHeading])
        }

        if headings.isEmpty {
            // One section, named for the document's language; what introduces its first
            // numbered paragraph is the lead.
            var start = innerTitle.map { $0 + 1 } ?? 0
            if innerTitle == nil, let numbered = body.firstIndex(where: { $0.marker != nil }), numbered > 0 {
                statement.lead = Array(body[0..<numbered])
                start = numbered
            }
            if start == body.count {
                start = 0
                statement.lead = []
                statement.innerTitle = nil
            }
            statement.sections = [section(title: untitledSectionTitle(body.map(\.text)), line: nil, start..<body.count)]
            return
        }
        for (k, entry) in headings.enumerated() {
            let end = k + 1 < headings.count ? headings[k + 1].index : body.count
            statement.sections.append(section(title: entry.title, line: body[entry.index].line, (entry.index + 1)..<end))
        }
    }

    /// The title of the one section of a statement without headings: 本文 for Japanese text, Text otherwise.
    static func untitledSectionTitle(_ texts: [String], language: String = "") -> String {
        let japanese = language.isEmpty ? TextScript.japaneseShare(ofAll: texts) >= 0.5 : language == "ja"
        return japanese ? "本文" : "Text"
    }
}
