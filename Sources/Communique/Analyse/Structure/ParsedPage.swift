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
        public var plainText: String { block.plainText }
    }

    public let source: MarkdownSource
    public let document: MarkdownDocument
    public let blocks: [Block]

    init(source: MarkdownSource, anchorPrefix: String, options: MarkdownOptions) {
        self.source = source
        document = MarkdownDocument(source.text, options: options)
        let raw = document.blocks
        let markers: [NumberMarker?] = raw.map { block in
            guard case .paragraph = block.kind else { return nil }
            return NumberMarker.parse(block.plainText)
        }
        let headings = raw.map { block -> Bool in
            if case .heading = block.kind { return true }
            return false
        }
        let numbered = ParagraphNumbering(prefix: anchorPrefix).number(markers: markers, isHeading: headings)
        blocks = zip(raw, numbered).map { block, number in
            Block(
                block: block, anchor: number.anchor, marker: number.marker, level: number.level,
                line: source.firstLine + block.startLine - 1)
        }
    }
}
