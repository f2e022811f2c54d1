import Yams

/// Writes a `Statement` as the release's Markdown files: `_index.md` (front matter with
/// what the statement says about itself; lead, inner title and preamble as body) and
/// one page per section.
///
/// Front matter is built as a Yams node in a fixed key order and serialised by Yams, so
/// quoting is always right and the same statement always gives the same bytes.
enum MarkdownEmitter {
    /// `_index.md`. Keys, in order, each left out when unknown: title, category,
    /// published, date, place, language, series, participants, source.
    static func indexPage(_ statement: Statement, source: String) throws -> String {
        var fields: [(String, Node)] = []
        func add(_ key: String, _ value: String?, quoted: Bool = false) {
            guard let value = statement.givenFields[key] ?? value, !value.isEmpty else { return }
            fields.append((key, quoted ? Node(value, Tag(.str), .doubleQuoted) : .scalar(value.represented())))
        }
        add("title", statement.releaseTitle)
        add("category", statement.category)
        add("published", statement.publishedValue, quoted: true)
        add("date", statement.meetingDateValue, quoted: true)
        add("place", statement.place)
        add("language", statement.language)
        add("series", statement.series)
        if !statement.participants.isEmpty {
            fields.append(("participants", Node(statement.participants.map(participantNode))))
        }
        add("source", source)
        for (key, value) in statement.extraFields { fields.append((key, value)) }

        var blocks = statement.lead.map { text(of: $0, in: statement) }
        if let inner = statement.innerTitle {
            let heading = statement.format == .markdown ? inner.text : MarkdownEscaper.escapeHeading(inner.text)
            blocks.append("## " + heading)
        }
        blocks += statement.preamble.map { text(of: $0, in: statement) }
        return try page(fields, body: blocks)
    }

    /// A section page: front matter `title`, `order`, `slug`; its intro and paragraphs.
    static func sectionPage(_ section: StatementSection, order: Int, slug: String, in statement: Statement) throws -> String {
        let fields: [(String, Node)] = [
            ("title", .scalar(section.title.represented())),
            ("order", Node(String(order))),
            ("slug", .scalar(slug.represented())),
        ]
        return try page(fields, body: (section.intro + section.paragraphs).map { text(of: $0, in: statement) })
    }

    /// `_dropped.txt`: the dropped lines, verbatim, one a line.
    static func droppedFile(_ lines: [SourceLine]) -> String {
        lines.map { $0.text + "\n" }.joined()
    }

    private static func participantNode(_ person: Participant) -> Node {
        let pairs: [(String, String?)] = [
            ("name", person.name), ("reading", person.reading), ("title", person.title),
            ("english", person.english), ("english_title", person.englishTitle),
        ]
        return Node(pairs.compactMap { key, value in
            guard let value, !value.isEmpty else { return nil }
            return (Node(key), .scalar(value.represented()))
        })
    }

    private static func text(of paragraph: StatementParagraph, in statement: Statement) -> String {
        if let rows = paragraph.tableRows { return table(rows) }
        if statement.format == .markdown { return paragraph.text }
        // A line break kept inside a paragraph (a web page's `<br>`) is a hard break: two spaces
        // at the end of the line (a backslash there would join a URL before it, which GFM
        // links up to the next space). Each line is escaped on its own, since a line
        // starting `- ` or `1. ` would otherwise open a list inside the paragraph, and one of
        // `=`s would underline the lines before it as a heading.
        return paragraph.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { k, line in
            let escaped = MarkdownEscaper.escape(String(line))
            return k > 0 && escaped.hasPrefix("=") ? "\\" + escaped : escaped
        }.joined(separator: "  \n")
    }

    /// A GitHub table: the first row is the header; every cell escaped (`|` included), on one line.
    static func table(_ rows: [[String]]) -> String {
        guard let width = rows.map(\.count).max(), width > 0 else { return "" }
        func row(_ cells: [String]) -> String {
            let padded = cells + Array(repeating: "", count: width - cells.count)
            let escaped = padded.map { cell in
                MarkdownEscaper.escape(cell.split(whereSeparator: \.isNewline).joined(separator: " "))
            }
            return "| " + escaped.joined(separator: " | ") + " |"
        }
        let separator = "|" + String(repeating: " --- |", count: width)
        return ([row(rows[0]), separator] + rows.dropFirst().map(row)).joined(separator: "\n")
    }

    private static func page(_ fields: [(String, Node)], body: [String]) throws -> String {
        let yaml = try Yams.serialize(
            node: Node(fields.map { (Node($0.0), $0.1) }), width: -1, allowUnicode: true)
        // Appended into one string of the right size: joining the body and then adding the
        // front matter made a long statement's page twice.
        let blocks = body.filter { !$0.isEmpty }
        var page = "---\n" + yaml + "---\n"
        page.reserveCapacity(page.utf8.count + blocks.reduce(2) { $0 + $1.utf8.count + 2 })
        for (k, block) in blocks.enumerated() {
            page += k == 0 ? "\n" : "\n\n"
            page += block
        }
        if !blocks.isEmpty { page += "\n" }
        return page
    }
}
