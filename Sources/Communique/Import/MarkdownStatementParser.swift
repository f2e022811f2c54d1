import Foundation
import Yams

/// Reads a statement that is already Markdown: a file with YAML front matter or `#`
/// headings. Its front matter fields are taken as given and its body is kept verbatim
/// (it is Markdown already, so escaping it again would show the backslashes); only
/// the headings are read, to split it into sections.
struct MarkdownStatementParser {
    /// The file, for diagnostics.
    let file: String

    /// Front-matter keys the importer writes itself, in its order.
    static let knownKeys = ["title", "category", "published", "date", "place", "language", "series", "participants", "source"]

    /// A file is Markdown when it opens with front matter or has an ATX heading.
    static func isMarkdown(_ lines: [SourceLine]) -> Bool {
        if let first = lines.first(where: { !$0.isBlank }), first.number == lines.first?.number,
            first.text.trimmingCharacters(in: .whitespaces) == "---"
        {
            return true
        }
        return lines.contains { heading($0.text) != nil }
    }

    func parse(_ lines: [SourceLine]) throws -> Statement {
        // Only the front matter is joined into one text for YAML; the body stays the source's
        // lines (joining and splitting a long statement again held it three times over).
        let fence = { (line: SourceLine) in FrontMatter.isFence(line.text.utf8[...]) }
        let closing = lines.first.map(fence) == true ? lines.dropFirst().firstIndex(where: fence) : nil
        let matterLines = closing.map { lines[...$0] } ?? (lines.first.map(fence) == true ? lines[...] : [])
        let matter = try FrontMatter(parsing: matterLines.map(\.text).joined(separator: "\n"), file: file)
        var statement = Statement(
            format: .markdown, language: "", participants: [], lead: [], preamble: [], sections: [],
            metadataLines: [], dropped: [])
        try readFields(matter, source: lines, into: &statement)

        let bodyLines = closing.map { Array(lines[($0 + 1)...]) } ?? (matter.fields == nil ? lines : [])
        let stripped = ChromeStripper().strip(bodyLines)
        statement.dropped += stripped.dropped
        let blocks = Self.blocks(stripped.kept)
        guard !blocks.isEmpty else {
            throw CommuniqueError(
                "no statement text found after the front matter", at: SourceLocation(file: file, line: matter.bodyFirstLine))
        }
        assemble(blocks, into: &statement)
        MetadataDetector.detect(in: &statement, bodyTexts: blocks.map(\.text))
        return statement
    }

    // MARK: - Front matter

    /// The front matter as the statement's fields. What `build` would refuse is refused here,
    /// at its line (an unknown key, with the nearest known one; a date that is no date), so
    /// that the files written always load; a date written another way (`2024年7月28日`,
    /// `July 28, 2024`) is written back as yyyy-mm-dd.
    private func readFields(_ matter: FrontMatter, source: [SourceLine], into statement: inout Statement) throws {
        guard let fields = matter.fields else { return }
        // A key near a known one is a misspelling (`titel`), refused; another is a field of
        // the tool the file came from (a scraper's `source_url`, `tags`): set aside with its
        // lines, like page chrome, and named in the report.
        var problems = matter.unknownKeys(known: FrontMatterKeys.release).filter { problem in
            let name = fields.first { $0.key.mark.map { $0.line + 1 } == problem.location?.line }?.key.string
            return name.flatMap { YAMLKeys.nearest(to: $0, in: FrontMatterKeys.release) } != nil
        }
        setAsideForeignKeys(matter, fields, source: source, into: &statement)
        for (keyNode, value) in fields {
            guard let key = keyNode.string, FrontMatterKeys.release.contains(key) else { continue }
            switch key {
            case "participants":
                let mappings = try matter.mappings("participants")
                for mapping in mappings {
                    problems += YAMLKeys.unknown(in: mapping, known: FrontMatterKeys.participant, file: file, lineOffset: 1)
                }
                statement.participants = try mappings.map { mapping in
                    guard let name = mapping["name"]?.string, !name.isEmpty else {
                        throw CommuniqueError("each participant needs a 'name'", at: matter.location(of: "participants"))
                    }
                    return Participant(
                        name: name, reading: mapping["reading"]?.string, title: mapping["title"]?.string,
                        english: mapping["english"]?.string, englishTitle: mapping["english_title"]?.string)
                }
            case "published", "date":
                guard let text = try matter.string(key), !text.isEmpty else { continue }
                let iso = key == "date" ? CalendarDate(iso: text) != nil : PublicationTime(iso: text) != nil
                if iso {
                    statement.givenFields[key] = text
                } else if let date = DateParser.firstDate(in: WidthFolding.fold(text))?.date {
                    if key == "date" { statement.meetingDate = date } else { statement.published = date }
                } else {
                    problems.append(Diagnostic(
                        .error, "'\(key)' must be a date such as 2024-07-28 or 2024年7月28日 (it is '\(text)')",
                        at: matter.location(of: key)))
                }
            case _ where Self.knownKeys.contains(key):
                guard let text = try matter.string(key) else { continue }
                // An empty title is none (the text gives one): written back, it was left out and
                // `build` refused the release. (An empty series means "no series".)
                if key == "title", text.isEmpty { continue }
                if key == "language", !text.isEmpty, !LanguageTag.isValid(text) {
                    problems.append(Diagnostic(
                        .error, "'language' must be a language tag such as ja or en (it is '\(text)')", at: matter.location(of: key)))
                    continue
                }
                statement.givenFields[key] = text
                switch key {
                case "title": statement.title = text
                case "category": statement.category = text
                case "place": statement.place = text
                case "language": statement.language = text
                case "series": statement.series = text
                default: break
                }
            default:
                // Kept as given, once it is what `build` reads there: `draft: fsale` is refused
                // here, at its line, not written into a release that will not load.
                do {
                    if key == "draft" { _ = try matter.bool(key) } else { _ = try matter.strings(key) }
                    statement.extraFields.append((key, value))
                } catch let error as CommuniqueError {
                    problems += error.diagnostics
                }
            }
        }
        if !problems.isEmpty { throw CommuniqueError(problems) }
    }

    /// Moves each top-level key that is neither known nor a misspelling of a known one, with
    /// the lines its value takes, to the dropped lines, and says so in the guesses.
    private func setAsideForeignKeys(_ matter: FrontMatter, _ fields: Node.Mapping, source: [SourceLine], into statement: inout Statement) {
        let keyLines = fields.compactMap { $0.key.mark.map { $0.line + 1 } }.sorted()
        for (keyNode, _) in fields {
            guard let name = keyNode.string, !FrontMatterKeys.release.contains(name),
                YAMLKeys.nearest(to: name, in: FrontMatterKeys.release) == nil, let first = keyNode.mark.map({ $0.line + 1 })
            else { continue }
            // To the next key's line, or the closing `---`.
            let end = keyLines.first { $0 > first } ?? (matter.bodyFirstLine - 1)
            statement.dropped += source.filter { (first..<end).contains($0.number) }
            statement.guesses.append(ImportGuess(
                line: first, "left out front-matter key '\(name)', which Communique does not read (kept in _dropped.txt)"))
        }
    }

    // MARK: - Headings and blocks

    /// A block of the body: a heading line, or lines between blank lines (a fenced code
    /// block stays whole).
    struct Block {
        var text: String
        var line: Int
        /// Heading level and text, for `#` headings and whole-line bold.
        var heading: (level: Int, text: String)?
        var isBold = false
    }

    /// `## 総論` → (2, "総論"): level and content without the closing `#`s.
    static func heading(_ line: String) -> (level: Int, text: String)? {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        let hashes = rest.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let after = rest.dropFirst(hashes)
        guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
        var content = after.trimmingCharacters(in: .whitespaces)
        // A closing sequence: spaces then only `#`s.
        if let space = content.lastIndex(of: " "), content[content.index(after: space)...].allSatisfy({ $0 == "#" }) {
            content = content[..<space].trimmingCharacters(in: .whitespaces)
        } else if content.allSatisfy({ $0 == "#" }) {
            content = ""
        }
        return (hashes, content)
    }

    static func blocks(_ lines: [SourceLine]) -> [Block] {
        var blocks: [Block] = []
        var current: [SourceLine] = []
        var fence: String?
        func flush() {
            if let first = current.first {
                blocks.append(Block(text: current.map(\.text).joined(separator: "\n"), line: first.number))
            }
            current = []
        }
        for line in lines {
            let trimmed = line.text.trimmingCharacters(in: .whitespaces)
            if let open = fence {
                current.append(line)
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix(3))
                current.append(line)
            } else if line.isBlank {
                flush()
            } else if let h = heading(line.text) {
                flush()
                // An empty heading (`#`, `## ##`) names nothing and shows nothing: as a title
                // or a section it made a page without one, which no build loads.
                if !h.text.isEmpty { blocks.append(Block(text: line.text, line: line.number, heading: h)) }
            } else if current.isEmpty, let bold = HeadingDetector.boldContent(WidthFolding.fold(trimmed)), !bold.isEmpty {
                blocks.append(Block(text: trimmed, line: line.number, heading: (0, String(trimmed.dropFirst(2).dropLast(2))), isBold: true))
            } else {
                current.append(line)
            }
        }
        flush()
        return blocks
    }

    // MARK: - Lead, inner title, preamble, sections

    private func assemble(_ blocks: [Block], into statement: inout Statement) {
        var headingIndices = blocks.indices.filter { blocks[$0].heading != nil && !blocks[$0].isBold }
        if headingIndices.isEmpty { headingIndices = blocks.indices.filter { blocks[$0].isBold } }

        // A single `#` heading before the others is the document's title.
        var titleIndex: Int?
        let h1s = headingIndices.filter { blocks[$0].heading?.level == 1 }
        if h1s.count == 1, h1s[0] == headingIndices.first {
            titleIndex = h1s[0]
            headingIndices.removeFirst()
        }
        let sectionLevel = headingIndices.compactMap { blocks[$0].heading?.level }.min()
        let sections = headingIndices.filter { blocks[$0].heading?.level == sectionLevel }

        func paragraph(_ block: Block) -> StatementParagraph {
            StatementParagraph(text: block.text, marker: Self.marker(block.text), level: 0, line: block.line)
        }
        func section(title: String, line: Int?, _ range: Range<Int>) -> StatementSection {
            let split = NumberingLevels.split(blocks[range].map { ($0.text, Self.marker($0.text), $0.line) })
            return StatementSection(title: title, line: line, intro: split.intro, paragraphs: split.paragraphs)
        }
        let textStart = titleIndex.map { $0 + 1 } ?? 0
        let firstSection = sections.first ?? blocks.count
        statement.lead = blocks[..<(titleIndex ?? (sections.isEmpty ? 0 : firstSection))].map(paragraph)
        if let titleIndex {
            let heading = blocks[titleIndex].heading!.text
            if statement.title == nil {
                statement.title = Self.plainTitle(heading)
            } else {
                statement.innerTitle = StatementParagraph(text: heading, marker: nil, level: 0, line: blocks[titleIndex].line)
            }
            if !sections.isEmpty { statement.preamble = blocks[textStart..<firstSection].map(paragraph) }
        }
        guard !sections.isEmpty else {
            let title = StatementAssembler.untitledSectionTitle(blocks.map(\.text), language: statement.language)
            statement.sections = [section(title: title, line: nil, textStart..<blocks.count)]
            return
        }
        for (k, index) in sections.enumerated() {
            let end = k + 1 < sections.count ? sections[k + 1] : blocks.count
            statement.sections.append(section(
                title: Self.plainTitle(blocks[index].heading!.text), line: blocks[index].line, (index + 1)..<end))
        }
    }

    /// A heading's text for front matter: Markdown escapes and bold markup removed.
    static func plainTitle(_ heading: String) -> String {
        let unescaped = MarkdownEscaper.unescape(heading)
        if let bold = HeadingDetector.boldContent(unescaped), !bold.isEmpty { return bold }
        return unescaped
    }

    /// The number a Markdown paragraph starts with, read through its escapes (`1\.`).
    static func marker(_ text: String) -> NumberMarker? {
        NumberMarker.parse(WidthFolding.fold(MarkdownEscaper.unescape(String(text.prefix(12)))))
    }
}
