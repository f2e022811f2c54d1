/// What the previous build rendered, as much as Render needs to skip work: the
/// fingerprint of each page that is still as that build wrote it, the units it made
/// whole, and the template keys of its contexts. The pipeline hands it in (made from
/// the Write stage's manifest), so Render knows nothing of how builds are recorded.
public struct PreviousRender: Sendable, Equatable {
    /// Path → the fingerprint the page was rendered from.
    public var fingerprints: [String: String]
    /// Units whose inputs were hashed as a whole (see `PageRenderer.unit`).
    public var units: [String: RenderUnit]
    /// Every key the pages' contexts had, for the template check of a build that keeps
    /// units without building their contexts.
    public var templateKeys: Set<String>
    /// The search index's text postings as the previous build left them (kept in the
    /// build's cache, not the manifest), so unchanged releases are not tokenized again.
    public var searchTokens: SearchTokens?

    public init(fingerprints: [String: String] = [:], units: [String: RenderUnit] = [:], templateKeys: Set<String> = []) {
        self.fingerprints = fingerprints
        self.units = units
        self.templateKeys = templateKeys
    }
}

/// Pages rendered together from inputs hashed as one key (a release and its pages, a
/// topic's year page …): kept whole when the key is the same next time.
public struct RenderUnit: Sendable, Equatable {
    public var key: String
    public var paths: [String]

    public init(key: String, paths: [String]) {
        self.key = key
        self.paths = paths
    }
}
