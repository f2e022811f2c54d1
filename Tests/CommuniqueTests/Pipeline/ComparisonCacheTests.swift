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

    func lineageFile(_ site: TestSite, _ id: String) -> URL {
        site.root.appendingPathComponent(".communique/cache/\(id)\(ReleaseCache.lineageExtension)")
    }

    @Test func lineageIsKeptAndAddingAMeetingTracesOnlyIt() throws {
        let site = try ChangesPageTests.site()
        defer { site.remove() }
        try site.build()
        let older = try modified(lineageFile(site, ChangesPageTests.old)), newer = try modified(lineageFile(site, ChangesPageTests.new))
        Thread.sleep(forTimeInterval: 0.02)
        try site.write("Content/releases/2026-01-10-next/_index.md",
            "---\ntitle: 次の会合\ndate: \"2026-01-10\"\nseries: 日米安全保障協議委員会\n---\n\n日米双方は、北朝鮮による弾道ミサイル発射の継続を最も強い言葉で非難しました。\n")
        try site.build()
        #expect(try modified(lineageFile(site, ChangesPageTests.old)) == older && modified(lineageFile(site, ChangesPageTests.new)) == newer)
        #expect(FileManager.default.fileExists(atPath: lineageFile(site, "2026-01-10-next").path))
        let clean = site.root.appendingPathComponent("Clean")
        try BuildPipeline().run(BuildOptions(root: site.root, output: clean, clean: true))
        #expect(site.snapshot() == site.snapshot(clean), "the build with kept lineages differs from a clean build")
        // The newest meeting's sentence is the 2025 one word for word, a rewording of 2024's:
        // its line began in 2024, which the kept lineage of 2025 says.
        #expect(try site.page("releases/2026-01-10-next/index.html").contains("2024年7月28日から・変わらず"))
    }

    @Test func aKeptLineageIsUsedAndADamagedOneIgnored() throws {
        let site = try ChangesPageTests.site()
        defer { site.remove() }
        try site.build()
        let page = "releases/\(ChangesPageTests.new)/chiiki-josei/index.html"
        let clean = try site.page(page)
        var loader = SiteLoader()
        loader.reuse = { _, _ in nil }
        let loaded = try loader.load(root: site.root)
        let analysis = SiteAnalyser().analyse(loaded)
        let side = ReleaseComparison.Side(release: loaded.release(withID: ChangesPageTests.new)!, analysis: analysis)
        let key = SentenceLineage.key([ChangesPageTests.old, ChangesPageTests.new].map { ($0, loaded.releaseKeys[$0]!) })
        let cache = ReleaseCache(state: site.root.appendingPathComponent(".communique"))
        let real = try #require(cache.lineage(of: side, key: key))
        #expect(real == analysis.comparisons.lineage[ChangesPageTests.new])
        // A kept lineage that calls every sentence new is what the page shows: it was read.
        var forged = real
        forged.paragraphs = real.paragraphs.mapValues { $0.map { SentenceLineage.Sentence(text: $0.text, origin: nil) } }
        cache.keepLineage(forged, id: ChangesPageTests.new, key: key)
        // (Its pages' keys hold the lineage's key, the same: the output and its manifest go,
        // so that every page is rendered from what the build reads.)
        func renderAgain() throws {
            try FileManager.default.removeItem(at: site.output)
            try FileManager.default.removeItem(at: site.root.appendingPathComponent(".communique/manifest-Public"))
            try site.build()
        }
        try renderAgain()
        #expect(!(try site.page(page)).contains("から・"))
        // Damaged: ignored, traced again, the page as before.
        var bytes = try [UInt8](Data(contentsOf: lineageFile(site, ChangesPageTests.new)))
        bytes[bytes.count / 2] ^= 0x55
        try Data(bytes).write(to: lineageFile(site, ChangesPageTests.new))
        try renderAgain()
        #expect(try site.page(page) == clean)
        // A lineage naming paragraphs the release does not have is refused.
        var foreign = real
        foreign.paragraphs[ParagraphRef(page: PageKey(release: "other", section: ""), anchor: "x")] = []
        cache.keepLineage(foreign, id: ChangesPageTests.new, key: key)
        #expect(cache.lineage(of: side, key: key) == nil)
    }
}
