/// A release's changes page: what changed since the previous meeting of its series
/// (see PageModels.swift).
struct ChangesPage: Codable {
    var release: ReleaseDetails
    var previous: ReleaseDetails
    /// One row per section of the new release with a paragraph in the comparison.
    var summary: [ChangeCounts]
    var totals: ChangeCounts
    /// The topics whose paragraphs changed most, most first.
    var topTopics: [TopicSummary]
    var hasTopTopics: Bool
    var sections: [ChangeSection]
    /// Whether any paragraph is marked as holding new language (the filter needs one).
    var hasNewLanguage: Bool
}

/// How many paragraphs of a section have each status.
struct ChangeCounts: Codable {
    var title: String
    var url: String
    var changed = 0
    var moved = 0
    /// Split or merged.
    var restructured = 0
    var new = 0
    var removed = 0
    var unchanged = 0
}

/// A section of the new release, with its paragraphs' entries; removed paragraphs stand
/// where they stood in the old release.
struct ChangeSection: Codable {
    var title: String
    var anchor: String
    /// The section's own page in the new release.
    var url: String
    var entries: [ChangeEntry]
}

/// One aligned paragraph (or the parts of a split or merge).
struct ChangeEntry: Codable {
    var anchor: String
    /// `ReleaseComparison.Status`'s raw value, a class name for the stylesheet.
    var status: String
    var statusLabel: String
    var isUnchanged: Bool
    var isRemoved: Bool
    /// The text with what changed as `<del>`/`<ins>`, escaped ("" when unchanged).
    var html: String
    /// The paragraph(s) in the new release, by number (their permalinks).
    var paragraphs: [LinkItem]
    /// The counterpart(s) in the previous release.
    var counterparts: [LinkItem]
    var hasCounterparts: Bool
    /// New, or changed with words the series had not used before in it.
    var hasNewLanguage: Bool
}
