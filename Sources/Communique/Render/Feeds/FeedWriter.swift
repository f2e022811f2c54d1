/// `feed.xml` (Atom, one entry per release), `sitemap.xml` and `robots.txt`.
///
/// Feeds need absolute URLs; without an absolute `base_url` in site.yml the feed
/// and sitemap are left out (and robots.txt names no sitemap).
struct FeedWriter {
    let site: SiteSource
    let analysis: Analysis

    static let feed = "feed.xml"
    static let sitemap = "sitemap.xml"
    static let robots = "robots.txt"

    func files(pages: [String]) -> [OutputFile] {
        var files = [(Self.robots, robots())]
        if site.config.hasAbsoluteBaseURL {
            files.append((Self.feed, atom()))
            files.append((Self.sitemap, sitemap(pages: pages)))
        }
        return files.map { OutputFile.fingerprinted(path: $0.0, bytes: Array($0.1.utf8)) }
    }

    func robots() -> String {
        var text = "User-agent: *\nAllow: /\n"
        if let sitemap = site.config.absoluteURL(of: Self.sitemap) { text += "Sitemap: \(sitemap)\n" }
        return text
    }

    /// Releases newest first; the feed's `updated` is the newest entry's.
    func atom() -> String {
        let config = site.config
        let entries = site.releases.compactMap { release -> (stamp: String, xml: String)? in
            guard let stamp = ReleaseDates.timestamp(release), let url = config.absoluteURL(of: Permalinks.release(release.id)) else { return nil }
            var xml = "  <entry>\n"
            xml += "    <id>\(MarkupEscaping.escape(url))</id>\n"
            xml += "    <title>\(MarkupEscaping.escape(release.title))</title>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(MarkupEscaping.escape(url))\"/>\n"
            xml += "    <updated>\(stamp)</updated>\n"
            if let published = release.published { xml += "    <published>\(published.rfc3339)</published>\n" }
            if let category = release.category { xml += "    <category term=\"\(MarkupEscaping.escape(category))\"/>\n" }
            let summary = summaryText(release)
            if !summary.isEmpty { xml += "    <summary xml:lang=\"\(MarkupEscaping.escape(release.language))\">\(MarkupEscaping.escape(summary))</summary>\n" }
            xml += "  </entry>\n"
            return (stamp, xml)
        }
        let updated = entries.map(\.stamp).max { ReleaseDates.utcKey($0) < ReleaseDates.utcKey($1) } ?? "1970-01-01T00:00:00Z"
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(MarkupEscaping.escape(config.language))\">\n"
        xml += "  <id>\(MarkupEscaping.escape(config.baseURL))</id>\n"
        xml += "  <title>\(MarkupEscaping.escape(config.title))</title>\n"
        if !config.description.isEmpty { xml += "  <subtitle>\(MarkupEscaping.escape(config.description))</subtitle>\n" }
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(MarkupEscaping.escape(config.baseURL))\"/>\n"
        xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(MarkupEscaping.escape(config.baseURL + Self.feed))\"/>\n"
        xml += "  <updated>\(updated)</updated>\n"
        xml += "  <author><name>\(MarkupEscaping.escape(config.author ?? config.title))</name></author>\n"
        xml += "  <generator>Communique</generator>\n"
        xml += entries.map(\.xml).joined()
        xml += "</feed>\n"
        return xml
    }

    /// Every HTML page but the 404 page, with the release's date as `lastmod` for its pages.
    func sitemap(pages: [String]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        let dates = Dictionary(site.releases.map { ($0.id, ReleaseDates.timestamp($0)) }, uniquingKeysWith: { a, _ in a })
        // Neither the 404 page nor the search page is content to list.
        for page in pages.sorted() where page.hasSuffix(".html") && page != Permalinks.notFound && page != Permalinks.search {
            guard let url = site.config.absoluteURL(of: page) else { continue }
            xml += "  <url><loc>\(MarkupEscaping.escape(url))</loc>"
            let parts = page.split(separator: "/")
            if parts.count >= 3, parts[0] == "releases", let stamp = dates[String(parts[1])] ?? nil {
                xml += "<lastmod>\(stamp)</lastmod>"
            }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// The lead: the text of the release page's first paragraph.
    func summaryText(_ release: Release) -> String {
        Summary.of(analysis.releaseBodies[release.id])
    }
}

/// A page's description: its first paragraph's text, clipped.
enum Summary {
    static let length = 160

    static func of(_ page: ParsedPage?) -> String {
        guard let page, let first = page.blocks.first(where: { $0.kind == .paragraph }) else { return "" }
        let text = first.plainText.replacingEvery("\n", with: " ")
        return text.count > length ? String(text.prefix(length - 1)) + "…" : text
    }
}
