import CommuniqueHTML
import Foundation

@testable import Communique

/// The saved web pages of `Fixtures/html/`, and the "nothing lost" check for pages.
enum HTMLFixtures {
    static let folder = ImportFixtures.folder.deletingLastPathComponent().appendingPathComponent("html")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Every fixture page's file name, sorted.
    static var all: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".html") }.sorted()
    }

    static func importFixture(_ name: String) throws -> ImportResult {
        try StatementImporter().importStatement(at: path(name), id: nil)
    }

    /// The fixture's text as decoded, split into lines as the report numbers them.
    static func lines(_ name: String) throws -> [String] {
        let text = try HTMLPageDecoder(file: name).decode(Data(contentsOf: URL(fileURLWithPath: path(name)))).text
        return text.components(separatedBy: "\n")
    }

    /// The 1-based line of the fixture on which `text` first appears.
    static func line(of text: String, in name: String) throws -> Int? {
        try lines(name).firstIndex { $0.contains(text) }.map { $0 + 1 }
    }

    /// Every character of the statement's body — the text of the page's main content, less
    /// what the import dropped as chrome and the date lines it shows only as front-matter
    /// values, without whitespace — must appear, in order, in the generated Markdown files
    /// (front matter included), with escapes undone. Nil when it does; else what is missing.
    static func missingText(page name: String, result: ImportResult) throws -> String? {
        let text = try HTMLPageDecoder(file: name).decode(Data(contentsOf: URL(fileURLWithPath: path(name)))).text
        guard let body = HTMLDocument.parse(text).body, let contentPath = HTMLContentFinder.find(in: body) else {
            return "the page has no main content"
        }
        var content = body
        for index in contentPath {
            guard case .element(let child) = content.children[index] else { return "the content path is broken" }
            content = child
        }
        var expected = Array(visibleText(content).filter { !$0.isWhitespace })
        // Dropped chrome comes in page order: each is taken out after the previous one, else
        // (the same words in the navigation around the content) wherever it first is.
        var cursor = 0
        for line in result.statement.dropped {
            let text = Array(line.text.filter { !$0.isWhitespace })
            if let range = find(text, in: expected, from: cursor) ?? find(text, in: expected, from: 0) {
                expected.removeSubrange(range)
                cursor = range.lowerBound
            }
        }
        for line in result.statement.metadataLines {
            if let range = find(Array(line.text.filter { !$0.isWhitespace }), in: expected, from: 0) { expected.removeSubrange(range) }
        }
        let markdown = result.files.filter { $0.path.hasSuffix(".md") }.map(\.contents).joined()
        let actual = Array(MarkdownEscaper.unescape(markdown).filter { !$0.isWhitespace })
        var position = 0
        for (offset, character) in expected.enumerated() {
            guard let found = actual[position...].firstIndex(of: character) else {
                let context = String(expected.dropFirst(max(0, offset - 20)).prefix(40))
                return "'\(character)' (character \(offset), near “\(context)”) is missing from the output"
            }
            position = found + 1
        }
        return nil
    }

    /// Text a reader sees in `element`: scripts, styles and the like left out.
    static func visibleText(_ element: HTMLElement) -> String {
        element.children.map { child in
            switch child {
            case .text(let text): return text.text
            case .element(let e): return HTMLChrome.invisible.contains(e.name) ? "" : visibleText(e)
            }
        }.joined()
    }

    private static func find(_ needle: [Character], in haystack: [Character], from start: Int) -> Range<Int>? {
        guard !needle.isEmpty, start <= haystack.count - needle.count else { return nil }
        for begin in start...(haystack.count - needle.count) where haystack[begin] == needle[0] {
            if haystack[begin..<(begin + needle.count)].elementsEqual(needle) { return begin..<(begin + needle.count) }
        }
        return nil
    }

    /// The body of a generated Markdown file, after its front matter.
    static func body(_ file: String) -> String {
        guard let close = file.range(of: "\n---\n") else { return file }
        return String(file[close.upperBound...])
    }
}
