import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Testing

@testable import Communique
@testable import CommuniqueServer

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The preview server on a real loopback port, fetched with URLSession (redirects not followed).
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

    struct Fetched {
        var status: Int
        var body: String
        var headers: [String: String]
        func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
    }

    /// Runs the server for `body`, on a free port.
    func serving(_ server: PreviewServer, _ body: (_ get: (String) async throws -> Fetched) async throws -> Void) async throws {
        let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let (ports, portSink) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: server.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { portSink.yield($0.localAddress?.port ?? 0) }, logger: quiet)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: quiet))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            let session = URLSession(configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil)
            do {
                try await body { path in try await Self.fetch(session, URL(string: "http://127.0.0.1:\(port)\(path)")!) }
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    static func fetch(_ session: URLSession, _ url: URL) async throws -> Fetched {
        try await withCheckedThrowingContinuation { continuation in
            session.dataTask(with: url) { data, response, error in
                guard let response = response as? HTTPURLResponse else {
                    return continuation.resume(throwing: error ?? URLError(.badServerResponse))
                }
                var headers: [String: String] = [:]
                for (key, value) in response.allHeaderFields { headers["\(key)"] = "\(value)" }
                continuation.resume(returning: Fetched(
                    status: response.statusCode, body: String(decoding: data ?? Data(), as: UTF8.self), headers: headers))
            }.resume()
        }
    }

    final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
        func urlSession(
            _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
        ) {
            completionHandler(nil)
        }
    }

    @Test func servesTheSiteUnderItsBasePath() async throws {
        let folder = try output()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = PreviewServer(output: folder, basePath: "/statements")
        #expect(server.basePath == "/statements/")
        try await serving(server) { get in
            let home = try await get("/statements/")
            #expect(home.status == 200 && home.body == "<html>home</html>")
            #expect(home.header("Content-Type") == "text/html; charset=utf-8")
            #expect(try await get("/statements/releases/r1/").body == "<html>release</html>")
            #expect(try await get("/statements/assets/style.css").header("Content-Type")?.hasPrefix("text/css") == true)

            let root = try await get("/")
            #expect(root.status == 302 && root.header("Location") == "/statements/")
            let folderWithoutSlash = try await get("/statements/releases/r1")
            #expect(folderWithoutSlash.status == 302 && folderWithoutSlash.header("Location") == "/statements/releases/r1/")
            let baseWithoutSlash = try await get("/statements")
            #expect(baseWithoutSlash.status == 302 && baseWithoutSlash.header("Location") == "/statements/")
        }
    }

    @Test func answersWhatIsNotThereWithTheSites404Page() async throws {
        let folder = try output()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await serving(PreviewServer(output: folder, basePath: "/statements/")) { get in
            for path in ["/statements/missing.html", "/statements/releases/none/", "/elsewhere/index.html"] {
                let missing = try await get(path)
                #expect(missing.status == 404, "\(path)")
                #expect(missing.body == "<html>not found page</html>", "\(path)")
            }
            try FileManager.default.removeItem(at: folder.appendingPathComponent("404.html"))
            #expect(try await get("/statements/missing.html").status == 404)
        }
    }

    @Test func aSiteAtTheRootOfItsHost() async throws {
        let folder = try output()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await serving(PreviewServer(output: folder, basePath: "/")) { get in
            #expect(try await get("/").body == "<html>home</html>")
            let folderWithoutSlash = try await get("/releases/r1")
            #expect(folderWithoutSlash.status == 302 && folderWithoutSlash.header("Location") == "/releases/r1/")
            #expect(try await get("/releases/r1/").body == "<html>release</html>")
        }
    }

    @Test func withLiveReloadPagesPollTheBuildCountAndReloadWhenItChanges() async throws {
        let folder = try output()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<html><body><p>x</p></body></html>".utf8).write(to: folder.appendingPathComponent("releases/r1/index.html"))
        let builds = BuildCounter()
        try await serving(PreviewServer(output: folder, basePath: "/statements/", liveReload: builds)) { get in
            let page = try await get("/statements/releases/r1/")
            #expect(page.status == 200 && page.header("Content-Type") == "text/html; charset=utf-8")
            #expect(page.body.hasPrefix("<html><body><p>x</p><script>"))
            #expect(page.body.hasSuffix("</script></body></html>"))
            #expect(page.body.contains(#"fetch("/statements/__communique/version""#))
            // A page without </body> gets it at the end; other files are served as they are.
            #expect(try await get("/statements/").body.hasPrefix("<html>home</html><script>"))
            #expect(try await get("/statements/assets/style.css").body == "body{}")

            #expect(try await get("/statements/__communique/version").body == "0")
            builds.increment()
            let version = try await get("/statements/__communique/version")
            #expect(version.body == "1" && version.header("Cache-Control") == "no-store")
        }
        // The file on disk is untouched.
        #expect(try String(contentsOf: folder.appendingPathComponent("releases/r1/index.html"), encoding: .utf8)
            == "<html><body><p>x</p></body></html>")
    }

    @Test func nothingOutsideTheOutputFolderIsServedThroughALink() async throws {
        let folder = try output()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        try Data("secret".utf8).write(to: outside.appendingPathComponent("secret.txt"))
        let links = [
            "pw.txt": "/etc/passwd", "etc": "/etc", "secret.txt": outside.path + "/secret.txt", "out": outside.path,
            "up.txt": "../" + outside.lastPathComponent + "/secret.txt", "style-link.css": "assets/style.css",
        ]
        for (name, target) in links {
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(name).path, withDestinationPath: target)
        }
        try await serving(PreviewServer(output: folder, basePath: "/statements/")) { get in
            for path in ["pw.txt", "etc/passwd", "etc/", "etc", "secret.txt", "out/secret.txt", "out/", "up.txt"] {
                let response = try await get("/statements/" + path)
                #expect(response.status == 404, "\(path)")
                #expect(!response.body.contains("root:") && !response.body.contains("secret"), "\(path)")
            }
            // A link that stays inside the site is fine.
            #expect(try await get("/statements/style-link.css").body == "body{}")
        }
    }

    @Test func aPathWithNULOrAControlCharacterIsABadRequest() async throws {
        let folder = try output()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<feed/>".utf8).write(to: folder.appendingPathComponent("feed.xml"))
        try await serving(PreviewServer(output: folder, basePath: "/statements/")) { get in
            for path in ["/statements/feed.xml%00/x.html", "/statements/%00/etc/passwd", "/statements/index.html%0a", "/%00", "/statements/%7f"] {
                let response = try await get(path)
                #expect(response.status == 400, "\(path)")
                #expect(response.header("Location") == nil && !response.body.contains("<feed/>"), "\(path)")
            }
        }
    }

    @Test func hiddenFilesAndBuildStateAreNeverServed() async throws {
        let folder = try output()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("state".utf8).write(to: folder.appendingPathComponent(".communique-manifest"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("[core]".utf8).write(to: folder.appendingPathComponent(".git/config"))
        try Data("x".utf8).write(to: folder.appendingPathComponent("assets/.hidden.css"))
        // A visible name that links to a hidden file inside the site.
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("manifest.txt").path, withDestinationPath: ".communique-manifest")
        try await serving(PreviewServer(output: folder, basePath: "/statements/")) { get in
            for path in [".communique-manifest", ".git/config", ".git/", "assets/.hidden.css", "manifest.txt", "%2ecommunique-manifest"] {
                let response = try await get("/statements/" + path)
                #expect(response.status == 404, "\(path)")
                #expect(response.body == "<html>not found page</html>", "\(path)")
            }
        }
    }

    @Test func aPortAlreadyTakenIsAnErrorNamingTheAddress() async throws {
        // Take a free port with a plain listening socket.
        let taken = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(taken) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(taken, $0, length) == 0 && listen(taken, 1) == 0 && getsockname(taken, $0, &length) == 0 }
        }
        try #require(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))

        let folder = try output()
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = await #expect(throws: CommuniqueError.self) {
            try await PreviewServer(output: folder, basePath: "/").run(host: "127.0.0.1", port: port) { _ in }
        }
        #expect(error?.description.contains("cannot serve on 127.0.0.1:\(port)") == true)
    }
}
