import CommuniqueJapanese

/// The Japanese noun phrase a parenthesised short form stands for: the whole name,
/// and no more (`既存の同盟調整メカニズム(ACM)` → 同盟調整メカニズム).
///
/// Walking back from the parenthesis, a name runs through nouns, affixes and `・`.
/// It also runs through what joins words *inside* names — `の`, `に関する`, `な` after
/// 的, and the coordinators と/及び/並びに/又は — but only
/// - while it has fewer words than the acronym has letters: an acronym spells its
///   words, so once they are all there, what precedes is a modifier (既存の); and
/// - when the compound before holds no proper noun: 自衛隊の, 日本の, 米軍の are
///   possessors, not part of an organisation's name.
/// A `、` belongs to the name only inside a list a coordinator closes (情報収集、警戒監視及び偵察).
/// Particles, verbs, pronouns and `。` end it. A quoted name (「自由で開かれたインド太平洋」)
/// is taken whole.
struct JapaneseLongForm {
    var reader: JapaneseReader?

    /// Characters that end the stretch of text a name can come from.
    static let segmentBoundaries: Set<Character> = ["。", "\n", "(", ")", "（", "）", "「", "」", "『", "』"]
    static let maximumSegment = 80
    static let openingQuotes: [Character: Character] = ["「": "」", "『": "』"]

    /// The long form ending right before a parenthesis, or nil when no noun phrase does.
    /// `following` is the character after the closing parenthesis; `wordLimit` the most
    /// words `の` and coordinators may extend the phrase to (see the type's comment).
    func find(before text: ArraySlice<Character>, following: Character?, wordLimit: Int) -> String? {
        if let quoted = Self.quotedName(before: text, following: following) { return quoted }
        let segment = Self.segment(before: text)
        guard !segment.isEmpty else { return nil }
        let tokens = reader.flatMap { LongFormTokenizer.tokens(of: segment, reader: $0) }
            ?? LongFormTokenizer.tokens(of: segment)
        guard let start = Self.phraseStart(in: tokens, wordLimit: wordLimit) else { return nil }
        return String(segment[start...])
    }

    /// The text since the last sentence or bracket boundary, without trailing spaces.
    static func segment(before text: ArraySlice<Character>) -> [Character] {
        var end = text.endIndex
        while end > text.startIndex, TermCharacter.isSpace(text[end - 1]) { end -= 1 }
        var start = end
        while start > text.startIndex, end - start < maximumSegment, !segmentBoundaries.contains(text[start - 1]) {
            start -= 1
        }
        return Array(text[start..<end])
    }

    /// 「自由で開かれたインド太平洋」(FOIP) and 「自由で開かれたインド太平洋(FOIP)」:
    /// whatever the quotes hold is the name, clauses and all.
    static func quotedName(before text: ArraySlice<Character>, following: Character?) -> String? {
        let window = text.suffix(maximumSegment)
        if let close = window.last, openingQuotes.values.contains(close) {
            guard let open = window.dropLast().lastIndex(where: { openingQuotes[$0] == close }) else { return nil }
            return nonEmpty(window[(open + 1)..<(window.endIndex - 1)])
        }
        if let following, let open = window.lastIndex(where: { openingQuotes[$0] == following }),
            !window[open...].contains(following)
        {
            return nonEmpty(window[(open + 1)...])
        }
        return nil
    }

    private static func nonEmpty(_ characters: ArraySlice<Character>) -> String? {
        let name = TermCharacter.trimmingSpaces(String(characters))
        return name.isEmpty || name.contains("。") ? nil : name
    }

    /// Whether the compound noun ending at `end` names someone or somewhere (米軍,
    /// 日本政府, 自衛隊): before `の` or `と` such a compound owns or joins the name, it is
    /// no part of it.
    private static func compoundHasProperNoun(endingAt end: Int, in tokens: [LongFormToken]) -> Bool {
        var index = end
        while index >= 0, [.content, .prefix, .suffix, .number].contains(tokens[index].role) {
            if tokens[index].isProperNoun { return true }
            index -= 1
        }
        return false
    }

    /// Where the name ending with the last token starts (a character index), or nil.
    static func phraseStart(in tokens: [LongFormToken], wordLimit: Int) -> Int? {
        guard let last = tokens.last, last.isNoun else { return nil }
        var words = 0
        var start = tokens.count
        var inList = false
        var index = tokens.count - 1
        walk: while index >= 0 {
            let token = tokens[index]
            let nounBefore = index > 0 && tokens[index - 1].isNoun
            // の and coordinators join only while words are missing, and never an owner.
            var joinsWordBefore: Bool {
                words < wordLimit && nounBefore && !compoundHasProperNoun(endingAt: index - 1, in: tokens)
            }
            switch token.role {
            case .content:
                words += token.weight
            case .prefix, .suffix, .number, .middleDot:
                break
            case .coordinator:
                guard joinsWordBefore else { break walk }
                inList = true
            case .linking:
                guard joinsWordBefore else { break walk }
                inList = false
            case .listComma:
                guard inList, nounBefore else { break walk }
            case .boundary:
                break walk
            }
            start = index
            index -= 1
        }
        // A name starts with a word or a prefix, never with what joins two of them.
        while start < tokens.count, ![.content, .prefix, .number].contains(tokens[start].role) {
            start += 1
        }
        guard tokens[start...].contains(where: { $0.role == .content }) else { return nil }
        return tokens[start].start
    }
}
