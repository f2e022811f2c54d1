import CommuniqueJapanese
import Foundation
import Testing

@testable import Communique

@Suite struct TopicSuggesterTests {
    /// Two section pages and a release page; one topic (台湾) and one curated term
    /// (同盟調整メカニズム, ACM).
    static let files: [String: String] = [
        "Content/site.yml": "title: テスト\nlanguage: ja\n",
        "Content/topics.yml": "- id: taiwan\n  title: 台湾\n  signals: [台湾海峡]\n",
        "Content/glossary.yml": "- term: 同盟調整メカニズム\n  aliases: [ACM]\n",
        "Content/releases/r/_index.md": """
            ---
            title: 会合
            ---

            ## 宇宙状況監視

            7月28日午後3時15分から、サイバー防衛協力について協議を行いました。
            """,
        "Content/releases/r/01-soron.md": """
            ---
            title: 総論
            order: 1
            slug: soron
            ---

            (1)サイバー防衛協力の推進について議論しました。サイバー防衛協力は重要です。

            (2)台湾海峡危機への対応と、その調整メカニズムの運用を確認しました。
            """,
        "Content/releases/r/02-chiiki.md": """
            ---
            title: 地域
            order: 2
            slug: chiiki
            ---

            (1)サイバー防衛協力とACMについて、宇宙協力と海洋協力を進めます。

            (2)台湾の平和と海洋協力と宇宙協力。
            """,
    ]

    func suggestions(limit: Int = 30) throws -> [TopicSuggestion] {
        let site = try TestSite(Self.files, templates: false)
        defer { site.remove() }
        let source = try SiteLoader().load(root: site.root)
        let analysis = SiteAnalyser().analyse(source)
        return TopicSuggester(reader: try #require(JapaneseReader())).suggest(site: source, analysis: analysis, limit: limit)
    }

    @Test func aRepeatedUncoveredPhraseRanksFirst() throws {
        let found = try suggestions()
        let first = try #require(found.first)
        #expect(first.phrase == "サイバー防衛協力")
        #expect((first.count, first.spread, first.score) == (4, 3, 12))
        #expect(first.example == ParagraphRef(page: PageKey(release: "r", section: ""), anchor: "intro__p_1"))
        #expect(first.location == SourceLocation(file: "Content/releases/r/_index.md", line: 7))
    }

    @Test func coveredPhrasesAreAbsent() throws {
        let phrases = Set(try suggestions().map(\.phrase))
        // Equal to a topic's title or signal, or a glossary form; containing one
        // (台湾海峡危機); contained in one (調整メカニズム).
        for covered in ["台湾", "台湾海峡", "台湾海峡危機", "同盟調整メカニズム", "ACM", "調整メカニズム"] {
            #expect(!phrases.contains(covered), "\(covered)")
        }
        // Headings, dates and nouns used as verbs are no phrases.
        for noise in ["宇宙状況監視", "7月28日", "3時15分", "議論", "確認", "重要"] {
            #expect(!phrases.contains(noise), "\(noise)")
        }
        #expect(phrases.isSuperset(of: ["海洋協力", "宇宙協力", "午後", "推進", "対応", "運用", "平和"]))
    }

    @Test func orderIsDeterministic() throws {
        let found = try suggestions()
        #expect(try suggestions() == found)
        // 宇宙協力 and 海洋協力 tie on score and count: the phrase decides.
        #expect(found.prefix(3).map(\.phrase) == ["サイバー防衛協力", "宇宙協力", "海洋協力"])
        #expect(found[1].score == found[2].score && found[1].count == found[2].count)
        for (a, b) in zip(found, found.dropFirst()) {
            #expect((a.score, a.count) >= (b.score, b.count))
        }
        #expect(try suggestions(limit: 2).map(\.phrase) == ["サイバー防衛協力", "宇宙協力"])
    }

    @Test func nounPhrases() throws {
        let suggester = TopicSuggester(reader: try #require(JapaneseReader()))
        #expect(suggester.nounPhrases(in: "我々は東シナ海における一方的な現状変更の試みに強く反対した。") == ["東シナ海", "現状変更", "試み"])
        #expect(suggester.nounPhrases(in: "AUKUS首脳会合とG7、そしてthe Quad Leaders Summitを歓迎した。") == [
            "AUKUS首脳会合", "G7", "Quad Leaders Summit",
        ])
        #expect(suggester.nounPhrases(in: "The Ministers welcomed the Alliance Coordination Mechanism.") == [
            "Ministers", "Alliance Coordination Mechanism",
        ])
        #expect(suggester.nounPhrases(in: "2024年度予算で抑止力を強化する。") == ["予算", "抑止力"])
    }

    @Test func withoutMeCabKanjiAndKatakanaRunsStandIn() {
        #expect(TopicSuggester(reader: nil).nounPhrases(in: "サイバー防衛協力の推進とAUKUS、7月28日。") == [
            "サイバー防衛協力", "推進", "AUKUS",
        ])
    }

    @Test func coverageTakesLatinAsWholeWords() {
        let coverage = Coverage(forms: ["ISRAEL", "日米安全保障協議委員会", "ＡＣＭ"])
        #expect(!coverage.covers("ISR"))
        #expect(coverage.covers("ACM"))
        #expect(coverage.covers("ACM本部"))
        #expect(coverage.covers("安全保障"))
        #expect(!coverage.covers("安全保障環境"))
    }
}
