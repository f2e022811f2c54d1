/// The links between pages that are not in the text itself: reading order of sections
/// and paragraph permalinks.
public struct LinkGraph {
    public struct Neighbours {
        public var previous: PageKey?
        public var next: PageKey?
    }

    /// Previous and next section page within a release, in section order.
    public var neighbours: [PageKey: Neighbours]
}

/// Link stage: computes links between pages. Runs after `SiteAnalyser` and before
/// rendering; it decides where links go but writes no HTML.
public struct SiteLinker {
    public init() {}

    public func link(_ site: SiteSource, _ analysis: Analysis) -> LinkGraph {
        var neighbours: [PageKey: LinkGraph.Neighbours] = [:]
        for release in site.releases {
            let keys = release.sections.map { PageKey(release: release.id, section: $0.slug) }
            for (i, key) in keys.enumerated() {
                neighbours[key] = LinkGraph.Neighbours(
                    previous: i > 0 ? keys[i - 1] : nil, next: i + 1 < keys.count ? keys[i + 1] : nil)
            }
        }
        return LinkGraph(neighbours: neighbours)
    }
}
