/// Escaping for text and attribute values in the HTML and XML we write ourselves
/// (term links, context lines, feed, sitemap) and in templates (`UTF8HTMLEscaping`).
enum MarkupEscaping {
    /// On UTF-8 bytes: every special character is ASCII, and most text (Japanese
    /// statements) has none, so it comes back as it was.
    ///
    /// The defaults suit both HTML and XML; `apostrophe` and `keepControls` let the
    /// template escaping write exactly what swift-mustache's own would.
    static func escape(_ text: String, apostrophe: String = "&apos;", keepControls: Bool = false) -> String {
        guard text.utf8.contains(where: { needsWork($0, keepControls: keepControls) }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += apostrophe.utf8
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"): out.append(byte)
            // Control characters other than tab and newline are not allowed in XML 1.0.
            case ..<0x20 where !keepControls: continue
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func needsWork(_ byte: UInt8, keepControls: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): return true
        case UInt8(ascii: "\t"), UInt8(ascii: "\n"): return false
        default: return byte < 0x20 && !keepControls
        }
    }
}
