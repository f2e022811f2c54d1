import Foundation

extension StringProtocol {
    /// The string without the spaces and tabs around it, as
    /// `trimmingCharacters(in: .whitespaces)` gives it, but the same string at no cost when
    /// neither end is a space: the importer trims every line several times, and Foundation's
    /// trimming was a tenth of importing a long statement.
    var trimmedOfSpaces: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last,
            first.properties.isWhitespace || last.properties.isWhitespace
        else { return String(self) }
        return trimmingCharacters(in: .whitespaces)
    }
}
