import Foundation

/// The shapes a setting must have before it reaches a page: a value that is wrong here
/// would end up in an `href`, a `lang` attribute, `<time datetime>` or JSON-LD.
enum Settings {
    /// `https://example.org/statements/`: http or https, a host, no user, query or
    /// fragment, only characters that may stand in a URL as they are.
    static func isAbsoluteWebURL(_ text: String) -> Bool {
        guard text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && !"\"'<>\\^`{|}".unicodeScalars.contains($0) }),
            let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty,
            components.user == nil, components.password == nil, components.query == nil, components.fragment == nil,
            text.lowercased().hasPrefix(scheme + "://")
        else { return false }
        return true
    }

    /// A BCP 47 tag in its common shape: `ja`, `en`, `en-GB`, `zh-Hant-TW`.
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { part in (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// `2024-07-28`, a day that exists.
    static func isCalendarDate(_ text: String) -> Bool {
        let digits = Array(text.utf8)
        guard digits.count == 10, digits[4] == UInt8(ascii: "-"), digits[7] == UInt8(ascii: "-"),
            let year = number(digits[0..<4]), let month = number(digits[5..<7]), let day = number(digits[8..<10]),
            (1...12).contains(month), day >= 1
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }

    /// A calendar date, or one with a time: `2024-07-31T10:10`, `…T10:10:00`, with an
    /// optional fraction of a second and `Z` or `+09:00`.
    static func isDateTime(_ text: String) -> Bool {
        guard text.count >= 10, isCalendarDate(String(text.prefix(10))) else { return false }
        let time = Array(text.utf8.dropFirst(10))
        if time.isEmpty { return true }
        guard time.first == UInt8(ascii: "T") || time.first == UInt8(ascii: " ") else { return false }
        var rest = time.dropFirst()
        func twoDigits(max: Int) -> Bool {
            guard rest.count >= 2, let value = number(rest.prefix(2)), value <= max else { return false }
            rest = rest.dropFirst(2)
            return true
        }
        guard twoDigits(max: 23), rest.first == UInt8(ascii: ":") else { return false }
        rest = rest.dropFirst()
        guard twoDigits(max: 59) else { return false }
        if rest.first == UInt8(ascii: ":") {
            rest = rest.dropFirst()
            guard twoDigits(max: 60) else { return false }
            if rest.first == UInt8(ascii: ".") {
                rest = rest.dropFirst()
                let fraction = rest.prefix { $0 >= 0x30 && $0 <= 0x39 }
                guard !fraction.isEmpty else { return false }
                rest = rest.dropFirst(fraction.count)
            }
        }
        if rest.isEmpty || Array(rest) == [UInt8(ascii: "Z")] { return true }
        guard rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") else { return false }
        rest = rest.dropFirst()
        guard twoDigits(max: 14), rest.first == UInt8(ascii: ":") else { return false }
        rest = rest.dropFirst()
        return twoDigits(max: 59) && rest.isEmpty
    }

    private static func number<Digits: Collection>(_ digits: Digits) -> Int? where Digits.Element == UInt8 {
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
}
