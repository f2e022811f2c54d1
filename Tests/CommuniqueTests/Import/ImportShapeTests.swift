import Foundation
import Testing

@testable import Communique

/// One fixture per shape of statement the importer must read: numbering schemes,
/// heading styles, no headings, no numbering, Markdown input, hard wraps, no-break
/// spaces, dates in every form, English text, CRLF and a byte-order mark.
@Suite struct ImportShapeTests {
    struct Shape: Sendable, CustomTestStringConvertible {
        var file: String
        var title: String?
        var published: String? = nil
        var date: String? = nil
        var place: String? = nil
        var language = "ja"
        var innerTitle: String? = nil
        /// (title, numbered paragraphs at the top level, all paragraphs)
        var sections: [Section]
        /// The scheme of the first numbered paragraph.
        var scheme: NumberMarker.Scheme? = nil
        var participants: [String] = []
        var dropped = 0
        var format = Statement.Format.plainText

        struct Section: Sendable {
            var title: String
            var numbered: Int
            var paragraphs: Int
            init(_ title: String, _ numbered: Int, _ paragraphs: Int) {
                self.title = title
                self.numbered = numbered
                self.paragraphs = paragraphs
            }
        }

        var testDescription: String { file }
    }

    static let shapes: [Shape] = [
        Shape(
            file: "paren-fullwidth.txt", title: "日米外相会談", published: "2024-07-31", date: "2024-07-28", place: "東京",
            sections: [.init("二国間関係", 2, 2), .init("地域情勢", 2, 2)], scheme: .parenthesizedArabic,
            participants: ["上川陽子", "アントニー・ブリンケン"], dropped: 2),
        Shape(
            file: "paren-circled.txt", title: "新天皇陛下の御即位に際しての内閣総理大臣の談話", published: "2019-05-02",
            date: "2019-05-01", sections: [.init("本文", 2, 2)], scheme: .parenthesizedCircled),
        Shape(
            file: "era-heisei.txt", title: "天皇陛下の御退位に際しての談話", published: "2019-04-30", date: "2019-04-30",
            sections: [.init("1 はじめに", 0, 1), .init("2 感謝", 0, 1)]),
        Shape(
            file: "numbered-headings-nested.txt", title: "日米首脳会談", published: "2024-04-10", date: "2024-04-10",
            place: "ワシントンD.C.", sections: [.init("1 総論", 3, 5), .init("2 地域情勢", 2, 4)], scheme: .parenthesizedArabic),
        Shape(
            file: "fullwidth-fullstop.txt", title: "日ＥＵ定期首脳協議", published: "2024-07-13",
            sections: [.init("１．総論", 2, 2), .init("２．経済", 1, 1)], scheme: .parenthesizedArabic),
        Shape(
            file: "arabic-space.txt", title: "日米経済版「2+2」", published: "2024-07-30",
            sections: [.init("本文", 2, 2)], scheme: .arabicSpace),
        Shape(
            file: "katakana.txt", title: "防衛大臣記者会見", published: "2024-08-02",
            sections: [.init("冒頭発言", 2, 2), .init("質疑応答", 1, 1)], scheme: .katakana),
        Shape(
            file: "paren-katakana.txt", title: "防衛装備移転三原則の運用指針の改正について", published: "2023-12-22",
            sections: [.init("改正の概要", 2, 2)], scheme: .parenthesizedKatakana),
        Shape(
            file: "paren-latin.txt", title: "Japan-Australia Foreign and Defence Ministerial Consultations",
            published: "2024-09-05", language: "en", innerTitle: "Joint Statement",
            sections: [.init("1. Overview", 2, 2), .init("2. Regional Issues", 2, 2)], scheme: .parenthesizedLatin),
        Shape(
            file: "bullets.txt", title: "日米豪印外相会合", published: "2024-07-29",
            sections: [.init("共同声明の要点", 3, 3)], scheme: .parenthesizedArabic),
        Shape(
            file: "english-statement.txt", title: "Japan-U.S. Security Consultative Committee (\"2+2\")",
            date: "2024-07-28", place: "Tokyo", language: "en",
            innerTitle: "Joint Statement of the Security Consultative Committee",
            sections: [.init("Overview", 2, 2), .init("Regional Security Environment", 2, 2)], scheme: .arabicFullStop,
            participants: ["Yoko Kamikawa", "Minoru Kihara", "Antony J. Blinken", "Lloyd J. Austin III"], dropped: 5),
        Shape(
            file: "hard-wrapped-en.txt", title: "Japan-U.S. Security Consultative Committee (\"2+2\")",
            date: "2024-07-28", place: "Tokyo", language: "en",
            innerTitle: "Joint Statement of the Security Consultative Committee",
            sections: [.init("Overview", 2, 2), .init("Regional Security Environment", 2, 2)], scheme: .arabicFullStop,
            participants: ["Yoko Kamikawa", "Minoru Kihara", "Antony J. Blinken", "Lloyd J. Austin III"]),
        Shape(
            file: "hard-wrapped-ja.txt", title: "日米安全保障協議委員会(「2+2」)を実施", published: "2024-07-28", place: "東京",
            sections: [.init("総論", 2, 2), .init("地域情勢", 2, 2)], scheme: .parenthesizedArabic,
            participants: ["木原稔", "上川陽子"]),
        Shape(
            file: "markdown-headings.txt", title: "日米首脳共同声明", date: "2024-04-10", place: "ワシントンD.C.",
            sections: [.init("総論", 2, 2), .init("経済安全保障", 1, 1)], scheme: .parenthesizedArabic, format: .markdown),
        Shape(
            file: "front-matter.txt", title: "日米外相電話会談", published: "2024-06-01T09:00:00+09:00", date: "2024-05-31",
            sections: [.init("概要", 2, 2)], scheme: .arabicFullStop, participants: ["上川陽子"], format: .markdown),
        Shape(
            file: "bold-headings.txt", title: "G7 Foreign Ministers' Statement on the Middle East", date: "2024-04-19",
            place: "Capri", language: "en", sections: [.init("Preamble", 0, 1), .init("Gaza", 2, 2), .init("Iran", 1, 1)],
            scheme: .arabicFullStop),
        // A dateline on two lines ("Capri, Italy" over "April 19, 2024") is the lead, not
        // the document's own title; the sections are headed by Roman numerals.
        Shape(
            file: "dateline-two-lines.txt", title: "G7 Foreign Ministers' Communiqué", date: "2024-04-19",
            place: "Capri", language: "en",
            sections: [
                .init("I. Preamble", 2, 2), .init("II. Russia's war of aggression against Ukraine", 2, 2),
                .init("III. Indo-Pacific", 3, 3),
            ], scheme: .arabicFullStop),
        // Sections numbered 第1, 第2 with full-width "１．" paragraphs and "（１）" items under them.
        Shape(
            file: "ordinal-headings.txt", title: "日本国とオーストラリアとの間の共同声明", published: "2024-09-05",
            sections: [.init("第1　総論", 2, 2), .init("第2　安全保障協力", 2, 4), .init("第3　地域情勢", 1, 1)],
            scheme: .arabicFullStop),
        Shape(
            file: "no-headings.txt", title: "外務報道官談話", published: "2024-08-09", place: "長崎",
            sections: [.init("本文", 0, 2)]),
        Shape(
            file: "no-numbering.txt", title: "Statement by the Press Secretary", date: "2024-08-01", place: "Washington",
            language: "en", sections: [.init("Background", 0, 1), .init("Outcome", 0, 2)]),
        Shape(
            file: "nbsp.txt", title: "Joint Press Statement", published: "2024-07-28", date: "2024-07-28", place: "Tokyo",
            language: "en", sections: [.init("1.\u{A0}Overview", 1, 1), .init("2.\u{A0}Cooperation", 1, 1)],
            scheme: .parenthesizedLatin),
        Shape(
            file: "crlf-bom.txt", title: "日米防衛相会談", published: "2024-07-31T10:10:00+09:00", date: "2024-07-28",
            place: "東京", sections: [.init("総論", 2, 2)], scheme: .parenthesizedArabic, participants: ["木原稔"]),
    ]

    @Test(arguments: shapes)
    func recognisesShape(_ shape: Shape) throws {
        let result = try ImportFixtures.importFixture(shape.file)
        let s = result.statement
        #expect(s.format == shape.format)
        #expect(s.title == shape.title)
        #expect(result.report.published == shape.published)
        #expect(result.report.date == shape.date)
        #expect(s.place == shape.place)
        #expect(s.language == shape.language)
        #expect(s.innerTitle?.text == shape.innerTitle)
        #expect(s.sections.map(\.title) == shape.sections.map(\.title))
        #expect(s.sections.map(\.numberedCount) == shape.sections.map(\.numbered))
        #expect(s.sections.map(\.paragraphs.count) == shape.sections.map(\.paragraphs))
        let firstMarker = s.sections.lazy.flatMap(\.paragraphs).compactMap(\.marker).first
        #expect(firstMarker?.scheme == shape.scheme)
        #expect(s.participants.map(\.name) == shape.participants)
        #expect(s.dropped.count == shape.dropped)
        #expect(result.files.count == 1 + shape.sections.count + (shape.dropped > 0 ? 1 : 0))
    }

    @Test func nestedNumbersAreLevelTwo() throws {
        let s = try ImportFixtures.importFixture("numbered-headings-nested.txt").statement
        let first = s.sections[0].paragraphs
        #expect(first.map(\.level) == [1, 1, 2, 2, 1])
        #expect(first[2].marker?.scheme == .katakana)
        #expect(first[2].text == "ア 防衛・安全保障")
        let second = s.sections[1].paragraphs
        #expect(second.map(\.level) == [1, 2, 2, 1])
        #expect(second[1].marker?.scheme == .parenthesizedKatakana)
    }

    @Test func numberedHeadingSlugsLeaveOutTheNumber() throws {
        let files = try ImportFixtures.importFixture("numbered-headings-nested.txt").files.map(\.path)
        #expect(files == ["_index.md", "01-soron.md", "02-chiiki-josei.md"])
        let english = try ImportFixtures.importFixture("paren-latin.txt").files.map(\.path)
        #expect(english == ["_index.md", "01-overview.md", "02-regional-issues.md"])
        let roman = try ImportFixtures.importFixture("dateline-two-lines.txt").files.map(\.path)
        #expect(roman == ["_index.md", "01-preamble.md", "02-russia-s-war-of-aggression-against-ukraine.md", "03-indo-pacific.md"])
        let ordinal = try ImportFixtures.importFixture("ordinal-headings.txt").files.map(\.path)
        #expect(ordinal == ["_index.md", "01-soron.md", "02-anzen-hosho-kyoryoku.md", "03-chiiki-josei.md"])
    }

    @Test func markersAreKeptAsWritten() throws {
        let result = try ImportFixtures.importFixture("bullets.txt")
        #expect(result.statement.sections[0].paragraphs.first?.text == "• (1) 自由で開かれたインド太平洋の実現に向けた協力を確認した。")
        let page = try #require(ImportFixtures.file(result, "01-kyodo-seimei-no-yoten.md"))
        #expect(page.contains("\n• (1) 自由で開かれた"))
        let fullWidth = try ImportFixtures.importFixture("paren-fullwidth.txt")
        #expect(fullWidth.statement.sections[0].paragraphs[0].text.hasPrefix("（１）　両外相は"))
    }

    @Test func hardWrappedLinesAreJoined() throws {
        let ja = try ImportFixtures.importFixture("hard-wrapped-ja.txt").statement
        #expect(ja.lead.map(\.text) == [
            "防衛省は、同日、木原稔(きはら・みのる)防衛大臣及び上川陽子(かみかわ・ようこ)外務大臣が、東京において日米安全保障協議委員会を実施したことを公表した。内容は以下のとおりである。"
        ])
        #expect(ja.sections[1].intro.map(\.text) == ["四閣僚は、地域の安全保障環境について率直な意見交換を行い、認識のすりあわせを行いました。"])
        let en = try ImportFixtures.importFixture("hard-wrapped-en.txt").statement
        #expect(en.preamble.first?.text.hasPrefix("Minister for Foreign Affairs Yoko Kamikawa, Minister of Defense Minoru Kihara, Secretary") == true)
        let first = try #require(en.sections.first?.paragraphs.first?.text)
        #expect(first.contains("the Indo-Pacific region and beyond, and that Alliance roles"))
        #expect(!first.contains("\n"))
    }

    @Test func noBreakSpacesAreKeptInTheText() throws {
        let result = try ImportFixtures.importFixture("nbsp.txt")
        #expect(result.statement.sections[0].paragraphs[0].text == "(a)\u{A0}The Ministers met in\u{A0}Tokyo on 28\u{A0}July 2024.")
        let page = try #require(ImportFixtures.file(result, "01-overview.md"))
        #expect(page.contains("title: 1.\u{A0}Overview\n"))
    }

    @Test func markdownInputIsKeptVerbatim() throws {
        let result = try ImportFixtures.importFixture("markdown-headings.txt")
        let page = try #require(ImportFixtures.file(result, "01-soron.md"))
        #expect(page.contains("(1) 日米両国は、**グローバルな**パートナーである。"))
        #expect(page.contains("[関連資料](https://example.org)"))
        let matter = try ImportFixtures.importFixture("front-matter.txt")
        let index = try #require(ImportFixtures.file(matter, "_index.md"))
        #expect(index.hasPrefix("---\ntitle: 日米外相電話会談\ncategory: 外務省\npublished: \"2024-06-01T09:00:00+09:00\"\ndate: \"2024-05-31\"\nlanguage: ja\n"))
        // A key a release may have that the importer does not write itself is kept as given.
        #expect(index.contains("source: front-matter.txt\ndraft: false\n---\n"))
        let section = try #require(ImportFixtures.file(matter, "01-gaiyo.md"))
        #expect(section.contains("\n1\\. 両外相は、日米同盟の重要性を確認しました。\n\n2\\. 両外相は、*緊密な*意思疎通"))
    }

    @Test func crlfAndByteOrderMarkAreRead() throws {
        let source = try SourceText.read(path: ImportFixtures.path("crlf-bom.txt"))
        #expect(source.encoding == .utf8WithBOM)
        #expect(source.lineEnds == .crlf)
        #expect(source.lines.first?.text == "日米防衛相会談")
        #expect(!source.lines.contains { $0.text.contains("\r") })
    }

    @Test func breadcrumbsAndTrailingChromeAreDropped() throws {
        let s = try ImportFixtures.importFixture("paren-fullwidth.txt").statement
        #expect(s.dropped.map(\.text) == ["ホーム > 報道発表 > 報道発表 2024年", "ページの先頭へ戻る"])
        let en = try ImportFixtures.importFixture("english-statement.txt").statement
        #expect(en.dropped.map(\.text) == [
            "Related articles", "- Japan-U.S. Summit Meeting", "- Japan-Australia 2+2", "Share",
            "Copyright © 2024 Ministry of Foreign Affairs of Japan",
        ])
    }

    @Test(arguments: ImportFixtures.all)
    func nothingIsLost(_ file: String) throws {
        let source = try SourceText.read(path: ImportFixtures.path(file))
        let result = try StatementImporter().importStatement(source, id: nil)
        #expect(ImportFixtures.missingText(source: source, result: result) == nil)
        // Lines shown only as values still say what the line said.
        if let category = result.statement.category { #expect(source.lines.contains { $0.text.contains(category) }) }
    }
}
