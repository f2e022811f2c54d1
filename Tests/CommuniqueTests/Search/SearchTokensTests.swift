import Foundation
import Testing

@testable import Communique

/// The search index's text postings kept between builds (`SearchTokens`): an index built
/// from what an earlier build kept is the index a build from nothing makes, whatever
/// changed in between, and what is kept is really used.
@Suite struct SearchTokensTests {
    /// The site's index made from nothing, and made again from `kept`.
    static func indexes(_ site: TestSite, kept: SearchTokens?) throws -> (fresh: SearchIndex, reusing: SearchIndex) {
        // A loader that could reuse releases computes their files' keys, which kept tokens need.
        var loader = SiteLoader()
        loader.reuse = { _, _ in nil }
        let source = try loader.load(root: site.root)
        let analysis = SiteAnalyser().analyse(source)
        return (SearchIndex(site: source, analysis: analysis), SearchIndex(site: source, analysis: analysis, kept: kept))
    }

    /// What differs between two indexes, briefly: the fields, and the first tokens whose postings do.
    static func differences(_ a: SearchIndex, _ b: SearchIndex) -> [String] {
        var found: [String] = []
        if a.releases != b.releases { found.append("releases") }
        if a.documents != b.documents { found.append("documents") }
        if a.entries != b.entries { found.append("entries") }
        let tokens = Set(a.postings.keys).union(b.postings.keys).sorted()
        found += tokens.filter { a.postings[$0] != b.postings[$0] }.prefix(5).map { "postings of \($0)" }
        found += Set(a.tokens.postings.keys).union(b.tokens.postings.keys).sorted()
            .filter { a.tokens.postings[$0] != b.tokens.postings[$0] }.prefix(5).map { "kept postings of \($0)" }
        return found
    }

    static func tokens(of site: TestSite) throws -> SearchTokens {
        try indexes(site, kept: nil).fresh.tokens
    }

    static let newRelease = """
        ---
        title: 日米共同発表
        date: "2025-02-07"
        ---

        ## 総論

        (1) 日米両国はサイバー分野の協力を確認した。

        (2) 拉致問題の即時解決を求めた。
        """

    @Test func aNewReleaseIsTheSameIndexAsABuildFromNothing() throws {
        let site = try TestSite.sampleAndMinimal()
        defer { site.remove() }
        let kept = try Self.tokens(of: site)
        try site.write("Content/releases/2025-02-07-new/_index.md", Self.newRelease)
        let (fresh, reusing) = try Self.indexes(site, kept: kept)
        #expect(Self.differences(reusing, fresh) == [])
        #expect(reusing.tokens.releases == fresh.tokens.releases)
        #expect(fresh.releases.last?.id == "2025-02-07-new")
    }

    @Test func aChangedOrRemovedReleaseIsTheSameIndexAsABuildFromNothing() throws {
        let site = try TestSite.sampleAndMinimal()
        defer { site.remove() }
        try site.write("Content/releases/2025-02-07-new/_index.md", Self.newRelease)
        let kept = try Self.tokens(of: site)
        #expect(kept.releases.count == 3)
        // The newest removed: the others keep their numbers, their postings lose its paragraphs.
        let newest = site.root.appendingPathComponent("Content/releases/2025-02-07-new")
        let aside = site.root.appendingPathComponent("new-aside")
        try FileManager.default.moveItem(at: newest, to: aside)
        var (fresh, reusing) = try Self.indexes(site, kept: kept)
        #expect(Self.differences(reusing, fresh) == [])
        #expect(reusing.tokens.releases == fresh.tokens.releases)
        try FileManager.default.moveItem(at: aside, to: newest)
        // The oldest release changed: nothing after it can be kept as numbered.
        let oldest = try #require(kept.releases.first?.id)
        let file = "Content/releases/\(oldest)/_index.md"
        let text = try String(contentsOf: site.root.appendingPathComponent(file), encoding: .utf8)
        try site.write(file, text + "\n\n追加の段落。台湾海峡の平和。\n")
        (fresh, reusing) = try Self.indexes(site, kept: kept)
        #expect(Self.differences(reusing, fresh) == [])
        #expect(reusing.tokens.releases == fresh.tokens.releases)
        #expect(fresh.documents.contains { $0.text.contains("追加の段落") })
    }

    @Test func keptPostingsAreUsedNotRecomputed() throws {
        let site = try TestSite.sampleAndMinimal()
        defer { site.remove() }
        var kept = try Self.tokens(of: site)
        // A token no text has, kept for the first paragraph: only a build that reads what
        // was kept has it.
        kept.postings["keptonly"] = PostingList([0])
        try site.write("Content/releases/2025-02-07-new/_index.md", Self.newRelease)
        let (fresh, reusing) = try Self.indexes(site, kept: kept)
        #expect(fresh.postings["keptonly"] == nil)
        #expect(reusing.postings["keptonly"]?.documents == [0])
        // A release whose key differs is read again: its tokens are not taken.
        kept.releases[0].key = "another"
        #expect(try Self.indexes(site, kept: kept).reusing.postings["keptonly"] == nil)
    }

    @Test func releasesAreKeptUpToTheFirstThatDiffers() {
        let kept = SearchTokens(
            releases: [.init(id: "a", key: "1", documentCount: 2), .init(id: "b", key: "2", documentCount: 3)],
            postings: ["x": PostingList([0, 1, 2, 4]), "y": PostingList([3]), "z": PostingList([1])])
        let all = kept.reusable(for: [("a", "1"), ("b", "2"), ("c", "3")])
        #expect(all.releases == 2 && all.postings == kept.postings)
        let first = kept.reusable(for: [("a", "1"), ("b", "changed")])
        #expect(first.releases == 1)
        #expect(first.postings == ["x": PostingList([0, 1]), "z": PostingList([1])])
        #expect(kept.reusable(for: [("a", nil), ("b", "2")]).releases == 0)
        #expect(kept.reusable(for: [("b", "2")]).releases == 0)
    }

    @Test func theCacheFormatReadsBackAndRefusesDamage() throws {
        let kept = SearchTokens(
            releases: [.init(id: "a", key: "k", documentCount: 40)],
            postings: ["台湾": PostingList([0, 5, 39]), "acm": PostingList([33])])
        var writer = BinaryWriter()
        kept.encode(to: &writer)
        var reader = BinaryReader(writer.bytes)
        #expect(try SearchTokens(from: &reader) == kept)
        #expect(reader.isAtEnd)
        // A list past the kept releases' paragraphs, a digit that is not one, a token twice.
        for postings in [["x": PostingList([40])]] {
            var bad = BinaryWriter()
            SearchTokens(releases: kept.releases, postings: postings).encode(to: &bad)
            var badReader = BinaryReader(bad.bytes)
            #expect(throws: BinaryReader.Malformed.self) { try SearchTokens(from: &badReader) }
        }
        #expect(PostingList(encoded: Array("B!".utf8)) == nil)
        #expect(PostingList(encoded: [SearchFiles.digits[33]]) == nil, "a number cut short")
        #expect(PostingList(encoded: Array("A".utf8)) == nil, "a difference of 0")
        #expect(PostingList(encoded: PostingList([3, 7, 2000]).bytes)?.documents == [3, 7, 2000])
        var twice = BinaryWriter()
        twice.write(1); twice.write("a"); twice.write("k"); twice.write(40)
        twice.write(2)
        for _ in 0..<2 { twice.write("x"); twice.write(bytes: PostingList([1]).bytes) }
        var twiceReader = BinaryReader(twice.bytes)
        #expect(throws: BinaryReader.Malformed.self) { try SearchTokens(from: &twiceReader) }
    }

    /// Builds keep the postings in `.communique/cache/search.tokens`, and a damaged file
    /// there is ignored: the site is the one a build from nothing makes.
    @Test func buildsKeepTheTokensAndIgnoreADamagedFile() throws {
        let site = try TestSite.sampleAndMinimal()
        defer { site.remove() }
        try site.build()
        let file = site.root.appendingPathComponent(".communique/cache/search.tokens")
        let bytes = try #require(FileManager.default.contents(atPath: file.path))
        #expect(bytes.starts(with: Array("communique-search-tokens 1\n".utf8)))
        try site.write("Content/releases/2025-02-07-new/_index.md", Self.newRelease)
        for damage in [Data(bytes.prefix(bytes.count - 3)), Data("not ours".utf8), bytes] {
            try damage.write(to: file)
            try site.build()
            let clean = site.root.appendingPathComponent("Clean")
            _ = try BuildPipeline().run(BuildOptions(root: site.root, output: clean, clean: true))
            #expect(site.snapshot() == site.snapshot(clean))
            try FileManager.default.removeItem(at: clean)
        }
    }
}
