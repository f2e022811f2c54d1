import Yams

/// What the importer recognised in one statement, before it is written as Markdown.
public struct Statement {
    /// Plain text is escaped when written as Markdown; Markdown input is kept verbatim.
    /// A web page's or a PDF's text is text, escaped like plain text.
    public enum Format: String, Sendable {
        case plainText = "plain text"
        case markdown = "Markdown"
        case html = "HTML"
        case pdf = "PDF"
    }

    public var format: Format
    /// The release's title: the page title of a copied web page.
    public var title: String?
    public var category: String?
    /// When the statement was published (the page's date stamp).
    public var published: StatementDate?
    /// When the meeting was held.
    public var meetingDate: StatementDate?
    public var place: String?
    /// `ja` or `en`.
    public var language: String
    /// The recurring meeting or kind of statement this one belongs to
    /// (`日米安全保障協議委員会`), from the titles (`SeriesDetector`) or given in front
    /// matter; empty when front matter says there is none.
    public var series: String?
    public var participants: [Participant]
    public var lead: [StatementParagraph]
    /// The document's own title inside the page, such as `…(概要)`.
    public var innerTitle: StatementParagraph?
    public var preamble: [StatementParagraph]
    public var sections: [StatementSection]
    /// Source lines read as metadata (category, publication date), so shown only as
    /// front-matter values.
    public var metadataLines: [SourceLine]
    /// Page chrome that was left out (kept in `_dropped.txt`).
    public var dropped: [SourceLine]
    /// The line starts the importer rewrote (a mistyped marker `11,` written `11.`), by source
    /// line: what a "nothing lost" check must not look for.
    public var rewrittenStarts: [Int: String] {
        Dictionary(guesses.compactMap { guess in guess.replaced.flatMap { r in guess.line.map { ($0, r) } } }, uniquingKeysWith: { a, _ in a })
    }
    /// What the importer guessed and a person should check (a heading taken from a bold
    /// line, a repaired number marker), in source order.
    public var guesses: [ImportGuess] = []
    /// Front-matter values of Markdown input given verbatim (a `published` or `date` only when
    /// already ISO 8601), which win over what the importer would have written.
    var givenFields: [String: String] = [:]
    /// Front-matter keys of Markdown input that the importer does not write itself but a
    /// release may have (`draft`, `topics`, `not_topics`), in order.
    var extraFields: [(key: String, value: Node)] = []

    /// `published` as front matter writes it: ISO 8601, with Japan's +09:00 for Japanese
    /// statements (whose date stamps are JST) and no offset otherwise.
    var publishedValue: String? {
        givenFields["published"] ?? published?.iso8601(utcOffset: language == "ja" ? "+09:00" : nil)
    }

    /// `date` (the meeting date) as front matter writes it: `yyyy-mm-dd`.
    var meetingDateValue: String? {
        givenFields["date"] ?? meetingDate?.isoDate
    }

    /// The title the release is listed under: the page's title, else the document's
    /// own, else the statement's first sentence, else its first section's heading (a release
    /// always needs one: `build` refuses an `_index.md` without a title).
    var releaseTitle: String? {
        if let title = title ?? innerTitle?.text { return title }
        let texts = (lead + preamble + sections.flatMap { $0.intro + $0.paragraphs }).lazy.map(\.text)
        // A paragraph that opens with its full stop (". Preamble") gives no sentence: take the
        // next words, else the next paragraph, never an empty title.
        guard let sentence = texts.lazy.compactMap(Self.firstSentence).first else { return sections.first?.title }
        return sentence.count <= 80 ? sentence : String(sentence.prefix(80)) + "…"
    }

    /// The text's first sentence with a letter or digit in it, trimmed, or nil when none has.
    private static func firstSentence(of text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var rest = Substring(trimmed)
        while !rest.isEmpty {
            let stop = rest.firstIndex(where: { $0 == "。" || $0 == "．" }).map { (end: rest.index(after: $0), next: rest.index(after: $0)) }
                ?? rest.range(of: ". ").map { (end: $0.lowerBound, next: $0.upperBound) }
                ?? (end: rest.endIndex, next: rest.endIndex)
            let sentence = rest[..<stop.end].trimmingCharacters(in: .whitespacesAndNewlines)
            if sentence.contains(where: { $0.isLetter || $0.isNumber }) { return sentence }
            rest = rest[stop.next...]
        }
        return nil
    }
}

/// One paragraph (or heading line) of a statement, as written.
public struct StatementParagraph: Sendable, Hashable {
    /// The text as written; for Markdown input, a verbatim Markdown block.
    public var text: String
    /// The number it starts with (`(1)`, `ア`), if any.
    public var marker: NumberMarker?
    /// 1 for the statement's top numbering, 2 for numbers under it, and so on;
    /// 0 for unnumbered text.
    public var level: Int
    /// Its first line in the source file.
    public var line: Int
    /// A table (from a web page), row by row with the header first; `text` is then its cells' text.
    public var tableRows: [[String]]? = nil
}

/// A section of a statement: a heading and the paragraphs under it.
public struct StatementSection: Sendable, Hashable {
    /// The heading as written, with its number but without Markdown markup.
    public var title: String
    public var line: Int?
    /// Unnumbered lines between the heading and the first numbered paragraph.
    public var intro: [StatementParagraph]
    public var paragraphs: [StatementParagraph]

    /// Paragraphs at the statement's top numbering level: the count a reader checks.
    public var numberedCount: Int { paragraphs.filter { $0.marker != nil && $0.level == 1 }.count }
}

/// Something the importer decided on a guess, for the report: where and what.
public struct ImportGuess: Sendable, Hashable {
    /// The source line it is about, when there is one.
    public var line: Int?
    public var message: String
    /// The start of the line as written, when the guess rewrote it (a mistyped marker
    /// `11,` written `11.`): what a "nothing lost" check must not look for.
    public var replaced: String?

    public init(line: Int?, _ message: String, replaced: String? = nil) {
        self.line = line
        self.message = message
        self.replaced = replaced
    }
}
