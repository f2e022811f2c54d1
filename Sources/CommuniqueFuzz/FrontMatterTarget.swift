#if DEBUG
import Foundation
import Yams

@testable import Communique

/// Front matter: any bytes as a section page (`Content/releases/<id>/01-page.md`).
///
/// In memory, `FrontMatter` must split the text exactly: the body is the text after the
/// closing fence, `bodyFirstLine` its line; every typed read either gives a value or a
/// `CommuniqueError` whose line is inside the file. Then the page is loaded by the Load stage
/// from a site folder (with a fixed `_index.md`): it loads or is refused with diagnostics
/// naming the page, and a loaded section has a title and a valid slug.
final class FrontMatterTarget: FuzzTarget {
    static let releaseID = "fuzz-release"
    static let pageName = "01-page.md"
    static var pagePath: String { "Content/releases/\(releaseID)/\(pageName)" }

    let site = makeScratchFolder("frontmatter")
    let folder: URL

    init() {
        folder = site.appendingPathComponent("Content/releases/\(Self.releaseID)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try! Data("---\ntitle: Fuzz\n---\n".utf8).write(to: folder.appendingPathComponent("_index.md"))
    }

    func test(_ bytes: [UInt8]) throws {
        let lineCount = lineCount(bytes)
        if let text = String(validating: bytes, as: UTF8.self) {
            try checkInMemory(text, lineCount: lineCount)
        }
        try checkLoad(bytes, lineCount: lineCount)
    }

    func checkInMemory(_ text: String, lineCount: Int) throws {
        let file = Self.pagePath
        let matter: FrontMatter
        do {
            matter = try FrontMatter(parsing: text, file: file)
        } catch let error as CommuniqueError {
            try checkDiagnostics(error, file: file, lineCount: lineCount)
            return
        }
        try require(matter.bodyFirstLine >= 1, "body starts at line \(matter.bodyFirstLine)")
        if matter.fields == nil {
            try require(matter.body == text && matter.bodyFirstLine == 1, "text without front matter is not all body")
        } else {
            try require(text.utf8.suffix(matter.body.utf8.count).elementsEqual(matter.body.utf8), "the body is not the end of the text")
            let head = text.utf8.dropLast(matter.body.utf8.count)
            let newlines = head.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
            let expected = matter.body.isEmpty ? [matter.bodyFirstLine - 1, matter.bodyFirstLine - 2] : [matter.bodyFirstLine - 1]
            try require(expected.contains(newlines), "the body starts after \(newlines) line ends but is said to start at line \(matter.bodyFirstLine)")
        }
        // Every typed read of every key: a value, or an error at a line of the file.
        for (key, _) in matter.fields ?? Node.Mapping([]) {
            guard let name = key.string else { continue }
            let reads: [() throws -> Void] = [
                { _ = try matter.string(name) }, { _ = try matter.requiredString(name) }, { _ = try matter.int(name) },
                { _ = try matter.bool(name) }, { _ = try matter.strings(name) },
                { for mapping in try matter.mappings(name) { _ = try SiteLoader.participant(mapping, file: file) } },
                { _ = try SiteLoader.topics(name, in: matter, known: ["china", "cyber"]) },
            ]
            for read in reads {
                do { try read() } catch let error as CommuniqueError { try checkDiagnostics(error, file: file, lineCount: lineCount) }
            }
            let location = matter.location(of: name)
            if let line = location.line {
                try require(line >= 1 && line <= lineCount, "key '\(name)' is said to be at line \(line) of \(lineCount)")
            }
        }
    }

    func checkLoad(_ bytes: [UInt8], lineCount: Int) throws {
        try Data(bytes).write(to: folder.appendingPathComponent(Self.pageName))
        let release: Release
        do {
            release = try SiteLoader().loadRelease(folder: folder, root: site, defaultLanguage: "ja", topicIDs: ["china", "cyber"])
        } catch let error as CommuniqueError {
            try checkDiagnostics(error, file: Self.pagePath, lineCount: lineCount)
            return
        }
        try require(release.sections.count == 1, "one page loads as \(release.sections.count) sections")
        let section = release.sections[0]
        try require(!section.title.isEmpty, "a section loads without a title")
        try require(ReleaseID.isValid(section.slug) && !Permalinks.reservedSlugs.contains(section.slug), "a section loads with the slug '\(section.slug)'")
        try require(section.order >= 1, "a section loads with order \(section.order)")
        try require(section.body.firstLine >= 1 && section.body.firstLine <= lineCount + 1, "the body is said to start at line \(section.body.firstLine) of \(lineCount)")
        if !bytes.contains(0x0D), !bytes.starts(with: [0xEF, 0xBB, 0xBF]), let text = String(validating: bytes, as: UTF8.self) {
            let matter = try FrontMatter(parsing: text, file: Self.pagePath)
            try require(section.body.text == matter.body && section.body.firstLine == matter.bodyFirstLine, "the loaded body is not the page's body")
        }
    }

    /// Every diagnostic names the page (or the release folder) and a line inside it.
    func checkDiagnostics(_ error: CommuniqueError, file: String, lineCount: Int) throws {
        try require(!error.diagnostics.isEmpty, "an error without a diagnostic")
        for diagnostic in error.diagnostics {
            guard let location = diagnostic.location else { throw InvariantFailure("a diagnostic names no file: \(diagnostic)") }
            try require(location.file == file, "a diagnostic names another file: \(diagnostic)")
            if let line = location.line {
                try require(line >= 1 && line <= lineCount + 1, "a diagnostic's line is outside the file (\(lineCount) lines): \(diagnostic)")
            }
            if let column = location.column { try require(column >= 1, "a diagnostic's column is \(column): \(diagnostic)") }
        }
    }
}
#endif
