import Foundation

/// Finds dates in statement text: Japanese era dates (令和6(2024)年7月28日, 令和元年5月1日),
/// kanji Western dates (2024年7月28日), numeric dates (2024-7-31, 2024/07/31) and English
/// ones (July 28, 2024; 28 July 2024), with an optional time after them.
///
/// Every function takes width-folded text (see `WidthFolding`), so `２０２４年` and
/// `（２０２４）` need no patterns of their own.
enum DateParser {
    /// A date found in a line, and where it is.
    struct Match {
        var date: StatementDate
        var range: Range<String.Index>
    }

    /// First day of each era, as (name, Western year of its first year).
    static let eras: [(name: String, firstYear: Int)] = [
        ("令和", 2019), ("平成", 1989), ("昭和", 1926), ("大正", 1912), ("明治", 1868),
    ]

    static let monthNames: [String: Int] = {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"]
        var map: [String: Int] = [:]
        for (i, name) in names.enumerated() {
            map[name] = i + 1
            map[String(name.prefix(3))] = i + 1
        }
        map["sept"] = 9
        return map
    }()

    /// The patterns, compiled once (see `compiledOnce`).
    enum Patterns {
        nonisolated(unsafe) static let eraDate = compiledOnce(/(?<era>令和|平成|昭和|大正|明治) *(?<year>元|\d{1,2}) *(?:\( *(?<western>\d{4}) *\))? *年 *(?<month>\d{1,2}) *月 *(?<day>\d{1,2}) *日/)
        nonisolated(unsafe) static let kanjiDate = compiledOnce(/(?<year>\d{4}) *年 *(?<month>\d{1,2}) *月 *(?<day>\d{1,2}) *日/)
        nonisolated(unsafe) static let numericDate = compiledOnce(/(?<year>\d{4})(?<sep>[-\/.])(?<month>\d{1,2})\k<sep>(?<day>\d{1,2})(?![\d])/)
        nonisolated(unsafe) static let englishMonthFirst = compiledOnce(/(?i)\b(?<month>[a-z]{3,9})\.? +(?<day>\d{1,2})(?:st|nd|rd|th)?,? +(?<year>\d{4})\b/)
        nonisolated(unsafe) static let englishDayFirst = compiledOnce(/(?i)\b(?<day>\d{1,2})(?:st|nd|rd|th)? +(?<month>[a-z]{3,9})\.?,? +(?<year>\d{4})\b/)
        nonisolated(unsafe) static let kanjiMonthDay = compiledOnce(/(?<month>\d{1,2}) *月 *(?<day>\d{1,2}) *日/)
        nonisolated(unsafe) static let englishMonthDay = compiledOnce(/(?i)\b(?<month>[a-z]{3,9})\.? +(?<day>\d{1,2})(?:st|nd|rd|th)?\b/)
        nonisolated(unsafe) static let dateLabel = compiledOnce(/(?i)(?:掲載日|公開日|発表日|更新日|日付|日時|date|published|posted|released|updated) *[:：]? */)
        nonisolated(unsafe) static let weekday = compiledOnce(/[ ]*\([^()]{1,9}\)/)
        nonisolated(unsafe) static let timeOfDay = compiledOnce(/(?i)[ T]*(?<ampm>午前|午後)? *(?<hour>\d{1,2}) *(?::|時) *(?<minute>\d{2})? *分?(?: *(?<suffix>a\.?m\.?|p\.?m\.?))?/)
    }

    /// The first complete date (with a year) in `folded`.
    static func firstDate(in folded: String) -> Match? {
        allDates(in: folded).first
    }

    /// Every complete date in `folded`, in order of position.
    static func allDates(in folded: String) -> [Match] {
        // Every form has digits, the Japanese ones 年, the English ones Latin letters: most
        // lines (headings, sentences) skip the patterns, which are slow to run.
        let utf8 = folded.utf8
        guard utf8.contains(where: { $0 &- 0x30 < 10 }) else { return [] }
        let japanese = folded.contains("年")
        let latin = utf8.contains { ($0 | 0x20) &- 0x61 < 26 }
        var found: [Match] = []
        for match in japanese ? folded.matches(of: Patterns.eraDate) : [] {
            let out = match.output
            guard let base = eras.first(where: { $0.name == out.era })?.firstYear else { continue }
            let eraYear = out.year == "元" ? 1 : Int(out.year) ?? 0
            let year = out.western.flatMap { Int($0) } ?? base + eraYear - 1
            if let date = StatementDate(year: year, month: Int(out.month) ?? 0, day: Int(out.day) ?? 0) {
                found.append(Match(date: date, range: match.range))
            }
        }
        for match in japanese ? folded.matches(of: Patterns.kanjiDate) : [] {
            let out = match.output
            guard !follows(folded, match.range, oneOf: "0123456789") else { continue }
            if let date = StatementDate(year: Int(out.year) ?? 0, month: Int(out.month) ?? 0, day: Int(out.day) ?? 0) {
                found.append(Match(date: date, range: match.range))
            }
        }
        for match in folded.matches(of: Patterns.numericDate) {
            let out = match.output
            guard !follows(folded, match.range, oneOf: "0123456789./-") else { continue }
            if let date = StatementDate(year: Int(out.year) ?? 0, month: Int(out.month) ?? 0, day: Int(out.day) ?? 0) {
                found.append(Match(date: date, range: match.range))
            }
        }
        for match in latin ? folded.matches(of: Patterns.englishMonthFirst) : [] {
            let out = match.output
            if let month = monthNames[out.month.lowercased()],
                let date = StatementDate(year: Int(out.year) ?? 0, month: month, day: Int(out.day) ?? 0)
            {
                found.append(Match(date: date, range: match.range))
            }
        }
        for match in latin ? folded.matches(of: Patterns.englishDayFirst) : [] {
            let out = match.output
            if let month = monthNames[out.month.lowercased()],
                let date = StatementDate(year: Int(out.year) ?? 0, month: month, day: Int(out.day) ?? 0)
            {
                found.append(Match(date: date, range: match.range))
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// A month and day without a year (7月28日, July 28), completed with `year`.
    static func firstMonthDay(in folded: String, year: Int) -> StatementDate? {
        var candidates: [(String.Index, StatementDate)] = []
        if let m = folded.matches(of: Patterns.kanjiMonthDay).first(where: {
            !follows(folded, $0.range, oneOf: "0123456789")
        }),
            let date = StatementDate(year: year, month: Int(m.output.month) ?? 0, day: Int(m.output.day) ?? 0)
        {
            candidates.append((m.range.lowerBound, date))
        }
        for m in folded.matches(of: Patterns.englishMonthDay) {
            if let month = monthNames[m.output.month.lowercased()],
                let date = StatementDate(year: year, month: month, day: Int(m.output.day) ?? 0)
            {
                candidates.append((m.range.lowerBound, date))
                break
            }
        }
        return candidates.min { $0.0 < $1.0 }?.1
    }

    /// A line that is nothing but a date, with an optional label (`掲載日：`, `Published:`),
    /// weekday (`(水)`) and time (`10:10`, `18時45分`, `午後3時15分`): the publication
    /// stamp of a copied web page.
    static func dateLine(_ folded: String) -> StatementDate? {
        var line = Substring(folded.trimmingCharacters(in: .whitespaces))
        if let label = line.prefixMatch(of: Patterns.dateLabel) {
            line = line[label.range.upperBound...]
        }
        let text = String(line)
        guard let match = firstDate(in: text), match.range.lowerBound == text.startIndex else { return nil }
        var rest = text[match.range.upperBound...]
        if let weekday = rest.prefixMatch(of: Patterns.weekday) { rest = rest[weekday.range.upperBound...] }
        var date = match.date
        if let time = rest.prefixMatch(of: Patterns.timeOfDay) {
            var hour = Int(time.output.hour) ?? -1
            let minute = time.output.minute.flatMap { Int($0) } ?? 0
            let suffix = time.output.suffix?.lowercased()
            if time.output.ampm == "午後" || suffix?.hasPrefix("p") == true, hour < 12 { hour += 12 }
            if (time.output.ampm == "午前" || suffix?.hasPrefix("a") == true), hour == 12 { hour = 0 }
            guard let timed = StatementDate(
                year: date.year, month: date.month, day: date.day, hour: hour, minute: minute)
            else { return nil }
            date = timed
            rest = rest[time.range.upperBound...]
        }
        guard rest.allSatisfy({ $0.isWhitespace }) else { return nil }
        return date
    }

    /// Whether the character just before `range` is one of `characters` (Swift's regex
    /// has no lookbehind): `12024/07/31` holds no date, `2024年` in `12024年` neither.
    private static func follows(_ text: String, _ range: Range<String.Index>, oneOf characters: String) -> Bool {
        guard range.lowerBound > text.startIndex else { return false }
        return characters.contains(text[text.index(before: range.lowerBound)])
    }
}
