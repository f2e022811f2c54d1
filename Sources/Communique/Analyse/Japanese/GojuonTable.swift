/// The kana facts collation needs: each kana's base sound, its vowel and its row.
///
/// Hiragana code points already run in gojūon order once voiced and small kana are
/// folded onto their base (あ < か < … < わ < ゐ < ゑ < を < ん), so a base's code point
/// is its level-1 weight.
enum GojuonTable {
    struct Kana {
        var base: Unicode.Scalar
        var voicing: GojuonUnit.Voicing
        var isSmall: Bool
        var script: GojuonUnit.Script
    }

    /// The kana a scalar writes, or nil when it is no kana.
    static func kana(_ scalar: Unicode.Scalar) -> Kana? {
        let isKatakana = katakanaRange.contains(scalar.value) || smallKatakanaExtension.contains(scalar.value)
        let hiragana = Unicode.Scalar(isKatakana && scalar.value <= 0x30F6 ? scalar.value - 0x60 : scalar.value)!
        let script: GojuonUnit.Script = isKatakana ? .katakana : .hiragana
        if let folded = foldings[hiragana] {
            return Kana(base: folded.base, voicing: folded.voicing, isSmall: folded.isSmall, script: script)
        }
        guard plainHiragana.contains(hiragana.value) else { return nil }
        return Kana(base: hiragana, voicing: .unvoiced, isSmall: false, script: script)
    }

    static func vowel(of base: Unicode.Scalar) -> Unicode.Scalar? { vowels[base] }

    /// The row a base kana belongs to; ん, having no row, closes the わ row.
    static func rowHead(of base: Unicode.Scalar) -> String {
        rowHeads.last { $0.unicodeScalars.first!.value <= base.value } ?? rowHeads[0]
    }

    static let rowHeads = ["あ", "か", "さ", "た", "な", "は", "ま", "や", "ら", "わ"]
    static let longVowelMarks: Set<Unicode.Scalar> = ["ー"]
    static let iterationMarks: [Unicode.Scalar: GojuonUnit.Voicing] = [
        "ゝ": .unvoiced, "ゞ": .voiced, "ヽ": .unvoiced, "ヾ": .voiced,
    ]

    /// Voicing marks written apart from their kana, combining or spacing.
    static let voicingMarks: [Unicode.Scalar: GojuonUnit.Voicing] = [
        "\u{3099}": .voiced, "\u{309B}": .voiced, "\u{309A}": .semiVoiced, "\u{309C}": .semiVoiced,
    ]

    private static let plainHiragana: ClosedRange<UInt32> = 0x3041...0x3096
    private static let katakanaRange: ClosedRange<UInt32> = 0x30A1...0x30FA
    private static let smallKatakanaExtension: ClosedRange<UInt32> = 0x31F0...0x31FF

    /// Voiced, semi-voiced and small kana → their base. Katakana with no hiragana
    /// twin (ヷ…ヺ, the small ㇰ…ㇿ) are listed as they are.
    private typealias Folding = (base: Unicode.Scalar, voicing: GojuonUnit.Voicing, isSmall: Bool)
    private static let foldings: [Unicode.Scalar: Folding] = {
        var map: [Unicode.Scalar: Folding] = [:]
        for base in "かきくけこさしすせそたちつてとはひふへほ".unicodeScalars {
            map[Unicode.Scalar(base.value + 1)!] = (base, .voiced, false)
        }
        for base in "はひふへほ".unicodeScalars {
            map[Unicode.Scalar(base.value + 2)!] = (base, .semiVoiced, false)
        }
        for (voiced, base) in zip("ゔヷヸヹヺ".unicodeScalars, "うわゐゑを".unicodeScalars) {
            map[voiced] = (base, .voiced, false)
        }
        for (small, base) in zip("ぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ".unicodeScalars,
                                 "あいうえおつやゆよわかけくしすとぬはひふへほむらりるれろ".unicodeScalars) {
            map[small] = (base, .unvoiced, true)
        }
        return map
    }()

    private static let vowels: [Unicode.Scalar: Unicode.Scalar] = {
        let columns: [(vowel: Unicode.Scalar, kana: String)] = [
            ("あ", "あかさたなはまやらわ"), ("い", "いきしちにひみりゐ"), ("う", "うくすつぬふむゆる"),
            ("え", "えけせてねへめれゑ"), ("お", "おこそとのほもよろを"),
        ]
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        for column in columns {
            for kana in column.kana.unicodeScalars { map[kana] = column.vowel }
        }
        return map
    }()
}
