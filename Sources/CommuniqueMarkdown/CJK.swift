/// Character classes for East Asian text.
enum CJK {
    /// Kana, CJK ideographs, CJK punctuation and full-width forms: characters between
    /// which a line break must not become a space.
    static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3000...0x303F, 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x2FFFF:
            return true
        default:
            return false
        }
    }
}
