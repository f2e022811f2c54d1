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
    static func isCalendarDate(_ text: String) -> Bool { CalendarDate(iso: text) != nil }

    /// A calendar date, or one with a time: `2024-07-31T10:10`, `…T10:10:00`, with an
    /// optional fraction of a second and `Z` or `+09:00`.
    static func isDateTime(_ text: String) -> Bool { PublicationTime(iso: text) != nil }
}
