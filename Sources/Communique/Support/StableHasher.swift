/// A hash that is the same in every process and on every machine (FNV-1a, 64 bits),
/// for fingerprints kept on disk between builds. Swift's `Hasher` is seeded per
/// process, so it cannot be used for that.
public struct StableHasher: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            state ^= UInt64(byte)
            state = state &* 0x0000_0100_0000_01B3
        }
    }

    /// Strings are length-prefixed so ("ab", "c") and ("a", "bc") differ.
    public mutating func combine(_ text: String) {
        combine(text.utf8.count)
        var text = text
        // Over the contiguous bytes: iterating the UTF-8 view goes through its index type.
        text.withUTF8 { combine(bytes: $0) }
    }

    public mutating func combine(_ value: Int) {
        withUnsafeBytes(of: UInt64(bitPattern: Int64(value)).littleEndian) { combine(bytes: $0) }
    }

    /// 16 hex digits.
    public var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
