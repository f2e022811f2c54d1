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
    public static let topicsIndex = "topics/index.html"

    public static func topic(_ id: String) -> String { "topics/\(id)/index.html" }
    public static func series(_ slug: String) -> String { "series/\(slug)/index.html" }

    public static func release(_ id: String) -> String { "releases/\(id)/index.html" }
    /// A release's own page when `key.section` is "", else the section page.
    public static func page(_ key: PageKey) -> String {
        key.section.isEmpty ? release(key.release) : section(key.release, key.section)
    }
    public static func section(_ release: String, _ slug: String) -> String { "releases/\(release)/\(slug)/index.html" }
    public static func printable(_ release: String) -> String { section(release, printSlug) }

    /// `to` as seen from the page at `from`: `releases/x/a/index.html` → `index.html`
    /// gives `../../../index.html`.
    public static func relative(from: String, to: String) -> String {
        let fromDirs = from.split(separator: "/").dropLast()
        let target = to.split(separator: "/", omittingEmptySubsequences: false)
        var common = 0
        while common < fromDirs.count, common < target.count - 1, fromDirs[fromDirs.startIndex + common] == target[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: fromDirs.count - common)
        let rest = target[common...].map(String.init)
        return (ups + rest).joined(separator: "/")
    }

    /// The prefix that leads from `page` back to the output root (`../../`), or "".
    public static func rootPrefix(from page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }
}
