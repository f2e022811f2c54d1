import Foundation

/// Names the series a statement belongs to: the recurring meeting, or the recurring kind
/// of statement, that it is one instance of. `日米安全保障協議委員会(「2+2」)を実施(7月28日)`
/// → `日米安全保障協議委員会`; "Joint Statement of the Security Consultative Committee (2+2)"
/// → "Security Consultative Committee"; "G7 Leaders' Statement, June 14, 2024" →
/// "G7 Leaders' Statement".
///
/// From a title it takes out what changes from one meeting to the next: anything in
/// brackets (aliases such as `(「2+2」)`, notes such as `(概要)`, dates, weekdays), dates
/// (Western, era, English; a bare year), ordinals (`第10回`, "10th", "Inaugural"), and
/// what is said about the meeting rather than its name: trailing phrases (`を実施`,
/// `の開催について`, `の結果概要`, `について`, `開催`), a topic before the name
/// (`…に関する`, `…に際しての`), a statement issued by a named meeting (`…会合に関する共同声明`,
/// "Joint Statement of the …", "… Summit Communiqué"), and in English what follows the
/// name (" on …", " in …", ", …").
///
/// What is left is a series only when it ends in a word that names a meeting (会談, 協議,
/// 委員会, Committee, Summit, Consultations …) or a kind of statement (声明, 談話,
/// Statement …) — or reads "Statement by the …" — and says more than that word and its
/// generic modifiers (`共同声明`, "Joint Press Statement" and `談話` alone name nothing),
/// and is a short name, not a clause (no `を`/`が`, no sentence end). Else there is none.
///
/// The name comes width-folded (`日ＥＵ` → `日EU`) with straight apostrophes, so releases
/// of one series get the same name however their pages were typed.
enum SeriesDetector {
    /// The series named by the page's title, else by the document's own title.
    static func series(title: String?, innerTitle: String?) -> String? {
        for candidate in [title, innerTitle].compactMap({ $0 }) {
            if let name = series(in: candidate) { return name }
        }
        return nil
    }

    /// The series one title names, or nil.
    static func series(in title: String) -> String? {
        var name = WidthFolding.fold(title)
            .replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "‘", with: "'")
        guard name.count <= maximumTitleLength else { return nil }
        name = withoutBrackets(name)
        name = tidy(withoutOrdinals(withoutDates(name)))
        // Each rule takes off one per-meeting part; start over after each, until none applies.
        var applied = true
        while applied {
            applied = false
            for rule in rules {
                if let shorter = rule(name).map(tidy), shorter != name, !shorter.isEmpty {
                    name = shorter
                    applied = true
                    break
                }
            }
        }
        return isSeriesName(name) ? name : nil
    }

    /// A longer title is a sentence, not a name.
    static let maximumTitleLength = 150
    static let maximumNameLength = 80

    // MARK: - Words

    /// Endings of a Japanese meeting's name, longest first.
    static let japaneseMeetings = byLength([
        "会談", "会合", "会議", "協議", "委員会", "協議会", "理事会", "総会", "懇談会", "対話", "サミット", "会見",
        "フォーラム", "ミーティング", "2+2",
    ])
    /// Endings of a Japanese statement's kind, longest first.
    static let japaneseStatements = byLength([
        "共同声明", "共同発表", "共同記者発表", "共同記者会見", "記者会見", "記者発表", "議長声明", "首脳宣言", "声明", "宣言",
        "談話", "発表", "コミュニケ", "ファクトシート", "成果文書",
    ])
    /// Statements a meeting issues, which name that meeting's series when it precedes them.
    static let japaneseMeetingProducts = japaneseStatements.filter { $0 != "談話" && $0 != "発表" }
    /// Words that only say what level or form a meeting or statement takes.
    static let japaneseModifiers = byLength([
        "共同", "議長", "首脳", "閣僚", "外相", "大臣", "合同", "報道", "記者", "定例", "定期", "臨時", "緊急", "電話", "テレビ",
        "公式", "非公式", "最終", "成果",
    ])
    /// Phrases after a Japanese name that say what happened to the meeting, longest first.
    static let japaneseTails = byLength([
        "の結果概要", "結果概要", "の結果について", "の結果", "の概要", "概要", "の骨子", "骨子", "の要旨", "要旨", "の全文",
        "全文", "仮訳", "の開催について", "開催について", "の開催結果", "開催結果", "の開催", "を開催しました", "を開催", "が開催されました",
        "開催", "の実施について", "を実施しました", "を実施", "の実施", "実施", "を行いました", "を行った", "が行われました",
        "について", "の模様", "を公表", "の公表",
    ])
    /// Words before a Japanese name that end the topic it is about (`…に関する`).
    static let japaneseTopicEnds = ["に関する", "に際しての", "に際して", "についての", "に対する", "を受けた", "を受けての", "に向けた"]

    static let englishMeetings: Set<String> = [
        "committee", "meeting", "consultation", "consultations", "dialogue", "dialog", "summit", "talks", "conference",
        "council", "forum", "session", "commission", "group", "ministerial", "call", "2+2",
    ]
    static let englishStatements: Set<String> = [
        "statement", "communiqué", "communique", "declaration", "readout", "remarks", "sheet", "briefing", "release",
    ]
    static let englishModifiers: Set<String> = [
        "joint", "press", "chair's", "chairs'", "chair", "co-chairs'", "leaders'", "leaders", "ministers'", "ministers",
        "ministerial", "final", "official", "opening", "closing", "summit", "meeting", "telephone", "phone", "video",
        "fact", "news", "the", "a", "an", "of", "and",
    ]
    static let englishKinds = #"statement|communiqu[eé]|declaration|readout|remarks|fact sheet|press conference|press release|summary|outcome"#
    static let englishKindModifiers = #"(?:(?:joint|chair's|chairs'|co-chairs'|leaders'|ministers'|ministerial|press|final|official) )*"#

    private static func byLength(_ words: [String]) -> [String] {
        words.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }

    // MARK: - What changes from one meeting to the next

    /// Removes every bracketed part, innermost first: `(「2+2」)`, `(概要)`, `【報道発表】`.
    static func withoutBrackets(_ text: String) -> String {
        var text = text
        while true {
            let next = text.replacing(Patterns.innermostBrackets, with: " ")
            if next == text { return text }
            text = next
        }
    }

    static let months = #"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"#

    static func withoutDates(_ text: String) -> String {
        var text = text
        for pattern in Patterns.dates { text = text.replacing(pattern, with: " ") }
        return text
    }

    static func withoutOrdinals(_ text: String) -> String {
        text.replacing(Patterns.japaneseOrdinal, with: "")
            .replacing(Patterns.englishOrdinal, with: " ")
            .replacing(Patterns.leadingOrdinalWord, with: " ")
    }

    /// Spaces collapsed (and dropped beside Japanese, where a bracket or date was taken
    /// out); punctuation, particles left at either end and a leading "The" removed.
    static func tidy(_ text: String) -> String {
        let edges: Set<Character> = [" ", ",", "、", ":", "-", "–", "—", "・", "/", "|", "の", ".", "。", "&"]
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        var joined = ""
        for word in words {
            if let last = joined.unicodeScalars.last, let first = word.unicodeScalars.first,
                !isJapanese(last) && !isJapanese(first)
            {
                joined += " "
            }
            joined += word
        }
        var text = Substring(joined)
        while true {
            while let first = text.first, edges.contains(first) { text = text.dropFirst() }
            while let last = text.last, edges.contains(last) { text = text.dropLast() }
            guard let article = text.prefixMatch(of: Patterns.article) else { return String(text) }
            text = text[article.range.upperBound...]
        }
    }

    // MARK: - What is said about the meeting rather than its name

    static let rules: [@Sendable (String) -> String?] = [
        japaneseTail, japaneseMeetingProduct, englishKindOfMeeting, englishMeetingProduct, englishKindBySpeaker,
        englishAfterName, japaneseTopic,
    ]

    /// `…を実施`, `…の開催について`, `…の結果概要` → `…`.
    static func japaneseTail(_ name: String) -> String? {
        japaneseTails.first(where: name.hasSuffix).map { String(name.dropLast($0.count)) }
    }

    /// `日米豪印外相会合に関する共同声明` → `日米豪印外相会合`; `日米首脳共同声明` stays, as `日米首脳`
    /// is no meeting.
    static func japaneseMeetingProduct(_ name: String) -> String? {
        for product in japaneseMeetingProducts where name.hasSuffix(product) {
            var rest = Substring(name.dropLast(product.count))
            for link in ["に関する", "における", "に係る", "での", "後の", "後", "の"] where rest.hasSuffix(link) {
                rest = rest.dropLast(link.count)
                break
            }
            if namesMeeting(String(rest)) { return String(rest) }
        }
        return nil
    }

    /// "Joint Statement of the Security Consultative Committee" → "Security Consultative Committee".
    static func englishKindOfMeeting(_ name: String) -> String? {
        guard let match = name.wholeMatch(of: Patterns.kindOfMeeting), let rest = match["rest"]?.substring.map(String.init),
            namesMeeting(rest)
        else { return nil }
        return rest
    }

    /// "Japan-Australia 2+2 Joint Statement", "G7 Summit: Leaders' Communiqué" → the meeting.
    static func englishMeetingProduct(_ name: String) -> String? {
        guard let match = name.wholeMatch(of: Patterns.meetingProduct), let rest = match["rest"]?.substring.map(String.init),
            namesMeeting(rest)
        else { return nil }
        return rest
    }

    /// "Statement by the Press Secretary on the Economy" → "Statement by the Press Secretary".
    static func englishKindBySpeaker(_ name: String) -> String? {
        return name.wholeMatch(of: Patterns.kindBySpeaker)?["kept"]?.substring.map(String.init)
    }

    /// "G7 Foreign Ministers' Statement on the Middle East" → "G7 Foreign Ministers' Statement";
    /// "Japan-U.S. Summit Meeting in Washington" → "Japan-U.S. Summit Meeting".
    static func englishAfterName(_ name: String) -> String? {
        guard !isJapanese(name) else { return nil }
        guard let head = name.firstMatch(of: Patterns.afterName) else { return nil }
        return String(name[..<head.range.upperBound])
    }

    /// `ウクライナ情勢に関するG7首脳声明` → `G7首脳声明`; `天皇陛下の御退位に際しての談話` → `談話`
    /// (which then names nothing).
    static func japaneseTopic(_ name: String) -> String? {
        var cut: String.Index?
        for end in japaneseTopicEnds {
            if let range = name.range(of: end, options: .backwards), range.upperBound < name.endIndex,
                cut.map({ range.upperBound > $0 }) ?? true
            {
                cut = range.upperBound
            }
        }
        return cut.map { String(name[$0...]) }
    }

    // MARK: - Is it a name?

    static func isJapanese(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isJapanese)
    }

    /// Japanese script and punctuation (`「」`, `、`), which take no spaces between words.
    static func isJapanese(_ scalar: Unicode.Scalar) -> Bool {
        TextScript.isJapanese(scalar) || (0x3000...0x303F).contains(scalar.value)
    }

    /// Whether `name` ends in the name of a kind of meeting (`…協議`, "… Committee", `…「2+2」`).
    static func namesMeeting(_ name: String) -> Bool {
        let bare = withoutClosingQuotes(name)
        if bare.hasSuffix("2+2") { return bare.count > 3 }
        if isJapanese(name) {
            return japaneseMeetings.contains { bare.hasSuffix($0) && bare.count > $0.count }
        }
        let words = bare.split(separator: " ")
        guard words.count >= 2, let last = words.last?.lowercased() else { return false }
        return englishMeetings.contains(last)
    }

    static func isSeriesName(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= maximumNameLength,
            !name.contains(where: { "をが。!?<>{}\n".contains($0) })
        else { return false }
        if name.wholeMatch(of: Patterns.wholeKindBySpeaker) != nil {
            return true
        }
        let bare = withoutClosingQuotes(name)
        var qualifier: String
        if bare.hasSuffix("2+2") {
            qualifier = String(bare.dropLast(3))
        } else if isJapanese(name) {
            guard let head = (japaneseMeetings + japaneseStatements).sorted(by: { $0.count > $1.count })
                .first(where: bare.hasSuffix)
            else { return false }
            qualifier = String(bare.dropLast(head.count))
            for modifier in japaneseModifiers + ["の", "・"] {
                qualifier = qualifier.replacingOccurrences(of: modifier, with: "")
            }
        } else {
            var words = bare.split(separator: " ").map { $0.lowercased() }
            guard let last = words.popLast(), englishMeetings.union(englishStatements).contains(last) else { return false }
            qualifier = words.filter { !englishModifiers.contains($0) }.joined(separator: " ")
        }
        return qualifier.unicodeScalars.contains {
            $0.properties.isAlphabetic || $0.properties.numericType != nil
        }
    }

    private static func withoutClosingQuotes(_ name: String) -> Substring {
        var bare = Substring(name)
        while let last = bare.last, "」』\"”'".contains(last) { bare = bare.dropLast() }
        return bare
    }
}
