import CCmarkGFM

/// A run of plain text inside a block that may carry links: a text node that is not
/// inside a link, an image or code.
public struct TextRun {
    let node: OpaquePointer
    public let text: String
}

/// Raw HTML to put around part of a text run (e.g. a glossary term link). The HTML is
/// the caller's: it must escape what it puts in attributes.
public struct InlineWrap: Sendable, Equatable {
    /// Offsets in the run's text, counted in `String.UTF8View` positions.
    public var utf8Range: Range<Int>
    public var open: String
    public var close: String

    public init(utf8Range: Range<Int>, open: String, close: String) {
        self.utf8Range = utf8Range
        self.open = open
        self.close = close
    }
}

extension MarkdownBlock {
    /// The text runs of the block that may be linked, in reading order. Text inside
    /// links, images and code is left alone; headings have none.
    public var linkableRuns: [TextRun] {
        if case .heading = kind { return [] }
        var runs: [TextRun] = []
        var insideNoLinkZone = 0
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let current = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE || type == CMARK_NODE_HEADING || type == CMARK_NODE_CUSTOM_INLINE {
                insideNoLinkZone += event == CMARK_EVENT_ENTER ? 1 : -1
                continue
            }
            if event == CMARK_EVENT_ENTER, type == CMARK_NODE_TEXT, insideNoLinkZone == 0,
                let text = MarkdownDocument.literal(of: current)
            {
                runs.append(TextRun(node: current, text: text))
            }
        }
        return runs
    }

    /// Splits `run` and puts each wrap's HTML around its part of the text. Wraps must
    /// not overlap. The tree changes, so collect all runs first, then wrap them.
    ///
    /// A run whose parent takes no custom inline is left as it is: a GFM table cell takes only
    /// text, code, emphasis, links and the like, and cmark would refuse the wrap, losing its
    /// text from the page (and its nodes from the tree, unfreed). Returns whether the run
    /// was wrapped.
    @discardableResult
    public func wrap(_ run: TextRun, _ wraps: [InlineWrap]) -> Bool {
        guard !wraps.isEmpty, Self.acceptsCustomInline(besides: run.node) else { return false }
        let bytes = Array(run.text.utf8)
        var cursor = 0
        var anchor = run.node
        func insertText(_ range: Range<Int>, into parent: OpaquePointer? = nil) -> OpaquePointer? {
            guard !range.isEmpty, let text = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
            cmark_node_set_literal(text, String(decoding: bytes[range], as: UTF8.self))
            if let parent { cmark_node_append_child(parent, text) }
            return text
        }
        for wrap in wraps.sorted(by: { $0.utf8Range.lowerBound < $1.utf8Range.lowerBound }) {
            let range = wrap.utf8Range.clamped(to: cursor..<bytes.count)
            guard !range.isEmpty else { continue }
            if let before = insertText(cursor..<range.lowerBound) {
                cmark_node_insert_after(anchor, before)
                anchor = before
            }
            guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { continue }
            cmark_node_set_on_enter(custom, wrap.open)
            cmark_node_set_on_exit(custom, wrap.close)
            _ = insertText(range, into: custom)
            cmark_node_insert_after(anchor, custom)
            anchor = custom
            cursor = range.upperBound
        }
        if let after = insertText(cursor..<bytes.count) {
            cmark_node_insert_after(anchor, after)
        }
        cmark_node_unlink(run.node)
        cmark_node_free(run.node)
        return true
    }

    /// True when cmark lets a custom inline stand next to `node` (its parent can contain one).
    private static func acceptsCustomInline(besides node: OpaquePointer) -> Bool {
        guard let probe = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return false }
        defer { cmark_node_free(probe) }  // unlinks it first
        return cmark_node_insert_after(node, probe) != 0
    }
}
