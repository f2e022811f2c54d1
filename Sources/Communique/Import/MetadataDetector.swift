/// Fills in what a statement's opening text says about the meeting: its date, place,
/// participants, and the statement's language; and the series its titles name.
enum MetadataDetector {
    static func detect(in statement: inout Statement, bodyTexts: [String]) {
        let share = TextScript.japaneseShare(ofAll: bodyTexts)
        if statement.language.isEmpty { statement.language = share >= 0.5 ? "ja" : "en" }

        // The opening: lead, inner title, preamble, and the start of the first section
        // (documents without headings keep their opening there).
        var opening = statement.lead.map(\.text)
        if let inner = statement.innerTitle { opening.append(inner.text) }
        opening += statement.preamble.map(\.text)
        if let first = statement.sections.first {
            opening += (first.intro + first.paragraphs).prefix(2).map(\.text)
        }
        let folded = WidthFolding.fold(opening.joined(separator: "\n"))

        if statement.meetingDate == nil {
            statement.meetingDate = DateParser.firstDate(in: folded)?.date
        }
        if statement.meetingDate == nil, let year = statement.published?.year {
            let titles = [statement.title, statement.innerTitle?.text].compactMap { $0 }.joined(separator: "\n")
            statement.meetingDate = DateParser.firstMonthDay(in: WidthFolding.fold(titles + "\n" + folded), year: year)
        }
        if statement.place == nil { statement.place = PlaceFinder.place(in: folded) }
        if statement.participants.isEmpty {
            statement.participants = ParticipantExtractor.participants(in: opening.joined(separator: "\n"))
        }
        if statement.series == nil {
            let inner = statement.innerTitle.map {
                statement.format == .markdown ? MarkdownStatementParser.plainTitle($0.text) : $0.text
            }
            statement.series = SeriesDetector.series(title: statement.title, innerTitle: inner)
        }
    }
}
