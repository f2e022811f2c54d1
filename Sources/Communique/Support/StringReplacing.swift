extension String {
    /// Every occurrence of `target` replaced by `replacement`, found on UTF-8 bytes.
    ///
    /// Rendering replaces small markers in every block of every page; Foundation's
    /// `replacingOccurrences` bridges to NSString and the standard library's
    /// `replacing` is generic over Characters, and both showed up in profiles. Byte
    /// matching is exact here: a valid UTF-8 needle only matches at scalar boundaries.
    func replacingEvery(_ target: String, with replacement: String) -> String {
        var haystack = self
        var needle = target
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern in
                guard let first = pattern.first, pattern.count <= text.count else { return self }
                var output: [UInt8] = []
                var copied = 0
                var index = 0
                let lastStart = text.count - pattern.count
                while index <= lastStart {
                    guard text[index] == first else { index += 1; continue }
                    var length = 1
                    while length < pattern.count, text[index + length] == pattern[length] { length += 1 }
                    guard length == pattern.count else { index += 1; continue }
                    if output.isEmpty { output.reserveCapacity(text.count + 16) }
                    output.append(contentsOf: text[copied..<index])
                    output.append(contentsOf: replacement.utf8)
                    index += pattern.count
                    copied = index
                }
                guard copied > 0 else { return self }
                output.append(contentsOf: text[copied...])
                return String(decoding: output, as: UTF8.self)
            }
        }
    }
}
