import Foundation
import Testing

@testable import CommuniqueServer

/// The preview server's one rule for what a request path may name.
@Suite struct SiteFileResolverTests {
    func site() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("resolve-\(UUID().uuidString)")
        for path in ["index.html", "a/index.html", "a/b.css", "empty/.keep", ".hidden/index.html"] {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("passwd").path, withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("inner.css").path, withDestinationPath: "a/b.css")
        return folder
    }

    @Test func namesOnlyRegularFilesInsideTheSite() throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        let resolver = SiteFileResolver(root: folder, basePath: "/s")
        let real = { (path: String) in SiteFileResolver.Resolution.file(URL(fileURLWithPath: folder.path + "/" + path).resolvingSymlinksInPath().path) }
        #expect(resolver.basePath == "/s/")
        #expect(resolver.resolve("/s/") == real("index.html"))
        #expect(resolver.resolve("/s/a/") == real("a/index.html"))
        #expect(resolver.resolve("/s/a/b.css") == real("a/b.css"))
        #expect(resolver.resolve("/s/inner.css") == real("a/b.css"))
        #expect(resolver.resolve("/s/a%2Fb.css") == real("a/b.css"))
        #expect(resolver.resolve("/s/a") == .folder)
        #expect(resolver.resolve("/s") == .folder)
        for path in ["/s/passwd", "/s/empty/", "/s/a/b.css/", "/s/missing", "/other/index.html", "/s/../etc/passwd",
            "/s/a/../index.html", "/s/%2e%2e/x", "/s/.hidden/", "/s/.hidden/index.html", "/s/empty/.keep", "/s/./index.html"]
        {
            #expect(resolver.resolve(path) == .notFound, "\(path)")
        }
        for path in ["/s/index.html%00", "/s/%00/etc/passwd", "/s/a%0d%0a", "/s/\u{01}", "/s/%ZZ", "/s/%1b"] {
            #expect(resolver.resolve(path) == .badRequest, "\(path)")
        }
    }

    @Test func aMissingOutputFolderServesNothing() {
        let resolver = SiteFileResolver(root: URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)"), basePath: "/")
        #expect(resolver.resolve("/") == .notFound)
        #expect(resolver.resolve("/index.html") == .notFound)
    }
}
