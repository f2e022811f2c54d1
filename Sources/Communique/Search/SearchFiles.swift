/// The search index as the files the search page loads with `<script src>` (which works
/// from `file://`, where `fetch` does not), each calling `communiqueSearch.<kind>(…)`:
///
/// - `search/meta.js`: releases, topics, glossary entries and the number of term shards;
/// - `search/t/<n>.js`: the postings of the tokens whose shard is `n` (`shard(of:count:)`);
/// - `search/d/<release id>.js`: one release's pages and paragraphs.
///
/// A query loads the meta file, one term shard per token it asks for, and the paragraphs
/// of the releases it shows. A postings list is its document numbers' differences, each a
/// base-32 number written low digit first in `digits` (a digit ≥ 32 is followed by more).
public enum SearchFiles {
    static let digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    public static let folder = "search"
    /// How many of the newest releases' document files the search page loads before any
    /// query (results are shown newest first): a few dozen kilobytes on the bench site.
    static let preloadedReleases = 4

    /// A release's document file, relative to `folder`.
    static func documentsFile(of release: String) -> String { "d/\(release).js" }

    /// Each file made into a `File` as soon as it is written (`make(path, bytes, fingerprint)`
    /// may write it out and let its bytes go; a nil fingerprint is the bytes' hash), in a
    /// fixed order: meta, shards, releases.
    ///
    /// A release's document file is made from its files (`releaseKeys`, which include the
    /// program) and its paragraphs' topics, and that is its fingerprint: when `previous`
    /// (path → fingerprint of what the last build wrote and still has) holds the same, the
    /// file is not written again but kept (`keep(path, fingerprint)`).
    static func files<File>(
        _ index: SearchIndex, releaseKeys: [String: String] = [:], previous: [String: String] = [:],
        make: @escaping (String, [UInt8], String?) throws -> File, keep: @escaping (String, String) throws -> File
    ) throws -> [File] {
        let tokens = index.postings.keys.sorted()
        let bytes = tokens.reduce(0) { $0 + $1.utf8.count + 4 + index.postings[$1]!.bytes.count }
        let count = shardCount(forBytes: bytes)
        var shards = Array(repeating: [String](), count: count)
        for token in tokens { shards[shard(of: token, count: count)].append(token) }
        let releases = index.releases
        // Shards, then releases, each written on any core.
        let written = Parallel.map(count + releases.count) { item in
            Result { () throws -> File in
                guard item < count else {
                    let release = releases[item - count]
                    let path = "\(folder)/" + documentsFile(of: release.id)
                    let fingerprint = releaseKeys[release.id].map { documentsFingerprint(of: release, key: $0, in: index) }
                    if let fingerprint, previous[path] == fingerprint { return try keep(path, fingerprint) }
                    return try make(path, documents(of: release, in: index), fingerprint)
                }
                return try make("\(folder)/t/\(item).js", terms(of: shards[item], shard: item, in: index), nil)
            }
        }
        return try [make("\(folder)/meta.js", meta(index, shards: count), nil)] + written.map { try $0.get() }
    }

    /// What a release's document file is made from: its files' key and its paragraphs' topics.
    static func documentsFingerprint(of release: SearchIndex.Release, key: String, in index: SearchIndex) -> String {
        var hasher = StableHasher()
        hasher.combine("search documents 1")
        hasher.combine(key)
        for document in index.documents[release.firstDocument..<(release.firstDocument + release.documentCount)] {
            hasher.combine(document.topics.count)
            for topic in document.topics { hasher.combine(topic) }
        }
        return hasher.hex
    }

    /// `communiqueSearch.terms(n, {token: postings, …})`.
    static func terms(of tokens: [String], shard: Int, in index: SearchIndex) -> [UInt8] {
        var out = Array("communiqueSearch.terms(\(shard),{".utf8)
        for (k, token) in tokens.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.append(token, to: &out)
            out.append(UInt8(ascii: ":"))
            out.append(UInt8(ascii: "\""))
            out += index.postings[token]!.bytes
            out.append(UInt8(ascii: "\""))
        }
        out += Array("});\n".utf8)
        return out
    }

    /// `communiqueSearch.docs(id, {pages: [[title, url, anchor prefix]…], docs: [[page, label,
    /// anchor, text, topics?]…]})`, written small (the documents are most of the index):
    /// a label the text starts with is its length, an anchor is what follows its page's
    /// common prefix, and a paragraph without topics has no list.
    static func documents(of release: SearchIndex.Release, in index: SearchIndex) -> [UInt8] {
        let documents = index.documents[release.firstDocument..<(release.firstDocument + release.documentCount)]
        let prefixes = release.pages.indices.map { page in
            commonPrefix(documents.lazy.filter { $0.page == page }.map(\.anchor))
        }
        var out = Array("communiqueSearch.docs(".utf8)
        JSONText.append(release.id, to: &out)
        out += Array(",{\"pages\":[".utf8)
        for (k, page) in release.pages.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            JSONText.append(page.title, to: &out)
            out.append(UInt8(ascii: ","))
            JSONText.append(page.url, to: &out)
            out.append(UInt8(ascii: ","))
            JSONText.append(prefixes[k], to: &out)
            out.append(UInt8(ascii: "]"))
        }
        out += Array("],\"docs\":[".utf8)
        for (k, document) in documents.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            out += Array("[\(document.page),".utf8)
            if !document.label.isEmpty, document.text.hasPrefix(document.label) {
                out += Array(String(document.label.utf16.count).utf8)
            } else {
                JSONText.append(document.label, to: &out)
            }
            out.append(UInt8(ascii: ","))
            JSONText.append(String(document.anchor.dropFirst(prefixes[document.page].count)), to: &out)
            out.append(UInt8(ascii: ","))
            JSONText.append(document.text, to: &out)
            if !document.topics.isEmpty { out += Array(",[\(document.topics.map(String.init).joined(separator: ","))]".utf8) }
            out.append(UInt8(ascii: "]"))
        }
        out += Array("]});\n".utf8)
        return out
    }

    static func commonPrefix<Texts: Sequence<String>>(_ texts: Texts) -> String {
        var prefix: Substring?
        for text in texts {
            guard let current = prefix else { prefix = Substring(text); continue }
            prefix = current.commonPrefix(with: text)[...]
            if prefix!.isEmpty { break }
        }
        return String(prefix ?? "")
    }

    static func meta(_ index: SearchIndex, shards: Int) -> [UInt8] {
        let releases = index.releases.map { release in
            "[\(JSONText.string(release.id)),\(JSONText.string(release.title)),\(JSONText.string(release.date)),"
                + "\(JSONText.string(release.url)),\(release.firstDocument),\(release.documentCount)]"
        }
        let topics = index.topics.map { "[\(JSONText.string($0.id)),\(JSONText.string($0.title))]" }
        let entries = index.entries.map { entry in
            "[\(JSONText.string(entry.kind.rawValue)),\(JSONText.string(entry.title)),\(JSONText.string(entry.reading)),"
                + "\(JSONText.string(entry.url)),[\(entry.forms.map(JSONText.string).joined(separator: ","))],"
                + "\(JSONText.string(entry.english)),\(JSONText.string(entry.text))]"
        }
        return Array(("communiqueSearch.meta({\"shards\":\(shards),\n\"releases\":[\n\(releases.joined(separator: ",\n"))],\n"
            + "\"topics\":[\n\(topics.joined(separator: ",\n"))],\n\"entries\":[\n\(entries.joined(separator: ",\n"))]});\n").utf8)
    }

    /// About 4 KiB of postings a shard, in a power of two of shards (1 … 1024).
    static func shardCount(forBytes bytes: Int) -> Int {
        var count = 1
        while count < 1024 && count * 4096 < bytes { count *= 2 }
        return count
    }

    /// A token's shard: by its first character (so a one-character or prefix query knows
    /// its shard), a topic's `#id` and an entry's `@n` by the whole token. FNV-1a of the
    /// UTF-8 bytes.
    public static func shard(of token: String, count: Int) -> Int {
        let key = token.hasPrefix("#") || token.hasPrefix("@") ? Substring(token) : token.prefix(1)
        var hash: UInt32 = 2_166_136_261
        for byte in key.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return Int(hash % UInt32(count))
    }

    /// A byte's digit value, or nil when it is not a digit.
    static func digitValue(_ byte: UInt8) -> UInt8? {
        let value = digitValues[Int(byte)]
        return value != 0 || byte == digits[0] ? value : nil
    }

    /// By byte, its digit's value (for `PostingList.documents`).
    static let digitValues: [UInt8] = {
        var values = [UInt8](repeating: 0, count: 256)
        for (value, digit) in digits.enumerated() { values[Int(digit)] = UInt8(value) }
        return values
    }()
}
