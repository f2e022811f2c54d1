import CommuniqueHTML
import CommuniqueJapanese
import Foundation

/// The import stage: a statement as published (plain text or Markdown, UTF-8 or
/// Shift_JIS, or a saved web page) → the Markdown files of one release, and a report of what was found.
///
/// It only reads; `ImportWriter` writes the result. The same input always gives the
/// same files, byte for byte.
public struct StatementImporter {
    private let reader: JapaneseReader?

    /// `reader` romanises Japanese titles for slugs; without MeCab, Japanese section
    /// titles fall back to `section-N` slugs.
    public init(reader: JapaneseReader? = JapaneseReader()) {
        self.reader = reader
    }

    /// Reads the statement at `path` and turns it into a release. `id` overrides the
    /// release id (it must be lowercase ASCII letters, digits and hyphens); `encoding`
    /// overrides the detected one.
    public func importStatement(at path: String, id: String?, encoding: SourceText.Encoding? = nil) throws -> ImportResult {
        let data = try SourceText.readData(path: path)
        switch try InputKind.detect(data, path: path) {
        case .text:
            // The bytes end here: a long statement's file is not held through the import.
            return try importStatement(SourceText(data: consume data, path: path, encoding: encoding), id: id)
        case .pdf:
            return try importPDF(at: path, id: id)
        case .html:
            return try importPage(data, path: path, id: id)
        }
    }

    /// A saved web page: decoded as it declares, parsed by an HTML5 parser, its main content
    /// read into a statement (see `HTMLStatementParser`).
    public func importPage(_ data: Data, path: String, id: String?) throws -> ImportResult {
        let decoded = try HTMLPageDecoder(file: path).decode(data)
        // The page's own lines, for the report's line numbers and the "nothing lost" checks.
        var source = try SourceText(data: Data(decoded.text.utf8), path: path)
        source.encoding = decoded.encoding
        var statement = try HTMLStatementParser(file: path).parse(HTMLDocument.parse(decoded.text))
        if let note = decoded.note { statement.guesses.insert(ImportGuess(line: nil, note), at: 0) }
        return try release(statement, source: source, id: id)
    }

    /// The same, for a statement already read.
    public func importStatement(_ source: consuming SourceText, id: String?) throws -> ImportResult {
        let statement: Statement
        if MarkdownStatementParser.isMarkdown(source.lines) {
            statement = try MarkdownStatementParser(file: source.path).parse(source.lines)
        } else {
            statement = try StatementParser(file: source.path).parse(source.lines)
        }
        // Once parsed, the lines are let go: the pages are made from the statement, and a
        // long statement's lines were the largest thing held while they were written.
        var parsed = consume source
        parsed.lines = []
        return try release(statement, source: parsed, id: id)
    }

    /// The release's files and report for a statement already parsed.
    func release(_ statement: Statement, source: SourceText, id: String?) throws -> ImportResult {
        let releaseID = try ReleaseNaming.releaseID(
            explicit: id, fileName: source.fileName, statement: statement, reader: reader)

        let slugs = ReleaseNaming.sectionSlugs(statement.sections, reader: reader)
        var files: [(path: String, contents: String)] = [
            ("_index.md", try MarkdownEmitter.indexPage(statement, source: source.fileName))
        ]
        var sectionFiles: [String] = []
        for (k, section) in statement.sections.enumerated() {
            let name = ReleaseNaming.sectionFileName(order: k + 1, slug: slugs[k], count: statement.sections.count)
            sectionFiles.append(name)
            files.append((name, try MarkdownEmitter.sectionPage(section, order: k + 1, slug: slugs[k], in: statement)))
        }
        if !statement.dropped.isEmpty {
            files.append(("_dropped.txt", MarkdownEmitter.droppedFile(statement.dropped)))
        }
        let report = ImportReport(
            source: source, statement: statement, releaseID: releaseID, sectionFiles: sectionFiles)
        return ImportResult(releaseID: releaseID, files: files, report: report, statement: statement)
    }
}
