/// JSON string literals written by hand (the search index is written as JavaScript calls,
/// not through an encoder): quotes, backslashes and controls escaped, and `<`, `>`, `&`,
/// U+2028 and U+2029 too, so that a string is safe inside a `<script>` element and in
/// every JavaScript parser.
enum JSONText {
    static func string(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append(contentsOf: "\\\"".unicodeScalars)
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out.append(contentsOf: escaped(scalar).unicodeScalars)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out.append(contentsOf: escaped(scalar).unicodeScalars) } else { out.append(scalar) }
            }
        }
        out.append("\"")
        return String(out)
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
