import CCmarkGFM
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A parsed Markdown document (cmark-gfm), rendered block by block so the caller can
/// give every top-level block its own anchor and surroundings.
///
/// Owns the cmark parser and tree and frees both. Not thread-safe: use one document
/// per task (parsing in parallel is fine once `registerExtensions` has run).
public final class MarkdownDocument {
    private let parser: OpaquePointer
    private let root: OpaquePointer
    let options: MarkdownOptions
    /// Put before the ids cmark-gfm gives footnotes (`fn-1`, `fnref-1`), so that pages
    /// shown together (every section on the full-text page) keep their ids apart.
    public var footnoteIDPrefix = ""
    private lazy var hasFootnotes: Bool = {
        var node = cmark_node_first_child(root)
        while let current = node {
            if cmark_node_get_type(current) == CMARK_NODE_FOOTNOTE_DEFINITION { return true }
            node = cmark_node_next(current)
        }
        return false
    }()

    private static let parsing = Mutex(())

    /// Registers the GFM extensions with cmark. Runs once per process, before any parser.
    private static let registerExtensions: Void = { cmark_gfm_core_extensions_ensure_registered() }()

    public init(_ markdown: String, options: MarkdownOptions = MarkdownOptions()) {
        _ = Self.registerExtensions
        self.options = options
        let parser: OpaquePointer = cmark_parser_new(options.parseOptions)
        for name in MarkdownOptions.extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var text = markdown
        // One parse at a time: cmark-gfm adds the characters that start an extension's inline
        // syntax (`~`, `:`, `w`) to a global table as a parser finishes (and parses a table
        // row) and removes them after, so parsers running at once took them from each other
        // and documents lost their strikethrough and links at random. Rendering is unaffected.
        var root: OpaquePointer?
        Self.parsing.withLock { _ in
            text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    cmark_parser_feed(parser, chars.baseAddress, chars.count)
                }
            }
            root = cmark_parser_finish(parser)
        }
        self.parser = parser
        self.root = root!
        removeSoftBreaksBetweenCJK()
        if options.allowRawHTML { filterRawHTML() }
        if options.headingLevelOffset != 0 { shiftHeadings(by: options.headingLevelOffset) }
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// The document's top-level blocks, in order, footnote definitions excluded
    /// (they are rendered together by `footnotesHTML`).
    public lazy var blocks: [MarkdownBlock] = {
        var result: [MarkdownBlock] = []
        var node = cmark_node_first_child(root)
        while let current = node {
            let type = cmark_node_get_type(current)
            if type != CMARK_NODE_FOOTNOTE_DEFINITION {
                result.append(MarkdownBlock(node: current, kind: Self.kind(of: current), document: self))
            }
            node = cmark_node_next(current)
        }
        return result
    }()

    /// The footnotes section (`<section class="footnotes">…`), or "" when there are none.
    public func footnotesHTML() -> String {
        var definitions: [OpaquePointer] = []
        var node = cmark_node_first_child(root)
        while let current = node {
            if cmark_node_get_type(current) == CMARK_NODE_FOOTNOTE_DEFINITION { definitions.append(current) }
            node = cmark_node_next(current)
        }
        guard !definitions.isEmpty else { return "" }
        // Render the definitions as one document so they share one footnotes section.
        let holder = cmark_node_new(CMARK_NODE_DOCUMENT)!
        defer { cmark_node_free(holder) }
        for definition in definitions {
            cmark_node_unlink(definition)
            cmark_node_append_child(holder, definition)
        }
        let html = render(holder)
        // Give them back, so `blocks` and a second call see the same tree.
        for definition in definitions {
            cmark_node_unlink(definition)
            cmark_node_append_child(root, definition)
        }
        return html
    }

    /// The whole document as HTML.
    public func html() -> String { render(root) }

    func render(_ node: OpaquePointer) -> String {
        guard let cString = cmark_render_html(node, options.renderOptions, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(cString) }
        let html = String(cString: cString)
        guard !footnoteIDPrefix.isEmpty, hasFootnotes else { return html }
        // Only cmark-gfm's own footnote markup has these attribute openings: text is
        // escaped, so a quote in it is `&quot;`.
        var result = html
        for attribute in ["id=\"fn", "href=\"#fn"] {
            result = result.replacing(attribute + "-", with: attribute.dropLast(2) + footnoteIDPrefix + "fn-")
            result = result.replacing(attribute + "ref-", with: attribute.dropLast(2) + footnoteIDPrefix + "fnref-")
        }
        return result
    }

    static func kind(of node: OpaquePointer) -> MarkdownBlock.Kind {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_HTML_BLOCK: return .html
        default:
            let name = cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
            return name == "table" ? .table : .other(name)
        }
    }

    // MARK: - Tree rewrites done once after parsing

    /// Drops a soft line break between two CJK characters: browsers would show it as a
    /// space, and Japanese has no spaces between words. Other soft breaks become a "\n"
    /// in the text (rendered the same), so that text split only by line breaks is one
    /// node again and a term spanning a line of the Markdown is found in one piece.
    private func removeSoftBreaksBetweenCJK() {
        var breaks: [(node: OpaquePointer, keep: Bool)] = []
        forEachNode(under: root) { node in
            guard cmark_node_get_type(node) == CMARK_NODE_SOFTBREAK else { return }
            var keep = true
            if let before = cmark_node_previous(node), let after = cmark_node_next(node),
                let last = Self.literal(of: before)?.unicodeScalars.last,
                let first = Self.literal(of: after)?.unicodeScalars.first,
                CJK.isWide(last), CJK.isWide(first)
            {
                keep = false
            }
            breaks.append((node, keep))
        }
        for (node, keep) in breaks {
            if keep, let text = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(text, "\n")
                cmark_node_insert_before(node, text)
            }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        cmark_consolidate_text_nodes(root)
    }

    /// Raw HTML nodes through `RawHTMLFilter`, stricter than GFM's tagfilter.
    private func filterRawHTML() {
        var changes: [(node: OpaquePointer, literal: String)] = []
        forEachNode(under: root) { node in
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE, let literal = Self.literal(of: node) else { return }
            let filtered = RawHTMLFilter.filter(literal)
            if filtered != literal { changes.append((node, filtered)) }
        }
        for (node, literal) in changes { cmark_node_set_literal(node, literal) }
    }

    private func shiftHeadings(by offset: Int) {
        forEachNode(under: root) { node in
            guard cmark_node_get_type(node) == CMARK_NODE_HEADING else { return }
            let level = Int(cmark_node_get_heading_level(node)) + offset
            cmark_node_set_heading_level(node, Int32(min(max(level, 1), 6)))
        }
    }

    /// Visits every node under `top` on entry. Callers collect and mutate afterwards:
    /// cmark's iterator must not see the tree change under it.
    func forEachNode(under top: OpaquePointer, _ visit: (OpaquePointer) -> Void) {
        let iterator = cmark_iter_new(top)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { visit(node) }
        }
    }

    static func literal(of node: OpaquePointer) -> String? {
        guard let pointer = cmark_node_get_literal(node) else { return nil }
        return String(cString: pointer)
    }
}
