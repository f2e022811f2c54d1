/// What the importer recognised in a statement and what it set aside, for the person
/// running `communique import` to check at a glance.
public struct ImportReport: CustomStringConvertible {
    public struct SectionSummary: Sendable, Hashable {
        public var file: String
        public var title: String
        public var introCount: Int
        public var paragraphCount: Int
        /// Paragraphs numbered at the statement's top level (`(1)`, `(2)`…).
        public var numberedCount: Int
        /// Numbered paragraphs under those (`ア`, `(ア)`).
        public var subItemCount: Int
    }

    /// The statement file's name.
    public var sourceFile: String
    public var encoding: SourceText.Encoding
    public var hadCarriageReturns: Bool
    public var format: Statement.Format
    public var releaseID: String
    public var title: String?
    public var category: String?
    public var published: String?
    public var date: String?
    public var place: String?
    public var language: String
    /// The series the release is filed under (nil when none was found).
    public var series: String?
    public var participants: [Participant]
    public var leadCount: Int
    public var innerTitle: String?
    public var preambleCount: Int
    public var sections: [SectionSummary]
    public var dropped: [SourceLine]
    /// What the importer guessed (a heading taken from a bold line), for a person to check.
    public var guesses: [ImportGuess]
    /// Filled in once the files are written.
    public var outcome: ImportWriter.Outcome?

    init(source: SourceText, statement: Statement, releaseID: String, sectionFiles: [String]) {
        sourceFile = source.fileName
        encoding = source.encoding
        hadCarriageReturns = source.hadCarriageReturns
        format = statement.format
        self.releaseID = releaseID
        title = statement.title
        category = statement.category
        published = statement.publishedValue
        date = statement.meetingDateValue
        place = statement.place
        language = statement.language
        series = statement.series.flatMap { $0.isEmpty ? nil : $0 }
        participants = statement.participants
        leadCount = statement.lead.count
        innerTitle = statement.innerTitle?.text
        preambleCount = statement.preamble.count
        sections = zip(sectionFiles, statement.sections).map { file, section in
            SectionSummary(
                file: file, title: section.title, introCount: section.intro.count,
                paragraphCount: section.paragraphs.count, numberedCount: section.numberedCount,
                subItemCount: section.paragraphs.filter { $0.level > 1 }.count)
        }
        dropped = statement.dropped
        guesses = statement.guesses
    }

    public var description: String {
        var out: [String] = []
        var notes = [encoding.rawValue, format.rawValue]
        if hadCarriageReturns { notes.append("CRLF line ends") }
        out.append("Imported \(sourceFile) (\(notes.joined(separator: ", "))) as release \(releaseID)")
        func row(_ label: String, _ value: String?) {
            out.append("  " + label.padding(toLength: 13, withPad: " ", startingAt: 0) + (value ?? "(not found)"))
        }
        row("title", title)
        row("category", category)
        row("published", published)
        row("meeting date", date)
        row("place", place)
        row("language", language)
        row("series", series)
        if participants.isEmpty {
            row("participants", nil)
        } else {
            out.append("  participants")
            for p in participants {
                var line = "    " + p.name
                if let reading = p.reading { line += " (\(reading))" }
                if let title = p.title { line += ", \(title)" }
                let english = [p.english, p.englishTitle].compactMap { $0 }.joined(separator: ", ")
                if !english.isEmpty { line += " — \(english)" }
                out.append(line)
            }
        }
        row("lead", Self.count(leadCount, "paragraph"))
        if let innerTitle { row("inner title", innerTitle) }
        row("preamble", Self.count(preambleCount, "paragraph"))
        out.append("  sections")
        for s in sections {
            var parts: [String] = []
            if s.introCount > 0 { parts.append("intro " + Self.count(s.introCount, "line")) }
            if s.numberedCount > 0 {
                parts.append(Self.count(s.numberedCount, "numbered paragraph"))
                if s.subItemCount > 0 { parts.append(Self.count(s.subItemCount, "sub-item")) }
                let other = s.paragraphCount - s.numberedCount - s.subItemCount
                if other > 0 { parts.append(Self.count(other, "unnumbered paragraph")) }
            } else {
                parts.append(Self.count(s.paragraphCount, "paragraph"))
            }
            out.append("    \(s.file)  \(s.title): \(parts.joined(separator: ", "))")
        }
        for guess in guesses { out.append("  check        " + (guess.line.map { "line \($0): " } ?? "") + guess.message) }
        if dropped.isEmpty {
            out.append("  dropped      nothing")
        } else {
            out.append("  dropped      \(Self.count(dropped.count, "line")) of page chrome (kept in _dropped.txt):")
            for line in dropped { out.append("    line \(line.number): \(line.text)") }
        }
        if let outcome {
            var what: [String] = []
            for (names, verb) in [(outcome.created, "created"), (outcome.updated, "updated"), (outcome.removed, "removed"), (outcome.unchanged, "unchanged")]
            where !names.isEmpty {
                what.append("\(names.count) \(verb)")
            }
            out.append("Wrote \(outcome.folder)/ in \(outcome.root): \(what.joined(separator: ", "))")
        }
        return out.joined(separator: "\n")
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
