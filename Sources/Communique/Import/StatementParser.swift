import Foundation

/// Reads a plain-text statement (a copied web page or a ministry's text file) into a
/// `Statement`: page chrome set aside, wrapped lines joined, then title, category and
/// publication date from the top, lead, inner title and preamble, and the sections.
struct StatementParser {
    /// The file, for diagnostics.
    let file: String

    func parse(_ source: [SourceLine]) throws -> Statement {
        let stripped = ChromeStripper().strip(source)
        let (blocks, repairs) = MarkerRepair.repair(LineJoiner.join(stripped.kept))
        var statement = Statement(
            format: .plainText, language: "", participants: [], lead: [], preamble: [], sections: [],
            metadataLines: [], dropped: stripped.dropped)
        statement.guesses += repairs

        let bodyStart = readHeader(blocks, into: &statement)
        let body = Array(blocks[bodyStart...])
        guard !body.isEmpty else {
            let last = blocks.last?.firstLine ?? stripped.dropped.first?.number
            throw CommuniqueError(
                blocks.isEmpty
                    ? "no statement text found: every line is page chrome (see the dropped lines)"
                    : "no statement text found after the title and date lines",
                at: SourceLocation(file: file, line: last))
        }
        assemble(body, into: &statement)
        MetadataDetector.detect(in: &statement, bodyTexts: body.map(\.text))
        return statement
    }

    // MARK: - Title, category, publication date

    /// Reads the page's title, category line (`- 防衛省関連`) and date stamp
    /// (`2024-7-31 10:10`) from the top, in any order; returns where the text starts.
    private func readHeader(_ blocks: [LogicalLine], into statement: inout Statement) -> Int {
        var index = 0
        while index < min(blocks.count, 5) {
            let block = blocks[index]
            if statement.published == nil, let date = DateParser.dateLine(block.folded) {
                statement.published = date
                statement.metadataLines += block.lines
            } else if statement.title != nil, statement.category == nil, let category = Self.category(block) {
                statement.category = category
                statement.metadataLines += block.lines
            } else if statement.title == nil, index == 0 || statement.published != nil, Self.isTitleLike(block),
                case let title = Self.withoutMarkup(block.text), !title.isEmpty
            {
                // (A line of markup alone, `#` and a no-break space, is text, not an empty title.)
                statement.title = title
            } else {
                break
            }
            index += 1
        }
        return index
    }

    static func isTitleLike(_ block: LogicalLine) -> Bool {
        let folded = block.folded
        return block.marker == nil && !LineJoiner.startsWithBullet(folded) && folded.count <= 150
            && !folded.hasSuffix("。")
    }

    /// A category label, compiled once (see `compiledOnce`).
    nonisolated(unsafe) static let categoryLabel = compiledOnce(/(?i)(?:カテゴリー?|分類|区分|category) *[:：] */)

    /// `- 防衛省関連`, `・報道発表`, `カテゴリー：防衛省関連`, "Category: Press releases".
    static func category(_ block: LogicalLine) -> String? {
        let folded = block.folded
        if LineJoiner.startsWithBullet(folded) {
            let rest = folded.dropFirst().trimmingCharacters(in: .whitespaces)
            guard !rest.isEmpty, rest.count <= 30, HeadingDetector.isHeadingLike(rest) || rest.count <= 12 else { return nil }
            return block.text.dropFirst().trimmingCharacters(in: .whitespaces)
        }
        if let label = folded.prefixMatch(of: Self.categoryLabel) {
            let skip = folded.distance(from: folded.startIndex, to: label.range.upperBound)
            let value = block.text.dropFirst(skip).trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// A title written as a Markdown or bold line, without its markup.
    static func withoutMarkup(_ text: String) -> String {
        if let bold = HeadingDetector.boldContent(WidthFolding.fold(text)), !bold.isEmpty {
            return String(text.dropFirst(2).dropLast(2)).trimmingCharacters(in: .whitespaces)
        }
        if text.hasPrefix("#") {
            return text.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
        }
        return text
    }

    // MARK: - Lead, inner title, preamble, sections

    private func assemble(_ body: [LogicalLine], into statement: inout Statement) {
        let layout = HeadingDetector(lines: body).layout()
        // Headings taken from bold or short lines are guesses a person should check.
        for entry in layout.headings {
            switch entry.heading.kind {
            case .bold: statement.guesses.append(ImportGuess(line: body[entry.index].firstLine, "took the bold line “\(entry.heading.title)” for a section heading"))
            case .plain: statement.guesses.append(ImportGuess(line: body[entry.index].firstLine, "took the short line “\(entry.heading.title)” for a section heading"))
            case .numbered: break
            }
        }
        StatementAssembler.assemble(
            body.map { StatementParagraph(text: $0.text, marker: $0.marker, level: 0, line: $0.firstLine) },
            headings: layout.headings.map { ($0.index, $0.heading.title) }, innerTitle: layout.innerTitle, into: &statement)
    }
}
