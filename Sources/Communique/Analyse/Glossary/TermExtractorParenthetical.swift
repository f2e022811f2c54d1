/// A pair of parentheses in the text, half- or full-width, with what they enclose.
struct Parenthetical {
    /// Index of `(` and of its `)` in the text's characters.
    var open: Int
    var close: Int
    /// The enclosed text as written, and width-folded for detection.
    var inner: String
    var folded: String

    /// Longer asides are sentences, not definitions.
    static let maximumLength = 120

    /// Every innermost pair on one line: in `(a(b)c)` only `(b)`, because a
    /// definition never encloses another parenthesis.
    static func all(in text: [Character]) -> [Parenthetical] {
        var found: [Parenthetical] = []
        var open: Int?
        for (index, character) in text.enumerated() {
            if character.isNewline { open = nil }
            switch TermCharacter.folded(character) {
            case "(":
                open = index
            case ")":
                if let start = open, index - start - 1 <= maximumLength {
                    let inner = String(text[(start + 1)..<index])
                    let folded = WidthFolding.fold(inner)
                    found.append(Parenthetical(open: start, close: index, inner: inner, folded: folded))
                }
                open = nil
            default:
                break
            }
        }
        return found
    }
}
