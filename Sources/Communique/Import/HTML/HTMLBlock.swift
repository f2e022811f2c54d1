/// One block of a page's main content, in reading order: what the markup says it is, and
/// its text as the page shows it.
struct HTMLBlock: Sendable {
    enum Kind: Sendable, Equatable {
        /// `<h1>`…`<h6>`.
        case heading(level: Int)
        case paragraph
        /// A paragraph that is all bold (`<p><strong>…</strong></p>`): a heading on pages
        /// that have no heading elements.
        case boldParagraph
        /// An item of a numbered list, with the number the list gives it (`3.`, `(b)`).
        case listItem(number: String)
        /// A table; `rows` holds its cells.
        case table
    }

    var kind: Kind
    /// Plain text; a `<br>` kept inside a paragraph is a "\n".
    var text: String
    var line: Int
    /// Table rows, the first the header.
    var rows: [[String]] = []
    /// The `datetime` when the block is a `<time>` element and nothing else.
    var datetime: String?
}
