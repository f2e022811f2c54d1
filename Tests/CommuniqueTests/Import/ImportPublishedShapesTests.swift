import Foundation
import Testing

@testable import Communique

/// Statement shapes met in the wild that the text importer got wrong (#16): each fixture
/// is one shape, and each test fails on the importer before the fix.
@Suite struct ImportPublishedShapesTests {
    /// A site's banner, search box, menu and bracketed name above the title are chrome, not
    /// the title; they are listed as dropped.
    @Test func chromeAboveTheStatement() throws {
        let ja = try ImportFixtures.importFixture("chrome-above-ja.txt").statement
        #expect(ja.title == "日米首脳電話会談")
        #expect(ja.dropped.map(\.text) == ["首相官邸　Prime Minister's Office of Japan", "サイト内検索", "メニュー", "［首相官邸ホームページ］"])
        let en = try ImportFixtures.importFixture("chrome-above-en.txt").statement
        #expect(en.title == "Joint Statement on the Japan-U.S. Economic Policy Consultative Committee")
        #expect(en.dropped.map(\.text) == ["THE WHITE HOUSE", "Menu", "Search", "Briefing Room > Statements and Releases"])
        #expect(en.innerTitle == nil)
    }

    /// A short title followed by share buttons is still the title: only top-of-page chrome
    /// (search, menu, breadcrumbs, the site's name) marks what is above it as a banner.
    @Test func aTitleAboveShareButtonsIsKept() throws {
        let text = "日米外相会談\n印刷\n令和6年7月28日\n両外相は会談を行いました。\n"
        let path = try ImportFixtures.temporaryFile("share.txt", Data(text.utf8))
        let statement = try StatementImporter().importStatement(at: path, id: nil).statement
        #expect(statement.title == "日米外相会談")
    }

    /// Japanese wrapped at 38 columns imports into the same pages as the same text unwrapped:
    /// no paragraph split where a wrapped line ended on 。, no space where a line ended on `(`
    /// before Latin text (`統合作戦司令部(` + `JJOC)`).
    @Test func narrowHardWrappedJapaneseJoinsLikeTheOriginal() throws {
        let wrapped = try ImportFixtures.importFixture("narrow-ja.txt", id: "x")
        let original = try ImportFixtures.importFixture("narrow-ja-unwrapped.txt", id: "x")
        func pages(_ result: ImportResult) -> [String] {
            result.files.map { $0.path + "\n" + $0.contents.replacingOccurrences(of: "source: narrow-ja-unwrapped.txt", with: "source: narrow-ja.txt") }
        }
        #expect(pages(wrapped) == pages(original))
        let first = try #require(ImportFixtures.file(wrapped, "01-soron.md"))
        #expect(first.contains("今年度新設の統合作戦司令部(JJOC)の発足に向けた準備について説明しました。"))
        #expect(wrapped.statement.sections.map(\.paragraphs.count) == [2, 2, 1])
    }

    @Test func joiningNeverPutsASpaceAfterAnOpeningBracketOrNextToJapanese() {
        #expect(LineJoiner.joined("統合作戦司令部(", "JJOC)の発足") == "統合作戦司令部(JJOC)の発足")
        #expect(LineJoiner.joined("the Joint Operations Command (JJOC", ") was") == "the Joint Operations Command (JJOC) was")
        #expect(LineJoiner.joined("作業部会", "WG") == "作業部会WG")
        #expect(LineJoiner.joined("the two", "sides") == "the two sides")
    }

    /// `**Leading on Innovation,** **Economic Security, and Climate Action**`, one heading
    /// bolded in two runs, is a section heading, and the report says it was a guess.
    @Test func aHeadingInTwoBoldRuns() throws {
        let result = try ImportFixtures.importFixture("bold-runs-en.txt")
        #expect(result.statement.sections.map(\.title) == [
            "Strengthening Our Alliance", "Leading on Innovation, Economic Security, and Climate Action",
        ])
        #expect(result.statement.sections.map(\.numberedCount) == [2, 2])
        #expect(result.statement.guesses.contains {
            $0.line == 7 && $0.message.contains("bold line “Leading on Innovation, Economic Security, and Climate Action”")
        })
        #expect(HeadingDetector.boldRuns("**a,** **b**") == "a, b")
        #expect(HeadingDetector.boldRuns("**a** and **b**") == nil)
        #expect(HeadingDetector.boldRuns("**a**") == nil)
    }

    /// `11, We…` between `10.` and `12.` gets number 11, with a guess in the report; the page
    /// writes it as its neighbours are written, so the site numbers it.
    @Test func aMistypedMarkerThatFitsTheSequenceIsRepaired() throws {
        let result = try ImportFixtures.importFixture("malformed-markers-en.txt")
        let numbers = result.statement.sections.flatMap(\.paragraphs).compactMap(\.marker?.value)
        #expect(numbers == Array(8...15))
        let page = try #require(result.files.first { $0.path.hasPrefix("01-") }?.contents)
        #expect(page.contains("\n11\\. We expressed serious concern"))
        #expect(result.statement.guesses.contains { $0.line == 7 && $0.message.contains("took '11,' for paragraph number 11 (between 10 and 12)") })
    }

    /// A number that does not fit the sequence is text, not a repaired marker.
    @Test func aNumberOutOfSequenceIsLeftAsText() {
        let lines = ["10. We met.", "2024, a year of change, began.", "11. We agreed."].enumerated().map {
            LogicalLine(SourceLine(number: $0.offset + 1, text: $0.element))
        }
        let repaired = MarkerRepair.repair(lines)
        #expect(repaired.blocks.map(\.text) == lines.map(\.text))
        #expect(repaired.guesses.isEmpty)
    }

    /// "President Joseph R. Biden, Jr." keeps his initial and his suffix.
    @Test func englishNamesWithInitialsAndSuffixes() throws {
        let people = try ImportFixtures.importFixture("bold-runs-en.txt").statement.participants
        #expect(people.map(\.name) == ["Joseph R. Biden, Jr.", "Kishida Fumio"])
    }
}

/// Markdown saved by another tool carries its own front-matter keys (a scraper's
/// `source_url`, `published_time`, `tags`): they are set aside like page chrome, with their
/// lines, and named in the report; a misspelt known key is still refused.
@Suite struct ImportForeignFrontMatterTests {
    @Test func foreignKeysAreSetAsideAndMisspellingsRefused() throws {
        let text = """
            ---
            tags: statements-releases
            title: Joint Statement
            source_url: https://example.org/a-very-long/
              address-continued
            ---

            We met today.
            """
        let path = try ImportFixtures.temporaryFile("scraped.md", Data(text.utf8))
        let result = try StatementImporter().importStatement(at: path, id: "x")
        #expect(result.statement.title == "Joint Statement")
        #expect(result.statement.dropped.map(\.number) == [2, 4, 5])
        #expect(result.statement.guesses.map(\.message) == [
            "left out front-matter key 'tags', which Communique does not read (kept in _dropped.txt)",
            "left out front-matter key 'source_url', which Communique does not read (kept in _dropped.txt)",
        ])
        #expect(try #require(ImportFixtures.file(result, "_dropped.txt")).contains("source_url: https://example.org/a-very-long/\n  address-continued\n"))
        #expect(!(try #require(ImportFixtures.file(result, "_index.md"))).contains("source_url"))

        let misspelt = try ImportFixtures.temporaryFile("misspelt.md", Data(text.replacingOccurrences(of: "title:", with: "titel:").utf8))
        let error = try #require(throws: CommuniqueError.self) { try StatementImporter().importStatement(at: misspelt, id: "x") }
        #expect(error.description.contains("unknown key 'titel' (did you mean 'title'?)"))
        #expect(!error.description.contains("'tags'"))
    }

    /// The White House statements of `../shared/samples/en/` import as they are.
    @Test(.enabled(if: EnglishSeries.folder != nil, "../shared/samples/en/ is not beside the repository"))
    func scrapedEnglishStatementsImport() throws {
        let folder = try #require(EnglishSeries.folder)
        for name in ["2021-04-16-us-japan-joint-leaders-statement", "2022-05-23-japan-us-joint-leaders-statement", "2023-01-13-joint-statement-us-japan"] {
            let result = try StatementImporter().importStatement(at: folder.appendingPathComponent(name + ".md").path, id: nil)
            #expect(result.statement.guesses.contains { $0.message.hasPrefix("left out front-matter key 'source_url'") }, "\(name)")
            #expect(result.statement.language == "en")
        }
    }
}
