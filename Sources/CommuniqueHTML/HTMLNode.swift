/// A parsed web page as plain Swift values: elements with their attributes and children,
/// and text, each with the source line it starts on. Made by `HTMLDocument.parse`; nothing
/// here points into the C parser's memory.
public enum HTMLNode: Sendable {
    case element(HTMLElement)
    case text(HTMLText)
}

/// An element, as the HTML5 parser built it (implied `<html>`, `<body>`, `<tbody>` included).
public struct HTMLElement: Sendable {
    /// The lowercased tag name (`p`, `h2`, `svg`, or a custom element's own name).
    public var name: String
    /// In source order; names lowercased, values with character references decoded.
    public var attributes: [(name: String, value: String)]
    public var children: [HTMLNode]
    /// The 1-based line of its start tag; 0 for an element the parser implied.
    public var line: Int

    public init(name: String, attributes: [(name: String, value: String)] = [], children: [HTMLNode] = [], line: Int) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.line = line
    }

    /// The value of attribute `name` (lowercase), if present.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The element's child elements, in order.
    public var elements: [HTMLElement] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    /// Its text and its descendants' text, in order, as written (entities decoded,
    /// whitespace not collapsed).
    public var textContent: String {
        var out = ""
        forEachText { out += $0.text }
        return out
    }

    /// The first line of text in it, else its own line: where a reader finds it in the file.
    public var firstLine: Int {
        var found = 0
        forEachText { text in
            if found == 0, text.text.contains(where: { !$0.isWhitespace }) { found = text.line }
        }
        return found > 0 ? found : line
    }

    /// Calls `body` with each text node under this element, in document order.
    public func forEachText(_ body: (HTMLText) -> Void) {
        for child in children {
            switch child {
            case .text(let text): body(text)
            case .element(let element): element.forEachText(body)
            }
        }
    }

    /// Every element under this one (not itself) in document order, for which `matches` holds.
    public func descendants(where matches: (HTMLElement) -> Bool) -> [HTMLElement] {
        var found: [HTMLElement] = []
        for child in elements {
            if matches(child) { found.append(child) }
            found += child.descendants(where: matches)
        }
        return found
    }
}

/// A run of text between tags (character references decoded).
public struct HTMLText: Sendable {
    public var text: String
    /// The 1-based line it starts on.
    public var line: Int

    public init(text: String, line: Int) {
        self.text = text
        self.line = line
    }
}
