import Foundation
import Testing

@testable import Communique

/// `releases/<id>/changes/`: the sample and a later meeting of its series made from it
/// (a word changed, a sentence added, a paragraph removed, one added), built as a site.
@Suite struct ChangesPageTests {
    static let old = "2024-07-28-japan-us-2plus2"
    static let new = "2025-07-20-japan-us-2plus2"
    static let changes = "releases/\(new)/changes/index.html"

    /// The sample site and its next meeting; `edit` changes the new release's files further.
    static func site(language: String? = nil, edit: (TestSite) throws -> Void = { _ in }) throws -> TestSite {
        let site = try TestSite([:])
        let content = TestSite.repository.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("Content/releases"), withIntermediateDirectories: true)
        for name in ["site.yml", "glossary.yml", "topics.yml", "releases/\(old)"] {
            try FileManager.default.copyItem(
                at: content.appendingPathComponent(name), to: site.root.appendingPathComponent("Content/\(name)"))
        }
        try FileManager.default.copyItem(
            at: content.appendingPathComponent("releases/\(old)"), to: site.root.appendingPathComponent("Content/releases/\(new)"))
        let folder = "Content/releases/\(new)"
        try site.replace(in: "\(folder)/_index.md", "date: \"2024-07-28\"", with: "date: \"2025-07-20\"")
        try site.replace(in: "\(folder)/_index.md", "(7月28日)", with: "(7月20日)")
        let region = "\(folder)/02-chiiki-josei.md"
        try site.replace(in: region, "発射の継続を強く非難しました", with: "発射の継続を最も強い言葉で非難しました")
        try site.replace(
            in: region, "(5)日米双方は、ロシアによるウクライナ侵略を強く非難しました。",
            with: "(5)日米双方は、ロシアによるウクライナ侵略を強く非難しました。日米双方は、&lt;script&gt;公正な平和&lt;/script&gt;を支持しました。")
        let text = try String(contentsOf: site.root.appendingPathComponent(region), encoding: .utf8)
        let removed = text.split(separator: "\n", omittingEmptySubsequences: false).first { $0.hasPrefix("(2)日米双方は、尖閣諸島") }!
        try site.replace(in: region, String(removed) + "\n", with: "")
        try site.write(region, try String(contentsOf: site.root.appendingPathComponent(region), encoding: .utf8)
            + "\n(9)日米双方は、宇宙空間における協力を深化させることで一致しました。\n")
        if let language {
            try site.replace(in: "Content/site.yml", "language: ja", with: "language: \(language)")
        }
        try edit(site)
        return site
    }

    @Test func theNewerMeetingHasAChangesPageWithEachParagraphsStatusAndDiff() throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.build()
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("releases/\(Self.old)/changes").path))
        let page = try site.page(Self.changes)
        // The changed words, marked with text as well as colour.
        #expect(page.contains("継続を<del><span class=\"diff-mark\">[削除: </span>強く<span class=\"diff-mark\">]</span></del>"
            + "<ins><span class=\"diff-mark\">[追加: </span>最も強い言葉で<span class=\"diff-mark\">]</span></ins>非難"))
        // Statement text is data: the added sentence's `<script>` (written as entities in the
        // Markdown, so it is text) comes out escaped.
        #expect(page.contains("&lt;script&gt;公正な平和&lt;/script&gt;"))
        #expect(!page.contains("<script>公正な平和"))
        // Each status, in the order of the new release; the removed paragraph where it stood.
        let text = HTMLText.of(page)
        let order = ["地域情勢 (1)", "削除 前回: 地域情勢 (2)", "変更なし 地域情勢 (3)", "変更 地域情勢 (4)", "新規 新しい文言あり 地域情勢 (9)"]
        let places = order.map { text.range(of: $0)?.lowerBound }
        #expect(!places.contains(nil), "\(order.filter { !text.contains($0) })")
        #expect(places.compactMap { $0 } == places.compactMap { $0 }.sorted())
        // An unchanged paragraph is named and linked, not repeated.
        #expect(!text.contains("台湾に関する両国の基本的な立場に変更はない"))
        // The counterpart links go to the old release's paragraphs.
        #expect(page.contains("href=\"../../\(Self.old)/chiiki-josei/index.html#sec_2__para_2\">地域情勢 (2)</a>"))
        // The summary: 地域情勢 has 2 changed, 1 new, 1 removed, 3 unchanged.
        #expect(page.contains("<tr><th scope=\"row\"><a href=\"#s-chiiki-josei\">地域情勢</a></th><td>2</td><td>0</td><td>0</td><td>1</td><td>1</td><td>3</td></tr>"))
        // The topics those paragraphs are about, linked.
        #expect(page.contains("<a href=\"../../../topics/north-korea/index.html\">北朝鮮</a>"))
    }

    @Test func releaseSectionAndSeriesPagesLinkToIt() throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.build()
        #expect(try site.page("releases/\(Self.new)/index.html").contains("<a href=\"changes/index.html\">前回の会合からの変更を見る</a>"))
        #expect(try site.page("releases/\(Self.new)/chiiki-josei/index.html")
            .contains("<a href=\"../changes/index.html#s-chiiki-josei\">このセクションの前回からの変更</a>"))
        let series = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("series").path)
        let seriesPage = try site.page("series/\(series[0])/index.html")
        #expect(seriesPage.contains("href=\"../../releases/\(Self.new)/changes/index.html\""))
        // The first meeting has nothing to compare with.
        #expect(!seriesPage.contains("releases/\(Self.old)/changes/"))
        #expect(!(try site.page("releases/\(Self.old)/index.html")).contains("changes/index.html"))
        // Every link and anchor on the site resolves.
        #expect(try LinkChecker().check(output: site.output).broken.isEmpty)
    }

    @Test func theFilterAndItsMarksFollowTheLanguage() throws {
        let site = try Self.site(language: "en")
        defer { site.remove() }
        try site.build()
        let page = try site.page(Self.changes)
        #expect(page.contains("<h1>Changes since the previous meeting</h1>"))
        #expect(page.contains("[deleted: </span>強く"))
        #expect(page.contains("<input type=\"radio\" name=\"show\" value=\"new-language\">"))
        // The new paragraph and the one with an added sentence hold new language; the one
        // whose words changed (最も強い言葉で) only rewords a sentence the series had, and the
        // unchanged and removed ones have none.
        #expect(page.components(separatedBy: " new-language\"").count - 1 == 2)
        #expect(page.contains("<li id=\"c-24\" class=\"change new new-language\">") || page.contains("class=\"change new new-language\""))
        #expect(!page.contains("class=\"change changed new-language\">\n<p class=\"change-head\"><span class=\"status\">Changed</span> <a href=\"../chiiki-josei/index.html#sec_2__para_4\""))
    }

    @Test func aLaterMeetingsParagraphsShowWhereTheirWordingCameFrom() throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.build()
        let page = try site.page("releases/\(Self.new)/chiiki-josei/index.html")
        let expected = [
            // The reworded sentence: since the sample's meeting, diffed, its earlier wording linked.
            "<li><span class=\"wording-note\">2024年7月28日から・表現を変更</span> 日米双方は、北朝鮮による弾道ミサイル発射の継続を"
                + "<del><span class=\"diff-mark\">[削除: </span>強く<span class=\"diff-mark\">]</span></del>",
            "<a href=\"../../\(Self.old)/chiiki-josei/index.html#sec_2__para_4\">前の文言（2024年7月28日）</a>",
            // The added paragraph is new language; so is the sentence added to (5), escaped.
            "<li class=\"new\"><span class=\"wording-note\">新しい文言</span> 日米双方は、宇宙空間における協力を深化させることで一致しました。</li>",
            "<li class=\"new\"><span class=\"wording-note\">新しい文言</span> 日米双方は、&lt;script&gt;公正な平和&lt;/script&gt;を支持しました。</li>",
            // (4): three sentences, one reworded; (5): one added to its three.
            "文言の来歴：新しい文 0・以前からの文 3", "文言の来歴：新しい文 1・以前からの文 3",
        ]
        let missing = expected.filter { !page.contains($0) }
        #expect(missing.isEmpty, "missing: \(missing) in \(page.components(separatedBy: "<summary>").dropFirst().map { $0.prefix(30) })")
        // The first meeting has no earlier wording to show, and the full text shows none.
        let first = try site.page("releases/\(Self.old)/chiiki-josei/index.html")
        let full = try site.page("releases/\(Self.new)/all/index.html")
        #expect(!first.contains("class=\"wording\"") && !full.contains("class=\"wording\""))
    }

    @Test func topicPagesShowHowTheirWordingChanged() throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.build()
        let page = try site.page("topics/north-korea/index.html")
        #expect(page.contains("<h2 id=\"wording-changes-heading\">文言の変化</h2>"))
        // The reworded sentence on North Korea, diffed, from the later meeting's paragraph.
        let item = try #require(page.components(separatedBy: "<li lang=\"ja\">").first { $0.contains("最も強い言葉で") })
        #expect(item.contains("href=\"../../releases/\(Self.new)/chiiki-josei/index.html#sec_2__para_4\""))
        #expect(item.contains("2024年7月28日から・表現を変更"))
        #expect(item.contains("<del><span class=\"diff-mark\">[削除: </span>強く"))
        // Only what changed: no unchanged sentence is listed.
        #expect(!page.contains("変わらず"))
        // A topic whose paragraphs did not change has no such list.
        #expect(!(try site.page("topics/futenma-henoko/index.html")).contains("wording-changes"))
        // The added paragraph on space is new language there.
        #expect(try site.page("topics/space/index.html").contains("<span class=\"wording-note\">新しい文言</span> <span class=\"context\">日米双方は、宇宙空間における協力を深化させることで一致しました。</span>"))
    }

    @Test func editingAnEarlierMeetingUpdatesTheLaterOnesWordingHistory() throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.build()
        let page = "releases/\(Self.new)/chiiki-josei/index.html"
        // An unchanged sentence is shown by its opening (the paragraph above has it whole).
        #expect(try site.page(page).contains("<li class=\"same\"><span class=\"wording-note\">2024年7月28日から・変わらず</span> 日米双方は、ロシアによるウクライナ侵略を…"))
        // The sample's sentence reworded: the later meeting's unchanged sentence is now reworded.
        try site.replace(
            in: "Content/releases/\(Self.old)/02-chiiki-josei.md", "ロシアによるウクライナ侵略を強く非難しました。",
            with: "ロシアによるウクライナ侵略を非難しました。")
        try site.build()
        #expect(try site.page(page).contains("<span class=\"wording-note\">2024年7月28日から・表現を変更</span> 日米双方は、ロシアによるウクライナ侵略を<ins>"))
        let clean = site.root.appendingPathComponent("Clean")
        try BuildPipeline().run(BuildOptions(root: site.root, output: clean, clean: true))
        #expect(site.snapshot() == site.snapshot(clean), "the incremental build differs from a clean build")
    }

    @Test func compareReleasesFalseTurnsComparisonOff() throws {
        let site = try Self.site { try $0.write("Content/site.yml", try String(contentsOf: $0.root.appendingPathComponent("Content/site.yml"), encoding: .utf8) + "compare_releases: false\n") }
        defer { site.remove() }
        try site.build()
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent(Self.changes).path))
        let section = try site.page("releases/\(Self.new)/chiiki-josei/index.html")
        #expect(!section.contains("changes/") && !section.contains("class=\"wording\""))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".communique/cache/\(Self.new).changes").path))
        let messages = try TestSite.messagesOfAFailedRebuild { try $0.write("Content/site.yml", "title: t\ncompare_releases: sometimes\n") }
        #expect(messages.contains { $0.contains("site.yml:2") && $0.contains("'compare_releases' must be true or false") }, "\(messages)")
    }

    @Test func retitlingATopicRewritesTheChangesPagesSummary() throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.build()
        try site.replace(in: "Content/topics.yml", "title: 北朝鮮\n", with: "title: 北朝鮮情勢\n")
        try site.build()
        #expect(try site.page(Self.changes).contains(">北朝鮮情勢</a>"))
        let clean = site.root.appendingPathComponent("Clean")
        try BuildPipeline().run(BuildOptions(root: site.root, output: clean, clean: true))
        #expect(site.snapshot() == site.snapshot(clean), "the incremental build differs from a clean build")
    }

    @Test func aSiteWithoutTheChangesTemplateHasNoChangesPageAndNoLinkToOne() throws {
        let site = try Self.site { try FileManager.default.removeItem(at: $0.root.appendingPathComponent("Templates/changes.mustache")) }
        defer { site.remove() }
        try site.build()
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent(Self.changes).path))
        #expect(!(try site.page("releases/\(Self.new)/index.html")).contains("changes/"))
        #expect(try LinkChecker().check(output: site.output).broken.isEmpty)
    }

    @Test func aSectionCannotTakeTheChangesPagesSlug() throws {
        let messages = try TestSite.messagesOfAFailedRebuild { site in
            try site.replace(in: "Content/releases/2024-07-28-test/01-soron.md", "slug: soron", with: "slug: changes")
        }
        #expect(messages.contains { $0.contains("01-soron.md:4") && $0.contains("slug 'changes' is reserved") }, "\(messages)")
    }
}
