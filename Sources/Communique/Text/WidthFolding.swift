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

    /// The folded form of a whole string.
    public static func fold<S: StringProtocol>(_ text: S) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(fold(scalar)) }
        return String(out)
    }

    /// True for the spaces that separate words or markers, in either width.
    @inlinable
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        fold(scalar) == " " || scalar == "\t"
    }
}
