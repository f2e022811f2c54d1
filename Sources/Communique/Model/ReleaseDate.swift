/// A day, as a release's meeting date is written: `2024-07-28`. Numbers, not a `Date`: a
/// meeting is on a day wherever it is held, not at an instant.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (0...9999).contains(year), (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, of: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Exactly `yyyy-mm-dd`, a day that exists.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = ISODigits.number(bytes[0..<4]), let month = ISODigits.number(bytes[5..<7]),
            let day = ISODigits.number(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `2024-07-28`
    public var iso: String { "\(yearText)-\(ISODigits.two(month))-\(ISODigits.two(day))" }
    /// The year as the date writes it (four digits): timelines group by it.
    public var yearText: String { String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year) }
    public var description: String { iso }
    /// The day's midnight in UTC, RFC 3339 (a feed's stamp for a release known by its day).
    public var rfc3339Midnight: String { iso + "T00:00:00Z" }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// When a release was published, as front matter gives it: a day, or a day and a time of
/// day, with or without a UTC offset (`2024-07-31`, `2024-07-31T10:10`,
/// `2024-07-31T10:10:00.5+09:00`, `… 10:10Z`). `iso` writes it back exactly as it was given.
public struct PublicationTime: Sendable, Hashable, CustomStringConvertible {
    public struct TimeOfDay: Sendable, Hashable {
        public let hour: Int
        public let minute: Int
        public let second: Int?
        /// The digits after the decimal point of the seconds, as written.
        public let fraction: String?
        /// `T`, or a space.
        let separator: Character
    }

    public enum Offset: Sendable, Hashable {
        /// `Z`
        case utc
        /// `+09:00`, `-05:00` (`east` false), `-00:00` kept as written.
        case hoursMinutes(east: Bool, hours: Int, minutes: Int)
    }

    public let date: CalendarDate
    public let time: TimeOfDay?
    public let offset: Offset?

    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, let date = CalendarDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)) else { return nil }
        self.date = date
        var rest = bytes[10...]
        guard let first = rest.first else {
            time = nil
            offset = nil
            return
        }
        guard first == UInt8(ascii: "T") || first == UInt8(ascii: " ") else { return nil }
        rest = rest.dropFirst()
        func two(max: Int) -> Int? {
            guard rest.count >= 2, let value = ISODigits.number(rest.prefix(2)), value <= max else { return nil }
            rest = rest.dropFirst(2)
            return value
        }
        guard let hour = two(max: 23), rest.first == UInt8(ascii: ":") else { return nil }
        rest = rest.dropFirst()
        guard let minute = two(max: 59) else { return nil }
        var second: Int?
        var fraction: String?
        if rest.first == UInt8(ascii: ":") {
            rest = rest.dropFirst()
            guard let value = two(max: 60) else { return nil }
            second = value
            if rest.first == UInt8(ascii: ".") {
                rest = rest.dropFirst()
                let digits = rest.prefix { $0 &- 0x30 < 10 }
                guard !digits.isEmpty else { return nil }
                fraction = String(decoding: digits, as: UTF8.self)
                rest = rest.dropFirst(digits.count)
            }
        }
        time = TimeOfDay(hour: hour, minute: minute, second: second, fraction: fraction, separator: Character(UnicodeScalar(first)))
        if rest.isEmpty {
            offset = nil
        } else if Array(rest) == [UInt8(ascii: "Z")] {
            offset = .utc
        } else {
            guard let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
            rest = rest.dropFirst()
            guard let hours = two(max: 14), rest.first == UInt8(ascii: ":") else { return nil }
            rest = rest.dropFirst()
            guard let minutes = two(max: 59), rest.isEmpty else { return nil }
            offset = .hoursMinutes(east: sign == UInt8(ascii: "+"), hours: hours, minutes: minutes)
        }
    }

    /// As it was written.
    public var iso: String {
        var text = date.iso
        if let time {
            text += "\(time.separator)\(ISODigits.two(time.hour)):\(ISODigits.two(time.minute))"
            if let second = time.second { text += ":" + ISODigits.two(second) }
            if let fraction = time.fraction { text += "." + fraction }
        }
        return text + offsetText
    }

    /// RFC 3339 for feeds: with seconds (no fraction) and an offset, UTC when none is given;
    /// a day alone is its midnight, UTC.
    public var rfc3339: String {
        guard let time else { return date.rfc3339Midnight }
        let clock = "\(ISODigits.two(time.hour)):\(ISODigits.two(time.minute)):\(ISODigits.two(time.second ?? 0))"
        return "\(date.iso)T\(clock)" + (offset == nil ? "Z" : offsetText)
    }

    public var description: String { iso }

    private var offsetText: String {
        switch offset {
        case nil: return ""
        case .utc: return "Z"
        case .hoursMinutes(let east, let hours, let minutes):
            return (east ? "+" : "-") + ISODigits.two(hours) + ":" + ISODigits.two(minutes)
        }
    }
}

/// Reading and writing the digits of ISO 8601 dates.
enum ISODigits {
    static func number<Digits: Collection>(_ digits: Digits) -> Int? where Digits.Element == UInt8 {
        guard !digits.isEmpty, digits.allSatisfy({ $0 &- 0x30 < 10 }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
