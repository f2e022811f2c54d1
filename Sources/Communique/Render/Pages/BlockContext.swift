/// The blocks of a parsed page, as its template shows them.
struct BlockContext {
    /// The way back to the site root from the page being rendered (`../../../`).
    let rootPrefix: String
    /// Related paragraphs of each numbered paragraph, already as template values.
    let related: (ParagraphRef) -> [LinkItem]
    /// Topic chips of each paragraph, already as template values.
    let topics: (ParagraphRef) -> [LinkItem]
    let key: PageKey
    /// The wording history shown under each paragraph, if any.
    var wording: (ParagraphRef) -> WordingHistory? = { _ in nil }
    /// Opening tags of term links, by glossary entry (`TermLinkTags`).
    var termTags: [String] = []

    /// One item per block. Headings are placed under `topHeadingLevel`, ranked by
    /// the levels the page uses, so heading levels never skip (h2 → h4).
    /// `html`: the page's block HTML as the Link stage made it (`LinkGraph.blockHTML`).
    func blocks(of page: ParsedPage, html: [String], topHeadingLevel: Int) -> [BlockItem] {
        var levels: [Int] = []
        for block in page.blocks {
            if case .heading(let level) = block.kind, !levels.contains(level) { levels.append(level) }
        }
        levels.sort()
        return page.blocks.indices.map { index in
            let block = page.blocks[index]
            let blockHTML = index < html.count ? expandMarkers(html[index]) : block.html.html()
            var isHeading = false, isParagraph = false
            var headingLevel = 0
            switch block.kind {
            case .heading(let level):
                isHeading = true
                headingLevel = min(topHeadingLevel + (levels.firstIndex(of: level) ?? 0), 6)
            case .paragraph:
                isParagraph = true
            default:
                break
            }
            let ref = ParagraphRef(page: key, anchor: block.anchor)
            let relatedItems = block.marker == nil ? [] : related(ref)
            let chips = isHeading ? [] : topics(ref)
            let history = isParagraph ? wording(ref) : nil
            return BlockItem(
                anchor: block.anchor, isHeading: isHeading, isParagraph: isParagraph, isOther: !isHeading && !isParagraph,
                isNumbered: block.marker != nil, marker: block.marker?.text ?? "", level: block.level, headingLevel: headingLevel,
                innerHtml: isHeading || isParagraph ? blockHTML : "",
                html: isHeading || isParagraph ? "" : blockHTML,
                related: relatedItems, hasRelated: !relatedItems.isEmpty, topicChips: chips, hasTopicChips: !chips.isEmpty,
                wording: history)
        }
    }

    /// The markers the linker left become term links, relative to this page.
    func expandMarkers(_ html: String) -> String {
        LinkMarkers.expand(html, rootPrefix: rootPrefix, termTags: termTags)
    }
}
