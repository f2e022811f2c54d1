import Foundation

/// Reads a PDF statement into text the plain-text importer can parse: poppler's words,
/// without running headers, footers and page numbers, joined into paragraphs, one a line.
///
/// Each paragraph keeps the number of its first line in the PDF (counted over every line
/// of every page), so the report's line numbers and the dropped lines' numbers agree.
struct PDFStatementReader {
    var extractor = PopplerTextExtractor()

    struct Result: Sendable {
        /// The paragraphs as source lines, a blank line between two.
        var source: SourceText
        /// Running headers, footers and page numbers.
        var dropped: [SourceLine]
        /// Joins across page breaks, kept hyphens, repairs poppler made.
        var guesses: [ImportGuess]
    }

    func read(path: String) throws -> Result {
        let output = try extractor.extractWords(path: path)
        var result = try Self.clean(PDFText(tsv: output.tsv), path: path)
        if let repaired = output.syntaxErrors.first {
            result.guesses.insert(ImportGuess(
                line: nil,
                "poppler found the PDF damaged and repaired it (“\(repaired)”): check that no page or line is missing"),
                at: 0)
        }
        return result
    }

    /// The same, for text already extracted: what the tests of the layout rules call.
    static func clean(_ text: PDFText, path: String) throws -> Result {
        guard !text.isEmpty else {
            throw CommuniqueError(
                "has no text layer: none of its \(text.pages.count) page(s) holds any text (a scanned or drawn PDF); "
                    + "Communique does no OCR: run OCR on it first or import the statement's text", at: SourceLocation(file: path))
        }
        let chrome = PDFPageChrome.strip(text.pages)
        let built = PDFParagraphBuilder(pages: chrome.pages).build(chrome.pages)
        var lines: [SourceLine] = []
        for paragraph in built.paragraphs {
            if let last = lines.last {
                lines.append(SourceLine(number: last.number, text: ""))
            }
            lines.append(SourceLine(number: paragraph.lines[0].number, text: paragraph.text))
        }
        guard !lines.isEmpty else {
            throw CommuniqueError(
                "holds only page headers, footers and page numbers; there is no statement to import",
                at: SourceLocation(file: path))
        }
        var source = try SourceText(data: Data(lines.map { $0.text + "\n" }.joined().utf8), path: path)
        source.lines = lines
        return Result(
            source: source,
            dropped: chrome.dropped.map { SourceLine(number: $0.number, text: $0.text) },
            guesses: built.guesses)
    }
}

extension StatementImporter {
    /// A PDF statement: its text through `PDFStatementReader`, then the plain-text parser.
    func importPDF(at path: String, id: String?) throws -> ImportResult {
        let pdf = try PDFStatementReader().read(path: path)
        var statement = try StatementParser(file: path).parse(pdf.source.lines)
        statement.format = .pdf
        statement.dropped = (pdf.dropped + statement.dropped).sorted { $0.number < $1.number }
        statement.guesses = (pdf.guesses + statement.guesses).sorted { ($0.line ?? 0) < ($1.line ?? 0) }
        return try release(statement, source: pdf.source, id: id)
    }
}
