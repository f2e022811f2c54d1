import CommuniqueJapanese

/// A recurring meeting and its releases (every 日米安全保障協議委員会 "2+2").
public struct Series: Sendable, Hashable {
    public var name: String
    /// Stable ASCII slug: the series page is `series/<slug>/`.
    public var slug: String
    /// Release ids, oldest meeting first.
    public var releases: [String]
}

/// Groups releases by their `series:` front matter.
enum SeriesIndex {
    static func build(_ site: SiteSource, reader: JapaneseReader?) -> [Series] {
        var byName: [String: [Release]] = [:]
        for release in site.releases {
            guard let name = release.series?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { continue }
            byName[name, default: []].append(release)
        }
        var used: Set<String> = []
        return byName.keys.sorted().map { name in
            var slug = Slug.make(name, reader: reader)
            if slug.isEmpty { slug = "series" }
            let releases = byName[name]!.sorted(by: Release.oldestFirst).map(\.id)
            return Series(name: name, slug: Slug.unique(slug, in: &used), releases: releases)
        }
    }
}
