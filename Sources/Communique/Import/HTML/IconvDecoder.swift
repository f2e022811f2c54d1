#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Decodes text in an encoding Foundation cannot read on Linux, through the C library's iconv:
/// swift-corelibs-foundation returns nil for `.japaneseEUC`, whatever the bytes.
enum IconvDecoder {
    /// `data` decoded from `encoding` (an iconv name such as `EUC-JP`), or nil when it is not
    /// valid in that encoding or iconv does not know it.
    static func decode(_ data: Data, from encoding: String) -> String? {
        let converter = iconv_open("UTF-8", encoding)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = [CChar](repeating: 0, count: data.count)
        _ = input.withUnsafeMutableBytes { data.copyBytes(to: $0) }
        // UTF-8 takes at most three bytes for each EUC-JP character of two or three bytes,
        // and one for each of one byte: twice the input's length is always enough.
        var output = [CChar](repeating: 0, count: data.count * 2 + 4)
        let written: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress
                var outLeft = outBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let written else { return nil }
        return String(decoding: output[..<written].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
