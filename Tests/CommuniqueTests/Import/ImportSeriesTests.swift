import Foundation
import Testing

@testable import Communique

/// A release's series is the recurring meeting (or kind of statement) its title names,
/// without what changes from one meeting to the next.
@Suite struct ImportSeriesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var title: String
        var series: String?
        init(_ title: String, _ series: String?) {
            self.title = title
            self.series = series
        }
        var testDescription: String { title }
    }

    static let japanese: [Case] = [
        .init("日米安全保障協議委員会(「2+2」)を実施(7月28日)", "日米安全保障協議委員会"),
        .init("日米安全保障協議委員会(日米「2+2」)(概要)", "日米安全保障協議委員会"),
        .init("日米防衛相会談の開催について(令和6年7月28日)", "日米防衛相会談"),
        .init("第10回日米拡大抑止協議の結果概要", "日米拡大抑止協議"),
        .init("日米首脳共同声明(2024年4月10日)", "日米首脳共同声明"),
        .init("令和7(2025)年度第2回日米防衛相会談を開催", "日米防衛相会談"),
        .init("【報道発表】日米外相会談(2024年7月28日(日))", "日米外相会談"),
        .init("日米豪印外相会合に関する共同声明", "日米豪印外相会合"),
        .init("日豪外務・防衛閣僚協議(「2+2」)共同声明", "日豪外務・防衛閣僚協議"),
        .init("ウクライナ情勢に関するG7首脳声明", "G7首脳声明"),
        .init("日ＥＵ定期首脳協議", "日EU定期首脳協議"),
        .init("日米経済版「2+2」", "日米経済版「2+2」"),
        .init("防衛大臣記者会見", "防衛大臣記者会見"),
        .init("外務報道官談話", "外務報道官談話"),
        .init("日米首脳会談後の共同記者会見", "日米首脳会談"),
        .init("ＧＸ実行会議（第１３回）の開催", "GX実行会議"),
    ]

    static let english: [Case] = [
        .init("Joint Statement of the Security Consultative Committee (2+2)", "Security Consultative Committee"),
        .init("Japan-U.S. Security Consultative Committee (\"2+2\")", "Japan-U.S. Security Consultative Committee"),
        .init("G7 Leaders' Statement, June 14, 2024", "G7 Leaders' Statement"),
        .init("G7 Leaders’ Statement, 14 June 2024", "G7 Leaders' Statement"),
        .init("G7 Foreign Ministers' Statement on the Middle East", "G7 Foreign Ministers' Statement"),
        .init("The 10th Japan-U.S. Extended Deterrence Dialogue", "Japan-U.S. Extended Deterrence Dialogue"),
        .init("Japan-Australia 2+2 Joint Statement", "Japan-Australia 2+2"),
        .init("Japan-Australia Foreign and Defence Ministerial Consultations", "Japan-Australia Foreign and Defence Ministerial Consultations"),
        .init("Chair's Statement of the G20 Foreign Ministers' Meeting", "G20 Foreign Ministers' Meeting"),
        .init("Japan-U.S. Summit Meeting in Washington, D.C., April 10, 2024", "Japan-U.S. Summit Meeting"),
        .init("Inaugural Japan-Philippines-U.S. Trilateral Summit", "Japan-Philippines-U.S. Trilateral Summit"),
        .init("Statement by the Press Secretary on the Economy", "Statement by the Press Secretary"),
    ]

    /// One-off statements and names without a qualifier are no series.
    static let none: [Case] = [
        .init("天皇陛下の御退位に際しての談話", nil),
        .init("防衛装備移転三原則の運用指針の改正について", nil),
        .init("共同声明", nil),
        .init("日米安全保障協議委員会の概要。以下のとおり合意した。", nil),
        .init("<script>alert(1)</script>を含む声明(8月1日)", nil),
        .init("Joint Press Statement", nil),
        .init("Joint Statement", nil),
        .init("Remarks", nil),
        .init("July 28, 2024", nil),
        .init("The Ministers reaffirmed the Alliance", nil),
    ]

    @Test(arguments: japanese + english + none)
    func seriesOfATitle(_ c: Case) {
        #expect(SeriesDetector.series(in: c.title) == c.series)
    }

    @Test func theDocumentTitleServesWhenThePageTitleNamesNoSeries() {
        #expect(SeriesDetector.series(title: "報道発表", innerTitle: "日米防衛相会談(概要)") == "日米防衛相会談")
        #expect(SeriesDetector.series(title: "日米外相会談", innerTitle: "日米防衛相会談(概要)") == "日米外相会談")
        #expect(SeriesDetector.series(title: nil, innerTitle: "Joint Statement of the Security Consultative Committee") == "Security Consultative Committee")
        #expect(SeriesDetector.series(title: "Joint Press Statement", innerTitle: "Joint Statement") == nil)
    }

    // MARK: - Through the importer

    func frontMatterKeys(_ result: ImportResult) throws -> [Substring] {
        let index = try #require(ImportFixtures.file(result, "_index.md"))
        return index.split(separator: "\n").dropFirst().prefix { $0 != "---" }
            .filter { $0.first?.isLetter == true }.compactMap { $0.split(separator: ":").first }
    }

    @Test func theSampleIsFiledUnderItsMeetingRightAfterItsLanguage() throws {
        let result = try ImportFixtures.importFixture(ImportFixtures.sample)
        #expect(result.statement.series == "日米安全保障協議委員会")
        let index = try #require(ImportFixtures.file(result, "_index.md"))
        #expect(index.contains("\nlanguage: ja\nseries: 日米安全保障協議委員会\nparticipants:\n"))
        #expect(result.report.description.contains("\n  series       日米安全保障協議委員会\n"))
    }

    @Test(arguments: [
        ("english-statement.txt", "Japan-U.S. Security Consultative Committee"),
        ("hard-wrapped-ja.txt", "日米安全保障協議委員会"),
        ("crlf-bom.txt", "日米防衛相会談"),
        ("paren-latin.txt", "Japan-Australia Foreign and Defence Ministerial Consultations"),
        ("markdown-headings.txt", "日米首脳共同声明"),
        ("fullwidth-fullstop.txt", "日EU定期首脳協議"),
    ])
    func fixturesAreFiledUnderTheirSeries(_ file: String, _ series: String) throws {
        let result = try ImportFixtures.importFixture(file)
        #expect(result.statement.series == series)
        #expect(ImportFixtures.file(result, "_index.md")?.contains("\nseries: \(series)\n") == true)
    }

    @Test func withoutASeriesTheKeyIsLeftOutAndTheReportSaysSo() throws {
        let result = try ImportFixtures.importFixture("era-heisei.txt")
        #expect(result.statement.series == nil)
        #expect(try !frontMatterKeys(result).contains("series"))
        #expect(result.report.description.contains("\n  series       (not found)\n"))
    }

    func importMarkdown(_ frontMatter: String) throws -> ImportResult {
        let text = "---\ntitle: 日米防衛相会談(7月28日)\n\(frontMatter)---\n\n## 総論\n\n(1)双方は一致しました。\n"
        let path = try ImportFixtures.temporaryFile("series.md", Data(text.utf8))
        return try StatementImporter().importStatement(at: path, id: "series-test")
    }

    @Test func aSeriesGivenInFrontMatterWins() throws {
        let given = try importMarkdown("series: 日米防衛相会談(定例)\n")
        #expect(given.statement.series == "日米防衛相会談(定例)")
        #expect(ImportFixtures.file(given, "_index.md")?.contains("\nseries: 日米防衛相会談(定例)\n") == true)
        let detected = try importMarkdown("")
        #expect(ImportFixtures.file(detected, "_index.md")?.contains("\nseries: 日米防衛相会談\n") == true)
        // An empty one says the release belongs to no series.
        let empty = try importMarkdown("series: \"\"\n")
        #expect(ImportFixtures.file(empty, "_index.md")?.contains("\nseries:") == false)
        #expect(empty.report.series == nil)
    }
}
