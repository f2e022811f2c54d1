import Foundation

extension SearchIndex {
    /// The index of a site as analysed: paragraphs (any block with text but headings),
    /// glossary entries and topics. Releases are read on every core, a few dozen at a
    /// time (what each finds is held only until it is merged), then numbered in order.
    ///
    /// `kept`: the text postings of a previous build (`tokens` of its index): releases at
    /// the start that are as it had them (same id, same files' key) are not tokenized again.
    public init(site: SiteSource, analysis: Analysis, kept: SearchTokens? = nil) {
        topics = analysis.topics.topics.map { ($0.id, $0.title) }
        // Oldest first: a new release takes the next numbers.
        let releases = Array(site.releases.reversed())
        let reused = kept?.reusable(for: releases.map { ($0.id, site.releaseKeys[$0.id]) }) ?? (releases: 0, postings: [:])
        var japanese: [UInt64: PostingList] = [:]
        var words: [String: PostingList] = [:]
        for chunk in Parallel.runs(count: releases.count, parts: max(1, releases.count / 32)) {
            let read = Parallel.map(chunk.count) { offset in
                let number = chunk.lowerBound + offset
                return Self.read(releases[number], analysis: analysis, tokenized: number >= reused.releases)
            }
            for (offset, release) in read.enumerated() {
                let model = releases[chunk.lowerBound + offset]
                let first = Int32(documents.count)
                for var document in release.documents {
                    document.release = self.releases.count
                    documents.append(document)
                }
                self.releases.append(Release(
                    id: model.id, title: model.title, date: model.date?.iso ?? model.published?.date.iso ?? "",
                    url: Permalinks.release(model.id), pages: release.pages, firstDocument: Int(first),
                    documentCount: release.documents.count))
                for (key, document) in release.japanese {
                    japanese[key, default: PostingList()].append(first + document)
                }
                for (word, document) in release.words {
                    words[word, default: PostingList()].append(first + document)
                }
            }
        }
        var text = reused.postings
        text.reserveCapacity(text.count + words.count + japanese.count)
        for (word, list) in words { text[word, default: PostingList()].append(contentsOf: list) }
        for (key, list) in japanese { text[Self.token(key), default: PostingList()].append(contentsOf: list) }
        let keptReleases = Self.keptReleases(releases, site: site, counts: self.releases.map(\.documentCount))
        if keptReleases.count == releases.count {
            tokens = SearchTokens(releases: keptReleases, postings: text)
        } else {
            // Only what the kept releases' paragraphs have.
            let bound = Int32(keptReleases.reduce(0) { $0 + $1.documentCount })
            tokens = SearchTokens(releases: keptReleases, postings: SearchTokens.postings(text, below: bound))
        }
        postings = text
        var topicPostings: [String: PostingList] = [:]
        for (number, document) in documents.enumerated() {
            for index in document.topics {
                topicPostings["#" + topics[index].id, default: PostingList()].append(Int32(number))
            }
        }
        postings.merge(topicPostings) { _, topic in topic }
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
        // Each entry's forms' candidates as one list (`@<entry>`): a query naming it loads that.
        let index = self
        let entryPostings = Parallel.map(entries.count) { SearchQuery.entryCandidates(index.entries[$0], in: index) }
        for (entry, documents) in entryPostings.enumerated() where !documents.isEmpty {
            postings["@\(entry)"] = PostingList(documents)
        }
    }

    /// The releases whose tokens can be kept: from the oldest up to the first without a
    /// files' key (an untracked one), so a later build never reuses what it cannot check.
    private static func keptReleases(_ releases: [Communique.Release], site: SiteSource, counts: [Int]) -> [SearchTokens.Release] {
        var kept: [SearchTokens.Release] = []
        for (release, count) in zip(releases, counts) {
            guard let key = site.releaseKeys[release.id] else { break }
            kept.append(SearchTokens.Release(id: release.id, key: key, documentCount: count))
        }
        return kept
    }

    /// One release's pages and paragraphs and, when `tokenized`, its text's tokens as
    /// (token, paragraph) pairs, paragraphs numbered from 0 within the release, each pair
    /// once, in paragraph order. Topics are not tokens here (see `init`).
    private static func read(_ release: Communique.Release, analysis: Analysis, tokenized: Bool)
        -> (pages: [Page], documents: [Document], japanese: [(UInt64, Int32)], words: [(String, Int32)])
    {
        var japanese: [(UInt64, Int32)] = []
        var words: [(String, Int32)] = []
        let keys = [PageKey(release: release.id, section: "")]
            + release.sections.map { PageKey(release: release.id, section: $0.slug) }
        let pages = [Page(title: "", url: Permalinks.release(release.id))]
            + release.sections.map { Page(title: $0.title, url: Permalinks.section(release.id, $0.slug)) }
        var documents: [Document] = []
        var seenJapanese = Set<UInt64>(), seenWords = Set<String>()
        for (page, key) in keys.enumerated() {
            let parsed = page == 0 ? analysis.releaseBodies[release.id] : analysis.sections[key]
            for block in parsed?.blocks ?? [] where !block.isHeading {
                let text = OneLine.trimmed(block.plainText)
                guard !text.isEmpty else { continue }
                let topicIndexes = analysis.topics.topicsByParagraph[ParagraphRef(page: key, anchor: block.anchor)] ?? []
                let number = Int32(documents.count)
                documents.append(Document(
                    release: 0, page: page, label: block.marker?.text ?? "", anchor: block.anchor, text: text, topics: topicIndexes))
                guard tokenized else { continue }
                seenJapanese.removeAll(keepingCapacity: true)
                seenWords.removeAll(keepingCapacity: true)
                for run in SearchText.runs(of: text) {
                    switch run {
                    case .word(let word):
                        if seenWords.insert(word).inserted { words.append((word, number)) }
                    case .japanese(let scalars):
                        for index in scalars.indices {
                            let key = Self.key(scalars[index], index + 1 < scalars.count ? scalars[index + 1] : nil)
                            if seenJapanese.insert(key).inserted { japanese.append((key, number)) }
                        }
                    }
                }
            }
        }
        return (pages, documents, japanese, words)
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
