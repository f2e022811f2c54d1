/// Template values for the blocks of a parsed page.
enum BlockContext {
    /// One dictionary per block. Headings are placed under `topHeadingLevel`, ranked by
    /// the levels the page uses, so heading levels never skip (h2 → h4).
    static func blocks(of page: ParsedPage, topHeadingLevel: Int) -> [[String: Any]] {
        var levels: [Int] = []
        for block in page.blocks {
            if case .heading(let level) = block.block.kind, !levels.contains(level) { levels.append(level) }
        }
        levels.sort()
        return page.blocks.map { block in
            var isHeading = false, isParagraph = false
            var headingLevel = 0
            switch block.block.kind {
            case .heading(let level):
                isHeading = true
                headingLevel = min(topHeadingLevel + (levels.firstIndex(of: level) ?? 0), 6)
            case .paragraph:
                isParagraph = true
            default:
                break
            }
            return [
                "anchor": block.anchor,
                "is_heading": isHeading,
                "is_paragraph": isParagraph,
                "is_other": !isHeading && !isParagraph,
                "is_numbered": block.marker != nil,
                "marker": block.marker?.text ?? "",
                "level": block.level,
                "heading_level": headingLevel,
                "inner_html": isHeading || isParagraph ? block.block.innerHTML : "",
                "html": isHeading || isParagraph ? "" : block.block.html,
            ]
        }
    }
}
