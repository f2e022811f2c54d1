import Foundation
import Testing

@testable import Communique

@Suite struct SiteFilesTests {
    /// A folder with nested, hidden and linked files; removed by the test.
    func makeTree() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("communique-walk-\(UUID().uuidString)")
        for path in ["b.html", "a/z.html", "a/b/c.txt", ".hidden/x.html", "a/.dot", "é/ü.html"] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(path.utf8).write(to: url)
        }
        try FileManager.default.createSymbolicLink(atPath: root.path + "/link.html", withDestinationPath: root.path + "/b.html")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/linked-folder", withDestinationPath: root.path + "/a")
        return root
    }

    @Test func walkListsFilesSortedRelativeAndSkipsHiddenOnesUnlessAsked() throws {
        let root = try makeTree()
        defer { SiteFiles.removeTree(root) }
        #expect(SiteFiles.walk(root) == ["a/b/c.txt", "a/z.html", "b.html", "link.html", "é/ü.html"])
        #expect(SiteFiles.walk(root, includeHidden: true) == [".hidden/x.html", "a/.dot", "a/b/c.txt", "a/z.html", "b.html", "link.html", "é/ü.html"])
        #expect(SiteFiles.walk(root.appendingPathComponent("missing")).isEmpty)
    }

    @Test func removeTreeDeletesEverythingButWhatLinksPointTo() throws {
        let root = try makeTree()
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("communique-keep-\(UUID().uuidString)")
        try Data("keep".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(atPath: root.path + "/outside", withDestinationPath: outside.path)
        SiteFiles.removeTree(root)
        #expect(!FileManager.default.fileExists(atPath: root.path))
        #expect(FileManager.default.fileExists(atPath: outside.path))
        SiteFiles.removeTree(root)  // already gone: nothing to do, no crash
    }
}
