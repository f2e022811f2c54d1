/// The topic index (`topics/index.html`) and one page per topic (`topics/<id>/`):
/// every paragraph that mentions the topic, newest release first, as a line of
/// context with the matched words highlighted, linking to the paragraph.
struct TopicPages {
    let site: SiteSource
    let topics: TopicIndex

    func summary(_ index: Int, from page: String) -> [String: Any] {
        let topic = topics.topics[index]
        return [
            "id": topic.id, "title": topic.title, "reading": topics.readings[index],
            "english": topic.english ?? false, "count": topics.mentions[index].count,
            "url": Permalinks.relative(from: page, to: Permalinks.topic(topic.id)),
        ]
    }

    /// Most-mentioned topics first (ties in taxonomy order), those with no mention left out.
    func mostMentioned(from page: String, limit: Int) -> [[String: Any]] {
        topics.topics.indices.filter { !topics.mentions[$0].isEmpty }
            .sorted { (topics.mentions[$0].count, -$0) > (topics.mentions[$1].count, -$1) }
            .prefix(limit).map { summary($0, from: page) }
    }

    func renderIndex(into pages: inout PageRenderer) throws {
        let path = Permalinks.topicsIndex
        var groups: [String: [[String: Any]]] = [:]
        for index in topics.alphabetical {
            groups[Gojuon.group(of: topics.readings[index]), default: []].append(summary(index, from: path))
        }
        let byReading = Gojuon.groupOrder.enumerated().compactMap { position, name -> [String: Any]? in
            guard let items = groups[name] else { return nil }
            return ["name": name, "anchor": "group-\(position + 1)", "topics": items]
        }
        let roots = topics.topics.indices.filter { index in
            guard let parent = topics.topics[index].parent else { return true }
            return topics.index(of: parent) == nil
        }
        try pages.render(path, template: "topics", lang: site.config.language, title: pages.labels["topics"]!, values: [
            "groups": byReading,
            "tree": roots.map { tree($0, from: path) },
            "breadcrumbs": [pages.crumb(pages.labels["home"]!, Permalinks.home)(path)],
        ])
    }

    /// A topic with its sub-topics, nested, for the "by theme" list.
    private func tree(_ index: Int, from page: String) -> [String: Any] {
        var node = summary(index, from: page)
        let children = topics.children[index].map { tree($0, from: page) }
        node["children"] = children
        node["has_children"] = !children.isEmpty
        return node
    }

    /// A topic's mentions grouped by the year of their release, newest year first.
    /// The topic's page shows the newest year; each older year has a page of its own
    /// (`topics/<id>/<year>/`): on a site of hundreds of releases a topic has thousands
    /// of mentions, and a new release then changes one year's page, not all of them.
    /// So a year's page shows nothing that other years change: its own count, the
    /// years without counts, and no sub-topic or related-topic lists (the topic's page
    /// has them).
    func years(of index: Int) -> [(year: String, mentions: [TopicMention])] {
        var years: [(year: String, mentions: [TopicMention])] = []
        for mention in topics.mentions[index] {
            let year = site.release(withID: mention.paragraph.page.release)?.date.map { String($0.prefix(4)) } ?? Self.undatedSlug
            if years.last?.year == year {
                years[years.count - 1].mentions.append(mention)
            } else {
                years.append((year, [mention]))
            }
        }
        return years
    }

    static let undatedSlug = "undated"

    /// The topic's page, or (`year`) the page of one of its older years.
    func renderTopic(_ index: Int, year: String? = nil, into pages: inout PageRenderer) throws {
        let topic = topics.topics[index]
        let years = years(of: index)
        let shown = year ?? years.first?.year
        let path = year.map { Permalinks.topicYear(topic.id, $0) } ?? Permalinks.topic(topic.id)
        var byRelease: [(release: Release, items: [[String: Any]])] = []
        for mention in years.first(where: { $0.year == shown })?.mentions ?? [] {
            guard let release = site.release(withID: mention.paragraph.page.release) else { continue }
            let item: [String: Any] = [
                "place": pages.placeNames.placeName(of: mention.paragraph, withRelease: false),
                "url": Permalinks.relative(from: path, to: Permalinks.page(mention.paragraph.page)) + "#\(mention.paragraph.anchor)",
                "line_html": KeywordInContext.html(KeywordInContext.line(mention)),
            ]
            if byRelease.last?.release.id == release.id {
                byRelease[byRelease.count - 1].items.append(item)
            } else {
                byRelease.append((release, [item]))
            }
        }
        func label(_ year: String) -> String { year == Self.undatedSlug ? pages.labels["undated"]! : year }
        let yearLinks = years.enumerated().map { position, group -> [String: Any] in
            let target = position == 0 ? Permalinks.topic(topic.id) : Permalinks.topicYear(topic.id, group.year)
            return ["year": label(group.year), "url": Permalinks.relative(from: path, to: target), "is_current": group.year == shown]
        }
        let ancestry = topics.ancestry(of: index).dropLast()
        var crumbs = [pages.crumb(pages.labels["home"]!, Permalinks.home), pages.crumb(pages.labels["topics"]!, Permalinks.topicsIndex)]
            + ancestry.map { pages.crumb(topics.topics[$0].title, Permalinks.topic(topics.topics[$0].id)) }
        var title = topic.title
        if let year {
            crumbs.append(pages.crumb(topic.title, Permalinks.topic(topic.id)))
            title += " (\(label(year)))"
        }
        let children = year == nil ? topics.children[index].map { summary($0, from: path) } : []
        let related = year == nil ? topics.related[index].map { summary($0, from: path) } : []
        let count = year == nil ? topics.mentions[index].count : years.first { $0.year == year }?.mentions.count ?? 0
        try pages.render(path, template: "topic", lang: site.config.language, title: title, values: [
            "topic": [
                "id": topic.id, "title": topic.title, "reading": topics.readings[index], "english": topic.english ?? false,
                "description": topic.description ?? false, "count": count,
            ],
            "releases": byRelease.map { group -> [String: Any] in
                [
                    "title": group.release.title, "language": group.release.language,
                    "url": Permalinks.relative(from: path, to: Permalinks.release(group.release.id)),
                    "date": group.release.date ?? false,
                    "date_display": group.release.date.map { DateDisplay.format($0, language: site.config.language) } ?? false,
                    "mentions": group.items,
                ]
            },
            "has_mentions": !byRelease.isEmpty,
            "years": yearLinks, "has_years": yearLinks.count > 1,
            "children": children, "has_children": !children.isEmpty,
            "related_topics": related, "has_related_topics": !related.isEmpty,
            "crumb_title": year.map(label) ?? topic.title,
            "breadcrumbs": crumbs.map { $0(path) },
        ])
    }

    /// Keys of the pages' list items, for the template check (see `PageRenderer.itemKeys`).
    static var itemKeys: [String: Any] {
        let summary: [String: Any] = ["id": "", "title": "", "reading": "", "english": "", "count": 0, "url": "", "children": [[String: Any]](), "has_children": false]
        return [
            "groups": [["name": "", "anchor": "", "topics": [summary]]], "tree": [summary],
            "releases": [["title": "", "language": "", "url": "", "date": "", "date_display": "", "mentions": [["place": "", "url": "", "line_html": ""]]]],
            "topic_chips": [["title": "", "url": ""]], "has_topic_chips": true, "top_topics": [summary], "has_topics": true,
            "topic": ["id": "", "title": "", "reading": "", "english": "", "description": "", "count": 0],
            "years": [["year": "", "url": "", "is_current": true]], "has_years": true,
            "has_mentions": true, "related_topics": [summary], "has_related_topics": true,
        ]
    }
}
