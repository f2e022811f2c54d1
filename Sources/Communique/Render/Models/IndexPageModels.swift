/// The glossary's and the topics' pages (see PageModels.swift).

// MARK: - Glossary

struct GlossaryEntryItem: Codable {
    struct Use: Codable {
        var url: String
        var place: String
        var snippet: String
    }
    struct SeeAlso: Codable {
        var id: String
        var term: String
        var url: String
    }
    var id: String
    var term: String
    var reading: String
    var showReading: Bool
    var aliasesText: String?
    var english: String?
    var title: String?
    var englishTitle: String?
    var definition: String?
    var categoryLabel: String
    var seeAlso: [SeeAlso]
    var hasSeeAlso: Bool
    var uses: [Use]
    var hasUses: Bool
    var useCount: Int
    var url: String
}

struct GlossaryIndexPage: Codable {
    struct Group: Codable {
        var name: String
        var anchor: String
        var entries: [GlossaryEntryItem]
    }
    var groups: [Group]
}

struct GlossaryEntryPage: Codable {
    var entry: GlossaryEntryItem
    var years: [YearLink]
    var hasYears: Bool
}

// MARK: - Topics

struct TopicSummary: Codable {
    var id: String
    var title: String
    var reading: String
    var english: String?
    var count: Int
    var url: String
}

/// A topic in the tree of topics, with its narrower topics.
struct TopicNode: Codable {
    var id: String
    var title: String
    var reading: String
    var english: String?
    var count: Int
    var url: String
    var children: [TopicNode]
    var hasChildren: Bool
}

struct TopicsIndexPage: Codable {
    struct Group: Codable {
        var name: String
        var anchor: String
        var topics: [TopicSummary]
    }
    var groups: [Group]
    var tree: [TopicNode]
}

struct TopicPage: Codable {
    struct Topic: Codable {
        var id: String
        var title: String
        var reading: String
        var english: String?
        var description: String?
        var count: Int
    }
    struct Mention: Codable {
        var place: String
        var url: String
        var lineHtml: String
    }
    struct ReleaseMentions: Codable {
        var title: String
        var language: String
        var url: String
        var date: String?
        var dateDisplay: String?
        var mentions: [Mention]
    }
    var topic: Topic
    var releases: [ReleaseMentions]
    var hasMentions: Bool
    var years: [YearLink]
    var hasYears: Bool
    var children: [TopicSummary]
    var hasChildren: Bool
    var relatedTopics: [TopicSummary]
    var hasRelatedTopics: Bool
    /// How the wording of the topic's paragraphs changed: the newest sentences that reword
    /// an earlier meeting's or are new language (the topic's own page only).
    var wordingChanges: [WordingChange] = []
    var hasWordingChanges = false

    struct WordingChange: Codable {
        var releaseTitle: String
        /// The release's language (the sentence is in it; the page is in the site's).
        var language: String
        var date: String?
        var dateDisplay: String?
        var place: String
        /// The paragraph the sentence is in.
        var url: String
        var sentence: WordingSentence
    }
}
