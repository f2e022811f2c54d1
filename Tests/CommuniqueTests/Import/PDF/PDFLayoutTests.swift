import Foundation
import Testing

@testable import Communique

/// The layout rules on text as poppler extracts it, without a PDF: running headers,
/// footers and page numbers, and lines joined into paragraphs.
@Suite struct PDFLayoutTests {
    /// One line to lay out: its text, where it starts and ends (a full line ends at 522),
    /// and its type size.
    struct Spec {
        var text: String
        var left = 72.0
        var right: Double? = nil
        var top: Double? = nil
        var size = 10.0
    }

    static let full = 522.0

    /// Pages of A4 with the given lines, numbered in order, body lines 15 points apart
    /// from 100 down; a word's width is its share of the line.
    static func pages(_ specs: [[Spec]]) -> [PDFPage] {
        var number = 0
        return specs.enumerated().map { p, lines in
            var bodyTop = 100.0
            let built = lines.map { spec -> PDFLine in
                number += 1
                let top = spec.top ?? bodyTop
                if spec.top == nil { bodyTop += 15 }
                let right = spec.right ?? full
                let words = spec.text.split(separator: " ").map(String.init)
                let space = spec.size / 2  // a half-width space
                let units = Double(words.map { TextScript.displayWidth($0) }.reduce(0, +))
                let unit = (right - spec.left - space * Double(words.count - 1)) / max(units, 1)
                var x = spec.left
                let boxes = words.map { word -> PDFWord in
                    let width = unit * Double(TextScript.displayWidth(word))
                    defer { x += width + space }
                    return PDFWord(text: word, left: x, top: top, width: width, height: spec.size)
                }
                return PDFLine(number: number, page: p + 1, words: boxes)
            }
            return PDFPage(number: p + 1, width: 595, height: 842, lines: built)
        }
    }

    static func paragraphs(_ specs: [[Spec]]) -> PDFParagraphBuilder.Result {
        let pages = pages(specs)
        return PDFParagraphBuilder(pages: pages).build(pages)
    }

    // MARK: - Headers, footers, page numbers

    @Test func runningHeaderFooterAndPageNumbersAreDropped() {
        let pages = Self.pages((1...3).map { n in
            [
                Spec(text: "Japan-Arcadia Joint Statement", left: 300, top: 30, size: 8),
                Spec(text: "Both sides agreed on the \(["first", "second", "third"][n - 1]) page."),
                Spec(text: "Page \(n) of 3", left: 280, right: 320, top: 790, size: 8),
                Spec(text: "Ministry of Foreign Affairs", right: 200, top: 805, size: 8),
            ]
        })
        let result = PDFPageChrome.strip(pages)
        #expect(result.pages.flatMap(\.lines).map(\.text) == ["first", "second", "third"].map { "Both sides agreed on the \($0) page." })
        #expect(result.dropped.count == 9)
        #expect(result.dropped.map(\.text).filter { $0.hasPrefix("Page") } == ["Page 1 of 3", "Page 2 of 3", "Page 3 of 3"])
    }

    @Test func aPageNumberAloneIsDroppedEvenOnOnePage() {
        let pages = Self.pages([[Spec(text: "双方は協力を確認した。", right: 200), Spec(text: "－１－", left: 290, right: 305, top: 800)]])
        let result = PDFPageChrome.strip(pages)
        #expect(result.dropped.map(\.text) == ["－１－"])
        #expect(result.pages[0].lines.map(\.text) == ["双方は協力を確認した。"])
    }

    @Test func textRepeatedInTheBodyOrOnlyOnSomePagesIsKept() {
        let pages = Self.pages((1...4).map { n in
            // The same line in the middle of every page, and a top line on page 1 only.
            (n == 1 ? [Spec(text: "Joint Statement", top: 40)] : [])
                + [Spec(text: "Both sides agreed.", top: 400), Spec(text: "Text \(n) of the page.", top: 420)]
        })
        let result = PDFPageChrome.strip(pages)
        #expect(result.dropped.isEmpty)
    }

    @Test(arguments: ["3", "- 3 -", "３", "3/10", "Page 3 of 10", "page 3", "－３－", "p. 3", "3 / 10", "3ページ", "— 12 —"])
    func pageNumberShapes(_ text: String) {
        #expect(PDFPageChrome.isPageNumber(text))
    }

    @Test(arguments: ["(3)", "3 総論", "2024年", "Section 3", "1. Overview", "3.5", "Page three"])
    func notPageNumbers(_ text: String) {
        #expect(!PDFPageChrome.isPageNumber(text))
    }

    // MARK: - Paragraphs

    @Test func japaneseWrappedLinesJoinWithoutASpace() {
        let result = Self.paragraphs([[
            Spec(text: "(1) 双方は、法の支配に基づく自由で開かれた国際秩序を維持し"),
            Spec(text: "強化することの重要性を確認し、「自由で開かれた"),
            Spec(text: "インド太平洋」の実現に向けて一致した。", right: 300),
            Spec(text: "(2) 双方は、交流年の記念事業を歓迎した。", right: 320),
        ]])
        #expect(result.paragraphs.map(\.text) == [
            "(1) 双方は、法の支配に基づく自由で開かれた国際秩序を維持し強化することの重要性を確認し、「自由で開かれたインド太平洋」の実現に向けて一致した。",
            "(2) 双方は、交流年の記念事業を歓迎した。",
        ])
    }

    @Test func englishLinesJoinWithOneSpaceAndNoneAfterAnOpeningBracket() {
        let result = Self.paragraphs([[
            Spec(text: "1. Both sides reaffirmed the importance of the free and open ("),
            Spec(text: "rules-based) order and agreed to deepen cooperation in every"),
            Spec(text: "field.", right: 110),
        ]])
        #expect(result.paragraphs.map(\.text) == [
            "1. Both sides reaffirmed the importance of the free and open (rules-based) order and agreed to deepen cooperation in every field."
        ])
    }

    @Test func aHyphenIsDroppedOnlyWhenTheTextWritesTheWordWithoutIt() {
        let result = Self.paragraphs([[
            Spec(text: "1. Both sides discussed the interoperability of coast guards and the inter-"),
            Spec(text: "operability of standards, and a well-"),
            Spec(text: "known approach.", right: 150),
        ]])
        #expect(result.paragraphs.map(\.text) == [
            "1. Both sides discussed the interoperability of coast guards and the interoperability of standards, and a well-known approach."
        ])
        #expect(result.guesses.map(\.message).filter { $0.contains("well-known") }.count == 1)
    }

    @Test func numberedParagraphsListItemsAndHeadingsStayApart() {
        let result = Self.paragraphs([[
            Spec(text: "１．総論", right: 112),
            Spec(text: "(1) 双方は、協力を一層深めていくことで一致した。この文は行の終わりまで続く。"),
            Spec(text: "(2) 双方は、次の分野での協力を確認した。この文も行の終わりまで続いている。"),
            Spec(text: "ア 防衛・安全保障の分野で協力を進めることを確認した。行の終わりまで続く。"),
            Spec(text: "・ 経済安全保障の分野で協力を進めることを確認した。行の終わりまで続く。"),
            Spec(text: "２．経済協力", right: 132),
            Spec(text: "1. Both sides agreed on a long list of items that runs to the end of the line."),
            Spec(text: "Regional Affairs", right: 160),
            Spec(text: "2. Both sides agreed.", right: 180),
        ]])
        #expect(result.paragraphs.count == 9, "\(result.paragraphs.map(\.text))")
    }

    @Test func aFirstLineIndentStartsAParagraphAndAShortLineEndsOne() {
        let result = Self.paragraphs([[
            Spec(text: "The Government of Japan and the Government of the Republic of", left: 92),
            Spec(text: "Arcadia held their consultation in Tokyo and announce the following."),
            Spec(text: "The two sides agreed to meet again next year in the Republic of", left: 92),
            Spec(text: "Arcadia.", right: 120),
            Spec(text: "They thanked the hosts for the arrangements made for the meeting and", left: 72),
            Spec(text: "for their hospitality.", right: 200),
        ]])
        #expect(result.paragraphs.count == 3)
        #expect(result.paragraphs[1].text == "The two sides agreed to meet again next year in the Republic of Arcadia.")
    }

    @Test func aParagraphBrokenAcrossAPageIsJoinedAsAGuess() {
        let result = Self.paragraphs([
            [
                Spec(text: "(1) 双方は、首脳及び閣僚の往来を定期化し、協議を年1回開催する"),
                Spec(text: "ことで一致した。また、実務者レベルの対話を通じて、認識のすり合わせを"),
            ],
            [
                Spec(text: "継続することを確認した。", right: 200),
                Spec(text: "(2) 双方は、協力を歓迎した。", right: 250),
            ],
        ])
        #expect(result.paragraphs.map(\.text) == [
            "(1) 双方は、首脳及び閣僚の往来を定期化し、協議を年1回開催することで一致した。また、実務者レベルの対話を通じて、認識のすり合わせを継続することを確認した。",
            "(2) 双方は、協力を歓迎した。",
        ])
        #expect(result.guesses.map(\.line) == [3])
        #expect(result.guesses.first?.message.contains("from page 1 to page 2") == true)
    }

    @Test func aNewPageStartingAParagraphIsNotJoined() {
        let result = Self.paragraphs([
            [Spec(text: "(1) 双方は、首脳及び閣僚の往来を定期化し、協議を年1回開催することで一致した。")],
            [Spec(text: "(2) 双方は、協力を歓迎した。", right: 250)],
        ])
        #expect(result.paragraphs.count == 2)
        #expect(result.guesses.isEmpty)
    }

    @Test func aCentredTitleALargerLineAndAGapStandApart() {
        let result = Self.paragraphs([[
            Spec(text: "Joint Statement", left: 250, right: 350, size: 14),
            Spec(text: "March 1, 2025", left: 450, top: 125),
            Spec(text: "The two sides met in Tokyo and discussed a wide range of issues of", top: 140),
            Spec(text: "Overview", right: 120, top: 170),
            Spec(text: "common interest to both countries and the region, and they agreed.", top: 185),
        ]])
        #expect(result.paragraphs.map(\.text) == [
            "Joint Statement", "March 1, 2025", "The two sides met in Tokyo and discussed a wide range of issues of",
            "Overview", "common interest to both countries and the region, and they agreed.",
        ])
    }

    // MARK: - Reading poppler's output

    @Test func tsvIsReadIntoPagesLinesAndWords() {
        let tsv = """
            level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
            1\t1\t0\t0\t0\t0\t0\t0\t595.27\t841.88\t-1\t###PAGE###
            5\t1\t1\t0\t0\t0\t85.00\t100.00\t19.50\t13.00\t100\t(1)
            5\t1\t1\t0\t0\t1\t111.00\t100.00\t100.00\t13.00\t100\t双方は、
            5\t1\t1\t0\t0\t2\t213.00\t100.00\t26.00\t13.00\t100\t協力
            5\t1\t1\t1\t0\t0\t85.00\t126.00\t40.00\t13.00\t100\tJapan
            5\t1\t1\t1\t0\t1\t130.00\t126.00\t40.00\t13.00\t100\tand
            1\t2\t0\t0\t0\t0\t0\t0\t595.27\t841.88\t-1\t###PAGE###
            """
        let text = PDFText(tsv: tsv)
        #expect(text.pages.count == 2)
        #expect(text.pages[0].lines.map(\.text) == ["(1) 双方は、協力", "Japan and"])
        #expect(text.pages[0].lines.map(\.number) == [1, 2])
        #expect(text.pages[1].lines.isEmpty)
        #expect(!text.isEmpty)
    }

    @Test func pagesWithoutWordsHaveNoTextLayer() throws {
        let empty = PDFText(pages: [PDFPage(number: 1, width: 595, height: 842, lines: [])])
        #expect(empty.isEmpty)
        let error = try #require(throws: CommuniqueError.self) { try PDFStatementReader.clean(empty, path: "scan.pdf") }
        #expect(error.description.hasPrefix("scan.pdf: error: has no text layer"))
        #expect(error.description.contains("no OCR"))
    }
}
