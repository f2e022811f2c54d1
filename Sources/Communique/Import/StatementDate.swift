/// A calendar date, with a time of day when the text gives one.
///
/// Kept as numbers rather than `Date`: a statement's date is a date in Tokyo (or
/// wherever), not an instant, and front matter writes it back as text.
public struct StatementDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int?
    public var minute: Int?

    public init?(year: Int, month: Int, day: Int, hour: Int? = nil, minute: Int? = nil) {
        guard (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, of: year),
            (1000...9999).contains(year)
        else { return nil }
        if let hour, let minute {
            guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    /// `2024-07-28`
    public var isoDate: String { "\(pad(year, 4))-\(pad(month))-\(pad(day))" }

    /// `2024-07-31T10:10:00+09:00` when the time is known (the offset only when given),
    /// otherwise the date alone.
    public func iso8601(utcOffset: String?) -> String {
        guard let hour, let minute else { return isoDate }
        return "\(isoDate)T\(pad(hour)):\(pad(minute)):00" + (utcOffset ?? "")
    }

    public var description: String { iso8601(utcOffset: nil) }

    public static func < (a: StatementDate, b: StatementDate) -> Bool {
        (a.year, a.month, a.day, a.hour ?? -1, a.minute ?? -1) < (b.year, b.month, b.day, b.hour ?? -1, b.minute ?? -1)
    }

    static func days(inMonth month: Int, of year: Int) -> Int { CalendarDate.days(inMonth: month, of: year) }

    private func pad(_ n: Int, _ width: Int = 2) -> String {
        width == 2 ? ISODigits.two(n) : String(repeating: "0", count: max(0, width - String(n).count)) + String(n)
    }
}
