import Foundation

/// Gojūon (あいうえお) order for glossary and topic indexes, after JIS X 4061.
///
/// Readings are compared level by level, as the standard does:
/// 1. the sounds with voicing marks and small kana folded away (が = か, っ = つ),
///    the long-vowel mark read as the vowel before it (カー = かあ), and
///    `・`, spaces and punctuation ignored; kana first, then Latin A–Z, then the rest;
/// 2. unvoiced < voiced < semi-voiced (は < ば < ぱ);
/// 3. small kana before full-size ones (きっか < きつか);
/// 4. hiragana before katakana, and a written vowel before a long-vowel mark.
///
/// Callers pass readings (MeCab gives katakana), so kanji are not expected; they sort
/// after everything else by code point, which keeps the order total.
public enum Gojuon {
    /// Sort key for a reading (hiragana, katakana or Latin).
    public static func sortKey(_ reading: String) -> GojuonKey {
        var key = GojuonKey()
        var previous: GojuonUnit?
        // NFKC folds full-width Latin and half-width katakana. It leaves ｶﾞ as カ + U+3099,
        // so a voicing mark that stays separate is applied to the kana before it.
        for scalar in reading.precomposedStringWithCompatibilityMapping.unicodeScalars {
            if let voicing = GojuonTable.voicingMarks[scalar], var marked = previous, marked.base != nil {
                marked.voicing = voicing
                key.replaceLast(with: marked)
                previous = marked
                continue
            }
            guard let unit = GojuonUnit(scalar, previous: previous) else { continue }
            key.append(unit)
            previous = unit
        }
        return key
    }

    /// True when `a` sorts before `b`; equal keys fall back to the raw strings, so the
    /// order is total and the same on every build.
    public static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        let (keyA, keyB) = (sortKey(a), sortKey(b))
        return keyA == keyB ? a < b : keyA < keyB
    }

    /// Index group of a reading: the kana row (あ, か … わ), "A–Z" or "他".
    public static func group(of reading: String) -> String {
        switch sortKey(reading).primary.first.map(GojuonUnit.Class.init(weight:)) {
        case .kana(let base)?: return GojuonTable.rowHead(of: base)
        case .latin?: return latinGroup
        case .other?, nil: return otherGroup
        }
    }

    /// Groups in the order an index shows them.
    public static let groupOrder: [String] = GojuonTable.rowHeads + [latinGroup, otherGroup]

    static let latinGroup = "A–Z"
    static let otherGroup = "他"
}

/// A reading's collation key: one weight per sound at each of the four levels.
public struct GojuonKey: Comparable, Hashable, Sendable {
    var primary: [UInt32] = []
    var voicing: [UInt8] = []
    var size: [UInt8] = []
    var script: [UInt8] = []

    mutating func replaceLast(with unit: GojuonUnit) {
        primary.removeLast()
        voicing.removeLast()
        size.removeLast()
        script.removeLast()
        append(unit)
    }

    mutating func append(_ unit: GojuonUnit) {
        primary.append(unit.primary)
        voicing.append(unit.voicing.rawValue)
        size.append(unit.isSmall ? 0 : 1)
        script.append(unit.script.rawValue)
    }

    public static func < (lhs: GojuonKey, rhs: GojuonKey) -> Bool {
        if lhs.primary != rhs.primary { return lhs.primary.lexicographicallyPrecedes(rhs.primary) }
        if lhs.voicing != rhs.voicing { return lhs.voicing.lexicographicallyPrecedes(rhs.voicing) }
        if lhs.size != rhs.size { return lhs.size.lexicographicallyPrecedes(rhs.size) }
        return lhs.script.lexicographicallyPrecedes(rhs.script)
    }
}
