import CommuniqueJapanese

/// Tags every paragraph (numbered or not) with the topics whose signals it contains,
/// using the glossary's matcher: one pass per paragraph, longest match first.
/// A page's front matter adds (`topics:`) or removes (`not_topics:`) topics by hand.
struct TopicTagger {
    static let relatedLimit = 5

    let topics: [Topic]
    let reader: JapaneseReader?

    func tag(_ site: SiteSource, bodies: [String: ParsedPage], sections: [PageKey: ParsedPage]) -> TopicIndex {
        // A signal shared by two topics is one pattern that tags both.
        var patterns: [String] = []
        var patternTopics: [[Int]] = []
        var patternIndex: [String: Int] = [:]
        for (topicIndex, topic) in topics.enumerated() {
            for signal in Set([topic.title] + topic.signals).sorted() where !signal.isEmpty {
                let key = WidthFolding.fold(signal)
                if let existing = patternIndex[key] {
                    if !patternTopics[existing].contains(topicIndex) { patternTopics[existing].append(topicIndex) }
                } else {
                    patternIndex[key] = patterns.count
                    patterns.append(signal)
                    patternTopics.append([topicIndex])
                }
            }
        }
        let matcher = TermMatcher(patterns: patterns)
        let idIndex = Dictionary(topics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })

        // Releases are tagged on every core and gathered in site order.
        let releases = site.releases
        var tagged = Parallel.map(releases.count) { index -> [(topics: [Int], mentions: [TopicMention])] in
            let release = releases[index]
            let pages = [(PageKey(release: release.id, section: ""), bodies[release.id])]
                + release.sections.map { section -> (PageKey, ParsedPage?) in
                    let key = PageKey(release: release.id, section: section.slug)
                    return (key, sections[key])
                }
            var paragraphs: [(topics: [Int], mentions: [TopicMention])] = []
            for (key, page) in pages {
                guard let page else { continue }
                let added = page.source.addedTopics.compactMap { idIndex[$0] }
                let removed = Set(page.source.removedTopics.compactMap { idIndex[$0] })
                for block in page.blocks {
                    if case .heading = block.kind { continue }
                    let text = block.plainText
                    var found: [Int: [Range<Int>]] = [:]
                    for match in matcher.matches(in: text) {
                        for topic in patternTopics[match.pattern] { found[topic, default: []].append(match.scalarRange) }
                    }
                    for topic in added where found[topic] == nil { found[topic] = [] }
                    for topic in removed { found[topic] = nil }
                    guard !found.isEmpty else { continue }
                    let ref = ParagraphRef(page: key, anchor: block.anchor)
                    let topics = found.keys.sorted()
                    paragraphs.append((topics, topics.map { TopicMention(paragraph: ref, text: text, matches: found[$0]!) }))
                }
            }
            return paragraphs
        }
        var mentions = Array(repeating: [TopicMention](), count: topics.count)
        var byParagraph: [ParagraphRef: [Int]] = [:]
        for index in tagged.indices {
            for paragraph in tagged[index] {
                byParagraph[paragraph.mentions[0].paragraph] = paragraph.topics
                for (topic, mention) in zip(paragraph.topics, paragraph.mentions) { mentions[topic].append(mention) }
            }
            tagged[index] = []  // taken: not two copies of every mention at once
        }

        let readings = topics.map { topic in
            Kana.toHiragana(topic.reading ?? reader?.reading(of: WidthFolding.fold(topic.title)) ?? topic.title)
                .filter { $0 != "・" && $0 != " " }
        }
        let alphabetical = topics.indices.map { (key: Gojuon.sortKey(readings[$0]), index: $0) }
            .sorted { $0.key != $1.key ? $0.key < $1.key : topics[$0.index].id < topics[$1.index].id }
            .map(\.index)
        var children = Array(repeating: [Int](), count: topics.count)
        for (index, topic) in topics.enumerated() {
            if let parent = topic.parent, let up = idIndex[parent], up != index { children[up].append(index) }
        }
        return TopicIndex(
            topics: topics, alphabetical: alphabetical, readings: readings, mentions: mentions,
            topicsByParagraph: byParagraph, children: children, related: Self.coOccurrence(byParagraph, count: topics.count))
    }

    /// Topics that share paragraphs, most shared first (ties by taxonomy order).
    static func coOccurrence(_ byParagraph: [ParagraphRef: [Int]], count: Int) -> [[Int]] {
        var shared = Array(repeating: [Int: Int](), count: count)
        for topics in byParagraph.values {
            for a in topics {
                for b in topics where a != b { shared[a][b, default: 0] += 1 }
            }
        }
        return shared.map { counts in
            counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(relatedLimit).map(\.key)
        }
    }
}
