import CommuniqueJapanese
import Foundation
import Testing

@testable import Communique

/// Shared helpers for the import tests: fixture statements, throw-away site folders,
/// and the "nothing lost" check.
enum ImportFixtures {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/statements")

    static let sample = "2024-07-28-japan-us-2plus2.txt"

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Every fixture statement's file name, sorted.
    static var all: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted()
    }

    static func importFixture(_ name: String, id: String? = nil) throws -> ImportResult {
        try StatementImporter().importStatement(at: path(name), id: id)
    }

    /// A fresh empty folder under the system's temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("communique-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `data` to a new temporary file called `name` and returns its path.
    static func temporaryFile(_ name: String, _ data: Data) throws -> String {
        let url = try temporaryFolder().appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    static func file(_ result: ImportResult, _ path: String) -> String? {
        result.files.first { $0.path == path }?.contents
    }

    /// Every character of the statement's text — all lines but the dropped chrome and
    /// the metadata lines shown only as values (category, date stamp), without
    /// whitespace and without heading markup (`##`, `**`) — must appear, in order, in
    /// the generated Markdown files (front matter included), with escapes undone.
    static func missingText(source: SourceText, result: ImportResult) -> String? {
        let skipped = Set((result.statement.dropped + result.statement.metadataLines).map(\.number))
        var lines = source.lines.filter { !skipped.contains($0.number) }
        let repairs = result.statement.rewrittenStarts
        if result.statement.format == .markdown, lines.first?.text == "---",
            let close = lines.dropFirst().firstIndex(where: { $0.text == "---" })
        {
            lines.removeSubrange(...close)
        }
        var expected = lines.map { line in
            var text = line.text.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("#") { text = String(text.drop { $0 == "#" }) }
            if let bold = HeadingDetector.boldContent(text) ?? HeadingDetector.boldRuns(text) { text = bold }
            if let replaced = repairs[line.number], text.hasPrefix(replaced) { text = String(text.dropFirst(replaced.count)) }
            return text
        }.joined()
        if result.statement.format == .markdown { expected = MarkdownEscaper.unescape(expected) }
        return missingText(expected, in: result)
    }

    /// The first character of `expected` (whitespace aside) not found, in order, in the
    /// generated Markdown files with escapes undone, or nil when every one is there.
    static func missingText(_ expected: String, in result: ImportResult) -> String? {
        let markdown = result.files.filter { $0.path.hasSuffix(".md") }.map(\.contents).joined()
        let actual = Array(MarkdownEscaper.unescape(markdown).filter { !$0.isWhitespace })
        var position = 0
        for (offset, character) in expected.filter({ !$0.isWhitespace }).enumerated() {
            guard let found = actual[position...].firstIndex(of: character) else {
                let context = String(expected.filter { !$0.isWhitespace }.dropFirst(max(0, offset - 20)).prefix(40))
                return "'\(character)' (character \(offset), near “\(context)”) is missing from the output"
            }
            position = found + 1
        }
        return nil
    }
}
