/// Dates as readers of each language write them. Works on the text of the front
/// matter (ISO 8601), never on the clock, so output depends on the content alone.
enum DateDisplay {
    /// `2024-07-28` → `2024年7月28日` (ja) or `28 July 2024` (en); other text unchanged.
    static func format(_ iso: String, language: String) -> String {
        let datePart = iso.prefix(10).split(separator: "-")
        guard datePart.count == 3, let y = Int(datePart[0]), let m = Int(datePart[1]), let d = Int(datePart[2]),
            (1...12).contains(m)
        else { return iso }
        var time = ""
        if iso.count >= 16, let t = iso.firstIndex(where: { $0 == "T" || $0 == " " }) {
            time = " " + iso[iso.index(after: t)...].prefix(5)
        }
        if language.hasPrefix("ja") { return "\(y)年\(m)月\(d)日\(time)" }
        return "\(d) \(months[m - 1]) \(y)\(time)"
    }

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
}
