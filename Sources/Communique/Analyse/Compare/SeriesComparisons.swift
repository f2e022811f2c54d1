import Foundation

/// Each release of a series compared with the meeting before it: what its changes page shows.
public struct SeriesComparisons: Sendable {
    /// By the newer release's id.
    public var byRelease: [String: ReleaseComparison] = [:]

    public init(byRelease: [String: ReleaseComparison] = [:]) {
        self.byRelease = byRelease
    }

    /// The release `id` is compared with (the previous meeting of its series), if any.
    public func previous(of id: String) -> String? { byRelease[id]?.old.id }
}

/// The Compare step of the Analyse stage: every release that has a previous meeting in its
/// series aligned with it, in parallel. A pair of releases is compared once per build.
enum SeriesComparer {
    /// `reuse`: a comparison an earlier build made of the same two releases' files, if any
    /// (`ComparisonCache`); `fresh` is told each comparison made in this build.
    static func compare(
        _ site: SiteSource, _ analysis: Analysis,
        reuse: (_ old: Release, _ new: Release) -> ReleaseComparison? = { _, _ in nil },
        fresh: (ReleaseComparison) -> Void = { _ in }
    ) -> SeriesComparisons {
        var pairs: [(old: Release, new: Release)] = []
        for series in analysis.series {
            for (older, newer) in zip(series.releases, series.releases.dropFirst()) {
                guard let old = site.release(withID: older), let new = site.release(withID: newer) else { continue }
                pairs.append((old, new))
            }
        }
        let made = Parallel.map(pairs.count) { index -> (ReleaseComparison, isFresh: Bool) in
            let (old, new) = pairs[index]
            if let kept = reuse(old, new) { return (kept, false) }
            return (ReleaseComparison(
                old: .init(release: old, analysis: analysis), new: .init(release: new, analysis: analysis)), true)
        }
        var comparisons = SeriesComparisons()
        for (comparison, isFresh) in made {
            if isFresh { fresh(comparison) }
            comparisons.byRelease[comparison.new.id] = comparison
        }
        return comparisons
    }
}
