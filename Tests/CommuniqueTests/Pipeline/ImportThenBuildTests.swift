import Foundation
import Testing

@testable import Communique

/// A statement goes through `import` and `build` as a user would run them.
@Suite struct ImportThenBuildTests {
    static let sample = TestSite.repository.appendingPathComponent(
        "Tests/CommuniqueTests/Fixtures/statements/2024-07-28-japan-us-2plus2.txt")

    func importAndBuild(_ statement: URL, files: [String: String] = [:]) throws -> (TestSite, ImportResult) {
        var content = files
        content["Content/site.yml"] = content["Content/site.yml"] ?? "title: テスト\nlanguage: ja\n"
        let site = try TestSite(content)
        let result = try StatementImporter().importStatement(at: statement.path, id: nil)
        _ = try ImportWriter(root: site.root).write(result, force: false)
        try site.build()
        return (site, result)
    }

    /// Every line of the statement's body (all but the dropped chrome) is in the text of
    /// the rendered pages, in order: the release page, then each section page.
    @Test func nothingOfTheSampleIsLostOnTheWayToHTML() throws {
        let (site, result) = try importAndBuild(Self.sample)
        defer { site.remove() }
        let lines = try String(contentsOf: Self.sample, encoding: .utf8).split(separator: "\n").map(String.init)
        let chromeStart = try #require(lines.firstIndex { $0.hasPrefix("Ranking") })
        var body = Array(lines[..<chromeStart])
        // The category line and the date stamp are rendered as values, not as written.
        #expect(body[1] == "- 防衛省関連" && body[2] == "2024-7-31 10:10")
        body[1] = "防衛省関連"
        body[2] = "2024年7月31日 10:10"

        let release = result.releaseID
        let source = try SiteLoader().load(root: site.root)
        let sections = try #require(source.releases.first).sections
        var text = HTMLText.of(try site.page(Permalinks.release(release)))
        for section in sections {
            text += HTMLText.of(try site.page(Permalinks.section(release, section.slug)))
        }
        // The release page lists contents and participants after its body; the title and
        // the meeting metadata come first. Checking in page order is what a reader sees.
        #expect(text.firstMissing(of: [body[0], body[1]]) == nil)
        #expect(text.firstMissing(of: Array(body[3...])) == nil, "lost: \(text.firstMissing(of: Array(body[3...])) ?? "")")
        #expect(text.contains("2024年7月31日 10:10"))
        #expect(sections.count == 4)
    }

    @Test func markupInAStatementIsInertOnEveryPage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let statement = folder.appendingPathComponent("2024-08-01-hostile.txt")
        try """
            <script>alert(1)</script>を含む声明(8月1日)
            2024-8-1 10:00
            本文
            (1)日米双方は、<script>alert(2)</script>を非難しました。
            (2)<img src=x onerror=alert(3)>と[リンク](javascript:alert(4))と<a href="javascript:alert(5)">x</a>。
            (3)*強調*や`コード`や&amp;もそのまま表示します。
            """.write(to: statement, atomically: true, encoding: .utf8)
        let (site, _) = try importAndBuild(statement)
        defer { site.remove() }
        var pages = 0
        for (path, data) in site.snapshot() where path.hasSuffix(".html") {
            let html = HTMLText.withoutOwnScriptTags(String(decoding: data, as: UTF8.self))
            #expect(!html.contains("<script"), "\(path)")
            #expect(!html.contains("<img"), "\(path)")
            #expect(!html.contains("href=\"javascript"), "\(path)")
            pages += 1
        }
        #expect(pages >= 5)
        let section = try #require(site.snapshot().keys.first { $0.hasPrefix("releases/2024-08-01-hostile/") && $0 != "releases/2024-08-01-hostile/index.html" && !$0.contains("/all/") })
        let text = HTMLText.of(try site.page(section))
        // The statement's words are shown as written: data, not markup.
        #expect(text.contains("(1)日米双方は、<script>alert(2)</script>を非難しました。"))
        #expect(text.contains("[リンク](javascript:alert(4))"))
        #expect(text.contains("(3)*強調*や`コード`や&amp;もそのまま表示します。"))
    }
}
