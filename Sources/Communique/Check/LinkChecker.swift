import Foundation

/// Checks that every internal link and `#anchor` in a built site resolves.
///
/// A separate pass over the written output (like Zola's link checker), so it checks
/// what readers get, whatever templates produced it. External links (with a scheme,
/// `//host`, `mailto:`) are not followed.
public struct LinkChecker {
    public struct BrokenLink: Sendable, Hashable, CustomStringConvertible {
        public var page: String
        public var link: String
        public var reason: String
        public var description: String { "\(page): broken link '\(link)': \(reason)" }
    }

    public init() {}

    public func check(output: URL) throws -> (pages: Int, links: Int, broken: [BrokenLink]) {
        let files = SiteFiles.walk(output).filter { $0.hasSuffix(".html") }
        guard !files.isEmpty else {
            throw CommuniqueError("no HTML pages to check (build the site first)", at: SourceLocation(file: output.path))
        }
        var idsByPage: [String: Set<String>] = [:]
        var linksByPage: [String: [String]] = [:]
        for file in files {
            let html = (try? String(contentsOf: output.appendingPathComponent(file), encoding: .utf8)) ?? ""
            idsByPage[file] = Set(Self.attributeValues("id", in: html))
            linksByPage[file] = Self.attributeValues("href", in: html) + Self.attributeValues("src", in: html)
        }
        var broken: [BrokenLink] = []
        var count = 0
        for file in files {
            // The 404 page links from the site root (base_url), wherever it is served.
            if file == Permalinks.notFound { continue }
            for raw in linksByPage[file] ?? [] {
                let link = Self.decodeEntities(raw)
                if link.isEmpty || Self.isExternal(link) { continue }
                count += 1
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let pathPart = String(parts[0]).removingPercentEncoding ?? String(parts[0])
                let fragment = parts.count > 1 ? String(parts[1]) : nil
                var target = file
                if !pathPart.isEmpty {
                    if pathPart.hasPrefix("/") {
                        broken.append(BrokenLink(page: file, link: link, reason: "root-relative links break under a sub-path and from file://"))
                        continue
                    }
                    guard let resolved = Self.resolve(pathPart, from: file) else {
                        broken.append(BrokenLink(page: file, link: link, reason: "goes above the site root"))
                        continue
                    }
                    target = resolved
                    var isDirectory: ObjCBool = false
                    let exists = FileManager.default.fileExists(atPath: output.appendingPathComponent(target).path, isDirectory: &isDirectory)
                    if !exists {
                        broken.append(BrokenLink(page: file, link: link, reason: "no file \(target)"))
                        continue
                    }
                    if isDirectory.boolValue {
                        broken.append(BrokenLink(page: file, link: link, reason: "links to a folder, which fails when opened from disk (link to index.html)"))
                        continue
                    }
                }
                if let fragment, !fragment.isEmpty, target.hasSuffix(".html") {
                    let id = fragment.removingPercentEncoding ?? fragment
                    if !(idsByPage[target]?.contains(id) ?? false) {
                        broken.append(BrokenLink(page: file, link: link, reason: "no element with id '\(id)' in \(target)"))
                    }
                }
            }
        }
        return (files.count, count, broken)
    }

    static func isExternal(_ link: String) -> Bool {
        if link.hasPrefix("//") { return true }
        guard let colon = link.firstIndex(of: ":") else { return false }
        let scheme = link[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
            && !scheme.contains("/")
    }

    /// `../a/index.html` from `releases/x/b/index.html` → `releases/x/a/index.html`.
    static func resolve(_ relative: String, from page: String) -> String? {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for component in relative.split(separator: "/", omittingEmptySubsequences: false) {
            switch component {
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            case ".", "":
                continue
            default:
                parts.append(String(component))
            }
        }
        return parts.joined(separator: "/")
    }

    /// Values of `name="…"` attributes. Our templates and cmark always quote with `"`.
    static func attributeValues(_ name: String, in html: String) -> [String] {
        var values: [String] = []
        let needle = " \(name)=\""
        var rest = html[...]
        while let start = rest.range(of: needle) {
            let afterQuote = rest[start.upperBound...]
            guard let end = afterQuote.firstIndex(of: "\"") else { break }
            values.append(String(afterQuote[..<end]))
            rest = afterQuote[end...]
        }
        return values
    }

    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
    }
}
