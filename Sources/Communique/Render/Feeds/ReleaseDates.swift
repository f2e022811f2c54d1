/// Timestamps for feeds, from the content, never from the build clock, so two builds
/// of the same content are the same bytes.
enum ReleaseDates {
    /// RFC 3339 date-time of a release: its `published` time (with its offset; UTC when
    /// it has none), else its meeting date at midnight UTC; nil when it has neither.
    static func timestamp(_ release: Release) -> String? {
        if let published = release.published { return published.rfc3339 }
        if let date = release.date { return date.rfc3339Midnight }
        return nil
    }

    /// The sort key of an RFC 3339 stamp in UTC (`yyyy-MM-ddTHH:mm:ss`), so stamps with
    /// different offsets compare correctly.
    static func utcKey(_ stamp: String) -> String {
        let chars = Array(stamp)
        guard chars.count >= 20 else { return stamp }
        var hour = Int(String(chars[11..<13])) ?? 0, minute = Int(String(chars[14..<16])) ?? 0
        var day = Int(String(chars[8..<10])) ?? 1, month = Int(String(chars[5..<7])) ?? 1, year = Int(String(chars[0..<4])) ?? 0
        if chars.count >= 25, chars[19] == "+" || chars[19] == "-" {
            let sign = chars[19] == "+" ? -1 : 1
            hour += sign * (Int(String(chars[20..<22])) ?? 0)
            minute += sign * (Int(String(chars[23..<25])) ?? 0)
        }
        while minute < 0 { minute += 60; hour -= 1 }
        while minute >= 60 { minute -= 60; hour += 1 }
        let daysIn = { (y: Int, m: Int) -> Int in
            [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        }
        while hour < 0 { hour += 24; day -= 1 }
        while hour >= 24 { hour -= 24; day += 1 }
        if day < 1 { month -= 1; if month < 1 { month = 12; year -= 1 }; day = daysIn(year, month) }
        if day > daysIn(year, month) { day = 1; month += 1; if month > 12 { month = 1; year += 1 } }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(String(chars[17..<19]))"
    }
}
