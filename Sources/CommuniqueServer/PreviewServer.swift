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
        var path = basePath.hasPrefix("/") ? basePath : "/" + basePath
        if !path.hasSuffix("/") { path += "/" }
        self.basePath = path
        self.builds = builds
    }

    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: NotFoundPage(page: output.appendingPathComponent("404.html")))
        router.add(middleware: FolderSlash(output: output, basePath: basePath))
        if let builds {
            let reload = LiveReload<BasicRequestContext>(output: output, basePath: basePath)
            router.add(middleware: reload)
            router.get(RouterPath(reload.versionPath)) { _, _ in
                var headers = HTTPFields()
                headers[.contentType] = "text/plain; charset=utf-8"
                headers[.cacheControl] = "no-store"
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "\(builds.count)")))
            }
        }
        router.add(
            middleware: FileMiddleware(
                output.path, urlBasePath: basePath == "/" ? nil : basePath, searchForIndexHtml: true,
                logger: Logger(label: "communique.serve", factory: { _ in SwiftLogNoOpLogHandler() })
            ).withAdditionalMediaType(MediaType(type: .text, subType: "html", parameter: ("charset", "utf-8")), mappedToFileExtension: "html"))
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

/// A request's path inside the site (`/statements/releases/x/` → `releases/x/`),
/// percent-decoded; nil outside the base path or with `..` in it.
func sitePath(of requestPath: String, basePath: String) -> String? {
    guard let decoded = requestPath.removingPercentEncoding, decoded.hasPrefix(basePath), !decoded.contains("..") else {
        return nil
    }
    return String(decoded.dropFirst(basePath.count))
}

/// Answers a request for a file that is not there with the site's 404 page (as static
/// hosts do), or a plain 404 when the site has none.
struct NotFoundPage<Context: RequestContext>: RouterMiddleware {
    let page: URL

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            return response.status == .notFound ? try notFound() : response
        } catch let error as any HTTPResponseError where error.status == .notFound {
            return try notFound()
        }
    }

    private func notFound() throws -> Response {
        guard let bytes = FileManager.default.contents(atPath: page.path) else { throw HTTPError(.notFound) }
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: .notFound, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// `/statements/releases/x` → `/statements/releases/x/` when that is a folder of the site.
/// FileMiddleware redirects folders itself, but to the path without the base path.
struct FolderSlash<Context: RequestContext>: RouterMiddleware {
    let output: URL
    let basePath: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if !path.hasSuffix("/"), let relative = sitePath(of: path + "/", basePath: basePath) {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: output.appendingPathComponent(relative).path, isDirectory: &isFolder),
                isFolder.boolValue
            {
                return .redirect(to: path + "/", type: .found)
            }
        }
        return try await next(request, context)
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

/// Serves the site's HTML pages with a small script that polls the build count and
/// reloads the page when a new build is in (as `hugo server` and `zola serve` do).
/// Only the responses carry it: the files in the output folder stay as deployed.
struct LiveReload<Context: RequestContext>: RouterMiddleware {
    let output: URL
    let basePath: String

    /// Inside the site's path, where no page of ours is named with underscores.
    var versionPath: String { basePath + "__communique/version" }

    var script: String {
        """
        <script>/* communique serve: reload after a new build */(() => {
        let seen = null;
        const poll = async () => {
          try {
            const now = await (await fetch("\(versionPath)", {cache: "no-store"})).text();
            if (seen === null) seen = now; else if (now !== seen) { location.reload(); return; }
          } catch (e) {}
          setTimeout(poll, 1000);
        };
        poll();
        })();</script>
        """
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get, let page = self.page(for: request.uri.path),
            let bytes = FileManager.default.contents(atPath: page.path)
        else { return try await next(request, context) }
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: Self.inject(script, into: bytes))))
    }

    /// The HTML file a path under the base path names (a folder's `index.html`), if any.
    func page(for path: String) -> URL? {
        guard var relative = sitePath(of: path, basePath: basePath) else { return nil }
        if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
        guard relative.hasSuffix(".html") else { return nil }
        let url = output.appendingPathComponent(relative)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { return nil }
        return url
    }

    /// `script` before the page's last `</body>`, or at its end when it has none.
    static func inject(_ script: String, into page: Data) -> [UInt8] {
        let bytes = [UInt8](page)
        let end = Array("</body>".utf8)
        var index = bytes.count - end.count
        while index >= 0, !bytes[index..<(index + end.count)].elementsEqual(end) { index -= 1 }
        let at = index >= 0 ? index : bytes.count
        return Array(bytes[..<at]) + Array(script.utf8) + Array(bytes[at...])
    }
}
