import CommuniqueMarkdown

/// A page's Markdown parsed once, with the anchor of every top-level block.
///
/// Made by the Analyse stage and handed on to Link and Render, which use the same
/// cmark tree: Markdown is never parsed twice in a build.
public final class ParsedPage {
    public struct Block {
        public let block: MarkdownBlock
        public let anchor: String
        public let marker: NumberMarker?
        public let level: Int
        /// The line in the Markdown file, for messages.
        public let line: Int
        /// The block's text as a reader sees it (`MarkdownBlock.plainText`), made once:
        /// numbering, term extraction and topic tagging all read it. Term links the
        /// Link stage adds later do not change it.
        public let plainText: String
    }

    public let source: MarkdownSource
    public let document: MarkdownDocument
    public let blocks: [Block]

    init(source: MarkdownSource, anchorPrefix: String, options: MarkdownOptions) {
        self.source = source
        document = MarkdownDocument(source.text, options: options)
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
                block: block, anchor: number.anchor, marker: number.marker, level: number.level,
                line: source.firstLine + block.startLine - 1, plainText: texts[index])
        }
    }
}
