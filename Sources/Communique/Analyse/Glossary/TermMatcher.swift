/// Finds many terms in a text in one pass (Aho–Corasick), longest match first.
///
/// Japanese has no word boundaries, so a shorter term (同盟) must not win inside a
/// longer one (同盟調整メカニズム): among overlapping matches the leftmost, then the
/// longest, is kept. Latin terms match only as whole tokens (ISR is not in ISRAEL).
/// Matching is on the width-folded text, so ＡＣＭ finds ACM; line breaks count as
/// spaces, so a term may span a line of the Markdown.
public struct TermMatcher: Sendable {
    public struct Match: Sendable, Equatable {
        /// Index of the pattern in the list the matcher was made from.
        public var pattern: Int
        /// Position in the text, in Unicode scalars.
        public var scalarRange: Range<Int>
    }

    /// Transitions as one table keyed by (state, scalar): fewer allocations than a
    /// dictionary per state.
    private var goto: [UInt64: Int32] = [:]
    private var failure: [Int32] = [0]
    /// For each state, the patterns ending there (own and via failure links): (pattern, length).
    private var outputs: [[(Int32, Int32)]] = [[]]
    private let patternEdges: [(startsWithWordChar: Bool, endsWithWordChar: Bool)]
    /// One bit per scalar of the Basic Multilingual Plane: set when some pattern has
    /// it. A scalar no pattern has sends every state back to the root, which the scan
    /// then knows without two table lookups — most of a Japanese text's kana and
    /// punctuation.
    private var inSomePattern = [UInt64](repeating: 0, count: 0x10000 / 64)

    public init(patterns: [String]) {
        var edges: [(Bool, Bool)] = []
        var stateCount = 1
        for (index, pattern) in patterns.enumerated() {
            let scalars = Self.normalised(pattern)
            edges.append((scalars.first.map(Self.isWordScalar) ?? false, scalars.last.map(Self.isWordScalar) ?? false))
            guard !scalars.isEmpty else { continue }
            var state: Int32 = 0
            for scalar in scalars {
                if scalar.value < 0x10000 { inSomePattern[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63) }
                let key = Self.key(state, scalar)
                if let next = goto[key] {
                    state = next
                } else {
                    let next = Int32(stateCount)
                    stateCount += 1
                    goto[key] = next
                    failure.append(0)
                    outputs.append([])
                    state = next
                }
            }
            outputs[Int(state)].append((Int32(index), Int32(scalars.count)))
        }
        patternEdges = edges
        buildFailureLinks(stateCount: stateCount)
    }

    /// Breadth-first, so a state's failure target is final before its children use it.
    private mutating func buildFailureLinks(stateCount: Int) {
        var children = Array(repeating: [(UInt32, Int32)](), count: stateCount)
        for (key, next) in goto {
            children[Int(key >> 32)].append((UInt32(truncatingIfNeeded: key), next))
        }
        var queue: [Int32] = []
        for (_, child) in children[0] {
            failure[Int(child)] = 0
            queue.append(child)
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (scalarValue, child) in children[Int(state)] {
                queue.append(child)
                var fallback = failure[Int(state)]
                while fallback != 0, goto[Self.key(fallback, scalarValue)] == nil {
                    fallback = failure[Int(fallback)]
                }
                let target = goto[Self.key(fallback, scalarValue)] ?? 0
                failure[Int(child)] = target == child ? 0 : target
                outputs[Int(child)] += outputs[Int(failure[Int(child)])]
            }
        }
    }

    /// Non-overlapping matches in `text`, leftmost first, longest at each position.
    public func matches(in text: String) -> [Match] {
        let scalars = Self.normalised(text)
        var found: [Match] = []
        var state: Int32 = 0
        for (position, scalar) in scalars.enumerated() {
            if scalar.value < 0x10000, inSomePattern[Int(scalar.value >> 6)] & (1 << UInt64(scalar.value & 63)) == 0 {
                state = 0
                continue
            }
            while state != 0, goto[Self.key(state, scalar.value)] == nil {
                state = failure[Int(state)]
            }
            state = goto[Self.key(state, scalar.value)] ?? 0
            for (pattern, length) in outputs[Int(state)] {
                let range = (position + 1 - Int(length))..<(position + 1)
                if isWholeToken(pattern: Int(pattern), range: range, in: scalars) {
                    found.append(Match(pattern: Int(pattern), scalarRange: range))
                }
            }
        }
        found.sort { ($0.scalarRange.lowerBound, -$0.scalarRange.count, $0.pattern) < ($1.scalarRange.lowerBound, -$1.scalarRange.count, $1.pattern) }
        var kept: [Match] = []
        var end = 0
        for match in found where match.scalarRange.lowerBound >= end {
            kept.append(match)
            end = match.scalarRange.upperBound
        }
        return kept
    }

    /// A Latin term must not continue a Latin word on either side.
    private func isWholeToken(pattern: Int, range: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        let edges = patternEdges[pattern]
        if edges.startsWithWordChar, range.lowerBound > 0, Self.isWordScalar(scalars[range.lowerBound - 1]) { return false }
        if edges.endsWithWordChar, range.upperBound < scalars.count, Self.isWordScalar(scalars[range.upperBound]) { return false }
        return true
    }

    static func normalised(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.map { scalar in
            scalar == "\n" || scalar == "\t" || scalar == "\r" ? " " : WidthFolding.fold(scalar)
        }
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x30 && s.value <= 0x39) || (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A)
    }

    private static func key(_ state: Int32, _ scalar: Unicode.Scalar) -> UInt64 { key(state, scalar.value) }
    private static func key(_ state: Int32, _ scalarValue: UInt32) -> UInt64 { UInt64(UInt32(state)) << 32 | UInt64(scalarValue) }
}

extension TermMatcher.Match {
    /// The match's range in UTF-8 offsets of `text`, as `InlineWrap` wants it.
    public func utf8Range(in text: String) -> Range<Int> {
        var utf8Offset = 0
        var lower = 0
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if index == scalarRange.lowerBound { lower = utf8Offset }
            if index == scalarRange.upperBound { return lower..<utf8Offset }
            utf8Offset += UTF8.width(scalar)
        }
        if scalarRange.lowerBound == text.unicodeScalars.count { lower = utf8Offset }
        return lower..<utf8Offset
    }
}
