import CommuniqueJapanese

/// A term a statement defines itself, in the parentheses that follow it.
public struct ExtractedTerm: Sendable, Hashable {
    public enum Kind: String, Sendable { case acronym, person, alias }

    public var kind: Kind
    /// The headword as written: 同盟調整メカニズム, 木原稔, Alliance Coordination Mechanism.
    public var term: String
    /// Short forms as written: ["ACM"], ["2+2"]; empty for people.
    public var aliases: [String]
    /// The reading the text gives (きはら・みのる); nil when it gives none.
    public var reading: String?
    /// The English name, without honorifics (Antony Blinken).
    public var english: String?
    /// The office the text gives a person (防衛大臣, 米国国務長官).
    public var title: String?
    public var englishTitle: String?

    public init(
        kind: Kind, term: String, aliases: [String] = [], reading: String? = nil, english: String? = nil,
        title: String? = nil, englishTitle: String? = nil
    ) {
        self.kind = kind
        self.term = term
        self.aliases = aliases
        self.reading = reading
        self.english = english
        self.title = title
        self.englishTitle = englishTitle
    }
}

/// Finds the terms a statement defines in passing, for the glossary (Analyse stage).
///
/// Statements define a term once, by putting its short form, reading or English name
/// in parentheses right after it:
/// - `同盟調整メカニズム(ACM)`, `Alliance Coordination Mechanism (ACM)`: an acronym;
/// - `木原稔(きはら・みのる)防衛大臣`: a person, with reading and title;
/// - `アントニー・ブリンケン米国国務長官(The Honorable Antony Blinken, Secretary of State …)`;
/// - `日米安全保障協議委員会(「2+2」)`, `X(以下「Y」という。)`: an alias.
///
/// Parentheses may be half- or full-width; terms keep the width they are written in.
/// With a `JapaneseReader` the Japanese long form of an acronym is cut at word
/// boundaries MeCab finds; without one, by character class (see `LongFormTokenizer`).
public struct TermExtractor {
    let reader: JapaneseReader?

    public init(reader: JapaneseReader?) {
        self.reader = reader
    }

    /// Terms defined in `text` (one paragraph or a whole page), in order of first
    /// appearance; a term defined twice is listed once, with what both places give.
    public func extract(from text: String) -> [ExtractedTerm] {
        guard Self.mayDefineTerms(text) else { return [] }
        let characters = Array(text)
        var found = TermExtractorResults()
        for parenthetical in Parenthetical.all(in: characters) {
            if let term = term(at: parenthetical, in: characters) { found.add(term) }
        }
        return found.terms
    }

    /// False when every parenthesis of the text holds only digits, like the "(1)" of
    /// a numbered paragraph: no pattern takes those, and most paragraphs have no other.
    /// Splitting the text into Characters, which the patterns work on, was a tenth of
    /// a build; this looks at scalars and the same innermost pairs `Parenthetical` does.
    static func mayDefineTerms(_ text: String) -> Bool {
        var inside = false
        var digitsOnly = true
        for scalar in text.unicodeScalars {
            switch WidthFolding.fold(scalar) {
            case "(":
                inside = true
                digitsOnly = true
            case ")":
                if inside && !digitsOnly { return true }
                inside = false
            case "\n", "\r", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}", "\u{85}":
                inside = false
            case "0"..."9":
                break
            default:
                digitsOnly = false
            }
        }
        return false
    }

    /// The pattern a parenthetical follows, tried from the most to the least specific.
    private func term(at parenthetical: Parenthetical, in text: [Character]) -> ExtractedTerm? {
        if let acronym = Acronym(parenthetical.folded) {
            return acronymTerm(acronym, at: parenthetical, in: text)
        }
        if let person = personWithReading(at: parenthetical, in: text) { return person }
        if let person = personWithEnglishName(at: parenthetical, in: text) { return person }
        return aliasTerm(at: parenthetical, in: text)
    }
}
