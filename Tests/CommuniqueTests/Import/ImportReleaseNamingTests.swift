import CommuniqueJapanese
import Foundation
import Testing

@testable import CommuniqueCLI
@testable import Communique

@Suite struct ImportReleaseNamingTests {
    @Test func idFromOptionFileNameOrDateAndTitle() throws {
        #expect(try ImportFixtures.importFixture(ImportFixtures.sample, id: "custom-id-2").releaseID == "custom-id-2")
        #expect(try ImportFixtures.importFixture(ImportFixtures.sample).releaseID == "2024-07-28-japan-us-2plus2")
        for bad in ["Has-Caps", "under_score", "", "-leading", "trailing-", "スラグ", "a/b", ".."] {
            #expect(throws: CommuniqueError.self) { try ImportFixtures.importFixture(ImportFixtures.sample, id: bad) }
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: ImportFixtures.path(ImportFixtures.sample)))
        let path = try ImportFixtures.temporaryFile("日米2+2 (copy).txt", data)
        let id = try StatementImporter().importStatement(at: path, id: nil).releaseID
        #expect(id.hasPrefix("2024-07-28-"))
        #expect(ReleaseID.isValid(id))
        #expect(id == "2024-07-28-" + Slug.make("日米安全保障協議委員会(「2+2」)を実施(7月28日)", reader: JapaneseReader()))
    }

    @Test func sectionSlugsAreUniqueAndNeverReserved() {
        func section(_ title: String) -> StatementSection {
            StatementSection(title: title, line: nil, intro: [], paragraphs: [])
        }
        let slugs = ReleaseNaming.sectionSlugs(
            [section("Overview"), section("1. Overview"), section("All"), section("「」"), section("Changes")], reader: nil)
        // `all` and `changes` are the printable page's and the changes page's: `build` refuses them.
        #expect(slugs == ["overview", "overview-2", "all-2", "section-4", "changes-2"])
        #expect(ReleaseNaming.sectionFileName(order: 3, slug: "x", count: 9) == "03-x.md")
        #expect(ReleaseNaming.sectionFileName(order: 3, slug: "x", count: 120) == "003-x.md")
    }

    @Test func theCommandWritesTheReleaseAndReports() throws {
        let root = try ImportFixtures.temporaryFolder()
        var command = try CommuniqueCommand.parseAsRoot([
            "import", ImportFixtures.path(ImportFixtures.sample), "--root", root.path,
        ])
        try command.run()
        let index = root.appendingPathComponent("Content/releases/2024-07-28-japan-us-2plus2/_index.md")
        #expect(FileManager.default.fileExists(atPath: index.path))
        var again = try CommuniqueCommand.parseAsRoot([
            "import", ImportFixtures.path(ImportFixtures.sample), "--root", root.path, "--id", "other-id", "--force",
        ])
        try again.run()
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Content/releases/other-id/01-soron.md").path))
    }

    @Test func theReportSaysWhatWasFound() throws {
        var result = try ImportFixtures.importFixture(ImportFixtures.sample)
        result.report.outcome = ImportWriter.Outcome(folder: "Content/releases/x", root: "/site", created: ["_index.md"])
        let text = result.report.description
        for expected in [
            "日米安全保障協議委員会(「2+2」)を実施(7月28日)", "2024-07-31T10:10:00+09:00", "2024-07-28", "東京",
            "木原稔 (きはら・みのる), 防衛大臣", "02-chiiki-josei.md  地域情勢: intro 1 line, 5 numbered paragraphs",
            "line 35: Ranking読まれている記事", "Wrote Content/releases/x/ in /site: 1 created",
        ] {
            #expect(text.contains(expected), "\(expected)")
        }
    }

    @Test func theNothingLostCheckNoticesALostParagraph() throws {
        let source = try SourceText.read(path: ImportFixtures.path(ImportFixtures.sample))
        var result = try ImportFixtures.importFixture(ImportFixtures.sample)
        result.files.removeAll { $0.path == "03-domei-no-gendaika.md" }
        #expect(ImportFixtures.missingText(source: source, result: result) != nil)
    }
}
