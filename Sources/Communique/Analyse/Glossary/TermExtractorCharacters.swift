/// The character classes the extractor cuts terms by, on width-folded characters.
enum TermCharacter {
    static func folded(_ character: Character) -> Character {
        guard let first = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return character }
        return Character(WidthFolding.fold(first))
    }

    /// Kanji, with the iteration mark 々 and the counters ヶ and 〆 that names write among them.
    static func isKanji(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x2FFFF, 0x3005, 0x3006, 0x30F6:
            return true
        default:
            return false
        }
    }

    static func isHiragana(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { (0x3041...0x309F).contains($0.value) }
    }

    /// Katakana letters and the long-vowel mark, not the middle dot.
    static func isKatakana(_ character: Character) -> Bool {
        guard character != "・" else { return false }
        return character.unicodeScalars.allSatisfy {
            (0x30A1...0x30FF).contains($0.value) || (0x31F0...0x31FF).contains($0.value)
        }
    }

    static func isLatinLetter(_ character: Character) -> Bool {
        let c = folded(character)
        return c.isASCII && c.isLetter
    }

    static func isLatinUppercase(_ character: Character) -> Bool {
        let c = folded(character)
        return c.isASCII && c.isUppercase
    }

    static func isSpace(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy(WidthFolding.isSpace)
    }

    static func isJapanese(_ character: Character) -> Bool {
        isKanji(character) || isHiragana(character) || isKatakana(character)
    }

    /// `・` and its half-width form, which join the parts of a name or a list.
    static func isMiddleDot(_ character: Character) -> Bool { character == "・" || character == "･" }

    /// The commas of a Japanese list: `、` and the full- and half-width comma.
    static func isListComma(_ character: Character) -> Bool { character == "、" || folded(character) == "," }

    /// `text` without the half- or full-width spaces around it.
    static func trimmingSpaces<S: StringProtocol>(_ text: S) -> String {
        let characters = Array(text)
        guard let start = characters.firstIndex(where: { !isSpace($0) }),
            let end = characters.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(characters[start...end])
    }
}
