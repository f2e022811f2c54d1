import Foundation
import Testing

@testable import Communique

/// Each release's comparison with the previous meeting is kept in `.communique/cache/<id>.changes`
/// and used again while both releases' files are the same.
@Suite struct ComparisonCacheTests {
    func changesFile(_ site: TestSite, _ id: String) -> URL {
        site.root.appendingPathComponent(".communique/cache/\(id)\(ReleaseCache.changesExtension)")
    }

    func modified(_ url: URL) throws -> Date {
        try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as! Date
    }

    @Test func addingAMeetingComparesOnlyIt() throws {
        let site = try ChangesPageTests.site()
        defer { site.remove() }
        try site.build()
        let kept = changesFile(site, ChangesPageTests.new)
        let before = try modified(kept)
        Thread.sleep(forTimeInterval: 0.02)
        try site.write("Content/releases/2026-01-10-next/_index.md",
            "---\ntitle: 次の会合\ndate: \"2026-01-10\"\nseries: 日米安全保障協議委員会\n---\n\n開催しました。\n")
        try site.build()
        #expect(try modified(kept) == before, "the kept comparison was not made again")
        #expect(FileManager.default.fileExists(atPath: changesFile(site, "2026-01-10-next").path))
    }

    @Test func aKeptComparisonIsUsedAndADamagedOneIgnored() throws {
        let site = try ChangesPageTests.site()
        defer { site.remove() }
        try site.build()
        let page = ChangesPageTests.changes
        let clean = try site.page(page)
        // A kept alignment is what the page shows: one that calls every paragraph new
        // (framed for the same key) proves it is read rather than made again.
        let cache = ReleaseCache(state: site.root.appendingPathComponent(".communique"))
        var loader = SiteLoader()
        loader.reuse = { _, _ in nil }  // so that it works out each release's files key
        let loaded = try loader.load(root: site.root)
        let analysis = SiteAnalyser().analyse(loaded)
        let real = try #require(analysis.comparisons.byRelease[ChangesPageTests.new])
        var forged = real
        forged.entries = real.entries.filter { !$0.new.isEmpty }.map { .init(status: .new, old: [], new: $0.new, runs: $0.runs) }
        let key = ReleaseCache.comparisonKey(
            old: real.old.id, oldKey: loaded.releaseKeys[real.old.id]!, newKey: loaded.releaseKeys[real.new.id]!)
        cache.keepComparison(forged, key: key)
        #expect(cache.comparison(old: real.old, new: real.new, key: key)?.entries == forged.entries)
        try site.write("Content/glossary.yml", try String(contentsOf: site.root.appendingPathComponent("Content/glossary.yml"), encoding: .utf8) + "\n")
        try site.build()
        #expect(!(try site.page(page)).contains("<li id=\"c-4\" class=\"change unchanged"))
        // Damaged (a byte changed): ignored, the comparison made again, the page as a clean build makes it.
        var bytes = try [UInt8](Data(contentsOf: changesFile(site, ChangesPageTests.new)))
        bytes[bytes.count / 2] ^= 0x55
        try Data(bytes).write(to: changesFile(site, ChangesPageTests.new))
        #expect(cache.comparison(old: real.old, new: real.new, key: key) == nil)
        try site.write("Content/glossary.yml", try String(contentsOf: site.root.appendingPathComponent("Content/glossary.yml"), encoding: .utf8) + "\n")
        try site.build()
        #expect(try site.page(page) == clean)
        // Positions that do not fit the releases are refused however well framed.
        var outside = real
        outside.entries[0].new = [.init(section: 99, paragraph: 0)]
        cache.keepComparison(outside, key: key)
        #expect(cache.comparison(old: real.old, new: real.new, key: key) == nil)
    }
}
