import Foundation

/// A paragraph-sized unit of a plain-text statement: one source line, or several
/// hard-wrapped lines joined back together.
struct LogicalLine: Sendable, Hashable {
    /// As written, without the spaces around it and with wraps joined.
    let text: String
    /// `text` width-folded, for detection only.
    let folded: String
    /// The source lines it was made of.
    var lines: [SourceLine]

    /// The number marker it starts with, if any: `(1)`, `ア `, `• (2)`. Read once: every
    /// stage after the join asks for it.
    let marker: NumberMarker?

    init(lines: [SourceLine], text: String) {
        self.lines = lines
        self.text = text
        self.folded = WidthFolding.fold(text)
        self.marker = NumberMarker.parse(folded)
    }

    init(_ line: SourceLine) {
        self.init(lines: [line], text: line.text.trimmedOfSpaces)
    }

    var firstLine: Int { lines.first?.number ?? 0 }
}
