import Foundation
import Testing

@testable import Communique

/// Each kind of change rewrites exactly the files whose bytes must change, leaves every
/// other file as it was (same inode, same mtime), and gives the same site as a clean build.
@Suite struct IncrementalBuildTests {
    /// The HTML pages of the built site (the rest are assets, feeds and robots.txt).
    func htmlPages(_ site: TestSite) -> Int {
        SiteFiles.walk(site.output).filter { $0.hasSuffix(".html") }.count
    }

    struct FileState: Equatable {
        var inode: UInt64
        var modified: Date
        var bytes: Data
    }

    func states(_ folder: URL) throws -> [String: FileState] {
        var result: [String: FileState] = [:]
        for path in SiteFiles.walk(folder) {
            let url = folder.appendingPathComponent(path)
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            result[path] = FileState(
                inode: (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0,
                modified: attributes[.modificationDate] as? Date ?? .distantPast,
                bytes: try Data(contentsOf: url))
        }
        return result
    }

    /// Builds, applies `change`, builds again; checks the rewritten set and the clean-build equality.
    @discardableResult
    func check(
        setup: (TestSite) throws -> Void = { _ in }, _ change: (TestSite) throws -> Void
    ) throws -> (BuildReport, Set<String>, pages: Int) {
        let site = try TestSite.sampleAndMinimal()
        defer { site.remove() }
        try setup(site)
        try site.build()
        let before = try states(site.output)
        Thread.sleep(forTimeInterval: 0.02)
        try change(site)
        let report = try site.build()
        let after = try states(site.output)

        let mustChange = Set(before.keys).union(after.keys).filter { before[$0]?.bytes != after[$0]?.bytes }
        let rewritten = Set(before.keys).union(after.keys).filter { path in
            guard let old = before[path], let new = after[path] else { return true }
            return old.inode != new.inode || old.modified != new.modified
        }
        #expect(rewritten == mustChange, "rewritten but unchanged: \(rewritten.subtracting(mustChange).sorted()); changed but not rewritten: \(mustChange.subtracting(rewritten).sorted())")

        let clean = site.root.appendingPathComponent("Clean")
        try BuildPipeline().run(BuildOptions(root: site.root, output: clean, clean: true))
        #expect(site.snapshot() == site.snapshot(clean), "the incremental build differs from a clean build")
        return (report, mustChange, htmlPages(site))
    }

    @Test func addingARelease() throws {
        let (report, changed, _) = try check { site in
            try site.write("Content/releases/2024-08-01-new/_index.md", "---\ntitle: 新しい発表\ndate: \"2024-08-01\"\n---\n\n尖閣諸島について。\n")
            try site.write("Content/releases/2024-08-01-new/01-a.md", "---\ntitle: 総論\nslug: soron\n---\n\n(1)台湾海峡の平和。\n")
        }
        #expect(changed.contains("releases/2024-08-01-new/soron/index.html"))
        #expect(changed.contains("index.html") && changed.contains("topics/taiwan/index.html"))
        #expect(!changed.contains("releases/2024-07-28-japan-us-2plus2/beigun-no-taisei/index.html"))
        #expect(report.rendered < report.pages / 2, "\(report.rendered) of \(report.pages) pages rendered")
        // Search: the newest release's paragraphs take the next numbers; the others' files stay as they were.
        #expect(changed.contains("search/d/2024-08-01-new.js") && changed.contains("search/meta.js"))
        #expect(!changed.contains("search/d/2024-07-28-japan-us-2plus2.js") && !changed.contains("search/d/2024-07-28-test.js"))
    }

    @Test func editingAParagraph() throws {
        let (report, changed, _) = try check { site in
            try site.replace(in: "Content/releases/2024-07-28-test/02-chiiki-josei.md", "(1)日米双方は一致しました。", with: "(1)日米双方は完全に一致しました。")
        }
        #expect(changed.contains("releases/2024-07-28-test/chiiki-josei/index.html"))
        #expect(changed.contains("releases/2024-07-28-test/all/index.html"))
        #expect(!changed.contains("releases/2024-07-28-japan-us-2plus2/soron/index.html"))
        #expect(report.rendered <= 4, "\(report.rendered) pages rendered")
    }

    /// The cache as another version of Communique left it (other keys, other contents), or
    /// cut short, is not trusted: the build still equals a clean one.
    @Test func aCacheFromAnotherVersionOrCutShortStillGivesTheCleanBuild() throws {
        let (report, changed, _) = try check { site in
            let cache = site.root.appendingPathComponent(".communique/cache")
            let test = cache.appendingPathComponent("2024-07-28-test\(ReleaseCache.fileExtension)")
            let bytes = try [UInt8](Data(contentsOf: test))
            try Data(bytes.prefix(bytes.count / 2)).write(to: test)
            // The sample's entry and links, their text changed, under a key another program made.
            let sample = "2024-07-28-japan-us-2plus2"
            let file = cache.appendingPathComponent(sample + ReleaseCache.fileExtension)
            let source = try SiteLoader().load(root: site.root)
            let release = try #require(source.release(withID: sample))
            let original = try [UInt8](Data(contentsOf: file))
            var header = BinaryReader(original, from: ReleaseCache.magic.count)
            let key = try header.string()
            var entry = try #require(try ReleaseCache.decode(original, id: sample, key: key))
            entry.key = "another program"
            entry.release.title = "古い版のタイトル"
            entry.analysis.terms = []
            try Data(ReleaseCache.encode(entry)).write(to: file)
            #expect(release.title != entry.release.title)
            var links = BinaryWriter()
            ReleaseLinks(html: [], uses: []).encode(to: &links)
            try Data(ReleaseCache.frame(links.bytes, magic: ReleaseCache.linksMagic, key: "another program"))
                .write(to: cache.appendingPathComponent(sample + ReleaseCache.linksExtension))
            try site.replace(in: "Content/releases/2024-07-28-test/02-chiiki-josei.md", "(1)日米双方は一致しました。", with: "(1)日米双方は完全に一致しました。")
        }
        #expect(changed.contains("releases/2024-07-28-test/chiiki-josei/index.html"))
        #expect(report.rendered <= 4, "\(report.rendered) pages rendered")
    }

    @Test func editingAGlossaryEntry() throws {
        let (_, changed, _) = try check { site in
            try site.replace(in: "Content/glossary.yml", "definition: 九州の南から台湾の東にかけて", with: "definition: 九州南端から台湾の東にかけて")
        }
        #expect(changed.contains("glossary/index.html"))
        // 南西諸島 is linked (with its definition) in these pages only.
        #expect(changed.contains("releases/2024-07-28-japan-us-2plus2/chiiki-josei/index.html"))
        #expect(!changed.contains("releases/2024-07-28-japan-us-2plus2/beigun-no-taisei/index.html"))
        #expect(!changed.contains("topics/taiwan/index.html"))
    }

    @Test func editingATemplate() throws {
        let (report, changed, _) = try check { site in
            try site.replace(in: "Templates/topic.mustache", "<article class=\"topic-page\">", with: "<article class=\"topic-page edited\">")
        }
        #expect(changed.contains("topics/taiwan/index.html"))
        #expect(!changed.contains("index.html"))
        let topicPages = changed.filter { $0.hasPrefix("topics/") && $0 != "topics/index.html" }.count
        #expect(report.rendered == topicPages, "only the pages made with topic.mustache are rendered again")
    }

    @Test func removingARelease() throws {
        let (report, changed, _) = try check { site in
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/releases/2024-07-28-test"))
        }
        #expect(changed.contains("releases/2024-07-28-test/soron/index.html"))
        // Its own page, two section pages, its full text, and its paragraphs in the search index.
        #expect(report.write.removed == 5)
        #expect(changed.contains("search/d/2024-07-28-test.js"))
        #expect(!changed.contains("releases/2024-07-28-japan-us-2plus2/beigun-no-taisei/index.html"))
    }

    @Test func editingTheBaseLayoutRendersEveryPage() throws {
        let (report, _, pages) = try check { site in
            try site.replace(in: "Templates/base.mustache", "<main id=\"main\">", with: "<main id=\"main\" class=\"edited\">")
        }
        #expect(report.rendered == pages, "every page extends base")
    }

    @Test func editingSiteConfigRendersWhatUsesIt() throws {
        let (report, changed, pages) = try check { site in
            try site.replace(in: "Content/site.yml", "title: 日米安全保障 声明アーカイブ", with: "title: 日米安全保障 声明集")
        }
        #expect(changed.contains("index.html") && changed.contains("topics/taiwan/index.html"))
        #expect(report.rendered == pages)
    }

    // A release's pages are kept without building their contexts when the hash of
    // their inputs is unchanged (`ReleaseInputs`). The tests below change inputs that
    // come from outside the release; each would fail (a stale page, unlike the clean
    // build's) if that input were missing from the hash.

    @Test func retitlingATopicRewritesItsChipsOnReleasePages() throws {
        let (_, changed, _) = try check { site in
            try site.replace(in: "Content/topics.yml", "title: 中国\n", with: "title: 中国情勢\n")
        }
        #expect(changed.contains("releases/2024-07-28-japan-us-2plus2/chiiki-josei/index.html"))
        #expect(!changed.contains("releases/2024-07-28-japan-us-2plus2/soron/index.html"))
    }

    @Test func aNewGlossaryTermIsLinkedInTheReleasesThatUseIt() throws {
        let (_, changed, _) = try check { site in
            let glossary = try site.page("Content/glossary.yml", in: site.root)
            try site.write("Content/glossary.yml", glossary + "\n- term: 四閣僚\n  reading: よんかくりょう\n  definition: 日米の外務・防衛の四大臣。\n")
        }
        #expect(changed.contains("releases/2024-07-28-japan-us-2plus2/chiiki-josei/index.html"))
        #expect(changed.contains("glossary/index.html"))
        #expect(!changed.contains("releases/2024-07-28-japan-us-2plus2/soron/index.html"), "soron never says 四閣僚")
    }

    @Test func anotherReleaseSharingARareTermJoinsARelatedList() throws {
        let page = "releases/2024-07-28-japan-us-2plus2/domei-no-gendaika/index.html"
        let (_, changed, _) = try check { site in
            try site.replace(
                in: "Content/releases/2024-07-28-test/02-chiiki-josei.md", "(1)日米双方は一致しました。",
                with: "(1)日米双方は日米共同情報分析組織について一致しました。")
        }
        #expect(changed.contains(page), "the sample's BIAC paragraph lists the new one as related")
    }

    @Test func retitlingAReleaseRenamesItInOtherReleasesRelatedLists() throws {
        let page = "releases/2024-07-28-japan-us-2plus2/domei-no-gendaika/index.html"
        let (_, changed, _) = try check(setup: { site in
            try site.replace(
                in: "Content/releases/2024-07-28-test/02-chiiki-josei.md", "(1)日米双方は一致しました。",
                with: "(1)日米双方は日米共同情報分析組織について一致しました。")
        }) { site in
            try site.replace(in: "Content/releases/2024-07-28-test/_index.md", "title: 日米安全保障協議委員会(「2+2」)を実施(7月28日)", with: "title: 別の発表")
        }
        #expect(changed.contains(page))
    }

    @Test func aNewMeetingOfASeriesIsLinkedFromThePreviousOne() throws {
        let (_, changed, _) = try check { site in
            try site.write(
                "Content/releases/2025-01-10-next/_index.md",
                "---\ntitle: 次の会合\ndate: \"2025-01-10\"\nseries: 日米安全保障協議委員会\n---\n\n開催しました。\n")
            try site.write("Content/releases/2025-01-10-next/01-a.md", "---\ntitle: 総論\nslug: soron\n---\n\n(1)確認しました。\n")
        }
        #expect(changed.contains("releases/2024-07-28-japan-us-2plus2/index.html"), "its series pager gains a next meeting")
    }

    @Test func aNewMeetingGetsAChangesPageAndTheOneInsertedBeforeItChangesIt() throws {
        func meeting(_ site: TestSite, _ id: String, _ date: String, _ sentence: String) throws {
            try site.write(
                "Content/releases/\(id)/_index.md",
                "---\ntitle: 会合 \(date)\ndate: \"\(date)\"\nseries: 日米安全保障協議委員会\n---\n\n開催しました。\n")
            try site.write("Content/releases/\(id)/01-a.md", "---\ntitle: 総論\nslug: soron\n---\n\n(1)\(sentence)\n")
        }
        let (_, added, _) = try check { try meeting($0, "2025-07-01-last", "2025-07-01", "日米双方は同盟の強化を確認しました。") }
        #expect(added.contains("releases/2025-07-01-last/changes/index.html"))
        #expect(!added.contains("releases/2024-07-28-japan-us-2plus2/changes/index.html"))
        // A meeting between the two: the last one is now compared with it.
        let (_, inserted, _) = try check(setup: { try meeting($0, "2025-07-01-last", "2025-07-01", "日米双方は同盟の強化を確認しました。") }) {
            try meeting($0, "2025-01-10-middle", "2025-01-10", "日米双方は同盟の強化を再確認しました。")
        }
        #expect(inserted.contains("releases/2025-07-01-last/changes/index.html"))
        #expect(inserted.contains("releases/2025-01-10-middle/changes/index.html"))
    }

    @Test func addingTheChangesTemplateLinksEveryPageThatHasOne() throws {
        let (_, changed, _) = try check(setup: { site in
            try site.write(
                "Content/releases/2025-07-01-last/_index.md",
                "---\ntitle: 次の会合\ndate: \"2025-07-01\"\nseries: 日米安全保障協議委員会\n---\n\n開催しました。\n")
            try FileManager.default.moveItem(
                at: site.root.appendingPathComponent("Templates/changes.mustache"), to: site.root.appendingPathComponent("changes.mustache"))
        }) { site in
            try FileManager.default.moveItem(
                at: site.root.appendingPathComponent("changes.mustache"), to: site.root.appendingPathComponent("Templates/changes.mustache"))
        }
        #expect(changed.contains("releases/2025-07-01-last/changes/index.html"))
        #expect(changed.contains("releases/2025-07-01-last/index.html"), "its page links to its changes page")
    }

    @Test func rewordingAMentionRewritesItsLineOnTopicAndGlossaryPages() throws {
        // Same length: the matches stay where they were, only the words around them change.
        let (_, changed, _) = try check { site in
            try site.replace(
                in: "Content/releases/2024-07-28-japan-us-2plus2/02-chiiki-josei.md", "(2)日米双方は、尖閣諸島", with: "(2)日米両国は、尖閣諸島")
        }
        #expect(changed.contains("topics/china/index.html"))
        #expect(changed.contains("glossary/senkaku-islands/index.html"))
    }

    @Test func aNewYearIsAddedToTheYearLinksOfOlderYearsPages() throws {
        func release(_ date: String) -> (index: String, section: String) {
            ("---\ntitle: \(date)の発表\ndate: \"\(date)\"\n---\n\n開催しました。\n",
             "---\ntitle: 総論\nslug: soron\n---\n\n(1)尖閣諸島と台湾海峡の平和。\n")
        }
        let (_, changed, _) = try check(setup: { site in
            let old = release("2023-05-01")
            try site.write("Content/releases/2023-05-01-old/_index.md", old.index)
            try site.write("Content/releases/2023-05-01-old/01-a.md", old.section)
        }) { site in
            let new = release("2025-05-01")
            try site.write("Content/releases/2025-05-01-new/_index.md", new.index)
            try site.write("Content/releases/2025-05-01-new/01-a.md", new.section)
        }
        #expect(changed.contains("topics/taiwan/2023/index.html"), "its year links gain 2025")
        #expect(changed.contains("glossary/senkaku-islands/2023/index.html"))
    }

    @Test func cleanRendersEverything() throws {
        let site = try TestSite.sampleAndMinimal()
        defer { site.remove() }
        try site.build()
        let again = try BuildPipeline().run(BuildOptions(root: site.root, clean: true))
        #expect(again.rendered == htmlPages(site))
        #expect(again.write.written == 0)
    }
}
