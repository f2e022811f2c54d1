import CommuniqueJapanese
import CommuniqueMarkdown

/// A noun phrase the site uses often that no topic and no glossary term covers yet:
/// a candidate for `Content/topics.yml`.
public struct TopicSuggestion: Sendable, Hashable {
    public var phrase: String
    /// Occurrences in the whole site.
    public var count: Int
    /// Distinct pages (a release's own page or a section page) it occurs in.
    public var spread: Int
    /// The paragraph of its first occurrence, in site order.
    public var example: ParagraphRef
    /// Where that paragraph is (`Content/releases/x/02-chiiki-josei.md:12`).
    public var location: SourceLocation

    /// Frequent and widespread first: a phrase on many pages is a theme, one repeated
    /// on a single page is a detail.
    public var score: Int { count * spread }
}

/// Lists the frequent noun phrases of a site that no topic and no glossary term covers,
/// so the taxonomy can grow with each release (`communique topics suggest`).
///
/// A noun phrase is a maximal run of nouns as MeCab tags them (名詞, but not 代名詞 or
/// 非自立, nor a noun used as a verb or adjective: 確認(した), 重要(な)), joined, of two
/// characters or more, not starting with a suffix (接尾); numbers with their counters
/// (7月28日) are left out. Capitalised Latin words (AUKUS, Quad, G7) count as nouns, and
/// Latin words separated by a space join with one. Without MeCab, runs of kanji and
/// katakana stand in for nouns.
public struct TopicSuggester {
    let reader: JapaneseReader?

    /// `reader` defaults to MeCab's; nil falls back on character classes.
    public init(reader: JapaneseReader? = JapaneseReader()) {
        self.reader = reader
    }

    public func suggest(site: SiteSource, analysis: Analysis, limit: Int) -> [TopicSuggestion] {
        struct Tally {
            var phrase: String
            var count = 0
            var pages: Set<PageKey> = []
            var example: ParagraphRef
            var location: SourceLocation
        }
        var tallies: [String: Tally] = [:]
        for (key, page) in analysis.pages(in: site) {
            for block in page.blocks where Self.isProse(block.kind) {
                for phrase in nounPhrases(in: block.plainText) {
                    let folded = WidthFolding.fold(phrase)
                    var tally = tallies[folded] ?? Tally(
                        phrase: phrase, example: ParagraphRef(page: key, anchor: block.anchor),
                        location: SourceLocation(file: page.source.file, line: block.line))
                    tally.count += 1
                    tally.pages.insert(key)
                    tallies[folded] = tally
                }
            }
        }
        let coverage = Coverage(forms: site.topics.flatMap { [$0.title] + $0.signals } + analysis.glossary.entries.flatMap(\.forms))
        let suggestions = tallies.values
            .filter { !coverage.covers($0.phrase) }
            .map { TopicSuggestion(phrase: $0.phrase, count: $0.count, spread: $0.pages.count, example: $0.example, location: $0.location) }
            .sorted { a, b in
                if a.score != b.score { return a.score > b.score }
                if a.count != b.count { return a.count > b.count }
                return a.phrase < b.phrase
            }
        return Array(suggestions.prefix(max(limit, 0)))
    }

    /// Text a reader reads as prose: not headings (a page's own titles), code or raw HTML.
    static func isProse(_ kind: MarkdownBlock.Kind) -> Bool {
        switch kind {
        case .heading, .codeBlock, .html, .thematicBreak: return false
        default: return true
        }
    }

    // MARK: - Noun phrases

    /// What a token can do in a noun phrase.
    enum Role: Equatable {
        case noun, latin, number, suffix, other
    }

    struct Token {
        var surface: String
        var role: Role
        /// What separates it from the token before (whitespace MeCab skipped).
        var gap: String
    }

    /// The noun phrases of `text`, in order, each occurrence once.
    func nounPhrases(in text: String) -> [String] {
        var phrases: [String] = []
        var run: [Token] = []
        for token in tokens(of: text) {
            let joins = token.gap.isEmpty
                || (token.gap.allSatisfy { $0 == " " } && token.role == .latin && run.last?.role == .latin)
            if !joins || token.role == .other {
                phrases += Self.phrases(run)
                run = []
            }
            if token.role != .other { run.append(token) }
        }
        return phrases + Self.phrases(run)
    }

    /// The phrases of one run of nouns. A number with what counts it (7月28日, 3時15分,
    /// 2024年) is no phrase and splits the run; a suffix (的, 力, 部) cannot start one;
    /// a phrase has two characters at least.
    static func phrases(_ run: [Token]) -> [String] {
        var phrases: [String] = []
        var part: [Token] = []
        func close() {
            var text = ""
            for (index, token) in part.enumerated() {
                if index > 0, token.role == .latin, part[index - 1].role == .latin, !token.gap.isEmpty { text += " " }
                text += token.surface
            }
            if text.count >= 2 { phrases.append(text) }
            part = []
        }
        var counting = false
        for var token in run {
            if token.role == .number {
                // Digits that end a Latin word belong to it: G7, F35.
                if part.last?.role == .latin, token.gap.isEmpty {
                    token.role = .latin
                    part.append(token)
                } else {
                    close()
                    counting = true
                }
                continue
            }
            if counting, token.role == .suffix || token.surface.count == 1 { continue }
            counting = false
            if part.isEmpty, token.role == .suffix { continue }
            part.append(token)
        }
        close()
        return phrases
    }

    /// The text's tokens with their roles: MeCab's morphemes, or runs of one kind of
    /// character without it.
    func tokens(of text: String) -> [Token] {
        guard let reader else { return Self.characterTokens(of: text) }
        var tokens: [Token] = []
        let utf8 = text.utf8
        var cursor = utf8.startIndex
        let morphemes = reader.morphemes(of: text)
        for (index, morpheme) in morphemes.enumerated() {
            // MeCab's surfaces are the text's own bytes, in order, minus the whitespace it skips.
            var start = cursor
            while start < utf8.endIndex, !utf8[start...].starts(with: morpheme.surface.utf8) {
                start = utf8.index(after: start)
            }
            let gap = String(decoding: utf8[cursor..<start], as: UTF8.self)
            cursor = start < utf8.endIndex ? utf8.index(start, offsetBy: morpheme.surface.utf8.count) : start
            let next = index + 1 < morphemes.count ? morphemes[index + 1] : nil
            let role = Self.isPredicate(morpheme, before: next) ? .other : Self.role(of: morpheme)
            tokens.append(Token(surface: morpheme.surface, role: role, gap: gap))
        }
        return tokens
    }

    static func role(of morpheme: JapaneseReader.Morpheme) -> Role {
        if let latin = latinRole(morpheme.surface) { return latin }
        guard morpheme.partOfSpeech == "名詞", hasWordCharacter(morpheme.surface) else { return .other }
        switch morpheme.subclass {
        case "代名詞", "非自立", "特殊", "接続詞的": return .other
        case "数": return .number
        case "接尾": return .suffix
        default: return .noun
        }
    }

    /// A noun used as a verb or an adjective, not named: 確認(した), 実施(される),
    /// 重要(な), 着実(に). Statements are full of these; as phrases they are noise.
    static func isPredicate(_ morpheme: JapaneseReader.Morpheme, before next: JapaneseReader.Morpheme?) -> Bool {
        guard morpheme.partOfSpeech == "名詞", let next else { return false }
        switch morpheme.subclass {
        case "サ変接続":
            // する in any form: し, する, さ(れる), せ(ず), すれ(ば).
            return next.partOfSpeech == "動詞" && next.surface.count <= 2 && "しすさせ".contains(next.surface.prefix(1))
        case "形容動詞語幹":
            return next.partOfSpeech == "助動詞" || (next.partOfSpeech == "助詞" && next.subclass == "副詞化")
        default:
            return false
        }
    }

    /// Without MeCab: kanji and katakana runs are nouns, digits numbers, Latin words as with it.
    static func characterTokens(of text: String) -> [Token] {
        enum Kind { case kanji, katakana, digit, latin, space, other }
        func kind(_ character: Character) -> Kind {
            guard let scalar = WidthFolding.fold(String(character)).unicodeScalars.first else { return .other }
            switch scalar.value {
            case 0x30...0x39: return .digit
            case 0x41...0x5A, 0x61...0x7A: return .latin
            case 0x3005, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: return .kanji
            case 0x30A1...0x30FA, 0x30FC, 0xFF66...0xFF9F: return .katakana
            default: return character.isWhitespace ? .space : .other
            }
        }
        var tokens: [Token] = []
        var gap = ""
        var index = text.startIndex
        while index < text.endIndex {
            let current = kind(text[index])
            var end = text.index(after: index)
            while end < text.endIndex, kind(text[end]) == current { end = text.index(after: end) }
            let piece = String(text[index..<end])
            switch current {
            case .space: gap = piece
            case .other:
                tokens.append(Token(surface: piece, role: .other, gap: gap))
                gap = ""
            default:
                let role: Role = current == .digit ? .number : current == .latin ? latinRole(piece) ?? .other : .noun
                tokens.append(Token(surface: piece, role: role, gap: gap))
                gap = ""
            }
            index = end
        }
        return tokens
    }

    /// Capitalised function words that start English sentences, not names.
    static let latinStopWords: Set<String> = [
        "A", "An", "And", "As", "At", "Both", "But", "By", "Each", "For", "From", "He", "In", "It", "Its", "Of", "On",
        "Or", "Our", "She", "That", "The", "Their", "These", "They", "This", "Those", "To", "We", "With",
    ]

    /// Nil when `surface` is not a Latin word; else a noun when capitalised (a name or an
    /// acronym), something else when lowercase (MeCab tags every English word a noun).
    static func latinRole(_ surface: String) -> Role? {
        let folded = WidthFolding.fold(surface)
        guard let first = folded.unicodeScalars.first, first.properties.isAlphabetic,
            folded.unicodeScalars.allSatisfy(TermMatcher.isWordScalar)
        else { return nil }
        return first.value <= 0x5A && !latinStopWords.contains(folded) ? .latin : .other
    }

    static func hasWordCharacter(_ surface: String) -> Bool {
        surface.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }
}

/// Whether a phrase is covered by the taxonomy or the glossary already: it contains one
/// of their forms, or is contained in one (width-folded; Latin as whole words, so ISR
/// is not covered by ISRAEL).
struct Coverage {
    private let matcher: TermMatcher
    private let parts: Set<String>

    init(forms: [String]) {
        let forms = forms.filter { !$0.isEmpty }
        matcher = TermMatcher(patterns: forms)
        var parts: Set<String> = []
        for form in forms {
            let scalars = Array(WidthFolding.fold(form).unicodeScalars)
            // Where a part may start or end: not inside a Latin word.
            let cuts = (0...scalars.count).filter { cut in
                cut == 0 || cut == scalars.count
                    || !(TermMatcher.isWordScalar(scalars[cut - 1]) && TermMatcher.isWordScalar(scalars[cut]))
            }
            for (i, start) in cuts.enumerated() {
                for end in cuts[(i + 1)...] {
                    var part = String.UnicodeScalarView()
                    part.append(contentsOf: scalars[start..<end])
                    parts.insert(String(part))
                }
            }
        }
        self.parts = parts
    }

    func covers(_ phrase: String) -> Bool {
        parts.contains(WidthFolding.fold(phrase)) || !matcher.matches(in: phrase).isEmpty
    }
}

extension Analysis {
    /// Every parsed page in site order: each release's own page, then its sections.
    func pages(in site: SiteSource) -> [(key: PageKey, page: ParsedPage)] {
        site.releases.flatMap { release in
            [(PageKey(release: release.id, section: ""), releaseBodies[release.id])]
                + release.sections.map { section in
                    let key = PageKey(release: release.id, section: section.slug)
                    return (key, sections[key])
                }
        }
        .compactMap { key, page in page.map { (key, $0) } }
    }
}
