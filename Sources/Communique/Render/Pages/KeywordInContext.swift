/// A key-word-in-context line: the sentence around a topic's first match in a
/// paragraph, cut into plain and highlighted pieces for the template to escape.
enum KeywordInContext {
    struct Piece {
        var text: String
        var isMatch: Bool
    }

    /// Longest context shown on either side of the sentence's first match.
    static let maxSide = 80

    static func line(_ mention: TopicMention) -> [Piece] {
        let scalars = Array(mention.text.unicodeScalars)
        guard let first = mention.matches.first else {
            return [Piece(text: OneLine.string(scalars.prefix(2 * maxSide)) + (scalars.count > 2 * maxSide ? "…" : ""), isMatch: false)]
        }
        let (start, end) = sentence(around: first, in: scalars)
        var lower = start, upper = end
        var prefix = "", suffix = ""
        if first.lowerBound - lower > maxSide { lower = first.lowerBound - maxSide; prefix = "…" }
        if upper - first.upperBound > maxSide { upper = first.upperBound + maxSide; suffix = "…" }
        var pieces: [Piece] = []
        var cursor = lower
        for match in mention.matches where match.lowerBound >= cursor && match.upperBound <= upper {
            if match.lowerBound > cursor { pieces.append(Piece(text: OneLine.string(scalars[cursor..<match.lowerBound]), isMatch: false)) }
            pieces.append(Piece(text: OneLine.string(scalars[match]), isMatch: true))
            cursor = match.upperBound
        }
        if cursor < upper { pieces.append(Piece(text: OneLine.string(scalars[cursor..<upper]), isMatch: false)) }
        if !prefix.isEmpty { pieces.insert(Piece(text: prefix, isMatch: false), at: 0) }
        if !suffix.isEmpty { pieces.append(Piece(text: suffix, isMatch: false)) }
        return pieces
    }

    /// The line as HTML, matches in `<mark>`. Made here rather than in the template: a
    /// topic page of a large site has thousands of lines, and a Mustache section per
    /// piece made topic pages a third of the build.
    static func html(_ pieces: [Piece]) -> String {
        var html = ""
        for piece in pieces {
            html += piece.isMatch ? "<mark>\(MarkupEscaping.escape(piece.text))</mark>" : MarkupEscaping.escape(piece.text)
        }
        return html
    }

    /// The sentence holding `range`: from after the previous 。．! ? (or a period and a
    /// space) to the next one, inclusive.
    static func sentence(around range: Range<Int>, in scalars: [Unicode.Scalar]) -> (Int, Int) {
        func ends(at i: Int) -> Bool {
            let s = scalars[i]
            if s == "。" || s == "．" || s == "！" || s == "？" || s == "\n" { return true }
            if s == "." || s == "!" || s == "?" { return i + 1 >= scalars.count || scalars[i + 1] == " " }
            return false
        }
        var start = range.lowerBound
        while start > 0, !ends(at: start - 1) { start -= 1 }
        while start < range.lowerBound, scalars[start] == " " { start += 1 }
        var end = range.upperBound
        while end < scalars.count, !ends(at: end) { end += 1 }
        return (start, min(end + 1, scalars.count))
    }
}
