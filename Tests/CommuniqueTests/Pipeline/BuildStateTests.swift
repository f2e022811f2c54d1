import Foundation
import Testing

@testable import Communique

/// What a build knows between builds lives in `.communique/`, never in the output.
@Suite struct BuildStateTests {
    @Test func theOutputHoldsNoDotfileAndTheManifestIsBesideContent() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        try site.build()
        try site.build()
        let hidden = SiteFiles.walk(site.output, includeHidden: true).filter { $0.split(separator: "/").contains { $0.hasPrefix(".") } }
        #expect(hidden.isEmpty, "\(hidden)")
        #expect(FileManager.default.fileExists(atPath: site.root.path + "/.communique/manifest-Public"))
        // Beside the output only the output itself: no staging or previous folder left.
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted()
        #expect(beside == [".communique", "Content", "Public", "Templates"])
    }

    /// A site built by an older version kept its manifest in the output: the next build
    /// takes the folder as its own, and the manifest leaves the output.
    @Test func anOutputWithAnOldManifestInsideIsMigrated() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        try site.build()
        let paths = SiteFiles.walk(site.output)
        SiteFiles.removeTree(site.root.appendingPathComponent(".communique"))
        try Data(("communique-manifest 4\n" + paths.map { "f\t\($0)\n" }.joined()).utf8)
            .write(to: site.output.appendingPathComponent(BuildManifest.legacyFileName))
        let report = try site.build()
        #expect(report.write.written == 0, "identical bytes are kept")
        #expect(!FileManager.default.fileExists(atPath: site.output.path + "/" + BuildManifest.legacyFileName))
        #expect(FileManager.default.fileExists(atPath: site.root.path + "/.communique/manifest-Public"))
    }

    /// A page truncated by hand is rendered again by the next incremental build.
    @Test func anOutputFileDamagedByHandIsRenderedAgain() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        try site.build()
        let good = site.snapshot()
        for page in ["index.html", "releases/2024-07-28-test/soron/index.html", "assets/style.css"] {
            try Data().write(to: site.output.appendingPathComponent(page))
        }
        // Same size, other bytes and mtime.
        let sitemap = site.output.appendingPathComponent("sitemap.xml")
        let size = try Data(contentsOf: sitemap).count
        try Data(repeating: UInt8(ascii: "x"), count: size).write(to: sitemap)
        let report = try site.build()
        #expect(site.snapshot() == good)
        #expect(report.write.written == 4)
    }

    @Test func aFileReplacedByALinkIsRenderedAgainAsAFile() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        try site.build()
        let good = site.snapshot()
        let page = site.output.appendingPathComponent("index.html")
        try FileManager.default.removeItem(at: page)
        try FileManager.default.createSymbolicLink(atPath: page.path, withDestinationPath: "/etc/passwd")
        try site.build()
        #expect(site.snapshot() == good)
        var status = stat()
        #expect(lstat(page.path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG)
    }
}

/// Ids are unique on every page, and the link check says so when they are not.
@Suite struct UniqueIDTests {
    @Test func footnotesOfTwoSectionsKeepTheirIdsApartOnTheFullTextPage() throws {
        var files = TestSite.minimal
        files["Content/releases/2024-07-28-test/01-soron.md"]! += "注記あり[^1]。\n\n[^1]: 総論の注。\n"
        files["Content/releases/2024-07-28-test/02-chiiki-josei.md"]! += "\n注記あり[^1]。\n\n[^1]: 地域情勢の注。\n"
        let site = try TestSite(files)
        defer { site.remove() }
        try site.build()
        let all = try site.page("releases/2024-07-28-test/all/index.html")
        for prefix in ["sec_1__", "sec_2__"] {
            #expect(all.contains("id=\"\(prefix)fn-1\"") && all.contains("href=\"#\(prefix)fn-1\""), "\(prefix)")
            #expect(all.contains("id=\"\(prefix)fnref-1\"") && all.contains("href=\"#\(prefix)fnref-1\""), "\(prefix)")
        }
        // The section page uses the same ids, so a link to a footnote works on both.
        let soron = try site.page("releases/2024-07-28-test/soron/index.html")
        #expect(soron.contains("id=\"sec_1__fn-1\"") && !soron.contains("id=\"fn-1\""))
        let ids = LinkChecker.attributes(in: Array(all.utf8)).ids
        #expect(Set(ids).count == ids.count)
    }

    @Test func theCheckReportsAnIdUsedTwice() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        try site.build()
        let page = site.output.appendingPathComponent("releases/2024-07-28-test/soron/index.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        try Data(html.replacingOccurrences(of: "</main>", with: "<p id=\"sec_1__para_1\">x</p></main>").utf8).write(to: page)
        let result = try LinkChecker().check(output: site.output)
        #expect(result.broken.map(\.description) == [
            "releases/2024-07-28-test/soron/index.html: id 'sec_1__para_1' is used 2 times; an #anchor can lead to only one"
        ])
    }
}
