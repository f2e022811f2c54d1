import Foundation
import Mustache
import Testing

@testable import Communique

@Suite struct UTF8HTMLEscapingTests {
    @Test func escapesExactlyLikeSwiftMustache() throws {
        _ = UTF8HTMLEscaping.register
        let fast = try MustacheTemplate(string: "{{%CONTENT_TYPE:HTML_UTF8}}\n{{x}}|{{{x}}}")
        let stock = try MustacheTemplate(string: "{{x}}|{{{x}}}")
        for value in [#"<a href="x">Tom & 'Jerry'</a>"#, "日米同盟（ＡＣＭ）", "", "&amp;&lt;", "改行\r\nと<b>"] {
            #expect(fast.render(["x": value]) == stock.render(["x": value]), "\(value)")
        }
        #expect(fast.render(["x": "<'&\">"]) == "&lt;&#39;&amp;&quot;&gt;|<'&\">")
    }

    @Test func everyShippedTemplateSelectsIt() throws {
        let folder = TestSite.repository.appendingPathComponent("Templates")
        let files = SiteFiles.walk(folder).filter { $0.hasSuffix(".mustache") }
        #expect(files.count > 10)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(text.hasPrefix("{{%CONTENT_TYPE:\(UTF8HTMLEscaping.name)}}\n"), "\(file)")
        }
    }
}

extension UTF8HTMLEscapingTests {
    @Test func keepsControlCharactersAsSwiftMustacheDoes() throws {
        _ = UTF8HTMLEscaping.register
        let fast = try MustacheTemplate(string: "{{%CONTENT_TYPE:HTML_UTF8}}{{x}}")
        let stock = try MustacheTemplate(string: "{{x}}")
        #expect(fast.render(["x": "a\u{01}b\t'"]) == stock.render(["x": "a\u{01}b\t'"]))
    }
}
