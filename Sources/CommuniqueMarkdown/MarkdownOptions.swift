import CCmarkGFM

/// How Markdown is parsed and rendered. Safe by default: statement text is data, so raw
/// HTML is dropped and dangerous URLs are emptied unless a site explicitly allows it.
public struct MarkdownOptions: Sendable, Hashable {
    /// Pass raw HTML in the Markdown through (still filtered: see `RawHTMLFilter`).
    public var allowRawHTML: Bool
    /// Added to every heading level, so a `#` in a page body sits under the page's own `h1`.
    public var headingLevelOffset: Int

    public init(allowRawHTML: Bool = false, headingLevelOffset: Int = 0) {
        self.allowRawHTML = allowRawHTML
        self.headingLevelOffset = headingLevelOffset
    }

    /// GFM extensions attached to every parser. Footnotes are not among them: cmark-gfm
    /// enables those with an option (`CMARK_OPT_FOOTNOTES`).
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    var parseOptions: Int32 { CMARK_OPT_FOOTNOTES | (allowRawHTML ? CMARK_OPT_UNSAFE : 0) }

    /// Table alignment as style attributes (HTML5 has no `align`); this only takes
    /// effect at render time, not at parse time.
    var renderOptions: Int32 {
        CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES | (allowRawHTML ? CMARK_OPT_UNSAFE : 0)
    }
}
