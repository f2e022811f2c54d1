/// A stable fingerprint of a file's bytes, to tell whether a person edited a page the
/// importer wrote. It guards against edits, not attacks, so `StableHasher`'s FNV-1a
/// is all it needs.
enum ContentHash {
    static func of(_ text: String) -> String { of(bytes: Array(text.utf8)) }

    static func of<Bytes: Sequence>(bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hasher = StableHasher()
        hasher.combine(bytes: bytes)
        return "fnv1a64:" + hasher.hex
    }
}
