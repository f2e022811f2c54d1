/// The search index as the files the search page loads with `<script src>` (which works
/// from `file://`, where `fetch` does not), each calling `communiqueSearch.<kind>(…)`:
///
/// - `search/meta.js`: releases, topics, glossary entries and the number of term shards;
/// - `search/t/<n>.js`: the postings of the tokens whose shard is `n` (`shard(of:count:)`);
/// - `search/d/<release id>.js`: one release's paragraphs.
///
/// A query loads the meta file, one term shard per token it asks for, and the paragraphs
/// of the releases it shows. A postings list is its document numbers' differences, each a
/// base-32 number written low digit first in `digits` (a digit ≥ 32 is followed by more).
public enum SearchFiles {
    static let digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".unicodeScalars)
    public static let folder = "search"

    public static func files(_ index: SearchIndex) -> [(path: String, text: String)] {
        let encoded = index.postings.mapValues(encode)
        let bytes = encoded.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count + 6 }
        let count = shardCount(forBytes: bytes)
        var shards = Array(repeating: [(String, String)](), count: count)
        for (token, list) in encoded { shards[shard(of: token, count: count)].append((token, list)) }
        var files: [(String, String)] = [("\(folder)/meta.js", meta(index, shards: count))]
        for (number, shard) in shards.enumerated() {
            let body = shard.sorted { $0.0 < $1.0 }.map { "\(JSONText.string($0.0)):\"\($0.1)\"" }.joined(separator: ",\n")
            files.append(("\(folder)/t/\(number).js", "communiqueSearch.terms(\(number),{\n\(body)});\n"))
        }
        for release in index.releases {
            let documents = index.documents[release.firstDocument..<(release.firstDocument + release.documentCount)]
            let body = documents.map { document in
                "[\(JSONText.string(document.section)),\(JSONText.string(document.label)),\(JSONText.string(document.url)),"
                    + "\(JSONText.string(document.text)),[\(document.topics.map(String.init).joined(separator: ","))]]"
            }.joined(separator: ",\n")
            files.append(("\(folder)/d/\(release.id).js", "communiqueSearch.docs(\(JSONText.string(release.id)),[\n\(body)]);\n"))
        }
        return files
    }

    static func meta(_ index: SearchIndex, shards: Int) -> String {
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
        return "communiqueSearch.meta({\"shards\":\(shards),\n\"releases\":[\n\(releases.joined(separator: ",\n"))],\n"
            + "\"topics\":[\n\(topics.joined(separator: ",\n"))],\n\"entries\":[\n\(entries.joined(separator: ",\n"))]});\n"
    }

    /// About 8 KiB of postings a shard, in a power of two of shards (1 … 512).
    static func shardCount(forBytes bytes: Int) -> Int {
        var count = 1
        while count < 512 && count * 8192 < bytes { count *= 2 }
        return count
    }

    /// A token's shard: by its first character (so a one-character or prefix query knows
    /// its shard), a topic's `#id` by the whole token. FNV-1a of the UTF-8 bytes.
    public static func shard(of token: String, count: Int) -> Int {
        let key = token.hasPrefix("#") ? Substring(token) : token.prefix(1)
        var hash: UInt32 = 2_166_136_261
        for byte in key.unicodeScalars.first.map({ _ in Array(key.utf8) }) ?? [] {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return Int(hash % UInt32(count))
    }

    static func encode(_ documents: [Int32]) -> String {
        var out = String.UnicodeScalarView()
        var previous: Int32 = -1
        for document in documents {
            var value = UInt32(document - previous)
            previous = document
            while value >= 32 {
                out.append(digits[Int(32 + value & 31)])
                value >>= 5
            }
            out.append(digits[Int(value)])
        }
        return String(out)
    }

    static func decode(_ text: String) -> [Int32] {
        var documents: [Int32] = []
        var value: UInt32 = 0, shift: UInt32 = 0, previous: Int32 = -1
        for scalar in text.unicodeScalars {
            guard let digit = digits.firstIndex(of: scalar) else { return [] }
            value |= UInt32(digit & 31) << shift
            if digit >= 32 { shift += 5; continue }
            previous += Int32(value)
            documents.append(previous)
            value = 0
            shift = 0
        }
        return documents
    }
}
