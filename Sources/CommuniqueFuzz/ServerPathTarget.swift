#if DEBUG
import CommuniqueServer
import Foundation

/// The preview server's path resolution (`SiteFileResolver`): the first byte picks the base
/// path (`/`, `/statements/` or `statements`), the rest is a request path as sent.
///
/// The site is a scratch folder made once per process with pages, a folder without an
/// index, hidden files and folders, and links: to a page inside, to a hidden file inside,
/// to a file and a folder outside, and to a sibling folder whose name starts with the site's.
/// - A resolved file is a regular file whose path is absolute, fully resolved, inside the
///   site, with no component starting with ".".
/// - The same request resolves the same way twice.
/// - A path that resolves to a folder resolves, with a slash added, to a file or not found.
final class ServerPathTarget: FuzzTarget {
    let scratch = makeScratchFolder("serverpath")
    let root: URL
    let rootReal: String
    let resolvers: [SiteFileResolver]

    init() {
        let fm = FileManager.default
        root = scratch.appendingPathComponent("site")
        let outside = scratch.appendingPathComponent("outside")
        let sibling = scratch.appendingPathComponent("site-private")
        func write(_ url: URL, _ text: String) {
            try! fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(text.utf8).write(to: url)
        }
        for page in [
            "index.html", "404.html", "a.html", "releases/x/index.html", "releases/x/all/index.html", "releases/x/note.txt",
            "assets/style.css", "space name.html", "日本語/index.html", "100%.html", "a+b.html", ".hidden", ".git/config",
            "assets/.secret", ".communique-manifest", "releases/.draft/index.html",
        ] {
            write(root.appendingPathComponent(page), page)
        }
        try! fm.createDirectory(at: root.appendingPathComponent("releases/empty"), withIntermediateDirectories: true)
        write(outside.appendingPathComponent("secret.txt"), "outside")
        write(outside.appendingPathComponent("index.html"), "outside")
        write(sibling.appendingPathComponent("index.html"), "sibling")
        for (link, target) in [
            ("link-in.html", "a.html"), ("link-hidden", ".hidden"), ("link-out.txt", outside.path + "/secret.txt"),
            ("dir-out", outside.path), ("releases/up", ".."), ("sibling", "../site-private"), ("dangling", "nowhere"),
            ("loop", "loop"),
        ] {
            try! fm.createSymbolicLink(atPath: root.appendingPathComponent(link).path, withDestinationPath: target)
        }
        rootReal = Self.realPath(root.path)!
        let site = root
        resolvers = ["/", "/statements/", "statements"].map { SiteFileResolver(root: site, basePath: $0) }
    }

    func test(_ bytes: [UInt8]) throws {
        guard let selector = bytes.first else { return }
        let resolver = resolvers[Int(selector) % resolvers.count]
        let path = String(decoding: bytes.dropFirst(), as: UTF8.self)
        let resolution = resolver.resolve(path)
        try require(resolver.resolve(path) == resolution, "'\(path)' resolves two ways")
        switch resolution {
        case .file(let file):
            try require(file.hasPrefix("/"), "'\(path)' resolves to a relative path \(file)")
            try require(Self.realPath(file) == file, "'\(path)' resolves to \(file), which is not a real path")
            try require(file.hasPrefix(rootReal + "/"), "'\(path)' resolves to \(file), outside the site")
            try require(!file.dropFirst(rootReal.count + 1).split(separator: "/").contains { $0.hasPrefix(".") },
                "'\(path)' resolves to a hidden file \(file)")
            var status = stat()
            try require(stat(file, &status) == 0 && status.st_mode & S_IFMT == S_IFREG, "'\(path)' resolves to \(file), not a regular file")
            let decoded = path.removingPercentEncoding ?? ""
            try require(decoded.hasPrefix(resolver.basePath), "'\(path)' is outside the base path but resolves to \(file)")
        case .folder:
            let again = resolver.resolve(path + "/")
            switch again {
            case .file, .notFound: break
            default: throw InvariantFailure("'\(path)' is a folder, but '\(path)/' resolves to \(again)")
            }
        case .notFound, .badRequest:
            break
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
#endif
