import Foundation
import Testing

@testable import Communique

/// The shared sample (a copied Ministry of Defense page) must be read exactly.
@Suite struct SampleImportTests {
    let result: ImportResult

    init() throws {
        result = try ImportFixtures.importFixture(ImportFixtures.sample)
    }

    var statement: Statement { result.statement }

    @Test func titleCategoryAndDates() {
        #expect(statement.title == "日米安全保障協議委員会(「2+2」)を実施(7月28日)")
        #expect(statement.category == "防衛省関連")
        #expect(statement.published?.iso8601(utcOffset: "+09:00") == "2024-07-31T10:10:00+09:00")
        #expect(statement.meetingDate?.isoDate == "2024-07-28")
        #expect(statement.place == "東京")
        #expect(statement.language == "ja")
        #expect(result.releaseID == "2024-07-28-japan-us-2plus2")
    }

    @Test func leadInnerTitleAndPreamble() {
        #expect(statement.lead.count == 2)
        #expect(statement.lead.first?.text.hasPrefix("防衛省は令和6(2024)年7月28日(日)18時45分") == true)
        #expect(statement.lead.first?.text.hasSuffix("を公表した。") == true)
        #expect(statement.lead.last?.text == "内容は以下の通り。")
        #expect(statement.innerTitle?.text == "日米安全保障協議委員会(日米「2+2」)(概要)")
        #expect(statement.preamble.count == 1)
        #expect(statement.preamble.first?.text.hasPrefix("7月28日午後3時15分から約1時間20分、") == true)
    }

    @Test func sectionsWithTheirIntrosAndNumberedParagraphs() {
        #expect(statement.sections.map(\.title) == ["総論", "地域情勢", "同盟の現代化", "米軍の態勢"])
        #expect(statement.sections.map(\.numberedCount) == [3, 5, 9, 3])
        #expect(statement.sections.map(\.paragraphs.count) == [3, 5, 9, 3])
        #expect(statement.sections[0].intro.isEmpty)
        #expect(statement.sections[1].intro.map(\.text) == ["四閣僚は、地域の安全保障環境について率直な意見交換を行い、認識のすりあわせを行いました。"])
        #expect(statement.sections[2].intro.map(\.text) == ["四閣僚は、同盟の抑止力・対処力を一層強化する方策について議論を行いました。"])
        #expect(statement.sections[3].intro.first?.text.hasPrefix("四閣僚は、日米同盟の抑止力を維持しつつ") == true)
        #expect(statement.sections[3].intro.count == 1)
        for section in statement.sections {
            #expect(section.paragraphs.map { $0.marker?.value } == Array(1...section.paragraphs.count))
            #expect(section.paragraphs.allSatisfy { $0.marker?.scheme == .parenthesizedArabic && $0.level == 1 })
        }
    }

    @Test func participantsWithReadingsTitlesAndEnglish() {
        let people = statement.participants
        #expect(people.map(\.name) == ["木原稔", "上川陽子", "アントニー・ブリンケン", "ロイド・オースティン"])
        #expect(people[0] == Participant(name: "木原稔", reading: "きはら・みのる", title: "防衛大臣"))
        #expect(people[1] == Participant(name: "上川陽子", reading: "かみかわ・ようこ", title: "外務大臣"))
        #expect(people[2] == Participant(
            name: "アントニー・ブリンケン", title: "米国国務長官", english: "Antony Blinken",
            englishTitle: "Secretary of State of the United States of America"))
        #expect(people[3] == Participant(
            name: "ロイド・オースティン", title: "米国国防長官", english: "Lloyd Austin",
            englishTitle: "Secretary of Defense of the United States of America"))
    }

    @Test func trailingChromeIsDroppedAndKept() {
        #expect(statement.dropped.count == 9)
        #expect(statement.dropped.first?.text == "Ranking読まれている記事")
        #expect(statement.dropped.last?.text == "- 防衛省、近年の中国の日本周辺における活動状況をまとめた短い文書を公開")
        let dropped = ImportFixtures.file(result, "_dropped.txt")
        #expect(dropped == statement.dropped.map { $0.text + "\n" }.joined())
        #expect(result.report.description.contains("Ranking読まれている記事"))
    }

    @Test func filesInOrder() {
        #expect(result.files.map(\.path) == [
            "_index.md", "01-soron.md", "02-chiiki-josei.md", "03-domei-no-gendaika.md", "04-beigun-no-taisei.md",
            "_dropped.txt",
        ])
    }

    @Test func indexFrontMatterKeysInOrder() throws {
        let index = try #require(ImportFixtures.file(result, "_index.md"))
        let frontMatter = index.split(separator: "\n").dropFirst().prefix { $0 != "---" }
        let keys = frontMatter.filter { $0.first?.isLetter == true }.compactMap { $0.split(separator: ":").first }
        #expect(keys == ["title", "category", "published", "date", "place", "language", "series", "participants", "source"])
        #expect(index.contains("published: \"2024-07-31T10:10:00+09:00\"\n"))
        #expect(index.contains("date: \"2024-07-28\"\n"))
        #expect(index.contains("- name: アントニー・ブリンケン\n  title: 米国国務長官\n  english: Antony Blinken\n  english_title: Secretary of State of the United States of America\n"))
        #expect(index.contains("source: 2024-07-28-japan-us-2plus2.txt\n"))
        #expect(index.contains("\n内容は以下の通り。\n\n## 日米安全保障協議委員会(日米「2+2」)(概要)\n\n7月28日午後3時15分"))
    }

    @Test func sectionPageFrontMatterAndBody() throws {
        let page = try #require(ImportFixtures.file(result, "02-chiiki-josei.md"))
        #expect(page.hasPrefix("---\ntitle: 地域情勢\norder: 2\nslug: chiiki-josei\n---\n\n四閣僚は、"))
        #expect(page.contains("行いました。\n\n(1)日米双方は、中国の外交政策が"))
        #expect(page.hasSuffix("を表明しました。\n"))
    }

    @Test func nothingIsLost() throws {
        let source = try SourceText.read(path: ImportFixtures.path(ImportFixtures.sample))
        #expect(ImportFixtures.missingText(source: source, result: result) == nil)
    }
}
