import CMeCab

/// Readings (in katakana) of Japanese text, from MeCab with the IPA dictionary.
///
/// A MeCab tagger is not thread-safe, so each reader owns one and callers keep a
/// reader per task. Words MeCab does not know (Latin acronyms) keep their surface form.
public final class JapaneseReader {
    private let tagger: OpaquePointer

    /// The dictionary Debian's mecab-ipadic-utf8 installs. `mecab-config --dicdir`
    /// names a folder that does not exist on Debian, so we name it ourselves and fall
    /// back to /etc/mecabrc.
    static let dictionaryCandidates = ["/var/lib/mecab/dic/ipadic-utf8", "/var/lib/mecab/dic/debian"]

    /// Nil when MeCab or its dictionary cannot be loaded.
    public init?() {
        var made: OpaquePointer?
        for dic in Self.dictionaryCandidates {
            made = mecab_new2("-d \(dic)")
            if made != nil { break }
        }
        if made == nil { made = mecab_new2("") }
        guard let tagger = made else { return nil }
        self.tagger = tagger
    }

    deinit { mecab_destroy(tagger) }

    /// One morpheme: its surface form and its reading (katakana), when the dictionary has one.
    public struct Morpheme: Sendable, Equatable {
        public var surface: String
        public var reading: String?
        public var partOfSpeech: String
        public var subclass: String
    }

    /// Short texts read before: names and the words before a parenthesis recur across
    /// a site's statements, and each costs a MeCab analysis.
    private var known: [String: [Morpheme]] = [:]
    /// Longest text (in UTF-8 bytes) kept in `known`, and how many are kept at most.
    static let knownTextLength = 256
    static let knownTextCount = 4096

    public func morphemes(of text: String) -> [Morpheme] {
        guard text.utf8.count <= Self.knownTextLength else { return analyse(text) }
        if let morphemes = known[text] { return morphemes }
        let morphemes = analyse(text)
        if known.count >= Self.knownTextCount { known.removeAll(keepingCapacity: true) }
        known[text] = morphemes
        return morphemes
    }

    private func analyse(_ text: String) -> [Morpheme] {
        var result: [Morpheme] = []
        text.withCString { cText in
            // The nodes point into cText, which lives only inside this closure.
            guard var node = mecab_sparse_tonode(tagger, cText) else { return }
            while true {
                let n = node.pointee
                if n.stat != MECAB_BOS_NODE && n.stat != MECAB_EOS_NODE, let surfacePtr = n.surface {
                    let bytes = UnsafeRawBufferPointer(start: surfacePtr, count: Int(n.length))
                    let surface = String(decoding: bytes, as: UTF8.self)
                    // Split on bytes: a Character split of every feature string was a
                    // good part of reading a text.
                    let features = n.feature.map { String(cString: $0) }?.utf8
                        .split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map { String(Substring($0)) } ?? []
                    let reading = features.count > 7 && features[7] != "*" ? features[7] : nil
                    result.append(Morpheme(
                        surface: surface, reading: reading,
                        partOfSpeech: features.first ?? "",
                        subclass: features.count > 1 ? features[1] : ""))
                }
                guard let next = n.next else { break }
                node = UnsafePointer(next)
            }
        }
        return result
    }

    /// The reading of `text` in katakana; unknown words keep their surface form.
    public func reading(of text: String) -> String {
        morphemes(of: text).map { $0.reading ?? Kana.toKatakana($0.surface) }.joined()
    }
}
