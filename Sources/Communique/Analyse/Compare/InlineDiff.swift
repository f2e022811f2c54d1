/// What changed inside a paragraph, as runs of kept, deleted and inserted text.
///
/// Japanese has no word spaces, so it is compared character by character; Latin words are
/// compared whole (a changed word is deleted and inserted, never patched letter by letter).
/// Changes a single kept character apart are joined into one readable run: 強く非難 →
/// 最も強い言葉で非難 reads as `[強く→最も強い言葉で]非難`, not as four scattered edits.
public enum InlineDiff {
    public enum Run: Sendable, Equatable, Hashable {
        case kept(String)
        case deleted(String)
        case inserted(String)

        public var text: String {
            switch self {
            case .kept(let text), .deleted(let text), .inserted(let text): text
            }
        }

        /// The same run seen from the other side (what was deleted going one way is inserted
        /// going back).
        public var mirrored: Run {
            switch self {
            case .kept(let text): .kept(text)
            case .deleted(let text): .inserted(text)
            case .inserted(let text): .deleted(text)
            }
        }
    }

    /// The runs that turn `old` into `new`: kept text, and at each change what was deleted
    /// then what was inserted.
    public static func runs(from old: String, to new: String) -> [Run] {
        let a = tokens(of: old), b = tokens(of: new)
        let script = editScript(a, b)
        return readable(script)
    }

    /// Comparison tokens: a Latin word (letters and digits together), or one character of
    /// anything else (a kanji, a kana, a space, a mark of punctuation).
    static func tokens(of text: String) -> [Substring] {
        var tokens: [Substring] = []
        var wordStart: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if isWordCharacter(text[index]) {
                if wordStart == nil { wordStart = index }
            } else {
                if let start = wordStart { tokens.append(text[start..<index]); wordStart = nil }
                tokens.append(text[index..<next])
            }
            index = next
        }
        if let start = wordStart { tokens.append(text[start...]) }
        return tokens
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        if SearchText.kind(of: scalar) == .japanese { return false }
        return character.isLetter || character.isNumber || character == "'" || character == "’"
    }

    enum Edit: Equatable { case keep(Substring), delete(Substring), insert(Substring) }

    /// A shortest edit script (Myers' O(ND) algorithm). Beyond `limit` differences the two
    /// texts have little in common: the whole of one is deleted and the other inserted.
    static func editScript(_ a: [Substring], _ b: [Substring], limit: Int = 1_000) -> [Edit] {
        // Tokens as numbers: comparing Substrings (with Unicode normalisation) was most of the work.
        var numbers: [Substring: Int] = [:]
        let x0 = a.map { token in numbers[token] ?? { numbers[token] = numbers.count; return numbers.count - 1 }() }
        let y0 = b.map { token in numbers[token] ?? { numbers[token] = numbers.count; return numbers.count - 1 }() }
        let n = a.count, m = b.count
        let maximum = min(n + m, limit)
        let offset = maximum + 1
        var frontier = [Int](repeating: 0, count: 2 * maximum + 3)
        // Each round keeps only the diagonals it can have reached (-d-1 … d+1): O(D²) in all,
        // where whole frontiers made O(D·(n+m)).
        var trace: [[Int]] = []
        var found = false
        search: for d in 0...maximum {
            trace.append(Array(frontier[(offset - d - 1)...(offset + d + 1)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]))
                    ? frontier[offset + k + 1] : frontier[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, x0[x] == y0[y] { x += 1; y += 1 }
                frontier[offset + k] = x
                if x >= n && y >= m { found = true; break search }
            }
        }
        guard found else { return a.map(Edit.delete) + b.map(Edit.insert) }
        // Walk back through the saved frontiers (round d's diagonal k is at k + d + 1).
        var edits: [Edit] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = (k == -d || (k != d && v[k - 1 + d + 1] < v[k + 1 + d + 1])) ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : v[previousK + d + 1]
            let previousY = previousX - previousK
            while x > previousX && y > previousY { x -= 1; y -= 1; edits.append(.keep(a[x])) }
            if d > 0 {
                if x == previousX { y -= 1; edits.append(.insert(b[y])) } else { x -= 1; edits.append(.delete(a[x])) }
            }
        }
        return edits.reversed()
    }

    /// Groups an edit script into runs, joining changes that only one kept character (or a
    /// kept space) separates, deletions before insertions.
    static func readable(_ edits: [Edit]) -> [Run] {
        // Segments: ranges of the script, kept text or a change. (Ranges, not token lists:
        // appending to a list held in an enum copied it at every token.)
        var segments: [(isKept: Bool, range: Range<Int>)] = []
        for (index, edit) in edits.enumerated() {
            let isKept: Bool
            if case .keep = edit { isKept = true } else { isKept = false }
            if let last = segments.last, last.isKept == isKept {
                segments[segments.count - 1].range = last.range.lowerBound..<(index + 1)
            } else {
                segments.append((isKept, index..<(index + 1)))
            }
        }
        // A kept piece of one token between two changes joins them (it is then both deleted
        // and inserted).
        var merged: [(isKept: Bool, range: Range<Int>)] = []
        var index = 0
        while index < segments.count {
            let segment = segments[index]
            if segment.isKept, segment.range.count <= 1, index + 1 < segments.count, let last = merged.last, !last.isKept {
                merged[merged.count - 1].range = last.range.lowerBound..<segments[index + 1].range.upperBound
                index += 2
                continue
            }
            merged.append(segment)
            index += 1
        }
        var runs: [Run] = []
        for segment in merged {
            var kept = "", deleted = "", inserted = ""
            for edit in edits[segment.range] {
                switch edit {
                case .keep(let token) where segment.isKept: kept += token
                case .keep(let token): deleted += token; inserted += token
                case .delete(let token): deleted += token
                case .insert(let token): inserted += token
                }
            }
            if segment.isKept {
                runs.append(.kept(kept))
            } else {
                if !deleted.isEmpty { runs.append(.deleted(deleted)) }
                if !inserted.isEmpty { runs.append(.inserted(inserted)) }
            }
        }
        return runs
    }
}
