import Foundation
import Testing

@testable import Communique

@Suite(.serialized) struct SampleTopicTests {
    func sample() throws -> (TestSite, SiteSource, Analysis) {
        let site = try TestSite([:])
        try FileManager.default.copyItem(
            at: TestSite.repository.appendingPathComponent("Content"), to: site.root.appendingPathComponent("Content"))
        try site.build()
        let source = try SiteLoader().load(root: site.root)
        return (site, source, SiteAnalyser().analyse(source))
    }

    func places(_ id: String, _ topics: TopicIndex) -> [String] {
        guard let index = topics.index(of: id) else { return ["no topic \(id)"] }
        return topics.mentions[index].map { "\($0.paragraph.page.section) \($0.paragraph.anchor)" }
    }

    @Test func taiwanAndSenkakuPointToTheirParagraphs() throws {
        let (site, _, analysis) = try sample()
        defer { site.remove() }
        #expect(places("taiwan", analysis.topics) == ["chiiki-josei sec_2__para_3"])
        #expect(places("senkaku-east-china-sea", analysis.topics) == ["soron sec_1__para_3", "chiiki-josei sec_2__para_2"])
    }

    @Test func everyTopicWhoseSignalsAreInTheTextHasAParagraph() throws {
        let (site, source, analysis) = try sample()
        defer { site.remove() }
        let texts = analysis.sections.values.flatMap { $0.blocks.map { WidthFolding.fold($0.plainText) } }
            + analysis.releaseBodies.values.flatMap { $0.blocks.map { WidthFolding.fold($0.plainText) } }
        var present = 0
        for (index, topic) in source.topics.enumerated() {
            let signalled = topic.signals.contains { signal in texts.contains { $0.contains(WidthFolding.fold(signal)) } }
            if signalled {
                present += 1
                #expect(!analysis.topics.mentions[index].isEmpty, "\(topic.id) has signals in the text but no paragraph")
            }
        }
        #expect(present >= 20)
    }

    @Test func topicPagesLinkToExistingAnchorsAndShowHighlightedContext() throws {
        let (site, _, _) = try sample()
        defer { site.remove() }
        let check = try LinkChecker().check(output: site.output)
        #expect(check.broken.isEmpty, "\(check.broken)")
        let taiwan = try site.page(Permalinks.topic("taiwan"))
        #expect(taiwan.contains("href=\"../../releases/2024-07-28-japan-us-2plus2/chiiki-josei/index.html#sec_2__para_3\""))
        #expect(taiwan.contains("<mark>台湾</mark>に関する"))
        let index = try site.page(Permalinks.topicsIndex)
        #expect(index.contains("href=\"taiwan/index.html\""))
        let home = try site.page(Permalinks.home)
        #expect(home.contains("href=\"topics/index.html\"") && home.contains("href=\"glossary/index.html\""))
        let section = try site.page(Permalinks.section("2024-07-28-japan-us-2plus2", "chiiki-josei"))
        #expect(section.contains("<li><a href=\"../../../topics/taiwan/index.html\">台湾</a></li>"))
    }

    @Test func topicIndexIsInGojuonOrder() throws {
        let (site, _, analysis) = try sample()
        defer { site.remove() }
        let readings = analysis.topics.alphabetical.map { analysis.topics.readings[$0] }
        #expect(readings == readings.sorted { Gojuon.areInIncreasingOrder($0, $1) })
        #expect(readings.first?.hasPrefix("あ") == true)
    }
}

@Suite struct TopicTaggingRulesTests {
    static let topics = """
        - id: region
          title: 地域情勢
        - id: china
          title: 中国
          signals: [中国, China]
          parent: region
        - id: senkaku
          title: 尖閣諸島
          signals: [尖閣諸島, 尖閣, 東シナ海]
          parent: china
        - id: cyber
          title: サイバー
          signals: [サイバー]
        """

    func build(_ pages: [String: String]) throws -> (TestSite, Analysis) {
        var files = TestSite.minimal
        files["Content/topics.yml"] = Self.topics
        files.merge(pages) { _, new in new }
        let site = try TestSite(files)
        try site.build()
        let source = try SiteLoader().load(root: site.root)
        return (site, SiteAnalyser().analyse(source))
    }

    @Test func longestSignalWinsAndEveryParagraphKindIsTagged() throws {
        let (site, analysis) = try build([
            "Content/releases/2024-07-28-test/01-soron.md": "---\ntitle: 総論\n---\n\n中国と尖閣諸島について。\n\n(1)東シナ海とＣｈｉｎａ。\n\n- サイバー\n"
        ])
        defer { site.remove() }
        let topics = analysis.topics
        func anchors(_ id: String) -> [String] { topics.mentions[topics.index(of: id)!].map(\.paragraph.anchor) }
        #expect(anchors("china") == ["sec_1__p_1", "sec_1__para_1"])
        #expect(anchors("senkaku") == ["sec_1__p_1", "sec_1__para_1"])
        #expect(anchors("cyber") == ["sec_1__p_2"])
        // 尖閣諸島 matched whole: 尖閣 inside it is not a second mention.
        #expect(topics.mentions[topics.index(of: "senkaku")!][0].matches.count == 1)
        #expect(topics.ancestry(of: topics.index(of: "senkaku")!).map { topics.topics[$0].id } == ["region", "china", "senkaku"])
        #expect(topics.children[topics.index(of: "region")!].map { topics.topics[$0].id } == ["china"])
        #expect(topics.related[topics.index(of: "china")!].map { topics.topics[$0].id } == ["senkaku"])
    }

    @Test func frontMatterAddsAndRemovesTopicsByHand() throws {
        let (site, analysis) = try build([
            "Content/releases/2024-07-28-test/01-soron.md": "---\ntitle: 総論\ntopics: [cyber]\nnot_topics: [china]\n---\n\n(1)中国について。\n"
        ])
        defer { site.remove() }
        let topics = analysis.topics
        #expect(topics.mentions[topics.index(of: "china")!].isEmpty)
        let cyber = topics.mentions[topics.index(of: "cyber")!]
        #expect(cyber.map(\.paragraph.anchor) == ["sec_1__para_1"])
        #expect(cyber[0].matches.isEmpty)
        let page = try site.page(Permalinks.topic("cyber"))
        #expect(page.contains("(1)中国について。"))
    }

    @Test func topicPagesAreTheSameEveryBuild() throws {
        let (site, _) = try build([:])
        defer { site.remove() }
        let second = site.root.appendingPathComponent("Again")
        try site.build(output: second)
        let first = site.snapshot().filter { $0.key.hasPrefix("topics/") }
        #expect(!first.isEmpty)
        #expect(first == site.snapshot(second).filter { $0.key.hasPrefix("topics/") })
    }
}

@Suite struct KeywordInContextTests {
    @Test func showsTheSentenceAroundTheFirstMatchWithMatchesMarked() {
        let text = "最初の文です。日米双方は、台湾に関する立場と台湾海峡の平和を確認した。次の文。"
        let scalars = Array(text.unicodeScalars)
        func range(_ word: String, after: Int = 0) -> Range<Int> {
            let w = Array(word.unicodeScalars)
            let start = (after...(scalars.count - w.count)).first { Array(scalars[$0..<($0 + w.count)]) == w }!
            return start..<(start + w.count)
        }
        let mention = TopicMention(
            paragraph: ParagraphRef(page: PageKey(release: "r", section: "s"), anchor: "a"), text: text,
            matches: [range("台湾"), range("台湾海峡")])
        let pieces = KeywordInContext.line(mention)
        #expect(pieces.map(\.text).joined() == "日米双方は、台湾に関する立場と台湾海峡の平和を確認した。")
        #expect(pieces.filter(\.isMatch).map(\.text) == ["台湾", "台湾海峡"])
        #expect(KeywordInContext.html(pieces) == "日米双方は、<mark>台湾</mark>に関する立場と<mark>台湾海峡</mark>の平和を確認した。")
    }

    @Test func lineHTMLEscapesTheStatementText() {
        let pieces = [
            KeywordInContext.Piece(text: "<script>&\"'", isMatch: false), KeywordInContext.Piece(text: "<b>", isMatch: true),
        ]
        #expect(KeywordInContext.html(pieces) == "&lt;script&gt;&amp;&quot;&apos;<mark>&lt;b&gt;</mark>")
    }

    @Test func longSentencesAreClippedAroundTheMatch() {
        let text = String(repeating: "あ", count: 200) + "台湾" + String(repeating: "い", count: 200) + "。"
        let mention = TopicMention(
            paragraph: ParagraphRef(page: PageKey(release: "r", section: "s"), anchor: "a"), text: text, matches: [200..<202])
        let pieces = KeywordInContext.line(mention)
        #expect(pieces.first?.text == "…" && pieces.last?.text == "…")
        #expect(pieces.map(\.text).joined().count == 2 * KeywordInContext.maxSide + 2 + 2)
    }
}

extension TopicTaggingRulesTests {
    @Test func anUnknownTopicInFrontMatterNamesFileAndLine() throws {
        var files = TestSite.minimal
        files["Content/topics.yml"] = Self.topics
        files["Content/releases/2024-07-28-test/01-soron.md"] = "---\ntitle: 総論\nnot_topics: [taiwan]\n---\n\n(1)a\n"
        let site = try TestSite(files)
        defer { site.remove() }
        #expect(throws: CommuniqueError.self) { try site.build() }
        do {
            _ = try SiteLoader().load(root: site.root)
        } catch let error as CommuniqueError {
            #expect(error.diagnostics.map(\.description) == [
                "Content/releases/2024-07-28-test/01-soron.md:3: error: 'not_topics' names 'taiwan', which is not a topic id in Content/topics.yml"
            ])
        }
    }
}

/// A topic mentioned over several years: its page shows the newest year, each older
/// year has a page of its own, and every page links to all the years.
@Suite struct TopicYearPagesTests {
    func site() throws -> TestSite {
        var files = TestSite.minimal
        files["Content/topics.yml"] = "- id: taiwan\n  title: 台湾\n  reading: たいわん\n  signals: [台湾]\n"
        files["Content/glossary.yml"] = "- term: 台湾海峡\n  reading: たいわんかいきょう\n  definition: 台湾と中国大陸の間の海峡。\n  category: place\n"
        for (id, date) in [("2025-03-01-a", "2025-03-01"), ("2024-05-01-b", "2024-05-01"), ("2024-01-10-c", "2024-01-10"), ("2022-06-01-d", "2022-06-01")] {
            files["Content/releases/\(id)/_index.md"] = "---\ntitle: 会談\(id)\ndate: \"\(date)\"\n---\n\n台湾海峡の平和と安定の重要性を確認した(\(id))。\n"
        }
        return try TestSite(files)
    }

    @Test func olderYearsHaveTheirOwnPages() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        let main = try site.page(Permalinks.topic("taiwan"))
        #expect(main.contains("(2025-03-01-a)") && !main.contains("(2024-05-01-b)") && !main.contains("(2022-06-01-d)"))
        #expect(main.contains(#"<strong aria-current="page">2025</strong>"#))
        #expect(main.contains(#"<a href="2024/index.html">2024</a>"#))
        #expect(main.contains(#"<a href="2022/index.html">2022</a>"#))
        let year2024 = try site.page(Permalinks.topicYear("taiwan", "2024"))
        #expect(year2024.contains("(2024-05-01-b)") && year2024.contains("(2024-01-10-c)") && !year2024.contains("(2025-03-01-a)"))
        #expect(year2024.contains(#"<a href="../index.html">2025</a>"#) && year2024.contains(#"<strong aria-current="page">2024</strong>"#))
        #expect(year2024.contains("<title>台湾 (2024)"))
        let check = try LinkChecker().check(output: site.output)
        #expect(check.broken.isEmpty, "\(check.broken)")
    }

    @Test func glossaryEntriesSplitTheirUsesByYearToo() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        let id = try #require(SiteAnalyser().analyse(try SiteLoader().load(root: site.root)).glossary.entry(named: "台湾海峡")).id
        let main = try site.page(Permalinks.glossaryEntry(id))
        #expect(main.contains("(2025-03-01-a)") && !main.contains("(2024-05-01-b)"))
        #expect(main.contains("(4)</h2>"), "the entry's own page counts every use")
        #expect(main.contains(#"<a href="2024/index.html">2024</a>"#))
        let year2024 = try site.page(Permalinks.glossaryEntryYear(id, "2024"))
        #expect(year2024.contains("(2024-05-01-b)") && year2024.contains("(2024-01-10-c)") && !year2024.contains("(2025-03-01-a)"))
        #expect(year2024.contains("(2)</h2>") && year2024.contains(#"<a href="../index.html">2025</a>"#))
        let check = try LinkChecker().check(output: site.output)
        #expect(check.broken.isEmpty, "\(check.broken)")
    }

    @Test func aNewReleaseRewritesOnlyItsYearOfATopic() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        func inodes() throws -> [String: Int] {
            var result: [String: Int] = [:]
            for year in ["", "2024/", "2022/"] {
                let path = site.output.appendingPathComponent("topics/taiwan/\(year)index.html").path
                result[year] = (try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber)?.intValue
            }
            return result
        }
        let before = try inodes()
        try site.write("Content/releases/2022-09-01-e/_index.md", "---\ntitle: 会談e\ndate: \"2022-09-01\"\n---\n\n台湾について意見交換した。\n")
        try site.build()
        let after = try inodes()
        // The year's page and the topic's page (its total) are rewritten; 2024's is kept.
        #expect(before["2022/"] != after["2022/"] && before[""] != after[""])
        #expect(before["2024/"] == after["2024/"])
        #expect(try site.page(Permalinks.topicYear("taiwan", "2022")).contains("意見交換"))
    }
}
