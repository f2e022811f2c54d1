import Foundation
import Testing

@testable import Communique

@Suite struct LinkCheckerTests {
    @Test func resolvesRelativeLinks() {
        #expect(LinkChecker.resolve("../a/index.html", from: "releases/x/b/index.html") == "releases/x/a/index.html")
        #expect(LinkChecker.resolve("../../../index.html", from: "releases/x/b/index.html") == "index.html")
        #expect(LinkChecker.resolve("b/index.html", from: "index.html") == "b/index.html")
        #expect(LinkChecker.resolve("index.html", from: "releases/x/index.html") == "releases/x/index.html")
        #expect(LinkChecker.resolve("../../index.html", from: "releases/index.html") == nil)
        // Shapes the byte-level fast path leaves to the general one.
        #expect(LinkChecker.resolve("./a/../b/index.html", from: "releases/index.html") == "releases/b/index.html")
        #expect(LinkChecker.resolve("a//b.html", from: "x/index.html") == "x/a/b.html")
        #expect(LinkChecker.resolve("..", from: "x/y/index.html") == "x")
        #expect(LinkChecker.resolve("a/..", from: "x/index.html") == "x")
        #expect(LinkChecker.resolve("...", from: "x/index.html") == "x/...")
    }

    @Test func splitsALinkIntoItsFileAndFragmentAndKnowsExternalOnes() throws {
        func target(_ link: String, on page: String = "a/b/index.html") -> String? {
            guard case .success(let target) = LinkChecker.target(of: link, on: page) else { return nil }
            return target.path + (target.fragment.map { "#" + $0 } ?? "")
        }
        #expect(target("../c/index.html#sec_1__para_2") == "a/c/index.html#sec_1__para_2")
        #expect(target("#def-biac") == "a/b/index.html#def-biac")
        #expect(target("index.html#") == "a/b/index.html#")
        #expect(target("%E6%97%A5/index.html#%E6%97%A5%23x") == "a/b/日/index.html#日#x")
        #expect(target("/glossary/index.html") == nil, "root-relative")
        #expect(target("../../../x.html") == nil, "above the root")
        for link in ["https://example.org/", "mailto:a@example.org", "//cdn.example.org/x.js", "tel:+81-3", "a.b+c-d:x"] {
            #expect(LinkChecker.isExternal(link), "\(link)")
        }
        for link in ["index.html", "../a/index.html#x:y", ":x", "a/b:c", "#x", "日本:x", ""] {
            #expect(!LinkChecker.isExternal(link), "\(link)")
        }
    }

    @Test func findsIDsAndLinksOnlyInAttributes() {
        let html = """
            <p id="a" class="x=y" title="id=&quot;no&quot;">Text with &quot;quotes&quot; and href=&quot;no&quot; a = b</p>
            <a href="../b/index.html#c" data-href="no">x</a><img src="i.png" alt="">
            <p data-id="no"  id="d">=""</p><a class="" href="">e</a><a href="?q=">f</a> <p id="last"
            """
        let found = LinkChecker.attributes(in: Array(html.utf8))
        #expect(found.ids == ["a", "d", "last"])
        #expect(found.links == ["../b/index.html#c", "i.png", "", "?q="])
    }

    @Test func reportsEachKindOfBrokenLinkOnEveryPageThatHasIt() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("linkcheck-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        func page(_ path: String, _ body: String) throws {
            let url = output.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("<!DOCTYPE html><html><body>\(body)</body></html>".utf8).write(to: url)
        }
        try page("index.html", """
            <p id="top"><a href="a/index.html#p%201">ok</a> <a href="a/index.html#missing">x</a> <a href="a/">x</a>
            <a href="/a/index.html">x</a> <a href="../index.html">x</a> <a href="#top">ok</a> <a href="https://example.org/">ok</a>
            <a href="a/index.html?x=1&amp;y=2#top">x</a></p>
            """)
        try page("a/index.html", """
            <p id="p 1"><a href="../index.html#top">ok</a> <a href="../b/index.html">x</a> <a href="index.html#missing">x</a></p>
            """)
        // A page beside index.html with the same links: a link to an anchor of the page
        // itself is judged on each page (other.html has no "top"), the others once per folder.
        try page("other.html", """
            <p><a href="#top">x</a> <a href="a/index.html#missing">x</a> <a href="a/index.html#p%201">ok</a></p>
            """)
        let result = try LinkChecker().check(output: output)
        let broken = Set(result.broken.map { "\($0.page) \($0.link)" })
        #expect(broken == [
            "index.html a/index.html#missing", "index.html a/", "index.html /a/index.html", "index.html ../index.html",
            "index.html a/index.html?x=1&y=2#top", "a/index.html ../b/index.html", "a/index.html index.html#missing",
            "other.html #top", "other.html a/index.html#missing",
        ])
        #expect(result.ids["a/index.html"] == ["p 1"])
        #expect(result.ids["index.html"] == ["top"])
    }

    @Test func pagesOutsideTheScopeAreJudgedByTheIDsItIsGiven() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("linkcheck-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        try FileManager.default.createDirectory(at: output.appendingPathComponent("a"), withIntermediateDirectories: true)
        try Data(#"<p><a href="a/index.html#kept">x</a> <a href="a/index.html#gone">x</a></p>"#.utf8)
            .write(to: output.appendingPathComponent("index.html"))
        try Data(#"<p id="gone">on disk</p>"#.utf8).write(to: output.appendingPathComponent("a/index.html"))
        // The previous build recorded a/index.html's ids; they are used instead of reading it.
        let result = try LinkChecker().check(output: output, only: ["index.html"], knownIDs: ["a/index.html": ["kept"]])
        #expect(result.broken.map(\.link) == ["a/index.html#gone"])
        #expect(result.ids["a/index.html"] == ["kept"])
        // Without them the page is read.
        let read = try LinkChecker().check(output: output, only: ["index.html"])
        #expect(read.broken.map(\.link) == ["a/index.html#kept"])
    }
}
