/// One paragraph that speaks of a topic.
public struct TopicMention: Sendable {
    public var paragraph: ParagraphRef
    /// The paragraph's text, as a reader sees it.
    public var text: String
    /// Where the topic's signals are in `text`, in Unicode scalars; empty when the topic
    /// was added by hand in front matter.
    public var matches: [Range<Int>] {
        guard let firstMatch else { return otherMatches }
        return [Int(firstMatch.lowerBound)..<Int(firstMatch.upperBound)] + otherMatches
    }

    // The first match is kept inline and only further ones in an array: an array for every
    // mention was a heap object for each of hundreds of thousands on a large site.
    private let firstMatch: Range<Int32>?
    private let otherMatches: [Range<Int>]

    public init(paragraph: ParagraphRef, text: String, matches: [Range<Int>]) {
        self.paragraph = paragraph
        self.text = text
        if let first = matches.first, let lower = Int32(exactly: first.lowerBound), let upper = Int32(exactly: first.upperBound) {
            firstMatch = lower..<upper
            otherMatches = Array(matches.dropFirst())
        } else {
            firstMatch = nil
            otherMatches = matches
        }
    }
}

/// Every topic and the paragraphs that mention it, across all releases.
public struct TopicIndex: Sendable {
    /// In `topics.yml` order.
    public let topics: [Topic]
    /// Topic indexes in gojūon order of their readings.
    public let alphabetical: [Int]
    /// Hiragana readings, by topic index.
    public let readings: [String]
    /// By topic index: its mentions, newest release first, then in reading order.
    public let mentions: [[TopicMention]]
    /// The topics of each paragraph, in taxonomy order.
    public let topicsByParagraph: [ParagraphRef: [Int]]
    /// By topic index: its direct sub-topics.
    public let children: [[Int]]
    /// By topic index: topics mentioned in the same paragraphs, most shared first.
    public let related: [[Int]]

    public func index(of id: String) -> Int? { topics.firstIndex { $0.id == id } }

    /// The chain from the root topic down to `index` (地域情勢 › 中国 › 東シナ海).
    public func ancestry(of index: Int) -> [Int] {
        var chain = [index]
        var seen: Set<Int> = [index]
        while let parent = topics[chain[0]].parent, let up = self.index(of: parent), seen.insert(up).inserted {
            chain.insert(up, at: 0)
        }
        return chain
    }
}
