import CommuniqueMarkdown
import Testing

@testable import Communique

@Suite struct ImportMarkdownEscaperTests {
    static let dangerous = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "*a*",
        "1. item",
        "1) item",
        "- item",
        "+ item",
        "# not a heading",
        "---",
        "a_b_c `code` ~~struck~~ | cell |",
        "&amp; &#123; &#x1F; and & alone",
        "back\\slash\\",
        "(1)冒頭、日本側から",
        "12.5% 1.5倍",
    ]

    @Test(arguments: dangerous)
    func escapingRoundTrips(_ text: String) {
        #expect(MarkdownEscaper.unescape(MarkdownEscaper.escape(text)) == text)
        #expect(MarkdownEscaper.unescape(MarkdownEscaper.escapeHeading(text)) == text)
    }

    @Test func escapesWhatMarkdownWouldInterpret() {
        #expect(MarkdownEscaper.escape("<script>alert(1)</script>") == "\\<script\\>alert(1)\\</script\\>")
        #expect(MarkdownEscaper.escape("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))")
        #expect(MarkdownEscaper.escape("*a*") == "\\*a\\*")
        #expect(MarkdownEscaper.escape("1. item") == "1\\. item")
        #expect(MarkdownEscaper.escape("10) item") == "10\\) item")
        #expect(MarkdownEscaper.escape("- item") == "\\- item")
        #expect(MarkdownEscaper.escape("+ item") == "\\+ item")
        #expect(MarkdownEscaper.escape("---") == "\\---")
        #expect(MarkdownEscaper.escape("# x") == "\\# x")
        #expect(MarkdownEscaper.escape("&amp;") == "\\&amp;")
        #expect(MarkdownEscaper.escape("a|b~c_d`e") == "a\\|b\\~c\\_d\\`e")
    }

    /// A combining mark after the space (or the delimiter) joins it into one Character, but
    /// cmark reads bytes: `2. ު…` is still a list item and must be escaped. Found by the
    /// import fuzz target (Tests/fuzz/regressions/import/combining-mark-after-a-list-marker).
    @Test(arguments: ["2. \u{07AA}nited States", "2.\t\u{0301}x", "- \u{0301}x", "12) \u{0300}", "+ \u{20DD}"])
    func aListMarkerFollowedByACombiningMarkIsEscaped(_ text: String) {
        let escaped = MarkdownEscaper.escape(text)
        #expect(escaped != text, "\(text) left as it is")
        #expect(MarkdownEscaper.unescape(escaped) == text)
        let document = MarkdownDocument(escaped)
        #expect(document.blocks.map(\.kind) == [.paragraph], "\(escaped)")
    }

    /// The same inside a line: `_`, `*` or an entity's `;` followed by a mark (the half-width
    /// ﾟ that Shift_JIS makes of byte 0xDF, or U+0301) is one Character that is none of them,
    /// yet cmark reads `*a*ﾟ` as emphasis and `&amp;ﾟ` as `&`. Found by the import fuzz
    /// target (Tests/fuzz/regressions/import/entity-before-a-halfwidth-sound-mark).
    @Test(arguments: ["ﾟ&amp;ﾟ", "x &#123;\u{0301}", "*ﾟa*ﾟ", "_\u{0301}b_\u{0301}", "[ﾟx](y)", "\\ﾟ*"])
    func punctuationFollowedByAMarkIsEscaped(_ text: String) {
        let escaped = MarkdownEscaper.escape(text)
        #expect(escaped != text, "\(text) left as it is")
        #expect(MarkdownEscaper.unescape(escaped) == text)
        let document = MarkdownDocument(escaped)
        #expect(document.blocks.map(\.plainText) == [text], "\(escaped)")
    }

    @Test func leavesPlainTextAlone() {
        for text in ["(1)冒頭、日本側から", "（１）日米双方は", "1.5倍", "AT&T", "C# 言語", "-5度", "+81-3", "2024-07-28", "「2+2」"] {
            #expect(MarkdownEscaper.escape(text) == text)
        }
    }

    @Test func headingsEscapeEveryHash() {
        #expect(MarkdownEscaper.escapeHeading("C #") == "C \\#")
        #expect(MarkdownEscaper.escapeHeading("# x") == "\\# x")
    }

    /// GFM links a bare address up to the next space, taking escapes in it raw: the address is
    /// kept as text (its trigger escaped), so what follows it shows as written.
    @Test(arguments: ["see https://example.com/a_b here", "x *http://ex.com/y> z", "www.example.org/a_b", "FTP://x/*y*"])
    func aBareAddressIsText(_ text: String) {
        let escaped = MarkdownEscaper.escape(text)
        #expect(MarkdownEscaper.unescape(escaped) == text)
        let document = MarkdownDocument(escaped)
        #expect(document.blocks.map(\.plainText) == [text], "\(escaped)")
        #expect(document.blocks.first.map { !$0.html.contains("<a ") } == true, "\(escaped)")
    }
}
