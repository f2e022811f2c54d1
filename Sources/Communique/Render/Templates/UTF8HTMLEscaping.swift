import Mustache

/// swift-mustache's HTML escaping, done on UTF-8 bytes.
///
/// swift-mustache escapes each `{{value}}` Character by Character through a
/// dictionary; on a site of hundreds of releases that was a sixth of the build's CPU
/// (tens of megabytes of titles, URLs and definitions). Every template we ship starts
/// with `{{%CONTENT_TYPE:HTML_UTF8}}`, which selects this escaping for it. It writes
/// the same entities for the same five characters; a template without the line gets
/// swift-mustache's own escaping, which is as safe, only slower.
struct UTF8HTMLEscaping: MustacheContentType {
    static let name = "HTML_UTF8"

    /// Makes the content type known to the template parser; before parsing templates.
    static let register: Void = { MustacheContentTypes.register(UTF8HTMLEscaping(), named: name) }()

    func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: Self.isSpecial) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&#39;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }
}
