/// The number at the start of a numbered paragraph or heading: `(1)`, `（１）`, `⑴`,
/// `①`, `1.`, `１．`, `1 `, `ア `, `(ア)`, `(a)`, `(iv)`, `IV. `, `Ⅱ　`, `第1 `, `第三章 `,
/// optionally after a bullet (`• (1)`).
///
/// Statements are copied from many sites, so the same logical number comes in
/// several widths and shapes; `scheme` tells them apart (a change of scheme is a
/// change of level) and `value` is the ordinal they share.
public struct NumberMarker: Sendable, Hashable {
    public enum Scheme: String, Sendable, CaseIterable {
        case parenthesizedArabic   // (1) （１）
        case parenthesizedCircled  // ⑴ ⑵ (U+2474…)
        case circledArabic         // ① ② (U+2460…)
        case arabicFullStop        // 1. １．
        case arabicSpace           // "1 " followed by text (headings such as "1 総論")
        case katakana              // "ア " (followed by a space)
        case parenthesizedKatakana // (ア) （イ）
        case parenthesizedLatin    // (a) （ｂ）
        case parenthesizedRoman    // (ii) (iv) — two letters or more
        case romanFullStop         // "I. " "IV. " "Ⅱ　" "Ⅲ．" (section numbers of communiqués)
        case ordinal               // "第1 " "第２　" "第一 " "第3章 " (section numbers of Japanese documents)
    }

    public var scheme: Scheme
    /// 1-based ordinal: `(3)` → 3, `ウ` → 3, `(c)` → 3, `(iii)` → 3.
    public var value: Int
    /// The marker as written, without the bullet before it or the space after it.
    public var text: String
    /// Number of characters (grapheme clusters) from the start of the line to the
    /// first character of the text after the marker (bullet, marker and spaces).
    public var prefixLength: Int

    /// Characters `parse` reads at most, with room for runs of spaces.
    static let longestStart = 64

    /// Recognises a marker at the start of `line`. Returns nil when the line does not
    /// start with one — including the look-alikes that are ordinary text, such as
    /// `2024年`, `1.5倍`, or `アメリカ`.
    public static func parse<S: StringProtocol>(_ line: S) -> NumberMarker? {
        // Only the start is read, one Character at a time as the checks ask for it: a
        // bullet, the longest marker, the spaces after it and the character that tells
        // a marker from a look-alike. Most paragraphs are decided by their first few;
        // breaking whole paragraphs (or even 64 Characters of each) into grapheme
        // clusters was a twentieth of a build.
        var chars = LeadingCharacters(line, limit: Self.longestStart)
        var index = 0
        func folded(_ i: Int) -> Character? {
            guard let c = chars[i] else { return nil }
            let s = c.unicodeScalars
            guard s.count == 1, let first = s.first else { return c }
            return Character(WidthFolding.fold(first))
        }
        func isSpace(_ i: Int) -> Bool {
            guard let c = folded(i) else { return false }
            return c == " " || c == "\t"
        }
        func skipSpaces(_ i: Int) -> Int {
            var j = i
            while isSpace(j) { j += 1 }
            return j
        }
        // A bullet before the number: "• (1)", "・(1)", "- (1)".
        if let c = folded(0), bullets.contains(c) {
            let afterBullet = skipSpaces(1)
            if afterBullet > 1 || c == "•" || c == "・" {
                index = afterBullet
            }
        }
        let start = index
        func make(_ scheme: Scheme, _ value: Int, end: Int) -> NumberMarker? {
            let textStart = skipSpaces(end)
            return NumberMarker(
                scheme: scheme, value: value, text: chars.text(start..<end),
                prefixLength: textStart)
        }
        guard let first = folded(index) else { return nil }

        // ⑴ … ⒇ and ① … ⑳
        if let scalars = chars[index]?.unicodeScalars, let scalar = scalars.first, scalars.count == 1 {
            switch scalar.value {
            case 0x2474...0x2487:
                return make(.parenthesizedCircled, Int(scalar.value - 0x2474) + 1, end: index + 1)
            case 0x2460...0x2473:
                return make(.circledArabic, Int(scalar.value - 0x2460) + 1, end: index + 1)
            default: break
            }
        }

        if first == "(" {
            // Find the closing parenthesis within a few characters.
            var j = index + 1
            var inner = ""
            var innerRaw = ""
            while let c = folded(j), c != ")", j - index <= 6 {
                inner.append(c)
                innerRaw.append(chars[j]!)
                j += 1
            }
            guard folded(j) == ")", !inner.isEmpty else { return nil }
            let end = j + 1
            if let n = Int(inner), inner.allSatisfy(\.isASCII), n > 0, n < 1000 {
                return make(.parenthesizedArabic, n, end: end)
            }
            if innerRaw.count == 1, let k = katakanaOrder.firstIndex(of: Character(innerRaw)) {
                return make(.parenthesizedKatakana, k + 1, end: end)
            }
            let lower = inner.lowercased()
            if lower.count >= 2, let r = romanValue(lower) {
                return make(.parenthesizedRoman, r, end: end)
            }
            if lower.count == 1, let c = lower.unicodeScalars.first, ("a"..."z").contains(c) {
                return make(.parenthesizedLatin, Int(c.value - 0x61) + 1, end: end)
            }
            return nil
        }

        // "I. Preamble", "IV. Trade": capital Roman numerals, a full stop, a space ("I.e." is not).
        if "IVX".contains(first) {
            var j = index
            var numeral = ""
            while let c = folded(j), "IVX".contains(c), numeral.count < 5 { numeral.append(c); j += 1 }
            guard folded(j) == ".", isSpace(j + 1), let value = romanValue(numeral.lowercased()) else { return nil }
            return make(.romanFullStop, value, end: j + 1)
        }
        // "Ⅱ　地域情勢", "Ⅲ．経済": the Roman numeral characters, then a full stop or a space.
        if let scalar = chars[index]?.unicodeScalars.first, (0x2160...0x216B).contains(scalar.value) {
            let value = Int(scalar.value - 0x215F)
            if folded(index + 1) == "." { return make(.romanFullStop, value, end: index + 2) }
            guard isSpace(index + 1) else { return nil }
            return make(.romanFullStop, value, end: index + 1)
        }
        // "第1 総論", "第二 安全保障", "第3章 総則": 第, a number, perhaps a counter, a space.
        // "第1回会合" and "第5条に" are text: no space after the number.
        if first == "第" {
            var j = index + 1
            var number = ""
            while let c = folded(j), c.isASCII && c.isNumber || Self.kanjiDigits[c] != nil, number.count < 4 {
                number.append(c)
                j += 1
            }
            guard let value = Int(number).flatMap({ $0 > 0 ? $0 : nil }) ?? Self.kanjiNumber(number) else { return nil }
            if let c = folded(j), ["章", "節", "部", "編"].contains(c) { j += 1 }
            guard isSpace(j) else { return nil }
            return make(.ordinal, value, end: j)
        }

        if first.isASCII, first.isNumber {
            var j = index
            var digits = ""
            while let c = folded(j), c.isASCII, c.isNumber { digits.append(c); j += 1 }
            guard digits.count <= 3, let n = Int(digits), n > 0 else { return nil }
            if folded(j) == "." || chars[j] == "．" {
                // "1.5倍" is a number, not a marker: the full stop must not be followed by a digit.
                if let next = folded(j + 1), next.isASCII, next.isNumber { return nil }
                return make(.arabicFullStop, n, end: j + 1)
            }
            if isSpace(j) {
                // "1 総論": a digit, a space, then text (not another number: "1 000").
                let k = skipSpaces(j)
                guard let next = folded(k), !(next.isASCII && next.isNumber) else { return nil }
                return make(.arabicSpace, n, end: j)
            }
            return nil
        }

        if let c = chars[index], let k = katakanaOrder.firstIndex(of: c) {
            // "ア 日米…": a lone katakana needs a space after it to be a marker.
            guard isSpace(index + 1) else { return nil }
            return make(.katakana, k + 1, end: index + 1)
        }
        return nil
    }

    /// Gojūon (aiueo) order, the order Japanese documents number with katakana.
    static let katakanaOrder: [Character] = Array(
        "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン")
    static let bullets: Set<Character> = ["•", "・", "●", "○", "■", "□", "◆", "◇", "-", "*", "‐", "−"]

    static let kanjiDigits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]

    /// 一 … 九十九 in kanji numerals (十一, 二十, 二十三); nil for anything else.
    static func kanjiNumber(_ s: String) -> Int? {
        let digits = s.compactMap { kanjiDigits[$0] }
        guard !digits.isEmpty, digits.count == s.count else { return nil }
        switch digits.count {
        case 1: return digits[0]
        case 2 where digits[0] == 10 && digits[1] < 10: return 10 + digits[1]        // 十一
        case 2 where digits[1] == 10 && digits[0] < 10: return digits[0] * 10       // 二十
        case 3 where digits[1] == 10 && digits[0] < 10 && digits[2] < 10: return digits[0] * 10 + digits[2]  // 二十三
        default: return nil
        }
    }

    static func romanValue(_ s: String) -> Int? {
        let numerals: [(String, Int)] = [
            ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1),
        ]
        var rest = Substring(s)
        var total = 0
        for (symbol, value) in numerals {
            while rest.hasPrefix(symbol) {
                total += value
                rest = rest.dropFirst(symbol.count)
            }
        }
        guard rest.isEmpty, total > 0, total < 40 else { return nil }
        return total
    }
}

/// The first Characters of a line, broken into grapheme clusters only as far as they
/// are read, and never past `limit`.
private struct LeadingCharacters<S: StringProtocol> {
    private var rest: S.Iterator
    private var read: [Character] = []
    private let limit: Int

    init(_ line: S, limit: Int) {
        rest = line.makeIterator()
        self.limit = limit
    }

    subscript(_ i: Int) -> Character? {
        mutating get {
            while read.count <= i, read.count < limit, let next = rest.next() { read.append(next) }
            return i < read.count ? read[i] : nil
        }
    }

    /// Characters already read (`range` must have been read).
    func text(_ range: Range<Int>) -> String { String(read[range]) }
}
