/// What the search page searches: every paragraph of every release, every glossary entry
/// and every topic, with the tokens each paragraph is found by (`SearchText`).
///
/// Paragraphs are numbered oldest release first, so a new release takes the next numbers and
/// leaves every other paragraph's number, and the shards that do not hold its tokens, as
/// they were. Results are shown newest first: highest number first.
public struct SearchIndex: Sendable, Equatable {
    public struct Release: Sendable, Equatable {
        public var id: String
        public var title: String
        /// `yyyy-mm-dd`, or "" when the release has no date.
        public var date: String
        /// Site-root-relative path of the release's page.
        public var url: String
        /// Its pages: its own (title "") and its sections, in order.
        public var pages: [Page]
        /// Its paragraphs are `firstDocument..<firstDocument + documentCount`.
        public var firstDocument: Int
        public var documentCount: Int
    }

    public struct Page: Sendable, Equatable {
        /// The section's title; "" for the release's own page (lead and preamble).
        public var title: String
        /// Site-root-relative path.
        public var url: String
    }

    public struct Document: Sendable, Equatable {
        public var release: Int
        /// Index in its release's `pages`.
        public var page: Int
        /// The paragraph's number as printed ("(3)", "3."), or "".
        public var label: String
        /// The paragraph's anchor on its page.
        public var anchor: String
        public var text: String
        /// Topic indexes, in taxonomy order.
        public var topics: [Int]
    }

    /// A glossary entry or a topic: found by its names, shown before paragraphs.
    public struct Entry: Sendable, Equatable {
        public enum Kind: String, Sendable { case term, topic }
        public var kind: Kind
        public var title: String
        public var reading: String
        public var url: String
        /// The names the text uses for it: a query equal to one finds the paragraphs with any.
        public var forms: [String]
        /// Its English name, or "": searched with its names.
        public var english: String
        /// Its definition or description, shown, not searched: a query finds an entry by its
        /// names, and the paragraphs that use a word, not every entry whose gloss does.
        public var text: String
    }

    public var releases: [Release] = []
    public var documents: [Document] = []
    public var entries: [Entry] = []
    /// Topic ids and titles, by topic index (for the topic filter).
    public var topics: [(id: String, title: String)] = []
    /// Token → the documents that have it, ascending. Japanese tokens are bigrams and
    /// tails (`SearchText.tokens`); words are whole; `#<topic id>` lists a topic's paragraphs;
    /// `@<entry index>` the candidates of all of an entry's forms (`SearchQuery.entryCandidates`).
    public var postings: [String: PostingList] = [:]
    /// The postings of the paragraphs' text alone, with the releases they are of: what the
    /// next build can keep (`init(site:analysis:kept:)`).
    public var tokens = SearchTokens()

    public static func == (a: SearchIndex, b: SearchIndex) -> Bool {
        a.releases == b.releases && a.documents == b.documents && a.entries == b.entries
            && a.topics.map(\.id) == b.topics.map(\.id) && a.topics.map(\.title) == b.topics.map(\.title)
            && a.postings == b.postings
    }
}

/// The documents that have a token, ascending, kept as the index files write them (the
/// differences, in `SearchFiles.digits`): a posting takes one or two bytes, not four, and
/// a 2,000-release site has millions.
public struct PostingList: Sendable, Equatable {
    public private(set) var bytes: [UInt8] = []
    public private(set) var count = 0
    /// The highest document, or -1 when there is none.
    public private(set) var last: Int32 = -1

    public init() {}

    /// A list as `bytes` wrote it; nil unless every digit is one of `SearchFiles.digits`,
    /// the last one ends a number, and every difference is at least 1.
    public init?(encoded: [UInt8]) {
        var value: UInt64 = 0, shift: UInt64 = 0
        for byte in encoded {
            guard let digit = SearchFiles.digitValue(byte) else { return nil }
            value |= UInt64(digit & 31) << shift
            if digit >= 32 {
                shift += 5
                guard shift <= 30 else { return nil }
                continue
            }
            guard value >= 1, Int64(last) + Int64(value) <= Int64(Int32.max) else { return nil }
            last += Int32(value)
            count += 1
            value = 0
            shift = 0
        }
        guard shift == 0 else { return nil }
        bytes = encoded
    }

    public init(_ documents: [Int32]) {
        for document in documents { append(document) }
    }

    /// Adds a document after every one already there.
    public mutating func append(_ document: Int32) {
        precondition(document > last, "postings are appended in order")
        var value = UInt32(document - last)
        last = document
        count += 1
        while value >= 32 {
            bytes.append(SearchFiles.digits[Int(32 + value & 31)])
            value >>= 5
        }
        bytes.append(SearchFiles.digits[Int(value)])
    }

    /// Adds another list's documents, all after every one already here.
    public mutating func append(contentsOf other: PostingList) {
        guard count > 0 else { self = other; return }
        for document in other.documents { append(document) }
    }

    /// The documents below `bound`.
    public func prefix(below bound: Int32) -> PostingList {
        guard last >= bound else { return self }
        var prefix = PostingList()
        for document in documents {
            guard document < bound else { break }
            prefix.append(document)
        }
        return prefix
    }

    public var documents: [Int32] {
        var documents: [Int32] = []
        documents.reserveCapacity(count)
        var value: UInt32 = 0, shift: UInt32 = 0, previous: Int32 = -1
        for byte in bytes {
            let digit = UInt32(SearchFiles.digitValues[Int(byte)])
            value |= (digit & 31) << shift
            if digit >= 32 { shift += 5; continue }
            previous += Int32(value)
            documents.append(previous)
            value = 0
            shift = 0
        }
        return documents
    }
}
