import Foundation

/// A paragraph-sized unit of a plain-text statement: one source line, or several
/// hard-wrapped lines joined back together.
struct LogicalLine: Sendable, Hashable {
    /// As written, without the spaces around it and with wraps joined.
    var text: String
    /// `text` width-folded, for detection only.
    var folded: String
    /// The source lines it was made of.
    var lines: [SourceLine]

    init(lines: [SourceLine], text: String) {
        self.lines = lines
        self.text = text
        self.folded = WidthFolding.fold(text)
    }

    init(_ line: SourceLine) {
        self.init(lines: [line], text: line.text.trimmingCharacters(in: .whitespaces))
    }

    var firstLine: Int { lines.first?.number ?? 0 }

    /// The number marker it starts with, if any: `(1)`, `ア `, `• (2)`.
    var marker: NumberMarker? { NumberMarker.parse(folded) }
}
