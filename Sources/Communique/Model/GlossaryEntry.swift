/// One term of the glossary: what it is called, how it is read, what it means.
public struct GlossaryEntry: Sendable, Hashable {
    public enum Category: String, Sendable, CaseIterable {
        case person, organisation, agreement, place, system, other
    }

    /// Where the entry comes from. A curated entry overrides or completes an extracted one.
    public enum Origin: String, Sendable {
        case curated, extracted, both
    }

    /// Stable ASCII id: the entry's page is `glossary/<id>/` and its anchor on the
    /// glossary index `#term-<id>`.
    public var id: String
    public var term: String
    /// Reading in hiragana (Latin terms: the term itself).
    public var reading: String
    public var aliases: [String]
    public var english: String?
    public var definition: String?
    public var category: Category
    /// Terms of other entries.
    public var seeAlso: [String]
    /// For people: their office, as the text gives it.
    public var title: String?
    public var englishTitle: String?
    public var origin: Origin
    /// Where a curated entry is defined (`Content/glossary.yml:12`).
    public var location: SourceLocation?

    public init(
        id: String, term: String, reading: String, aliases: [String] = [], english: String? = nil,
        definition: String? = nil, category: Category = .other, seeAlso: [String] = [], title: String? = nil,
        englishTitle: String? = nil, origin: Origin, location: SourceLocation? = nil
    ) {
        self.id = id
        self.term = term
        self.reading = reading
        self.aliases = aliases
        self.english = english
        self.definition = definition
        self.category = category
        self.seeAlso = seeAlso
        self.title = title
        self.englishTitle = englishTitle
        self.origin = origin
        self.location = location
    }

    /// Every form the text may use: the term and its aliases.
    public var forms: [String] { [term] + aliases }
}

/// A curated glossary entry as written in `Content/glossary.yml`, before readings are
/// derived and extracted terms merged in (the Analyse stage does that).
public struct CuratedTerm: Sendable, Hashable {
    public var id: String?
    public var term: String
    public var reading: String?
    public var aliases: [String]
    public var english: String?
    public var definition: String?
    public var category: GlossaryEntry.Category
    public var seeAlso: [String]
    public var location: SourceLocation
}
