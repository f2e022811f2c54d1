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
}
