/// JSON string literals written by hand (the search index is written as JavaScript calls,
/// not through an encoder): quotes, backslashes and controls escaped, and `<`, `>`, `&`,
/// U+2028 and U+2029 too, so that a string is safe inside a `<script>` element and in
/// every JavaScript parser.
enum JSONText {
    static func string(_ text: String) -> String {
        var out: [UInt8] = []
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func append(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var utf8 = text.utf8.makeIterator()
        // U+2028 and U+2029 are E2 80 A8 and E2 80 A9: look two bytes ahead after an E2.
        var pending: [UInt8] = []
        while let byte = pending.isEmpty ? utf8.next() : pending.removeFirst() {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0..<0x20, 0x7F:
                escape(UInt32(byte), into: &out)
            case 0xE2:
                let second = utf8.next(), third = second == 0x80 ? utf8.next() : nil
                if second == 0x80, let third, third == 0xA8 || third == 0xA9 {
                    escape(0x2000 | UInt32(third - 0xA8 + 0x28), into: &out)
                } else {
                    out.append(byte)
                    pending = [second, third].compactMap { $0 }
                }
            default:
                out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func escape(_ value: UInt32, into out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out += [UInt8(ascii: "\\"), UInt8(ascii: "u")]
        for shift in [12, 8, 4, 0] { out.append(hex[Int(value >> UInt32(shift) & 0xF)]) }
    }
}
