import Testing

@testable import Communique

@Suite struct LinkMarkersTests {
    let tags = [#"<a href="<@root>glossary/acm/index.html" data-tip="A &amp; B">"#, #"<a href="<@root>glossary/x/index.html">"#]

    @Test func termMarkersBecomeTagsRelativeToThePage() {
        let html = "前<@term 1>日米</a>と<@term 0>ACM</a>、<@term 1>日米</a>"
        #expect(LinkMarkers.expand(html, rootPrefix: "../../", termTags: tags)
            == #"前<a href="../../glossary/x/index.html">日米</a>と<a href="../../glossary/acm/index.html" data-tip="A &amp; B">ACM</a>、<a href="../../glossary/x/index.html">日米</a>"#)
        #expect(LinkMarkers.expand(LinkMarkers.root + "a", rootPrefix: "", termTags: []) == "a")
    }

    @Test func otherTextIsLeftAsItIs() {
        for html in ["", "<", "<@", "a &lt;@term 0&gt; b", "<@term >", "<@term 7>", "<@term 1", "<@roo>", "x<p>y</p>"] {
            #expect(LinkMarkers.expand(html, rootPrefix: "../", termTags: tags) == html, "\(html)")
        }
    }
}
