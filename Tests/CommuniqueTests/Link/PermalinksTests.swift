import Testing

@testable import Communique

@Suite struct PermalinksTests {
    @Test func relativeLinksBetweenPages() {
        #expect(Permalinks.relative(from: "releases/x/soron/index.html", to: "index.html") == "../../../index.html")
        #expect(Permalinks.relative(from: "releases/x/soron/index.html", to: "releases/x/index.html") == "../index.html")
        #expect(Permalinks.relative(from: "releases/x/index.html", to: "releases/x/soron/index.html") == "soron/index.html")
        #expect(Permalinks.relative(from: "index.html", to: "releases/x/index.html") == "releases/x/index.html")
        #expect(Permalinks.relative(from: "releases/a/index.html", to: "releases/b/s/index.html") == "../b/s/index.html")
        // A folder that only starts like the other is not shared.
        #expect(Permalinks.relative(from: "releases/x/s/index.html", to: "releases/xy/index.html") == "../../xy/index.html")
        #expect(Permalinks.relative(from: "releases/x/s/index.html", to: "releases/x/s/index.html") == "index.html")
        #expect(Permalinks.relative(from: "releases/x/index.html", to: "releases/index.html") == "../index.html")
        #expect(Permalinks.relative(from: "glossary/acm/index.html", to: "glossary/acm/index.html") == "index.html")
    }

    @Test func rootPrefix() {
        #expect(Permalinks.rootPrefix(from: "index.html") == "")
        #expect(Permalinks.rootPrefix(from: "releases/x/s/index.html") == "../../../")
    }

    @Test func basePathOfSubPathSites() {
        #expect(SiteConfig(title: "t", baseURL: "https://example.org/statements").basePath == "/statements/")
        #expect(SiteConfig(title: "t", baseURL: "https://example.org").basePath == "/")
    }
}
