import Foundation
import Testing

@testable import Communique

/// The per-release cache: what Load and Analyse made of a release is reused by the next
/// build while the release's files and settings are the same, and never otherwise.
@Suite struct ReleaseCacheTests {
    /// A build that renders everything (one that finds nothing changed would not run at all).
    func fullBuild(_ site: TestSite) throws {
        var options = BuildOptions(root: site.root)
        options.clean = true
        _ = try BuildPipeline().run(options)
    }

    func cache(_ site: TestSite) -> ReleaseCache {
        ReleaseCache(state: site.root.appendingPathComponent(".communique"))
    }

    func cacheFile(_ site: TestSite, _ id: String) -> URL {
        site.root.appendingPathComponent(".communique/cache/\(id)\(ReleaseCache.fileExtension)")
    }

    /// Loads the site as a build would with a cache, counting the releases taken from it.
    func load(_ site: TestSite) throws -> (source: SiteSource, analysis: Analysis, kept: Int) {
        let reuse = ReleaseReuse(cache: cache(site), readsKept: true)
        let kept = Counter()
        var loader = SiteLoader()
        loader.reuse = { id, key in
            let release = reuse.release(id: id, key: key)
            if release != nil { kept.add() }
            return release
        }
        let source = try loader.load(root: site.root)
        var analyser = SiteAnalyser()
        analyser.reuse = { reuse.analysis(of: $0, key: $1) }
        return (source, analyser.analyse(source), kept.value)
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    @Test func anEntryReadsBackAsItWasWritten() throws {
        let site = try TestSite.sampleAndMinimal()
        defer { site.remove() }
        let source = try SiteLoader().load(root: site.root)
        let analysis = SiteAnalyser().analyse(source)
        for release in source.releases {
            let extractor = TermExtractor(reader: nil)
            let analysed = ReleaseAnalysis(release, options: .init(), extractor: extractor)
            let entry = ReleaseCache.Entry(key: "k", release: release, analysis: analysed)
            let decoded = try ReleaseCache.decode(ReleaseCache.encode(entry), id: release.id, key: "k")
            #expect(decoded == entry)
            #expect(decoded?.analysis.body == analysis.releaseBodies[release.id])
            #expect(!analysed.body.blocks.isEmpty && analysed.sections.allSatisfy { !$0.blocks.isEmpty })
        }
        #expect(source.releases.count == 2)
    }

    @Test func aSecondBuildTakesEveryUnchangedReleaseFromTheCacheAndGetsTheSameAnalysis() throws {
        let site = try TestSite.sampleAndMinimal()
        defer { site.remove() }
        try site.build()
        #expect(FileManager.default.fileExists(atPath: cacheFile(site, "2024-07-28-test").path))
        let fresh = SiteAnalyser().analyse(try SiteLoader().load(root: site.root))
        let kept = try load(site)
        #expect(kept.kept == 2)
        #expect(kept.analysis.releaseBodies.mapValues(\.blocks) == fresh.releaseBodies.mapValues(\.blocks))
        #expect(kept.analysis.sections.mapValues(\.blocks) == fresh.sections.mapValues(\.blocks))
        #expect(kept.analysis.glossary.entries.map(\.term) == fresh.glossary.entries.map(\.term))
        #expect(kept.source.releases == (try SiteLoader().load(root: site.root)).releases)
    }

    @Test func aChangedReleaseIsReadAgainAndOthersAreNot() throws {
        let site = try TestSite.sampleAndMinimal()
        defer { site.remove() }
        try site.build()
        try site.replace(in: "Content/releases/2024-07-28-test/01-soron.md", "(3)米側は表明した。", with: "(3)米側は強く表明した。")
        let loaded = try load(site)
        #expect(loaded.kept == 1)
        let key = PageKey(release: "2024-07-28-test", section: "soron")
        #expect(loaded.analysis.sections[key]?.blocks.last?.plainText == "(3)米側は強く表明した。")
    }

    @Test(arguments: ["language: en", "allow_raw_html: true", "topics"])
    func aChangedSettingReadsEveryReleaseAgain(_ change: String) throws {
        let site = try TestSite.sampleAndMinimal()
        defer { site.remove() }
        try site.build()
        if change == "topics" {
            try site.write("Content/topics.yml", "- id: other\n  title: 別の話題\n")
        } else {
            let settings = try String(contentsOf: site.root.appendingPathComponent("Content/site.yml"), encoding: .utf8)
            try site.write("Content/site.yml", settings.replacingOccurrences(of: "language: ja\n", with: "") + change + "\n")
        }
        #expect(try load(site).kept == 0)
    }

    @Test func damagedShortForeignOrStaleFilesAreIgnoredAndReplaced() throws {
        let site = try TestSite.sampleAndMinimal()
        defer { site.remove() }
        try site.build()
        let file = cacheFile(site, "2024-07-28-test")
        let good = try [UInt8](Data(contentsOf: file))
        var flipped = good
        flipped[good.count / 2] ^= 0x20
        // Another release's entry: its id inside is not the file's.
        let otherRelease = try [UInt8](Data(contentsOf: cacheFile(site, "2024-07-28-japan-us-2plus2")))
        let cases: [(String, [UInt8])] = [
            ("one byte changed", flipped), ("cut short", Array(good.prefix(good.count - 20))), ("empty", []),
            ("not ours", Array("hello".utf8)), ("another release's", otherRelease),
        ]
        for (name, bytes) in cases {
            try Data(bytes).write(to: file)
            #expect(try load(site).kept == 1, "\(name): taken from the cache")
            // The next build (something else changed) reads the release again and keeps it.
            let glossary = try String(contentsOf: site.root.appendingPathComponent("Content/glossary.yml"), encoding: .utf8)
            try site.write("Content/glossary.yml", glossary + "# \(name)\n")
            try site.build()
            #expect(try [UInt8](Data(contentsOf: file)) == good, "\(name): not replaced")
        }
    }

    @Test func everyDamageToAnEntryIsRefusedWithoutACrash() throws {
        let site = try TestSite.sampleAndMinimal()
        defer { site.remove() }
        try site.build()
        let good = try [UInt8](Data(contentsOf: cacheFile(site, "2024-07-28-japan-us-2plus2")))
        let key = try #require(try load(site).source.releaseKeys["2024-07-28-japan-us-2plus2"])
        #expect(try ReleaseCache.decode(good, id: "2024-07-28-japan-us-2plus2", key: key) != nil)
        #expect(try ReleaseCache.decode(good, id: "2024-07-28-japan-us-2plus2", key: key + "0") == nil, "another key")
        #expect(try ReleaseCache.decode(good, id: "2024-07-28-test", key: key) == nil, "another release")
        // Every cut, and a changed byte at many places: refused (the checksum), never a crash.
        var generator = SystemRandomNumberGenerator()
        for length in stride(from: 0, to: good.count, by: max(1, good.count / 300)) {
            #expect((try? ReleaseCache.decode(Array(good.prefix(length)), id: "2024-07-28-japan-us-2plus2", key: key)) ?? nil == nil)
        }
        for _ in 0..<300 {
            var bytes = good
            bytes[Int.random(in: ReleaseCache.magic.count..<bytes.count, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator)
            #expect((try? ReleaseCache.decode(bytes, id: "2024-07-28-japan-us-2plus2", key: key)) ?? nil == nil)
        }
    }

    /// Malformed payloads with a right checksum (as a bug or a hand could make): the reader
    /// refuses them rather than trusting counts or kinds.
    @Test func aMalformedPayloadIsRefusedEvenWithItsChecksum() throws {
        for payload in [[UInt8](repeating: 0xFF, count: 40), [0x7F], [0x02, 0x10, 0x41]] {
            var file = BinaryWriter()
            file.write("k")
            file.write(payload.count)
            var checksum = StableHasher()
            checksum.combine(bytes: payload)
            let bytes = ReleaseCache.magic + file.bytes + payload + Array(checksum.hex.utf8)
            #expect((try? ReleaseCache.decode(bytes, id: "x", key: "k")) ?? nil == nil)
        }
    }

    @Test func aLinkInPlaceOfTheCacheIsNeitherReadNorWrittenThrough() throws {
        let site = try TestSite.sampleAndMinimal()
        defer { site.remove() }
        let elsewhere = try TestSite([:], templates: false)
        defer { elsewhere.remove() }
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent(".communique"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent(".communique/cache"), withDestinationURL: elsewhere.root)
        try site.build()
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.root.path).isEmpty, "written through the link")
        #expect(try load(site).kept == 0)

        // A link in place of one release's file is not followed either.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".communique/cache"))
        try fullBuild(site)
        let file = cacheFile(site, "2024-07-28-test")
        let copy = elsewhere.root.appendingPathComponent("copy")
        try FileManager.default.moveItem(at: file, to: copy)
        try FileManager.default.createSymbolicLink(at: file, withDestinationURL: copy)
        #expect(try load(site).kept == 1)
    }

    @Test func theCacheForgetsReleasesTheSiteNoLongerHas() throws {
        let site = try TestSite.sampleAndMinimal()
        defer { site.remove() }
        try site.build()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/releases/2024-07-28-test"))
        try site.build()
        #expect(!FileManager.default.fileExists(atPath: cacheFile(site, "2024-07-28-test").path))
        #expect(FileManager.default.fileExists(atPath: cacheFile(site, "2024-07-28-japan-us-2plus2").path))
    }

    /// Links the loaded site as a build would with a cache, counting releases whose links were kept.
    func link(_ site: TestSite) throws -> (graph: LinkGraph, kept: Int, loaded: (source: SiteSource, analysis: Analysis, kept: Int)) {
        let loaded = try load(site)
        let reuse = ReleaseReuse(cache: cache(site), readsKept: true)
        var kept = 0
        var linker = SiteLinker()
        linker.reuse = { release in
            let links = reuse.links(of: release, site: loaded.source, analysis: loaded.analysis)
            if links != nil { kept += 1 }
            return links
        }
        return (linker.link(loaded.source, loaded.analysis), kept, loaded)
    }

    func uses(_ graph: LinkGraph) -> [String] {
        graph.backlinks.keys.sorted().flatMap { entry in
            graph.backlinks[entry]!.map { "\(entry) \($0.paragraph.page.release)/\($0.paragraph.page.section)#\($0.paragraph.anchor) \($0.snippet)" }
        }
    }

    @Test func theLinksOfAnUnchangedReleaseAreKeptWhileTheGlossaryIsTheSame() throws {
        let site = try TestSite.sampleAndMinimal()
        defer { site.remove() }
        try site.build()
        let kept = try link(site)
        #expect(kept.kept == 2)
        let fresh = SiteLinker().link(kept.loaded.source, kept.loaded.analysis)
        #expect(kept.graph.blockHTML == fresh.blockHTML)
        #expect(uses(kept.graph) == uses(fresh) && !uses(fresh).isEmpty)
        #expect(kept.graph.termsOnPage == fresh.termsOnPage)
        #expect(kept.graph.related == fresh.related)

        // A new glossary term: every release is linked again, and finds it.
        let glossary = try String(contentsOf: site.root.appendingPathComponent("Content/glossary.yml"), encoding: .utf8)
        try site.write("Content/glossary.yml", glossary + "\n- term: 細目\n  definition: 細かい項目。\n")
        let relinked = try link(site)
        #expect(relinked.kept == 0)
        #expect(relinked.graph.blockHTML[PageKey(release: "2024-07-28-test", section: "soron")]?.contains { $0.contains("細目</a>") } == true)
    }

    @Test func keptLinksThatDoNotFitTheReleasesPagesAreIgnored() throws {
        let site = try TestSite.sampleAndMinimal()
        defer { site.remove() }
        try site.build()
        let loaded = try load(site)
        let release = try #require(loaded.source.release(withID: "2024-07-28-japan-us-2plus2"))
        let key = try #require(loaded.source.releaseKeys[release.id]) + loaded.analysis.glossary.formsKey
        let pages = ReleaseLinks.pages(of: release, in: loaded.analysis).map(\.page)
        let good = try #require(cache(site).links(id: release.id, key: key, pages: pages))
        #expect(!good.uses.isEmpty)
        let file = site.root.appendingPathComponent(".communique/cache/\(release.id)\(ReleaseCache.linksExtension)")
        var bad: [ReleaseLinks] = []
        for change in 0..<4 {
            var links = good
            switch change {
            case 0: links.uses[0].block = 999
            case 1: links.uses[0].run = 999
            case 2: links.html.removeLast()
            default: links.uses[0].scalarRange = 0..<100_000
            }
            bad.append(links)
        }
        for links in bad {
            var payload = BinaryWriter()
            links.encode(to: &payload)
            try Data(ReleaseCache.frame(payload.bytes, magic: ReleaseCache.linksMagic, key: key)).write(to: file)
            #expect(cache(site).links(id: release.id, key: key, pages: pages) == nil)
        }
        // Damaged bytes, and another glossary's key: ignored too.
        var payload = BinaryWriter()
        good.encode(to: &payload)
        var framed = ReleaseCache.frame(payload.bytes, magic: ReleaseCache.linksMagic, key: key)
        try Data(framed).write(to: file)
        #expect(cache(site).links(id: release.id, key: key, pages: pages) == good)
        #expect(cache(site).links(id: release.id, key: key + "x", pages: pages) == nil)
        framed[framed.count / 2] ^= 1
        try Data(framed).write(to: file)
        #expect(cache(site).links(id: release.id, key: key, pages: pages) == nil)
    }
}
