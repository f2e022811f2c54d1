import Foundation
import Testing

@testable import Communique

/// The search page as built: what it starts loading before any query.
@Suite struct SearchPageTests {
    @Test func thePageStartsLoadingTheNewestReleasesParagraphs() throws {
        let site = try TestSite.sampleAndMinimal()
        defer { site.remove() }
        try site.write("Content/releases/2025-02-07-new/_index.md", SearchTokensTests.newRelease)
        try site.build()
        let page = try site.page("search/index.html")
        let attribute = try #require(page.firstMatch(of: /data-preload="([^"]*)"/)?.1)
        let files = attribute.split(separator: " ").map(String.init)
        // Newest first, at most SearchFiles.preloadedReleases, each a file the build wrote.
        #expect(files.first == "d/2025-02-07-new.js")
        #expect(files.count == 3 && files.count <= SearchFiles.preloadedReleases)
        for file in files {
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("search/" + file).path), "\(file)")
        }
    }
}
