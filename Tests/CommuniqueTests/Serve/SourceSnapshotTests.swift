import Foundation
import Testing

@testable import Communique

@Suite struct SourceSnapshotTests {
    @Test func seesFilesAddedChangedAndRemovedUnderContentAndTemplatesOnly() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        let before = SourceSnapshot(root: site.root)
        #expect(SourceSnapshot(root: site.root).changes(since: before).isEmpty)

        try site.write("Content/releases/2024-07-28-test/01-soron.md", "---\ntitle: 総論\n---\n\n本文。\n")
        try site.write("Content/releases/2024-07-28-test/02-new.md", "---\ntitle: 新\n---\n")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Templates/404.mustache"))
        // Not sources: the output, an editor's hidden swap file, a file beside Content/.
        try site.write("Public/index.html", "x")
        try site.write("Content/releases/2024-07-28-test/.01-soron.md.swp", "x")
        try site.write("notes.txt", "x")
        #expect(SourceSnapshot(root: site.root).changes(since: before) == [
            "Content/releases/2024-07-28-test/01-soron.md", "Content/releases/2024-07-28-test/02-new.md",
            "Templates/404.mustache",
        ])
    }

    @Test func seesAFileRewrittenWithTheSameSize() throws {
        let site = try TestSite(TestSite.minimal, templates: false)
        defer { site.remove() }
        let before = SourceSnapshot(root: site.root)
        let path = site.root.appendingPathComponent("Content/site.yml")
        let text = try String(contentsOf: path, encoding: .utf8)
        try site.write("Content/site.yml", text.replacingOccurrences(of: "テスト", with: "てすと"))
        // The same size: only the modification time tells.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 5)], ofItemAtPath: path.path)
        #expect(SourceSnapshot(root: site.root).changes(since: before) == ["Content/site.yml"])
    }
}
