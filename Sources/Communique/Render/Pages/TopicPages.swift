/// The topic index (`topics/index.html`) and one page per topic (`topics/<id>/`):
/// every paragraph that mentions the topic, newest release first, as a line of
/// context with the matched words highlighted, linking to the paragraph.
struct TopicPages {
    let site: SiteSource
    let topics: TopicIndex
    /// Each release's sentences' lineage (`SeriesComparisons.lineage`), for "how the wording changed".
    var lineage: [String: SentenceLineage] = [:]

    func summary(_ index: Int, from page: String) -> TopicSummary {
        let topic = topics.topics[index]
        return TopicSummary(
            id: topic.id, title: topic.title, reading: topics.readings[index], english: topic.english,
            count: topics.mentions[index].count, url: Permalinks.relative(from: page, to: Permalinks.topic(topic.id)))
    }

    /// Most-mentioned topics first (ties in taxonomy order), those with no mention left out.
    func mostMentioned(from page: String, limit: Int) -> [TopicSummary] {
        topics.topics.indices.filter { !topics.mentions[$0].isEmpty }
            .sorted { (topics.mentions[$0].count, -$0) > (topics.mentions[$1].count, -$1) }
            .prefix(limit).map { summary($0, from: page) }
    }

    func renderIndex(into pages: inout PageRenderer) throws {
        let path = Permalinks.topicsIndex
        var groups: [String: [TopicSummary]] = [:]
        for index in topics.alphabetical {
            groups[Gojuon.group(of: topics.readings[index]), default: []].append(summary(index, from: path))
        }
        let byReading = Gojuon.groupOrder.enumerated().compactMap { position, name -> TopicsIndexPage.Group? in
            guard let items = groups[name] else { return nil }
            return TopicsIndexPage.Group(name: name, anchor: "group-\(position + 1)", topics: items)
        }
        let roots = topics.topics.indices.filter { index in
            guard let parent = topics.topics[index].parent else { return true }
            return topics.index(of: parent) == nil
        }
        var frame = pages.frame(for: path, lang: site.config.language, title: pages.labels["topics"]!)
        frame.breadcrumbs = [pages.crumb(pages.labels["home"]!, Permalinks.home)(path)]
        try pages.render(path, template: "topics", frame: frame, model: TopicsIndexPage(
            groups: byReading, tree: roots.map { tree($0, from: path) }))
    }

    /// A topic with its sub-topics, nested, for the "by theme" list.
    private func tree(_ index: Int, from page: String) -> TopicNode {
        let topic = summary(index, from: page)
        let children = topics.children[index].map { tree($0, from: page) }
        return TopicNode(
            id: topic.id, title: topic.title, reading: topic.reading, english: topic.english, count: topic.count, url: topic.url,
            children: children, hasChildren: !children.isEmpty)
    }

    /// A topic's mentions by year (see `YearPages`).
    func years(of index: Int) -> YearPages<TopicMention> {
        let id = topics.topics[index].id
        return YearPages(
            topics.mentions[index], site: site, release: { $0.paragraph.page.release },
            main: Permalinks.topic(id), yearPage: { Permalinks.topicYear(id, $0) })
    }

    /// The topic's page, or (`year`) the page of one of its older years. A year's page
    /// leaves out the sub-topic and related-topic lists: the topic's page has them, and
    /// their counts change with every year.
    /// `years`: `years(of: index)`, made once for the topic's page and all its years'.
    func renderTopic(_ index: Int, year: String? = nil, years: YearPages<TopicMention>, into pages: inout PageRenderer) throws {
        let topic = topics.topics[index]
        let path = years.path(of: year)
        let shown = years.items(of: year)
        var byRelease: [(release: Release, items: [TopicPage.Mention])] = []
        for mention in shown {
            guard let release = site.release(withID: mention.paragraph.page.release) else { continue }
            let item = TopicPage.Mention(
                place: pages.placeNames.placeName(of: mention.paragraph, withRelease: false),
                url: Permalinks.relative(from: path, to: Permalinks.page(mention.paragraph.page)) + "#\(mention.paragraph.anchor)",
                lineHtml: KeywordInContext.html(KeywordInContext.line(mention)))
            if byRelease.last?.release.id == release.id {
                byRelease[byRelease.count - 1].items.append(item)
            } else {
                byRelease.append((release, [item]))
            }
        }
        let yearLinks = years.navigation(on: year, labels: pages.labels)
        let ancestry = topics.ancestry(of: index).dropLast()
        var crumbs = [pages.crumb(pages.labels["home"]!, Permalinks.home), pages.crumb(pages.labels["topics"]!, Permalinks.topicsIndex)]
            + ancestry.map { pages.crumb(topics.topics[$0].title, Permalinks.topic(topics.topics[$0].id)) }
        let yearLabel = year.map { YearPages<TopicMention>.label($0, labels: pages.labels) }
        if yearLabel != nil { crumbs.append(pages.crumb(topic.title, Permalinks.topic(topic.id))) }
        let children = year == nil ? topics.children[index].map { summary($0, from: path) } : []
        let related = year == nil ? topics.related[index].map { summary($0, from: path) } : []
        let phrases = WordingPhrases(site: site, labels: pages.labels)
        let changes = year != nil ? [] : wordingChanges(of: index, pages: pages).compactMap { paragraph, sentence -> TopicPage.WordingChange? in
            guard let release = site.release(withID: paragraph.page.release),
                let item = WordingHistory.of([sentence], from: path, phrases: phrases)?.sentences.first
            else { return nil }
            return TopicPage.WordingChange(
                releaseTitle: release.title, language: release.language, date: release.date?.iso,
                dateDisplay: release.date.map { DateDisplay.format($0, language: site.config.language) },
                place: pages.placeNames.placeName(of: paragraph, withRelease: false),
                url: Permalinks.relative(from: path, to: Permalinks.page(paragraph.page)) + "#\(paragraph.anchor)", sentence: item)
        }
        var frame = pages.frame(for: path, lang: site.config.language, title: topic.title + (yearLabel.map { " (\($0))" } ?? ""))
        frame.crumbTitle = yearLabel ?? topic.title
        frame.breadcrumbs = crumbs.map { $0(path) }
        try pages.render(path, template: "topic", frame: frame, model: TopicPage(
            topic: TopicPage.Topic(
                id: topic.id, title: topic.title, reading: topics.readings[index], english: topic.english,
                description: topic.description, count: year == nil ? topics.mentions[index].count : shown.count),
            releases: byRelease.map { group in
                TopicPage.ReleaseMentions(
                    title: group.release.title, language: group.release.language,
                    url: Permalinks.relative(from: path, to: Permalinks.release(group.release.id)),
                    date: group.release.date?.iso,
                    dateDisplay: group.release.date.map { DateDisplay.format($0, language: site.config.language) },
                    mentions: group.items)
            },
            hasMentions: !byRelease.isEmpty,
            years: yearLinks, hasYears: !yearLinks.isEmpty,
            children: children, hasChildren: !children.isEmpty,
            relatedTopics: related, hasRelatedTopics: !related.isEmpty,
            wordingChanges: changes, hasWordingChanges: !changes.isEmpty))
    }

    /// How many changed sentences a topic's page shows.
    static let wordingChangeCount = 12

    /// The newest sentences of the topic's paragraphs that reword an earlier meeting's or
    /// are new language (in a release that has an earlier meeting: in a first meeting every
    /// sentence is new), newest release first.
    func wordingChanges(of index: Int, pages: PageRenderer) -> [(paragraph: ParagraphRef, sentence: SentenceLineage.Sentence)] {
        var found: [(ParagraphRef, SentenceLineage.Sentence)] = []
        for mention in topics.mentions[index] where pages.hasPreviousMeeting(mention.paragraph.page.release) {
            let sentences = lineage[mention.paragraph.page.release]?.paragraphs[mention.paragraph] ?? []
            for sentence in sentences where sentence.origin?.isUnchanged != true {
                found.append((mention.paragraph, sentence))
                if found.count == Self.wordingChangeCount { return found }
            }
        }
        return found
    }

    /// The key of the page `renderTopic` makes (see `UnitKey`): everything it reads,
    /// with each mention's text and matches in place of the line made from them.
    func key(_ index: Int, year: String?, years: YearPages<TopicMention>, pages: PageRenderer, templates: TemplateSet) -> String {
        var key = UnitKey(kind: "topic", templates: templates, names: ["topic"], config: site.config)
        let topic = topics.topics[index]
        for value in [topic.id, topic.title, topics.readings[index], topic.english, topic.description, year] { key.combine(value) }
        // A year's page counts only its own mentions (listed below): a new release elsewhere leaves it alone.
        if year == nil { key.combine(topics.mentions[index].count) }
        for group in years.groups { key.combine(group.year) }
        for ancestor in topics.ancestry(of: index) {
            key.combine(topics.topics[ancestor].id)
            key.combine(topics.topics[ancestor].title)
        }
        if year == nil {
            for (paragraph, sentence) in wordingChanges(of: index, pages: pages) {
                key.combine(paragraph)
                key.combine(site.release(withID: paragraph.page.release)?.language)
                key.combine(sentence.text)
                key.combine(sentence.origin.map { [$0.earlier.release, $0.earlier.section, $0.earlier.anchor, $0.earlier.text, $0.since].joined(separator: "\n") })
                for id in [paragraph.page.release, sentence.origin?.earlier.release, sentence.origin?.since].compactMap({ $0 }) {
                    key.combine(site.release(withID: id)?.date?.iso)
                    key.combine(site.release(withID: id)?.title)
                }
                pages.placeNames.combinePlace(of: paragraph, into: &key)
            }
            key.combine(model: topics.children[index].map { summary($0, from: Permalinks.home) })
            key.combine(model: topics.related[index].map { summary($0, from: Permalinks.home) })
        }
        for mention in years.items(of: year) {
            key.combine(mention.paragraph)
            pages.placeNames.combinePlace(of: mention.paragraph, into: &key)
            let release = site.release(withID: mention.paragraph.page.release)
            key.combine(release?.date?.iso)
            key.combine(release?.language)
            key.combine(text: mention.text, of: mention.paragraph, site: site)
            for match in mention.matches {
                key.combine(match.lowerBound)
                key.combine(match.upperBound)
            }
            key.combine(-1)
        }
        return key.hex
    }
}
