import Foundation

/// schema.org JSON-LD for a release page, so search engines see a dated statement by
/// a publisher about a meeting with named participants.
enum StructuredData {
    static func release(_ release: Release, site: SiteConfig, description: String) -> String {
        var article: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": release.title,
            "inLanguage": release.language,
            "publisher": ["@type": "Organization", "name": site.author ?? site.title],
        ]
        if let url = site.absoluteURL(of: Permalinks.release(release.id)) { article["url"] = url }
        if !description.isEmpty { article["description"] = description }
        if let published = release.published { article["datePublished"] = published.rfc3339 }
        if let category = release.category { article["articleSection"] = category }
        var event: [String: Any] = ["@type": "Event", "name": release.series ?? release.title]
        if let date = release.date { event["startDate"] = date.iso }
        if let place = release.place { event["location"] = ["@type": "Place", "name": place] }
        if !release.participants.isEmpty {
            event["attendee"] = release.participants.map { person -> [String: Any] in
                var entry: [String: Any] = ["@type": "Person", "name": person.name]
                if let title = person.title { entry["jobTitle"] = title }
                if let english = person.english { entry["alternateName"] = english }
                return entry
            }
        }
        article["about"] = event
        guard let data = try? JSONSerialization.data(withJSONObject: article, options: [.sortedKeys, .withoutEscapingSlashes]),
            let json = String(data: data, encoding: .utf8)
        else { return "{}" }
        // Inside <script>, "</" would end the element and "<!--" start a comment: write
        // the characters HTML cares about as JSON escapes, which mean the same to JSON.
        return json.replacingEvery("<", with: "\\u003c").replacingEvery(">", with: "\\u003e").replacingEvery("&", with: "\\u0026")
    }
}
