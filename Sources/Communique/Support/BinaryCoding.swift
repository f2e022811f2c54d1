/// A compact byte format for what the build keeps between runs (`ReleaseCache`): integers
/// as variable-length numbers, strings as their length and UTF-8 bytes. Hand-written rather
/// than Codable: a 500-release cache is tens of megabytes read in every build, and Codable's
/// keyed containers cost more than parsing the Markdown again.
///
/// A reader never trusts what it reads: a short, long or malformed input throws
/// `BinaryReader.Malformed`, never crashes.
protocol BinaryCodable {
    func encode(to writer: inout BinaryWriter)
    init(from reader: inout BinaryReader) throws
}

struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write(_ value: Int) {
        // Zig-zag, then 7 bits a byte.
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// Raw bytes: their count, then them.
    mutating func write(bytes raw: [UInt8]) {
        write(raw.count)
        bytes += raw
    }

    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func write(_ text: String?) {
        write(text != nil)
        if let text { write(text) }
    }

    mutating func write(_ value: some BinaryCodable) { value.encode(to: &self) }

    mutating func write(_ value: (some BinaryCodable)?) {
        write(value != nil)
        value?.encode(to: &self)
    }

    mutating func write(_ values: [some BinaryCodable]) {
        write(values.count)
        for value in values { value.encode(to: &self) }
    }

}

struct BinaryReader {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private var offset: Int

    init(_ bytes: [UInt8], from offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var isAtEnd: Bool { offset == bytes.count }
    var position: Int { offset }

    mutating func int() throws -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Malformed() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        let zigzag = Int64(bitPattern: value)
        return Int((zigzag >> 1) ^ -(zigzag & 1))
    }

    /// A count of things still to read: never more than the bytes left, so a damaged count
    /// cannot make a reader reserve gigabytes.
    mutating func count() throws -> Int {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
        return count
    }

    mutating func bool() throws -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Malformed() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func string() throws -> String {
        let count = try count()
        defer { offset += count }
        return try bytes.withUnsafeBufferPointer { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[offset..<offset + count])
            // Only valid UTF-8 comes back as a string; anything else is damage.
            guard let text = String(validating: slice, as: UTF8.self) else { throw Malformed() }
            return text
        }
    }

    mutating func rawBytes() throws -> [UInt8] {
        let count = try count()
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func optionalString() throws -> String? { try bool() ? try string() : nil }

    mutating func strings() throws -> [String] { try array(String.self) }

    mutating func ints() throws -> [Int] { try array(Int.self) }

    mutating func value<T: BinaryCodable>(_: T.Type = T.self) throws -> T { try T(from: &self) }

    mutating func optional<T: BinaryCodable>(_: T.Type = T.self) throws -> T? { try bool() ? try T(from: &self) : nil }

    mutating func array<T: BinaryCodable>(_: T.Type = T.self) throws -> [T] {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try T(from: &self)) }
        return values
    }
}

// Lists of strings and integers are written as any list: their count, then each.
extension String: BinaryCodable {
    func encode(to writer: inout BinaryWriter) { writer.write(self) }
    init(from reader: inout BinaryReader) throws { self = try reader.string() }
}

extension Int: BinaryCodable {
    func encode(to writer: inout BinaryWriter) { writer.write(self) }
    init(from reader: inout BinaryReader) throws { self = try reader.int() }
}
