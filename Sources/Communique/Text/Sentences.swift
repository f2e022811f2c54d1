/// A paragraph cut into sentences, for tracing its wording through earlier statements.
///
/// Japanese ends a sentence with 。, ！ or ？ (and the closing brackets after it: 「…。」);
/// no space follows. English ends one with `.`, `!` or `?` and its closing quotes, before a
/// space and a capital, a digit or an opening quote — except after an initial ("Joseph R.
/// Biden"), a dotted abbreviation ("U.S.", "e.g.") or a title ("Mr.", "Jr.", "No.").
///
/// On Unicode scalars, not Characters: every mark it looks for is one scalar, and this runs
/// on every sentence of every release.
enum Sentences {
    static func split(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var sentences: [String] = []
        var start = 0
        var index = 0
        func close(at end: Int) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            let sentence = String(view).trimmingCharacters(in: .whitespacesAndNewlines)
            if !sentence.isEmpty { sentences.append(sentence) }
            start = end
        }
        // Inside 「…」 (a quotation) a full stop ends no sentence of the paragraph's own.
        var quoted = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if openers.contains(scalar) { quoted += 1 } else if japaneseClosers.contains(scalar) { quoted = max(0, quoted - 1) }
            let japanese = scalar == "。" || scalar == "！" || scalar == "？"
            if japanese && quoted > 0 { continue }
            guard japanese || scalar == "." || scalar == "!" || scalar == "?" else { continue }
            var end = index
            while end < scalars.count, closers.contains(scalars[end]) { end += 1 }
            if japanese {
                close(at: end)
                index = end
                continue
            }
            // Latin: a space, then what can start a sentence.
            guard end < scalars.count, scalars[end].properties.isWhitespace else { continue }
            var next = end
            while next < scalars.count, scalars[next].properties.isWhitespace { next += 1 }
            guard next < scalars.count, startsSentence(scalars[next]) else { continue }
            if scalar == ".", endsAbbreviation(scalars, before: index - 1) { continue }
            close(at: end)
            index = end
        }
        close(at: scalars.count)
        return sentences
    }

    private static let openers: Set<Unicode.Scalar> = ["「", "『", "【", "（"]
    private static let japaneseClosers: Set<Unicode.Scalar> = ["」", "』", "】", "）"]
    private static let closers: Set<Unicode.Scalar> = ["」", "』", "）", ")", "\"", "'", "”", "’", "]", "】"]

    private static func startsSentence(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isUppercase || properties.numericType != nil || "\"“‘'(「『（".unicodeScalars.contains(scalar)
            || (!scalar.isASCII && !properties.isLowercase && !properties.isWhitespace)
    }

    private static let titles: Set<String> = [
        "mr", "mrs", "ms", "dr", "jr", "sr", "st", "no", "nos", "vol", "art", "para", "gen", "lt", "col", "sen", "rep", "gov", "prof", "amb",
    ]

    /// Whether the word ending at the period `index` is an initial, a dotted abbreviation or a
    /// title, whose period ends no sentence.
    private static func endsAbbreviation(_ scalars: [Unicode.Scalar], before index: Int) -> Bool {
        var wordStart = index
        while wordStart > 0, scalars[wordStart - 1].properties.isAlphabetic || scalars[wordStart - 1] == "." { wordStart -= 1 }
        let word = scalars[wordStart..<index]
        if word.count == 1, word.first!.properties.isUppercase { return true }  // an initial
        if word.contains(".") { return true }  // U.S, e.g
        var view = String.UnicodeScalarView()
        view.append(contentsOf: word)
        return titles.contains(String(view).lowercased())
    }
}
