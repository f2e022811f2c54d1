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

    public init(output: URL, basePath: String) {
        self.output = output
        var path = basePath.hasPrefix("/") ? basePath : "/" + basePath
        if !path.hasSuffix("/") { path += "/" }
        self.basePath = path
    }

    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: NotFoundPage(page: output.appendingPathComponent("404.html")))
        router.add(middleware: FolderSlash(output: output, basePath: basePath))
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

    /// Serves until the process is interrupted (Ctrl-C) or terminated.
    public func run(host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void) async throws {
        var logger = Logger(label: "communique.serve")
        logger.logLevel = .warning
        let app = Application(
            router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "communique"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) }, logger: logger)
        try await app.runService()
    }
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
        if !path.hasSuffix("/"), let decoded = path.removingPercentEncoding, (decoded + "/").hasPrefix(basePath),
            !decoded.contains("..")
        {
            let relative = String((decoded + "/").dropFirst(basePath.count))
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
