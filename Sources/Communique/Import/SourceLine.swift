/// One line of a statement file as written (without its line end), with the 1-based
/// line number every diagnostic and report line refers to.
public struct SourceLine: Sendable, Hashable {
    public var number: Int
    public var text: String

    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }

    /// True for an empty line or one holding only spaces (of any width).
    var isBlank: Bool { text.unicodeScalars.allSatisfy(WidthFolding.isSpace) }
}
