#if DEBUG
import CommuniqueJapanese
import CommuniqueMarkdown
import Foundation
import Yams

@testable import Communique

/// The statement importer: any bytes, as a file given to `communique import`.
///
/// Bad input must be refused with a `CommuniqueError` naming the file. What is imported must:
/// - keep every character of the statement but the chrome it drops (the "nothing lost" check
///   of the import tests);
/// - be the same on a second import (byte-identical files; checked for a quarter of inputs);
/// - have a valid release id and section file names;
/// - for plain text, render as exactly the text (the escaping promise): each paragraph is one
///   Markdown paragraph whose text is the paragraph's, the inner title one heading;
/// - load again: the files written into a site are read by the Load stage without an error,
///   with the same titles, slugs and bodies.
final class ImportTarget: FuzzTarget {
    static let fileName = "Fuzz Statement.txt"
    /// `COMMUNIQUE_FUZZ_DUMP=1 communique-fuzz replay import FILE` prints what was imported.
    static let dump = ProcessInfo.processInfo.environment["COMMUNIQUE_FUZZ_DUMP"] != nil
    let importer = StatementImporter(reader: JapaneseReader())
    let site = makeScratchFolder("import")

    func test(_ bytes: [UInt8]) throws {
        let source: SourceText
        let result: ImportResult
        do {
            source = try SourceText(data: Data(bytes), path: Self.fileName)
            result = try importer.importStatement(source, id: nil)
        } catch let error as CommuniqueError {
            try checkRefusal(error, lineCount: lineCount(bytes))
            return
        }
        let statement = result.statement
        if Self.dump {
            say("title: \(String(reflecting: statement.title)), inner title: \(String(reflecting: statement.innerTitle?.text))")
            for file in result.files { say("=== \(file.path)\n\(file.contents)") }
        }

        try checkNames(result)

        // Nothing lost.
        if let missing = Self.missingText(source: source, result: result) {
            throw InvariantFailure("text lost on import: \(missing)")
        }

        // The same input gives the same files. Checked for a quarter of the inputs (those whose
        // length is a multiple of 4, so a given input always is or is not): a second import
        // costs as much as the first.
        if bytes.count % 4 == 0 { try checkDeterministic(source, result) }

        if statement.format == .plainText { try checkEscaping(result) }
        try checkLoads(result)
    }

    /// A valid release id; `_index.md` first, one file a section, each `NN-slug.md`; `_dropped.txt`
    /// exactly when something was dropped.
    func checkNames(_ result: ImportResult) throws {
        let statement = result.statement
        try require(ReleaseID.isValid(result.releaseID) && !result.releaseID.hasPrefix("-") && !result.releaseID.hasSuffix("-"),
            "release id '\(result.releaseID)' is not a valid id")
        let names = result.files.map(\.path)
        try require(Set(names).count == names.count, "two files with one name: \(names)")
        try require(names.first == "_index.md", "the first file is \(names.first ?? "none"), not _index.md")
        try require(sectionFiles(result).count == statement.sections.count, "\(statement.sections.count) sections but \(sectionFiles(result).count) section files")
        for name in sectionFiles(result) {
            try require(name.hasSuffix(".md") && ReleaseID.isValid(String(name.dropLast(3))), "section file name '\(name)' is not NN-slug.md")
        }
        try require(names.contains("_dropped.txt") == !statement.dropped.isEmpty, "_dropped.txt written: \(names.contains("_dropped.txt")), dropped lines: \(statement.dropped.count)")
    }

    func checkDeterministic(_ source: SourceText, _ result: ImportResult) throws {
        let names = result.files.map(\.path)
        let again = try importer.importStatement(source, id: nil)
        try require(again.releaseID == result.releaseID && again.files.map(\.path) == names && again.files.map(\.contents) == result.files.map(\.contents),
            "a second import of the same text gives other files")
    }

    func sectionFiles(_ result: ImportResult) -> [String] { result.report.sections.map(\.file) }

    /// A refusal names the file, and a line inside it when it gives one.
    func checkRefusal(_ error: CommuniqueError, lineCount: Int) throws {
        try require(!error.diagnostics.isEmpty, "an error without a diagnostic")
        for diagnostic in error.diagnostics {
            try require(diagnostic.location?.file == Self.fileName, "a diagnostic does not name the file: \(diagnostic)")
            if let line = diagnostic.location?.line {
                try require(line >= 1 && line <= lineCount + 1, "a diagnostic's line is outside the file (\(lineCount) lines): \(diagnostic)")
            }
        }
    }

    /// Plain text is data: rendered, each paragraph is one paragraph with exactly its text (a
    /// web page's line breaks as line breaks), a web page's table one table.
    func checkEscaping(_ result: ImportResult) throws {
        let statement = result.statement
        func check(_ file: String, _ paragraphs: [StatementParagraph], headingAt heading: Int? = nil) throws {
            let expected = paragraphs.enumerated().map { (text: $0.element.text, heading: $0.offset == heading) }
            let tables = Set(paragraphs.indices.filter { paragraphs[$0].tableRows != nil })
            guard let page = result.files.first(where: { $0.path == file })?.contents else {
                throw InvariantFailure("no file \(file)")
            }
            let body = try FrontMatter(parsing: page, file: file).body
            let document = MarkdownDocument(body)
            let blocks = document.blocks
            let kept = expected.indices.filter { !expected[$0].text.trimmingCharacters(in: .whitespaces).isEmpty }
            let wanted = kept.map { expected[$0] }
            try require(blocks.count == wanted.count,
                "\(file): \(wanted.count) paragraphs of text became \(blocks.count) Markdown blocks: \(blocks.map(\.kind)) from \(wanted.map(\.text))")
            for (k, (block, paragraph)) in zip(blocks, wanted).enumerated() {
                if tables.contains(kept[k]) {
                    try require(block.kind == .table, "\(file): a table renders as \(block.kind)")
                    continue
                }
                let kindOK: Bool
                if paragraph.heading, case .heading = block.kind { kindOK = true } else { kindOK = !paragraph.heading && block.kind == .paragraph }
                try require(kindOK, "\(file): '\(paragraph.text)' renders as \(block.kind)")
                let shown = block.plainText.trimmingCharacters(in: .whitespaces)
                let text = paragraph.text.trimmingCharacters(in: .whitespaces)
                try require(shown == text, "\(file): '\(text)' renders as the text '\(shown)'")
            }
            withExtendedLifetime(document) {}
        }
        let index = statement.lead + (statement.innerTitle.map { [$0] } ?? []) + statement.preamble
        try check("_index.md", index, headingAt: statement.innerTitle == nil ? nil : statement.lead.count)
        for (section, file) in zip(statement.sections, sectionFiles(result)) {
            try check(file, section.intro + section.paragraphs)
        }
    }

    /// What the importer writes, the Load stage reads back.
    func checkLoads(_ result: ImportResult) throws {
        let releases = site.appendingPathComponent("Content/releases")
        try? FileManager.default.removeItem(at: releases)
        let folder = releases.appendingPathComponent(result.releaseID)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, contents) in result.files {
            try Data(contents.utf8).write(to: folder.appendingPathComponent(name))
        }
        let statement = result.statement
        let release: Release
        do {
            release = try SiteLoader().loadRelease(folder: folder, root: site, defaultLanguage: "ja")
        } catch let error as CommuniqueError {
            throw InvariantFailure("the imported files do not load: \(error)")
        }
        try require(release.title == statement.releaseTitle, "title '\(statement.releaseTitle ?? "")' loads as '\(release.title)'")
        try require(release.sections.count == statement.sections.count, "\(statement.sections.count) sections load as \(release.sections.count)")
        for (k, (section, loaded)) in zip(statement.sections, release.sections).enumerated() {
            try require(loaded.title == section.title, "section title '\(section.title)' loads as '\(loaded.title)'")
            try require(loaded.order == k + 1, "section \(k + 1) loads with order \(loaded.order)")
            try require(sectionFiles(result)[k].hasSuffix("-" + loaded.slug + ".md"),
                "section file \(sectionFiles(result)[k]) loads with slug '\(loaded.slug)'")
        }
    }

    /// The import tests' "nothing lost" check (Tests/CommuniqueTests/Import/ImportFixtures.swift):
    /// every character of the statement's text — all lines but the dropped chrome and the
    /// metadata lines shown only as values, without whitespace and heading markup — appears,
    /// in order, in the Markdown files (front-matter values as YAML reads them, bodies with their
    /// escapes undone). For any
    /// input: a Markdown heading's text is its content (without the closing `#`s either), and a
    /// line whose whole text is a front-matter value may move there (a Markdown statement's
    /// `# title` is the release's title wherever it stands).
    /// A bold heading wrapped over lines (`**Leading on Innovation,` / `Economic Security**`)
    /// is one heading, its title without the `**`: the lines where its bold opens and closes.
    static func wrappedBoldHeadings(source: SourceText, result: ImportResult) -> (opens: Set<Int>, closes: Set<Int>) {
        var opens: Set<Int> = [], closes: Set<Int> = []
        for section in result.statement.sections {
            guard let first = section.line, let start = source.lines.firstIndex(where: { $0.number == first }) else { continue }
            let text = source.lines[start].text.trimmingCharacters(in: .whitespaces)
            guard text.hasPrefix("**"), HeadingDetector.boldContent(text) == nil,
                let end = source.lines[(start + 1)...].first(where: { $0.text.trimmingCharacters(in: .whitespaces).hasSuffix("**") })
            else { continue }
            opens.insert(first)
            closes.insert(end.number)
        }
        return (opens, closes)
    }

    static func missingText(source: SourceText, result: ImportResult) -> String? {
        let skipped = Set((result.statement.dropped + result.statement.metadataLines).map(\.number))
        var lines = source.lines.filter { !skipped.contains($0.number) }
        let repairs = result.statement.rewrittenStarts
        if result.statement.format == .markdown, lines.first?.text == "---",
            let close = lines.dropFirst().firstIndex(where: { $0.text == "---" })
        {
            lines.removeSubrange(...close)
        }
        let values = frontMatterValues(result)
        let bold = wrappedBoldHeadings(source: source, result: result)
        var expected = lines.compactMap { line -> String? in
            var text = line.text.trimmingCharacters(in: .whitespaces)
            if bold.opens.contains(line.number), text.hasPrefix("**") { text = String(text.dropFirst(2)) }
            if bold.closes.contains(line.number), text.hasSuffix("**") { text = String(text.dropLast(2)) }
            if result.statement.format == .markdown, let heading = MarkdownStatementParser.heading(line.text) {
                text = heading.text  // without the closing `#`s too
            } else if text.hasPrefix("#") {
                text = String(text.drop { $0 == "#" })
            }
            if let bold = HeadingDetector.boldContent(text) ?? HeadingDetector.boldRuns(text) { text = bold }
            if let replaced = repairs[line.number], text.hasPrefix(replaced) { text = String(text.dropFirst(replaced.count)) }
            let bare = text.filter { !$0.isWhitespace }
            let forms = [bare, MarkdownEscaper.unescape(bare)]
            if !bare.isEmpty, values.contains(where: forms.contains) { return nil }
            return text
        }.joined()
        if result.statement.format == .markdown { expected = MarkdownEscaper.unescape(expected) }
        // Front-matter values as YAML reads them (a control character is written `\x1F`), the
        // bodies with their escapes undone, file by file.
        let markdown = result.files.filter { $0.path.hasSuffix(".md") }.map { file -> String in
            guard let matter = try? FrontMatter(parsing: file.contents, file: file.path) else { return MarkdownEscaper.unescape(file.contents) }
            return scalars(in: matter.fields).joined() + MarkdownEscaper.unescape(matter.body)
        }.joined()
        // By Unicode scalar, not Character: joining pieces without their whitespace makes
        // clusters the text never had (`w` + line end + halfwidth `ﾟ`, an extending mark,
        // became one Character `wﾟ`, found nowhere).
        let actual = Array(markdown.unicodeScalars.filter { !$0.properties.isWhitespace })
        var position = 0
        let wanted = Array(expected.unicodeScalars.filter { !$0.properties.isWhitespace })
        for (offset, scalar) in wanted.enumerated() {
            guard let found = actual[position...].firstIndex(of: scalar) else {
                var context = String.UnicodeScalarView()
                context.append(contentsOf: wanted.dropFirst(max(0, offset - 20)).prefix(40))
                return "'\(scalar)' (scalar \(offset), near “\(String(context))”) is missing from the output"
            }
            position = found + 1
        }
        return nil
    }

    /// Every text value in the front matter of the Markdown files, without whitespace.
    static func frontMatterValues(_ result: ImportResult) -> [String] {
        result.files.filter { $0.path.hasSuffix(".md") }.flatMap { file in
            scalars(in: (try? FrontMatter(parsing: file.contents, file: file.path))?.fields).map { $0.filter { !$0.isWhitespace } }
        }
    }

    /// The values of `fields`, in order (keys left out).
    static func scalars(in fields: Node.Mapping?) -> [String] {
        var values: [String] = []
        func collect(_ node: Node) {
            switch node {
            case .scalar(let scalar): values.append(scalar.string)
            case .sequence(let sequence): sequence.forEach(collect)
            case .mapping(let mapping): mapping.forEach { collect($0.value) }
            case .alias: break
            }
        }
        fields.map { collect(.mapping($0)) }
        return values
    }
}
#endif
