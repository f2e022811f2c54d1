import Foundation

/// Decides what a request path names in the built site: the one place where the preview
/// server's rules for what may be served live.
///
/// The output folder may hold what a build did not make (a symlink someone committed, a
/// placeholder), so a request is answered only with a regular file whose real path,
/// every link resolved, is inside the output and has no hidden component (build state
/// and dotfiles are never served). A path holding NUL or another control character is a
/// bad request: C file calls would cut it short and serve a different file.
public struct SiteFileResolver: Sendable {
    public enum Resolution: Equatable, Sendable {
        /// The absolute real path of a regular file inside the site.
        case file(String)
        /// A folder of the site named without its trailing slash: redirect to add it.
        case folder
        case notFound
        case badRequest
    }

    public let root: URL
    /// Where the site lives on its host: "/" or "/statements/".
    public let basePath: String

    public init(root: URL, basePath: String) {
        self.root = root
        var path = basePath.hasPrefix("/") ? basePath : "/" + basePath
        if !path.hasSuffix("/") { path += "/" }
        self.basePath = path
    }

    /// What `requestPath` (as sent: percent-encoded, without the query) names.
    public func resolve(_ requestPath: String) -> Resolution {
        guard let decoded = requestPath.removingPercentEncoding,
            !Self.hasControlCharacter(requestPath), !Self.hasControlCharacter(decoded)
        else { return .badRequest }
        let relative: Substring
        if decoded.hasPrefix(basePath) {
            relative = decoded.dropFirst(basePath.count)
        } else if decoded + "/" == basePath {
            return .folder
        } else {
            return .notFound
        }
        let components = relative.split(separator: "/", omittingEmptySubsequences: false)
        // Empty components (`a//b`) are harmless; `.`, `..` and hidden names are not served.
        guard !components.contains(where: { $0.hasPrefix(".") }) else { return .notFound }
        guard let rootReal = Self.realPath(root.path) else { return .notFound }
        let wantsFolder = relative.isEmpty || relative.hasSuffix("/")
        guard let real = Self.realPath(rootReal + "/" + relative), isInside(real, rootReal) else { return .notFound }
        switch Self.kind(of: real) {
        case .folder where !wantsFolder:
            return .folder
        case .folder:
            guard let index = Self.realPath(real + "/index.html"), isInside(index, rootReal),
                Self.kind(of: index) == .file
            else { return .notFound }
            return .file(index)
        case .file where !wantsFolder:
            return .file(real)
        default:
            return .notFound
        }
    }

    /// True when `real` is `rootReal` or below it, with no hidden component on the way
    /// (a link inside the site may point at a dotfile).
    private func isInside(_ real: String, _ rootReal: String) -> Bool {
        if real == rootReal { return true }
        let prefix = rootReal.hasSuffix("/") ? rootReal : rootReal + "/"
        guard real.hasPrefix(prefix) else { return false }
        return !real.dropFirst(prefix.count).split(separator: "/").contains { $0.hasPrefix(".") }
    }

    static func hasControlCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    private enum Kind { case file, folder, other }

    private static func kind(of path: String) -> Kind {
        var status = stat()
        guard stat(path, &status) == 0 else { return .other }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    /// The path with every link and `.`/`..` resolved; nil when it does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
