import Foundation

/// Checks that every internal link and `#anchor` in a built site resolves.
///
/// A separate pass over the written output (like Zola's link checker), so it checks
/// what readers get, whatever templates produced it. External links (with a scheme,
/// `//host`, `mailto:`) are not followed.
public struct LinkChecker: Sendable {
    public struct BrokenLink: Sendable, Hashable, CustomStringConvertible {
        public var page: String
        /// "" for a problem of the page itself (an id used twice).
        public var link: String
        public var reason: String
        public var description: String { link.isEmpty ? "\(page): \(reason)" : "\(page): broken link '\(link)': \(reason)" }
    }

    public init() {}

    /// Checks the links of every page, or only of `pages` (the pages a build rewrote,
    /// when `incrementalScope` found that no other page's links can have broken).
    /// `knownIDs`: ids of pages that need not be read again (see `BuildManifest.ids`).
    /// The result's `ids` holds those and the ids of every page it scanned.
    public func check(
        output: URL, only pages: Set<String>? = nil, knownIDs: [String: IDList] = [:]
    ) throws -> (pages: Int, links: Int, broken: [BrokenLink], ids: [String: IDList]) {
        let allFiles = SiteFiles.walk(output, includeHidden: true)
        let files = allFiles.filter { $0.hasSuffix(".html") && (pages?.contains($0) ?? true) }
        guard !files.isEmpty || pages != nil else {
            throw CommuniqueError("no HTML pages to check (build the site first)", at: SourceLocation(file: output.path))
        }
        let existing = Set(allFiles)
        // A build that changed no page has no link to judge: the kept ids are the answer.
        if files.isEmpty { return (0, 0, [], knownIDs.filter { existing.contains($0.key) }) }
        var folders: Set<String> = [""]
        for file in allFiles {
            var parts = file.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        // Two passes on every core: the ids of every page, then each page's links judged
        // against them. The second pass reads the pages again rather than keeping the
        // links of the first: a site of hundreds of releases has them by the hundred
        // thousand, and holding them all was most of a build's peak memory.
        let scanned = Parallel.map(files.count) { index in
            Self.attributes(in: Self.bytes(of: output.appendingPathComponent(files[index]))).ids
        }
        var pageIDs = knownIDs.filter { existing.contains($0.key) }
        for (file, ids) in zip(files, scanned) { pageIDs[file] = IDList(ids) }
        let scannedIDs = Dictionary(zip(files, scanned)) { first, _ in first }
        // An id given twice on a page: an #anchor to it leads to the first only.
        var duplicates: [BrokenLink] = []
        for (file, ids) in zip(files, scanned) {
            var counts: [String: Int] = [:]
            for id in ids { counts[id, default: 0] += 1 }
            for (id, count) in counts.sorted(by: { $0.key < $1.key }) where count > 1 {
                duplicates.append(BrokenLink(page: file, link: "", reason: "id '\(id)' is used \(count) times; an #anchor can lead to only one"))
            }
        }

        let chunks = Parallel.runs(count: files.count, parts: (files.count + Self.chunkSize - 1) / Self.chunkSize)
        let results = Parallel.map(chunks.count) { chunk in
            checkLinks(
                of: chunks[chunk].map { files[$0] }, in: output, existing: existing, folders: folders,
                ids: PageIDs(folder: output, scanned: scannedIDs, known: pageIDs))
        }
        return (files.count, results.reduce(0) { $0 + $1.count }, duplicates + results.flatMap(\.broken), pageIDs)
    }

    /// Pages judged together, sharing one cache of verdicts.
    private static let chunkSize = 64

    /// The links of some pages: how many were checked and which are broken.
    private func checkLinks(
        of pages: [String], in output: URL, existing: Set<String>, folders: Set<String>, ids: PageIDs
    ) -> (count: Int, broken: [BrokenLink]) {
        var broken: [BrokenLink] = []
        var count = 0
        // A verdict depends only on where a link leads (file and fragment), not on the
        // page it is on, so it is judged once per target: pages share most targets
        // (navigation, glossary entries, the paragraphs topic pages list).
        var verdicts: [String: String?] = [:]
        for file in pages {
            // The 404 page links from the site root (base_url), wherever it is served.
            if file == Permalinks.notFound { continue }
            for raw in Self.attributes(in: Self.bytes(of: output.appendingPathComponent(file))).links {
                let link = Self.decodeEntities(raw)
                if link.isEmpty || Self.isExternal(link) { continue }
                count += 1
                let verdict: String?
                switch Self.target(of: link, on: file) {
                case .failure(let reason):
                    verdict = reason.text
                case .success(let target):
                    let key = target.fragment.map { target.path + "#" + $0 } ?? target.path
                    if let known = verdicts[key] {
                        verdict = known
                    } else {
                        verdict = problem(with: target, existing: existing, folders: folders, ids: ids)
                        verdicts[key] = verdict
                    }
                }
                if let reason = verdict { broken.append(BrokenLink(page: file, link: link, reason: reason)) }
            }
        }
        return (count, broken)
    }

    struct Target {
        /// Relative to the output folder.
        var path: String
        var fragment: String?
    }

    struct Unresolvable: Error {
        var text: String
    }

    /// Where `link` on `page` leads, percent-decoded.
    ///
    /// On UTF-8 bytes: this runs for every link of every page, and String's
    /// Character-by-Character `split` and `firstIndex` were most of the check's time.
    static func target(of link: String, on page: String) -> Result<Target, Unresolvable> {
        let bytes = link.utf8
        let hash = bytes.firstIndex(of: UInt8(ascii: "#"))
        let pathPart = percentDecoded(Substring(bytes[..<(hash ?? bytes.endIndex)]))
        let fragment = hash.map { percentDecoded(Substring(bytes[bytes.index(after: $0)...])) }
        guard !pathPart.isEmpty else { return .success(Target(path: page, fragment: fragment)) }
        if pathPart.utf8.first == UInt8(ascii: "/") { return .failure(Unresolvable(text: "root-relative links break under a sub-path and from file://")) }
        guard let resolved = resolve(pathPart, from: page) else { return .failure(Unresolvable(text: "goes above the site root")) }
        return .success(Target(path: resolved, fragment: fragment))
    }

    /// Why a link to `target` does not resolve, or nil when it does.
    private func problem(with target: Target, existing: Set<String>, folders: Set<String>, ids: PageIDs) -> String? {
        if folders.contains(target.path) { return "links to a folder, which fails when opened from disk (link to index.html)" }
        if !existing.contains(target.path) { return "no file \(target.path)" }
        if let fragment = target.fragment, !fragment.isEmpty, target.path.hasSuffix(".html") {
            if !ids.of(target.path).contains(fragment) { return "no element with id '\(fragment)' in \(target.path)" }
        }
        return nil
    }

    /// The pages whose links a build must check, or nil for all of them. When the build
    /// removed no file and no rewritten page lost an id, every link of an unchanged page
    /// still resolves (it did before: the previous build was checked), so only the
    /// rewritten pages need checking.
    public static func incrementalScope(written: [String], removed: [String], staged: URL, previous: URL, hadPrevious: Bool) -> Set<String>? {
        guard hadPrevious, removed.isEmpty else { return nil }
        let pages = written.filter { $0.hasSuffix(".html") }
        for page in pages {
            let old = previous.appendingPathComponent(page)
            guard FileManager.default.fileExists(atPath: old.path) else { continue }
            let before = Set(attributes(in: bytes(of: old)).ids)
            let after = Set(attributes(in: bytes(of: staged.appendingPathComponent(page))).ids)
            if !before.isSubset(of: after) { return nil }
        }
        return Set(pages)
    }

    /// Foundation's decoding only where there is something to decode: most links have
    /// no `%`, and this runs for every link of every page.
    private static func percentDecoded(_ part: Substring) -> String {
        guard part.utf8.contains(UInt8(ascii: "%")) else { return String(part) }
        return part.removingPercentEncoding ?? String(part)
    }

    static func bytes(of url: URL) -> [UInt8] {
        [UInt8]((try? Data(contentsOf: url)) ?? Data())
    }

    /// A link with a scheme (`https:`, `mailto:`) or to another host (`//host/`).
    static func isExternal(_ link: String) -> Bool {
        let bytes = link.utf8
        if bytes.starts(with: "//".utf8) { return true }
        // A scheme is ASCII letters, digits, + - . before the first colon (RFC 3986).
        for (offset, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: ":"): return offset > 0
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                continue
            default: return false
            }
        }
        return false
    }

    /// `../a/index.html` from `releases/x/b/index.html` → `releases/x/a/index.html`.
    static func resolve(_ relative: String, from page: String) -> String? {
        // The common shape, leading `../` and then plain names, on bytes without
        // splitting: this runs for every distinct link of a site.
        if let fast = resolveSimple(relative, from: page) { return fast }
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

    /// `resolve` for links that are some `../` and then names with no `.`, `..` or
    /// empty part; nil for any other link (and for one that climbs above the root,
    /// which the general path then reports).
    private static func resolveSimple(_ relative: String, from page: String) -> String? {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var rest = relative.utf8[...]
        var folder = page.utf8[...]
        folder = folder.lastIndex(of: slash).map { folder[..<$0] } ?? folder[folder.startIndex..<folder.startIndex]
        while rest.starts(with: "../".utf8) {
            guard !folder.isEmpty else { return nil }
            folder = folder.lastIndex(of: slash).map { folder[..<$0] } ?? folder[folder.startIndex..<folder.startIndex]
            rest = rest.dropFirst(3)
        }
        var length = 0, dots = 0
        for byte in rest {
            if byte == slash {
                if length == 0 || length == dots && dots <= 2 { return nil }
                length = 0
                dots = 0
            } else {
                length += 1
                if byte == dot { dots += 1 }
            }
        }
        if length == 0 || length == dots && dots <= 2 { return nil }
        let tail = String(Substring(rest))
        return folder.isEmpty ? tail : String(Substring(folder)) + "/" + tail
    }

    /// The `id` values and the `href`/`src` values of a page, in one pass over its
    /// bytes. Our templates and cmark always quote attributes with `"` (and escape a `"`
    /// in text), so the pass jumps from quote to quote with `memchr` instead of reading
    /// every byte of the text between tags: ` name="value"`, a space, a short name, `="`.
    static func attributes(in bytes: [UInt8]) -> (ids: [String], links: [String]) {
        var ids: [String] = []
        var links: [String] = []
        let quote = UInt8(ascii: "\""), equals = UInt8(ascii: "="), space = UInt8(ascii: " ")
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            func nextQuote(from start: Int) -> Int {
                guard start < count, let found = memchr(base + start, Int32(quote), count - start) else { return count }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            var i = nextQuote(from: 0)
            while i < count {
                guard i >= 1, base[i - 1] == equals else { i = nextQuote(from: i + 1); continue }
                // An opening quote: the value runs to the next one.
                let end = nextQuote(from: i + 1)
                defer { i = nextQuote(from: end + 1) }
                let nameEnd = i - 1
                var nameStart = nameEnd
                while nameStart > 0, nameEnd - nameStart < 5, base[nameStart - 1] != space, base[nameStart - 1] != equals {
                    nameStart -= 1
                }
                guard nameStart > 0, base[nameStart - 1] == space else { continue }
                let name = UnsafeBufferPointer(rebasing: buffer[nameStart..<nameEnd])
                let isID = name.elementsEqual("id".utf8)
                guard isID || name.elementsEqual("href".utf8) || name.elementsEqual("src".utf8) else { continue }
                let value = String(decoding: UnsafeBufferPointer(rebasing: buffer[(i + 1)..<end]), as: UTF8.self)
                if isID { ids.append(value) } else { links.append(value) }
            }
        }
        return (ids, links)
    }

    static func decodeEntities(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "&")) else { return s }
        return s.replacingEvery("&amp;", with: "&").replacingEvery("&quot;", with: "\"")
            .replacingEvery("&#39;", with: "'").replacingEvery("&lt;", with: "<").replacingEvery("&gt;", with: ">")
    }
}

/// The ids of each page, made a set the first time a link points at the page: from the
/// pages this check scanned, from what the build already knew (`known`, the previous
/// build's manifest), or else read from disk. One per task: it caches what it makes.
final class PageIDs {
    private let folder: URL
    private let scanned: [String: [String]]
    private let known: [String: IDList]
    private var sets: [String: Set<String>] = [:]

    init(folder: URL, scanned: [String: [String]] = [:], known: [String: IDList] = [:]) {
        self.folder = folder
        self.scanned = scanned
        self.known = known
    }

    func of(_ page: String) -> Set<String> {
        if let ids = sets[page] { return ids }
        let ids = Set(
            scanned[page] ?? known[page]?.all
                ?? LinkChecker.attributes(in: LinkChecker.bytes(of: folder.appendingPathComponent(page))).ids)
        sets[page] = ids
        return ids
    }
}
