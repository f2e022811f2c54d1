import Foundation
import Testing

@testable import CommuniqueMarkdown

@Suite struct MarkdownDocumentTests {
    @Test func splitsTopLevelBlocksWithLines() {
        let doc = MarkdownDocument("# 総論\n\n(1)冒頭、日本側から\n発言しました。\n\n- a\n- b\n")
        #expect(doc.blocks.map(\.kind) == [.heading(level: 1), .paragraph, .list])
        #expect(doc.blocks.map(\.startLine) == [1, 3, 6])
        #expect(doc.blocks[1].plainText == "(1)冒頭、日本側から発言しました。")
    }

    @Test func softBreakBetweenJapaneseCharactersDisappears() {
        let doc = MarkdownDocument("日本側から\n発言しました。\nIt was\nsaid.")
        #expect(doc.blocks[0].innerHTML == "日本側から発言しました。\nIt was\nsaid.")
    }

    @Test func rawHTMLAndScriptsAreInertByDefault() {
        let doc = MarkdownDocument("<script>alert(1)</script>\n\ntext <img src=x onerror=alert(1)> [x](javascript:alert(1))\n")
        let html = doc.html()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("javascript:"))
    }

    @Test func tagfilterStillAppliesWhenRawHTMLIsAllowed() {
        let doc = MarkdownDocument("<script>alert(1)</script>\n", options: MarkdownOptions(allowRawHTML: true))
        #expect(doc.html().contains("&lt;script>"))
    }

    @Test func gfmExtensionsAreOn() {
        let doc = MarkdownDocument("| a | b |\n|:--|--:|\n| 1 | 2 |\n\n~~x~~ https://example.org\n\n- [x] done\n\nfn[^1]\n\n[^1]: note\n")
        let html = doc.blocks.map(\.html).joined()
        #expect(html.contains("<table>"))
        #expect(html.contains("style=\"text-align: left\""))
        #expect(!html.contains("align=\""))
        #expect(html.contains("<del>x</del>"))
        #expect(html.contains("<a href=\"https://example.org\">"))
        #expect(html.contains("type=\"checkbox\""))
        #expect(html.contains("href=\"#fn-1\""))
        #expect(doc.footnotesHTML().contains("class=\"footnotes\""))
        #expect(doc.footnotesHTML().contains("note"))
    }

    @Test func headingsShiftUnderThePageTitle() {
        let doc = MarkdownDocument("# A\n\n### B\n", options: MarkdownOptions(headingLevelOffset: 1))
        #expect(doc.blocks.map(\.kind) == [.heading(level: 2), .heading(level: 4)])
        #expect(doc.blocks[0].innerHTML == "A")
    }
}

@Suite struct InlineWrappingTests {
    @Test func wrapsPartsOfTextWithRawHTMLEvenInSafeMode() throws {
        let doc = MarkdownDocument("(1)既存の同盟調整メカニズム(ACM)が[リンク内のACM](x)と`ACM`。\n")
        let block = doc.blocks[0]
        let runs = block.linkableRuns
        #expect(runs.map(\.text) == ["(1)既存の同盟調整メカニズム(ACM)が", "と", "。"])
        let text = runs[0].text
        let start = text.utf8.distance(from: text.startIndex, to: text.range(of: "同盟調整メカニズム")!.lowerBound)
        let acm = text.utf8.distance(from: text.startIndex, to: text.range(of: "ACM")!.lowerBound)
        block.wrap(runs[0], [
            InlineWrap(utf8Range: acm..<(acm + 3), open: "<a href=\"#acm\">", close: "</a>"),
            InlineWrap(utf8Range: start..<(start + "同盟調整メカニズム".utf8.count), open: "<a class=\"term\">", close: "</a>"),
        ])
        #expect(block.innerHTML == "(1)既存の<a class=\"term\">同盟調整メカニズム</a>(<a href=\"#acm\">ACM</a>)が<a href=\"x\">リンク内のACM</a>と<code>ACM</code>。")
        // Wrapped text is no longer offered for linking.
        #expect(block.linkableRuns.map(\.text) == ["(1)既存の", "(", ")が", "と", "。"])
    }

    @Test func textSpanningALineBreakIsOneRun() {
        let doc = MarkdownDocument("既存の同盟調整\nメカニズムと the Alliance\nCoordination Mechanism.\n")
        #expect(doc.blocks[0].linkableRuns.map(\.text) == ["既存の同盟調整メカニズムと the Alliance\nCoordination Mechanism."])
    }
}
