import CCmarkGFM

/// One top-level block of a `MarkdownDocument`.
///
/// Valid while its document lives; the document keeps the cmark node alive.
public struct MarkdownBlock {
    public enum Kind: Equatable, Sendable {
        case paragraph, heading(level: Int), list, blockQuote, codeBlock, thematicBreak, html, table
        case other(String)
    }

    let node: OpaquePointer
    public let kind: Kind
    unowned let document: MarkdownDocument

    /// The 1-based line where the block starts in the Markdown source.
    public var startLine: Int { Int(cmark_node_get_start_line(node)) }

    /// The block's text without markup: text, code and the text of links, with line
    /// breaks as "\n". What a reader sees, used for numbering and matching.
    public var plainText: String {
        var text = ""
        document.forEachNode(under: node) { child in
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK {
                text += MarkdownDocument.literal(of: child) ?? ""
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += "\n"
            }
        }
        return text
    }

    /// The block rendered alone, e.g. `<p>(1)冒頭、…</p>\n`.
    public var html: String { document.render(node) }

    /// The inner HTML of a paragraph or heading (without its `<p>`/`<hN>` wrapper), so a
    /// template can put its own element, id and attributes around it.
    public var innerHTML: String {
        let full = html
        // On bytes: the text may start with a mark that makes one Character with the `>`.
        let bytes = Array(full.utf8)
        func strip(_ open: String, _ close: String) -> String? {
            let open = Array(open.utf8), close = Array(close.utf8)
            guard bytes.count >= open.count + close.count, bytes.starts(with: open), bytes.suffix(close.count).elementsEqual(close) else { return nil }
            return String(decoding: bytes[open.count..<(bytes.count - close.count)], as: UTF8.self)
        }
        switch kind {
        case .paragraph: return strip("<p>", "</p>\n") ?? full
        case .heading(let level): return strip("<h\(level)>", "</h\(level)>\n") ?? full
        default: return full
        }
    }
}
