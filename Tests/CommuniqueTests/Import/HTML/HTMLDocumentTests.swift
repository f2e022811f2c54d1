import CommuniqueHTML
import Testing

@testable import Communique

/// The gumbo wrapper (a page as Swift values with source lines) and the small rules of the
/// page reader: whitespace, `<br>` shapes, list numbers, chrome words.
@Suite struct HTMLDocumentTests {
    @Test func parsesAsABrowserDoes() throws {
        // Tag soup: no <html>, <head> or <body>, an unclosed <p>, a stray end tag, a custom element.
        let document = HTMLDocument.parse("<title>T</title>\n<p>one &amp; two<br>three\n<p class=\"x y\">四&nbsp;五</div></p>\n<my-tag a=1>z</my-tag>")
        #expect(document.head?.elements.first?.name == "title")
        let body = try #require(document.body)
        #expect(body.line == 0)  // implied
        #expect(body.elements.map(\.name) == ["p", "p", "my-tag"])
        let first = body.elements[0]
        #expect(first.line == 2)
        #expect(first.textContent == "one & twothree\n")
        #expect(first.elements.map(\.name) == ["br"])
        #expect(body.elements[1].attribute("class") == "x y")
        #expect(body.elements[1].textContent == "四\u{00A0}五")
        #expect(body.elements[1].firstLine == 3)
        #expect(body.elements[2].attribute("a") == "1")
    }

    @Test func deepNestingIsFlattenedNotACrash() throws {
        let depth = 5000
        let html = String(repeating: "<span>", count: depth) + "deep" + String(repeating: "</span>", count: depth)
        let document = HTMLDocument.parse(html)
        #expect(document.body?.textContent == "deep")
    }

    @Test func whitespaceCollapsesAsInABrowser() {
        #expect(HTMLInlineText.collapse("  a \n\t b  ") == "a b")
        #expect(HTMLInlineText.collapse("日本は\n  米国と") == "日本は米国と")
        #expect(HTMLInlineText.collapse("日本は 米国と") == "日本は 米国と")
        #expect(HTMLInlineText.collapse("a\u{00A0}\u{3000}b") == "a\u{00A0}\u{3000}b")
    }

    @Test func brLinesArePararaphsOrLineBreaksByTheirShape() {
        #expect(HTMLLineShape.paragraphs(["一文目。", "二文目。"]) == ["一文目。", "二文目。"])
        #expect(HTMLLineShape.paragraphs(["1600 Example Avenue NW", "Washington, DC"]) == ["1600 Example Avenue NW\nWashington, DC"])
        #expect(HTMLLineShape.paragraphs(["前文", "（１）項目"]) == ["前文", "（１）項目"])
        #expect(HTMLLineShape.paragraphs(["a", "", "b"]) == ["a", "b"])
    }

    @Test func listNumbersFollowTheListsType() {
        #expect(HTMLBlockReader.marker(5, type: "1") == "5.")
        #expect(HTMLBlockReader.marker(2, type: "a") == "(b)")
        #expect(HTMLBlockReader.marker(4, type: "I") == "IV.")
        #expect(HTMLBlockReader.marker(3, type: "i") == "(iii)")
        for (number, type) in [(5, "1"), (2, "a"), (4, "I"), (3, "i")] {
            let marker = NumberMarker.parse(HTMLBlockReader.marker(number, type: type) + " text")
            #expect(marker?.value == number, "\(number) \(type)")
        }
    }

    @Test func chromeByClassWordsRoleAndTag() {
        func element(_ name: String, _ attributes: [(String, String)] = []) -> HTMLElement {
            HTMLElement(name: name, attributes: attributes.map { (name: $0.0, value: $0.1) }, line: 1)
        }
        #expect(HTMLChrome.isChrome(element("div", [("class", "c-breadcrumb__list")]), inContent: true))
        #expect(HTMLChrome.isChrome(element("div", [("class", "shareButtons")]), inContent: true))
        #expect(HTMLChrome.isChrome(element("div", [("role", "navigation")]), inContent: true))
        #expect(HTMLChrome.isChrome(element("nav"), inContent: true))
        #expect(HTMLChrome.isChrome(element("footer"), inContent: false))
        #expect(!HTMLChrome.isChrome(element("header"), inContent: true))
        #expect(!HTMLChrome.isChrome(element("div", [("class", "entry-content shadow")]), inContent: true))
        #expect(HTMLChrome.isLabel("関連記事"))
        #expect(HTMLChrome.isLabel("Print this page"))
        #expect(!HTMLChrome.isLabel("両外相は印刷物について議論した。"))
    }
}
