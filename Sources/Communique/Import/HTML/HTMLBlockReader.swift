import CommuniqueHTML
import Foundation

/// Reads the main content element into `HTMLBlock`s, setting chrome inside it aside as
/// dropped lines (with the line each starts on).
struct HTMLBlockReader {
    /// Inline elements: their text flows into the paragraph around them.
    static let inline: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
        "label", "mark", "nobr", "q", "rb", "rp", "rt", "rtc", "ruby", "s", "samp", "small", "span", "strike", "strong",
        "sub", "sup", "time", "tt", "u", "var", "wbr",
    ]

    private(set) var blocks: [HTMLBlock] = []
    private(set) var dropped: [SourceLine] = []
    private var inline = HTMLInlineText()
    private var boldDepth = 0
    private var linkDepth = 0
    private var datetime: String?
    /// True when the content is the whole `<body>` (a page without a content area): its
    /// `<header>` and `<footer>` are then the page's, chrome.
    private var isWholePage = false
    /// How many numbered lists the reader is in.
    private var numberedDepth = 0

    static func read(_ content: HTMLElement) -> (blocks: [HTMLBlock], dropped: [SourceLine]) {
        var reader = HTMLBlockReader()
        reader.isWholePage = content.name == "body"
        reader.container(content)
        reader.flush()
        return (reader.blocks, reader.dropped)
    }

    // MARK: - Blocks

    private mutating func container(_ element: HTMLElement) {
        for child in element.children { node(child) }
    }

    private mutating func node(_ node: HTMLNode) {
        switch node {
        case .text(let text):
            inline.append(.init(text: text.text, line: text.line, bold: boldDepth > 0, link: linkDepth > 0, datetime: datetime))
        case .element(let element):
            self.element(element)
        }
    }

    private mutating func element(_ element: HTMLElement) {
        let name = element.name
        if HTMLChrome.invisible.contains(name) { return }
        if HTMLChrome.isChrome(element, inContent: !isWholePage) {
            drop(element)
            return
        }
        if Self.inline.contains(name) {
            inlineElement(element)
            return
        }
        switch name {
        case "br":
            inline.lineBreak()
        case "h1", "h2", "h3", "h4", "h5", "h6":
            flush()
            container(element)
            // A heading of only no-break spaces heads nothing (and YAML would drop its title).
            let text = inline.isBlank ? "" : inline.singleLine
            if !text.isEmpty, HTMLChrome.isLabel(text) {
                dropped.append(SourceLine(number: inline.firstLine ?? element.line, text: text))
            } else if !text.isEmpty {
                blocks.append(HTMLBlock(kind: .heading(level: Int(String(name.last!))!), text: text, line: inline.firstLine ?? element.line))
            }
            inline = HTMLInlineText()
        case "ol", "ul":
            flush()
            if Self.isLinkList(element) {
                drop(element)
            } else {
                list(element, numbered: name == "ol")
            }
        case "table" where !Self.isLayoutTable(element):
            flush()
            table(element)
        default:
            // Blocks and containers alike (`p`, `div`, `section`, `blockquote`, `dd`, a layout
            // table's cells): what is in them is read in order, and they end a paragraph.
            flush()
            container(element)
            flush()
        }
    }

    private mutating func inlineElement(_ element: HTMLElement) {
        let bold = ["b", "strong"].contains(element.name)
        let link = element.name == "a"
        let time = element.name == "time" ? element.attribute("datetime") ?? "" : nil
        if bold { boldDepth += 1 }
        if link { linkDepth += 1 }
        let outer = datetime
        if let time { datetime = time }
        container(element)
        datetime = outer
        if bold { boldDepth -= 1 }
        if link { linkDepth -= 1 }
    }

    private mutating func drop(_ element: HTMLElement) {
        flush()
        dropped += HTMLTextLines.lines(of: element)
    }

    // MARK: - Lists and tables

    private mutating func list(_ element: HTMLElement, numbered: Bool) {
        if numbered { numberedDepth += 1 }
        defer { if numbered { numberedDepth -= 1 } }
        var number = Self.listNumber(element.attribute("start")) ?? 1
        // A browser numbers a nested list `1.` again; a statement's numbering nests by scheme
        // (`NumberingLevels`), so a nested list without a type of its own counts `(1)`, then `(a)`.
        let type = element.attribute("type") ?? (numberedDepth == 2 ? "(1)" : numberedDepth == 3 ? "a" : "1")
        for child in element.children {
            guard case .element(let item) = child, item.name == "li" else {
                node(child)
                continue
            }
            if let value = Self.listNumber(item.attribute("value")) { number = value }
            flush()
            let first = blocks.count
            self.element(HTMLElement(name: "div", attributes: item.attributes, children: item.children, line: item.line))
            // The item's first paragraph carries its number (nested lists number their own).
            if numbered, first < blocks.count, blocks[first].kind == .paragraph || blocks[first].kind == .boldParagraph {
                blocks[first].kind = .listItem(number: Self.marker(number, type: item.attribute("type") ?? type))
            }
            number += 1
        }
    }

    /// A list's `start` or an item's `value`, when it is a number a list can count on from
    /// (`start="9223372036854775807"` would overflow at the next item).
    static func listNumber(_ attribute: String?) -> Int? {
        guard let number = attribute.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), abs(number) <= 1_000_000 else { return nil }
        return number
    }

    /// The number for a list `type` as a statement writes it: `1.`, `(a)`, `(A)`, `(i)`, `I.`,
    /// and `(1)` for a nested list. (`(a)` rather than a browser's `a.`, which no numbering
    /// scheme reads as a number.)
    static func marker(_ number: Int, type: String) -> String {
        switch type {
        case "(1)":
            return "(\(number))"
        case "a", "A":
            guard (1...26).contains(number) else { return "\(number)." }
            let letter = Character(Unicode.Scalar(UInt8(type == "a" ? 0x60 : 0x40) + UInt8(number)))
            return "(\(letter))"
        case "i", "I":
            guard let roman = romanNumeral(number) else { return "\(number)." }
            return type == "i" ? "(\(roman.lowercased()))" : "\(roman)."
        default:
            return "\(number)."
        }
    }

    static func romanNumeral(_ number: Int) -> String? {
        guard (1...3999).contains(number) else { return nil }
        let values: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = number
        var out = ""
        for (value, letters) in values {
            while rest >= value {
                out += letters
                rest -= value
            }
        }
        return out
    }

    /// A list of two or more items that are nothing but links: navigation, related articles,
    /// a ranking, tags.
    static func isLinkList(_ list: HTMLElement) -> Bool {
        let items = list.elements.filter { $0.name == "li" }
        guard items.count >= 2 else { return false }
        return items.allSatisfy { item in
            var linked = 0
            var other = 0
            Self.countText(item, inLink: false, linked: &linked, other: &other)
            return other == 0 || (linked > 0 && other <= 12 && linked >= 3 * other)
        }
    }

    private static func countText(_ element: HTMLElement, inLink: Bool, linked: inout Int, other: inout Int) {
        for child in element.children {
            switch child {
            case .text(let t):
                let n = t.text.count { !$0.isWhitespace }
                if inLink { linked += n } else { other += n }
            case .element(let e):
                countText(e, inLink: inLink || e.name == "a", linked: &linked, other: &other)
            }
        }
    }

    /// A table used for page layout rather than data: one column, or cells holding
    /// paragraphs, lists or tables of their own. Its cells are read as containers.
    static func isLayoutTable(_ table: HTMLElement) -> Bool {
        let rows = tableRows(table)
        let blockTags: Set<String> = ["p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article"]
        return rows.allSatisfy { $0.count <= 1 }
            || rows.joined().contains { !$0.descendants(where: { blockTags.contains($0.name) }).isEmpty }
    }

    /// The table's `<tr>`s (through `<thead>`, `<tbody>`, `<tfoot>`), each as its cells.
    static func tableRows(_ table: HTMLElement) -> [[HTMLElement]] {
        var rows: [[HTMLElement]] = []
        for child in table.elements {
            let trs = child.name == "tr" ? [child] : ["thead", "tbody", "tfoot"].contains(child.name) ? child.elements.filter { $0.name == "tr" } : []
            rows += trs.map { $0.elements.filter { $0.name == "td" || $0.name == "th" } }
        }
        return rows
    }

    private mutating func table(_ element: HTMLElement) {
        for caption in element.elements where caption.name == "caption" {
            self.element(HTMLElement(name: "p", children: caption.children, line: caption.line))
        }
        var rows: [[String]] = []
        for cells in Self.tableRows(element) {
            var row: [String] = []
            for cell in cells {
                // A cell is one line of text, whatever blocks (`<br>`, `<p>`) it holds.
                var cellReader = HTMLBlockReader()
                cellReader.container(cell)
                cellReader.flush()
                row.append(cellReader.blocks.map { $0.text.replacingOccurrences(of: "\n", with: " ") }.joined(separator: " "))
                dropped += cellReader.dropped
                let span = Int(cell.attribute("colspan") ?? "") ?? 1
                row += Array(repeating: "", count: min(max(span, 1), 50) - 1)
            }
            rows.append(row)
        }
        let width = rows.map(\.count).max() ?? 0
        guard width > 0, rows.joined().contains(where: { !$0.isEmpty }) else { return }
        rows = rows.map { $0 + Array(repeating: "", count: width - $0.count) }
        let text = rows.map { $0.filter { !$0.isEmpty }.joined(separator: " ") }.joined(separator: "\n")
        blocks.append(HTMLBlock(kind: .table, text: text, line: element.firstLine, rows: rows))
    }

    // MARK: - Paragraphs

    /// Ends the paragraph being collected: its `<br>`-separated lines become one paragraph
    /// with line breaks, or several paragraphs, as `HTMLLineShape` decides.
    private mutating func flush() {
        defer { inline = HTMLInlineText() }
        guard !inline.isBlank else { return }
        let line = inline.firstLine ?? 0
        let lines = inline.textLines
        let single = lines.count == 1
        // A paragraph that is only a chrome label ("印刷", "Back to top"), linked or not.
        if single, HTMLChrome.isLabel(lines[0]) {
            dropped.append(SourceLine(number: line, text: lines[0]))
            return
        }
        let bold = single && inline.isAllBold && Self.isHeadingLike(lines[0])
        for paragraph in HTMLLineShape.paragraphs(lines) where !paragraph.isEmpty {
            blocks.append(HTMLBlock(kind: bold ? .boldParagraph : .paragraph, text: paragraph, line: line, datetime: inline.datetime))
        }
    }

    /// Short enough, and without a sentence's full stop, to be a heading.
    static func isHeadingLike(_ text: String) -> Bool {
        text.count <= 100 && !text.hasSuffix("。") && !text.hasSuffix(".") && !text.contains("\n")
    }
}
