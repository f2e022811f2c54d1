/// A paragraph cut into sentences, for tracing its wording through earlier statements.
///
/// Japanese ends a sentence with 。, ！ or ？ (and the closing brackets after it: 「…。」);
/// no space follows. English ends one with `.`, `!` or `?` and its closing quotes, before a
/// space and a capital, a digit or an opening quote — except after an initial ("Joseph R.
/// Biden"), a dotted abbreviation ("U.S.", "e.g.") or a title ("Mr.", "Jr.", "No.").
enum Sentences {
    static func split(_ text: String) -> [String] {
        let characters = Array(text)
        var sentences: [String] = []
        var start = 0
        var index = 0
        func close(at end: Int) {
            let sentence = String(characters[start..<end]).trimmingCharacters(in: .whitespacesAndNewlines)
            if !sentence.isEmpty { sentences.append(sentence) }
            start = end
        }
        // Inside 「…」 (a quotation) a full stop ends no sentence of the paragraph's own.
        var quoted = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            if "「『【（".contains(character) { quoted += 1 } else if "」』】）".contains(character) { quoted = max(0, quoted - 1) }
            let japanese = "。！？".contains(character)
            if japanese && quoted > 0 { continue }
            guard japanese || ".!?".contains(character) else { continue }
            var end = index
            while end < characters.count, closers.contains(characters[end]) { end += 1 }
            if japanese {
                close(at: end)
                index = end
                continue
            }
            // Latin: a space, then what can start a sentence.
            guard end < characters.count, characters[end].isWhitespace else { continue }
            var next = end
            while next < characters.count, characters[next].isWhitespace { next += 1 }
            guard next < characters.count, startsSentence(characters[next]) else { continue }
            if character == ".", endsAbbreviation(characters, before: index - 1) { continue }
            close(at: end)
            index = end
        }
        close(at: characters.count)
        return sentences
    }

    private static let closers: Set<Character> = ["」", "』", "）", ")", "\"", "'", "”", "’", "]", "】"]

    private static func startsSentence(_ character: Character) -> Bool {
        character.isUppercase || character.isNumber || "\"“‘'(「『（".contains(character)
            || (!character.isASCII && !character.isLowercase)
    }

    private static let titles: Set<String> = ["mr", "mrs", "ms", "dr", "jr", "sr", "st", "no", "nos", "vol", "art", "para", "gen", "lt", "col", "sen", "rep", "gov", "prof", "amb"]

    /// Whether the word ending at the period `index` is an initial, a dotted abbreviation or a
    /// title, whose period ends no sentence.
    private static func endsAbbreviation(_ characters: [Character], before index: Int) -> Bool {
        var wordStart = index
        while wordStart > 0, characters[wordStart - 1].isLetter || characters[wordStart - 1] == "." { wordStart -= 1 }
        let word = String(characters[wordStart..<index])
        if word.count == 1, word.first!.isUppercase { return true }  // an initial
        if word.contains(".") { return true }  // U.S, e.g
        return titles.contains(word.lowercased())
    }
}
