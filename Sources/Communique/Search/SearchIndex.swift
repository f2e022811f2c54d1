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
    /// tails (`SearchText.tokens`); words are whole; `#<topic id>` lists a topic's paragraphs.
    public var postings: [String: [Int32]] = [:]

    public static func == (a: SearchIndex, b: SearchIndex) -> Bool {
        a.releases == b.releases && a.documents == b.documents && a.entries == b.entries
            && a.topics.map(\.id) == b.topics.map(\.id) && a.topics.map(\.title) == b.topics.map(\.title)
            && a.postings == b.postings
    }
}
