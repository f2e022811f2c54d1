import Testing

@testable import Communique

/// A release's dates are typed values read from front matter and written back as given.
@Suite struct ReleaseDateTests {
    @Test(arguments: [
        "2024-07-31", "2024-07-31T10:10", "2024-07-31T10:10:00", "2024-07-31 10:10:05", "2024-07-31T10:10:00.125",
        "2024-07-31T10:10:00+09:00", "2024-07-31T10:10Z", "2024-07-31T23:59:60-05:30", "2024-07-31T00:00:00-00:00",
        "2024-02-29",
    ])
    func aPublicationTimeIsWrittenBackAsGiven(_ text: String) throws {
        let time = try #require(PublicationTime(iso: text))
        #expect(time.iso == text)
    }

    @Test(arguments: [
        "2024-13-01", "2023-02-29", "2024-07-31T24:00", "2024-07-31T10", "2024-07-31T10:10:00.", "2024-07-31T10:10+9:00",
        "2024-07-31T10:10+15:00", "2024-07-31X", "24-07-31", "yesterday", "２０２４-07-31", "",
    ])
    func notADateTime(_ text: String) {
        #expect(PublicationTime(iso: text) == nil)
    }

    @Test func calendarDates() throws {
        #expect(CalendarDate(iso: "2024-07-28")?.iso == "2024-07-28")
        #expect(CalendarDate(iso: "2024-07-28T10:00") == nil)
        #expect(CalendarDate(iso: "2024-04-31") == nil)
        let dates = ["2023-12-31", "2024-01-01", "2024-07-28"].compactMap(CalendarDate.init(iso:))
        #expect(dates == dates.sorted() && dates.count == 3)
        #expect(CalendarDate(iso: "0999-01-01")?.yearText == "0999")
    }

    @Test func datesAreShownInTheSitesLanguage() throws {
        let published = try #require(PublicationTime(iso: "2024-07-31T10:10:00+09:00"))
        #expect(DateDisplay.format(published, language: "ja") == "2024年7月31日 10:10")
        #expect(DateDisplay.format(published.date, language: "en") == "31 July 2024")
        #expect(DateDisplay.format(try #require(PublicationTime(iso: "2024-07-31")), language: "en") == "31 July 2024")
    }

    /// Newest first, undated last, by id within a day: the home page's and feed's order.
    @Test func releasesSortByTheirTypedDates() {
        func release(_ id: String, _ date: String?) -> Release {
            let body = MarkdownSource(text: "", file: "", firstLine: 1)
            return Release(id: id, title: id, date: date.flatMap(CalendarDate.init(iso:)), language: "ja", body: body, sections: [])
        }
        let releases = [release("b", "2024-07-28"), release("u", nil), release("a", "2024-07-28"), release("c", "2023-01-05")]
        #expect(releases.sorted(by: Release.newestFirst).map(\.id) == ["b", "a", "c", "u"])
        #expect(releases.sorted(by: Release.oldestFirst).map(\.id) == ["u", "c", "a", "b"])
    }
}
