import Testing

@testable import Communique

@Suite struct MarkupEscapingTests {
    @Test func escapesMarkupCharacters() {
        #expect(MarkupEscaping.escape(#"<a href="x">Tom & 'Jerry'</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;")
    }

    @Test func keepsTextWithoutThemAsItIs() {
        #expect(MarkupEscaping.escape("日米同盟（ＡＣＭ）\n\tend") == "日米同盟（ＡＣＭ）\n\tend")
        #expect(MarkupEscaping.escape("") == "")
    }

    @Test func dropsControlCharactersXMLForbids() {
        #expect(MarkupEscaping.escape("a\u{01}b\u{1F}c&") == "abc&amp;")
        #expect(MarkupEscaping.escape("日\u{0B}本") == "日本")
    }
}
