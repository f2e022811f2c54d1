/// The English words a parenthesised acronym stands for:
/// `the Japan Joint Operations Command (JJOC)` → Japan Joint Operations Command.
///
/// The long form is the shortest run of words before the parenthesis that starts with a
/// capitalised word on the acronym's first letter and whose words spell the acronym in
/// order: by their initials (Alliance Coordination Mechanism; Ministry of Defense for MOD),
/// or by a letter inside a word already begun (Association of Southeast Asian Nations:
/// S, E; U.S. Forces Japan: U, S). A capitalised word
/// may spell nothing (Defense Industrial Cooperation, Acquisition and Sustainment Forum
/// for DICAS). Short lowercase connectors may stand inside the run, never at its start;
/// any other lowercase word ends the search.
enum EnglishLongForm {
    static let connectors: Set<String> = [
        "and", "of", "for", "the", "on", "in", "to", "at", "by", "with", "a", "an", "&",
    ]
    static let wordCharacters: Set<Character> = ["-", "&", "'"]

    static func find(for acronym: Acronym, before text: ArraySlice<Character>) -> String? {
        let words = precedingWords(text, limit: acronym.letters.count * 2 + 4)
        guard !acronym.letters.isEmpty, !words.isEmpty else { return nil }
        for count in 1...words.count {
            let first = words[words.count - count]
            if isLowercase(first.text) {
                if connectors.contains(first.text.lowercased()) { continue }
                break
            }
            if spells(acronym.letters, words.suffix(count).map(\.text)) {
                return TermCharacter.trimmingSpaces(String(text[first.start..<text.endIndex]))
            }
        }
        return nil
    }

    private struct Word {
        var text: String
        var start: Int
    }

    /// The words before the parenthesis, back to the start of the sentence, without the
    /// commas of a list (Intelligence, Surveillance, and Reconnaissance).
    private static func precedingWords(_ text: ArraySlice<Character>, limit: Int) -> [Word] {
        var words: [Word] = []
        var end = text.endIndex
        var index = text.endIndex
        while index > text.startIndex, words.count < limit {
            let character = TermCharacter.folded(text[index - 1])
            if TermCharacter.isSpace(character) || character == "," {
                if end > index { words.insert(Word(text: String(text[index..<end]), start: index), at: 0) }
                end = index - 1
            } else if !isWordCharacter(at: index - 1, in: text) {
                break
            }
            index -= 1
        }
        if end > index, words.count < limit {
            words.insert(Word(text: String(text[index..<end]), start: index), at: 0)
        }
        return words
    }

    /// Letters, digits and `-&'`; a full stop only after a capital (U.S., H.E.), since
    /// anywhere else it ends the sentence.
    private static func isWordCharacter(at index: Int, in text: ArraySlice<Character>) -> Bool {
        let character = TermCharacter.folded(text[index])
        if character == "." {
            return index > text.startIndex && TermCharacter.isLatinUppercase(text[index - 1])
        }
        return character.isASCII && (character.isLetter || character.isNumber || wordCharacters.contains(character))
    }

    private static func isLowercase(_ word: String) -> Bool {
        guard let first = word.first else { return true }
        return !TermCharacter.folded(first).isUppercase
    }

    /// Whether `words` spell `letters`, the first letter being the first word's initial.
    private static func spells(_ letters: [Character], _ words: [String]) -> Bool {
        // Hyphenated words spell by each part: Counter-Terrorism → C, T.
        let parts = words.flatMap { $0.split(separator: "-").map { Array(String($0).uppercased()) } }
        guard let first = parts.first, first.first == letters.first else { return false }
        return spells(letters[1...], parts: parts, word: 0, after: 1)
    }

    /// Letters still to spell, from inside part `word` (after position `after`) or from the
    /// initial of a later part.
    private static func spells(
        _ letters: ArraySlice<Character>, parts: [[Character]], word: Int, after: Int
    ) -> Bool {
        guard let letter = letters.first else { return true }
        let current = parts[word]
        if let inside = current[after...].firstIndex(of: letter),
            spells(letters.dropFirst(), parts: parts, word: word, after: inside + 1)
        {
            return true
        }
        for next in (word + 1)..<parts.count {
            if parts[next].first == letter, spells(letters.dropFirst(), parts: parts, word: next, after: 1) { return true }
        }
        return false
    }
}
