import Foundation

/// Wires a `ReleaseCache` into one build: the loader takes kept releases from it, the
/// analyser their analysis, and what was read afresh is written back for the next build.
final class ReleaseReuse: @unchecked Sendable {
    let cache: ReleaseCache
    /// A full (`--clean`) build reads nothing kept, but keeps what it makes.
    let readsKept: Bool
    private let lock = NSLock()
    private var kept: [String: ReleaseAnalysis] = [:]
    private var pending: DispatchWorkItem?

    init(cache: ReleaseCache, readsKept: Bool) {
        self.cache = cache
        self.readsKept = readsKept
    }

    /// For `SiteLoader.reuse`.
    func release(id: String, key: String) -> Release? {
        guard readsKept, let entry = cache.entry(id: id, key: key) else { return nil }
        lock.withLock { kept[id] = entry.analysis }
        return entry.release
    }

    /// For `SiteAnalyser.reuse`: the analysis kept with the release the loader took.
    func analysis(of release: Release, key: String) -> ReleaseAnalysis? {
        lock.withLock { kept[release.id] }
    }

    /// Writes the releases analysed afresh, and forgets releases the site no longer has, on
    /// another thread while the build goes on; `finish` waits for it.
    func keep(_ fresh: [ReleaseAnalysis], of site: SiteSource) {
        let entries = fresh.compactMap { analysis -> ReleaseCache.Entry? in
            guard let key = site.releaseKeys[analysis.id], let release = site.release(withID: analysis.id) else { return nil }
            return ReleaseCache.Entry(key: key, release: release, analysis: analysis)
        }
        let ids = Set(site.releases.map(\.id))
        let cache = cache
        let work = DispatchWorkItem { cache.update(entries, keeping: ids) }
        pending = work
        DispatchQueue.global(qos: .userInitiated).async(execute: work)
    }

    func finish() { pending?.wait() }
}
