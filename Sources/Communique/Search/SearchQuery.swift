/// A query as the search page reads it, and its answers from a `SearchIndex`: the
/// reference the page's script (`Templates/assets/search.js`) is tested against.
///
/// Words separated by spaces must all match. A Japanese run matches where its characters
/// stand adjacent and in order (サイバー never matches サイドバー); one character matches
/// anywhere. A Latin word matches whole, the last one also as a prefix while it is being
/// typed (no space after it); `"…"` asks for words adjacent and in order.
public struct SearchQuery: Sendable, Equatable {
    public enum Part: Sendable, Equatable {
        case japanese([Unicode.Scalar])
        case word(String, prefix: Bool)
        case phrase([String])
    }

    public var parts: [Part]
    /// The whole query folded, spaces dropped: what is compared with glossary forms.
    public var folded: String

    public init(_ query: String) {
        parts = []
        var quoted = false
        for (index, segment) in query.split(separator: "\"", omittingEmptySubsequences: false).enumerated() {
            quoted = index % 2 == 1
            let runs = SearchText.runs(of: String(segment))
            if quoted {
                var words: [String] = []
                for run in runs {
                    switch run {
                    case .word(let word): words.append(word)
                    case .japanese(let scalars):
                        if !words.isEmpty { parts.append(Self.phraseOrWord(words)); words = [] }
                        parts.append(.japanese(scalars))
                    }
                }
                if !words.isEmpty { parts.append(Self.phraseOrWord(words)) }
            } else {
                for run in runs {
                    switch run {
                    case .word(let word): parts.append(.word(word, prefix: false))
                    case .japanese(let scalars): parts.append(.japanese(scalars))
                    }
                }
            }
        }
        // The word being typed: the last one, unquoted, with nothing after it.
        if case .word(let word, _)? = parts.last, !quoted,
            let last = query.unicodeScalars.last, SearchText.kind(of: SearchText.foldKana(last)) != .separator
        {
            parts[parts.count - 1] = .word(word, prefix: true)
        }
        folded = String(String.UnicodeScalarView(SearchText.fold(query).filter { SearchText.kind(of: $0) != .separator }))
    }

    private static func phraseOrWord(_ words: [String]) -> Part {
        words.count == 1 ? .word(words[0], prefix: false) : .phrase(words)
    }

    public struct Answer: Sendable, Equatable {
        /// Entry indexes (glossary, then topics): the entry the query names first.
        public var entries: [Int]
        /// Candidate document numbers, those with the query as typed first, each rank newest
        /// first (`answer`): those that have every bigram and word
        /// the query (or one form of the entry it names) asks for. Whether their pieces stand
        /// adjacent and in order is checked as each is shown (`confirms`): the bigrams of
        /// 台湾海峡 all in one paragraph but apart is rare, and checking every candidate
        /// would load every paragraph a common query finds.
        public var documents: [Int]
        /// What was searched for: the query's parts, and each form's of the entry it names.
        public var searches: [[Part]] = []
    }

    /// The entries and paragraphs that match, with `year` (`yyyy`) and `topic` (index) filters.
    public func answer(in index: SearchIndex, year: String? = nil, topic: Int? = nil) -> Answer {
        guard !parts.isEmpty else { return Answer(entries: [], documents: []) }
        // A query that is a glossary form (or a topic's name) also finds the entry's other forms.
        let named = index.entries.indices.filter { entry in
            index.entries[entry].forms.contains { Self.foldedName($0) == folded }
        }
        let forms = named.flatMap { Self.formSearches(of: index.entries[$0]) }
        let searches = [parts] + forms
        // Ranked by match: what has the query as typed first, then what has only another form
        // of the entry it names; each newest first. (A query that is itself one of the forms
        // finds the entry's forms alike: all one rank.)
        let ownCandidates = Self.candidates(matching: parts, in: index)
        let own = Set(ownCandidates)
        let oneRank = forms.contains(parts)
        var documents = Set(ownCandidates + forms.flatMap { Self.candidates(matching: $0, in: index) }).sorted {
            let rank = (oneRank || own.contains($0) ? 0 : 1, oneRank || own.contains($1) ? 0 : 1)
            return rank.0 != rank.1 ? rank.0 < rank.1 : $0 > $1
        }
        if let year {
            documents = documents.filter { index.releases[index.documents[$0].release].date.hasPrefix(year + "-") }
        }
        if let topic { documents = documents.filter { index.documents[$0].topics.contains(topic) } }
        let others = index.entries.indices.filter { entry in
            !named.contains(entry) && Self.matches(parts, SearchText.runs(of: Self.entryText(index.entries[entry])))
        }
        return Answer(entries: named + others, documents: documents, searches: searches)
    }

    /// Whether a candidate of `answer` has what one of its searches asks for, adjacent and
    /// in order: the check made before a paragraph is shown.
    public static func confirms(_ text: String, for answer: Answer) -> Bool {
        let runs = SearchText.runs(of: text)
        return answer.searches.contains { matches($0, runs) }
    }

    /// The candidates that are confirmed (what a reader who shows every result sees).
    public func confirmed(in index: SearchIndex) -> [Int] {
        let answer = answer(in: index)
        return answer.documents.filter { Self.confirms(index.documents[$0].text, for: answer) }
    }

    /// What each of an entry's forms asks for, as a whole name (no word typed: a space after).
    static func formSearches(of entry: SearchIndex.Entry) -> [[Part]] {
        entry.forms.map { SearchQuery($0 + " ").parts }.filter { !$0.isEmpty }
    }

    /// The candidates of every form of an entry, ascending: what a query naming it adds, kept
    /// in the index as the token `@<entry>` so the page loads one list, not every form's.
    static func entryCandidates(_ entry: SearchIndex.Entry, in index: SearchIndex) -> [Int32] {
        union(formSearches(of: entry).map { candidates(matching: $0, in: index).map(Int32.init) })
    }

    static func foldedName(_ name: String) -> String {
        String(String.UnicodeScalarView(SearchText.fold(name).filter { SearchText.kind(of: $0) != .separator }))
    }

    static func entryText(_ entry: SearchIndex.Entry) -> String {
        ([entry.title, entry.reading] + entry.forms + [entry.english]).joined(separator: " ")
    }

    /// Documents with every bigram and word of the parts, ascending.
    static func candidates(matching parts: [Part], in index: SearchIndex) -> [Int] {
        var result: [Int32]?
        for part in parts {
            let found: [Int32]
            switch part {
            case .japanese(let scalars) where scalars.count == 1:
                let first = scalars[0]
                found = Self.union(index.postings.filter { token, _ in
                    token.unicodeScalars.first == first && SearchText.kind(of: first) == .japanese
                }.map(\.value.documents))
            case .japanese(let scalars):
                found = Self.intersection((0..<scalars.count - 1).map { index.postings[SearchIndex.token(SearchIndex.key(scalars[$0], scalars[$0 + 1]))]?.documents ?? [] })
            case .word(let word, let prefix):
                found = prefix
                    ? Self.union(index.postings.filter { token, _ in token.hasPrefix(word) && !token.hasPrefix("#") && Self.isWord(token) }.map(\.value.documents))
                    : index.postings[word]?.documents ?? []
            case .phrase(let words):
                found = Self.intersection(words.map { index.postings[$0]?.documents ?? [] })
            }
            result = result.map { Self.intersection([$0, found]) } ?? found
        }
        return (result ?? []).map(Int.init)
    }

    private static func isWord(_ token: String) -> Bool {
        token.unicodeScalars.allSatisfy { SearchText.kind(of: $0) != .japanese }
    }

    /// Whether runs of text have every part (the page's check, on the text itself).
    static func matches(_ parts: [Part], _ runs: [SearchText.Run]) -> Bool {
        parts.allSatisfy { part in
            switch part {
            case .japanese(let scalars):
                return runs.contains { run in
                    guard case .japanese(let text) = run else { return false }
                    return Self.contains(text, scalars)
                }
            case .word(let word, let prefix):
                return runs.contains { run in
                    guard case .word(let text) = run else { return false }
                    return prefix ? text.hasPrefix(word) : text == word
                }
            case .phrase(let words):
                return runs.indices.contains { start in
                    start + words.count <= runs.count
                        && words.indices.allSatisfy { runs[start + $0] == .word(words[$0]) }
                }
            }
        }
    }

    static func contains(_ text: [Unicode.Scalar], _ part: [Unicode.Scalar]) -> Bool {
        guard part.count <= text.count else { return false }
        return (0...(text.count - part.count)).contains { start in text[start..<(start + part.count)].elementsEqual(part) }
    }

    static func union(_ lists: [[Int32]]) -> [Int32] {
        lists.count == 1 ? lists[0] : Array(Set(lists.joined())).sorted()
    }

    /// Of ascending lists, by merging, shortest first.
    static func intersection(_ lists: [[Int32]]) -> [Int32] {
        let sorted = lists.sorted { $0.count < $1.count }
        guard var result = sorted.first else { return [] }
        for list in sorted.dropFirst() where !result.isEmpty {
            var kept: [Int32] = []
            var other = 0
            for document in result {
                while other < list.count && list[other] < document { other += 1 }
                if other < list.count && list[other] == document { kept.append(document) }
            }
            result = kept
        }
        return result
    }
}
