/// A stable fingerprint of a file's bytes, to tell whether a person edited a page the
/// importer wrote. FNV-1a (64-bit): tiny, dependency-free, and the same on every
/// platform, which is all this needs (it guards against edits, not attacks).
enum ContentHash {
    static func of(_ text: String) -> String { of(bytes: Array(text.utf8)) }

    static func of<Bytes: Sequence>(bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
