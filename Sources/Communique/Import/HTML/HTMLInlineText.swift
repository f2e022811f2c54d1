/// The text of a run of inline markup (`<p>` and what is inside it), collected piece by
/// piece and then laid out as a browser shows it: runs of HTML whitespace collapsed to one
/// space (none where a source line break falls between two Japanese characters), `<br>`
/// kept as line breaks. No-break and ideographic spaces are text, kept as written.
struct HTMLInlineText {
    struct Piece {
        var text: String
        var line: Int
        var bold: Bool
        var link: Bool
        /// The `datetime` of the `<time>` element it is in.
        var datetime: String?
    }

    /// Pieces per line: a `<br>` starts a new line.
    private(set) var lines: [[Piece]] = [[]]

    mutating func append(_ piece: Piece) { lines[lines.count - 1].append(piece) }
    mutating func lineBreak() { lines.append([]) }

    var pieces: [Piece] { lines.flatMap { $0 } }
    /// No text but whitespace of any kind (a `<p>&nbsp;</p>` spacer is no paragraph).
    var isBlank: Bool { pieces.allSatisfy { $0.text.allSatisfy(\.isWhitespace) } }
    /// The line of its first visible text.
    var firstLine: Int? { pieces.first { !Self.isHTMLWhitespaceOnly($0.text) }?.line }
    /// Every visible piece is bold (`<p><strong>…</strong></p>`).
    var isAllBold: Bool { visible.allSatisfy(\.bold) }
    /// Every visible piece is a link's text.
    var isAllLinks: Bool { visible.allSatisfy(\.link) }
    /// The `datetime` when all its visible text is one `<time>` element's.
    var datetime: String? {
        let times = Set(visible.map(\.datetime))
        return times.count == 1 ? times.first! : nil
    }
    private var visible: [Piece] { pieces.filter { !Self.isHTMLWhitespaceOnly($0.text) } }

    /// The text with line breaks as "\n", each line collapsed and trimmed; blank lines
    /// (from `<br><br>`) kept as empty strings.
    var textLines: [String] {
        // A line of only no-break spaces (`<p>&nbsp;</p>`, a spacer) holds no text: a blank line.
        var out = lines.map { Self.collapse($0.map(\.text).joined()) }.map { $0.allSatisfy(\.isWhitespace) ? "" : $0 }
        while out.first == "" { out.removeFirst() }
        while out.last == "" { out.removeLast() }
        return out
    }

    /// All on one line (table cells, headings): line breaks become spaces.
    var singleLine: String { Self.collapse(lines.map { $0.map(\.text).joined() }.joined(separator: " ")) }

    /// Scalars of `text` that are not white space (by scalar: this runs over every text of a page).
    static func visibleLength(_ text: String) -> Int {
        text.unicodeScalars.count { $0.value > 0x20 && $0 != "\u{A0}" && $0 != "\u{3000}" && !($0.value >= 0x2000 && $0.value <= 0x200A) }
    }

    static func isHTMLWhitespace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" }
    static func isHTMLWhitespaceOnly(_ s: String) -> Bool { s.unicodeScalars.allSatisfy(isHTMLWhitespace) }

    /// Collapses runs of HTML whitespace to one space and trims them off the ends. A run with a
    /// line break between two wide (Japanese) characters is a wrap in the source: removed. So is
    /// a byte-order mark inside the page (files pasted together): invisible, and YAML drops it
    /// from a title, which then no longer loads as written.
    static func collapse(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pending: (newline: Bool, any: Bool) = (false, false)
        for c in text.unicodeScalars where c != "\u{FEFF}" {
            if isHTMLWhitespace(c) {
                pending.any = true
                if c == "\n" || c == "\r" { pending.newline = true }
                continue
            }
            if pending.any, let last = out.last {
                let wrap = pending.newline && TextScript.isWide(last) && TextScript.isWide(c)
                if !wrap { out.append(" ") }
            }
            pending = (false, false)
            out.append(c)
        }
        return String(out)
    }
}
