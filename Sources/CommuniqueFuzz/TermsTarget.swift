#if DEBUG
import Foundation

@testable import Communique

/// The term matcher (Aho–Corasick): the bytes before the first NUL are the patterns, one a
/// line; the rest is the text (without a NUL, the first line is the one pattern).
///
/// Matches must be in range, sorted, non-overlapping; each must be its pattern (width-folded,
/// line breaks as spaces), a whole token where the pattern starts or ends with a Latin
/// letter or digit; and they must be exactly the leftmost-longest matches a naive scan finds.
/// `utf8Range(in:)` must name the same text in UTF-8 offsets.
final class TermsTarget: FuzzTarget {
    func test(_ bytes: [UInt8]) throws {
        let patternBytes: ArraySlice<UInt8>
        let textBytes: ArraySlice<UInt8>
        if let nul = bytes.firstIndex(of: 0) {
            patternBytes = bytes[..<nul]
            textBytes = bytes[(nul + 1)...]
        } else {
            let end = bytes.firstIndex(of: 0x0A) ?? bytes.endIndex
            patternBytes = bytes[..<end]
            textBytes = bytes[end...]
        }
        let patterns = String(decoding: patternBytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let text = String(decoding: textBytes, as: UTF8.self)
        try Self.checkMatches(TermMatcher(patterns: patterns).matches(in: text), patterns: patterns, text: text)
    }

    static func checkMatches(_ matches: [TermMatcher.Match], patterns: [String], text: String) throws {
        let scalars = TermMatcher.normalised(text)
        let normalisedPatterns = patterns.map(TermMatcher.normalised)
        var end = 0
        for match in matches {
            let range = match.scalarRange
            try require(match.pattern >= 0 && match.pattern < patterns.count, "match of pattern \(match.pattern) of \(patterns.count)")
            try require(range.lowerBound >= 0 && range.upperBound <= scalars.count && !range.isEmpty, "match \(range) outside a text of \(scalars.count) scalars")
            try require(range.lowerBound >= end, "matches overlap or are not sorted at \(range)")
            end = range.upperBound
            try require(Array(scalars[range]) == normalisedPatterns[match.pattern], "match \(range) is not its pattern '\(patterns[match.pattern])'")
            try require(isWholeToken(range, pattern: normalisedPatterns[match.pattern], in: scalars), "match \(range) of '\(patterns[match.pattern])' is inside a word")
            let utf8 = match.utf8Range(in: text)
            let found = String(decoding: Array(text.utf8)[utf8.clamped(to: 0..<text.utf8.count)], as: UTF8.self)
            try require(TermMatcher.normalised(found) == normalisedPatterns[match.pattern], "utf8Range \(utf8) of match \(range) names '\(found)'")
        }
        let expected = reference(patterns: normalisedPatterns, scalars: scalars)
        try require(matches.map { [$0.pattern, $0.scalarRange.lowerBound, $0.scalarRange.upperBound] } == expected.map { [$0.pattern, $0.range.lowerBound, $0.range.upperBound] },
            "matches \(matches.map { ($0.pattern, $0.scalarRange) }) but a naive scan finds \(expected.map { ($0.pattern, $0.range) })")
    }

    static func isWholeToken(_ range: Range<Int>, pattern: [Unicode.Scalar], in scalars: [Unicode.Scalar]) -> Bool {
        if let first = pattern.first, TermMatcher.isWordScalar(first), range.lowerBound > 0, TermMatcher.isWordScalar(scalars[range.lowerBound - 1]) { return false }
        if let last = pattern.last, TermMatcher.isWordScalar(last), range.upperBound < scalars.count, TermMatcher.isWordScalar(scalars[range.upperBound]) { return false }
        return true
    }

    /// Leftmost, then longest, then first-listed; scanning on after each match.
    static func reference(patterns: [[Unicode.Scalar]], scalars: [Unicode.Scalar]) -> [(pattern: Int, range: Range<Int>)] {
        var byFirst: [Unicode.Scalar: [Int]] = [:]
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty { byFirst[pattern[0], default: []].append(index) }
        var found: [(pattern: Int, range: Range<Int>)] = []
        var position = 0
        while position < scalars.count {
            var best: (pattern: Int, range: Range<Int>)?
            for index in byFirst[scalars[position]] ?? [] {
                let pattern = patterns[index]
                let range = position..<(position + pattern.count)
                guard range.upperBound <= scalars.count, scalars[range].elementsEqual(pattern),
                    isWholeToken(range, pattern: pattern, in: scalars)
                else { continue }
                if best == nil || pattern.count > best!.range.count { best = (index, range) }
            }
            if let best {
                found.append(best)
                position = best.range.upperBound
            } else {
                position += 1
            }
        }
        return found
    }
}
#endif
