/// Folds full-width ASCII and the Unicode spaces that statements are copied with
/// into their plain ASCII forms.
///
/// Detection (numbering, headings, dates) works on the folded form; the text a
/// person reads is always kept as written.
public enum WidthFolding {
    /// The folded form of one scalar: `（` → `(`, `１` → `1`, `Ａ` → `A`,
    /// U+3000 and no-break spaces → a plain space.
    @inlinable
    public static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF01...0xFF5E:
            return Unicode.Scalar(scalar.value - 0xFEE0)!
        case 0x3000, 0x00A0, 0x2007, 0x202F, 0x2002, 0x2003, 0x2009:
            return " "
        default:
            return scalar
        }
    }

    /// The folded form of a whole string. On UTF-8 bytes: every line of an import is folded,
    /// and appending scalar by scalar was a tenth of importing a long statement. Each folded
    /// form is one whole code point's bytes replaced by one ASCII byte, so the result is valid.
    public static func fold<S: StringProtocol>(_ text: S) -> String {
        var string = String(text)
        let folded: String? = string.withUTF8 { bytes in
            // Lead bytes of the forms that fold: U+00A0 (C2), U+2002… (E2), U+3000 (E3), U+FF01… (EF).
            guard bytes.contains(where: { $0 == 0xEF || $0 == 0xE3 || $0 == 0xE2 || $0 == 0xC2 }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 {
                    out.append(0x20)
                    i += 2
                } else if b >= 0xE2, b <= 0xEF, i + 2 < n, let ascii = foldedASCII(b, bytes[i + 1], bytes[i + 2]) {
                    out.append(ascii)
                    i += 3
                } else {
                    out.append(b)
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return folded ?? string
    }

    /// The ASCII byte a three-byte UTF-8 sequence folds to, or nil when it stays.
    @inline(__always)
    static func foldedASCII(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> UInt8? {
        switch (b0, b1) {
        case (0xEF, 0xBC) where (0x81...0xBF).contains(b2): return b2 - 0x60  // U+FF01…U+FF3F
        case (0xEF, 0xBD) where (0x80...0x9E).contains(b2): return b2 - 0x20  // U+FF40…U+FF5E
        case (0xE3, 0x80) where b2 == 0x80: return 0x20  // U+3000
        case (0xE2, 0x80) where [0x82, 0x83, 0x87, 0x89, 0xAF].contains(b2): return 0x20  // U+2002, 2003, 2007, 2009, 202F
        default: return nil
        }
    }

    /// True for the spaces that separate words or markers, in either width.
    @inlinable
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        fold(scalar) == " " || scalar == "\t"
    }
}
