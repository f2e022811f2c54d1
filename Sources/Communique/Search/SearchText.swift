import Foundation

/// The one set of rules by which search reads text, at index time (here) and at query time
/// (`Templates/assets/search.js`, the same rules in the page's script):
///
/// 1. NFKC: full-width Latin and digits become ASCII, half-width katakana full-width;
/// 2. lower case;
/// 3. katakana folded to hiragana (サイバー and さいばー are one word to a reader who types);
/// 4. text split into runs: Japanese (kanji, kana, the prolonged sound mark ー, 々, 〆) and
///    words (letters, digits and their marks); everything else separates.
///
/// A Japanese run is indexed as its overlapping character bigrams, its last character as a
/// "tail" (the character and `$`), so that every character starts exactly one token and a
/// one-character query finds it. A word is indexed whole.
public enum SearchText {
    public enum Run: Equatable, Sendable {
        /// Folded Japanese characters, at least one.
        case japanese([Unicode.Scalar])
        /// A folded word.
        case word(String)
    }

    /// The folded form of `text` (rules 1–3), as scalars.
    public static func fold(_ text: String) -> [Unicode.Scalar] {
        if let folded = foldPlain(text) { return folded }
        // NFKC as NFKD then NFC: Foundation's own NFKC leaves ﾊﾞ as ハ and a combining mark,
        // where JavaScript's `normalize("NFKC")` (and Unicode) make it バ.
        let nfkc = text.decomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping
        return nfkc.lowercased().unicodeScalars.map(foldKana)
    }

    /// `fold` without Foundation, for text of only the scalars whose NFKC and lower case
    /// are known here (ASCII, full-width ASCII, the ideographic space, kana, common kanji
    /// and Japanese punctuation): most statements. Nil for any other text. Normalising was
    /// most of the search index's cost.
    static func foldPlain(_ text: String) -> [Unicode.Scalar]? {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x41...0x5A: out.append(Unicode.Scalar(value + 0x20)!)
            case 0x00...0x7F: out.append(scalar)
            case 0xFF21...0xFF3A: out.append(Unicode.Scalar(value - 0xFEE0 + 0x20)!)  // Ａ → a
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(value - 0xFEE0)!)  // （ → (, １ → 1
            case 0x3000: out.append(" ")
            case 0x3001...0x3004, 0x3005...0x3011, 0x3014...0x301F, 0x3041...0x3096, 0x30A1...0x30FA, 0x30FB, 0x30FC,
                0x4E00...0x9FFF:
                out.append(foldKana(scalar))
            default:
                return nil
            }
        }
        return out
    }

    /// Katakana to hiragana; ς (final sigma, which only some lower-casing makes) to σ.
    static func foldKana(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x30A1...0x30F6, 0x30FD, 0x30FE: Unicode.Scalar(scalar.value - 0x60)!
        case 0x03C2: "\u{03C3}"
        default: scalar
        }
    }

    /// Rule 4 on folded scalars.
    public static func runs(of folded: [Unicode.Scalar]) -> [Run] {
        var runs: [Run] = []
        var japanese: [Unicode.Scalar] = []
        var word = String.UnicodeScalarView()
        func close() {
            if !japanese.isEmpty { runs.append(.japanese(japanese)); japanese = [] }
            if !word.isEmpty { runs.append(.word(String(word))); word = String.UnicodeScalarView() }
        }
        for scalar in folded {
            switch kind(of: scalar) {
            case .japanese:
                if !word.isEmpty { close() }
                japanese.append(scalar)
            case .word:
                if !japanese.isEmpty { close() }
                word.append(scalar)
            case .mark:
                // A combining mark stays with what it marks.
                if !japanese.isEmpty { japanese.append(scalar) } else if !word.isEmpty { word.append(scalar) }
            case .separator:
                close()
            }
        }
        close()
        return runs
    }

    public static func runs(of text: String) -> [Run] { runs(of: fold(text)) }

    enum Kind { case japanese, word, mark, separator }

    static func kind(of scalar: Unicode.Scalar) -> Kind {
        switch scalar.value {
        case 0x30FB:
            // The katakana middle dot separates the parts of a name (アントニー・ブリンケン).
            return .separator
        case 0x3041...0x309F, 0x30A0...0x30FF, 0x3005, 0x3006, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
            0x20000...0x3FFFF:
            return .japanese
        default:
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .decimalNumber, .letterNumber, .otherNumber:
                return .word
            case .nonspacingMark, .spacingMark, .enclosingMark:
                return .mark
            default:
                return .separator
            }
        }
    }

    /// The tokens a run is indexed under: a Japanese run's bigrams and tail, a word itself.
    public static func tokens(of run: Run) -> [String] {
        switch run {
        case .word(let word):
            return [word]
        case .japanese(let scalars):
            var tokens: [String] = []
            tokens.reserveCapacity(scalars.count)
            for index in scalars.indices {
                var token = String.UnicodeScalarView()
                token.append(scalars[index])
                if index + 1 < scalars.count { token.append(scalars[index + 1]) } else { token.append("$") }
                tokens.append(String(token))
            }
            return tokens
        }
    }
}
