import CommuniqueHTML
import Foundation

/// What a page's `<head>` says about it: `<title>`, OpenGraph and article `<meta>` tags.
struct HTMLPageMetadata {
    /// `<title>`, whitespace collapsed.
    var title: String?
    /// `og:title`, else `twitter:title`.
    var openGraphTitle: String?
    /// `og:site_name`: the site's name, to take off the end of a `<title>`.
    var siteName: String?
    /// `description`, else `og:description`.
    var description: String?
    /// `article:published_time` (or `date`, `dc.date`…), as written.
    var publishedTime: String?
    /// `article:section`.
    var section: String?

    init(head: HTMLElement?) {
        guard let head else { return }
        var meta: [String: String] = [:]
        for element in head.descendants(where: { $0.name == "meta" || $0.name == "title" }) {
            if element.name == "title" {
                if title == nil { title = HTMLInlineText.collapse(element.textContent) }
                continue
            }
            guard let key = (element.attribute("property") ?? element.attribute("name") ?? element.attribute("itemprop"))?.lowercased(),
                let content = element.attribute("content").map(HTMLInlineText.collapse), !content.isEmpty, meta[key] == nil
            else { continue }
            meta[key] = content
        }
        openGraphTitle = meta["og:title"] ?? meta["twitter:title"]
        siteName = meta["og:site_name"]
        description = meta["description"] ?? meta["og:description"]
        publishedTime = ["article:published_time", "datepublished", "date", "dc.date", "dcterms.issued", "pubdate"].lazy.compactMap { meta[$0] }.first
        section = meta["article:section"]
        if title?.allSatisfy(\.isWhitespace) == true { title = nil }
        if openGraphTitle?.allSatisfy(\.isWhitespace) == true { openGraphTitle = nil }
    }

    /// The page's title without the site's name after it: `日米外相会談 | 外務省` → `日米外相会談`.
    var pageTitle: String? {
        guard let raw = openGraphTitle ?? title else { return nil }
        for separator in [" | ", "｜", " - ", " – ", " — ", " :: "] {
            guard let range = raw.range(of: separator, options: .backwards) else { continue }
            let rest = raw[range.upperBound...].trimmingCharacters(in: .whitespaces)
            // Only a site name comes off: a short last part (or the one og:site_name gives).
            if rest == siteName || (siteName == nil && rest.count <= 30 && raw[..<range.lowerBound].count > rest.count) {
                return raw[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            }
        }
        return raw
    }

    /// An ISO 8601 date or date and time (`2024-07-28`, `2024-07-28T10:30:00+09:00`) as written:
    /// the local date and time, the offset left aside.
    static func isoDate(_ text: String) -> StatementDate? {
        guard let m = text.trimmingCharacters(in: .whitespaces).prefixMatch(of: isoPattern) else { return nil }
        let (year, month, day) = (Int(m.output.year) ?? 0, Int(m.output.month) ?? 0, Int(m.output.day) ?? 0)
        if let hour = m.output.hour.flatMap({ Int($0) }), let minute = m.output.minute.flatMap({ Int($0) }) {
            return StatementDate(year: year, month: month, day: day, hour: hour, minute: minute)
        }
        return StatementDate(year: year, month: month, day: day)
    }

    nonisolated(unsafe) static let isoPattern = compiledOnce(/(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})(?:[T ](?<hour>\d{2}):(?<minute>\d{2}))?/)
}
