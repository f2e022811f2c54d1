/// A run of a paragraph's scalars shown on one line (a context line, a snippet): a
/// line break becomes a space.
enum OneLine {
    static func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        let text = String(String.UnicodeScalarView(slice))
        return slice.contains("\n") ? text.replacingEvery("\n", with: " ") : text
    }
}
