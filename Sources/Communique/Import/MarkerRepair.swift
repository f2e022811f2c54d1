import Foundation

/// Repairs a number marker mistyped in a numbered run (`11, We…` or `24.We…` between
/// `10.` and `12.`, `23.` and `25.`), which left that paragraph without its number.
///
/// Only a marker that fits the sequence exactly is taken: the number is one more than the
/// numbered paragraph before it and one less than the one after, both written `N.`. The
/// line is rewritten with the marker as its neighbours write it (`11. We…`), and the repair
/// is reported as a guess with the line as it was.
enum MarkerRepair {
    /// `11, We`, `11 , We`, `11、We`, `11: We`, `24.We`: digits, then a wrong separator or no space.
    nonisolated(unsafe) static let mistyped = compiledOnce(/^(\d{1,3})(?:\s*[,，、:：;；]\s*|[.．](?=[^\s\d.．]))/)

    static func repair(_ blocks: [LogicalLine]) -> (blocks: [LogicalLine], guesses: [ImportGuess]) {
        var blocks = blocks
        var guesses: [ImportGuess] = []
        let markers = blocks.map(\.marker)
        for index in blocks.indices where markers[index] == nil {
            guard let match = blocks[index].folded.prefixMatch(of: mistyped), let value = Int(match.1),
                let previous = markers[..<index].last(where: { $0 != nil }) ?? nil,
                let next = markers[(index + 1)...].first(where: { $0 != nil }) ?? nil,
                previous.scheme == .arabicFullStop, next.scheme == .arabicFullStop,
                previous.value == value - 1, next.value == value + 1
            else { continue }
            let original = blocks[index].text
            let written = original.prefix(match.0.count).trimmingCharacters(in: .whitespaces)
            let rest = original.dropFirst(match.0.count).drop { $0.isWhitespace }
            let repaired = LogicalLine(lines: blocks[index].lines, text: "\(value). " + rest)
            guard repaired.marker?.value == value else { continue }
            blocks[index] = repaired
            guesses.append(ImportGuess(
                line: blocks[index].firstLine,
                "took '\(written)' for paragraph number \(value) (between \(value - 1) and \(value + 1)); the line was “\(original.prefix(40))”",
                replaced: written))
        }
        return (blocks, guesses)
    }
}
