import Foundation
import Testing

@testable import Communique

/// `import statement.pdf` on the PDFs `make_pdfs.py` draws: a Japanese and an English
/// statement of three pages with a running header, a footer and page numbers.
@Suite struct PDFImportTests {
    static let statements = ["ja-statement", "en-statement"]

    func imported(_ name: String) throws -> (ImportResult, DrawnStatement) {
        let result = try StatementImporter().importStatement(at: PDFFixtures.path(name + ".pdf"), id: nil)
        return (result, try PDFFixtures.expected(name))
    }

    @Test(arguments: statements) func sectionsAndParagraphsAreTheOnesDrawn(_ name: String) throws {
        let (result, drawn) = try imported(name)
        let statement = result.statement
        #expect(statement.format == .pdf)
        #expect(statement.title == drawn.texts("title").first)
        #expect(statement.sections.map(\.title) == drawn.texts("heading"))
        let paragraphs = statement.lead + statement.preamble + statement.sections.flatMap { $0.intro + $0.paragraphs }
        #expect(paragraphs.map(\.text) == drawn.texts("paragraph"))
        // Every "(1)"/"1." paragraph keeps its number.
        let numbered = drawn.texts("paragraph").filter { NumberMarker.parse($0) != nil }
        #expect(paragraphs.filter { $0.marker != nil }.map(\.text) == numbered)
        #expect(statement.sections.map(\.numberedCount).reduce(0, +) == numbered.count)
    }

    @Test(arguments: statements) func headersFootersAndPageNumbersAreDroppedNotLost(_ name: String) throws {
        let (result, drawn) = try imported(name)
        let pages = result.files.filter { $0.path.hasSuffix(".md") }.map(\.contents).joined()
        for furniture in [drawn.header, drawn.footer] + drawn.pageNumbers {
            #expect(!MarkdownEscaper.unescape(pages).contains(furniture), "“\(furniture)” is in the pages")
        }
        let dropped = try #require(ImportFixtures.file(result, "_dropped.txt"))
        let expected = (1...drawn.pages).flatMap { [drawn.header, drawn.pageNumbers[$0 - 1], drawn.footer] }
        #expect(dropped == expected.map { $0 + "\n" }.joined())
        #expect(result.report.description.contains("line 1: \(drawn.header)"))
    }

    @Test(arguments: statements) func aParagraphBrokenAcrossPagesIsJoinedAndReported(_ name: String) throws {
        let (result, drawn) = try imported(name)
        #expect(!drawn.brokenAcrossPages.isEmpty)
        let texts = Set(result.statement.sections.flatMap(\.paragraphs).map(\.text))
        for paragraph in drawn.brokenAcrossPages {
            #expect(texts.contains(paragraph), "not one paragraph: \(paragraph)")
        }
        let pageJoins = result.statement.guesses.filter { $0.message.contains("across the break from page") }
        #expect(pageJoins.count == drawn.brokenAcrossPages.count)
        #expect(pageJoins.allSatisfy { $0.line != nil })
    }

    @Test func japaneseLinesJoinWithoutSpaces() throws {
        let (result, _) = try imported("ja-statement")
        for paragraph in result.statement.sections.flatMap(\.paragraphs) {
            let marker = paragraph.marker?.prefixLength ?? 0
            let text = paragraph.text.dropFirst(marker)
            #expect(!text.contains(" ") && !text.contains("\u{3000}"), "a space in “\(paragraph.text)”")
        }
    }

    @Test func aHyphenSplitWordIsRejoinedAndARealHyphenKept() throws {
        let (result, drawn) = try imported("en-statement")
        #expect(drawn.hyphenatedLineEnds == ["inter-operability", "rules-based"])
        let text = result.statement.sections.flatMap(\.paragraphs).map(\.text).joined(separator: "\n")
        #expect(!text.contains("inter-operability"))
        #expect(text.contains("with an eye to interoperability of their standards"))
        #expect(text.contains("common rules-based approach"))
        // No other "rulesbased" or "rules-based" in the text says which it is: a guess.
        #expect(result.statement.guesses.contains { $0.message.contains("rules-based") })
    }

    /// Every character of the text the script drew (title, headings, paragraphs; the date
    /// becomes a front-matter value) appears, in order, in the Markdown pages, escapes undone.
    @Test(arguments: statements) func nothingIsLost(_ name: String) throws {
        let (result, drawn) = try imported(name)
        let body = drawn.blocks.filter { $0.kind != "date" }.map(\.text).joined()
        #expect(ImportFixtures.missingText(body, in: result) == nil)
    }

    @Test(arguments: statements) func theSamePDFGivesTheSameBytes(_ name: String) throws {
        let first = try imported(name).0
        let second = try imported(name).0
        #expect(first.files.map(\.path) == second.files.map(\.path))
        #expect(first.files.map(\.contents) == second.files.map(\.contents))
    }

    @Test(arguments: [
        ("encrypted.pdf", "encrypted PDF that needs a password"),
        ("damaged.pdf", "damaged PDF"),
        ("truncated.pdf", "damaged PDF"),
        ("no-text-layer.pdf", "has no text layer"),
    ])
    func aBadPDFIsAnErrorNamingTheFileAndNothingIsWritten(_ name: String, _ message: String) throws {
        let path = try PDFFixtures.path(name)
        let root = try ImportFixtures.temporaryFolder()
        let error = try #require(throws: CommuniqueError.self) {
            let result = try StatementImporter().importStatement(at: path, id: nil)
            try ImportWriter(root: root).write(result, force: false)
        }
        #expect(error.description.contains(message), "\(error)")
        #expect(error.description.hasPrefix(path + ": error: "), "\(error)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Content").path))
        if name == "no-text-layer.pdf" { #expect(error.description.contains("no OCR")) }
    }
}
