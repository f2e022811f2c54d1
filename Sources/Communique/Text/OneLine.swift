import Foundation

/// A run of a paragraph's scalars shown on one line (a context line, a snippet): a
/// line break becomes a space.
enum OneLine {
    static func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        let text = String(String.UnicodeScalarView(slice))
        return slice.contains("\n") ? text.replacingEvery("\n", with: " ") : text
    }

    /// A paragraph's whole text on one line, trimmed (a search document, a compared
    /// paragraph); the same string when it already is.
    static func trimmed(_ text: String) -> String {
        // By byte: Foundation's `contains` was most of what indexing an unchanged release cost.
        let joined = text.utf8.contains(UInt8(ascii: "\n")) ? text.replacingEvery("\n", with: " ") : text
        guard let first = joined.unicodeScalars.first, let last = joined.unicodeScalars.last,
            first.properties.isWhitespace || last.properties.isWhitespace
        else { return joined }
        return joined.trimmingCharacters(in: .whitespaces)
    }
}
