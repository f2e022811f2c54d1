import CommuniqueMarkdown

/// A page's Markdown parsed once, with the anchor of every top-level block and its HTML.
///
/// Made by the Analyse stage and handed on to Link and Render: Markdown is never parsed
/// twice in a build, and the cmark tree is freed once its blocks are rendered (the Link
/// stage puts term links into `LinkableHTML`, not into the tree).
public struct ParsedPage: Sendable, Equatable {
    public struct Block: Sendable, Equatable {
        public let kind: MarkdownBlock.Kind
        public let anchor: String
        public let marker: NumberMarker?
        public let level: Int
        /// The line in the Markdown file, for messages.
        public let line: Int
        /// The block's text as a reader sees it (`MarkdownBlock.plainText`), made once:
        /// numbering, term extraction and topic tagging all read it. Term links the
        /// Link stage adds later do not change it.
        public let plainText: String
        /// The inner HTML of a paragraph or heading (its template puts the element around
        /// it), the whole HTML of any other block; term links go into its open runs.
        public let html: LinkableHTML

        public var isHeading: Bool {
            if case .heading = kind { return true }
            return false
        }
    }

    public let source: MarkdownSource
    public let blocks: [Block]
    /// The footnotes section (`<section class="footnotes">…`), or "".
    public let footnotes: String

    /// A page as an earlier build analysed it (`ReleaseCache`).
    init(source: MarkdownSource, blocks: [Block], footnotes: String) {
        self.source = source
        self.blocks = blocks
        self.footnotes = footnotes
    }

    init(source: MarkdownSource, anchorPrefix: String, options: MarkdownOptions) {
        self.source = source
        let document = MarkdownDocument(source.text, options: options)
        document.footnoteIDPrefix = anchorPrefix + "__"
        let raw = document.blocks
        let texts = raw.map(\.plainText)
        let markers: [NumberMarker?] = zip(raw, texts).map { block, text in
            guard case .paragraph = block.kind else { return nil }
            return NumberMarker.parse(text)
        }
        let headings = raw.map { block -> Bool in
            if case .heading = block.kind { return true }
            return false
        }
        let numbered = ParagraphNumbering(prefix: anchorPrefix).number(markers: markers, isHeading: headings)
        blocks = raw.indices.map { index in
            let block = raw[index], number = numbered[index]
            return Block(
                kind: block.kind, anchor: number.anchor, marker: number.marker, level: number.level,
                line: source.firstLine + block.startLine - 1, plainText: texts[index],
                html: block.linkableHTML(inner: headings[index] || block.kind == .paragraph))
        }
        footnotes = document.footnotesHTML()
    }
}
