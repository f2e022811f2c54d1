import ArgumentParser
import Foundation
import Testing

@testable import Communique
@testable import CommuniqueCLI

/// How a page's bytes are read (its declared encoding), and pages that hold no statement:
/// a clear error naming the file, a non-zero exit, nothing written.
@Suite struct ImportHTMLInputTests {
    func page(_ body: String, head: String = "<meta charset=\"utf-8\">") -> String {
        "<!DOCTYPE html>\n<html>\n<head>\(head)<title>t</title></head>\n<body>\n\(body)\n</body>\n</html>\n"
    }

    static let statement = "<main><h1>日米外相会談</h1><p>両外相は、同盟の強化で一致した。</p></main>"

    // MARK: - Encodings

    @Test(arguments: [
        ("<meta charset=\"Shift_JIS\">", String.Encoding.shiftJIS, SourceText.Encoding.shiftJIS),
        ("<meta charset=windows-31j>", .shiftJIS, .shiftJIS),
        ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=EUC-JP\">", .utf8, .eucJP),
    ])
    func declaredEncodingIsRead(_ head: String, _ foundation: String.Encoding, _ expected: SourceText.Encoding) throws {
        let text = page(Self.statement, head: head)
        // Foundation cannot write EUC-JP on Linux: those bytes are made by iconv here too.
        let data = try #require(expected == .eucJP ? try Self.eucJP(text) : text.data(using: foundation))
        #expect(String(data: data, encoding: .utf8) == nil)
        let result = try StatementImporter().importStatement(at: try ImportFixtures.temporaryFile("page.html", data), id: nil)
        #expect(result.report.encoding == expected)
        #expect(result.statement.title == "日米外相会談")
        #expect(result.report.description.contains("(\(expected.rawValue), HTML)"))
    }

    static func eucJP(_ text: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "EUC-JP"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    @Test func aPageSavedAsUTF8KeepingItsShiftJISDeclarationIsReadAsUTF8() throws {
        let data = Data(page(Self.statement, head: "<meta charset=\"Shift_JIS\">").utf8)
        let result = try StatementImporter().importStatement(at: try ImportFixtures.temporaryFile("saved.html", data), id: nil)
        #expect(result.report.encoding == .utf8)
        #expect(result.statement.title == "日米外相会談")
        #expect(result.statement.guesses.first?.message.contains("declares charset \"shift_jis\" but is UTF-8") == true)
    }

    @Test func aPageWithoutDeclarationIsUTF8() throws {
        let data = Data(page(Self.statement, head: "").utf8)
        let result = try StatementImporter().importStatement(at: try ImportFixtures.temporaryFile("plain.html", data), id: nil)
        #expect(result.report.encoding == .utf8)
    }

    // MARK: - Pages without a content area

    @Test func aPageWithoutContentMarkupIsReadWholeLessItsHeaderAndFooter() throws {
        let body = """
            <header><p>Ministry of Examples</p></header>
            <p>Joint communique</p>
            <p>&nbsp;</p>
            <p>Both sides agreed to meet again</p>
            <footer><p>Contact us</p></footer>
            """
        let result = try StatementImporter().importStatement(at: try ImportFixtures.temporaryFile("bare.html", Data(page(body).utf8)), id: nil)
        #expect(result.statement.dropped.map(\.text) == ["Ministry of Examples", "Contact us"])
        // The no-break space of a spacer paragraph is no paragraph.
        #expect((result.statement.lead + result.statement.sections.flatMap(\.paragraphs)).map(\.text)
            == ["Joint communique", "Both sides agreed to meet again"])
    }

    // MARK: - Shapes

    func imported(_ body: String) throws -> Statement {
        try StatementImporter().importStatement(at: try ImportFixtures.temporaryFile("shape.html", Data(page(body).utf8)), id: nil).statement
    }

    @Test func nestedListsAreALevelBelow() throws {
        let statement = try imported("<main><ol><li>一<ol><li>入れ子一</li><li>入れ子二</li></ol></li><li>二</li></ol></main>")
        let paragraphs = try #require(statement.sections.first?.paragraphs)
        #expect(paragraphs.map(\.text) == ["1. 一", "(1) 入れ子一", "(2) 入れ子二", "2. 二"])
        #expect(paragraphs.map(\.level) == [1, 2, 2, 1])
    }

    @Test func aTableCellIsOneLineWhateverItHolds() throws {
        let statement = try imported("""
            <main><p>日程は次のとおり。</p><table><tr><th>時期</th><th>内容</th></tr>
            <tr><td>春<br>（予定）</td><td><dl><dt>協議</dt><dd>東京</dd></dl></td></tr></table></main>
            """)
        let table = try #require((statement.lead + statement.sections.flatMap { $0.intro + $0.paragraphs }).first { $0.tableRows != nil })
        #expect(table.tableRows == [["時期", "内容"], ["春 （予定）", "協議 東京"]])
    }

    // MARK: - Bad input

    func refused(_ name: String, _ data: Data) throws -> CommuniqueError {
        let path = try ImportFixtures.temporaryFile(name, data)
        // As every bad input of the text importer: the file named, nothing written.
        let (error, root) = try ImportBadInputTests().importing(path)
        // Through the command: exit status non-zero, nothing written.
        var command = try CommuniqueCommand.parseAsRoot(["import", path, "--root", root.path])
        #expect(throws: ExitCode.failure) { try command.run() }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Content").path))
        return error
    }

    @Test func anEmptyPage() throws {
        let error = try refused("empty.html", Data(page("").utf8))
        #expect(error.description.contains("no statement text found in the page"))
    }

    @Test func aPageOfOnlyNavigation() throws {
        let nav = """
            <header><a href="/">Ministry</a></header>
            <nav><ul><li><a href="/">Home</a></li><li><a href="/press/">Press releases</a></li></ul></nav>
            <footer><p>Copyright</p></footer>
            """
        let error = try refused("nav.html", Data(page(nav).utf8))
        #expect(error.description.contains("nothing but navigation"))
    }

    @Test func mainContentOfOnlyChrome() throws {
        // A <main> of only marked chrome is passed over, as if it were not there.
        let marked = """
            <main>
            <ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/press/">Press</a></li></ol>
            <div class="share"><a href="#">Share</a> <a href="#">Print</a></div>
            </main>
            """
        #expect(try refused("marked.html", Data(page(marked).utf8)).description.contains("nothing but navigation"))
        // One of chrome by its words only is read, and found to hold nothing else.
        let labels = "<main>\n<p>Print this page</p>\n<p><a href=\"#top\">Back to top</a></p>\n</main>"
        let error = try refused("labels.html", Data(page(labels).utf8))
        #expect(error.description.contains("all of it is navigation, share links or other page chrome"))
        #expect(error.diagnostics.first?.location?.line == 6)
    }

    @Test func anUndeclaredPageThatIsNotUTF8() throws {
        var data = Data("<!DOCTYPE html>\n<html><body>\n<p>".utf8)
        data.append(contentsOf: [0x93, 0xFA, 0x95, 0xC4])  // 日米 in Shift_JIS
        data.append(Data("</p></body></html>\n".utf8))
        let error = try refused("undeclared.html", data)
        #expect(error.description.contains("not valid UTF-8"))
        #expect(error.diagnostics.first?.location?.line == 3)
    }

    @Test func aCharsetImportCannotRead() throws {
        let error = try refused("koi8.html", Data(page(Self.statement, head: "<meta charset=\"koi8-r\">").utf8))
        #expect(error.description.contains("declares charset \"koi8-r\""))
    }
}
