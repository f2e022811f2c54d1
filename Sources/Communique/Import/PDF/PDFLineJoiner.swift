import Foundation

/// Joins a wrapped line to the text before it: Japanese with nothing between (never a
/// space next to a Japanese character or after an opening bracket), English with one
/// space, and a word split with a hyphen at the line's end back into one word.
///
/// A hyphen at a line's end is either the layout's (`inter-` / `operability`) or part of
/// the word (`rules-` / `based`). The document itself tells which: the word written
/// elsewhere without the hyphen drops it, written with it keeps it. With no such
/// evidence the hyphen is kept (nothing is lost) and the join is reported as a guess.
struct PDFLineJoiner {
    static let sentenceEnds = LineJoiner.sentenceEnds
    static let closingBrackets: Set<Character> = [")", "）", "」", "』", "]", "］", "】", "〕", "\u{201D}"]
    static let openingBrackets: Set<Character> = ["(", "（", "「", "『", "[", "［", "【", "〔", "\u{201C}"]

    /// The document's words, lowercased, with and without their inner hyphens.
    let words: Set<String>

    init(vocabulary lines: [String]) {
        var words: Set<String> = []
        for line in lines {
            for word in line.split(whereSeparator: { !$0.isLetter && $0 != "-" }) {
                words.insert(word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "-")))
            }
        }
        self.words = words
    }

    struct Join: Sendable, Hashable {
        var text: String
        /// Set when the join was a guess a person should check.
        var guess: String?
    }

    func join(_ text: String, _ next: String) -> Join {
        let next = next.trimmingCharacters(in: .whitespaces)
        guard let last = text.last, let first = next.first else { return Join(text: text + next) }
        if TextScript.isWide(last) || TextScript.isWide(first) || Self.openingBrackets.contains(last) {
            return Join(text: text + next)
        }
        guard last == "-", first.isLetter, text.dropLast().last?.isLetter == true else {
            return Join(text: text + " " + next)
        }
        let head = String(text.dropLast().reversed().prefix { $0.isLetter || $0 == "-" }.reversed())
        let tail = String(next.prefix { $0.isLetter || $0 == "-" })
        let joined = (head + tail).lowercased()
        let hyphenated = (head + "-" + tail).lowercased()
        if first.isLowercase, words.contains(joined), !words.contains(hyphenated) {
            return Join(text: String(text.dropLast()) + next)
        }
        if words.contains(hyphenated) || !first.isLowercase {
            return Join(text: text + next)
        }
        return Join(
            text: text + next,
            guess: "kept the hyphen of “\(head)-\(tail)” at a line's end (the text has no other “\(head)\(tail)”); "
                + "remove it if the layout split the word")
    }
}
