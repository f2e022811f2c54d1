import Testing

@testable import CommuniqueMarkdown

/// The filter `allow_raw_html: true` passes raw HTML through (a fuzz finding; the input is
/// replayed from Tests/fuzz/regressions/markdown/ by `make test`).
@Suite struct RawHTMLFilterTests {
    /// `allow_raw_html: true` passes raw HTML through GFM's tagfilter, which escapes `<iframe`
    /// and the like only before a space, tab, line break, `>` or `/>`; cmark-gfm also takes a
    /// form feed as whitespace in a tag, so `<plaintext` + FF + `x>` and `<style` + FF + `>`
    /// were tags to a browser and got through. Found by the `markdown` target
    /// (Tests/fuzz/regressions/markdown/raw-html-tagfilter-form-feed).
    @Test(arguments: [
        ("a <plaintext\u{0C}x> b", "&lt;plaintext\u{0C}x>"),
        ("a <SCRIPT\u{0C}src=x> b", "&lt;SCRIPT\u{0C}src=x>"),
        ("<style\u{0C}>\np{}\n", "&lt;style\u{0C}>"),
        ("<div>\n<iframe src=x></iframe>\n</div>", "&lt;iframe src=x>&lt;/iframe>"),
        ("a <title> b", "&lt;title>"),
    ])
    func rawHTMLNeverHoldsATagTheFilterDisallows(_ markdown: String, escaped: String) {
        let html = MarkdownDocument(markdown, options: MarkdownOptions(allowRawHTML: true)).html()
        #expect(html.contains(escaped), "\(html)")
        for tag in RawHTMLFilter.disallowedTags {
            for opening in ["<\(tag)", "</\(tag)"] {
                #expect(!html.lowercased().contains(opening), "\(opening) in \(html)")
            }
        }
    }

    @Test func theRawHTMLFilterLeavesOtherTagsAlone() {
        let html = "<scripts>a</scripts> <b title=\"x\">b</b> <iframes/> <stylex>"
        #expect(RawHTMLFilter.filter(html) == html)
        #expect(RawHTMLFilter.filter("<Script") == "&lt;Script")
        // A browser ends a tag name at "/" too: `<iframe/src=x>` is an iframe.
        #expect(RawHTMLFilter.filter("<iframe/src=x></IFRAME/>") == "&lt;iframe/src=x>&lt;/IFRAME/>")
        let rendered = MarkdownDocument("a <b>bold</b> <img src=x.png>", options: MarkdownOptions(allowRawHTML: true)).html()
        #expect(rendered.contains("<b>bold</b> <img src=x.png>"), "\(rendered)")
    }
}
