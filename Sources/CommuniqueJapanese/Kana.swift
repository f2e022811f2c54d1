import Foundation

/// Kana conversions: hiragana ⇄ katakana and Hepburn romanisation (for ASCII slugs).
public enum Kana {
    /// Hiragana → katakana; everything else unchanged.
    public static func toKatakana(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if (0x3041...0x3096).contains(s.value) || (0x309D...0x309E).contains(s.value) {
                out.append(Unicode.Scalar(s.value + 0x60)!)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    /// Katakana → hiragana; everything else unchanged.
    public static func toHiragana(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if (0x30A1...0x30F6).contains(s.value) || (0x30FD...0x30FE).contains(s.value) {
                out.append(Unicode.Scalar(s.value - 0x60)!)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    /// Hepburn romanisation of kana (either script). With `simplifyLongVowels` the long
    /// vowels are written the way passports and URLs do: ソウロン → "soron",
    /// チイキジョウセイ → "chiikijosei".
    public static func romanize(_ text: String, simplifyLongVowels: Bool = true) -> String {
        let kata = Array(toKatakana(text))
        var out = ""
        var i = 0
        var doubleNext = false
        while i < kata.count {
            let c = kata[i]
            if c == "ッ" { doubleNext = true; i += 1; continue }
            if c == "ー" { i += 1; continue }
            var syllable: String?
            if i + 1 < kata.count, let s = digraphs[String([c, kata[i + 1]])] {
                syllable = s
                i += 2
            } else if let s = monographs[c] {
                syllable = s
                i += 1
            } else {
                syllable = String(c)
                i += 1
            }
            guard var s = syllable else { continue }
            if doubleNext, let f = s.first, f.isLetter, !"aiueon".contains(f) {
                s = (s.hasPrefix("ch") ? "t" : String(f)) + s
            }
            doubleNext = false
            if s == "n", i < kata.count, let next = monographs[kata[i]], let f = next.first, "aiueoy".contains(f) {
                s = "n'"
            }
            out += s
        }
        if simplifyLongVowels {
            out = out.replacingOccurrences(of: "ou", with: "o").replacingOccurrences(of: "uu", with: "u").replacingOccurrences(of: "oo", with: "o")
        }
        return out.replacingOccurrences(of: "'", with: "")
    }

    static let monographs: [Character: String] = {
        let table: [(String, [String])] = [
            ("アイウエオ", ["a", "i", "u", "e", "o"]),
            ("カキクケコ", ["ka", "ki", "ku", "ke", "ko"]), ("ガギグゲゴ", ["ga", "gi", "gu", "ge", "go"]),
            ("サシスセソ", ["sa", "shi", "su", "se", "so"]), ("ザジズゼゾ", ["za", "ji", "zu", "ze", "zo"]),
            ("タチツテト", ["ta", "chi", "tsu", "te", "to"]), ("ダヂヅデド", ["da", "ji", "zu", "de", "do"]),
            ("ナニヌネノ", ["na", "ni", "nu", "ne", "no"]),
            ("ハヒフヘホ", ["ha", "hi", "fu", "he", "ho"]), ("バビブベボ", ["ba", "bi", "bu", "be", "bo"]),
            ("パピプペポ", ["pa", "pi", "pu", "pe", "po"]),
            ("マミムメモ", ["ma", "mi", "mu", "me", "mo"]),
            ("ヤユヨ", ["ya", "yu", "yo"]),
            ("ラリルレロ", ["ra", "ri", "ru", "re", "ro"]),
            ("ワヰヱヲン", ["wa", "i", "e", "o", "n"]),
            ("ァィゥェォャュョヮヴ", ["a", "i", "u", "e", "o", "ya", "yu", "yo", "wa", "vu"]),
        ]
        var map: [Character: String] = [:]
        for (kana, romaji) in table {
            for (k, r) in zip(kana, romaji) { map[k] = r }
        }
        return map
    }()

    static let digraphs: [String: String] = {
        var map: [String: String] = [:]
        let rows: [(String, String)] = [
            ("キ", "ky"), ("ギ", "gy"), ("ニ", "ny"), ("ヒ", "hy"), ("ビ", "by"), ("ピ", "py"),
            ("ミ", "my"), ("リ", "ry"), ("シ", "sh"), ("ジ", "j"), ("チ", "ch"), ("ヂ", "j"),
        ]
        for (head, consonant) in rows {
            map[head + "ャ"] = consonant + "a"
            map[head + "ュ"] = consonant + "u"
            map[head + "ョ"] = consonant + "o"
            if consonant.hasSuffix("h") || consonant == "j" { map[head + "ェ"] = consonant + "e" }
        }
        map["ファ"] = "fa"; map["フィ"] = "fi"; map["フェ"] = "fe"; map["フォ"] = "fo"
        map["ティ"] = "ti"; map["ディ"] = "di"; map["ウィ"] = "wi"; map["ウェ"] = "we"; map["ウォ"] = "wo"
        map["ヴァ"] = "va"; map["ヴィ"] = "vi"; map["ヴェ"] = "ve"; map["ヴォ"] = "vo"
        return map
    }()
}
