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

    /// Newest year first; items keep their order.
    let groups: [(year: String, items: [Item])]
    /// The list's own page (showing the newest year) and the page of an older year.
    let main: String
    let yearPage: (String) -> String

    init(_ items: [Item], site: SiteSource, release: (Item) -> String, main: String, yearPage: @escaping (String) -> String) {
        var groups: [(year: String, items: [Item])] = []
        for item in items {
            let year = site.release(withID: release(item))?.date.map { String($0.prefix(4)) } ?? Self.undated
            if groups.last?.year == year {
                groups[groups.count - 1].items.append(item)
            } else {
                groups.append((year, [item]))
            }
        }
        self.groups = groups
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
    func items(of year: String?) -> [Item] {
        guard let year else { return groups.first?.items ?? [] }
        return groups.first { $0.year == year }?.items ?? []
    }

    /// How a year is named on pages ("undated" in the site's language).
    static func label(_ year: String, labels: [String: String]) -> String {
        year == undated ? labels["undated"]! : year
    }

    /// Links to every year for the page of `year` (nil: the list's own page), the
    /// current one marked. Empty when there is only one year.
    func navigation(on year: String?, labels: [String: String]) -> [[String: Any]] {
        guard groups.count > 1 else { return [] }
        let from = path(of: year)
        let shown = year ?? groups.first?.year
        return groups.map { group in
            [
                "year": Self.label(group.year, labels: labels), "is_current": group.year == shown,
                "url": Permalinks.relative(from: from, to: path(of: group.year)),
            ]
        }
    }

    /// Template keys of `navigation`, for the template check.
    static var itemKeys: [String: Any] { ["years": [["year": "", "url": "", "is_current": true]], "has_years": true] }
}
