/// Placeholders the Link stage leaves in the cmark tree, filled in per page when it is
/// rendered: the way back to the site root (one parsed page is shown at two depths)
/// and each term link's opening tag. A term tag carries the term's meaning for the
/// tooltip; a copy in every link of a large site was tens of megabytes of cmark
/// nodes, where a marker is a few bytes.
///
/// Statement text cannot make them: cmark escapes every `<` in text.
enum LinkMarkers {
    static let root = "<@root>"
    private static let termPrefix = "<@term "

    static func term(_ index: Int) -> String { "\(termPrefix)\(index)>" }

    /// `html` with every term marker replaced by `termTags[index]` and every root
    /// marker (also those in the tags) by `rootPrefix`, in one pass over its bytes.
    static func expand(_ html: String, rootPrefix: String, termTags: [String]) -> String {
        let open = UInt8(ascii: "<"), at = UInt8(ascii: "@"), close = UInt8(ascii: ">")
        var html = html
        return html.withUTF8 { bytes -> String in
            var output: [UInt8] = []
            var copied = 0
            var index = 0
            var expandedTags: [Int: String] = [:]
            while index + 1 < bytes.count {
                guard bytes[index] == open, bytes[index + 1] == at else { index += 1; continue }
                let rest = UnsafeBufferPointer(rebasing: bytes[index...])
                var replacement: String?
                var length = 0
                if rest.starts(with: root.utf8) {
                    replacement = rootPrefix
                    length = root.utf8.count
                } else if rest.starts(with: termPrefix.utf8) {
                    var end = termPrefix.utf8.count
                    var number = 0
                    while end < rest.count, rest[end] >= UInt8(ascii: "0"), rest[end] <= UInt8(ascii: "9") {
                        number = number * 10 + Int(rest[end] - UInt8(ascii: "0"))
                        end += 1
                    }
                    if end < rest.count, rest[end] == close, end > termPrefix.utf8.count, termTags.indices.contains(number) {
                        if expandedTags[number] == nil {
                            expandedTags[number] = termTags[number].replacingEvery(root, with: rootPrefix)
                        }
                        replacement = expandedTags[number]
                        length = end + 1
                    }
                }
                guard let replacement else { index += 1; continue }
                if output.isEmpty { output.reserveCapacity(bytes.count + 256) }
                output.append(contentsOf: bytes[copied..<index])
                output.append(contentsOf: replacement.utf8)
                index += length
                copied = index
            }
            guard copied > 0 else { return String(decoding: bytes, as: UTF8.self) }
            output.append(contentsOf: bytes[copied...])
            return String(decoding: output, as: UTF8.self)
        }
    }
}
