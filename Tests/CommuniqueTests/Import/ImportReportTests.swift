import Foundation
import Testing

@testable import Communique

/// The import report is what a person checks in ten seconds: per section the count and the
/// numbers found, where the numbering skips or repeats, what was guessed and what dropped.
@Suite struct ImportReportTests {
    func imported(_ text: String, name: String = "statement.txt") throws -> ImportResult {
        try StatementImporter().importStatement(at: try ImportFixtures.temporaryFile(name, Data(text.utf8)), id: "x")
    }

    @Test func gapsRepeatsAndBackStepsAreNamedWithTheirLines() throws {
        let text = """
            日米外相会談
            令和6年7月28日
            総論
            (1) 一つ目です。
            (2) 二つ目です。
            (4) 四つ目です。
            (4) 四つ目がもう一度です。
            (3) 三つ目です。
            (7) 七つ目です。
            地域情勢
            (1) 地域の一つ目です。
            """
        let report = try imported(text).report
        #expect(report.numberingProblems.map(\.message) == [
            "number 3 is missing between (2) and (4)",
            "(4) is repeated (lines 6 and 7)",
            "numbering goes back from (4) to (3)",
            "numbers 4–6 are missing between (3) and (7)",
        ])
        #expect(report.numberingProblems.map(\.line) == [6, 7, 8, 9])
        #expect(report.sections.map(\.numbering) == ["(1)–(7)", "(1)"])
        #expect(report.description.contains("  numbering    4 problems to check:\n    line 6: number 3 is missing between (2) and (4)\n"))
    }

    /// A communiqué numbered 1–N across its sections has no gap at a section's start; one
    /// that starts in the middle is named.
    @Test func numberingCarriedAcrossSectionsIsNoGap() throws {
        let text = """
            Joint Statement
            July 29, 2024
            **Security**
            1. One.
            2. Two.
            **Economy**
            3. Three.
            4. Four.
            **Climate**
            7. Seven.
            """
        let report = try imported(text).report
        #expect(report.numberingProblems.map(\.message) == ["“Climate” starts at 7., not 1 (the section before ends at 4)"])
        #expect(try imported(text.replacingOccurrences(of: "7. Seven", with: "5. Five")).report.numberingProblems.isEmpty)
        #expect(try imported(text.replacingOccurrences(of: "7. Seven", with: "5. Five")).report.description.contains("numbering    no gaps or repeats"))
    }

    /// Guesses (headings from bold or short lines, repaired markers) are listed in source order.
    @Test func guessesAreListedInSourceOrder() throws {
        let report = try ImportFixtures.importFixture("malformed-markers-en.txt").report
        #expect(report.guesses.map(\.line) == [3, 7])
        let text = report.description
        #expect(text.contains("    01-tokyo-japan.md  Tokyo, Japan: 8 numbered paragraphs 8.–15.\n"))
        #expect(text.contains("  guessed      2 things to check:\n    line 3: took the short line “Tokyo, Japan” for a section heading\n    line 7: took '11,' for paragraph number 11"))
    }

    /// `--format json`: the same facts under stable keys, the same bytes each time.
    @Test func jsonCarriesTheSameFacts() throws {
        let result = try ImportFixtures.importFixture(ImportFixtures.sample)
        let json = try result.report.json()
        #expect(json == (try ImportFixtures.importFixture(ImportFixtures.sample).report.json()))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["encoding"] as? String == "UTF-8")
        #expect(object["line_ends"] as? String == "LF")
        #expect(object["title"] as? String == "日米安全保障協議委員会(「2+2」)を実施(7月28日)")
        let sections = try #require(object["sections"] as? [[String: Any]])
        #expect(sections.map { $0["title"] as? String } == ["総論", "地域情勢", "同盟の現代化", "米軍の態勢"])
        #expect(sections.map { $0["numbering"] as? String } == ["(1)–(3)", "(1)–(5)", "(1)–(9)", "(1)–(3)"])
        #expect(sections.map { $0["numbered"] as? Int } == [3, 5, 9, 3])
        #expect((object["numbering_problems"] as? [Any])?.isEmpty == true)
        let dropped = try #require(object["dropped"] as? [[String: Any]])
        #expect(dropped.first?["text"] as? String == "Ranking読まれている記事")
        let guesses = try #require(object["guesses"] as? [[String: Any]])
        #expect(guesses.first?["message"] as? String == "took the short line “総論” for a section heading")
    }
}
