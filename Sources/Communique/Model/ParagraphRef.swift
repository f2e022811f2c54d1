/// Identifies a section page of a release (or, with `section` "", the release's own page).
public struct PageKey: Hashable, Sendable {
    public var release: String
    public var section: String
}

/// A paragraph (any top-level block with an anchor) somewhere in the site.
public struct ParagraphRef: Hashable, Sendable, Comparable {
    /// The page: a section, or the release's own page when `page.section` is "".
    public var page: PageKey
    public var anchor: String

    public static func < (a: ParagraphRef, b: ParagraphRef) -> Bool {
        (a.page.release, a.page.section, a.anchor) < (b.page.release, b.page.section, b.anchor)
    }
}
