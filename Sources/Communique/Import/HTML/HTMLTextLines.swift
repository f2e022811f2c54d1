import CommuniqueHTML

/// A chrome element's text as lines for the report and `_dropped.txt`: one per block
/// (each item of a navigation list, each paragraph of a footer), with its first line.
enum HTMLTextLines {
    static func lines(of element: HTMLElement) -> [SourceLine] {
        var lines: [SourceLine] = []
        var inline = HTMLInlineText()
        func flush() {
            let text = inline.singleLine
            if !text.isEmpty { lines.append(SourceLine(number: inline.firstLine ?? element.line, text: text)) }
            inline = HTMLInlineText()
        }
        func visit(_ element: HTMLElement) {
            for child in element.children {
                switch child {
                case .text(let t):
                    inline.append(.init(text: t.text, line: t.line, bold: false, link: false))
                case .element(let e) where HTMLChrome.invisible.contains(e.name):
                    continue
                case .element(let e) where HTMLBlockReader.inline.contains(e.name):
                    visit(e)
                case .element(let e):
                    flush()
                    visit(e)
                    flush()
                }
            }
        }
        visit(element)
        flush()
        return lines
    }
}
