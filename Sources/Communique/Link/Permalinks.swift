/// Where every page is written, and the relative links between them.
///
/// Paths are relative to the output folder and always end in `index.html`, so a link
/// works at a domain root, under a sub-path and from `file://` alike.
public enum Permalinks {
    /// The slug of the whole-statement (printable) page; reserved for section slugs.
    public static let printSlug = "all"

    public static let home = "index.html"
    public static let notFound = "404.html"
    public static let stylesheet = "assets/style.css"

    public static let glossary = "glossary/index.html"

    public static func glossaryEntry(_ id: String) -> String { "glossary/\(id)/index.html" }
    /// An older year of a glossary entry's uses (the entry's page shows the newest).
    public static func glossaryEntryYear(_ id: String, _ year: String) -> String { "glossary/\(id)/\(year)/index.html" }
    public static let topicsIndex = "topics/index.html"
    /// The search page; its index files are beside it (`SearchFiles`).
    public static let search = "search/index.html"

    public static func topic(_ id: String) -> String { "topics/\(id)/index.html" }
    /// An older year of a topic's mentions (the topic's page shows the newest).
    public static func topicYear(_ id: String, _ year: String) -> String { "topics/\(id)/\(year)/index.html" }
    public static func series(_ slug: String) -> String { "series/\(slug)/index.html" }

    public static func release(_ id: String) -> String { "releases/\(id)/index.html" }
    /// A release's own page when `key.section` is "", else the section page.
    public static func page(_ key: PageKey) -> String {
        key.section.isEmpty ? release(key.release) : section(key.release, key.section)
    }
    public static func section(_ release: String, _ slug: String) -> String { "releases/\(release)/\(slug)/index.html" }
    public static func printable(_ release: String) -> String { section(release, printSlug) }
    /// The slug of a release's changes page; reserved for section slugs.
    public static let changesSlug = "changes"
    /// What changed since the previous meeting of the release's series.
    public static func changes(_ release: String) -> String { section(release, changesSlug) }
    /// Slugs a section cannot have: the release's own pages use them.
    public static let reservedSlugs: Set<String> = [printSlug, changesSlug]

    /// `to` as seen from the page at `from`: `releases/x/a/index.html` → `index.html`
    /// gives `../../../index.html`.
    public static func relative(from: String, to: String) -> String {
        // On UTF-8 bytes: this runs for every link of every page.
        let slash = UInt8(ascii: "/")
        var source = from.utf8[...], target = to.utf8[...]
        // Folders the two paths share are skipped ("releases/x/" in both).
        while let cut = source.firstIndex(of: slash), let targetCut = target.firstIndex(of: slash),
            source[..<cut].elementsEqual(target[..<targetCut])
        {
            source = source[source.index(after: cut)...]
            target = target[target.index(after: targetCut)...]
        }
        let ups = source.reduce(0) { $1 == slash ? $0 + 1 : $0 }
        return String(repeating: "../", count: ups) + String(Substring(target))
    }

    /// The prefix that leads from `page` back to the output root (`../../`), or "".
    public static func rootPrefix(from page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }
}
