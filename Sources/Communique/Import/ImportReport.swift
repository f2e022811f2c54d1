/// What the importer recognised in a statement and what it set aside, for the person
/// running `communique import` to check at a glance: per section the paragraphs and the
/// numbers found, where the numbering skips or repeats, what was dropped as chrome and
/// what was guessed. `description` is the text the command prints; `json()` the same for tools.
public struct ImportReport {
    public struct SectionSummary: Sendable, Hashable {
        public var file: String
        public var title: String
        /// The heading's source line (nil for a section named for the language, `本文`).
        public var line: Int?
        public var introCount: Int
        public var paragraphCount: Int
        /// Paragraphs numbered at the statement's top level (`(1)`, `(2)`…).
        public var numberedCount: Int
        /// Numbered paragraphs under those (`ア`, `(ア)`).
        public var subItemCount: Int
        /// The top-level numbers found, as written: `(1)–(9)`.
        public var numbering: String?
    }

    /// The statement file's name.
    public var sourceFile: String
    public var encoding: SourceText.Encoding
    public var lineEnds: SourceText.LineEnds
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
    /// Where the paragraph numbers skip, repeat or go back.
    public var numberingProblems: [NumberingProblem]
    /// What the importer guessed (headings from bold or short lines, repaired markers).
    public var guesses: [ImportGuess]
    /// Filled in once the files are written.
    public var outcome: ImportWriter.Outcome?

    init(source: SourceText, statement: Statement, releaseID: String, sectionFiles: [String]) {
        sourceFile = source.fileName
        encoding = source.encoding
        lineEnds = source.lineEnds
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
                file: file, title: section.title, line: section.line, introCount: section.intro.count,
                paragraphCount: section.paragraphs.count, numberedCount: section.numberedCount,
                subItemCount: section.paragraphs.filter { $0.level > 1 }.count, numbering: NumberingCheck.range(section))
        }
        dropped = statement.dropped
        numberingProblems = NumberingCheck.findings(statement.sections)
        // In source order, whichever step made them (a guess without a line first).
        guesses = statement.guesses.enumerated().sorted { a, b in
            (a.element.line ?? 0, a.offset) < (b.element.line ?? 0, b.offset)
        }.map(\.element)
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
