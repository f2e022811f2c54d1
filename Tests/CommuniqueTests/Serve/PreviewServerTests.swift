import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CommuniqueServer

@Suite struct PreviewServerTests {
    /// A built site's shape: pages in folders, an asset, the 404 page.
    func output() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString)")
        let files = [
            "index.html": "<html>home</html>", "404.html": "<html>not found page</html>",
            "releases/r1/index.html": "<html>release</html>", "assets/style.css": "body{}",
        ]
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder
    }

    func get(_ server: PreviewServer, _ uri: String) async throws -> (status: HTTPResponse.Status, body: String, headers: HTTPFields) {
        let app = Application(router: server.router())
        return try await app.test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                (response.status, String(buffer: response.body), response.headers)
            }
        }
    }

    @Test func servesTheSiteUnderItsBasePath() async throws {
        let folder = try output()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = PreviewServer(output: folder, basePath: "/statements")
        #expect(server.basePath == "/statements/")

        let home = try await get(server, "/statements/")
        #expect(home.status == .ok && home.body == "<html>home</html>")
        #expect(home.headers[.contentType] == "text/html; charset=utf-8")
        #expect(try await get(server, "/statements/releases/r1/").body == "<html>release</html>")
        #expect(try await get(server, "/statements/assets/style.css").headers[.contentType]?.hasPrefix("text/css") == true)

        let root = try await get(server, "/")
        #expect(root.status == .found && root.headers[.location] == "/statements/")
        let folderWithoutSlash = try await get(server, "/statements/releases/r1")
        #expect(folderWithoutSlash.status == .found && folderWithoutSlash.headers[.location] == "/statements/releases/r1/")
        let baseWithoutSlash = try await get(server, "/statements")
        #expect(baseWithoutSlash.status == .found && baseWithoutSlash.headers[.location] == "/statements/")
    }

    @Test func answersWhatIsNotThereWithTheSites404Page() async throws {
        let folder = try output()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = PreviewServer(output: folder, basePath: "/statements/")
        for uri in ["/statements/missing.html", "/statements/releases/none/", "/elsewhere/index.html"] {
            let missing = try await get(server, uri)
            #expect(missing.status == .notFound, "\(uri)")
            #expect(missing.body == "<html>not found page</html>", "\(uri)")
        }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("404.html"))
        #expect(try await get(server, "/statements/missing.html").status == .notFound)
    }

    @Test func aSiteAtTheRootOfItsHost() async throws {
        let folder = try output()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = PreviewServer(output: folder, basePath: "/")
        #expect(try await get(server, "/").body == "<html>home</html>")
        let folderWithoutSlash = try await get(server, "/releases/r1")
        #expect(folderWithoutSlash.status == .found && folderWithoutSlash.headers[.location] == "/releases/r1/")
        #expect(try await get(server, "/releases/r1/").body == "<html>release</html>")
    }
}
