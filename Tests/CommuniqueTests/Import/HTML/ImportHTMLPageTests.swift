import CommuniqueMarkdown
import Foundation
import Testing

@testable import Communique

/// Saved web pages (`Fixtures/html/`): what the markup gives (title, dates, sections, list
/// numbers, tables) and what is dropped as page chrome.
@Suite struct ImportHTMLPageTests {
    func section(_ result: ImportResult, _ k: Int) -> StatementSection { result.statement.sections[k] }
    func expectDropped(_ result: ImportResult, _ chrome: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let dropped = Set(result.statement.dropped.map(\.text))
        for text in chrome { #expect(dropped.contains(text), "\(text) is not dropped", sourceLocation: sourceLocation) }
    }
    func markdown(_ result: ImportResult) -> String { result.files.filter { $0.path.hasSuffix(".md") }.map(\.contents).joined() }

    // MARK: - A ministry page in Shift_JIS

    @Test func ministryPage() throws {
        let result = try HTMLFixtures.importFixture("mofa-canada-sjis.html")
        let statement = result.statement
        #expect(result.report.encoding == .shiftJIS)
        #expect(statement.format == .html)
        #expect(statement.title == "日・カナダ外相会談")
        #expect(statement.publishedValue == "2024-03-15")
        #expect(statement.meetingDateValue == "2024-03-15")
        #expect(statement.metadataLines.map(\.text) == ["令和6年3月15日"])
        #expect(statement.sections.map(\.title) == ["1　二国間関係", "2　地域情勢", "3　グローバルな課題"])
        // The <ol>'s numbers are the paragraph numbers.
        let first = section(result, 0).paragraphs
        #expect(first.map { $0.marker?.value } == [1, 2, 3])
        #expect(first.allSatisfy { $0.level == 1 })
        #expect(first[0].text.hasPrefix("1. 山田大臣から、本年は日加外交関係樹立９５周年"))
        // <h3> under <h2> stays in its section, its "（1）" read as written.
        #expect(section(result, 1).paragraphs.map(\.text).filter { $0.count < 20 } == ["（1）インド太平洋", "（2）ウクライナ"])
        // A source line break between Japanese characters is a wrap, not a space.
        #expect(statement.lead.map(\.text) == [
            "　3月15日午前9時30分から約45分間、東京において、山田太郎外務大臣は、来日中のジョン・スミス・カナダ外務大臣（The Honourable John Smith, Minister of Foreign Affairs of Canada）との間で、日・カナダ外相会談を行ったところ、概要は以下のとおりです。",
        ])
    }

    @Test func ministryPageChromeIsDroppedWithItsLines() throws {
        let name = "mofa-canada-sjis.html"
        let result = try HTMLFixtures.importFixture(name)
        expectDropped(result, [
            "本文へ移動", "モバイル版", "ホーム", "外交政策", "トップページ", "北米", "印刷", "会談の冒頭、握手する両外相（写真提供：内閣広報室）",
            "関連リンク", "報道発表", "ページの先頭へ戻る", "サイトマップ", "Copyright © Ministry of Foreign Affairs of Japan",
        ])
        let md = markdown(result)
        for chrome in ["印刷", "写真提供", "関連リンク", "サイトマップ", "pageId", "border-bottom", "印刷中"] {
            #expect(!md.contains(chrome), "\(chrome) is in the Markdown")
        }
        for (text, marker) in [("印刷", "印刷</a>"), ("会談の冒頭、握手する両外相（写真提供：内閣広報室）", "会談の冒頭"), ("サイトマップ", "サイトマップ")] {
            let line = try #require(result.statement.dropped.first { $0.text == text }).number
            #expect(line == (try HTMLFixtures.line(of: marker, in: name)), "\(text)")
        }
        #expect(ImportFixtures.file(result, "_dropped.txt")?.hasPrefix("本文へ移動\nモバイル版\n") == true)
        #expect(result.report.description.contains("Imported mofa-canada-sjis.html (Shift_JIS, HTML)"))
    }

    // MARK: - A news site's reprint, UTF-8 with a byte-order mark

    @Test func newsReprint() throws {
        let result = try HTMLFixtures.importFixture("news-reprint-bom.html")
        let statement = result.statement
        #expect(result.report.encoding == .utf8WithBOM)
        #expect(statement.title == "日米防衛相が共同声明　抑止力強化で一致")
        #expect(statement.publishedValue == "2024-05-10T18:45:00+09:00")
        #expect(statement.meetingDateValue == "2024-05-10")
        #expect(statement.category == "政治")
        #expect(statement.lead.map(\.text) == ["防衛省は10日、東京で同日開かれた日米防衛相会談の共同声明を発表した。全文は次の通り。"])
        // One <h2> over several <h3>s: the document's own title; the <h3>s are the sections.
        #expect(statement.innerTitle?.text == "日米防衛相会談共同声明（仮訳）")
        #expect(statement.preamble.count == 1)
        #expect(statement.sections.map(\.title) == ["1．総論", "2．同盟の現代化"])
        // Text markers as today; "（３）" after a <br> is a paragraph of its own.
        #expect(section(result, 1).paragraphs.compactMap { $0.marker?.value } == [1, 2, 3])
        #expect(section(result, 1).paragraphs.last?.text == "（了）")
    }

    @Test func newsReprintDropsRankingRelatedAndShare() throws {
        let result = try HTMLFixtures.importFixture("news-reprint-bom.html")
        expectDropped(result, [
            "アクセスランキング", "円相場、一時１５５円台に", "関連記事", "防衛費、過去最大に", "X", "Facebook", "LINE", "検索",
            "共同記者会見に臨む両閣僚（10日、東京都新宿区）", "© Minato Shimbun",
        ])
        #expect(!markdown(result).contains("ランキング"))
        #expect(!markdown(result).contains("円相場"))
    }

    // MARK: - An English briefing-room page with bold headings

    @Test func briefingRoomBoldParagraphsAreHeadingsAndGuesses() throws {
        let name = "briefing-room.html"
        let result = try HTMLFixtures.importFixture(name)
        let statement = result.statement
        #expect(statement.language == "en")
        #expect(statement.title == "Joint Statement on Maritime Cooperation between the United States and Japan")
        #expect(statement.publishedValue == "2025-02-07T16:30:00")
        #expect(statement.sections.map(\.title) == ["Strengthening Our Alliance", "Advancing a Free & Open Indo-Pacific", "Expanding Economic Ties"])
        #expect(statement.sections.map(\.paragraphs.count) == [2, 1, 2])
        #expect(statement.lead.first?.text.hasPrefix("Today, the President") == true)
        #expect(statement.guesses.count == 3)
        #expect(statement.guesses.first?.line == (try HTMLFixtures.line(of: "Strengthening Our Alliance", in: name)))
        #expect(result.report.description.contains("took the bold paragraph “Expanding Economic Ties” as a section heading"))
        expectDropped(result, ["Skip to content", "Administration", "Share: X Facebook Email", "Copy Link", "Privacy Policy", "Washington, DC 20500"])
        #expect(!markdown(result).contains("NewsArticle"))
    }

    // MARK: - Small shapes: EUC-JP, <br>, <ol start>, a table

    @Test func shapesInEUCJP() throws {
        let result = try HTMLFixtures.importFixture("shapes-eucjp.html")
        let statement = result.statement
        #expect(result.report.encoding == .eucJP)
        #expect(statement.title == "第３回日本・太平洋島嶼国防衛対話　共同声明")
        #expect(statement.publishedValue == "2023-11-20")
        #expect(statement.metadataLines.map(\.text) == ["掲載日：2023年11月20日"])
        // <br> after a full stop: two paragraphs; between lines of a list of names: line breaks.
        #expect(statement.lead.map(\.text) == [
            "第３回日本・太平洋島嶼国防衛対話（ＪＰＩＤＤ）が、11月20日、東京において開催された。", "参加者は以下のとおり。",
            "防衛省　木村一郎防衛審議官\nフィジー　国防省次官\nパプアニューギニア　国防省次官",
        ])
        let index = try #require(ImportFixtures.file(result, "_index.md"))
        #expect(index.contains("防衛省　木村一郎防衛審議官  \nフィジー　国防省次官  \nパプアニューギニア　国防省次官"))
        // <ol start="5"> and <li value="7">.
        #expect(section(result, 0).paragraphs.compactMap { $0.marker?.value } == [5, 7])
        let page = try #require(ImportFixtures.file(result, "01-honbun.md"))
        #expect(page.contains("""
            | 時期 | 行事 | 場所 |
            | --- | --- | --- |
            | 2024年春 | 実務者協議 \\| 第１回 | スバ |
            """))
        // (A block refers to its document without keeping it: the documents are held here.)
        let pageDocument = MarkdownDocument(HTMLFixtures.body(page))
        #expect(pageDocument.blocks.map(\.kind) == [.paragraph, .paragraph, .paragraph, .table, .paragraph])
        let indexDocument = MarkdownDocument(HTMLFixtures.body(index))
        #expect(indexDocument.blocks.map(\.kind) == [.paragraph, .paragraph, .paragraph])
    }

    // MARK: - Escaping

    @Test func pageTextIsTextNotMarkup() throws {
        let result = try HTMLFixtures.importFixture("escaping.html")
        let statement = result.statement
        #expect(statement.title == "Statement on *Markdown* & <script> handling")
        let index = try #require(ImportFixtures.file(result, "_index.md"))
        let document = MarkdownDocument(HTMLFixtures.body(index))
        let blocks = document.blocks
        #expect(blocks.map(\.kind) == [.paragraph, .paragraph, .paragraph])
        #expect(blocks.map(\.plainText) == statement.lead.map(\.text))
        #expect(blocks[0].plainText.contains("<script>alert(1)</script> is text here, as are *stars*, _underscores_, [brackets](http://example.com) and a pipe | too."))
        #expect(!blocks[0].html.contains("<script>") && !blocks[0].html.contains("<em>"))
        // Entities decoded; no-break, ideographic spaces and full-width letters kept.
        #expect(blocks[1].plainText.contains("Tokyo\u{00A0}Bay and 東京\u{3000}湾 keep"))
        #expect(blocks[1].plainText.contains("ＡＳＥＡＮ stays full-width; &copy; stays"))
        // A <br> after a link's address: a line break, not part of the address.
        #expect(blocks[2].plainText == "Details: https://example.org/statement\nContact: press@example.org")
        #expect(blocks[2].html.contains("<br />"))
        let page = try #require(ImportFixtures.file(result, "01-text.md"))
        let pageDocument = MarkdownDocument(HTMLFixtures.body(page))
        let pageBlocks = pageDocument.blocks
        #expect(pageBlocks.map(\.kind) == [.paragraph, .paragraph, .paragraph])
        #expect(pageBlocks.map(\.plainText) == ["(a) # not a heading", "1. not a list", "- not a bullet, and a backslash \\ stays."])
        #expect(!markdown(result).contains("never text"))
    }

    // MARK: - Every page

    @Test(arguments: HTMLFixtures.all)
    func nothingIsLost(_ name: String) throws {
        let result = try HTMLFixtures.importFixture(name)
        let missing = try HTMLFixtures.missingText(page: name, result: result)
        #expect(missing == nil, "\(name): \(missing ?? "")")
    }

    @Test(arguments: HTMLFixtures.all)
    func sameInputSameBytes(_ name: String) throws {
        let first = try HTMLFixtures.importFixture(name)
        let second = try HTMLFixtures.importFixture(name)
        #expect(first.releaseID == second.releaseID)
        #expect(first.files.map(\.path) == second.files.map(\.path))
        #expect(first.files.map(\.contents) == second.files.map(\.contents))
    }

    @Test func fixturesArePresent() {
        #expect(HTMLFixtures.all.count >= 5)
    }
}
