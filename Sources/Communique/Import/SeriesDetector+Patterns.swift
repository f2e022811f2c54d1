import Foundation

extension SeriesDetector {
    /// The patterns, compiled once (see `compiledOnce`).
    enum Patterns {
        nonisolated(unsafe) static let innermostBrackets = compiledOnce(/\([^()]*\)|【[^【】]*】|\[[^\[\]]*\]|〔[^〔〕]*〕|〈[^〈〉]*〉/)
        /// Dates, the longest forms first.
        nonisolated(unsafe) static let dates: [Regex<AnyRegexOutput>] = [
            compiledOnce(try! Regex(#"(?:令和|平成|昭和|大正|明治) *(?:元|\d{1,2}) *年度?(?: *\d{1,2} *月(?: *\d{1,2} *日)?)?"#)),
            compiledOnce(try! Regex(#"\d{4} *年度?(?: *\d{1,2} *月(?: *\d{1,2} *日)?)?"#)),
            compiledOnce(try! Regex(#"\d{1,2} *月(?: *\d{1,2} *日)?"#)),
            compiledOnce(try! Regex(#"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b"#)),
            compiledOnce(try! Regex(#"\b\#(months) +\d{1,2}(?:st|nd|rd|th)?(?:,? +\d{4})?\b"#).ignoresCase()),
            compiledOnce(try! Regex(#"\b\d{1,2}(?:st|nd|rd|th)? +\#(months),? +\d{4}\b"#).ignoresCase()),
            compiledOnce(try! Regex(#"\b\#(months) +\d{4}\b"#).ignoresCase()),
            compiledOnce(try! Regex(#"\b(?:19|20)\d{2}\b"#)),
        ]
        nonisolated(unsafe) static let japaneseOrdinal = compiledOnce(/第 *[0-9〇一二三四五六七八九十百千]+ *(?:回|次|期)/)
        nonisolated(unsafe) static let englishOrdinal = compiledOnce(/(?i)\b\d+(?:st|nd|rd|th)\b/)
        nonisolated(unsafe) static let leadingOrdinalWord = compiledOnce(
            /(?i)^ *(?:the +)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|inaugural)[ ]/)
        nonisolated(unsafe) static let article = compiledOnce(/(?i)the +/)
        nonisolated(unsafe) static let kindOfMeeting = compiledOnce(
            try! Regex(#"^\#(englishKindModifiers)(?:\#(englishKinds))s? +(?:of|from|following|at|after|on|by) +(?:the +)?(?<rest>.+)$"#).ignoresCase())
        nonisolated(unsafe) static let meetingProduct = compiledOnce(
            try! Regex(#"^(?<rest>.+?)[ ,:–—-]+\#(englishKindModifiers)(?:\#(englishKinds))$"#).ignoresCase())
        nonisolated(unsafe) static let kindBySpeaker = compiledOnce(
            try! Regex(#"^(?<kept>\#(englishKindModifiers)(?:\#(englishKinds)) +by +.+?)(?: on | in | at | during |, | – | — | - |: ).*$"#).ignoresCase())
        nonisolated(unsafe) static let wholeKindBySpeaker = compiledOnce(
            try! Regex(#"^\#(englishKindModifiers)(?:\#(englishKinds)) +by +.+$"#).ignoresCase())
        nonisolated(unsafe) static let afterName: Regex<AnyRegexOutput> = {
            let heads = (englishMeetings.union(englishStatements)).sorted()
                .map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|")
            return compiledOnce(try! Regex(#"(?i)\b(?:\#(heads))(?= on | in | at | held | during |, | – | — | - |: )"#))
        }()
    }
}
