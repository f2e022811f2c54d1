import Foundation

/// Each release of a series compared with the meeting before it: what its changes page shows.
public struct SeriesComparisons: Sendable {
    /// By the newer release's id.
    public var byRelease: [String: ReleaseComparison] = [:]
    /// Each release's sentences and where their wording came from, by release id (releases
    /// in no series have none).
    public var lineage: [String: SentenceLineage] = [:]
    /// The key of each release's lineage (`SentenceLineage.key`: its series' files up to
    /// it), when its files have keys: what a page showing the lineage hashes in its stead.
    public var lineageKeys: [String: String] = [:]

    public init(byRelease: [String: ReleaseComparison] = [:]) {
        self.byRelease = byRelease
    }

    /// The release `id` is compared with (the previous meeting of its series), if any.
    public func previous(of id: String) -> String? { byRelease[id]?.old.id }
}

/// Where `SeriesComparer` finds and keeps each release's lineage between builds.
struct LineageCache: Sendable {
    /// The lineage kept for a release under a key.
    var kept: @Sendable (ReleaseComparison.Side, String) -> SentenceLineage?
    /// Told each lineage traced in this build, with its release's id and key (from any thread).
    var fresh: @Sendable (String, SentenceLineage, String) -> Void
}

/// The Compare step of the Analyse stage: every release that has a previous meeting in its
/// series aligned with it, in parallel. A pair of releases is compared once per build.
enum SeriesComparer {
    /// `reuse`: a comparison an earlier build made of the same two releases' files, if any
    /// (`ComparisonCache`); `fresh` is told each comparison made in this build.
    static func compare(
        _ site: SiteSource, _ analysis: Analysis,
        reuse: (_ old: ReleaseComparison.Side, _ new: ReleaseComparison.Side) -> ReleaseComparison? = { _, _ in nil },
        fresh: (ReleaseComparison) -> Void = { _ in },
        lineageCache: LineageCache? = nil
    ) -> SeriesComparisons {
        var pairs: [(old: Release, new: Release)] = []
        let sides = Dictionary(uniqueKeysWithValues: Parallel.map(site.releases.count) { index in
            let release = site.releases[index]
            return (release.id, ReleaseComparison.Side(release: release, analysis: analysis))
        })
        for series in analysis.series {
            for (older, newer) in zip(series.releases, series.releases.dropFirst()) {
                guard let old = site.release(withID: older), let new = site.release(withID: newer) else { continue }
                pairs.append((old, new))
            }
        }
        // One pool of tasks: each series' lineage (longest first: one series is one task) and
        // each pair, so that a long series does not finish alone after the pairs.
        let series = analysis.series.indices.sorted { analysis.series[$0].releases.count > analysis.series[$1].releases.count }
        enum Made { case lineage([String: SentenceLineage], keys: [String: String]), comparison(ReleaseComparison, isFresh: Bool) }
        let made = Parallel.map(series.count + pairs.count) { task -> Made in
            if task < series.count {
                let releases = analysis.series[series[task]].releases.compactMap { sides[$0] }
                // Each release's key: its series' releases' files up to it (nil: not kept).
                var chain: [(id: String, key: String)] = []
                var broken = false
                let keys = releases.map { side -> String? in
                    guard !broken, let key = site.releaseKeys[side.id] else { broken = true; return nil }
                    chain.append((side.id, key))
                    return SentenceLineage.key(chain)
                }
                let lineage = SentenceLineage.build(
                    releases,
                    kept: { position in keys[position].flatMap { lineageCache?.kept(releases[position], $0) } },
                    fresh: { position, lineage in
                        if let key = keys[position] { lineageCache?.fresh(releases[position].id, lineage, key) }
                    })
                let known = zip(releases, keys).compactMap { side, key in key.map { (side.id, $0) } }
                return .lineage(lineage, keys: Dictionary(uniqueKeysWithValues: known))
            }
            let (old, new) = pairs[task - series.count]
            if let kept = reuse(sides[old.id]!, sides[new.id]!) { return .comparison(kept, isFresh: false) }
            return .comparison(ReleaseComparison(old: sides[old.id]!, new: sides[new.id]!), isFresh: true)
        }
        var comparisons = SeriesComparisons()
        for result in made {
            switch result {
            case .lineage(let lineage, let keys):
                comparisons.lineage.merge(lineage) { first, _ in first }
                comparisons.lineageKeys.merge(keys) { first, _ in first }
            case .comparison(let comparison, let isFresh):
                if isFresh { fresh(comparison) }
                comparisons.byRelease[comparison.new.id] = comparison
            }
        }
        return comparisons
    }
}
