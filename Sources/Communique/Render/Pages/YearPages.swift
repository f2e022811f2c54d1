/// A long list (a topic's mentions, a glossary term's uses) split by the year of the
/// release each item comes from, newest year first. The list's own page shows the
/// newest year; each older year gets a page below it (`<page folder>/<year>/`).
///
/// On a site of hundreds of releases such a list has thousands of items: one page of
/// them all was megabytes, and every new release rewrote it. Split, a new release
/// rewrites its year's page and the list's own page. So a year's page must show
/// nothing that other years change: its own count, the years without counts.
struct YearPages<Item> {
    static var undated: String { "undated" }

    /// Newest year first, each with where its items are in the list. The list is kept
    /// as it came (an array shares its storage), not copied into groups: every topic's
    /// and entry's years are made before rendering, and copies were megabytes.
    let groups: [(year: String, range: Range<Int>)]
    private let items: [Item]
    /// The list's own page (showing the newest year) and the page of an older year.
    let main: String
    let yearPage: (String) -> String

    /// `items` newest release first, so each year's items are together.
    init(_ items: [Item], site: SiteSource, release: (Item) -> String, main: String, yearPage: @escaping (String) -> String) {
        var groups: [(year: String, range: Range<Int>)] = []
        for (index, item) in items.enumerated() {
            let year = site.release(withID: release(item))?.date?.yearText ?? Self.undated
            if groups.last?.year == year {
                groups[groups.count - 1].range = groups[groups.count - 1].range.lowerBound..<(index + 1)
            } else {
                groups.append((year, index..<(index + 1)))
            }
        }
        self.groups = groups
        self.items = items
        self.main = main
        self.yearPage = yearPage
    }

    /// The older years, each of which has a page.
    var olderYears: [String] { groups.dropFirst().map(\.year) }

    /// The page showing `year` (nil: the list's own page, which shows the newest).
    func path(of year: String?) -> String {
        guard let year, year != groups.first?.year else { return main }
        return yearPage(year)
    }

    /// The items shown on the page of `year` (nil: the newest year's).
    func items(of year: String?) -> ArraySlice<Item> {
        let group = year == nil ? groups.first : groups.first { $0.year == year }
        return group.map { items[$0.range] } ?? []
    }

    /// How a year is named on pages ("undated" in the site's language).
    static func label(_ year: String, labels: [String: String]) -> String {
        year == undated ? labels["undated"]! : year
    }

    /// Links to every year for the page of `year` (nil: the list's own page), the
    /// current one marked. Empty when there is only one year.
    func navigation(on year: String?, labels: [String: String]) -> [YearLink] {
        guard groups.count > 1 else { return [] }
        let from = path(of: year)
        let shown = year ?? groups.first?.year
        return groups.map { group in
            YearLink(
                year: Self.label(group.year, labels: labels), isCurrent: group.year == shown,
                url: Permalinks.relative(from: from, to: path(of: group.year)))
        }
    }
}
