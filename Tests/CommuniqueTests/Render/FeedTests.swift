import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import Communique

@Suite struct FeedTests {
    /// Element names of an XML document, in order; nil when it is not well-formed.
    final class Elements: NSObject, XMLParserDelegate {
        var names: [String] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            names.append(name)
        }
        static func of(_ text: String) -> [String]? {
            let parser = XMLParser(data: Data(text.utf8))
            let delegate = Elements()
            parser.delegate = delegate
            return parser.parse() ? delegate.names : nil
        }
    }

    @Test func datesComeFromTheContent() {
        #expect(PublicationTime(iso: "2024-07-31T10:10:00+09:00")?.rfc3339 == "2024-07-31T10:10:00+09:00")
        #expect(PublicationTime(iso: "2024-07-31T10:10")?.rfc3339 == "2024-07-31T10:10:00Z")
        #expect(PublicationTime(iso: "2024-07-31 10:10:05.25Z")?.rfc3339 == "2024-07-31T10:10:05Z")
        #expect(PublicationTime(iso: "2024-07-28")?.rfc3339 == "2024-07-28T00:00:00Z")
        #expect(PublicationTime(iso: "28 July 2024") == nil)
        #expect(ReleaseDates.utcKey("2024-07-01T05:00:00+09:00") == "2024-06-30T20:00:00")
        #expect(ReleaseDates.utcKey("2024-12-31T23:30:00-01:00") == "2025-01-01T00:30:00")
    }

    @Test func feedSitemapAndRobotsAreWellFormedAndComplete() throws {
        var files = TestSite.minimal
        files["Content/releases/2024-07-28-test/_index.md"] = """
            ---
            title: "発表 & <声明>"
            published: "2024-07-31T10:10:00+09:00"
            date: "2024-07-28"
            ---

            防衛省は公表した。
            """
        files["Content/releases/2023-01-11-older/_index.md"] = "---\ntitle: 以前の発表\ndate: \"2023-01-11\"\n---\n\n本文。\n"
        let site = try TestSite(files)
        defer { site.remove() }
        try site.build()
        let feed = try site.page("feed.xml")
        let names = try #require(Elements.of(feed), "feed.xml is well-formed")
        #expect(names.first == "feed")
        for required in ["id", "title", "updated", "author", "entry", "link"] { #expect(names.contains(required), "\(required)") }
        #expect(names.filter { $0 == "entry" }.count == 2)
        #expect(feed.contains("<updated>2024-07-31T10:10:00+09:00</updated>\n  <author>"), "the feed's updated is its newest entry's")
        #expect(feed.contains("<title>発表 &amp; &lt;声明&gt;</title>"))
        #expect(feed.contains("<id>https://example.org/statements/releases/2023-01-11-older/</id>"))
        let sitemap = try site.page("sitemap.xml")
        let urls = try #require(Elements.of(sitemap))
        #expect(urls.first == "urlset")
        #expect(sitemap.contains("<loc>https://example.org/statements/releases/2024-07-28-test/soron/</loc><lastmod>2024-07-31T10:10:00+09:00</lastmod>"))
        #expect(!sitemap.contains("404"))
        // The 404 page is served at any depth: its feed link starts from the base path too.
        #expect(try site.page("404.html").contains("href=\"/statements/feed.xml\""))
        #expect(try site.page("robots.txt") == "User-agent: *\nAllow: /\nSitemap: https://example.org/statements/sitemap.xml\n")
    }

    @Test func withoutAnAbsoluteBaseURLThereIsNoFeed() throws {
        var files = TestSite.minimal
        // A base_url must be absolute when given (SettingsValidationTests); without one
        // the site's host is unknown.
        files["Content/site.yml"] = "title: t\n"
        let site = try TestSite(files)
        defer { site.remove() }
        try site.build()
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("feed.xml").path))
        #expect(try site.page("robots.txt") == "User-agent: *\nAllow: /\n")
        #expect(try site.page("404.html").contains("href=\"/assets/style.css\""))
    }
}
