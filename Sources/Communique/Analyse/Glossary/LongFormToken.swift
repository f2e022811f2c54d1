import CommuniqueJapanese

/// A word of the text before a parenthesis, with the part it can play in a noun phrase.
struct LongFormToken {
    enum Role {
        /// A noun that carries meaning: 同盟, メカニズム, 将来, 日, 米.
        case content
        /// Joins the next word without counting as one: 諸, 第, 新.
        case prefix
        /// Joins the word before: 部 (司令部), 性, 的, and dependent nouns (ため).
        case suffix
        /// Numbers join like affixes: 第5条, 7か国.
        case number
        case middleDot
        /// と, 及び, 並びに, 又は: joins two items of a name (教育と即応性).
        case coordinator
        /// A `、` that can only belong to a list a coordinator closes (情報収集、警戒監視及び偵察).
        case listComma
        /// Modifiers that can join words inside a name: の, に関する, における, な after 的.
        case linking
        /// Anything a name does not run through: case particles, verbs, 。, pronouns.
        case boundary
    }

    var role: Role
    /// Where the word starts, as an index into the segment's characters.
    var start: Int
    /// How many words of the long form it counts as (a kanji run without MeCab may be several).
    var weight = 1
    /// Organisations, places and countries: before `の` they are possessors (自衛隊の, 日本の).
    var isProperNoun = false

    var isNoun: Bool { [.content, .suffix, .number].contains(role) }
}

/// Splits the text before a parenthesis into `LongFormToken`s.
enum LongFormTokenizer {
    static let coordinators: Set<String> = ["及び", "並びに", "又は", "若しくは", "および", "ならびに", "または", "もしくは"]
    /// Compound particles that join a noun to the noun after it inside a name
    /// (環太平洋パートナーシップに関する包括的…協定).
    static let linkingParticles: Set<String> = ["の", "に関する", "における", "に対する", "に係る", "に関わる"]

    /// With MeCab: one token per morpheme. Nil when the morphemes cannot be placed in
    /// the segment (then the caller falls back on character classes).
    static func tokens(of segment: [Character], reader: JapaneseReader) -> [LongFormToken]? {
        var tokens: [LongFormToken] = []
        var cursor = 0
        for morpheme in reader.morphemes(of: String(segment)) {
            let surface = Array(morpheme.surface)
            guard let start = position(of: surface, in: segment, from: cursor) else { return nil }
            cursor = start + surface.count
            let previousIsNoun = tokens.last?.isNoun ?? false
            var token = LongFormToken(role: role(of: morpheme, afterNoun: previousIsNoun), start: start)
            token.isProperNoun = morpheme.partOfSpeech == "名詞" && morpheme.subclass == "固有名詞"
            tokens.append(token)
        }
        return tokens
    }

    private static func role(of morpheme: JapaneseReader.Morpheme, afterNoun: Bool) -> LongFormToken.Role {
        switch (morpheme.partOfSpeech, morpheme.subclass) {
        case ("名詞", "代名詞"): return .boundary
        case ("名詞", "接尾"), ("名詞", "非自立"): return .suffix
        case ("名詞", "数"): return .number
        case ("名詞", _), ("記号", "アルファベット"): return .content
        case ("接頭詞", _): return .prefix
        case ("記号", "読点"): return .listComma
        case ("記号", _) where morpheme.surface.count == 1 && TermCharacter.isMiddleDot(morpheme.surface.first!):
            return .middleDot
        case ("接続詞", _) where coordinators.contains(morpheme.surface): return .coordinator
        case ("助詞", "並立助詞") where morpheme.surface == "と": return .coordinator
        case ("助詞", _) where linkingParticles.contains(morpheme.surface): return .linking
        // な after a noun is the attributive form of a na-adjective: 先進的な, 持続可能な.
        case ("助動詞", _) where morpheme.surface == "な" && afterNoun: return .linking
        default: return .boundary
        }
    }

    private static func position(of surface: [Character], in segment: [Character], from cursor: Int) -> Int? {
        guard !surface.isEmpty, segment.count >= surface.count else { return nil }
        var start = cursor
        while start + surface.count <= segment.count {
            if segment[start..<(start + surface.count)].elementsEqual(surface) { return start }
            // MeCab drops only the spaces between morphemes.
            guard TermCharacter.isSpace(segment[start]) else { return nil }
            start += 1
        }
        return nil
    }

    /// Without MeCab: runs of kanji, of katakana and of Latin letters are words, the
    /// listed coordinators are recognised, and every other kana is a boundary, `の`
    /// included, since without parts of speech a possessive cannot be told apart.
    static func tokens(of segment: [Character]) -> [LongFormToken] {
        var tokens: [LongFormToken] = []
        var index = 0
        while index < segment.count {
            if let coordinator = coordinators.first(where: { segment[index...].starts(with: Array($0)) }) {
                tokens.append(LongFormToken(role: .coordinator, start: index))
                index += coordinator.count
                continue
            }
            let character = segment[index]
            guard let sameRun = runClass(of: character) else {
                tokens.append(LongFormToken(role: singleRole(of: character), start: index))
                index += 1
                continue
            }
            var end = index + 1
            while end < segment.count, runClass(of: segment[end]) == sameRun,
                !coordinators.contains(where: { segment[end...].starts(with: Array($0)) })
            {
                end += 1
            }
            // Kanji compounds are mostly two characters a word.
            let weight = sameRun == .kanji ? max(1, (end - index) / 2) : 1
            tokens.append(LongFormToken(role: .content, start: index, weight: weight))
            index = end
        }
        return tokens
    }

    private enum RunClass { case kanji, katakana, latin }

    private static func runClass(of character: Character) -> RunClass? {
        if TermCharacter.isKanji(character) { return .kanji }
        if TermCharacter.isKatakana(character) { return .katakana }
        if TermCharacter.isLatinLetter(character) || TermCharacter.folded(character).isNumber { return .latin }
        return nil
    }

    private static func singleRole(of character: Character) -> LongFormToken.Role {
        if TermCharacter.isMiddleDot(character) { return .middleDot }
        if TermCharacter.isListComma(character) { return .listComma }
        return .boundary
    }
}
