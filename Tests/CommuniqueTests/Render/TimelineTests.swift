import Foundation
import Testing

@testable import Communique

@Suite struct TimelineTests {
    func site(draft: Bool = false) throws -> TestSite {
        var files = TestSite.minimal
        files["Content/releases/2024-07-28-test/_index.md"] = "---\ntitle: 第1回\ndate: \"2024-07-28\"\nseries: 日米安全保障協議委員会\n---\n\n本文。\n"
        files["Content/releases/2023-01-11-old/_index.md"] = "---\ntitle: 第0回\ndate: \"2023-01-11\"\nseries: 日米安全保障協議委員会\n---\n\n本文。\n"
        files["Content/releases/2025-02-01-other/_index.md"] = "---\ntitle: 別の会談\ndate: \"2025-02-01\"\nseries: 日米防衛相会談\n---\n\n本文。\n"
        files["Content/releases/2025-06-01-draft/_index.md"] = "---\ntitle: 下書き\ndate: \"2025-06-01\"\ndraft: \(draft)\nseries: 日米安全保障協議委員会\n---\n\n本文。\n"
        return try TestSite(files)
    }

    @Test func homeIsATimelineByYearNewestFirst() throws {
        let site = try site(draft: true)
        defer { site.remove() }
        try site.build()
        let home = try site.page(Permalinks.home)
        let years = ["2025", "2024", "2023"].map { home.range(of: "id=\"year-\($0)\"")?.lowerBound }
        #expect(years.allSatisfy { $0 != nil })
        #expect(years[0]! < years[1]! && years[1]! < years[2]!)
        #expect(!home.contains("下書き"), "drafts are left out")
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("releases/2025-06-01-draft").path))
    }

    @Test func draftsAreBuiltWithDrafts() throws {
        let site = try site(draft: true)
        defer { site.remove() }
        try BuildPipeline().run(BuildOptions(root: site.root, includeDrafts: true))
        #expect(try site.page(Permalinks.home).contains("下書き"))
    }

    @Test func releasesLinkToThePreviousAndNextMeetingOfTheirSeries() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        let middle = try site.page(Permalinks.release("2024-07-28-test"))
        #expect(middle.contains("<a class=\"prev\" rel=\"prev\" href=\"../2023-01-11-old/index.html\">"))
        #expect(middle.contains("<a class=\"next\" rel=\"next\" href=\"../2025-06-01-draft/index.html\">"))
        let oldest = try site.page(Permalinks.release("2023-01-11-old"))
        #expect(!oldest.contains("rel=\"prev\" href=\"../"))
        let other = try site.page(Permalinks.release("2025-02-01-other"))
        #expect(!other.contains("rel=\"next\" href=\"../") && !other.contains("rel=\"prev\" href=\"../"), "alone in its series")
        let series = try site.page(Permalinks.series("nichi-bei-anzen-hosho-kyogi-iinkai"))
        #expect(series.contains("第1回") && series.contains("第0回") && !series.contains("別の会談"))
        let check = try LinkChecker().check(output: site.output)
        #expect(check.broken.isEmpty, "\(check.broken)")
    }
}
