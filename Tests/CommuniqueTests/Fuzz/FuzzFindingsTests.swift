import Foundation
import Testing

@testable import Communique

/// Bugs the fuzz targets (`make fuzz`, Sources/CommuniqueFuzz) found, each pinned by a test;
/// the inputs themselves are replayed from Tests/fuzz/regressions/ by `make test`.
@Suite struct FuzzFindingsTests {
    /// cmark-gfm lets a table cell hold only text, code, emphasis, links and the like: the
    /// custom inline a glossary link is made of was refused, and the term's text vanished from
    /// the cell (and the refused nodes leaked). Found by the `markdown` target
    /// (Tests/fuzz/regressions/markdown/table-cell-wrap).
    @Test func aGlossaryTermInATableCellKeepsItsText() throws {
        var files = TestSite.minimal
        files["Content/glossary.yml"] = "- term: 同盟調整メカニズム\n  aliases: [ACM]\n  definition: 調整の仕組み。\n"
        files["Content/releases/2024-07-28-test/03-table.md"] = """
            ---
            title: 用語
            order: 3
            slug: yogo
            ---

            | 略語 | 説明 |
            |---|---|
            | ACM | 同盟調整メカニズム |

            ACMは同盟調整メカニズムの略です。
            """
        let site = try TestSite(files)
        defer { site.remove() }
        try site.build()
        let html = try site.page("releases/2024-07-28-test/yogo/index.html")
        #expect(html.contains(">ACM</td>"), "the term's text is gone from its cell")
        #expect(html.contains(">同盟調整メカニズム</td>"), "the term's text is gone from its cell")
        // Outside the table the term is still linked.
        #expect(html.contains("class=\"term\""))
    }

    /// libyaml counts a bare "\r" as a line break, so a key given twice could be reported
    /// past the last "\n" line, and looking for its second place took a range whose start
    /// was past its end: a crash instead of a message. Found by the `frontmatter` target
    /// (Tests/fuzz/regressions/frontmatter/duplicate-key-after-bare-cr).
    @Test func aKeyGivenTwiceOnLinesEndedByABareCarriageReturnIsAnErrorNotACrash() throws {
        #expect(throws: CommuniqueError.self) {
            try FrontMatter(parsing: "---\ntitle: a\rorder: 1\rorder: 2\n---\nbody\n", file: "a.md")
        }
        let site = try TestSite(["Content/site.yml": "title: T\rauthor: A\rlanguage: ja\rlanguage: en"], templates: false)
        defer { site.remove() }
        #expect(throws: CommuniqueError.self) { try SiteLoader().loadConfig(root: site.root) }
    }

    /// The import wrote a page without a title, which `build` refuses, when a Markdown
    /// statement had an empty heading (`#` alone, `## `: read as the release's title or a
    /// section's), an empty `title: ''` in its front matter, or nothing but a section heading
    /// (no sentence to take the title from). Found by the `import` target
    /// (Tests/fuzz/regressions/import/empty-heading-*, empty-front-matter-title.md,
    /// only-a-heading-shift-jis).
    @Test(arguments: [
        "#\n\nThe Ministers met in Tokyo.\n",
        "Title\n\n## \n\nThe Ministers met in Tokyo.\n\n## Regional affairs\n\nThey discussed the region.\n",
        "# ##\n\n## Overview\n\nThe Ministers met.\n\n##\n\nMore text.\n",
        "---\ntitle: ''\n---\nThe Ministers met in Tokyo.\n",
        "## Overview\n",
    ])
    func anImportedReleaseAlwaysHasATitle(_ text: String) throws {
        let source = try SourceText(data: Data(text.utf8), path: "statement.md")
        let result = try StatementImporter(reader: nil).importStatement(source, id: nil)
        #expect(!(result.statement.releaseTitle ?? "").isEmpty)
        #expect(result.statement.sections.allSatisfy { !$0.title.isEmpty })
        let site = try TestSite(["Content/site.yml": "title: T\n"], templates: false)
        defer { site.remove() }
        _ = try ImportWriter(root: site.root).write(result, force: false)
        let folder = site.root.appendingPathComponent("Content/releases/\(result.releaseID)")
        let release = try SiteLoader().loadRelease(folder: folder, root: site.root, defaultLanguage: "en")
        #expect(!release.title.isEmpty)
    }

    /// A Markdown statement's front matter was copied as given: a misspelt key, `date:
    /// yesterday` or a participant's unknown key were written into `_index.md`, which `build`
    /// then refused. The importer now refuses them at their line, as `build` would, and writes
    /// a date given another way as yyyy-mm-dd. Found by the `import` target
    /// (Tests/fuzz/regressions/import/front-matter-build-would-refuse.md).
    @Test(arguments: [
        ("---\ntitel: 日米会談\n---\n本文です。\n", 2, "unknown key 'titel'", "title"),
        ("---\ntitle: 会談\ndate: yesterday\n---\n本文です。\n", 3, "'date' must be a date", "yesterday"),
        ("---\ntitle: 会談\npublished: top of page\n---\n本文です。\n", 3, "'published' must be a date", "top of page"),
        ("---\ntitle: 会談\nlanguage: <b>\n---\n本文です。\n", 3, "'language' must be a language tag", "<b>"),
        ("---\ntitle: 会談\nparticipants:\n  - name: 上川陽子\n    yomi: かみかわ\n---\n本文です。\n", 5, "unknown key 'yomi'", "reading"),
        // Keys the importer passes through are checked too (draft-true-or-false).
        ("---\ntitle: 会談\ndraft: fsale\n---\n本文です。\n", 3, "'draft' must be true or false", "draft"),
        ("---\ntitle: 会談\ntopics:\n  a: b\n---\n本文です。\n", 4, "'topics' must be a list of texts", "topics"),
    ])
    func aMarkdownStatementsFrontMatterIsCheckedAsBuildWouldCheckIt(
        _ text: String, line: Int, message: String, mentioned: String
    ) throws {
        let source = try SourceText(data: Data(text.utf8), path: "statement.md")
        let error = try #require(throws: CommuniqueError.self) {
            try StatementImporter(reader: nil).importStatement(source, id: nil)
        }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.location?.file == "statement.md")
        #expect(diagnostic.location?.line == line)
        #expect(diagnostic.message.contains(message), "\(diagnostic.message)")
        #expect(diagnostic.message.contains(mentioned), "\(diagnostic.message)")
    }

    @Test func aDateWrittenAnotherWayIsImportedAsAnISODateThatLoads() throws {
        let text = "---\ntitle: 日米会談\ndate: 2024年7月28日\npublished: July 29, 2024\ndraft: true\n---\n本文です。\n"
        let source = try SourceText(data: Data(text.utf8), path: "statement.md")
        let result = try StatementImporter(reader: nil).importStatement(source, id: nil)
        let index = try #require(result.files.first { $0.path == "_index.md" }?.contents)
        #expect(index.contains("date: \"2024-07-28\""), "\(index)")
        #expect(index.contains("published: \"2024-07-29"), "\(index)")
        #expect(index.contains("draft: true"), "a key a release may have is kept: \(index)")
        let site = try TestSite(["Content/site.yml": "title: T\n"], templates: false)
        defer { site.remove() }
        _ = try ImportWriter(root: site.root).write(result, force: false)
        let folder = site.root.appendingPathComponent("Content/releases/\(result.releaseID)")
        let release = try SiteLoader().loadRelease(folder: folder, root: site.root, defaultLanguage: "ja")
        #expect(release.date?.iso == "2024-07-28")
        #expect(release.draft)
    }

    /// Foundation's `replacingOccurrences(of: "\r", …)` skipped a CR followed by an extending
    /// mark, the halfwidth `ﾟ` a Shift_JIS file makes of byte 0xDF: the CR stayed inside a
    /// line, part of the paragraph's text, and the written Markdown lost it. Found by the
    /// `import` target (Tests/fuzz/regressions/import/carriage-return-before-a-sound-mark).
    @Test func everyCarriageReturnEndsALineEvenBeforeAnExtendingMark() throws {
        let source = try SourceText(data: Data("a\r\r\u{FF9F}\u{FF9F}\r\nb\rc\n".utf8), path: "s.txt")
        #expect(source.lines.map(\.text) == ["a", "", "\u{FF9F}\u{FF9F}", "b", "c"])
        // The same as Shift_JIS bytes (a, CR, ﾟ, LF, 日).
        let shiftJIS = try SourceText(data: Data([0x61, 0x0D, 0xDF, 0xDF, 0x0A, 0x93, 0xFA, 0x0A]), path: "s.txt")
        #expect(shiftJIS.lines.map(\.text) == ["a", "\u{FF9F}\u{FF9F}", "日"])
        #expect(shiftJIS.hadCarriageReturns)
    }

    /// A bold heading hard-wrapped over two lines is one section heading, its title without
    /// the `**` and its words all kept. (The import target's "nothing lost" check read the
    /// `**` of each line alone and reported them lost; its check was wrong, not the importer:
    /// Tests/fuzz/regressions/import/bold-heading-wrapped-over-two-lines.)
    @Test func aBoldHeadingWrappedOverTwoLinesIsOneHeading() throws {
        let text = """
            G7 Foreign Ministers' Statement
            Capri, April 18, 2024

            **Leading on Innovation, Economic
            Security, and Climate Action**

            We, the G7 Foreign Ministers, met in Capri.
            """
        let source = try SourceText(data: Data(text.utf8), path: "statement.txt")
        let result = try StatementImporter(reader: nil).importStatement(source, id: nil)
        #expect(result.statement.sections.map(\.title) == ["Leading on Innovation, Economic Security, and Climate Action"])
        #expect(result.statement.sections.first?.paragraphs.map(\.text) == ["We, the G7 Foreign Ministers, met in Capri."])
    }

    /// `#` and a no-break space is no Markdown heading (CommonMark wants a space or tab), so the
    /// statement was read as plain text, whose title reader took the line for a title and
    /// stripped it to nothing: the release had an empty title and `build` refused it. Found by
    /// the `import` target (Tests/fuzz/regressions/import/hash-and-no-break-space-title).
    @Test func aLineOfMarkupAloneIsNoTitle() throws {
        let text = "#\u{00A0}\n2024年7月28日、日米の閣僚が会談した。\n"
        let source = try SourceText(data: Data(text.utf8), path: "statement.txt")
        let result = try StatementImporter(reader: nil).importStatement(source, id: nil)
        #expect(result.statement.title == nil)
        let title = try #require(result.statement.releaseTitle)
        #expect(!title.isEmpty)
        let site = try TestSite(["Content/site.yml": "title: T\n"], templates: false)
        defer { site.remove() }
        _ = try ImportWriter(root: site.root).write(result, force: false)
        let folder = site.root.appendingPathComponent("Content/releases/\(result.releaseID)")
        #expect(try SiteLoader().loadRelease(folder: folder, root: site.root, defaultLanguage: "ja").title == title)
    }
    /// With no title line, the release is listed under the statement's first sentence; a first
    /// paragraph opening with its full stop (". Preamble") gave an empty sentence, so the
    /// release had no title and `build` refused it. Found by the `import` target
    /// (Tests/fuzz/regressions/import/paragraph-opening-with-a-full-stop).
    @Test(arguments: [
        (". Preamble\n\n1. We, the Ministers, met in Capri.\n\n#\n", "Preamble"),
        ("---\nlanguage: ja\n---\n。\n\n日米の閣僚が会談した。\n", "日米の閣僚が会談した。"),
        ("---\nlanguage: en\n---\n. . .\n\nThe Ministers met. They agreed.\n", "The Ministers met"),
    ])
    func aFirstSentenceWithoutWordsIsNoTitle(_ text: String, _ expected: String) throws {
        let source = try SourceText(data: Data(text.utf8), path: "statement.txt")
        let result = try StatementImporter(reader: nil).importStatement(source, id: nil)
        #expect(result.statement.format == .markdown && result.statement.title == nil)
        #expect(result.statement.releaseTitle == expected)
        let site = try TestSite(["Content/site.yml": "title: T\n"], templates: false)
        defer { site.remove() }
        _ = try ImportWriter(root: site.root).write(result, force: false)
        let folder = site.root.appendingPathComponent("Content/releases/\(result.releaseID)")
        #expect(try SiteLoader().loadRelease(folder: folder, root: site.root, defaultLanguage: "en").title == expected)
    }

    /// A byte-order mark inside a web page (files pasted together) made a heading of it alone, or
    /// started one: YAML drops it, so the section's title did not load, or loaded other than
    /// written. Found by the `html` target (Tests/fuzz/regressions/html/byte-order-mark-in-headings.html).
    @Test func aByteOrderMarkInsideAPageIsNoText() throws {
        let page = "<main><h1>\u{FEFF}</h1><h2>\u{FEFF}</h2><p>Text.</p><h2>\u{FEFF}Second</h2><p>More text.</p></main>"
        let result = try StatementImporter().importStatement(at: try ImportFixtures.temporaryFile("bom.html", Data(page.utf8)), id: nil)
        #expect(result.statement.title == nil)
        #expect(result.statement.sections.map(\.title) == ["Second"])
    }

    /// A heading of only a no-break space (`<h2>&nbsp;</h2>`, a spacer) made a heading or a
    /// section title that shows nothing and that YAML reads as empty. Found by the `html` target
    /// (Tests/fuzz/regressions/html/no-break-space-heading.html); and a `<br>` right after an
    /// address in the text was written as a backslash that GFM took into the link
    /// (`line-break-after-a-url.html`; the escaping fixture checks it).
    @Test func aHeadingOfANoBreakSpaceHeadsNothing() throws {
        let page = "<main><h1>&nbsp;</h1><h2>\u{00A0}</h2><p>Text.</p><h2>Second</h2><p>More text.</p><h3>&nbsp;</h3></main>"
        let result = try StatementImporter().importStatement(at: try ImportFixtures.temporaryFile("nbsp.html", Data(page.utf8)), id: nil)
        #expect(result.statement.title == nil)
        #expect(result.statement.sections.map(\.title) == ["Second"])
        #expect(result.statement.sections[0].paragraphs.map(\.text) == ["More text."])
    }
}
