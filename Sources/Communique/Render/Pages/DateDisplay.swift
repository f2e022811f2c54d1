/// Dates as readers of each language write them. Works on the text of the front
/// matter (ISO 8601), never on the clock, so output depends on the content alone.
enum DateDisplay {
    /// `2024-07-28` → `2024年7月28日` (ja) or `28 July 2024` (en).
    static func format(_ date: CalendarDate, language: String) -> String {
        format(date, time: "", language: language)
    }

    /// With the time of day when it has one: `2024年7月31日 10:10`.
    static func format(_ published: PublicationTime, language: String) -> String {
        let time = published.time.map { " \(ISODigits.two($0.hour)):\(ISODigits.two($0.minute))" } ?? ""
        return format(published.date, time: time, language: language)
    }

    private static func format(_ date: CalendarDate, time: String, language: String) -> String {
        if language.hasPrefix("ja") { return "\(date.year)年\(date.month)月\(date.day)日\(time)" }
        return "\(date.day) \(months[date.month - 1]) \(date.year)\(time)"
    }

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
}
