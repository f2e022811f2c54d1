import CGumbo

/// A web page parsed by gumbo, a conforming HTML5 parser: the page as a browser builds it,
/// whatever tag soup it was written in (unclosed `<p>`, stray `</div>`, implied `<tbody>`).
public struct HTMLDocument: Sendable {
    /// The `<html>` element (implied when the page has none).
    public var root: HTMLElement

    /// Trees deeper than this are flattened below it (their text kept in order): gumbo and
    /// a recursive walk would otherwise run out of stack on `<b>` nested thousands deep.
    public static let maximumDepth = 256

    /// Parses `text` (already decoded; gumbo reads UTF-8) into Swift values and frees
    /// gumbo's tree before returning.
    public static func parse(_ text: String) -> HTMLDocument {
        var bytes = Array(text.utf8)
        bytes.append(0)
        let root: HTMLElement = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { start in
                withUnsafePointer(to: kGumboDefaultOptions) { options in
                    guard let output = gumbo_parse_with_options(options, start, buffer.count - 1) else {
                        return HTMLElement(name: "html", line: 0)
                    }
                    defer { gumbo_destroy_output(options, output) }
                    return element(output.pointee.root, depth: 0)
                }
            }
        }
        return HTMLDocument(root: root)
    }

    /// The `<head>` and `<body>` elements (always there: the parser implies them).
    public var head: HTMLElement? { root.elements.first { $0.name == "head" } }
    public var body: HTMLElement? { root.elements.first { $0.name == "body" } }

    // MARK: - gumbo → Swift

    private static func element(_ node: UnsafeMutablePointer<GumboNode>, depth: Int) -> HTMLElement {
        let gumbo = node.pointee.v.element
        var children: [HTMLNode] = []
        children.reserveCapacity(Int(gumbo.children.length))
        for child in vector(gumbo.children, of: GumboNode.self) {
            switch child.pointee.type {
            case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE:
                if depth < maximumDepth {
                    children.append(.element(element(child, depth: depth + 1)))
                } else {
                    children += flattenedText(child).map(HTMLNode.text)
                }
            case GUMBO_NODE_TEXT, GUMBO_NODE_WHITESPACE, GUMBO_NODE_CDATA:
                children.append(.text(text(child)))
            default:
                break  // comments
            }
        }
        let attributes = vector(gumbo.attributes, of: GumboAttribute.self).map {
            (name: String(cString: $0.pointee.name), value: String(cString: $0.pointee.value))
        }
        // An implied element (no start tag in the file) has an empty original tag.
        let line = gumbo.original_tag.length == 0 ? 0 : Int(gumbo.start_pos.line)
        return HTMLElement(name: tagName(gumbo), attributes: attributes, children: children, line: line)
    }

    private static func text(_ node: UnsafeMutablePointer<GumboNode>) -> HTMLText {
        let text = node.pointee.v.text
        return HTMLText(text: String(cString: text.text), line: Int(text.start_pos.line))
    }

    /// The text under `node`, walked with a stack of its own rather than by recursion.
    private static func flattenedText(_ node: UnsafeMutablePointer<GumboNode>) -> [HTMLText] {
        var texts: [HTMLText] = []
        var stack = [node]
        while let next = stack.popLast() {
            switch next.pointee.type {
            case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE:
                stack += vector(next.pointee.v.element.children, of: GumboNode.self).reversed()
            case GUMBO_NODE_TEXT, GUMBO_NODE_WHITESPACE, GUMBO_NODE_CDATA:
                texts.append(text(next))
            default:
                break
            }
        }
        return texts
    }

    /// The lowercased tag name; for a tag gumbo does not know, read from the source text.
    private static func tagName(_ element: GumboElement) -> String {
        if element.tag != GUMBO_TAG_UNKNOWN, let known = gumbo_normalized_tagname(element.tag) {
            let name = String(cString: known)
            if !name.isEmpty { return name }
        }
        var piece = element.original_tag
        guard piece.length > 0, piece.data != nil else { return "" }
        gumbo_tag_from_original_text(&piece)
        let bytes = UnsafeRawBufferPointer(start: piece.data, count: piece.length)
        return String(decoding: bytes, as: UTF8.self).lowercased()
    }

    /// The pointers a `GumboVector` holds, typed.
    private static func vector<T>(_ vector: GumboVector, of: T.Type) -> [UnsafeMutablePointer<T>] {
        guard let data = vector.data else { return [] }
        return (0..<Int(vector.length)).compactMap { data[$0]?.assumingMemoryBound(to: T.self) }
    }
}
