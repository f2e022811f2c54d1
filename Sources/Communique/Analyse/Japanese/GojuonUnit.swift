/// One sound of a reading as the collation sees it: its weight at each level.
struct GojuonUnit {
    enum Voicing: UInt8 { case unvoiced, voiced, semiVoiced }
    /// Level 4 tie-breaker: the same sound written in hiragana sorts first.
    enum Script: UInt8 { case hiragana, katakana, longVowelMark, iterationMark, notKana }

    /// Where a level-1 weight falls: kana (by their unvoiced, full-size base), Latin, the rest.
    enum Class {
        case kana(Unicode.Scalar)
        case latin
        case other

        init(weight: UInt32) {
            switch weight {
            case ..<latinBase: self = .kana(Unicode.Scalar(weight)!)
            case ..<digitBase: self = .latin
            default: self = .other
            }
        }
    }

    /// Kana weigh their own code point (below U+10000); Latin letters, digits and
    /// anything else come after them in that order, as the index groups do.
    static let latinBase: UInt32 = 0x1_0000
    static let digitBase: UInt32 = 0x2_0000
    static let otherBase: UInt32 = 0x3_0000

    var primary: UInt32
    var voicing: Voicing = .unvoiced
    var isSmall = false
    var script: Script
    /// The kana whose sound this unit is; a following ー or ゝ repeats it.
    var base: Unicode.Scalar?

    /// The vowel a following long-vowel mark stands for.
    var vowel: Unicode.Scalar? { base.flatMap(GojuonTable.vowel(of:)) }

    /// Nil for what collation ignores: `・`, spaces, punctuation, and a ー with no vowel before it.
    init?(_ scalar: Unicode.Scalar, previous: GojuonUnit?) {
        if let kana = GojuonTable.kana(scalar) {
            self.init(base: kana.base, voicing: kana.voicing, isSmall: kana.isSmall, script: kana.script)
        } else if GojuonTable.longVowelMarks.contains(scalar) {
            guard let vowel = previous?.vowel else { return nil }
            self.init(base: vowel, script: .longVowelMark)
        } else if let iteration = GojuonTable.iterationMarks[scalar] {
            guard let repeated = previous?.base else { return nil }
            self.init(base: repeated, voicing: iteration, script: .iterationMark)
        } else if scalar.isASCII, scalar.properties.isAlphabetic {
            self.init(weight: Self.latinBase + (scalar.value & ~0x20))
        } else if ("0"..."9").contains(scalar) {
            self.init(weight: Self.digitBase + scalar.value)
        } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            self.init(weight: Self.otherBase + scalar.value)
        } else {
            return nil
        }
    }

    /// A sound that is no kana: only its first-level weight counts.
    private init(weight: UInt32) {
        primary = weight
        script = .notKana
    }

    private init(base: Unicode.Scalar, voicing: Voicing = .unvoiced, isSmall: Bool = false, script: Script) {
        primary = base.value
        self.voicing = voicing
        self.isSmall = isSmall
        self.script = script
        self.base = base
    }
}
