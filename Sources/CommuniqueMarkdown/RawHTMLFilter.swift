/// The tag filter for raw HTML a site lets through (`allow_raw_html`), as browsers read a tag.
///
/// GFM's tagfilter extension escapes `<script`, `<iframe`, … only when the name is followed by
/// a space, tab, line break, `>` or `/>`; a browser also ends a tag name at a form feed and at a
/// `/` followed by anything, so `<iframe/src=…>` and `<plaintext` + form feed got through it
/// (found by the fuzzer). This escapes the `<` of every opening or closing tag of those names
/// whatever follows the name, except a character that would make it another name.
public enum RawHTMLFilter {
    /// The tags GFM's tagfilter disallows.
    public static let disallowedTags = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]
    private static let names = disallowedTags.map { Array($0.utf8) }

    /// `html` with `<` written `&lt;` where it opens a disallowed tag.
    public static func filter(_ html: String) -> String {
        let bytes = Array(html.utf8)
        guard bytes.contains(UInt8(ascii: "<")) else { return html }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        for (i, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "<"), opensDisallowedTag(bytes, at: i) {
                out += Array("&lt;".utf8)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func opensDisallowedTag(_ bytes: [UInt8], at start: Int) -> Bool {
        var i = start + 1
        if i < bytes.count, bytes[i] == UInt8(ascii: "/") { i += 1 }
        for name in names where matches(name, bytes, at: i) {
            let end = i + name.count
            // A browser's tag name runs until whitespace, `/` or `>`: `<scripts>` is another tag.
            guard end < bytes.count else { return true }
            switch bytes[end] {
            case 0x09, 0x0A, 0x0C, 0x0D, 0x20, UInt8(ascii: "/"), UInt8(ascii: ">"): return true
            default: continue
            }
        }
        return false
    }

    private static func matches(_ name: [UInt8], _ bytes: [UInt8], at i: Int) -> Bool {
        guard i + name.count <= bytes.count else { return false }
        for (k, letter) in name.enumerated() where bytes[i + k] | 0x20 != letter { return false }
        return true
    }
}
