import Foundation
import Testing

@testable import Communique

/// A site's second release: importing the next meeting of a series beside the shipped
/// sample adds its folder, leaves the sample's files alone, files both under one series,
/// and the site still builds with every link resolving.
@Suite struct ImportSecondReleaseTests {
    static let first = "2024-07-28-japan-us-2plus2"
    static let second = "2025-03-21-japan-us-2plus2"
    static let series = "日米安全保障協議委員会"

    let site: TestSite

    /// A copy of the repository's Content/ (the sample release) and Templates/.
    init() throws {
        site = try TestSite([:])
        try FileManager.default.copyItem(
            at: TestSite.repository.appendingPathComponent("Content"), to: site.root.appendingPathComponent("Content"))
    }

    func folder(_ id: String) -> URL { site.root.appendingPathComponent(ImportWriter.releaseFolder(id)) }

    /// Every file of a release folder (the manifest too) with its bytes and mtime.
    func files(of id: String) throws -> [String: (data: Data, modified: Date)] {
        var files: [String: (Data, Date)] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder(id).path) {
            let path = folder(id).appendingPathComponent(name).path
            let modified = try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
            files[name] = (try Data(contentsOf: URL(fileURLWithPath: path)), modified)
        }
        return files
    }

    @discardableResult
    func importSecond() throws -> (ImportResult, ImportWriter.Outcome) {
        let result = try ImportFixtures.importFixture(Self.second + ".txt")
        return (result, try ImportWriter(root: site.root).write(result, force: false))
    }

    @Test func importingAddsItsFolderAndLeavesTheFirstReleaseAlone() throws {
        defer { site.remove() }
        // Back-date the sample's files, so any rewrite would show in their mtimes.
        let past = Date(timeIntervalSince1970: 1_000_000_000)
        for name in try files(of: Self.first).keys {
            try FileManager.default.setAttributes(
                [.modificationDate: past], ofItemAtPath: folder(Self.first).appendingPathComponent(name).path)
        }
        let before = try files(of: Self.first)
        #expect(before.count == 7)

        let (result, outcome) = try importSecond()
        #expect(result.releaseID == Self.second)
        #expect(outcome.folder == "Content/releases/\(Self.second)")
        #expect(outcome.created == result.files.map(\.path))
        #expect(outcome.updated.isEmpty && outcome.removed.isEmpty && outcome.unchanged.isEmpty)
        #expect(Set(try files(of: Self.second).keys) == Set(result.files.map(\.path) + [ImportManifest.fileName]))

        let after = try files(of: Self.first)
        #expect(Set(after.keys) == Set(before.keys))
        for (name, file) in before {
            #expect(after[name]?.data == file.data, "\(name) changed")
            #expect(after[name]?.modified == file.modified, "\(name) was rewritten")
            #expect(file.modified == past)
        }
        let releases = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("Content/releases").path)
        #expect(releases.sorted() == [Self.first, Self.second])
    }

    @Test func bothMeetingsAreFiledUnderOneSeries() throws {
        defer { site.remove() }
        let (result, _) = try importSecond()
        #expect(result.statement.title == "日米安全保障協議委員会(「2+2」)の開催について(3月21日)")
        #expect(result.statement.series == Self.series)
        let source = try SiteLoader().load(root: site.root)
        #expect(source.releases.map(\.id).sorted() == [Self.first, Self.second])
        for release in source.releases {
            #expect(release.series == Self.series, "\(release.id)")
        }
    }

    /// The second statement is read in the sample's shape: its own date, place, people
    /// and five sections, the ranking at the end dropped.
    @Test func theSecondStatementIsReadLikeTheFirst() throws {
        defer { site.remove() }
        let (result, _) = try importSecond()
        let statement = result.statement
        #expect(statement.meetingDate?.isoDate == "2025-03-21")
        #expect(result.report.published == "2025-03-24T11:00:00+09:00")
        #expect(statement.place == "ワシントンD.C.")
        #expect(statement.participants.map(\.name) == ["田中一郎", "佐藤花子", "ジョン・スミス", "ジェーン・ミラー"])
        #expect(statement.sections.map(\.title) == ["総論", "地域情勢", "同盟の抑止力・対処力", "在日米軍再編", "経済安全保障"])
        #expect(statement.sections.map(\.numberedCount) == [3, 3, 3, 2, 2])
        #expect(statement.sections[2].paragraphs.map(\.level) == [1, 2, 2, 1, 1])
        #expect(statement.dropped.first?.text == "Ranking読まれている記事")
        #expect(statement.dropped.count == 6)
        let source = try SourceText.read(path: ImportFixtures.path(Self.second + ".txt"))
        #expect(ImportFixtures.missingText(source: source, result: result) == nil)
    }

    @Test func theSiteBuildsWithBothReleasesAndNoBrokenLink() throws {
        defer { site.remove() }
        try importSecond()
        try site.build()
        let check = try LinkChecker().check(output: site.output)
        #expect(check.broken.isEmpty, "\(check.broken.prefix(5))")
        #expect(check.links > 0)

        let source = try SiteLoader().load(root: site.root)
        let home = try site.page(Permalinks.home)
        for release in source.releases {
            #expect(release.sections.count == (release.id == Self.first ? 4 : 5))
            for page in [Permalinks.release(release.id), Permalinks.printable(release.id)]
                + release.sections.map({ Permalinks.section(release.id, $0.slug) })
            {
                #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(page).path), "\(page)")
            }
            #expect(home.contains("releases/\(release.id)/"), "the home page lists \(release.id)")
        }
        // A term both statements use lists the newer one's paragraphs on its glossary page
        // and the older one's on the page of its year, linked from it.
        let glossary = try site.page(Permalinks.glossaryEntry("acm"))
        #expect(glossary.contains("releases/\(Self.second)/") && glossary.contains(#"<a href="2024/index.html">2024</a>"#))
        let older = try site.page(Permalinks.glossaryEntryYear("acm", "2024"))
        #expect(older.contains("releases/\(Self.first)/") && !older.contains("releases/\(Self.second)/"))
    }
}
