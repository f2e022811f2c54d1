/// The few facts about scripts the importer needs: which characters are Japanese,
/// which take two columns, and whether two characters join without a space.
enum TextScript {
    static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x2FFFF: return true
        case 0x3005, 0x3006, 0x3007: return true  // 々 〆 〇
        default: return false
        }
    }

    static func isHiragana(_ s: Unicode.Scalar) -> Bool { (0x3041...0x309F).contains(s.value) }

    /// Katakana, including ・ and ー, which names are written with.
    static func isKatakana(_ s: Unicode.Scalar) -> Bool {
        (0x30A0...0x30FF).contains(s.value) || (0x31F0...0x31FF).contains(s.value) || (0xFF66...0xFF9F).contains(s.value)
    }

    static func isJapanese(_ s: Unicode.Scalar) -> Bool { isHan(s) || isHiragana(s) || isKatakana(s) }

    /// East Asian wide and full-width characters, which fill two columns of a
    /// fixed-width line (what a 72-column hard wrap counts).
    static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2460...0x24FF, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    static func isWide(_ c: Character) -> Bool { c.unicodeScalars.first.map(isWide) ?? false }

    static func displayWidth<S: StringProtocol>(_ text: S) -> Int {
        text.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    /// Japanese text is written without spaces, so a line broken between two wide
    /// characters joins back with nothing between them; Latin words join with a space.
    static func joinsWithoutSpace(_ before: Character, _ after: Character) -> Bool {
        isWide(before) || isWide(after) || openingBrackets.contains(before) || closingBrackets.contains(after)
    }

    /// A wrapped line never ends inside `( ` nor starts with ` )`: a line that ends with an
    /// opening bracket continues without a space (`統合作戦司令部(` + `JJOC)`).
    static let openingBrackets: Set<Character> = ["(", "[", "{", "<", "“", "‘"]
    static let closingBrackets: Set<Character> = [")", "]", "}", ">", "”"]

    /// Counts of Japanese and Latin letters, to tell the statement's language.
    static func japaneseShare<S: StringProtocol>(of text: S) -> Double {
        japaneseShare(ofAll: CollectionOfOne(text))
    }

    /// The same over several texts, as if joined (without joining a long statement's text).
    static func japaneseShare<C: Sequence>(ofAll texts: C) -> Double where C.Element: StringProtocol {
        var japanese = 0
        var latin = 0
        for text in texts {
            for s in text.unicodeScalars {
                if isJapanese(s) { japanese += 1 } else if s.properties.isAlphabetic, s.isASCII { latin += 1 }
            }
        }
        // A Japanese character carries about as much as a Latin word: weigh accordingly.
        let weighted = Double(japanese) * 4
        return weighted + Double(latin) == 0 ? 0 : weighted / (weighted + Double(latin))
    }
}
