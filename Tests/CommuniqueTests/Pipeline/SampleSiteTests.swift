import Foundation
import Testing

@testable import Communique

/// The committed sample site (Content/ as shipped), built the way `make site` builds it.
@Suite(.serialized) struct SampleSiteTests {
    static let release = "2024-07-28-japan-us-2plus2"

    /// A copy of the repository's Content/ and Templates/, built once per test.
    func buildSample() throws -> (TestSite, SiteSource, Analysis, LinkGraph) {
        let site = try TestSite([:])
        try FileManager.default.copyItem(
            at: TestSite.repository.appendingPathComponent("Content"), to: site.root.appendingPathComponent("Content"))
        try site.build()
        let source = try SiteLoader().load(root: site.root)
        let analysis = SiteAnalyser().analyse(source)
        let links = SiteLinker().link(source, analysis)
        return (site, source, analysis, links)
    }

    @Test func glossaryHasEveryAcronymAndParticipantOfTheText() throws {
        let (site, _, analysis, _) = try buildSample()
        defer { site.remove() }
        let glossary = analysis.glossary
        let acronyms = [
            "ACM": "同盟調整メカニズム", "JJOC": "統合作戦司令部", "BIAC": "日米共同情報分析組織",
            "ISR": "情報収集、警戒監視及び偵察", "DICAS": "日米防衛産業協力・取得・維持整備定期協議",
            "WG-FFTR": "将来の戦闘機パイロットの教育と即応性のためのワーキンググループ",
        ]
        for (acronym, longForm) in acronyms {
            #expect(glossary.entry(named: acronym)?.term == longForm, "\(acronym)")
        }
        let people = ["木原稔": "きはらみのる", "上川陽子": "かみかわようこ", "アントニー・ブリンケン": "あんとにーぶりんけん", "ロイド・オースティン": "ろいどおーすてぃん"]
        for (name, reading) in people {
            let entry = try #require(glossary.entry(named: name), "\(name)")
            #expect(entry.reading == reading)
            #expect(entry.category == .person)
            #expect(entry.title != nil, "\(name) has a title")
        }
        #expect(glossary.entry(named: "Antony Blinken")?.term == "アントニー・ブリンケン")
        #expect(glossary.entry(named: "アントニー・ブリンケン")?.englishTitle == "Secretary of State of the United States of America")
        #expect(glossary.entry(named: "2+2")?.term == "日米安全保障協議委員会")
    }

    @Test func everyParagraphLinksEachTermItMentionsExactlyOnce() throws {
        let (site, source, analysis, _) = try buildSample()
        defer { site.remove() }
        let release = try #require(source.releases.first { $0.id == Self.release })
        var checked = 0
        for section in release.sections {
            let html = try site.page(Permalinks.section(release.id, section.slug))
            for paragraph in Self.paragraphs(in: html) {
                let text = HTMLText.of(paragraph)
                for match in analysis.glossary.matcher.matches(in: text) {
                    let entry = analysis.glossary.entries[analysis.glossary.entryIndex(forPattern: match.pattern)]
                    let links = paragraph.components(separatedBy: "glossary/\(entry.id)/index.html\"").count - 1
                    #expect(links == 1, "\(entry.term) linked \(links) times in \(section.slug): \(text.prefix(30))")
                    checked += 1
                }
            }
        }
        #expect(checked > 20)
    }

    @Test func noTermLinksInsideHeadingsAndBackLinksResolve() throws {
        let (site, _, _, links) = try buildSample()
        defer { site.remove() }
        for (path, data) in site.snapshot() where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for level in 1...6 {
                for heading in html.components(separatedBy: "<h\(level)").dropFirst() {
                    let inside = heading.components(separatedBy: "</h\(level)>")[0]
                    #expect(!inside.contains("class=\"term\""), "term link in a heading of \(path)")
                }
            }
        }
        let check = try LinkChecker().check(output: site.output)
        #expect(check.broken.isEmpty, "\(check.broken)")
        #expect(links.backlinks.values.joined().count > 30)
        let analysis = SiteAnalyser().analyse(try SiteLoader().load(root: site.root))
        for occurrence in links.backlinks.values.joined() {
            let entry = analysis.glossary.entries[occurrence.entry]
            let page = try site.page(Permalinks.glossaryEntry(entry.id))
            #expect(page.contains("index.html#\(occurrence.paragraph.anchor)\""), "\(entry.term) lists \(occurrence.paragraph.anchor)")
        }
    }

    @Test func participantsLinkToTheirGlossaryEntries() throws {
        let (site, _, analysis, _) = try buildSample()
        defer { site.remove() }
        let page = try site.page(Permalinks.release(Self.release))
        for name in ["木原稔", "上川陽子", "アントニー・ブリンケン", "ロイド・オースティン"] {
            let id = try #require(analysis.glossary.entry(named: name)?.id)
            #expect(page.contains("../../glossary/\(id)/index.html\""), "\(name)")
        }
    }

    @Test func numberedParagraphsShowRelatedParagraphsElsewhere() throws {
        let (site, _, _, links) = try buildSample()
        defer { site.remove() }
        #expect(!links.related.isEmpty)
        for (paragraph, related) in links.related {
            #expect(related.count <= SiteLinker.relatedLimit)
            #expect(related.allSatisfy { $0.page != paragraph.page }, "related paragraphs are in other sections")
        }
        let soron = try site.page(Permalinks.section(Self.release, "soron"))
        #expect(soron.contains("class=\"related\""))
        #expect(soron.contains("class=\"topic-chips\""))
        // The full-text page is the statement alone: every paragraph, no per-paragraph navigation.
        let fullText = try site.page(Permalinks.printable(Self.release))
        #expect(!fullText.contains("class=\"related\"") && !fullText.contains("class=\"topic-chips\""))
        var separately = try Self.paragraphs(in: site.page(Permalinks.release(Self.release)))
        for slug in ["soron", "chiiki-josei", "domei-no-gendaika", "beigun-no-taisei"] {
            separately += try Self.paragraphs(in: site.page(Permalinks.section(Self.release, slug)))
        }
        func ids(_ paragraphs: [String]) -> [String] { paragraphs.map { String($0.prefix { $0 != "\"" }) } }
        #expect(ids(Self.paragraphs(in: fullText)) == ids(separately) && !separately.isEmpty)
    }

    /// The statement's `<p id=…>…</p>` paragraphs of a page (not the hidden definitions).
    static func paragraphs(in html: String) -> [String] {
        html.components(separatedBy: "<p id=\"").dropFirst().map { $0.components(separatedBy: "</p>")[0] }
            .filter { $0.hasPrefix("sec_") || $0.hasPrefix("intro") }
    }
}

@Suite struct TermLinkRulesTests {
    @Test func headingsLinksAndCodeAreNeverLinkedAndUnusedTermsWarn() throws {
        var files = TestSite.minimal
        files["Content/glossary.yml"] = """
            - term: 同盟調整メカニズム
              aliases: [ACM]
              definition: 調整の仕組み。
            - term: 使われない用語
            """
        files["Content/releases/2024-07-28-test/01-soron.md"] = """
            ---
            title: 総論
            ---

            ## ACMについて

            (1)ACMと[ACMのリンク](https://example.org)と`ACM`と同盟調整
            メカニズム、またACM。
            """
        let site = try TestSite(files)
        defer { site.remove() }
        let report = try site.build()
        let html = try site.page("releases/2024-07-28-test/soron/index.html")
        #expect(html.contains("<h2 id=\"sec_1__h_1\">ACMについて</h2>"))
        let paragraph = try #require(SampleSiteTests.paragraphs(in: html).first { $0.hasPrefix("sec_1__para_1") })
        #expect(paragraph.components(separatedBy: "class=\"term\"").count - 1 == 1, "only the first use is linked")
        #expect(paragraph.contains("aria-describedby=\"def-acm\" data-tip=\"同盟調整メカニズム"))
        #expect(paragraph.contains("<a href=\"https://example.org\">ACMのリンク</a>"))
        #expect(paragraph.contains("<code>ACM</code>"))
        #expect(html.contains("<p id=\"def-acm\">"), "the description aria-describedby points at")
        #expect(report.warnings.map(\.description) == ["Content/glossary.yml:4: warning: glossary term '使われない用語' is not used on any page"])
    }
}
