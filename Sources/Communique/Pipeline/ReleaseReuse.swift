import Foundation

/// Wires a `ReleaseCache` into one build: the loader takes kept releases from it, the
/// analyser their analysis, the linker their links, and what was made afresh is written
/// back for the next build.
final class ReleaseReuse: @unchecked Sendable {
    let cache: ReleaseCache
    /// A full (`--clean`) build reads nothing kept, but keeps what it makes.
    let readsKept: Bool
    private let lock = NSLock()
    private var kept: [String: ReleaseAnalysis] = [:]
    private let writing = DispatchGroup()

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
        DispatchQueue.global(qos: .userInitiated).async(group: writing) { cache.update(entries, keeping: ids) }
    }

    /// The search index's text postings from the last build, unless this build reads nothing kept.
    func searchTokens() -> SearchTokens? {
        readsKept ? cache.searchTokens() : nil
    }

    /// Writes the search index's text postings for the next build, on another thread.
    func keep(_ tokens: SearchTokens) {
        let cache = cache
        DispatchQueue.global(qos: .userInitiated).async(group: writing) { cache.keepSearchTokens(tokens) }
    }

    /// For `SiteLinker.reuse`: the links kept for the release's files and the glossary's forms.
    func links(of release: Release, site: SiteSource, analysis: Analysis) -> ReleaseLinks? {
        guard readsKept, let key = site.releaseKeys[release.id] else { return nil }
        let pages = ReleaseLinks.pages(of: release, in: analysis).map(\.page)
        let entries = analysis.glossary.entries.count
        guard let links = cache.links(id: release.id, key: key + analysis.glossary.formsKey, pages: pages),
            links.uses.allSatisfy({ (0..<entries).contains($0.entry) })
        else { return nil }
        return links
    }

    /// Writes the releases linked afresh (after `keep`: the folder exists), on another thread.
    func keep(_ fresh: [(Release, ReleaseLinks)], of site: SiteSource, analysis: Analysis) {
        let items = fresh.compactMap { release, links in site.releaseKeys[release.id].map { (release.id, $0 + analysis.glossary.formsKey, links) } }
        let cache = cache
        DispatchQueue.global(qos: .userInitiated).async(group: writing) {
            for (id, key, links) in items { cache.keepLinks(links, id: id, key: key) }
        }
    }

    /// For `SeriesComparer.compare`: the alignment kept for the same two releases' files.
    func comparison(old: ReleaseComparison.Side, new: ReleaseComparison.Side, site: SiteSource) -> ReleaseComparison? {
        guard readsKept, let key = comparisonKey(old: old.id, new: new.id, site: site) else { return nil }
        return cache.comparison(old: old, new: new, key: key)
    }

    /// Writes the comparisons made afresh, on another thread.
    func keep(_ fresh: [ReleaseComparison], of site: SiteSource) {
        let items = fresh.compactMap { comparison -> (ReleaseComparison, String)? in
            guard let key = comparisonKey(old: comparison.old.id, new: comparison.new.id, site: site) else { return nil }
            return (comparison, key)
        }
        let cache = cache
        DispatchQueue.global(qos: .userInitiated).async(group: writing) {
            for (comparison, key) in items { cache.keepComparison(comparison, key: key) }
        }
    }

    private func comparisonKey(old: String, new: String, site: SiteSource) -> String? {
        guard let oldKey = site.releaseKeys[old], let newKey = site.releaseKeys[new] else { return nil }
        return ReleaseCache.comparisonKey(old: old, oldKey: oldKey, newKey: newKey)
    }

    /// For `SeriesComparer.compare`: lineages kept by the last build, and this build's written back.
    var lineageCache: LineageCache {
        let cache = cache, readsKept = readsKept, writing = writing
        return LineageCache(
            kept: { side, key in readsKept ? cache.lineage(of: side, key: key) : nil },
            fresh: { id, lineage, key in
                DispatchQueue.global(qos: .userInitiated).async(group: writing) { cache.keepLineage(lineage, id: id, key: key) }
            })
    }

    func finish() { writing.wait() }
}
