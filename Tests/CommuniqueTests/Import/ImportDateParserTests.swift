import Testing

@testable import Communique

@Suite struct ImportDateParserTests {
    func date(_ text: String) -> String? {
        DateParser.firstDate(in: WidthFolding.fold(text))?.date.isoDate
    }

    @Test func japaneseEraDates() {
        #expect(date("令和6(2024)年7月28日(日)18時45分") == "2024-07-28")
        #expect(date("令和6年7月28日") == "2024-07-28")
        #expect(date("令和元年5月1日") == "2019-05-01")
        #expect(date("平成31年4月30日") == "2019-04-30")
        #expect(date("令和６年７月２８日") == "2024-07-28")
        #expect(date("令和６（２０２４）年７月２８日") == "2024-07-28")
        #expect(date("昭和64年1月7日") == "1989-01-07")
    }

    @Test func westernDates() {
        #expect(date("2024-7-31 10:10") == "2024-07-31")
        #expect(date("2024/07/31") == "2024-07-31")
        #expect(date("July 28, 2024") == "2024-07-28")
        #expect(date("Tokyo, July 28, 2024") == "2024-07-28")
        #expect(date("28 July 2024") == "2024-07-28")
        #expect(date("Sept. 5, 2024") == "2024-09-05")
        #expect(date("2024年7月28日") == "2024-07-28")
        #expect(date("２０２４年７月２８日") == "2024-07-28")
    }

    @Test func notDates() {
        #expect(date("2024年度予算") == nil)
        #expect(date("2024-13-01") == nil)
        #expect(date("2023年2月29日") == nil)
        #expect(date("7月28日") == nil)
        #expect(date("version 12024/07/31") == nil)
    }

    @Test func dateLinesWithTimes() {
        func line(_ text: String) -> String? {
            DateParser.dateLine(WidthFolding.fold(text))?.iso8601(utcOffset: "+09:00")
        }
        #expect(line("2024-7-31 10:10") == "2024-07-31T10:10:00+09:00")
        #expect(line("2024/07/31") == "2024-07-31")
        #expect(line("掲載日：令和6年7月31日") == "2024-07-31")
        #expect(line("令和6年7月28日(日)午後3時15分") == "2024-07-28T15:15:00+09:00")
        #expect(line("2024年7月31日 18時45分") == "2024-07-31T18:45:00+09:00")
        #expect(line("Published: July 31, 2024") == "2024-07-31")
        #expect(line("July 31, 2024 3:15 p.m.") == "2024-07-31T15:15:00+09:00")
        #expect(line("防衛省は令和6(2024)年7月28日(日)18時45分、公表した。") == nil)
        #expect(line("Tokyo, July 28, 2024") == nil)
    }

    @Test func monthAndDayTakeTheYearGiven() {
        #expect(DateParser.firstMonthDay(in: "(7月28日)", year: 2024)?.isoDate == "2024-07-28")
        #expect(DateParser.firstMonthDay(in: "on July 28", year: 2024)?.isoDate == "2024-07-28")
    }
}
