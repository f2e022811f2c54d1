extension TermExtractor {
    /// Words that may introduce a quoted alias: (通称「…」), (以下「…」という。).
    static let aliasIntroductions = ["以下単に", "以下", "通称", "略称"]
    static let aliasConclusions = ["という。", "という", "と略す。", "と略す", "と称する。", "と称する", "と呼ぶ。", "と呼ぶ"]

    /// `日米安全保障協議委員会(「2+2」)`, `X(通称「Y」)`, `X(以下「Y」という。)`: the noun
    /// phrase before the parenthesis is the term, the quoted text its alias.
    func aliasTerm(at parenthetical: Parenthetical, in text: [Character]) -> ExtractedTerm? {
        guard let alias = Self.quotedAlias(in: parenthetical.inner) else { return nil }
        let follows = parenthetical.close + 1 < text.count ? text[parenthetical.close + 1] : nil
        let term = JapaneseLongForm(reader: reader).find(
            before: text[..<parenthetical.open], following: follows, wordLimit: wordCount(of: alias))
        guard let term, term != alias else { return nil }
        return ExtractedTerm(kind: .alias, term: term, aliases: [alias])
    }

    /// The alias in `「Y」`, with an optional introduction before and conclusion after.
    static func quotedAlias(in inner: String) -> String? {
        var rest = Substring(TermCharacter.trimmingSpaces(inner))
        if let introduction = aliasIntroductions.first(where: { rest.hasPrefix($0) }) {
            rest = rest.dropFirst(introduction.count).drop { $0 == "、" || TermCharacter.isSpace($0) }
        }
        if let conclusion = aliasConclusions.first(where: { rest.hasSuffix($0) }) {
            rest = rest.dropLast(conclusion.count)
        }
        guard rest.first == "「", rest.last == "」" else { return nil }
        let alias = rest.dropFirst().dropLast()
        guard !alias.isEmpty, !alias.contains("「"), !alias.contains("」") else { return nil }
        return String(alias)
    }

    /// An alias shortens each word of what it names, so the name has at least as many
    /// words (日米安保条約 → four): that is how far `の` and coordinators may extend it.
    private func wordCount(of alias: String) -> Int {
        let segment = Array(alias)
        let tokens = reader.flatMap { LongFormTokenizer.tokens(of: segment, reader: $0) }
            ?? LongFormTokenizer.tokens(of: segment)
        return max(1, tokens.filter { $0.role == .content }.reduce(0) { $0 + $1.weight })
    }
}
