import Communique
import Foundation
import Hummingbird
import Logging

/// Serves a built site to preview it (`communique serve`): under the path its `base_url`
/// names, as it will be deployed, with the site's own 404 page for what is not there.
///
/// It serves whatever the output folder holds at each request, so a build that swaps in
/// a new site (see `SiteWriter`) is seen at the next reload.
public struct PreviewServer: Sendable {
    public let output: URL
    /// Where the site lives on its host: "/" or "/statements/".
    public let basePath: String
    /// When set, served pages reload themselves after each new build (`LiveReload`).
    public let builds: BuildCounter?

    public init(output: URL, basePath: String, liveReload builds: BuildCounter? = nil) {
        self.output = output
        self.basePath = SiteFileResolver(root: output, basePath: basePath).basePath
        self.builds = builds
    }

    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        let files = SiteFileResolver(root: output, basePath: basePath)
        router.add(middleware: SiteFiles(files: files, liveReload: builds.map { _ in LiveReload(basePath: files.basePath) }))
        if let builds {
            router.get(RouterPath(LiveReload.versionPath(basePath: basePath))) { _, _ in
                var headers = HTTPFields()
                headers[.contentType] = "text/plain; charset=utf-8"
                headers[.cacheControl] = "no-store"
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "\(builds.count)")))
            }
        }
        if basePath != "/" {
            // The host's root, when the site lives below it: send the reader to the site.
            router.get("/") { _, _ in Response.redirect(to: basePath, type: .found) }
        }
        return router
    }

    /// Serves until the process is interrupted (Ctrl-C) or terminated. A server that
    /// cannot start (the port is taken) is a `CommuniqueError` naming the address.
    public func run(host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void) async throws {
        var logger = Logger(label: "communique.serve")
        logger.logLevel = .warning
        // Counts the server's start: an error while it is 0 means it never listened.
        let started = BuildCounter()
        let app = Application(
            router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "communique"),
            onServerRunning: { channel in
                started.increment()
                await onRunning(channel.localAddress?.port ?? port)
            }, logger: logger)
        do {
            try await app.runService()
        } catch where started.count == 0 {
            throw CommuniqueError("cannot serve on \(host):\(port): \(error); choose another --port (0: any free port)")
        }
    }
}

/// Serves the site's files as `SiteFileResolver` allows: a folder named without its
/// slash is redirected (with the base path kept: Hummingbird's FileMiddleware drops it),
/// what is not there gets the site's 404 page (as static hosts do), a path with control
/// characters gets 400. Other requests (the live-reload counter, the host's root) go on
/// to the router.
struct SiteFiles<Context: RequestContext>: RouterMiddleware {
    let files: SiteFileResolver
    let liveReload: LiveReload?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        let resolution = files.resolve(path)
        if resolution == .badRequest { return Response(status: .badRequest) }
        guard request.method == .get || request.method == .head else { return try await next(request, context) }
        switch resolution {
        case .file(let file):
            return try serve(file, head: request.method == .head)
        case .folder:
            return .redirect(to: path + "/", type: .found)
        case .notFound, .badRequest:
            do {
                let response = try await next(request, context)
                return response.status == .notFound ? notFound() : response
            } catch let error as any HTTPResponseError where error.status == .notFound {
                return notFound()
            }
        }
    }

    private func serve(_ file: String, head: Bool) throws -> Response {
        guard let data = FileManager.default.contents(atPath: file) else { return notFound() }
        let fileExtension = (file as NSString).pathExtension.lowercased()
        var headers = HTTPFields()
        var bytes = [UInt8](data)
        if fileExtension == "html" {
            headers[.contentType] = "text/html; charset=utf-8"
            if let liveReload {
                bytes = LiveReload.inject(liveReload.script, into: bytes)
                headers[.cacheControl] = "no-store"
            }
        } else {
            headers[.contentType] = MediaType.getMediaType(forExtension: fileExtension)?.description ?? "application/octet-stream"
        }
        headers[.contentLength] = "\(bytes.count)"
        return Response(status: .ok, headers: headers, body: head ? .init() : .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The site's own 404 page, read through the same rules as every other file.
    private func notFound() -> Response {
        guard case .file(let page) = files.resolve(files.basePath + "404.html"),
            let bytes = FileManager.default.contents(atPath: page)
        else { return Response(status: .notFound) }
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: .notFound, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// How many builds `serve` has made; served pages poll it and reload when it changes.
public final class BuildCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    public init() {}

    public var count: Int { lock.withLock { value } }

    public func increment() { lock.withLock { value += 1 } }
}

/// A small script in served HTML pages that polls the build count and reloads the page
/// when a new build is in (as `hugo server` and `zola serve` do). Only the responses
/// carry it: the files in the output folder stay as deployed.
struct LiveReload: Sendable {
    let basePath: String

    /// Inside the site's path, where no page of ours is named with underscores.
    static func versionPath(basePath: String) -> String { basePath + "__communique/version" }

    var script: String {
        """
        <script>/* communique serve: reload after a new build */(() => {
        let seen = null;
        const poll = async () => {
          try {
            const now = await (await fetch("\(Self.versionPath(basePath: basePath))", {cache: "no-store"})).text();
            if (seen === null) seen = now; else if (now !== seen) { location.reload(); return; }
          } catch (e) {}
          setTimeout(poll, 1000);
        };
        poll();
        })();</script>
        """
    }

    /// `script` before the page's last `</body>`, or at its end when it has none.
    static func inject(_ script: String, into bytes: [UInt8]) -> [UInt8] {
        let end = Array("</body>".utf8)
        var index = bytes.count - end.count
        while index >= 0, !bytes[index..<(index + end.count)].elementsEqual(end) { index -= 1 }
        let at = index >= 0 ? index : bytes.count
        return Array(bytes[..<at]) + Array(script.utf8) + Array(bytes[at...])
    }
}
