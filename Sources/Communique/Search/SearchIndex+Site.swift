import Foundation

extension SearchIndex {
    /// The index of a site as analysed: paragraphs (any block with text but headings),
    /// glossary entries and topics.
    public init(site: SiteSource, analysis: Analysis) {
        var japanese: [UInt64: [Int32]] = [:]
        var words: [String: [Int32]] = [:]
        func add(_ text: String, document: Int32) {
            for run in SearchText.runs(of: text) {
                switch run {
                case .word(let word):
                    if words[word]?.last != document { words[word, default: []].append(document) }
                case .japanese(let scalars):
                    for index in scalars.indices {
                        let key = Self.key(scalars[index], index + 1 < scalars.count ? scalars[index + 1] : nil)
                        if japanese[key]?.last != document { japanese[key, default: []].append(document) }
                    }
                }
            }
        }
        topics = analysis.topics.topics.map { ($0.id, $0.title) }
        let topicTokens = analysis.topics.topics.map { "#" + $0.id }
        // Oldest first: a new release takes the next numbers.
        for release in site.releases.reversed() {
            let first = documents.count
            let pages = [(PageKey(release: release.id, section: ""), "", analysis.releaseBodies[release.id])]
                + release.sections.map { section -> (PageKey, String, ParsedPage?) in
                    let key = PageKey(release: release.id, section: section.slug)
                    return (key, section.title, analysis.sections[key])
                }
            for (key, sectionTitle, page) in pages {
                for block in page?.blocks ?? [] where !block.isHeading {
                    let text = block.plainText.replacingEvery("\n", with: " ").trimmingCharacters(in: .whitespaces)
                    guard !text.isEmpty else { continue }
                    let ref = ParagraphRef(page: key, anchor: block.anchor)
                    let topicIndexes = analysis.topics.topicsByParagraph[ref] ?? []
                    let number = Int32(documents.count)
                    documents.append(Document(
                        release: releases.count, section: sectionTitle, label: block.marker?.text ?? "",
                        url: Permalinks.page(key) + "#" + block.anchor, text: text, topics: topicIndexes))
                    add(text, document: number)
                    for index in topicIndexes where words[topicTokens[index]]?.last != number {
                        words[topicTokens[index], default: []].append(number)
                    }
                }
            }
            releases.append(Release(
                id: release.id, title: release.title, date: release.date?.iso ?? release.published?.date.iso ?? "",
                url: Permalinks.release(release.id), firstDocument: first, documentCount: documents.count - first))
        }
        for entry in analysis.glossary.entries {
            entries.append(Entry(
                kind: .term, title: entry.term, reading: entry.reading, url: Permalinks.glossaryEntry(entry.id),
                forms: entry.forms, english: entry.english ?? "", text: entry.definition ?? ""))
        }
        for topic in analysis.topics.topics {
            entries.append(Entry(
                kind: .topic, title: topic.title, reading: topic.reading ?? "", url: Permalinks.topic(topic.id),
                forms: [topic.title], english: topic.english ?? "", text: topic.description ?? ""))
        }
        postings = words
        for (key, documents) in japanese { postings[Self.token(key)] = documents }
    }

    /// A Japanese token as a number: its first scalar, then its second or none (a tail).
    static func key(_ first: Unicode.Scalar, _ second: Unicode.Scalar?) -> UInt64 {
        UInt64(first.value) << 21 | UInt64(second?.value ?? 0x1F_FFFF)
    }

    static func token(_ key: UInt64) -> String {
        var token = String.UnicodeScalarView()
        token.append(Unicode.Scalar(UInt32(key >> 21))!)
        let second = UInt32(key & 0x1F_FFFF)
        token.append(second == 0x1F_FFFF ? "$" : Unicode.Scalar(second)!)
        return String(token)
    }
}
