import CommuniqueJapanese
import Foundation

/// Stable ASCII slugs for URLs and file names: 地域情勢 → "chiiki-josei",
/// "Regional Affairs" → "regional-affairs".
///
/// Japanese is romanised from its MeCab reading, word by word, so a slug stays the
/// same as long as the title does.
public enum Slug {
    public static func make(_ title: String, reader: JapaneseReader? = nil) -> String {
        var words: [String] = []
        let folded = WidthFolding.fold(title)
        if folded.unicodeScalars.contains(where: isJapanese), let reader {
            // A suffix (米|軍) or what follows a prefix stays in the same word.
            var joinNext = false
            for m in reader.morphemes(of: folded) {
                if m.partOfSpeech == "記号" { words.append("-"); joinNext = false; continue }
                let romaji = asciiWords(Kana.romanize(m.reading ?? m.surface))
                if (joinNext || m.subclass == "接尾"), let last = words.popLast(), last != "-" {
                    words.append(last + romaji)
                } else {
                    words.append(romaji)
                }
                joinNext = m.partOfSpeech == "接頭詞"
            }
        } else {
            words.append(asciiWords(folded))
        }
        let joined = words.filter { !$0.isEmpty }.joined(separator: "-")
        let collapsed = joined.split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
        return String(collapsed.prefix(60)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }

    /// `base`, or `base-2`, `base-3` … the first not in `used`; records it as used.
    public static func unique(_ base: String, in used: inout Set<String>) -> String {
        var candidate = base
        var n = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        used.insert(candidate)
        return candidate
    }

    private static func isJapanese(_ s: Unicode.Scalar) -> Bool {
        (0x3040...0x30FF).contains(s.value) || (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value)
    }

    private static func asciiWords(_ text: String) -> String {
        // ICU transliterators cost about a millisecond to set up: only for text that needs them.
        let latin = text.unicodeScalars.allSatisfy(\.isASCII)
            ? text
            : text.applyingTransform(.toLatin, reverse: false)?.applyingTransform(.stripDiacritics, reverse: false) ?? text
        var out = ""
        for ch in latin.lowercased().unicodeScalars {
            if ("a"..."z").contains(ch) || ("0"..."9").contains(ch) {
                out.unicodeScalars.append(ch)
            } else if !out.hasSuffix("-") {
                out += "-"
            }
        }
        return out
    }
}
